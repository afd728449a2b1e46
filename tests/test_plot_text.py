"""Right-to-left text: what string reaches matplotlib with libraqm and without it, and glyphs."""  # noqa: E501

import sys
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import pytest
from bidi.algorithm import get_display
from matplotlib import ft2font

import netmap
from conftest import require
from netmap.model.exceptions import MissingGlyphWarning
from netmap.plot import plot_map, plot_mixing, text
from plot_fixtures import small_map

#: Every figure a test draws is closed after it (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("close_figures")

RLI, LRI, PDI = "\u2067", "\u2066", "\u2069"


@pytest.fixture
def with_raqm(monkeypatch):
    monkeypatch.setattr(ft2font, "__libraqm_version__", "0.10.5", raising=False)


@pytest.fixture
def without_raqm(monkeypatch):
    monkeypatch.delattr(ft2font, "__libraqm_version__", raising=False)


def test_detection_reads_matplotlib(with_raqm):
    assert text.has_libraqm()


def test_detection_without(without_raqm):
    assert not text.has_libraqm()


@pytest.mark.parametrize(("label", "direction"), [
    ("משרד החינוך", "rtl"), ("Intel ישראל", "rtl"), ("Ministry (משרד)", "ltr"),
    ("جمعية النور", "rtl"), ("2013", None), ("Sheatufim", "ltr"),
])
def test_direction(label, direction):
    assert text.text_direction(label) == direction


# -- with libraqm: strings as they are ------------------------------------------------
@pytest.mark.parametrize("label", ["משרד החינוך", 'עמותה (חל"צ)', "جمعية النور",
                                   "Ministry (משרד)", "Sheatufim", "2013: 37 שחקנים"])
def test_with_libraqm_strings_go_as_they_are(with_raqm, label):
    assert text.display_text(label) == label


def test_with_libraqm_a_mixed_label_is_isolated_in_its_direction(with_raqm):
    # First letter Latin, mostly Hebrew: the label must read right to left.
    assert text.display_text("Intel ישראל") == f"{RLI}Intel ישראל{PDI}"
    # First letter Hebrew, mostly English: left to right.
    label = "משרד Ministry of Education"
    assert text.display_text(label) == f"{LRI}{label}{PDI}"
    assert text.display_text("Intel ישראל", direction="ltr") == "Intel ישראל"


# -- without libraqm: visual order from python-bidi ------------------------------------
def test_without_libraqm_hebrew_is_reordered(without_raqm):
    assert text.display_text("משרד החינוך") == "ךוניחה דרשמ"


def test_without_libraqm_brackets_are_mirrored(without_raqm):
    assert text.display_text('עמותה (חל"צ)') == '(צ"לח) התומע'


def test_without_libraqm_mixed_label_reads_right_to_left(without_raqm):
    assert text.display_text("Intel ישראל") == "לארשי Intel"
    assert text.display_text("Ministry (משרד)") == "Ministry (דרשמ)"


def test_without_libraqm_marks_are_dropped_and_lines_kept(without_raqm):
    assert text.display_text(f"{RLI}משרד החינוך{PDI}\nשיתופים") == "ךוניחה דרשמ\nםיפותיש"


def test_without_libraqm_a_mark_sets_the_direction_before_it_is_dropped(without_raqm):
    # U+200F counts as a right-to-left letter: "1 A" then reads right to left,
    # and the mark itself, which matplotlib would draw as a box, is gone
    assert text.display_text("\u200f1 A\nB \u2068x\u2069") == "A 1\nB x"


def test_without_libraqm_arabic_is_joined_then_reordered(without_raqm):
    reshaper = require("arabic_reshaper")
    label = "جمعية النور"
    shown = text.display_text(label)
    assert shown == get_display(reshaper.reshape(label), base_dir="R")
    assert "\ufe9f" in shown  # the initial form of jeem: the letters are joined


