"""Findings: each both ways on hand-built maps, texts in both languages, the sample."""

import re
import string

import pandas as pd
import pytest

import netmap
from netmap.findings.insights import SEVERITIES, public_role
from netmap.words.catalogue import LANGS, finding_texts, ordinal
from netmap.words.catalogue import say as _say
from netmap.words.en import FINDINGS as EN_FINDINGS
from netmap.words.he import FINDINGS as HE_FINDINGS
from structure_maps import build

SECTORS = {"moe": "public", "la": "public", "intel": "business", "hp": "business",
           "ngo1": "third", "ngo2": "third", "ngo3": "third", "univ": "academia",
           "bb": "third"}
# every pair of core sectors tied more than once; bb links everyone
BASE_TIES = [("bb", a) for a in SECTORS if a != "bb"] + [
    ("moe", "intel"), ("la", "hp"), ("moe", "ngo1"), ("la", "ngo2"), ("intel", "ngo1"),
    ("hp", "ngo3"), ("ngo1", "ngo2"), ("ngo2", "ngo3"), ("moe", "la"), ("intel", "hp"),
    ("univ", "moe"), ("univ", "intel")]
STEERING = [("moe", "steering", "chair"), ("intel", "steering"), ("ngo1", "steering"),
            ("univ", "steering"), ("bb", "steering", "coordinator")]


def make(ties=None, memberships=None, kinds=None, backbone=True, types=None, **kw):
    """The base map, with parts replaced."""
    ties = BASE_TIES if ties is None else ties
    memberships = STEERING if memberships is None else memberships
    mem = [tuple(r) + ("member",) * (3 - len(r)) for r in memberships]
    kinds = {"steering": "steering_committee"} | (kinds or {})
    bodies = pd.DataFrame({"id": list(kinds), "kind": list(kinds.values())})
    extra = {"backbone": ["yes" if a == "bb" else "" for a in SECTORS]} if backbone else {}
    return build(SECTORS, ties, memberships=mem, bodies=bodies, types=types,
                 **(extra | kw))


def codes(m, **kw):
    return netmap.insights(m, **kw).codes


def test_base_map_says_little():
    found = codes(make())
    for code in ("body_missing_sector", "body_dominated", "sector_pair_no_tie",
                 "sector_pair_under_connected", "dependent_third_sector",
                 "public_peripheral", "public_absent", "public_central",
                 "sector_cut_point", "key_person_risk", "no_backbone"):
        assert code not in found, code
    assert "public_leading" in found
    assert "backbone_broker" in found
    assert "no_single_sector_groups" in found and "single_sector_groups" not in found


def test_body_missing_a_core_sector():
    no_business = [r for r in STEERING if r[0] != "intel"]
    found = netmap.insights(make(memberships=no_business))
    f = found[found.codes.index("body_missing_sector")]
    assert f.severity == "warning" and f.actors == ("steering",)
    assert f.evidence["cases"][0]["core_missing"] == ("business",)
    assert "business sector" in f.text
    # a business coalition missing two sectors is not a joint body: no finding
    coalition = [*STEERING, ("intel", "coal"), ("hp", "coal")]
    assert "body_missing_sector" not in codes(make(memberships=coalition,
                                                   kinds={"coal": "coalition"}))


def test_body_dominated():
    third_heavy = [*STEERING, ("ngo2", "steering"), ("ngo3", "steering")]
    found = netmap.insights(make(memberships=third_heavy))
    f = found[found.codes.index("body_dominated")]
    assert f.evidence == {"cases": [{"body": "steering", "sector": "third",
                                     "share": pytest.approx(4 / 6)}]}
    assert "body_dominated" not in codes(make())
    assert "body_dominated" not in codes(make(memberships=third_heavy), dominance=0.7)


