"""Reading and writing maps as Pajek files: networks (``.net``, ``.paj``) and partitions (``.clu``).

A Pajek network lists its vertices, numbered from 1, then its ties::

    *Network Knoke bureaucracies
    *Vertices 3
    1 "COUN" 0.1000 0.5000 0.5000
    2 "COMM" 0.1764 0.2649 0.5000
    3 "EDUC" 0.3764 0.1196 0.5000
    *Arcs
    1 2 1
    2 3 2.5
    *Edges
    1 3

A vertex line holds the number, the label and, optionally, the
coordinates (x, y and z, between 0 and 1) and drawing parameters. Ties
come as ``*Arcs`` (directed) and ``*Edges`` (undirected), one
``from to [weight]`` a line; as ``*Arcslist`` and ``*Edgeslist``, one
vertex a line followed by the vertices it has ties to; or as a
``*Matrix`` of N rows. Lines starting with ``%`` are comments.

A partition (``.clu``) gives each vertex a whole number, one a line after
``*Vertices N``: :func:`netmap.read_pajek` reads one as the actors' sectors,
through ``partition_labels``, the label of each number. A project file
(``.paj``) holds networks and partitions one after another: the first
network is read, with its first partition when no ``.clu`` file is
given.

The format is Pajek's (de Nooy, W., Mrvar, A. and Batagelj, V. (2018).
*Exploratory Social Network Analysis with Pajek*, 3rd ed. Cambridge
University Press. https://doi.org/10.1017/9781108565691).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from netmap.io._exchange import direction_issues, issue_record
from netmap.io._graphfile import build_map
from netmap.io._netfile import (
    Entry,
    Parsed,
    graph_file,
    lost_parts,
    number_text,
    parse_number,
    read_lines,
    warn_lost,
)
from netmap.model._params import check_bool, check_encoding
from netmap.model.exceptions import FileFormatError, ParameterError

if TYPE_CHECKING:
    from netmap.model.sectors import SectorTaxonomy
    from netmap.model.stakeholder_map import StakeholderMap

__all__ = ["read_pajek", "write_pajek", "read_partition", "PARTITION_NOTE"]

#: The comment that starts a partition written by netmap: it names the
#: sector of each number, so that the partition reads back without
#: ``partition_labels``.
PARTITION_NOTE = "% netmap sectors:"

_WORDS = re.compile(r'"([^"]*)"|(\S+)')
_LIST_KINDS = {"*arcs": "arcs", "*edges": "edges", "*arcslist": "arcslist",
               "*edgeslist": "edgeslist", "*matrix": "matrix"}


def _words(text: str) -> list[str]:
    """The words of a Pajek line, a quoted label as one word."""
    return [m.group(1) if m.group(1) is not None else m.group(2)
            for m in _WORDS.finditer(text)]


@dataclass
class _Section:
    """One ``*`` line and the lines under it."""

    kind: str
    words: list[str]
    line: int
    text: str = ""  # the line after its first word, as written
    rows: list[tuple[int, str]] = field(default_factory=list)


def _sections(file: str, lines: list[tuple[int, str]]) -> list[_Section]:
    """The file cut at its ``*`` lines; comments and empty lines left out."""
    sections: list[_Section] = []
    for n, text in lines:
        stripped = text.strip()
        if not stripped or stripped.startswith("%"):
            continue
        if stripped.startswith("*"):
            words = _words(stripped)
            rest = stripped.split(None, 1)[1] if len(stripped.split(None, 1)) > 1 else ""
            sections.append(_Section(words[0].lower(), words[1:], n, rest))
        elif not sections:
            raise FileFormatError("not a Pajek file: text before the first '*' line",
                                  file=file, row=n, value=stripped[:30],
                                  suggestion="start the file with *Vertices N")
        else:
            sections[-1].rows.append((n, stripped))
    return sections


def _count(section: _Section, file: str) -> int:
    """The N of a ``*Vertices N`` line; two-mode networks are refused."""
    if not section.words or not section.words[0].isdigit():
        raise FileFormatError("*Vertices needs the number of vertices", file=file,
                              row=section.line, suggestion="write *Vertices N")
    if len(section.words) > 1 and section.words[1].isdigit():
        raise FileFormatError(
            f"a two-mode network (*Vertices {section.words[0]} {section.words[1]}): netmap "
            "reads networks among one set of actors", file=file, row=section.line,
            suggestion="read affiliation data (people by events or bodies) as the map's "
                       "memberships table, with read_csv or read_excel")
    return int(section.words[0])


@dataclass
class _Vertices:
    """The vertices: labels, coordinates, lines."""

    n: int
    labels: list[str | None]
    lines: list[int | None]
    coords: list[list[str | None]]
    drawing: bool = False


def _vertices(section: _Section, file: str) -> _Vertices:
    n = _count(section, file)
    v = _Vertices(n, [None] * n, [None] * n, [[None] * n for _ in range(3)])
    for line, text in section.rows:
        words = _words(text)
        if not words[0].isdigit() or not 1 <= int(words[0]) <= n:
            raise FileFormatError(f"vertex '{words[0]}' is not a number from 1 to {n}",
                                  file=file, row=line, value=words[0],
                                  suggestion="number the vertices from 1 to N")
        k = int(words[0]) - 1
        v.labels[k] = words[1] if len(words) > 1 else None
        v.lines[k] = line
        rest = words[2:]
        axes = 0
        while axes < min(3, len(rest)) and _is_number(rest[axes]):
            v.coords[axes][k] = rest[axes]
            axes += 1
        v.drawing = v.drawing or len(rest) > axes
    return v


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


class _Ties:
    """The ties of the network's lists, with their direction."""

    def __init__(self, file: str, n: int) -> None:
        self.file, self.n = file, n
        self.entries: list[Entry] = []
        self.arcs: list[bool] = []
        self.relations: list[str] = []
        self.drawing = False
        self.kinds: set[str] = set()  # the lists met, ties or not

    def vertex(self, word: str, line: int) -> int:
        if not word.lstrip("-").isdigit() or not 1 <= abs(int(word)) <= self.n:
            raise FileFormatError(f"vertex '{word}' is not a number from 1 to {self.n}",
                                  file=self.file, row=line, value=word,
                                  suggestion="give ties between vertices 1 to N")
        return abs(int(word)) - 1

    def add(self, s: int, t: int, w: float, line: int, arc: bool) -> None:
        if w != 0:
            self.entries.append(Entry(s, t, w, line))
            self.arcs.append(arc)

    def section(self, sec: _Section) -> None:
        """Read one ``*Arcs``, ``*Edges``, list or matrix section."""
        kind = _LIST_KINDS[sec.kind]
        self.kinds.add("arcs" if kind.startswith("arcs") else "edges" if kind.startswith(
            "edges") else "matrix")
        relation = " ".join(w for w in sec.words if not w.startswith(":")) or ":".join(
            w for w in sec.words if w.startswith(":"))
        if sec.rows:
            self.relations.append(relation)
        if len(set(self.relations)) > 1 and self.relations[-1] != self.relations[0]:
            return  # a second relation: warned by the reader
        if kind == "matrix":
            self.matrix(sec)
            return
        arc = kind.startswith("arcs")
        for line, text in sec.rows:
            words = _words(text)
            if kind in ("arcs", "edges"):
                self.pair(words, line, arc)
            else:
                s = self.vertex(words[0], line)
                for word in words[1:]:
                    self.add(s, self.vertex(word, line), 1.0, line, arc)

    def pair(self, words: list[str], line: int, arc: bool) -> None:
        if len(words) < 2:
            raise FileFormatError("a tie needs two vertices", file=self.file, row=line,
                                  suggestion="write 'from to' or 'from to weight'")
        w = 1.0
        if len(words) > 2:
            w = parse_number(words[2], file=self.file, line=line, what="the weight")
        self.drawing = self.drawing or len(words) > 3
        self.add(self.vertex(words[0], line), self.vertex(words[1], line), w, line, arc)

    def matrix(self, sec: _Section) -> None:
        values = [(line, word) for line, text in sec.rows for word in _words(text)]
        if len(values) != self.n * self.n:
            raise FileFormatError(
                f"*Matrix has {len(values)} values; {self.n} x {self.n} = "
                f"{self.n * self.n} expected", file=self.file, row=sec.line,
                suggestion="give N rows of N values")
        cells = [parse_number(w, file=self.file, line=line, what="the value")
                 for line, w in values]
        square = np.array(cells).reshape(self.n, self.n)
        arc = not np.array_equal(square, square.T)
        for k, (line, _) in enumerate(values):
            i, j = divmod(k, self.n)
            if arc or i <= j:
                self.add(i, j, cells[k], line, arc)


