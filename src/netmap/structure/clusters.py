"""Single-sector clusters and modularity communities, with their sector make-up.

Beside the joint bodies, a joint move may hold single-sector groups where
actors of one sector combine forces: the business coalition and the
third-sector team of the 2x5 initiative (CONCEPTS.md sections 7 and 8).
:func:`netmap.single_sector_clusters` finds such groups in the ties themselves;
:func:`netmap.communities` finds the map's communities whatever their sectors and
says which are mixed and which are single-sector.
"""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

from netmap.model._groups import group_codes
from netmap.model._memo import remembered
from netmap.model._params import check_choice, check_int, check_number, check_seed
from netmap.model.arrays import int32_indices, sorted_unique
from netmap.structure.bodies import _body_index, _member_pairs

if TYPE_CHECKING:
    from netmap.model.stakeholder_map import StakeholderMap

__all__ = ["single_sector_clusters", "communities"]


def _undirected_ties(m) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Tie ends without self-ties (every tie once, direction ignored) and their weights."""
    arr = m.arrays
    keep = arr.source != arr.target
    return arr.source[keep], arr.target[keep], arr.weight[keep]


def _igraph():
    """The igraph module, or None when python-igraph is not installed."""
    try:
        import igraph
    except ImportError:
        return None
    return igraph


def _louvain(adj: sp.csr_array, resolution: float, seed: int) -> tuple[list, float]:
    """Louvain communities of a symmetric weighted adjacency, and their modularity.

    igraph's ``community_multilevel`` when python-igraph is installed (its
    random order drawn from ``random.Random(seed)``, set for the call and
    put back after), networkx's ``louvain_communities`` otherwise: the
    same method (Blondel et al. 2008); igraph is some hundred times
    faster on large maps. The modularity is NaN without ties.
    """
    ig = _igraph()
    if ig is None:
        import networkx as nx

        graph = nx.from_scipy_sparse_array(adj)
        parts = nx.community.louvain_communities(graph, weight="weight",
                                                 resolution=resolution, seed=seed)
        quality = nx.community.modularity(graph, parts, weight="weight",
                                          resolution=resolution) if adj.nnz else np.nan
        return [np.array(sorted(p), dtype=np.int64) for p in parts], quality
    upper = sp.triu(adj, k=1).tocoo()
    graph = ig.Graph(n=adj.shape[0], edges=list(zip(upper.row.tolist(), upper.col.tolist(),
                                                    strict=True)))
    weights = upper.data.tolist()
    ig.set_random_number_generator(random.Random(seed))
    try:
        membership = graph.community_multilevel(weights=weights,
                                                resolution=resolution).membership
    finally:
        ig.set_random_number_generator(random)
    quality = graph.modularity(membership, weights=weights,
                               resolution=resolution) if adj.nnz else np.nan
    labels = np.asarray(membership, dtype=np.int64)
    order = np.argsort(labels, kind="stable")
    cuts = np.flatnonzero(np.diff(labels[order])) + 1
    return np.split(order, cuts), float(quality)


def _check_share(name: str, value: float) -> None:
    check_number(name, value, low=0, high=1)


@remembered
def single_sector_clusters(m: StakeholderMap, *, by: str = "sector", min_size: int = 3,
                           min_share: float = 0.5, split: bool = False,
                           seed=0) -> pd.DataFrame:
    r"""Groups of same-sector actors tied mostly to each other.

    The definition, in three steps:

    1. An actor is *inward* when at least ``min_share`` of its ties go to
       actors of its own sector (self-ties left out, direction ignored,
       parallel ties each counted).
    2. A candidate cluster is a connected group of inward actors of one
       sector, joined by ties between them (a connected component of the
       same-sector ties among inward actors); with ``split=True`` each
       component is further split into modularity communities (Louvain),
       for large maps where a whole sector forms one component.
    3. It is a single-sector cluster when it has at least ``min_size``
       actors and at least ``min_share`` of its members' ties stay inside
       it (``internal_share``).

    Brokers, whose ties run mostly to other sectors, are thus not cluster
    members even when they coordinate the cluster; the ``body`` columns
    say which body the cluster coincides with.

    Parameters
    ----------
    m : StakeholderMap
        The map.
    by : str, default "sector"
        ``"sector"``, ``"core"`` or any actor column: what "same sector"
        means. Actors with no group are never members.
    min_size : int, default 3
        Fewest members: two actors are a tie, three are a group.
    min_share : float, default 0.5
        "Mostly" in "tied mostly to each other": more ties inside than out.
    split : bool, default False
        Split components into Louvain communities (reproducible with
        ``seed``).
    seed : int, numpy Generator or None, default 0
        Seed of the Louvain split: the same seed gives the same result;
        None draws fresh randomness.

    Returns
    -------
    pandas.DataFrame
        One row per cluster, largest first, indexed by ``cluster`` (0, 1,
        ...). Columns: ``sector`` (the group), ``members`` (a tuple of
        actor ids in actor order), ``size``, ``internal_ties`` (ties between
        members), ``external_ties`` (ties with one end in the cluster),
        ``density`` (distinct tied pairs among members over possible
        pairs; ordered pairs on a directed map), ``internal_share``
        (``internal_ties / (internal_ties + external_ties)``), ``body`` (the
        body whose members overlap the cluster most, or None) and
        ``body_overlap`` (the Jaccard index of the two member sets:
        shared members over members of either; 0 when no body).

    Raises
    ------
    netmap.ParameterError
        For ``min_size`` below 1 or ``min_share`` outside [0, 1].

    Examples
    --------
    >>> import netmap
    >>> clusters = netmap.single_sector_clusters(netmap.datasets.load_2x5())
    >>> clusters[["sector", "size", "body"]].head(2)
               sector  size                body
    cluster
    0        business    23  business_coalition
    1           third    22   third_sector_team
    """
    check_int("min_size", min_size, minimum=1)
    check_seed(seed)
    _check_share("min_share", min_share)
    groups = group_codes(m, by)
    codes = groups.codes
    n = m.n_actors
    src, dst, _ = _undirected_ties(m)
    same = (codes[src] == codes[dst]) & (codes[src] >= 0)
    degree = np.bincount(src, minlength=n) + np.bincount(dst, minlength=n)
    inside = (np.bincount(src[same], minlength=n) + np.bincount(dst[same], minlength=n))
    with np.errstate(invalid="ignore", divide="ignore"):
        inward = (degree > 0) & (codes >= 0) & (inside >= min_share * degree)
    link = same & inward[src] & inward[dst]
    graph = sp.coo_array((np.ones(int(link.sum())), (src[link], dst[link])), shape=(n, n))
    _, component = connected_components(int32_indices(sp.csr_array(graph)), directed=False)
    component = np.where(inward, component, -1)
    if split:
        component = _split(graph, component, check_seed(seed))

    label_of = np.asarray(groups.labels, dtype=object)
    found, members_of = _members_by_label(component)
    internal, external = _ties_in_and_out(component, src, dst)
    internal, external = internal[found], external[found]
    size = np.array([len(members) for members in members_of], dtype=np.int64)
    touching = internal + external
    kept = np.flatnonzero((size >= min_size) & (touching > 0)
                          & (internal >= min_share * touching))
    rows = [(members_of[k], int(internal[k]), int(external[k])) for k in kept]
    return _cluster_rows(m, rows, label_of, codes, src, dst)


def _members_by_label(labels: np.ndarray) -> tuple[np.ndarray, list[np.ndarray]]:
    """The labels of at least 0, ascending, with the positions of each (ascending).

    One stable sort of the labels, cut where they change: as many steps
    as actors, however many components (a test for each label was actors
    x components).
    """
    order = np.argsort(labels, kind="stable")
    order = order[labels[order] >= 0]
    sorted_labels = labels[order]
    cuts = np.flatnonzero(sorted_labels[1:] != sorted_labels[:-1]) + 1
    starts = np.r_[0, cuts] if len(order) else np.zeros(0, dtype=np.int64)
    return sorted_labels[starts], np.split(order, cuts) if len(order) else []


def _ties_in_and_out(component: np.ndarray, src: np.ndarray,
                     dst: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per component label: the ties with both ends in it, and those with one end."""
    count = int(component.max()) + 1 if len(component) else 0
    a, b = component[src], component[dst]
    inner = (a == b) & (a >= 0)
    internal = np.bincount(a[inner], minlength=count)
    external = (np.bincount(a[(a >= 0) & ~inner], minlength=count)
                + np.bincount(b[(b >= 0) & ~inner], minlength=count))
    return internal, external


