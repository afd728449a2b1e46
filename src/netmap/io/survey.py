"""Roster-style partner surveys: ties from answers, who answered, and how much it matters.

In a roster survey each responding organisation goes down the list of
the initiative's organisations and says, for each, whether they work
together, how (the tie type), and ratings such as trust or value.
:func:`netmap.from_survey` turns the answers into a map whose ties record who
reported them (the response rates and the sensitivity of the measures to
one-sided reports are in :mod:`netmap.structure.survey`).

Two layouts of the answers are read (``docs/exchange.md``):

- long: one row per answer, with a ``respondent`` and a ``partner``
  column (ids or names of organisations in the actors table), optionally
  a ``tie`` column (yes / no), a ``type`` column and rating columns
  (numbers). A respondent that names no partner can be given a row with
  an empty partner, or be named in ``respondents=``.
- wide: one row per respondent, its first column the respondent, then one
  column per organisation (id or name in the header); a cell is empty, 0
  or no (no tie), yes, 1 or another number (a tie; a number other than 1
  is kept as the rating ``rating``), or other text (a tie of that type).
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from netmap.io._exchange import issue_record
from netmap.model._labels import label_key
from netmap.model._params import check_choice, check_encoding
from netmap.model._raw import RawTable, cell_text, table_from_frame, table_from_rows
from netmap.model._validation import Validated, in_index, validate_tables
from netmap.model.arrays import or_none
from netmap.model.exceptions import (
    FileFormatError,
    InputError,
    InvalidValueError,
    MissingColumnError,
    ParameterError,
    UnknownActorError,
    ValidationError,
)

if TYPE_CHECKING:
    from netmap.model.sectors import SectorTaxonomy
    from netmap.model.stakeholder_map import StakeholderMap

__all__ = ["from_survey", "RULES"]

#: The choices for ties one side reported, in the order of the tables.
RULES = ("either", "both", "respondents")

#: The suffixes of CSV files of answers.
_CSV = (".csv", ".tsv", ".txt")

_YES = {label_key(x) for x in ("yes", "y", "true", "1", "x", "v", "✓", "כן", "نعم")}
_NO = {label_key(x) for x in ("no", "n", "false", "0", "לא", "لا")}


# -- reading the answers ---------------------------------------------------------
def _raw_responses(responses, encoding: str | None) -> RawTable:
    check_encoding("encoding", encoding, allow_none=True)
    path = None if isinstance(responses, pd.DataFrame) else Path(responses)
    if encoding is not None and (path is None or path.suffix.lower() not in _CSV):
        raise ParameterError("encoding", encoding, "None for a workbook or a DataFrame",
                             "encoding= is for a CSV file of answers; a workbook or a "
                             "DataFrame holds text already decoded")
    if path is None:
        raw = table_from_frame("ties", responses)
        raw.table = "survey"
        return raw
    file = os.fspath(path)
    rows: Sequence[tuple[int, Sequence[object]]]
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        from netmap.io.excel import _load, _sheet_rows

        wb = _load(path)
        try:
            ws = wb.worksheets[0]
            rows, sheet = _sheet_rows(ws), ws.title
        finally:
            wb.close()
    elif path.suffix.lower() in _CSV:
        from netmap.io.csv import _csv_rows

        rows, sheet = _csv_rows(path, encoding=encoding), None
    else:
        raise FileFormatError("cannot read survey answers from this file", file=file,
                              suggestion="give a CSV file, an .xlsx workbook (first "
                                         "sheet) or a DataFrame")
    raw = table_from_rows("ties", rows, file=file, sheet=sheet, unquote=True)
    raw.table = "survey"
    return raw


class _Resolver:
    """Finds the actor an answer names, by id or by name."""

    def __init__(self, actors: pd.DataFrame) -> None:
        self.ids = pd.Index(actors.index.astype(str))
        self.names: dict[str, str | None] = {}
        self.keys: dict[str, str | None] = {}
        if "name" in actors:
            for ident, name in actors["name"].dropna().astype(str).items():
                for table, k in ((self.names, name), (self.keys, label_key(name))):
                    table[k] = ident if k not in table else None  # None: ambiguous

    def find(self, value: str) -> tuple[str | None, str | None]:
        """The actor id, or None and what to suggest."""
        if value in self.ids:
            return value, None
        for table, k in ((self.names, value), (self.keys, label_key(value))):
            if k in table:
                if table[k] is None:
                    return None, (f"two actors are named '{value}': write the id of "
                                  "the one meant")
                return table[k], None
        choices = [*self.ids, *self.names]
        near = difflib.get_close_matches(value, choices, n=3)
        if near:
            return None, "did you mean " + " or ".join(f"'{n}'" for n in near) + "?"
        return None, "add the organisation to the actors table, or correct the name"


def _resolve(raw: RawTable, df: pd.DataFrame, column: str, resolver: _Resolver,
             errors: list, optional: bool = False) -> pd.Series:
    values = df[column]
    out = pd.Series([None] * len(values), index=values.index, dtype=object)
    for value, idx in values.dropna().groupby(values.dropna(), sort=False).groups.items():
        ident, hint = resolver.find(str(value))
        if ident is not None:
            out[idx] = ident
            continue
        rows = raw.rows[values.index.get_indexer(idx)]
        more = f" (rows {', '.join(map(str, rows[:8]))})" if len(rows) > 1 else ""
        errors.append(raw.error(UnknownActorError,
                                f"{column} '{value}' is not an organisation of the "
                                f"actors table{more}", row=rows[0], column=column,
                                suggestion=hint, value=value))
    if not optional and values.isna().any():
        rows = raw.rows[values.isna().to_numpy()]
        errors.append(raw.error(InvalidValueError, f"the {column} is empty", row=rows[0],
                                column=column, suggestion=f"name the {column}, or "
                                "delete the row"))
    return out


def _flags(raw, df, column, errors) -> pd.Series:
    out = pd.Series(True, index=df.index)
    for value, idx in df[column].dropna().groupby(df[column].dropna(),
                                                  sort=False).groups.items():
        key = label_key(str(cell_text(value)))
        if key in _YES:
            continue
        if key in _NO:
            out[idx] = False
            continue
        row = raw.rows[df.index.get_indexer(idx)][0]
        errors.append(raw.error(InvalidValueError, f"{column} '{value}' is neither yes nor "
                                "no", row=row, column=column, value=value,
                                suggestion="write yes or no (or 1 or 0)"))
    out[df[column].isna()] = False
    return out


def _numbers(raw, df, column, errors) -> pd.Series:
    values = df[column]
    if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(values):
        return values.astype(float)
    text = values.map(lambda v: None if v is None or (isinstance(v, float) and np.isnan(v))
                      else cell_text(v))
    out = pd.to_numeric(text, errors="coerce").astype(float)
    bad = text.notna() & out.isna()
    if bad.any():
        row = raw.rows[bad.to_numpy()][0]
        value = text[bad].iloc[0]
        errors.append(raw.error(InvalidValueError, f"rating {column} '{value}' is not a "
                                "number", row=row, column=column, value=value,
                                suggestion="write a number, leave it empty, or leave the "
                                           "column out of ratings="))
    return out


def _long_from_wide(raw: RawTable, respondent: str, resolver, errors) -> tuple:
    df = raw.frame
    if respondent not in df.columns:
        respondent = df.columns[0]
    partners = [c for c in df.columns if c != respondent]
    rows = []
    for column in partners:
        ident, hint = resolver.find(str(column))
        if ident is None:
            errors.append(raw.error(UnknownActorError,
                                    f"the column '{column}' names no organisation of the "
                                    "actors table", row=raw.header_row, column=column,
                                    suggestion=hint, value=column))
            continue
        for pos, value in df[column].items():
            text = cell_text(value)
            if text is None or label_key(text) in _NO:
                continue
            record = {"respondent": df.loc[pos, respondent], "partner": ident, "_pos": pos,
                      "_column": column}
            key = label_key(text)
            if key not in _YES:
                try:
                    number = float(text)
                except ValueError:
                    record["type"] = text
                else:
                    if number == 0:
                        continue
                    record["rating"] = number
            rows.append(record)
    answered = df[[respondent]].rename(columns={respondent: "respondent"})
    long = pd.DataFrame(rows, columns=["respondent", "partner", "_pos", "_column", "type",
                                       "rating"])
    return long, answered


def from_survey(
    responses,
    actors,
    *,
    layout: str = "long",
    respondent_field: str = "respondent",
    partner_field: str = "partner",
    tie_field: str = "tie",
    type_field: str = "type",
    ratings=None,
    respondents=(),
    directed: bool = False,
    taxonomy=None,
    name: str | None = None,
    encoding: str | None = None,
) -> StakeholderMap:
    """A map from the answers to a roster-style partner survey.

    Each answer "respondent works with partner" is a report. In an
    undirected map (the default: working together is mutual) the reports
    of a pair become one tie, and the ties say who reported them; in a
    directed map each report is a tie from the respondent to the partner.

    Tie columns, besides ``type`` and the ratings:

    - ``reports`` (undirected): how many of the two named the other, 1 or 2;
    - ``confirmed`` (undirected) or ``reciprocated`` (directed): whether
      both sides reported the tie (the partner also named the respondent);
    - ``confirmable``: whether both ends answered the survey, so that the
      tie could have been confirmed. An unconfirmed but confirmable tie is
      a disagreement; an unconfirmable one lacks the other side's answer.

    In an undirected map the tie's ``source`` is the first of the two to
    report it; each rating ``r`` is the mean of the two sides' ratings,
    and ``r_source`` and ``r_target`` keep each side's own (``trust`` is
    then the map's trust). When the two sides give different types the
    tie's ``type`` is left empty and ``type_source`` and ``type_target``
    keep both (warned).

    Parameters
    ----------
    responses : pandas.DataFrame or path-like
        The answers (a CSV file, or the first sheet of a workbook), laid
        out as ``layout`` says (see :mod:`netmap.io.survey`).
    actors : pandas.DataFrame or StakeholderMap
        The organisations on the roster: an actors table (``id``,
        ``sector``, ``name`` ...) or a map, whose actors, memberships,
        bodies and activities are kept (its ties are not). Answers may
        name an organisation by id or by name.
    layout : {"long", "wide"}
        One row per answer, or one row per respondent.
    respondent_field, partner_field, tie_field, type_field : str
        The columns of the long layout (the tie and type columns are used
        when present); ``respondent_field`` is also the respondent column
        of the wide layout (else its first column).
    ratings : list of str, optional
        The rating columns (numbers) of the long layout. Default: every
        other column. Columns left out are not read (noted in the map's
        ``issues``).
    respondents : sequence, optional
        Organisations that answered but named no partner.
    directed : bool, default False
        Whether a tie runs from the respondent to the partner.
    taxonomy, name
        As for :class:`netmap.StakeholderMap`.
    encoding : str, optional
        The encoding of a CSV file of answers, as for :func:`netmap.read_csv`:
        by default it is found from the bytes, and a file that could be
        read in two ways is refused. Only for a CSV file: a workbook or a
        DataFrame holds text already decoded.

    Returns
    -------
    StakeholderMap
        The actors have a boolean column ``responded``.

    Raises
    ------
    netmap.ValidationError
        With every problem in the answers: an organisation that is not on
        the roster (naming the row and column, with the nearest names), a
        tie answer that is not yes or no, a rating that is not a number,
        the same pair answered twice.
    netmap.ParameterError
        When ``layout`` is neither "long" nor "wide", or ``encoding`` is not
        an encoding Python knows or is given for a workbook or a DataFrame.
    netmap.FileFormatError
        When a CSV file's encoding cannot be told for sure, or its bytes
        are not of the encoding given (naming the file and line).

    Examples
    --------
    >>> import pandas as pd, netmap
    >>> actors = pd.DataFrame({"id": ["moe", "ngo", "intel"], "sector": ["public", "third",
    ...                        "business"], "name": ["Ministry", "Amuta", "Intel"]})
    >>> answers = pd.DataFrame({"respondent": ["Ministry", "Amuta", "Amuta"],
    ...                         "partner": ["Amuta", "Ministry", "Intel"],
    ...                         "trust": [4, 5, 2]})
    >>> m = netmap.from_survey(answers, actors)
    >>> m.ties[["source", "target", "confirmed", "confirmable", "trust"]].to_numpy().tolist()
    [['moe', 'ngo', True, True, 4.5], ['ngo', 'intel', False, False, 2.0]]
    >>> m.actors["responded"].tolist()
    [True, True, False]
    """
    check_choice("layout", layout, ("long", "wide"))
    frame, extra, taxonomy = _roster(actors, taxonomy)
    resolver = _Resolver(frame)
    raw = _raw_responses(responses, encoding)
    errors: list[InputError] = []
    issues: list[dict] = []
    if layout == "wide":
        reports, rating_columns, responded = _wide_reports(raw, respondent_field, resolver,
                                                           errors)
    else:
        reports, rating_columns, responded = _long_reports(
            raw, resolver, errors, issues,
            columns=(respondent_field, partner_field, tie_field, type_field), ratings=ratings)
    for extra_respondent in respondents:
        ident, hint = resolver.find(str(extra_respondent))
        if ident is None:
            errors.append(UnknownActorError(
                f"respondents= names '{extra_respondent}', which is not on the roster",
                suggestion=hint, value=extra_respondent))
        else:
            responded.add(ident)
    if errors:
        raise ValidationError(errors)
    reports = _one_answer_per_pair(reports, raw, partner_field, issues)

    ties = (_directed_ties(reports, responded, rating_columns) if directed
            else _undirected_ties(reports, responded, rating_columns, issues, raw))
    return _survey_map(frame, ties, responded, extra, issues, directed=directed,
                       taxonomy=taxonomy, name=name)


# -- the steps of from_survey ------------------------------------------------------
def _roster(actors, taxonomy) -> tuple[pd.DataFrame, dict, SectorTaxonomy | None]:
    """The roster's actors by id; from a map, also its other tables and taxonomy."""
    from netmap.model.stakeholder_map import StakeholderMap

    extra = {}
    if isinstance(actors, StakeholderMap):
        taxonomy = taxonomy or actors.taxonomy
        frame = actors.actors.drop(columns=["core"])
        extra = {"memberships": actors._memberships, "bodies": actors._bodies,
                 "activities": actors._activities}
    elif isinstance(actors, pd.DataFrame):
        frame = actors.copy()
        if "id" in frame.columns:
            frame = frame.set_index("id")
        frame.index = frame.index.astype(str)
    else:
        raise InvalidValueError("actors must be a DataFrame or a StakeholderMap",
                                suggestion="pass the actors table of the roster")
    if "responded" in frame.columns:
        raise InvalidValueError("the actors already have a 'responded' column",
                                column="responded",
                                suggestion="rename it; from_survey fills it in")
    return frame, extra, taxonomy


