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

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components, depth_first_order

from netmap.measures._permutation import shuffled_pair_counts
from netmap.measures.brokerage import _binary_adjacency, _tie_triangles
from netmap.model._groups import group_codes, group_pairs
from netmap.model._memo import remembered
from netmap.model._params import allowed_words, check_int, check_number, check_seed
from netmap.model.arrays import int32_indices, sorted_unique
from netmap.model.exceptions import ParameterError

if TYPE_CHECKING:
    from netmap.model.stakeholder_map import StakeholderMap

__all__ = ["sector_cut_points", "under_connected", "introductions"]


def _simple_undirected(m) -> sp.csr_array:
    """0/1 symmetric adjacency without self-ties (float, sorted indices).

    Kept with the map's arrays (read-only), as the cut-points, the
    two-step pairs and the introductions all read it.
    """
    def make() -> sp.csr_array:
        adj, _ = _binary_adjacency(m)  # ties once per ordered pair, no self-ties
        both = adj  # an undirected map's is symmetric already, with sorted indices
        if m.directed:
            both = sp.csr_array(adj + adj.T)
            both.sort_indices()
        return sp.csr_array((np.ones(both.nnz), both.indices, both.indptr), shape=both.shape)

    return m.arrays.memo(("gaps.undirected",), make)


def _components(m) -> tuple[int, np.ndarray]:
    """The map's connected components, ties in either direction (kept, read-only).

    The number of components and each actor's component, as
    ``connected_components`` gives them; read by the cut-points and by
    :func:`netmap.without_backbone`.
    """
    def make() -> tuple[int, np.ndarray]:
        adj, _ = _binary_adjacency(m)  # kept with the map; no symmetric adjacency needed
        n_comp, comp = connected_components(int32_indices(adj), directed=True,
                                            connection="weak")
        comp.flags.writeable = False
        return int(n_comp), comp

    return m.arrays.memo(("gaps.components",), make)


