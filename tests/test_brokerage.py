"""Gould-Fernandez brokerage: hand-counted maps, sna's numbers, the slow reference, invariants."""

import importlib
import json
import warnings
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netmap
from netmap.measures.brokerage import ROLES, SNA_NAMES, brokerage, brokerage_summary
from reference_brokerage import reference_brokerage

ORACLE = Path(__file__).parent / "oracles" / "brokerage_sna.json"
COLUMNS = [*ROLES, "total"]
STATS = ["raw", "expected", "sd", "z"]
# The module itself: once netmap exports the function brokerage, the attribute
# netmap.brokerage is that function, not this module.
nb = importlib.import_module("netmap.measures.brokerage")
# Every test on both paths of the triangles' masked product (GraphBLAS and scipy).
pytestmark = pytest.mark.usefixtures("masked_product")


def build(sectors: dict, edges: list, directed: bool = True, types=None, **columns):
    """A map from {id: sector} and [(source, target)], DataWarnings silenced."""
    actors = pd.DataFrame({"id": list(sectors), "sector": list(sectors.values()), **columns})
    ties = pd.DataFrame(edges, columns=["source", "target"])
    if types is not None:
        ties["type"] = types
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", netmap.DataWarning)
        return netmap.from_frames(actors, ties, directed=directed)


def counts(m, by="sector") -> dict:
    """Raw role counts per actor as {id: [coordinator, ..., liaison, total]}."""
    frame = brokerage(m, by=by, stat="raw")
    return {i: row.tolist() for i, row in frame[COLUMNS].iterrows()}


# The roles map (also the oracle's first graph): groups p (public), b (business),
# t (third) and an isolate.
ROLES_SECTORS = {"p1": "public", "p2": "public", "p3": "public", "b1": "business",
                 "b2": "business", "t1": "third", "t2": "third", "iso": "academia"}
ROLES_EDGES = [("p1", "p2"), ("p2", "p3"), ("p2", "b1"), ("b2", "p2"), ("b1", "t1"),
               ("t1", "b2"), ("p3", "t2"), ("t2", "b1"), ("p2", "p1"), ("t1", "t2"),
               ("b1", "b2")]


# -- hand-counted maps ----------------------------------------------------------------------
def test_every_role_counted_by_hand_in_a_directed_map():
    c = counts(build(ROLES_SECTORS, ROLES_EDGES))
    # p2: in {p1, b2}, out {p3, b1, p1}. Open pairs: (p1, p3) coordinator,
    # (p1, b1) representative, (b2, p3) and (b2, p1) gatekeeper, (b2, b1)
    # itinerant (b1 -> b2 exists, b2 -> b1 does not); (p1, p1) is no pair.
    assert c["p2"] == [1, 1, 1, 2, 0, 5]
    # b1: in {p2, t2}, out {t1, b2}: (p2, t1) liaison, (p2, b2) and (t2, b2)
    # gatekeeper, (t2, t1) itinerant (t1 -> t2 exists, not t2 -> t1).
    assert c["b1"] == [0, 1, 0, 2, 1, 4]
    # p3: in {p2}, out {t2}: representative. t2: in {p3, t1}, out {b1}:
    # (p3, b1) liaison; t1 -> b1 is no tie, so (t1, b1) representative.
    assert c["p3"] == [0, 0, 1, 0, 0, 1]
    assert c["t2"] == [0, 0, 1, 0, 1, 2]
    # t1: in {b1}, out {b2, t2}: b1 -> b2 closes (b1, b2); (b1, t2) gatekeeper.
    assert c["t1"] == [0, 0, 0, 1, 0, 1]
    # b2: in {t1, b1}, out {p2}: (t1, p2) liaison, (b1, p2) representative.
    assert c["b2"] == [0, 0, 1, 0, 1, 2]
    # p1: in {p2}, out {p2}: only i == k. The isolate brokers nothing.
    assert c["p1"] == [0] * 6
    assert c["iso"] == [0] * 6


def test_undirected_ties_broker_both_ways():
    # A path a - b - c: b brokers (a, c) and (c, a).
    c = counts(build({"a": "public", "b": "business", "c": "public"},
                     [("a", "b"), ("b", "c")], directed=False))
    assert c["b"] == [0, 2, 0, 0, 0, 2]
    c = counts(build({"a": "public", "b": "public", "c": "third"},
                     [("a", "b"), ("b", "c")], directed=False))
    assert c["b"] == [0, 0, 1, 1, 0, 2]  # a -> b -> c represents, c -> b -> a gatekeeps
    c = counts(build({"a": "public", "b": "business", "c": "third", "d": "third"},
                     [("a", "b"), ("b", "c"), ("c", "d")], directed=False))
    assert c["b"] == [0, 0, 0, 0, 2, 2]
    assert c["c"] == [0, 0, 1, 1, 0, 2]


