"""The bodies bars and the goals x sectors coverage, checked on the artists.

The expected values are written out by hand from the tiny map of
``plot_fixtures.bodies_map`` (see its docstring), and checked against the
2x5 sample's tables where the sample is drawn.
"""

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib import ft2font
from matplotlib.colors import to_rgba

import netmap
from netmap.plot import SECTOR_COLORS, display_text, plot_bodies, plot_coverage
from netmap.plot.palette import EXTRA_COLORS
from plot_fixtures import bodies_map, small_map, two_components

#: Every figure a test draws is closed after it (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("close_figures")

SECTORS = ["public", "business", "third", "academia", "philanthropy"]


@pytest.fixture(scope="module")
def tiny():
    return bodies_map()


def new_ax(width=9.0, height=4.0):
    return plt.figure(figsize=(width, height)).subplots()


def shown(text):
    """A drawn text as it reads: names inside it come isolated (FSI ... PDI), marks unseen."""
    return text.get_text().replace("\u2068", "").replace("\u2069", "")


def by_gid(ax, gid, kind="collections"):
    return [a for a in getattr(ax, kind) if a.get_gid() == gid]


# -- bodies: the bars ----------------------------------------------------------------
def test_bodies_one_bar_per_body_one_segment_per_sector(tiny):
    ax = plot_bodies(tiny, ax=new_ax())
    # Joint bodies first: three-sector, two-sector, single-sector, no core sector.
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "Steering committee", "Public-third team", "Business club", "Empty body"]
    expected = np.array([[1, 1, 1, 1, 0], [2, 0, 0, 0, 1], [0, 2, 0, 0, 0],
                         [0, 0, 0, 0, 0]], dtype=float)
    assert len(ax.containers) == len(SECTORS)
    left = np.zeros(4)
    for j, (container, code) in enumerate(zip(ax.containers, SECTORS, strict=True)):
        assert container.get_label() == tiny.taxonomy.display_name(code, lang="en")
        assert [bar.get_width() for bar in container] == list(expected[:, j])
        assert np.allclose([bar.get_x() for bar in container], left)
        assert np.allclose([bar.get_y() + bar.get_height() / 2 for bar in container],
                           [0, 1, 2, 3])
        assert all(bar.get_facecolor() == to_rgba(SECTOR_COLORS[code])
                   for bar in container)
        left += expected[:, j]
    assert ax.get_ylim()[0] > ax.get_ylim()[1]  # the first body on top


def test_bodies_in_table_order_by_size_or_as_chosen(tiny):
    ax = plot_bodies(tiny, ax=new_ax(), order="table")
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "Business club", "Steering committee", "Public-third team", "Empty body"]
    ax = plot_bodies(tiny, ax=new_ax(), order="members")
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "Steering committee", "Public-third team", "Business club", "Empty body"]
    ax = plot_bodies(tiny, ax=new_ax(), bodies=["pt", "biz"], label_column="id")
    assert [t.get_text() for t in ax.get_yticklabels()] == ["pt", "biz"]
    assert len(ax.containers[0]) == 2


def test_bodies_counts_are_written_in_the_segments_that_hold_them(tiny, sample):
    ax = plot_bodies(tiny, ax=new_ax(12, 4))
    counts = by_gid(ax, "netmap-body-counts", "texts")
    # Every member count of the tiny map fits on a wide figure.
    assert sorted(t.get_text() for t in counts) == ["1", "1", "1", "1", "1", "2", "2"]
    for text in counts:
        x, y = text.get_position()
        bar = next(b for c in ax.containers for b in c
                   if b.get_x() < x < b.get_x() + b.get_width()
                   and abs(b.get_y() + b.get_height() / 2 - y) < 1e-9)
        assert text.get_text() == str(int(bar.get_width()))
        inside = bar.get_window_extent()
        drawn = text.get_window_extent()
        assert inside.x0 <= drawn.x0 and drawn.x1 <= inside.x1
    # On the sample, the partner network's one community member has no room.
    ax = plot_bodies(sample, ax=new_ax(9, 5))
    shown = {(round(t.get_position()[1]), t.get_text())
             for t in by_gid(ax, "netmap-body-counts", "texts")}
    assert (0, "24") in shown and (0, "1") not in shown
    assert all(t.get_text() != "0" for t in by_gid(ax, "netmap-body-counts", "texts"))


