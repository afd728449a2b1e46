"""The ``netmap`` command line: report, validate, summary, convert and demo.

Exit codes: 0 success; 1 the input has errors (each printed with its file,
sheet, row and column), a measure cannot be computed, or a file cannot be
read or written (an operating-system error); 2 the command line itself is
wrong (argparse's usage errors, a bad value such as ``--seed -1``); 130
interrupted (Ctrl-C). Every failure is one line on standard error, never a
traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import errno
import os
import re
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from netmap._version import __version__
from netmap.model._warnings import collect
from netmap.model.exceptions import (
    FileFormatError,
    NetmapError,
    ParameterError,
    ValidationError,
)
from netmap.words.catalogue import LANGS, say

if TYPE_CHECKING:
    from collections.abc import Callable

    from netmap.model.stakeholder_map import StakeholderMap

__all__ = ["main", "load_input", "input_format", "output_format", "FORMATS"]

EXIT_OK = 0
EXIT_INPUT = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a Ctrl-C

_TABLE_OPTIONS = ("actors", "ties", "memberships", "bodies", "activities")


#: Formats ``convert`` reads and writes, and the suffixes that name them.
FORMATS = {"csv": "", "excel": ".xlsx", "kumu": ".xlsx", "kumu-json": ".json",
           "gexf": ".gexf", "graphml": ".graphml", "dl": ".dl", "pajek": ".net"}


def input_format(path: Path) -> str | None:
    """The format of an input file or folder, or None when it cannot be told.

    Found from the suffix and, for workbooks and folders, from whether they
    hold Kumu's elements and connections or netmap's tables.
    """
    suffix = path.suffix.lower()
    if suffix == ".gexf":
        return "gexf"
    if suffix == ".graphml":
        return "graphml"
    if suffix == ".json":
        return "kumu-json"
    if suffix == ".dl":
        return "dl"
    if suffix in (".net", ".paj"):
        return "pajek"
    if suffix in (".xlsx", ".xlsm", ".xls"):
        return "kumu" if _kumu_workbook(path) else "excel"
    if path.is_dir():
        stems = {p.stem.lower() for p in path.iterdir()}
        if {"elements", "connections"} <= stems and "actors" not in stems:
            return "kumu"
        return "csv"
    return None


def _kumu_workbook(path: Path) -> bool:
    """Whether a workbook is Kumu's: a netmap (ignore) sheet, or Label and no sector."""
    from netmap.io._limits import parser_errors
    from netmap.io.excel import _load
    from netmap.io.kumu import SETTINGS_SHEET
    from netmap.model._labels import label_key
    from netmap.model.schema import TABLES, table_for_name

    try:
        wb = _load(path)
    except FileFormatError:
        return False
    try:
        titles = [label_key(ws.title) for ws in wb.worksheets]
        if label_key(SETTINGS_SHEET) in titles:
            return True
        index = TABLES["actors"].header_index()
        for ws in wb.worksheets:
            if table_for_name(ws.title) != "actors":
                continue
            with parser_errors(path, kind="Excel workbook", sheet=ws.title):
                header = next(ws.iter_rows(max_row=1, values_only=True), ())
            keys = [label_key(str(h)) for h in header if h is not None]
            return "label" in keys and "sector" not in {index.get(k) for k in keys}
    except FileFormatError:
        return False  # a damaged sheet: the reader names the problem
    finally:
        wb.close()
    return False


