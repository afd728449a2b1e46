"""UCINET DL files: the published samples, the three layouts, errors and round trips."""

import warnings
from pathlib import Path

import numpy as np
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

DATA = Path(__file__).parent / "data" / "ucinet"
KNOKE_SECTORS = {"COUN": "public", "COMM": "third", "EDUC": "public", "INDU": "business",
                 "MAYR": "public", "WRO": "third", "NEWS": "business", "UWAY": "third",
                 "WELF": "public", "WEST": "third"}


def read(path, **kwargs):
    return read_warned(netmap.read_dl, path, **kwargs)


def write(tmp_path, text, name="m.dl"):
    return write_file(tmp_path, text, name)


def test_zachary_reads_with_the_published_counts():
    # Zachary (1977): 34 members, 78 ties; UCINET's file holds two matrices.
    m, caught = read(DATA / "Zachary.DAT")
    assert (len(m.actors), len(m.ties), m.directed) == (34, 78, False)
    assert m.actors.index.tolist() == [str(k) for k in range(1, 35)]
    assert (m.ties["weight"] == 1.0).all()
    assert m.name == "ZACHE"
    assert any("2 matrices" in c and "ZACHC" in c for c in caught)
    codes = set(m.issues["code"])
    assert {"dl-first-matrix", "default-sector"} <= codes
    assert (m.actors["sector"] == "other").all()
    # The ties are the upper triangle of the symmetric matrix, read by hand.
    rows = (DATA / "Zachary.DAT").read_text().splitlines()
    start = next(k for k, r in enumerate(rows) if r.strip().upper() == "DATA:") + 1
    matrix = np.array([[int(v) for v in r.split()] for r in rows[start:start + 34]])
    assert (matrix == matrix.T).all()
    i, j = np.nonzero(np.triu(matrix))
    assert list(zip(m.ties["source"], m.ties["target"], strict=True)) == [
        (str(a + 1), str(b + 1)) for a, b in zip(i, j, strict=True)]


def test_knoke_reads_with_labels_and_sectors():
    m, caught = read(DATA / "Knok.dat", sectors=KNOKE_SECTORS)
    assert (len(m.actors), len(m.ties), m.directed) == (10, 49, True)  # KNOKI: 49 arcs
    assert m.actors.index.tolist() == list(KNOKE_SECTORS)  # 'WRO ' trimmed
    assert m.actors["sector"].astype(str).value_counts().to_dict() == {
        "public": 4, "third": 4, "business": 2}
    assert ("COUN", "COMM") in set(zip(m.ties["source"], m.ties["target"], strict=True))
    assert "default-sector" not in set(m.issues["code"])
    assert any("KNOKM" in c for c in caught)


def test_the_three_layouts_of_the_ucinet_manual_read_the_same(tmp_path):
    matrix = write(tmp_path, "dl n=5\nformat = fullmatrix\nlabels:\n"
                   "barry,david,lin,pat,russ\ndata:\n"
                   "0 1 1 1 0\n1 0 0 0 1\n1 0 0 1 0\n1 0 1 0 1\n0 1 0 1 0\n", "a.dl")
    edges = write(tmp_path, "DL n=5\nformat = edgelist1\nlabels embedded:\ndata:\n"
                  "barry david\nbarry lin\nbarry pat\ndavid russ\nlin pat\npat russ\n"
                  "david barry\nlin barry\npat barry\nruss david\npat lin\nruss pat\n",
                  "b.dl")
    nodes = write(tmp_path, "DL n=5\nformat = nodelist1\nlabels:\n"
                  "barry david lin pat russ\ndata:\n"
                  "1 2 3 4\n2 1 5\n3 1 4\n4 1 3 5\n5 2 4\n", "c.dl")
    maps = [read(p)[0] for p in (matrix, edges, nodes)]
    for m in maps:
        assert (len(m.actors), len(m.ties), m.directed) == (5, 6, False)
        pairs = {frozenset(p) for p in zip(m.ties["source"], m.ties["target"], strict=True)}
        assert pairs == {frozenset(p) for p in [("barry", "david"), ("barry", "lin"),
                                                ("barry", "pat"), ("david", "russ"),
                                                ("lin", "pat"), ("pat", "russ")]}


