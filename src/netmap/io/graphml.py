"""Reading and writing maps as GraphML, for yEd, Cytoscape, igraph, networkx and Gephi.

Every actor and tie column is a GraphML key. Sector colours and sizes are
written as the node keys Gephi's GraphML importer takes as visual
properties (``label``, ``r``, ``g``, ``b``, ``size``), unless an actor
column already has one of those names. The memberships, bodies and
activities, the map's settings and which keys are only for show travel in
a ``<netmap:map>`` element at the end of the file, which other programs
skip (see ``netmap.io._xml``): a map written by netmap reads back
equal.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from netmap.io._exchange import DIRECTIONS, issue_record, text_cells
from netmap.io._graphfile import (
    Declared,
    Edge,
    GraphFile,
    Node,
    build_map,
    edge_ends,
    node_id,
    node_sizes,
    writable_tables,
    write_netmap_tables,
    xml_type,
)
from netmap.io._settings import settings_rows
from netmap.io._xml import XmlDocument, XmlWriter, local, parse_xml, read_fragment
from netmap.model._atomic import atomic_open
from netmap.model._labels import label_key
from netmap.model._params import check_choice, check_encoding
from netmap.model.exceptions import FileFormatError, ValidationError
from netmap.model.palette import hex_to_rgb, sector_colors
from netmap.model.sectors import SectorTaxonomy

if TYPE_CHECKING:
    from netmap.model.stakeholder_map import StakeholderMap

__all__ = ["read_graphml", "write_graphml"]

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
_DISPLAY = ("label", "r", "g", "b", "size")
_DISPLAY_TYPES = {"label": "string", "r": "int", "g": "int", "b": "int", "size": "double"}


def write_graphml(m: StakeholderMap, path, *, size: str | None = "degree") -> None:
    """Write a map as a GraphML file, with sector colours and sizes for Gephi.

    Nodes are the actors, with every actor column as a key; edges are the
    ties, with every tie column. For Gephi, the node keys ``label`` (the
    name, or else the id), ``r``, ``g``, ``b`` (the sector's colour,
    :func:`netmap.model.palette.sector_colors`) and ``size`` are added, except
    those an actor column already takes. The memberships, bodies and
    activities and the map's settings travel in a ``<netmap:map>`` element;
    :func:`netmap.read_graphml` reads everything back to an equal map, without
    the keys that were only for show.

    Parameters
    ----------
    m : StakeholderMap
        The map.
    path : path-like
        The ``.graphml`` file to write (replaced if it exists, only once the
        new file is written whole).
    size : str or None, default "degree"
        What node sizes show: ``"degree"``, a numeric actor column, or None
        (see :func:`netmap.io.write_gexf`).

    Raises
    ------
    netmap.InvalidValueError
        When a value holds a control character, which XML cannot hold.
    netmap.ParameterError
        When ``size`` is not "degree", None or a column of the actors, or
        its column holds infinite values.

    Examples
    --------
    >>> import netmap, networkx as nx, tempfile, pathlib
    >>> m = netmap.datasets.load_2x5()
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "2x5.graphml"
    >>> m.to_graphml(path)
    >>> netmap.read_graphml(path).equals(m)
    True
    >>> G = nx.read_graphml(path)
    >>> G.nodes["moe"]["sector"], (G.nodes["moe"]["r"], G.nodes["moe"]["g"], G.nodes["moe"]["b"])
    ('public', (0, 114, 178))
    """
    frames = writable_tables(m)
    actors, ties = frames.pop("actors"), frames.pop("ties")
    node_cols = [c for c in actors.columns if c != "id"]
    edge_cols = [c for c in ties.columns if c not in ("source", "target")]
    sizes = node_sizes(m, size)
    taken = {str(c) for c in node_cols}
    display = [d for d in _DISPLAY if d not in taken and not (d == "size" and sizes is None)]
    with atomic_open(path, "wb") as f:
        w = XmlWriter(f)
        with w.element("graphml", {
                "xmlns": GRAPHML_NS, "xmlns:xsi": "http://www.w3.org/2001/XMLSchema-instance",
                "xsi:schemaLocation": f"{GRAPHML_NS} {GRAPHML_NS}/1.0/graphml.xsd"}):
            _write_keys(w, actors, node_cols, display, ties, edge_cols)
            edge_default = "directed" if m.directed else "undirected"
            with w.element("graph", {"id": "G", "edgedefault": edge_default}):
                shown = _display_values(actors, sector_colors(m.taxonomy), sizes)
                _write_nodes(w, actors, node_cols, {d: shown[d] for d in display})
                _write_edges(w, ties, edge_cols)
            write_netmap_tables(w, settings_rows(m)[1:] + [["display", " ".join(display)]],
                                actors, ties, frames)
        w.close()


def _write_keys(w: XmlWriter, actors: pd.DataFrame, node_cols: list[str], display: list[str],
                ties: pd.DataFrame, edge_cols: list[str]) -> None:
    """The ``<key>`` declarations: actor columns, keys for show, tie columns."""
    for i, c in enumerate(node_cols):
        w.leaf("key", {"id": f"n{i}", "for": "node", "attr.name": str(c),
                       "attr.type": xml_type(actors[c])})
    for d in display:
        w.leaf("key", {"id": f"v_{d}", "for": "node", "attr.name": d,
                       "attr.type": _DISPLAY_TYPES[d]})
    for i, c in enumerate(edge_cols):
        w.leaf("key", {"id": f"e{i}", "for": "edge", "attr.name": str(c),
                       "attr.type": xml_type(ties[c])})


def _display_values(actors: pd.DataFrame, colors: dict[str, str],
                    sizes: np.ndarray | None) -> dict[str, list[str]]:
    """Per key for show (label, r, g, b, size), each actor's value as text."""
    ids = text_cells(actors["id"])
    labels = text_cells(actors["name"]) if "name" in actors else ids
    rgb = {code: hex_to_rgb(c) for code, c in colors.items()}
    sectors = [rgb[s] for s in actors["sector"].astype(str)]
    return {"label": [lab if lab is not None else i for lab, i in zip(labels, ids,
                                                                      strict=True)],
            "r": [str(c[0]) for c in sectors], "g": [str(c[1]) for c in sectors],
            "b": [str(c[2]) for c in sectors],
            "size": [] if sizes is None else [repr(float(x)) for x in sizes]}


