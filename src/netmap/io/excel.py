"""Reading and writing maps as Excel workbooks, one sheet per table."""

from __future__ import annotations

import io
import os
import warnings
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from netmap.io._limits import (
    MAX_SHEET_COLUMN,
    MAX_SHEET_ROW,
    check_workbook_zip,
    parser_errors,
    read_input_bytes,
)
from netmap.io._settings import SETTINGS_NAMES, parse_settings, resolve, settings_rows
from netmap.io._tables import Entry, assign_tables
from netmap.io.csv import table_frames
from netmap.model._formula import escape_cell
from netmap.model._labels import label_key
from netmap.model._params import check_bool
from netmap.model._raw import RawTable, table_from_rows
from netmap.model._validation import validate_tables
from netmap.model.exceptions import DataWarning, FileFormatError, InputError, ValidationError
from netmap.model.schema import TABLES, is_non_table_name
from netmap.model.sectors import SectorTaxonomy, default_taxonomy

if TYPE_CHECKING:
    from netmap.model.stakeholder_map import StakeholderMap

__all__ = ["read_excel", "write_excel", "frame_rows", "write_rows"]


def _load(path: Path):
    """The workbook, opened read-only from its bytes, after the limits of ``netmap.io._limits``.

    The workbook is opened from its bytes in memory (at most
    :data:`netmap.io._limits.MAX_INPUT_BYTES`), so that a damaged one leaves
    no file open behind it. What openpyxl warns about (a missing stylesheet,
    a part it drops) is warned again as a :class:`netmap.DataWarning` naming
    the file.
    """
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    path = Path(path)
    name = os.fspath(path)
    hint = ("an old .xls workbook: save it from Excel as .xlsx"
            if path.suffix.lower() == ".xls" else
            "save it from Excel as an .xlsx workbook, or read CSV files with "
            "netmap.read_csv")
    data = io.BytesIO(read_input_bytes(path, what="workbook"))
    if not zipfile.is_zipfile(data):
        raise FileFormatError("not an Excel workbook netmap can read (not a zip "
                              "archive)", file=name, suggestion=hint)
    check_workbook_zip(data, file=name)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            with parser_errors(name, kind="Excel workbook"):
                wb = openpyxl.load_workbook(data, read_only=True, data_only=True)
        except InvalidFileException as err:
            raise FileFormatError(f"not an Excel workbook netmap can read ({err})",
                                  file=name, suggestion=hint) from err
    for w in caught:
        warnings.warn(f"{name}: openpyxl: {w.message}", DataWarning, stacklevel=3)
    wb._netmap_file = name
    return wb


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
            values = [None] * width
            for c in cells:
                values[c["column"] - 1] = c["value"]
            rows.append((n, tuple(values)))
    return rows


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
                settings = parse_settings(_sheet_rows(ws), file=file, sheet=ws.title,
                                          unquote=True)
                continue
            # A sheet named as notes is not even read: it is skipped with a note.
            rows = [] if is_non_table_name(ws.title) else _sheet_rows(ws)
            entries.append(Entry(ws.title, ws.title, rows, file, ws.title))
    finally:
        wb.close()
    found = assign_tables(entries)
    errors: list[InputError] = list(found.errors)
    if strict:
        errors.extend(found.strict)
    raws: dict[str, RawTable] = {}
    for table, entry in found.tables.items():
        try:
            raws[table] = table_from_rows(table, entry.rows, file=file,
                                          sheet=entry.sheet, unquote=True)
        except FileFormatError as err:
            errors.append(err)
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
                                          taxonomy=taxonomy, name=name)


def write_excel(m: StakeholderMap, path) -> None:
    """Write a map as a workbook: one sheet per table and a ``map`` settings sheet.

    Sheets are named ``actors``, ``ties`` and, when not empty,
    ``memberships``, ``bodies`` and ``activities``; computed columns
    (``core``, ``tie_class``) are left out. :func:`netmap.read_excel` reads the
    workbook back to an equal map.

    Parameters
    ----------
    m : StakeholderMap
        The map.
    path : path-like
        The ``.xlsx`` file to write (replaced if it exists).

    Notes
    -----
    Text is always written as text, never as a formula; a text cell (or
    header) that a spreadsheet would run as a formula, one starting with
    ``=``, ``+``, ``-``, ``@``, a tab or a carriage return, also gets a
    leading single quote (OWASP's advice against formula injection), so
    that it stays text when the sheet is saved as CSV; plain numbers such
    as ``-3`` are written as they are. :func:`netmap.read_excel` takes the quote
    off again (see ``netmap.model._formula``).
    """
    import openpyxl

    wb = openpyxl.Workbook(write_only=True)
    for table, frame in table_frames(m).items():
        write_rows(wb, table, frame_rows(frame))
    write_rows(wb, "map", settings_rows(m))
    wb.save(path)


def frame_rows(frame) -> list[list]:
    """A table as rows of cells, header first; missing values as None."""
    columns = [frame[c].astype(object).where(frame[c].notna(), None).tolist()
               for c in frame.columns]
    return [[str(c) for c in frame.columns], *map(list, zip(*columns, strict=True))]


def write_rows(wb, title: str, rows) -> None:
    """Append a sheet of rows to a write-only workbook, text never as a formula.

    Cells are escaped against formula injection (``netmap.model._formula.escape_cell``):
    no string then starts with ``=``, which openpyxl would store as a formula.
    """
    ws = wb.create_sheet(title)
    for row in rows:
        ws.append([escape_cell(value) for value in row])
