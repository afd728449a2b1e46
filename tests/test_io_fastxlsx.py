"""The workbook reader's fast path (python-calamine) gives exactly what openpyxl's gives.

Every workbook is read twice: once with the fast path taking any sheet it
can vouch for (its size floor lowered to 0), once with it off (every sheet
by openpyxl's parser); the maps (every table, column, dtype and value), the
issues and the warnings, or the error messages, must be the same.
"""

from __future__ import annotations

import datetime
import io
import random
import sys
import warnings
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import netmap
from conftest import read_outcome, require
from netmap.io import _fastxlsx
from workbooks import workbook

pytestmark = pytest.mark.filterwarnings("ignore::netmap.DataWarning")

_EXCEL = sys.modules["netmap.io.excel"]


def _read(path, *, fast: bool, monkeypatch, **kw):
    """The map (or the error), the warnings and the tables built from calamine's cells."""
    taken: list[str] = []
    with monkeypatch.context() as mp:
        if fast:
            mp.setattr(_fastxlsx, "MIN_BYTES", 0)
            original = _fastxlsx.fast_table

            def spy(sheet, table, *, file, sheet_name):
                raw = original(sheet, table, file=file, sheet_name=sheet_name)
                if raw is not None:
                    taken.append(sheet_name)
                return raw

            mp.setattr(_EXCEL, "fast_table", spy)
        else:
            mp.setattr(_fastxlsx, "available", lambda: False)
        result, said = read_outcome(netmap.read_excel, path, **kw)
    return result, said, taken


def _frames(m):
    return {"actors": m.actors, "ties": m.ties, "memberships": m.memberships,
            "bodies": m.bodies, "activities": m.activities, "issues": m.issues}


def assert_same_both_ways(path, monkeypatch, **kw):
    """Read ``path`` by both paths; everything must agree. The fast result, its sheets."""
    fast, fast_warned, taken = _read(path, fast=True, monkeypatch=monkeypatch, **kw)
    slow, slow_warned, _ = _read(path, fast=False, monkeypatch=monkeypatch, **kw)
    assert fast_warned == slow_warned
    assert type(fast) is type(slow)
    if isinstance(slow, Exception):
        assert str(fast) == str(slow)
        return fast, taken
    for name, frame in _frames(slow).items():
        other = _frames(fast)[name]
        pd.testing.assert_frame_equal(other, frame, check_exact=True, obj=name)
        assert other.dtypes.astype(str).tolist() == frame.dtypes.astype(str).tolist()
    assert fast.waves == slow.waves and fast.directed == slow.directed
    assert fast.name == slow.name and fast.date == slow.date
    return fast, taken


ACTORS = [["id", "name", "sector", "wave", "score"],
          ["moe", "Ministry of Education", "government", 2014, 1],
          ["ngo1", "עמותה אחת", "עמותה", 2015, 2.5],
          ["biz", "Intel ישראל", "business", 2014, 3],
          ["fund", "קרן", "קרן", 2016, 4]]
TIES = [["source", "target", "type", "weight"],
        ["moe", "ngo1", "funding", 2],
        ["ngo1", "biz", "partnership", 1],
        ["biz", "fund", "מימון", None],
        ["fund", "moe", "information", 3]]


def _with(rows, r, c, value):
    rows = [list(row) for row in rows]
    rows[r][c] = value
    return rows


