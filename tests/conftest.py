"""Shared fixtures: tiny hand-checked maps, helpers that write input files, and `require`."""

from __future__ import annotations

import importlib
import os
import shutil
import subprocess
import sys
import warnings
from pathlib import Path
from types import ModuleType
from typing import NoReturn

# Plots in tests draw off screen, whatever the machine's default backend.
os.environ.setdefault("MPLBACKEND", "Agg")

import pandas as pd  # noqa: E402
import pytest  # noqa: E402


def in_ci() -> bool:
    """Whether the environment variable CI is set (CI=true), as the CI runner and .ci/run do.

    Both install every module and command the tests use, so there a missing
    one fails its test instead of skipping it.
    """
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def left_out() -> set[str]:
    """Modules a CI job leaves out on purpose (``NETMAP_LEFT_OUT``, space-separated).

    The lowest-versions job of .ci/run removes the optional accelerators
    (pyarrow, fa2, python_calamine) after installing the test extra, so that
    the suite also runs as ``pip install -e .`` leaves netmap: Python-backed
    text columns, the strict CSV reader and openpyxl for every sheet. Tests
    that need one of them skip there, even under CI.
    """
    return set(os.environ.get("NETMAP_LEFT_OUT", "").split())


def missing(reason: str) -> NoReturn:
    """Skip the calling test here; fail it under CI, where nothing may be missing."""
    if in_ci():
        pytest.fail(f"{reason}; CI installs it, so the test fails instead of skipping",
                    pytrace=False)
    pytest.skip(reason, allow_module_level=True)


def require(name: str, *, command: bool = False) -> ModuleType | str:
    """The module ``name``, or with ``command=True`` the path of the command ``name``.

    A missing one skips the test on a machine without it and fails it under
    CI (the environment variable ``CI`` set), since the test extra and
    .ci/run install every module and command the tests require. Commands
    are looked up beside this interpreter (the virtual environment's
    ``bin``) and then on ``PATH``.
    """
    if name in left_out():
        pytest.skip(f"{name} is left out on purpose here (NETMAP_LEFT_OUT)",
                    allow_module_level=True)
    if command:
        search = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
        found = shutil.which(name, path=search)
        if found is None:
            missing(f"the command {name} is not installed")
        return found
    try:
        return importlib.import_module(name)
    except ImportError:
        missing(f"the module {name} is not installed")


def read_outcome(read, *args, **kw) -> tuple[object, list[str]]:
    """What ``read(*args, **kw)`` gives: the map or netmap's error, and every warning.

    For tests that read one file two ways (fast path and strict) and compare.
    """
    import netmap

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = read(*args, **kw)
        except netmap.NetmapError as err:
            result = err
    return result, [f"{w.category.__name__}: {w.message}" for w in caught]


def python_run(code: str) -> subprocess.CompletedProcess:
    """``code`` run by a fresh interpreter (this one), its output captured; an error fails."""
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)


def python_prints(code: str) -> str:
    """What ``code`` prints, run by a fresh interpreter (a clean ``sys.modules``)."""
    return python_run(code).stdout.strip()


def pytest_collection_modifyitems(items):
    """The report package's doctests write whole reports: they join the slow tier."""
    for item in items:
        if isinstance(item, pytest.DoctestItem) and item.name.startswith("netmap.reporting"):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="module")
def sample():
    """The bundled 2x5 sample map (92 actors, 394 ties), loaded once per test module."""
    import netmap

    return netmap.datasets.load_2x5()


@pytest.fixture(params=["graphblas", "scipy"])
def masked_product(request, monkeypatch) -> str:
    """Run the test on each path of the triangles' masked product (brokerage, holes, gaps).

    ``"graphblas"``: SuiteSparse:GraphBLAS through suitesparse-graphblas (the
    ``fast`` extra; required, so missing it fails under CI, and skipped where
    the lowest-versions job leaves it out). ``"scipy"``: the fallback, with
    the module hidden for the test as if it were not installed.
    """
    from netmap.measures import _graphblas

    if request.param == "graphblas":
        require("suitesparse_graphblas")
        assert _graphblas.library() is not None
    else:
        monkeypatch.setitem(sys.modules, "suitesparse_graphblas", None)
        assert _graphblas.library() is None
    return request.param


@pytest.fixture
def close_figures():
    """Close every matplotlib figure after the test (use it by name or in ``usefixtures``).

    Only where pyplot is loaded already: the fixture itself imports no matplotlib.
    """
    yield
    pyplot = sys.modules.get("matplotlib.pyplot")
    if pyplot is not None:
        pyplot.close("all")


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
