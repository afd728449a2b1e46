"""Brokerage roles of the top cross-sector brokers, as stacked bars."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from netmap.measures.brokerage import ROLES, brokerage
from netmap.model._params import check_bool, check_int
from netmap.plot._common import Fonts, actor_labels, get_ax
from netmap.plot.maps import draw_legend
from netmap.plot.palette import ROLE_COLORS, sector_colors
from netmap.structure.brokers import brokers
from netmap.words import catalogue as _words

if TYPE_CHECKING:
    from netmap.model.stakeholder_map import StakeholderMap

__all__ = ["plot_brokerage"]


def plot_brokerage(m: StakeholderMap, *, ax=None, top=10, by="sector", lang="en", label_column=None,
                   legend=True, title=True, font=None, fontsize=9.0,
                   betweenness_sample=None, seed=0, once: bool = False):
    """Stacked bars of the five brokerage roles of the top brokers.

    The brokers are the first ``top`` of :func:`netmap.brokers` (ranked by
    the two-paths they broker across a group boundary, then by
    betweenness), best at the top. Each bar stacks the raw counts of
    :func:`netmap.brokerage` in its five roles: coordinator and itinerant
    (within one group) and representative, gatekeeper and liaison
    (across groups). A dot in the broker's sector colour stands before
    its name.

    Parameters
    ----------
    m : StakeholderMap
        The map.
    ax : matplotlib.axes.Axes, optional
        Where to draw; default the current Axes.
    top : int, default 10
        How many brokers.
    by : str, default "sector"
        The groups of the brokerage roles (as for :func:`netmap.brokerage`).
    lang : {"en", "he"}, default "en"
        Language of role names, title and default names.
    label_column : str, optional
        The actor column naming the brokers; default as for
        :func:`netmap.plot.plot_map`.
    legend : bool, default True
        Draw the legend of roles and sectors beside the Axes.
    title : bool or str, default True
        True: a title; a string: that title.
    font : str or list of str, optional
        Font families (DejaVu Sans is added as the fallback).
    fontsize : float, default 9
        Size of the names and legend.
    betweenness_sample, seed
        Passed to :func:`netmap.brokers` (which ranks ties by betweenness).
    once : bool, default False
        In an undirected map, count each open two-path once, as a reader
        counts it: :func:`netmap.brokerage` follows sna and counts each in
        both directions, so that representative and gatekeeper are equal
        and every count is doubled. With ``once``, the counts are halved
        and the representative bar, labelled "between sectors", stands
        for both (the gatekeeper bar is empty). No effect on a directed
        map.

    Returns
    -------
    matplotlib.axes.Axes
        One BarContainer per role in ``ax.containers``, in the order of
        :data:`netmap.measures.brokerage.ROLES`, bars in the order of the ranking;
        brokers with no two-path at all are left out, the legend names only
        the roles that have a bar, and the counts' axis has whole-number ticks.

    Raises
    ------
    netmap.MeasureError
        For ``top`` below 1.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> import netmap
    >>> from netmap.plot import plot_brokerage
    >>> fig, ax = plt.subplots()
    >>> ax = plot_brokerage(netmap.datasets.load_2x5(), ax=ax, top=5)
    >>> len(ax.containers), len(ax.containers[0])
    (5, 5)
    >>> plt.close(fig)
    """
    from matplotlib.ticker import MaxNLocator
    from matplotlib.transforms import blended_transform_factory

    top = check_int("top", top, minimum=1)
    lang = _words.check_lang(lang)
    fonts = Fonts.of(font)
    ax = get_ax(ax)
    once = bool(check_bool("once", once)) and not m.directed
    ranked = brokers(m, by=by, top=top, betweenness_sample=betweenness_sample, seed=seed)
    counts = brokerage(m, by=by, stat="raw").loc[ranked.index, list(ROLES)]
    if once:  # each undirected path once: halve sna's counts, one bar between sectors
        counts = counts / 2
        counts["representative"] = counts["representative"] + counts["gatekeeper"]
        counts["gatekeeper"] = 0.0
    busy = counts.sum(axis=1).to_numpy() > 0
    ranked, counts = ranked[busy], counts[busy]
    names = actor_labels(m, lang, label_column).loc[ranked.index].tolist()
    role_names = [_words.plot_word("between sectors" if once and r == "representative" else r,
                                   lang) for r in ROLES]
    title_text = _words.plot_word("brokerage", lang) if title is True else (
        str(title) if title else None)
    xlabel = _words.plot_word("open two-paths", lang)

    sectors = m.actors.loc[ranked.index, "sector"].astype(str).tolist()
    colors = sector_colors(m.taxonomy)
    present = [c for c in m.taxonomy.codes if c in sectors]
    sector_names = [_words.sector_name(m.taxonomy, c, lang) for c in present]
    fonts.check([*names, *role_names, *sector_names, xlabel, _words.plot_word("roles", lang),
                 *([title_text] if title_text else [])], stacklevel=2)

    y = np.arange(len(ranked))
    left = np.zeros(len(ranked))
    for role, shown in zip(ROLES, role_names, strict=True):
        values = counts[role].to_numpy(dtype=float)
        ax.barh(y, values, left=left, color=ROLE_COLORS[role], label=fonts.show(shown),
                height=0.7, edgecolor="white", linewidth=0.5)
        left += values
    ax.set_yticks(y, [fonts.show(s) for s in names], **fonts.kwargs(fontsize=fontsize))
    ax.tick_params(axis="y", length=0, pad=14)
    # The best broker on top; one empty row when no actor brokers a path.
    ax.set_ylim(max(len(ranked), 1) - 0.5, -0.5)
    ax.set_xlim(0, max(float(left.max(initial=0.0)), 1.0) * 1.04)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))  # counts: whole numbers
    dots = ax.scatter(np.full(len(y), -0.014), y, c=[colors[s] for s in sectors], s=30,
                      marker="o", edgecolors="#333333", linewidths=0.5, clip_on=False,
                      transform=blended_transform_factory(ax.transAxes, ax.transData),
                      zorder=3)
    dots.set_gid("netmap-broker-sectors")
    ax.set_xlabel(fonts.show(xlabel), **fonts.kwargs(fontsize=fontsize))
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.grid(axis="x", color="#DDDDDD", linewidth=0.6)
    ax.set_axisbelow(True)
    if legend:
        entries: list[tuple[str, str, dict | None]] = [
            ("header", _words.plot_word("roles", lang), None)]
        for role, shown in zip(ROLES, role_names, strict=True):
            if not counts[role].any():
                continue  # a role with no bar has no place in the legend
            entries.append(("marker", shown, {"marker": "s", "markersize": 9,
                                              "markerfacecolor": ROLE_COLORS[role],
                                              "markeredgecolor": "none"}))
        entries.append(("header", _words.plot_word("sectors", lang), None))
        for code, shown in zip(present, sector_names, strict=True):
            entries.append(("marker", shown, {"marker": "o", "markersize": 6,
                                              "markerfacecolor": colors[code],
                                              "markeredgecolor": "#333333",
                                              "markeredgewidth": 0.5}))
        # Beside the bars on the right, whatever the language: the names
        # take the left.
        draw_legend(ax, entries, fonts, "en", fontsize)
    if title_text:
        ax.set_title(fonts.show(title_text), **fonts.kwargs())
    return ax