CASES = {
    "plain": {"actors": ACTORS, "ties": TIES},
    "hebrew_sheets": {"שחקנים": ACTORS, "קשרים": TIES},
    "titles_above": {"actors": [["Registry"], [], *ACTORS], "ties": [["Ties"], *TIES]},
    "gap_after_header": {"actors": [ACTORS[0], [], *ACTORS[1:]], "ties": TIES},
    "header_alias_after_gap": {"actors": [ACTORS[0], [None], ["מזהה", "שם", "מגזר", "גל"],
                                          *ACTORS[1:]], "ties": TIES},
    "header_alias": {"actors": [ACTORS[0], ["מזהה", "שם", "מגזר", "גל"], *ACTORS[1:]],
                     "ties": TIES},
    "booleans": {"actors": [[*r, f] for r, f in zip(ACTORS, ["flag", True, False, True,
                                                              None], strict=True)],
                 "ties": TIES},
    "empty_strings": {"actors": _with(ACTORS, 2, 1, ""), "ties": TIES},
    "spaces": {"actors": _with(ACTORS, 2, 1, "  x  "), "ties": _with(TIES, 1, 0, " moe ")},
    "escapes": {"actors": _with(_with(ACTORS, 2, 1, "a_x000D_b"), 3, 1, "_x005F_x0041_"),
                "ties": TIES},
    "newlines": {"actors": _with(ACTORS, 2, 1, "a\nb"), "ties": TIES},
    "big_integer": {"actors": _with(ACTORS, 1, 4, 2**60), "ties": TIES},
    "floats": {"actors": _with(_with(ACTORS, 1, 4, 0.1 + 0.2), 2, 4, 1e-300),
               "ties": _with(TIES, 1, 3, 2.5)},
    "negative_zero": {"actors": _with(ACTORS, 1, 4, -0.0), "ties": TIES},
    "numbers_as_ids": {"actors": _with(ACTORS, 1, 0, 7), "ties": _with(TIES, 1, 0, 7)},
    "dates": {"actors": [[*r, d] for r, d in zip(ACTORS, [
        "joined", datetime.datetime(2020, 1, 2), datetime.date(2021, 5, 1),
        datetime.datetime(2020, 1, 2, 3, 4, 5), None], strict=True)], "ties": TIES},
    "times": {"actors": [[*r, d] for r, d in zip(ACTORS, [
        "at", datetime.time(12, 30), datetime.timedelta(days=1, hours=2), None, None],
        strict=True)], "ties": TIES},
    "formula_text": {"actors": _with(ACTORS, 2, 1, "'=HYPERLINK(1)"), "ties": TIES},
    "formulas": {"actors": _with(ACTORS, 2, 4, "=1+1"), "ties": TIES},
    "unknown_sector": {"actors": [*ACTORS, ["x", "X", "spaceship", 2014, 5]], "ties": TIES},
    "unknown_actor": {"actors": ACTORS, "ties": [*TIES, ["moe", "nobody", "funding", 1]]},
    "duplicate_id": {"actors": [*ACTORS, ["moe", "Again", "government", 2014, 9]],
                     "ties": TIES},
    "invisible": {"actors": _with(ACTORS, 2, 0, "ngo1\u200b"), "ties": TIES},
    "value_without_header": {"actors": _with(ACTORS, 2, 4, 2) + [[None] * 6 + ["x"]],
                             "ties": TIES},
    "notes_and_unknown_sheets": {"notes": [["read me"]], "actors": ACTORS, "ties": TIES,
                                 "Sheet9": [["who", "what"], [1, 2]]},
    "empty_sheet": {"actors": ACTORS, "ties": TIES, "Sheet2": []},
    "no_ties": {"actors": ACTORS},
    "empty_ties": {"actors": ACTORS, "ties": [TIES[0]]},
    "settings": {"actors": ACTORS, "ties": TIES,
                 "map": [["setting", "value"], ["directed", "yes"], ["name", "מפה"],
                         ["waves", "2014; 2015; 2016"], ["date", "2024-03-01"]]},
    "settings_date_cell": {"actors": ACTORS, "ties": TIES,
                           "map": [["setting", "value"],
                                   ["date", datetime.datetime(2024, 3, 1)]]},
    "settings_header_late": {"actors": ACTORS, "ties": TIES,
                             "map": [[], ["setting", "value"], ["directed", "yes"]]},
    "settings_bad": {"actors": ACTORS, "ties": TIES,
                     "map": [["setting", "value"], ["colour", "red"]]},
    "wide": {"actors": [[*r, *([None] * 40), "far"] for r in ACTORS], "ties": TIES},
    "memberships": {"actors": ACTORS, "ties": TIES,
                    "memberships": [["actor", "body"], ["moe", "board"], ["biz", "board"]]},
}


