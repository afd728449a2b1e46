"""Checks of the options every public function takes: one place, one error.

Each check returns the value (converted where that is its job) or raises
:class:`~netmap.ParameterError` naming the parameter, the value and what
it may be.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection
from numbers import Integral, Real
from typing import TYPE_CHECKING, Literal, overload

from netmap.model.exceptions import ParameterError

if TYPE_CHECKING:  # numpy is imported by the checks that need it: the command line starts fast
    import numpy as np

__all__ = ["check_bool", "check_choice", "check_int", "check_number", "check_seed",
           "check_encoding", "check_date", "iso_date", "allowed_words"]

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def allowed_words(values: Collection) -> str:
    """The allowed values in words: ``'a', 'b' or 'c'``."""
    quoted = [repr(v) for v in values]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]


def check_choice(parameter: str, value, allowed: Collection):
    """``value`` if it is one of ``allowed``, else ParameterError."""
    try:
        ok = value in allowed
    except TypeError:  # an unhashable value
        ok = False
    if not ok:
        raise ParameterError(parameter, value, allowed_words(allowed))
    return value


@overload
def check_int(parameter: str, value, *, minimum: int | None = None,
              allow_none: Literal[False] = False) -> int: ...


@overload
def check_int(parameter: str, value, *, minimum: int | None = None,
              allow_none: bool) -> int | None: ...


def check_int(parameter: str, value, *, minimum: int | None = None,
              allow_none: bool = False) -> int | None:
    """``value`` as an int (not a bool), at least ``minimum``; None if allowed."""
    if value is None and allow_none:
        return None
    if isinstance(value, bool) or not isinstance(value, Integral) or (
            minimum is not None and int(value) < minimum):
        what = "a whole number" + (f" of at least {minimum}" if minimum is not None else "")
        raise ParameterError(parameter, value, what + (" or None" if allow_none else ""))
    return int(value)


def check_bool(parameter: str, value, *, allow_none: bool = False) -> bool | None:
    """``value`` if it is True or False (a numpy bool too); None if allowed."""
    if value is None and allow_none:
        return None
    import numpy as np

    if not isinstance(value, bool | np.bool_):
        raise ParameterError(parameter, value, "True, False or None" if allow_none
                             else "True or False")
    return bool(value)


def check_encoding(parameter: str, value, *, allow_none: bool = False) -> str | None:
    """``value`` if it names a text encoding Python knows (``"cp1255"``); None if allowed."""
    import codecs

    if value is None and allow_none:
        return None
    try:
        codecs.lookup(value)
    except (LookupError, TypeError):
        raise ParameterError(parameter, value, "a Python text encoding, such as "
                             "'utf-8-sig', 'cp1255' or 'cp1252'"
                             + (", or None" if allow_none else "")) from None
    return value


def iso_date(value) -> str | None:
    """``value`` as an ISO date ``YYYY-MM-DD``, or None when it is not one.

    A :class:`datetime.date` (a datetime too, when it falls on midnight, as
    a date typed into Excel does) or text written ``YYYY-MM-DD``; other
    spellings (``01/03/2024``: March or January?) are not dates here.

    Examples
    --------
    >>> import datetime
    >>> iso_date("2024-03-01"), iso_date(datetime.datetime(2024, 3, 1))
    ('2024-03-01', '2024-03-01')
    >>> iso_date("01/03/2024"), iso_date("2024-02-30"), iso_date(20240301)
    (None, None, None)
    """
    import datetime as dt

    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time(0) else None
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value.strip()):
        return None
    try:
        return dt.date.fromisoformat(value.strip()).isoformat()
    except ValueError:  # a day the calendar does not have
        return None


def check_date(parameter: str, value) -> str | None:
    """``value`` as an ISO date ``YYYY-MM-DD`` (see :func:`iso_date`); None stays None."""
    if value is None:
        return None
    date = iso_date(value)
    if date is None:
        raise ParameterError(parameter, value, "a date written YYYY-MM-DD (such as "
                             "'2024-03-01'), a datetime.date or None")
    return date


def check_number(parameter: str, value, *, low: float | None = None,
                 high: float | None = None, above: float | None = None,
                 below: float | None = None) -> float:
    """``value`` as a float within ``[low, high]``, above ``above`` and below ``below``.

    Each bound is left out when None: ``low``/``high`` are inclusive,
    ``above``/``below`` exclusive (``above=0, high=1`` is a share in (0, 1]).
    """
    if isinstance(value, bool) or not isinstance(value, Real) or math.isnan(float(value)) or (
            low is not None and float(value) < low) or (
            high is not None and float(value) > high) or (
            above is not None and float(value) <= above) or (
            below is not None and float(value) >= below):
        if low is not None and high is not None and above is None and below is None:
            raise ParameterError(parameter, value, f"a number from {low} to {high}")
        bounds = [f"at least {low}" if low is not None else "",
                  f"above {above}" if above is not None else "",
                  f"at most {high}" if high is not None else "",
                  f"below {below}" if below is not None else ""]
        words = " and ".join(b for b in bounds if b)
        raise ParameterError(parameter, value, f"a number {words}" if words else "a number")
    return float(value)


def check_seed(seed) -> np.random.Generator:
    """A numpy Generator from ``seed`` (None, an int, or a Generator).

    The one way netmap turns a ``seed=`` argument into randomness; no
    global random state is read or changed. ``None`` draws fresh
    randomness from the operating system.
    """
    import numpy as np

    if isinstance(seed, np.random.Generator):
        return seed
    if seed is None or (isinstance(seed, Integral) and not isinstance(seed, bool)
                        and int(seed) >= 0):
        return np.random.default_rng(None if seed is None else int(seed))
    raise ParameterError("seed", seed, "None, a whole number of at least 0 or a "
                         "numpy Generator")
