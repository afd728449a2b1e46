"""The report at registry scale: pictures capped and said so, measures computed once."""

import html
import re
import warnings

import numpy as np
import pandas as pd
import pytest

import netmap
from netmap.findings import insights as insights_module
from netmap.model._memo import kept, remembered
from netmap.reporting import _drawn, _sections
from netmap.words import _names
from netmap.words.catalogue import report_word
from reference_findings import dependence_cases


def text_of(page: str) -> str:
    """The page's text: tags and isolates out, whitespace folded."""
    text = html.unescape(re.sub(r"<[^>]+>", "", page))
    text = re.sub("[\u2066-\u2069]", "", text)
    return " ".join(text.split())


@pytest.fixture(scope="module")
def small():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return netmap.datasets.synthetic(80, 300, waves=3, seed=2)


def test_most_tied_from_the_ties_table(small):
    ties = small.ties[small.ties["source"] != small.ties["target"]]
    counts = pd.concat([ties["source"], ties["target"]]).value_counts()
    counts = counts.reindex(small.actors.index, fill_value=0)
    order = np.lexsort((np.arange(len(counts)), -counts.to_numpy()))  # most ties, then table order
    expected = set(counts.index[order[:20]])
    chosen = _drawn.most_tied(small, 20)
    assert set(chosen) == expected
    assert list(chosen) == [a for a in small.actors.index if a in expected]  # map's order
    shown = _drawn.drawn(small, top=20)
    assert list(shown.actors.index) == list(chosen)
    inside = small.ties["source"].isin(expected) & small.ties["target"].isin(expected)
    assert shown.n_ties == int(inside.sum())
    assert _drawn.drawn(small, top=80) is small


def test_ties_broken_by_table_order():
    actors = pd.DataFrame({"id": list("abcdef"), "sector": ["public", "business", "third"] * 2})
    ties = pd.DataFrame({"source": ["a", "c", "e", "b"], "target": ["b", "d", "f", "a"],
                         "type": "partnership"})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        m = netmap.StakeholderMap(actors, ties)
    # a and b have two ties; c, d, e, f one each: the two first of those are c and d
    assert list(_drawn.most_tied(m, 4)) == ["a", "b", "c", "d"]


@pytest.fixture(scope="module")
def capped_reports(small, tmp_path_factory):
    folder = tmp_path_factory.mktemp("capped")
    seen = {}
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_sections, "DRAWN_MAX", 20)
        from netmap.plot import interactive

        explore = interactive.explore

        def spy(m, **kw):
            seen.setdefault("explore", []).append(m.n_actors)
            return explore(m, **kw)

        mp.setattr(interactive, "explore", spy)
        out = {lang: netmap.report(small, folder / f"{lang}.html", lang=lang,
                                   permutations=19).read_text(encoding="utf-8")
               for lang in ("en", "he")}
    return out, seen


@pytest.mark.parametrize("lang", ["en", "he"])
def test_cap_stated(capped_reports, small, lang):
    pages, seen = capped_reports
    sentence = text_of(report_word("drawn_cap", lang, shown="20", total=f"{small.n_actors:,}"))
    text = text_of(pages[lang])
    # the first page's picture and interactive map, the map section, the two waves
    assert text.count(sentence) >= 4, sentence
    assert seen["explore"] == [20, 20]


def test_no_cap_below_the_size(tmp_path):
    m = netmap.datasets.load_2x5()
    text = netmap.report(m, tmp_path / "r.html", permutations=19, static=True).read_text(
        encoding="utf-8")
    assert "are drawn, with the ties among them" not in text
    assert _sections.Context(m=m, lang="en").cap_note() is None


def count_computations(monkeypatch) -> list:
    """Record every computation (not every call) of the functions the report remembers."""
    calls = []
    import netmap.measures.centrality as centrality
    import netmap.structure.backbone as backbone
    import netmap.structure.bodies as bodies
    import netmap.structure.clusters as clusters
    import netmap.structure.coverage as coverage
    import netmap.structure.gaps as gaps

    for fn in (gaps.under_connected, coverage.coverage, backbone.backbone_brokerage,
               clusters.single_sector_clusters, bodies.body_balance, bodies.body_composition,
               centrality.centrality, insights_module.public_role, netmap.StakeholderMap.at,
               _names.actor_names, _names.body_names):
        inner = fn.__wrapped__

        def counted(m, *args, _inner=inner, _name=fn.__name__, **kwargs):
            calls.append((_name, id(m), repr(args), repr(sorted(kwargs.items()))))
            return _inner(m, *args, **kwargs)

        monkeypatch.setattr(fn, "__wrapped__", counted)
    return calls


