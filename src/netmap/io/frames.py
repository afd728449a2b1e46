"""Building a map from pandas DataFrames."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from netmap.model.sectors import SectorTaxonomy

if TYPE_CHECKING:
    from netmap.model.stakeholder_map import StakeholderMap

__all__ = ["from_frames"]


def from_frames(
    actors: pd.DataFrame,
    ties: pd.DataFrame | None = None,
    memberships: pd.DataFrame | None = None,
    bodies: pd.DataFrame | None = None,
    activities: pd.DataFrame | None = None,
    *,
    directed: bool = False,
    taxonomy: SectorTaxonomy | None = None,
    waves=None,
    name: str | None = None,
    date=None,
) -> StakeholderMap:
    """A map from DataFrames, one per table; the same as :class:`netmap.StakeholderMap`.

    Errors name the table, the row by its index label, and the column.

    Parameters
    ----------
    actors, ties, memberships, bodies, activities : pandas.DataFrame
        The tables (see :class:`netmap.StakeholderMap` for their columns).
    directed, taxonomy, waves, name, date
        As for :class:`netmap.StakeholderMap`.

    Returns
    -------
    StakeholderMap

    Examples
    --------
    >>> import pandas as pd, netmap
    >>> actors = pd.DataFrame({"id": ["a", "b"], "sector": ["public", "buisness"]})
    >>> netmap.from_frames(actors)
    Traceback (most recent call last):
    ...
    netmap.model.exceptions.ValidationError: 1 problem in the input:
      - actors table, row 1, column 'sector': unknown sector 'buisness'. ...
    """
    from netmap.model.stakeholder_map import StakeholderMap

    return StakeholderMap(actors, ties, memberships, bodies, activities,
                          directed=directed, taxonomy=taxonomy, waves=waves, name=name,
                          date=date, _stack_offset=1)
