"""How readable a drawn map is: the scores of ``benchmarks/bench_layout.py``.

Five scores, each from positions (and, for the picture, the drawn
artists), each defined so that it can be checked by hand on a tiny case
(``tests/test_plot_quality.py``):

- :func:`label_overlaps`: pairs of labels whose boxes intersect, plus
  (label, marker) pairs whose box meets the marker's disc;
- :func:`node_overlaps`: pairs of markers whose discs intersect;
- :func:`crossings_per_tie`: proper crossings of two ties that share no
  actor, divided by the number of ties;
- :func:`panel_share`: the share of the panel's cells (about one cell
  per actor) that hold an actor;
- :func:`silhouette`: the mean silhouette (Rousseeuw 1987) of the
  positions grouped by sector.

Sizes in the picture are in display units (pixels), as
``Artist.get_window_extent`` gives them.
"""

from __future__ import annotations

import numpy as np
from scipy.spatial import cKDTree

__all__ = ["crossings_per_tie", "silhouette", "node_overlaps", "label_overlaps",
           "panel_share", "SILHOUETTE_SAMPLE"]

#: Above this many actors :func:`silhouette` averages over a seeded sample of
#: this many (each against every actor).
SILHOUETTE_SAMPLE = 3000

_CHUNK = 2_000_000  # tie pairs compared at once by crossings_per_tie


