"""Where each actor sits on a map: seeded force and sector layouts, and the choice between them.

Every layout works on the map's integer arrays and is reproducible: the
same map and the same ``seed`` give the same positions.

The force layout contracts each person into its organisation (the
actor named in its ``org`` column): the person's ties count as the
organisation's. Each connected component of what is left starts from
pivot multidimensional scaling of the graph distances (Brandes and Pich
2007), which gets the large-scale shape right, and is refined by a
library's force layout: up to :data:`~netmap.plot.layouts.FORCEATLAS2_UP_TO` actors
networkx's ForceAtlas2 with LinLog attraction (Jacomy et al. 2014;
Noack 2007), followed, for components of up to
:data:`~netmap.plot.layouts.UNCROSS_UP_TO` ties, by igraph's Davidson-Harel
pass against crossings (Davidson and Harel 1996); above, up to
:data:`~netmap.plot.layouts.BARNES_HUT_UP_TO` actors, the ``fa2`` package's
ForceAtlas2 with LinLog, Barnes-Hut and strong gravity; above that igraph's
Fruchterman-Reingold (1991) ``layout_fruchterman_reingold`` (with its grid
above 1,000 actors). Both come with ``pip install netmap[fast]``; without
them, networkx's ``spring_layout`` up to
:data:`~netmap.plot.layouts.NETWORKX_UP_TO` actors, else the pivot MDS
alone. Persons then stand on a small ring round their
organisation, each facing the actors it is tied to; actors are moved
apart until none is nearer another than ``SPACING``
(:func:`~netmap.plot.layouts.separate`); and the components are packed side by side
(``_pack``, largest first), each in the box it fills, the whole
about ``ASPECT`` times as wide as tall. Actors without ties share
one grid block. A map of 100,000 actors and 1,000,000 ties is laid out
in under a minute with igraph (``benchmarks/bench_layout.py --scale``).

The sector layout gives every sector its own disc, on a ring in taxonomy
order, with an area in proportion to its number of actors. Inside its
disc a sector is laid out by force from its own ties and turned (or
mirrored) so that the actors with ties to other sectors face those
sectors; actors without a tie in their own sector stand on the rim,
towards the sectors they reach.

``kind="auto"`` draws the force layout when it separates the sectors,
and the sector layout when it does not: when the silhouette of the
force positions grouped by sector (``netmap.plot._quality.silhouette``)
is below :data:`~netmap.plot.layouts.SEPARATES_FROM`. When fewer than
:data:`~netmap.plot.layouts.SECTOR_BELOW` of the ties lie within a sector
the force layout is known not to separate them (measured), and the
sector layout is drawn at once: a large map does not pay for both.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.sparse import csgraph
from scipy.spatial import cKDTree

from netmap.model._params import check_choice, check_int, check_seed
from netmap.model.arrays import int32_indices

if TYPE_CHECKING:
    from netmap.model.stakeholder_map import StakeholderMap

__all__ = ["layout", "force_positions", "sector_positions", "separate", "anchors",
           "LAYOUTS", "SEPARATES_FROM", "FORCEATLAS2_UP_TO", "NETWORKX_UP_TO",
           "UNCROSS_UP_TO", "STRONG_GRAVITY", "BARNES_HUT_UP_TO", "SECTOR_BELOW", "within_share"]

#: The layouts :func:`netmap.plot.layout` knows.
LAYOUTS = ("force", "sector", "auto")

#: ``kind="auto"`` draws the sector layout when the silhouette by sector of
#: the force layout is below this: Kaufman and Rousseeuw's bound of "no
#: substantial structure" (1990, p. 88). Measured on synthetic maps of 500
#: actors (``benchmarks/bench_layout.py --auto``): the force layout's
#: silhouette rises with homophily (-0.27 at 0.5, 0.18 at 0.9, 0.23 at 0.95)
#: and passes it only when almost every tie stays inside a sector; the 2x5
#: sample's scores about 0.06.
SEPARATES_FROM = 0.25

#: ``kind="auto"`` draws the sector layout at once, without computing the force
#: layout, when fewer than this share of the ties lie within a sector: the force
#: layout's silhouette by sector then stays well below
#: :data:`~netmap.plot.layouts.SEPARATES_FROM`. Measured on synthetic maps of 60,
#: 200 and 500 actors, two seeds each (``benchmarks/bench_layout.py --auto``): at
#: a share of 0.75 the silhouette is at most 0.17, at 0.80 at most 0.20; it
#: passes 0.25 from 0.85 at 500 actors, 0.90 at 200, 0.98 at 60. The 2x5
#: sample's share is 0.54.
SECTOR_BELOW = 0.75

#: Components of up to this many actors are laid out by networkx's ForceAtlas2
#: with LinLog (which compares every pair of actors); larger ones by igraph.
FORCEATLAS2_UP_TO = 800

#: Components with up to this many ties (persons' ties counted as their
#: organisation's) get igraph's Davidson-Harel pass against crossings after
#: the force layout: each of its rounds compares every pair of ties (about a
#: second at the 2x5 sample's 352 on a busy 2-core machine).
UNCROSS_UP_TO = 400

#: Components of up to this many actors above
#: :data:`~netmap.plot.layouts.FORCEATLAS2_UP_TO` are laid out by the ``fa2``
#: package's ForceAtlas2 (Barnes-Hut) when it is installed; larger ones by
#: igraph's Fruchterman-Reingold (at 10,000 actors / 100,000 ties, 33 s against
#: 5 s on a busy 2-core machine).
BARNES_HUT_UP_TO = 5000

#: The gravity of ForceAtlas2's strong-gravity mode for components above
#: :data:`~netmap.plot.layouts.FORCEATLAS2_UP_TO` actors (the ``fa2`` package).
STRONG_GRAVITY = 0.03

#: Without igraph, components of up to this many actors are refined by
#: networkx's ``spring_layout`` (which compares every pair); larger ones keep
#: their pivot MDS positions.
NETWORKX_UP_TO = 2000

#: The least distance between two actors of the force layout (the ideal tie
#: is 1 long).
SPACING = 0.45
#: The radius of the ring of persons round their organisation (up to six
#: persons; wider for more).
HOST_RING = 0.6
#: The width over the height that component packing aims at (a landscape page).
ASPECT = 1.4
#: Above this many components, the smaller ones go in rows (packing compares
#: every placed box).
PACK_UP_TO = 400

_PIVOTS = 50  # pivots of the pivot MDS
_ITERATIONS = 120


def anchors(m: StakeholderMap) -> np.ndarray:
    """For each actor, the position of the actor it is drawn around, or -1.

    A person (any actor with an ``org``) is drawn around its organisation
    when that organisation is an actor of the map.

    Examples
    --------
    >>> import netmap
    >>> m = netmap.datasets.load_2x5()
    >>> a = anchors(m)
    >>> int((a >= 0).sum())
    17
    """
    ids = m.arrays.ids
    actors = m.actors
    if "org" not in actors.columns:
        return np.full(len(ids), -1)
    org = actors["org"].reindex(ids)
    where = ids.get_indexer(org.where(org.notna(), None).astype(object))
    return np.where(org.notna().to_numpy(), where, -1)


def layout(m: StakeholderMap, *, kind: str = "force", seed=0, iterations: int = _ITERATIONS
           ) -> pd.DataFrame:
    """Positions of the actors of a map, for :func:`netmap.plot.plot_map`.

    Parameters
    ----------
    m : StakeholderMap
        The map.
    kind : {"force", "sector", "auto"}
        ``"force"``: tied actors close, persons round their organisation,
        components packed side by side (see the module notes).
        ``"sector"``: each sector in its own disc, so that cross-sector
        ties run between discs. ``"auto"``: the force layout when it
        separates the sectors (silhouette at least
        :data:`~netmap.plot.layouts.SEPARATES_FROM`), else the sector
        layout; when fewer than :data:`~netmap.plot.layouts.SECTOR_BELOW`
        of the ties lie within a sector
        (:func:`~netmap.plot.layouts.within_share`), the
        sector layout at once, without computing the force layout.
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
        actors). For a sector layout, ``attrs["regions"]`` is a
        DataFrame indexed by sector code with the ``x``, ``y`` and
        ``radius`` of each sector's disc (sectors with actors only). For
        ``kind="auto"``, ``attrs["kind"]`` is the layout chosen,
        ``attrs["within"]`` the share of ties within a sector and
        ``attrs["silhouette"]`` the force layout's silhouette by sector
        (NaN when the force layout was not computed).

    Raises
    ------
    netmap.ParameterError
        For an unknown ``kind``, or ``iterations`` below 0.

    References
    ----------
    Kaufman, L. and Rousseeuw, P. J. (1990). Finding Groups in Data. Wiley, p. 88.
    https://doi.org/10.1002/9780470316801

    Jacomy, M., Venturini, T., Heymann, S. and Bastian, M. (2014). ForceAtlas2, a
    continuous graph layout algorithm for handy network visualization designed for
    the Gephi software. PLoS ONE 9(6), e98679.
    https://doi.org/10.1371/journal.pone.0098679

    Noack, A. (2007). Energy models for graph clustering. Journal of Graph
    Algorithms and Applications 11(2), 453-480. https://doi.org/10.7155/jgaa.00145

    Brandes, U. and Pich, C. (2007). Eigensolver methods for progressive
    multidimensional scaling of large data. Graph Drawing 2006, LNCS 4372, 42-53.
    https://doi.org/10.1007/978-3-540-70904-6_6

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
    >>> layout(m, kind="auto").attrs["kind"]
    'sector'
    """
    check_choice("kind", kind, LAYOUTS)
    check_int("iterations", iterations, minimum=0)
    arr = m.arrays
    within = within_share(arr.sector, arr.source, arr.target)
    score = float("nan")
    if kind == "force" or (kind == "auto" and not within < SECTOR_BELOW):
        xy = force_positions(arr.n_actors, arr.source, arr.target, seed=seed,
                             iterations=iterations, anchor=anchors(m))
        frame = _frame(arr.ids, xy)
        if kind == "force":
            return frame
        from netmap.plot._quality import silhouette

        score = silhouette(xy, arr.sector)
        if score >= SEPARATES_FROM or arr.n_actors < 3:
            frame.attrs.update(kind="force", silhouette=score, within=within)
            return frame
    xy, regions = sector_positions(arr.sector, arr.source, arr.target, seed=seed,
                                   iterations=iterations, anchor=anchors(m))
    frame = _frame(arr.ids, xy)
    regions.index = pd.Index([arr.sectors[c] for c in regions.index], name="sector")
    frame.attrs["regions"] = regions
    if kind == "auto":
        frame.attrs.update(kind="sector", silhouette=score, within=within)
    return frame


def within_share(sector: np.ndarray, source: np.ndarray, target: np.ndarray) -> float:
    """The share of ties (self-ties aside) between two actors of one sector; NaN without ties.

    Parameters
    ----------
    sector : numpy.ndarray of int
        Sector code of each actor.
    source, target : numpy.ndarray of int
        The two ends of each tie.

    Returns
    -------
    float

    Examples
    --------
    >>> import numpy as np
    >>> within_share(np.array([0, 0, 1]), np.array([0, 1, 2]), np.array([1, 2, 2]))
    0.5
    """
    sector = np.asarray(sector)
    source, target = np.asarray(source, dtype=np.int64), np.asarray(target, dtype=np.int64)
    off = source != target
    if not off.any():
        return float("nan")
    return float(np.mean(sector[source[off]] == sector[target[off]]))


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


# -- the force engine: a library's Fruchterman-Reingold ---------------------------------
def _igraph():
    """The igraph module, or None when python-igraph is not installed."""
    try:
        import igraph
    except ImportError:
        return None
    return igraph


def _library_forces(xy: np.ndarray, s: np.ndarray, t: np.ndarray, *, iterations: int,
                    rng: np.random.Generator) -> np.ndarray:
    """A library's force layout from the starting positions ``xy``.

    Up to :data:`~netmap.plot.layouts.FORCEATLAS2_UP_TO` actors networkx's ``forceatlas2_layout``
    with LinLog attraction (Noack 2007; Jacomy et al. 2014), which pulls
    clusters together and apart from each other; above, up to
    :data:`~netmap.plot.layouts.BARNES_HUT_UP_TO` actors, the ``fa2``
    package's ForceAtlas2 when it is installed; then igraph's
    ``layout_fruchterman_reingold`` (with its grid above 1,000 actors, a
    low start temperature so that the pivot MDS's shape stays) when
    python-igraph is installed, else networkx's
    ``spring_layout`` up to :data:`~netmap.plot.layouts.NETWORKX_UP_TO` actors, else the
    starting positions as they are.
    """
    k = len(xy)
    if iterations == 0 or k < 3:
        return xy
    import networkx as nx

    if k <= FORCEATLAS2_UP_TO:  # networkx's compares every pair: small components only
        g = nx.Graph()
        g.add_nodes_from(range(k))
        g.add_edges_from(zip(s.tolist(), t.tolist(), strict=True))
        # LinLog's log(1 + d) / d is 0 / 0 on the diagonal, which networkx then zeroes.
        with np.errstate(divide="ignore", invalid="ignore"):
            pos = nx.forceatlas2_layout(g, pos={i: xy[i] for i in range(k)},
                                        max_iter=iterations, linlog=True,
                                        seed=int(rng.integers(2 ** 31)))
        out = np.array([pos[i] for i in range(k)], dtype=float)
        return out if np.isfinite(out).all() else xy
    fa2 = _fa2() if k <= BARNES_HUT_UP_TO else None
    if fa2 is not None:
        return _barnes_hut_forceatlas2(fa2, xy, s, t, iterations=iterations, rng=rng)
    ig = _igraph()
    if ig is not None:
        return _igraph_forces(ig, xy, s, t, iterations=iterations, rng=rng)
    if k > NETWORKX_UP_TO:
        return xy
    g = nx.Graph()
    g.add_nodes_from(range(k))
    g.add_edges_from(zip(s.tolist(), t.tolist(), strict=True))
    spread = float(np.abs(xy).max()) or 1.0
    pos = nx.spring_layout(g, pos={i: xy[i] / spread for i in range(k)},
                           iterations=iterations, k=1 / spread,
                           seed=int(rng.integers(2 ** 31)))
    return np.array([pos[i] for i in range(k)]) * spread


def _fa2():
    """The ``fa2`` package's ForceAtlas2 class, or None when it is not installed."""
    try:
        from fa2 import ForceAtlas2
    except ImportError:
        return None
    return ForceAtlas2


def _barnes_hut_forceatlas2(fa2, xy: np.ndarray, s: np.ndarray, t: np.ndarray, *,
                            iterations: int, rng: np.random.Generator) -> np.ndarray:
    """ForceAtlas2 of the ``fa2`` package from ``xy``: LinLog, Barnes-Hut, strong gravity.

    Strong gravity (a pull towards the centre in proportion to the
    distance, :data:`~netmap.plot.layouts.STRONG_GRAVITY`) keeps loosely
    tied actors from drifting to the edge of the picture, where they
    would leave most of it empty; the settings are those with the fewest
    crossings of the ones that use as much of the panel as the best peer
    (``benchmarks/bench_layout.py``).
    """
    k = len(xy)
    adj = sp.csr_array((np.ones(2 * len(s)), (np.concatenate([s, t]), np.concatenate([t, s]))),
                       shape=(k, k))
    engine = fa2(linLogMode=True, barnesHutOptimize=True, strongGravityMode=True,
                 gravity=STRONG_GRAVITY, seed=int(rng.integers(2 ** 31)), verbose=False)
    out = np.asarray(engine.forceatlas2(adj, pos=xy.copy(), iterations=iterations), dtype=float)
    return out if np.isfinite(out).all() else xy


def _fewer_crossings(xy: np.ndarray, s: np.ndarray, t: np.ndarray,
                     rng: np.random.Generator) -> np.ndarray:
    """Positions from ``xy`` with fewer crossings: igraph's Davidson-Harel layout.

    Davidson and Harel (1996) move one actor at a time by simulated
    annealing to lower an energy that counts tie crossings; started from
    the force layout with a cool start (four short rounds, no fine
    tuning), it keeps the force layout's shape and undoes crossings,
    lengthening some ties. A layout without crossings is left as it is,
    and so is one the pass does not improve. Each round compares every pair of ties, so
    only components of up to :data:`~netmap.plot.layouts.UNCROSS_UP_TO`
    ties get it, and only with python-igraph.

    Davidson, R. and Harel, D. (1996). Drawing graphs nicely using simulated
    annealing. ACM Transactions on Graphics 15(4), 301-331.
    https://doi.org/10.1145/234535.234538
    """
    ig = _igraph()
    if ig is None or len(s) > UNCROSS_UP_TO or len(xy) < 4:
        return xy
    import random

    from netmap.plot._quality import crossings_per_tie

    before = crossings_per_tie(xy, s, t)
    if before == 0:
        return xy

    g = ig.Graph(n=len(xy), edges=np.column_stack([s, t]).tolist())
    # igraph's annealing works in a square about 10 * sqrt(k) wide; the
    # force layout's ties are about one unit long and its actors about a
    # unit apart: ten times larger is igraph's scale.
    start = _scale(xy, s, t) * 10.0
    ig.set_random_number_generator(random.Random(int(rng.integers(2 ** 31))))
    try:
        out = g.layout_davidson_harel(seed=start.tolist(), maxiter=4, fineiter=0,
                                      cool_fact=0.5, weight_edge_crossings=60.0,
                                      weight_edge_lengths=0.1)
    finally:
        ig.set_random_number_generator(random)
    moved = np.asarray(out.coords, dtype=float) / 10.0
    if not np.isfinite(moved).all() or crossings_per_tie(moved, s, t) >= before:
        return xy
    return moved


def _igraph_forces(ig, xy: np.ndarray, s: np.ndarray, t: np.ndarray, *, iterations: int,
                   rng: np.random.Generator) -> np.ndarray:
    """The Fruchterman-Reingold layout of igraph from ``xy``, seeded from ``rng``."""
    import random

    k = len(xy)
    g = ig.Graph(n=k, edges=np.column_stack([s, t]).tolist())
    # igraph draws from Python's random module unless told otherwise:
    # a generator seeded from ``rng`` for this call, then the default back.
    ig.set_random_number_generator(random.Random(int(rng.integers(2 ** 63))))
    try:
        # Four of its steps to one of ``iterations`` (its steps are short) up to
        # 20,000 actors, from a low temperature so that the pivot MDS's
        # large-scale shape stays: on synthetic maps of 2,000 actors the fewest
        # crossings of the settings tried (benchmarks/bench_layout.py); one
        # step to one above, to keep 100,000 actors to well under a minute.
        steps = 4 * iterations if k <= 20_000 else iterations
        out = g.layout_fruchterman_reingold(seed=xy.tolist(), niter=steps,
                                            start_temp=max(float(np.sqrt(k)) / 20, 0.5),
                                            grid="auto")
    finally:
        ig.set_random_number_generator(random)
    return np.asarray(out.coords, dtype=float)


# -- one component -------------------------------------------------------------------
def _principal(xy: np.ndarray) -> np.ndarray:
    """Turned so that the widest spread lies along x (and the heavier side on +x)."""
    centred = xy - xy.mean(axis=0)
    if len(xy) < 3:
        return centred
    values, vectors = np.linalg.eigh(centred.T @ centred)
    turned = centred @ vectors[:, np.argsort(values)[::-1]]
    for axis in range(2):  # the signs are free: fix them
        if np.sum(turned[:, axis] ** 3) < 0:
            turned[:, axis] *= -1
    return turned


def _component(adj: sp.csr_array, nodes: np.ndarray, rng: np.random.Generator,
               iterations: int, *, uncross: bool = True) -> np.ndarray:
    """Force layout of one connected component (positions of ``nodes``)."""
    k = len(nodes)
    if k == 1:
        return np.zeros((1, 2))
    if k == 2:
        return np.array([[-0.5, 0.0], [0.5, 0.0]])
    sub = adj[nodes][:, nodes]
    s, t = _edges(sub)
    xy = _scale(_pivot_mds(sub, rng), s, t)
    # Actors with the same distances to every pivot (leaves of one hub)
    # start at one point: a little jitter lets repulsion part them.
    xy += rng.normal(scale=0.05, size=xy.shape)
    xy = _library_forces(xy, s, t, iterations=iterations, rng=rng)
    if uncross and iterations > 0:
        xy = _fewer_crossings(xy, s, t, rng)
    return _principal(_scale(xy, s, t))


# -- persons around their organisation ---------------------------------------------------
def _hosts(n: int, anchor: np.ndarray | None) -> np.ndarray:
    """For each actor the actor it is drawn around: its anchor, or itself.

    An actor is hung on its anchor only when the anchor is another actor
    that is not itself hung on a third (one level).
    """
    host = np.arange(n)
    if anchor is None:
        return host
    anchor = np.asarray(anchor, dtype=np.int64)
    hung = (anchor >= 0) & (anchor != host)
    target = np.where(hung, anchor, host)
    hung &= ~hung[target]
    return np.where(hung, target, host)


def _around_hosts(xy: np.ndarray, host: np.ndarray, s: np.ndarray, t: np.ndarray
                  ) -> np.ndarray:
    """Hung actors on a ring round their host, each facing the actors it is tied to."""
    out = xy.copy()
    hung = np.flatnonzero(host != np.arange(len(host)))
    if len(hung) == 0:
        return out
    # Where each hung actor's ties go (from the hosts' positions).
    pull = np.zeros((len(host), 2))
    ends = np.concatenate([s, t]), np.concatenate([t, s])
    away = out[host[ends[1]]] - out[host[ends[0]]]
    np.add.at(pull, ends[0], away)
    order = np.argsort(host[hung], kind="stable")
    hung = hung[order]
    groups = np.split(hung, np.flatnonzero(np.diff(host[hung])) + 1)
    for members in groups:
        k = len(members)
        centre = out[host[members[0]]]
        wanted = np.arctan2(pull[members, 1], pull[members, 0])
        idle = np.hypot(*pull[members].T) < 1e-9
        wanted[idle] = 2 * np.pi * np.arange(idle.sum()) / max(int(idle.sum()), 1)
        angle = _spread(wanted, gap=2 * np.pi / max(k, 6))
        ring = HOST_RING * (1 + 0.15 * max(k - 6, 0))
        out[members] = centre + ring * np.column_stack([np.cos(angle), np.sin(angle)])
    return out


# -- overlap removal and packing -----------------------------------------------------------
def separate(xy: np.ndarray, distance: float | np.ndarray, *, rounds: int = 100
             ) -> np.ndarray:
    """Positions moved apart until no two are nearer than the sum of their radii.

    ``distance`` is either one least distance between any two points or
    a radius per point (two points then keep ``r_i + r_j`` apart). Each
    round pushes every pair that is too near apart along the line through
    them, half the shortfall each (coincident points along a direction
    fixed by their order), for at most ``rounds`` rounds; a pair with room
    around it ends apart, a crowded one as far apart as the rounds allow.

    Parameters
    ----------
    xy : numpy.ndarray
        ``n x 2`` positions.
    distance : float or numpy.ndarray
        The least distance, or each point's radius.
    rounds : int, default 100
        The most rounds.

    Returns
    -------
    numpy.ndarray
        The moved positions (a copy).

    Examples
    --------
    >>> import numpy as np
    >>> separate(np.array([[0.0, 0.0], [0.5, 0.0]]), 1.0).round(2).tolist()
    [[-0.25, 0.0], [0.75, 0.0]]
    """
    xy = np.array(xy, dtype=float)
    n = len(xy)
    radii = np.broadcast_to(np.asarray(distance, dtype=float) / (
        2 if np.ndim(distance) == 0 else 1), (n,))
    if n < 2 or radii.max(initial=0) <= 0:
        return xy
    reach = 2 * float(radii.max())
    for _ in range(rounds):
        pairs = cKDTree(xy).query_pairs(reach * (1 - 1e-9), output_type="ndarray")
        if len(pairs) == 0:
            break
        i, j = pairs[:, 0], pairs[:, 1]
        delta = xy[j] - xy[i]
        dist = np.hypot(*delta.T)
        need = radii[i] + radii[j]
        short = dist < need * (1 - 1e-9)
        if not short.any():
            break
        i, j, delta, dist, need = i[short], j[short], delta[short], dist[short], need[short]
        angle = (i * 2.399963 + j) % (2 * np.pi)  # coincident points: a fixed direction
        unit = np.where(dist[:, None] > 1e-12, delta / np.maximum(dist, 1e-12)[:, None],
                        np.column_stack([np.cos(angle), np.sin(angle)]))
        push = unit * ((need * (1 + 1e-3) - dist) / 2)[:, None]  # a hair over: converges
        move = np.zeros_like(xy)
        np.add.at(move, i, -push)
        np.add.at(move, j, push)
        # Many pushes on one point add up: move at most the largest push.
        size = np.hypot(*move.T)
        most = np.zeros(n)
        np.maximum.at(most, i, (need * (1 + 1e-3) - dist) / 2)
        np.maximum.at(most, j, (need * (1 + 1e-3) - dist) / 2)
        xy += move * (np.minimum(size, most) / np.maximum(size, 1e-12))[:, None]
    return xy


def _grid_block(k: int, step: float) -> np.ndarray:
    """``k`` points on a square-ish grid, ``step`` apart, rows from the top."""
    cols = max(int(np.ceil(np.sqrt(k * ASPECT))), 1)
    idx = np.arange(k)
    return np.column_stack([idx % cols, -(idx // cols)]).astype(float) * step


def _pack(parts: list[np.ndarray], margin: float = 1.0) -> list[np.ndarray]:
    """Components placed apart, each box touching the others, the whole near ASPECT wide.

    Greedy packing of bounding boxes (largest first): each box goes to the
    corner of a placed box (right of it, above, left or below) where it
    overlaps no placed box and the picture's frame, ``ASPECT`` times as
    wide as tall, grows least; ties go to the corner nearest the centre.
    Above ``PACK_UP_TO`` components the rest go in rows below.
    """
    sizes = [xy.max(axis=0) - xy.min(axis=0) + margin for xy in parts]
    placed_low: list[np.ndarray] = []
    boxes = np.zeros((0, 4))
    for size in sizes[:PACK_UP_TO]:
        low = _best_corner(boxes, size) if len(boxes) else -size / 2
        placed_low.append(low)
        boxes = np.vstack([boxes, np.r_[low, low + size]])
    if len(sizes) > PACK_UP_TO:
        placed_low += _rows(sizes[PACK_UP_TO:], boxes)
    return [xy - xy.min(axis=0) + low + margin / 2
            for xy, low in zip(parts, placed_low, strict=True)]


def _best_corner(boxes: np.ndarray, size: np.ndarray) -> np.ndarray:
    """The lower-left corner for a box of ``size`` beside the placed ``boxes``."""
    w, h = size
    cand = np.vstack([
        np.column_stack([boxes[:, 2], boxes[:, 1]]),  # right, bottoms aligned
        np.column_stack([boxes[:, 2], boxes[:, 3] - h]),  # right, tops aligned
        np.column_stack([boxes[:, 0], boxes[:, 3]]),  # above
        np.column_stack([boxes[:, 2] - w, boxes[:, 3]]),
        np.column_stack([boxes[:, 0] - w, boxes[:, 1]]),  # left
        np.column_stack([boxes[:, 0] - w, boxes[:, 3] - h]),
        np.column_stack([boxes[:, 0], boxes[:, 1] - h]),  # below
        np.column_stack([boxes[:, 2] - w, boxes[:, 1] - h]),
    ])
    x0, y0 = cand[:, 0], cand[:, 1]
    eps = 1e-9
    free = np.ones(len(cand), dtype=bool)
    for b in boxes:
        free &= ~((x0 < b[2] - eps) & (x0 + w > b[0] + eps)
                  & (y0 < b[3] - eps) & (y0 + h > b[1] + eps))
    cand = cand[free]
    low = np.minimum(boxes[:, :2].min(axis=0), cand)
    high = np.maximum(boxes[:, 2:].max(axis=0), cand + size)
    span = high - low
    cost = np.maximum(span[:, 0] / ASPECT, span[:, 1])
    centre = np.hypot(*(cand + size / 2).T)
    best = np.lexsort((centre, np.round(cost, 9)))[0]
    return cand[best]


def _rows(sizes: list[np.ndarray], boxes: np.ndarray) -> list[np.ndarray]:
    """Lower-left corners for ``sizes`` in rows below ``boxes``."""
    left, bottom, right = boxes[:, 0].min(), boxes[:, 1].min(), boxes[:, 2].max()
    width = max(right - left, max(float(s[0]) for s in sizes))
    out = []
    x, top, row = left, bottom, 0.0
    for size in sizes:
        if x > left and x + size[0] > left + width:
            x, top, row = left, top - row, 0.0
        out.append(np.array([x, top - size[1]]))
        x += size[0]
        row = max(row, float(size[1]))
    return out


# -- the force layout ------------------------------------------------------------------
def _components(adj: sp.csr_array, keep: np.ndarray) -> list[np.ndarray]:
    """Connected components among the actors ``keep``, largest first."""
    sub = adj[keep][:, keep]
    count, labels = csgraph.connected_components(int32_indices(sub), directed=False)
    members = np.argsort(labels, kind="stable")
    bounds = np.cumsum(np.bincount(labels, minlength=count))[:-1]
    comps = [keep[c] for c in np.split(members, bounds)]
    # Largest first; ties between sizes by first actor, so the order is fixed.
    comps.sort(key=lambda c: (-len(c), int(c[0])))
    return comps


def force_positions(n: int, source: np.ndarray, target: np.ndarray, *, seed=0,
                    iterations: int = _ITERATIONS, anchor: np.ndarray | None = None
                    ) -> np.ndarray:
    """Force layout of ``n`` actors tied by ``source[k] -- target[k]``.

    The array form of :func:`netmap.plot.layout` with ``kind="force"``:
    direction, parallel ties and self-ties are ignored.

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
    anchor : numpy.ndarray of int, optional
        For each actor, the actor it is drawn around (a person's
        organisation), or -1. A hung actor's ties count as its host's in
        the layout; it is then put on a ring round its host, facing the
        actors it is tied to.

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
    return _force(n, source, target, check_seed(seed), iterations, anchor, uncross=True)


def _force(n: int, source: np.ndarray, target: np.ndarray, rng: np.random.Generator,
           iterations: int, anchor: np.ndarray | None, *, uncross: bool) -> np.ndarray:
    """:func:`force_positions`, with or without the pass against crossings."""
    xy = np.zeros((n, 2))
    if n == 0:
        return xy
    source, target = np.asarray(source, dtype=np.int64), np.asarray(target, dtype=np.int64)
    host = _hosts(n, anchor)
    adj = _undirected(n, host[source], host[target])
    comps = _components(adj, np.flatnonzero(host == np.arange(n)))
    single = [c for c in comps if len(c) == 1 and not (host == c[0]).sum() > 1]
    many = [c for c in comps if not (len(c) == 1 and not (host == c[0]).sum() > 1)]
    parts = []
    for nodes in many:
        part = np.zeros((n, 2))
        part[nodes] = _component(adj, nodes, rng, iterations, uncross=uncross)
        inside = np.flatnonzero(np.isin(host, nodes))
        mine = np.isin(source, inside) & np.isin(target, inside)
        part = _around_hosts(part, host, source[mine], target[mine])
        # Fewer rounds above 10,000 actors: each is a KD-tree search of all.
        rounds = 100 if len(inside) <= 10_000 else 20
        parts.append((inside, separate(part[inside], SPACING, rounds=rounds)))
    if single:
        nodes = np.concatenate(single)
        parts.append((nodes, _grid_block(len(nodes), 1.0)))
    placed = _pack([p for _, p in parts])
    for (nodes, _), where in zip(parts, placed, strict=True):
        xy[nodes] = where
    return xy - (xy.min(axis=0) + xy.max(axis=0)) / 2


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
               rng: np.random.Generator, iterations: int, anchor: np.ndarray
               ) -> tuple[np.ndarray, np.ndarray]:
    """Positions of ``nodes`` in a disc centred on 0, and which of them have no tie.

    The actors with ties among ``nodes`` (a person's tie to its
    organisation counts) are laid out by force, persons round their
    organisation, and fitted inside; the others go round the rim.
    """
    hung = nodes[(anchor[nodes] >= 0) & np.isin(anchor[nodes], nodes)]
    s, t = np.concatenate([s, hung]), np.concatenate([t, anchor[hung]])
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
        inner = np.full(len(keep), -1)
        hosts = local[anchor[nodes[keep]].clip(0)]
        ok = (anchor[nodes[keep]] >= 0) & (hosts >= 0)
        inner[ok] = code[hosts[ok]]
        # Without the pass against crossings: inside a disc it costs more
        # than it shows (the ties that cross are mostly between discs).
        part = _force(len(keep), code[s], code[t], rng, iterations, inner, uncross=False)
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
                     seed=0, iterations: int = _ITERATIONS, anchor: np.ndarray | None = None
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
    anchor : numpy.ndarray of int, optional
        For each actor, the actor it is drawn around (a person's
        organisation) when both are of one sector, or -1.

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
    anchor = np.full(n, -1) if anchor is None else np.asarray(anchor, dtype=np.int64)
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
        part, alone = _fill_disc(nodes, s[within], t[within], radii[g], rng, iterations,
                                 anchor)
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
