"""The encoding a user names reaches every reader, or is refused or warned about.

CSV and Kumu CSV files are tested in test_io_csv.py and test_io_kumu.py;
here the other formats: UCINET DL and Pajek (text files: the encoding is
used), GEXF and GraphML (the document's declared encoding wins, with a
warning; one that declares none is read in the encoding given), and Excel
workbooks (no encoding to name: refused).
"""

import warnings

import networkx as nx
import pytest

import netmap
from netmap.cli import load_input, main
from netmap.words.catalogue import reading_note, say

MINISTRY = "משרד החינוך"  # Hebrew: in Windows-1255, not in Windows-1252
NGO = "עמותה"


def run(capsys, *args):
    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def codes(m):
    return set(m.issues["code"])


# -- UCINET DL and Pajek: the encoding is used ------------------------------------------
DL = f"""DL N=2 FORMAT=EDGELIST1
LABELS:
"{MINISTRY}", {NGO}
DATA:
1 2
"""
PAJEK = f"""*Vertices 2
1 "{MINISTRY}"
2 "{NGO}"
*Edges
1 2 1
"""
TEXT_READERS = [("dl", DL, lambda path, **kw: netmap.read_dl(path, **kw)),
                ("net", PAJEK, lambda path, **kw: netmap.read_pajek(path, **kw))]


@pytest.mark.parametrize(("suffix", "text", "read"), TEXT_READERS, ids=["dl", "pajek"])
def test_a_hebrew_text_file_reads_in_the_encoding_given(tmp_path, suffix, text, read):
    path = tmp_path / f"m.{suffix}"
    path.write_bytes(text.encode("cp1255"))
    m = read(path, encoding="cp1255")
    assert sorted(m.actors.index) == sorted([MINISTRY, NGO])
    assert "text-encoding" not in codes(m)


@pytest.mark.parametrize(("suffix", "text", "read"), TEXT_READERS, ids=["dl", "pajek"])
def test_without_an_encoding_the_note_says_how_to_name_one(tmp_path, suffix, text, read):
    path = tmp_path / f"m.{suffix}"
    path.write_bytes(text.encode("cp1255"))
    m = read(path)  # read as Windows-1252: Latin letters where Hebrew was written
    assert MINISTRY not in m.actors.index
    [note] = m.issues.loc[m.issues["code"] == "text-encoding", "message"]
    assert str(path) in note and "encoding=" in note and "cp1255" in note


@pytest.mark.parametrize(("suffix", "text", "read"), TEXT_READERS, ids=["dl", "pajek"])
def test_bytes_the_encoding_cannot_read_name_the_line(tmp_path, suffix, text, read):
    path = tmp_path / f"m.{suffix}"
    path.write_bytes(text.encode("cp1255"))
    with pytest.raises(netmap.FileFormatError, match="not valid utf-8") as info:
        read(path, encoding="utf-8")
    assert info.value.file == str(path)
    assert info.value.row == (3 if suffix == "dl" else 2)


def test_a_pajek_partition_is_read_in_the_same_encoding(tmp_path):
    net = tmp_path / "m.net"
    net.write_bytes(PAJEK.encode("cp1255"))
    clu = tmp_path / "m.clu"
    clu.write_bytes(f"% {MINISTRY}\n*Vertices 2\n1\n2\n".encode("cp1255"))
    m = netmap.read_pajek(net, partition=clu, partition_labels={1: "public", 2: NGO},
                          encoding="cp1255")
    assert m.actors["sector"].tolist() == ["public", "third"]
    with pytest.raises(netmap.FileFormatError) as info:
        netmap.io.pajek.read_partition(clu, encoding="utf-8")
    assert info.value.file == str(clu) and info.value.row == 1


@pytest.mark.parametrize("fmt", ["dl", "pajek"])
def test_the_command_line_passes_the_encoding_to_dl_and_pajek(capsys, tmp_path, fmt):
    path = tmp_path / ("m.dl" if fmt == "dl" else "m.net")
    path.write_bytes((DL if fmt == "dl" else PAJEK).encode("cp1255"))
    code, out, _ = run(capsys, "validate", str(path), "--encoding", "cp1255")
    assert code == 0 and "2 actors" in out and "Windows-1252" not in out
    m = load_input([path], encoding="cp1255")
    assert MINISTRY in m.actors.index