def _wide_reports(raw: RawTable, respondent: str, resolver: _Resolver, errors: list
                  ) -> tuple[pd.DataFrame, list[str], set[str]]:
    """The reports of the wide layout, the rating columns and who responded."""
    long, answered = _long_from_wide(raw, respondent, resolver, errors)
    who = _resolve(raw, answered, "respondent", resolver, errors)
    if errors:
        raise ValidationError(errors)
    positions = long["_pos"].to_numpy()
    reports = pd.DataFrame({
        "respondent": who.reindex(positions).to_numpy(),
        "partner": long["partner"].to_numpy(), "type": long["type"].to_numpy(),
        "rating": long["rating"].astype(float).to_numpy()})
    reports["_row"] = raw.rows[positions] if len(positions) else []
    rating_columns = ["rating"] if long["rating"].notna().any() else []
    if not rating_columns:
        reports = reports.drop(columns=["rating"])
    return reports, rating_columns, set(who.dropna())


def _rating_columns(raw: RawTable, known: set, ratings, issues: list) -> list[str]:
    """The rating columns: those named, else every other column; notes those not read."""
    others = [c for c in raw.frame.columns if c not in known]
    rating_columns = others if ratings is None else list(ratings)
    missing = [c for c in rating_columns if c not in raw.frame.columns]
    if missing:
        raise ValidationError([raw.error(
            MissingColumnError, f"the answers have no rating column '{missing[0]}'",
            row=raw.header_row, suggestion="correct ratings=, or add the column")])
    left = [c for c in others if c not in rating_columns]
    if left:
        issues.append(issue_record(
            "survey-column-not-read", "columns not read (not in ratings=): "
            + ", ".join(left), severity="note", file=raw.file, sheet=raw.sheet,
            table="survey"))
    return rating_columns


