"""What the UCINET DL and Pajek readers and writers share: lines, ties, sectors, losses.

Both formats number their nodes and list ties between the numbers; neither
names a sector or a tie type. A reader turns its file into the nodes' ids
and :class:`Entry` records (one per tie as read, with its line), and
:func:`graph_file` makes the :class:`~netmap.io._graphfile.GraphFile` that
:func:`~netmap.io._graphfile.build_map` validates, as the GEXF and GraphML
readers do. A writer asks :func:`lost_parts` what the format cannot keep and
warns about it.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from netmap.io._exchange import decode_named, issue_record
from netmap.io._graphfile import Edge, GraphFile, Node
from netmap.model._warnings import warn
from netmap.model.exceptions import DataWarning, FileFormatError, ParameterError

if TYPE_CHECKING:
    from netmap.model.stakeholder_map import StakeholderMap

__all__ = ["Entry", "Parsed", "read_lines", "pair_entries", "graph_file", "DEFAULT_SECTOR",
           "lost_parts", "warn_lost", "number_text", "check_sectors"]

#: The sector of a node when the file and the reader's arguments name none.
DEFAULT_SECTOR = "other"

#: A number as DL and Pajek write it: sign, digits, a fraction, an exponent.
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")


@dataclass
class Entry:
    """One tie as read: zero-based node numbers, weight and line."""

    source: int
    target: int
    weight: float
    line: int


@dataclass
class Parsed:
    """What a DL or Pajek reader found: node ids, names, columns, ties, notes."""

    file: str
    ids: list[str]
    entries: list[Entry]
    names: list[str | None] | None = None
    lines: list[int | None] | None = None  # each node's line
    columns: dict[str, list[str | None]] = field(default_factory=dict)
    arcs: list[bool] | None = None  # Pajek: whether each tie is an arc
    title: str | None = None
    issues: list[dict] = field(default_factory=list)
    line: int = 1  # where the nodes are declared: for nodes without a line of their own


def read_lines(path, *, kind: str, encoding: str | None = None
               ) -> tuple[str, list[tuple[int, str]], list[dict]]:
    """A text file as numbered lines (from 1), decoded as the user says or found.

    Parameters
    ----------
    path : path-like
        The file.
    kind : str
        What the file should be ("DL", "Pajek"), for messages.
    encoding : str, optional
        The file's encoding, as the user named it (``"cp1255"``): every
        byte is read in it, or FileFormatError names the line. Default:
        UTF-8 (with or without its byte-order mark), else Windows-1252
        with a note that names the file and says how to name another.

    Returns
    -------
    file : str
        The path as text, for messages.
    lines : list of (int, str)
        Each line's number and text, without its line end.
    issues : list of dict
        A note when the file was not UTF-8 and no encoding was given.

    Raises
    ------
    FileFormatError
        When the file cannot be read, or holds bytes the encoding given
        cannot read (naming the line).
    """
    name = os.fspath(path)
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as err:
        raise FileFormatError(f"cannot read the {kind} file: {err.strerror}", file=name,
                              suggestion="check the path") from err
    issues = []
    if encoding is not None:
        text = decode_named(data, encoding, file=name, kind=kind)
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
            issues.append(issue_record(
                "text-encoding", f"the {kind} file is not UTF-8: read as Windows-1252 "
                "(Western European); if it is in another encoding, name it with "
                "encoding= (--encoding on the command line), e.g. 'cp1255' for Hebrew",
                severity="note", file=name))
    return name, list(enumerate(text.splitlines(), start=1)), issues


def number_text(value: float) -> str:
    """A weight as the files write it: whole numbers without a decimal point.

    Examples
    --------
    >>> number_text(1.0), number_text(2.5), number_text(1e-07)
    ('1', '2.5', '1e-07')
    """
    value = float(value)
    if value.is_integer() and abs(value) < 2**53:
        return str(int(value))
    return repr(value)


def parse_number(token: str, *, file: str, line: int, what: str) -> float:
    """A number of the file, or FileFormatError naming the line."""
    if not _NUMBER.match(token):
        raise FileFormatError(f"{what} '{token}' is not a number", file=file, row=line,
                              value=token, suggestion="write a number (1, 0.5, 2e3)")
    return float(token)


def pair_entries(entries: list[Entry], directed: bool | None
                 ) -> tuple[bool, list[Entry], np.ndarray]:
    """Whether the ties are directed, and the ties to read.

    A tie listed in both directions with the same weight is one undirected
    tie; a self-tie stands alone. ``directed=None`` reads the ties as
    undirected when every tie is listed both ways (a symmetric matrix),
    else as directed. ``directed=False`` pairs what it can and keeps each
    other tie once, flagged as having lost its direction.

    Returns
    -------
    directed : bool
        Whether the map is directed.
    entries : list of Entry
        The ties to read; of a pair, the one listed first.
    dropped : numpy.ndarray of bool
        Per tie read, whether it had no reverse (its direction is dropped).

    Examples
    --------
    >>> es = [Entry(0, 1, 1.0, 1), Entry(1, 0, 1.0, 2), Entry(2, 2, 1.0, 3)]
    >>> d, kept, dropped = pair_entries(es, None)
    >>> d, [(e.source, e.target) for e in kept], dropped.tolist()
    (False, [(0, 1), (2, 2)], [False, False])
    >>> pair_entries(es[:1], None)[0]
    True
    """
    if directed:
        return True, list(entries), np.zeros(len(entries), dtype=bool)
    pending: Counter = Counter()
    kept: list[Entry] = []
    first: dict[tuple, list[int]] = {}
    paired: set[int] = set()
    for e in entries:
        if e.source == e.target:
            kept.append(e)
            paired.add(len(kept) - 1)
            continue
        back = (e.target, e.source, e.weight)
        if pending[back]:
            pending[back] -= 1
            paired.add(first[back].pop(0))
            continue
        key = (e.source, e.target, e.weight)
        pending[key] += 1
        first.setdefault(key, []).append(len(kept))
        kept.append(e)
    unpaired = np.array([k not in paired for k in range(len(kept))], dtype=bool)
    if directed is None and unpaired.any():
        return True, list(entries), np.zeros(len(entries), dtype=bool)
    return False, kept, unpaired


def check_sectors(sectors, ids: list[str], *, parameter: str = "sectors") -> dict:
    """The reader's ``sectors`` mapping, checked against the file's node ids."""
    if sectors is None:
        return {}
    if not isinstance(sectors, Mapping):
        raise ParameterError(parameter, sectors, "a mapping of node id to sector, or None")
    known = set(ids)
    given = {str(k): v for k, v in sectors.items()}
    unknown = [k for k in given if k not in known]
    if unknown:
        raise ParameterError(parameter, sectors, "a mapping whose keys are the file's "
                             "node ids", hint=f"'{unknown[0]}' is not a node of the file "
                             f"(its nodes: {', '.join(ids[:5])}{' ...' if len(ids) > 5 else ''})")
    return given


def graph_file(p: Parsed, *, kind: str, sectors: dict, directed: bool) -> GraphFile:
    """The nodes and ties as a GraphFile, the sector of each node set.

    ``sectors`` maps node id to sector label; without it every node gets
    :data:`DEFAULT_SECTOR`, and a note says so.
    """
    lines = [p.line if n is None else n for n in (p.lines or [None] * len(p.ids))]
    names = p.names or [None] * len(p.ids)
    if not sectors:
        p.issues.append(issue_record(
            "default-sector", f"the {kind} file names no sectors: every actor is read "
            f"as '{DEFAULT_SECTOR}'", severity="note", file=p.file, table="actors",
            column="sector"))
    nodes = []
    for k, ident in enumerate(p.ids):
        data = {"sector": sectors.get(ident) if sectors else DEFAULT_SECTOR}
        data.update({c: values[k] for c, values in p.columns.items()})
        nodes.append(Node(ident, names[k], data, lines[k]))
    edges = [Edge(p.ids[e.source], p.ids[e.target], None,
                  {"weight": number_text(e.weight)}, e.line) for e in p.entries]
    return GraphFile(p.file, kind, ["sector", *p.columns], ["weight"], nodes, edges,
                     directed, None, title=p.title, issues=p.issues, line=p.line)


# -- writing ---------------------------------------------------------------------
def _informative(frame: pd.DataFrame, column: str) -> bool:
    """Whether a column says more than a reader's defaults would."""
    values = frame[column]
    if column == "level":
        return bool((values.astype(object) != "organisation").any())
    if column == "tie_class":
        return bool((values.astype(object) != "unclassified").any())
    return bool(values.notna().any())


