"""Tables as read, before validation: cells, the header, and where each row was."""

from __future__ import annotations

import datetime as _dt
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from netmap.model._formula import unescape_cell
from netmap.model._labels import EXTRA_HEADERS, INVISIBLE_MARKS, clean_text, label_key
from netmap.model.exceptions import FileFormatError, InputError
from netmap.model.schema import TABLES

__all__ = ["RawTable", "Header", "find_header", "table_from_rows", "finish_table",
           "table_from_frame", "cell_text", "clean_cells", "clean_column"]

#: How many rows above the header may hold titles or notes.
MAX_TITLE_ROWS = 5


@dataclass
class RawTable:
    """One input table as read: text cells, user-visible row numbers, origin.

    Attributes
    ----------
    table : str
        Canonical table name (``actors``, ``ties`` ...).
    frame : pandas.DataFrame
        Data rows only, one column per header as written (trimmed). Cells
        are cleaned (see :func:`cell_text`): object columns of text and
        None, typed columns of a user's DataFrame, or (from the CSV
        reader's fast path) pandas text columns (``"str"``, NaN where
        empty), which are taken as cleaned.
    rows : numpy.ndarray
        For each row of ``frame``, the row number the user sees (CSV line,
        Excel row, or DataFrame index label).
    file, sheet : str or None
        Where the table came from.
    positions : dict of str to int
        Zero-based position of each header in the file, for Excel letters.
    headers : dict of str to str
        Canonical column name to the header as the user wrote it, filled in
        when the columns are matched.
    header_row : int or None
        The row number of the header.
    invisible : dict of str to numpy.ndarray
        Header as written to the rows (of ``frame``) whose cell held an
        invisible character or direction mark, for columns that had one.
    encoded : dict of str to (numpy.ndarray, pandas.Series)
        Header as written to the column's cells as codes (integers, -1
        where missing) among its distinct values (pandas text, none
        missing, each found in some row), when the reader found them (the
        CSV reader's fast path): the validation then looks each distinct
        value up once, without hashing the column again. The codes
        describe ``frame`` as read.
    """

    table: str
    frame: pd.DataFrame
    rows: np.ndarray
    file: str | None = None
    sheet: str | None = None
    positions: dict[str, int] = field(default_factory=dict)
    header_row: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    invisible: dict[str, np.ndarray] = field(default_factory=dict)
    encoded: dict[str, tuple[np.ndarray, pd.Series]] = field(default_factory=dict)

    def error(self, cls: type[InputError], problem: str, *, row=None, column=None,
              suggestion=None, value=None) -> InputError:
        """An error of class ``cls`` located in this table."""
        return cls(
            problem,
            file=self.file,
            sheet=self.sheet,
            table=self.table,
            row=None if row is None else _plain(row),
            column=column,
            column_index=self.positions.get(column) if column is not None else None,
            suggestion=suggestion,
            value=value,
        )


def _plain(value):
    return value.item() if isinstance(value, np.generic) else value


def cell_text(value: object) -> str | None:
    """A spreadsheet cell as text, the way the user sees it; None when empty.

    Whole numbers lose Excel's ``.0``; dates become ISO dates; text is
    trimmed (see :func:`netmap.model._labels.clean_text`).

    Examples
    --------
    >>> cell_text(7.0), cell_text(0.25), cell_text("  a "), cell_text("   ")
    ('7', '0.25', 'a', None)
    >>> import datetime
    >>> cell_text(datetime.datetime(2014, 5, 1))
    '2014-05-01'
    """
    if value is None:
        return None
    if isinstance(value, str):
        text = clean_text(value)
        return text or None
    if isinstance(value, bool | np.bool_):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | np.integer):
        return str(int(value))
    if isinstance(value, float | np.floating):
        if math.isnan(value):
            return None
        if math.isfinite(value) and float(value).is_integer() and abs(float(value)) < 2**53:
            return str(int(value))
        return repr(float(value))
    if isinstance(value, _dt.datetime):
        if value.time() == _dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, _dt.date):
        return value.isoformat()
    return clean_text(str(value)) or None


def _is_header_alias(cell: str | None, column: str | None, table: str) -> bool:
    if cell is None:
        return True
    if column is None:
        return False
    index = TABLES[table].header_index()
    canonical = index.get(label_key(column))
    if canonical is None:  # an extra column: one that netmap knows by several headers
        keys = label_key(column), label_key(cell)
        return any(all(k in {label_key(h) for h in headers} for k in keys)
                   for headers in EXTRA_HEADERS.get(table, ()))
    return index.get(label_key(cell)) == canonical


