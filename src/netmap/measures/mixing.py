"""Who ties to whom across sectors: mixing matrices, assortativity, tie classes, trust."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import scipy.sparse as sp

from netmap.model._groups import Groups, group_codes
from netmap.model._params import allowed_words, check_choice
from netmap.model._warnings import warn
from netmap.model.exceptions import DataWarning, MeasureError, ParameterError
from netmap.model.vocabulary import TIE_CLASSES

if TYPE_CHECKING:
    from netmap.model.stakeholder_map import StakeholderMap

__all__ = [
    "mixing_matrix",
    "assortativity",
    "cross_sector_ties",
    "trust_matrix",
]

_STATS = ("observed", "expected", "ratio")


@dataclass(frozen=True)
class _TieGroups:
    """The ties whose two ends both have a group, as group codes."""

    groups: Groups
    source: np.ndarray  # group code of each kept tie's source
    target: np.ndarray  # group code of each kept tie's target
    kept: np.ndarray  # bool mask over the map's ties
    weight: np.ndarray  # weight (or 1) of each kept tie


def _tie_groups(m, by: str, weight: str | None, *, stacklevel: int = 2) -> _TieGroups:
    """Group codes of both ends of every tie; warn about ties left out."""
    values = tie_values(m, weight)
    groups = group_codes(m, by)
    arr = m.arrays
    src = groups.codes[arr.source]
    dst = groups.codes[arr.target]
    kept = (src >= 0) & (dst >= 0)
    _warn_left_out(kept, by, stacklevel=stacklevel + 1)
    return _TieGroups(groups, src[kept], dst[kept], kept, values[kept])


def _warn_left_out(kept: np.ndarray, by: str, *, stacklevel: int = 2) -> None:
    """Warn that the ties not ``kept`` (an end with no group) are left out, if any."""
    left_out = int((~kept).sum())
    if left_out:
        warn(
            f"{left_out} of {len(kept)} ties have an end with no {by!r} group and are "
            f"left out (by='core' leaves out academia, social_business and other); "
            f"use by='sector' to keep every tie",
            DataWarning, stacklevel=stacklevel + 1)


def tie_values(m, weight: str | None) -> np.ndarray:
    """What each tie counts for: 1, its ``weight``, or another numeric tie column.

    Raises
    ------
    netmap.ParameterError
        For a column the ties table lacks or that is not numeric.
    netmap.MeasureError
        For a column with empty cells.
    """
    if weight is None:
        return np.ones(m.n_ties)
    if weight == "weight":
        return m.arrays.weight
    ties = m.ties
    numeric = [c for c in ties.columns if pd.api.types.is_numeric_dtype(ties[c].dtype)
               and not pd.api.types.is_bool_dtype(ties[c].dtype)
               and c not in ("wave", "until")]
    if weight not in numeric:
        raise ParameterError("weight", weight, allowed_words([None, "weight", *numeric]),
                             hint="a weight is a numeric column of the ties")
    values = ties[weight].to_numpy(dtype=float, na_value=np.nan)
    if np.isnan(values).any():
        raise MeasureError(f"the {weight!r} column of the ties has empty cells; fill "
                           f"them or choose another weight")
    return values


def _pair_counts(tg: _TieGroups, directed: bool, values: np.ndarray | None = None
                 ) -> np.ndarray:
    """Group x group sums of ``values`` (default the tie weights)."""
    g = tg.groups.n_groups
    values = tg.weight if values is None else values
    counts = np.zeros((g, g))
    np.add.at(counts, (tg.source, tg.target), values)
    if not directed:
        counts = counts + counts.T - np.diag(np.diag(counts))
    return counts


def _possible_pairs(sizes: np.ndarray, directed: bool) -> np.ndarray:
    """Pairs of distinct actors per group pair (ordered when directed)."""
    pairs = np.outer(sizes, sizes).astype(float)
    np.fill_diagonal(pairs, sizes * (sizes - 1.0))
    if not directed:
        np.fill_diagonal(pairs, sizes * (sizes - 1.0) / 2.0)
    return pairs


def mixing_matrix(m: StakeholderMap, *, by: str = "sector", weight: str | None = None,
                  normalized: bool = False, stat: str = "observed") -> pd.DataFrame:
    """Ties between and within groups: the sector x sector mixing matrix.

    Directed maps: cell ``[a, b]`` counts the ties from group ``a`` to
    group ``b``. Undirected maps: the matrix is symmetric, ``[a, b] = [b,
    a]`` counts the ties between ``a`` and ``b``, and the diagonal counts
    each within-group tie once, so the upper triangle with the diagonal sums
    to the number of ties. A self-tie counts once on its actor's diagonal
    cell; parallel ties (two types between one pair) count each.

    ``stat="expected"`` gives the expected counts under random mixing: the
    same total ``T`` spread over all pairs of distinct actors, so
    ``E[a, b] = T * P[a, b] / P`` where ``P[a, b]`` is ``n_a * n_b`` pairs
    between two groups and ``n_a (n_a - 1)`` (ordered) or ``n_a (n_a - 1) /
    2`` (unordered) within one, and ``P`` the pairs in the whole map.
    ``stat="ratio"`` gives observed / expected (NaN where nothing is
    expected): above 1, the two groups tie more than chance would have them.

    Parameters
    ----------
    m : StakeholderMap
        The map.
    by : str, default "sector"
        ``"sector"``, ``"core"`` or any actor column.
    weight : None, "weight" or str
        None counts ties; ``"weight"`` sums tie weights; another numeric
        tie column (such as ``n_ties`` of a rolled-up map) sums it.
    normalized : bool, default False
        Divide by the total (ties or weight), so that cells are shares of
        all ties (the upper triangle sums to 1 when undirected). Not with
        ``stat="ratio"``.
    stat : {"observed", "expected", "ratio"}
        What the cells hold.

    Returns
    -------
    pandas.DataFrame
        Groups x groups, index and columns named for ``by`` (rows the
        source group when directed), in the order of
        ``netmap.model._groups.group_codes`` (taxonomy order for sectors).
        Groups without actors are left out. ``attrs["ties_left_out"]``
        counts ties with an end that has no group (warned).

    Raises
    ------
    netmap.ParameterError
        For an unknown ``stat`` or ``weight``, or ``normalized=True`` with
        ``stat="ratio"``.
    netmap.MeasureError
        For a ``weight`` column with empty cells.

    Warns
    -----
    netmap.DataWarning
        When ties are left out because an end has no group.

    References
    ----------
    .. [1] M. E. J. Newman, "Mixing patterns in networks", Physical Review E
       67, 026126 (2003). https://doi.org/10.1103/PhysRevE.67.026126

    Examples
    --------
    >>> import netmap
    >>> m = netmap.datasets.load_2x5()
    >>> mix = netmap.mixing_matrix(m.at(2016))
    >>> int(mix.loc["business", "business"]), int(mix.loc["public", "business"])
    (68, 6)
    >>> ratio = netmap.mixing_matrix(m.at(2016), stat="ratio")
    >>> bool(ratio.loc["business", "business"] > 1)
    True
    """
    check_choice("stat", stat, _STATS)
    if normalized and stat == "ratio":
        raise ParameterError("normalized", normalized, "False with stat='ratio'",
                             hint="a ratio cannot be normalized")
    tg = _tie_groups(m, by, weight)
    observed = _pair_counts(tg, m.directed)
    total = float(tg.weight.sum())
    if stat == "observed":
        values = observed
    else:
        pairs = _possible_pairs(tg.groups.sizes, m.directed)
        all_pairs = pairs.sum() if m.directed else np.triu(pairs).sum()
        expected = total * pairs / all_pairs if all_pairs else np.full_like(pairs, np.nan)
        if stat == "expected":
            values = expected
        else:
            with np.errstate(divide="ignore", invalid="ignore"):
                values = np.where(expected > 0, observed / expected, np.nan)
    if normalized:
        values = values / total if total else np.full_like(values, np.nan)
    labels = tg.groups.labels
    frame = pd.DataFrame(values, index=labels.copy(), columns=labels.copy())
    frame.attrs["ties_left_out"] = int((~tg.kept).sum())
    return frame


def assortativity(m: StakeholderMap, *, by: str = "sector") -> float:
    """Nominal assortativity of the groups (Newman 2003).

    ``r = (sum_a e_aa - sum_a a_a b_a) / (1 - sum_a a_a b_a)``, where
    ``e`` is the joint distribution of the groups at the two ends of a tie
    (each undirected tie counted in both directions, a self-tie once;
    parallel ties once), and ``a``, ``b`` its row and column sums. 1: ties
    only within groups; 0: mixing as by chance; negative: ties prefer other
    groups. Equal to networkx's ``attribute_assortativity_coefficient`` on
    ``m.to_networkx()`` when every actor has a group.

    Parameters
    ----------
    m : StakeholderMap
        The map.
    by : str, default "sector"
        ``"sector"``, ``"core"`` or any actor column.

    Returns
    -------
    float
        NaN when there are no ties, or when ``sum_a a_a b_a`` is 1 (a
        single group).

    Warns
    -----
    netmap.DataWarning
        When ties with an end that has no group are left out (networkx
        would count a missing value as one more group).

    References
    ----------
    .. [1] M. E. J. Newman, "Mixing patterns in networks", Physical Review E
       67, 026126 (2003). https://doi.org/10.1103/PhysRevE.67.026126

    Examples
    --------
    >>> import netmap
    >>> round(netmap.assortativity(netmap.datasets.load_2x5()), 3)
    0.353
    """
    groups = group_codes(m, by)
    adjacency = sp.coo_array(m.arrays.adjacency())
    src = groups.codes[adjacency.row]
    dst = groups.codes[adjacency.col]
    kept = (src >= 0) & (dst >= 0)
    if (~kept).any():
        warn(
            f"ties with an end that has no {by!r} group are left out of the "
            "assortativity; use by='sector' to keep every tie", DataWarning,
            stacklevel=2)
    g = groups.n_groups
    e = np.zeros((g, g))
    np.add.at(e, (src[kept], dst[kept]), 1.0)
    total = e.sum()
    if not total:
        return float("nan")
    e /= total
    s = float((e @ e).sum())
    if np.isclose(s, 1.0):
        return float("nan")
    return float((np.trace(e) - s) / (1.0 - s))


def _pair_index(labels: pd.Index, by: str, directed: bool) -> pd.MultiIndex:
    g = len(labels)
    a, b = np.meshgrid(np.arange(g), np.arange(g), indexing="ij")
    keep = np.ones_like(a, dtype=bool) if directed else a <= b
    first, second = (("source_" + by, "target_" + by) if directed
                     else (by + "_a", by + "_b"))
    return pd.MultiIndex.from_arrays(
        [labels[a[keep]], labels[b[keep]]], names=[first, second]), a[keep], b[keep]


def cross_sector_ties(m: StakeholderMap, *, by: str = "sector", weight: str | None = None
                      ) -> pd.DataFrame:
    """Ties per group pair and tie class: how much cross-sector traffic is partnership.

    CONCEPTS.md section 3: not every cross-sector interaction is a
    partnership. Outsourcing (contracts) and philanthropic donations are
    cross-sector activity without shared decision-making. This table shows,
    for every pair of groups, how its ties divide between the classes
    ``partnership`` (partnership, joint activity), ``exchange``
    (information, advice, resources), ``transactional`` (funding,
    contracts, donations) and ``unclassified``.

    Parameters
    ----------
    m : StakeholderMap
        The map.
    by : str, default "sector"
        ``"sector"``, ``"core"`` or any actor column.
    weight : None, "weight" or str
        None counts ties; ``"weight"`` sums tie weights; another numeric
        tie column (such as ``n_ties`` of a rolled-up map) sums it.

    Returns
    -------
    pandas.DataFrame
        One row per pair of groups, every pair listed (zeros included).
        Index: ``(by_a, by_b)`` with ``a <= b`` in group order for an
        undirected map, ``(source_by, target_by)`` for a directed one.
        Columns: ``cross`` (True for a pair of two different groups); one
        column per class with its ties; ``total``; and ``share_<class>`` for
        each class, the class's share of the pair's ties (NaN without ties).

    Examples
    --------
    >>> import netmap
    >>> t = netmap.cross_sector_ties(netmap.datasets.load_2x5())
    >>> row = t.loc[("public", "third")]
    >>> int(row["total"]), int(row["transactional"])
    (43, 15)
    >>> float(round(row["share_partnership"], 3))
    0.326
    """
    tg = _tie_groups(m, by, weight)
    classes = m.arrays.tie_class[tg.kept]
    index, a, b = _pair_index(tg.groups.labels, by, m.directed)
    columns = {"cross": a != b}
    for k, name in enumerate(TIE_CLASSES):
        mask = classes == k
        sub = _TieGroups(tg.groups, tg.source[mask], tg.target[mask], tg.kept,
                         tg.weight[mask])
        columns[name] = _pair_counts(sub, m.directed)[a, b]
    total = sum(columns[name] for name in TIE_CLASSES)
    columns["total"] = total
    with np.errstate(divide="ignore", invalid="ignore"):
        for name in TIE_CLASSES:
            columns[f"share_{name}"] = np.where(total > 0, columns[name] / total, np.nan)
    frame = pd.DataFrame(columns, index=index)
    if weight is None:
        for name in (*TIE_CLASSES, "total"):
            frame[name] = frame[name].astype("int64")
    return frame


def trust_matrix(m: StakeholderMap, *, by: str = "sector") -> pd.DataFrame:
    """Trust between groups: mean, median and count of the ties' ``trust`` ratings.

    CONCEPTS.md section 2: trust is built between individuals,
    organisations and sectors at once; this table reads it between groups.

    Parameters
    ----------
    m : StakeholderMap
        A map whose ties have a ``trust`` column.
    by : str, default "sector"
        ``"sector"``, ``"core"`` or any actor column.

    Returns
    -------
    pandas.DataFrame
        One row per pair of groups (index as in :func:`cross_sector_ties`),
        every pair listed. Columns: ``mean``, ``median`` (NaN where no tie
        of the pair is rated) and ``count`` (rated ties).

    Raises
    ------
    netmap.MeasureError
        When the ties have no ``trust`` column.

    Examples
    --------
    >>> import netmap
    >>> t = netmap.trust_matrix(netmap.datasets.load_2x5())
    >>> list(t.columns)
    ['mean', 'median', 'count']
    """
    if "trust" not in m.ties.columns:
        raise MeasureError("the ties have no 'trust' column; add trust ratings to the "
                           "ties table (a number per tie, such as 1 to 5)")
    tg = _tie_groups(m, by, None)
    trust = m.ties["trust"].to_numpy(dtype=float)[tg.kept]
    src, dst = tg.source, tg.target
    if not m.directed:
        src, dst = np.minimum(src, dst), np.maximum(src, dst)
    rated = ~np.isnan(trust)
    frame = pd.DataFrame({"a": src[rated], "b": dst[rated], "trust": trust[rated]})
    stats = frame.groupby(["a", "b"])["trust"].agg(["mean", "median", "count"])
    index, a, b = _pair_index(tg.groups.labels, by, m.directed)
    out = stats.reindex(pd.MultiIndex.from_arrays([a, b]))
    out.index = index
    out["count"] = out["count"].fillna(0).astype("int64")
    return out
