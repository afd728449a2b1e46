r"""The fast path of the CSV reader: pyarrow parses the files it can vouch for.

:func:`netmap.read_csv` reads every file with the standard library's strict
CSV reader (:func:`netmap.io.csv.rows_from_bytes`), which knows every
encoding, quote and line end and names the row of every problem. A large
file that is plain (UTF-8, no quotes, every line one row) reads the same
way much faster when pyarrow splits it into columns and numpy checks them
whole. This module takes that path only for files where it gives exactly
what the strict reader gives, and says so by returning None otherwise:

- :func:`scan` vouches for the bytes: UTF-8 (with or without a byte-order
  mark), no quote character, no NUL, no line end but ``\n`` and ``\r\n``,
  no control character that Python counts as whitespace, no line longer
  than the csv module's field limit; it parses the first lines with the
  strict reader, to find the header as it does.
- :func:`fast_table` parses the rest with ``pyarrow.csv``, refuses a row
  whose number of cells differs from the header line's, and checks each
  column's distinct values: in Unicode normal form C, without direction
  marks, invisible characters or whitespace other than spaces and tabs.
  A cell is then cleaned by trimming spaces and tabs, as
  :func:`netmap.model._labels.clean_text` would clean it.

Anything else (another encoding, a quoted cell, a ragged row, a header the
strict reader would refuse) goes the strict way, so every error and warning
reads word for word the same; ``tests/test_io_fastcsv.py`` reads a range of
files both ways and compares the maps and the warnings. pyarrow is optional
(the ``fast`` extra); without it every file goes the strict way.
"""

from __future__ import annotations

import codecs
import csv
import os
import re
from collections.abc import Collection, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd

from netmap.model._labels import INVISIBLE_MARKS
from netmap.model._raw import RawTable, find_header, finish_table
from netmap.model.exceptions import FileFormatError

__all__ = ["FastFile", "scan", "fast_table", "available", "SUSPECT_CHARACTERS"]

#: Smallest file worth the fast path, in bytes: below it the strict reader
#: is as quick, and the two paths would only differ in what they cost.
MIN_BYTES = 1 << 16

#: Tables of at least this many rows have their columns encoded in threads.
_THREADED_ROWS = 100_000

#: ASCII bytes the fast path does not vouch for: NUL and the control characters
#: Python's ``str.strip`` takes for whitespace besides the tab (vertical tab,
#: form feed, file, group, record and unit separators).
_BAD_ASCII = tuple(bytes([b]) for b in (0, 0x0B, 0x0C, 0x1C, 0x1D, 0x1E, 0x1F))

#: Non-ASCII characters a cell must not hold on the fast path: those that
#: :func:`netmap.model._labels.clean_text` changes or strips (direction
#: marks, the byte-order mark, the non-breaking space, Unicode whitespace)
#: and the invisible ones the validation notes. ``tests/test_io_fastcsv.py``
#: checks that every non-ASCII character ``str.strip`` strips is here.
SUSPECT_CHARACTERS = re.compile(
    INVISIBLE_MARKS.pattern[:-1]
    + "\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")

#: The longest line the fast path takes, in bytes (the csv module's default
#: field limit, above which the strict reader refuses a cell).
_FIELD_LIMIT = csv.field_size_limit()

#: A cell :func:`netmap.model._formula.unescape_cell` takes the first quote off.
_FORMULA_QUOTE = r"^'+[=+\-@\t\r]"

_OTHER_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE,
               codecs.BOM_UTF16_BE, b"\x84\x31\x95\x33", b"\xdd\x73\x66\x73",
               b"\x2b\x2f\x76", b"\xf7\x64\x4c", b"\x0e\xfe\xff", b"\xfb\xee\x28",
               b"PK\x03\x04", b"\xd0\xcf\x11\xe0")


def available() -> bool:
    """Whether pyarrow is installed (the ``fast`` extra)."""
    try:
        import pyarrow.csv  # noqa: F401
    except ImportError:
        return False
    return True


