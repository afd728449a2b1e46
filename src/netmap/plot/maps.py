"""The network map: actors coloured by sector, shaped by level, sized by a measure."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, cast

import numpy as np
import pandas as pd

from netmap.model._params import allowed_words, check_choice, check_int, check_number
from netmap.model.exceptions import ParameterError
from netmap.model.vocabulary import LEVELS, TIE_CLASSES
from netmap.plot._common import (
    Fonts,
    actor_labels,
    actor_values,
    get_ax,
    root_figure,
    scale_sizes,
    warn_missing,
)
from netmap.plot._placement import place_labels
from netmap.plot.layouts import LAYOUTS, separate
from netmap.plot.layouts import layout as compute_layout
from netmap.plot.palette import LEVEL_MARKERS, NEUTRAL, TIE_STYLES, sector_colors
from netmap.words import catalogue as _words

if TYPE_CHECKING:
    from netmap.model.stakeholder_map import StakeholderMap

__all__ = ["plot_map", "positions_of", "LABEL_AREA"]

#: With ``labels="top"`` and ``top=None``, one label per this many square
#: inches of the Axes (about 20 labels on an 8 x 7 inch map).
LABEL_AREA = 3.0

_LABELS = ("all", "top")
_LABELS_ALLOWED = "'top', 'all', a list of actor ids or None"
_LAYOUT = ("'force', 'sector', a DataFrame of x and y indexed by actor id (such as "
           "netmap.plot.layout(m) returns) or a mapping of actor id to (x, y)")
# A light box behind each label, so that ties and markers do not cross its letters.
_LABEL_BOX = {"boxstyle": "round,pad=0.12", "facecolor": "white", "edgecolor": "none",
              "alpha": 0.75}


def positions_of(m: StakeholderMap, *, layout="force", seed=0) -> pd.DataFrame:
    """Positions of every actor of ``m`` from a layout name or given positions.

    Parameters
    ----------
    m : StakeholderMap
        The map.
    layout : {"force", "sector"}, pandas.DataFrame or mapping
        A layout of :func:`netmap.plot.layout`, a DataFrame with columns
        ``x`` and ``y`` indexed by actor id (such as one
        :func:`netmap.plot.layout` returned, for another map with the same
        actors or more), or a mapping of actor id to ``(x, y)`` (as
        networkx layouts return).
    seed : int, numpy Generator or None, default 0
        For a layout name: the same seed gives the same positions; None
        draws fresh randomness.

    Returns
    -------
    pandas.DataFrame
        ``x`` and ``y``, indexed by the actor ids of ``m`` in their order;
        ``attrs["regions"]`` kept from a sector layout, and
        ``attrs["bounds"]``, the least and greatest ``x`` and ``y`` of all
        the positions given (and of their own ``attrs["bounds"]``), so that
        maps drawn from one layout share a frame.

    Raises
    ------
    netmap.ParameterError
        For an unknown layout name, a ``layout`` of another kind, or given
        positions that miss actors of the map or are not finite.
    """
    if isinstance(layout, str):
        return compute_layout(m, kind=check_choice("layout", layout, LAYOUTS), seed=seed)
    if isinstance(layout, pd.DataFrame):
        missing_cols = [c for c in ("x", "y") if c not in layout.columns]
        if missing_cols:
            raise ParameterError("layout", layout, _LAYOUT,
                                 hint=f"the layout has no column {missing_cols[0]!r}")
        pos = layout
    elif isinstance(layout, Mapping):
        pos = pd.DataFrame.from_dict({k: tuple(v)[:2] for k, v in layout.items()},
                                     orient="index", columns=["x", "y"])
    else:
        raise ParameterError("layout", layout, _LAYOUT)
    ids = m.arrays.ids
    missing = ids.difference(pos.index)
    if len(missing):
        raise ParameterError(
            "layout", layout, _LAYOUT,
            hint=f"the layout has no position for {len(missing)} actors, such as "
                 f"{missing[0]!r}; compute the positions on a map that holds every actor, "
                 "such as netmap.plot.layout(m)")
    out = pos.loc[ids, ["x", "y"]].astype(float)
    bad = ~np.isfinite(out.to_numpy()).all(axis=1)
    if bad.any():
        raise ParameterError(
            "layout", layout, _LAYOUT,
            hint=f"the layout's position of {int(bad.sum())} actors is not a pair of finite "
                 f"numbers, such as {out.index[bad][0]!r}; give every actor a finite x and y")
    out.attrs = dict(pos.attrs)
    given = pos[["x", "y"]].to_numpy(dtype=float)
    if "bounds" in pos.attrs:
        given = np.vstack([given, np.reshape(pos.attrs["bounds"], (2, 2))])
    if len(given):
        out.attrs["bounds"] = np.concatenate([given.min(axis=0), given.max(axis=0)])
    return out


def _default_sizes(n: int) -> tuple[float, tuple[float, float]]:
    """Marker area for a map of ``n`` actors, and the range when sized by a measure."""
    shrink = min(1.0, 150 / max(n, 1))
    base = max(80 * shrink, 4.0)
    return base, (max(25 * shrink, 2.0), max(400 * shrink, 30.0))


def _tie_alpha(n_ties: int) -> float:
    return float(np.clip(250 / max(n_ties, 1), 0.12, 0.6))


def _arrowheads(ax, xy: np.ndarray, source: np.ndarray, target: np.ndarray,
                target_radius: np.ndarray, color, alpha: float):
    """One collection of arrowheads, tips at the edge of each target's marker."""
    from matplotlib.collections import PolyCollection
    from matplotlib.transforms import Affine2D

    fig = root_figure(ax)
    delta = xy[target] - xy[source]
    angle = np.arctan2(delta[:, 1], delta[:, 0])
    length, half = 6.0, 2.4
    tip = target_radius + 1.0
    base = np.array([[0.0, 0.0], [-length, half], [-length, -half]])
    cos, sin = np.cos(angle)[:, None], np.sin(angle)[:, None]
    shifted = base[None, :, :] - np.array([tip, np.zeros_like(tip)]).T[:, None, :]
    verts = np.stack([shifted[..., 0] * cos - shifted[..., 1] * sin,
                      shifted[..., 0] * sin + shifted[..., 1] * cos], axis=-1)
    arrows = PolyCollection(
        list(verts), offsets=xy[target], offset_transform=ax.transData,
        transform=Affine2D().scale(1 / 72) + fig.dpi_scale_trans,
        facecolors=color, edgecolors="none", alpha=min(1.0, alpha + 0.2), zorder=1.5)
    arrows.set_gid("netmap-arrows")
    ax.add_collection(arrows, autolim=False)
    return arrows