def load_input(paths, tables=None, *, directed=None, waves=None, name=None,
               source_format=None, strict=False, encoding=None,
               default_sector=None) -> StakeholderMap:
    """Read a map from what a user names on the command line.

    Parameters
    ----------
    paths : list of path-like
        One Excel workbook, one folder of CSV files, CSV files named for
        their tables (``actors.csv``, ``קשרים.csv`` ...), or one Kumu
        workbook, folder or JSON file, GEXF or GraphML file.
    tables : dict, optional
        Explicit files per table (``{"actors": ..., "ties": ...}``), as the
        ``--actors`` ... options give them; they add to or replace ``paths``.
    directed, waves, name
        As for :func:`netmap.read_csv`.
    source_format : str, optional
        One of :data:`FORMATS`; default: found from the input
        (:func:`input_format`).
    strict : bool, default False
        Refuse a workbook sheet or folder file that matches no table
        (see :func:`netmap.read_excel`), for CSV and Excel input.
    encoding : str, optional
        The encoding of the input's text: of CSV files, a Kumu CSV, a UCINET
        DL or Pajek file, and of a GEXF or GraphML file that declares none
        (one that declares its encoding is read in it, with a warning in
        the map's ``issues`` when that is another).
    default_sector : str, optional
        The sector of every actor without one, for the formats that may
        carry none (Kumu, GEXF, GraphML); see :func:`netmap.read_gexf`.

    Returns
    -------
    StakeholderMap

    Raises
    ------
    netmap.ParameterError
        When ``default_sector`` is given for a CSV or Excel input, whose
        actors table has a sector column, or ``encoding`` for an Excel
        workbook (or a Kumu workbook or JSON file), whose text has no
        encoding to name.
    """
    from netmap.io._tables import table_of_rows
    from netmap.io.csv import _csv_rows, read_csv
    from netmap.io.excel import read_excel
    from netmap.io.gexf import read_gexf
    from netmap.io.graphml import read_graphml
    from netmap.io.kumu import read_kumu
    from netmap.io.pajek import read_pajek
    from netmap.io.ucinet import read_dl
    from netmap.model.schema import table_for_name

    tables = {k: v for k, v in (tables or {}).items() if v is not None}
    paths = [Path(p) for p in paths]
    if len(paths) == 1 and not tables:
        (path,) = paths
        fmt = source_format or input_format(path)
        readers: dict[str, Callable[..., StakeholderMap]] = {
            "csv": read_csv, "excel": read_excel, "kumu": read_kumu, "kumu-json": read_kumu,
            "gexf": read_gexf, "graphml": read_graphml}
        if fmt in ("dl", "pajek"):
            _no_default_sector(default_sector)
        if fmt == "dl":
            return read_dl(path, directed=directed, name=name, encoding=encoding)
        if fmt == "pajek":  # with the partition that convert writes beside the network
            clu = path.with_suffix(".clu")
            return read_pajek(path, partition=clu if clu.is_file() else None,
                              directed=directed, name=name, encoding=encoding)
        if fmt in readers and (fmt != "csv" or path.is_dir()):
            options = {"csv": {"strict": strict, "encoding": encoding},
                       "excel": {"strict": strict}}.get(fmt, {})
            if fmt in ("csv", "excel"):
                _no_default_sector(default_sector)
                if fmt == "excel":
                    _no_encoding(encoding)
            else:
                options = {} if default_sector is None else {"default_sector": default_sector}
                if encoding is not None:  # Kumu refuses it for a workbook or JSON
                    options["encoding"] = encoding
            return readers[fmt](path, directed=directed, waves=waves, name=name,
                                **options)
    _no_default_sector(default_sector)
    files: dict[str, Path] = {}
    for path in paths:
        if path.is_dir() or path.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".json",
                                                    ".gexf", ".graphml", ".dl", ".net",
                                                    ".paj"):
            raise FileFormatError(
                "give a workbook, a folder, or a Kumu, GEXF or GraphML file on its own, "
                "not with other files",
                file=str(path), suggestion="run the command on it alone")
        table = table_for_name(path.stem) or table_of_rows(
            _csv_rows(path, encoding=encoding))
        if table is None:
            raise FileFormatError(
                "cannot tell which table this file holds from its name or its header",
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
                    directed=directed, waves=waves, name=name, strict=strict,
                    encoding=encoding)


def _no_encoding(encoding) -> None:
    """ParameterError when an encoding is given for an Excel workbook, which has none to name."""
    if encoding is not None:
        raise ParameterError("encoding", encoding, "None for a workbook (leave --encoding out)")


def _no_default_sector(default_sector) -> None:
    """ParameterError when a default sector is given for CSV or Excel input."""
    if default_sector is not None:
        raise ParameterError("default_sector", default_sector,
                             "only for Kumu, GEXF and GraphML inputs, which may carry no "
                             "sector; give CSV and Excel a sector column")


