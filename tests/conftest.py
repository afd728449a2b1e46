"""Shared fixtures: tiny hand-checked maps and helpers that write input files."""

from __future__ import annotations

import os

# Plots in tests draw off screen, whatever the machine's default backend.
os.environ.setdefault("MPLBACKEND", "Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402


@pytest.fixture
def actors_frame() -> pd.DataFrame:
    """Five actors, one per core sector plus academia and a person."""
    return pd.DataFrame({
        "id": ["moe", "intel", "ngo", "univ", "p1"],
        "name": ["משרד החינוך", "אינטל", "جمعية النور", "University A", "Dana"],
        "sector": ["public", "business", "third", "academia", "third"],
        "level": ["organisation", "organisation", "organisation", "organisation",
                  "person"],
        "org": [None, None, None, None, "ngo"],
    })


@pytest.fixture
def ties_frame() -> pd.DataFrame:
    return pd.DataFrame({
        "source": ["moe", "intel", "ngo", "p1"],
        "target": ["ngo", "ngo", "univ", "moe"],
        "type": ["funding", "donation", "partnership", "information"],
        "weight": [2.0, 1.0, 3.0, 1.0],
    })


def write_text(path, text: str, encoding: str = "utf-8"):
    path.write_bytes(text.encode(encoding))
    return path
