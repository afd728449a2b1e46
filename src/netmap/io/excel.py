"""Reading and writing maps as Excel workbooks, one sheet per table."""

from __future__ import annotations

import contextlib
import io
import math
import os
import re
import warnings
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from netmap.io._fastxlsx import FastSheet, close_calamine, fast_rows, fast_table, read_sheet
from netmap.io._limits import (
    MAX_SHEET_COLUMN,
    MAX_SHEET_ROW,
    check_workbook_zip,
    parser_errors,
    read_input_bytes,
)
from netmap.io._settings import SETTINGS_NAMES, parse_settings, resolve, settings_rows
from netmap.io._tables import Entry, assign_tables, read_assigned
from netmap.io.csv import table_frames
from netmap.model._atomic import atomic_path
from netmap.model._formula import escape_cell
from netmap.model._labels import label_key
from netmap.model._params import check_bool
from netmap.model._raw import RawTable, table_from_rows
from netmap.model._validation import validate_tables
from netmap.model._warnings import warn
from netmap.model.exceptions import DataWarning, FileFormatError, ValidationError
from netmap.model.schema import TABLES, is_non_table_name
from netmap.model.sectors import SectorTaxonomy, default_taxonomy

if TYPE_CHECKING:
    from netmap.model.stakeholder_map import StakeholderMap

__all__ = ["read_excel", "write_excel", "frame_rows", "write_rows", "warn_cut",
           "excel_cell", "xstring_escape", "xstring_unescape", "EXCEL_CELL_LIMIT",
           "new_workbook"]


def _load(path: Path):
    """The workbook, opened read-only from its bytes, after the limits of ``netmap.io._limits``.

    The workbook is opened from its bytes in memory (at most
    :data:`netmap.io._limits.MAX_INPUT_BYTES`), so that a damaged one leaves
    no file open behind it. What openpyxl warns about (a missing stylesheet,
    a part it drops) is warned again as a :class:`netmap.DataWarning` naming
    the file. Sheets are not parsed here, only when their rows are read
    (see :func:`_reader`).
    """
    from openpyxl.utils.exceptions import InvalidFileException

    path = Path(path)
    name = os.fspath(path)
    hint = ("an old .xls workbook: save it from Excel as .xlsx"
            if path.suffix.lower() == ".xls" else
            "save it from Excel as an .xlsx workbook, or read CSV files with "
            "netmap.read_csv")
    raw = read_input_bytes(path, what="workbook")
    data = io.BytesIO(raw)
    if not zipfile.is_zipfile(data):
        raise FileFormatError("not an Excel workbook netmap can read (not a zip "
                              "archive)", file=name, suggestion=hint)
    check_workbook_zip(data, file=name)
    with warnings.catch_warnings(record=True) as caught:  # third-party warnings
        warnings.simplefilter("always")  # third-party warnings
        try:
            with parser_errors(name, kind="Excel workbook"):
                reader = _reader()(data, read_only=True, data_only=True)
                reader.read()
                wb = reader.wb
        except InvalidFileException as err:
            raise FileFormatError(f"not an Excel workbook netmap can read ({err})",
                                  file=name, suggestion=hint) from err
    for w in caught:
        warn(f"{name}: openpyxl: {w.message}", DataWarning, stacklevel=3)
    wb._netmap_file = name
    wb._netmap_bytes = raw  # for the fast path (netmap.io._fastxlsx)
    return wb


def _reader():
    """The read-only workbook reader of openpyxl, its sheets left unparsed until read.

    openpyxl's own read-only sheet parses the whole sheet once as it is
    opened, looking for the ``<dimension>`` element that gives the sheet's
    size, when the sheet has none (openpyxl's write-only mode writes none):
    at 1,000,000 rows that is minutes. netmap never asks a sheet its size,
    so its sheets skip that parse; each sheet is parsed once, when its rows
    are read (:func:`_sheet_rows`), and a damaged one is named then.
    """
    from openpyxl.packaging.relationship import get_dependents, get_rels_path
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    class Sheet(ReadOnlyWorksheet):
        def _get_size(self):
            """Nothing: the size is not read (see :func:`netmap.io.excel._reader`)."""

    class Reader(ExcelReader):
        def read_worksheets(self):
            """As openpyxl's for a read-only workbook, with :class:`Sheet` sheets."""
            for sheet, rel in self.parser.find_sheets():
                if rel.target not in self.valid_files:
                    continue
                if "chartsheet" in rel.Type:
                    self.read_chartsheet(sheet, rel)
                    continue
                rels_path = get_rels_path(rel.target)
                if rels_path in self.valid_files:
                    get_dependents(self.archive, rels_path)
                ws = Sheet(self.wb, sheet.name, rel.target, self.shared_strings)
                ws.sheet_state = sheet.state
                self.wb._sheets.append(ws)

    return Reader


