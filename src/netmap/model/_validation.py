"""Checks that turn raw input tables into the validated tables of a map.

Everything is checked before anything fails, so that one reading reports
every problem. Work is done per column and per distinct value, never per
row in Python, so registries of tens of thousands of actors read quickly.
"""

from __future__ import annotations

import difflib
import math
import os
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import cast

import numpy as np
import pandas as pd

from netmap.model._labels import INVISIBLE, label_key
from netmap.model._raw import RawTable, cell_text, clean_cells
from netmap.model.exceptions import (
    DuplicateIdError,
    InconsistentActorError,
    InputError,
    InvalidValueError,
    MissingColumnError,
    UnknownActorError,
    UnknownBodyError,
    UnknownLabelError,
    UnknownSectorError,
    ValidationError,
    WaveError,
)
from netmap.model.schema import TABLES
from netmap.model.sectors import SectorTaxonomy
from netmap.model.vocabulary import (
    _TIE_CLASS_OF,
    BODY_KINDS,
    LEVELS,
    ROLES,
    SCOPES,
    TIE_CLASSES,
    TIE_TYPES,
    Vocabulary,
)

__all__ = ["Validated", "validate_tables", "ISSUE_COLUMNS", "DERIVED_COLUMNS"]

ISSUE_COLUMNS = ["severity", "code", "file", "sheet", "table", "row", "column",
                 "value", "message"]

#: Columns the map computes; given in the input, they must agree with it.
DERIVED_COLUMNS = {"actors": ("core",), "ties": ("tie_class",)}

#: At most this many row numbers are spelled out in one message.
MAX_ROWS_LISTED = 8

_NUMBER = re.compile(r"[+-]?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")
_INTEGER = re.compile(r"[+-]?(?:0|[1-9][0-9]*)")
#: Infinite numbers as the writers write them (and Python, pandas and JSON tools).
_INFINITY = re.compile(r"[+-]?inf(?:inity)?", re.IGNORECASE)
_ISO_DATE = re.compile(r"\d{4}-\d{2}(?:-\d{2})?(?:[ T]\d{2}:\d{2}(?::\d{2})?)?")
_VOCABULARIES: dict[str, Vocabulary] = {
    "level": LEVELS,
    "scope": SCOPES,
    "tie_type": TIE_TYPES,
    "role": ROLES,
    "body_kind": BODY_KINDS,
}


@dataclass
class Validated:
    """The validated tables, the wave order and what was reported."""

    actors: pd.DataFrame
    ties: pd.DataFrame
    memberships: pd.DataFrame | None
    bodies: pd.DataFrame | None
    activities: pd.DataFrame | None
    waves: tuple
    issues: list[dict] = field(default_factory=list)
    #: Each tie's source and target as positions among the actors (the rows
    #: of ``actors``), when the validation found them: the map's arrays
    #: (:class:`netmap.model.arrays.MapArrays`) start from them instead of
    #: looking every id up again.
    ends: tuple[np.ndarray, np.ndarray] | None = None


def _rows_text(rows) -> str:
    rows = [r.item() if isinstance(r, np.generic) else r for r in rows]
    shown = ", ".join(str(r) for r in rows[:MAX_ROWS_LISTED])
    more = len(rows) - MAX_ROWS_LISTED
    word = "row" if len(rows) == 1 else "rows"
    return f"{word} {shown}" + (f" and {more} more" if more > 0 else "")


