"""Gould-Fernandez brokerage roles of every actor, with sna's expected values and z-scores."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import permutations
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import scipy.sparse as sp

from netmap.model._groups import Groups, group_codes
from netmap.model._params import check_choice
from netmap.model.exceptions import MeasureError

if TYPE_CHECKING:
    from netmap.model.stakeholder_map import StakeholderMap

__all__ = ["brokerage", "brokerage_summary", "ROLES", "SNA_NAMES"]

#: The five roles, in the order of the columns (sna's order).
ROLES = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")

#: sna's name of each role and of the total (``sna::brokerage`` column names).
SNA_NAMES = {"coordinator": "w_I", "itinerant": "w_O", "representative": "b_IO",
             "gatekeeper": "b_OI", "liaison": "b_O", "total": "t"}

_STATS = ("raw", "expected", "sd", "z")
_COLUMNS = (*ROLES, "total")

#: Middle actors checked at once when listing the triangles (bounds memory:
#: about 50 bytes each, a few hundred MB at most).
_CHUNK_ENTRIES = 4_000_000


# -- counting -----------------------------------------------------------------------
def _binary_adjacency(m) -> tuple[sp.csr_array, int]:
    """The 0/1 adjacency without its diagonal, and the number of arcs with loops.

    Undirected ties count in both directions, parallel ties once, a
    self-tie once (sna's edge list of the symmetrised 0/1 matrix). Kept
    with the map's arrays; treat it as read-only.
    """
    return m.arrays.memo(("brokerage.adjacency",), lambda: _make_binary_adjacency(m))


def _make_binary_adjacency(m) -> tuple[sp.csr_array, int]:
    counts = m.arrays.adjacency()  # canonical: sorted, no duplicates
    n = counts.shape[0]
    rows = np.repeat(np.arange(n, dtype=counts.indices.dtype), np.diff(counts.indptr))
    keep = counts.data != 0
    n_arcs = int(np.count_nonzero(keep))
    keep &= rows != counts.indices
    before = np.zeros(len(keep) + 1, dtype=counts.indptr.dtype)  # entries kept before each
    np.cumsum(keep, out=before[1:])
    indptr = before[counts.indptr]
    indices = np.compress(keep, counts.indices)
    adj = sp.csr_array((np.ones(len(indices), dtype=np.int64), indices, indptr), shape=(n, n))
    adj.has_canonical_format = True  # a filtered canonical matrix
    return adj, n_arcs


def _chunks(cost: np.ndarray, budget: int) -> list[tuple[int, int]]:
    """Consecutive row ranges whose summed ``cost`` stays near ``budget``."""
    n = len(cost)
    if n == 0:
        return []
    cum = np.cumsum(cost)
    cuts = np.searchsorted(cum, np.arange(budget, cum[-1], budget), side="right")
    bounds = np.unique(np.concatenate([[0], cuts, [n]]))
    return list(zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True))


def _oriented_pairs(adj: sp.csr_array, directed: bool) -> sp.csr_array:
    """The tied pairs of ``adj``, each once, from the actor of lower rank: a canonical CSR.

    Chiba and Nishizeki's order: actors ranked by their number of arcs (in
    and out), ties broken by position. Each tied pair ``(a, c)``, ``a``
    of lower rank, is the entry ``(a, c)`` (on the actors' own positions),
    whose value (uint8) says which arcs the pair has: 1 the arc ``a -> c``,
    2 the arc ``c -> a``, 3 both. An actor has at most ``sqrt(2 m)`` pairs
    (``m`` tied pairs: its pairs go to actors of as many arcs as its own),
    so the two-paths ``a -> b -> c`` of the pattern number at most
    ``m^1.5`` however large the hubs, and each triangle is one of them,
    once. No sort: the kept arcs are filtered from the canonical ``adj``,
    and the reversed ones put in order by scipy's transpose (a counting
    sort).
    """
    n = adj.shape[0]
    indptr, cols = adj.indptr, adj.indices
    out_deg = np.diff(indptr)
    key = (out_deg + np.bincount(cols, minlength=n)).astype(np.int64) * n + np.arange(n)
    up = np.repeat(key, out_deg) < key[cols]  # the arc goes to the actor of higher rank
    before = np.zeros(len(up) + 1, dtype=indptr.dtype)  # arcs kept before each
    np.cumsum(up, out=before[1:])
    up_indptr = before[indptr]
    kept = np.compress(up, cols)
    pairs = sp.csr_array((np.full(len(kept), 1 if directed else 3, dtype=np.uint8), kept,
                          up_indptr), shape=adj.shape)
    pairs.has_canonical_format = True  # filtered from a canonical matrix
    if not directed:  # symmetric: each pair once, with both arcs
        return pairs
    kept = np.compress(~up, cols)  # the arcs c -> a, put at (a, c) by the transpose
    down = sp.csr_array((np.full(len(kept), 2, dtype=np.uint8), kept, indptr - up_indptr),
                        shape=adj.shape)
    return pairs + sp.csr_array(down.T)


def _closing_pairs(pairs: sp.csr_array) -> tuple[np.ndarray, np.ndarray]:
    """The pairs ``(a, c)`` of :func:`_oriented_pairs` that close a triangle: arrays ``a, c``.

    With ``R`` the 0/1 pattern of ``pairs``, a triangle is a two-path ``a
    -> b -> c`` of ``R`` closed by ``R[a, c]``: the product ``R @ R``
    masked by ``R``, computed only at the entries of ``R``. SuiteSparse:
    GraphBLAS does that when ``suitesparse-graphblas`` is installed
    (:func:`netmap.measures._graphblas.closing_pairs`); otherwise scipy
    (:func:`_closing_pairs_scipy`). Both give the same pairs, in any order.
    """
    if pairs.nnz == 0:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    from netmap.measures import _graphblas

    ssgb = _graphblas.library()
    if ssgb is None:
        return _closing_pairs_scipy(pairs)
    return _graphblas.closing_pairs(ssgb, pairs)


def _closing_pairs_scipy(pairs: sp.csr_array) -> tuple[np.ndarray, np.ndarray]:
    """:func:`_closing_pairs` in scipy's one sparse product ``R @ (R + w I)``.

    The product is ``(R @ R)[a, c] + w R[a, c]``, so with ``w`` above
    every count of two-paths, an entry above ``w`` is a tied pair closing
    ``(R @ R)[a, c] > 0`` triangles: the mask is applied inside the
    product, without a second pass. ``(R @ R)[a, c]`` is at most ``a``'s
    number of pairs, so ``w`` is the smallest power of two above that, in
    the smallest unsigned integers that hold ``2 w - 1`` (bytes on most
    maps: a quarter less time than 32-bit integers).
    """
    n, nnz = pairs.shape[0], pairs.nnz
    most = int(np.diff(pairs.indptr).max(initial=0))
    w = 1 << most.bit_length()  # above every count
    kind = np.min_scalar_type(2 * w - 1)
    pattern = sp.csr_array((np.ones(nnz, dtype=kind), pairs.indices, pairs.indptr),
                           shape=(n, n))
    index = np.int32 if nnz + n < 2**31 - 1 else np.int64
    indptr = pairs.indptr.astype(index) + np.arange(n + 1, dtype=index)
    first = indptr[:-1]  # the diagonal first in each row: the rows stay sorted
    rest = np.ones(nnz + n, dtype=bool)
    rest[first] = False
    indices = np.empty(nnz + n, dtype=index)
    indices[first], indices[rest] = np.arange(n), pairs.indices
    data = np.ones(nnz + n, dtype=kind)
    data[first] = w
    shifted = sp.csr_array((data, indices, indptr), shape=(n, n))
    product = pattern @ shifted
    hit = np.flatnonzero(product.data > w)
    a = np.searchsorted(product.indptr, hit, side="right") - 1
    return a.astype(np.int64), product.indices[hit].astype(np.int64)


def _listed_triangles(pairs: sp.csr_array) -> tuple[np.ndarray, np.ndarray]:
    """Every triangle of :func:`_oriented_pairs` ``pairs``, with the arcs of its three pairs.

    Returns the actors ``(t, 3)`` ``a, b, c`` in the order of their ranks
    and the entries of the pairs ``ab, ac, bc`` (``(t, 3)`` uint8: which
    arcs). The closing pairs ``(a, c)`` come from :func:`_closing_pairs`;
    their middle actors ``b`` are then looked up among ``a``'s pairs, each
    candidate ``b`` kept when ``(b, c)`` is a pair (scipy's lookup of
    entries in a canonical CSR: a binary search in the row of ``b``).
    """
    indptr, other = pairs.indptr, pairs.indices
    a, c = _closing_pairs(pairs)
    code_ac = _entry(pairs, a, c)
    found = [np.zeros((0, 3), dtype=np.int64)]
    codes = [np.zeros((0, 3), dtype=np.uint8)]
    width = indptr[a + 1] - indptr[a]  # candidates b: a's pairs
    for lo, hi in _chunks(width, _CHUNK_ENTRIES):
        count = width[lo:hi]
        edge = np.repeat(np.arange(lo, hi), count)
        at_ab = indptr[a[edge]] + np.arange(len(edge)) - np.repeat(np.cumsum(count) - count,
                                                                   count)
        b = other[at_ab].astype(np.int64)
        code_bc = _entry(pairs, b, c[edge])
        closed = np.flatnonzero(code_bc)
        edge, b = edge[closed], b[closed]
        found.append(np.column_stack([a[edge], b, c[edge]]))
        codes.append(np.column_stack([pairs.data[at_ab[closed]], code_ac[edge],
                                      code_bc[closed]]))
    return np.concatenate(found), np.concatenate(codes)


def _entry(pairs: sp.csr_array, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """The entries of ``pairs`` at ``(rows, cols)``: 0 where there is none."""
    return np.asarray(pairs[rows, cols]).reshape(-1)


@dataclass(frozen=True)
class _Closure:
    """What the two-paths of a map need beyond its degrees (actors' positions).

    ``closed``: every closed two-path ``i -> j -> k`` (with ``i -> k``) as
    arrays ``i, j, k``; ``mutual``: in a directed map, every pair tied
    both ways, once, as arrays ``u, v`` (empty in an undirected map, where
    every tied pair is); ``triangles``: every triangle of the ties, either
    direction, once, as rows of three actors.
    """

    closed: tuple[np.ndarray, np.ndarray, np.ndarray]
    mutual: tuple[np.ndarray, np.ndarray]
    triangles: np.ndarray


def _closure(m) -> _Closure:
    """:class:`_Closure` of the map, kept with its arrays."""
    return m.arrays.memo(("brokerage.closed",), lambda: _make_closure(m))


def _make_closure(m) -> _Closure:
    adj, _ = _binary_adjacency(m)
    pairs = _oriented_pairs(adj, m.directed)
    both = np.flatnonzero(pairs.data == 3) if m.directed else np.zeros(0, dtype=np.int64)
    lower = np.searchsorted(pairs.indptr, both, side="right") - 1
    mutual = (lower.astype(np.int64), pairs.indices[both].astype(np.int64))
    triangles, codes = _listed_triangles(pairs)
    return _Closure(_closed_from(triangles, codes), mutual, triangles)


def _closed_from(triangles: np.ndarray, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray,
                                                                    np.ndarray]:
    """The closed two-paths of triangles ``x, y, z`` (in the order of ranks) with arcs ``codes``.

    Each of a triangle's six orders ``i, j, k`` is a closed two-path when
    its three arcs ``i -> j``, ``j -> k``, ``i -> k`` are there: for the
    pair of ranks ``p < q``, bit 1 of its code is ``p -> q``, bit 2
    ``q -> p``.
    """
    ends = {x: np.ascontiguousarray(triangles[:, at]) for at, x in enumerate("xyz")}
    code = {"xy": codes[:, 0], "xz": codes[:, 1], "yz": codes[:, 2]}
    arc = {}
    for p, q in ("xy", "xz", "yz"):
        arc[p, q] = (code[p + q] & 1) != 0
        arc[q, p] = (code[p + q] & 2) != 0
    parts: tuple[list, list, list] = ([], [], [])
    for order in permutations("xyz"):
        i, j, k = order
        keep = np.flatnonzero(arc[i, j] & arc[j, k] & arc[i, k])
        for part, end in zip(parts, order, strict=True):
            part.append(ends[end][keep])
    first, middle, last = (np.concatenate(part) for part in parts)
    return first, middle, last


def _tie_triangles(m) -> np.ndarray:
    """Every triangle of the map's ties, either direction: (t, 3) int64, actors' positions.

    Read from :func:`_closure`, kept with the map's arrays, so that the
    closed two-paths of brokerage, the under-connected pairs' two-step
    counts (:func:`netmap.under_connected`) and structural holes
    (:func:`netmap.structural_holes`) list them once; treat it as
    read-only.
    """
    return _closure(m).triangles


def _closed_paths(m) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every closed two-path ``i -> j -> k`` with ``i -> k``: arrays ``i, j, k``.

    Found in the triangles of the undirected graph (:func:`_closure`),
    kept with the map's arrays.
    """
    return _closure(m).closed


#: Most cells of the dense table of neighbours per actor and group (32 MB).
_MOST_CELLS = 1 << 22


def _two_paths(adj: sp.csr_array, mutual: tuple[np.ndarray, np.ndarray], codes: np.ndarray,
               n_groups: int, directed: bool) -> np.ndarray:
    """Two-paths ``i -> j -> k``, ``i != k``, through each ``j``, by condition: (n, 5).

    The conditions: none; ``i`` in ``j``'s group; ``k`` in ``j``'s group;
    both; ``i`` and ``k`` in one group. Each follows from in- and
    out-degrees (per group, :func:`_neighbours_by_group`), less the pairs
    with ``i == k`` (the ``mutual`` pairs ``u, v`` of :func:`_closure`; in
    an undirected map every neighbour), without a sparse product.
    """
    n = adj.shape[0]
    out_deg = np.diff(adj.indptr).astype(np.int64)
    in_deg, in_in, out_in, same_group = _neighbours_by_group(adj, codes, n_groups, directed)
    if directed:
        u, v = mutual  # each pair j <-> i once: both ends count it
        same = (codes[u] == codes[v]).astype(np.int64)
        ends = np.bincount(np.concatenate([u, v]) * 2 + np.concatenate([same, same]),
                           minlength=2 * n).reshape(n, 2)
        mutual_all, mutual_in = ends.sum(axis=1), ends[:, 1]
    else:  # every neighbour is tied both ways
        mutual_all, mutual_in = out_deg, in_in
    return np.column_stack([
        in_deg * out_deg - mutual_all,
        in_in * out_deg - mutual_in,
        in_deg * out_in - mutual_in,
        in_in * out_in - mutual_in,
        same_group - mutual_all,
    ])


def _neighbours_by_group(adj: sp.csr_array, codes: np.ndarray, n_groups: int,
                         directed: bool) -> tuple[np.ndarray, ...]:
    """Per actor ``j``: in-degree, in- and out-neighbours in its own group, and same-group pairs.

    The last is the number of arcs ``i -> j``, ``j -> k`` with ``i`` and
    ``k`` in one group: the sum over groups of ``j``'s in-neighbours
    times its out-neighbours in that group. All four come from the table
    of in- and out-neighbours per actor and group: dense when it is
    small (a ``bincount`` each; one in an undirected map, whose in- and
    out-neighbours are the same), else sparse.
    """
    n = adj.shape[0]
    out_deg = np.diff(adj.indptr)
    cols = adj.indices
    if n * n_groups <= _MOST_CELLS:  # 32-bit cells: half the bytes to gather and add
        cells, small = n * n_groups, codes.astype(np.int32)
        out = np.bincount(np.repeat(np.arange(0, cells, n_groups, dtype=np.int32), out_deg)
                          + small[cols], minlength=cells).reshape(n, n_groups)
        into = out
        if directed:
            into = np.bincount(cols.astype(np.int32, copy=False) * np.int32(n_groups)
                               + np.repeat(small, out_deg), minlength=cells).reshape(n, n_groups)
        own = np.arange(n)
        return (np.einsum("ij->i", into), into[own, codes], out[own, codes],
                np.einsum("ij,ij->i", into, out))
    rows = np.repeat(np.arange(n, dtype=np.int64), out_deg)
    cols = cols.astype(np.int64)
    row_codes, col_codes = codes[rows], codes[cols]
    inside = row_codes == col_codes  # arcs inside a group
    ones = np.ones(len(rows), dtype=np.int64)
    into = sp.csr_array((ones, (cols, row_codes)), shape=(n, n_groups))
    out = sp.csr_array((ones, (rows, col_codes)), shape=(n, n_groups))
    return (np.bincount(cols, minlength=n), np.bincount(cols[inside], minlength=n),
            np.bincount(rows[inside], minlength=n),
            np.asarray(into.multiply(out).sum(axis=1), dtype=np.int64).reshape(-1))


#: The role of a closed two-path ``i -> j -> k`` by which of ``g(i) = g(j)`` (1),
#: ``g(k) = g(j)`` (2) and ``g(i) = g(k)`` (4) hold, as an index into ROLES: liaison,
#: representative, gatekeeper, -, itinerant, -, -, coordinator (3, 5 and 6 cannot happen).
_ROLE_OF_KIND = np.array([4, 2, 3, -1, 1, -1, -1, 0], dtype=np.int64)


def _role_counts(m, adj: sp.csr_array, codes: np.ndarray, n_groups: int) -> np.ndarray:
    """Open two-paths through each broker, by role: an (n, 5) int64 array.

    For broker ``j``, a two-path is a pair ``(i, k)``, ``i != k``, with
    arcs ``i -> j -> k``; it is open when there is no arc ``i -> k``. The
    counts are found per broker, without listing the open paths: every
    two-path by role (from in- and out-degrees per group,
    :func:`_two_paths`) minus the closed ones (listed from the triangles,
    :func:`_closed_paths`, and counted by role in one ``bincount``).
    """
    n = adj.shape[0]
    if n == 0:
        return np.zeros((0, len(ROLES)), dtype=np.int64)
    closure = _closure(m)
    total, i_in, k_in, both, same = _two_paths(adj, closure.mutual, codes, n_groups,
                                               m.directed).T
    coordinator = both
    representative = i_in - both
    gatekeeper = k_in - both
    itinerant = same - both
    liaison = total - coordinator - representative - gatekeeper - itinerant
    paths = np.column_stack([coordinator, itinerant, representative, gatekeeper, liaison])

    i, j, k = closure.closed
    ci, cj, ck = codes[i], codes[j], codes[k]
    role = _ROLE_OF_KIND[(ci == cj) + 2 * (ck == cj) + 4 * (ci == ck).astype(np.int64)]
    closed = np.bincount(j * len(ROLES) + role, minlength=n * len(ROLES))
    return paths - closed.reshape(n, len(ROLES))


# -- expectations (sna's formulas) ------------------------------------------------------
def _as_float(values) -> np.ndarray:
    return np.asarray(values, dtype=np.float64)


def _choose2(x):
    return x * (x - 1) // 2


def _moments(sizes: np.ndarray, n: int, d: float | np.floating) -> tuple[np.ndarray, np.ndarray,
                                                           np.ndarray, np.ndarray]:
    """The expected values and variances of sna, per group (G x 6) and network (6).

    The integer parts of sna's sums are computed exactly (Python integers,
    closed forms of its loops over groups); the density factors are floats.
    """
    g = sizes.astype(object)  # exact integers, whatever their size
    p2, p3 = int((g * g).sum()), int((g * g * g).sum())
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        q = d ** 2 * (1 - d)
        r3 = d ** 3 * (1 - d) ** 3
        r4 = d ** 4 * (1 - d) ** 2
        r5 = d ** 5 * (1 - d)

        # Per group i (the broker's group), sizes n_i; sums over the other groups.
        rest = n - g
        f2 = g * (g - 1)
        f3 = f2 * (g - 2)
        mean = np.stack([
            _as_float((g - 1) * (g - 2)),
            _as_float(int(f2.sum()) - f2),
            _as_float(rest * (g - 1)),
            _as_float(rest * (g - 1)),
            _as_float(rest * rest - (p2 - g * g)),
            _as_float(np.full(len(g), (n - 1) * (n - 2), dtype=object)),
        ], axis=1)
        extra = np.stack([
            _as_float(2 * (g - 1) * (g - 2) * (g - 3)),
            _as_float(2 * (int(f3.sum()) - f3)),
            _as_float(2 * ((g - 1) * _choose2(rest) + rest * _choose2(g - 1))),
            _as_float(2 * ((g - 1) * _choose2(rest) + rest * _choose2(g - 1))),
            # 4 * sum_{h != i} n_h * C(N - n_h - n_i, 2), summed in closed form
            _as_float(2 * ((rest * rest - rest) * rest + (1 - 2 * rest) * (p2 - g * g)
                           + (p3 - g * g * g))),
            _as_float(np.full(len(g), 2 * (n - 1) * (n - 2) * (n - 3), dtype=object)),
        ], axis=1)
        group_exp = q * mean
        group_var = group_exp * (1 - q) + extra * r3

        # The whole network.
        cross = g * rest * (g - 1)  # broker and one end in a group, the other end out
        outside = rest * rest - (p2 - g * g)  # ordered pairs of two other groups
        t0 = int((g * outside).sum())  # ordered triples of three distinct groups
        t1 = int((g * g * outside).sum())
        net_mean = _as_float([f3.sum(), cross.sum(), cross.sum(), cross.sum(), t0,
                              n * (n - 1) * (n - 2)])
        net_exp = q * net_mean
        net_extra = np.array([
            float((f3 * (4 * g - 10)).sum()) * r3 - float((f3 * 4 * (g - 3)).sum()) * r4
            + float((f3 * (g - 3)).sum()) * r5,
            float((f2 * ((2 * g - 6) * rest + 2 * (p2 - g * g))).sum()) * r3
            + float((f2 * (rest - 1) * rest).sum()) * r5,
            float((cross * (n - 3)).sum()) * r3 + float((cross * (g - 2)).sum()) * r5,
            float((cross * (n - 3)).sum()) * r3 + float((cross * (g - 2)).sum()) * r5,
            float((4 * n - 2) * t0 - 8 * t1) * (r3 - r4) + float((n - 1) * t0 - 2 * t1) * r5,
            float(n * (n - 1) * (n - 2)) * ((4 * n - 10) * r3 - 4 * (n - 3) * r4
                                           + (n - 3) * r5),
        ])
        net_var = net_exp * (1 - q) + net_extra
    return group_exp, group_var, net_exp, net_var


# -- the result ------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Brokerage:
    groups: Groups
    raw: np.ndarray | None  # (n, 6) int64, with the total
    group_exp: np.ndarray  # (G, 6)
    group_var: np.ndarray
    net_exp: np.ndarray  # (6,)
    net_var: np.ndarray


def _groups(m, by: str) -> Groups:
    """The actors' groups (:func:`netmap.model._groups.group_codes`), kept with the map."""
    def make():
        groups = group_codes(m, by)
        groups.codes.flags.writeable = False
        return groups

    return m.arrays.memo(("brokerage.groups", by), make)


def _compute(m, by: str, counts: bool = True) -> _Brokerage:
    groups = _groups(m, by)
    missing = groups.codes < 0
    if missing.any():
        ids = m.arrays.ids[missing]
        listed = ", ".join(map(str, ids[:5])) + (", ..." if len(ids) > 5 else "")
        raise MeasureError(
            f"brokerage needs a group for every actor, and {len(ids)} actor"
            f"{'s have' if len(ids) != 1 else ' has'} no {by!r} group ({listed}); use "
            f"by='sector', or give every actor a value in the {by!r} column")
    adj, n_arcs = _binary_adjacency(m)
    n = adj.shape[0]
    with np.errstate(divide="ignore", invalid="ignore"):
        d = np.float64(n_arcs) / np.float64(n * (n - 1))
    raw = None
    if counts:
        raw = m.arrays.memo(("brokerage.roles", by), lambda: _raw_counts(m, adj, groups))
    moments = m.arrays.memo(("brokerage.moments", by), lambda: _kept(_moments(groups.sizes, n, d)))
    return _Brokerage(groups, raw, *moments)


def _kept(arrays: tuple) -> tuple:
    """The arrays, read-only: they are kept with the map."""
    for array in arrays:
        array.flags.writeable = False
    return arrays


def _raw_counts(m, adj: sp.csr_array, groups: Groups) -> np.ndarray:
    roles = _role_counts(m, adj, groups.codes, groups.n_groups)
    raw = np.column_stack([roles, np.einsum("ij->i", roles)])
    raw.flags.writeable = False
    return raw


def _check_stat(stat: str) -> None:
    check_choice("stat", stat, _STATS)


def brokerage(m: StakeholderMap, *, by: str = "sector", stat: str = "raw") -> pd.DataFrame:
    r"""Gould-Fernandez brokerage roles of every actor, as ``sna::brokerage``.

    Actor ``j`` brokers the ordered pair ``(i, k)``, ``i != k``, when
    there are ties ``i -> j`` and ``j -> k`` but none ``i -> k``. The
    role depends on the groups ``g(.)`` of the three actors:

    ============== ================================ =========
    role           groups                           sna
    ============== ================================ =========
    coordinator    g(i) = g(j) = g(k)               ``w_I``
    itinerant      g(i) = g(k) != g(j)              ``w_O``
    representative g(i) = g(j) != g(k)              ``b_IO``
    gatekeeper     g(i) != g(j) = g(k)              ``b_OI``
    liaison        g(i), g(j), g(k) all different   ``b_O``
    ============== ================================ =========

    A representative passes what comes from its own group out to another;
    a gatekeeper lets what comes from outside into its own group. The
    expected values and standard deviations are sna's, under a random
    graph of the same density ``d = m / (N (N - 1))`` (``m`` arcs,
    ``N`` actors), with ``n`` the size of the broker's group, ``n_h``
    the other groups' and ``q = d^2 (1 - d)``, ``r = d^3 (1 - d)^3``:

    .. math::

        E_{coordinator} &= q (n - 1)(n - 2), &
        V &= E (1 - q) + 2 (n - 1)(n - 2)(n - 3) r \\
        E_{itinerant} &= q \sum_{h} n_h (n_h - 1), &
        V &= E (1 - q) + 2 \sum_{h} n_h (n_h - 1)(n_h - 2) r \\
        E_{representative} &= E_{gatekeeper} = q (N - n)(n - 1), &
        V &= E (1 - q) + 2 \left[(n - 1) \tbinom{N - n}{2}
             + (N - n) \tbinom{n - 1}{2}\right] r \\
        E_{liaison} &= q \sum_{h \ne h'} n_h n_{h'}, &
        V &= E (1 - q) + 4 \sum_{h} n_h \tbinom{N - n_h - n}{2} r \\
        E_{total} &= q (N - 1)(N - 2), &
        V &= E (1 - q) + 2 (N - 1)(N - 2)(N - 3) r

    and ``z = (raw - E) / sqrt(V)``.

    Parameters
    ----------
    m : StakeholderMap
        The map. Undirected ties count in both directions (sna on the
        symmetrised graph); parallel ties between one pair count once; a
        self-tie brokers nothing but counts as one arc in the density, as
        in sna.
    by : str, default "sector"
        ``"sector"``, ``"core"`` or any actor column; every actor needs a
        value.
    stat : {"raw", "expected", "sd", "z"}
        What the role columns hold: the counts (sna's ``raw.nli``), their
        expected values (``exp.nli``), standard deviations (``sd.nli``) or
        z-scores (``z.nli``).

    Returns
    -------
    pandas.DataFrame
        One row per actor, indexed by actor id (``id``), in the order of
        ``m.actors``, with columns:

        - ``group``: the actor's group (categorical, in the order of the
          groups);
        - ``coordinator``: pairs brokered inside the actor's own group;
        - ``itinerant``: pairs of one other group;
        - ``representative``: from the actor's group to another;
        - ``gatekeeper``: from another group into the actor's;
        - ``liaison``: between two other, different groups;
        - ``total``: all brokered pairs (the sum of the five).

        Counts are integers; the other statistics floats. A z-score is NaN
        where the standard deviation is 0, as in sna: where the group's
        size rules the role out (a coordinator needs a group of three), in
        a map without ties or with every tie, and with fewer than three
        actors.

    Raises
    ------
    netmap.ParameterError
        For an unknown ``stat``, or a ``by`` that is not a column of the
        actors.
    netmap.MeasureError
        When an actor has no group (such as academia with ``by="core"``):
        sna needs a group for every actor.

    See Also
    --------
    brokerage_summary : The same for the whole network.

    Notes
    -----
    Self-ties can raise the density to 1 while a pair is still untied; an
    actor brokering it then has ``sd = 0`` and an infinite z, and above 1
    the variances are negative and the sds NaN: sna's numbers, kept.

    The counts come from the sparse adjacency: per broker, the two-paths
    with each group condition (from in- and out-degrees per group) minus
    the closed ones, listed from the triangles of the map (Chiba and
    Nishizeki's degree order: at most ``m^1.5`` steps for ``m`` tied
    pairs, however large the hubs, where the product ``A @ A`` holds
    ``sum(degree^2)`` entries), so no open path is listed one by one. The
    pairs that close a triangle are a masked sparse product, computed by
    SuiteSparse:GraphBLAS when ``suitesparse-graphblas`` is installed
    (the ``fast`` extra: ``pip install netmap[fast]``; about twice as
    fast) and by scipy otherwise, with the same counts. The
    counts are kept with the map (``m.arrays``): asking for several
    statistics, or for :func:`brokerage_summary` after :func:`brokerage`,
    counts them once. The integer parts of the
    expected values are computed exactly. sna's help calls the roles in
    the order of its columns; its C comment lists another order, but the
    code puts ``g(i) = g(j)`` in ``b_IO`` (representative) and
    ``g(j) = g(k)`` in ``b_OI`` (gatekeeper), which netmap follows.

    References
    ----------
    .. [1] R. V. Gould and R. M. Fernandez, "Structures of mediation: a
       formal approach to brokerage in transaction networks", Sociological
       Methodology 19, 89-126 (1989). https://doi.org/10.2307/270949
    .. [2] C. T. Butts, sna: Tools for Social Network Analysis, R package,
       function ``brokerage``. https://CRAN.R-project.org/package=sna
    .. [3] N. Chiba and T. Nishizeki, "Arboricity and subgraph listing
       algorithms", SIAM Journal on Computing 14(1), 210-223 (1985).
       https://doi.org/10.1137/0214017

    Examples
    --------
    >>> import netmap
    >>> from netmap.measures.brokerage import brokerage
    >>> m = netmap.datasets.load_2x5()
    >>> roles = brokerage(m)
    >>> roles["total"].idxmax(), roles.loc["sheatufim", "group"]
    ('sheatufim', 'third')
    >>> roles.drop(columns="group").loc["sheatufim"].tolist()
    [158, 222, 553, 553, 1008, 2494]
    >>> z = brokerage(m, stat="z")
    >>> round(float(z.loc["sheatufim", "liaison"]), 2)
    80.92

    In an undirected map every open path is brokered both ways, so each
    actor's representative and gatekeeper counts are equal.
    """
    _check_stat(stat)
    result = _compute(m, by, counts=stat in ("raw", "z"))
    codes = result.groups.codes
    with np.errstate(divide="ignore", invalid="ignore"):  # per group, then spread to actors
        if stat == "raw":
            values = result.raw
        elif stat == "expected":
            values = np.take(result.group_exp, codes, axis=0)
        else:
            values = np.take(np.sqrt(result.group_var), codes, axis=0)
            if stat == "z":
                values = (result.raw - np.take(result.group_exp, codes, axis=0)) / values
    assert values is not None  # counted: stat "raw" and "z" count
    columns = {"group": pd.Categorical.from_codes(codes, categories=result.groups.labels)}
    columns.update(zip(_COLUMNS, values.T, strict=True))  # copied (the counts are kept)
    return pd.DataFrame(columns, index=pd.Index(m.arrays.ids.copy(), name="id"))


def brokerage_summary(m: StakeholderMap, *, by: str = "sector") -> pd.DataFrame:
    r"""Gould-Fernandez brokerage of the whole network, as ``sna::brokerage``.

    The brokered pairs of all actors added up by role, with the expected
    value and standard deviation sna gives them (its ``raw.gli``,
    ``exp.gli``, ``sd.gli`` and ``z.gli``), under a random graph of the
    same density ``d`` and group sizes ``n_a`` (``N`` actors, ``q = d^2
    (1 - d)``):

    .. math::

        E_{coordinator} &= q \sum_a n_a (n_a - 1)(n_a - 2) \\
        E_{itinerant} = E_{representative} = E_{gatekeeper}
            &= q \sum_a n_a (n_a - 1)(N - n_a) \\
        E_{liaison} &= q \sum_{a \ne b} n_a n_b (N - n_a - n_b) \\
        E_{total} &= q N (N - 1)(N - 2)

    The variances are sna's longer expressions in ``d^3 (1 - d)^3``,
    ``d^4 (1 - d)^2`` and ``d^5 (1 - d)`` (see ``docs/brokerage.md``).

    Parameters
    ----------
    m : StakeholderMap
        The map; ties count as in :func:`brokerage`.
    by : str, default "sector"
        ``"sector"``, ``"core"`` or any actor column; every actor needs a
        value.

    Returns
    -------
    pandas.DataFrame
        One row per role, then ``total`` (index ``role``), with columns:

        - ``raw``: brokered pairs (int);
        - ``expected``: their expected number;
        - ``sd``: its standard deviation;
        - ``z``: ``(raw - expected) / sd`` (NaN where ``sd`` is 0).

    Raises
    ------
    netmap.ParameterError
        When ``by`` is not a column of the actors.
    netmap.MeasureError
        When an actor has no group.

    See Also
    --------
    brokerage : The same per actor.

    References
    ----------
    .. [1] R. V. Gould and R. M. Fernandez, "Structures of mediation: a
       formal approach to brokerage in transaction networks", Sociological
       Methodology 19, 89-126 (1989). https://doi.org/10.2307/270949
    .. [2] C. T. Butts, sna: Tools for Social Network Analysis, R package,
       function ``brokerage``. https://CRAN.R-project.org/package=sna

    Examples
    --------
    >>> import netmap
    >>> from netmap.measures.brokerage import brokerage_summary
    >>> summary = brokerage_summary(netmap.datasets.load_2x5())
    >>> summary["raw"].tolist()
    [1748, 720, 1531, 1531, 1760, 7290]
    >>> summary.loc["coordinator", ["expected", "sd", "z"]].round(2).tolist()
    [372.33, 54.28, 25.35]
    """
    result = _compute(m, by)
    assert result.raw is not None  # counted, as _compute counts by default
    raw = np.einsum("ij->j", result.raw)  # a quarter of the time of .sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        sd = np.sqrt(result.net_var)
        z = (raw - result.net_exp) / sd
    index = pd.Index(list(_COLUMNS), name="role")
    return pd.DataFrame({"raw": raw, "expected": result.net_exp, "sd": sd, "z": z},
                        index=index)
