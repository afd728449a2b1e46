"""The network map: what is drawn, checked on the artists."""

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import pytest
from matplotlib import ft2font
from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.colors import to_rgba

import netmap
from netmap.measures.centrality import centrality
from netmap.plot import SECTOR_COLORS, TIE_STYLES, layout, plot_map
from netmap.plot.palette import LEVEL_MARKERS
from plot_fixtures import small_map

#: Every figure a test draws is closed after it (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("close_figures")


@pytest.fixture
def ax():
    return plt.figure(figsize=(6, 5)).subplots()


def by_gid(ax, gid):
    return [a for a in [*ax.collections, *ax.patches] if a.get_gid() == gid]


def nodes(ax):
    out = {}
    for level in LEVEL_MARKERS:
        got = by_gid(ax, f"netmap-nodes-{level}")
        if got:
            (out[level],) = got
    return out


def test_returns_the_axes_it_was_given(ax):
    assert plot_map(small_map(), ax=ax) is ax


def test_draws_on_the_current_axes_by_default():
    ax = plt.figure().subplots()
    assert plot_map(small_map()) is ax


def test_ties_are_one_collection_with_a_segment_per_tie(ax):
    m = small_map()
    plot_map(m, ax=ax, seed=2)
    (ties,) = by_gid(ax, "netmap-ties")
    assert isinstance(ties, LineCollection)
    assert [c for c in ax.collections if isinstance(c, LineCollection)] == [ties]
    segments = ties.get_segments()
    assert len(segments) == m.n_ties
    pos = layout(m, seed=2)
    for seg, (s, t) in zip(segments, m.ties[["source", "target"]].itertuples(index=False),
                           strict=True):
        assert np.allclose(seg, pos.loc[[s, t]].to_numpy())


def test_self_ties_are_not_drawn(ax):
    m = small_map(with_loop=True)
    plot_map(m, ax=ax)
    (ties,) = by_gid(ax, "netmap-ties")
    assert len(ties.get_segments()) == m.n_ties - 1


def test_line_style_follows_the_tie_class(ax):
    m = small_map()
    plot_map(m, ax=ax)
    (ties,) = by_gid(ax, "netmap-ties")
    reference = LineCollection([[(0, 0), (1, 1)]] * m.n_ties,
                               linestyles=[TIE_STYLES[c] for c in m.ties["tie_class"]],
                               linewidths=ties.get_linewidths())
    assert ties.get_linestyles() == reference.get_linestyles()
    assert len({str(s) for s in ties.get_linestyles()}) == 4  # all four classes differ


def test_no_arrows_when_undirected(ax):
    plot_map(small_map(), ax=ax)
    assert by_gid(ax, "netmap-arrows") == []
    assert not [c for c in ax.collections if isinstance(c, PolyCollection)]


def test_one_arrowhead_per_tie_when_directed(ax):
    m = small_map(directed=True)
    plot_map(m, ax=ax, seed=1)
    (arrows,) = by_gid(ax, "netmap-arrows")
    assert len(arrows.get_paths()) == m.n_ties
    pos = layout(m, seed=1)
    assert np.allclose(arrows.get_offsets(), pos.loc[m.ties["target"]].to_numpy())
    # Each head points from source to target: its tip is the vertex nearest the target.
    for path, (s, t) in zip(arrows.get_paths(), m.ties[["source", "target"]].to_numpy(),
                            strict=True):
        direction = pos.loc[t].to_numpy() - pos.loc[s].to_numpy()
        tip, *base = path.vertices[:3]
        back = np.mean(base, axis=0) - tip
        assert np.dot(back, direction) < 0


def test_colours_follow_the_sector(ax):
    m = small_map()
    plot_map(m, ax=ax)
    for level, dots in nodes(ax).items():
        actors = m.actors[m.actors["level"] == level]
        expected = [to_rgba(SECTOR_COLORS[s]) for s in actors["sector"]]
        assert np.allclose(dots.get_facecolors(), expected)


def test_one_scatter_per_level_with_its_marker(ax):
    m = small_map()
    plot_map(m, ax=ax, seed=3)
    found = nodes(ax)
    assert set(found) == {"person", "organisation"}
    pos = layout(m, seed=3)
    for level, dots in found.items():
        ids = m.actors.index[m.actors["level"] == level]
        assert np.allclose(dots.get_offsets(), pos.loc[ids].to_numpy())
        reference = plt.figure().subplots().scatter([0], [0], marker=LEVEL_MARKERS[level])
        assert np.allclose(dots.get_paths()[0].vertices,
                           reference.get_paths()[0].vertices)


