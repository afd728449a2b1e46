"""Reading and writing maps in Kumu's formats: the import workbook and JSON.

Kumu (kumu.io) keeps a map as *elements* and *connections*. Its import
workbook has an Elements sheet (``Label`` in the first column, or ``ID``
then ``Label``; then ``Type``, ``Description``, ``Tags`` with values
separated by ``|``, ``Image`` and any other field) and a Connections sheet
(``From``, ``To``, ``Type``, ``Direction``: directed, undirected or
mutual, ``Strength`` and any other field); a sheet whose name holds
``(ignore)`` is skipped. Kumu's JSON (a "blueprint", or a project export)
holds the same as lists of objects.

How a map travels in Kumu:

- actors are elements: ``ID`` the actor id, ``Label`` the name, ``Type``
  the sector; every other column a field of its own name;
- ties are connections: ``Type`` the tie type, ``Strength`` the weight,
  ``Direction`` directed or undirected as the map is;
- bodies are elements of Type ``Body`` (sheet ``Bodies``, ids written
  ``body:<id>`` since Kumu ids are shared by all elements), and
  memberships are connections of Type ``Membership`` from the actor to
  the body (sheet ``Memberships``), so that Kumu draws who sits where;
- activities are connections of Type ``Activity`` from an actor to an
  element of Type ``Goal`` (sheets ``Goals`` and ``Activities``);
- the map's direction, title and wave order, and what Kumu cannot say
  (the order of the columns, which labels are only ids), are in a sheet
  ``netmap (ignore)``, which Kumu skips (JSON: a top-level ``netmap``
  object).

A field whose name Kumu keeps for itself (``ID``, ``Label``, ``Type`` on
elements; ``From``, ``To``, ``Type``, ``Direction``, ``Strength`` on
connections) but that is an ordinary column in netmap (an actor column
called ``type``, say) is written as ``netmap:type`` and read back without
the prefix. Bodies and memberships were chosen over tags because Kumu
then draws each joint body and its members, and every membership keeps
its role and waves.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from netmap.io._exchange import DIRECTIONS, issue_record, relabel, resolve_directions, text_cells
from netmap.io._settings import parse_settings, resolve, settings_rows
from netmap.model._formula import unescape_cell
from netmap.model._labels import label_key
from netmap.model._raw import cell_text, table_from_rows
from netmap.model._validation import validate_tables
from netmap.model.exceptions import (
    FileFormatError,
    InputError,
    InvalidValueError,
    MissingColumnError,
    ValidationError,
)
from netmap.model.schema import TABLES
from netmap.model.sectors import SectorTaxonomy, default_taxonomy

if TYPE_CHECKING:
    from netmap.model.stakeholder_map import StakeholderMap

__all__ = ["read_kumu", "write_kumu"]

SETTINGS_SHEET = "netmap (ignore)"
PREFIX = "netmap:"
_ELEMENT_RESERVED = {"id", "label", "type"}
_CONNECTION_RESERVED = {"from", "to", "type", "direction", "strength"}
_TYPE_KEYS = {"type", "elementtype", "connectiontype"}


# -- writing ---------------------------------------------------------------------
def _field(column: str, reserved: set) -> str:
    """A netmap column's name as a Kumu field, prefixed when Kumu reserves it."""
    key = label_key(column)
    if key in reserved or column.startswith(PREFIX):
        return PREFIX + column
    return column


def _layout(m, frames: dict[str, pd.DataFrame]) -> dict:
    unnamed = {}
    for table in ("actors", "bodies"):
        if table not in frames:
            continue
        frame = frames[table]
        if "name" not in frame:
            unnamed[table] = "all"
        elif frame["name"].isna().any():
            unnamed[table] = frame.loc[frame["name"].isna(), "id"].astype(str).tolist()
    return {"columns": {t: [str(c) for c in f.columns] for t, f in frames.items()},
            "unnamed": unnamed}


