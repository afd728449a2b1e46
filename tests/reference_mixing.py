"""Slow transcriptions of the mixing and E-I definitions, loop by loop."""

from __future__ import annotations

import math


def tie_list(m, weight=None):
    """(source group, target group, weight) per tie, groups by sector label."""
    sector = m.actors["sector"].astype(str).to_dict()
    out = []
    for row in m.ties.itertuples():
        w = row.weight if weight else 1.0
        out.append((sector[row.source], sector[row.target], w, row.source, row.target))
    return out


def mixing(m, weight=None):
    cells = {}
    for a, b, w, _, _ in tie_list(m, weight):
        cells[(a, b)] = cells.get((a, b), 0.0) + w
        if not m.directed and a != b:
            cells[(b, a)] = cells.get((b, a), 0.0) + w
    return cells


def ei_network(m, weight=None):
    e = i = 0.0
    for a, b, w, _, _ in tie_list(m, weight):
        if a == b:
            i += w
        else:
            e += w
    return (e - i) / (e + i) if e + i else math.nan


def ei_groups(m, weight=None):
    out = {}
    for g in set(m.actors["sector"].astype(str)):
        e = i = 0.0
        for a, b, w, _, _ in tie_list(m, weight):
            if a == g and b == g:
                i += w
            elif a == g or b == g:
                e += w
        out[g] = (e, i)
    return out


def ei_actors(m, weight=None):
    sector = m.actors["sector"].astype(str).to_dict()
    out = {actor: [0.0, 0.0] for actor in m.actors.index}
    for a, b, w, s, t in tie_list(m, weight):
        ends = [s] if s == t else [s, t]
        for end in ends:
            out[end][0 if a != b else 1] += w
    return {k: tuple(v) for k, v in out.items()}, sector


def ei_bounds(m):
    sizes = m.actors["sector"].astype(str).value_counts().to_dict()
    n = sum(sizes.values())
    ties = len(m.ties)
    loops = int((m.ties["source"] == m.ties["target"]).sum())
    within = sum(s * (s - 1) for s in sizes.values())
    total = n * (n - 1)
    if not m.directed:
        within /= 2
        total /= 2
    between = total - within
    pairs = {}
    for row in m.ties.itertuples():
        if row.source != row.target:
            key = (row.source, row.target) if m.directed else tuple(
                sorted((row.source, row.target)))
            pairs[key] = pairs.get(key, 0) + 1
    k = max(pairs.values(), default=1)
    low = (ties - 2 * (loops + min(ties - loops, k * within))) / ties
    high = (2 * min(ties - loops, k * between) - ties) / ties
    return low, high
