"""What GEXF and GraphML share: a map from nodes and edges, sizes and colours for the writers.

A reader turns its file into :class:`Node` and :class:`Edge` records, each
with its line; :func:`build_map` makes the map from them, the same way for
both formats.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from netmap.io._exchange import issue_record, relabel, resolve_directions
from netmap.io._settings import parse_settings, resolve
from netmap.io._xml import Fragment
from netmap.model._labels import label_key
from netmap.model._raw import table_from_rows
from netmap.model._validation import validate_tables
from netmap.model.exceptions import InvalidValueError, MissingColumnError, ValidationError
from netmap.model.schema import TABLES
from netmap.model.sectors import SectorTaxonomy, default_taxonomy

__all__ = ["Node", "Edge", "build_map", "node_sizes", "writable_tables", "xml_type"]


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


def _actor_header(g: GraphFile, sector: str, display: set) -> list[str]:
    if g.fragment is not None and "actors" in g.fragment.headers:
        header = list(g.fragment.headers["actors"])
        header += [c for c in g.node_columns if c not in header and c not in display]
        return header
    index = TABLES["actors"].header_index()
    columns = ["sector" if c == sector else c for c in g.node_columns]
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


def build_map(g: GraphFile, *, sector: str, directed: bool | None,
              taxonomy: SectorTaxonomy | None, waves, name):
    """The map from what a GEXF or GraphML reader found.

    Raises
    ------
    ValidationError
        With every problem, located by the file's line numbers and named
        by the file's attribute names.
    """
    from netmap.model.stakeholder_map import StakeholderMap

    settings: dict = {}
    display: set = set()
    if g.fragment is not None:
        rows = []
        for n, cells in g.fragment.settings_rows:
            if n is not None and cells[0] == "display":
                display = set((cells[1] or "").split())
            else:
                rows.append((n, cells))
        settings = parse_settings(rows, file=g.file)
        sector = "sector"
    if directed is None and "directed" in settings:
        directed = settings["directed"]
    _, waves, name = resolve(settings, False, waves, name)
    if name is None:
        name = g.title

    actor_header = _actor_header(g, sector, display)
    if "sector" not in actor_header:
        found = ", ".join(f"'{c}'" for c in g.node_columns) or "none"
        raise ValidationError([MissingColumnError(
            f"the nodes have no '{sector}' attribute (attributes found: {found})",
            file=g.file, table="actors", column=sector,
            suggestion="name the node attribute that holds each actor's sector with "
                       "sector='...'")])
    source_of = {"sector": sector if sector in g.node_columns else "sector"}
    actor_rows = [(g.line, actor_header)]
    for node in g.nodes:
        cells = []
        for column in actor_header:
            if column == "id":
                cells.append(node.id)
            elif column == "name" and "name" not in node.data:
                cells.append(node.label)
            else:
                cells.append(node.data.get(source_of.get(column, column)))
        actor_rows.append((node.line, cells))

    is_directed, two_arcs, dropped = resolve_directions(
        [e.direction for e in g.edges], directed=directed, default=g.default_directed)
    tie_header = _tie_header(g, display)
    tie_rows = [(g.line, tie_header)]
    for edge, two in zip(g.edges, two_arcs, strict=True):
        cells = [edge.source, edge.target, *(edge.data.get(c) for c in tie_header[2:])]
        tie_rows.append((edge.line, cells))
        if two:
            tie_rows.append((edge.line, [edge.target, edge.source, *cells[2:]]))
    issues = list(g.issues)
    if two_arcs.any():
        lines = [e.line for e, two in zip(g.edges, two_arcs, strict=True) if two]
        issues.append(issue_record(
            "edge-read-as-two-arcs", f"{len(lines)} undirected or mutual edge(s) in a "
            f"directed map read as two opposite ties each (first at line {lines[0]})",
            file=g.file, table="ties", row=lines[0]))
    if dropped.any():
        lines = [e.line for e, d in zip(g.edges, dropped, strict=True) if d]
        issues.append(issue_record(
            "direction-dropped", f"{len(lines)} directed edge(s) read into an undirected "
            f"map: their direction is dropped (first at line {lines[0]})",
            file=g.file, table="ties", row=lines[0]))

    raws = {"actors": table_from_rows("actors", actor_rows, file=g.file),
            "ties": table_from_rows("ties", tie_rows, file=g.file)}
    if g.fragment is not None:
        for table, rows in g.fragment.tables.items():
            if table not in TABLES:
                raise ValidationError([InvalidValueError(
                    f"netmap's table '{table}' in the file is not a table of the map",
                    file=g.file, row=rows[0][0], value=table,
                    suggestion="remove it, or name one of: " + ", ".join(TABLES))])
            raws[table] = table_from_rows(table, rows, file=g.file)
    taxonomy = taxonomy or default_taxonomy()
    try:
        validated = validate_tables(raws, taxonomy=taxonomy, directed=is_directed,
                                    waves=waves)
    except ValidationError as err:
        raise relabel(err, {"actors": {"sector": sector}}) from None
    validated.issues.extend(issues)
    return StakeholderMap._from_validated(validated, directed=is_directed,
                                          taxonomy=taxonomy, name=name, stacklevel=4)


def node_sizes(m, size) -> np.ndarray | None:
    """Node sizes for the writers: 5 to 30, the area following ``size``.

    ``size="degree"`` counts each actor's ties; a column name takes that
    numeric actor column (missing and negative values get the smallest
    size); None gives no sizes. A size is ``5 + 25 * sqrt(x / max x)``.
    """
    if size is None:
        return None
    a = m.arrays
    if size == "degree":
        values = (np.bincount(a.source, minlength=a.n_actors)
                  + np.bincount(a.target, minlength=a.n_actors)).astype(float)
    else:
        if size not in m.actors.columns:
            raise KeyError(f"size={size!r}: not 'degree' nor a column of the actors")
        values = pd.to_numeric(m.actors[size], errors="coerce").to_numpy(
            dtype=float, na_value=np.nan)
        if not np.isfinite(values[~np.isnan(values)]).all():
            raise ValueError(f"size={size!r}: the column holds infinite values")
    values = np.where(np.isnan(values) | (values < 0), 0.0, values)
    top = values.max() if len(values) else 0.0
    share = values / top if top > 0 else np.zeros_like(values)
    return np.round(5.0 + 25.0 * np.sqrt(share), 3)


def writable_tables(m) -> dict[str, pd.DataFrame]:
    """The tables of a map as written to a file, checked for XML."""
    from netmap.io._xml import check_text
    from netmap.io.csv import table_frames

    frames = table_frames(m)
    for table, frame in frames.items():
        check_text(frame, table)
    return frames


def xml_type(values) -> str:
    """The GEXF / GraphML attribute type of a column: boolean, long, double or string."""
    if pd.api.types.is_bool_dtype(values):
        return "boolean"
    if pd.api.types.is_integer_dtype(values):
        return "long"
    if pd.api.types.is_float_dtype(values):
        return "double"
    return "string"
