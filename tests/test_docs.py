"""The documentation runs and matches the code."""

import importlib.util
import os
import re
import warnings
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
BLOCK = re.compile(r"^```python\n(.*?)^```", re.S | re.M)
#: A dotted name of netmap in prose, code or a directive (not a path or a URL).
DOTTED = re.compile(r"(?<![\w./-])netmap(?:\.[A-Za-z_]\w*)+")
PAGES = sorted(p.relative_to(ROOT).as_posix() for p in [ROOT / "README.md", *DOCS.rglob("*.md")])


def python_blocks(page: Path) -> list[str]:
    return BLOCK.findall(page.read_text(encoding="utf-8"))


#: Pages whose examples write whole reports, draw many plots or write every format.
SLOW_PAGES = {"report.md", "plots.md", "exchange.md"}


@pytest.mark.parametrize("page", [
    pytest.param(page, marks=pytest.mark.slow) if page in SLOW_PAGES else page
    for page in sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md"))])
def test_python_blocks_run_in_order(page, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    namespace: dict = {"__name__": f"docs_{page}"}
    for number, code in enumerate(python_blocks(DOCS / page), start=1):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            try:
                exec(compile(code, f"{page} block {number}", "exec"), namespace)
            except Exception as err:  # noqa: BLE001
                raise AssertionError(f"{page}, python block {number} failed: {err!r}\n"
                                     f"{code}") from err


def test_pages_with_code_have_python_blocks():
    assert len(python_blocks(DOCS / "getting-started.md")) >= 5


@pytest.mark.parametrize("page", [
    "concepts.md", "mixing.md", "brokerage.md", "structural-holes.md", "centrality.md",
    "structure.md", "findings.md", "plots.md", "report.md", "command-line.md",
    "exchange.md", "peers.md"])
def test_every_guide_page_has_an_example_that_runs(page):
    assert python_blocks(DOCS / page), f"{page} has no python example"


def test_the_command_line_page_names_every_command_and_option():
    from netmap.cli import build_parser

    text = (DOCS / "command-line.md").read_text(encoding="utf-8")
    parser = build_parser()
    commands = next(a for a in parser._actions if a.choices and isinstance(a.choices, dict))
    for name, sub in commands.choices.items():
        assert f"netmap {name}" in text, name
        for action in sub._actions:
            for flag in action.option_strings:
                if flag not in ("-h", "--help"):
                    assert f"`{flag}" in text or f" {flag}" in text, (name, flag)


def test_input_format_reference_is_generated_from_the_code():
    spec = importlib.util.spec_from_file_location("gen_input_format",
                                                  ROOT / "tools" / "gen_input_format.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    text = (DOCS / "input-format.md").read_text(encoding="utf-8")
    assert module.render(text) == text, (
        "docs/input-format.md is out of date: run python tools/gen_input_format.py")


def test_every_alias_is_documented():
    import netmap
    from netmap import vocabulary

    text = (DOCS / "input-format.md").read_text(encoding="utf-8")
    vocabs = [netmap.default_taxonomy(), vocabulary.LEVELS, vocabulary.SCOPES,
              vocabulary.TIE_TYPES, vocabulary.ROLES, vocabulary.BODY_KINDS]
    for vocab in vocabs:
        for term in vocab.terms:
            for label in term.labels():
                assert label.replace("|", "\\|") in text, (vocab.name, label)


def resolve(dotted: str):
    """What a dotted name stands for, as Python finds it: an attribute, else a submodule."""
    parts = dotted.split(".")
    obj = importlib.import_module(parts[0])
    for end in range(2, len(parts) + 1):
        try:
            obj = getattr(obj, parts[end - 1])
        except AttributeError:
            obj = importlib.import_module(".".join(parts[:end]))
    return obj


def test_a_name_hidden_behind_a_function_does_not_resolve():
    assert resolve("netmap.measures.brokerage.ROLES") is resolve("netmap.measures.brokerage").ROLES
    with pytest.raises(ImportError):
        resolve("netmap.brokerage.ROLES")  # netmap.brokerage is the function


@pytest.mark.parametrize("page", PAGES)
def test_every_dotted_name_in_the_docs_resolves(page):
    names = sorted(set(DOTTED.findall((ROOT / page).read_text(encoding="utf-8"))))
    unresolved = []
    for name in names:
        try:
            resolve(name)
        except ImportError:
            unresolved.append(name)
    assert not unresolved, f"{page} names what netmap does not have: {unresolved}"


def test_readme_links_exist():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#]+)\)", readme):
        if "://" not in target:
            assert (ROOT / target).exists(), target
    assert os.path.islink(ROOT / "data" / "samples" / "2x5")