def _sheet_rows(ws) -> list[tuple[int, tuple]]:
    """The rows of a read-only sheet that hold cells, numbered as Excel shows them.

    The sheet's XML is parsed directly, row by row, so that rows the file
    does not hold cost nothing (openpyxl's own iteration fills the gap
    before a row numbered 1,000,000,000 with empty rows); a row or column
    beyond Excel's last (:data:`netmap.io._limits.MAX_SHEET_ROW`,
    ``MAX_SHEET_COLUMN``) is refused, and so is damaged sheet XML.
    """
    from openpyxl.worksheet._reader import WorkSheetParser

    wb = ws.parent
    file = getattr(wb, "_netmap_file", None)
    rows = []
    with parser_errors(file, kind="Excel workbook", sheet=ws.title), \
            ws._get_source() as src:
        parser = WorkSheetParser(src, ws._shared_strings, data_only=wb.data_only,
                                 epoch=wb.epoch, date_formats=wb._date_formats,
                                 timedelta_formats=wb._timedelta_formats)
        for n, cells in parser.parse():
            if not cells:
                continue
            if n > MAX_SHEET_ROW:
                raise FileFormatError(
                    f"the sheet holds a row numbered {n:,}, beyond Excel's last row "
                    f"({MAX_SHEET_ROW:,}): the file is damaged or hostile", file=file,
                    sheet=ws.title, row=n,
                    suggestion="save it again from Excel, or as CSV files")
            width = max(c["column"] for c in cells)
            if width > MAX_SHEET_COLUMN or min(c["column"] for c in cells) < 1:
                raise FileFormatError(
                    f"row {n} holds a cell outside Excel's columns A to XFD: the file "
                    "is damaged", file=file, sheet=ws.title, row=n,
                    suggestion="save it again from Excel, or as CSV files")
            values: list = [None] * width
            for c in cells:
                v = c["value"]
                values[c["column"] - 1] = xstring_unescape(v) if isinstance(v, str) else v
            rows.append((n, tuple(values)))
    return rows


def _rows(ws) -> list[tuple[int, tuple]]:
    """The rows of a sheet: by calamine where it reads them as openpyxl would, else openpyxl.

    See ``netmap.io._fastxlsx``: the fast path (the ``fast`` extra) takes a
    sheet only when it can vouch that every cell reads the same.
    """
    rows = fast_rows(ws)
    return _sheet_rows(ws) if rows is None else [(n, tuple(cells)) for n, cells in rows]


def _entry(ws, file: str) -> Entry:
    """A sheet that may hold a table: its rows, or (fast path) calamine's sheet and first rows."""
    sheet = read_sheet(ws)
    head = None if sheet is None else sheet.head()
    if sheet is None or head is None:
        return Entry(ws.title, ws.title, _sheet_rows(ws), file, ws.title)
    return Entry(ws.title, ws.title, head, file, ws.title, fast=sheet)


def _raw_table(table: str, entry: Entry, wb) -> RawTable:
    """The raw table of a sheet: column by column from calamine's sheet, else from its rows."""
    if isinstance(entry.fast, FastSheet):
        sheet, entry.fast = entry.fast, None  # calamine's grid goes once the table is built
        raw = fast_table(sheet, table, file=entry.file, sheet_name=entry.sheet)
        if raw is not None:
            return raw
        rows = sheet.rows()
        entry.rows = rows if rows is not None else _sheet_rows(wb[entry.sheet])
    return table_from_rows(table, entry.rows, file=entry.file, sheet=entry.sheet,
                           unquote=True)


