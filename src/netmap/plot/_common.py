"""What the plot functions share: the Axes, labels, measures to size by, text artists."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from netmap.model._params import allowed_words
from netmap.model._warnings import warn
from netmap.model.exceptions import DataWarning, MeasureError, ParameterError
from netmap.plot import text as _text
from netmap.words import catalogue as _words

__all__ = ["get_ax", "actor_labels", "actor_values", "group_names", "group_colors",
           "text_color", "Fonts", "MEASURE_NAMES"]

_COUNTS = ("ties",)
_CENTRALITY = ("degree", "betweenness", "closeness", "eigenvector")
_ROLES = ("coordinator", "itinerant", "representative", "gatekeeper", "liaison", "total")
_HOLES = ("constraint", "effective_size", "efficiency")
_BROKERS = ("cross_brokerage", "sectors_reached")

#: Measures a plot can size or rank actors by, besides any actor column.
MEASURE_NAMES = (*_COUNTS, *_CENTRALITY, *_ROLES, *_HOLES, *_BROKERS)


def get_ax(ax):
    """``ax``, or the current Axes of pyplot (created if there is none)."""
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    return plt.gca()


def actor_labels(m, lang: str, label_column: str | None) -> pd.Series:
    """The label of every actor: a name column, or the id where it is empty.

    ``label_column`` None: ``name_<lang>`` (``name_en`` for English) when
    the map has it, else ``name``, else the id.
    """
    actors = m.actors
    if label_column is None:
        if f"name_{lang}" in actors.columns:
            label_column = f"name_{lang}"
        elif "name" in actors.columns:
            label_column = "name"
    if label_column is None or label_column == "id":
        values = pd.Series(actors.index.astype(str), index=actors.index)
    elif label_column not in actors.columns:
        raise ParameterError("label_column", label_column,
                             allowed_words(["id", *map(str, actors.columns)]) + " or None",
                             hint="a column of the actors")
    else:
        values = actors[label_column].astype(object)
        values = values.where(values.notna(), pd.Series(actors.index, index=actors.index))
        values = values.map(str)
    return values.rename("label")


def group_names(m, by: str, labels, lang: str) -> list[str]:
    """Display names of the groups ``labels`` of ``by``: sector names in ``lang``, else as is."""
    taxonomy = m.taxonomy
    if by in ("sector", "core"):
        return [_words.sector_name(taxonomy, c, lang) if c in taxonomy.codes else str(c)
                for c in labels]
    return [str(c) for c in labels]


def group_colors(m, by: str, labels) -> list[str]:
    """The colour of each group of ``by``: its sector's, or one of the extra colours in turn.

    Groups of an actor column take :data:`netmap.model.palette.EXTRA_COLORS` in
    order; more groups than colours is a MeasureError (two groups would
    share a colour).
    """
    from netmap.model.palette import EXTRA_COLORS, sector_colors

    labels = list(labels)
    if by in ("sector", "core"):
        colors = sector_colors(m.taxonomy)
        return [colors[c] for c in labels]
    if len(labels) > len(EXTRA_COLORS):
        raise MeasureError(f"the actor column {by!r} has {len(labels)} values and a plot "
                           f"has {len(EXTRA_COLORS)} colours for them; group by "
                           f"'sector' or 'core', or by a column with fewer values")
    return list(EXTRA_COLORS[:len(labels)])


def text_color(rgba) -> str:
    """Black or white, whichever reads better on ``rgba`` (relative luminance)."""
    r, g, b = (np.asarray(rgba[:3]) ** 2.2)
    return "black" if 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.18 else "white"


_VALUES = "a numeric actor column, a Series or mapping by actor id, or a measure name"


def actor_values(m, what, *, seed=None, parameter: str = "size") -> pd.Series:
    """Numbers per actor, indexed by actor id, from a measure, a column or a Series.

    ``what`` may be an actor column (numeric), one of
    :data:`MEASURE_NAMES` (centrality, a brokerage role, structural holes,
    cross-sector brokerage), or a Series or mapping indexed by actor id.
    Actors without a value get NaN. A bad ``what`` raises
    :class:`~netmap.ParameterError` naming ``parameter``.
    """
    ids = m.arrays.ids
    if isinstance(what, pd.Series | Mapping):
        values = pd.Series(what, dtype=float) if isinstance(what, Mapping) else what
        unknown = values.index.difference(ids)
        if len(unknown):
            raise ParameterError(
                parameter, what, _VALUES,
                hint=f"{len(unknown)} ids of the values are not actors of the map, such as "
                     f"{unknown[0]!r}; index the values by actor id")
        name = values.name if values.name is not None else "value"
        return pd.to_numeric(values.reindex(ids), errors="raise").astype(float).rename(name)
    if not isinstance(what, str):
        raise ParameterError(parameter, what, _VALUES)
    actors = m.actors
    if what in actors.columns:
        column = actors[what]
        if not (pd.api.types.is_numeric_dtype(column) or pd.api.types.is_bool_dtype(column)):
            raise ParameterError(parameter, what, _VALUES + ": " + allowed_words(MEASURE_NAMES),
                                 hint=f"the actor column {what!r} is not numeric")
        return column.astype(float).rename(what)
    if what == "ties":
        return tie_counts(m)
    if what in _CENTRALITY:
        from netmap.measures.centrality import centrality

        return centrality(m, measures=(what,), seed=seed)[what]
    if what in _ROLES:
        from netmap.measures.brokerage import brokerage

        return brokerage(m, stat="raw")[what].astype(float)
    if what in _HOLES:
        from netmap.measures.holes import structural_holes

        return structural_holes(m)[what]
    if what == "sectors_reached":
        from netmap.structure.brokers import sectors_reached

        return sectors_reached(m)
    if what == "cross_brokerage":
        from netmap.measures.brokerage import brokerage

        raw = brokerage(m, stat="raw")
        return raw[["representative", "gatekeeper", "liaison"]].sum(axis=1).astype(
            float).rename(what)
    raise ParameterError(parameter, what, "a numeric actor column ("
                         + ", ".join(map(str, actors.columns)) + ") or one of "
                         + allowed_words(MEASURE_NAMES))


def tie_counts(m) -> pd.Series:
    """The number of ties of each actor to other actors, indexed by actor id.

    What "number of ties" means wherever netmap sizes or ranks actors by it
    (``size="ties"`` of :func:`netmap.plot.plot_map` and
    :func:`netmap.plot.explore`, the report's most tied actors): every tie
    to another actor counts once for each end, parallel ties each; a
    self-tie is left out, since it joins the actor to no one (as degree
    centrality leaves it out). :func:`ties_to_others` is the same count as
    an array in ``m.arrays`` order.

    Examples
    --------
    >>> import netmap, pandas as pd, warnings
    >>> with warnings.catch_warnings():  # the self-tie is warned about
    ...     warnings.simplefilter("ignore", netmap.DataWarning)
    ...     m = netmap.StakeholderMap(
    ...         pd.DataFrame({"id": ["moe", "ngo"], "sector": ["public", "third"]}),
    ...         pd.DataFrame({"source": ["moe", "ngo"], "target": ["ngo", "ngo"]}))
    >>> tie_counts(m).to_dict()
    {'moe': 1.0, 'ngo': 1.0}
    """
    return pd.Series(ties_to_others(m).astype(float), index=m.arrays.ids.copy(), name="ties")


def ties_to_others(m) -> np.ndarray:
    """Each actor's number of ties to other actors (self-ties left out), in ``m.arrays`` order.

    A tie joins two actors and counts once for each; a self-tie joins an
    actor to no one and is left out. The one count behind "number of ties"
    on the static map and the interactive map (their sizes agree) and the
    report's choice of the actors it draws; :func:`tie_counts` gives it
    indexed by actor id.

    Examples
    --------
    >>> import netmap
    >>> m = netmap.datasets.load_2x5()
    >>> int(ties_to_others(m).sum()) == 2 * int((m.arrays.source != m.arrays.target).sum())
    True
    """
    arr = m.arrays
    keep = arr.source != arr.target
    return np.bincount(np.concatenate([arr.source[keep], arr.target[keep]]),
                       minlength=arr.n_actors)


def warn_missing(values: pd.Series, what: str, fallback: str, stacklevel: int) -> None:
    """Warn when actors have no value of what they are sized or ranked by."""
    missing = int(values.isna().sum())
    if missing:
        example = values.index[values.isna().to_numpy()][0]
        warn(
            f"{missing} of {len(values)} actors have no {what} value (such as "
            f"{example!r}); they are {fallback}", DataWarning, stacklevel=stacklevel + 1)


@dataclass(frozen=True)
class Fonts:
    """The fonts of one plot, and the one way its strings become text artists."""

    families: tuple[str, ...]

    @classmethod
    def of(cls, font: str | Sequence[str] | None) -> Fonts:
        """The fonts for ``font=`` of a plot function."""
        return cls(tuple(_text.font_families(font)))

    def check(self, strings, stacklevel: int) -> None:
        """Warn about characters of ``strings`` that the fonts cannot draw or join."""
        strings = [str(s) for s in strings]
        _text.check_glyphs(strings, list(self.families), stacklevel=stacklevel + 1)
        _text.check_shaping(strings, stacklevel=stacklevel + 1)

    def show(self, s: str) -> str:
        """The string handed to matplotlib for ``s`` (checked by :meth:`check`)."""
        return _text.display_text(str(s), warn=False)

    def kwargs(self, **extra) -> dict:
        """Keyword arguments of a text artist: the fonts, no mathtext."""
        return {"fontfamily": list(self.families), "parse_math": False, **extra}


def scale_sizes(values: np.ndarray, low: float, high: float) -> np.ndarray:
    """Marker areas from ``low`` to ``high``, in proportion to ``values`` (NaN: low)."""
    values = np.asarray(values, dtype=float)
    finite = np.isfinite(values)
    out = np.full(len(values), float(low))
    if finite.any():
        vmin, vmax = values[finite].min(), values[finite].max()
        if vmax > vmin:
            out[finite] = low + (values[finite] - vmin) / (vmax - vmin) * (high - low)
        else:
            out[finite] = (low + high) / 2
    return out


def root_figure(ax):
    """The Figure an Axes is drawn on, through any SubFigure (matplotlib 3.8 and newer)."""
    fig = ax.figure
    while getattr(fig, "figure", fig) is not fig:  # a SubFigure's parent, up to the root
        fig = fig.figure
    return fig
