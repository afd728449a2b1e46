"""Re-identification risk from its definition, slowly, for tests/test_anonymize.py.

Each actor's values of the keys are listed one by one from the tables (every
tie row read in a Python loop), and the class of an actor is found by
comparing it with every other actor: O(n^2) per combination of keys.
"""

from __future__ import annotations

from collections import Counter
from itertools import combinations

import pandas as pd

MISSING = object()


def _degree_label(d: int, edges) -> str:
    for lo, hi in zip(edges[:-1], edges[1:], strict=True):
        if lo <= d < hi:
            return f"[{lo:g}, {hi:g})"
    raise AssertionError("degree outside the bins")


def key_values(m, keys, degree_bins=None) -> dict:
    """{actor: {key: value}} as the definition says."""
    actors = list(m.actors.index)
    sector = {a: str(s) for a, s in m.actors["sector"].items()}
    order = [str(s) for s in m.actors["sector"].cat.categories]
    degree = dict.fromkeys(actors, 0)
    partners = {a: Counter() for a in actors}
    for s, t in zip(m.ties["source"], m.ties["target"], strict=True):
        degree[s] += 1
        partners[s][sector[t]] += 1
        if s != t:
            degree[t] += 1
            partners[t][sector[s]] += 1
    bodies = {a: set() for a in actors}
    for a, b in zip(m.memberships["actor"], m.memberships["body"], strict=True):
        bodies[a].add(b)
    out = {}
    for a in actors:
        row = {}
        for key in keys:
            if key == "degree":
                row[key] = degree[a] if degree_bins is None else _degree_label(
                    degree[a], list(degree_bins))
            elif key == "neighbour_sectors":
                row[key] = ", ".join(f"{s} {partners[a][s]}" for s in order
                                     if partners[a][s])
            elif key == "bodies":
                row[key] = "; ".join(sorted(bodies[a]))
            else:
                v = m.actors.loc[a, key]
                row[key] = MISSING if pd.isna(v) else v
        out[a] = row
    return out


def class_size(values: dict, actor, combo) -> int:
    return sum(all(values[b][key] == values[actor][key] for key in combo) for b in values)


def risk_reference(m, keys, k, degree_bins=None) -> dict:
    """{actor at risk: (group_size, singled_out_by)}."""
    keys = list(keys)
    values = key_values(m, keys, degree_bins)
    out = {}
    for a in values:
        size = class_size(values, a, keys)
        if size >= k:
            continue
        label = " + ".join(keys)
        for r in range(1, min(3, len(keys)) + 1):
            hits = [c for c in combinations(keys, r) if class_size(values, a, c) < k]
            if hits:
                label = " + ".join(hits[0])
                break
        out[a] = (size, label)
    return out
