"""Findings: the source document's insights as checks, the axis and the complexity fit.

A finding is data (:class:`~netmap.Finding`: a code, a severity, the
numbers behind it and its sentence in each language); the report and the
command line render it.

May import: :mod:`netmap.structure`, :mod:`netmap.measures`,
:mod:`netmap.words` and :mod:`netmap.model`.
"""

__all__: list[str] = []
