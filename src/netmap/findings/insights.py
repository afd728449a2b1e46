"""Findings in plain language: what the source document would say about this map.

A backbone team does not read matrices. :func:`netmap.insights` runs the checks
behind the document's three insights (CONCEPTS.md section 7) and a few
general ones, and says what it finds in English or Hebrew, each finding
with the measures and the actors behind it.

Insight 1, recognise each sector's traits: joint bodies missing a core
sector or dominated by one; sector pairs with no direct tie or fewer ties
than chance; single-sector groups beside the joint bodies; the early
warning of a dependent third-sector actor with no balancing voice.
Insight 2, public-sector leadership: who leads the steering body, the
public sector's seats and place among the brokers (leading, central,
present but peripheral, absent), and how that moved between waves.
Insight 3, the third sector's own move: its own group, its cohesion
against the other sectors, gaps and overlaps in the coverage of goals.
General: the backbone's part and the dependency on it, key-person risk,
sector cut-points, and the fit between the core sectors engaged and the
problem's complexity.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from netmap.model._groups import group_codes
from netmap.model._memo import kept, remembered
from netmap.model._params import check_int, check_number
from netmap.model._select import flagged
from netmap.model._validation import _wave_label
from netmap.model.arrays import sorted_unique
from netmap.model.exceptions import MeasureError
from netmap.model.sectors import CORE_SECTORS
from netmap.structure.backbone import cross_two_paths
from netmap.structure.bodies import DOMINANCE
from netmap.words._names import actor_names, body_names, goal_names
from netmap.words.catalogue import (
    check_lang,
    core_count_phrase,
    count,
    expected,
    finding_texts,
    isolate,
    join,
    ordinal,
    p_text,
    percent,
    quote,
    sector_phrase,
    term_name,
    ties_phrase,
)
from netmap.words.catalogue import say as _say

if TYPE_CHECKING:
    from netmap.model.stakeholder_map import StakeholderMap

__all__ = ["insights", "Finding", "Findings", "public_role", "INSIGHTS", "SEVERITIES",
           "JOINT_KINDS", "SINGLE_SECTOR_KINDS"]

#: The insight a finding serves: one of the document's three, or general.
INSIGHTS = (1, 2, 3, "general")
#: Severities, most pressing first.
SEVERITIES = ("warning", "attention", "info")
#: Body kinds that are joint mechanisms of the move, whatever their members.
JOINT_KINDS = ("partner_network", "steering_committee", "working_team")
#: Body kinds meant for one sector.
SINGLE_SECTOR_KINDS = ("coalition", "sector_team")
#: Tie types by which one actor depends on another (CONCEPTS.md section 7.1).
DEPENDENCY_TYPES = ("funding", "contract")


@dataclass(frozen=True)
class Finding:
    """One finding: what was found, how pressing it is, and the evidence.

    Attributes
    ----------
    code : str
        Stable identifier of the kind of finding (a key of the texts).
    insight : int or str
        1, 2 or 3 (the document's insights) or ``"general"``.
    severity : str
        ``"warning"``, ``"attention"`` or ``"info"``.
    title, text : str
        In the language asked for.
    actors : tuple of str
        Ids of the actors (or bodies) behind it.
    names : tuple of str
        Their names, in the same order.
    evidence : dict
        The measures behind it, by name.
    """

    code: str
    insight: object
    severity: str
    title: str
    text: str
    actors: tuple = ()
    names: tuple = ()
    evidence: dict = field(default_factory=dict)


class Findings(list):
    """The findings of :func:`netmap.insights`, a list with a table view.

    Attributes
    ----------
    lang : str
        The language of the texts.
    """

    def __init__(self, items=(), lang: str = "en") -> None:
        super().__init__(items)
        self.lang = lang

    @property
    def codes(self) -> list[str]:
        """The codes of the findings, in order."""
        return [f.code for f in self]

    def to_frame(self) -> pd.DataFrame:
        """One row per finding.

        Columns: ``code``, ``insight``, ``severity``, ``title``, ``text``,
        ``actors``, ``names`` and ``evidence``.
        """
        columns = ["code", "insight", "severity", "title", "text", "actors", "names",
                   "evidence"]
        return pd.DataFrame([[getattr(f, c) for c in columns] for f in self],
                            columns=columns, dtype=object)

    def _repr_html_(self) -> str:
        return self.to_frame()[["insight", "severity", "title", "text"]].to_html()


# -- helpers ---------------------------------------------------------------------------
class _Say:
    """Names and words in one language, for one map."""

    def __init__(self, m, lang: str) -> None:
        self.m = m
        self.lang = lang
        self._actor_names = actor_names(m, lang)
        self._body_names = body_names(m, lang)

    def actor(self, actor_id) -> str:
        """An actor's name in the language, isolated for bidi (FSI ... PDI)."""
        return isolate(self._actor_names.get(actor_id, actor_id))

    def plain_actor(self, actor_id) -> str:
        """An actor's name in the language, as it is."""
        return str(self._actor_names.get(actor_id, actor_id))

    def body(self, body_id) -> str:
        return isolate(self._body_names.get(body_id, body_id))

    def sector(self, code) -> str:
        return isolate(sector_phrase(code, self.lang, self.m.taxonomy))

    def goal(self, goal) -> str:
        """A goal's name in the language (the activities' name columns), isolated."""
        if "goals" not in vars(self):
            self.goals = goal_names(self.m.activities, self.lang)
        return isolate(self.goals.get(goal, " ".join(str(goal).replace("_", " ").split())))

    def join(self, items, conjunction="and") -> str:
        return join(items, self.lang, conjunction)

    def quoted(self, name) -> str:
        return quote(name, self.lang)

    def phrase(self, key, **fields) -> str:
        return _say("PHRASES", key, self.lang, **fields)

    def finding(self, code, insight, severity, actors=(), evidence=None, **fields):
        title, text = finding_texts(code, self.lang)
        actors = tuple(actors)
        names = tuple(str(self._actor_names[a]) if a in self._actor_names
                      else str(self._body_names.get(a, a)) for a in actors)
        return Finding(code=code, insight=insight, severity=severity, title=title,
                       text=text.format(**fields), actors=actors, names=names,
                       evidence=dict(evidence or {}))


def _joint(bodies: pd.DataFrame) -> pd.Series:
    """Which bodies are joint mechanisms: by kind, else by having two or more core sectors."""
    kind = bodies["kind"].astype(object) if "kind" in bodies.columns else \
        pd.Series(None, index=bodies.index, dtype=object)
    mixed = bodies["type"].isin(["two-sector", "three-sector"])
    return kind.isin(JOINT_KINDS) | (~kind.isin(SINGLE_SECTOR_KINDS) & mixed)


# -- insight 2: the public sector's part, used for every wave ------------------------------
@remembered
def public_role(m, *, central_rank: int = 3) -> dict:
    """The public sector's part in a map: leading, central, peripheral or absent.

    *Leading*: a public actor chairs or leads the steering committee (or,
    with no steering committee, a joint body). *Central*: not leading, but
    a public actor brokering between sectors is among the
    ``central_rank`` first cross-sector brokers. *Peripheral*: public
    actors are present but neither. *Absent*: no public actor in any joint
    body (or, with no bodies, in the map).

    Parameters
    ----------
    m : StakeholderMap
        The map (one wave of it, for a wave-by-wave reading).
    central_rank : int, default 3
        How high among the cross-sector brokers (by open two-paths between
        sectors) a public actor must rank to be central: the first three
        are the ones a backbone team names when asked who links the
        sectors.

    Returns
    -------
    dict
        ``role``; ``leaders`` (tuples of body and public actor id);
        ``lead_bodies`` (the bodies looked at for leadership);
        ``seat_share`` (public share of the seats in joint bodies, NaN
        without joint bodies); ``best`` and ``rank`` (the best placed public
        broker and its rank, None and NaN without public actors or ties).

    Examples
    --------
    >>> import netmap
    >>> m = netmap.datasets.load_2x5()
    >>> public_role(m.at(2013))["role"], public_role(m.at(2014))["role"]
    ('peripheral', 'leading')
    """
    from netmap.structure.bodies import body_composition

    actors = m.actors
    public = (actors["sector"] == "public").to_numpy()
    out = {"role": "absent", "leaders": (), "lead_bodies": (), "seat_share": np.nan,
           "best": None, "rank": np.nan}
    brokers, best_rank = False, np.nan
    if m.n_ties and public.any():
        cross, rank = cross_two_paths(m, ranked=True)
        best = int(np.flatnonzero(public)[np.argmin(rank[public])])
        best_rank = int(rank[best])
        out["best"], out["rank"] = m.arrays.ids[best], best_rank
        brokers = bool(cross[best] > 0)
    bodies = body_composition(m)
    joint = bodies[_joint(bodies)] if len(bodies) else bodies
    present = bool(public.any())
    if len(joint):
        mem = m.memberships
        seats = mem[mem["body"].isin(joint.index)].drop_duplicates(["body", "actor"])
        is_public = seats["actor"].map(actors["sector"].astype(object)) == "public"
        out["seat_share"] = float(is_public.mean()) if len(seats) else np.nan
        present = bool(is_public.any())
        kind = joint["kind"] if "kind" in joint.columns else pd.Series(dtype=object)
        lead = joint[kind == "steering_committee"] if (kind == "steering_committee").any() \
            else joint
        out["lead_bodies"] = tuple(lead.index)
        sector = actors["sector"].astype(object)
        out["leaders"] = tuple((b, a) for b, chairs in lead["chairs"].items()
                               for a in chairs if sector.get(a) == "public")
    if out["leaders"]:
        out["role"] = "leading"
    elif present and brokers and best_rank <= central_rank:
        out["role"] = "central"
    elif present:
        out["role"] = "peripheral"
    return out


# -- the checks -----------------------------------------------------------------------------
def _insight_1(m, say, bodies, clusters, *, dominance, alpha, permutations, seed):
    from netmap.structure.bodies import body_balance
    from netmap.structure.gaps import under_connected

    found = []
    joint = bodies[_joint(bodies)] if len(bodies) else bodies
    lacking = [(body, row) for body, row in joint.iterrows()
               if row["members"] and row["core_missing"]]
    if lacking:
        cases = [say.phrase("missing", body=say.body(body), missing=say.join(
            [say.sector(c) for c in row["core_missing"]], "or")) for body, row in lacking]
        found.append(say.finding(
            "body_missing_sector", 1, "warning", [b for b, _ in lacking],
            {"cases": [{"body": b, "core_missing": r["core_missing"],
                        "members": int(r["members"])} for b, r in lacking]},
            cases=say.join(cases)))
    if len(joint):
        balance = body_balance(m, dominance=dominance).reindex(joint.index)
        ruled = balance[balance["dominated"]]
        if len(ruled):
            cases = [say.phrase("dominated", share=percent(r["core_share"]),
                                body=say.body(b), sector=say.sector(r["core_dominant"]))
                     for b, r in ruled.iterrows()]
            found.append(say.finding(
                "body_dominated", 1, "attention", tuple(ruled.index),
                {"cases": [{"body": b, "sector": r["core_dominant"],
                            "share": float(r["core_share"])} for b, r in ruled.iterrows()]},
                cases=say.join(cases)))
    # sector pairs: no direct tie among the core sectors; under-connected pairs
    groups = group_codes(m, "sector")  # every actor has a sector
    labels, g = list(groups.labels), groups.n_groups
    arr = m.arrays
    present = [c for c in CORE_SECTORS if c in labels]
    ends = sorted_unique(groups.codes[arr.source] * g + groups.codes[arr.target])
    tied = {(labels[a], labels[b]) for a, b in zip(ends // g, ends % g, strict=True)}
    tied |= {(b, a) for a, b in tied}
    reported = set()
    for i, a in enumerate(present):
        for b in present[i + 1:]:
            if (a, b) not in tied:
                reported.add(frozenset((a, b)))
                found.append(say.finding("sector_pair_no_tie", 1, "warning", (),
                                         {"pair": (a, b)}, a=say.sector(a),
                                         b=say.sector(b)))
    if m.n_ties and m.n_actors > 2:
        table = under_connected(m, permutations=permutations, seed=seed, alpha=alpha)
        flagged = [((a, b), row) for (a, b), row in table[table["under_connected"]].iterrows()
                   if frozenset((a, b)) not in reported]  # no direct tie: already said
        if flagged:
            cases = [say.phrase(
                "under" if row["observed"] else "under_none", a=say.sector(a), b=say.sector(b),
                observed=ties_phrase(int(row["observed"]), say.lang),
                expected=expected(float(row["expected"])),
                p=p_text(float(row["p_value"]), say.lang, permutations),
                two_step=count(int(row["two_step"]), "pair", say.lang))
                for (a, b), row in flagged]
            found.append(say.finding(
                "sector_pair_under_connected", 1, "attention", (),
                {"cases": [{"pair": (a, b), "observed": int(row["observed"]),
                            "expected": float(row["expected"]),
                            "p_value": float(row["p_value"]),
                            "two_step": int(row["two_step"])} for (a, b), row in flagged]},
                cases="; ".join(cases)))
    # single-sector groups beside the joint bodies
    groups, ids = _single_sector_groups(say, bodies, clusters)
    if len(joint):
        if groups:
            found.append(say.finding("single_sector_groups", 1, "info", ids,
                                     {"groups": len(groups)}, groups=say.join(groups)))
        else:
            found.append(say.finding("no_single_sector_groups", 1, "attention"))
    found.extend(_dependent_third_sector(m, say))
    return found


def _single_sector_groups(say, bodies, clusters) -> tuple[list, list]:
    """Names of single-sector bodies and of clusters that no such body covers."""
    names, ids = [], []
    single = bodies[~_joint(bodies) & (bodies["type"] == "single-sector")] \
        if len(bodies) else bodies
    for body in single.index:
        names.append(say.quoted(say.body(body)))
        ids.append(body)
    covered = set(single.index)
    for row in clusters.itertuples():
        if row.body in covered and row.body_overlap >= 0.5:
            continue
        names.append(say.phrase("cluster", n=count(row.size, "actor", say.lang),
                                sector=say.sector(row.sector)))
    return names, ids


def _dependent_third_sector(m, say) -> list:
    """Third-sector actors depending on a public actor, in a body with no neutral member.

    Dependence is a funding or contract tie; neutral members are academic
    actors or third-sector actors marked yes in an ``advocacy`` column.
    """
    ties = m.ties
    mem = m.memberships
    if mem is None or not len(mem) or "type" not in ties.columns:
        return []
    actors = m.actors
    sector = actors["sector"].astype(object)
    core = actors["core"].astype(object)
    neutral = (sector == "academia").to_numpy()
    if "advocacy" in actors.columns:
        neutral = neutral | (flagged(m, "advocacy") & (core == "third").to_numpy())
    cases = _dependence_cases(m, sector, pd.Series(neutral, index=actors.index))
    if not cases:
        return []
    phrases, ids, evidence = [], [], []
    for (t, body), funders in cases.items():
        shown = _fold_units([say.plain_actor(p) for p in funders])
        tie_types = list(dict.fromkeys(c for types in funders.values() for c in types))
        phrases.append(say.phrase(
            "dependence", actor=say.actor(t), body=say.body(body),
            funder=say.join([say.quoted(isolate(n)) for n in shown]),
            tie=say.join([_tie_word(c, say.lang) for c in tie_types])))
        ids += [a for a in (t, *funders, body) if a not in ids]
        evidence.append({"actor": t, "funders": tuple(funders), "body": body,
                         "tie": tuple(tie_types)})
    return [say.finding("dependent_third_sector", 1, "warning", ids, {"cases": evidence},
                        cases="; ".join(phrases))]


def _dependence_cases(m, sector: pd.Series, neutral: pd.Series) -> dict:
    """(third-sector actor, body) -> {public actor: tie types}, in the order of ties, then bodies.

    A case is a dependency tie between a public and a third-sector actor
    (directed: from the public one) in a body that holds both and no neutral
    member besides them.
    """
    ties = m.ties
    dep = ties[ties["type"].isin(DEPENDENCY_TYPES)]
    s_sec = dep["source"].map(sector).to_numpy(dtype=object)
    t_sec = dep["target"].map(sector).to_numpy(dtype=object)
    forward = (s_sec == "public") & (t_sec == "third")
    backward = (s_sec == "third") & (t_sec == "public") & (not m.directed)
    dep = dep[forward | backward]
    flip = backward[forward | backward]
    pairs = pd.DataFrame({
        "tie": np.arange(len(dep)),
        "p": np.where(flip, dep["target"], dep["source"]),
        "t": np.where(flip, dep["source"], dep["target"]),
        "type": dep["type"].to_numpy(dtype=object)})
    mem = m.memberships[["body", "actor"]].drop_duplicates()
    mem = mem.assign(neutral=mem["actor"].map(neutral).fillna(False).astype(bool))
    neutral_seats = mem.groupby("body")["neutral"].sum()
    both = (pairs.merge(mem[["body", "actor"]].rename(columns={"actor": "p"}), on="p")
            .merge(mem[["body", "actor"]].rename(columns={"actor": "t"}), on=["t", "body"]))
    # neutral members besides p and t (p is public, so never neutral; t may be)
    others = (both["body"].map(neutral_seats).to_numpy()
              - both["t"].map(neutral).fillna(False).to_numpy(dtype=int))
    both = both[others == 0].sort_values(["tie", "body"], kind="stable")
    cases: dict = {}
    for t, body, p, kind in zip(both["t"], both["body"], both["p"], both["type"],
                                strict=True):
        types = cases.setdefault((t, body), {}).setdefault(p, [])
        if kind not in types:
            types.append(kind)
    return cases


def _fold_units(names: list[str]) -> list[str]:
    """Names without those of units of another one ("Ministry: its administration").

    A sub-unit named as its organisation followed by a colon reads as part
    of it, so a dependency on both is said once, of the organisation.
    """
    return [n for n in names
            if not any(n != o and n.startswith(f"{o}:") for o in names)]


def _tie_word(code: str, lang: str) -> str:
    from netmap.model.vocabulary import TIE_TYPES

    return term_name(TIE_TYPES.term(code), lang) if code in TIE_TYPES.codes else str(code)


def _insight_2(m, say, *, central_rank, wave_maps):
    found = []
    info = public_role(m, central_rank=central_rank)
    lead_bodies = info["lead_bodies"]
    body = say.body(lead_bodies[0]) if len(lead_bodies) == 1 else \
        say.phrase("joint_bodies")
    evidence = {"role": info["role"], "seat_share": info["seat_share"],
                "best_public_broker": info["best"], "best_public_rank": info["rank"]}
    best = say.actor(info["best"]) if info["best"] is not None else ""
    rank = info["rank"]
    if info["role"] == "leading":
        b, a = info["leaders"][0]
        found.append(say.finding("public_leading", 2, "info", (a, b), evidence,
                                 actor=say.actor(a), body=say.body(b)))
    elif info["role"] == "central":
        found.append(say.finding("public_central", 2, "attention", (info["best"],),
                                 evidence, actor=best, rank=ordinal(rank, say.lang),
                                 body=body))
    elif info["role"] == "peripheral":
        share = info["seat_share"]
        found.append(say.finding("public_peripheral", 2, "attention",
                                 (info["best"],) if info["best"] is not None else (),
                                 evidence, share=percent(share) if share == share else "0%",
                                 body=body, ranking=say.phrase("unranked") if rank != rank
                                 else say.phrase("ranked", rank=ordinal(rank, say.lang))))
    elif m.bodies is not None and len(m.bodies):
        found.append(say.finding("public_absent", 2, "warning", (), evidence))
    if len(wave_maps) > 1:
        roles = [(w, public_role(mw, central_rank=central_rank)["role"])
                 for w, mw in wave_maps]
        if len({r for _, r in roles}) > 1:
            history = "; ".join(f"{w}: {_say('ROLES', r, say.lang)}" for w, r in roles)
            found.append(say.finding("public_role_changed", 2, "info", (),
                                     {"roles": dict(roles)}, history=history))
    return found


def _insight_3(m, say, bodies, clusters, *, goals, crowded, loose):
    from netmap.structure.coverage import coverage

    found = []
    third_bodies = bodies[~_joint(bodies) & (bodies["type"] == "single-sector")
                          & bodies["core_present"].map(lambda c: c == ("third",))] \
        if len(bodies) else bodies
    names = [say.quoted(say.body(b)) for b in third_bodies.index]
    covered = set(third_bodies.index)
    for row in clusters[clusters["sector"] == "third"].itertuples():
        if not (row.body in covered and row.body_overlap >= 0.5):
            names.append(say.phrase("cluster", n=count(row.size, "actor", say.lang),
                                    sector=say.sector("third")))
    if (m.actors["sector"] == "third").any():
        if names:
            found.append(say.finding("third_sector_group", 3, "info",
                                     tuple(third_bodies.index), {"groups": len(names)},
                                     groups=say.join(names)))
        else:
            found.append(say.finding("no_third_sector_group", 3, "attention"))
        density = _within_density(m)
        others = [density[c] for c in ("public", "business") if density.get(c) == density.get(c)
                  and c in density]
        third = density.get("third", np.nan)
        if others and third == third:
            mean_others = float(np.mean(others))
            evidence = {"third_density": third, "other_core_density": mean_others}
            code = "third_sector_loose" if third < loose * mean_others else \
                "third_sector_cohesive"
            found.append(say.finding(code, 3, "attention" if code == "third_sector_loose"
                                     else "info", (), evidence, third=percent(third),
                                     others=percent(mean_others)))
    act = m.activities
    if act is not None and len(act):
        cov = coverage(m, goals=goals, crowded=crowded)
        gaps = list(cov.index[cov["gap"]])
        if gaps:
            found.append(say.finding("coverage_gaps", 3, "attention", (),
                                     {"goals": tuple(gaps)},
                                     goals=say.join([say.goal(g) for g in gaps])))
        crowded_goals = cov[cov["crowded"]]
        if len(crowded_goals):
            listed = [f"{say.goal(g)} ({n})"
                      for g, n in crowded_goals["crowded_count"].items()]
            found.append(say.finding("coverage_overlaps", 3, "info", (),
                                     {"goals": dict(crowded_goals["crowded_count"])},
                                     goals=say.join(listed)))
    return found


def _within_density(m) -> dict:
    """Within-sector density per sector: distinct tied pairs over possible pairs."""
    groups = group_codes(m, "sector")  # every actor has a sector
    codes, n_actors = groups.codes, m.n_actors
    arr = m.arrays
    keep = (arr.source != arr.target) & (codes[arr.source] == codes[arr.target])
    a = np.minimum(arr.source[keep], arr.target[keep]).astype(np.int64)
    b = np.maximum(arr.source[keep], arr.target[keep]).astype(np.int64)
    pairs = sorted_unique(a * n_actors + b)  # distinct tied pairs, each within one sector
    tied = np.bincount(codes[pairs // n_actors], minlength=groups.n_groups)
    out = {}
    for code, label in enumerate(groups.labels):
        n = int(groups.sizes[code])
        possible = n * (n - 1) / 2
        out[label] = float(tied[code] / possible) if possible else np.nan
    return out


def _cut_groups(pairs) -> list[tuple[str, list[str]]]:
    """The pairs of sectors a cut-point parts, each sector named once in a group.

    The sector in most of the pairs left, with every sector it loses, until
    no pair is left (ties: the first named), so that "academia with the
    public sector and philanthropy" stands for two pairs.
    """
    left = [tuple(pair) for pair in pairs]
    groups = []
    while left:
        counts: dict[str, int] = {}
        for sector in (s for pair in left for s in pair):
            counts[sector] = counts.get(sector, 0) + 1
        hub = max(counts, key=counts.__getitem__)
        groups.append((hub, [b if a == hub else a for a, b in left if hub in (a, b)]))
        left = [pair for pair in left if hub not in pair]
    return groups


def _general(m, say, *, backbone, complexity, dependency_share, central_rank):
    from netmap.findings.axis import complexity_fit
    from netmap.structure.backbone import backbone_actors, backbone_brokerage, without_backbone
    from netmap.structure.gaps import sector_cut_points
    from netmap.structure.levels import key_person_risk

    found = []
    try:
        ids = backbone_actors(m, backbone)
    except MeasureError:
        if backbone is not None:
            raise
        ids = []
        found.append(say.finding("no_backbone", "general", "attention"))
    if ids and m.n_ties:
        table = backbone_brokerage(m, backbone=ids)
        share = float(table["share"].sum()) if table["share"].notna().any() else 0.0
        rank = int(table["rank"].min())
        names = say.join([say.actor(i) for i in ids])
        if len(ids) > 1:
            names = say.join([say.quoted(say.actor(i)) for i in ids])
        without = without_backbone(m, backbone=ids)
        reach = without.loc["sector_pairs_reachable"]
        labels = m.actors["sector"].astype(object).nunique()
        n_pairs = labels * (labels - 1) // 2
        lost = int(round((reach["with"] - reach["without"]) * n_pairs)) if n_pairs else 0
        evidence = {"share": share, "rank": rank, "sector_pairs_lost": lost}
        if lost > 0 or share >= dependency_share:
            found.append(say.finding("backbone_dependency", "general",
                                     "warning" if lost > 0 else "attention", ids, evidence,
                                     backbone=names, pairs=lost, share=percent(share)))
        if rank <= central_rank:
            found.append(say.finding("backbone_broker", "general", "info", ids, evidence,
                                     backbone=names, share=percent(share),
                                     rank=ordinal(rank, say.lang)))
        else:
            found.append(say.finding("backbone_not_broker", "general", "attention", ids,
                                     evidence, backbone=names, share=percent(share),
                                     rank=ordinal(rank, say.lang)))
    if "level" in m.actors.columns and (m.actors["level"] == "person").any():
        risk = key_person_risk(m)
        at_risk = risk[risk["at_risk"]]
        if len(at_risk):
            orgs = [say.quoted(say.actor(o)) for o in at_risk.index]
            found.append(say.finding("key_person_risk", "general", "attention",
                                     tuple(at_risk.index),
                                     {"key_persons": dict(at_risk["key_person"])},
                                     orgs=say.join(orgs)))
    if m.n_ties:
        cuts = sector_cut_points(m)
        if len(cuts):
            cases = [say.phrase("cut", actor=say.actor(actor), pairs=", ".join(
                say.phrase("cut_off", sector=say.sector(hub),
                           others=say.join([say.sector(o) for o in others]))
                for hub, others in _cut_groups(row["pairs"])))
                for actor, row in cuts.iterrows()]
            found.append(say.finding(
                "sector_cut_point", "general", "warning", tuple(cuts.index),
                {"cases": [{"actor": a, "pairs": r["pairs"]} for a, r in cuts.iterrows()]},
                cases="; ".join(cases)))
    if complexity is not None:
        fit = complexity_fit(m, complexity)
        code = {"fits": "complexity_fits", "too few": "complexity_too_few",
                "more than needed": "complexity_more"}[fit["fit"]]
        engaged = fit["engaged"]
        found.append(say.finding(
            code, "general", "warning" if code == "complexity_too_few" else "info", (),
            dict(fit), complexity=_say("COMPLEXITY", fit["complexity"], say.lang),
            needed=core_count_phrase(fit["needed"], say.lang),
            engaged=core_count_phrase(len(engaged), say.lang),
            sectors=say.join([say.sector(c) for c in engaged]) or "-",
            missing=say.join([say.sector(c) for c in fit["missing"]]) or "-"))
    return found


# -- the entry point ------------------------------------------------------------------------
def insights(m: StakeholderMap, *, lang: str = "en", wave=None, backbone=None, complexity=None,
             goals=None, dominance: float = DOMINANCE, alpha: float = 0.05,
             permutations: int = 999, seed=0, central_rank: int = 3,
             loose: float = 0.5, crowded: int = 3,
             dependency_share: float = 0.5) -> Findings:
    """What the map says, in plain language, about the document's three insights.

    Parameters
    ----------
    m : StakeholderMap
        The map.
    lang : {"en", "he"}
        The language of the titles and texts.
    wave : optional
        The wave to read; by default the whole map, as every measure reads
        it (the public sector's history is read from every wave up to the
        one read, or from all of them).
    backbone : str or iterable of str, optional
        The backbone's ids; by default those marked in the ``backbone``
        column.
    complexity : {"simple", "complicated", "complex"}, optional
        The problem's declared complexity; without it, the fit is not
        judged (see :func:`netmap.complexity_fit`).
    goals : iterable of str, optional
        The initiative's shared goals, to find goals nobody works on.
    dominance : float, default :data:`netmap.structure.bodies.DOMINANCE` (0.5)
        A joint body is dominated by a core sector holding more than this
        share of its members with a core sector: a majority can outvote
        the others (see :func:`netmap.body_balance`, which the report's
        table of bodies reads too).
    alpha : float, default 0.05
        Significance of the under-connected test.
    permutations : int, default 999
        Permutations of that test.
    seed : int, numpy Generator or None, default 0
        Seed of that test: the same seed gives the same result (so a report
        says the same thing twice); None draws fresh randomness.
    central_rank : int, default 3
        A public actor (or the backbone) among this many first
        cross-sector brokers is central (see :func:`~netmap.findings.insights.public_role`).
    loose : float, default 0.5
        The third sector is loosely tied when its within-sector density is
        below this fraction of the other core sectors' mean: half as
        tightly knit.
    crowded : int, default 3
        Third-sector actors on one goal that make an overlap (see
        :func:`netmap.coverage`).
    dependency_share : float, default 0.5
        The move depends on its backbone when the backbone brokers at
        least this share of the open two-paths between sectors (half of
        all brokering), or when sectors lose every path without it.

    Returns
    -------
    Findings
        A list of :class:`Finding`, by insight (1, 2, 3, general) and then
        severity (warning, attention, info); ``.to_frame()`` gives a table.

    Raises
    ------
    netmap.ParameterError
        For ``dominance``, ``loose`` or ``dependency_share`` outside (0, 1],
        ``alpha`` outside (0, 1), ``crowded`` below 2, ``permutations``
        below 1, or an unknown ``lang`` or ``complexity``.

    Examples
    --------
    >>> import netmap
    >>> m = netmap.datasets.load_2x5()
    >>> "public_peripheral" in netmap.insights(m, wave=2013).codes
    True
    >>> "public_leading" in netmap.insights(m, wave=2014).codes
    True
    >>> netmap.insights(m, lang="he", wave=2014)[0].title
    'תלות של המגזר השלישי בלי גורם מאזן'
    """
    check_lang(lang)
    check_int("permutations", permutations, minimum=1)
    for name, value in (("dominance", dominance), ("loose", loose),
                        ("dependency_share", dependency_share)):
        check_number(name, value, above=0, high=1)
    check_number("alpha", alpha, above=0, below=1)
    check_int("crowded", crowded, minimum=2)
    waves = m.waves
    current = m.at(wave) if wave is not None else m
    # the public sector's history: every wave up to the one read (m.at has checked it)
    upto = waves[:waves.index(_wave_label(wave)) + 1] if wave is not None else waves
    history = [(w, m.at(w)) for w in upto]
    from netmap.structure.bodies import body_composition
    from netmap.structure.clusters import single_sector_clusters

    say = _Say(current, lang)
    found = []
    with kept():  # the bodies' composition, asked by several checks, computed once
        bodies = body_composition(current)
        clusters = single_sector_clusters(current)
        found += _insight_1(current, say, bodies, clusters, dominance=dominance, alpha=alpha,
                            permutations=permutations, seed=seed)
        found += _insight_2(current, say, central_rank=central_rank, wave_maps=history)
        found += _insight_3(current, say, bodies, clusters, goals=goals, crowded=crowded,
                            loose=loose)
        found += _general(current, say, backbone=backbone, complexity=complexity,
                          dependency_share=dependency_share, central_rank=central_rank)
    order = {k: i for i, k in enumerate(INSIGHTS)}
    sev = {k: i for i, k in enumerate(SEVERITIES)}
    found.sort(key=lambda f: (order[f.insight], sev[f.severity]))
    return Findings(found, lang=lang)
