"""The HTML report: self-contained, every section or its note, both languages."""

import re
import warnings

import pandas as pd
import pytest

import netmap
from netmap.reporting import SECTION_IDS
from netmap.words.catalogue import report_word, words
from report_text import column, sections
from structure_maps import build


@pytest.fixture(scope="module")
def sample_reports(tmp_path_factory):
    folder = tmp_path_factory.mktemp("reports")
    m = netmap.datasets.load_2x5()
    out = {}
    for lang in ("en", "he"):
        path = netmap.report(m, folder / f"{lang}.html", lang=lang, permutations=99,
                             complexity="complex", goals=["tutoring", "robotics"])
        out[lang] = path.read_text(encoding="utf-8")
    return out


@pytest.mark.slow
def test_every_section_of_the_sample(sample_reports):
    for text in sample_reports.values():
        for sid in SECTION_IDS:
            assert f'<section id="{sid}">' in text, sid
        assert '<section id="notes">' in text


@pytest.mark.slow
def test_self_contained(sample_reports):
    for text in sample_reports.values():
        assert "<script" not in text.lower()
        sources = re.findall(r"<img[^>]* src=\"([^\"]+)\"", text)
        # the first page's map, two maps, mixing, bodies, brokers, coverage, waves
        assert len(sources) == 8
        assert all(s.startswith("data:image/png;base64,") for s in sources)
        assert not re.search(r'(href|src)="https?://', text)


@pytest.mark.slow
def test_hebrew_report_right_to_left(sample_reports):
    he, en = sample_reports["he"], sample_reports["en"]
    assert '<html lang="he" dir="rtl">' in he
    assert '<html lang="en" dir="ltr">' in en
    assert "ממצאים" in he and "Findings" in en
    assert "המגזר הציבורי מוביל" in he  # a finding, in Hebrew
    assert "The public sector leads" in en
    # numbers keep their own direction inside right-to-left tables
    assert '<td class="num" dir="ltr">' in he


@pytest.mark.slow
def test_findings_grouped_by_insight(sample_reports):
    en = sample_reports["en"]
    first, second = en.index("Insight 1"), en.index("Insight 2")
    assert first < second < en.index("Insight 3")
    assert first < en.index("Third-sector dependence", first) < second


@pytest.mark.slow
def test_absent_data_gives_a_note_not_an_empty_section(tmp_path):
    m = build({"a": "public", "b": "business", "c": "third"}, [("a", "b"), ("b", "c")])
    text = netmap.report(m, tmp_path / "r.html", permutations=19).read_text(
        encoding="utf-8")
    for sid in ("bodies", "coverage", "waves"):
        assert f'<section id="{sid}">' not in text
    for note in ("no bodies", "no activities table", "one wave only"):
        assert note in text


@pytest.mark.slow
def test_no_ties(tmp_path):
    m = build({"a": "public", "b": "business"}, [])
    text = netmap.report(m, tmp_path / "r.html", permutations=19).read_text(
        encoding="utf-8")
    assert "has no ties" in text


@pytest.mark.slow
def test_warnings_are_listed_in_the_report_not_raised(tmp_path):
    actors = pd.DataFrame({"id": ["a", "b", "c"], "sector": ["public", "business",
                                                               "third"]})
    ties = pd.DataFrame({"source": ["a", "a"], "target": ["a", "b"]})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        m = netmap.StakeholderMap(actors, ties)
    text = netmap.report(m, tmp_path / "r.html", permutations=19).read_text(
        encoding="utf-8")
    assert '<section id="notes">' in text


@pytest.mark.slow
def test_text_is_escaped(tmp_path):
    m = build({"a": "public", "b": "business", "c": "third"}, [("a", "b"), ("b", "c")],
              name=["<i>Ministry</i> & co", "Firm \"B\"", "c"])
    text = netmap.report(m, tmp_path / "r.html", title="<script>alert(1)</script>",
                         permutations=19).read_text(encoding="utf-8")
    assert "<script" not in text and "<i>" not in text
    assert "<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>" in text
    assert "<bdi>&lt;i&gt;Ministry&lt;/i&gt; &amp; co</bdi>" in text
    assert "Firm &#34;B&#34;" in text


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["en", "he"])
def test_same_map_same_bytes(tmp_path, monkeypatch, lang):
    m = netmap.datasets.load_2x5()
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    a = netmap.report(m, tmp_path / "a.html", permutations=49, lang=lang).read_bytes()
    b = netmap.report(m, tmp_path / "b.html", permutations=49, lang=lang).read_bytes()
    assert a == b  # pictures and all: no clock, no unseeded step
    # a build dates it through SOURCE_DATE_EPOCH, the same bytes again
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01 00:00 UTC
    c = netmap.report(m, tmp_path / "c.html", permutations=49, lang=lang).read_bytes()
    d = netmap.report(m, tmp_path / "d.html", permutations=49, lang=lang).read_bytes()
    assert c == d and b"2026-01-01" in c


