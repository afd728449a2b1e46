"""Burt's structural-holes measures written out from their definitions, slowly.

A plain transcription, one actor at a time, with dictionaries instead of
matrices, to check the fast path of ``netmap.measures.holes`` against. Burt (1992),
pp. 50-55; Borgatti (1997). Self-ties are ignored and parallel ties make
one contact: 1 per direction unweighted, their weights summed weighted.
"""

from __future__ import annotations

import math

import pandas as pd


def tie_strengths(m, weight=None) -> dict:
    """z[(i, j)]: the ties from actor i to a different actor j (1, or summed weights)."""
    z: dict = {}
    ties = m.ties
    for source, target, w in zip(ties["source"], ties["target"], ties["weight"],
                                 strict=True):
        if source == target:
            continue
        pairs = [(source, target)] if m.directed else [(source, target), (target, source)]
        for pair in pairs:
            z[pair] = z.get(pair, 0.0) + w if weight else 1.0
    return z


def structural_holes(m, weight=None) -> pd.DataFrame:
    """Constraint, effective size and efficiency of every actor of ``m``."""
    z = tie_strengths(m, weight)

    def mutual(i, j):  # a_ij = z_ij + z_ji
        return z.get((i, j), 0.0) + z.get((j, i), 0.0)

    contacts: dict = {i: set() for i in m.actors.index}
    for i, j in z:
        contacts[i].add(j)
        contacts[j].add(i)

    def p(i, j):  # proportion of i's ties invested in j
        return mutual(i, j) / sum(mutual(i, k) for k in contacts[i])

    def marginal(j, q):  # j's tie to q relative to j's strongest tie
        return mutual(j, q) / max(mutual(j, k) for k in contacts[j])

    rows = {}
    for i in m.actors.index:
        alters = contacts[i]
        if not alters:
            rows[i] = (math.nan, math.nan, math.nan)
            continue
        constraint = 0.0
        effective = 0.0
        for j in alters:
            indirect = sum(p(i, q) * p(q, j) for q in alters if q != j)
            constraint += (p(i, j) + indirect) ** 2
            redundancy = sum(p(i, q) * marginal(j, q) for q in alters if q != j)
            effective += 1.0 - redundancy
        rows[i] = (constraint, effective, effective / len(alters))
    frame = pd.DataFrame.from_dict(rows, orient="index",
                                   columns=["constraint", "effective_size", "efficiency"])
    frame.index.name = "id"
    return frame
