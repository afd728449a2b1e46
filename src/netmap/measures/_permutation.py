"""Permutation tests of group labels: ties counted by the groups of their ends, per relabelling."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor

import numpy as np

__all__ = ["shuffled_pair_counts"]

#: Most bins of one combined count (2 MB of int64 counts: they stay in cache).
_MOST_BINS = 1 << 18

#: Most relabellings counted in one pass over the ties.
_MOST_AT_ONCE = 8

#: Fewest actors for which the next relabellings are shuffled in a second
#: thread while the ties are counted (numpy shuffles without holding the
#: interpreter); below it a thread costs more than it saves.
SHUFFLE_AHEAD_FROM = 20_000


def _at_once(width: int, weight: np.ndarray | None) -> int:
    """How many relabellings one pass over the ties counts: ``width ** k`` bins at most.

    Weights are summed in another order when several relabellings share a
    pass, so only weights whose sums are exact in any order (whole numbers,
    in total below ``2 ** 53``) share one; other weights are counted one
    relabelling at a time, as a plain loop adds them.
    """
    if weight is not None and not (np.all(weight == np.round(weight))
                                   and float(np.abs(weight).sum()) < 2.0 ** 53):
        return 1
    if width < 2:  # one code or none: every relabelling gives the same counts
        return 1
    k = 1
    while k < _MOST_AT_ONCE and width ** (k + 1) <= _MOST_BINS:
        k += 1
    return k


def _digit_type(bins: int) -> np.dtype:
    """The smallest unsigned integer type holding ``0 .. bins - 1``."""
    for kind in (np.uint8, np.uint16, np.uint32):
        if bins - 1 <= np.iinfo(kind).max:
            return np.dtype(kind)
    return np.dtype(np.uint64)


def shuffled_pair_counts(labels: np.ndarray, source: np.ndarray, target: np.ndarray,
                         n_codes: int, permutations: int, rng,
                         weight: np.ndarray | None = None) -> Iterator[np.ndarray]:
    """Ties per ordered pair of codes, once per random relabelling of the actors.

    The machinery of every permutation test in netmap (E-I at the network
    and group levels, :func:`netmap.under_connected`). Relabelling ``r``
    is ``rng.permutation(labels)``, drawn in order, so the counts are
    those of the plain loop::

        for _ in range(permutations):
            shuffled = rng.permutation(labels)
            yield np.bincount(shuffled[source] * n_codes + shuffled[target],
                              weights=weight, minlength=n_codes * n_codes)

    and the generator is left in the same state. It is faster because
    ``k`` relabellings share one pass over the ties: each actor gets the
    number ``U = sum_r label_r * W ** r`` (``W = n_codes ** 2``, one digit
    per relabelling), so that ``n_codes * U[i] + U[j]`` holds, digit by
    digit, the pair code ``a * n_codes + b`` of tie ``i -> j`` under each
    relabelling (no digit carries: ``a * n_codes + b < W``). One
    ``bincount`` of these numbers, with ``W ** k`` bins, is then summed
    over all digits but one to give each relabelling's counts. Two
    gathers and one count serve ``k`` relabellings, and the numbers are
    small (16 or 32 bits) so the actors' table stays in cache. From
    ``SHUFFLE_AHEAD_FROM`` actors on, on a machine of two cores or
    more, the next relabellings are shuffled in a second thread while the
    ties are counted: the same draws in the same order from the same
    generator (100,000 actors / 1,000,000 ties, 999 relabellings: 1.5-2.1 s
    against 2.6-2.7 s, for about the same processor time).

    Parameters
    ----------
    labels : numpy.ndarray of int
        The code of each actor, ``0 <= code < n_codes``.
    source, target : numpy.ndarray of int
        Each tie's ends, as positions in ``labels``.
    n_codes : int
        The number of codes ``G``.
    permutations : int
        How many relabellings.
    rng : numpy.random.Generator
        Their randomness: the same generator state gives the same counts.
    weight : numpy.ndarray of float, optional
        Each tie's weight; counts ties without it. Weights that are not
        whole numbers are summed one relabelling at a time, in the order
        of the plain loop (ties sorted by source).

    Yields
    ------
    numpy.ndarray
        ``G * G`` counts (int64) or summed weights (float64),
        ``[a * G + b]`` for ties from code ``a`` to code ``b``, one array
        per relabelling, in the order drawn.
    """
    order = np.argsort(source, kind="stable")  # the source gather reads in order
    source = np.asarray(source, dtype=np.intp)[order]
    target = np.asarray(target, dtype=np.intp)[order]
    if weight is not None:
        weight = np.asarray(weight, dtype=np.float64)[order]
    width = n_codes * n_codes
    at_once = max(1, min(_at_once(width, weight), permutations))
    kind = _digit_type(width ** at_once)
    # each relabelling's digit, shuffled as it is: a shuffle moves the values
    # without reading them, so rng.permutation(labels * w) is
    # rng.permutation(labels) * w, from the same draws (intp shuffles fastest)
    digits = [np.asarray(labels, dtype=np.intp) * width ** r for r in range(at_once)]
    key = np.empty(len(source), dtype=kind)
    other = np.empty(len(source), dtype=kind)
    sizes = [min(at_once, permutations - done) for done in range(0, permutations, at_once)]

    def draw(k: int) -> np.ndarray:
        table = rng.permutation(digits[0])
        for r in range(1, k):
            table += rng.permutation(digits[r])
        return table

    for k, table in zip(sizes, _drawn(draw, sizes, ahead=_ahead(len(labels))), strict=True):
        np.take((table * n_codes).astype(kind), source, out=key)  # the source's code first
        np.add(key, np.take(table.astype(kind), target, out=other), out=key)
        counts = np.bincount(key, weights=weight, minlength=width ** k)
        if k == 1:
            yield counts
        else:
            cube = counts.reshape((width,) * k)  # axis 0 holds the last digit
            for r in range(k):
                yield cube.sum(axis=tuple(a for a in range(k) if a != k - 1 - r))


def _ahead(n_actors: int) -> bool:
    """Whether the shuffles run one step ahead in a second thread."""
    return n_actors >= SHUFFLE_AHEAD_FROM and (os.cpu_count() or 1) >= 2


def _drawn(draw: Callable[[int], np.ndarray], sizes: list[int], *, ahead: bool
           ) -> Iterator[np.ndarray]:
    """``draw(k)`` for each ``k`` of ``sizes``, in order.

    With ``ahead``, one worker thread draws the next while the caller
    counts the last: the draws are made one after another in the same
    order from the same generator, so they are the same numbers; only
    one draw is waiting at a time, and a caller that stops early leaves
    the generator at most one draw further on.
    """
    if not ahead or len(sizes) < 2:
        for k in sizes:
            yield draw(k)
        return
    with ThreadPoolExecutor(max_workers=1) as pool:
        pending = pool.submit(draw, sizes[0])
        for nxt in [*sizes[1:], None]:
            table = pending.result()
            if nxt is not None:
                pending = pool.submit(draw, nxt)
            yield table