def test_sizes_follow_the_measure(ax):
    m = small_map()
    plot_map(m, ax=ax, size="degree", size_range=(10, 110))
    degree = centrality(m, measures=("degree",))["degree"]
    expected = 10 + (degree - degree.min()) / (degree.max() - degree.min()) * 100
    for level, dots in nodes(ax).items():
        ids = m.actors.index[m.actors["level"] == level]
        assert np.allclose(dots.get_sizes(), expected.loc[ids].to_numpy())


def test_sizes_from_a_column_and_from_a_series(ax):
    m = small_map()
    with pytest.warns(netmap.DataWarning, match="2 of 7 actors have no size"):
        plot_map(m, ax=ax, size="budget", size_range=(10, 100))
    org = nodes(ax)["organisation"]
    budget = np.array([10.0, 4.0, 1.0, 3.0, 2.0])
    assert np.allclose(org.get_sizes(), 10 + (budget - 1) / 9 * 90)
    assert np.allclose(nodes(ax)["person"].get_sizes(), 10)  # no value: the least size

    values = pd.Series(np.arange(7.0), index=m.actors.index, name="rank")
    ax2 = plt.figure().subplots()
    plot_map(m, ax=ax2, size=values, size_range=(0, 60))
    assert np.allclose(nodes(ax2)["organisation"].get_sizes(), np.arange(5) * 10)


def test_bad_sizes():
    m = small_map()
    with pytest.raises(netmap.ParameterError, match="size='popularity' is not allowed"):
        plot_map(m, size="popularity")
    with pytest.raises(netmap.MeasureError, match="not numeric"):
        plot_map(m, size="name")
    with pytest.raises(netmap.MeasureError, match="not actors of the map"):
        plot_map(m, size=pd.Series({"nobody": 1.0}))


@pytest.mark.parametrize("measure", ["betweenness", "liaison", "constraint",
                                     "cross_brokerage", "sectors_reached", "total"])
def test_every_measure_sizes(measure, ax):
    plot_map(netmap.datasets.load_2x5(), ax=ax, size=measure, labels=None)
    sizes = np.concatenate([d.get_sizes() for d in nodes(ax).values()])
    assert sizes.max() > sizes.min()


def test_legend_entries_en(ax):
    plot_map(small_map(), ax=ax)
    texts = [t.get_text() for t in ax.get_legend().get_texts()]
    assert texts == ["Sectors", "public", "business", "third sector", "academia",
                     "Levels", "person", "organisation",
                     "Ties", "partnership", "exchange", "transactional", "unclassified"]
    bold = [t.get_text() for t in ax.get_legend().get_texts()
            if t.get_fontweight() == "bold"]
    assert bold == ["Sectors", "Levels", "Ties"]


# A libraqm build draws the isolate marks; faked on another, matplotlib warns.
@pytest.mark.filterwarnings("ignore:Glyph .* missing from current font:UserWarning")
def test_legend_entries_he_with_size_and_highlight(ax, monkeypatch):
    # The strings handed to matplotlib on a libraqm build (3.11), whatever the
    # matplotlib here; tests/test_plot_text.py checks the drawn glyph order.
    monkeypatch.setattr(ft2font, "__libraqm_version__", "0.10.5", raising=False)
    plot_map(small_map(), ax=ax, lang="he", size="degree", highlight_body="steering")
    texts = [t.get_text() for t in ax.get_legend().get_texts()]
    assert texts[:5] == ["מגזרים", "ציבורי", "עסקי", "מגזר שלישי", "אקדמיה"]
    assert "דרגה" in texts  # the size measure, in Hebrew
    assert texts[-1] == "חברי ועדת ההיגוי"
    assert ax.get_legend()._loc == 1  # upper right, outside on the left


def test_no_legend(ax):
    plot_map(small_map(), ax=ax, legend=False)
    assert ax.get_legend() is None


def test_top_labels_are_the_highest_ranked(ax):
    m = netmap.datasets.load_2x5()
    plot_map(m, ax=ax, labels="top", top=5, label_by="betweenness")
    best = centrality(m, measures=("betweenness",))["betweenness"].nlargest(5).index
    drawn = {t.get_text() for t in ax.texts}
    # The five best, less any that found no spot clear of the others.
    assert drawn <= set(m.actors.loc[best, "name_en"]) and len(drawn) >= 4


def test_label_choices(ax):
    m = small_map()
    plot_map(m, ax=ax, labels="all", lang="en")
    assert {t.get_text() for t in ax.texts} == set(m.actors["name_en"])
    ax2 = plt.figure().subplots()
    plot_map(m, ax=ax2, labels=["moe", "p1"], label_column="id")
    assert [t.get_text() for t in ax2.texts] == ["moe", "p1"]
    ax3 = plt.figure().subplots()
    plot_map(m, ax=ax3, labels=None)
    assert len(ax3.texts) == 0
    # ParameterError since 0.2 (InvalidValueError and KeyError before)
    with pytest.raises(netmap.ParameterError, match="'nobody' is not an actor of the map"):
        plot_map(m, labels=["nobody"])
    with pytest.raises(ValueError, match="labels='some' is not allowed"):
        plot_map(m, labels="some")
    with pytest.raises(netmap.ParameterError, match="label_column='title'"):
        plot_map(m, label_column="title")


