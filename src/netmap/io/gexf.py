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
    networkx skip; :func:`netmap.read_gexf` reads it all back to an equal map.

    Parameters
    ----------
    m : StakeholderMap
        The map.
    path : path-like
        The ``.gexf`` file to write (replaced if it exists, only once the
        new file is written whole).
    size : str or None, default "degree"
        What node sizes show: ``"degree"`` (number of ties), a numeric
        actor column, or None for no sizes. Sizes run from 5 to 30, the
        area following the value.

    Raises
    ------
    netmap.InvalidValueError
        When a value holds a control character, which XML cannot hold.
    netmap.ParameterError
        When ``size`` is not "degree", None or a column of the actors, or
        its column holds infinite values.

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
    sizes = node_sizes(m, size)
    with atomic_open(path, "wb") as f:
        w = XmlWriter(f)
        with w.element("gexf", {"xmlns": GEXF_NS, "xmlns:viz": VIZ_NS, "version": "1.2"}):
            with w.element("meta"):
                w.leaf("creator", text=f"netmap {_version()}")
                if m.name:
                    w.leaf("description", text=m.name)
            edge_type = "directed" if m.directed else "undirected"
            with w.element("graph", {"defaultedgetype": edge_type, "mode": "static"}):
                node_cols = [c for c in actors.columns if c != "id"]
                edge_cols = [c for c in ties.columns
                             if c not in ("source", "target", "weight")]
                _write_declarations(w, "node", actors, node_cols)
                _write_declarations(w, "edge", ties, edge_cols)
                _write_nodes(w, actors, node_cols, sector_colors(m.taxonomy), sizes)
                _write_edges(w, ties, edge_cols)
            write_netmap_tables(w, settings_rows(m)[1:], actors, ties, frames)
        w.close()


def _write_declarations(w: XmlWriter, cls: str, frame: pd.DataFrame,
                        columns: list[str]) -> None:
    """The ``<attributes>`` block: one attribute per column, numbered in order."""
    with w.element("attributes", {"class": cls, "mode": "static"}):
        for i, c in enumerate(columns):
            w.leaf("attribute", {"id": str(i), "title": str(c), "type": xml_type(frame[c])})


def _write_attvalues(w: XmlWriter, columns: list[list], k: int) -> None:
    """Row ``k``'s values of the declared attributes, missing ones left out."""
    values = [(i, col[k]) for i, col in enumerate(columns) if col[k] is not None]
    if values:
        with w.element("attvalues", inline=True):
            for i, value in values:
                w.leaf("attvalue", {"for": str(i), "value": value})


def _write_nodes(w: XmlWriter, actors: pd.DataFrame, columns: list[str],
                 colors: dict[str, str], sizes: np.ndarray | None) -> None:
    """The actors as nodes with their attributes, sector colour and size."""
    ids = text_cells(actors["id"])
    labels = text_cells(actors["name"]) if "name" in actors else ids
    cells = [text_cells(actors[c]) for c in columns]
    rgb = {code: hex_to_rgb(c) for code, c in colors.items()}
    sectors = actors["sector"].astype(str).tolist()
    with w.element("nodes"):
        for k, ident in enumerate(ids):
            label = labels[k] if labels[k] is not None else ident
            with w.element("node", {"id": ident, "label": label}):
                _write_attvalues(w, cells, k)
                r, g, b = rgb[sectors[k]]
                w.leaf("viz:color", {"r": str(r), "g": str(g), "b": str(b), "a": "1.0"})
                if sizes is not None:
                    w.leaf("viz:size", {"value": repr(float(sizes[k]))})


def _write_edges(w: XmlWriter, ties: pd.DataFrame, columns: list[str]) -> None:
    """The ties as edges with their weight and attributes."""
    sources, targets = text_cells(ties["source"]), text_cells(ties["target"])
    weights = text_cells(ties["weight"])
    cells = [text_cells(ties[c]) for c in columns]
    with w.element("edges"):
        for k in range(len(ties)):
            with w.element("edge", {"id": str(k), "source": sources[k],
                                    "target": targets[k], "weight": weights[k]},
                           inline=True):
                _write_attvalues(w, cells, k)


def _version() -> str:
    from netmap._version import __version__

    return __version__


