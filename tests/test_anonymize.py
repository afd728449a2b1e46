"""Anonymizing: stable pseudonyms, every structural measure kept, re-identification risk."""

import hashlib
import hmac
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netmap
from netmap import InvalidValueError, MeasureError, ParameterError
from reference_anonymity import MISSING, key_values, risk_reference
from test_properties import build, maps, maps_with_bodies

KEY = "correct horse battery staple"


@pytest.fixture(scope="module")
def anon(sample):
    return sample.anonymize(key=KEY)


def mapping(m, key):
    return netmap.pseudonyms(m.actors.index, key)


def test_pseudonym_is_the_published_hmac():
    key = "sixteen byte key"
    expected = "a_" + hmac.new(key.encode(), b"a:moe", hashlib.sha256).hexdigest()[:16]
    assert netmap.pseudonyms(["moe"], key)["moe"] == expected
    assert netmap.pseudonyms(["moe"], key.encode())["moe"] == expected
    assert netmap.pseudonyms(["moe"], key, prefix="b")["moe"] != expected


def test_same_key_same_pseudonyms_across_waves(sample):
    key = "wave key, sixteen bytes"
    whole = sample.anonymize(key=key)
    early = sample.at(2013).anonymize(key=key)
    assert set(early.actors.index) <= set(whole.actors.index)
    assert whole.equals(sample.anonymize(key=key))
    # a wave of the anonymized map is the anonymized wave
    assert early.equals(whole.at(2013))


def test_different_keys_give_unrelated_pseudonyms(sample):
    a = sample.anonymize(key="one key of 16 bytes").actors.index
    b = sample.anonymize(key="two key of 16 bytes").actors.index
    assert not set(a) & set(b)
    c = sample.anonymize().actors.index  # a fresh random key each time
    d = sample.anonymize().actors.index
    assert not set(c) & set(d) and not set(c) & set(a)


def test_names_ids_and_dropped_columns_do_not_show(sample, anon, tmp_path):
    assert list(anon.actors.index) == sorted(anon.actors.index)
    assert (anon.actors["name"] == anon.actors.index).all()
    assert set(anon.actors.columns) == {"name", "sector", "core", "level", "org", "wave",
                                        "until"}
    assert set(anon.bodies.columns) == {"name", "kind", "wave"}
    anon.to_csv(tmp_path)
    text = "".join(p.read_text(encoding="utf-8-sig") for p in tmp_path.glob("*.csv"))
    for secret in ("sheatufim", "moe", "משרד החינוך", "Ministry", "ועדת ההיגוי",
                   "Steering committee", "hitech_a", "2x5", "illustrative",
                   *sample.activities["goal"].unique()):
        assert secret not in text
    note = anon.issues.set_index("code").loc["anonymized", "message"]
    assert "actors.name_en" in note and "bodies.coordinator" in note
    assert "activities.goal" in note and "title dropped" in note


def test_persons_keep_their_organisation_as_a_pseudonym(sample, anon):
    key = KEY
    ids = mapping(sample, key)
    people = sample.actors[sample.actors["level"] == "person"]
    assert len(people)
    for pid, row in people.iterrows():
        assert anon.actors.loc[ids[pid], "org"] == ids[row["org"]]
        assert anon.actors.loc[ids[pid], "level"] == "person"
    flat = sample.anonymize(key=key, keep=("sector",))
    assert set(flat.actors["level"]) == {"organisation"} and "org" not in flat.actors


def relabelled(frame, ids):
    return frame.rename(index=dict(zip(ids.index, ids, strict=True))).sort_index()


def test_every_structural_measure_is_unchanged(sample, anon):
    ids = mapping(sample, KEY)
    pd.testing.assert_frame_equal(netmap.mixing_matrix(sample), netmap.mixing_matrix(anon))
    pd.testing.assert_frame_equal(netmap.mixing_matrix(sample, stat="ratio"),
                                  netmap.mixing_matrix(anon, stat="ratio"))
    for level in ("network", "group"):
        pd.testing.assert_frame_equal(netmap.ei_index(sample, level=level),
                                      netmap.ei_index(anon, level=level))
    pd.testing.assert_frame_equal(relabelled(netmap.ei_index(sample, level="actor"), ids),
                                  netmap.ei_index(anon, level="actor").sort_index())
    for stat in ("raw", "z"):
        pd.testing.assert_frame_equal(
            relabelled(netmap.brokerage(sample, stat=stat), ids),
            netmap.brokerage(anon, stat=stat).sort_index())
    pd.testing.assert_frame_equal(netmap.brokerage_summary(sample),
                                  netmap.brokerage_summary(anon))
    pd.testing.assert_frame_equal(relabelled(netmap.structural_holes(sample), ids),
                                  netmap.structural_holes(anon).sort_index())
    pd.testing.assert_frame_equal(relabelled(netmap.centrality(sample), ids),
                                  netmap.centrality(anon).sort_index(), atol=1e-12)
    brokers = netmap.brokers(sample).drop(columns=["name", "rank"])
    pd.testing.assert_frame_equal(
        relabelled(brokers, ids),
        netmap.brokers(anon).drop(columns=["name", "rank"]).sort_index(), atol=1e-12)
    assert netmap.assortativity(sample) == pytest.approx(netmap.assortativity(anon))
    pd.testing.assert_frame_equal(netmap.trust_matrix(sample), netmap.trust_matrix(anon))
    pd.testing.assert_frame_equal(sample.summary().sectors, anon.summary().sectors)
    pd.testing.assert_frame_equal(sample.summary().tie_classes, anon.summary().tie_classes)


