"""The interactive map: one HTML file to explore a map in a browser or a notebook.

:func:`netmap.plot.explore` draws the map with sigma.js (WebGL) over a graphology
graph, both vendored from the npm registry as minified files in
``netmap/plot/static`` (with their MIT licences) and inlined into the
page, so that the file opens with no network at all. The positions are
computed in Python by the same layout as :func:`netmap.plot.plot_map`
(:func:`netmap.plot.positions_of`), so that a screenshot of the page and
the picture of the same call agree, and the page opens at once. As the
picture does, the page moves its markers apart at the size they are drawn
(up to :data:`~netmap.plot.interactive.APART_UP_TO` actors), so that none
overlaps another at the first view.

Actors are coloured by sector (:mod:`netmap.model.palette`), shaped by
level (person a circle, organisation a square, body a triangle, sector a
diamond), sized by a measure (the number of ties by default); ties are
styled by class (partnership solid, exchange dashed, transactional
dotted, unclassified long dashes). The page has a hover card (name,
sector, level, organisation, bodies and roles, number of ties, brokerage
roles), highlights an actor's neighbours on click, toggles sectors and
tie classes from the legend, finds actors by name, selects a wave and
highlights the members of a body. Every word comes from the words
catalogue (group ``EXPLORE``); with ``lang="he"`` the page is laid out
right to left.

Labels never overlap: the page chooses which labels sigma.js draws, in
the order the static map labels in, each where its box (as sigma.js
draws it) is clear of the labels already placed, and chooses again when
the camera stops. A sector layout's discs and sector names are drawn
under the actors, as in the static map. Above :data:`MANY_TIES` ties
every tie is drawn solid and ties are hidden while the camera moves.

sigma.js draws labels glyph by glyph in the order of the string (sigma.js
issue #979), so Hebrew and Arabic labels are handed to it in visual order
(python-bidi, and arabic-reshaper for joined Arabic letters, the ``rtl``
extra); the card, the search and the lists show the names as written.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from netmap.model._params import allowed_words, check_int, check_seed
from netmap.model.exceptions import MeasureError, ParameterError
from netmap.model.vocabulary import LEVELS, ROLES, TIE_CLASSES
from netmap.plot._common import (
    actor_labels,
    actor_values,
    group_colors,
    ties_to_others,
    warn_missing,
)
from netmap.plot.layouts import separate
from netmap.plot.maps import positions_of
from netmap.plot.palette import NEUTRAL, sector_colors
from netmap.plot.text import _display_line, text_direction
from netmap.words import catalogue as _words
from netmap.words._names import actor_names, body_names

if TYPE_CHECKING:
    from netmap.model.stakeholder_map import StakeholderMap

__all__ = ["explore", "InteractiveMap", "LEVEL_SHAPES", "MANY_TIES", "APART_UP_TO", "TIE_DASHES",
           "VENDORED"]

#: Shape of each level on the interactive map (sigma.js shapes).
LEVEL_SHAPES: dict[str, str] = {"person": "circle", "organisation": "square",
                                "body": "triangle", "sector": "diamond"}

#: Dash and gap of each tie class, in pixels; (0, 0) is a solid line.
TIE_DASHES: dict[str, tuple[int, int]] = {
    "partnership": (0, 0),
    "exchange": (6, 4),
    "transactional": (2, 3),
    "unclassified": (10, 3),
}

#: Above this many ties the page draws every tie solid (no dashes by class), without
#: anti-aliasing, and hides the ties while the camera moves, and its legend says so.
MANY_TIES = 20_000

#: Up to this many actors the page's markers are moved apart at the size they are drawn,
#: as the static map's are, so that none overlaps another at the first view. Above, a
#: crowd is parted only by spreading it out of its sector's disc and over the sectors'
#: names (measured: the 1,000 actors a capped report draws), so the layout's positions
#: are drawn as they are.
APART_UP_TO = 500

#: The narrowest pane (pixels) the markers are moved apart for: a notebook cell or the
#: report's page, less the side panel; a wider pane leaves more room between them.
_PANE_WIDTH = 600

#: sigma.js's margin round the framed actors (``stagePadding`` in explore.js), pixels.
_STAGE_PADDING = 24

#: The vendored JavaScript libraries: file, npm package and version.
VENDORED: tuple[tuple[str, str, str], ...] = (
    ("graphology.umd.min.js", "graphology", "0.26.0"),
    ("sigma.min.js", "sigma", "4.0.4"),
)

_COLORS = ("'sector', 'core' or an actor column of groups")
_ROLES = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison")


@dataclass(frozen=True)
class InteractiveMap:
    """An interactive map: one self-contained HTML page.

    Displays itself in Jupyter (``_repr_html_``, the page in an iframe)
    and writes itself with :meth:`save`.

    Attributes
    ----------
    html : str
        The whole page: the libraries, the data and the script inlined.
    height : int
        The height of the map in pixels.
    """

    html: str
    height: int = 600

    def _repr_html_(self) -> str:
        """The page in an iframe, for Jupyter and for the report."""
        return iframe(self.html, self.height)

    def save(self, path) -> Path:
        """Write the page as one HTML file that opens with no network.

        Parameters
        ----------
        path : path-like
            The file to write (its folder must exist).

        Returns
        -------
        pathlib.Path
            The file written.
        """
        path = Path(path)
        path.write_text(self.html, encoding="utf-8")
        return path


def iframe(page: str, height: int) -> str:
    """An iframe that holds ``page`` (``srcdoc``, escaped), as wide as its container."""
    return (f'<iframe class="netmap-explore" srcdoc="{html.escape(page, quote=True)}" '
            f'style="width:100%;height:{int(height) + 100}px;border:0" '
            f'title="netmap"></iframe>')


def explore(m: StakeholderMap, *, layout="force", seed=0, size="ties", color="sector",
            lang: str = "en", wave=None, label_column: str | None = None,
            title: str | None = None, height: int = 600) -> InteractiveMap:
    """The map as an interactive page: hover, click, search, hide sectors, pick a wave.

    Parameters
    ----------
    m : StakeholderMap
        The map.
    layout : {"force", "sector"}, pandas.DataFrame or mapping, default "force"
        Where the actors stand, as for :func:`netmap.plot.plot_map`: the
        same ``layout`` and ``seed`` give the same positions as the
        picture, and the page moves its markers apart at their drawn size
        as the picture does (up to
        :data:`~netmap.plot.interactive.APART_UP_TO` actors). A sector
        layout (``"sector"``, or positions that carry
        its ``attrs["regions"]``) also draws each sector's disc and name.
    seed : int, numpy Generator or None, default 0
        Seeds a layout by name and sampled measures.
    size : str or pandas.Series, default "ties"
        What the size of an actor shows: ``"ties"`` (its number of ties,
        self-ties left out), a measure or a numeric actor column (as for
        :func:`netmap.plot.plot_map`), or values indexed by actor id. The
        area grows in proportion to the value.
    color : str, default "sector"
        The groups that colour the actors, and that the legend hides and
        shows: ``"sector"``, ``"core"`` or an actor column.
    lang : {"en", "he"}, default "en"
        Language of every word on the page and of the names; ``"he"`` lays
        the page out right to left.
    wave : optional
        The wave shown when the page opens (one of ``m.waves``); default
        all waves. A map with waves has a wave selector.
    label_column : str, optional
        The actor column that names actors; default ``name_<lang>``, else
        ``name``, else the id.
    title : str, optional
        The page's title; default the map's name, else "Interactive
        stakeholder map".
    height : int, default 600
        The height of the map in pixels.

    Returns
    -------
    InteractiveMap
        The page: ``.save(path)`` writes it, and Jupyter displays it.

    Raises
    ------
    netmap.ParameterError
        For an unknown ``layout``, ``size``, ``color``, ``label_column`` or
        ``lang``; a ``wave`` that is not one of the map's; a ``height``
        below 200.

    Warns
    -----
    netmap.DataWarning
        When actors have no value of ``size`` (drawn at the least size).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> import netmap
    >>> from netmap.plot import explore
    >>> m = netmap.datasets.load_2x5()
    >>> page = explore(m, lang="he")
    >>> out = page.save(pathlib.Path(tempfile.mkdtemp()) / "2x5.html")
    >>> '<html lang="he" dir="rtl">' in out.read_text(encoding="utf-8")
    True
    >>> "<script src" in page.html  # the libraries are inlined
    False

    References
    ----------
    .. [1] sigma.js, https://www.sigmajs.org (MIT licence); graphology,
       https://graphology.github.io (MIT licence).
    """
    lang = _words.check_lang(lang)
    check_seed(seed)
    check_int("height", height, minimum=200)
    if wave is not None and wave not in m.waves:
        raise ParameterError("wave", wave, "None or one of " + allowed_words(
            [str(w) for w in m.waves]) if m.waves else "None (the map has no waves)")
    pos = positions_of(m, layout=layout, seed=seed)
    data = _payload(m, pos, size=size, color=color, lang=lang, seed=seed,
                    label_column=label_column, height=height)
    data["wave"] = None if wave is None else list(m.waves).index(wave)
    heading = title or m.name or _words.say("EXPLORE", "title", lang)
    page = _template().render(
        lang=lang, direction=_words.direction(lang), title=heading, height=int(height),
        words=_ui_words(lang), data=data, libraries=_libraries(), script=_static("explore.js"),
        style=_static("explore.css"))
    return InteractiveMap(page, int(height))


# -- the page's pieces ------------------------------------------------------------------------
@cache
def _static(name: str) -> str:
    return resources.files("netmap.plot").joinpath("static", name).read_text(encoding="utf-8")


def _libraries() -> list[str]:
    return [_static(name) for name, _, _ in VENDORED]


@cache
def _template():
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("netmap.plot", "static"), autoescape=True,
        undefined=jinja2.StrictUndefined).get_template("explore.html.j2")


def _ui_words(lang: str) -> dict[str, str]:
    return dict(_words.words("EXPLORE", lang))


def _visual(text: str) -> str:
    """``text`` in visual order for sigma.js, which draws glyphs left to right as given."""
    if text.isascii():
        return text
    return "\n".join(_display_line(line, "auto", False, True, 3) for line in text.split("\n"))


# -- the data ---------------------------------------------------------------------------------
def _payload(m: StakeholderMap, pos: pd.DataFrame, *, size, color: str, lang: str, seed,
             label_column: str | None, height: int) -> dict:
    """Everything the page draws, as lists (JSON) indexed by actor and tie position."""
    arr = m.arrays
    names = actor_labels(m, lang, label_column)
    loops = arr.source == arr.target
    ties = ties_to_others(m)
    values, measure = _size_values(m, size, ties, seed, lang)
    groups, group_of = _groups(m, color, lang)
    level_codes = [LEVELS.codes[c] for c in arr.level]
    levels_present = [c for c in LEVELS.codes if c in set(level_codes)]
    radii = _radii(values)
    xy = _apart(pos, radii, height)
    nodes = {
        "id": [str(i) for i in arr.ids],
        "name": names.tolist(),
        "label": [_visual(s) for s in names],
        "rtl": [text_direction(s) == "rtl" for s in names],
        "x": np.round(xy[:, 0], 4).tolist(),
        "y": np.round(xy[:, 1], 4).tolist(),
        "size": np.round(radii, 2).tolist(),
        # the order in which labels are offered, as the static map's: greatest size first
        "rank": np.argsort(-np.where(np.isnan(values), -np.inf, values), kind="stable").tolist(),
        "group": group_of,
        "level": [levels_present.index(c) for c in level_codes],
        "ties": ties.tolist(),
        "org": _organisations(m, lang),
        "roles": _brokerage_roles(m, lang),
        "wm": _wave_masks(m, "actors"),
    }
    bodies, member_of = _bodies(m, lang)
    nodes["bodies"] = member_of
    keep = np.flatnonzero(~loops)
    classes = [TIE_CLASSES[c] for c in arr.tie_class[keep]]
    classes_present = [c for c in TIE_CLASSES if c in set(classes)]
    edges = {
        "s": arr.source[keep].tolist(),
        "t": arr.target[keep].tolist(),
        "c": [classes_present.index(c) for c in classes],
        "wm": np.asarray(_wave_masks(m, "ties"), dtype=np.int64)[keep].tolist()
        if m.waves else [],
    }
    return {
        "directed": bool(m.directed),
        "regions": _regions(m, pos, lang),
        "groups": groups,
        "levels": [{"name": _words.level_name(c, lang), "shape": LEVEL_SHAPES[c]}
                   for c in levels_present],
        "classes": [{"name": _words.plot_word(c, lang), "dash": TIE_DASHES[c][0],
                     "gap": TIE_DASHES[c][1]} for c in classes_present],
        "edgeColor": NEUTRAL,
        "edgeAlpha": float(np.clip(400 / max(len(keep), 1), 0.08, 0.7)),
        "manyTies": MANY_TIES,
        "measure": measure,
        "waves": [str(w) for w in m.waves],
        "bodies": bodies,
        "nodes": nodes,
        "edges": edges,
    }


def _regions(m, pos: pd.DataFrame, lang: str) -> list[dict]:
    """The sector layout's discs (centre, radius, colour, name), as the static map draws them."""
    regions = pos.attrs.get("regions")
    if regions is None:
        return []
    colors = sector_colors(m.taxonomy)
    out = []
    for r in regions.itertuples():
        code = r.Index
        name = _words.sector_name(m.taxonomy, code, lang) if code in m.taxonomy.codes \
            else str(code)
        out.append({"x": round(float(r.x), 4), "y": round(float(r.y), 4),
                    "r": round(float(r.radius), 4), "color": colors.get(code, NEUTRAL),
                    "name": name, "rtl": text_direction(name) == "rtl"})
    return out