class _Checker:
    """Collects errors and issues while the tables are checked."""

    def __init__(self, taxonomy: SectorTaxonomy, directed: bool) -> None:
        self.taxonomy = taxonomy
        self.directed = directed
        self.errors: list[InputError] = []
        self.issues: list[dict] = []
        #: Each reference column's values as positions among the ids it names
        #: (-1: missing or unknown), by (table, column).
        self.positions: dict[tuple[str, str], np.ndarray] = {}
        #: A vocabulary, wave or (text) number column's codes among its
        #: distinct values (-1: missing) and the value each code stands for
        #: (the last: for missing cells), so that ``values[codes]`` is the
        #: column, by (table, column): one shape whatever the source (see
        #: :meth:`distinct`). A column of numbers (a DataFrame's) is read
        #: as it is, without codes.
        self.coded: dict[tuple[str, str], tuple[np.ndarray, np.ndarray]] = {}
        #: How many distinct actor ids the references were looked up among.
        self.known_actors: int | None = None

    # -- reporting -------------------------------------------------------
    def error(self, raw: RawTable, cls, problem, **kw) -> None:
        self.errors.append(raw.error(cls, problem, **kw))

    def issue(self, raw: RawTable, code: str, message: str, *, rows=None,
              column=None, value=None, severity: str = "warning") -> None:
        err = raw.error(InputError, message, row=None if rows is None or not len(rows)
                        else rows[0], column=column, value=value)
        record = err.to_record()
        record.update(severity=severity, code=code)
        if rows is not None and len(rows) > 1:
            record["message"] = f"{err.location}: {message} ({_rows_text(list(rows))})"
        self.issues.append(record)

    # -- columns ---------------------------------------------------------
    def map_columns(self, raw: RawTable) -> pd.DataFrame | None:
        """Rename known headers to canonical names; None if required ones miss."""
        schema = TABLES[raw.table]
        index = schema.header_index()
        rename: dict[str, str] = {}
        seen: dict[str, str] = {}
        ok = True
        for header in raw.frame.columns:
            canonical = index.get(label_key(header))
            if canonical is None:
                continue
            if canonical in seen:
                self.error(raw, InputError,
                           f"columns '{seen[canonical]}' and '{header}' both name "
                           f"'{canonical}'", row=raw.header_row, column=header,
                           suggestion="keep one of them, or rename the other")
                ok = False
                continue
            seen[canonical] = header
            rename[header] = canonical
        for derived in DERIVED_COLUMNS.get(raw.table, ()):
            for header in raw.frame.columns:
                if label_key(header) == label_key(derived) and header not in rename:
                    rename[header] = derived
        missing = [c for c in schema.required_columns if c not in seen]
        for name in missing:
            col = schema.column(name)
            found = ", ".join(f"'{h}'" for h in raw.frame.columns) or "none"
            near = difflib.get_close_matches(
                label_key(name), [label_key(h) for h in raw.frame.columns], n=1)
            hint = ""
            if near:
                header = next(h for h in raw.frame.columns if label_key(h) == near[0])
                hint = f"rename '{header}' to '{name}', or "
            aliases = ", ".join(f"'{a}'" for a in col.aliases[:6])
            self.error(raw, MissingColumnError,
                       f"the {raw.table} table has no '{name}' column "
                       f"(columns found: {found})",
                       row=raw.header_row,
                       suggestion=f"{hint}add a column named '{name}' "
                                  f"(also accepted: {aliases})")
            ok = False
        if not ok:
            return None
        # Keep the user's header for messages about a column.
        raw.positions.update({rename[h]: raw.positions[h] for h in rename
                              if h in raw.positions})
        raw.headers = {v: k for k, v in rename.items()}
        return raw.frame.rename(columns=rename)

    @staticmethod
    def header(raw: RawTable, column: str) -> str:
        return raw.headers.get(column, column)

    def encoded(self, raw: RawTable, df: pd.DataFrame, column: str
                ) -> tuple[np.ndarray, pd.Series] | None:
        """The column's codes among its distinct values, when the reader found them.

        (See :attr:`netmap.model._raw.RawTable.encoded`: the CSV reader's
        fast path hands its columns over so.) None for any other table,
        or a part of one: then the column's own values are looked at.
        """
        found = raw.encoded.get(self.header(raw, column))
        if found is None or len(found[0]) != len(df) or len(df) != len(raw.frame):
            return None
        return found

    def distinct(self, raw: RawTable, df: pd.DataFrame, column: str
                 ) -> tuple[np.ndarray, pd.Series]:
        """The column as codes (-1: missing) among its distinct values, whatever its source.

        The codes the reader handed over (:meth:`encoded`), or else the
        column factorized here: one shape for the checks of labels, numbers
        and waves, which look each distinct value up once.
        """
        found = self.encoded(raw, df, column)
        if found is not None:
            return found
        codes, uniques = pd.factorize(df[column], use_na_sentinel=True)
        return codes, pd.Series(uniques)

    # -- values ----------------------------------------------------------
    def ids(self, raw: RawTable, df: pd.DataFrame, column: str, what: str) -> pd.Series:
        """Text identifiers; an empty one is an error."""
        values = _as_text(df[column])
        found = self.encoded(raw, df, column)
        empty = found[0] < 0 if found is not None else values.isna().to_numpy()
        if empty.any():
            rows = raw.rows[empty]
            self.error(raw, InvalidValueError, f"{what} is empty in {_rows_text(rows)}",
                       row=rows[0], column=self.header(raw, column),
                       suggestion=f"fill in the {what}, or delete the row")
        return values

    def vocabulary(self, raw: RawTable, df: pd.DataFrame, column: str,
                   vocab: Vocabulary) -> pd.Series:
        """The canonical labels of a column; an unknown one is reported."""
        return cast(pd.Series, self.coded_vocabulary(raw, df, column, vocab, spread=True))

    def coded_vocabulary(self, raw: RawTable, df: pd.DataFrame, column: str,
                         vocab: Vocabulary, *, spread: bool = False) -> pd.Series | None:
        """:meth:`vocabulary`; a column the reader handed over encoded is left as codes.

        The codes go to ``self.coded``, and None is returned unless ``spread``.
        """
        found = self.distinct(raw, df, column)
        # each distinct label looked up once, then spread over the cells
        mapped, strange = vocab.normalise(found[1])
        labels = np.array([*mapped.to_numpy(dtype=object), None], dtype=object)
        self.coded[(raw.table, column)] = (found[0], labels)
        codes = pd.Series(labels[found[0]], index=df.index, dtype=object) \
            if spread else None
        unknown = pd.Series(np.append(strange.to_numpy(dtype=bool), False)[found[0]],
                            index=df.index)
        if unknown.any():
            bad = df[column][unknown]
            for label, idx in bad.groupby(bad.astype(str), sort=False).groups.items():
                rows = raw.rows[df.index.get_indexer(idx)]
                if vocab.closed:
                    cls = UnknownSectorError if vocab.name == "sector" else \
                        UnknownLabelError
                    where = f" in {_rows_text(rows)}" if len(rows) > 1 else ""
                    self.error(raw, cls, f"unknown {vocab.name} '{label}'{where}",
                               row=rows[0], column=self.header(raw, column),
                               suggestion=vocab.suggestion_text(label), value=label)
                else:
                    near = vocab.suggest(label)
                    hint = f"; did you mean '{near[0]}'?" if near else ""
                    self.issue(raw, f"unknown-{vocab.name.replace(' ', '-')}",
                               f"{vocab.name} '{label}' is not in the vocabulary; kept "
                               f"as written and classed 'unclassified'{hint}"
                               if vocab is TIE_TYPES else
                               f"{vocab.name} '{label}' is not in the vocabulary; "
                               f"kept as written{hint}",
                               rows=rows, column=self.header(raw, column), value=label)
        return codes

    def numbers(self, raw: RawTable, df: pd.DataFrame, column: str) -> pd.Series:
        values = df[column]
        if pd.api.types.is_numeric_dtype(values) and not pd.api.types.is_bool_dtype(
                values):
            out = values.astype("float64")
        else:
            found = self.distinct(raw, df, column)  # each distinct value read once
            parsed = np.append(exact_floats(_as_text(found[1])).to_numpy(
                dtype=np.float64), np.nan)
            self.coded[(raw.table, column)] = (found[0], parsed)
            out = pd.Series(parsed[found[0]], index=values.index)
            present = found[0] >= 0
            bad = present & out.isna().to_numpy()
            if bad.any():
                text = _as_text(values)
                for label, idx in text[bad].groupby(text[bad], sort=False).groups.items():
                    rows = raw.rows[df.index.get_indexer(idx)]
                    hint = "write it with a decimal point, e.g. 2.5" if re.fullmatch(
                        r"\d+,\d+", label) else "write a number, or leave it empty"
                    self.error(raw, InvalidValueError,
                               f"{column} '{label}' is not a number"
                               + (f" ({_rows_text(rows)})" if len(rows) > 1 else ""),
                               row=rows[0], column=self.header(raw, column),
                               suggestion=hint, value=label)
        infinite = np.isinf(out.to_numpy())
        if infinite.any():
            rows = raw.rows[infinite]
            self.error(raw, InvalidValueError, f"{column} is infinite in "
                       f"{_rows_text(rows)}", row=rows[0],
                       column=self.header(raw, column), suggestion="write a finite number")
        return out

    def lookup(self, raw: RawTable, df: pd.DataFrame, column: str, known: pd.Index
               ) -> np.ndarray:
        """Each cell's position among ``known`` (-1: missing, or not there)."""
        found = self.encoded(raw, df, column)
        if found is not None:  # each distinct value looked up once
            return np.append(positions_in(found[1], known), -1)[found[0]]
        return positions_in(_as_text(df[column]), known)

    def refs(self, raw: RawTable, df: pd.DataFrame, column: str, known: pd.Index,
             names: pd.Series | None, what: str, cls=UnknownActorError,
             optional: bool = False, positions: np.ndarray | None = None) -> pd.Series:
        """A reference column's text; a value not among ``known`` is an error.

        ``positions``: :meth:`lookup` of the column, when done already.
        """
        values = (_as_text(df[column]) if optional
                  else self.ids(raw, df, column, f"{column} id"))
        found = self.encoded(raw, df, column)
        if positions is None:
            positions = self.lookup(raw, df, column, known)
        present = found[0] >= 0 if found is not None else values.notna().to_numpy()
        self.positions[(raw.table, column)] = positions
        missing = present & (positions < 0)
        if missing.any():
            by_name = {}
            if names is not None:
                named = names.dropna()
                by_name = dict(zip(named.to_numpy(), named.index, strict=False))
            groups = values[missing].groupby(values[missing], sort=False).groups
            for n, (label, idx) in enumerate(groups.items()):
                rows = raw.rows[df.index.get_indexer(idx)]
                if label in by_name:
                    hint = (f"'{label}' is the name of {what} '{by_name[label]}'; "
                            f"write its id '{by_name[label]}'")
                elif n < 20:
                    near = difflib.get_close_matches(label, known.tolist(), n=3)
                    hint = (f"did you mean {' or '.join(repr(x) for x in near)}?"
                            if near else f"add {what} '{label}' to the "
                            f"{'actors' if cls is UnknownActorError else 'bodies'} "
                            "table, or correct the id")
                else:
                    hint = "correct the id"
                where = f" ({_rows_text(rows)})" if len(rows) > 1 else ""
                self.error(raw, cls, f"{column} '{label}' is not {what} in the map"
                           f"{where}", row=rows[0], column=self.header(raw, column),
                           suggestion=hint, value=label)
        return values

    def unique_ids(self, raw: RawTable, ids: pd.Series, what: str,
                   df: pd.DataFrame | None = None) -> None:
        """An id used twice is an error (``df``: the table, to find the ids' codes)."""
        found = None if df is None else self.encoded(raw, df, "id")
        if found is not None:  # an id is used twice when its code is
            present = found[0] >= 0
            counts = np.bincount(found[0][present], minlength=len(found[1]))
            if (counts < 2).all():
                return
        dup = ids.notna() & ids.duplicated(keep=False)
        if dup.any():
            groups = ids[dup].groupby(ids[dup], sort=False).groups
            for label, idx in groups.items():
                rows = raw.rows[ids.index.get_indexer(idx)]
                self.error(raw, DuplicateIdError,
                           f"{what} id '{label}' is used in {_rows_text(rows)}",
                           row=rows[1], column=self.header(raw, "id"),
                           suggestion="give each its own id, or merge the rows into "
                                      "one", value=label)


