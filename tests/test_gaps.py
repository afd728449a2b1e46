"""Sector cut-points, under-connected sector pairs and candidate introductions."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netmap
from structure_maps import build


def bridge_map(second_bridge=False):
    """Public p1-p2 and business b1-b2 joined only through the third-sector actor t."""
    sectors = {"p1": "public", "p2": "public", "t": "third", "b1": "business",
               "b2": "business"}
    edges = [("p1", "p2"), ("p2", "t"), ("t", "b1"), ("b1", "b2")]
    if second_bridge:
        edges.append(("p1", "b2"))
    return build(sectors, edges)


def test_cut_point_present():
    table = netmap.sector_cut_points(bridge_map())
    # removing t cuts public from business (third is gone with it: only actor);
    # removing p2 cuts public from third and business; removing b1 likewise for business
    assert set(table.index) == {"t", "p2", "b1"}
    assert table.loc["t", "pairs"] == (("public", "business"),)
    assert table.loc["t", "groups_cut_off"] == ("public", "business")
    assert table.loc["p2", "pairs_cut"] == 2
    assert set(table.loc["p2", "pairs"]) == {("public", "third"), ("public", "business")}
    assert table.loc["p2", "groups_cut_off"] == ("public",)  # p1 is left alone
    assert table.loc[table.index[0], "pairs_cut"] == 2


def test_cut_point_absent():
    assert netmap.sector_cut_points(bridge_map(second_bridge=True)).loc[
        lambda t: t["pairs_cut"] > 0].index.tolist() == []


def test_only_contact_of_a_sector_is_a_cut():
    # p1 is the only public actor tied to business, though not an articulation point
    m = build({"p1": "public", "p2": "public", "b1": "business", "b2": "business"},
              [("p1", "b1"), ("b1", "b2"), ("b2", "p1")])
    table = netmap.sector_cut_points(m)
    assert table.index.tolist() == ["p1"]
    assert table.loc["p1", "groups_cut_off"] == ("public", "business")


def test_leaf_of_its_own_sector_is_not_a_cut():
    # hub h (public) with a leaf l (public) and a business actor b: removing h leaves
    # l alone, but public is still... l cannot reach b: public-business lost
    m = build({"h": "public", "l": "public", "b": "business"}, [("h", "l"), ("h", "b")])
    table = netmap.sector_cut_points(m)
    assert table.index.tolist() == ["h"]
    # a sector whose only actor is removed is gone, not cut off
    m2 = build({"h": "public", "b": "business", "c": "business"},
               [("h", "b"), ("h", "c")])
    assert netmap.sector_cut_points(m2).empty


def test_under_connected_both_ways():
    # two dense sectors with a single tie between them: under-connected
    sectors = {f"p{i}": "public" for i in range(6)} | {f"b{i}": "business"
                                                        for i in range(6)}
    edges = [(f"p{i}", f"p{j}") for i in range(6) for j in range(i + 1, 6)]
    edges += [(f"b{i}", f"b{j}") for i in range(6) for j in range(i + 1, 6)]
    edges.append(("p0", "b0"))
    table = netmap.under_connected(build(sectors, edges), permutations=199, seed=1)
    row = table.loc[("public", "business")]
    assert row["observed"] == 1 and row["under_connected"]
    assert row["p_value"] == pytest.approx(1 / 200)
    # untied pairs with a common neighbour: p0's neighbours b1..b5 are 2 steps from
    # p0? no: p_i (i>0) - p0 - b0 and p0 - b0 - b_j: 5 + 5 pairs
    assert row["two_step"] == 10
    # a random-looking mix of ties between the sectors is not under-connected
    mixed = [(f"p{i}", f"b{(i + k) % 6}") for i in range(6) for k in range(3)]
    table2 = netmap.under_connected(build(sectors, mixed), permutations=199, seed=1)
    assert not table2.loc[("public", "business"), "under_connected"]
    assert np.isnan(table2.loc[("public", "business"), "two_step"])


def test_permutation_expectation_by_hand():
    # 2 public, 2 business, one tie: under label shuffling the tie is cross-sector with
    # probability 4/6 (pairs of actors with different labels out of 6)
    m = build({"a": "public", "b": "public", "c": "business", "d": "business"},
              [("a", "b")])
    table = netmap.under_connected(m, permutations=4000, seed=2)
    assert table.loc[("public", "business"), "expected"] == pytest.approx(2 / 3, abs=0.03)
    assert table.loc[("public", "business"), "p_value"] == pytest.approx(1 / 3, abs=0.03)
    with pytest.raises(netmap.MeasureError):
        netmap.under_connected(m, permutations=0)
    with pytest.raises(netmap.MeasureError):
        netmap.under_connected(m, alpha=1.5)


def test_introductions_by_hand():
    m = bridge_map()
    table = netmap.introductions(m, ("public", "business"))
    # p2 and b1 share t; p1 and b2 share nobody
    assert table[["actor_a", "actor_b", "common"]].values.tolist() == [["p2", "b1", 1]]
    assert table.loc[0, "via"] == ("t",)
    with pytest.raises(netmap.ParameterError, match="two different 'sector' groups of the map"):
        netmap.introductions(m, ("public", "army"))
    with pytest.raises(netmap.ParameterError, match="two different 'sector' groups"):
        netmap.introductions(m, ("public", "public"))  # would pair each actor with itself


def _introductions_from_the_definition(m, a, b):
    """Every untied (i, k) of groups a and b with a common neighbour, ties either way.

    Sorted by common neighbours (most first), then by the actors' order
    in the map; each with its common neighbours, most ties first.
    """
    ids = list(m.arrays.ids)
    pos = {v: i for i, v in enumerate(ids)}
    near = {v: set() for v in ids}
    for s, t in zip(m.ties["source"], m.ties["target"], strict=True):
        if s != t:
            near[s].add(t)
            near[t].add(s)
    sector = m.actors["sector"]
    rows = []
    for i in (v for v in ids if sector[v] == a):
        for k in (v for v in ids if sector[v] == b):
            shared = near[i] & near[k]
            if shared and k not in near[i]:
                via = tuple(sorted(shared, key=lambda v: (-len(near[v]), pos[v])))
                rows.append((i, k, len(shared), via))
    return sorted(rows, key=lambda r: (-r[2], pos[r[0]], pos[r[1]]))


@pytest.mark.parametrize("directed", [False, True])
def test_introductions_match_the_definition(directed):
    # many pairs share the same count, so the first `top` cut through ties of the count
    m = netmap.datasets.synthetic(300, 1500, seed=5, directed=directed)
    for a, b in [("public", "business"), ("third", "public")]:
        expected = _introductions_from_the_definition(m, a, b)
        assert len(expected) > 100
        assert sum(r[2] == expected[30][2] for r in expected) > 2  # a tie across the cut
        for top in (1, 7, 30, len(expected) - 1, len(expected), None):
            table = netmap.introductions(m, (a, b), top=top)
            rows = [tuple(r) for r in table[["actor_a", "actor_b", "common", "via"]].values]
            assert rows == expected[:top], top


@pytest.mark.parametrize("chunk", [1, 7, 1 << 21])
def test_introductions_common_neighbours_in_chunks(monkeypatch, chunk):
    # the common neighbours are gathered from the two-paths a chunk at a time; any chunk
    # (one two-path, a few, all) lists every pair's neighbours as the definition does
    from netmap.structure import gaps

    monkeypatch.setattr(gaps, "_VIA_CHUNK", chunk)
    m = netmap.datasets.synthetic(200, 1000, seed=8, directed=True)
    expected = _introductions_from_the_definition(m, "business", "third")
    for top in (3, None):
        table = netmap.introductions(m, ("business", "third"), top=top)
        rows = [tuple(r) for r in table[["actor_a", "actor_b", "common", "via"]].values]
        assert rows == expected[:top]
        assert table["name_a"].tolist() == m.actors["name"].reindex(table["actor_a"]).tolist()


def test_sample_gaps():
    m = netmap.datasets.load_2x5()
    table = netmap.under_connected(m, seed=1)
    assert table.loc[("public", "business"), "under_connected"]
    assert table["p_value"].between(0, 1).all()
    intro = netmap.introductions(m, ("public", "business"), top=5)
    assert len(intro) == 5 and (intro["common"].diff().dropna() <= 0).all()


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 9), st.integers(0, 9)), max_size=22),
       st.lists(st.sampled_from(["public", "business", "third"]), min_size=10,
                max_size=10))
def test_cut_points_match_brute_force(edges, sectors):
    import networkx as nx

    ids = [f"a{i}" for i in range(10)]
    m = build(dict(zip(ids, sectors, strict=True)), [(ids[s], ids[t]) for s, t in edges])
    g = nx.Graph()
    g.add_nodes_from(ids)
    g.add_edges_from((ids[s], ids[t]) for s, t in edges if s != t)
    sector = dict(zip(ids, sectors, strict=True))

    def joined(graph):
        out = set()
        for comp in nx.connected_components(graph):
            present = {sector[a] for a in comp}
            out |= {(x, y) for x in present for y in present if x != y}
        return out

    before = joined(g)
    expected = {}
    for v in ids:
        h = g.copy()
        h.remove_node(v)
        left = {sector[a] for a in h}
        lost = {frozenset(p) for p in before - joined(h) if p[0] in left and p[1] in left}
        if lost:
            expected[v] = lost
    table = netmap.sector_cut_points(m)
    assert {v: {frozenset(p) for p in pairs} for v, pairs in table["pairs"].items()} == \
        expected


@pytest.mark.parametrize("directed", [False, True])
def test_two_step_counts_the_candidate_introductions(directed):
    # under_connected counts the two-step pairs from the symbolic product less the ties
    # of a triangle; introductions lists them from the full product less the tied pairs
    m = netmap.datasets.synthetic(600, 2400, seed=11, directed=directed)
    table = netmap.under_connected(m, permutations=99, seed=3, alpha=0.99)
    counted = table[table["under_connected"]]
    assert len(counted) >= 10
    for (a, b), row in counted.iterrows():
        listed = netmap.introductions(m, (a, b), top=None)
        assert row["two_step"] == len(listed)


def test_product_entries_count_the_product():
    import scipy.sparse as sp

    from netmap.structure.gaps import _product_entries

    draw = np.random.default_rng(4)

    def zero_one(rows, cols):  # scipy's random_array is 1.15 and later; the lowest is 1.11
        return sp.csr_array((draw.random((rows, cols)) < 0.2).astype(np.float64))

    counted = []
    for shape in [(30, 40, 25), (1, 5, 1), (20, 1, 20)]:
        left, right = zero_one(*shape[:2]), zero_one(*shape[1:])
        counted.append(_product_entries(left, right))
        assert counted[-1] == (left @ right).nnz
    assert counted[0] > 100  # the product of the first pair is far from empty
    empty = sp.csr_array((3, 4))
    assert _product_entries(empty, sp.csr_array((4, 2))) == 0
