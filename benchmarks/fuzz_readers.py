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

With ``--both-ways`` every case of the workbook readers is read twice, with
the workbook reader's fast path (python-calamine, ``netmap.io._fastxlsx``)
taking every sheet it vouches for, however small, and with it off; a case
whose outcome or message differs counts as "other".

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


def _both_ways(read, path: Path) -> str:
    """The outcome of a workbook case, which must be the same with the fast path on and off."""
    from netmap.io import _fastxlsx

    seen = []
    available, floor = _fastxlsx.available, _fastxlsx.MIN_BYTES
    for fast in (True, False):
        _fastxlsx.available = available if fast else (lambda: False)
        _fastxlsx.MIN_BYTES = 0
        try:
            seen.append(_message(read, path))
        finally:
            _fastxlsx.available, _fastxlsx.MIN_BYTES = available, floor
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
                        help="read workbook cases with the fast path on and off, and compare")
    args = parser.parse_args(argv)
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
                if args.both_ways and "workbook" in reader.name:
                    counts[reader.name][_both_ways(reader.read, path)] += 1
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
