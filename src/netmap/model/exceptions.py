"""Errors and warnings raised by netmap, each naming where the problem is."""

from __future__ import annotations

__all__ = [
    "NetmapError",
    "InputError",
    "FileFormatError",
    "MissingColumnError",
    "DuplicateIdError",
    "UnknownActorError",
    "UnknownBodyError",
    "UnknownLabelError",
    "UnknownSectorError",
    "InvalidValueError",
    "InconsistentActorError",
    "WaveError",
    "ValidationError",
    "MeasureError",
    "ParameterError",
    "NetmapWarning",
    "DataWarning",
    "MissingGlyphWarning",
]


def _column_letter(index: int) -> str:
    """Spreadsheet letter of a zero-based column index (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


class NetmapError(Exception):
    """Base class of every error netmap raises on purpose."""


class InputError(NetmapError, ValueError):
    """A problem in the user's input, located as precisely as possible.

    Parameters
    ----------
    problem : str
        What is wrong, in one sentence.
    file : str, optional
        The file the value came from.
    sheet : str, optional
        The sheet of an Excel workbook.
    table : str, optional
        The table (``actors``, ``ties`` ...), named when there is no file,
        as for DataFrames given to :func:`netmap.from_frames`.
    row : int, optional
        The row as the user sees it: the line number in a CSV file or the row
        number in Excel (the header is row 1 when it is the first line).
    column : str, optional
        The column header as written by the user.
    column_index : int, optional
        Zero-based position of the column, used to name its Excel letter.
    suggestion : str, optional
        What to do about it.
    value : object, optional
        The offending value.

    Examples
    --------
    >>> err = InputError("unknown sector 'buisness'", file="actors.csv",
    ...                  row=7, column="sector", suggestion="did you mean 'business'?")
    >>> print(err)
    actors.csv, row 7, column 'sector': unknown sector 'buisness'. Did you mean 'business'?
    """

    code = "input"

    def __init__(
        self,
        problem: str,
        *,
        file: str | None = None,
        sheet: str | None = None,
        table: str | None = None,
        row: int | None = None,
        column: str | None = None,
        column_index: int | None = None,
        suggestion: str | None = None,
        value: object = None,
    ) -> None:
        self.problem = problem
        self.file = file
        self.sheet = sheet
        self.table = table
        self.row = row
        self.column = column
        self.column_index = column_index
        self.suggestion = suggestion
        self.value = value
        super().__init__(self._message())

    @property
    def location(self) -> str:
        """Where the problem is, as 'file, sheet 's', row r, column 'c' (C)'."""
        parts = []
        if self.file:
            parts.append(str(self.file))
        if self.sheet:
            parts.append(f"sheet '{self.sheet}'")
        if self.table and not (self.file or self.sheet):
            parts.append(f"{self.table} table")
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column is not None:
            col = f"column '{self.column}'"
            if self.column_index is not None and self.sheet and self.file:
                col += f" ({_column_letter(self.column_index)})"
            parts.append(col)
        return ", ".join(parts)

    def _message(self) -> str:
        text = self.problem
        if self.suggestion:
            suggestion = self.suggestion[0].upper() + self.suggestion[1:]
            text = f"{text.rstrip('.')}. {suggestion}"
        return f"{self.location}: {text}" if self.location else text

    def __reduce__(self):  # keep keyword arguments through pickling
        """Support pickling and copying with the keyword-only arguments."""
        return (_rebuild, (type(self), self.problem, self._state()))

    def _state(self) -> dict:
        return {
            "file": self.file,
            "sheet": self.sheet,
            "table": self.table,
            "row": self.row,
            "column": self.column,
            "column_index": self.column_index,
            "suggestion": self.suggestion,
            "value": self.value,
        }

    def to_record(self) -> dict:
        """The problem as a flat dictionary (one row of ``StakeholderMap.issues``)."""
        return {
            "severity": "error",
            "code": self.code,
            "file": self.file,
            "sheet": self.sheet,
            "table": self.table,
            "row": self.row,
            "column": self.column,
            "value": None if self.value is None else str(self.value),
            "message": str(self),
        }


def _rebuild(cls, problem, state):
    return cls(problem, **state)


class FileFormatError(InputError):
    """A file that cannot be read as a table (format, encoding, empty)."""

    code = "file-format"


class MissingColumnError(InputError):
    """A required column is absent from a table."""

    code = "missing-column"


class DuplicateIdError(InputError):
    """An id that must be unique appears more than once."""

    code = "duplicate-id"


class UnknownActorError(InputError):
    """A tie, membership or activity names an actor that is not in the map."""

    code = "unknown-actor"


class UnknownBodyError(InputError):
    """A membership names a body that is not in the bodies table."""

    code = "unknown-body"


class UnknownLabelError(InputError):
    """A label outside a closed vocabulary (level, scope)."""

    code = "unknown-label"


class UnknownSectorError(UnknownLabelError):
    """A sector label that the taxonomy does not know."""

    code = "unknown-sector"


class InvalidValueError(InputError):
    """A value of the wrong kind, such as a weight that is not a number."""

    code = "invalid-value"


class InconsistentActorError(InputError):
    """Actor attributes that contradict each other (a person without an org)."""

    code = "inconsistent-actor"


class WaveError(InputError):
    """Waves that cannot be ordered or rows active outside their actors' waves."""

    code = "wave"


