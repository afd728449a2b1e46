"""Structural holes on a random map: netmap against networkx and igraph, in one run.

netmap computes constraint, effective size and efficiency together; the
peers are networkx's ``constraint`` plus ``effective_size`` for all nodes
(their sparse paths) and igraph's ``constraint``. Graph building is not
timed for the peers; netmap's "cold" calls include building the map's
integer codes and sparse adjacency, "warm" calls reuse them (best of
--repeat each, after one call on a small map loads the modules). Peak
memory is traced (tracemalloc sees numpy's and scipy's arrays) during a
cold call, and the process's peak resident size is printed at the end.

Usage:
    python benchmarks/bench_holes.py [--actors 10000] [--ties 100000]
        [--directed] [--weighted] [--repeat 3] [--skip-networkx]

The issue's memory target: --actors 100000 --ties 1000000 --skip-networkx.
"""

from __future__ import annotations

import argparse
import resource
import time
import tracemalloc
import warnings

import networkx as nx
import numpy as np
import pandas as pd

import netmap
from netmap.measures.holes import structural_holes


def make_map(n_actors: int, n_ties: int, directed: bool, seed: int = 1):
    """A random map: ties between actors drawn uniformly, weights 1 to 3."""
    rng = np.random.default_rng(seed)
    ids = np.array([f"a{i}" for i in range(n_actors)], dtype=object)
    actors = pd.DataFrame({"id": ids,
                           "sector": rng.choice(["public", "business", "third"], n_actors)})
    s = rng.integers(0, n_actors, n_ties)
    t = rng.integers(0, n_actors, n_ties)
    keep = s != t
    ties = pd.DataFrame({"source": ids[s[keep]], "target": ids[t[keep]],
                         "weight": rng.integers(1, 4, int(keep.sum())).astype(float)})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", netmap.DataWarning)  # duplicates dropped
        return netmap.from_frames(actors, ties, directed=directed)


def timed(fn, repeat: int) -> float:
    best = np.inf
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=10_000)
    parser.add_argument("--ties", type=int, default=100_000)
    parser.add_argument("--directed", action="store_true")
    parser.add_argument("--weighted", action="store_true")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--skip-networkx", action="store_true",
                        help="networkx's effective_size builds dense N x N arrays")
    args = parser.parse_args()
    weight = "weight" if args.weighted else None

    m = make_map(args.actors, args.ties, args.directed)
    print(f"map: {m.n_actors:,} actors, {m.n_ties:,} ties, "
          f"{'directed' if m.directed else 'undirected'}, weight={weight!r}")

    structural_holes(make_map(50, 200, args.directed), weight=weight)  # load modules

    def cold_call():
        m.__dict__.pop("arrays", None)  # forget the map's cached arrays
        return structural_holes(m, weight=weight)

    cold = timed(cold_call, args.repeat)
    result = structural_holes(m, weight=weight)
    warm = timed(lambda: structural_holes(m, weight=weight), args.repeat)
    tracemalloc.start()
    cold_call()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    rows = [("netmap structural_holes (cold)", cold),
            ("netmap structural_holes (warm)", warm)]

    ig_time = None
    try:
        import igraph as ig
    except ImportError:
        print("python-igraph not installed: igraph skipped")
    else:
        G = m.to_networkx()
        nodes = {v: i for i, v in enumerate(G)}
        g = ig.Graph(n=len(nodes), directed=G.is_directed(),
                     edges=[(nodes[u], nodes[v]) for u, v in G.edges])
        g.es["weight"] = [d["weight"] for *_, d in G.edges(data=True)]
        ig_time = timed(lambda: g.constraint(weights=weight), args.repeat)
        expected = np.array(g.constraint(weights=weight))
        found = result["constraint"].to_numpy()[[m.actors.index.get_loc(v) for v in G]]
        assert np.allclose(found, expected, equal_nan=True), "igraph disagrees"
        rows.append(("igraph constraint", ig_time))

    nx_time = None
    if not args.skip_networkx:
        G = m.to_networkx()
        start = time.perf_counter()
        constraint = nx.constraint(G, weight=weight)
        middle = time.perf_counter()
        nx.effective_size(G, weight=weight)
        end = time.perf_counter()
        nx_time = end - start
        found = result["constraint"].to_numpy()
        assert np.allclose(found, [constraint[v] for v in result.index], equal_nan=True)
        rows += [("networkx constraint", middle - start),
                 ("networkx effective_size", end - middle),
                 ("networkx both", nx_time)]

    print(f"{'':34}{'seconds':>10}")
    for label, seconds in rows:
        print(f"{label:34}{seconds:10.3f}")
    if nx_time is not None:
        print(f"networkx both / netmap: {nx_time / cold:.0f}x (cold), "
              f"{nx_time / warm:.0f}x (warm); target >= 10x")
    if ig_time is not None:
        print(f"netmap (all three) / igraph constraint: {cold / ig_time:.2f}x (cold), "
              f"{warm / ig_time:.2f}x (warm); target <= 3x")
    print(f"netmap peak traced memory: {peak / 2**20:.0f} MB; process peak resident "
          f"size: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**10:.0f} MB")


if __name__ == "__main__":
    main()
