"""One palette for every plot and report: colours per sector, shapes per level, lines per tie class.

The eight sectors of the default taxonomy keep the same colour everywhere,
taken from the colour-blind-safe palette of Okabe and Ito (2008), with a
neutral grey for ``other``. A sector a user adds gets a colour from Paul
Tol's colour-blind-safe "muted" scheme, chosen from its code, so that it
too keeps its colour from one plot to the next. Nothing here imports
matplotlib: the HTML report reads the same colours.
"""

from __future__ import annotations

import zlib

from ..sectors import SectorTaxonomy, default_taxonomy

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

#: Colour of each sector of the default taxonomy (Okabe and Ito 2008).
SECTOR_COLORS: dict[str, str] = {
    "public": "#0072B2",  # blue
    "business": "#E69F00",  # orange
    "third": "#009E73",  # bluish green
    "academia": "#CC79A7",  # reddish purple
    "philanthropy": "#56B4E9",  # sky blue
    "social_business": "#F0E442",  # yellow
    "community": "#D55E00",  # vermillion
    "other": "#999999",  # grey
}

#: Colours for sectors outside the default taxonomy (Paul Tol's "muted").
EXTRA_COLORS: tuple[str, ...] = (
    "#332288", "#88CCEE", "#44AA99", "#117733", "#999933",
    "#DDCC77", "#CC6677", "#882255", "#AA4499",
)

#: Marker of each level (matplotlib marker codes): circle, square, triangle.
LEVEL_MARKERS: dict[str, str] = {"person": "o", "organisation": "s", "body": "^"}

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


def sector_colors(taxonomy: SectorTaxonomy | None = None) -> dict[str, str]:
    """The colour of every sector of a taxonomy, as hex strings.

    The default taxonomy's sectors get :data:`SECTOR_COLORS`. Every other
    sector gets one of :data:`EXTRA_COLORS`, starting from a choice fixed by
    its code (a CRC-32 of it), moving on to the next colour not yet taken
    in this taxonomy, so that two added sectors never share a colour while
    there are colours left.

    Parameters
    ----------
    taxonomy : SectorTaxonomy, optional
        Default :func:`netmap.default_taxonomy`.

    Returns
    -------
    dict of str to str
        Sector code to ``#RRGGBB``, in taxonomy order.

    Examples
    --------
    >>> from netmap.plot.palette import sector_colors
    >>> sector_colors()["public"]
    '#0072B2'
    >>> import netmap
    >>> tax = netmap.default_taxonomy().with_sector("cooperative")
    >>> sector_colors(tax)["cooperative"] == sector_colors(tax)["cooperative"]
    True
    """
    taxonomy = taxonomy or default_taxonomy()
    colors: dict[str, str] = {}
    taken = set()
    for code in taxonomy.codes:
        if code in SECTOR_COLORS:
            colors[code] = SECTOR_COLORS[code]
            continue
        start = zlib.crc32(code.encode("utf-8")) % len(EXTRA_COLORS)
        for step in range(len(EXTRA_COLORS)):
            color = EXTRA_COLORS[(start + step) % len(EXTRA_COLORS)]
            if color not in taken:
                break
        else:
            color = EXTRA_COLORS[start]
        taken.add(color)
        colors[code] = color
    return colors


def sector_color(code: str, taxonomy: SectorTaxonomy | None = None) -> str:
    """The colour of one sector; see :func:`sector_colors`.

    Examples
    --------
    >>> sector_color("third")
    '#009E73'
    """
    colors = sector_colors(taxonomy)
    if code not in colors:
        raise KeyError(f"{code!r} is not a sector of the taxonomy; known: "
                       f"{', '.join(colors)}")
    return colors[code]
