import codecs

import pytest

import netmap
from conftest import write_text
from netmap import FileFormatError, ValidationError
from netmap.io.csv import decode_bytes
from netmap.testing import assert_map_equal

HEBREW_ACTORS = ("מזהה,שם,מגזר\n"
                 "moe,משרד החינוך,ממשלה\n"
                 "ngo,עמותת \"אור\",עמותה\n"
                 "biz,חברת הייטק א',המגזר העסקי\n")
HEBREW_TIES = "מקור,יעד,סוג,משקל\nmoe,ngo,מימון,2\nbiz,ngo,תרומה,1\n"
def first_error(tmp_path, actors: str, ties: str = "source,target\n"):
    """Write the two files, read them, and return the first error reported."""
    write_text(tmp_path / "actors.csv", actors)
    write_text(tmp_path / "ties.csv", ties)
    with pytest.raises(ValidationError) as info:
        netmap.read_csv(tmp_path / "actors.csv", tmp_path / "ties.csv")
    return info.value.errors[0]


ARABIC_ACTORS = ("id,name,sector\n"
                 "baladiya,بلدية الناصرة,بلدية\n"
                 "jamia,جمعية النور,جمعية\n")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1255", "utf-16"])
def test_hebrew_in_every_excel_encoding(tmp_path, encoding):
    write_text(tmp_path / "actors.csv", HEBREW_ACTORS, encoding)
    write_text(tmp_path / "ties.csv", HEBREW_TIES, encoding)
    m = netmap.read_csv(tmp_path / "actors.csv", tmp_path / "ties.csv")
    assert m.actors["name"].tolist() == ["משרד החינוך", 'עמותת "אור"', "חברת הייטק א'"]
    assert m.actors["sector"].tolist() == ["public", "third", "business"]
    assert m.ties["type"].tolist() == ["funding", "donation"]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1256"])
def test_arabic_encodings(tmp_path, encoding):
    write_text(tmp_path / "actors.csv", ARABIC_ACTORS, encoding)
    write_text(tmp_path / "ties.csv", "source,target\nbaladiya,jamia\n", encoding)
    m = netmap.read_csv(tmp_path / "actors.csv", tmp_path / "ties.csv")
    assert m.actors["name"].tolist() == ["بلدية الناصرة", "جمعية النور"]
    assert m.actors["sector"].tolist() == ["public", "third"]


def test_decode_bytes_chooses_script():
    assert decode_bytes("עמותה,קרן".encode("cp1255"))[1] == "cp1255"
    assert decode_bytes("جمعية,بلدية".encode("cp1256"))[1] == "cp1256"
    assert decode_bytes(b"plain,ascii")[1] == "utf-8"
    assert decode_bytes(codecs.BOM_UTF16_LE + "a".encode("utf-16-le"))[1] == "utf-16"


def test_binary_and_workbook_files_are_refused(tmp_path):
    with pytest.raises(FileFormatError, match="Excel workbook"):
        decode_bytes(b"PK\x03\x04rest", file="x.csv")
    with pytest.raises(FileFormatError, match="NUL"):
        decode_bytes(b"a\x00b\x00")
    with pytest.raises(FileFormatError, match="encoding"):
        decode_bytes(bytes(range(0x80, 0xA0)) * 4)


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_delimiters(tmp_path, delimiter):
    write_text(tmp_path / "actors.csv", HEBREW_ACTORS.replace(",", delimiter))
    write_text(tmp_path / "ties.csv", HEBREW_TIES.replace(",", delimiter))
    m = netmap.read_csv(tmp_path / "actors.csv", tmp_path / "ties.csv")
    assert m.n_actors == 3 and m.n_ties == 2


def test_quoted_cells_with_commas_and_newlines_keep_row_numbers(tmp_path):
    actors = 'id,name,sector\na,"Name, with comma",public\nb,"two\nlines",third\nc,x,bizz\n'
    assert first_error(tmp_path, actors, "source,target\na,b\n").row == 5


def test_title_rows_second_header_and_blank_rows(tmp_path):
    actors = ("Our initiative's map,,\n"
              ",,\n"
              "id,name,sector\n"
              "מזהה,שם,מגזר\n"
              "a,A,public\n"
              ",,\n"
              "b,B,bizz\n")
    assert first_error(tmp_path, actors, "source,target\na,b\n").row == 7


def test_value_without_header_is_an_error(tmp_path):
    err = first_error(tmp_path, "id,sector\na,public,stray\n", "source,target\n")
    assert isinstance(err, FileFormatError) and err.row == 2


