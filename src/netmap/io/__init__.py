"""Readers and writers: CSV, Excel, DataFrames, networkx graphs, GEXF, GraphML and Kumu."""

from .csv import read_csv, write_csv
from .excel import read_excel, write_excel
from .frames import from_frames
from .gexf import read_gexf, write_gexf
from .graphml import read_graphml, write_graphml
from .kumu import read_kumu, write_kumu
from .networkx import from_networkx, to_networkx

__all__ = [
    "read_csv",
    "write_csv",
    "read_excel",
    "write_excel",
    "from_frames",
    "from_networkx",
    "to_networkx",
    "read_gexf",
    "write_gexf",
    "read_graphml",
    "write_graphml",
    "read_kumu",
    "write_kumu",
]
