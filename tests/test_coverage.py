"""Coverage: goals x sectors, gaps and crowded goals."""

import pandas as pd
import pytest

import netmap
from structure_maps import build

SECTORS = {"moe": "public", "intel": "business", "n1": "third", "n2": "third",
           "n3": "third", "fund": "philanthropy"}


def activity_map():
    act = pd.DataFrame({"actor": ["n1", "n2", "n3", "intel", "n1", "moe", "fund", "n1"],
                        "goal": ["tutoring", "tutoring", "tutoring", "tutoring",
                                 "teachers", "teachers", "teachers", "tutoring"]})
    return build(SECTORS, [], activities=act)


def test_counts_gaps_and_crowding_by_hand():
    table = netmap.coverage(activity_map(), goals=["teachers", "tutoring", "parents"])
    assert table.index.tolist() == ["teachers", "tutoring", "parents"]
    assert table.loc["tutoring", ["public", "business", "third"]].tolist() == [0, 1, 3]
    assert table.loc["tutoring", "actors"] == 4  # n1's duplicate row counts once
    assert table.loc["tutoring", "crowded_count"] == 3
    assert table.loc["tutoring", "crowded"]
    assert not table.loc["teachers", "crowded"]
    assert table.loc["teachers", "core_missing"] == ("business",)  # fund counts as third
    assert table.loc["parents", "gap"] and not table.loc["teachers", "gap"]
    assert table.loc["parents", "core_missing"] == ("public", "business", "third")
    assert not netmap.coverage(activity_map(), crowded=4).loc["tutoring", "crowded"]


def test_unlisted_goals_are_kept_and_errors():
    table = netmap.coverage(activity_map(), goals=["parents"])
    assert table.index.tolist() == ["parents", "tutoring", "teachers"]
    with pytest.raises(netmap.MeasureError, match="no activities"):
        netmap.coverage(build(SECTORS, []))
    with pytest.raises(netmap.MeasureError, match="at least 2"):
        netmap.coverage(activity_map(), crowded=1)


def test_sample_coverage():
    m = netmap.datasets.load_2x5()
    table = netmap.coverage(m)
    assert table["actors"].sum() == len(m.activities.drop_duplicates(["actor", "goal"]))
    assert table.loc["student_motivation", "crowded"]
    assert not table["gap"].any()
