"""Generating a synthetic map: netmap.datasets.synthetic against networkx's generators.

netmap builds a whole stakeholder map (sectors, persons, exact homophily,
typed and weighted ties, bodies, memberships, activities, validated
tables); the peers build a bare networkx graph of the same size:
``stochastic_block_model`` with the same sector sizes and the same
expected share of ties inside sectors (networkx's own sector model; it
gives the number of ties only in expectation), and ``gnm_random_graph``
(exact size, no sectors). The ratio is netmap's time over the peer's.

networkx's block model is left out above ``--sbm-max`` actors: at 100,000
actors and 1,000,000 ties it took 224 s on this kind of machine.

Usage: python benchmarks/bench_synthetic.py [--actors 10000 100000] [--degree 20]
"""

from __future__ import annotations

import argparse
import time

import networkx as nx
import numpy as np

import netmap
from netmap.datasets.generator import DEFAULT_SECTORS


def best_of(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def block_model(n_actors: int, n_ties: int, homophily: float, seed: int):
    """networkx's stochastic block model with the sizes and expected homophily of ours."""
    shares = np.array(list(DEFAULT_SECTORS.values()))
    sizes = netmap.datasets._actors.apportion(n_actors, shares).tolist()
    within = sum(s * (s - 1) / 2 for s in sizes)
    across = n_actors * (n_actors - 1) / 2 - within
    p_in, p_out = homophily * n_ties / within, (1 - homophily) * n_ties / across
    probs = [[p_in if i == j else p_out for j in range(len(sizes))]
             for i in range(len(sizes))]
    return nx.stochastic_block_model(sizes, probs, seed=seed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--degree", type=int, default=20, help="mean degree")
    parser.add_argument("--homophily", type=float, default=0.6)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--sbm-max", type=int, default=20_000)
    args = parser.parse_args()
    print(f"{'actors':>8} {'ties':>9} {'generator':36}{'seconds':>9}{'ratio':>8}")
    for n in args.actors:
        n_ties = n * args.degree // 2

        def ours(n=n, n_ties=n_ties):
            return netmap.datasets.synthetic(n, n_ties, homophily=args.homophily, seed=1)

        m = ours()
        assert (m.n_actors, m.n_ties) == (n, n_ties)
        t_ours = best_of(ours, args.repeat)
        print(f"{n:8} {n_ties:9} {'netmap.datasets.synthetic':36}{t_ours:9.2f}")
        peers = {"networkx gnm_random_graph": lambda n=n, n_ties=n_ties:
                 nx.gnm_random_graph(n, n_ties, seed=1)}
        if n <= args.sbm_max:
            peers["networkx stochastic_block_model"] = (
                lambda n=n, n_ties=n_ties: block_model(n, n_ties, args.homophily, 1))
        for name, peer in peers.items():
            t_peer = best_of(peer, 1 if n > 50_000 else args.repeat)
            print(f"{n:8} {n_ties:9} {name:36}{t_peer:9.2f}{t_ours / t_peer:8.2f}")


if __name__ == "__main__":
    main()