@dataclass(frozen=True)
class Header:
    """Where a table's header is and what it names (see :func:`find_header`).

    Attributes
    ----------
    pos : int
        Index of the header among the rows given.
    row : int
        The header's row number as the user sees it.
    labels : list of str
        The column labels, trailing empty ones left out (``column 3`` for an
        empty one in between).
    positions : dict of str to int
        Zero-based position of each label.
    """

    pos: int
    row: int
    labels: list[str]
    positions: dict[str, int]

    @property
    def width(self) -> int:
        """The number of columns."""
        return len(self.labels)


def find_header(table: str, rows: Sequence[tuple[int, Sequence[object]]], *,
                file: str | None, sheet: str | None = None,
                unquote: bool = False) -> Header:
    """The header of a table: the first non-empty row, unless a later one names more.

    Only the first non-empty rows are read (at most ``MAX_TITLE_ROWS + 1``);
    the header is the first of them, unless one of the next few (titles or
    notes above the table) holds every required column of the table.

    Raises
    ------
    FileFormatError
        When there is no header, or it names a column twice.
    """
    index = TABLES[table].header_index()
    required = set(TABLES[table].required_columns)
    # Only the first rows are cleaned one cell at a time, to find the header.
    head: list[tuple[int, int, list[str | None]]] = []
    for pos, (n, cells) in enumerate(rows):
        texts = [cell_text(c) for c in cells]
        if any(t is not None for t in texts):
            head.append((pos, n, texts))
            if len(head) > MAX_TITLE_ROWS:
                break
    if not head:
        raise FileFormatError(
            f"the {table} table is empty: no header row",
            file=file, sheet=sheet, table=table,
            suggestion="put the column names in the first row",
        )
    start = 0
    for i, (_, _, texts) in enumerate(head):
        found = {index.get(label_key(c)) for c in texts if c is not None}
        if required <= found:
            start = i
            break
    header_pos, header_row, names = head[start]
    if unquote:
        names = [unescape_cell(n) for n in names]
    width = len(names)
    while width and names[width - 1] is None:
        width -= 1
    labels: list[str] = []
    positions: dict[str, int] = {}
    for j, name in enumerate(names[:width]):
        label = name if name is not None else f"column {j + 1}"
        if label in positions:
            raise FileFormatError(
                f"the header names column '{label}' twice",
                file=file, sheet=sheet, table=table, row=header_row, column=label,
                suggestion="rename or remove one of the two columns",
            )
        positions[label] = j
        labels.append(label)
    return Header(header_pos, header_row, labels, positions)


def table_from_rows(
    table: str,
    rows: Sequence[tuple[int, Sequence[object]]],
    *,
    file: str | None,
    sheet: str | None = None,
    unquote: bool = False,
) -> RawTable:
    """Build a raw table from numbered rows of cells, finding the header.

    The header is the first non-empty row, unless one of the next few rows
    (titles or notes above the table) holds every required column of the
    table (see :func:`find_header`). Rows right under the header that repeat
    it in another language (an English header under a Hebrew one) are
    skipped; so are empty rows.

    Parameters
    ----------
    table : str
        Canonical table name.
    rows : sequence of (int, sequence)
        Row number as the user sees it, and the cells of that row.
    file, sheet : str or None
        Origin, for messages.
    unquote : bool, default False
        Take off the quote that netmap's spreadsheet writers put before a
        cell that a spreadsheet would run as a formula
        (:mod:`netmap.model._formula`), in headers and cells.

    Raises
    ------
    FileFormatError
        When there is no header, or a data row is longer than the header.
    """
    header = find_header(table, rows, file=file, sheet=sheet, unquote=unquote)
    width = header.width
    body = rows[header.pos + 1:]
    numbers = np.fromiter((n for n, _ in body), dtype=np.int64, count=len(body))
    long_rows = [k for k, (_, cells) in enumerate(body) if len(cells) > width
                 and any(cell_text(c) is not None for c in cells[width:])]
    if long_rows:
        first = int(numbers[long_rows[0]])
        raise FileFormatError(
            f"row {first} has a value in a column without a header"
            + (f" (so do {len(long_rows) - 1} more rows)" if len(long_rows) > 1 else ""),
            file=file, sheet=sheet, table=table, row=first, value=first,
            suggestion="give every column a name in the header row, or remove the "
                       "stray values",
        )
    padded = [cells[:width] if len(cells) == width
              else [*cells[:width], *([None] * (width - len(cells)))]
              for _, cells in body]
    frame = pd.DataFrame(padded, columns=range(width) if body else None, dtype=object)
    if not body:
        frame = pd.DataFrame({k: pd.Series([], dtype=object) for k in range(width)})
    frame = frame.reindex(columns=range(width))
    frame, invisible = _clean_frame(frame, header.labels, unquote)
    return finish_table(table, frame, numbers, header, invisible, file=file, sheet=sheet)