def test_sector_pairs_without_ties():
    cut = [t for t in BASE_TIES if {SECTORS[t[0]], SECTORS[t[1]]} != {"public", "business"}]
    found = netmap.insights(make(ties=cut))
    f = found[found.codes.index("sector_pair_no_tie")]
    assert f.evidence["pair"] == ("public", "business")
    assert "sector_pair_no_tie" not in codes(make())


def test_under_connected_pair():
    sectors = {f"p{i}": "public" for i in range(6)} | {f"b{i}": "business"
                                                        for i in range(6)}
    edges = [(f"p{i}", f"p{j}") for i in range(6) for j in range(i + 1, 6)]
    edges += [(f"b{i}", f"b{j}") for i in range(6) for j in range(i + 1, 6)]
    found = netmap.insights(build(sectors, [*edges, ("p0", "b0")]))
    assert "sector_pair_under_connected" in found.codes
    f = found[found.codes.index("sector_pair_under_connected")]
    case = f.evidence["cases"][0]
    assert case["observed"] == 1 and case["two_step"] == 10
    mixed = [(f"p{i}", f"b{(i + k) % 6}") for i in range(6) for k in range(3)]
    assert "sector_pair_under_connected" not in codes(build(sectors, mixed))


def test_under_connected_pair_without_a_tie_reads_as_none():
    # public and academia (not both core: no "no tie" warning) meet only through x
    sectors = ({f"p{i}": "public" for i in range(6)} | {f"a{i}": "academia" for i in range(6)}
               | {"x": "community"})
    edges = [(f"p{i}", f"p{j}") for i in range(6) for j in range(i + 1, 6)]
    edges += [(f"a{i}", f"a{j}") for i in range(6) for j in range(i + 1, 6)]
    m = build(sectors, [*edges, ("p0", "x"), ("x", "a0"), ("p1", "x")])
    texts = {}
    for lang in LANGS:
        found = netmap.insights(m, lang=lang)
        f = found[found.codes.index("sector_pair_under_connected")]
        assert f.evidence["cases"][0]["observed"] == 0
        texts[lang] = f.text
    assert "have no ties against about" in texts["en"] and "0 ties" not in texts["en"]
    assert "two pairs of their actors" in texts["en"]
    assert "אין אף קשר, לעומת" in texts["he"] and "0 קשרים" not in texts["he"]
    assert "יש אין" not in texts["he"]


def test_single_sector_groups():
    coalition = [*STEERING, ("intel", "coal"), ("hp", "coal")]
    found = netmap.insights(make(memberships=coalition, kinds={"coal": "coalition"}))
    assert "single_sector_groups" in found.codes
    assert "no_single_sector_groups" not in found.codes
    assert found[found.codes.index("single_sector_groups")].actors == ("coal",)


def test_dependent_third_sector_early_warning():
    types = ["contract" if t == ("moe", "ngo1") else "information" for t in BASE_TIES]
    no_neutral = [r for r in STEERING if r[0] != "univ"]
    found = netmap.insights(make(memberships=no_neutral, types=types))
    f = found[found.codes.index("dependent_third_sector")]
    assert f.actors == ("ngo1", "moe", "steering") and f.severity == "warning"
    assert f.evidence["cases"] == [{"actor": "ngo1", "funders": ("moe",), "body": "steering",
                                    "tie": ("contract",)}]
    # academia in the body balances it
    assert "dependent_third_sector" not in codes(make(types=types))
    # so does a third-sector advocacy actor
    with_advocate = [*no_neutral, ("ngo2", "steering")]
    advocacy = ["yes" if a == "ngo2" else "" for a in SECTORS]
    assert "dependent_third_sector" not in codes(make(memberships=with_advocate,
                                                      types=types, advocacy=advocacy))
    # without the contract there is no dependence
    assert "dependent_third_sector" not in codes(make(memberships=no_neutral))


