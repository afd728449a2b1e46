"""The input tables: their names, columns and the headers that name them.

Five tables make a map (DESIGN.md): ``actors`` and ``ties`` are required,
``memberships``, ``bodies`` and ``activities`` optional. Table (file or
sheet) names and column headers may be written in English, Hebrew or
Arabic; matching ignores case, spacing and punctuation as sector labels do.
Columns not listed here are kept as attributes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from netmap.model._labels import label_key

__all__ = ["Column", "TableSchema", "TABLES", "table_for_name", "table_for_header",
           "is_non_table_name", "NON_TABLE_NAMES"]


@dataclass(frozen=True)
class Column:
    """One known column of an input table.

    Parameters
    ----------
    name : str
        Canonical column name.
    kind : str
        How values are read: ``"id"`` (text identifier), ``"ref"`` (an actor
        id), ``"body_ref"`` (a body id), ``"text"``, ``"number"``,
        ``"sector"``, ``"level"``, ``"scope"``, ``"tie_type"``, ``"role"``,
        ``"body_kind"`` or ``"wave"``.
    required : bool
        Whether the table must have the column.
    aliases : tuple of str
        Other headers that name the column.
    doc : str
        One line for the input format reference.
    """

    name: str
    kind: str
    required: bool = False
    aliases: tuple[str, ...] = ()
    doc: str = ""


@dataclass(frozen=True)
class TableSchema:
    """The columns of one input table and the names of the table itself."""

    name: str
    required: bool
    columns: tuple[Column, ...]
    aliases: tuple[str, ...] = ()
    doc: str = ""

    def column(self, name: str) -> Column:
        """The known column called ``name``."""
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)

    @property
    def required_columns(self) -> tuple[str, ...]:
        """Names of the required columns."""
        return tuple(c.name for c in self.columns if c.required)

    def header_index(self) -> dict[str, str]:
        """Header key (see ``netmap.model._labels.label_key``) to column name.

        The index is worked out on the first call and kept on the schema
        (it is frozen); each call returns a fresh copy to change at will.

        Raises
        ------
        ValueError
            When one header would name two columns.
        """
        return dict(self._headers)

    @cached_property
    def _headers(self) -> dict[str, str]:
        """:meth:`header_index`, kept in this schema's ``__dict__`` (not a field)."""
        index: dict[str, str] = {}
        for c in self.columns:
            for label in (c.name, *c.aliases):
                key = label_key(label)
                if index.get(key, c.name) != c.name:
                    raise ValueError(f"header {label!r} names both {index[key]!r} and "
                                     f"{c.name!r} in the {self.name} table")
                index[key] = c.name
        return index


_WAVE = Column(
    "wave", "wave", aliases=("גל", "מועד", "שנה", "year", "joined", "first wave",
                             "موجة", "سنة"),
    doc="the wave (a number such as a year, an ISO date, or a label) in which the "
        "row starts to hold; empty: from the first wave",
)
_UNTIL = Column(
    "until", "wave", aliases=("עד", "עד גל", "end", "left", "last wave", "حتى"),
    doc="the last wave in which the row still holds (inclusive); empty: to the end",
)

ACTORS = TableSchema(
    "actors",
    True,
    (
        Column("id", "id", True,
               ("actor", "actor id", "actor_id", "node", "node id", "key", "code",
                "מזהה", "קוד", "מספר מזהה", "معرف", "رمز"),
               "unique identifier of the actor; ties and memberships refer to it"),
        Column("name", "text", False,
               ("label", "full name", "actor name", "שם", "שם הארגון", "שם השחקן",
                "اسم", "الاسم"),
               "display name, in any script"),
        Column("sector", "sector", True,
               ("sector code", "מגזר", "המגזר", "قطاع", "القطاع"),
               "the actor's sector: a code or alias of the sector taxonomy"),
        Column("level", "level", False,
               ("actor level", "type of actor", "רמה", "סוג שחקן", "مستوى"),
               "person, organisation or body; empty: organisation"),
        Column("org", "ref", False,
               ("organisation", "organization", "organisation id", "parent",
                "ארגון", "ארגון אם", "منظمة"),
               "for a person, the id of the organisation they represent"),
        Column("scope", "scope", False,
               ("geographic scope", "geography", "level of activity", "היקף",
                "היקף גאוגרפי", "היקף פעילות", "نطاق"),
               "local, regional, national or global"),
        _WAVE,
        _UNTIL,
    ),
    aliases=("actor", "nodes", "node", "elements", "organisations", "organizations",
             "stakeholders", "שחקנים", "גורמים", "ארגונים", "בעלי עניין",
             "جهات", "فاعلون"),
    doc="one row per actor: an organisation, a person inside one, or a body",
)

TIES = TableSchema(
    "ties",
    True,
    (
        Column("source", "ref", True,
               ("from", "source id", "ego", "sender", "actor 1", "actor1", "מקור",
                "מ", "שחקן 1", "من", "مصدر"),
               "id of one actor (the sender in a directed map)"),
        Column("target", "ref", True,
               ("to", "target id", "alter", "receiver", "actor 2", "actor2", "יעד",
                "אל", "שחקן 2", "إلى", "هدف"),
               "id of the other actor (the receiver in a directed map)"),
        Column("type", "tie_type", False,
               ("tie type", "relation", "relationship", "kind", "סוג", "סוג קשר",
                "סוג הקשר", "نوع", "نوع العلاقة"),
               "tie type from the tie vocabulary; other types are kept as written"),
        Column("weight", "number", False,
               ("strength", "intensity", "value", "משקל", "עוצמה", "חוזק", "وزن"),
               "a number; empty: 1"),
        Column("trust", "number", False,
               ("trust level", "אמון", "רמת אמון", "ثقة"),
               "a number, such as a 1-5 rating; empty: unknown"),
        _WAVE,
        _UNTIL,
    ),
    aliases=("tie", "edges", "edge", "links", "link", "connections", "relations",
             "relationships", "network", "קשרים", "קשר", "קישורים", "علاقات",
             "روابط"),
    doc="one row per tie between two actors",
)

