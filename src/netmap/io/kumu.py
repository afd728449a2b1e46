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
import math
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from netmap.io._exchange import (
    DIRECTIONS,
    check_default_sector,
    default_sector_issue,
    direction_issues,
    first_repeat,
    issue_record,
    relabel,
    resolve_directions,
    text_cells,
)
from netmap.io._limits import parser_errors, read_input_bytes
from netmap.io._settings import parse_settings, resolve, settings_rows
from netmap.model._atomic import atomic_open, atomic_path
from netmap.model._formula import unescape_cell
from netmap.model._labels import label_key
from netmap.model._params import check_bool, check_encoding
from netmap.model._raw import RawTable, cell_text, table_from_rows
from netmap.model._validation import validate_tables
from netmap.model.exceptions import (
    FileFormatError,
    InputError,
    InvalidValueError,
    MissingColumnError,
    ParameterError,
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


def _kumu_tables(m: StakeholderMap) -> tuple[dict[str, list[list]], dict]:
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
        rows: list[list] = [header]
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
    :func:`netmap.read_kumu` reads either back to an equal map. See
    :mod:`netmap.io.kumu` for the details.

    Parameters
    ----------
    m : StakeholderMap
        The map.
    path : path-like
        A ``.xlsx`` or ``.json`` file (replaced if it exists, only once the
        new file is written whole).

    Raises
    ------
    netmap.FileFormatError
        For another suffix, or an id holding ``|``, which Kumu reads as a
        list of elements in a connection's ``To``.

    Warns
    -----
    netmap.DataWarning
        When the workbook's text cells longer than Excel's 32,767
        characters were cut, naming the cells (the JSON keeps them whole).

    Notes
    -----
    In the workbook, a text cell that a spreadsheet would run as a formula
    gets a leading single quote (see :func:`netmap.io.write_csv`);
    :func:`netmap.read_kumu` takes it off. Numbers, line ends and control
    characters travel in the workbook as :func:`netmap.io.write_excel` writes
    them, and read back exactly. JSON has no infinite numbers: ``inf`` and
    ``-inf`` are written as text, and read back as numbers.

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
        dup = first_repeat(every)
        raise FileFormatError(
            f"two elements would have the Kumu ID '{dup}' (an actor id starting with "
            "'body:' or 'goal:' meets a body or goal)", file=os.fspath(path), value=dup,
            suggestion="rename the actor before writing for Kumu")
    sheets, layout = _kumu_tables(m)
    settings = settings_rows(m)[1:]
    if suffix == ".json":
        _write_json(path, sheets, settings, layout)
        return
    from netmap.io.excel import new_workbook, warn_cut, write_rows

    cut: list[str] = []
    with new_workbook() as wb:
        for title, rows in sheets.items():
            cut += write_rows(wb, title, rows)
        cut += write_rows(wb, SETTINGS_SHEET, [["setting", "value"], *settings,
                                               ["layout", json.dumps(layout, ensure_ascii=False)]])
        with atomic_path(path) as temp:
            wb.save(temp)
    warn_cut(path, cut)


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
                elif isinstance(value, float) and math.isinf(value):
                    value = "inf" if value > 0 else "-inf"  # JSON has no infinity
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
    with atomic_open(path, encoding="utf-8", newline="\n") as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
        f.write("\n")


# -- reading ---------------------------------------------------------------------
@dataclass
class _Sheet:
    """One sheet (or list) of elements or connections, cells as text."""

    title: str | None
    header: list[str]
    rows: list[tuple[Any, list]]  # row labels: numbers, or text in JSON
    kind: str
    header_row: Any = 1
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


def _classify(title, header: list[str], file: str) -> str:
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


def _read_csv_pair(elements: Path, connections: Path | None, encoding: str | None
                   ) -> _Source:
    from netmap.io.csv import _csv_rows

    files = [elements] + ([connections] if connections is not None else [])
    source = _Source(os.fspath(elements), [])
    for path in files:
        sheet = _from_rows(None, _csv_rows(path, encoding=encoding), os.fspath(path),
                           unquote=True)
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
    """A Kumu JSON file (a blueprint or a project export) as two lists of cells."""
    file = os.fspath(path)
    data = _load_json(path)
    source = _Source(file, [])
    for what in ("elements", "connections"):
        items = data.get(what) or []
        if not isinstance(items, list):
            raise FileFormatError(f"'{what}' is not a list", file=file,
                                  suggestion="export the project from Kumu as JSON")
        sheet = _json_sheet(what, [_json_record(item, what, i, file)
                                   for i, item in enumerate(items, start=1)], source)
        if sheet is not None:
            source.sheets.append(sheet)
    for what in ("loops", "maps", "views", "perspectives"):
        if data.get(what):
            source.issues.append(issue_record(
                f"kumu-{what}-not-read",
                f"Kumu's {what} ({len(data[what])}) are not read: a stakeholder map has "
                "no place for them", file=file,
                severity="warning" if what == "loops" else "note"))
    netmap = data.get("netmap")
    if isinstance(netmap, dict):
        source.settings_rows = [(None, ["setting", "value"]), *(
            (None, [key, cell_text(netmap[key])]) for key in ("directed", "name", "waves", "date")
            if key in netmap)]
        source.layout = netmap.get("layout") or {}
    return source


def _load_json(path: Path) -> dict:
    """The file's JSON object, which must hold a list of elements."""
    file = os.fspath(path)
    raw = read_input_bytes(path, what="Kumu JSON file")
    with parser_errors(file, kind="Kumu JSON file"):  # RecursionError of deep JSON
        try:
            data = json.loads(raw.decode("utf-8-sig"))
        except (json.JSONDecodeError, UnicodeDecodeError) as err:
            line = getattr(err, "lineno", None)
            raise FileFormatError(f"not valid JSON ({err})", file=file, row=line,
                                  suggestion="export the map from Kumu again as JSON; a "
                                  "truncated or hand-edited file breaks here") from err
    if not isinstance(data, dict) or not isinstance(data.get("elements"), list):
        raise FileFormatError("not a Kumu JSON file: no list of 'elements'", file=file,
                              suggestion="export the project from Kumu as JSON")
    return data


def _json_record(item, what: str, i: int, file: str) -> dict:
    """One element or connection as fields: a blueprint's object, or an export's."""
    if not isinstance(item, dict):
        raise FileFormatError(f"{what} number {i} is not an object", file=file,
                              suggestion="export the project from Kumu as JSON")
    attributes = item.get("attributes")
    if not isinstance(attributes, dict):  # a blueprint
        record = {k: v for k, v in item.items() if k != "_id"}
        if "_id" in item and "id" not in item:
            record["id"] = item["_id"]
        return record
    record = {}  # a project export
    ident = item.get("_id", item.get("id"))
    if ident is not None:
        record["id"] = ident
    record.update({key: item[key] for key in ("from", "to", "direction") if key in item})
    if item.get("reversed") is True and "from" in record:
        record["from"], record["to"] = record.get("to"), record["from"]
    record.update(attributes)
    return record


def _json_sheet(what: str, records: list[dict], source: _Source) -> _Sheet | None:
    """The elements or connections as a sheet of text cells; None when there are none."""
    header = list(dict.fromkeys(k for r in records for k in r))
    rows = [(f"{i} of the {what}", [_json_cell(r.get(h), source.issues, source.file,
                                              f"{what} {i}, field '{h}'") for h in header])
            for i, r in enumerate(records, start=1)]
    if not (header or rows):
        return None
    if what == "elements" and not {label_key(h) for h in header} & {"label", "id"}:
        raise MissingColumnError("the elements have no 'label'", file=source.file,
                                 suggestion="give every element a label")
    return _Sheet(None, header, rows, what, header_row=None, file=source.file)


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

    def add_reversed(self, flags: np.ndarray) -> None:
        """Add each flagged tie again, from its target to its source (two arcs)."""
        self.rows.extend((f, s, r, {**v, "source": v["target"], "target": v["source"]})
                         for (f, s, r, v), two in zip(list(self.rows), flags, strict=True)
                         if two)

    def raw(self, file: str, order: list[str] | None) -> RawTable:
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
    default_sector: str | None = None,
    weight_field: str | None = "Strength",
    body_types=("body",),
    goal_types=("goal",),
    directed: bool | None = None,
    taxonomy: SectorTaxonomy | None = None,
    waves=None,
    name: str | None = None,
    encoding: str | None = None,
) -> StakeholderMap:
    """Read a map from Kumu: an import workbook, a pair of CSV files or JSON.

    Elements become actors (``ID``, or else ``Label``, the id; ``Label``
    the name; the field ``sector_field`` the sector, through the
    taxonomy), and connections ties (``From`` and ``To`` the ends, ``Type``
    the tie type, ``Strength`` the weight); every other field is kept as a
    column of its own name. Elements whose ``Type`` is one of
    ``body_types`` are bodies, and a connection between an actor and a
    body is a membership; elements whose ``Type`` is one of ``goal_types``
    are shared goals, and a connection between an actor and a goal an
    activity. A workbook or JSON written by :func:`netmap.io.write_kumu` reads back
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
    default_sector : str, optional
        The sector of every actor element without one (a Kumu project
        whose elements carry no sector): a sector label of the taxonomy.
        How many actors took it is noted in the map's ``issues`` (code
        ``default-sector``). Default: such an element is an error.
    weight_field : str or None, default "Strength"
        The connection field read as the tie weight (it must then hold
        numbers); None keeps Kumu's ``Strength`` as a column named
        ``Strength (kumu)`` (a column named ``Strength`` would be read as the
        weight).
    body_types, goal_types : sequence of str
        Element types read as bodies and as shared goals.
    directed : bool, optional
        Default: as netmap wrote it, else from the connections' ``Direction``:
        directed when any connection is, a connection without a
        ``Direction`` counting as directed, as in Kumu (so that a project
        reads as the same map from its JSON and from its workbook, whichever
        of them spells the default out). In a directed map, mutual and
        undirected connections are read as two opposite ties; in an
        undirected one, a directed connection loses its direction (both
        warned and listed in the map's ``issues``).
    taxonomy, waves, name
        As for :func:`netmap.read_csv`.
    encoding : str, optional
        The encoding of the CSV files, as for :func:`netmap.read_csv`: by
        default it is found from the bytes, and a file that could be read
        in two ways is refused. Only for CSV files: a workbook or JSON file
        names its own.

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
    netmap.ParameterError
        When ``directed`` is not True, False or None, ``body_types`` or
        ``goal_types`` is not a sequence of text (a single string, say),
        ``default_sector`` is not a sector of the taxonomy, or ``encoding``
        is not an encoding Python knows or is given for a workbook or JSON.

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

    _check_options(directed=directed, body_types=body_types, goal_types=goal_types)
    check_encoding("encoding", encoding, allow_none=True)
    source = _read_source(Path(path), connections, encoding)
    settings = _read_settings(source)
    if directed is None and "directed" in settings:
        directed = settings["directed"]
    _, waves, name = resolve(settings, False, waves, name)

    taxonomy = taxonomy or default_taxonomy()
    check_default_sector(default_sector, taxonomy)
    gather = _Gather(source.file, sector_field=sector_field, weight_field=weight_field,
                     body_types=body_types, goal_types=goal_types,
                     default_sector=default_sector)
    gather.read(source)
    issues = [*source.issues, *gather.issues(), *_to_list_issues(source),
              *default_sector_issue(gather.took_default, default_sector, file=source.file)]
    is_directed, two_arcs, dropped = resolve_directions(
        gather.tie_directions, directed=directed, default=True)
    ties = gather.records["ties"]
    issues += direction_issues(two_arcs, dropped, [(f, s, r) for f, s, r, _ in ties.rows],
                               noun="connection")
    ties.add_reversed(two_arcs)

    raws = _raw_tables(gather.records, source.layout or {}, written=bool(source.layout),
                       file=source.file)
    hints = {("ties", "weight"): "or read it with weight_field=None to keep it as an "
                                 "ordinary column"}
    try:
        validated = validate_tables(raws, taxonomy=taxonomy, directed=is_directed,
                                    waves=waves)
    except ValidationError as err:
        raise relabel(err, {t: r.shown for t, r in gather.records.items()}, hints) from None
    validated.issues.extend(issues)
    return StakeholderMap._from_validated(validated, directed=is_directed,
                                          taxonomy=taxonomy, name=name,
                                          date=settings.get("date"))


# -- the steps of read_kumu --------------------------------------------------------
def _check_options(*, directed, body_types, goal_types) -> None:
    """ParameterError for a direction other than True, False or None, or types not a list."""
    check_bool("directed", directed, allow_none=True)
    for parameter, types in (("body_types", body_types), ("goal_types", goal_types)):
        if isinstance(types, str) or not isinstance(types, Iterable) or not all(
                isinstance(t, str) for t in types):
            raise ParameterError(parameter, types,
                                 "a sequence of element types, such as ('body',)")


def _read_source(path: Path, connections, encoding: str | None) -> _Source:
    """The sheets of a workbook, a JSON file, a pair of CSV files or a folder of them."""
    if path.is_dir():
        files = {label_key(p.stem): p for p in path.iterdir()
                 if p.suffix.lower() in (".csv", ".tsv", ".txt")}
        if "elements" not in files:
            raise FileFormatError("no elements.csv in the folder", file=os.fspath(path),
                                  suggestion="name the files elements.csv and "
                                             "connections.csv")
        return _read_csv_pair(files["elements"], files.get("connections"), encoding)
    if path.suffix.lower() in (".csv", ".tsv", ".txt"):
        return _read_csv_pair(path, Path(connections) if connections else None, encoding)
    if encoding is not None:
        raise ParameterError("encoding", encoding, "None for a workbook or JSON file",
                             "encoding= is for Kumu's CSV files; a workbook or JSON "
                             "file names its own encoding")
    if path.suffix.lower() == ".json":
        with parser_errors(path, kind="Kumu JSON file"):
            return _read_json(path)
    return _read_workbook(path)


def _read_settings(source: _Source) -> dict:
    """The settings netmap wrote (direction, title, waves, date); the layout goes to the source."""
    if source.settings_rows is None:
        return {}
    rows = []
    for n, cells in source.settings_rows:
        cells = [*cells, None, None]
        if cells[0] is not None and label_key(cells[0]) == "layout":
            try:
                source.layout = json.loads(cells[1] or "{}")
            except json.JSONDecodeError as err:
                raise FileFormatError(
                    f"the layout in the '{SETTINGS_SHEET}' sheet is not valid JSON",
                    file=source.file, sheet=SETTINGS_SHEET, row=n,
                    suggestion="delete the row, or the sheet") from err
        else:
            rows.append((n, cells[:2]))
    return parse_settings(rows, file=source.file, sheet=SETTINGS_SHEET)


def _finder(header: list[str]) -> Callable[[set[str]], int | None]:
    """A function giving the position of the first field whose key is one of ``names``."""
    keys = [label_key(h) for h in header]
    return lambda names: next((j for j, k in enumerate(keys) if k in names), None)


def _column(header: str) -> str:
    """A Kumu field's name as a netmap column: without netmap's prefix."""
    return header[len(PREFIX):] if header.startswith(PREFIX) else header


class _Gather:
    """Turns Kumu's elements and connections into rows of netmap's tables.

    Elements become actors, bodies or goals (by their type); connections
    become ties, memberships or activities (by what they join). Problems
    are gathered in ``errors``, what is not read in ``unmapped`` and
    ``goal_fields``.
    """

    def __init__(self, file: str, *, sector_field: str, weight_field: str | None,
                 body_types, goal_types, default_sector: str | None = None) -> None:
        self.file = file
        self.sector_field = sector_field
        self.default_sector = default_sector
        self.took_default = 0
        self.weight_field = weight_field
        self.body_keys = {label_key(t) for t in body_types}
        self.goal_keys = {label_key(t) for t in goal_types}
        self.records = {t: _Records(t) for t in TABLES}
        self.kind_of: dict[str, tuple[str, str]] = {}  # element id -> (kind, netmap id)
        self.goal_fields: list[tuple] = []
        self.unmapped: list[tuple] = []
        self.tie_directions: list[str | None] = []
        self.errors: list[InputError] = []

    def read(self, source: _Source) -> None:
        """Read every sheet, elements first; raise the problems found together."""
        elements = [s for s in source.sheets if s.kind == "elements"]
        if not elements:
            raise FileFormatError("no sheet of elements (a sheet whose first column is "
                                  "'Label', or 'ID' then 'Label')", file=self.file,
                                  suggestion="name the first column of the elements "
                                             "sheet 'Label'")
        for sheet in elements:
            self.elements(sheet)
        for sheet in source.sheets:
            if sheet.kind == "connections":
                self.connections(sheet)
        if self.errors:
            raise ValidationError(self.errors)

    # -- elements
    def elements(self, sheet: _Sheet) -> None:
        """One sheet of elements."""
        find = _finder(sheet.header)
        sector_key = label_key(self.sector_field)
        i_sector = find({sector_key} | ({"elementtype"} if sector_key == "type" else set()))
        cols: dict[str, Any] = {"id": find({"id"}), "label": find({"label"}),
                "type": find(_TYPE_KEYS - {"connectiontype"}), "sector": i_sector}
        for n, cells in sheet.rows:
            if not self.element(sheet, n, cells, cols):
                break

    def element(self, sheet: _Sheet, n, cells: list, cols: dict) -> bool:
        """One element; False when the sheet has no sector field (reported once)."""
        label = cells[cols["label"]] if cols["label"] is not None else None
        ident = cells[cols["id"]] if cols["id"] is not None else None
        ident = ident if ident is not None else label
        if ident is None:
            self.errors.append(InvalidValueError(
                "an element has neither an ID nor a Label", file=self.file,
                sheet=sheet.title, row=n, column="Label",
                suggestion="give the element a Label, or delete the row"))
            return True
        kind = self._element_kind(cells, cols["type"])
        values, shown = self._element_values(sheet, cells, cols, kind)
        if kind == "goals":
            self.kind_of[ident] = ("goal", label if label is not None else ident)
            extra = sorted(k for k, v in values.items() if v is not None)
            if extra:
                self.goal_fields.append((sheet.title, n, ident, extra))
            return True
        if kind == "actors" and cols["sector"] is None and self.default_sector is None:
            self.errors.append(MissingColumnError(
                f"the elements have no '{self.sector_field}' field, which gives each "
                "actor's sector", file=self.file, sheet=sheet.title, row=sheet.header_row,
                suggestion=f"add a '{self.sector_field}' column with each element's "
                           "sector, name the field that holds it with "
                           "sector_field='...', or give every actor one sector with "
                           "default_sector='...'"))
            return False
        if kind == "actors" and self.default_sector is not None and values.get(
                "sector") is None:
            values["sector"] = self.default_sector
            self.took_default += 1
        table_id = ident[5:] if kind == "bodies" and ident.startswith("body:") else ident
        self.kind_of[ident] = ("body" if kind == "bodies" else "actor", table_id)
        shown.update(id="ID" if cols["id"] is not None else "Label", name="Label")
        self.records[kind].add(sheet, n, {"id": table_id, "name": label, **values}, shown)
        return True

    def _element_kind(self, cells: list, i_type: int | None) -> str:
        """actors, bodies or goals, by the element's type."""
        key = label_key(cells[i_type]) if i_type is not None and cells[
            i_type] is not None else None
        if key in self.body_keys:
            return "bodies"
        return "goals" if key in self.goal_keys else "actors"

    @staticmethod
    def _element_values(sheet: _Sheet, cells: list, cols: dict, kind: str
                        ) -> tuple[dict, dict]:
        """An element's fields as columns, and the file's name of the sector column."""
        values: dict = {}
        shown: dict = {}
        skip = {cols["id"], cols["label"]} | ({cols["type"]} if kind != "actors" else set())
        for j, (header, value) in enumerate(zip(sheet.header, cells, strict=True)):
            if j in skip:
                continue
            if kind == "actors" and j == cols["sector"]:
                values["sector"] = value
                shown["sector"] = header
            else:
                values[_column(header)] = value
        return values, shown

    # -- connections
    def connections(self, sheet: _Sheet) -> None:
        """One sheet of connections; a 'To' listing several elements gives one each."""
        find = _finder(sheet.header)
        cols: dict[str, Any] = {"from": find({"from"}), "to": find({"to"}),
                "type": find(_TYPE_KEYS - {"elementtype"}), "direction": find({"direction"}),
                "weight": find({label_key(self.weight_field)}) if self.weight_field
                else None,
                # A field netmap would read as the weight, kept as a column of its own.
                "strength": find({"strength"}) if not self.weight_field else None}
        for n, cells in sheet.rows:
            source_key, targets = cells[cols["from"]], cells[cols["to"]]
            if source_key is None or targets is None:
                self.errors.append(InvalidValueError(
                    f"a connection has no '{'From' if source_key is None else 'To'}'",
                    file=self.file, sheet=sheet.title, row=n,
                    column=sheet.header[cols["from" if source_key is None else "to"]],
                    suggestion="name both elements the connection joins, or delete the "
                               "row"))
                continue
            for target_key in [t.strip() for t in targets.split("|") if t.strip()]:
                self.connection(sheet, n, cells, cols, source_key, target_key)

    def connection(self, sheet: _Sheet, n, cells: list, cols: dict, source_key: str,
                   target_key: str) -> None:
        """One connection from one element to another."""
        a = self.kind_of.get(source_key, ("actor", source_key))
        b = self.kind_of.get(target_key, ("actor", target_key))
        kinds = {a[0], b[0]}
        other = {(j, _column(header)): value for j, (header, value)
                 in enumerate(zip(sheet.header, cells, strict=True))
                 if j not in (cols["from"], cols["to"])}
        if kinds == {"actor"}:
            self._tie(sheet, n, cells, cols, other, (a[1], b[1]))
        elif kinds in ({"actor", "body"}, {"actor", "goal"}):
            self._link(sheet, n, cells, cols, other, a, b)
        else:
            self.unmapped.append((sheet.title, n, source_key, target_key))

    def _tie(self, sheet: _Sheet, n, cells: list, cols: dict, other: dict,
             ends: tuple[str, str]) -> None:
        """A connection between two actors: a tie."""
        extras = {(f"{column} (kumu)" if j == cols["strength"] else column): value
                  for (j, column), value in other.items()
                  if j not in (cols["type"], cols["weight"], cols["direction"])}
        values = {**extras, "source": ends[0], "target": ends[1]}
        shown = {"source": sheet.header[cols["from"]], "target": sheet.header[cols["to"]]}
        for field_ in ("type", "weight"):
            if cols[field_] is not None:
                values[field_] = cells[cols[field_]]
                shown[field_] = sheet.header[cols[field_]]
        word = cells[cols["direction"]] if cols["direction"] is not None else None
        self.tie_directions.append(DIRECTIONS.get(label_key(word)) if word else None)
        self.records["ties"].add(sheet, n, values, shown)

    def _link(self, sheet: _Sheet, n, cells: list, cols: dict, other: dict,
              a: tuple[str, str], b: tuple[str, str]) -> None:
        """A connection between an actor and a body or a goal: a membership or activity."""
        table = "memberships" if "body" in (a[0], b[0]) else "activities"
        actor_first = a[0] == "actor"
        actor, thing = (a, b) if actor_first else (b, a)
        end = "body" if table == "memberships" else "goal"
        values = {column: value for (j, column), value in other.items()
                  if j not in (cols["type"], cols["direction"])}
        expected = "membership" if table == "memberships" else "activity"
        for field_, j, default in (("Type", cols["type"], expected),
                                   ("Direction", cols["direction"], "directed")):
            value = cells[j] if j is not None else None
            if value is not None and label_key(value) != default:
                values[field_] = value
        values.update({"actor": actor[1], end: thing[1]})
        shown = {"actor": sheet.header[cols["from" if actor_first else "to"]],
                 end: sheet.header[cols["to" if actor_first else "from"]]}
        self.records[table].add(sheet, n, values, shown)

    def issues(self) -> list[dict]:
        """What was not read: connections between bodies or goals, fields of goals."""
        found = [
            self._not_read("kumu-connection-not-read", self.unmapped,
                           "connection(s) join two bodies or goals and cannot be a tie, "
                           "membership or activity", lambda a, b: f"'{a}' to '{b}'"),
            self._not_read("kumu-goal-fields-not-read", self.goal_fields,
                           "goal element(s) have fields a shared goal has no place for",
                           lambda ident, fields: f"'{ident}': {', '.join(fields)}"),
        ]
        return [issue for issue in found if issue is not None]

    def _not_read(self, code: str, rows: list[tuple], what: str,
                  first: Callable[..., str]) -> dict | None:
        """One issue for the ``rows`` (sheet, row, details...) not read: how many, the first."""
        if not rows:
            return None
        sheet, n, *details = rows[0]
        return issue_record(code, f"{len(rows)} {what}; not read (first: {first(*details)})",
                            file=self.file, sheet=sheet, row=n)


