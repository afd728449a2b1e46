"""The command line fails in one line: 1 input and system, 2 usage, 130 Ctrl-C.

Issue 14: a missing output folder, a read-only folder, a directory given as
a file, ``--seed -1``, a control character in an Excel cell and Ctrl-C all
printed tracebacks.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import netmap
from netmap.cli import main

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "samples" / "2x5"
NETMAP = [sys.executable, "-m", "netmap.cli"]


def run(capsys, *args):
    code = main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


def one_line(err: str) -> str:
    """The whole of stderr, which must be one line and no traceback."""
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


def command(*args, timeout=120):
    done = subprocess.run([*NETMAP, *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, check=False)
    assert "Traceback" not in done.stderr, done.stderr
    return done


def test_a_missing_output_folder_is_a_usage_error(capsys, tmp_path):
    for to in ("m.xlsx", "m.gexf", "m.graphml", "m.json"):
        code, out, err = run(capsys, "convert", SAMPLE, "-o", tmp_path / "missing" / to)
        assert code == 2 and out == ""
        assert "the folder" in one_line(err) and "does not exist" in err
    code, _, err = run(capsys, "report", SAMPLE, "-o", tmp_path / "missing" / "r.html")
    assert code == 2 and "does not exist" in one_line(err)
    assert not (tmp_path / "missing").exists()


def test_a_file_where_the_output_folder_should_be(capsys, tmp_path):
    (tmp_path / "a-file").write_text("x")
    code, _, err = run(capsys, "convert", SAMPLE, "-o", tmp_path / "a-file" / "m.xlsx")
    assert code == 2 and "is a file, not a folder" in one_line(err)


def test_a_folder_given_as_the_output_file(capsys, tmp_path):
    for name, command_ in (("m.xlsx", "convert"), ("m.gexf", "convert"), ("r.html", "report")):
        (tmp_path / name).mkdir()
        code, _, err = run(capsys, command_, SAMPLE, "-o", tmp_path / name)
        assert code == 2 and "is a folder: name the file to write" in one_line(err)


def test_a_folder_given_as_an_input_file(capsys, tmp_path):
    code, out, err = run(capsys, "validate", "--actors", SAMPLE, "--ties", SAMPLE)
    assert code == 1 and "Traceback" not in out + err
    assert f"{SAMPLE}: " in out
    (tmp_path / "map.xlsx").mkdir()
    code, _, err = run(capsys, "summary", tmp_path / "map.xlsx")
    assert code == 1 and "map.xlsx" in one_line(err)


def _read_only_folder(tmp_path: Path) -> Path:
    """A folder this process cannot write in: chmod 555, or /sys for root."""
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        (folder / "probe").write_text("x")
    except PermissionError:
        return folder
    (folder / "probe").unlink()  # root writes anyway: sysfs refuses even root
    sysfs = Path("/sys")
    try:
        (sysfs / "netmap-probe").write_text("x")
    except OSError:
        return sysfs
    pytest.skip("no folder here refuses writes")  # pragma: no cover


@pytest.mark.parametrize("name", ["r.html", "m.xlsx", "m.gexf", "kumu.xlsx", "csv-folder"])
def test_a_read_only_folder_is_one_line_and_exit_1(capsys, tmp_path, name):
    folder = _read_only_folder(tmp_path)
    target = folder / name
    args = ["report", SAMPLE, "-o", target, "--permutations", "9"] if name.endswith(
        ".html") else ["convert", SAMPLE, "-o", target, *(
            ["--to", "kumu"] if name.startswith("kumu") else [])]
    try:
        code, out, err = run(capsys, *args)
    finally:
        tmp_path.joinpath("read-only").chmod(0o755)
    line = one_line(err)
    assert code == 1 and "Wrote" not in out
    assert "ermission denied" in line or "not permitted" in line or "Read-only" in line
    assert "choose another folder" in line
    assert not target.exists()


def test_os_errors_are_one_line_in_a_real_process(tmp_path):
    """Including what openpyxl's write-only sheets print when they are collected."""
    folder = _read_only_folder(tmp_path)
    try:
        done = command("convert", SAMPLE, "-o", folder / "m.xlsx")
    finally:
        tmp_path.joinpath("read-only").chmod(0o755)
    assert done.returncode == 1
    one_line(done.stderr)


