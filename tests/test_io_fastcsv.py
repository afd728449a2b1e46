"""The CSV reader's fast path (pyarrow) gives exactly what the strict path gives.

Every file is read twice: once with the fast path taking any file it can
vouch for (its size floor lowered to 0), once with the fast path off; the
maps (every table, column, dtype and value), the issues and the warnings,
or the error messages, must be the same.
"""

from __future__ import annotations

import codecs
import dataclasses
import sys
import warnings

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import netmap
from conftest import read_outcome, require
from netmap.io import _fastcsv

pytestmark = pytest.mark.filterwarnings("ignore::netmap.DataWarning")


def _read(folder, *, fast: bool, monkeypatch, **kw):
    """The map (or the error) and the warnings of one reading, by one path."""
    with monkeypatch.context() as mp:
        if fast:
            mp.setattr(_fastcsv, "MIN_BYTES", 0)
        else:
            mp.setattr(_fastcsv, "scan", lambda data, *, encoding=None: None)
            mp.setattr(sys.modules["netmap.io.csv"], "scan",
                       lambda data, *, encoding=None: None)
        return read_outcome(netmap.read_csv, folder, **kw)


def _frames(m):
    return {"actors": m.actors, "ties": m.ties, "memberships": m.memberships,
            "bodies": m.bodies, "activities": m.activities, "issues": m.issues}


def assert_same_both_ways(folder, monkeypatch, **kw):
    """Read ``folder`` by both paths; everything must agree. Returns the fast result."""
    fast, fast_warned = _read(folder, fast=True, monkeypatch=monkeypatch, **kw)
    strict, strict_warned = _read(folder, fast=False, monkeypatch=monkeypatch, **kw)
    assert fast_warned == strict_warned
    assert type(fast) is type(strict)
    if isinstance(strict, Exception):
        assert str(fast) == str(strict)
        return fast
    for name, frame in _frames(strict).items():
        other = _frames(fast)[name]
        pd.testing.assert_frame_equal(other, frame, check_exact=True, obj=name)
        assert other.dtypes.astype(str).tolist() == frame.dtypes.astype(str).tolist()
        assert other.index.dtype == frame.index.dtype
    assert fast.waves == strict.waves and fast.directed == strict.directed
    assert fast.name == strict.name
    from netmap.model.arrays import MapArrays

    for m in (fast, strict):  # (the ends the checks found, as the ids looked up again)
        again = MapArrays.from_tables(m.actors, m.ties, m.directed)
        assert (m.arrays.source == again.source).all()
        assert (m.arrays.target == again.target).all()
    return fast


def _write(folder, name, text, *, encoding="utf-8", bom=False, crlf=False,
           errors="strict"):
    if crlf:
        text = text.replace("\n", "\r\n")
    data = text.encode(encoding, errors)
    if bom:
        data = codecs.BOM_UTF8 + data
    (folder / name).write_bytes(data)


ACTORS = ("id,name,sector,wave,score\n"
          "moe,Ministry of Education,government,2014,1\n"
          "ngo1,עמותה אחת,עמותה,2015,2\n"
          "biz,Intel ישראל,business,2014,3\n"
          "fund,קרן,קרן,2016,4\n")
TIES = ("source,target,type,weight\n"
        "moe,ngo1,funding,2\n"
        "ngo1,biz,partnership,1\n"
        "biz,fund,מימון,\n"
        "fund,moe,information,3\n")

