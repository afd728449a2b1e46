"""Mixing and E-I at scale: netmap against networkx and the slow reference, in one run.

- E-I index with 1,000 permutations on a 100,000-actor, 1,000,000-tie map,
  network and group level, and ``under_connected`` with as many (target:
  each under 5 s), against a plain numpy loop of the same permutations
  (shuffle, then one comparison or one ``bincount(a * G + b)``).
- mixing matrix and assortativity against networkx's
  ``attribute_mixing_matrix`` / ``attribute_assortativity_coefficient``.

Each row gives wall-clock seconds and, in brackets, the process's CPU
seconds (``time.process_time``): on a machine shared with other work the
CPU seconds move less with the load, and the ratio is taken from them.

Usage: python benchmarks/bench_mixing.py [--actors 100000] [--ties 1000000]
       [--permutations 1000]
"""

from __future__ import annotations

import argparse
import time
import warnings

import networkx as nx
import numpy as np
import pandas as pd

import netmap


def random_map(n_actors: int, n_ties: int, seed: int = 1):
    rng = np.random.default_rng(seed)
    sectors = np.array(["public", "business", "third", "academia", "philanthropy"])
    actors = pd.DataFrame({"id": np.char.add("a", np.arange(n_actors).astype(str)),
                           "sector": sectors[rng.integers(0, len(sectors), n_actors)]})
    s = rng.integers(0, n_actors, n_ties)
    t = rng.integers(0, n_actors, n_ties)
    keep = s != t
    ties = pd.DataFrame({"source": actors["id"].to_numpy()[s[keep]],
                         "target": actors["id"].to_numpy()[t[keep]]})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", netmap.DataWarning)
        return netmap.from_frames(actors, ties, directed=True)


def timed(fn, *args, **kwargs):
    """Wall-clock and CPU seconds of one call, and its result."""
    start, cpu = time.perf_counter(), time.process_time()
    result = fn(*args, **kwargs)
    return (time.perf_counter() - start, time.process_time() - cpu), result


def loop_permutations(m, permutations, seed):
    """The peer: one numpy pass per permutation, no batching."""
    codes = m.actors["sector"].cat.codes.to_numpy()
    src, dst = m.arrays.source, m.arrays.target
    rng = np.random.default_rng(seed)
    out = np.empty(permutations)
    for k in range(permutations):
        perm = rng.permutation(codes)
        e = np.count_nonzero(perm[src] != perm[dst])
        out[k] = (2 * e - len(src)) / len(src)
    return out


def loop_group_permutations(m, permutations, seed):
    """The peer at the group level: shuffle, one bincount of a * G + b per permutation."""
    codes = m.actors["sector"].cat.codes.to_numpy().astype(np.int64)
    g = int(codes.max()) + 1
    src, dst = m.arrays.source, m.arrays.target
    rng = np.random.default_rng(seed)
    out = np.empty((permutations, g * g))
    for k in range(permutations):
        perm = rng.permutation(codes)
        out[k] = np.bincount(perm[src] * g + perm[dst], minlength=g * g)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=100_000)
    parser.add_argument("--ties", type=int, default=1_000_000)
    parser.add_argument("--permutations", type=int, default=1000)
    args = parser.parse_args()
    (build, _), m = timed(random_map, args.actors, args.ties)
    m.arrays.adjacency()
    print(f"map: {m.n_actors} actors, {m.n_ties} ties (built in {build:.1f} s)")
    rows = []
    ours, result = timed(netmap.ei_index, m, permutations=args.permutations, seed=1)
    peer, _ = timed(loop_permutations, m, args.permutations, 1)
    rows.append((f"E-I, {args.permutations} permutations", ours, "numpy loop", peer))
    ours, _ = timed(netmap.ei_index, m, level="group", permutations=args.permutations, seed=1)
    peer, _ = timed(loop_group_permutations, m, args.permutations, 1)
    rows.append((f"E-I group, {args.permutations} perm.", ours, "bincount loop", peer))
    ours, _ = timed(netmap.under_connected, m, permutations=args.permutations, seed=1)
    rows.append((f"under_connected, {args.permutations}", ours, "bincount loop", peer))
    ours, _ = timed(netmap.mixing_matrix, m)
    small = random_map(20_000, 200_000)
    G = small.to_networkx()
    peer_small, _ = timed(nx.attribute_mixing_matrix, G, "sector")
    ours_small, _ = timed(netmap.mixing_matrix, small)
    rows.append(("mixing matrix (20k/200k)", ours_small, "networkx", peer_small))
    ours_small, _ = timed(netmap.assortativity, small)
    peer_small, _ = timed(nx.attribute_assortativity_coefficient, G, "sector")
    rows.append(("assortativity (20k/200k)", ours_small, "networkx", peer_small))
    print(f"{'measure':34}{'netmap s (cpu)':>17}  {'peer':14}{'peer s (cpu)':>17}"
          f"{'ratio':>7}")
    for name, a, peer_name, b in rows:
        print(f"{name:34}{a[0]:8.3f} ({a[1]:6.3f})  {peer_name:14}{b[0]:8.3f} ({b[1]:6.3f})"
              f"{b[1] / a[1]:6.1f}x")
    print(f"mixing matrix on the full map: {ours[0]:.3f} s")
    print("E-I observed", round(float(result.loc["network", "ei"]), 4),
          "perm mean", round(float(result.loc["network", "perm_mean"]), 4))


if __name__ == "__main__":
    main()
