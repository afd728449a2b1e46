"""Structural holes: hand-computed maps, the slow reference, networkx and igraph."""

import math

import networkx as nx
import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp
from hypothesis import given, settings
from hypothesis import strategies as st

import netmap
from conftest import require
from netmap.measures.holes import structural_holes
from reference_holes import structural_holes as reference
from tie_maps import TYPES, build, make_map, relabelled

COLUMNS = ["constraint", "effective_size", "efficiency"]
# Every test on both paths of the triangles' masked product (GraphBLAS and scipy).
pytestmark = pytest.mark.usefixtures("masked_product")



@st.composite
def tie_lists(draw, max_actors=9, max_ties=24):
    """Small maps with self-ties, parallel ties, reciprocal ties and isolates."""
    n = draw(st.integers(1, max_actors))
    names = [f"a{i}" for i in range(n)]
    pairs = draw(st.lists(st.tuples(st.sampled_from(names), st.sampled_from(names)),
                          max_size=max_ties))
    types = draw(st.lists(st.sampled_from(TYPES), min_size=len(pairs),
                          max_size=len(pairs)))
    weights = draw(st.lists(st.sampled_from([0.5, 1.0, 2.0, 3.25]), min_size=len(pairs),
                            max_size=len(pairs)))
    return names, pairs, types, weights, draw(st.booleans())



def simple_graph(m):
    """networkx's view of the map, without the self-loops netmap ignores."""
    G = m.to_networkx()
    G.remove_edges_from(list(nx.selfloop_edges(G)))
    return G


def row(frame, actor):
    return frame.loc[actor, COLUMNS].to_numpy(dtype=float)


# -- hand-computed values -------------------------------------------------------


def test_triangle():
    h = structural_holes(make_map([("a", "b"), ("b", "c"), ("c", "a")]))
    # p = 1/2 to each contact, plus 1/2 * 1/2 through the other: 2 * (3/4)^2.
    for actor in "abc":
        np.testing.assert_allclose(row(h, actor), [9 / 8, 1.0, 0.5])


def test_star():
    h = structural_holes(make_map([("hub", "x"), ("hub", "y"), ("hub", "z")]))
    np.testing.assert_allclose(row(h, "hub"), [1 / 3, 3.0, 1.0])
    np.testing.assert_allclose(row(h, "x"), [1.0, 1.0, 1.0])


def test_path_and_isolate():
    m = make_map([("a", "b"), ("b", "c")], actors=["a", "b", "c", "alone"])
    h = structural_holes(m)
    np.testing.assert_allclose(row(h, "b"), [0.5, 2.0, 1.0])
    np.testing.assert_allclose(row(h, "a"), [1.0, 1.0, 1.0])
    assert h.loc["alone"].isna().all()


def test_self_ties_are_ignored():
    plain = structural_holes(make_map([("a", "b"), ("b", "c")]))
    looped = structural_holes(make_map([("a", "b"), ("b", "c"), ("b", "b"), ("a", "a")]))
    pd.testing.assert_frame_equal(plain, looped)
    only_loop = structural_holes(make_map([("a", "b"), ("c", "c")]))
    assert only_loop.loc["c"].isna().all()


def test_parallel_ties_make_one_contact_or_add_their_weights():
    ties = [("a", "b"), ("a", "b"), ("b", "c")]
    types = ["partnership", "funding", "partnership"]
    weights = [1.0, 2.0, 1.0]
    m = make_map(ties, types=types, weights=weights)
    assert m.n_ties == 3
    pd.testing.assert_frame_equal(structural_holes(m),
                                  structural_holes(make_map([("a", "b"), ("b", "c")])))
    h = structural_holes(m, weight="weight")
    # b invests 3/4 in a and 1/4 in c, who are not tied: 9/16 + 1/16.
    np.testing.assert_allclose(row(h, "b"), [10 / 16, 2.0, 1.0])


