"""The synthetic joint move: backbone, committee, working teams, coalition, team, goals.

Part of :func:`netmap.datasets.generator.synthetic`: the machinery of a joint move
of CONCEPTS.md sections 6 to 8, chosen among the synthetic actors, with
the ties it needs (the backbone's, and those inside the business
coalition and the third-sector team), the memberships and the activities
on shared goals.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from netmap.datasets._actors import Actors, orgs_of, wave_values
from netmap.datasets._pairs import pair_keys
from netmap.model.exceptions import MeasureError
from netmap.model.sectors import CORE_SECTORS
from netmap.words.catalogue import say

__all__ = ["BODY_NEEDS", "CLUB_OUTSIDE", "GOALS", "N_WORKING_TEAMS", "BODIES", "Structure",
           "structure", "structural_ties", "memberships", "bodies_table", "activities"]

#: Organisations the bodies need, by sector: the backbone and the steering
#: committee, a coalition of three, a team of three, and one of each sector
#: outside them.
BODY_NEEDS = {"public": 1, "business": 4, "third": 5}
#: A member of the coalition or the team expects at most this share of its
#: ties inside the club as ties across sectors (its activity is capped), so
#: that most of its ties stay inside the club.
CLUB_OUTSIDE = 1 / 4
#: The shared goals of the activities table.
GOALS = tuple(f"goal_{g}" for g in range(1, 7))
N_WORKING_TEAMS = 3
#: The bodies: id -> kind. Their names are the catalogue's ``SYNTHETIC["body_<id>"]``
#: (``body_working_team`` for every working team, numbered).
BODIES = {
    "partner_network": "partner_network",
    "steering_committee": "steering_committee",
    **{f"working_team_{j}": "working_team" for j in range(1, N_WORKING_TEAMS + 1)},
    "business_coalition": "coalition",
    "third_sector_team": "sector_team",
}


@dataclass
class Structure:
    """Who sits where (actor positions).

    Attributes
    ----------
    backbone : int
        The backbone organisation.
    committee : dict
        Core sector -> the committee's organisations of that sector, most
        active first.
    teams : list of numpy.ndarray
        Members of each working team (a person sits for an organisation
        that has persons), the lead first.
    coalition, third_team : numpy.ndarray
        Members of the business coalition and of the third-sector team.
    fixed : numpy.ndarray
        Actors that hold in every wave: all of the above and the
        organisations of the persons among them.
    """

    backbone: int
    committee: dict
    teams: list
    coalition: np.ndarray
    third_team: np.ndarray
    fixed: np.ndarray


def _less_active(rng, a: Actors, candidates: np.ndarray, k: int) -> np.ndarray:
    """``k`` candidates drawn among those at or below the 75th percentile of activity."""
    w = a.weight[candidates]
    low = candidates[w <= np.quantile(w, 0.75)]
    if len(low) < k:
        low = candidates[np.argsort(w, kind="stable")[:k]]
    return np.sort(rng.choice(low, size=k, replace=False))


def _club_size(n_orgs: int) -> int:
    """Members of the coalition or the team: 1.5 sqrt(organisations), 3 to 40."""
    return min(40, max(3, round(1.5 * math.sqrt(n_orgs))), n_orgs - 1)


def structure(rng, a: Actors) -> Structure:
    """Choose the backbone and the members of every body.

    The backbone is the first third-sector organisation. The business
    coalition and the third-sector team are drawn among the less active
    organisations of their sector. The steering committee holds the most
    active organisations of each core sector outside them (``round(n **
    0.25)`` each, 1 to 4); each working team holds one organisation of
    each core sector and others of any sector (4 to 10 in all, ``n //
    50``), drawn by activity.
    """
    n = len(a.sector)
    third = orgs_of(a, "third")
    backbone = int(third[0])
    business = orgs_of(a, "business")
    coalition = _less_active(rng, a, business, _club_size(len(business)))
    third_team = _less_active(rng, a, third[1:], _club_size(len(third) - 1))
    clubbed = np.zeros(n, dtype=bool)
    clubbed[coalition] = clubbed[third_team] = clubbed[backbone] = True
    free = ~a.person & ~clubbed
    per_sector = min(4, max(1, round(n ** 0.25)))
    committee = {}
    for c, name in enumerate(CORE_SECTORS):
        pool = np.flatnonzero(free & (a.core == c))
        committee[name] = pool[np.argsort(-a.weight[pool], kind="stable")][:per_sector]
    first_person = np.full(n, -1)
    firsts = np.flatnonzero(a.person & (a.number == 1))
    first_person[a.org[firsts]] = firsts
    size = min(10, max(4, n // 50))
    pool = np.flatnonzero(free)
    teams = []
    for _ in range(N_WORKING_TEAMS):
        chosen = []
        for c in range(len(CORE_SECTORS)):
            sub = pool[a.core[pool] == c]
            chosen.append(int(rng.choice(sub, p=a.weight[sub] / a.weight[sub].sum())))
        others = np.setdiff1d(pool, chosen)
        k = min(size - len(chosen), len(others))
        if k > 0:
            chosen.extend(rng.choice(others, size=k, replace=False,
                                     p=a.weight[others] / a.weight[others].sum()).tolist())
        orgs = np.array(chosen)
        teams.append(np.where(first_person[orgs] >= 0, first_person[orgs], orgs))
    members = np.concatenate([[backbone], coalition, third_team, *committee.values(),
                              *teams])
    fixed = np.unique(np.concatenate([members, a.org[members][a.org[members] >= 0]]))
    return Structure(backbone, committee, teams, coalition, third_team, fixed)


def _club_ties(rng, members: np.ndarray, n_ties: int) -> tuple[np.ndarray, np.ndarray]:
    """A ring through the members (so they form one group) and random chords."""
    k = len(members)
    ring = rng.permutation(members)
    src, dst = ring, np.roll(ring, -1)
    if k == 3:
        return src, dst
    size = int(members.max()) + 1
    i, j = np.triu_indices(k, 1)
    on_ring = np.isin(pair_keys(members[i], members[j], size, False),
                      pair_keys(src, dst, size, False))
    extra = np.flatnonzero(~on_ring)
    pick = np.sort(rng.choice(extra, size=min(len(extra), n_ties - k), replace=False))
    return np.concatenate([src, members[i[pick]]]), np.concatenate([dst, members[j[pick]]])


def structural_ties(rng, a: Actors, st: Structure, n_ties: int, n_in: int, n_out: int,
                    homophily: float) -> list:
    """The backbone's ties and the ties inside the coalition and the third-sector team.

    The backbone is tied to every member of the committee and the working
    teams (it coordinates them), then to actors of the other sectors
    (outside the coalition) drawn by activity without replacement, up to
    ``max(2 sqrt(n_ties), 1.5 * the largest expected degree of another
    actor)`` ties and at most half of the remaining ties across sectors.
    Each of the two clubs gets a ring through its members and chords up to
    a degree of ``1.5 * mean degree`` per member, taking together at most
    half of the ties inside sectors (with very few ties inside sectors, a
    club is only its ring, thin enough that its members' other ties may
    outweigh it).

    Returns
    -------
    list of (src, dst, mix)
        Tie ends and the name of their type mix, per part.

    Raises
    ------
    netmap.MeasureError
        When ``n_in`` or ``n_out`` is too small for the minimum structure.
    """
    n = len(a.sector)
    bb = st.backbone
    mandatory = np.unique(np.concatenate([*st.committee.values(), *st.teams]))
    m_in = int((a.sector[mandatory] == a.sector[bb]).sum())
    m_out = len(mandatory) - m_in
    rings = len(st.coalition) + len(st.third_team)
    if m_in + rings > n_in or m_out > n_out:
        raise MeasureError(
            f"the joint bodies need at least {m_in + rings} ties inside sectors and "
            f"{m_out} across, but n_ties={n_ties} with homophily={homophily} gives "
            f"{n_in} inside and {n_out} across; ask for more ties, change homophily, "
            "or pass bodies=False")
    mean_degree = 2 * n_ties / n
    extra_room = max(0, (n_in - m_in) // 2 - rings) // 2
    parts = []
    others = np.flatnonzero(a.sector != a.sector[bb])
    others = others[~np.isin(others, np.concatenate([mandatory, st.coalition]))]
    biggest = 2 * n_ties * a.weight.max() / a.weight.sum()
    degree = max(math.ceil(2 * math.sqrt(n_ties)), math.ceil(1.5 * biggest))
    extra = min(max(degree - len(mandatory), 0), len(others), max((n_out - m_out) // 2, 0))
    key = np.log(a.weight[others]) - np.log(-np.log(rng.random(len(others))))
    chosen = np.sort(others[np.argsort(-key, kind="stable")[:extra]])
    targets = np.concatenate([mandatory, chosen])
    hub = np.full(len(targets), bb)
    inward = rng.random(len(targets)) < 0.5  # in a directed map, arcs both ways
    parts.append((np.where(inward, targets, hub), np.where(inward, hub, targets),
                  "backbone"))
    for members, name in ((st.coalition, "coalition"), (st.third_team, "team")):
        k = len(members)
        d = min(k - 1, max(3, math.ceil(1.5 * mean_degree)))
        want = min(k * (k - 1) // 2, max(k, math.ceil(k * d / 2)))
        src, dst = _club_ties(rng, members, k + min(want - k, extra_room))
        parts.append((src, dst, name))
    return parts


def memberships(a: Actors, st: Structure, ids, src, dst, labels: tuple, join,
                until) -> pd.DataFrame:
    """Who sits in which body, with roles (and waves).

    The backbone coordinates the committee, the working teams and the
    partner network; the public committee member chairs the committee
    (with two waves or more, a third-sector member chairs it in the first
    wave and the public one from the second); the first member of each
    working team leads it, and the most active member leads the coalition
    and the team. The partner network holds every organisation in a body
    or tied to the backbone.
    """
    k = max(len(labels), 1)
    rows = []  # (actor position, body, role, first wave, last wave or -1)

    def add(actors, body, role, first=None, last=-1):
        for actor in np.atleast_1d(actors):
            rows.append((int(actor), body, role,
                         int(join[actor]) if first is None else first, last))

    bb = st.backbone
    chair = int(st.committee["public"][0])
    add(bb, "steering_committee", "coordinator")
    skip = {chair}
    if k >= 2 and len(st.committee["third"]):
        first_chair = int(st.committee["third"][0])
        add(first_chair, "steering_committee", "chair", 0, 0)
        add(first_chair, "steering_committee", "member", 1)
        add(chair, "steering_committee", "member", 0, 0)
        add(chair, "steering_committee", "chair", 1)
        skip.add(first_chair)
    else:
        add(chair, "steering_committee", "chair")
    for members in st.committee.values():
        add([m for m in members if int(m) not in skip], "steering_committee", "member")
    for j, team in enumerate(st.teams, start=1):
        add(bb, f"working_team_{j}", "coordinator")
        add(team[0], f"working_team_{j}", "lead")
        add(team[1:], f"working_team_{j}", "member")
    for members, body in ((st.coalition, "business_coalition"),
                          (st.third_team, "third_sector_team")):
        lead = members[np.argmax(a.weight[members])]
        add(lead, body, "lead")
        add(members[members != lead], body, "member")
    seated = np.array([r[0] for r in rows])
    tied = np.concatenate([dst[src == bb], src[dst == bb]])
    around = np.concatenate([seated, tied])
    around = np.where(a.org[around] >= 0, a.org[around], around)
    add(bb, "partner_network", "coordinator")
    add(np.setdiff1d(around, [bb]), "partner_network", "member")
    actor = np.array([r[0] for r in rows])
    frame = pd.DataFrame({
        "actor": pd.array(ids[actor], dtype="str"),
        "body": pd.array([r[1] for r in rows], dtype="str"),
        "role": pd.array([r[2] for r in rows], dtype="str"),
    })
    if labels:
        last = np.array([r[4] for r in rows], dtype=np.int64)
        leaves = np.where(until[actor] < k - 1, until[actor], -1)
        frame["wave"] = wave_values(np.array([r[3] for r in rows]), labels)
        frame["until"] = wave_values(np.where(last >= 0, last, leaves), labels)
    return frame


def bodies_table(lang: str) -> pd.DataFrame:
    """The bodies: id, name (in ``lang``) and kind."""
    names = [say("SYNTHETIC", "body_working_team", lang, j=body.rsplit("_", 1)[1])
             if kind == "working_team" else say("SYNTHETIC", f"body_{body}", lang)
             for body, kind in BODIES.items()]
    return pd.DataFrame(
        {"name": pd.array(names, dtype="str"),
         "kind": pd.array(list(BODIES.values()), dtype="str")},
        index=pd.Index(list(BODIES), name="id", dtype="str"))


def activities(rng, st: Structure, ids, mem: pd.DataFrame, labels: tuple, join,
               until) -> pd.DataFrame:
    """The partner network's organisations on the shared goals.

    Each works on one, two or three goals (probabilities 0.5, 0.35,
    0.15), drawn without replacement with weights ``1 / rank`` of the goal
    (:data:`GOALS`, most common first); the third-sector team's members
    mostly on the two most common goals, which they crowd.
    """
    partners = mem.loc[(mem["body"] == "partner_network") & (mem["role"] == "member"),
                       "actor"]
    position = np.sort(pd.Index(ids).get_indexer(partners.to_numpy()))
    popularity = 1.0 / np.arange(1, len(GOALS) + 1)
    n_goals = rng.choice([1, 2, 3], size=len(position), p=[0.5, 0.35, 0.15])
    logp = np.tile(np.log(popularity / popularity.sum()), (len(position), 1))
    logp[np.isin(position, st.third_team), 2:] -= 3.0
    key = logp - np.log(-np.log(rng.random(logp.shape)))
    rank = np.argsort(np.argsort(-key, axis=1, kind="stable"), axis=1, kind="stable")
    row, goal = np.nonzero(rank < n_goals[:, None])
    actors = position[row]
    frame = pd.DataFrame({
        "actor": pd.array(ids[actors], dtype="str"),
        "goal": pd.array(np.asarray(GOALS, dtype=object)[goal], dtype="str"),
    })
    if labels:
        k = len(labels)
        frame["wave"] = wave_values(join[actors], labels)
        frame["until"] = wave_values(np.where(until[actors] < k - 1, until[actors], -1),
                                     labels)
    return frame
