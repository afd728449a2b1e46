"""The sector make-up of each body, as stacked bars, with missing core sectors and chairs marked."""  # noqa: E501

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from netmap.model._groups import group_codes
from netmap.model._params import allowed_words, check_choice, check_number
from netmap.model.exceptions import MeasureError, ParameterError
from netmap.plot._common import Fonts, get_ax, group_colors, group_names, text_color
from netmap.plot.maps import draw_legend
from netmap.plot.palette import NEUTRAL, sector_colors
from netmap.structure.bodies import BODY_TYPES, body_composition, body_sector_counts
from netmap.words import catalogue as _words

if TYPE_CHECKING:
    from netmap.model.stakeholder_map import StakeholderMap

__all__ = ["plot_bodies", "ORDERS"]

#: The orders ``plot_bodies(order=...)`` knows.
ORDERS = ("type", "table", "members")
_STATS = ("count", "share")
#: Joint bodies first: three-sector, two-sector, single-sector, no core sector.
_TYPE_RANK = {t: len(BODY_TYPES) - 1 - k for k, t in enumerate(BODY_TYPES)}
_HATCH = "//////"
_BAR_HEIGHT = 0.7
_GAP = 6.0    # points between the end of a bar and its first mark
_STEP = 12.0  # points from one missing-sector mark to the next


def _body_names(m, index: pd.Index, lang: str, label_column: str | None) -> list[str]:
    """The names of the bodies of ``index``: ``name_<lang>`` or ``name``, else the id.

    ``label_column`` None: ``name_<lang>`` (``name_en`` for English) when
    the bodies table has it, else ``name``. A body without a name (or only named by the
    memberships) is labelled by its id.
    """
    bodies = m.bodies
    columns = [] if bodies is None else list(bodies.columns)
    if label_column is None:
        if f"name_{lang}" in columns:
            label_column = f"name_{lang}"
        elif "name" in columns:
            label_column = "name"
    ids = pd.Series(index.astype(str), index=index)
    if label_column is None or label_column == "id":
        return ids.tolist()
    if label_column not in columns:
        raise ParameterError("label_column", label_column,
                             allowed_words(["id", *map(str, columns)]) + " or None",
                             hint="a column of the bodies")
    values = bodies[label_column].reindex(index).astype(object)
    return values.where(values.notna(), ids).map(str).tolist()


def _chosen(comp: pd.DataFrame, bodies, order: str) -> pd.Index:
    """The bodies to draw, top first."""
    if bodies is not None:
        chosen = list(dict.fromkeys([bodies] if isinstance(bodies, str) else bodies))
        unknown = [b for b in chosen if b not in comp.index]
        if unknown or not chosen:
            raise ParameterError("bodies", bodies, "None or one or more of "
                                 + allowed_words(list(map(str, comp.index))),
                                 hint=f"{unknown[0]!r} is not a body of the map" if unknown
                                 else "name at least one body, or leave it None")
        return pd.Index(chosen)
    if order == "table":
        return comp.index
    if order == "type":
        rank = comp["type"].map(_TYPE_RANK).to_numpy()
    else:
        rank = -comp["members"].to_numpy()
    return comp.index[np.argsort(rank, kind="stable")]


def _points_to_data(ax, points: float) -> float:
    """A horizontal distance in points as a distance in data units, at the current limits."""
    fig = ax.get_figure()
    to_data = ax.transData.inverted()
    x0 = to_data.transform((0.0, 0.0))[0]
    x1 = to_data.transform((points * fig.dpi / 72.0, 0.0))[0]
    return abs(x1 - x0)


def _fit_right(ax, texts, rounds: int = 4) -> None:
    """Widen the x limits until ``texts`` end inside the Axes."""
    if not texts:
        return
    for _ in range(rounds):
        to_data = ax.transData.inverted()
        right = max(to_data.transform(t.get_window_extent().get_points())[:, 0].max()
                    for t in texts)
        x0, x1 = ax.get_xlim()
        if right <= x1:
            return
        ax.set_xlim(x0, x0 + (right - x0) * 1.02)


