"""The map: the :class:`~netmap.StakeholderMap` and what it is made of.

This is the lowest layer. It holds the map object
(:mod:`netmap.model.stakeholder_map`), the sector taxonomy
(:mod:`netmap.model.sectors`), the vocabularies of levels, roles and tie
types (:mod:`netmap.model.vocabulary`), the schema of the input tables
(:mod:`netmap.model.schema`), the compact arrays the measures work on
(:mod:`netmap.model.arrays`), the validation of the tables, the summary of a
map, the sector palette and the errors and warnings
(:mod:`netmap.model.exceptions`).

May import: nothing of netmap outside this package. The map's facade
methods (``m.to_csv``, ``m.roll_up``, ...) import the function they stand
for when they are called; ``pyproject.toml``'s import contract lists each
of those by name.
"""

__all__: list[str] = []


def __getattr__(name: str):
    """The modules of this package, imported on first use (PEP 562)."""
    import importlib
    import importlib.util

    if not name.startswith("_") and importlib.util.find_spec(f"{__name__}.{name}"):
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