def _as_text(values: pd.Series) -> pd.Series:
    """Identifiers and labels as text (numbers from Excel or frames included)."""
    if _is_clean_text(values):
        return values
    if values.dtype == object and pd.api.types.infer_dtype(values, skipna=True) in (
            "string", "empty"):
        out = values  # already cleaned text (see netmap.model._raw)
    else:
        out = clean_cells(values)
    return out.astype("str").where(out.notna(), np.nan).astype("str")


def _is_clean_text(values: pd.Series) -> bool:
    """Whether a column is pandas text with NaN for missing: cleaned text of a raw table.

    (See :class:`netmap.model._raw.RawTable`: the CSV reader's fast path
    gives its cells so.)
    """
    return isinstance(values.dtype, pd.StringDtype) and values.dtype.na_value is np.nan


def _is_arrow_text(array) -> bool:
    """Whether a pandas array is text held by pyarrow."""
    return isinstance(array, pd.arrays.ArrowStringArray)


def positions_in(values: pd.Series, known: pd.Index) -> np.ndarray:
    """Where each value is in ``known`` (-1 if not there), looked up once per distinct value.

    ``known`` holds distinct values. Works alike on object and Arrow-backed
    text, whose own ``isin`` goes through a Python loop over ``known``.
    Arrow-backed text gives pyarrow's int32 positions, read-only and held
    in pyarrow's memory (no copy: a widened one would be fresh memory from
    the kernel at each large read); other values give int64.
    """
    if _is_arrow_text(values.array) and _is_arrow_text(known.array):
        import pyarrow as pa
        import pyarrow.compute as pc

        found = pc.index_in(pa.array(values.array), value_set=pa.array(known.array))
        return found.fill_null(-1).to_numpy(zero_copy_only=False)
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    lookup = pd.Index(np.asarray(known, dtype=object), dtype=object)
    found = lookup.get_indexer(pd.Index(np.asarray(uniques, dtype=object), dtype=object))
    return np.append(found, -1)[codes]


def in_index(values: pd.Series | pd.Index, known: pd.Index) -> np.ndarray:
    """Whether each value is in ``known`` (distinct values): ``values.isin(known)`` as an array.

    :func:`positions_in` underneath, so each distinct value is looked up
    once; pandas' own ``isin`` on Arrow-backed text goes through a Python
    loop over ``known`` (0.1 s for the ids of a 100,000-actor map).

    Examples
    --------
    >>> import pandas as pd
    >>> in_index(pd.Series(["moe", "ngo", None]), pd.Index(["ngo", "city"])).tolist()
    [False, True, False]
    """
    return positions_in(pd.Series(values), known) >= 0


_TRUE_FALSE = {"TRUE": True, "FALSE": False, "True": True, "False": False,
               "true": True, "false": False}


def _infer(values: pd.Series) -> pd.Series:
    """An extra column: true/false, whole numbers, numbers, or text as written.

    The same rule for every source, so that a column reads back the same
    from CSV, Excel or DataFrames: a column is numeric only when every value
    is a plain number (no leading zeros, so identifiers such as '007' stay
    text; ``inf`` and ``-inf`` count as numbers), and whole (``Int64``) when
    every value is whole, since Excel does not tell 2 from 2.0; it is
    boolean when every value is true or false (any case).
    """
    if _is_clean_text(values):  # as the strict reader gives it
        values = values.astype(object).where(values.notna(), None)
    if pd.api.types.is_bool_dtype(values):
        return values.astype("boolean")
    if pd.api.types.is_integer_dtype(values):
        return _exact_integers(values)
    if pd.api.types.is_numeric_dtype(values):
        return _numbers(values.astype("Float64"))
    present = values.dropna()
    if present.empty:
        return values.astype(object).where(values.notna(), None).astype("str")
    if all(isinstance(v, str) for v in present):
        text = pd.Series(pd.unique(present))
        if text.isin(list(_TRUE_FALSE)).all():
            return values.map(_TRUE_FALSE).astype("boolean")
        if text.str.fullmatch(_INTEGER.pattern).all():
            return _integer_texts(values)
        if (text.str.fullmatch(_NUMBER.pattern)
                | text.str.fullmatch(_INFINITY.pattern, case=False)).all():
            return _numbers(exact_floats(values).astype("Float64"))
        return values.astype("str")
    return values


def _exact_integers(values: pd.Series) -> pd.Series:
    """An integer column as ``Int64`` (``UInt64`` above the int64 range), exactly."""
    if values.dtype.kind == "u" and len(values) and values.max() > np.iinfo(np.int64).max:
        return values.astype("UInt64")
    return values.astype("Int64")


#: Whole numbers of at most this many digits fit int64 (up to 9.2e18).
_INT64_DIGITS = 18


def _integer_texts(values: pd.Series) -> pd.Series:
    """Whole numbers written as text: ``Int64`` when they fit, else Python ints (exact).

    Never through float, which keeps 15 to 17 digits: 2**53 + 1 stays itself.
    """
    present = values.notna().to_numpy()
    text = values[present].astype(str)
    if (text.str.lstrip("+-").str.len() <= _INT64_DIGITS).all():
        out = pd.array(np.zeros(len(values), dtype=np.int64), dtype="Int64")
        out[present] = pd.to_numeric(text).to_numpy(dtype=np.int64)
        out[~present] = pd.NA
        return pd.Series(out, index=values.index)
    codes, uniques = pd.factorize(text)
    exact = np.array([int(u) for u in uniques], dtype=object)
    info = np.iinfo(np.int64)
    if all(info.min <= v <= info.max for v in exact):  # 19 digits that still fit
        out = pd.array(np.zeros(len(values), dtype=np.int64), dtype="Int64")
        out[present] = exact[codes].astype(np.int64)
        out[~present] = pd.NA
        return pd.Series(out, index=values.index)
    out_obj = np.full(len(values), None, dtype=object)
    out_obj[present] = exact[codes]
    return pd.Series(out_obj, index=values.index, dtype=object)


def exact_floats(text: pd.Series) -> pd.Series:
    """Numbers written as text, each read exactly as Python reads it; NaN where none.

    ``pd.to_numeric`` of pandas 3.0.0 reads ``"0.30000000000000004"`` as
    ``0.3`` (a fast, inexact parser); ``astype("float64")`` goes through
    Python's own exact reading, and ``to_numeric`` only finds what is not a
    number.

    Examples
    --------
    >>> import pandas as pd
    >>> exact_floats(pd.Series(["0.30000000000000004", "x", None])).tolist()
    [0.30000000000000004, nan, nan]
    """
    try:
        return text.astype("float64")
    except (TypeError, ValueError):
        out = pd.to_numeric(text, errors="coerce").astype("float64")
        ok = out.notna()
        out[ok] = text[ok].astype("float64")
        return out


def _numbers(values: pd.Series) -> pd.Series:
    """Whole numbers as Int64, others as Float64."""
    present = values.dropna().to_numpy(dtype=float)
    whole = np.isfinite(present).all() and (present == np.round(present)).all() and (
        np.abs(present) < 2**53).all()
    return values.astype("Int64") if whole else values


