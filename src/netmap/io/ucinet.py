"""Reading and writing maps as UCINET DL files: full matrix, edge list and node list.

A DL file starts with ``DL`` and its settings (``N=`` the number of
nodes, ``NM=`` the number of matrices, ``FORMAT =`` the layout of the
data, ``DIAGONAL PRESENT`` or ``ABSENT``), then optionally the node labels
(``LABELS:``, or ``ROW LABELS:`` and ``COLUMN LABELS:`` with the same
labels, or ``LABELS EMBEDDED`` in the data) and the names of the matrices
(``LEVEL LABELS:``), then ``DATA:``. Three layouts of the data are read
and written:

- ``fullmatrix``: N rows of N values, a value other than 0 a tie of that
  weight (N - 1 values a row with ``DIAGONAL ABSENT``);
- ``edgelist1``: one tie a line, ``from to [weight]``;
- ``nodelist1``: one node a line, then every node it has a tie to.

A DL file names no sectors and no tie types: pass ``sectors=`` to
:func:`netmap.read_dl`. A file with several matrices (``NM=2`` or more: several
relations among the same nodes) is read for the one ``matrix=`` names (its
number from 0 or its ``LEVEL LABELS`` name), by default the first with a
warning. Two-mode (rectangular) matrices and the other layouts
(``lowerhalf``, ``edgelist2`` ...) are refused with an error that says so.

The format is UCINET's (Borgatti, S. P., Everett, M. G. and Freeman, L.
C. (2002). *UCINET for Windows: Software for Social Network Analysis*.
Harvard, MA: Analytic Technologies; its help, "DL files").
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from numbers import Integral
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from netmap.io._exchange import direction_issues, issue_record
from netmap.io._graphfile import build_map
from netmap.io._netfile import (
    Entry,
    Parsed,
    check_sectors,
    graph_file,
    lost_parts,
    number_text,
    pair_entries,
    parse_number,
    read_lines,
    warn_lost,
)
from netmap.model._params import check_bool, check_choice, check_encoding
from netmap.model.arrays import sorted_unique
from netmap.model.exceptions import FileFormatError, ParameterError
from netmap.model.sectors import SectorTaxonomy

if TYPE_CHECKING:
    from netmap.model.stakeholder_map import StakeholderMap

__all__ = ["read_dl", "write_dl", "FORMATS"]

#: The layouts of a DL file's data that netmap reads and writes.
FORMATS = ("fullmatrix", "edgelist1", "nodelist1")

_TOKEN = re.compile(r'"([^"]*)"|\'([^\']*)\'|([^\s,=]+)|(=)')
_SECTION = re.compile(
    r"^\s*(?:(row|column|col|level|matrix)\s+)?labels(\s+embedded)?\s*(:?)(.*)$",
    re.IGNORECASE)
_DATA = re.compile(r"^\s*data\s*:(.*)$", re.IGNORECASE)
_EMBEDDED = re.compile(r"\blabels\s+embedded\s*:?", re.IGNORECASE)


def _tokens(text: str) -> list[str]:
    """The words of a DL line: quoted labels whole, ``=`` on its own."""
    return [next(g for g in m.groups() if g is not None) for m in _TOKEN.finditer(text)]


@dataclass
class _Header:
    """The settings and labels of a DL file, before its data."""

    file: str
    settings: dict[str, str] = field(default_factory=dict)
    labels: dict[str, list[str]] = field(default_factory=dict)
    embedded: bool = False
    line: int = 1
    where: dict[str, int] = field(default_factory=dict)  # the line of each setting

    def number(self, key: str) -> int | None:
        """A whole-number setting (N, NR, NC, NM), None when not given."""
        value = self.settings.get(key)
        if value is None:
            return None
        if not value.isdigit():
            raise FileFormatError(f"{key} = {value} is not a whole number", file=self.file,
                                  row=self.line, value=value,
                                  suggestion=f"write {key} = and the number of nodes")
        return int(value)


def _settings(h: _Header, tokens: list[str], n: int) -> None:
    """Read the ``KEY = value`` settings and keywords of one header line."""
    i = 0
    while i < len(tokens):
        word = tokens[i].upper()
        if i + 1 < len(tokens) and tokens[i + 1] == "=":
            if i + 2 >= len(tokens):
                raise FileFormatError(f"'{tokens[i]} =' has no value", file=h.file, row=n,
                                      suggestion=f"write {tokens[i]} = and its value")
            h.settings[word] = tokens[i + 2]
            h.where[word] = n
            i += 3
        elif word == "DIAGONAL" and i + 1 < len(tokens):
            h.settings["DIAGONAL"] = tokens[i + 1].upper()
            i += 2
        elif word == "DL":
            i += 1
        else:
            raise FileFormatError(
                f"'{tokens[i]}' is not a DL setting", file=h.file, row=n, value=tokens[i],
                suggestion="the settings are N=, NM=, FORMAT =, DIAGONAL PRESENT or "
                           "ABSENT, then LABELS: and DATA:")


_SETTING = re.compile(r"^\s*[A-Za-z]+\s*=")


def _section(h: _Header, match: re.Match) -> str | None:
    """Start a labels section; None for LABELS EMBEDDED, which has no labels."""
    if match.group(2):
        h.embedded = True
        return None
    kind = (match.group(1) or "row").lower()
    kind = {"col": "column", "matrix": "level"}.get(kind, kind)
    h.labels.setdefault(kind, [])
    h.where.setdefault(f"{kind} labels", h.line)
    return kind


def _header(file: str, lines: list[tuple[int, str]]) -> tuple[_Header, int]:
    """The settings and labels, and the index of the first data line.

    The index is negative (minus one more than the line's index) when the
    values start on the ``DATA:`` line itself.
    """
    h = _Header(file)
    first = next((k for k, (_, t) in enumerate(lines) if t.strip()), None)
    if first is None or not lines[first][1].strip().upper().startswith("DL"):
        raise FileFormatError("not a UCINET DL file: it does not start with 'DL'",
                              file=file, row=lines[first][0] if first is not None else None,
                              suggestion="export the network from UCINET as a DL file")
    section: str | None = None
    for k in range(first, len(lines)):
        n, text = lines[k]
        h.line = n
        data = _DATA.match(text)
        if data:
            return h, (-(k + 1) if data.group(1).strip() else k + 1)
        match = _SECTION.match(text)
        if match and (match.group(2) or match.group(3)):
            section = _section(h, match)
            text = match.group(4)
        elif _EMBEDDED.search(text):
            h.embedded = True
            text = _EMBEDDED.sub(" ", text)
        elif _SETTING.match(text):
            section = None
        if section is not None:
            h.labels[section].extend(_tokens(text))
        else:
            _settings(h, _tokens(text), n)
    raise FileFormatError("the DL file has no 'DATA:' line", file=file, row=h.line,
                          suggestion="put DATA: on the line before the values")


@dataclass
class _Data:
    """The data part: each token with its line."""

    tokens: list[str]
    lines: list[int]
    rows: list[tuple[int, list[str]]]


def _data(lines: list[tuple[int, str]], start: int) -> _Data:
    if start < 0:  # 'data:' followed by values on the same line
        n, text = lines[-start - 1]
        first = [(n, _DATA.match(text).group(1))]  # type: ignore[union-attr]
        rest = lines[-start:]
    else:
        first, rest = [], lines[start:]
    rows = [(n, _tokens(t)) for n, t in [*first, *rest]]
    rows = [(n, ts) for n, ts in rows if ts]
    tokens = [t for _, ts in rows for t in ts]
    where = [n for n, ts in rows for _ in ts]
    return _Data(tokens, where, rows)


def _size(h: _Header) -> int | None:
    n, nr, nc = h.number("N"), h.number("NR"), h.number("NC")
    if nr is not None or nc is not None:
        if nr != nc or (n is not None and n != nr):
            raise FileFormatError(
                f"a two-mode (rectangular) matrix, NR = {nr} by NC = {nc}: netmap reads "
                "networks among one set of nodes", file=h.file, row=h.where.get("NR", h.line),
                suggestion="read affiliation data (people by events or bodies) as the "
                           "map's memberships table, with read_csv or read_excel")
        n = nr
    return n


def _node_labels(h: _Header, n: int | None) -> list[str] | None:
    rows = h.labels.get("row")
    cols = h.labels.get("column")
    if rows is not None and cols is not None and rows != cols:
        raise FileFormatError("the row labels and the column labels differ: a two-mode "
                              "network", file=h.file, row=h.line,
                              suggestion="give the same labels to rows and columns")
    labels = rows if rows is not None else cols
    if labels is not None and n is not None and len(labels) != n:
        raise FileFormatError(f"{len(labels)} labels for N = {n} nodes", file=h.file,
                              row=h.where.get("row labels", h.where.get("column labels")),
                              suggestion="give one label for every node")
    return labels


class _Nodes:
    """Node numbers met in the data: from labels, from numbers, or embedded."""

    def __init__(self, file: str, n: int | None, labels: list[str] | None,
                 embedded: bool) -> None:
        self.file, self.n, self.embedded = file, n, embedded
        self.ids: list[str] = list(labels) if labels else []
        self.index = {label: k for k, label in enumerate(self.ids)}
        self.labelled = labels is not None

    def node(self, token: str, line: int) -> int:
        """The zero-based number of the node a data cell names."""
        if self.embedded:
            if token not in self.index:
                if self.n is not None and len(self.ids) >= self.n:
                    raise FileFormatError(
                        f"'{token}' is node {len(self.ids) + 1}, but N = {self.n}",
                        file=self.file, row=line, value=token,
                        suggestion="correct the label or raise N")
                self.index[token] = len(self.ids)
                self.ids.append(token)
            return self.index[token]
        if token.isdigit() and (self.n is None or 1 <= int(token) <= self.n):
            return int(token) - 1
        if token in self.index:
            return self.index[token]
        raise FileFormatError(
            f"node '{token}' is not a node number from 1 to N = {self.n}", file=self.file,
            row=line, value=token,
            suggestion="write node numbers from 1 to N, or LABELS EMBEDDED to use labels")

    def final(self, count: int) -> list[str]:
        """Every node's id: the label, or the number as text."""
        if self.embedded or self.labelled:
            return self.ids
        return [str(k + 1) for k in range(count)]


def _matrices(h: _Header) -> tuple[int, list[str]]:
    nm = h.number("NM") or 1
    names = h.labels.get("level", [])
    return nm, names


def _which(h: _Header, matrix) -> int:
    """The number (from 0) of the matrix ``matrix`` names: a number or a level label."""
    nm, names = _matrices(h)
    if matrix is None:
        return 0
    if isinstance(matrix, str) and matrix in names[:nm]:
        return names.index(matrix)
    if isinstance(matrix, Integral) and not isinstance(matrix, bool) and 0 <= int(matrix) < nm:
        return int(matrix)
    named = f", or its name ({', '.join(map(repr, names[:nm]))})" if names else ""
    raise ParameterError("matrix", matrix, f"a matrix number from 0 to {nm - 1}{named}")


def _full_matrix(h: _Header, d: _Data, n: int | None, labels: list[str] | None,
                 k: int) -> tuple[list[str], list[Entry]]:
    if n is None:
        raise FileFormatError("a full matrix needs N = the number of nodes", file=h.file,
                              row=h.line, suggestion="add N = ... to the DL line")
    diagonal = h.settings.get("DIAGONAL", "PRESENT") != "ABSENT"
    width = n if diagonal else n - 1
    pos = k * n * width  # the matrices before the one read
    if h.embedded:
        if k:
            raise FileFormatError(
                "netmap reads only the first matrix of a full matrix with LABELS "
                "EMBEDDED", file=h.file, row=h.line,
                suggestion="save the file from UCINET with LABELS: before DATA:, or "
                           "read matrix=0")
        labels = d.tokens[:n]
        pos = n
    entries: list[Entry] = []
    for i in range(n):
        if h.embedded:
            if pos >= len(d.tokens) or d.tokens[pos] != labels[i]:  # type: ignore[index]
                _short(h, d, pos, f"row {i + 1} to start with its label '{labels[i]}'")  # type: ignore[index]
            pos += 1
        for j in range(n):
            if not diagonal and i == j:
                continue
            if pos >= len(d.tokens):
                _short(h, d, pos, f"{n} rows of {width} values")
            value = parse_number(d.tokens[pos], file=h.file, line=d.lines[pos],
                                 what=f"the value in row {i + 1}, column {j + 1}")
            if value != 0:
                entries.append(Entry(i, j, value, d.lines[pos]))
            pos += 1
    nm, _ = _matrices(h)
    if k == nm - 1 and pos < len(d.tokens):
        raise FileFormatError(
            f"more values than {n} rows of {width}: '{d.tokens[pos]}'", file=h.file,
            row=d.lines[pos], value=d.tokens[pos], suggestion="check N and the matrix")
    ids = list(labels) if labels else [str(k + 1) for k in range(n)]
    return ids, entries


def _short(h: _Header, d: _Data, pos: int, wanted: str) -> None:
    raise FileFormatError(f"the data ends before {wanted}", file=h.file,
                          row=d.lines[min(pos, len(d.lines) - 1)] if d.lines else h.line,
                          suggestion="check N and the values")


def _matrix_rows(d: _Data, k: int) -> list[tuple[int, list[str]]]:
    """The data rows of matrix ``k`` (from 0) of a list layout (matrices end at '!')."""
    rows: list[tuple[int, list[str]]] = []
    for n, tokens in d.rows:
        if tokens[0].startswith("!"):
            k -= 1
            if k < 0:
                break
        elif k == 0:
            rows.append((n, tokens))
    return rows


def _edge_list(d: _Data, nodes: _Nodes, k: int) -> list[Entry]:
    entries: list[Entry] = []
    for n, tokens in _matrix_rows(d, k):
        if len(tokens) not in (2, 3):
            raise FileFormatError(
                f"an edge list line has {len(tokens)} values", file=nodes.file, row=n,
                suggestion="write 'from to' or 'from to weight' on each line")
        source, target = nodes.node(tokens[0], n), nodes.node(tokens[1], n)
        weight = parse_number(tokens[2], file=nodes.file, line=n, what="the weight") if len(
            tokens) == 3 else 1.0
        if weight != 0:
            entries.append(Entry(source, target, weight, n))
    return entries


def _node_list(d: _Data, nodes: _Nodes, k: int) -> list[Entry]:
    entries: list[Entry] = []
    for n, tokens in _matrix_rows(d, k):
        ego = nodes.node(tokens[0], n)
        entries.extend(Entry(ego, nodes.node(t, n), 1.0, n) for t in tokens[1:])
    return entries


def _parse(path, matrix, encoding: str | None) -> Parsed:
    file, lines, issues = read_lines(path, kind="DL", encoding=encoding)
    h, start = _header(file, lines)
    k = _which(h, matrix)
    fmt = h.settings.get("FORMAT", "FULLMATRIX").lower()
    if fmt not in FORMATS:
        raise FileFormatError(
            f"netmap does not read DL files of format {fmt}", file=file,
            row=h.where.get("FORMAT", h.line),
            value=fmt, suggestion="save the data from UCINET as fullmatrix, edgelist1 or "
                                  "nodelist1")
    n = _size(h)
    labels = _node_labels(h, n)
    d = _data(lines, start)
    if fmt == "fullmatrix":
        ids, entries = _full_matrix(h, d, n, labels, k)
    else:
        nodes = _Nodes(file, n, labels, h.embedded)
        entries = (_edge_list if fmt == "edgelist1" else _node_list)(d, nodes, k)
        count = n if n is not None else max(
            [max(e.source, e.target) + 1 for e in entries], default=0)
        ids = nodes.final(count)
        if n is not None and len(ids) < n:
            issues.append(issue_record(
                "dl-unlabelled-nodes", f"N = {n} but the data names {len(ids)} nodes: "
                f"{n - len(ids)} node(s) without a label are not read", file=file,
                row=h.line))
    issues.extend(_matrix_issues(h, k, chosen=matrix is not None))
    _, names = _matrices(h)
    return Parsed(file, ids, entries, issues=issues,
                  title=names[k] if len(names) > k else None, line=h.line)


def _matrix_issues(h: _Header, k: int, *, chosen: bool) -> list[dict]:
    """What a file of several matrices leaves out: warned, or noted when ``matrix=`` chose."""
    nm, names = _matrices(h)
    if nm == 1:
        return []
    names = names[:nm] if len(names) >= nm else []
    others = ", ".join(x for j, x in enumerate(names) if j != k) or f"{nm - 1} more"
    row = h.where.get("NM", h.line)
    if not chosen:
        which = f" ('{names[0]}')" if names else ""
        return [issue_record("dl-first-matrix", f"the file holds {nm} matrices: only the "
                             f"first{which} is read, not {others}; pass matrix= to read "
                             "another", file=h.file, row=row)]
    which = f"'{names[k]}'" if names else f"matrix {k}"
    return [issue_record("dl-other-matrices", f"the file holds {nm} matrices: {which} is "
                         f"read, not {others}", severity="note", file=h.file, row=row)]


def read_dl(
    path,
    *,
    sectors: Mapping | None = None,
    directed: bool | None = None,
    taxonomy: SectorTaxonomy | None = None,
    name: str | None = None,
    matrix: int | str | None = None,
    encoding: str | None = None,
) -> StakeholderMap:
    """Read a map from a UCINET DL file: full matrix, edge list or node list.

    Nodes become actors (the label their id; the number, as text, when the
    file has no labels) and ties become ties (a matrix value or the third
    value of an edge list their weight; zero is no tie). DL files name no
    sectors: ``sectors`` gives each actor's, else every actor is read as
    ``'other'``, with a note in the map's ``issues``. See
    :mod:`netmap.io.ucinet` for the layouts read.

    Parameters
    ----------
    path : path-like
        The DL file (``.dl``, ``.dat`` or ``.txt``).
    sectors : mapping, optional
        Node id (its label) to sector label (``{"COUN": "public", "WRO":
        "עמותה"}``); every node must be given one. Default: none, every actor
        ``'other'``.
    directed : bool, optional
        Default: undirected when every tie is listed both ways with the same
        weight (a symmetric matrix), each pair then read as one tie;
        directed otherwise. False reads ties listed both ways as one and
        drops the direction of the others (warned, and listed in the map's
        ``issues``).
    taxonomy : SectorTaxonomy, optional
        The sector taxonomy (default: the built-in one).
    name : str, optional
        A title for the map; default: the name of the matrix read (its
        ``LEVEL LABELS``), if any.
    matrix : int or str, optional
        Which matrix of a file with several (``NM=2`` or more: several
        relations among the same nodes) to read: its number, from 0, or
        its name in ``LEVEL LABELS`` (``"KNOKM"``). The matrices not read
        are noted in the map's ``issues``. Default: the first, with a
        warning that names the others.
    encoding : str, optional
        The file's encoding (``"cp1255"`` for Hebrew labels saved by
        Windows programs): every byte is read in it, or FileFormatError
        names the line. Default: UTF-8, else Windows-1252 (Western
        European) with a note in the map's ``issues``.

    Returns
    -------
    StakeholderMap

    Raises
    ------
    netmap.FileFormatError
        When the file is not a DL file, uses a layout netmap does not read
        (two-mode, ``lowerhalf``, ``edgelist2`` ...), or its data does not
        match its settings; the error names the file and the line.
    netmap.ValidationError
        With every problem in the values (an unknown sector, a negative
        weight ...), each naming the file and the line.
    netmap.ParameterError
        When ``directed`` is not True, False or None, ``sectors`` names a
        node the file does not have, ``matrix`` a matrix it does not have,
        or ``encoding`` is not an encoding Python knows.

    Warns
    -----
    netmap.DataWarning
        When the file holds several matrices and ``matrix`` is not given
        (only the first is read).

    References
    ----------
    Borgatti, S. P., Everett, M. G. and Freeman, L. C. (2002). UCINET for
    Windows: Software for Social Network Analysis. Analytic Technologies.

    Examples
    --------
    >>> import netmap, tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "knoke.dl"
    >>> _ = path.write_text('''DL N=3 FORMAT=EDGELIST1
    ... LABELS:
    ... COUN, EDUC, WRO
    ... DATA:
    ... 1 2
    ... 2 3 2.5
    ... ''')
    >>> m = netmap.read_dl(path, sectors={"COUN": "public", "EDUC": "public",
    ...                                   "WRO": "עמותה"})
    >>> m.actors["sector"].tolist(), m.directed
    (['public', 'public', 'third'], True)
    >>> m.ties[["source", "target", "weight"]].to_numpy().tolist()
    [['COUN', 'EDUC', 1.0], ['EDUC', 'WRO', 2.5]]
    """
    check_bool("directed", directed, allow_none=True)
    check_encoding("encoding", encoding, allow_none=True)
    p = _parse(path, matrix, encoding)
    given = check_sectors(sectors, p.ids)
    is_directed, p.entries, dropped = pair_entries(p.entries, directed)
    p.issues.extend(direction_issues(np.zeros(len(p.entries), dtype=bool), dropped,
                                     [(p.file, None, e.line) for e in p.entries], noun="tie"))
    g = graph_file(p, kind="DL", sectors=given, directed=is_directed)
    return build_map(g, sector_field="sector", directed=is_directed, taxonomy=taxonomy,
                     waves=None, name=name)


# -- writing ---------------------------------------------------------------------
def _label(text: str, file: str) -> str:
    """A label as DL writes it: quoted when it holds a space, a comma or '='."""
    if '"' in text or "\n" in text or "\r" in text:
        raise FileFormatError(f"the id '{text}' holds a double quote or a line break, "
                              "which a DL label cannot", file=file, table="actors",
                              value=text, suggestion="rename the actor before writing DL")
    if re.search(r"[\s,='!]", text) or text.upper() in ("DATA:", "DL"):
        return f'"{text}"'
    return text


def _rows(m: StakeholderMap, fmt: str) -> tuple[list[str], list[str]]:
    """The header lines after the settings, and the data lines."""
    a = m.arrays
    n = a.n_actors
    src, tgt = np.asarray(a.source), np.asarray(a.target)
    w = m.ties["weight"].to_numpy(dtype=float)
    both = not m.directed
    if fmt == "fullmatrix":
        matrix = np.zeros((n, n))
        np.add.at(matrix, (src, tgt), w)
        if both:
            off = src != tgt
            np.add.at(matrix, (tgt[off], src[off]), w[off])
        return [], [" ".join(number_text(v) for v in row) for row in matrix]
    pairs = []
    for s, t, x in zip(src.tolist(), tgt.tolist(), w.tolist(), strict=True):
        pairs.append((s, t, x))
        if both and s != t:
            pairs.append((t, s, x))
    if fmt == "edgelist1":
        return [], [f"{s + 1} {t + 1} {number_text(x)}" for s, t, x in pairs]
    lists: dict[int, list[int]] = {}
    for s, t, _ in pairs:
        lists.setdefault(s, []).append(t + 1)
    return [], [f"{s + 1} " + " ".join(map(str, ts)) for s, ts in lists.items()]


def write_dl(m: StakeholderMap, path, *, format: str = "edgelist1") -> None:  # noqa: A002
    """Write a map's actors and ties as a UCINET DL file.

    The actors are the labels (their ids), the ties the data: an edge list
    (``from to weight``, node numbers from 1), a full matrix (the summed
    weight of the ties from row to column) or a node list (each node and
    the nodes it has ties to). An undirected map's ties are written both
    ways (the matrix symmetric), which :func:`netmap.read_dl` reads back as one
    undirected tie each. A DL file keeps nothing else: a
    :class:`~netmap.DataWarning` names what is left out (sectors, names,
    tie types, bodies ...). Read the file back with
    ``netmap.read_dl(path, sectors=dict(m.actors["sector"]))``.

    Parameters
    ----------
    m : StakeholderMap
        The map.
    path : path-like
        The file to write (replaced if it exists); ``.dl`` by custom.
    format : {"edgelist1", "fullmatrix", "nodelist1"}, default "edgelist1"
        The layout of the data. A full matrix adds up ties between the same
        two actors and a node list drops weights: both warn when that
        changes the map.

    Raises
    ------
    netmap.FileFormatError
        When an actor id holds a double quote or a line break.
    netmap.ParameterError
        For another ``format``.

    Warns
    -----
    netmap.DataWarning
        Naming the columns and tables the file does not keep.

    References
    ----------
    Borgatti, S. P., Everett, M. G. and Freeman, L. C. (2002). UCINET for
    Windows: Software for Social Network Analysis. Analytic Technologies.

    Examples
    --------
    >>> import netmap, tempfile, pathlib, warnings, pandas as pd
    >>> m = netmap.from_frames(
    ...     pd.DataFrame({"id": ["moe", "intel", "ngo"],
    ...                   "sector": ["public", "business", "third"]}),
    ...     pd.DataFrame({"source": ["moe", "intel"], "target": ["ngo", "ngo"],
    ...                   "weight": [1.0, 2.5]}))
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "m.dl"
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     netmap.write_dl(m, path)
    >>> print(caught[0].message)
    m.dl: a UCINET DL file does not keep the actors' sector (read it back with sectors=)
    >>> print(path.read_text())
    DL N=3
    FORMAT = EDGELIST1
    LABELS:
    moe
    intel
    ngo
    DATA:
    1 3 1
    3 1 1
    2 3 2.5
    3 2 2.5
    <BLANKLINE>
    >>> netmap.read_dl(path, sectors=dict(m.actors["sector"])).equals(m)
    True
    """
    check_choice("format", format, FORMATS)
    file = os.fspath(path)
    labels = [_label(str(i), file) for i in m.actors.index]
    head, data = _rows(m, format)
    lost = lost_parts(m, actors=set(), ties={"weight"}, title=False)
    if format == "nodelist1" and (m.ties["weight"] != 1).any():
        lost.append("the ties' weights (a node list has none)")
    if format == "fullmatrix" and _repeats(m):
        lost.append("ties between the same two actors apart (a matrix adds them up)")
    text = [f"DL N={len(labels)}", f"FORMAT = {format.upper()}"
            + (" DIAGONAL PRESENT" if format == "fullmatrix" else ""),
            "LABELS:", *labels, *head, "DATA:", *data]
    Path(path).write_text("\n".join(text) + "\n", encoding="utf-8")
    warn_lost(lost, kind="UCINET DL", file=Path(file).name,
              hint="read it back with sectors=")


def _repeats(m: StakeholderMap) -> bool:
    a = m.arrays
    src, tgt = np.asarray(a.source), np.asarray(a.target)
    if not m.directed:
        src, tgt = np.minimum(src, tgt), np.maximum(src, tgt)
    keys = src.astype(np.int64) * max(a.n_actors, 1) + tgt
    return len(sorted_unique(keys)) < len(keys)
