"""GEXF and GraphML: round trips, colours, foreign files, hostile and broken input."""

import warnings

import networkx as nx
import pandas as pd
import pytest

import netmap
from netmap import FileFormatError, UnknownSectorError, ValidationError
from netmap.model.palette import SECTOR_COLORS, hex_to_rgb
from netmap.testing import assert_map_equal

FORMATS = [("gexf", netmap.read_gexf), ("graphml", netmap.read_graphml)]


def write(m, path):
    if path.suffix == ".gexf":
        m.to_gexf(path)
    else:
        m.to_graphml(path)


@pytest.mark.parametrize(("suffix", "read"), FORMATS)
def test_round_trip_of_the_sample(tmp_path, sample, suffix, read):
    path = tmp_path / f"map.{suffix}"
    write(sample, path)
    back = read(path)
    assert_map_equal(sample, back, check_name=True)
    assert "משרד החינוך" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(("suffix", "read"), FORMATS)
def test_round_trip_directed_extras_and_awkward_text(tmp_path, suffix, read):
    actors = pd.DataFrame({
        "id": ["a&b", "c<d", "e\"f", "g"],
        "name": ["line\nbreak", "tab\there", "=HYPERLINK(\"x\")", "'quoted'"],
        "sector": ["public", "עמותה", "business", "جمعية"],
        "flag": [True, False, None, True],
        "budget": [1.5, None, 3.0, -2.25],
        "ref": ["007", "12", None, "x"],
    })
    ties = pd.DataFrame({"source": ["a&b", "c<d", "g", "g"],
                         "target": ["c<d", "a&b", "e\"f", "g"],
                         "type": ["funding", "מימון", None, "partnership"],
                         "weight": [2.0, 1.0, 0.5, 3.0], "trust": [4, None, 2, 5]})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", netmap.DataWarning)
        m = netmap.from_frames(actors, ties, directed=True, name="שם & <title>")
    path = tmp_path / f"map.{suffix}"
    write(m, path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", netmap.DataWarning)
        back = read(path)
    assert back.directed
    assert_map_equal(m, back, check_name=True)


@pytest.mark.parametrize(("suffix", "read"), FORMATS)
def test_empty_directed_map_keeps_its_direction(tmp_path, suffix, read):
    m = netmap.from_frames(pd.DataFrame({"id": ["a"], "sector": ["public"]}), directed=True)
    path = tmp_path / f"map.{suffix}"
    write(m, path)
    assert_map_equal(m, read(path))


def test_networkx_reads_netmap_gexf_with_colours(tmp_path, sample):
    path = tmp_path / "map.gexf"
    sample.to_gexf(path)
    G = nx.read_gexf(path)
    assert G.number_of_nodes() == sample.n_actors
    assert G.number_of_edges() == sample.n_ties
    for node, sector in sample.actors["sector"].items():
        color = G.nodes[node]["viz"]["color"]
        assert (color["r"], color["g"], color["b"]) == hex_to_rgb(SECTOR_COLORS[sector])
        assert 5 <= G.nodes[node]["viz"]["size"] <= 30
    assert G.nodes["moe"]["label"] == "משרד החינוך"


def test_gexf_sizes_follow_degree(tmp_path, sample):
    path = tmp_path / "map.gexf"
    sample.to_gexf(path)
    G = nx.read_gexf(path)
    degree = pd.concat([sample.ties["source"], sample.ties["target"]]).value_counts()
    top = degree.idxmax()
    assert G.nodes[top]["viz"]["size"] == 30.0
    one = degree[degree == degree.min()].index[0]
    expected = round(5 + 25 * (degree.min() / degree.max()) ** 0.5, 3)
    assert G.nodes[one]["viz"]["size"] == pytest.approx(expected)


def test_gexf_without_sizes(tmp_path, sample):
    path = tmp_path / "map.gexf"
    sample.to_gexf(path, size=None)
    assert "viz:size" not in path.read_text(encoding="utf-8")
    assert_map_equal(sample, netmap.read_gexf(path))


def test_networkx_reads_netmap_graphml(tmp_path, sample):
    path = tmp_path / "map.graphml"
    sample.to_graphml(path)
    G = nx.read_graphml(path)
    node = G.nodes["sheatufim"]
    assert (node["r"], node["g"], node["b"]) == hex_to_rgb(SECTOR_COLORS["third"])
    assert node["label"] == sample.actors.loc["sheatufim", "name"]


def test_graphml_display_keys_yield_to_actor_columns(tmp_path):
    actors = pd.DataFrame({"id": ["a", "b"], "sector": ["public", "third"],
                           "size": [10, 250]})
    m = netmap.from_frames(actors, pd.DataFrame({"source": ["a"], "target": ["b"]}))
    path = tmp_path / "map.graphml"
    m.to_graphml(path)
    G = nx.read_graphml(path)
    assert G.nodes["b"]["size"] == 250
    assert_map_equal(m, netmap.read_graphml(path))


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_reads_foreign_files_written_by_networkx(tmp_path, fmt):
    G = nx.DiGraph()
    G.add_node("moe", group="ממשלה", label="משרד החינוך", budget=3)
    G.add_node("ngo", group="NGO", budget=2)
    G.add_edge("moe", "ngo", weight=2.5, programme="STEM")
    path = tmp_path / f"g.{fmt}"
    (nx.write_gexf if fmt == "gexf" else nx.write_graphml)(G, path)
    read = netmap.read_gexf if fmt == "gexf" else netmap.read_graphml
    m = read(path, sector_field="group")
    assert m.directed
    assert m.actors["sector"].tolist() == ["public", "third"]
    assert m.actors["budget"].tolist() == [3, 2]
    assert m.ties["weight"].tolist() == [2.5]
    assert m.ties["programme"].tolist() == ["STEM"]


def test_unknown_sector_in_foreign_gexf_names_the_attribute_and_line(tmp_path):
    G = nx.Graph()
    G.add_node("a", group="public")
    G.add_node("b", group="buisness")
    G.add_edge("a", "b")
    path = tmp_path / "g.gexf"
    nx.write_gexf(G, path)
    with pytest.raises(ValidationError) as info:
        netmap.read_gexf(path, sector_field="group")
    (err,) = info.value.errors
    assert isinstance(err, UnknownSectorError)
    assert err.column == "group"
    assert "did you mean 'business'" in str(err).lower()
    lines = path.read_text().splitlines()
    assert 'id="b"' in lines[err.row - 1]


def test_missing_sector_attribute_says_how_to_name_it(tmp_path):
    G = nx.Graph()
    G.add_node("a", kind="x")
    path = tmp_path / "g.graphml"
    nx.write_graphml(G, path)
    with pytest.raises(ValidationError, match="sector_field='...'"):
        netmap.read_graphml(path)


def test_edge_to_a_missing_node_names_the_line(tmp_path, sample):
    path = tmp_path / "map.gexf"
    sample.to_gexf(path)
    text = path.read_text(encoding="utf-8").replace('target="hitech_a"',
                                                   'target="hitech_zz"', 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        netmap.read_gexf(path)
    (err,) = info.value.errors
    assert err.column == "target" and "hitech_zz" in str(err)
    assert 'target="hitech_zz"' in text.splitlines()[err.row - 1]


def test_mixed_directions_are_split_and_warned(tmp_path):
    path = tmp_path / "g.gexf"
    path.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">
  <graph defaultedgetype="directed">
    <attributes class="node"><attribute id="0" title="sector" type="string"/></attributes>
    <nodes>
      <node id="a"><attvalues><attvalue for="0" value="public"/></attvalues></node>
      <node id="b"><attvalues><attvalue for="0" value="third"/></attvalues></node>
    </nodes>
    <edges>
      <edge id="0" source="a" target="b"/>
      <edge id="1" source="b" target="a" type="mutual"/>
    </edges>
  </graph>
</gexf>
""", encoding="utf-8")
    with pytest.warns(netmap.DataWarning) as record:
        m = netmap.read_gexf(path)
    assert any("two opposite ties" in str(w.message) for w in record)
    assert m.directed and m.n_ties == 2  # the mutual edge duplicates the first arc
    assert "edge-direction" in m.issues["code"].tolist()
    with pytest.warns(netmap.DataWarning) as record:
        m = netmap.read_gexf(path, directed=False)
    assert any("direction is dropped" in str(w.message) for w in record)
    assert not m.directed and m.n_ties == 1
    assert "edge-direction" in m.issues["code"].tolist()


# -- hostile and broken files ------------------------------------------------------
BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<{root}><graph><nodes><node id="&lol9;"/></nodes></graph></{root}>
"""

EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE x [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<{root}><graph><nodes><node id="&xxe;"/></nodes></graph></{root}>
"""


@pytest.mark.parametrize(("suffix", "read"), FORMATS)
@pytest.mark.parametrize("hostile", [BOMB, EXTERNAL], ids=["entity-bomb", "external-entity"])
def test_hostile_files_are_refused(tmp_path, suffix, read, hostile):
    path = tmp_path / f"evil.{suffix}"
    path.write_text(hostile.format(root="gexf" if suffix == "gexf" else "graphml"))
    with pytest.raises(FileFormatError, match="entit") as info:
        read(path)
    assert info.value.file == str(path)
    assert "entity bomb" in str(info.value)


@pytest.mark.parametrize(("suffix", "read"), FORMATS)
def test_truncated_file_names_file_and_line(tmp_path, sample, suffix, read):
    path = tmp_path / f"map.{suffix}"
    write(sample, path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(FileFormatError, match="truncated") as info:
        read(path)
    assert info.value.file == str(path)
    assert info.value.row > 1


@pytest.mark.parametrize(("suffix", "read"), FORMATS)
def test_empty_and_missing_files(tmp_path, suffix, read):
    path = tmp_path / f"empty.{suffix}"
    path.write_bytes(b"")
    with pytest.raises(FileFormatError, match="well-formed"):
        read(path)
    with pytest.raises(FileFormatError, match="cannot read"):
        read(tmp_path / f"nothing.{suffix}")


def test_wrong_format_is_named(tmp_path, sample):
    path = tmp_path / "map.graphml"
    sample.to_graphml(path)
    with pytest.raises(FileFormatError, match="read_graphml"):
        netmap.read_gexf(path)
    path = tmp_path / "map.gexf"
    sample.to_gexf(path)
    with pytest.raises(FileFormatError, match="read_gexf"):
        netmap.read_graphml(path)


def test_malformed_xml_names_the_line(tmp_path):
    path = tmp_path / "bad.graphml"
    path.write_text('<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
                    '<graph edgedefault="undirected">\n<node id="a">\n</graph>\n</graphml>\n')
    with pytest.raises(FileFormatError) as info:
        netmap.read_graphml(path)
    assert info.value.row == 4


def test_control_characters_are_refused_on_write(tmp_path):
    actors = pd.DataFrame({"id": ["a"], "sector": ["public"], "note": ["bell\x07"]})
    m = netmap.from_frames(actors)
    with pytest.raises(netmap.InvalidValueError, match="control character"):
        m.to_gexf(tmp_path / "m.gexf")


def test_bad_options_are_parameter_errors(tmp_path, sample):
    with pytest.raises(netmap.ParameterError, match="size='budjet'") as info:
        sample.to_graphml(tmp_path / "m.graphml", size="budjet")
    assert info.value.parameter == "size" and "'degree'" in str(info.value)
    assert not (tmp_path / "m.graphml").exists()
    sample.to_gexf(tmp_path / "m.gexf")
    with pytest.raises(netmap.ParameterError, match="directed"):
        netmap.read_gexf(tmp_path / "m.gexf", directed="yes")


def test_foreign_viz_is_noted_not_read(tmp_path):
    G = nx.Graph()
    G.add_node("a", sector="public", viz={"color": {"r": 1, "g": 2, "b": 3, "a": 1.0},
                                          "position": {"x": 1.0, "y": 2.0, "z": 0.0}})
    G.add_node("b", sector="third")
    G.add_edge("a", "b")
    path = tmp_path / "g.gexf"
    nx.write_gexf(G, path)
    m = netmap.read_gexf(path)
    assert "gexf-viz-not-read" in m.issues["code"].tolist()
    assert list(m.actors.columns) == ["name", "sector", "core", "level"]
