"""netmap: stakeholder network maps of cross-sector initiatives.

Read the tables a backbone team keeps (actors, ties, memberships in joint
bodies, activities) into a :class:`StakeholderMap`, check them, and ask
the questions of multi-sector joint action of that map. The plots are in
:mod:`netmap.plot` (``from netmap import plot``), imported on first use so
that ``import netmap`` does not import matplotlib.
"""

from . import datasets, sectors, vocabulary
from .brokerage import brokerage, brokerage_summary
from .brokers import brokers
from .centrality import centrality
from .ei import ei_index
from .exceptions import (
    DataWarning,
    DuplicateIdError,
    FileFormatError,
    InconsistentActorError,
    InputError,
    InvalidValueError,
    MeasureError,
    MissingColumnError,
    NetmapError,
    NetmapWarning,
    UnknownActorError,
    UnknownBodyError,
    UnknownLabelError,
    UnknownSectorError,
    ValidationError,
    WaveError,
)
from .holes import structural_holes
from .io import from_frames, from_networkx, read_csv, read_excel
from .mixing import assortativity, cross_sector_ties, mixing_matrix, trust_matrix
from .model import StakeholderMap
from .sectors import SectorTaxonomy, default_taxonomy

__version__ = "0.1.0"


def __getattr__(name: str):
    """``netmap.plot``, imported on first use (it imports matplotlib)."""
    if name == "plot":
        import importlib

        return importlib.import_module(f"{__name__}.plot")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "__version__",
    "StakeholderMap",
    "read_csv",
    "read_excel",
    "from_frames",
    "from_networkx",
    "mixing_matrix",
    "ei_index",
    "assortativity",
    "cross_sector_ties",
    "trust_matrix",
    "brokerage",
    "brokerage_summary",
    "structural_holes",
    "centrality",
    "brokers",
    "SectorTaxonomy",
    "default_taxonomy",
    "datasets",
    "sectors",
    "vocabulary",
    "NetmapError",
    "InputError",
    "ValidationError",
    "FileFormatError",
    "MissingColumnError",
    "DuplicateIdError",
    "UnknownActorError",
    "UnknownBodyError",
    "UnknownLabelError",
    "UnknownSectorError",
    "InvalidValueError",
    "InconsistentActorError",
    "WaveError",
    "MeasureError",
    "NetmapWarning",
    "DataWarning",
]