def test_labels_do_not_overlap_on_a_small_map(ax):
    plot_map(small_map(), ax=ax, labels="all", seed=1)
    boxes = [t.get_window_extent() for t in ax.texts]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not a.overlaps(b)


def test_highlight_rings_the_members(ax):
    m = small_map()
    plot_map(m, ax=ax, highlight_body="steering", hull=True, seed=1)
    (rings,) = by_gid(ax, "netmap-highlight")
    pos = layout(m, seed=1)
    assert np.allclose(np.sort(rings.get_offsets(), axis=0),
                       np.sort(pos.loc[["moe", "ngo", "univ"]].to_numpy(), axis=0))
    assert len(by_gid(ax, "netmap-hull")) == 1


def test_highlight_of_an_unknown_body():
    # ParameterError since 0.2 (UnknownBodyError before)
    with pytest.raises(netmap.ParameterError, match="highlight_body='board'.*'steering'"):
        plot_map(small_map(), highlight_body="board")
    ax = plt.figure().subplots()
    with pytest.raises(netmap.ParameterError):
        plot_map(small_map(), ax=ax, highlight_body="board")
    assert len(ax.collections) == 0  # nothing drawn


def test_given_positions_are_used(ax):
    m = small_map()
    pos = {a: (k, -k) for k, a in enumerate(m.actors.index)}
    plot_map(m, ax=ax, layout=pos)
    org = nodes(ax)["organisation"]
    assert np.allclose(org.get_offsets(), [(k, -k) for k in range(5)])
    # ParameterError since 0.2 (InvalidValueError before): the layout is an argument
    with pytest.raises(netmap.ParameterError, match="no position for 1 actors"):
        plot_map(m, layout={a: p for a, p in pos.items() if a != "p2"})
    with pytest.raises(netmap.ParameterError, match="not a pair of finite numbers"):
        plot_map(m, layout={**pos, "p2": (np.nan, 0.0)})
    with pytest.raises(netmap.ParameterError, match="no column 'y'"):
        plot_map(m, layout=pd.DataFrame({"x": [0.0]}))


def test_sector_layout_draws_regions_and_their_names(ax):
    m = small_map()
    plot_map(m, ax=ax, layout="sector", labels=None)
    (regions,) = by_gid(ax, "netmap-regions")
    assert len(regions.get_paths()) == 4
    assert {t.get_text() for t in ax.texts} == {"public", "business", "third sector",
                                                 "academia"}


def test_user_sector_gets_a_colour_and_a_name(ax):
    tax = netmap.default_taxonomy().with_sector("cooperative", en="co-operative",
                                                 he="קואופרטיב")
    m = netmap.from_frames(pd.DataFrame({"id": ["a", "b"], "sector": ["cooperative",
                                                                     "public"]}),
                           pd.DataFrame({"source": ["a"], "target": ["b"]}), taxonomy=tax)
    plot_map(m, ax=ax)
    texts = [t.get_text() for t in ax.get_legend().get_texts()]
    assert texts[:3] == ["Sectors", "public", "co-operative"]


def test_the_map_is_not_changed(ax):
    m = small_map()
    before = m.actors.copy(), m.ties.copy()
    plot_map(m, ax=ax, size="degree", layout="sector")
    pd.testing.assert_frame_equal(m.actors, before[0])
    pd.testing.assert_frame_equal(m.ties, before[1])


def test_draws_and_saves_without_warnings(tmp_path):
    fig, ax = plt.subplots()
    plot_map(netmap.datasets.load_2x5(), ax=ax, size="betweenness", lang="he",
             highlight_body="business_coalition", hull=True)
    fig.savefig(tmp_path / "map.png", bbox_inches="tight")
    assert (tmp_path / "map.png").stat().st_size > 10_000


# -- sizes in number of ties; labels clear of each other and of markers ------------------------
def test_size_by_number_of_ties_and_its_legend(ax):
    m = small_map(with_loop=True)
    plot_map(m, ax=ax, size="ties")
    # By hand: moe 3 (ngo, univ, p2), intel 1, ngo 4 (moe, intel, univ, fund; its
    # self-tie joins it to no one and is left out), univ 3, fund 2, p1 1, p2 2.
    from netmap.plot._common import tie_counts

    assert tie_counts(m).to_dict() == {"moe": 3, "intel": 1, "ngo": 4, "univ": 3, "fund": 2,
                                       "p1": 1, "p2": 2}
    texts = [t.get_text() for t in ax.get_legend().get_texts()]
    at = texts.index("number of ties")
    assert texts[at + 1:at + 4] == ["1", "2", "4"]