def read_gexf(
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
    """Read a map from a GEXF file (Gephi's format), safely.

    A file written by :func:`netmap.io.write_gexf` reads back to an equal map,
    memberships, bodies and activities included. From any other GEXF file
    (saved by Gephi, networkx ...), nodes become actors (the node id their
    id, the label their name), edges become ties (the edge weight their
    weight), and every attribute a column; the attribute named by
    ``sector_field`` gives each actor's sector, through the taxonomy. Visual
    attributes (colour, size, position) are not read.

    The file is parsed without expanding XML entities (defusedxml): a
    hostile file (an entity bomb, an external entity) is refused.

    Parameters
    ----------
    path : path-like
        The ``.gexf`` file.
    sector_field : str, default "sector"
        The node attribute that holds the sector label.
    default_sector : str, optional
        The sector of every actor whose node has no sector (a file of
        Gephi, yEd or networkx made without one): a sector label of the
        taxonomy (``"third"``, ``"עמותה"`` ...). How many actors took it is
        noted in the map's ``issues`` (code ``default-sector``). Default:
        such a node is an error.
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
    encoding : str, optional
        The encoding of a file that declares none (no byte-order mark and
        no ``encoding`` in its ``<?xml ...?>`` line), which XML otherwise
        reads as UTF-8. A file that declares its encoding is read in it,
        as XML says; when that is not ``encoding``, the map's ``issues``
        hold a warning (code ``encoding-declared``) naming the file and
        the encoding it was read in.

    Returns
    -------
    StakeholderMap

    Raises
    ------
    netmap.FileFormatError
        When the file cannot be read, is not well-formed XML (truncated,
        damaged), declares entities, or is not GEXF; when it declares no
        encoding and holds bytes ``encoding`` cannot read (naming the line).
    netmap.ValidationError
        With every problem in the values (an unknown sector, an edge to a
        node that does not exist ...), each naming the file, the line and
        the attribute.
    netmap.ParameterError
        When ``directed`` is not True, False or None, ``default_sector``
        is not a sector of the taxonomy, or ``encoding`` is not an encoding
        Python knows.

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
    check_choice("directed", directed, (None, True, False))
    check_encoding("encoding", encoding, allow_none=True)
    doc = parse_xml(path, kind="GEXF", encoding=encoding)
    q, graph = _graph(doc)
    declared = _declared(graph, q)
    fragment = read_fragment(doc)
    issues: list[dict] = list(doc.issues)
    time = _Time(graph.get("timeformat") or "double")
    nodes = _read_nodes(doc, graph, q, declared, issues, time)
    if fragment is None and _has_viz(graph, q):
        issues.append(issue_record(
            "gexf-viz-not-read", "visual attributes (colour, size, position) are not "
            "read: netmap colours by sector", severity="note", file=doc.file))
    edges, edge_columns = _read_edges(doc, graph, q, declared, time)
    issues.extend(time.issues(doc.file))
    when = [f"{k}={graph.get(k)}" for k in ("timestamp", "start", "end") if graph.get(k)]
    if when:
        issues.append(issue_record(
            "gexf-slice", f"the graph is a slice of a dynamic network ({', '.join(when)}); "
            "read as the network of that time", severity="note", file=doc.file,
            row=doc.line(graph)))
    node_columns = time.columns("node", declared.order["node"])
    edge_columns = time.columns("edge", edge_columns)
    g = GraphFile(doc.file, "GEXF", node_columns, edge_columns, nodes, edges,
                  (graph.get("defaultedgetype") or "undirected").lower() == "directed",
                  fragment, title=_description(doc.root, q), issues=issues,
                  line=doc.line(graph))
    return build_map(g, sector_field=sector_field, directed=directed, taxonomy=taxonomy,
                     waves=waves, name=name, default_sector=default_sector)


def _graph(doc: XmlDocument) -> tuple[str, ET.Element]:
    """The namespace prefix of the document's tags, and its ``<graph>``.

    Raises FileFormatError when the document is not GEXF or has no graph.
    """
    root = doc.root
    ns = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
    if local(root.tag) != "gexf" or ns not in _KNOWN_NS:
        hint = ("read it with netmap.read_graphml" if local(root.tag) == "graphml"
                else "export the network from Gephi as GEXF")
        raise FileFormatError(f"not a GEXF file: the document is <{local(root.tag)}> in "
                              f"namespace '{ns}'", file=doc.file, suggestion=hint)
    q = f"{{{ns}}}" if ns else ""
    graph = root.find(f"{q}graph")
    if graph is None:
        raise FileFormatError("the GEXF file has no <graph> element", file=doc.file,
                              suggestion="export the network from Gephi again")
    return q, graph


def _declared(graph: ET.Element, q: str) -> Declared:
    """The node and edge attributes the ``<attributes>`` blocks declare."""
    declared = Declared()
    for block in graph.findall(f"{q}attributes"):
        cls = block.get("class")
        if cls not in ("node", "edge"):
            continue
        for a in block.findall(f"{q}attribute"):
            ident = a.get("id") or ""
            default = a.find(f"{q}default")
            declared.add(cls, ident, a.get("title") or ident,
                         default.text if default is not None else None)
    return declared


def _values(element: ET.Element, cls: str, declared: Declared, q: str,
            doc: XmlDocument, time: _Time) -> dict:
    """An element's attribute values by title, defaults first.

    Of a dynamic attribute's values (each for a time interval), the one of
    the latest interval is kept; ``time`` notes where they differed.
    """
    values: dict = dict(declared.defaults[cls])
    holder = element.find(f"{q}attvalues")
    if holder is None:
        holder = element  # GEXF written without <attvalues> around them (Gephi's tests)
    timed: dict[str, list[tuple]] = {}
    for v in holder.findall(f"{q}attvalue"):
        key = v.get("for") if v.get("for") is not None else v.get("id")
        title = declared.names[cls].get(key or "")
        if title is None:
            raise ValidationError([FileFormatError(
                f"an attribute value names attribute '{key}', which is not declared",
                file=doc.file, row=doc.line(v), value=key,
                suggestion="declare it in <attributes>, or export the file again")])
        interval = time.interval(v, doc)
        if interval is None:
            values[title] = v.get("value")
        else:
            timed.setdefault(title, []).append((time.key(interval[0], low=True),
                                                v.get("value")))
    for title, spells in timed.items():
        values[title] = max(spells, key=lambda spell: spell[0])[1]
        if len({value for _, value in spells}) > 1:
            time.changed.append((cls, element.get("id") or element.get("source"), title,
                                 doc.line(element)))
    return values


def _read_nodes(doc: XmlDocument, graph: ET.Element, q: str, declared: Declared,
                issues: list[dict], time: _Time) -> list[Node]:
    """The nodes, noting those with nodes nested inside (not read)."""
    holder = graph.find(f"{q}nodes")
    nodes = []
    for element in (holder.findall(f"{q}node") if holder is not None else []):
        ident = node_id(element, doc)
        values = _values(element, "node", declared, q, doc, time)
        time.read_waves(element, "node", values, q, doc)
        nodes.append(Node(ident, element.get("label"), values, doc.line(element)))
        if element.find(f"{q}nodes") is not None:
            issues.append(issue_record(
                "nested-nodes", "nodes nested inside a node (a hierarchy) are not read",
                file=doc.file, table="actors", row=doc.line(element), value=ident))
    return nodes


def _has_viz(graph: ET.Element, q: str) -> bool:
    """Whether the first node carries visual attributes (colour, size ...)."""
    first = graph.find(f"{q}nodes/{q}node")
    return first is not None and any(
        local(child.tag) in ("color", "size", "position", "shape") for child in first)


def _read_edges(doc: XmlDocument, graph: ET.Element, q: str, declared: Declared,
                time: _Time) -> tuple[list[Edge], list[str]]:
    """The edges, and the edge columns: the declared ones, with weight and label if given."""
    holder = graph.find(f"{q}edges")
    edges = []
    weights = labels = False
    for element in (holder.findall(f"{q}edge") if holder is not None else []):
        source, target = edge_ends(element, doc)
        values = _values(element, "edge", declared, q, doc, time)
        time.read_waves(element, "edge", values, q, doc)
        weights |= element.get("weight") is not None
        values["weight"] = element.get("weight") or values.get("weight") or "1.0"
        if element.get("label") is not None:
            labels = True
            values.setdefault("label", element.get("label"))
        kind = element.get("type")
        direction = DIRECTIONS.get(label_key(kind)) if kind else None
        edges.append(Edge(source, target, direction, values, doc.line(element)))
    columns = list(declared.order["edge"])
    if weights and "weight" not in columns:
        columns.insert(0, "weight")
    if labels and "label" not in columns:
        columns.append("label")
    return edges, columns


def _description(root: ET.Element, q: str) -> str | None:
    """The text of ``<meta><description>``, None when empty or missing."""
    description = root.find(f"{q}meta/{q}description")
    if description is None:
        return None
    return (description.text or "").strip() or None


class _Time:
    """A dynamic GEXF's time: intervals read as waves, and what could not be kept.

    A node or edge that exists from ``start`` to ``end`` (or at one
    ``timestamp``, or in the ``<spells>`` it holds) gets those bounds as its
    ``wave`` and ``until``, netmap's first and last wave of a row, both
    included, as GEXF's closed intervals are. Several spells are read as
    one interval from the first start to the last end (the gaps are noted);
    open bounds (``startopen``, ``endopen``) are refused, since waves have
    none.
    """

    def __init__(self, timeformat: str) -> None:
        self.numeric = label_key(timeformat) in ("double", "float", "integer", "long")
        self.timed = {"node": 0, "edge": 0}
        self.hulls: list[tuple[str, str | None, int | None, int]] = []
        self.changed: list[tuple[str, str | None, str, int | None]] = []

    def key(self, value: str | None, *, low: bool) -> tuple:
        """An order on bounds: a missing start before every time, a missing end after."""
        if value is None:
            return (0 if low else 2, 0.0, "")
        if self.numeric:
            try:
                return (1, float(value), "")
            except ValueError:
                pass
        return (1, 0.0, value)

    @staticmethod
    def interval(element: ET.Element, doc: XmlDocument) -> tuple | None:
        """An element's (start, end), None when it has no time bounds."""
        for bound in ("startopen", "endopen"):
            if element.get(bound) is not None:
                raise ValidationError([FileFormatError(
                    f"an open time bound ({bound}) cannot be read as a wave: netmap's "
                    "waves (wave, until) include both ends", file=doc.file,
                    row=doc.line(element), value=element.get(bound),
                    suggestion="write the interval with start and end (closed bounds), "
                               "or export the network as a static GEXF")])
        stamp = element.get("timestamp")
        if stamp is not None:
            return stamp, stamp
        start, end = element.get("start"), element.get("end")
        if start is None and end is None:
            return None
        return start, end

    def read_waves(self, element: ET.Element, cls: str, values: dict, q: str,
                   doc: XmlDocument) -> None:
        """Put an element's interval (or the hull of its spells) in wave and until."""
        intervals = []
        own = self.interval(element, doc)
        if own is not None:
            intervals.append(own)
        spells = element.find(f"{q}spells")
        for spell in (spells.findall(f"{q}spell") if spells is not None else []):
            interval = self.interval(spell, doc)
            if interval is not None:
                intervals.append(interval)
        if not intervals:
            return
        self.timed[cls] += 1
        if len(intervals) > 1:
            self.hulls.append((cls, element.get("id") or element.get("source"),
                               doc.line(element), len(intervals)))
        start = min((i[0] for i in intervals), key=lambda v: self.key(v, low=True))
        end = max((i[1] for i in intervals), key=lambda v: self.key(v, low=False))
        if start is not None:
            values.setdefault("wave", start)
        if end is not None:
            values.setdefault("until", end)

    def columns(self, cls: str, columns: list[str]) -> list[str]:
        """The columns, with wave and until when elements of the class had intervals."""
        if not self.timed[cls]:
            return columns
        return [*columns, *(c for c in ("wave", "until") if c not in columns)]

    def issues(self, file: str) -> list[dict]:
        """A note of the intervals read as waves; warnings for what was not kept."""
        out = []
        if self.timed["node"] or self.timed["edge"]:
            out.append(issue_record(
                "gexf-time-as-waves", f"the time intervals of {self.timed['node']} "
                f"node(s) and {self.timed['edge']} edge(s) are read as their waves "
                "(wave: start, until: end)", severity="note", file=file))
        if self.hulls:
            cls, ident, line, n = self.hulls[0]
            out.append(issue_record(
                "gexf-spells-joined", f"{len(self.hulls)} node(s) or edge(s) exist in "
                "several spells; each is read from its first start to its last end, "
                f"the gaps between spells are not kept (first: {cls} '{ident}', {n} "
                "spells)", file=file, row=line))
        if self.changed:
            cls, ident, title, line = self.changed[0]
            out.append(issue_record(
                "gexf-dynamic-values", f"{len(self.changed)} dynamic attribute value(s) "
                "change over time; the value of the latest interval is kept (first: "
                f"{cls} '{ident}', attribute '{title}')", file=file, row=line))
        return out
