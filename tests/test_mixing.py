import math
import warnings

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netmap
from netmap import DataWarning, MeasureError
from netmap.measures.ei import ei_index
from netmap.measures.mixing import assortativity, cross_sector_ties, mixing_matrix, trust_matrix
from reference_mixing import ei_actors, ei_bounds, ei_groups, ei_network, mixing


def tiny(directed=False):
    """p1, p2 public; b1 business; t1, t2 third; u academia (no core)."""
    actors = pd.DataFrame({
        "id": ["p1", "p2", "b1", "t1", "t2", "u"],
        "sector": ["public", "public", "business", "third", "third", "academia"],
    })
    ties = pd.DataFrame({
        "source": ["p1", "p1", "b1", "t1", "t1", "t2", "u"],
        "target": ["p2", "t1", "t1", "t2", "p2", "b1", "p1"],
        "type": ["partnership", "funding", "donation", "joint_activity", "contract",
                 "information", "advice"],
        "weight": [1.0, 2.0, 3.0, 1.0, 1.0, 2.0, 1.0],
        "trust": [5, 2, None, 4, 3, 4, 5],
    })
    return netmap.from_frames(actors, ties, directed=directed)


def test_mixing_by_hand_undirected():
    mix = mixing_matrix(tiny())
    assert list(mix.index) == ["public", "business", "third", "academia"]
    expected = pd.DataFrame(
        [[1, 0, 2, 1], [0, 0, 2, 0], [2, 2, 1, 0], [1, 0, 0, 0]],
        index=mix.index, columns=mix.columns, dtype=float)
    pd.testing.assert_frame_equal(mix, expected)
    assert np.triu(mix.to_numpy()).sum() == 7


def test_mixing_by_hand_directed_and_weighted():
    mix = mixing_matrix(tiny(directed=True), weight="weight")
    assert mix.loc["third", "public"] == 1.0  # t1 -> p2 contract
    assert mix.loc["public", "third"] == 2.0  # p1 -> t1 funding
    assert mix.loc["business", "third"] == 3.0
    assert mix.loc["third", "business"] == 2.0
    assert mix.to_numpy().sum() == 11.0


def test_expected_and_ratio_by_hand():
    m = tiny()
    # 6 actors, 15 pairs; public 1 pair within, public-third 4 pairs.
    exp = mixing_matrix(m, stat="expected")
    assert exp.loc["public", "public"] == pytest.approx(7 * 1 / 15)
    assert exp.loc["public", "third"] == pytest.approx(7 * 4 / 15)
    assert exp.loc["business", "business"] == 0
    assert np.triu(exp.to_numpy()).sum() == pytest.approx(7)
    ratio = mixing_matrix(m, stat="ratio")
    assert ratio.loc["public", "third"] == pytest.approx(2 / (28 / 15))
    assert math.isnan(ratio.loc["business", "business"])
    shares = mixing_matrix(m, normalized=True)
    assert np.triu(shares.to_numpy()).sum() == pytest.approx(1)


def test_mixing_directed_expected_uses_ordered_pairs():
    exp = mixing_matrix(tiny(directed=True), stat="expected")
    assert exp.loc["public", "third"] == pytest.approx(7 * 4 / 30)
    assert exp.to_numpy().sum() == pytest.approx(7)


def test_bad_arguments():
    with pytest.raises(MeasureError, match="stat='z' is not allowed"):
        mixing_matrix(tiny(), stat="z")
    with pytest.raises(MeasureError, match="cannot be normalized"):
        mixing_matrix(tiny(), stat="ratio", normalized=True)
    with pytest.raises(MeasureError, match="weight='type' is not allowed"):
        mixing_matrix(tiny(), weight="type")
    with pytest.raises(MeasureError, match="has empty cells"):
        mixing_matrix(tiny(), weight="trust")
    with pytest.raises(MeasureError, match="level='team' is not allowed"):
        ei_index(tiny(), level="team")
    with pytest.raises(MeasureError, match="whole number"):
        ei_index(tiny(), permutations=-1)
    with pytest.raises(MeasureError, match="actor level"):
        ei_index(tiny(), level="actor", permutations=10)


def test_core_grouping_leaves_out_ties_and_says_so():
    with pytest.warns(DataWarning, match="1 of 7 ties"):
        mix = mixing_matrix(tiny(), by="core")
    assert mix.attrs["ties_left_out"] == 1
    assert list(mix.index) == ["public", "business", "third"]
    assert np.triu(mix.to_numpy()).sum() == 6


