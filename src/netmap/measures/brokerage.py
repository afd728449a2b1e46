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
    counts = m.arrays.adjacency()
    n = counts.shape[0]
    counts = counts.tocoo()
    keep = counts.data != 0
    rows, cols = counts.row[keep], counts.col[keep]
    n_arcs = int(keep.sum())
    off = rows != cols
    rows, cols = rows[off].astype(np.int64), cols[off].astype(np.int64)
    adj = sp.csr_array((np.ones(len(rows), dtype=np.int64), (rows, cols)), shape=(n, n))
    adj.sum_duplicates()
    return adj, n_arcs


def _row_sums(matrix) -> np.ndarray:
    """Row sums of a sparse matrix as a 1-D int64 array."""
    return np.asarray(matrix.sum(axis=1), dtype=np.int64).reshape(-1)


def _chunks(cost: np.ndarray, budget: int) -> list[tuple[int, int]]:
    """Consecutive row ranges whose summed ``cost`` stays near ``budget``."""
    n = len(cost)
    if n == 0:
        return []
    cum = np.cumsum(cost)
    cuts = np.searchsorted(cum, np.arange(budget, cum[-1], budget), side="right")
    bounds = np.unique(np.concatenate([[0], cuts, [n]]))
    return list(zip(bounds[:-1].tolist(), bounds[1:].tolist(), strict=True))


def _contains(sorted_keys: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """Whether each of ``keys`` is in ``sorted_keys``.

    The keys are looked up in sorted order: numpy's binary search starts
    each search from the previous one's place, so sorted keys read the
    table nearly in order (four times faster on a million keys than
    random ones).
    """
    found = np.zeros(len(keys), dtype=bool)
    if len(sorted_keys) == 0:
        return found
    order = np.argsort(keys)
    wanted = keys[order]
    where = np.minimum(np.searchsorted(sorted_keys, wanted), len(sorted_keys) - 1)
    found[order] = sorted_keys[where] == wanted
    return found


def _triangles(rows: np.ndarray, cols: np.ndarray, n: int) -> np.ndarray:
    """Every triangle of the undirected graph of the arcs ``rows -> cols``: (t, 3) int64.

    Chiba and Nishizeki's order: actors ranked by degree and each pair
    oriented from the lower rank to the higher (``R``, on the actors'
    own positions), so that a triangle of ranks ``a < b < c`` is the
    two-path ``a -> b -> c`` of ``R`` closed by ``a -> c``. The sparse
    product ``R @ R`` masked by ``R`` finds the closing pairs ``(a, c)``
    (an actor has at most ``sqrt(2 m)`` higher neighbours, ``m`` pairs,
    so the product holds at most ``m^1.5`` terms however large the hubs,
    where ``A @ A`` holds ``sum(degree^2)``); the middle actors ``b`` of
    those pairs are then looked up.
    """
    arcs = sp.csr_array((np.ones(len(rows), dtype=np.int32), (rows, cols)), shape=(n, n))
    return _pair_triangles(arcs + arcs.T)


def _pair_triangles(both) -> np.ndarray:
    """:func:`_triangles` of the tied pairs ``both`` (a symmetric sparse matrix, no diagonal)."""
    both = sp.csr_array(both)
    both.sort_indices()
    n = both.shape[0]
    degree = np.diff(both.indptr)
    rank = np.empty(n, dtype=np.int64)
    rank[np.argsort(degree, kind="stable")] = np.arange(n)
    owner = np.repeat(np.arange(n, dtype=np.int64), degree)
    up = rank[owner] < rank[both.indices]
    # R keeps the actors' positions: each row's higher neighbours, still sorted
    owner, other = owner[up], both.indices[up].astype(np.int64)
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(owner, minlength=n), out=indptr[1:])
    oriented = sp.csr_array((np.ones(len(other), dtype=np.int32), other, indptr),
                            shape=(n, n))
    keys = owner * n + other  # sorted: rows in order, columns sorted within rows
    closing = (oriented @ oriented).multiply(oriented).tocoo()  # pairs (a, c) in a triangle
    a, c = closing.row.astype(np.int64), closing.col.astype(np.int64)
    found = [np.zeros((0, 3), dtype=np.int64)]
    width = indptr[a + 1] - indptr[a]  # candidates b: a's higher neighbours
    for lo, hi in _chunks(width, _CHUNK_ENTRIES):
        count = width[lo:hi]
        edge = np.repeat(np.arange(lo, hi), count)
        step = np.arange(len(edge)) - np.repeat(np.cumsum(count) - count, count)
        b = other[indptr[a[edge]] + step]
        closed = _contains(keys, b * n + c[edge])
        edge, b = edge[closed], b[closed]
        found.append(np.column_stack([a[edge], b, c[edge]]))
    return np.concatenate(found)


