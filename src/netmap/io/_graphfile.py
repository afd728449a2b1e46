"""What GEXF and GraphML share: a map from nodes and edges, sizes and colours for the writers.

A reader turns its file into :class:`Node` and :class:`Edge` records, each
with its line; :func:`build_map` makes the map from them, the same way for
both formats.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from netmap.io._exchange import (
    check_default_sector,
    default_sector_issue,
    direction_issues,
    relabel,
    resolve_directions,
    text_cells,
)
from netmap.io._settings import parse_settings, resolve
from netmap.io._xml import Fragment, XmlDocument, XmlWriter, write_fragment
from netmap.model._labels import label_key
from netmap.model._params import check_bool, check_choice
from netmap.model._raw import RawTable, table_from_rows
from netmap.model._validation import validate_tables
from netmap.model.exceptions import (
    FileFormatError,
    InvalidValueError,
    MissingColumnError,
    ParameterError,
    ValidationError,
)
from netmap.model.schema import TABLES
from netmap.model.sectors import SectorTaxonomy, default_taxonomy

if TYPE_CHECKING:
    from netmap.model.stakeholder_map import StakeholderMap

__all__ = ["Node", "Edge", "GraphFile", "Declared", "build_map", "node_id", "edge_ends",
           "node_sizes", "writable_tables", "write_netmap_tables", "xml_type"]


@dataclass
class Node:
    """One node as read: id, label, attribute values by column, line."""

    id: str
    label: str | None
    data: dict
    line: int | None


@dataclass
class Edge:
    """One edge as read: ends, direction, attribute values by column, line."""

    source: str
    target: str
    direction: str | None
    data: dict
    line: int | None


@dataclass
class GraphFile:
    """Everything a reader found in a GEXF or GraphML file."""

    file: str
    kind: str
    node_columns: list[str]
    edge_columns: list[str]
    nodes: list[Node]
    edges: list[Edge]
    default_directed: bool
    fragment: Fragment | None
    title: str | None = None
    issues: list[dict] = field(default_factory=list)
    line: int | None = None


#: Numbered rows of text cells, header first: the row labels are the file's
#: lines (None where there is none), as :func:`table_from_rows` takes them.
Rows = list[tuple[Any, list]]


@dataclass
class Declared:
    """The attributes (GEXF) or keys (GraphML) a file declares, per class of element."""

    names: dict[str, dict[str, str]] = field(default_factory=lambda: {
        "node": {}, "edge": {}, "graph": {}})
    defaults: dict[str, dict[str, str]] = field(default_factory=lambda: {
        "node": {}, "edge": {}})
    order: dict[str, list[str]] = field(default_factory=lambda: {"node": [], "edge": []})

    def add(self, cls: str, ident: str, name: str, default: str | None) -> None:
        """Declare attribute ``ident`` named ``name`` for elements of class ``cls``."""
        self.names[cls][ident] = name
        if cls in self.order and name not in self.order[cls]:
            self.order[cls].append(name)
        if cls in self.defaults and default is not None:
            self.defaults[cls][name] = default


def node_id(element: ET.Element, doc: XmlDocument) -> str:
    """A node's id; a node without one is an error naming its line."""
    ident = element.get("id")
    if ident is None:
        raise ValidationError([FileFormatError(
            "a node has no id", file=doc.file, row=doc.line(element),
            suggestion="give every <node> an id")])
    return ident


def edge_ends(element: ET.Element, doc: XmlDocument) -> tuple[str, str]:
    """An edge's source and target; an edge without both is an error naming its line."""
    source, target = element.get("source"), element.get("target")
    if source is None or target is None:
        raise ValidationError([FileFormatError(
            "an edge lacks its source or target", file=doc.file, row=doc.line(element),
            suggestion="give every <edge> a source and a target")])
    return source, target


def _netmap_settings(g: GraphFile) -> tuple[dict, set[str]]:
    """The settings netmap wrote in the file, and which node keys were only for show."""
    if g.fragment is None:
        return {}, set()
    display: set[str] = set()
    rows = []
    for n, cells in g.fragment.settings_rows:
        if n is not None and cells[0] == "display":
            display = set((cells[1] or "").split())
        else:
            rows.append((n, cells))
    return parse_settings(rows, file=g.file), display


