"""The report's numbers: honest p-values, one rounding rule, one scope, each figure once."""

import re

import pytest

import netmap
from netmap.words.catalogue import words
from report_text import column, sections, tables, text

LANGS = ("en", "he")


@pytest.fixture(scope="module")
def pages(tmp_path_factory, sample):
    folder = tmp_path_factory.mktemp("numbers")
    return {lang: netmap.report(sample, folder / f"{lang}.html", lang=lang, permutations=99)
            .read_text(encoding="utf-8") for lang in LANGS}


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_no_p_value_prints_as_zero(pages, lang):
    page = pages[lang]
    said = re.findall(r"p ([=<]) ([0-9.]+)", text(page))
    assert said, "the report states p-values"
    for relation, digits in said:
        assert float(digits) > 0, (relation, digits)
    cols = words("COLUMNS", lang)
    cells = [c for key in ("p_less", "p_greater", "p_value") for c in column(page, cols[key])]
    assert cells
    for cell in cells:
        number = cell.removeprefix("< ")
        assert re.fullmatch(r"[01]\.\d{3}", number), cell
        assert float(number) >= 1 / 100  # 99 permutations: at least 1 / (99 + 1)
    # the number of permutations is said with the test
    assert ("99 permutations" if lang == "en" else "99 תמורות") in text(page)


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_p_below_the_resolution(tmp_path, lang):
    # 9,999 permutations resolve below 0.001: such a p-value reads "p < 0.001"
    from structure_maps import build

    sectors = {f"p{i}": "public" for i in range(12)} | {f"b{i}": "business" for i in range(12)}
    ties = [(f"p{i}", f"p{j}") for i in range(12) for j in range(i + 1, 12)]
    ties += [(f"b{i}", f"b{j}") for i in range(12) for j in range(i + 1, 12)]
    page = netmap.report(build(sectors, [*ties, ("p0", "b0")]), tmp_path / "r.html",
                         lang=lang, permutations=9_999).read_text(encoding="utf-8")
    mixing = text(sections(page)["mixing"])
    assert "p < 0.001" in mixing
    assert "< 0.001" in column(page, words("COLUMNS", lang)["p_less"])


# -- one scope, each figure computed once and printed the same way everywhere -------------
MAPS = {
    "2x5": lambda: netmap.datasets.load_2x5(),
    "synthetic": lambda: netmap.datasets.synthetic(80, 300, waves=3, seed=2),
}
#: (wave, scope line) of each report read: the whole map and one wave of each.
SCOPES = {"2x5": (None, 2014), "synthetic": (None, 2)}

#: How each language writes the repeated figures: the backbone's share of the brokering
#: (finding, axis evidence, brokers section) and an under-connected pair (finding, table).
BACKBONE = {
    "en": r"brokers (?:only )?(\d+%) of the open two-paths between sectors",
    "he": r"(\d+%) מהמסלולים הפתוחים בין המגזרים",
}
UNDER = {
    "en": (r"(?:: |; )(.+?) and (.+?) have (.+?) against about ([\d.,]+) "
           r"\((p [=<] [\d.]+), \d+ permutations\)"),
    # "יש 3 קשרים" (there are 3 ties), or "אין אף קשר" (there is no tie) for none
    "he": (r"בין (.+?) לבין (.+?) (?:יש (.+?)|(אין אף קשר)), לעומת כ-([\d.,]+) "
           r"\((p [=<] [\d.]+), \d+ תמורות\)"),
}


@pytest.fixture(scope="module")
def scoped_reports(tmp_path_factory):
    folder = tmp_path_factory.mktemp("scopes")
    out = {}
    for name, make in MAPS.items():
        m = make()
        for wave in SCOPES[name]:
            for lang in LANGS:
                path = netmap.report(m, folder / f"{name}-{wave}-{lang}.html", lang=lang,
                                     wave=wave, permutations=99)
                out[name, wave, lang] = (m, path.read_text(encoding="utf-8"))
    return out


def _expected_share(m, wave):
    from netmap.structure.backbone import backbone_brokerage
    from netmap.words.catalogue import percent

    scoped = m.at(wave) if wave is not None else m
    return percent(float(backbone_brokerage(scoped)["share"].sum()))


