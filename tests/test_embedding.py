"""netmap inside other programs: warnings per call, threads, pickling, processes."""

from __future__ import annotations

import copy
import functools
import multiprocessing
import pickle
import re
import threading
import warnings

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netmap
from netmap.model._warnings import collect, warn
from netmap.testing import assert_map_equal
from test_exchange_properties import build as build_full
from test_exchange_properties import full_maps


def _notes(html: str) -> list[str]:
    """The items of a report's notes section."""
    section = re.search(r'<section id="notes">(.*?)</section>', html, re.S)
    assert section is not None
    return re.findall(r"<li[^>]*>(.*?)</li>", section.group(1), re.S)


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


@pytest.mark.slow
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
    ``warnings.catch_warnings`` swaps the filters of every thread. The one
    use netmap's helper cannot replace, catching another library's warnings
    to say them in netmap's words, is allowed on a line whose comment says
    ``third-party warnings``.
    """
    import pathlib

    src = pathlib.Path(netmap.__file__).parent
    offenders = []
    for path in sorted(src.rglob("*.py")):
        if path.name == "_warnings.py" and path.parent.name == "model":
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            code, _, comment = line.partition("#")
            if "third-party warnings" in comment or code.lstrip().startswith((">>>", "...")):
                continue  # a marked exception, or a docstring example (users' code)
            if re.search(r"\bwarnings\.(warn|catch_warnings|simplefilter|filterwarnings)\b",
                         code) and ":func:" not in code and "``" not in code:
                offenders.append(f"{path.relative_to(src)}:{number}: {line.strip()}")
    assert not offenders, ("use netmap.model._warnings.warn (and collect() to keep a call's "
                           "warnings) instead of:\n" + "\n".join(offenders))


# -- maps pickle and deep-copy equal ------------------------------------------

#: Measures a copied map must give equal, with the options they are called with.
MEASURES = {
    "mixing_matrix": {}, "ei_index": {"permutations": 49}, "assortativity": {},
    "centrality": {}, "structural_holes": {}, "brokerage": {"stat": "raw"},
    "brokers": {},
}


def _outcome(name: str, m):
    """A measure's result on a map, or the error it raises (both compared)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", netmap.NetmapWarning)
            return getattr(netmap, name)(m, **MEASURES[name])
    except netmap.NetmapError as err:
        return (type(err), str(err))


def _assert_same(a, b) -> None:
    if isinstance(a, pd.DataFrame):
        pd.testing.assert_frame_equal(a, b)
    elif isinstance(a, float):
        assert a == b or (a != a and b != b)  # NaN is NaN
    else:
        assert a == b


def _assert_copy_equal(m, other) -> None:
    """Everything a map holds, and what the measures make of it, is equal."""
    assert other is not m
    assert_map_equal(m, other, check_name=True)
    assert other.equals(m) and m.equals(other)
    pd.testing.assert_frame_equal(other.issues, m.issues)
    assert other.taxonomy == m.taxonomy and other.waves == m.waves
    assert other.arrays.ids.equals(m.arrays.ids)
    for name in MEASURES:
        _assert_same(_outcome(name, m), _outcome(name, other))


def _copies(m):
    return {"pickle": pickle.loads(pickle.dumps(m)),
            "pickle protocol 2": pickle.loads(pickle.dumps(m, protocol=2)),
            "deepcopy": copy.deepcopy(m)}


@settings(max_examples=15, deadline=None)
@given(full_maps(), st.booleans())
def test_random_maps_pickle_and_deep_copy_equal(data, computed):
    m = build_full(*data)
    if computed:
        _ = m.arrays, m.summary()  # cached views travel with the map
    for how, other in _copies(m).items():
        try:
            _assert_copy_equal(m, other)
        except AssertionError as err:
            raise AssertionError(f"{how}: {err}") from None


@settings(max_examples=8, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(40, 90), st.sampled_from([None, 3]),
       st.booleans())
def test_synthetic_maps_pickle_and_deep_copy_equal(seed, n_actors, waves, directed):
    m = netmap.datasets.synthetic(n_actors, 2 * n_actors, waves=waves, directed=directed,
                                  seed=seed)
    for other in _copies(m).values():
        _assert_copy_equal(m, other)
    if waves:
        _assert_copy_equal(m.at(m.waves[0]), copy.deepcopy(m.at(m.waves[0])))


def test_the_deep_copy_shares_no_cache():
    m = netmap.datasets.load_2x5()
    adjacency = m.arrays.adjacency()
    other = copy.deepcopy(m)
    assert other.arrays is not m.arrays
    assert other.arrays.adjacency() is not adjacency
    assert (other.arrays.adjacency() != adjacency).nnz == 0


def test_maps_go_through_a_pool_of_two_processes():
    """Maps sent to worker processes (spawned: every map is pickled) give equal measures."""
    maps = [netmap.datasets.load_2x5(),
            netmap.datasets.synthetic(80, 200, seed=3, directed=True),
            netmap.datasets.synthetic(60, 150, seed=4, waves=2)]
    measure = functools.partial(netmap.brokerage, stat="raw")
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        results = pool.map(measure, maps)
        back = pool.map(copy.copy, maps)  # maps come back from the workers too
    for m, result, returned in zip(maps, results, back, strict=True):
        pd.testing.assert_frame_equal(result, measure(m))
        _assert_copy_equal(m, returned)
