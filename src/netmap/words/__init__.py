"""Words in every supported language: the one catalogue of netmap's sentences and labels.

The findings, the plots, the report, the synthetic maps and the command
line take their words from here, and the ``lang=`` option of each is
checked here.

- ``netmap/words/en.py``, ``netmap/words/he.py``: one catalogue per
  language, named by its ISO 639-1 code; plain dictionaries grouped by
  what uses them (``FINDINGS``, ``AXIS``, ``PLOTS``, ``REPORT``,
  ``COLUMNS``, ``CLI``, ...), with exactly the keys and format fields of
  the English one.
- :mod:`netmap.words.catalogue`: :data:`~netmap.words.catalogue.LANGS`,
  found from those modules; :func:`~netmap.words.catalogue.check_lang`,
  the one ``lang`` check (a :class:`netmap.ParameterError`); and the
  lookups that fill the words in (``say``, ``join``, ``sector_phrase``,
  ...).

Adding a language is adding a catalogue module with every key of
``en.py``; ``check_lang`` accepts it from then on. Sector,
level and tie-type names are data of the vocabularies in
:mod:`netmap.model` (``Term.names``) and read in English for a language
they have no names in.

May import: :mod:`netmap.model` (for the vocabularies it names).
"""

__all__: list[str] = []


def __getattr__(name: str):
    """The modules of this package, imported on first use (PEP 562)."""
    import importlib
    import importlib.util

    if not name.startswith("_") and importlib.util.find_spec(f"{__name__}.{name}"):
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