def test_seed_below_zero_is_a_usage_error(capsys, tmp_path):
    out = tmp_path / "r.html"
    for option, value in (("--seed", "-1"), ("--seed", "x"), ("--permutations", "0")):
        with pytest.raises(SystemExit) as info:
            main(["report", str(SAMPLE), "-o", str(out), option, value])
        assert info.value.code == 2
        err = capsys.readouterr().err
        assert "Traceback" not in err and f"argument {option}:" in err
    done = command("report", SAMPLE, "-o", out, "--seed", "-1")
    assert done.returncode == 2 and "'-1' is not a whole number of at least 0" in done.stderr
    assert not out.exists()


def test_a_parameter_error_is_a_usage_error(capsys, tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise netmap.ParameterError("permutations", -5, "a whole number of at least 1")

    monkeypatch.setattr("netmap.reporting.report", refuse)
    code, _, err = run(capsys, "report", SAMPLE, "-o", tmp_path / "r.html")
    assert code == 2
    assert one_line(err) == ("netmap report: error: permutations=-5 is not allowed: use a "
                             "whole number of at least 1")


def test_a_control_character_in_an_excel_cell(capsys, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "actors.csv").write_text(
        "id,sector,name\na,public,Min\x01istry\nb,business,\x02=1+1\n", encoding="utf-8")
    (tmp_path / "in" / "ties.csv").write_text("source,target\na,b\n", encoding="utf-8")
    for name, extra in (("m.xlsx", []), ("kumu.xlsx", ["--to", "kumu"])):
        code, out, err = run(capsys, "convert", tmp_path / "in", "-o", tmp_path / name,
                             *extra)
        assert code == 0 and "Wrote" in out
        assert err == ""  # kept as Excel's own escape (_x0001_), nothing to warn of
    back = netmap.read_excel(tmp_path / "m.xlsx")
    assert back.actors["name"].tolist() == ["Min\x01istry", "\x02=1+1"]
    assert netmap.read_kumu(tmp_path / "kumu.xlsx").actors["name"].tolist() == [
        "Min\x01istry", "\x02=1+1"]
    code, _, err = run(capsys, "convert", tmp_path / "in", "-o", tmp_path / "csv")
    assert code == 0 and err == ""  # CSV keeps them
    assert netmap.read_csv(tmp_path / "csv").actors.loc["a", "name"] == "Min\x01istry"


def test_ctrl_c_in_main_is_exit_130(capsys, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("netmap.cli.load_input", interrupted)
    code, out, err = run(capsys, "validate", SAMPLE)
    assert code == 130 and out == ""
    assert one_line(err) == "netmap: interrupted"


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT is a POSIX signal")
def test_ctrl_c_in_a_real_process_is_exit_130(tmp_path):
    """SIGINT half a second into a long report: exit 130, one line, no report."""
    out = tmp_path / "r.html"
    script = textwrap.dedent(f"""
        import os, signal, sys, threading
        from netmap.cli import main
        threading.Timer(0.5, os.kill, (os.getpid(), signal.SIGINT)).start()
        sys.exit(main(["report", {str(SAMPLE)!r}, "-o", {str(out)!r},
                       "--permutations", "999999"]))
        """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=300, check=False)
    assert done.returncode == 130, done.stderr
    assert one_line(done.stderr) == "netmap: interrupted"
    assert not out.exists()


def test_a_closed_pipe_ends_quietly(capsys, monkeypatch):
    class Closed:
        def write(self, text):
            raise BrokenPipeError(32, "Broken pipe")

        def flush(self):
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(sys, "stdout", Closed())
    code = main(["summary", str(SAMPLE)])
    monkeypatch.undo()
    assert code == 1
    assert capsys.readouterr().err == ""


def test_a_malformed_source_date_epoch_is_a_usage_error(tmp_path, monkeypatch):
    # numpy.f2py, which scipy.sparse imports, raises on it at import: refused before that,
    # in a fresh process (where scipy is not yet imported)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    done = command("report", SAMPLE, "-o", tmp_path / "r.html")
    assert done.returncode == 2
    line = one_line(done.stderr)
    assert "SOURCE_DATE_EPOCH='yesterday'" in line and "date +%s" in line
    assert not (tmp_path / "r.html").exists()