def finish_table(table: str, frame: pd.DataFrame, numbers: np.ndarray, header: Header,
                 invisible: dict[str, np.ndarray], *, file: str | None,
                 sheet: str | None = None,
                 encoded: dict[str, tuple[np.ndarray, pd.Series]] | None = None,
                 ) -> RawTable:
    """The raw table of cleaned cells under ``header``, without empty rows.

    Rows right under the header that repeat it in another language are
    dropped too.

    Parameters
    ----------
    frame : pandas.DataFrame
        The cleaned cells (see :func:`clean_column`), one column per label
        of ``header``, numbered from 0.
    numbers : numpy.ndarray
        The row number of each row of ``frame``.
    invisible : dict of str to numpy.ndarray
        As :attr:`RawTable.invisible`, for every row of ``frame``.
    encoded : dict, optional
        As :attr:`RawTable.encoded`, for columns of ``frame`` (the CSV
        reader's fast path leaves out references and free text); left out
        when rows repeating the header are dropped (their values would be
        among the distinct ones).
    """
    width = header.width
    encoded = encoded or {}
    keep = np.zeros(len(frame), dtype=bool)
    if width and encoded:  # (a column with codes says by them which cells are missing)
        for label in frame.columns:  # (the fast path's frame: one column a label)
            keep |= (encoded[label][0] >= 0 if label in encoded
                     else frame[label].notna().to_numpy())
    elif width:
        keep = np.array(frame.notna().any(axis=1), dtype=bool)
    # Rows right under the header that repeat it in another language.
    skip = 0
    while skip < len(frame) and keep[skip] and all(
        _is_header_alias(None if c is None or c != c else c, header.labels[k], table)
        for k, c in enumerate(frame.iloc[skip].tolist())
    ):
        keep[skip] = False
        skip += 1
    if not keep.all():
        frame = frame[keep].reset_index(drop=True)
        numbers = numbers[keep]
        invisible = {h: m[keep] for h, m in invisible.items()}
        encoded = {h: (codes[keep], values) for h, (codes, values) in encoded.items()
                   } if not skip else {}
    return RawTable(table, frame, numbers, file=file, sheet=sheet,
                    positions=dict(header.positions), header_row=header.row,
                    invisible=invisible, encoded=encoded)


def _clean_frame(frame: pd.DataFrame, headers: list[str], unquote: bool
                 ) -> tuple[pd.DataFrame, dict[str, np.ndarray]]:
    """Every column cleaned and named by its header; the cells that held invisible marks."""
    columns, invisible = {}, {}
    for k, h in enumerate(headers):
        columns[h], marked = clean_column(frame[k], unquote=unquote)
        if marked is not None:
            invisible[h] = marked
    return pd.DataFrame(columns, index=pd.RangeIndex(len(frame))), invisible


def clean_cells(values: pd.Series, unquote: bool = False) -> pd.Series:
    """Cells of one column as text (see :func:`cell_text`), each distinct value cleaned once.

    The index is kept; empty cells become None. With ``unquote``, the quote
    that netmap's spreadsheet writers put before a would-be formula is
    taken off (:func:`netmap.model._formula.unescape_cell`).
    """
    return clean_column(values, unquote)[0]


