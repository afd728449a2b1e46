"""Kumu: round trips, Kumu's own spreadsheets and JSON, what cannot be mapped, bad input."""

import json
import warnings

import openpyxl
import pandas as pd
import pytest

import netmap
from netmap import FileFormatError, MissingColumnError, UnknownSectorError, ValidationError
from netmap.testing import assert_map_equal
from workbooks import workbook

ELEMENTS = [["Label", "Type", "Description", "Tags", "Image"],
            ["משרד החינוך", "Government", "the ministry", "lead|funder", None],
            ["Intel", "Company", None, "hitech", "http://img/intel.png"],
            ["עמותת אור", "NGO", None, None, None]]
CONNECTIONS = [["From", "To", "Type", "Direction", "Strength", "Since"],
               ["משרד החינוך", "עמותת אור", "funding", "undirected", 2, 2014],
               ["Intel", "עמותת אור|משרד החינוך", "partnership", None, 1, None]]


@pytest.mark.parametrize("suffix", ["xlsx", "json"])
def test_round_trip_of_the_sample(tmp_path, sample, suffix):
    path = tmp_path / f"map.{suffix}"
    sample.to_kumu(path)
    assert_map_equal(sample, netmap.read_kumu(path), check_name=True)


def test_workbook_layout_is_kumus(tmp_path, sample):
    path = tmp_path / "map.xlsx"
    sample.to_kumu(path)
    wb = openpyxl.load_workbook(path, read_only=True)
    assert wb.sheetnames == ["Elements", "Bodies", "Goals", "Connections", "Memberships",
                             "Activities", "netmap (ignore)"]
    elements = list(wb["Elements"].iter_rows(values_only=True))
    assert elements[0][:3] == ("ID", "Label", "Type")
    assert elements[1][:3] == ("moe", "משרד החינוך", "public")
    connections = list(wb["Connections"].iter_rows(values_only=True))
    assert connections[0][:5] == ("From", "To", "Type", "Direction", "Strength")
    assert {r[3] for r in connections[1:]} == {"undirected"}
    members = list(wb["Memberships"].iter_rows(values_only=True))
    assert members[1][1].startswith("body:") and members[1][2] == "Membership"
    bodies = list(wb["Bodies"].iter_rows(values_only=True))
    assert {r[2] for r in bodies[1:]} == {"Body"}
    wb.close()


@pytest.mark.parametrize("suffix", ["xlsx", "json"])
def test_round_trip_directed_unnamed_reserved_names_and_formulas(tmp_path, suffix):
    actors = pd.DataFrame({
        "id": ["a", "b", "c"],
        "name": ["=HYPERLINK(\"http://evil\")", None, "+972-3-555"],
        "sector": ["public", "third", "business"],
        "type": ["ministry", "amuta", None],  # Kumu keeps Type for the sector
        "score": [-3, 2, None],
    })
    ties = pd.DataFrame({"source": ["a", "b", "c"], "target": ["b", "a", "a"],
                         "type": ["funding", None, "donation"], "weight": [1, 2, 3],
                         "direction": ["x", None, "y"]})
    memberships = pd.DataFrame({"actor": ["a", "b"], "body": ["sc", "sc"],
                                "role": ["chair", None], "type": ["seat", None]})
    bodies = pd.DataFrame({"id": ["sc"], "kind": ["steering committee"]})
    activities = pd.DataFrame({"actor": ["a"], "goal": ["@teachers"]})
    m = netmap.from_frames(actors, ties, memberships, bodies, activities, directed=True,
                           name="מפה")
    path = tmp_path / f"map.{suffix}"
    m.to_kumu(path)
    back = netmap.read_kumu(path)
    assert back.directed
    assert_map_equal(m, back, check_name=True)
    assert back.actors.loc["a", "name"] == "=HYPERLINK(\"http://evil\")"
    assert back.actors["score"].tolist() == [-3, 2, pd.NA]


