"""Tables found by their headers when their sheet or file name names none (issue 14, item 1)."""

import openpyxl
import pytest

import netmap
from conftest import write_text
from netmap import ValidationError
from netmap.cli import main
from netmap.model.schema import table_for_header
from netmap.testing import assert_map_equal
from workbooks import workbook

ACTORS = [["מזהה", "שם", "מגזר"], ["moe", "משרד החינוך", "ממשלה"],
          ["ngo", "עמותת אור", "עמותה"], ["biz", "חברה", "business"]]
TIES = [["מקור", "יעד", "סוג"], ["moe", "ngo", "מימון"], ["biz", "ngo", "תרומה"]]
MEMBERSHIPS = [["שחקן", "גוף", "תפקיד"], ["moe", "steering", "יו\"ר"],
               ["ngo", "steering", "חבר"], ["biz", "steering", "חבר"]]
ENGLISH_MEMBERSHIPS = [["actor", "body", "role"], ["moe", "steering", "chair"],
                       ["ngo", "steering", "member"], ["biz", "steering", "member"]]




def folder(path, files: dict[str, list[list]]):
    path.mkdir(exist_ok=True)
    for name, rows in files.items():
        write_text(path / name, "".join(",".join(map(str, r)) + "\n" for r in rows))
    return path


def test_table_for_header_by_required_columns():
    assert table_for_header(["שחקן", "גוף", "תפקיד"])[0] == "memberships"
    assert table_for_header(["actor", "goal"])[0] == "activities"
    assert table_for_header(["From", "To", "Type"])[0] == "ties"
    assert table_for_header(["id", "sector"])[0] == "actors"
    assert table_for_header(["id", "kind"])[0] == "bodies"
    assert table_for_header(["who", "what"]) == (None, ())


def test_regression_memberships_sheet_named_chavrut(tmp_path):
    # A memberships sheet named "חברות" was skipped with a note: the report
    # then said the public sector chairs no joint body.
    m = netmap.datasets.load_2x5()
    documented = tmp_path / "documented.xlsx"
    m.to_excel(documented)
    wb = openpyxl.load_workbook(documented)
    wb["memberships"].title = "חברות"
    renamed = tmp_path / "renamed.xlsx"
    wb.save(renamed)
    read = netmap.read_excel(renamed)
    assert_map_equal(read, netmap.read_excel(documented))
    chairs = netmap.body_composition(read)["chair_sectors"]
    assert any("public" in sectors for sectors in chairs)
    note = read.issues.set_index("code").loc["table-by-header"]
    assert (note["severity"], note["sheet"], note["table"]) == ("note", "חברות",
                                                                 "memberships")


@pytest.mark.parametrize(("title", "rows"), [
    ("חברות", MEMBERSHIPS), ("Memberships 2024", ENGLISH_MEMBERSHIPS),
    ("חברות 2024", ENGLISH_MEMBERSHIPS), ("Members list", MEMBERSHIPS)])
def test_workbook_sheet_found_by_header(tmp_path, title, rows):
    path = workbook(tmp_path / "m.xlsx", {"שחקנים": ACTORS, "ties": TIES, title: rows})
    m = netmap.read_excel(path)
    assert m.memberships[["actor", "body", "role"]].to_numpy().tolist() == [
        ["moe", "steering", "chair"], ["ngo", "steering", "member"],
        ["biz", "steering", "member"]]
    assert "skipped-sheet" not in set(m.issues["code"])


@pytest.mark.parametrize(("names", "members"), [
    (("ארגונים 2024.csv", "links.csv", "חברות.csv"), MEMBERSHIPS),
    (("Stakeholders 2024.csv", "ties.csv", "Memberships 2024.csv"), ENGLISH_MEMBERSHIPS),
    (("שחקנים.csv", "connections 2024.csv", "חברות.csv"), ENGLISH_MEMBERSHIPS)])
def test_csv_folder_files_found_by_header(tmp_path, names, members):
    path = folder(tmp_path / "map", dict(zip(names, (ACTORS, TIES, members),
                                             strict=True)))
    m = netmap.read_csv(path)
    assert (m.n_actors, m.n_ties, len(m.memberships)) == (3, 2, 3)
    assert m.memberships["role"].tolist() == ["chair", "member", "member"]


def test_unmatched_sheet_warns_naming_it_and_how_to_make_it_count(tmp_path):
    path = workbook(tmp_path / "m.xlsx", {"actors": ACTORS, "ties": TIES,
                                          "Budget": [["item", "amount"], ["x", 3]]})
    with pytest.warns(netmap.DataWarning, match="sheet 'Budget'.*name it for its table"):
        m = netmap.read_excel(path)
    record = m.issues.set_index("code").loc["skipped-sheet"]
    assert record["severity"] == "warning" and record["sheet"] == "Budget"
    assert "חברות בגופים" in record["message"]


