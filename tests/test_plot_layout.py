"""Layouts: seeded, reproducible, faithful to the ties; the fast paths checked against the exact ones."""  # noqa: E501

import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp
from scipy.sparse import csgraph

import netmap
from netmap.plot import layouts as layout_module
from netmap.plot.layouts import force_positions, layout, sector_positions
from plot_fixtures import small_map, two_components


@pytest.fixture(scope="module")
def sample():
    return netmap.datasets.load_2x5()


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
    assert tied < anyone / 2


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
