"""Small hand-built maps for the structure tests (bodies, clusters, levels, gaps, waves)."""

from __future__ import annotations

import warnings

import pandas as pd

import netmap


def build(sectors: dict, edges: list, *, directed: bool = False, memberships=None,
          bodies=None, activities=None, types=None, waves=None, **columns):
    """A map from {id: sector}, [(source, target)] and optional tables, DataWarnings off.

    ``memberships`` is [(actor, body)] or [(actor, body, role)]; ``waves`` is
    a dict of {table: list of waves} for actors and ties.
    """
    actors = pd.DataFrame({"id": list(sectors), "sector": list(sectors.values()),
                           **columns})
    ties = pd.DataFrame(edges, columns=["source", "target"]) if edges else \
        pd.DataFrame({"source": [], "target": []}, dtype=object)
    if types is not None:
        ties["type"] = types
    if waves:
        for table, values in waves.items():
            (actors if table == "actors" else ties)["wave"] = values
    mem = None
    if memberships is not None:
        width = max(len(r) for r in memberships) if memberships else 2
        rows = [tuple(r) + ("member",) * (width - len(r)) for r in memberships]
        mem = pd.DataFrame(rows, columns=["actor", "body", "role"][:width])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", netmap.DataWarning)
        return netmap.StakeholderMap(actors, ties, mem, bodies, activities,
                                     directed=directed)