def _legend_handles(entries):
    """Handles of legend entries ``(kind, label, style)``: header, marker, line or patch."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles, labels, headers = [], [], []
    for kind, label, style in entries:
        if kind == "header":
            handles.append(Line2D([], [], linestyle="none", marker="none"))
            headers.append(len(labels))
        elif kind == "marker":
            handles.append(Line2D([], [], linestyle="none", **style))
        elif kind == "patch":
            handles.append(Patch(**style))
        else:
            handles.append(Line2D([], [], **style))
        labels.append(label)
    return handles, labels, headers


def draw_legend(ax, entries, fonts: Fonts, lang: str, fontsize: float):
    """A legend with bold section headings, outside the Axes on the reading side."""
    handles, labels, headers = _legend_handles(entries)
    rtl = _words.direction(lang) == "rtl"
    legend = ax.legend(
        handles, [fonts.show(s) for s in labels],
        loc="upper right" if rtl else "upper left",
        bbox_to_anchor=(-0.01, 1.0) if rtl else (1.01, 1.0),
        borderaxespad=0.0, frameon=False, markerfirst=not rtl,
        alignment="right" if rtl else "left", handletextpad=0.6,
        prop={"family": list(fonts.families), "size": fontsize})
    for k, t in enumerate(legend.get_texts()):
        t.set_parse_math(False)
        if k in headers:
            t.set_fontweight("bold")
    legend.set_gid("netmap-legend")
    return legend


def plot_map(m: StakeholderMap, *, ax=None, layout="force", seed=0, size=None,
             labels="top", top=None, label_by=None, label_column=None, lang="en",
             highlight_body=None, hull=False, legend=True, title=None, font=None,
             fontsize=8.0, size_range=None, node_size=None):
    """Draw the stakeholder map: actors by sector, level and a measure, ties by class.

    Actors are coloured by sector (:func:`netmap.model.palette.sector_colors`),
    shaped by level (person a circle, organisation a square, body a
    triangle) and sized by ``size``; ties are one line collection, styled
    by tie class (partnership solid, exchange dashed, transactional
    dotted, unclassified dash-dot); a directed map adds one collection of
    arrowheads. Self-ties are not drawn; parallel ties (two types between
    one pair) are drawn on top of each other.

    Parameters
    ----------
    m : StakeholderMap
        The map.
    ax : matplotlib.axes.Axes, optional
        Where to draw; default the current Axes.
    layout : {"force", "sector"}, pandas.DataFrame or mapping, default "force"
        How to place the actors: see :func:`netmap.plot.layout`, or
        positions (:func:`positions_of`). A sector layout (by name, or
        positions that carry its ``attrs["regions"]``) also draws each
        sector's disc and name.
    seed : int, numpy Generator or None, default 0
        Seeds a layout by name: the same seed draws the same map; None draws
        fresh randomness.
    size : str or pandas.Series, optional
        What marker area shows: an actor column, a measure (``ties``,
        the number of ties to other actors, a self-tie left out, as on
        :func:`netmap.plot.explore`; ``degree``, degree centrality; ``betweenness``,
        ``closeness``, ``eigenvector``, a brokerage role such as
        ``liaison``, ``constraint``, ``effective_size``,
        ``cross_brokerage``, ``sectors_reached``), or values indexed by
        actor id. Areas run linearly from the least to the greatest
        value. None: one size for all.
    labels : {"top", "all"}, list of actor ids, or None, default "top"
        Which actors get a label: the ``top`` first by ``label_by``, all,
        the ones listed, or none.
    top : int, optional
        How many actors ``labels="top"`` labels at most. None: as many as
        the picture has room for, one per ``netmap.plot.maps.LABEL_AREA`` (3) square inches
        of the Axes. Either way a label that cannot be placed clear of
        every other label and marker is left out.
    label_by : str or pandas.Series, optional
        What ranks actors for labelling (and for label placement, which
        places the highest first); default ``size``, or degree.
    label_column : str, optional
        The actor column that labels show (or ``"id"``). Default:
        ``name_<lang>`` (``name_en`` for English) when the map has it, else ``name``,
        else the id. Hebrew and Arabic labels read right to left
        (:mod:`netmap.plot.text`).
    lang : {"en", "he"}, default "en"
        Language of sector names, legend and default labels; in Hebrew
        the legend stands on the left.
    highlight_body : str, optional
        A body id: its members (present in the map) get a dark ring.
    hull : bool, default False
        With ``highlight_body``, also shade the convex hull of its members.
    legend : bool, default True
        Draw the legend (sectors, levels, tie classes, sizes, highlight)
        outside the Axes. Save with ``bbox_inches="tight"`` to keep it.
    title : str, optional
        A title for the Axes.
    font : str or list of str, optional
        Font families for every text; default matplotlib's
        ``font.family``. DejaVu Sans (Hebrew and Arabic) is always added
        as the fallback.
    fontsize : float, default 8
        Size of labels and legend, in points.
    size_range : (float, float), optional
        Least and greatest marker area in points squared, with ``size``;
        default from the number of actors.
    node_size : float, optional
        Marker area in points squared without ``size``; default from the
        number of actors (80 up to 150 actors, smaller above).

    Returns
    -------
    matplotlib.axes.Axes
        With artists of these ``gid``: ``netmap-ties`` (a LineCollection,
        one segment per tie that is not a self-tie, in the order of
        ``m.ties``), ``netmap-arrows`` (directed maps),
        ``netmap-nodes-<level>`` (one PathCollection per level present,
        actors in the order of ``m.actors``), ``netmap-highlight``,
        ``netmap-regions`` and ``netmap-legend``.

    Raises
    ------
    netmap.ParameterError
        For a ``highlight_body`` that is not a body of the map; an unknown
        ``size`` or ``label_by`` or a non-numeric column; a ``layout`` that
        is unknown, misses actors or is not finite; ``labels`` naming an
        actor the map does not have; an unknown ``label_column``; a
        ``fontsize``, ``node_size`` or ``size_range`` that is not positive.

    Warns
    -----
    netmap.DataWarning
        When actors have no value of ``size`` (drawn at the least size) or
        of ``label_by`` (labelled last).
    netmap.model.exceptions.MissingGlyphWarning
        When a label has characters that the fonts cannot draw.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> import netmap
    >>> from netmap.plot import plot_map
    >>> fig, ax = plt.subplots(figsize=(8, 6))
    >>> ax = plot_map(netmap.datasets.load_2x5(), ax=ax, size="betweenness", seed=1)
    >>> len(ax.collections[0].get_segments())
    394
    >>> plt.close(fig)
    """
    lang = _words.check_lang(lang)
    top = check_int("top", top, minimum=1, allow_none=True)
    _check_sizes(fontsize, size_range, node_size)
    fonts = Fonts.of(font)
    ax = get_ax(ax)
    arr = m.arrays
    pos = positions_of(m, layout=layout, seed=seed)
    xy = pos[["x", "y"]].to_numpy(dtype=float)
    n = arr.n_actors
    taxonomy = m.taxonomy
    colors = sector_colors(taxonomy)
    sector_codes = np.asarray(arr.sectors, dtype=object)[arr.sector] if n else np.array([])
    node_colors = np.array([colors[c] for c in sector_codes], dtype=object)

    base, default_range = _default_sizes(n)
    low, high = size_range or default_range
    size_values = None
    if size is None:
        areas = np.full(n, float(node_size) if node_size is not None else base)
    else:
        size_values = actor_values(m, size, seed=seed)
        warn_missing(size_values, "size", "drawn at the least size", stacklevel=2)
        areas = scale_sizes(size_values.to_numpy(), low, high)
    radii = np.sqrt(areas) / 2  # points
    # Everything that can be wrong with the arguments, before drawing anything.
    label_ids = _chosen_labels(m, labels, top, label_by, size, size_values, seed)
    names = actor_labels(m, lang, label_column)
    members = None if highlight_body is None else _members(m, highlight_body)

    # The frame first: a layout by name is then moved apart in the picture,
    # so that no two markers overlap at their drawn size.
    regions = pos.attrs.get("regions")
    bounds = pos.attrs.get("bounds")
    if isinstance(layout, str):
        xy = _apart(ax, xy, radii, bounds, regions)
    frame_xy = _frame_points(xy, bounds, regions)
    _frame(ax, frame_xy)

    # Ties: one collection, one segment per tie that is not a self-tie.
    loops = arr.source == arr.target
    src, dst = arr.source[~loops], arr.target[~loops]
    classes = np.asarray(TIE_CLASSES, dtype=object)[arr.tie_class[~loops]]
    segments = np.stack([xy[src], xy[dst]], axis=1) if len(src) else np.zeros((0, 2, 2))
    alpha = _tie_alpha(len(src))
    width = 0.9 if n <= 300 else 0.4
    from matplotlib.collections import LineCollection

    # An (n, 2, 2) array is a sequence of segments; matplotlib's stub asks for a Sequence.
    styles = [TIE_STYLES[c] for c in classes] or "solid"
    ties = LineCollection(cast("Sequence[np.ndarray]", segments), linestyles=styles,
                          colors=NEUTRAL, linewidths=width, alpha=alpha, zorder=1)
    ties.set_gid("netmap-ties")
    ax.add_collection(ties, autolim=False)
    if m.directed and len(src):
        _arrowheads(ax, xy, src, dst, radii[dst], NEUTRAL, alpha)

    # Sector regions, when the positions come from a sector layout.
    region_texts: list = []
    region_names: list = []
    if regions is not None:
        region_texts, region_names = _draw_regions(ax, regions, colors, taxonomy, fonts,
                                                   lang, fontsize)

    # Actors: one scatter per level.
    levels_present = []
    for code, level in enumerate(LEVELS.codes):
        on = arr.level == code
        if not on.any():
            continue
        levels_present.append(level)
        dots = ax.scatter(xy[on, 0], xy[on, 1], s=areas[on], c=list(node_colors[on]),
                          marker=LEVEL_MARKERS[level], edgecolors="#333333",
                          linewidths=0.5 if n <= 300 else 0.2, zorder=3)
        dots.set_gid(f"netmap-nodes-{level}")

    entries = []
    highlight_name = None
    if members is not None:
        highlight_name = _highlight(ax, m, highlight_body, members, xy, radii, hull, lang)

    _frame(ax, frame_xy)  # again: highlight rings do not move the frame
    if region_texts:
        _fit_texts(ax, region_texts)

    # Texts: collect, check the glyphs once, then draw.
    label_strings = [names.loc[i] for i in label_ids]
    present_sectors = [c for c in taxonomy.codes if (sector_codes == c).any()]
    if legend:
        entries = _legend_entries(present_sectors, levels_present, classes, colors,
                                  taxonomy, lang, size, size_values, low, high,
                                  highlight_name)
    fonts.check([*label_strings, *(e[1] for e in entries), *region_names,
                 *([title] if title else [])], stacklevel=2)
    if label_ids:
        if members is not None:  # labels keep clear of the rings too
            radii = radii.copy()
            radii[members] = radii[members] + 3.5
        where = arr.ids.get_indexer(label_ids)
        order = np.arange(len(label_ids))
        most = top if labels == "top" and top is not None else None
        if labels == "top" and top is None:
            most = label_room(ax)
        place_labels(ax, xy[where], [fonts.show(s) for s in label_strings], radii[where],
                     order, xy, radii, fonts.kwargs(fontsize=fontsize, zorder=4,
                                                    bbox=_LABEL_BOX),
                     obstacles=region_texts, most=most)
    if legend:
        draw_legend(ax, entries, fonts, lang, fontsize)
    if title:
        ax.set_title(fonts.show(title), **fonts.kwargs())
    return ax


def label_room(ax) -> int:
    """How many labels ``labels="top"`` with ``top=None`` draws: one per LABEL_AREA of the Axes."""
    box = ax.get_window_extent()
    dpi = root_figure(ax).dpi
    return max(1, int(box.width * box.height / dpi ** 2 / LABEL_AREA))


def _frame_points(xy: np.ndarray, bounds, regions) -> np.ndarray:
    """The points the frame must hold: positions, given bounds, sector discs."""
    frame_xy = xy if bounds is None else np.vstack([xy, np.reshape(bounds, (2, 2))])
    if regions is not None:
        reach = regions["radius"].to_numpy()[:, None] * 1.5
        centres = regions[["x", "y"]].to_numpy()
        frame_xy = np.vstack([frame_xy, centres - reach, centres + reach])
    return frame_xy


def _apart(ax, xy: np.ndarray, radii: np.ndarray, bounds, regions) -> np.ndarray:
    """Positions moved apart in the picture until no two markers overlap.

    Framed, then :func:`netmap.plot.layouts.separate` in display units with
    each marker's drawn radius (points) and a point to spare, twice (the
    frame follows the moved positions).
    """
    points = root_figure(ax).dpi / 72.0
    for _ in range(2):
        _frame(ax, _frame_points(xy, bounds, regions))
        ax.apply_aspect()
        to_display = ax.transData
        moved = separate(to_display.transform(xy), (radii + 1.0) * points)
        xy = to_display.inverted().transform(moved)
    return xy


def _frame(ax, xy: np.ndarray) -> None:
    """Limits around the positions, equal aspect, no axis lines."""
    if len(xy):
        low, high = xy.min(axis=0), xy.max(axis=0)
        pad = np.maximum((high - low) * 0.06, 1.0)
        ax.set_xlim(low[0] - pad[0], high[0] + pad[0])
        ax.set_ylim(low[1] - pad[1], high[1] + pad[1])
    ax.set_aspect("equal", adjustable="box")
    ax.set_axis_off()


def _fit_texts(ax, texts, rounds: int = 3) -> None:
    """Widen the limits until ``texts`` (sized in points) lie inside the Axes."""
    for _ in range(rounds):
        ax.apply_aspect()
        to_data = ax.transData.inverted()
        (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
        corners = [to_data.transform(t.get_window_extent().get_points()) for t in texts]
        low = np.min([c.min(axis=0) for c in corners], axis=0)
        high = np.max([c.max(axis=0) for c in corners], axis=0)
        if low[0] >= x0 and low[1] >= y0 and high[0] <= x1 and high[1] <= y1:
            return
        ax.set_xlim(min(x0, low[0]), max(x1, high[0]))
        ax.set_ylim(min(y0, low[1]), max(y1, high[1]))


def _draw_regions(ax, regions: pd.DataFrame, colors, taxonomy, fonts: Fonts, lang: str,
                  fontsize: float) -> tuple[list, list[str]]:
    """Each sector's disc, lightly shaded, its name outside it away from the ring's centre."""
    from matplotlib.collections import PatchCollection
    from matplotlib.patches import Circle

    circles = [Circle((r.x, r.y), r.radius * 1.08) for r in regions.itertuples()]
    fill = [colors.get(code, NEUTRAL) for code in regions.index]
    patches = PatchCollection(circles, facecolors=fill, edgecolors=fill, alpha=0.12,
                              linewidths=1.0, zorder=0)
    patches.set_gid("netmap-regions")
    ax.add_collection(patches)
    centre = regions[["x", "y"]].to_numpy().mean(axis=0)
    texts, names = [], []
    for r in regions.itertuples():
        name = _words.sector_name(taxonomy, r.Index, lang) if r.Index in taxonomy.codes else str(
            r.Index)
        away = np.array([r.x, r.y]) - centre
        norm = np.hypot(*away)
        ux, uy = away / norm if norm > 1e-9 else (0.0, 1.0)
        ha = "left" if ux > 0.35 else "right" if ux < -0.35 else "center"
        va = "bottom" if uy > 0.35 else "top" if uy < -0.35 else "center"
        reach = r.radius * 1.12
        text = ax.text(r.x + ux * reach, r.y + uy * reach, fonts.show(name), ha=ha, va=va,
                       **fonts.kwargs(fontsize=fontsize + 1.5, fontweight="bold",
                                      color="#333333", zorder=4))
        texts.append(text)
        names.append(name)
    return texts, names


def _check_sizes(fontsize, size_range, node_size) -> None:
    """ParameterError for a size that is not a positive number (or pair of them)."""
    check_number("fontsize", fontsize, above=0)
    if node_size is not None:
        check_number("node_size", node_size, above=0)
    if size_range is None:
        return
    try:
        low, high = size_range
        ok = 0 <= check_number("size_range", low) <= check_number("size_range", high)
    except (TypeError, ValueError):
        ok = False
    if not ok:
        raise ParameterError("size_range", size_range,
                             "None or two numbers (least, greatest) with 0 <= least <= "
                             "greatest")


def _members(m, body) -> np.ndarray:
    """Positions (in the actors table) of the members of ``body`` present in ``m``."""
    known = list(dict.fromkeys([*m.bodies.index, *m.memberships["body"]]))
    if body not in known:
        raise ParameterError("highlight_body", body,
                             "None or one of " + allowed_words(list(map(str, known))))
    members = m.memberships.loc[m.memberships["body"] == body, "actor"]
    where = np.unique(m.arrays.ids.get_indexer(members))
    return where[where >= 0]


def _highlight(ax, m, body, where: np.ndarray, xy: np.ndarray, radii: np.ndarray,
               hull: bool, lang: str) -> str:
    bodies = m.bodies
    rings = ax.scatter(xy[where, 0], xy[where, 1], s=(2 * radii[where] + 7) ** 2,
                       facecolors="none", edgecolors="black", linewidths=1.6, marker="o",
                       zorder=2.5)
    rings.set_gid("netmap-highlight")
    if hull and len(where) >= 3:
        from matplotlib.patches import Polygon
        from scipy.spatial import ConvexHull, QhullError

        pts = xy[where]
        try:
            corners = pts[ConvexHull(pts).vertices]
        except QhullError:  # all members on one line
            corners = None
        if corners is not None:
            centre = corners.mean(axis=0)
            away = corners - centre
            norm = np.maximum(np.hypot(away[:, 0], away[:, 1]), 1e-9)[:, None]
            shape = Polygon(corners + away / norm * 0.6, closed=True, facecolor="black",
                            edgecolor="black", alpha=0.07, linestyle="--", zorder=0.5)
            shape.set_gid("netmap-hull")
            ax.add_patch(shape)
    name = body
    if f"name_{lang}" in bodies.columns and body in bodies.index:
        name = bodies.loc[body, f"name_{lang}"]
    elif "name" in bodies.columns and body in bodies.index:
        name = bodies.loc[body, "name"]
    name = body if pd.isna(name) else str(name)
    return _words.plot_word("members of", lang, name)


def _chosen_labels(m, labels, top: int, label_by, size, size_values, seed) -> list:
    """Actor ids to label, most important first."""
    if labels is None or labels is False:
        return []
    ids = m.arrays.ids
    if isinstance(labels, str):
        if labels not in _LABELS:
            raise ParameterError("labels", labels, _LABELS_ALLOWED)
        if label_by is None and size is not None:
            rank = size_values
        else:
            rank = actor_values(m, label_by or "degree", seed=seed, parameter="label_by")
            warn_missing(rank, "label_by", "labelled last", stacklevel=4)
        order = np.argsort(-rank.fillna(-np.inf).to_numpy(), kind="stable")
        chosen = ids[order]
        if labels == "top":
            chosen = chosen[:top]
        return list(chosen)
    chosen = list(dict.fromkeys(labels))
    unknown = [i for i in chosen if i not in ids]
    if unknown:
        raise ParameterError("labels", labels, _LABELS_ALLOWED,
                             hint=f"{unknown[0]!r} is not an actor of the map; list actor ids "
                                  "(m.actors.index)")
    return chosen


def _format(value: float) -> str:
    return f"{value:.3g}"


def _legend_entries(sectors, levels, classes, colors, taxonomy, lang, size, size_values,
                    low, high, highlight_name):
    word = _words.plot_word
    entries = [("header", word("sectors", lang), None)]
    for code in sectors:
        entries.append(("marker", _words.sector_name(taxonomy, code, lang),
                        {"marker": "o", "markersize": 7, "markerfacecolor": colors[code],
                         "markeredgecolor": "#333333", "markeredgewidth": 0.5}))
    if len(levels) > 1 or levels != ["organisation"]:
        entries.append(("header", word("levels", lang), None))
        for level in levels:
            entries.append(("marker", _words.level_name(level, lang),
                            {"marker": LEVEL_MARKERS[level], "markersize": 7,
                             "markerfacecolor": "#BBBBBB", "markeredgecolor": "#333333",
                             "markeredgewidth": 0.5}))
    present = [c for c in TIE_CLASSES if (np.asarray(classes) == c).any()]
    if present:
        entries.append(("header", word("ties", lang), None))
        for c in present:
            entries.append(("line", word(c, lang),
                            {"linestyle": TIE_STYLES[c], "color": NEUTRAL,
                             "linewidth": 1.2}))
    if size is not None and size_values is not None and size_values.notna().any():
        name = size if isinstance(size, str) else (size_values.name or "value")
        entries.append(("header", _words.measure_name(str(name), lang), None))
        finite = size_values.dropna()
        vmin, vmax = float(finite.min()), float(finite.max())
        middle = (vmin + vmax) / 2
        if np.all(finite.to_numpy() == np.round(finite.to_numpy())):
            middle = float(np.round(middle))  # counts: a count in the legend too
        marks = [vmin, vmax] if vmax == vmin else [vmin, middle, vmax]
        for v in dict.fromkeys(marks):
            area = scale_sizes(np.array([vmin, v, vmax]), low, high)[1]
            entries.append(("marker", _format(v),
                            {"marker": "o", "markersize": np.sqrt(area),
                             "markerfacecolor": "#BBBBBB", "markeredgecolor": "#333333",
                             "markeredgewidth": 0.5}))
    if highlight_name is not None:
        entries.append(("marker", highlight_name,
                        {"marker": "o", "markersize": 9, "markerfacecolor": "none",
                         "markeredgecolor": "black", "markeredgewidth": 1.6}))
    return entries
