"""Every checked option beyond the common ones raises netmap.ParameterError.

tests/test_signatures.py walks the API for the options many functions share
(``by``, ``weight``, ``seed``, ``top``, ``permutations``); here each other
option with a check is called with bad values, and the error must name the
parameter, show the value and say what is allowed.
"""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import netmap  # noqa: E402
import netmap.datasets  # noqa: E402
import netmap.io  # noqa: E402
import netmap.plot  # noqa: E402
from netmap import ParameterError, StakeholderMap  # noqa: E402
from netmap.datasets import synthetic  # noqa: E402

#: Every figure a test draws is closed after it (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("close_figures")

#: A key long enough for anonymize (16 bytes at least).
KEY = "a key of sixteen bytes or more"


def _call(func, *args, **kwargs):
    return lambda m, tmp_path: func(m, *args, **kwargs)


def _no_map(func, *args, **kwargs):
    return lambda m, tmp_path: func(*args, **kwargs)


def _write_then_read(**options):
    def run(m, tmp_path):
        m.to_csv(tmp_path / "map")
        return netmap.read_csv(tmp_path / "map", **options)
    return run


# (case id, the call, the parameter named, the value given)
BAD = [
    ("adjacency-weight", lambda m, p: m.arrays.adjacency(weight="trust"), "weight", "trust"),
    ("mixing-stat", _call(netmap.mixing_matrix, stat="z"), "stat", "z"),
    ("mixing-normalized", _call(netmap.mixing_matrix, stat="ratio", normalized=True),
     "normalized", True),
    ("brokerage-stat", _call(netmap.brokerage, stat="zscore"), "stat", "zscore"),
    ("centrality-measures", _call(netmap.centrality, measures=("pagerank",)), "measures",
     ("pagerank",)),
    ("centrality-no-measures", _call(netmap.centrality, measures=()), "measures", ()),
    ("centrality-sample-1", _call(netmap.centrality, betweenness_sample=1),
     "betweenness_sample", 1),
    ("centrality-sample-text", _call(netmap.centrality, betweenness_sample="all"),
     "betweenness_sample", "all"),
    ("centrality-closeness-sample-1", _call(netmap.centrality, closeness_sample=1),
     "closeness_sample", 1),
    ("ei-level", _call(netmap.ei_index, level="team"), "level", "team"),
    ("ei-actor-permutations", _call(netmap.ei_index, level="actor", permutations=9),
     "permutations", 9),
    ("coverage-crowded", _call(netmap.coverage, crowded=1), "crowded", 1),
    ("coverage-crowded-text", _call(netmap.coverage, crowded="3"), "crowded", "3"),
    ("coverage-crowded-sector", _call(netmap.coverage, crowded_sector="army"),
     "crowded_sector", "army"),
    ("roll-up-to", _call(netmap.roll_up, to="city"), "to", "city"),
    ("key-person-share", _call(netmap.key_person_risk, share=0), "share", 0),
    ("key-person-share-high", _call(netmap.key_person_risk, share=1.5), "share", 1.5),
    ("clusters-min-size", _call(netmap.single_sector_clusters, min_size=0), "min_size", 0),
    ("clusters-min-share", _call(netmap.single_sector_clusters, min_share=2), "min_share", 2),
    ("communities-pure", _call(netmap.communities, pure=-0.1), "pure", -0.1),
    ("communities-resolution", _call(netmap.communities, resolution=0), "resolution", 0),
    ("reidentification-k", _call(netmap.reidentification_risk, k=1), "k", 1),
    ("reidentification-keys", _call(netmap.reidentification_risk, keys=("shoe_size",)),
     "keys", ("shoe_size",)),
    ("reidentification-no-keys", _call(netmap.reidentification_risk, keys=()), "keys", ()),
    ("reidentification-bins", _call(netmap.reidentification_risk, degree_bins=[5, 1]),
     "degree_bins", [5, 1]),
    ("reidentification-bins-short", _call(netmap.reidentification_risk,
                                          degree_bins=[0, 10]), "degree_bins", [0, 10]),
    ("anonymize-title", _call(StakeholderMap.anonymize, title=3), "title", 3),
    ("anonymize-keep", _call(StakeholderMap.anonymize, key=KEY, keep=("secotr",)), "keep",
     ("secotr",)),
    ("anonymize-drop", _call(StakeholderMap.anonymize, key=KEY, drop=("id",)), "drop",
     ("id",)),
    ("anonymize-coarsen", _call(StakeholderMap.anonymize, key=KEY, coarsen={"shoe": [0, 1]}),
     "coarsen", {"shoe": [0, 1]}),
    ("composition-reference", _call(netmap.body_composition, reference="balanced"),
     "reference", "balanced"),
    ("composition-reference-groups", _call(netmap.body_composition, reference={"army": 1}),
     "reference", {"army": 1}),
    ("composition-reference-zero", _call(netmap.body_composition, reference={"public": 0}),
     "reference", {"public": 0}),
    ("under-connected-alpha", _call(netmap.under_connected, alpha=1), "alpha", 1),
    ("introductions-between", _call(netmap.introductions, ("public", "army")), "between",
     ("public", "army")),
    ("introductions-one-group", _call(netmap.introductions, ("public",)), "between",
     ("public",)),
    ("introductions-same-group", _call(netmap.introductions, ("public", "public")),
     "between", ("public", "public")),
    ("compare-same-wave", _call(netmap.compare, 2013, 2013), "after", 2013),
    ("complexity", _call(netmap.complexity_fit, "wicked hard"), "complexity", "wicked hard"),
    ("axis-viewpoint", _call(netmap.axis_position, viewpoint="blurry"), "viewpoint",
     "blurry"),
    ("axis-goal", _call(netmap.axis_position, goal="profit"), "goal", "profit"),
    ("axis-time", _call(netmap.axis_position, time="forever"), "time", "forever"),
    ("insights-dominance", _call(netmap.insights, dominance=0), "dominance", 0),
    ("insights-loose", _call(netmap.insights, loose=2), "loose", 2),
    ("insights-dependency", _call(netmap.insights, dependency_share=-1),
     "dependency_share", -1),
    ("insights-alpha", _call(netmap.insights, alpha=0), "alpha", 0),
    ("insights-crowded", _call(netmap.insights, crowded=1), "crowded", 1),
    ("synthetic-n-actors", _no_map(synthetic, 10.5, 20), "n_actors", 10.5),
    ("synthetic-n-ties", _no_map(synthetic, 20, -1), "n_ties", -1),
    ("synthetic-homophily", _no_map(synthetic, 20, 20, homophily=1.5), "homophily", 1.5),
    ("synthetic-persons", _no_map(synthetic, 20, 20, persons=1.0), "persons", 1.0),
    ("synthetic-sectors", _no_map(synthetic, 20, 20, sectors=["third"]), "sectors",
     ["third"]),
    ("synthetic-sector-name", _no_map(synthetic, 20, 20, sectors={"buisness": 1}),
     "sectors", {"buisness": 1}),
    ("synthetic-waves", _no_map(synthetic, 20, 20, waves="2014"), "waves", "2014"),
    ("synthetic-bodies", _no_map(synthetic, 20, 20, bodies="yes"), "bodies", "yes"),
    ("synthetic-directed", _no_map(synthetic, 20, 20, directed=1), "directed", 1),
    ("read-csv-directed", _write_then_read(directed="no"), "directed", "no"),
    ("map-directed", lambda m, p: netmap.StakeholderMap(m.actors.reset_index(), m.ties,
                                                         directed="yes"), "directed", "yes"),
    ("read-gexf-directed", _no_map(netmap.read_gexf, "no such file.gexf", directed="no"),
     "directed", "no"),
    ("read-kumu-directed", _no_map(netmap.read_kumu, "no such file.json", directed=1),
     "directed", 1),
    ("read-excel-directed", _no_map(netmap.read_excel, "no such file.xlsx", directed=0),
     "directed", 0),
    ("read-dl-encoding", _no_map(netmap.read_dl, "no such file.dl", encoding="klingon"),
     "encoding", "klingon"),
    ("read-pajek-encoding", _no_map(netmap.read_pajek, "no such file.net", encoding=1),
     "encoding", 1),
    ("read-gexf-encoding", _no_map(netmap.read_gexf, "no such file.gexf",
                                   encoding="klingon"), "encoding", "klingon"),
    ("read-graphml-encoding", _no_map(netmap.read_graphml, "no such file.graphml",
                                      encoding="klingon"), "encoding", "klingon"),
    ("write-csv-encoding", lambda m, p: netmap.io.write_csv(m, p / "out", encoding="klingon"),
     "encoding", "klingon"),
    ("layout-kind", _call(netmap.plot.layout, kind="circle"), "kind", "circle"),
    ("layout-iterations", _call(netmap.plot.layout, iterations=-1), "iterations", -1),
    ("union-layout-kind", _call(netmap.plot.waves.union_layout, 2013, 2016, kind="circle"),
     "kind", "circle"),
    ("map-layout-name", _call(netmap.plot.plot_map, layout="circle"), "layout", "circle"),
    ("map-layout-type", _call(netmap.plot.plot_map, layout=3), "layout", 3),
    ("map-labels", _call(netmap.plot.plot_map, labels="some"), "labels", "some"),
    ("map-labels-ids", _call(netmap.plot.plot_map, labels=["nobody"]), "labels", ["nobody"]),
    ("map-label-column", _call(netmap.plot.plot_map, label_column="title"), "label_column",
     "title"),
    ("map-size-type", _call(netmap.plot.plot_map, size=3.5), "size", 3.5),
    ("map-size-name", _call(netmap.plot.plot_map, size="popularity"), "size", "popularity"),
    ("map-size-text-column", _call(netmap.plot.plot_map, size="name"), "size", "name"),
    ("map-label-by", _call(netmap.plot.plot_map, label_by="popularity"), "label_by",
     "popularity"),
    ("map-fontsize", _call(netmap.plot.plot_map, fontsize=0), "fontsize", 0),
    ("map-size-range", _call(netmap.plot.plot_map, size="degree", size_range=(50, 10)),
     "size_range", (50, 10)),
    ("map-size-range-text", _call(netmap.plot.plot_map, size_range="big"), "size_range",
     "big"),
    ("map-node-size", _call(netmap.plot.plot_map, node_size=-5), "node_size", -5),
    ("map-highlight-body", _call(netmap.plot.plot_map, highlight_body="board"),
     "highlight_body", "board"),
    ("display-text-direction", _no_map(netmap.plot.display_text, "abc", direction="up"),
     "direction", "up"),
    ("mixing-plot-stat", _call(netmap.plot.plot_mixing, stat="share"), "stat", "share"),
    ("mixing-plot-fontsize", _call(netmap.plot.plot_mixing, fontsize="big"), "fontsize",
     "big"),
    ("waves-layout", _call(netmap.plot.plot_waves, 2013, 2016, layout="circle"), "layout",
     "circle"),
    ("waves-axes", _call(netmap.plot.plot_waves, 2013, 2016, axes=[None]), "axes", [None]),
    ("waves-fontsize", _call(netmap.plot.plot_waves, 2013, 2016, fontsize=-1), "fontsize",
     -1),
    ("bodies-stat", _call(netmap.plot.plot_bodies, stat="percent"), "stat", "percent"),
    ("bodies-order", _call(netmap.plot.plot_bodies, order="name"), "order", "name"),
    ("bodies-bodies", _call(netmap.plot.plot_bodies, bodies=["board"]), "bodies", ["board"]),
    ("bodies-none", _call(netmap.plot.plot_bodies, bodies=[]), "bodies", []),
    ("bodies-label-column", _call(netmap.plot.plot_bodies, label_column="title"),
     "label_column", "title"),
    ("bodies-fontsize", _call(netmap.plot.plot_bodies, fontsize=0), "fontsize", 0),
]


