"""Single-sector clusters and communities: hand-built maps, both outcomes, the sample."""

import random

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netmap
from conftest import require
from netmap.structure import clusters
from structure_maps import build


def coalition_map(extra_outside=0):
    """b1..b4 business, tied in a ring and a chord (5 internal ties); each of b1, b2
    has one tie to the public actor p; t1..t3 third, a path (2 ties) plus a tie to p;
    ``extra_outside`` more ties from b3 to third actors."""
    sectors = {"b1": "business", "b2": "business", "b3": "business", "b4": "business",
               "p": "public", "t1": "third", "t2": "third", "t3": "third"}
    edges = [("b1", "b2"), ("b2", "b3"), ("b3", "b4"), ("b4", "b1"), ("b1", "b3"),
             ("b1", "p"), ("b2", "p"), ("t1", "t2"), ("t2", "t3"), ("t3", "p")]
    edges += [("b3", t) for t in ("t1", "t2", "t3")[:extra_outside]]
    mem = [(b, "coalition") for b in ("b1", "b2", "b3", "b4", "p")]
    return build(sectors, edges, memberships=mem)


def test_cluster_by_hand():
    table = netmap.single_sector_clusters(coalition_map())
    row = table.iloc[0]
    assert row["sector"] == "business"
    assert row["members"] == ("b1", "b2", "b3", "b4")
    assert row["internal_ties"] == 5 and row["external_ties"] == 2
    assert row["density"] == pytest.approx(5 / 6)
    assert row["internal_share"] == pytest.approx(5 / 7)
    assert row["body"] == "coalition"
    assert row["body_overlap"] == pytest.approx(4 / 5)
    # third: t1 (1 tie, inside), t2 (2, inside), t3 (2 ties, 1 inside = 0.5): 3 actors,
    # 2 internal and 1 external tie
    third = table[table["sector"] == "third"].iloc[0]
    assert third["members"] == ("t1", "t2", "t3")
    assert third["body"] is None and third["body_overlap"] == 0.0


def test_no_cluster_when_ties_run_outside():
    # b3 gets three ties to the third sector: 3 of its 6 ties stay inside (0.5, inward),
    # but the cluster's share falls to 5 / 10 = 0.5, still "mostly"? no: min_share=0.6
    table = netmap.single_sector_clusters(coalition_map(extra_outside=3), min_share=0.6)
    assert "business" not in set(table["sector"])
    assert not netmap.single_sector_clusters(coalition_map(), min_size=5).size


def test_inward_threshold_excludes_brokers():
    sectors = {"a": "third", "b": "third", "c": "third", "hub": "third",
               "x": "public", "y": "business", "z": "academia"}
    edges = [("a", "b"), ("b", "c"), ("c", "a"), ("hub", "a"), ("hub", "x"),
             ("hub", "y"), ("hub", "z")]
    table = netmap.single_sector_clusters(build(sectors, edges))
    assert table["members"].tolist() == [("a", "b", "c")]
    assert table.iloc[0]["external_ties"] == 1


def test_split_and_errors():
    # two triangles of one sector joined by one tie: one component, two communities
    sectors = {f"n{i}": "third" for i in range(6)}
    edges = [("n0", "n1"), ("n1", "n2"), ("n2", "n0"), ("n3", "n4"), ("n4", "n5"),
             ("n5", "n3"), ("n2", "n3")]
    m = build(sectors, edges)
    assert len(netmap.single_sector_clusters(m)) == 1
    split = netmap.single_sector_clusters(m, split=True, seed=0)
    assert sorted(split["members"]) == [("n0", "n1", "n2"), ("n3", "n4", "n5")]
    with pytest.raises(netmap.MeasureError):
        netmap.single_sector_clusters(m, min_share=1.5)
    with pytest.raises(netmap.MeasureError):
        netmap.single_sector_clusters(m, min_size=0)


