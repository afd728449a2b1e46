"""What the exchange formats (GEXF, GraphML, Kumu) share: cells as text, directions, issues.

Every reader of these formats turns the file into numbered rows of text
cells, one list per netmap table, and hands them to the same checks as the
CSV and Excel readers (:func:`netmap.model._raw.table_from_rows`,
:func:`netmap.model._validation.validate_tables`), so that a value reads the
same whatever the file it came in.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from netmap.model._validation import ISSUE_COLUMNS
from netmap.model.exceptions import FileFormatError, InputError, ParameterError, ValidationError

__all__ = ["text_cells", "first_repeat", "issue_record", "decode_named", "relabel",
           "resolve_directions",
           "direction_issues", "DIRECTIONS", "DIRECTION_ISSUE", "check_default_sector",
           "default_sector_issue", "DEFAULT_SECTOR_ISSUE"]

#: Direction words of Kumu and GEXF, normalised.
DIRECTIONS = {"directed": "directed", "undirected": "undirected", "mutual": "mutual",
              "true": "directed", "false": "undirected"}

#: The one issue code of connections whose direction the map changed.
DIRECTION_ISSUE = "edge-direction"

#: The issue code of actors that took the reader's ``default_sector``.
DEFAULT_SECTOR_ISSUE = "default-sector"


def check_default_sector(default_sector, taxonomy) -> None:
    """ParameterError unless ``default_sector`` is None or a sector label of the taxonomy.

    Examples
    --------
    >>> from netmap.model.sectors import default_taxonomy
    >>> check_default_sector("עמותה", default_taxonomy())
    >>> check_default_sector("nope", default_taxonomy())
    Traceback (most recent call last):
    ...
    netmap.model.exceptions.ParameterError: default_sector='nope' is not allowed: ...
    """
    if default_sector is None:
        return
    if not isinstance(default_sector, str) or taxonomy.lookup(default_sector) is None:
        codes = ", ".join(taxonomy.codes)
        raise ParameterError("default_sector", default_sector,
                             f"None or a sector of the taxonomy ({codes})")


def default_sector_issue(count: int, default_sector: str | None, *, file=None
                         ) -> list[dict]:
    """The note of how many actors took the default sector (none when none did).

    Examples
    --------
    >>> [note] = default_sector_issue(3, "third", file="g.gexf")
    >>> note["severity"], note["message"]
    ('note', "g.gexf, column 'sector': 3 actor(s) had no sector and took the default sector 'third' (default_sector=)")
    """  # noqa: E501
    if not count or default_sector is None:
        return []
    return [issue_record(
        DEFAULT_SECTOR_ISSUE, f"{count} actor(s) had no sector and took the default "
        f"sector '{default_sector}' (default_sector=)", severity="note", file=file,
        table="actors", column="sector", value=default_sector)]


def text_cells(values: pd.Series) -> list:
    """A column as text cells, the way the readers read them back; None where missing.

    Whole numbers of an integer column are written without a decimal
    point, other numbers with the shortest text that reads back the same
    float, true/false as ``true`` and ``false``.

    Examples
    --------
    >>> text_cells(pd.Series([1.0, 2.5, None]))
    ['1.0', '2.5', None]
    >>> text_cells(pd.array([2013, None], dtype="Int64"))
    ['2013', None]
    """
    values = pd.Series(values)
    present = values.notna().to_numpy()
    if pd.api.types.is_bool_dtype(values):
        items = ["true" if v else "false" for v in values.fillna(False).tolist()]
    elif pd.api.types.is_integer_dtype(values):
        items = [str(int(v)) for v in values.fillna(0).tolist()]
    elif pd.api.types.is_float_dtype(values):
        items = [repr(float(v)) if math.isfinite(v) else str(v)
                 for v in values.astype("float64").fillna(0.0).tolist()]
    else:
        items = [str(v) for v in values.astype(object).tolist()]
    return [v if ok else None for v, ok in zip(items, present, strict=True)]


def first_repeat(values: list[str]) -> str | None:
    """The first value met a second time, None when every value is unique.

    Examples
    --------
    >>> first_repeat(["a", "b", "c", "b", "a"])
    'b'
    """
    seen: set[str] = set()
    for value in values:
        if value in seen:
            return value
        seen.add(value)
    return None


def decode_named(data: bytes, encoding: str, *, file: str, kind: str) -> str:
    """A text file's bytes decoded in the encoding the user named (its byte-order mark dropped).

    Raises
    ------
    FileFormatError
        At the first byte the encoding cannot read, naming the file and
        its line.
    """
    try:
        return data.decode(encoding).removeprefix("\ufeff")
    except UnicodeDecodeError as err:
        raise FileFormatError(
            f"the {kind} file is not valid {encoding}: byte {data[err.start]:#04x} cannot "
            "be read", file=file, row=data.count(b"\n", 0, err.start) + 1,
            suggestion="name the encoding the file was saved in with encoding= "
                       "(--encoding on the command line), or leave it out to read "
                       "UTF-8") from err


def issue_record(code: str, message: str, *, severity: str = "warning", file=None,
                 sheet=None, table=None, row=None, column=None, value=None) -> dict:
    """One row of a map's ``issues``, located like an error."""
    where = InputError(message, file=file, sheet=sheet, table=table, row=row,
                       column=column)
    record = dict.fromkeys(ISSUE_COLUMNS)
    record.update(severity=severity, code=code, file=file, sheet=sheet, table=table,
                  row=row, column=column, value=None if value is None else str(value),
                  message=str(where))
    return record