def _input_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "inputs", nargs="*", metavar="INPUT",
        help="an Excel workbook, a folder of CSV files, CSV files named for their "
             "tables (actors.csv, ties.csv ...), or a Kumu workbook or JSON, GEXF or "
             "GraphML file")
    parser.add_argument("--from", dest="source_format", choices=sorted(FORMATS),
                        help="the input's format, when its name does not tell")
    for table in _TABLE_OPTIONS:
        parser.add_argument(f"--{table}", metavar="FILE",
                            help=f"the {table} CSV file, whatever its name")
    parser.add_argument("--directed", action=argparse.BooleanOptionalAction,
                        default=None,
                        help="ties run from source to target (default: as the "
                             "input's map settings say, else undirected)")
    parser.add_argument("--waves", metavar="W1,W2,...",
                        help="the order of wave labels that are not numbers or dates")
    parser.add_argument("--strict", action="store_true",
                        help="fail on a sheet or CSV file that matches no table (by "
                             "its name or its header) instead of skipping it with a "
                             "warning")
    parser.add_argument("--encoding", metavar="ENCODING",
                        help="the encoding of CSV, DL and Pajek files (cp1255, cp1252, "
                             "utf-16 ...), when netmap cannot tell it, and of GEXF and "
                             "GraphML files that declare none; refused for a workbook")
    parser.add_argument("--default-sector", metavar="SECTOR",
                        help="the sector of every actor without one, for Kumu, GEXF and "
                             "GraphML files made without sectors (how many took it is "
                             "noted)")


class _UsageError(Exception):
    """The command line names no input."""


def _read(args) -> tuple[StakeholderMap, list[dict]]:
    if not args.inputs and not any(getattr(args, t) for t in _TABLE_OPTIONS):
        raise _UsageError("no input given: name a workbook, a folder or CSV files")
    waves = [w.strip() for w in args.waves.split(",")] if args.waves else None
    with collect():  # the map's issues are printed instead
        m = load_input(args.inputs, {t: getattr(args, t) for t in _TABLE_OPTIONS},
                       directed=args.directed, waves=waves,
                       source_format=args.source_format, strict=args.strict,
                       encoding=args.encoding, default_sector=args.default_sector)
    return m, m.issues.to_dict("records")


def _read_or_say(args, out, closing: str | None = None
                 ) -> tuple[StakeholderMap, list[dict]] | None:
    """The map and its issues; or None, the input's errors (and ``closing``) printed to ``out``."""
    try:
        return _read(args)
    except ValidationError as err:
        _print_problems(err.errors, [], out)
        if closing is not None:
            print(closing, file=out)
        return None


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
    read = _read_or_say(args, sys.stdout, "The input has errors; nothing was read.")
    if read is None:
        return EXIT_INPUT
    m, issues = read
    print(f"OK: {_describe(m)}")
    _print_problems([], issues, sys.stdout)
    return EXIT_OK


def _describe(m) -> str:
    """A map in words for the terminal: its name and its counts (no Python repr)."""
    head = m.summary().headline()
    return f"{m.name}: {head}" if m.name else head


def _cmd_summary(args) -> int:
    read = _read_or_say(args, sys.stderr)
    if read is None:
        return EXIT_INPUT
    m, issues = read
    print(m.summary().to_text())
    if issues:
        print()
        _print_problems([], issues, sys.stdout)
    return EXIT_OK


def _print_warnings(issues, out) -> None:
    """The reading's warnings (not its notes), for commands whose output is a file."""
    _print_problems([], [i for i in issues if i["severity"] == "warning"], out)


def _cmd_convert(args) -> int:
    read = _read_or_say(args, sys.stderr)
    if read is None:
        return EXIT_INPUT
    m, issues = read
    out = Path(args.output)
    fmt = args.to or output_format(out)
    if fmt != "csv":
        _check_output_file(out)
    with collect() as caught:
        _write_as(m, out, fmt)
    _print_warnings(issues, sys.stderr)
    for w in caught:  # what the writer changed or left out (cells cut, DL's lost columns)
        print(f"warning: {w}", file=sys.stderr)
    print(f"Wrote {out} ({fmt})")
    return EXIT_OK


