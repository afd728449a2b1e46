"""Which table a sheet or a file holds: found by its name, else by its header row.

A workbook's sheets and a folder's CSV files are matched to the map's
tables by their names first (``actors``, ``קשרים`` ...; see
:data:`netmap.model.schema.TABLES`). A sheet or file whose name names no
table, or names one whose required columns its header lacks, is matched by
its header: the table whose required columns it names (see
:func:`netmap.model.schema.table_for_header`). What still matches no table
is skipped with a warning that names it and says how to make it count;
with ``strict=True`` that warning is an error.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from netmap.model._raw import MAX_TITLE_ROWS, RawTable, cell_text
from netmap.model.exceptions import FileFormatError, InputError
from netmap.model.schema import TABLES, is_non_table_name, table_for_header, table_for_name

__all__ = ["Entry", "Assignment", "assign_tables", "read_assigned", "table_of_rows",
           "TABLE_NAMES_HINT"]

#: How to make a skipped sheet or file count, in one sentence.
TABLE_NAMES_HINT = (
    "to read it, name it for its table (actors, ties, memberships, bodies, activities; "
    "in Hebrew שחקנים, קשרים, חברות בגופים, גופים, פעילויות) or give it the documented "
    "headers of one (see docs/input-format.md); to leave it out silently, name it "
    "'notes' or 'instructions'")


@dataclass
class Entry:
    """A sheet or file that may hold a table.

    Attributes
    ----------
    label : str
        The sheet's title or the file's name, as messages show it.
    name : str
        The name matched against table names (sheet title, or file stem).
    rows : sequence of (int, sequence)
        The numbered rows of cells (for a CSV file on the fast path, the
        first rows, enough to find the header).
    file : str
        The file (the workbook, or the CSV file itself).
    sheet : str or None
        The sheet's title, for a workbook.
    """

    label: str
    name: str
    rows: Sequence[tuple[int, Sequence[object]]]
    file: str
    sheet: str | None = None
    #: Why the entry cannot be read (a file that is not CSV): skipped with a warning.
    problem: str | None = None
    #: The file as the CSV reader's fast path scanned it (``netmap.io._fastcsv``),
    #: when it can build the table; ``rows`` then holds only the first rows.
    fast: object | None = None


@dataclass
class Assignment:
    """Tables found, issues to list in the map, and errors."""

    tables: dict[str, Entry]
    issues: list[dict]
    errors: list[InputError]
    #: The entries skipped with a warning, as errors (raised with ``strict=True``).
    strict: list[InputError]


def _heads(rows: Sequence[tuple[int, Sequence[object]]]) -> list[list[str | None]]:
    """The first non-empty rows as text: where the header is (titles may stand above it)."""
    heads = []
    for _, cells in rows:
        texts = [cell_text(c) for c in cells]
        if any(t is not None for t in texts):
            heads.append(texts)
            if len(heads) > MAX_TITLE_ROWS:
                break
    return heads


def _by_header(rows) -> tuple[str | None, tuple[str, ...]]:
    """The table the first header-like row names (see ``table_for_header``)."""
    for texts in _heads(rows):
        table, tops = table_for_header(texts)
        if tops:
            return table, tops
    return None, ()


def table_of_rows(rows) -> str | None:
    """The table a file's header names, or None (none, or two equally)."""
    return _by_header(rows)[0]


def _has_required(rows, table: str) -> bool:
    from netmap.model._labels import label_key

    index = TABLES[table].header_index()
    required = set(TABLES[table].required_columns)
    return any(required <= {index.get(label_key(t)) for t in texts if t is not None}
               for texts in _heads(rows))


def _record(entry: Entry, severity: str, code: str, message: str, table=None) -> dict:
    where = f"{entry.file}, sheet '{entry.sheet}'" if entry.sheet is not None \
        else entry.file
    return {"severity": severity, "code": code, "file": entry.file,
            "sheet": entry.sheet, "table": table, "row": None, "column": None,
            "value": entry.label, "message": f"{where}: {message}"}


def _what(entry: Entry) -> str:
    return "sheet" if entry.sheet is not None else "file"


