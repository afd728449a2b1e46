"""Partner surveys: ties from answers, confirmation, response rates, sensitivity."""

import warnings

import numpy as np
import pandas as pd
import pytest

import netmap
from netmap import MeasureError, UnknownActorError, ValidationError

ACTORS = pd.DataFrame({"id": ["a", "b", "c", "d"],
                       "name": ["משרד החינוך", "Amuta", "Amuta Two", "Intel"],
                       "sector": ["public", "third", "third", "business"]})


def answers(**extra):
    frame = pd.DataFrame({"respondent": ["a", "b", "b", "c"],
                          "partner": ["b", "a", "c", "d"]})
    return frame.assign(**extra)


def test_undirected_ties_say_who_reported_them():
    m = netmap.from_survey(answers(trust=[4, 5, 3, None], type=[
        "partnership", "partnership", "information", "funding"]), ACTORS)
    ties = m.ties.set_index(["source", "target"])
    assert list(ties.index) == [("a", "b"), ("b", "c"), ("c", "d")]
    assert ties["reports"].tolist() == [2, 1, 1]
    assert ties["confirmed"].tolist() == [True, False, False]
    # c answered the survey (about d), d did not
    assert ties["confirmable"].tolist() == [True, True, False]
    assert ties["trust"].tolist()[:2] == [4.5, 3.0] and np.isnan(ties["trust"].iloc[2])
    assert ties["trust_source"].tolist()[:2] == [4.0, 3.0]
    assert ties.loc[("a", "b"), "trust_target"] == 5.0
    assert pd.isna(ties.loc[("b", "c"), "trust_target"])
    assert ties["type"].tolist() == ["partnership", "information", "funding"]
    assert m.actors["responded"].tolist() == [True, True, True, False]


def test_directed_ties_and_reciprocity():
    m = netmap.from_survey(answers(), ACTORS, directed=True)
    assert m.directed and m.n_ties == 4
    assert m.ties["reciprocated"].tolist() == [True, True, False, False]
    assert m.ties["confirmable"].tolist() == [True, True, True, False]


def test_names_tie_flags_and_respondents_without_partners():
    frame = pd.DataFrame({"respondent": ["משרד החינוך", "amuta", "Amuta", "Intel"],
                          "partner": ["Amuta", "משרד החינוך", "Intel", None],
                          "tie": ["כן", "no", "yes", None]})
    m = netmap.from_survey(frame, ACTORS, respondents=["Amuta Two"])
    assert m.ties[["source", "target"]].to_numpy().tolist() == [["a", "b"], ["b", "d"]]
    assert m.actors["responded"].tolist() == [True, True, True, True]
    assert m.ties["confirmed"].tolist() == [False, False]
    assert m.ties["confirmable"].tolist() == [True, True]


def test_type_disagreement_is_kept_and_warned():
    frame = answers(type=["partnership", "funding", None, None])
    with pytest.warns(netmap.DataWarning, match="different tie types"):
        m = netmap.from_survey(frame, ACTORS)
    row = m.ties.iloc[0]
    assert pd.isna(row["type"])
    assert (row["type_source"], row["type_target"]) == ("partnership", "funding")


def test_wide_roster():
    wide = pd.DataFrame({"respondent": ["a", "b", "c"],
                         "Amuta": [1, None, 0], "משרד החינוך": [None, "yes", None],
                         "c": [None, 3, None], "Intel": [None, None, "funding"]})
    m = netmap.from_survey(wide, ACTORS, layout="wide")
    ties = m.ties.set_index(["source", "target"])
    assert list(ties.index) == [("a", "b"), ("b", "c"), ("c", "d")]
    assert ties["confirmed"].tolist() == [True, False, False]
    assert ties.loc[("b", "c"), "rating"] == 3.0
    assert ties.loc[("c", "d"), "type"] == "funding"


