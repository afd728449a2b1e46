"""The catalogues of every language, the one ``lang`` check, and the lookups that fill them in.

A language is a module of this package named by its ISO 639-1 code
(``netmap/words/en.py``, ``netmap/words/he.py``): plain dictionaries named in capitals,
grouped by what uses them, with exactly the groups, keys and format fields
of the English one. :data:`LANGS` is found from those modules, so adding a
language is adding a catalogue; :func:`check_lang` accepts it from then on.
For example:

>>> from netmap.words.catalogue import LANGS, check_lang, say, join
>>> LANGS
('en', 'he')
>>> say("PLOTS", "wave title", "en", wave=2014, actors="35 actors", ties="80 ties")
'2014: 35 actors, 80 ties'
>>> join(["a", "b", "c"], "he"), join(["א", "ב"], "he"), join(["א", "IBM"], "he")
('a, b ו-c', 'א וב', 'א ו-IBM')
>>> check_lang("fr")
Traceback (most recent call last):
...
netmap.model.exceptions.ParameterError: lang='fr' is not allowed: use 'en' or 'he'
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import string
from collections.abc import Iterable, Mapping
from types import ModuleType
from typing import TYPE_CHECKING, Any

import netmap.words
from netmap.model._numbers import expected_digits, p_digits, whole_percent, whole_percents
from netmap.model._params import allowed_words
from netmap.model.exceptions import ParameterError
from netmap.model.vocabulary import LEVELS

if TYPE_CHECKING:
    from netmap.model.sectors import SectorTaxonomy
    from netmap.model.vocabulary import Term

__all__ = ["LANGS", "GROUPS", "SOURCE_LANG", "check_lang", "catalogue", "words", "say",
           "plot_word", "report_word", "finding_texts", "fields", "join", "quote",
           "direction", "percent", "percents", "count", "ordinal", "p_text", "p_cell", "expected",
           "isolate", "NOUNS", "ties_phrase", "core_count_phrase", "sector_phrase",
           "sector_name", "term_name", "level_name", "measure_name", "reading_note"]

#: The language netmap's codes (sector, measure and column names) are written in,
#: and whose catalogue every other one follows.
SOURCE_LANG = "en"


def _find() -> dict[str, ModuleType]:
    """Language code -> catalogue module: the modules of this package named by a code."""
    codes = sorted(info.name for info in pkgutil.iter_modules(netmap.words.__path__)
                   if re.fullmatch(r"[a-z]{2}", info.name))
    codes.sort(key=lambda code: code != SOURCE_LANG)
    return {code: importlib.import_module(f"netmap.words.{code}") for code in codes}


_CATALOGUES = _find()

#: The languages netmap writes, English first.
LANGS: tuple[str, ...] = tuple(_CATALOGUES)
#: The groups of a catalogue: the dictionaries named in capitals in ``netmap/words/en.py``,
#: in order.
GROUPS: tuple[str, ...] = tuple(name for name, value in vars(_CATALOGUES[SOURCE_LANG]).items()
                                if name.isupper() and isinstance(value, dict))


def check_lang(lang: str) -> str:
    """``lang`` if netmap has a catalogue for it, else :class:`netmap.ParameterError`.

    Examples
    --------
    >>> check_lang("he")
    'he'
    """
    if not isinstance(lang, str) or lang not in _CATALOGUES:
        raise ParameterError("lang", lang, allowed_words(LANGS))
    return lang


def catalogue(lang: str) -> dict[str, dict]:
    """Every group of the catalogue of ``lang``, by group name."""
    module = _CATALOGUES[check_lang(lang)]
    return {group: getattr(module, group) for group in GROUPS}


def words(group: str, lang: str) -> Mapping[Any, Any]:
    """One group of the catalogue of ``lang`` (for example ``"COLUMNS"``), key -> words."""
    return getattr(_CATALOGUES[check_lang(lang)], group)


def say(group: str, key: Any, lang: str, /, *args: Any, **fields: Any) -> str:
    """The words ``key`` of ``group`` in ``lang``, their format fields filled.

    Without ``args`` or ``fields`` the text is returned as written (braces
    and all).
    """
    text = words(group, lang)[key]
    return text.format(*args, **fields) if args or fields else text


def plot_word(key: str, lang: str, /, *args: Any, **fields: Any) -> str:
    """A word plots draw besides the data (``PLOTS``), its fields filled."""
    return say("PLOTS", key, lang, *args, **fields)


def report_word(key: str, lang: str, /, **fields: Any) -> str:
    """A title, note or sentence of the report (``REPORT``), its fields filled."""
    return say("REPORT", key, lang, **fields)


def finding_texts(code: str, lang: str) -> tuple[str, str]:
    """The title and the text (a format string) of finding ``code`` in ``lang``."""
    return words("FINDINGS", lang)[code]


def reading_note(record: Mapping[str, Any], lang: str) -> str:
    """A row of a map's ``issues`` in ``lang``.

    The catalogue's sentence (``READING``) for an issue whose code it
    holds, its fields ``file`` and ``value`` filled from the row; else the
    row's ``message``, as the reader wrote it (English).

    Examples
    --------
    >>> row = {"code": "encoding-declared", "file": "a.gexf", "value": "utf-8",
    ...        "message": "a.gexf: ..."}
    >>> reading_note(row, "en")[:52]
    'a.gexf: the file declares its encoding (utf-8) and w'
    >>> reading_note({"code": "other", "message": "as read"}, "he")
    'as read'
    """
    text = words("READING", lang).get(record.get("code"))
    if text is None:
        return str(record["message"])
    return text.format(file=record.get("file"), value=record.get("value"))


def fields(text: str) -> tuple[str, ...]:
    """The format fields of a text, in order (``""`` for a positional ``{}``).

    Examples
    --------
    >>> fields("{n} ties between {a} and {}")
    ('n', 'a', '')
    """
    return tuple(name for _, name, _, _ in string.Formatter().parse(text)
                 if name is not None)


def direction(lang: str) -> str:
    """``"ltr"`` or ``"rtl"``: the direction ``lang`` is written in."""
    return say("LANGUAGE", "direction", lang)


def quote(name: str, lang: str) -> str:
    """A name as a list in ``lang`` quotes it: as is in English, in quotes in Hebrew."""
    return say("LANGUAGE", "quoted", lang, name)


def join(items: Iterable[object], lang: str, conjunction: str = "and") -> str:
    """Items joined as a sentence joins them: "a, b and c"; Hebrew "א, ב וג".

    ``conjunction`` is ``"and"`` or ``"or"``. Where a language attaches its
    "and" to the last word, a word in another script takes it with a hyphen
    (read past quotes and direction isolates: an isolated Hebrew name
    takes it without one).

    Examples
    --------
    >>> join(["\u2068המגזר הציבורי\u2069", "\u2068האקדמיה\u2069"], "he") == (
    ...     "\u2068המגזר הציבורי\u2069 ו\u2068האקדמיה\u2069")
    True
    >>> join(["משרד החינוך", "\u2068Intel\u2069"], "he") == "משרד החינוך ו-\u2068Intel\u2069"
    True
    """
    listed = [str(i) for i in items]
    if not listed:
        return ""
    if len(listed) == 1:
        return listed[0]
    head, last = ", ".join(listed[:-1]), listed[-1]
    key = conjunction
    if conjunction == "and":
        first = last.lstrip("\"'\u05f4\u2066\u2067\u2068")[:1]  # quotes and isolates
        script = say("LANGUAGE", "script", lang)
        if not re.fullmatch(f"[{script}]", first):
            key = "and_other_script"
    return say("JOIN", key, lang, head=head, last=last)


def percent(value: float) -> str:
    """A share as a whole percentage, half away from zero: 0.445 reads "45%".

    Every percentage netmap prints goes through this (or :func:`~netmap.words.catalogue.percents`),
    so one share reads the same in a finding, a table and a plot.
    """
    return f"{whole_percent(value)}%"


def percents(values: Iterable[float]) -> list[str]:
    """Shares of one whole as whole percentages that add up to 100 (largest remainder).

    Examples
    --------
    >>> percents([184 / 394, 161 / 394, 49 / 394])
    ['47%', '41%', '12%']
    """
    return [f"{v}%" for v in whole_percents(values)]


#: The counted nouns of the ``COUNTS`` group (zero, one, two and many forms each).
NOUNS = ("tie", "actor", "body", "organisation", "pair", "permutation", "member", "goal",
         "finding", "more")


def count(n: int, noun: str, lang: str) -> str:
    """A number of things in words, agreeing with the number.

    Zero, one and two have their own forms (English "no ties", "one tie",
    "two ties"; Hebrew "אין קשרים", "קשר אחד", "שני קשרים", "שתי מטרות" by
    the noun's gender), more are written with digits ("6 ties", "6 קשרים").
    The Hebrew zero form is a clause ("there are no ties"): a sentence that
    puts the count after "יש" ("there are") has its own wording for none.

    Examples
    --------
    >>> count(1, "body", "en"), count(2, "body", "he"), count(1_200, "tie", "en")
    ('one body', 'שני גופים', '1,200 ties')
    >>> count(0, "tie", "en"), count(0, "tie", "he")
    ('no ties', 'אין קשרים')
    """
    n = int(n)
    form = {0: "zero", 1: "one", 2: "two"}.get(n, "many")
    return say("COUNTS", f"{noun}_{form}", lang, n=f"{n:,}")


def ordinal(rank: int, lang: str) -> str:
    """A rank as a sentence says it: "first" to "tenth", then "11th", "22nd".

    Hebrew writes the rank after "במקום" ("in place"): "הראשון" to
    "העשירי", then "ה-11". The sentences around it say "ranks first among
    the brokers", "נמצא במקום השלישי".

    Examples
    --------
    >>> ordinal(1, "en"), ordinal(11, "en"), ordinal(23, "en"), ordinal(3, "he")
    ('first', '11th', '23rd', 'השלישי')
    """
    n = int(rank)
    if 1 <= n <= 10:
        return say("ORDINALS", str(n), lang)
    last = 0 if n % 100 in (11, 12, 13) else n % 10
    return say("ORDINALS", f"many_{last}" if last in (1, 2, 3) else "many", lang, n=f"{n:,}")


def p_text(p: float, lang: str, permutations: int | None = None) -> str:
    r"""A permutation p-value as a sentence writes it: "p = 0.042", "p < 0.001".

    The relation is isolated left to right (LRI ... PDI, which the report
    writes as ``<bdi dir="ltr">``), so it reads the same inside a Hebrew
    sentence. With ``permutations``, the number of permutations follows:
    "p = 0.001, 999 permutations".

    Examples
    --------
    >>> p_text(1 / 1000, "en", 999), p_text(0.00001, "he")
    ('\u2066p = 0.001\u2069, 999 permutations', '\u2066p < 0.001\u2069')
    """
    relation, digits = p_digits(p)
    # left to right whatever the sentence: "p = 0.001" must not turn round in Hebrew
    text = "\u2066" + say("NUMBERS", "p_equal" if relation == "=" else "p_below", lang,
                          p=digits) + "\u2069"
    if permutations is None:
        return text
    return say("NUMBERS", "p_test", lang, p=text,
               permutations=count(permutations, "permutation", lang))


def p_cell(p: float, lang: str) -> str:
    """A p-value in a table cell: "0.042", or "< 0.001" below the resolution; never 0."""
    relation, digits = p_digits(p)
    return digits if relation == "=" else say("NUMBERS", "p_cell_below", lang, p=digits)


def expected(value: float) -> str:
    """An expected count (mean of a permutation test) as every part of netmap prints it."""
    return expected_digits(value)


def isolate(name: object) -> str:
    """A name isolated for the bidi algorithm (FSI ... PDI), to sit in any sentence.

    The report turns the pair into ``<bdi>``; a plot draws the marks as
    nothing. A Hebrew name in an English sentence (or the other way) then
    keeps its own direction and its punctuation on its own side.

    Examples
    --------
    >>> isolate("חברת תעשייה א'")
    "\u2068חברת תעשייה א'\u2069"
    """
    return f"\u2068{name}\u2069"


def ties_phrase(n: int, lang: str) -> str:
    """A count of ties in words: no ties, one tie, 6 ties; אין קשרים, קשר אחד, 6 קשרים."""
    return count(n, "tie", lang)


def core_count_phrase(k: int, lang: str) -> str:
    """A count of core sectors in words: two core sectors; שני מגזרי ליבה."""
    return say("COUNTS", f"core_sectors_{k}", lang)


def term_name(term: Term, lang: str) -> str:
    """A vocabulary term's display name in ``lang``; its English name where it has none.

    The vocabularies (sectors, levels, tie types) keep their display names
    as data of their terms (``Term.names`` in :mod:`netmap.model.vocabulary`); a
    language with a catalogue but no names there reads them in English.
    """
    return term.names.get(check_lang(lang)) or term.en


def sector_name(taxonomy: SectorTaxonomy, code: str, lang: str) -> str:
    """A sector's display name in ``lang``, as the map's taxonomy names it."""
    return term_name(taxonomy.term(code), lang)


def sector_phrase(code: str, lang: str, taxonomy: SectorTaxonomy | None = None) -> str:
    """A sector as it reads inside a sentence ("the public sector")."""
    phrase = words("SECTORS", lang).get(code)
    if phrase is None:
        phrase = sector_name(taxonomy, code, lang) if taxonomy is not None else str(code)
    return phrase


def level_name(code: str, lang: str) -> str:
    """Display name of a level (person, organisation, body, sector)."""
    return term_name(LEVELS.term(code), lang)


def measure_name(name: str, lang: str) -> str:
    """A measure's name for a legend, in ``lang``.

    A name netmap does not know (an actor column) reads with spaces for
    underscores in English and as written in another language, unless it
    is one of the plots' words.
    """
    known = words("MEASURE_NAMES", lang)
    if name in known:
        return known[name]
    if lang == SOURCE_LANG:
        return name.replace("_", " ")
    plots = words("PLOTS", lang)
    return plots.get(name, name)
