r"""The fast path of the workbook reader: calamine reads the sheets it can vouch for.

:func:`netmap.read_excel` opens every workbook with openpyxl (read-only),
which reads its parts (the workbook, its relationships and content
types, the styles, the shared strings) and names what is damaged; then
it reads each sheet's XML with openpyxl's own sheet parser, one Python
call per cell (:func:`netmap.io.excel._sheet_rows`). python-calamine (a
Rust reader, the ``fast`` extra) reads the same cells many times faster;
this module lets it read a sheet only when it gives what openpyxl's
parser gives, cell for cell as :func:`netmap.model._raw.cell_text` reads
them, and says so by returning None otherwise (the sheet then goes the
openpyxl way, so every error and warning reads word for word the same).

The sheet's XML, exactly the part openpyxl would read, is checked first
(:func:`vouch`):

- it is well-formed (the standard library's expat, the parser openpyxl
  uses), declares no document type and holds no CDATA section or comment;
- every row is ``<row r="N" ...>`` with N from 1 to Excel's last row, in
  increasing order, and every cell in it ``<c r="XN" ...>`` of that same
  row, with a column from A to XFD: openpyxl numbers a row by the row
  element and calamine by the cell, so they must agree;
- every cell and row names its reference first, in double quotes, and
  no element of the sheet's data has a namespace prefix;
- no error cell (``t="e"``: openpyxl reads ``#N/A``, calamine an empty
  cell), no ISO date cell (``t="d"``), no cell in a date or duration
  style (openpyxl's dates are not calamine's), no character reference
  (calamine drops ``&#13;``), and every ``<v>`` a plain number
  (openpyxl's ``int``/``float`` and calamine's differ on ``1_0``, `` 7``
  or ``inf``);
- the grid calamine builds (it holds every cell of the used area) is not
  far larger than the cells the sheet holds.

Then calamine reads the sheet (:func:`read_sheet`); a row where calamine
finds a value must be one openpyxl reads. The sheet's first rows find the
header and the table (:meth:`FastSheet.head`), and :func:`fast_table`
builds the table column by column, each column's values checked (no date,
time or duration, which calamine finds by styles openpyxl may not read as
dates; no whole number from 2**53 on, which openpyxl keeps exact and
calamine reads as a float) and cleaned once per distinct value, as
``table_from_rows`` cleans them. A shared-strings table holding
``x005F_`` (which openpyxl drops) or a carriage return written as a
reference leaves every sheet to openpyxl. Anything calamine itself refuses
goes the openpyxl way too, and so does a table :func:`fast_table` is
unsure of (a value beyond the header's last column: openpyxl's path names
its row).

``tests/test_io_fastxlsx.py`` reads every workbook of the test suite and
generated ones both ways and compares the maps, issues and warnings.
"""

from __future__ import annotations

import contextlib
import datetime as _dt
import io
import re
import xml.parsers.expat
import zipfile
import zlib
from dataclasses import dataclass

import numpy as np
import pandas as pd

from netmap.io._limits import MAX_SHEET_ROW
from netmap.model._raw import (
    MAX_TITLE_ROWS,
    RawTable,
    cell_text,
    clean_column,
    find_header,
    finish_table,
)

__all__ = ["available", "FastSheet", "read_sheet", "fast_rows", "fast_table", "vouch",
           "close_calamine", "MIN_BYTES"]

#: Smallest sheet XML worth the fast path, in bytes: below it openpyxl is as quick.
MIN_BYTES = 1 << 16

#: A column from A to XFD (Excel's last).
_COLUMN = rb"(?:[A-Z]{1,2}|[A-W][A-Z]{2}|X[A-E][A-Z]|XF[A-D])"

#: A row element whose cells all name its own row (``\1``) and a column of
#: Excel's; one match for each such row, none for any other (a cell's content
#: holds no other cell or row).
_ROW = re.compile(rb'<row r="([0-9]{1,7})"[^>]*?(?:/>|>(?:<c r="' + _COLUMN
                  + rb'\1"[^>]*?(?:/>|>[^<]*(?:<(?!/c>|c[\s/>]|/?row[\s/>])[^<]*)*</c>))*'
                  rb'</row>)')
