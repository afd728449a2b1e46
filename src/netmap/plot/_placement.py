"""Labels beside their markers, never over another label or a marker.

Greedy placement over candidate spots, most important label first, with
the renderer's own text extents (Imhof's rules as cartographers apply
them: a label beside its point, or further out with a leader line, or
not at all). A label that finds no free spot is left out, so the number
of labels follows the room the picture has.
"""

from __future__ import annotations

import numpy as np
from scipy.spatial import cKDTree

from netmap.plot._common import root_figure

__all__ = ["place_labels", "SPOTS", "LEADER_RINGS"]

#: The spots next to a marker: (dx, dy) as multiples of the gap, and the alignment.
SPOTS = (
    (1, 0, "left", "center"), (-1, 0, "right", "center"),
    (0, 1, "center", "bottom"), (0, -1, "center", "top"),
    (0.75, 0.75, "left", "bottom"), (-0.75, 0.75, "right", "bottom"),
    (0.75, -0.75, "left", "top"), (-0.75, -0.75, "right", "top"),
)
#: Distances (in label heights beyond the gap) of the rings of spots further
#: out, 16 directions each, joined to the marker by a leader line.
LEADER_RINGS = (1.5, 2.5, 4.0, 6.0)
_DIRECTIONS = 16
_LEADER = {"arrowstyle": "-", "color": "#555555", "linewidth": 0.6,
           "shrinkA": 0.0}


def _candidates(gap: float, height: float) -> list[tuple[float, float, str, str, bool]]:
    """Offsets (display units) and alignments of every spot, nearest first."""
    out = [(dx * gap, dy * gap, ha, va, False) for dx, dy, ha, va in SPOTS]
    for ring in LEADER_RINGS:
        reach = gap + ring * height
        for k in range(_DIRECTIONS):
            a = 2 * np.pi * k / _DIRECTIONS
            c, s = np.cos(a), np.sin(a)
            ha = "left" if c > 0.3 else "right" if c < -0.3 else "center"
            va = "bottom" if s > 0.3 else "top" if s < -0.3 else "center"
            out.append((reach * c, reach * s, ha, va, True))
    return out


def _boxes(x: float, y: float, w: float, h: float, spots) -> np.ndarray:
    """The box ``(x0, y0, x1, y1)`` of the label at each spot."""
    dx = np.array([s[0] for s in spots])
    dy = np.array([s[1] for s in spots])
    ha = np.array([s[2] for s in spots])
    va = np.array([s[3] for s in spots])
    left = x + dx - np.where(ha == "left", 0.0, np.where(ha == "right", w, w / 2))
    bottom = y + dy - np.where(va == "bottom", 0.0, np.where(va == "top", h, h / 2))
    return np.column_stack([left, bottom, left + w, bottom + h])


def _free(boxes: np.ndarray, placed: np.ndarray, tree, centres: np.ndarray,
          radii: np.ndarray, frame, margin: float) -> np.ndarray:
    """Which ``boxes`` stay inside ``frame`` and meet no placed box and no marker."""
    ok = ((boxes[:, 0] >= frame.x0) & (boxes[:, 2] <= frame.x1)
          & (boxes[:, 1] >= frame.y0) & (boxes[:, 3] <= frame.y1))
    if len(placed):
        w = (np.minimum(boxes[:, None, 2], placed[None, :, 2])
             - np.maximum(boxes[:, None, 0], placed[None, :, 0]))
        h = (np.minimum(boxes[:, None, 3], placed[None, :, 3])
             - np.maximum(boxes[:, None, 1], placed[None, :, 1]))
        ok &= ~((w > -margin) & (h > -margin)).any(axis=1)
    if tree is None:
        return ok
    reach = float(radii.max()) + margin
    for k in np.flatnonzero(ok):
        b = boxes[k]
        half = np.hypot(b[2] - b[0], b[3] - b[1]) / 2
        near = tree.query_ball_point(((b[0] + b[2]) / 2, (b[1] + b[3]) / 2), half + reach)
        if not near:
            continue
        c = centres[near]
        nx = np.clip(c[:, 0], b[0], b[2])
        ny = np.clip(c[:, 1], b[1], b[3])
        if np.any(np.hypot(c[:, 0] - nx, c[:, 1] - ny) < radii[near] + margin):
            ok[k] = False
    return ok


def place_labels(ax, xy: np.ndarray, strings: list[str], radii: np.ndarray,
                 order: np.ndarray, node_xy: np.ndarray, node_radii: np.ndarray,
                 text_kwargs: dict, obstacles=(), most: int | None = None) -> list:
    """Annotate the points ``xy`` with ``strings``, most important first, none overlapping.

    Each label goes to the first free spot: the eight spots around its
    marker (right, left, above, below, the diagonals), then rings of
    sixteen spots further out (:data:`LEADER_RINGS`), joined to the
    marker by a thin leader line. A spot is free when the label's box
    (the renderer's extent of the text) stays inside the Axes and keeps
    a point clear of every label placed before it, of every marker
    (its own too) and of ``obstacles``. A label without a free spot is
    left out, and so are labels beyond ``most`` placed ones. Offsets are
    in points, so labels stay beside their markers when the figure is
    resized.

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
    most : int, optional
        The most labels to place.

    Returns
    -------
    list of matplotlib.text.Annotation
        The labels placed, most important first.
    """
    fig = root_figure(ax)
    ax.apply_aspect()
    points = fig.dpi / 72.0
    to_display = ax.transData.transform
    anchors = to_display(xy) if len(xy) else np.zeros((0, 2))
    centres = to_display(node_xy) if len(node_xy) else np.zeros((0, 2))
    node_r = np.asarray(node_radii, dtype=float) * points
    tree = cKDTree(centres) if len(centres) else None
    frame = ax.get_window_extent()
    margin = 1.0 * points
    placed = np.array([[b.x0, b.y0, b.x1, b.y1] for b in
                       (t.get_window_extent() for t in obstacles)]).reshape(-1, 4)
    # Squares reach further than circles of the same area: keep clear of both.
    gaps = (np.asarray(radii, dtype=float) * 1.25 + 2.0) * points
    out: list = []
    for k in order:
        if most is not None and len(out) >= most:
            break
        text = ax.annotate(strings[k], xy=tuple(xy[k]), xytext=(0, 0),
                           textcoords="offset points", ha="left", va="center",
                           **text_kwargs)
        extent = text.get_window_extent()
        spots = _candidates(gaps[k], extent.height)
        boxes = _boxes(float(anchors[k, 0]), float(anchors[k, 1]), extent.width, extent.height,
                       spots)
        free = np.flatnonzero(_free(boxes, placed, tree, centres, node_r, frame, margin))
        if len(free) == 0:
            text.remove()
            continue
        dx, dy, ha, va, leader = spots[free[0]]
        if leader:  # drawn again, with its leader line
            text.remove()
            text = ax.annotate(strings[k], xy=tuple(xy[k]), xytext=(0, 0),
                               textcoords="offset points",
                               arrowprops={**_LEADER, "shrinkB": float(radii[k]) + 1.0},
                               **text_kwargs)
            text.arrow_patch.set_gid("netmap-leader")
        text.set_position((dx / points, dy / points))
        text.set_horizontalalignment(ha)
        text.set_verticalalignment(va)
        placed = np.vstack([placed, boxes[free[0]]])
        out.append(text)
    return out