def test_bodies_share_bars_end_at_one(tiny):
    ax = plot_bodies(tiny, ax=new_ax(), stat="share")
    ends = np.sum([[bar.get_width() for bar in c] for c in ax.containers], axis=0)
    assert np.allclose(ends, [1, 1, 1, 0])
    assert [bar.get_width() for bar in ax.containers[0]] == pytest.approx(
        [0.25, 2 / 3, 0, 0])
    assert ax.get_xlabel() == "share of members"


# -- bodies: the marks -----------------------------------------------------------------
def test_bodies_mark_exactly_the_missing_core_sectors(tiny):
    ax = plot_bodies(tiny, ax=new_ax())
    slots = by_gid(ax, "netmap-missing-sectors")
    # Top to bottom: steer misses nothing, pt business, biz public and third,
    # empty all three: three squares in the first slot, two, then one.
    assert [len(s.get_offsets()) for s in slots] == [3, 2, 1]
    assert [list(s.get_offsets()[:, 1]) for s in slots] == [[1, 2, 3], [2, 3], [3]]
    colors = [[SECTOR_COLORS[c] for c in codes] for codes in (
        ["business", "public", "public"], ["third", "business"], ["third"])]
    for s, expected in zip(slots, colors, strict=True):
        assert np.allclose(s.get_edgecolors(), [to_rgba(c) for c in expected])
        assert s.get_hatch()
    # Each square stands after the end of its bar.
    assert list(slots[0].get_offsets()[:, 0]) == [3, 2, 0]
    tags = [shown(t) for t in by_gid(ax, "netmap-body-tags", "texts")]
    assert tags == ["4 members · three-sector",
                    "3 members · two-sector · missing: business",
                    "two members · single-sector · missing: public, third sector",
                    "no members · missing: public, business, third sector"]


def test_bodies_on_the_sample_mark_the_two_single_sector_bodies(sample):
    ax = plot_bodies(sample, ax=new_ax(10, 5), order="table")
    comp = netmap.body_composition(sample)
    lacking = [i for i, missing in enumerate(comp["core_missing"]) if missing]
    assert comp.index[lacking].tolist() == ["business_coalition", "third_sector_team"]
    slots = by_gid(ax, "netmap-missing-sectors")
    assert sorted(set(np.concatenate([s.get_offsets()[:, 1] for s in slots]))) == lacking
    tags = [shown(t) for t in by_gid(ax, "netmap-body-tags", "texts")]
    assert [i for i, t in enumerate(tags) if "missing" in t] == lacking
    assert tags[5].endswith("single-sector · missing: public, third sector")


def test_bodies_mark_the_segment_of_each_chair(tiny):
    ax = plot_bodies(tiny, ax=new_ax())
    (chairs,) = by_gid(ax, "netmap-chairs")
    # steer: moe (public, segment 0-1) and univ (academia, 3-4); pt: fund
    # (philanthropy, 2-3); biz: intel (business, 0-2); over the top of the bar.
    assert chairs.get_offsets().tolist() == [[0.5, -0.35], [3.5, -0.35], [2.5, 0.65],
                                             [1.0, 1.65]]
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["Sectors", "public", "business", "third sector", "academia",
                      "philanthropy", "Marks", "core sector missing", "chair or lead"]


def test_bodies_by_core_has_three_segments_and_no_mark_for_a_chair_without_core(tiny):
    ax = plot_bodies(tiny, ax=new_ax(), by="core")
    assert [c.get_label() for c in ax.containers] == ["public", "business", "third sector"]
    assert [bar.get_width() for bar in ax.containers[2]] == [1, 1, 0, 0]  # ngo; fund
    (chairs,) = by_gid(ax, "netmap-chairs")
    # univ (academia) has no core sector: steer keeps only moe's mark.
    assert chairs.get_offsets().tolist() == [[0.5, -0.35], [2.5, 0.65], [1.0, 1.65]]