def _write_as(m: StakeholderMap, out: Path, fmt: str) -> None:
    if fmt == "csv":
        m.to_csv(out)
    elif fmt == "excel":
        m.to_excel(out)
    elif fmt in ("kumu", "kumu-json"):
        wanted = FORMATS[fmt]
        if out.suffix.lower() != wanted:
            raise FileFormatError(
                f"a {fmt} file must end in {wanted}", file=str(out),
                suggestion=f"name the output {out.with_suffix(wanted).name}")
        m.to_kumu(out)
    elif fmt == "gexf":
        m.to_gexf(out)
    elif fmt == "dl":
        from netmap.io.ucinet import write_dl

        write_dl(m, out)
    elif fmt == "pajek":  # the sectors as a partition beside the network
        from netmap.io.pajek import write_pajek

        write_pajek(m, out, partition=out.with_suffix(".clu"))
    else:
        m.to_graphml(out)


def _check_output_file(out: Path) -> None:
    """A usage error when the file to write is a folder or its folder is missing."""
    if out.is_dir():
        raise _UsageError(f"{out} is a folder: name the file to write")
    if not out.parent.exists():
        raise _UsageError(f"the folder {out.parent} does not exist")
    if not out.parent.is_dir():
        raise _UsageError(f"{out.parent} is a file, not a folder")


def output_format(path: Path) -> str:
    """The format an output name asks for: by suffix, a folder of CSV without one."""
    suffix = path.suffix.lower()
    by_suffix = {".xlsx": "excel", ".json": "kumu-json", ".gexf": "gexf",
                 ".graphml": "graphml", ".dl": "dl", ".net": "pajek"}
    if suffix in by_suffix:
        return by_suffix[suffix]
    if suffix:
        raise FileFormatError(
            f"cannot tell which format to write from '{suffix}'", file=str(path),
            suggestion="end the name in .xlsx, .json (Kumu), .gexf, .graphml, .dl "
                       "(UCINET) or .net (Pajek), give a folder for CSV, or choose with --to")
    return "csv"


class _Progress:
    """A progress bar on a terminal (quiet otherwise), and section timings with --verbose."""

    def __init__(self, stream, verbose: bool, label: str) -> None:
        self.stream = stream
        self.verbose = verbose
        self.label = label
        self.bar = hasattr(stream, "isatty") and stream.isatty()
        self.started = time.perf_counter()

    def __call__(self, section: str, done: int, total: int, seconds: float) -> None:
        if self.verbose:
            if self.bar:
                self.stream.write("\r\033[K")
            self.stream.write(f"  {section:<10} {seconds:7.2f} s\n")
        if self.bar:
            width = 30
            filled = round(width * done / total)
            self.stream.write(f"\r{self.label} [{'#' * filled}{'.' * (width - filled)}] "
                              f"{done}/{total} {section}")
            if done == total:
                self.stream.write("\n")
        self.stream.flush()

    def close(self) -> None:
        if self.verbose:
            total = time.perf_counter() - self.started
            self.stream.write(f"  {'total':<10} {total:7.2f} s\n")
            self.stream.flush()


def _write_report(m, out: Path, args, *, lang: str, title=None) -> Path:
    from netmap.reporting import report

    goals = [g.strip() for g in args.goals.split(",")] if getattr(args, "goals", None) \
        else None
    backbone = [b.strip() for b in args.backbone.split(",")] \
        if getattr(args, "backbone", None) else None
    progress = _Progress(sys.stderr, getattr(args, "verbose", False),
                         f"netmap report {out.name}")
    path = report(m, out, lang=lang, title=title, goals=goals,
                  wave=getattr(args, "wave", None),
                  complexity=getattr(args, "complexity", None), backbone=backbone,
                  seed=getattr(args, "seed", 0),
                  permutations=getattr(args, "permutations", 999), progress=progress,
                  static=getattr(args, "static", False))
    progress.close()
    return path