def _to_list_issues(source: _Source) -> list[dict]:
    """A note per connections sheet whose 'To' lists several elements."""
    issues = []
    for sheet in source.sheets:
        if sheet.kind != "connections":
            continue
        to = [j for j, h in enumerate(sheet.header) if label_key(h) == "to"]
        split = [n for n, cells in sheet.rows if any("|" in (cells[j] or "") for j in to)]
        if split:
            issues.append(issue_record(
                "kumu-to-list", f"{len(split)} connection(s) name several elements in "
                "'To' (separated by '|'): read as one tie each", severity="note",
                file=source.file, sheet=sheet.title, row=split[0]))
    return issues


def _raw_tables(records: dict[str, _Records], layout: dict, *, written: bool,
                file: str) -> dict[str, RawTable]:
    """The gathered rows as raw tables, with the columns netmap recorded."""
    # A sheet (or JSON list) may mix tables: each keeps the fields it uses, and
    # those netmap recorded for it.
    for table, rec in records.items():
        recorded = layout.get("columns", {}).get(table)
        known = set(recorded) if recorded else {c.name for c in TABLES[table].columns}
        rec.header = [c for c in rec.header if c in known
                      or any(v.get(c) is not None for _, _, _, v in rec.rows)]
    for table in ("actors", "bodies"):
        _unnamed(records[table], layout, written=written)
    orders = layout.get("columns", {})
    return {table: rec.raw(file, orders.get(table)) for table, rec in records.items()
            if table in ("actors", "ties") or rec.rows}


def _unnamed(rec: _Records, layout: dict, *, written: bool) -> None:
    """Leave out the names netmap did not have: Kumu's Label was then only the id."""
    which = layout.get("unnamed", {}).get(rec.table)
    if which == "all":
        rec.header = [c for c in rec.header if c != "name"]
        if rec.table in layout.get("columns", {}):
            layout["columns"][rec.table] = [c for c in layout["columns"][rec.table]
                                            if c != "name"]
    elif which:
        ids = set(which)
        for _, _, _, values in rec.rows:
            if values.get("id") in ids:
                values["name"] = None
    if not written and "name" in rec.header and all(
            v.get("name") is None for _, _, _, v in rec.rows):
        rec.header = [c for c in rec.header if c != "name"]