def clean_column(values: pd.Series, unquote: bool = False
                 ) -> tuple[pd.Series, np.ndarray | None]:
    """:func:`clean_cells`, and which cells held invisible characters or marks.

    Returns
    -------
    cells : pandas.Series
        As :func:`clean_cells` returns them.
    invisible : numpy.ndarray of bool, or None
        For each cell, whether it held a character of
        :data:`netmap.model._labels.INVISIBLE_MARKS` (None when none did);
        the validation removes the invisible ones from ids and names and
        notes the cells.
    """
    if values.dtype != object:
        values = values.astype(object)
    values = _booleans_as_text(values)
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    cleaned = np.empty(len(uniques) + 1, dtype=object)
    texts = _plain_texts(uniques)
    cleaned[:-1] = [cell_text(u) for u in uniques] if texts is None else texts
    if unquote:
        cleaned[:-1] = [unescape_cell(c) for c in cleaned[:-1]] if texts is None or any(
            c is not None and c[:1] == "'" for c in texts) else cleaned[:-1]
    cleaned[-1] = None
    flags = np.zeros(len(uniques) + 1, dtype=bool)
    if len(uniques) and texts is None:
        flags[:-1] = pd.Series(uniques, dtype=object).astype(str).str.contains(
            INVISIBLE_MARKS).to_numpy(dtype=bool)
    out = pd.Series(cleaned[codes], index=values.index, dtype=object)
    return out, (flags[codes] if flags.any() else None)


#: Characters :func:`netmap.model._labels.clean_text` changes or strips beyond ASCII
#: whitespace (direction marks, the byte-order mark, the non-breaking space,
#: Unicode spaces), and the invisible ones the validation notes.
_CHANGED = re.compile(INVISIBLE_MARKS.pattern[:-1]
                      + "\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")


def _plain_texts(uniques) -> list | None:
    """:func:`cell_text` of each distinct value, when all are text it only trims; else None.

    Text in Unicode normal form C without any character of ``_CHANGED``
    loses only its ASCII whitespace in :func:`cell_text`: checked once on
    all the values joined, then each value trimmed, without a call a value.
    """
    if not len(uniques) or pd.api.types.infer_dtype(uniques, skipna=False) != "string":
        return None
    joined = "\n".join(uniques)
    if _CHANGED.search(joined) or not unicodedata.is_normalized("NFC", joined):
        return None
    return [u.strip() or None for u in uniques]


def _booleans_as_text(values: pd.Series) -> pd.Series:
    """A column with its booleans as ``TRUE`` / ``FALSE``, when it mixes them with numbers.

    ``True == 1`` in Python, so factorizing a column holding both would
    read a 1 as ``TRUE`` (or a TRUE as ``1``).
    """
    kind = pd.api.types.infer_dtype(values, skipna=True)
    if kind in ("string", "boolean", "floating", "integer", "empty", "mixed-integer-float",
                "decimal", "date", "datetime", "time", "timedelta", "bytes"):
        return values
    flags = np.fromiter((isinstance(v, bool | np.bool_) for v in values), dtype=bool,
                        count=len(values))
    if not flags.any():
        return values
    out = values.copy()
    out[flags] = np.where(values[flags].astype(bool), "TRUE", "FALSE")
    return out


def table_from_frame(table: str, frame: pd.DataFrame) -> RawTable:
    """Wrap a user's DataFrame; rows are named by their index labels.

    Text cells are trimmed; typed columns (numbers, categories) are kept.
    """
    if not isinstance(frame, pd.DataFrame):
        raise FileFormatError(
            f"the {table} table must be a pandas DataFrame, not "
            f"{type(frame).__name__}",
            table=table,
            suggestion="pass a DataFrame, or use netmap.read_csv / read_excel for files",
        )
    data = {}
    positions = {}
    invisible: dict[str, np.ndarray] = {}
    for j, column in enumerate(frame.columns):
        label = cell_text(column) or f"column {j + 1}"
        if label in data:
            raise FileFormatError(
                f"the {table} table has two columns named '{label}'",
                table=table, column=label,
                suggestion="rename or remove one of the two columns",
            )
        data[label], marked = _clean_series(frame.iloc[:, j])
        if marked is not None:
            invisible[label] = marked
        positions[label] = j
    out = pd.DataFrame(data, index=pd.RangeIndex(len(frame)))
    rows = np.asarray(frame.index, dtype=object)
    if isinstance(frame.index, pd.RangeIndex):
        rows = np.asarray(frame.index, dtype=np.int64)
    return RawTable(table, out, rows, positions=positions, invisible=invisible)


def _clean_series(series: pd.Series) -> tuple[pd.Series, np.ndarray | None]:
    series = series.reset_index(drop=True)
    if isinstance(series.dtype, pd.CategoricalDtype):
        series = series.astype(object)
    if pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series):
        return series, None
    return clean_column(series)