def _write_nodes(w: XmlWriter, actors: pd.DataFrame, columns: list[str],
                 shown: dict[str, list[str]]) -> None:
    """The actors as nodes: their columns, then the keys for show."""
    cells = [text_cells(actors[c]) for c in columns]
    for k, ident in enumerate(text_cells(actors["id"])):
        with w.element("node", {"id": ident}, inline=True):
            for i, col in enumerate(cells):
                if col[k] is not None:
                    w.leaf("data", {"key": f"n{i}"}, text=col[k])
            for d, values in shown.items():
                w.leaf("data", {"key": f"v_{d}"}, text=values[k])


def _write_edges(w: XmlWriter, ties: pd.DataFrame, columns: list[str]) -> None:
    """The ties as edges with every tie column."""
    sources, targets = text_cells(ties["source"]), text_cells(ties["target"])
    cells = [text_cells(ties[c]) for c in columns]
    for k in range(len(ties)):
        with w.element("edge", {"id": f"e{k}", "source": sources[k], "target": targets[k]},
                       inline=True):
            for i, col in enumerate(cells):
                if col[k] is not None:
                    w.leaf("data", {"key": f"e{i}"}, text=col[k])


def read_graphml(
    path,
    *,
    sector_field: str = "sector",
    default_sector: str | None = None,
    directed: bool | None = None,
    taxonomy: SectorTaxonomy | None = None,
    waves=None,
    name: str | None = None,
    encoding: str | None = None,
) -> StakeholderMap:
    """Read a map from a GraphML file, safely.

    A file written by :func:`netmap.io.write_graphml` reads back to an equal map.
    From any other GraphML file, nodes become actors and edges ties; every
    node and edge key becomes a column (a key without ``attr.name`` is
    named by its id; defaults declared for a key are applied); the key
    named by ``sector_field`` gives each actor's sector. Nodes of nested
    graphs (yEd's group nodes and what they hold) are actors too, with the
    id of their group in the column ``group``, and edges at every depth
    are ties; the label yEd draws on a node is its name. Keys that hold
    yFiles graphics, hyperedges and ports are not read (noted in the map's
    ``issues``); of several graphs, the first is read.

    The file is parsed without expanding XML entities (defusedxml): a
    hostile file (an entity bomb, an external entity) is refused.

    Parameters
    ----------
    path : path-like
        The ``.graphml`` file.
    sector_field : str, default "sector"
        The node key that holds the sector label.
    default_sector : str, optional
        The sector of every actor whose node has no sector (a file of
        Gephi, yEd or networkx made without one): a sector label of the
        taxonomy (``"third"``, ``"עמותה"`` ...). How many actors took it is
        noted in the map's ``issues`` (code ``default-sector``). Default:
        such a node is an error.
    directed : bool, optional
        Default: as the file says (``edgedefault``, and each edge's
        ``directed``); see :func:`netmap.read_gexf` for mixed
        directions.
    taxonomy, waves, name
        As for :func:`netmap.read_csv`.
    encoding : str, optional
        The encoding of a file that declares none; see
        :func:`netmap.read_gexf`.

    Returns
    -------
    StakeholderMap

    Raises
    ------
    netmap.FileFormatError
        When the file cannot be read, is not well-formed XML (truncated,
        damaged), declares entities, or is not GraphML; when it declares no
        encoding and holds bytes ``encoding`` cannot read (naming the line).
    netmap.ValidationError
        With every problem in the values, each naming the file, the line and
        the key.
    netmap.ParameterError
        When ``directed`` is not True, False or None, ``default_sector``
        is not a sector of the taxonomy, or ``encoding`` is not an encoding
        Python knows.

    Examples
    --------
    >>> import netmap, networkx as nx, tempfile, pathlib
    >>> G = nx.DiGraph()
    >>> G.add_node("moe", sector="public"); G.add_node("ngo", sector="third")
    >>> G.add_edge("moe", "ngo", type="funding")
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "g.graphml"
    >>> nx.write_graphml(G, path)
    >>> m = netmap.read_graphml(path)
    >>> m.directed, m.ties["tie_class"].tolist()
    (True, ['transactional'])
    """
    check_choice("directed", directed, (None, True, False))
    check_encoding("encoding", encoding, allow_none=True)
    doc = parse_xml(path, kind="GraphML", encoding=encoding)
    q = _namespace(doc)
    issues: list[dict] = list(doc.issues)
    declared = _declared(doc, q, issues)
    graph = _first_graph(doc, q, issues)
    values = _Values(declared, {k.get("id") for k in doc.root.findall(f"{q}key")}, q, doc)
    nodes = _read_nodes(doc, graph, q, values, issues)
    edges = [_edge(element, values, doc) for element in graph.iter(f"{q}edge")]
    hyper = list(graph.iter(f"{q}hyperedge"))
    if hyper:
        issues.append(issue_record(
            "graphml-hyperedges", f"{len(hyper)} hyperedge(s) are not read", file=doc.file,
            table="ties", row=doc.line(hyper[0])))
    node_columns = list(declared.order["node"])
    if any(GROUP_COLUMN in n.data for n in nodes) and GROUP_COLUMN not in node_columns:
        node_columns.append(GROUP_COLUMN)
    g = GraphFile(doc.file, "GraphML", node_columns, declared.order["edge"],
                  nodes, edges,
                  (graph.get("edgedefault") or "undirected").lower() == "directed",
                  read_fragment(doc), issues=issues, line=doc.line(graph))
    return build_map(g, sector_field=sector_field, directed=directed, taxonomy=taxonomy,
                     waves=waves, name=name, default_sector=default_sector)


