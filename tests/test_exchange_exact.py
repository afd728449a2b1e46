"""Round trips that lose nothing, or say what they lose.

Random maps (hypothesis) with the values that broke round trips before:
floats to the last digit with inf, -inf, NaN and -0.0, whole numbers
beyond 2^53, ``\\r\\n`` and ``\\r`` in text, Excel's escape ``_x000D_`` as
text, cells longer than Excel's 32,767 characters, missing names and
Hebrew, and the map's date (or none), through every format. Each reads
back equal to the last bit, or (workbooks, long cells only) the writer
warns naming exactly the cells it cut, and the rest reads back equal.
"""

import math
import re
import warnings

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import netmap
from netmap.io.excel import EXCEL_CELL_LIMIT
from netmap.model._formula import escape_cell, unescape_cell
from netmap.testing import assert_map_equal

SECTORS = ["public", "business", "third", "עמותה", "ממשלה"]
TEXT = st.lists(st.sampled_from(list("ab אבג\r\n_x0D=-'\",;|") + ["_x000D_"]),
                max_size=12).map("".join)
LONG = st.integers(EXCEL_CELL_LIMIT - 2, EXCEL_CELL_LIMIT + 40).map(lambda n: "L" * n)
FLOATS = st.one_of(st.floats(allow_nan=True, allow_infinity=True),
                   st.sampled_from([-0.0, 0.1 + 0.2, 1 / 3, 2.0**60, 5e-324]))
BIG = st.one_of(st.integers(-(2**63) + 1, 2**63 - 1),
                st.sampled_from([2**53 + 1, -(2**53) - 1, 2**62, 7]))



@st.composite
def exact_maps(draw):
    ids = draw(st.lists(st.text("abcdefgh", min_size=1, max_size=3), min_size=2,
                        max_size=6, unique=True))
    n = len(ids)

    def column(strategy):
        return draw(st.lists(strategy, min_size=n, max_size=n))

    actors = pd.DataFrame({
        "id": ids,
        "sector": column(st.sampled_from(SECTORS)),
        "name": column(st.one_of(st.none(), st.sampled_from(["משרד", "Café", "b"]), TEXT)),
        "share": column(FLOATS),
        "count": column(BIG),
        "note": column(st.one_of(st.none(), TEXT, LONG)),
    })
    pairs = draw(st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids)),
                          min_size=1, max_size=6))
    ties = pd.DataFrame(pairs, columns=["source", "target"]).assign(
        weight=draw(st.lists(st.sampled_from([1.0, 0.1 + 0.2, 1 / 3]), min_size=len(pairs),
                             max_size=len(pairs))),
        detail=draw(st.lists(st.one_of(st.none(), TEXT, FLOATS.map(repr)),
                             min_size=len(pairs), max_size=len(pairs))))
    date = draw(st.one_of(st.none(), st.dates().map(lambda d: d.isoformat())))
    return actors, ties, draw(st.booleans()), date


def quiet_build(actors, ties, directed, date=None):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", netmap.DataWarning)
        return netmap.from_frames(actors, ties, directed=directed, name="מפה\r\n1",
                                  date=date)


WRITE_READ = {
    "csv": ("to_csv", netmap.read_csv),
    "map.xlsx": ("to_excel", netmap.read_excel),
    "kumu.xlsx": ("to_kumu", netmap.read_kumu),
    "kumu.json": ("to_kumu", netmap.read_kumu),
    "map.gexf": ("to_gexf", netmap.read_gexf),
    "map.graphml": ("to_graphml", netmap.read_graphml),
}


FORMATS = list(WRITE_READ)
WORKBOOKS = {"map.xlsx", "kumu.xlsx"}


