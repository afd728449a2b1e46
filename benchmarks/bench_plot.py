"""The network map at 5,000 actors: netmap's plot_map against networkx's draw, in one run.

Two comparisons on one random clustered map (default 5,000 actors, 15,000
ties, four sectors, a fifth of the actors persons):

1. drawing only, both from the same positions: ``plot_map(m,
   layout=pos, labels=None)`` against ``nx.draw(G, pos)``, each rendered
   to PNG with the Agg backend;
2. layout and drawing: ``plot_map(m)`` (netmap's force layout) against
   ``nx.draw(G)`` (networkx's spring layout), each rendered to PNG; skip
   networkx's layout with ``--skip-networkx-layout`` (it takes a minute
   or more at 5,000 actors).

Also times the force and sector layouts alone, and igraph's
Fruchterman-Reingold when python-igraph is installed.

Usage:
    python benchmarks/bench_plot.py [--actors 5000] [--ties 15000]
        [--skip-networkx-layout] [--out DIR]
"""

from __future__ import annotations

import argparse
import io
import time
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

import netmap  # noqa: E402
from netmap.plot import layout, plot_map  # noqa: E402


def make_map(n_actors: int, n_ties: int, seed: int = 1) -> netmap.StakeholderMap:
    """Communities of about 100 actors; 85% of ties inside one."""
    rng = np.random.default_rng(seed)
    ids = np.array([f"a{i}" for i in range(n_actors)], dtype=object)
    community = rng.integers(0, max(n_actors // 100, 1), n_actors)
    sectors = np.array(["public", "business", "third", "academia"])[community % 4]
    level = np.where(rng.random(n_actors) < 0.2, "person", "organisation")
    source = rng.integers(0, n_actors, n_ties)
    members = pd.Series(np.arange(n_actors)).groupby(community).apply(np.array)
    inside = rng.random(n_ties) < 0.85
    target = rng.integers(0, n_actors, n_ties)
    for k in np.flatnonzero(inside):
        group = members[community[source[k]]]
        target[k] = group[rng.integers(len(group))]
    keep = source != target
    orgs = ids[level == "organisation"]
    org = np.where(level == "person", orgs[rng.integers(0, len(orgs), n_actors)], None)
    actors = pd.DataFrame({"id": ids, "sector": sectors, "level": level, "org": org})
    ties = pd.DataFrame({"source": ids[source[keep]], "target": ids[target[keep]],
                         "type": rng.choice(["partnership", "information", "funding"],
                                            int(keep.sum()))})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", netmap.DataWarning)  # duplicates dropped
        return netmap.from_frames(actors, ties)


def clock(fn):
    start = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - start


def rendered(draw, out: Path | None, name: str) -> None:
    """Draw on a new figure and render it to PNG (in memory, or to ``out``)."""
    fig, ax = plt.subplots(figsize=(10, 10))
    draw(ax)
    target = out / f"{name}.png" if out else io.BytesIO()
    fig.savefig(target, dpi=100)
    plt.close(fig)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=5000)
    parser.add_argument("--ties", type=int, default=15000)
    parser.add_argument("--skip-networkx-layout", action="store_true")
    parser.add_argument("--out", type=Path, default=None,
                        help="also write the pictures here, to look at")
    args = parser.parse_args()

    m = make_map(args.actors, args.ties)
    G = m.to_networkx()
    print(f"map: {m.n_actors:,} actors, {m.n_ties:,} ties")

    force, t_force = clock(lambda: layout(m, kind="force", seed=1))
    _, t_sector = clock(lambda: layout(m, kind="sector", seed=1))
    print(f"{'netmap force layout':40}{t_force:8.2f} s")
    print(f"{'netmap sector layout':40}{t_sector:8.2f} s")
    try:
        import igraph as ig

        g = ig.Graph(n=m.n_actors, edges=np.column_stack(
            [m.arrays.source, m.arrays.target]).tolist())
        _, t_ig = clock(lambda: g.layout_fruchterman_reingold())
        print(f"{'igraph Fruchterman-Reingold':40}{t_ig:8.2f} s")
    except ImportError:
        print("igraph not installed: its layout not timed")

    pos = {a: (x, y) for a, x, y in force.itertuples()}
    _, t_ours = clock(lambda: rendered(
        lambda ax: plot_map(m, ax=ax, layout=force, labels=None), args.out,
        "netmap_draw"))
    _, t_nx = clock(lambda: rendered(
        lambda ax: nx.draw(G, pos=pos, ax=ax, node_size=10), args.out, "networkx_draw"))
    print("\n1. drawing and rendering from the same positions")
    print(f"{'netmap plot_map(layout=pos)':40}{t_ours:8.2f} s")
    print(f"{'networkx draw(G, pos)':40}{t_nx:8.2f} s")
    print(f"networkx / netmap: {t_nx / t_ours:.1f}x")

    print("\n2. layout, drawing and rendering")
    _, t_ours_all = clock(lambda: rendered(
        lambda ax: plot_map(m, ax=ax, seed=1), args.out, "netmap_map"))
    print(f"{'netmap plot_map (force layout, labels)':40}{t_ours_all:8.2f} s")
    if args.skip_networkx_layout:
        print("networkx draw(G) with its spring layout: skipped")
        return
    _, t_nx_all = clock(lambda: rendered(
        lambda ax: nx.draw(G, ax=ax, node_size=10), args.out, "networkx_spring"))
    print(f"{'networkx draw(G) (spring layout)':40}{t_nx_all:8.2f} s")
    print(f"networkx / netmap: {t_nx_all / t_ours_all:.1f}x")


if __name__ == "__main__":
    main()
