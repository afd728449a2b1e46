"""Limits on what the readers take in, and netmap's error for every parser failure.

A reader refuses, with a :class:`netmap.FileFormatError` naming the file,
what it cannot read in reasonable time and memory: a file larger than
:data:`MAX_INPUT_BYTES`, something that is not a regular file (a device
such as ``/dev/zero``, a pipe that never ends), a workbook whose parts
would take more than :data:`MAX_UNCOMPRESSED_BYTES` once uncompressed (a
zip bomb), and a sheet row numbered beyond :data:`MAX_SHEET_ROW` (Excel's
own last row). :func:`parser_errors` turns what a parser raises on a
damaged file (``ParseError``, ``KeyError``, ``IndexError``, ``ValueError``,
``RecursionError``, ``LookupError``, ``NotImplementedError`` of an unknown zip
compression or version, ``OSError`` of a workbook without a workbook part
...) into the same error.
"""

from __future__ import annotations

import os
import stat
import struct
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from netmap.model.exceptions import FileFormatError, NetmapError

__all__ = ["MAX_INPUT_BYTES", "MAX_UNCOMPRESSED_BYTES", "MAX_SHEET_ROW", "MAX_SHEET_COLUMN",
           "check_input_file", "read_input_bytes", "check_workbook_zip", "parser_errors"]

#: The largest input file read, in bytes (1 GiB).
MAX_INPUT_BYTES = 1 << 30

#: The largest a workbook's parts may be once uncompressed, in bytes (512 MiB).
MAX_UNCOMPRESSED_BYTES = 512 << 20

#: The last row of a sheet (Excel's limit, 2**20).
MAX_SHEET_ROW = 1_048_576

#: The last column of a sheet (Excel's limit, XFD).
MAX_SHEET_COLUMN = 16_384


def check_input_file(path, *, what: str = "file") -> Path:
    """Refuse what is not a regular file of at most :data:`MAX_INPUT_BYTES`.

    Returns
    -------
    pathlib.Path
        The path.

    Raises
    ------
    FileFormatError
        For a missing path, a folder, a device or pipe (``/dev/zero``), or
        a file that is too large.
    """
    path = Path(path)
    name = os.fspath(path)
    try:
        info = path.stat()
    except OSError as err:
        reason = "cannot read the file: " + (
            "no such file" if isinstance(err, FileNotFoundError) else
            str(err.strerror or err))
        raise FileFormatError(reason, file=name, suggestion="check the path") from err
    if stat.S_ISDIR(info.st_mode):
        raise FileFormatError(f"a folder, where a {what} was expected", file=name,
                              suggestion=f"give the {what} itself")
    if not stat.S_ISREG(info.st_mode):
        raise FileFormatError(
            "not a regular file (a device, a pipe or a socket): netmap reads only "
            "files, which have an end", file=name,
            suggestion="save the input to a file and give its path")
    if info.st_size > MAX_INPUT_BYTES:
        raise FileFormatError(
            f"the file is {info.st_size:,} bytes, more than netmap reads "
            f"({MAX_INPUT_BYTES:,})", file=name,
            suggestion="split the map, or keep only the tables netmap needs")
    return path


def read_input_bytes(path, *, what: str = "file") -> bytes:
    """The bytes of an input file, after :func:`check_input_file`.

    At most :data:`MAX_INPUT_BYTES` are read, even when the file grows
    while it is read. The file is read in one call of its size (asking for
    :data:`MAX_INPUT_BYTES` at once makes Python reserve that much first,
    which took three times as long as the read of a 26 MB file), and then
    to its end if it grew.
    """
    path = check_input_file(path, what=what)
    name = os.fspath(path)
    try:
        with path.open("rb") as f:
            size = min(os.fstat(f.fileno()).st_size, MAX_INPUT_BYTES)
            data = f.read(size + 1)
            if len(data) > size:  # (it grew since: read on, to the limit)
                data += f.read(MAX_INPUT_BYTES + 1 - len(data))
    except OSError as err:
        raise FileFormatError(f"cannot read the file: {err.strerror or err}", file=name,
                              suggestion="check the path and its permissions") from err
    if len(data) > MAX_INPUT_BYTES:
        raise FileFormatError(f"the file is more than {MAX_INPUT_BYTES:,} bytes",
                              file=name, suggestion="split the map")
    return data


def check_workbook_zip(path, *, file: str | None = None) -> None:
    """Refuse a workbook whose parts would be too large once uncompressed (a zip bomb).

    Raises
    ------
    FileFormatError
        When the zip's directory is damaged, or its parts declare more than
        :data:`MAX_UNCOMPRESSED_BYTES` in all.

    Parameters
    ----------
    path : path-like or binary file
        The workbook.
    file : str, optional
        Its name, for messages (default: ``path``).
    """
    name = file or os.fspath(path)
    try:
        with zipfile.ZipFile(path) as z:
            total = sum(info.file_size for info in z.infolist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError,
            EOFError, NotImplementedError) as err:
        raise FileFormatError(f"not an Excel workbook netmap can read: the zip archive "
                              f"is damaged ({err})", file=name,
                              suggestion="save it again from Excel as an .xlsx "
                                         "workbook") from err
    if total > MAX_UNCOMPRESSED_BYTES:
        raise FileFormatError(
            f"the workbook's parts take {total:,} bytes uncompressed, more than netmap "
            f"reads ({MAX_UNCOMPRESSED_BYTES:,}): a damaged or hostile file (zip bomb)",
            file=name, suggestion="save the tables again from Excel, or as CSV files")


#: What parsers raise on damaged input (besides netmap's own errors).
PARSER_FAILURES = (ValueError, KeyError, IndexError, TypeError, AttributeError,
                   LookupError, RecursionError, OverflowError, UnicodeError, EOFError,
                   zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, struct.error,
                   SyntaxError, NotImplementedError, OSError)


@contextmanager
def parser_errors(file, *, kind: str, sheet: str | None = None) -> Iterator[None]:
    """Turn what a parser raises on a damaged file into a :class:`netmap.FileFormatError`.

    netmap's own errors pass unchanged. ``xml.etree.ElementTree.ParseError``
    is a ``SyntaxError``; ``zipfile.BadZipFile`` and damaged XML parts of a
    workbook raise ``KeyError``, ``IndexError`` or ``ValueError`` inside
    openpyxl.

    Parameters
    ----------
    file : path-like
        The file being read, for the message.
    kind : str
        What the file should be ("Excel workbook", "Kumu JSON" ...).
    sheet : str, optional
        The sheet being read.
    """
    try:
        yield
    except NetmapError:
        raise
    except PARSER_FAILURES as err:
        article = "an" if kind[:1].lower() in "aeiou" else "a"
        raise FileFormatError(
            f"not {article} {kind} netmap can read: the file is damaged or holds what the "
            f"format does not allow ({type(err).__name__}: {_short(err)})",
            file=os.fspath(file), sheet=sheet,
            suggestion=f"save it again from the program that made it, as {article} {kind}"
        ) from err


def _short(err: BaseException) -> str:
    text = str(err) or repr(err)
    return text if len(text) <= 200 else text[:200] + "..."