def read_partition(path, *, n: int | None = None, encoding: str | None = None
                   ) -> tuple[list[int], list[int], str, dict]:
    """The numbers of a Pajek partition (``.clu``), with their lines.

    Parameters
    ----------
    path : path-like
        The ``.clu`` file: ``*Vertices N`` (optional), then one whole
        number a line. Lines after the N numbers are not read (a note says
        so).
    n : int, optional
        The number of vertices the partition must have.
    encoding : str, optional
        The file's encoding, as for :func:`netmap.read_pajek`.

    Returns
    -------
    values, lines : list of int
        Each vertex's number, and the line it is on.
    file : str
        The path as text.
    labels : dict
        The labels netmap wrote in the partition's first comment
        (``PARTITION_NOTE``), else empty.

    Raises
    ------
    netmap.FileFormatError
        When a value is not a whole number, or the count is not ``n``.
    """
    check_encoding("encoding", encoding, allow_none=True)
    file, lines, _ = read_lines(path, kind="Pajek partition", encoding=encoding)
    return _partition(file, lines, n)


def _partition(file: str, lines: list[tuple[int, str]], n: int | None
               ) -> tuple[list[int], list[int], str, dict]:
    labels = _note_labels(lines)
    rows = [(k, t.strip()) for k, t in lines if t.strip() and not t.strip().startswith("%")]
    if rows and rows[0][1].lower().startswith("*vertices"):
        count = _words(rows[0][1])[1:2]
        if n is None and count and count[0].isdigit():
            n = int(count[0])
        rows = rows[1:]
    if n is None:
        n = len(rows)
    values, where = [], []
    for k, text in rows[:n]:
        if not text.lstrip("-").isdigit():
            raise FileFormatError(f"the partition value '{text}' is not a whole number",
                                  file=file, row=k, value=text,
                                  suggestion="give each vertex a whole number, one a line")
        values.append(int(text))
        where.append(k)
    if rows[n:]:
        labels = {**labels, "_unread": rows[n][0]}
    if len(values) < n:
        raise FileFormatError(f"the partition has {len(values)} values for {n} vertices",
                              file=file, row=rows[-1][0] if rows else None,
                              suggestion="give one value for every vertex of the network")
    return values, where, file, labels


