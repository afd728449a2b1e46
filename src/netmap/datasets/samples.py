"""The bundled sample maps and the Excel template, read from the installed package."""

from __future__ import annotations

from importlib import resources

from netmap.io.csv import rows_from_bytes
from netmap.model._raw import table_from_rows
from netmap.model._validation import validate_tables
from netmap.model.schema import TABLES
from netmap.model.sectors import default_taxonomy

__all__ = ["load_2x5", "sample_files", "template_file"]

_SAMPLES = ("2x5",)


def sample_files(sample: str = "2x5"):
    """The folder of a bundled sample (an ``importlib.resources`` traversable).

    Its CSV files are the same as ``data/samples/<sample>/`` in the
    repository; its README says how the sample was composed.
    """
    if sample not in _SAMPLES:
        raise KeyError(f"no sample {sample!r}; samples: {', '.join(_SAMPLES)}")
    return resources.files("netmap").joinpath("_data", "samples", sample)


def template_file():
    """The Excel template for a map of your own (an ``importlib.resources`` traversable).

    A workbook with one sheet per table, English and Hebrew headers, an
    example row or a few per sheet, drop-down lists of the labels netmap
    knows and instructions in Hebrew and English. It is the same file as
    ``data/templates/netmap-template.xlsx`` in the repository, whose README
    describes it. Copy it, fill it in and read it with
    :func:`netmap.read_excel`; as it is, it reads as a map of five actors.

    Examples
    --------
    >>> import netmap
    >>> netmap.datasets.template_file().name
    'netmap-template.xlsx'
    >>> netmap.read_excel(netmap.datasets.template_file())
    <StakeholderMap 'Example initiative': 5 actors (public 1, business 1, third 3), 5 ties
    (undirected), 1 bodies, waves 2024>
    """
    return resources.files("netmap").joinpath("_data", "templates", "netmap-template.xlsx")


def load_2x5():
    """The illustrative 2x5 (5x2) initiative map bundled with netmap.

    An illustrative map shaped like the 2x5 initiative of CONCEPTS.md
    section 8: 92 actors (ministry and local authorities, high-tech
    companies, non-profits, foundations, academia, the backbone
    organisation Sheatufim, persons inside organisations), 394 undirected
    ties, the partner network, steering committee, working teams, the
    business coalition and the third-sector team, and three waves (2013,
    2014 when the Ministry of Education takes the lead, 2016). It is not a
    record of the real initiative: only public bodies and the facts listed
    in the sample's README carry real names; every tie is invented.

    Returns
    -------
    StakeholderMap

    Examples
    --------
    >>> import netmap
    >>> m = netmap.datasets.load_2x5()
    >>> m
    <StakeholderMap '2x5 initiative (illustrative)': 92 actors (public 19, business 26, ...),
    394 ties (undirected), 7 bodies, waves 2013, 2014, 2016>
    >>> m.actors.loc["moe", ["name", "name_en", "sector"]].tolist()
    ['משרד החינוך', 'Ministry of Education', 'public']
    """
    from netmap.model.stakeholder_map import StakeholderMap

    folder = sample_files("2x5")
    raws = {}
    for table in TABLES:
        item = folder.joinpath(f"{table}.csv")
        if item.is_file():
            name = f"2x5/{table}.csv"
            raws[table] = table_from_rows(
                table, rows_from_bytes(item.read_bytes(), file=name), file=name)
    taxonomy = default_taxonomy()
    validated = validate_tables(raws, taxonomy=taxonomy, directed=False, waves=None)
    return StakeholderMap._from_validated(validated, directed=False, taxonomy=taxonomy,
                                          name="2x5 initiative (illustrative)")
