"""Comparing two waves: joiners and leavers, ties, bodies, headline measures."""

import numpy as np
import pandas as pd
import pytest

import netmap
from structure_maps import build


def waves_map():
    """Wave 1: moe, ngo, intel; fund (philanthropy) chairs the steering committee.
    Wave 2: la (public) joins, intel leaves, moe takes the chair."""
    actors = pd.DataFrame({
        "id": ["moe", "ngo", "intel", "fund", "la"],
        "sector": ["public", "third", "business", "philanthropy", "public"],
        "wave": [1, 1, 1, 1, 2], "until": [None, None, 1, None, None],
        "backbone": ["", "yes", "", "", ""]})
    ties = pd.DataFrame({
        "source": ["moe", "ngo", "ngo", "moe", "la", "ngo"],
        "target": ["ngo", "intel", "fund", "ngo", "ngo", "fund"],
        "type": ["funding", "donation", "partnership", "partnership", "information",
                 "partnership"],
        "wave": [1, 1, 1, 2, 2, 1], "until": [None, None, 1, None, None, None]})
    mem = pd.DataFrame({
        "actor": ["fund", "moe", "ngo", "intel", "moe", "la"],
        "body": ["sc", "sc", "sc", "sc", "sc", "sc"],
        "role": ["chair", "member", "member", "member", "chair", "member"],
        "wave": [1, 1, 1, 1, 2, 2], "until": [1, 1, None, None, None, None]})
    bodies = pd.DataFrame({"id": ["sc"], "kind": ["steering committee"]})
    return netmap.StakeholderMap(actors, ties, mem, bodies)


def test_actors_and_sectors():
    diff = netmap.compare(waves_map(), 1, 2)
    assert diff.actors["change"].to_dict() == {"la": "joined", "intel": "left"}
    sectors = diff.sectors
    assert sectors.loc["public"].tolist() == [1, 2, 1, 0, 1]
    assert sectors.loc["business"].tolist() == [1, 0, 0, 1, -1]


def test_ties_gained_and_lost():
    diff = netmap.compare(waves_map(), 1, 2)
    ties = diff.ties
    # public-third: wave 1 funding (moe-ngo); wave 2 funding + partnership moe-ngo +
    # information la-ngo
    assert ties.loc[("public", "third", "transactional")].tolist() == [1, 1, 0, 0]
    assert ties.loc[("public", "third", "partnership")].tolist() == [0, 1, 1, 0]
    assert ties.loc[("public", "third", "exchange")].tolist() == [0, 1, 1, 0]
    # business-third donation lost with intel; one of the two third-philanthropy
    # partnerships ends after wave 1
    assert ties.loc[("business", "third", "transactional")].tolist() == [1, 0, 0, 1]
    assert ties.loc[("third", "philanthropy", "partnership")].tolist() == [2, 1, 0, 1]
    assert (ties["after"] - ties["before"] == ties["gained"] - ties["lost"]).all()


def test_bodies_and_measures():
    diff = netmap.compare(waves_map(), 1, 2)
    sc = diff.bodies.loc["sc"]
    assert sc["chairs_before"] == ("fund",) and sc["chairs_after"] == ("moe",)
    assert sc["chair_sectors_after"] == ("public",)
    assert sc[["members_before", "members_after", "joined", "left"]].tolist() == [4, 3, 1,
                                                                                 2]
    assert sc["type_before"] == "three-sector" and sc["type_after"] == "two-sector"
    measures = diff.measures
    assert measures.loc["public_leads_steering"].tolist() == [0.0, 1.0, 1.0]
    assert measures.loc["public_share_joint_bodies", "before"] == pytest.approx(1 / 4)
    assert measures.loc["public_share_joint_bodies", "after"] == pytest.approx(2 / 3)
    assert measures.loc["actors"].tolist() == [4, 4, 0]
    assert set(diff.tables()) == {"actors", "sectors", "ties", "bodies", "measures"}


def test_headline_measures_by_hand():
    m = build({"a": "public", "b": "public", "c": "third"}, [("a", "b"), ("a", "c")])
    h = netmap.headline_measures(m)
    assert h["cross_sector_share"] == 0.5
    assert h["ei_index"] == 0.0
    assert np.isnan(h["backbone_share"])  # no backbone named
    assert np.isnan(h["public_leads_steering"])  # no steering committee
    assert h["public_best_broker_rank"] == 1  # a brokers b - a - c
    assert netmap.headline_measures(m, backbone="a")["backbone_share"] == 1.0


def test_errors():
    m = waves_map()
    with pytest.raises(netmap.WaveError):
        netmap.compare(m, 1, 3)
    with pytest.raises(netmap.MeasureError, match="two different waves"):
        netmap.compare(m, 2, 2)


def test_sample_ministry_takes_the_lead():
    m = netmap.datasets.load_2x5()
    diff = netmap.compare(m, 2013, 2014)
    assert diff.bodies.loc["steering_committee", "chair_sectors_before"] == (
        "philanthropy",)
    assert diff.bodies.loc["steering_committee", "chair_sectors_after"] == ("public",)
    measures = diff.measures
    assert measures.loc["public_leads_steering"].tolist() == [0.0, 1.0, 1.0]
    assert measures.loc["public_share_joint_bodies", "change"] > 0
    assert measures.loc["public_best_broker_rank", "after"] < measures.loc[
        "public_best_broker_rank", "before"]
