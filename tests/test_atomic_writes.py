"""Every write is whole or nothing: temporary file beside the target, then rename.

Each writer is made to fail part-way (a serialiser that raises after it has
written something, or Ctrl-C), and the earlier file must be intact with no
temporary file left beside it.
"""

import json
import os
import stat

import pandas as pd
import pytest

import netmap
from netmap import FileFormatError
from netmap.model._atomic import atomic_open, atomic_path, staged_files
from netmap.testing import assert_map_equal


@pytest.fixture
def with_bodies():
    return netmap.datasets.load_2x5()


@pytest.fixture
def small():
    actors = pd.DataFrame({"id": ["a", "b", "c"], "sector": ["public", "business", "third"]})
    ties = pd.DataFrame({"source": ["a", "b"], "target": ["b", "c"]})
    return netmap.from_frames(actors, ties)


def listing(folder):
    return sorted(p.name for p in folder.iterdir())


# -- the helper ---------------------------------------------------------------------
@pytest.mark.parametrize("error", [RuntimeError("disk full"), KeyboardInterrupt()])
def test_atomic_open_keeps_the_old_file_on_any_failure(tmp_path, error):
    target = tmp_path / "a.txt"
    target.write_text("old", encoding="utf-8")

    def write():
        with atomic_open(target, encoding="utf-8") as f:
            f.write("half of the new")
            raise error

    with pytest.raises(type(error)):
        write()
    assert target.read_text(encoding="utf-8") == "old"
    assert listing(tmp_path) == ["a.txt"]


def test_atomic_path_writes_whole_and_keeps_the_mode(tmp_path):
    target = tmp_path / "a.bin"
    target.write_bytes(b"old")
    os.chmod(target, 0o640)
    with atomic_path(target) as temp:
        assert temp.parent == tmp_path and temp.name.startswith(".a.bin.")
        temp.write_bytes(b"new")
        assert target.read_bytes() == b"old"
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert listing(tmp_path) == ["a.bin"]


def test_a_new_file_gets_the_usual_permissions_not_mkstemps(tmp_path):
    reference = tmp_path / "plain.txt"
    reference.write_text("x", encoding="utf-8")
    with atomic_open(tmp_path / "new.txt", encoding="utf-8") as f:
        f.write("x")
    assert (stat.S_IMODE((tmp_path / "new.txt").stat().st_mode)
            == stat.S_IMODE(reference.stat().st_mode))


def test_staged_files_rename_none_until_all_are_written(tmp_path):
    (tmp_path / "one").write_text("old one", encoding="utf-8")

    def write():
        with staged_files() as staged:
            staged.path(tmp_path / "one").write_text("new one", encoding="utf-8")
            staged.path(tmp_path / "two").write_text("new two", encoding="utf-8")
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write()
    assert listing(tmp_path) == ["one"]
    assert (tmp_path / "one").read_text(encoding="utf-8") == "old one"


def test_atomic_open_refuses_append(tmp_path):
    with pytest.raises(ValueError, match="whole files"), atomic_open(tmp_path / "x", "a"):
        pass


# -- the CSV folder -----------------------------------------------------------------
def test_a_map_without_bodies_written_over_one_with_bodies_reads_back_without(
        tmp_path, with_bodies, small):
    with_bodies.to_csv(tmp_path)
    assert {"bodies.csv", "memberships.csv", "activities.csv"} <= set(listing(tmp_path))
    written = small.to_csv(tmp_path)
    assert sorted(p.name for p in written) == listing(tmp_path) == [
        "actors.csv", "map.csv", "ties.csv"]
    back = netmap.read_csv(tmp_path)
    assert len(back.bodies) == len(back.memberships) == len(back.activities) == 0
    assert_map_equal(back, small)


