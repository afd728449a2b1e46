"""The words plots draw besides the data: titles, legend headings, tie classes, roles and marks, in English and Hebrew."""  # noqa: E501

from __future__ import annotations

from netmap.model.vocabulary import LEVELS

__all__ = ["LANGS", "word", "level_name", "measure_name", "check_lang"]

LANGS = ("en", "he")

_WORDS = {
    "sectors": ("Sectors", "מגזרים"),
    "levels": ("Levels", "רמות"),
    "ties": ("Ties", "קשרים"),
    "partnership": ("partnership", "שותפות"),
    "exchange": ("exchange", "חילופי מידע ומשאבים"),
    "transactional": ("transactional", "עסקה (מימון, חוזה, תרומה)"),
    "unclassified": ("unclassified", "לא מסווג"),
    "members of": ("members of {}", "חברי {}"),
    "joined": ("joined since {}", "הצטרפו מאז {}"),
    "left": ("left by {}", "עזבו עד {}"),
    "mixing observed": ("Ties between sectors", "קשרים בין מגזרים"),
    "mixing expected": ("Ties expected under random mixing", "קשרים צפויים בערבוב מקרי"),
    "mixing ratio": ("Ties between sectors: observed / expected",
                     "קשרים בין מגזרים: בפועל / צפוי"),
    "ties count": ("ties", "קשרים"),
    "ratio": ("observed / expected", "בפועל / צפוי"),
    "brokerage": ("Brokerage roles of the top brokers", "תפקידי תיווך של המתווכים המובילים"),
    "roles": ("Roles", "תפקידים"),
    "open two-paths": ("two-paths brokered", "מסלולים מתווכים"),
    "coordinator": ("coordinator", "מתאם"),
    "itinerant": ("itinerant", "מתווך חיצוני"),
    "representative": ("representative", "נציג"),
    "gatekeeper": ("gatekeeper", "שומר סף"),
    "liaison": ("liaison", "מקשר"),
    "wave title": ("{wave}: {actors} actors, {ties} ties",
                   "{wave}: {actors} שחקנים, {ties} קשרים"),
    "no value": ("no value", "אין ערך"),
    "bodies": ("Sector make-up of the bodies", "הרכב המגזרים בגופים"),
    "members": ("members", "חברים"),
    "n members": ("{} members", "{} חברים"),
    "one member": ("1 member", "חבר אחד"),
    "member share": ("share of members", "שיעור מהחברים"),
    "no core sector": ("no core sector", "ללא מגזר ליבה"),
    "single-sector": ("single-sector", "חד-מגזרי"),
    "two-sector": ("two-sector", "דו-מגזרי"),
    "three-sector": ("three-sector", "תלת-מגזרי"),
    "missing": ("missing: {}", "חסר: {}"),
    "missing core": ("core sector missing", "מגזר ליבה חסר"),
    "chair": ("chair or lead", 'יו"ר או מוביל'),
    "no members": ("no members", "אין חברים"),
    "marks": ("Marks", "סימונים"),
    "coverage": ("Who works on each goal", "מי פועל על כל מטרה"),
    "all actors": ("all actors", "כל השחקנים"),
    "gap": ("gap: nobody works on this goal", "פער: אף שחקן אינו פועל על המטרה"),
    "overlap": ("overlap: {n} {sector} actors", "חפיפה: {n} שחקנים ({sector})"),
}

_MEASURES = {
    "degree": "דרגה",
    "betweenness": "מרכזיות ביניים",
    "closeness": "מרכזיות קרבה",
    "eigenvector": "מרכזיות וקטור עצמי",
    "total": "סך התיווך",
    "constraint": "אילוץ",
    "effective_size": "גודל אפקטיבי",
    "efficiency": "יעילות",
    "cross_brokerage": "תיווך בין-מגזרי",
    "sectors_reached": "מגזרים שהקשרים מגיעים אליהם",
}


def measure_name(name: str, lang: str) -> str:
    """A measure's name for a legend: as written in English, translated in Hebrew.

    A name netmap does not know (an actor column) is kept as written.
    """
    if check_lang(lang) == "en":
        return name.replace("_", " ")
    if name in _MEASURES:
        return _MEASURES[name]
    if name in _WORDS:
        return word(name, lang)
    return name


def check_lang(lang: str) -> str:
    """``lang`` if it is one of :data:`LANGS`, else a ValueError."""
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}, not {lang!r}")
    return lang


def word(key: str, lang: str, *args, **kwargs) -> str:
    """The word ``key`` in ``lang``, formatted with ``args`` and ``kwargs``."""
    text = _WORDS[key][LANGS.index(check_lang(lang))]
    return text.format(*args, **kwargs) if args or kwargs else text


def level_name(code: str, lang: str) -> str:
    """Display name of a level (person, organisation, body)."""
    return getattr(LEVELS.term(code), check_lang(lang))
