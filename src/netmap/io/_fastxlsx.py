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
  uses) and declares no document type;
- every row is ``<row r="N" ...>`` with N from 1 to Excel's last row, in
  increasing order, and every cell in it ``<c r="XN" ...>`` of that same
  row, with a column from A to XFD: openpyxl numbers a row by the row
  element and calamine by the cell, so they must agree;
- no error cell (``t="e"``: openpyxl reads ``#N/A``, calamine an empty
  cell), no ISO date cell (``t="d"``), no cell in a date or duration
  style (openpyxl's dates are not calamine's), no carriage return written
  as a character reference (calamine drops it), and every ``<v>`` a plain
  number (openpyxl's ``int``/``float`` and calamine's differ on ``1_0``,
  `` 7`` or ``inf``);
- the grid calamine builds (it holds every cell of the used area) is not
  far larger than the cells the sheet holds.

Then calamine reads the sheet, and its values are checked as a whole:
no date, time or duration (calamine found a date style openpyxl does
not), no whole number from 2**53 on (openpyxl keeps such an integer
exact, calamine reads every number as a float), no shared string that
openpyxl reads otherwise (its ``x005F_`` handling). Anything calamine
itself refuses goes the openpyxl way too.

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

import numpy as np

from netmap.io._limits import MAX_SHEET_ROW

__all__ = ["available", "fast_rows", "vouch", "close_calamine", "MIN_BYTES"]

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
#: document type, attributes in single quotes.
_REFUSED = (b't="e"', b't="d"', b"&#", b"<!DOCTYPE", b"<!ENTITY", b"='")
#: A cell or row element whose first attribute is not its reference, and an
#: element of the sheet's data written with a namespace prefix.
_UNNAMED = (re.compile(rb'<c(?:[\t\n\r/>]| (?!r="))'),
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


def fast_rows(ws) -> list[tuple[int, tuple]] | None:
    """The rows of a read-only openpyxl sheet as ``_sheet_rows`` reads them; None if unsure.

    The rows are those openpyxl reads (every row element that holds a
    cell), numbered alike; each cell reads as openpyxl's does through
    :func:`netmap.model._raw.cell_text` (an empty cell may be ``""``
    where openpyxl has None, and trailing empty cells may differ).
    """
    wb = ws.parent
    data = getattr(wb, "_netmap_bytes", None)
    if data is None or not available():
        return None
    try:
        xml = wb._archive.read(ws._worksheet_path)
    except Exception:  # noqa: BLE001 - openpyxl's path names what is wrong
        return None
    if len(xml) < MIN_BYTES:
        return None
    styles = set(wb._date_formats) | set(wb._timedelta_formats)
    vouched = vouch(xml, date_styles=styles)
    del xml
    if vouched is None or (ws._shared_strings and _odd_strings(wb)):
        return None
    numbers, _ = vouched
    grid = _calamine_grid(wb, data, ws.title)
    if grid is None or not _plain_values(grid):
        return None
    # Every row calamine holds a value in must be one openpyxl reads.
    present = np.zeros(len(grid) + 1, dtype=bool)
    present[numbers[numbers <= len(grid)]] = True
    if any(not present[i + 1] and any(c != "" for c in row) for i, row in enumerate(grid)
           if not present[i + 1]):
        return None
    return [(int(n), tuple(grid[n - 1]) if n <= len(grid) else ()) for n in numbers]


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


def _plain_values(grid: list[list]) -> bool:
    """Whether no value is a date or time, or a whole number calamine may have rounded."""
    kinds = {type(c) for row in grid for c in row}
    if any(issubclass(k, _DATES) for k in kinds):
        return False
    if float in kinds:
        big = float(2**53)
        return not any(type(c) is float and abs(c) >= big and c == c for row in grid
                       for c in row)
    return True
