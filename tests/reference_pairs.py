"""Slow reference: open two-paths through each broker by the groups of their ends.

A transcription of the definition (Gould and Fernandez 1989, as
``sna::brokerage`` counts them): for broker j, every ordered pair (i, k),
i != k, both != j, with arcs i -> j and j -> k and no arc i -> k.
Undirected ties are arcs both ways; parallel ties and self-ties ignored.
"""

from __future__ import annotations

import numpy as np


def reference_pair_two_paths(ids, groups, edges, directed):
    """(n, G, G) counts; ``groups`` are integer codes 0..G-1 per actor."""
    n = len(ids)
    g = max(groups) + 1 if len(groups) else 0
    pos = {a: i for i, a in enumerate(ids)}
    arcs = set()
    for s, t in edges:
        if s == t:
            continue
        arcs.add((pos[s], pos[t]))
        if not directed:
            arcs.add((pos[t], pos[s]))
    out = np.zeros((n, g, g), dtype=np.int64)
    for j in range(n):
        for i in range(n):
            if i == j or (i, j) not in arcs:
                continue
            for k in range(n):
                if k in (i, j) or (j, k) not in arcs or (i, k) in arcs:
                    continue
                out[j, groups[i], groups[k]] += 1
    return out