@pytest.mark.slow
@settings(max_examples=30, deadline=None)
@given(maps())
def test_structure_is_kept_on_generated_maps(data):
    m = build(*data)
    a = m.anonymize(key=KEY)
    ids = mapping(m, KEY)
    order = a.arrays.ids.get_indexer(ids[m.arrays.ids].to_numpy())
    np.testing.assert_array_equal(
        m.arrays.adjacency("weight").toarray(),
        a.arrays.adjacency("weight").toarray()[np.ix_(order, order)])
    pd.testing.assert_frame_equal(netmap.mixing_matrix(m), netmap.mixing_matrix(a))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", netmap.DataWarning)
        pd.testing.assert_frame_equal(netmap.ei_index(m), netmap.ei_index(a))
    pd.testing.assert_frame_equal(relabelled(netmap.structural_holes(m), ids),
                                  netmap.structural_holes(a).sort_index())
    assert m.waves == a.waves
    for w in m.waves:
        assert m.at(w).n_ties == a.at(w).n_ties


def test_drop_and_coarsen(sample):
    actors = sample.actors.reset_index().drop(columns=["core"])
    actors["budget"] = np.arange(len(actors)) * 1000.0
    m = netmap.from_frames(actors, sample.ties.drop(columns=["tie_class"]),
                           directed=False, waves=sample.waves)
    a = m.anonymize(key=KEY, drop=("trust",), coarsen={
        "budget": [0, 10_000, 50_000, np.inf],
        "scope": {"local": "sub-national", "regional": "sub-national",
                  "national": "national", "global": "national"}})
    assert "trust" not in a.ties
    assert set(a.actors["budget"]) == {"[0.0, 10000.0)", "[10000.0, 50000.0)",
                                       "[50000.0, inf)"}
    assert set(a.actors["scope"].dropna()) <= {"sub-national", "national"}
    b = m.anonymize(key=KEY, keep=("sector", "level", "name_en"))
    assert (b.actors["name_en"].dropna().isin(m.actors["name_en"])).all()


def test_bad_arguments(sample):
    for key, size in (("", 0), ("k", 1), ("fifteen bytes!!", 15), (b"\x00" * 15, 15),
                      ("מפתח קצר", 15)):  # 8 characters, 15 bytes in UTF-8
        with pytest.raises(ParameterError, match="at least 16 bytes") as info:
            sample.anonymize(key=key)
        assert info.value.parameter == "key"
        assert f"<a key of {size} bytes>" in str(info.value)
        if key:
            assert repr(key) not in str(info.value)  # the key never shows
        with pytest.raises(ParameterError, match="at least 16 bytes"):
            netmap.pseudonyms(["a"], key)
    assert len(sample.anonymize(key="מפתח ארוך").actors) == sample.n_actors  # 17 bytes
    with pytest.raises(ParameterError, match="text or bytes"):
        sample.anonymize(key=12345678901234567890)
    # keep, drop and the columns of coarsen: ParameterError since 0.2 (InvalidValueError
    # before); so is the key since issue 14.
    with pytest.raises(ParameterError, match="secotr") as info:
        sample.anonymize(key=KEY, keep=("secotr",))
    assert info.value.parameter == "keep"
    assert "'sector'" in info.value.allowed
    with pytest.raises(ParameterError, match="needs"):
        sample.anonymize(key=KEY, drop=("sector",))
    with pytest.raises(ParameterError, match="both"):
        sample.anonymize(key=KEY, keep=("trust",), drop=("trust",))
    with pytest.raises(InvalidValueError, match="does not say"):
        sample.anonymize(key=KEY, coarsen={"scope": {"local": "x"}})
    with pytest.raises(netmap.UnknownActorError, match="moee"):
        sample.anonymize(key=KEY, suppress=["moee"])