def test_undirected_triangle_closes_every_pair():
    c = counts(build({"a": "public", "b": "public", "c": "public"},
                     [("a", "b"), ("b", "c"), ("a", "c")], directed=False))
    assert all(v == [0] * 6 for v in c.values())


def test_reciprocal_ties():
    one_group = {"x": "third", "y": "third", "z": "third"}
    # x <-> y <-> z: y brokers (x, z) and (z, x).
    edges = [("x", "y"), ("y", "x"), ("y", "z"), ("z", "y")]
    assert counts(build(one_group, edges))["y"] == [2, 0, 0, 0, 0, 2]
    # x -> z closes (x, z) only.
    assert counts(build(one_group, [*edges, ("x", "z")]))["y"] == [1, 0, 0, 0, 0, 1]
    # the same as an undirected map
    assert counts(build(one_group, [("x", "y"), ("y", "z")], directed=False))["y"] == [
        2, 0, 0, 0, 0, 2]


def test_a_self_tie_brokers_nothing_but_counts_in_the_density():
    sectors = {"x": "public", "y": "public", "z": "public"}
    plain = build(sectors, [("x", "y"), ("y", "z")])
    looped = build(sectors, [("x", "y"), ("y", "z"), ("x", "x")])
    assert counts(looped) == counts(plain)
    # coordinator expected = d^2 (1 - d)(n - 1)(n - 2), d = arcs / (N (N - 1))
    for m, d in [(plain, 2 / 6), (looped, 3 / 6)]:
        expected = brokerage(m, stat="expected")["coordinator"]
        np.testing.assert_allclose(expected, d**2 * (1 - d) * 2 * 1, rtol=1e-15)


def test_an_undirected_self_tie_counts_once():
    sectors = {"x": "public", "y": "public", "z": "third"}
    looped = build(sectors, [("x", "y"), ("y", "z"), ("z", "z")], directed=False)
    d = 5 / 6  # four arcs for two ties, one for the loop
    expected = brokerage(looped, stat="expected").loc["x", "total"]
    assert expected == pytest.approx(d**2 * (1 - d) * 2 * 1, rel=1e-15)


@pytest.mark.parametrize("directed", [True, False])
def test_parallel_ties_count_once(directed):
    sectors = {"x": "public", "y": "business", "z": "third", "w": "third"}
    edges = [("x", "y"), ("y", "z"), ("z", "w")]
    single = build(sectors, edges, directed=directed)
    doubled = build(sectors, [*edges, ("x", "y"), ("y", "z")], directed=directed,
                    types=["partnership", "funding", "information", "donation",
                           "contract"])
    assert doubled.n_ties == 5
    for stat in STATS:
        pd.testing.assert_frame_equal(brokerage(doubled, stat=stat),
                                      brokerage(single, stat=stat))
    pd.testing.assert_frame_equal(brokerage_summary(doubled), brokerage_summary(single))


def test_an_isolate_has_zero_counts_and_its_group_expectations():
    m = build({"a": "public", "b": "public", "c": "public", "iso": "public"},
              [("a", "b"), ("b", "c")])
    raw = brokerage(m)
    assert raw.loc["iso", COLUMNS].tolist() == [0] * 6
    expected = brokerage(m, stat="expected")
    pd.testing.assert_series_equal(expected.loc["iso"], expected.loc["a"],
                                   check_names=False)
    z = brokerage(m, stat="z").loc["iso", COLUMNS]
    assert z["coordinator"] < 0 and z["total"] < 0
    assert z[["itinerant", "representative", "gatekeeper", "liaison"]].isna().all()


def test_sd_zero_gives_nan_z():
    m = build({"a": "public", "b": "business", "c": "business"}, [("a", "b"), ("b", "c")])
    sd = brokerage(m, stat="sd")
    z = brokerage(m, stat="z")
    zero = sd[COLUMNS].to_numpy() == 0
    assert zero.any()
    assert np.isnan(z[COLUMNS].to_numpy()[zero]).all()
    # a group of one (a) cannot coordinate; a group of two neither
    assert sd.loc["a", "coordinator"] == 0 and sd.loc["b", "coordinator"] == 0


