"""Burt's structural holes: constraint, effective size and efficiency of every actor."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import scipy.sparse as sp

from netmap.measures.brokerage import _tie_triangles
from netmap.model.exceptions import InvalidValueError, ParameterError

if TYPE_CHECKING:
    from netmap.model.stakeholder_map import StakeholderMap

__all__ = ["structural_holes"]

#: Triangles fed to the indirect terms per step; bounds their memory (about
#: 400 bytes a triangle).
_TRIANGLES_PER_STEP = 1 << 18


def structural_holes(m: StakeholderMap, *, weight: str | None = None) -> pd.DataFrame:
    r"""Burt's constraint, effective size and efficiency of every actor.

    An actor spans a *structural hole* when its contacts are not tied to
    one another: it is then the broker between them. Burt (1992) measures
    this on the actor's ego network, from the proportion of its ties
    invested in each contact. With :math:`z_{ij}` the ties from :math:`i`
    to :math:`j` (or their summed weight) and the *mutual weight*
    :math:`a_{ij} = z_{ij} + z_{ji}` (both directions, so that a directed
    map counts a contact who names :math:`i` and one whom :math:`i` names
    alike), the contacts of :math:`i` are :math:`N(i) = \{j \ne i :
    a_{ij} > 0\}` and

    .. math::

       p_{ij} = \frac{a_{ij}}{\sum_{k \in N(i)} a_{ik}}, \qquad
       m_{jq} = \frac{a_{jq}}{\max_{k} a_{jk}}.

    *Constraint* is how much the actor's ties lead, directly or through a
    third contact, to the same few people:

    .. math::

       c_i = \sum_{j \in N(i)} \Big(p_{ij} + \sum_{q \ne i, j} p_{iq} p_{qj}\Big)^2 .

    *Effective size* is the number of contacts less their redundancy
    (Burt 1992, p. 52; Borgatti 1997):

    .. math::

       e_i = \sum_{j \in N(i)} \Big(1 - \sum_{q \ne i, j} p_{iq} m_{jq}\Big),

    which for an unweighted undirected map is Borgatti's
    :math:`n - 2t/n`, with :math:`n = |N(i)|` contacts and :math:`t` ties
    among them. *Efficiency* is :math:`e_i / n`, the share of contacts that
    are not redundant.

    Parameters
    ----------
    m : StakeholderMap
        The map, directed or not.
    weight : {None, "weight"}, default None
        None: every tied pair counts 1 in each direction in which a tie
        runs, however many ties (of different types) join it. ``"weight"``:
        :math:`z_{ij}` is the sum of the weights of the ties from
        :math:`i` to :math:`j` (in an undirected map, of the ties between
        them), which must then be positive.

    Returns
    -------
    pandas.DataFrame
        One row per actor, indexed by actor id (``id``), in the order of
        ``m.actors``, with columns:

        ``constraint``
            :math:`c_i`: from :math:`1/n` (:math:`n` contacts not tied to
            one another, equally invested in) to 1 for a single contact;
            a closed group can exceed 1 (a triangle gives 1.125). Higher
            means fewer holes. NaN for an actor with no contact.
        ``effective_size``
            :math:`e_i`, between 1 and the number of contacts; NaN for an
            actor with no contact.
        ``efficiency``
            :math:`e_i / |N(i)|`, in (0, 1]; NaN for an actor with no
            contact.

    Raises
    ------
    netmap.InvalidValueError
        If ``weight`` is not None or ``"weight"``, or if a tie between two
        different actors weighs zero or less with ``weight="weight"``.

    See Also
    --------
    netmap.centrality : betweenness and other centralities.

    Notes
    -----
    The values equal those of networkx's ``constraint`` and
    ``effective_size`` (with ``nodes=`` given) on ``m.to_networkx()`` with
    its self-loops removed, and igraph's ``constraint`` on the same simple
    graph, to floating-point precision. Conventions:

    - *Parallel ties* (a partnership and a funding tie between the same
      pair) make one contact. Unweighted, the pair counts 1 per direction,
      as in networkx's simple graph; weighted, their weights add up, as in
      ``m.to_networkx()``. (igraph counts each parallel edge of a
      multigraph.)
    - *Self-ties* are ignored: an actor is not its own contact (Burt 1992;
      UCINET and igraph do the same). networkx counts a self-loop as a tie
      of the actor to itself, so its values differ for actors with one;
      such an actor whose only tie is a self-tie has no contact here (NaN).
    - *Isolates*: constraint, effective size and efficiency are NaN, as in
      networkx.
    - *Directed maps*: ties count in both directions (mutual weight), as
      in Burt (2004) and networkx; a reciprocated pair counts 2 unweighted.
    - networkx 3.6's all-nodes ``effective_size`` (``nodes=None``)
      normalises :math:`m_{jq}` by the wrong axis for weighted or directed
      graphs (networkx pull request 8906); netmap follows the definition
      and networkx's per-node path (``nodes=`` given), which agree with
      UCINET. That path, though, returns NaN for a node of a directed graph
      with in-ties only (it looks at successors); netmap gives it its value.
    - Efficiency divides by the number of contacts, as Burt does; that is
      networkx's documented ``effective_size / degree`` on an undirected
      graph without self-loops (on a directed graph networkx's ``degree``
      counts a reciprocated pair twice).

    All three measures come from one pass over the map's triangles on
    scipy sparse arrays: no dense actor-by-actor matrix is built, and the
    time grows with the number of triangles, not with the square of the
    actors. The triangles are those that brokerage lists (Chiba and
    Nishizeki's degree order, with SuiteSparse:GraphBLAS's masked product
    when ``suitesparse-graphblas`` is installed), kept with the map's
    arrays, so that :func:`netmap.brokerage` and the under-connected
    pairs list them once with this measure.

    References
    ----------
    .. [1] Burt, R. S. (1992). *Structural Holes: The Social Structure of
       Competition.* Harvard University Press.
       https://doi.org/10.4159/9780674029095
    .. [2] Burt, R. S. (2004). Structural holes and good ideas. *American
       Journal of Sociology* 110(2), 349-399. https://doi.org/10.1086/421787
    .. [3] Borgatti, S. P. (1997). Structural holes: unpacking Burt's
       redundancy measures. *Connections* 20(1), 35-38.
    .. [4] Chiba, N. and Nishizeki, T. (1985). Arboricity and subgraph
       listing algorithms. *SIAM Journal on Computing* 14(1), 210-223.
       https://doi.org/10.1137/0214017

    Examples
    --------
    >>> import netmap
    >>> from netmap.measures.holes import structural_holes
    >>> m = netmap.datasets.load_2x5()
    >>> holes = structural_holes(m)
    >>> list(holes.columns)
    ['constraint', 'effective_size', 'efficiency']
    >>> holes.loc[["sheatufim", "moe", "hitech_a"]].round(3)
               constraint  effective_size  efficiency
    id
    sheatufim       0.058          47.185       0.874
    moe             0.087          25.516       0.823
    hitech_a        0.145           8.733       0.582
    """
    W = _tie_matrix(m, weight, what="structural holes")
    n = W.shape[0]
    # Mutual weights a_ij = z_ij + z_ji: symmetric, no diagonal, sorted.
    A = sp.csr_array(W + W.T)
    A.sum_duplicates()
    indptr, a = A.indptr, A.data
    rows = np.repeat(np.arange(n), np.diff(indptr))
    contacts = np.diff(indptr).astype(np.float64)
    total = _row_sums(rows, a, n)
    largest = np.zeros(n)
    np.maximum.at(largest, rows, a)
    p = a / total[rows]                      # p_ij at position (i, j)
    mq = a / largest[rows]                   # m_ij at position (i, j)
    rev = _reverse_positions(A)              # position of (j, i)
    # Indirect terms over the contacts q shared by i and j: every such q
    # closes a triangle (i, j, q), and each triangle feeds its six entries.
    indirect = np.zeros(len(a))   # sum_q p_iq p_qj at (i, j)
    redundant = np.zeros(len(a))  # sum_q p_iq m_jq at (i, j)
    for ab, ac, bc in _triangle_entries(m, A):
        ba, ca, cb = rev[ab], rev[ac], rev[bc]
        at = np.concatenate([ab, ba, ac, ca, bc, cb])
        indirect += np.bincount(at, minlength=len(a), weights=np.concatenate([
            p[ac] * p[cb], p[bc] * p[ca], p[ab] * p[bc],
            p[cb] * p[ba], p[ba] * p[ac], p[ca] * p[ab]]))
        redundant += np.bincount(at, minlength=len(a), weights=np.concatenate([
            p[ac] * mq[bc], p[bc] * mq[ac], p[ab] * mq[cb],
            p[cb] * mq[ab], p[ba] * mq[ca], p[ca] * mq[ba]]))
    constraint = _row_sums(rows, (p + indirect) ** 2, n)
    effective = contacts - _row_sums(rows, redundant, n)
    isolated = contacts == 0
    constraint[isolated] = np.nan
    effective[isolated] = np.nan
    with np.errstate(invalid="ignore", divide="ignore"):
        efficiency = effective / contacts
    index = pd.Index(m.arrays.ids, name="id")
    return pd.DataFrame({"constraint": constraint, "effective_size": effective,
                         "efficiency": efficiency}, index=index)


def _row_sums(rows: np.ndarray, values: np.ndarray, n: int) -> np.ndarray:
    """Sum of ``values`` by row, as floats even when there are none."""
    return np.bincount(rows, weights=values, minlength=n).astype(np.float64, copy=False)


def _tie_matrix(m, weight: str | None, what: str) -> sp.csr_array:
    """The ties between different actors: 1 per tied ordered pair, or summed weights.

    Self-ties are left out; an undirected map gives a symmetric matrix.
    """
    if weight not in (None, "weight"):
        raise ParameterError(
            "weight", weight, "None or 'weight'",
            hint="pass weight='weight' to use the ties' weight column, or None to count "
                 "each tied pair once")
    arrays = m.arrays
    if weight is not None:
        bad = (arrays.weight <= 0) & (arrays.source != arrays.target)
        if bad.any():
            first = int(np.flatnonzero(bad)[0])
            raise InvalidValueError(
                f"{what} with weight='weight' need positive tie weights, but "
                f"{int(bad.sum())} ties weigh zero or less (the first is "
                f"{arrays.ids[arrays.source[first]]} - {arrays.ids[arrays.target[first]]}, "
                f"weight {arrays.weight[first]:g})", table="ties", column="weight",
                suggestion="give those ties a positive weight or drop them, or pass "
                           "weight=None", value=arrays.weight[first])
    A = arrays.adjacency(weight).tocoo()
    off = A.row != A.col
    values = A.data[off] if weight is not None else np.ones(int(off.sum()))
    W = sp.csr_array((values, (A.row[off], A.col[off])), shape=A.shape)
    W.sum_duplicates()
    return W


def _reverse_positions(A: sp.csr_array) -> np.ndarray:
    """For a CSR array with a symmetric pattern, the position of (j, i) for each (i, j)."""
    positions = sp.csr_array((np.arange(A.nnz, dtype=np.int64), A.indices, A.indptr),
                             shape=A.shape)
    flipped = sp.csr_array(positions.T)
    flipped.sort_indices()
    return flipped.data


def _triangle_entries(m, A: sp.csr_array) -> Iterator[tuple[np.ndarray, np.ndarray,
                                                              np.ndarray]]:
    """Every triangle of the map's ties, once, as the positions of its three pairs in ``A``.

    Yields, step by step, the positions in ``A.indices`` of the entries
    (a, b), (a, c) and (b, c) of triangles a, b, c. ``A`` is the symmetric
    CSR (sorted, no diagonal) of the map's tied pairs; the triangles come
    from :func:`netmap.measures.brokerage._tie_triangles` (kept with the
    map's arrays), and each pair's position is found by scipy's lookup of
    entries (a binary search in the row).
    """
    triangles = _tie_triangles(m)
    # Position + 1 of every entry: every pair of a triangle has one.
    where = sp.csr_array((np.arange(1, A.nnz + 1, dtype=np.int64), A.indices, A.indptr),
                         shape=A.shape)

    def at(rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        return np.asarray(where[rows, cols]).reshape(-1) - 1

    for lo in range(0, len(triangles), _TRIANGLES_PER_STEP):
        a, b, c = triangles[lo:lo + _TRIANGLES_PER_STEP].T
        yield at(a, b), at(a, c), at(b, c)
