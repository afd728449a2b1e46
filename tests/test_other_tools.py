"""Files other tools wrote: dynamic GEXF, yEd groups, files without a sector, Kumu.

The samples in tests/data are real files (see tests/data/README.md for
their source and licence).
"""

import pathlib

import networkx as nx
import pandas as pd
import pytest

import netmap
from netmap import ParameterError, ValidationError
from workbooks import workbook

DATA = pathlib.Path(__file__).parent / "data"


def codes(m):
    return set(m.issues["code"])


# -- dynamic GEXF ------------------------------------------------------------------
def test_gephis_dynamic_sample_reads_its_spells_into_waves():
    with pytest.warns(netmap.DataWarning) as caught:
        m = netmap.read_gexf(DATA / "gephi-dynamics.gexf", default_sector="third")
    said = " ".join(str(w.message) for w in caught)
    assert "several spells" in said and "change over time" in said
    assert m.waves == ("2009-03-01", "2009-03-10")
    actors = m.actors
    # node 0 starts on 2009-03-01; node 2 lives in two spells, (.., 03-01] and
    # [03-05, 03-10]: read from the first start (none) to the last end
    assert actors.loc["0", "wave"] == "2009-03-01" and pd.isna(actors.loc["0", "until"])
    assert pd.isna(actors.loc["2", "wave"]) and actors.loc["2", "until"] == "2009-03-10"
    assert actors["name"].tolist() == ["Gephi", "Network", "Visualization", "Graph"]
    ties = m.ties
    assert ties[["wave", "until"]].astype(object).where(ties[["wave", "until"]].notna(),
                                                        None).to_numpy().tolist() == [
        ["2009-03-01", None], ["2009-03-01", "2009-03-10"], ["2009-03-01", None],
        [None, "2009-03-10"], ["2009-03-01", None]]
    assert {"gexf-time-as-waves", "gexf-spells-joined", "gexf-dynamic-values",
            "default-sector"} <= codes(m)
    # the dynamic attribute keeps the value of its latest interval
    assert actors["indegree"].tolist() == [1, 1, 1, 1]


def gexf(body, graph='mode="dynamic" timeformat="integer"'):
    return ('<gexf xmlns="http://gexf.net/1.3" version="1.3">'
            f'<graph {graph} defaultedgetype="directed">'
            '<attributes class="node"><attribute id="s" title="sector" type="string"/>'
            f'</attributes>{body}</graph></gexf>')


NODES = ('<nodes><node id="a" start="2001"><attvalues><attvalue for="s" value="public"/>'
         '</attvalues></node><node id="b"><attvalues><attvalue for="s" value="third"/>'
         '</attvalues></node></nodes>')


def test_the_smallest_dynamic_gexf_keeps_its_edge_spell(tmp_path):
    path = tmp_path / "d.gexf"
    path.write_text(gexf(NODES + '<edges><edge source="a" target="b" start="2001" '
                         'end="2003"/></edges>'), encoding="utf-8")
    m = netmap.read_gexf(path)
    assert m.ties[["wave", "until"]].to_numpy().tolist() == [[2001, 2003]]
    assert m.actors["wave"].tolist()[0] == 2001


def test_edge_spells_in_a_spells_element_are_read(tmp_path):
    path = tmp_path / "d.gexf"
    path.write_text(gexf(NODES + '<edges><edge source="a" target="b"><spells>'
                         '<spell start="2002" end="2004"/></spells></edge></edges>'),
                    encoding="utf-8")
    assert netmap.read_gexf(path).ties[["wave", "until"]].to_numpy().tolist() == [[2002, 2004]]


def test_an_open_time_bound_is_refused_naming_its_line(tmp_path):
    path = tmp_path / "d.gexf"
    path.write_text(gexf(NODES + '<edges><edge source="a" target="b" startopen="2001"/>'
                         '</edges>'), encoding="utf-8")
    with pytest.raises(ValidationError, match="open time bound") as info:
        netmap.read_gexf(path)
    assert info.value.errors[0].row == 1


