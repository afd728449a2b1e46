"""Roll-up to organisations and sectors, and key-person risk."""

import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netmap
from netmap.structure.levels import key_person_risk, roll_up
from netmap.testing import assert_map_equal


def people_map(directed=False, mismatch=False):
    """Two organisations with persons: moe (public; persons dana, eli) and ngo (third;
    person rina); intel (business) without persons."""
    actors = pd.DataFrame({
        "id": ["moe", "ngo", "intel", "dana", "eli", "rina"],
        "name": ["משרד החינוך", "עמותה", "Intel", "Dana", "Eli", "Rina"],
        "sector": ["public", "third", "business", "public", "business" if mismatch
                   else "public", "third"],
        "level": ["organisation", "organisation", "organisation", "person", "person",
                  "person"],
        "org": [None, None, None, "moe", "moe", "ngo"],
        "wave": [1, 1, 1, 1, 2, 1],
    })
    ties = pd.DataFrame({
        "source": ["dana", "dana", "eli", "rina", "moe", "dana", "rina"],
        "target": ["rina", "rina", "intel", "intel", "ngo", "eli", "ngo"],
        "type": ["partnership", "information", "funding", "donation", "contract",
                 "information", "advice"],
        "weight": [2.0, 1.0, 3.0, 1.0, 5.0, 1.0, 1.0],
        "trust": [4.0, 2.0, None, 5.0, 3.0, 5.0, 4.0],
        "wave": [1, 1, 2, 1, 1, 2, 1],
    })
    memberships = pd.DataFrame({"actor": ["dana", "eli", "moe", "rina"],
                                "body": ["sc", "sc", "sc", "sc"],
                                "role": ["member", "chair", "member", "member"]})
    activities = pd.DataFrame({"actor": ["dana", "eli", "rina"],
                               "goal": ["g1", "g1", "g2"]})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", netmap.DataWarning)
        return netmap.StakeholderMap(actors, ties, memberships, None, activities,
                                     directed=directed)


def test_roll_up_to_organisations_by_hand():
    org = people_map().roll_up(to="organisation")
    assert org.actors.index.tolist() == ["moe", "ngo", "intel"]
    assert org.actors["n_merged"].tolist() == [3, 2, 1]
    ties = org.ties.set_index(["source", "target", "tie_class"])
    # dana-rina partnership + information -> moe-ngo: one partnership, one exchange
    assert ties.loc[("moe", "ngo", "partnership"), "n_ties"] == 1
    assert ties.loc[("moe", "ngo", "partnership"), "weight"] == 2.0
    # information dana-rina (wave 1) and advice rina-ngo (wave 1, ngo's own): exchange
    ex = ties.loc[("moe", "ngo", "exchange")]
    assert ex["n_ties"] == 1 and ex["types"] == "information"
    tr = ties.loc[("moe", "ngo", "transactional")]
    assert tr["weight"] == 5.0 and tr["trust"] == 3.0
    # dana-eli is inside moe: a self-tie, noted
    assert ties.loc[("moe", "moe", "exchange"), "n_ties"] == 1
    assert "internal-ties" in set(org.issues["code"])
    assert org.ties["n_ties"].sum() == 7
    assert org.ties["type"].isna().all()
    # memberships: moe holds the strongest role of dana, eli and itself
    mem = org.memberships.set_index(["actor", "body"])
    assert mem.loc[("moe", "sc"), "role"] == "chair"
    assert mem.loc[("moe", "sc"), "n_merged"] == 3
    assert org.activities.groupby(["actor", "goal"])["n_merged"].sum().to_dict() == {
        ("moe", "g1"): 2, ("ngo", "g2"): 1}


def test_roll_up_to_sectors_matches_mixing():
    m = people_map()
    sec = m.roll_up(to="sector")
    assert sec.actors.index.tolist() == ["public", "business", "third"]
    assert (sec.actors["level"] == "sector").all()
    assert sec.actors["n_merged"].tolist() == [3, 1, 2]
    sec_mix = netmap.mixing_matrix(sec, weight="n_ties")
    pd.testing.assert_frame_equal(sec_mix, netmap.mixing_matrix(m), check_names=False)
    sec_w = netmap.mixing_matrix(sec, weight="weight")
    pd.testing.assert_frame_equal(sec_w, netmap.mixing_matrix(m, weight="weight"),
                                  check_names=False)


def test_roll_up_keeps_waves():
    m = people_map()
    org = m.roll_up(to="organisation")
    assert org.actors.loc["moe", "wave"] == 1  # earliest of moe, dana, eli
    for w in m.waves:
        rolled = m.at(w).roll_up(to="organisation")
        assert rolled.ties["n_ties"].sum() == org.at(w).ties["n_ties"].sum()


def test_person_of_another_sector_warns():
    with pytest.warns(netmap.DataWarning, match="another sector"):
        org = people_map(mismatch=True).roll_up(to="organisation")
    assert org.actors.loc["moe", "sector"] == "public"
    assert "person-sector" in set(org.issues["code"])


def test_rolled_map_round_trips(tmp_path):
    org = people_map().roll_up(to="organisation")
    org.to_csv(tmp_path)
    with pytest.warns(netmap.DataWarning, match="self-tie"):  # the internal ties
        back = netmap.read_csv(tmp_path)
    assert back.ties["tie_class"].tolist() == org.ties["tie_class"].tolist()
    assert_map_equal(org, back)


def test_errors():
    with pytest.raises(netmap.MeasureError, match="organisation' or 'sector"):
        roll_up(people_map(), to="country")
    assert roll_up(people_map(), to="ארגון").n_actors == 3