def test_ei_network_by_hand():
    net = ei_index(tiny())
    # within: p1-p2, t1-t2 (2); between: 5.
    assert net.loc["network", ["external", "internal"]].tolist() == [5.0, 2.0]
    assert net.loc["network", "ei"] == pytest.approx(3 / 7)
    low, high = ei_bounds(tiny())
    assert net.loc["network", "min"] == pytest.approx(low)
    assert net.loc["network", "max"] == pytest.approx(high)
    # 2 within-group pairs only: at most 2 internal ties -> min = (7-4)/7.
    assert low == pytest.approx(3 / 7)
    assert math.isnan(net.loc["network", "rescaled"]) or net.loc[
        "network", "rescaled"] == pytest.approx(-1)


def test_ei_group_and_actor_by_hand():
    grp = ei_index(tiny(), level="group")
    assert grp.loc["third", ["external", "internal"]].tolist() == [4.0, 1.0]
    assert grp.loc["academia", "ei"] == 1.0
    act = ei_index(tiny(), level="actor")
    assert act.loc["p1", ["external", "internal"]].tolist() == [2.0, 1.0]
    assert act.loc["t1", "ei"] == pytest.approx((3 - 1) / 4)
    assert act.loc["p1", "group"] == "public"


def test_ei_actor_isolate_self_tie_and_no_group():
    actors = pd.DataFrame({"id": ["a", "b", "c", "d"],
                           "sector": ["public", "public", "third", "academia"]})
    ties = pd.DataFrame({"source": ["a", "a", "a"], "target": ["a", "b", "d"]})
    with pytest.warns(DataWarning):
        m = netmap.from_frames(actors, ties)
    with pytest.warns(DataWarning, match="no 'core' group"):
        act = ei_index(m, level="actor", by="core")
    assert act.loc["a", ["external", "internal"]].tolist() == [0.0, 2.0]
    assert math.isnan(act.loc["c", "ei"])  # isolate
    assert act.loc["d", "group"] is None and math.isnan(act.loc["d", "ei"])


maps = st.builds(
    lambda n, edges, directed, sectors: (n, edges, directed, sectors),
    st.integers(2, 9),
    st.lists(st.tuples(st.integers(0, 8), st.integers(0, 8),
                       st.sampled_from([0.5, 1.0, 2.0])), min_size=1, max_size=25),
    st.booleans(),
    st.lists(st.sampled_from(["public", "business", "third", "academia"]), min_size=9,
             max_size=9),
)


def build(spec):
    n, edges, directed, sectors = spec
    actors = pd.DataFrame({"id": [f"x{i}" for i in range(n)], "sector": sectors[:n]})
    ties = pd.DataFrame([(f"x{s % n}", f"x{t % n}", w) for s, t, w in edges],
                        columns=["source", "target", "weight"])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        return netmap.from_frames(actors, ties, directed=directed)


@pytest.mark.slow
@settings(max_examples=80, deadline=None)
@given(maps, st.sampled_from([None, "weight"]))
def test_fast_equals_reference(spec, weight):
    m = build(spec)
    mix = mixing_matrix(m, weight=weight)
    ref = mixing(m, weight)
    for a in mix.index:
        for b in mix.columns:
            assert mix.loc[a, b] == pytest.approx(ref.get((a, b), 0.0))
    total = m.ties["weight"].sum() if weight else m.n_ties
    upper = mix.to_numpy().sum() if m.directed else np.triu(mix.to_numpy()).sum()
    assert upper == pytest.approx(total)
    net = ei_index(m, weight=weight)
    expected = ei_network(m, weight)
    assert net.loc["network", "ei"] == pytest.approx(expected, nan_ok=True)
    if weight is None and m.n_ties:
        assert net.loc["network", "min"] - 1e-12 <= expected <= net.loc["network", "max"] + 1e-12
    grp = ei_index(m, level="group", weight=weight)
    for g, (e, i) in ei_groups(m, weight).items():
        assert grp.loc[g, ["external", "internal"]].tolist() == pytest.approx([e, i])
    act = ei_index(m, level="actor", weight=weight)
    counts, _ = ei_actors(m, weight)
    for actor, (e, i) in counts.items():
        assert act.loc[actor, ["external", "internal"]].tolist() == pytest.approx([e, i])


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(maps)
def test_assortativity_equals_networkx(spec):
    m = build(spec)
    ours = assortativity(m)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        theirs = nx.attribute_assortativity_coefficient(m.to_networkx(), "sector")
    assert ours == pytest.approx(theirs, nan_ok=True, abs=1e-12)


