"""Every input decoded or refused, never guessed wrong (issue 14, item 3).

Each defect found by hand or by the fuzzing of tests/fuzz_inputs.py has its
smallest reproducer here.
"""

import codecs
import json
import time
import zipfile

import openpyxl
import pytest

import netmap
from netmap import FileFormatError, ValidationError
from netmap.cli import main
from netmap.io.csv import decode_bytes

TIES = "source,target\nmoe,ngo\n"


def read_pair(tmp_path, actors: bytes, ties: bytes = TIES.encode(), **kw):
    (tmp_path / "actors.csv").write_bytes(actors)
    (tmp_path / "ties.csv").write_bytes(ties)
    return netmap.read_csv(tmp_path / "actors.csv", tmp_path / "ties.csv", **kw)


def refused(tmp_path, actors: bytes, **kw) -> FileFormatError:
    with pytest.raises(ValidationError) as info:
        read_pair(tmp_path, actors, **kw)
    (err,) = info.value.errors
    assert isinstance(err, FileFormatError)
    return err


# -- encodings ---------------------------------------------------------------------
def test_latin1_cafe_is_not_read_as_hebrew(tmp_path):
    m = read_pair(tmp_path, "id,name,sector\nmoe,Café Zürich,public\nngo,x,third\n"
                  .encode("latin-1"))
    assert m.actors.loc["moe", "name"] == "Café Zürich"


def test_windows_1255_hebrew_still_reads(tmp_path):
    m = read_pair(tmp_path, "מזהה,שם,מגזר\nmoe,משרד החינוך,ממשלה\nngo,עמותה,עמותה\n"
                  .encode("cp1255"))
    assert m.actors.loc["moe", "name"] == "משרד החינוך"


def test_both_plausible_is_refused_naming_the_option(tmp_path):
    data = "id,name,sector\nmoe,à,public\nngo,x,third\n".encode("latin-1")
    err = refused(tmp_path, data)
    assert "encoding=" in str(err) and "Windows-1255" in str(err)
    m = read_pair(tmp_path, data, encoding="latin-1")
    assert m.actors.loc["moe", "name"] == "à"
    assert read_pair(tmp_path, data, encoding="cp1255").actors.loc["moe", "name"] == "א"


def test_encoding_given_that_cannot_read_the_file(tmp_path):
    err = refused(tmp_path, "id,sector\nmoe,public\nngo,\u05e9\n".encode(), encoding="ascii")
    assert err.row == 3 and "not valid ascii" in str(err)
    with pytest.raises(netmap.ParameterError, match="encoding"):
        read_pair(tmp_path, b"id,sector\n", encoding="no-such-codec")


@pytest.mark.parametrize("bom", [b"\x2b\x2f\x76", b"\xf7\x64\x4c", b"\x84\x31\x95\x33"])
def test_byte_order_marks_netmap_does_not_read_are_refused(tmp_path, bom):
    err = refused(tmp_path, bom + b"id,sector\nmoe,public\n")
    assert "byte-order mark" in str(err)


def test_utf32_with_its_byte_order_mark_reads(tmp_path):
    m = read_pair(tmp_path, "id,sector\nmoe,ממשלה\nngo,third\n".encode("utf-32"))
    assert m.actors.loc["moe", "sector"] == "public"


@pytest.mark.parametrize("bom", [codecs.BOM_UTF8, codecs.BOM_UTF16_LE])
def test_damaged_text_after_a_byte_order_mark(tmp_path, bom):
    # UnicodeDecodeError escaped before.
    err = refused(tmp_path, bom + b"id,sector\nmoe,public\n\xff\xfe\xd8")
    assert "not valid" in str(err)


def test_decode_bytes_reports_the_encoding():
    assert decode_bytes(b"Caf\xe9")[1] == "cp1252"
    assert decode_bytes("ש".encode("cp1255") + b",x", encoding="cp1255")[1] == "cp1255"


# -- invisible characters ----------------------------------------------------------
def test_zero_width_space_makes_no_second_actor(tmp_path):
    actors = "id,name,sector\nmoe,משרד\u00ad החינוך,public\nngo\u200f,עמותה,third\n"
    m = read_pair(tmp_path, actors.encode(), "source,target\nmoe\u200b,ngo\u2060\n"
                  .encode())
    assert m.actors.index.tolist() == ["moe", "ngo"]
    assert m.ties[["source", "target"]].to_numpy().tolist() == [["moe", "ngo"]]
    assert m.actors.loc["moe", "name"] == "משרד החינוך"
    notes = m.issues[m.issues["code"] == "invisible-characters"]
    assert set(notes["severity"]) == {"note"}
    assert sorted(zip(notes["file"].map(lambda f: f.rsplit("/", 1)[-1]), notes["row"],
                      notes["column"], strict=True)) == [
        ("actors.csv", 2, "name"), ("actors.csv", 3, "id"), ("ties.csv", 2, "source"),
        ("ties.csv", 2, "target")]


