"""One API convention, checked over every public callable.

A function that takes a map has it first, positional, named ``m`` and
annotated ``StakeholderMap``; then the data it needs (a path, two waves, a
pair of groups), positional and without a default; then, after ``*``, every
option. An option has one name and one default meaning wherever it appears,
and a bad value of it raises :class:`netmap.ParameterError` naming the
parameter and the value.
"""

from __future__ import annotations

import inspect

import matplotlib

matplotlib.use("Agg")

import numpy as np  # noqa: E402
import pytest  # noqa: E402

import netmap  # noqa: E402
import netmap.datasets  # noqa: E402
import netmap.io  # noqa: E402
import netmap.plot  # noqa: E402
from netmap import ParameterError, StakeholderMap  # noqa: E402

#: Every figure a test draws is closed after it (tests/conftest.py).
pytestmark = pytest.mark.usefixtures("close_figures")

NAMESPACES = {"netmap": netmap, "netmap.plot": netmap.plot, "netmap.io": netmap.io,
              "netmap.datasets": netmap.datasets}

# Public functions that take no map: readers build one, the others work on
# ids, taxonomies, text or the bundled files. Any other public function must
# take the map first, so a new one cannot slip past the rules below.
NO_MAP = {
    "read_csv", "read_excel", "from_frames", "from_networkx", "from_survey", "read_gexf",
    "read_graphml", "read_kumu", "read_dl", "read_pajek", "pseudonyms", "default_taxonomy",
    "sector_colors",
    "display_text", "has_libraqm", "load_2x5", "sample_files", "template_file",
    "synthetic",
}

# The options: keyword-only wherever they appear (with any name ending in _field).
OPTIONS = ("by", "weight", "seed", "lang", "top", "backbone", "permutations", "stat")

# The defaults each option may have, and why. One default meaning per name.
ALLOWED_DEFAULTS = {
    "by": {"sector": "groups are sectors unless asked otherwise"},
    "weight": {None: "count ties; a column name sums that column instead"},
    "seed": {0: "the same map gives the same numbers and pictures; None is opt-in "
                "fresh randomness"},
    "lang": {"en": "English unless asked otherwise"},
    "backbone": {None: "the actors marked in the map's backbone column, if any"},
    "top": {
        None: "no fixed number: a table keeps every row, a map labels as many actors "
              "as its picture has room for",
        10: "the labels or bars a plot holds, the brokers a sensitivity table compares",
        20: "introductions: a short list of pairs to act on",
    },
    "permutations": {
        999: "p-values to a resolution of 0.001",
        0: "ei_index gives the index itself; its permutation test is asked for",
    },
    "stat": {
        "observed": "mixing: the plain tie counts",
        "raw": "brokerage: the plain role counts",
        "count": "plot_bodies: the plain member counts",
    },
}

# The data a function needs besides the map, to call it in the tests below.
# (Only functions with an option checked below are called; a path is a file
# under tmp_path.)
REQUIRED = {
    "plot_waves": (2013, 2016),
    "introductions": (("public", "third"),),
}
PATH_ARGUMENTS = {"path", "folder"}


def _public_functions():
    seen = {}
    for prefix, module in NAMESPACES.items():
        for name in module.__all__:
            obj = getattr(module, name)
            if inspect.isfunction(obj) and id(obj) not in seen:
                seen[id(obj)] = (f"{prefix}.{name}", obj)
    return sorted(seen.values(), key=lambda pair: pair[0])


def _map_methods():
    return [(f"StakeholderMap.{name}", obj) for name, obj in vars(StakeholderMap).items()
            if not name.startswith("_") and inspect.isfunction(obj)]


FUNCTIONS = _public_functions()
MAP_FUNCTIONS = [(q, f) for q, f in FUNCTIONS if q.rsplit(".", 1)[1] not in NO_MAP]
METHODS = _map_methods()
EVERYTHING = FUNCTIONS + METHODS


def _is_option(name: str) -> bool:
    return name in OPTIONS or name.endswith("_field")


def test_the_walk_finds_the_api():
    names = {q for q, _ in EVERYTHING}
    assert names >= {"netmap.mixing_matrix", "netmap.report", "netmap.plot.plot_map",
                     "netmap.io.write_gexf", "netmap.datasets.synthetic",
                     "StakeholderMap.groups"}
    assert len(MAP_FUNCTIONS) > 40
    assert {q.rsplit(".", 1)[1] for q, _ in FUNCTIONS} >= NO_MAP