def _clusters_from_the_definition(m, min_size, min_share):
    """Single-sector clusters in plain Python: inward actors, their same-sector components.

    An actor is inward when at least ``min_share`` of its ties (self-ties
    left out, direction ignored) join its own sector; the components of
    the same-sector ties between inward actors are kept when they have
    ``min_size`` members and at least ``min_share`` of the ties touching
    them are inside. Largest first, then by first member.
    """
    ids = list(m.arrays.ids)
    sector = {v: m.actors.loc[v, "sector"] for v in ids}
    ties = [(s, t) for s, t in zip(m.ties["source"], m.ties["target"], strict=True) if s != t]
    degree = dict.fromkeys(ids, 0)
    inside = dict.fromkeys(ids, 0)
    for s, t in ties:
        degree[s] += 1
        degree[t] += 1
        if sector[s] == sector[t]:
            inside[s] += 1
            inside[t] += 1
    inward = {v for v in ids if degree[v] and inside[v] >= min_share * degree[v]}
    near = {v: set() for v in inward}
    for s, t in ties:
        if s in inward and t in inward and sector[s] == sector[t]:
            near[s].add(t)
            near[t].add(s)
    rows, seen = [], set()
    for v in ids:
        if v not in inward or v in seen:
            continue
        component, todo = {v}, [v]
        while todo:
            for w in near[todo.pop()] - component:
                component.add(w)
                todo.append(w)
        seen |= component
        internal = sum(s in component and t in component for s, t in ties)
        external = sum((s in component) != (t in component) for s, t in ties)
        if len(component) < min_size or not internal + external or \
                internal < min_share * (internal + external):
            continue
        members = tuple(sorted(component, key=ids.index))
        pairs = {(s, t) if m.directed else frozenset((s, t)) for s, t in ties
                 if s in component and t in component}
        k = len(members)
        possible = k * (k - 1) if m.directed else k * (k - 1) // 2
        rows.append((sector[v], members, k, internal, external, len(pairs) / possible,
                     internal / (internal + external)))
    return sorted(rows, key=lambda r: (-r[2], ids.index(r[1][0])))


@pytest.mark.parametrize("directed", [False, True])
@pytest.mark.parametrize(("min_size", "min_share"), [(3, 0.5), (1, 0.5), (2, 0.3)])
def test_clusters_match_the_definition(directed, min_size, min_share):
    # a sparse map: many components, most of one or two actors
    m = netmap.datasets.synthetic(400, 360, seed=6, directed=directed)
    expected = _clusters_from_the_definition(m, min_size, min_share)
    assert len(expected) > 3
    table = netmap.single_sector_clusters(m, min_size=min_size, min_share=min_share)
    got = [tuple(r) for r in table[["sector", "members", "size", "internal_ties",
                                    "external_ties", "density", "internal_share"]].values]
    assert [r[:5] for r in got] == [r[:5] for r in expected]
    assert [x for r in got for x in r[5:]] == pytest.approx([x for r in expected for x in r[5:]])


def test_sample_clusters():
    m = netmap.datasets.load_2x5()
    table = netmap.single_sector_clusters(m).set_index("body")
    assert table.loc["business_coalition", "sector"] == "business"
    assert table.loc["business_coalition", "body_overlap"] == 1.0
    assert table.loc["third_sector_team", "sector"] == "third"
    assert table.loc["third_sector_team", "body_overlap"] > 0.7
    # the backbone and the coalition's coordinator are brokers, not members
    members = set().union(*table["members"])
    assert "sheatufim" not in members and "beit_yatziv" not in members


def test_communities_by_hand_and_reproducible():
    sectors = {"b1": "business", "b2": "business", "b3": "business",
               "p1": "public", "t1": "third", "a1": "academia"}
    edges = [("b1", "b2"), ("b2", "b3"), ("b3", "b1"), ("p1", "t1"), ("t1", "a1"),
             ("a1", "p1"), ("b1", "p1")]
    m = build(sectors, edges)
    table = netmap.communities(m, seed=3)
    assert sorted(table["members"]) == [("b1", "b2", "b3"), ("p1", "t1", "a1")]
    kinds = dict(zip(table["members"], table["kind"], strict=True))
    assert kinds[("b1", "b2", "b3")] == "single-sector"
    assert kinds[("p1", "t1", "a1")] == "mixed"
    mixed = table[table["kind"] == "mixed"].iloc[0]
    assert mixed["purity"] == pytest.approx(1 / 3)
    assert mixed["blau"] == pytest.approx(2 / 3)
    # modularity of the two triangles joined by one tie: by hand
    m_edges, deg = 7, np.array([3, 2, 2, 3, 2, 2])
    q = sum(3 / m_edges - (d.sum() / (2 * m_edges)) ** 2 for d in (deg[:3], deg[3:]))
    assert table.attrs["modularity"] == pytest.approx(q)
    again = netmap.communities(m, seed=3)
    assert again["members"].tolist() == table["members"].tolist()
    with pytest.raises(netmap.MeasureError):
        netmap.communities(m, weight="trust")