def sector_cut_points(m: StakeholderMap, *, by: str = "sector") -> pd.DataFrame:
    """Actors whose removal disconnects sectors from each other.

    An actor is a sector cut-point when, once it is taken out, some pair
    of sectors that were joined by a path (of any length, through any
    actors) are joined no more: either the map falls apart at the actor
    (an articulation point), or the actor is the only one of its sector
    in its part of the map, the sector's one contact there. One
    depth-first pass (Hopcroft and Tarjan's low points) gives the pieces
    each actor's removal leaves, with their sectors, so the test is linear
    in the size of the map. A sector whose only actor is the one removed
    is gone, not cut off, and does not count.

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
    groups = group_codes(m, by)
    labels = list(groups.labels)
    g = len(labels)
    codes = groups.codes
    adj = _simple_undirected(m)
    split = _Split(adj, _components(m)[1], codes, g)
    before = split.before
    sizes = groups.sizes
    rows = []
    upper = np.triu(np.ones((g, g), dtype=bool), 1)
    off_diag = ~np.eye(g, dtype=bool)
    for v in split.candidates:
        after = split.after(v)
        remaining = sizes.copy()
        if codes[v] >= 0:
            remaining[codes[v]] -= 1
        exists = remaining > 0
        lost = before & ~after & upper & exists[:, None] & exists[None, :]
        if not lost.any():
            continue
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


class _Split:
    """What removing each actor does to the groups' connectivity, from one depth-first pass.

    Removing ``v`` splits its component into pieces: each DFS child subtree
    whose low point does not reach above ``v`` (all children when ``v`` is
    a DFS root), and the rest of the component. Group counts of subtrees
    come from prefix sums over the DFS order, so no component is
    recomputed.
    """

    def __init__(self, adj: sp.csr_array, components: np.ndarray, codes: np.ndarray,
                 g: int) -> None:
        n = adj.shape[0]
        self.g = g
        self.codes = codes
        comp = self.comp = components
        has = codes >= 0
        n_comp = int(comp.max()) + 1 if n else 0
        presence = np.zeros((n_comp, g), dtype=np.int64)
        np.add.at(presence, (comp[has], codes[has]), 1)
        self.comp_counts = presence
        pres = (presence > 0).astype(np.int64)
        self.pair_components = pres.T @ pres  # components holding both groups
        self.before = self.pair_components > 0
        self._dfs(adj, n)
        order_codes = codes[self.order]
        onehot = np.zeros((n, g), dtype=np.int64)
        ok = order_codes >= 0
        onehot[np.flatnonzero(ok), order_codes[ok]] = 1
        self.cum = np.vstack([np.zeros((1, g), dtype=np.int64), np.cumsum(onehot, axis=0)])
        alone = np.zeros(n, dtype=bool)
        if has.any():
            alone[has] = presence[comp[has], codes[has]] == 1
        self.candidates = np.flatnonzero(alone | (self.n_separated > 0)).tolist()

    def _dfs(self, adj: sp.csr_array, n: int) -> None:
        """Depth-first times, low points, subtree sizes and parents (Hopcroft-Tarjan).

        One depth-first search in C (``csgraph.depth_first_order``) from a
        virtual root tied to one actor of each component, so every
        component is searched in one call; the low points then follow from
        each actor's earliest neighbour (a vectorised minimum over the CSR
        rows) raised through the tree once, from the leaves up.
        """
        comp = self.comp
        first = np.unique(comp, return_index=True)[1] if n else np.zeros(0, dtype=np.int64)
        virtual = sp.csr_array((np.ones(len(first)), (np.full(len(first), n), first)),
                               shape=(n + 1, n + 1))
        adj = sp.csr_array(adj)
        # adj with one empty row and column more (for the virtual root); built from
        # its CSR arrays, as scipy before 1.12 has no block_array
        grown = sp.csr_array((adj.data, adj.indices, np.append(adj.indptr, adj.indptr[-1])),
                             shape=(n + 1, n + 1))
        order, pred = depth_first_order(int32_indices(sp.csr_array(grown + virtual + virtual.T)),
                                        n, directed=False, return_predecessors=True)
        order = order[1:].astype(np.int64)  # without the virtual root
        parent = pred[:n].astype(np.int64)
        parent[parent == n] = -1  # the components' roots
        tin = np.empty(n, dtype=np.int64)
        tin[order] = np.arange(n)
        # earliest neighbour other than the parent (the graph is simple)
        indptr, indices = adj.indptr, adj.indices
        rows = np.repeat(np.arange(n), np.diff(indptr))
        times = np.where(indices == parent[rows], n, tin[indices])
        low = tin.copy()
        has = np.diff(indptr) > 0
        if has.any():
            low[has] = np.minimum(tin[has], np.minimum.reduceat(times, indptr[:-1][has]))
        low_list, size_list, parent_list = low.tolist(), [1] * n, parent.tolist()
        for v in reversed(order.tolist()):
            p = parent_list[v]
            if p >= 0:
                if low_list[v] < low_list[p]:
                    low_list[p] = low_list[v]
                size_list[p] += size_list[v]
        self.tin, self.parent, self.order = tin, parent, order
        self.low = np.asarray(low_list, dtype=np.int64)
        self.size = np.asarray(size_list, dtype=np.int64)
        child = np.flatnonzero(parent >= 0)
        child = child[np.argsort(tin[child], kind="stable")]  # in the order found
        by_parent = np.argsort(parent[child], kind="stable")
        self._kids = child[by_parent]
        self._kid_ptr = np.zeros(n + 1, dtype=np.int64)
        np.cumsum(np.bincount(parent[child], minlength=n), out=self._kid_ptr[1:])
        at_root = parent[parent[child]] < 0
        separated = at_root | (self.low[child] >= tin[parent[child]])
        self.n_separated = np.bincount(parent[child][separated], minlength=n)

    def _separated(self, v: int) -> list:
        kids = self._kids[self._kid_ptr[v]:self._kid_ptr[v + 1]]
        if self.parent[v] >= 0:
            kids = kids[self.low[kids] >= self.tin[v]]
        return kids.tolist()

    def after(self, v: int) -> np.ndarray:
        """Groups x groups: joined by a path once ``v`` is removed."""
        g = self.g
        own = np.zeros(g, dtype=np.int64)
        if self.codes[v] >= 0:
            own[self.codes[v]] = 1
        pieces = [self.cum[self.tin[c] + self.size[c]] - self.cum[self.tin[c]]
                  for c in self._separated(v)]
        rest = self.comp_counts[self.comp[v]] - own - sum(pieces, np.zeros(g, np.int64))
        pres = (np.array([*pieces, rest]) > 0).astype(np.int64)
        mine = (self.comp_counts[self.comp[v]] > 0).astype(np.int64)
        others = self.pair_components - np.outer(mine, mine)
        return (others > 0) | ((pres.T @ pres) > 0)


@remembered
def under_connected(m: StakeholderMap, *, by: str = "sector", permutations: int = 999, seed=0,
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
    seed : int, numpy Generator or None, default 0
        Seed of the permutations: the same seed gives the same result;
        None draws fresh randomness.
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

    Raises
    ------
    netmap.ParameterError
        For ``alpha`` outside (0, 1), or ``permutations`` below 1.

    Examples
    --------
    >>> import netmap
    >>> table = netmap.under_connected(netmap.datasets.load_2x5(), seed=1)
    >>> bool(table.loc[("business", "third"), "under_connected"])
    False
    """
    check_int("permutations", permutations, minimum=1)
    check_number("alpha", alpha, above=0, below=1)
    rng = check_seed(seed)
    groups = group_codes(m, by)
    labels = list(groups.labels)
    g = len(labels)
    codes = groups.codes
    arr = m.arrays
    keep = arr.source != arr.target
    src, dst = arr.source[keep], arr.target[keep]
    pairs, names = group_pairs(g, m.directed)
    width = g + 1 if (codes < 0).any() else g  # code g stands for "no group", when any
    first = np.array([a * width + b for a, b in pairs], dtype=np.int64)
    second = np.array([b * width + a for a, b in pairs], dtype=np.int64)
    base = np.where(codes < 0, g, codes)

    def per_pair(full: np.ndarray) -> np.ndarray:
        # ties per ordered pair of codes, then per pair of the table
        return full[first] if m.directed else full[first] + full[second]

    observed = (per_pair(np.bincount(base[src] * width + base[dst], minlength=width * width))
                if len(pairs) else np.zeros(0, dtype=np.int64))
    below = np.zeros(len(pairs), dtype=np.int64)
    total = np.zeros(len(pairs), dtype=np.float64)
    if len(pairs):
        for full in shuffled_pair_counts(base, src, dst, width, permutations, rng):
            counts = per_pair(full)
            below += counts <= observed
            total += counts
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
    wanted = np.flatnonzero(table["under_connected"].to_numpy())
    if len(wanted):
        two_step[wanted] = _two_step_counts(m, codes, g, [pairs[k] for k in wanted])
    table["two_step"] = two_step
    return table


