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

import importlib
import inspect

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


# A name is documented once, where users call it (netmap.read_csv), and a
# docstring may refer to it, as Python would, from the module it is written
# in (read_csv inside netmap.io.csv, netmap.io.csv.read_csv, or
# netmap.measures.brokerage.ROLES from netmap.measures.brokerage's functions documented as
# netmap.brokerage). Such a reference resolves to the documented name;
# anything else stays a warning, and -W makes it an error.

def _import_name(dotted: str):
    """The object a dotted name imports to (an attribute before a submodule), or None."""
    parts = dotted.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        try:
            for attr in parts[cut:]:
                obj = getattr(obj, attr)
        except AttributeError:
            break
        return obj
    try:
        return importlib.import_module(dotted)
    except ImportError:
        return None


def _has_identity(obj) -> bool:
    return not isinstance(obj, (int, float, str, bytes, type(None)))


def _documented(env) -> dict[int, str]:
    """Documented Python objects (not modules), by id of the object they name."""
    objects = env.domains["py"].objects
    cache = getattr(env, "_netmap_documented", None)
    if cache is None or cache[0] != len(objects):
        found: dict[int, str] = {}
        for name, entry in objects.items():
            if entry.aliased or entry.objtype == "module":
                continue
            obj = _import_name(name)
            if obj is not None and _has_identity(obj):
                found.setdefault(id(obj), name)
        cache = (len(objects), found)
        env._netmap_documented = cache
    return cache[1]


def _documented_name(env, name: str) -> str | None:
    objects = env.domains["py"].objects
    if name in objects:
        return name
    obj = _import_name(name)
    if obj is None:
        return None
    if _has_identity(obj) and id(obj) in _documented(env):
        return _documented(env)[id(obj)]
    parent, _, attr = name.rpartition(".")
    owner = _import_name(parent) if parent else None
    if inspect.isclass(owner) and id(owner) in _documented(env):
        member = f"{_documented(env)[id(owner)]}.{attr}"
        if member in objects:
            return member
    return None


def _docstring_owner(node) -> str | None:
    """The dotted name whose docstring holds a reference ("...:docstring of NAME")."""
    while node is not None:
        if node.source:
            _, found, owner = node.source.rpartition(":docstring of ")
            return owner if found else None
        node = node.parent
    return None


def _resolve_where_written(app, env, node, contnode):
    if node.get("refdomain") != "py":
        return None
    target = node["reftarget"].lstrip(".")
    candidates = [target]
    if node.get("py:module"):
        candidates.insert(0, f"{node['py:module']}.{target}")
    owner = _docstring_owner(node)
    if owner:
        parts = owner.split(".")
        candidates += [".".join([*parts[:cut], target]) for cut in range(len(parts), 0, -1)]
    for candidate in candidates:
        name = _documented_name(env, candidate)
        if name is not None:
            return env.domains["py"].resolve_xref(
                env, node["refdoc"], app.builder, node["reftype"], name, node, contnode)
    return None


def setup(app):
    """Resolve references to a name from the module its docstring is written in."""
    app.connect("missing-reference", _resolve_where_written)
    return {"parallel_read_safe": True}