@pytest.mark.parametrize("lang", ["en", "he"])
def test_a_dated_map_dates_its_report_and_gives_the_same_bytes(tmp_path, monkeypatch,
                                                               lang):
    actors = pd.DataFrame({"id": ["a", "b", "c"], "sector": ["public", "business", "third"]})
    ties = pd.DataFrame({"source": ["a", "b"], "target": ["b", "c"]})
    dated = netmap.StakeholderMap(actors, ties, date="2024-03-01")
    undated = netmap.StakeholderMap(actors, ties)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)

    def made(m, name):
        text = netmap.report(m, tmp_path / name, permutations=9, lang=lang,
                             static=True).read_text(encoding="utf-8")
        [line] = re.findall(r'<p class="meta">(.*?)</p>', text)
        return text, line

    a, line = made(dated, "a.html")
    b, _ = made(dated, "b.html")
    assert a == b
    assert "2024-03-01" in line
    assert report_word("made_by", lang, version=netmap.__version__,
                       date="2024-03-01") in line
    # no date in the map: no date in the report (never the clock)
    _, line = made(undated, "c.html")
    assert not re.search(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", line)
    # a build's SOURCE_DATE_EPOCH overrides the map's date, in every file it makes
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # 2026-01-01 00:00 UTC
    for m in (dated, undated):
        _, line = made(m, "d.html")
        assert "2026-01-01" in line and "2024-03-01" not in line


@pytest.mark.parametrize("lang", ["en", "he"])
def test_a_malformed_source_date_epoch_is_named_and_the_map_dates_the_report(
        tmp_path, monkeypatch, lang):
    actors = pd.DataFrame({"id": ["a", "b", "c"], "sector": ["public", "business", "third"]})
    ties = pd.DataFrame({"source": ["a", "b"], "target": ["b", "c"]})
    dated = netmap.StakeholderMap(actors, ties, date="2024-03-01")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.warns(netmap.NetmapWarning) as caught:
        text = netmap.report(dated, tmp_path / "r.html", permutations=9, lang=lang,
                             static=True).read_text(encoding="utf-8")
    [said] = [str(w.message) for w in caught if "SOURCE_DATE_EPOCH" in str(w.message)]
    assert said == report_word("epoch_ignored", lang, value="yesterday", date="2024-03-01")
    [line] = re.findall(r'<p class="meta">(.*?)</p>', text)
    assert "2024-03-01" in line


@pytest.mark.parametrize("value", ["1.7e9", "1_767_225_600", "١٢", "9" * 30, "-"])
def test_every_malformed_source_date_epoch_warns(monkeypatch, value):
    from netmap.reporting import _made_on

    actors = pd.DataFrame({"id": ["a", "b"], "sector": ["public", "business"]})
    ties = pd.DataFrame({"source": ["a"], "target": ["b"]})
    undated = netmap.StakeholderMap(actors, ties)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", value)
    with pytest.warns(netmap.NetmapWarning, match="SOURCE_DATE_EPOCH") as caught:
        assert _made_on(undated, "en") is None
    assert str(caught[0].message) == report_word("epoch_ignored_undated", "en", value=value)
    # set but empty counts as not set; a well-formed one dates the report
    for good, date in [("", None), (" 1767225600 ", "2026-01-01"), ("0", "1970-01-01")]:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", good)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert _made_on(undated, "en") == date


def test_sector_names_have_one_form_in_a_hebrew_table(tmp_path):
    # "ציבורי" and "עסקי" beside "מגזר שלישי", not beside "המגזר השלישי"
    sectors = {"moe": "public", "la": "public", "intel": "business", "ngo1": "third",
               "ngo2": "third"}
    m = build(sectors, [("moe", "intel"), ("intel", "ngo1"), ("ngo1", "la"), ("la", "ngo2"),
                        ("moe", "ngo2")])
    page = netmap.report(m, tmp_path / "he.html", lang="he", permutations=9,
                         static=True).read_text(encoding="utf-8")
    groups = set(column(sections(page)["brokers"], words("COLUMNS", "he")["group"]))
    assert groups == {"ציבורי", "עסקי", "מגזר שלישי"}
    taxonomy = netmap.default_taxonomy()
    names = [taxonomy.display_name(code, lang="he") for code in taxonomy.codes]
    assert not [n for n in names if n.startswith("ה")], names  # no definite article


def test_bad_language(tmp_path):
    with pytest.raises(netmap.MeasureError, match="lang"):
        netmap.report(netmap.datasets.load_2x5(), tmp_path / "r.html", lang="fr")
