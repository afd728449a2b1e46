"""The ``netmap`` command line: demo, validate, summary and convert.

Exit codes: 0 success; 1 the input has errors (each printed with its file,
sheet, row and column); 2 the command line itself is wrong.
"""

from __future__ import annotations

import argparse
import sys
import warnings
from pathlib import Path

from . import __version__
from .exceptions import FileFormatError, NetmapError, ValidationError

__all__ = ["main", "load_input"]

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2

_TABLE_OPTIONS = ("actors", "ties", "memberships", "bodies", "activities")


def load_input(paths, tables=None, *, directed=None, waves=None, name=None):
    """Read a map from what a user names on the command line.

    Parameters
    ----------
    paths : list of path-like
        One Excel workbook, one folder of CSV files, or CSV files named for
        their tables (``actors.csv``, ``קשרים.csv`` ...).
    tables : dict, optional
        Explicit files per table (``{"actors": ..., "ties": ...}``), as the
        ``--actors`` ... options give them; they add to or replace ``paths``.
    directed, waves, name
        As for :func:`netmap.read_csv`.

    Returns
    -------
    StakeholderMap
    """
    from .io.csv import read_csv
    from .io.excel import read_excel
    from .schema import table_for_name

    tables = {k: v for k, v in (tables or {}).items() if v is not None}
    paths = [Path(p) for p in paths]
    if len(paths) == 1 and not tables:
        (path,) = paths
        if path.suffix.lower() in (".xlsx", ".xlsm", ".xls"):
            return read_excel(path, directed=directed, waves=waves, name=name)
        if path.is_dir():
            return read_csv(path, directed=directed, waves=waves, name=name)
    files: dict[str, Path] = {}
    for path in paths:
        if path.is_dir() or path.suffix.lower() in (".xlsx", ".xlsm", ".xls"):
            raise FileFormatError(
                "give a workbook or a folder on its own, not with other files",
                file=str(path), suggestion="run the command on it alone")
        table = table_for_name(path.stem)
        if table is None:
            raise FileFormatError(
                "cannot tell which table this file holds from its name",
                file=str(path),
                suggestion="name it actors.csv, ties.csv, memberships.csv, "
                           "bodies.csv or activities.csv, or use --actors, --ties ...")
        files[table] = path
    files.update({k: Path(v) for k, v in tables.items()})
    if "actors" not in files or "ties" not in files:
        raise FileFormatError(
            "a map needs an actors file and a ties file",
            suggestion="name both, e.g. netmap validate actors.csv ties.csv")
    return read_csv(files["actors"], files["ties"], files.get("memberships"),
                    files.get("bodies"), files.get("activities"),
                    directed=directed, waves=waves, name=name)


def _input_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "inputs", nargs="*", metavar="INPUT",
        help="an Excel workbook, a folder of CSV files, or CSV files named for "
             "their tables (actors.csv, ties.csv ...)")
    for table in _TABLE_OPTIONS:
        parser.add_argument(f"--{table}", metavar="FILE",
                            help=f"the {table} CSV file, whatever its name")
    parser.add_argument("--directed", action=argparse.BooleanOptionalAction,
                        default=None,
                        help="ties run from source to target (default: as the "
                             "input's map settings say, else undirected)")
    parser.add_argument("--waves", metavar="W1,W2,...",
                        help="the order of wave labels that are not numbers or dates")


class _UsageError(Exception):
    """The command line names no input."""


def _read(args) -> tuple[object, list]:
    if not args.inputs and not any(getattr(args, t) for t in _TABLE_OPTIONS):
        raise _UsageError("no input given: name a workbook, a folder or CSV files")
    waves = [w.strip() for w in args.waves.split(",")] if args.waves else None
    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        m = load_input(args.inputs, {t: getattr(args, t) for t in _TABLE_OPTIONS},
                       directed=args.directed, waves=waves)
    return m, m.issues.to_dict("records")


