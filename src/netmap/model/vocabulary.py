"""Closed and open vocabularies: actor levels, scopes, tie types, roles, body kinds.

Each vocabulary maps the labels people write (English, Hebrew, Arabic; any
case, spacing or punctuation) to one canonical code. A closed vocabulary
(levels, scopes) rejects an unknown label; an open one (tie types, roles,
body kinds) keeps it as written and lets the map report it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from netmap.model._labels import clean_text, closest, label_key

if TYPE_CHECKING:  # pandas is imported by normalise, so that the command line starts fast
    import pandas as pd

__all__ = [
    "Term",
    "Vocabulary",
    "LEVELS",
    "SCOPES",
    "TIE_TYPES",
    "TIE_CLASSES",
    "ROLES",
    "BODY_KINDS",
    "tie_class",
]


@dataclass(frozen=True)
class Term:
    """One canonical code of a vocabulary with its names and aliases.

    Parameters
    ----------
    code : str
        The canonical code (lower case ASCII, underscores).
    en : str
        English display name.
    he : str
        Hebrew display name.
    aliases : tuple of str
        Other ways to write it, in any language; the code and both display
        names are aliases too.
    """

    code: str
    en: str
    he: str
    aliases: tuple[str, ...] = ()

    def labels(self) -> tuple[str, ...]:
        """Every label that names this term: code, names, aliases."""
        return (self.code, self.en, self.he, *self.aliases)

    @property
    def names(self) -> dict[str, str]:
        """The display names by language code: ``{"en": ..., "he": ...}``."""
        return {"en": self.en, "he": self.he}


@dataclass(frozen=True)
class Vocabulary:
    """An ordered set of terms and the lookup from labels to codes.

    Parameters
    ----------
    name : str
        What the vocabulary names ("level", "tie type"), used in messages.
    terms : iterable of Term
        The terms, in their canonical order.
    closed : bool
        Whether a label outside the vocabulary is an error.
    drop : iterable of str
        Words ignored when matching labels (the sector taxonomy ignores
        "sector" in English, Hebrew and Arabic).

    Examples
    --------
    >>> LEVELS.lookup("ארגון")
    'organisation'
    >>> LEVELS.lookup("Organization")
    'organisation'
    >>> LEVELS.lookup("committee member") is None
    True
    """

    name: str
    terms: tuple[Term, ...]
    closed: bool = True
    drop: frozenset[str] = frozenset()
    _index: Mapping[str, str] = field(init=False, repr=False, compare=False)

    def __init__(
        self,
        name: str,
        terms: Iterable[Term],
        closed: bool = True,
        drop: Iterable[str] = (),
    ) -> None:
        terms = tuple(terms)
        drop = frozenset(drop)
        object.__setattr__(self, "name", name)
        object.__setattr__(self, "terms", terms)
        object.__setattr__(self, "closed", closed)
        object.__setattr__(self, "drop", drop)
        index = _build_index(name, terms, drop)
        object.__setattr__(self, "_index", MappingProxyType(index))

    # A mappingproxy cannot be pickled: the index travels as a dict (so that
    # maps, which hold their taxonomy, pickle and deep-copy).
    def __getstate__(self) -> dict[str, object]:
        """The fields, with the index as a plain dict."""
        return {**self.__dict__, "_index": dict(self._index)}

    def __setstate__(self, state: dict[str, Any]) -> None:
        """Restore the fields, the index read-only again."""
        self.__dict__.update(state, _index=MappingProxyType(state["_index"]))

    @property
    def codes(self) -> tuple[str, ...]:
        """The canonical codes, in order."""
        return tuple(t.code for t in self.terms)

    def term(self, code: str) -> Term:
        """The term with this canonical code."""
        for t in self.terms:
            if t.code == code:
                return t
        raise KeyError(code)

    def lookup(self, label: object) -> str | None:
        """The canonical code of ``label``, or None when it is not known."""
        if not isinstance(label, str):
            return None
        key = label_key(label, self.drop)
        return self._index.get(key) if key else None

    def suggest(self, label: str, n: int = 3) -> list[str]:
        """The codes nearest to an unknown label, best first."""
        return closest(label, dict(self._index), n=n, drop=self.drop)

    def suggestion_text(self, label: str) -> str:
        """A sentence suggesting the nearest known labels for ``label``."""
        near = self.suggest(label)
        known = ", ".join(self.codes)
        if near:
            quoted = " or ".join(f"'{c}'" for c in near)
            return f"did you mean {quoted}? Known {self.name}s: {known}"
        return f"use one of the known {self.name}s: {known}"

    def with_terms(self, *terms: Term) -> Vocabulary:
        """A new vocabulary with these terms added (or replaced by code)."""
        new = {t.code: t for t in self.terms}
        for t in terms:
            new[t.code] = t
        return Vocabulary(self.name, new.values(), closed=self.closed, drop=self.drop)

    def with_aliases(self, aliases: Mapping[str, str]) -> Vocabulary:
        """A new vocabulary with extra aliases, given as ``{alias: code}``."""
        extra: dict[str, list[str]] = {}
        for alias, code in aliases.items():
            if code not in self.codes:
                raise KeyError(
                    f"cannot add alias {alias!r}: {code!r} is not a {self.name} "
                    f"code; known codes: {', '.join(self.codes)}"
                )
            extra.setdefault(code, []).append(alias)
        terms = [
            Term(t.code, t.en, t.he, (*t.aliases, *extra.get(t.code, ())))
            for t in self.terms
        ]
        return Vocabulary(self.name, terms, closed=self.closed, drop=self.drop)

    def normalise(self, values: pd.Series) -> tuple[pd.Series, pd.Series]:
        """Map a column of labels to codes, looking each distinct label up once.

        Parameters
        ----------
        values : pandas.Series
            Labels as written; missing values stay missing.

        Returns
        -------
        codes : pandas.Series
            The canonical code where the label is known; for an open
            vocabulary the trimmed label as written otherwise; missing where
            the label is missing or (closed vocabulary) unknown.
        unknown : pandas.Series of bool
            True where a label is present but not in the vocabulary.
        """
        import numpy as np
        import pandas as pd

        codes, distinct = pd.factorize(values, use_na_sentinel=True)
        looked = [self.lookup(v) if isinstance(v, str) else None for v in distinct]
        known = np.array([code is not None for code in looked] + [True])
        out = np.empty(len(distinct) + 1, dtype=object)
        out[:-1] = [code if code is not None else None if self.closed
                    else _clean_or_none(v) for v, code in zip(distinct, looked,
                                                              strict=True)]
        out[-1] = None
        mapped = pd.Series(out[codes], index=values.index, dtype=object)
        return mapped.where(mapped.notna(), None), pd.Series(~known[codes],
                                                              index=values.index)


def _clean_or_none(value: object) -> object:
    return clean_text(value) if isinstance(value, str) else value


def _build_index(
    name: str, terms: tuple[Term, ...], drop: frozenset[str]
) -> dict[str, str]:
    index: dict[str, str] = {}
    for term in terms:
        for label in term.labels():
            key = label_key(label, drop)
            if not key:
                continue
            other = index.get(key)
            if other is not None and other != term.code:
                raise ValueError(
                    f"the {name} label {label!r} would name both {other!r} and "
                    f"{term.code!r} (it already names {other!r}); remove it from one "
                    "of them"
                )
            index[key] = term.code
    return index


LEVELS = Vocabulary(
    "level",
    [
        Term("person", "person", "אדם",
             ("individual", "people", "representative", "אישי", "איש", "אישה",
              "נציג", "נציגה", "איש קשר", "פרט", "شخص", "فرد")),
        Term("organisation", "organisation", "ארגון",
             ("organization", "org", "ארגוני", "מוסד", "منظمة", "مؤسسة")),
        Term("body", "body", "גוף",
             ("joint body", "mechanism", "group", "גוף משותף", "מנגנון", "קבוצה",
              "هيئة")),
        Term("sector", "sector", "מגזר", ("sectoral", "מגזרי", "قطاع")),
    ],
)
"""The levels of an actor (CONCEPTS.md section 2): person, organisation, body, and
sector (the actors of a map rolled up to sectors, :func:`netmap.roll_up`)."""

SCOPES = Vocabulary(
    "scope",
    [
        Term("local", "local", "מקומי",
             ("municipal", "city", "עירוני", "יישובי", "محلي")),
        Term("regional", "regional", "אזורי", ("district", "מחוזי", "إقليمي")),
        Term("national", "national", "ארצי",
             ("country", "nationwide", "לאומי", "ממלכתי", "כלל ארצי", "وطني",
              "قطري")),
        Term("global", "global", "גלובלי",
             ("international", "worldwide", "בינלאומי", "עולמי", "دولي", "عالمي")),
    ],
)
"""The geographic scope of an actor or partnership (CONCEPTS.md section 3)."""

TIE_CLASSES = ("partnership", "exchange", "transactional", "unclassified")
"""Tie classes, in order (CONCEPTS.md section 3).