def test_map_without_ties_and_single_actor():
    m = build({"a": "public", "b": "third", "c": "third"}, [])
    assert brokerage(m)[COLUMNS].to_numpy().sum() == 0
    assert brokerage(m, stat="z")[COLUMNS].isna().all().all()
    one = build({"a": "public"}, [])
    assert brokerage(one, stat="z")[COLUMNS].isna().all().all()
    assert brokerage_summary(one)["raw"].tolist() == [0] * 6
    empty = build({}, [])
    assert brokerage(empty, stat="z").empty
    assert brokerage_summary(empty)["expected"].isna().all()


# -- result shape and errors -----------------------------------------------------------------
def test_result_columns_index_and_types():
    m = build(ROLES_SECTORS, ROLES_EDGES)
    frame = brokerage(m)
    assert list(frame.columns) == ["group", *COLUMNS]
    assert frame.index.name == "id"
    assert list(frame.index) == list(m.actors.index)
    assert isinstance(frame["group"].dtype, pd.CategoricalDtype)
    assert frame.loc["p1", "group"] == "public"
    assert all(frame[c].dtype == np.int64 for c in COLUMNS)
    for stat in ["expected", "sd", "z"]:
        assert all(brokerage(m, stat=stat)[c].dtype == np.float64 for c in COLUMNS)
    summary = brokerage_summary(m)
    assert list(summary.index) == COLUMNS and summary.index.name == "role"
    assert list(summary.columns) == ["raw", "expected", "sd", "z"]
    assert list(SNA_NAMES) == COLUMNS


def test_bad_stat_names_the_allowed_values():
    m = build(ROLES_SECTORS, ROLES_EDGES)
    with pytest.raises(ValueError, match="'raw', 'expected', 'sd' or 'z'") as err:
        brokerage(m, stat="zscore")
    assert isinstance(err.value, netmap.NetmapError)


def test_actors_without_group_raise_a_clear_error():
    m = build({"a": "public", "b": "academia", "c": "third"}, [("a", "b"), ("b", "c")])
    assert m.groups(by="core").isna().sum() == 1
    for call in (brokerage, brokerage_summary):
        with pytest.raises(netmap.model.exceptions.MeasureError, match="by='sector'"):
            call(m, by="core")
    assert brokerage(m, by="sector")["total"].sum() == 1
    with pytest.raises(netmap.ParameterError, match="by='no_such_column'"):
        brokerage(m, by="no_such_column")


def test_groups_from_any_actor_column():
    m = build({"a": "public", "b": "public", "c": "public"}, [("a", "b"), ("b", "c")],
              team=["x", "y", "z"])
    assert counts(m, "team")["b"] == [0, 0, 0, 0, 1, 1]
    assert counts(m, "sector")["b"] == [1, 0, 0, 0, 0, 1]


def test_the_map_is_not_changed():
    m = build(ROLES_SECTORS, ROLES_EDGES)
    before = m.arrays.adjacency().toarray().copy()
    brokerage(m, stat="z")
    brokerage_summary(m)
    np.testing.assert_array_equal(m.arrays.adjacency().toarray(), before)


def test_chunked_counting_gives_the_same_counts(monkeypatch):
    rng = np.random.default_rng(3)
    sectors = {f"a{i}": s for i, s in enumerate(rng.choice(
        ["public", "business", "third", "academia"], 60))}
    edges = [(f"a{s}", f"a{t}") for s, t in rng.integers(0, 60, (300, 2)) if s != t]
    for directed in (True, False):
        whole = brokerage(build(sectors, edges, directed=directed))
        monkeypatch.setattr(nb, "_CHUNK_ENTRIES", 7)
        # a new map: the counts are kept with the map's arrays
        pd.testing.assert_frame_equal(brokerage(build(sectors, edges, directed=directed)),
                                      whole)
        monkeypatch.undo()



def test_sparse_neighbour_tables_give_the_same_counts(monkeypatch):
    # Many groups: the neighbours per actor and group come from sparse tables instead
    # of the dense one; the counts must not change (12 teams, against the reference).
    rng = np.random.default_rng(5)
    n = 50
    sectors = {f"a{i}": s for i, s in enumerate(rng.choice(SECTORS, n))}
    edges = [(f"a{s}", f"a{t}") for s, t in rng.integers(0, n, (250, 2))]
    team = [f"t{t}" for t in rng.integers(0, 12, n)]
    monkeypatch.setattr(nb, "_MOST_CELLS", 0)
    for directed in (True, False):
        m = build(sectors, edges, directed=directed, team=team)
        np.testing.assert_array_equal(
            brokerage(m, by="team")[COLUMNS].to_numpy(dtype=float),
            reference_brokerage(m, "team")["raw"].to_numpy())

