"""The sector taxonomy: canonical sector codes, their aliases and core sectors.

CONCEPTS.md section 1: the three core sectors (public, business, third) and
the intermediate bodies a map often keeps apart (academia, philanthropy,
social businesses, communities). Every sector label in the input goes through
one :class:`SectorTaxonomy`; an unknown label is an error that suggests the
nearest known ones, never a silent "other".
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import cast

import pandas as pd

from netmap.model.exceptions import ParameterError, UnknownSectorError
from netmap.model.vocabulary import Term, Vocabulary

__all__ = [
    "CORE_SECTORS",
    "Sector",
    "SectorTaxonomy",
    "default_taxonomy",
]

_SECTOR_WORDS = frozenset({"sector", "מגזר", "قطاع"})

CORE_SECTORS = ("public", "business", "third")
"""The three core sectors of the three-sector questions, in order."""


@dataclass(frozen=True)
class Sector(Term):
    """A sector: a vocabulary term with the core sector it counts as.

    Parameters
    ----------
    code, en, he, aliases
        As for :class:`netmap.model.vocabulary.Term`.
    core : str or None
        The core sector (``public``, ``business`` or ``third``) this sector
        counts as in three-sector questions, or None for none of them.
    """

    core: str | None = None


_DEFAULT_SECTORS = (
    Sector(
        "public", "public", "ציבורי",
        (
            "public sector", "first sector", "government", "governmental", "state",
            "ministry", "ministries", "government ministry", "local authority",
            "local authorities", "local government", "municipality", "council",
            "statutory body", "statutory bodies", "public body", "public bodies",
            "public authority", "gov",
            "המגזר הציבורי", "המגזר הראשון", "ראשון", "ממשלה", "ממשלתי",
            "משרד ממשלתי", "מדינה", "שלטון מקומי", "שלטון", "רשות",
            "רשות מקומית", "רשויות מקומיות", "עירייה", "מועצה אזורית",
            "מועצה מקומית", "גוף סטטוטורי", "גוף ציבורי",
            "القطاع العام", "عام", "حكومة", "حكومي", "وزارة", "سلطة محلية",
            "بلدية", "مجلس محلي",
        ),
        core="public",
    ),
    Sector(
        "business", "business", "עסקי",
        (
            "business sector", "private", "private sector", "second sector",
            "corporate", "corporation", "corporations", "company", "companies",
            "firm", "for profit", "for-profit", "businesses", "industry",
            "המגזר העסקי", "המגזר הפרטי", "פרטי", "המגזר השני", "שני", "חברה",
            "חברות", "חברה עסקית", "תאגיד", "תאגידים", "עסק", "עסקים",
            "القطاع الخاص", "خاص", "قطاع الأعمال", "أعمال", "شركة", "شركات",
        ),
        core="business",
    ),
    Sector(
        "third", "third sector", "מגזר שלישי",
        (
            "third", "המגזר השלישי", "civil sector", "social sector", "voluntary sector",
            "voluntary", "nonprofit", "non profit", "non-profit sector",
            "not for profit", "nonprofits", "non-profits", "npo", "ngo", "ngos",
            "association", "associations", "amuta", "public benefit company",
            "endowment", "endowments",
            "civil society organisation", "civil society organization", "cso",
            "charity", "שלישי", "המגזר האזרחי", "אזרחי", "המגזר החברתי", "חברתי",
            "המגזר ההתנדבותי", "התנדבותי", "עמותה", "עמותות", 'חל"צ',
            "חברה לתועלת הציבור", "הקדש", "ארגון חברה אזרחית",
            "ארגון חברתי", "ארגון ללא מטרות רווח", 'מלכ"ר',
            "القطاع الثالث", "ثالث", "جمعية", "جمعيات", "منظمة غير حكومية",
            "منظمة غير ربحية", "القطاع الأهلي", "أهلي",
        ),
        core="third",
    ),
    Sector(
        "academia", "academia", "אקדמיה",
        (
            "academic", "university", "universities", "college",
            "research institute", "research", "think tank", "אקדמי",
            "אוניברסיטה", "מכללה", "מכון מחקר", "מחקר",
            "أكاديمية", "أكاديمي", "جامعة", "كلية", "معهد أبحاث",
        ),
        core=None,
    ),
    Sector(
        "philanthropy", "philanthropy", "פילנתרופיה",
        (
            "philanthropic", "philanthropic foundation", "foundation",
            "foundations", "donor", "funder", "קרן", "קרנות", "קרן פילנתרופית",
            "פילנתרופי", "תורם", "مؤسسة خيرية", "صندوق خيري", "عمل خيري",
        ),
        core="third",
    ),
    Sector(
        "social_business", "social business", "עסק חברתי",
        (
            "social enterprise", "social enterprises", "social businesses",
            "עסקים חברתיים", "מיזם חברתי", "יזמות חברתית", "مشروع اجتماعي",
            "مؤسسة اجتماعية",
        ),
        core=None,
    ),
    Sector(
        "community", "community", "קהילה",
        (
            "communities", "civil society", "informal", "grassroots", "residents",
            "citizens", "קהילות", "קהילתי", "חברה אזרחית", "תושבים",
            "התארגנות אזרחית", "התארגנות", "مجتمع", "المجتمع المدني",
            "مجتمع محلي", "سكان",
        ),
        core="third",
    ),
    Sector(
        "other", "other", "אחר",
        (
            "fourth sector", "double bottom line", "impact investor",
            "impact investors", "impact investment", "social impact bond",
            "social impact bonds", "unknown", "אחרת",
            "המגזר הרביעי", "רביעי", "השקעות אימפקט", "משקיע אימפקט",
            "أخرى", "آخر",
        ),
        core=None,
    ),
)


class SectorTaxonomy(Vocabulary):
    """The sectors of a map and the labels that name them.

    The default taxonomy (:func:`default_taxonomy`) knows the eight
    sectors of CONCEPTS.md section 1 in English, Hebrew and Arabic. A
    taxonomy is immutable: :meth:`with_sector` and :meth:`with_aliases`
    return a new one, to pass to the readers as ``taxonomy=``.

    Parameters
    ----------
    sectors : iterable of Sector
        The sectors, in the order tables and plots list them.

    Examples
    --------
    >>> tax = default_taxonomy()
    >>> tax.lookup("המגזר השלישי"), tax.lookup("NGO"), tax.lookup('חל"צ')
    ('third', 'third', 'third')
    >>> tax.core_of("philanthropy")
    'third'
    >>> tax = tax.with_sector("cooperative", en="cooperative", he="קואופרטיב",
    ...                       aliases=["co-op"], core="business")
    >>> tax.lookup("Co-Op")
    'cooperative'
    """

    def __init__(self, sectors: Iterable[Sector]) -> None:
        sectors = tuple(sectors)
        for s in sectors:
            if s.core is not None and s.core not in CORE_SECTORS:
                raise ValueError(
                    f"sector {s.code!r} has core {s.core!r}; a core sector is one "
                    f"of {', '.join(CORE_SECTORS)} or None"
                )
        super().__init__("sector", sectors, closed=True, drop=_SECTOR_WORDS)

    @property
    def sectors(self) -> tuple[Sector, ...]:
        """The sectors, in order."""
        return cast("tuple[Sector, ...]", self.terms)  # a taxonomy's terms are Sectors

    def core_of(self, code: str) -> str | None:
        """The core sector that sector ``code`` counts as, or None."""
        return cast(Sector, self.term(code)).core

    def core_map(self) -> dict[str, str | None]:
        """Sector code to core sector, for every sector."""
        return {s.code: s.core for s in self.sectors}

    def display_name(self, code: str, *, lang: str = "en") -> str:
        """The display name of a sector in a language the taxonomy names it in.

        The names are data of the sectors (``Term.names``: English
        ``"en"`` and Hebrew ``"he"``); any other ``lang`` raises
        :class:`netmap.ParameterError` naming the languages there are names
        in. The ``lang=`` options of netmap's functions are checked by
        :func:`netmap.words.catalogue.check_lang`, whose sector names come
        from here.
        """
        names = self.term(code).names
        if lang not in names:
            raise ParameterError("lang", lang, " or ".join(map(repr, names)))
        return names[lang]

    def normalise_label(self, label: str) -> str:
        """The sector code of ``label``, or :class:`UnknownSectorError`.

        Examples
        --------
        >>> default_taxonomy().normalise_label("  Private Sector ")
        'business'
        >>> default_taxonomy().normalise_label("buisness")
        Traceback (most recent call last):
        ...
        netmap.model.exceptions.UnknownSectorError: unknown sector 'buisness'. Did ...
        """
        code = self.lookup(label)
        if code is None:
            raise UnknownSectorError(
                f"unknown sector {label!r}",
                suggestion=self.suggestion_text(label),
                value=label,
            )
        return code

    def with_sector(
        self,
        code: str,
        *,
        en: str | None = None,
        he: str | None = None,
        aliases: Iterable[str] = (),
        core: str | None = None,
    ) -> SectorTaxonomy:
        """A new taxonomy with one sector added (or replaced, by code).

        Parameters
        ----------
        code : str
            The canonical code.
        en, he : str, optional
            English and Hebrew display names; default the code.
        aliases : iterable of str
            Other labels that name the sector.
        core : {"public", "business", "third"} or None
            The core sector it counts as.
        """
        new = Sector(code, en or code, he or code, tuple(aliases), core=core)
        sectors = [s for s in self.sectors if s.code != code]
        position = next((i for i, s in enumerate(self.sectors) if s.code == code),
                        len(sectors))
        sectors.insert(position, new)
        return SectorTaxonomy(sectors)

    def with_terms(self, *terms: Term) -> SectorTaxonomy:  # noqa: D102
        return self.with_sectors(terms)

    def with_sectors(self, sectors: Iterable[Term]) -> SectorTaxonomy:
        """A new taxonomy with several sectors added or replaced."""
        tax = self
        for s in sectors:
            tax = tax.with_sector(s.code, en=s.en, he=s.he, aliases=s.aliases,
                                  core=getattr(s, "core", None))
        return tax

    def with_aliases(self, aliases: Mapping[str, str]) -> SectorTaxonomy:
        """A new taxonomy with extra aliases, given as ``{alias: sector code}``.

        Examples
        --------
        >>> default_taxonomy().with_aliases({"hi-tech": "business"}).lookup("Hi Tech")
        'business'
        """
        unknown = [c for c in aliases.values() if c not in self.codes]
        if unknown:
            raise KeyError(
                f"cannot add aliases for unknown sector codes {unknown}; "
                f"known codes: {', '.join(self.codes)}"
            )
        sectors = [
            Sector(s.code, s.en, s.he,
                   (*s.aliases, *(a for a, c in aliases.items() if c == s.code)),
                   core=s.core)
            for s in self.sectors
        ]
        return SectorTaxonomy(sectors)

    def to_frame(self) -> pd.DataFrame:
        """The taxonomy as a table: one row per sector.

        Returns
        -------
        pandas.DataFrame
            Index ``code``; columns ``en``, ``he`` (display names), ``core``
            (core sector or None) and ``aliases`` (every other label, joined
            with "; ").
        """
        return pd.DataFrame(
            {
                "en": [s.en for s in self.sectors],
                "he": [s.he for s in self.sectors],
                "core": [s.core for s in self.sectors],
                "aliases": ["; ".join(s.aliases) for s in self.sectors],
            },
            index=pd.Index(self.codes, name="code"),
        )


_DEFAULT = SectorTaxonomy(_DEFAULT_SECTORS)


def default_taxonomy() -> SectorTaxonomy:
    """The built-in taxonomy of eight sectors (immutable, safe to share).

    Examples
    --------
    >>> default_taxonomy().codes[:4]
    ('public', 'business', 'third', 'academia')
    >>> default_taxonomy().codes[4:]
    ('philanthropy', 'social_business', 'community', 'other')
    """
    return _DEFAULT
