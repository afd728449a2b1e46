"""The report's pieces as data, and the page rendered from jinja2 templates.

A section is a list of blocks (a paragraph, a heading, a table of cells,
a figure as base64 PNG, a finding, a list of definitions or of items);
``templates/blocks.html.j2`` renders each kind and ``templates/report.html.j2``
the page. The templates escape every value (autoescaping is on), so no
HTML is written here.
"""

from __future__ import annotations

import base64
import io
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, ClassVar

import jinja2
import markupsafe
import numpy as np
import pandas as pd

from netmap.words.catalogue import direction, words
from netmap.words.catalogue import report_word as say

if TYPE_CHECKING:
    from matplotlib.figure import Figure as MplFigure

__all__ = ["Block", "Cell", "Definitions", "Figure", "Finding", "Heading", "Interactive",
           "Items", "Paragraph", "Section", "Slot", "Table", "cell", "figure", "heading", "page",
           "paragraph", "table"]


_PERCENT = re.compile(r"-?\d+%")


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of text; ``cls`` its class (``"note"``, ``"meta"``)."""

    text: str
    cls: str | None = None
    kind: ClassVar[str] = "paragraph"


@dataclass(frozen=True)
class Heading:
    """A heading inside a section."""

    text: str
    kind: ClassVar[str] = "heading"


@dataclass(frozen=True)
class Cell:
    """A table cell: a number (right-aligned, left to right) or text (isolated)."""

    text: str
    number: bool = False
    isolate: bool = False


@dataclass(frozen=True)
class Table:
    """A table: its headings and its rows of cells."""

    columns: list[str]
    rows: list[list[Cell]]
    caption: str | None = None
    kind: ClassVar[str] = "table"


@dataclass(frozen=True)
class Figure:
    """A picture: its PNG as base64 text, its alternative text and caption."""

    png: str
    alt: str
    caption: str | None = None
    kind: ClassVar[str] = "figure"


@dataclass(frozen=True)
class Finding:
    """One finding: its severity (the CSS class), badge, title and sentence."""

    severity: str
    badge: str
    title: str
    text: str
    kind: ClassVar[str] = "finding"


@dataclass(frozen=True)
class Definitions:
    """Terms and what they mean."""

    entries: list[tuple[str, str]]
    kind: ClassVar[str] = "definitions"


@dataclass(frozen=True)
class Items:
    """A bulleted list."""

    entries: list[str]
    kind: ClassVar[str] = "items"


@dataclass(frozen=True)
class Slot:
    """A named place in the page holding other blocks (the first page's map picture).

    Rendered as ``<div class="slot" id="...">``: what fills it may change (a
    static picture, an interactive map) without the page around it moving.
    """

    id: str
    blocks: list
    kind: ClassVar[str] = "slot"


@dataclass(frozen=True)
class Interactive:
    """The interactive map (a whole page, shown in an iframe) and its picture for print."""

    page: str
    height: int
    picture: Figure
    caption: str | None = None
    kind: ClassVar[str] = "interactive"


Block = (Paragraph | Heading | Table | Figure | Finding | Definitions | Items | Slot
         | Interactive)


@dataclass(frozen=True)
class Section:
    """A section of the report: its HTML id, its title and its blocks."""

    id: str
    title: str
    blocks: list[Block]


def cell(value, lang: str, decimals: int = 2) -> Cell:
    """A value as a table cell: numbers formatted, booleans in words, the rest as text."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return Cell("")
    if isinstance(value, bool | np.bool_):
        return Cell(say("yes" if value else "no", lang))
    if isinstance(value, int | np.integer):
        return Cell(f"{int(value):,}", number=True)
    if isinstance(value, float | np.floating):
        if math.isinf(value):
            return Cell(("-" if value < 0 else "") + "∞", number=True)
        if float(value).is_integer():
            return Cell(f"{int(value):,}", number=True)
        return Cell(f"{value:.{decimals}f}", number=True)
    if isinstance(value, tuple | list):
        return Cell(", ".join(map(str, value)), isolate=True)
    if isinstance(value, str) and _PERCENT.fullmatch(value):
        return Cell(value, number=True)
    return Cell(str(value), isolate=True)


def header(name, lang: str) -> str:
    """A column heading in ``lang``."""
    columns = words("COLUMNS", lang)
    if name in columns:
        return columns[name]
    return str(name)


def table(frame: pd.DataFrame, lang: str, *, index: bool = True, decimals: int = 2,
          caption: str | None = None,
          translate: Callable[[str], str] | None = None,
          formats: Mapping[str, Callable[[Any], str]] | None = None) -> Table:
    """A DataFrame as a table with headings in ``lang``.

    ``translate`` maps raw cell values (sector codes, body types) to words;
    ``formats`` maps a column to the function that writes its numbers (a
    p-value, a percentage), so a number reads as it does in the sentences.
    """
    frame = frame.copy()
    if index:
        frame = frame.reset_index()
    formats = dict(formats or {})
    writers = [formats.get(c) for c in frame.columns]
    rows = []
    for row in frame.itertuples(index=False):
        cells = []
        for value, write in zip(row, writers, strict=True):
            if write is not None:
                missing = value is None or (isinstance(value, float) and math.isnan(value))
                cells.append(Cell("" if missing else write(value), number=True))
                continue
            if translate is not None and isinstance(value, str):
                value = translate(value)
            elif translate is not None and isinstance(value, tuple):
                value = tuple(translate(v) if isinstance(v, str) else v for v in value)
            cells.append(cell(value, lang, decimals))
        rows.append(cells)
    return Table([header(c, lang) for c in frame.columns], rows, caption)


def figure(fig: MplFigure, alt: str, caption: str | None = None, dpi: int = 100) -> Figure:
    """A matplotlib Figure as an inlined PNG."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, bbox_inches="tight")
    return Figure(base64.b64encode(buf.getvalue()).decode("ascii"), alt, caption)


def paragraph(text: str, cls: str | None = None) -> Paragraph:
    """A paragraph of text."""
    return Paragraph(text, cls)


def heading(text: str) -> Heading:
    """A heading inside a section."""
    return Heading(text)


#: Unicode isolates -> the HTML element that does the same (PDI closes any of them).
_ISOLATES = {"\u2066": '<bdi dir="ltr">', "\u2067": '<bdi dir="rtl">', "\u2068": "<bdi>",
             "\u2069": "</bdi>"}


def isolated(text: object) -> markupsafe.Markup:
    """Text escaped, its isolates (FSI, LRI, RLI ... PDI) written as ``<bdi>``.

    Names in sentences come isolated from the findings and the sections
    (:func:`netmap.words.catalogue.isolate`); in HTML a ``<bdi>`` keeps a
    Hebrew name's punctuation on its side inside an English sentence (and the
    other way round). Unbalanced marks are left as they are.

    Examples
    --------
    >>> str(isolated("Without \u2068חברת תעשייה א'\u2069, <b>"))
    'Without <bdi>חברת תעשייה א&#39;</bdi>, &lt;b&gt;'
    """
    escaped = str(markupsafe.escape(str(text)))
    opened = sum(escaped.count(c) for c in "\u2066\u2067\u2068")
    if opened != escaped.count("\u2069"):
        return markupsafe.Markup(escaped)
    for mark, tag in _ISOLATES.items():
        escaped = escaped.replace(mark, tag)
    return markupsafe.Markup(escaped)


@cache
def _environment() -> jinja2.Environment:
    """The templates of ``netmap/reporting/templates``, every value escaped."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("netmap.reporting", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )
    env.filters["bdi"] = isolated
    return env


def page(title: str, lang: str, head: Sequence[Paragraph], sections: Sequence[Section]) -> str:
    """The whole document, from ``templates/report.html.j2``; ``head``: the header's lines."""
    return _environment().get_template("report.html.j2").render(
        title=title, lang=lang, direction=direction(lang), head=head,
        contents=say("contents", lang), sections=sections)
