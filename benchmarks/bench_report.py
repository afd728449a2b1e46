"""Time the HTML report on random maps, section by section, against its targets.

Usage: python benchmarks/bench_report.py [--sizes 500,10000] [--degree 10] [--synthetic]

Targets (issue: a report for backbone teams): 500 actors under 10 s, 10,000
actors under 2 minutes; (issue: a national registry) 100,000 actors and
1,000,000 ties under 60 s and 4 GB. The peer is the target itself: the
script prints each time and its ratio to the target (below 1 is inside
it), the process's CPU time (on a shared machine the wall time grows with
the load, the CPU time much less), its peak memory so far, and which
section costs most. Maps have eight sectors, 70% of ties inside a sector,
a few bodies, a backbone and two waves, so every section runs;
``--synthetic`` takes ``netmap.datasets.synthetic`` maps instead (hubs,
persons, bodies, activities, no waves), as ``bench_scaling.py`` does.

Above 1,000 actors the report's pictures draw the 1,000 most tied actors
(``netmap.reporting._drawn``), and above 5,000 it samples betweenness with
at most 50 million pivot-ties (``netmap.reporting._sections.PIVOT_BUDGET``).
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

import netmap

TARGETS = {500: 10.0, 10_000: 120.0, 100_000: 60.0}
SECTORS = ["public", "business", "third", "academia", "philanthropy", "community",
           "social_business", "other"]


def random_map(n: int, degree: float, seed: int = 0):
    rng = np.random.default_rng(seed)
    ids = np.array([f"a{i}" for i in range(n)], dtype=object)
    sector = rng.choice(len(SECTORS), n, p=[.2, .25, .3, .08, .07, .05, .03, .02])
    n_ties = int(n * degree / 2)
    src = rng.integers(0, n, n_ties * 2)
    same = rng.random(n_ties * 2) < 0.7
    pool = [np.flatnonzero(sector == s) for s in range(len(SECTORS))]
    dst = np.where(same, [rng.choice(pool[sector[s]]) for s in src],
                   rng.integers(0, n, n_ties * 2))
    keep = src != dst
    pairs = pd.DataFrame({"s": np.minimum(src, dst)[keep], "t": np.maximum(src, dst)[keep]})
    pairs = pairs.drop_duplicates().head(n_ties)
    types = rng.choice(["partnership", "information", "funding", "donation",
                        "joint_activity"], len(pairs))
    actors = pd.DataFrame({"id": ids, "sector": np.array(SECTORS)[sector],
                           "backbone": ["yes" if i == 0 else "" for i in range(n)],
                           "wave": rng.choice([2020, 2022], n, p=[.7, .3])})
    actors.loc[0, "wave"] = 2020
    ties = pd.DataFrame({"source": ids[pairs["s"]], "target": ids[pairs["t"]],
                         "type": types})
    start = np.maximum(actors["wave"].to_numpy()[pairs["s"]],
                       actors["wave"].to_numpy()[pairs["t"]])
    ties["wave"] = start
    members = rng.choice(n, min(n, 60), replace=False)
    memberships = pd.DataFrame({"actor": ids[members],
                                "body": [f"body{k % 4}" for k in range(len(members))]})
    activities = pd.DataFrame({"actor": ids[rng.choice(n, min(n, 200))],
                               "goal": rng.choice(["g1", "g2", "g3", "g4"], min(n, 200))})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return netmap.StakeholderMap(actors, ties, memberships, None,
                                     activities.drop_duplicates())


def _recorder(times: dict):
    def record(section, done, total, seconds):
        times[section] = seconds
    return record


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="500,10000")
    parser.add_argument("--degree", type=float, default=10.0)
    parser.add_argument("--synthetic", action="store_true",
                        help="netmap.datasets.synthetic maps (hubs) instead of random ones")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp())
    for n in (int(x) for x in args.sizes.split(",")):
        if args.synthetic:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                m = netmap.datasets.synthetic(n, int(n * args.degree), seed=0)
        else:
            m = random_map(n, args.degree)
        times: dict[str, float] = {}
        start, cpu = time.perf_counter(), time.process_time()
        netmap.report(m, folder / f"r{n}.html", progress=_recorder(times))
        total, cpu = time.perf_counter() - start, time.process_time() - cpu
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
        target = TARGETS.get(n)
        ratio = f"{total / target:.2f}x target" if target else ""
        worst = max(times, key=times.get)
        print(f"{n:>7,} actors, {m.n_ties:>8,} ties: report {total:7.1f} s {ratio} "
              f"(CPU {cpu:.1f} s, peak memory so far {peak:,.0f} MB); "
              f"slowest section {worst} {times[worst]:.1f} s")
        print("         " + ", ".join(f"{k} {v:.1f}" for k, v in times.items()))


if __name__ == "__main__":
    main()
