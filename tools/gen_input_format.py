"""Regenerate the reference tables of ``docs/input-format.md`` from netmap itself.

The input format reference is written by hand, except for the blocks between
marker lines of the form::

    <!-- BEGIN GENERATED: name -->
    ...
    <!-- END GENERATED: name -->

whose content this script writes from the library, so that the page cannot
drift from the code:

``tables``
    every table of :data:`netmap.model.schema.TABLES`: whether it is required, what
    it holds, the file and sheet names that stand for it, and its columns
    with the headers each accepts;
``sectors``
    the sectors of :func:`netmap.default_taxonomy` with their core sector and
    every alias;
``levels``, ``scopes``, ``tie_types``, ``roles``, ``body_kinds``
    the vocabularies of :mod:`netmap.model.vocabulary` (tie types with their class).

Usage, from the repository root::

    python tools/gen_input_format.py           # rewrite docs/input-format.md
    python tools/gen_input_format.py --check   # exit 1 if it is out of date

The output depends only on the library: blocks are written in the order the
library lists tables, columns, sectors and terms, with Unix line endings.
Labels are written as they are, Hebrew and Arabic included; ``|`` is escaped
so that no label breaks a Markdown table.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

import netmap
from netmap import vocabulary
from netmap.model.schema import TABLES
from netmap.model.vocabulary import Vocabulary

__all__ = ["BLOCKS", "DOC", "main", "render"]

DOC = Path(__file__).resolve().parents[1] / "docs" / "input-format.md"
"""The page whose generated blocks this script writes."""

_BLOCK = re.compile(
    r"(?P<begin><!-- BEGIN GENERATED: (?P<name>[\w-]+) -->\n)"
    r"(?P<body>.*?)"
    r"(?P<end><!-- END GENERATED: (?P=name) -->)",
    re.DOTALL,
)
_MARKER = re.compile(r"<!-- (?:BEGIN|END) GENERATED: ([\w-]+) -->")


# -- Markdown helpers -------------------------------------------------------
def _cell(text: object) -> str:
    """Text for one table cell: one line, ``|`` escaped."""
    return " ".join(str(text).split()).replace("|", "\\|")


def _code(text: str) -> str:
    """An inline code span, safe for any label (backticks, pipes)."""
    text = " ".join(str(text).split()).replace("|", "\\|")
    if "`" not in text:
        return f"`{text}`"
    return f"`` {text} ``"


def _codes(labels: Iterable[str]) -> str:
    """Labels as code spans separated by commas; an em dash for none."""
    spans = [_code(label) for label in labels]
    return ", ".join(spans) if spans else "\u2014"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    """A Markdown table whose cells are already escaped."""
    lines = ["| " + " | ".join(header) + " |",
             "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def _sentence(text: str) -> str:
    """A doc line as a sentence: capital first letter, final full stop."""
    text = text.strip()
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if text.endswith(".") else text + "."


# -- blocks -------------------------------------------------------------------
def _tables_block() -> list[str]:
    lines: list[str] = []
    for t in TABLES.values():
        if lines:
            lines.append("")
        status = "required" if t.required else "optional"
        lines += [f"### `{t.name}` ({status})", ""]
        if t.doc:
            lines += [_sentence(t.doc), ""]
        lines += [f"File or sheet name: {_codes([t.name, *t.aliases])}.", ""]
        rows = [
            [_code(c.name), "yes" if c.required else "no", _cell(c.doc),
             _codes(c.aliases)]
            for c in t.columns
        ]
        lines += _table(["column", "required", "what it holds",
                         "also accepted as header"], rows)
    return lines


def _sectors_block() -> list[str]:
    tax = netmap.default_taxonomy()
    rows = [
        [_code(s.code), _cell(s.en), _cell(s.he),
         _code(s.core) if s.core else "none", _codes(s.aliases)]
        for s in tax.sectors
    ]
    return _table(["code", "English", "Hebrew", "core sector", "aliases"], rows)


def _vocabulary_block(vocab: Vocabulary) -> list[str]:
    rows = [[_code(t.code), _cell(t.en), _cell(t.he), _codes(t.aliases)]
            for t in vocab.terms]
    return _table(["code", "English", "Hebrew", "aliases"], rows)


def _tie_types_block() -> list[str]:
    vocab = vocabulary.TIE_TYPES
    rows = [[_code(t.code), _cell(t.en), _cell(t.he),
             _code(vocabulary.tie_class(t.code)), _codes(t.aliases)]
            for t in vocab.terms]
    lines = _table(["code", "English", "Hebrew", "class", "aliases"], rows)
    by_class = []
    for c in vocabulary.TIE_CLASSES:
        types = [_code(t.code) for t in vocab.terms if vocabulary.tie_class(t.code) == c]
        if vocabulary.tie_class(None) == c:
            types.append("any type outside the vocabulary, and ties without a type")
        by_class.append([_code(c), ", ".join(types) or "\u2014"])
    return [*lines, "", *_table(["class", "tie types"], by_class)]


BLOCKS: dict[str, Callable[[], list[str]]] = {
    "tables": _tables_block,
    "sectors": _sectors_block,
    "levels": lambda: _vocabulary_block(vocabulary.LEVELS),
    "scopes": lambda: _vocabulary_block(vocabulary.SCOPES),
    "tie_types": _tie_types_block,
    "roles": lambda: _vocabulary_block(vocabulary.ROLES),
    "body_kinds": lambda: _vocabulary_block(vocabulary.BODY_KINDS),
}
"""Block name to the function that writes its lines."""


# -- rendering ------------------------------------------------------------------
def render(text: str) -> str:
    """The document ``text`` with every generated block written afresh.

    Parameters
    ----------
    text : str
        The Markdown page, holding one pair of marker lines per block of
        :data:`BLOCKS`.

    Returns
    -------
    str
        The page with the content between each pair of markers replaced;
        everything outside the markers is returned unchanged.

    Raises
    ------
    ValueError
        When a block is missing, appears twice, has no matching end marker,
        or names no known block.
    """
    text = text.replace("\r\n", "\n")
    seen: list[str] = []

    def replace(match: re.Match) -> str:
        name = match["name"]
        if name not in BLOCKS:
            raise ValueError(f"unknown generated block {name!r}; "
                             f"known blocks: {', '.join(BLOCKS)}")
        seen.append(name)
        body = "\n".join(BLOCKS[name]())
        return f"{match['begin']}\n{body}\n\n{match['end']}"

    out = _BLOCK.sub(replace, text)
    twice = sorted({n for n in seen if seen.count(n) > 1})
    if twice:
        raise ValueError(f"generated blocks appear more than once: {', '.join(twice)}")
    missing = [n for n in BLOCKS if n not in seen]
    if missing:
        raise ValueError(f"generated blocks missing from the page: {', '.join(missing)}")
    markers = _MARKER.findall(text)
    if len(markers) != 2 * len(seen):
        raise ValueError("unbalanced generated-block markers: every "
                         "'<!-- BEGIN GENERATED: name -->' needs a matching "
                         "'<!-- END GENERATED: name -->' after it")
    return out


def main(argv: list[str] | None = None) -> int:
    """Rewrite the page, or with ``--check`` report whether it is up to date."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="do not write; exit 1 if the page is out of date")
    parser.add_argument("path", nargs="?", type=Path, default=DOC,
                        help=f"the page (default: {DOC})")
    args = parser.parse_args(argv)
    path: Path = args.path
    text = path.read_bytes().decode("utf-8")
    new = render(text)
    if args.check:
        if new != text:
            print(f"{path} is out of date: run python tools/gen_input_format.py",
                  file=sys.stderr)
            return 1
        print(f"{path} is up to date")
        return 0
    if new != text:
        path.write_text(new, encoding="utf-8", newline="\n")
        print(f"rewrote {path}")
    else:
        print(f"{path} was already up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