def _two_step_counts(m, codes: np.ndarray, g: int, pairs: list) -> list[int]:
    """The number of entries of :func:`_two_step` for each pair of groups ``(a, b)``.

    The untied pairs with a common neighbour are the pairs with one (the
    entries of ``adj[A] @ adj[:, B]``, counted without forming the
    product: :func:`_product_entries`) less the tied pairs with one,
    which are the ties of a triangle (the map's triangles are listed
    once and kept, :func:`netmap.measures.brokerage._tie_triangles`).
    """
    adj = _simple_undirected(m)
    n = adj.shape[0]
    triangles = _tie_triangles(m)
    ends = np.concatenate([triangles[:, [0, 1]], triangles[:, [1, 2]], triangles[:, [0, 2]]])
    low, high = ends.min(axis=1), ends.max(axis=1)
    edges = sorted_unique(low * n + high)  # the ties in a triangle, each once
    low_code, high_code = codes[edges // n], codes[edges % n]
    grouped = (low_code >= 0) & (high_code >= 0)
    a_code = np.minimum(low_code, high_code)[grouped]
    b_code = np.maximum(low_code, high_code)[grouped]
    closed = np.bincount(a_code * g + b_code, minlength=g * g)  # per unordered pair
    rows: dict = {}  # each group's rows of the adjacency, sliced once
    cols: dict = {}  # the adjacency with only the columns of each group
    column_codes = codes[adj.indices]
    counts = []
    for a, b in pairs:
        if a not in rows:
            rows[a] = adj[np.flatnonzero(codes == a)]
        if b not in cols:
            keep = column_codes == b
            kept_before = np.concatenate([[0], np.cumsum(keep)])  # entries kept before each
            cols[b] = sp.csr_array((adj.data[keep], adj.indices[keep],
                                    kept_before[adj.indptr]), shape=adj.shape)
        counts.append(_product_entries(rows[a], cols[b])
                      - int(closed[min(a, b) * g + max(a, b)]))
    return counts


def _product_entries(left: sp.csr_array, right: sp.csr_array) -> int:
    """The number of entries of ``left @ right`` for matrices of positive entries.

    No sum of positive terms cancels, so the entries are the distinct
    (row, column) pairs joined through some middle index: scipy's first,
    symbolic pass over the product (``csr_matmat_maxnnz``) counts them
    exactly without the second pass that fills them in (six times faster
    on the under-connected pairs of a map of 100,000 actors, and no memory
    for the entries). Without that private function, the product itself.
    """
    try:
        from scipy.sparse._sparsetools import csr_matmat_maxnnz
    except ImportError:  # pragma: no cover - scipy moved its kernel
        return int((left @ right).nnz)
    index = np.int64 if max(left.nnz, right.nnz, *left.shape, *right.shape) >= 2 ** 31 \
        else np.int32
    return int(csr_matmat_maxnnz(left.shape[0], right.shape[1],
                                 left.indptr.astype(index, copy=False),
                                 left.indices.astype(index, copy=False),
                                 right.indptr.astype(index, copy=False),
                                 right.indices.astype(index, copy=False)))


def _two_step(adj: sp.csr_array, left: np.ndarray, right: np.ndarray) -> sp.csr_array:
    """Common-neighbour counts of untied (left, right) pairs, as a sparse matrix."""
    common = (adj[left] @ adj[:, right]).tocsr()
    direct = adj[left][:, right]
    common = common - common.multiply(direct > 0)
    common.eliminate_zeros()
    return common


def _ranked(common: sp.coo_array, top: int | None) -> np.ndarray:
    """Entries of ``common`` most common neighbours first, then by row and column; ``top`` kept.

    The order of ``np.lexsort((col, row, -data))``, from one whole-number
    rank per entry (every entry has its own row and column, so no two
    ranks are equal). With ``top``, ``np.argpartition`` keeps the ``top``
    least ranks in linear time and only those are sorted: sorting every
    two-step pair took 0.7 of the 1.0 s of an introduction at 100,000
    actors / 1,000,000 ties, where they are 3.5 million.
    """
    data = common.data.astype(np.int64)
    n_rows, n_cols = common.shape
    most = int(data.max()) if len(data) else 0
    if (most + 1) * max(n_rows * n_cols, 1) >= 2 ** 63:  # pragma: no cover - too large a map
        order = np.lexsort((common.col, common.row, -data))
        return order if top is None else order[:top]
    rank = ((most - data) * n_rows + common.row) * n_cols + common.col
    if top is None or top >= len(rank):
        return np.argsort(rank)
    kept = np.argpartition(rank, top - 1)[:top]
    return kept[np.argsort(rank[kept])]


#: Two-paths joined at once by :func:`_via` (a few arrays of this length in memory).
_VIA_CHUNK = 1 << 21


def _via(adj: sp.csr_array, left: np.ndarray, right: np.ndarray, common: sp.coo_array,
         order: np.ndarray) -> np.ndarray:
    """The common neighbours of the listed pairs, pair after pair, most ties first.

    ``common`` holds the untied pairs with common neighbours (local rows
    of ``left``, columns of ``right``), and ``order`` the listed ones
    among its entries. Every two-path
    ``left[r] - j - right[c]`` between actors of listed pairs is one
    left neighbour of the middle actor ``j`` joined to each of its right
    neighbours (by ``np.repeat``, about ``_VIA_CHUNK`` two-paths at a
    time); those of a listed pair are kept, and sorted by the pair's
    place in ``order``, then by the middle actor's ties (most first),
    then by its index. The two-paths are at most the work of the product
    ``adj[left] @ adj[:, right]`` already done: 3.6 million on the
    100,000-actor synthetic map, where intersecting the two neighbour
    lists of each of its 3.5 million candidate pairs took minutes.
    """
    n = adj.shape[0]
    degree = np.diff(adj.indptr)
    listed = common.row[order].astype(np.int64) * len(right) + common.col[order]
    place = np.argsort(listed)  # the listed pairs' keys ascending, and their places
    keys = listed[place]
    local_left = np.full(n, -1, dtype=np.int64)  # only the actors of a listed pair
    local_left[left[common.row[order]]] = common.row[order]
    local_right = np.full(n, -1, dtype=np.int64)
    local_right[right[common.col[order]]] = common.col[order]
    entry_row = np.repeat(np.arange(n), degree)  # the middle actor of each entry
    on_left = local_left[adj.indices] >= 0
    on_right = local_right[adj.indices] >= 0
    mid_left, ends_left = entry_row[on_left], local_left[adj.indices[on_left]]
    ends_right = local_right[adj.indices[on_right]]  # grouped by middle actor
    n_right = np.bincount(entry_row[on_right], minlength=n)
    first_right = np.concatenate([[0], np.cumsum(n_right)[:-1]])
    fan = n_right[mid_left]  # two-paths from each left entry
    ends = np.concatenate([[0], np.cumsum(fan)])
    cuts = np.unique(np.concatenate([np.searchsorted(ends, np.arange(0, ends[-1], _VIA_CHUNK),
                                                     side="right") - 1, [len(fan)]]))
    found_place, found_mid = [], []
    for lo, hi in zip(cuts[:-1], cuts[1:], strict=True):
        count = fan[lo:hi]
        before = np.repeat(ends[lo:hi] - ends[lo], count)
        within = np.arange(len(before)) - before
        mid = np.repeat(mid_left[lo:hi], count)
        key = (np.repeat(ends_left[lo:hi], count) * len(right)
               + ends_right[np.repeat(first_right[mid_left[lo:hi]], count) + within])
        at = np.minimum(np.searchsorted(keys, key), max(len(keys) - 1, 0))
        hit = (keys[at] == key) if len(keys) else np.zeros(len(key), dtype=bool)
        found_place.append(place[at[hit]])
        found_mid.append(mid[hit])
    where = np.concatenate(found_place or [np.zeros(0, dtype=np.int64)])
    mids = np.concatenate(found_mid or [np.zeros(0, dtype=np.int64)])
    return mids[np.lexsort((mids, -degree[mids], where))]


def introductions(m: StakeholderMap, between: tuple, *, by: str = "sector",
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
        The two groups, such as ``("public", "third")``; two different
        groups (the same one twice would list each actor with itself).
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

    Raises
    ------
    netmap.ParameterError
        When ``between`` is not two different groups of the map.

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
    if isinstance(between, str) or len(between) != 2 or any(
            label not in labels for label in between) or between[0] == between[1]:
        raise ParameterError("between", between, f"two different {by!r} groups of the "
                             "map, from " + allowed_words(labels))
    top = check_int("top", top, minimum=1, allow_none=True)
    a, b = (labels.index(x) for x in between)
    left = np.flatnonzero(groups.codes == a)
    right = np.flatnonzero(groups.codes == b)
    adj = _simple_undirected(m)
    common = _two_step(adj, left, right).tocoo()
    order = _ranked(common, top)  # left and right ascend: their order is the actors'
    rows, cols, counts = common.row[order], common.col[order], common.data[order]
    ids = np.asarray(m.arrays.ids, dtype=object)
    middle = ids[_via(adj, left, right, common, order)].tolist()
    bounds = np.concatenate([[0], np.cumsum(counts.astype(np.int64))]).tolist()
    via = [tuple(middle[start:end]) for start, end in zip(bounds[:-1], bounds[1:], strict=True)]
    table = pd.DataFrame({"actor_a": ids[left[rows]], "actor_b": ids[right[cols]]})
    if "name" in m.actors.columns:
        names = m.actors["name"].to_numpy()  # in the order of the map's ids
        table["name_a"] = names[left[rows]]
        table["name_b"] = names[right[cols]]
    table["common"] = counts.astype(np.int64)
    table["via"] = via
    return table