``partnership``: shared decision-making (partnership, joint activity);
``exchange``: flows of information, advice or resources;
``transactional``: cross-sector activity without shared decision-making
(funding, contracts or outsourcing, donations); ``unclassified``: a type
outside the vocabulary, ``other``, or no type at all.
"""

TIE_TYPES = Vocabulary(
    "tie type",
    [
        Term("partnership", "partnership", "שותפות",
             ("partner", "partners", "strategic partnership", "שותפים", "شراكة")),
        Term("joint_activity", "joint activity", "פעילות משותפת",
             ("joint project", "joint action", "collaboration", "cooperation",
              "co-operation", "פרויקט משותף", "מיזם משותף", "שיתוף פעולה",
              "עשייה משותפת", "نشاط مشترك", "تعاون")),
        Term("information", "information", "מידע",
             ("info", "information sharing", "knowledge", "knowledge sharing",
              "communication", "העברת מידע", "שיתוף מידע", "ידע", "معلومات")),
        Term("advice", "advice", "ייעוץ",
             ("consultation", "consulting", "mentoring", "עצה", "התייעצות",
              "ליווי", "استشارة")),
        Term("resources", "resources", "משאבים",
             ("resource", "resource sharing", "in kind", "in-kind support",
              "שיתוף משאבים", "משאבים בעין", "موارد")),
        Term("funding", "funding", "מימון",
             ("grant", "grants", "finance", "financing", "budget", "מענק",
              "תקציב", "תמיכה כספית", "تمويل", "منحة")),
        Term("contract", "contract", "חוזה",
             ("outsourcing", "procurement", "service contract", "tender",
              "מיקור חוץ", "התקשרות", "מכרז", "רכש", "عقد")),
        Term("donation", "donation", "תרומה",
             ("donations", "gift", "philanthropic donation", "תרומות", "تبرع")),
        Term("other", "other", "אחר", ("אחרת", "أخرى", "آخر")),
    ],
    closed=False,
)
"""Tie types (CONCEPTS.md section 3); unknown types are kept as written."""

_TIE_CLASS_OF = {
    "partnership": "partnership",
    "joint_activity": "partnership",
    "information": "exchange",
    "advice": "exchange",
    "resources": "exchange",
    "funding": "transactional",
    "contract": "transactional",
    "donation": "transactional",
}


def tie_class(tie_type: object) -> str:
    """The class of a canonical tie type.

    Examples
    --------
    >>> tie_class("donation")
    'transactional'
    >>> tie_class("joint_activity")
    'partnership'
    >>> tie_class("a type nobody defined")
    'unclassified'
    """
    return _TIE_CLASS_OF.get(tie_type, "unclassified") if isinstance(
        tie_type, str) else "unclassified"


ROLES = Vocabulary(
    "role",
    [
        Term("chair", "chair", 'יו"ר',
             ("chairperson", "chairman", "chairwoman", "co-chair", "president",
              "יושב ראש", "יושבת ראש", "יושב-ראש", "رئيس", "رئيسة")),
        Term("lead", "lead", "מוביל",
             ("leader", "head", "lead partner", "מובילה", "ראש", "ראש צוות",
              "שותף מוביל", "قائد")),
        Term("coordinator", "coordinator", "רכז",
             ("facilitator", "secretariat", "רכזת", "מרכז", "מרכזת", "منسق")),
        Term("member", "member", "חבר",
             ("participant", "חברה", "משתתף", "משתתפת", "عضو")),
        Term("observer", "observer", "משקיף", ("משקיפה", "مراقب")),
    ],
    closed=False,
)
"""Roles in a body; ``chair`` and ``lead`` mark who leads it."""

BODY_KINDS = Vocabulary(
    "body kind",
    [
        Term("partner_network", "partner network", "רשת שותפים",
             ("network", "partners network", "רשת", "רשת השותפים", "شبكة شركاء")),
        Term("steering_committee", "steering committee", "ועדת היגוי",
             ("steering group", "board", "governance", "ועדה מכוונת",
              "لجنة توجيهية")),
        Term("working_team", "working team", "צוות עבודה",
             ("working group", "work group", "task force", "team", "צוות",
              "קבוצת עבודה", "فريق عمل")),
        Term("coalition", "coalition", "קואליציה", ("alliance", "ائتلاف")),
        Term("sector_team", "single-sector team", "צוות מגזרי",
             ("sector group", "sector forum", "single sector group", "פורום מגזרי",
              "קבוצה מגזרית")),
    ],
    closed=False,
)
"""Kinds of joint and single-sector bodies (CONCEPTS.md sections 6 and 7)."""
