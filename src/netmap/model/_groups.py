"""Groups of actors as integer codes: the ``by=`` argument of every measure."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

__all__ = ["Groups", "group_codes", "group_pairs"]



@dataclass(frozen=True)
class Groups:
    """Actors coded by group.

    Attributes
    ----------
    by : str
        What the groups are (``"sector"``, ``"core"`` or an actor column).
    codes : numpy.ndarray of int64
        Group code of each actor (position in ``labels``), -1 where the
        actor has no group (a missing value, such as ``core`` for academia).
    labels : pandas.Index
        The groups, in order: taxonomy order for ``sector`` (only the
        sectors present), ``public, business, third`` for ``core`` (those
        present), category order for other categorical columns, sorted
        values otherwise.
    """

    by: str
    codes: np.ndarray
    labels: pd.Index

    @property
    def n_groups(self) -> int:
        """Number of groups."""
        return len(self.labels)

    @property
    def sizes(self) -> np.ndarray:
        """Actors per group."""
        return np.bincount(self.codes[self.codes >= 0], minlength=self.n_groups)


def group_codes(m, by: str = "sector") -> Groups:
    """The group of every actor of ``m`` as integer codes.

    Parameters
    ----------
    m : StakeholderMap
        The map.
    by : str, default "sector"
        ``"sector"``, ``"core"`` or any column of ``m.actors``.

    Returns
    -------
    Groups
        Its ``codes`` are read-only: once the map has built its arrays
        (``m.arrays``), they are kept with them, and
        every measure asking for the same ``by`` shares them.

    Examples
    --------
    >>> import netmap
    >>> g = group_codes(netmap.datasets.load_2x5(), "core")
    >>> list(g.labels), int((g.codes == -1).sum())
    (['public', 'business', 'third'], 8)
    """
    arrays = vars(m).get("arrays")  # the map's arrays, when it has built them
    if arrays is None or not isinstance(by, str):
        return _group_codes(m, by)
    return arrays.memo(("groups", by), lambda: _group_codes(m, by))


def _group_codes(m, by: str) -> Groups:
    """:func:`group_codes` computed (its codes read-only, as they may be kept)."""
    values = m.groups(by=by)
    if isinstance(values.dtype, pd.CategoricalDtype):  # the categories present, renumbered
        category = values.cat.codes.to_numpy().astype(np.int64)
        present = np.bincount(category[category >= 0],
                              minlength=len(values.cat.categories)) > 0
        labels = pd.Index([c for c, there in zip(values.cat.categories, present, strict=True)
                           if there], name=by)
        renumber = np.cumsum(present) - 1
        codes = np.full(len(category), -1, dtype=np.int64)
        known = category >= 0
        codes[known] = renumber[category[known]]
    else:
        labels = pd.Index(sorted(values.dropna().unique()), name=by)
        codes = labels.get_indexer(values)
    codes = np.asarray(codes, dtype=np.int64)
    codes[values.isna().to_numpy()] = -1
    codes.flags.writeable = False
    return Groups(by=by, codes=codes, labels=labels)


def group_pairs(n_groups: int, directed: bool) -> tuple[list, tuple[str, str]]:
    """The pairs of different groups a table is indexed by, and the index names.

    Ordered pairs ``(from, to)`` in a directed map; unordered pairs ``(a,
    b)``, ``a`` before ``b``, in an undirected one.
    """
    if directed:
        return ([(a, b) for a in range(n_groups) for b in range(n_groups) if a != b],
                ("from", "to"))
    return [(a, b) for a in range(n_groups) for b in range(a + 1, n_groups)], ("a", "b")
