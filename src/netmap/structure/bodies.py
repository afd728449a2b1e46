"""Joint bodies and who sits in them: sector make-up, balance, chairs and interlocks.

CONCEPTS.md section 7 (insight 1) asks for "a balanced mix of joint
mechanisms (steering committee, working teams) with correct sector
representation", and beside them single-sector groups. These tables
answer, per body, which sectors sit in it, how balanced it is, which
sector chairs it, and who sits in several bodies at once.

A body's members are the distinct actors of its membership rows. On a map
with waves that is every actor who sat in the body at some wave; ask
``m.at(wave)`` for the body as it stood at one wave.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from netmap.model._groups import group_codes
from netmap.model._memo import remembered
from netmap.model.exceptions import ParameterError
from netmap.model.sectors import CORE_SECTORS

if TYPE_CHECKING:
    from netmap.model.stakeholder_map import StakeholderMap

__all__ = ["body_sector_counts", "body_composition", "interlocks", "BODY_TYPES",
           "LEADING_ROLES", "body_balance", "DOMINANCE"]

#: The values of ``body_composition(...)["type"]``, by the number of core
#: sectors among the members (0, 1, 2, 3).
BODY_TYPES = ("no core sector", "single-sector", "two-sector", "three-sector")

#: Membership roles (vocabulary codes) that lead a body: its chair or lead.
LEADING_ROLES = ("chair", "lead")


def _member_pairs(m) -> pd.DataFrame:
    """Distinct (body, actor) pairs, with the actor's position in the actors table."""
    mem = m.memberships
    if mem is None or mem.empty:
        return pd.DataFrame({"body": pd.Series(dtype=object),
                             "actor": pd.Series(dtype=object),
                             "position": pd.Series(dtype=np.int64)})
    pairs = mem[["body", "actor"]].drop_duplicates(ignore_index=True)
    pairs["position"] = pd.Index(m.arrays.ids).get_indexer(pairs["actor"])
    return pairs


def _body_index(m) -> pd.Index:
    """Every body: those of the bodies table, in order, then any only named by memberships."""
    bodies = m.bodies
    index = bodies.index if bodies is not None else pd.Index([], dtype=object)
    mem = m.memberships
    if mem is not None and len(mem):
        extra = pd.Index(pd.unique(mem["body"]))
        index = index.append(extra.difference(index, sort=False))
    return pd.Index(index, name="body")


#: A body is dominated when one core sector holds more than this share of its members
#: with a core sector: a majority that can outvote the others. The findings
#: (``body_dominated``), the report's table of bodies and the notebooks read it here.
DOMINANCE = 0.5


@remembered
def body_balance(m: StakeholderMap, *, dominance: float = DOMINANCE) -> pd.DataFrame:
    """Whether each body is balanced between the core sectors, or dominated by one.

    Counts a body's distinct members by core sector (public, business,
    third; members with no core sector, such as academia, are left out).
    The body is *dominated* when its largest core sector holds more than
    ``dominance`` of those members, and *balanced* when every core sector
    sits in it and none dominates. One definition for the findings, the
    report and the notebooks alike.

    Parameters
    ----------
    m : StakeholderMap
        The map.
    dominance : float, default :data:`~netmap.structure.bodies.DOMINANCE` (0.5)
        The share of the core members above which one sector dominates.

    Returns
    -------
    pandas.DataFrame
        Indexed by body id, every body of the map. Columns: ``core_members``
        (members with a core sector), ``core_dominant`` (the largest core
        sector; the first in public, business, third order on a tie; None
        without core members), ``core_share`` (its share of the core
        members, NaN without), ``dominated`` and ``balanced`` (booleans).

    Raises
    ------
    netmap.ParameterError
        For ``dominance`` outside (0, 1].

    Examples
    --------
    >>> import netmap
    >>> table = body_balance(netmap.datasets.load_2x5())
    >>> row = table.loc["wt_teacher_training"]
    >>> row["core_dominant"], round(float(row["core_share"]), 2), bool(row["balanced"])
    ('third', 0.71, False)
    """
    from netmap.model._params import check_number

    check_number("dominance", dominance, above=0, high=1)
    counts = body_sector_counts(m, by="core")
    counts = counts.reindex(columns=[c for c in CORE_SECTORS if c in counts.columns])
    index = m.bodies.index if m.bodies is not None else counts.index
    counts = counts.reindex(index=index, fill_value=0)
    total = counts.sum(axis=1)
    has = total > 0
    top = counts.max(axis=1)
    table = pd.DataFrame(index=counts.index)
    table["core_members"] = total.astype("int64")
    table["core_dominant"] = pd.Series(
        [counts.loc[b].idxmax() if has[b] else None for b in counts.index],
        index=counts.index, dtype=object)
    table["core_share"] = (top / total.where(has)).astype(float)
    table["dominated"] = (table["core_share"] > dominance).fillna(False).astype(bool)
    every = (counts[list(CORE_SECTORS)] > 0).all(axis=1) if \
        set(CORE_SECTORS) <= set(counts.columns) else pd.Series(False, index=counts.index)
    table["balanced"] = (every & ~table["dominated"]).astype(bool)
    return table