#: A row element without cells: openpyxl leaves it out.
_EMPTY_ROW = re.compile(rb'<row r="([0-9]{1,7})"[^>]*?(?:/>|>\s*</row>)')
#: A value that is not a plain number both readers read alike.
_NOT_NUMBER = re.compile(rb'<v(?=[\s/>])(?!>[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)'
                         rb'(?:[eE][+-]?[0-9]+)?</v>|\s*/>)')
#: What the fast path leaves to openpyxl wherever it stands in the sheet: error
#: and ISO date cells, character references (calamine drops ``&#13;``), a
#: document type, attributes in single quotes, CDATA sections and comments (which
#: may hide or hold markup).
_REFUSED = (b't="e"', b't="d"', b"&#", b"<!DOCTYPE", b"<!ENTITY", b"='", b"<![CDATA[",
            b"<!--")
#: A cell of a type neither reader shares (calamine reads an inline string
#: whatever the type says), a cell or row element whose first attribute is
#: not its reference, and an element of the sheet's data written with a
#: namespace prefix.
_UNNAMED = (re.compile(rb'<c [^>]*?\st="(?!(?:s|n|b|str|inlineStr)")'),
            re.compile(rb'<c(?:[\t\n\r/>]| (?!r="))'),
            re.compile(rb'<row(?:[\t\n\r/>]| (?!r="))'),
            re.compile(rb":(?:row|c|v|is|t|f)[\s/>]"))
#: Shared strings openpyxl reads otherwise than calamine (it drops ``x005F_``).
_ODD_STRINGS = re.compile(rb"x005F_|&#(?:0*13|[xX]0*[dD]);")


def available() -> bool:
    """Whether python-calamine is installed (the ``fast`` extra)."""
    try:
        import python_calamine  # noqa: F401
    except ImportError:
        return False
    return True


def vouch(xml: bytes, *, date_styles=()) -> tuple[np.ndarray, int] | None:
    """The row numbers openpyxl reads from this sheet XML, and its width; None if unsure.

    Parameters
    ----------
    xml : bytes
        The sheet's XML part.
    date_styles : collection of int
        The style numbers openpyxl reads as dates or durations.

    Returns
    -------
    rows : numpy.ndarray
        The numbers of the rows that hold at least one cell, increasing.
    width : int
        The number of columns of the used area, from column A.
    """
    if any(bad in xml for bad in _REFUSED) or any(p.search(xml) for p in _UNNAMED):
        return None
    if _NOT_NUMBER.search(xml):
        return None
    if date_styles:
        styles = b"|".join(str(int(s)).encode() for s in sorted(date_styles))
        if re.search(rb'\ss="0*(?:' + styles + rb')"', xml):
            return None
    parser = xml_parser()
    try:
        parser.Parse(xml, True)
    except xml_errors():
        return None
    if xml.count(b"<is") != xml.count(b't="inlineStr"'):
        return None  # an inline string in a cell of another type, or the reverse
    rows = _ROW.findall(xml)
    if len(rows) != xml.count(b'<row r="'):
        return None
    cells = xml.count(b'<c r="')
    numbers = np.array(rows, dtype=np.bytes_).astype(np.int64) if rows else \
        np.zeros(0, dtype=np.int64)
    if len(numbers) and (numbers.min() < 1 or numbers.max() > MAX_SHEET_ROW
                         or (np.diff(numbers) <= 0).any()):
        return None
    empty = np.array(_EMPTY_ROW.findall(xml), dtype=np.bytes_).astype(np.int64) \
        if b"<row" in xml else np.zeros(0, dtype=np.int64)
    numbers = np.setdiff1d(numbers, empty, assume_unique=True)
    width = _width(xml)
    height = int(numbers.max()) if len(numbers) else 0
    if height * width > 4 * cells + (1 << 20):
        return None  # a sparse sheet: calamine's grid would be far larger than its cells
    return numbers, width


def xml_parser():
    """A bare expat parser, as openpyxl's ElementTree uses (no handlers: only checks)."""
    return xml.parsers.expat.ParserCreate()


