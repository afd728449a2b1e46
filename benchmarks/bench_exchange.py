"""Writing and reading GEXF and GraphML: netmap against networkx, in one run.

netmap writes every actor and tie column, sector colours and sizes, and
its own tables; the peer is networkx's ``write_gexf`` / ``write_graphml``
on the map's graph with the same attributes and colours (``to_networkx``
is not timed). Reading: netmap parses safely (defusedxml, line numbers)
and checks every value; networkx's readers parse with the standard
library and check nothing.

Usage: python benchmarks/bench_exchange.py [--actors 10000] [--ties 100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import tempfile
import time
import warnings
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd

import netmap
from netmap.model.palette import hex_to_rgb, sector_colors


def make_map(n_actors: int, n_ties: int, seed: int = 1):
    rng = np.random.default_rng(seed)
    sectors = np.array(["public", "business", "third", "academia", "philanthropy"])
    actors = pd.DataFrame({
        "id": [f"a{i}" for i in range(n_actors)],
        "name": [f"ארגון {i}" for i in range(n_actors)],
        "sector": sectors[rng.integers(0, len(sectors), n_actors)],
        "wave": rng.integers(2013, 2017, n_actors),
        "budget": rng.integers(0, 10**6, n_actors),
    })
    s = rng.integers(0, n_actors, n_ties)
    t = rng.integers(0, n_actors, n_ties)
    keep = s != t
    types = np.array(["partnership", "information", "funding", "donation"])
    ties = pd.DataFrame({"source": actors["id"].to_numpy()[s[keep]],
                         "target": actors["id"].to_numpy()[t[keep]],
                         "type": types[rng.integers(0, len(types), keep.sum())],
                         "weight": rng.integers(1, 4, keep.sum()).astype(float),
                         "trust": rng.integers(1, 6, keep.sum()).astype(float)})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", netmap.DataWarning)
        return netmap.from_frames(actors, ties)


def graphml_graph(G: nx.MultiGraph) -> nx.MultiGraph:
    H = G.copy()
    for _, data in H.nodes(data=True):
        viz = data.pop("viz")
        data.update(r=viz["color"]["r"], g=viz["color"]["g"], b=viz["color"]["b"],
                    size=viz["size"])
    return H


def peer_graph(m) -> nx.MultiGraph:
    G = m.to_networkx(multigraph=True)
    colors = {k: hex_to_rgb(v) for k, v in sector_colors(m.taxonomy).items()}
    degree = dict(G.degree())
    top = max(degree.values())
    for node, data in G.nodes(data=True):
        r, g, b = colors[data["sector"]]
        data.pop("core", None)
        data["viz"] = {"color": {"r": r, "g": g, "b": b, "a": 1.0},
                       "size": 5 + 25 * (degree[node] / top) ** 0.5}
        for k in list(data):
            if hasattr(data[k], "item"):
                data[k] = data[k].item()
    for _, _, data in G.edges(data=True):
        data.pop("tie_class", None)
    G.graph.clear()
    return G


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=10_000)
    parser.add_argument("--ties", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    m = make_map(args.actors, args.ties)
    G = peer_graph(m)
    H = graphml_graph(G)
    folder = Path(tempfile.mkdtemp())
    print(f"{m.n_actors} actors, {m.n_ties} ties")
    rows = []
    for fmt, write, read, peer_write, peer_read, graph in (
        ("GEXF", m.to_gexf, netmap.read_gexf, nx.write_gexf, nx.read_gexf, G),
        ("GraphML", m.to_graphml, netmap.read_graphml, nx.write_graphml,
         nx.read_graphml, H),
    ):
        ours, theirs = folder / f"netmap.{fmt.lower()}", folder / f"nx.{fmt.lower()}"
        w_ours = best(lambda: write(ours), args.repeat)  # noqa: B023
        w_peer = best(lambda: peer_write(graph, theirs), args.repeat)  # noqa: B023
        r_ours = best(lambda: read(ours), args.repeat)  # noqa: B023
        r_peer = best(lambda: peer_read(theirs), args.repeat)  # noqa: B023
        rows.append((f"write {fmt}", w_ours, w_peer))
        rows.append((f"read {fmt}", r_ours, r_peer))
        print(f"{fmt} file sizes: netmap {ours.stat().st_size / 1e6:.1f} MB, "
              f"networkx {theirs.stat().st_size / 1e6:.1f} MB")
    print(f"{'':14} {'netmap s':>9} {'networkx s':>11} {'ratio':>7}")
    for what, ours, theirs in rows:
        print(f"{what:14} {ours:9.2f} {theirs:11.2f} {ours / theirs:7.2f}")


if __name__ == "__main__":
    main()
