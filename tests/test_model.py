import warnings

import networkx as nx
import numpy as np
import pandas as pd
import pytest

import netmap
from netmap import DataWarning, StakeholderMap, WaveError
from netmap.testing import assert_map_equal


def test_tables_are_normalised(actors_frame, ties_frame):
    m = StakeholderMap(actors_frame, ties_frame)
    assert m.actors.index.tolist() == ["moe", "intel", "ngo", "univ", "p1"]
    assert m.actors.index.name == "id"
    assert m.actors["sector"].tolist() == ["public", "business", "third", "academia",
                                           "third"]
    assert m.actors["core"].astype(object).tolist() == ["public", "business", "third",
                                                        np.nan, "third"]
    assert m.ties["tie_class"].tolist() == ["transactional", "transactional",
                                            "partnership", "exchange"]
    assert m.ties.index.name == "tie"
    assert not m.directed
    assert m.n_actors == 5
    assert m.n_ties == 4


def test_repr(actors_frame, ties_frame):
    m = StakeholderMap(actors_frame, ties_frame, name="tiny")
    assert repr(m) == ("<StakeholderMap 'tiny': 5 actors (public 1, business 1, "
                       "third 2, academia 1), 4 ties (undirected)>")


def test_input_frames_are_not_mutated(actors_frame, ties_frame):
    a, t = actors_frame.copy(), ties_frame.copy()
    StakeholderMap(actors_frame, ties_frame)
    pd.testing.assert_frame_equal(a, actors_frame)
    pd.testing.assert_frame_equal(t, ties_frame)


def test_map_is_immutable_through_its_tables(actors_frame, ties_frame):
    m = StakeholderMap(actors_frame, ties_frame)
    actors = m.actors
    actors["sector"] = "other"
    actors.loc["moe", "name"] = "changed"
    ties = m.ties
    ties.loc[0, "weight"] = 99.0
    assert m.actors.loc["moe", "name"] == "משרד החינוך"
    assert m.actors["sector"].iloc[0] == "public"
    assert m.ties.loc[0, "weight"] == 2.0
    with pytest.raises(AttributeError):
        m.directed = True


def test_no_ties_and_no_optional_tables(actors_frame):
    m = StakeholderMap(actors_frame)
    assert m.n_ties == 0
    assert m.memberships.empty and list(m.memberships.columns) == ["actor", "body"]
    assert m.activities.empty and m.bodies.empty
    assert m.arrays.adjacency().shape == (5, 5)
    assert m.arrays.adjacency().nnz == 0


def test_arrays_by_hand(actors_frame, ties_frame):
    m = StakeholderMap(actors_frame, ties_frame)
    arr = m.arrays
    assert arr.ids.tolist() == ["moe", "intel", "ngo", "univ", "p1"]
    assert arr.sector.tolist() == [0, 1, 2, 3, 2]
    assert arr.core.tolist() == [0, 1, 2, -1, 2]
    assert arr.level.tolist() == [1, 1, 1, 1, 0]
    assert arr.source.tolist() == [0, 1, 2, 4]
    assert arr.target.tolist() == [2, 2, 3, 0]
    assert arr.tie_class.tolist() == [2, 2, 0, 1]
    expected = np.zeros((5, 5))
    for s, t in [(0, 2), (1, 2), (2, 3), (4, 0)]:
        expected[s, t] = expected[t, s] = 1
    np.testing.assert_array_equal(arr.adjacency().toarray(), expected)
    weighted = np.zeros((5, 5))
    for s, t, w in [(0, 2, 2), (1, 2, 1), (2, 3, 3), (4, 0, 1)]:
        weighted[s, t] = weighted[t, s] = w
    np.testing.assert_array_equal(arr.adjacency("weight").toarray(), weighted)
    assert arr.adjacency() is arr.adjacency()
    assert m.arrays is m.arrays
    with pytest.raises(ValueError, match="weight"):
        arr.adjacency("trust")


