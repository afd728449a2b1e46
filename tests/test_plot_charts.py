"""The mixing heat map, the brokerage bars and the waves side by side, checked on the artists."""  # noqa: E501

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib import ft2font
from matplotlib.colors import TwoSlopeNorm, to_rgba

import netmap
from netmap.measures.brokerage import ROLES
from netmap.plot import SECTOR_COLORS, plot_brokerage, plot_mixing, plot_waves
from netmap.plot.palette import ROLE_COLORS
from netmap.plot.waves import union_layout
from plot_fixtures import small_map

#: Every figure a test draws is closed after it (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("close_figures")


@pytest.fixture
def ax():
    return plt.figure(figsize=(7, 6)).subplots()


# -- mixing ---------------------------------------------------------------------------
def test_mixing_shows_the_matrix_annotated(sample, ax):
    plot_mixing(sample, ax=ax)
    mix = netmap.mixing_matrix(sample)
    assert np.array_equal(ax.images[0].get_array().filled(np.nan), mix.to_numpy())
    cells = [t.get_text() for t in ax.texts]
    assert cells == [str(int(v)) for v in mix.to_numpy().ravel()]
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "public", "business", "third sector", "academia", "philanthropy",
        "social business", "community"]
    assert ax.get_title() == "Ties between sectors"


def test_mixing_ratio_is_centred_on_one(sample, ax):
    plot_mixing(sample, ax=ax, stat="ratio")
    image = ax.images[0]
    assert isinstance(image.norm, TwoSlopeNorm) and image.norm.vcenter == 1.0
    ratio = netmap.mixing_matrix(sample, stat="ratio").to_numpy()
    shown = [t.get_text() for t in ax.texts]
    expected = ["–" if np.isnan(v) else f"{v:.2f}" for v in ratio.ravel()]
    assert shown == expected
    assert "–" in shown  # community with itself: nothing expected


def test_mixing_annotations_read_on_their_cell(sample, ax):
    plot_mixing(sample, ax=ax)
    image = ax.images[0]
    values = image.get_array().ravel()
    for text, v in zip(ax.texts, values, strict=True):
        r, g, b, _ = image.cmap(image.norm(v))
        light = 0.2126 * r ** 2.2 + 0.7152 * g ** 2.2 + 0.0722 * b ** 2.2 > 0.18
        assert text.get_color() == ("black" if light else "white")


def test_mixing_in_hebrew(sample, ax, monkeypatch):
    # The strings handed to matplotlib on a libraqm build (3.11), whatever the
    # matplotlib here; tests/test_plot_text.py checks the drawn glyph order.
    monkeypatch.setattr(ft2font, "__libraqm_version__", "0.10.5", raising=False)
    plot_mixing(sample, ax=ax, lang="he", stat="ratio")
    assert [t.get_text() for t in ax.get_xticklabels()][:3] == ["ציבורי", "עסקי",
                                                               "מגזר שלישי"]
    assert ax.get_title() == "קשרים בין מגזרים: בפועל / צפוי"


def test_mixing_bad_stat(sample):
    with pytest.raises(ValueError, match="'observed', 'expected' or 'ratio'"):
        plot_mixing(sample, stat="share")


# -- brokerage -------------------------------------------------------------------------
def test_brokerage_bars_stack_the_roles_of_the_top_brokers(sample, ax):
    plot_brokerage(sample, ax=ax, top=6)
    ranked = netmap.brokers(sample, top=6).index
    raw = netmap.brokerage(sample, stat="raw").loc[ranked]
    assert len(ax.containers) == len(ROLES)
    left = np.zeros(6)
    for container, role in zip(ax.containers, ROLES, strict=True):
        widths = [bar.get_width() for bar in container]
        starts = [bar.get_x() for bar in container]
        assert np.allclose(widths, raw[role].to_numpy())
        assert np.allclose(starts, left)
        assert all(bar.get_facecolor() == to_rgba(ROLE_COLORS[role]) for bar in container)
        left += raw[role].to_numpy()
    names = [t.get_text() for t in ax.get_yticklabels()]
    assert names == sample.actors.loc[ranked, "name_en"].tolist()
    assert names[0] == "Sheatufim"
    assert ax.get_ylim()[0] > ax.get_ylim()[1]  # the best broker on top