def test_timestamps_are_one_wave(tmp_path):
    path = tmp_path / "d.gexf"
    path.write_text(gexf(NODES + '<edges><edge source="a" target="b" timestamp="2005"/>'
                         '</edges>', 'mode="dynamic" timerepresentation="timestamp"'),
                    encoding="utf-8")
    assert netmap.read_gexf(path).ties[["wave", "until"]].to_numpy().tolist() == [[2005, 2005]]


# -- yEd and nested GraphML --------------------------------------------------------
def test_a_yed_file_with_group_nodes_is_read_whole():
    m = netmap.read_graphml(DATA / "yed-groups.graphml", default_sector="third")
    assert len(m.actors) == 9 and len(m.ties) == 4
    assert m.actors.loc["n1::n0::n0", "group"] == "n1::n0"
    assert m.actors.loc["n1::n0", "group"] == "n1"
    assert pd.isna(m.actors.loc["n0", "group"])
    # yEd draws the labels; they are the names
    assert m.actors.loc["n1", "name"] == "Group 3"
    assert m.actors.loc["n1::n1::n0", "name"] == "5"
    assert {"graphml-nested", "default-sector"} <= codes(m)


def test_an_edge_to_a_node_of_a_nested_graph_finds_it(tmp_path):
    path = tmp_path / "n.graphml"
    path.write_text(
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
        '<key id="s" for="node" attr.name="sector" attr.type="string"/>'
        '<graph edgedefault="undirected"><node id="g"><data key="s">public</data>'
        '<graph><node id="in"><data key="s">third</data></node></graph></node>'
        '<node id="out"><data key="s">business</data></node>'
        '<edge source="in" target="out"/></graph></graphml>', encoding="utf-8")
    m = netmap.read_graphml(path)  # was: "source is not an actor"
    assert m.ties[["source", "target"]].to_numpy().tolist() == [["in", "out"]]


# -- default_sector ----------------------------------------------------------------
def test_gephi_and_yed_files_without_a_sector_need_default_sector(tmp_path):
    G = nx.Graph()
    G.add_edge("a", "b")
    nx.write_gexf(G, tmp_path / "g.gexf")
    nx.write_graphml(G, tmp_path / "g.graphml")
    for path, read in ((tmp_path / "g.gexf", netmap.read_gexf),
                       (tmp_path / "g.graphml", netmap.read_graphml)):
        with pytest.raises(ValidationError, match="default_sector="):
            read(path)
        m = read(path, default_sector="עמותה")
        assert m.actors["sector"].tolist() == ["third", "third"]
        [note] = m.issues[m.issues["code"] == "default-sector"]["message"].tolist()
        assert "2 actor(s) had no sector" in note


def test_default_sector_fills_only_the_nodes_without_one(tmp_path):
    G = nx.Graph()
    G.add_node("a", sector="public")
    G.add_edge("a", "b")
    nx.write_graphml(G, tmp_path / "g.graphml")
    m = netmap.read_graphml(tmp_path / "g.graphml", default_sector="business")
    assert m.actors["sector"].tolist() == ["public", "business"]
    assert "1 actor(s)" in m.issues.loc[m.issues["code"] == "default-sector",
                                        "message"].iloc[0]


@pytest.mark.parametrize("read", [netmap.read_gexf, netmap.read_graphml])
def test_an_unknown_default_sector_is_a_parameter_error(tmp_path, read):
    G = nx.Graph()
    G.add_edge("a", "b")
    path = tmp_path / ("g.gexf" if read is netmap.read_gexf else "g.graphml")
    (nx.write_gexf if read is netmap.read_gexf else nx.write_graphml)(G, path)
    with pytest.raises(ParameterError, match="default_sector"):
        read(path, default_sector="not a sector")


def test_networkx_graphs_without_sectors_take_the_default():
    G = nx.path_graph(3)
    G.nodes[0]["sector"] = "public"
    with pytest.raises(ValidationError):
        netmap.from_networkx(G)
    m = netmap.from_networkx(G, default_sector="business")
    assert m.actors["sector"].tolist() == ["public", "business", "business"]
    assert "2 actor(s)" in m.issues.loc[m.issues["code"] == "default-sector",
                                        "message"].iloc[0]
    with pytest.raises(ParameterError, match="default_sector"):
        netmap.from_networkx(G, default_sector="nope")


