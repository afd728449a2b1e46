"""Who works on which shared goal: the gaps and overlaps map of insight 3.

A separate group of third-sector organisations inside a joint move "maps
the activities of the sector's organisations against the shared goals,
marking areas of overlap and areas of gaps" (CONCEPTS.md section 7,
insight 3; the "STEM programs map" of 2x5). The activities table says
which actor works on which goal; this module turns it into that map.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from netmap.model._groups import group_codes
from netmap.model._memo import remembered
from netmap.model._params import check_choice, check_int
from netmap.model.exceptions import MeasureError
from netmap.model.sectors import CORE_SECTORS

if TYPE_CHECKING:
    from netmap.model.stakeholder_map import StakeholderMap

__all__ = ["coverage"]


@remembered
def coverage(m: StakeholderMap, *, goals=None, by: str = "sector", crowded: int = 3,
             crowded_sector: str = "third") -> pd.DataFrame:
    """Goals x sectors: who works on each shared goal, where the gaps and overlaps are.

    Parameters
    ----------
    m : StakeholderMap
        The map, with an activities table (``actor``, ``goal``).
    goals : iterable of str, optional
        The initiative's shared goals, in the order to show them. Goals
        nobody works on can only be found when they are listed here; by
        default the goals of the activities table, in order of first
        appearance. Activities on goals not listed are kept, after the
        listed ones.
    by : str, default "sector"
        The groups of the count columns.
    crowded : int, default 3
        A goal is crowded (an overlap to coordinate) when at least this
        many actors of ``crowded_sector`` work on it: two organisations on
        one goal may be a deliberate pair; three or more is the overlap
        the third-sector team of 2x5 set out to divide.
    crowded_sector : str, default "third"
        The sector whose overlaps are counted (the document's case is the
        third sector).

    Returns
    -------
    pandas.DataFrame
        Indexed by goal. One count column per group of ``by`` (distinct
        actors working on the goal; with ``by="sector"`` the three core
        sectors are always columns), then ``actors`` (distinct actors),
        ``core_missing`` (a tuple of the core sectors with no actor on
        the goal), ``gap`` (no actor at all), ``crowded_count`` (actors of
        ``crowded_sector``) and ``crowded`` (``crowded_count >= crowded``).

    Raises
    ------
    netmap.MeasureError
        When the map has no activities.
    netmap.ParameterError
        When ``crowded`` is below 2, or ``crowded_sector`` is not a sector
        of the taxonomy.

    Examples
    --------
    >>> import netmap
    >>> table = netmap.coverage(netmap.datasets.load_2x5(),
    ...                         goals=["student_motivation", "robotics"])
    >>> bool(table.loc["robotics", "gap"]), bool(table.loc["student_motivation", "crowded"])
    (True, True)
    """
    act = m.activities
    if act is None or act.empty:
        raise MeasureError("the map has no activities (an activities table with actor "
                           "and goal); add one to map who works on which goal")
    check_int("crowded", crowded, minimum=2)
    check_choice("crowded_sector", crowded_sector, m.taxonomy.codes)
    pairs = act[["goal", "actor"]].drop_duplicates()
    seen = list(pd.unique(pairs["goal"]))
    listed = [] if goals is None else list(dict.fromkeys(goals))
    order = pd.Index(listed + [g for g in seen if g not in set(listed)], name="goal")
    groups = group_codes(m, by)
    labels = list(groups.labels)
    if by == "sector":
        present = set(labels)
        labels = [c for c in m.taxonomy.codes if c in present or c in CORE_SECTORS]
    position = pd.Index(m.arrays.ids).get_indexer(pairs["actor"])
    code = groups.codes[position]
    label_of = np.asarray(groups.labels, dtype=object)
    rows = order.get_indexer(pairs["goal"])
    has = code >= 0
    counts = np.zeros((len(order), len(labels)), dtype=np.int64)
    np.add.at(counts, (rows[has], pd.Index(labels).get_indexer(label_of[code[has]])), 1)
    table = pd.DataFrame(counts, index=order, columns=pd.Index(labels, name=by))
    table.columns.name = None
    table["actors"] = np.bincount(rows, minlength=len(order)).astype(np.int64)
    core = m.actors["core"].astype(object).to_numpy()[position]
    sector = m.actors["sector"].astype(object).to_numpy()[position]
    core_hits = np.zeros((len(order), len(CORE_SECTORS)), dtype=bool)
    for j, c in enumerate(CORE_SECTORS):
        core_hits[rows[core == c], j] = True
    table["core_missing"] = [tuple(c for c, hit in zip(CORE_SECTORS, row, strict=True)
                                   if not hit) for row in core_hits]
    table["gap"] = table["actors"] == 0
    table["crowded_count"] = np.bincount(rows[sector == crowded_sector],
                                         minlength=len(order)).astype(np.int64)
    table["crowded"] = table["crowded_count"] >= crowded
    return table
