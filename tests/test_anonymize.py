"""Anonymizing: stable pseudonyms, every structural measure kept, re-identification risk."""

import hashlib
import hmac
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings

import netmap
from netmap import InvalidValueError, MeasureError, ParameterError
from test_properties import build, maps


@pytest.fixture(scope="module")
def sample():
    return netmap.datasets.load_2x5()


@pytest.fixture(scope="module")
def anon(sample):
    return sample.anonymize(key="correct horse battery staple")


def mapping(m, key):
    return netmap.pseudonyms(m.actors.index, key)


def test_pseudonym_is_the_published_hmac():
    expected = "a_" + hmac.new(b"k", b"a:moe", hashlib.sha256).hexdigest()[:16]
    assert netmap.pseudonyms(["moe"], "k")["moe"] == expected
    assert netmap.pseudonyms(["moe"], b"k")["moe"] == expected
    assert netmap.pseudonyms(["moe"], "k", prefix="b")["moe"] != expected


def test_same_key_same_pseudonyms_across_waves(sample):
    key = "wave key"
    whole = sample.anonymize(key=key)
    early = sample.at(2013).anonymize(key=key)
    assert set(early.actors.index) <= set(whole.actors.index)
    assert whole.equals(sample.anonymize(key=key))
    # a wave of the anonymized map is the anonymized wave
    assert early.equals(whole.at(2013))


def test_different_keys_give_unrelated_pseudonyms(sample):
    a = sample.anonymize(key="one").actors.index
    b = sample.anonymize(key="two").actors.index
    assert not set(a) & set(b)


def test_names_ids_and_dropped_columns_do_not_show(sample, anon, tmp_path):
    assert list(anon.actors.index) == sorted(anon.actors.index)
    assert (anon.actors["name"] == anon.actors.index).all()
    assert set(anon.actors.columns) == {"name", "sector", "core", "level", "org", "wave",
                                        "until"}
    assert set(anon.bodies.columns) == {"name", "kind", "wave"}
    anon.to_csv(tmp_path)
    text = "".join(p.read_text(encoding="utf-8-sig") for p in tmp_path.glob("*.csv"))
    for secret in ("sheatufim", "moe", "משרד החינוך", "Ministry", "ועדת ההיגוי",
                   "Steering committee", "hitech_a"):
        assert secret not in text
    note = anon.issues.set_index("code").loc["anonymized", "message"]
    assert "actors.name_en" in note and "bodies.coordinator" in note


def test_persons_keep_their_organisation_as_a_pseudonym(sample, anon):
    key = "correct horse battery staple"
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
    ids = mapping(sample, "correct horse battery staple")
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
    a = m.anonymize(key="k")
    ids = mapping(m, "k")
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
    a = m.anonymize(key="k", drop=("trust",), coarsen={
        "budget": [0, 10_000, 50_000, np.inf],
        "scope": {"local": "sub-national", "regional": "sub-national",
                  "national": "national", "global": "national"}})
    assert "trust" not in a.ties
    assert set(a.actors["budget"]) == {"[0.0, 10000.0)", "[10000.0, 50000.0)",
                                       "[50000.0, inf)"}
    assert set(a.actors["scope"].dropna()) <= {"sub-national", "national"}
    b = m.anonymize(key="k", keep=("sector", "level", "name_en"))
    assert (b.actors["name_en"].dropna().isin(m.actors["name_en"])).all()


def test_bad_arguments(sample):
    with pytest.raises(InvalidValueError, match="empty"):
        sample.anonymize(key="")
    with pytest.raises(InvalidValueError, match="text or bytes"):
        sample.anonymize(key=None)
    # keep, drop and the columns of coarsen: ParameterError since 0.2 (InvalidValueError
    # before); the key stays an InvalidValueError, whose message never shows the key.
    with pytest.raises(ParameterError, match="secotr") as info:
        sample.anonymize(key="k", keep=("secotr",))
    assert info.value.parameter == "keep"
    assert "'sector'" in info.value.allowed
    with pytest.raises(ParameterError, match="needs"):
        sample.anonymize(key="k", drop=("sector",))
    with pytest.raises(ParameterError, match="both"):
        sample.anonymize(key="k", keep=("trust",), drop=("trust",))
    with pytest.raises(InvalidValueError, match="does not say"):
        sample.anonymize(key="k", coarsen={"scope": {"local": "x"}})


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
    assert risk3.attrs == {"k": 3, "keys": ("sector", "level", "bodies")}


def test_reidentification_survives_anonymizing():
    m = tiny()
    a = m.anonymize(key="k")
    ids = mapping(m, "k")
    assert sorted(netmap.reidentification_risk(a).index) == sorted(ids[["o3", "p3"]])


def test_reidentification_bad_arguments():
    m = tiny()
    with pytest.raises(MeasureError, match="bodies"):
        netmap.reidentification_risk(m, keys=("secotr",))
    with pytest.raises(MeasureError, match="at least 2"):
        netmap.reidentification_risk(m, k=1)
