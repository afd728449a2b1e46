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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, ClassVar

import jinja2
import numpy as np
import pandas as pd

from netmap.words.catalogue import direction, words
from netmap.words.catalogue import report_word as say

if TYPE_CHECKING:
    from matplotlib.figure import Figure as MplFigure

__all__ = ["Block", "Cell", "Definitions", "Figure", "Finding", "Heading", "Interactive", "Items",
           "Paragraph", "Section", "Table", "cell", "figure", "heading", "page",
           "paragraph", "table"]


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
class Interactive:
    """The interactive map (a whole page, shown in an iframe) and its picture for print."""

    page: str
    height: int
    picture: Figure
    caption: str | None = None
    kind: ClassVar[str] = "interactive"


Block = Paragraph | Heading | Table | Figure | Finding | Definitions | Items | Interactive


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
    return Cell(str(value), isolate=True)


def header(name, lang: str) -> str:
    """A column heading in ``lang``."""
    columns = words("COLUMNS", lang)
    if name in columns:
        return columns[name]
    return str(name)


def table(frame: pd.DataFrame, lang: str, *, index: bool = True, decimals: int = 2,
          caption: str | None = None,
          translate: Callable[[str], str] | None = None) -> Table:
    """A DataFrame as a table with headings in ``lang``.

    ``translate`` maps raw cell values (sector codes, body types) to words.
    """
    frame = frame.copy()
    if index:
        frame = frame.reset_index()
    rows = []
    for row in frame.itertuples(index=False):
        cells = []
        for value in row:
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


@cache
def _environment() -> jinja2.Environment:
    """The templates of ``netmap/reporting/templates``, every value escaped."""
    return jinja2.Environment(
        loader=jinja2.PackageLoader("netmap.reporting", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def page(title: str, lang: str, head: Paragraph, sections: Sequence[Section]) -> str:
    """The whole document, from ``templates/report.html.j2``."""
    return _environment().get_template("report.html.j2").render(
        title=title, lang=lang, direction=direction(lang), made_by=head,
        contents=say("contents", lang), sections=sections)
