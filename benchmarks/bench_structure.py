"""Structure tables at scale: netmap against networkx, brute force and the slow reference.

Builds random maps (eight sectors, distinct ties between distinct actors,
a share ``--homophily`` of them drawn inside the source's sector, ties in
the order of their two ends), then times in one run, checking the results
agree wherever netmap and the peer compute the same thing:

- ``pair_two_paths`` (open two-paths per broker by pair of sectors) against
  the slow reference of tests/reference_pairs.py on a small directed map;
  at --actors / --ties (directed) netmap alone, with the ratio to
  ``brokerage(m)``, which counts the same paths by role;
- ``roll_up(m, to="sector")`` against networkx's ``quotient_graph`` (blocks:
  the sectors) on ``m.to_networkx()``; its tie totals are checked against
  the quotient's edge weights and block edge counts;
- ``communities(m, seed=1)`` against igraph's own ``community_multilevel``
  on the same undirected graph (built outside its timing, its random
  generator seeded as netmap seeds it), checked to agree in modularity
  within 1%: the ratio is netmap's overhead (building the graph, the
  table); and against networkx's ``louvain_communities`` (netmap's engine
  without igraph) up to 20,000 actors;
- ``sector_cut_points`` against brute force in networkx (take each actor
  out, recompute the components, compare the pairs of sectors joined) on
  --cut-maps sparse undirected maps of --cut-actors / --cut-ties, with
  three sectors of about 8, 5 and 3 actors and 95% of ties inside
  sectors (random maps whose sectors all hold tens of actors have few or
  no cut-points);
  netmap alone on the large map and on a map built like the sparse ones
  with --actors (ties scaled alike), where the candidates (articulation
  points) are many;
- ``under_connected(m, permutations, seed=1)`` alone, with the ratio to
  ``ei_index(m, permutations=..., seed=1)``, which also permutes the labels;
- ``single_sector_clusters`` alone (as is, and with ``split=True``).

Peers' graphs are built outside their timings (``to_networkx`` is printed
apart); netmap's calls reuse the map's arrays, built before. Calls that
take seconds (communities, Louvain, brute force, cut-points on the sparse
large map, under_connected, the split clusters) run once; the others
best of --repeat.

Usage: python benchmarks/bench_structure.py [--actors 10000] [--ties 100000]
       [--homophily 0.7] [--permutations 999] [--repeat 3]
       [--small-actors 150] [--small-ties 1500] [--cut-actors 1000]
       [--cut-ties 1500] [--cut-maps 2]
"""

from __future__ import annotations

import argparse
import itertools
import sys
import time
import warnings
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd

import netmap
from netmap.structure.backbone import pair_two_paths

ROOT = Path(__file__).resolve().parents[1]
SECTORS = np.array(["public", "business", "third", "academia", "philanthropy",
                    "social_business", "community", "other"])
#: The cut-point maps: three sectors of about 8, 5 and 3 actors whatever the map's
#: size, ties nearly all inside sectors, so that single actors can hold sectors on.
SMALL_SECTORS = (8, 5, 3)
CUT_HOMOPHILY = 0.95


def cut_shares(n_actors: int) -> np.ndarray:
    small = np.array(SMALL_SECTORS) / n_actors
    return np.concatenate([np.array([0.35, 0.25, 0.2, 0.1, 0.1]) * (1 - small.sum()), small])


