"""Safe sharing: stable pseudonyms, dropped and coarsened columns, re-identification risk.

A backbone team shares its map with researchers without exposing the
people and organisations in it: :func:`~netmap.structure.anonymize.anonymize` replaces every id and
name with a pseudonym computed from the id under a secret key (HMAC-SHA256),
keeps every tie, membership and wave, and keeps only the attributes the
user names. The same key gives the same pseudonyms, so the waves of a
study stay comparable; another key gives others, so two shared copies
cannot be joined. :func:`netmap.reidentification_risk` then lists the actors
that the attributes left in the map still single out.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Hashable, Iterable, Mapping
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from netmap.model._params import allowed_words, check_int
from netmap.model._validation import DERIVED_COLUMNS, Validated
from netmap.model.exceptions import InvalidValueError, ParameterError

if TYPE_CHECKING:
    from netmap.model.stakeholder_map import StakeholderMap

__all__ = ["anonymize", "pseudonyms", "reidentification_risk"]

#: Hexadecimal digits of a pseudonym (64 bits: a clash among a million ids
#: has a chance of about 3 in 100 million).
DIGITS = 16

#: Columns that carry the map's structure: kept unless named in ``drop``.
STRUCTURE = {
    "actors": ("sector", "wave", "until"),
    "ties": ("type", "weight", "trust", "wave", "until"),
    "memberships": ("role", "wave", "until"),
    "bodies": ("kind", "wave", "until"),
    "activities": ("goal", "wave", "until"),
}
#: Columns that cannot be dropped or coarsened.
_FIXED = {"sector", "source", "target", "actor", "body", "goal", "id", "core",
          "tie_class"}


def _key_bytes(key) -> bytes:
    if isinstance(key, bytes | bytearray):
        data = bytes(key)
    elif isinstance(key, str):
        data = key.encode("utf-8")
    else:
        raise InvalidValueError(
            f"the key must be text or bytes, not {type(key).__name__}",
            suggestion="pass a secret passphrase, kept apart from the shared map")
    if not data:
        raise InvalidValueError(
            "the key is empty", suggestion="pass a secret passphrase; the same one "
            "gives the same pseudonyms in every wave")
    return data


def pseudonyms(ids: Iterable[Hashable], key, *, prefix: str = "a") -> pd.Series:
    """Stable pseudonyms of ids under a secret key.

    A pseudonym is ``prefix`` and 16 hexadecimal digits of
    HMAC-SHA256(key, ``prefix:id``): the same id and key always give the
    same pseudonym, and without the key it cannot be traced back or
    recomputed from a list of likely names.

    Parameters
    ----------
    ids : iterable
        The ids (turned into text).
    key : str or bytes
        The secret key.
    prefix : str, default "a"
        ``"a"`` for actors, ``"b"`` for bodies; different prefixes give
        unrelated pseudonyms for the same id.

    Returns
    -------
    pandas.Series
        Pseudonyms, indexed by the ids as given.

    Raises
    ------
    netmap.InvalidValueError
        For an empty key, or (at odds of about 1 in 10^8 at a million ids)
        two ids that get one pseudonym.

    Examples
    --------
    >>> p = pseudonyms(["moe", "intel"], "secret")
    >>> p["moe"] == pseudonyms(["moe"], "secret")["moe"], p["moe"][:2], len(p["moe"])
    (True, 'a_', 18)
    >>> p["moe"] == pseudonyms(["moe"], "other key")["moe"]
    False
    """
    secret = _key_bytes(key)
    ids = [str(i) for i in ids]
    names = [f"{prefix}_" + hmac.new(secret, f"{prefix}:{i}".encode(), hashlib.sha256)
             .hexdigest()[:DIGITS] for i in ids]
    out = pd.Series(names, index=pd.Index(ids, dtype="str"), dtype="str")
    unique = out[~out.index.duplicated()]
    if unique.duplicated().any():
        raise InvalidValueError(
            "two ids get the same pseudonym", value=unique[unique.duplicated()].iloc[0],
            suggestion="use another key")
    return out


def _coarsen(values: pd.Series, spec, column: str) -> pd.Series:
    if callable(spec):
        out = values.map(lambda v: None if pd.isna(v) else spec(v))
    elif isinstance(spec, Mapping):
        present = values.dropna()
        missing = sorted({str(v) for v in present if v not in spec})
        if missing:
            raise InvalidValueError(
                f"coarsen['{column}'] does not say what becomes of "
                + ", ".join(repr(v) for v in missing[:5]), column=column,
                value=missing[0], suggestion="give every value a group in the mapping")
        out = values.map(lambda v: None if pd.isna(v) else spec[v])
    else:
        edges = np.asarray(list(spec), dtype=float)
        number = pd.to_numeric(values, errors="coerce")
        if (number.isna() & values.notna()).any():
            raise InvalidValueError(
                f"coarsen['{column}'] gives bin edges, but the column holds values that "
                "are not numbers", column=column,
                suggestion="give a mapping or a function for a text column")
        cut = pd.cut(number.astype(float), edges, right=False)
        if (cut.isna() & number.notna()).any():
            raise InvalidValueError(
                f"coarsen['{column}']: some values fall outside the bin edges", column=column,
                suggestion="widen the first and last edges (e.g. -inf and inf)")
        out = cut.astype(object).map(lambda v: None if pd.isna(v) else str(v))
    return out.astype(object).where(out.notna(), None).astype("str")


def anonymize(m, key, *, keep: Iterable[str] = ("sector", "level"),
              drop: Iterable[str] = (),
              coarsen: Mapping[str, object] | None = None):
    """The map with pseudonyms for ids and names, and only the attributes kept.

    Every actor id becomes a pseudonym (:func:`netmap.pseudonyms`, prefix ``a``),
    and so does every body id (prefix ``b``); names become the pseudonyms
    too. Every tie, membership and activity is kept, with its ends
    renamed, so every structural measure (mixing, E-I, brokerage,
    constraint, centrality) is the same up to the renaming. Rows are put
    in the order of the pseudonyms, so that the order of the original
    tables (often alphabetical, or by date of entry) does not show.

    Kept: the sector, the structure columns (tie ``type``, ``weight``,
    ``trust``; membership ``role``; body ``kind``; ``goal``; ``wave`` and
    ``until`` everywhere) unless named in ``drop``, and the columns named
    in ``keep`` or ``coarsen``. Every other column (``scope``,
    ``name_en``, notes, budgets ...) is dropped.

    Parameters
    ----------
    m : StakeholderMap
        The map.
    key : str or bytes
        A secret key. The same key gives the same pseudonyms, so waves
        written at different times can be compared; keep it apart from
        the shared map.
    keep : iterable of str, default ("sector", "level")
        Other columns to keep, in any table. ``level`` keeps who is a
        person and the organisation (``org``, as a pseudonym) they
        represent; without it every actor counts as an organisation.
    drop : iterable of str
        Structure columns to drop as well (``trust``, ``wave``, ``role``
        ...).
    coarsen : dict, optional
        Columns kept in a coarser form: column name to bin edges (a list
        of numbers; values become intervals such as ``"[10.0, 50.0)"``), a
        mapping of value to group, or a function. The result is text.

    Returns
    -------
    StakeholderMap
        Its ``issues`` hold one note saying what was dropped.

    Raises
    ------
    netmap.InvalidValueError
        For an empty key or one that is not text or bytes (the message
        never shows the key), or a ``coarsen`` rule that does not fit its
        column's values.
    netmap.ParameterError
        For a column in ``keep``, ``drop`` or ``coarsen`` that no table
        has, one that cannot be dropped (ids, sectors), or one both kept
        and dropped.

    See Also
    --------
    netmap.reidentification_risk : the actors the kept attributes still single out.

    Examples
    --------
    >>> import netmap
    >>> m = netmap.datasets.load_2x5()
    >>> a = m.anonymize(key="a long secret")
    >>> a.actors.columns.tolist()
    ['name', 'sector', 'core', 'level', 'org', 'wave', 'until']
    >>> a.n_ties == m.n_ties, a.actors.index[0].startswith("a_")
    (True, True)
    >>> a.equals(m.anonymize(key="a long secret"))
    True
    """
    from netmap.model.stakeholder_map import StakeholderMap

    keep, drop = tuple(keep), tuple(drop)
    share = _Sharing(set(keep), set(drop), dict(coarsen or {}),
                     given={"keep": keep, "drop": drop, "coarsen": coarsen})
    share.check((m.actors, m.ties, m.memberships, m.bodies, m.activities))
    actor_ids = pseudonyms(m.actors.index, key, prefix="a")
    body_ids = pseudonyms(m.bodies.index, key, prefix="b")
    actors = _anonymous_actors(share, m.actors, actor_ids)
    ties = share.renamed("ties", m.ties, {"source": actor_ids, "target": actor_ids},
                         ["source", "target"])
    memberships = activities = bodies = None
    if m._memberships is not None:
        memberships = share.renamed("memberships", m.memberships,
                                    {"actor": actor_ids, "body": body_ids},
                                    ["actor", "body"])
    if m._activities is not None:
        activities = share.renamed("activities", m.activities, {"actor": actor_ids},
                                   ["actor", "goal"])
    if m._bodies is not None:
        bodies = _anonymous_bodies(share, m.bodies, body_ids)
    validated = Validated(actors, ties, memberships, bodies, activities, m.waves,
                          [share.issue()])
    return StakeholderMap._from_validated(validated, directed=m.directed,
                                          taxonomy=m.taxonomy, name=m.name)


class _Sharing:
    """What :func:`anonymize` keeps, drops and coarsens, and what it dropped."""

    def __init__(self, keep: set[str], drop: set[str], coarsen: dict[str, object], *,
                 given: dict[str, object]) -> None:
        self.given = given  # the arguments as given, for ParameterError
        self.keep = keep
        self.drop = drop
        self.coarsen = coarsen
        self.dropped: list[str] = []

    def check(self, tables: Iterable[pd.DataFrame]) -> None:
        """Every column named is a column of ``tables``, and one that may go."""
        known = set().union(*(set(f.columns) for f in tables)) | {"level", "org"}
        for what, names in (("keep", self.keep), ("drop", self.drop),
                            ("coarsen", set(self.coarsen))):
            unknown = sorted(names - known)
            if unknown:
                raise ParameterError(
                    what, self.given[what], "columns of the map: " + allowed_words(
                        sorted(known)),
                    hint=f"'{unknown[0]}' is not a column of the map")
            fixed = sorted(names & _FIXED - ({"sector"} if what == "keep" else set()))
            if fixed and what != "keep":
                raise ParameterError(
                    what, self.given[what], "columns other than " + allowed_words(
                        sorted(_FIXED)),
                    hint=f"the map needs '{fixed[0]}' as it is: ids and sectors are always "
                         "kept, ids as pseudonyms")
        both = sorted(self.keep & self.drop)
        if both:
            raise ParameterError("drop", self.given["drop"], "columns not in keep",
                                 hint=f"'{both[0]}' is both kept and dropped; name it in "
                                      "keep or in drop, not both")

    def kept(self, table: str, frame: pd.DataFrame) -> pd.DataFrame:
        """The columns of ``frame`` that stay, coarsened where asked."""
        columns = [c for c in frame.columns
                   if c in _FIXED or c in self.keep or c in self.coarsen
                   or (c in STRUCTURE.get(table, ()) and c not in self.drop)]
        out = frame[columns].copy()
        for c in columns:
            if c in self.coarsen:
                out[c] = _coarsen(out[c], self.coarsen[c], c).to_numpy()
        return out

    def note(self, table: str, frame: pd.DataFrame, out: pd.DataFrame) -> None:
        """Remember the columns of ``frame`` that ``out`` no longer has."""
        gone = [c for c in frame.columns if c not in out.columns
                and c not in DERIVED_COLUMNS.get(table, ())]
        self.dropped.extend(f"{table}.{c}" for c in gone)

    def renamed(self, table: str, frame: pd.DataFrame, ends: dict[str, pd.Series],
                sort: list[str]) -> pd.DataFrame:
        """A table of ties, memberships or activities with its ends as pseudonyms."""
        out = self.kept(table, frame)
        for column, mapping in ends.items():
            out[column] = frame[column].map(mapping).astype("str").to_numpy()
        self.note(table, frame, out)
        out = out.sort_values(sort, kind="stable").reset_index(drop=True)
        out.index.name = frame.index.name
        return out

    def issue(self) -> dict:
        """The note in the shared map's issues: what was dropped and coarsened."""
        what = ", ".join(self.dropped) if self.dropped else "none"
        coarsened = (f"; coarsened: {', '.join(sorted(self.coarsen))}"
                     if self.coarsen else "")
        return {
            "severity": "note", "code": "anonymized", "file": None, "sheet": None,
            "table": None, "row": None, "column": None, "value": None,
            "message": "ids and names replaced by pseudonyms under a key; columns "
                       f"dropped: {what}{coarsened}"}