def test_bodies_by_an_actor_column_take_the_extra_colours(tiny):
    ax = plot_bodies(tiny, ax=new_ax(), by="level")
    # The level column's category order; nobody sits in a body as a person.
    assert [c.get_label() for c in ax.containers] == ["person", "organisation"]
    assert ax.containers[0][0].get_facecolor() == to_rgba(EXTRA_COLORS[0])
    assert ax.containers[1][0].get_facecolor() == to_rgba(EXTRA_COLORS[1])
    assert [bar.get_width() for bar in ax.containers[1]] == [4, 3, 2, 0]


# Faking libraqm where matplotlib has none, the isolates it would lay out are
# measured as glyphs: matplotlib's warning of that is the fake's, not netmap's.
@pytest.mark.filterwarnings(r"ignore:Glyph 82(94|95|96|97) .* missing from current font")
def test_bodies_in_hebrew(tiny, monkeypatch):
    # The strings handed to matplotlib on a libraqm build (3.11), whatever the
    # matplotlib here; tests/test_plot_text.py checks the drawn glyph order.
    monkeypatch.setattr(ft2font, "__libraqm_version__", "0.10.5", raising=False)
    ax = plot_bodies(tiny, ax=new_ax(), lang="he")
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "ועדת ההיגוי", "צוות ציבורי-שלישי", "מועדון עסקים", "גוף ריק"]
    drawn = [t.get_text() for t in by_gid(ax, "netmap-body-tags", "texts")]
    assert "חסר: \u2068עסקי\u2069" in drawn[1]  # a sector name isolated in the sentence
    tags = [shown(t) for t in by_gid(ax, "netmap-body-tags", "texts")]
    assert tags == ["4 חברים · תלת-מגזרי", "3 חברים · דו-מגזרי · חסר: עסקי",
                    "שני חברים · חד-מגזרי · חסר: ציבורי, מגזר שלישי",
                    "אין חברים · חסר: ציבורי, עסקי, מגזר שלישי"]
    assert ax.get_title() == "הרכב המגזרים בגופים"
    assert ax.get_xlabel() == "חברים"
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend[0] == "מגזרים" and legend[-2:] == ["מגזר ליבה חסר", 'יו"ר או מוביל']


def test_bodies_hebrew_without_libraqm_is_put_in_visual_order(tiny, monkeypatch):
    monkeypatch.delattr(ft2font, "__libraqm_version__", raising=False)
    ax = plot_bodies(tiny, ax=new_ax(), lang="he")
    names = [t.get_text() for t in ax.get_yticklabels()]
    assert names[0] == "יוגיהה תדעו"
    assert names[0] == display_text("ועדת ההיגוי")
    tags = [shown(t) for t in by_gid(ax, "netmap-body-tags", "texts")]
    assert tags[1] == display_text("3 חברים · דו-מגזרי · חסר: עסקי")
    assert tags[1] != "3 חברים · דו-מגזרי · חסר: עסקי"


def test_bodies_errors(tiny, sample):
    with pytest.raises(netmap.MeasureError, match="no bodies"):
        plot_bodies(two_components(), ax=new_ax())
    # ParameterError since 0.2 (UnknownBodyError, MeasureError and KeyError before)
    with pytest.raises(netmap.ParameterError, match="'board'") as err:
        plot_bodies(tiny, ax=new_ax(), bodies=["steer", "board"])
    assert "steer" in str(err.value)
    with pytest.raises(netmap.ParameterError, match="name at least one body"):
        plot_bodies(tiny, ax=new_ax(), bodies=[])
    with pytest.raises(ValueError, match="'count' or 'share'"):
        plot_bodies(tiny, stat="percent")
    with pytest.raises(ValueError, match="'type', 'table' or 'members'"):
        plot_bodies(tiny, order="name")
    with pytest.raises(ValueError, match="lang"):
        plot_bodies(tiny, lang="fr")
    with pytest.raises(netmap.ParameterError, match="label_column='title'"):
        plot_bodies(tiny, ax=new_ax(), label_column="title")
    with pytest.raises(netmap.MeasureError, match="92 values"):
        plot_bodies(sample, ax=new_ax(), by="name")  # two names would share a colour