def _wave_label(value):
    """A wave value as a label: a number (int when whole) or text."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, int | np.integer) and not isinstance(value, bool):
        return int(value)
    if isinstance(value, float | np.floating):
        return int(value) if float(value).is_integer() else float(value)
    text = cell_text(value)
    if text is None:
        return None
    if _INTEGER.fullmatch(text):
        return int(text)
    if _NUMBER.fullmatch(text):
        number = float(text)
        return int(number) if number.is_integer() else number
    return text


def _order_waves(labels: set, given) -> tuple[tuple, str | None]:
    """The waves in order, or an explanation of why they cannot be ordered."""
    if given is not None:
        order = [_wave_label(w) for w in given]
        if len(set(order)) != len(order):
            return (), "the waves given to waves= repeat a label"
        unknown = sorted(map(str, labels - set(order)))
        if unknown:
            return tuple(order), (
                f"wave labels {', '.join(repr(u) for u in unknown)} are not among "
                f"the waves given ({', '.join(map(str, order))})")
        return tuple(order), None
    numbers = {w for w in labels if not isinstance(w, str)}
    texts = labels - numbers
    if not texts:
        return tuple(sorted(numbers)), None
    if not numbers and all(_ISO_DATE.fullmatch(t) for t in texts):
        return tuple(sorted(texts)), None
    shown = ", ".join(repr(t) for t in sorted(texts)[:5])
    if numbers and all(_ISO_DATE.fullmatch(t) for t in texts):
        why = f"waves mix numbers and dates ({shown}), which have no common order"
    else:
        why = f"waves written as text other than dates ({shown}) have no natural order"
    return tuple(sorted(numbers)) + tuple(sorted(texts)), why


def validate_tables(
    raws: dict[str, RawTable],
    *,
    taxonomy: SectorTaxonomy,
    directed: bool,
    waves=None,
) -> Validated:
    """Check raw tables and build the map's tables.

    The steps: the headers of every table, then the actors, the bodies,
    the ties, the memberships and the activities, then the waves and the
    extra columns; every error so far is raised together, and only then
    are self-ties flagged and duplicates dropped.

    Raises
    ------
    ValidationError
        With every error found.
    """
    ck = _Checker(taxonomy, directed)
    frames = _mapped_columns(ck, raws)
    known = _known_ids(ck, raws["actors"], frames["actors"])
    with ThreadPoolExecutor(max_workers=2) as pool:
        # (the ties' ends looked up among the ids while the actors are checked)
        ends = _start_lookups(pool, ck, raws["ties"], frames["ties"], known)
        actors, actor_ids = _actors(ck, raws["actors"], frames["actors"], known)
        bodies, body_ids = _bodies(ck, raws, frames)
        tables = {"actors": actors,
                  "ties": _ties(ck, raws["ties"], frames["ties"], actor_ids, ends)}
    if bodies is not None:
        tables["bodies"] = bodies
    if "memberships" in frames:
        tables["memberships"] = _memberships(ck, raws["memberships"],
                                             frames["memberships"], actor_ids, body_ids)
    if "activities" in frames:
        tables["activities"] = _activities(ck, raws["activities"], frames["activities"],
                                           actor_ids)
    order = _waves(ck, raws, frames, tables, waves)
    _extra_columns(frames, tables)
    if ck.errors:
        raise ValidationError(ck.errors)
    _kept_dropped_flagged(ck, raws, tables)
    kept_ends = _tie_ends(ck, tables)
    _text_columns(tables)
    return Validated(tables["actors"], tables["ties"], tables.get("memberships"),
                     tables.get("bodies"), tables.get("activities"), order, ck.issues,
                     ends=kept_ends)


#: Tables of at least this many rows have their lookups done in threads.
_THREADED_ROWS = 100_000


def _known_ids(ck: _Checker, raw: RawTable, df: pd.DataFrame) -> pd.Index:
    """The distinct actor ids in the order of the actors table, which references name."""
    found = ck.encoded(raw, df, "id")
    if found is not None:
        return pd.Index(found[1].array)
    return pd.Index(_as_text(df["id"]).dropna().unique())


def _start_lookups(pool: ThreadPoolExecutor, ck: _Checker, raw: RawTable, df: pd.DataFrame,
                   known: pd.Index) -> list:
    """The ties' sources and targets looked up among ``known`` in ``pool``, as futures.

    (pyarrow's lookup leaves the interpreter free: the actors are checked
    meanwhile.) A small table's lookups are left to the checks (None each),
    as are those of ends the table lacks.
    """
    if len(df) < _THREADED_ROWS or (os.cpu_count() or 1) < 2:
        return [None, None]
    return [pool.submit(ck.lookup, raw, df, end, known) if end in df else None
            for end in ("source", "target")]


def _tie_ends(ck: _Checker, tables: dict[str, pd.DataFrame]
              ) -> tuple[np.ndarray, np.ndarray] | None:
    """The kept ties' ends as positions among the actors, from the lookups of the checks.

    The checks looked the ends up among the distinct actor ids, in the
    order of the actors table; with no error (none missing, none used
    twice) they are the actors' rows. None when they were not looked up.
    """
    source, target = ck.positions.get(("ties", "source")), ck.positions.get(
        ("ties", "target"))
    if source is None or target is None or ck.known_actors != len(tables["actors"]):
        return None
    kept = tables["ties"].index  # (the rows of the ties as read, less the duplicates)
    if not (isinstance(kept, pd.RangeIndex) and kept.start == 0 and kept.step == 1
            and len(kept) == len(source)):
        source, target = source[kept.to_numpy()], target[kept.to_numpy()]
    return source, target


@dataclass(frozen=True)
class _Ids:
    """The ids that a reference may name, and their names (to spot a name for an id)."""

    known: pd.Index
    names: pd.Series | None


def _mapped_columns(ck: _Checker, raws: dict[str, RawTable]) -> dict[str, pd.DataFrame]:
    """Every table with canonical column names; a missing required column stops here."""
    frames = {name: ck.map_columns(raw) for name, raw in raws.items()}
    if ck.errors:
        raise ValidationError(ck.errors)
    out = {name: frame for name, frame in frames.items() if frame is not None}
    for name, frame in out.items():
        _strip_invisible(ck, raws[name], frame)
    return out


#: Columns from which invisible characters are removed (with a note): ids,
#: references, names and goals, where "moe" and "moe" + a zero-width space
#: must be one actor.
_IDENTIFYING = frozenset({"id", "ref", "body_ref"})
_INVISIBLE_RE = f"[{INVISIBLE}]"


def _strip_invisible(ck: _Checker, raw: RawTable, frame: pd.DataFrame) -> None:
    """Remove invisible characters from ids and names, noting the cells that held them."""
    if not raw.invisible:
        return
    schema = TABLES[raw.table]
    for column in schema.columns:
        if column.name not in frame or not (column.kind in _IDENTIFYING
                                            or column.name in ("name", "goal")):
            continue
        mask = raw.invisible.get(ck.header(raw, column.name))
        if mask is None:
            continue
        values = frame[column.name]
        marked = mask & values.notna().to_numpy()
        if not marked.any():
            continue
        stripped = values[marked].astype(str).str.replace(_INVISIBLE_RE, "", regex=True)
        frame.loc[marked, column.name] = stripped.where(stripped != "", None)
        raw.encoded.pop(ck.header(raw, column.name), None)  # (codes of the cells as read)
        first = values[marked].iloc[0]
        ck.issue(raw, "invisible-characters",
                 f"invisible characters (zero-width spaces or joiners, soft hyphens, "
                 f"direction marks) removed from the {column.name} (first: {first!r})",
                 rows=raw.rows[marked], column=ck.header(raw, column.name),
                 value=first, severity="note")


# -- actors ------------------------------------------------------------------
def _actors(ck: _Checker, raw: RawTable, df: pd.DataFrame, known: pd.Index
            ) -> tuple[pd.DataFrame, _Ids]:
    """The actors table: ids, names, sectors and their cores, levels, orgs, scopes.

    ``known``: the distinct ids (see :func:`_known_ids`).
    """
    ids = ck.ids(raw, df, "id", "actor id")
    ck.unique_ids(raw, ids, "actor", df)
    sector = _sectors(ck, raw, df)
    level = _levels(ck, raw, df)
    names = _as_text(df["name"]) if "name" in df else None
    actors = pd.DataFrame(index=pd.Index(ids.array, name="id", dtype="str"))
    if names is not None:
        actors["name"] = names.array
    codes, labels = ck.coded[("actors", "sector")]
    actors["sector"] = _categorical(ck.taxonomy.codes, codes, labels)
    core_map = ck.taxonomy.core_map()
    actors["core"] = _categorical(["public", "business", "third"], codes,
                                  [core_map.get(s, np.nan) for s in labels])
    actors["level"] = _categorical(LEVELS.codes, *ck.coded[("actors", "level")])
    actor_ids = _Ids(known, pd.Series(names.array, index=pd.Index(ids.array))
                     if names is not None else None)
    ck.known_actors = len(actor_ids.known)
    _orgs(ck, raw, df, actors, ids, level, actor_ids)
    if "scope" in df:
        ck.coded_vocabulary(raw, df, "scope", SCOPES)
        actors["scope"] = _categorical(SCOPES.codes, *ck.coded[("actors", "scope")])
    if "core" in df:
        _check_derived(ck, raw, df, "core", sector.map(core_map))
    return actors, actor_ids


def _categorical(categories, codes: np.ndarray, labels) -> pd.Categorical:
    """``labels[codes]`` as a categorical of ``categories`` (see ``_Checker.coded``).

    Each distinct label is placed among the categories once; one not
    among them (or missing) is missing.
    """
    where = pd.Index(list(categories), dtype=object).get_indexer(
        pd.Index(list(labels), dtype=object))
    return pd.Categorical.from_codes(where[codes], dtype=pd.CategoricalDtype(categories))


def _sectors(ck: _Checker, raw: RawTable, df: pd.DataFrame) -> pd.Series:
    """Each actor's sector code; an unknown or empty sector is an error."""
    sector = ck.vocabulary(raw, df, "sector", ck.taxonomy)
    no_sector = df["sector"].isna()
    if no_sector.any():
        rows = raw.rows[no_sector.to_numpy()]
        ck.error(raw, UnknownSectorError, f"sector is empty in {_rows_text(rows)}",
                 row=rows[0], column=ck.header(raw, "sector"),
                 suggestion=f"write one of: {', '.join(ck.taxonomy.codes)}")
    return sector