# -- free text: the title, goals, labels outside the vocabularies ----------------------
def test_the_title_is_dropped_or_replaced(sample, anon, tmp_path):
    assert sample.name and anon.name is None
    assert sample.anonymize(key=KEY, title="Shared map").name == "Shared map"
    anon.to_kumu(tmp_path / "k.json")
    anon.to_gexf(tmp_path / "m.gexf")
    anon.to_excel(tmp_path / "m.xlsx")
    for path in tmp_path.iterdir():
        assert b"2x5" not in path.read_bytes()


def test_goals_are_pseudonyms_unless_kept_dropped_or_coarsened(sample, anon):
    goals = sample.activities["goal"]
    expected = netmap.pseudonyms(goals, KEY, prefix="g")
    assert sorted(anon.activities["goal"]) == sorted(expected)
    assert not set(anon.activities["goal"]) & set(goals)
    # the coverage of goals is the same up to the renaming
    cov = netmap.coverage(sample).rename(index=dict(zip(goals, expected, strict=True)))
    pd.testing.assert_frame_equal(cov.sort_index(), netmap.coverage(anon).sort_index(),
                                  check_names=False)
    kept = sample.anonymize(key=KEY, keep=("sector", "level", "goal"))
    assert sorted(kept.activities["goal"]) == sorted(goals)
    dropped = sample.anonymize(key=KEY, drop=("goal",))
    assert dropped.activities.empty
    assert "activities (goal dropped)" in dropped.issues["message"].iloc[0]
    groups = {g: ("data" if "data" in g else "teaching") for g in goals.unique()}
    coarse = sample.anonymize(key=KEY, coarsen={"goal": groups})
    assert set(coarse.activities["goal"]) == set(groups.values())


def test_labels_outside_the_vocabularies_are_pseudonyms():
    actors = pd.DataFrame({"id": ["a", "b", "c"], "sector": ["public", "business", "third"]})
    ties = pd.DataFrame({"source": ["a", "b"], "target": ["b", "c"],
                         "type": ["lobbying for the mayor", "funding"]})
    memberships = pd.DataFrame({"actor": ["a", "b"], "body": ["sc", "sc"],
                                "role": ["Dana's deputy", "chair"]})
    bodies = pd.DataFrame({"id": ["sc"], "kind": ["the mayor's round table"]})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", netmap.DataWarning)
        m = netmap.from_frames(actors, ties, memberships, bodies)
    a = m.anonymize(key=KEY)
    assert sorted(a.ties["type"]) == sorted(
        ["funding", netmap.pseudonyms(["lobbying for the mayor"], KEY, prefix="t").iloc[0]])
    assert set(a.ties["tie_class"]) == set(m.ties["tie_class"])
    assert "chair" in set(a.memberships["role"])
    assert "Dana's deputy" not in set(a.memberships["role"])
    assert a.bodies["kind"].iloc[0].startswith("k_")
    note = a.issues["message"].iloc[0]
    assert "ties.type, memberships.role, bodies.kind" in note
    b = m.anonymize(key=KEY, keep=("sector", "level", "type", "role", "kind"))
    assert "lobbying for the mayor" in set(b.ties["type"])
    assert "Dana's deputy" in set(b.memberships["role"])


def test_suppressing_the_actors_at_risk(sample):
    risk = netmap.reidentification_risk(sample, keys=("degree",))
    shared = sample.anonymize(key=KEY, suppress=risk.index)
    ids = mapping(sample, KEY)
    gone = set(risk.index)
    persons = sample.actors[sample.actors["org"].isin(gone)].index
    gone |= set(persons)
    assert len(persons)  # moe and intel have representatives: they go too
    assert set(shared.actors.index) == set(ids[sample.actors.index.difference(list(gone))])
    kept_ties = ~(sample.ties["source"].isin(gone) | sample.ties["target"].isin(gone))
    assert shared.n_ties == int(kept_ties.sum())
    assert f"{len(gone)} actor(s) suppressed" in shared.issues["message"].iloc[0]


# -- re-identification -----------------------------------------------------------------
def test_degree_alone_singles_out_six_actors_of_the_2x5_sample(sample, anon):
    """Issue 14: the backbone and the ministry among them; anonymising keeps it so."""
    risk = netmap.reidentification_risk(sample, keys=("degree",))
    assert risk["degree"].to_dict() == {"sheatufim": 60, "moe": 34, "beit_yatziv": 32,
                                        "intel": 21, "ngo_b": 18, "ngo_q": 11}
    assert (risk["group_size"] == 1).all() and (risk["singled_out_by"] == "degree").all()
    shared = netmap.reidentification_risk(anon, keys=("degree",))
    assert set(shared.index) == set(mapping(sample, KEY)[risk.index])
    default = netmap.reidentification_risk(sample)
    assert {"sheatufim", "moe"} <= set(default.index)
    assert default.loc["moe", "singled_out_by"] == "degree"
    coarse = netmap.reidentification_risk(sample, keys=("degree",),
                                          degree_bins=[0, 5, 10, 20, np.inf])
    assert coarse.index.tolist() == []  # with classes of degree nobody stands out
    loose = netmap.reidentification_risk(sample, keys=("degree",),
                                         degree_bins=[0, 5, 10, 20, 40, np.inf])
    assert loose.index.tolist() == ["sheatufim"] and loose["degree"].iloc[0] == "[40, inf)"