def test_formula_cells_are_quoted_in_the_workbook(tmp_path):
    actors = pd.DataFrame({"id": ["a"], "name": ["=1+1"], "sector": ["public"],
                           "score": [-3]})
    m = netmap.from_frames(actors)
    path = tmp_path / "map.xlsx"
    m.to_kumu(path)
    wb = openpyxl.load_workbook(path)
    ws = wb["Elements"]
    assert ws["B2"].value == "'=1+1" and ws["B2"].data_type == "s"
    assert ws["E2"].value == -3 and ws["E2"].data_type == "n"


def test_reads_kumus_documented_sample_sheets(tmp_path):
    path = workbook(tmp_path / "kumu.xlsx", {
        "Elements": ELEMENTS, "Connections": CONNECTIONS,
        "Notes (ignore)": [["anything", "at all"]]})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", netmap.DataWarning)
        m = netmap.read_kumu(path)
    # a connection without a Direction is directed, as in Kumu; the undirected
    # one is then read as two opposite ties
    assert m.directed
    assert m.actors.index.tolist() == ["משרד החינוך", "Intel", "עמותת אור"]
    assert m.actors["sector"].tolist() == ["public", "business", "third"]
    assert m.actors["Tags"].tolist()[:2] == ["lead|funder", "hitech"]
    assert m.actors.loc["Intel", "Image"] == "http://img/intel.png"
    assert m.actors.loc["משרד החינוך", "Description"] == "the ministry"
    # "To" with two elements gives two ties; Strength is the weight
    assert m.n_ties == 4
    assert m.ties["weight"].tolist() == [2.0, 1.0, 1.0, 2.0]
    assert m.ties["Since"].tolist()[:1] == [2014]
    assert "kumu-to-list" in m.issues["code"].tolist()


def test_kumu_csv_pair_and_folder(tmp_path):
    folder = tmp_path / "kumu"
    folder.mkdir()
    pd.DataFrame(ELEMENTS[1:], columns=ELEMENTS[0]).to_csv(folder / "elements.csv",
                                                            index=False)
    pd.DataFrame(CONNECTIONS[1:], columns=CONNECTIONS[0]).to_csv(
        folder / "connections.csv", index=False)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", netmap.DataWarning)
        a = netmap.read_kumu(folder)
        b = netmap.read_kumu(folder / "elements.csv", folder / "connections.csv")
    assert_map_equal(a, b)
    assert a.n_ties == 4  # the undirected connection twice in a directed map


def test_sector_from_another_field_and_type_kept(tmp_path):
    path = workbook(tmp_path / "kumu.xlsx", {
        "Elements": [["Label", "Type", "Sector"], ["A", "Person", "public"],
                     ["B", "Organization", "עמותה"]],
        "Connections": [["From", "To"], ["A", "B"]]})
    m = netmap.read_kumu(path, sector_field="Sector")
    assert m.actors["sector"].tolist() == ["public", "third"]
    assert m.actors["Type"].tolist() == ["Person", "Organization"]


def test_unknown_types_are_collected_with_suggestions(tmp_path):
    path = workbook(tmp_path / "kumu.xlsx", {
        "Elements": [["Label", "Type"], ["A", "Goverment"], ["B", "NGO"], ["C", "Buisness"],
                     ["D", "Person"]],
        "Connections": [["From", "To"], ["A", "B"]]})
    with pytest.raises(ValidationError) as info:
        netmap.read_kumu(path)
    errors = info.value.errors
    assert len(errors) == 3
    assert all(isinstance(e, UnknownSectorError) for e in errors)
    assert [(e.sheet, e.row, e.column) for e in errors] == [
        ("Elements", 2, "Type"), ("Elements", 4, "Type"), ("Elements", 5, "Type")]
    assert "did you mean 'business'" in str(errors[1]).lower()


