"""Degree, betweenness, closeness and eigenvector centrality of every actor."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import scipy.sparse as sp
import scipy.sparse.csgraph as csgraph
import scipy.sparse.linalg as sla

from netmap.measures.holes import _tie_matrix
from netmap.model._memo import remembered
from netmap.model._params import allowed_words, check_seed
from netmap.model._warnings import warn
from netmap.model.arrays import int32_indices
from netmap.model.exceptions import NetmapWarning, ParameterError

if TYPE_CHECKING:
    from netmap.model.stakeholder_map import StakeholderMap

__all__ = ["centrality", "MEASURES", "SAMPLE_ABOVE", "SAMPLE_PIVOTS", "CLOSENESS_PIVOTS"]

#: Above this many actors betweenness is estimated from sampled pivots,
#: unless ``betweenness_sample`` says otherwise.
SAMPLE_ABOVE = 5000

#: Pivots (source actors) of the sampled betweenness.
SAMPLE_PIVOTS = 1000

#: Pivots of the sampled closeness, above :data:`SAMPLE_ABOVE` actors: a mean
#: distance varies little from actor to actor, so fewer pivots than
#: betweenness needs give it within a few percent (see ``centrality``'s Notes).
CLOSENESS_PIVOTS = 200

#: Entries of the distance blocks that closeness computes at once without
#: igraph (8 bytes each).
_BLOCK_ENTRIES = 1 << 23


#: The centralities, in the order of the columns.
MEASURES = ("degree", "betweenness", "closeness", "eigenvector")


@remembered
def centrality(m: StakeholderMap, *, weight: str | None = None,
               betweenness_sample: int | None = None, closeness_sample: int | None = None,
               seed=0, measures=MEASURES) -> pd.DataFrame:
    r"""Degree, betweenness, closeness and eigenvector centrality of every actor.

    The four centralities users know from Kumu, Gephi and networkx, with
    networkx's definitions and normalisations. With :math:`n` actors,
    :math:`\sigma_{st}` the number of shortest paths from :math:`s` to
    :math:`t`, :math:`\sigma_{st}(v)` those through :math:`v` and
    :math:`d(u, v)` the length of a shortest path from :math:`u` to
    :math:`v`:

    - *degree*: :math:`C_D(v) = \deg(v) / (n - 1)`, the share of the other
      actors that :math:`v` is tied to (Freeman 1979);
    - *betweenness*: :math:`C_B(v) = \frac{1}{(n-1)(n-2)} \sum_{s \ne v
      \ne t} \sigma_{st}(v) / \sigma_{st}` over ordered pairs, which for an
      undirected map is :math:`2 / ((n-1)(n-2))` times the sum over
      unordered pairs (Freeman 1977; Brandes 2001);
    - *closeness*: :math:`C_C(v) = \frac{r - 1}{\sum_u d(u, v)} \cdot
      \frac{r - 1}{n - 1}`, where the sum runs over the :math:`r - 1`
      actors that can reach :math:`v`: the reciprocal of their mean
      distance, scaled by the share of the map they are (Wasserman and
      Faust 1994; networkx's ``wf_improved``); 0 when no one reaches
      :math:`v` (Freeman 1979);
    - *eigenvector*: the entries of the leading eigenvector :math:`x` of
      :math:`A^\top x = \lambda x` (:math:`a_{uv}` the tie from :math:`u`
      to :math:`v`), so that an actor is central when central actors tie to
      it; scaled to unit length with non-negative entries (Bonacich 1972).

    Parameters
    ----------
    m : StakeholderMap
        The map, directed or not.
    weight : {None, "weight"}, default None
        None: every tied pair is one step, however many ties join it.
        ``"weight"``: the ties' weights (summed over parallel ties) are
        tie *strengths*: eigenvector centrality uses them as they are, and
        betweenness and closeness take a tie of strength :math:`w` as a
        step of length :math:`1 / w` (a strong tie is a short path).
        Weights must then be positive. Degree always counts contacts.
    betweenness_sample : int, optional
        Estimate betweenness from this many pivots: shortest paths from
        ``betweenness_sample`` actors drawn at random to every actor,
        rescaled as networkx does with ``k=`` (Brandes and Pich 2007). None:
        exact up to :data:`~netmap.measures.centrality.SAMPLE_ABOVE` (5,000)
        actors and :data:`~netmap.measures.centrality.SAMPLE_PIVOTS` (1,000)
        pivots above, with a warning. A value of at least the number of
        actors gives the exact values.
    closeness_sample : int, optional
        Estimate closeness from this many pivots (Eppstein and Wang 2004):
        each actor's mean distance from the pivots that reach it stands
        for its mean distance from every actor that reaches it; the share
        of the others that reach it is exact in an undirected map
        (component sizes) and estimated from the pivots in a directed one.
        None: exact up to :data:`~netmap.measures.centrality.SAMPLE_ABOVE`
        actors and :data:`~netmap.measures.centrality.CLOSENESS_PIVOTS`
        (200) pivots above, with a warning. A value of at least the number
        of actors gives the exact values.
    seed : int, numpy Generator or None, default 0
        Draws the pivots of sampled betweenness and closeness; nothing else
        is random. The same seed gives the same result; None draws fresh
        randomness.
    measures : sequence of str, default all four
        Which of ``"degree"``, ``"betweenness"``, ``"closeness"`` and
        ``"eigenvector"`` to compute (closeness is the costly one on large
        maps); the columns keep this order.

    Returns
    -------
    pandas.DataFrame
        One row per actor, indexed by actor id (``id``), in the order of
        ``m.actors``, with columns:

        ``in_degree``, ``out_degree`` (directed maps only)
            The share of the other actors with a tie to (from) the actor.
        ``degree``
            The share of the other actors the actor is tied to; in a
            directed map ``in_degree + out_degree``, so that a reciprocated
            pair counts twice (as in networkx), and it can exceed 1.
        ``betweenness``
            Normalised betweenness, in [0, 1]; sampled above the size
            above.
        ``closeness``
            In [0, 1] unweighted (weighted, in units of 1 / length, so it
            exceeds 1 where ties are stronger than 1); directed maps use
            the distances *to* the actor.
        ``eigenvector``
            In [0, 1], unit Euclidean norm over all actors. NaN for every
            actor when the map has no tie (directed: no cycle), where it is
            undefined.

        ``attrs["betweenness_sampled"]`` and ``attrs["closeness_sampled"]``
        are the numbers of pivots when the measure was sampled, None when
        it is exact (or not computed).

    Raises
    ------
    netmap.ParameterError
        If ``weight`` is not None or ``"weight"``, ``measures`` is empty or
        names an unknown measure, or ``betweenness_sample`` or
        ``closeness_sample`` is not an integer of at least 2 (or None).
    netmap.InvalidValueError
        If a tie between two actors weighs zero or less with
        ``weight="weight"``.

    Warns
    -----
    netmap.NetmapWarning
        When betweenness or closeness is sampled because its ``_sample``
        was not given, when eigenvector centrality is undefined, and when it could
        only be approximated (see Notes).

    See Also
    --------
    netmap.structural_holes : Burt's constraint and effective size.

    Notes
    -----
    Every value equals networkx's (``degree_centrality``,
    ``in_degree_centrality``, ``out_degree_centrality``,
    ``betweenness_centrality``, ``closeness_centrality``,
    ``eigenvector_centrality_numpy``) on ``m.to_networkx()`` with its
    self-loops removed, to floating-point precision; weighted, with an
    edge attribute ``1 / weight`` as the distance of betweenness and
    closeness. Conventions:

    - *Parallel ties* make one edge (weights summed), as in
      ``m.to_networkx()``; *self-ties* are ignored (they join an actor to
      no one); *isolates* get 0 for every measure but eigenvector.
    - *Directed maps*: betweenness counts directed paths; closeness and
      eigenvector centrality look at ties coming in (networkx's
      convention); ``G.reverse()`` gives the outward view.
    - *Weighted betweenness*: igraph takes two path lengths equal to a
      relative 1e-10 as equal, networkx compares floating-point sums
      exactly: for strengths 5, 6 and 30, 1/6 + 1/30 is
      0.19999999999999998, not 1/5, and networkx sees one shortest path
      where igraph sees two. Values agree whenever such sums are exact (as
      with strengths that are powers of two).
    - *Disconnected maps*: closeness counts only the actors that can reach
      an actor (hence the :math:`(r-1)/(n-1)` factor). networkx refuses
      eigenvector centrality when the map is not connected (directed: not
      strongly connected). netmap computes it whole: when one component
      (directed: one part with a cycle) holds every tie that can sustain
      the leading eigenvalue, the eigenvector is unique; actors it does
      not reach get 0, isolates always. When several components could,
      netmap takes the limit of power iteration from equal scores (what
      networkx's ``eigenvector_centrality`` and Gephi iterate): components
      sharing the largest eigenvalue each get their own eigenvector,
      weighted by their overlap with equal scores, and the others 0. In a
      directed map where a cycle feeds another of the same strength that
      limit is reached only slowly; ARPACK, started from it, gives it to
      about 1e-8 (with a warning if even that fails).
    - *Sampled betweenness* is an estimate. On a random map of 10,000
      actors and 100,000 ties it correlated r = 0.71 with the exact values
      at 500 pivots, 0.83 at 1,000 and 0.91 at 2,000 (see
      ``docs/centrality.md``). A pivot's own value is scaled by :math:`k - 1`
      instead of :math:`k`, as in networkx.
    - *Sampled closeness* is an estimate too, far closer: on a synthetic
      map (``netmap.datasets.synthetic``, seed 1) of 10,000 actors and
      100,000 ties, 200 pivots gave values correlating r = 0.998 with the
      exact ones, a median relative error of 0.9% and a largest of 4.6%;
      directed, r = 0.999, a median of 2.8% and 99% of actors within 5%,
      but an actor that few others reach gets 0 when no pivot reaches it
      (``tests/test_centrality.py`` checks a smaller map). Exact closeness
      takes time proportional to actors times ties (more than 25 minutes
      at 100,000 actors and 1,000,000 ties), sampled closeness to pivots
      times ties.

    Which library computes what: betweenness and closeness with
    python-igraph when it is installed (``pip install netmap[fast]``),
    otherwise betweenness with networkx and closeness with
    ``scipy.sparse.csgraph``, with the same values; eigenvector with
    ARPACK through ``scipy.sparse.linalg``; degree from the sparse
    adjacency. Exact betweenness and closeness take time proportional to
    actors times ties: at 10,000 actors and 100,000 ties, about 38 s and
    10 s with igraph (networkx and csgraph are slower); 1,000 pivots take
    about 4 s.

    References
    ----------
    .. [1] Freeman, L. C. (1977). A set of measures of centrality based on
       betweenness. *Sociometry* 40(1), 35-41. https://doi.org/10.2307/3033543
    .. [2] Freeman, L. C. (1979). Centrality in social networks: conceptual
       clarification. *Social Networks* 1(3), 215-239.
       https://doi.org/10.1016/0378-8733(78)90021-7
    .. [3] Brandes, U. (2001). A faster algorithm for betweenness centrality.
       *Journal of Mathematical Sociology* 25(2), 163-177.
       https://doi.org/10.1080/0022250X.2001.9990249
    .. [4] Brandes, U. and Pich, C. (2007). Centrality estimation in large
       networks. *International Journal of Bifurcation and Chaos* 17(7),
       2303-2318. https://doi.org/10.1142/S0218127407018403
    .. [5] Bonacich, P. (1972). Factoring and weighting approaches to status
       scores and clique identification. *Journal of Mathematical Sociology*
       2(1), 113-120. https://doi.org/10.1080/0022250X.1972.9989806
    .. [6] Wasserman, S. and Faust, K. (1994). *Social Network Analysis:
       Methods and Applications.* Cambridge University Press, p. 201.

    Examples
    --------
    >>> import netmap
    >>> from netmap.measures.centrality import centrality
    >>> m = netmap.datasets.load_2x5()
    >>> c = centrality(m)
    >>> list(c.columns)
    ['degree', 'betweenness', 'closeness', 'eigenvector']
    >>> c.loc[["sheatufim", "moe", "hitech_a"]].round(3)
               degree  betweenness  closeness  eigenvector
    id
    sheatufim   0.593        0.381      0.595        0.417
    moe         0.341        0.074      0.489        0.272
    hitech_a    0.165        0.013      0.427        0.173
    >>> c.attrs["betweenness_sampled"] is None
    True
    """
    given = measures
    measures = (measures,) if isinstance(measures, str) else tuple(measures)
    unknown = [x for x in measures if x not in MEASURES]
    if unknown or not measures:
        raise ParameterError("measures", given, "one or more of " + allowed_words(MEASURES),
                             hint=f"{', '.join(map(repr, unknown))} unknown" if unknown
                             else "name at least one")
    W = _tie_matrix(m, weight, what="centrality")
    n = W.shape[0]
    directed = m.directed
    _check_sample("betweenness_sample", betweenness_sample)
    _check_sample("closeness_sample", closeness_sample)
    pivots = (_pivots(n, betweenness_sample, seed) if "betweenness" in measures
              else None)
    near = (_closeness_pivots(n, closeness_sample, seed) if "closeness" in measures
            else None)

    def share(counts: np.ndarray) -> np.ndarray:  # networkx: 1 for a lone actor
        return counts / (n - 1) if n > 1 else np.ones(n)

    out_degree = np.diff(W.indptr).astype(np.float64)
    in_degree = np.bincount(W.indices, minlength=n).astype(np.float64)
    columns = {}
    if "degree" in measures and directed:
        columns["in_degree"] = share(in_degree)
        columns["out_degree"] = share(out_degree)
        columns["degree"] = share(in_degree + out_degree)
    elif "degree" in measures:
        columns["degree"] = share(out_degree)
    # Edges of the graph handed to igraph or networkx: each pair once.
    edges = sp.triu(W, k=1).tocoo() if not directed else W.tocoo()
    length = 1.0 / edges.data if weight is not None else None
    ig = _igraph()
    g = None if ig is None else ig.Graph(n=n, edges=np.column_stack([edges.row, edges.col]),
                                         directed=directed)
    compute = {
        "betweenness": lambda: _betweenness(g, n, edges, length, directed, pivots),
        "closeness": lambda: (_closeness(g, n, W, length, directed) if near is None
                              else _closeness_sampled(g, W, length, directed, near)),
        "eigenvector": lambda: _eigenvector(W, directed),
    }
    for name in measures:
        if name in compute:
            columns[name] = compute[name]()
    order = [c for name in measures for c in columns
             if c == name or (name == "degree" and c.endswith("_degree"))]
    result = pd.DataFrame({c: columns[c] for c in dict.fromkeys(order)},
                          index=pd.Index(m.arrays.ids, name="id"))
    result.attrs["betweenness_sampled"] = (
        None if pivots is None or "betweenness" not in measures else len(pivots))
    result.attrs["closeness_sampled"] = None if near is None else len(near)
    return result


def _igraph():
    """The igraph module, or None when python-igraph is not installed."""
    try:
        import igraph
    except ImportError:
        return None
    return igraph


def _pivots(n: int, sample, seed) -> np.ndarray | None:
    """The sources of sampled betweenness (sorted actor positions), or None for exact."""
    return _draw(n, sample, seed, "betweenness")


def _closeness_pivots(n: int, sample, seed) -> np.ndarray | None:
    """The sources of sampled closeness (sorted actor positions), or None for exact."""
    return _draw(n, sample, seed, "closeness")


def _draw(n: int, sample, seed, what: str) -> np.ndarray | None:
    rng = check_seed(seed)
    if sample is None:
        if n <= SAMPLE_ABOVE:
            return None
        sample = SAMPLE_PIVOTS if what == "betweenness" else CLOSENESS_PIVOTS
        if sample >= n:
            return None
        warn(
            f"{what} of this map of {n:,} actors is estimated from {sample:,} "
            f"sampled actors (exact above {SAMPLE_ABOVE:,} actors is slow); pass "
            f"{what}_sample=m.n_actors for exact values, or a number of pivots "
            "to choose the precision and silence this warning", NetmapWarning,
            stacklevel=4)
    if sample >= n:
        return None
    return np.sort(rng.choice(n, size=int(sample), replace=False))


def _check_sample(name: str, sample) -> None:
    if sample is not None and (isinstance(sample, bool)
                               or not isinstance(sample, int | np.integer) or sample < 2):
        raise ParameterError(name, sample, "a whole number of at least 2 or None",
                             hint="pass the number of pivot actors (1,000 or more for "
                                  "useful estimates), or None for the default")


def _closeness_sampled(g, W: sp.csr_array, length, directed: bool,
                       pivots: np.ndarray) -> np.ndarray:
    """Closeness estimated from the distances of ``pivots`` to every actor.

    ``g`` is the map as an igraph Graph, or None to use scipy's csgraph.
    """
    n = W.shape[0]
    graph = W.copy()
    if length is not None:
        graph.data = 1.0 / graph.data
    hits = np.zeros(n)
    total = np.zeros(n)
    step = max(1, _BLOCK_ENTRIES // max(n, 1))
    for lo in range(0, len(pivots), step):
        sources = pivots[lo:lo + step]
        if g is not None:  # breadth-first in C; csgraph's Dijkstra is slower unweighted
            block = np.array(g.distances(source=sources.tolist(), mode="out",
                                         weights=length), dtype=np.float64)
        else:
            block = csgraph.dijkstra(int32_indices(sp.csr_array(graph)), directed=directed,
                                     unweighted=length is None, indices=sources)
        finite = np.isfinite(block)
        hits += finite.sum(axis=0)
        total += np.where(finite, block, 0.0).sum(axis=0)
    is_pivot = np.zeros(n)
    is_pivot[pivots] = 1.0
    hits -= is_pivot  # a pivot reaches itself at distance 0
    if directed:
        reached = hits / (len(pivots) - is_pivot) * (n - 1)
    else:
        _, labels = csgraph.connected_components(int32_indices(W), directed=False)
        reached = np.bincount(labels)[labels] - 1.0
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(total > 0, hits / total, 0.0)
    return mean * reached / (n - 1)


def _betweenness(g, n: int, edges: sp.coo_array, length, directed: bool,
                 pivots: np.ndarray | None) -> np.ndarray:
    """Normalised betweenness, rescaled as networkx's ``_rescale`` (endpoints excluded).

    ``g`` is the map as an igraph Graph, or None to use networkx.
    """
    if n < 3:
        return np.zeros(n)
    if g is not None:
        if pivots is None:
            raw = np.asarray(g.betweenness(directed=directed, weights=length))
        else:
            raw = np.asarray(g.betweenness(sources=pivots, weights=length))
    else:
        import networkx as nx

        G = nx.DiGraph() if directed else nx.Graph()
        G.add_nodes_from(range(n))
        lengths = np.ones(edges.nnz) if length is None else length
        G.add_weighted_edges_from(zip(edges.row.tolist(), edges.col.tolist(),
                                      lengths.tolist(), strict=True), weight="length")
        key = None if length is None else "length"
        if pivots is None:
            found = nx.betweenness_centrality(G, normalized=False, weight=key)
        else:
            found = nx.betweenness_centrality_subset(G, sources=pivots.tolist(),
                                                     targets=range(n), normalized=False,
                                                     weight=key)
        raw = np.array([found[v] for v in range(n)])
    if not directed:
        raw = raw * 2.0  # both libraries count each unordered pair once
    pairs = n - 1  # possible targets other than v
    if pivots is None:
        return raw / (pairs * (pairs - 1))
    k = len(pivots)
    scale = np.full(n, 1.0 / (k * (pairs - 1)))
    scale[pivots] = 1.0 / ((k - 1) * (pairs - 1))
    return raw * scale


def _closeness(g, n: int, W: sp.csr_array, length, directed: bool) -> np.ndarray:
    """Closeness as networkx (``wf_improved``), inward in a directed map.

    ``g`` is the map as an igraph Graph, or None to use scipy's csgraph.
    """
    if n < 2:
        return np.zeros(n)
    if g is not None:
        mode = "in" if directed else "all"
        mean = np.asarray(g.closeness(mode=mode, weights=length, normalized=True))
        if directed:
            total = np.asarray(g.closeness(mode=mode, weights=length, normalized=False))
            with np.errstate(invalid="ignore"):
                reached = np.rint(mean / total)
        else:
            _, labels = csgraph.connected_components(int32_indices(W), directed=False)
            reached = np.bincount(labels)[labels] - 1.0
        mean = np.nan_to_num(mean, nan=0.0)
        reached = np.nan_to_num(reached, nan=0.0)
    else:
        graph = W.copy()
        if length is not None:
            graph.data = 1.0 / graph.data
        if directed:
            graph = sp.csr_array(graph.T)  # distances from v along reversed ties
        reached = np.zeros(n)
        total = np.zeros(n)
        step = max(1, _BLOCK_ENTRIES // n)
        for lo in range(0, n, step):
            block = csgraph.dijkstra(int32_indices(sp.csr_array(graph)), directed=directed,
                                     unweighted=length is None,
                                     indices=np.arange(lo, min(lo + step, n), dtype=np.int32))
            finite = np.isfinite(block)
            reached[lo:lo + step] = finite.sum(axis=1) - 1.0
            total[lo:lo + step] = np.where(finite, block, 0.0).sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            mean = np.where(total > 0, reached / total, 0.0)
    return mean * reached / (n - 1)


def _eigenvector(W: sp.csr_array, directed: bool) -> np.ndarray:
    """Leading eigenvector of A^T (in-ties), unit norm, non-negative; NaN if undefined."""
    n = W.shape[0]
    if n == 0:
        return np.zeros(0)
    # The parts that can carry a positive leading eigenvalue: components of
    # two or more actors (directed: strongly connected, so holding a cycle).
    _, labels = csgraph.connected_components(int32_indices(W), directed=directed,
                                             connection="strong")
    parts = int((np.bincount(labels) > 1).sum())
    if parts == 0:
        warn(
            "eigenvector centrality is undefined for a map without "
            f"{'a cycle of directed ties' if directed else 'ties'}; the eigenvector "
            "column is NaN", NetmapWarning, stacklevel=3)
        return np.full(n, np.nan)
    M = sp.csr_array(W.T) if directed else W
    ones = np.ones(n)
    if parts == 1 and n >= 3:
        # One part: the leading eigenvalue is simple (Perron-Frobenius).
        if directed:
            _, vectors = sla.eigs(M, k=1, which="LR", v0=ones, tol=0)
            x = vectors[:, 0].real
        else:
            _, vectors = sla.eigsh(M, k=1, which="LA", v0=ones, tol=0)
            x = vectors[:, 0]
        x = x / (np.sign(x.sum()) * np.linalg.norm(x))
        x[np.abs(x) < 1e-12] = 0.0  # actors the part does not reach: ARPACK's noise
        return np.clip(x, 0.0, None)
    # Several parts may share the leading eigenvalue, and then the eigenvector
    # is not unique: take the limit of power iteration from equal scores,
    # which is the eigenvector nearest to them (and the eigenvector when it
    # is unique).
    x, converged = _power_iteration(M, ones)
    if not converged and directed and n >= 3:
        # Two cycles of equal strength, one feeding the other, converge as
        # 1/k; the eigenvector is then unique and ARPACK finds it.
        # Started from the iterate, already near that eigenvector.
        _, vectors = sla.eigs(M, k=1, which="LR", v0=x, tol=0)
        y = vectors[:, 0].real
        y = y / (np.sign(y.sum()) * np.linalg.norm(y))
        converged = bool(y.min() > -1e-6)  # defective: ARPACK is ~1e-8 precise
        x = y if converged else x
    if not converged:
        warn("eigenvector centrality did not converge (several parts of the "
             "map share the leading eigenvalue); its values are approximate",
             NetmapWarning, stacklevel=3)
    x[x < 1e-12] = 0.0  # parts with a smaller eigenvalue, decayed to noise
    return np.clip(x, 0.0, None)


def _power_iteration(M: sp.csr_array, x0: np.ndarray, tol: float = 1e-14,
                     max_iter: int = 5000) -> tuple[np.ndarray, bool]:
    """Power iteration on M + I from x0 (networkx's eigenvector_centrality), and whether it converged."""  # noqa: E501
    x = x0 / np.linalg.norm(x0)
    for _ in range(max_iter):
        y = M @ x + x
        y /= np.linalg.norm(y)
        if np.abs(y - x).max() < tol:
            return y, True
        x = y
    return x, False
