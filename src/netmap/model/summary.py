"""A map's summary: counts by sector, level, tie class and body."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from netmap.model._numbers import whole_percents
from netmap.model.sectors import CORE_SECTORS
from netmap.model.vocabulary import LEVELS, TIE_CLASSES

__all__ = ["MapSummary", "summarize"]


@dataclass(frozen=True)
class MapSummary:
    """Counts that describe a map at a glance.

    Attributes
    ----------
    name : str or None
        The map's title.
    n_actors, n_ties, n_bodies : int
        Counts of actors, ties and bodies.
    directed : bool
        Whether ties are directed.
    waves : tuple
        The waves, in order.
    sectors : pandas.DataFrame
        Index: sector code (the core sectors always, other sectors when
        present). Columns: ``en`` and ``he`` (display names), ``core`` (the
        core sector it counts as), ``actors`` and one column per level
        (``person``, ``organisation``, ``body``) with the number of actors.
    tie_classes : pandas.DataFrame
        Index: tie class (partnership, exchange, transactional,
        unclassified). Columns: ``ties`` (count), ``share`` (of all ties,
        0 to 1; NaN without ties; printed by :meth:`to_text` as whole
        percentages that add up to 100) and ``types`` (the types seen, with
        counts, as text).
    bodies : pandas.DataFrame
        Index: body id. Columns: ``name`` and ``kind`` (when known),
        ``members`` (membership rows' distinct actors) and one column per
        core sector with its members there.
    issues : int
        Number of rows of the map's ``issues``.
    """

    name: str | None
    n_actors: int
    n_ties: int
    n_bodies: int
    directed: bool
    waves: tuple
    sectors: pd.DataFrame
    tie_classes: pd.DataFrame
    bodies: pd.DataFrame
    issues: int

    def headline(self) -> str:
        """The counts in one line, for a person: "92 actors, 394 ties (undirected), ...".

        Examples
        --------
        >>> import netmap
        >>> netmap.datasets.load_2x5().summary().headline()
        '92 actors, 394 ties (undirected), 7 bodies, waves 2013, 2014, 2016'
        """
        def counted(n: int, one: str, many: str) -> str:
            return f"1 {one}" if n == 1 else f"{n:,} {many}"

        head = (f"{counted(self.n_actors, 'actor', 'actors')}, "
                f"{counted(self.n_ties, 'tie', 'ties')} "
                f"({'directed' if self.directed else 'undirected'}), "
                f"{counted(self.n_bodies, 'body', 'bodies')}")
        if self.waves:
            head += ", waves " + ", ".join(map(str, self.waves))
        return head

    def to_text(self) -> str:
        """The summary as plain text, for a terminal.

        Examples
        --------
        >>> import netmap
        >>> print(netmap.datasets.load_2x5().summary().to_text())  # doctest: +ELLIPSIS
        2x5 initiative (illustrative)
        92 actors, 394 ties (undirected), 7 bodies, waves 2013, 2014, 2016
        <BLANKLINE>
        Actors by sector
        ...
        """
        lines = []
        if self.name:
            lines.append(self.name)
        lines += [self.headline(), "", "Actors by sector"]
        levels = [c for c in LEVELS.codes if self.sectors[c].any()]  # only what holds some
        table = self.sectors[["core", "actors", *levels]].copy()
        table["core"] = table["core"].fillna("-")
        shares = self.tie_classes["share"]
        printed = [f"{p}%" for p in whole_percents(shares.fillna(0))] if shares.notna().any() \
            else [""] * len(shares)
        lines += [table.to_string(), "", "Ties by class",
                  self.tie_classes.assign(share=printed).to_string()]
        if len(self.bodies):
            bodies = self.bodies[[c for c in self.bodies.columns
                                  if self.bodies[c].astype(bool).any()]]
            lines += ["", "Bodies", bodies.to_string()]
        if self.issues:
            noted = "one issue was" if self.issues == 1 else f"{self.issues} issues were"
            lines += ["", f"{noted[0].upper()}{noted[1:]} noted while reading the input: "
                          "'netmap validate' lists each with its file, row and column."]
        return "\n".join(lines)

    def __str__(self) -> str:
        """The plain-text summary."""
        return self.to_text()


def summarize(m) -> MapSummary:
    """The summary of a map; the same as ``m.summary()``.

    Parameters
    ----------
    m : StakeholderMap
        The map.

    Returns
    -------
    MapSummary
    """
    actors = m.actors
    tax = m.taxonomy
    by_level = pd.crosstab(actors["sector"], actors["level"], dropna=False)
    by_level = by_level.reindex(index=list(tax.codes), columns=list(LEVELS.codes),
                                fill_value=0)
    sectors = tax.to_frame()[["en", "he", "core"]].copy()
    sectors["actors"] = by_level.sum(axis=1)
    sectors = sectors.join(by_level)
    keep = sectors.index.isin(CORE_SECTORS) | (sectors["actors"] > 0)
    sectors = sectors[keep]
    sectors.index.name = "sector"

    ties = m.ties
    counts = ties["tie_class"].value_counts(sort=False).reindex(
        list(TIE_CLASSES), fill_value=0)
    types = (ties.assign(type=ties["type"].fillna("(none)"))
             .groupby("tie_class", observed=False)["type"]
             .agg(lambda s: ", ".join(f"{k} {v}" for k, v in
                                      s.value_counts().sort_index().items())))
    tie_classes = pd.DataFrame({
        "ties": counts.astype("int64"),
        "share": counts / len(ties) if len(ties) else float("nan"),
        "types": types.reindex(list(TIE_CLASSES)).fillna(""),
    })
    tie_classes.index.name = "tie_class"

    bodies = m.bodies
    table = bodies[[c for c in ("name", "kind") if c in bodies]].copy()
    mem = m.memberships
    if len(mem):
        pairs = mem[["actor", "body"]].drop_duplicates()
        core = pairs["actor"].map(actors["core"].astype(object))
        table["members"] = pairs.groupby("body").size().reindex(table.index,
                                                                fill_value=0)
        for c in CORE_SECTORS:
            table[c] = (pairs[core == c].groupby("body").size()
                        .reindex(table.index, fill_value=0))
    else:
        table["members"] = 0
    return MapSummary(
        name=m.name, n_actors=m.n_actors, n_ties=m.n_ties, n_bodies=len(bodies),
        directed=m.directed, waves=m.waves, sectors=sectors,
        tie_classes=tie_classes, bodies=table, issues=len(m.issues),
    )
