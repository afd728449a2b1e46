"""Random bytes and mutated files through every reader: a map, or netmap's error.

The property (issue 14): whatever a file holds, a reader returns a map (with,
at most, documented ``netmap.DataWarning``s) or raises a ``netmap.NetmapError``
naming the file; never another exception. The cases are those of
tests/fuzz_inputs.py (benchmarks/fuzz_readers.py runs 10,000 of them); the
fast tier runs a few per reader, the slow tier many more.
"""

import random
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuzz_inputs import READERS, mutated_case, outcome

_FAST = settings(max_examples=6, deadline=None, derandomize=True,
                 suppress_health_check=[HealthCheck.function_scoped_fixture,
                                        HealthCheck.too_slow])
_SLOW = settings(max_examples=150, deadline=None,
                 suppress_health_check=[HealthCheck.function_scoped_fixture,
                                        HealthCheck.too_slow])


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    root = tmp_path_factory.mktemp("seeds")
    out = {}
    for reader in READERS:
        folder = root / reader.name.replace(" ", "_")
        folder.mkdir()
        out[reader.name] = reader.seed_files(folder)
    return out


def _main_file(path):
    """The file a reader reads first: the file itself, or a folder's actors or answers."""
    if not path.is_dir():
        return path
    for name in ("actors.csv", "answers.csv"):
        if (path / name).exists():
            return path / name
    raise AssertionError(path)


def _check_random_bytes(reader, seeds, tmp_path, data: bytes) -> None:
    work = tmp_path / "case"
    if work.exists():
        shutil.rmtree(work)
    work.mkdir()
    seed = seeds[reader.name]
    path = work / seed.name
    if seed.is_dir():
        shutil.copytree(seed, path)
    else:
        shutil.copy(seed, path)
    _main_file(path).write_bytes(data)
    assert outcome(reader.read, path) in ("read", "warning", "netmap error")


def _check_mutated(reader, seeds, tmp_path, seed: int) -> None:
    path = mutated_case(random.Random(seed), reader, seeds[reader.name], tmp_path / "case")
    assert outcome(reader.read, path) in ("read", "warning", "netmap error")


@pytest.mark.parametrize("reader", READERS, ids=lambda r: r.name)
def test_valid_seed_reads(reader, seeds):
    assert outcome(reader.read, seeds[reader.name]) == "read"


@pytest.mark.parametrize("reader", READERS, ids=lambda r: r.name)
@_FAST
@given(data=st.binary(max_size=512))
def test_random_bytes(reader, seeds, tmp_path, data):
    _check_random_bytes(reader, seeds, tmp_path, data)


@pytest.mark.parametrize("reader", READERS, ids=lambda r: r.name)
@_FAST
@given(seed=st.integers(0, 2**32 - 1))
def test_mutated_files(reader, seeds, tmp_path, seed):
    _check_mutated(reader, seeds, tmp_path, seed)


@pytest.mark.slow
@pytest.mark.parametrize("reader", READERS, ids=lambda r: r.name)
@_SLOW
@given(data=st.binary(max_size=4096))
def test_random_bytes_at_length(reader, seeds, tmp_path, data):
    _check_random_bytes(reader, seeds, tmp_path, data)


@pytest.mark.slow
@pytest.mark.parametrize("reader", READERS, ids=lambda r: r.name)
@_SLOW
@given(seed=st.integers(0, 2**32 - 1))
def test_mutated_files_at_length(reader, seeds, tmp_path, seed):
    _check_mutated(reader, seeds, tmp_path, seed)
