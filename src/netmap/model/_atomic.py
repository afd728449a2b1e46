"""Atomic file writes: a file is replaced whole or not at all.

Every writer of netmap (the CSV folder, the workbooks, Kumu, GEXF,
GraphML, the HTML report) writes to a temporary file beside its target and
renames it over the target (:func:`os.replace`, atomic on POSIX and on
Windows within one volume) only once the whole file is written and
flushed to disk. A failure part-way, a full disk or Ctrl-C
(:class:`KeyboardInterrupt`) leaves the earlier file as it was and removes
the temporary file: a reader never meets a cut report, workbook or GEXF.

The temporary file is named ``.<name>.<random>.tmp`` (hidden on POSIX),
created exclusively, with the permissions a new file gets (the process's
umask applies), or the target's own when it exists.

This lives in the model, the lowest layer, because both the readers'
writers (:mod:`netmap.io`) and the report (:mod:`netmap.reporting`) need it.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

__all__ = ["atomic_path", "atomic_open", "Staged", "staged_files", "TEMP_SUFFIX"]

#: The end of every temporary file's name.
TEMP_SUFFIX = ".tmp"


def _temp_beside(target: Path) -> Path:
    """Create, exclusively, an empty temporary file beside ``target``."""
    while True:
        temp = target.with_name(f".{target.name}.{secrets.token_hex(6)}{TEMP_SUFFIX}")
        try:
            fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:  # pragma: no cover - 48 random bits
            continue
        os.close(fd)
        return temp


def _commit(temp: Path, target: Path) -> None:
    """Flush ``temp`` to disk, give it the target's permissions and rename it over."""
    with open(temp, "rb+") as f:
        os.fsync(f.fileno())
    with contextlib.suppress(FileNotFoundError):
        os.chmod(temp, stat.S_IMODE(os.stat(target).st_mode))
    os.replace(temp, target)


def _discard(temp: Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(temp)


@contextmanager
def atomic_path(path) -> Iterator[Path]:
    """A temporary path to write to, renamed to ``path`` when the block ends well.

    Use it with writers that take a file name (openpyxl's ``save``,
    pandas' ``to_csv``). When the block raises (any exception, Ctrl-C
    included), the temporary file is removed and ``path`` is left as it
    was.

    Parameters
    ----------
    path : path-like
        The file to write (replaced if it exists).

    Yields
    ------
    pathlib.Path
        The temporary file (it exists, empty) beside ``path``.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> with atomic_path(target) as temp:
    ...     _ = temp.write_text("whole")
    >>> target.read_text(), temp.exists()
    ('whole', False)
    """
    target = Path(path)
    temp = _temp_beside(target)
    try:
        yield temp
        _commit(temp, target)
    except BaseException:
        _discard(temp)
        raise


@contextmanager
def atomic_open(path, mode: str = "w", **kwargs: Any) -> Iterator[IO[Any]]:
    r"""A file opened for writing, renamed to ``path`` when the block ends well.

    Parameters
    ----------
    path : path-like
        The file to write (replaced if it exists).
    mode : {"w", "wb"}, default "w"
        Text or binary.
    **kwargs
        Passed to :func:`open` (``encoding``, ``newline``).

    Yields
    ------
    file object

    Examples
    --------
    >>> import tempfile, pathlib
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "a.txt"
    >>> _ = target.write_text("old")
    >>> try:
    ...     with atomic_open(target, encoding="utf-8") as f:
    ...         _ = f.write("half")
    ...         raise KeyboardInterrupt
    ... except KeyboardInterrupt:
    ...     pass
    >>> target.read_text(), [p.name for p in target.parent.iterdir()]
    ('old', ['a.txt'])
    """
    if mode not in ("w", "wb"):
        raise ValueError(f"atomic_open writes whole files: mode 'w' or 'wb', not {mode!r}")
    with atomic_path(path) as temp, open(temp, mode, **kwargs) as f:
        yield f


class Staged:
    """Files written beside their targets, all renamed in at the end (see :func:`staged_files`)."""

    def __init__(self) -> None:
        self.pairs: list[tuple[Path, Path]] = []

    def path(self, target) -> Path:
        """A temporary file to write instead of ``target``."""
        target = Path(target)
        temp = _temp_beside(target)
        self.pairs.append((temp, target))
        return temp


@contextmanager
def staged_files() -> Iterator[Staged]:
    """Several files written whole: none is renamed in until all are written.

    When the block raises, every temporary file is removed and no target
    is touched. When it ends well, each file is flushed and renamed over
    its target, one after the other.

    Yields
    ------
    Staged
        Whose ``path(target)`` gives the temporary file to write.
    """
    staged = Staged()
    try:
        yield staged
        for temp, _ in staged.pairs:
            with open(temp, "rb+") as f:
                os.fsync(f.fileno())
    except BaseException:
        for temp, _ in staged.pairs:
            _discard(temp)
        raise
    for k, (temp, target) in enumerate(staged.pairs):
        try:
            _commit(temp, target)
        except BaseException:
            for rest, _ in staged.pairs[k:]:
                _discard(rest)
            raise