def _anonymous_actors(share: _Sharing, actors: pd.DataFrame,
                      actor_ids: pd.Series) -> pd.DataFrame:
    """The actors under pseudonyms, in their order (organisations unless level is kept)."""
    new = share.kept("actors", actors)
    if "level" in share.keep:
        new["level"] = actors["level"]
        if "org" in actors:
            new["org"] = actors["org"].map(actor_ids).astype("str").to_numpy()
    else:
        new["level"] = pd.Categorical(["organisation"] * len(actors),
                                      categories=actors["level"].cat.categories)
        new = new.drop(columns=[c for c in ("org",) if c in new])
    if "name" in actors:
        new["name"] = actor_ids.to_numpy()
    new.index = pd.Index(actor_ids.to_numpy(), name="id", dtype="str")
    new = new[[c for c in actors.columns if c in new.columns]]
    share.note("actors", actors, new)
    return new.iloc[np.argsort(new.index.to_numpy(dtype=str), kind="stable")]


def _anonymous_bodies(share: _Sharing, frame: pd.DataFrame,
                      body_ids: pd.Series) -> pd.DataFrame:
    """The bodies under pseudonyms, in their order."""
    out = share.kept("bodies", frame)
    if "name" in frame:
        out["name"] = body_ids.to_numpy()
    out = out[[c for c in frame.columns if c in out.columns]]
    share.note("bodies", frame, out)
    out.index = pd.Index(body_ids.to_numpy(), name="id", dtype="str")
    return out.iloc[np.argsort(out.index.to_numpy(dtype=str), kind="stable")]


