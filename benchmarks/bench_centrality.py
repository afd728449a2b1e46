"""Centralities on a random map: netmap against networkx and igraph, in one run.

Part 1 (every run): exact degree, betweenness, closeness and eigenvector
centrality of a map small enough for networkx (default 2,000 actors,
20,000 ties): netmap's ``centrality`` against networkx's four functions,
checked equal, with times and the ratio.

Part 2 (``--large``): a map of 10,000 actors and 100,000 ties, where
netmap samples betweenness: netmap's default call, igraph's exact
betweenness, and how well sampled betweenness with 500, 1,000 and 2,000
pivots (two seeds each) correlates with the exact values (Pearson r,
Spearman rho, overlap of the top 100).

Usage:
    python benchmarks/bench_centrality.py [--actors 2000] [--ties 20000]
        [--directed] [--large] [--large-actors 10000] [--large-ties 100000]
"""

from __future__ import annotations

import argparse
import time
import warnings

import networkx as nx
import numpy as np
from bench_holes import make_map
from scipy import stats

import netmap
from netmap.measures.centrality import centrality


def clock(fn):
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def compare_with_networkx(m) -> None:
    ours, ours_time = clock(lambda: centrality(m, betweenness_sample=m.n_actors))
    G = m.to_networkx()
    G.remove_edges_from(list(nx.selfloop_edges(G)))
    peer = {}
    times = {}
    for name, fn in [("degree", nx.degree_centrality),
                     ("betweenness", nx.betweenness_centrality),
                     ("closeness", nx.closeness_centrality)]:
        peer[name], times[name] = clock(lambda fn=fn: fn(G))
    # A random map has isolates, and networkx refuses eigenvector centrality
    # for a disconnected graph: it runs on the giant component, where
    # netmap's vector of the whole map (0 elsewhere) is the same.
    parts = (nx.strongly_connected_components(G) if G.is_directed()
             else nx.connected_components(G))
    giant = G.subgraph(max(parts, key=len))
    peer["eigenvector"], times["eigenvector"] = clock(
        lambda: nx.eigenvector_centrality_numpy(giant))
    for name, values in peer.items():
        nodes = list(values)
        found = ours.loc[nodes, name].to_numpy()
        assert np.allclose(found, [values[v] for v in nodes], rtol=1e-9, atol=1e-12), name
    total = sum(times.values())
    print(f"map: {m.n_actors:,} actors, {m.n_ties:,} ties, "
          f"{'directed' if m.directed else 'undirected'}; exact values, equal to networkx")
    print(f"{'':34}{'seconds':>10}")
    print(f"{'netmap centrality (all four)':34}{ours_time:10.2f}")
    for name, seconds in times.items():
        print(f"{'networkx ' + name:34}{seconds:10.2f}")
    print(f"{'networkx all four':34}{total:10.2f}")
    print(f"networkx / netmap: {total / ours_time:.1f}x")


def sampling(m) -> None:
    try:
        import igraph  # noqa: F401
    except ImportError:
        print("python-igraph not installed: part 2 needs it for exact betweenness")
        return
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", netmap.NetmapWarning)  # sampled: we know
        default, default_time = clock(lambda: centrality(m, seed=0))
    print(f"\nmap: {m.n_actors:,} actors, {m.n_ties:,} ties")
    print(f"netmap centrality, default ({default.attrs['betweenness_sampled']} pivots): "
          f"{default_time:.1f} s")
    exact, exact_time = clock(lambda: centrality(m, betweenness_sample=m.n_actors))
    print(f"netmap centrality, exact betweenness (igraph): {exact_time:.1f} s")
    truth = exact["betweenness"].to_numpy()
    top = set(np.argsort(-truth)[:100])
    print("sampled betweenness against exact (seconds: the whole centrality call)")
    print(f"{'pivots':>8}{'seed':>6}{'seconds':>10}{'r':>8}{'rho':>8}{'top-100':>9}")
    for k in (500, 1000, 2000):
        for seed in (1, 2):
            est, seconds = clock(lambda k=k, seed=seed: centrality(
                m, betweenness_sample=k, seed=seed)["betweenness"].to_numpy())
            r = stats.pearsonr(truth, est)[0]
            rho = stats.spearmanr(truth, est)[0]
            overlap = len(top & set(np.argsort(-est)[:100]))
            print(f"{k:8}{seed:6}{seconds:10.1f}{r:8.3f}{rho:8.3f}{overlap:9}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=2_000)
    parser.add_argument("--ties", type=int, default=20_000)
    parser.add_argument("--directed", action="store_true")
    parser.add_argument("--large", action="store_true")
    parser.add_argument("--large-actors", type=int, default=10_000)
    parser.add_argument("--large-ties", type=int, default=100_000)
    args = parser.parse_args()
    compare_with_networkx(make_map(args.actors, args.ties, args.directed))
    if args.large:
        sampling(make_map(args.large_actors, args.large_ties, args.directed))


if __name__ == "__main__":
    main()