def test_bodies_draw_nothing_before_an_error(tiny):
    ax = new_ax()
    with pytest.raises(netmap.ParameterError):
        plot_bodies(tiny, ax=ax, bodies=["board"])
    assert not ax.patches and not ax.collections and not ax.texts


def test_bodies_of_a_map_with_memberships_only(tiny):
    bare = netmap.from_frames(tiny.actors.reset_index(), tiny.ties,
                              memberships=tiny.memberships)
    ax = plot_bodies(bare, ax=new_ax(), order="table")
    # Named by their ids, in order of first membership.
    assert [t.get_text() for t in ax.get_yticklabels()] == ["biz", "steer", "pt"]


def test_bodies_returns_the_given_axes(sample):
    ax = new_ax()
    assert plot_bodies(sample, ax=ax) is ax


# -- coverage --------------------------------------------------------------------------
GOALS = ["math_skills", "reading", "robotics"]
#: By hand from bodies_map: public, business, third, academia, philanthropy; all actors.
COUNTS = [[0, 2, 0, 1, 0, 3], [1, 0, 2, 0, 1, 4], [0, 0, 0, 0, 0, 0]]


def test_coverage_rows_are_goals_columns_sectors(tiny):
    ax = plot_coverage(tiny, ax=new_ax(8, 4), goals=GOALS, crowded=2)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["math skills", "reading",
                                                           "robotics"]
    assert [t.get_text() for t in ax.get_xticklabels()] == [
        "public", "business", "third sector", "academia", "philanthropy", "all actors"]
    counts = [t.get_text() for t in by_gid(ax, "netmap-coverage-counts", "texts")]
    assert counts == [str(v) for row in COUNTS for v in row]
    assert ax.get_title() == "Who works on each goal"


def test_coverage_cells_are_shaded_in_the_sector_colour(tiny):
    ax = plot_coverage(tiny, ax=new_ax(8, 4), goals=GOALS, crowded=2)
    (cells,) = by_gid(ax, "netmap-coverage-cells")
    faces = cells.get_facecolors().reshape(3, 6, 4)
    white = np.ones(4)
    for i, row in enumerate(COUNTS):
        for j, value in enumerate(row):
            if value == 0:
                assert np.allclose(faces[i, j], white)
                continue
            assert not np.allclose(faces[i, j], white)
            if j < 5:  # a tint of the sector's colour: on the line from white to it
                target = np.asarray(to_rgba(SECTOR_COLORS[SECTORS[j]]))[:3]
                t = (1 - faces[i, j, :3]) / (1 - target)
                assert np.allclose(t, t[0])
    # More actors, a deeper shade: 4 on reading against 3 on math skills.
    assert np.all(faces[1, 5, :3] < faces[0, 5, :3])


def test_coverage_marks_gaps_and_crowded_goals(tiny):
    ax = plot_coverage(tiny, ax=new_ax(8, 4), goals=GOALS, crowded=2)
    (gap,) = by_gid(ax, "netmap-gaps", "patches")
    assert gap.get_y() == pytest.approx(1.5) and gap.get_hatch()
    (busy,) = by_gid(ax, "netmap-crowded", "patches")
    # The third sector's cell of "reading".
    assert busy.get_x() + busy.get_width() / 2 == pytest.approx(2)
    assert busy.get_y() + busy.get_height() / 2 == pytest.approx(1)
    notes = [shown(t) for t in by_gid(ax, "netmap-coverage-notes", "texts")]
    assert notes == ["overlap: 2 third sector actors", "gap: nobody works on this goal"]
    # Raise the bar: no goal is crowded; without the listed goal, no gap.
    ax = plot_coverage(tiny, ax=new_ax(8, 4), crowded=3)
    assert not by_gid(ax, "netmap-crowded", "patches")
    assert not by_gid(ax, "netmap-gaps", "patches")
    assert [t.get_text() for t in ax.get_yticklabels()] == ["math skills", "reading"]


