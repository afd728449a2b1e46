"""Personal, organisational and sectoral levels: roll a map up, and key-person risk.

CONCEPTS.md section 2: every participant is shaped at once by the
personal, the organisational and the sectoral level, and trust is built
at each. A map may hold people (``level`` person, with ``org`` naming
their organisation) beside organisations. :func:`netmap.roll_up` merges people
into their organisations, or everyone into their sector, and gives a map
that every analysis accepts, so one question can be asked at each level.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from netmap.model._params import allowed_words, check_number
from netmap.model._raw import table_from_frame
from netmap.model._validation import ISSUE_COLUMNS, validate_tables
from netmap.model.arrays import or_none, sorted_unique
from netmap.model.exceptions import ParameterError
from netmap.model.vocabulary import ROLES

if TYPE_CHECKING:
    from netmap.model.stakeholder_map import StakeholderMap

__all__ = ["roll_up", "key_person_risk", "LEVELS_UP"]

#: The levels a map can be rolled up to, with the words accepted for each.
LEVELS_UP = {"organisation": ("organisation", "organization", "org", "ארגון"),
             "sector": ("sector", "מגזר")}

_ROLE_RANK = {code: i for i, code in enumerate([t.code for t in ROLES.terms])}


def _level_of(to: str) -> str:
    key = str(to).strip().lower()
    for level, words in LEVELS_UP.items():
        if key in words:
            return level
    raise ParameterError("to", to, allowed_words(LEVELS_UP),
                         hint="also " + ", ".join(w for words in LEVELS_UP.values()
                                                  for w in words[1:]))


def _organisation_of(m) -> np.ndarray:
    """Each actor's position in the rolled-up map: its organisation, or itself.

    A person goes to the organisation its ``org`` names (validation makes
    sure every person has one, and that it is an organisation); every
    other actor stays itself.
    """
    actors = m.actors
    top = np.arange(len(actors))
    if "org" in actors:
        org = pd.Index(m.arrays.ids).get_indexer(actors["org"])
        top = np.where(org >= 0, org, top)
    return top


def _span(frame: pd.DataFrame, column: str, key: np.ndarray, how: str) -> pd.Series:
    """Per group of ``key``: the earliest ``wave`` or latest ``until``, empty if any is."""
    values = frame[column]
    grouped = pd.Series(values.to_numpy(), index=key).groupby(level=0, sort=False)
    any_empty = values.isna().groupby(key, sort=False).any()
    out = grouped.min() if how == "min" else grouped.max()
    out = out.astype(values.dtype)
    out[any_empty.reindex(out.index).to_numpy()] = pd.NA
    return out


def roll_up(m: StakeholderMap, *, to: str = "organisation"):
    """The map one level up: persons merged into organisations, or actors into sectors.

    With ``to="organisation"``, every person is merged into the
    organisation its ``org`` names; organisations and bodies stay. With
    ``to="sector"``, every actor is merged into one actor per sector (of
    level ``sector``, whose id is the sector code); a person counts in
    its organisation's sector.

    Ties are aggregated per pair of merged actors, tie class and span of
    waves: ``n_ties`` counts the original ties, ``weight`` sums their
    weights, ``trust`` averages it (when the map has trust), and ``types``
    lists the original types. A tie between two members of one merged
    actor becomes a self-tie of it (kept, and counted in
    :attr:`~netmap.StakeholderMap.issues` as a note): at sector level
    these are the within-sector ties, the diagonal of the mixing matrix.
    Memberships and activities follow their actors (a merged actor holds
    the strongest role any member held). A merged actor exists from the
    earliest wave of its members to the latest, so ``roll_up(m).at(w)``
    keeps every tie of ``m.at(w)``.

    Parameters
    ----------
    m : StakeholderMap
        The map.
    to : {"organisation", "sector"}
        The level to roll up to (also "organization", "org").

    Returns
    -------
    StakeholderMap
        A new map with the same direction, waves and taxonomy. Actors gain
        ``n_merged`` (how many actors of ``m`` each stands for); ties gain
        ``n_ties`` and ``types``; their ``type`` is empty and ``tie_class``
        is kept; memberships and activities gain ``n_merged``.

    Raises
    ------
    netmap.ParameterError
        For a ``to`` that is not a level the map can be rolled up to.

    Warns
    -----
    netmap.DataWarning
        When a person's sector differs from its organisation's: the
        organisation's sector wins, and the persons are listed in
        :attr:`~netmap.StakeholderMap.issues`.

    Examples
    --------
    >>> import netmap
    >>> m = netmap.datasets.load_2x5()
    >>> org = m.roll_up(to="organisation")
    >>> m.n_actors, org.n_actors, int(org.ties["n_ties"].sum()) == m.n_ties
    (92, 75, True)
    >>> sectors = m.roll_up(to="sector")
    >>> sectors.actors.index.tolist()[:3]
    ['public', 'business', 'third']
    """
    from netmap.model.stakeholder_map import StakeholderMap

    level = _level_of(to)
    issues: list[dict] = []
    actors = m.actors
    ids = np.asarray(m.arrays.ids, dtype=object)
    top = _organisation_of(m)
    sector = actors["sector"].astype(object).to_numpy()
    mismatch = sector != sector[top]
    if mismatch.any():
        listed = ", ".join(f"{a} ({s} in {o}, {t})" for a, s, o, t in zip(
            ids[mismatch], sector[mismatch], ids[top][mismatch], sector[top][mismatch],
            strict=True))
        issues.append(_issue("warning", "person-sector",
                             f"{int(mismatch.sum())} person(s) of another sector than "
                             f"their organisation were merged into it, which keeps its "
                             f"sector: {listed}", "actors", "sector"))
    if level == "organisation":
        keep = sorted_unique(top)
        key = ids[top]
        frame = actors.iloc[keep].reset_index()
        frame = frame.drop(columns=[c for c in ("core", "n_merged") if c in frame])
        new_ids = ids[keep]
    else:
        key = sector[top]
        present = set(key)
        new_ids = np.array([c for c in m.taxonomy.codes if c in present], dtype=object)
        tax = m.taxonomy
        frame = pd.DataFrame({"id": new_ids,
                              "name": [tax.display_name(c, lang="en") for c in new_ids],
                              "name_he": [tax.display_name(c, lang="he") for c in new_ids],
                              "sector": new_ids, "level": "sector"})
    merged = actors["n_merged"] if "n_merged" in actors else pd.Series(1, index=actors.index)
    frame["n_merged"] = merged.groupby(key).sum().reindex(new_ids).to_numpy(dtype=np.int64)
    for column, how in (("wave", "min"), ("until", "max")):
        if column in actors:
            frame[column] = _span(actors, column, key, how).reindex(new_ids).to_numpy()
    frames = {"actors": frame,
              "ties": _merge_ties(m, key, issues, level),
              "memberships": _merge_rows(m.memberships, m, key, "body", role=True),
              "bodies": m.bodies.reset_index() if m.bodies is not None else None,
              "activities": _merge_rows(m.activities, m, key, "goal", role=False)}
    raws = {k: table_from_frame(k, v) for k, v in frames.items() if v is not None}
    validated = validate_tables(raws, taxonomy=m.taxonomy, directed=m.directed,
                                waves=m.waves or None)
    validated.issues[:] = issues
    return StakeholderMap._from_validated(validated, directed=m.directed,
                                          taxonomy=m.taxonomy, name=m.name, date=m.date,
                                          stacklevel=3)


def _issue(severity: str, code: str, message: str, table: str, column: str) -> dict:
    record = dict.fromkeys(ISSUE_COLUMNS)
    record.update(severity=severity, code=code, message=message, table=table,
                  column=column)
    return record


def _merge_ties(m, key: np.ndarray, issues: list[dict], level: str) -> pd.DataFrame:
    """Ties between merged actors, one row per pair, tie class and span of waves.

    Grouped on whole numbers (each merged actor's and tie class's place in
    order of first appearance), which give the groups and their order that
    the ids and class names give, without hashing a million strings; an
    undirected tie runs from the merged actor that appears first.
    """
    ties = m.ties
    arr = m.arrays
    codes, merged = pd.factorize(key)  # merged actors in order of first appearance
    src, dst = codes[arr.source], codes[arr.target]
    if not m.directed:
        src, dst = np.minimum(src, dst), np.maximum(src, dst)
    classes, class_names = pd.factorize(ties["tie_class"].astype(object).to_numpy(),
                                        use_na_sentinel=False)
    frame = pd.DataFrame({"source": src, "target": dst, "tie_class": classes,
                          "weight": ties["weight"].to_numpy(dtype=float)})
    frame["n_ties"] = ties["n_ties"].to_numpy() if "n_ties" in ties else 1
    keys = ["source", "target", "tie_class"]
    for column in ("wave", "until"):
        if column in ties:
            frame[column] = ties[column].to_numpy()
            keys.append(column)
    if "trust" in ties:
        frame["trust_sum"] = (ties["trust"] * frame["n_ties"].to_numpy()).to_numpy()
        frame["trust_n"] = np.where(ties["trust"].notna(), frame["n_ties"], 0)
    was_loop = arr.source == arr.target
    new_loop = (src == dst) & ~was_loop
    if new_loop.any():
        what = "organisation" if level == "organisation" else "sector"
        issues.append(_issue("note", "internal-ties",
                             f"{int(new_loop.sum())} tie(s) inside one {what} became "
                             f"self-ties of it", "ties", "source"))
    grouped = frame.groupby(keys, sort=False, dropna=False)
    out = grouped.agg(weight=("weight", "sum"), n_ties=("n_ties", "sum")).reset_index()
    merged = np.asarray(merged, dtype=object)
    out["source"] = merged[out["source"].to_numpy()]
    out["target"] = merged[out["target"].to_numpy()]
    out["tie_class"] = np.asarray(class_names, dtype=object)[out["tie_class"].to_numpy()]
    out["types"] = _joined_types(grouped.ngroup().to_numpy(),
                                 ties["types"] if "types" in ties else ties["type"], len(out))
    if "trust" in ties:
        sums = grouped[["trust_sum", "trust_n"]].sum(min_count=1).reset_index(drop=True)
        with np.errstate(invalid="ignore", divide="ignore"):
            out["trust"] = np.where(sums["trust_n"] > 0,
                                    sums["trust_sum"] / sums["trust_n"], np.nan)
    out["n_ties"] = out["n_ties"].astype(np.int64)
    out.insert(2, "type", pd.Series([None] * len(out), dtype=object))
    return out


def _joined_types(group: np.ndarray, types: pd.Series, n_groups: int) -> np.ndarray:
    """The distinct tie types behind each aggregated tie, sorted, joined by "; ".

    ``group`` is each row's group number; None for a group without types.

    Only the distinct values of ``types`` are split (a handful, where the
    ties are a million); each type is its place among the sorted types,
    so one sort of whole-number keys (group, type) orders and deduplicates
    them. A group of one type takes it as it is, and the groups of several
    are joined by one ``np.add.reduceat``.
    """
    values, distinct = pd.factorize(types.to_numpy(dtype=object))  # -1: no types
    pieces = [[p for p in str(text).split("; ") if p] for text in distinct]
    vocabulary = np.array(sorted({p for parts in pieces for p in parts}), dtype=object)
    rank = {p: k for k, p in enumerate(vocabulary)}
    sizes = np.array([len(parts) for parts in pieces] + [0], dtype=np.int64)
    flat = np.array([rank[p] for parts in pieces for p in parts], dtype=np.int64)
    first = np.concatenate([[0], np.cumsum(sizes)])
    count = sizes[values]  # code -1 reads the last size, 0
    start = np.repeat(first[values] - np.concatenate([[0], np.cumsum(count)[:-1]]), count)
    kinds = flat[start + np.arange(len(start))]
    width = max(len(vocabulary), 1)
    pairs = sorted_unique(np.repeat(group.astype(np.int64), count) * width + kinds)
    out = np.full(n_groups, None, dtype=object)
    if len(pairs):
        g, kind = pairs // width, pairs % width
        starts = np.flatnonzero(np.r_[True, g[1:] != g[:-1]])
        lengths = np.diff(np.r_[starts, len(g)])
        single = starts[lengths == 1]
        out[g[single]] = vocabulary[kind[single]]
        several = np.flatnonzero(np.repeat(lengths > 1, lengths))
        if len(several):
            text = vocabulary[kind[several]] + "; "
            heads = np.flatnonzero(np.r_[True, g[several][1:] != g[several][:-1]])
            out[g[several][heads]] = [t[:-2] for t in np.add.reduceat(text, heads)]
    return out


def _merge_rows(frame: pd.DataFrame | None, m, key: np.ndarray, what: str, *,
                role: bool) -> pd.DataFrame | None:
    """Memberships or activities of merged actors: one row per merged actor, ``what`` and span."""
    if frame is None:
        return None
    position = pd.Index(m.arrays.ids).get_indexer(frame["actor"])
    out = frame.copy()
    out["actor"] = key[position]
    weight = out.pop("n_merged") if "n_merged" in out else pd.Series(1, index=out.index)
    keys = ["actor", what, *[c for c in ("wave", "until") if c in out]]
    out["n_merged"] = weight.to_numpy()
    if role and "role" in out:
        out["_rank"] = out["role"].map(_ROLE_RANK).fillna(len(_ROLE_RANK))
        out = out.sort_values("_rank", kind="stable")
    grouped = out.groupby(keys, sort=False, dropna=False)
    agg = {"n_merged": ("n_merged", "sum")}
    if role and "role" in out:
        agg["role"] = ("role", "first")
    return grouped.agg(**agg).reset_index()


def key_person_risk(m: StakeholderMap, *, share: float = 1.0) -> pd.DataFrame:
    """Organisations whose cross-sector ties all run through one person.

    When one person holds an organisation's ties to the other sectors, the
    organisation's place in the joint move leaves with that person
    (CONCEPTS.md sections 2 and 4: trust is built between individuals as
    well as organisations). For every organisation with persons in the
    map, its cross-sector ties (ties of the organisation or its persons
    with actors whose organisation is of another sector) are attributed
    to whoever holds them: the organisation itself or one of its persons.

    Parameters
    ----------
    m : StakeholderMap
        The map, with persons (``level`` person and ``org``).
    share : float, default 1.0
        An organisation is at risk when one person holds at least this
        share of its cross-sector ties: by default all of them, as the
        definition says; lower it (say to 0.8) to see the near cases.

    Returns
    -------
    pandas.DataFrame
        Indexed by organisation id, at-risk organisations first. Columns:
        ``name`` (when the map has names), ``sector``, ``persons`` (its
        persons in the map), ``cross_sector_ties``, ``holders`` (distinct
        persons or the organisation itself holding them), ``key_person``
        (the person holding most, or None), ``key_person_share`` and
        ``at_risk``. Organisations with no persons in the map are left out:
        the map cannot tell.

    Raises
    ------
    netmap.ParameterError
        For a ``share`` outside (0, 1].

    Examples
    --------
    >>> import netmap
    >>> risk = netmap.key_person_risk(netmap.datasets.load_2x5())
    >>> bool(risk.loc["sheatufim", "at_risk"])
    False
    """
    check_number("share", share, above=0, high=1)
    top = _organisation_of(m)
    n = m.n_actors
    arr = m.arrays
    actors = m.actors
    person = (actors["level"] == "person").fillna(False).to_numpy(dtype=bool) \
        if "level" in actors else np.zeros(n, dtype=bool)
    has_persons = np.zeros(n, dtype=bool)
    has_persons[top[person & (top != np.arange(n))]] = True
    sector = actors["sector"].cat.codes.to_numpy()
    src, dst = arr.source, arr.target
    holder = np.concatenate([src, dst])
    other = np.concatenate([dst, src])
    org = top[holder]
    not_loop = np.tile(src != dst, 2)
    cross = (sector[org] != sector[top[other]]) & not_loop
    cross &= has_persons[org]
    counts = pd.DataFrame({"org": org[cross], "holder": holder[cross]}) \
        .value_counts().rename("ties").reset_index()
    ids = np.asarray(arr.ids, dtype=object)
    orgs = np.flatnonzero(has_persons)
    table = pd.DataFrame(index=pd.Index(ids[orgs], name="id"))
    if "name" in actors:
        table["name"] = actors["name"].to_numpy()[orgs]
    table["sector"] = actors["sector"].astype(object).to_numpy()[orgs]
    table["persons"] = np.bincount(top[person & (top != np.arange(n))],
                                   minlength=n)[orgs]
    total = counts.groupby("org")["ties"].sum()
    holders = counts.groupby("org").size()
    best = counts.sort_values(["org", "ties", "holder"], ascending=[True, False, True],
                              kind="stable").drop_duplicates("org").set_index("org")
    table["cross_sector_ties"] = total.reindex(orgs, fill_value=0).to_numpy(dtype=np.int64)
    table["holders"] = holders.reindex(orgs, fill_value=0).to_numpy(dtype=np.int64)
    key = best["holder"].reindex(orgs)
    is_person = key.notna().to_numpy() & person[key.fillna(0).astype(int).to_numpy()]
    table["key_person"] = or_none(is_person, ids[key.fillna(0).astype(int).to_numpy()])
    with np.errstate(invalid="ignore", divide="ignore"):
        key_share = best["ties"].reindex(orgs).to_numpy(dtype=float) / \
            table["cross_sector_ties"].to_numpy()
    table["key_person_share"] = np.where(is_person, key_share, 0.0)
    table["at_risk"] = is_person & (key_share >= share)
    return table.sort_values("at_risk", ascending=False, kind="stable")
