"""A few plots compared pixel by pixel with reference images, Hebrew and Arabic among them.

The references are in ``tests/baseline/``; see its README for how they
are made. Rendering is fixed: the Agg backend, DejaVu Sans, no hinting,
72 dpi, matplotlib's default style, seeded layouts.
"""

import os
import shutil
from contextlib import contextmanager
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import pytest
from matplotlib import ft2font
from matplotlib.testing.compare import compare_images

import netmap
from conftest import missing
from netmap.plot import (
    has_libraqm,
    plot_bodies,
    plot_brokerage,
    plot_coverage,
    plot_map,
    plot_mixing,
)
from plot_fixtures import bodies_map, small_map

BASELINE = Path(__file__).parent / "baseline"
REGENERATE = os.environ.get("NETMAP_REGENERATE_BASELINES") == "1"
#: Root mean square difference (0-255) allowed, for small differences of
#: freetype builds; a label drawn in the wrong order is well above it.
TOLERANCE = 2.0
#: The matplotlib the references were drawn with (major.minor).
MATPLOTLIB = "3.11"


@pytest.fixture(autouse=True)
def the_references_matplotlib():
    """Compare only on the matplotlib the references were drawn with.

    Glyph rendering differs between matplotlib minor versions, so a picture
    is compared only with references of its own matplotlib: on another
    version (the lowest-versions job of .ci/run runs matplotlib 3.8) the
    test is skipped, saying so, and the order of right-to-left glyphs is
    checked there by tests/test_plot_text.py instead. On the references'
    version, a build without libraqm is a missing requirement: skipped
    here, failed under CI.
    """
    version = ".".join(matplotlib.__version__.split(".")[:2])
    if version != MATPLOTLIB:
        pytest.skip(f"reference images are for matplotlib {MATPLOTLIB}, this is "
                    f"{matplotlib.__version__}: pictures are compared only with references "
                    "of their own matplotlib (glyph order: tests/test_plot_text.py)")
    if not has_libraqm():
        missing(f"reference images are drawn with matplotlib {MATPLOTLIB} built with libraqm "
                f"(this is {matplotlib.__version__} without it): install the PyPI wheel, "
                "or redraw them (tests/baseline/README.md)")


@contextmanager
def fixed_rendering():
    with matplotlib.style.context("default"), matplotlib.rc_context({
            "font.family": ["DejaVu Sans"], "text.hinting": "none",
            "figure.dpi": 72, "savefig.dpi": 72,
            "path.simplify": False}):
        yield
    plt.close("all")


def _map_he(ax):
    plot_map(small_map(), ax=ax, labels="all", lang="he", seed=1,
             highlight_body="steering", title="מפת בעלי עניין")


def _map_sector_en(ax):
    plot_map(small_map(directed=True), ax=ax, layout="sector", labels="all", lang="en",
             size="degree", seed=1)


def _mixing_he(ax):
    plot_mixing(small_map(), ax=ax, stat="ratio", lang="he")


def _brokerage(ax):
    plot_brokerage(netmap.datasets.load_2x5(), ax=ax, top=5, lang="he")


def _bodies_he(ax):
    plot_bodies(bodies_map(), ax=ax, lang="he")


def _coverage_he(ax):
    plot_coverage(bodies_map(), ax=ax, goals=["math_skills", "reading", "robotics"],
                  crowded=2, lang="he",
                  goal_labels={"math_skills": "מתמטיקה", "reading": "קריאה",
                               "robotics": "רובוטיקה"})


CASES = {
    "map_he": (_map_he, (6, 4)),
    "map_sector_en": (_map_sector_en, (6, 4.5)),
    "mixing_he": (_mixing_he, (5, 4)),
    "brokerage_he": (_brokerage, (6, 3)),
    "bodies_he": (_bodies_he, (7, 2.6)),
    "coverage_he": (_coverage_he, (5, 2.6)),
}


def render(name, path):
    draw, size = CASES[name]
    with fixed_rendering():
        fig = plt.figure(figsize=size)
        draw(fig.subplots())
        fig.savefig(path, bbox_inches="tight")


@pytest.mark.parametrize("name", sorted(CASES))
def test_matches_the_reference_image(name, tmp_path):
    expected = BASELINE / f"{name}.png"
    actual = tmp_path / f"{name}.png"
    render(name, actual)
    if REGENERATE:
        shutil.copyfile(actual, expected)
    assert expected.exists(), f"no reference {expected}: see tests/baseline/README.md"
    failure = compare_images(str(expected), str(actual), tol=TOLERANCE)
    assert failure is None, failure


@pytest.mark.parametrize("name", ["map_he", "bodies_he", "coverage_he"])
def test_the_comparison_sees_reversed_hebrew(name, tmp_path, monkeypatch):
    # Drawing a plot as if matplotlib had no libraqm, on a build that has
    # it, reverses every Hebrew label a second time: the comparison fails.
    monkeypatch.delattr(ft2font, "__libraqm_version__")
    actual = tmp_path / f"{name}.png"
    render(name, actual)
    failure = compare_images(str(BASELINE / f"{name}.png"), str(actual), tol=TOLERANCE)
    assert failure is not None
