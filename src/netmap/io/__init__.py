"""Readers and writers: CSV, Excel, frames, networkx, GEXF, GraphML, Kumu, UCINET, Pajek, surveys.

One module per format. A reader turns its file into raw tables and hands
them to the map's validation; it computes nothing. A writer writes what
the map holds.

May import: :mod:`netmap.model`.
"""

from netmap.io.csv import read_csv, write_csv
from netmap.io.excel import read_excel, write_excel
from netmap.io.frames import from_frames
from netmap.io.gexf import read_gexf, write_gexf
from netmap.io.graphml import read_graphml, write_graphml
from netmap.io.kumu import read_kumu, write_kumu
from netmap.io.networkx import from_networkx, to_networkx
from netmap.io.pajek import read_pajek, write_pajek
from netmap.io.ucinet import read_dl, write_dl

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
    "read_dl",
    "write_dl",
    "read_pajek",
    "write_pajek",
]
