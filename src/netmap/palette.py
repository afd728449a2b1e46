"""One colour per sector, safe for colour-blind readers, for every output that colours sectors.

The eight sectors of the default taxonomy take the Okabe-Ito palette
(Okabe and Ito 2008), whose colours stay apart under the common forms of
colour blindness: public blue, business orange, third sector bluish green,
and so on, with grey for ``other``. Sectors a user adds to the taxonomy
take Paul Tol's "muted" palette, in the taxonomy's order, so that a map
keeps the same colours in every file and every plot it is drawn in.

This module imports no plotting library; GEXF and GraphML writers and
the plots read their colours from here.
"""

from __future__ import annotations

import hashlib

__all__ = ["SECTOR_COLORS", "EXTRA_COLORS", "sector_colors", "sector_color", "hex_to_rgb"]

#: The colour of each sector of the default taxonomy (Okabe-Ito; grey for other).
SECTOR_COLORS: dict[str, str] = {
    "public": "#0072B2",           # blue
    "business": "#E69F00",         # orange
    "third": "#009E73",            # bluish green
    "academia": "#CC79A7",         # reddish purple
    "philanthropy": "#56B4E9",     # sky blue
    "social_business": "#D55E00",  # vermillion
    "community": "#F0E442",        # yellow
    "other": "#999999",            # grey
}

#: Colours of sectors added to the taxonomy, in order (Paul Tol's "muted").
EXTRA_COLORS: tuple[str, ...] = (
    "#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677",
    "#882255", "#AA4499",
)


def sector_colors(taxonomy=None) -> dict[str, str]:
    """The colour of every sector of a taxonomy, as ``#RRGGBB``.

    Parameters
    ----------
    taxonomy : SectorTaxonomy, optional
        Default: :func:`netmap.sectors.default_taxonomy`.

    Returns
    -------
    dict of str to str
        Sector code to colour, in the taxonomy's order. Sectors of the
        default taxonomy have their :data:`SECTOR_COLORS`; the others take
        :data:`EXTRA_COLORS` in the order they appear in the taxonomy,
        starting again after the ninth.

    Examples
    --------
    >>> from netmap.sectors import default_taxonomy
    >>> tax = default_taxonomy().with_sector("cooperative", core="business")
    >>> colors = sector_colors(tax)
    >>> colors["public"], colors["cooperative"]
    ('#0072B2', '#332288')
    """
    if taxonomy is None:
        from .sectors import default_taxonomy

        taxonomy = default_taxonomy()
    out: dict[str, str] = {}
    extra = 0
    for code in taxonomy.codes:
        if code in SECTOR_COLORS:
            out[code] = SECTOR_COLORS[code]
        else:
            out[code] = EXTRA_COLORS[extra % len(EXTRA_COLORS)]
            extra += 1
    return out


def sector_color(code: str, taxonomy=None) -> str:
    """The colour of one sector, as ``#RRGGBB``.

    With a taxonomy that holds ``code``, the colour is the one
    :func:`sector_colors` gives it. Without one, a sector outside
    :data:`SECTOR_COLORS` takes a colour of :data:`EXTRA_COLORS` chosen
    from a hash of its code, the same in every run.

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
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return EXTRA_COLORS[digest[0] % len(EXTRA_COLORS)]


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
