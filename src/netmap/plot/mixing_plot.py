"""The sector x sector mixing heat map, every cell annotated."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from netmap.measures.mixing import mixing_matrix
from netmap.model._params import check_choice, check_number
from netmap.plot._common import Fonts, get_ax, group_names, text_color
from netmap.words import catalogue as _words

if TYPE_CHECKING:
    from netmap.model.stakeholder_map import StakeholderMap

__all__ = ["plot_mixing"]

_STATS = ("observed", "expected", "ratio")


def plot_mixing(m: StakeholderMap, *, ax=None, stat="observed", by="sector", weight=None, lang="en",
                cmap=None, colorbar=True, title=True, font=None, fontsize=9.0):
    """Heat map of the ties between and within sectors, annotated.

    Draws :func:`netmap.mixing_matrix`: rows and columns are the sectors
    present, in taxonomy order (rows the source sector when directed).
    ``stat="observed"`` shades the counts (or summed weights) on a
    sequential scale; ``stat="ratio"`` shades observed / expected under
    random mixing on a diverging scale centred on 1, so that pairs that
    tie more than chance are one colour and pairs that tie less the
    other. Cells with nothing expected show a dash.

    Parameters
    ----------
    m : StakeholderMap
        The map.
    ax : matplotlib.axes.Axes, optional
        Where to draw; default the current Axes.
    stat : {"observed", "expected", "ratio"}, default "observed"
        What the cells show (see :func:`netmap.mixing_matrix`).
    by : str, default "sector"
        ``"sector"``, ``"core"`` or an actor column.
    weight : {None, "weight"}
        Count ties, or sum their weights.
    lang : {"en", "he"}, default "en"
        Language of sector names and title.
    cmap : str or matplotlib.colors.Colormap, optional
        Default ``"viridis"`` for counts, ``"PuOr_r"`` for the ratio (both
        colour-blind safe).
    colorbar : bool, default True
        Add a colour bar beside the Axes.
    title : bool or str, default True
        True: a title saying what the cells are; a string: that title.
    font : str or list of str, optional
        Font families (DejaVu Sans is added as the fallback).
    fontsize : float, default 9
        Size of the cell annotations and tick labels.

    Returns
    -------
    matplotlib.axes.Axes
        The heat map is ``ax.images[0]``; its array is the matrix. The
        annotations are ``ax.texts``, row by row.

    Raises
    ------
    netmap.ParameterError
        For an unknown ``stat`` or ``lang``, or a ``fontsize`` that is not
        a positive number.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> import netmap
    >>> from netmap.plot import plot_mixing
    >>> fig, ax = plt.subplots()
    >>> ax = plot_mixing(netmap.datasets.load_2x5(), ax=ax, stat="ratio")
    >>> ax.images[0].get_array().shape
    (7, 7)
    >>> plt.close(fig)
    """
    from matplotlib.colors import Normalize, TwoSlopeNorm

    check_choice("stat", stat, _STATS)
    check_number("fontsize", fontsize, above=0)
    lang = _words.check_lang(lang)
    fonts = Fonts.of(font)
    ax = get_ax(ax)
    matrix = mixing_matrix(m, by=by, weight=weight, stat=stat)
    values = matrix.to_numpy(dtype=float)
    finite = values[np.isfinite(values)]
    if stat == "ratio":
        high = max(float(finite.max()) if finite.size else 2.0, 1.0 + 1e-9)
        norm: Normalize = TwoSlopeNorm(vmin=0.0, vcenter=1.0, vmax=max(high, 2.0))
        cmap = cmap or "PuOr_r"
    else:
        norm = Normalize(vmin=0.0, vmax=max(float(finite.max()) if finite.size else 1.0,
                                            1e-9))
        cmap = cmap or "viridis"
    image = ax.imshow(np.ma.masked_invalid(values), cmap=cmap, norm=norm,
                      interpolation="nearest", aspect="equal")
    image.set_gid("netmap-mixing")
    names = group_names(m, by, matrix.index, lang)
    title_text = None
    if title is True:
        title_text = _words.plot_word(f"mixing {stat}", lang)
    elif title:
        title_text = str(title)
    fonts.check([*names, *([title_text] if title_text else [])], stacklevel=2)
    shown = [fonts.show(s) for s in names]
    ticks = np.arange(len(names))
    ax.set_xticks(ticks, shown, rotation=40, ha="right", rotation_mode="anchor",
                  **fonts.kwargs(fontsize=fontsize))
    ax.set_yticks(ticks, shown, **fonts.kwargs(fontsize=fontsize))
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    is_count = stat == "observed" and weight is None
    for i in range(len(names)):
        for j in range(len(names)):
            v = values[i, j]
            if np.isfinite(v):
                label = f"{int(round(v))}" if is_count else f"{v:.2f}"
                color = text_color(image.cmap(image.norm(v)))
            else:
                label, color = "–", "black"
            ax.text(j, i, label, ha="center", va="center", color=color,
                    **fonts.kwargs(fontsize=fontsize))
    if colorbar:
        bar = ax.get_figure().colorbar(image, ax=ax, fraction=0.046, pad=0.04)
        label = _words.plot_word("ratio" if stat == "ratio" else "ties count", lang)
        bar.set_label(fonts.show(label), **fonts.kwargs())
        if stat == "observed" and weight is None:
            from matplotlib.ticker import MaxNLocator

            bar.locator = MaxNLocator(integer=True)  # a count of ties: whole numbers
            bar.update_ticks()
    if title_text:
        ax.set_title(fonts.show(title_text), **fonts.kwargs())
    return ax
