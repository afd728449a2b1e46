"""Read a netmap report back: its text as a reader sees it, and its tables."""

import html
import re

_ISOLATES = dict.fromkeys(map(ord, "\u2066\u2067\u2068\u2069"))


def plain(fragment: str) -> str:
    """Text of an HTML fragment: tags dropped, entities and isolate marks removed."""
    text = re.sub(r"<[^>]+>", "", fragment)
    return html.unescape(text).translate(_ISOLATES).strip()


def sections(page: str) -> dict[str, str]:
    """Section id -> its HTML."""
    return dict(re.findall(r'<section id="([^"]+)">(.*?)</section>', page, flags=re.S))


def text(fragment: str) -> str:
    """The visible text of a page or section, one block per line, pictures left out."""
    fragment = re.sub(r"<style>.*?</style>", "", fragment, flags=re.S)
    fragment = re.sub(r"<img[^>]*>", "", fragment)
    fragment = re.sub(r"</(p|h\d|tr|li|dt|dd|figcaption|caption|div)>", "\n", fragment)
    fragment = re.sub(r"</t[dh]>", " | ", fragment)
    return "\n".join(line.strip() for line in plain(fragment).splitlines() if line.strip())


def tables(fragment: str) -> list[tuple[list[str], list[list[str]]]]:
    """Every table: its headings and its rows of cell texts."""
    out = []
    for body in re.findall(r"<table>(.*?)</table>", fragment, flags=re.S):
        heads = [plain(h) for h in re.findall(r"<th>(.*?)</th>", body, flags=re.S)]
        rows = [[plain(c) for c in re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)]
                for row in re.findall(r"<tr>(.*?)</tr>", body, flags=re.S)]
        out.append((heads, [r for r in rows if r]))
    return out


def column(fragment: str, heading: str) -> list[str]:
    """Every cell under a column heading, in every table of the fragment."""
    cells = []
    for heads, rows in tables(fragment):
        if heading in heads:
            k = heads.index(heading)
            cells += [row[k] for row in rows]
    return cells