def test_brokerage_dots_show_the_sector(sample, ax):
    plot_brokerage(sample, ax=ax, top=4)
    (dots,) = [c for c in ax.collections if c.get_gid() == "netmap-broker-sectors"]
    ranked = netmap.brokers(sample, top=4).index
    expected = [to_rgba(SECTOR_COLORS[s]) for s in sample.actors.loc[ranked, "sector"]]
    assert np.allclose(dots.get_facecolors(), expected)


def test_brokerage_legend_and_hebrew(sample, ax, monkeypatch):
    # The strings handed to matplotlib on a libraqm build (3.11), whatever the
    # matplotlib here; tests/test_plot_text.py checks the drawn glyph order.
    monkeypatch.setattr(ft2font, "__libraqm_version__", "0.10.5", raising=False)
    plot_brokerage(sample, ax=ax, top=3, lang="he")
    texts = [t.get_text() for t in ax.get_legend().get_texts()]
    assert texts[:6] == ["תפקידים", "מתאם", "מתווך חיצוני", "נציג", "שומר סף", "מקשר"]
    assert [t.get_text() for t in ax.get_yticklabels()][0] == "שיתופים"


def test_brokerage_top_must_be_positive(sample):
    with pytest.raises(netmap.MeasureError, match="top"):
        plot_brokerage(sample, top=0)


# -- waves ------------------------------------------------------------------------------
def test_waves_share_one_layout(sample):
    fig = plt.figure(figsize=(12, 5))
    axes = plot_waves(sample, 2013, 2016, fig=fig, seed=2, labels=None)
    assert len(axes) == 2
    assert axes[0].get_xlim() == axes[1].get_xlim()
    assert axes[0].get_ylim() == axes[1].get_ylim()
    pos = {}
    for ax in axes:
        for c in ax.collections:
            if (c.get_gid() or "").startswith("netmap-nodes-"):
                level = c.get_gid().removeprefix("netmap-nodes-")
                pos.setdefault(level, []).append(c.get_offsets())
    before, after = sample.at(2013), sample.at(2016)
    both = before.actors.index.intersection(after.actors.index)
    assert len(both) > 10
    lay = union_layout(sample, 2013, 2016, seed=2)
    got = []
    for ax, part in zip(axes, (before, after), strict=True):
        org = [c for c in ax.collections if c.get_gid() == "netmap-nodes-organisation"][0]
        ids = part.actors.index[part.actors["level"] == "organisation"]
        got.append(dict(zip(ids, map(tuple, org.get_offsets()), strict=True)))
    shared = both.intersection(list(got[0])).intersection(list(got[1]))
    assert len(shared) > 10
    for a in shared:  # the same place in both panels
        assert got[0][a] == pytest.approx(got[1][a])
    assert axes[0].get_xlim() == pytest.approx(axes[1].get_xlim())
    assert axes[0].get_ylim() == pytest.approx(axes[1].get_ylim())
    # The union layout's shape, moved apart by at most a few marker widths.
    xy = np.array([got[1][a] for a in shared])
    ref = lay.loc[shared, ["x", "y"]].to_numpy()
    ref = ref if np.ptp(ref[:, 0]) / np.ptp(ref[:, 1]) == pytest.approx(
        np.ptp(xy[:, 0]) / np.ptp(xy[:, 1]), rel=0.3) else ref[:, ::-1]
    assert abs(np.corrcoef(np.hypot(*(xy - xy.mean(0)).T),
                           np.hypot(*(ref - ref.mean(0)).T))[0, 1]) > 0.9