@dataclass
class FastFile:
    """A file the fast path vouches for, as :func:`scan` found it.

    Attributes
    ----------
    data : bytes
        The file's bytes as read (a byte-order mark included: the lines
        start after it).
    delimiter : str
        The delimiter of the header line.
    head : list of (int, list of str)
        The first rows, numbered and split by the strict reader: every row
        up to the one after the first ``MAX_TITLE_ROWS + 1`` non-empty ones,
        enough to find the header (and to match the file to a table).
    offsets : list of int
        The offset in ``data`` where each line of ``head`` starts (the first
        after the byte-order mark), and where the next line starts.
    """

    data: bytes
    delimiter: str
    head: list[tuple[int, list[str]]]
    offsets: list[int]
    #: Whether the file holds a quote character: its lines are then checked
    #: against the strict reader one by one.
    quoted: bool = False
    #: The file's bytes as read (with its byte-order mark), for the strict reader.
    source: bytes = b""

    @cached_property
    def starts(self) -> np.ndarray:
        """The offset where each line starts (one more: the end), worked out when needed."""
        raw = np.frombuffer(self.data, dtype=np.uint8)
        ends = np.flatnonzero(raw == 10).astype(np.int64)
        tail = [len(raw)] if len(ends) == 0 or ends[-1] != len(raw) - 1 else []
        return np.concatenate(([self.offsets[0]], ends + 1, tail)).astype(np.int64)


def scan(data: bytes, *, encoding: str | None = None) -> FastFile | None:
    """The file, when the fast path can read it exactly as the strict reader; else None.

    Parameters
    ----------
    data : bytes
        The file's content.
    encoding : str, optional
        The encoding the user named: the fast path reads only files whose
        encoding is found (UTF-8).
    """
    if encoding is not None or len(data) < MIN_BYTES or not available():
        return None
    if any(data.startswith(bom) for bom in _OTHER_BOMS):
        return None
    if any(byte in data for byte in _BAD_ASCII) or (
            b"\r" in data and data.count(b"\r") != data.count(b"\r\n")):
        return None  # (a carriage return alone ends a row for the strict reader)
    head = _head(data, len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0)
    if head is None:
        return None
    rows, delimiter, offsets = head
    return FastFile(data, delimiter, rows, offsets, quoted=b'"' in data, source=data)


def _head(data: bytes, start: int
          ) -> tuple[list[tuple[int, list[str]]], str, list[int]] | None:
    """The first rows through the strict reader, the delimiter and the offsets of the lines.

    The first line starts at ``start`` (after the byte-order mark).

    None if a line is not UTF-8, or reads as no row alone.
    """
    from netmap.io.csv import _delimiter
    from netmap.model._raw import MAX_TITLE_ROWS, cell_text

    lines: list[str] = []
    offsets = [start]
    rows: list[tuple[int, list[str]]] = []
    filled, delimiter = 0, None
    while offsets[-1] < len(data):
        end = data.find(b"\n", offsets[-1])
        end = len(data) if end < 0 else end + 1
        if end - offsets[-1] > _FIELD_LIMIT:
            return None
        try:
            lines.append(data[offsets[-1]:end].decode("utf-8"))
        except UnicodeDecodeError:
            return None
        offsets.append(end)
        if delimiter is None:
            if not lines[-1].strip(" ,;\t\r\n"):
                continue
            delimiter = _delimiter(lines[-1])
            rows = [(n + 1, _split(text, delimiter) or []) for n, text in enumerate(
                lines[:-1])]  # (blank lines: no quote in them)
        cells = _split(lines[-1], delimiter)
        if cells is None:
            return None
        rows.append((len(lines), cells))
        filled += any(cell_text(c) is not None for c in cells)
        if filled > MAX_TITLE_ROWS:
            break
    if delimiter is None:
        return None
    return rows, delimiter, offsets


def _split(line: str, delimiter: str) -> list[str] | None:
    """One line's cells as the strict reader reads them; None if it reads no row alone."""
    try:
        rows = list(csv.reader([line], delimiter=delimiter, strict=True))
    except csv.Error:
        return None
    return rows[0] if len(rows) == 1 else [] if not rows else None