def test_public_roles():
    assert public_role(make())["role"] == "leading"
    not_chair = [r if r[0] != "moe" else ("moe", "steering") for r in STEERING]
    # moe is the second broker (after bb): central, not leading
    info = public_role(make(memberships=not_chair))
    assert info["role"] == "central" and info["best"] in ("moe", "la")
    assert "public_central" in codes(make(memberships=not_chair))
    assert public_role(make(memberships=not_chair), central_rank=1)["role"] == \
        "peripheral"
    assert "public_peripheral" in codes(make(memberships=not_chair), central_rank=1)
    no_public = [r for r in STEERING if r[0] != "moe"]
    assert public_role(make(memberships=no_public))["role"] == "absent"
    assert "public_absent" in codes(make(memberships=no_public))


def test_public_role_changes_between_waves():
    from test_waves import waves_map

    m = waves_map()
    assert [public_role(m.at(w))["role"] for w in m.waves] == ["peripheral", "leading"]
    found = netmap.insights(m)
    assert "public_role_changed" in found.codes
    assert found[found.codes.index("public_role_changed")].evidence["roles"] == {
        1: "peripheral", 2: "leading"}
    assert "public_role_changed" not in codes(m, wave=1)  # one wave of history
    assert "public_role_changed" not in codes(make())  # no waves


def test_third_sector_group_and_cohesion():
    team = [*STEERING, ("ngo1", "team"), ("ngo2", "team"), ("ngo3", "team")]
    found = codes(make(memberships=team, kinds={"team": "sector_team"}))
    assert "third_sector_group" in found and "no_third_sector_group" not in found
    assert "no_third_sector_group" in codes(make())
    # base: third density 3 of 6 pairs among ngo1-3 and bb (bb tied to all three) =
    # 5 / 6; public 1 / 1, business 1 / 1: 5/6 >= 0.5 -> cohesive
    assert "third_sector_cohesive" in codes(make())
    loose = [t for t in BASE_TIES if not (SECTORS[t[0]] == SECTORS[t[1]] == "third")]
    found = netmap.insights(make(ties=loose))
    f = found[found.codes.index("third_sector_loose")]
    assert f.evidence["third_density"] == 0.0


def test_coverage_findings():
    act = pd.DataFrame({"actor": ["ngo1", "ngo2", "ngo3", "intel"],
                        "goal": ["tutoring"] * 3 + ["visits"]})
    found = codes(make(activities=act), goals=["tutoring", "visits", "parents"])
    assert "coverage_gaps" in found and "coverage_overlaps" in found
    fewer = act.iloc[1:]
    found = codes(make(activities=fewer), goals=["tutoring", "visits"])
    assert "coverage_gaps" not in found and "coverage_overlaps" not in found


def test_backbone_findings():
    assert "no_backbone" in codes(make(backbone=False))
    assert "backbone_broker" in codes(make())
    # the backbone as the only bridge between public and the rest
    ties = [("bb", "moe"), ("bb", "intel"), ("intel", "hp"), ("hp", "ngo1"),
            ("ngo1", "ngo2"), ("ngo2", "ngo3"), ("la", "moe"), ("univ", "ngo3")]
    found = netmap.insights(make(ties=ties))
    f = found[found.codes.index("backbone_dependency")]
    assert f.severity == "warning" and f.evidence["sector_pairs_lost"] > 0
    assert "sector_cut_point" in found.codes
    # a marked backbone far from the brokering
    peripheral = [t for t in BASE_TIES if "bb" not in t] + [("bb", "ngo1")]
    found = codes(make(ties=peripheral))
    assert "backbone_not_broker" in found and "backbone_dependency" not in found


