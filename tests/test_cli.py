import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import netmap
from conftest import require
from netmap.cli import main

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "samples" / "2x5"


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def broken_copy(tmp_path):
    folder = tmp_path / "broken"
    shutil.copytree(SAMPLE, folder)
    actors = (folder / "actors.csv").read_text(encoding="utf-8")
    (folder / "actors.csv").write_text(actors.replace(
        "moe,משרד החינוך,Ministry of Education,public",
        "moe,משרד החינוך,Ministry of Education,pubilc"), encoding="utf-8")
    ties = (folder / "ties.csv").read_text(encoding="utf-8")
    (folder / "ties.csv").write_text(ties + "moe,nobody,partnership,x,,2014,\n",
                                     encoding="utf-8")
    return folder


@pytest.mark.slow
def test_demo_writes_both_reports_and_says_where(capsys, tmp_path):
    folder = tmp_path / "demo"
    code, out, err = run(capsys, "demo", "-o", str(folder))
    assert code == 0
    assert "The bundled 2x5 sample is valid" in out
    for lang in ("en", "he"):
        path = folder / f"2x5-report-{lang}.html"
        assert str(path.resolve()) in out
        text = path.read_text(encoding="utf-8")
        assert f'<html lang="{lang}" dir="{"rtl" if lang == "he" else "ltr"}">' in text
    assert err == ""  # no progress bar when stderr is not a terminal


def test_validate_good_input(capsys):
    code, out, _ = run(capsys, "validate", str(SAMPLE))
    assert code == 0
    assert out.startswith("OK: 92 actors, 394 ties (undirected), 7 bodies")
    assert "<" not in out and "StakeholderMap" not in out


def test_validate_lists_every_problem_and_exits_1(capsys, tmp_path):
    code, out, _ = run(capsys, "validate", str(broken_copy(tmp_path)))
    assert code == 1
    assert "3 errors:" in out
    assert "actors.csv, row 2, column 'sector': unknown sector 'pubilc'" in out
    assert "ties.csv, row 396, column 'target': target 'nobody'" in out
    assert "ties.csv, row 396, column 'weight': weight 'x' is not a number" in out
    assert "nothing was read" in out


def test_validate_separate_files_and_options(capsys, tmp_path):
    shutil.copy(SAMPLE / "actors.csv", tmp_path / "people.csv")
    code, out, _ = run(capsys, "validate", "--actors", str(tmp_path / "people.csv"),
                       str(SAMPLE / "ties.csv"), str(SAMPLE / "memberships.csv"))
    assert code == 0 and "OK" in out


def test_validate_prints_warnings_and_notes(capsys, tmp_path):
    (tmp_path / "actors.csv").write_text("id,sector,level\na,public,\nb,third,\n")
    (tmp_path / "ties.csv").write_text("source,target,type\na,b,friendship\na,a,\n")
    code, out, _ = run(capsys, "validate", str(tmp_path))
    assert code == 0
    assert "2 warnings:" in out and "friendship" in out and "self-tie" in out
    assert "1 note:" in out and "taken as 'organisation'" in out


def test_unrecognised_file_name(capsys, tmp_path):
    (tmp_path / "stuff.csv").write_text("who,what\n")
    code, _, err = run(capsys, "validate", str(tmp_path / "stuff.csv"))
    assert code == 1 and "cannot tell which table" in err


def test_no_input(capsys):
    code, _, err = run(capsys, "validate")
    assert code == 2 and "no input given" in err


def test_summary(capsys):
    code, out, _ = run(capsys, "summary", str(SAMPLE))
    assert code == 0 and "Bodies" in out and "business_coalition" in out
    # only columns that hold something: the sample has no actor at the body level
    head = out.split("Actors by sector")[1].splitlines()[1].split()
    assert head == ["core", "actors", "person", "organisation"]
    assert "101%" not in out and "41%" in out  # tie classes add up to 100


def test_summary_speaks_to_people(capsys, tmp_path):
    # a map read with issues says how to see them, in words, not a Python attribute
    folder = tmp_path / "m"
    folder.mkdir()
    (folder / "actors.csv").write_text("id,sector\na,public\nb,business\n", encoding="utf-8")
    (folder / "ties.csv").write_text("source,target\na,b\na,b\n", encoding="utf-8")
    code, out, _ = run(capsys, "summary", str(folder))
    assert code == 0
    assert ".issues" not in out and "issue(s)" not in out
    assert "One issue was noted while reading the input: 'netmap validate' lists" in out


def test_summary_of_bad_input(capsys, tmp_path):
    code, _, err = run(capsys, "summary", str(broken_copy(tmp_path)))
    assert code == 1 and "unknown sector 'pubilc'" in err


def test_convert_both_ways(capsys, tmp_path):
    code, out, _ = run(capsys, "convert", str(SAMPLE), "-o", str(tmp_path / "m.xlsx"))
    assert code == 0 and "Wrote" in out
    code, _, _ = run(capsys, "convert", str(tmp_path / "m.xlsx"), "-o",
                     str(tmp_path / "folder"))
    assert code == 0
    assert netmap.read_csv(tmp_path / "folder").equals(netmap.datasets.load_2x5())
    code, _, err = run(capsys, "convert", str(SAMPLE), "-o", str(tmp_path / "m.txt"))
    assert code == 1 and "cannot tell which format to write from '.txt'" in err


