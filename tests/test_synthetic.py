"""netmap.datasets.synthetic: exact sizes, the asked homophily, the joint move, waves."""

import math

import networkx as nx
import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import netmap
from netmap.datasets import _pairs as _pair_sampling
from netmap.datasets import synthetic
from netmap.datasets.generator import DEFAULT_SECTORS
from netmap.testing import assert_map_equal

CONFIGS = [
    {},
    {"directed": True},
    {"bodies": False, "persons": 0.0},
    {"waves": 3},
    {"waves": [2013, 2014, 2016], "directed": True, "lang": "he"},
    {"waves": ["2014-01", "2015-06"], "persons": 0.3},
    {"homophily": 0.25, "sectors": {"עמותה": 2, "ממשלה": 1, "business": 1, "קרן": 0.5}},
]


def frames(m):
    """The map's tables as a user would pass them to StakeholderMap."""
    return {
        "actors": m.actors.reset_index(),
        "ties": m.ties,
        "memberships": m.memberships if len(m.memberships) else None,
        "bodies": m.bodies.reset_index() if len(m.bodies) else None,
        "activities": m.activities if len(m.activities) else None,
    }


def tie_keys(m):
    s, t = m.arrays.source.astype(np.int64), m.arrays.target.astype(np.int64)
    if not m.directed:
        s, t = np.minimum(s, t), np.maximum(s, t)
    return s * m.n_actors + t


def within(m):
    sector = m.actors["sector"].to_numpy()
    return int((sector[m.arrays.source] == sector[m.arrays.target]).sum())


@pytest.mark.parametrize("config", CONFIGS)
def test_counts_are_exact_and_ties_distinct(config):
    m = synthetic(400, 1500, seed=7, **config)
    assert m.n_actors == 400 and m.n_ties == 1500
    assert m.actors.index.is_unique
    assert (m.arrays.source != m.arrays.target).all()
    assert len(np.unique(tie_keys(m))) == m.n_ties
    assert m.issues.empty


@pytest.mark.parametrize("config", CONFIGS)
def test_the_reader_builds_the_same_map_without_a_warning(config):
    # synthetic builds the typed tables itself (fast); reading those tables
    # through the public constructor, with every check, must give the same map.
    m = synthetic(300, 1000, seed=3, **config)
    read = netmap.StakeholderMap(**frames(m), directed=m.directed,
                                 waves=list(m.waves) or None)
    assert read.issues.empty
    assert_map_equal(m, read)


def test_same_seed_same_map_other_seed_other_map():
    a = synthetic(300, 1000, seed=11, waves=3)
    assert_map_equal(a, synthetic(300, 1000, seed=11, waves=3))
    assert not a.equals(synthetic(300, 1000, seed=12, waves=3))
    assert_map_equal(synthetic(200, 600, seed=np.random.default_rng(5)),
                     synthetic(200, 600, seed=np.random.default_rng(5)))


@pytest.mark.parametrize(("homophily", "directed"), [(0.0, False), (0.3, True), (0.6, False),
                                                      (0.85, True), (1.0, False)])
def test_homophily_is_the_share_of_ties_inside_sectors(homophily, directed):
    # By construction exactly round(h * T) ties are inside a sector, so the
    # E-I index is 1 - 2h up to that rounding: |E-I - (1 - 2h)| <= 1 / T.
    n_ties = 3001
    m = synthetic(1000, n_ties, homophily=homophily, directed=directed, seed=2,
                  bodies=0 < homophily < 1)
    assert within(m) == math.floor(homophily * n_ties + 0.5)
    ei = float(netmap.ei_index(m).loc["network", "ei"])
    assert abs(ei - (1 - 2 * homophily)) <= 1 / n_ties
    mix = netmap.mixing_matrix(m)
    assert int(np.trace(mix.to_numpy())) == within(m)


