"""netmap: stakeholder network maps of cross-sector initiatives.

Read the tables a backbone team keeps (actors, ties, memberships in joint
bodies, activities) into a :class:`StakeholderMap`, check them, and ask
the questions of multi-sector joint action of that map. The plots are in
:mod:`netmap.plot` (``from netmap import plot``), imported on first use so
that ``import netmap`` does not import matplotlib.
"""

from netmap import datasets
from netmap._version import __version__  # noqa: E402
from netmap.findings.axis import axis_position, complexity_fit
from netmap.findings.insights import Finding, Findings, insights
from netmap.io import (
    from_frames,
    from_networkx,
    read_csv,
    read_dl,
    read_excel,
    read_gexf,
    read_graphml,
    read_kumu,
    read_pajek,
    write_dl,
    write_pajek,
)
from netmap.io.survey import from_survey
from netmap.measures.brokerage import brokerage, brokerage_summary
from netmap.measures.centrality import centrality
from netmap.measures.ei import ei_index
from netmap.measures.holes import structural_holes
from netmap.measures.mixing import assortativity, cross_sector_ties, mixing_matrix, trust_matrix
from netmap.model import sectors, vocabulary
from netmap.model.exceptions import (
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
    ParameterError,
    UnknownActorError,
    UnknownBodyError,
    UnknownLabelError,
    UnknownSectorError,
    ValidationError,
    WaveError,
)
from netmap.model.sectors import SectorTaxonomy, default_taxonomy
from netmap.model.stakeholder_map import StakeholderMap
from netmap.reporting import report
from netmap.structure.anonymize import pseudonyms, reidentification_risk
from netmap.structure.backbone import backbone_brokerage, pair_brokerage, without_backbone
from netmap.structure.bodies import (
    body_balance,
    body_composition,
    body_sector_counts,
    interlocks,
)
from netmap.structure.brokers import brokers
from netmap.structure.clusters import communities, single_sector_clusters
from netmap.structure.coverage import coverage
from netmap.structure.gaps import introductions, sector_cut_points, under_connected
from netmap.structure.levels import key_person_risk, roll_up
from netmap.structure.survey import response_rates, survey_sensitivity
from netmap.structure.waves import WaveComparison, compare, headline_measures


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
    "from_survey",
    "read_gexf",
    "read_graphml",
    "read_kumu",
    "read_dl",
    "write_dl",
    "read_pajek",
    "write_pajek",
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
    "single_sector_clusters",
    "communities",
    "body_balance",
    "body_composition",
    "body_sector_counts",
    "interlocks",
    "roll_up",
    "key_person_risk",
    "backbone_brokerage",
    "pair_brokerage",
    "without_backbone",
    "sector_cut_points",
    "under_connected",
    "introductions",
    "coverage",
    "compare",
    "headline_measures",
    "WaveComparison",
    "insights",
    "Finding",
    "Findings",
    "axis_position",
    "complexity_fit",
    "report",
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
    "ParameterError",
    "NetmapWarning",
    "DataWarning",
]