def fast_table(f: FastFile, table: str, *, file: str | None) -> RawTable | None:
    """The raw table of a scanned file, as the strict reader builds it; None if unsure.

    Cells lose a leading quote as :func:`netmap.io.csv.read_csv_table` takes
    it off (``unquote``). Each column comes with its distinct values and
    every cell's code among them (:attr:`RawTable.encoded`), so that the
    validation looks each distinct value up once; but references and free
    text (:data:`_PLAIN_KINDS`) whose cells are clean as written come as
    cells only: the validation looks a reference up among the ids cell by
    cell, in one hash of the column (a dictionary first would cost a second
    hash, and its values a third lookup).
    """
    try:
        header = find_header(table, f.head, file=file, unquote=True)
    except FileFormatError:
        return None
    line = f.head[header.pos][0]  # the header's line number, from 1
    count = len(f.head[header.pos][1])
    start = f.offsets[line]
    body = memoryview(f.data)[start:]
    # First as if no line were empty: then each line is a row.
    parsed = _parse(body, f.delimiter, count, empty=not len(body), quoted=f.quoted,
                    skip_empty=False)
    numbers: np.ndarray | None = None
    if parsed is not None:
        numbers = np.arange(line + 1, line + 1 + parsed.num_rows, dtype=np.int64)
    else:  # (an empty line, or a ragged row)
        parsed = _parse(body, f.delimiter, count, empty=False, quoted=f.quoted,
                        skip_empty=True)
        numbers = None if parsed is None else _row_numbers(f, line, parsed.num_rows)
    if parsed is None or numbers is None or (
            f.quoted and not _quoted_lines_agree(f, parsed, numbers, line)):
        return None
    columns: dict[str, pd.Series] = {}
    encoded: dict[str, tuple[np.ndarray, pd.Series]] = {}
    plain = _plain_columns(table, header.labels)
    for j, (column, dictionary) in enumerate(_dictionaries(parsed, plain)):
        cells: tuple[pd.Series, np.ndarray | None, pd.Series | None] | None = (
            _clean_plain(column) if dictionary is None else None)
        if cells is None:
            cells = _clean(column, _encode(column) if dictionary is None else dictionary)
        if cells is None:
            return None
        if j >= header.width:
            if cells[1] is None or (cells[1] >= 0).any():
                return None  # a value without a header: the strict reader says where
            continue
        columns[header.labels[j]] = cells[0]
        if cells[1] is not None:
            encoded[header.labels[j]] = (cells[1], cells[2])
    frame = pd.DataFrame(columns, index=pd.RangeIndex(len(numbers)))
    if not columns:
        frame = pd.DataFrame(index=pd.RangeIndex(len(numbers)))
    return finish_table(table, frame, numbers, header, {}, file=file, encoded=encoded)


def _parse(body: memoryview, delimiter: str, count: int, *, empty: bool, quoted: bool,
           skip_empty: bool):
    """The body's cells as a pyarrow table of text, or None for a ragged row.

    With ``skip_empty``, empty lines are skipped; else an empty line is a
    row of one empty cell (ragged, unless the table has one column).
    """
    import pyarrow as pa
    import pyarrow.csv as pcsv

    names = [f"c{j}" for j in range(count)]
    if empty:
        return pa.table({name: pa.array([], pa.large_string()) for name in names})
    try:
        return pcsv.read_csv(
            pa.py_buffer(body),
            read_options=pcsv.ReadOptions(column_names=names),
            parse_options=pcsv.ParseOptions(delimiter=delimiter,
                                            quote_char='"' if quoted else False,
                                            double_quote=True, escape_char=False,
                                            newlines_in_values=False,
                                            ignore_empty_lines=skip_empty),
            convert_options=pcsv.ConvertOptions(
                column_types=dict.fromkeys(names, pa.large_string()), null_values=[],
                strings_can_be_null=False, quoted_strings_can_be_null=False,
                check_utf8=True))
    except (pa.ArrowInvalid, ValueError):
        return None


