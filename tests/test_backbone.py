"""Backbone questions: two-paths by sector pair, the backbone's share, without it."""

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import netmap
from netmap.structure.backbone import backbone_actors, pair_two_paths
from reference_pairs import reference_pair_two_paths
from structure_maps import build


def star_map(backbone_column=True):
    """bb (third, the backbone) joins p (public), b (business) and t (third); p-b tied.

    Open two-paths through bb (undirected, each counted both ways): p-bb-t, b-bb-t
    and t-bb-p, t-bb-b: 4, all cross-sector; p-bb-b is closed. Through p: b-p-bb is
    closed... p's neighbours are bb and b, tied: none. b likewise: none.
    """
    sectors = {"bb": "third", "p": "public", "b": "business", "t": "third"}
    extra = {"backbone": ["yes", "", "", ""]} if backbone_column else {}
    return build(sectors, [("bb", "p"), ("bb", "b"), ("bb", "t"), ("p", "b")], **extra)


def test_pair_two_paths_by_hand():
    m = star_map()
    paths = pair_two_paths(m)
    labels = ["public", "business", "third"]
    bb = 0
    p, b, t = (labels.index(x) for x in ("public", "business", "third"))
    assert paths[bb, p, t] == 1 and paths[bb, t, p] == 1
    assert paths[bb, b, t] == 1 and paths[bb, t, b] == 1
    assert paths[bb, p, b] == 0  # closed by the p-b tie
    assert paths.sum() == 4


def test_backbone_share_by_hand():
    m = star_map()
    table = netmap.backbone_brokerage(m)
    assert table.index.tolist() == ["bb"]
    assert table.loc["bb", "cross_two_paths"] == 4
    assert table.loc["bb", "share"] == 1.0 and table.loc["bb", "rank"] == 1
    pairs = netmap.pair_brokerage(m)
    assert pairs.loc[("public", "third"), "two_paths"] == 2
    assert pairs.loc[("public", "third"), "top_broker"] == "bb"
    assert pairs.loc[("public", "third"), "concentration"] == 1.0
    assert pairs.loc[("public", "business"), "two_paths"] == 0
    assert np.isnan(pairs.loc[("public", "business"), "concentration"])
    assert pairs.loc[("public", "third"), "backbone_share"] == 1.0


def test_concentration_shared_between_two_brokers():
    # p - x - t and p - y - t: two brokers of the public-third pair, half each
    sectors = {"p": "public", "t": "third", "x": "business", "y": "academia"}
    m = build(sectors, [("p", "x"), ("x", "t"), ("p", "y"), ("y", "t")])
    pairs = netmap.pair_brokerage(m, backbone="x")
    row = pairs.loc[("public", "third")]
    assert row["two_paths"] == 4 and row["brokers"] == 2
    assert row["concentration"] == pytest.approx(0.5)
    assert row["top_share"] == pytest.approx(0.5)
    assert row["backbone_share"] == pytest.approx(0.5)
    assert "backbone_share" not in netmap.pair_brokerage(m).columns  # no backbone named


def test_directed_pairs_are_ordered():
    sectors = {"p": "public", "j": "business", "t": "third"}
    m = build(sectors, [("p", "j"), ("j", "t")], directed=True)
    pairs = netmap.pair_brokerage(m)
    assert pairs.index.names == ["from", "to"]
    assert pairs.loc[("public", "third"), "two_paths"] == 1
    assert pairs.loc[("third", "public"), "two_paths"] == 0


def test_choosing_the_backbone():
    assert backbone_actors(star_map()) == ["bb"]
    assert backbone_actors(star_map(False), top=1) == ["bb"]
    assert backbone_actors(star_map(), backbone=["p", "p"]) == ["p"]
    with pytest.raises(netmap.UnknownActorError, match="'bx'"):
        backbone_actors(star_map(), backbone="bx")
    with pytest.raises(netmap.MeasureError, match="backbone column|'backbone' column"):
        backbone_actors(star_map(False))
    none = build({"a": "public", "b": "third"}, [("a", "b")], backbone=["no", ""])
    with pytest.raises(netmap.MeasureError, match="no actor is marked"):
        backbone_actors(none)
    bad = build({"a": "public", "b": "third"}, [("a", "b")], backbone=["maybe", ""])
    with pytest.raises(netmap.InvalidValueError, match="neither yes nor no"):
        backbone_actors(bad)
    hebrew = build({"a": "public", "b": "third"}, [("a", "b")], backbone=["", "כן"])
    assert backbone_actors(hebrew) == ["b"]


