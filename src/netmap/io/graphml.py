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

from typing import TYPE_CHECKING

from netmap.io._exchange import DIRECTIONS, issue_record, text_cells
from netmap.io._graphfile import (
    Edge,
    GraphFile,
    Node,
    build_map,
    node_sizes,
    writable_tables,
    xml_type,
)
from netmap.io._settings import settings_rows
from netmap.io._xml import attr, fragment, local, parse_xml, read_fragment
from netmap.model._labels import label_key
from netmap.model.exceptions import FileFormatError, ValidationError
from netmap.model.palette import hex_to_rgb, sector_colors
from netmap.model.sectors import SectorTaxonomy

if TYPE_CHECKING:
    from netmap.model.stakeholder_map import StakeholderMap

__all__ = ["read_graphml", "write_graphml"]

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
_DISPLAY = ("label", "r", "g", "b", "size")


def write_graphml(m: StakeholderMap, path, *, size: str | None = "degree") -> None:
    """Write a map as a GraphML file, with sector colours and sizes for Gephi.

    Nodes are the actors, with every actor column as a key; edges are the
    ties, with every tie column. For Gephi, the node keys ``label`` (the
    name, or else the id), ``r``, ``g``, ``b`` (the sector's colour,
    :func:`netmap.model.palette.sector_colors`) and ``size`` are added, except
    those an actor column already takes. The memberships, bodies and
    activities and the map's settings travel in a ``<netmap:map>`` element;
    :func:`read_graphml` reads everything back to an equal map, without
    the keys that were only for show.

    Parameters
    ----------
    m : StakeholderMap
        The map.
    path : path-like
        The ``.graphml`` file to write (replaced if it exists).
    size : str or None, default "degree"
        What node sizes show: ``"degree"``, a numeric actor column, or None
        (see :func:`netmap.io.gexf.write_gexf`).

    Raises
    ------
    netmap.InvalidValueError
        When a value holds a control character, which XML cannot hold.

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
    taken = {str(c) for c in node_cols}
    sizes = node_sizes(m, size)
    display = [d for d in _DISPLAY if d not in taken and not (d == "size" and sizes is None)]
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<graphml xmlns="{GRAPHML_NS}" '
           'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
           f'xsi:schemaLocation="{GRAPHML_NS} {GRAPHML_NS}/1.0/graphml.xsd">']
    for i, c in enumerate(node_cols):
        out.append(f'  <key id="n{i}" for="node" attr.name="{attr(str(c))}" '
                   f'attr.type="{xml_type(actors[c])}"/>')
    types = {"label": "string", "r": "int", "g": "int", "b": "int", "size": "double"}
    for d in display:
        out.append(f'  <key id="v_{d}" for="node" attr.name="{d}" attr.type="{types[d]}"/>')
    for i, c in enumerate(edge_cols):
        out.append(f'  <key id="e{i}" for="edge" attr.name="{attr(str(c))}" '
                   f'attr.type="{xml_type(ties[c])}"/>')
    out.append(f'  <graph id="G" edgedefault="{"directed" if m.directed else "undirected"}">')
    ids = text_cells(actors["id"])
    labels = text_cells(actors["name"]) if "name" in actors else ids
    columns = [text_cells(actors[c]) for c in node_cols]
    colors = {code: hex_to_rgb(c) for code, c in sector_colors(m.taxonomy).items()}
    sectors = actors["sector"].astype(str).tolist()
    for k, node_id in enumerate(ids):
        data = [f'<data key="n{i}">{attr(col[k])}</data>'
                for i, col in enumerate(columns) if col[k] is not None]
        shown = {"label": labels[k] if labels[k] is not None else node_id,
                 "size": None if sizes is None else repr(float(sizes[k]))}
        shown.update(zip("rgb", map(str, colors[sectors[k]]), strict=True))
        data += [f'<data key="v_{d}">{attr(shown[d])}</data>' for d in display]
        out.append(f'    <node id="{attr(node_id)}">{"".join(data)}</node>')
    sources, targets = text_cells(ties["source"]), text_cells(ties["target"])
    columns = [text_cells(ties[c]) for c in edge_cols]
    for k in range(len(ties)):
        data = "".join(f'<data key="e{i}">{attr(col[k])}</data>'
                       for i, col in enumerate(columns) if col[k] is not None)
        out.append(f'    <edge id="e{k}" source="{attr(sources[k])}" '
                   f'target="{attr(targets[k])}">{data}</edge>')
    out.append("  </graph>")
    settings = settings_rows(m)[1:] + [["display", " ".join(display)]]
    out.extend(fragment(
        settings, {"actors": list(actors.columns), "ties": list(ties.columns)},
        {t: (list(f.columns), [list(r) for r in zip(*(text_cells(f[c]) for c in f.columns),
                                                    strict=True)])
         for t, f in frames.items()}))
    out.append("</graphml>")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(out))
        f.write("\n")


def read_graphml(
    path,
    *,
    sector: str = "sector",
    directed: bool | None = None,
    taxonomy: SectorTaxonomy | None = None,
    waves=None,
    name: str | None = None,
):
    """Read a map from a GraphML file, safely.

    A file written by :func:`write_graphml` reads back to an equal map.
    From any other GraphML file, nodes become actors and edges ties; every
    node and edge key becomes a column (a key without ``attr.name`` is
    named by its id; defaults declared for a key are applied); the key
    named by ``sector`` gives each actor's sector. Keys that hold yFiles
    graphics, nested graphs, hyperedges and ports are not read (noted in
    the map's ``issues``); of several graphs, the first is read.

    The file is parsed without expanding XML entities (defusedxml): a
    hostile file (an entity bomb, an external entity) is refused.

    Parameters
    ----------
    path : path-like
        The ``.graphml`` file.
    sector : str, default "sector"
        The node key that holds the sector label.
    directed : bool, optional
        Default: as the file says (``edgedefault``, and each edge's
        ``directed``); see :func:`netmap.io.gexf.read_gexf` for mixed
        directions.
    taxonomy, waves, name
        As for :func:`netmap.read_csv`.

    Returns
    -------
    StakeholderMap

    Raises
    ------
    netmap.FileFormatError
        When the file cannot be read, is not well-formed XML (truncated,
        damaged), declares entities, or is not GraphML.
    netmap.ValidationError
        With every problem in the values, each naming the file, the line and
        the key.

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
    doc = parse_xml(path, kind="GraphML")
    file, root = doc.file, doc.root
    ns = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
    if local(root.tag) != "graphml":
        hint = ("read it with netmap.read_gexf" if local(root.tag) == "gexf"
                else "save the network as GraphML")
        raise FileFormatError(f"not a GraphML file: the document is <{local(root.tag)}>",
                              file=file, suggestion=hint)
    q = f"{{{ns}}}" if ns else ""
    issues: list[dict] = []
    keys = {"node": {}, "edge": {}, "graph": {}}
    defaults = {"node": {}, "edge": {}}
    order = {"node": [], "edge": []}
    skipped = []
    for key in root.findall(f"{q}key"):
        kid = key.get("id")
        name_ = key.get("attr.name") or kid
        if any(a.startswith("yfiles") for a in key.attrib):
            skipped.append(name_)
            continue
        where = key.get("for", "all")
        for cls in (("node", "edge", "graph") if where == "all" else (where,)):
            if cls not in keys:
                continue
            keys[cls][kid] = name_
            if cls in order and name_ not in order[cls]:
                order[cls].append(name_)
            default = key.find(f"{q}default")
            if cls in defaults and default is not None and default.text is not None:
                defaults[cls][name_] = default.text
    if skipped:
        issues.append(issue_record(
            "graphml-key-skipped", "keys holding yFiles graphics are not read: "
            + ", ".join(skipped), severity="note", file=file))
    declared = {k.get("id") for k in root.findall(f"{q}key")}
    graphs = root.findall(f"{q}graph")
    if not graphs:
        raise FileFormatError("the GraphML file has no <graph> element", file=file,
                              suggestion="save the network as GraphML again")
    if len(graphs) > 1:
        issues.append(issue_record(
            "graphml-graphs", f"the file holds {len(graphs)} graphs; only the first is "
            "read", file=file, row=doc.line(graphs[1])))
    graph = graphs[0]
    default_directed = (graph.get("edgedefault") or "undirected").lower() == "directed"

    def values_of(element, cls) -> dict:
        values = dict(defaults[cls])
        for d in element.findall(f"{q}data"):
            kid = d.get("key")
            if kid not in keys[cls]:
                if kid in declared:
                    continue  # yFiles graphics, or a key declared for another element
                raise ValidationError([FileFormatError(
                    f"a <data> element names key '{kid}', which is not declared",
                    file=file, row=doc.line(d), value=kid,
                    suggestion="declare the key, or save the file again")])
            values[keys[cls][kid]] = d.text
        return values

    nodes, edges = [], []
    for element in graph.findall(f"{q}node"):
        if element.find(f"{q}graph") is not None or element.find(f"{q}port") is not None:
            issues.append(issue_record(
                "graphml-nested", "a nested graph or a port inside a node is not read",
                file=file, table="actors", row=doc.line(element), value=element.get("id")))
        node_id = element.get("id")
        if node_id is None:
            raise ValidationError([FileFormatError(
                "a node has no id", file=file, row=doc.line(element),
                suggestion="give every <node> an id")])
        nodes.append(Node(node_id, None, values_of(element, "node"), doc.line(element)))
    for element in graph.findall(f"{q}edge"):
        source, target = element.get("source"), element.get("target")
        if source is None or target is None:
            raise ValidationError([FileFormatError(
                "an edge lacks its source or target", file=file, row=doc.line(element),
                suggestion="give every <edge> a source and a target")])
        flag = element.get("directed")
        direction = DIRECTIONS.get(label_key(flag)) if flag else None
        edges.append(Edge(source, target, direction, values_of(element, "edge"),
                          doc.line(element)))
    hyper = graph.findall(f"{q}hyperedge")
    if hyper:
        issues.append(issue_record(
            "graphml-hyperedges", f"{len(hyper)} hyperedge(s) are not read", file=file,
            table="ties", row=doc.line(hyper[0])))
    g = GraphFile(file, "GraphML", order["node"], order["edge"], nodes, edges,
                  default_directed, read_fragment(doc), issues=issues,
                  line=doc.line(graph))
    return build_map(g, sector=sector, directed=directed, taxonomy=taxonomy, waves=waves,
                     name=name)

