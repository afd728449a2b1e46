"""Random and mutated input files for every reader, and the one allowed outcome.

Used by tests/test_io_fuzz.py (hypothesis, a few dozen cases per reader) and by
benchmarks/fuzz_readers.py (10,000 cases). Every case is a function of a
``random.Random`` and the valid files written from the 2x5 sample, so a
failing case is reproduced from its seed.

The contract (issue 14): whatever the bytes, a reader returns a map (perhaps
with a documented :class:`netmap.DataWarning`) or raises netmap's own error
(:class:`netmap.NetmapError`); never anything else, never a hang.
"""

from __future__ import annotations

import io
import random
import shutil
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import netmap

#: Characters that break parsers, encodings and matching, mixed into text mutations.
NASTY = ['"', ",", ";", "\t", "\n", "\r", "\r\n", "\x00", "\ufeff", "\u200b", "\u200f",
         "\u00ad", "'", "=", "<", ">", "&", "]]>", "<!ENTITY x 'y'>", "\\", "{", "}", "[",
         "]", ":", "9" * 25, "-1", "1e400", "nan", "inf", "\udcff"[:0], "שחקנים", "é",
         "\U0001f600", " " * 3, "\x1b", "\x7f"]


@dataclass(frozen=True)
class Reader:
    """One reader: how a case is laid out on disk and how it is read."""

    name: str
    seed_files: Callable[[Path], Path]
    read: Callable[[Path], object]


def _sample():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return netmap.datasets.load_2x5()


def _csv_folder(folder: Path) -> Path:
    _sample().to_csv(folder / "map")
    return folder / "map"


def _csv_files(folder: Path) -> Path:
    out = _csv_folder(folder)
    for name in ("memberships", "bodies", "activities", "map"):
        (out / f"{name}.csv").unlink()
    return out


def _workbook(folder: Path) -> Path:
    _sample().to_excel(folder / "map.xlsx")
    return folder / "map.xlsx"


def _kumu_json(folder: Path) -> Path:
    _sample().to_kumu(folder / "map.json")
    return folder / "map.json"


def _kumu_workbook(folder: Path) -> Path:
    _sample().to_kumu(folder / "kumu.xlsx")
    return folder / "kumu.xlsx"


def _gexf(folder: Path) -> Path:
    _sample().to_gexf(folder / "map.gexf")
    return folder / "map.gexf"


def _graphml(folder: Path) -> Path:
    _sample().to_graphml(folder / "map.graphml")
    return folder / "map.graphml"


def _survey(folder: Path) -> Path:
    out = folder / "survey"
    out.mkdir()
    (out / "answers.csv").write_text(
        "respondent,partner,tie,type\nmoe,ngo,1,funding\nngo,biz,1,information\n",
        encoding="utf-8")
    return out


def _read_survey(path: Path):
    import pandas as pd

    actors = pd.DataFrame({"id": ["moe", "ngo", "biz"],
                           "sector": ["public", "third", "business"]})
    return netmap.from_survey(path / "answers.csv", actors)


READERS = [
    Reader("csv folder", _csv_folder, lambda p: netmap.read_csv(p)),
    Reader("csv files", _csv_files,
           lambda p: netmap.read_csv(p / "actors.csv", p / "ties.csv")),
    Reader("workbook", _workbook, lambda p: netmap.read_excel(p)),
    Reader("kumu json", _kumu_json, lambda p: netmap.read_kumu(p)),
    Reader("kumu workbook", _kumu_workbook, lambda p: netmap.read_kumu(p)),
    Reader("gexf", _gexf, lambda p: netmap.read_gexf(p)),
    Reader("graphml", _graphml, lambda p: netmap.read_graphml(p)),
    Reader("survey csv", _survey, _read_survey),
    # The command line's path: the format found from the file, then its reader.
    Reader("cli workbook", _workbook, lambda p: _load_input(p)),
]


def _load_input(path: Path):
    from netmap.cli import load_input

    return load_input([path])


# -- mutations ---------------------------------------------------------------------
def random_bytes(rng: random.Random, data: bytes) -> bytes:
    """Bytes of no format at all (sometimes with a format's first bytes)."""
    head = rng.choice([b"", b"PK\x03\x04", b"<?xml version='1.0'?>", b"{", b"\xef\xbb\xbf",
                       b"\xff\xfe", b"id,sector\n"])
    return head + rng.randbytes(rng.randint(0, 2048))