def read_excel(
    path,
    *,
    directed: bool | None = None,
    taxonomy: SectorTaxonomy | None = None,
    waves=None,
    name: str | None = None,
    strict: bool = False,
) -> StakeholderMap:
    """Read a map from an Excel workbook with one sheet per table.

    Sheets are found by name, in English, Hebrew or Arabic (``actors`` /
    ``שחקנים``, ``ties`` / ``קשרים``, ``memberships``, ``bodies``,
    ``activities``; see ``docs/input-format.md``), and a sheet whose name
    names no table by its header (a ``חברות`` sheet headed ``שחקן``,
    ``גוף`` is the memberships), with a note. Sheets named as notes or
    instructions, and empty sheets, are skipped with a note; any other
    sheet is skipped with a warning that names it (an error with
    ``strict=True``). Title
    rows above the header, and a second header row in another language,
    are recognised. Whole numbers lose Excel's ``.0`` and dates are read as
    ISO dates.

    Parameters
    ----------
    path : path-like
        An ``.xlsx`` workbook.
    directed : bool, optional
        Whether ties run from source to target; default: as the ``map``
        sheet says (written by :func:`netmap.io.write_excel`), else False.
    taxonomy : SectorTaxonomy, optional
        The sector taxonomy (default: the built-in one).
    waves : sequence, optional
        The order of wave labels that have no natural order; default: as
        the ``map`` sheet says.
    name : str, optional
        A title for the map; default: as the ``map`` sheet says.
    strict : bool, default False
        Refuse a workbook with a sheet that matches no table (by its name
        or its header) instead of skipping it with a warning.

    Returns
    -------
    StakeholderMap

    Raises
    ------
    netmap.ValidationError
        With every problem found, each naming the file, sheet, row and
        column (with its Excel letter).
    netmap.FileFormatError
        When the file is not a workbook netmap can read.
    netmap.ParameterError
        For a ``directed`` that is not True, False or None, or a ``strict``
        that is not a bool.

    Warns
    -----
    netmap.DataWarning
        For a sheet skipped because it matches no table (code
        ``skipped-sheet`` in the map's ``issues``).

    Notes
    -----
    The workbook is opened by openpyxl (read-only), which reads its parts
    and names what is damaged. With python-calamine installed (the ``fast``
    extra), the cells of a large sheet are read by calamine, a Rust reader,
    where netmap can vouch that they read exactly as openpyxl's parser reads
    them (``netmap.io._fastxlsx``): well-formed XML, every cell numbered in
    its own row, plain numbers, no error cell (``#N/A``), no date, time or
    date-styled cell, no whole number from 2**53 on. Any other sheet is
    read by openpyxl, so the map, its notes and the warnings are the same
    either way; only the time differs (``benchmarks/bench_read.py --excel``).

    Examples
    --------
    >>> import netmap, tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "map.xlsx"
    >>> m = netmap.datasets.load_2x5()
    >>> m.to_excel(path)
    >>> netmap.read_excel(path).equals(m)
    True
    """
    from netmap.model.stakeholder_map import StakeholderMap

    check_bool("directed", directed, allow_none=True)
    check_bool("strict", strict)
    path = Path(path)
    file = os.fspath(path)
    wb = _load(path)
    settings_keys = {label_key(n) for n in SETTINGS_NAMES}
    entries: list[Entry] = []
    settings = {}
    try:
        for ws in wb.worksheets:
            if label_key(ws.title) in settings_keys:
                settings = parse_settings(_rows(ws), file=file, sheet=ws.title,
                                          unquote=True)
                continue
            # A sheet named as notes is not even read: it is skipped with a note.
            entries.append(Entry(ws.title, ws.title, [], file, ws.title)
                           if is_non_table_name(ws.title) else _entry(ws, file))
        found = assign_tables(entries)
        raws, errors = read_assigned(
            found, lambda table, entry: _raw_table(table, entry, wb), strict=strict)
    finally:
        close_calamine(wb)
        wb.close()
    for table in ("actors", "ties"):
        if table not in found.tables:
            others = ", ".join(f"'{e.label}'" for e in entries
                               if e not in found.tables.values()) or "none other"
            aliases = ", ".join(f"'{a}'" for a in TABLES[table].aliases[:6])
            errors.append(FileFormatError(
                f"the workbook has no {table} sheet (sheets found: {others})",
                file=file,
                suggestion=f"name the sheet '{table}' (also accepted: {aliases}), or "
                           "give it the documented headers of the table"))
    if errors:
        raise ValidationError(errors)
    directed, waves, name = resolve(settings, directed, waves, name)
    taxonomy = taxonomy or default_taxonomy()
    validated = validate_tables(raws, taxonomy=taxonomy, directed=directed,
                                waves=waves)
    validated.issues[:0] = found.issues
    return StakeholderMap._from_validated(validated, directed=directed,
                                          taxonomy=taxonomy, name=name,
                                          date=settings.get("date"))