def _note_labels(lines: list[tuple[int, str]]) -> dict:
    """Number to sector, from the comment netmap writes first in a partition."""
    for _, text in lines:
        if text.startswith(PARTITION_NOTE):
            pairs = [p.split("=", 1) for p in text[len(PARTITION_NOTE):].split(";")]
            return {int(k): v.strip() for k, v in pairs if k.strip().isdigit()}
    return {}


def _sector_labels(values: list[int], where: list[int], file: str, labels, noted: dict
                   ) -> list[str]:
    given = noted if labels is None else labels
    if labels is not None and not isinstance(labels, Mapping):
        raise ParameterError("partition_labels", labels,
                             "a mapping of partition number to sector, or None")
    if not given:
        raise FileFormatError(
            "the partition's numbers name no sectors", file=file,
            row=where[0] if where else None,
            suggestion="pass partition_labels={1: 'public', 2: 'business', ...}")
    out = []
    for value, line in zip(values, where, strict=True):
        if value not in given:
            raise FileFormatError(
                f"the partition value {value} has no sector in partition_labels", file=file,
                row=line, value=value,
                suggestion=f"add {value} to partition_labels "
                           f"(it names {', '.join(map(str, sorted(given)))})")
        out.append(str(given[value]))
    return out


def _ids(v: _Vertices, file: str, issues: list) -> tuple[list[str], list[str | None] | None]:
    """Ids from the labels when they are all there and unique, else the numbers."""
    labels = [None if lab is None else lab.strip() or None for lab in v.labels]
    if all(labels) and len(set(labels)) == len(labels):
        return [str(lab) for lab in labels], None
    repeated = next((lab for k, lab in enumerate(labels) if lab and lab in labels[:k]), None)
    why = (f"the label '{repeated}' is given to two vertices" if repeated
           else "some vertices have no label")
    issues.append(issue_record(
        "pajek-vertex-numbers", f"{why}: the actor ids are the vertex numbers and the "
        "labels their names", severity="note", file=file, table="actors"))
    return [str(k + 1) for k in range(v.n)], labels