def test_homophily_is_a_preference_beyond_random_mixing():
    # With the default shares, random mixing puts about 30% of ties inside a
    # sector; 60% is far beyond what the permutation test expects.
    m = synthetic(2000, 8000, seed=4)
    test = netmap.ei_index(m, permutations=200, seed=1)
    assert test.loc["network", "p_less"] < 0.01
    assert test.loc["network", "perm_mean"] > 0.2


def test_sector_sizes_follow_the_shares_exactly():
    m = synthetic(1000, 3000, seed=1)
    counts = m.actors["sector"].value_counts()
    assert {k: int(counts[k]) for k in DEFAULT_SECTORS} == {
        k: round(1000 * v) for k, v in DEFAULT_SECTORS.items()}
    # labels in any language; shares are divided by their sum (largest remainder)
    m = synthetic(10, 12, sectors={"עמותה": 45, "חברה": 28, "public": 27}, bodies=False,
                  seed=1)
    assert m.actors["sector"].value_counts()[["third", "business", "public"]].tolist() == [
        4, 3, 3]


def test_persons_sit_inside_organisations_of_their_sector():
    m = synthetic(1000, 4000, persons=0.2, seed=5)
    actors = m.actors
    persons = actors[actors["level"] == "person"]
    assert len(persons) == 200
    orgs = actors.loc[persons["org"]]
    assert (orgs["level"] == "organisation").all()
    assert (orgs["sector"].to_numpy() == persons["sector"].to_numpy()).all()
    assert actors.loc[actors["level"] == "organisation", "org"].isna().all()
    # each person follows its organisation in the actors table
    position = pd.Series(np.arange(len(actors)), index=actors.index)
    gap = position[persons.index].to_numpy() - position[persons["org"]].to_numpy()
    assert (gap >= 1).all()
    rolled = m.roll_up(to="organisation")
    assert rolled.n_actors == 800
    assert synthetic(100, 300, persons=0.0, seed=1).actors["level"].eq(
        "organisation").all()