def test_ranks_read_as_words():
    # bb, the base map's backbone, brokers most; hp, marked instead, ranks fourth
    mem = [tuple(r) + ("member",) * (3 - len(r)) for r in STEERING]
    bodies = pd.DataFrame({"id": ["steering"], "kind": ["steering_committee"]})
    hp = build(SECTORS, BASE_TIES, memberships=mem, bodies=bodies,
               backbone=["yes" if a == "hp" else "" for a in SECTORS])
    words = {"en": ("ranks first among", "ranks fourth among", "(ranks first among"),
             "he": ("במקום הראשון בין", "במקום הרביעי בין", "(במקום הראשון בין")}
    for lang in LANGS:
        first, fourth, axis = words[lang]
        found = netmap.insights(make(), lang=lang)
        f = found[found.codes.index("backbone_broker")]
        assert f.evidence["rank"] == 1 and first in f.text
        found = netmap.insights(hp, lang=lang)
        f = found[found.codes.index("backbone_not_broker")]
        assert f.evidence["rank"] == 4 and fourth in f.text
        position = netmap.axis_position(make(), lang=lang)
        assert axis in position.loc["management", "evidence"]
        assert not re.search(r"(ranks|rank|מקום) \d", f.text + position.to_string())


def test_key_person_finding():
    actors = pd.DataFrame({
        "id": ["moe", "ngo", "intel", "dana"],
        "sector": ["public", "third", "business", "third"],
        "level": ["organisation"] * 3 + ["person"], "org": [None, None, None, "ngo"]})
    ties = pd.DataFrame({"source": ["dana", "dana", "moe"],
                         "target": ["moe", "intel", "intel"]})
    m = netmap.StakeholderMap(actors, ties)
    assert "key_person_risk" in codes(m)
    ties2 = pd.concat([ties, pd.DataFrame({"source": ["ngo"], "target": ["moe"]})])
    assert "key_person_risk" not in codes(netmap.StakeholderMap(actors, ties2))


def test_complexity_fit():
    m = make()
    assert netmap.complexity_fit(m, "complex")["fit"] == "fits"
    assert netmap.complexity_fit(m, "מורכבת")["fit"] == "fits"
    assert netmap.complexity_fit(m, "simple")["fit"] == "more than needed"
    two = build({"a": "public", "b": "business", "c": "academia"}, [("a", "b"), ("b", "c")])
    fit = netmap.complexity_fit(two, "complex")
    assert fit["fit"] == "too few" and fit["missing"] == ("third",)
    assert netmap.complexity_fit(two, "complicated")["fit"] == "fits"
    assert "complexity_too_few" in codes(two, complexity="complex")
    assert "complexity_fits" in codes(m, complexity="complex")
    assert "complexity_more" in codes(m, complexity="simple")
    assert not [c for c in codes(m) if c.startswith("complexity")]
    with pytest.raises(netmap.ParameterError, match="complexity='wicked hard' is not allowed"):
        netmap.complexity_fit(m, "wicked hard")


def test_axis_both_ways():
    axis = netmap.axis_position(make())
    assert axis.loc["management", "anchor"] == "joint_move"
    assert axis.loc["stakeholders", "anchor"] == "partnership"  # a few players (0.25)
    assert axis.loc["stakeholders", "score"] == 0.25
    assert axis.loc["viewpoint", "source"] == "unknown"
    # nobody manages: cooperation
    small = build({"a": "public", "b": "business"}, [("a", "b")])
    axis = netmap.axis_position(small, viewpoint="organisational", goal="similar",
                                time="project")
    assert axis.loc["management", "score"] == 0.0
    assert axis.loc["overall", "anchor"] == "cooperation"
    assert axis.loc["overall", "score"] == pytest.approx((0.25 + 0 + 0 + 0.25 + 0) / 5)
    # a partner leads a body: partnership on management
    led = build({"a": "public", "b": "business"}, [("a", "b")],
                memberships=[("a", "x", "chair"), ("b", "x")])
    assert netmap.axis_position(led).loc["management", "score"] == 0.5
    he = netmap.axis_position(make(), viewpoint="מערכתית", lang="he")
    assert he.loc["viewpoint", "anchor_name"] == "מהלך משותף"
    with pytest.raises(netmap.ParameterError, match="goal='profit' is not allowed"):
        netmap.axis_position(make(), goal="profit")


