"""Fuzzing every reader: random and mutated files, and what came of each.

Each case is either random bytes or a valid file written from the 2x5
sample with one file damaged (bytes flipped, cut short, nasty characters
spliced in, another encoding or byte-order mark, a workbook part damaged,
dropped, emptied or given a row numbered 1,000,000,000). The promise
(issue 14): every input reads whole (perhaps with a documented
``netmap.DataWarning``) or fails with netmap's own error; the count of
"other" (any other exception, or a case over the time limit) must be zero.

Not part of the test suite (tests/test_io_fuzz.py runs a few dozen cases per
reader with hypothesis). The cases are those of tests/fuzz_inputs.py.

With ``--both-ways`` every case of the workbook and CSV readers is read
twice: with the reader's fast path (python-calamine for workbooks,
``netmap.io._fastxlsx``; pyarrow for CSV, ``netmap.io._fastcsv``) taking
every sheet or file it vouches for, however small, and with it off; a
case whose outcome or message differs counts as "other". (Without the
flag, the CSV cases are below the CSV fast path's ``MIN_BYTES`` and read
the strict way.)

Usage: python benchmarks/fuzz_readers.py [--cases 10000] [--seed 0] [--timeout 20]
       [--both-ways]
"""

from __future__ import annotations

import argparse
import collections
import random
import signal
import sys
import tempfile
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from fuzz_inputs import READERS, mutated_case, outcome  # noqa: E402


class _Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise _Timeout


def _fast_path(reader_name: str):
    """The module of the fast path the reader may take (``available``, ``MIN_BYTES``), or None."""
    from netmap.io import _fastcsv, _fastxlsx

    if "workbook" in reader_name:
        return _fastxlsx
    if "csv" in reader_name:
        return _fastcsv
    return None


def _both_ways(fast_path, read, path: Path) -> str:
    """The outcome of a case, which must be the same with the fast path on and off."""
    seen = []
    available, floor = fast_path.available, fast_path.MIN_BYTES
    for fast in (True, False):
        fast_path.available = available if fast else (lambda: False)
        fast_path.MIN_BYTES = 0
        try:
            seen.append(_message(read, path))
        finally:
            fast_path.available, fast_path.MIN_BYTES = available, floor
    assert seen[0] == seen[1], f"the fast path differs: {seen[0]!r} against {seen[1]!r}"
    return seen[0][0]


def _message(read, path: Path) -> tuple[str, str]:
    """The outcome, and the error's message or the warnings' (to compare both ways)."""
    import warnings

    import netmap

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            read(path)
        except netmap.NetmapError as err:
            return "netmap error", str(err)
    return outcome(read, path), " | ".join(str(w.message) for w in caught)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--timeout", type=int, default=20,
                        help="seconds one case may take before it counts as 'other'")
    parser.add_argument("--show", type=int, default=5,
                        help="tracebacks of 'other' outcomes to print")
    parser.add_argument("--both-ways", action="store_true",
                        help="read workbook and CSV cases with the fast path on and off, "
                             "and compare")
    args = parser.parse_args(argv)
    if args.both_ways and not all(_fast_path(name).available()
                                  for name in ("workbook", "csv")):
        parser.error("--both-ways needs the fast extra (python-calamine and pyarrow)")
    signal.signal(signal.SIGALRM, _alarm)
    counts: dict[str, collections.Counter] = {r.name: collections.Counter()
                                              for r in READERS}
    others: list[str] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        seeds = {}
        for r in READERS:
            folder = root / "seeds" / r.name.replace(" ", "_")
            folder.mkdir(parents=True)
            seeds[r.name] = r.seed_files(folder)
        for case in range(args.cases):
            reader = READERS[case % len(READERS)]
            rng = random.Random(f"{args.seed}-{case}")
            path = mutated_case(rng, reader, seeds[reader.name], root / "case")
            signal.alarm(args.timeout)
            try:
                fast_path = _fast_path(reader.name) if args.both_ways else None
                if fast_path is not None:
                    counts[reader.name][_both_ways(fast_path, reader.read, path)] += 1
                else:
                    counts[reader.name][outcome(reader.read, path)] += 1
            except _Timeout:
                counts[reader.name]["other"] += 1
                others.append(f"case {case} ({reader.name}): over {args.timeout} s")
            except BaseException as err:  # noqa: BLE001 - counted, that is the point
                if isinstance(err, KeyboardInterrupt):
                    raise
                counts[reader.name]["other"] += 1
                others.append(f"case {case} ({reader.name}): "
                              + "".join(traceback.format_exception(err)[-3:]))
            finally:
                signal.alarm(0)
    seconds = time.perf_counter() - started
    columns = ("read", "warning", "netmap error", "other")
    print(f"{args.cases} cases, seed {args.seed}, {seconds:.0f} s")
    print(f"{'reader':<15}" + "".join(f"{c:>14}" for c in columns) + f"{'total':>8}")
    for name, counter in counts.items():
        print(f"{name:<15}" + "".join(f"{counter[c]:>14}" for c in columns)
              + f"{sum(counter.values()):>8}")
    total = collections.Counter()
    for counter in counts.values():
        total.update(counter)
    print(f"{'all':<15}" + "".join(f"{total[c]:>14}" for c in columns)
          + f"{sum(total.values()):>8}")
    for text in others[:args.show]:
        print("\n" + text)
    return 1 if total["other"] else 0


if __name__ == "__main__":
    sys.exit(main())
