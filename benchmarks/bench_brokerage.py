"""Gould-Fernandez brokerage: netmap against sna (through Rscript) and the slow reference.

Builds a random directed map (sectors drawn at random from eight, ties
between random distinct actors, no duplicates), then times in one run:

- netmap: ``brokerage(m, stat="z")`` (counts, expected values, sds and
  z-scores per actor), and everything sna returns (the four per-actor
  statistics and ``brokerage_summary``), on the map's arrays once built;
- ``sna::brokerage`` on the same edge list and classes, through Rscript
  (skipped when R or sna is missing, or with --skip-r), checked to give the
  same whole-network counts;
- the slow reference of tests/reference_brokerage.py on a small map, with
  netmap on the same small map;
- where netmap's time goes on the random map, step by step (CPU seconds);
- on that random map and on a hub-heavy ``netmap.datasets.synthetic`` map
  (--hub-actors, --hub-ties; undirected and directed): everything, counted
  from scratch, against the bare sparse product ``A @ A`` (every two-path,
  the floor of the old algorithm), with the ratio of CPU seconds (both
  sides timed alternately, the best of ``--repeat`` kept).

netmap keeps the counts with the map, so every timing of netmap here first
forgets them (``fresh``): the times are of counting, not of the cache.

The triangles' masked product runs in SuiteSparse:GraphBLAS when
suitesparse-graphblas is installed (the ``fast`` extra), else in scipy; the
first line says which. ``--scipy`` hides suitesparse-graphblas, to time the
fallback on the same machine.

Usage: python benchmarks/bench_brokerage.py [--actors 40000] [--ties 400000]
       [--repeat 3] [--small-actors 2000] [--small-ties 20000] [--skip-r]
       [--hub-actors 100000] [--hub-ties 1000000] [--scipy]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
import tracemalloc
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

import netmap
from netmap.measures.brokerage import brokerage, brokerage_summary

try:
    import resource as rusage
except ImportError:  # not on Windows
    rusage = None

ROOT = Path(__file__).resolve().parents[1]
SECTORS = np.array(["public", "business", "third", "academia", "philanthropy",
                    "social_business", "community", "other"])

R_SCRIPT = r"""
suppressPackageStartupMessages(library(sna))
args <- commandArgs(trailingOnly = TRUE)
ties <- read.csv(args[1])
actors <- read.csv(args[2], stringsAsFactors = FALSE)
el <- cbind(ties$source, ties$target, 1)
attr(el, "n") <- nrow(actors)
elapsed <- system.time(b <- brokerage(el, actors$sector))[["elapsed"]]
cat(elapsed, b$raw.gli, "\n")
"""


def random_map(n_actors: int, n_ties: int, seed: int = 1):
    """A directed map with ``n_ties`` distinct ties between distinct random actors."""
    rng = np.random.default_rng(seed)
    sector = SECTORS[rng.integers(0, len(SECTORS), n_actors)]
    pairs = np.empty(0, dtype=np.int64)
    while len(pairs) < n_ties:
        s = rng.integers(0, n_actors, 2 * n_ties - len(pairs))
        t = rng.integers(0, n_actors, len(s))
        keys = (s * n_actors + t)[s != t]
        pairs = np.unique(np.concatenate([pairs, keys]))
    pairs = rng.permutation(pairs)[:n_ties]
    source, target = pairs // n_actors, pairs % n_actors
    ids = np.array([f"a{i}" for i in range(n_actors)], dtype=object)
    actors = pd.DataFrame({"id": ids, "sector": sector})
    ties = pd.DataFrame({"source": ids[source], "target": ids[target]})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", netmap.DataWarning)
        m = netmap.from_frames(actors, ties, directed=True)
    return m, source, target, sector


def fresh(m):
    """Forget the counts kept with the map (not its adjacency): the next call counts."""
    for key in [k for k in m.arrays._cache if isinstance(k, tuple)]:
        del m.arrays._cache[key]
    return m


def everything(m):
    """All that sna::brokerage returns, counted from scratch: four tables and the summary."""
    fresh(m)
    return ([brokerage(m, stat=s) for s in ("raw", "expected", "sd", "z")],
            brokerage_summary(m))


def against_product(m, label: str, repeat: int) -> None:
    """Everything, counted from scratch, against the bare ``A @ A`` on the same map.

    Both sides are timed alternately, ``repeat`` times each, and the best
    wall-clock and best CPU seconds kept; the ratio is of CPU seconds,
    which move less with the load of a shared machine.
    """
    from netmap.measures.brokerage import _binary_adjacency

    m.arrays.adjacency()
    adj, _ = _binary_adjacency(m)
    ours, product = [], []
    for _ in range(repeat):
        ours.append(timed(lambda: everything(m)))
        product.append(timed(lambda: adj @ adj))
    (wall, cpu), (p_wall, p_cpu) = np.min(ours, axis=0), np.min(product, axis=0)
    print(f"{label:46}{wall:10.2f} (cpu {cpu:.2f})  A @ A {p_wall:.2f} s (cpu {p_cpu:.2f}, "
          f"{(adj @ adj).nnz / 1e6:.0f}M entries), ratio A@A / netmap {p_cpu / cpu:.1f}x (cpu)")


def parts(m, repeat: int) -> None:
    """Where netmap's time goes on ``m``: CPU seconds of each step (best of ``repeat``).

    The steps of one count from scratch, in order; the listing of the
    triangles includes the masked product, and the last line is the four
    tables and the summary once the counts are kept.
    """
    import netmap.measures.brokerage as nb

    def cpu(fn) -> float:
        return min(timed(fn)[1] for _ in range(repeat))

    everything(m)
    adj, _ = nb._binary_adjacency(m)
    pairs = nb._oriented_pairs(adj, m.directed)
    groups = nb._groups(m, "sector")
    steps = [
        ("0/1 adjacency from the map's counts", lambda: nb._make_binary_adjacency(m)),
        ("tied pairs oriented by rank", lambda: nb._oriented_pairs(adj, m.directed)),
        (f"masked product ({product_path()})", lambda: nb._closing_pairs(pairs)),
        ("triangles listed (product included)", lambda: nb._listed_triangles(pairs)),
        ("closure: all three above + six orders", lambda: nb._make_closure(m)),
        ("two-paths by group, roles", lambda: nb._role_counts(m, adj, groups.codes,
                                                                 groups.n_groups)),
        ("four tables + summary, counts kept", lambda: (
            [brokerage(m, stat=s) for s in ("raw", "expected", "sd", "z")],
            brokerage_summary(m))),
        ("the bare A @ A", lambda: adj @ adj),
    ]
    for label, fn in steps:
        print(f"  {label:44}cpu {cpu(fn) * 1000:6.1f} ms")


def product_path() -> str:
    """Which masked product counts the triangles here: SuiteSparse:GraphBLAS or scipy."""
    from netmap.measures import _graphblas

    ssgb = _graphblas.library()
    if ssgb is None:
        return "scipy R @ (R + wI)"
    return f"SuiteSparse:GraphBLAS, suitesparse-graphblas {ssgb.__version__}"


def timed(fn) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one call."""
    start, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - start, time.process_time() - cpu


