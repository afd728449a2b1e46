"""Pajek files: the published samples, partitions as sectors, errors and round trips."""

import warnings
from pathlib import Path

import pandas as pd
import pytest

import netmap
from exchange_files import (
    assert_round_trip,
    parser_failures,
    read_warned,
    small_map,
    write_file,
)

DATA = Path(__file__).parent / "data" / "pajek"
KNOKE = {1: "public", 2: "third", 3: "business"}  # KnokSec.clu: 1 GOV, 2 VOL, 3 PVT


def read(path, **kwargs):
    return read_warned(netmap.read_pajek, path, **kwargs)


def arc_lines(path):
    """The tie lines between *Arcs and the next '*' line, counted by hand."""
    rows, inside = 0, False
    for line in path.read_text().splitlines():
        if line.startswith("*"):
            inside = line.strip().lower() == "*arcs"
        elif inside and line.strip():
            rows += 1
    return rows


def test_knoke_project_reads_its_first_network_and_its_partition():
    m, caught = read(DATA / "KnokBur.paj", partition_labels=KNOKE)
    assert (len(m.actors), len(m.ties), m.directed) == (10, 49, True)  # KNOKI
    assert m.name == "UciNet\\KnokBur.dat : KNOKI"
    assert m.actors["sector"].astype(str).tolist() == [
        "public", "third", "public", "business", "public", "third", "business", "third",
        "public", "third"]
    assert m.actors.loc["COMM", ["x", "y", "z"]].tolist() == [0.1764, 0.2649, 0.5]
    codes = set(m.issues["code"])
    assert {"pajek-first-network", "pajek-partition", "pajek-not-read"} <= codes
    assert any("more than one network" in c for c in caught)


def test_the_same_network_from_ucinet_and_from_pajek_is_equal():
    from_paj, _ = read(DATA / "KnokBur.paj", partition=DATA / "KnokSec.clu",
                       partition_labels=KNOKE)
    sectors = dict(from_paj.actors["sector"].astype(str))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", netmap.DataWarning)
        from_dl = netmap.read_dl(Path(__file__).parent / "data" / "ucinet" / "Knok.dat",
                                 sectors=sectors)
    assert set(zip(from_dl.ties["source"], from_dl.ties["target"], strict=True)) == set(
        zip(from_paj.ties["source"], from_paj.ties["target"], strict=True))
    assert "pajek-partition-rest" in set(from_paj.issues["code"])  # the legend lines


@pytest.mark.parametrize(("stem", "n", "labels"), [
    ("MONK", 18, {1: "public", 2: "third"}),
    ("ADVICE", 14, {1: "public", 2: "third", 3: "business", 4: "academia"}),
])
def test_book_networks_read_with_their_counts(stem, n, labels):
    m, _ = read(DATA / f"{stem}.NET", partition=DATA / f"{stem}.CLU",
                partition_labels=labels)
    assert len(m.actors) == n and m.directed
    assert len(m.ties) == arc_lines(DATA / f"{stem}.NET") == {"MONK": 55, "ADVICE": 27}[stem]
    assert "pajek-drawing-not-read" in set(m.issues["code"])


def test_monk_partition_and_weights():
    m, _ = read(DATA / "MONK.NET", partition=DATA / "MONK.CLU",
                partition_labels={1: "public", 2: "third"})
    # MONK.CLU: 1 for the old novices, 2 for the new ones.
    assert m.actors["sector"].astype(str).tolist()[:6] == ["public"] * 5 + ["third"]
    assert m.ties.iloc[0][["source", "target", "weight"]].tolist() == ["Romauld", "Ambrose",
                                                                      2.0]


def write(tmp_path, text, name="g.net"):
    return write_file(tmp_path, text, name)


