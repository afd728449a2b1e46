"""Invariants over generated maps (hypothesis)."""

import string
import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import netmap
from netmap.testing import assert_map_equal

SECTOR_LABELS = ["public", "business", "third", "עמותה", "ממשלה", "academia",
                 "קרן", "جمعية", "social business", "community"]
TYPES = ["partnership", "joint_activity", "information", "funding", "donation",
         "contract", None]
NAME_CHARS = (string.ascii_letters + "אבגדהוזחטיכלמנסעפצקרשת"
              + "ابتثجحخدذرزسشصضطظعغفقكلمنهوي" + " '-")

ids = st.text(alphabet=string.ascii_lowercase + string.digits + "_",
              min_size=1, max_size=8).filter(lambda s: not s.startswith("0") or s == "0")


@st.composite
def maps(draw, directed=None):
    actor_ids = draw(st.lists(ids, min_size=1, max_size=12, unique=True))
    n = len(actor_ids)
    actors = pd.DataFrame({
        "id": actor_ids,
        "name": draw(st.lists(st.text(NAME_CHARS, min_size=1, max_size=12)
                              .map(str.strip).filter(bool), min_size=n, max_size=n)),
        "sector": draw(st.lists(st.sampled_from(SECTOR_LABELS), min_size=n, max_size=n)),
        "wave": draw(st.lists(st.sampled_from([None, 1, 2, 3]), min_size=n, max_size=n)),
        "budget": draw(st.lists(st.sampled_from([None, 0, 7, 2.5, -1.25]), min_size=n,
                                max_size=n)),
        "note": draw(st.lists(st.sampled_from([None, "007", "כן", "نعم", "x y", "12"]),
                              min_size=n, max_size=n)),
    })
    waves = dict(zip(actor_ids, actors["wave"], strict=True))
    pairs = draw(st.lists(st.tuples(st.sampled_from(actor_ids),
                                    st.sampled_from(actor_ids)), max_size=30))
    rows = []
    for s, t in pairs:
        start = max([w for w in (waves[s], waves[t]) if w is not None], default=None)
        rows.append({
            "source": s, "target": t,
            "type": draw(st.sampled_from(TYPES)),
            "weight": draw(st.sampled_from([1.0, 0.5, 2.0, 3.25])),
            "wave": start if draw(st.booleans()) else None,
        })
    ties = pd.DataFrame(rows, columns=["source", "target", "type", "weight", "wave"])
    d = draw(st.booleans()) if directed is None else directed
    return actors, ties, d


@st.composite
def maps_with_bodies(draw):
    actors, ties, directed = draw(maps())
    members = draw(st.lists(st.tuples(st.sampled_from(list(actors["id"])),
                                      st.sampled_from(["sc", "team", "ועדה"]),
                                      st.sampled_from(["chair", "member", "יו\"ר",
                                                       "treasurer", None])),
                            max_size=10))
    memberships = pd.DataFrame(members, columns=["actor", "body", "role"])
    return actors, ties, memberships, directed


def quietly(read, *args, **kwargs):
    """Read without the DataWarnings that self-ties and duplicates raise."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", netmap.DataWarning)
        return read(*args, **kwargs)


def build(actors, ties, directed):
    return quietly(netmap.from_frames, actors, ties, directed=directed)


@pytest.mark.slow
@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(maps_with_bodies())
def test_csv_and_excel_round_trips_give_the_same_map(tmp_path_factory, data):
    actors, ties, memberships, directed = data
    m = quietly(netmap.from_frames, actors, ties, memberships if len(memberships)
                else None, directed=directed)
    folder = tmp_path_factory.mktemp("csv")
    m.to_csv(folder)
    assert_map_equal(m, quietly(netmap.read_csv, folder))
    path = folder / "map.xlsx"
    m.to_excel(path)
    assert_map_equal(m, quietly(netmap.read_excel, path))


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(maps())
def test_adjacency_sums_to_tie_count(data):
    m = build(*data)
    a = m.arrays.adjacency()
    loops = int((m.ties["source"] == m.ties["target"]).sum())
    expected = m.n_ties if m.directed else 2 * m.n_ties - loops
    assert a.sum() == expected
    if not m.directed:
        assert (a != a.T).nnz == 0
    assert np.isclose(m.arrays.adjacency("weight").sum(),
                      m.ties["weight"].sum() * (1 if m.directed else 2)
                      - (0 if m.directed else
                         m.ties.loc[m.ties["source"] == m.ties["target"], "weight"].sum()))


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(maps(), st.randoms(use_true_random=False))
def test_relabelling_actors_changes_nothing(data, rnd):
    actors, ties, directed = data
    m = build(actors, ties, directed)
    ids_ = list(actors["id"])
    new = [f"x{i}" for i in range(len(ids_))]
    rnd.shuffle(new)
    mapping = dict(zip(ids_, new, strict=True))
    perm = list(range(len(actors)))
    rnd.shuffle(perm)
    actors2 = actors.assign(id=actors["id"].map(mapping)).iloc[perm]
    ties2 = ties.assign(source=ties["source"].map(mapping),
                        target=ties["target"].map(mapping))
    m2 = build(actors2, ties2, directed)
    a1 = m.arrays.adjacency().toarray()
    order = m2.arrays.ids.get_indexer([mapping[i] for i in m.arrays.ids])
    a2 = m2.arrays.adjacency().toarray()[np.ix_(order, order)]
    np.testing.assert_array_equal(a1, a2)
    s1 = m.summary()
    s2 = m2.summary()
    pd.testing.assert_frame_equal(s1.sectors, s2.sectors)
    pd.testing.assert_frame_equal(s1.tie_classes, s2.tie_classes)
    for w in m.waves:
        assert m.at(w).n_actors == m2.at(w).n_actors
        assert m.at(w).n_ties == m2.at(w).n_ties


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(maps())
def test_waves_partition_consistently(data):
    m = build(*data)
    for w in m.waves:
        snap = m.at(w)
        assert set(snap.ties["source"]) | set(snap.ties["target"]) <= set(snap.actors.index)
        assert snap.n_ties <= m.n_ties
    if m.waves:
        assert m.at(m.waves[-1]).n_actors == m.n_actors
