"""Layouts: seeded, reproducible, faithful to the ties; the fast paths checked against the exact ones."""  # noqa: E501

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp
from scipy.sparse import csgraph

import netmap
from conftest import require
from netmap.plot import layouts as layout_module
from netmap.plot.layouts import force_positions, layout, sector_positions
from plot_fixtures import small_map, two_components


@pytest.mark.parametrize("kind", ["force", "sector"])
def test_same_seed_same_positions_other_seed_other_positions(sample, kind):
    first = layout(sample, kind=kind, seed=3)
    assert first.equals(layout(sample, kind=kind, seed=3))
    assert not np.allclose(first.to_numpy(), layout(sample, kind=kind, seed=4).to_numpy())
    assert list(first.columns) == ["x", "y"]
    assert first.index.equals(sample.actors.index)
    assert np.isfinite(first.to_numpy()).all()


def test_default_seed_is_fixed(sample):
    assert layout(sample).equals(layout(sample))


def test_unknown_kind():
    with pytest.raises(ValueError, match="'force', 'sector' or 'auto'"):
        layout(small_map(), kind="circle")


def test_tied_actors_sit_closer_than_untied(sample):
    pos = layout(sample, kind="force", seed=1).to_numpy()
    a = sample.arrays
    tied = np.hypot(*(pos[a.source] - pos[a.target]).T).mean()
    rng = np.random.default_rng(0)
    i, j = rng.integers(0, a.n_actors, (2, 5000))
    keep = i != j
    anyone = np.hypot(*(pos[i[keep]] - pos[j[keep]]).T).mean()
    # The pass against crossings trades some tie length for fewer
    # crossings: ties average 0.55 of any two actors' distance on the
    # sample (0.47 without it; benchmarks/bench_layout.py).
    assert tied < 0.6 * anyone


def test_components_are_packed_apart():
    m = two_components()
    pos = layout(m, kind="force", seed=0)
    parts = [pos.loc[list("abc")], pos.loc[list("def")], pos.loc[["g"]]]
    boxes = [(p.x.min(), p.x.max(), p.y.min(), p.y.max()) for p in parts]
    for k, one in enumerate(boxes):
        for other in boxes[k + 1:]:
            apart = (one[1] < other[0] or other[1] < one[0] or one[3] < other[2]
                     or other[3] < one[2])
            assert apart, (one, other)


def test_pivot_mds_recovers_a_path():
    # Classical MDS of a path's distances puts it on a line, in order, with
    # equal steps: the pivot approximation is exact here.
    n = 12
    adj = sp.csr_array((np.ones(2 * (n - 1)),
                        (np.r_[np.arange(n - 1), np.arange(1, n)],
                         np.r_[np.arange(1, n), np.arange(n - 1)])), shape=(n, n))
    xy = layout_module._pivot_mds(adj, np.random.default_rng(0), pivots=5)
    axis = int(np.ptp(xy[:, 1]) > np.ptp(xy[:, 0]))
    steps = np.diff(xy[:, axis])
    assert np.all(steps > 0) or np.all(steps < 0)
    assert np.allclose(np.abs(steps), np.abs(steps).mean(), rtol=1e-6)
    assert np.ptp(xy[:, 1 - axis]) < 1e-6 * np.ptp(xy[:, axis])


def test_force_positions_of_no_actor_and_of_isolates():
    assert force_positions(0, np.array([], int), np.array([], int)).shape == (0, 2)
    xy = force_positions(3, np.array([], int), np.array([], int))
    assert len(np.unique(xy.round(6), axis=0)) == 3


def test_sector_layout_keeps_each_sector_in_its_disc(sample):
    pos = layout(sample, kind="sector", seed=1)
    regions = pos.attrs["regions"]
    present = [c for c in sample.taxonomy.codes if (sample.actors.sector == c).any()]
    assert regions.index.tolist() == present
    sector = sample.actors["sector"].astype(str)
    centre = regions.loc[sector, ["x", "y"]].to_numpy()
    reach = np.hypot(*(pos.to_numpy() - centre).T)
    assert np.all(reach <= regions.loc[sector, "radius"].to_numpy() * (1 + 1e-9))
    c = regions[["x", "y"]].to_numpy()
    r = regions["radius"].to_numpy()
    for a in range(len(r)):
        for b in range(a + 1, len(r)):
            assert np.hypot(*(c[a] - c[b])) > r[a] + r[b]


def test_sector_layout_turns_a_sector_towards_its_partners():
    # Two sectors, one actor of each side tied across: the tied actors face
    # each other across the gap.
    sector = np.array([0, 0, 0, 1, 1, 1])
    source = np.array([0, 1, 3, 4, 2])
    target = np.array([1, 2, 4, 5, 5])
    xy, regions = sector_positions(sector, source, target, seed=0)
    left, right = regions[["x", "y"]].to_numpy()
    assert left[0] < right[0]
    assert xy[2, 0] == xy[:3, 0].max() and xy[5, 0] == xy[3:, 0].min()


