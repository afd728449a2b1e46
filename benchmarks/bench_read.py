"""Reading a large map from CSV: netmap against pandas + networkx, in one run.

netmap checks and normalises every cell (sectors, ids, tie types, waves)
and builds integer codes and a sparse adjacency; the peer only parses the
files and builds a networkx graph, checking nothing. The ratio is what the
checks and the compact arrays cost, or save, on this machine today.

Usage: python benchmarks/bench_read.py [--actors 50000] [--ties 500000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import tempfile
import time
import tracemalloc
import warnings
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd

import netmap


def make_files(folder: Path, n_actors: int, n_ties: int, seed: int = 1) -> None:
    rng = np.random.default_rng(seed)
    labels = np.array(["public", "business", "third", "academia", "עמותה", "קרן",
                       "ממשלה", "المجتمع المدني"])
    pd.DataFrame({
        "id": [f"a{i}" for i in range(n_actors)],
        "name": [f"ארגון {i}" for i in range(n_actors)],
        "sector": labels[rng.integers(0, len(labels), n_actors)],
        "wave": rng.integers(2013, 2017, n_actors),
    }).to_csv(folder / "actors.csv", index=False, encoding="utf-8-sig")
    s = rng.integers(0, n_actors, n_ties)
    t = rng.integers(0, n_actors, n_ties)
    keep = s != t
    types = np.array(["partnership", "information", "funding", "מימון", "donation"])
    ties = pd.DataFrame({
        "source": [f"a{i}" for i in s[keep]],
        "target": [f"a{i}" for i in t[keep]],
        "type": types[rng.integers(0, len(types), keep.sum())],
        "weight": rng.integers(1, 4, keep.sum()),
    })
    lo = np.minimum(s[keep], t[keep])
    hi = np.maximum(s[keep], t[keep])
    ties = ties[~pd.DataFrame({"lo": lo, "hi": hi, "t": ties["type"]}).duplicated()
                .to_numpy()]
    ties.to_csv(folder / "ties.csv", index=False, encoding="utf-8-sig")


def run_netmap(folder: Path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", netmap.DataWarning)
        m = netmap.read_csv(folder)
    m.arrays.adjacency()
    return m


def run_peer(folder: Path):
    actors = pd.read_csv(folder / "actors.csv", dtype=str)
    ties = pd.read_csv(folder / "ties.csv", dtype={"source": str, "target": str})
    G = nx.from_pandas_edgelist(ties, "source", "target", edge_attr=True)
    G.add_nodes_from(actors["id"])
    return G


def best_of(fn, folder, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn(folder)
        times.append(time.perf_counter() - start)
    tracemalloc.start()
    fn(folder)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return min(times), peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=50_000)
    parser.add_argument("--ties", type=int, default=500_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_files(folder, args.actors, args.ties)
        m = run_netmap(folder)
        print(f"map: {m.n_actors} actors, {m.n_ties} ties")
        ours, ours_mem = best_of(run_netmap, folder, args.repeat)
        peer, peer_mem = best_of(run_peer, folder, args.repeat)
    print(f"{'':32}{'seconds':>10}{'peak MB':>10}")
    print(f"{'netmap.read_csv + adjacency':32}{ours:10.2f}{ours_mem / 2**20:10.0f}")
    print(f"{'pandas.read_csv + networkx':32}{peer:10.2f}{peer_mem / 2**20:10.0f}")
    print(f"time ratio netmap / peer: {ours / peer:.2f}; "
          f"memory ratio: {ours_mem / peer_mem:.2f}")


if __name__ == "__main__":
    main()