class _Reader:
    """Walks the sections: the first network, then the first partition."""

    def __init__(self, file: str, issues: list) -> None:
        self.file, self.issues = file, issues
        self.title: str | None = None
        self.vertices: _Vertices | None = None
        self.ties: _Ties | None = None
        self.partition: list[_Section] = []
        self.state = "network"

    def section(self, sec: _Section) -> None:
        """Read one section, or note that it is not read."""
        if sec.kind == "*network":
            self.network(sec)
        elif sec.kind == "*partition" and not self.partition:
            self.state = "partition"
            self.partition.append(sec)
        elif self.state == "partition" and sec.kind == "*vertices":
            self.partition.append(sec)
            self.state = "done"
        elif self.state == "network" and sec.kind == "*vertices" and self.vertices is None:
            self.vertices = _vertices(sec, self.file)
            self.ties = _Ties(self.file, self.vertices.n)
        elif self.state == "network" and sec.kind in _LIST_KINDS:
            if self.ties is None:
                raise FileFormatError(f"{sec.kind} before *Vertices",
                                      file=self.file, row=sec.line,
                                      suggestion="list the vertices first")
            self.ties.section(sec)
        elif self.state == "network" or sec.kind not in ("*vertices", *_LIST_KINDS):
            self.issues.append(issue_record(
                "pajek-not-read", f"the {sec.kind[1:]} section is not read", severity="note",
                file=self.file, row=sec.line))

    def network(self, sec: _Section) -> None:
        if self.vertices is None:
            self.title = sec.text or None
            return
        if self.state != "skip" and not any(
                i["code"] == "pajek-first-network" for i in self.issues):
            self.issues.append(issue_record(
                "pajek-first-network", "the file holds more than one network: only the "
                "first is read", file=self.file, row=sec.line))
        self.state = "skip"


def _network(file: str, sections: list[_Section], issues: list) -> tuple[Parsed, list]:
    """The first network of the file, and the first partition in it."""
    r = _Reader(file, issues)
    for sec in sections:
        r.section(sec)
    if r.vertices is None or r.ties is None:
        raise FileFormatError("not a Pajek network: no *Vertices line", file=file,
                              suggestion="start the network with *Vertices N")
    _notes(file, r.vertices, r.ties, issues)
    ids, names = _ids(r.vertices, file, issues)
    columns = {axis: r.vertices.coords[k] for k, axis in enumerate("xyz")
               if any(c is not None for c in r.vertices.coords[k])}
    p = Parsed(file, ids, r.ties.entries, names=names, lines=r.vertices.lines,
               columns=columns, title=r.title, issues=issues)
    p.arcs = r.ties.arcs
    if not p.entries and r.ties.kinds == {"arcs"}:  # no ties, but said to be arcs
        p.arcs = None
    return p, r.partition