def test_missing_columns_are_clear_errors(tmp_path):
    path = workbook(tmp_path / "a.xlsx", {
        "Elements": [["Name", "Type"], ["A", "public"]],
        "Connections": [["From", "To"], ["A", "A"]]})
    with pytest.raises(MissingColumnError, match="neither elements") as info:
        netmap.read_kumu(path)
    assert info.value.sheet == "Elements"
    path = workbook(tmp_path / "b.xlsx", {
        "Elements": [["Label"], ["A"]], "Connections": [["From", "To"], ["A", "A"]]})
    with pytest.raises(ValidationError, match="sector_field") as info:
        netmap.read_kumu(path)
    assert isinstance(info.value.errors[0], MissingColumnError)
    path = workbook(tmp_path / "c.xlsx", {
        "Elements": [["Label", "Type"], ["A", "public"]],
        "Connections": [["From", "Target"], ["A", "A"]]})
    with pytest.raises(MissingColumnError, match="'To'"):
        netmap.read_kumu(path)
    path = workbook(tmp_path / "d.xlsx", {"Connections": [["From", "To"], ["A", "A"]]})
    with pytest.raises(FileFormatError, match="no sheet of elements"):
        netmap.read_kumu(path)


def test_connection_to_an_unknown_element(tmp_path):
    path = workbook(tmp_path / "kumu.xlsx", {
        "Elements": [["ID", "Label", "Type"], ["e1", "Ministry", "public"],
                     ["e2", "Amuta", "NGO"]],
        "Connections": [["From", "To"], ["e1", "e2"], ["e1", "Amuta"], ["e1", "e9"]]})
    with pytest.raises(ValidationError) as info:
        netmap.read_kumu(path)
    first, second = info.value.errors
    assert (first.sheet, first.row, first.column) == ("Connections", 3, "To")
    assert "write its id 'e2'" in str(first)
    assert second.row == 4


def test_text_strength_suggests_weight_field_none(tmp_path):
    path = workbook(tmp_path / "kumu.xlsx", {
        "Elements": [["Label", "Type"], ["A", "public"], ["B", "NGO"]],
        "Connections": [["From", "To", "Strength"], ["A", "B", "Strong"]]})
    with pytest.raises(ValidationError, match="weight_field=None") as info:
        netmap.read_kumu(path)
    assert info.value.errors[0].column == "Strength"
    m = netmap.read_kumu(path, weight_field=None)
    assert m.ties["Strength (kumu)"].tolist() == ["Strong"]


def test_user_bodies_goals_and_what_cannot_be_mapped(tmp_path):
    path = workbook(tmp_path / "kumu.xlsx", {
        "Elements": [["Label", "Type", "Role note", "Kind"],
                     ["Ministry", "public", None, None], ["Amuta", "NGO", None, None],
                     ["Steering committee", "Body", None, "steering committee"],
                     ["Team", "Body", None, "working team"],
                     ["Math", "Goal", "a goal note", None]],
        "Connections": [["From", "To", "Type", "Role"],
                        ["Ministry", "Steering committee", "Membership", "chair"],
                        ["Team", "Amuta", "member of", None],
                        ["Amuta", "Math", "Activity", None],
                        ["Ministry", "Amuta", "funding", None],
                        ["Team", "Steering committee", "reports to", None]]})
    with pytest.warns(netmap.DataWarning) as record:
        m = netmap.read_kumu(path)
    messages = " ".join(str(w.message) for w in record)
    assert "join two bodies or goals" in messages
    assert "goal element(s) have fields" in messages
    issues = m.issues.set_index("code")
    assert issues.loc["kumu-connection-not-read", ["sheet", "row"]].tolist() == [
        "Connections", 6]
    assert issues.loc["kumu-connection-not-read", "message"].endswith(
        "row 6: 1 connection(s) join two bodies or goals and cannot be a tie, membership "
        "or activity; not read (first: 'Team' to 'Steering committee')")
    assert issues.loc["kumu-goal-fields-not-read", ["sheet", "row"]].tolist() == [
        "Elements", 6]
    assert issues.loc["kumu-goal-fields-not-read", "message"].endswith(
        "row 6: 1 goal element(s) have fields a shared goal has no place for; not read "
        "(first: 'Math': Role note)")
    assert m.bodies.index.tolist() == ["Steering committee", "Team"]
    assert m.bodies["kind"].tolist() == ["steering_committee", "working_team"]
    members = m.memberships
    assert members[["actor", "body"]].to_numpy().tolist() == [
        ["Ministry", "Steering committee"], ["Amuta", "Team"]]
    assert members["role"].iloc[0] == "chair" and pd.isna(members["role"].iloc[1])
    assert pd.isna(members["Type"].iloc[0]) and members["Type"].iloc[1] == "member of"
    assert m.activities[["actor", "goal"]].to_numpy().tolist() == [["Amuta", "Math"]]
    assert m.n_ties == 1 and "Kind" not in m.actors and "Role" not in m.ties


