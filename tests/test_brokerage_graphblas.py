"""SuiteSparse:GraphBLAS's masked product against scipy's, on the same oriented pairs.

Kept apart from test_brokerage_triangles.py, whose every test runs on both
paths (the ``masked_product`` fixture): this one compares the two paths
directly, once.
"""

import importlib

import pytest

from conftest import require
from netmap.measures import _graphblas
from test_brokerage_triangles import CASES, random_map

nb = importlib.import_module("netmap.measures.brokerage")


@pytest.mark.parametrize(("seed", "directed"), CASES)
def test_both_products_close_the_same_pairs(seed, directed):
    require("suitesparse_graphblas")
    for map_seed in (seed, seed + 6):
        m = random_map(map_seed, directed, n=60, ties=400)
        pairs = nb._oriented_pairs(nb._binary_adjacency(m)[0], m.directed)
        fast = _graphblas.closing_pairs(_graphblas.library(), pairs)
        slow = nb._closing_pairs_scipy(pairs)
        assert len(fast[0]) > 0
        assert sorted(zip(*(x.tolist() for x in fast), strict=True)) == sorted(
            zip(*(x.tolist() for x in slow), strict=True))
