import datetime

import openpyxl
import pandas as pd
import pytest

import netmap
from netmap import FileFormatError, UnknownSectorError, ValidationError
from netmap.testing import assert_map_equal
from workbooks import workbook

ACTORS = [["id", "name", "sector", "level", "org"],
          [1, "משרד החינוך", "ממשלה", "ארגון", None],
          [2, "جمعية النور", "جمعية", "organisation", None],
          [3, "Intel Israel", "business", None, None],
          [4, "דנה", "third", "person", 2]]
TIES = [["source", "target", "type", "weight", "wave"],
        [1, 2, "funding", 2, 2013],
        [3, 2, "donation", 1.5, 2014],
        [4, 1, "מידע", None, datetime.datetime(2014, 1, 1)]]


def test_reads_numeric_ids_and_hebrew_sheet_names(tmp_path):
    path = workbook(tmp_path / "map.xlsx", {
        "הוראות": [["Fill in the sheets"]],
        "שחקנים": ACTORS,
        "קשרים": [r[:4] for r in TIES]})
    with pytest.warns(netmap.DataWarning, match="weight is empty"):
        m = netmap.read_excel(path)
    assert m.actors.index.tolist() == ["1", "2", "3", "4"]
    assert m.actors["level"].tolist() == ["organisation"] * 3 + ["person"]
    assert m.actors.loc["4", "org"] == "2"
    assert m.ties["weight"].tolist() == [2.0, 1.5, 1.0]
    notes = m.issues.set_index("code")
    assert notes.loc["skipped-sheet", "sheet"] == "הוראות"
    assert notes.loc["skipped-sheet", "severity"] == "note"
    assert notes.loc["default-level", "row"] == 4


def test_error_names_sheet_row_column_and_letter(tmp_path):
    actors = [row[:] for row in ACTORS]
    actors[2][2] = "جمعيه خيريه ما"
    path = workbook(tmp_path / "map.xlsx", {"actors": actors, "ties": [r[:4] for r in TIES]})
    with pytest.raises(ValidationError) as info:
        netmap.read_excel(path)
    (err,) = info.value.errors
    assert isinstance(err, UnknownSectorError)
    assert (err.sheet, err.row, err.column) == ("actors", 3, "sector")
    assert f"{path}, sheet 'actors', row 3, column 'sector' (C)" in str(err)


def test_mixed_number_and_date_waves_cannot_be_ordered(tmp_path):
    path = workbook(tmp_path / "map.xlsx", {"actors": ACTORS, "ties": TIES})
    with pytest.raises(ValidationError, match="mix numbers and dates"):
        netmap.read_excel(path)


def test_title_rows_and_bilingual_header(tmp_path):
    path = workbook(tmp_path / "map.xlsx", {
        "actors": [["Stakeholder map, 2024"], [], ["מזהה", "מגזר"], ["id", "sector"],
                   ["a", "public"], ["b", "buisness"]],
        "ties": [["source", "target"], ["a", "b"]]})
    with pytest.raises(ValidationError) as info:
        netmap.read_excel(path)
    assert info.value.errors[0].row == 6


def test_missing_sheets_listed(tmp_path):
    path = workbook(tmp_path / "map.xlsx", {"Sheet1": [["who", "what"]]})
    with pytest.raises(ValidationError) as info:
        netmap.read_excel(path)
    messages = [str(e) for e in info.value.errors]
    assert any("no actors sheet (sheets found: 'Sheet1')" in s for s in messages)
    assert any("no ties sheet" in s for s in messages)


def test_two_sheets_for_one_table(tmp_path):
    path = workbook(tmp_path / "map.xlsx", {"actors": ACTORS, "שחקנים": ACTORS,
                                            "ties": [["source", "target"]]})
    with pytest.raises(ValidationError, match="both hold the actors table"):
        netmap.read_excel(path)


def test_not_a_workbook(tmp_path):
    path = tmp_path / "map.xlsx"
    path.write_text("id,sector\n")
    with pytest.raises(FileFormatError, match="not an Excel workbook"):
        netmap.read_excel(path)
    with pytest.raises(FileFormatError, match="no such file"):
        netmap.read_excel(tmp_path / "nope.xlsx")