def _actor_header(g: GraphFile, sector_field: str, display: set) -> list[str]:
    if g.fragment is not None and "actors" in g.fragment.headers:
        header = list(g.fragment.headers["actors"])
        header += [c for c in g.node_columns if c not in header and c not in display]
        return header
    index = TABLES["actors"].header_index()
    columns = ["sector" if c == sector_field else c for c in g.node_columns]
    header = ["id"]
    if not any(index.get(label_key(c)) == "name" for c in columns) and any(
            n.label is not None for n in g.nodes):
        header.append("name")
    return header + columns


def _tie_header(g: GraphFile, display: set) -> list[str]:
    if g.fragment is not None and "ties" in g.fragment.headers:
        header = list(g.fragment.headers["ties"])
        return header + [c for c in g.edge_columns if c not in header and c not in display]
    return ["source", "target", *g.edge_columns]


def _actor_rows(g: GraphFile, header: list[str], sector_field: str,
                default_sector: str | None) -> tuple[Rows, int]:
    """The nodes as rows of the actors table, and how many took the default sector.

    Raises when no attribute gives the sector and there is no default.
    """
    if "sector" not in header:
        if default_sector is None:
            found = ", ".join(f"'{c}'" for c in g.node_columns) or "none"
            raise ValidationError([MissingColumnError(
                f"the nodes have no '{sector_field}' attribute (attributes found: "
                f"{found})", file=g.file, table="actors", column=sector_field,
                suggestion="name the node attribute that holds each actor's sector with "
                           "sector_field='...', or give every actor one sector with "
                           "default_sector='...'")])
        header = [*header[:1], "sector", *header[1:]]
    source_of = {"sector": sector_field if sector_field in g.node_columns else "sector"}
    # In a file netmap wrote, the name is the attribute 'name' (the label shows
    # the id where the name is missing); elsewhere the label stands in for it.
    label_is_name = g.fragment is None or "name" not in g.node_columns
    rows: Rows = [(g.line, header)]
    for node in g.nodes:
        cells: list[str | None] = []
        for column in header:
            if column == "id":
                cells.append(node.id)
            elif column == "name" and "name" not in node.data and label_is_name:
                cells.append(node.label)
            else:
                cells.append(node.data.get(source_of.get(column, column)))
        rows.append((node.line, cells))
    if default_sector is None:
        return rows, 0
    j = header.index("sector")
    took = 0
    for _, cells in rows[1:]:
        if cells[j] is None or not str(cells[j]).strip():
            cells[j] = default_sector
            took += 1
    return rows, took


def _tie_rows(g: GraphFile, header: list[str], two_arcs: np.ndarray) -> Rows:
    """The edges as rows of the ties table, an edge read as two arcs twice."""
    rows: Rows = [(g.line, header)]
    for edge, two in zip(g.edges, two_arcs, strict=True):
        cells = [edge.source, edge.target, *(edge.data.get(c) for c in header[2:])]
        rows.append((edge.line, cells))
        if two:
            rows.append((edge.line, [edge.target, edge.source, *cells[2:]]))
    return rows


def _netmap_tables(g: GraphFile) -> dict[str, RawTable]:
    """The memberships, bodies and activities netmap wrote in the file."""
    if g.fragment is None:
        return {}
    raws = {}
    for table, rows in g.fragment.tables.items():
        if table not in TABLES:
            raise ValidationError([InvalidValueError(
                f"netmap's table '{table}' in the file is not a table of the map",
                file=g.file, row=rows[0][0], value=table,
                suggestion="remove it, or name one of: " + ", ".join(TABLES))])
        raws[table] = table_from_rows(table, rows, file=g.file)
    return raws