def flip_bytes(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if out:
            out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def truncate(rng: random.Random, data: bytes) -> bytes:
    return data[:rng.randint(0, max(len(data) - 1, 0))]


def splice_text(rng: random.Random, data: bytes) -> bytes:
    """Nasty characters or a copy of another part inserted at random places."""
    out = data
    for _ in range(rng.randint(1, 5)):
        at = rng.randint(0, len(out))
        if rng.random() < 0.3 and out:
            a = rng.randrange(len(out))
            piece = out[a:a + rng.randint(1, 200)]
        else:
            piece = rng.choice(NASTY).encode("utf-8", "surrogatepass")
        out = out[:at] + piece + out[at:]
    return out


def reencode(rng: random.Random, data: bytes) -> bytes:
    """The text in another encoding, or with another byte-order mark."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data
    encoding = rng.choice(["utf-16", "utf-16-le", "utf-32", "cp1255", "cp1252", "latin-1",
                           "utf-7", "utf-8"])
    body = text.encode(encoding, errors="replace")
    return rng.choice([b"", b"\x2b\x2f\x76", b"\x00\x00\xfe\xff", b"\xef\xbb\xbf"]) + body


TEXT_MUTATIONS = [flip_bytes, truncate, splice_text, reencode, random_bytes]


def mutate_zip(rng: random.Random, data: bytes) -> bytes:
    """A workbook with one part damaged, dropped, swollen or renumbered."""
    try:
        src = zipfile.ZipFile(io.BytesIO(data))
        names = src.namelist()
    except zipfile.BadZipFile:
        return flip_bytes(rng, data)
    target = rng.choice(names)
    how = rng.choice(["flip", "truncate", "splice", "drop", "random", "row", "col",
                      "empty"])
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in names:
            part = src.read(name)
            if name == target:
                if how == "drop":
                    continue
                part = _mutate_part(rng, part, how)
            dst.writestr(name, part)
    return out.getvalue()


def _mutate_part(rng: random.Random, part: bytes, how: str) -> bytes:
    if how == "flip":
        return flip_bytes(rng, part)
    if how == "truncate":
        return truncate(rng, part)
    if how == "splice":
        return splice_text(rng, part)
    if how == "random":
        return rng.randbytes(rng.randint(0, 512))
    if how == "row":
        return part.replace(b'r="2"', f'r="{rng.choice([0, -3, 10**9, 2**40])}"'.encode(),
                            1)
    if how == "col":
        return part.replace(b'r="B2"', rng.choice([b'r="XFE2"', b'r="A0"', b'r="$$"',
                                                   b'r="ZZZZZZ2"']), 1)
    return b""


def mutated_case(rng: random.Random, reader: Reader, seed: Path, workdir: Path) -> Path:
    """Copy the reader's valid input to ``workdir`` and damage one of its files."""
    if workdir.exists():
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True)
    if seed.is_dir():
        target_dir = workdir / seed.name
        shutil.copytree(seed, target_dir)
        files = sorted(p for p in target_dir.iterdir() if p.is_file())
        victim = rng.choice(files)
        out = target_dir
    else:
        out = workdir / seed.name
        shutil.copy(seed, out)
        victim = out
    data = victim.read_bytes()
    if victim.suffix == ".xlsx" and rng.random() < 0.7:
        victim.write_bytes(mutate_zip(rng, data))
    else:
        victim.write_bytes(rng.choice(TEXT_MUTATIONS)(rng, data))
    return out


def outcome(read: Callable[[Path], object], path: Path) -> str:
    """``"read"``, ``"warning"`` or ``"netmap error"``; anything else raises.

    Raises
    ------
    AssertionError
        When the reader raises anything but netmap's own error, or returns
        something that is not a map, or warns with another warning class.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            m = read(path)
        except netmap.NetmapError:
            return "netmap error"
    assert isinstance(m, netmap.StakeholderMap), type(m)
    others = [w for w in caught if not issubclass(w.category, netmap.DataWarning)]
    assert not others, [str(w.message) for w in others]
    return "warning" if caught else "read"
