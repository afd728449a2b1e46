"""Actor and body names in the reader's language, for findings and reports."""

from __future__ import annotations

import pandas as pd

__all__ = ["display_names"]


def display_names(frame: pd.DataFrame | None, lang: str) -> dict:
    """Id -> name in ``lang``, cell by cell, an empty cell falling through.

    English takes ``name_en``, then ``name``; Hebrew ``name_he``, then
    ``name``; the id when neither has a value.
    """
    if frame is None:
        return {}
    names = pd.Series(frame.index.astype(object), index=frame.index, dtype=object)
    order = ("name_en", "name") if lang == "en" else ("name_he", "name")
    for column in reversed(order):
        if column in frame.columns:
            given = frame[column].astype(object)
            names = given.where(given.notna() & (given != ""), names)
    return names.map(str).to_dict()