def _levels(ck: _Checker, raw: RawTable, df: pd.DataFrame) -> pd.Series:
    """Each actor's level; an empty one is taken as 'organisation', with a note."""
    if "level" not in df:
        ck.coded[(raw.table, "level")] = (np.zeros(len(df), dtype=np.int64),
                                          np.array(["organisation"] * 2, dtype=object))
        return pd.Series(None, index=df.index, dtype=object).fillna("organisation")
    level = ck.vocabulary(raw, df, "level", LEVELS)
    if df["level"].isna().any():
        rows = raw.rows[df["level"].isna().to_numpy()]
        ck.issue(raw, "default-level", "level is empty; taken as 'organisation'",
                 rows=rows, column=ck.header(raw, "level"), severity="note")
    codes, labels = ck.coded[(raw.table, "level")]
    # (empty and unknown levels taken as 'organisation' too)
    ck.coded[(raw.table, "level")] = (codes, np.where(
        pd.isna(labels), "organisation", labels).astype(object))
    return level.fillna("organisation")


def _orgs(ck: _Checker, raw: RawTable, df: pd.DataFrame, actors: pd.DataFrame,
          ids: pd.Series, level: pd.Series, actor_ids: _Ids) -> None:
    """The 'org' column: a person names the organisation they represent, and only a person."""
    is_person = (level == "person").to_numpy()
    has_org = np.zeros(len(df), dtype=bool)
    if "org" in df:
        org = ck.refs(raw, df, "org", actor_ids.known, actor_ids.names, "an actor",
                      optional=True)
        actors["org"] = org.to_numpy()
        has_org = org.notna().to_numpy()
        _check_orgs(ck, raw, org, ids, level, actor_ids.known)
    missing_org = is_person & ~has_org
    if missing_org.any():
        rows = raw.rows[missing_org]
        ck.error(raw, InconsistentActorError,
                 f"a person must name their organisation in 'org' ({_rows_text(rows)})",
                 row=rows[0], column="org",
                 suggestion="add the id of the organisation the person represents in "
                            "the 'org' column, or set level to 'organisation'")


def _check_orgs(ck: _Checker, raw: RawTable, org: pd.Series, ids: pd.Series,
                level: pd.Series, known: pd.Index) -> None:
    """An actor with an org is a person, and the org an organisation."""
    has_org = org.notna().to_numpy()
    bad = has_org & ~(level == "person").to_numpy()
    if bad.any():
        rows = raw.rows[bad]
        ck.error(raw, InconsistentActorError,
                 f"an actor with an org must be a person ({_rows_text(rows)})",
                 row=rows[0], column=ck.header(raw, "level"),
                 suggestion="set level to 'person', or clear the org")
    level_of = pd.Series(level.to_numpy(), index=ids.to_numpy())
    level_of = level_of[~level_of.index.duplicated()]
    org_level = org.map(level_of)
    bad = (has_org & (org_level != "organisation").to_numpy()
           & (positions_in(org, known) >= 0))
    if bad.any():
        rows = raw.rows[bad]
        ck.error(raw, InconsistentActorError,
                 f"the org of a person must be an organisation ({_rows_text(rows)})",
                 row=rows[0], column=ck.header(raw, "org"),
                 suggestion="name the organisation the person represents")


# -- bodies, ties, memberships, activities ------------------------------------
def _bodies(ck: _Checker, raws: dict[str, RawTable], frames: dict[str, pd.DataFrame],
            ) -> tuple[pd.DataFrame | None, _Ids | None]:
    """The bodies table, if given: ids, names, kinds."""
    if "bodies" not in frames:
        return None, None
    raw, df = raws["bodies"], frames["bodies"]
    ids = ck.ids(raw, df, "id", "body id")
    ck.unique_ids(raw, ids, "body")
    bodies = pd.DataFrame(index=pd.Index(ids.to_numpy(), name="id", dtype="str"))
    if "name" in df:
        bodies["name"] = _as_text(df["name"]).to_numpy()
    if "kind" in df:
        bodies["kind"] = ck.vocabulary(raw, df, "kind", BODY_KINDS).astype(
            "str").to_numpy()
    return bodies, _Ids(pd.Index(ids.dropna().unique()),
                        bodies.get("name"))


def _ties(ck: _Checker, raw: RawTable, df: pd.DataFrame, actor_ids: _Ids,
          looked: list | None = None) -> pd.DataFrame:
    """The ties table: ends, types and their classes, weights, trust.

    ``looked``: futures of the sources' and targets' :meth:`_Checker.lookup`,
    where started (see :func:`_start_lookups`): the types, classes and
    weights are checked while they run, and what those checks report is
    put after what the ends' checks report, in the order of the columns.
    """
    saved = ck.errors, ck.issues
    ck.errors, ck.issues = [], []
    rest = _tie_attributes(ck, raw, df)
    later, (ck.errors, ck.issues) = (ck.errors, ck.issues), saved
    ties = pd.DataFrame(index=pd.RangeIndex(len(df), name="tie"))
    for end, lookup in zip(("source", "target"), looked or [None, None], strict=True):
        ties[end] = ck.refs(raw, df, end, actor_ids.known, actor_ids.names, "an actor",
                            positions=None if lookup is None else lookup.result()).array
    for column, values in rest.items():
        ties[column] = values
    ck.errors.extend(later[0])
    ck.issues.extend(later[1])
    return ties