def build_map(g: GraphFile, *, sector_field: str, directed: bool | None,
              taxonomy: SectorTaxonomy | None, waves, name: str | None,
              default_sector: str | None = None) -> StakeholderMap:
    """The map from what a GEXF or GraphML reader found.

    Raises
    ------
    ValidationError
        With every problem, located by the file's line numbers and named
        by the file's attribute names.
    """
    from netmap.model.stakeholder_map import StakeholderMap

    check_bool("directed", directed, allow_none=True)
    settings, display = _netmap_settings(g)
    if g.fragment is not None:
        sector_field = "sector"
    if directed is None and "directed" in settings:
        directed = settings["directed"]
    _, waves, name = resolve(settings, False, waves, name)
    if name is None:
        name = g.title

    is_directed, two_arcs, dropped = resolve_directions(
        [e.direction for e in g.edges], directed=directed, default=g.default_directed)
    taxonomy = taxonomy or default_taxonomy()
    check_default_sector(default_sector, taxonomy)
    actor_rows, took = _actor_rows(g, _actor_header(g, sector_field, display),
                                   sector_field, default_sector)
    raws = {"actors": table_from_rows("actors", actor_rows, file=g.file),
            "ties": table_from_rows("ties", _tie_rows(g, _tie_header(g, display), two_arcs),
                                    file=g.file),
            **_netmap_tables(g)}
    try:
        validated = validate_tables(raws, taxonomy=taxonomy, directed=is_directed,
                                    waves=waves)
    except ValidationError as err:
        raise relabel(err, {"actors": {"sector": sector_field}}) from None
    validated.issues.extend(g.issues)
    validated.issues.extend(default_sector_issue(took, default_sector, file=g.file))
    validated.issues.extend(direction_issues(
        two_arcs, dropped, [(g.file, None, e.line) for e in g.edges]))
    return StakeholderMap._from_validated(validated, directed=is_directed,
                                          taxonomy=taxonomy, name=name,
                                          date=settings.get("date"), stacklevel=4)


def node_sizes(m: StakeholderMap, size: str | None) -> np.ndarray | None:
    """Node sizes for the writers: 5 to 30, the area following ``size``.

    ``size="degree"`` counts each actor's ties; a column name takes that
    numeric actor column (missing and negative values get the smallest
    size); None gives no sizes. A size is ``5 + 25 * sqrt(x / max x)``.
    Another value, or a column with infinite values, raises
    :class:`~netmap.ParameterError`.
    """
    check_choice("size", size, [None, "degree", *m.actors.columns])
    if size is None:
        return None
    a = m.arrays
    if size == "degree":
        values = (np.bincount(a.source, minlength=a.n_actors)
                  + np.bincount(a.target, minlength=a.n_actors)).astype(float)
    else:
        values = pd.to_numeric(m.actors[size], errors="coerce").to_numpy(
            dtype=float, na_value=np.nan)
        if not np.isfinite(values[~np.isnan(values)]).all():
            raise ParameterError("size", size, "a column without infinite values")
    values = np.where(np.isnan(values) | (values < 0), 0.0, values)
    top = values.max() if len(values) else 0.0
    share = values / top if top > 0 else np.zeros_like(values)
    return np.round(5.0 + 25.0 * np.sqrt(share), 3)


def write_netmap_tables(w: XmlWriter, settings: list[list[str]], actors: pd.DataFrame,
                        ties: pd.DataFrame, others: dict[str, pd.DataFrame]) -> None:
    """Write the ``<netmap:map>`` element: settings, column orders and the other tables."""
    write_fragment(
        w, settings, {"actors": [str(c) for c in actors.columns],
                      "ties": [str(c) for c in ties.columns]},
        {t: ([str(c) for c in f.columns],
             [list(r) for r in zip(*(text_cells(f[c]) for c in f.columns), strict=True)])
         for t, f in others.items()})


def writable_tables(m: StakeholderMap) -> dict[str, pd.DataFrame]:
    """The tables of a map as written to a file, checked for XML."""
    from netmap.io._xml import check_text
    from netmap.io.csv import table_frames

    frames = table_frames(m)
    for table, frame in frames.items():
        check_text(frame, table)
    return frames


def xml_type(values: pd.Series) -> str:
    """The GEXF / GraphML attribute type of a column: boolean, long, double or string."""
    if pd.api.types.is_bool_dtype(values):
        return "boolean"
    if pd.api.types.is_integer_dtype(values):
        return "long"
    if pd.api.types.is_float_dtype(values):
        return "double"
    return "string"