def reidentification_risk(m: StakeholderMap, *,
                          keys: Iterable[str] = ("sector", "level", "bodies"),
                          k: int = 2) -> pd.DataFrame:
    """Actors that the combination of their attributes singles out.

    In a map of a few dozen actors, "the only academic person on the
    steering committee" names one person even without a name. This lists
    every actor whose combination of ``keys`` is shared by fewer than
    ``k`` actors (k-anonymity): with ``k=2``, the actors unique on it.
    Check a map with the attributes that will be shared (after
    :func:`~netmap.structure.anonymize.anonymize`) before sharing it.

    Parameters
    ----------
    m : StakeholderMap
        The map.
    keys : iterable of str, default ("sector", "level", "bodies")
        Actor columns, and ``"bodies"``: the set of bodies the actor sits
        in (every wave). A missing value counts as a value of its own.
    k : int, default 2
        The smallest group size that is safe.

    Returns
    -------
    pandas.DataFrame
        One row per actor at risk, indexed by actor id, smallest groups
        first. Columns: one per key (``bodies`` as the body ids joined with
        "; ", empty for none) and ``group_size``, the number of actors
        sharing the combination. Empty when no actor is at risk.
        ``attrs["k"]`` and ``attrs["keys"]`` record the arguments.

    Raises
    ------
    netmap.ParameterError
        For ``keys`` empty or naming a key that is not an actor column nor
        ``"bodies"``, or ``k`` below 2.

    Examples
    --------
    >>> import netmap
    >>> m = netmap.datasets.load_2x5()
    >>> risk = reidentification_risk(m)
    >>> int(risk["group_size"].max()) < 2
    True
    >>> len(reidentification_risk(m, keys=("sector",), k=2))
    1
    """
    given, keys = keys, list(keys)
    check_int("k", k, minimum=2)
    actors = m.actors
    if not keys:
        raise ParameterError("keys", given, "at least one of " + allowed_words(
            ["bodies", *map(str, actors.columns)]))
    frame = pd.DataFrame(index=actors.index.copy())
    for key in keys:
        if key == "bodies":
            members = m.memberships
            sets = (members.groupby("actor")["body"].agg(
                lambda b: "; ".join(sorted(set(b)))) if len(members)
                else pd.Series(dtype="str"))
            frame["bodies"] = sets.reindex(actors.index).fillna("").astype("str").to_numpy()
        elif key in actors.columns:
            frame[key] = actors[key].astype(object).to_numpy()
        else:
            raise ParameterError("keys", given, allowed_words(
                ["bodies", *map(str, actors.columns)]),
                hint=f"{key!r} is not a column of the actors nor 'bodies'")
    text = pd.DataFrame({key: frame[key].astype(object).where(frame[key].notna(),
                                                               "\x00missing").astype(str)
                         for key in keys})
    frame["group_size"] = text.groupby(keys, sort=False)[keys[0]].transform(
        "size").to_numpy(dtype=np.int64)
    risk = frame[frame["group_size"] < k]
    risk = risk.iloc[np.lexsort((risk.index.to_numpy(dtype=str),
                                 risk["group_size"].to_numpy()))]
    risk.attrs["k"] = k
    risk.attrs["keys"] = tuple(keys)
    return risk