def test_unknown_organisation_names_row_column_and_suggests(tmp_path):
    path = tmp_path / "answers.csv"
    path.write_text("respondent,partner,trust\na,Amuta,4\nb,Amutta Too,3\nzz,a,2\n",
                    encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        netmap.from_survey(path, ACTORS)
    first, second = info.value.errors
    assert isinstance(first, UnknownActorError)
    assert (first.file, first.row, first.column) == (str(path), 4, "respondent")
    assert (second.row, second.column) == (3, "partner")
    assert "did you mean 'amuta two'" in str(second).lower()
    with pytest.raises(ValidationError) as info:
        netmap.from_survey(pd.DataFrame({"respondent": ["a"], "partner": ["nobody"]}),
                           ACTORS)
    (err,) = info.value.errors
    assert (err.table, err.row, err.column) == ("survey", 0, "partner")
    assert "survey table, row 0, column 'partner'" in str(err)


def test_an_unknown_layout_is_a_parameter_error():
    answers = pd.DataFrame({"respondent": ["a"], "partner": ["b"]})
    with pytest.raises(netmap.ParameterError, match="layout") as info:
        netmap.from_survey(answers, ACTORS, layout="tall")
    assert info.value.value == "tall"


def test_wide_roster_with_an_unknown_column():
    wide = pd.DataFrame({"respondent": ["a"], "Amutta": [1]})
    with pytest.raises(ValidationError, match="Amuta"):
        netmap.from_survey(wide, ACTORS, layout="wide")


def test_bad_answers_are_collected():
    frame = pd.DataFrame({"respondent": ["a", "b"], "partner": ["b", "c"],
                          "tie": ["maybe", "yes"], "trust": ["high", 3]})
    with pytest.raises(ValidationError) as info:
        netmap.from_survey(frame, ACTORS)
    messages = [str(e) for e in info.value.errors]
    assert any("neither yes nor no" in s for s in messages)
    assert any("'high' is not a number" in s for s in messages)
    with pytest.raises(ValidationError, match="twice"):
        netmap.from_survey(pd.DataFrame({"respondent": ["a", "a"],
                                         "partner": ["b", "Amuta"]}), ACTORS)
    with pytest.raises(ValidationError, match="no 'partner' column"):
        netmap.from_survey(pd.DataFrame({"respondent": ["a"], "alter": ["b"]}), ACTORS)


def test_self_ratings_and_unread_columns_are_noted():
    frame = pd.DataFrame({"respondent": ["a", "a"], "partner": ["a", "b"],
                          "trust": [5, 4], "comment": ["me", "ok"]})
    m = netmap.from_survey(frame, ACTORS, ratings=["trust"])
    assert m.n_ties == 1
    codes = set(m.issues["code"])
    assert {"survey-self-rating", "survey-column-not-read"} <= codes


def test_actors_from_a_map_keep_memberships():
    sample = netmap.datasets.load_2x5()
    frame = pd.DataFrame({"respondent": ["moe", "sheatufim"],
                          "partner": ["sheatufim", "moe"]})
    m = netmap.from_survey(frame, sample)
    assert m.n_actors == sample.n_actors and m.n_ties == 1
    assert len(m.memberships) == len(sample.memberships)
    assert m.actors["responded"].sum() == 2


def test_response_rates_by_hand():
    m = netmap.from_survey(answers(), ACTORS)
    rates = netmap.response_rates(m)
    assert rates.index.tolist() == ["public", "business", "third", "all"]
    assert rates["actors"].tolist() == [1, 1, 2, 4]
    assert rates["responded"].tolist() == [1, 0, 2, 3]
    assert rates["response_rate"].tolist() == [1.0, 0.0, 1.0, 0.75]
    # ties a-b (confirmed), b-c, c-d
    assert rates["ties"].tolist() == [1, 1, 3, 3]
    assert rates["confirmed_share"].tolist() == [1.0, 0.0, 1 / 3, 1 / 3]


def test_sensitivity_by_hand():
    m = netmap.from_survey(answers(), ACTORS)
    s = netmap.survey_sensitivity(m)
    summary = s.summary
    assert summary.index.tolist() == ["either", "both", "respondents"]
    assert summary["ties"].tolist() == [3, 1, 2]
    # either: a-b, c-d cross, b-c within; both: a-b; respondents: a-b, b-c
    assert summary["ei"].tolist() == pytest.approx([1 / 3, 1.0, 0.0])
    assert summary["cross_share"].tolist() == pytest.approx([2 / 3, 1.0, 0.5])
    assert s.mixing.loc[("public", "third"), "either"] == pytest.approx(1 / 3)
    assert s.mixing.loc[("third", "third"), "respondents"] == pytest.approx(0.5)
    assert s.mixing.loc[("business", "third"), "both"] == 0.0
    assert summary.loc["either", "broker_rank_corr"] == pytest.approx(1.0)
    assert summary.loc["either", "top_kept"] == 1.0
    assert list(s.brokers.columns) == ["either", "both", "respondents"]
    expected = netmap.brokers(m)["rank"]
    pd.testing.assert_series_equal(s.brokers["either"], expected.reindex(s.brokers.index),
                                   check_names=False)


def test_sensitivity_on_a_larger_survey_is_consistent():
    sample = netmap.datasets.load_2x5()
    rng = np.random.default_rng(3)
    ties = sample.ties
    answered = set(rng.choice(sample.actors.index, size=60, replace=False))
    rows = []
    for s, t in zip(ties["source"], ties["target"], strict=True):
        for r, p in ((s, t), (t, s)):
            if r in answered and rng.random() < 0.8:
                rows.append((r, p))
    frame = pd.DataFrame(rows, columns=["respondent", "partner"]).drop_duplicates()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", netmap.DataWarning)
        m = netmap.from_survey(frame, sample.actors.reset_index().drop(columns=["core"]))
        s = netmap.survey_sensitivity(m)
    assert s.summary.loc["both", "ties"] <= s.summary.loc["respondents", "ties"] <= \
        s.summary.loc["either", "ties"]
    for rule in s.mixing.columns:
        assert s.mixing[rule].sum() == pytest.approx(1.0)
    assert -1 <= s.summary["broker_rank_corr"].min() <= 1


def test_measures_need_a_survey_map():
    with pytest.raises(MeasureError, match="from_survey"):
        netmap.response_rates(netmap.datasets.load_2x5())
    with pytest.raises(MeasureError, match="from_survey"):
        netmap.survey_sensitivity(netmap.datasets.load_2x5())


def test_answers_from_a_workbook_and_a_wide_csv(tmp_path):
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "answers"
    for row in [["respondent", "partner", "trust"], ["Amuta", "Intel", 4],
                ["Intel", "Amuta", "high"]]:
        ws.append(row)
    wb.save(tmp_path / "answers.xlsx")
    with pytest.raises(ValidationError) as info:
        netmap.from_survey(tmp_path / "answers.xlsx", ACTORS)
    (err,) = info.value.errors
    assert (err.sheet, err.row, err.column) == ("answers", 3, "trust")
    (tmp_path / "wide.csv").write_text("respondent,Amuta,Intel\na,yes,\nb,,2\n",
                                       encoding="utf-8")
    m = netmap.from_survey(tmp_path / "wide.csv", ACTORS, layout="wide")
    assert m.ties[["source", "target"]].to_numpy().tolist() == [["a", "b"], ["b", "d"]]
    assert pd.isna(m.ties["rating"].iloc[0]) and m.ties["rating"].iloc[1] == 2


@pytest.mark.parametrize(("name", "encoding"), [("משרד החינוך", "cp1255"), ("à", "latin-1")])
def test_answers_in_a_legacy_encoding(tmp_path, name, encoding):
    actors = pd.DataFrame({"id": ["a", "b"], "name": [name, "Amuta"],
                           "sector": ["public", "third"]})
    path = tmp_path / "answers.csv"
    path.write_bytes(f"respondent,partner\n{name},Amuta\n".encode(encoding))
    m = netmap.from_survey(path, actors, encoding=encoding)
    assert m.ties[["source", "target"]].to_numpy().tolist() == [["a", "b"]]
    if encoding == "latin-1":  # "à" is also alef in Windows-1255: refused unless told
        with pytest.raises(netmap.FileFormatError, match="cannot tell") as info:
            netmap.from_survey(path, actors)
        assert info.value.file == str(path)
    with pytest.raises(netmap.FileFormatError, match="not valid utf-8") as info:
        netmap.from_survey(path, actors, encoding="utf-8")
    assert info.value.row == 2


def test_survey_encoding_is_checked_and_only_for_csv(tmp_path):
    with pytest.raises(netmap.ParameterError, match="encoding.*klingon"):
        netmap.from_survey(tmp_path / "answers.csv", ACTORS, encoding="klingon")
    with pytest.raises(netmap.ParameterError, match="encoding") as info:
        netmap.from_survey(answers(), ACTORS, encoding="cp1255")
    assert "CSV" in str(info.value)