MEMBERSHIPS = TableSchema(
    "memberships",
    False,
    (
        Column("actor", "ref", True,
               ("actor id", "member", "member id", "שחקן", "חבר", "גורם", "عضو"),
               "id of the member actor"),
        Column("body", "body_ref", True,
               ("body id", "group", "committee", "team", "גוף", "ועדה", "צוות",
                "هيئة"),
               "id of the body"),
        Column("role", "role", False,
               ("position", "תפקיד", "دور"),
               "chair, lead, coordinator, member, observer; others kept as written"),
        _WAVE,
        _UNTIL,
    ),
    aliases=("membership", "members", "body members", "חברות בגופים", "חברים",
             "عضوية"),
    doc="one row per actor sitting in a body",
)

BODIES = TableSchema(
    "bodies",
    False,
    (
        Column("id", "id", True,
               ("body", "body id", "מזהה", "גוף", "קוד", "معرف"),
               "unique identifier of the body"),
        Column("name", "text", False, ("label", "שם", "اسم"), "display name"),
        Column("kind", "body_kind", False,
               ("type", "body type", "סוג", "סוג גוף", "نوع"),
               "steering_committee, working_team, coalition, sector_team, "
               "partner_network; others kept as written"),
        _WAVE,
        _UNTIL,
    ),
    aliases=("body", "groups", "committees", "mechanisms", "גופים", "מנגנונים",
             "ועדות", "هيئات"),
    doc="one row per joint or single-sector body",
)

ACTIVITIES = TableSchema(
    "activities",
    False,
    (
        Column("actor", "ref", True,
               ("actor id", "organisation", "שחקן", "ארגון", "גורם", "جهة"),
               "id of the actor"),
        Column("goal", "text", True,
               ("shared goal", "objective", "target area", "מטרה", "יעד משותף",
                "هدف مشترك"),
               "the shared goal the actor works on"),
        _WAVE,
        _UNTIL,
    ),
    aliases=("activity", "programs", "programmes", "פעילויות", "תוכניות",
             "أنشطة"),
    doc="one row per actor working on a shared goal (overlap and gap maps)",
)

TABLES: dict[str, TableSchema] = {
    t.name: t for t in (ACTORS, TIES, MEMBERSHIPS, BODIES, ACTIVITIES)
}
"""The five tables, by canonical name, in reading order."""

_TABLE_INDEX = {
    label_key(label): t.name
    for t in TABLES.values()
    for label in (t.name, *t.aliases)
}


def table_for_name(name: str) -> str | None:
    """The table a file stem or sheet name stands for, or None.

    Examples
    --------
    >>> table_for_name("Actors"), table_for_name("קשרים"), table_for_name("notes")
    ('actors', 'ties', None)
    """
    return _TABLE_INDEX.get(label_key(name))


#: Sheet and file names that are known not to be tables (instructions, notes,
#: the template's drop-down lists): skipped with a note, never a warning.
NON_TABLE_NAMES = ("instructions", "notes", "readme", "read me", "about", "help",
                   "lists", "הוראות", "הערות", "הסבר", "רשימות", "تعليمات", "ملاحظات",
                   "قوائم")

_NON_TABLE_KEYS = frozenset(label_key(n) for n in NON_TABLE_NAMES)


def is_non_table_name(name: str) -> bool:
    """Whether a sheet or file name says it holds no table (notes, instructions).

    Examples
    --------
    >>> is_non_table_name("Instructions"), is_non_table_name("הוראות")
    (True, True)
    >>> is_non_table_name("חברות")
    False
    """
    return label_key(name) in _NON_TABLE_KEYS


def _header_score(keys: set[str], schema: TableSchema) -> int:
    """How many of a header's cells name columns of ``schema``; 0 without the required ones."""
    index = schema.header_index()
    named = {index[k] for k in keys if k in index}
    return len(named) if set(schema.required_columns) <= named else 0


def table_for_header(header: list[str | None]) -> tuple[str | None, tuple[str, ...]]:
    """The table whose columns a header row names, found by its required columns.

    A table is a candidate when the header names every one of its required
    columns; among candidates the one of which the header names the most
    known columns wins. A tie between two tables is ambiguous.

    Parameters
    ----------
    header : list of str or None
        The cells of one row.

    Returns
    -------
    table : str or None
        The table, or None when no table or more than one fits.
    candidates : tuple of str
        The tables that fit equally well (two or more when ambiguous).

    Examples
    --------
    >>> table_for_header(["שחקן", "גוף", "תפקיד"])
    ('memberships', ('memberships',))
    >>> table_for_header(["id", "sector", "name"])
    ('actors', ('actors',))
    >>> table_for_header(["anything"])
    (None, ())
    """
    keys = {label_key(str(h)) for h in header if h is not None and str(h).strip()}
    scores = {name: _header_score(keys, schema) for name, schema in TABLES.items()}
    best = max(scores.values())
    if best == 0:
        return None, ()
    tops = tuple(name for name, score in scores.items() if score == best)
    return (tops[0] if len(tops) == 1 else None), tops
