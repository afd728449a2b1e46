"""The report's numbers: honest p-values, one rounding rule, one scope, each figure once."""

import re

import pytest

import netmap
from netmap.words.catalogue import words
from report_text import column, sections, text

LANGS = ("en", "he")


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    folder = tmp_path_factory.mktemp("numbers")
    m = netmap.datasets.load_2x5()
    return {lang: netmap.report(m, folder / f"{lang}.html", lang=lang, permutations=99)
            .read_text(encoding="utf-8") for lang in LANGS}


@pytest.mark.slow
@pytest.mark.parametrize("lang", LANGS)
def test_no_p_value_prints_as_zero(sample, lang):
    page = sample[lang]
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
