"""Findings: the source document's insights as checks, the axis and the complexity fit.

A finding is data (:class:`~netmap.Finding`: a code, a severity, the
numbers behind it and its sentence in each language); the report and the
command line render it.

May import: :mod:`netmap.structure`, :mod:`netmap.measures`,
:mod:`netmap.words` and :mod:`netmap.model`.
"""

__all__: list[str] = []


def __getattr__(name: str):
    """The modules of this package, imported on first use (PEP 562)."""
    import importlib
    import importlib.util

    if not name.startswith("_") and importlib.util.find_spec(f"{__name__}.{name}"):
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
