"""HTML pieces of the report: the page, tables, pictures inlined as PNG, escaping."""

from __future__ import annotations

import base64
import html
import io
import math

import numpy as np
import pandas as pd

from netmap.words.catalogue import direction, words
from netmap.words.catalogue import report_word as say

__all__ = ["page", "table", "figure", "paragraph", "esc", "cell"]

_CSS = """
body { font-family: "DejaVu Sans", "Noto Sans", "Noto Sans Hebrew", Arial, sans-serif;
       margin: 2em auto; max-width: 72em; padding: 0 1.5em; color: #222;
       line-height: 1.45; }
h1 { font-size: 1.7em; margin-bottom: 0.2em; }
h2 { font-size: 1.3em; border-bottom: 2px solid #0072B2; padding-bottom: 0.2em;
     margin-top: 2em; }
h3 { font-size: 1.05em; margin-top: 1.4em; }
.meta { color: #666; font-size: 0.9em; }
nav ol { columns: 2; }
table { border-collapse: collapse; margin: 0.6em 0 1.2em; font-size: 0.9em; }
th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: start;
         vertical-align: top; }
th { background: #f2f4f7; }
td.num { text-align: end; font-variant-numeric: tabular-nums; }
figure { margin: 1em 0; }
figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
figcaption { color: #555; font-size: 0.9em; }
.finding { border-inline-start: 5px solid #999; padding: 0.3em 0.8em;
           margin: 0.6em 0; background: #fafafa; }
.finding.warning { border-color: #D55E00; }
.finding.attention { border-color: #E69F00; }
.finding.info { border-color: #0072B2; }
.badge { font-size: 0.75em; text-transform: uppercase; letter-spacing: 0.05em;
         color: #555; }
.note { color: #555; font-style: italic; }
dl dt { font-weight: bold; margin-top: 0.6em; }
dl dd { margin-inline-start: 1.2em; }
"""


def esc(value) -> str:
    """Text escaped for HTML."""
    return html.escape(str(value))


def _isolate(text: str) -> str:
    """``<bdi>`` around a cell value, so its direction is its own."""
    return f"<bdi>{text}</bdi>"


def cell(value, lang: str, decimals: int = 2) -> tuple[str, bool]:
    """A value as table-cell HTML, and whether it is a number."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "", False
    if isinstance(value, bool | np.bool_):
        return esc(say("yes" if value else "no", lang)), False
    if isinstance(value, int | np.integer):
        return f"{int(value):,}", True
    if isinstance(value, float | np.floating):
        if math.isinf(value):
            return ("-" if value < 0 else "") + "∞", True
        if float(value).is_integer():
            return f"{int(value):,}", True
        return f"{value:.{decimals}f}", True
    if isinstance(value, tuple | list):
        return _isolate(esc(", ".join(map(str, value)))), False
    return _isolate(esc(value)), False


def header(name, lang: str) -> str:
    """A column heading in ``lang``."""
    columns = words("COLUMNS", lang)
    if name in columns:
        return columns[name]
    return str(name)


def table(frame: pd.DataFrame, lang: str, *, index: bool = True, decimals: int = 2,
          caption: str | None = None, translate=None) -> str:
    """A DataFrame as an HTML table with headings in ``lang``.

    ``translate`` maps raw cell values (sector codes, body types) to words.
    """
    frame = frame.copy()
    if index:
        frame = frame.reset_index()
    parts = ["<table>"]
    if caption:
        parts.append(f"<caption>{esc(caption)}</caption>")
    parts.append("<thead><tr>" + "".join(f"<th>{esc(header(c, lang))}</th>"
                                          for c in frame.columns) + "</tr></thead><tbody>")
    for row in frame.itertuples(index=False):
        cells = []
        for value in row:
            if translate is not None and isinstance(value, str):
                value = translate(value)
            elif translate is not None and isinstance(value, tuple):
                value = tuple(translate(v) if isinstance(v, str) else v for v in value)
            text, number = cell(value, lang, decimals)
            cells.append(f'<td class="num" dir="ltr">{text}</td>' if number
                         else f"<td>{text}</td>")
        parts.append("<tr>" + "".join(cells) + "</tr>")
    parts.append("</tbody></table>")
    return "".join(parts)


def figure(fig, alt: str, caption: str | None = None, dpi: int = 100) -> str:
    """A matplotlib Figure as an inlined PNG ``<figure>``."""
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=dpi, bbox_inches="tight")
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    cap = f"<figcaption>{esc(caption)}</figcaption>" if caption else ""
    return (f'<figure><img src="data:image/png;base64,{data}" alt="{esc(alt)}">'
            f"{cap}</figure>")


def paragraph(text: str, cls: str | None = None) -> str:
    """A paragraph of escaped text."""
    klass = f' class="{cls}"' if cls else ""
    return f"<p{klass}>{esc(text)}</p>"


def page(title: str, lang: str, head: str, sections: list[tuple[str, str, str]]) -> str:
    """The whole document: ``sections`` are (id, title, body html)."""
    toc = "".join(f'<li><a href="#{sid}">{esc(stitle)}</a></li>'
                  for sid, stitle, _ in sections)
    body = "".join(f'<section id="{sid}"><h2>{esc(stitle)}</h2>{content}</section>'
                   for sid, stitle, content in sections)
    return (f'<!DOCTYPE html>\n<html lang="{lang}" dir="{direction(lang)}">\n<head>\n'
            f'<meta charset="utf-8">\n<meta name="viewport" '
            f'content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
            f"<header><h1>{esc(title)}</h1>{head}</header>\n"
            f"<nav><h2>{esc(say('contents', lang))}</h2><ol>{toc}</ol></nav>\n"
            f"{body}\n</body>\n</html>\n")
