"""Safe sharing: stable pseudonyms, dropped and coarsened columns, re-identification risk.

A backbone team shares its map with researchers without exposing the
people and organisations in it: :func:`~netmap.structure.anonymize.anonymize` replaces every id,
name and goal with a pseudonym computed under a secret key (HMAC-SHA256),
drops the map's title and every other free-text column, keeps every tie,
membership and wave, and keeps only the attributes the user names. The
same key gives the same pseudonyms, so the waves of a study stay
comparable; another key gives others, so two shared copies cannot be
joined. :func:`netmap.reidentification_risk` then lists the actors that
what the shared map still shows singles out: their attributes, the bodies
they sit in, and the ties that anonymising keeps (degree, and the sectors
of the other ends).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Hashable, Iterable, Mapping
from itertools import combinations
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from netmap.model._params import allowed_words, check_int
from netmap.model._validation import DERIVED_COLUMNS, Validated, in_index
from netmap.model.exceptions import InvalidValueError, ParameterError
from netmap.model.vocabulary import BODY_KINDS, ROLES, TIE_TYPES, Vocabulary

if TYPE_CHECKING:
    from netmap.model.stakeholder_map import StakeholderMap

__all__ = ["anonymize", "pseudonyms", "reidentification_risk", "KEY_BYTES", "SEARCH_KEYS",
           "STRUCTURAL_KEYS"]

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
_FIXED = {"sector", "source", "target", "actor", "body", "id", "core", "tie_class"}

#: The fewest bytes a key may have (128 bits; UTF-8 for text).
KEY_BYTES = 16

#: Vocabulary columns: a value outside the vocabulary is free text, shared as a
#: pseudonym (with this prefix) unless the column is kept as written.
_VOCABULARIES = {("ties", "type"): (TIE_TYPES, "t"), ("memberships", "role"): (ROLES, "r"),
                 ("bodies", "kind"): (BODY_KINDS, "k")}


#: No vocabulary: every goal is free text.
_GOALS = Vocabulary("goal", [], closed=False)


class _Hidden:
    """A key in an error message: its length, never its value."""

    def __init__(self, size: int) -> None:
        self.size = size

    def __repr__(self) -> str:
        return f"<a key of {self.size} bytes>"


def _key_bytes(key) -> bytes:
    if isinstance(key, bytes | bytearray):
        data = bytes(key)
    elif isinstance(key, str):
        data = key.encode("utf-8")
    else:
        raise ParameterError("key", type(key).__name__, "text or bytes",
                             hint="pass a secret passphrase, kept apart from the shared map")
    if len(data) < KEY_BYTES:
        raise ParameterError(
            "key", _Hidden(len(data)), f"text or bytes of at least {KEY_BYTES} bytes "
            "(such as secrets.token_hex(16))", hint="the same key gives the same "
            "pseudonyms in every wave; keep it apart from the shared map")
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
        The secret key: at least
        :data:`~netmap.structure.anonymize.KEY_BYTES` (16) bytes, text
        counted in UTF-8.
    prefix : str, default "a"
        ``"a"`` for actors, ``"b"`` for bodies, ``"g"`` for goals;
        different prefixes give unrelated pseudonyms for the same id.

    Returns
    -------
    pandas.Series
        Pseudonyms, indexed by the ids as given.

    Raises
    ------
    netmap.ParameterError
        For a key that is not text or bytes, or is shorter than 16 bytes
        (the message gives its length, never the key).
    netmap.InvalidValueError
        When (at odds of about 1 in 10^8 at a million ids) two ids get one
        pseudonym.

    Examples
    --------
    >>> p = pseudonyms(["moe", "intel"], "a secret of 16+ bytes")
    >>> same = pseudonyms(["moe"], "a secret of 16+ bytes")["moe"]
    >>> p["moe"] == same, p["moe"][:2], len(p["moe"])
    (True, 'a_', 18)
    >>> p["moe"] == pseudonyms(["moe"], "another secret, 16+ bytes")["moe"]
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


def anonymize(m: StakeholderMap, *, key=None, keep: Iterable[str] = ("sector", "level"),
              drop: Iterable[str] = (), coarsen: Mapping[str, object] | None = None,
              title: str | None = None, suppress: Iterable[str] = ()) -> StakeholderMap:
    """The map with pseudonyms for ids, names and goals, and only the attributes kept.

    Every actor id becomes a pseudonym (:func:`netmap.pseudonyms`, prefix ``a``),
    and so does every body id (prefix ``b``); names become the pseudonyms
    too. Every tie, membership and activity is kept, with its ends
    renamed, so every structural measure (mixing, E-I, brokerage,
    constraint, centrality) is the same up to the renaming. Rows are put
    in the order of the pseudonyms, so that the order of the original
    tables (often alphabetical, or by date of entry) does not show.

    Free text does not travel: the map's title is dropped (or replaced by
    ``title``); goals become pseudonyms (prefix ``g``), so the coverage of
    goals can still be computed but not read; a tie type, role or body
    kind outside netmap's vocabulary (written by hand, such as "lobbying
    for the mayor") becomes a pseudonym (prefixes ``t``, ``r``, ``k``);
    every other column (``name_en``, ``scope``, ``backbone``, the bodies'
    ``coordinator``, notes, budgets ...) is dropped.

    Kept: the sector, the structure columns (tie ``type``, ``weight``,
    ``trust``; membership ``role``; body ``kind``; the activities' ``goal``;
    ``wave`` and ``until`` everywhere) unless named in ``drop``, the
    columns named in ``keep`` (as written) or ``coarsen``, and the map's
    ``date`` (a date like the waves, not free text).

    Parameters
    ----------
    m : StakeholderMap
        The map.
    key : str or bytes, optional
        A secret key of at least 16 bytes
        (:data:`~netmap.structure.anonymize.KEY_BYTES`; text counted in
        UTF-8). The same key gives the same pseudonyms, so waves written
        at different times can be compared; keep it apart from the shared
        map. Default: a fresh random key (``secrets.token_bytes``), used
        once and forgotten, so the pseudonyms can be linked to no other
        copy, not even by you.
    keep : iterable of str, default ("sector", "level")
        Other columns to keep as written, in any table. ``level`` keeps who
        is a person and the organisation (``org``, as a pseudonym) they
        represent; without it every actor counts as an organisation.
        ``goal`` keeps the goals as written; ``type``, ``role`` and
        ``kind`` keep the values outside the vocabulary as written.
    drop : iterable of str
        Structure columns to drop as well (``trust``, ``wave``, ``role``
        ...); ``goal`` drops the activities table.
    coarsen : dict, optional
        Columns kept in a coarser form: column name to bin edges (a list
        of numbers; values become intervals such as ``"[10.0, 50.0)"``), a
        mapping of value to group (``{"goal": {"math": "STEM", ...}}``), or
        a function. The result is text.
    title : str, optional
        The shared map's title. Default: none (the map's own title often
        names the initiative).
    suppress : iterable of str
        Actor ids (of ``m``) left out of the shared map, with their ties,
        memberships and activities, and with the persons who represent
        them: the actors :func:`netmap.reidentification_risk` finds at risk, when
        coarsening cannot hide them. Leaving actors out changes every
        measure, and the degrees of their partners.

    Returns
    -------
    StakeholderMap
        Its ``issues`` hold one note saying what was pseudonymised,
        dropped, coarsened and suppressed.

    Raises
    ------
    netmap.ParameterError
        For a key that is not text or bytes or is shorter than 16 bytes
        (the message gives its length, never the key); for a column in
        ``keep``, ``drop`` or ``coarsen`` that no table has, one that cannot
        be dropped (ids, sectors), or one both kept and dropped.
    netmap.InvalidValueError
        For a ``coarsen`` rule that does not fit its column's values.
    netmap.UnknownActorError
        For an id in ``suppress`` that is not an actor of the map.

    See Also
    --------
    netmap.reidentification_risk : the actors the shared map still singles out.

    Examples
    --------
    >>> import netmap
    >>> m = netmap.datasets.load_2x5()
    >>> a = m.anonymize(key="a long secret, 16+ bytes")
    >>> a.actors.columns.tolist()
    ['name', 'sector', 'core', 'level', 'org', 'wave', 'until']
    >>> a.n_ties == m.n_ties, a.actors.index[0].startswith("a_"), a.name
    (True, True, None)
    >>> bool(a.activities["goal"].str.startswith("g_").all())
    True
    >>> a.equals(m.anonymize(key="a long secret, 16+ bytes"))
    True
    """
    from netmap.model.stakeholder_map import StakeholderMap

    keep, drop = tuple(keep), tuple(drop)
    secret = secrets.token_bytes(32) if key is None else _key_bytes(key)
    share = _Sharing(set(keep), set(drop), dict(coarsen or {}), secret,
                     given={"keep": keep, "drop": drop, "coarsen": coarsen})
    share.check((m.actors, m.ties, m.memberships, m.bodies, m.activities))
    if title is not None and not isinstance(title, str):
        raise ParameterError("title", title, "text or None")
    m = share.suppressed(m, suppress)
    actor_ids = pseudonyms(m.actors.index, secret, prefix="a")
    body_ids = pseudonyms(m.bodies.index, secret, prefix="b")
    actors = _anonymous_actors(share, m.actors, actor_ids)
    ties = share.renamed("ties", m.ties, {"source": actor_ids, "target": actor_ids},
                         ["source", "target"])
    memberships = activities = bodies = None
    if m._memberships is not None:
        memberships = share.renamed("memberships", m.memberships,
                                    {"actor": actor_ids, "body": body_ids},
                                    ["actor", "body"])
    if m._activities is not None and "goal" not in share.drop:
        activities = share.renamed("activities", m.activities, {"actor": actor_ids},
                                   ["actor", "goal"])
    elif m._activities is not None:
        share.dropped.append("activities (goal dropped)")
    if m._bodies is not None:
        bodies = _anonymous_bodies(share, m.bodies, body_ids)
    validated = Validated(actors, ties, memberships, bodies, activities, m.waves,
                          [share.issue(title_dropped=m.name is not None)])
    return StakeholderMap._from_validated(validated, directed=m.directed,
                                          taxonomy=m.taxonomy, name=title, date=m.date)


class _Sharing:
    """What :func:`anonymize` keeps, drops and coarsens, and what it dropped."""

    def __init__(self, keep: set[str], drop: set[str], coarsen: dict[str, object],
                 secret: bytes, *, given: dict[str, object]) -> None:
        self.given = given  # the arguments as given, for ParameterError
        self.keep = keep
        self.drop = drop
        self.coarsen = coarsen
        self.secret = secret
        self.dropped: list[str] = []
        self.hidden: list[str] = []  # free-text columns shared as pseudonyms
        self.n_suppressed = 0

    def suppressed(self, m: StakeholderMap, ids: Iterable[str]) -> StakeholderMap:
        """``m`` without the actors ``ids`` and the persons who represent them."""
        from netmap.model._select import actor_ids

        gone = set(actor_ids(m, ids, what="suppress: actor"))
        if not gone:
            return m
        if "org" in m.actors:
            gone |= set(m.actors.index[in_index(m.actors["org"], pd.Index(list(gone)))])
        self.n_suppressed = len(gone)
        return m.without(sorted(gone))

    def free_text(self, table: str, out: pd.DataFrame) -> None:
        """Goals, and vocabulary columns' values outside the vocabulary, as pseudonyms."""
        columns = {c: (vocab, prefix) for (t, c), (vocab, prefix) in _VOCABULARIES.items()
                   if t == table}
        if table == "activities":
            columns["goal"] = (_GOALS, "g")
        for column, (vocab, prefix) in columns.items():
            if column not in out or column in self.keep or column in self.coarsen:
                continue
            values = out[column]
            hide = values.notna().to_numpy()
            if vocab is not _GOALS:
                hide = hide & ~values.isin(vocab.codes).to_numpy()
            if hide.any():
                shared = np.array(values.astype(object), dtype=object)
                shared[hide] = pseudonyms(shared[hide].astype(str), self.secret,
                                          prefix=prefix).to_numpy()
                out[column] = pd.Series(shared, index=out.index, dtype=values.dtype
                                        if values.dtype == "str" else object)
                self.hidden.append(f"{table}.{column}")

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
        self.free_text(table, out)
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

    def issue(self, *, title_dropped: bool) -> dict:
        """The note in the shared map's issues: what was hidden, dropped, coarsened."""
        what = ", ".join(self.dropped) if self.dropped else "none"
        coarsened = (f"; coarsened: {', '.join(sorted(self.coarsen))}"
                     if self.coarsen else "")
        hidden = (f"; free text replaced by pseudonyms: {', '.join(self.hidden)}"
                  if self.hidden else "")
        title = "; the map's title dropped" if title_dropped else ""
        gone = (f"; {self.n_suppressed} actor(s) suppressed with their ties"
                if self.n_suppressed else "")
        return {
            "severity": "note", "code": "anonymized", "file": None, "sheet": None,
            "table": None, "row": None, "column": None, "value": None,
            "message": "ids and names replaced by pseudonyms under a key; columns "
                       f"dropped: {what}{coarsened}{hidden}{title}{gone}"}


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