def test_waves_mark_who_joined_and_who_left(sample):
    fig = plt.figure(figsize=(12, 5))
    axes = plot_waves(sample, 2013, 2016, fig=fig, labels=None)
    before, after = sample.at(2013), sample.at(2016)
    joined = after.actors.index.difference(before.actors.index)
    left = before.actors.index.difference(after.actors.index)
    assert len(joined) and len(left)

    def find(ax, gid):
        return [c for c in ax.collections if c.get_gid() == gid][0]

    assert len(find(axes[1], "netmap-joined").get_offsets()) == len(joined)
    assert len(find(axes[0], "netmap-left").get_offsets()) == len(left)
    assert len(find(axes[1], "netmap-left-ghosts").get_offsets()) == len(left)
    texts = [t.get_text() for t in axes[1].get_legend().get_texts()]
    assert texts[-2:] == ["joined since 2013", "left by 2016"]
    assert axes[0].get_title() == f"2013: {before.n_actors} actors, {before.n_ties} ties"


def test_waves_into_given_axes_and_in_hebrew(sample, monkeypatch):
    # The strings handed to matplotlib on a libraqm build (3.11), whatever the
    # matplotlib here; tests/test_plot_text.py checks the drawn glyph order.
    monkeypatch.setattr(ft2font, "__libraqm_version__", "0.10.5", raising=False)
    fig, axes = plt.subplots(1, 2)
    got = plot_waves(sample, 2014, 2016, axes=axes, lang="he", layout="sector",
                     labels=None)
    assert list(got) == list(axes)
    assert axes[1].get_title().startswith("2016: ")
    assert axes[0].get_legend() is not None  # Hebrew: the legend on the left


def test_waves_refuse_a_figure_with_axes_and_unknown_waves(sample):
    fig, _ = plt.subplots()
    with pytest.raises(ValueError, match="already has Axes"):
        plot_waves(sample, 2013, 2016, fig=fig)
    with pytest.raises(netmap.WaveError):
        plot_waves(sample, 2013, 2020, fig=plt.figure())


def test_union_layout_covers_both_waves(sample):
    pos = union_layout(sample, 2013, 2016, "sector")
    expected = sample.at(2013).actors.index.union(sample.at(2016).actors.index)
    assert set(pos.index) == set(expected)
    assert "regions" in pos.attrs
    m = small_map()
    with pytest.raises(ValueError, match="kind"):
        union_layout(sample, 2013, 2016, "grid")
    assert m.waves == ()


def test_brokerage_counts_whole_numbers_no_empty_bars_and_once():
    # a small map: a path of four sectors; most actors broker nothing
    from matplotlib.figure import Figure

    from netmap.plot import plot_brokerage
    from structure_maps import build

    m = build({"a": "public", "b": "business", "c": "third", "d": "academia",
               "e": "public"}, [("a", "b"), ("b", "c"), ("c", "d"), ("a", "e")])
    ax = plot_brokerage(m, ax=Figure().subplots(), top=10)
    from netmap.measures.brokerage import ROLES

    api = netmap.brokerage(m, stat="raw")[list(ROLES)]
    busy = api.index[api.sum(axis=1) > 0]
    assert len(ax.containers[0]) == len(busy)  # brokers with no path: no bar
    ticks = ax.get_xticks()
    assert all(float(t).is_integer() for t in ticks)
    ax = plot_brokerage(m, ax=Figure().subplots(), top=10, once=True)
    widths = {r: [b.get_width() for b in c] for r, c in
              zip(ROLES, ax.containers, strict=True)}
    ranked = netmap.brokers(m, top=10).index
    ranked = [a for a in ranked if a in busy]
    assert widths["representative"] == (api.loc[ranked, "representative"]).tolist()
    assert widths["gatekeeper"] == [0] * len(ranked)
    assert widths["liaison"] == (api.loc[ranked, "liaison"] / 2).tolist()


def test_brokerage_of_a_map_with_no_broker_is_an_empty_chart(ax):
    """No open two-path: no bar, and no singular axis (matplotlib warned of it)."""
    import warnings

    import pandas as pd

    m = netmap.StakeholderMap(
        pd.DataFrame({"id": ["a", "b", "c"], "sector": ["public", "business", "third"]}),
        pd.DataFrame({"source": ["a"], "target": ["b"]}))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        plot_brokerage(m, ax=ax)
    assert not ax.patches
    low, high = ax.get_ylim()
    assert low != high
