"""Centralities: hand-computed maps, networkx on generated maps, igraph and its fallback."""

import contextlib
import importlib
import random
import warnings

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netmap
from conftest import require
from netmap import MeasureError
from netmap.measures.centrality import centrality
from tie_maps import TYPES, build, make_map, relabelled

# The module itself: netmap may export the function under the same name.
module = importlib.import_module("netmap.measures.centrality")

UNDIRECTED = ["degree", "betweenness", "closeness", "eigenvector"]
DIRECTED = ["in_degree", "out_degree", *UNDIRECTED]
LIBRARIES = ["igraph", "networkx"]



def compute(m, **kwargs):
    """centrality(), quiet about the documented eigenvector warnings.

    They concern maps without a cycle (NaN) and directed maps where two
    cycles of equal strength feed one another (approximate values); the
    result's ``attrs["eigenvector_warned"]`` says whether one was raised.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("error")
        warnings.filterwarnings("always", message="eigenvector centrality",
                                category=netmap.NetmapWarning)
        result = centrality(m, **kwargs)
    result.attrs["eigenvector_warned"] = bool(caught)
    return result


@contextlib.contextmanager
def library(name):
    """Compute with igraph (required: skipped when not installed, failed under CI) or without."""
    with pytest.MonkeyPatch.context() as mp:
        if name == "igraph":
            require("igraph")
        else:
            mp.setattr(module, "_igraph", lambda: None)
        yield


@st.composite
def tie_lists(draw, simple=False, max_actors=9, max_ties=24):
    """Small maps; ``simple`` keeps one tie per pair (exact weighted path lengths)."""
    n = draw(st.integers(1, max_actors))
    names = [f"a{i}" for i in range(n)]
    directed = draw(st.booleans())
    pairs = draw(st.lists(st.tuples(st.sampled_from(names), st.sampled_from(names)),
                          max_size=max_ties))
    if simple:
        seen, kept = set(), []
        for s, t in pairs:
            key = (s, t) if directed else frozenset((s, t))
            if key not in seen:
                seen.add(key)
                kept.append((s, t))
        pairs = kept
    types = draw(st.lists(st.sampled_from(TYPES), min_size=len(pairs),
                          max_size=len(pairs)))
    # Powers of two: sums of 1 / weight along paths are exact, so that equal
    # paths tie for networkx (exact comparison) and igraph (tolerance) alike.
    weights = draw(st.lists(st.sampled_from([0.5, 1.0, 2.0, 4.0]), min_size=len(pairs),
                            max_size=len(pairs)))
    return names, pairs, types, weights, directed



def networkx_values(m, weight):
    """networkx's centralities of the map without self-loops; 1 / weight as length."""
    G = m.to_networkx()
    G.remove_edges_from(list(nx.selfloop_edges(G)))
    for _, _, data in G.edges(data=True):
        data["length"] = 1.0 / data["weight"]
    length = "length" if weight else None
    values = {}
    if G.is_directed():
        values["in_degree"] = nx.in_degree_centrality(G)
        values["out_degree"] = nx.out_degree_centrality(G)
    values["degree"] = nx.degree_centrality(G)
    values["betweenness"] = nx.betweenness_centrality(G, weight=length)
    values["closeness"] = nx.closeness_centrality(G, distance=length)
    connected = len(G) > 2 and (nx.is_strongly_connected(G) if G.is_directed()
                                else nx.is_connected(G))
    if connected:
        values["eigenvector"] = nx.eigenvector_centrality_numpy(G, weight=weight)
    return pd.DataFrame(values).loc[list(m.actors.index)]


def check_equal(ours, theirs):
    for column in theirs.columns:
        np.testing.assert_allclose(ours[column].to_numpy(dtype=float),
                                   theirs[column].to_numpy(dtype=float),
                                   rtol=1e-9, atol=1e-12, err_msg=column)


# -- hand-computed values -------------------------------------------------------


@pytest.mark.parametrize("name", LIBRARIES)
def test_star(name):
    with library(name):
        c = centrality(make_map([("hub", "x"), ("hub", "y"), ("hub", "z")]))
    np.testing.assert_allclose(c.loc["hub", UNDIRECTED], [1, 1, 1, 2 ** -0.5])
    np.testing.assert_allclose(c.loc["x", UNDIRECTED], [1 / 3, 0, 3 / 5, 6 ** -0.5])


@pytest.mark.parametrize("name", LIBRARIES)
def test_path_and_isolate(name):
    m = make_map([("a", "b"), ("b", "c")], actors=["a", "b", "c", "alone"])
    with library(name):
        c = centrality(m)
    np.testing.assert_allclose(c.loc["b", UNDIRECTED], [2 / 3, 1 / 3, 2 / 3, 2 ** -0.5])
    # a reaches 2 of 3 others at total distance 3: (2 / 3) * (2 / 3).
    np.testing.assert_allclose(c.loc["a", UNDIRECTED], [1 / 3, 0, 4 / 9, 0.5])
    np.testing.assert_allclose(c.loc["alone", UNDIRECTED], [0, 0, 0, 0])