CASES = {
    "clean": (ACTORS, TIES, {}),
    "excel_bom_crlf": (ACTORS, TIES, {"bom": True, "crlf": True}),
    "blank_rows": ("\n" + ACTORS.replace("\nngo1", "\n\n,,,,\nngo1") + "\n\n",
                   TIES.replace("\nbiz", "\n\n\nbiz"), {}),
    "titles_above": ("Registry of 2016\n\n" + ACTORS, "Ties\n" + TIES, {}),
    "hebrew_headers": (ACTORS.replace("id,name,sector,wave", "מזהה,שם,מגזר,גל"),
                       TIES.replace("source,target,type,weight", "מקור,יעד,סוג,משקל"),
                       {}),
    "header_twice": (ACTORS.replace("\n", "\nמזהה,שם,מגזר,גל,score\n", 1),
                     TIES, {}),
    "duplicate_ties": (ACTORS, TIES + "ngo1,moe,funding,2\nmoe,ngo1,funding,2\n", {}),
    "self_tie": (ACTORS, TIES + "moe,moe,advice,1\n", {}),
    "unknown_sector": (ACTORS + "x,X,spaceship,2014,5\n", TIES, {}),
    "unknown_type": (ACTORS, TIES + "moe,biz,gossip,1\n", {}),
    "unknown_actor": (ACTORS, TIES + "moe,nobody,funding,1\n", {}),
    "invisible": (ACTORS.replace("ngo1,", "ngo1\u200b,", 1), TIES, {}),
    "direction_marks": (ACTORS.replace("עמותה אחת", "\u200fעמותה אחת"), TIES, {}),
    "nbsp": (ACTORS.replace("Ministry of", "Ministry\u00a0of"), TIES, {}),
    "big_integers": (ACTORS.replace(",1\n", f",{2**53 + 1}\n"), TIES, {}),
    "huge_integers": (ACTORS.replace(",1\n", f",{2**70}\n"), TIES, {}),
    "quoted_newline": (ACTORS.replace("Intel ישראל", '"Intel\nישראל"'), TIES, {}),
    "quoted_comma": (ACTORS.replace("Intel ישראל", '"Intel, ישראל"'), TIES, {}),
    "quoted_cells": (ACTORS.replace("Intel ישראל", '"Intel ""IL"", ישראל"').replace(
        "moe,Ministry of Education", '"moe", " Ministry of Education "'), TIES, {}),
    "quote_inside_cell": (ACTORS.replace("Intel ישראל", 'Intel "IL"'), TIES, {}),
    "bad_quote": (ACTORS.replace("Intel ישראל", '"Intel" IL'), TIES, {}),
    "unclosed_quote": (ACTORS.replace("Intel ישראל", '"Intel IL'), TIES, {}),
    "quoted_header": (ACTORS.replace("id,name", '"id","name"'), TIES, {}),
    "quoted_empty": (ACTORS.replace(",2014,1", ',"",1'), TIES, {}),
    "bad_quote_below": (ACTORS + "".join(f"x{i},X,business,2014,{i}\n" for i in range(9))
                        + 'late,"Late" one,business,2014,1\n', TIES, {}),
    "quoted_newline_below": (ACTORS + "".join(f"x{i},X,business,2014,{i}\n"
                                              for i in range(9))
                             + 'late,"Late\none",business,2014,1\n', TIES, {}),
    "spaces_tabs": (ACTORS.replace("moe,Ministry", "  moe ,\tMinistry"),
                    TIES.replace("moe,ngo1", " moe\t, ngo1 "), {}),
    "formula_cells": (ACTORS.replace("Intel ישראל", "'=HYPERLINK(1)"), TIES, {}),
    "semicolons": (ACTORS.replace(",", ";"), TIES.replace(",", ";"), {}),
    "ragged_short": (ACTORS.replace(",2016,4\n", "\n"), TIES, {}),
    "value_without_header": (ACTORS.replace(",1\n", ",1,extra\n"), TIES, {}),
    "trailing_empty_cells": (ACTORS.replace("\n", ",,\n"), TIES, {}),
    "no_final_newline": (ACTORS.rstrip("\n"), TIES.rstrip("\n"), {}),
    "lone_carriage_return": (ACTORS.replace("\nbiz", "\rbiz"), TIES, {}),
    "decomposed_accent": (ACTORS.replace("Ministry", "Ministe\u0301re"), TIES, {}),
    "empty_ties": (ACTORS, "source,target,type,weight\n", {}),
    "missing_column": (ACTORS.replace("sector", "sectr"), TIES, {}),
    "duplicate_id": (ACTORS + "moe,Again,government,2014,9\n", TIES, {}),
    "extra_columns": (ACTORS.replace("score\n", "score,flag,note\n", 1).replace(
        ",1\n", ",1,TRUE,007\n").replace(",2\n", ",2,false,x\n"), TIES, {}),
    "latin1": ("id,name,sector\nmoe,Ministère,government\nngo1,Café Zürich,third\n"
               "biz,Société,business\nfund,Fondation,third\n",
               TIES.replace("מימון", "funding"), {"encoding": "latin-1"}),
    "cp1255": (ACTORS.replace("Intel ישראל", "אינטל"), TIES.replace("מימון", "funding"),
               {"encoding": "cp1255"}),
    "utf16": (ACTORS, TIES, {"encoding": "utf-16"}),
    # Codes among distinct values (the fast path's) must stand for what the cells say.
    "header_twice_named": (ACTORS.replace("\n", "\nמזהה,שם,מגזר,גל,score\n", 1),
                           TIES + "moe,מזהה,funding,1\n", {}),
    "duplicates_by_label": (ACTORS, TIES + "moe,ngo1,מימון,2.0\nngo1,moe,funding,+2\n"
                            "moe , ngo1,funding,2\n", {}),
    "weights_and_blanks": (ACTORS, TIES + "moe,biz,,\nbiz,moe,,1\nmoe,fund,advice,x\n"
                           "fund,biz,advice,inf\n", {}),
    "levels_and_orgs": (ACTORS.replace("score\n", "score,level,org\n", 1).replace(
        ",1\n", ",1,person,biz\n").replace(",2\n", ",2,,\n").replace(
        ",3\n", ",3,organisation,\n").replace(",4\n", ",4,galaxy,\n"), TIES, {}),
    "quoted_formula_ids": (ACTORS.replace("fund,", "'-fund,").replace(",fund,", ",-fund,"),
                           TIES.replace("fund", "'-fund"), {}),
    "duplicate_ids_many": (ACTORS + ACTORS.split("\n", 1)[1] + ACTORS.split("\n", 1)[1],
                           TIES, {}),
    "name_for_an_id": (ACTORS, TIES + "moe,Intel ישראל,funding,1\nmoe,ngo2,funding,1\n", {}),
    "blank_lines_then_errors": (ACTORS, TIES.replace("\nngo1", "\n\n\nngo1") + "\n"
                                "moe,nobody,funding,1\n\n", {"crlf": True}),
    # References and names come as cells, without codes, when clean as written.
    "empty_references": (ACTORS, TIES + "moe,,funding,1\n,biz,funding,1\n", {}),
    "hebrew_ids": (ACTORS.replace("ngo1", "עמותה1"), TIES.replace("ngo1", "עמותה1"), {}),
    "ref_edges": (ACTORS, TIES + "moe,'biz,funding,1\nmoe,biz ,funding,1\n", {}),
    "bom_then_not_utf8": (ACTORS + "".join(f"x{i},X,business,2014,{i}\n" for i in range(9))
                          + "late,L\udcb6,business,2014,1\n", TIES,
                          {"bom": True, "encoding": "utf-8", "errors": "surrogateescape"}),
}


