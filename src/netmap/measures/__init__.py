"""Measures of a map: mixing, E-I, brokerage, structural holes, centrality.

Each module is one family of measures; each public function takes a
:class:`~netmap.StakeholderMap` first, options by keyword, and returns
pandas objects with documented columns. The functions are exported from
``netmap`` itself (``netmap.brokerage(m)``); this package holds the
modules (``netmap.measures.brokerage.ROLES``).

May import: :mod:`netmap.model`. Measures never read files, draw or write
sentences.
"""

__all__: list[str] = []


def __getattr__(name: str):
    """The modules of this package, imported on first use (PEP 562)."""
    import importlib
    import importlib.util

    if not name.startswith("_") and importlib.util.find_spec(f"{__name__}.{name}"):
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