def test_directed_reciprocal_ties_count_both_ways():
    h = structural_holes(make_map([("a", "b"), ("b", "a"), ("a", "c")], directed=True))
    # a's mutual weights: 2 with b, 1 with c.
    np.testing.assert_allclose(row(h, "a"), [4 / 9 + 1 / 9, 2.0, 1.0])
    np.testing.assert_allclose(row(h, "b"), [1.0, 1.0, 1.0])


def test_directed_triangle():
    h = structural_holes(make_map([("a", "b"), ("a", "c"), ("b", "c")], directed=True))
    np.testing.assert_allclose(row(h, "a"), [9 / 8, 1.0, 0.5])


def test_weighted_redundancy_uses_the_contacts_strongest_tie():
    # a-b weighs 2, a-c and b-c weigh 1. For a: p_ab = 2/3, p_ac = 1/3;
    # m_bc = 1/2 (b's strongest tie is to a), m_cb = 1.
    m = make_map([("a", "b"), ("a", "c"), ("b", "c")], weights=[2.0, 1.0, 1.0])
    h = structural_holes(m, weight="weight")
    effective = (1 - 1 / 3 * 1 / 2) + (1 - 2 / 3 * 1)
    assert h.loc["a", "effective_size"] == pytest.approx(effective)
    G = simple_graph(m)
    assert nx.effective_size(G, nodes=["a"], weight="weight")["a"] == pytest.approx(effective)


def test_result_shape_and_order():
    m = netmap.datasets.load_2x5()
    h = structural_holes(m)
    assert list(h.columns) == COLUMNS
    assert h.index.name == "id"
    assert h.index.equals(m.actors.index)
    assert h.dtypes.eq("float64").all()


def test_empty_map():
    m = make_map([], actors=["a"])
    h = structural_holes(m)
    assert h.loc["a"].isna().all()


def test_bad_arguments_raise_netmap_errors():
    m = make_map([("a", "b"), ("b", "c")], weights=[1.0, -2.0])
    with pytest.raises(netmap.InvalidValueError, match="weight=None"):
        structural_holes(m, weight="weight")
    with pytest.raises(netmap.ParameterError, match="weight='trust' is not allowed: use None"):
        structural_holes(m, weight="trust")
    assert structural_holes(m).notna().all().all()  # weights unused


def test_triangles_fed_in_steps_give_the_same_values(monkeypatch):
    rng = np.random.default_rng(3)
    names = [f"a{i}" for i in range(40)]
    pairs = {tuple(sorted(p)) for p in rng.integers(0, 40, (300, 2)).tolist() if p[0] != p[1]}
    ties = pd.DataFrame([(names[a], names[b]) for a, b in sorted(pairs)],
                        columns=["source", "target"])
    actors = pd.DataFrame({"id": names, "sector": "public"})
    whole = structural_holes(netmap.from_frames(actors, ties))
    monkeypatch.setattr("netmap.measures.holes._TRIANGLES_PER_STEP", 7)
    pd.testing.assert_frame_equal(structural_holes(netmap.from_frames(actors, ties)), whole,
                                  rtol=1e-12)


def test_no_dense_matrix_for_a_large_sparse_map():
    n = 150_000  # a dense n x n matrix would need 180 GB
    names = [f"a{i}" for i in range(n)]
    ties = pd.DataFrame({"source": names[:-1:1000], "target": names[1::1000]})
    actors = pd.DataFrame({"id": names, "sector": "public"})
    h = structural_holes(netmap.from_frames(actors, ties))
    assert h["constraint"].notna().sum() == 2 * len(ties)


# -- the slow reference, networkx and igraph --------------------------------------


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(tie_lists(), st.sampled_from([None, "weight"]))
def test_fast_path_equals_the_reference(data, weight):
    m = build(data)
    pd.testing.assert_frame_equal(structural_holes(m, weight=weight),
                                  reference(m, weight=weight), rtol=1e-12, atol=1e-12)