def _notes(file: str, v: _Vertices, ties: _Ties, issues: list) -> None:
    if v.drawing or ties.drawing:
        issues.append(issue_record(
            "pajek-drawing-not-read", "drawing parameters (shapes, colours) are not read: "
            "netmap colours by sector", severity="note", file=file))
    relations = list(dict.fromkeys(ties.relations))
    if len(relations) > 1:
        issues.append(issue_record(
            "pajek-first-relation", f"the network has {len(relations)} relations: only the "
            f"first ('{relations[0]}') is read", file=file))


def read_pajek(
    path,
    *,
    partition=None,
    partition_labels: Mapping | None = None,
    directed: bool | None = None,
    taxonomy: SectorTaxonomy | None = None,
    name: str | None = None,
    encoding: str | None = None,
) -> StakeholderMap:
    """Read a map from a Pajek network (``.net`` or ``.paj``), its sectors from a partition.

    Vertices become actors: the label is the id (when the labels are all
    there and all different; else the vertex number is the id and the
    label the name), the coordinates the columns ``x``, ``y`` (and
    ``z``). Arcs become directed ties, edges undirected ones, the value the
    weight (zero is no tie). Drawing parameters are not read (a note in the
    map's ``issues`` says so). See :mod:`netmap.io.pajek` for the format.

    Parameters
    ----------
    path : path-like
        The ``.net`` or ``.paj`` file.
    partition : path-like, optional
        A partition (``.clu``) whose numbers are the actors' sectors.
        Default: the first ``*Partition`` of a ``.paj`` file, if any; else
        every actor is ``'other'`` (a note says so).
    partition_labels : mapping, optional
        The sector label of each number of the partition (``{1: "public",
        2: "עמותה", 3: "business"}``). Not needed for a partition that
        :func:`write_pajek` wrote, which names its sectors in a comment.
    directed : bool, optional
        Default: directed when the network has arcs (a ``*Matrix`` has arcs
        when it is not symmetric). In a directed map an edge is read as two
        opposite ties; in an undirected one an arc loses its direction;
        both are warned and listed in the map's ``issues``.
    taxonomy : SectorTaxonomy, optional
        The sector taxonomy (default: the built-in one).
    name : str, optional
        A title for the map; default: the ``*Network`` name, if any.
    encoding : str, optional
        The encoding of the network and the partition (``"cp1255"`` for
        Hebrew saved by Windows programs): every byte is read in it, or
        FileFormatError names the line. Default: UTF-8, else Windows-1252
        (Western European) with a note in the map's ``issues``.

    Returns
    -------
    StakeholderMap

    Raises
    ------
    netmap.FileFormatError
        When the file is not a Pajek network, is a two-mode network, or has
        a tie to a vertex that does not exist; when the partition has too
        few values or a value without a label. Each names the file and the
        line.
    netmap.ValidationError
        With every problem in the values (an unknown sector, a negative
        weight ...), each naming the file and the line.
    netmap.ParameterError
        When ``directed`` is not True, False or None,
        ``partition_labels`` is not a mapping, or ``encoding`` is not an
        encoding Python knows.

    Warns
    -----
    netmap.DataWarning
        When the file holds several networks or relations (only the first
        is read), or ties changed direction.

    References
    ----------
    de Nooy, W., Mrvar, A. and Batagelj, V. (2018). Exploratory Social
    Network Analysis with Pajek, 3rd ed. Cambridge University Press.
    https://doi.org/10.1017/9781108565691

    Examples
    --------
    >>> import netmap, tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "k.net").write_text('''*Vertices 3
    ... 1 "COUN" 0.1 0.5
    ... 2 "COMM" 0.2 0.3
    ... 3 "WRO" 0.9 0.5
    ... *Arcs
    ... 1 2 1
    ... 3 2 2
    ... ''')
    >>> _ = (folder / "k.clu").write_text(chr(10).join(["*Vertices 3", "1", "2", "2"]))
    >>> m = netmap.read_pajek(folder / "k.net", partition=folder / "k.clu",
    ...                       partition_labels={1: "public", 2: "עמותה"})
    >>> m.actors[["sector", "x"]].to_numpy().tolist()
    [['public', 0.1], ['third', 0.2], ['third', 0.9]]
    >>> m.ties[["source", "target", "weight"]].to_numpy().tolist()
    [['COUN', 'COMM', 1.0], ['WRO', 'COMM', 2.0]]
    """
    check_bool("directed", directed, allow_none=True)
    check_encoding("encoding", encoding, allow_none=True)
    file, lines, issues = read_lines(path, kind="Pajek", encoding=encoding)
    p, inline = _network(file, _sections(file, lines), issues)
    sectors = _sectors(p, partition, inline, partition_labels, encoding)
    arcs = np.array(p.arcs or [], dtype=bool)
    said = p.arcs is None  # an empty *Arcs list: a directed network without ties
    p.arcs = None
    is_directed = bool(arcs.any() or said) if directed is None else directed
    two_arcs = ~arcs & is_directed
    dropped = arcs & (not is_directed)
    p.issues.extend(direction_issues(two_arcs, dropped,
                                     [(p.file, None, e.line) for e in p.entries]))
    p.entries = [e2 for e, two in zip(p.entries, two_arcs, strict=True)
                 for e2 in ([e, Entry(e.target, e.source, e.weight, e.line)]
                            if two and e.source != e.target else [e])]
    g = graph_file(p, kind="Pajek", sectors=sectors, directed=is_directed)
    return build_map(g, sector_field="sector", directed=is_directed, taxonomy=taxonomy,
                     waves=None, name=name)