@pytest.mark.parametrize("seed", [0, 1, 2])
def test_triangles_are_every_triangle(seed):
    # a hub tied to half the actors, and random ties: against networkx's listing
    rng = np.random.default_rng(seed)
    n = 40
    rows = np.concatenate([np.zeros(20, dtype=np.int64), rng.integers(0, n, 150)])
    cols = np.concatenate([np.arange(1, 21), rng.integers(0, n, 150)])
    keep = rows != cols
    rows, cols = rows[keep], cols[keep]
    m = build({f"a{i}": "public" for i in range(n)},
              [(f"a{r}", f"a{c}") for r, c in zip(rows.tolist(), cols.tolist(), strict=True)])
    listed = nb._tie_triangles(m)  # actors' positions: a0 ... a39 in order
    found = {tuple(sorted(t)) for t in listed.tolist()}
    g = nx.Graph(list(zip(rows.tolist(), cols.tolist(), strict=True)))
    expected = {tuple(sorted(c)) for c in nx.enumerate_all_cliques(g) if len(c) == 3}
    assert found == expected
    assert len(listed) == len(expected)  # each once


def test_counts_are_kept_with_the_map(monkeypatch):
    m = build(ROLES_SECTORS, ROLES_EDGES)
    first = brokerage(m)
    monkeypatch.setattr(nb, "_listed_triangles", None)  # counting again would fail
    pd.testing.assert_frame_equal(brokerage(m), first)
    brokerage(m, stat="z")
    brokerage_summary(m)


# -- sna's numbers --------------------------------------------------------------------------------
def oracle_graphs():
    return json.loads(ORACLE.read_text(encoding="utf-8"))["graphs"]


def numbers(values) -> np.ndarray:
    special = {"NaN": np.nan, "Inf": np.inf, "-Inf": -np.inf}
    return np.array(pd.DataFrame(values).map(lambda v: special.get(v, v)), dtype=float)


def oracle_map(graph, parallel=False):
    edges = [tuple(e) for e in graph["edges"]]
    types = None
    if parallel:  # each tie twice, with another type: must count once
        types = ["partnership"] * len(edges) + ["information"] * len(edges)
        edges = edges + edges
    return build(dict(zip(graph["ids"], graph["classes"], strict=True)), edges,
                 directed=graph["directed"], types=types)


@pytest.mark.parametrize("parallel", [False, True])
@pytest.mark.parametrize("graph", oracle_graphs(), ids=lambda g: g["name"])
def test_equals_sna(graph, parallel):
    assert graph["columns"] == [SNA_NAMES[c] for c in COLUMNS]
    m = oracle_map(graph, parallel)
    for stat, key in zip(STATS, ["raw_nli", "exp_nli", "sd_nli", "z_nli"], strict=True):
        got = brokerage(m, stat=stat).loc[graph["ids"], COLUMNS].to_numpy(dtype=float)
        np.testing.assert_allclose(got, numbers(graph[key]), rtol=1e-12, atol=1e-12,
                                   err_msg=f"{graph['name']} {stat}")
    summary = brokerage_summary(m)
    for column, key in zip(["raw", "expected", "sd", "z"],
                           ["raw_gli", "exp_gli", "sd_gli", "z_gli"], strict=True):
        np.testing.assert_allclose(summary[column].to_numpy(dtype=float),
                                   numbers([graph[key]])[0], rtol=1e-12, atol=1e-12,
                                   err_msg=f"{graph['name']} {column}")


def test_oracle_covers_the_cases():
    graphs = {g["name"]: g for g in oracle_graphs()}
    assert any(g["directed"] for g in graphs.values())
    assert any(not g["directed"] for g in graphs.values())
    assert any(a == b for g in graphs.values() for a, b in g["edges"])  # loops
    raw = numbers(graphs["roles_directed"]["raw_nli"])
    assert (raw[:, :5].sum(axis=0) > 0).all()  # every role
    assert (raw.sum(axis=1) == 0).any()  # an isolate


# -- the slow reference on generated maps ---------------------------------------------------------
SECTORS = ["public", "business", "third", "academia", "philanthropy"]


