"""The Excel template: what the script makes is what is committed, and netmap reads it."""

import filecmp
import importlib.util
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

import netmap
from netmap.cli import main
from netmap.model._labels import label_key
from netmap.model._select import FALSE_WORDS, TRUE_WORDS
from netmap.model.schema import TABLES
from netmap.model.vocabulary import BODY_KINDS, LEVELS, ROLES, SCOPES, TIE_TYPES
from netmap.structure.backbone import backbone_actors

ROOT = Path(__file__).resolve().parents[1]
TEMPLATE = ROOT / "data" / "templates" / "netmap-template.xlsx"
TABLE_SHEETS = ["actors", "ties", "memberships", "bodies", "activities"]


def load_tool():
    spec = importlib.util.spec_from_file_location("make_template",
                                                  ROOT / "tools" / "make_template.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def describe(path):
    """Everything a user sees in a workbook, without the zip's bytes and dates."""
    wb = openpyxl.load_workbook(path)
    out = {"sheets": wb.sheetnames, "active": wb.active.title}
    for ws in wb.worksheets:
        cells = [c for row in ws.iter_rows() for c in row]
        out[ws.title] = {
            "state": ws.sheet_state,
            "rtl": bool(ws.sheet_view.rightToLeft),
            "freeze": ws.freeze_panes,
            "values": [[c.value for c in row] for row in ws.iter_rows()],
            "bold": sorted(c.coordinate for c in cells if c.font is not None and c.font.b),
            "fills": sorted((c.coordinate, c.fill.fgColor.rgb) for c in cells
                            if c.fill is not None and c.fill.fill_type),
            "widths": {k: v.width for k, v in ws.column_dimensions.items()},
            "merged": sorted(str(r) for r in ws.merged_cells.ranges),
            "validations": sorted(
                (str(dv.sqref), dv.type, dv.formula1, dv.errorStyle, bool(dv.allow_blank),
                 dv.error) for dv in ws.data_validations.dataValidation),
            "comments": {c.coordinate: c.comment.text for c in cells if c.comment},
        }
    return out


@pytest.fixture(scope="module")
def template():
    return openpyxl.load_workbook(TEMPLATE)


def test_committed_template_is_what_the_script_makes(tmp_path):
    subprocess.run([sys.executable, str(ROOT / "tools" / "make_template.py"), str(tmp_path)],
                   check=True, capture_output=True)
    made = tmp_path / TEMPLATE.name
    assert describe(made) == describe(TEMPLATE), (
        "data/templates/netmap-template.xlsx is out of date: run "
        "python tools/make_template.py")


def test_the_script_is_deterministic(tmp_path):
    tool = load_tool()
    tool.write(tmp_path / "a.xlsx")
    tool.write(tmp_path / "b.xlsx")
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()


def test_the_reader_reads_the_template_as_it_is():
    # the suite runs with warnings as errors: reading gives no warning
    m = netmap.read_excel(TEMPLATE)
    assert m.name == "Example initiative"
    assert m.date == "2024-09-01"  # a date cell in the map sheet
    assert not m.directed
    assert (m.n_actors, m.n_ties) == (5, 5)
    assert m.waves == (2024,)
    assert m.actors.loc["ngo_a_director", ["level", "org"]].tolist() == ["person", "ngo_a"]
    assert backbone_actors(m) == ["backbone_org"]
    assert m.bodies.loc["steering_committee", "kind"] == "steering_committee"
    assert len(m.memberships) == 4 and len(m.activities) == 1
    assert set(m.ties["tie_class"]) == {"partnership", "exchange", "transactional"}
    # the only issues: one note per sheet that is not a table
    issues = m.issues
    assert set(issues["severity"]) == {"note"}
    assert set(issues["code"]) == {"skipped-sheet"}
    assert sorted(issues["sheet"]) == sorted(["הוראות", "instructions", "lists"])
    # and the tiny map goes through the analyses
    assert netmap.body_composition(m).loc["steering_committee", "type"] == "three-sector"


def test_netmap_validate_accepts_the_template(capsys):
    assert main(["validate", str(TEMPLATE)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("OK: Example initiative: 5 actors, 5 ties")
    assert "3 notes" in out and "warning" not in out


def test_the_packaged_template_is_the_repository_file():
    packaged = Path(str(netmap.datasets.template_file()))
    assert filecmp.cmp(packaged, TEMPLATE, shallow=False)
    readme = (TEMPLATE.parent / "README.md").read_text(encoding="utf-8")
    assert "netmap-template.xlsx" in readme and "make_template.py" in readme


def test_sheets_and_headers(template):
    assert template.sheetnames == ["הוראות", "instructions", *TABLE_SHEETS, "map", "lists"]
    assert template["lists"].sheet_state == "hidden"
    assert template["הוראות"].sheet_view.rightToLeft
    assert not template["instructions"].sheet_view.rightToLeft
    for table in TABLE_SHEETS:
        ws = template[table]
        english = [c.value for c in ws[1]]
        hebrew = [c.value for c in ws[2]]
        index = TABLES[table].header_index()
        known = {label_key(h): h for h in english}
        for en, he in zip(english, hebrew, strict=True):
            key = label_key(en)
            if key in index:
                # the Hebrew header is a name the reader knows for the same column
                assert index[label_key(he)] == index[key], (table, en, he)
            elif en == "backbone":
                # an extra column the reader knows by its Hebrew header too
                assert he == "ארגון שדרה"
            else:
                # the names in other languages
                assert en in ("name_en", "name_he") and he is None
        assert set(TABLES[table].required_columns) <= set(known.values())
        assert ws.freeze_panes == "A3"
        assert all(ws.cell(1, j).comment for j in range(1, len(english) + 1))


def _list_values(template, formula):
    """The cells a list validation points at, as text (empty cells included)."""
    sheet, cells = formula.lstrip("=").split("!")
    ws = template[sheet]
    return [c.value for row in ws[cells.replace("$", "")] for c in row]


def _validations(template, table):
    ws = template[table]
    headers = [c.value for c in ws[1]]
    out = {}
    for dv in ws.data_validations.dataValidation:
        column = headers[openpyxl.utils.column_index_from_string(
            str(dv.sqref).split(":")[0].rstrip("0123456789")) - 1]
        out[column] = dv
    return out


@pytest.mark.parametrize(("table", "column", "vocab", "codes"), [
    ("actors", "sector", netmap.default_taxonomy(), None),
    ("actors", "level", LEVELS, ("person", "organisation", "body")),
    ("actors", "scope", SCOPES, None),
    ("ties", "type", TIE_TYPES, None),
    ("memberships", "role", ROLES, None),
    ("bodies", "kind", BODY_KINDS, None),
])
def test_every_list_label_is_read_as_its_code(template, table, column, vocab, codes):
    dv = _validations(template, table)[column]
    assert dv.type == "list" and str(dv.sqref).endswith("5000")
    values = _list_values(template, dv.formula1)
    assert None not in values
    found = {vocab.lookup(v) for v in values}
    assert None not in found
    assert found == set(codes or vocab.codes)
    # each code is offered, and so is its Hebrew name
    assert set(values) == {t.code for t in vocab.terms if t.code in found} | {
        t.he for t in vocab.terms if t.code in found}
    assert dv.errorStyle == ("warning" if vocab.closed else "information")


def test_id_columns_list_the_ids_of_their_sheet(template):
    expect = {("actors", "org"): "actors", ("ties", "source"): "actors",
              ("ties", "target"): "actors", ("memberships", "actor"): "actors",
              ("memberships", "body"): "bodies", ("activities", "actor"): "actors"}
    for (table, column), target in expect.items():
        dv = _validations(template, table)[column]
        assert dv.formula1 == f"={target}!$A$3:$A$5000", (table, column)
    backbone = _validations(template, "actors")["backbone"]
    words = set(_list_values(template, backbone.formula1))
    assert words <= TRUE_WORDS | FALSE_WORDS and {"yes", "כן"} <= words


def test_example_rows_use_the_listed_values(template):
    for table in TABLE_SHEETS:
        ws = template[table]
        headers = [c.value for c in ws[1]]
        for column, dv in _validations(template, table).items():
            j = headers.index(column)
            allowed = {v for v in _list_values(template, dv.formula1) if v is not None}
            for row in ws.iter_rows(min_row=3, values_only=True):
                if row[j] is not None:
                    assert row[j] in allowed, (table, column, row[j])


def test_instructions_cover_every_column_in_both_languages(template):
    for sheet in ("instructions", "הוראות"):
        text = {str(c.value) for row in template[sheet].iter_rows() for c in row
                if c.value is not None}
        for table in TABLE_SHEETS:
            assert table in text
            for c in template[table][1]:
                assert c.value in text, (sheet, table, c.value)
    hebrew = " ".join(str(c.value) for row in template["הוראות"].iter_rows() for c in row
                      if c.value)
    assert "ארגון השדרה" in hebrew and "משקל" in hebrew


def test_settings_sheet_is_read_by_the_reader(template):
    rows = list(template["map"].iter_rows(values_only=True))
    assert rows[1][:2] == ("directed", "no")
    m = netmap.read_excel(TEMPLATE, directed=True)  # arguments win over the sheet
    assert m.directed


def test_a_hebrew_backbone_header_under_the_english_one_is_not_a_row():
    from netmap.model._raw import table_from_rows

    rows = [(1, ["id", "sector", "backbone"]), (2, ["מזהה", "מגזר", "ארגון השדרה"]),
            (3, ["a", "public", "yes"])]
    raw = table_from_rows("actors", rows, file="actors.csv")
    assert raw.frame.to_numpy().tolist() == [["a", "public", "yes"]]
    # another word under the backbone column is a row of data, as before
    rows[1] = (2, ["מזהה", "מגזר", "כן"])
    assert len(table_from_rows("actors", rows, file="actors.csv").frame) == 2