@pytest.mark.parametrize(("wave", "static"), [(None, True), (2, True), (None, False)])
def test_each_measure_computed_once(small, tmp_path, monkeypatch, wave, static):
    calls = count_computations(monkeypatch)
    netmap.report(small, tmp_path / "r.html", permutations=19, wave=wave, static=static)
    names = [c[0] for c in calls]
    assert names.count("under_connected") == 1  # the findings and the mixing section
    # the findings, the sections and the interactive map read the same names
    assert names.count("actor_names") == names.count("body_names") == 1
    assert len(calls) == len(set(calls)), [c for c in calls if calls.count(c) > 1]


def test_remembered_outside_and_inside_kept():
    made = []

    @remembered
    def measure(m, *, k=1, seed=0):
        made.append((k, seed))
        return pd.Series([k])

    measure("m"), measure("m")
    assert len(made) == 2  # no cache outside kept()
    with kept():
        first = measure("m", k=2)
        first.iloc[0] = 99  # a caller's change does not reach the cache
        assert measure("m", k=2).iloc[0] == 2
        measure("m", k=2, seed=0)  # the default said out loud: the same question
        rng = np.random.default_rng(0)
        measure("m", k=2, seed=rng), measure("m", k=2, seed=rng)  # a Generator: computed each time
        with kept():
            measure("m", k=2)  # a nested block shares the cache
    assert made == [(1, 0), (1, 0), (2, 0), (2, rng), (2, rng)]


def test_dependence_cases_as_the_loop():
    maps = [netmap.datasets.load_2x5()] + [netmap.datasets.load_2x5().at(w)
                                           for w in (2013, 2014, 2016)]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        maps += [netmap.datasets.synthetic(1500, 8000, seed=s, directed=bool(s % 2))
                 for s in range(4)]
    found = 0
    for m in maps:
        actors = m.actors
        sector = actors["sector"].astype(object)
        neutral = (sector == "academia").to_numpy()
        if "advocacy" in actors.columns:
            from netmap.model._select import flagged

            neutral = neutral | (flagged(m, "advocacy")
                                 & (actors["core"].astype(object) == "third").to_numpy())
        cases = insights_module._dependence_cases(m, sector,
                                                  pd.Series(neutral, index=actors.index))
        assert cases == dependence_cases(m, set(actors.index[neutral]))
        assert list(cases) == list(dependence_cases(m, set(actors.index[neutral])))
        found += len(cases)
    assert found >= 4  # the sample and its waves have one case each, the synthetic maps more


@pytest.mark.parametrize("lang", ["en", "he"])
def test_sampled_betweenness_said_with_its_accuracy(small, tmp_path, monkeypatch, lang):
    monkeypatch.setattr(_sections, "LARGE", 50)
    monkeypatch.setattr(_sections, "PIVOT_ACCURACY", {50: (0.86, 0.23)})
    text = text_of(netmap.report(small, tmp_path / "r.html", permutations=19, static=True,
                                 lang=lang).read_text(encoding="utf-8"))
    k = _sections.report_pivots(small.n_actors, small.n_ties)
    assert k == 50
    r, error = _sections.PIVOT_ACCURACY[k]
    sentence = text_of(report_word("sampled", lang, k="50", n=f"{small.n_actors:,}",
                                   r=f"r = {r:.2f}", error=f"{round(error * 100)}%"))
    assert sentence in text


def test_pivots_within_the_budget(monkeypatch):
    assert _sections.report_pivots(5_000, 10**6) is None
    for ties, pivots in ((100_000, 500), (250_000, 200), (500_000, 100), (10**6, 50),
                         (10**7, 50)):
        assert _sections.report_pivots(10_000, ties) == pivots
    monkeypatch.setattr(_sections, "LARGE", 100)
    assert _sections.report_pivots(300, 10) is None  # 500 pivots of 300 actors: exact
