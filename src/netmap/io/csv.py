"""Reading and writing maps as CSV files, in the encodings Excel saves."""

from __future__ import annotations

import codecs
import csv
import io
import os
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from netmap.io._settings import SETTINGS_NAMES, parse_settings, resolve, settings_rows
from netmap.model._atomic import staged_files
from netmap.model._formula import escape_cell, escape_frame
from netmap.model._labels import label_key
from netmap.model._params import check_bool
from netmap.model._raw import RawTable, table_from_rows
from netmap.model._validation import DERIVED_COLUMNS, validate_tables
from netmap.model.exceptions import FileFormatError, InputError, ParameterError, ValidationError
from netmap.model.schema import TABLES
from netmap.model.sectors import SectorTaxonomy, default_taxonomy

if TYPE_CHECKING:
    from netmap.model.stakeholder_map import StakeholderMap

__all__ = ["read_csv", "write_csv", "decode_bytes", "read_csv_table"]

#: Single-byte encodings tried, in order, when a file is not UTF-8:
#: Windows-1255 (Excel's Hebrew default) and Windows-1256 (Arabic).
LEGACY_ENCODINGS = ("cp1255", "cp1256")

_SCRIPT = {"cp1255": ("\u0590", "\u05ff"), "cp1256": ("\u0600", "\u06ff")}


def _script_score(text: str, encoding: str) -> float:
    """Share of non-ASCII characters that are letters of the encoding's script."""
    low, high = _SCRIPT[encoding]
    others = [c for c in text if ord(c) > 127]
    if not others:
        return 1.0
    good = sum(1 for c in others if low <= c <= high
               and unicodedata.category(c).startswith("L"))
    return good / len(others)


def decode_bytes(data: bytes, *, file: str | None = None) -> tuple[str, str]:
    """Decode a CSV file's bytes, finding the encoding Excel saved it in.

    UTF-8 with or without a byte-order mark, UTF-16 with a byte-order mark
    (Excel's "Unicode text"), and the Windows code pages for Hebrew
    (1255) and Arabic (1256) are recognised. Between the two code pages the
    one whose decoding reads as letters of its script wins.

    Parameters
    ----------
    data : bytes
        The file's content.
    file : str, optional
        The file name, for messages.

    Returns
    -------
    text : str
        The decoded text.
    encoding : str
        The encoding found (``utf-8-sig``, ``utf-8``, ``utf-16``, ``cp1255``
        or ``cp1256``).

    Raises
    ------
    FileFormatError
        For a workbook or another binary file, or text in no known encoding.

    Examples
    --------
    >>> decode_bytes("שם,מגזר".encode("cp1255"))
    ('שם,מגזר', 'cp1255')
    >>> decode_bytes(codecs.BOM_UTF8 + "id".encode())[1]
    'utf-8-sig'
    """
    if data.startswith(b"PK\x03\x04") or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise FileFormatError(
            "this is an Excel workbook, not a CSV file", file=file,
            suggestion="read it with netmap.read_excel, or save each sheet as CSV UTF-8")
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="strict"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"
    if b"\x00" in data[:4096]:
        raise FileFormatError(
            "the file holds NUL bytes: it is binary, or UTF-16 without a byte-order "
            "mark", file=file,
            suggestion="save it from Excel as 'CSV UTF-8 (comma delimited)'")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best: tuple[float, str, str] | None = None
    for encoding in LEGACY_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        score = _script_score(text, encoding)
        if best is None or score > best[0]:
            best = (score, text, encoding)
    if best is None or best[0] < 0.5:
        raise FileFormatError(
            "cannot tell the file's encoding: it is not UTF-8, Windows-1255 (Hebrew) "
            "or Windows-1256 (Arabic)", file=file,
            suggestion="save it from Excel as 'CSV UTF-8 (comma delimited)'")
    return best[1], best[2]


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