def _apart(pos: pd.DataFrame, radii: np.ndarray, height: int) -> np.ndarray:
    """The layout's positions with the markers moved apart at their drawn size: ``n x 2``.

    As the static map moves its markers apart at their size in the
    picture, the page's are moved apart at their size in pixels
    (``radii``, and a pixel to spare) in a pane :data:`_PANE_WIDTH` wide
    and ``height`` high, framed as sigma.js frames them (the actors, or a
    sector layout's discs with room for their names, within its margin);
    in a wider pane they stand further apart. Above :data:`APART_UP_TO`
    actors the positions are the layout's.
    """
    xy = pos[["x", "y"]].to_numpy(dtype=float)
    if not 1 < len(xy) <= APART_UP_TO:
        return xy
    low, high = xy.min(axis=0), xy.max(axis=0)
    regions = pos.attrs.get("regions")
    if regions is not None and len(regions):  # the frame of explore.js: discs and names
        centre = regions[["x", "y"]].to_numpy(dtype=float)
        reach = 1.08 * regions["radius"].to_numpy(dtype=float)[:, None]
        x0, y0 = (centre - reach).min(axis=0)
        x1, y1 = (centre + reach).max(axis=0)
        pad = np.array([(x1 - x0) * 0.22, (y1 - y0) * 0.08])
        low = np.minimum(low, np.array([x0, y0]) - pad)
        high = np.maximum(high, np.array([x1, y1]) + pad)
    pane = np.array([_PANE_WIDTH, height], dtype=float) - 2 * _STAGE_PADDING
    scale = float(np.min(pane / np.maximum(high - low, 1e-12)))
    return separate(xy * scale, radii + 1.0) / scale


