"""How a joint move changed between two waves: who joined and left, ties, bodies, measures.

Partnerships change over time: players leave and join, dominance and
power shift (CONCEPTS.md section 4); in 2x5 the Ministry of Education
took the lead after the first year (section 8). :func:`netmap.compare` puts two
waves of one map side by side; :func:`netmap.headline_measures` gives the
measures it compares, for any map.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from netmap.model._validation import in_index
from netmap.model.exceptions import MeasureError, ParameterError
from netmap.structure.bodies import body_composition

if TYPE_CHECKING:
    from netmap.model.stakeholder_map import StakeholderMap

__all__ = ["compare", "headline_measures", "WaveComparison", "HEADLINE_MEASURES"]

#: The measures of :func:`netmap.headline_measures`, in order, with what each says.
HEADLINE_MEASURES = {
    "actors": "actors in the map",
    "ties": "ties in the map",
    "sectors": "sectors with at least one actor",
    "core_sectors": "core sectors (public, business, third) with at least one actor",
    "cross_sector_share": "share of ties that join two different sectors",
    "ei_index": "Krackhardt-Stern E-I index of the network (by sector)",
    "assortativity": "sector assortativity (1: ties only within sectors)",
    "backbone_share": "share of cross-sector open two-paths brokered by the backbone",
    "joint_bodies": "bodies with members from two or three core sectors",
    "public_share_joint_bodies": "public actors' share of the seats in the joint bodies",
    "bodies_led_by_public": "bodies whose chair or lead is a public actor",
    "public_leads_steering": "1 when a public actor chairs or leads a steering "
                             "committee, 0 when it does not, empty with no such body",
    "public_best_broker_rank": "rank of the best public actor by cross-sector brokerage",
}


def headline_measures(m: StakeholderMap, *, backbone=None) -> pd.Series:
    """The headline measures of a map, one number each.

    The measures and what each says are in
    :data:`~netmap.structure.waves.HEADLINE_MEASURES`.

    Parameters
    ----------
    m : StakeholderMap
        The map.
    backbone : str or iterable of str, optional
        The backbone's ids; by default those marked in the ``backbone``
        column. Without either, ``backbone_share`` is NaN.

    Returns
    -------
    pandas.Series
        Float, indexed by the names of :data:`~netmap.structure.waves.HEADLINE_MEASURES`; NaN where
        the map cannot say (no ties, no bodies, no public actor).

    Examples
    --------
    >>> import netmap
    >>> m = netmap.datasets.load_2x5()
    >>> h = netmap.headline_measures(m.at(2013))
    >>> later = netmap.headline_measures(m.at(2014))
    >>> float(h["public_leads_steering"]), float(later["public_leads_steering"])
    (0.0, 1.0)
    """
    from netmap.measures.ei import ei_index
    from netmap.measures.mixing import assortativity
    from netmap.structure.backbone import backbone_brokerage, cross_two_paths

    out = dict.fromkeys(HEADLINE_MEASURES, np.nan)
    actors = m.actors
    out["actors"] = m.n_actors
    out["ties"] = m.n_ties
    out["sectors"] = int((actors["sector"].value_counts() > 0).sum())
    out["core_sectors"] = int(actors["core"].dropna().nunique())
    if m.n_ties:
        sector = actors["sector"].cat.codes.to_numpy()
        arr = m.arrays
        out["cross_sector_share"] = float((sector[arr.source] != sector[arr.target]).mean())
        out["ei_index"] = float(ei_index(m)["ei"].iloc[0])
        out["assortativity"] = float(assortativity(m))
        try:
            out["backbone_share"] = float(backbone_brokerage(m, backbone=backbone)["share"].sum())
        except MeasureError:
            if backbone is not None:
                raise
        public = (actors["sector"] == "public").to_numpy()
        if public.any():
            _, rank = cross_two_paths(m, ranked=True)
            out["public_best_broker_rank"] = float(rank[public].min())
    bodies = body_composition(m)
    if len(bodies):
        joint = bodies[bodies["type"].isin(["two-sector", "three-sector"])]
        out["joint_bodies"] = len(joint)
        mem = m.memberships
        if len(joint) and mem is not None:
            seats = mem[in_index(mem["body"], joint.index)].drop_duplicates(["body", "actor"])
            is_public = seats["actor"].map(actors["sector"].astype(object)) == "public"
            out["public_share_joint_bodies"] = float(is_public.mean()) if len(seats) \
                else np.nan
        out["bodies_led_by_public"] = int(bodies["chair_sectors"].map(
            lambda s: "public" in s).sum())
        if "kind" in bodies.columns:
            steering = bodies[bodies["kind"] == "steering_committee"]
            if len(steering):
                out["public_leads_steering"] = float(steering["chair_sectors"].map(
                    lambda s: "public" in s).any())
    return pd.Series(out, dtype=float, name="value")


@dataclass(frozen=True)
class WaveComparison:
    """Two waves of a map side by side; every attribute is a table.

    Attributes
    ----------
    before, after
        The two waves compared.
    actors : pandas.DataFrame
        The actors who joined or left, indexed by id: ``name`` (when the
        map has names), ``sector`` and ``change`` (``"joined"`` or
        ``"left"``).
    sectors : pandas.DataFrame
        Per sector: ``before``, ``after`` (actors), ``joined``, ``left``
        and ``change``.
    ties : pandas.DataFrame
        Per pair of sectors and tie class (index ``a``, ``b``,
        ``tie_class``; ``from``, ``to`` in a directed map): ``before``,
        ``after``, ``gained`` and ``lost`` ties. A tie is the same tie in
        both waves when its two ends and its type are.
    bodies : pandas.DataFrame
        Per body: ``members_before``, ``members_after``, ``joined``,
        ``left`` (members), ``type_before``, ``type_after``,
        ``chairs_before``, ``chairs_after``, ``chair_sectors_before`` and
        ``chair_sectors_after``.
    measures : pandas.DataFrame
        :func:`netmap.headline_measures` of both waves: ``before``, ``after``,
        ``change``.
    """

    before: object
    after: object
    actors: pd.DataFrame
    sectors: pd.DataFrame
    ties: pd.DataFrame
    bodies: pd.DataFrame
    measures: pd.DataFrame

    def tables(self) -> dict[str, pd.DataFrame]:
        """The tables by name, for display or export."""
        return {"actors": self.actors, "sectors": self.sectors, "ties": self.ties,
                "bodies": self.bodies, "measures": self.measures}


def compare(m: StakeholderMap, before, after, *, backbone=None) -> WaveComparison:
    """Compare two waves of a map: joiners and leavers, ties, bodies and measures.

    Parameters
    ----------
    m : StakeholderMap
        A map with waves.
    before, after
        Two of ``m.waves``.
    backbone : str or iterable of str, optional
        Passed to :func:`netmap.headline_measures`.

    Returns
    -------
    WaveComparison

    Raises
    ------
    netmap.WaveError
        When a wave is not one of the map's.
    netmap.ParameterError
        When ``before`` and ``after`` are the same wave.

    Examples
    --------
    >>> import netmap
    >>> m = netmap.datasets.load_2x5()
    >>> diff = netmap.compare(m, 2013, 2014)
    >>> diff.bodies.loc["steering_committee", ["chairs_before", "chairs_after"]].tolist()
    [('trump',), ('moe',)]
    >>> int(diff.sectors.loc["public", "joined"]) > 0
    True
    """
    if before == after:
        raise ParameterError("after", after, f"a wave other than before={before!r}",
                             hint="compare needs two different waves")
    m0, m1 = m.at(before), m.at(after)
    return WaveComparison(before=before, after=after, actors=_actor_changes(m0, m1),
                          sectors=_sector_changes(m, m0, m1), ties=_tie_changes(m, m0, m1),
                          bodies=_body_changes(m0, m1),
                          measures=_measure_changes(m0, m1, backbone))


def _actor_changes(m0, m1) -> pd.DataFrame:
    a0, a1 = m0.actors, m1.actors
    joined = a1.index.difference(a0.index, sort=False)
    left = a0.index.difference(a1.index, sort=False)
    rows = pd.concat([a1.loc[joined].assign(change="joined"),
                      a0.loc[left].assign(change="left")])
    columns = [c for c in ("name", "sector") if c in rows.columns] + ["change"]
    out = rows[columns].copy()
    out["sector"] = out["sector"].astype(object)
    return out


def _sector_changes(m, m0, m1) -> pd.DataFrame:
    codes = [c for c in m.taxonomy.codes if c in set(m.actors["sector"].astype(object))]
    s0 = m0.actors["sector"].astype(object)
    s1 = m1.actors["sector"].astype(object)
    changes = _actor_changes(m0, m1)
    table = pd.DataFrame(index=pd.Index(codes, name="sector"))
    table["before"] = s0.value_counts().reindex(codes, fill_value=0)
    table["after"] = s1.value_counts().reindex(codes, fill_value=0)
    for what in ("joined", "left"):
        table[what] = changes.loc[changes["change"] == what, "sector"].value_counts() \
            .reindex(codes, fill_value=0)
    table = table.astype(np.int64)
    table["change"] = table["after"] - table["before"]
    return table


def _tie_keys(mp, order: dict) -> pd.DataFrame:
    """Ties with their sector pair and an identity key (ends and type)."""
    ties = mp.ties
    sector = mp.actors["sector"].astype(object)
    a, b = ties["source"].to_numpy(dtype=object), ties["target"].to_numpy(dtype=object)
    sa, sb = sector.reindex(a).to_numpy(), sector.reindex(b).to_numpy()
    if not mp.directed:
        swap = np.array([(order[x], p) > (order[y], q) for x, y, p, q in zip(
            sa, sb, a, b, strict=True)], dtype=bool)
        a, b = np.where(swap, b, a), np.where(swap, a, b)
        sa, sb = np.where(swap, sb, sa), np.where(swap, sa, sb)
    kind = ties["type"].astype(object).where(ties["type"].notna(), "")
    frame = pd.DataFrame({"s1": sa, "s2": sb,
                          "tie_class": ties["tie_class"].astype(object).to_numpy(),
                          "key": [f"{x}\x1f{y}\x1f{t}" for x, y, t in zip(
                              a, b, kind, strict=True)]})
    frame["n"] = frame.groupby("key").cumcount()  # parallel ties of one type stay apart
    frame["key"] = frame["key"] + "\x1f" + frame["n"].astype(str)
    return frame


def _tie_changes(m, m0, m1) -> pd.DataFrame:
    order = {c: i for i, c in enumerate(m.taxonomy.codes)}
    t0, t1 = _tie_keys(m0, order), _tie_keys(m1, order)
    gained = t1[~in_index(t1["key"], pd.Index(t0["key"]))]  # keys are distinct
    lost = t0[~in_index(t0["key"], pd.Index(t1["key"]))]
    keys = ["s1", "s2", "tie_class"]
    parts = {"before": t0, "after": t1, "gained": gained, "lost": lost}
    table = pd.concat({k: v.groupby(keys).size() for k, v in parts.items()}, axis=1)
    table = table.fillna(0).astype(np.int64)
    table.index = table.index.set_names(["from", "to", "tie_class"] if m.directed
                                        else ["a", "b", "tie_class"])
    return table.sort_index(key=lambda ix: ix.map(lambda v: order.get(v, len(order)))
                            if ix.name != "tie_class" else ix)


def _body_changes(m0, m1) -> pd.DataFrame:
    b0, b1 = body_composition(m0), body_composition(m1)
    index = b0.index.append(b1.index.difference(b0.index, sort=False))
    index.name = "body"
    mem0 = _members(m0)
    mem1 = _members(m1)
    table = pd.DataFrame(index=index)
    table["members_before"] = b0["members"].reindex(index, fill_value=0)
    table["members_after"] = b1["members"].reindex(index, fill_value=0)
    table["joined"] = [len(mem1.get(b, set()) - mem0.get(b, set())) for b in index]
    table["left"] = [len(mem0.get(b, set()) - mem1.get(b, set())) for b in index]
    for column in ("type", "chairs", "chair_sectors"):
        table[f"{column}_before"] = b0[column].reindex(index)
        table[f"{column}_after"] = b1[column].reindex(index)
    return table


def _members(mp) -> dict:
    mem = mp.memberships
    if mem is None:
        return {}
    return {b: set(rows["actor"]) for b, rows in mem.groupby("body")}


def _measure_changes(m0, m1, backbone) -> pd.DataFrame:
    def measures(mp):
        ids = backbone
        if ids is not None:
            ids = [i for i in ([ids] if isinstance(ids, str) else ids)
                   if i in mp.actors.index] or None
        return headline_measures(mp, backbone=ids)

    table = pd.DataFrame({"before": measures(m0), "after": measures(m1)})
    table.index.name = "measure"
    table["change"] = table["after"] - table["before"]
    return table
