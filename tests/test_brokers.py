import math

import pandas as pd
import pytest

import netmap
from netmap import MeasureError
from netmap.measures.brokerage import brokerage
from netmap.structure.brokers import brokers, sectors_reached


def star():
    """A hub h in the third sector tied to two public, one business, one third actor."""
    actors = pd.DataFrame({"id": ["h", "p1", "p2", "b", "t", "u"],
                           "name": ["Hub", "P1", "P2", "B", "T", "U"],
                           "sector": ["third", "public", "public", "business", "third",
                                      "academia"]})
    ties = pd.DataFrame({"source": ["h", "h", "h", "h", "p1"],
                         "target": ["p1", "p2", "b", "t", "p2"]})
    return netmap.from_frames(actors, ties)


def test_sectors_reached_by_hand():
    reach = sectors_reached(star())
    assert reach.to_dict() == {"h": 2.0, "p1": 1.0, "p2": 1.0, "b": 1.0, "t": 0.0,
                               "u": 0.0}
    m = netmap.from_frames(
        pd.DataFrame({"id": ["a", "b", "c"], "sector": ["public", "academia", "third"]}),
        pd.DataFrame({"source": ["a", "a"], "target": ["b", "c"]}), directed=True)
    reach = sectors_reached(m, by="core")
    assert reach["a"] == 1.0 and math.isnan(reach["b"]) and reach["c"] == 1.0


def test_ranking_by_hand():
    table = brokers(star())
    assert table.index[0] == "h"
    assert table["rank"].tolist() == list(range(1, 7))
    raw = brokerage(star())
    # h brokers p1-b, p2-b, b-t, t-p1, t-p2 ... in both directions (undirected).
    assert table.loc["h", "cross_brokerage"] == raw.loc["h", ["representative",
                                                              "gatekeeper",
                                                              "liaison"]].sum()
    assert table.loc["h", "name"] == "Hub"
    assert list(table.columns) == [
        "rank", "name", "group", "representative", "gatekeeper", "liaison",
        "representative_z", "gatekeeper_z", "liaison_z", "cross_brokerage",
        "sectors_reached", "constraint", "betweenness"]


def test_backbone_leads_the_sample():
    table = brokers(netmap.datasets.load_2x5(), top=5)
    assert len(table) == 5
    assert table.index[0] == "sheatufim"
    assert table.loc["sheatufim", "sectors_reached"] == 6
    assert (table["cross_brokerage"].diff().dropna() <= 0).all()


def test_bad_top():
    with pytest.raises(MeasureError, match="top=0 is not allowed: use a whole number of at"):
        brokers(star(), top=0)


def test_sampled_betweenness_is_passed_on():
    sample = netmap.datasets.load_2x5()
    table = brokers(sample, betweenness_sample=20, seed=1)
    again = brokers(sample, betweenness_sample=20, seed=1)
    pd.testing.assert_frame_equal(table, again)
    exact = brokers(sample)
    assert not table["betweenness"].equals(exact["betweenness"].loc[table.index])