def test_kumu_project_export_json(tmp_path):
    data = {
        "elements": [
            {"_id": "elem-1", "attributes": {"label": "Ministry", "element type": "Government",
                                             "tags": ["lead", "funder"]}},
            {"_id": "elem-2", "attributes": {"label": "Amuta", "element type": "NGO",
                                             "budget": 1200}},
        ],
        "connections": [
            {"_id": "conn-1", "from": "elem-2", "to": "elem-1", "direction": "directed",
             "reversed": True, "attributes": {"connection type": "funding"}},
        ],
        "loops": [{"_id": "loop-1"}],
        "maps": [{"name": "Map 1"}],
    }
    path = tmp_path / "project.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.warns(netmap.DataWarning, match="loops"):
        m = netmap.read_kumu(path)
    assert m.directed
    assert m.actors.index.tolist() == ["elem-1", "elem-2"]
    assert m.actors["name"].tolist() == ["Ministry", "Amuta"]
    assert m.actors.loc["elem-1", "tags"] == "lead|funder"
    assert m.ties[["source", "target", "type"]].to_numpy().tolist() == [
        ["elem-1", "elem-2", "funding"]]
    assert {"kumu-loops-not-read", "kumu-maps-not-read"} <= set(m.issues["code"])


def test_mutual_connections_in_a_directed_map(tmp_path):
    path = workbook(tmp_path / "kumu.xlsx", {
        "Elements": [["Label", "Type"], ["A", "public"], ["B", "NGO"], ["C", "business"]],
        "Connections": [["From", "To", "Direction"], ["A", "B", "directed"],
                        ["B", "C", "mutual"]]})
    with pytest.warns(netmap.DataWarning, match="two opposite ties"):
        m = netmap.read_kumu(path)
    assert m.directed
    assert sorted(map(tuple, m.ties[["source", "target"]].to_numpy().tolist())) == [
        ("A", "B"), ("B", "C"), ("C", "B")]
    issue = m.issues.loc[m.issues["code"] == "edge-direction"].iloc[0]
    assert (issue["sheet"], issue["row"]) == ("Connections", 3)
    with pytest.warns(netmap.DataWarning, match="direction is dropped"):
        m = netmap.read_kumu(path, directed=False)
    assert not m.directed and m.n_ties == 2
    assert "edge-direction" in m.issues["code"].tolist()