def assign_tables(entries: Sequence[Entry]) -> Assignment:
    """Match sheets or files to tables, by name and else by header.

    Parameters
    ----------
    entries : sequence of Entry
        The sheets of one workbook, or the CSV files of one folder, in order.

    Returns
    -------
    Assignment
        ``tables`` maps each table found to its entry; ``issues`` holds a
        note for each entry found by its header or skipped as notes, and a
        warning (code ``skipped-sheet`` or ``skipped-file``) for each one
        that matches no table; ``errors`` holds one error for each table
        named twice.
    """
    tables: dict[str, Entry] = {}
    issues: list[dict] = []
    errors: list[InputError] = []
    unknown: list[Entry] = []
    for entry in entries:
        table = table_for_name(entry.name)
        if table is None:
            unknown.append(entry)
            continue
        if not _has_required(entry.rows, table):
            other, _ = _by_header(entry.rows)
            if other is not None and other != table:
                issues.append(_record(
                    entry, "warning", "table-by-header",
                    f"named like the {table} table, but its header is that of the "
                    f"{other} table; read as {other}", table=other))
                table = other
        if table in tables:
            first = tables[table]
            errors.append(FileFormatError(
                f"{_what(entry)}s '{first.label}' and '{entry.label}' both hold the "
                f"{table} table", file=entry.file, sheet=entry.sheet,
                suggestion="keep one of them, or rename the other"))
            continue
        tables[table] = entry
    strict: list[InputError] = []
    _assign_unknown(unknown, tables, issues, strict)
    return Assignment(tables, issues, errors, strict)


def read_assigned(found: Assignment, read: Callable[[str, Entry], RawTable], *, strict: bool,
                  threads: int = 1) -> tuple[dict[str, RawTable], list[InputError]]:
    """Each table the assignment found, read with ``read``, and every error met.

    The errors are the assignment's, those of the entries it skipped when
    ``strict`` is set, and the :class:`~netmap.model.exceptions.FileFormatError`
    of each table that cannot be read: all of them, so that one
    ValidationError names every problem of a workbook or folder at once.
    With ``threads`` above 1 the tables are read side by side (for a
    ``read`` that leaves the interpreter free, as pyarrow's parse does).
    """
    def one(item: tuple[str, Entry]) -> RawTable | FileFormatError:
        try:
            return read(*item)
        except FileFormatError as err:
            return err

    errors: list[InputError] = list(found.errors)
    if strict:
        errors.extend(found.strict)
    if threads > 1:
        with ThreadPoolExecutor(max_workers=threads) as pool:
            results = list(pool.map(one, found.tables.items()))
    else:
        results = [one(item) for item in found.tables.items()]
    raws: dict[str, RawTable] = {}
    for table, result in zip(found.tables, results, strict=True):
        if isinstance(result, FileFormatError):
            errors.append(result)
        else:
            raws[table] = result
    return raws, errors


def _skip(entry: Entry, why: str, issues: list[dict], strict: list[InputError],
          table: str | None = None) -> None:
    """A warning that ``entry`` is skipped, and the error ``strict=True`` raises instead."""
    issues.append(_record(entry, "warning", f"skipped-{_what(entry)}",
                          f"{why}; skipped: {TABLE_NAMES_HINT}", table=table))
    strict.append(FileFormatError(
        f"{why}; not read (strict)", file=entry.file, sheet=entry.sheet,
        suggestion=TABLE_NAMES_HINT.removeprefix("to read it, ")))


def _assign_unknown(unknown: list[Entry], tables: dict[str, Entry],
                    issues: list[dict], strict: list[InputError]) -> None:
    """Match entries whose names name no table by their headers."""
    found: dict[str, list[Entry]] = {}
    for entry in unknown:
        code = f"skipped-{_what(entry)}"
        if entry.problem is not None:
            _skip(entry, entry.problem, issues, strict)
            continue
        if is_non_table_name(entry.name):
            issues.append(_record(entry, "note", code,
                                  "not a table of the map (notes); skipped"))
            continue
        if not any(any(c is not None and cell_text(c) is not None for c in cells)
                   for _, cells in entry.rows):
            issues.append(_record(entry, "note", code, "empty; skipped"))
            continue
        table, tops = _by_header(entry.rows)
        if table is None:
            why = (f"its header fits the {' and the '.join(tops)} tables equally"
                   if tops else "neither its name nor its header names a table of "
                   "the map")
            _skip(entry, why, issues, strict)
        elif table in tables:
            _skip(entry, f"its header is that of the {table} table, which "
                  f"'{tables[table].label}' already holds", issues, strict, table)
        else:
            found.setdefault(table, []).append(entry)
    for table, entries in found.items():
        if len(entries) == 1:
            tables[table] = entries[0]
            issues.append(_record(entries[0], "note", "table-by-header",
                                  f"its name names no table; read as the {table} "
                                  "table, found by its header", table=table))
            continue
        labels = " and ".join(f"'{e.label}'" for e in entries)
        for entry in entries:
            _skip(entry, f"{labels} both have the header of the {table} table",
                  issues, strict, table)