@pytest.mark.slow
@pytest.mark.parametrize("name", list(MAPS))
@pytest.mark.parametrize("lang", LANGS)
def test_every_repeated_figure_is_printed_once(scoped_reports, name, lang):
    from netmap.words.catalogue import count, report_word

    for wave in SCOPES[name]:
        m, page = scoped_reports[name, wave, lang]
        parts = {sid: text(html) for sid, html in sections(page).items()}
        whole = text(page)
        scoped = m.at(wave) if wave is not None else m
        # the header names the scope
        if wave is None:
            assert report_word("scope_waves", lang, waves="")[:12] in whole
        else:
            assert report_word("scope_wave", lang, wave=wave) in whole
        # the backbone's share: finding, axis evidence and brokers section, one figure
        shares = re.findall(BACKBONE[lang], parts["findings"] + "\n" + parts["brokers"])
        assert len(shares) >= 3, shares
        assert set(shares) == {_expected_share(m, wave)}
        # an under-connected pair: the finding's ties, expected ties and p are the table's
        said = re.findall(UNDER[lang], parts["findings"])
        heads = words("COLUMNS", lang)
        rows = {(r[1], r[2], r[4]) for h, rs in _tables(parts, page, heads["expected"])
                for r in rs}
        assert said, "the sample has under-connected pairs"
        for case in said:
            observed, expected, p = "".join(case[2:-2]), case[-2], case[-1]
            number = re.search(r"\d+", observed)
            ties = number.group() if number else {"one tie": "1", "two ties": "2",
                                                  "קשר אחד": "1", "שני קשרים": "2",
                                                  "no ties": "0", "אין אף קשר": "0"}[observed]
            assert (ties, expected, p.split(" ", 1)[1].removeprefix("= ")) in rows, \
                (observed, expected, p)
        # counts: the summary line's actors and ties are the scope's
        assert count(scoped.n_actors, "actor", lang) in parts["summary"] or \
            f"{scoped.n_actors:,}" in parts["summary"]
        by_class = column(sections(page)["summary"], heads["ties"])
        assert sum(int(c.replace(",", "")) for c in by_class) == scoped.n_ties
        shares = column(sections(page)["summary"], heads["share"])
        assert sum(int(c[:-1]) for c in shares) == 100


def _tables(parts, page, heading):
    from report_text import tables

    return [(h, rows) for h, rows in tables(sections(page)["mixing"]) if heading in h]


# -- sentences --------------------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_sentences_agree_and_names_are_isolated(pages, scoped_reports, lang):
    page = pages[lang]
    said = text(page)
    # no digit 1 before a plural noun, in either language
    assert not re.search(r"\b1 (ties|bodies|actors|organisations|pairs|members)\b", said)
    assert not re.search(r"(?<![\d.,])1 (קשרים|גופים|שחקנים|ארגונים|זוגות|חברים|תמורות)", said)
    assert "there are 1" not in said
    # names inside sentences are isolated: <bdi> around each name of a finding
    findings = sections(page)["findings"]
    assert "<bdi>" in findings
    # as <bdi>: no first-strong isolate; numbers kept left to right (LRI ... PDI) may stay
    assert "\u2068" not in page and "\u2069" not in re.sub("\u2066[^\u2069]*\u2069", "", page)
    # goals read in the report's language (the sample names them in both)
    goal = {"en": "Student motivation", "he": "מוטיבציה של תלמידים"}[lang]
    assert goal in text(sections(page)["coverage"])
    coverage = text(sections(page)["coverage"])
    # no goal id in what the page shows (ids stay in the interactive map's data)
    assert "student_motivation" not in text(page) and "student motivation" not in coverage
    # a report about another initiative does not mention the sample
    _, other = scoped_reports["synthetic", None, lang]
    assert not re.search(r"2x5|2פי5", text(other))