def test_edge_list_weights_numbers_and_diagonal_absent(tmp_path):
    m, _ = read(write(tmp_path, "dl\nformat=edgelist1\nn=3\ndata:\n1 2 1.56263736263736\n"
                      "1 3 1.48687978687979\n2 3 1.39597069597070\n3 1 0.676190476190476\n"))
    assert m.directed and m.actors.index.tolist() == ["1", "2", "3"]
    assert m.ties["weight"].tolist() == [1.56263736263736, 1.48687978687979,
                                         1.3959706959707, 0.676190476190476]
    m, _ = read(write(tmp_path, "DL N=3 FORMAT=FULLMATRIX DIAGONAL ABSENT\nDATA:\n"
                      "1 0\n1 2\n0 2\n"))
    # Rows without their diagonal cell: 1->2, 2->1, 2->3, 3->2: symmetric.
    assert not m.directed
    assert list(zip(m.ties["source"], m.ties["target"], m.ties["weight"], strict=True)) == [
        ("1", "2", 1.0), ("2", "3", 2.0)]


def test_embedded_matrix_labels_and_directed_false(tmp_path):
    path = write(tmp_path, 'DL N=3\nFORMAT = FULLMATRIX\nLABELS EMBEDDED\nDATA:\n'
                 'moe "beit yatziv" intel\nmoe 0 1 0\n"beit yatziv" 1 0 1\nintel 0 0 0\n')
    m, _ = read(path)
    assert m.directed and m.actors.index.tolist() == ["moe", "beit yatziv", "intel"]
    m, caught = read(path, directed=False)
    assert not m.directed and len(m.ties) == 2
    assert "edge-direction" in set(m.issues["code"])
    assert any("direction is dropped" in c for c in caught)


test_parser_failures_name_the_file_and_line = parser_failures(netmap.read_dl, "m.dl", [
    ("graph\n", "does not start with 'DL'", 1),
    ("DL N=2\nFORMAT = LOWERHALF\nDATA:\n1\n", "format lowerhalf", 2),
    ("DL N=2\n0 1\n", "'0' is not a DL setting", 2),
    ("DL NR=2 NC=3\nDATA:\n1 0 1\n0 1 1\n", "two-mode", 1),
    ("DL N=2\nDATA:\n0 1\n1\n", "ends before", 4),
    ("DL N=2\nDATA:\n0 1\n1 x\n", "'x' is not a number", 4),
    ("DL N=2\nDATA:\n0 1\n1 0 1\n", "more values", 4),
    ("DL N=2 FORMAT=EDGELIST1\nDATA:\n1 2\n1 3\n", "node '3'", 4),
    ("DL N=2 FORMAT=EDGELIST1\nDATA:\n1 2 3 4\n", "4 values", 3),
    ("DL N=3\nLABELS:\na, b\nDATA:\n", "2 labels for N = 3", 2),
    ("DL N=2 BANANA\nDATA:\n", "'BANANA' is not a DL setting", 1),
    ("DL N=2\nLABELS:\na b\n", "no 'DATA:' line", 3),
    ("DL N=2 FORMAT=EDGELIST1\nLABELS EMBEDDED\nDATA:\na b\nb c\n", "N = 2", 5),
])


def test_values_are_checked_as_in_every_reader(tmp_path):
    path = write(tmp_path, "DL N=2 FORMAT=EDGELIST1\nLABELS:\na b\nDATA:\n1 2 x\n")
    with pytest.raises(netmap.FileFormatError, match="the weight 'x' is not a number"):
        netmap.read_dl(path)
    with pytest.raises(netmap.ValidationError, match="buisness"):
        netmap.read_dl(DATA / "Knok.dat", sectors={**KNOKE_SECTORS, "INDU": "buisness"})
    with pytest.raises(netmap.ParameterError, match="'nope' is not a node"):
        netmap.read_dl(DATA / "Knok.dat", sectors={**KNOKE_SECTORS, "nope": "public"})
    with pytest.raises(netmap.ParameterError, match="directed"):
        netmap.read_dl(DATA / "Knok.dat", directed="yes")
    with pytest.raises(netmap.FileFormatError, match="cannot read"):
        netmap.read_dl(Path("/nonexistent/x.dl"))


@pytest.mark.parametrize("directed", [True, False])
@pytest.mark.parametrize("fmt", ["edgelist1", "fullmatrix"])
def test_written_files_read_back_equal(tmp_path, directed, fmt):
    m = small_map(directed, business="intel, IL")
    assert_round_trip(m, tmp_path / "m.dl", netmap.write_dl, netmap.read_dl,
                      warns="does not keep the actors' sector$|sector ",
                      write_options={"format": fmt},
                      read_options={"sectors": dict(m.actors["sector"])},
                      check_order=fmt == "edgelist1")