def test_sector_layout_of_one_sector():
    xy, regions = sector_positions(np.zeros(4, int), np.array([0, 1]), np.array([1, 2]))
    assert len(regions) == 1 and np.isfinite(xy).all()


def test_layout_is_a_frame_other_maps_can_use(sample):
    pos = layout(sample, kind="force", seed=1)
    sub = sample.at(2013)
    from netmap.plot import positions_of

    got = positions_of(sub, layout=pos)
    assert got.equals(pos.loc[sub.actors.index])
    assert np.allclose(got.attrs["bounds"], np.r_[pos.min().to_numpy(), pos.max().to_numpy()])


def test_connected_layout_counts_one_component(sample):
    n, _ = csgraph.connected_components(sample.arrays.adjacency(), directed=False)
    assert n == 1
    assert isinstance(layout(sample), pd.DataFrame)


# -- persons, packing, spacing, the engines, the automatic choice ---------------------------
def test_persons_stand_round_their_organisation(sample):
    from netmap.plot.layouts import anchors

    pos = layout(sample, kind="force", seed=1).to_numpy()
    host = anchors(sample)
    persons = np.flatnonzero(host >= 0)
    assert len(persons) == 17
    a = sample.arrays
    ties = np.median(np.hypot(*(pos[a.source] - pos[a.target]).T))
    to_host = np.hypot(*(pos[persons] - pos[host[persons]]).T)
    # On the ring round the organisation (moved apart a little at most), far
    # nearer it than a typical tie.
    assert to_host.max() < 1.5 * layout_module.HOST_RING + layout_module.SPACING
    assert to_host.max() < ties


def test_a_person_whose_organisation_is_absent_is_laid_out_as_any_actor():
    # 1 hangs on 0; 3's organisation 1 hangs on 0 itself: one level only,
    # so 3 stands on its own.
    host = layout_module._hosts(4, np.array([-1, 0, -1, 1]))
    assert host.tolist() == [0, 0, 2, 3]


def test_no_two_actors_nearer_than_the_spacing(sample):
    pos = layout(sample, kind="force", seed=1).to_numpy()
    from scipy.spatial.distance import pdist

    assert pdist(pos).min() >= layout_module.SPACING * (1 - 1e-6)


def test_separate_parts_points_and_keeps_far_ones():
    xy = np.array([[0.0, 0.0], [0.0, 0.0], [0.1, 0.0], [5.0, 5.0]])
    out = layout_module.separate(xy, 1.0)
    from scipy.spatial.distance import pdist

    assert pdist(out).min() >= 1.0 - 1e-6
    assert np.allclose(out[3], [5.0, 5.0])
    radii = np.array([0.5, 2.0])
    out = layout_module.separate(np.array([[0.0, 0.0], [1.0, 0.0]]), radii)
    assert np.hypot(*(out[0] - out[1])) == pytest.approx(2.5, rel=2e-3)


def test_packed_components_take_no_space_they_do_not_fill():
    # One big component and many small ones: the packed frame is not much
    # larger than the boxes themselves (row packing left half of it empty).
    rng = np.random.default_rng(0)
    parts = [rng.random((60, 2)) * [12, 8]] + [rng.random((3, 2)) * 2 for _ in range(30)]
    placed = layout_module._pack(parts)
    boxes = np.array([np.r_[p.min(axis=0), p.max(axis=0)] for p in placed])
    fill = sum(float(np.prod(b[2:] - b[:2] + 1.0)) for b in boxes)
    span = boxes[:, 2:].max(axis=0) - boxes[:, :2].min(axis=0) + 1.0
    assert fill / float(np.prod(span)) > 0.7
    for k, one in enumerate(boxes):  # no two boxes overlap
        for other in boxes[k + 1:]:
            assert (one[2] <= other[0] + 1e-9 or other[2] <= one[0] + 1e-9
                    or one[3] <= other[1] + 1e-9 or other[3] <= one[1] + 1e-9)


@pytest.mark.parametrize("path", ["fa2", "igraph", "networkx", "pivot MDS only"])
def test_every_engine_is_seeded_and_keeps_ties_short(sample, monkeypatch, path):
    # Components above FORCEATLAS2_UP_TO actors go to the fa2 package's
    # ForceAtlas2, else to igraph, else to networkx's spring_layout, else keep
    # their pivot MDS positions.
    monkeypatch.setattr(layout_module, "FORCEATLAS2_UP_TO", 10)
    if path == "fa2":
        require("fa2")
    else:
        monkeypatch.setattr(layout_module, "_fa2", lambda: None)
    if path not in ("fa2", "igraph"):
        monkeypatch.setattr(layout_module, "_igraph", lambda: None)
    if path == "pivot MDS only":
        monkeypatch.setattr(layout_module, "NETWORKX_UP_TO", 10)
    first = layout(sample, kind="force", seed=2)
    assert first.equals(layout(sample, kind="force", seed=2))
    pos = first.to_numpy()
    a = sample.arrays
    tied = np.hypot(*(pos[a.source] - pos[a.target]).T).mean()
    spread = np.hypot(*(pos - pos.mean(axis=0)).T).mean()
    assert np.isfinite(pos).all() and tied < spread