def plot_bodies(m: StakeholderMap, *, ax=None, by="sector", stat="count", order="type", bodies=None,
                lang="en", label_column=None, legend=True, title=True, font=None,
                fontsize=9.0):
    """Stacked bars of the sector make-up of each body; missing core sectors and chairs marked.

    One bar per body (:func:`netmap.body_sector_counts`), one segment per
    group of ``by`` in its palette colour, the number of members written
    in every segment wide enough to hold it. After each bar stands the
    body's type (single-, two- or three-sector, from
    :func:`netmap.body_composition`), and for a body that lacks a core
    sector (public, business, third) one hatched square in that sector's
    colour per missing sector and the words "missing: ...". A small black
    triangle over a segment marks the group of the body's chair or lead.

    Parameters
    ----------
    m : StakeholderMap
        The map, with bodies (a bodies table or memberships).
    ax : matplotlib.axes.Axes, optional
        Where to draw; default the current Axes.
    by : str, default "sector"
        The segments: ``"sector"``, ``"core"`` or an actor column (whose
        groups take the colours of :data:`netmap.model.palette.EXTRA_COLORS`).
        The type and the missing core sectors always count core sectors.
    stat : {"count", "share"}, default "count"
        Bar length: members, or shares of the body's members (every bar
        as long as the next, to compare make-up across bodies of very
        different sizes). The segments show counts either way.
    order : {"type", "table", "members"}, default "type"
        Top to bottom: joint bodies first (three-sector, two-sector, then
        single-sector bodies and bodies with no core sector, each in the
        order of the bodies table); the order of the bodies table (then
        bodies only named by the memberships); or most members first.
    bodies : list of str, optional
        The body ids to draw, top first (``order`` is then ignored).
    lang : {"en", "he"}, default "en"
        Language of sector names, marks, title and default body names.
    label_column : str, optional
        The bodies column naming the bodies (or ``"id"``). Default:
        ``name_<lang>`` (``name_en`` for English) when the bodies table has it, else
        ``name``, else the id.
    legend : bool, default True
        Draw the legend of sectors and marks beside the Axes (save with
        ``bbox_inches="tight"`` to keep it).
    title : bool or str, default True
        True: a title; a string: that title.
    font : str or list of str, optional
        Font families (DejaVu Sans is added as the fallback).
    fontsize : float, default 9
        Size of names, counts, marks and legend.

    Returns
    -------
    matplotlib.axes.Axes
        One BarContainer per group of ``by`` in ``ax.containers`` (every
        column of :func:`netmap.body_sector_counts`, zero-width where a
        body has nobody of the group), labelled with the group's name,
        bars top first. Artists with ``gid``: ``netmap-body-counts``
        (the count texts), ``netmap-body-tags`` (one text per body after
        its bar), ``netmap-missing-sectors`` (one collection of hatched
        squares per position after the bars) and ``netmap-chairs``.

    Raises
    ------
    netmap.MeasureError
        When the map has no bodies; when ``by`` has more groups than there
        are colours for.
    netmap.ParameterError
        For an unknown ``stat``, ``order``, ``lang`` or ``label_column``,
        a ``bodies`` that is empty or names a body the map does not have,
        or a ``fontsize`` that is not a positive number.

    Notes
    -----
    A body's members are everyone who sat in it at any wave; draw
    ``m.at(wave)`` for a body as it stood at one wave. A chair or lead
    with no value of ``by`` (academia has no core sector, for
    ``by="core"``) gets no triangle. Which counts fit in their segments,
    and how far the x axis reaches to hold the tags, are worked out for
    the figure's size when the plot is drawn: size the figure first.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> import netmap
    >>> from netmap.plot import plot_bodies
    >>> fig, ax = plt.subplots(figsize=(9, 5))
    >>> ax = plot_bodies(netmap.datasets.load_2x5(), ax=ax)
    >>> len(ax.containers), len(ax.containers[0])
    (7, 7)
    >>> plt.close(fig)
    """
    lang = _words.check_lang(lang)
    check_choice("stat", stat, _STATS)
    check_choice("order", order, ORDERS)
    check_number("fontsize", fontsize, above=0)
    counts = body_sector_counts(m, by=by)
    if counts.empty:
        raise MeasureError("the map has no bodies: add a bodies table (id, name, kind) "
                           "and memberships (actor, body, role) to draw their make-up")
    comp = body_composition(m, by=by)
    chosen = _chosen(comp, bodies, order)
    counts, comp = counts.loc[chosen], comp.loc[chosen]
    names = _body_names(m, chosen, lang, label_column)
    labels = list(counts.columns)
    colors = group_colors(m, by, labels)
    group_text = group_names(m, by, labels, lang)

    values = counts.to_numpy(dtype=float)
    totals = values.sum(axis=1)
    widths = values / np.where(totals > 0, totals, 1.0)[:, None] if stat == "share" \
        else values
    tags = _tags(comp, m.taxonomy, lang)
    title_text = _words.plot_word("bodies", lang) if title is True else (
        str(title) if title else None)
    xlabel = _words.plot_word("member share" if stat == "share" else "members", lang)
    marks = [_words.plot_word(k, lang) for k in ("sectors", "marks", "missing core", "chair")]
    fonts = Fonts.of(font)
    fonts.check([*names, *group_text, *tags, xlabel, *marks,
                 *([title_text] if title_text else [])], stacklevel=2)
    ax = get_ax(ax)

    bars = _Bars(y=np.arange(len(chosen)), counts=values, widths=widths,
                 starts=np.zeros_like(widths), colors=colors)
    ends = _draw_bars(ax, bars, names, group_text, fonts, fontsize)
    ax.set_xlim(0, 1.0 if stat == "share" else max(float(ends.max()), 1.0))
    has_chairs = _draw_chairs(ax, m, by, comp, labels, bars)
    missing_codes = [list(c) for c in comp["core_missing"]]
    n_slots = _draw_missing(ax, ends, bars.y, missing_codes, sector_colors(m.taxonomy))
    _draw_tags(ax, ends, bars.y, tags, missing_codes, fonts, fontsize)
    _draw_counts(ax, bars, fonts, fontsize)
    _style_axes(ax, stat, xlabel, fonts, fontsize)
    if legend:
        drawn = [j for j in range(len(labels)) if values[:, j].any()]
        _draw_bodies_legend(ax, [(group_text[j], colors[j]) for j in drawn], marks,
                            bool(n_slots), has_chairs, fonts, fontsize)
    if title_text:
        ax.set_title(fonts.show(title_text), **fonts.kwargs())
    return ax


