"""Readers and writers: CSV files, Excel workbooks, DataFrames and networkx graphs."""

from .csv import read_csv, write_csv
from .excel import read_excel, write_excel
from .frames import from_frames
from .networkx import from_networkx, to_networkx

__all__ = [
    "read_csv",
    "write_csv",
    "read_excel",
    "write_excel",
    "from_frames",
    "from_networkx",
    "to_networkx",
]