def test_without_libraqm_or_reshaper_arabic_warns(without_raqm, monkeypatch):
    monkeypatch.setitem(sys.modules, "arabic_reshaper", None)
    with pytest.warns(netmap.NetmapWarning, match="arabic-reshaper"):
        shown = text.display_text("جمعية النور")
    assert shown == get_display("جمعية النور", base_dir="R")


def test_ascii_is_never_touched(without_raqm):
    assert text.display_text("High-tech company (A)") == "High-tech company (A)"


def test_bad_direction():
    with pytest.raises(ValueError, match="direction"):
        text.display_text("x", direction="up")


# -- the strings a plot hands to matplotlib ----------------------------------------------
def _label_texts(ax):
    return {t.get_text() for t in ax.texts}


# A libraqm build draws the isolate marks; faked on another, matplotlib warns.
@pytest.mark.filterwarnings("ignore:Glyph .* missing from current font:UserWarning")
def test_map_labels_with_libraqm(with_raqm):
    ax = plot_map(small_map(), labels="all", lang="he", legend=False)
    assert _label_texts(ax) == {"משרד החינוך", f"{RLI}Intel ישראל{PDI}", "جمعية النور",
                                "University A", 'עמותה (חל"צ)', "דנה", "Omar"}


def test_map_labels_without_libraqm(without_raqm):
    ax = plot_map(small_map(), labels="all", lang="he", legend=False)
    reshaper = require("arabic_reshaper")
    assert _label_texts(ax) == {
        "ךוניחה דרשמ", "לארשי Intel",
        get_display(reshaper.reshape("جمعية النور"), base_dir="R"), "University A",
        '(צ"לח) התומע', "הנד", "Omar"}


def test_legend_and_ticks_go_through_the_helper(without_raqm):
    ax = plot_map(small_map(), labels=None, lang="he")
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "םירזגמ" in legend  # "מגזרים", reordered
    ax2 = plt.figure().subplots()
    plot_mixing(small_map(), ax=ax2, lang="he")
    assert [t.get_text() for t in ax2.get_yticklabels()][0] == "ירוביצ"  # "ציבורי"


def test_text_artists_do_not_parse_mathtext(with_raqm):
    import pandas as pd

    m = netmap.from_frames(pd.DataFrame({"id": ["a", "b"], "sector": ["public", "third"],
                                         "name": ["Fund $5 $x", "b"]}),
                           pd.DataFrame({"source": ["a"], "target": ["b"]}))
    ax = plot_map(m, labels="all")
    ax.get_figure().canvas.draw()  # a mathtext parse would fail on "$x"
    assert "Fund $5 $x" in _label_texts(ax)


# -- fonts and glyphs ------------------------------------------------------------------
def test_dejavu_sans_is_the_fallback():
    assert text.font_families("cmr10") == ["cmr10", "DejaVu Sans"]
    assert text.font_families(["DejaVu Sans"]) == ["DejaVu Sans"]


def test_hebrew_and_arabic_have_glyphs_in_the_default_fonts():
    assert text.missing_glyphs(["משרד החינוך", "جمعية النور", "Intel"]) == []


def test_a_font_without_hebrew_is_covered_by_the_fallback():
    assert text.missing_glyphs(["משרד"], "cmr10") == []


def test_missing_glyphs_are_named():
    assert text.missing_glyphs(["東京 office", "東"], "DejaVu Sans") == ["東", "京"]


def test_missing_glyphs_sees_a_font_found_later(monkeypatch):
    # No module-level cache of font lookups: once matplotlib finds a family
    # (a font added with addfont), its glyphs count at the next call.
    from matplotlib import font_manager

    stix = str(Path(matplotlib.get_data_path(), "fonts", "ttf", "STIXGeneral.ttf"))
    found: dict[str, str] = {}
    real = font_manager.findfont

    def findfont(prop, *args, **kwargs):
        if prop.get_family() == ["Later Font"]:
            if "Later Font" not in found:
                raise ValueError("no such font")
            return found["Later Font"]
        return real(prop, *args, **kwargs)

    monkeypatch.setattr(font_manager, "findfont", findfont)
    assert text.missing_glyphs(["\u1d81"], "Later Font") == ["\u1d81"]  # not in DejaVu Sans
    found["Later Font"] = stix
    assert text.missing_glyphs(["\u1d81"], "Later Font") == []