def test_empty_file(tmp_path):
    write_text(tmp_path / "actors.csv", "")
    write_text(tmp_path / "ties.csv", "source,target\n")
    with pytest.raises(ValidationError, match="empty"):
        netmap.read_csv(tmp_path / "actors.csv", tmp_path / "ties.csv")


def test_missing_file(tmp_path):
    with pytest.raises(ValidationError, match="no such file"):
        netmap.read_csv(tmp_path / "nope.csv", tmp_path / "ties.csv")


def test_folder_with_hebrew_file_names(tmp_path):
    write_text(tmp_path / "שחקנים.csv", HEBREW_ACTORS, "cp1255")
    write_text(tmp_path / "קשרים.csv", HEBREW_TIES, "cp1255")
    write_text(tmp_path / "notes.csv", "anything\n")
    m = netmap.read_csv(tmp_path)
    assert m.n_actors == 3 and m.n_ties == 2


def test_folder_without_ties(tmp_path):
    write_text(tmp_path / "actors.csv", HEBREW_ACTORS)
    with pytest.raises(FileFormatError, match="no ties file"):
        netmap.read_csv(tmp_path)


def test_folder_with_two_actor_files(tmp_path):
    write_text(tmp_path / "actors.csv", HEBREW_ACTORS)
    write_text(tmp_path / "שחקנים.csv", HEBREW_ACTORS)
    write_text(tmp_path / "ties.csv", HEBREW_TIES)
    with pytest.raises(ValidationError, match="'actors.csv' and 'שחקנים.csv' both hold "
                                              "the actors table"):
        netmap.read_csv(tmp_path)


def test_ties_file_required_with_a_file(tmp_path):
    write_text(tmp_path / "actors.csv", HEBREW_ACTORS)
    with pytest.raises(FileFormatError, match="needs a ties file"):
        netmap.read_csv(tmp_path / "actors.csv")


def test_round_trip_with_hebrew_and_arabic(tmp_path):
    actors = ("id,name,sector,level,org,scope,wave,until,budget,ref_code\n"
              "moe,משרד החינוך,public,organisation,,national,1,,1000,007\n"
              "jam,جمعية النور,third,organisation,,local,1,2,,012\n"
              "p,דנה,third,person,jam,,2,2,2.5,x\n")
    ties = ("source,target,type,weight,trust,wave,note\n"
            "moe,jam,funding,2.5,4,1,תקציב\n"
            "p,moe,friendship,,,2,\n")
    members = 'actor,body,role\nmoe,sc,יו"ר\njam,sc,מזכיר\n'
    bodies = "id,name,kind\nsc,ועדת היגוי,ועדת היגוי\n"
    activities = "actor,goal,wave\njam,tutoring,2\n"
    files = {}
    for table, text in {"actors": actors, "ties": ties, "memberships": members,
                        "bodies": bodies, "activities": activities}.items():
        files[table] = write_text(tmp_path / f"{table}.csv", text, "cp1255"
                                  if table == "bodies" else "utf-8")
    with pytest.warns(netmap.DataWarning):
        m = netmap.read_csv(**files, name="מפה")
    assert m.actors["ref_code"].tolist() == ["007", "012", "x"]
    assert str(m.actors["budget"].dtype) == "Float64"
    assert m.memberships["role"].tolist() == ["chair", "מזכיר"]
    out = tmp_path / "out"
    m.to_csv(out)
    assert (out / "actors.csv").read_bytes().startswith(codecs.BOM_UTF8)
    with pytest.warns(netmap.DataWarning):
        again = netmap.read_csv(out)
    assert_map_equal(m, again, check_name=True)
    out2 = tmp_path / "out2"
    again.to_csv(out2)
    for name in ("actors", "ties", "memberships", "bodies", "activities", "map"):
        assert (out / f"{name}.csv").read_bytes() == (out2 / f"{name}.csv").read_bytes()


def test_settings_table_round_trips_direction_and_wave_order(tmp_path):
    write_text(tmp_path / "actors.csv", "id,sector,wave\na,public,before\nb,third,after\n")
    write_text(tmp_path / "ties.csv", "source,target\na,b\nb,a\n")
    m = netmap.read_csv(tmp_path, directed=True, waves=["before", "after"])
    m.to_csv(tmp_path / "out")
    again = netmap.read_csv(tmp_path / "out")
    assert again.directed and again.waves == ("before", "after")
    assert_map_equal(m, again)
    with pytest.warns(netmap.DataWarning, match="duplicate tie"):
        undirected = netmap.read_csv(tmp_path / "out", directed=False)
    assert not undirected.directed and undirected.n_ties == 1