def _cmd_report(args) -> int:
    read = _read_or_say(args, sys.stderr, "The input has errors; no report was written.")
    if read is None:
        return EXIT_INPUT
    m, issues = read
    out = Path(args.output)
    if out.suffix.lower() not in (".html", ".htm"):
        raise _UsageError(f"the report is an HTML file: name it {out.stem}.html")
    _check_output_file(out)
    path = _write_report(m, out, args, lang=args.lang, title=args.title)
    _print_warnings(issues, sys.stderr)
    print(f"Wrote {path}")
    return EXIT_OK


def _cmd_demo(args) -> int:
    from netmap.datasets.samples import load_2x5

    with collect():
        m = load_2x5()
    folder = Path(args.output)
    folder.mkdir(parents=True, exist_ok=True)
    print(f"The bundled 2x5 sample is valid: {_describe(m)}")
    written = []
    for lang in LANGS:
        out = folder / f"2x5-report-{lang}.html"
        written.append(_write_report(m, out, args, lang=lang,
                                     title=say("CLI", "demo_title", lang)))
    print("Reports written:")
    for path in written:
        print(f"  {path.resolve()}")
    print("Open them in a browser; they need no network.")
    return EXIT_OK


def _whole(minimum: int) -> Callable[[str], int]:
    """An argparse type: a whole number of at least ``minimum``, else a usage error."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            value = minimum - 1
        if value < minimum:
            raise argparse.ArgumentTypeError(
                f"{text!r} is not a whole number of at least {minimum}")
        return value

    parse.__name__ = f"whole number of at least {minimum}"
    return parse


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``netmap`` command."""
    parser = argparse.ArgumentParser(
        prog="netmap",
        description="Stakeholder network maps of cross-sector initiatives.",
        epilog="Exit codes: 0 success; 1 the input has errors or a file cannot be read "
               "or written; 2 wrong usage; 130 interrupted.")
    parser.add_argument("--version", action="version",
                        version=f"netmap {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = sub.add_parser(
        "demo", help="write the reports of the bundled 2x5 sample",
        description="Write the report of the bundled illustrative 2x5 sample, in "
                    "every language netmap writes (English and Hebrew), to a folder, "
                    "and print where.")
    demo.add_argument("-o", "--output", default="netmap-demo", metavar="FOLDER",
                      help="the folder to write to (default: netmap-demo)")
    demo.add_argument("-v", "--verbose", action="store_true",
                      help="print the time each section took")
    demo.set_defaults(func=_cmd_demo)

    report = sub.add_parser(
        "report", help="write a self-contained HTML report of a map",
        description="Read a map and write one self-contained HTML file (pictures "
                    "inlined, no network or JavaScript needed): summary, network map, "
                    "findings by insight, mixing and E-I, bodies, brokers, single-sector "
                    "clusters, coverage of goals, waves, and what every measure means.")
    _input_arguments(report)
    report.add_argument("-o", "--output", required=True, metavar="REPORT.html",
                        help="the HTML file to write")
    report.add_argument("--lang", choices=LANGS, default="en",
                        help="the report's language (he: Hebrew, right to left)")
    report.add_argument("--title", help="the report's title (default: the map's name)")
    report.add_argument("--wave", metavar="WAVE",
                        help="report on one wave of the map (default: the whole map); "
                             "the header names the scope")
    report.add_argument("--goals", metavar="G1,G2,...",
                        help="the initiative's shared goals, to show goals nobody "
                             "works on")
    report.add_argument("--complexity", choices=("simple", "complicated", "complex"),
                        help="the problem's complexity, for the complexity fit")
    report.add_argument("--backbone", metavar="ID,...",
                        help="the backbone's actor ids, if the map does not mark it")
    report.add_argument("--seed", type=_whole(0), default=0,
                        help="seed of layouts, tests and sampling (default 0)")
    report.add_argument("--permutations", type=_whole(1), default=999,
                        help="permutations of the significance tests (default 999)")
    report.add_argument("-v", "--verbose", action="store_true",
                        help="print the time each section took")
    report.add_argument("--static", action="store_true",
                        help="leave out the interactive map (pictures only, no JavaScript)")
    report.set_defaults(func=_cmd_report)

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
        "convert", help="convert between CSV, Excel, Kumu, GEXF and GraphML",
        description="Read a map in any format netmap reads and write it as a folder of "
                    "CSV files (OUTPUT without a suffix), an Excel workbook (.xlsx), "
                    "Kumu JSON (.json), GEXF for Gephi (.gexf), GraphML (.graphml), UCINET "
                    "DL (.dl) or Pajek (.net, with the sectors in a .clu partition beside "
                    "it); --to kumu writes a Kumu workbook (.xlsx).")
    _input_arguments(convert)
    convert.add_argument("-o", "--output", required=True, metavar="OUTPUT",
                         help="a folder, or a .xlsx, .json, .gexf, .graphml, .dl or .net "
                              "file")
    convert.add_argument("--to", choices=sorted(FORMATS),
                         help="the output's format (default: from OUTPUT's suffix)")
    convert.set_defaults(func=_cmd_convert)
    return parser