def _sectors(p: Parsed, partition, inline: list, labels, encoding: str | None) -> dict:
    """The sector of each actor id, from the partition; empty when there is none."""
    if partition is not None:
        values, where, file, noted = read_partition(partition, n=len(p.ids),
                                                    encoding=encoding)
    elif inline:
        lines = [(n, t) for n, t in inline[1].rows] if len(inline) > 1 else []
        values, where, file, noted = _partition(p.file, lines, len(p.ids))
    else:
        if labels is not None:
            raise ParameterError("partition_labels", labels, "None when there is no "
                                 "partition", hint="pass partition= a .clu file")
        return {}
    if len(where) and inline and partition is None:
        p.issues.append(issue_record(
            "pajek-partition", "the sectors are the file's first partition", severity="note",
            file=p.file, row=inline[0].line))
    unread = noted.pop("_unread", None)
    if unread is not None:
        p.issues.append(issue_record(
            "pajek-partition-rest", f"the lines after the partition's {len(values)} values "
            "are not read", severity="note", file=file, row=unread))
    return dict(zip(p.ids, _sector_labels(values, where, file, labels, noted), strict=True))


# -- writing ---------------------------------------------------------------------
def _quoted(text: str, file: str) -> str:
    if '"' in text or "\n" in text or "\r" in text:
        raise FileFormatError(f"the id '{text}' holds a double quote or a line break, which "
                              "a Pajek label cannot", file=file, table="actors", value=text,
                              suggestion="rename the actor before writing Pajek")
    return f'"{text}"'


def _coordinates(m: StakeholderMap) -> list[str] | None:
    """Each actor's ``x y [z]`` when the map has numeric x and y columns."""
    import pandas as pd

    axes = [c for c in ("x", "y", "z") if c in m.actors]
    if axes[:2] != ["x", "y"]:
        return None
    frame = m.actors[axes].apply(pd.to_numeric, errors="coerce")
    if frame.isna().any().any():
        return None
    return [" ".join(number_text(v) for v in row) for row in frame.to_numpy(dtype=float)]


