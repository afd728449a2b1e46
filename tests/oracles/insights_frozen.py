"""Freeze insights and the under-connected test on three small maps: the oracle of
tests/test_insights_frozen.py, which reads the JSON this script writes.

The values were written by netmap at commit 243e5a9 (before the speed-up of
``under_connected``'s permutations and two-step pairs, issue 17), so the test
shows that every finding, number and p-value stayed exactly the same for a
fixed seed. Do not regenerate it to make a failing test pass: a difference
means a result changed.

Regenerate, from the repository root (only when a result is meant to change):
    python tests/oracles/insights_frozen.py
which rewrites tests/oracles/insights_frozen.json.
"""

import json
from pathlib import Path

import numpy as np

import netmap
from netmap.structure.gaps import under_connected

#: The maps: three synthetic ones (with hubs, bodies, persons and waves) and the sample.
MAPS = {
    "synthetic_undirected": lambda: netmap.datasets.synthetic(1500, 12000, seed=3),
    "synthetic_directed": lambda: netmap.datasets.synthetic(1500, 12000, seed=4,
                                                            directed=True),
    # few public and business actors: the backbone holds sector pairs together
    "synthetic_lopsided": lambda: netmap.datasets.synthetic(
        300, 330, seed=6, sectors={"public": 0.04, "business": 0.04, "third": 0.87,
                                   "academia": 0.05}),
    "2x5": netmap.datasets.load_2x5,
}
PERMUTATIONS, SEED = 199, 5


def plain(x):
    """A JSON value: numpy numbers as Python ones, NaN as None, tuples as lists."""
    if isinstance(x, dict):
        return {str(k): plain(v) for k, v in x.items()}
    if isinstance(x, list | tuple):
        return [plain(v) for v in x]
    if isinstance(x, np.bool_ | bool):
        return bool(x)
    if isinstance(x, np.integer):
        return int(x)
    if isinstance(x, np.floating | float):
        return None if x != x else float(x)
    return x


def frozen(m) -> dict:
    """The under-connected tables (observed, expected, p-value, two-step), the table
    without the backbone, the cut-points and the findings."""
    def rows(table) -> dict:
        return {f"{a}|{b}": plain([row.observed, row.expected, row.p_value, row.two_step])
                for (a, b), row in table.iterrows()}

    return {
        "under": rows(under_connected(m, permutations=PERMUTATIONS, seed=SEED)),
        # by core: academia, social businesses and others have no group
        "under_core": rows(under_connected(m, by="core", permutations=PERMUTATIONS,
                                           seed=SEED + 1, alpha=0.5)),
        # the measures behind the general findings, whole
        "without_backbone": plain(netmap.without_backbone(m).to_dict()),
        "cut_points": [[actor, plain(row["pairs"]), plain(row["groups_cut_off"])]
                       for actor, row in netmap.sector_cut_points(m).iterrows()],
        "findings": [[f.code, plain(f.evidence), list(f.actors)]
                     for f in netmap.insights(m, permutations=PERMUTATIONS, seed=SEED)],
    }


if __name__ == "__main__":
    values = {name: frozen(make()) for name, make in MAPS.items()}
    Path(__file__).with_suffix(".json").write_text(
        json.dumps(values, sort_keys=True, indent=1) + "\n", encoding="utf-8")