def xml_errors() -> tuple[type[Exception], ...]:
    """What expat raises on a document that is not well-formed."""
    return (xml.parsers.expat.ExpatError, ValueError)


def _width(xml: bytes) -> int:
    """The last column any cell names, from 1 (the sheet's XML is vouched for)."""
    longer = re.findall(rb'<c r="([A-Z]{2,3})[0-9]', xml)
    if longer:
        return max(_column_number(c) for c in set(longer))
    low, high = 0, 26  # the last single letter: a binary search, one pass a step
    while low < high:
        mid = (low + high + 1) // 2
        letters = bytes([ord("A") + mid - 1]) + b"-Z"
        if re.search(rb'<c r="[' + letters + rb"][0-9]", xml):
            low = mid
        else:
            high = mid - 1
    return low


def _column_number(letters: bytes) -> int:
    n = 0
    for b in letters:
        n = n * 26 + b - ord("A") + 1
    return n


@dataclass
class FastSheet:
    """A sheet calamine read, as :func:`read_sheet` vouched for it.

    Attributes
    ----------
    grid : list of list
        The sheet's values from cell A1, one list per row (``""`` where empty).
    numbers : list of int
        The rows openpyxl reads (every row element holding a cell), increasing.
    """

    grid: list[list]
    numbers: list[int]

    def row(self, n: int) -> list:
        """The values of row ``n`` (from 1)."""
        return self.grid[n - 1] if n <= len(self.grid) else []

    def head(self) -> list[tuple[int, list]] | None:
        """The first rows, enough to find the header (as ``_sheet_rows`` begins); None if unsure."""
        rows, filled = [], 0
        for n in self.numbers:
            rows.append((n, self.row(n)))
            filled += any(cell_text(c) is not None for c in rows[-1][1])
            if filled > MAX_TITLE_ROWS + 1:
                break
        return rows if all(_plain_values(cells) for _, cells in rows) else None

    def rows(self) -> list[tuple[int, list]] | None:
        """Every row as ``_sheet_rows`` reads it; None if a value may read otherwise."""
        if not _plain_values([c for row in self.grid for c in row]):
            return None
        return [(n, self.row(n)) for n in self.numbers]


def read_sheet(ws) -> FastSheet | None:
    """A read-only openpyxl sheet as calamine reads it, where it reads as openpyxl's; else None.

    The rows are those openpyxl reads (every row element that holds a
    cell), numbered alike; each cell reads as openpyxl's does through
    :func:`netmap.model._raw.cell_text` (an empty cell may be ``""``
    where openpyxl has None, and trailing empty cells may differ), once
    its values are checked (:meth:`FastSheet.head`, :meth:`FastSheet.rows`,
    :func:`fast_table`).
    """
    wb = ws.parent
    data = getattr(wb, "_netmap_bytes", None)
    if data is None or not available():
        return None
    try:
        xml = wb._archive.read(ws._worksheet_path)
    except (OSError, KeyError, ValueError, EOFError, zipfile.BadZipFile, zlib.error):
        return None  # openpyxl's path names what is wrong
    if len(xml) < MIN_BYTES:
        return None
    styles = set(wb._date_formats) | set(wb._timedelta_formats)
    vouched = vouch(xml, date_styles=styles)
    del xml
    if vouched is None or (ws._shared_strings and _odd_strings(wb)):
        return None
    numbers = vouched[0].tolist()
    grid = _calamine_grid(wb, data, ws.title)
    if grid is None:
        return None
    # Every row calamine holds a value in must be one openpyxl reads.
    every = bool(numbers) and numbers[-1] == len(numbers) >= len(grid)  # rows 1, 2 ...
    present = set(numbers)
    if not every and any(any(c != "" for c in row) for i, row in enumerate(grid, start=1)
                         if i not in present):
        return None
    return FastSheet(grid, numbers)


def fast_rows(ws) -> list[tuple[int, list]] | None:
    """Every row of a sheet by calamine, as ``_sheet_rows`` reads them; None if unsure."""
    sheet = read_sheet(ws)
    return None if sheet is None else sheet.rows()


