"""Layout quality: netmap's force layout against networkx, igraph and ForceAtlas2, in one run.

Each layout is drawn the same way (``plot_map(m, layout=..., size="ties")``
on an 11 x 7.5 inch figure at 100 dpi, labels as many as fit) and scored
on the picture (``netmap.plot._quality``):

- ``labels``: labels drawn; ``label_overlaps``: pairs of labels that
  overlap plus (label, marker) pairs that overlap;
- ``node_overlaps``: pairs of markers that overlap (more than half a pixel);
- ``crossings``: proper crossings of ties, per tie;
- ``panel``: share of the panel's cells (about one per actor) holding an actor;
- ``silhouette``: mean silhouette of the positions by sector.

The layouts: ``netmap`` (``layout="force"``, the default of
``netmap.plot.layout`` and ``plot_map``), ``netmap auto`` (``kind="auto"``,
what the report draws: the sector layout when the force layout's
silhouette is below 0.25), networkx's ``spring_layout`` (seed 0), igraph's
``layout_fruchterman_reingold`` (its defaults, seeded) and networkx's
``forceatlas2_layout`` (seed 0, LinLog off, as Gephi's default). The maps:
the bundled 2x5 sample and ``netmap.datasets.synthetic`` maps of 500
actors / 1,500 ties and 2,000 actors / 6,000 ties (seed 1).

The verdict: netmap's default is best or tied on both overlaps and on the
panel share, and no worse than the best peer by more than 10% on
crossings (at most 1.1 times the fewest) and silhouette (at most 0.1
below the highest: 10% of the half-range of a silhouette).

Usage:
    python benchmarks/bench_layout.py [--maps 2x5,500,2000] [--scale N,TIES] [--auto]

``--scale 100000,1000000`` also times netmap's force layout on a synthetic
map of that size; ``--auto`` prints the share of ties within a sector and
the force layout's silhouette by sector on synthetic maps of 60, 200 and
500 actors as homophily grows (where ``kind="auto"`` switches, and where it
skips the force layout), with the time ``kind="auto"`` takes.
"""

from __future__ import annotations

import argparse
import random
import time
import warnings

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.text import Annotation, Text  # noqa: E402

import netmap  # noqa: E402
from netmap.model.vocabulary import LEVELS  # noqa: E402
from netmap.plot import layout, plot_map  # noqa: E402
from netmap.plot._quality import (  # noqa: E402
    crossings_per_tie,
    label_overlaps,
    node_overlaps,
    panel_share,
    silhouette,
)
from netmap.plot.layouts import SECTOR_BELOW, within_share  # noqa: E402

FIGSIZE, DPI = (11, 7.5), 100


def maps(which: list[str]) -> dict[str, netmap.StakeholderMap]:
    out = {}
    for name in which:
        if name == "2x5":
            out["2x5 sample (92)"] = netmap.datasets.load_2x5()
        else:
            n = int(name)
            out[f"synthetic {n:,}"] = netmap.datasets.synthetic(n, 3 * n, seed=1)
    return out


def _graph(m) -> nx.Graph:
    a = m.arrays
    g = nx.Graph()
    g.add_nodes_from(range(a.n_actors))
    g.add_edges_from((int(s), int(t)) for s, t in zip(a.source, a.target, strict=True)
                     if s != t)
    return g


def _frame(m, xy) -> pd.DataFrame:
    return pd.DataFrame({"x": xy[:, 0], "y": xy[:, 1]}, index=m.arrays.ids)


def peers(m) -> dict:
    """Positions of each peer layout, as a function of the map."""
    def spring():
        pos = nx.spring_layout(_graph(m), seed=0)
        return _frame(m, np.array([pos[i] for i in range(m.n_actors)]))

    def igraph_fr():
        import igraph as ig

        a = m.arrays
        keep = a.source != a.target
        g = ig.Graph(n=a.n_actors, edges=np.column_stack([a.source[keep], a.target[keep]]).tolist())
        g.simplify()
        ig.set_random_number_generator(random.Random(0))
        try:
            coords = g.layout_fruchterman_reingold().coords
        finally:
            ig.set_random_number_generator(random)
        return _frame(m, np.asarray(coords))

    def fa2():
        pos = nx.forceatlas2_layout(_graph(m), seed=0)
        return _frame(m, np.array([pos[i] for i in range(m.n_actors)]))

    return {"networkx spring_layout": spring, "igraph fruchterman_reingold": igraph_fr,
            "ForceAtlas2 (networkx)": fa2}


def _drawn_positions(m, ax) -> np.ndarray:
    """The drawn (display) position of every actor, from the node collections."""
    a = m.arrays
    xy = np.zeros((a.n_actors, 2))
    for c in ax.collections:
        gid = c.get_gid() or ""
        if gid.startswith("netmap-nodes-"):
            code = LEVELS.codes.index(gid.removeprefix("netmap-nodes-"))
            xy[a.level == code] = ax.transData.transform(c.get_offsets())
    return xy


def _radii(m, ax) -> np.ndarray:
    a = m.arrays
    r = np.zeros(a.n_actors)
    for c in ax.collections:
        gid = c.get_gid() or ""
        if gid.startswith("netmap-nodes-"):
            code = LEVELS.codes.index(gid.removeprefix("netmap-nodes-"))
            sizes = np.broadcast_to(c.get_sizes(), (int((a.level == code).sum()),))
            r[a.level == code] = np.sqrt(sizes) / 2 * DPI / 72
    return r