def test_round_trip_hebrew_arabic(tmp_path):
    actors = pd.DataFrame({
        "id": ["moe", "jam", "p", "007"],
        "name": ["משרד החינוך", "جمعية النور", "דנה (נציגה)", "Intel ישראל"],
        "sector": ["public", "third", "third", "business"],
        "level": ["organisation", "organisation", "person", "organisation"],
        "org": [None, None, "jam", None],
        "wave": [1, 1, 2, None],
        "budget": [10.5, None, None, 3],
    })
    ties = pd.DataFrame({"source": ["moe", "p", "007"], "target": ["jam", "moe", "jam"],
                         "type": ["funding", "partnership", "donation"],
                         "trust": [4, None, 2], "wave": [None, 2, 2]})
    members = pd.DataFrame({"actor": ["moe", "jam"], "body": ["sc", "sc"],
                            "role": ["chair", "member"]})
    bodies = pd.DataFrame({"id": ["sc"], "name": ["ועדת היגוי"],
                           "kind": ["steering_committee"]})
    m = netmap.from_frames(actors, ties, members, bodies, directed=True, name="מפה")
    path = tmp_path / "map.xlsx"
    m.to_excel(path)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["actors", "ties", "memberships", "bodies", "map"]
    assert wb["actors"]["A5"].value == "007"
    again = netmap.read_excel(path)
    assert_map_equal(m, again, check_name=True)
    path2 = tmp_path / "map2.xlsx"
    again.to_excel(path2)
    assert_map_equal(again, netmap.read_excel(path2), check_name=True)


def test_date_setting_from_a_date_cell_or_text_and_back(tmp_path):
    for value in (datetime.datetime(2024, 3, 1), "2024-03-01", datetime.date(2024, 3, 1)):
        path = workbook(tmp_path / "dated.xlsx", {
            "actors": ACTORS, "ties": [row[:2] for row in TIES],
            "הגדרות": [["הגדרה", "ערך"], ["שם", "מפה"], ["תאריך", value]]})
        m = netmap.read_excel(path)
        assert m.date == "2024-03-01", value
    m.to_excel(tmp_path / "again.xlsx")
    rows = list(openpyxl.load_workbook(tmp_path / "again.xlsx")["map"].values)
    assert ("date", "2024-03-01") in rows
    again = netmap.read_excel(tmp_path / "again.xlsx")
    assert again.date == "2024-03-01"
    assert_map_equal(m, again, check_name=True)


@pytest.mark.parametrize("value", [datetime.datetime(2024, 3, 1, 9, 30), "1.3.2024", 45352])
def test_a_date_that_is_not_a_date_names_sheet_and_row(tmp_path, value):
    path = workbook(tmp_path / "bad.xlsx", {
        "actors": ACTORS, "ties": [row[:2] for row in TIES],
        "map": [["setting", "value"], ["date", value]]})
    with pytest.raises(netmap.InvalidValueError, match="YYYY-MM-DD") as info:
        netmap.read_excel(path)
    assert (info.value.sheet, info.value.row) == ("map", 2)


def test_old_xls_workbook(tmp_path):
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    with pytest.raises(FileFormatError, match="save it from Excel as .xlsx"):
        netmap.read_excel(path)


def test_whole_numbers_and_booleans_read_back_the_same_from_every_format(tmp_path):
    actors = pd.DataFrame({"id": ["a", "b", "c"], "sector": ["public", "third", "third"],
                           "budget": [0.0, None, 2.0], "share": [0.5, 1.0, None],
                           "lead": [True, False, True], "flag": ["TRUE", "false", None]})
    m = netmap.from_frames(actors, pd.DataFrame({"source": ["a"], "target": ["b"]}))
    assert str(m.actors["budget"].dtype) == "Int64"
    assert str(m.actors["share"].dtype) == "Float64"
    assert str(m.actors["lead"].dtype) == "boolean"
    assert m.actors["flag"].tolist()[:2] == [True, False]
    m.to_excel(tmp_path / "m.xlsx")
    assert_map_equal(m, netmap.read_excel(tmp_path / "m.xlsx"))
    m.to_csv(tmp_path / "csv")
    assert_map_equal(m, netmap.read_csv(tmp_path / "csv"))
