"""Body composition: sector make-up, type, diversity, balance, chairs, interlocks."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netmap
from netmap.structure.bodies import BODY_TYPES
from structure_maps import build

SECTORS = {"moe": "public", "intel": "business", "hp": "business", "ngo": "third",
           "ngo2": "third", "univ": "academia", "fund": "philanthropy"}


def bodies_map():
    """steering: three sectors, chaired (in Hebrew) by moe; coalition: business only;
    team: academia and philanthropy (no core sector but third via philanthropy)."""
    mem = [("moe", "steering", 'יו"ר'), ("intel", "steering", "member"),
           ("ngo", "steering", "member"), ("univ", "steering", "member"),
           ("intel", "coalition", "lead"), ("hp", "coalition", "member"),
           ("univ", "lab", "member"), ("fund", "lab", "member")]
    bodies = pd.DataFrame({"id": ["steering", "coalition", "lab", "empty"],
                           "kind": ["ועדת היגוי", "coalition", "working team",
                                    "working team"]})
    return build(SECTORS, [("moe", "intel")], memberships=mem, bodies=bodies)


def test_counts_by_hand():
    counts = netmap.body_sector_counts(bodies_map())
    assert list(counts.columns[:3]) == ["public", "business", "third"]
    assert counts.loc["steering"].to_dict() == {"public": 1, "business": 1, "third": 1,
                                                "academia": 1, "philanthropy": 0}
    assert counts.loc["coalition"].sum() == 2
    assert counts.loc["empty"].sum() == 0
    core = netmap.body_sector_counts(bodies_map(), by="core")
    assert core.loc["lab"].tolist() == [0, 0, 1]  # philanthropy's core is third


def test_types_both_ways():
    table = netmap.body_composition(bodies_map())
    assert table.loc["steering", "type"] == "three-sector"
    assert table.loc["coalition", "type"] == "single-sector"
    assert table.loc["lab", "type"] == "single-sector"
    assert table.loc["empty", "type"] == "no core sector"
    assert table.loc["coalition", "core_missing"] == ("public", "third")
    assert table.loc["steering", "core_missing"] == ()
    assert set(table["type"]) <= set(BODY_TYPES)
    two = build({"a": "public", "b": "business"}, [],
                memberships=[("a", "x"), ("b", "x")])
    assert netmap.body_composition(two).loc["x", "type"] == "two-sector"


def test_blau_and_deviation_by_hand():
    table = netmap.body_composition(bodies_map())
    # steering: 4 members in 4 sectors -> 1 - 4 * (1/4)^2 = 0.75; K = 5 sectors in map
    assert table.loc["steering", "blau"] == pytest.approx(0.75)
    assert table.loc["steering", "blau_normalized"] == pytest.approx(0.75 / 0.8)
    assert table.loc["coalition", "blau"] == 0.0
    # reference "map": shares 1/7, 2/7, 2/7, 1/7, 1/7; coalition is all business
    q = np.array([1, 2, 2, 1, 1]) / 7
    p = np.array([0, 1, 0, 0, 0])
    assert table.loc["coalition", "deviation"] == pytest.approx(0.5 * np.abs(p - q).sum())
    equal = netmap.body_composition(bodies_map(), by="core", reference="equal")
    assert equal.loc["coalition", "deviation"] == pytest.approx(2 / 3)
    assert equal.loc["steering", "deviation"] == pytest.approx(0.0)
    given = netmap.body_composition(bodies_map(), reference={"business": 1})
    assert given.loc["coalition", "deviation"] == pytest.approx(0.0)
    assert np.isnan(table.loc["empty", "blau"])
    with pytest.raises(netmap.ParameterError, match="not 'sector' groups"):
        netmap.body_composition(bodies_map(), reference={"army": 1})
    with pytest.raises(netmap.ParameterError, match="reference='balanced' is not allowed"):
        netmap.body_composition(bodies_map(), reference="balanced")


def test_dominant_chairs_interlocks():
    table = netmap.body_composition(bodies_map())
    assert table.loc["coalition", ["dominant", "dominant_share"]].tolist() == ["business",
                                                                               1.0]
    assert table.loc["steering", "chairs"] == ("moe",)  # Hebrew role label
    assert table.loc["steering", "chair_sectors"] == ("public",)
    assert table.loc["coalition", "chair_sectors"] == ("business",)
    assert table.loc["lab", "chairs"] == ()
    assert table.loc["steering", "interlocks"] == 2  # intel (coalition), univ (lab)
    assert table.loc["coalition", "interlocks"] == 1
    assert table.loc["empty", "dominant"] is None
    inter = netmap.interlocks(bodies_map())
    assert inter.index.tolist() == ["intel", "univ"]
    assert inter.loc["intel", "bodies"] == ("steering", "coalition")
    lonely = build({"a": "public"}, [], memberships=[("a", "x")])
    assert netmap.interlocks(lonely).empty


def test_sample_bodies():
    m = netmap.datasets.load_2x5()
    table = netmap.body_composition(m)
    assert table.loc["steering_committee", "type"] == "three-sector"
    assert table.loc["business_coalition", "type"] == "single-sector"
    assert table.loc["third_sector_team", "type"] == "single-sector"
    assert table.loc["third_sector_team", "dominant"] == "third"
    for w in (2013, 2014):
        chairs = netmap.body_composition(m.at(w)).loc["steering_committee",
                                                      "chair_sectors"]
        assert chairs == (("philanthropy",) if w == 2013 else ("public",))


@pytest.mark.slow
@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 6), st.integers(0, 2)), min_size=1,
                max_size=20), st.randoms())
def test_relabelling_actors_changes_nothing(pairs, rnd):
    ids = list(SECTORS)
    mem = [(ids[a], f"b{b}") for a, b in pairs]
    m = build(SECTORS, [], memberships=mem)
    rename = dict(zip(ids, rnd.sample([f"x{i}" for i in range(7)], 7), strict=True))
    shuffled = [(rename[a], b) for a, b in rnd.sample(mem, len(mem))]
    m2 = build({rename[k]: v for k, v in SECTORS.items()}, [], memberships=shuffled)
    cols = ["members", "groups", "type", "blau", "deviation", "dominant", "interlocks"]
    t1 = netmap.body_composition(m)[cols].sort_index()
    t2 = netmap.body_composition(m2)[cols].sort_index()
    pd.testing.assert_frame_equal(t1, t2)
    assert (t1["blau"].dropna().between(0, 1)).all()
    assert (t1["deviation"].dropna().between(0, 1 + 1e-12)).all()
    counts = netmap.body_sector_counts(m)
    assert counts.sum(axis=1).tolist() == t1.reindex(counts.index)["members"].tolist()
