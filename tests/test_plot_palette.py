"""One palette: fixed colours per sector code, markers per level, line styles per tie class."""

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.colors import is_color_like, to_rgba

import netmap
from conftest import python_prints
from netmap.measures.brokerage import ROLES
from netmap.model.vocabulary import LEVELS, TIE_CLASSES
from netmap.plot import plot_map
from netmap.plot.palette import (
    EXTRA_COLORS,
    LEVEL_MARKERS,
    ROLE_COLORS,
    SECTOR_COLORS,
    TIE_STYLES,
    sector_color,
    sector_colors,
)


def test_every_default_sector_has_its_own_colour():
    colors = sector_colors()
    assert list(colors) == list(netmap.default_taxonomy().codes)
    assert colors == SECTOR_COLORS
    assert len(set(colors.values())) == len(colors)
    assert all(is_color_like(c) for c in colors.values())


def test_okabe_ito_colours_for_the_core_sectors():
    assert (SECTOR_COLORS["public"], SECTOR_COLORS["business"],
            SECTOR_COLORS["third"]) == ("#0072B2", "#E69F00", "#009E73")


def test_added_sectors_get_fixed_distinct_colours():
    tax = netmap.default_taxonomy()
    for code in ("cooperative", "municipal_company", "diaspora", "media"):
        tax = tax.with_sector(code)
    colors = sector_colors(tax)
    added = [colors[c] for c in ("cooperative", "municipal_company", "diaspora", "media")]
    assert len(set(added)) == 4 and set(added) <= set(EXTRA_COLORS)
    # The same code keeps its colour in another taxonomy, when it is free there.
    alone = sector_colors(netmap.default_taxonomy().with_sector("cooperative"))
    assert alone["cooperative"] == colors["cooperative"]
    assert sector_color("cooperative", tax) == colors["cooperative"]


def test_more_added_sectors_than_colours_still_get_one():
    tax = netmap.default_taxonomy()
    for k in range(len(EXTRA_COLORS) + 3):
        tax = tax.with_sector(f"s{k}")
    colors = sector_colors(tax)
    assert all(colors[f"s{k}"] in EXTRA_COLORS for k in range(len(EXTRA_COLORS) + 3))


def test_unknown_sector_colour_is_fixed_by_its_code():
    from netmap.plot.palette import EXTRA_COLORS

    assert sector_color("fourth") in EXTRA_COLORS
    assert sector_color("fourth") == sector_color("fourth")


def test_markers_lines_and_roles_cover_their_vocabularies():
    assert set(LEVEL_MARKERS) == set(LEVELS.codes)
    assert len(set(LEVEL_MARKERS.values())) == len(LEVEL_MARKERS)
    assert set(TIE_STYLES) == set(TIE_CLASSES)
    assert len(set(TIE_STYLES.values())) == 4
    assert set(ROLE_COLORS) == set(ROLES)
    assert not set(ROLE_COLORS.values()) & set(SECTOR_COLORS.values())


def test_the_palette_does_not_import_matplotlib():
    code = ("import sys; import netmap.plot.palette, netmap.plot.text; "
            "print('matplotlib' in sys.modules)")
    out = python_prints(code)
    assert out == "False"


@st.composite
def small_maps(draw):
    n = draw(st.integers(2, 9))
    sectors = draw(st.lists(st.sampled_from(["public", "business", "third", "academia",
                                             "community"]), min_size=n, max_size=n))
    pairs = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)),
                          max_size=15, unique=True))
    pairs = [(a, b) for a, b in pairs if a != b]
    kinds = draw(st.lists(st.sampled_from(["partnership", "information", "funding", None]),
                          min_size=len(pairs), max_size=len(pairs)))
    directed = draw(st.booleans())
    ids = [f"a{i}" for i in range(n)]
    actors = pd.DataFrame({"id": ids, "sector": sectors})
    ties = pd.DataFrame({"source": [ids[a] for a, _ in pairs],
                         "target": [ids[b] for _, b in pairs], "type": kinds},
                        columns=["source", "target", "type"])
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", netmap.DataWarning)  # reversed duplicates
        return netmap.from_frames(actors, ties, directed=directed)


@settings(max_examples=25, deadline=None)
@given(small_maps())
def test_any_map_draws_a_segment_per_tie_and_a_colour_per_actor(m):
    fig, ax = plt.subplots()
    try:
        plot_map(m, ax=ax, labels=None)
        (ties,) = [c for c in ax.collections if c.get_gid() == "netmap-ties"]
        assert len(ties.get_segments()) == m.n_ties
        arrows = [c for c in ax.collections if c.get_gid() == "netmap-arrows"]
        assert len(arrows) == (1 if m.directed and m.n_ties else 0)
        (dots,) = [c for c in ax.collections if c.get_gid() == "netmap-nodes-organisation"]
        expected = [to_rgba(SECTOR_COLORS[s]) for s in m.actors["sector"]]
        assert np.allclose(dots.get_facecolors(), expected)
        texts = [t.get_text() for t in ax.get_legend().get_texts()]
        present = [c for c in netmap.default_taxonomy().codes
                   if (m.actors["sector"] == c).any()]
        assert texts[1:1 + len(present)] == [netmap.default_taxonomy().display_name(c)
                                             for c in present]
    finally:
        plt.close(fig)