def _kumu_tables(m) -> tuple[dict[str, list[list]], dict]:
    """The map as Kumu sheets (rows, header first) and netmap's layout."""
    from netmap.io.csv import table_frames

    frames = table_frames(m)
    layout = _layout(m, frames)
    sheets: dict[str, list[list]] = {}

    def element_sheet(frame: pd.DataFrame, ids: list, kind: str | None) -> list[list]:
        rest = [c for c in frame.columns if c not in ("id", "name", "sector")]
        header = ["ID", "Label", "Type", *(_field(c, _ELEMENT_RESERVED) for c in rest)]
        names = text_cells(frame["name"]) if "name" in frame else [None] * len(frame)
        types = [kind] * len(frame) if kind else text_cells(frame["sector"])
        cols = [text_cells(frame[c]) for c in rest]
        raw = [_typed(frame[c]) for c in rest]
        rows = [header]
        for k, ident in enumerate(ids):
            rows.append([ident, names[k] if names[k] is not None else ident, types[k],
                         *(r[k] if t[k] is not None else None
                           for r, t in zip(raw, cols, strict=True))])
        return rows

    actors = frames["actors"]
    sheets["Elements"] = element_sheet(actors, text_cells(actors["id"]), None)
    if "bodies" in frames:
        bodies = frames["bodies"]
        sheets["Bodies"] = element_sheet(
            bodies, [f"body:{b}" for b in text_cells(bodies["id"])], "Body")
    goals = []
    if "activities" in frames:
        goals = list(dict.fromkeys(text_cells(frames["activities"]["goal"])))
        sheets["Goals"] = [["ID", "Label", "Type"],
                           *([f"goal:{g}", g, "Goal"] for g in goals)]

    ties = frames["ties"]
    rest = [c for c in ties.columns if c not in ("source", "target", "type", "weight")]
    header = ["From", "To", "Type", "Direction", "Strength",
              *(_field(c, _CONNECTION_RESERVED) for c in rest)]
    direction = "directed" if m.directed else "undirected"
    typed = [_typed(ties[c]) for c in ["source", "target", "type", "weight", *rest]]
    rows = [header]
    for values in zip(*typed, strict=True):
        rows.append([*values[:3], direction, *values[3:]])
    sheets["Connections"] = rows

    for table, to, kind, other in (("memberships", "body", "Membership", "body:"),
                                   ("activities", "goal", "Activity", "goal:")):
        if table not in frames:
            continue
        frame = frames[table]
        rest = [c for c in frame.columns if c not in ("actor", to)]
        header = ["From", "To", "Type", "Direction",
                  *(_field(c, _CONNECTION_RESERVED) for c in rest)]
        ends = [f"{other}{v}" for v in text_cells(frame[to])]
        typed = [_typed(frame[c]) for c in ["actor", *rest]]
        rows = [header]
        for k, values in enumerate(zip(*typed, strict=True)):
            rows.append([values[0], ends[k], kind, "directed", *values[1:]])
        sheets[table.capitalize()] = rows
    return sheets, layout


def _typed(values: pd.Series) -> list:
    """Cells with their Python types (numbers, booleans, text), None where missing."""
    cells = text_cells(values)
    if pd.api.types.is_bool_dtype(values):
        return [None if c is None else c == "true" for c in cells]
    if pd.api.types.is_integer_dtype(values):
        return [None if c is None else int(c) for c in cells]
    if pd.api.types.is_float_dtype(values):
        return [None if c is None else float(c) for c in cells]
    return cells