def write_pajek(m: StakeholderMap, path, *, partition=None) -> None:
    """Write a map's actors and ties as a Pajek network, its sectors as a partition.

    Vertices are the actors in order (the label is the id; the columns
    ``x``, ``y`` and ``z``, when numeric, the coordinates), ties are
    ``*Arcs`` in a directed map and ``*Edges`` in an undirected one, with
    their weights; the ``*Network`` line holds the map's title. With
    ``partition``, the sectors are written there as a ``.clu`` partition,
    numbered in the taxonomy's order, with a first comment naming the
    sector of each number, so that
    ``netmap.read_pajek(path, partition=...)`` reads them back. A Pajek
    file keeps nothing else: a :class:`~netmap.DataWarning` names what is
    left out (names, tie types, bodies ...).

    Parameters
    ----------
    m : StakeholderMap
        The map.
    path : path-like
        The network file to write (replaced if it exists), ``.net`` by custom.
    partition : path-like, optional
        Where to write the sectors as a partition (``.clu``). Default: not
        written (the sectors are then among what is left out).

    Raises
    ------
    netmap.FileFormatError
        When an actor id holds a double quote or a line break.

    Warns
    -----
    netmap.DataWarning
        Naming the columns and tables the file does not keep.

    References
    ----------
    de Nooy, W., Mrvar, A. and Batagelj, V. (2018). Exploratory Social
    Network Analysis with Pajek, 3rd ed. Cambridge University Press.
    https://doi.org/10.1017/9781108565691

    Examples
    --------
    >>> import netmap, tempfile, pathlib, pandas as pd
    >>> m = netmap.from_frames(
    ...     pd.DataFrame({"id": ["moe", "intel", "ngo"],
    ...                   "sector": ["public", "business", "עמותה"]}),
    ...     pd.DataFrame({"source": ["moe", "intel"], "target": ["ngo", "ngo"],
    ...                   "weight": [1.0, 2.5]}), name="2x5")
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> netmap.write_pajek(m, folder / "m.net", partition=folder / "m.clu")
    >>> print((folder / "m.net").read_text())
    *Network 2x5
    *Vertices 3
    1 "moe"
    2 "intel"
    3 "ngo"
    *Edges
    1 3 1
    2 3 2.5
    <BLANKLINE>
    >>> back = netmap.read_pajek(folder / "m.net", partition=folder / "m.clu")
    >>> back.equals(m)
    True
    """
    file = os.fspath(path)
    ids = [str(i) for i in m.actors.index]
    labels = [_quoted(i, file) for i in ids]
    coords = _coordinates(m)
    kept = {"x", "y", "z"} if coords is not None else set()
    if partition is not None:
        kept.add("sector")
    text = [f"*Network {m.name}" if m.name else None, f"*Vertices {len(ids)}"]
    for k, label in enumerate(labels):
        text.append(f"{k + 1} {label}" + (f" {coords[k]}" if coords is not None else ""))
    a = m.arrays
    text.append("*Arcs" if m.directed else "*Edges")
    weights = m.ties["weight"].to_numpy(dtype=float)
    for s, t, w in zip(np.asarray(a.source).tolist(), np.asarray(a.target).tolist(),
                       weights.tolist(), strict=True):
        text.append(f"{s + 1} {t + 1} {number_text(w)}")
    if m.name and ("\n" in m.name or "\r" in m.name):
        text[0] = "*Network " + " ".join(m.name.split())
    Path(path).write_text("\n".join(t for t in text if t is not None) + "\n",
                          encoding="utf-8")
    if partition is not None:
        _write_partition(m, partition)
    lost = lost_parts(m, actors=kept, ties={"weight"}, title=True)
    warn_lost(lost, kind="Pajek", file=Path(file).name,
              hint="pass partition= to keep the sectors" if partition is None else
              "only the ids, sectors, coordinates and weighted ties travel")


def _write_partition(m: StakeholderMap, path) -> None:
    codes = [s.code for s in m.taxonomy.sectors]
    number = {c: k + 1 for k, c in enumerate(codes)}
    note = PARTITION_NOTE + " " + "; ".join(f"{k + 1}={c}" for k, c in enumerate(codes))
    values = [str(number[s]) for s in m.actors["sector"].astype(str)]
    Path(path).write_text("\n".join([note, f"*Vertices {len(values)}", *values]) + "\n",
                          encoding="utf-8")