def test_without_backbone_by_hand():
    # the backbone is the only link between {p} and {b, t}
    sectors = {"bb": "third", "p": "public", "b": "business", "t": "third"}
    m = build(sectors, [("bb", "p"), ("bb", "b"), ("b", "t")], backbone=["yes", "", "", ""])
    table = netmap.without_backbone(m)
    assert table.loc["actors"].tolist() == [4, 3, -1]
    assert table.loc["cross_sector_ties", "with"] == 3
    assert table.loc["cross_sector_ties", "without"] == 1
    assert table.loc["sector_pairs_reachable", "with"] == 1.0
    assert table.loc["sector_pairs_reachable", "without"] == pytest.approx(1 / 3)
    assert table.loc["components", "without"] == 2
    # actor pairs of different sectors: with: p-b, p-t, p-bb, b-t, b-bb -> 5 of 5
    # without: p-b, p-t, b-t possible; only b-t joined -> 1/3
    assert table.loc["cross_sector_reach", "without"] == pytest.approx(1 / 3)
    ei_with = (3 - 0) / 3
    assert table.loc["ei_index", "with"] == pytest.approx(ei_with)


def test_sample_backbone():
    m = netmap.datasets.load_2x5()
    table = netmap.backbone_brokerage(m)
    assert table.index.tolist() == ["sheatufim"] and table.loc["sheatufim", "rank"] == 1
    assert 0.3 < table["share"].sum() < 1
    assert netmap.brokers(m, top=1).index[0] == "sheatufim"
    shares = [netmap.backbone_brokerage(m.at(w))["share"].sum() for w in m.waves]
    assert shares == sorted(shares)  # the backbone's part grows as the move grows
    without = netmap.without_backbone(m)
    assert without.loc["cross_sector_ties", "change"] < 0


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 7), st.integers(0, 7)), max_size=30),
       st.lists(st.integers(0, 2), min_size=8, max_size=8), st.booleans())
def test_pair_two_paths_match_reference_and_brokerage(edges, groups, directed):
    names = ["public", "business", "third"]
    ids = [f"a{i}" for i in range(8)]
    sectors = {a: names[g] for a, g in zip(ids, groups, strict=True)}
    m = build(sectors, [(ids[s], ids[t]) for s, t in edges], directed=directed)
    paths = pair_two_paths(m)
    labels = [x for x in names if x in set(sectors.values())]
    codes = [labels.index(sectors[a]) for a in ids]
    ref = reference_pair_two_paths(ids, codes, [(ids[s], ids[t]) for s, t in edges],
                                   directed)
    assert np.array_equal(paths, ref)
    raw = netmap.brokerage(m)
    cross = paths.sum(axis=(1, 2)) - np.einsum("jaa->j", paths)
    assert np.array_equal(cross, raw[["representative", "gatekeeper",
                                      "liaison"]].sum(axis=1).to_numpy())
    pairs = netmap.pair_brokerage(m)
    assert pairs["two_paths"].sum() == cross.sum()
    assert pairs["concentration"].dropna().between(0, 1 + 1e-12).all()


@pytest.mark.slow
@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 6), st.integers(0, 6)), min_size=1, max_size=20),
       st.randoms())
def test_relabelling_actors_changes_nothing(edges, rnd):
    sectors = ["public", "business", "third", "third", "public", "academia", "business"]
    ids = [f"a{i}" for i in range(7)]
    m = build(dict(zip(ids, sectors, strict=True)), [(ids[s], ids[t]) for s, t in edges])
    new = rnd.sample([f"z{i}" for i in range(7)], 7)
    order = rnd.sample(range(7), 7)
    m2 = build({new[i]: sectors[i] for i in order},
               [(new[s], new[t]) for s, t in edges])
    p1 = netmap.pair_brokerage(m).drop(columns="top_broker")
    p2 = netmap.pair_brokerage(m2).drop(columns="top_broker")
    pd.testing.assert_frame_equal(p1, p2)
    w1 = netmap.without_backbone(m, backbone="a0")
    w2 = netmap.without_backbone(m2, backbone=new[0])
    pd.testing.assert_frame_equal(w1, w2)