def test_english_finding_keeps_a_hebrew_name_whole():
    from netmap.reporting._html import isolated

    m = netmap.datasets.load_2x5()
    found = netmap.insights(m, permutations=19)
    cut = [f for f in found if "\u2068" in f.text]
    assert cut, "names in findings come isolated"
    html = str(isolated(cut[0].text))
    assert html.count("<bdi>") == html.count("</bdi>") >= 1


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_brokers_of_an_undirected_map_count_each_path_once(pages, lang):
    m = netmap.datasets.load_2x5()
    api = netmap.brokerage(m, stat="raw")
    assert (api["representative"] == api["gatekeeper"]).all()  # sna's undirected convention
    heads = words("COLUMNS", lang)
    page = sections(pages[lang])["brokers"]
    assert heads["gatekeeper"] not in column(page, heads["between"]) and \
        not column(page, heads["gatekeeper"])
    ranked = netmap.brokers(m, top=10)
    between = [int(c.replace(",", "")) for c in column(page, heads["between"])]
    liaison = [int(c.replace(",", "")) for c in column(page, heads["liaison"])]
    assert between == api.loc[ranked.index, "representative"].astype(int).tolist()
    assert liaison == (api.loc[ranked.index, "liaison"] // 2).astype(int).tolist()
    cross = [int(c.replace(",", "")) for c in column(page, heads["cross_brokerage"])]
    assert cross == [b + x for b, x in zip(between, liaison, strict=True)]
    assert cross == (ranked["cross_brokerage"] // 2).astype(int).tolist()


# -- the first page ---------------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_first_page_for_the_committee(pages, lang):
    page = pages[lang]
    ids = re.findall(r'<section id="([^"]+)">', page)
    assert ids[0] == "overview"
    first = sections(page)["overview"]
    # the map's place: the interactive map, its picture kept for print and without scripts
    assert re.search(r'<div class="slot" id="first-map"><figure class="netmap-interactive">\s*'
                     r'<iframe [^>]*></iframe>\s*<img class="netmap-explore-picture" src="data:',
                     first)
    severities = re.findall(r'<div class="finding (\w+)">', first)
    assert 1 <= len(severities) <= 4 and "info" not in severities
    assert severities == sorted(severities, key=["warning", "attention"].index)
    assert report_axis(lang) in text(first)
    # a clean print: one section a page, nothing cut, no table of contents
    css = page[page.index("<style>"):page.index("</style>")]
    assert "@media print" in css and "break-before: page" in css
    assert "break-inside: avoid" in css and "nav { display: none; }" in css


def report_axis(lang):
    from netmap.words.catalogue import report_word

    return report_word("axis", lang)


# -- the wave comparison: shares as percentages, by the one rounding rule ---------------------
def test_wave_shares_print_as_percentages():
    from netmap.reporting._sections import WAVE_SHARES, Context, _shares_as_percents
    from netmap.structure.waves import HEADLINE_MEASURES, compare
    from netmap.words.catalogue import percent

    assert set(WAVE_SHARES) <= set(HEADLINE_MEASURES)
    m = netmap.datasets.load_2x5()
    diff = compare(m, 2013, 2016)
    api = diff.measures.copy()
    points = {"en": "percentage points", "he": "נקודות אחוז"}
    for lang in LANGS:
        shown = _shares_as_percents(diff.measures, Context(m, lang))
        for name in WAVE_SHARES:
            before, after = api.loc[name, "before"], api.loc[name, "after"]
            assert shown.loc[name, "before"] == percent(before)
            assert shown.loc[name, "after"] == percent(after)
            change = shown.loc[name, "change"].translate({0x2066: None, 0x2069: None})
            # the change is the difference of the printed percentages
            diff_points = int(percent(after)[:-1]) - int(percent(before)[:-1])
            assert change == f"{diff_points:+d} {points[lang]}"
        # the backbone brokered 31% in 2013 and 45% in 2016 (whole-map figure 44%)
        assert shown.loc["backbone_share", ["before", "after"]].tolist() == ["31%", "45%"]
        # the other measures keep their numbers
        others = [k for k in api.index if k not in WAVE_SHARES]
        assert shown.loc[others].astype(float).equals(api.loc[others])
    # the API's numbers are untouched
    assert diff.measures.equals(api) and all(t == "float64" for t in diff.measures.dtypes)


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_wave_table_of_the_report_has_no_decimal_shares(pages, lang):
    waves = sections(pages[lang])["waves"]
    headlines = words("HEADLINES", lang)
    rows = {r[0]: r[1:] for _, rs in tables(waves) for r in rs}
    for name in ("cross_sector_share", "backbone_share", "public_share_joint_bodies"):
        before, after, change = rows[headlines[name]]
        assert re.fullmatch(r"\d+%", before) and re.fullmatch(r"\d+%", after), name
        assert int(change.split()[0]) == int(after[:-1]) - int(before[:-1])

