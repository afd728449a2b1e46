"""Labels beside their markers, placed so that they overlap as little as possible."""

from __future__ import annotations

import numpy as np

from netmap.plot._common import root_figure

__all__ = ["place_labels", "PLACE_UP_TO"]

#: Above this many labels they all go to the right of their markers (the
#: search below compares every label with every other).
PLACE_UP_TO = 400

# Candidate spots: (dx, dy) as multiples of the gap, and the alignment.
_SPOTS = (
    (1, 0, "left", "center"), (-1, 0, "right", "center"),
    (0, 1, "center", "bottom"), (0, -1, "center", "top"),
    (0.75, 0.75, "left", "bottom"), (-0.75, 0.75, "right", "bottom"),
    (0.75, -0.75, "left", "top"), (-0.75, -0.75, "right", "top"),
    (2.5, 0, "left", "center"), (-2.5, 0, "right", "center"),
    (0, 2.5, "center", "bottom"), (0, -2.5, "center", "top"),
)


def _box(x: float, y: float, w: float, h: float, ha: str, va: str) -> np.ndarray:
    left = x if ha == "left" else x - w if ha == "right" else x - w / 2
    bottom = y if va == "bottom" else y - h if va == "top" else y - h / 2
    return np.array([left, bottom, left + w, bottom + h])


def _overlap(box: np.ndarray, boxes: np.ndarray) -> float:
    if len(boxes) == 0:
        return 0.0
    w = np.minimum(box[2], boxes[:, 2]) - np.maximum(box[0], boxes[:, 0])
    h = np.minimum(box[3], boxes[:, 3]) - np.maximum(box[1], boxes[:, 1])
    return float((np.clip(w, 0, None) * np.clip(h, 0, None)).sum())


def _covers(box: np.ndarray, centres: np.ndarray, radii: np.ndarray) -> float:
    """Area-like measure of how much ``box`` covers the marker discs."""
    nx = np.clip(centres[:, 0], box[0], box[2])
    ny = np.clip(centres[:, 1], box[1], box[3])
    inside = (centres[:, 0] - nx) ** 2 + (centres[:, 1] - ny) ** 2 < radii ** 2
    return float((radii[inside] ** 2).sum())


def place_labels(ax, xy: np.ndarray, strings: list[str], radii: np.ndarray,
                 order: np.ndarray, node_xy: np.ndarray, node_radii: np.ndarray,
                 text_kwargs: dict, obstacles=()) -> list:
    """Annotate the points ``xy`` with ``strings``, most important first.

    Each label goes to the first of twelve spots around its marker (right,
    left, above, below, the diagonals, then the four first ones further
    out) where it overlaps no label
    placed before it, no marker and stays inside the Axes; when there is
    none, to the spot with the least overlap. Offsets are in points, so
    labels stay beside their markers when the figure is resized.

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        With its final limits and aspect.
    xy : numpy.ndarray
        Data positions of the labelled markers (L x 2).
    strings : list of str
        The strings to draw (already in display form).
    radii : numpy.ndarray
        Marker radius of each label's marker, in points.
    order : numpy.ndarray
        Label positions, most important first.
    node_xy, node_radii : numpy.ndarray
        Every marker (data positions, radii in points), to keep clear of.
    text_kwargs : dict
        For :meth:`matplotlib.axes.Axes.annotate`.
    obstacles : sequence of matplotlib.text.Text
        Texts already drawn that labels should not cover.

    Returns
    -------
    list of matplotlib.text.Annotation
        In the order of ``strings``.
    """
    fig = root_figure(ax)
    ax.apply_aspect()
    points = fig.dpi / 72.0
    texts = [ax.annotate(s, xy=tuple(p), xytext=(0, 0), textcoords="offset points",
                         ha="left", va="center", **text_kwargs)
             for s, p in zip(strings, xy, strict=True)]
    # Squares reach further than circles of the same area: keep clear of both.
    gaps = radii * 1.2 + 2.0
    if len(texts) > PLACE_UP_TO:
        for t, gap in zip(texts, gaps, strict=True):
            t.set_position((gap, 0))
        return texts
    sizes = np.array([[b.width, b.height] for b in
                      (t.get_window_extent() for t in texts)]).reshape(-1, 2)
    to_display = ax.transData.transform
    anchors = to_display(xy) if len(xy) else np.zeros((0, 2))
    centres = to_display(node_xy) if len(node_xy) else np.zeros((0, 2))
    node_r = node_radii * points
    frame = ax.get_window_extent()
    placed = np.array([[b.x0, b.y0, b.x1, b.y1] for b in
                       (t.get_window_extent() for t in obstacles)]).reshape(-1, 4)
    for k in order:
        (x, y), (w, h), gap = anchors[k], sizes[k], gaps[k] * points
        # The label's own marker does not count against it.
        own = np.hypot(*(centres - anchors[k]).T) < 1e-6
        best: tuple[float, float, str, str, np.ndarray] | None = None
        best_cost = np.inf
        for dx, dy, ha, va in _SPOTS:
            box = _box(x + dx * gap, y + dy * gap, w, h, ha, va)
            outside = (max(frame.x0 - box[0], 0) + max(box[2] - frame.x1, 0)
                       + max(frame.y0 - box[1], 0) + max(box[3] - frame.y1, 0))
            cost = (_overlap(box, placed) * 4
                    + _covers(box, centres[~own], node_r[~own]) * 2
                    + outside * h * 4)
            if best is None or cost < best_cost:
                best, best_cost = (dx, dy, ha, va, box), cost
            if cost == 0:
                break
        assert best is not None  # the first spot at least, as _SPOTS is not empty
        dx, dy, ha, va, box = best
        texts[k].set_position((dx * gaps[k], dy * gaps[k]))
        texts[k].set_horizontalalignment(ha)
        texts[k].set_verticalalignment(va)
        placed = np.vstack([placed, box])
    return texts