# -- GEXF and GraphML: the declared encoding wins --------------------------------------
def xml_file(tmp_path, fmt):
    G = nx.Graph()
    G.add_node("moe", sector="ממשלה", label=MINISTRY)
    G.add_node("ngo", sector=NGO)
    G.add_edge("moe", "ngo")
    path = tmp_path / f"g.{fmt}"
    (nx.write_gexf if fmt == "gexf" else nx.write_graphml)(G, path)
    return path


XML_READERS = {"gexf": netmap.read_gexf, "graphml": netmap.read_graphml}


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_a_declared_encoding_wins_over_another_given_with_a_warning(tmp_path, fmt):
    path = xml_file(tmp_path, fmt)
    assert b"encoding='utf-8'" in path.read_bytes()[:60]
    with pytest.warns(netmap.DataWarning, match="declares its encoding"):
        m = XML_READERS[fmt](path, encoding="cp1255")
    assert m.actors.loc["moe", "name"] == MINISTRY  # read as UTF-8, as declared
    [row] = m.issues[m.issues["code"] == "encoding-declared"].to_dict("records")
    assert (row["file"], row["value"], row["severity"]) == (str(path), "utf-8", "warning")
    assert row["message"] == say("READING", "encoding-declared", "en", file=str(path),
                                 value="utf-8")


@pytest.mark.parametrize("given", ["utf-8", "UTF8", "utf-8-sig"])
@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_the_declared_encoding_given_again_is_no_warning(tmp_path, fmt, given):
    path = xml_file(tmp_path, fmt)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        m = XML_READERS[fmt](path, encoding=given)
    assert "encoding-declared" not in codes(m)


@pytest.mark.parametrize("fmt", ["gexf", "graphml"])
def test_a_document_declaring_no_encoding_is_read_in_the_one_given(tmp_path, fmt):
    path = xml_file(tmp_path, fmt)
    body = path.read_text(encoding="utf-8").split("?>", 1)[1]  # no XML declaration
    path.write_bytes(body.encode("cp1255"))
    with pytest.raises(netmap.FileFormatError, match="not a well-formed"):
        XML_READERS[fmt](path)  # XML's default, UTF-8
    m = XML_READERS[fmt](path, encoding="cp1255")
    assert m.actors.loc["moe", "name"] == MINISTRY and codes(m).isdisjoint(
        {"encoding-declared"})
    with pytest.raises(netmap.FileFormatError, match="not valid ascii") as info:
        XML_READERS[fmt](path, encoding="ascii")
    assert info.value.file == str(path)
    first = next(k for k, c in enumerate(body) if not c.isascii())  # where Hebrew starts
    assert info.value.row == body[:first].count("\n") + 1


def test_the_command_line_shows_the_declared_encoding_warning(capsys, tmp_path):
    path = xml_file(tmp_path, "graphml")
    code, out, _ = run(capsys, "validate", str(path), "--encoding", "cp1255")
    assert code == 0 and "1 warning:" in out
    assert f"{path}: the file declares its encoding (utf-8) and was read in it" in out


def test_the_report_says_the_declared_encoding_warning_in_its_language(tmp_path):
    path = xml_file(tmp_path, "gexf")
    with pytest.warns(netmap.DataWarning):
        m = netmap.read_gexf(path, encoding="cp1255")
    [row] = m.issues[m.issues["code"] == "encoding-declared"].to_dict("records")
    hebrew = reading_note(row, "he")
    # opens in Hebrew (the page's list items take their direction from it), the path isolated
    assert hebrew.startswith(f"הקובץ \u2066{path}\u2069 מצהיר על הקידוד שלו (utf-8)")
    for lang, sentence in (("en", row["message"].split(": ", 1)[1]),
                           ("he", "מצהיר על הקידוד שלו (utf-8) ונקרא בו: הקידוד שניתן")):
        page = netmap.report(m, tmp_path / f"r-{lang}.html", lang=lang,
                             static=True).read_text(encoding="utf-8")
        assert sentence in page


# -- Excel workbooks: no encoding to name -----------------------------------------------
def test_an_encoding_for_a_workbook_is_refused(capsys, tmp_path):
    path = tmp_path / "m.xlsx"
    netmap.datasets.load_2x5().to_excel(path)
    with pytest.raises(netmap.ParameterError, match="encoding='cp1255'.*workbook"):
        load_input([path], encoding="cp1255")
    code, _, err = run(capsys, "validate", str(path), "--encoding", "cp1255")
    assert code == 2
    assert err.strip() == ("netmap validate: error: encoding='cp1255' is not allowed: use None "
                           "for a workbook (leave --encoding out)")
    assert load_input([path]).actors.shape[0] > 0  # the same workbook reads without it