def _quoted_lines_agree(f: FastFile, parsed, numbers: np.ndarray, header: int) -> bool:
    """Whether every line holding a quote reads alone, and as pyarrow read it.

    The strict reader reads each such line on its own (so a quoted cell
    may not run on to the next line); its cells must be pyarrow's, cell
    for cell. The other lines hold no quote, so both read them alike.
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    raw = np.frombuffer(f.data, dtype=np.uint8)
    lines = np.unique(np.searchsorted(f.starts, np.flatnonzero(raw == ord('"')),
                                      side="right"))  # line numbers, from 1
    lines = lines[lines > header]
    records = np.searchsorted(numbers, lines)
    if (records >= len(numbers)).any() or (numbers[records] != lines).any():
        return False
    cells: list[list[str]] = [[] for _ in range(parsed.num_columns)]
    for n in lines:
        text = f.data[int(f.starts[n - 1]):int(f.starts[n])].decode("utf-8")
        row = _split(text, f.delimiter)
        if row is None or len(row) != parsed.num_columns:
            return False
        for j, cell in enumerate(row):
            cells[j].append(cell)
    taken = pa.array(records, type=pa.int64())
    return all(pc.all(pc.equal(parsed.column(j).take(taken),
                               pa.array(cells[j], pa.large_string()))).as_py() is not False
               for j in range(parsed.num_columns))


def _row_numbers(f: FastFile, line: int, rows: int) -> np.ndarray | None:
    """The line numbers (from 1) of the ``rows`` non-empty lines after line ``line``.

    None when the file does not have that many.
    """
    start = f.offsets[line]
    lines = f.data.count(b"\n", start) + (start < len(f.data)
                                           and not f.data.endswith(b"\n"))
    if lines == rows:  # no empty line after all
        return np.arange(line + 1, line + 1 + rows, dtype=np.int64)
    starts = f.starts[line:]
    raw = np.frombuffer(f.data, dtype=np.uint8)
    ends = starts[1:]
    length = ends - starts[:-1]
    # Take off the line end: "\n" or "\r\n" (the last line may have none).
    has_newline = (ends > 0) & (raw[np.maximum(ends - 1, 0)] == 10) if len(raw) else \
        np.zeros(len(ends), dtype=bool)
    length = length - has_newline
    has_return = (length > 0) & (raw[np.maximum(starts[:-1] + length - 1, 0)] == 13)
    length = length - has_return
    numbers = np.flatnonzero(length > 0).astype(np.int64) + line + 1
    return numbers if len(numbers) == rows else None


#: Kinds of column (see :class:`netmap.model.schema.Column`) read without a
#: dictionary when their cells are clean as written: references, which the
#: validation looks up among the ids cell by cell (one hash of the column,
#: where a dictionary and then its lookup would be two), and free text,
#: whose values are mostly distinct.
_PLAIN_KINDS = frozenset({"ref", "body_ref", "text"})


def _plain_columns(table: str, labels) -> set[int]:
    """Positions of the headers that name a column of :data:`_PLAIN_KINDS` in ``table``."""
    from netmap.model._labels import label_key
    from netmap.model.schema import TABLES

    schema = TABLES[table]
    index = schema.header_index()
    return {j for j, label in enumerate(labels)
            if label is not None and label_key(label) in index
            and schema.column(index[label_key(label)]).kind in _PLAIN_KINDS}


def _encode(column):
    import pyarrow.compute as pc

    return pc.dictionary_encode(column)


def _dictionaries(parsed, plain: Collection[int] = ()) -> Iterator[tuple]:
    """Each column of a pyarrow table, and the column dictionary-encoded, in order.

    The columns at the positions ``plain`` come without a dictionary (None).
    The columns of a large table are encoded side by side in threads
    (pyarrow releases the GIL), while the caller checks those already
    encoded.
    """
    columns = [c.combine_chunks() for c in parsed.columns]

    def encode(j: int):
        return None if j in plain else _encode(columns[j])

    workers = min(len(columns) - len(plain), os.cpu_count() or 1)
    if parsed.num_rows < _THREADED_ROWS or workers < 2:
        yield from ((c, encode(j)) for j, c in enumerate(columns))
        return
    with ThreadPoolExecutor(max_workers=workers) as pool:
        yield from zip(columns, pool.map(encode, range(len(columns))), strict=True)


def _clean_plain(column) -> tuple[pd.Series, None, None] | None:
    """The cells of a column the strict reader's cleaning leaves as they are; else None.

    Such a column has no empty cell, no cell that starts or ends with a
    space or a tab or starts with a quote, none longer than the field
    limit, and (unless it is ASCII) no suspect character and only text in
    normal form C: what :func:`_clean` checks on the distinct values,
    checked here on the cells' bytes without a dictionary. None sends the
    column to :func:`_clean`.
    """
    import unicodedata

    if len(column) == 0 or column.null_count:
        return None
    offsets, data = _buffers(column)
    starts, ends = offsets[:-1], offsets[1:]
    lengths = ends - starts
    if lengths.min() == 0 or lengths.max() > _FIELD_LIMIT:
        return None
    first, last = data[starts], data[ends - 1]
    if (np.isin(first, _EDGE_BYTES + (ord("'"),)).any()
            or np.isin(last, _EDGE_BYTES).any()):
        return None
    if data[offsets[0]:offsets[-1]].max() >= 0x80:  # (ASCII holds nothing suspect)
        joined = _joined(column)
        if SUSPECT_CHARACTERS.search(joined) or not unicodedata.is_normalized("NFC",
                                                                              joined):
            return None
    return pd.Series(pd.array(column, dtype="str")), None, None


#: The bytes :func:`_clean` trims off a cell (space and tab).
_EDGE_BYTES = (0x20, 0x09)


def _buffers(column) -> tuple[np.ndarray, np.ndarray]:
    """The offsets (int64) and the bytes of a pyarrow text array, as numpy arrays."""
    import pyarrow as pa

    width = 8 if pa.types.is_large_string(column.type) else 4
    buffers = column.buffers()
    offsets = np.frombuffer(buffers[1], dtype=np.int64 if width == 8 else np.int32,
                            count=len(column) + 1 + column.offset)[column.offset:]
    data = np.frombuffer(buffers[2], dtype=np.uint8) if buffers[2] is not None else \
        np.zeros(0, dtype=np.uint8)
    return offsets.astype(np.int64, copy=False), data


def _clean(column, encoded) -> tuple[pd.Series, np.ndarray, pd.Series] | None:
    """Cells of one column as the strict reader cleans them, as text; None if unsure.

    Each distinct value (``encoded``: the ``column`` dictionary-encoded) is
    checked once (see :data:`SUSPECT_CHARACTERS`); cells are trimmed of
    spaces and tabs, an empty cell becomes missing, and the quote before a
    would-be formula is taken off (:func:`netmap.model._formula.unescape_cell`).

    Returns
    -------
    cells : pandas.Series
        The cells as pandas text (``"str"``, missing as NaN), which the
        validation takes as cleaned.
    codes : numpy.ndarray of int
        Each cell's position in ``values`` (-1: missing).
    values : pandas.Series
        The distinct cleaned values (``"str"``), none missing.
    """
    import unicodedata

    import pyarrow.compute as pc

    written = encoded.dictionary
    if len(written) and pc.max(pc.binary_length(written)).as_py() > _FIELD_LIMIT:
        return None  # (the strict reader refuses a cell this long)
    trimmed = pc.utf8_trim(written, " \t")
    # (as numpy's own index type: every gather by them then takes its quick path)
    codes = encoded.indices.to_numpy(zero_copy_only=False).astype(np.intp)
    unchanged = _unchanged(written, trimmed)
    if not unchanged or not pc.all(pc.string_is_ascii(written)).as_py():
        joined = _joined(trimmed)  # (ASCII holds nothing suspect)
        if SUSPECT_CHARACTERS.search(joined) or not unicodedata.is_normalized("NFC",
                                                                              joined):
            return None
    if unchanged:
        values = pd.Series(pd.array(written, dtype="str"))
        return pd.Series(pd.array(column, dtype="str")), codes, values
    distinct = trimmed.to_pylist()
    if re.search(_FORMULA_QUOTE, joined, flags=re.MULTILINE) is not None:
        formula = re.compile(_FORMULA_QUOTE)
        distinct = [d[1:] if formula.match(d) else d for d in distinct]
    remap, uniques = pd.factorize(np.array(distinct, dtype=object), use_na_sentinel=True)
    empty = np.flatnonzero(uniques == "")
    if len(empty):  # an empty cell is missing
        remap = np.where(remap == empty[0], -1, remap - (remap > empty[0]))
        uniques = np.delete(uniques, empty[0])
    codes = np.append(remap, -1)[codes]
    values = pd.Series(pd.array(uniques, dtype="str"))
    return pd.Series(values.array.take(codes, allow_fill=True)), codes, values


def _unchanged(written, trimmed) -> bool:
    """Whether the distinct values are trimmed, not empty, and start with no quote.

    The strict reader's cleaning leaves such values as they are.
    """
    import pyarrow.compute as pc

    if not len(written):
        return True
    return bool(pc.all(pc.equal(trimmed, written)).as_py()
                and pc.min(pc.binary_length(written)).as_py() > 0
                and not pc.any(pc.starts_with(written, "'")).as_py())


def _joined(values) -> str:
    """Text values (pyarrow) as one string, a line each, joined by pyarrow."""
    import pyarrow as pa
    import pyarrow.compute as pc

    one = pa.ListArray.from_arrays(pa.array([0, len(values)], pa.int32()), values)
    return pc.binary_join(one, pa.scalar("\n", values.type))[0].as_py()