def _styled(path: Path, how: str) -> Path:
    """The workbook at ``path`` with sheets edited: merged or hidden."""
    import openpyxl

    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    if how == "merged":
        ws.merge_cells("B2:B3")
    elif how == "hidden":
        wb.worksheets[1].sheet_state = "hidden"
    elif how == "styled_empty_rows":
        ws.cell(row=ws.max_row + 2, column=2).number_format = "0.00"
        ws.cell(row=2, column=7).font = openpyxl.styles.Font(bold=True)
    wb.save(path)
    return path


def _edited(path: Path, part: str, old: bytes, new: bytes) -> Path:
    """The workbook with ``old`` replaced by ``new`` in one of its parts."""
    data = path.read_bytes()
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            content = src.read(name)
            if name == part:
                assert old in content, (old, content[:400])
                content = content.replace(old, new, 1)
            dst.writestr(name, content)
    path.write_bytes(out.getvalue())
    return path


SHEET1 = "xl/worksheets/sheet1.xml"

#: Sheet XML edits: error cells, cached and missing formula values, odd numbers ...
EDITS = {
    "error_cell": (b'<c r="B3" t="inlineStr"><is><t>',
                   b'<c r="B3" t="e"><v>#N/A</v></c><c r="Z9" t="inlineStr"><is><t>'),
    "div0_formula": (b'<c r="E2" t="n"><v>1</v></c>',
                     b'<c r="E2" t="e"><f>1/0</f><v>#DIV/0!</v></c>'),
    "cached_formula": (b'<c r="E2" t="n"><v>1</v></c>', b'<c r="E2"><f>1+0</f><v>1</v></c>'),
    "formula_no_cache": (b'<c r="E2" t="n"><v>1</v></c>', b'<c r="E2"><f>1+0</f></c>'),
    "formula_string": (b'<c r="E2" t="n"><v>1</v></c>',
                       b'<c r="E2" t="str"><f>"x"</f><v>x</v></c>'),
    "iso_date": (b'<c r="E2" t="n"><v>1</v></c>',
                 b'<c r="E2" t="d"><v>2020-01-02T00:00:00</v></c>'),
    "inf": (b'<c r="E2" t="n"><v>1</v></c>', b'<c r="E2" t="n"><v>inf</v></c>'),
    "underscore_number": (b'<c r="E2" t="n"><v>1</v></c>', b'<c r="E2" t="n"><v>1_0</v></c>'),
    "spaced_number": (b'<c r="E2" t="n"><v>1</v></c>', b'<c r="E2" t="n"><v> 1</v></c>'),
    "huge_number": (b'<c r="E2" t="n"><v>1</v></c>',
                    b'<c r="E2" t="n"><v>123456789012345678901</v></c>'),
    "bool_two": (b'<c r="E2" t="n"><v>1</v></c>', b'<c r="E2" t="b"><v>2</v></c>'),
    "control_character": (b"<t>Ministry", b"<t>Min\x01istry"),
    "carriage_return_reference": (b"<t>Ministry", b"<t>Min&#13;istry"),
    "cell_in_other_row": (b'<c r="B2"', b'<c r="B3"'),
    "row_zero": (b'<row r="2"', b'<row r="0"'),
    "row_too_far": (b'<row r="2"', b'<row r="2000000"'),
    "rows_out_of_order": (b'<row r="2"', b'<row r="9"'),
    "column_too_far": (b'<c r="B2"', b'<c r="XFE2"'),
    "no_reference": (b'<c r="B2" ', b"<c "),
    "unknown_type": (b'<c r="E2" t="n"', b'<c r="E2" t="zz"'),
    "shared_index_out": (b'<c r="E2" t="n"><v>1</v></c>', b'<c r="E2" t="s"><v>99</v></c>'),
    "lower_case_reference": (b'<c r="B2"', b'<c r="b2"'),
    "cdata": (b"<t>Ministry", b"<t><![CDATA[<c>]]>Ministry"),
    "damaged_type": (b'<c r="B2" t="inlineStr"', b'<c r="B2" t="inl]]>ineStr"'),
    "inline_string_in_number": (b'<c r="B2" t="inlineStr"', b'<c r="B2" t="n"'),
    "comment_hiding_a_row": (b'<row r="3"', b'<!--<row r="9">--><row r="3"'),
    "sparse_far_cell": (b"</sheetData>",
                        b'<row r="1048576"><c r="XFD1048576" t="n"><v>1</v></c></row>'
                        b"</sheetData>"),
}


