"""The notebooks in notebooks/ run from top to bottom and are stored without outputs.

Each notebook is executed with nbclient (the engine nbmake uses) in a
kernel started from this interpreter (``sys.executable -m
ipykernel_launcher``), whatever kernels Jupyter has installed on the
machine, so it runs against the netmap of this working tree. The kernel
starts in the test's temporary folder, which is also its TMPDIR (the
notebooks write their files only to folders from ``tempfile``), with
matplotlib's inline backend, as in Jupyter. A notebook fails its test when
a cell raises (the notebooks check their claims with ``assert``), when a
cell writes to standard error (a warning a reader would see), or when it
leaves a file in the repository.

Set NETMAP_NOTEBOOK_OUTPUTS to a folder to keep the executed notebooks
there (with their pictures), to look at them.

``pytest --nbmake notebooks/`` (nbmake is in the ``test`` extra) also runs
them, in Jupyter's default ``python3`` kernel.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
TIMEOUT = 300  # seconds per cell; the slowest cell takes a few seconds
KERNEL_CHECK = "import sys\nprint(sys.executable)"


def kernel_manager_class():
    """A kernel manager class whose kernel is ``sys.executable -m ipykernel_launcher``."""
    try:
        from ipykernel.kernelspec import RESOURCES, get_kernel_dict
    except ImportError:  # pragma: no cover - the test extra installs it
        pytest.fail("ipykernel is needed to run the notebooks: pip install -e '.[test]'")
    from jupyter_client.kernelspec import KernelSpec, KernelSpecManager
    from jupyter_client.manager import AsyncKernelManager
    from traitlets import default

    class ThisInterpreter(KernelSpecManager):
        def get_kernel_spec(self, kernel_name):
            return KernelSpec(resource_dir=RESOURCES, **get_kernel_dict())

    class ThisInterpreterKernel(AsyncKernelManager):
        @default("kernel_spec_manager")
        def _kernel_spec_manager_default(self):
            return ThisInterpreter(data_dir=self.data_dir)

    return ThisInterpreterKernel


def repository_files() -> set[Path]:
    return {p for p in ROOT.rglob("*") if ".git" not in p.parts and "__pycache__" not in p.parts
            and ".pytest_cache" not in p.parts and ".ruff_cache" not in p.parts
            and ".hypothesis" not in p.parts}


def test_there_are_four_notebooks():
    assert [p.name for p in NOTEBOOKS] == [
        "01-quickstart.ipynb",
        "02-reproducing-2x5.ipynb",
        "03-your-own-initiative.ipynb",
        "04-research-at-scale.ipynb",
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_is_stored_without_outputs(path):
    import nbformat

    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    for index, cell in enumerate(nb.cells):
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{path.name}, cell {index} has outputs"
            assert cell.execution_count is None, f"{path.name}, cell {index} has a count"
            assert "execution" not in cell.metadata, f"{path.name}, cell {index} has timings"
    assert nb.metadata.kernelspec.name == "python3"


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs(path, tmp_path):
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(KERNEL_CHECK))
    env = dict(os.environ, MPLBACKEND="module://matplotlib_inline.backend_inline",
               TMPDIR=str(tmp_path))  # the notebooks' temporary folders go under tmp_path
    before = repository_files()
    client = NotebookClient(nb, kernel_manager_class=kernel_manager_class(),
                            kernel_name="python3", timeout=TIMEOUT, record_timing=True)
    try:
        client.execute(cwd=str(tmp_path), env=env)
    except CellExecutionError as err:
        plain = re.sub(r"\x1b\[[0-9;]*m", "", str(err))  # IPython's colours
        pytest.fail(f"{path.name} failed:\n{plain}", pytrace=False)
    finally:
        keep = os.environ.get("NETMAP_NOTEBOOK_OUTPUTS")
        if keep:
            Path(keep).mkdir(parents=True, exist_ok=True)
            nbformat.write(nb, Path(keep) / path.name)

    kernel_python = "".join(o.get("text", "") for o in nb.cells[-1].outputs).strip()
    assert os.path.abspath(kernel_python) == os.path.abspath(sys.executable), kernel_python
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        stderr = [o["text"] for o in cell.outputs
                  if o["output_type"] == "stream" and o["name"] == "stderr"]
        assert not stderr, f"{path.name}, cell {index} wrote to stderr:\n{''.join(stderr)}"
    assert repository_files() == before, "the notebook wrote files into the repository"