def random_map(n_actors: int, n_ties: int, *, directed: bool, homophily: float = 0.0,
               shares=None, seed: int = 1):
    """A map with ``n_ties`` distinct ties between distinct actors, sorted by their ends.

    Each tie's source is drawn uniformly; its target is drawn from the
    source's sector with probability ``homophily``, else uniformly.
    """
    rng = np.random.default_rng(seed)
    code = rng.choice(len(SECTORS), n_actors, p=shares)
    members = [np.flatnonzero(code == c) for c in range(len(SECTORS))]
    keys = np.empty(0, dtype=np.int64)
    while len(keys) < n_ties:
        k = 2 * (n_ties - len(keys))
        s = rng.integers(0, n_actors, k)
        t = rng.integers(0, n_actors, k)
        inside = rng.random(k) < homophily
        for c, idx in enumerate(members):
            pick = inside & (code[s] == c)
            t[pick] = idx[rng.integers(0, len(idx), int(pick.sum()))]
        ok = s != t
        s, t = s[ok], t[ok]
        if not directed:
            s, t = np.minimum(s, t), np.maximum(s, t)
        keys = np.concatenate([keys, s * n_actors + t])
        keys = keys[np.sort(np.unique(keys, return_index=True)[1])]  # first draws kept
    keys = np.sort(keys[:n_ties])
    ids = np.array([f"a{i}" for i in range(n_actors)], dtype=object)
    actors = pd.DataFrame({"id": ids, "sector": SECTORS[code]})
    ties = pd.DataFrame({"source": ids[keys // n_actors], "target": ids[keys % n_actors]})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", netmap.DataWarning)
        m = netmap.from_frames(actors, ties, directed=directed)
    assert m.n_actors == n_actors
    assert m.n_ties == n_ties
    m.arrays.adjacency()
    return m


def best_of(fn, repeat: int):
    """Shortest time of ``repeat`` calls, and the last call's result."""
    best = np.inf
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def labels_of(m) -> list:
    """The groups in netmap's order (that of the mixing matrix)."""
    return list(netmap.mixing_matrix(m).index)


# -- pair_two_paths ---------------------------------------------------------------

def small_pairs(n_actors: int, n_ties: int, homophily: float, repeat: int):
    sys.path.insert(0, str(ROOT / "tests"))
    from reference_pairs import reference_pair_two_paths

    m = random_map(n_actors, n_ties, directed=True, homophily=homophily, seed=2)
    ids = list(m.actors.index)
    labels = labels_of(m)
    codes = [labels.index(s) for s in m.actors["sector"].astype(str)]
    edges = list(zip(m.ties["source"], m.ties["target"], strict=True))
    slow, ref = best_of(lambda: reference_pair_two_paths(ids, codes, edges, True), 1)
    fast, ours = best_of(lambda: pair_two_paths(m), repeat)
    assert np.array_equal(ours, ref), "pair_two_paths differs from the reference"
    return (f"pair_two_paths ({n_actors}/{n_ties})", fast, "reference", slow)


def check_pairs_against_brokerage(paths: np.ndarray, roles: pd.DataFrame) -> None:
    within = np.einsum("jaa->j", paths)
    cross = paths.sum(axis=(1, 2)) - within
    assert np.array_equal(cross, roles[["representative", "gatekeeper",
                                        "liaison"]].sum(axis=1).to_numpy())
    assert np.array_equal(within, roles[["coordinator", "itinerant"]].sum(axis=1).to_numpy())


# -- roll_up ----------------------------------------------------------------------

def check_roll_up(m, up, Q) -> None:
    """Quotient graph of a DiGraph: weight (b, c) counts the edges b -> c and c -> b."""
    ties = up.ties.groupby(["source", "target"], observed=True)["n_ties"].sum()
    assert ties.sum() == m.n_ties
    sector_of = {block: m.actors.loc[next(iter(block)), "sector"] for block in Q}
    for block, data in Q.nodes(data=True):
        s = sector_of[block]
        assert data["nnodes"] == up.actors.loc[s, "n_merged"]
        assert data["nedges"] == ties.get((s, s), 0)
    seen = 0
    for b, c, data in Q.edges(data=True):
        s, t = sector_of[b], sector_of[c]
        assert data["weight"] == ties.get((s, t), 0) + ties.get((t, s), 0), (s, t)
        seen += 1
    assert seen == sum(1 for s, t in ties.index if s != t)


# -- communities ------------------------------------------------------------------

def louvain_seed(seed: int) -> int:
    """The Louvain seed that ``netmap.communities(m, seed=seed)`` draws."""
    return int(np.random.default_rng(seed).integers(2**31 - 1))


def igraph_multilevel(m, seed: int) -> tuple[float, float]:
    """Seconds of igraph's community_multilevel alone on the map, and its modularity."""
    import random

    import igraph as ig

    arr = m.arrays
    keep = arr.source != arr.target
    a, b = arr.source[keep], arr.target[keep]
    pairs = np.unique(np.minimum(a, b).astype(np.int64) * m.n_actors + np.maximum(a, b))
    graph = ig.Graph(n=m.n_actors, edges=list(zip((pairs // m.n_actors).tolist(),
                                                  (pairs % m.n_actors).tolist(), strict=True)))
    ig.set_random_number_generator(random.Random(seed))
    try:
        start = time.perf_counter()
        clusters = graph.community_multilevel()
        seconds = time.perf_counter() - start
    finally:
        ig.set_random_number_generator(random)
    return seconds, clusters.modularity


# -- sector_cut_points ------------------------------------------------------------

def joined_pairs(G, sector) -> set:
    """Unordered pairs of sectors joined by some path in G."""
    pairs = set()
    for component in nx.connected_components(G):
        present = sorted({sector[v] for v in component})
        pairs.update(frozenset(p) for p in itertools.combinations(present, 2))
    return pairs


def brute_force_cut_points(G) -> dict:
    """Actor -> (pairs of sectors that lose every path, sectors cut off) without it."""
    sector = nx.get_node_attributes(G, "sector")
    size = pd.Series(sector).value_counts().to_dict()
    before = joined_pairs(G, sector)
    linked_before = set().union(*before) if before else set()
    out = {}
    for v in list(G):
        edges = list(G.edges(v))
        G.remove_node(v)
        after = joined_pairs(G, sector)
        G.add_node(v, sector=sector[v])
        G.add_edges_from(edges)
        gone = {sector[v]} if size[sector[v]] == 1 else set()
        lost = {p for p in before - after if not p & gone}
        if lost:
            linked_after = set().union(*after) if after else set()
            out[v] = (lost, (linked_before - linked_after) - gone)
    return out


def check_cut_points(ours: pd.DataFrame, brute: dict) -> None:
    assert set(ours.index) == set(brute), "cut-points differ from brute force"
    for v, (lost, cut_off) in brute.items():
        assert set(map(frozenset, ours.loc[v, "pairs"])) == lost, v
        assert ours.loc[v, "pairs_cut"] == len(lost), v
        assert set(ours.loc[v, "groups_cut_off"]) == cut_off, v


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=10_000)
    parser.add_argument("--ties", type=int, default=100_000)
    parser.add_argument("--homophily", type=float, default=0.7,
                        help="share of ties drawn inside the source's sector")
    parser.add_argument("--permutations", type=int, default=999)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--small-actors", type=int, default=150)
    parser.add_argument("--small-ties", type=int, default=1_500)
    parser.add_argument("--cut-actors", type=int, default=1_000)
    parser.add_argument("--cut-ties", type=int, default=1_500)
    parser.add_argument("--cut-maps", type=int, default=2,
                        help="cut-point maps checked against brute force (seeds 1, 2, ...)")
    args = parser.parse_args()
    rep = args.repeat

    start = time.perf_counter()
    m = random_map(args.actors, args.ties, directed=True, homophily=args.homophily)
    ei = netmap.ei_index(m)
    print(f"map: {m.n_actors:,} actors, {m.n_ties:,} ties (directed), homophily "
          f"{args.homophily}, E-I {ei.loc['network', 'ei']:.3f} "
          f"(built in {time.perf_counter() - start:.1f} s)")
    peers = []   # (measure, netmap s, peer, peer s)
    alone = []   # (measure, netmap s, compared with, its s)

    # pair_two_paths
    peers.append(small_pairs(args.small_actors, args.small_ties, args.homophily, rep))
    ours, paths = best_of(lambda: pair_two_paths(m), rep)
    theirs, roles = best_of(lambda: netmap.brokerage(m), rep)
    check_pairs_against_brokerage(paths, roles)
    alone.append(("pair_two_paths", ours, "brokerage(m)", theirs))

    # roll_up
    to_nx, G = best_of(m.to_networkx, 1)
    blocks = [set(ids) for _, ids in m.actors.groupby("sector", observed=True).groups.items()]
    ours, up = best_of(lambda: m.roll_up(to="sector"), rep)
    theirs, Q = best_of(lambda: nx.quotient_graph(G, blocks), rep)
    check_roll_up(m, up, Q)
    peers.append(("roll_up(m, to='sector')", ours, "quotient_graph", theirs))

    # communities, on an undirected map
    u = random_map(args.actors, args.ties, directed=False, homophily=args.homophily)
    U = u.to_networkx()
    import igraph  # noqa: F401  (its first import, about 2.5 s with matplotlib, is not timed)

    ours, table = best_of(lambda: netmap.communities(u, seed=1), 1)
    theirs, quality = igraph_multilevel(u, louvain_seed(1))
    assert abs(table.attrs["modularity"] - quality) <= 0.01 * abs(quality), \
        "communities' modularity is not within 1% of igraph's own call"
    peers.append(("communities (undirected)", ours, "igraph multilevel", theirs))
    if args.actors <= 20_000:
        theirs, _ = best_of(lambda: nx.community.louvain_communities(
            U, seed=louvain_seed(1)), 1)
        peers.append(("communities (undirected)", ours, "nx louvain", theirs))

    # sector_cut_points
    n_cuts = []
    for seed in range(1, args.cut_maps + 1):
        c = random_map(args.cut_actors, args.cut_ties, directed=False,
                       homophily=CUT_HOMOPHILY, shares=cut_shares(args.cut_actors),
                       seed=seed)
        ours, cuts = best_of(lambda c=c: netmap.sector_cut_points(c), rep)
        C = c.to_networkx()
        theirs, brute = best_of(lambda C=C: brute_force_cut_points(C), 1)
        check_cut_points(cuts, brute)
        n_cuts.append(len(cuts))
        peers.append((f"sector_cut_points ({args.cut_actors}/{args.cut_ties}, #{seed})",
                      ours, "brute force", theirs))
    ours, large_cuts = best_of(lambda: netmap.sector_cut_points(m), rep)
    alone.append(("sector_cut_points", ours, "", np.nan))
    sparse_ties = round(args.cut_ties * args.actors / args.cut_actors)
    s = random_map(args.actors, sparse_ties, directed=False, homophily=CUT_HOMOPHILY,
                   shares=cut_shares(args.actors))
    ours, sparse_cuts = best_of(lambda: netmap.sector_cut_points(s), 1)
    alone.append((f"sector_cut_points (sparse {args.actors}/{sparse_ties})", ours, "", np.nan))

    # under_connected
    ours, gaps = best_of(lambda: netmap.under_connected(
        m, permutations=args.permutations, seed=1), 1)
    theirs, ei_perm = best_of(lambda: netmap.ei_index(
        m, permutations=args.permutations, seed=1), rep)
    mixing = netmap.mixing_matrix(m)
    for (a, b), observed in gaps["observed"].items():
        assert observed == mixing.loc[a, b], (a, b)
    assert gaps["observed"].sum() == ei.loc["network", "external"]
    alone.append((f"under_connected ({args.permutations})", ours,
                  f"ei_index ({args.permutations})", theirs))

    # single_sector_clusters
    ours, clusters = best_of(lambda: netmap.single_sector_clusters(m), rep)
    sector = m.actors["sector"].astype(str)
    for row in clusters.itertuples():
        assert set(sector.loc[list(row.members)]) == {row.sector}
    alone.append(("single_sector_clusters", ours, "", np.nan))
    ours, split = best_of(lambda: netmap.single_sector_clusters(m, split=True, seed=1), 1)
    alone.append(("single_sector_clusters(split)", ours, "", np.nan))

    print(f"{'measure':40}{'netmap s':>10}  {'peer':16}{'peer s':>9}{'ratio':>8}")
    for name, a, peer_name, b in peers:
        print(f"{name:40}{a:10.3f}  {peer_name:16}{b:9.3f}{b / a:8.1f}x")
    print(f"(ratio: peer / netmap; peers' graphs built apart: to_networkx of the "
          f"large map {to_nx:.2f} s)")
    print(f"\n{'netmap alone, large map':40}{'netmap s':>10}  {'compared with':16}"
          f"{'its s':>9}{'ratio':>8}")
    for name, a, other, b in alone:
        tail = f"{other:16}{b:9.3f}{a / b:8.1f}x" if other else ""
        print(f"{name:40}{a:10.3f}  {tail}")
    print("(ratio: netmap measure / the netmap call it is compared with)")

    print("\nresults, all checked as described above:")
    print(f"- pair_two_paths equal to the reference; its row sums equal brokerage's roles "
          f"({int(paths.sum()):,} open two-paths)")
    print(f"- roll-up: {up.n_actors} sectors, {up.n_ties} ties, equal to the quotient "
          f"graph's weights and block edge counts")
    print(f"- communities: {len(table)} (modularity {table.attrs['modularity']:.4f}), "
          f"the same as networkx's")
    print(f"- cut-points: {', '.join(map(str, n_cuts))} on the {args.cut_actors}-actor "
          f"map(s), equal to brute force; {len(large_cuts)} on the large map; "
          f"{len(sparse_cuts)} on the sparse {args.actors}-actor map")
    print(f"- under-connected pairs: {int(gaps['under_connected'].sum())} of {len(gaps)}; "
          f"observed ties equal the mixing matrix; E-I perm mean "
          f"{ei_perm.loc['network', 'perm_mean']:.4f}")
    print(f"- single-sector clusters: {len(clusters)} (sizes "
          f"{', '.join(map(str, clusters['size']))}); with split: {len(split)}")


if __name__ == "__main__":
    main()
