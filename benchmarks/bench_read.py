"""Reading a large map from CSV: netmap against pandas + networkx and bare pyarrow.

netmap reads and validates every cell (sectors, ids, tie types, waves,
duplicates, invisible characters ...) and builds the map; the peer only
parses the files (``pandas.read_csv(engine="pyarrow")``) and builds a
networkx graph, checking nothing; the floor is pyarrow's own CSV read of
the two files, which is what netmap's fast path starts from (also shown:
the same read with every column as text, as netmap's fast path parses
them; the default read takes the wave and weight columns as whole
numbers, which costs less than their text). Times are
the best of ``--repeat`` runs in this one process, the sides taking turns
(wall clock, and processor time of all threads); peak memory is the peak
resident size of a fresh process doing one read (imports included).
Without pyarrow (the ``fast`` extra) netmap reads by its strict path and
the two pyarrow sides are left out.

Usage: python benchmarks/bench_read.py [--actors 100000] [--ties 1000000] [--repeat 3]
       [--strict]   (netmap's strict path too, for comparison)
       [--excel]    (only the workbook of the same map, written once by openpyxl
                     and kept in CACHE: netmap.read_excel by its fast path,
                     pandas.read_excel with the calamine engine + networkx, and
                     python-calamine's bare read)
       [--excel --slow] (also netmap.read_excel by openpyxl only, pandas.read_excel
                     with its default openpyxl engine + networkx, and openpyxl's
                     bare read-only iteration: minutes each at 1M ties)
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import tempfile
import time
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
    """netmap.read_csv: read and validate (the map's arrays are built when asked)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", netmap.DataWarning)
        return netmap.read_csv(folder)


def run_netmap_adjacency(folder: Path):
    """netmap.read_csv, then the sparse adjacency (as the peer builds its graph)."""
    m = run_netmap(folder)
    m.arrays.adjacency()
    return m


def run_strict(folder: Path):
    """netmap.read_csv by the strict path only (the fast path turned off)."""
    from netmap.io import _fastcsv

    floor = _fastcsv.MIN_BYTES
    _fastcsv.MIN_BYTES = 1 << 62
    try:
        return run_netmap(folder)
    finally:
        _fastcsv.MIN_BYTES = floor


def run_peer(folder: Path):
    """pandas.read_csv with the pyarrow engine, then networkx.from_pandas_edgelist."""
    actors = pd.read_csv(folder / "actors.csv", engine="pyarrow", dtype=str)
    ties = pd.read_csv(folder / "ties.csv", engine="pyarrow",
                       dtype={"source": str, "target": str})
    G = nx.from_pandas_edgelist(ties, "source", "target", edge_attr=True)
    G.add_nodes_from(actors["id"])
    return G


def run_pyarrow(folder: Path):
    """The floor: pyarrow's CSV read of the two files, nothing checked or built."""
    import pyarrow.csv as pcsv

    return pcsv.read_csv(folder / "actors.csv"), pcsv.read_csv(folder / "ties.csv")


def run_pyarrow_text(folder: Path):
    """pyarrow's CSV read of the two files with every column as text, as netmap parses them.

    The default read (:func:`run_pyarrow`) infers whole numbers for the
    wave and weight columns, which is cheaper than keeping their text;
    netmap keeps every cell's text to check it exactly.
    """
    import pyarrow as pa
    import pyarrow.csv as pcsv

    def read(path: Path):
        with path.open(encoding="utf-8-sig") as f:
            names = f.readline().rstrip("\r\n").split(",")
        return pcsv.read_csv(path, convert_options=pcsv.ConvertOptions(
            column_types=dict.fromkeys(names, pa.large_string()), null_values=[],
            strings_can_be_null=False))

    return read(folder / "actors.csv"), read(folder / "ties.csv")


def make_workbook(folder: Path, path: Path | None = None) -> Path:
    """The CSV folder's two tables as sheets of one workbook (openpyxl, write-only)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    for table in ("actors", "ties"):
        sheet = book.create_sheet(table)
        frame = pd.read_csv(folder / f"{table}.csv", dtype=str, keep_default_na=False)
        sheet.append(list(frame.columns))
        for row in frame.itertuples(index=False):
            sheet.append([int(c) if c.isdigit() else c for c in row])
    path = path or folder / "map.xlsx"
    book.save(path)
    return path


#: Where the benchmark keeps the workbooks it wrote, keyed by size and seed:
#: openpyxl takes minutes to write the 100k / 1M one, which is written once.
CACHE = Path(tempfile.gettempdir()) / "netmap-bench-workbooks"


def cached_workbook(n_actors: int, n_ties: int, seed: int = 1) -> tuple[Path, float]:
    """The benchmark's workbook of this size and seed, and the seconds spent writing it.

    Written once by :func:`make_workbook` (0 seconds when it was found in
    :data:`CACHE`); its name holds the size, the seed and a version of the
    generator, so a changed generator writes a new one.
    """
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"map-{n_actors}-{n_ties}-seed{seed}-v1.xlsx"
    if path.exists():
        return path, 0.0
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        make_files(Path(tmp), n_actors, n_ties, seed)
        part = path.with_suffix(f".{os.getpid()}.part")
        make_workbook(Path(tmp), part)
        part.replace(path)  # whole, or not at all
    return path, time.perf_counter() - start


def run_excel(path: Path):
    """netmap.read_excel of the same map as a workbook (fast path: python-calamine)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", netmap.DataWarning)
        return netmap.read_excel(path)


def run_excel_openpyxl(path: Path):
    """netmap.read_excel by openpyxl only (the fast path turned off)."""
    from netmap.io import _fastxlsx

    available = _fastxlsx.available
    _fastxlsx.available = lambda: False
    try:
        return run_excel(path)
    finally:
        _fastxlsx.available = available


def _graph(actors: pd.DataFrame, ties: pd.DataFrame):
    G = nx.from_pandas_edgelist(ties, "source", "target", edge_attr=True)
    G.add_nodes_from(actors["id"])
    return G


def run_pandas_excel(path: Path, engine: str = "openpyxl"):
    """pandas.read_excel of both sheets, then networkx.from_pandas_edgelist."""
    sheets = pd.read_excel(path, sheet_name=["actors", "ties"], engine=engine,
                           dtype={"id": str, "source": str, "target": str})
    return _graph(sheets["actors"], sheets["ties"])


def run_pandas_calamine(path: Path):
    """pandas.read_excel with the calamine engine, then networkx."""
    return run_pandas_excel(path, engine="calamine")


def run_calamine(path: Path):
    """The workbook's floor: python-calamine's read of both sheets, nothing checked."""
    from python_calamine import CalamineWorkbook

    with CalamineWorkbook.from_path(str(path)) as book:
        return [book.get_sheet_by_name(n).to_python() for n in book.sheet_names]


def run_openpyxl(path: Path):
    """openpyxl's read-only iteration over every cell (what pandas' default engine does)."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=True)
    rows = [list(sheet.iter_rows(values_only=True)) for sheet in book.worksheets]
    book.close()
    return rows


SIDES = {"netmap.read_csv": run_netmap,
         "netmap.read_csv + adjacency": run_netmap_adjacency,
         "netmap, strict path only": run_strict,
         "pandas(pyarrow) + networkx": run_peer,
         "bare pyarrow.csv.read_csv": run_pyarrow,
         "bare pyarrow, all as text": run_pyarrow_text}
CSV_SIDES = list(SIDES)

#: The workbook's sides (``--excel``).
EXCEL_SIDES = {"netmap.read_excel (calamine)": run_excel,
               "netmap.read_excel, openpyxl only": run_excel_openpyxl,
               "pandas(openpyxl) + networkx": run_pandas_excel,
               "pandas(calamine) + networkx": run_pandas_calamine,
               "bare python-calamine read": run_calamine,
               "bare openpyxl read-only": run_openpyxl}
SIDES.update(EXCEL_SIDES)


def best_of(sides: list[str], folder: Path, repeat: int) -> dict[str, tuple[float, float]]:
    """Each side's best wall and processor seconds, the sides taking turns.

    Taking turns gives every side the same share of a busy machine.
    """
    best = {s: (float("inf"), float("inf")) for s in sides}
    for _ in range(repeat):
        for s in sides:
            wall, cpu = time.perf_counter(), time.process_time()
            SIDES[s](folder)
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            best[s] = (min(best[s][0], wall), min(best[s][1], cpu))
    return best


def _peak_child(name: str, folder: str, queue) -> None:
    SIDES[name](Path(folder))
    # The high-water mark of this process's memory (a fresh one: spawned).
    status = Path("/proc/self/status").read_text()
    queue.put(int(next(line.split()[1] for line in status.splitlines()
                        if line.startswith("VmHWM:"))) * 1024)


def peak_memory(name: str, folder: Path) -> float:
    """Peak resident bytes of a fresh process that does one read."""
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    child = ctx.Process(target=_peak_child, args=(name, str(folder), queue))
    child.start()
    peak = queue.get()
    child.join()
    return peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--actors", type=int, default=100_000)
    parser.add_argument("--ties", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--strict", action="store_true",
                        help="also time netmap's strict path (slow)")
    parser.add_argument("--excel", action="store_true",
                        help="only the workbook: netmap.read_excel, pandas.read_excel, calamine")
    parser.add_argument("--slow", action="store_true",
                        help="with --excel: also the openpyxl sides (minutes at 1M ties)")
    args = parser.parse_args()
    if args.excel:
        excel(args)
        return
    from netmap.io._fastcsv import available

    sides = [s for s in CSV_SIDES if args.strict or s != "netmap, strict path only"]
    if not available():
        print("pyarrow is not installed: netmap reads by its strict path; "
              "no pyarrow sides")
        sides = [s for s in sides if "pyarrow" not in s]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        make_files(folder, args.actors, args.ties)
        m = run_netmap(folder)
        print(f"map: {m.n_actors} actors, {m.n_ties} ties "
              f"(python {sys.version.split()[0]}, pandas {pd.__version__})")
        best = best_of(sides, folder, args.repeat)
        times = {s: best[s][0] for s in sides}
        peaks = {s: peak_memory(s, folder) for s in sides}
    print(f"{'':32}{'seconds':>10}{'cpu s':>10}{'peak MB':>10}")
    for s in sides:
        print(f"{s:32}{times[s]:10.2f}{best[s][1]:10.2f}{peaks[s] / 2**20:10.0f}")
    ours, ours_adj = times["netmap.read_csv"], times["netmap.read_csv + adjacency"]
    if "pandas(pyarrow) + networkx" in times:
        peer, floor = times["pandas(pyarrow) + networkx"], times["bare pyarrow.csv.read_csv"]
        print(f"pandas(pyarrow) + networkx / netmap.read_csv: {peer / ours:.1f}x "
              f"(with adjacency: {peer / ours_adj:.1f}x)")
        print(f"netmap.read_csv / bare pyarrow: {ours / floor:.1f}x "
              f"(with adjacency: {ours_adj / floor:.1f}x)")
        cpu_floor = best["bare pyarrow.csv.read_csv"][1]
        print(f"in processor time: {best['netmap.read_csv'][1] / cpu_floor:.1f}x (with "
              f"adjacency: {best['netmap.read_csv + adjacency'][1] / cpu_floor:.1f}x)")
        text = times["bare pyarrow, all as text"]
        print(f"netmap.read_csv / bare pyarrow reading every column as text: "
              f"{ours / text:.1f}x (that read / the default one: {text / floor:.2f})")
        print("load average (1, 5, 15 min) at the end: "
              + ", ".join(f"{x:.2f}" for x in os.getloadavg()))

def excel(args) -> None:
    """The same map as a workbook: netmap.read_excel both ways, pandas both engines, calamine."""
    from netmap.io._fastxlsx import available

    path, seconds = cached_workbook(args.actors, args.ties)
    print(f"workbook {path} ({path.stat().st_size / 2**20:.0f} MB): "
          + (f"written in {seconds:.0f} s" if seconds else "cached"))
    sides = [s for s in EXCEL_SIDES if args.slow or "openpyxl" not in s]
    if not available():
        print("python-calamine is not installed: netmap reads by openpyxl; no calamine sides")
        sides = [s for s in sides if "calamine" not in s]
    best = best_of(sides, path, args.repeat)
    peaks = {s: peak_memory(s, path) for s in sides}
    print(f"{'':34}{'seconds':>10}{'cpu s':>10}{'peak MB':>10}")
    for s in sides:
        print(f"{s:34}{best[s][0]:10.2f}{best[s][1]:10.2f}{peaks[s] / 2**20:10.0f}")
    times = {s: best[s][0] for s in sides}
    ours = times.get("netmap.read_excel (calamine)")
    for peer in ("pandas(openpyxl) + networkx", "pandas(calamine) + networkx",
                 "netmap.read_excel, openpyxl only"):
        if ours and peer in times:
            print(f"{peer} / netmap.read_excel: {times[peer] / ours:.1f}x")
    if ours and "bare python-calamine read" in times:
        print(f"netmap.read_excel / bare python-calamine: "
              f"{ours / times['bare python-calamine read']:.1f}x")


if __name__ == "__main__":
    main()