def test_sample_public_leadership_and_axis():
    m = netmap.datasets.load_2x5()
    before, after = codes(m, wave=2013), codes(m, wave=2014)
    assert "public_peripheral" in before and "public_leading" not in before
    assert "public_leading" in after and "public_peripheral" not in after
    assert "public_role_changed" in codes(m)
    assert netmap.axis_position(m).loc["overall", "anchor"] == "joint_move"
    found = netmap.insights(m)
    assert "dependent_third_sector" in found.codes  # ngo_c in the periphery team
    assert "single_sector_groups" in found.codes and "backbone_broker" in found.codes
    frame = found.to_frame()
    assert list(frame.columns[:5]) == ["code", "insight", "severity", "title", "text"]
    assert frame["severity"].isin(SEVERITIES).all()


def test_same_findings_in_hebrew():
    m = netmap.datasets.load_2x5()
    en = netmap.insights(m, complexity="complex", goals=["robotics"])
    he = netmap.insights(m, lang="he", complexity="complex", goals=["robotics"])
    assert en.codes == he.codes
    assert all(re.search("[\u0590-\u05ff]", f.text) for f in he)
    assert [f.evidence for f in en] == [f.evidence for f in he]
    with pytest.raises(netmap.MeasureError, match="lang"):
        netmap.insights(m, lang="fr")


def _fields(template: str) -> set:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


def test_every_code_has_both_languages_with_the_same_fields():
    assert set(EN_FINDINGS) == set(HE_FINDINGS)
    for code in EN_FINDINGS:
        for part in (0, 1):
            assert EN_FINDINGS[code][part] and HE_FINDINGS[code][part], code
            assert _fields(EN_FINDINGS[code][part]) == _fields(HE_FINDINGS[code][part]), code
        assert re.search("[\u0590-\u05ff]", HE_FINDINGS[code][1]), code


def _maps_with_many_findings():
    """Maps (and options) that between them raise every kind of finding."""
    sample = netmap.datasets.load_2x5()
    yield make(), {}
    yield make(memberships=[r for r in STEERING if r[0] != "intel"]), {}
    yield make(memberships=[r for r in STEERING if r[0] != "moe"]), {"backbone": "ngo3"}
    yield make(ties=[t for t in BASE_TIES if "moe" not in t and "la" not in t]), \
        {"complexity": "complex"}
    yield sample, {"goals": ["a goal nobody works on"], "complexity": "simple"}
    for wave, complexity in zip(sample.waves, ("complicated", "complex", None),
                                strict=False):
        yield sample, {"wave": wave, "complexity": complexity}
    for kw in ({"bodies": False}, {"persons": 0.3}, {"waves": 3}):
        yield netmap.datasets.synthetic(60, 120, seed=0, **kw), {"complexity": "complex"}


@pytest.mark.slow  # about 2.5 s: the findings of seven maps in two languages
def test_every_finding_raised_has_its_texts_in_every_language():
    seen = set()
    for m, kw in _maps_with_many_findings():
        by_lang = {lang: netmap.insights(m, lang=lang, permutations=99, **kw)
                   for lang in LANGS}
        assert len({tuple(f.codes) for f in by_lang.values()}) == 1
        for lang, found in by_lang.items():
            for f in found:
                title, text = finding_texts(f.code, lang)
                assert f.title == title and f.text and "{" not in f.text, (lang, f.code)
                seen.add(f.code)
    assert seen == set(EN_FINDINGS)


