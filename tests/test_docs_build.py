"""The documentation builds with one command, strictly, and documents the whole API."""

import importlib
import inspect
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import require
from package_modules import public_modules

pytestmark = pytest.mark.slow

for _module in ("sphinx", "myst_parser", "numpydoc"):  # the docs extra, in the test extra
    require(_module)

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"

# Every module whose public names the API reference must cover.
PUBLIC_MODULES = public_modules()


def build(source: Path, out: Path) -> subprocess.CompletedProcess:
    """The documented build command: warnings are errors, every one listed."""
    return subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html",
         str(source), str(out)],
        capture_output=True, text=True, cwd=ROOT)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("site")
    done = build(DOCS, out)
    assert done.returncode == 0, done.stdout + done.stderr
    return out


def test_the_site_builds_without_a_warning(site):
    assert (site / "index.html").exists()


@pytest.mark.parametrize("page", sorted(p.relative_to(DOCS).with_suffix(".html").as_posix()
                                        for p in DOCS.rglob("*.md")))
def test_every_page_is_built(site, page):
    assert (site / page).exists()


@pytest.mark.parametrize(("page", "anchor"), [
    ("api/report.html", "netmap.report"),
    ("api/findings.html", "netmap.insights"),
    ("api/plots.html", "netmap.plot.plot_map"),
    ("api/map.html", "netmap.StakeholderMap.at"),
    ("api/measures.html", "netmap.measures.brokerage.ROLES"),
    ("api/io.html", "netmap.read_excel"),
    ("api/exchange.html", "netmap.read_kumu"),
    ("api/datasets.html", "netmap.datasets.synthetic"),
    ("api/exceptions.html", "netmap.ValidationError"),
])
def test_api_pages_document_their_names(site, page, anchor):
    assert f'id="{anchor}"' in (site / page).read_text(encoding="utf-8")


def test_guide_pages_render_their_content(site):
    holes = (site / "structural-holes.html").read_text(encoding="utf-8")
    assert r"\sum_{j \in N(i)}" in holes  # $...$ maths handed to MathJax
    index = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="peers.html"' in index and 'href="api/index.html"' in index
    sample = (site / "sample.html").read_text(encoding="utf-8")
    assert "NOT a record of the real initiative" in sample  # the README, included


def test_every_public_name_is_in_the_api_reference(site):
    from sphinx.util.inventory import InventoryFile

    with open(site / "objects.inv", "rb") as f:
        inventory = InventoryFile.load(f, "", lambda base, uri: uri)
    inventory = getattr(inventory, "data", inventory)  # an object from Sphinx 8.2 on? a dict here
    documented = {name for kind, entries in inventory.items() if kind.startswith("py:")
                  for name in entries}

    def resolve(dotted):
        module, _, name = dotted.rpartition(".")
        try:
            return getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError):
            return importlib.import_module(dotted)

    by_identity = {}
    for name in documented:
        try:
            obj = resolve(name)
        except ImportError:
            continue
        if not isinstance(obj, (int, float, str, bytes, type(None))):
            by_identity.setdefault(id(obj), name)
    missing = []
    for module in PUBLIC_MODULES:
        mod = importlib.import_module(module)
        for name in mod.__all__:
            obj = getattr(mod, name)
            if inspect.ismodule(obj) or name == "__version__":
                continue
            if f"{module}.{name}" not in documented and id(obj) not in by_identity:
                missing.append(f"{module}.{name}")
    assert not missing, f"not in docs/api/*.md: {missing}"


def test_the_build_fails_on_a_broken_link_or_reference(tmp_path):
    source = tmp_path / "docs"
    source.mkdir()
    shutil.copy(DOCS / "conf.py", source / "conf.py")
    (source / "index.md").write_text(
        "# Broken\n\nSee [a page that is not there](missing.md) and\n"
        "[an anchor that is not there](#nowhere).\n\n"
        "```{eval-rst}\n.. py:function:: f()\n\n   Calls :func:`netmap.no_such_function`.\n```\n",
        encoding="utf-8")
    done = build(source, tmp_path / "out")
    assert done.returncode != 0
    log = done.stdout + done.stderr
    assert "missing" in log and "nowhere" in log and "netmap.no_such_function" in log