def _size_values(m, size, ties: np.ndarray, seed, lang: str) -> tuple[np.ndarray, str]:
    """The values that size the actors, and their name for the legend."""
    if isinstance(size, str) and size == "ties":
        return ties.astype(float), _words.say("EXPLORE", "number_of_ties", lang)
    values = actor_values(m, size, seed=seed)
    warn_missing(values, "size", "drawn at the least size", stacklevel=4)
    name = size if isinstance(size, str) else (values.name or "value")
    return values.to_numpy(dtype=float), _words.measure_name(str(name), lang)


def _radii(values: np.ndarray) -> np.ndarray:
    """Radii in pixels, area in proportion to the value, smaller on large maps."""
    n = len(values)
    shrink = min(1.0, (300 / max(n, 1)) ** 0.35)
    low, high = max(4.0 * shrink, 1.5), max(16.0 * shrink, 5.0)
    finite = np.isfinite(values)
    share = np.zeros(n)
    if finite.any():
        vmin, vmax = values[finite].min(), values[finite].max()
        if vmax > vmin:
            share[finite] = (values[finite] - vmin) / (vmax - vmin)
        else:
            share[finite] = 0.5
    return np.sqrt(low ** 2 + share * (high ** 2 - low ** 2))


def _groups(m, color: str, lang: str) -> tuple[list[dict], list[int]]:
    """The colour groups (name, colour, count) and each actor's group."""
    actors = m.actors
    if not isinstance(color, str) or (color not in ("sector", "core")
                                      and color not in actors.columns):
        raise ParameterError("color", color, _COLORS,
                             hint="the actor columns are " + ", ".join(map(str, actors.columns)))
    values = actors[color].astype(object)
    if color in ("sector", "core"):
        labels = [c for c in m.taxonomy.codes if (values == c).any()]
    else:
        labels = sorted(values.dropna().map(str).unique())
        values = values.map(lambda v: None if pd.isna(v) else str(v))
    try:
        colors = group_colors(m, color if color in ("sector", "core") else "column", labels)
    except MeasureError as err:
        raise ParameterError("color", color, _COLORS, hint=str(err)) from err
    index = {label: k for k, label in enumerate(labels)}
    other = len(labels)
    group_of = [index.get(v, other) for v in values]
    names = [_words.sector_name(m.taxonomy, c, lang) if color in ("sector", "core") else c
             for c in labels]
    groups = [{"name": n, "color": c, "n": int(group_of.count(k))}
              for k, (n, c) in enumerate(zip(names, colors, strict=True))]
    if other in group_of:
        groups.append({"name": _words.plot_word("no value", lang), "color": NEUTRAL,
                       "n": int(group_of.count(other))})
    return groups, group_of