def test_findings_of_one_kind_are_said_once():
    # the 2x5 sample: three joint bodies dominated, one finding listing them; the
    # dependence of Non-profit C on the ministry and on its administration, one case
    m = netmap.datasets.load_2x5()
    found = netmap.insights(m, permutations=19)
    assert found.codes.count("body_dominated") == 1
    assert found.codes.count("dependent_third_sector") == 1
    dominated = found[found.codes.index("body_dominated")]
    assert set(dominated.actors) == {"steering_committee", "wt_teacher_training",
                                     "wt_periphery_excellence"}
    balance = netmap.body_balance(m)
    assert {c["body"] for c in dominated.evidence["cases"]} == \
        set(balance.index[balance["dominated"] & balance.index.str.match("st|wt")])
    dependent = found[found.codes.index("dependent_third_sector")]
    assert "ngo_c" in dependent.actors and "moe" in dependent.actors
    plain = dependent.text.replace("\u2068", "").replace("\u2069", "")
    assert "science and technology administration" not in plain  # folded into the ministry
    assert plain.count("Ministry of Education") == 1
    # several cut-points: one finding listing each
    sectors = {"p": "public", "x": "third", "b": "business", "y": "third", "a": "academia"}
    cuts = build(sectors, [("p", "x"), ("x", "b"), ("b", "y"), ("y", "a")])
    found = netmap.insights(cuts, permutations=19)
    assert found.codes.count("sector_cut_point") == 1
    assert len(found[found.codes.index("sector_cut_point")].evidence["cases"]) >= 2


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", ["without h, academia with the public sector and philanthropy",
            "without p1, academia with philanthropy"]),
    ("he", ['בלי "h": האקדמיה עם המגזר הציבורי והפילנתרופיה',
            'בלי "p1": האקדמיה עם הפילנתרופיה'])])
def test_a_cut_point_names_each_sector_once(lang, expected):
    # without h (or u1) academia loses both the public sector and philanthropy:
    # one sector with the two it loses, not "public and academia and academia and ..."
    sectors = {"p1": "public", "p2": "public", "h": "public", "u1": "academia",
               "u2": "academia", "f1": "philanthropy", "f2": "philanthropy"}
    m = build(sectors, [("p1", "p2"), ("p2", "f1"), ("f1", "f2"), ("h", "u1"), ("u1", "u2"),
                        ("h", "p1")])
    found = netmap.insights(m, lang=lang, permutations=9)
    cut = found[found.codes.index("sector_cut_point")]
    plain = cut.text.replace("\u2068", "").replace("\u2069", "")
    for case in expected:
        assert case in plain
    for name in ("academia", "האקדמיה", "philanthropy", "הפילנתרופיה"):
        for case in plain.split(";"):
            assert case.count(name) <= 1, case
    assert {c["actor"] for c in cut.evidence["cases"]} == {"p1", "p2", "h", "u1", "f1"}


@pytest.mark.parametrize("lang", ["en", "he"])
def test_a_peripheral_public_sector_without_ties_has_no_rank_to_print(lang):
    not_chair = [r if r[0] != "moe" else ("moe", "steering") for r in STEERING]
    m = make(ties=[], memberships=not_chair)
    found = netmap.insights(m, lang=lang, permutations=9)
    peripheral = found[found.codes.index("public_peripheral")]
    plain = peripheral.text.replace("\u2068", "").replace("\u2069", "")
    assert " -" not in plain and "nan" not in plain
    assert _say("PHRASES", "unranked", lang) in plain
    # with ties, the rank as before
    ranked = netmap.insights(make(memberships=not_chair), lang=lang, permutations=9,
                             central_rank=1)
    text = ranked[ranked.codes.index("public_peripheral")].text
    assert _say("PHRASES", "ranked", lang, rank=ordinal(2, lang)) in text


def test_balanced_means_one_thing():
    from netmap.structure.bodies import DOMINANCE

    m = netmap.datasets.load_2x5()
    balance = netmap.body_balance(m)
    assert DOMINANCE == 0.5
    assert not balance.loc["wt_teacher_training", "balanced"]  # 5 of 7 core seats: third
    assert balance.loc["wt_teacher_training", "core_share"] == pytest.approx(5 / 7)
    assert balance.loc["wt_student_motivation", "balanced"]
    assert not balance.loc["business_coalition", "balanced"]
    assert balance["balanced"].equals(~balance["dominated"] & balance["balanced"])