@pytest.fixture
def plain_book(tmp_path):
    return workbook(tmp_path / "map.xlsx", CASES["plain"])


@pytest.mark.parametrize("case", sorted(CASES))
def test_both_paths_read_alike(tmp_path, monkeypatch, case):
    require("python_calamine")
    path = workbook(tmp_path / "map.xlsx", CASES[case])
    assert_same_both_ways(path, monkeypatch)


@pytest.mark.parametrize("how", ["merged", "hidden", "styled_empty_rows"])
def test_styled_sheets_read_alike(plain_book, monkeypatch, how):
    require("python_calamine")
    assert_same_both_ways(_styled(plain_book, how), monkeypatch)


@pytest.mark.parametrize("edit", sorted(EDITS))
def test_edited_sheets_read_alike(plain_book, monkeypatch, edit):
    require("python_calamine")
    old, new = EDITS[edit]
    assert_same_both_ways(_edited(plain_book, SHEET1, old, new), monkeypatch)


@pytest.mark.parametrize("edit", ["error_cell", "div0_formula", "iso_date", "inf",
                                  "underscore_number", "spaced_number", "huge_number",
                                  "control_character", "carriage_return_reference",
                                  "cell_in_other_row", "rows_out_of_order",
                                  "column_too_far", "no_reference", "sparse_far_cell",
                                  "cdata", "comment_hiding_a_row", "damaged_type",
                                  "inline_string_in_number"])
def test_what_calamine_may_read_otherwise_goes_openpyxl(plain_book, monkeypatch, edit):
    require("python_calamine")
    old, new = EDITS[edit]
    _, taken = assert_same_both_ways(_edited(plain_book, SHEET1, old, new), monkeypatch)
    assert "actors" not in taken


def test_plain_sheets_take_the_fast_path(plain_book, monkeypatch):
    require("python_calamine")
    m, taken = assert_same_both_ways(plain_book, monkeypatch)
    assert taken == ["actors", "ties"]
    assert m.n_ties == 4


def test_date_styled_sheets_go_openpyxl(tmp_path, monkeypatch):
    require("python_calamine")
    _, taken = assert_same_both_ways(workbook(tmp_path / "d.xlsx", CASES["dates"]),
                                     monkeypatch)
    assert taken == ["ties"]


def test_shared_strings_read_alike(tmp_path, monkeypatch):
    """Cells of the shared-strings table, as Excel writes text (openpyxl writes inline)."""
    require("python_calamine")
    path = workbook(tmp_path / "s.xlsx", CASES["plain"])
    data = zipfile.ZipFile(path)
    sheet = data.read(SHEET1).decode()
    import re

    strings: list[str] = []

    def shared(match):
        strings.append(match.group(2))
        return f'<c r="{match.group(1)}" t="s"><v>{len(strings) - 1}</v></c>'

    sheet = re.sub(r'<c r="([A-Z]+[0-9]+)" t="inlineStr"><is><t>([^<]*)</t></is></c>',
                   shared, sheet)
    strings += ["rich"]
    table = ('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.'
             'openxmlformats.org/spreadsheetml/2006/main">'
             + "".join(f"<si><t>{s}</t></si>" for s in strings[:-1])
             + '<si><r><t>ri</t></r><r><rPr><b/></rPr><t xml:space="preserve">ch</t></r>'
               '<rPh sb="0" eb="1"><t>PH</t></rPh></si></sst>')
    types = data.read("[Content_Types].xml").decode().replace(
        "</Types>", '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    rels = data.read("xl/_rels/workbook.xml.rels").decode().replace(
        "</Relationships>", '<Relationship Id="rIdS" Type="http://schemas.openxmlformats.'
        'org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
        "</Relationships>")
    out = tmp_path / "shared.xlsx"
    with zipfile.ZipFile(out, "w") as dst:
        for name in data.namelist():
            content = {SHEET1: sheet, "[Content_Types].xml": types,
                       "xl/_rels/workbook.xml.rels": rels}.get(name)
            dst.writestr(name, content if content is not None else data.read(name))
        dst.writestr("xl/sharedStrings.xml", table)
    m, taken = assert_same_both_ways(out, monkeypatch)
    assert taken == ["actors", "ties"]
    assert m.actors.loc["ngo1", "name"] == "עמותה אחת"
    # openpyxl drops "x005F_" from shared strings: such a table goes the openpyxl way.
    odd = _edited(out, "xl/sharedStrings.xml", b"<t>Intel", b"<t>_x005F_x0041_Intel")
    _, taken = assert_same_both_ways(odd, monkeypatch)
    assert taken == []


