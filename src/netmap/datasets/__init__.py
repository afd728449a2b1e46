"""Data sets: the bundled 2x5 sample, the Excel template and synthetic maps of any size.

:func:`load_2x5` and :func:`sample_files` give the sample,
:func:`template_file` the template (both from the installed package), and
:func:`synthetic` (:mod:`netmap.datasets.generator`) a realistic map of
any size for tests, benchmarks and examples.

May import: :mod:`netmap.io` and :mod:`netmap.model`.
"""

from netmap.datasets.generator import synthetic
from netmap.datasets.samples import load_2x5, sample_files, template_file

__all__ = ["load_2x5", "sample_files", "template_file", "synthetic"]