@pytest.mark.parametrize(("call", "parameter", "value"),
                         [pytest.param(c, p, v, id=i) for i, c, p, v in BAD])
def test_a_bad_argument_raises_parameter_error(call, parameter, value, sample, tmp_path):
    with pytest.raises(ParameterError) as info:
        call(sample, tmp_path)
    err = info.value
    assert isinstance(err, netmap.NetmapError)
    assert isinstance(err, ValueError)
    assert err.parameter == parameter
    assert err.value == value
    assert f"{parameter}={value!r} is not allowed: use " in str(err)


def test_a_long_value_is_shown_by_its_type(sample):
    positions = netmap.plot.layout(sample).drop(columns="y")
    with pytest.raises(ParameterError, match="layout=<DataFrame> is not allowed") as info:
        netmap.plot.plot_map(sample, layout=positions)
    assert info.value.value is positions
    assert "no column 'y'" in str(info.value)


def test_a_figure_with_axes_is_a_bad_fig(sample):
    fig = plt.figure()
    fig.subplots()
    with pytest.raises(ParameterError, match="the figure already has Axes") as info:
        netmap.plot.plot_waves(sample, 2013, 2016, fig=fig)
    assert (info.value.parameter, info.value.value) == ("fig", fig)


def test_a_series_of_unknown_actors_is_a_bad_size(sample):
    values = pd.Series({"nobody": 1.0})
    with pytest.raises(ParameterError, match="not actors of the map") as info:
        netmap.plot.plot_map(sample, size=values)
    assert info.value.parameter == "size"


def test_the_old_hints_stay_in_the_message(sample):
    with pytest.raises(ParameterError, match="פשוטה, מסובכת, מורכבת"):
        netmap.complexity_fit(sample, "hard")
    with pytest.raises(ParameterError, match="the permutation test is for the network"):
        netmap.ei_index(sample, level="actor", permutations=9)
    with pytest.raises(ParameterError, match="did you mean 'business'"):
        synthetic(20, 20, sectors={"buisness": 1})
    with pytest.raises(ParameterError, match="also organization, org, ארגון, מגזר"):
        netmap.roll_up(sample, to="city")