def test_bad_settings(tmp_path):
    write_text(tmp_path / "actors.csv", "id,sector\na,public\n")
    write_text(tmp_path / "ties.csv", "source,target\n")
    write_text(tmp_path / "map.csv", "setting,value\ndirected,maybe\n")
    with pytest.raises(netmap.InvalidValueError, match="yes or no"):
        netmap.read_csv(tmp_path)
    write_text(tmp_path / "map.csv", "setting,value\ncolour,red\n")
    with pytest.raises(netmap.InvalidValueError, match="unknown setting"):
        netmap.read_csv(tmp_path)


def test_date_setting_reads_into_the_map_and_writes_back(tmp_path):
    write_text(tmp_path / "actors.csv", "id,sector\na,public\nb,third\n")
    write_text(tmp_path / "ties.csv", "source,target\na,b\n")
    write_text(tmp_path / "map.csv", "הגדרה,ערך\nתאריך,2024-03-01\n")
    m = netmap.read_csv(tmp_path)
    assert m.date == "2024-03-01"
    m.to_csv(tmp_path / "out")
    written = (tmp_path / "out" / "map.csv").read_text(encoding="utf-8-sig")
    assert "date,2024-03-01" in written.splitlines()
    again = netmap.read_csv(tmp_path / "out")
    assert again.date == "2024-03-01"
    assert_map_equal(m, again, check_name=True)
    # a map without a date writes no date row, and reads back without one
    netmap.read_csv(tmp_path / "actors.csv", tmp_path / "ties.csv").to_csv(tmp_path / "none")
    assert "date" not in (tmp_path / "none" / "map.csv").read_text(encoding="utf-8-sig")
    assert netmap.read_csv(tmp_path / "none").date is None


@pytest.mark.parametrize("value", ["01/03/2024", "2024-02-30", "March 2024", "20240301"])
def test_a_date_that_is_not_a_date_names_file_and_row(tmp_path, value):
    write_text(tmp_path / "actors.csv", "id,sector\na,public\n")
    write_text(tmp_path / "ties.csv", "source,target\n")
    write_text(tmp_path / "map.csv", f"setting,value\nname,x\ndate,{value}\n")
    with pytest.raises(netmap.InvalidValueError) as info:
        netmap.read_csv(tmp_path)
    err = info.value
    assert "YYYY-MM-DD" in str(err) and "2024-03-01" in str(err)
    assert err.file.endswith("map.csv") and err.row == 3 and err.value == value


def test_unclosed_quote_names_the_row_where_it_starts(tmp_path):
    err = first_error(tmp_path, 'id,name,sector\na,"unclosed,public\nb,x,third\n')
    assert isinstance(err, FileFormatError) and err.row == 2
    assert "never closed" in str(err)


def big_text(n=1500, multiline_at=None):
    lines = ["id,name,sector"]
    for i in range(n):
        name = f'"עמותת ""אור"" {i}"' if i % 7 == 0 else f"ארגון {i}"
        if i == multiline_at:
            name = '"two\nlines"'
        lines.append(f"a{i},{name},{'third' if i % 2 else 'public'}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("n", [3, 1500])
def test_one_csv_parser_whatever_the_length(tmp_path, n):
    # Files of 1,000 lines and more were parsed by pandas' C engine, which took
    # a quote in the wrong place ('"x"y') that the strict reader of short files refuses.
    text = big_text(n).replace("a1,", 'a1,"bad"quote,', 1)
    err = first_error(tmp_path, text)
    assert isinstance(err, FileFormatError) and err.row == 3
    assert "not valid CSV" in str(err)


def test_big_file_rows_as_the_standard_reader_splits_them():
    from netmap.io.csv import rows_from_bytes

    rows = rows_from_bytes(big_text().encode(), file=None)
    assert len(rows) == 1501
    assert rows[8] == (9, ["a7", 'עמותת "אור" 7', "third"])


def test_multiline_cell_in_a_big_file_keeps_line_numbers(tmp_path):
    text = big_text(multiline_at=100).replace("a1401,ארגון 1401,third",
                                                "a1401,ארגון 1401,thrid")
    assert first_error(tmp_path, text, "source,target\n").row == 1404


def test_unrecognised_files_in_a_folder_are_noted(tmp_path):
    write_text(tmp_path / "actors.csv", HEBREW_ACTORS)
    write_text(tmp_path / "ties.csv", HEBREW_TIES)
    write_text(tmp_path / "notes.csv", "anything\n")
    m = netmap.read_csv(tmp_path)
    note = m.issues.set_index("code").loc["skipped-file"]
    assert note["severity"] == "note" and note["value"] == "notes.csv"