def _namespace(doc: XmlDocument) -> str:
    """The namespace prefix of the document's tags; FileFormatError if not GraphML."""
    root = doc.root
    if local(root.tag) != "graphml":
        hint = ("read it with netmap.read_gexf" if local(root.tag) == "gexf"
                else "save the network as GraphML")
        raise FileFormatError(f"not a GraphML file: the document is <{local(root.tag)}>",
                              file=doc.file, suggestion=hint)
    ns = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
    return f"{{{ns}}}" if ns else ""


def _declared(doc: XmlDocument, q: str, issues: list[dict]) -> Declared:
    """The keys the file declares, noting those that hold yFiles graphics (not read)."""
    declared = Declared()
    skipped = []
    for key in doc.root.findall(f"{q}key"):
        ident = key.get("id") or ""
        name = key.get("attr.name") or ident
        if any(a.startswith("yfiles") for a in key.attrib):
            skipped.append(name)
            continue
        where = key.get("for", "all")
        default = key.find(f"{q}default")
        for cls in (("node", "edge", "graph") if where == "all" else (where,)):
            if cls in declared.names:
                declared.add(cls, ident, name, default.text if default is not None else None)
    if skipped:
        issues.append(issue_record(
            "graphml-key-skipped", "keys holding yFiles graphics are not read (but the "
            "labels yEd draws on nodes): "
            + ", ".join(skipped), severity="note", file=doc.file))
    return declared


