"""Group codes: the ``by=`` argument of every measure, against their definition."""

import numpy as np
import pandas as pd
import pytest

import netmap
from netmap.model._groups import group_codes


def by_definition(values: pd.Series):
    """Labels in category order (those present) and each actor's position in them, -1 if none."""
    present = set(values.dropna())
    labels = [c for c in values.cat.categories if c in present]
    codes = [labels.index(v) if not pd.isna(v) else -1 for v in values]
    return labels, codes


class Columns:
    """Stands for a map whose actors have one categorical column (what group_codes reads)."""

    def __init__(self, values: pd.Series):
        self.values = values

    def groups(self, *, by: str) -> pd.Series:
        return self.values


@pytest.mark.parametrize("seed", range(8))
def test_categorical_codes_follow_the_definition(seed):
    rng = np.random.default_rng(seed)
    n = int(rng.integers(0, 30))
    categories = ["c", "a", "d", "b", "e"][: int(rng.integers(1, 6))]
    values = rng.choice([*categories, None], n).tolist()
    m = Columns(pd.Series(pd.Categorical(values, categories=categories), name="team"))
    groups = group_codes(m, "team")
    labels, codes = by_definition(m.groups(by="team"))
    assert list(groups.labels) == labels
    assert groups.labels.name == "team"
    assert groups.codes.tolist() == codes
    assert groups.codes.dtype == np.int64


def test_sector_codes_of_a_dataset():
    m = netmap.datasets.load_2x5()
    for by in ("sector", "core"):
        groups = group_codes(m, by)
        labels, codes = by_definition(m.groups(by=by))
        assert list(groups.labels) == labels and groups.codes.tolist() == codes