def main(argv=None) -> int:
    """Run the command line; returns the exit code.

    0 success; 1 the input has errors, a measure cannot be computed, or a
    file cannot be read or written; 2 the command line is wrong (argparse
    exits with 2 itself, by raising SystemExit); 130 interrupted. Every
    failure is one line on standard error, without a traceback.
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if not getattr(args, "func", None):
            parser.print_help()
            return EXIT_USAGE
        return _run(args)
    except KeyboardInterrupt:
        print("netmap: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


def _check_epoch() -> None:
    """Refuse a malformed ``SOURCE_DATE_EPOCH`` before scipy is imported.

    ``import scipy.sparse`` imports ``numpy.f2py``, which reads the
    variable with ``int()`` when it is imported and raises on anything but
    a whole number, so a command would end in numpy's traceback before
    netmap could ignore the value (as :func:`netmap.report` does, with a
    warning, in a process that has scipy already).
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch and not re.fullmatch(r"-?[0-9]+", epoch):
        raise _UsageError(f"SOURCE_DATE_EPOCH={epoch!r} is not a whole number of seconds "
                          "since 1970: set it as `date +%s` writes it, or unset it")


def _run(args) -> int:
    """Run a command; each failure it can meet as one line on stderr and its exit code."""
    try:
        _check_epoch()
        return args.func(args)
    except (_UsageError, ParameterError) as err:
        print(f"netmap {args.command}: error: {err}", file=sys.stderr)
        return EXIT_USAGE
    except NetmapError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_INPUT
    except BrokenPipeError:
        _quiet_stdout()  # the reader of our output left (| head): nothing more to say
        return EXIT_INPUT
    except OSError as err:
        print(f"netmap {args.command}: error: {_os_message(err)}", file=sys.stderr)
        return EXIT_INPUT


#: What to do about the operating-system errors a user can fix, by errno.
_OS_HINTS = {
    errno.ENOENT: "check the path: the file or its folder does not exist",
    errno.EACCES: "check the permissions, or choose another folder",
    errno.EPERM: "check the permissions, or choose another folder",
    errno.EROFS: "the disk is read-only: choose another folder",
    errno.EISDIR: "it is a folder: name a file",
    errno.ENOTDIR: "a part of the path is a file, not a folder",
    errno.ENOSPC: "the disk is full: free some space or choose another disk",
}


def _os_message(err: OSError) -> str:
    """An operating-system error in one line: what failed, on which path, what to do.

    Examples
    --------
    >>> import errno
    >>> _os_message(PermissionError(errno.EACCES, "Permission denied", "out/map.xlsx"))
    "Permission denied: 'out/map.xlsx'; check the permissions, or choose another folder"
    """
    text = err.strerror or str(err) or type(err).__name__
    paths = [p for p in (err.filename, err.filename2) if p is not None]
    if paths:
        text += ": " + " -> ".join(repr(os.fsdecode(p)) for p in paths)
    hint = _OS_HINTS.get(err.errno) if err.errno is not None else None
    return f"{text}; {hint}" if hint else text


def _quiet_stdout() -> None:
    """Point stdout at the null device, so that flushing it at exit does not fail again."""
    with contextlib.suppress(OSError, ValueError, AttributeError):  # not a real file
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