def best_of(fn, repeat: int) -> float:
    return min(timed(fn)[0] for _ in range(repeat))


def peak_mb(fn) -> float:
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def run_sna(source, target, sector) -> tuple[float, list[float]] | str:
    """Seconds of sna::brokerage alone (R's system.time) and its raw.gli."""
    rscript = shutil.which("Rscript")
    if rscript is None:
        return "Rscript not found"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        pd.DataFrame({"source": source + 1, "target": target + 1}).to_csv(
            folder / "ties.csv", index=False)
        pd.DataFrame({"sector": sector}).to_csv(folder / "actors.csv", index=False)
        (folder / "bench.R").write_text(R_SCRIPT, encoding="utf-8")
        done = subprocess.run([rscript, str(folder / "bench.R"), str(folder / "ties.csv"),
                               str(folder / "actors.csv")], capture_output=True, text=True)
    if done.returncode != 0:
        return f"sna not available ({done.stderr.strip().splitlines()[-1:]})"
    numbers = [float(x) for x in done.stdout.split()]
    return numbers[0], numbers[1:]


def run_reference(n_actors: int, n_ties: int) -> tuple[float, float, int]:
    sys.path.insert(0, str(ROOT / "tests"))
    from reference_brokerage import reference_brokerage

    m, *_ = random_map(n_actors, n_ties, seed=2)
    m.arrays.adjacency()
    start = time.perf_counter()
    ref = reference_brokerage(m)
    slow = time.perf_counter() - start
    fast = best_of(lambda: everything(m), 3)
    ours = brokerage(m, stat="z").drop(columns="group").to_numpy(dtype=float)
    np.testing.assert_allclose(ours, ref["z"].to_numpy(), rtol=1e-12, atol=1e-12)
    return slow, fast, m.n_ties


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=40_000)
    parser.add_argument("--ties", type=int, default=400_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--small-actors", type=int, default=2_000)
    parser.add_argument("--small-ties", type=int, default=20_000)
    parser.add_argument("--skip-r", action="store_true", help="do not run sna")
    parser.add_argument("--hub-actors", type=int, default=100_000)
    parser.add_argument("--hub-ties", type=int, default=1_000_000)
    parser.add_argument("--scipy", action="store_true",
                        help="hide suitesparse-graphblas: time scipy's masked product")
    args = parser.parse_args()
    if args.scipy:
        sys.modules["suitesparse_graphblas"] = None  # type: ignore[assignment]

    m, source, target, sector = random_map(args.actors, args.ties)
    print(f"map: {m.n_actors} actors, {m.n_ties} ties (directed), "
          f"{len(set(sector))} sectors; masked product: {product_path()}")
    start = time.perf_counter()
    brokerage(m, stat="z")
    cold = time.perf_counter() - start  # includes building m.arrays and the adjacency
    z_time = best_of(lambda: brokerage(fresh(m), stat="z"), args.repeat)
    all_time = best_of(lambda: everything(m), args.repeat)
    z_mem = peak_mb(lambda: brokerage(fresh(m), stat="z"))
    counts = brokerage_summary(m)["raw"].to_numpy(dtype=float)

    print(f"{'':46}{'seconds':>10}{'peak MB':>10}")
    print(f"{'netmap brokerage(stat=z), first call':46}{cold:10.2f}")
    print(f"{'netmap brokerage(stat=z)':46}{z_time:10.2f}{z_mem:10.0f}")
    print(f"{'netmap all four stats + summary':46}{all_time:10.2f}")
    sna = "skipped (--skip-r)" if args.skip_r else run_sna(source, target, sector)
    if isinstance(sna, str):
        print(f"{'sna::brokerage':46}{'':>10}  {sna}")
    else:
        sna_time, sna_counts = sna
        same = np.array_equal(np.asarray(sna_counts), counts)
        print(f"{'sna::brokerage (R system.time)':46}{sna_time:10.2f}"
              f"{'':10}  raw.gli {'equal' if same else 'DIFFERENT'}")
        print(f"ratio sna / netmap: {sna_time / z_time:.1f}x (stat=z), "
              f"{sna_time / all_time:.1f}x (everything)")

    against_product(m, "netmap everything, random map above", args.repeat)
    print("where the time goes on that map:")
    parts(m, args.repeat)
    for directed in (False, True):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", netmap.DataWarning)
            hubs = netmap.datasets.synthetic(args.hub_actors, args.hub_ties,
                                             directed=directed, seed=0)
        against_product(hubs, f"netmap everything, synthetic {args.hub_actors // 1000}k/"
                        f"{args.hub_ties // 1000}k{' directed' if directed else ''}",
                        args.repeat)

    if rusage is not None:  # the whole process: the map, its arrays and brokerage
        print(f"process peak RSS: {rusage.getrusage(rusage.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    slow, fast, small_ties = run_reference(args.small_actors, args.small_ties)
    print(f"small map {args.small_actors} actors, {small_ties} ties: reference "
          f"{slow:.2f} s, netmap everything {fast:.3f} s, ratio {slow / fast:.0f}x")


if __name__ == "__main__":
    main()
