"""The interactive map's page: its data checked against the map, offline, in both languages.

The browser tests (tests/test_explore_browser.py) open the page; these read
the JSON the page draws from.
"""

import json
import re

import numpy as np
import pandas as pd
import pytest

import netmap
from netmap.plot import InteractiveMap, explore, positions_of
from netmap.plot.interactive import LEVEL_SHAPES, TIE_DASHES, VENDORED


@pytest.fixture(scope="module")
def page(sample):
    return explore(sample)


def _data(page: InteractiveMap) -> dict:
    found = re.search(r'<script type="application/json" id="netmap-data">(.*?)</script>',
                      page.html, re.S)
    return json.loads(found.group(1))


def test_the_page_is_one_offline_file(page, tmp_path):
    html = page.html
    # nothing is loaded: no script, style, image or frame from an address (the
    # libraries hold XML namespace names, which are not fetched)
    assert re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", html) is None
    assert "<script src" not in html and "<link" not in html and "@import" not in html
    assert [(package, version) for _, package, version in VENDORED] == [
        ("graphology", "0.26.0"), ("sigma", "4.0.4")]
    assert "sourceMappingURL" not in html
    path = page.save(tmp_path / "map.html")
    assert path.read_text(encoding="utf-8") == html
    shown = page._repr_html_()
    assert shown.startswith('<iframe class="netmap-explore" srcdoc="')
    assert "<script" not in shown  # escaped inside srcdoc


def test_positions_are_those_of_the_picture(sample, page):
    # the layout's positions, the markers moved apart at their drawn size as the
    # picture's are (no overlap at the first view: tests/test_explore_browser.py)
    data = _data(page)
    pos = positions_of(sample, layout="force", seed=0)
    assert data["nodes"]["id"] == list(map(str, pos.index))
    for given in (pos, positions_of(sample, layout="sector", seed=3)):
        nodes = _data(explore(sample, layout=given))["nodes"]
        xy = given[["x", "y"]].to_numpy()
        moved = np.hypot(np.asarray(nodes["x"]) - xy[:, 0], np.asarray(nodes["y"]) - xy[:, 1])
        span = np.ptp(xy, axis=0).max()
        assert moved.max() < 0.1 * span  # a nudge, not another layout
        assert np.median(moved) < 0.02 * span


def test_a_crowd_above_apart_up_to_keeps_the_layout(sample, monkeypatch):
    from netmap.plot import interactive

    monkeypatch.setattr(interactive, "APART_UP_TO", sample.n_actors - 1)
    given = positions_of(sample, layout="sector", seed=3)
    nodes = _data(explore(sample, layout=given))["nodes"]
    np.testing.assert_allclose(nodes["x"], given["x"], atol=1e-4)
    np.testing.assert_allclose(nodes["y"], given["y"], atol=1e-4)


def test_ties_counts_and_sizes(sample, page):
    data = _data(page)
    ties = sample.ties
    loops = ties["source"] == ties["target"]
    counts = pd.concat([ties.loc[~loops, "source"], ties.loc[~loops, "target"]]).value_counts()
    expected = counts.reindex(sample.actors.index, fill_value=0).tolist()
    assert data["nodes"]["ties"] == expected
    sizes = np.array(data["nodes"]["size"])
    # area in proportion to the number of ties: the most tied actor is the largest
    assert sizes.argmax() == int(np.argmax(expected))
    assert np.all(np.diff(sizes[np.argsort(expected, kind="stable")]) >= -1e-9)
    assert len(data["edges"]["s"]) == int((~loops).sum())
    assert data["measure"] == "number of ties"


def test_colours_shapes_and_dashes(sample, page):
    data = _data(page)
    colors = netmap.plot.sector_colors(sample.taxonomy)
    groups = data["groups"]
    assert [g["color"] for g in groups] == [colors[c] for c in sample.taxonomy.codes
                                             if (sample.actors["sector"] == c).any()]
    assert sum(g["n"] for g in groups) == sample.n_actors
    moe = data["nodes"]["id"].index("moe")
    assert groups[data["nodes"]["group"][moe]]["name"] == "public"
    assert data["levels"][data["nodes"]["level"][moe]]["shape"] == LEVEL_SHAPES["organisation"]
    present = set(sample.ties["tie_class"].astype(str))
    assert [c["name"] for c in data["classes"]] == [c for c in TIE_DASHES if c in present]
    solid = [c for c in data["classes"] if c["name"] == "partnership"][0]
    assert (solid["dash"], solid["gap"]) == (0, 0)


def test_the_card_data(sample, page):
    data = _data(page)
    nodes = data["nodes"]
    moe = nodes["id"].index("moe")
    ms = sample.memberships[sample.memberships["actor"] == "moe"]
    bodies = {data["bodies"][b]["id"] for b, _ in nodes["bodies"][moe]}
    assert bodies == set(ms["body"])
    roles = netmap.brokerage(sample, stat="raw").loc["moe"]
    assert nodes["roles"][moe].startswith(f"coordinator {roles['coordinator']}")
    person = sample.actors.index[sample.actors["level"] == "person"][0]
    org = sample.actors.loc[person, "org"]
    assert nodes["org"][nodes["id"].index(person)] == sample.actors.loc[org, "name_en"]