def _first_graph(doc: XmlDocument, q: str, issues: list[dict]) -> ET.Element:
    """The file's first ``<graph>``, noting when there are more."""
    graphs = doc.root.findall(f"{q}graph")
    if not graphs:
        raise FileFormatError("the GraphML file has no <graph> element", file=doc.file,
                              suggestion="save the network as GraphML again")
    if len(graphs) > 1:
        issues.append(issue_record(
            "graphml-graphs", f"the file holds {len(graphs)} graphs; only the first is "
            "read", file=doc.file, row=doc.line(graphs[1])))
    return graphs[0]


class _Values:
    """Reads an element's ``<data>`` by key name, the declared defaults first."""

    def __init__(self, declared: Declared, ids: set, q: str, doc: XmlDocument) -> None:
        self.declared, self.ids, self.q, self.doc = declared, ids, q, doc

    def of(self, element: ET.Element, cls: str) -> dict:
        """The values of a node (``cls="node"``) or an edge."""
        keys = self.declared.names[cls]
        values: dict = dict(self.declared.defaults[cls])
        for d in element.findall(f"{self.q}data"):
            ident = d.get("key")
            if ident in keys:
                values[keys[ident]] = d.text
            elif ident not in self.ids:
                raise ValidationError([FileFormatError(
                    f"a <data> element names key '{ident}', which is not declared",
                    file=self.doc.file, row=self.doc.line(d), value=ident,
                    suggestion="declare the key, or save the file again")])
            # else yFiles graphics, or a key declared for another element
        return values


def _read_nodes(doc: XmlDocument, graph: ET.Element, q: str, values: _Values,
                issues: list[dict]) -> list[Node]:
    """The graph's nodes, those of nested graphs (yEd's groups) included.

    A node inside a nested graph gets the id of the node that holds the
    graph (the group) in the column ``group``; a label drawn by yEd
    (``y:NodeLabel``) is read as the node's label. Ports are noted, not
    read.
    """
    nodes: list[Node] = []

    def read(holder: ET.Element, group: str | None) -> None:
        for element in holder.findall(f"{q}node"):
            ident = node_id(element, doc)
            data = values.of(element, "node")
            if group is not None:
                data.setdefault(GROUP_COLUMN, group)
            nodes.append(Node(ident, _drawn_label(element, q), data, doc.line(element)))
            if element.find(f"{q}port") is not None:
                issues.append(issue_record(
                    "graphml-ports", "the ports of a node are not read", severity="note",
                    file=doc.file, table="actors", row=doc.line(element), value=ident))
            for inner in element.findall(f"{q}graph"):
                read(inner, ident)

    read(graph, None)
    nested = sum(GROUP_COLUMN in n.data for n in nodes)
    if nested:
        issues.append(issue_record(
            "graphml-nested", f"{nested} node(s) of nested graphs (groups) are read as "
            f"actors, with the id of their group in the column '{GROUP_COLUMN}'",
            severity="note", file=doc.file, table="actors"))
    return nodes


#: The actor column that names the group (the node holding a nested graph) of a node.
GROUP_COLUMN = "group"


def _drawn_label(element: ET.Element, q: str) -> str | None:
    """The text of the first label yEd draws on a node (``y:NodeLabel``), if any."""
    for data in element.findall(f"{q}data"):
        for child in data.iter():
            if local(child.tag) == "NodeLabel":
                text = (child.text or "").strip()
                if text:
                    return text
    return None


def _edge(element: ET.Element, values: _Values, doc: XmlDocument) -> Edge:
    """One edge, its direction from its ``directed`` flag when it has one."""
    source, target = edge_ends(element, doc)
    flag = element.get("directed")
    direction = DIRECTIONS.get(label_key(flag)) if flag else None
    return Edge(source, target, direction, values.of(element, "edge"), doc.line(element))
