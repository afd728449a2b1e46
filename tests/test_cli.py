import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import netmap
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


def test_demo(capsys):
    code, out, _ = run(capsys, "demo")
    assert code == 0
    assert "The bundled 2x5 sample is valid" in out
    assert "Actors by sector" in out and "Ties by class" in out


def test_validate_good_input(capsys):
    code, out, _ = run(capsys, "validate", str(SAMPLE))
    assert code == 0
    assert out.startswith("OK: <StakeholderMap: 92 actors")


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
    (tmp_path / "stuff.csv").write_text("id,sector\n")
    code, _, err = run(capsys, "validate", str(tmp_path / "stuff.csv"))
    assert code == 1 and "cannot tell which table" in err


def test_no_input(capsys):
    code, _, err = run(capsys, "validate")
    assert code == 2 and "no input given" in err


def test_summary(capsys):
    code, out, _ = run(capsys, "summary", str(SAMPLE))
    assert code == 0 and "Bodies" in out and "business_coalition" in out


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


@pytest.mark.parametrize("command", ["demo", "validate", "summary", "convert"])
def test_help_for_every_command(capsys, command):
    with pytest.raises(SystemExit) as info:
        main([command, "--help"])
    assert info.value.code == 0
    assert "usage: netmap" in capsys.readouterr().out


def test_installed_entry_point():
    exe = shutil.which("netmap")
    if exe is None:
        pytest.skip("the netmap command is not on PATH (package not installed)")
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
