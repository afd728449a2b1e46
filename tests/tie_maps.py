"""Small maps from lists of ties, shared by the property tests of centrality and holes."""

from __future__ import annotations

import warnings

import pandas as pd

import netmap

TYPES = ["partnership", "funding", "information"]


def make_map(ties, directed=False, actors=None, weights=None, types=None):
    """A map from (source, target) pairs; actors default to those named."""
    names = actors or sorted({a for pair in ties for a in pair})
    frame = pd.DataFrame(ties, columns=["source", "target"])
    frame["type"] = types or ["partnership"] * len(ties)
    frame["weight"] = weights or [1.0] * len(ties)
    actor_frame = pd.DataFrame({"id": names, "sector": ["public"] * len(names)})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", netmap.DataWarning)  # self-ties, duplicates
        return netmap.from_frames(actor_frame, frame, directed=directed)


def build(data):
    """The map of a drawn (names, pairs, types, weights, directed)."""
    names, pairs, types, weights, directed = data
    return make_map(pairs, directed=directed, actors=names, weights=weights, types=types)


def relabelled(data, rnd):
    """The drawn map, and the same map with actors renamed and listed in another order.

    Returns the map, the other one, and the renaming (old id -> new id).
    """
    names, pairs, types, weights, directed = data
    new = [f"x{i}" for i in range(len(names))]
    rnd.shuffle(new)
    rename = dict(zip(names, new, strict=True))
    order = list(range(len(names)))
    rnd.shuffle(order)
    other = make_map([(rename[s], rename[t]) for s, t in pairs], directed=directed,
                     actors=[new[i] for i in order], weights=weights, types=types)
    return build(data), other, rename
