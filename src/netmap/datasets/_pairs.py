"""Distinct pairs of actors drawn by activity weight, inside or across sectors.

The tie sampler of :func:`netmap.datasets.generator.synthetic`. Actors are
positions ``0 .. n-1`` sorted by sector, so that each sector is one block
``starts[s] .. starts[s + 1]``. A pair is drawn the way a tie forms in a
weighted (Chung-Lu-like) model:

- inside a sector: the first end with probability proportional to its
  weight among all actors, the second proportional to its weight inside
  the first end's sector;
- across sectors: the first end proportional to its weight, the second
  proportional to its weight among the actors of the other sectors.

Pairs are drawn without replacement (a pair already taken is never drawn
again), so the result has exactly the number of distinct pairs asked for.
Sparse requests draw in vectorised rounds and drop repeats; dense ones
(or small pair spaces) list every possible pair and take a weighted
sample without replacement with the Gumbel top-k trick, which draws from
the same pair probabilities.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from netmap.model.exceptions import MeasureError

__all__ = ["pair_capacity", "sample_pairs", "pair_keys"]

#: Pair spaces up to this size are listed in full rather than sampled by rounds.
ENUMERATE_BELOW = 2_000_000
#: Never list more pairs than this (memory); above it, rounds are used.
ENUMERATE_MAX = 20_000_000
#: Rounds of sampling before giving up (never reached for sparse requests).
MAX_ROUNDS = 500


def _pairs(k: np.ndarray, directed: bool) -> np.ndarray:
    k = k.astype(np.int64)
    return k * (k - 1) if directed else k * (k - 1) // 2


def pair_capacity(eligible: np.ndarray, starts: np.ndarray, inside: bool,
                  directed: bool) -> int:
    """The number of distinct pairs of eligible actors inside (or across) sectors.

    Parameters
    ----------
    eligible : numpy.ndarray of bool
        Actors that may be drawn.
    starts : numpy.ndarray of int
        Block boundaries of the sectors (length ``n_sectors + 1``).
    inside, directed : bool
        Pairs inside sectors or across; ordered pairs or not.
    """
    counts = np.add.reduceat(eligible.astype(np.int64), starts[:-1]) if len(
        eligible) else np.zeros(len(starts) - 1, dtype=np.int64)
    counts = np.where(np.diff(starts) > 0, counts, 0)
    within = int(_pairs(counts, directed).sum())
    if inside:
        return within
    return int(_pairs(np.array([counts.sum()]), directed)[0]) - within


def pair_keys(src: np.ndarray, dst: np.ndarray, n: int, directed: bool) -> np.ndarray:
    """One int64 key per pair: ordered in a directed map, unordered otherwise."""
    src = src.astype(np.int64)
    dst = dst.astype(np.int64)
    if directed:
        return src * n + dst
    return np.minimum(src, dst) * n + np.maximum(src, dst)


def _draw(rng: np.random.Generator, cum: np.ndarray, low: np.ndarray,
          span: np.ndarray) -> np.ndarray:
    """Positions drawn with probability proportional to weight inside ``[low, low + span)``.

    ``cum`` is the cumulative weight; ``low`` and ``span`` are weight
    offsets (per draw). Zero-weight positions are never drawn.
    """
    u = low + rng.random(len(low)) * span
    pos = np.searchsorted(cum, u, side="right")
    return np.minimum(pos, len(cum) - 1)


def _candidates(rng, weight, cum, sector, starts, size, inside):
    """``size`` pairs drawn with replacement (self-pairs included)."""
    total = cum[-1]
    src = _draw(rng, cum, np.zeros(size), np.full(size, total))
    s = sector[src]
    before = np.concatenate([[0.0], cum])[starts[:-1]]
    block = np.concatenate([[0.0], cum])[starts[1:]] - before
    if inside:
        dst = _draw(rng, cum, before[s], block[s])
    else:
        u = rng.random(size) * (total - block[s])
        u = np.where(u >= before[s], u + block[s], u)
        dst = np.minimum(np.searchsorted(cum, u, side="right"), len(cum) - 1)
    return src, dst


def _enumerate(weight, sector, starts, inside, directed):
    """Every eligible pair and its drawing weight (see the module docstring)."""
    n_sectors = len(starts) - 1
    sums = np.array([weight[starts[s]:starts[s + 1]].sum() for s in range(n_sectors)])
    total = weight.sum()
    blocks = [np.flatnonzero(weight[starts[s]:starts[s + 1]] > 0) + starts[s]
              for s in range(n_sectors)]
    src_parts, dst_parts = [], []
    if inside:
        for members in blocks:
            if len(members) < 2:
                continue
            i, j = np.triu_indices(len(members), 1)
            src_parts.append(members[i])
            dst_parts.append(members[j])
    else:
        for a in range(n_sectors):
            for b in range(a + 1, n_sectors):
                if len(blocks[a]) and len(blocks[b]):
                    i, j = np.meshgrid(blocks[a], blocks[b], indexing="ij")
                    src_parts.append(i.ravel())
                    dst_parts.append(j.ravel())
    if not src_parts:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, np.zeros(0)
    src = np.concatenate(src_parts).astype(np.int64)
    dst = np.concatenate(dst_parts).astype(np.int64)
    if directed:
        src, dst = np.concatenate([src, dst]), np.concatenate([dst, src])
    ws, wd = weight[src], weight[dst]
    if inside:
        p = ws * wd / sums[sector[src]]
    elif directed:
        p = ws * wd / (total - sums[sector[src]])
    else:
        p = ws * wd * (1 / (total - sums[sector[src]]) + 1 / (total - sums[sector[dst]]))
    return src, dst, p


def _accept(src, dst, keys, taken, need, valid, allowed):
    """The first ``need`` usable candidates, in order: no self-pair, no repeat.

    ``allowed`` marks the candidates of the right kind (inside or across
    sectors, both ends of positive weight), which guards against a draw
    that rounding put one position past its block.
    """
    ok = (src != dst) & allowed
    if valid is not None:
        ok &= valid(src, dst)
    ok &= ~np.isin(keys, taken, assume_unique=False)
    _, first = np.unique(keys, return_index=True)
    firsts = np.zeros(len(keys), dtype=bool)
    firsts[first] = True
    ok &= firsts
    return np.flatnonzero(ok)[:need]


def sample_pairs(
    rng: np.random.Generator,
    need: int,
    weight: np.ndarray,
    sector: np.ndarray,
    starts: np.ndarray,
    *,
    inside: bool,
    directed: bool,
    taken: np.ndarray,
    valid: Callable[[np.ndarray, np.ndarray], np.ndarray] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """``need`` distinct pairs of positive-weight actors, none of them in ``taken``.

    Parameters
    ----------
    rng : numpy.random.Generator
        The random source.
    need : int
        How many pairs.
    weight : numpy.ndarray of float
        Activity weight of each actor; 0 keeps an actor out.
    sector : numpy.ndarray of int
        Sector block of each actor (sorted, matching ``starts``).
    starts : numpy.ndarray of int
        Block boundaries.
    inside : bool
        Pairs inside one sector, or across two.
    directed : bool
        Ordered pairs (keys ``src * n + dst``) or unordered.
    taken : numpy.ndarray of int64
        Keys (:func:`pair_keys`) of pairs already used.
    valid : callable, optional
        ``valid(src, dst)`` gives a boolean mask of the pairs allowed
        (actors present in a common wave).

    Returns
    -------
    src, dst : numpy.ndarray of int64
        The pairs, in the order drawn.

    Raises
    ------
    netmap.MeasureError
        When fewer than ``need`` allowed pairs exist.
    """
    n = len(weight)
    empty = np.zeros(0, dtype=np.int64)
    if need <= 0:
        return empty, empty
    eligible = weight > 0
    capacity = pair_capacity(eligible, starts, inside, directed)
    where = "inside sectors" if inside else "across sectors"
    if need > capacity:
        raise MeasureError(f"{need} more ties {where} are needed but only {capacity} "
                           "distinct pairs are left")
    if capacity <= ENUMERATE_BELOW or (need * 4 > capacity and capacity <= ENUMERATE_MAX):
        src, dst, p = _enumerate(weight, sector, starts, inside, directed)
        # Gumbel top-k: sorting by log p + Gumbel noise samples without replacement.
        key = np.log(p) - np.log(-np.log(rng.random(len(p))))
        order = np.argsort(-key, kind="stable")
        src, dst = src[order], dst[order]
        if not directed:  # which end is listed first carries no meaning
            swap = rng.random(len(src)) < 0.5
            src, dst = np.where(swap, dst, src), np.where(swap, src, dst)
        keys = pair_keys(src, dst, n, directed)
        chosen = _accept(src, dst, keys, taken, need, valid,
                         np.ones(len(src), dtype=bool))
        if len(chosen) < need:
            raise MeasureError(f"{need} ties {where} are needed but only {len(chosen)} "
                               "pairs of actors present in a common wave are left")
        return src[chosen], dst[chosen]

    cum = np.cumsum(weight)
    got_src, got_dst, got_keys = [], [], [taken]
    left = need
    for _ in range(MAX_ROUNDS):
        size = int(left * 1.25) + 64
        src, dst = _candidates(rng, weight, cum, sector, starts, size, inside)
        keys = pair_keys(src, dst, n, directed)
        used = np.concatenate(got_keys) if len(got_keys) > 1 else taken
        allowed = ((sector[src] == sector[dst]) == inside) & eligible[src] & eligible[dst]
        chosen = _accept(src, dst, keys, used, left, valid, allowed)
        got_src.append(src[chosen])
        got_dst.append(dst[chosen])
        got_keys.append(keys[chosen])
        left -= len(chosen)
        if left == 0:
            return (np.concatenate(got_src).astype(np.int64),
                    np.concatenate(got_dst).astype(np.int64))
    raise MeasureError(f"could not draw {need} distinct ties {where} in {MAX_ROUNDS} "
                       "rounds: the map is too dense for its sizes; ask for fewer ties")