def _long_reports(raw: RawTable, resolver: _Resolver, errors: list, issues: list, *,
                  columns: tuple[str, str, str, str], ratings
                  ) -> tuple[pd.DataFrame, list[str], set[str]]:
    """The reports of the long layout, the rating columns and who responded."""
    respondent, partner, tie, type_ = columns
    df = raw.frame
    for need in (respondent, partner):
        if need not in df.columns:
            found = ", ".join(f"'{c}'" for c in df.columns)
            raise ValidationError([raw.error(
                MissingColumnError, f"the answers have no '{need}' column (columns "
                f"found: {found})", row=raw.header_row,
                suggestion=f"name the column {need!r}, or pass {need}='...'")])
    who = _resolve(raw, df, respondent, resolver, errors)
    whom = _resolve(raw, df, partner, resolver, errors, optional=True)
    present = whom.notna()
    if tie in df.columns:
        present &= _flags(raw, df, tie, errors)
    rating_columns = _rating_columns(raw, set(columns), ratings, issues)
    numbers = {c: _numbers(raw, df, c, errors) for c in rating_columns}
    if errors:
        raise ValidationError(errors)
    keep = present.to_numpy()
    reports = pd.DataFrame({"respondent": who[keep].to_numpy(),
                            "partner": whom[keep].to_numpy()})
    reports["type"] = (df[type_][keep].to_numpy() if type_ in df.columns
                       else [None] * int(keep.sum()))
    for c in rating_columns:
        reports[c] = numbers[c][keep].to_numpy()
    reports["_row"] = raw.rows[keep]
    return reports, rating_columns, set(who.dropna())


