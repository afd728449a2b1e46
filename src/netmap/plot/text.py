"""Text that reads right: right-to-left labels, and fonts that have their glyphs.

Every string a netmap plot draws goes through :func:`netmap.plot.display_text`.
Matplotlib lays out Hebrew and Arabic itself when its text engine was built
with libraqm (matplotlib 3.11 wheels are; :func:`netmap.plot.has_libraqm` tells): the
string is then handed over as it is, wrapped in invisible direction
isolates only when its reading direction differs from the one its first
letter would give (``"Intel ישראל"`` in a Hebrew label). Without libraqm
the string is put in visual order with python-bidi (and Arabic letters
joined first with arabic-reshaper, the ``rtl`` extra), because matplotlib
would otherwise draw it left to right. Doing that on a libraqm build would
reverse the text a second time, so it is done only where it is needed.

Fonts: netmap draws with the user's matplotlib font followed by DejaVu
Sans (bundled with matplotlib, with Hebrew and Arabic glyphs) as a
fallback, and warns with :class:`netmap.model.exceptions.MissingGlyphWarning`,
naming the characters, when neither has a glyph for a character: a label
never turns silently into boxes.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache

from netmap.model._params import check_choice
from netmap.model._warnings import warn
from netmap.model.exceptions import MissingGlyphWarning, NetmapWarning

__all__ = [
    "FALLBACK_FONT",
    "has_libraqm",
    "text_direction",
    "display_text",
    "font_families",
    "missing_glyphs",
    "check_glyphs",
    "check_shaping",
]

#: Appended to every font list: bundled with matplotlib, Latin, Hebrew and Arabic.
FALLBACK_FONT = "DejaVu Sans"

_RTL = frozenset({"R", "AL"})
_ISOLATE = {"rtl": ("\u2067", "\u2069"), "ltr": ("\u2066", "\u2069")}
_CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
                                   "\u2066\u2067\u2068\u2069"))


def has_libraqm() -> bool:
    """Whether matplotlib's text engine has libraqm, and so lays out right-to-left text.

    Read from ``matplotlib.ft2font.__libraqm_version__`` at every call.

    Examples
    --------
    >>> isinstance(has_libraqm(), bool)
    True
    """
    from matplotlib import ft2font

    return bool(getattr(ft2font, "__libraqm_version__", None))


def _strong(text: str) -> tuple[int, int, str | None]:
    """Right-to-left and left-to-right letters, and the direction of the first."""
    rtl = ltr = 0
    first = None
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in _RTL:
            rtl += 1
            first = first or "rtl"
        elif kind == "L":
            ltr += 1
            first = first or "ltr"
    return rtl, ltr, first


def text_direction(text: str) -> str | None:
    """The reading direction of a label: ``"rtl"``, ``"ltr"``, or None without letters.

    A label reads right to left when at least half of its letters are
    Hebrew, Arabic or another right-to-left script, so that
    ``"Intel ישראל"`` reads as a Hebrew label and ``"Ministry of
    Education (משרד החינוך)"`` as an English one.

    Examples
    --------
    >>> text_direction("Intel ישראל"), text_direction("Ministry (משרד)"), text_direction("42")
    ('rtl', 'ltr', None)
    """
    rtl, ltr, _ = _strong(text)
    if rtl == ltr == 0:
        return None
    return "rtl" if rtl >= ltr else "ltr"


def _warn_unshaped(stacklevel: int) -> None:
    warn(
        "Arabic text is drawn with unjoined letters: this matplotlib has no libraqm "
        "and arabic-reshaper is not installed; pip install 'netmap[rtl]' (or a "
        "matplotlib built with libraqm, such as 3.11 or newer)",
        NetmapWarning, stacklevel=stacklevel + 1)


def _has_arabic(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" or "\u0750" <= ch <= "\u077f" for ch in text)


def _reshaper():
    try:
        import arabic_reshaper
    except ImportError:
        return None
    return arabic_reshaper


def _reshape(line: str, warn: bool, stacklevel: int) -> str:
    if not _has_arabic(line):
        return line
    reshaper = _reshaper()
    if reshaper is None:
        if warn:
            _warn_unshaped(stacklevel + 1)
        return line
    return reshaper.reshape(line)


def check_shaping(texts: Iterable[str], *, stacklevel: int = 2) -> bool:
    """Warn once when Arabic among ``texts`` cannot be shaped; whether it can.

    Without libraqm, Arabic letters join only through arabic-reshaper.

    Warns
    -----
    netmap.NetmapWarning
        When there is Arabic, no libraqm and no arabic-reshaper.
    """
    if has_libraqm() or not any(_has_arabic(t) for t in texts):
        return True
    if _reshaper() is None:
        _warn_unshaped(stacklevel + 1)
        return False
    return True


def _display_line(line: str, direction: str, libraqm: bool, warn: bool,
                  stacklevel: int) -> str:
    """One line as matplotlib should get it.

    Without libraqm the line loses its isolates and marks (matplotlib would
    draw them as missing glyphs), but only after its direction is read: a
    mark such as U+200F sets it.
    """
    rtl, _, first = _strong(line)
    if not rtl and direction != "rtl":
        # nothing right to left: as it is
        return line if libraqm else line.translate(_CONTROLS)
    base = text_direction(line) if direction == "auto" else direction
    if libraqm:
        if base is None or base == first:
            return line
        start, end = _ISOLATE[base]
        return f"{start}{line}{end}"
    from bidi.algorithm import get_display

    # The older python-bidi algorithm mirrors brackets; it cannot read the
    # invisible direction marks, which the base direction replaces here.
    plain = _reshape(line.translate(_CONTROLS), warn, stacklevel + 1)
    return get_display(plain, base_dir="R" if base == "rtl" else "L")


def display_text(text: str, *, direction: str = "auto", warn: bool = True,
                 stacklevel: int = 2) -> str:
    """The string to hand to matplotlib so that ``text`` reads the right way.

    Parameters
    ----------
    text : str
        A label as the user wrote it (logical order).
    direction : {"auto", "rtl", "ltr"}
        The reading direction of the whole label; ``"auto"`` is
        :func:`~netmap.plot.text.text_direction` of each line.
    warn : bool, default True
        Warn about Arabic that cannot be shaped (plots check that once
        for all their strings with :func:`~netmap.plot.text.check_shaping` instead).
    stacklevel : int
        For the warning below, as for :func:`warnings.warn`.

    Returns
    -------
    str
        With libraqm: ``text``, or ``text`` between invisible direction
        isolates (U+2066/U+2067 ... U+2069) when its direction differs
        from its first letter's. Without: the visual order from
        python-bidi's ``get_display``, Arabic letters joined first when
        arabic-reshaper is installed. Text without right-to-left letters
        is returned as it is.

    Raises
    ------
    netmap.ParameterError
        For a ``direction`` other than ``"auto"``, ``"rtl"`` or ``"ltr"``.

    Warns
    -----
    netmap.NetmapWarning
        When Arabic must be drawn without libraqm and arabic-reshaper is
        not installed (its letters would not join).

    Examples
    --------
    >>> display_text("Ministry of Education")
    'Ministry of Education'
    >>> display_text("משרד החינוך") == ("משרד החינוך" if has_libraqm() else "ךוניחה דרשמ")
    True
    """
    check_choice("direction", direction, ("auto", "rtl", "ltr"))
    if text.isascii():
        return text
    libraqm = has_libraqm()
    return "\n".join(_display_line(line, direction, libraqm, warn, stacklevel + 1)
                     for line in text.split("\n"))


def font_families(font: str | Sequence[str] | None = None) -> list[str]:
    """The font families netmap draws with: ``font`` (default matplotlib's), then DejaVu Sans.

    Examples
    --------
    >>> font_families("Noto Sans Hebrew")
    ['Noto Sans Hebrew', 'DejaVu Sans']
    """
    if font is None:
        from matplotlib import rcParams

        font = rcParams["font.family"]
    families = [font] if isinstance(font, str) else list(font)
    if FALLBACK_FONT not in families:
        families.append(FALLBACK_FONT)
    return families


@lru_cache(maxsize=64)
def _charmap(path: str) -> frozenset[int]:
    """The code points drawn by the font file at ``path`` (a constant of the file)."""
    from matplotlib.ft2font import FT2Font

    return frozenset(FT2Font(path).get_charmap())


def _font_files(families: tuple[str, ...]) -> tuple[str, ...]:
    """The files of ``families`` as matplotlib finds them now.

    Not cached here: a font added later (``font_manager.fontManager.addfont``)
    must count, and matplotlib's ``findfont`` keeps its own cache, which
    ``addfont`` clears.
    """
    from matplotlib import font_manager

    files = []
    for family in families:
        try:
            path = font_manager.findfont(font_manager.FontProperties(family=family),
                                         fallback_to_default=False)
        except ValueError:
            continue
        if path not in files:
            files.append(path)
    return tuple(files)


def _drawn(ch: str) -> bool:
    """Whether a character needs a glyph (not a space, control or format mark)."""
    return not ch.isspace() and unicodedata.category(ch) not in ("Cc", "Cf")


def missing_glyphs(texts: Iterable[str], font: str | Sequence[str] | None = None
                   ) -> list[str]:
    """The characters of ``texts`` that no font of :func:`font_families` can draw.

    Examples
    --------
    >>> missing_glyphs(["משרד החינוך", "جمعية النور"], "DejaVu Sans")
    []
    >>> missing_glyphs(["東京"], "DejaVu Sans")
    ['東', '京']
    """
    chars = dict.fromkeys(ch for text in texts for ch in text if not ch.isascii())
    if not chars:
        return []
    files = _font_files(tuple(font_families(font)))
    covered = frozenset().union(*(_charmap(f) for f in files)) if files else frozenset()
    return [ch for ch in chars if _drawn(ch) and ord(ch) not in covered]


def check_glyphs(texts: Iterable[str], font: str | Sequence[str] | None = None, *,
                 stacklevel: int = 2) -> list[str]:
    """Warn when characters of ``texts`` have no glyph in the fonts in use.

    Returns
    -------
    list of str
        The missing characters (empty when every one can be drawn).

    Warns
    -----
    netmap.model.exceptions.MissingGlyphWarning
        Naming each missing character, its code point, a label that holds
        it and the fonts searched.
    """
    texts = list(texts)
    missing = missing_glyphs(texts, font)
    if missing:
        example = next(t for t in texts if any(ch in t for ch in missing))
        names = ", ".join(f"{ch!r} (U+{ord(ch):04X})" for ch in missing[:10])
        more = f" and {len(missing) - 10} more" if len(missing) > 10 else ""
        warn(
            f"no glyph for {names}{more} in the fonts {', '.join(font_families(font))} "
            f"(first in {example!r}): they would be drawn as empty boxes; pass font= "
            "a font that has them (such as Noto Sans for the script)",
            MissingGlyphWarning, stacklevel=stacklevel + 1)
    return missing
