"""Conversion between maps and networkx graphs."""

from __future__ import annotations

from typing import TYPE_CHECKING

import networkx as nx
import pandas as pd

from netmap.io._exchange import check_default_sector, default_sector_issue, first_repeat
from netmap.model._params import check_choice, check_date
from netmap.model._raw import table_from_frame
from netmap.model._validation import validate_tables
from netmap.model.exceptions import DuplicateIdError, ValidationError
from netmap.model.sectors import SectorTaxonomy, default_taxonomy

if TYPE_CHECKING:
    from netmap.model.stakeholder_map import StakeholderMap

__all__ = ["from_networkx", "to_networkx"]


def _present(value) -> bool:
    try:
        return not bool(pd.isna(value))
    except (TypeError, ValueError):  # lists and other containers
        return True


def _plain(value):
    return value.item() if hasattr(value, "item") and not isinstance(value, str) \
        else value


def to_networkx(m: StakeholderMap, *, multigraph: bool = False) -> nx.Graph:
    """The map as a networkx graph.

    Parameters
    ----------
    m : StakeholderMap
        The map.
    multigraph : bool, default False
        False: a ``Graph`` (``DiGraph`` when the map is directed) with one
        edge per pair of actors: parallel ties (a partnership and a funding
        tie between the same two actors) are merged into an edge with
        ``weight`` (sum of weights), ``ties`` (how many) and ``types``
        (their types, sorted, joined with ";"); a pair with one tie also
        keeps every other attribute of that tie. True: a ``MultiGraph``
        (``MultiDiGraph``) with one edge per tie, keyed by the tie's row,
        with every attribute.

    Raises
    ------
    netmap.ParameterError
        When ``multigraph`` is neither True nor False.

    Returns
    -------
    networkx.Graph
        Nodes are actor ids with every actor column as an attribute (missing
        values left out). The graph attributes ``name`` and ``date`` hold
        the map's title and date (when it has them); ``actor_columns`` and
        ``tie_columns`` list the tables' columns in order, so that
        :func:`netmap.from_networkx` keeps that order.

    Examples
    --------
    >>> import netmap
    >>> m = netmap.datasets.load_2x5()
    >>> G = m.to_networkx()
    >>> G.number_of_nodes() == m.n_actors, G.nodes["moe"]["sector"]
    (True, 'public')
    >>> M = m.to_networkx(multigraph=True)
    >>> M.number_of_edges() == m.n_ties
    True
    """
    check_choice("multigraph", multigraph, (True, False))
    if multigraph:
        G = nx.MultiDiGraph() if m.directed else nx.MultiGraph()
    else:
        G = nx.DiGraph() if m.directed else nx.Graph()
    if m.name:
        G.graph["name"] = m.name
    if m.date:
        G.graph["date"] = m.date
    actors = m.actors
    G.graph["actor_columns"] = ["id", *actors.columns]
    G.graph["tie_columns"] = list(m.ties.columns)
    columns = list(actors.columns)
    for node, values in zip(actors.index, actors.itertuples(index=False, name=None),
                            strict=True):
        G.add_node(node, **{c: _plain(v) for c, v in zip(columns, values, strict=True)
                            if _present(v)})
    ties = m.ties
    tcols = [c for c in ties.columns if c not in ("source", "target")]
    records = [
        (s, t, k, {c: _plain(v) for c, v in zip(tcols, rest, strict=True)
                   if _present(v)})
        for k, (s, t, *rest) in zip(
            ties.index, ties[["source", "target", *tcols]].itertuples(
                index=False, name=None), strict=True)
    ]
    if multigraph:
        G.add_edges_from(records)
        return G
    for s, t, _, attrs in records:
        if G.has_edge(s, t):
            _merge(G.edges[s, t], attrs)
        else:
            G.add_edge(s, t, **attrs, ties=1, types=str(attrs.get("type", "")))
    return G


def _merge(data: dict, attrs: dict) -> None:
    """Add a parallel tie to an edge: weights summed, ties counted, types listed."""
    data["weight"] += attrs.get("weight", 1.0)
    data["ties"] += 1
    types = set(filter(None, data.pop("types").split(";")))
    types.add(str(attrs.get("type", "")))
    for key in list(data):
        if key not in ("weight", "ties"):
            del data[key]
    data["types"] = ";".join(sorted(filter(None, types)))


def _ordered(frame: pd.DataFrame, order, first: list[str]) -> pd.DataFrame:
    """Columns in the order a graph recorded, else ``first`` then as found."""
    order = [c for c in (order or []) if c in frame.columns]
    rest = [c for c in frame.columns if c not in order and c not in first]
    head = order or [c for c in first if c in frame.columns]
    return frame[[*head, *(c for c in first if c not in head and c in frame), *rest]]