def _csv_rows(path) -> list[tuple[int, list[str]]]:
    """The numbered rows of a CSV file, decoded and split."""
    path = Path(path)
    name = os.fspath(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise FileFormatError(f"cannot read the file: {err.strerror}",
                              file=name, suggestion="check the path") from err
    return rows_from_bytes(data, file=name)


def rows_from_bytes(data: bytes, *, file: str | None) -> list[tuple[int, list[str]]]:
    """The numbered rows of CSV content, decoded and split.

    Row numbers are the file's line numbers, as a spreadsheet program shows
    them. pandas' C parser is used when every record sits on one line (the
    count of records equals the count of lines); otherwise, with quoted
    cells spanning lines or ragged rows, the standard library's reader,
    which tracks line numbers, is used.
    """
    text, _ = decode_bytes(data, file=file)
    delimiter = _delimiter(text)
    fast = _fast_rows(text, delimiter)
    if fast is not None:
        return fast
    return _standard_rows(text, delimiter, file=file)


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


def _fast_rows(text: str, delimiter: str) -> list[tuple[int, list[str]]] | None:
    lines = text.count("\n") + (0 if text.endswith("\n") or not text else 1)
    if lines < 1000 or "\r" in text.replace("\r\n", ""):
        return None  # small files gain nothing; lone CR line ends need csv
    try:
        frame = pd.read_csv(io.StringIO(text), sep=delimiter, header=None, dtype=str,
                            na_filter=False, skip_blank_lines=False, quotechar='"',
                            engine="c")
    except (pd.errors.ParserError, ValueError):
        return None
    if len(frame) != lines:
        return None
    return list(zip(range(1, lines + 1), frame.to_numpy().tolist(), strict=True))


def read_csv_table(path, table: str) -> RawTable:
    """Read one CSV file as a raw (unvalidated) table.

    The quote that :func:`netmap.io.write_csv` puts before a cell a spreadsheet would
    run as a formula is taken off (see ``netmap.model._formula``).
    """
    return table_from_rows(table, _csv_rows(path), file=os.fspath(path), unquote=True)


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

    Returns
    -------
    StakeholderMap

    Notes
    -----
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
        For a ``directed`` that is not True, False or None.

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
    paths, skipped = _table_paths(actors, ties, memberships, bodies, activities)
    settings = {}
    if "map" in paths:
        settings_path = paths.pop("map")
        settings = parse_settings(_csv_rows(settings_path),
                                  file=os.fspath(settings_path), unquote=True)
    directed, waves, name = resolve(settings, directed, waves, name)
    raws: dict[str, RawTable] = {}
    errors: list[InputError] = []
    for table, path in paths.items():
        try:
            raws[table] = read_csv_table(path, table)
        except FileFormatError as err:
            errors.append(err)
    if errors:
        raise ValidationError(errors)
    taxonomy = taxonomy or default_taxonomy()
    validated = validate_tables(raws, taxonomy=taxonomy, directed=directed,
                                waves=waves)
    for path in skipped:
        validated.issues.append({
            "severity": "note", "code": "skipped-file", "file": os.fspath(path),
            "sheet": None, "table": None, "row": None, "column": None,
            "value": path.name,
            "message": f"{path}: its name names no table of the map; skipped",
        })
    return StakeholderMap._from_validated(validated, directed=directed,
                                          taxonomy=taxonomy, name=name)


def _table_paths(actors, ties, memberships, bodies, activities
                 ) -> tuple[dict[str, Path], list[Path]]:
    given = {"actors": actors, "ties": ties, "memberships": memberships,
             "bodies": bodies, "activities": activities}
    if actors is not None and Path(actors).is_dir() and ties is None:
        return csv_folder_tables(Path(actors))
    if ties is None:
        raise FileFormatError(
            "read_csv needs a ties file (or a folder holding the table files)",
            file=os.fspath(actors),
            suggestion="pass ties='ties.csv', or the folder that holds both files")
    return {k: Path(v) for k, v in given.items() if v is not None}, []


def csv_folder_tables(folder: Path) -> tuple[dict[str, Path], list[Path]]:
    """The table files of a folder, found by their (English or Hebrew) names.

    Returns
    -------
    tables : dict of str to Path
        Table name (and ``"map"`` for the settings file) to file.
    skipped : list of Path
        CSV files whose names name no table.

    Raises
    ------
    FileFormatError
        When the folder lacks an actors or ties file, or two files name the
        same table.
    """
    from netmap.model.schema import table_for_name

    found: dict[str, Path] = {}
    skipped: list[Path] = []
    settings = {label_key(n) for n in SETTINGS_NAMES}
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in (".csv", ".tsv", ".txt"):
            continue
        table = "map" if label_key(path.stem) in settings else table_for_name(path.stem)
        if table is None:
            skipped.append(path)
            continue
        if table in found:
            raise FileFormatError(
                f"two files hold the {table} table: {found[table].name} and "
                f"{path.name}", file=os.fspath(folder),
                suggestion="keep one of them in the folder")
        found[table] = path
    for table in ("actors", "ties"):
        if table not in found:
            aliases = ", ".join(f"{a}.csv" for a in TABLES[table].aliases[:4])
            raise FileFormatError(
                f"no {table} file in the folder", file=os.fspath(folder),
                suggestion=f"name it {table}.csv (also accepted: {aliases})")
    return {t: found[t] for t in (*TABLES, "map") if t in found}, skipped


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
    try:
        codecs.lookup(encoding)
    except (LookupError, TypeError):
        raise ParameterError("encoding", encoding, "a Python text encoding, such as "
                             "'utf-8-sig' or 'cp1255'") from None
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