def _pairs(source: np.ndarray, target: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct undirected pairs of distinct actors, as (low, high)."""
    s, t = np.asarray(source, dtype=np.int64), np.asarray(target, dtype=np.int64)
    keep = s != t
    lo, hi = np.minimum(s[keep], t[keep]), np.maximum(s[keep], t[keep])
    if len(lo) == 0:
        return lo, hi
    pairs = np.unique(np.column_stack([lo, hi]), axis=0)
    return pairs[:, 0], pairs[:, 1]


def _orient(p: np.ndarray, q: np.ndarray, r: np.ndarray) -> np.ndarray:
    """Sign of the turn p -> q -> r (1 left, -1 right, 0 on a line)."""
    cross = (q[:, 0] - p[:, 0]) * (r[:, 1] - p[:, 1]) - (q[:, 1] - p[:, 1]) * (r[:, 0] - p[:, 0])
    return np.sign(cross)


def crossings_per_tie(xy: np.ndarray, source: np.ndarray, target: np.ndarray) -> float:
    """Proper crossings between ties, per tie.

    Ties are straight segments between their actors' positions; direction,
    parallel ties and self-ties are ignored (each pair of actors counts
    once). Two ties cross when each one's ends lie strictly on the two
    sides of the other's line; ties sharing an actor, touching at an end
    or lying on one line do not count.

    Parameters
    ----------
    xy : numpy.ndarray
        ``n x 2`` positions.
    source, target : numpy.ndarray of int
        The two ends of each tie.

    Returns
    -------
    float
        Crossings divided by the number of distinct ties (0 without ties).

    Examples
    --------
    >>> import numpy as np
    >>> square = np.array([[0, 0], [1, 1], [0, 1], [1, 0]], dtype=float)
    >>> crossings_per_tie(square, np.array([0, 2]), np.array([1, 3]))
    0.5
    """
    xy = np.asarray(xy, dtype=float)
    s, t = _pairs(source, target)
    m = len(s)
    if m < 2:
        return 0.0
    a, b = xy[s], xy[t]
    low, high = np.minimum(a, b), np.maximum(a, b)
    # Candidate pairs: ties whose bounding boxes meet, found by sweeping x.
    order = np.argsort(low[:, 0], kind="stable")
    starts = low[order, 0]
    ends_at = np.searchsorted(starts, high[order, 0], side="right")
    count = 0
    step = max(1, _CHUNK // max(int(np.mean(ends_at - np.arange(m))) + 1, 1))
    for first in range(0, m, step):
        rows = np.arange(first, min(first + step, m))
        spans = ends_at[rows] - rows - 1
        i = np.repeat(rows, np.maximum(spans, 0))
        offsets = np.arange(len(i)) - np.repeat(np.cumsum(np.maximum(spans, 0))
                                                - np.maximum(spans, 0), np.maximum(spans, 0))
        j = i + 1 + offsets
        i, j = order[i], order[j]
        ok = (low[i, 1] <= high[j, 1]) & (low[j, 1] <= high[i, 1])
        ok &= (s[i] != s[j]) & (s[i] != t[j]) & (t[i] != s[j]) & (t[i] != t[j])
        i, j = i[ok], j[ok]
        d1 = _orient(a[i], b[i], a[j])
        d2 = _orient(a[i], b[i], b[j])
        d3 = _orient(a[j], b[j], a[i])
        d4 = _orient(a[j], b[j], b[i])
        count += int(np.sum((d1 * d2 < 0) & (d3 * d4 < 0)))
    return count / m


def silhouette(xy: np.ndarray, groups: np.ndarray, *, seed=0) -> float:
    """Mean silhouette of the positions grouped by ``groups`` (Euclidean).

    For an actor, ``a`` is its mean distance to the other actors of its
    group and ``b`` the least, over the other groups, of its mean distance
    to that group's actors; its silhouette is ``(b - a) / max(a, b)``, and
    0 for an actor alone in its group (as scikit-learn). 1: groups
    compact and far apart; 0: groups mixed; below 0: actors nearer
    another group than their own. Above :data:`SILHOUETTE_SAMPLE` actors,
    the mean over a seeded sample of that many actors.

    Parameters
    ----------
    xy : numpy.ndarray
        ``n x 2`` positions.
    groups : numpy.ndarray
        A group code per actor (such as the sector).
    seed : int, default 0
        Seeds the sample.

    Returns
    -------
    float
        NaN with fewer than two groups.

    References
    ----------
    Rousseeuw, P. J. (1987). Silhouettes: a graphical aid to the interpretation and
    validation of cluster analysis. Journal of Computational and Applied Mathematics
    20, 53-65. https://doi.org/10.1016/0377-0427(87)90125-7

    Examples
    --------
    >>> import numpy as np
    >>> xy = np.array([[0, 0], [0, 1], [10, 0], [10, 1]], dtype=float)
    >>> round(silhouette(xy, np.array([0, 0, 1, 1])), 4)
    0.9002
    """
    xy = np.asarray(xy, dtype=float)
    _, codes = np.unique(np.asarray(groups), return_inverse=True)
    k = int(codes.max()) + 1 if len(codes) else 0
    if k < 2:
        return float("nan")
    n = len(xy)
    rows = np.arange(n)
    if n > SILHOUETTE_SAMPLE:
        rows = np.sort(np.random.default_rng(seed).choice(n, SILHOUETTE_SAMPLE, replace=False))
    sizes = np.bincount(codes, minlength=k).astype(float)
    onehot = np.zeros((n, k))
    onehot[np.arange(n), codes] = 1.0
    values = []
    step = max(1, min(500, 20_000_000 // max(n * max(k, 2), 1)))  # about 160 MB at most
    for first in range(0, len(rows), step):
        part = rows[first:first + step]
        dist = np.hypot(xy[part, None, 0] - xy[None, :, 0], xy[part, None, 1] - xy[None, :, 1])
        sums = dist @ onehot  # distance to each group
        own = codes[part]
        alone = sizes[own] <= 1
        a = sums[np.arange(len(part)), own] / np.maximum(sizes[own] - 1, 1)
        means = sums / np.maximum(sizes, 1)
        means[np.arange(len(part)), own] = np.inf
        means[:, sizes == 0] = np.inf
        b = means.min(axis=1)
        top = np.maximum(a, b)
        s = np.where(top > 0, (b - a) / np.where(top > 0, top, 1), 0.0)
        values.append(np.where(alone, 0.0, s))
    return float(np.concatenate(values).mean())


def node_overlaps(centres: np.ndarray, radii: np.ndarray, *, tolerance: float = 0.5) -> int:
    """Pairs of markers whose discs overlap by more than ``tolerance`` (display units).

    Parameters
    ----------
    centres : numpy.ndarray
        ``n x 2`` marker centres in display units.
    radii : numpy.ndarray
        Marker radii in the same units.
    tolerance : float, default 0.5
        Overlaps of at most this depth (half a pixel) do not count.

    Returns
    -------
    int

    Examples
    --------
    >>> import numpy as np
    >>> node_overlaps(np.array([[0, 0], [3, 0], [10, 0]]), np.array([2.0, 2.0, 2.0]))
    1
    """
    centres = np.asarray(centres, dtype=float)
    radii = np.asarray(radii, dtype=float)
    if len(centres) < 2:
        return 0
    reach = 2 * float(radii.max())
    pairs = cKDTree(centres).query_pairs(reach, output_type="ndarray")
    if len(pairs) == 0:
        return 0
    i, j = pairs[:, 0], pairs[:, 1]
    dist = np.hypot(*(centres[i] - centres[j]).T)
    return int(np.sum(radii[i] + radii[j] - dist > tolerance))


def label_overlaps(boxes: np.ndarray, centres: np.ndarray, radii: np.ndarray, *,
                   tolerance: float = 0.5) -> int:
    """Pairs of labels that overlap, plus (label, marker) pairs that overlap.

    Parameters
    ----------
    boxes : numpy.ndarray
        ``L x 4`` label boxes ``(x0, y0, x1, y1)`` in display units.
    centres, radii : numpy.ndarray
        Every marker's centre and radius, in display units.
    tolerance : float, default 0.5
        Overlaps of at most this depth do not count.

    Returns
    -------
    int

    Examples
    --------
    >>> import numpy as np
    >>> boxes = np.array([[0, 0, 10, 5], [8, 0, 20, 5], [30, 0, 40, 5]], dtype=float)
    >>> label_overlaps(boxes, np.array([[35, 7]]), np.array([3.0]))
    2
    """
    boxes = np.asarray(boxes, dtype=float).reshape(-1, 4)
    centres = np.asarray(centres, dtype=float).reshape(-1, 2)
    radii = np.asarray(radii, dtype=float)
    if len(boxes) == 0:
        return 0
    i, j = np.triu_indices(len(boxes), k=1)
    w = np.minimum(boxes[i, 2], boxes[j, 2]) - np.maximum(boxes[i, 0], boxes[j, 0])
    h = np.minimum(boxes[i, 3], boxes[j, 3]) - np.maximum(boxes[i, 1], boxes[j, 1])
    between = int(np.sum((w > tolerance) & (h > tolerance)))
    if len(centres) == 0:
        return between
    # The nearest point of each box to each marker centre.
    nx = np.clip(centres[None, :, 0], boxes[:, None, 0], boxes[:, None, 2])
    ny = np.clip(centres[None, :, 1], boxes[:, None, 1], boxes[:, None, 3])
    depth = radii[None, :] - np.hypot(centres[None, :, 0] - nx, centres[None, :, 1] - ny)
    return between + int(np.sum(depth > tolerance))


def panel_share(centres: np.ndarray, frame: tuple[float, float, float, float]) -> float:
    """Share of the panel's cells that hold at least one actor.

    The panel ``frame`` = ``(x0, y0, x1, y1)`` is cut into square cells,
    about as many as there are actors (``ceil(width / side)`` by
    ``ceil(height / side)`` with ``side = sqrt(width * height / n)``).
    Actors spread evenly over the whole panel fill nearly every cell;
    a dense blob, or a drawing that leaves half the panel empty, few.

    Parameters
    ----------
    centres : numpy.ndarray
        ``n x 2`` actor positions in the units of ``frame``.
    frame : tuple of float
        The panel.

    Returns
    -------
    float
        Between 0 and 1 (NaN without actors).

    Examples
    --------
    >>> import numpy as np
    >>> panel_share(np.array([[1, 1], [1, 1.5], [3, 3], [3, 1]]), (0, 0, 4, 4))
    0.75
    """
    centres = np.asarray(centres, dtype=float).reshape(-1, 2)
    n = len(centres)
    if n == 0:
        return float("nan")
    x0, y0, x1, y1 = map(float, frame)
    width, height = x1 - x0, y1 - y0
    side = np.sqrt(width * height / n)
    nx, ny = max(int(np.ceil(width / side - 1e-9)), 1), max(int(np.ceil(height / side - 1e-9)), 1)
    cx = np.clip(((centres[:, 0] - x0) / side).astype(int), 0, nx - 1)
    cy = np.clip(((centres[:, 1] - y0) / side).astype(int), 0, ny - 1)
    return len(set(zip(cx.tolist(), cy.tolist(), strict=True))) / (nx * ny)
