"""Matching of labels as people type them: case, spacing, punctuation, articles."""

from __future__ import annotations

import difflib
import re
import unicodedata

__all__ = ["BACKBONE_HEADERS", "EXTRA_HEADERS", "label_key", "clean_text", "closest",
           "INVISIBLE", "INVISIBLE_MARKS", "strip_invisible"]

# Quote-like marks, including Hebrew geresh and gershayim (חל"צ, א').
_QUOTES = "\"'`\u05f3\u05f4\u2018\u2019\u201c\u201d\u201e\u00b4"
_PUNCT = re.compile(r"[\s\-_./\\,;:()\[\]{}|+&*!?\u2010-\u2015\u05be]+")
_WORDS_DROPPED = frozenset({"the"})
_BIDI_MARKS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                                     "\u2066\u2067\u2068\u2069\ufeff"))


#: Characters that do not show but make two texts differ: zero-width space,
#: non-joiner and joiner, word joiner and the invisible operators, soft
#: hyphen, Mongolian vowel separator. Removed from ids, references, names
#: and goals (with a note) and from labels matched against a vocabulary;
#: kept in free text, where joiners shape Persian words and emoji.
INVISIBLE = "\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\u00ad\u180e"

#: The invisible characters and the direction marks and byte-order mark that
#: :func:`clean_text` takes out of every cell, as a regular expression.
INVISIBLE_MARKS = re.compile("[" + INVISIBLE + "".join(map(chr, _BIDI_MARKS)) + "]")

_INVISIBLE = dict.fromkeys(map(ord, INVISIBLE))


def strip_invisible(text: str) -> str:
    """``text`` without the characters of :data:`INVISIBLE`.

    Examples
    --------
    >>> strip_invisible("moe\u200b") == "moe"
    True
    """
    return text.translate(_INVISIBLE)


def clean_text(value: str) -> str:
    """Trim a cell: NFC, no direction marks or BOM, no surrounding whitespace.

    Inner spacing is kept as written, apart from non-breaking spaces, which
    become ordinary spaces.

    Examples
    --------
    >>> clean_text("\u200f  עמותה\u00a0א' ")
    "עמותה א'"
    """
    text = unicodedata.normalize("NFC", value).translate(_BIDI_MARKS)
    return text.replace("\u00a0", " ").strip()


def _strip_article(word: str) -> str:
    # Hebrew definite article ה, Arabic ال: only on words long enough that
    # what remains is still a word. Applied to aliases and labels alike, so
    # a root letter taken off by mistake (הקדש) is taken off on both sides.
    if len(word) > 3 and word[0] == "ה" and "\u05d0" <= word[1] <= "\u05ea":
        return word[1:]
    if len(word) > 4 and word.startswith("ال"):
        return word[2:]
    return word


#: The headers of the actors' backbone column, an extra column that
#: ``netmap.structure.backbone`` reads (see its ``BACKBONE_HEADERS``); known
#: here too, so that a Hebrew header row under an English one (``ארגון
#: שדרה`` under ``backbone``) is skipped as a header, not read as data.
BACKBONE_HEADERS = ("backbone", "backbone organisation", "backbone organization",
                    "backbone org", "ארגון שדרה")

#: Per table, the extra columns known by several headers (each a tuple of them).
EXTRA_HEADERS: dict[str, tuple[tuple[str, ...], ...]] = {"actors": (BACKBONE_HEADERS,)}


def label_key(label: str, drop: frozenset[str] = frozenset()) -> str:
    """Reduce a label to the key used to match it against a vocabulary.

    Case, accents and Hebrew points, punctuation, spacing, the word "the",
    the Hebrew and Arabic definite articles and any word in ``drop`` are
    ignored (a word is dropped only when others remain).

    Examples
    --------
    >>> label_key("The Public-Sector", drop={"sector"}) == label_key("public")
    True
    >>> label_key("המגזר הציבורי", drop={"מגזר"}) == label_key("ציבורי")
    True
    >>> label_key('חל"צ') == label_key("חלצ")
    True
    """
    text = unicodedata.normalize("NFKD", strip_invisible(clean_text(label))).casefold()
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.translate(dict.fromkeys(map(ord, _QUOTES)))
    words = [_strip_articles(w) for w in _PUNCT.split(text) if w]
    kept = [w for w in words if w not in _WORDS_DROPPED and w not in drop] or words
    # The joined words are one word to the next call: strip again, so that
    # a key is its own key (label_key("آل00!0") was "ال000", whose key is "000").
    return _strip_articles("".join(kept))


def _strip_articles(word: str) -> str:
    """Every leading article taken off, until what remains has none."""
    while (stripped := _strip_article(word)) != word:
        word = stripped
    return word


def closest(
    label: str, choices: dict[str, str], n: int = 3, drop: frozenset[str] = frozenset()
) -> list[str]:
    """The codes whose aliases are nearest to ``label``, best first.

    Parameters
    ----------
    label : str
        The label as the user wrote it.
    choices : dict of str to str
        Alias key (see :func:`label_key`) to code.
    n : int
        At most this many distinct codes.
    drop : frozenset of str
        Words ignored, as in :func:`label_key`.

    Returns
    -------
    list of str
        Codes, without repetition.

    Examples
    --------
    >>> closest("buisness", {"business": "business", "public": "public"})
    ['business']
    """
    key = label_key(label, drop)
    matches = difflib.get_close_matches(key, list(choices), n=4 * n, cutoff=0.6)
    codes: list[str] = []
    for match in matches:
        code = choices[match]
        if code not in codes:
            codes.append(code)
    return codes[:n]
