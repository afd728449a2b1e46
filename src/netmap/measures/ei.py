"""The Krackhardt-Stern E-I index of the network, each group and each actor."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from netmap.measures._permutation import shuffled_pair_counts
from netmap.measures.mixing import _possible_pairs, _tie_groups
from netmap.model._params import check_choice, check_int, check_seed
from netmap.model.arrays import or_none
from netmap.model.exceptions import ParameterError

if TYPE_CHECKING:
    from netmap.model.stakeholder_map import StakeholderMap

__all__ = ["ei_index"]

_LEVELS = ("network", "group", "actor")

def _ei(external, internal):
    external = np.asarray(external, dtype=float)
    internal = np.asarray(internal, dtype=float)
    total = external + internal
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(total > 0, (external - internal) / np.where(total > 0, total, 1),
                        np.nan)


def _permutation_columns(observed: np.ndarray, permuted: np.ndarray) -> dict:
    """Mean, sd and one-sided p-values of permuted values (rows: permutations).

    A p-value counts the observed value as one of the permutations, (b + 1) /
    (n + 1) (Phipson and Smyth 2010): never zero, at least 1 / (n + 1).
    """
    valid = ~np.isnan(permuted)
    count = valid.sum(axis=0)
    values = np.where(valid, permuted, 0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        mean = np.where(count > 0, values.sum(axis=0) / count, np.nan)
        squares = np.where(valid, (permuted - mean) ** 2, 0.0).sum(axis=0)
        sd = np.where(count > 1, np.sqrt(squares / (count - 1)), np.nan)
        tolerance = 1e-12 * np.maximum(1.0, np.abs(observed))
        greater = ((valid & (permuted >= observed - tolerance)).sum(axis=0) + 1) / (count + 1)
        less = ((valid & (permuted <= observed + tolerance)).sum(axis=0) + 1) / (count + 1)
    missing = np.isnan(observed) | (count == 0)
    return {
        "perm_mean": mean,
        "perm_sd": sd,
        "p_greater": np.where(missing, np.nan, greater),
        "p_less": np.where(missing, np.nan, less),
    }


def ei_index(m: StakeholderMap, *, level: str = "network", by: str = "sector",
             weight: str | None = None, permutations: int = 0, seed=0) -> pd.DataFrame:
    """The E-I index: how much ties reach out of their group rather than stay in.

    ``E-I = (E - I) / (E + I)`` (Krackhardt and Stern 1988), from -1 (all
    ties inside groups) to +1 (all ties between groups).

    - ``level="network"``: E counts the ties between two groups, I the ties
      within one (arcs in a directed map).
    - ``level="group"``: for group g, E_g counts the ties with exactly one
      end in g, I_g the ties with both ends in g.
    - ``level="actor"``: for actor i, E_i counts its ties (in and out) to
      actors of other groups, I_i to actors of its own; NaN for an isolate.

    A self-tie is internal. Parallel ties count each (or add their weights).

    The network level also gives the least and greatest E-I these group
    sizes and this number of ties allow: with ``T`` ties of which ``L``
    are self-ties (always internal), ``W`` pairs of distinct actors within
    groups and ``B`` between, and ``k`` the most ties one pair holds (1
    without parallel ties), ``min = (T - 2 (L + min(T - L, k W))) / T`` and
    ``max = (2 min(T - L, k B) - T) / T``; and the E-I rescaled to
    that range, ``rescaled = 2 (E-I - min) / (max - min) - 1``, which is -1
    at the least and +1 at the greatest possible E-I (NaN with weights).

    With ``permutations > 0``, a permutation test: the group labels are
    shuffled over the actors (group sizes kept; actors without a group stay
    without) and the E-I computed again, ``permutations`` times.

    Parameters
    ----------
    m : StakeholderMap
        The map.
    level : {"network", "group", "actor"}
        What to compute the index for.
    by : str, default "sector"
        ``"sector"``, ``"core"`` or any actor column.
    weight : None, "weight" or str
        None counts ties; ``"weight"`` sums their weights; another numeric
        tie column (such as ``n_ties`` of a rolled-up map) sums it.
    permutations : int, default 0
        Number of permutations of the test (network and group levels).
    seed : int, numpy Generator or None, default 0
        Seed of the permutations: the same seed gives the same result;
        None draws fresh randomness.

    Returns
    -------
    pandas.DataFrame
        Network level: one row, index ``["network"]``. Group level: one row
        per group, indexed by group. Actor level: one row per actor,
        indexed by actor id, with a first column ``group``. Columns:

        - ``external``, ``internal``: E and I (ties, or summed weights);
        - ``ei``: the E-I index (NaN without ties);
        - network level only: ``min``, ``max``, ``rescaled``;
        - with permutations: ``perm_mean``, ``perm_sd`` (mean and sd of the
          permuted E-I), ``p_greater`` ((b + 1) / (n + 1), b of the n
          permutations giving an E-I at least the observed one: never 0,
          at least 1 / (n + 1)) and ``p_less`` (the same with at most); the
          number of permutations is in ``attrs["permutations"]``.

    Raises
    ------
    netmap.ParameterError
        For an unknown ``level``, a negative number of ``permutations``, or
        permutations at the actor level.

    Warns
    -----
    netmap.DataWarning
        When ties with an end that has no group are left out.

    References
    ----------
    .. [1] D. Krackhardt and R. N. Stern, "Informal networks and
       organizational crises: an experimental simulation", Social
       Psychology Quarterly 51(2), 123-140 (1988).
       https://doi.org/10.2307/2786835
    .. [2] B. Phipson and G. K. Smyth, "Permutation p-values should never be
       zero", Statistical Applications in Genetics and Molecular Biology
       9(1), 39 (2010). https://doi.org/10.2202/1544-6115.1585

    Examples
    --------
    >>> import netmap
    >>> m = netmap.datasets.load_2x5()
    >>> net = netmap.ei_index(m, permutations=200, seed=1)
    >>> float(round(net.loc["network", "ei"], 3))
    -0.076
    >>> bool(net.loc["network", "p_less"] < 0.05)
    True
    >>> netmap.ei_index(m, level="group").loc["business", ["external", "internal"]].tolist()
    [64.0, 81.0]
    """
    check_choice("level", level, _LEVELS)
    check_int("permutations", permutations, minimum=0)
    check_seed(seed)
    if permutations and level == "actor":
        raise ParameterError("permutations", permutations, "0 at the actor level",
                             hint="the permutation test is for the network and group levels")
    tg = _tie_groups(m, by, weight)
    groups = tg.groups
    external = tg.source != tg.target
    if level == "actor":
        return _actor_level(m, tg, external)
    if level == "network":
        e = float(tg.weight[external].sum())
        i = float(tg.weight[~external].sum())
        frame = pd.DataFrame({"external": [e], "internal": [i]}, index=["network"])
        frame["ei"] = _ei(e, i)
        arr = m.arrays
        src, dst = arr.source[tg.kept], arr.target[tg.kept]
        loops = int((src == dst).sum())
        _bounds(frame, tg, m.directed, weighted=weight is not None, loops=loops,
                multiplicity=_multiplicity(src, dst, m.directed))
    else:
        e, i = _group_counts(tg.source, tg.target, tg.weight, groups.n_groups)
        frame = pd.DataFrame({"external": e, "internal": i}, index=groups.labels.copy())
        frame["ei"] = _ei(e, i)
    if permutations:
        rng = check_seed(seed)
        permuted = _permuted_ei(m, tg, level, int(permutations), rng)
        for name, values in _permutation_columns(frame["ei"].to_numpy(),
                                                 permuted).items():
            frame[name] = values
        frame.attrs["permutations"] = int(permutations)
    return frame


def _network_ei(m, by: str = "sector", *, stacklevel: int = 2) -> float:
    """The network-level ``ei`` of :func:`ei_index` alone, without its bounds.

    The bounds look for the most ties any pair holds (a sort of every
    tie); a caller that reads only the E-I (:func:`netmap.without_backbone`)
    need not pay for them. Warns as :func:`ei_index` does (``stacklevel``
    as for :func:`warnings.warn`, 2 naming the line that called this).
    """
    tg = _tie_groups(m, by, None, stacklevel=stacklevel)
    external = tg.source != tg.target
    return float(_ei(float(tg.weight[external].sum()), float(tg.weight[~external].sum())))


def _group_counts(src, dst, w, n_groups):
    cross = src != dst
    internal = np.bincount(src[~cross], weights=w[~cross], minlength=n_groups)
    external = (np.bincount(src[cross], weights=w[cross], minlength=n_groups)
                + np.bincount(dst[cross], weights=w[cross], minlength=n_groups))
    return external, internal


def _bounds(frame: pd.DataFrame, tg, directed: bool, weighted: bool, loops: int,
            multiplicity: int) -> None:
    ties = len(tg.source)
    pairs = _possible_pairs(tg.groups.sizes, directed)
    within = float(np.trace(pairs))
    between = float(pairs.sum() - within) if directed else float(
        np.triu(pairs, 1).sum())
    if weighted or not ties:
        low = high = rescaled = np.nan
    else:
        others = ties - loops  # self-ties are internal whatever the labels
        low = (ties - 2 * (loops + min(others, within * multiplicity))) / ties
        high = (2 * min(others, between * multiplicity) - ties) / ties
        ei = frame["ei"].iloc[0]
        rescaled = 2 * (ei - low) / (high - low) - 1 if high > low else np.nan
    frame["min"] = low
    frame["max"] = high
    frame["rescaled"] = rescaled


def _multiplicity(src: np.ndarray, dst: np.ndarray, directed: bool) -> int:
    """The most ties any one pair of distinct actors holds (1 without parallel ties)."""
    off = src != dst
    a, b = src[off].astype(np.int64), dst[off].astype(np.int64)
    if not directed:
        a, b = np.minimum(a, b), np.maximum(a, b)
    if not len(a):
        return 1
    _, counts = np.unique(a * (int(max(a.max(), b.max())) + 1) + b, return_counts=True)
    return int(counts.max())


def _actor_level(m, tg, external) -> pd.DataFrame:
    arr = m.arrays
    n = arr.n_actors
    src = arr.source[tg.kept]
    dst = arr.target[tg.kept]
    loop = src == dst
    w = tg.weight
    ext = np.bincount(src[external], weights=w[external], minlength=n) + np.bincount(
        dst[external], weights=w[external], minlength=n)
    inner = ~external
    both = inner & ~loop
    internal = (np.bincount(src[inner], weights=w[inner], minlength=n)
                + np.bincount(dst[both], weights=w[both], minlength=n))
    codes = tg.groups.codes
    no_group = codes < 0
    ext = np.where(no_group, np.nan, ext)
    internal = np.where(no_group, np.nan, internal)
    labels = np.asarray(tg.groups.labels, dtype=object)
    group = pd.Series(or_none(~no_group, labels[np.maximum(codes, 0)]),
                      index=arr.ids, dtype=object)
    frame = pd.DataFrame({"group": group, "external": ext, "internal": internal},
                         index=arr.ids.copy())
    frame["ei"] = _ei(ext, internal)
    return frame


def _permuted_ei(m, tg, level: str, permutations: int, rng) -> np.ndarray:
    """E-I of each permutation: shape (permutations, 1) or (permutations, groups)."""
    codes = tg.groups.codes
    grouped = np.flatnonzero(codes >= 0)
    # Index the grouped actors only; small integer labels keep the gathers in cache.
    position = np.full(len(codes), -1, dtype=np.int64)
    position[grouped] = np.arange(len(grouped))
    arr = m.arrays
    src = position[arr.source[tg.kept]]
    dst = position[arr.target[tg.kept]]
    n_groups = tg.groups.n_groups
    labels = codes[grouped]
    w = tg.weight
    unweighted = bool(np.all(w == 1.0))
    total = float(w.sum())
    out = np.empty((permutations, 1 if level == "network" else n_groups))
    diagonal = np.arange(n_groups) * (n_groups + 1)
    counts = shuffled_pair_counts(labels, src, dst, n_groups, permutations, rng,
                                  weight=None if unweighted else w)
    for k, pair in enumerate(counts):
        internal = pair[diagonal]
        if level == "network":
            e = float(pair.sum() - internal.sum())
            out[k, 0] = (2 * e - total) / total if total else np.nan
        else:
            square = pair.reshape(n_groups, n_groups)
            out[k] = _ei(square.sum(axis=0) + square.sum(axis=1) - 2 * internal, internal)
    return out