def test_lists_matrix_edges_and_mixed_directions(tmp_path):
    lists = write(tmp_path, "*Vertices 3\n1 a\n2 b\n3 c\n*Arcslist\n1 2 3\n*Edgeslist\n2 3\n",
                  "l.net")
    m, caught = read(lists)
    assert m.directed and len(m.ties) == 4  # 1->2, 1->3, and 2-3 as two arcs
    assert "edge-direction" in set(m.issues["code"])
    m, _ = read(lists, directed=False)
    assert not m.directed and len(m.ties) == 3
    symmetric = write(tmp_path, '*Vertices 3\n1 "a b"\n2 "c"\n3 "d"\n*Matrix\n0 1 0\n1 0 2\n'
                      "0 2 0\n", "s.net")
    m, _ = read(symmetric)
    assert not m.directed
    assert m.ties[["source", "target", "weight"]].to_numpy().tolist() == [
        ["a b", "c", 1.0], ["c", "d", 2.0]]
    numbers = write(tmp_path, '*Vertices 3\n1 "x"\n2 "x"\n*Edges\n1 2\n2 3 4\n', "n.net")
    m, _ = read(numbers)
    assert m.actors.index.tolist() == ["1", "2", "3"]
    assert m.actors["name"].tolist()[:2] == ["x", "x"]
    assert "pajek-vertex-numbers" in set(m.issues["code"])


test_parser_failures_name_the_file_and_line = parser_failures(netmap.read_pajek, "g.net", [
    ("1 a\n", "text before the first", 1),
    ("*Vertices 3 2\n", "two-mode", 1),
    ("*Vertices x\n", "number of vertices", 1),
    ("*Vertices 2\n1 a\n7 b\n", "vertex '7'", 3),
    ("*Vertices 2\n*Arcs\n1 3\n", "vertex '3'", 3),
    ("*Vertices 2\n*Arcs\n1\n", "two vertices", 3),
    ("*Vertices 2\n*Arcs\n1 2 heavy\n", "'heavy' is not a number", 3),
    ("*Vertices 2\n*Matrix\n0 1\n1\n", "3 values", 2),
    ("*Arcs\n1 2\n", "before \\*Vertices", 1),
])


def test_partition_failures(tmp_path):
    net = write(tmp_path, "*Vertices 2\n1 a\n2 b\n")
    short = write(tmp_path, "*Vertices 2\n1\n", "short.clu")
    with pytest.raises(netmap.FileFormatError, match="1 values for 2 vertices"):
        netmap.read_pajek(net, partition=short, partition_labels={1: "public"})
    clu = write(tmp_path, "*Vertices 2\n1\n9\n", "p.clu")
    with pytest.raises(netmap.FileFormatError, match="value 9 has no sector") as info:
        netmap.read_pajek(net, partition=clu, partition_labels={1: "public"})
    assert info.value.row == 3 and info.value.file == str(clu)
    with pytest.raises(netmap.FileFormatError, match="name no sectors"):
        netmap.read_pajek(net, partition=clu)
    with pytest.raises(netmap.ValidationError, match="buisness"):
        netmap.read_pajek(net, partition=clu, partition_labels={1: "public", 9: "buisness"})
    with pytest.raises(netmap.ParameterError, match="partition_labels"):
        netmap.read_pajek(net, partition_labels={1: "public"})
    with pytest.raises(netmap.ParameterError, match="directed"):
        netmap.read_pajek(net, directed=1)


@pytest.mark.parametrize("directed", [True, False])
def test_written_files_read_back_equal(tmp_path, directed):
    m = small_map(directed, name="מפה  =1", x=[0.1, 0.2, 0.3, 0.4], y=[1.0, 0.5, 0.25, 0.0])
    clu = {"partition": tmp_path / "m.clu"}  # nothing is left out: no warning
    assert_round_trip(m, tmp_path / "m.net", netmap.write_pajek, netmap.read_pajek,
                      write_options=clu, read_options=clu, check_name=True)


def test_writer_names_what_it_leaves_out(tmp_path):
    m = netmap.datasets.load_2x5()
    with pytest.warns(netmap.DataWarning) as caught:
        netmap.write_pajek(m, tmp_path / "2x5.net")
    message = str(caught[0].message)
    for part in ("name", "sector", "type", "memberships", "pass partition="):
        assert part in message
    assert "the title" not in message
    bad = netmap.from_frames(pd.DataFrame({"id": ['a"b'], "sector": ["public"]}),
                             pd.DataFrame(columns=["source", "target"]))
    with pytest.raises(netmap.FileFormatError, match="double quote"):
        netmap.write_pajek(bad, tmp_path / "bad.net")
