"""Contracts of the package as a whole: imports, namespace, lint."""

import importlib
import subprocess
from pathlib import Path

import pytest

import netmap
from conftest import python_prints, python_run, require
from package_modules import all_modules

ROOT = Path(__file__).resolve().parents[1]


def test_import_does_not_pull_heavy_or_optional_modules():
    code = ("import sys, netmap; "
            "print(sorted(m for m in ('matplotlib', 'openpyxl', 'bidi') if m in sys.modules))")
    out = python_prints(code)
    assert out == "[]"
    # GraphBLAS is imported by the first call that counts triangles, not by the module
    code = ("import sys, netmap.measures.brokerage, netmap.measures.holes; "
            "print('suitesparse_graphblas' in sys.modules)")
    assert python_prints(code) == "False"


def test_import_and_help_load_what_they_need_only():
    # import netmap loads the errors and the version; a name loads its module on first use
    code = ("import sys, netmap; heavy = ('networkx', 'jinja2', 'matplotlib', 'pandas', "
            "'scipy', 'netmap.measures.brokerage'); "
            "before = [m for m in heavy if m in sys.modules]; "
            "f = netmap.brokerage; from netmap import communities; "
            "print(before, 'netmap.measures.brokerage' in sys.modules, "
            "'networkx' in sys.modules, callable(communities))")
    out = python_prints(code)
    assert out == "[] True False True"
    code = ("import sys\nfrom netmap.cli import main\n"
            "try:\n    main(['--help'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('numpy', 'pandas', 'scipy', 'networkx') if m in sys.modules),"
            " file=sys.stderr)")
    done = python_run(code)
    assert "usage" in done.stdout
    assert done.stderr.strip() == "[]"


def test_every_name_and_subpackage_resolves_lazily():
    code = ("import netmap; names = [getattr(netmap, n) for n in netmap.__all__]; "
            "print(netmap.measures.brokerage.ROLES[0], netmap.structure.clusters.__name__, "
            "'brokerage' in dir(netmap))")
    out = python_prints(code)
    assert out == "coordinator netmap.structure.clusters True"


@pytest.mark.parametrize("module", all_modules())
def test_every_module_has_a_docstring_and_all(module):
    mod = importlib.import_module(module)
    assert mod.__doc__ and mod.__doc__.strip()
    for name in mod.__all__:
        assert hasattr(mod, name), f"{module}.{name}"


def test_plot_is_an_attribute_imported_on_first_use():
    code = ("import sys, netmap; before = 'netmap.plot' in sys.modules; "
            "p = netmap.plot; from netmap import plot; "
            "print(before, p is plot is sys.modules['netmap.plot'], "
            "hasattr(plot, 'plot_map'), 'plot' in netmap.__all__)")
    out = python_prints(code)
    assert out == "False True True False"
    with pytest.raises(AttributeError, match="no attribute 'plots'"):
        netmap.plots  # noqa: B018


def test_errors_are_netmap_errors():
    for name in netmap.__all__:
        obj = getattr(netmap, name)
        if isinstance(obj, type) and issubclass(obj, Exception) and not issubclass(
                obj, Warning):
            assert issubclass(obj, netmap.NetmapError), name


def test_py_typed_is_shipped():
    assert (Path(netmap.__file__).parent / "py.typed").exists()


def test_ruff_is_clean():
    ruff = require("ruff", command=True)
    done = subprocess.run([ruff, "check", str(ROOT)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("module", [m for m in all_modules() if m != "netmap"])
def test_no_module_is_hidden_by_a_name_of_its_package(module):
    # netmap.measures.brokerage is the module (its ROLES resolve), while
    # netmap.brokerage is the function: no package binds a module's name
    # to anything but that module.
    parent, _, leaf = module.rpartition(".")
    assert getattr(importlib.import_module(parent), leaf) is importlib.import_module(module)


def test_documented_module_constants_resolve():
    assert netmap.measures.brokerage.ROLES[0] == "coordinator"
    assert "warning" in netmap.findings.insights.SEVERITIES
    assert callable(netmap.brokerage) and callable(netmap.insights)