def test_a_kumu_project_without_sectors_takes_the_default(tmp_path):
    path = workbook(tmp_path / "k.xlsx", {
        "Elements": [["Label", "Description"], ["A", "x"], ["B", None]],
        "Connections": [["From", "To"], ["A", "B"]]})
    with pytest.raises(ValidationError, match="default_sector="):
        netmap.read_kumu(path)
    m = netmap.read_kumu(path, default_sector="third")
    assert m.actors["sector"].tolist() == ["third", "third"]
    assert "default-sector" in codes(m)


# -- one Kumu project, one map -----------------------------------------------------
def test_a_kumu_project_is_one_map_from_its_json_and_its_workbook(tmp_path):
    """Kumu writes the default direction (directed) in one export and not the other.

    The smallest reproducer of the different tie counts: a JSON blueprint
    whose connections name no direction but one mutual, and the workbook
    that spells 'directed' out. Before, the JSON read as an undirected map
    (2 ties, the mutual one's direction dropped), the workbook as a directed
    one (3 ties: the mutual connection both ways).
    """
    import json

    elements = [{"label": "A", "type": "public"}, {"label": "B", "type": "third"},
                {"label": "C", "type": "business"}]
    (tmp_path / "k.json").write_text(json.dumps({
        "elements": elements,
        "connections": [{"from": "A", "to": "B"},
                        {"from": "B", "to": "C", "direction": "mutual"}]}),
        encoding="utf-8")
    path = workbook(tmp_path / "k.xlsx", {
        "Elements": [["Label", "Type"], ["A", "public"], ["B", "third"],
                     ["C", "business"]],
        "Connections": [["From", "To", "Direction"], ["A", "B", "directed"],
                        ["B", "C", "mutual"]]})
    with pytest.warns(netmap.DataWarning, match="two opposite ties"):
        from_json = netmap.read_kumu(tmp_path / "k.json")
    with pytest.warns(netmap.DataWarning, match="two opposite ties"):
        from_workbook = netmap.read_kumu(path)
    assert from_json.directed and from_json.n_ties == from_workbook.n_ties == 3
    pd.testing.assert_frame_equal(from_json.ties, from_workbook.ties)


@pytest.mark.parametrize("argv", [["validate"], ["convert"]])
def test_the_command_line_takes_a_default_sector(tmp_path, capsys, argv):
    from netmap.cli import main

    extra = [] if argv == ["validate"] else ["-o", str(tmp_path / "out.gexf")]
    code = main([*argv, str(DATA / "yed-groups.graphml"), *extra,
                 "--default-sector", "third"])
    assert code == 0
    if argv == ["validate"]:
        assert "9 actor(s) had no sector and took the default sector 'third'" in (
            capsys.readouterr().out)
    assert main(["validate", str(DATA / "yed-groups.graphml"), "--default-sector",
                 "nope"]) == 2  # a bad option's value is a usage error


def test_a_gephi_slice_is_read_with_a_note_of_its_time(tmp_path):
    """Gephi's own test file slice.gexf (attvalues without <attvalues>), rebuilt."""
    path = tmp_path / "slice.gexf"
    path.write_text(
        '<gexf xmlns="http://www.gexf.net/1.3" version="1.3"><graph mode="slice" '
        'defaultedgetype="directed" timerepresentation="timestamp" timestamp="2007">'
        '<attributes class="node" type="dynamic"><attribute id="price" title="Price" '
        'type="int"/></attributes><nodes><node id="1" label="Node 1"><attvalue '
        'for="price" value="12"/></node><node id="2" label="Node 2"><attvalue for="price" '
        'value="8"/></node></nodes><edges><edge id="0" source="1" target="2" weight="2"/>'
        '</edges></graph></gexf>', encoding="utf-8")
    m = netmap.read_gexf(path, default_sector="public")
    assert m.actors["Price"].tolist() == [12, 8]
    assert "gexf-slice" in codes(m)
