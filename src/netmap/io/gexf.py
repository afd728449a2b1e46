"""Reading and writing maps as GEXF, Gephi's format, coloured by sector.

The writer gives every actor its sector's colour and a size (by degree, or
a chosen column) as GEXF visual attributes, so that the map opens in Gephi
already coloured, and carries every actor and tie column as a GEXF
attribute. The memberships, bodies and activities, and the map's settings
(direction, title, wave order), travel in a ``<netmap:map>`` element at
the end of the file, which Gephi and networkx skip (see
``netmap.io._xml``): a map written by netmap reads back equal. Gephi
shows the actors and ties only; if Gephi saves the file again, the
``<netmap:map>`` element, and with it the memberships, bodies and
activities, is not kept.
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
from netmap.io._xml import attr, fragment, local, parse_xml, read_fragment, text
from netmap.model._labels import label_key
from netmap.model.exceptions import FileFormatError, ValidationError
from netmap.model.palette import hex_to_rgb, sector_colors
from netmap.model.sectors import SectorTaxonomy

if TYPE_CHECKING:
    from netmap.model.stakeholder_map import StakeholderMap

__all__ = ["read_gexf", "write_gexf"]

GEXF_NS = "http://www.gexf.net/1.2draft"
VIZ_NS = "http://www.gexf.net/1.2draft/viz"
_KNOWN_NS = ("http://www.gexf.net/1.1draft", "http://www.gexf.net/1.2draft",
             "http://gexf.net/1.2", "http://gexf.net/1.3", "http://www.gexf.net/1.3",
             "http://gexf.net/1.3draft", "http://www.gexf.net/1.3draft", "")


def write_gexf(m: StakeholderMap, path, *, size: str | None = "degree") -> None:
    """Write a map as a GEXF file that opens in Gephi coloured by sector.

    Nodes are the actors (id, label: the name or else the id), with every
    actor column as a GEXF attribute, their sector's colour
    (:func:`netmap.model.palette.sector_colors`) and a size as visual
    attributes. Edges are the ties, with their weight and every other tie
    column as an attribute. The memberships, bodies and activities, and the
    map's settings, travel in a ``<netmap:map>`` element that Gephi and
    networkx skip; :func:`read_gexf` reads it all back to an equal map.

    Parameters
    ----------
    m : StakeholderMap
        The map.
    path : path-like
        The ``.gexf`` file to write (replaced if it exists).
    size : str or None, default "degree"
        What node sizes show: ``"degree"`` (number of ties), a numeric
        actor column, or None for no sizes. Sizes run from 5 to 30, the
        area following the value.

    Raises
    ------
    netmap.InvalidValueError
        When a value holds a control character, which XML cannot hold.

    Notes
    -----
    GEXF 1.2 is written, which Gephi 0.9 and later and networkx read. Waves
    travel as the ``wave`` and ``until`` attributes, not as GEXF time
    intervals. The ``core`` and ``tie_class`` columns are computed by
    netmap and not written.

    Examples
    --------
    >>> import netmap, networkx as nx, tempfile, pathlib
    >>> m = netmap.datasets.load_2x5()
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "2x5.gexf"
    >>> m.to_gexf(path)
    >>> netmap.read_gexf(path).equals(m)
    True
    >>> nx.read_gexf(path).nodes["moe"]["viz"]["color"]
    {'r': 0, 'g': 114, 'b': 178, 'a': 1.0}
    """
    frames = writable_tables(m)
    actors, ties = frames.pop("actors"), frames.pop("ties")
    colors = {code: hex_to_rgb(c) for code, c in sector_colors(m.taxonomy).items()}
    sizes = node_sizes(m, size)
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<gexf xmlns="{GEXF_NS}" xmlns:viz="{VIZ_NS}" version="1.2">',
           "  <meta>", f"    <creator>netmap {_version()}</creator>"]
    if m.name:
        out.append(f"    <description>{text(m.name)}</description>")
    out.append("  </meta>")
    out.append(f'  <graph defaultedgetype="{"directed" if m.directed else "undirected"}" '
               'mode="static">')
    node_cols = [c for c in actors.columns if c != "id"]
    edge_cols = [c for c in ties.columns if c not in ("source", "target", "weight")]
    for cls, frame, cols in (("node", actors, node_cols), ("edge", ties, edge_cols)):
        out.append(f'    <attributes class="{cls}" mode="static">')
        out.extend(f'      <attribute id="{i}" title="{attr(str(c))}" '
                   f'type="{xml_type(frame[c])}"/>' for i, c in enumerate(cols))
        out.append("    </attributes>")

    out.append("    <nodes>")
    ids = text_cells(actors["id"])
    labels = text_cells(actors["name"]) if "name" in actors else ids
    columns = [text_cells(actors[c]) for c in node_cols]
    sectors = actors["sector"].astype(str).tolist()
    for k, node_id in enumerate(ids):
        label = labels[k] if labels[k] is not None else node_id
        out.append(f'      <node id="{attr(node_id)}" label="{attr(label)}">')
        values = [f'<attvalue for="{i}" value="{attr(col[k])}"/>'
                  for i, col in enumerate(columns) if col[k] is not None]
        if values:
            out.append(f"        <attvalues>{''.join(values)}</attvalues>")
        r, g, b = colors[sectors[k]]
        out.append(f'        <viz:color r="{r}" g="{g}" b="{b}" a="1.0"/>')
        if sizes is not None:
            out.append(f'        <viz:size value="{float(sizes[k])!r}"/>')
        out.append("      </node>")
    out.append("    </nodes>")

    out.append("    <edges>")
    sources, targets = text_cells(ties["source"]), text_cells(ties["target"])
    weights = text_cells(ties["weight"])
    columns = [text_cells(ties[c]) for c in edge_cols]
    for k in range(len(ties)):
        values = "".join(f'<attvalue for="{i}" value="{attr(col[k])}"/>'
                         for i, col in enumerate(columns) if col[k] is not None)
        head = (f'      <edge id="{k}" source="{attr(sources[k])}" '
                f'target="{attr(targets[k])}" weight="{weights[k]}"')
        out.append(f"{head}><attvalues>{values}</attvalues></edge>" if values
                   else f"{head}/>")
    out.append("    </edges>")
    out.append("  </graph>")
    out.extend(fragment(
        settings_rows(m)[1:], {"actors": list(actors.columns), "ties": list(ties.columns)},
        {t: (list(f.columns), [list(r) for r in zip(*(text_cells(f[c]) for c in f.columns),
                                                    strict=True)])
         for t, f in frames.items()}))
    out.append("</gexf>")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(out))
        f.write("\n")


def _version() -> str:
    from netmap._version import __version__

    return __version__


def read_gexf(
    path,
    *,
    sector: str = "sector",
    directed: bool | None = None,
    taxonomy: SectorTaxonomy | None = None,
    waves=None,
    name: str | None = None,
):
    """Read a map from a GEXF file (Gephi's format), safely.

    A file written by :func:`write_gexf` reads back to an equal map,
    memberships, bodies and activities included. From any other GEXF file
    (saved by Gephi, networkx ...), nodes become actors (the node id their
    id, the label their name), edges become ties (the edge weight their
    weight), and every attribute a column; the attribute named by
    ``sector`` gives each actor's sector, through the taxonomy. Visual
    attributes (colour, size, position) are not read.

    The file is parsed without expanding XML entities (defusedxml): a
    hostile file (an entity bomb, an external entity) is refused.

    Parameters
    ----------
    path : path-like
        The ``.gexf`` file.
    sector : str, default "sector"
        The node attribute that holds the sector label.
    directed : bool, optional
        Default: as the file says (``defaultedgetype``, and each edge's
        ``type``): directed when any edge is. In a directed map an
        undirected or mutual edge is read as two opposite ties; in an
        undirected one a directed edge loses its direction; both are
        warned and listed in the map's ``issues``.
    taxonomy : SectorTaxonomy, optional
        The sector taxonomy (default: the built-in one).
    waves : sequence, optional
        The order of wave labels that have no natural order.
    name : str, optional
        A title for the map; default: the one netmap wrote, else the
        file's description.

    Returns
    -------
    StakeholderMap

    Raises
    ------
    netmap.FileFormatError
        When the file cannot be read, is not well-formed XML (truncated,
        damaged), declares entities, or is not GEXF.
    netmap.ValidationError
        With every problem in the values (an unknown sector, an edge to a
        node that does not exist ...), each naming the file, the line and
        the attribute.

    Examples
    --------
    >>> import netmap, networkx as nx, tempfile, pathlib
    >>> G = nx.Graph()
    >>> G.add_node("moe", sector="ממשלה", label="משרד החינוך")
    >>> G.add_node("ngo", sector="עמותה")
    >>> G.add_edge("moe", "ngo", weight=2.0)
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "g.gexf"
    >>> nx.write_gexf(G, path)
    >>> m = netmap.read_gexf(path)
    >>> m.actors[["name", "sector"]].to_numpy().tolist()
    [['משרד החינוך', 'public'], ['ngo', 'third']]
    """
    doc = parse_xml(path, kind="GEXF")
    file = doc.file
    root = doc.root
    ns = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
    if local(root.tag) != "gexf" or ns not in _KNOWN_NS:
        hint = ("read it with netmap.read_graphml" if local(root.tag) == "graphml"
                else "export the network from Gephi as GEXF")
        raise FileFormatError(f"not a GEXF file: the document is <{local(root.tag)}> in "
                              f"namespace '{ns}'", file=file, suggestion=hint)
    q = f"{{{ns}}}" if ns else ""
    graph = root.find(f"{q}graph")
    if graph is None:
        raise FileFormatError("the GEXF file has no <graph> element", file=file,
                              suggestion="export the network from Gephi again")
    default_directed = (graph.get("defaultedgetype") or "undirected").lower() == "directed"
    issues: list[dict] = []
    attributes = {"node": {}, "edge": {}}
    defaults = {"node": {}, "edge": {}}
    order = {"node": [], "edge": []}
    for block in graph.findall(f"{q}attributes"):
        cls = block.get("class")
        if cls not in attributes:
            continue
        for a in block.findall(f"{q}attribute"):
            title = a.get("title") or a.get("id")
            attributes[cls][a.get("id")] = title
            if title not in order[cls]:
                order[cls].append(title)
            default = a.find(f"{q}default")
            if default is not None and default.text is not None:
                defaults[cls][title] = default.text

    def values_of(element, cls) -> dict:
        values = dict(defaults[cls])
        holder = element.find(f"{q}attvalues")
        if holder is None:
            return values
        for v in holder.findall(f"{q}attvalue"):
            key = v.get("for") if v.get("for") is not None else v.get("id")
            title = attributes[cls].get(key)
            if title is None:
                raise ValidationError([FileFormatError(
                    f"an attribute value names attribute '{key}', which is not declared",
                    file=file, row=doc.line(v), value=key,
                    suggestion="declare it in <attributes>, or export the file again")])
            values[title] = v.get("value")
        return values

    nodes = []
    holder = graph.find(f"{q}nodes")
    for element in (holder.findall(f"{q}node") if holder is not None else []):
        node_id = element.get("id")
        if node_id is None:
            raise ValidationError([FileFormatError(
                "a node has no id", file=file, row=doc.line(element),
                suggestion="give every <node> an id")])
        nodes.append(Node(node_id, element.get("label"), values_of(element, "node"),
                          doc.line(element)))
        if element.find(f"{q}nodes") is not None:
            issues.append(issue_record(
                "nested-nodes", "nodes nested inside a node (a hierarchy) are not read",
                file=file, table="actors", row=doc.line(element), value=node_id))
    fragment_ = read_fragment(doc)
    if fragment_ is None and holder is not None and any(
            local(child.tag) in ("color", "size", "position", "shape")
            for node in holder.findall(f"{q}node")[:1] for child in node):
        issues.append(issue_record(
            "gexf-viz-not-read", "visual attributes (colour, size, position) are not "
            "read: netmap colours by sector", severity="note", file=file))
    edges = []
    holder = graph.find(f"{q}edges")
    labels = False
    weights = False
    for element in (holder.findall(f"{q}edge") if holder is not None else []):
        source, target = element.get("source"), element.get("target")
        if source is None or target is None:
            raise ValidationError([FileFormatError(
                "an edge lacks its source or target", file=file, row=doc.line(element),
                suggestion="give every <edge> a source and a target")])
        values = values_of(element, "edge")
        if element.get("weight") is not None:
            weights = True
        values["weight"] = element.get("weight") or values.get("weight") or "1.0"
        if element.get("label") is not None:
            labels = True
            values.setdefault("label", element.get("label"))
        kind = element.get("type")
        direction = DIRECTIONS.get(label_key(kind)) if kind else None
        edges.append(Edge(source, target, direction, values, doc.line(element)))
    edge_columns = list(order["edge"])
    if weights and "weight" not in edge_columns:
        edge_columns.insert(0, "weight")
    if labels and "label" not in edge_columns:
        edge_columns.append("label")
    meta = root.find(f"{q}meta")
    description = meta.find(f"{q}description") if meta is not None else None
    title = (description.text or "").strip() or None if description is not None else None
    g = GraphFile(file, "GEXF", order["node"], edge_columns, nodes, edges,
                  default_directed, fragment_, title=title, issues=issues,
                  line=doc.line(graph))
    return build_map(g, sector=sector, directed=directed, taxonomy=taxonomy, waves=waves,
                     name=name)