@pytest.mark.slow
@settings(max_examples=40, deadline=None)
@given(maps, st.randoms(use_true_random=False))
def test_relabelling_changes_nothing(spec, rnd):
    m = build(spec)
    actors = m.actors.reset_index()[["id", "sector"]]
    mapping = {a: f"y{k}" for k, a in enumerate(rnd.sample(list(actors["id"]),
                                                           len(actors)))}
    ties = m.ties[["source", "target", "weight"]].replace(mapping)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DataWarning)
        m2 = netmap.from_frames(actors.replace(mapping).sample(frac=1, random_state=1),
                                ties, directed=m.directed)
    pd.testing.assert_frame_equal(mixing_matrix(m), mixing_matrix(m2))
    pd.testing.assert_frame_equal(ei_index(m, level="group"), ei_index(m2, level="group"))
    a1 = ei_index(m, level="actor").rename(index=mapping).sort_index()
    a2 = ei_index(m2, level="actor").sort_index()
    pd.testing.assert_frame_equal(a1, a2)


def test_cross_sector_ties_add_up():
    m = netmap.datasets.load_2x5()
    table = cross_sector_ties(m)
    classes = ["partnership", "exchange", "transactional", "unclassified"]
    assert (table[classes].sum(axis=1) == table["total"]).all()
    assert table["total"].sum() == m.n_ties
    mix = mixing_matrix(m)
    for (a, b), total in table["total"].items():
        assert mix.loc[a, b] == total
    shares = table.loc[table["total"] > 0, [f"share_{c}" for c in classes]].sum(axis=1)
    np.testing.assert_allclose(shares, 1.0)
    assert table.loc[("public", "public"), "cross"] == False  # noqa: E712
    by_class = m.ties.groupby("tie_class", observed=False).size()
    for c in classes:
        assert table[c].sum() == by_class[c]


def test_cross_sector_ties_directed_by_hand():
    table = cross_sector_ties(tiny(directed=True))
    assert table.loc[("public", "third"), "transactional"] == 1
    assert table.loc[("third", "public"), "transactional"] == 1
    assert table.loc[("business", "third"), "transactional"] == 1
    assert table.index.names == ["source_sector", "target_sector"]


def test_trust_matrix_by_hand():
    t = trust_matrix(tiny())
    assert t.loc[("public", "third"), "count"] == 2
    assert t.loc[("public", "third"), "mean"] == pytest.approx(2.5)
    assert t.loc[("public", "third"), "median"] == pytest.approx(2.5)
    assert t.loc[("business", "third"), "count"] == 1  # one rated, one not
    assert t.loc[("business", "third"), "mean"] == 4
    assert t.loc[("business", "business"), "count"] == 0
    assert math.isnan(t.loc[("business", "business"), "mean"])
    actors = pd.DataFrame({"id": ["a", "b"], "sector": ["public", "third"]})
    m = netmap.from_frames(actors, pd.DataFrame({"source": ["a"], "target": ["b"]}))
    with pytest.raises(MeasureError, match="no 'trust' column"):
        trust_matrix(m)


def test_permutation_test_is_seeded_and_centred():
    m = netmap.datasets.load_2x5()
    a = ei_index(m, permutations=300, seed=7)
    b = ei_index(m, permutations=300, seed=7)
    pd.testing.assert_frame_equal(a, b)
    assert a.attrs["permutations"] == 300
    # Under shuffled labels a tie between two distinct actors is internal with
    # probability sum n_g (n_g - 1) / (N (N - 1)); self-ties stay internal.
    sizes = m.actors["sector"].value_counts().to_numpy()
    n = sizes.sum()
    p_internal = (sizes * (sizes - 1)).sum() / (n * (n - 1))
    expected = 1 - 2 * p_internal
    row = a.loc["network"]
    assert abs(row["perm_mean"] - expected) < 4 * row["perm_sd"] / np.sqrt(300)
    assert 0 <= row["p_greater"] <= 1 and 0 <= row["p_less"] <= 1
    grp = ei_index(m, level="group", permutations=50, seed=3)
    assert ((grp[["p_greater", "p_less"]] >= 0) & (grp[["p_greater", "p_less"]] <= 1)).all().all()


