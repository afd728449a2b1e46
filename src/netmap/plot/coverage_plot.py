"""Goals x sectors: who works on each shared goal, with gaps and overlaps marked."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import numpy as np

from netmap.plot._common import Fonts, get_ax, group_colors, group_names, text_color
from netmap.plot.palette import NEUTRAL
from netmap.structure.coverage import coverage
from netmap.words import catalogue as _words
from netmap.words._names import goal_names as goal_names_of

if TYPE_CHECKING:
    from netmap.model.stakeholder_map import StakeholderMap

__all__ = ["plot_coverage", "goal_label"]

#: The columns of :func:`netmap.coverage` after the counts per group.
_TAIL = ("actors", "core_missing", "gap", "crowded_count", "crowded")
_SEP = 0.35  # gap between the group columns and the column of all actors, in cells


def goal_label(goal, labels: Mapping | None = None) -> str:
    """How a goal is written: its entry in ``labels``, else its id with spaces for underscores.

    Examples
    --------
    >>> goal_label("student_motivation")
    'student motivation'
    >>> goal_label("tutoring", {"tutoring": "חונכות"})
    'חונכות'
    """
    if labels is not None and goal in labels:
        return str(labels[goal])
    return " ".join(str(goal).replace("_", " ").split())


def _tint(color, t: float):
    """``color`` mixed with white: ``t`` 0 is white, 1 the colour itself."""
    from matplotlib.colors import to_rgb

    rgb = np.asarray(to_rgb(color))
    return (*(1.0 - t * (1.0 - rgb)), 1.0)


def plot_coverage(m: StakeholderMap, *, ax=None, goals=None, by="sector", crowded=3,
                  crowded_sector="third", lang="en", goal_labels=None, title=True,
                  font=None, fontsize=9.0):
    """Goals x sectors: how many actors of each sector work on each goal; gaps and overlaps.

    Draws :func:`netmap.coverage`: one row per goal, one column per group
    of ``by`` (the three core sectors always) and a last column of all
    actors on the goal. Every cell shows its count, shaded in the
    sector's colour (the deeper, the more actors; zero is white with a
    grey 0). A goal nobody works on (a gap) is hatched across its row; a
    crowded goal (``crowded`` or more actors of ``crowded_sector``, an
    overlap to coordinate) has a thick outline round the cell of that
    sector. Beside each such row a note says which it is.

    Parameters
    ----------
    m : StakeholderMap
        The map, with an activities table (``actor``, ``goal``).
    ax : matplotlib.axes.Axes, optional
        Where to draw; default the current Axes.
    goals : iterable of str, optional
        The initiative's shared goals, top to bottom. Only goals listed
        here can show as gaps; goals of the activities not listed follow.
        Default: the goals of the activities, in order of first appearance.
    by : str, default "sector"
        The columns: ``"sector"``, ``"core"`` or an actor column.
    crowded : int, default 3
        Actors of ``crowded_sector`` on one goal from which it is an overlap.
    crowded_sector : str, default "third"
        The sector whose overlaps are marked. With ``by="sector"`` its cell
        is outlined; otherwise the cell of all actors is.
    lang : {"en", "he"}, default "en"
        Language of sector names, notes and title.
    goal_labels : mapping, optional
        Goal id to the name to show. By default a goal's name in ``lang``
        from the activities' ``name_<lang>`` (or ``name``) column; goals
        with none show their id with spaces for underscores.
    title : bool or str, default True
        True: a title; a string: that title.
    font : str or list of str, optional
        Font families (DejaVu Sans is added as the fallback).
    fontsize : float, default 9
        Size of counts, labels and notes.

    Returns
    -------
    matplotlib.axes.Axes
        Artists with ``gid``: ``netmap-coverage-cells`` (a PatchCollection,
        row by row, group columns then all actors), ``netmap-coverage-counts``
        (texts, in the same order), ``netmap-gaps`` (one hatched rectangle
        per gap), ``netmap-crowded`` (one outline per crowded goal) and
        ``netmap-coverage-notes`` (one text per gap or crowded goal, top
        first). Goals are the y tick labels, groups the x tick labels (on
        top), the last being all actors.

    Raises
    ------
    netmap.MeasureError
        When the map has no activities, ``crowded`` is below 2 or
        ``crowded_sector`` is not a sector (from :func:`netmap.coverage`);
        when ``by`` has more groups than there are colours for.
    ValueError
        For an unknown ``lang``.

    Notes
    -----
    The notes stand to the right of the Axes: save with
    ``bbox_inches="tight"`` to keep them in the picture.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> import netmap
    >>> from netmap.plot import plot_coverage
    >>> fig, ax = plt.subplots(figsize=(8, 6))
    >>> m = netmap.datasets.load_2x5()
    >>> ax = plot_coverage(m, ax=ax, goals=["tutoring", "robotics"])
    >>> [t.get_text() for t in ax.get_yticklabels()][:3]  # listed goals first
    ['Tutoring', 'robotics', 'Data and measurement']
    >>> plt.close(fig)
    """
    from matplotlib.collections import PatchCollection
    from matplotlib.patches import Rectangle

    lang = _words.check_lang(lang)
    table = coverage(m, goals=goals, by=by, crowded=crowded, crowded_sector=crowded_sector)
    labels = [c for c in table.columns if c not in _TAIL]
    colors = group_colors(m, by, labels)
    names = [*group_names(m, by, labels, lang), _words.plot_word("all actors", lang)]
    labels_of = {**goal_names_of(m.activities, lang), **dict(goal_labels or {})}
    goal_names = [goal_label(g, labels_of) for g in table.index]
    sector_name = _words.sector_name(m.taxonomy, crowded_sector, lang)
    notes = {}
    for i, (gap, busy, n) in enumerate(zip(table["gap"], table["crowded"],
                                           table["crowded_count"], strict=True)):
        if gap:
            notes[i] = _words.plot_word("gap", lang)
        elif busy:
            notes[i] = _words.plot_word("overlap", lang, n=int(n),
                                        sector=_words.isolate(sector_name))
    title_text = _words.plot_word("coverage", lang) if title is True else (
        str(title) if title else None)
    fonts = Fonts.of(font)
    fonts.check([*names, *goal_names, *notes.values(),
                 *([title_text] if title_text else [])], stacklevel=2)
    ax = get_ax(ax)

    counts = table[labels].to_numpy(dtype=float)
    totals = table["actors"].to_numpy(dtype=float)
    n_rows, n_groups = counts.shape
    x = np.append(np.arange(n_groups, dtype=float), n_groups + _SEP)
    high = max(float(counts.max(initial=0.0)), 1.0)
    high_total = max(float(totals.max(initial=0.0)), 1.0)
    cells, faces, shown = [], [], []
    for i in range(n_rows):
        row = [*counts[i], totals[i]]
        for j, value in enumerate(row):
            last = j == n_groups
            color = NEUTRAL if last else colors[j]
            top = high_total if last else high
            face = _tint(color, (0.6 if last else 0.85) * value / top + 0.12) if value \
                else (1.0, 1.0, 1.0, 1.0)
            cells.append(Rectangle((x[j] - 0.5, i - 0.5), 1.0, 1.0))
            faces.append(face)
            shown.append((x[j], i, value, face))
    patches = PatchCollection(cells, facecolors=faces, edgecolors="#DDDDDD",
                              linewidths=0.8, zorder=1)
    patches.set_gid("netmap-coverage-cells")
    ax.add_collection(patches)
    gaps = table["gap"].to_numpy()
    for cx, cy, value, face in shown:
        # On a hatched row, a white box keeps the zeros readable.
        box = {"boxstyle": "round,pad=0.15", "facecolor": "white",
               "edgecolor": "none"} if gaps[cy] else None
        zero = "#666666" if gaps[cy] else "#999999"
        text = ax.text(cx, cy, str(int(value)), ha="center", va="center",
                       color=text_color(face) if value else zero, zorder=3, bbox=box,
                       **fonts.kwargs(fontsize=fontsize))
        text.set_gid("netmap-coverage-counts")

    right = x[-1] + 0.5
    crowded_col = labels.index(crowded_sector) if by == "sector" and \
        crowded_sector in labels else n_groups
    for i, note in notes.items():
        if gaps[i]:
            mark = Rectangle((-0.5, i - 0.5), right + 0.5, 1.0, facecolor="none",
                             edgecolor="#999999", hatch="///", linewidth=0.0, zorder=2)
            mark.set_gid("netmap-gaps")
        else:
            mark = Rectangle((x[crowded_col] - 0.45, i - 0.45), 0.9, 0.9,
                             facecolor="none", edgecolor="black", linewidth=2.2, zorder=2.5)
            mark.set_gid("netmap-crowded")
        ax.add_patch(mark)
        text = ax.text(right + 0.25, i, fonts.show(note), ha="left", va="center",
                       color="black", clip_on=False, zorder=3,
                       **fonts.kwargs(fontsize=fontsize,
                                      fontweight="bold" if gaps[i] else "normal"))
        text.set_gid("netmap-coverage-notes")

    ax.set_xlim(-0.5, right)
    ax.set_ylim(n_rows - 0.5, -0.5)  # the first goal on top
    ax.set_aspect("equal")
    ax.xaxis.tick_top()
    ax.set_xticks(x, [fonts.show(s) for s in names], rotation=40, ha="left",
                  rotation_mode="anchor", **fonts.kwargs(fontsize=fontsize))
    ax.set_yticks(np.arange(n_rows), [fonts.show(s) for s in goal_names],
                  **fonts.kwargs(fontsize=fontsize))
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    if title_text:
        ax.set_title(fonts.show(title_text), **fonts.kwargs())
    return ax
