"""Sampled betweenness against exact: the accuracy the report states for its pivots.

Computes exact betweenness (``betweenness_sample=m.n_actors``) on a
synthetic map with hubs (``netmap.datasets.synthetic``), then the sampled
estimate for each number of pivots the report uses (50, 100, 200, 500) and
three seeds, and prints the time, the correlation with exact over every
actor, and the median and largest relative error of the ten top brokers
(:func:`netmap.brokers`) and of the ten actors with the highest
betweenness. The report's ``PIVOT_ACCURACY`` (netmap/reporting/_sections.py)
holds the means over the seeds at 10,000 actors and 100,000 ties.

Usage: python benchmarks/bench_betweenness_accuracy.py [--actors 10000] [--ties 100000]
"""

from __future__ import annotations

import argparse
import time
import warnings

import numpy as np

import netmap


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=10_000)
    parser.add_argument("--ties", type=int, default=100_000)
    parser.add_argument("--pivots", type=int, nargs="+", default=[50, 100, 200, 500])
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    m = netmap.datasets.synthetic(args.actors, args.ties, seed=0)
    start = time.perf_counter()
    exact = netmap.centrality(m, measures=("betweenness",),
                              betweenness_sample=m.n_actors)["betweenness"]
    print(f"exact betweenness: {time.perf_counter() - start:.1f} s")
    top = netmap.brokers(m, top=10, betweenness_sample=m.n_actors).index
    highest = exact.sort_values(ascending=False).index[:10]
    for k in args.pivots:
        rs, medians = [], []
        for seed in (0, 1, 2):
            start = time.perf_counter()
            est = netmap.centrality(m, measures=("betweenness",), betweenness_sample=k,
                                    seed=seed)["betweenness"]
            seconds = time.perf_counter() - start
            rel = (est[top] - exact[top]).abs() / exact[top]
            rel_high = (est[highest] - exact[highest]).abs() / exact[highest]
            r = float(np.corrcoef(est, exact)[0, 1])
            rs.append(r)
            medians.append(float(rel.median()))
            print(f"pivots {k:4} seed {seed}: {seconds:5.1f} s, r = {r:.3f}; top ten brokers "
                  f"median {rel.median():.3f}, max {rel.max():.3f}; ten highest median "
                  f"{rel_high.median():.3f}, max {rel_high.max():.3f}")
        print(f"pivots {k:4} mean: r = {np.mean(rs):.2f}, top ten brokers' median relative "
              f"error {np.mean(medians):.2f}")


if __name__ == "__main__":
    main()
