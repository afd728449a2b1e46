"""Where the sectors fail to meet: cut-points, under-connected pairs, introductions.

Network mapping gives early warning of difficulties that stem from
sector position (CONCEPTS.md section 7, insight 1). Three tables find
the weak places between sectors: actors whose departure would cut a
sector off from the rest; pairs of sectors with fewer ties than random
mixing would give them; and, for such a pair, the actors two steps apart
across the gap, with the brokers who could introduce them.

Connectivity here ignores tie direction: a tie either way joins two
actors.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

from ._groups import check_seed, group_codes, group_pairs
from .exceptions import MeasureError

__all__ = ["sector_cut_points", "under_connected", "introductions"]


def _simple_undirected(m) -> sp.csr_array:
    """0/1 symmetric adjacency without self-ties."""
    arr = m.arrays
    keep = arr.source != arr.target
    src, dst = arr.source[keep], arr.target[keep]
    n = m.n_actors
    adj = sp.coo_array((np.ones(2 * len(src)), (np.concatenate([src, dst]),
                                                np.concatenate([dst, src]))),
                       shape=(n, n)).tocsr()
    adj.sum_duplicates()
    adj.data[:] = 1.0
    return adj


def _reachable_pairs(adj: sp.csr_array, codes: np.ndarray, g: int,
                     alive: np.ndarray | None = None) -> np.ndarray:
    """Booleans, groups x groups: joined by some path (among ``alive`` actors)."""
    if alive is not None:
        keep = np.flatnonzero(alive)
        adj = adj[keep][:, keep]
        codes = codes[keep]
    _, comp = connected_components(adj, directed=False)
    has = codes >= 0
    incidence = np.zeros((comp.max() + 1 if len(comp) else 0, g), dtype=bool)
    incidence[comp[has], codes[has]] = True
    inc = incidence.astype(np.int64)
    return (inc.T @ inc) > 0


def sector_cut_points(m, by: str = "sector") -> pd.DataFrame:
    """Actors whose removal disconnects sectors from each other.

    An actor is a sector cut-point when, once it is taken out, some pair
    of sectors that were joined by a path (of any length, through any
    actors) are joined no more: either the map falls apart at the actor
    (an articulation point), or the actor is the only one of its sector
    in its part of the map, the sector's one contact there. Only such
    actors can do so; each is tested by recomputing the components
    without it. A sector whose only actor is the one removed is gone, not
    cut off, and does not count.

    Parameters
    ----------
    m : StakeholderMap
        The map.
    by : str, default "sector"
        The groups: ``"sector"``, ``"core"`` or any actor column.

    Returns
    -------
    pandas.DataFrame
        One row per cut-point, most pairs cut first, indexed by actor id.
        Columns: ``name`` (when the map has names), ``group``,
        ``pairs_cut`` (the number of pairs of groups that lose every path),
        ``pairs`` (those pairs, as tuples of two groups) and
        ``groups_cut_off`` (groups left with no path to any other group,
        which had one before). Empty when no single actor holds the
        sectors together.

    Examples
    --------
    >>> import netmap
    >>> netmap.sector_cut_points(netmap.datasets.load_2x5()).empty
    True
    """
    import networkx as nx

    groups = group_codes(m, by)
    labels = list(groups.labels)
    g = len(labels)
    codes = groups.codes
    adj = _simple_undirected(m)
    before = _reachable_pairs(adj, codes, g)
    sizes = groups.sizes
    graph = nx.from_scipy_sparse_array(adj)
    rows = []
    upper = np.triu(np.ones((g, g), dtype=bool), 1)
    for v in _cut_candidates(graph, adj, codes, g):
        alive = np.ones(m.n_actors, dtype=bool)
        alive[v] = False
        after = _reachable_pairs(adj, codes, g, alive)
        remaining = sizes.copy()
        if codes[v] >= 0:
            remaining[codes[v]] -= 1
        exists = remaining > 0
        lost = before & ~after & upper & exists[:, None] & exists[None, :]
        if not lost.any():
            continue
        off_diag = ~np.eye(g, dtype=bool)
        linked_before = (before & off_diag & exists[None, :]).any(axis=1)
        linked_after = (after & off_diag & exists[None, :]).any(axis=1)
        cut_off = exists & linked_before & ~linked_after
        rows.append((v, [(labels[a], labels[b]) for a, b in zip(*np.nonzero(lost),
                                                                strict=True)],
                     tuple(labels[a] for a in np.flatnonzero(cut_off))))
    ids = np.asarray(m.arrays.ids, dtype=object)
    index = pd.Index([ids[v] for v, _, _ in rows], name="id", dtype=object)
    table = pd.DataFrame(index=index)
    if "name" in m.actors.columns:
        table["name"] = m.actors["name"].reindex(index).to_numpy()
    table["group"] = [labels[codes[v]] if codes[v] >= 0 else None for v, _, _ in rows]
    table["pairs_cut"] = np.array([len(p) for _, p, _ in rows], dtype=np.int64)
    table["pairs"] = [tuple(p) for _, p, _ in rows]
    table["groups_cut_off"] = [c for _, _, c in rows]
    return table.sort_values("pairs_cut", ascending=False, kind="stable")


def _cut_candidates(graph, adj: sp.csr_array, codes: np.ndarray, g: int) -> list:
    """Articulation points, and actors alone of their group in their component."""
    import networkx as nx

    _, comp = connected_components(adj, directed=False)
    has = codes >= 0
    key = comp[has] * (g + 1) + codes[has]
    counts = np.bincount(key, minlength=int(key.max()) + 1 if len(key) else 0)
    alone = np.zeros(len(codes), dtype=bool)
    alone[np.flatnonzero(has)] = counts[key] == 1
    return sorted(set(nx.articulation_points(graph)) | set(np.flatnonzero(alone).tolist()))


def under_connected(m, by: str = "sector", *, permutations: int = 999, seed=None,
                    alpha: float = 0.05) -> pd.DataFrame:
    """Pairs of sectors with significantly fewer ties than random mixing gives them.

    The test keeps the network and the sector sizes and shuffles which
    actor belongs to which sector (a permutation test, as for
    :func:`netmap.ei_index`): a pair is under-connected when so few ties
    between its two sectors arise rarely by chance. For each such pair
    the table says how many pairs of its actors are two steps apart (not
    tied, with a common neighbour): candidate introductions, listed by
    :func:`introductions`.

    Parameters
    ----------
    m : StakeholderMap
        The map.
    by : str, default "sector"
        The groups.
    permutations : int, default 999
        Number of random relabellings; with 999, the smallest p-value is
        0.001.
    seed : None, int or numpy.random.Generator
        Seed of the permutations.
    alpha : float, default 0.05
        Significance level of ``under_connected``: the usual five percent.
        With many pairs some will pass by chance; compare with
        ``alpha / number of pairs`` (Bonferroni) when that matters.

    Returns
    -------
    pandas.DataFrame
        One row per pair of different groups (ordered in a directed map,
        unordered otherwise), indexed by the two labels. Columns:
        ``observed`` (ties, parallel ones each counted, self-ties never
        between groups), ``expected`` (mean over the permutations),
        ``ratio`` (observed / expected), ``p_value`` (one-sided, the
        share of permutations with at most as many ties, counting the
        observed one), ``under_connected`` (``p_value <= alpha``) and
        ``two_step`` (pairs of actors two steps apart across the pair;
        given for under-connected pairs, NaN for the others).

    Examples
    --------
    >>> import netmap
    >>> table = netmap.under_connected(netmap.datasets.load_2x5(), seed=1)
    >>> bool(table.loc[("business", "third"), "under_connected"])
    False
    """
    if permutations < 1:
        raise MeasureError(f"permutations must be at least 1, not {permutations!r}")
    if not 0 < alpha < 1:
        raise MeasureError(f"alpha must lie between 0 and 1, not {alpha!r}")
    rng = check_seed(seed)
    groups = group_codes(m, by)
    labels = list(groups.labels)
    g = len(labels)
    codes = groups.codes
    arr = m.arrays
    keep = arr.source != arr.target
    src, dst = arr.source[keep], arr.target[keep]
    pairs, names = group_pairs(g, m.directed)
    slot = np.full((g + 1) * (g + 1), -1, dtype=np.int64)
    for k, (a, b) in enumerate(pairs):
        slot[a * (g + 1) + b] = k
        if not m.directed:
            slot[b * (g + 1) + a] = k

    def count(c: np.ndarray) -> np.ndarray:
        # c: (batch, n) group codes with -1 for none, shifted to g
        c = np.where(c < 0, g, c)
        idx = slot[c[:, src] * (g + 1) + c[:, dst]]
        batch = c.shape[0]
        offs = idx + (np.arange(batch)[:, None] * len(pairs))
        valid = idx >= 0
        return np.bincount(offs[valid], minlength=batch * len(pairs)).reshape(
            batch, len(pairs))

    observed = count(codes[None, :])[0]
    below = np.zeros(len(pairs), dtype=np.int64)
    total = np.zeros(len(pairs), dtype=np.float64)
    batch = max(1, min(permutations, 20_000_000 // max(1, len(src) + len(codes))))
    done = 0
    while done < permutations:
        b = min(batch, permutations - done)
        shuffled = np.stack([rng.permutation(codes) for _ in range(b)])
        counts = count(shuffled)
        below += (counts <= observed).sum(axis=0)
        total += counts.sum(axis=0)
        done += b
    expected = total / permutations
    index = pd.MultiIndex.from_tuples([(labels[a], labels[b]) for a, b in pairs],
                                      names=names)
    table = pd.DataFrame(index=index)
    table["observed"] = observed.astype(np.int64)
    table["expected"] = expected
    with np.errstate(invalid="ignore", divide="ignore"):
        table["ratio"] = observed / expected
    table["p_value"] = (below + 1) / (permutations + 1)
    table["under_connected"] = table["p_value"] <= alpha
    two_step = np.full(len(pairs), np.nan)
    if table["under_connected"].any():
        adj = _simple_undirected(m)
        for k in np.flatnonzero(table["under_connected"].to_numpy()):
            a, b = pairs[k]
            two_step[k] = _two_step(adj, np.flatnonzero(codes == a),
                                    np.flatnonzero(codes == b)).nnz
    table["two_step"] = two_step
    return table


def _two_step(adj: sp.csr_array, left: np.ndarray, right: np.ndarray) -> sp.csr_array:
    """Common-neighbour counts of untied (left, right) pairs, as a sparse matrix."""
    common = (adj[left] @ adj[:, right]).tocsr()
    direct = adj[left][:, right]
    common = common - common.multiply(direct > 0)
    common.eliminate_zeros()
    # a pair with itself (an actor in both groups) cannot be introduced
    return common


def introductions(m, between: tuple, by: str = "sector", *,
                  top: int | None = 20) -> pd.DataFrame:
    """Candidate introductions across a gap: untied actors of two sectors with common neighbours.

    Two actors of the two sectors who are not tied but share neighbours
    are one introduction away from each other, and the shared neighbours
    are the brokers who can make it. The more common neighbours, the
    easier the introduction.

    Parameters
    ----------
    m : StakeholderMap
        The map.
    between : tuple of two str
        The two groups, such as ``("public", "third")``.
    by : str, default "sector"
        The groups.
    top : int or None, default 20
        Keep the first ``top`` candidates; None keeps all.

    Returns
    -------
    pandas.DataFrame
        One row per candidate pair, most common neighbours first (then in
        actor order). Columns: ``actor_a`` and ``actor_b`` (ids, of the
        first and second group), ``name_a`` and ``name_b`` (when the map
        has names), ``common`` (common neighbours) and ``via`` (the common
        neighbours' ids, the one with most ties first).

    Examples
    --------
    >>> import netmap
    >>> m = netmap.datasets.load_2x5()
    >>> table = netmap.introductions(m, ("academia", "business"), top=3)
    >>> list(table.columns[:2]), len(table)
    (['actor_a', 'actor_b'], 3)
    """
    groups = group_codes(m, by)
    labels = list(groups.labels)
    if len(between) != 2:
        raise MeasureError(f"between must name two groups, not {between!r}")
    for label in between:
        if label not in labels:
            raise MeasureError(f"{label!r} is not a {by!r} group of the map; its groups "
                               f"are {', '.join(map(repr, labels))}")
    if top is not None and top < 1:
        raise MeasureError(f"top must be at least 1 or None, not {top!r}")
    a, b = (labels.index(x) for x in between)
    left = np.flatnonzero(groups.codes == a)
    right = np.flatnonzero(groups.codes == b)
    adj = _simple_undirected(m)
    common = _two_step(adj, left, right).tocoo()
    order = np.lexsort((right[common.col], left[common.row], -common.data))
    if top is not None:
        order = order[:top]
    rows, cols, counts = common.row[order], common.col[order], common.data[order]
    ids = np.asarray(m.arrays.ids, dtype=object)
    degree = np.diff(adj.indptr)
    via = []
    for i, k in zip(left[rows], right[cols], strict=True):
        shared = np.intersect1d(adj.indices[adj.indptr[i]:adj.indptr[i + 1]],
                                adj.indices[adj.indptr[k]:adj.indptr[k + 1]])
        shared = shared[np.lexsort((shared, -degree[shared]))]
        via.append(tuple(ids[shared]))
    table = pd.DataFrame({"actor_a": ids[left[rows]], "actor_b": ids[right[cols]]})
    if "name" in m.actors.columns:
        names = m.actors["name"]
        table["name_a"] = names.reindex(table["actor_a"]).to_numpy()
        table["name_b"] = names.reindex(table["actor_b"]).to_numpy()
    table["common"] = counts.astype(np.int64)
    table["via"] = via
    return table