def _split(graph: sp.coo_array, component: np.ndarray, rng) -> np.ndarray:
    """Each component's Louvain communities, as new component labels."""
    out = np.full_like(component, -1)
    csr = graph.tocsr()
    csr = csr + csr.T
    next_label = 0
    for members in _members_by_label(component)[1]:
        sub = csr[members][:, members]
        parts, _ = _louvain(sub, 1.0, int(rng.integers(2**31 - 1)))
        for part in sorted(parts, key=min):
            out[members[part]] = next_label
            next_label += 1
    return out


def _cluster_rows(m, rows, label_of, codes, src, dst) -> pd.DataFrame:
    ids = np.asarray(m.arrays.ids, dtype=object)
    rows = sorted(rows, key=lambda r: (-len(r[0]), r[0][0]))
    columns = ["sector", "members", "size", "internal_ties", "external_ties", "density",
               "internal_share", "body", "body_overlap"]
    if not rows:
        table = pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
        for c in ("size", "internal_ties", "external_ties"):
            table[c] = table[c].astype(np.int64)
        for c in ("density", "internal_share", "body_overlap"):
            table[c] = table[c].astype(float)
        table.index.name = "cluster"
        return table
    bodies, overlaps = _best_bodies(m, [r[0] for r in rows])
    records = []
    tied_pairs = _tied_pairs(m, [r[0] for r in rows], src, dst)
    for (members, internal, external), body, overlap, tied in zip(
            rows, bodies, overlaps, tied_pairs.tolist(), strict=True):
        k = len(members)
        possible = k * (k - 1) if m.directed else k * (k - 1) // 2
        records.append({
            "sector": label_of[codes[members[0]]],
            "members": tuple(ids[members]),
            "size": k,
            "internal_ties": internal,
            "external_ties": external,
            "density": tied / possible if possible else np.nan,
            "internal_share": internal / (internal + external),
            "body": body,
            "body_overlap": overlap,
        })
    table = pd.DataFrame.from_records(records, columns=columns)
    table["body"] = pd.Series([r["body"] for r in records], dtype=object)
    table.index.name = "cluster"
    return table