def test_static_and_interactive_maps_size_by_the_same_number_of_ties(ax):
    # One meaning of "number of ties" on both maps: the same actor has the same
    # share of the size range in both (area linear in the value on each).
    import json
    import re

    from netmap.plot import explore

    m = small_map(with_loop=True)
    plot_map(m, ax=ax, size="ties", size_range=(10, 110))
    static = pd.concat([pd.Series(dots.get_sizes(), index=m.actors.index[
        m.actors["level"] == level]) for level, dots in nodes(ax).items()])
    static = ((static - 10) / 100).reindex(m.actors.index)
    html = explore(m, size="ties").html
    data = json.loads(re.search(r'id="netmap-data">(.*?)</script>', html, re.S).group(1))
    area = np.array(data["nodes"]["size"]) ** 2
    interactive = (area - area.min()) / (area.max() - area.min())
    assert data["nodes"]["ties"] == [3, 1, 4, 3, 2, 1, 2]  # by hand, as above
    assert np.allclose(static.to_numpy(), interactive, atol=1e-3)


def test_size_legend_in_hebrew_names_the_number_of_ties(ax):
    from netmap.plot.text import display_text

    plot_map(small_map(), ax=ax, size="ties", lang="he")
    # as handed to matplotlib: in visual order where it has no libraqm (python-bidi)
    assert display_text("מספר הקשרים") in [t.get_text() for t in ax.get_legend().get_texts()]


def _drawn(ax, m):
    from matplotlib.text import Annotation, Text

    from netmap.model.vocabulary import LEVELS

    fig = ax.get_figure()
    fig.canvas.draw()
    a = m.arrays
    xy, radii = np.zeros((a.n_actors, 2)), np.zeros(a.n_actors)
    for level, c in nodes(ax).items():
        on = a.level == LEVELS.codes.index(level)
        xy[on] = ax.transData.transform(c.get_offsets())
        radii[on] = np.sqrt(np.broadcast_to(c.get_sizes(), (int(on.sum()),))) / 2 * fig.dpi / 72
    labels = [t for t in ax.texts if isinstance(t, Annotation)]
    boxes = np.array([[b.x0, b.y0, b.x1, b.y1] for b in
                      (Text.get_window_extent(t) for t in labels)]).reshape(-1, 4)
    return xy, radii, labels, boxes


@pytest.mark.parametrize("kind", ["force", "sector"])
def test_labels_overlap_no_label_and_no_marker_and_markers_do_not_overlap(kind):
    from netmap.plot._quality import label_overlaps, node_overlaps

    m = netmap.datasets.load_2x5()
    fig = plt.figure(figsize=(9, 6), dpi=80)
    ax = fig.subplots()
    plot_map(m, ax=ax, layout=kind, size="ties", labels="all", seed=0)
    xy, radii, labels, boxes = _drawn(ax, m)
    assert len(labels) > 10
    assert label_overlaps(boxes, xy, radii) == 0
    assert node_overlaps(xy, radii) == 0
    frame = ax.get_window_extent()
    assert boxes[:, 0].min() >= frame.x0 - 1e-6 and boxes[:, 2].max() <= frame.x1 + 1e-6


def test_far_labels_get_a_leader_line():
    m = netmap.datasets.load_2x5()
    fig = plt.figure(figsize=(9, 6), dpi=80)
    ax = fig.subplots()
    plot_map(m, ax=ax, labels="all", seed=0)
    leaders = [t for t in ax.texts if getattr(t, "arrow_patch", None) is not None]
    assert leaders and all(t.arrow_patch.get_gid() == "netmap-leader" for t in leaders)
    near = [t for t in ax.texts if getattr(t, "arrow_patch", None) is None]
    assert near  # most labels sit beside their marker


def test_the_number_of_labels_follows_the_picture_size():
    from netmap.plot.maps import LABEL_AREA

    m = netmap.datasets.load_2x5()
    counts = []
    for size in [(4, 3), (12, 9)]:
        fig = plt.figure(figsize=size, dpi=72)
        ax = fig.subplots()
        plot_map(m, ax=ax, seed=0, legend=False)
        box = ax.get_window_extent()
        room = int(box.width * box.height / 72 ** 2 / LABEL_AREA)
        counts.append(len(ax.texts))
        assert 0 < len(ax.texts) <= max(room, 1)
        plt.close(fig)
    assert counts[1] > 2 * counts[0]