def _tie_attributes(ck: _Checker, raw: RawTable, df: pd.DataFrame) -> dict:
    """The ties' types, classes, weights and trust, by column, checked."""
    ties: dict = {}
    if "type" in df:
        ck.coded_vocabulary(raw, df, "type", TIE_TYPES)
    else:  # (every tie untyped)
        ck.coded[("ties", "type")] = (np.full(len(df), -1, dtype=np.int64),
                                      np.array([None], dtype=object))
    codes, labels = ck.coded[("ties", "type")]
    # the distinct types spread over the ties (the cells themselves if written so)
    written = ck.encoded(raw, df, "type") if "type" in df else None
    ties["type"] = df["type"].array if written is not None and list(
        labels[:-1]) == written[1].tolist() else pd.array(
        list(labels), dtype="str").take(codes)
    typed = ~pd.isna(labels)[codes]
    ties["tie_class"] = _tie_classes(ck, raw, df, codes, labels)
    if "tie_class" in df:  # a stated class is checked; a derived one must agree
        _check_derived(ck, raw, df[typed], "tie_class",
                       pd.Series(ties["tie_class"]).astype(object)[typed],
                       rows=raw.rows[typed])
    ties["weight"] = _weights(ck, raw, df)
    if "trust" in df:
        ties["trust"] = ck.numbers(raw, df, "trust").to_numpy()
    return ties


def _tie_classes(ck: _Checker, raw: RawTable, df: pd.DataFrame, codes: np.ndarray,
                 types: np.ndarray) -> pd.Categorical:
    """Each tie's class, from its type; a tie with no type may state its class.

    ``codes``, ``types``: the types as codes among distinct ones, the last
    for missing (see ``_Checker.coded``).
    """
    untyped = pd.isna(types)[codes]
    of_type = np.array([_TIE_CLASS_OF.get(t, "unclassified") if t is not None
                        else "unclassified" for t in types], dtype=object)
    categories = list(TIE_CLASSES)
    if "tie_class" in df and untyped.any():
        # A tie with no type may state its class (as rolled-up maps do).
        classes = of_type[codes]
        _stated_tie_classes(ck, raw, df, untyped, classes)
        return pd.Categorical(classes, categories=categories)
    return pd.Categorical.from_codes(
        np.array([*(categories.index(c) for c in of_type)], dtype=np.int8)[codes],
        categories=categories)


def _stated_tie_classes(ck: _Checker, raw: RawTable, df: pd.DataFrame,
                        untyped: np.ndarray, classes: np.ndarray) -> None:
    """Write into ``classes`` the tie classes stated for untyped ties; check them."""
    given = _as_text(df["tie_class"]).to_numpy(dtype=object)
    stated = untyped & pd.notna(given)
    if not stated.any():
        return
    keys = np.array([str(v).strip().lower() if v is not None and v == v else ""
                     for v in given], dtype=object)
    bad = stated & ~np.isin(keys, list(TIE_CLASSES))
    for row, value in zip(raw.rows[bad], given[bad], strict=True):
        near = difflib.get_close_matches(str(value).lower(), TIE_CLASSES, n=1)
        ck.error(raw, InvalidValueError,
                 f"{value!r} is not a tie class", row=row,
                 column=ck.header(raw, "tie_class"), value=value,
                 suggestion=f"did you mean {near[0]!r}?" if near else
                 f"use one of {', '.join(TIE_CLASSES)}, or give the tie a type")
    ok = stated & ~bad
    classes[ok] = keys[ok]


def _weights(ck: _Checker, raw: RawTable, df: pd.DataFrame) -> np.ndarray:
    """Tie weights; an empty or absent weight is 1 (an empty one with a note)."""
    if "weight" not in df:
        return np.ones(len(df))
    weight = ck.numbers(raw, df, "weight")
    coded = ck.coded.get(("ties", "weight"))
    if coded is None:
        blank = (weight.isna() & df["weight"].isna()).to_numpy()
    else:  # (the value for the ties without one: 1)
        blank = coded[0] < 0
        ck.coded[("ties", "weight")] = (coded[0], np.where(np.isnan(coded[1]), 1.0,
                                                           coded[1]))
    if blank.any():
        rows = raw.rows[blank]
        ck.issue(raw, "default-weight", "weight is empty; taken as 1",
                 rows=rows, column=ck.header(raw, "weight"))
    return weight.fillna(1.0).to_numpy()


def _memberships(ck: _Checker, raw: RawTable, df: pd.DataFrame, actor_ids: _Ids,
                 body_ids: _Ids | None) -> pd.DataFrame:
    """The memberships table: actors, bodies (checked if a bodies table is given), roles."""
    memberships = pd.DataFrame(index=pd.RangeIndex(len(df)))
    memberships["actor"] = ck.refs(raw, df, "actor", actor_ids.known, actor_ids.names,
                                   "an actor").to_numpy()
    if body_ids is not None:
        memberships["body"] = ck.refs(raw, df, "body", body_ids.known, body_ids.names,
                                      "a body", cls=UnknownBodyError).to_numpy()
    else:
        memberships["body"] = ck.ids(raw, df, "body", "body id").to_numpy()
    if "role" in df:
        memberships["role"] = ck.vocabulary(raw, df, "role", ROLES).astype(
            "str").to_numpy()
    return memberships


def _activities(ck: _Checker, raw: RawTable, df: pd.DataFrame,
                actor_ids: _Ids) -> pd.DataFrame:
    """The activities table: actors and goals."""
    activities = pd.DataFrame(index=pd.RangeIndex(len(df)))
    activities["actor"] = ck.refs(raw, df, "actor", actor_ids.known, actor_ids.names,
                                  "an actor").to_numpy()
    activities["goal"] = ck.ids(raw, df, "goal", "goal").to_numpy()
    return activities


# -- waves -------------------------------------------------------------------
def _waves(ck: _Checker, raws: dict[str, RawTable], frames: dict[str, pd.DataFrame],
           tables: dict[str, pd.DataFrame], given) -> tuple:
    """The waves in order; every wave and until column written as labels and checked."""
    labels: dict[str, dict[str, pd.Series]] = {}
    found: set = set()
    for name, frame in frames.items():
        for col in ("wave", "until"):
            if col in frame:
                codes, values = ck.distinct(raws[name], frame, col)
                # each distinct label read once (every one is in some row)
                distinct = np.array([*map(_wave_label, values.tolist()), None],
                                    dtype=object)
                ck.coded[(name, col)] = (codes, distinct)
                labels.setdefault(name, {})[col] = pd.Series(
                    distinct[codes], index=frame[col].index, dtype=object)
                found.update(v for v in distinct[:-1].tolist() if v is not None)
    if _huge_wave(ck, raws, labels):
        return ()  # the error is raised with the others
    order, problem = _order_waves(found, given)
    if problem:  # rank every label anyway, to go on checking the rest
        order = tuple(dict.fromkeys([*order, *sorted(found, key=str)]))
        _wave_order_error(ck, raws, labels, problem)
    spans = _wave_spans(ck, raws, tables, labels, order)
    if not problem:
        _check_spans(ck, raws, tables, spans)
    return order


def _huge_wave(ck: _Checker, raws: dict[str, RawTable],
               labels: dict[str, dict[str, pd.Series]]) -> bool:
    """Report a wave written as a whole number beyond int64 (no wave column holds it)."""
    for name, cols in labels.items():
        for col, lab in cols.items():
            huge = _per_distinct(lab, lambda v: isinstance(v, int)
                                 and not -2**63 <= v < 2**63, False,
                                 ck.coded.get((name, col))).astype(bool)
            if huge.any():
                raw = raws[name]
                rows = raw.rows[huge.to_numpy(dtype=bool)]
                ck.error(raw, WaveError, f"{col} {lab[huge].iloc[0]} is too large a number "
                         f"for a wave ({_rows_text(rows)})", row=rows[0],
                         column=ck.header(raw, col),
                         suggestion="write the wave as a year, a date or a small number")
                return True
    return False


def _wave_order_error(ck: _Checker, raws: dict[str, RawTable],
                      labels: dict[str, dict[str, pd.Series]], problem: str) -> None:
    """Report waves that cannot be ordered, at the first column that holds one."""
    where = next(((n, c) for n, cols in labels.items() for c, s in cols.items()
                  if s.notna().any()), None)
    raw = raws[where[0]] if where else raws["actors"]
    ck.error(raw, WaveError, problem,
             column=ck.header(raw, where[1]) if where else None,
             suggestion="number the waves (1, 2, 3 or years), write them as dates "
                        "(2014-05), or give their order with waves=[...] "
                        "(--waves on the command line)")