def test_the_pass_against_crossings_undoes_a_crossing():
    require("igraph")
    from netmap.plot._quality import crossings_per_tie

    # A ring of eight drawn with its order scrambled crosses itself; the
    # Davidson-Harel pass (seeded) leaves fewer crossings, and is seeded.
    s = np.arange(8)
    t = (s + 1) % 8
    angle = 2 * np.pi * np.array([0, 3, 6, 1, 4, 7, 2, 5]) / 8
    xy = 3 * np.column_stack([np.cos(angle), np.sin(angle)])
    before = crossings_per_tie(xy, s, t)
    out = layout_module._fewer_crossings(xy, s, t, np.random.default_rng(0))
    assert before > 0 and crossings_per_tie(out, s, t) < before
    again = layout_module._fewer_crossings(xy, s, t, np.random.default_rng(0))
    assert np.array_equal(out, again)


def test_the_pass_against_crossings_leaves_large_components_alone(monkeypatch):
    monkeypatch.setattr(layout_module, "UNCROSS_UP_TO", 5)
    s = np.arange(8)
    t = (s + 1) % 8
    xy = np.random.default_rng(1).normal(size=(8, 2))
    assert np.array_equal(layout_module._fewer_crossings(xy, s, t, np.random.default_rng(0)),
                          xy)


def test_igraph_keeps_its_default_random_generator(sample, monkeypatch):
    igraph = pytest.importorskip("igraph")
    import random

    monkeypatch.setattr(layout_module, "FORCEATLAS2_UP_TO", 10)
    layout(sample, kind="force", seed=2)
    # The default generator is back: igraph draws from the random module again.
    random.seed(7)
    one = igraph.Graph.Erdos_Renyi(20, 0.2).get_edgelist()
    random.seed(7)
    assert igraph.Graph.Erdos_Renyi(20, 0.2).get_edgelist() == one


def test_auto_chooses_the_sector_layout_when_force_does_not_separate_sectors():
    from netmap.plot._quality import silhouette

    # 80% of the ties within a sector: the force layout is computed, and its
    # silhouette is below the bound.
    m = netmap.datasets.synthetic(200, 500, homophily=0.8, seed=1, bodies=False)
    pos = layout(m, kind="auto", seed=0)
    force = layout(m, kind="force", seed=0)
    score = silhouette(force.to_numpy(), m.arrays.sector)
    assert pos.attrs["within"] == pytest.approx(0.8, abs=0.01)
    assert pos.attrs["silhouette"] == pytest.approx(score)
    assert score < layout_module.SEPARATES_FROM
    assert pos.attrs["kind"] == "sector" and "regions" in pos.attrs


def test_auto_draws_the_sector_layout_at_once_when_few_ties_lie_within_sectors(
        sample, monkeypatch):
    # The sample's ties lie within a sector in 54% of cases, below SECTOR_BELOW:
    # the force layout is not computed at all.
    a = sample.arrays
    off = a.source != a.target
    share = float(np.mean(a.sector[a.source[off]] == a.sector[a.target[off]]))
    assert layout_module.within_share(a.sector, a.source, a.target) == pytest.approx(share)
    assert share < layout_module.SECTOR_BELOW
    sector = layout(sample, kind="sector", seed=0)

    sizes = []  # force layouts computed: the sector layout's, one per sector, only
    inner = layout_module._force

    def counted(n, *args, **kwargs):
        sizes.append(n)
        return inner(n, *args, **kwargs)

    monkeypatch.setattr(layout_module, "_force", counted)
    pos = layout(sample, kind="auto", seed=0)
    assert sizes and max(sizes) < a.n_actors
    assert pos.attrs["kind"] == "sector" and np.isnan(pos.attrs["silhouette"])
    assert pos.attrs["within"] == pytest.approx(share)
    assert pos.equals(sector)


def test_within_share_by_hand():
    sector = np.array([0, 0, 1, 1])
    # ties 0-1 (within), 1-2 (across), 2-3 (within), a self-tie 3-3 (left out)
    assert layout_module.within_share(sector, np.array([0, 1, 2, 3]),
                                      np.array([1, 2, 3, 3])) == pytest.approx(2 / 3)
    assert np.isnan(layout_module.within_share(sector, np.array([3]), np.array([3])))


def test_auto_keeps_the_force_layout_when_it_separates_sectors():
    m = netmap.datasets.synthetic(200, 500, homophily=0.98, seed=1, bodies=False)
    pos = layout(m, kind="auto", seed=0)
    assert pos.attrs["kind"] == "force" and "regions" not in pos.attrs
    assert pos.attrs["silhouette"] >= layout_module.SEPARATES_FROM
    assert pos.equals(layout(m, kind="force", seed=0))
