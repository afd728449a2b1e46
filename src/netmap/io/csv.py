"""Reading and writing maps as CSV files, in the encodings Excel saves."""

from __future__ import annotations

import codecs
import csv
import io
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from netmap.io._fastcsv import FastFile, fast_table, scan
from netmap.io._limits import read_input_bytes
from netmap.io._settings import SETTINGS_NAMES, parse_settings, resolve, settings_rows
from netmap.io._tables import Assignment, Entry, assign_tables, read_assigned
from netmap.model._atomic import staged_files
from netmap.model._formula import escape_cell, escape_frame
from netmap.model._labels import label_key
from netmap.model._params import check_bool, check_encoding
from netmap.model._raw import RawTable, table_from_rows
from netmap.model._validation import DERIVED_COLUMNS, validate_tables
from netmap.model.exceptions import FileFormatError, InputError, ValidationError
from netmap.model.schema import TABLES, table_for_name
from netmap.model.sectors import SectorTaxonomy, default_taxonomy

if TYPE_CHECKING:
    from netmap.model.stakeholder_map import StakeholderMap

__all__ = ["read_csv", "write_csv", "decode_bytes", "read_csv_table"]

#: Single-byte encodings tried, in order, when a file is not UTF-8:
#: Windows-1255 (Excel's Hebrew default), Windows-1256 (Arabic) and
#: Windows-1252 (Western European, a superset of Latin-1's printable characters).
LEGACY_ENCODINGS = ("cp1255", "cp1256", "cp1252")

_ENCODING_NAMES = {"cp1255": "Windows-1255 (Hebrew)", "cp1256": "Windows-1256 (Arabic)",
                   "cp1252": "Windows-1252 (Western European, Latin-1)"}

#: A decoding is taken when at least this share of its words that hold a
#: non-ASCII letter read as words of its script.
PLAUSIBLE_SHARE = 0.9

#: Byte-order marks of encodings netmap does not read, longest first.
_OTHER_BOMS = ((b"\x84\x31\x95\x33", "GB 18030"), (b"\xdd\x73\x66\x73", "UTF-EBCDIC"),
               (b"\x2b\x2f\x76", "UTF-7"), (b"\xf7\x64\x4c", "UTF-1"),
               (b"\x0e\xfe\xff", "SCSU"), (b"\xfb\xee\x28", "BOCU-1"))

_WORD = re.compile(r"[^\W\d_]+")
_SCRIPTS = {"cp1255": re.compile(r"[\u0590-\u05ff\ufb1d-\ufb4f]+"),
            "cp1256": re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff"
                                 r"\ufe70-\ufeff]+"),
            "cp1252": re.compile(r"[A-Za-z\u00c0-\u024f]+")}


def _plausible(text: str, encoding: str) -> float:
    """Share of the distinct words holding a non-ASCII letter that read as its script.

    A Hebrew or Arabic word is written in its script alone ("Cafי", the
    Hebrew reading of a Latin-1 "Café", is not); a Western word holds an
    ASCII letter beside its accented ones, or is one letter ("à"), since a
    word of accented letters only ("ùìåí") is Hebrew or Arabic read wrongly.
    """
    words = {w for w in _WORD.findall(text) if not w.isascii()}
    if not words:
        return 1.0
    script = _SCRIPTS[encoding]
    if encoding == "cp1252":
        good = sum(1 for w in words if script.fullmatch(w)
                   and (len(w) == 1 or any(c.isascii() for c in w)))
    else:
        good = sum(1 for w in words if script.fullmatch(w))
    return good / len(words)


def _line_of(data: bytes, position: int) -> int:
    return data.count(b"\n", 0, position) + 1


def _undecodable(err: UnicodeDecodeError, data: bytes, encoding: str,
                 file: str | None) -> FileFormatError:
    return FileFormatError(
        f"the file is not valid {encoding}: byte {err.object[err.start]:#04x} cannot "
        "be read", file=file, row=_line_of(data, err.start),
        suggestion="save it from Excel as 'CSV UTF-8 (comma delimited)', or pass the "
                   "file's encoding with encoding= (--encoding on the command line)")


def _decode_with(data: bytes, encoding: str, file: str | None) -> str:
    """``data`` decoded with the encoding the user named (its byte-order mark dropped)."""
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as err:
        raise _undecodable(err, data, encoding, file) from err
    return text.removeprefix("\ufeff")


