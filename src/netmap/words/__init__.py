"""Words in every supported language: the one catalogue of netmap's sentences and labels.

The findings, the plots, the report and the command line take their words
from here, and the ``lang=`` option of each is checked here.

May import: :mod:`netmap.model` (for the vocabularies it names).
"""

__all__: list[str] = []
