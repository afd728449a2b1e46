"""Plots of a stakeholder map: the network map, sector mixing, brokers, bodies, goals, waves.

Every plot function takes the map first and keyword options after it,
draws on ``ax=`` (default the current Axes), returns the Axes and never
shows, saves or opens a figure of its own. Colours, markers and line
styles come from one palette (:mod:`netmap.plot.palette`); every string
goes through :mod:`netmap.plot.text`, so Hebrew and Arabic read right to
left whether or not matplotlib has libraqm.

``import netmap`` does not import matplotlib, nor does this package until
a plot is drawn.

May import: :mod:`netmap.findings`, :mod:`netmap.structure`,
:mod:`netmap.measures`, :mod:`netmap.words` and :mod:`netmap.model`.

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

from netmap.model.exceptions import MissingGlyphWarning
from netmap.plot import palette, text
from netmap.plot.bodies_plot import plot_bodies
from netmap.plot.brokerage_plot import plot_brokerage
from netmap.plot.coverage_plot import plot_coverage
from netmap.plot.interactive import InteractiveMap, explore
from netmap.plot.layouts import layout
from netmap.plot.maps import plot_map, positions_of
from netmap.plot.mixing_plot import plot_mixing
from netmap.plot.palette import LEVEL_MARKERS, SECTOR_COLORS, TIE_STYLES, sector_colors
from netmap.plot.text import display_text, has_libraqm
from netmap.plot.waves import plot_waves

__all__ = [
    "plot_map",
    "plot_mixing",
    "plot_brokerage",
    "plot_bodies",
    "plot_coverage",
    "plot_waves",
    "explore",
    "InteractiveMap",
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