def test_triangle():
    c = centrality(make_map([("a", "b"), ("b", "c"), ("c", "a")]))
    np.testing.assert_allclose(c[UNDIRECTED].to_numpy(),
                               [[1, 0, 1, 3 ** -0.5]] * 3)


def test_self_ties_and_parallel_ties():
    plain = centrality(make_map([("a", "b"), ("b", "c")]))
    m = make_map([("a", "b"), ("a", "b"), ("b", "c"), ("b", "b")],
                 types=["partnership", "funding", "partnership", "partnership"])
    pd.testing.assert_frame_equal(centrality(m), plain)


@pytest.mark.parametrize("name", LIBRARIES)
def test_directed_reciprocal_tie(name):
    m = make_map([("a", "b"), ("b", "a"), ("b", "c")], directed=True)
    with library(name):
        c = centrality(m)
    assert list(c.columns) == DIRECTED
    np.testing.assert_allclose(c["in_degree"], [0.5, 0.5, 0.5])
    np.testing.assert_allclose(c["out_degree"], [0.5, 1, 0])
    np.testing.assert_allclose(c["degree"], [1, 1.5, 0.5])
    np.testing.assert_allclose(c["betweenness"], [0, 0.5, 0])  # a -> b -> c
    np.testing.assert_allclose(c["closeness"], [0.5, 0.5, 2 / 3])  # inward
    np.testing.assert_allclose(c["eigenvector"], [3 ** -0.5] * 3)  # in-ties


@pytest.mark.parametrize("name", LIBRARIES)
def test_weight_is_strength(name):
    # Square a-b-c-d-a; a-b is two ties of weight 1 (strength 2), b-c weighs 2.
    ties = [("a", "b"), ("a", "b"), ("b", "c"), ("c", "d"), ("d", "a")]
    m = make_map(ties, weights=[1.0, 1.0, 2.0, 1.0, 1.0],
                 types=["partnership", "funding", "partnership", "partnership",
                        "partnership"])
    with library(name):
        plain = centrality(m)
        strong = centrality(m, weight="weight")
    np.testing.assert_allclose(plain["betweenness"], [1 / 6] * 4)
    # a-c is shorter through b (0.5 + 0.5) than through d (1 + 1); b-d ties.
    np.testing.assert_allclose(strong["betweenness"], [1 / 6, 1 / 3, 1 / 6, 0])
    # a's distances: b 0.5, c 1, d 1.
    assert strong.loc["a", "closeness"] == pytest.approx(3 / 2.5)
    assert strong.loc["b", "eigenvector"] > strong.loc["d", "eigenvector"]
    np.testing.assert_allclose(strong["degree"], plain["degree"])


def test_eigenvector_of_disconnected_maps():
    m = make_map([("a", "b"), ("c", "d")], actors=["a", "b", "c", "d", "e"])
    np.testing.assert_allclose(centrality(m)["eigenvector"], [0.5, 0.5, 0.5, 0.5, 0])
    # The triangle's leading eigenvalue (2) beats the pair's (1).
    m = make_map([("a", "b"), ("b", "c"), ("c", "a"), ("d", "e")])
    np.testing.assert_allclose(centrality(m)["eigenvector"], [3 ** -0.5] * 3 + [0, 0],
                               atol=1e-12)
    # Two separate directed cycles: power iteration from equal scores.
    m = make_map([("a", "b"), ("b", "a"), ("c", "d"), ("d", "c")], directed=True)
    np.testing.assert_allclose(centrality(m)["eigenvector"], [0.5] * 4)


@pytest.mark.parametrize("directed", [False, True])
def test_eigenvector_undefined_warns_and_is_nan(directed):
    ties = [("a", "b"), ("b", "c")] if directed else []
    m = make_map(ties, directed=directed, actors=["a", "b", "c"])
    with pytest.warns(netmap.NetmapWarning, match="eigenvector centrality is undefined"):
        c = centrality(m)
    assert c["eigenvector"].isna().all()
    assert c.drop(columns="eigenvector").notna().all().all()


def test_single_actor_and_empty_map():
    c = compute(make_map([], actors=["a"]))
    assert c.loc["a", ["degree", "betweenness", "closeness"]].tolist() == [1, 0, 0]
    empty = pd.DataFrame({"id": pd.Series([], dtype=str), "sector": pd.Series([], dtype=str)})
    c = centrality(netmap.from_frames(empty))
    assert list(c.columns) == UNDIRECTED and len(c) == 0