def _one_answer_per_pair(reports: pd.DataFrame, raw: RawTable, partner: str,
                         issues: list) -> pd.DataFrame:
    """The reports without self-ratings (noted); a pair answered twice is an error."""
    self_rows = reports["respondent"] == reports["partner"]
    if self_rows.any():
        issues.append(issue_record(
            "survey-self-rating", f"{int(self_rows.sum())} answer(s) where the respondent "
            "rated itself: not read", severity="note", file=raw.file, sheet=raw.sheet,
            table="survey", row=reports.loc[self_rows, "_row"].iloc[0]))
        reports = reports[~self_rows.to_numpy()].reset_index(drop=True)
    twice = reports.duplicated(["respondent", "partner"], keep=False)
    if twice.any():
        first = reports[twice].iloc[0]
        rows = reports.loc[twice & (reports["respondent"] == first["respondent"])
                           & (reports["partner"] == first["partner"]), "_row"].tolist()
        raise ValidationError([raw.error(
            InvalidValueError, f"'{first['respondent']}' answered about "
            f"'{first['partner']}' twice (rows {', '.join(map(str, rows))})", row=rows[1],
            column=partner, suggestion="keep one answer per respondent and partner")])
    return reports


def _survey_map(frame: pd.DataFrame, ties: pd.DataFrame, responded: set[str], extra: dict,
                issues: list, *, directed: bool, taxonomy: SectorTaxonomy | None,
                name: str | None) -> StakeholderMap:
    """The map: the roster with ``responded``, the ties, the roster map's other tables."""
    from netmap.model.stakeholder_map import StakeholderMap

    actors_out = frame.copy()
    actors_out["responded"] = in_index(actors_out.index, pd.Index(list(responded)))
    actors_out = actors_out.reset_index(names="id")
    raws = {"actors": table_from_frame("actors", actors_out),
            "ties": table_from_frame("ties", ties)}
    taxonomy = taxonomy or _default_taxonomy()
    validated = validate_tables(raws, taxonomy=taxonomy, directed=directed)
    validated = Validated(validated.actors, validated.ties, extra.get("memberships"),
                          extra.get("bodies"), extra.get("activities"),
                          validated.waves, [*validated.issues, *issues])
    return StakeholderMap._from_validated(validated, directed=directed, taxonomy=taxonomy,
                                          name=name)


