"""Time ``netmap.insights`` on the synthetic map with hubs, and where its time goes.

Builds ``netmap.datasets.synthetic(actors, 10 * actors, seed=0)`` and times
``netmap.insights(m)`` ``--repeat`` times, each on the map with no counts
kept (as ``bench_scaling.py`` does), wall-clock and CPU seconds
(``time.process_time``, which moves less with the machine's load); the
first call of the process imports the findings' modules, so one call on
the sample map comes first.

Then the steps that take most of the time, each alone on the map with no
counts kept, in the order ``insights`` meets them: ``under_connected``
(its 999 permutations and the two-step pairs), the map's triangles
(listed once, shared by the two-step pairs and the brokerage of
``public_role``), ``public_role``, ``without_backbone`` and
``sector_cut_points``. Beside the permutations stands their floor: the
999 shuffles of the labels alone (``rng.permutation``), which the same
random stream requires whatever counts them.

Usage: python benchmarks/bench_insights.py [--actors 100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import time
import warnings

import numpy as np

import netmap
from netmap.findings.insights import public_role
from netmap.measures.brokerage import _tie_triangles
from netmap.model._groups import group_codes


def fresh(m):
    """Forget every count kept with the map (not its adjacency)."""
    for key in [k for k in m.arrays._cache if isinstance(k, tuple)]:
        del m.arrays._cache[key]
    return m


def clock(fn) -> tuple[float, float]:
    """Wall-clock and CPU seconds of ``fn()``."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        m = netmap.datasets.synthetic(args.actors, 10 * args.actors, seed=0)
    m.arrays.adjacency()
    netmap.insights(netmap.datasets.load_2x5())  # imports
    print(f"synthetic map: {m.n_actors} actors, {m.n_ties} ties; "
          f"load {os.getloadavg()[0]:.1f} at the start")
    runs = [clock(lambda: netmap.insights(fresh(m))) for _ in range(args.repeat)]
    print("insights: " + ", ".join(f"{w:.2f} s (CPU {c:.2f} s)" for w, c in runs))

    steps = {
        "under_connected (999 permutations, two-step pairs)":
            lambda: netmap.under_connected(m),
        "the map's triangles alone (part of the above)": lambda: _tie_triangles(m),
        "public_role (with the triangles kept)": lambda: public_role(m),
        "without_backbone": lambda: netmap.without_backbone(m),
        "sector_cut_points": lambda: netmap.sector_cut_points(m),
    }
    for name, step in steps.items():
        fresh(m)
        if name.startswith("public_role"):
            _tie_triangles(m)
        wall, cpu = clock(step)
        print(f"{name}: {wall:.2f} s (CPU {cpu:.2f} s)")
    labels = np.asarray(group_codes(m, "sector").codes, dtype=np.intp)
    rng = np.random.default_rng(0)
    wall, cpu = clock(lambda: [rng.permutation(labels) for _ in range(999)])
    print(f"floor of the permutations, 999 shuffles of the labels alone: {wall:.2f} s "
          f"(CPU {cpu:.2f} s)")
    print(f"load {os.getloadavg()[0]:.1f} at the end")


if __name__ == "__main__":
    main()