def _organisations(m, lang: str) -> list[str | None]:
    """The name of each actor's organisation (persons), else None."""
    actors = m.actors
    if "org" not in actors.columns:
        return [None] * len(actors)
    names = actor_names(m, lang)
    return [None if pd.isna(o) else names.get(o, str(o)) for o in actors["org"]]


def _brokerage_roles(m, lang: str) -> list[str]:
    """Each actor's Gould-Fernandez roles with their counts, in words ("liaison 3")."""
    from netmap.measures.brokerage import brokerage

    n = m.n_actors
    if not m.n_ties:
        return [""] * n
    try:
        raw = brokerage(m, stat="raw")
    except MeasureError:
        return [""] * n
    raw = raw.reindex(m.arrays.ids)
    counts = raw[list(_ROLES)].fillna(0).to_numpy(dtype=int)
    words = [_words.plot_word(r, lang) for r in _ROLES]
    return [", ".join(f"{words[k]} {row[k]:,}" for k in np.flatnonzero(row)) for row in counts]


def _role_name(role, lang: str) -> str:
    if isinstance(role, str) and role in ROLES.codes:
        return _words.term_name(ROLES.term(role), lang)
    return "" if role is None or pd.isna(role) else str(role)


def _bodies(m, lang: str) -> tuple[list[dict], list[list]]:
    """The bodies with members on the map, and each actor's ``[body, role]`` pairs."""
    ms = m.memberships
    ids = m.arrays.ids
    member_of: list[list] = [[] for _ in range(len(ids))]
    if ms is None or not len(ms):
        return [], member_of
    where = ids.get_indexer(ms["actor"])
    body_ids = list(dict.fromkeys(b for b, w in zip(ms["body"], where, strict=True) if w >= 0))
    names = body_names(m, lang)
    roles = ms["role"] if "role" in ms.columns else pd.Series(None, index=ms.index)
    seen: set = set()
    for w, body, role in zip(where, ms["body"], roles, strict=True):
        if w < 0 or (w, body, role) in seen:
            continue
        seen.add((w, body, role))
        member_of[w].append([body_ids.index(body), _role_name(role, lang)])
    bodies = [{"id": str(b), "name": names.get(b, str(b))} for b in body_ids]
    return bodies, member_of


def _wave_masks(m, table: str) -> list[int]:
    """For each actor (or tie), the waves it holds at as bits (bit r: wave r), as ``m.at``."""
    if not m.waves:
        return []
    frame = m.actors if table == "actors" else m.ties
    masks = np.zeros(len(frame), dtype=np.int64)
    for r, w in enumerate(m.waves):
        present = getattr(m.at(w), table).index
        masks[frame.index.get_indexer(present)] |= np.int64(1) << r
    return masks.tolist()