def _tie_triangles(m) -> np.ndarray:
    """Every triangle of the map's ties, either direction: (t, 3) int64 (:func:`_pair_triangles`).

    Kept with the map's arrays, so that the closed two-paths of brokerage
    and the under-connected pairs' two-step counts
    (:func:`netmap.under_connected`) list them once; treat it as read-only.
    """
    def make():
        adj, _ = _binary_adjacency(m)
        # an undirected map's adjacency is symmetric already: no transpose and sum
        return _pair_triangles(adj + adj.T if m.directed else adj)

    return m.arrays.memo(("brokerage.triangles",), make)


def _closed_paths(m) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every closed two-path ``i -> j -> k`` with ``i -> k``: arrays ``i, j, k``.

    Found in the triangles of the undirected graph: each of a triangle's
    six orders is a closed two-path when its three arcs are in the 0/1
    adjacency. Kept with the map's arrays.
    """
    def make():
        adj, _ = _binary_adjacency(m)
        n = adj.shape[0]
        x, y, z = _tie_triangles(m).T
        ends = {"x": x, "y": y, "z": z}
        pairs = list(permutations("xyz", 2))
        if m.directed:  # which of the six arcs are there, looked up at once
            rows = np.repeat(np.arange(n, dtype=np.int64), np.diff(adj.indptr))
            arcs = rows * n + adj.indices  # sorted: the CSR is canonical
            there = _contains(arcs, np.concatenate([ends[a] * n + ends[b] for a, b in pairs]))
        else:  # the adjacency is symmetric: every tie is both arcs
            there = np.ones(len(pairs) * len(x), dtype=bool)
        arc = dict(zip(pairs, there.reshape(len(pairs), len(x)), strict=True))
        parts = []
        for i, j, k in permutations("xyz"):
            keep = arc[i, j] & arc[j, k] & arc[i, k]
            parts.append(np.column_stack([ends[i][keep], ends[j][keep], ends[k][keep]]))
        i, j, k = np.concatenate(parts).T
        return i, j, k

    return m.arrays.memo(("brokerage.closed",), make)


#: Most cells of the dense table of neighbours per actor and group (32 MB).
_MOST_CELLS = 1 << 22


def _two_paths(adj: sp.csr_array, codes: np.ndarray, n_groups: int) -> np.ndarray:
    """Two-paths ``i -> j -> k``, ``i != k``, through each ``j``, by condition: (n, 5).

    The conditions: none; ``i`` in ``j``'s group; ``k`` in ``j``'s group;
    both; ``i`` and ``k`` in one group. Each follows from in- and
    out-degrees (per group for the last), less the pairs with ``i == k``
    (mutual arcs), without a sparse product.
    """
    n = adj.shape[0]
    rows = np.repeat(np.arange(n, dtype=np.int64), np.diff(adj.indptr))
    cols = adj.indices.astype(np.int64)
    inside = codes[rows] == codes[cols]  # arcs inside a group
    out_deg = np.diff(adj.indptr).astype(np.int64)
    in_deg = np.bincount(cols, minlength=n)
    out_in = np.bincount(rows[inside], minlength=n)
    in_in = np.bincount(cols[inside], minlength=n)
    back = adj.multiply(adj.T).tocoo()  # mutual arcs j -> i -> j
    mutual = np.bincount(back.row, minlength=n)
    mutual_in = np.bincount(back.row[codes[back.row] == codes[back.col]], minlength=n)
    return np.column_stack([
        in_deg * out_deg - mutual,
        in_in * out_deg - mutual_in,
        in_deg * out_in - mutual_in,
        in_in * out_in - mutual_in,
        _same_group_pairs(rows, cols, codes, n, n_groups) - mutual,
    ])


def _same_group_pairs(rows: np.ndarray, cols: np.ndarray, codes: np.ndarray, n: int,
                      n_groups: int) -> np.ndarray:
    """Per actor ``j``, pairs of arcs ``i -> j``, ``j -> k`` with ``i`` and ``k`` in one group.

    The sum over groups of ``j``'s in-neighbours times its out-neighbours
    in that group: from a dense table per actor and group when it is
    small, else from sparse ones.
    """
    if n * n_groups <= _MOST_CELLS:
        cells = n * n_groups
        into = np.bincount(cols * n_groups + codes[rows], minlength=cells)
        out = np.bincount(rows * n_groups + codes[cols], minlength=cells)
        return (into * out).reshape(n, n_groups).sum(axis=1)
    ones = np.ones(len(rows), dtype=np.int64)
    into = sp.csr_array((ones, (cols, codes[rows])), shape=(n, n_groups))
    out = sp.csr_array((ones, (rows, codes[cols])), shape=(n, n_groups))
    return _row_sums(into.multiply(out))


def _role_counts(m, adj: sp.csr_array, codes: np.ndarray, n_groups: int) -> np.ndarray:
    """Open two-paths through each broker, by role: an (n, 5) int64 array.

    For broker ``j``, a two-path is a pair ``(i, k)``, ``i != k``, with
    arcs ``i -> j -> k``; it is open when there is no arc ``i -> k``. The
    counts are found per broker, without listing the open paths:
    two-paths with a condition on the groups of ``i`` and ``k`` (from in-
    and out-degrees per group) minus the closed ones (listed from the
    triangles, :func:`_closed_paths`).
    """
    n = adj.shape[0]
    if n == 0:
        return np.zeros((0, len(ROLES)), dtype=np.int64)
    paths = _two_paths(adj, codes, n_groups)

    # The closed ones, by the same conditions.
    i, j, k = _closed_paths(m)
    i_in, k_in = codes[i] == codes[j], codes[k] == codes[j]
    closed = np.column_stack([
        np.bincount(j, minlength=n),
        np.bincount(j[i_in], minlength=n),
        np.bincount(j[k_in], minlength=n),
        np.bincount(j[i_in & k_in], minlength=n),
        np.bincount(j[codes[i] == codes[k]], minlength=n),
    ])

    total, i_in, k_in, both, same = (paths - closed).T
    coordinator = both
    representative = i_in - both
    gatekeeper = k_in - both
    itinerant = same - both
    liaison = total - coordinator - representative - gatekeeper - itinerant
    return np.column_stack([coordinator, itinerant, representative, gatekeeper, liaison])


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


def _compute(m, by: str, counts: bool = True) -> _Brokerage:
    groups = group_codes(m, by)
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
    group_exp, group_var, net_exp, net_var = _moments(groups.sizes, n, d)
    return _Brokerage(groups, raw, group_exp, group_var, net_exp, net_var)


def _raw_counts(m, adj: sp.csr_array, groups: Groups) -> np.ndarray:
    roles = _role_counts(m, adj, groups.codes, groups.n_groups)
    raw = np.column_stack([roles, roles.sum(axis=1)])
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
    if stat == "raw":
        values = result.raw
    else:
        with np.errstate(divide="ignore", invalid="ignore"):
            exp = result.group_exp[codes]
            sd = np.sqrt(result.group_var[codes])
            values = {"expected": exp, "sd": sd}.get(stat)
            if values is None:
                values = (result.raw - exp) / sd
    frame = pd.DataFrame(values, index=m.arrays.ids.copy(), columns=list(_COLUMNS))
    frame.index.name = "id"
    group = pd.Categorical.from_codes(codes, categories=result.groups.labels)
    frame.insert(0, "group", group)
    return frame


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
    raw = result.raw.sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        sd = np.sqrt(result.net_var)
        z = (raw - result.net_exp) / sd
    index = pd.Index(list(_COLUMNS), name="role")
    return pd.DataFrame({"raw": raw, "expected": result.net_exp, "sd": sd, "z": z},
                        index=index)