@pytest.mark.parametrize("engine", ["igraph", "networkx"])
def test_both_engines_find_the_two_triangles(monkeypatch, engine):
    if engine == "networkx":
        monkeypatch.setattr(clusters, "_igraph", lambda: None)
    else:
        require("igraph")
    sectors = {"b1": "business", "b2": "business", "b3": "business",
               "p1": "public", "t1": "third", "a1": "academia"}
    edges = [("b1", "b2"), ("b2", "b3"), ("b3", "b1"), ("p1", "t1"), ("t1", "a1"),
             ("a1", "p1"), ("b1", "p1")]
    table = netmap.communities(build(sectors, edges), seed=0)
    assert sorted(table["members"]) == [("b1", "b2", "b3"), ("p1", "t1", "a1")]
    assert table.attrs["modularity"] == pytest.approx(2 * (3 / 7 - (7 / 14) ** 2))


def test_communities_are_igraphs_own_call():
    # the same graph (pairs in row order) and igraph's generator seeded as netmap seeds
    # it: the same partition and modularity as calling igraph directly
    ig = require("igraph")
    m = netmap.datasets.synthetic(2000, 10000, seed=2)
    arr = m.arrays
    keep = arr.source != arr.target
    pairs = {(min(a, b), max(a, b)) for a, b in zip(arr.source[keep].tolist(),
                                                     arr.target[keep].tolist(), strict=True)}
    graph = ig.Graph(n=m.n_actors, edges=sorted(pairs))
    position = {a: i for i, a in enumerate(arr.ids)}
    for seed in (0, 1):
        table = netmap.communities(m, seed=seed)
        ig.set_random_number_generator(
            random.Random(int(np.random.default_rng(seed).integers(2**31 - 1))))
        try:
            own = graph.community_multilevel()
        finally:
            ig.set_random_number_generator(random)
        assert table.attrs["modularity"] == pytest.approx(own.modularity, rel=1e-9)
        membership = np.empty(m.n_actors, dtype=int)
        for k, members in enumerate(table["members"]):
            membership[[position[a] for a in members]] = k
        assert graph.modularity(membership.tolist()) == pytest.approx(own.modularity)
        assert sorted(map(sorted, own)) == sorted(
            sorted(position[a] for a in members) for members in table["members"])


def test_sample_communities_reproducible():
    m = netmap.datasets.load_2x5()
    a = netmap.communities(m, seed=7)
    b = netmap.communities(m, seed=7)
    assert a["members"].tolist() == b["members"].tolist()
    assert a["size"].sum() == m.n_actors
    business = a[a["dominant"] == "business"]
    assert (business["kind"] == "single-sector").any()


@pytest.mark.slow
@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 9), st.integers(0, 9)), max_size=30),
       st.lists(st.sampled_from(["public", "business", "third"]), min_size=10,
                max_size=10), st.randoms())
def test_cluster_invariants(edges, sectors, rnd):
    ids = [f"a{i}" for i in range(10)]
    m = build(dict(zip(ids, sectors, strict=True)),
              [(ids[s], ids[t]) for s, t in edges])
    table = netmap.single_sector_clusters(m)
    seen = set()
    for row in table.itertuples():
        assert len(row.members) == row.size >= 3
        assert {m.actors.loc[a, "sector"] for a in row.members} == {row.sector}
        assert not seen & set(row.members)  # clusters do not overlap
        seen |= set(row.members)
        assert 0.5 <= row.internal_share <= 1
        assert 0 < row.density <= 1
    # relabelling the actors gives the same clusters
    rename = dict(zip(ids, rnd.sample([f"z{i}" for i in range(10)], 10), strict=True))
    m2 = build({rename[i]: s for i, s in zip(ids, sectors, strict=True)},
               [(rename[ids[s]], rename[ids[t]]) for s, t in edges])
    t2 = netmap.single_sector_clusters(m2)
    assert sorted(frozenset(rename[a] for a in r) for r in table["members"]) == \
        sorted(frozenset(r) for r in t2["members"])
