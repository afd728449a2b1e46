"""netmap inside other programs: warnings per call, threads, pickling, processes."""

from __future__ import annotations

import re
import threading
import warnings

import pandas as pd
import pytest

import netmap
from netmap.model._warnings import collect, warn


def _notes(html: str) -> list[str]:
    """The items of a report's notes section."""
    section = re.search(r'<section id="notes">(.*?)</section>', html, re.S)
    assert section is not None
    return re.findall(r"<li>(.*?)</li>", section.group(1), re.S)


@pytest.mark.filterwarnings("error::netmap.NetmapWarning")
def test_collect_takes_the_warnings_of_its_own_thread_only():
    outside: list[str] = []

    def other():
        try:
            warn("theirs")
        except netmap.NetmapWarning as w:  # the filter above makes it an error
            outside.append(str(w))

    with collect() as mine:
        warn("mine")
        thread = threading.Thread(target=other)
        thread.start()
        thread.join()
    assert [str(w) for w in mine] == ["mine"]
    assert outside == ["theirs"]  # the other thread's warning reached warnings.warn


def test_warn_outside_a_collection_is_warnings_warn():
    with pytest.warns(netmap.DataWarning, match="a note") as record:
        warn("a note", netmap.DataWarning, stacklevel=1)
    assert record[0].filename == __file__


def _self_tie_folder(folder):
    folder.mkdir()
    pd.DataFrame({"id": ["x1", "x2"], "sector": ["public", "business"]}).to_csv(
        folder / "actors.csv", index=False)
    pd.DataFrame({"source": ["x1", "x1"], "target": ["x1", "x2"]}).to_csv(
        folder / "ties.csv", index=False)
    return folder


@pytest.mark.filterwarnings("error::netmap.DataWarning")
@pytest.mark.filterwarnings("ignore:Glyph .* missing from font")  # matplotlib's, not netmap's
def test_report_notes_hold_only_its_own_maps_notes(tmp_path):
    """A report built while another thread reads a map that warns (issue 14).

    The old report recorded warnings with warnings.catch_warnings, which is
    process-wide: the other thread's self-tie warning landed in the notes
    (and never reached that thread).
    """
    folder = _self_tie_folder(tmp_path / "other")
    m = netmap.StakeholderMap(
        pd.DataFrame({"id": ["a", "b", "c"], "sector": ["public", "business", "third"],
                      "name": ["\u682a\u5f0f\u4f1a\u793e", "b", "c"]}),
        pd.DataFrame({"source": ["a", "b"], "target": ["b", "c"]}))
    done = threading.Event()
    reads, warned = [], []

    def read_other_map():
        while not done.is_set():
            try:
                netmap.read_csv(folder)
            except netmap.DataWarning as w:  # the filter above makes it an error
                warned.append(str(w))
            reads.append(1)

    thread = threading.Thread(target=read_other_map)
    thread.start()
    try:
        notes = [_notes(netmap.report(m, tmp_path / f"r-{lang}.html", lang=lang,
                                      permutations=19).read_text(encoding="utf-8"))
                 for lang in ("en", "he")]
    finally:
        done.set()
        thread.join()
    for items in notes:
        assert len(items) == 1, items
        assert "no glyph for" in items[0] and "self-tie" not in items[0]
    assert reads and len(warned) == len(reads)  # every read of the other map warned there
    assert all("self-tie" in text for text in warned)


def test_netmap_warns_only_through_its_collectable_helper():
    """Every warning of netmap can be collected per call; nothing records process-wide.

    ``warnings.warn`` called directly would bypass the report's collection
    (its warning would reach the caller, not the notes), and
    ``warnings.catch_warnings`` swaps the filters of every thread.
    """
    import pathlib

    src = pathlib.Path(netmap.__file__).parent
    offenders = []
    for path in sorted(src.rglob("*.py")):
        if path.name == "_warnings.py" and path.parent.name == "model":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code = line.split("#")[0]
            if re.search(r"\bwarnings\.(warn|catch_warnings|simplefilter|filterwarnings)\b",
                         code) and ":func:" not in code:
                offenders.append(f"{path.relative_to(src)}:{number}: {line.strip()}")
    assert not offenders, ("use netmap.model._warnings.warn (and collect() to keep a call's "
                           "warnings) instead of:\n" + "\n".join(offenders))
