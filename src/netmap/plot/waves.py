"""Two waves of a map side by side, on one layout, with who joined and who left."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from netmap.model._params import check_choice, check_int, check_number
from netmap.model._validation import in_index
from netmap.model.exceptions import ParameterError
from netmap.model.vocabulary import LEVELS, TIE_CLASSES
from netmap.plot._common import Fonts
from netmap.plot._quality import silhouette
from netmap.plot.layouts import (
    LAYOUTS,
    SEPARATES_FROM,
    anchors,
    force_positions,
    sector_positions,
)
from netmap.plot.maps import (
    _apart,
    _default_sizes,
    _legend_entries,
    draw_legend,
    plot_map,
    positions_of,
)
from netmap.plot.palette import sector_colors
from netmap.words import catalogue as _words

if TYPE_CHECKING:
    from netmap.model.stakeholder_map import StakeholderMap

__all__ = ["plot_waves", "union_layout"]


def union_layout(m, before, after, kind: str = "force", *, seed=0) -> pd.DataFrame:
    """One layout for the actors present at ``before`` or at ``after``.

    The layout of the union of the two waves' actors and ties, so that an
    actor present at both stands at the same place in both panels.

    Returns
    -------
    pandas.DataFrame
        ``x``, ``y`` indexed by actor id (in the order of ``m.actors``);
        ``attrs["regions"]`` for a sector layout.

    Raises
    ------
    netmap.ParameterError
        For an unknown ``kind``.

    Examples
    --------
    >>> import netmap
    >>> m = netmap.datasets.load_2x5()
    >>> pos = union_layout(m, 2013, 2016)
    >>> len(pos) == len(m.at(2013).actors.index.union(m.at(2016).actors.index))
    True
    """
    check_choice("kind", kind, LAYOUTS)
    first, second = m.at(before), m.at(after)
    present = first.arrays.ids.union(second.arrays.ids)
    keep = in_index(m.arrays.ids, present)
    ids = m.arrays.ids[keep]
    ties = pd.concat([first.ties[["source", "target"]], second.ties[["source", "target"]]])
    s = ids.get_indexer(ties["source"])
    t = ids.get_indexer(ties["target"])
    hosts = anchors(m)
    anchor = np.where(hosts[keep] >= 0, ids.get_indexer(
        m.arrays.ids[np.maximum(hosts[keep], 0)]), -1)
    sector = m.actors.loc[ids, "sector"].cat.codes.to_numpy()
    if kind in ("force", "auto"):
        xy = force_positions(len(ids), s, t, seed=seed, anchor=anchor)
        frame = pd.DataFrame({"x": xy[:, 0], "y": xy[:, 1]}, index=ids.copy())
        score = silhouette(xy, sector)
        if kind == "force" or score >= SEPARATES_FROM:
            if kind == "auto":
                frame.attrs.update(kind="force", silhouette=score)
            return frame
    xy, regions = sector_positions(sector, s, t, seed=seed, anchor=anchor)
    frame = pd.DataFrame({"x": xy[:, 0], "y": xy[:, 1]}, index=ids.copy())
    regions.index = pd.Index([m.taxonomy.codes[c] for c in regions.index], name="sector")
    frame.attrs["regions"] = regions
    if kind == "auto":
        frame.attrs.update(kind="sector", silhouette=score)
    return frame


def _upright(pos: pd.DataFrame, aspect: float = 1.0) -> pd.DataFrame:
    """The layout turned a quarter when it then fills a panel ``aspect`` wide per unit tall better.

    A layout ``w`` wide and ``h`` tall fills ``min(r, 1 / r)`` of the
    panel, with ``r = (w / h) / aspect``; regions turn with it.
    """
    span = pos[["x", "y"]].max() - pos[["x", "y"]].min()
    ratio = float(span["x"]) / max(float(span["y"]), 1e-12) / aspect
    turned_ratio = float(span["y"]) / max(float(span["x"]), 1e-12) / aspect
    if min(turned_ratio, 1 / turned_ratio) <= min(ratio, 1 / ratio) + 1e-9:
        return pos
    turned = pd.DataFrame({"x": -pos["y"], "y": pos["x"]}, index=pos.index)
    turned.attrs = dict(pos.attrs)
    regions = pos.attrs.get("regions")
    if regions is not None:
        regions = regions.copy()
        regions["x"], regions["y"] = -pos.attrs["regions"]["y"], pos.attrs["regions"]["x"]
        turned.attrs["regions"] = regions
    return turned


def _apart_in_panel(ax, pos: pd.DataFrame, radius: float) -> pd.DataFrame:
    """Positions moved apart in the panel ``ax`` until no two markers of ``radius`` overlap."""
    xy = _apart(ax, pos[["x", "y"]].to_numpy(dtype=float), np.full(len(pos), radius),
                pos.attrs.get("bounds"), pos.attrs.get("regions"))
    out = pd.DataFrame({"x": xy[:, 0], "y": xy[:, 1]}, index=pos.index)
    out.attrs = dict(pos.attrs)
    return out


def plot_waves(m: StakeholderMap, before, after, *, axes=None, fig=None, layout="force", seed=0,
               size=None, labels="top", top=None, label_by=None, label_column=None,
               lang="en", legend=True, font=None, fontsize=8.0):
    """The map at two waves side by side, on one layout; who joined and who left.

    Both panels use one layout of the actors and ties present at either
    wave (:func:`~netmap.plot.waves.union_layout`), so an actor stands at the same place in
    both. In the ``after`` panel a dark ring marks the actors who joined
    since ``before``; in the ``before`` panel a cross marks the actors
    gone by ``after``, and a faint hollow marker shows in the ``after``
    panel where they were.

    Parameters
    ----------
    m : StakeholderMap
        The map, with waves.
    before, after
        Two waves of ``m`` (:attr:`netmap.StakeholderMap.waves`).
    axes : sequence of two matplotlib.axes.Axes, optional
        Where to draw. Default: two Axes side by side added to ``fig``.
    fig : matplotlib.figure.Figure, optional
        With ``axes`` None, the figure to draw in; default the current
        figure, which must then have no Axes yet.
    layout : {"force", "sector", "auto"} or pandas.DataFrame, default "force"
        A layout name (:func:`netmap.plot.layout`; turned a quarter when
        that fills the panels better), or positions of (at least) every
        actor of both waves. Either way the markers are then moved apart
        (by at most their size) until none overlaps another in the panels.
    seed : int, numpy Generator or None, default 0
        Seeds the layout: the same seed draws the same maps; None draws fresh
        randomness.
    size, labels, top, label_by, label_column, lang, font, fontsize
        As for :func:`netmap.plot.plot_map`, for each panel.
    legend : bool, default True
        One legend, beside the ``after`` panel.

    Returns
    -------
    numpy.ndarray of matplotlib.axes.Axes
        The two Axes, ``before`` first. Rings have ``gid``
        ``netmap-joined``, crosses ``netmap-left``, ghosts
        ``netmap-left-ghosts``.

    Raises
    ------
    netmap.WaveError
        For a wave the map does not have.
    netmap.ParameterError
        When ``fig`` already has Axes and ``axes`` is not given, ``axes`` is
        not two Axes, or for an unknown ``layout`` name.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> import netmap
    >>> from netmap.plot import plot_waves
    >>> fig = plt.figure(figsize=(12, 5))
    >>> axes = plot_waves(netmap.datasets.load_2x5(), 2013, 2016, fig=fig)
    >>> len(axes)
    2
    >>> plt.close(fig)
    """
    lang = _words.check_lang(lang)
    check_number("fontsize", fontsize, above=0)
    check_int("top", top, minimum=1, allow_none=True)
    first, second = m.at(before), m.at(after)
    if isinstance(layout, str):
        check_choice("layout", layout, LAYOUTS)
    if axes is None:
        if fig is None:
            import matplotlib.pyplot as plt

            fig = plt.gcf()
        if fig.axes:
            raise ParameterError("fig", fig, "a figure without Axes, or None for a new "
                                 "current figure", hint="the figure already has Axes: pass "
                                 "axes=(ax_before, ax_after) or a new figure as fig=")
        axes = fig.subplots(1, 2)
    given, axes = axes, np.asarray(axes, dtype=object).ravel()
    if len(axes) != 2:
        raise ParameterError("axes", given, "two Axes (ax_before, ax_after) or None")
    box = axes[0].get_window_extent()
    if isinstance(layout, str):
        pos = union_layout(m, before, after, layout, seed=seed)
        pos = _upright(pos, aspect=box.width / max(box.height, 1e-9))
    else:
        pos = layout
    panels = []
    # Half a map's marker area: each panel is half the figure.
    node_size = _default_sizes(len(pos))[0] / 2
    low, high = _default_sizes(len(pos))[1]
    # Both panels' actors moved apart once, in the (shared) frame of a panel.
    checked = [positions_of(part, layout=pos) for part in (first, second)]
    attrs = dict(checked[0].attrs)
    for frame in checked:
        frame.attrs = {}
    both = pd.concat(checked)
    both = both[~both.index.duplicated()]
    both.attrs = attrs
    pos = _apart_in_panel(axes[0], both, np.sqrt(max(node_size, high / 2)) / 2)
    for ax, part in zip(axes, (first, second), strict=True):
        panel_pos = positions_of(part, layout=pos)
        plot_map(part, ax=ax, layout=panel_pos, size=size, labels=labels, top=top,
                 label_by=label_by, label_column=label_column, lang=lang, legend=False,
                 font=font, fontsize=fontsize, seed=seed, node_size=node_size,
                 size_range=(low / 2, high / 2))
        panels.append(panel_pos)

    fonts = Fonts.of(font)
    gone = first.arrays.ids.difference(second.arrays.ids)
    new = second.arrays.ids.difference(first.arrays.ids)
    ring_size = (np.sqrt(node_size) + 5) ** 2  # a ring round a marker
    xy_gone = pos.loc[gone, ["x", "y"]].to_numpy(dtype=float)
    xy_new = pos.loc[new, ["x", "y"]].to_numpy(dtype=float)
    joined = axes[1].scatter(xy_new[:, 0], xy_new[:, 1], s=ring_size, facecolors="none",
                             edgecolors="black", linewidths=1.0, zorder=2.5)
    joined.set_gid("netmap-joined")
    crosses = axes[0].scatter(xy_gone[:, 0], xy_gone[:, 1], s=ring_size * 0.5, marker="x",
                              c="black", linewidths=1.4, zorder=3.5)
    crosses.set_gid("netmap-left")
    ghosts = axes[1].scatter(xy_gone[:, 0], xy_gone[:, 1], s=ring_size * 0.4,
                             facecolors="none", edgecolors="#AAAAAA", linewidths=0.8,
                             zorder=2)
    ghosts.set_gid("netmap-left-ghosts")

    titles = []
    for ax, wave, part in zip(axes, (before, after), (first, second), strict=True):
        title = _words.plot_word("wave title", lang, wave=wave,
                                 actors=_words.count(part.n_actors, "actor", lang),
                                 ties=_words.count(part.n_ties, "tie", lang))
        titles.append(title)
        ax.set_title(fonts.show(title), **fonts.kwargs())
    joined_label = _words.plot_word("joined", lang, before)
    left_label = _words.plot_word("left", lang, after)
    fonts.check([*titles, joined_label, left_label], stacklevel=2)
    if legend:
        # The legend of both panels, with the two marks added.
        arr = second.arrays
        codes = {first.arrays.sectors[c] for c in first.arrays.sector} | {
            arr.sectors[c] for c in arr.sector}
        sectors = [c for c in m.taxonomy.codes if c in codes]
        levels = [LEVELS.codes[c] for c in sorted(set(first.arrays.level.tolist())
                                                   | set(arr.level.tolist()))]
        classes = np.asarray(TIE_CLASSES, dtype=object)[
            np.concatenate([first.arrays.tie_class, arr.tie_class])]
        entries = _legend_entries(sectors, levels, classes, sector_colors(m.taxonomy),
                                  m.taxonomy, lang, None, None, 0, 0, None)
        entries += [
            ("marker", joined_label, {"marker": "o", "markersize": 10,
                                      "markerfacecolor": "none",
                                      "markeredgecolor": "black",
                                      "markeredgewidth": 1.4}),
            ("marker", left_label, {"marker": "x", "markersize": 7,
                                    "markeredgecolor": "black",
                                    "markeredgewidth": 1.4}),
        ]
        rtl = _words.direction(lang) == "rtl"
        draw_legend(axes[0] if rtl else axes[1], entries, fonts, lang, fontsize)
    return axes