def body_sector_counts(m: StakeholderMap, *, by: str = "sector") -> pd.DataFrame:
    """Members of each body per sector: a bodies x sectors table of counts.

    Parameters
    ----------
    m : StakeholderMap
        The map.
    by : str, default "sector"
        ``"sector"``, ``"core"`` or any actor column.

    Returns
    -------
    pandas.DataFrame
        Indexed by body id (every body, members or not), one integer column
        per group in the map's order. With ``by="sector"`` or
        ``by="core"`` the three core sectors are always columns, so a
        missing core sector shows as a zero.

    Examples
    --------
    >>> import netmap
    >>> counts = netmap.body_sector_counts(netmap.datasets.load_2x5(), by="core")
    >>> counts.loc["business_coalition"].tolist()
    [0, 23, 0]
    """
    groups = group_codes(m, by)
    labels = list(groups.labels)
    if by in ("sector", "core"):
        present = set(labels)
        order = list(m.taxonomy.codes) if by == "sector" else list(CORE_SECTORS)
        labels = [c for c in order if c in present or c in CORE_SECTORS]
    pairs = _member_pairs(m)
    bodies = _body_index(m)
    codes = groups.codes[pairs["position"].to_numpy()] if len(pairs) else np.array([], int)
    relabel = pd.Index(labels).get_indexer(groups.labels)
    keep = codes >= 0
    rows = bodies.get_indexer(pairs["body"])[keep]
    cols = relabel[codes[keep]]
    counts = np.zeros((len(bodies), len(labels)), dtype=np.int64)
    np.add.at(counts, (rows, cols), 1)
    return pd.DataFrame(counts, index=bodies, columns=pd.Index(labels, name=by))


_REFERENCE = "'map', 'equal' or a mapping of group -> share"


def _reference_shares(m, by: str, reference, labels: pd.Index) -> np.ndarray:
    """The reference mix as shares over ``labels``."""
    if isinstance(reference, str):
        if reference == "map":
            groups = group_codes(m, by)
            sizes = pd.Series(groups.sizes, index=groups.labels)
            shares = sizes.reindex(labels, fill_value=0).to_numpy(dtype=float)
            return shares / shares.sum() if shares.sum() else shares
        if reference == "equal":  # the columns: groups present, and the core sectors
            return np.full(len(labels), 1.0 / len(labels))
        raise ParameterError("reference", reference, _REFERENCE)
    try:
        given = pd.Series(reference, dtype=float)
    except (TypeError, ValueError):
        raise ParameterError("reference", reference, _REFERENCE) from None
    unknown = given.index.difference(labels)
    if len(unknown):
        raise ParameterError("reference", reference, _REFERENCE,
                             hint=f"it names groups that are not {by!r} groups of the map: "
                                  f"{', '.join(map(repr, unknown))}")
    if (given < 0).any() or given.sum() <= 0:
        raise ParameterError("reference", reference, _REFERENCE,
                             hint="the shares must be non-negative and not all zero")
    shares = given.reindex(labels, fill_value=0.0).to_numpy()
    return shares / shares.sum()