def fast_table(sheet: FastSheet, table: str, *, file: str | None,
               sheet_name: str | None) -> RawTable | None:
    """The raw table of a sheet calamine read, as ``table_from_rows`` builds it; None if unsure.

    Column by column: each column's values are checked (no date, no whole
    number from 2**53 on) and cleaned once per distinct value
    (:func:`netmap.model._raw.clean_column`); a value beyond the header's
    last column leaves the table to ``table_from_rows``, which names it.

    Raises
    ------
    FileFormatError
        As :func:`netmap.model._raw.find_header` does.
    """
    head = sheet.head()
    if head is None:
        return None
    header = find_header(table, head, file=file, sheet=sheet_name, unquote=True)
    body = sheet.numbers[header.pos + 1:]
    grid = sheet.grid
    rows = [grid[n - 1] for n in body] if not body or body[-1] <= len(grid) else [
        sheet.row(n) for n in body]
    widths = set(map(len, rows))
    width = max(widths, default=0)
    if len(widths) > 1:
        rows = [[*r, *([""] * (width - len(r)))] for r in rows]
    cells = list(zip(*rows, strict=True)) if rows else []
    del rows
    columns: dict[str, pd.Series] = {}
    invisible: dict[str, np.ndarray] = {}
    for j in range(max(width, header.width)):
        values = list(cells[j]) if j < width else [None] * len(body)
        if not _plain_values(values):
            return None
        if j >= header.width:
            if any(cell_text(v) is not None for v in set(values)):
                return None  # a value without a header: table_from_rows says where
            continue
        label = header.labels[j]
        columns[label], marked = clean_column(pd.Series(values, dtype=object), unquote=True)
        if marked is not None:
            invisible[label] = marked
    frame = pd.DataFrame(columns, index=pd.RangeIndex(len(body)))
    return finish_table(table, frame, np.array(body, dtype=np.int64), header, invisible,
                        file=file, sheet=sheet_name)


def _odd_strings(wb) -> bool:
    """Whether a shared string may read otherwise in calamine than in openpyxl."""
    flag = getattr(wb, "_netmap_odd_strings", None)
    if flag is None:
        try:
            flag = any(_ODD_STRINGS.search(wb._archive.read(n))
                       for n in wb._archive.namelist()
                       if n.lower().endswith("sharedstrings.xml"))
        except (OSError, KeyError, ValueError, EOFError, zipfile.BadZipFile,
                zlib.error):  # then calamine is not trusted with them
            flag = True
        wb._netmap_odd_strings = flag
    return flag


def _calamine_grid(wb, data: bytes, title: str) -> list[list] | None:
    """The sheet as calamine reads it, a grid from cell A1; None when calamine refuses it."""
    import python_calamine

    book = getattr(wb, "_netmap_calamine", None)
    try:
        if book is None:
            book = python_calamine.CalamineWorkbook.from_object(io.BytesIO(data))
            wb._netmap_calamine = book
        if book.sheet_names.count(title) != 1:
            return None
        return book.get_sheet_by_name(title).to_python(skip_empty_area=False)
    except Exception:  # noqa: BLE001 - whatever calamine refuses, openpyxl reads or names
        return None


def close_calamine(wb) -> None:
    """Close the calamine workbook :func:`fast_rows` opened beside openpyxl's, if any."""
    book = getattr(wb, "_netmap_calamine", None)
    if book is not None:
        wb._netmap_calamine = None
        with contextlib.suppress(Exception):  # already closed: nothing held
            book.close()


_DATES = (_dt.date, _dt.time, _dt.timedelta)  # (datetime is a date)


def _plain_values(values: list) -> bool:
    """Whether no value is a date or time, or a whole number calamine may have rounded."""
    kinds = set(map(type, values))
    if any(issubclass(k, _DATES) for k in kinds):
        return False
    if float in kinds:
        floats = np.array(values, dtype=float) if kinds == {float} else np.fromiter(
            (v for v in values if type(v) is float), dtype=float)
        return not (np.abs(floats) >= 2.0**53).any()
    return True