def test_workbooks_of_the_suite_read_alike(tmp_path, monkeypatch):
    """The bundled template, and the 2x5 sample and a synthetic map as netmap writes them."""
    require("python_calamine")
    assert_same_both_ways(netmap.datasets.template_file(), monkeypatch)
    netmap.datasets.load_2x5().to_excel(tmp_path / "2x5.xlsx")
    m, taken = assert_same_both_ways(tmp_path / "2x5.xlsx", monkeypatch)
    assert "actors" in taken and m.equals(netmap.datasets.load_2x5())
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        synthetic = netmap.datasets.synthetic(300, 1500, seed=3)
        synthetic.to_excel(tmp_path / "synthetic.xlsx")
    m, taken = assert_same_both_ways(tmp_path / "synthetic.xlsx", monkeypatch)
    assert "ties" in taken and m.equals(synthetic)


def test_damaged_workbooks_read_alike(tmp_path, monkeypatch):
    """The fuzz cases of the workbook reader give the same map or error both ways."""
    require("python_calamine")
    sys.path.insert(0, str(Path(__file__).parent))
    from fuzz_inputs import READERS, mutated_case

    reader = next(r for r in READERS if r.name == "workbook")
    (tmp_path / "seed").mkdir()
    seed = reader.seed_files(tmp_path / "seed")
    for case in range(60):
        path = mutated_case(random.Random(f"fast-{case}"), reader, seed, tmp_path / "case")
        assert_same_both_ways(path, monkeypatch)


def test_without_calamine_every_sheet_goes_openpyxl(plain_book, monkeypatch):
    monkeypatch.setattr(_fastxlsx, "available", lambda: False)
    _, _, taken = _read(plain_book, fast=True, monkeypatch=monkeypatch)
    assert taken == []


_TEXT = st.lists(st.sampled_from(list("ab z1'=-._") + ["ש", "ל", "\t", "\n", "é", "x000D_",
                                                      "\u200b", "\u00a0"]),
                 max_size=6).map("".join)
_VALUE = st.one_of(_TEXT, _TEXT, st.integers(-10, 2**54), st.floats(allow_nan=False),
                   st.booleans(), st.none())


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow])
@given(actors=st.lists(st.lists(_VALUE, min_size=1, max_size=6), max_size=6),
       ties=st.lists(st.lists(_VALUE, min_size=1, max_size=5), max_size=6))
def test_property_both_paths_read_alike(tmp_path_factory, monkeypatch, actors, ties):
    require("python_calamine")
    folder = tmp_path_factory.mktemp("both")
    ids = [["id", "name", "sector", "x"], *([f"a{i}", *row] for i, row in enumerate(actors))]
    links = [["source", "target", "type", "weight"], *ties]
    path = workbook(folder / "p.xlsx", {"actors": ids, "ties": links})
    assert_same_both_ways(path, monkeypatch)


def test_booleans_and_ones_stay_apart(tmp_path, monkeypatch):
    """True == 1 in Python: a column holding both reads each as written, both ways."""
    require("python_calamine")
    rows = [[*r, f] for r, f in zip(ACTORS, ["flag", True, 1, 0, False], strict=True)]
    m, _ = assert_same_both_ways(workbook(tmp_path / "b.xlsx", {"actors": rows,
                                                                 "ties": TIES}), monkeypatch)
    assert m.actors["flag"].tolist() == ["TRUE", "1", "0", "FALSE"]