#: Keys computed from the ties, which anonymising keeps: the number of ties at
#: an actor, and the sectors at the other ends of its ties.
STRUCTURAL_KEYS = ("degree", "neighbour_sectors")

#: Combinations of at most this many keys are searched for what singles an
#: actor out (``singled_out_by``).
SEARCH_KEYS = 3


def reidentification_risk(m: StakeholderMap, *,
                          keys: Iterable[str] = ("sector", "level", "bodies", "degree",
                                                 "neighbour_sectors"),
                          k: int = 2, degree_bins: Iterable[float] | None = None
                          ) -> pd.DataFrame:
    """Actors that what a shared map shows singles out, and what singles them out.

    In a map of a few dozen actors, "the only academic person on the
    steering committee" names one person even without a name, and so does
    "the actor with 60 ties": anonymising keeps every tie, so the degree
    and the sectors of an actor's partners travel with the shared map.
    This groups the actors by their values of ``keys`` (k-anonymity
    classes) and lists every actor whose class has fewer than ``k`` actors:
    with ``k=2``, the actors unique on it. Check the map that will be
    shared (after :func:`~netmap.structure.anonymize.anonymize`), then
    coarsen or drop the attributes that single actors out, or leave them
    out with ``anonymize(..., suppress=risk.index)`` (on the original
    map's ids).

    Parameters
    ----------
    m : StakeholderMap
        The map.
    keys : iterable of str, default ("sector", "level", "bodies", "degree", "neighbour_sectors")
        What an outsider may know of an actor and find in the shared map:
        actor columns; ``"bodies"``, the set of bodies the actor sits in
        (every wave); ``"degree"``, the number of ties at the actor in the
        ties table (every wave, either direction; a self-tie counts once);
        ``"neighbour_sectors"``, the sector at the other end of each of
        those ties, counted (``"business 3, public 1"``, sectors in the
        taxonomy's order; it also tells the degree). A missing value counts
        as a value of its own.
    k : int, default 2
        The smallest class that is safe.
    degree_bins : iterable of float, optional
        Edges of degree classes (``[0, 1, 5, 20, inf]``): the degree counts
        only by its class, ``"[5, 20)"``, for an outsider who knows it
        roughly. The edges must increase and hold every degree. Leave out
        ``"neighbour_sectors"`` too, which tells the exact degree.

    Returns
    -------
    pandas.DataFrame
        One row per actor at risk, indexed by actor id, smallest classes
        first, then by id. Columns: one per key (``bodies`` as the body ids
        joined with "; ", empty for none; ``degree`` a whole number, or the
        class as text with ``degree_bins``; ``neighbour_sectors`` text);
        ``group_size``, the number of actors sharing the actor's values of
        all the keys; ``singled_out_by``, the fewest keys (at most
        :data:`~netmap.structure.anonymize.SEARCH_KEYS`, first in the order
        of ``keys``) whose values alone put the actor in a class below ``k``, joined with " + " (all
        the keys when no combination of three does). Empty when no actor is
        at risk. ``attrs["k"]``, ``attrs["keys"]`` and
        ``attrs["degree_bins"]`` record the arguments.

    Raises
    ------
    netmap.ParameterError
        For ``keys`` empty or naming a key that is not an actor column,
        ``"bodies"``, ``"degree"`` nor ``"neighbour_sectors"``; ``k`` below
        2; ``degree_bins`` that do not increase or leave a degree out.

    Notes
    -----
    k-anonymity (Sweeney 2002) asks every combination of the attributes
    an outsider can link to be shared by at least ``k`` records. In a
    network the structure is such an attribute: the degree, and the
    neighbourhood, single out actors that share every column (Zhou and
    Pei 2008). The ties are counted as the shared ties table shows them:
    undirected, every wave; a directed map also shows in- and out-degrees
    apart, so its risk is higher than this counts.

    References
    ----------
    .. [1] L. Sweeney, "k-anonymity: a model for protecting privacy",
       International Journal of Uncertainty, Fuzziness and Knowledge-Based
       Systems 10(5), 557-570 (2002). doi:10.1142/S0218488502001648
    .. [2] B. Zhou and J. Pei, "Preserving privacy in social networks
       against neighborhood attacks", Proc. IEEE ICDE 2008, 506-515.
       doi:10.1109/ICDE.2008.4497459

    Examples
    --------
    >>> import netmap
    >>> m = netmap.datasets.load_2x5()
    >>> by_degree = reidentification_risk(m, keys=("degree",))
    >>> by_degree["degree"].to_dict()
    {'beit_yatziv': 32, 'intel': 21, 'moe': 34, 'ngo_b': 18, 'ngo_q': 11, 'sheatufim': 60}
    >>> risk = reidentification_risk(m)
    >>> len(risk), m.n_actors
    (83, 92)
    >>> risk.loc[["sheatufim", "moe"], "singled_out_by"].tolist()
    ['bodies', 'degree']
    >>> len(reidentification_risk(m, keys=("sector",), k=2))
    1
    """
    given, keys = keys, list(keys)
    check_int("k", k, minimum=2)
    frame = _key_values(m, keys, given, degree_bins)
    codes = {key: _codes(frame[key]) for key in keys}
    size = _class_sizes(codes, keys)
    at_risk = size < k
    risk = frame[at_risk].copy()
    risk["group_size"] = size[at_risk]
    risk["singled_out_by"] = _singled_out_by(codes, keys, k, at_risk)[at_risk]
    risk = risk.iloc[np.lexsort((risk.index.to_numpy(dtype=str),
                                 risk["group_size"].to_numpy()))]
    risk.attrs["k"] = k
    risk.attrs["keys"] = tuple(keys)
    risk.attrs["degree_bins"] = None if degree_bins is None else tuple(degree_bins)
    return risk