def test_waves_as_in_the_map(sample, page):
    data = _data(page)
    assert data["waves"] == [str(w) for w in sample.waves]
    for r, w in enumerate(sample.waves):
        at = sample.at(w)
        shown = {i for i, mask in zip(data["nodes"]["id"], data["nodes"]["wm"], strict=True)
                 if mask >> r & 1}
        assert shown == set(map(str, at.actors.index))
        n_ties = sum(mask >> r & 1 for mask in data["edges"]["wm"])
        assert n_ties == int((at.ties["source"] != at.ties["target"]).sum())
    assert _data(explore(sample, wave=sample.waves[1]))["wave"] == 1


def test_hebrew_page_is_right_to_left_with_labels_in_visual_order(sample):
    page = explore(sample, lang="he")
    assert '<html lang="he" dir="rtl">' in page.html
    data = _data(page)
    moe = data["nodes"]["id"].index("moe")
    assert data["nodes"]["name"][moe] == "משרד החינוך"
    assert data["nodes"]["label"][moe] == "ךוניחה דרשמ"  # sigma.js draws glyphs as given
    assert data["nodes"]["rtl"][moe] is True
    words = json.loads(re.search(r'id="netmap-words">(.*?)</script>', page.html, re.S).group(1))
    assert words == dict(netmap.words.catalogue.words("EXPLORE", "he"))


def test_other_sizes_and_colours(sample):
    data = _data(explore(sample, size="betweenness", color="scope"))
    assert data["measure"] == "betweenness"
    assert {g["name"] for g in data["groups"]} >= {"national", "local"}
    series = pd.Series(1.0, index=sample.actors.index).rename("one")
    assert _data(explore(sample, size=series))["measure"] == "one"


@pytest.mark.parametrize(("option", "value"), [
    ("size", "no such measure"), ("color", "no such column"), ("wave", 1999),
    ("height", 10), ("lang", "fr"), ("layout", "spiral"), ("seed", -1)])
def test_bad_options(sample, option, value):
    with pytest.raises(netmap.ParameterError) as info:
        explore(sample, **{option: value})
    assert info.value.parameter == option


def test_the_facade_is_the_function(sample):
    assert sample.explore(lang="he").html == explore(sample, lang="he").html


def test_a_map_without_ties_or_waves():
    m = netmap.from_frames(pd.DataFrame({"id": ["a", "b"], "sector": ["public", "business"]}),
                           pd.DataFrame({"source": [], "target": []}))
    data = _data(explore(m))
    assert data["edges"]["s"] == [] and data["waves"] == [] and data["bodies"] == []
    assert data["nodes"]["roles"] == ["", ""]


def test_labels_are_offered_in_the_static_maps_order(sample, page):
    data = _data(page)
    ties = np.array(data["nodes"]["ties"])
    rank = data["nodes"]["rank"]
    assert sorted(rank) == list(range(sample.n_actors))
    # greatest number of ties first, ties between equals kept in the map's order
    assert rank == sorted(range(sample.n_actors), key=lambda i: (-ties[i], i))
    # with a measure for size, the order in which plot_map(size=...) labels
    from netmap.plot._common import actor_values
    from netmap.plot.maps import _chosen_labels

    values = actor_values(sample, "betweenness", seed=0)
    static = _chosen_labels(sample, "all", None, None, "betweenness", values, 0)
    rank = _data(explore(sample, size="betweenness"))["nodes"]["rank"]
    assert [sample.arrays.ids[i] for i in rank] == static


def test_a_sector_layout_carries_its_discs(sample):
    regions = netmap.plot.layout(sample, kind="sector").attrs["regions"]
    data = _data(explore(sample, layout="sector", lang="he"))
    drawn = pd.DataFrame(data["regions"])
    assert drawn["x"].tolist() == pytest.approx(regions["x"].tolist(), abs=1e-4)
    assert drawn["y"].tolist() == pytest.approx(regions["y"].tolist(), abs=1e-4)
    assert drawn["r"].tolist() == pytest.approx(regions["radius"].tolist(), abs=1e-4)
    names = [netmap.words.catalogue.sector_name(sample.taxonomy, c, "he")
             for c in regions.index]
    assert drawn["name"].tolist() == names
    assert drawn["rtl"].all()
    colors = netmap.model.palette.sector_colors(sample.taxonomy)
    assert drawn["color"].tolist() == [colors[c] for c in regions.index]
    assert _data(explore(sample))["regions"] == []  # the force layout has no discs


def test_many_ties_are_named_on_the_page(page):
    from netmap.plot.interactive import MANY_TIES

    assert _data(page)["manyTies"] == MANY_TIES
    for lang in ("en", "he"):
        words = netmap.words.catalogue.words("EXPLORE", lang)
        assert "{n}" in dict(words)["ties_solid"]
