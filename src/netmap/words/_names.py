"""Actor and body names in the reader's language, for findings and reports."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from netmap.model._memo import remembered

if TYPE_CHECKING:
    from netmap.model.stakeholder_map import StakeholderMap

__all__ = ["display_names", "actor_names", "body_names", "goal_names"]


def display_names(frame: pd.DataFrame | None, lang: str) -> dict:
    """Id -> name in ``lang``, cell by cell, an empty cell falling through.

    A language takes its ``name_<lang>`` column (English ``name_en``,
    Hebrew ``name_he``), then ``name``; the id when neither has a value.
    """
    if frame is None:
        return {}
    names = pd.Series(frame.index.astype(object), index=frame.index, dtype=object)
    order = (f"name_{lang}", "name")
    for column in reversed(order):
        if column in frame.columns:
            given = frame[column].astype(object)
            names = given.where(given.notna() & (given != ""), names)
    # one zip, not Series.to_dict (which boxes each value: 0.3 s at 100,000 actors)
    return dict(zip(names.index.tolist(), map(str, names.tolist()), strict=True))


@remembered
def actor_names(m: StakeholderMap, lang: str) -> dict:
    """:func:`display_names` of the map's actors; once per map and language in a report.

    Inside :func:`netmap.model._memo.kept` (the report, :func:`netmap.insights`)
    the findings, the report's sections and the interactive map ask the
    same map for its names: they are worked out once and each caller gets
    a copy of the dictionary.
    """
    return display_names(m.actors, lang)


@remembered
def body_names(m: StakeholderMap, lang: str) -> dict:
    """:func:`display_names` of the map's bodies; once per map and language in a report."""
    return display_names(m.bodies, lang)


def goal_names(activities: pd.DataFrame | None, lang: str) -> dict:
    """Goal id -> its name in ``lang``, from the activities' name columns.

    An activities table may name the goal of each row in several languages
    (``name_en``, ``name_he``; ``name`` in any): the first non-empty name of
    a goal in ``name_<lang>``, else in ``name``, is its name. Goals with no
    name read as their id with spaces for underscores
    ("student_motivation": "student motivation").
    """
    if activities is None or "goal" not in activities.columns:
        return {}
    goals = activities["goal"].astype(object)
    names = {g: " ".join(str(g).replace("_", " ").split()) for g in goals.dropna().unique()}
    for column in ("name", f"name_{lang}"):
        if column not in activities.columns:
            continue
        given = activities[column].astype(object)
        named = given.notna() & (given.astype(str).str.strip() != "")
        first = given[named].groupby(goals[named], sort=False).first()
        names.update({g: str(n) for g, n in first.items()})
    return names
