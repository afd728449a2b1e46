"""Safe XML for the GEXF and GraphML readers and writers.

Reading goes through defusedxml: a file that declares entities (the
"billion laughs" entity bomb, or an external entity that would read a
local file) is refused before anything is expanded, with a
:class:`netmap.FileFormatError` naming the file. Malformed or truncated
files give the line and column where the parser stopped. Every element
keeps the line it starts on, so that errors in its values name that line.

Writing escapes text for XML (tabs and line breaks in attribute values as
character references, so they read back unchanged) and refuses the control
characters XML 1.0 cannot hold at all.

netmap's own tables travel in a ``<netmap:map>`` element (namespace
:data:`NETMAP_NS`), the last child of the document's root: the map's
settings (direction, title, wave order), the column order of the actors
and ties, and the memberships, bodies and activities as rows of cells.
Gephi and networkx skip elements they do not know.
"""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

import pandas as pd

from netmap.model.exceptions import FileFormatError, InvalidValueError

__all__ = ["NETMAP_NS", "XmlDocument", "parse_xml", "attr", "text", "check_text",
           "fragment", "read_fragment", "local"]

NETMAP_NS = "urn:netmap:exchange:1"
_N = f"{{{NETMAP_NS}}}"

_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ATTR = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;",
                       "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})
_TEXT = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})


def attr(value: str) -> str:
    """A value escaped for a double-quoted XML attribute."""
    return value.translate(_ATTR)


def text(value: str) -> str:
    """A value escaped for XML element text."""
    return value.translate(_TEXT)


def local(tag: str) -> str:
    """The local name of a tag, without its namespace."""
    return tag.rsplit("}", 1)[-1]


def check_text(frame: pd.DataFrame, table: str) -> None:
    """Refuse text that XML 1.0 cannot hold (control characters).

    Raises
    ------
    InvalidValueError
        Naming the table, the column and the value.
    """
    for column in frame.columns:
        values = frame[column]
        if pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
            continue
        for value in pd.unique(values.dropna().astype(str)):
            if _INVALID.search(value):
                raise InvalidValueError(
                    f"the value {value!r} holds a control character that XML cannot "
                    "hold", table=table, column=str(column), value=value,
                    suggestion="remove the control character from the value")
    for column in frame.columns:
        if _INVALID.search(str(column)):
            raise InvalidValueError(
                f"the column name {str(column)!r} holds a control character that XML "
                "cannot hold", table=table, column=str(column),
                suggestion="rename the column")


@dataclass
class XmlDocument:
    """A parsed XML file: its root element and the line each element starts on."""

    root: ET.Element
    lines: dict
    file: str

    def line(self, element: ET.Element) -> int | None:
        """The line an element starts on."""
        return self.lines.get(element)


class _LineBuilder(ET.TreeBuilder):
    """A tree builder that notes the line each element starts on."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: dict = {}
        self.parser = None

    def start(self, tag, attrs):  # noqa: D102
        element = super().start(tag, attrs)
        self.lines[element] = self.parser.parser.CurrentLineNumber
        return element


def parse_xml(path, *, kind: str) -> XmlDocument:
    """Parse an XML file safely (no entities, no external references).

    Parameters
    ----------
    path : path-like
        The file.
    kind : str
        What the file should be ("GEXF", "GraphML"), for messages.

    Raises
    ------
    FileFormatError
        When the file cannot be read, is not well-formed (truncated,
        damaged) or declares entities or external references.
    """
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import DefusedXMLParser

    name = os.fspath(path)
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as err:
        raise FileFormatError(f"cannot read the file: {err.strerror}", file=name,
                              suggestion="check the path") from err
    builder = _LineBuilder()
    parser = DefusedXMLParser(target=builder, forbid_dtd=False, forbid_entities=True,
                              forbid_external=True)
    builder.parser = parser
    try:
        parser.feed(data)
        root = parser.close()
    except DefusedXmlException as err:
        raise FileFormatError(
            f"the file declares XML entities or external references ({err}); netmap "
            "does not expand them, since a hostile file can use them to exhaust "
            "memory (an 'entity bomb') or to read other files", file=name,
            suggestion=f"export the {kind} file again from the program that made it; "
                       "a plain export declares no entities") from err
    except ET.ParseError as err:
        line, column = err.position
        damaged = "no element found" in str(err) or "unclosed token" in str(err)
        raise FileFormatError(
            f"not a well-formed {kind} file: the XML breaks off at line {line}, column "
            f"{column} ({err.msg if hasattr(err, 'msg') else err})", file=name, row=line,
            suggestion=("the file looks truncated or damaged: copy or export it again"
                        if damaged else f"check the XML at line {line}, or export the "
                        f"{kind} file again")) from err
    return XmlDocument(root, builder.lines, name)


# -- netmap's own tables ----------------------------------------------------------
def fragment(settings: list[list[str]], headers: dict[str, list[str]],
             tables: dict[str, tuple[list[str], list[list]]]) -> list[str]:
    """The ``<netmap:map>`` element as lines of XML.

    Parameters
    ----------
    settings : list of [name, value]
        Settings rows without their header.
    headers : dict of str to list of str
        Column order of tables carried elsewhere in the file (actors, ties).
    tables : dict of str to (columns, rows)
        Tables carried whole: each row a list of text cells or None.
    """
    out = [f'  <netmap:map xmlns:netmap="{NETMAP_NS}" format="1">']
    for key, value in settings:
        out.append(f'    <netmap:setting name="{attr(key)}" value="{attr(value)}"/>')

    def cells(values) -> str:
        return "".join("<netmap:c/>" if v is None else f"<netmap:c>{text(v)}</netmap:c>"
                       for v in values)

    for table, columns in headers.items():
        out.append(f'    <netmap:table name="{table}"><netmap:header>{cells(columns)}'
                   "</netmap:header></netmap:table>")
    for table, (columns, rows) in tables.items():
        out.append(f'    <netmap:table name="{table}">')
        out.append(f"      <netmap:header>{cells(columns)}</netmap:header>")
        out.extend(f"      <netmap:row>{cells(row)}</netmap:row>" for row in rows)
        out.append("    </netmap:table>")
    out.append("  </netmap:map>")
    return out


@dataclass
class Fragment:
    """netmap's tables read back from a file."""

    settings_rows: list
    headers: dict
    tables: dict  # table -> numbered rows, header first


def read_fragment(doc: XmlDocument) -> Fragment | None:
    """The ``<netmap:map>`` element of a document, or None when there is none."""
    element = doc.root.find(f"{_N}map")
    if element is None:
        return None
    settings_rows = [(doc.line(s), [s.get("name"), s.get("value")])
                     for s in element.findall(f"{_N}setting")]
    headers: dict[str, list[str]] = {}
    tables: dict[str, list] = {}
    for table in element.findall(f"{_N}table"):
        name = table.get("name")
        header = table.find(f"{_N}header")
        columns = [c.text or "" for c in header] if header is not None else []
        if name in ("actors", "ties"):
            headers[name] = columns
        else:
            tables[name] = [(doc.line(header), columns), *(
                (doc.line(r), [c.text for c in r]) for r in table.findall(f"{_N}row"))]
    return Fragment([(None, ["setting", "value"]), *settings_rows], headers, tables)
