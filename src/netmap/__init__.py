"""netmap: stakeholder network maps of cross-sector initiatives.

Read the tables a backbone team keeps (actors, ties, memberships in joint
bodies, activities) into a :class:`StakeholderMap`, check them, and ask
the questions of multi-sector joint action of that map. The plots are in
:mod:`netmap.plot` (``from netmap import plot``).

Every name below is imported on first use (PEP 562): ``import netmap``
loads the errors and the version only, so the command line starts at
once and a script pays for networkx, matplotlib or jinja2 only when it
calls what needs them. ``from netmap import brokerage`` and
``netmap.brokerage`` work as with eager imports.
"""

from __future__ import annotations

import importlib
import importlib.util
from typing import TYPE_CHECKING

from netmap._version import __version__
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

if TYPE_CHECKING:  # the names for type checkers and editors; imported lazily below
    from netmap import datasets
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


#: Where each public name lives (module, or the module that is the name).
_LAZY = {
    "axis_position": "netmap.findings.axis",
    "complexity_fit": "netmap.findings.axis",
    "Finding": "netmap.findings.insights",
    "Findings": "netmap.findings.insights",
    "insights": "netmap.findings.insights",
    "from_frames": "netmap.io",
    "from_networkx": "netmap.io",
    "read_csv": "netmap.io",
    "read_excel": "netmap.io",
    "read_gexf": "netmap.io",
    "read_graphml": "netmap.io",
    "read_kumu": "netmap.io",
    "read_dl": "netmap.io",
    "read_pajek": "netmap.io",
    "write_dl": "netmap.io",
    "write_pajek": "netmap.io",
    "from_survey": "netmap.io.survey",
    "brokerage": "netmap.measures.brokerage",
    "brokerage_summary": "netmap.measures.brokerage",
    "centrality": "netmap.measures.centrality",
    "ei_index": "netmap.measures.ei",
    "structural_holes": "netmap.measures.holes",
    "assortativity": "netmap.measures.mixing",
    "cross_sector_ties": "netmap.measures.mixing",
    "mixing_matrix": "netmap.measures.mixing",
    "trust_matrix": "netmap.measures.mixing",
    "sectors": "netmap.model",
    "vocabulary": "netmap.model",
    "SectorTaxonomy": "netmap.model.sectors",
    "default_taxonomy": "netmap.model.sectors",
    "StakeholderMap": "netmap.model.stakeholder_map",
    "report": "netmap.reporting",
    "pseudonyms": "netmap.structure.anonymize",
    "reidentification_risk": "netmap.structure.anonymize",
    "backbone_brokerage": "netmap.structure.backbone",
    "pair_brokerage": "netmap.structure.backbone",
    "without_backbone": "netmap.structure.backbone",
    "body_balance": "netmap.structure.bodies",
    "body_composition": "netmap.structure.bodies",
    "body_sector_counts": "netmap.structure.bodies",
    "interlocks": "netmap.structure.bodies",
    "brokers": "netmap.structure.brokers",
    "communities": "netmap.structure.clusters",
    "single_sector_clusters": "netmap.structure.clusters",
    "coverage": "netmap.structure.coverage",
    "introductions": "netmap.structure.gaps",
    "sector_cut_points": "netmap.structure.gaps",
    "under_connected": "netmap.structure.gaps",
    "key_person_risk": "netmap.structure.levels",
    "roll_up": "netmap.structure.levels",
    "response_rates": "netmap.structure.survey",
    "survey_sensitivity": "netmap.structure.survey",
    "WaveComparison": "netmap.structure.waves",
    "compare": "netmap.structure.waves",
    "headline_measures": "netmap.structure.waves",
}


def __getattr__(name: str):
    """The public names and the subpackages, imported on first use (PEP 562)."""
    home = _LAZY.get(name)
    if home is not None:
        module = importlib.import_module(home)
        value = getattr(module, name) if hasattr(module, name) else \
            importlib.import_module(f"{home}.{name}")
    elif not name.startswith("_") and importlib.util.find_spec(f"{__name__}.{name}"):
        value = importlib.import_module(f"{__name__}.{name}")  # netmap.plot, netmap.cli...
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


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