def _assert_matches_reference(m, keys, k, degree_bins=None):
    risk = netmap.reidentification_risk(m, keys=keys, k=k, degree_bins=degree_bins)
    expected = risk_reference(m, keys, k, degree_bins)
    assert set(risk.index) == set(expected)
    for actor, (size, label) in expected.items():
        assert risk.loc[actor, "group_size"] == size, actor
        assert risk.loc[actor, "singled_out_by"] == label, actor
    values = key_values(m, keys, degree_bins)
    for actor in risk.index:
        for key in keys:
            got, want = risk.loc[actor, key], values[actor][key]
            assert pd.isna(got) if want is MISSING else got == want, (actor, key, got)
    sizes = risk["group_size"].to_numpy()
    assert (np.diff(sizes) >= 0).all()


def test_risk_counts_match_the_slow_reference_on_the_sample(sample):
    for keys in (("sector", "level", "bodies", "degree", "neighbour_sectors"), ("degree",),
                 ("sector", "degree"), ("neighbour_sectors",), ("sector", "scope", "bodies")):
        for k in (2, 3, 5):
            _assert_matches_reference(sample, keys, k)
    _assert_matches_reference(sample, ("sector", "degree"), 2,
                              degree_bins=[0, 2, 5, 10, 30, np.inf])


KEY_SETS = [("sector", "level", "bodies", "degree", "neighbour_sectors"),
            ("degree", "sector"), ("note", "degree"), ("budget", "bodies", "sector", "level")]


@settings(max_examples=40, deadline=None)
@given(maps_with_bodies(), st.sampled_from(KEY_SETS), st.integers(2, 4))
def test_risk_counts_match_the_slow_reference_on_generated_maps(data, keys, k):
    actors, ties, memberships, directed = data
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", netmap.DataWarning)
        m = netmap.from_frames(actors, ties, memberships if len(memberships) else None,
                               directed=directed)
    _assert_matches_reference(m, keys, k)


# -- re-identification -----------------------------------------------------------------
def tiny():
    actors = pd.DataFrame({
        "id": ["p1", "p2", "p3", "o1", "o2", "o3"],
        "sector": ["third", "third", "academia", "public", "public", "business"],
        "level": ["person", "person", "person", "organisation", "organisation",
                  "organisation"],
        "org": ["o1", "o1", "o2", None, None, None],
    })
    memberships = pd.DataFrame({"actor": ["p1", "p2", "p3", "o1", "o2"],
                                "body": ["sc", "sc", "sc", "team", "team"]})
    return netmap.from_frames(actors, None, memberships)


def test_reidentification_by_hand():
    m = tiny()
    risk = netmap.reidentification_risk(m)
    # (third, person, sc) x2 and (public, organisation, team) x2 are safe;
    # p3 (academia person) and o3 (business, no body) are unique.
    assert risk.index.tolist() == ["o3", "p3"]
    assert risk["group_size"].tolist() == [1, 1]
    assert risk.loc["p3", "bodies"] == "sc" and risk.loc["o3", "bodies"] == ""
    risk3 = netmap.reidentification_risk(m, k=3)
    assert risk3.index.tolist() == ["o3", "p3", "o1", "o2", "p1", "p2"]
    assert netmap.reidentification_risk(m, keys=("level",), k=3).index.tolist() == []
    assert risk3.attrs == {"k": 3, "keys": ("sector", "level", "bodies", "degree",
                                            "neighbour_sectors"), "degree_bins": None}
    assert risk.columns.tolist() == ["sector", "level", "bodies", "degree",
                                     "neighbour_sectors", "group_size", "singled_out_by"]
    assert risk["singled_out_by"].tolist() == ["sector", "sector"]
    assert (risk["degree"] == 0).all() and (risk["neighbour_sectors"] == "").all()


def test_reidentification_survives_anonymizing():
    m = tiny()
    a = m.anonymize(key=KEY)
    ids = mapping(m, KEY)
    assert sorted(netmap.reidentification_risk(a).index) == sorted(ids[["o3", "p3"]])


def test_reidentification_bad_arguments():
    m = tiny()
    with pytest.raises(MeasureError, match="bodies"):
        netmap.reidentification_risk(m, keys=("secotr",))
    with pytest.raises(ParameterError, match="increasing bin edges"):
        netmap.reidentification_risk(m, degree_bins=[0])
    with pytest.raises(MeasureError, match="at least 2"):
        netmap.reidentification_risk(m, k=1)
