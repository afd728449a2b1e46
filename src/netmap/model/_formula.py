"""Spreadsheet formula injection: cells written so that Excel never runs them.

A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
return is read by Excel, LibreOffice and Google Sheets as a formula when
it opens a CSV file (and openpyxl writes such a string as a live formula
to a workbook). An actor named ``=HYPERLINK("http://...")`` would then run
in the analyst's spreadsheet. As OWASP recommends, netmap's spreadsheet
writers (CSV, Excel, Kumu) prefix such a cell with a single quote, which
spreadsheets show as text; netmap's readers take exactly that quote off
again, so a map reads back equal.

The rule is one-to-one: a text cell is written with one more leading
quote when, after its leading quotes, it starts with one of those
characters, unless it is a plain number (``-3`` and ``+2.5`` stay numbers);
a cell read with one or more leading quotes followed by one of those
characters loses one quote. Numbers in numeric columns are never touched.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

__all__ = ["escape_cell", "unescape_cell", "escape_frame", "escape_values", "TRIGGERS"]

#: The first characters that make a spreadsheet read a cell as a formula.
TRIGGERS = "=+-@\t\r"

_WRITE = re.compile(r"'*[=+\-@\t\r]")
_READ = re.compile(r"'+[=+\-@\t\r]")
_NUMBER = re.compile(r"[+-]?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")


def escape_cell(value):
    r"""A cell as written to a spreadsheet: text that would run gets a leading quote.

    Examples
    --------
    >>> escape_cell('=HYPERLINK("http://x")')
    '\'=HYPERLINK("http://x")'
    >>> escape_cell("-3"), escape_cell(-3)
    ('-3', -3)
    >>> escape_cell("+972-3-555"), escape_cell("'=x"), escape_cell("it's")
    ("'+972-3-555", "''=x", "it's")
    """
    if isinstance(value, str) and _WRITE.match(value) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def unescape_cell(value):
    """A cell as read back: the quote :func:`escape_cell` added is taken off.

    Examples
    --------
    >>> unescape_cell("'=SUM(A1)"), unescape_cell("''=x"), unescape_cell("'quoted'")
    ('=SUM(A1)', "'=x", "'quoted'")
    """
    if isinstance(value, str) and _READ.match(value):
        return value[1:]
    return value


def escape_values(values: pd.Series) -> pd.Series:
    """A column with every text cell escaped (each distinct value once).

    Numeric and boolean columns are returned as they are.
    """
    if (pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values)) \
            and not isinstance(values.dtype, pd.CategoricalDtype):
        return values
    objects = values.astype(object)
    codes, uniques = pd.factorize(objects, use_na_sentinel=True)
    if not any(isinstance(u, str) and _WRITE.match(u) for u in uniques):
        return values
    escaped = np.empty(len(uniques) + 1, dtype=object)
    escaped[:-1] = [escape_cell(u) for u in uniques]
    escaped[-1] = None
    out = pd.Series(escaped[codes], index=values.index, dtype=object, name=values.name)
    return out.where(objects.notna(), None)


def escape_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of a table with its headers and text cells escaped for a spreadsheet."""
    return pd.DataFrame({escape_cell(str(c)): escape_values(frame[c])
                         for c in frame.columns}, index=frame.index)