def score(m, pos) -> dict:
    """Draw ``m`` with the layout ``pos`` (a name or positions) and score the picture."""
    fig = plt.figure(figsize=FIGSIZE, dpi=DPI)
    ax = fig.subplots()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        plot_map(m, ax=ax, layout=pos, size="ties", seed=0)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    xy, radii = _drawn_positions(m, ax), _radii(m, ax)
    labels = [t for t in ax.texts if isinstance(t, Annotation) and t.get_visible()]
    # The text's own box (Annotation's extent also holds its leader line).
    boxes = np.array([[b.x0, b.y0, b.x1, b.y1] for b in
                      (Text.get_window_extent(t, renderer) for t in labels)]).reshape(-1, 4)
    frame = ax.get_window_extent()
    a = m.arrays
    out = {
        "labels": len(labels),
        "label_overlaps": label_overlaps(boxes, xy, radii),
        "node_overlaps": node_overlaps(xy, radii),
        "crossings": crossings_per_tie(xy, a.source, a.target),
        "panel": panel_share(xy, (frame.x0, frame.y0, frame.x1, frame.y1)),
        "silhouette": silhouette(xy, a.sector),
    }
    plt.close(fig)
    return out


def run_maps(which: list[str]) -> pd.DataFrame:
    rows = []
    for name, m in maps(which).items():
        for lay, make in [("netmap (force, default)", lambda m=m: layout(m, kind="force")),
                          ("netmap auto (report)", lambda m=m: layout(m, kind="auto")),
                          *peers(m).items()]:
            start = time.perf_counter()
            pos = make()
            seconds = time.perf_counter() - start
            drawn = "force" if lay.startswith("netmap (force") else pos
            if lay.startswith("netmap auto"):
                drawn = pos.attrs.get("kind", "force")
            rows.append({"map": name, "layout": lay, "seconds": round(seconds, 2),
                         **score(m, drawn)})
            print(rows[-1], flush=True)
    return pd.DataFrame(rows)


def verdict(table: pd.DataFrame) -> list[str]:
    lines = []
    for name, part in table.groupby("map", sort=False):
        mine = part[part["layout"].str.startswith("netmap (force")].iloc[0]
        peer = part[~part["layout"].str.startswith("netmap")]
        checks = {
            "label overlaps": mine["label_overlaps"] <= peer["label_overlaps"].min(),
            "node overlaps": mine["node_overlaps"] <= peer["node_overlaps"].min(),
            "panel share": mine["panel"] >= peer["panel"].max() - 1e-9,
            "crossings": mine["crossings"] <= 1.1 * peer["crossings"].min(),
            "silhouette": mine["silhouette"] >= peer["silhouette"].max() - 0.1,
        }
        failed = [k for k, ok in checks.items() if not ok]
        lines.append(f"{name}: " + ("meets every target" if not failed
                                   else "misses: " + ", ".join(failed)))
    return lines


def auto_sweep() -> None:
    print("\nshare of ties within a sector and silhouette by sector of the force layout "
          "(synthetic maps, seeds 1 and 2); kind='auto' skips the force layout below "
          f"a share of {SECTOR_BELOW}")
    for n, ties in ((60, 150), (200, 500), (500, 1500)):
        for h in (0.5, 0.75, 0.8, 0.85, 0.9, 0.95, 0.98):
            for seed in (1, 2):
                m = netmap.datasets.synthetic(n, ties, homophily=h, seed=seed, bodies=False)
                a = m.arrays
                force = layout(m, kind="force")
                score = silhouette(force[["x", "y"]].to_numpy(), a.sector)
                start = time.perf_counter()
                pos = layout(m, kind="auto")
                seconds = time.perf_counter() - start
                print(f"{n} actors, homophily {h:.2f}, seed {seed}: within "
                      f"{within_share(a.sector, a.source, a.target):.3f}, silhouette "
                      f"{score:.3f} -> {pos.attrs['kind']} ({seconds:.2f} s)", flush=True)


def scale(n: int, ties: int) -> None:
    start = time.perf_counter()
    m = netmap.datasets.synthetic(n, ties, seed=1)
    m.arrays  # noqa: B018
    print(f"\nsynthetic map of {n:,} actors / {ties:,} ties made in "
          f"{time.perf_counter() - start:.1f} s")
    start = time.perf_counter()
    layout(m, kind="force")
    print(f"netmap force layout: {time.perf_counter() - start:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--maps", default="2x5,500,2000")
    parser.add_argument("--scale", default=None, help="N,TIES: time the layout at that size")
    parser.add_argument("--auto", action="store_true")
    args = parser.parse_args()
    if args.maps:
        table = run_maps(args.maps.split(","))
        with pd.option_context("display.width", 200, "display.max_columns", 20):
            print(table.to_string(index=False, float_format=lambda v: f"{v:.3f}"))
        print("\n".join(verdict(table)))
    if args.auto:
        auto_sweep()
    if args.scale:
        n, ties = (int(v) for v in args.scale.split(","))
        scale(n, ties)


if __name__ == "__main__":
    main()
