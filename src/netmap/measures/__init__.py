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