def _key_values(m: StakeholderMap, keys: list[str], given, degree_bins) -> pd.DataFrame:
    """Each actor's value of each key, indexed by actor id."""
    actors = m.actors
    allowed = ["bodies", *STRUCTURAL_KEYS, *map(str, actors.columns)]
    if not keys:
        raise ParameterError("keys", given, "at least one of " + allowed_words(allowed))
    frame = pd.DataFrame(index=actors.index.copy())
    ends, partners = _tie_ends(m)
    degree = np.bincount(ends, minlength=m.n_actors).astype(np.int64)
    for key in keys:
        if key == "bodies":
            members = m.memberships
            sets = (members.groupby("actor")["body"].agg(
                lambda b: "; ".join(sorted(set(b)))) if len(members)
                else pd.Series(dtype="str"))
            frame["bodies"] = sets.reindex(actors.index).fillna("").astype("str").to_numpy()
        elif key == "degree":
            frame["degree"] = degree if degree_bins is None else _bins(degree, degree_bins)
        elif key == "neighbour_sectors":
            frame["neighbour_sectors"] = pd.array(_neighbour_sectors(m, ends, partners),
                                                  dtype="str")
        elif key in actors.columns:
            frame[key] = actors[key].astype(object).to_numpy()
        else:
            raise ParameterError("keys", given, allowed_words(allowed),
                                 hint=f"{key!r} is not a column of the actors nor one of "
                                      "'bodies', 'degree', 'neighbour_sectors'")
    return frame