def write_kumu(m: StakeholderMap, path) -> None:
    """Write a map for Kumu: an import workbook (``.xlsx``) or JSON (``.json``).

    Actors become elements (``ID``, ``Label`` the name, ``Type`` the
    sector), ties connections (``Type``, ``Direction``, ``Strength`` the
    weight), bodies elements of Type ``Body`` with memberships as
    connections, activities connections to elements of Type ``Goal``; every
    other column is a field. The workbook has the sheets ``Elements``,
    ``Connections`` and, when the map has them, ``Bodies``, ``Goals``,
    ``Memberships`` and ``Activities``, and a ``netmap (ignore)`` sheet
    with what Kumu skips (direction, title, wave order, column order); the
    JSON holds ``elements``, ``connections`` and a ``netmap`` object.
    :func:`read_kumu` reads either back to an equal map. See
    :mod:`netmap.io.kumu` for the details.

    Parameters
    ----------
    m : StakeholderMap
        The map.
    path : path-like
        A ``.xlsx`` or ``.json`` file (replaced if it exists).

    Raises
    ------
    netmap.FileFormatError
        For another suffix, or an id holding ``|``, which Kumu reads as a
        list of elements in a connection's ``To``.

    Notes
    -----
    In the workbook, a text cell that a spreadsheet would run as a formula
    gets a leading single quote (see :func:`netmap.io.csv.write_csv`);
    :func:`read_kumu` takes it off.

    Examples
    --------
    >>> import netmap, tempfile, pathlib
    >>> m = netmap.datasets.load_2x5()
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> m.to_kumu(folder / "2x5.xlsx")
    >>> netmap.read_kumu(folder / "2x5.xlsx").equals(m)
    True
    >>> m.to_kumu(folder / "2x5.json")
    >>> netmap.read_kumu(folder / "2x5.json").equals(m)
    True
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".json"):
        raise FileFormatError(f"cannot write Kumu '{suffix}' files", file=os.fspath(path),
                              suggestion="write a .xlsx workbook or a .json file")
    element_ids = {"actors": list(m.actors.index.astype(str)),
                   "bodies": [f"body:{b}" for b in m.bodies.index.astype(str)],
                   "activities": [f"goal:{g}" for g in pd.unique(
                       m.activities["goal"].astype(str))]}
    for table, ids in element_ids.items():
        bad = [i for i in ids if "|" in i]
        if bad:
            raise FileFormatError(
                f"the {table} hold '{bad[0]}', whose '|' Kumu reads as a list of "
                "elements", file=os.fspath(path), table=table, value=bad[0],
                suggestion="rename it without '|' before writing for Kumu")
    every = [i for ids in element_ids.values() for i in ids]
    if len(set(every)) != len(every):
        seen: set = set()
        dup = next(i for i in every if i in seen or seen.add(i))
        raise FileFormatError(
            f"two elements would have the Kumu ID '{dup}' (an actor id starting with "
            "'body:' or 'goal:' meets a body or goal)", file=os.fspath(path), value=dup,
            suggestion="rename the actor before writing for Kumu")
    sheets, layout = _kumu_tables(m)
    settings = settings_rows(m)[1:]
    if suffix == ".json":
        _write_json(path, sheets, settings, layout)
        return
    import openpyxl

    from netmap.io.excel import write_rows

    wb = openpyxl.Workbook(write_only=True)
    for title, rows in sheets.items():
        write_rows(wb, title, rows)
    write_rows(wb, SETTINGS_SHEET, [["setting", "value"], *settings,
                                    ["layout", json.dumps(layout, ensure_ascii=False)]])
    wb.save(path)


def _write_json(path: Path, sheets: dict, settings: list, layout: dict) -> None:
    core = {"ID", "Label", "Type", "From", "To", "Direction", "Strength"}

    def objects(rows: list[list]) -> list[dict]:
        header = [h.lower() if h in core else h for h in rows[0]]
        out = []
        for row in rows[1:]:
            item = {}
            for key, value in zip(header, row, strict=True):
                if value is None:
                    continue
                if key == "tags" and isinstance(value, str):
                    value = value.split("|")
                item[key] = value
            out.append(item)
        return out

    elements = [e for title in ("Elements", "Bodies", "Goals") if title in sheets
                for e in objects(sheets[title])]
    connections = [c for title in ("Connections", "Memberships", "Activities")
                   if title in sheets for c in objects(sheets[title])]
    netmap = dict(settings)
    netmap["layout"] = layout
    data = {"elements": elements, "connections": connections, "netmap": netmap}
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
        f.write("\n")


# -- reading ---------------------------------------------------------------------
@dataclass
class _Sheet:
    """One sheet (or list) of elements or connections, cells as text."""

    title: str | None
    header: list[str]
    rows: list[tuple[object, list]]
    kind: str
    header_row: object = 1
    file: str | None = None


@dataclass
class _Source:
    file: str
    sheets: list[_Sheet]
    settings_rows: list | None = None
    layout: dict = field(default_factory=dict)
    issues: list[dict] = field(default_factory=list)


def _clean(value, unquote: bool):
    text = cell_text(value)
    return unescape_cell(text) if unquote else text


def _classify(title, header: list[str], file: str) -> str | None:
    keys = {label_key(h) for h in header if h}
    if "from" in keys or "to" in keys:
        for need in ("from", "to"):
            if need not in keys:
                raise MissingColumnError(
                    f"the connections have a '{'To' if need == 'from' else 'From'}' "
                    f"column but no '{need.capitalize()}' column", file=file, sheet=title,
                    row=1, suggestion=f"add a '{need.capitalize()}' column naming the "
                    "element each connection runs " + ("from" if need == "from" else "to"))
        return "connections"
    if "label" in keys or "id" in keys:
        return "elements"
    found = ", ".join(f"'{h}'" for h in header if h) or "none"
    raise MissingColumnError(
        f"the sheet holds neither elements (a 'Label' column) nor connections ('From' "
        f"and 'To' columns); columns found: {found}", file=file, sheet=title, row=1,
        suggestion="name the first column 'Label' (elements) or the first two 'From' and "
                   "'To' (connections), or add '(ignore)' to the sheet's name")


def _from_rows(title, numbered: list, file: str, unquote: bool) -> _Sheet | None:
    rows = [(n, [_clean(c, unquote) for c in cells]) for n, cells in numbered]
    rows = [(n, cells) for n, cells in rows if any(c is not None for c in cells)]
    if not rows:
        return None
    header_row, header = rows[0]
    width = len(header)
    while width and header[width - 1] is None:
        width -= 1
    header = [h if h is not None else f"column {j + 1}" for j, h in enumerate(header[:width])]
    body = []
    for n, cells in rows[1:]:
        if any(c is not None for c in cells[width:]):
            raise FileFormatError(
                f"row {n} has a value in a column without a header", file=file,
                sheet=title, row=n, suggestion="give every column a name in the first row")
        body.append((n, (cells + [None] * width)[:width]))
    return _Sheet(title, header, body, _classify(title, header, file), header_row, file)


def _read_workbook(path: Path) -> _Source:
    from netmap.io.excel import _load, _sheet_rows

    file = os.fspath(path)
    wb = _load(path)
    source = _Source(file, [])
    try:
        for ws in wb.worksheets:
            if label_key(ws.title) == label_key(SETTINGS_SHEET):
                source.settings_rows = [
                    (n, [_clean(c, True) for c in cells]) for n, cells in _sheet_rows(ws)]
                continue
            if "(ignore)" in ws.title.lower():
                continue
            sheet = _from_rows(ws.title, _sheet_rows(ws), file, unquote=True)
            if sheet is not None:
                source.sheets.append(sheet)
    finally:
        wb.close()
    return source


def _read_csv_pair(elements: Path, connections: Path | None) -> _Source:
    from netmap.io.csv import _csv_rows

    files = [elements] + ([connections] if connections is not None else [])
    source = _Source(os.fspath(elements), [])
    for path in files:
        sheet = _from_rows(None, _csv_rows(path), os.fspath(path), unquote=True)
        if sheet is not None:
            source.sheets.append(sheet)
    return source


def _json_cell(value, issues: list, file: str, where: str):
    if value is None:
        return None
    if isinstance(value, list) and all(not isinstance(v, dict | list) for v in value):
        texts = [cell_text(v) for v in value]
        return "|".join(t for t in texts if t is not None) or None
    if isinstance(value, dict | list):
        issues.append(issue_record("kumu-nested-value", f"{where}: a nested value is kept "
                                   "as JSON text", file=file, severity="note"))
        return json.dumps(value, ensure_ascii=False)
    return cell_text(value)


def _read_json(path: Path) -> _Source:
    file = os.fspath(path)
    try:
        with open(path, encoding="utf-8-sig") as f:
            data = json.load(f)
    except OSError as err:
        raise FileFormatError(f"cannot read the file: {err.strerror}", file=file,
                              suggestion="check the path") from err
    except (json.JSONDecodeError, UnicodeDecodeError) as err:
        line = getattr(err, "lineno", None)
        raise FileFormatError(f"not valid JSON ({err})", file=file, row=line,
                              suggestion="export the map from Kumu again as JSON; a "
                              "truncated or hand-edited file breaks here") from err
    if not isinstance(data, dict) or not isinstance(data.get("elements"), list):
        raise FileFormatError("not a Kumu JSON file: no list of 'elements'", file=file,
                              suggestion="export the project from Kumu as JSON")
    source = _Source(file, [])
    for what in ("elements", "connections"):
        items = data.get(what) or []
        if not isinstance(items, list):
            raise FileFormatError(f"'{what}' is not a list", file=file,
                                  suggestion="export the project from Kumu as JSON")
        records = []
        for i, item in enumerate(items, start=1):
            if not isinstance(item, dict):
                raise FileFormatError(f"{what} number {i} is not an object", file=file,
                                      suggestion="export the project from Kumu as JSON")
            record = {}
            attributes = item.get("attributes")
            if isinstance(attributes, dict):  # a project export
                ident = item.get("_id", item.get("id"))
                if ident is not None:
                    record["id"] = ident
                for key in ("from", "to", "direction"):
                    if key in item:
                        record[key] = item[key]
                if item.get("reversed") is True and "from" in record:
                    record["from"], record["to"] = record.get("to"), record["from"]
                record.update(attributes)
            else:
                record.update({k: v for k, v in item.items() if k != "_id"})
                if "_id" in item and "id" not in item:
                    record["id"] = item["_id"]
            records.append(record)
        header = list(dict.fromkeys(k for r in records for k in r))
        rows = [(f"{i} of the {what}", [_json_cell(r.get(h), source.issues, file,
                                                  f"{what} {i}, field '{h}'")
                                       for h in header])
                for i, r in enumerate(records, start=1)]
        if header or rows:
            keys = {label_key(h) for h in header}
            if what == "elements" and not keys & {"label", "id"}:
                raise MissingColumnError(
                    "the elements have no 'label'", file=file,
                    suggestion="give every element a label")
            source.sheets.append(_Sheet(None, header, rows, what, header_row=None,
                                        file=file))
    for what in ("loops", "maps", "views", "perspectives"):
        if data.get(what):
            lost = what == "loops"
            source.issues.append(issue_record(
                f"kumu-{what}-not-read",
                f"Kumu's {what} ({len(data[what])}) are not read: a stakeholder map has "
                "no place for them", file=file, severity="warning" if lost else "note"))
    netmap = data.get("netmap")
    if isinstance(netmap, dict):
        rows = [(None, ["setting", "value"])]
        for key in ("directed", "name", "waves"):
            if key in netmap:
                rows.append((None, [key, cell_text(netmap[key])]))
        source.settings_rows = rows
        source.layout = netmap.get("layout") or {}
    return source


@dataclass
class _Records:
    """Rows of one netmap table gathered from Kumu sheets."""

    table: str
    header: list[str] = field(default_factory=list)
    rows: list[tuple[str | None, str | None, object, dict]] = field(default_factory=list)
    shown: dict[str, str] = field(default_factory=dict)

    def add(self, sheet: _Sheet, row, values: dict, shown: dict) -> None:
        for key in values:
            if key not in self.header:
                self.header.append(key)
        for key, name in shown.items():
            self.shown.setdefault(key, name)
        self.rows.append((sheet.file, sheet.title, row, values))

    def raw(self, file: str, order: list[str] | None):
        header = list(self.header)
        if order:
            header = list(order) + [c for c in header if c not in order]
        for need in TABLES[self.table].required_columns:
            if need not in header:
                header.append(need)
        numbered = [(-1, header)] + [(k, [v.get(c) for c in header])
                                     for k, (_, _, _, v) in enumerate(self.rows)]
        files = {f for f, _, _, _ in self.rows}
        raw = table_from_rows(self.table, numbered,
                              file=next(iter(files)) if len(files) == 1 else file)
        sheets = {(f, s) for f, s, _, _ in self.rows}
        rows = [r for _, _, r, _ in self.rows]
        raw.header_row = None
        if len(sheets) == 1 and all(isinstance(r, int | np.integer) for r in rows):
            raw.sheet = next(iter(sheets))[1]
            raw.header_row = 1
            raw.rows = np.array([rows[i] for i in raw.rows], dtype=np.int64)
        elif len(sheets) > 1:
            raw.rows = np.array([f"{rows[i]} (sheet '{self.rows[i][1]}')"
                                 if self.rows[i][1] else f"{rows[i]} ({self.rows[i][0]})"
                                 for i in raw.rows], dtype=object)
        else:
            raw.rows = np.array([rows[i] for i in raw.rows], dtype=object)
        raw.positions = {}
        return raw


def read_kumu(
    path,
    connections=None,
    *,
    sector_field: str = "Type",
    weight_field: str | None = "Strength",
    body_types=("body",),
    goal_types=("goal",),
    directed: bool | None = None,
    taxonomy: SectorTaxonomy | None = None,
    waves=None,
    name: str | None = None,
):
    """Read a map from Kumu: an import workbook, a pair of CSV files or JSON.

    Elements become actors (``ID``, or else ``Label``, the id; ``Label``
    the name; the field ``sector_field`` the sector, through the
    taxonomy), and connections ties (``From`` and ``To`` the ends, ``Type``
    the tie type, ``Strength`` the weight); every other field is kept as a
    column of its own name. Elements whose ``Type`` is one of
    ``body_types`` are bodies, and a connection between an actor and a
    body is a membership; elements whose ``Type`` is one of ``goal_types``
    are shared goals, and a connection between an actor and a goal an
    activity. A workbook or JSON written by :func:`write_kumu` reads back
    to an equal map.

    Parameters
    ----------
    path : path-like
        A Kumu workbook (``.xlsx``; sheets whose names hold ``(ignore)``
        are skipped, every other sheet is read as elements or connections
        by its columns), a Kumu JSON file (``.json``: a blueprint or a
        project export), a CSV file of elements (give ``connections``), or
        a folder holding ``elements.csv`` and ``connections.csv``.
    connections : path-like, optional
        The CSV file of connections, when ``path`` is a CSV file of elements.
    sector_field : str, default "Type"
        The element field that holds each actor's sector.
    weight_field : str or None, default "Strength"
        The connection field read as the tie weight (it must then hold
        numbers); None keeps Kumu's ``Strength`` as a column named
        ``Strength (kumu)`` (a column named ``Strength`` would be read as the
        weight).
    body_types, goal_types : sequence of str
        Element types read as bodies and as shared goals.
    directed : bool, optional
        Default: as netmap wrote it, else from the connections' ``Direction``:
        directed when any connection is. In a directed map, mutual and
        undirected connections are read as two opposite ties; in an
        undirected one, a directed connection loses its direction (both
        warned and listed in the map's ``issues``).
    taxonomy, waves, name
        As for :func:`netmap.read_csv`.

    Returns
    -------
    StakeholderMap
        Connections that cannot be a tie, membership or activity (between
        two bodies, say), Kumu's loops, and the fields of goal elements are
        not read: each is warned and listed in the map's ``issues``.

    Raises
    ------
    netmap.ValidationError
        With every problem found (an unknown sector with the nearest known
        ones, a connection to an element that does not exist ...), each
        naming the file, sheet, row and Kumu field.
    netmap.FileFormatError
        When the file cannot be read, or a sheet is neither elements nor
        connections.

    Examples
    --------
    >>> import netmap, openpyxl, tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "kumu.xlsx"
    >>> wb = openpyxl.Workbook()
    >>> ws = wb.active; ws.title = "Elements"
    >>> for row in [["Label", "Type", "Tags"], ["Ministry", "Government", "lead|funder"],
    ...             ["Amuta", "NGO", None]]:
    ...     ws.append(row)
    >>> ws = wb.create_sheet("Connections")
    >>> for row in [["From", "To", "Type", "Strength"], ["Ministry", "Amuta", "funding", 2]]:
    ...     ws.append(row)
    >>> wb.save(path)
    >>> m = netmap.read_kumu(path)
    >>> m.actors[["sector", "Tags"]].to_numpy().tolist()
    [['public', 'lead|funder'], ['third', nan]]
    >>> m.ties[["type", "weight"]].to_numpy().tolist()
    [['funding', 2.0]]
    """
    from netmap.model.stakeholder_map import StakeholderMap

    path = Path(path)
    if path.is_dir():
        files = {label_key(p.stem): p for p in path.iterdir()
                 if p.suffix.lower() in (".csv", ".tsv", ".txt")}
        if "elements" not in files:
            raise FileFormatError("no elements.csv in the folder", file=os.fspath(path),
                                  suggestion="name the files elements.csv and "
                                             "connections.csv")
        source = _read_csv_pair(files["elements"], files.get("connections"))
    elif path.suffix.lower() == ".json":
        source = _read_json(path)
    elif path.suffix.lower() in (".csv", ".tsv", ".txt"):
        source = _read_csv_pair(path, Path(connections) if connections else None)
    else:
        source = _read_workbook(path)
    file = source.file

    settings: dict = {}
    if source.settings_rows is not None:
        rows = []
        for n, cells in source.settings_rows:
            cells = list(cells) + [None, None]
            if cells[0] is not None and label_key(cells[0]) == "layout":
                try:
                    source.layout = json.loads(cells[1] or "{}")
                except json.JSONDecodeError as err:
                    raise FileFormatError(
                        f"the layout in the '{SETTINGS_SHEET}' sheet is not valid JSON",
                        file=file, sheet=SETTINGS_SHEET, row=n,
                        suggestion="delete the row, or the sheet") from err
            else:
                rows.append((n, cells[:2]))
        settings = parse_settings(rows, file=file, sheet=SETTINGS_SHEET)
    if directed is None and "directed" in settings:
        directed = settings["directed"]
    _, waves, name = resolve(settings, False, waves, name)
    written = bool(source.layout)

    element_sheets = [s for s in source.sheets if s.kind == "elements"]
    connection_sheets = [s for s in source.sheets if s.kind == "connections"]
    if not element_sheets:
        raise FileFormatError("no sheet of elements (a sheet whose first column is "
                              "'Label', or 'ID' then 'Label')", file=file,
                              suggestion="name the first column of the elements sheet "
                                         "'Label'")
    body_keys = {label_key(t) for t in body_types}
    goal_keys = {label_key(t) for t in goal_types}
    sector_key = label_key(sector_field)
    records = {t: _Records(t) for t in TABLES}
    kind_of: dict[str, tuple[str, str]] = {}
    goal_fields: list = []
    errors: list[InputError] = []

    for sheet in element_sheets:
        keys = [label_key(h) for h in sheet.header]
        sector_keys = {sector_key} | ({"elementtype"} if sector_key == "type" else set())

        def find(names, keys=keys):
            return next((j for j, k in enumerate(keys) if k in names), None)

        i_id, i_label, i_type = find({"id"}), find({"label"}), find(_TYPE_KEYS - {
            "connectiontype"})
        i_sector = find(sector_keys)
        for n, cells in sheet.rows:
            label = cells[i_label] if i_label is not None else None
            ident = cells[i_id] if i_id is not None and cells[i_id] is not None else label
            if ident is None:
                errors.append(InvalidValueError(
                    "an element has neither an ID nor a Label", file=file,
                    sheet=sheet.title, row=n, column="Label",
                    suggestion="give the element a Label, or delete the row"))
                continue
            etype = cells[i_type] if i_type is not None else None
            kind = ("bodies" if etype is not None and label_key(etype) in body_keys else
                    "goals" if etype is not None and label_key(etype) in goal_keys else
                    "actors")
            values: dict = {}
            shown: dict = {}
            for j, (header, value) in enumerate(zip(sheet.header, cells, strict=True)):
                if j == i_id:
                    continue
                if j == i_label:
                    continue
                if kind != "actors" and j == i_type:
                    continue
                if kind == "actors" and j == i_sector:
                    values["sector"] = value
                    shown["sector"] = header
                    continue
                column = header[len(PREFIX):] if header.startswith(PREFIX) else header
                values[column] = value
            if kind == "goals":
                kind_of[ident] = ("goal", label if label is not None else ident)
                extra = {k: v for k, v in values.items() if v is not None}
                if extra:
                    goal_fields.append((sheet.title, n, ident, sorted(extra)))
                continue
            if kind == "bodies":
                body_id = ident[5:] if ident.startswith("body:") else ident
                kind_of[ident] = ("body", body_id)
                values = {"id": body_id, "name": label, **values}
                shown.update(id="ID" if i_id is not None else "Label", name="Label")
                records["bodies"].add(sheet, n, values, shown)
                continue
            kind_of[ident] = ("actor", ident)
            if i_sector is None:
                errors.append(MissingColumnError(
                    f"the elements have no '{sector_field}' field, which gives each "
                    "actor's sector", file=file, sheet=sheet.title,
                    row=sheet.header_row,
                    suggestion=f"add a '{sector_field}' column with each element's "
                               "sector, or name the field that holds it with "
                               "sector_field='...'"))
                break
            values = {"id": ident, "name": label, **values}
            shown.update(id="ID" if i_id is not None else "Label", name="Label")
            records["actors"].add(sheet, n, values, shown)

    unmapped: list = []
    tie_directions: list = []
    for sheet in connection_sheets:
        keys = [label_key(h) for h in sheet.header]

        def find(names, keys=keys):
            return next((j for j, k in enumerate(keys) if k in names), None)

        i_from, i_to = find({"from"}), find({"to"})
        i_type, i_dir = find(_TYPE_KEYS - {"elementtype"}), find({"direction"})
        i_weight = find({label_key(weight_field)}) if weight_field else None
        # A field netmap would read as the weight, kept as a column of its own.
        i_strength = find({"strength"}) if not weight_field else None
        for n, cells in sheet.rows:
            source_key, targets = cells[i_from], cells[i_to]
            if source_key is None or targets is None:
                errors.append(InvalidValueError(
                    f"a connection has no '{'From' if source_key is None else 'To'}'",
                    file=file, sheet=sheet.title, row=n,
                    column=sheet.header[i_from if source_key is None else i_to],
                    suggestion="name both elements the connection joins, or delete the "
                               "row"))
                continue
            for target_key in [t.strip() for t in targets.split("|") if t.strip()]:
                a = kind_of.get(source_key, ("actor", source_key))
                b = kind_of.get(target_key, ("actor", target_key))
                kinds = {a[0], b[0]}
                other: dict = {}
                shown: dict = {}
                for j, (header, value) in enumerate(zip(sheet.header, cells, strict=True)):
                    if j in (i_from, i_to):
                        continue
                    column = header[len(PREFIX):] if header.startswith(PREFIX) else header
                    other[(j, column)] = value
                if kinds == {"actor"}:
                    extras = {(f"{column} (kumu)" if j == i_strength else column): value
                              for (j, column), value in other.items()
                              if j not in (i_type, i_weight, i_dir)}
                    values = {**extras, "source": a[1], "target": b[1]}
                    shown.update(source=sheet.header[i_from], target=sheet.header[i_to])
                    for field_, j in (("type", i_type), ("weight", i_weight)):
                        if j is not None:
                            values[field_] = cells[j]
                            shown[field_] = sheet.header[j]
                    word = cells[i_dir] if i_dir is not None else None
                    tie_directions.append(DIRECTIONS.get(label_key(word)) if word else None)
                    records["ties"].add(sheet, n, values, shown)
                elif kinds in ({"actor", "body"}, {"actor", "goal"}):
                    table = "memberships" if "body" in kinds else "activities"
                    actor, thing = (a, b) if a[0] == "actor" else (b, a)
                    end = "body" if table == "memberships" else "goal"
                    values = {column: value for (j, column), value in other.items()
                              if j not in (i_type, i_dir)}
                    expected = "membership" if table == "memberships" else "activity"
                    for field_, j, default in (("Type", i_type, expected),
                                               ("Direction", i_dir, "directed")):
                        value = cells[j] if j is not None else None
                        if value is not None and label_key(value) != default:
                            values[field_] = value
                    values.update({"actor": actor[1], end: thing[1]})
                    shown.update(actor=sheet.header[i_from if a[0] == "actor" else i_to],
                                 **{end: sheet.header[i_to if a[0] == "actor" else i_from]})
                    records[table].add(sheet, n, values, shown)
                else:
                    unmapped.append((sheet.title, n, source_key, target_key))

    if errors:
        raise ValidationError(errors)
    issues = list(source.issues)
    if unmapped:
        sheet, n, a, b = unmapped[0]
        issues.append(issue_record(
            "kumu-connection-not-read",
            f"{len(unmapped)} connection(s) join two bodies or goals and cannot be a tie, "
            f"membership or activity; not read (first: '{a}' to '{b}')",
            file=file, sheet=sheet, row=n))
    if goal_fields:
        sheet, n, ident, fields = goal_fields[0]
        issues.append(issue_record(
            "kumu-goal-fields-not-read",
            f"{len(goal_fields)} goal element(s) have fields a shared goal has no place "
            f"for; not read (first: '{ident}': {', '.join(fields)})",
            file=file, sheet=sheet, row=n))
    for sheet in source.sheets:
        split = [n for n, cells in sheet.rows if sheet.kind == "connections"
                 and any("|" in (c or "") for j, c in enumerate(cells)
                         if label_key(sheet.header[j]) == "to")]
        if split:
            issues.append(issue_record(
                "kumu-to-list", f"{len(split)} connection(s) name several elements in "
                "'To' (separated by '|'): read as one tie each", severity="note",
                file=file, sheet=sheet.title, row=split[0]))

    is_directed, two_arcs, dropped = resolve_directions(
        tie_directions, directed=directed, default=False)
    if two_arcs.any():
        ties = records["ties"]
        extra = [(f, s, r, {**v, "source": v["target"], "target": v["source"]})
                 for (f, s, r, v), two in zip(ties.rows, two_arcs, strict=True) if two]
        first = extra[0][2]
        ties.rows.extend(extra)
        issues.append(issue_record(
            "kumu-connection-two-arcs", f"{len(extra)} mutual or undirected connection(s)"
            " in a directed map read as two opposite ties each", file=file, row=first))
    if dropped.any():
        first = next(r for (_, _, r, _), d in zip(records["ties"].rows, dropped,
                                                    strict=True) if d)
        issues.append(issue_record(
            "kumu-direction-dropped", f"{int(dropped.sum())} directed connection(s) read "
            "into an undirected map: their direction is dropped", file=file, row=first))

    layout = source.layout or {}
    # A sheet (or JSON list) may mix tables: each keeps the fields it uses, and
    # those netmap recorded for it.
    for table, rec in records.items():
        recorded = layout.get("columns", {}).get(table)
        known = set(recorded) if recorded else {c.name for c in TABLES[table].columns}
        rec.header = [c for c in rec.header if c in known
                      or any(v.get(c) is not None for _, _, _, v in rec.rows)]
    unnamed = layout.get("unnamed", {})
    for table in ("actors", "bodies"):
        rec = records[table]
        which = unnamed.get(table)
        if which == "all":
            rec.header = [c for c in rec.header if c != "name"]
            if table in layout.get("columns", {}):
                layout["columns"][table] = [c for c in layout["columns"][table]
                                            if c != "name"]
        elif which:
            ids = set(which)
            for _, _, _, values in rec.rows:
                if values.get("id") in ids:
                    values["name"] = None
        if not written and "name" in rec.header and all(
                v.get("name") is None for _, _, _, v in rec.rows):
            rec.header = [c for c in rec.header if c != "name"]

    raws = {}
    orders = layout.get("columns", {})
    for table, rec in records.items():
        if table in ("actors", "ties") or rec.rows:
            raws[table] = rec.raw(file, orders.get(table))
    taxonomy = taxonomy or default_taxonomy()
    hints = {("ties", "weight"): "or read it with weight_field=None to keep it as an "
                                 "ordinary column"}
    try:
        validated = validate_tables(raws, taxonomy=taxonomy, directed=is_directed,
                                    waves=waves)
    except ValidationError as err:
        raise relabel(err, {t: r.shown for t, r in records.items()}, hints) from None
    validated.issues.extend(issues)
    return StakeholderMap._from_validated(validated, directed=is_directed,
                                          taxonomy=taxonomy, name=name)