def _wave_spans(ck: _Checker, raws: dict[str, RawTable], tables: dict[str, pd.DataFrame],
                labels: dict[str, dict[str, pd.Series]], order: tuple,
                ) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Write the wave columns; each row's first and last wave as ranks in ``order``.

    A row without a wave starts before the first (-1), one without an
    until ends after the last (``len(order)``).
    """
    rank = {w: i for i, w in enumerate(order)}
    numeric = all(not isinstance(w, str) for w in order)
    spans = {}
    for name, cols in labels.items():
        frame = tables[name]
        start = np.full(len(frame), -1, dtype=np.int64)
        end = np.full(len(frame), len(order), dtype=np.int64)
        for col, lab in cols.items():
            coded = ck.coded.get((name, col))
            arr = _per_distinct(lab, lambda v: rank.get(v, np.nan), np.nan,
                                coded).to_numpy(dtype=float)
            if col == "wave":
                start = np.where(np.isnan(arr), -1, arr).astype(np.int64)
            else:
                end = np.where(np.isnan(arr), len(order), arr).astype(np.int64)
            frame[col] = _wave_column(lab, numeric, coded)
        spans[name] = (start, end)
        backwards = end < start
        if backwards.any():
            raw = raws[name]
            rows = raw.rows[backwards]
            ck.error(raw, WaveError, f"until comes before wave in {_rows_text(rows)}",
                     row=rows[0], column=ck.header(raw, "until"),
                     suggestion="swap the two values, or correct one of them")
    return spans


# -- extras, and what is kept, dropped or flagged ------------------------------
def _extra_columns(frames: dict[str, pd.DataFrame],
                   tables: dict[str, pd.DataFrame]) -> None:
    """Columns of no schema, kept with an inferred type, every column in the user's order."""
    known_cols = {name: {c.name for c in TABLES[name].columns}
                  | set(DERIVED_COLUMNS.get(name, ())) for name in TABLES}
    for name, frame in frames.items():
        for col in (c for c in frame.columns if c not in known_cols[name]):
            series = _infer(frame[col])
            tables[name][col] = series.to_numpy() if not isinstance(
                series.dtype, pd.api.extensions.ExtensionDtype) else series.array
        tables[name] = tables[name][_input_order(list(tables[name].columns),
                                                 list(frame.columns))]


def _kept_dropped_flagged(ck: _Checker, raws: dict[str, RawTable],
                          tables: dict[str, pd.DataFrame]) -> None:
    """Flag self-ties, drop exact duplicates, and name the bodies the memberships name."""
    raw_t, ties = raws["ties"], tables["ties"]
    ends = (ck.positions.get(("ties", "source")), ck.positions.get(("ties", "target")))
    if ends[0] is None or ends[1] is None:
        self_ties = (ties["source"] == ties["target"]).to_numpy()
    else:  # (every end is a known actor by now)
        self_ties = ends[0] == ends[1]
    if self_ties.any():
        ck.issue(raw_t, "self-tie", "self-tie (an actor tied to itself) kept",
                 rows=raw_t.rows[self_ties])
    tables["ties"] = _drop_duplicates(ck, raw_t, ties, ck.directed,
                                      ends=None if ends[0] is None else ends,
                                      codes=_type_codes(ck))
    for name in ("memberships", "activities"):
        if name in tables:
            tables[name] = _drop_duplicates(ck, raws[name], tables[name], True)
    if "bodies" not in tables and "memberships" in tables:
        seen = pd.unique(tables["memberships"]["body"])
        tables["bodies"] = pd.DataFrame(index=pd.Index(seen, name="id", dtype="str"))


def _text_columns(tables: dict[str, pd.DataFrame]) -> None:
    """Ids, types, roles and goals as text; rows numbered from 0."""
    text_columns = {"ties": ("source", "target", "type"),
                    "memberships": ("actor", "body", "role"),
                    "activities": ("actor", "goal")}
    for name, columns in text_columns.items():
        if name in tables:
            frame = tables[name].reset_index(drop=True)
            frame.index.name = "tie" if name == "ties" else None
            for col in columns:
                if col in frame:
                    frame[col] = frame[col].astype("str")
            tables[name] = frame


_AFTER = {"core": "sector", "tie_class": "type"}


def _input_order(columns: list[str], given: list[str]) -> list[str]:
    """Columns in the user's order; defaulted and computed ones beside their kin."""
    order = [c for c in given if c in columns and c not in _AFTER]
    defaults = {"level": "sector", "type": "target", "weight": "type"}
    for group in ([c for c in columns if c not in _AFTER], list(_AFTER)):
        for c in group:
            if c in order or c not in columns:
                continue
            anchor = _AFTER.get(c) or defaults.get(c)
            if anchor in order:
                order.insert(order.index(anchor) + 1, c)
            else:
                order.append(c)
    return order


def _wave_column(lab: pd.Series, numeric: bool, coded=None) -> pd.Series:
    """The wave labels as a column: Int64 if all whole, Float64 if numbers, else text.

    ``coded``: the labels as codes among distinct ones (see ``_Checker.coded``).
    """
    codes, uniques = _distinct(lab, coded)
    if numeric:
        if all(isinstance(v, int) for v in uniques):
            distinct = pd.array(list(uniques), dtype="Int64")
        else:
            distinct = pd.array([float(v) for v in uniques], dtype="Float64")
    else:
        distinct = pd.array([str(v) for v in uniques], dtype="str")
    return distinct.take(codes, allow_fill=True)


def _distinct(values: pd.Series, coded=None) -> tuple[np.ndarray, np.ndarray]:
    """Codes (-1: missing) and distinct values of a column of labels.

    ``coded``: codes among labels, the last standing for missing cells (see
    ``_Checker.coded``; -1: missing); the labels then come back without the
    last (the same label may come twice).
    """
    if coded is None or any(v is None for v in coded[1][:-1]):
        return pd.factorize(values.to_numpy(dtype=object), use_na_sentinel=True)
    return coded[0], coded[1][:-1]


def _per_distinct(values: pd.Series, fn, missing, coded=None) -> pd.Series:
    """``fn`` of each value (``missing`` where missing), called once per distinct value.

    ``coded``: the values as codes among distinct ones (see :func:`_distinct`).
    """
    codes, uniques = _distinct(values, coded)
    out = np.empty(len(uniques) + 1, dtype=object)
    out[:-1] = [fn(v) for v in uniques]
    out[-1] = missing
    return pd.Series(out[codes], index=values.index)


def _check_derived(ck: _Checker, raw: RawTable, df: pd.DataFrame, column: str,
                   computed: pd.Series, rows=None) -> None:
    """A derived column the user gave must agree with netmap's values.

    ``rows`` are the file rows of ``df`` when it is a part of the table.
    """
    if column not in df:
        return
    given = _as_text(df[column])
    computed = computed.astype(object)
    differ = given.notna().to_numpy() & (given.to_numpy(dtype=object)
                                         != computed.to_numpy(dtype=object))
    if differ.any():
        rows = (raw.rows if rows is None else np.asarray(rows))[differ]
        ck.error(raw, InputError, f"column '{column}' is computed by netmap and the "
                 f"values given disagree with it ({_rows_text(rows)})", row=rows[0],
                 column=column, suggestion=f"remove the '{column}' column, or rename "
                 "it if it means something else")


