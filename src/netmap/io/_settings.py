"""The map's settings table: direction, title, wave order and date, kept beside the tables.

A CSV folder may hold ``map.csv`` and a workbook a ``map`` sheet with two
columns, ``setting`` and ``value``, and one row per setting: ``directed``
(yes / no), ``name`` (the map's title), ``waves`` (wave labels in order,
separated by semicolons) and ``date`` (the map's date, ``YYYY-MM-DD`` or a
date cell, which dates its report). The writers write it, so that a map
reads back equal; arguments given to a reader take precedence over it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from netmap.model._formula import unescape_cell
from netmap.model._labels import label_key
from netmap.model._params import check_bool, iso_date
from netmap.model._raw import cell_text
from netmap.model.exceptions import InvalidValueError

if TYPE_CHECKING:
    from netmap.model.stakeholder_map import StakeholderMap

__all__ = ["SETTINGS_NAMES", "parse_settings", "settings_rows", "resolve"]

SETTINGS_NAMES = ("map", "settings", "הגדרות", "מפה", "إعدادات")
_TRUE = {label_key(x) for x in ("yes", "true", "1", "directed", "כן", "نعم")}
_FALSE = {label_key(x) for x in ("no", "false", "0", "undirected", "לא", "لا")}
_KEYS = {label_key(k): v for k, v in {
    "directed": "directed", "מכוון": "directed", "name": "name", "title": "name",
    "שם": "name", "waves": "waves", "גלים": "waves", "date": "date",
    "תאריך": "date", "تاريخ": "date", "التاريخ": "date"}.items()}


def parse_settings(rows, *, file: str | None, sheet: str | None = None,
                   unquote: bool = False) -> dict:
    """Settings from numbered rows of cells (the first row is a header).

    With ``unquote``, the quote a spreadsheet writer put before a would-be
    formula is taken off (:mod:`netmap.model._formula`).
    """
    settings: dict = {}
    for n, cells in list(rows)[1:]:
        cells = [cell_text(c) for c in cells] + [None, None]
        if unquote:
            cells = [unescape_cell(c) for c in cells]
        if cells[0] is None:
            continue
        key = _KEYS.get(label_key(cells[0]))
        if key is None:
            raise InvalidValueError(
                f"unknown setting '{cells[0]}'", file=file, sheet=sheet, row=n,
                column="setting", value=cells[0],
                suggestion="use directed, name, waves or date")
        value = cells[1]
        if key == "directed":
            flag = label_key(value or "")
            if flag not in _TRUE | _FALSE:
                raise InvalidValueError(
                    f"directed must be yes or no, not '{value}'", file=file,
                    sheet=sheet, row=n, column="value", value=value,
                    suggestion="write yes or no")
            settings["directed"] = flag in _TRUE
        elif key == "date":
            settings["date"] = _date(value, file=file, sheet=sheet, row=n)
        elif key == "waves":
            settings["waves"] = [w.strip() for w in (value or "").split(";")
                                 if w.strip()]
        elif value is not None:
            settings["name"] = value
    return settings


def settings_rows(m: StakeholderMap) -> list[list[str]]:
    """The settings of a map as rows, header first."""
    rows = [["setting", "value"], ["directed", "yes" if m.directed else "no"]]
    if m.name:
        rows.append(["name", m.name])
    if m.waves:
        rows.append(["waves", "; ".join(map(str, m.waves))])
    if m.date:
        rows.append(["date", m.date])
    return rows


def _date(value: str | None, *, file: str | None, sheet: str | None, row) -> str | None:
    """The ISO date of a ``date`` setting (None when empty), or InvalidValueError."""
    if value is None:
        return None
    date = iso_date(value)
    if date is None:
        raise InvalidValueError(
            f"date must be a date written YYYY-MM-DD, not '{value}'", file=file,
            sheet=sheet, row=row, column="value", value=value,
            suggestion="write the date as year-month-day, such as 2024-03-01 (or "
                       "type it into a date cell in Excel)")
    return date


def resolve(settings: dict, directed: bool | None, waves: Any, name: str | None
            ) -> tuple[bool, Any, str | None]:
    """Arguments given to a reader win over the settings table."""
    directed = check_bool("directed", directed, allow_none=True)
    return (
        bool(settings.get("directed", False)) if directed is None else directed,
        settings.get("waves") if waves is None else waves,
        settings.get("name") if name is None else name,
    )