def _decode_bom(data: bytes, file: str | None) -> tuple[str, str] | None:
    """The text of a file that starts with a byte-order mark, or None without one."""
    for bom, encoding in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                          (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(encoding).removeprefix("\ufeff"), encoding
            except UnicodeDecodeError as err:
                raise _undecodable(err, data, encoding, file) from err
    for bom, name in _OTHER_BOMS:
        if data.startswith(bom):
            raise FileFormatError(
                f"the file starts with the byte-order mark of {name}, which netmap "
                "does not read", file=file,
                suggestion="save it from Excel as 'CSV UTF-8 (comma delimited)', or "
                           "name its encoding with encoding=")
    return None


def decode_bytes(data: bytes, *, file: str | None = None,
                 encoding: str | None = None) -> tuple[str, str]:
    """Decode a CSV file's bytes, finding the encoding Excel saved it in.

    UTF-8 with or without a byte-order mark, UTF-16 and UTF-32 with a
    byte-order mark (Excel's "Unicode text"), and the Windows code pages
    for Hebrew (1255), Arabic (1256) and Western European languages (1252,
    which reads Latin-1) are recognised. A file that is not UTF-8 is read
    in the code page whose reading gives words of its script (see
    :data:`~netmap.io.csv.PLAUSIBLE_SHARE`); when no code page or more than one reads
    plausibly (and they read differently), the file is refused rather than
    guessed: name its encoding with ``encoding=``.

    Parameters
    ----------
    data : bytes
        The file's content.
    file : str, optional
        The file name, for messages.
    encoding : str, optional
        The encoding, when the user names it; then nothing is guessed.

    Returns
    -------
    text : str
        The decoded text.
    encoding : str
        The encoding found (``utf-8-sig``, ``utf-8``, ``utf-16``, ``utf-32``,
        ``cp1255``, ``cp1256`` or ``cp1252``), or the one given.

    Raises
    ------
    FileFormatError
        For a workbook or another binary file, a byte-order mark of an
        encoding netmap does not read, bytes the encoding cannot read, or
        text whose encoding cannot be told for sure.

    Examples
    --------
    >>> decode_bytes("שם,מגזר".encode("cp1255"))
    ('שם,מגזר', 'cp1255')
    >>> decode_bytes("Café,Zürich".encode("latin-1"))
    ('Café,Zürich', 'cp1252')
    >>> decode_bytes(codecs.BOM_UTF8 + "id".encode())[1]
    'utf-8-sig'
    """
    if data.startswith(b"PK\x03\x04") or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise FileFormatError(
            "this is an Excel workbook, not a CSV file", file=file,
            suggestion="read it with netmap.read_excel, or save each sheet as CSV UTF-8")
    if encoding is not None:
        return _decode_with(data, encoding, file), encoding
    found = _decode_bom(data, file)
    if found is not None:
        return found
    if b"\x00" in data:
        raise FileFormatError(
            "the file holds NUL bytes: it is binary, or UTF-16 without a byte-order "
            "mark", file=file, row=_line_of(data, data.index(b"\x00")),
            suggestion="save it from Excel as 'CSV UTF-8 (comma delimited)', or pass "
                       "encoding='utf-16-le' if it is UTF-16")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _decode_legacy(data, file)


def _decode_legacy(data: bytes, file: str | None) -> tuple[str, str]:
    """A file in one of :data:`LEGACY_ENCODINGS`, or netmap's error when not sure which."""
    readings: dict[str, str] = {}
    for encoding in LEGACY_ENCODINGS:
        try:
            readings[encoding] = data.decode(encoding)
        except UnicodeDecodeError:
            continue
    plausible = {e: t for e, t in readings.items()
                 if _plausible(t, e) >= PLAUSIBLE_SHARE}
    if len(set(plausible.values())) == 1:
        encoding = next(iter(plausible))
        return plausible[encoding], encoding
    if plausible:
        names = " or ".join(_ENCODING_NAMES[e] for e in plausible)
        raise FileFormatError(
            f"cannot tell the file's encoding for sure: it reads as {names}", file=file,
            suggestion="save it from Excel as 'CSV UTF-8 (comma delimited)', or name "
                       f"its encoding with encoding='{next(iter(plausible))}' (or '"
                       + "' / '".join(list(plausible)[1:]) + "'; --encoding on the "
                       "command line)")
    raise FileFormatError(
        "cannot tell the file's encoding: it is not UTF-8, and reads as words of no "
        "script in Windows-1255 (Hebrew), Windows-1256 (Arabic) or Windows-1252 "
        "(Western European)", file=file,
        suggestion="save it from Excel as 'CSV UTF-8 (comma delimited)', or name its "
                   "encoding with encoding= (--encoding on the command line)")


def _delimiter(text: str) -> str:
    """The delimiter of the header line: comma, semicolon or tab."""
    for line in text.splitlines():
        if line.strip(" ,;\t"):
            counts = {d: _count_outside_quotes(line, d) for d in (",", ";", "\t")}
            best = max(counts, key=lambda d: counts[d])
            return best if counts[best] else ","
    return ","


def _count_outside_quotes(line: str, char: str) -> int:
    count, quoted = 0, False
    for c in line:
        if c == '"':
            quoted = not quoted
        elif c == char and not quoted:
            count += 1
    return count


def _csv_rows(path, *, encoding: str | None = None) -> list[tuple[int, list[str]]]:
    """The numbered rows of a CSV file, decoded and split."""
    data = read_input_bytes(path, what="CSV file")
    return rows_from_bytes(data, file=os.fspath(path), encoding=encoding)


def _table_entry(path: Path, *, encoding: str | None) -> Entry:
    """A table file: scanned for the fast path when it can take it, else read whole.

    Raises
    ------
    FileFormatError
        When the file cannot be read as CSV (see :func:`rows_from_bytes`).
    """
    data = read_input_bytes(path, what="CSV file")
    fast = scan(data, encoding=encoding)
    rows = fast.head if fast is not None else rows_from_bytes(
        data, file=os.fspath(path), encoding=encoding)
    return Entry(path.name, path.stem, rows, os.fspath(path), fast=fast)


def _raw_table(table: str, entry: Entry) -> RawTable:
    """The raw table of a file: by the fast path when it vouches for it, else strictly."""
    if isinstance(entry.fast, FastFile):
        raw = fast_table(entry.fast, table, file=entry.file)
        if raw is not None:
            return raw
        entry.rows = rows_from_bytes(entry.fast.source, file=entry.file)
    return table_from_rows(table, entry.rows, file=entry.file, unquote=True)


def _side_by_side(entries: dict[str, Entry]) -> bool:
    """Whether the tables are read side by side in two threads.

    Two large files on the fast path are: pyarrow parses and encodes
    without holding the interpreter.
    """
    fast = [e for e in entries.values() if isinstance(e.fast, FastFile)]
    return len(fast) >= 2 and (os.cpu_count() or 1) >= 2


def rows_from_bytes(data: bytes, *, file: str | None, encoding: str | None = None
                    ) -> list[tuple[int, list[str]]]:
    """The numbered rows of CSV content, decoded and split.

    Row numbers are the file's line numbers, as a spreadsheet program shows
    them. One parser reads every file, whatever its length: the standard
    library's reader in strict mode, which tracks line numbers through
    quoted cells that span lines and refuses a quote in the wrong place.
    """
    text, _ = decode_bytes(data, file=file, encoding=encoding)
    return _standard_rows(text, _delimiter(text), file=file)


def _standard_rows(text: str, delimiter: str, *, file: str | None
                   ) -> list[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows = []
    line = 1
    try:
        for cells in reader:
            rows.append((line, cells))
            line = reader.line_num + 1
    except csv.Error as err:
        if "unexpected end of data" in str(err):
            raise FileFormatError(
                "a quoted cell starting on this row is never closed", file=file,
                row=line, suggestion='add the closing quote ("), or write a quote '
                'inside a quoted cell as two quotes ("")') from err
        raise FileFormatError(f"the file is not valid CSV: {err}", file=file,
                              row=reader.line_num,
                              suggestion="check the quotes on that line") from err
    return rows


def read_csv_table(path, table: str, *, encoding: str | None = None) -> RawTable:
    """Read one CSV file as a raw (unvalidated) table.

    The quote that :func:`netmap.io.write_csv` puts before a cell a spreadsheet would
    run as a formula is taken off (see ``netmap.model._formula``).
    """
    return table_from_rows(table, _csv_rows(path, encoding=encoding),
                           file=os.fspath(path), unquote=True)


def read_csv(
    actors,
    ties=None,
    memberships=None,
    bodies=None,
    activities=None,
    *,
    directed: bool | None = None,
    taxonomy: SectorTaxonomy | None = None,
    waves=None,
    name: str | None = None,
    encoding: str | None = None,
    strict: bool = False,
) -> StakeholderMap:
    r"""Read a map from CSV files, one file per table.

    Encodings are found without being named: UTF-8 with or without a
    byte-order mark, UTF-16 (Excel's "Unicode text") and Windows-1255 or
    1256 (Excel's Hebrew and Arabic defaults). Commas, semicolons and tabs
    are recognised as delimiters. Headers may be in English, Hebrew or
    Arabic (``docs/input-format.md``).

    Parameters
    ----------
    actors : path-like
        The actors file, or a folder holding files named for the tables
        (``actors.csv``, ``ties.csv`` ... or their Hebrew names).
    ties, memberships, bodies, activities : path-like, optional
        The other tables' files (``ties`` is required unless ``actors`` is
        a folder).
    directed : bool, optional
        Whether ties run from source to target. Default: as the folder's
        ``map.csv`` says (see below), else False.
    taxonomy : SectorTaxonomy, optional
        The sector taxonomy (default: the built-in one).
    waves : sequence, optional
        The order of wave labels that have no natural order; default: as
        ``map.csv`` says, else the natural order of numbers and dates.
    name : str, optional
        A title for the map; default: as ``map.csv`` says.
    encoding : str, optional
        The files' encoding (``"cp1255"``, ``"cp1252"``, ``"utf-16"`` ...),
        when netmap cannot tell it: by default it is found from the bytes,
        and a file that could be read in two ways is refused.
    strict : bool, default False
        Refuse a folder holding a CSV file that matches no table (by its
        name or its header) instead of skipping it with a warning.

    Returns
    -------
    StakeholderMap

    Notes
    -----
    In a folder, a file whose name names no table is read as the table
    whose required columns its header names (a ``חברות.csv`` headed
    ``שחקן``, ``גוף`` is the memberships), with a note; files named as
    notes or instructions, and empty files, are skipped with a note, and
    any other file with a warning (an error with ``strict=True``).

    A folder may hold ``map.csv``, the settings table written by
    :func:`netmap.io.write_csv`: columns ``setting`` and ``value``, rows ``directed``
    (yes / no), ``name`` and ``waves`` (labels in order, separated by
    semicolons). Arguments given here take precedence over it.

    Raises
    ------
    netmap.ValidationError
        With every problem found in every file, each naming the file, row
        and column.
    netmap.FileFormatError
        When a file cannot be read as CSV at all.
    netmap.ParameterError
        For a ``directed`` that is not True, False or None, a ``strict`` that
        is not a bool, or an ``encoding`` Python does not know.

    Warns
    -----
    netmap.DataWarning
        For a file of a folder skipped because it matches no table (code
        ``skipped-file`` in the map's ``issues``).

    Examples
    --------
    >>> import netmap, tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "actors.csv").write_text("מזהה,מגזר\nmoe,ממשלה\nngo,עמותה\n",
    ...                                        encoding="cp1255")
    >>> _ = (folder / "ties.csv").write_text("מקור,יעד,סוג\nmoe,ngo,מימון\n",
    ...                                      encoding="cp1255")
    >>> m = netmap.read_csv(folder / "actors.csv", folder / "ties.csv")
    >>> m.ties[["source", "target", "type", "tie_class"]].to_numpy().tolist()
    [['moe', 'ngo', 'funding', 'transactional']]
    """
    from netmap.model.stakeholder_map import StakeholderMap

    check_bool("directed", directed, allow_none=True)
    check_bool("strict", strict)
    check_encoding("encoding", encoding, allow_none=True)
    found, settings_path = _tables(actors, ties, memberships, bodies, activities,
                                   encoding=encoding)
    settings = {}
    if settings_path is not None:
        settings = parse_settings(_csv_rows(settings_path, encoding=encoding),
                                  file=os.fspath(settings_path), unquote=True)
    directed, waves, name = resolve(settings, directed, waves, name)
    raws, errors = read_assigned(found, _raw_table, strict=strict,
                                 threads=2 if _side_by_side(found.tables) else 1)
    if errors:
        raise ValidationError(errors)
    taxonomy = taxonomy or default_taxonomy()
    validated = validate_tables(raws, taxonomy=taxonomy, directed=directed,
                                waves=waves)
    validated.issues[:0] = found.issues
    return StakeholderMap._from_validated(validated, directed=directed,
                                          taxonomy=taxonomy, name=name,
                                          date=settings.get("date"))


def _tables(actors, ties, memberships, bodies, activities, *, encoding: str | None
            ) -> tuple[Assignment, Path | None]:
    """The tables' rows, from a folder or from files named one by one; the settings file."""
    given = {"actors": actors, "ties": ties, "memberships": memberships,
             "bodies": bodies, "activities": activities}
    if actors is not None and Path(actors).is_dir() and ties is None:
        return csv_folder_tables(Path(actors), encoding=encoding)
    if ties is None:
        raise FileFormatError(
            "read_csv needs a ties file (or a folder holding the table files)",
            file=os.fspath(actors),
            suggestion="pass ties='ties.csv', or the folder that holds both files")
    tables: dict[str, Entry] = {}
    errors: list[InputError] = []
    for table, path in given.items():
        if path is None:
            continue
        try:
            tables[table] = _table_entry(Path(path), encoding=encoding)
        except FileFormatError as err:
            errors.append(err)
    return Assignment(tables, [], errors, []), None


def csv_folder_tables(folder: Path, *, encoding: str | None = None
                      ) -> tuple[Assignment, Path | None]:
    """The table files of a folder, found by their (English or Hebrew) names or headers.

    Returns
    -------
    tables : Assignment
        The tables found (see ``netmap.io._tables.assign_tables``), with
        the files left out and the errors.
    settings : Path or None
        The settings file (``map.csv``), if any.

    Raises
    ------
    FileFormatError
        When the folder lacks an actors or ties file.
    """
    settings_keys = {label_key(n) for n in SETTINGS_NAMES}
    settings: Path | None = None
    entries: list[Entry] = []
    errors: list[InputError] = []
    failed: set[str | None] = set()
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in (".csv", ".tsv", ".txt") or not path.is_file():
            continue
        if label_key(path.stem) in settings_keys:
            settings = path
            continue
        try:
            entry = _table_entry(path, encoding=encoding)
        except FileFormatError as err:
            if table_for_name(path.stem) is not None:
                errors.append(err)
                failed.add(table_for_name(path.stem))
                continue
            entries.append(Entry(path.name, path.stem, [], os.fspath(path),
                                 problem=f"not a CSV file netmap can read ({err.problem})"))
            continue
        entries.append(entry)
    found = assign_tables(entries)
    found.errors[:0] = errors
    for table in ("actors", "ties"):
        if table not in found.tables and table not in failed:
            aliases = ", ".join(f"{a}.csv" for a in TABLES[table].aliases[:4])
            raise FileFormatError(
                f"no {table} file in the folder", file=os.fspath(folder),
                suggestion=f"name it {table}.csv (also accepted: {aliases}), or give it "
                           "the documented headers of the table")
    return found, settings


def _writable(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    drop = [c for c in DERIVED_COLUMNS.get(table, ()) if c in frame]
    if table == "ties" and "tie_class" in drop and frame["type"].isna().any():
        # Ties with no type carry their class (rolled-up maps): write it.
        drop.remove("tie_class")
    out = frame.drop(columns=drop)
    if table in ("actors", "bodies"):
        out = out.reset_index()
    return out


def table_frames(m: StakeholderMap) -> dict[str, pd.DataFrame]:
    """The tables of a map as they are written to files (no computed columns).

    Optional tables are left out when empty.
    """
    frames = {"actors": m.actors, "ties": m.ties, "memberships": m.memberships,
              "bodies": m.bodies, "activities": m.activities}
    out = {}
    for table, frame in frames.items():
        if table in ("actors", "ties") or len(frame):
            out[table] = _writable(frame, table)
    return out


def write_csv(m: StakeholderMap, folder, *, encoding: str = "utf-8-sig") -> list[Path]:
    r"""Write a map as one CSV file per table, to read back with :func:`netmap.read_csv`.

    Parameters
    ----------
    m : StakeholderMap
        The map.
    folder : path-like
        Created if needed; ``actors.csv``, ``ties.csv`` and, when not empty,
        ``memberships.csv``, ``bodies.csv`` and ``activities.csv`` are
        written (replacing files of those names), and ``map.csv``, the
        settings table (direction, title, wave order; see :func:`netmap.read_csv`).
        Table files of an earlier export that the map does not have
        (``bodies.csv`` of a map since written without bodies) are removed;
        other files are left alone.
    encoding : str, default "utf-8-sig"
        UTF-8 with a byte-order mark, so that Excel shows Hebrew and Arabic
        correctly when it opens the file.

    Returns
    -------
    list of pathlib.Path
        The files written.

    Raises
    ------
    netmap.ParameterError
        For an ``encoding`` Python does not know.
    netmap.FileFormatError
        When the folder holds another file that :func:`netmap.read_csv` would
        read as a table (``Bodies.csv``, ``גופים.csv``, ``settings.csv``):
        nothing is written then.

    Notes
    -----
    A table whose text holds a carriage return is written with Windows
    line ends (``\r\n``), so that the cell is quoted and the carriage
    return kept; other tables with ``\n``.

    Every file is first written beside its target under a temporary name,
    and the files are renamed in only once all are written
    (``netmap.model._atomic``): a failure or Ctrl-C part-way leaves the
    folder as it was, with no temporary file.

    A text cell (or header) that a spreadsheet would run as a formula,
    one starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
    return, is written with a leading single quote, as OWASP recommends
    against formula injection; plain numbers such as ``-3`` are written as
    they are. :func:`netmap.read_csv` takes the quote off again (see
    ``netmap.model._formula``).

    Examples
    --------
    >>> import netmap, tempfile
    >>> m = netmap.datasets.load_2x5()
    >>> folder = tempfile.mkdtemp()
    >>> [p.name for p in m.to_csv(folder)]
    ['actors.csv', 'ties.csv', 'memberships.csv', 'bodies.csv', 'activities.csv', 'map.csv']
    >>> netmap.read_csv(folder).equals(m)
    True
    """
    check_encoding("encoding", encoding)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    frames = table_frames(m)
    names = [f"{table}.csv" for table in frames] + ["map.csv"]
    stale = _stale_tables(folder, names)
    written = [folder / name for name in names]
    with staged_files() as staged:
        for frame, path in zip(frames.values(), written[:-1], strict=True):
            escape_frame(frame).to_csv(staged.path(path), index=False,
                                       encoding=encoding,
                                       lineterminator=_line_end(frame))
        settings = [[escape_cell(c) for c in row] for row in settings_rows(m)]
        with staged.path(written[-1]).open("w", encoding=encoding, newline="") as f:
            csv.writer(f, lineterminator=_line_end(pd.DataFrame(settings))).writerows(
                settings)
    for path in stale:
        path.unlink(missing_ok=True)
    return written


def _line_end(frame: pd.DataFrame) -> str:
    r"""The line end of a table's file: ``\n``, or ``\r\n`` when a cell holds ``\r``.

    Python's CSV writer quotes a cell holding a character of the line end;
    a carriage return in a cell is kept only when quoted, so a table
    holding one is written with Windows line ends (as Excel writes CSV).
    """
    for column in frame.columns:
        values = frame[column]
        if pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
            continue
        if values.dropna().astype(str).str.contains("\r", regex=False).any():
            return "\r\n"
    return "\n"


def _stale_tables(folder: Path, names: list[str]) -> list[Path]:
    """The table files of an earlier export that the new map does not have.

    Files named as :func:`write_csv` names its tables (``bodies.csv`` ...)
    are returned, to be removed once the new tables are written; other
    files that :func:`read_csv` would read as a table (``Bodies.csv``,
    ``גופים.csv``, ``settings.csv`` ...) make the write fail before anything
    is written, since reading the folder back would mix them with the new
    tables; every other file is left alone.
    """
    from netmap.model.schema import table_for_name

    own = {f"{table}.csv" for table in TABLES} | {"map.csv"}
    settings = {label_key(n) for n in SETTINGS_NAMES}
    stale = []
    for path in sorted(folder.iterdir()):
        if path.name in names or path.suffix.lower() not in (".csv", ".tsv", ".txt"):
            continue
        if label_key(path.stem) not in settings and table_for_name(path.stem) is None:
            continue
        if path.name in own:
            stale.append(path)
        elif not any((folder / n).exists() and path.samefile(folder / n) for n in names):
            raise FileFormatError(
                f"the folder holds {path.name}, which netmap.read_csv would read as a "
                "table of the map beside the tables written now; nothing was written",
                file=os.fspath(folder),
                suggestion=f"move {path.name} out of the folder, or write to an empty "
                           "folder")
    return stale
