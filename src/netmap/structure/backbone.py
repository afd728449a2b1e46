"""The backbone's part in the joint move: how much of the brokering between sectors it does.

A joint move is run by a neutral backbone organisation whose task is to
bring all stakeholders in and coordinate them (CONCEPTS.md section 6).
These tables measure that task in the map: the share of the open
two-paths between sectors that the backbone brokers, who brokers each
pair of sectors and how concentrated that is, and what the map looks
like without the backbone.

The backbone is the actors marked yes in the actors' ``backbone`` column
(headed by any of :data:`~netmap.structure.backbone.BACKBONE_HEADERS`: "ארגון שדרה" in Hebrew), the
ids passed as ``backbone=``, or the ``top`` actors by cross-sector
brokerage.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

from netmap.measures.brokerage import _binary_adjacency, _closed_paths, _compute
from netmap.model._groups import group_codes, group_pairs
from netmap.model._labels import BACKBONE_HEADERS as _BACKBONE_HEADERS
from netmap.model._labels import label_key
from netmap.model._memo import remembered
from netmap.model._params import check_int
from netmap.model._select import actor_ids, flagged
from netmap.model.arrays import int32_indices, or_none
from netmap.model.exceptions import InvalidValueError, MeasureError
from netmap.structure.gaps import _components

if TYPE_CHECKING:
    from netmap.model.stakeholder_map import StakeholderMap

__all__ = ["backbone_actors", "backbone_brokerage", "pair_brokerage", "without_backbone",
           "pair_two_paths", "cross_two_paths"]

#: The headers of the actors' backbone column (yes for the backbone organisation).
#: The column is an extra one, kept under its header as written; a header is
#: matched as every header is (case, spacing, punctuation and the definite
#: article ignored), so "Backbone", "backbone_org", "ארגון שדרה" and
#: "ארגון השדרה" all name it.
BACKBONE_HEADERS = _BACKBONE_HEADERS


def backbone_column(m) -> str | None:
    """The header of the actors' backbone column as written, or None without one.

    Raises
    ------
    netmap.InvalidValueError
        When two columns name the backbone (say "backbone" and "ארגון שדרה"),
        naming both.

    Examples
    --------
    >>> import netmap
    >>> m = netmap.datasets.load_2x5()
    >>> backbone_column(m)
    'backbone'
    >>> actors = m.actors.rename(columns={"backbone": "ארגון השדרה"}).reset_index()
    >>> backbone_column(netmap.StakeholderMap(actors, m.ties))
    'ארגון השדרה'
    """
    keys = {label_key(h) for h in BACKBONE_HEADERS}
    found = [c for c in m.actors.columns if isinstance(c, str) and label_key(c) in keys]
    if len(found) > 1:
        raise InvalidValueError(
            f"the actors table has {len(found)} backbone columns "
            f"({', '.join(map(repr, found))})", table="actors", column=found[1],
            suggestion="keep one of them, or pass backbone= (ids)")
    return found[0] if found else None


def backbone_actors(m, backbone=None, *, top: int | None = None,
                    by: str = "sector") -> list:
    """The backbone's actor ids, from ``backbone=``, ``top=`` or the ``backbone`` column.

    Parameters
    ----------
    m : StakeholderMap
        The map.
    backbone : str or iterable of str, optional
        Actor ids. Takes precedence over ``top`` and the column.
    top : int, optional
        The ``top`` actors by cross-sector brokerage (open two-paths between
        different groups of ``by``; ties broken by actor order).
    by : str, default "sector"
        The groups of ``top``.

    Returns
    -------
    list of str

    Raises
    ------
    netmap.MeasureError
        When none of the three names a backbone.

    Examples
    --------
    >>> import netmap
    >>> m = netmap.datasets.load_2x5()
    >>> backbone_actors(m), backbone_actors(m, top=2)
    (['sheatufim'], ['sheatufim', 'moe'])
    """
    if backbone is not None:
        return actor_ids(m, backbone, what="backbone actor")
    top = check_int("top", top, minimum=1, allow_none=True)
    if top is not None:
        order = np.argsort(-cross_two_paths(m, by), kind="stable")[:top]
        return list(np.asarray(m.arrays.ids, dtype=object)[order])
    column = backbone_column(m)
    if column is not None:
        marked = flagged(m, column)
        if marked.any():
            return list(np.asarray(m.arrays.ids, dtype=object)[marked])
        raise MeasureError(f"no actor is marked yes in the {column!r} column; mark the "
                           "backbone there, or pass backbone= (ids) or top= (brokers)")
    raise MeasureError("the map names no backbone: add a 'backbone' column (Hebrew header "
                       "'ארגון שדרה') to the actors (yes for the backbone), or pass "
                       "backbone= (ids) or top= (brokers)")


def pair_two_paths(m, by: str = "sector") -> np.ndarray:
    """Open two-paths through every broker, by the groups of their two ends.

    Entry ``[j, a, b]`` counts the pairs ``(i, k)``, ``i != k``, with arcs
    ``i -> j -> k`` and no arc ``i -> k``, where ``i`` is in group ``a``
    and ``k`` in group ``b``: the open two-paths of
    :func:`netmap.brokerage`, by the groups they join. Summed
    over ``a != b`` they are the actor's representative, gatekeeper and
    liaison counts; over ``a == b``, its coordinator and itinerant counts.
    In an undirected map every path counts in both directions, as there.

    Parameters
    ----------
    m : StakeholderMap
        The map.
    by : str, default "sector"
        ``"sector"`` or an actor column that gives every actor a group.

    Returns
    -------
    numpy.ndarray
        int64, shape ``(n_actors, n_groups, n_groups)``, in the order of
        ``m.arrays.ids`` and of the groups (see :func:`netmap.mixing_matrix`).

    Examples
    --------
    >>> import netmap
    >>> m = netmap.datasets.load_2x5()
    >>> counts = pair_two_paths(m)
    >>> counts.shape
    (92, 7, 7)
    """
    return _pair_paths(m, by).copy()


def _pair_paths(m, by: str) -> np.ndarray:
    """:func:`pair_two_paths`, counted once per map and ``by`` (read-only)."""
    return m.arrays.memo(("backbone.pair_paths", by), lambda: _count_pair_paths(m, by))


def _count_pair_paths(m, by: str) -> np.ndarray:
    groups = _compute(m, by, counts=False).groups  # checks every actor has a group
    adj, _ = _binary_adjacency(m)
    codes, g = groups.codes, groups.n_groups
    n = adj.shape[0]
    if n * g * g > 400_000_000:
        raise MeasureError(f"{g} groups are too many to count two-paths per pair of groups "
                           f"for {n} actors; use by='sector' or by='core'")
    # neighbours of each actor per group: bincounts of the arcs, no one-hot products
    rows = np.repeat(np.arange(n, dtype=np.int64), np.diff(adj.indptr))
    cols = adj.indices.astype(np.int64)
    out_by = np.bincount(rows * g + codes[cols], minlength=n * g).reshape(n, g)
    in_by = np.bincount(cols * g + codes[rows], minlength=n * g).reshape(n, g)
    if m.directed:  # arcs j -> i with i -> j too
        back = sp.csr_array(adj.multiply(adj.T)).tocoo()
        mutual_by = np.bincount(back.row.astype(np.int64) * g + codes[back.col],
                                minlength=n * g).reshape(n, g)
    else:  # every arc of an undirected map is mutual
        mutual_by = out_by
    paths = in_by[:, :, None] * out_by[:, None, :]
    diag = np.arange(g)
    paths[:, diag, diag] -= mutual_by
    i, j, k = _closed_paths(m)  # less the closed ones, by the groups of their ends
    closed = np.bincount((j * g + codes[i]) * g + codes[k], minlength=n * g * g)
    paths -= closed.reshape(n, g, g)
    paths.flags.writeable = False
    return paths


def cross_two_paths(m, by: str = "sector", *, ranked: bool = False):
    """Open two-paths between different groups that each actor brokers.

    The representative, gatekeeper and liaison counts of
    :func:`netmap.brokerage` summed: :func:`pair_two_paths` off its
    diagonal.

    Parameters
    ----------
    m : StakeholderMap
        The map.
    by : str, default "sector"
        The groups.
    ranked : bool, default False
        Also return each actor's rank by these counts (1 the most; ties
        share the best rank).

    Returns
    -------
    numpy.ndarray or tuple of two numpy.ndarray
        The counts in actor order, and with ``ranked`` the ranks.

    Examples
    --------
    >>> import netmap
    >>> cross, rank = cross_two_paths(netmap.datasets.load_2x5(), ranked=True)
    >>> int(cross.max()), int(rank.min())
    (2114, 1)
    """
    paths = _pair_paths(m, by)
    cross = paths.sum(axis=(1, 2)) - np.einsum("jaa->j", paths)
    if not ranked:
        return cross
    return cross, pd.Series(cross).rank(ascending=False, method="min").to_numpy(dtype=int)


@remembered
def backbone_brokerage(m: StakeholderMap, *, backbone=None, top: int | None = None,
                       by: str = "sector") -> pd.DataFrame:
    """The share of all cross-sector open two-paths that each backbone actor brokers.

    An open two-path ``i - j - k`` between actors of two different sectors
    is a place where ``j`` stands between the sectors (a representative,
    gatekeeper or liaison role of Gould and Fernandez). A backbone doing
    its task brokers a large share of them.

    Parameters
    ----------
    m : StakeholderMap
        The map.
    backbone : str or iterable of str, optional
        The backbone's ids; by default the actors marked in the
        ``backbone`` column (see :func:`~netmap.structure.backbone.backbone_actors`).
    top : int, optional
        Take the ``top`` cross-sector brokers as the backbone instead.
    by : str, default "sector"
        The groups.

    Returns
    -------
    pandas.DataFrame
        Indexed by backbone actor id. Columns: ``name`` (when the map has
        names), ``group``, ``cross_two_paths`` (the cross-group open
        two-paths it brokers, counted as :func:`netmap.brokerage` counts
        them), ``share`` (of all cross-group open two-paths in the map;
        NaN when there are none) and ``rank`` (its place among all actors
        by ``cross_two_paths``, 1 the first). The backbone's total share
        is ``table["share"].sum()``.

    Examples
    --------
    >>> import netmap
    >>> table = netmap.backbone_brokerage(netmap.datasets.load_2x5())
    >>> table.index.tolist(), int(table.loc["sheatufim", "rank"])
    (['sheatufim'], 1)
    """
    ids = backbone_actors(m, backbone, top=top, by=by)
    cross, rank = cross_two_paths(m, by, ranked=True)
    total = cross.sum()
    position = pd.Index(m.arrays.ids).get_indexer(ids)
    groups = group_codes(m, by)
    table = pd.DataFrame(index=pd.Index(ids, name="id"))
    if "name" in m.actors.columns:
        table["name"] = m.actors["name"].reindex(ids).to_numpy()
    table["group"] = np.asarray(groups.labels, dtype=object)[groups.codes[position]]
    table["cross_two_paths"] = cross[position]
    table["share"] = cross[position] / total if total else np.nan
    table["rank"] = rank[position].astype(np.int64)
    return table


def pair_brokerage(m: StakeholderMap, *, by: str = "sector", backbone=None,
                   top: int | None = None) -> pd.DataFrame:
    """Per pair of sectors: how many open two-paths join them, who brokers them, how concentrated.

    Parameters
    ----------
    m : StakeholderMap
        The map.
    by : str, default "sector"
        The groups.
    backbone, top
        The backbone, as for :func:`backbone_brokerage`. When the map names
        no backbone and neither is given, the backbone columns are left out.

    Returns
    -------
    pandas.DataFrame
        One row per pair of different groups (ordered pairs ``from``,
        ``to`` in a directed map; unordered pairs, ``a`` before ``b`` in
        the groups' order, in an undirected one), indexed by the two group
        labels. Columns: ``two_paths`` (open two-paths joining the pair,
        counted as :func:`netmap.brokerage` counts them); ``brokers``
        (actors brokering at least one); ``top_broker`` and its
        ``top_share``; ``concentration`` (the Herfindahl index of the
        brokers' shares: 1 when one actor brokers the pair alone, near 0
        when many share it; NaN with no paths); and, with a backbone,
        ``backbone_two_paths`` and ``backbone_share``.

    Examples
    --------
    >>> import netmap
    >>> table = netmap.pair_brokerage(netmap.datasets.load_2x5())
    >>> row = table.loc[("business", "third")]
    >>> row["top_broker"], int(row["brokers"])
    ('sheatufim', 41)
    """
    paths = _pair_paths(m, by)
    labels = list(group_codes(m, by).labels)
    g = len(labels)
    pairs, names = group_pairs(g, m.directed)
    per_pair = np.zeros((m.n_actors, len(pairs)), dtype=np.int64)
    for k, (a, b) in enumerate(pairs):
        per_pair[:, k] = paths[:, a, b] if m.directed else paths[:, a, b] + paths[:, b, a]
    ids = np.asarray(m.arrays.ids, dtype=object)
    total = per_pair.sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        shares = per_pair / total
        concentration = (shares ** 2).sum(axis=0)
    best = per_pair.argmax(axis=0) if len(ids) else np.zeros(len(pairs), dtype=int)
    index = pd.MultiIndex.from_tuples([(labels[a], labels[b]) for a, b in pairs],
                                      names=names)
    table = pd.DataFrame(index=index)
    table["two_paths"] = total.astype(np.int64)
    table["brokers"] = (per_pair > 0).sum(axis=0)
    table["top_broker"] = or_none(total > 0, ids[best]) if len(ids) else None
    table["top_share"] = np.where(total > 0, per_pair.max(axis=0, initial=0) /
                                  np.maximum(total, 1), np.nan)
    table["concentration"] = np.where(total > 0, concentration, np.nan)
    try:
        chosen = backbone_actors(m, backbone, top=top, by=by)
    except MeasureError:
        if backbone is not None or top is not None:
            raise
        return table
    position = pd.Index(m.arrays.ids).get_indexer(chosen)
    own = per_pair[position].sum(axis=0)
    table["backbone_two_paths"] = own.astype(np.int64)
    table["backbone_share"] = np.where(total > 0, own / np.maximum(total, 1), np.nan)
    return table


def _reach(n_comp: int, comp: np.ndarray, codes: np.ndarray, source: np.ndarray,
           target: np.ndarray, g: int) -> dict:
    """Connectivity between groups: pairs tied, pairs reachable, actor pairs reachable.

    ``comp`` gives each actor's component (``n_comp`` of them), ``codes``
    its group (-1: none), ``source`` and ``target`` the ties' ends.
    """
    has = codes >= 0
    incidence = np.zeros((n_comp, g), dtype=np.int64)
    np.add.at(incidence, (comp[has], codes[has]), 1)
    reachable = (incidence.T @ (incidence > 0)) > 0
    upper = np.triu_indices(g, 1)
    sizes = incidence.sum(axis=1)
    joined = ((sizes ** 2 - (incidence ** 2).sum(axis=1)) // 2).sum()
    all_sizes = incidence.sum(axis=0)
    possible = (all_sizes.sum() ** 2 - (all_sizes ** 2).sum()) // 2
    src, dst = codes[source], codes[target]
    cross = (src >= 0) & (dst >= 0) & (src != dst)
    tied = np.zeros((g, g), dtype=bool)
    tied[src[cross], dst[cross]] = True
    tied |= tied.T
    n_pairs = len(upper[0])
    return {"pairs_tied": int(tied[upper].sum()) / n_pairs if n_pairs else np.nan,
            "pairs_reachable": int(reachable[upper].sum()) / n_pairs if n_pairs else np.nan,
            "cross_reach": joined / possible if possible else np.nan,
            "components": n_comp, "cross_ties": int(cross.sum())}


def _without_rows(m, ids: list, by: str) -> dict:
    """The rows of :func:`without_backbone`: the map, and the map without ``ids``.

    The map without them is read from the map's own arrays (the actors
    kept, renumbered in order, and the ties between them), not built as a
    new map: the same counts as ``m.without(ids)`` gives, without copying
    its tables. E-I is Krackhardt and Stern's, as :func:`netmap.ei_index`
    gives it (and warns when ties have an end with no group).
    """
    from netmap.measures.ei import _ei, _network_ei
    from netmap.measures.mixing import _warn_left_out

    groups = group_codes(m, by)
    codes, g = groups.codes, groups.n_groups
    arr = m.arrays
    n = m.n_actors
    stays = np.ones(n, dtype=bool)
    stays[pd.Index(arr.ids).get_indexer(ids)] = False
    between = stays[arr.source] & stays[arr.target]  # the ties left
    position = np.cumsum(stays) - 1  # each actor left, renumbered
    source, target = position[arr.source[between]], position[arr.target[between]]
    # the map's E-I first (its warning, if any, comes first, as before); both at the
    # line that called without_backbone
    with_ei = _network_ei(m, by=by, stacklevel=4) if m.n_ties else np.nan
    n_left = int(stays.sum())
    ties = sp.coo_array((np.ones(len(source)), (source, target)), shape=(n_left, n_left))
    left_components = connected_components(int32_indices(sp.csr_array(ties)), directed=True,
                                           connection="weak")
    rest_codes = codes[stays]
    ends = rest_codes[source], rest_codes[target]
    grouped = (ends[0] >= 0) & (ends[1] >= 0)
    if len(source):
        _warn_left_out(grouped, by, stacklevel=3)
        external = ends[0][grouped] != ends[1][grouped]
        rest_ei = float(_ei(float(external.sum()), float((~external).sum())))
    else:
        rest_ei = np.nan
    rows = {}
    for key, n_actors, (n_comp, comp), ends_codes, ends_at, ei in (
            ("with", n, _components(m), codes, (arr.source, arr.target), with_ei),
            ("without", n_left, left_components, rest_codes, (source, target), rest_ei)):
        reach = _reach(n_comp, comp, ends_codes, *ends_at, g)
        rows[key] = {"actors": n_actors, "cross_sector_ties": reach["cross_ties"],
                     "ei_index": ei, "sector_pairs_tied": reach["pairs_tied"],
                     "sector_pairs_reachable": reach["pairs_reachable"],
                     "cross_sector_reach": reach["cross_reach"],
                     "components": reach["components"]}
    return rows


def without_backbone(m: StakeholderMap, *, backbone=None, top: int | None = None,
                     by: str = "sector") -> pd.DataFrame:
    """Headline measures of the map with and without its backbone.

    Shows what holds the sectors together: if E-I drops and sectors stop
    reaching each other once the backbone is taken out, the joint move
    depends on it.

    Reachability counts ties in either direction. Pairs of groups are
    those of the whole map, so a group whose only actors are the backbone
    counts as unreached without it.

    Parameters
    ----------
    m : StakeholderMap
        The map.
    backbone, top
        The backbone, as for :func:`backbone_brokerage`.
    by : str, default "sector"
        The groups.

    Returns
    -------
    pandas.DataFrame
        Indexed by measure: ``actors``, ``cross_sector_ties``,
        ``ei_index`` (Krackhardt-Stern, network level),
        ``sector_pairs_tied`` (share of pairs of groups with a direct tie),
        ``sector_pairs_reachable`` (share joined by some path),
        ``cross_sector_reach`` (share of pairs of actors of different groups
        joined by some path, among the actors present) and ``components``.
        Columns: ``with``, ``without`` and ``change`` (without minus with).

    Examples
    --------
    >>> import netmap
    >>> table = netmap.without_backbone(netmap.datasets.load_2x5())
    >>> bool(table.loc["ei_index", "change"] < 0)
    True
    """
    ids = backbone_actors(m, backbone, top=top, by=by)
    table = pd.DataFrame(_without_rows(m, ids, by), dtype=float)
    table.index.name = "measure"
    table["change"] = table["without"] - table["with"]
    return table
