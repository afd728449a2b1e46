import networkx as nx
import pytest

import netmap
from netmap import DuplicateIdError, ValidationError
from netmap.io.networkx import to_networkx
from netmap.testing import assert_map_equal


def test_round_trip_through_multigraph():
    # networkx holds actors and ties; memberships, bodies and activities stay out.
    sample = netmap.datasets.load_2x5()
    m = netmap.from_frames(sample.actors.reset_index().drop(columns="core"),
                           sample.ties.drop(columns="tie_class"), name=sample.name)
    again = netmap.from_networkx(m.to_networkx(multigraph=True))
    assert_map_equal(m, again, check_name=True, check_order=False)
    with pytest.raises(AssertionError, match="ties differ"):
        assert_map_equal(m, again)
    directed = netmap.from_frames(sample.actors.reset_index().drop(columns="core"),
                                  sample.ties.drop(columns="tie_class"), directed=True)
    assert_map_equal(directed, netmap.from_networkx(directed.to_networkx(multigraph=True)),
                     check_order=False)


def test_directed_graph_and_attributes():
    G = nx.DiGraph(name="g")
    G.add_node("a", sector="ממשלה", budget=5)
    G.add_node("b", sector="business")
    G.add_edge("a", "b", type="contract", weight=2.0, trust=4)
    G.add_edge("b", "a", type="information")
    m = netmap.from_networkx(G)
    assert m.directed and m.name == "g"
    assert m.actors.loc["a", "sector"] == "public"
    assert m.actors.loc["a", "budget"] == 5
    assert m.ties[["source", "target", "type", "weight"]].to_numpy().tolist() == [
        ["a", "b", "contract", 2.0], ["b", "a", "information", 1.0]]


def test_other_sector_attribute_and_errors():
    G = nx.Graph()
    G.add_node("x", kind="עמותה")
    G.add_node("y")
    with pytest.raises(ValidationError) as info:
        netmap.from_networkx(G, sector_field="kind")
    assert "sector is empty" in str(info.value) and "row 1" in str(info.value)


def test_integer_nodes_become_text_and_collisions_are_errors():
    G = nx.Graph()
    G.add_node(1, sector="public")
    G.add_node("1", sector="third")
    with pytest.raises(ValidationError) as info:
        netmap.from_networkx(G)
    assert isinstance(info.value.errors[0], DuplicateIdError)


def test_simple_graph_round_trip_without_parallel_ties():
    G = nx.karate_club_graph()
    for _, data in G.nodes(data=True):
        data["sector"] = "public" if data.pop("club") == "Mr. Hi" else "third"
    m = netmap.from_networkx(G)
    H = m.to_networkx()
    assert nx.utils.graphs_equal(nx.relabel_nodes(G, str), nx.Graph(H)) is False
    assert set(H.edges()) == {(str(u), str(v)) for u, v in G.edges()}
    assert all(H.edges[str(u), str(v)]["weight"] == d["weight"]
               for u, v, d in G.edges(data=True))


def test_options_are_keyword_only_and_checked():
    m = netmap.datasets.load_2x5()
    with pytest.raises(TypeError):
        to_networkx(m, True)
    with pytest.raises(netmap.ParameterError, match="multigraph"):
        to_networkx(m, multigraph="yes")
    with pytest.raises(TypeError):
        netmap.from_networkx(m.to_networkx(), "sector")
