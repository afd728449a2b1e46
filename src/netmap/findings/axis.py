"""The initiative on the axis of multi-sector action; its sectors against the problem.

Sheatufim's axis (CONCEPTS.md section 6) runs from *cooperation* through
*partnership* to a *joint move* along five dimensions: viewpoint, goal,
time, stakeholders and dedicated management. The map itself tells the
last two (who takes part; whether a backbone runs the move); the first
three are declared by the team or left unknown. Van Tulder and Keen's
rule (section 5) says how many core sectors a problem needs: one when it
is simple, two when complicated, three when complex.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from netmap.model._labels import label_key
from netmap.model._params import allowed_words
from netmap.model.exceptions import MeasureError, ParameterError
from netmap.model.sectors import CORE_SECTORS
from netmap.words.catalogue import (
    check_lang,
    core_count_phrase,
    count,
    ordinal,
    percent,
    say,
)

if TYPE_CHECKING:
    from netmap.model.stakeholder_map import StakeholderMap

__all__ = ["axis_position", "complexity_fit", "ANCHOR_SCORES", "DECLARED", "NEEDED"]

#: The anchors' places on the continuous axis.
ANCHOR_SCORES = {"cooperation": 0.0, "partnership": 0.5, "joint_move": 1.0}

#: Declared values per dimension: accepted words (English and Hebrew) -> score.
#: "organisational" is the viewpoint of both cooperation and partnership, so it
#: scores between them.
DECLARED = {
    "viewpoint": {("organisational", "organizational", "organisation", "ארגונית",
                   "ארגוני"): 0.25,
                  ("systemic", "system", "מערכתית", "מערכתי"): 1.0},
    "goal": {("similar", "דומה", "דומות"): 0.0,
             ("shared", "common", "משותפת", "משותפות"): 0.5,
             ("broader", "shared and broader", "broader than any organisation",
              "רחבה", "רחבה יותר", "משותפת ורחבה"): 1.0},
    "time": {("project", "bounded", "bounded by the project", "limited", "פרויקט",
              "מוגבל", "תחום בזמן"): 0.0,
             ("varies", "varied", "משתנה"): 0.5,
             ("ongoing", "long-term", "מתמשך", "מתמשכת", "ארוך טווח"): 1.0},
}

#: Core sectors a problem needs, by its declared complexity.
NEEDED = {"simple": 1, "complicated": 2, "complex": 3}
_COMPLEXITY_WORDS = {
    "simple": ("simple", "פשוטה", "פשוט"),
    "complicated": ("complicated", "מסובכת", "מסובך"),
    "complex": ("complex", "wicked", "מורכבת", "מורכב"),
}


def _complexity(value) -> str:
    key = label_key(str(value))
    for code, words in _COMPLEXITY_WORDS.items():
        if key in {label_key(w) for w in words}:
            return code
    raise ParameterError("complexity", value, allowed_words(_COMPLEXITY_WORDS),
                         hint="or in Hebrew פשוטה, מסובכת, מורכבת")


def _engaged(m) -> list:
    """Core sectors with at least one actor that has a tie, in core order."""
    arr = m.arrays
    tied = np.zeros(m.n_actors, dtype=bool)
    tied[arr.source] = True
    tied[arr.target] = True
    core = m.actors["core"].astype(object).to_numpy()
    return [c for c in CORE_SECTORS if ((core == c) & tied).any()]


def complexity_fit(m: StakeholderMap, complexity) -> pd.Series:
    """Whether the core sectors engaged fit the declared complexity of the problem.

    Simple problems can be solved inside one sector, complicated ones need
    two, complex ("wicked") ones are best met by all three (Van Tulder and
    Keen 2018; CONCEPTS.md section 5). A core sector is engaged when at
    least one of its actors has a tie (philanthropy and community count as
    third sector).

    Parameters
    ----------
    m : StakeholderMap
        The map.
    complexity : {"simple", "complicated", "complex"}
        Also in Hebrew: פשוטה, מסובכת, מורכבת.

    Returns
    -------
    pandas.Series
        ``complexity``, ``needed`` (core sectors), ``engaged`` (a tuple of
        core sectors), ``missing`` (core sectors not engaged, when too few)
        and ``fit``: ``"fits"``, ``"too few"`` or ``"more than needed"``.

    Raises
    ------
    netmap.ParameterError
        For an unknown ``complexity``.

    Examples
    --------
    >>> import netmap
    >>> netmap.complexity_fit(netmap.datasets.load_2x5(), "complex")["fit"]
    'fits'
    """
    code = _complexity(complexity)
    needed = NEEDED[code]
    engaged = _engaged(m)
    fit = "fits" if len(engaged) == needed else (
        "too few" if len(engaged) < needed else "more than needed")
    missing = tuple(c for c in CORE_SECTORS if c not in engaged) if fit == "too few" \
        else ()
    return pd.Series({"complexity": code, "needed": needed, "engaged": tuple(engaged),
                      "missing": missing, "fit": fit}, dtype=object, name="complexity_fit")


def _declared(dimension: str, value, lang: str):
    if value is None:
        return np.nan, None, say("AXIS", "unknown", lang), "unknown"
    key = label_key(str(value))
    for words, score in DECLARED[dimension].items():
        if key in {label_key(w) for w in words}:
            return score, str(value), say("AXIS", "declared", lang, value=value), \
                "declared"
    accepted = [w[0] for w in DECLARED[dimension]]
    raise ParameterError(dimension, value, allowed_words(accepted),
                         hint="or their synonyms and Hebrew")


def _stakeholders(m, lang: str, many: int, balance: float):
    """Score from the map: few players 0.25, many but one-sided 0.5, balanced many 1.0."""
    actors = m.actors
    level = actors["level"].astype(object) if "level" in actors else \
        pd.Series("organisation", index=actors.index)
    orgs = actors[level.isin(["organisation", "sector"]) | level.isna()]
    n = len(orgs)
    counts = orgs["core"].value_counts().reindex(list(CORE_SECTORS), fill_value=0)
    k = int((counts > 0).sum())
    shares = counts / counts.sum() if counts.sum() else counts.astype(float)
    blau = float(1 - (shares ** 2).sum()) / (1 - 1 / 3) if counts.sum() else 0.0
    evidence = say("AXIS", "stakeholders", lang, n=count(n, "organisation", lang),
                   k=core_count_phrase(k, lang),
                   balance=f"{blau:.2f}")
    if n >= many and k == 3 and blau >= balance:
        return 1.0, evidence
    if n >= many:
        return 0.5, evidence
    return 0.25, evidence


def _management(m, lang: str, backbone, central_rank: int):
    """Score from the map: a brokering backbone 1.0, a partner leading 0.5, no one 0.0."""
    from netmap.structure.backbone import backbone_actors, backbone_brokerage

    try:
        ids = backbone_actors(m, backbone)
    except MeasureError:
        if backbone is not None:
            raise
        ids = []
    if ids and m.n_ties:
        table = backbone_brokerage(m, backbone=ids)
        rank = int(table["rank"].min())
        share = float(table["share"].sum()) if table["share"].notna().any() else 0.0
        names = m.actors["name"].reindex(ids).fillna(pd.Series(ids, index=ids)) \
            if "name" in m.actors else pd.Series(ids, index=ids)
        if f"name_{lang}" in m.actors:
            names = m.actors[f"name_{lang}"].reindex(ids).fillna(names)
        text = say("AXIS", "backbone", lang, name=", ".join(map(str, names)),
                   share=percent(share), rank=ordinal(rank, lang))
        return (1.0 if rank <= central_rank else 0.5), text
    mem = m.memberships
    led = 0
    if mem is not None and "role" in mem.columns:
        led = int(mem.loc[mem["role"].isin(["chair", "lead", "coordinator"]), "body"]
                  .nunique())
    if led:
        return 0.5, say("AXIS", "partner_led", lang, n=count(led, "body", lang))
    return 0.0, say("AXIS", "unmanaged", lang)


def _nearest(score: float) -> str:
    return min(ANCHOR_SCORES, key=lambda a: (abs(ANCHOR_SCORES[a] - score),
                                             -ANCHOR_SCORES[a]))


def axis_position(m: StakeholderMap, *, viewpoint=None, goal=None, time=None, lang: str = "en",
                  backbone=None, many: int = 15, balance: float = 0.6,
                  central_rank: int = 3) -> pd.DataFrame:
    """The initiative's place on the axis: cooperation, partnership or joint move.

    Each dimension gets a score on the axis (0 cooperation, 0.5
    partnership, 1 joint move) and the anchor nearest to it:

    - *viewpoint*, *goal*, *time*: declared by the team (English or
      Hebrew words, see :data:`~netmap.findings.axis.DECLARED`), else unknown and left out.
    - *stakeholders*, from the map: a few players (0.25, as cooperation and
      partnership both have), many players but not all three core sectors
      in balance (0.5), or most stakeholders from all three, balanced
      (1.0).
    - *dedicated management*, from the map: a backbone (marked in the
      ``backbone`` column or given) among the first ``central_rank``
      cross-sector brokers (1.0); a backbone that is not, or a partner that
      chairs, leads or coordinates bodies (0.5, "by one of the partners");
      no one (0.0, "usually none").

    The overall position is the mean of the known scores, with its nearest
    anchor (the higher one on an exact tie).

    Parameters
    ----------
    m : StakeholderMap
        The map.
    viewpoint : {"organisational", "systemic"}, optional
    goal : {"similar", "shared", "broader"}, optional
    time : {"project", "varies", "ongoing"}, optional
    lang : {"en", "he"}
        The language of the ``anchor_name``, ``dimension_name`` and
        ``evidence`` columns.
    backbone : str or iterable of str, optional
        The backbone's ids, if the map does not mark it.
    many : int, default 15
        Organisations that make "most stakeholders" rather than "a few
        players": 2x5 had about 60 partner organisations by 2015; a
        partnership of a few players rarely passes ten.
    balance : float, default 0.6
        Normalised Blau diversity over the three core sectors that counts
        as balanced (1 is an even third each; 0.6 allows one sector twice
        the size of another).
    central_rank : int, default 3
        How high among the cross-sector brokers the backbone must rank.

    Returns
    -------
    pandas.DataFrame
        Indexed by ``dimension`` (the five dimensions, then ``overall``).
        Columns: ``score`` (NaN when unknown), ``anchor`` (code:
        ``cooperation``, ``partnership``, ``joint_move``; None when
        unknown), ``source`` (``declared``, ``map``, ``unknown``),
        ``dimension_name`` and ``anchor_name`` (in ``lang``) and
        ``evidence`` (in ``lang``).

    Raises
    ------
    netmap.ParameterError
        For an unknown ``viewpoint``, ``goal``, ``time`` or ``lang``.

    Examples
    --------
    >>> import netmap
    >>> axis = netmap.axis_position(netmap.datasets.load_2x5())
    >>> axis.loc["overall", "anchor"]
    'joint_move'
    """
    check_lang(lang)
    rows = {}
    for dimension, value in (("viewpoint", viewpoint), ("goal", goal), ("time", time)):
        score, _, evidence, source = _declared(dimension, value, lang)
        rows[dimension] = (score, source, evidence)
    score, evidence = _stakeholders(m, lang, many, balance)
    rows["stakeholders"] = (score, "map", evidence)
    score, evidence = _management(m, lang, backbone, central_rank)
    rows["management"] = (score, "map", evidence)
    known = [s for s, _, _ in rows.values() if s == s]
    overall = float(np.mean(known))
    rows["overall"] = (overall, "map" if all(src != "declared" for _, src, _ in
                                             rows.values()) else "declared and map",
                       say("AXIS", "overall", lang, position=f"{overall:.2f}",
                           n=len(known)))
    table = pd.DataFrame.from_dict(rows, orient="index",
                                   columns=["score", "source", "evidence"])
    table.index.name = "dimension"
    table["anchor"] = pd.Series([_nearest(s) if s == s else None for s in table["score"]],
                                index=table.index, dtype=object)
    table["dimension_name"] = [say("DIMENSIONS", d, lang) for d in table.index]
    table["anchor_name"] = [say("ANCHORS", a, lang) if isinstance(a, str) else None
                            for a in table["anchor"]]
    return table[["score", "anchor", "source", "dimension_name", "anchor_name",
                  "evidence"]]