def test_invisible_characters_in_headers_and_labels(tmp_path):
    m = read_pair(tmp_path, "id\u200b,sector\nmoe,ממש\u200dלה\nngo,third\n".encode())
    assert m.actors.loc["moe", "sector"] == "public"


def test_invisible_characters_in_free_text_are_kept(tmp_path):
    # A joiner shapes emoji and Persian words: kept outside ids and names.
    m = read_pair(tmp_path, "id,sector,note\nmoe,public,a\u200db\nngo,third,c\n".encode())
    assert m.actors.loc["moe", "note"] == "a\u200db"


def test_two_ids_that_differ_only_by_an_invisible_character_are_one(tmp_path):
    with pytest.raises(ValidationError, match="actor id 'moe' is used in rows 2, 3"):
        read_pair(tmp_path, b"id,sector\nmoe,public\nmoe\xe2\x80\x8b,third\n")


# -- numbers -------------------------------------------------------------------------
def test_whole_numbers_in_extra_columns_stay_exact(tmp_path):
    m = read_pair(tmp_path, (f"id,sector,budget,ref_no\nmoe,public,{2**53 + 1},{10**30 + 1}\n"
                             "ngo,third,,7\n").encode())
    assert m.actors.loc["moe", "budget"] == 2**53 + 1
    assert str(m.actors["budget"].dtype) == "Int64"
    assert m.actors.loc["moe", "ref_no"] == 10**30 + 1
    out = tmp_path / "out"
    m.to_csv(out)
    assert netmap.read_csv(out).equals(m)