@st.composite
def maps(draw):
    n = draw(st.integers(1, 9))
    ids = [f"a{i}" for i in range(n)]
    sectors = draw(st.lists(st.sampled_from(SECTORS), min_size=n, max_size=n))
    teams = draw(st.lists(st.integers(0, 6), min_size=n, max_size=n))
    edges = draw(st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids)),
                          max_size=3 * n))
    types = draw(st.lists(st.sampled_from(["partnership", "funding"]),
                          min_size=len(edges), max_size=len(edges)))
    directed = draw(st.booleans())
    return build(dict(zip(ids, sectors, strict=True)), edges, directed=directed,
                 types=types, team=[f"t{t}" for t in teams])


@pytest.mark.slow
@settings(max_examples=50, deadline=None)
@given(maps(), st.sampled_from(["sector", "team"]))
def test_equals_the_reference(m, by):
    ref = reference_brokerage(m, by)
    for stat in STATS:
        got = brokerage(m, by=by, stat=stat)[COLUMNS].to_numpy(dtype=float)
        np.testing.assert_allclose(got, ref[stat].to_numpy(), rtol=1e-12, atol=1e-12,
                                   err_msg=stat)
    np.testing.assert_allclose(brokerage_summary(m, by=by).to_numpy(dtype=float),
                               ref["summary"].to_numpy(), rtol=1e-12, atol=1e-12)


def test_equals_the_reference_with_many_groups():
    rng = np.random.default_rng(11)
    n = 50
    sectors = {f"a{i}": s for i, s in enumerate(rng.choice(SECTORS, n))}
    edges = [(f"a{s}", f"a{t}") for s, t in rng.integers(0, n, (250, 2))]
    team = [f"t{t}" for t in rng.integers(0, 12, n)]
    for directed in (True, False):
        m = build(sectors, edges, directed=directed, team=team)
        ref = reference_brokerage(m, "team")
        for stat in STATS:
            np.testing.assert_allclose(
                brokerage(m, by="team", stat=stat)[COLUMNS].to_numpy(dtype=float),
                ref[stat].to_numpy(), rtol=1e-12, atol=1e-12)
        np.testing.assert_allclose(brokerage_summary(m, by="team").to_numpy(dtype=float),
                                   ref["summary"].to_numpy(), rtol=1e-12, atol=1e-12)


# -- invariants ------------------------------------------------------------------------------
def open_two_paths(m) -> int:
    """Ordered (i, j, k), i != k, with i -> j -> k and no i -> k, from a dense matrix."""
    a = (m.arrays.adjacency().toarray() > 0).astype(np.int64)
    np.fill_diagonal(a, 0)
    through = a @ a  # [i, k]: brokers j with i -> j -> k
    np.fill_diagonal(through, 0)
    return int((through * (1 - a)).sum())


@pytest.mark.slow
@settings(max_examples=30, deadline=None)
@given(maps(), st.randoms(use_true_random=False))
def test_invariants(m, rnd):
    raw = brokerage(m)
    assert (raw[list(ROLES)].sum(axis=1) == raw["total"]).all()
    assert int(raw["total"].sum()) == open_two_paths(m)
    assert brokerage_summary(m)["raw"].tolist() == raw[COLUMNS].sum().tolist()
    if not m.directed:
        assert (raw["representative"] == raw["gatekeeper"]).all()
    sd = brokerage(m, stat="sd")[COLUMNS].to_numpy()
    z = brokerage(m, stat="z")[COLUMNS].to_numpy()
    assert np.isfinite(z[sd > 0]).all()

    # relabel and reorder the actors and the ties: nothing changes
    actors = m.actors.reset_index()[["id", "sector", "team"]]
    ties = m.ties[["source", "target", "type"]]
    new = {old: f"x{i}" for i, old in enumerate(rnd.sample(list(actors["id"]),
                                                           len(actors)))}
    actors = actors.assign(id=actors["id"].map(new)).sample(frac=1, random_state=1)
    ties = ties.assign(source=ties["source"].map(new), target=ties["target"].map(new))
    ties = ties.sample(frac=1, random_state=2)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", netmap.DataWarning)
        m2 = netmap.from_frames(actors, ties, directed=m.directed)
    for stat in ["raw", "z"]:
        before = brokerage(m, stat=stat)
        after = brokerage(m2, stat=stat).loc[before.index.map(new)]
        np.testing.assert_allclose(after[COLUMNS].to_numpy(dtype=float),
                                   before[COLUMNS].to_numpy(dtype=float), rtol=1e-12)
        assert (after["group"].astype(str).to_numpy()
                == before["group"].astype(str).to_numpy()).all()
    pd.testing.assert_frame_equal(brokerage_summary(m2), brokerage_summary(m),
                                  rtol=1e-12)