@remembered
def body_composition(m: StakeholderMap, *, by: str = "sector", reference="map") -> pd.DataFrame:
    r"""The sector make-up and balance of every body.

    For each body: how many members, which core sectors sit in it and
    which are missing, whether it is a single-, two- or three-sector body,
    how diverse and how balanced it is, which sector dominates it, who
    chairs or leads it, and how many of its members also sit in other
    bodies.

    Diversity is Blau's index :math:`1 - \sum_k p_k^2` over the groups of
    ``by`` (the chance that two members drawn at random belong to
    different groups), and its normalised form divides by its maximum
    :math:`1 - 1/K`, where :math:`K` is the number of groups of ``by`` in
    the map (so 1 is an even spread over every group). Balance is the
    total variation distance :math:`\tfrac12 \sum_k |p_k - q_k|` between
    the body's mix :math:`p` and a reference mix :math:`q`: 0 when the
    body mirrors it, 1 when they share no group.

    Parameters
    ----------
    m : StakeholderMap
        The map.
    by : str, default "sector"
        The groups of the diversity, balance and dominance columns:
        ``"sector"``, ``"core"`` or any actor column. The core-sector
        columns and ``type`` always use core sectors.
    reference : "map", "equal" or mapping, default "map"
        The mix ``deviation`` is measured against: ``"map"``, the shares of
        the map's actors (a body that looks like the initiative);
        ``"equal"``, equal shares of the groups present in the map (with
        ``by="core"``: one third each, the document's even three-legged
        stool); or shares per group (normalised to sum to one).

    Returns
    -------
    pandas.DataFrame
        Indexed by body id. Columns: ``name`` and ``kind`` (when the bodies
        table has them); ``members`` (distinct actors); ``groups`` (distinct
        groups of ``by`` among them); ``core_present`` and ``core_missing``
        (tuples of core sectors); ``type`` (one of :data:`~netmap.structure.bodies.BODY_TYPES`);
        ``blau`` and ``blau_normalized``; ``deviation``; ``dominant`` (the
        largest group, the first in the map's order on a tie) and
        ``dominant_share``; ``chairs`` (ids of members whose role is chair
        or lead, in English, Hebrew or Arabic) and ``chair_sectors``
        (their sectors); ``interlocks`` (members who also sit in another
        body). Diversity, balance and dominance are NaN for a body with no
        members.

    Raises
    ------
    netmap.ParameterError
        For a ``reference`` that is not ``"map"``, ``"equal"`` or shares per
        group of the map (non-negative, not all zero).

    See Also
    --------
    body_sector_counts : the counts behind these columns.
    interlocks : the actors who sit in several bodies.

    Examples
    --------
    >>> import netmap
    >>> table = netmap.body_composition(netmap.datasets.load_2x5())
    >>> table.loc[["steering_committee", "business_coalition"], "type"].tolist()
    ['three-sector', 'single-sector']
    """
    counts = body_sector_counts(m, by=by)
    core_counts = body_sector_counts(m, by="core") if by != "core" else counts
    labels = counts.columns
    n_groups = len(group_codes(m, by).labels)
    members_per_body = _member_pairs(m).groupby("body").size()
    table = pd.DataFrame(index=counts.index)
    bodies = m.bodies
    for column in ("name", "kind"):
        if bodies is not None and column in bodies.columns:
            table[column] = bodies[column].reindex(counts.index)
    table["members"] = members_per_body.reindex(counts.index, fill_value=0).astype(np.int64)
    values = counts.to_numpy(dtype=float)
    totals = values.sum(axis=1)
    table["groups"] = (values > 0).sum(axis=1)
    core_values = core_counts[list(CORE_SECTORS)].to_numpy()
    present = core_values > 0
    table["core_present"] = [tuple(c for c, p in zip(CORE_SECTORS, row, strict=True) if p)
                             for row in present]
    table["core_missing"] = [tuple(c for c, p in zip(CORE_SECTORS, row, strict=True)
                                   if not p) for row in present]
    table["type"] = [BODY_TYPES[k] for k in present.sum(axis=1)]
    with np.errstate(invalid="ignore", divide="ignore"):
        shares = values / totals[:, None]
        blau = 1.0 - (shares ** 2).sum(axis=1)
        table["blau"] = blau
        table["blau_normalized"] = (blau / (1.0 - 1.0 / n_groups) if n_groups > 1
                                    else np.full(len(blau), np.nan))
        q = _reference_shares(m, by, reference, labels)
        table["deviation"] = 0.5 * np.abs(shares - q).sum(axis=1)
    empty = totals == 0
    best = values.argmax(axis=1) if len(labels) else np.zeros(len(values), dtype=int)
    dominant = pd.Series(np.asarray(labels, dtype=object)[best] if len(labels)
                         else np.full(len(values), None), index=counts.index, dtype=object)
    dominant[empty] = None
    table["dominant"] = dominant
    table["dominant_share"] = np.where(empty, np.nan,
                                       values.max(axis=1, initial=0) / np.maximum(totals, 1))
    chairs, chair_sectors = _chairs(m, counts.index)
    table["chairs"] = chairs
    table["chair_sectors"] = chair_sectors
    table["interlocks"] = _interlock_counts(m).reindex(counts.index, fill_value=0)
    return table