def write_and_read(m, path):
    """The map read back from the file, and the warnings its writer gave."""
    method, read = WRITE_READ[path.name]
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        getattr(m, method)(path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", netmap.DataWarning)
        return read(path), [str(w.message) for w in caught]


def long_cells(m):
    """(table, column, row index) of the text cells over Excel's limit."""
    out = []
    for table in ("actors", "ties"):
        frame = getattr(m, table)
        for column in frame.columns:
            for k, value in enumerate(frame[column].tolist()):
                if isinstance(value, str) and len(escape_cell(value)) > EXCEL_CELL_LIMIT:
                    out.append((table, column, k))
    return out


def cut_to_excel(frame):
    """A table with its long cells cut as the workbook writers cut them."""
    frame = frame.copy()
    for column in frame.columns:
        if pd.api.types.is_string_dtype(frame[column]):
            frame[column] = frame[column].map(
                lambda v: unescape_cell(escape_cell(v)[:EXCEL_CELL_LIMIT])
                if isinstance(v, str) else v).astype(frame[column].dtype)
    return frame


def check_format(m, folder, name):
    back, written = write_and_read(m, folder / name)
    if name in WORKBOOKS and long_cells(m):
        cells = long_cells(m)
        [message] = [w for w in written if "32,767" in w]
        assert f"{len(cells)} text cell(s)" in message
        for _, column, _ in cells:
            assert f"(column '{column}')" in message
        assert (back.directed, back.waves, back.name, back.date) == (
            m.directed, m.waves, m.name, m.date)
        for table in ("actors", "ties", "memberships", "bodies", "activities"):
            pd.testing.assert_frame_equal(cut_to_excel(getattr(m, table)),
                                          getattr(back, table), check_exact=True,
                                          check_index_type=False)
        return
    assert not [w for w in written if "32,767" in w]
    try:
        assert_map_equal(m, back, check_name=True, check_exact=True)
    except AssertionError as err:
        raise AssertionError(f"{name}: {err}") from None


@pytest.mark.parametrize("name", FORMATS)
@settings(max_examples=8, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=exact_maps())
def test_each_format_reads_back_exactly_or_names_what_it_cut(tmp_path_factory, name,
                                                              data):
    check_format(quiet_build(*data), tmp_path_factory.mktemp("exact"), name)


@pytest.mark.slow
@pytest.mark.parametrize("name", FORMATS)
@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow, HealthCheck.data_too_large])
@given(data=exact_maps())
def test_each_format_reads_back_exactly_many_maps(tmp_path_factory, name, data):
    check_format(quiet_build(*data), tmp_path_factory.mktemp("exact"), name)


# -- the smallest reproducers of the defects ---------------------------------------
def one_column(values, column="x"):
    actors = pd.DataFrame({"id": ["a", "b", "c"][:len(values)],
                           "sector": ["public", "business", "third"][:len(values)],
                           column: values})
    return quiet_build(actors, pd.DataFrame({"source": ["a"], "target": ["b"]}), False)


@pytest.mark.parametrize("name", FORMATS)
@pytest.mark.parametrize("values", [
    [0.1 + 0.2, 1 / 3, 2.7715077941825975e-163],  # openpyxl wrote 16 digits
    [math.inf, -math.inf, 1.5],                    # read back as text 'inf'
    ["a\r\nb", "c\rd", "e\nf"],                   # CSV and workbooks lost the \r
    ["_x000D_", "_x005F_", "x"],                   # Excel's escapes, as text
], ids=["17-digits", "infinity", "line-ends", "escapes"])
def test_values_that_were_lost(tmp_path, name, values):
    m = one_column(values)
    back, written = write_and_read(m, tmp_path / name)
    assert not written
    assert_map_equal(m, back, check_name=True, check_exact=True)


def test_gexf_keeps_a_missing_name_missing(tmp_path):
    m = one_column([None, "B", "c"], column="name")
    m.to_gexf(tmp_path / "m.gexf")
    back = netmap.read_gexf(tmp_path / "m.gexf")
    assert back.actors["name"].isna().tolist() == [True, False, False]
    assert 'label="a"' in (tmp_path / "m.gexf").read_text(encoding="utf-8")  # for Gephi