def _check_spans(ck: _Checker, raws: dict[str, RawTable], tables: dict[str, pd.DataFrame],
                 spans: dict[str, tuple[np.ndarray, np.ndarray]]) -> None:
    """Rows must not start before, or end after, the actors and bodies they name."""
    refs = (("ties", "source", "actors"), ("ties", "target", "actors"),
            ("memberships", "actor", "actors"), ("memberships", "body", "bodies"),
            ("activities", "actor", "actors"))
    for name, col, target in refs:
        if name not in spans or target not in spans or name not in tables or not len(
                tables[target]):
            continue  # (no actor or body to compare with: every reference is unknown)
        t_start, t_end = spans[target]
        ids = tables[target].index
        first = ~ids.duplicated()
        start, end = spans[name]
        frame = tables[name]
        has_wave = ("wave" in frame) & frame.get("wave", pd.Series(
            index=frame.index)).notna().to_numpy()
        has_until = ("until" in frame) & frame.get("until", pd.Series(
            index=frame.index)).notna().to_numpy()
        where = positions_in(frame[col], ids[first])
        ok = where >= 0
        i = np.where(ok, np.flatnonzero(first)[where], 0).astype(np.int64)
        early = ok & has_wave & (start < t_start[i])
        late = ok & has_until & (end > t_end[i])
        what = "actor" if target == "actors" else "body"
        for mask, word, wcol in ((early, "starts before", "wave"),
                                 (late, "ends after", "until")):
            if mask.any():
                raw = raws[name]
                rows = raw.rows[mask]
                first = frame[col].to_numpy()[mask][0]
                ck.error(raw, WaveError,
                         f"{_rows_text(rows)} {word} the {what} named in '{col}' "
                         f"(first: '{first}')",
                         row=rows[0], column=ck.header(raw, wcol),
                         suggestion=f"correct the {wcol}, or the {what}'s {wcol} in "
                                    f"the {target} table")


def _drop_duplicates(ck: _Checker, raw: RawTable, frame: pd.DataFrame,
                     directed: bool, ends: tuple | None = None,
                     codes: dict[str, np.ndarray] | None = None) -> pd.DataFrame:
    """The rows without exact duplicates (either way round, for undirected ties).

    ``ends`` are the ties' sources and targets as positions among the actors;
    ``codes`` columns already coded (see :func:`_duplicated`).
    """
    dup = _duplicated(frame, directed, ends, codes)
    if not dup.any():
        return frame
    rows = raw.rows[dup]
    what = {"ties": "tie", "memberships": "membership", "activities": "activity"}[
        raw.table]
    ck.issue(raw, f"duplicate-{what}", f"exact duplicate {what} dropped "
             "(the same values as an earlier row)", rows=rows)
    return _rows(frame, ~dup)


def _rows(frame: pd.DataFrame, keep: np.ndarray) -> pd.DataFrame:
    """``frame[keep]``, each column filtered on its own (pyarrow's filter for text)."""
    if frame.columns.has_duplicates:
        return frame[keep]
    index = frame.index[keep]
    columns = [frame[c].array for c in frame.columns]
    if len(frame) >= _THREADED_ROWS and (os.cpu_count() or 1) >= 2:
        with ThreadPoolExecutor(max_workers=2) as pool:  # (pyarrow filters text freely)
            kept = list(pool.map(lambda array: array[keep], columns))
    else:
        kept = [array[keep] for array in columns]
    out = pd.DataFrame({c: pd.Series(a, index=index, dtype=frame[c].dtype)
                        for c, a in zip(frame.columns, kept, strict=True)}, index=index)
    out.columns = frame.columns
    return out


def _duplicated(frame: pd.DataFrame, directed: bool, ends: tuple | None = None,
                codes: dict[str, np.ndarray] | None = None) -> np.ndarray:
    """Rows equal to an earlier row in every column (ends either way round if undirected).

    Each column is coded by its distinct values (missing values alike), and
    the rows compared as rows of codes, packed into one whole number a row
    when they fit. The ends of ties are coded together (``ends``:
    positions among the actors, or else from their values) and, for
    undirected ties, put in order. ``codes`` holds columns coded already
    (equal codes for equal values, -1 for missing).
    """
    if not len(frame.columns):
        return np.zeros(len(frame), dtype=bool)
    coded = dict(codes or {})
    if "source" in frame and "target" in frame and (ends is not None or not directed):
        s, t = ends if ends is not None else _joint_codes(frame["source"], frame["target"])
        if not directed:
            s, t = np.minimum(s, t), np.maximum(s, t)
        coded.update(source=np.asarray(s), target=np.asarray(t))
    columns = [coded[c] if c in coded else _codes(frame[c]) for c in frame.columns]
    keys = _row_keys(columns)
    if keys is None:
        return pd.DataFrame(dict(enumerate(columns))).duplicated(keep="first").to_numpy()
    return _duplicated_keys(keys)


#: Keys hashed into ``2 ** _BUCKET_BITS`` buckets before they are compared
#: (a count of 8 bytes a bucket: 16 MB, which the C allocator can keep for
#: the next read, where 32 MB would be fresh pages from the kernel each time).
_BUCKET_BITS = 21


def _duplicated_keys(keys: np.ndarray) -> np.ndarray:
    """Whether each key equals an earlier one; ``keys`` (int64) are hashed in place.

    Only keys that share a bucket with another (a multiplicative hash,
    counted with ``bincount``) can repeat; only those are compared, which
    in a large table with few repeats is a fraction of the rows. The hash
    (times an odd number, modulo ``2 ** 64``) is one to one, so hashed keys
    are equal exactly when the keys are: they are compared hashed, and no
    copy of the keys is made.
    """
    if len(keys) < 2 ** (_BUCKET_BITS - 6):
        return pd.Series(keys).duplicated(keep="first").to_numpy()
    hashed = keys.view(np.uint64)
    hashed *= np.uint64(0x9E3779B97F4A7C15)
    bucket = (hashed >> np.uint64(64 - _BUCKET_BITS)).view(np.int64)
    # (whether a bucket is shared, looked up as one byte a bucket: fewer cache misses)
    shared = np.flatnonzero((np.bincount(bucket, minlength=1 << _BUCKET_BITS) > 1)[bucket])
    del bucket
    dup = np.zeros(len(keys), dtype=bool)
    dup[shared] = pd.Series(hashed[shared]).duplicated(keep="first").to_numpy()
    return dup


def _codes(values: pd.Series) -> np.ndarray:
    """A column's codes: equal for equal values, -1 for missing (a categorical's own)."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        return values.cat.codes.to_numpy()
    return pd.factorize(values, use_na_sentinel=True)[0]


def _row_keys(columns: list[np.ndarray]) -> np.ndarray | None:
    """Each row's codes (from -1) as one whole number; None if they do not fit int64.

    The codes are the digits of a number in mixed radix (less a constant,
    one of each place), so that rows are equal exactly when their numbers
    are.
    """
    keys = np.zeros(len(columns[0]), dtype=np.int64)
    span = 1
    for codes in columns:
        size = int(codes.max()) + 2 if len(codes) else 1
        span *= size
        if span >= 2**62:
            return None
        keys *= size
        keys += codes
    return keys


def _type_codes(ck: _Checker) -> dict[str, np.ndarray]:
    """The ties' types and weights as codes (equal codes for equal values), when coded."""
    out = {}
    for column in ("type", "weight"):
        coded = ck.coded.get(("ties", column))
        if coded is not None:
            # (int32 codes: half the memory of the spread codes, as the rows' keys)
            out[column] = pd.factorize(coded[1], use_na_sentinel=True)[0].astype(
                np.int32)[coded[0]]
    return out


def _joint_codes(a: pd.Series, b: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Codes of two columns' values, equal where the values are equal (missing: -1)."""
    codes_a, uniques_a = pd.factorize(a, use_na_sentinel=True)
    codes_b, uniques_b = pd.factorize(b, use_na_sentinel=True)
    where = pd.Index(uniques_a).get_indexer(pd.Index(uniques_b))
    new = where < 0
    where[new] = len(uniques_a) + np.arange(new.sum())
    return codes_a, np.where(codes_b < 0, -1, np.append(where, -1)[codes_b])
