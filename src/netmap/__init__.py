"""netmap: stakeholder network maps of cross-sector initiatives.

Read the tables a backbone team keeps (actors, ties, memberships in joint
bodies, activities) into a :class:`StakeholderMap`, check them, and ask
the questions of multi-sector joint action of that map.
"""

from . import datasets, sectors, vocabulary
from .anonymize import pseudonyms, reidentification_risk
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
from .io import (
    from_frames,
    from_networkx,
    read_csv,
    read_excel,
    read_gexf,
    read_graphml,
    read_kumu,
)
from .mixing import assortativity, cross_sector_ties, mixing_matrix, trust_matrix
from .model import StakeholderMap
from .sectors import SectorTaxonomy, default_taxonomy
from .survey import from_survey, response_rates, survey_sensitivity

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "StakeholderMap",
    "read_csv",
    "read_excel",
    "from_frames",
    "from_networkx",
    "from_survey",
    "read_gexf",
    "read_graphml",
    "read_kumu",
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
    "pseudonyms",
    "reidentification_risk",
    "response_rates",
    "survey_sensitivity",
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
