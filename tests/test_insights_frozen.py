"""Insights and the under-connected test give, for a fixed seed, exactly what they gave.

The values in tests/oracles/insights_frozen.json were written by the code
before ``under_connected``'s permutations and two-step pairs were made
faster (tests/oracles/insights_frozen.py says how): every finding, number
and p-value must stay the same, to the last bit, on an undirected and a
directed synthetic map with hubs, a lopsided one whose backbone holds
sector pairs together, and the sample map, by sector and by core sector
(where some actors have no group).
"""

import functools
import json
import sys
from pathlib import Path

import pytest

ORACLES = Path(__file__).parent / "oracles"
FROZEN = json.loads((ORACLES / "insights_frozen.json").read_text(encoding="utf-8"))
sys.path.insert(0, str(ORACLES))
from insights_frozen import MAPS, frozen  # noqa: E402

sys.path.remove(str(ORACLES))


@functools.cache
def now(name: str) -> dict:
    """The values as the code gives them today (computed once per map)."""
    return frozen(MAPS[name]())


@pytest.mark.parametrize("name", sorted(MAPS))
def test_under_connected_as_frozen(name):
    for table in ("under", "under_core"):
        got = now(name)[table]
        assert got == FROZEN[name][table]


def test_frozen_values_pin_two_step_counts():
    # the two-step pairs are counted only for under-connected pairs: some must be
    counted = [row[3] for values in FROZEN.values() for table in ("under", "under_core")
               for row in values[table].values() if row[3] is not None]
    assert len(counted) > 50 and max(counted) > 1000


@pytest.mark.parametrize("name", sorted(MAPS))
def test_backbone_and_cut_points_as_frozen(name):
    assert now(name)["without_backbone"] == FROZEN[name]["without_backbone"]
    assert now(name)["cut_points"] == FROZEN[name]["cut_points"]


@pytest.mark.parametrize("name", sorted(MAPS))
def test_insights_as_frozen(name):
    findings = now(name)["findings"]
    assert [f[0] for f in findings] == [f[0] for f in FROZEN[name]["findings"]]
    for got, want in zip(findings, FROZEN[name]["findings"], strict=True):
        assert got == want, got[0]
