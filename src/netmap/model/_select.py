"""Actors chosen by the user (``backbone=``, ``without(...)``), checked against the map."""

from __future__ import annotations

import difflib

import numpy as np
import pandas as pd

from netmap.model.exceptions import InvalidValueError, MeasureError, UnknownActorError

__all__ = ["actor_ids", "flagged", "TRUE_WORDS", "FALSE_WORDS"]

#: Cell values read as yes in a flag column such as ``backbone`` (after
#: lower-casing and stripping), in English, Hebrew and Arabic.
TRUE_WORDS = frozenset({"yes", "y", "true", "t", "1", "x", "כן", "نعم"})
#: Cell values read as no.
FALSE_WORDS = frozenset({"no", "n", "false", "f", "0", "לא", "لا"})


def actor_ids(m, actors, *, what: str = "actor") -> list:
    """``actors`` (one id or an iterable of ids) as a list of ids of ``m``.

    Raises
    ------
    netmap.UnknownActorError
        For an id that is not an actor of the map, with the nearest ids.
    """
    ids = [actors] if isinstance(actors, str) else list(actors)
    known = m.arrays.ids
    present = pd.Index(known)
    for actor in ids:
        if actor not in present:
            near = difflib.get_close_matches(str(actor), [str(k) for k in known], n=3)
            hint = (f"did you mean {', '.join(map(repr, near))}?" if near
                    else "use an id from the map's actors table")
            raise UnknownActorError(f"{what} {actor!r} is not an actor of the map",
                                    value=actor, suggestion=hint)
    return list(dict.fromkeys(ids))


def flagged(m, column: str) -> np.ndarray:
    """The actors whose ``column`` says yes: a boolean array in actor order.

    Booleans are taken as they are; text is read with :data:`TRUE_WORDS`
    and :data:`FALSE_WORDS`; an empty cell is no.

    Raises
    ------
    netmap.MeasureError
        When the map has no such column.
    netmap.InvalidValueError
        For a cell that is neither yes nor no, naming the actor.
    """
    if column not in m.actors.columns:
        raise MeasureError(f"the actors table has no {column!r} column")
    values = m.actors[column]
    if pd.api.types.is_bool_dtype(values.dtype):
        return values.fillna(False).to_numpy(dtype=bool)
    words = values.astype(object).where(values.notna(), "").astype(str)
    words = words.str.strip().str.lower()
    bad = ~(words.isin(TRUE_WORDS) | words.isin(FALSE_WORDS) | (words == ""))
    if bad.any():
        actor, value = values.index[bad.to_numpy()][0], values[bad.to_numpy()].iloc[0]
        raise InvalidValueError(
            f"actor {actor!r} has {value!r} in the {column!r} column, which is "
            f"neither yes nor no", table="actors", column=column, value=value,
            suggestion="write yes (or true, 1, כן) for the backbone, and leave "
                       "the others empty or write no")
    return words.isin(TRUE_WORDS).to_numpy()