def test_broken_json_and_unknown_suffix(tmp_path, sample):
    path = tmp_path / "map.json"
    sample.to_kumu(path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: len(text) // 2], encoding="utf-8")
    with pytest.raises(FileFormatError, match="not valid JSON") as info:
        netmap.read_kumu(path)
    assert info.value.file == str(path) and info.value.row > 1
    path.write_text('{"nodes": []}', encoding="utf-8")
    with pytest.raises(FileFormatError, match="not a Kumu JSON"):
        netmap.read_kumu(path)
    with pytest.raises(FileFormatError, match="xlsx"):
        sample.to_kumu(tmp_path / "map.csv")


def test_duplicate_labels_without_ids(tmp_path):
    path = workbook(tmp_path / "kumu.xlsx", {
        "Elements": [["Label", "Type"], ["A", "public"], ["A", "NGO"]],
        "Connections": [["From", "To"]]})
    with pytest.raises(ValidationError, match="own id") as info:
        netmap.read_kumu(path)
    assert info.value.errors[0].column == "Label"


def test_ids_kumu_cannot_hold_are_refused(tmp_path):
    actors = pd.DataFrame({"id": ["a|b", "c"], "sector": ["public", "third"]})
    with pytest.raises(FileFormatError, match="list of"):
        netmap.from_frames(actors).to_kumu(tmp_path / "m.xlsx")
    actors = pd.DataFrame({"id": ["body:sc", "c"], "sector": ["public", "third"]})
    members = pd.DataFrame({"actor": ["c"], "body": ["sc"]})
    with pytest.raises(FileFormatError, match="body:sc"):
        netmap.from_frames(actors, None, members).to_kumu(tmp_path / "m.xlsx")


def test_element_types_must_be_a_sequence(tmp_path, sample):
    sample.to_kumu(tmp_path / "map.json")
    with pytest.raises(netmap.ParameterError, match="body_types='Body'"):
        netmap.read_kumu(tmp_path / "map.json", body_types="Body")


def kumu_folder(tmp_path, label, encoding):
    """elements.csv and connections.csv holding ``label``, written in ``encoding``."""
    folder = tmp_path / f"kumu-{encoding}"
    folder.mkdir()
    (folder / "elements.csv").write_bytes(
        f"Label,Type\nMinistry,public\n{label},NGO\n".encode(encoding))
    (folder / "connections.csv").write_bytes(
        f"From,To\nMinistry,{label}\n".encode(encoding))
    return folder


def test_encoding_of_kumu_csv_files_as_for_read_csv(tmp_path):
    # Hebrew in Windows-1255, told or found
    folder = kumu_folder(tmp_path, "עמותת הגליל", "cp1255")
    for encoding in (None, "cp1255"):
        m = netmap.read_kumu(folder, encoding=encoding)
        assert m.actors.index.tolist() == ["Ministry", "עמותת הגליל"]
        assert m.ties[["source", "target"]].to_numpy().tolist() == [
            ["Ministry", "עמותת הגליל"]]
    # Latin-1 "à" is also the Hebrew letter alef in Windows-1255: refused unless told
    folder = kumu_folder(tmp_path, "à", "latin-1")
    with pytest.raises(FileFormatError, match="cannot tell the file's encoding") as info:
        netmap.read_kumu(folder)
    assert "elements.csv" in info.value.file
    m = netmap.read_kumu(folder / "elements.csv", folder / "connections.csv",
                         encoding="latin-1")
    assert m.actors.index.tolist() == ["Ministry", "à"] and m.n_ties == 1
    # told wrong: bytes the encoding cannot read, named with file and line
    with pytest.raises(FileFormatError, match="not valid utf-8") as info:
        netmap.read_kumu(folder, encoding="utf-8")
    assert info.value.row == 3


def test_encoding_is_checked_and_only_for_csv(tmp_path, sample):
    folder = kumu_folder(tmp_path, "x", "utf-8")
    with pytest.raises(netmap.ParameterError, match="encoding.*klingon"):
        netmap.read_kumu(folder, encoding="klingon")
    for suffix in ("xlsx", "json"):
        path = tmp_path / f"map.{suffix}"
        sample.to_kumu(path)
        with pytest.raises(netmap.ParameterError, match="encoding") as info:
            netmap.read_kumu(path, encoding="cp1255")
        assert "CSV" in str(info.value)