def write_excel(m: StakeholderMap, path) -> None:
    """Write a map as a workbook: one sheet per table and a ``map`` settings sheet.

    Sheets are named ``actors``, ``ties`` and, when not empty,
    ``memberships``, ``bodies`` and ``activities``; computed columns
    (``core``, ``tie_class``) are left out. :func:`netmap.read_excel` reads the
    workbook back to an equal map, to the last digit of every number,
    except text cells longer than Excel's 32,767 characters, which are cut
    to that length with a :class:`netmap.DataWarning` naming each cell.

    Parameters
    ----------
    m : StakeholderMap
        The map.
    path : path-like
        The ``.xlsx`` file to write (replaced if it exists, only once the
        new workbook is written whole: see ``netmap.model._atomic``).

    Warns
    -----
    netmap.DataWarning
        When text cells longer than 32,767 characters were cut, naming the
        cells (``actors!D7``) and their columns.

    Notes
    -----
    Text is always written as text, never as a formula; a text cell (or
    header) that a spreadsheet would run as a formula, one starting with
    ``=``, ``+``, ``-``, ``@``, a tab or a carriage return, also gets a
    leading single quote (OWASP's advice against formula injection), so
    that it stays text when the sheet is saved as CSV; plain numbers such
    as ``-3`` are written as they are. :func:`netmap.read_excel` takes the quote
    off again (see ``netmap.model._formula``).

    What a workbook cannot hold as it is travels the way Excel itself
    writes it: a carriage return or another control character in text
    as Excel's escape ``_x000D_`` (which Excel shows as the character and
    :func:`netmap.read_excel` reads back), numbers with all their 17
    digits (Excel itself shows 15, and keeps only 15 when it saves the
    workbook again), whole numbers beyond 2^53 and infinite numbers
    (``inf``, ``-inf``) as text, which :func:`netmap.read_excel` reads as
    numbers again.
    """
    cut: list[str] = []
    with new_workbook() as wb:
        for table, frame in table_frames(m).items():
            cut += write_rows(wb, table, frame_rows(frame))
        cut += write_rows(wb, "map", settings_rows(m))
        with atomic_path(path) as temp:
            wb.save(temp)
    warn_cut(path, cut)


@contextlib.contextmanager
def new_workbook() -> Iterator:
    """A write-only openpyxl workbook whose sheets are closed if the block fails.

    A write-only sheet writes its rows to a temporary file through a
    generator; left open when saving fails (a missing or read-only folder)
    or is interrupted, it prints a traceback when it is collected.

    Yields
    ------
    openpyxl.Workbook
        An empty write-only workbook: add sheets with :func:`write_rows`,
        then save it inside the block.
    """
    import openpyxl

    wb = openpyxl.Workbook(write_only=True)
    try:
        yield wb
    except BaseException:
        for ws in wb.worksheets:
            with contextlib.suppress(Exception):
                ws.close()
        raise


def warn_cut(path, cut: list[str]) -> None:
    """Warn, naming them, of the cells a workbook writer cut to Excel's limit."""
    if cut:
        shown = ", ".join(cut[:8]) + (f" and {len(cut) - 8} more" if len(cut) > 8 else "")
        warn(
            f"{os.fspath(path)}: {len(cut)} text cell(s) longer than Excel's "
            f"{EXCEL_CELL_LIMIT:,} characters were cut to that length: {shown}; write "
            "CSV, GEXF, GraphML or Kumu JSON to keep them whole", DataWarning,
            stacklevel=3)


def frame_rows(frame) -> list[list]:
    """A table as rows of cells, header first; missing values as None."""
    columns = [frame[c].astype(object).where(frame[c].notna(), None).tolist()
               for c in frame.columns]
    return [[str(c) for c in frame.columns], *map(list, zip(*columns, strict=True))]