@dataclass(frozen=True)
class _Bars:
    """The stacked bars: one row per body, one column per group of ``by``."""

    y: np.ndarray        # the row of each body, top first
    counts: np.ndarray   # members of each group in each body
    widths: np.ndarray   # the length of each segment (counts or shares)
    starts: np.ndarray   # where each segment starts, filled in by _draw_bars
    colors: list[str]    # the colour of each group


def _tags(comp: pd.DataFrame, taxonomy, lang: str) -> list[str]:
    """The words after each bar: size, type and the missing core sectors."""
    tags = []
    for body in comp.index:
        row = comp.loc[body]
        missing = [_words.isolate(_words.sector_name(taxonomy, c, lang))
                   for c in row["core_missing"]]
        n = int(row["members"])
        if n == 0:
            tag = _words.plot_word("no members", lang)
        else:
            size = _words.count(n, "member", lang)
            tag = f"{size} · {_words.plot_word(row['type'], lang)}"
        if missing:
            tag = f"{tag} · {_words.plot_word('missing', lang, ', '.join(missing))}"
        tags.append(tag)
    return tags


def _draw_bars(ax, bars: _Bars, names: list[str], group_text: list[str], fonts: Fonts,
               fontsize: float) -> np.ndarray:
    """One BarContainer per group, the body names as ticks; the end of each bar."""
    left = np.zeros(len(bars.y))
    for j, (color, shown) in enumerate(zip(bars.colors, group_text, strict=True)):
        bars.starts[:, j] = left
        ax.barh(bars.y, bars.widths[:, j], left=left, color=color,
                label=fonts.show(shown), height=_BAR_HEIGHT, edgecolor="white",
                linewidth=0.5)
        left = left + bars.widths[:, j]
    ax.set_yticks(bars.y, [fonts.show(s) for s in names], **fonts.kwargs(fontsize=fontsize))
    ax.tick_params(axis="y", length=0)
    ax.set_ylim(len(bars.y) - 0.5, -0.5 - 0.25)  # the first body on top
    return left


def _draw_chairs(ax, m, by: str, comp: pd.DataFrame, labels: list, bars: _Bars) -> bool:
    """Chairs and leads: a triangle over the segment of their group; whether any."""
    chair_x, chair_y = [], []
    groups = group_codes(m, by)
    position = pd.Index(m.arrays.ids)
    group_of = pd.Index(labels)
    for i, body in enumerate(comp.index):
        ids = list(comp.loc[body, "chairs"])
        if not ids:
            continue
        codes = groups.codes[position.get_indexer(ids)]
        for j in dict.fromkeys(group_of.get_indexer(groups.labels[codes[codes >= 0]])):
            if j >= 0 and bars.widths[i, j] > 0:
                chair_x.append(bars.starts[i, j] + bars.widths[i, j] / 2)
                chair_y.append(i - _BAR_HEIGHT / 2)
    chairs = ax.scatter(chair_x, chair_y, marker="v", s=42, c="black",
                        edgecolors="white", linewidths=0.6, zorder=4, clip_on=False)
    chairs.set_gid("netmap-chairs")
    return bool(chair_x)


