"""Helpers for users' own tests of maps."""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["assert_map_equal"]


def _canonical(frame: pd.DataFrame, directed: bool) -> pd.DataFrame:
    """Rows in a canonical order; undirected ties with their ends sorted."""
    if not directed and {"source", "target"} <= set(frame.columns):
        s, t = frame["source"].to_numpy(dtype=object), frame["target"].to_numpy(
            dtype=object)
        swap = s > t
        frame = frame.assign(source=np.where(swap, t, s), target=np.where(swap, s, t))
        frame["source"] = frame["source"].astype("str")
        frame["target"] = frame["target"].astype("str")
    if frame.empty:
        return frame
    keys = frame.astype(str).apply(tuple, axis=1)
    return frame.iloc[np.argsort(keys.to_numpy(), kind="stable")].reset_index(
        drop=True).rename_axis(frame.index.name)


def assert_map_equal(left, right, *, check_name: bool = False,
                     check_order: bool = True, check_exact: bool = False) -> None:
    """Raise AssertionError when two maps differ in tables, direction or waves.

    Tables are compared cell by cell, with their dtypes; the ``issues``
    noted while reading are not compared. Ties, memberships and activities
    are compared in their order.

    Parameters
    ----------
    left, right : StakeholderMap
        The maps.
    check_name : bool, default False
        Also compare the maps' titles and dates (:attr:`~netmap.StakeholderMap.date`).
    check_order : bool, default True
        Compare ties, memberships and activities row by row. False compares
        them as collections: any order, and in an undirected map either
        end of a tie as its source (as after a trip through networkx).
    check_exact : bool, default False
        Compare numbers exactly, to the last bit (as a round trip through a
        file must keep them); by default floats may differ by pandas'
        relative tolerance (1e-5).

    Examples
    --------
    >>> import netmap
    >>> from netmap.testing import assert_map_equal
    >>> m = netmap.datasets.load_2x5()
    >>> assert_map_equal(m, netmap.datasets.load_2x5())
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
    if check_name and left.date != right.date:
        raise AssertionError(f"dates differ: {left.date!r} != {right.date!r}")
    if left.taxonomy != right.taxonomy:
        raise AssertionError("the maps use different sector taxonomies")
    for table in ("actors", "ties", "memberships", "bodies", "activities"):
        a, b = getattr(left, table), getattr(right, table)
        if not check_order and table in ("ties", "memberships", "activities"):
            a, b = _canonical(a, left.directed), _canonical(b, right.directed)
        try:
            pd.testing.assert_frame_equal(a, b, check_index_type=False,
                                          check_exact=check_exact)
        except AssertionError as err:
            raise AssertionError(f"{table} differ: {err}") from None