def _tie_ends(m: StakeholderMap) -> tuple[np.ndarray, np.ndarray]:
    """Both ends of every tie as (actor, partner) positions; a self-tie once, for its source."""
    src, dst = m.arrays.source, m.arrays.target
    other = dst != src
    return np.concatenate([src, dst[other]]), np.concatenate([dst, src[other]])


def _neighbour_sectors(m: StakeholderMap, ends: np.ndarray, partners: np.ndarray) -> list[str]:
    """The sectors at the other ends of each actor's ties, as text ("public 2, third 1").

    The counts per (actor, sector) by one ``bincount``; the text of every
    count and of every actor's list joined by pyarrow's string kernels
    when pyarrow is installed (the ``fast`` extra), by Python's otherwise.
    """
    n = m.n_actors
    sector = m.actors["sector"].cat.codes.to_numpy().astype(np.int64)
    names = np.array([str(c) for c in m.actors["sector"].cat.categories], dtype=object)
    width = max(len(names), 1)
    counts = np.bincount(ends.astype(np.int64) * width + sector[partners],
                         minlength=n * width)
    nonzero = np.flatnonzero(counts)  # by actor, then by sector
    offsets = np.concatenate([[0], np.cumsum(np.bincount(nonzero // width, minlength=n))])
    return _joined(names[nonzero % width], counts[nonzero], offsets)


def _joined(names: np.ndarray, counts: np.ndarray, offsets: np.ndarray) -> list[str]:
    """``"name count"`` of each entry, joined by ", " within each run of ``offsets``."""
    try:
        import pyarrow as pa
        import pyarrow.compute as pc
    except ImportError:
        pieces = [f"{name} {count}" for name, count in zip(names, counts.tolist(), strict=True)]
        return [", ".join(pieces[lo:hi]) for lo, hi in zip(offsets[:-1].tolist(),
                                                             offsets[1:].tolist(), strict=True)]
    pieces = pc.binary_join_element_wise(pa.array(names, type=pa.string()),
                                         pc.cast(pa.array(counts), pa.string()), " ")
    lists = pa.ListArray.from_arrays(pa.array(offsets, type=pa.int64()), pieces)
    return pc.binary_join(lists, ", ").to_pylist()


def _bins(degree: np.ndarray, edges) -> np.ndarray:
    """Each degree as the text of its class ``[low, high)``."""
    given = edges
    try:
        edges = np.asarray(list(edges), dtype=float)
    except (TypeError, ValueError):
        edges = np.array([np.nan])
    allowed = "increasing bin edges that hold every degree, such as [0, 1, 5, 20, inf]"
    if len(edges) < 2 or np.isnan(edges).any() or (np.diff(edges) <= 0).any():
        raise ParameterError("degree_bins", given, allowed)
    which = np.searchsorted(edges, degree, side="right") - 1
    if len(degree) and (which.min() < 0 or which.max() >= len(edges) - 1):
        raise ParameterError("degree_bins", given, allowed,
                             hint=f"degrees run from {degree.min()} to {degree.max()}")
    labels = np.array([f"[{lo:g}, {hi:g})" for lo, hi in zip(edges[:-1], edges[1:],
                                                              strict=True)], dtype=object)
    return labels[which]


def _codes(values: pd.Series) -> np.ndarray:
    """Integer codes of a key's values; a missing value is a value of its own."""
    text = values.astype(object).where(values.notna(), "\x00missing").astype(str)
    return pd.factorize(text)[0]


def _class_sizes(codes: dict[str, np.ndarray], keys) -> np.ndarray:
    """The number of actors that share each actor's values of ``keys``."""
    combined = np.zeros(len(codes[keys[0]]), dtype=np.int64)
    for key in keys:  # one whole number per distinct combination so far, below actors
        values = codes[key].astype(np.int64)
        combined = pd.factorize(combined * (int(values.max(initial=0)) + 1) + values)[0]
    return np.bincount(combined)[combined].astype(np.int64)


def _singled_out_by(codes: dict[str, np.ndarray], keys: list[str], k: int,
                    at_risk: np.ndarray) -> np.ndarray:
    """For each actor at risk, the fewest keys whose values alone single it out."""
    found = np.full(len(at_risk), None, dtype=object)
    for size in range(1, min(SEARCH_KEYS, len(keys)) + 1):
        for combo in combinations(keys, size):
            new = at_risk & (found == None) & (_class_sizes(codes, combo) < k)  # noqa: E711
            found[new] = " + ".join(combo)
    found[at_risk & (found == None)] = " + ".join(keys)  # noqa: E711
    return found
