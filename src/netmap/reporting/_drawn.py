"""Which actors the report draws: every actor, or the most-tied ones of a large map.

A picture of 100,000 actors is a grey cloud, its layout takes most of a
minute, and an interactive map of that size cannot be used in a browser.
Above :data:`DRAWN_MAX` actors the report's pictures (the map, the
interactive map, the two waves) draw the :data:`DRAWN_MAX` actors with the
most ties and the ties among them, and their captions say so; every table
and finding still reads the whole map.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from netmap.plot._common import ties_to_others

if TYPE_CHECKING:
    from netmap.model.stakeholder_map import StakeholderMap

__all__ = ["DRAWN_MAX", "most_tied", "drawn"]

#: Above this many actors the report's pictures draw only this many: the
#: actors with the most ties, and the ties among them.
DRAWN_MAX = 1_000


def most_tied(m: StakeholderMap, top: int) -> pd.Index:
    """The ids of the ``top`` actors with the most ties to others, in the map's order.

    Actors with as many ties are taken in the order of the actors table
    (the earlier first), so the choice does not depend on a seed.

    Examples
    --------
    >>> import netmap
    >>> list(most_tied(netmap.datasets.load_2x5(), 1))
    ['sheatufim']
    """
    counts = ties_to_others(m)
    order = np.argsort(-counts, kind="stable")[:top]
    return m.arrays.ids[np.sort(order)]


def drawn(m: StakeholderMap, *, top: int = DRAWN_MAX) -> StakeholderMap:
    """The map as the report draws it: whole up to ``top`` actors, else its most tied.

    Above ``top`` actors: the ``top`` actors with the most ties
    (:func:`most_tied`), their ties among themselves, their memberships
    and activities; the bodies, waves, direction and taxonomy of ``m``.

    Examples
    --------
    >>> import netmap
    >>> m = netmap.datasets.load_2x5()
    >>> drawn(m) is m, drawn(m, top=3).n_actors
    (True, 3)
    """
    if m.n_actors <= top:
        return m
    kept = most_tied(m, top)
    return m.without(m.arrays.ids.difference(kept, sort=False))
