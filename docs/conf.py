"""Sphinx configuration of netmap's documentation.

Build it with one command, from the repository root::

    python -m sphinx -W --keep-going -b html docs build/docs

``-W`` turns every warning into an error: a broken link or anchor, a page
left out of the table of contents, a docstring that does not parse, a
cross-reference to a name that is not documented. tests/test_docs_build.py
runs the same command. The pages are the Markdown files of docs/ (read by
myst-parser); the API reference (docs/api/) is generated from the numpydoc
docstrings by autodoc and numpydoc. Nothing is fetched from the network.
"""

import netmap

project = "netmap"
author = "netmap developers"
copyright = "netmap developers"  # noqa: A001 (the name Sphinx reads)
release = netmap.__version__
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.autosummary",
    "sphinx.ext.mathjax",
    "numpydoc",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build"]

# Markdown as the pages are written: $...$ and $$...$$ maths, anchors for
# headings down to ### so that links such as input-format.md#core-sectors
# resolve (and are checked).
myst_enable_extensions = ["dollarmath"]
myst_heading_anchors = 3

# Every cross-reference must resolve. Names of other libraries are left
# unresolved on purpose: the build is offline, so there is no intersphinx.
nitpicky = True
nitpick_ignore_regex = [
    ("py:.*", r"(pandas|pd|numpy|np|scipy|networkx|nx|matplotlib|mpl|plt|pathlib|os|"
              r"collections|typing|dataclasses|datetime|io|warnings|types|abc|re|"
              r"collections\.abc|igraph|openpyxl)(\..*)?"),
    # Builtins and typing words that appear in signatures and numpydoc types.
    ("py:.*", r"(str|int|float|bool|bytes|tuple|list|dict|set|frozenset|object|None|"
              r"type|callable|Callable|Iterable|Iterator|Sequence|Mapping|Hashable|"
              r"Any|Literal|Path|PathLike|DataFrame|Series|Axes|Figure|Graph|"
              r"Exception|Warning|UserWarning|ValueError|KeyError|TypeError|OSError|"
              r"LookupError|FileNotFoundError|NotImplementedError)"),
]

autodoc_default_options = {"member-order": "bysource"}
autodoc_typehints = "none"  # the numpydoc Parameters section gives the types
autodoc_class_signature = "separated"
autosummary_generate = False  # the API pages list their objects themselves

numpydoc_show_class_members = False  # methods are listed with :members:
numpydoc_class_members_toctree = False
numpydoc_xref_param_type = False

html_theme = "alabaster"
html_title = f"netmap {release}"
html_theme_options = {
    "description": "Stakeholder network maps of cross-sector initiatives",
    "fixed_sidebar": True,
    "page_width": "1100px",
    "sidebar_width": "260px",
}
html_static_path: list[str] = []
html_show_sourcelink = False