def from_networkx(
    G: nx.Graph,
    *,
    sector_field: str = "sector",
    default_sector: str | None = None,
    taxonomy: SectorTaxonomy | None = None,
    waves=None,
    name: str | None = None,
) -> StakeholderMap:
    """A map from a networkx graph whose nodes carry a sector attribute.

    Parameters
    ----------
    G : networkx.Graph
        Any graph: directed or not, multi or not. Node attributes become
        actor columns, edge attributes tie columns (``type``, ``weight`` ...).
        Node labels become text ids with ``str()``; two labels with the same
        text are an error. An edge without a ``weight`` weighs 1, as in
        networkx.
    sector_field : str, default "sector"
        The node attribute that holds the sector label.
    default_sector : str, optional
        The sector of every node without one: a sector label of the
        taxonomy. How many actors took it is noted in the map's ``issues``
        (code ``default-sector``). Default: such a node is an error.
    taxonomy, waves
        As for :class:`netmap.StakeholderMap`; the direction is the graph's.
    name : str, optional
        A title for the map; default: the graph's ``name`` attribute.
        The map's date is the graph's ``date`` attribute, when it has one.

    Returns
    -------
    StakeholderMap

    Raises
    ------
    netmap.ValidationError
        As for the readers: a node without a sector names the node.
    netmap.ParameterError
        When ``default_sector`` is not a sector of the taxonomy, or the
        graph's ``date`` is not a date (``YYYY-MM-DD``).

    Examples
    --------
    >>> import networkx as nx, netmap
    >>> G = nx.Graph()
    >>> G.add_node(1, sector="public"); G.add_node(2, kind="NGO", sector="עמותה")
    >>> G.add_edge(1, 2, type="contract")
    >>> m = netmap.from_networkx(G)
    >>> m.actors[["sector", "kind"]].to_numpy().tolist()
    [['public', nan], ['third', 'NGO']]
    """
    from netmap.model.stakeholder_map import StakeholderMap

    taxonomy = taxonomy or default_taxonomy()
    check_default_sector(default_sector, taxonomy)
    actors = _ordered(_actor_frame(G, sector_field), G.graph.get("actor_columns"),
                      ["id", "sector"])
    took = 0
    if default_sector is not None:
        missing = actors["sector"].isna()
        took = int(missing.sum())
        actors["sector"] = actors["sector"].astype(object).where(~missing, default_sector)
    ties = _ordered(_tie_frame(G), G.graph.get("tie_columns"), ["source", "target"])
    if "weight" in ties:
        # networkx's convention: an edge without a weight weighs 1.
        ties["weight"] = ties["weight"].astype(object).where(ties["weight"].notna(), 1.0)
    if name is None:
        name = G.graph.get("name") or None
    raws = {"actors": table_from_frame("actors", actors),
            "ties": table_from_frame("ties", ties)}
    validated = validate_tables(raws, taxonomy=taxonomy, directed=G.is_directed(),
                                waves=waves)
    validated.issues.extend(default_sector_issue(took, default_sector))
    return StakeholderMap._from_validated(validated, directed=G.is_directed(),
                                          taxonomy=taxonomy, name=name,
                                          date=check_date("G.graph['date']",
                                                          G.graph.get("date")))


def _actor_frame(G: nx.Graph, sector_field: str) -> pd.DataFrame:
    """The nodes as actors, ids as text; two nodes with the same text id are an error."""
    nodes = list(G.nodes(data=True))
    ids = [str(n) for n, _ in nodes]
    if len(set(ids)) != len(ids):
        dup = first_repeat(ids)
        raise ValidationError([DuplicateIdError(
            f"two nodes have the id '{dup}' once written as text", table="actors",
            column="id", value=dup, suggestion="relabel the nodes with unique text "
            "labels (networkx.relabel_nodes)")])
    records = []
    for node_id, (_, data) in zip(ids, nodes, strict=True):
        row: dict = {"id": node_id, "sector": None}
        for key, value in data.items():
            if key == sector_field:
                row["sector"] = value
            elif key not in ("id", "sector"):
                row[key] = value
        records.append(row)
    return pd.DataFrame.from_records(records)


def _tie_frame(G: nx.Graph) -> pd.DataFrame:
    """The edges as ties, without the columns to_networkx adds when it merges ties."""
    if G.is_multigraph():
        edges = [(u, v, d) for u, v, _, d in G.edges(keys=True, data=True)]
    else:
        edges = list(G.edges(data=True))
    ties = pd.DataFrame.from_records(
        [{"source": str(u), "target": str(v),
          **{k: x for k, x in d.items() if k not in ("source", "target", "ties", "types")}}
         for u, v, d in edges])
    if ties.empty:
        ties = pd.DataFrame({"source": [], "target": []}, dtype=object)
    return ties