def test_a_foreign_gexf_label_still_names_a_node_without_a_name(tmp_path):
    path = tmp_path / "g.gexf"
    path.write_text(
        '<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph>'
        '<attributes class="node"><attribute id="0" title="sector" type="string"/>'
        '<attribute id="1" title="name" type="string"/></attributes><nodes>'
        '<node id="a" label="Alpha"><attvalues><attvalue for="0" value="public"/>'
        '</attvalues></node></nodes></graph></gexf>', encoding="utf-8")
    assert netmap.read_gexf(path).actors["name"].tolist() == ["Alpha"]


@pytest.mark.parametrize("name", sorted(WORKBOOKS))
def test_a_workbook_writer_names_the_cells_it_cut(tmp_path, name):
    m = one_column(["y" * 40_000, "short", None], column="note")
    with pytest.warns(netmap.DataWarning, match=re.escape(
            "1 text cell(s) longer than Excel's 32,767 characters were cut")) as info:
        (m.to_excel if name == "map.xlsx" else m.to_kumu)(tmp_path / name)
    where = "actors!D2 (column 'note')" if name == "map.xlsx" else "Elements!"
    assert where in str(info[0].message)
    read = netmap.read_excel if name == "map.xlsx" else netmap.read_kumu
    assert read(tmp_path / name).actors["note"].str.len().tolist()[:2] == [
        EXCEL_CELL_LIMIT, 5]


def test_kumu_json_has_no_bare_infinity(tmp_path):
    m = one_column([math.inf, -math.inf, 0.5])
    m.to_kumu(tmp_path / "k.json")
    text = (tmp_path / "k.json").read_text(encoding="utf-8")
    assert "Infinity" not in text  # not JSON: Kumu's JSON.parse would refuse the file


def test_control_characters_travel_in_a_workbook(tmp_path):
    m = one_column(["a\x01b", "\x1f", "tab\there"])
    m.to_excel(tmp_path / "m.xlsx")
    assert_map_equal(m, netmap.read_excel(tmp_path / "m.xlsx"), check_exact=True)


def test_excel_escapes_written_by_excel_are_read_as_the_characters(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "actors"
    ws.append(["id", "sector", "note"])
    ws.append(["a", "public", "line one_x000D_\nline two"])
    ws2 = wb.create_sheet("ties")
    ws2.append(["source", "target"])
    wb.save(tmp_path / "excel.xlsx")
    m = netmap.read_excel(tmp_path / "excel.xlsx")
    assert m.actors["note"].tolist() == ["line one\r\nline two"]


def test_carriage_returns_survive_a_csv_long_enough_for_the_fast_parser(tmp_path):
    n = 1500  # files of 1,000 lines and more are parsed by pandas' C engine
    ids = [f"a{i}" for i in range(n)]
    x = ["p\r\nq" if i % 7 == 0 else ("r\rs" if i % 11 == 0 else "t") for i in range(n)]
    m = quiet_build(pd.DataFrame({"id": ids, "sector": "public", "x": x}),
                    pd.DataFrame({"source": ids[:-1], "target": ids[1:]}), False)
    m.to_csv(tmp_path)
    assert_map_equal(m, netmap.read_csv(tmp_path), check_exact=True)


@pytest.mark.parametrize("value", [2.0**53, 1e16, -(2.0**60), 1e300])
def test_a_whole_float_from_two_to_the_53_stays_a_float_in_a_workbook(tmp_path, value):
    """Found by hypothesis: 2**53 as a float was written without a point, read as Int64."""
    m = netmap.from_frames(
        pd.DataFrame({"id": ["a", "b"], "sector": ["public", "third"]}),
        pd.DataFrame({"source": ["a"], "target": ["b"], "detail": [value]}))
    m.to_excel(tmp_path / "m.xlsx")
    back = netmap.read_excel(tmp_path / "m.xlsx")
    assert str(back.ties["detail"].dtype) == "Float64"
    assert back.ties["detail"].iloc[0] == value