# -- limits --------------------------------------------------------------------------
def small_workbook(path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "actors"
    for row in (["id", "sector"], ["moe", "public"], ["ngo", "third"]):
        ws.append(row)
    ties = wb.create_sheet("ties")
    ties.append(["source", "target"])
    ties.append(["moe", "ngo"])
    wb.save(path)
    return path


def rewrite_part(path, part: str, change) -> None:
    with zipfile.ZipFile(path) as z:
        items = {n: z.read(n) for n in z.namelist()}
    if change is None:
        del items[part]
    else:
        items[part] = change(items[part])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in items.items():
            z.writestr(name, data)


def test_a_row_numbered_one_billion_is_refused_at_once(tmp_path):
    path = small_workbook(tmp_path / "m.xlsx")
    rewrite_part(path, "xl/worksheets/sheet1.xml",
                 lambda d: d.replace(b'r="3"', b'r="1000000000"').replace(
                     b'r="A3"', b'r="A1000000000"').replace(b'r="B3"', b'r="B1000000000"'))
    assert path.stat().st_size < 10_000
    start = time.perf_counter()
    with pytest.raises(FileFormatError, match="row numbered 1,000,000,000") as info:
        netmap.read_excel(path)
    assert time.perf_counter() - start < 5
    assert (info.value.sheet, info.value.row) == ("actors", 1_000_000_000)


def test_zip_bomb_is_refused_before_it_is_opened(tmp_path, monkeypatch):
    import netmap.io._limits as limits

    path = small_workbook(tmp_path / "m.xlsx")
    rewrite_part(path, "xl/worksheets/sheet1.xml",
                 lambda d: d.replace(b"</sheetData>", b"<!--" + b" " * 200_000 + b"-->"
                                     + b"</sheetData>"))
    monkeypatch.setattr(limits, "MAX_UNCOMPRESSED_BYTES", 100_000)
    with pytest.raises(FileFormatError, match="zip bomb"):
        netmap.read_excel(path)


@pytest.mark.parametrize(("part", "change"), [
    ("xl/worksheets/sheet1.xml", lambda d: d[:len(d) // 2]),
    ("xl/worksheets/sheet1.xml", lambda d: b"\x00garbage"),
    ("xl/workbook.xml", None),
    ("xl/workbook.xml", lambda d: d.replace(b"<sheets>", b"<sheets><x")),
    ("[Content_Types].xml", None),
    ("xl/_rels/workbook.xml.rels", lambda d: d.replace(b"Target=", b"Tar=")),
    ("xl/worksheets/sheet1.xml", lambda d: d.replace(b'r="B2"', b'r="XFE2"')),
    ("xl/worksheets/sheet1.xml", lambda d: d.replace(b'r="B2"', b'r="$$"')),
])
@pytest.mark.filterwarnings("ignore::netmap.DataWarning")  # openpyxl's, naming the file
def test_damaged_workbook_parts_give_netmaps_error(tmp_path, part, change):
    path = small_workbook(tmp_path / "m.xlsx")
    rewrite_part(path, part, change)
    with pytest.raises(netmap.NetmapError) as info:
        netmap.read_excel(path)
    assert str(path) in str(info.value)


def test_openpyxl_warnings_are_data_warnings_naming_the_file(tmp_path):
    path = small_workbook(tmp_path / "m.xlsx")
    rewrite_part(path, "xl/styles.xml",
                 lambda d: b"<styleSheet><cellXfs count='x'/></styleSheet>")
    with pytest.warns(netmap.DataWarning, match=f"{path}: openpyxl: "):
        m = netmap.read_excel(path)
    assert m.n_actors == 2


def test_a_device_is_refused(capsys):
    assert main(["validate", "--actors", "/dev/zero", "--ties", "/dev/zero"]) == 1
    assert "not a regular file" in capsys.readouterr().out
    with pytest.raises(FileFormatError, match="not a regular file"):
        netmap.read_gexf("/dev/zero")
    with pytest.raises(FileFormatError, match="not a regular file"):
        netmap.read_excel("/dev/zero")


def test_files_larger_than_the_limit_are_refused(tmp_path, monkeypatch):
    import netmap.io._limits as limits

    monkeypatch.setattr(limits, "MAX_INPUT_BYTES", 10)
    with pytest.raises(ValidationError, match="more than netmap reads"):
        read_pair(tmp_path, b"id,sector\nmoe,public\n")


def test_deep_kumu_json(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text('{"elements": ' + "[" * 100_000 + "]" * 100_000 + "}")
    with pytest.raises(FileFormatError, match="RecursionError"):
        netmap.read_kumu(path)
    nested = {"elements": [{"label": "a", "attributes": {"x": json.loads(
        "[" * 900 + "]" * 900)}}]}
    path.write_text(json.dumps(nested))
    with pytest.raises(netmap.NetmapError):
        netmap.read_kumu(path)


@pytest.mark.parametrize("reader", [netmap.read_gexf, netmap.read_graphml])
def test_unknown_xml_encoding(tmp_path, reader):
    path = tmp_path / "m.xml"
    path.write_bytes(b'<?xml version="1.0" encoding="no-such-encoding"?><gexf/>')
    with pytest.raises(FileFormatError, match="unknown encoding") as info:
        reader(path)
    assert info.value.file == str(path)


def test_an_unclosed_damaged_workbook_leaks_no_file(tmp_path):
    path = small_workbook(tmp_path / "m.xlsx")
    rewrite_part(path, "xl/workbook.xml", lambda d: b"<workbook")
    with pytest.raises(netmap.NetmapError):
        netmap.read_excel(path)
    import gc

    gc.collect()  # a ResourceWarning here would fail the test (filterwarnings=error)


def test_random_bytes_as_a_csv(tmp_path):
    err = refused(tmp_path, bytes(range(0x80, 0x100)) * 3)
    assert "encoding" in str(err)


def test_waves_with_no_actors_at_all(tmp_path):
    # Found by the fuzzing: an IndexError when the actors table had no rows and
    # a tie had a wave (the spans were compared with an empty array).
    with pytest.raises(ValidationError, match="source 'moe' is not an actor"):
        read_pair(tmp_path, b"id,sector,wave\n", b"source,target,wave\nmoe,ngo,2014\n")


def test_command_line_on_a_damaged_workbook(tmp_path, capsys):
    # The format check read the actors sheet's header with openpyxl directly:
    # a damaged sheet raised a raw ParseError before the reader could name it.
    path = small_workbook(tmp_path / "m.xlsx")
    rewrite_part(path, "xl/worksheets/sheet1.xml", lambda d: d[:len(d) // 2])
    assert main(["validate", str(path)]) == 1
    err = capsys.readouterr().err
    assert str(path) in err and "sheet 'actors'" in err


# -- found by benchmarks/fuzz_readers.py (10,000 cases, seed 0) ---------------------
def test_a_wave_beyond_int64(tmp_path):
    # case 595: OverflowError when the wave column was made Int64
    with pytest.raises(ValidationError, match="too large a number for a wave") as info:
        read_pair(tmp_path, f"id,sector,wave\nmoe,public,{'9' * 25}\nngo,third,2014\n"
                  .encode())
    assert info.value.errors[0].row == 2


def test_a_workbook_without_a_workbook_part(tmp_path):
    # case 1318: openpyxl's OSError "File contains no valid workbook part"
    path = small_workbook(tmp_path / "m.xlsx")
    rewrite_part(path, "_rels/.rels", lambda d: d.replace(b"officeDocument", b"nothing"))
    rewrite_part(path, "[Content_Types].xml", lambda d: d.replace(b"sheet.main+xml",
                                                                  b"nothing"))
    with pytest.raises(FileFormatError, match="no valid workbook part"):
        netmap.read_excel(path)


@pytest.mark.parametrize(("offset", "value", "match"), [
    (6, 245, "zip file version"),          # case 7334: version needed to extract
    (10, 99, "compression method"),        # case 5197: an unknown compression method
])
def test_a_zip_netmap_cannot_open(tmp_path, offset, value, match):
    path = small_workbook(tmp_path / "m.xlsx")
    data = bytearray(path.read_bytes())
    at = data.find(b"PK\x01\x02")  # every entry of the central directory
    while at >= 0:
        data[at + offset] = value
        at = data.find(b"PK\x01\x02", at + 1)
    path.write_bytes(bytes(data))
    with pytest.raises(FileFormatError, match=match):
        netmap.read_excel(path)
    assert main(["validate", str(path)]) == 1