def test_a_plot_warns_naming_the_missing_glyphs():
    import pandas as pd

    m = netmap.from_frames(pd.DataFrame({"id": ["a", "b"], "sector": ["public", "third"],
                                         "name": ["東京 office", "Office B"]}),
                           pd.DataFrame({"source": ["a"], "target": ["b"]}))
    # matplotlib warns too, when it measures the label to place it ("missing from
    # current font" before 3.11).
    with pytest.warns(UserWarning, match="missing from (current )?font"), \
            pytest.warns(MissingGlyphWarning, match=r"'東' \(U\+6771\), '京' \(U\+4EAC\)"):
        plot_map(m, labels="all")


def test_no_warning_when_every_glyph_is_there(recwarn):
    plot_map(small_map(), labels="all", lang="he")
    assert not [w for w in recwarn if issubclass(w.category, MissingGlyphWarning)]


def test_a_plot_warns_once_about_unjoined_arabic(without_raqm, monkeypatch):
    monkeypatch.setitem(sys.modules, "arabic_reshaper", None)
    with pytest.warns(netmap.NetmapWarning, match="unjoined letters") as record:
        plot_map(small_map(), labels="all", label_column="name")
    unjoined = [w for w in record if "unjoined" in str(w.message)]
    assert len(unjoined) == 1
    assert unjoined[0].filename == __file__  # points at the call, not into netmap


def test_no_shaping_warning_with_libraqm(with_raqm, monkeypatch, recwarn):
    monkeypatch.setitem(sys.modules, "arabic_reshaper", None)
    plot_map(small_map(), labels="all", label_column="name")
    assert not [w for w in recwarn if "unjoined" in str(w.message)]


# -- the glyphs matplotlib lays out, with whatever engine it has -------------------------
def _glyphs_left_to_right(artist) -> tuple[int, ...]:
    """The glyphs of a Text artist in the order they are drawn, left to right.

    matplotlib's own layout of the string netmap hands it (with libraqm:
    reordered, brackets mirrored, by libraqm; without: in the string's
    order), read back by the x position of each glyph; invisible
    direction marks are left out. Glyphs, not characters: libraqm draws a
    mirrored bracket as the other bracket's glyph.
    """
    import unicodedata

    from matplotlib import _text_helpers

    items = sorted(_text_helpers.layout(artist.get_text(), _font(artist)), key=lambda i: i.x)
    return tuple(getattr(i, "glyph_index", getattr(i, "glyph_idx", None))  # 3.11, 3.8
                 for i in items if unicodedata.category(i.char) != "Cf")


def _font(artist):
    from matplotlib.font_manager import findfont, get_font

    font = get_font(findfont(artist.get_fontproperties()))
    font.set_size(artist.get_fontsize(), 72)
    return font


@pytest.mark.parametrize(("label", "seen"), [
    ("משרד החינוך", "ךוניחה דרשמ"),  # read right to left: the last letter leftmost
    ("Intel ישראל", "לארשי Intel"),  # a Hebrew label starting with a Latin word
    ('עמותה (חל"צ)', '(צ"לח) התומע'),  # brackets mirrored
])
def test_hebrew_labels_are_drawn_in_reading_order(label, seen):
    # No libraqm switch here: this runs on the installed matplotlib (3.11 with
    # libraqm in the main CI job, 3.8 with python-bidi in the lowest-versions job).
    ax = plot_map(small_map(), labels="all", lang="he", legend=False)
    drawn = {_glyphs_left_to_right(t) for t in ax.texts}
    font = _font(ax.texts[0])
    where = f"matplotlib {matplotlib.__version__}, libraqm {text.has_libraqm()}"
    assert tuple(font.get_char_index(ord(c)) for c in seen) in drawn, where
    # ... and not in the order it is typed
    assert tuple(font.get_char_index(ord(c)) for c in label) not in drawn, where
