"""Who answered a roster survey, and how much the unanswered reports matter.

:func:`netmap.response_rates` shows the response rate by sector, since a sector
that did not answer looks less connected in every measure;
:func:`netmap.survey_sensitivity` shows how the E-I index, the mixing shares and
the broker ranking move under the usual choices for ties only one side
reported. Both take a map read by :func:`netmap.from_survey`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from netmap.model._params import check_int
from netmap.model._validation import Validated
from netmap.model._warnings import collect, warn
from netmap.model.exceptions import DataWarning, MeasureError

if TYPE_CHECKING:
    from netmap.model.stakeholder_map import StakeholderMap

__all__ = ["response_rates", "survey_sensitivity", "SurveySensitivity"]


def _survey_columns(m) -> tuple[str, str]:
    if "responded" not in m.actors.columns:
        raise MeasureError("the map has no 'responded' column of the actors: build it "
                           "with netmap.from_survey, or add a true/false column")
    confirm = "reciprocated" if m.directed else "confirmed"
    for column in (confirm, "confirmable"):
        if column not in m.ties.columns:
            raise MeasureError(f"the ties have no '{column}' column: build the map with "
                               "netmap.from_survey")
    return confirm, "confirmable"


def response_rates(m: StakeholderMap, *, by: str = "sector") -> pd.DataFrame:
    """How many of each group's organisations answered the survey.

    Parameters
    ----------
    m : StakeholderMap
        A map from :func:`from_survey` (actors with a ``responded``
        column).
    by : str, default "sector"
        ``"sector"``, ``"core"`` or any actor column.

    Returns
    -------
    pandas.DataFrame
        One row per group, then ``all``. Columns: ``actors``,
        ``responded``, ``response_rate`` (responded / actors), ``ties``
        (ties with an end in the group) and ``confirmed_share`` (the share
        of those ties that both sides reported; NaN without ties).

    Raises
    ------
    netmap.MeasureError
        When the map has no ``responded`` column.

    Examples
    --------
    >>> import pandas as pd, netmap
    >>> actors = pd.DataFrame({"id": ["a", "b", "c"], "sector": ["public", "third", "third"]})
    >>> answers = pd.DataFrame({"respondent": ["a", "b"], "partner": ["b", "c"]})
    >>> response_rates(netmap.from_survey(answers, actors))["response_rate"].tolist()
    [1.0, 0.5, 0.6666666666666666]
    """
    from netmap.model._groups import group_codes

    groups = group_codes(m, by)
    confirm, _ = _survey_columns(m)
    answered = m.actors["responded"].astype(bool).to_numpy()
    n = groups.n_groups
    codes = groups.codes
    actors = np.bincount(codes[codes >= 0], minlength=n).astype(np.int64)
    responded = np.bincount(codes[(codes >= 0) & answered], minlength=n).astype(np.int64)
    a = m.arrays
    cs, ct = codes[a.source], codes[a.target]
    confirmed = m.ties[confirm].astype(bool).to_numpy()
    ties = np.zeros(n, dtype=np.int64)
    conf = np.zeros(n, dtype=np.int64)
    for g in range(n):
        touch = (cs == g) | (ct == g)
        ties[g] = int(touch.sum())
        conf[g] = int((touch & confirmed).sum())
    labels = [*map(str, groups.labels), "all"]
    total_ties = len(m.ties)
    with np.errstate(invalid="ignore", divide="ignore"):
        out = pd.DataFrame({
            "actors": [*actors, len(codes)],
            "responded": [*responded, int(answered.sum())],
            "ties": [*ties, total_ties],
            "confirmed_share": [*(conf / np.where(ties > 0, ties, np.nan)),
                                confirmed.sum() / total_ties if total_ties else np.nan],
        }, index=pd.Index(labels, name=by))
    out.insert(2, "response_rate", out["responded"] / out["actors"].where(
        out["actors"] > 0))
    return out


@dataclass(frozen=True)
class SurveySensitivity:
    """How the measures move under the three choices for unconfirmed ties.

    Attributes
    ----------
    summary : pandas.DataFrame
        One row per rule (``either``: every reported tie; ``both``: ties
        both sides reported; ``respondents``: ties between two respondents).
        Columns: ``ties``, ``ei`` (network E-I), ``cross_share`` (share of
        ties between two groups), ``broker_rank_corr`` (Spearman
        correlation of the actors' cross-group brokerage with the
        ``either`` rule; NaN when one side is constant) and ``top_kept``
        (share of the ``either`` rule's top brokers still among the top).
    mixing : pandas.DataFrame
        Share of ties in each pair of groups (rows: pairs ``group_a``,
        ``group_b``; columns: the rules). Undirected: each unordered pair
        once.
    brokers : pandas.DataFrame
        The rank of every actor as a cross-group broker (:func:`netmap.brokers`)
        under each rule, indexed by actor id, in the order of the
        ``either`` rule.
    """

    summary: pd.DataFrame
    mixing: pd.DataFrame
    brokers: pd.DataFrame


def _with_ties(m, keep: np.ndarray):
    ties = m._ties[keep].reset_index(drop=True)
    ties.index.name = "tie"
    validated = Validated(m._actors, ties, m._memberships, m._bodies, m._activities,
                          m.waves, [])
    return type(m)._from_validated(validated, directed=m.directed, taxonomy=m.taxonomy,
                                   name=m.name, date=m.date)


def _spearman(a: np.ndarray, b: np.ndarray) -> float:
    if len(a) < 2 or np.ptp(a) == 0 or np.ptp(b) == 0:
        return float("nan")
    from scipy.stats import spearmanr

    return float(spearmanr(a, b).statistic)


def survey_sensitivity(m: StakeholderMap, *, by: str = "sector",
                       top: int = 10) -> SurveySensitivity:
    """The E-I index, mixing shares and broker ranking under each rule for unconfirmed ties.

    Survey ties that only one side reported are the usual weak point of a
    network survey. The three usual choices are to keep every reported tie
    (``either``), only ties both sides reported (``both``: in a directed
    map, reciprocated ones), or only ties between organisations that both
    answered (``respondents``), which treats non-respondents alike on both
    sides. A finding that holds under all three is robust to the choice.

    Parameters
    ----------
    m : StakeholderMap
        A map from :func:`from_survey`.
    by : str, default "sector"
        The groups of the E-I index, the mixing and the brokerage roles.
    top : int, default 10
        How many top brokers ``top_kept`` compares.

    Returns
    -------
    SurveySensitivity

    Raises
    ------
    netmap.MeasureError
        When the map does not come from a survey.

    Examples
    --------
    >>> import pandas as pd, netmap
    >>> actors = pd.DataFrame({"id": list("abcd"),
    ...                        "sector": ["public", "third", "third", "business"]})
    >>> answers = pd.DataFrame({"respondent": list("abbc"), "partner": list("bacd")})
    >>> s = survey_sensitivity(netmap.from_survey(answers, actors))
    >>> s.summary["ties"].tolist()
    [3, 1, 2]
    """
    from netmap.measures.ei import ei_index
    from netmap.measures.mixing import mixing_matrix
    from netmap.structure.brokers import brokers

    m.groups(by=by)  # a bad by fails here, before the survey columns are looked for
    check_int("top", top, minimum=1)
    confirm, confirmable = _survey_columns(m)
    masks = {"either": np.ones(m.n_ties, dtype=bool),
             "both": m.ties[confirm].astype(bool).to_numpy(),
             "respondents": m.ties[confirmable].astype(bool).to_numpy()}
    rows, mixes, ranks, scores = {}, {}, {}, {}
    for rule, keep in masks.items():
        sub = _with_ties(m, keep)
        with collect() as caught:  # ties without a group are the sub-maps', not news
            ei = ei_index(sub, by=by)
            mix = mixing_matrix(sub, by=by, normalized=True) if sub.n_ties else None
        for w in caught:
            if not isinstance(w, DataWarning):
                warn(str(w), type(w), stacklevel=2)
        table = brokers(sub, by=by)
        ranks[rule] = table["rank"]
        scores[rule] = table["cross_brokerage"]
        labels = mixing_matrix(m, by=by).index
        if mix is None:
            mix = pd.DataFrame(0.0, index=labels, columns=labels)
        mix = mix.reindex(index=labels, columns=labels, fill_value=0.0)
        pairs = {}
        for i, a in enumerate(labels):
            for j, b in enumerate(labels):
                if m.directed or j >= i:
                    pairs[(a, b)] = float(mix.iloc[i, j])
        mixes[rule] = pairs
        cross = sum(v for (a, b), v in pairs.items() if a != b)
        rows[rule] = {"ties": int(keep.sum()), "ei": float(ei["ei"].iloc[0]),
                      "cross_share": cross if keep.any() else float("nan")}
    base = scores["either"]
    top_either = set(ranks["either"][ranks["either"] <= top].index)
    for rule in masks:
        s = scores[rule].reindex(base.index)
        rows[rule]["broker_rank_corr"] = _spearman(base.to_numpy(float), s.to_numpy(float))
        top_rule = set(ranks[rule][ranks[rule] <= top].index)
        rows[rule]["top_kept"] = (len(top_either & top_rule) / len(top_either)
                                  if top_either else float("nan"))
    summary = pd.DataFrame.from_dict(rows, orient="index")
    summary.index.name = "rule"
    summary["ties"] = summary["ties"].astype(np.int64)
    mixing = pd.DataFrame(mixes)
    mixing.index = mixing.index.set_names(["group_a", "group_b"])
    order = ranks["either"].sort_values(kind="stable").index
    brokers_table = pd.DataFrame({rule: ranks[rule].reindex(order) for rule in masks})
    brokers_table.index.name = "id"
    return SurveySensitivity(summary, mixing, brokers_table)