def test_adjacency_directed_self_tie_and_parallel_ties():
    actors = pd.DataFrame({"id": ["a", "b"], "sector": ["public", "third"]})
    ties = pd.DataFrame({"source": ["a", "a", "b", "a"], "target": ["b", "b", "a", "a"],
                         "type": ["funding", "partnership", "information", "advice"],
                         "weight": [1.0, 2.0, 4.0, 8.0]})
    with pytest.warns(DataWarning, match="self-tie"):
        directed = StakeholderMap(actors, ties, directed=True)
    np.testing.assert_array_equal(directed.arrays.adjacency().toarray(),
                                  [[1, 2], [1, 0]])
    np.testing.assert_array_equal(directed.arrays.adjacency("weight").toarray(),
                                  [[8, 3], [4, 0]])
    with pytest.warns(DataWarning, match="self-tie"):
        undirected = StakeholderMap(actors, ties)
    np.testing.assert_array_equal(undirected.arrays.adjacency().toarray(),
                                  [[1, 3], [3, 0]])
    np.testing.assert_array_equal(undirected.arrays.adjacency("weight").toarray(),
                                  [[8, 7], [7, 0]])


def test_groups(actors_frame, ties_frame):
    m = StakeholderMap(actors_frame, ties_frame)
    assert m.groups(by="sector").loc["p1"] == "third"
    assert pd.isna(m.groups(by="core").loc["univ"])
    assert m.groups(by="level").name == "level"
    with pytest.raises(netmap.ParameterError, match="by='colour' is not allowed"):
        m.groups(by="colour")


def test_to_networkx_simple_merges_parallel_ties():
    actors = pd.DataFrame({"id": ["a", "b", "c"], "sector": ["public", "third", "business"],
                           "budget": [1, None, 3]})
    ties = pd.DataFrame({"source": ["a", "b", "a"], "target": ["b", "a", "c"],
                         "type": ["funding", "partnership", "donation"],
                         "weight": [1.0, 2.0, 5.0], "note": ["x", "y", "z"]})
    m = StakeholderMap(actors, ties)
    G = m.to_networkx()
    assert type(G) is nx.Graph
    assert G.edges["a", "b"] == {"weight": 3.0, "ties": 2,
                                 "types": "funding;partnership"}
    assert G.edges["a", "c"]["note"] == "z"
    assert G.edges["a", "c"]["tie_class"] == "transactional"
    assert G.nodes["a"] == {"sector": "public", "core": "public",
                            "level": "organisation", "budget": 1}
    assert "budget" not in G.nodes["b"]
    M = m.to_networkx(multigraph=True)
    assert type(M) is nx.MultiGraph
    assert M.number_of_edges() == 3
    assert M.edges["b", "a", 1]["type"] == "partnership"
    D = StakeholderMap(actors, ties, directed=True).to_networkx()
    assert type(D) is nx.DiGraph
    assert D.has_edge("b", "a") and D.has_edge("a", "b")


def test_at_filters_rows_by_wave():
    actors = pd.DataFrame({"id": ["a", "b", "c", "d"],
                           "sector": ["public", "third", "business", "third"],
                           "wave": [1, 1, 2, None], "until": [None, 1, None, None]})
    ties = pd.DataFrame({"source": ["a", "a", "a", "c"], "target": ["b", "c", "d", "d"],
                         "wave": [None, 2, 3, None]})
    members = pd.DataFrame({"actor": ["a", "b", "c"], "body": ["sc", "sc", "sc"],
                            "wave": [1, 1, 3]})
    m = StakeholderMap(actors, ties, memberships=members)
    assert m.waves == (1, 2, 3)
    m1, m2, m3 = m.at(1), m.at(2), m.at(3)
    assert m1.actors.index.tolist() == ["a", "b", "d"]
    assert m2.actors.index.tolist() == ["a", "c", "d"]
    assert m1.ties[["source", "target"]].to_numpy().tolist() == [["a", "b"]]
    # a-b ends with b; a-c starts at 2; a-d at 3; c-d whenever both are there.
    assert m2.ties[["source", "target"]].to_numpy().tolist() == [["a", "c"], ["c", "d"]]
    assert m3.ties[["source", "target"]].to_numpy().tolist() == [["a", "c"], ["a", "d"],
                                                             ["c", "d"]]
    assert m1.memberships["actor"].tolist() == ["a", "b"]
    assert m2.memberships["actor"].tolist() == ["a"]
    assert m3.memberships["actor"].tolist() == ["a", "c"]
    assert m2.waves == m.waves
    assert m.at("2").equals(m2)
    with pytest.raises(WaveError, match="Use one of the map's waves: 1, 2, 3"):
        m.at(4)


