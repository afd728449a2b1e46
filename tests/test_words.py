"""The words catalogue: every language has the English keys and fields; one lang check."""

import importlib
import inspect
import re
import shutil
import sys
from pathlib import Path

import numpy as np
import pytest

import netmap
import netmap.plot
import netmap.words
from netmap.words import catalogue
from netmap.words.catalogue import GROUPS, LANGS, check_lang, fields, say


def _leaves(value, path=()):
    """(path, text) for every string of a catalogue group, through dicts and tuples."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _leaves(item, (*path, key))
    elif isinstance(value, tuple):
        for i, item in enumerate(value):
            yield from _leaves(item, (*path, i))
    else:
        raise TypeError(f"{path}: a catalogue holds dicts, tuples and str, not {value!r}")


def _shape(lang):
    return {(group, *path): text for group, words in catalogue.catalogue(lang).items()
            for path, text in _leaves(words)}


def test_langs_are_found_from_the_catalogue_modules():
    assert LANGS == ("en", "he")
    modules = {p.stem for p in Path(netmap.words.__file__).parent.glob("??.py")}
    assert set(LANGS) == modules
    english = importlib.import_module("netmap.words.en")
    assert GROUPS[:3] == ("LANGUAGE", "JOIN", "COUNTS") and len(GROUPS) == 26
    assert all(isinstance(getattr(english, group), dict) for group in GROUPS)


@pytest.mark.parametrize("lang", LANGS[1:])
def test_every_language_has_the_english_keys_and_format_fields(lang):
    english, other = _shape("en"), _shape(lang)
    assert set(other) == set(english)
    for key, text in english.items():
        assert sorted(fields(other[key])) == sorted(fields(text)), key
        assert other[key] or not text, key


def test_hebrew_is_written_in_hebrew():
    english, hebrew = _shape("en"), _shape("he")
    translated = [k for k in english if english[k] != hebrew[k]]
    assert len(translated) > 300
    for key in translated:
        if key[0] not in ("LANGUAGE", "JOIN"):
            assert re.search("[\u0590-\u05ff]", hebrew[key]), key


@pytest.mark.parametrize("bad", ["fr", "EN", "", None, ["en"]])
def test_check_lang(bad):
    assert [check_lang(lang) for lang in LANGS] == list(LANGS)
    with pytest.raises(netmap.ParameterError) as info:
        check_lang(bad)
    assert info.value.parameter == "lang"
    assert "'en' or 'he'" in str(info.value)


def _taking_lang():
    for module in (netmap, netmap.plot, netmap.datasets):
        for name in module.__all__:
            obj = getattr(module, name)
            if inspect.isfunction(obj) and "lang" in inspect.signature(obj).parameters:
                yield f"{module.__name__}.{name}", obj


def test_the_walk_finds_the_functions_that_take_lang():
    names = {name for name, _ in _taking_lang()}
    assert {"netmap.insights", "netmap.axis_position", "netmap.report",
            "netmap.plot.plot_map", "netmap.plot.plot_waves",
            "netmap.datasets.synthetic"} <= names
    assert len(names) >= 10


@pytest.mark.parametrize(("name", "function"), list(_taking_lang()))
def test_a_bad_lang_raises_parameter_error_everywhere(name, function, tmp_path):
    m = netmap.datasets.load_2x5()
    given = {"m": m, "path": tmp_path / "report.html", "before": m.waves[0],
             "after": m.waves[-1], "n_actors": 20, "n_ties": 30}
    args, kwargs = [], {}
    for p in inspect.signature(function).parameters.values():
        if p.default is not p.empty or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        assert p.name in given, f"{name}: give this test a value for {p.name}"
        if p.kind is p.KEYWORD_ONLY:
            kwargs[p.name] = given[p.name]
        else:
            args.append(given[p.name])
    with pytest.raises(netmap.ParameterError) as info:
        function(*args, lang="fr", **kwargs)
    assert info.value.parameter == "lang" and info.value.value == "fr"
    assert not (tmp_path / "report.html").exists()


def test_sector_names_are_data_of_the_taxonomy():
    tax = netmap.datasets.load_2x5().taxonomy
    assert tax.display_name("public", lang="he") == "ציבורי"
    with pytest.raises(netmap.ParameterError, match="'en' or 'he'"):
        tax.display_name("public", lang="fr")


def test_join_and_counts():
    assert catalogue.join(["a", "b", "c"], "en") == "a, b and c"
    assert catalogue.join(["a", "b"], "en", "or") == "a or b"
    assert catalogue.join(["א", "ב", "ג"], "he") == "א, ב וג"
    assert catalogue.join(["א", '"ב"'], "he") == 'א ו"ב"'
    assert catalogue.join(["א", "Intel"], "he") == "א ו-Intel"
    assert catalogue.join(["א", "ב"], "he", "or") == "א או ב"
    assert [catalogue.ties_phrase(n, "en") for n in (0, 1, 6)] == ["no ties", "one tie",
                                                                     "6 ties"]
    assert [catalogue.ties_phrase(n, "he") for n in (0, 1, 6)] == ["אין קשרים", "קשר אחד",
                                                                     "6 קשרים"]
    assert say("PLOTS", "members of", "he", "ועדה") == "חברי ועדה"


@pytest.fixture
def third_language(tmp_path):
    """A catalogue "xx", a copy of the English one with marked finding titles, added."""
    folder = tmp_path / "words"
    folder.mkdir()
    source = Path(netmap.words.__file__).parent / "en.py"
    shutil.copy(source, folder / "xx.py")
    with open(folder / "xx.py", "a", encoding="utf-8") as out:
        out.write("\nFINDINGS = {code: ('XX ' + title, text) "
                  "for code, (title, text) in FINDINGS.items()}\n"
                  "LANGUAGE = {**LANGUAGE, 'direction': 'rtl'}\n")
    netmap.words.__path__.append(str(folder))
    importlib.reload(catalogue)
    yield "xx"
    netmap.words.__path__.remove(str(folder))
    sys.modules.pop("netmap.words.xx", None)
    importlib.reload(catalogue)


def test_adding_a_language_is_adding_a_catalogue(third_language):
    import matplotlib.pyplot as plt

    assert catalogue.LANGS == ("en", "he", "xx")
    m = netmap.datasets.load_2x5()
    found = netmap.insights(m, lang="xx", permutations=99)
    assert found and all(f.title.startswith("XX ") for f in found)
    axis = netmap.axis_position(m, lang="xx")
    assert axis.loc["overall", "dimension_name"] == "overall"
    fig, ax = plt.subplots()
    netmap.plot.plot_map(m, ax=ax, lang="xx")
    legend = ax.get_legend()
    assert "public" in {t.get_text() for t in legend.get_texts()}  # English sector names
    # written right to left: the legend stands on the left of the Axes, as in Hebrew
    assert legend.get_bbox_to_anchor().x0 < ax.get_window_extent().x0
    plt.close(fig)
    with pytest.raises(netmap.ParameterError, match="'en', 'he' or 'xx'"):
        netmap.insights(m, lang="fr")


def test_after_the_third_language_is_gone():
    assert catalogue.LANGS == ("en", "he")


# zero, one, two and many of every counted noun: the number agrees with the noun
COUNTED = {
    "en": {"tie": ("no ties", "one tie", "two ties", "7 ties"),
           "actor": ("no actors", "one actor", "two actors", "7 actors"),
           "body": ("no bodies", "one body", "two bodies", "7 bodies"),
           "organisation": ("no organisations", "one organisation", "two organisations",
                            "7 organisations"),
           "pair": ("no pairs", "one pair", "two pairs", "7 pairs"),
           "permutation": ("no permutations", "one permutation", "two permutations",
                           "7 permutations"),
           "member": ("no members", "one member", "two members", "7 members"),
           "goal": ("no goals", "one goal", "two goals", "7 goals"),
           "finding": ("no findings", "one finding", "two findings", "7 findings"),
           "more": ("and no more", "and one more", "and two more", "and 7 more")},
    "he": {"tie": ("אין קשרים", "קשר אחד", "שני קשרים", "7 קשרים"),
           "actor": ("אין שחקנים", "שחקן אחד", "שני שחקנים", "7 שחקנים"),
           "body": ("אין גופים", "גוף אחד", "שני גופים", "7 גופים"),
           "organisation": ("אין ארגונים", "ארגון אחד", "שני ארגונים", "7 ארגונים"),
           "pair": ("אין זוגות", "זוג אחד", "שני זוגות", "7 זוגות"),
           "permutation": ("אין תמורות", "תמורה אחת", "שתי תמורות", "7 תמורות"),
           "member": ("אין חברים", "חבר אחד", "שני חברים", "7 חברים"),
           "goal": ("אין מטרות", "מטרה אחת", "שתי מטרות", "7 מטרות"),
           "finding": ("אין ממצאים", "ממצא אחד", "שני ממצאים", "7 ממצאים"),
           "more": ("ותו לא", "ועוד אחד", "ועוד שניים", "ועוד 7")},
}


@pytest.mark.parametrize("lang", LANGS)
def test_zero_one_two_and_many_of_every_counted_noun(lang):
    assert set(COUNTED[lang]) == set(catalogue.NOUNS)
    for noun, forms in COUNTED[lang].items():
        assert tuple(catalogue.count(n, noun, lang) for n in (0, 1, 2, 7)) == forms, noun
    assert catalogue.count(1_000, "permutation", lang).startswith("1,000 ")
    # a digit 0 or 1 never stands before a noun: "0 ties", "1 bodies", "1 גופים"
    for noun in catalogue.NOUNS:
        assert not catalogue.count(0, noun, lang)[:1].isdigit()
        assert not catalogue.count(1, noun, lang)[:1].isdigit()


def test_ordinals():
    ranks = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 21, 22, 23, 101, 111, 1_002]
    assert [catalogue.ordinal(n, "en") for n in ranks] == [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
        "ninth", "tenth", "11th", "12th", "13th", "21st", "22nd", "23rd", "101st", "111th",
        "1,002nd"]
    assert [catalogue.ordinal(n, "he") for n in ranks] == [
        "הראשון", "השני", "השלישי", "הרביעי", "החמישי", "השישי", "השביעי", "השמיני",
        "התשיעי", "העשירי", "ה-11", "ה-12", "ה-13", "ה-21", "ה-22", "ה-23", "ה-101", "ה-111",
        "ה-1,002"]
    assert catalogue.ordinal(np.int64(3), "en") == "third"


def test_numbers_round_one_way():
    from netmap.words.catalogue import p_cell, p_text, percent, percents

    assert percent(0.445) == "45%" and percent(0.444) == "44%"
    assert percents([184 / 394, 161 / 394, 49 / 394]) == ["47%", "41%", "12%"]
    three = [1 / 3, 1 / 3, 1 / 3]
    assert [percent(s) for s in three] == ["33%"] * 3  # 99: the rule alone does not add up
    assert percents(three) == ["34%", "33%", "33%"]
    for n in (2, 3, 5, 7, 11):
        shares = [k / sum(range(1, n + 1)) for k in range(1, n + 1)]
        assert sum(int(p[:-1]) for p in percents(shares)) == 100
    assert p_text(1 / 1000, "en") == "\u2066p = 0.001\u2069"  # left to right, isolated
    assert p_text(1 / 10_000, "he") == "\u2066p < 0.001\u2069"
    assert p_text(0.0416, "en", 999) == "\u2066p = 0.042\u2069, 999 permutations"
    assert p_cell(1 / 10_000, "en") == "< 0.001" and p_cell(1.0, "he") == "1.000"