def write_rows(wb, title: str, rows) -> list[str]:
    """Append a sheet of rows to a write-only workbook, text never as a formula.

    Cells are escaped against formula injection (``netmap.model._formula.escape_cell``):
    no string then starts with ``=``, which openpyxl would store as a formula.
    Every value is written so that :func:`netmap.read_excel` reads it back
    exactly (see :func:`~netmap.io.excel.excel_cell`), except text longer than Excel's limit.

    Returns
    -------
    list of str
        The cells cut to :data:`~netmap.io.excel.EXCEL_CELL_LIMIT` characters, as
        ``"sheet!D7 (column 'x')"``, the header taken from the first row.
    """
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(title)
    cut: list[str] = []
    header: list = []
    for r, row in enumerate(rows, start=1):
        cells = []
        for c, value in enumerate(row, start=1):
            cell, was_cut = excel_cell(ws, escape_cell(value))
            if was_cut:
                column = header[c - 1] if c <= len(header) else None
                cut.append(f"{title}!{get_column_letter(c)}{r}"
                           + (f" (column '{column}')" if column is not None else ""))
            cells.append(cell)
        header = header or list(row)
        ws.append(cells)
    return cut


#: Excel's limit on the characters of a cell.
EXCEL_CELL_LIMIT = 32_767

#: What Excel writes as an ``_xHHHH_`` escape: control characters, the
#: characters XML cannot hold, and text that looks like such an escape.
_TO_ESCAPE = re.compile("[\x00-\x08\x0b-\x1f\ud800-\udfff\ufffe\uffff]"
                        "|_(?=x[0-9A-Fa-f]{4}_)")
_ESCAPED = re.compile("_x([0-9A-Fa-f]{4})_")


def xstring_escape(text: str) -> str:
    r"""Text as Excel writes it into a workbook's XML (OOXML's ``ST_Xstring``).

    A character XML cannot hold, or that it would change (a carriage
    return), is written ``_xHHHH_``; an underscore that starts text looking
    like such an escape is itself escaped (``_x005F_``).

    Examples
    --------
    >>> xstring_escape("a\r\nb"), xstring_escape("_x0041_")
    ('a_x000D_\nb', '_x005F_x0041_')
    >>> xstring_unescape(xstring_escape("a\r\nb_x0041_\x01")) == "a\r\nb_x0041_\x01"
    True
    """
    return _TO_ESCAPE.sub(lambda m: f"_x{ord(m.group(0)):04X}_", text)


def xstring_unescape(text: str) -> str:
    r"""Text as Excel shows it: each ``_xHHHH_`` escape read as its character.

    Examples
    --------
    >>> xstring_unescape("line_x000D_"), xstring_unescape("_x005F_x0041_")
    ('line\r', '_x0041_')
    """
    if "_x" not in text:
        return text
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text)


def excel_cell(ws, value) -> tuple[object, bool]:
    """A value as a cell of a write-only sheet that reads back exactly.

    Floats that 16 digits (openpyxl's) do not give back exactly are written
    with all 17 of ``repr``; whole numbers beyond 2^53, which Excel cannot
    hold, and infinite numbers as text (``inf``); text through
    :func:`~netmap.io.excel.xstring_escape`, cut to
    :data:`~netmap.io.excel.EXCEL_CELL_LIMIT` characters.

    Returns
    -------
    cell : object
        The value, or an openpyxl cell.
    cut : bool
        Whether text was cut.
    """
    if isinstance(value, bool | np.bool_) or value is None:
        return value, False
    if isinstance(value, int | np.integer):
        return (str(int(value)) if abs(int(value)) >= 2**53 else int(value)), False
    if isinstance(value, float | np.floating):
        return _float_cell(ws, float(value)), False
    if isinstance(value, str):
        cut = len(value) > EXCEL_CELL_LIMIT
        return xstring_escape(value[:EXCEL_CELL_LIMIT] if cut else value), cut
    return value, False


def _float_cell(ws, value: float):
    from openpyxl.cell import WriteOnlyCell

    if math.isnan(value):
        return None
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    # A whole float from 2^53 on would be written without a point and read back
    # as an integer; repr keeps the point or exponent ('9007199254740992.0').
    if float(f"{value:.16g}") == value and not (value.is_integer() and abs(value) >= 2**53):
        return value
    cell = WriteOnlyCell(ws, value=value)
    cell._value = repr(value)  # written as it is into <v>, kept numeric ('n')
    return cell
