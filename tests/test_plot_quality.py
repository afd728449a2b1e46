"""The layout-quality scores of benchmarks/bench_layout.py, on tiny cases computed by hand."""

import numpy as np
import pytest

from netmap.plot._quality import (
    crossings_per_tie,
    label_overlaps,
    node_overlaps,
    panel_share,
    silhouette,
)


# -- crossings ------------------------------------------------------------------------
def test_the_two_diagonals_of_a_square_cross_once():
    xy = np.array([[0, 0], [1, 1], [0, 1], [1, 0]], dtype=float)
    assert crossings_per_tie(xy, np.array([0, 2]), np.array([1, 3])) == 0.5


def test_ties_sharing_an_actor_touching_or_on_one_line_do_not_cross():
    xy = np.array([[0, 0], [2, 0], [1, 1], [1, 0], [3, 0], [4, 0]], dtype=float)
    # 0-1 and 0-2 share actor 0; 2-3 ends on 0-1 (touches); 4-5 lies on 0-1's line.
    source, target = np.array([0, 0, 2, 4]), np.array([1, 2, 3, 5])
    assert crossings_per_tie(xy, source, target) == 0.0


def test_parallel_ties_and_self_ties_count_once():
    xy = np.array([[0, 0], [1, 1], [0, 1], [1, 0]], dtype=float)
    # 0-1 twice (both directions), 2-3, and a self-tie: 1 crossing over 2 ties.
    got = crossings_per_tie(xy, np.array([0, 1, 2, 3]), np.array([1, 0, 3, 3]))
    assert got == 0.5


def test_a_star_drawn_across_a_path():
    # A horizontal path 0-1-2-3 and three vertical ties, each crossing one path tie.
    path = [[0, 0], [1, 0], [2, 0], [3, 0]]
    sticks = [[0.5, -1], [0.5, 1], [1.5, -1], [1.5, 1], [2.5, -1], [2.5, 1]]
    xy = np.array(path + sticks, dtype=float)
    source = np.array([0, 1, 2, 4, 6, 8])
    target = np.array([1, 2, 3, 5, 7, 9])
    assert crossings_per_tie(xy, source, target) == pytest.approx(3 / 6)


def test_crossings_against_every_pair_checked_one_by_one():
    rng = np.random.default_rng(3)
    xy = rng.random((40, 2))
    source, target = rng.integers(0, 40, (2, 120))

    def crosses(p, q, r, s):
        def turn(a, b, c):
            return np.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]))
        return turn(p, q, r) * turn(p, q, s) < 0 and turn(r, s, p) * turn(r, s, q) < 0

    pairs = sorted({(min(a, b), max(a, b)) for a, b in zip(source, target, strict=True)
                    if a != b})
    count = 0
    for k, (a, b) in enumerate(pairs):
        for c, d in pairs[k + 1:]:
            if len({a, b, c, d}) == 4 and crosses(xy[a], xy[b], xy[c], xy[d]):
                count += 1
    assert crossings_per_tie(xy, source, target) == pytest.approx(count / len(pairs))


# -- silhouette -----------------------------------------------------------------------
def test_silhouette_of_two_far_pairs_by_hand():
    xy = np.array([[0, 0], [0, 1], [10, 0], [10, 1]], dtype=float)
    # Each actor: a = 1, b = (10 + sqrt(101)) / 2.
    b = (10 + np.sqrt(101)) / 2
    assert silhouette(xy, np.array([0, 0, 1, 1])) == pytest.approx((b - 1) / b)


def test_silhouette_of_mixed_groups_is_below_zero_and_a_lone_actor_counts_zero():
    xy = np.array([[0, 0], [1, 0], [2, 0], [3, 0]], dtype=float)
    # Groups alternate: 0 at x=0 and 2, 1 at x=1 and 3.
    got = silhouette(xy, np.array([0, 1, 0, 1]))
    # x=0: a=2, b=mean(1, 3)=2 -> 0; x=1: a=2, b=mean(1, 1)=1 -> -0.5;
    # x=2: a=2, b=mean(1, 1)=1 -> -0.5; x=3: a=2, b=mean(3, 1)=2 -> 0.
    assert got == pytest.approx(-0.25)
    alone = silhouette(np.array([[0, 0], [0, 1], [5, 5]], dtype=float), np.array([0, 0, 1]))
    # The pair: a = 1, b = dist to (5, 5): sqrt(50) and sqrt(41); the lone actor 0.
    s = [(np.sqrt(50) - 1) / np.sqrt(50), (np.sqrt(41) - 1) / np.sqrt(41), 0.0]
    assert alone == pytest.approx(np.mean(s))


def test_silhouette_of_one_group_is_nan():
    assert np.isnan(silhouette(np.zeros((3, 2)), np.array([1, 1, 1])))


def test_silhouette_sample_is_close_to_the_whole(monkeypatch):
    from netmap.plot import _quality

    rng = np.random.default_rng(0)
    xy = np.vstack([rng.normal(0, 1, (300, 2)), rng.normal(3, 1, (300, 2))])
    groups = np.repeat([0, 1], 300)
    whole = silhouette(xy, groups)
    monkeypatch.setattr(_quality, "SILHOUETTE_SAMPLE", 200)
    assert silhouette(xy, groups) == pytest.approx(whole, abs=0.05)


# -- overlaps and panel ----------------------------------------------------------------
def test_node_overlaps_by_hand():
    centres = np.array([[0, 0], [3, 0], [10, 0], [13.8, 0]], dtype=float)
    radii = np.array([2.0, 2.0, 2.0, 2.0])
    # 0-1: 4 - 3 = 1 deep, counts; 2-3: 4 - 3.8 = 0.2, within the tolerance.
    assert node_overlaps(centres, radii) == 1
    assert node_overlaps(centres, radii, tolerance=0.1) == 2


def test_label_overlaps_count_labels_and_markers():
    boxes = np.array([[0, 0, 10, 5], [8, 0, 20, 5], [30, 0, 40, 5]], dtype=float)
    # Labels 0 and 1 share a 2 x 5 strip; the marker at (35, 7) of radius 3
    # reaches 1 into label 2; the marker at (50, 50) touches nothing.
    centres = np.array([[35, 7], [50, 50]], dtype=float)
    assert label_overlaps(boxes, centres, np.array([3.0, 3.0])) == 2
    assert label_overlaps(boxes[2:], centres, np.array([1.0, 3.0])) == 0


def test_panel_share_by_hand():
    # 4 actors in a 4 x 4 panel: 2 x 2 cells of side 2.
    assert panel_share(np.array([[1, 1], [1, 1.5], [3, 3], [3, 1]]), (0, 0, 4, 4)) == 0.75
    assert panel_share(np.array([[1, 1], [1, 3], [3, 3], [3, 1]]), (0, 0, 4, 4)) == 1.0
    # 2 actors in an 8 x 2 panel: cells of side 2.83, 3 x 1 of them.
    assert panel_share(np.array([[0.5, 1], [7.5, 1]]), (0, 0, 8, 2)) == pytest.approx(2 / 3)
