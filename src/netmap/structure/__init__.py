"""The initiative's structure: the questions that the source document asks of a map.

Single-sector clusters and communities (``clusters``),
the joint bodies (``bodies``), roll-up between levels
(``levels``), waves (``waves``),
coverage of goals (``coverage``), the backbone
(``backbone``), gaps and introductions
(``gaps``), brokers (``brokers``),
survey response and sensitivity (``survey``) and
anonymising (``anonymize``). Each returns tables;
none of them draws or writes a sentence.

May import: :mod:`netmap.measures` and :mod:`netmap.model`.
"""

__all__: list[str] = []


def __getattr__(name: str):
    """The modules of this package, imported on first use (PEP 562)."""
    import importlib
    import importlib.util

    if not name.startswith("_") and importlib.util.find_spec(f"{__name__}.{name}"):
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
