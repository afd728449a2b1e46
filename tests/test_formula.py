"""Spreadsheet formula injection: written inert, read back to the original."""

import csv

import openpyxl
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

import netmap
from netmap.model._formula import escape_cell, escape_values, unescape_cell
from netmap.testing import assert_map_equal

DANGEROUS = ["=1+1", "+972-3-5551234", "-2+3", "@SUM(A1)", "=HYPERLINK(\"http://x\",\"y\")",
             "=cmd|' /C calc'!A0", "'=already quoted", "''=twice"]


@pytest.mark.parametrize("value", DANGEROUS)
def test_dangerous_cells_get_one_quote_and_come_back(value):
    written = escape_cell(value)
    assert written == "'" + value
    assert unescape_cell(written) == value


@pytest.mark.parametrize("value", ["-3", "+2.5", "-1e5", "0", "plain", "it's", "'quoted'",
                                   "a=b", "", 7, -3.5, None])
def test_safe_cells_and_numbers_are_untouched(value):
    assert escape_cell(value) == value
    assert unescape_cell(escape_cell(value)) == value


@given(st.text(alphabet="'=+-@\t\rab1 .", max_size=8))
def test_escaping_is_one_to_one(value):
    written = escape_cell(value)
    assert unescape_cell(written) == value
    if written and written[0] in "=+-@\t\r":
        assert float(written) == float(written)  # only plain numbers start so


def test_escape_values_leaves_numeric_columns_alone():
    numbers = pd.Series([-3, 2, None], dtype="Int64")
    assert escape_values(numbers) is numbers
    text = pd.Series(["=x", None, "-3", "ok"])
    assert escape_values(text).tolist() == ["'=x", None, "-3", "ok"]


@pytest.fixture
def hostile_map():
    actors = pd.DataFrame({
        "id": ["a", "b", "c"],
        "name": ["=HYPERLINK(\"http://evil\",\"click\")", "@SUM(1)", "-3"],
        "sector": ["public", "third", "business"],
        "score": [-3, 4, None],
        "=formula header": ["+1+cmd", "x", "+1"],
    })
    ties = pd.DataFrame({"source": ["a"], "target": ["b"], "note": ["=1+1"]})
    return netmap.from_frames(actors, ties, name="=title")


def test_csv_cells_are_quoted_and_read_back(tmp_path, hostile_map):
    hostile_map.to_csv(tmp_path)
    with open(tmp_path / "actors.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    header, first, second, third = rows
    assert "'=formula header" in header
    assert first[header.index("name")] == "'=HYPERLINK(\"http://evil\",\"click\")"
    assert second[header.index("name")] == "'@SUM(1)"
    assert third[header.index("name")] == "-3"          # a plain number stays as it is
    assert first[header.index("score")] == "-3"         # a number column too
    assert first[header.index("'=formula header")] == "'+1+cmd"
    assert third[header.index("'=formula header")] == "+1"  # a plain number
    for row in rows:
        for cell in row:
            assert not cell or cell[0] not in "=+-@\t\r" or cell in ("-3", "+1")
    assert "'=title" in (tmp_path / "map.csv").read_text(encoding="utf-8-sig")
    back = netmap.read_csv(tmp_path)
    assert_map_equal(hostile_map, back, check_name=True)


@pytest.mark.parametrize("writer", ["to_excel", "to_kumu"])
def test_workbooks_hold_no_formula(tmp_path, hostile_map, writer):
    path = tmp_path / "map.xlsx"
    getattr(hostile_map, writer)(path)
    wb = openpyxl.load_workbook(path)
    texts = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    texts.append(cell.value)
                    assert cell.value[0] not in "=+-@\t\r" or cell.value in ("-3", "+1")
                if cell.value == -3:
                    assert cell.data_type == "n"
    assert "'=HYPERLINK(\"http://evil\",\"click\")" in texts
    read = netmap.read_excel if writer == "to_excel" else netmap.read_kumu
    assert_map_equal(hostile_map, read(path), check_name=True)