def test_permutation_p_values_by_enumeration():
    # Two groups of two; one tie: internal in 1/3 of the labelings.
    actors = pd.DataFrame({"id": list("abcd"), "sector": ["public", "public", "third",
                                                         "third"]})
    m = netmap.from_frames(actors, pd.DataFrame({"source": ["a"], "target": ["b"]}))
    row = ei_index(m, permutations=3000, seed=0).loc["network"]
    assert row["ei"] == -1
    assert row["p_less"] == pytest.approx(1 / 3, abs=0.03)
    assert row["p_greater"] == 1.0


def test_permutation_p_value_is_never_zero():
    # Every tie across two groups of ten (complete bipartite): E-I = +1, which a
    # relabelling reaches with probability 2 / C(20, 10) ~ 1e-5. With seed 1 no permutation
    # of 99 does, so p_greater is (0 + 1) / (99 + 1), the observed labelling counted.
    ids = [f"a{i}" for i in range(20)]
    actors = pd.DataFrame({"id": ids, "sector": ["public"] * 10 + ["third"] * 10})
    ties = pd.DataFrame([(a, b) for a in ids[:10] for b in ids[10:]],
                        columns=["source", "target"])
    m = netmap.from_frames(actors, ties)
    row = ei_index(m, permutations=99, seed=1).loc["network"]
    from netmap.measures.ei import _permuted_ei, _tie_groups

    drawn = _permuted_ei(m, _tie_groups(m, "sector", None), "network", 99,
                         np.random.default_rng(1))
    assert not (drawn >= 1).any()
    assert row["ei"] == 1
    assert row["p_greater"] == pytest.approx(1 / 100)
    assert row["p_less"] == 1.0
    # three ties inside one group of three: only 2 of the C(6, 3) = 20 labellings keep
    # E-I = -1, so p_less = (b + 1) / (n + 1) with b ~ n / 10
    actors = pd.DataFrame({"id": list("abcdef"), "sector": ["public"] * 3 + ["third"] * 3})
    ties = pd.DataFrame({"source": list("aab"), "target": list("bcc")})
    row = ei_index(netmap.from_frames(actors, ties), permutations=4000, seed=0)
    assert row.loc["network", "p_less"] == pytest.approx((0.1 * 4000 + 1) / 4001, abs=0.015)


@pytest.mark.parametrize("ahead", [False, True])
@pytest.mark.parametrize("n_codes", [1, 2, 5, 17])
@pytest.mark.parametrize("weights", [None, "whole", "fractions"])
def test_shuffled_pair_counts_equal_the_plain_loop(monkeypatch, n_codes, weights, ahead):
    # Several relabellings share one pass over the ties (digits of one number per
    # actor), and on large maps the next ones are shuffled in a second thread
    # (ahead); the counts, their order and the generator's state after must be
    # those of the plain loop: shuffle, then one bincount of a * G + b.
    from netmap.measures import _permutation
    from netmap.measures._permutation import shuffled_pair_counts

    monkeypatch.setattr(_permutation, "SHUFFLE_AHEAD_FROM", 0 if ahead else 10 ** 9)
    monkeypatch.setattr(_permutation.os, "cpu_count", lambda: 2)
    drawn_in = set()
    real = _permutation._drawn

    def spy(draw, sizes, *, ahead):
        drawn_in.add(ahead)
        return real(draw, sizes, ahead=ahead)

    monkeypatch.setattr(_permutation, "_drawn", spy)

    draw = np.random.default_rng(n_codes)
    n, ties = 60, 400
    labels = draw.integers(0, n_codes, n)
    source, target = draw.integers(0, n, ties), draw.integers(0, n, ties)
    weight = {None: None, "whole": draw.integers(0, 5, ties).astype(float),
              "fractions": draw.random(ties) * 3}[weights]
    for permutations in (1, 7, 10):
        ours, loop = np.random.default_rng(3), np.random.default_rng(3)
        got = list(shuffled_pair_counts(labels, source, target, n_codes, permutations, ours,
                                        weight=weight))
        order = np.argsort(source, kind="stable")
        expected = []
        for _ in range(permutations):
            shuffled = loop.permutation(labels)
            expected.append(np.bincount(
                shuffled[source[order]] * n_codes + shuffled[target[order]],
                weights=None if weight is None else weight[order],
                minlength=n_codes * n_codes))
        assert len(got) == permutations
        for a, b in zip(got, expected, strict=True):
            assert a.dtype == b.dtype
            np.testing.assert_array_equal(a, b)
        assert ours.bit_generator.state == loop.bit_generator.state
    assert drawn_in == {ahead}