def test_node_list_and_matrix_warn_what_they_change(tmp_path):
    m = small_map(True, business="intel, IL")
    with pytest.warns(netmap.DataWarning, match="weights"):
        netmap.write_dl(m, tmp_path / "n.dl", format="nodelist1")
    back, _ = read(tmp_path / "n.dl", sectors=dict(m.actors["sector"]))
    assert (back.ties["weight"] == 1).all() and len(back.ties) == len(m.ties)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", netmap.DataWarning)
        doubled = netmap.from_frames(
            m.actors.reset_index()[["id", "sector"]],
            pd.DataFrame({"source": ["moe", "moe"], "target": ["ngo", "ngo"],
                          "weight": [1.0, 2.0]}), directed=True)
    with pytest.warns(netmap.DataWarning, match="adds them up"):
        netmap.write_dl(doubled, tmp_path / "f.dl", format="fullmatrix")
    back, _ = read(tmp_path / "f.dl")
    assert back.ties["weight"].tolist() == [3.0]


def test_writer_names_everything_it_leaves_out(tmp_path):
    m = netmap.datasets.load_2x5()
    with pytest.warns(netmap.DataWarning) as caught:
        netmap.write_dl(m, tmp_path / "2x5.dl")
    message = str(caught[0].message)
    for part in ("name", "sector", "level", "type", "trust", "memberships", "bodies",
                 "activities", "the title"):
        assert part in message
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", netmap.DataWarning)
        back = netmap.read_dl(tmp_path / "2x5.dl", sectors=dict(m.actors["sector"]),
                              directed=False)
    assert back.actors.index.tolist() == m.actors.index.tolist()
    assert back.actors["sector"].tolist() == m.actors["sector"].tolist()
    with pytest.raises(netmap.ParameterError, match="format"):
        netmap.write_dl(m, tmp_path / "x.dl", format="lowerhalf")


def test_an_id_a_label_cannot_hold_is_refused(tmp_path):
    actors = pd.DataFrame({"id": ['say "hi"'], "sector": ["public"]})
    m = netmap.from_frames(actors, pd.DataFrame(columns=["source", "target"]))
    with pytest.raises(netmap.FileFormatError, match="double quote"):
        netmap.write_dl(m, tmp_path / "q.dl")


def test_matrix_picks_one_relation_by_number_or_name():
    # Knoke's KNOKM (money) is the second matrix: 10 rows read by hand below
    rows = (DATA / "Knok.dat").read_text().splitlines()
    start = next(k for k, r in enumerate(rows) if r.strip().upper() == "DATA:") + 1
    money = np.array([[int(v) for v in r.split()] for r in rows[start + 10:start + 20]])
    for which in (1, "KNOKM"):
        m, caught = read(DATA / "Knok.dat", sectors=KNOKE_SECTORS, matrix=which)
        assert m.name == "KNOKM" and len(m.ties) == int(money.sum()) == 22
        i, j = np.nonzero(money)
        labels = list(KNOKE_SECTORS)
        assert list(zip(m.ties["source"], m.ties["target"], strict=True)) == [
            (labels[a], labels[b]) for a, b in zip(i, j, strict=True)]
        # chosen, so not warned; what is not read is noted all the same
        assert not any("matrices" in c for c in caught)
        note = m.issues.set_index("code").loc["dl-other-matrices"]
        assert note["severity"] == "note" and "KNOKI" in note["message"]
    first, _ = read(DATA / "Knok.dat", sectors=KNOKE_SECTORS, matrix="KNOKI")
    default, _ = read(DATA / "Knok.dat", sectors=KNOKE_SECTORS)
    assert first.ties.equals(default.ties) and first.actors.equals(default.actors)
    assert len(first.ties) == 49


@pytest.mark.parametrize("fmt", ["edgelist1", "nodelist1"])
def test_matrix_of_a_list_layout(tmp_path, fmt):
    data = {"edgelist1": "1 2\n2 3\n!\n3 1\n", "nodelist1": "1 2\n2 3\n!\n3 1\n"}[fmt]
    path = write(tmp_path, f"DL N=3 NM=2 FORMAT={fmt}\nLEVEL LABELS:\nadvice trust\n"
                 f"DATA:\n{data}")
    m, _ = read(path, matrix="trust", directed=True)
    assert m.ties[["source", "target"]].to_numpy().tolist() == [["3", "1"]]
    m, caught = read(path, directed=True)
    assert len(m.ties) == 2 and any("only the first ('advice')" in c for c in caught)


def test_a_matrix_the_file_does_not_have():
    for bad in (2, -1, "KNOKX", True, 1.0):
        with pytest.raises(netmap.ParameterError, match="matrix") as info:
            netmap.read_dl(DATA / "Knok.dat", sectors=KNOKE_SECTORS, matrix=bad)
        assert "KNOKI" in str(info.value) and "KNOKM" in str(info.value)
