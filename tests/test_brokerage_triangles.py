"""Brokerage's triangle listing and closed two-paths, against brute-force counts.

The counts behind every brokerage statistic come from the triangles of the
map (``_oriented_pairs``, ``_closing_pairs``, ``_listed_triangles``) and the
mutual pairs; here each is checked against a dense enumeration on random
small maps, directed and undirected, with hubs, self-ties and repeated ties,
on both paths of the masked product (SuiteSparse:GraphBLAS and scipy: the
``masked_product`` fixture of conftest.py).
"""

import importlib
import itertools
import warnings

import numpy as np
import pandas as pd
import pytest

import netmap

nb = importlib.import_module("netmap.measures.brokerage")
pytestmark = pytest.mark.usefixtures("masked_product")


def random_map(seed: int, directed: bool, n: int = 25, ties: int = 90):
    """Random ties with a hub, a few self-ties and repeated ties (typed, so kept)."""
    rng = np.random.default_rng(seed)
    source = np.concatenate([np.zeros(n // 2, dtype=np.int64), rng.integers(0, n, ties),
                             [3, 4, 4]])
    target = np.concatenate([np.arange(1, n // 2 + 1), rng.integers(0, n, ties), [3, 5, 5]])
    ids = [f"a{i}" for i in range(n)]
    actors = pd.DataFrame({"id": ids, "sector": rng.choice(["public", "business", "third"], n)})
    frame = pd.DataFrame({"source": [ids[s] for s in source],
                          "target": [ids[t] for t in target],
                          "type": rng.choice(["x", "y"], len(source))})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", netmap.DataWarning)
        return netmap.from_frames(actors, frame, directed=directed)


def arcs_of(m) -> np.ndarray:
    """The 0/1 arcs of the map without loops, dense, as brokerage reads them."""
    dense = (m.arrays.adjacency().toarray() != 0).astype(int)
    np.fill_diagonal(dense, 0)
    return dense


def brute_triangles(dense: np.ndarray) -> set:
    tied = (dense + dense.T) > 0
    n = len(dense)
    return {(a, b, c) for a, b, c in itertools.combinations(range(n), 3)
            if tied[a, b] and tied[a, c] and tied[b, c]}


CASES = [(seed, directed) for seed in range(6) for directed in (True, False)]


def map_of_arcs(rows, cols, n: int):
    """A directed map of actors a0 ... a{n-1} (positions 0 ... n - 1) with the arcs given."""
    ids = np.array([f"a{i}" for i in range(n)], dtype=object)
    actors = pd.DataFrame({"id": ids, "sector": "public"})
    ties = pd.DataFrame({"source": ids[np.asarray(rows)], "target": ids[np.asarray(cols)]})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", netmap.DataWarning)
        return netmap.from_frames(actors, ties, directed=True)


def triangles_of(m) -> set:
    """The map's triangles (``_tie_triangles``) as sorted triples, checked to come once each."""
    listed = [tuple(sorted(t)) for t in nb._tie_triangles(m).tolist()]
    assert len(listed) == len(set(listed))
    return set(listed)


@pytest.mark.parametrize(("seed", "directed"), CASES)
def test_triangles_each_once(seed, directed):
    # the map has a hub, self-ties and ties repeated with another type: the listing
    # reads the tied pairs only
    m = random_map(seed, directed)
    assert triangles_of(m) == brute_triangles(arcs_of(m))


@pytest.mark.parametrize(("seed", "directed"), CASES)
def test_closing_pairs_are_the_masked_product(seed, directed):
    m = random_map(seed, directed)
    adj, _ = nb._binary_adjacency(m)
    pairs = nb._oriented_pairs(adj, m.directed)
    oriented = (pairs.toarray() != 0).astype(int)
    masked = (oriented @ oriented) * oriented
    a, c = nb._closing_pairs(pairs)
    assert sorted(zip(a.tolist(), c.tolist(), strict=True)) == sorted(
        zip(*(x.tolist() for x in np.nonzero(masked)), strict=True))


@pytest.mark.parametrize(("seed", "directed"), CASES)
def test_oriented_pairs_say_which_arcs(seed, directed):
    m = random_map(seed, directed)
    dense = arcs_of(m)
    adj, _ = nb._binary_adjacency(m)
    pairs = nb._oriented_pairs(adj, m.directed)
    assert pairs.has_canonical_format
    code = pairs.toarray()
    degree = dense.sum(axis=0) + dense.sum(axis=1)  # arcs in and out
    for a, c in zip(*np.nonzero(code), strict=True):
        assert code[a, c] == dense[a, c] + 2 * dense[c, a]
        assert (degree[a], a) < (degree[c], c)  # from the actor of lower rank
    # each tied pair once
    assert np.array_equal((code + code.T) != 0, (dense + dense.T) != 0)
    assert not (code * code.T).any()


@pytest.mark.parametrize(("seed", "directed"), CASES)
def test_closed_two_paths_and_mutual_pairs(seed, directed):
    m = random_map(seed, directed)
    dense = arcs_of(m)
    n = len(dense)
    expected = sorted((i, j, k) for i, j, k in itertools.permutations(range(n), 3)
                      if dense[i, j] and dense[j, k] and dense[i, k])
    closure = nb._make_closure(m)
    i, j, k = closure.closed
    assert sorted(zip(i.tolist(), j.tolist(), k.tolist(), strict=True)) == expected
    u, v = closure.mutual
    both = {(a, b) for a, b in zip(*np.nonzero(dense * dense.T), strict=True) if a < b}
    if not directed:  # every tied pair is mutual: not listed
        both = set()
    assert {tuple(sorted(p)) for p in zip(u.tolist(), v.tolist(), strict=True)} == both
    assert len(u) == len(both)


def test_a_map_without_triangles_or_ties():
    for edges in ([], [("a0", "a1"), ("a1", "a2")]):
        actors = pd.DataFrame({"id": ["a0", "a1", "a2"], "sector": ["public"] * 3})
        ties = pd.DataFrame(edges, columns=["source", "target"])
        m = netmap.from_frames(actors, ties, directed=True)
        closure = nb._make_closure(m)
        assert all(len(x) == 0 for x in closure.closed)
        assert len(closure.mutual[0]) == 0


@pytest.mark.parametrize("k", [3, 4, 127, 128, 129, 130])
def test_cliques_around_the_byte_boundary(k):
    # The masked product counts in bytes while every actor has under 128 pairs of
    # higher rank, in 16-bit integers from there: a clique of k actors has k * (k - 1) / 2
    # pairs, all closing a triangle but the k - 1 pairs of consecutive ranks.
    rows, cols = np.nonzero(~np.eye(k, dtype=bool))
    arcs = nb.sp.csr_array((np.ones(len(rows), dtype=np.int64), (rows, cols)), shape=(k, k))
    pairs = nb._oriented_pairs(arcs, directed=False)
    a, c = nb._closing_pairs(pairs)
    assert len(a) == k * (k - 1) // 2 - (k - 1)
    assert np.all(c - a >= 2)
    assert len(triangles_of(map_of_arcs(rows, cols, k))) == k * (k - 1) * (k - 2) // 6


def test_a_hub_beyond_16_bit_degrees():
    # A hub of 70,000 ties (degrees beyond 16 bits): the same triangles.
    leaves = 70_000
    rows = np.concatenate([np.zeros(leaves, dtype=np.int64), [1, 2]])
    cols = np.concatenate([np.arange(1, leaves + 1), [2, 3]])
    assert triangles_of(map_of_arcs(rows, cols, leaves + 1)) == {(0, 1, 2), (0, 2, 3)}


def test_four_tables_and_the_summary_count_once(monkeypatch):
    # After the first call the counts, groups and expected values are kept with the map:
    # the other statistics and the summary neither list triangles nor code the groups.
    m = random_map(0, directed=True)
    first = {stat: netmap.brokerage(m, stat=stat) for stat in ("raw", "expected", "sd", "z")}
    summary = netmap.brokerage_summary(m)
    for name in ("_oriented_pairs", "_closing_pairs", "_listed_triangles", "group_codes",
                 "_moments"):
        monkeypatch.setattr(nb, name, None)  # calling any of them again would fail
    for stat, frame in first.items():
        pd.testing.assert_frame_equal(netmap.brokerage(m, stat=stat), frame)
    pd.testing.assert_frame_equal(netmap.brokerage_summary(m), summary)
