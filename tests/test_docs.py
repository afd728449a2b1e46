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


def python_blocks(page: Path) -> list[str]:
    return BLOCK.findall(page.read_text(encoding="utf-8"))


@pytest.mark.parametrize("page", sorted(p.name for p in DOCS.glob("*.md")))
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


def test_readme_links_exist():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#]+)\)", readme):
        if "://" not in target:
            assert (ROOT / target).exists(), target
    assert os.path.islink(ROOT / "data" / "samples" / "2x5")
