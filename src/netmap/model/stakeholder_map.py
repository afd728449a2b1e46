"""The stakeholder map: validated tables of actors, ties and bodies, and views of them."""

from __future__ import annotations

from collections.abc import Hashable
from functools import cached_property
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from netmap.model._memo import remembered
from netmap.model._params import allowed_words, check_bool, check_date
from netmap.model._raw import table_from_frame
from netmap.model._validation import ISSUE_COLUMNS, Validated, in_index, validate_tables
from netmap.model._warnings import warn
from netmap.model.arrays import MapArrays
from netmap.model.exceptions import DataWarning, ParameterError, WaveError
from netmap.model.sectors import SectorTaxonomy, default_taxonomy

if TYPE_CHECKING:
    import networkx as nx

    from netmap.model.summary import MapSummary

__all__ = ["StakeholderMap"]

_EMPTY_COLUMNS = {
    "memberships": ["actor", "body"],
    "activities": ["actor", "goal"],
}


class StakeholderMap:
    """A stakeholder network map: actors, their ties, bodies and activities.

    The map holds validated tables and builds what analyses need from them:
    a networkx graph on demand and compact integer-coded arrays. It is
    immutable: every table it returns is a copy, and methods that change
    the map (such as :meth:`at`) return a new one. Build it from
    DataFrames with this constructor, or with :func:`netmap.read_csv`,
    :func:`netmap.read_excel` or :func:`netmap.from_networkx`.

    Parameters
    ----------
    actors : pandas.DataFrame
        Columns ``id`` and ``sector`` (required), ``name``, ``level``,
        ``org``, ``scope``, ``wave``, ``until`` and any others (kept as
        attributes). Headers may be English, Hebrew or Arabic (see
        ``docs/input-format.md``).
    ties : pandas.DataFrame, optional
        Columns ``source`` and ``target`` (required), ``type``, ``weight``,
        ``trust``, ``wave``, ``until`` and any others. None: no ties.
    memberships : pandas.DataFrame, optional
        Columns ``actor`` and ``body`` (required), ``role``, ``wave``,
        ``until``.
    bodies : pandas.DataFrame, optional
        Columns ``id`` (required), ``name``, ``kind``, ``wave``, ``until``.
        Without it, bodies are the ones the memberships name.
    activities : pandas.DataFrame, optional
        Columns ``actor`` and ``goal`` (required), ``wave``, ``until``.
    directed : bool, default False
        Whether a tie runs from source to target. Most stakeholder ties are
        mutual, so the default is undirected.
    taxonomy : SectorTaxonomy, optional
        The sector taxonomy; default :func:`netmap.default_taxonomy`.
    waves : sequence, optional
        The order of the waves, when they are labels without a natural order
        (numbers and ISO dates order themselves).
    name : str, optional
        A title for the map (used by reports).
    date : str or datetime.date, optional
        The map's date, written ``YYYY-MM-DD`` (such as ``"2024-03-01"``);
        the report is dated by it (see :func:`netmap.report`). None: no
        date.

    Raises
    ------
    netmap.ValidationError
        With every problem found, each naming its table, row and column.
    netmap.ParameterError
        For a ``directed`` that is not True or False, or a ``date`` that is
        not a date.

    Warns
    -----
    netmap.DataWarning
        Once per kind of issue (self-ties kept, duplicates dropped, unknown
        tie types kept as written ...); the details are in :attr:`issues`.

    Examples
    --------
    >>> import pandas as pd
    >>> import netmap
    >>> actors = pd.DataFrame({"id": ["moe", "intel", "ngo"],
    ...                        "sector": ["ממשלה", "business", "עמותה"]})
    >>> ties = pd.DataFrame({"source": ["moe", "intel"], "target": ["ngo", "ngo"],
    ...                      "type": ["funding", "donation"]})
    >>> m = netmap.StakeholderMap(actors, ties)
    >>> m
    <StakeholderMap: 3 actors (public 1, business 1, third 1), 2 ties (undirected)>
    >>> m.actors["sector"].tolist()
    ['public', 'business', 'third']
    >>> m.ties["tie_class"].tolist()
    ['transactional', 'transactional']
    """

    def __init__(
        self,
        actors: pd.DataFrame,
        ties: pd.DataFrame | None = None,
        memberships: pd.DataFrame | None = None,
        bodies: pd.DataFrame | None = None,
        activities: pd.DataFrame | None = None,
        *,
        directed: bool = False,
        taxonomy: SectorTaxonomy | None = None,
        waves=None,
        name: str | None = None,
        date=None,
        _stack_offset: int = 0,
    ) -> None:
        directed = bool(check_bool("directed", directed))
        date = check_date("date", date)
        frames = {"actors": actors, "ties": ties, "memberships": memberships,
                  "bodies": bodies, "activities": activities}
        if ties is None:
            frames["ties"] = pd.DataFrame({"source": [], "target": []}, dtype=object)
        raws = {k: table_from_frame(k, v) for k, v in frames.items() if v is not None}
        taxonomy = taxonomy or default_taxonomy()
        validated = validate_tables(raws, taxonomy=taxonomy, directed=directed,
                                    waves=waves)
        self._set(validated, directed, taxonomy, name, date)
        _warn(validated.issues, stacklevel=2 + _stack_offset)

    # -- construction ------------------------------------------------------
    @classmethod
    def _from_validated(cls, validated: Validated, *, directed: bool,
                        taxonomy: SectorTaxonomy, name: str | None,
                        date: str | None = None, stacklevel: int = 3) -> StakeholderMap:
        """A map of tables already validated; ``date`` is an ISO date (see ``check_date``)."""
        obj = cls.__new__(cls)
        obj._set(validated, directed, taxonomy, name, date)
        _warn(validated.issues, stacklevel=stacklevel)
        return obj

    def _set(self, v: Validated, directed: bool, taxonomy: SectorTaxonomy,
             name: str | None, date: str | None) -> None:
        self._actors = v.actors
        self._ties = v.ties
        self._memberships = v.memberships
        self._bodies = v.bodies
        self._activities = v.activities
        self._waves = tuple(v.waves)
        issues = pd.DataFrame(v.issues, columns=ISSUE_COLUMNS)
        rows = issues["row"].dropna()
        if all(isinstance(r, int | np.integer) for r in rows):
            issues["row"] = issues["row"].astype("Int64")
        self._issues = issues
        self._directed = directed
        self._taxonomy = taxonomy
        self._name = name
        self._date = date
        self._ends = v.ends

    # -- tables --------------------------------------------------------------
    @property
    def actors(self) -> pd.DataFrame:
        """The actors: one row per actor, indexed by ``id``.

        Columns, in the order of the input (computed ones beside their
        source): ``name`` (when given), ``sector`` (canonical code,
        categorical in taxonomy order), ``core`` (the core sector it counts
        as: public, business, third, or missing), ``level`` (person,
        organisation, body), ``org``, ``scope``, ``wave``, ``until`` (when
        given), then every other input column as written. ``core`` is
        computed by netmap and not written back to files.
        """
        return self._actors.copy(deep=False)

    @property
    def ties(self) -> pd.DataFrame:
        """The ties: one row per tie, indexed from 0.

        Columns, in the order of the input: ``source``, ``target`` (actor
        ids), ``type`` (canonical tie
        type, or as written when outside the vocabulary, or missing),
        ``tie_class`` (partnership, exchange, transactional, unclassified;
        computed), ``weight`` (1 where not given), ``trust``, ``wave``,
        ``until`` (when given), then every other input column.
        """
        return self._ties.copy(deep=False)

    @property
    def memberships(self) -> pd.DataFrame:
        """Who sits in which body: columns ``actor``, ``body``, ``role``, ``wave``, ``until`` and others; empty when not given."""  # noqa: E501
        if self._memberships is None:
            return pd.DataFrame({c: pd.Series(dtype="str")
                                 for c in _EMPTY_COLUMNS["memberships"]})
        return self._memberships.copy(deep=False)

    @property
    def bodies(self) -> pd.DataFrame:
        """The bodies, indexed by ``id``: ``name``, ``kind``, ``wave``, ``until`` and others."""  # noqa: E501
        if self._bodies is None:
            return pd.DataFrame(index=pd.Index([], name="id", dtype="str"))
        return self._bodies.copy(deep=False)

    @property
    def activities(self) -> pd.DataFrame:
        """Which actor works on which shared goal: ``actor``, ``goal``, ``wave``, ``until``."""  # noqa: E501
        if self._activities is None:
            return pd.DataFrame({c: pd.Series(dtype="str")
                                 for c in _EMPTY_COLUMNS["activities"]})
        return self._activities.copy(deep=False)

    @property
    def issues(self) -> pd.DataFrame:
        """What was kept, dropped or defaulted while reading, one row per issue.

        Columns: ``severity`` (``warning`` for what changed or was kept
        unusual, ``note`` for documented defaults), ``code`` (such as
        ``self-tie``, ``duplicate-tie``, ``unknown-tie-type``,
        ``default-weight``), ``file``, ``sheet``, ``table``, ``row`` (first
        row concerned), ``column``, ``value`` and ``message`` (which lists
        the rows).
        """
        return self._issues.copy()

    @property
    def directed(self) -> bool:
        """Whether ties run from source to target."""
        return self._directed

    @property
    def taxonomy(self) -> SectorTaxonomy:
        """The sector taxonomy the map was read with."""
        return self._taxonomy

    @property
    def waves(self) -> tuple:
        """The waves found in the tables (or given), in order; empty if none."""
        return self._waves

    @property
    def name(self) -> str | None:
        """The map's title, if any."""
        return self._name

    @property
    def date(self) -> str | None:
        """The map's date as an ISO date (``"2024-03-01"``), if any; the report is dated by it.

        Examples
        --------
        >>> import pandas as pd, netmap
        >>> actors = pd.DataFrame({"id": ["a"], "sector": ["public"]})
        >>> netmap.StakeholderMap(actors, date="2024-03-01").date
        '2024-03-01'
        """
        return self._date

    @property
    def n_actors(self) -> int:
        """Number of actors."""
        return len(self._actors)

    @property
    def n_ties(self) -> int:
        """Number of ties (rows of the ties table)."""
        return len(self._ties)

    # -- derived structures --------------------------------------------------
    @cached_property
    def arrays(self) -> MapArrays:
        """Integer codes and sparse adjacency (:class:`netmap.model.arrays.MapArrays`)."""
        arrays = MapArrays.from_tables(self._actors, self._ties, self._directed,
                                       ends=getattr(self, "_ends", None))
        self._ends = None  # (the arrays hold them now)
        return arrays

    def groups(self, *, by: str = "sector") -> pd.Series:
        """The group of every actor, for analyses that compare groups.

        Parameters
        ----------
        by : str, default "sector"
            ``"sector"``, ``"core"`` (core sector; missing for actors that
            count as none of the three) or any column of :attr:`actors`.

        Returns
        -------
        pandas.Series
            Indexed by actor id, named ``by``.

        Raises
        ------
        ParameterError
            If ``by`` is not a column of the actors.

        Examples
        --------
        >>> import netmap
        >>> m = netmap.datasets.load_2x5()
        >>> m.groups(by="core").loc["trump"]
        'third'
        """
        if not isinstance(by, str) or by not in self._actors.columns:
            known = ["sector", "core", *(
                c for c in self._actors.columns if c not in ("sector", "core"))]
            raise ParameterError("by", by, allowed_words(known),
                                 hint="a group is a column of the actors")
        return self._actors[by].rename(by)

    def to_networkx(self, *, multigraph: bool = False) -> nx.Graph:
        """The map as a networkx graph; see :func:`netmap.io.to_networkx`."""
        from netmap.io.networkx import to_networkx

        return to_networkx(self, multigraph=multigraph)

    # -- waves ------------------------------------------------------------------
    @remembered
    def at(self, wave: Hashable) -> StakeholderMap:
        """The map as it stood at one wave.

        A row holds from its ``wave`` (empty: from the first wave) to its
        ``until`` (inclusive; empty: to the end). A tie, membership or
        activity also needs the actors (and body) it names to hold at that
        wave.

        Parameters
        ----------
        wave
            One of :attr:`waves`.

        Returns
        -------
        StakeholderMap
            With the rows that hold at ``wave``; the same waves and taxonomy.

        Examples
        --------
        >>> import netmap
        >>> m = netmap.datasets.load_2x5()
        >>> m.waves
        (2013, 2014, 2016)
        >>> m.at(2013).n_actors < m.at(2016).n_actors
        True
        """
        from netmap.model._validation import _wave_label

        label = _wave_label(wave)
        if label not in self._waves:
            known = ", ".join(map(repr, self._waves)) or "none"
            raise WaveError(f"wave {wave!r} is not a wave of this map",
                            suggestion=f"use one of the map's waves: {known}",
                            value=wave)
        r = self._waves.index(label)
        rank = {w: i for i, w in enumerate(self._waves)}

        def holds(frame: pd.DataFrame | None) -> np.ndarray | None:
            if frame is None:
                return None
            ok = np.ones(len(frame), dtype=bool)
            if "wave" in frame:
                start = frame["wave"].map(rank).to_numpy(dtype=float, na_value=-1)
                ok &= start <= r
            if "until" in frame:
                end = frame["until"].map(rank).to_numpy(dtype=float, na_value=np.inf)
                ok &= end >= r
            return ok

        actors = self._actors[holds(self._actors)]
        bodies = None if self._bodies is None else self._bodies[holds(self._bodies)]
        return self._restrict(actors, bodies, holds)

    def without(self, actors) -> StakeholderMap:
        """The map without some actors, and without their ties, memberships and activities.

        Parameters
        ----------
        actors : str or iterable of str
            Actor ids to take out.

        Returns
        -------
        StakeholderMap
            A new map; the same waves, direction and taxonomy.

        Raises
        ------
        netmap.UnknownActorError
            When an id is not an actor of the map (with the nearest id).

        Examples
        --------
        >>> import netmap
        >>> m = netmap.datasets.load_2x5()
        >>> rest = m.without("sheatufim")
        >>> m.n_actors - rest.n_actors, "sheatufim" in rest.actors.index
        (1, False)
        """
        from netmap.model._select import actor_ids

        ids = actor_ids(self, actors)
        kept = self._actors[~in_index(self._actors.index, pd.Index(ids).unique())]
        return self._restrict(kept, self._bodies, lambda frame: None)

    def _restrict(self, actors: pd.DataFrame, bodies: pd.DataFrame | None,
                  holds) -> StakeholderMap:
        """A map of ``actors`` and ``bodies``, keeping the rows ``holds`` keeps.

        ``holds(frame)`` gives a boolean mask of the rows to keep, or None
        for all; ties, memberships and activities also need their actors
        (and body) to be kept.
        """
        def mask(frame: pd.DataFrame) -> np.ndarray:
            ok = holds(frame)
            return np.ones(len(frame), dtype=bool) if ok is None else ok

        present = actors.index
        ties = self._ties[mask(self._ties)
                          & in_index(self._ties["source"], present)
                          & in_index(self._ties["target"], present)]
        memberships = activities = None
        if self._memberships is not None:
            mem = self._memberships
            keep = mask(mem) & in_index(mem["actor"], present)
            if bodies is not None:
                keep &= in_index(mem["body"], bodies.index)
            memberships = mem[keep].reset_index(drop=True)
        if self._activities is not None:
            act = self._activities
            activities = act[mask(act) & in_index(act["actor"], present)]
            activities = activities.reset_index(drop=True)
        ties = ties.reset_index(drop=True)
        ties.index.name = "tie"
        validated = Validated(actors, ties, memberships, bodies, activities,
                              self._waves, [])
        return StakeholderMap._from_validated(validated, directed=self._directed,
                                              taxonomy=self._taxonomy,
                                              name=self._name, date=self._date)

    # -- levels -------------------------------------------------------------------
    def roll_up(self, *, to: str = "organisation") -> StakeholderMap:
        """The map one level up; see :func:`netmap.roll_up`.

        Examples
        --------
        >>> import netmap
        >>> netmap.datasets.load_2x5().roll_up(to="sector").n_actors
        7
        """
        from netmap.structure.levels import roll_up

        return roll_up(self, to=to)

    # -- summaries and comparison ---------------------------------------------
    def summary(self) -> MapSummary:
        """Counts by sector, level, tie class and body (:class:`netmap.model.summary.MapSummary`)."""  # noqa: E501
        from netmap.model.summary import summarize

        return summarize(self)

    def equals(self, other: object) -> bool:
        """Whether two maps hold the same tables, direction and waves.

        Examples
        --------
        >>> import netmap
        >>> m = netmap.datasets.load_2x5()
        >>> m.equals(netmap.datasets.load_2x5()), m.equals(m.at(2013))
        (True, False)
        """
        from netmap.testing import assert_map_equal

        if not isinstance(other, StakeholderMap):
            return False
        try:
            assert_map_equal(self, other)
        except AssertionError:
            return False
        return True

    def __repr__(self) -> str:
        """Counts of actors by sector, ties, bodies and waves."""
        counts = self._actors["sector"].value_counts(sort=False)
        counts = counts[counts > 0]
        by_sector = ", ".join(f"{k} {v}" for k, v in counts.items())
        parts = [f"{self.n_actors} actors ({by_sector})" if by_sector
                 else f"{self.n_actors} actors",
                 f"{self.n_ties} ties ({'directed' if self._directed else 'undirected'})"]
        if self._bodies is not None and len(self._bodies):
            parts.append(f"{len(self._bodies)} bodies")
        if self._waves:
            parts.append(f"waves {', '.join(map(str, self._waves))}")
        title = f" {self._name!r}" if self._name else ""
        return f"<StakeholderMap{title}: {', '.join(parts)}>"

    # -- writing -------------------------------------------------------------------
    def to_csv(self, folder, *, encoding: str = "utf-8-sig") -> list:
        """Write one CSV file per table into ``folder``; see :func:`netmap.io.write_csv`."""  # noqa: E501
        from netmap.io.csv import write_csv

        return write_csv(self, folder, encoding=encoding)

    def to_excel(self, path) -> None:
        """Write a workbook with one sheet per table; see :func:`netmap.io.write_excel`."""  # noqa: E501
        from netmap.io.excel import write_excel

        write_excel(self, path)

    def to_gexf(self, path, *, size: str | None = "degree") -> None:
        """Write a GEXF file coloured by sector for Gephi; see :func:`netmap.io.write_gexf`."""  # noqa: E501
        from netmap.io.gexf import write_gexf

        write_gexf(self, path, size=size)

    def anonymize(self, *, key=None, keep=("sector", "level"), drop=(), coarsen=None,
                  title: str | None = None, suppress=()) -> StakeholderMap:
        """The map with pseudonyms and only the attributes kept; see :func:`netmap.structure.anonymize.anonymize`."""  # noqa: E501
        from netmap.structure.anonymize import anonymize

        return anonymize(self, key=key, keep=keep, drop=drop, coarsen=coarsen, title=title,
                         suppress=suppress)

    def to_kumu(self, path) -> None:
        """Write a Kumu workbook (``.xlsx``) or JSON (``.json``); see :func:`netmap.io.write_kumu`."""  # noqa: E501
        from netmap.io.kumu import write_kumu

        write_kumu(self, path)

    def to_graphml(self, path, *, size: str | None = "degree") -> None:
        """Write a GraphML file; see :func:`netmap.io.write_graphml`."""
        from netmap.io.graphml import write_graphml

        write_graphml(self, path, size=size)

    def explore(self, *, layout="force", seed=0, size="ties", color="sector",
                lang: str = "en", wave=None, label_column: str | None = None,
                title: str | None = None, height: int = 600):
        """The map as an interactive page (Jupyter, or ``.save(path)``); see :func:`netmap.plot.explore`."""  # noqa: E501
        from netmap.plot.interactive import explore

        return explore(self, layout=layout, seed=seed, size=size, color=color, lang=lang,
                       wave=wave, label_column=label_column, title=title, height=height)


def _warn(issues: list[dict], stacklevel: int) -> None:
    """One DataWarning per kind of issue (notes are only listed in ``issues``)."""
    by_code: dict[str, list[dict]] = {}
    for record in issues:
        if record["severity"] == "warning":
            by_code.setdefault(record["code"], []).append(record)
    for code, records in by_code.items():
        first = records[0]["message"]
        more = f" (and {len(records) - 1} more like it)" if len(records) > 1 else ""
        warn(f"{first}{more}; see the map's .issues [{code}]", DataWarning,
                      stacklevel=stacklevel + 1)
