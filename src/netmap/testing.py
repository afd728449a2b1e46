"""Helpers for users' own tests of maps."""

from __future__ import annotations

import pandas as pd

__all__ = ["assert_map_equal"]


def assert_map_equal(left, right, *, check_name: bool = False) -> None:
    """Raise AssertionError when two maps differ in tables, direction or waves.

    Tables are compared cell by cell, with their dtypes; the ``issues``
    noted while reading are not compared. Ties, memberships and activities
    are compared in their order.

    Parameters
    ----------
    left, right : StakeholderMap
        The maps.
    check_name : bool, default False
        Also compare the maps' titles.

    Examples
    --------
    >>> import netmap
    >>> from netmap.testing import assert_map_equal
    >>> m = netmap.datasets.load_2x5()
    >>> assert_map_equal(m, m.at(2016))
    >>> assert_map_equal(m, m.at(2014))
    Traceback (most recent call last):
    ...
    AssertionError: actors differ: ...
    """
    if left.directed != right.directed:
        raise AssertionError(f"directed differs: {left.directed} != {right.directed}")
    if left.waves != right.waves:
        raise AssertionError(f"waves differ: {left.waves} != {right.waves}")
    if check_name and left.name != right.name:
        raise AssertionError(f"names differ: {left.name!r} != {right.name!r}")
    if left.taxonomy != right.taxonomy:
        raise AssertionError("the maps use different sector taxonomies")
    for table in ("actors", "ties", "memberships", "bodies", "activities"):
        a, b = getattr(left, table), getattr(right, table)
        try:
            pd.testing.assert_frame_equal(a, b, check_index_type=False)
        except AssertionError as err:
            raise AssertionError(f"{table} differ: {err}") from None