@settings(max_examples=40, deadline=None)
@given(tie_lists(), st.sampled_from([None, "weight"]))
def test_equals_networkx(data, weight):
    m = build(data)
    h = structural_holes(m, weight=weight)
    G = simple_graph(m)
    constraint = nx.constraint(G, weight=weight)
    # nodes= takes networkx's per-node path: its all-nodes path normalises
    # by the wrong axis on weighted or directed graphs (networkx PR 8906).
    effective = nx.effective_size(G, nodes=list(G), weight=weight)
    if G.is_directed():
        # That path takes a node without out-edges for an isolate (it looks
        # at G[v], the successors); the reversed graph has the same mutual
        # weights and gives those nodes their value.
        reverse = nx.effective_size(G.reverse(), nodes=list(G), weight=weight)
        effective = {a: reverse[a] if G.out_degree(a) == 0 else e
                     for a, e in effective.items()}
    for actor in m.actors.index:
        contacts = len(set(nx.all_neighbors(G, actor)))
        expected = [constraint[actor], effective[actor],
                    effective[actor] / contacts if contacts else math.nan]
        np.testing.assert_allclose(row(h, actor), expected, rtol=1e-9, atol=1e-12)
    if not m.directed and weight is None:
        fast = nx.effective_size(G)
        np.testing.assert_allclose(h["effective_size"], [fast[a] for a in h.index],
                                   rtol=1e-9)
        degree = dict(G.degree)
        np.testing.assert_allclose(h["efficiency"],
                                   [fast[a] / degree[a] if degree[a] else math.nan
                                    for a in h.index], rtol=1e-9)


@settings(max_examples=30, deadline=None)
@given(tie_lists(), st.sampled_from([None, "weight"]))
def test_constraint_equals_igraph(data, weight):
    ig = require("igraph")
    m = build(data)
    G = simple_graph(m)
    nodes = list(G)
    g = ig.Graph(n=len(nodes), directed=G.is_directed(),
                 edges=[(nodes.index(u), nodes.index(v)) for u, v in G.edges])
    g.es["weight"] = [d["weight"] for *_, d in G.edges(data=True)]
    expected = g.constraint(weights="weight" if weight else None)
    np.testing.assert_allclose(structural_holes(m, weight=weight).loc[nodes, "constraint"],
                               expected, rtol=1e-9)


# -- invariants ---------------------------------------------------------------------


@pytest.mark.slow
@settings(max_examples=30, deadline=None)
@given(tie_lists(), st.sampled_from([None, "weight"]), st.randoms(use_true_random=False))
def test_relabelling_and_reordering_actors_changes_nothing(data, weight, rnd):
    m, m2, rename = relabelled(data, rnd)
    h = structural_holes(m, weight=weight)
    h2 = structural_holes(m2, weight=weight).loc[[rename[a] for a in h.index]]
    np.testing.assert_allclose(h2.to_numpy(), h.to_numpy(), rtol=1e-12)


@settings(max_examples=30, deadline=None)
@given(tie_lists(), st.sampled_from([None, "weight"]))
def test_ranges_and_isolates(data, weight):
    m = build(data)
    h = structural_holes(m, weight=weight)
    a = m.arrays.adjacency().tocoo()  # a copy without self-ties (the cached one is shared)
    off = a.row != a.col
    a = sp.csr_array((a.data[off], (a.row[off], a.col[off])), shape=a.shape)
    contacts = ((a + a.T) > 0).sum(axis=1)
    isolated = pd.Series(contacts == 0, index=h.index)
    assert h[isolated].isna().all().all()
    ok = h[~isolated]
    assert ok.notna().all().all()
    assert (ok["constraint"] > 0).all() and (ok["constraint"] <= 4).all()
    assert (ok["efficiency"] > 0).all() and (ok["efficiency"] <= 1 + 1e-12).all()
    assert (ok["effective_size"] >= 1 - 1e-12).all()
    assert (ok["effective_size"] <= contacts[~isolated.to_numpy()] + 1e-12).all()