def test_key_person_risk_both_ways():
    risk = key_person_risk(people_map())
    # ngo: its cross-sector ties are dana-rina x2 (rina), rina-intel (rina), moe-ngo
    # (ngo itself), rina-ngo is internal -> rina holds 3 of 4
    assert risk.loc["ngo", "cross_sector_ties"] == 4
    assert risk.loc["ngo", "key_person"] == "rina"
    assert risk.loc["ngo", "key_person_share"] == pytest.approx(0.75)
    assert not risk.loc["ngo", "at_risk"]
    assert key_person_risk(people_map(), share=0.75).loc["ngo", "at_risk"]
    assert "intel" not in risk.index  # no persons: the map cannot tell
    # without the moe-ngo contract, rina holds all of ngo's cross-sector ties
    m = people_map()
    ties = m.ties[~((m.ties["source"] == "moe") & (m.ties["target"] == "ngo"))]
    m2 = netmap.StakeholderMap(m.actors.reset_index(), ties, directed=False)
    risk2 = key_person_risk(m2)
    assert risk2.loc["ngo", "at_risk"] and risk2.index[0] == "ngo"
    assert risk2.loc["moe", "holders"] == 2  # dana and eli
    with pytest.raises(netmap.MeasureError):
        key_person_risk(m2, share=0)


def _rolled_ties_from_the_definition(m, to):
    """Ties of ``m`` merged per pair of merged actors, tie class and span, in tie order.

    An undirected tie runs from the merged actor that comes first in the
    map; weights and tie counts add up, trust averages over the ties with
    trust (weighted by their counts), and the types are the distinct ones,
    sorted and joined by "; " (None when there are none).
    """
    actors = m.actors
    org = {v: (actors.loc[v, "org"] if actors.loc[v, "level"] == "person" else v)
           for v in actors.index}
    merged = org if to == "organisation" else {
        v: actors.loc[o, "sector"] for v, o in org.items()}
    first = {}
    for v in actors.index:
        first.setdefault(merged[v], len(first))
    spans = [c for c in ("wave", "until") if c in m.ties]
    groups: dict = {}
    for _, tie in m.ties.iterrows():
        s, t = merged[tie["source"]], merged[tie["target"]]
        if not m.directed and first[s] > first[t]:
            s, t = t, s
        key = (s, t, tie["tie_class"], *(None if pd.isna(tie[c]) else tie[c] for c in spans))
        group = groups.setdefault(key, {"weight": 0.0, "n": 0, "trust": 0.0, "with": 0,
                                        "types": set()})
        n = int(tie["n_ties"]) if "n_ties" in tie else 1
        group["weight"] += tie["weight"]
        group["n"] += n
        if "trust" in tie and not pd.isna(tie["trust"]):
            group["trust"] += tie["trust"] * n
            group["with"] += n
        text = tie["types"] if "types" in tie else tie["type"]
        if not pd.isna(text):
            group["types"] |= {p for p in str(text).split("; ") if p}
    return [(*key, g["weight"], g["n"], "; ".join(sorted(g["types"])) or None,
             g["trust"] / g["with"] if g["with"] else None) for key, g in groups.items()]


@pytest.mark.parametrize("directed", [False, True])
@pytest.mark.parametrize("waves", [None, 3])
def test_rolled_ties_match_the_definition(directed, waves):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", netmap.DataWarning)
        m = netmap.datasets.synthetic(300, 1500, seed=4, directed=directed, waves=waves)
        org = m.roll_up(to="organisation")
        maps = [(m, "organisation", org), (m, "sector", m.roll_up(to="sector")),
                (org, "sector", org.roll_up(to="sector"))]  # types and n_ties in, too
    for before, to, after in maps:
        expected = _rolled_ties_from_the_definition(before, to)
        spans = [c for c in ("wave", "until") if c in after.ties]
        got = [(r.source, r.target, r.tie_class,
                *(None if pd.isna(getattr(r, c)) else getattr(r, c) for c in spans),
                r.weight, r.n_ties, None if pd.isna(r.types) else r.types,
                None if pd.isna(r.trust) else r.trust) for r in after.ties.itertuples()]
        assert len(got) == len(expected) and len(got) < len(before.ties)
        for row, want in zip(got, expected, strict=True):
            assert row[:-1] == want[:-1]
            assert row[-1] == pytest.approx(want[-1])
        assert any(";" in (r[-2] or "") for r in got)  # some ties merged several types


@pytest.mark.slow
@settings(max_examples=30, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 7), st.integers(0, 7),
                          st.sampled_from(["partnership", "funding", "information"])),
                max_size=25), st.booleans())
def test_roll_up_preserves_tie_totals(edges, directed):
    sectors = ["public", "business", "third", "public", "business", "third"]
    ids = ["o0", "o1", "o2", "o3", "o4", "o5", "p6", "p7"]
    actors = pd.DataFrame({"id": ids, "sector": sectors + ["public", "third"],
                           "level": ["organisation"] * 6 + ["person"] * 2,
                           "org": [None] * 6 + ["o0", "o2"]})
    ties = pd.DataFrame([(ids[s], ids[t], k) for s, t, k in edges],
                        columns=["source", "target", "type"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", netmap.DataWarning)
        m = netmap.StakeholderMap(actors, ties, directed=directed)
        org, sec = m.roll_up(to="organisation"), m.roll_up(to="sector")
    assert org.ties["n_ties"].sum() == m.n_ties == sec.ties["n_ties"].sum()
    if m.n_ties:
        pd.testing.assert_frame_equal(netmap.mixing_matrix(sec, weight="n_ties"),
                                      netmap.mixing_matrix(m), check_names=False)
        pd.testing.assert_frame_equal(netmap.mixing_matrix(org, weight="n_ties"),
                                      netmap.mixing_matrix(m), check_names=False)
    assert np.array_equal(org.actors["n_merged"].sum(), m.n_actors)