def test_result_shape_and_order():
    m = netmap.datasets.load_2x5()
    c = centrality(m)
    assert c.index.name == "id"
    assert c.index.equals(m.actors.index)
    assert c.dtypes.eq("float64").all()
    assert c.attrs["betweenness_sampled"] is None


def test_bad_arguments_raise_netmap_errors():
    m = make_map([("a", "b"), ("b", "c")], weights=[1.0, 0.0])
    with pytest.raises(netmap.InvalidValueError, match="positive tie weights"):
        centrality(m, weight="weight")
    with pytest.raises(netmap.ParameterError, match="weight='Weight' is not allowed: use None"):
        centrality(m, weight="Weight")
    for sample in (1, 2.5, True, "all"):
        # a ParameterError since 0.2 (an InvalidValueError before): an argument, not data
        with pytest.raises(netmap.ParameterError, match="betweenness_sample="):
            centrality(m, betweenness_sample=sample)


# -- networkx on generated maps ------------------------------------------------------


@pytest.mark.parametrize("name", LIBRARIES)
@settings(max_examples=40, deadline=None)
@given(data=tie_lists())
def test_unweighted_equals_networkx(name, data):
    m = build(data)
    with library(name):
        ours = compute(m)
    check_equal(ours, networkx_values(m, None))


@pytest.mark.parametrize("name", LIBRARIES)
@settings(max_examples=40, deadline=None)
@given(data=tie_lists(simple=True))
def test_weighted_equals_networkx(name, data):
    m = build(data)
    with library(name):
        ours = compute(m, weight="weight")
    check_equal(ours, networkx_values(m, "weight"))


@pytest.mark.parametrize("name", LIBRARIES)
@settings(max_examples=30, deadline=None)
@given(data=tie_lists(max_actors=12), k=st.integers(2, 11), seed=st.integers(0, 99))
def test_sampled_betweenness_equals_networkx_with_the_same_pivots(name, data, k, seed):
    m = build(data)
    G = m.to_networkx()
    G.remove_edges_from(list(nx.selfloop_edges(G)))
    if k >= len(G):
        return
    expected = nx.betweenness_centrality(G, k=k, seed=seed)
    # networkx draws its pivots with random.Random(seed).sample(list(G), k).
    chosen = random.Random(seed).sample(list(G), k)
    pivots = np.sort(m.actors.index.get_indexer(chosen))
    with library(name), pytest.MonkeyPatch.context() as mp:
        mp.setattr(module, "_pivots", lambda n, sample, seed: pivots)
        ours = compute(m, betweenness_sample=k)
    np.testing.assert_allclose(ours["betweenness"], [expected[a] for a in ours.index],
                               rtol=1e-9, atol=1e-12)
    assert ours.attrs["betweenness_sampled"] == k


def test_igraph_and_fallback_agree_on_the_sample():
    require("igraph")
    m = netmap.datasets.load_2x5()
    with library("networkx"):
        fallback = centrality(m)
    pd.testing.assert_frame_equal(centrality(m), fallback, rtol=1e-9, atol=1e-12)


def test_weighted_near_ties_igraph_tolerates_networkx_compares_exactly():
    # a-c directly at length 1/5, or through b at 1/6 + 1/30: the same length,
    # though the floating-point sum is 0.19999999999999998 (documented).
    require("igraph")
    m = make_map([("a", "c"), ("a", "b"), ("b", "c")], weights=[5.0, 6.0, 30.0])
    assert 1 / 6 + 1 / 30 != 1 / 5
    tolerant = centrality(m, weight="weight")
    with library("networkx"):
        exact = centrality(m, weight="weight")
    assert tolerant.loc["b", "betweenness"] == pytest.approx(0.5)
    assert exact.loc["b", "betweenness"] == 1  # the sum is smaller by 3e-17
    pd.testing.assert_frame_equal(tolerant.drop(columns="betweenness"),
                                  exact.drop(columns="betweenness"), rtol=1e-9)


# -- sampling -------------------------------------------------------------------------


def test_sampling_is_seeded_and_reported():
    m = netmap.datasets.load_2x5()
    a = centrality(m, betweenness_sample=20, seed=1)
    b = centrality(m, betweenness_sample=20, seed=np.random.default_rng(1))
    c = centrality(m, betweenness_sample=20, seed=2)
    pd.testing.assert_series_equal(a["betweenness"], b["betweenness"])
    assert not a["betweenness"].equals(c["betweenness"])
    assert a.attrs["betweenness_sampled"] == 20
    pd.testing.assert_frame_equal(a.drop(columns="betweenness"),
                                  c.drop(columns="betweenness"))
    exact = centrality(m, betweenness_sample=m.n_actors)
    assert exact.attrs["betweenness_sampled"] is None
    pd.testing.assert_frame_equal(exact, centrality(m))