def test_degrees_are_heavy_tailed():
    # Lognormal activity (sigma 1): the top 1% of actors hold about 9% of the
    # weight, hence of the tie ends; in a G(n, m) graph of the same size they
    # hold about 2%.
    n, n_ties = 5000, 25000
    m = synthetic(n, n_ties, bodies=False, seed=3)
    degree = np.bincount(np.concatenate([m.arrays.source, m.arrays.target]), minlength=n)
    top = np.sort(degree)[-n // 100:].sum() / degree.sum()
    er = nx.gnm_random_graph(n, n_ties, seed=3)
    er_degree = np.sort([d for _, d in er.degree()])
    er_top = er_degree[-n // 100:].sum() / er_degree.sum()
    assert top > 0.06 > 0.03 > er_top
    assert degree.max() > 8 * degree.mean()


def test_tie_types_fit_the_sector_pairs():
    m = synthetic(3000, 15000, seed=6)
    ties = m.ties
    sector = m.actors["sector"]
    pair = sector[ties["source"]].to_numpy(), sector[ties["target"]].to_numpy()
    frame = pd.DataFrame({"s": pair[0], "t": pair[1], "type": ties["type"]})
    # the payer is the source: the public sector funds and contracts, business donates
    donation = frame[frame["type"] == "donation"]
    assert set(donation["s"]) <= {"business"}
    funding = frame[frame["type"] == "funding"]
    assert set(funding["s"]) <= {"public", "philanthropy", "business"}
    contract = frame[frame["type"] == "contract"]
    assert set(contract["s"]) == {"public"}
    # transactional ties run between sectors; every class is present
    same = frame["s"] == frame["t"]
    assert not frame.loc[same, "type"].isin(["funding", "contract", "donation"]).any()
    assert {"partnership", "exchange", "transactional"} <= set(ties["tie_class"])
    public_third = frame[(frame["s"] == "public") & (frame["t"] == "third")]
    assert public_third["type"].isin(["funding", "contract"]).mean() > 0.3
    assert ties["weight"].between(1, 3).all() and ties["trust"].between(1, 5).all()


def test_directed_transactional_ties_run_from_the_payer():
    m = synthetic(2000, 10000, directed=True, seed=8)
    sector = m.actors["sector"]
    paid = m.ties[m.ties["type"].isin(["funding", "contract", "donation"])]
    assert len(paid) > 100
    assert not sector[paid["source"]].isin(["third"]).any()


def test_the_joint_move_is_found_by_the_structure_functions():
    m = synthetic(500, 2000, seed=1)
    assert m.actors["backbone"].sum() == 1 and m.actors.loc["backbone", "backbone"]
    comp = netmap.body_composition(m)
    assert comp.loc["steering_committee", "type"] == "three-sector"
    for j in (1, 2, 3):
        assert comp.loc[f"working_team_{j}", "type"] == "three-sector"
    assert comp.loc["business_coalition", "core_present"] == ("business",)
    assert comp.loc["third_sector_team", "core_present"] == ("third",)
    assert comp.loc["steering_committee", "chair_sectors"] == ("public",)
    assert set(m.bodies["kind"]) == {"partner_network", "steering_committee",
                                     "working_team", "coalition", "sector_team"}
    # the backbone is the main cross-sector broker
    assert netmap.backbone_brokerage(m)["rank"].tolist() == [1]
    assert netmap.brokers(m).index[0] == "backbone"
    # the goals map: the third-sector team crowds the most common goals
    cov = netmap.coverage(m)
    assert set(cov.index) <= set(netmap.datasets.generator.GOALS)
    assert cov.loc["goal_1", "crowded"]


@pytest.mark.parametrize(("n", "n_ties", "homophily"), [
    (120, 400, 0.6), (300, 1000, 0.3), (500, 2000, 0.9), (3000, 15000, 0.6)])
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_single_sector_clusters_find_the_coalition_and_the_team(n, n_ties, homophily, seed):
    m = synthetic(n, n_ties, homophily=homophily, seed=seed)
    clusters = netmap.single_sector_clusters(m).set_index("body")
    for body, sector in (("business_coalition", "business"),
                         ("third_sector_team", "third")):
        assert body in clusters.index, (body, clusters)
        row = clusters.loc[[body]].sort_values("body_overlap").iloc[-1]
        assert row["sector"] == sector
        # one member may have more ties out than in and drop out
        assert row["body_overlap"] >= 0.9


def test_waves_are_valid_and_the_public_sector_takes_the_lead():
    m = synthetic(600, 2500, waves=[2013, 2014, 2016], seed=9)
    assert m.waves == (2013, 2014, 2016)
    ties = m.ties
    for w in m.waves:
        at = m.at(w)
        holds = (ties["wave"] <= w) & (ties["until"].isna() | (ties["until"] >= w))
        # no tie that holds at w loses an actor: the actors are there too
        assert at.n_ties == int(holds.sum())
    sizes = [m.at(w).n_actors for w in m.waves]
    assert sizes[0] < sizes[1] and m.actors["until"].notna().any()
    assert ties["until"].notna().any() and (ties["wave"] > 2013).any()
    chairs = {w: netmap.body_composition(m.at(w)).loc["steering_committee",
                                                      "chair_sectors"]
              for w in m.waves}
    assert chairs[2013] != ("public",) and chairs[2014] == ("public",)
    diff = netmap.compare(m, 2013, 2014)
    assert diff.measures.loc["public_leads_steering", "change"] == 1
    persons = m.actors[m.actors["level"] == "person"]
    org = m.actors.loc[persons["org"]]
    assert (persons["wave"].to_numpy() >= org["wave"].to_numpy()).all()


def test_text_waves_and_one_wave():
    m = synthetic(200, 700, waves=["2014-01", "2015-06"], seed=1)
    assert m.waves == ("2014-01", "2015-06")
    assert m.at("2014-01").n_actors < m.n_actors
    one = synthetic(200, 700, waves=1, seed=1)
    assert one.waves == (1,) and one.at(1).n_ties == 700


def test_hebrew_names_and_ascii_ids():
    m = synthetic(200, 700, lang="he", seed=1)
    assert m.actors["name"].str.contains("[א-ת]").all()
    assert m.bodies["name"].str.contains("[א-ת]").all()
    assert all(i.isascii() for i in m.actors.index)
    assert m.actors.loc["backbone", "name"] == "ארגון השדרה"
    en = synthetic(200, 700, seed=1)
    assert en.actors.index.equals(m.actors.index)
    assert en.actors.loc["backbone", "name"] == "Backbone organisation"


def test_a_complete_map_is_possible():
    # every pair tied: only exact sampling without replacement gets there
    codes, sizes = netmap.datasets._actors.sector_sizes(12, dict(DEFAULT_SECTORS))
    inside = int(sum(s * (s - 1) // 2 for s in sizes))
    m = synthetic(12, 66, homophily=inside / 66, bodies=False, seed=1)
    assert m.n_ties == 66 and len(np.unique(tie_keys(m))) == 66
    inside_directed = 2 * inside
    d = synthetic(12, 132, homophily=inside_directed / 132, bodies=False, directed=True,
                  seed=1)
    assert len(np.unique(tie_keys(d))) == 132


# A bad argument is a ParameterError since 0.2 (a MeasureError, or UnknownSectorError for
# an unknown sector in sectors=, before); a request that cannot be met stays a MeasureError.
@pytest.mark.parametrize(("kwargs", "error", "match"), [
    ({"n_actors": 10.5}, netmap.ParameterError, "n_actors=10.5 .* whole number"),
    ({"n_actors": 0}, netmap.ParameterError, "at least 1"),
    ({"n_ties": -1}, netmap.ParameterError, "n_ties=-1 .* at least 0"),
    ({"n_ties": True}, netmap.ParameterError, "whole number"),
    ({"homophily": 1.5}, netmap.ParameterError, "homophily=1.5 .* a number from 0 to 1"),
    ({"homophily": "high"}, netmap.ParameterError, "homophily"),
    ({"persons": 1.0}, netmap.ParameterError, "below 1"),
    ({"sectors": {"buisness": 1}}, netmap.ParameterError, "did you mean 'business'"),
    ({"sectors": {"third": 1, "עמותה": 2}}, netmap.ParameterError, "twice"),
    ({"sectors": {"third": -1}}, netmap.ParameterError, ">= 0"),
    ({"sectors": {"third": 0}}, netmap.ParameterError, "share of 0"),
    ({"sectors": ["third"]}, netmap.ParameterError, "dict of sector"),
    ({"sectors": {"third": 1, "business": 1}}, netmap.MeasureError, "no public"),
    ({"waves": 0}, netmap.ParameterError, "at least 1"),
    ({"waves": [1, 1]}, netmap.ParameterError, "repeat"),
    ({"waves": [1, "a"]}, netmap.ParameterError, "mix numbers and text"),
    ({"waves": "2014"}, netmap.ParameterError, "waves='2014' .* list of distinct wave labels"),
    ({"lang": "fr"}, netmap.ParameterError, "lang='fr' is not allowed"),
    ({"directed": "yes"}, netmap.ParameterError, "directed='yes' .* True or False"),
    ({"n_actors": 20, "n_ties": 300}, netmap.MeasureError, "only 190 pairs"),
    ({"n_actors": 30, "n_ties": 400, "bodies": False}, netmap.MeasureError,
     "ties inside sectors, but the sectors' actors allow only"),
    ({"n_actors": 100, "n_ties": 300, "sectors": {"third": 1}, "bodies": False},
     netmap.MeasureError, "across sectors, but the actors allow only 0"),
    ({"n_actors": 100, "n_ties": 300, "homophily": 1.0}, netmap.MeasureError,
     "joint bodies need"),
    ({"n_actors": 100, "n_ties": 20}, netmap.MeasureError, "joint bodies need"),
    ({"n_actors": 10, "n_ties": 20}, netmap.MeasureError, "needs at least 4 business"),
    ({"n_actors": 20, "n_ties": 20, "persons": 0.9, "bodies": False}, netmap.MeasureError,
     "keeps at least one organisation"),
])
def test_invalid_arguments_give_clear_errors(kwargs, error, match):
    args = {"n_actors": 200, "n_ties": 600, "seed": 1, **kwargs}
    n, t = args.pop("n_actors"), args.pop("n_ties")
    with pytest.raises(error, match=match):
        synthetic(n, t, **args)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(n=st.integers(1, 150), density=st.floats(0, 4), homophily=st.floats(0, 1),
       persons=st.sampled_from([0.0, 0.1, 0.4]), bodies=st.booleans(),
       waves=st.sampled_from([None, 1, 3]), directed=st.booleans(),
       seed=st.integers(0, 2**32 - 1))
def test_any_request_is_met_exactly_or_refused(n, density, homophily, persons, bodies,
                                               waves, directed, seed):
    n_ties = int(density * n)
    try:
        m = synthetic(n, n_ties, homophily=homophily, persons=persons, bodies=bodies,
                      waves=waves, directed=directed, seed=seed)
    except netmap.MeasureError:
        return
    assert m.n_actors == n and m.n_ties == n_ties
    assert len(np.unique(tie_keys(m))) == n_ties
    assert (m.arrays.source != m.arrays.target).all()
    assert within(m) == math.floor(homophily * n_ties + 0.5)
    read = netmap.StakeholderMap(**frames(m), directed=directed,
                                 waves=list(m.waves) or None)
    assert_map_equal(m, read)


def _pair_probabilities(weight, sector, inside):
    """P(pair) from the generative description, by brute force over ordered draws."""
    n = len(weight)
    total = weight.sum()
    probs = {}
    for i in range(n):
        same = sector == sector[i]
        pool = same if inside else ~same
        for j in range(n):
            if j == i or not pool[j]:
                continue
            p = weight[i] / total * weight[j] / weight[pool].sum()
            key = (min(i, j), max(i, j))
            probs[key] = probs.get(key, 0.0) + p
    norm = sum(probs.values())
    return {k: v / norm for k, v in probs.items()}


@pytest.mark.parametrize("inside", [True, False])
def test_both_sampling_paths_draw_the_described_pair_probabilities(inside, monkeypatch):
    weight = np.array([1.0, 3.0, 0.5, 2.0, 1.0, 4.0, 0.25])
    sector = np.array([0, 0, 0, 1, 1, 2, 2])
    starts = np.array([0, 3, 5, 7])
    expected = _pair_probabilities(weight, sector, inside)
    empty = np.zeros(0, dtype=np.int64)
    draws = 3000
    for enumerate_below in (10**9, 0):  # listing every pair, then rounds
        monkeypatch.setattr(_pair_sampling, "ENUMERATE_BELOW", enumerate_below)
        monkeypatch.setattr(_pair_sampling, "ENUMERATE_MAX", enumerate_below)
        rng = np.random.default_rng(0)
        counts = dict.fromkeys(expected, 0)
        for _ in range(draws):
            s, t = _pair_sampling.sample_pairs(rng, 1, weight, sector, starts,
                                               inside=inside, directed=False, taken=empty)
            counts[(min(s[0], t[0]), max(s[0], t[0]))] += 1
        for key, p in expected.items():
            # 4.5 standard errors of a proportion of 3000 draws
            assert abs(counts[key] / draws - p) < 4.5 * math.sqrt(p * (1 - p) / draws), key


@pytest.mark.parametrize("config", [{}, {"waves": ["2014-01", "2015-06"], "directed": True,
                                         "lang": "he"}])
def test_written_and_read_back_equal(config, tmp_path):
    m = synthetic(200, 700, seed=2, **config)
    m.to_csv(tmp_path / "csv")
    assert_map_equal(m, netmap.read_csv(tmp_path / "csv"))
    m.to_excel(tmp_path / "map.xlsx")
    assert_map_equal(m, netmap.read_excel(tmp_path / "map.xlsx"))