def _tied_pairs(m, member_sets: list[np.ndarray], src: np.ndarray,
                dst: np.ndarray) -> np.ndarray:
    """For each set of actor positions (disjoint sets), its distinct tied pairs.

    Pairs are ordered on a directed map and unordered otherwise; each tie
    with both ends in one set is keyed by its pair, the keys made
    distinct by one sort, and counted per set.
    """
    n = m.n_actors
    set_of = np.full(n, -1, dtype=np.int64)
    if member_sets:
        set_of[np.concatenate(member_sets)] = np.repeat(
            np.arange(len(member_sets)), [len(members) for members in member_sets])
    inside = (set_of[src] >= 0) & (set_of[src] == set_of[dst])
    a, b = src[inside].astype(np.int64), dst[inside].astype(np.int64)
    pairs = a * n + b if m.directed else np.minimum(a, b) * n + np.maximum(a, b)
    return np.bincount(set_of[sorted_unique(pairs) // n], minlength=len(member_sets))


def _best_bodies(m, member_sets: list[np.ndarray]) -> tuple[list, list]:
    """For each set of actor positions, the body of largest Jaccard overlap."""
    pairs = _member_pairs(m)
    bodies = _body_index(m)
    n = m.n_actors
    if not len(pairs) or not len(bodies):
        return [None] * len(member_sets), [0.0] * len(member_sets)
    body_matrix = sp.csr_array(
        (np.ones(len(pairs)), (bodies.get_indexer(pairs["body"]),
                               pairs["position"].to_numpy())), shape=(len(bodies), n))
    rows = np.repeat(np.arange(len(member_sets)), [len(s) for s in member_sets])
    set_matrix = sp.csr_array((np.ones(len(rows)), (rows, np.concatenate(member_sets))),
                              shape=(len(member_sets), n))
    shared = (set_matrix @ body_matrix.T).toarray()
    union = (np.asarray(set_matrix.sum(axis=1)).reshape(-1, 1)
             + np.asarray(body_matrix.sum(axis=1)).reshape(1, -1) - shared)
    jaccard = np.divide(shared, union, out=np.zeros_like(shared), where=union > 0)
    best = jaccard.argmax(axis=1)
    score = jaccard[np.arange(len(member_sets)), best]
    names = [bodies[b] if s > 0 else None for b, s in zip(best, score, strict=True)]
    return names, [float(s) for s in score]


def communities(m: StakeholderMap, *, by: str = "sector", seed=0, resolution: float = 1.0,
                weight: str | None = None, pure: float = 0.8) -> pd.DataFrame:
    """Modularity communities of the map and the sector make-up of each.

    Communities are found with the Louvain method (Blondel et al. 2008)
    on the undirected map without self-ties: igraph's
    ``community_multilevel`` when python-igraph is installed (``pip
    install netmap[fast]``; 0.1 s at 10,000 actors, seconds at 100,000),
    networkx's ``louvain_communities`` otherwise (minutes at 100,000
    actors). The same ``seed`` gives the same communities with the same
    engine; the two engines draw their random orders differently, so
    their partitions can differ where the modularity is nearly flat.
    While igraph runs, its random generator is a ``random.Random(seed)``
    (igraph's generator is global: do not run two at once in threads).
    Each community's sector
    make-up then tells mixed communities (a joint body at work) from
    single-sector ones (a coalition of one sector).

    Parameters
    ----------
    m : StakeholderMap
        The map.
    by : str, default "sector"
        The groups of the make-up: ``"sector"``, ``"core"`` or any actor
        column.
    seed : int, numpy Generator or None, default 0
        Seed of the Louvain method: the same seed gives the same result;
        None draws fresh randomness.
    resolution : float, default 1.0
        Modularity resolution: above 1 gives more and smaller communities.
    weight : str, optional
        ``"weight"`` to use tie weights (parallel ties add up); by default
        every tied pair counts once.
    pure : float, default 0.8
        A community is ``single-sector`` when its dominant group holds at
        least this share of its members: one or two outsiders (say a
        coordinator from another sector) in a group of ten do not make it
        mixed.

    Returns
    -------
    pandas.DataFrame
        One row per community, largest first, indexed by ``community`` (0,
        1, ...). Columns: ``size``, ``members`` (a tuple of actor ids), one
        count column per group of ``by``, ``dominant`` (the largest group;
        the first in the map's order on a tie), ``purity`` (its share of the
        members with a group), ``blau`` (Blau diversity of the make-up) and
        ``kind`` (``"single-sector"`` or ``"mixed"``). ``attrs["modularity"]``
        holds the modularity of the partition.

    Raises
    ------
    netmap.ParameterError
        For ``pure`` outside [0, 1], ``resolution`` not above 0, or an
        unknown ``weight``.

    Examples
    --------
    >>> import netmap
    >>> table = netmap.communities(netmap.datasets.load_2x5(), seed=1)
    >>> int(table["size"].sum())
    92
    >>> sorted(set(table["kind"]))
    ['mixed', 'single-sector']
    """
    _check_share("pure", pure)
    check_number("resolution", resolution, above=0)
    check_choice("weight", weight, (None, "weight"))
    rng = check_seed(seed)
    groups = group_codes(m, by)
    n = m.n_actors
    src, dst, w = _undirected_ties(m)
    values = w if weight == "weight" else np.ones(len(src))
    adj = sp.coo_array((np.concatenate([values, values]),
                        (np.concatenate([src, dst]), np.concatenate([dst, src]))),
                       shape=(n, n)).tocsr()
    adj.sum_duplicates()
    if weight is None:
        adj.data[:] = 1.0
    parts, modularity = _louvain(adj, resolution, int(rng.integers(2**31 - 1)))
    parts = sorted(parts, key=lambda p: (-len(p), p[0]))
    community = np.empty(n, dtype=np.int64)
    for k, part in enumerate(parts):
        community[part] = k
    labels = list(groups.labels)
    counts = np.zeros((len(parts), len(labels)), dtype=np.int64)
    has = groups.codes >= 0
    np.add.at(counts, (community[has], groups.codes[has]), 1)
    ids = np.asarray(m.arrays.ids, dtype=object)
    table = pd.DataFrame({"size": [len(p) for p in parts],
                          "members": [tuple(ids[p]) for p in parts]})
    table.index.name = "community"
    for j, label in enumerate(labels):
        table[label] = counts[:, j]
    totals = counts.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        shares = counts / totals[:, None]
        table["dominant"] = [labels[j] if t else None
                             for j, t in zip(counts.argmax(axis=1), totals, strict=True)]
        table["purity"] = counts.max(axis=1) / totals
        table["blau"] = 1.0 - (shares ** 2).sum(axis=1)
    table["kind"] = np.where(table["purity"] >= pure, "single-sector", "mixed")
    table.attrs["modularity"] = float(modularity)
    return table
