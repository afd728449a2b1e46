"""One palette for every plot and report: colours per sector, shapes per level, lines per tie class.

The sector colours are those of :mod:`netmap.model.palette` (re-exported here),
which the GEXF and GraphML writers and the HTML report use too; this
module adds what only plots need: markers per level, line styles per tie
class, colours per brokerage role. Nothing here imports matplotlib.
"""

from __future__ import annotations

from netmap.model.palette import EXTRA_COLORS, SECTOR_COLORS, sector_color, sector_colors

__all__ = [
    "SECTOR_COLORS",
    "EXTRA_COLORS",
    "LEVEL_MARKERS",
    "TIE_STYLES",
    "ROLE_COLORS",
    "NEUTRAL",
    "sector_colors",
    "sector_color",
]

#: Marker of each level (matplotlib marker codes): circle, square, triangle, and a
#: hexagon for the actors of a map rolled up to sectors.
LEVEL_MARKERS: dict[str, str] = {"person": "o", "organisation": "s", "body": "^",
                                 "sector": "h"}

#: Line style of each tie class (matplotlib line styles).
TIE_STYLES: dict[str, str] = {
    "partnership": "solid",
    "exchange": "dashed",
    "transactional": "dotted",
    "unclassified": "dashdot",
}

#: Colour of each Gould-Fernandez brokerage role (Paul Tol's "muted"),
#: distinct from the sector colours.
ROLE_COLORS: dict[str, str] = {
    "coordinator": "#DDCC77",
    "itinerant": "#88CCEE",
    "representative": "#44AA99",
    "gatekeeper": "#AA4499",
    "liaison": "#332288",
}

#: Grey for ties, outlines and other marks that carry no sector.
NEUTRAL = "#555555"