class ValidationError(NetmapError, ValueError):
    """All the errors found in one reading of the input, reported together.

    Readers check everything before they fail, so that a user fixes every
    problem in one pass. ``errors`` holds the individual
    :class:`InputError` instances, each with its file, sheet, row and column.

    Examples
    --------
    >>> err = ValidationError([InputError("bad", row=2), InputError("worse", row=3)])
    >>> len(err.errors)
    2
    >>> print(err)
    2 problems in the input:
      - row 2: bad
      - row 3: worse
    """

    #: At most this many problems are spelled out in the message.
    max_listed = 50

    def __init__(self, errors: list[InputError]) -> None:
        self.errors = list(errors)
        super().__init__(self._message())

    def _message(self) -> str:
        n = len(self.errors)
        head = f"{n} problem{'s' if n != 1 else ''} in the input:"
        lines = [f"  - {e}" for e in self.errors[: self.max_listed]]
        if n > self.max_listed:
            lines.append(f"  ... and {n - self.max_listed} more (see .errors)")
        return "\n".join([head, *lines])

    def __reduce__(self):
        """Support pickling with the list of errors."""
        return (type(self), (self.errors,))


class MeasureError(NetmapError, ValueError):
    """A measure cannot be computed on this map as asked.

    For example a trust matrix of a map without trust ratings, or an
    argument outside the allowed values. The message says what to do.
    """


def _short_repr(value: object) -> str:
    """``repr(value)``, or its type's name when that is long or spans lines (a table)."""
    shown = repr(value)
    if len(shown) > 120 or "\n" in shown:
        return f"<{type(value).__name__}>"
    return shown


class ParameterError(MeasureError):
    """An argument outside its allowed values, named with the values it may take.

    Every public function raises it for a bad option (``by``, ``weight``,
    ``seed``, ``lang``, ``top``, ``permutations``, a field name, ...). It is a
    :class:`NetmapError` and a :class:`ValueError` (and, for code written for
    netmap 0.1, a :class:`MeasureError`).

    Parameters
    ----------
    parameter : str
        The parameter's name, as in the signature.
    value : object
        The value given (shown by its type's name when its repr is long or
        spans lines, as a DataFrame's does).
    allowed : str
        The values it may take, in words (``"'en' or 'he'"``,
        ``"a whole number of at least 1"``).
    hint : str, optional
        What to do, when there is more to say than the allowed values.

    Examples
    --------
    >>> err = ParameterError("lang", "fr", "'en' or 'he'")
    >>> print(err)
    lang='fr' is not allowed: use 'en' or 'he'
    >>> (err.parameter, err.value)
    ('lang', 'fr')
    """

    def __init__(self, parameter: str, value: object, allowed: str, hint: str = "") -> None:
        self.parameter = parameter
        self.value = value
        self.allowed = allowed
        self.hint = hint
        message = f"{parameter}={_short_repr(value)} is not allowed: use {allowed}"
        super().__init__(f"{message}; {hint}" if hint else message)

    def __reduce__(self):
        """Support pickling with the constructor's arguments."""
        return (type(self), (self.parameter, self.value, self.allowed, self.hint))


class NetmapWarning(UserWarning):
    """Base class of netmap's warnings."""


class DataWarning(NetmapWarning):
    """Input that was kept, dropped or classified in a way the user should know.

    Every such event is also listed in ``StakeholderMap.issues``.
    """


class MissingGlyphWarning(NetmapWarning):
    """A plot's text has characters that the fonts in use cannot draw.

    The message names the characters and the fonts; pass the plot a font
    that has them.
    """
