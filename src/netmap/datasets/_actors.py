"""Synthetic actors: sector sizes, persons inside organisations, activity, names, waves.

Part of :func:`netmap.datasets.generator.synthetic`. Actors are positions ``0 ..
n-1`` sorted by sector (each sector one block), each organisation
followed by its persons.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from netmap.model.arrays import or_none
from netmap.model.exceptions import MeasureError
from netmap.model.sectors import CORE_SECTORS
from netmap.model.vocabulary import LEVELS, SCOPES
from netmap.words.catalogue import say

__all__ = ["ACTIVITY_SIGMA", "PERSON_ACTIVITY", "FIRST_WAVE_SHARE", "LEAVE_SHARE",
           "Actors", "apportion", "sector_sizes", "layout", "orgs_of", "actor_waves",
           "wave_values", "names", "actor_table"]

#: Sigma of the lognormal activity weights (median 1): a few hubs, many small actors.
ACTIVITY_SIGMA = 1.0
#: Persons are this much less active than organisations, on average.
PERSON_ACTIVITY = 0.5
#: With waves: share of actors present from the first wave.
FIRST_WAVE_SHARE = 0.5
#: With waves: share of actors (and of ties) that end before the last wave.
LEAVE_SHARE = 0.05


# Scope mix per sector: local, regional, national, global.
_SCOPE_MIX = {
    "public": (0.55, 0.15, 0.30, 0.0), "business": (0.30, 0.15, 0.40, 0.15),
    "third": (0.50, 0.20, 0.28, 0.02), "academia": (0.10, 0.20, 0.60, 0.10),
    "philanthropy": (0.20, 0.10, 0.50, 0.20), "social_business": (0.60, 0.20, 0.20, 0.0),
    "community": (0.90, 0.10, 0.0, 0.0), "other": (0.30, 0.20, 0.40, 0.10),
}


def apportion(total: int, weights) -> np.ndarray:
    """Whole numbers proportional to ``weights`` that sum to ``total`` (largest remainder).

    Examples
    --------
    >>> apportion(10, [0.45, 0.28, 0.27]).tolist()  # 4.5, 2.8, 2.7: the largest remainders win
    [4, 3, 3]
    """
    weights = np.asarray(weights, dtype=float)
    if total == 0 or weights.sum() <= 0:
        return np.zeros(len(weights), dtype=np.int64)
    exact = total * weights / weights.sum()
    out = np.floor(exact).astype(np.int64)
    rest = total - int(out.sum())
    order = np.argsort(-(exact - out), kind="stable")
    out[order[:rest]] += 1
    return out


def sector_sizes(n_actors: int, shares: dict) -> tuple[list, np.ndarray]:
    """The sectors that get actors, and how many each, from shares that sum to 1."""
    sizes = apportion(n_actors, list(shares.values()))
    codes = [c for c, size in zip(shares, sizes, strict=True) if size]
    return codes, sizes[sizes > 0]


def _persons_per_sector(n_persons: int, sizes: np.ndarray, needs: np.ndarray,
                        persons: float) -> np.ndarray:
    """Persons by sector, in proportion to size, keeping ``needs`` organisations in each."""
    room = np.maximum(sizes - needs, 0)
    if n_persons > room.sum():
        raise MeasureError(
            f"persons={persons} asks for {n_persons} of the {int(sizes.sum())} actors to "
            f"be persons, but only {int(room.sum())} can be: every sector keeps at least "
            "one organisation (and the bodies need theirs); lower persons")
    out = np.zeros(len(sizes), dtype=np.int64)
    left = n_persons
    while left:
        add = apportion(left, np.where(out < room, sizes, 0))
        out = np.minimum(out + add, room)
        left = n_persons - int(out.sum())
    return out


@dataclass
class Actors:
    """Actors as arrays, in table order.

    Attributes
    ----------
    codes : list of str
        The sector codes present, in taxonomy order.
    starts : numpy.ndarray
        Block boundaries of the sectors (length ``len(codes) + 1``).
    sector : numpy.ndarray
        Index into ``codes`` of each actor.
    core : numpy.ndarray
        Index into ``CORE_SECTORS`` of each actor, -1 for none.
    person : numpy.ndarray of bool
        Whether the actor is a person.
    org : numpy.ndarray
        Position of a person's organisation, -1 for an organisation.
    number : numpy.ndarray
        Organisation number in its sector; person number in its organisation.
    weight : numpy.ndarray
        Activity weight.
    """

    codes: list
    starts: np.ndarray
    sector: np.ndarray
    core: np.ndarray
    person: np.ndarray
    org: np.ndarray
    number: np.ndarray
    weight: np.ndarray


def layout(rng, codes: list, sizes: np.ndarray, persons: float, needs: dict,
           core_of: dict) -> Actors:
    """Organisations and persons of each sector, with their activity weights.

    ``round(persons * n)`` actors are persons, spread over sectors in
    proportion to size (each keeping ``needs`` organisations, 1 by
    default) and over the organisations of their sector in proportion to
    the organisations' activity.
    """
    need = np.array([min(needs.get(c, 1), s) for c, s in zip(codes, sizes, strict=True)])
    per = _persons_per_sector(math.floor(persons * sizes.sum() + 0.5), sizes, need,
                              persons)
    starts = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
    n = int(sizes.sum())
    person = np.zeros(n, dtype=bool)
    org = np.full(n, -1, dtype=np.int64)
    number = np.zeros(n, dtype=np.int64)
    weight = np.zeros(n)
    for s, (size, n_p) in enumerate(zip(sizes, per, strict=True)):
        n_o, n_p = int(size - n_p), int(n_p)
        w_org = rng.lognormal(0.0, ACTIVITY_SIGMA, n_o)
        owner = (np.sort(rng.choice(n_o, size=n_p, p=w_org / w_org.sum())) if n_p
                 else np.zeros(0, dtype=np.int64))
        w_person = PERSON_ACTIVITY * rng.lognormal(0.0, ACTIVITY_SIGMA, n_p)
        count = np.bincount(owner, minlength=n_o)
        org_pos = starts[s] + np.arange(n_o) + np.concatenate([[0], np.cumsum(count)[:-1]])
        nth = np.arange(n_p) - (np.cumsum(count) - count)[owner]
        person_pos = org_pos[owner] + 1 + nth
        number[org_pos] = np.arange(1, n_o + 1)
        weight[org_pos] = w_org
        person[person_pos] = True
        org[person_pos] = org_pos[owner]
        number[person_pos] = nth + 1
        weight[person_pos] = w_person
    sector = np.repeat(np.arange(len(codes)), sizes)
    core = np.array([CORE_SECTORS.index(core_of[c]) if core_of[c] else -1
                     for c in codes], dtype=np.int64)[sector]
    return Actors(codes, starts, sector, core, person, org, number, weight)


def orgs_of(a: Actors, code: str) -> np.ndarray:
    """Positions of the organisations of sector ``code``."""
    if code not in a.codes:
        return np.zeros(0, dtype=np.int64)
    s = a.codes.index(code)
    block = np.arange(a.starts[s], a.starts[s + 1])
    return block[~a.person[block]]


def actor_waves(rng, a: Actors, k: int, fixed: np.ndarray):
    """First and last wave (indices 0 .. k-1) of each actor.

    ``fixed`` actors hold throughout. Of the others, :data:`FIRST_WAVE_SHARE`
    are there from the first wave and the rest join in a later one, drawn
    uniformly; :data:`LEAVE_SHARE` leave before the last wave. A person
    joins no earlier than its organisation and leaves no later.
    """
    n = len(a.sector)
    join = np.zeros(n, dtype=np.int64)
    until = np.full(n, k - 1, dtype=np.int64)
    if k < 2:
        return join, until
    later = rng.integers(1, k, n)
    join = np.where(rng.random(n) < FIRST_WAVE_SHARE, 0, later)
    leaves = (rng.random(n) < LEAVE_SHARE) & (join <= k - 2)
    end = join + (rng.random(n) * (k - 1 - join)).astype(np.int64)
    until = np.where(leaves, np.minimum(end, k - 2), until)
    join[fixed] = 0
    until[fixed] = k - 1
    p = np.flatnonzero(a.person)
    o = a.org[p]
    jp = np.maximum(join[p], join[o])
    jp = np.where(jp > until[o], join[o], jp)
    join[p] = jp
    until[p] = np.minimum(np.maximum(until[p], jp), until[o])
    return join, until


def wave_values(index: np.ndarray, labels: tuple):
    """Wave indices (-1: empty) as the column a map keeps: Int64, Float64 or text."""
    index = np.asarray(index, dtype=np.int64)
    empty = index < 0
    at = np.where(empty, 0, index)
    if not any(isinstance(w, str) for w in labels):
        whole = all(isinstance(w, int) for w in labels)
        values = np.asarray(labels, dtype=np.int64 if whole else float)[at]
        out = pd.array(values, dtype="Int64" if whole else "Float64")
        out[empty] = pd.NA
        return out
    values = np.asarray(labels, dtype=object)[at]
    values[empty] = np.nan
    return pd.array(values, dtype="str")


def names(a: Actors, backbone: int | None, lang: str) -> tuple[np.ndarray, np.ndarray]:
    """Ids (``third_012``, ``third_012_p1``, ``backbone``) and names in ``lang``."""
    orgs = ~a.person
    width = max(3, len(str(int(a.number[orgs].max())))) if orgs.any() else 3
    codes = np.asarray(a.codes, dtype=object)[a.sector]
    nouns = np.asarray([say("SYNTHETIC", f"actor_{c}", lang) for c in a.codes],
                       dtype=object)[a.sector]
    ids = np.array([f"{c}_{k:0{width}d}" for c, k in zip(codes, a.number, strict=True)],
                   dtype=object)
    label = np.array([f"{w} {k}" for w, k in zip(nouns, a.number, strict=True)],
                     dtype=object)
    if backbone is not None:
        ids[backbone] = "backbone"
        label[backbone] = say("SYNTHETIC", "backbone", lang)
    p = np.flatnonzero(a.person)
    template = say("SYNTHETIC", "person", lang)
    ids[p] = [f"{ids[o]}_p{j}" for o, j in zip(a.org[p], a.number[p], strict=True)]
    label[p] = [template.format(j=j, org=label[o])
                for o, j in zip(a.org[p], a.number[p], strict=True)]
    return ids, label


def actor_table(rng, a: Actors, ids, label, backbone: int | None, taxonomy,
                labels: tuple, join, until) -> pd.DataFrame:
    """The actors table, with the columns and dtypes a map keeps."""
    n = len(a.sector)
    scope = np.empty(n, dtype=object)
    for s, code in enumerate(a.codes):
        block = np.arange(a.starts[s], a.starts[s + 1])
        pick = rng.choice(len(SCOPES.codes), size=len(block), p=_SCOPE_MIX[code])
        scope[block] = np.asarray(SCOPES.codes, dtype=object)[pick]
    p = np.flatnonzero(a.person)
    scope[p] = scope[a.org[p]]  # a person works at its organisation's scope
    core = np.asarray(CORE_SECTORS, dtype=object)[np.maximum(a.core, 0)]
    table = pd.DataFrame({
        "name": pd.array(label, dtype="str"),
        "sector": pd.Categorical(np.asarray(a.codes, dtype=object)[a.sector],
                                 categories=list(taxonomy.codes)),
        "core": pd.Categorical(or_none(a.core >= 0, core),
                               categories=list(CORE_SECTORS)),
        "level": pd.Categorical(np.where(a.person, "person", "organisation"),
                                categories=list(LEVELS.codes)),
    }, index=pd.Index(ids, name="id", dtype="str"))
    if len(p):  # no persons, no org column
        org = np.full(n, np.nan, dtype=object)
        org[p] = ids[a.org[p]]
        table["org"] = pd.array(org, dtype="str")
    table["scope"] = pd.Categorical(scope, categories=list(SCOPES.codes))
    if backbone is not None:
        flag = np.zeros(n, dtype=bool)
        flag[backbone] = True
        table["backbone"] = pd.array(flag, dtype="boolean")
    if labels:
        k = len(labels)
        table["wave"] = wave_values(join, labels)
        table["until"] = wave_values(np.where(until < k - 1, until, -1), labels)
    return table