def relabel(err: ValidationError, headers: dict[str, dict[str, str]],
            hints: dict[tuple[str, str], str] | None = None) -> ValidationError:
    """The same errors, with netmap's column names put back to the file's.

    Readers of these formats rename a file's fields to netmap's columns
    (Kumu's ``Type`` to ``sector``, a GEXF attribute to ``sector`` ...)
    before the checks; this names the field as the user wrote it again.

    Parameters
    ----------
    err : ValidationError
        The errors found.
    headers : dict
        Per table, netmap column name to the name in the file.
    hints : dict, optional
        Per (table, column), a sentence added to the suggestion.
    """
    out = []
    for e in err.errors:
        names = headers.get(e.table or "", {})
        state = e._state()
        if e.column in names:
            state["column"] = names[e.column]
        hint = (hints or {}).get((e.table or "", e.column or ""))
        if hint:
            state["suggestion"] = f"{state['suggestion']}; {hint}" if state[
                "suggestion"] else hint
        out.append(type(e)(e.problem, **state))
    return ValidationError(out)


def resolve_directions(values: list, *, directed: bool | None, default: bool
                       ) -> tuple[bool, np.ndarray, np.ndarray]:
    """Whether the map is directed, and what happens to each connection.

    Parameters
    ----------
    values : list of str or None
        Each connection's direction (``directed``, ``undirected``,
        ``mutual``), None where not given.
    directed : bool or None
        The reader's argument; None decides from the connections: directed
        when at least one connection is directed.
    default : bool
        Direction of a connection that gives none, and of a map without
        connections when ``directed`` is None.

    Returns
    -------
    directed : bool
        Whether the map is directed.
    two_arcs : numpy.ndarray of bool
        Connections read as two opposite arcs (mutual and undirected ones
        in a directed map).
    undirected : numpy.ndarray of bool
        Directed connections whose direction is dropped in an undirected
        map.
    """
    words = np.array([v if v is not None else ("directed" if default else "undirected")
                      for v in values], dtype=object)
    is_directed = words == "directed"
    if directed is None:
        directed = bool(is_directed.any()) if len(words) else bool(default)
    if directed:
        return True, ~is_directed, np.zeros(len(words), dtype=bool)
    return False, np.zeros(len(words), dtype=bool), is_directed


def direction_issues(two_arcs: np.ndarray, dropped: np.ndarray, places: list[tuple], *,
                     noun: str = "edge") -> list[dict]:
    """The map's issue for connections whose direction it changed, if any.

    The one report of GEXF, GraphML and Kumu readers: undirected or mutual
    connections read as two opposite ties in a directed map, or directed
    ones whose direction is dropped in an undirected map. Both carry the
    code :data:`DIRECTION_ISSUE` and name the first such connection.

    Parameters
    ----------
    two_arcs, dropped : numpy.ndarray of bool
        From :func:`resolve_directions`, one per connection.
    places : list of (file, sheet, row)
        Where each connection is (sheet None for XML files, whose row is
        the line).
    noun : str, default "edge"
        What the format calls a connection ("edge", "connection").

    Returns
    -------
    list of dict
        No issue, or one (a map is either directed or not, so never both).

    Examples
    --------
    >>> two = np.array([False, True, True])
    >>> places = [("g.gexf", None, line) for line in (4, 5, 6)]
    >>> [issue] = direction_issues(two, np.zeros(3, bool), places)
    >>> issue["code"], issue["row"], issue["message"]
    ('edge-direction', 5, 'g.gexf, row 5: 2 undirected or mutual edge(s) in a directed map read as two opposite ties each')
    """  # noqa: E501
    if two_arcs.any():
        flags = two_arcs
        problem = (f"{int(flags.sum())} undirected or mutual {noun}(s) in a directed map "
                   "read as two opposite ties each")
    elif dropped.any():
        flags = dropped
        problem = (f"{int(flags.sum())} directed {noun}(s) read into an undirected map: "
                   "their direction is dropped")
    else:
        return []
    file, sheet, row = places[int(np.flatnonzero(flags)[0])]
    return [issue_record(DIRECTION_ISSUE, problem, file=file, sheet=sheet, table="ties",
                         row=row)]