def _print_problems(errors, issues, out) -> None:
    if errors:
        n = len(errors)
        print(f"{n} error{'s' if n != 1 else ''}:", file=out)
        for err in errors:
            print(f"  - {err}", file=out)
    warned = [i for i in issues if i["severity"] == "warning"]
    notes = [i for i in issues if i["severity"] != "warning"]
    for label, rows in (("warning", warned), ("note", notes)):
        if rows:
            print(f"{len(rows)} {label}{'s' if len(rows) != 1 else ''}:", file=out)
            for r in rows:
                print(f"  - {r['message']}", file=out)


def _cmd_validate(args) -> int:
    try:
        m, issues = _read(args)
    except ValidationError as err:
        _print_problems(err.errors, [], sys.stdout)
        print("The input has errors; nothing was read.", file=sys.stdout)
        return EXIT_INPUT
    print(f"OK: {m!r}")
    _print_problems([], issues, sys.stdout)
    return EXIT_OK


def _cmd_summary(args) -> int:
    try:
        m, issues = _read(args)
    except ValidationError as err:
        _print_problems(err.errors, [], sys.stderr)
        return EXIT_INPUT
    print(m.summary().to_text())
    if issues:
        print()
        _print_problems([], issues, sys.stdout)
    return EXIT_OK


def _cmd_convert(args) -> int:
    try:
        m, _ = _read(args)
    except ValidationError as err:
        _print_problems(err.errors, [], sys.stderr)
        return EXIT_INPUT
    out = Path(args.output)
    if out.suffix.lower() == ".xlsx":
        m.to_excel(out)
    elif out.suffix:
        raise FileFormatError(f"cannot write '{out.suffix}' files", file=str(out),
                              suggestion="write a .xlsx workbook or a folder of CSV")
    else:
        m.to_csv(out)
    print(f"Wrote {out}")
    return EXIT_OK


def _cmd_demo(args) -> int:
    from .datasets import load_2x5, sample_files

    with warnings.catch_warnings(record=True):
        warnings.simplefilter("always")
        m = load_2x5()
    print(f"The bundled 2x5 sample is valid: {m!r}")
    print(f"Its files: {sample_files('2x5')}")
    print()
    print(m.summary().to_text())
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``netmap`` command."""
    parser = argparse.ArgumentParser(
        prog="netmap",
        description="Stakeholder network maps of cross-sector initiatives.",
        epilog="Exit codes: 0 success; 1 the input has errors; 2 wrong usage.")
    parser.add_argument("--version", action="version",
                        version=f"netmap {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = sub.add_parser("demo", help="validate the bundled 2x5 sample and summarise it",
                          description="Validate the bundled illustrative 2x5 sample "
                                      "and print its summary.")
    demo.set_defaults(func=_cmd_demo)

    validate = sub.add_parser(
        "validate", help="check a map's tables and list every problem",
        description="Check a map's tables and print every problem at once, each "
                    "with its file, sheet, row and column. Exits 1 when there are "
                    "errors; warnings and notes alone exit 0.")
    _input_arguments(validate)
    validate.set_defaults(func=_cmd_validate)

    summary = sub.add_parser(
        "summary", help="counts by sector, level, tie class and body",
        description="Print a map's summary: actors by sector and level, ties by "
                    "class, members of each body.")
    _input_arguments(summary)
    summary.set_defaults(func=_cmd_summary)

    convert = sub.add_parser(
        "convert", help="convert between a CSV folder and an Excel workbook",
        description="Read a map and write it as an Excel workbook (OUTPUT ends in "
                    ".xlsx) or as a folder of CSV files (any other OUTPUT).")
    _input_arguments(convert)
    convert.add_argument("-o", "--output", required=True, metavar="OUTPUT",
                         help="a .xlsx file or a folder")
    convert.set_defaults(func=_cmd_convert)
    return parser


def main(argv=None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        return args.func(args)
    except _UsageError as err:
        print(f"netmap {args.command}: error: {err}", file=sys.stderr)
        return EXIT_USAGE
    except NetmapError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_INPUT


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