def _chairs(m, bodies: pd.Index) -> tuple[list, list]:
    """Per body, the ids of its chairs or leads and their sectors (tuples)."""
    mem = m.memberships
    chairs: dict = dict.fromkeys(bodies, ())
    sectors: dict = dict.fromkeys(bodies, ())
    if mem is not None and "role" in mem.columns and len(mem):
        lead = mem[mem["role"].isin(LEADING_ROLES)].drop_duplicates(["body", "actor"])
        sector = m.actors["sector"].astype(object)
        for body, rows in lead.groupby("body", sort=False):
            ids = tuple(rows["actor"])
            chairs[body] = ids
            sectors[body] = tuple(dict.fromkeys(sector.loc[list(ids)]))
    return [chairs[b] for b in bodies], [sectors[b] for b in bodies]


def _interlock_counts(m) -> pd.Series:
    """Per body, the members who also sit in at least one other body."""
    pairs = _member_pairs(m)
    n_bodies = pairs.groupby("actor")["body"].transform("size")
    return pairs[n_bodies > 1].groupby("body").size().astype(np.int64)


def interlocks(m: StakeholderMap) -> pd.DataFrame:
    """The actors who sit in more than one body: the interlocks between bodies.

    Parameters
    ----------
    m : StakeholderMap
        The map.

    Returns
    -------
    pandas.DataFrame
        Indexed by actor id, most bodies first (then in actor order).
        Columns: ``name`` (when the map has names), ``sector``,
        ``n_bodies`` and ``bodies`` (a tuple of body ids, in the order of
        the bodies table). Empty when no actor sits in two bodies.

    Examples
    --------
    >>> import netmap
    >>> table = netmap.interlocks(netmap.datasets.load_2x5())
    >>> table.index[0], int(table["n_bodies"].iloc[0])
    ('sheatufim', 6)
    """
    pairs = _member_pairs(m)
    order = _body_index(m)
    pairs = pairs.assign(rank=order.get_indexer(pairs["body"]))
    pairs = pairs.sort_values(["position", "rank"], kind="stable")
    grouped = pairs.groupby("actor", sort=False)
    n_bodies = grouped.size()
    keep = n_bodies[n_bodies > 1].index
    bodies = grouped["body"].agg(tuple).reindex(keep)
    actors = m.actors
    table = pd.DataFrame(index=pd.Index(keep, name="id"))
    if "name" in actors.columns:
        table["name"] = actors["name"].reindex(keep)
    table["sector"] = actors["sector"].reindex(keep)
    table["n_bodies"] = n_bodies.reindex(keep).astype(np.int64)
    table["bodies"] = bodies
    position = pd.Index(m.arrays.ids).get_indexer(table.index)
    return table.iloc[np.lexsort((position, -table["n_bodies"].to_numpy()))]