def lost_parts(m: StakeholderMap, *, actors: set[str], ties: set[str],
               title: bool) -> list[str]:
    """What a writer that keeps only these columns leaves out, in words.

    Parameters
    ----------
    m : StakeholderMap
        The map being written.
    actors, ties : set of str
        The actor and tie columns the format keeps (``id``, ``source`` and
        ``target`` are always kept).
    title : bool
        Whether the format keeps the map's title.
    """
    from netmap.io.csv import table_frames

    frames = table_frames(m)
    lost = []
    for table, keep in (("actors", actors | {"id"}), ("ties", ties | {"source", "target"})):
        frame = frames[table]
        columns = [str(c) for c in frame.columns
                   if c not in keep and len(frame) and _informative(frame, c)]
        if columns:
            lost.append(f"the {table}' " + ", ".join(columns))
    lost.extend(f"the {t}" for t in ("memberships", "bodies", "activities") if t in frames)
    if not title and m.name:
        lost.append("the title")
    return lost


def warn_lost(lost: list[str], *, kind: str, file: str, hint: str) -> None:
    """One DataWarning naming what the file does not keep (nothing when all is kept)."""
    if lost:
        warn(f"{file}: a {kind} file does not keep " + "; ".join(lost)
             + f" ({hint})", DataWarning, stacklevel=3)