def test_notes_and_empty_sheets_are_notes_only(tmp_path):
    path = workbook(tmp_path / "m.xlsx", {"actors": ACTORS, "ties": TIES,
                                          "Instructions": [["Fill in the sheets"]],
                                          "הערות": [["..."]], "Sheet1": []})
    m = netmap.read_excel(path, strict=True)
    assert set(m.issues["severity"]) == {"note"}
    assert sorted(m.issues["sheet"]) == sorted(["Instructions", "הערות", "Sheet1"])


def test_strict_turns_the_warning_into_an_error(tmp_path):
    path = workbook(tmp_path / "m.xlsx", {"actors": ACTORS, "ties": TIES,
                                          "Budget": [["item", "amount"], ["x", 3]]})
    with pytest.raises(ValidationError) as info:
        netmap.read_excel(path, strict=True)
    (err,) = info.value.errors
    assert err.sheet == "Budget" and "not read (strict)" in str(err)
    folder_path = folder(tmp_path / "f", {"actors.csv": ACTORS, "ties.csv": TIES,
                                          "budget.csv": [["item", "amount"]]})
    with pytest.raises(ValidationError, match="budget.csv"):
        netmap.read_csv(folder_path, strict=True)
    with pytest.raises(netmap.ParameterError):
        netmap.read_csv(folder_path, strict="yes")


def test_two_unknown_sheets_with_one_header_are_both_left_out(tmp_path):
    path = workbook(tmp_path / "m.xlsx", {"actors": ACTORS, "ties": TIES,
                                          "A": MEMBERSHIPS, "B": ENGLISH_MEMBERSHIPS})
    with pytest.warns(netmap.DataWarning, match="'A' and 'B' both have the header"):
        m = netmap.read_excel(path)
    assert m.memberships.empty


def test_header_of_a_table_already_held(tmp_path):
    path = workbook(tmp_path / "m.xlsx", {"actors": ACTORS, "ties": TIES,
                                          "old ties": TIES})
    with pytest.warns(netmap.DataWarning, match="which 'ties' already holds"):
        netmap.read_excel(path)


def test_name_contradicted_by_header(tmp_path):
    # "ארגונים" names the actors table; its header is that of the memberships.
    path = workbook(tmp_path / "m.xlsx", {"stakeholders": ACTORS, "ties": TIES,
                                          "ארגונים": MEMBERSHIPS})
    with pytest.warns(netmap.DataWarning, match="named like the actors table"):
        m = netmap.read_excel(path)
    assert len(m.memberships) == 3


def test_missing_ties_sheet_still_named(tmp_path):
    path = workbook(tmp_path / "m.xlsx", {"actors": ACTORS, "notes": [["x"]]})
    with pytest.raises(ValidationError, match="no ties sheet"):
        netmap.read_excel(path)


def test_command_line_lists_the_warning_and_strict_fails(tmp_path, capsys):
    path = workbook(tmp_path / "m.xlsx", {"actors": ACTORS, "ties": TIES,
                                          "Budget": [["item", "amount"], ["x", 3]]})
    assert main(["validate", str(path)]) == 0
    assert "sheet 'Budget'" in capsys.readouterr().out
    assert main(["validate", "--strict", str(path)]) == 1
    assert "not read (strict)" in capsys.readouterr().out
    out = tmp_path / "out.gexf"
    assert main(["convert", str(path), "-o", str(out)]) == 0
    assert "sheet 'Budget'" in capsys.readouterr().err
    assert main(["convert", "--strict", str(path), "-o", str(out)]) == 1


def test_report_lists_the_skipped_sheet_in_its_notes(tmp_path):
    path = workbook(tmp_path / "m.xlsx", {"actors": ACTORS, "ties": TIES,
                                          "Budget": [["item", "amount"], ["x", 3]]})
    with pytest.warns(netmap.DataWarning):
        m = netmap.read_excel(path)
    out = netmap.report(m, tmp_path / "r.html", permutations=9)
    html = out.read_text(encoding="utf-8")
    notes = html[html.index('id="notes"'):]
    assert "sheet &#39;Budget&#39;" in notes or "sheet &#x27;Budget&#x27;" in notes


def test_a_sheet_named_as_notes_is_not_read(tmp_path):
    # So a damaged or huge instructions sheet neither fails nor slows the reading.
    path = workbook(tmp_path / "m.xlsx", {"actors": ACTORS, "ties": TIES,
                                          "notes": [["id", "sector"], ["x", "nonsense"]]})
    m = netmap.read_excel(path)
    assert m.n_actors == 3
    assert m.issues.set_index("code").loc["skipped-sheet", "severity"] == "note"
