"""The layers of docs/architecture.md and the rules of the code, checked.

Importing the model loads no higher layer; and the tools that check the
rules run here as a developer runs them by hand (configured in
pyproject.toml): the layers by import-linter, the complexity limit by
ruff's C901 and the types by mypy, each over the whole of ``src/`` with no
exemption.
"""

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from conftest import require

ROOT = Path(__file__).resolve().parents[1]

# The packages above the model: none is loaded by importing the model.
HIGHER_LAYERS = ("netmap.io", "netmap.words", "netmap.measures", "netmap.datasets",
                 "netmap.structure", "netmap.findings", "netmap.plot", "netmap.reporting",
                 "netmap.cli")

# Run in a fresh interpreter. `netmap/__init__.py` imports the whole
# namespace, so the script stands the `netmap` package in sys.modules
# without running its `__init__` (the module made from its spec, with its
# real path) before importing the model's modules: what is loaded then is
# what the model itself imports.
_SCRIPT = textwrap.dedent("""
    import importlib, json, pkgutil, sys
    from importlib.util import find_spec, module_from_spec
    from pathlib import Path

    folder, higher = Path(sys.argv[1]), tuple(sys.argv[2].split(","))
    sys.modules["netmap"] = module_from_spec(find_spec("netmap"))

    import netmap.model.stakeholder_map
    import netmap.model

    imported = ["netmap.model.stakeholder_map"]
    for info in pkgutil.walk_packages(netmap.model.__path__, prefix="netmap.model."):
        importlib.import_module(info.name)
        imported.append(info.name)
    loaded = sorted(name for name in sys.modules
                    if any(name == p or name.startswith(p + ".") for p in higher))

    # The facade methods import the function they stand for when called.
    from netmap.datasets import load_2x5

    m = load_2x5()
    written = m.to_csv(folder / "csv")
    m.to_excel(folder / "map.xlsx")
    m.to_gexf(folder / "map.gexf")
    m.to_graphml(folder / "map.graphml")
    m.to_kumu(folder / "map.json")
    graph = m.to_networkx()
    shared = m.anonymize(key="a long secret, 16+ bytes")
    rolled = m.roll_up(to="sector")
    page = m.explore().save(folder / "map.html")
    calls = {
        "to_csv": sorted(Path(p).name for p in written),
        "files": sorted(p.name for p in folder.iterdir() if p.is_file()),
        "to_networkx": [graph.number_of_nodes(), graph.number_of_edges()],
        "n_actors": m.n_actors,
        "n_ties": m.n_ties,
        "anonymize": [shared.n_actors, shared.n_ties,
                      bool(shared.actors.index.str.startswith("a_").all())],
        "roll_up": rolled.n_actors,
        "summary": type(m.summary()).__name__,
        "equals": m.equals(load_2x5()),
    }
    print(json.dumps({"imported": imported, "loaded": loaded, "calls": calls}))
""")


def test_the_model_loads_no_higher_layer(tmp_path):
    """Importing the model loads no reader, measure or plot; its facades still work."""
    done = subprocess.run([sys.executable, "-c", _SCRIPT, str(tmp_path),
                           ",".join(HIGHER_LAYERS)],
                          capture_output=True, text=True, check=False, timeout=300)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert "netmap.model.stakeholder_map" in out["imported"]
    assert "netmap.model._validation" in out["imported"]
    assert out["loaded"] == []

    calls = out["calls"]
    assert calls["to_csv"] == ["activities.csv", "actors.csv", "bodies.csv", "map.csv",
                               "memberships.csv", "ties.csv"]
    assert calls["files"] == ["map.gexf", "map.graphml", "map.html", "map.json", "map.xlsx"]
    assert calls["to_networkx"][0] == calls["n_actors"] == 92
    assert calls["to_networkx"][1] > 0
    assert calls["anonymize"] == [92, calls["n_ties"], True]
    assert calls["roll_up"] == 7
    assert calls["summary"] == "MapSummary"
    assert calls["equals"] is True



def run(*command: str) -> subprocess.CompletedProcess:
    """Run a command from the repository root, where pyproject.toml configures it."""
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT)


def test_the_import_contracts_are_kept():
    done = run(require("lint-imports", command=True), "--no-cache")
    assert done.returncode == 0, done.stdout + done.stderr
    assert " 0 broken" in done.stdout and " kept" in done.stdout, done.stdout


def test_no_function_is_above_the_complexity_limit():
    done = run(require("ruff", command=True), "check", "--select", "C901", "src")
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_types_check():
    # against the installed numpy's annotations: numpy 2's in the main CI job,
    # numpy 1.26's in the lowest-versions job (np.where(..., None) goes through
    # netmap.model.arrays.or_none, which both accept)
    require("mypy")
    done = run(sys.executable, "-m", "mypy")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Success: no issues found" in done.stdout, done.stdout
