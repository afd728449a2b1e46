"""Reading and writing maps as Excel workbooks, one sheet per table."""

from __future__ import annotations

import contextlib
import os
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from netmap.io._settings import SETTINGS_NAMES, parse_settings, resolve, settings_rows
from netmap.io.csv import table_frames
from netmap.model._formula import escape_cell
from netmap.model._labels import label_key
from netmap.model._params import check_bool
from netmap.model._raw import RawTable, table_from_rows
from netmap.model._validation import validate_tables
from netmap.model._warnings import warn
from netmap.model.exceptions import DataWarning, FileFormatError, InputError, ValidationError
from netmap.model.schema import TABLES, table_for_name
from netmap.model.sectors import SectorTaxonomy, default_taxonomy

if TYPE_CHECKING:
    from netmap.model.stakeholder_map import StakeholderMap

__all__ = ["read_excel", "write_excel", "frame_rows", "write_rows", "new_workbook"]


def _load(path: Path):
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    name = os.fspath(path)
    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError as err:
        raise FileFormatError("no such file", file=name,
                              suggestion="check the path") from err
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError,
            ValueError) as err:
        hint = ("an old .xls workbook: save it from Excel as .xlsx"
                if path.suffix.lower() == ".xls" else
                "save it from Excel as an .xlsx workbook, or read CSV files with "
                "netmap.read_csv")
        raise FileFormatError(f"not an Excel workbook netmap can read ({err})",
                              file=name, suggestion=hint) from err


def _sheet_rows(ws) -> list[tuple[int, tuple]]:
    rows = []
    for row in ws.iter_rows():
        cells = [c for c in row if getattr(c, "row", None) is not None]
        if not cells:
            continue
        width = max(c.column for c in cells)
        values = [None] * width
        for c in cells:
            values[c.column - 1] = c.value
        rows.append((cells[0].row, tuple(values)))
    return rows


def read_excel(
    path,
    *,
    directed: bool | None = None,
    taxonomy: SectorTaxonomy | None = None,
    waves=None,
    name: str | None = None,
) -> StakeholderMap:
    """Read a map from an Excel workbook with one sheet per table.

    Sheets are found by name, in English, Hebrew or Arabic (``actors`` /
    ``שחקנים``, ``ties`` / ``קשרים``, ``memberships``, ``bodies``,
    ``activities``; see ``docs/input-format.md``); other sheets (notes,
    instructions) are skipped and listed in the map's ``issues``. Title
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
        For a ``directed`` that is not True, False or None.

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
    path = Path(path)
    file = os.fspath(path)
    wb = _load(path)
    settings_keys = {label_key(n) for n in SETTINGS_NAMES}
    raws: dict[str, RawTable] = {}
    skipped: list[str] = []
    errors: list[InputError] = []
    settings = {}
    sheets: dict[str, str] = {}
    try:
        for ws in wb.worksheets:
            if label_key(ws.title) in settings_keys:
                settings = parse_settings(_sheet_rows(ws), file=file, sheet=ws.title,
                                          unquote=True)
                continue
            table = table_for_name(ws.title)
            if table is None:
                skipped.append(ws.title)
                continue
            if table in sheets:
                errors.append(FileFormatError(
                    f"sheets '{sheets[table]}' and '{ws.title}' both hold the "
                    f"{table} table", file=file, sheet=ws.title,
                    suggestion="keep one of them, or rename the other"))
                continue
            sheets[table] = ws.title
            try:
                raws[table] = table_from_rows(table, _sheet_rows(ws), file=file,
                                              sheet=ws.title, unquote=True)
            except FileFormatError as err:
                errors.append(err)
    finally:
        wb.close()
    for table in ("actors", "ties"):
        if table not in sheets:
            found = ", ".join(f"'{s}'" for s in skipped) or "none other"
            aliases = ", ".join(f"'{a}'" for a in TABLES[table].aliases[:6])
            errors.append(FileFormatError(
                f"the workbook has no {table} sheet (sheets found: {found})",
                file=file,
                suggestion=f"name the sheet '{table}' (also accepted: {aliases})"))
    if errors:
        raise ValidationError(errors)
    directed, waves, name = resolve(settings, directed, waves, name)
    taxonomy = taxonomy or default_taxonomy()
    validated = validate_tables(raws, taxonomy=taxonomy, directed=directed,
                                waves=waves)
    for title in skipped:
        validated.issues.append({
            "severity": "note", "code": "skipped-sheet", "file": file,
            "sheet": title, "table": None, "row": None, "column": None,
            "value": title,
            "message": f"{file}, sheet '{title}': not a table of the map; skipped",
        })
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
    off again (see ``netmap.model._formula``). A cell cannot hold control
    characters (below U+0020 but tab, line feed and carriage return): they
    are removed, with a :class:`netmap.DataWarning` naming each cell; CSV
    keeps them.
    """
    with new_workbook() as wb:
        for table, frame in table_frames(m).items():
            write_rows(wb, table, frame_rows(frame))
        write_rows(wb, "map", settings_rows(m))
        wb.save(path)


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


def frame_rows(frame) -> list[list]:
    """A table as rows of cells, header first; missing values as None."""
    columns = [frame[c].astype(object).where(frame[c].notna(), None).tolist()
               for c in frame.columns]
    return [[str(c) for c in frame.columns], *map(list, zip(*columns, strict=True))]


#: The control characters a workbook cell cannot hold: XML 1.0 forbids them,
#: and openpyxl refuses them (``IllegalCharacterError``).
UNSTORABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def write_rows(wb, title: str, rows) -> None:
    """Append a sheet of rows to a write-only workbook, text never as a formula.

    Cells are escaped against formula injection (``netmap.model._formula.escape_cell``):
    no string then starts with ``=``, which openpyxl would store as a formula.
    Control characters a workbook cannot hold (``UNSTORABLE``: all below
    U+0020 but tab, line feed and carriage return) are removed first, with a
    DataWarning naming the cells.
    """
    ws = wb.create_sheet(title)
    cleaned: list[tuple[int, int, str]] = []
    for r, row in enumerate(rows, start=1):
        cells = list(row)
        for c, value in enumerate(cells):
            if isinstance(value, str) and UNSTORABLE.search(value):
                cleaned.append((r, c, value))
                cells[c] = UNSTORABLE.sub("", value)
        ws.append([escape_cell(value) for value in cells])
    if cleaned:
        _warn_cleaned(title, cleaned)


def _warn_cleaned(title: str, cleaned: list[tuple[int, int, str]]) -> None:
    from openpyxl.utils import get_column_letter

    cells = [f"{get_column_letter(c + 1)}{r}" for r, c, _ in cleaned]
    more = f" and {len(cells) - 10} more" if len(cells) > 10 else ""
    first = cleaned[0][2]
    char = next(ch for ch in first if UNSTORABLE.match(ch))
    warn(f"sheet {title!r}: control characters a workbook cannot hold (such as "
         f"U+{ord(char):04X} in {first!r}) removed from {len(cells)} cell(s): "
         f"{', '.join(cells[:10])}{more}; write CSV to keep them", DataWarning, stacklevel=4)