def test_at_keeps_the_map_silent():
    actors = pd.DataFrame({"id": ["a", "b"], "sector": ["public", "third"], "wave": [1, 2]})
    ties = pd.DataFrame({"source": ["a"], "target": ["b"], "type": ["friendship"]})
    with pytest.warns(DataWarning, match="friendship"):
        m = StakeholderMap(actors, ties)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert m.at(2).n_ties == 1
        assert m.at(1).n_ties == 0


def test_equals(actors_frame, ties_frame):
    m = StakeholderMap(actors_frame, ties_frame)
    assert m.equals(StakeholderMap(actors_frame, ties_frame))
    assert not m.equals(StakeholderMap(actors_frame, ties_frame, directed=True))
    assert not m.equals(StakeholderMap(actors_frame, ties_frame.iloc[:3]))
    assert not m.equals("not a map")


def test_summary_counts(actors_frame, ties_frame):
    members = pd.DataFrame({"actor": ["moe", "intel", "ngo", "p1"],
                            "body": ["sc", "sc", "sc", "team"]})
    s = StakeholderMap(actors_frame, ties_frame, memberships=members).summary()
    assert s.n_actors == 5 and s.n_ties == 4 and s.n_bodies == 2
    assert s.sectors.loc["third", ["actors", "person", "organisation"]].tolist() == [2, 1, 1]
    assert s.sectors.index.tolist() == ["public", "business", "third", "academia"]
    assert s.tie_classes["ties"].tolist() == [1, 1, 2, 0]
    assert s.tie_classes["share"].tolist() == [0.25, 0.25, 0.5, 0.0]
    assert s.tie_classes.loc["transactional", "types"] == "donation 1, funding 1"
    assert s.bodies.loc["sc", ["members", "public", "business", "third"]].tolist() == [
        3, 1, 1, 1]
    assert "Actors by sector" in s.to_text()
    assert str(s) == s.to_text()


def test_public_namespace():
    for name in netmap.__all__:
        assert hasattr(netmap, name), name
    assert netmap.__version__


def test_the_date_travels_with_the_map_and_its_derived_maps():
    import copy
    import datetime
    import pickle

    base = netmap.datasets.load_2x5()
    m = netmap.from_frames(base.actors.reset_index(), base.ties, base.memberships,
                           base.bodies.reset_index(), base.activities, name="x",
                           date=datetime.date(2024, 3, 1))
    assert m.date == "2024-03-01" and base.date is None
    derived = [pickle.loads(pickle.dumps(m)), copy.deepcopy(m), m.at(2014),
               m.without("moe"), m.roll_up(), m.anonymize(key="k" * 16),
               netmap.from_networkx(m.to_networkx())]
    assert [d.date for d in derived] == ["2024-03-01"] * len(derived)
    # the date is a setting like the title: equals() leaves it, check_name compares it
    undated = netmap.from_frames(base.actors.reset_index(), base.ties, base.memberships,
                                 base.bodies.reset_index(), base.activities, name="x")
    assert m.equals(undated)
    with pytest.raises(AssertionError, match="dates differ"):
        assert_map_equal(m, undated, check_name=True)


@pytest.mark.parametrize("date", ["1/3/2024", "2024-13-01", 20240301,
                                  "2024-03-01 10:00"])
def test_a_map_date_that_is_not_a_date(date):
    actors = pd.DataFrame({"id": ["a"], "sector": ["public"]})
    with pytest.raises(netmap.ParameterError, match="YYYY-MM-DD"):
        netmap.StakeholderMap(actors, date=date)


def test_a_map_pickles_and_deep_copies():
    import copy
    import pickle

    m = netmap.datasets.load_2x5()
    _ = m.arrays  # computed and cached: it travels with the map
    for other in (pickle.loads(pickle.dumps(m)), copy.deepcopy(m)):
        assert other.equals(m)
        assert other.taxonomy == m.taxonomy
        assert other.taxonomy.lookup("ממשלה") == "public"
        assert other.arrays.ids.equals(m.arrays.ids)
        pd.testing.assert_frame_equal(other.issues, m.issues)