def test_a_folder_export_leaves_other_files_alone(tmp_path, with_bodies, small):
    with_bodies.to_csv(tmp_path)
    (tmp_path / "notes.csv").write_text("what,when\nmeeting,today\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("mine", encoding="utf-8")
    (tmp_path / "bodies.xlsx").write_bytes(b"not a table file")
    small.to_csv(tmp_path)
    assert listing(tmp_path) == ["README.md", "actors.csv", "bodies.xlsx", "map.csv",
                                 "notes.csv", "ties.csv"]
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize("other", ["Bodies.csv", "גופים.csv", "settings.csv",
                                   "ties.tsv"])
def test_a_table_file_netmap_did_not_name_is_refused_before_writing(tmp_path, small,
                                                                    other):
    (tmp_path / other).write_text("id\nx\n", encoding="utf-8")
    with pytest.raises(FileFormatError, match="nothing was written") as info:
        small.to_csv(tmp_path)
    assert other in str(info.value)
    assert listing(tmp_path) == sorted([other])


def test_a_csv_export_failing_part_way_leaves_the_old_folder(tmp_path, with_bodies,
                                                             small, monkeypatch):
    small.to_csv(tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    real = pd.DataFrame.to_csv
    calls = []

    def fail_on_second(self, path=None, **kwargs):
        calls.append(path)
        if len(calls) == 2:
            real(self, path, **kwargs)  # a whole file written, then the failure
            raise KeyboardInterrupt
        return real(self, path, **kwargs)

    monkeypatch.setattr(pd.DataFrame, "to_csv", fail_on_second)
    with pytest.raises(KeyboardInterrupt):
        with_bodies.to_csv(tmp_path)
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


# -- the single-file writers --------------------------------------------------------
def _fail_gexf(monkeypatch):
    import netmap.io.gexf as module

    monkeypatch.setattr(module, "_write_edges", _raiser(KeyboardInterrupt))


def _fail_graphml(monkeypatch):
    import netmap.io.graphml as module

    monkeypatch.setattr(module, "_write_edges", _raiser(RuntimeError("cut")))


def _fail_workbook(monkeypatch):
    from openpyxl.writer.excel import ExcelWriter

    monkeypatch.setattr(ExcelWriter, "_write_chartsheets", _raiser(KeyboardInterrupt))


def _fail_json(monkeypatch):
    import netmap.io.kumu as module

    def half(data, f, **kwargs):
        f.write(json.dumps(data)[:50])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(module.json, "dump", half)


def _raiser(error):
    def fail(*args, **kwargs):
        raise error
    return fail


WRITERS = {
    "map.gexf": ("to_gexf", _fail_gexf),
    "map.graphml": ("to_graphml", _fail_graphml),
    "map.xlsx": ("to_excel", _fail_workbook),
    "kumu.xlsx": ("to_kumu", _fail_workbook),
    "kumu.json": ("to_kumu", _fail_json),
}


@pytest.mark.parametrize("name", list(WRITERS))
def test_a_writer_failing_part_way_leaves_the_old_file(tmp_path, small, with_bodies,
                                                       monkeypatch, name):
    method, fail = WRITERS[name]
    path = tmp_path / name
    getattr(small, method)(path)
    before = path.read_bytes()
    fail(monkeypatch)
    with pytest.raises((KeyboardInterrupt, RuntimeError, OSError)):
        getattr(with_bodies, method)(path)
    assert path.read_bytes() == before
    assert listing(tmp_path) == [name]


@pytest.mark.parametrize("name", list(WRITERS))
def test_a_writer_failing_part_way_leaves_no_file_where_there_was_none(
        tmp_path, with_bodies, monkeypatch, name):
    method, fail = WRITERS[name]
    fail(monkeypatch)
    with pytest.raises((KeyboardInterrupt, RuntimeError, OSError)):
        getattr(with_bodies, method)(tmp_path / name)
    assert listing(tmp_path) == []


def test_a_report_failing_part_way_leaves_the_old_report(tmp_path, small, monkeypatch):
    import netmap.reporting as reporting

    path = tmp_path / "report.html"
    path.write_text("<p>the earlier report</p>", encoding="utf-8")


    def cut_page(*args, **kwargs):
        return b"not text: the file object refuses it part-way"

    monkeypatch.setattr(reporting, "page", cut_page)
    with pytest.raises(TypeError):
        reporting.report(small, path, permutations=9)
    assert path.read_text(encoding="utf-8") == "<p>the earlier report</p>"
    assert listing(tmp_path) == ["report.html"]