def test_coverage_of_the_sample(sample):
    goals = [*dict.fromkeys(sample.activities["goal"]), "robotics"]
    ax = plot_coverage(sample, ax=new_ax(8, 6), goals=goals)
    table = netmap.coverage(sample, goals=goals)
    assert len(ax.get_yticklabels()) == len(goals)
    assert len(by_gid(ax, "netmap-crowded", "patches")) == int(table["crowded"].sum()) > 0
    (gap,) = by_gid(ax, "netmap-gaps", "patches")
    assert gap.get_y() + 0.5 == len(goals) - 1
    third = list(table.columns).index("third")
    for patch in by_gid(ax, "netmap-crowded", "patches"):
        assert patch.get_x() + patch.get_width() / 2 == pytest.approx(third)
    counts = [int(t.get_text()) for t in by_gid(ax, "netmap-coverage-counts", "texts")]
    groups = [c for c in table.columns if c not in (
        "actors", "core_missing", "gap", "crowded_count", "crowded")]
    assert counts == table[[*groups, "actors"]].to_numpy().ravel().tolist()


def test_coverage_by_core_outlines_the_cell_of_all_actors(tiny):
    ax = plot_coverage(tiny, ax=new_ax(8, 4), goals=GOALS, crowded=2, by="core")
    assert [t.get_text() for t in ax.get_xticklabels()] == [
        "public", "business", "third sector", "all actors"]
    (busy,) = by_gid(ax, "netmap-crowded", "patches")
    centre = busy.get_x() + busy.get_width() / 2
    assert centre == pytest.approx(ax.get_xticks()[-1])


def test_coverage_in_hebrew_with_goal_names(tiny, monkeypatch):
    # The strings handed to matplotlib on a libraqm build (3.11), whatever the
    # matplotlib here; tests/test_plot_text.py checks the drawn glyph order.
    monkeypatch.setattr(ft2font, "__libraqm_version__", "0.10.5", raising=False)
    names = {"math_skills": "מיומנויות מתמטיקה", "robotics": "רובוטיקה"}
    ax = plot_coverage(tiny, ax=new_ax(8, 4), goals=GOALS, crowded=2, lang="he",
                       goal_labels=names)
    assert [t.get_text() for t in ax.get_yticklabels()] == [
        "מיומנויות מתמטיקה", "reading", "רובוטיקה"]
    assert [t.get_text() for t in ax.get_xticklabels()][:3] == ["ציבורי", "עסקי",
                                                               "מגזר שלישי"]
    notes = [shown(t) for t in by_gid(ax, "netmap-coverage-notes", "texts")]
    assert notes == ["חפיפה: 2 שחקנים (מגזר שלישי)", "פער: אף שחקן אינו פועל על המטרה"]
    assert ax.get_title() == "מי פועל על כל מטרה"


def test_coverage_hebrew_without_libraqm_is_put_in_visual_order(tiny, monkeypatch):
    monkeypatch.delattr(ft2font, "__libraqm_version__", raising=False)
    ax = plot_coverage(tiny, ax=new_ax(8, 4), goals=GOALS, crowded=2, lang="he",
                       goal_labels={"robotics": "רובוטיקה"})
    assert [t.get_text() for t in ax.get_yticklabels()][-1] == "הקיטובור"
    notes = [shown(t) for t in by_gid(ax, "netmap-coverage-notes", "texts")]
    assert notes[1] == display_text("פער: אף שחקן אינו פועל על המטרה")
    assert notes[1] != "פער: אף שחקן אינו פועל על המטרה"


def test_coverage_errors(tiny):
    with pytest.raises(netmap.MeasureError, match="no activities"):
        plot_coverage(small_map(), ax=new_ax())
    with pytest.raises(netmap.MeasureError, match="crowded"):
        plot_coverage(tiny, ax=new_ax(), crowded=1)
    with pytest.raises(ValueError, match="lang"):
        plot_coverage(tiny, lang="ar")


def test_coverage_goal_labels_and_underscores():
    from netmap.plot.coverage_plot import goal_label

    assert goal_label("girls_in__stem") == "girls in stem"
    assert goal_label("girls_in_stem", {"girls_in_stem": "Girls in STEM"}) == \
        "Girls in STEM"
    assert goal_label(7) == "7"
