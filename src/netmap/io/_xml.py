"""Safe XML for the GEXF and GraphML readers and writers.

Reading goes through defusedxml: a file that declares entities (the
"billion laughs" entity bomb, or an external entity that would read a
local file) is refused before anything is expanded, with a
:class:`netmap.FileFormatError` naming the file. Malformed or truncated
files give the line and column where the parser stopped. Every element
keeps the line it starts on, so that errors in its values name that line.

Writing goes through the standard library's :class:`xml.sax.saxutils.XMLGenerator`
(:class:`XmlWriter`), which escapes every value (tabs and line breaks in
attribute values as character references, so that they read back
unchanged); the control characters XML 1.0 cannot hold at all are refused
first (:func:`check_text`).

netmap's own tables travel in a ``<netmap:map>`` element (namespace
:data:`NETMAP_NS`), the last child of the document's root: the map's
settings (direction, title, wave order), the column order of the actors
and ties, and the memberships, bodies and activities as rows of cells.
Gephi and networkx skip elements they do not know.
"""

from __future__ import annotations

import codecs
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import IO
from xml.sax.saxutils import XMLGenerator, escape
from xml.sax.xmlreader import AttributesImpl

import pandas as pd

from netmap.io._exchange import decode_named, issue_record
from netmap.io._limits import parser_errors, read_input_bytes
from netmap.model.exceptions import FileFormatError, InvalidValueError

__all__ = ["NETMAP_NS", "ENCODING_DECLARED", "XmlDocument", "declared_encoding", "XmlWriter",
           "parse_xml", "check_text", "write_fragment", "read_fragment", "local"]

NETMAP_NS = "urn:netmap:exchange:1"
_N = f"{{{NETMAP_NS}}}"

_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
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
    issues: list = field(default_factory=list)  # how the file was decoded, when it matters

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


#: Code of the map's issue when the document's declared encoding is not the one given.
ENCODING_DECLARED = "encoding-declared"

_DECLARATION = re.compile(rb"""\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z][\w.:-]*)["']""")


def declared_encoding(data: bytes) -> str | None:
    """The encoding an XML document declares (byte-order mark or declaration), else None.

    Examples
    --------
    >>> declared_encoding(b'<?xml version="1.0" encoding="windows-1255"?><a/>')
    'windows-1255'
    >>> declared_encoding(codecs.BOM_UTF16_LE + "<a/>".encode("utf-16-le"))
    'utf-16'
    >>> declared_encoding(b'<?xml version="1.0"?><a/>') is None
    True
    """
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    found = _DECLARATION.match(data[:1024])
    return found.group(1).decode("ascii") if found else None


def _same_encoding(a: str, b: str) -> bool:
    """Whether two encoding names are one encoding (``utf-8-sig`` and ``UTF8`` are)."""
    try:
        names = [codecs.lookup(e).name.removesuffix("-sig") for e in (a, b)]
    except LookupError:
        return False
    return names[0] == names[1] or all(n.startswith("utf-16") for n in names)


def _decoded(data: bytes, name: str, kind: str, encoding: str | None
             ) -> tuple[bytes, list[dict]]:
    """The bytes to parse, and a warning when the encoding given was not used.

    A document that declares its encoding is read in it (XML's rule); one
    that declares none is read in ``encoding`` when given (else UTF-8, as
    XML says).
    """
    if encoding is None:
        return data, []
    declared = declared_encoding(data)
    if declared is None:
        return decode_named(data, encoding, file=name, kind=kind).encode("utf-8"), []
    if _same_encoding(declared, encoding):
        return data, []
    return data, [issue_record(
        ENCODING_DECLARED, f"the file declares its encoding ({declared}) and was read in "
        "it: the encoding given (encoding=, --encoding) is for files that declare none",
        file=name, value=declared)]


def parse_xml(path, *, kind: str, encoding: str | None = None) -> XmlDocument:
    """Parse an XML file safely (no entities, no external references).

    Parameters
    ----------
    path : path-like
        The file.
    kind : str
        What the file should be ("GEXF", "GraphML"), for messages.
    encoding : str, optional
        The encoding of a document that declares none (no byte-order mark,
        no ``encoding=`` in its XML declaration). A document that declares
        one is read in it; when that is not ``encoding``, the document's
        ``issues`` hold a warning (code :data:`ENCODING_DECLARED`) naming
        the file and the encoding read.

    Raises
    ------
    FileFormatError
        When the file cannot be read, is not well-formed (truncated,
        damaged), declares entities or external references, or declares
        no encoding and holds bytes ``encoding`` cannot read.
    """
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import DefusedXMLParser

    name = os.fspath(path)
    data, issues = _decoded(read_input_bytes(path, what=f"{kind} file"), name, kind,
                            encoding)
    builder = _LineBuilder()
    parser = DefusedXMLParser(target=builder, forbid_dtd=False, forbid_entities=True,
                              forbid_external=True)
    builder.parser = parser
    with parser_errors(name, kind=f"{kind} file"):
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
    return XmlDocument(root, builder.lines, name, issues)