# -- the backbone column under its Hebrew (and other English) headers ---------------------
HEBREW_ACTORS = [["מזהה", "שם", "מגזר", "ארגון השדרה"],
                 ["bb", "שיתופים", "עמותה", "כן"], ["p", "משרד", "ממשלה", ""],
                 ["b", "חברה", "עסקי", ""], ["t", "עמותה ב", "עמותה", "לא"]]
HEBREW_TIES = [["מקור", "יעד"], ["bb", "p"], ["bb", "b"], ["bb", "t"], ["p", "b"]]


@pytest.mark.parametrize("header", ["ארגון שדרה", "ארגון השדרה", "Backbone organisation",
                                    "backbone_org", "BACKBONE"])
def test_the_backbone_column_under_its_documented_headers(header):
    sectors = {"bb": "third", "p": "public", "b": "business", "t": "third"}
    m = build(sectors, [("bb", "p"), ("bb", "b"), ("bb", "t"), ("p", "b")],
              **{header: ["yes", "", "", ""]})
    assert header in m.actors.columns  # an extra column, kept as written
    assert backbone_actors(m) == ["bb"]
    assert netmap.backbone_brokerage(m).loc["bb", "share"] == 1.0


def test_a_hebrew_workbook_and_csv_mark_the_backbone(tmp_path):
    from workbooks import workbook

    book = workbook(tmp_path / "map.xlsx", {"שחקנים": HEBREW_ACTORS, "קשרים": HEBREW_TIES})
    folder = tmp_path / "csv"
    folder.mkdir()
    for name, rows in (("actors", HEBREW_ACTORS), ("ties", HEBREW_TIES)):
        (folder / f"{name}.csv").write_text("\n".join(",".join(r) for r in rows) + "\n",
                                            encoding="utf-8")
    for m in (netmap.read_excel(book), netmap.read_csv(folder)):
        assert backbone_actors(m) == ["bb"]
        for lang, said in (("en", "ranks first among the brokers"),
                           ("he", "במקום הראשון בין המתווכים")):
            found = netmap.insights(m, lang=lang, permutations=19)
            assert "no_backbone" not in found.codes
            assert said in found[found.codes.index("backbone_broker")].text


def test_two_backbone_columns_are_an_error_not_a_guess():
    sectors = {"a": "public", "b": "third"}
    m = build(sectors, [("a", "b")], backbone=["yes", ""], **{"ארגון שדרה": ["", "כן"]})
    with pytest.raises(netmap.InvalidValueError, match="2 backbone columns"):
        backbone_actors(m)
    with pytest.raises(netmap.InvalidValueError, match="'backbone', 'ארגון שדרה'"):
        netmap.insights(m, lang="he", permutations=19)


def test_no_backbone_says_the_hebrew_header():
    m = star_map(False)
    he = netmap.insights(m, lang="he", permutations=19)
    assert '"ארגון שדרה"' in he[he.codes.index("no_backbone")].text
    en = netmap.insights(m, lang="en", permutations=19)
    assert "'backbone' column" in en[en.codes.index("no_backbone")].text


@pytest.mark.parametrize(("directed", "by", "top"), [(False, "sector", None),
                                                      (True, "sector", 5),
                                                      (False, "core", None)])
def test_without_backbone_is_the_map_without_it(directed, by, top):
    # without_backbone reads the map without its backbone from the map's arrays; the
    # same numbers as the map built without it (m.without), measured by the public calls
    import warnings

    from scipy.sparse.csgraph import connected_components

    m = netmap.datasets.synthetic(800, 3000, seed=5, directed=directed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", netmap.DataWarning)  # by="core" leaves ties out
        table = netmap.without_backbone(m, by=by, top=top)
        rest = m.without(backbone_actors(m, None, top=top, by=by))
        ei = netmap.ei_index(rest, by=by).loc["network", "ei"]
    assert table.loc["actors", "without"] == rest.n_actors
    assert table.loc["ei_index", "without"] == ei
    n_comp = connected_components(rest.arrays.adjacency(), directed=True,
                                  connection="weak")[0]
    assert table.loc["components", "without"] == n_comp
    codes = rest.groups(by=by).to_numpy()
    ends = codes[rest.arrays.source], codes[rest.arrays.target]
    crossing = pd.notna(ends[0]) & pd.notna(ends[1]) & (ends[0] != ends[1])
    assert table.loc["cross_sector_ties", "without"] == crossing.sum()
    assert table.loc["actors", "with"] == m.n_actors
