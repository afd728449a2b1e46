"""Actor and body names in the reader's language, for findings and reports."""

from __future__ import annotations

import pandas as pd

__all__ = ["display_names"]


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
    return names.map(str).to_dict()