def _draw_missing(ax, ends: np.ndarray, y: np.ndarray, missing_codes: list[list[str]],
                  colors_of) -> int:
    """After each bar, a hatched square per missing core sector; the most squares."""
    from matplotlib.transforms import ScaledTranslation

    fig = ax.get_figure()
    n_slots = max((len(c) for c in missing_codes), default=0)
    for k in range(n_slots):
        rows = [i for i, c in enumerate(missing_codes) if len(c) > k]
        shift = ScaledTranslation((_GAP + 5 + _STEP * k) / 72.0, 0, fig.dpi_scale_trans)
        squares = ax.scatter(ends[rows], y[rows], marker="s", s=70, facecolors="white",
                             edgecolors=[colors_of[missing_codes[i][k]] for i in rows],
                             hatch=_HATCH, linewidths=1.2, zorder=4, clip_on=False,
                             transform=ax.transData + shift)
        squares.set_gid("netmap-missing-sectors")
    return n_slots


def _draw_tags(ax, ends: np.ndarray, y: np.ndarray, tags: list[str],
               missing_codes: list[list[str]], fonts: Fonts, fontsize: float) -> None:
    """The tag after each bar and its squares; the x axis widened to hold them."""
    tag_texts = []
    for i, tag in enumerate(tags):
        offset = _GAP + (_STEP * len(missing_codes[i]) + 2 if missing_codes[i] else 0)
        text = ax.annotate(fonts.show(tag), (ends[i], y[i]), xytext=(offset, 0),
                           textcoords="offset points", ha="left", va="center",
                           color="#333333", annotation_clip=False,
                           **fonts.kwargs(fontsize=fontsize - 0.5))
        text.set_gid("netmap-body-tags")
        tag_texts.append(text)
    _fit_right(ax, tag_texts)


def _draw_counts(ax, bars: _Bars, fonts: Fonts, fontsize: float) -> None:
    """The count in every segment wide enough to hold it."""
    from matplotlib.colors import to_rgba

    renderer = ax.get_figure().canvas.get_renderer()
    room = _points_to_data(ax, 3.0)
    for i in range(len(bars.y)):
        for j, color in enumerate(bars.colors):
            if bars.counts[i, j] <= 0:
                continue
            text = ax.text(bars.starts[i, j] + bars.widths[i, j] / 2, bars.y[i],
                           str(int(bars.counts[i, j])), ha="center", va="center",
                           color=text_color(to_rgba(color)),
                           **fonts.kwargs(fontsize=fontsize - 1))
            box = text.get_window_extent(renderer).transformed(ax.transData.inverted())
            if box.width + room > bars.widths[i, j]:
                text.remove()
            else:
                text.set_gid("netmap-body-counts")


def _style_axes(ax, stat: str, xlabel: str, fonts: Fonts, fontsize: float) -> None:
    """The x label, percent ticks for shares, the grid and the open spines."""
    ax.set_xlabel(fonts.show(xlabel), **fonts.kwargs(fontsize=fontsize))
    if stat == "share":
        from matplotlib.ticker import PercentFormatter

        ax.set_xticks(np.linspace(0.0, 1.0, 6))
        ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
        ax.spines["bottom"].set_bounds(0.0, 1.0)
    else:
        from matplotlib.ticker import MaxNLocator

        ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # members: whole numbers
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.grid(axis="x", color="#DDDDDD", linewidth=0.6)
    ax.set_axisbelow(True)


def _draw_bodies_legend(ax, groups: list[tuple[str, str]], marks: list[str],
                        missing: bool, chairs: bool, fonts: Fonts, fontsize: float) -> None:
    """The legend: the groups drawn, then the marks used (missing sectors, chairs)."""
    entries: list[tuple[str, str, dict | None]] = [("header", marks[0], None)]
    for shown, color in groups:
        entries.append(("patch", shown, {"facecolor": color, "edgecolor": "none"}))
    if missing or chairs:
        entries.append(("header", marks[1], None))
    if missing:
        entries.append(("patch", marks[2], {"facecolor": "white",
                                            "edgecolor": NEUTRAL, "hatch": _HATCH}))
    if chairs:
        entries.append(("marker", marks[3], {"marker": "v", "markersize": 8,
                                             "markerfacecolor": "black",
                                             "markeredgecolor": "white"}))
    # Beside the bars on the right, whatever the language: the names take the left.
    draw_legend(ax, entries, fonts, "en", fontsize)
