"""The rules of the code, run by the tools that check them (configured in pyproject.toml).

The layers (docs/architecture.md) by import-linter, the complexity limit by
ruff's C901 and the types by mypy: each over the whole of ``src/``, with no
exemption, the same commands a developer runs by hand.
"""

import subprocess
import sys
from pathlib import Path

from conftest import require

ROOT = Path(__file__).resolve().parents[1]


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
    require("mypy")
    done = run(sys.executable, "-m", "mypy")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Success: no issues found" in done.stdout, done.stdout
