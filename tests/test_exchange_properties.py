"""Every exchange format reads back the map it wrote, on generated maps (hypothesis)."""

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import netmap
from netmap.testing import assert_map_equal
from test_properties import maps_with_bodies, quietly

PREFIXES = ["", "", "=", "+", "@", "-", "'=", "=cmd|' /C calc'!A0 "]
GOALS = ["math", "מדעים", "=goal", "teachers"]


@st.composite
def full_maps(draw):
    actors, ties, memberships, directed = draw(maps_with_bodies())
    prefixes = draw(st.lists(st.sampled_from(PREFIXES), min_size=len(actors),
                             max_size=len(actors)))
    actors = actors.assign(name=[p + n for p, n in zip(prefixes, actors["name"],
                                                       strict=True)])
    rows = draw(st.lists(st.tuples(st.sampled_from(list(actors["id"])),
                                   st.sampled_from(GOALS)), max_size=6))
    activities = pd.DataFrame(rows, columns=["actor", "goal"])
    return actors, ties, memberships, activities, directed


def build(actors, ties, memberships, activities, directed):
    return quietly(netmap.from_frames, actors, ties,
                   memberships if len(memberships) else None, None,
                   activities if len(activities) else None, directed=directed,
                   name="מפה =1", date="2024-03-01")


@pytest.mark.slow
@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(full_maps())
def test_every_format_reads_back_an_equal_map(tmp_path_factory, data):
    m = build(*data)
    folder = tmp_path_factory.mktemp("exchange")
    writers = {
        "map.gexf": (m.to_gexf, netmap.read_gexf),
        "map.graphml": (m.to_graphml, netmap.read_graphml),
        "kumu.xlsx": (m.to_kumu, netmap.read_kumu),
        "kumu.json": (m.to_kumu, netmap.read_kumu),
        "map.xlsx": (m.to_excel, netmap.read_excel),
        "csv": (m.to_csv, netmap.read_csv),
    }
    for name, (write, read) in writers.items():
        path = folder / name
        write(path)
        back = quietly(read, path)
        try:
            assert_map_equal(m, back, check_name=True)
        except AssertionError as err:
            raise AssertionError(f"{name}: {err}") from None


def _kept(m):
    """The map as UCINET DL and Pajek keep it: ids, sectors, weighted ties."""
    actors = m.actors.reset_index()[["id", "sector"]]
    ties = m.ties[["source", "target", "weight"]]
    return quietly(netmap.from_frames, actors, ties, directed=m.directed)


@pytest.mark.slow
@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(full_maps(), st.sampled_from(["edgelist1", "fullmatrix", "nodelist1"]))
def test_dl_and_pajek_read_back_what_they_keep_and_warn_the_rest(tmp_path_factory, data,
                                                                 fmt):
    import warnings

    m = build(*data)
    kept = _kept(m)
    folder = tmp_path_factory.mktemp("plain")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        netmap.write_dl(m, folder / "m.dl", format=fmt)
        netmap.write_pajek(m, folder / "m.net", partition=folder / "m.clu")
    dl_warning, pajek_warning = (str(w.message) for w in caught)
    sectors = dict(m.actors["sector"].astype(str))
    back = quietly(netmap.read_dl, folder / "m.dl", sectors=sectors, directed=m.directed)
    if fmt == "edgelist1":
        assert_map_equal(kept, back)
    else:  # a matrix adds up ties between a pair, a node list drops weights (both warned)
        assert back.actors.equals(kept.actors)
        pairs = set(zip(back.ties["source"], back.ties["target"], strict=True))
        if not m.directed:
            pairs |= {(t, s) for s, t in pairs}
        assert pairs >= set(zip(kept.ties["source"], kept.ties["target"], strict=True))
        summed = fmt == "fullmatrix" and not back.ties["weight"].equals(
            kept.ties["weight"])
        assert not summed or "adds them up" in dl_warning or len(back.ties) == len(
            kept.ties)
    back = quietly(netmap.read_pajek, folder / "m.net", partition=folder / "m.clu")
    assert_map_equal(kept, back)
    for warning in (dl_warning, pajek_warning):
        for column in ("name", "wave", "budget", "note"):
            assert (column in warning) == bool(m.actors[column].notna().any()) or (
                column == "wave" and m.ties["wave"].notna().any())
    assert "memberships" in pajek_warning or not len(m.memberships)
