"""One colour per sector, safe for colour-blind readers, for every output that colours sectors.

The eight sectors of the default taxonomy take the Okabe-Ito palette
(Okabe and Ito 2008), whose colours stay apart under the common forms of
colour blindness: public blue, business orange, third sector bluish green,
and so on, with grey for ``other``. A sector a user adds takes a colour
of Paul Tol's colour-blind-safe "muted" palette chosen from its code, so
that a map keeps the same colours in every file, plot and report.

This module imports no plotting library; GEXF and GraphML writers and
the plots read their colours from here.
"""

from __future__ import annotations

import zlib

__all__ = ["SECTOR_COLORS", "EXTRA_COLORS", "sector_colors", "sector_color", "hex_to_rgb"]

#: The colour of each sector of the default taxonomy (Okabe-Ito; grey for other).
SECTOR_COLORS: dict[str, str] = {
    "public": "#0072B2",           # blue
    "business": "#E69F00",         # orange
    "third": "#009E73",            # bluish green
    "academia": "#CC79A7",         # reddish purple
    "philanthropy": "#56B4E9",     # sky blue
    "social_business": "#F0E442",  # yellow
    "community": "#D55E00",        # vermillion
    "other": "#999999",            # grey
}

#: Colours of sectors added to the taxonomy, in order (Paul Tol's "muted").
EXTRA_COLORS: tuple[str, ...] = (
    "#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677",
    "#882255", "#AA4499",
)


def _start(code: str) -> int:
    """Where an added sector's colour search starts in :data:`EXTRA_COLORS` (by its code)."""
    return zlib.crc32(code.encode("utf-8")) % len(EXTRA_COLORS)


def sector_colors(taxonomy=None) -> dict[str, str]:
    """The colour of every sector of a taxonomy, as ``#RRGGBB``.

    The default taxonomy's sectors get :data:`SECTOR_COLORS`. Every other
    sector gets one of :data:`EXTRA_COLORS`, starting from a choice fixed by
    its code (a CRC-32 of it) and moving on to the next colour not yet
    taken in this taxonomy, so that two added sectors never share a colour
    while there are colours left.

    Parameters
    ----------
    taxonomy : SectorTaxonomy, optional
        Default: :func:`netmap.default_taxonomy`.

    Returns
    -------
    dict of str to str
        Sector code to colour, in the taxonomy's order.

    Examples
    --------
    >>> from netmap.model.sectors import default_taxonomy
    >>> tax = default_taxonomy().with_sector("cooperative", core="business")
    >>> colors = sector_colors(tax)
    >>> colors["public"], colors["cooperative"] == sector_color("cooperative")
    ('#0072B2', True)
    """
    if taxonomy is None:
        from netmap.model.sectors import default_taxonomy

        taxonomy = default_taxonomy()
    out: dict[str, str] = {}
    taken: set[str] = set()
    for code in taxonomy.codes:
        if code in SECTOR_COLORS:
            out[code] = SECTOR_COLORS[code]
            continue
        start = _start(code)
        color = EXTRA_COLORS[start]
        for step in range(len(EXTRA_COLORS)):
            candidate = EXTRA_COLORS[(start + step) % len(EXTRA_COLORS)]
            if candidate not in taken:
                color = candidate
                break
        taken.add(color)
        out[code] = color
    return out


def sector_color(code: str, taxonomy=None) -> str:
    """The colour of one sector, as ``#RRGGBB``.

    With a taxonomy that holds ``code``, the colour is the one
    :func:`sector_colors` gives it. Without one, a sector outside
    :data:`SECTOR_COLORS` takes the colour its code points to.

    Examples
    --------
    >>> sector_color("third")
    '#009E73'
    >>> sector_color("cooperative") == sector_color("cooperative")
    True
    """
    if taxonomy is not None and code in taxonomy.codes:
        return sector_colors(taxonomy)[code]
    if code in SECTOR_COLORS:
        return SECTOR_COLORS[code]
    return EXTRA_COLORS[_start(code)]


def hex_to_rgb(color: str) -> tuple[int, int, int]:
    """Red, green and blue (0 to 255) of a ``#RRGGBB`` colour.

    Examples
    --------
    >>> hex_to_rgb("#0072B2")
    (0, 114, 178)
    """
    text = color.lstrip("#")
    if len(text) != 6:
        raise ValueError(f"not a #RRGGBB colour: {color!r}")
    return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)