def test_large_maps_are_sampled_with_a_warning(monkeypatch):
    monkeypatch.setattr(module, "SAMPLE_ABOVE", 50)
    monkeypatch.setattr(module, "SAMPLE_PIVOTS", 30)
    m = netmap.datasets.load_2x5()
    with pytest.warns(netmap.NetmapWarning, match="estimated from 30 sampled actors"):
        c = centrality(m, seed=0)
    assert c.attrs["betweenness_sampled"] == 30
    exact = centrality(m, betweenness_sample=m.n_actors)
    assert np.corrcoef(c["betweenness"], exact["betweenness"])[0, 1] > 0.8


@pytest.mark.parametrize("name", ["igraph", "fallback"])
@pytest.mark.parametrize("directed", [False, True])
def test_sampled_closeness_is_near_exact_and_reported(name, directed):
    m = netmap.datasets.synthetic(1500, 9000, seed=3, directed=directed)
    with library(name):
        exact = centrality(m, measures=("closeness",))
        sampled = centrality(m, measures=("closeness",), closeness_sample=300, seed=1)
        again = centrality(m, measures=("closeness",), closeness_sample=300, seed=1)
        whole = centrality(m, measures=("closeness",), closeness_sample=m.n_actors)
    assert exact.attrs["closeness_sampled"] is None
    assert sampled.attrs["closeness_sampled"] == 300
    pd.testing.assert_frame_equal(sampled, again)
    pd.testing.assert_frame_equal(whole, exact)
    e, s = exact["closeness"].to_numpy(), sampled["closeness"].to_numpy()
    assert np.corrcoef(e, s)[0, 1] > 0.99
    reached = e > 0
    assert np.median(np.abs(s[reached] - e[reached]) / e[reached]) < 0.05


def test_closeness_of_large_maps_is_sampled_with_a_warning(monkeypatch):
    monkeypatch.setattr(module, "SAMPLE_ABOVE", 50)
    monkeypatch.setattr(module, "CLOSENESS_PIVOTS", 40)
    m = netmap.datasets.load_2x5()
    with pytest.warns(netmap.NetmapWarning, match="closeness of this map"):
        c = centrality(m, measures=("degree", "closeness"))
    assert c.attrs["closeness_sampled"] == 40
    assert c.attrs["betweenness_sampled"] is None


# -- invariants ---------------------------------------------------------------------


@pytest.mark.slow
@settings(max_examples=40, deadline=None)
@given(data=tie_lists(), weight=st.sampled_from([None, "weight"]),
       rnd=st.randoms(use_true_random=False))
def test_relabelling_and_reordering_actors_changes_nothing(data, weight, rnd):
    m, m2, rename = relabelled(data, rnd)
    c = compute(m, weight=weight)
    c2 = compute(m2, weight=weight).loc[[rename[a] for a in c.index]]
    np.testing.assert_allclose(c2.drop(columns="eigenvector").to_numpy(),
                               c.drop(columns="eigenvector").to_numpy(), rtol=1e-9, atol=1e-12)
    if not (c.attrs["eigenvector_warned"] or c2.attrs["eigenvector_warned"]):
        # Two equal cycles, one feeding the other, leave ARPACK 1e-8 precise.
        np.testing.assert_allclose(c2["eigenvector"], c["eigenvector"], atol=1e-7)


@settings(max_examples=40, deadline=None)
@given(data=tie_lists())
def test_ranges(data):
    m = build(data)
    c = compute(m)
    assert ((c["betweenness"] >= 0) & (c["betweenness"] <= 1 + 1e-12)).all()
    assert ((c["closeness"] >= 0) & (c["closeness"] <= 1 + 1e-12)).all()
    degree_max = 2 if m.directed else 1
    assert ((c["degree"] >= 0) & (c["degree"] <= degree_max)).all()
    eigenvector = c["eigenvector"]
    if eigenvector.notna().any():
        assert ((eigenvector >= 0) & (eigenvector <= 1 + 1e-12)).all()
        assert np.linalg.norm(eigenvector) == pytest.approx(1)


def test_measures_selects_columns_and_values_do_not_change():
    sample = netmap.datasets.load_2x5()
    full = centrality(sample)
    part = centrality(sample, measures=("closeness", "degree"))
    assert list(part.columns) == ["closeness", "degree"]
    pd.testing.assert_frame_equal(part, full[["closeness", "degree"]])
    assert part.attrs["betweenness_sampled"] is None
    directed = make_map([("a", "b"), ("b", "c")], directed=True)
    assert list(centrality(directed, measures=("degree",)).columns) == [
        "in_degree", "out_degree", "degree"]
    with pytest.raises(MeasureError, match=r"measures=\('pagerank',\) is not allowed"):
        centrality(sample, measures=("pagerank",))
    with pytest.raises(MeasureError, match="name at least one"):
        centrality(sample, measures=())