# -- writing ----------------------------------------------------------------------
_CARRIAGE_RETURN = {"\r": "&#13;"}


class _Generator(XMLGenerator):
    """XMLGenerator that keeps a carriage return in text.

    A parser reads a carriage return in element text as a line feed (XML's
    end-of-line handling), so it is written as a character reference, with
    the standard library's :func:`~xml.sax.saxutils.escape` told so;
    XMLGenerator already does this in attribute values.
    """

    def characters(self, content: str) -> None:  # noqa: D102
        # ignorableWhitespace writes its text as given, after closing the start tag.
        self.ignorableWhitespace(escape(content, _CARRIAGE_RETURN))


class XmlWriter:
    """An XML document written element by element, indented by two spaces.

    The writing, escaping included, is :class:`xml.sax.saxutils.XMLGenerator`'s;
    this adds the indentation and keeps the document's elements balanced.
    Tags and attribute names are written as given (``"viz:color"``), so a
    namespace is declared by an ``xmlns:prefix`` attribute of the element
    that opens it.

    Examples
    --------
    >>> import io
    >>> out = io.BytesIO()
    >>> w = XmlWriter(out)
    >>> with w.element("graph", {"id": "G"}):
    ...     w.leaf("node", {"id": 'say "a&b"'}, text="<b> & c")
    >>> w.close()
    >>> print(out.getvalue().decode())
    <?xml version="1.0" encoding="utf-8"?>
    <graph id="G">
      <node id='say "a&amp;b"'>&lt;b&gt; &amp; c</node>
    </graph>
    <BLANKLINE>
    """

    def __init__(self, out: IO[bytes]) -> None:
        self._xml = _Generator(out, encoding="utf-8", short_empty_elements=True)
        self._xml.startDocument()
        self._open: list[list[bool]] = []  # per open element: [has children, inline]

    def _start(self, tag: str, attrs: dict[str, str] | None, inline: bool) -> None:
        if self._open:
            parent = self._open[-1]
            parent[0] = True
            if not parent[1]:
                self._xml.ignorableWhitespace("\n" + "  " * len(self._open))
        self._xml.startElement(tag, AttributesImpl(attrs or {}))
        self._open.append([False, inline or bool(self._open and self._open[-1][1])])

    def _end(self, tag: str) -> None:
        has_children, inline = self._open.pop()
        if has_children and not inline:
            self._xml.ignorableWhitespace("\n" + "  " * len(self._open))
        self._xml.endElement(tag)

    @contextmanager
    def element(self, tag: str, attrs: dict[str, str] | None = None, *,
                inline: bool = False) -> Iterator[None]:
        """An element whose children are written inside the ``with`` block.

        ``inline=True`` writes the children on the element's own line.
        """
        self._start(tag, attrs, inline)
        yield
        self._end(tag)

    def leaf(self, tag: str, attrs: dict[str, str] | None = None, *,
             text: str | None = None) -> None:
        """An element without children: empty, or holding ``text``."""
        self._start(tag, attrs, True)
        if text:
            self._xml.characters(text)
        self._end(tag)

    def close(self) -> None:
        """End the document (every element must be closed)."""
        if self._open:
            raise RuntimeError("the XML document still has open elements")
        self._xml.ignorableWhitespace("\n")
        self._xml.endDocument()


# -- netmap's own tables ----------------------------------------------------------
def write_fragment(w: XmlWriter, settings: list[list[str]], headers: dict[str, list[str]],
                   tables: dict[str, tuple[list[str], list[list]]]) -> None:
    """Write the ``<netmap:map>`` element.

    Parameters
    ----------
    w : XmlWriter
        The document, inside its root element.
    settings : list of [name, value]
        Settings rows without their header.
    headers : dict of str to list of str
        Column order of tables carried elsewhere in the file (actors, ties).
    tables : dict of str to (columns, rows)
        Tables carried whole: each row a list of text cells or None.
    """
    def cells(tag: str, values: list) -> None:
        with w.element(tag, inline=True):
            for value in values:
                w.leaf("netmap:c", text=value)

    with w.element("netmap:map", {"xmlns:netmap": NETMAP_NS, "format": "1"}):
        for key, value in settings:
            w.leaf("netmap:setting", {"name": key, "value": value})
        for table, columns in headers.items():
            with w.element("netmap:table", {"name": table}, inline=True):
                cells("netmap:header", columns)
        for table, (columns, rows) in tables.items():
            with w.element("netmap:table", {"name": table}):
                cells("netmap:header", columns)
                for row in rows:
                    cells("netmap:row", row)


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
        name = table.get("name") or ""
        header = table.find(f"{_N}header")
        columns = [c.text or "" for c in header] if header is not None else []
        if name in ("actors", "ties"):
            headers[name] = columns
        else:
            tables[name] = [(doc.line(table if header is None else header), columns), *(
                (doc.line(r), [c.text for c in r]) for r in table.findall(f"{_N}row"))]
    return Fragment([(None, ["setting", "value"]), *settings_rows], headers, tables)