def test_text_waves_order_from_the_command_line(capsys, tmp_path):
    (tmp_path / "actors.csv").write_text("id,sector,wave\na,public,before\nb,third,after\n")
    (tmp_path / "ties.csv").write_text("source,target\na,b\n")
    code, out, _ = run(capsys, "validate", str(tmp_path))
    assert code == 1 and "no natural order" in out
    code, out, _ = run(capsys, "validate", str(tmp_path), "--waves", "before,after")
    assert code == 0 and "waves before, after" in out


def test_usage_errors_exit_2(capsys):
    assert main([]) == 2
    with pytest.raises(SystemExit) as info:
        main(["frobnicate"])
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        main(["convert", str(SAMPLE)])
    assert info.value.code == 2


@pytest.mark.parametrize("command", ["demo", "report", "validate", "summary", "convert"])
def test_help_for_every_command(capsys, command):
    with pytest.raises(SystemExit) as info:
        main([command, "--help"])
    assert info.value.code == 0
    assert "usage: netmap" in capsys.readouterr().out


@pytest.mark.slow  # about 2 s: a fresh interpreter runs the installed command
def test_installed_entry_point():
    exe = require("netmap", command=True)
    done = subprocess.run([exe, "--version"], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == f"netmap {netmap.__version__}"
    done = subprocess.run([sys.executable, "-m", "netmap.cli", "validate", str(SAMPLE)],
                          capture_output=True, text=True)
    assert done.returncode == 0


@pytest.mark.parametrize(("name", "to", "fmt"), [
    ("m.xlsx", None, "excel"), ("folder", None, "csv"), ("m.json", None, "kumu-json"),
    ("m.gexf", None, "gexf"), ("m.graphml", None, "graphml"), ("k.xlsx", "kumu", "kumu"),
])
def test_convert_every_format_and_back(capsys, tmp_path, name, to, fmt):
    out = tmp_path / name
    args = ["convert", str(SAMPLE), "-o", str(out)] + (["--to", to] if to else [])
    code, text, err = run(capsys, *args)
    assert code == 0, err
    assert f"({fmt})" in text
    from netmap.cli import input_format

    assert input_format(out) == fmt
    back = tmp_path / "back"
    code, _, err = run(capsys, "convert", str(out), "-o", str(back))
    assert code == 0, err
    assert netmap.read_csv(back).equals(netmap.datasets.load_2x5())


def test_convert_reads_a_users_kumu_workbook_and_says_what_is_wrong(capsys, tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Elements"
    for row in [["Label", "Type"], ["Ministry", "Goverment"], ["Amuta", "NGO"]]:
        ws.append(row)
    ws = wb.create_sheet("Connections")
    for row in [["From", "To"], ["Ministry", "Amuta"]]:
        ws.append(row)
    wb.save(tmp_path / "kumu.xlsx")
    code, _, err = run(capsys, "convert", str(tmp_path / "kumu.xlsx"), "-o",
                       str(tmp_path / "m.gexf"))
    assert code == 1
    assert "sheet 'Elements', row 2, column 'Type'" in err and "'public'" in err
    code, _, err = run(capsys, "convert", str(tmp_path / "kumu.xlsx"), "--from", "excel",
                       "-o", str(tmp_path / "m.gexf"))
    assert code == 1 and "no 'sector' column" in err


def test_convert_refuses_a_kumu_name_without_its_suffix(capsys, tmp_path):
    code, _, err = run(capsys, "convert", str(SAMPLE), "--to", "kumu", "-o",
                       str(tmp_path / "k.json"))
    assert code == 1 and "must end in .xlsx" in err


@pytest.mark.slow
def test_report_good_input(capsys, tmp_path):
    out_file = tmp_path / "r.html"
    code, out, err = run(capsys, "report", str(SAMPLE), "-o", str(out_file), "--lang",
                         "he", "--title", "מיפוי", "--goals", "tutoring,robotics",
                         "--complexity", "complex", "--permutations", "99")
    assert code == 0, err
    assert f"Wrote {out_file}" in out
    text = out_file.read_text(encoding="utf-8")
    assert "<title>מיפוי</title>" in text
    assert "robotics" in text  # the goal nobody works on is a gap
    assert 'class="netmap-explore-frame"' in text  # the interactive map comes first


def test_report_static_leaves_out_the_interactive_map(capsys, tmp_path):
    out_file = tmp_path / "r.html"
    code, _, err = run(capsys, "report", str(SAMPLE), "-o", str(out_file), "--static",
                       "--permutations", "19")
    assert code == 0, err
    text = out_file.read_text(encoding="utf-8")
    assert "<iframe" not in text and "<script" not in text
    full = tmp_path / "full.html"
    code, _, err = run(capsys, "report", str(SAMPLE), "-o", str(full), "--permutations", "19")
    assert code == 0, err
    interactive = full.read_text(encoding="utf-8")
    assert interactive.count("<iframe") == 1
    # The same pictures: the interactive report keeps the first map's picture for print.
    assert text.count("<img") == interactive.count("<img") > 1


@pytest.mark.slow
def test_report_verbose_times_every_section(capsys, tmp_path):
    code, _, err = run(capsys, "report", str(SAMPLE), "-o", str(tmp_path / "r.html"),
                       "--permutations", "99", "-v")
    assert code == 0
    from netmap.reporting import SECTION_IDS

    for section in SECTION_IDS:
        assert f"  {section:<10}" in err
    assert "  total" in err


@pytest.mark.slow
def test_report_of_one_wave_names_it(capsys, tmp_path):
    out_file = tmp_path / "r.html"
    code, _, err = run(capsys, "report", str(SAMPLE), "-o", str(out_file), "--wave", "2014",
                       "--permutations", "19")
    assert code == 0, err
    assert "Scope: wave 2014 of the map." in out_file.read_text(encoding="utf-8")
    code, _, err = run(capsys, "report", str(SAMPLE), "-o", str(out_file), "--wave", "2015")
    assert code == 1 and "wave '2015' is not a wave of this map" in err
    assert "2013, 2014, 2016" in err


def test_report_bad_input_exits_1_with_the_problems(capsys, tmp_path):
    out_file = tmp_path / "r.html"
    code, _, err = run(capsys, "report", str(broken_copy(tmp_path)), "-o", str(out_file))
    assert code == 1
    assert "unknown sector 'pubilc'" in err and "no report was written" in err
    assert not out_file.exists()


def test_report_usage_errors_exit_2(capsys, tmp_path):
    code, _, err = run(capsys, "report", str(SAMPLE), "-o", str(tmp_path / "r.pdf"))
    assert code == 2 and "HTML file" in err
    code, _, err = run(capsys, "report", str(SAMPLE), "-o",
                       str(tmp_path / "missing" / "r.html"))
    assert code == 2 and "does not exist" in err
    code, _, err = run(capsys, "report", "-o", str(tmp_path / "r.html"))
    assert code == 2 and "no input given" in err
    with pytest.raises(SystemExit) as info:
        main(["report", str(SAMPLE), "-o", str(tmp_path / "r.html"), "--lang", "fr"])
    assert info.value.code == 2


@pytest.mark.slow
def test_report_from_explicit_files(capsys, tmp_path):
    out_file = tmp_path / "r.html"
    code, _, _ = run(capsys, "report", "--actors", str(SAMPLE / "actors.csv"), "--ties",
                     str(SAMPLE / "ties.csv"), "-o", str(out_file), "--permutations", "19")
    assert code == 0
    text = out_file.read_text(encoding="utf-8")
    assert "no memberships" in text or "no bodies" in text  # bodies left out, with a note


def test_progress_bar_on_a_terminal():
    import io

    from netmap.cli import _Progress

    class Tty(io.StringIO):
        def isatty(self):
            return True

    stream = Tty()
    bar = _Progress(stream, verbose=False, label="report")
    bar("summary", 1, 2, 0.1)
    bar("map", 2, 2, 0.2)
    text = stream.getvalue()
    assert "\r" in text and "2/2 map" in text and text.endswith("\n")
    quiet = io.StringIO()
    _Progress(quiet, verbose=False, label="report")("summary", 1, 2, 0.1)
    assert quiet.getvalue() == ""


@pytest.mark.parametrize(("name", "fmt"), [("m.dl", "dl"), ("m.net", "pajek")])
def test_convert_writes_ucinet_and_pajek_and_says_what_they_leave_out(capsys, tmp_path,
                                                                      name, fmt):
    out = tmp_path / name
    code, text, err = run(capsys, "convert", str(SAMPLE), "-o", str(out))
    assert code == 0, err
    assert f"({fmt})" in text and "warning:" in err and "memberships" in err
    from netmap.cli import input_format

    assert input_format(out) == fmt
    code, _, err = run(capsys, "convert", str(out), "-o", str(tmp_path / "back"))
    assert code == 0, err
    back = netmap.read_csv(tmp_path / "back")
    m = netmap.datasets.load_2x5()
    assert back.actors.index.tolist() == m.actors.index.tolist()
    # Pajek carries the sectors in the partition written beside the network.
    expected = m.actors["sector"] if fmt == "pajek" else ["other"] * len(m.actors)
    assert back.actors["sector"].astype(str).tolist() == list(map(str, expected))


def test_encoding_reaches_a_kumu_folder(capsys, tmp_path):
    # Latin-1 "à" is also the Hebrew letter alef in Windows-1255: read only when told
    folder = tmp_path / "kumu"
    folder.mkdir()
    (folder / "elements.csv").write_bytes("Label,Type\nMinistry,public\nà,NGO\n"
                                          .encode("latin-1"))
    (folder / "connections.csv").write_bytes("From,To\nMinistry,à\n".encode("latin-1"))
    code, _, err = run(capsys, "validate", str(folder))
    assert code == 1 and "cannot tell the file's encoding" in err
    code, out, _ = run(capsys, "summary", str(folder), "--encoding", "latin-1")
    assert code == 0 and "2 actors" in out
