"""Where each actor sits on a map: seeded force and sector layouts.

Both layouts work on the map's integer arrays and are reproducible: the
same map and the same ``seed`` give the same positions. The force layout
starts from pivot multidimensional scaling of the graph distances (Brandes
and Pich 2007), which gets the large-scale shape right, and refines it
with Fruchterman-Reingold forces (1991): every tie pulls its two actors
together with a force ``d ** 2`` and every two actors push apart with
``1 / d`` (ideal tie length 1). In a component of up to
:data:`ALL_PAIRS_UP_TO` actors the push is summed over all pairs; above,
exactly between actors in the same or neighbouring cells of a grid about
one unit wide, and through the grid's counts (a Fourier convolution)
beyond, so that a map of 5,000 actors is laid out in a few seconds
(``benchmarks/bench_plot.py``). Connected components are laid out one by
one and packed in rows, largest first.

The sector layout gives every sector its own disc, on a ring in taxonomy
order, with an area in proportion to its number of actors. Inside its
disc a sector is laid out by force from its own ties and turned (or
mirrored) so that the actors with ties to other sectors face those
sectors; actors without a tie in their own sector stand on the rim,
towards the sectors they reach.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import scipy.fft as sp_fft
import scipy.sparse as sp
from scipy.sparse import csgraph
from scipy.spatial import cKDTree

from netmap.model._params import check_choice, check_int, check_seed
from netmap.model.arrays import int32_indices

if TYPE_CHECKING:
    from netmap.model.stakeholder_map import StakeholderMap

__all__ = ["layout", "force_positions", "sector_positions", "LAYOUTS",
           "ALL_PAIRS_UP_TO"]

#: The layouts :func:`netmap.plot.layout` knows.
LAYOUTS = ("force", "sector")

#: Components of up to this many actors feel repulsion between all pairs;
#: above, exactly between near actors and through a grid beyond.
ALL_PAIRS_UP_TO = 1000

_PIVOTS = 50  # pivots of the pivot MDS
_GRID = 256  # the most grid cells a side, for the repulsion of large components
_ITERATIONS = 120


def layout(m: StakeholderMap, *, kind: str = "force", seed=0, iterations: int = _ITERATIONS
           ) -> pd.DataFrame:
    """Positions of the actors of a map, for :func:`netmap.plot.plot_map`.

    Parameters
    ----------
    m : StakeholderMap
        The map.
    kind : {"force", "sector"}
        ``"force"``: tied actors close, clusters apart (see the module
        notes). ``"sector"``: each sector in its own disc, so that
        cross-sector ties run between discs.
    seed : int, numpy Generator or None, default 0
        Seeds the layout: the same seed gives the same picture; None draws
        fresh randomness.
    iterations : int, default 120
        Force iterations.

    Returns
    -------
    pandas.DataFrame
        Indexed by actor id, in the order of ``m.actors``, columns ``x``
        and ``y``, in units of the ideal tie length (about 1 between tied
        actors). For ``kind="sector"``, ``attrs["regions"]`` is a
        DataFrame indexed by sector code with the ``x``, ``y`` and
        ``radius`` of each sector's disc (sectors with actors only).

    Raises
    ------
    netmap.ParameterError
        For an unknown ``kind``, or ``iterations`` below 0.

    Examples
    --------
    >>> import netmap
    >>> from netmap.plot import layout
    >>> m = netmap.datasets.load_2x5()
    >>> pos = layout(m, kind="force", seed=1)
    >>> pos.shape, pos.equals(layout(m, kind="force", seed=1))
    ((92, 2), True)
    >>> layout(m, kind="sector").attrs["regions"].index[:3].tolist()
    ['public', 'business', 'third']
    """
    check_choice("kind", kind, LAYOUTS)
    check_int("iterations", iterations, minimum=0)
    arr = m.arrays
    if kind == "force":
        xy = force_positions(arr.n_actors, arr.source, arr.target, seed=seed,
                             iterations=iterations)
        return _frame(arr.ids, xy)
    xy, regions = sector_positions(arr.sector, arr.source, arr.target, seed=seed,
                                   iterations=iterations)
    frame = _frame(arr.ids, xy)
    regions.index = pd.Index([arr.sectors[c] for c in regions.index], name="sector")
    frame.attrs["regions"] = regions
    return frame


def _frame(ids: pd.Index, xy: np.ndarray) -> pd.DataFrame:
    return pd.DataFrame({"x": xy[:, 0], "y": xy[:, 1]}, index=ids.copy())


# -- graph helpers ---------------------------------------------------------------------
def _undirected(n: int, source: np.ndarray, target: np.ndarray) -> sp.csr_array:
    """0/1 symmetric adjacency without self-ties."""
    off = source != target
    s, t = source[off].astype(np.int64), target[off].astype(np.int64)
    rows, cols = np.concatenate([s, t]), np.concatenate([t, s])
    adj = sp.csr_array((np.ones(len(rows)), (rows, cols)), shape=(n, n))
    adj.sum_duplicates()
    adj.data[:] = 1.0
    return int32_indices(adj)


def _edges(adj: sp.csr_array) -> tuple[np.ndarray, np.ndarray]:
    """Each undirected pair of ``adj`` once (i < j)."""
    coo = sp.triu(adj, k=1).tocoo()
    return coo.row.astype(np.int64), coo.col.astype(np.int64)


def _pivot_mds(adj: sp.csr_array, rng: np.random.Generator,
               pivots: int = _PIVOTS) -> np.ndarray:
    """Pivot MDS of a connected graph's shortest-path distances (n x 2).

    Brandes and Pich (2007): distances from ``pivots`` actors chosen far
    apart (max-min), double-centred, projected on their two leading
    singular vectors.
    """
    adj = int32_indices(sp.csr_array(adj))
    n = adj.shape[0]
    k = min(pivots, n)
    dist = np.empty((k, n))
    first = int(rng.integers(n))
    nearest = np.full(n, np.inf)
    chosen = first
    for p in range(k):
        dist[p] = csgraph.shortest_path(  # int32 indices: older scipy takes no others
            adj, unweighted=True, indices=np.array([chosen], dtype=np.int32),
            directed=False)[0]
        nearest = np.minimum(nearest, dist[p])
        chosen = int(np.argmax(nearest))
    d2 = dist.T ** 2  # n x k
    c = -0.5 * (d2 - d2.mean(axis=0) - d2.mean(axis=1, keepdims=True) + d2.mean())
    # The leading right singular vectors of c, from the small k x k matrix
    # c.T c (as Brandes and Pich do); positions c v = u s.
    values, vectors = np.linalg.eigh(c.T @ c)
    xy = c @ vectors[:, np.argsort(values)[::-1][:2]]
    if xy.shape[1] < 2:  # one pivot: one dimension
        xy = np.column_stack([xy, np.zeros(n)])
    # Fix the signs, which are free: the farthest actor on +x, +y.
    for axis in range(2):
        if xy[np.argmax(np.abs(xy[:, axis])), axis] < 0:
            xy[:, axis] *= -1
    return xy


def _scale(xy: np.ndarray, s: np.ndarray, t: np.ndarray) -> np.ndarray:
    """Scale so that ties are about one unit long and each actor has a unit of area.

    The larger of the two scales: the median tie one unit long, or the
    actors spread as over a disc of area ``n`` (dense graphs would
    otherwise start crowded together).
    """
    centred = xy - xy.mean(axis=0)
    rms = np.sqrt(np.mean(np.einsum("ij,ij->i", centred, centred)))
    scales = []
    if rms > 0:
        scales.append(np.sqrt(len(xy) / (2 * np.pi)) / rms)
    if len(s):
        length = np.median(np.hypot(*(xy[s] - xy[t]).T))
        if length > 0:
            scales.append(1 / length)
    return centred * max(scales) if scales else centred


# -- Fruchterman-Reingold ---------------------------------------------------------------
def _add(disp: np.ndarray, index: np.ndarray, force: np.ndarray) -> None:
    n = len(disp)
    disp[:, 0] += np.bincount(index, weights=force[:, 0], minlength=n)
    disp[:, 1] += np.bincount(index, weights=force[:, 1], minlength=n)


def _pair_repulsion(disp: np.ndarray, xy: np.ndarray, i: np.ndarray, j: np.ndarray
                    ) -> None:
    """Add the repulsion 1 / d between actors ``i[k]`` and ``j[k]``."""
    if len(i) == 0:
        return
    delta = xy[i] - xy[j]
    d2 = np.maximum(np.einsum("ij,ij->i", delta, delta), 1e-9)
    force = delta / d2[:, None]
    _add(disp, i, force)
    _add(disp, j, -force)


def _mesh_kernel(grid: int, cache: dict) -> tuple[np.ndarray, np.ndarray]:
    """Fourier transforms of the kernel ``d / |d|**2`` on a wrapped 2g x 2g grid.

    Offsets of at most one cell (the near field) are left out.
    """
    key = ("kernel", grid)
    if key not in cache:
        size = 2 * grid
        offsets = np.arange(size)
        offsets = np.where(offsets < grid, offsets, offsets - size).astype(float)
        a, b = np.meshgrid(offsets, offsets, indexing="ij")
        r2 = a * a + b * b
        r2[np.maximum(np.abs(a), np.abs(b)) <= 1] = np.inf
        cache[key] = (sp_fft.rfft2(a / r2), sp_fft.rfft2(b / r2))
    return cache[key]


def _mesh_repulsion(disp: np.ndarray, xy: np.ndarray, nodes: np.ndarray,
                    cache: dict) -> None:
    """Repulsion among ``nodes``: exact between near actors, through a grid beyond.

    The actors are counted on a square grid of cells about one unit wide
    (from 32 to 256 cells a side); the push of every cell on every cell
    more than one cell away is the convolution of the counts with the
    kernel ``d / |d|**2``, done with FFTs. Actors in the same or
    neighbouring cells repel each other exactly.
    """
    pts = xy[nodes]
    low = pts.min(axis=0)
    span = max(float((pts.max(axis=0) - low).max()), 1e-9)
    grid = int(np.clip(2 ** np.ceil(np.log2(span)), 32, _GRID))
    cell = span / (grid - 1)
    cells = np.minimum(((pts - low) / cell).astype(np.int64), grid - 1)
    counts = np.zeros((2 * grid, 2 * grid))
    np.add.at(counts, (cells[:, 0], cells[:, 1]), 1.0)
    kx, ky = _mesh_kernel(grid, cache)
    spectrum = sp_fft.rfft2(counts)
    fx = sp_fft.irfft2(spectrum * kx, s=counts.shape)
    fy = sp_fft.irfft2(spectrum * ky, s=counts.shape)
    at = (cells[:, 0], cells[:, 1])
    disp[nodes] += np.column_stack([fx[at], fy[at]]) / cell
    pairs = cKDTree(pts).query_pairs(2 * cell, output_type="ndarray")
    _pair_repulsion(disp, xy, nodes[pairs[:, 0]], nodes[pairs[:, 1]])


def _repulsion(disp: np.ndarray, xy: np.ndarray, cache: dict) -> None:
    """Repulsion between the actors: every pair, or near pairs and a grid beyond."""
    nodes = np.arange(len(xy))
    if len(nodes) <= ALL_PAIRS_UP_TO:
        if "pairs" not in cache:
            cache["pairs"] = np.triu_indices(len(nodes), k=1)
        _pair_repulsion(disp, xy, *cache["pairs"])
    else:
        _mesh_repulsion(disp, xy, nodes, cache)


def _fruchterman_reingold(xy: np.ndarray, s: np.ndarray, t: np.ndarray, *,
                          iterations: int, start: float) -> np.ndarray:
    """Fruchterman-Reingold with ideal tie length 1 and geometric cooling.

    Repulsion ``1 / d`` between actors, attraction ``d ** 2`` along ties;
    each step moves an actor at most the temperature, which falls from
    ``start`` to 0.01.
    """
    xy = xy.copy()
    cache: dict = {}
    stop = 0.01
    for step in range(iterations):
        temperature = start * (stop / start) ** (step / max(iterations - 1, 1))
        disp = np.zeros_like(xy)
        _repulsion(disp, xy, cache)
        if len(s):
            delta = xy[s] - xy[t]
            d = np.sqrt(np.einsum("ij,ij->i", delta, delta))
            force = delta * d[:, None]  # magnitude d ** 2
            _add(disp, s, -force)
            _add(disp, t, force)
        length = np.hypot(disp[:, 0], disp[:, 1])
        factor = np.minimum(length, temperature) / np.maximum(length, 1e-12)
        xy += disp * factor[:, None]
    return xy


# -- force layout -------------------------------------------------------------------
def _component(adj: sp.csr_array, nodes: np.ndarray, rng: np.random.Generator,
               iterations: int) -> np.ndarray:
    """Force layout of one connected component (positions of ``nodes``)."""
    k = len(nodes)
    if k == 1:
        return np.zeros((1, 2))
    if k == 2:
        return np.array([[0.0, 0.0], [1.0, 0.0]])
    sub = adj[nodes][:, nodes]
    s, t = _edges(sub)
    xy = _scale(_pivot_mds(sub, rng), s, t)
    # Actors with the same distances to every pivot (leaves of one hub)
    # start at one point: a little jitter lets repulsion part them.
    xy += rng.normal(scale=0.05, size=xy.shape)
    return _fruchterman_reingold(xy, s, t, iterations=iterations,
                                 start=max(1.0, np.sqrt(k) / 10))


def _pack(parts: list[np.ndarray], margin: float = 1.0) -> list[np.ndarray]:
    """Place laid-out components in rows, largest first, about as wide as tall."""
    boxes = []
    for xy in parts:
        low = xy.min(axis=0)
        size = xy.max(axis=0) - low + margin
        boxes.append((low, size))
    area = sum(float(size[0] * size[1]) for _, size in boxes)
    width = max(np.sqrt(area) * 1.2, max(float(size[0]) for _, size in boxes))
    placed = []
    x = y = row_height = 0.0
    for (low, size), xy in zip(boxes, parts, strict=True):
        if x > 0 and x + size[0] > width:
            x, y = 0.0, y - row_height
            row_height = 0.0
        # Rows go downwards: the top of the box at y.
        placed.append(xy - low + np.array([x, y - size[1]]))
        x += size[0]
        row_height = max(row_height, float(size[1]))
    return placed


def force_positions(n: int, source: np.ndarray, target: np.ndarray, *, seed=0,
                    iterations: int = _ITERATIONS) -> np.ndarray:
    """Force layout of ``n`` actors tied by ``source[k] -- target[k]``.

    The array form of :func:`netmap.plot.layout` with ``kind="force"``: direction,
    parallel ties and self-ties are ignored.

    Parameters
    ----------
    n : int
        Number of actors.
    source, target : numpy.ndarray of int
        Actor positions of the two ends of each tie.
    seed : int, numpy Generator or None, default 0
        Seeds the choice of pivots and the jitter.
    iterations : int, default 120
        Force iterations per component.

    Returns
    -------
    numpy.ndarray
        ``n x 2`` positions.

    Examples
    --------
    >>> import numpy as np
    >>> xy = force_positions(3, np.array([0, 1]), np.array([1, 2]))
    >>> xy.shape
    (3, 2)
    """
    rng = check_seed(seed)
    xy = np.zeros((n, 2))
    if n == 0:
        return xy
    adj = _undirected(n, np.asarray(source), np.asarray(target))
    count, labels = csgraph.connected_components(int32_indices(adj), directed=False)
    members = np.argsort(labels, kind="stable")
    bounds = np.cumsum(np.bincount(labels, minlength=count))[:-1]
    comps = np.split(members, bounds)
    # Largest first; ties between sizes by first actor, so the order is fixed.
    comps.sort(key=lambda c: (-len(c), int(c[0])))
    parts = [_component(adj, c, rng, iterations) for c in comps]
    for nodes, placed in zip(comps, _pack(parts), strict=True):
        xy[nodes] = placed
    return xy


# -- sector layout --------------------------------------------------------------------
def _region_centres(radii: np.ndarray, gap: float) -> np.ndarray:
    """Centres of discs on a ring, neighbours ``gap`` apart, none overlapping."""
    g = len(radii)
    if g == 1:
        return np.zeros((1, 2))
    if g == 2:
        return np.array([[-radii[0] - gap / 2, 0.0], [radii[1] + gap / 2, 0.0]])
    # Angles in proportion to the discs' sizes, first disc at the top,
    # clockwise; the ring grows until every pair of discs is apart.
    share = radii + np.roll(radii, -1)
    steps = 2 * np.pi * share / share.sum()
    angles = np.pi / 2 - np.concatenate([[0.0], np.cumsum(steps)[:-1]])
    unit = np.column_stack([np.cos(angles), np.sin(angles)])
    ring = max(radii.sum() / np.pi, radii.max() + gap)
    i, j = np.triu_indices(g, k=1)
    for _ in range(200):
        centres = unit * ring
        dist = np.hypot(*(centres[i] - centres[j]).T)
        if np.all(dist >= radii[i] + radii[j] + gap - 1e-9):
            return centres
        ring *= 1.05
    return unit * ring


def _fill_disc(nodes: np.ndarray, s: np.ndarray, t: np.ndarray, radius: float,
               rng: np.random.Generator, iterations: int
               ) -> tuple[np.ndarray, np.ndarray]:
    """Positions of ``nodes`` in a disc centred on 0, and which of them have no tie.

    The actors with ties among ``nodes`` are laid out by force and fitted
    inside; the others go round the rim.
    """
    local = np.full(int(max(nodes.max(initial=0), s.max(initial=0),
                            t.max(initial=0))) + 1, -1)
    local[nodes] = np.arange(len(nodes))
    mine = (local[s] >= 0) & (local[t] >= 0)
    s, t = local[s[mine]], local[t[mine]]
    tied = np.zeros(len(nodes), dtype=bool)
    tied[s] = tied[t] = True
    out = np.zeros((len(nodes), 2))
    alone = ~tied
    if tied.any():
        keep = np.flatnonzero(tied)
        code = np.full(len(nodes), -1)
        code[keep] = np.arange(len(keep))
        part = force_positions(len(keep), code[s], code[t], seed=rng,
                               iterations=iterations)
        part -= (part.min(axis=0) + part.max(axis=0)) / 2
        reach = np.hypot(part[:, 0], part[:, 1]).max()
        if reach > 0:
            part *= (0.78 if alone.any() else 0.92) * radius / reach
        out[keep] = part
    if alone.any():
        k = int(alone.sum())
        angle = 2 * np.pi * np.arange(k) / k
        rim = 0.95 * radius if tied.any() else 0.6 * radius * (k > 1)
        out[alone] = rim * np.column_stack([np.cos(angle), np.sin(angle)])
    return out, alone


def _turn(part: np.ndarray, ends: np.ndarray, towards: np.ndarray) -> np.ndarray:
    """``part`` turned (and mirrored if better) so that ``ends`` come nearest ``towards``.

    ``ends``: rows of ``part`` that have a tie out of the disc, one per
    tie; ``towards``: where each tie goes (relative to the disc centre).
    """
    if len(ends) == 0:
        return part
    angles = np.linspace(0, 2 * np.pi, 72, endpoint=False)
    best, best_cost = part, np.inf
    for mirror in (1.0, -1.0):
        p = part * np.array([1.0, mirror])
        for a in angles:
            c, s_ = np.cos(a), np.sin(a)
            turned = p @ np.array([[c, s_], [-s_, c]])
            cost = float(np.hypot(*(turned[ends] - towards).T).sum())
            if cost < best_cost - 1e-9:
                best, best_cost = turned, cost
    return best


def _spread(angles: np.ndarray, gap: float) -> np.ndarray:
    """Angles moved apart until neighbours are at least ``gap`` apart (if room)."""
    k = len(angles)
    if k < 2:
        return angles
    gap = min(gap, 2 * np.pi / k)
    order = np.argsort(angles, kind="stable")
    a = angles[order].copy()
    for _ in range(50):
        diff = np.diff(np.concatenate([a, [a[0] + 2 * np.pi]]))
        short = diff < gap - 1e-9
        if not short.any():
            break
        push = np.where(short, (gap - diff) / 2, 0.0)
        a += push  # the later one of each close pair moves on ...
        a -= np.roll(push, 1)  # ... the earlier one back
        a = np.sort(a)
    out = np.empty(k)
    out[order] = a
    return out


def sector_positions(sector: np.ndarray, source: np.ndarray, target: np.ndarray, *,
                     seed=0, iterations: int = _ITERATIONS
                     ) -> tuple[np.ndarray, pd.DataFrame]:
    """Sector layout: every sector in its own disc; the array form of :func:`netmap.plot.layout`.

    Parameters
    ----------
    sector : numpy.ndarray of int
        Sector code of each actor; discs go round the ring in code order.
    source, target : numpy.ndarray of int
        The two ends of each tie.
    seed : int, numpy Generator or None, default 0
        Seeds the starting positions.
    iterations : int, default 120
        Force iterations.

    Returns
    -------
    positions : numpy.ndarray
        ``n x 2``.
    regions : pandas.DataFrame
        Indexed by sector code (those with actors), columns ``x``, ``y``
        and ``radius``.

    Examples
    --------
    >>> import numpy as np
    >>> xy, regions = sector_positions(np.array([0, 0, 1]), np.array([0, 1]),
    ...                                np.array([1, 2]))
    >>> regions.index.tolist()
    [0, 1]
    """
    rng = check_seed(seed)
    sector = np.asarray(sector)
    n = len(sector)
    present, codes = np.unique(sector, return_inverse=True)
    sizes = np.bincount(codes, minlength=len(present)).astype(float)
    radii = np.maximum(np.sqrt(sizes) * 0.9, 0.6)
    centres = _region_centres(radii, gap=max(1.5, 0.15 * radii.max()))
    regions = pd.DataFrame({"x": centres[:, 0], "y": centres[:, 1], "radius": radii},
                           index=pd.Index(present.tolist()))
    if n == 0:
        return np.zeros((0, 2)), regions
    adj = _undirected(n, np.asarray(source), np.asarray(target))
    s, t = _edges(adj)
    within = codes[s] == codes[t]
    # Each sector laid out from its own ties, fitted into its disc, turned
    # so that the actors with ties to other sectors face those sectors, and
    # the actors without a tie in their sector on the rim, towards the
    # sectors they reach.
    xy = np.zeros((n, 2))
    cross_s = np.concatenate([s[~within], t[~within]])
    cross_t = np.concatenate([t[~within], s[~within]])
    for g in range(len(present)):
        nodes = np.flatnonzero(codes == g)
        part, alone = _fill_disc(nodes, s[within], t[within], radii[g], rng, iterations)
        row = np.full(n, -1)
        row[nodes] = np.arange(len(nodes))
        out = row[cross_s] >= 0
        towards = centres[codes[cross_t[out]]] - centres[g]
        part = _turn(part, row[cross_s[out]], towards)
        if alone.any():
            rows = np.flatnonzero(alone)
            pull = np.zeros((len(nodes), 2))
            unit = towards / np.maximum(np.hypot(*towards.T), 1e-9)[:, None]
            np.add.at(pull, row[cross_s[out]], unit)
            current = np.arctan2(part[rows, 1], part[rows, 0])
            wanted = np.where(np.hypot(*pull[rows].T) > 1e-9,
                              np.arctan2(pull[rows, 1], pull[rows, 0]), current)
            rim = np.hypot(*part[rows].T)
            angle = _spread(wanted, gap=1.0 / max(float(rim.max()), 1e-9))
            part[rows] = rim[:, None] * np.column_stack([np.cos(angle), np.sin(angle)])
        xy[nodes] = centres[g] + part
    return xy, regions
