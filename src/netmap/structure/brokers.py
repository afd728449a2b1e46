"""A ranking of cross-sector brokers that a backbone team can read."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import scipy.sparse as sp

from netmap.measures.brokerage import brokerage
from netmap.measures.centrality import centrality
from netmap.measures.holes import structural_holes
from netmap.model._groups import group_codes
from netmap.model._params import check_int

if TYPE_CHECKING:
    from netmap.model.stakeholder_map import StakeholderMap

__all__ = ["brokers", "sectors_reached"]

_CROSS_ROLES = ("representative", "gatekeeper", "liaison")


def sectors_reached(m, by: str = "sector") -> pd.Series:
    """How many groups other than its own each actor has a direct tie with.

    Ties count in either direction; actors without a group reach NaN.

    Parameters
    ----------
    m : StakeholderMap
        The map.
    by : str, default "sector"
        ``"sector"``, ``"core"`` or any actor column.

    Returns
    -------
    pandas.Series
        Indexed by actor id, named ``sectors_reached``.

    Examples
    --------
    >>> import netmap
    >>> int(sectors_reached(netmap.datasets.load_2x5()).loc["sheatufim"])
    6
    """
    groups = group_codes(m, by)
    a = sp.coo_array(m.arrays.adjacency())
    rows, cols = a.row, a.col
    if m.directed:
        rows, cols = np.concatenate([rows, cols]), np.concatenate([cols, rows])
    other = groups.codes[cols]
    keep = (other >= 0) & (other != groups.codes[rows]) & (groups.codes[rows] >= 0)
    n, g = m.n_actors, groups.n_groups
    reach = sp.csr_array((np.ones(int(keep.sum())), (rows[keep], other[keep])),
                         shape=(n, max(g, 1)))
    counts = np.asarray((reach > 0).sum(axis=1)).ravel().astype(float)
    counts[groups.codes < 0] = np.nan
    return pd.Series(counts, index=m.arrays.ids.copy(), name="sectors_reached")


def brokers(m: StakeholderMap, *, by: str = "sector", top: int | None = None,
            betweenness_sample: int | None = None, seed=0) -> pd.DataFrame:
    """Cross-sector brokers, ranked: who links the sectors, and how.

    A backbone organisation (CONCEPTS.md section 6) is meant to be the
    main cross-sector broker of a joint move. This table puts side by side,
    for every actor, the three brokerage roles of Gould and Fernandez that
    cross a group boundary (:func:`netmap.brokerage`):
    representative, gatekeeper and liaison, with their z-scores against
    random ties of the same density; how many other groups it reaches
    directly; Burt's constraint (low: the actor spans structural holes);
    and betweenness.

    Actors are ranked by ``cross_brokerage``, the open two-paths they
    broker that cross a group boundary, then by betweenness.

    Its time is mostly betweenness: exact up to 5,000 actors (time grows
    as actors times ties, by definition), then 1,000 pivots, linear in
    the ties. Each pivot's search costs more per tie on a large map
    (igraph's, 1.5 ms at 10,000 actors / 100,000 ties, 44 ms at 100,000 /
    1,000,000: the memory it walks no longer fits in cache), so from 1,000
    to 100,000 actors the time grows as actors to the power 1.25
    (``benchmarks/bench_scaling.py``), 1.44 on the last step.

    Parameters
    ----------
    m : StakeholderMap
        The map.
    by : str, default "sector"
        ``"sector"`` or any actor column that gives every actor a group.
    top : int, optional
        Keep only the first ``top`` actors.
    betweenness_sample : int, optional
        Pivots of sampled betweenness, as for
        :func:`netmap.centrality` (by default exact up to 5,000
        actors, sampled with a warning above).
    seed : int, numpy Generator or None, default 0
        Seed for sampled betweenness: the same seed gives the same result;
        None draws fresh randomness. With a whole-number seed the table is
        kept with the map (``m.arrays``), so asking again (the report's
        table, then its plot) computes nothing.

    Returns
    -------
    pandas.DataFrame
        Indexed by actor id, best broker first. Columns: ``rank`` (1 is
        the first), ``name`` (when the map has names), ``group``,
        ``representative``, ``gatekeeper``, ``liaison`` (raw counts),
        ``representative_z``, ``gatekeeper_z``, ``liaison_z``,
        ``cross_brokerage`` (the sum of the three counts),
        ``sectors_reached``, ``constraint`` and ``betweenness``.

    Raises
    ------
    netmap.MeasureError
        For ``top`` below 1.

    Examples
    --------
    >>> import netmap
    >>> table = netmap.brokers(netmap.datasets.load_2x5(), top=3)
    >>> table.index[0]
    'sheatufim'
    """
    top = check_int("top", top, minimum=1, allow_none=True)
    if isinstance(seed, int) and not isinstance(seed, bool):
        # the same question asked twice (the report's table and its plot) is answered once
        table = m.arrays.memo(("brokers", by, betweenness_sample, seed),
                              lambda: _ranked(m, by, betweenness_sample, seed))
    else:
        table = _ranked(m, by, betweenness_sample, seed)
    return table.head(top).copy() if top is not None else table.copy()


def _ranked(m, by: str, betweenness_sample, seed) -> pd.DataFrame:
    raw = brokerage(m, by=by, stat="raw")
    z = brokerage(m, by=by, stat="z")
    holes = structural_holes(m)
    cent = centrality(m, seed=seed, measures=("betweenness",),
                      betweenness_sample=betweenness_sample)
    table = pd.DataFrame(index=raw.index.copy())
    if "name" in m.actors.columns:
        table["name"] = m.actors["name"]
    table["group"] = raw["group"]
    for role in _CROSS_ROLES:
        table[role] = raw[role]
    for role in _CROSS_ROLES:
        table[f"{role}_z"] = z[role]
    table["cross_brokerage"] = raw[list(_CROSS_ROLES)].sum(axis=1)
    table["sectors_reached"] = sectors_reached(m, by)
    table["constraint"] = holes["constraint"]
    table["betweenness"] = cent["betweenness"]
    table = table.sort_values(["cross_brokerage", "betweenness"], ascending=False,
                              kind="stable")
    table.insert(0, "rank", np.arange(1, len(table) + 1))
    return table