def _default_taxonomy():
    from netmap.model.sectors import default_taxonomy

    return default_taxonomy()


def _directed_ties(reports, responded, ratings) -> pd.DataFrame:
    pairs = set(zip(reports["respondent"], reports["partner"], strict=True))
    out = pd.DataFrame({"source": reports["respondent"], "target": reports["partner"]})
    out["type"] = reports["type"].to_numpy()
    for c in ratings:
        out[c] = reports[c].to_numpy()
    out["reciprocated"] = [(t, s) in pairs for s, t in zip(out["source"], out["target"],
                                                           strict=True)]
    answered = pd.Index(list(responded))
    out["confirmable"] = in_index(out["target"], answered) & in_index(out["source"], answered)
    return out


def _mean_of_answers(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The mean of the two ends' answers where given, NaN where neither answered."""
    answers = np.vstack([a, b])
    given = ~np.isnan(answers)
    count = given.sum(axis=0)
    total = np.where(given, answers, 0.0).sum(axis=0)
    return np.divide(total, count, out=np.full(len(a), np.nan), where=count > 0)


def _undirected_ties(reports, responded, ratings, issues, raw) -> pd.DataFrame:
    if reports.empty:
        return pd.DataFrame({"source": [], "target": [], "type": [], "reports": [],
                             "confirmed": [], "confirmable": []}, dtype=object)
    r = reports["respondent"].to_numpy(dtype=object)
    p = reports["partner"].to_numpy(dtype=object)
    lo, hi = np.where(r < p, r, p), np.where(r < p, p, r)
    reports = reports.assign(_lo=lo, _hi=hi, _order=np.arange(len(reports)))
    first = reports.drop_duplicates(["_lo", "_hi"], keep="first").set_index(["_lo", "_hi"])
    second = reports[reports.duplicated(["_lo", "_hi"], keep="first")].set_index(
        ["_lo", "_hi"]).reindex(first.index)
    out = pd.DataFrame({"source": first["respondent"].to_numpy(),
                        "target": first["partner"].to_numpy()})
    t1 = first["type"].to_numpy(dtype=object)
    t2 = second["type"].to_numpy(dtype=object)
    has1 = pd.notna(t1)
    has2 = pd.notna(t2)
    agree = ~(has1 & has2) | (t1 == t2)
    out["type"] = or_none(agree, np.where(has1, t1, t2))
    if not agree.all():
        out["type_source"] = or_none(~agree, t1)
        out["type_target"] = or_none(~agree, t2)
        issues.append(issue_record(
            "survey-type-disagreement", f"{int((~agree).sum())} pair(s) report different "
            "tie types: type left empty, both kept in type_source and type_target",
            file=raw.file, sheet=raw.sheet, table="survey"))
    both = second["respondent"].notna().to_numpy()
    out["reports"] = np.where(both, 2, 1)
    out["confirmed"] = both
    answered = pd.Index(list(responded))
    out["confirmable"] = in_index(out["source"], answered) & in_index(out["target"], answered)
    for c in ratings:
        a = first[c].to_numpy(dtype=float)
        b = second[c].to_numpy(dtype=float)
        out[c] = _mean_of_answers(a, b)
        out[f"{c}_source"] = a
        out[f"{c}_target"] = b
    return out