@pytest.mark.parametrize("threads", [False, True], ids=["", "threads"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_both_paths_read_alike(tmp_path, monkeypatch, case, threads):
    """Alike, also with the work of large tables done in threads however small."""
    require("pyarrow")
    if threads:
        from netmap.model import _validation

        monkeypatch.setattr(_fastcsv, "_THREADED_ROWS", 0)
        monkeypatch.setattr(_validation, "_THREADED_ROWS", 0)
    actors, ties, form = CASES[case]
    _write(tmp_path, "actors.csv", actors, **form)
    _write(tmp_path, "ties.csv", ties, **form)
    assert_same_both_ways(tmp_path, monkeypatch)


#: The cases the fast path leaves to the strict reader (or that no reader reads).
OFF_THE_FAST_PATH = {
    "bad_quote", "bad_quote_below", "bom_then_not_utf8", "cp1255", "decomposed_accent",
    "direction_marks", "extra_columns", "invisible", "latin1", "lone_carriage_return",
    "nbsp", "quoted_newline", "quoted_newline_below", "ragged_short", "unclosed_quote",
    "utf16", "value_without_header"}


@pytest.mark.parametrize("case", sorted(set(CASES) - OFF_THE_FAST_PATH))
def test_codes_handed_over_change_nothing(tmp_path, monkeypatch, case):
    """The validation gives the same map from the fast path's tables with and without
    their codes (``RawTable.encoded``), or the same error."""
    require("pyarrow")
    from netmap.io.csv import _table_entry
    from netmap.model._validation import validate_tables
    from netmap.model.sectors import default_taxonomy

    actors, ties, form = CASES[case]
    _write(tmp_path, "actors.csv", actors, **form)
    _write(tmp_path, "ties.csv", ties, **form)
    monkeypatch.setattr(_fastcsv, "MIN_BYTES", 0)
    raws = {}
    for table in ("actors", "ties"):
        try:
            entry = _table_entry(tmp_path / f"{table}.csv", encoding=None)
        except netmap.FileFormatError:
            pytest.fail("not CSV netmap can read: list it in OFF_THE_FAST_PATH")
        raw = None if entry.fast is None else _fastcsv.fast_table(
            entry.fast, table, file=entry.file)
        if raw is None:
            pytest.fail("not on the fast path: list it in OFF_THE_FAST_PATH")
        raws[table] = raw
    assert all(raw.encoded for raw in raws.values()) or case == "header_twice_named"

    def validated(keep_codes):
        tables = {t: dataclasses.replace(
            r, frame=r.frame.copy(), positions=dict(r.positions),
            encoded=r.encoded if keep_codes else {}) for t, r in raws.items()}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                return validate_tables(tables, taxonomy=default_taxonomy(),
                                       directed=False)
            except netmap.NetmapError as err:
                return str(err)

    coded, plain = validated(True), validated(False)
    assert type(coded) is type(plain)
    if isinstance(plain, str):
        assert coded == plain
        return
    assert coded.issues == plain.issues and coded.waves == plain.waves
    for name in ("actors", "ties"):
        pd.testing.assert_frame_equal(getattr(coded, name), getattr(plain, name),
                                      check_exact=True)


def test_clean_files_take_the_fast_path(tmp_path, monkeypatch):
    require("pyarrow")
    _write(tmp_path, "actors.csv", ACTORS, bom=True, crlf=True)
    _write(tmp_path, "ties.csv", TIES, bom=True, crlf=True)
    built = []
    original = _fastcsv.fast_table

    def spy(f, table, *, file):
        raw = original(f, table, file=file)
        built.append((table, raw is not None))
        return raw

    monkeypatch.setattr(sys.modules["netmap.io.csv"], "fast_table", spy)
    m = assert_same_both_ways(tmp_path, monkeypatch)
    assert sorted(built) == [("actors", True), ("ties", True)]
    assert m.n_ties == 4


def test_references_and_names_come_without_codes(tmp_path, monkeypatch):
    """Clean references and free text are handed over as cells only (no dictionary);
    a reference column with a cell the cleaning changes gets its codes."""
    require("pyarrow")
    from netmap.io.csv import _table_entry

    monkeypatch.setattr(_fastcsv, "MIN_BYTES", 0)
    encoded = {}
    for case in ("clean", "hebrew_ids", "ref_edges"):
        actors, ties, form = CASES[case]
        for table, text in (("actors", actors), ("ties", ties)):
            _write(tmp_path, f"{table}.csv", text, **form)
            entry = _table_entry(tmp_path / f"{table}.csv", encoding=None)
            raw = _fastcsv.fast_table(entry.fast, table, file=entry.file)
            encoded[case, table] = sorted(raw.encoded)
    assert encoded["clean", "actors"] == ["id", "score", "sector", "wave"]
    assert encoded["clean", "ties"] == ["type", "weight"]
    assert encoded["hebrew_ids", "ties"] == ["type", "weight"]
    assert encoded["ref_edges", "ties"] == ["target", "type", "weight"]


@pytest.mark.parametrize("case", ["quoted_newline_below", "bad_quote_below",
                                  "invisible", "ragged_short",
                                  "lone_carriage_return", "latin1", "nbsp"])
def test_what_the_fast_path_cannot_vouch_for_goes_strict(tmp_path, monkeypatch, case):
    require("pyarrow")
    actors, ties, form = CASES[case]
    _write(tmp_path, "actors.csv", actors, **form)
    data = (tmp_path / "actors.csv").read_bytes()
    monkeypatch.setattr(_fastcsv, "MIN_BYTES", 0)
    f = _fastcsv.scan(data)
    assert f is None or _fastcsv.fast_table(f, "actors", file="actors.csv") is None


def test_suspect_characters_cover_what_strip_strips():
    """Every non-ASCII character str.strip takes for whitespace stops the fast path."""
    spaces = [chr(c) for c in range(0x80, 0x3100) if chr(c).isspace()]
    assert spaces
    assert all(_fastcsv.SUSPECT_CHARACTERS.fullmatch(c) for c in spaces)


def test_without_pyarrow_every_file_goes_strict(tmp_path, monkeypatch):
    monkeypatch.setattr(_fastcsv, "available", lambda: False)
    monkeypatch.setattr(_fastcsv, "MIN_BYTES", 0)
    assert _fastcsv.scan(TIES.encode()) is None


_PLAIN = st.lists(st.sampled_from(list("ab z1'=-.") + ["ש", "ל", "\t", "é"]),
                  max_size=6).map("".join)
_ODD = st.lists(st.sampled_from(
    list("ab z1'=-") + ["ש", "ל", "\t", "\u200b", "\u200f", "\u00a0", '"', ",", "é",
                        "e\u0301", "\ufeff", "\u2003", "\r", "\n"]),
    max_size=6).map("".join)
#: Mostly cells the fast path takes (some quoted as CSV quotes them), some it may not.
_CELL = st.one_of(_PLAIN, _PLAIN, _PLAIN.map(lambda c: '"' + c.replace('"', '""') + ',"'),
                  _ODD)
_SECTORS = st.sampled_from(["government", "עמותה", "business", "קרן", "third", "", "x"])
_TYPES = st.sampled_from(["funding", "מימון", "partnership", "gossip", "", "advice"])


@st.composite
def _folder_texts(draw):
    n = draw(st.integers(1, 6))
    ids = draw(st.lists(st.sampled_from(["a", "b", "c", "ש", "a ", " b", "d\u200b",
                                         "2", "007", str(2**60)]),
                        min_size=n, max_size=n))
    actors = ["id,name,sector,extra"] + [
        f"{i},{draw(_CELL)},{draw(_SECTORS)},{draw(_CELL)}" for i in ids]
    m = draw(st.integers(0, 8))
    ties = ["source,target,type,weight"] + [
        f"{draw(st.sampled_from(ids + ['zz']))},{draw(st.sampled_from(ids))},"
        f"{draw(_TYPES)},{draw(st.sampled_from(['1', '2.5', '', 'x', '-1', '1e3']))}"
        for _ in range(m)]
    blank = draw(st.sampled_from(["", "\n", ",,,\n"]))
    if blank:
        at = draw(st.integers(1, len(actors)))
        actors.insert(at, blank.rstrip("\n"))
    form = {"bom": draw(st.booleans()), "crlf": draw(st.booleans())}
    return "\n".join(actors) + "\n", "\n".join(ties) + "\n", form


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.too_slow])
@given(texts=_folder_texts())
def test_property_both_paths_read_alike(tmp_path_factory, monkeypatch, texts):
    require("pyarrow")
    folder = tmp_path_factory.mktemp("both")
    actors, ties, form = texts
    _write(folder, "actors.csv", actors, **form)
    _write(folder, "ties.csv", ties, **form)
    assert_same_both_ways(folder, monkeypatch)