@pytest.mark.parametrize(("name", "func"), MAP_FUNCTIONS, ids=[q for q, _ in MAP_FUNCTIONS])
def test_the_map_comes_first_positional_named_m_and_annotated(name, func):
    first = next(iter(inspect.signature(func).parameters.values()))
    assert first.name == "m", name
    assert first.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD, name
    assert first.default is inspect.Parameter.empty, name
    annotation = first.annotation
    assert annotation is StakeholderMap or annotation == "StakeholderMap", (
        f"{name}: m is annotated {annotation!r}")


@pytest.mark.parametrize(("name", "func"), MAP_FUNCTIONS + METHODS,
                         ids=[q for q, _ in MAP_FUNCTIONS + METHODS])
def test_after_the_map_only_required_data_is_positional(name, func):
    params = list(inspect.signature(func).parameters.values())[1:]
    for p in params:
        if p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD:
            assert p.default is inspect.Parameter.empty, (
                f"{name}: {p.name} has a default, so it is an option and keyword-only")
        assert p.kind is not inspect.Parameter.VAR_POSITIONAL, name


@pytest.mark.parametrize(("name", "func"), EVERYTHING, ids=[q for q, _ in EVERYTHING])
def test_options_are_keyword_only_with_one_default(name, func):
    for p in inspect.signature(func).parameters.values():
        if not _is_option(p.name):
            continue
        assert p.kind is inspect.Parameter.KEYWORD_ONLY, f"{name}: {p.name} is positional"
        if p.name in ALLOWED_DEFAULTS:
            assert p.default in ALLOWED_DEFAULTS[p.name], (
                f"{name}: {p.name}={p.default!r}; allowed {list(ALLOWED_DEFAULTS[p.name])}")


# -- bad arguments ----------------------------------------------------------------

BAD_VALUES = {
    "by": ["no such column"],
    "weight": ["no such column"],
    "seed": [-1, "x"],
    "top": [0, -1, "x"],
    "permutations": [-1],
}


def _cases():
    cases = []
    for name, func in MAP_FUNCTIONS + METHODS:
        params = inspect.signature(func).parameters
        for option, values in BAD_VALUES.items():
            if option in params:
                cases += [pytest.param(name, func, option, v, id=f"{name}-{option}={v!r}")
                          for v in values]
    return cases


CASES = _cases()


def _call(name, func, m, tmp_path, **options):
    short = name.rsplit(".", 1)[1]
    params = list(inspect.signature(func).parameters.values())[1:]
    args = list(REQUIRED.get(short, ()))
    for p in params[len(args):]:
        if p.kind is not inspect.Parameter.POSITIONAL_OR_KEYWORD:
            break
        assert p.name in PATH_ARGUMENTS, f"{name}: how to call it with {p.name}?"
        args.append(tmp_path / "out")
    return func(m, *args, **options)


def test_every_option_with_a_check_is_exercised():
    options = {case.values[2] for case in CASES}
    assert options == set(BAD_VALUES)
    assert len(CASES) > 60


@pytest.mark.parametrize(("name", "func", "option", "value"), CASES)
def test_a_bad_option_raises_parameter_error(name, func, option, value, sample, tmp_path):
    with pytest.raises(ParameterError) as info:
        _call(name, func, sample, tmp_path, **{option: value})
    err = info.value
    assert err.parameter == option
    assert err.value is value
    assert f"{option}={value!r}" in str(err)
    assert "use " in str(err)


@pytest.mark.parametrize(("name", "func"), [
    (q, f) for q, f in MAP_FUNCTIONS if "seed" in inspect.signature(f).parameters
    and q.rsplit(".", 1)[1] in {"ei_index", "communities", "layout", "under_connected"}
], ids=lambda v: v if isinstance(v, str) else "")
def test_the_default_seed_repeats_itself(name, func, sample, tmp_path):
    options = {"permutations": 49} if "permutations" in inspect.signature(func).parameters \
        else {}
    first = _call(name, func, sample, tmp_path, **options)
    second = _call(name, func, sample, tmp_path, **options)
    assert first.equals(second)
    generator = _call(name, func, sample, tmp_path, seed=np.random.default_rng(0), **options)
    assert generator.shape == first.shape
