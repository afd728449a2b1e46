"""Plots of a stakeholder map: the network map, sector mixing, brokers, bodies, goals, waves.

Every plot function takes the map first and keyword options after it,
draws on ``ax=`` (default the current Axes), returns the Axes and never
shows, saves or opens a figure of its own. Colours, markers and line
styles come from one palette (:mod:`netmap.plot.palette`); every string
goes through :mod:`netmap.plot.text`, so Hebrew and Arabic read right to
left whether or not matplotlib has libraqm.

``import netmap`` does not import matplotlib, nor does this package until
a plot is drawn.

Examples
--------
>>> import matplotlib
>>> matplotlib.use("Agg")
>>> import matplotlib.pyplot as plt
>>> import netmap
>>> from netmap import plot
>>> fig, ax = plt.subplots()
>>> ax = plot.plot_mixing(netmap.datasets.load_2x5())
>>> plt.close(fig)
"""

from ..exceptions import MissingGlyphWarning
from . import palette, text
from .bodies_plot import plot_bodies
from .brokerage_plot import plot_brokerage
from .coverage_plot import plot_coverage
from .layouts import layout
from .maps import plot_map, positions_of
from .mixing_plot import plot_mixing
from .palette import LEVEL_MARKERS, SECTOR_COLORS, TIE_STYLES, sector_colors
from .text import display_text, has_libraqm
from .waves import plot_waves

__all__ = [
    "plot_map",
    "plot_mixing",
    "plot_brokerage",
    "plot_bodies",
    "plot_coverage",
    "plot_waves",
    "layout",
    "positions_of",
    "sector_colors",
    "SECTOR_COLORS",
    "LEVEL_MARKERS",
    "TIE_STYLES",
    "display_text",
    "has_libraqm",
    "MissingGlyphWarning",
    "palette",
    "text",
]
