"""Peak memory of the analytics on a 100,000-actor, 1,000,000-tie map, in one process.

Computes the mixing matrix, E-I with 1,000 permutations, brokerage with
expected values, sd and z, and structural holes, then prints the process's
peak resident memory (target: under 2 GB) and the time of each step.

Usage: python benchmarks/bench_memory.py [--actors 100000] [--ties 1000000]
"""

from __future__ import annotations

import argparse
import resource
import time

from bench_mixing import random_map

import netmap


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=100_000)
    parser.add_argument("--ties", type=int, default=1_000_000)
    args = parser.parse_args()
    steps = [
        ("map and arrays", lambda m: m.arrays.adjacency()),
        ("mixing matrix", lambda m: netmap.mixing_matrix(m)),
        ("E-I, 1000 permutations", lambda m: netmap.ei_index(m, permutations=1000, seed=1)),
        ("E-I by group", lambda m: netmap.ei_index(m, level="group")),
        ("brokerage raw", lambda m: netmap.brokerage(m)),
        ("brokerage z", lambda m: netmap.brokerage(m, stat="z")),
        ("brokerage summary", lambda m: netmap.brokerage_summary(m)),
        ("structural holes", lambda m: netmap.structural_holes(m)),
    ]
    start = time.perf_counter()
    m = random_map(args.actors, args.ties)
    print(f"{'step':28}{'seconds':>9}{'peak MB':>10}")
    print(f"{'build map':28}{time.perf_counter() - start:9.2f}{peak_mb():10.0f}")
    for name, step in steps:
        start = time.perf_counter()
        step(m)
        print(f"{name:28}{time.perf_counter() - start:9.2f}{peak_mb():10.0f}")
    print(f"peak resident memory: {peak_mb():.0f} MB (target 2048 MB)")


if __name__ == "__main__":
    main()
