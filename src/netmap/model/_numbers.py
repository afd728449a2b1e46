"""The rounding rules every printed number of netmap follows, in one place.

A share is printed as a whole percentage (half away from zero, so 0.445
reads 45% wherever it is printed); shares of one whole are rounded
together by the largest-remainder method, so they add up to 100; a
permutation p-value is printed to :data:`P_DECIMALS` decimals, and below
that resolution as "< 0.001", never as 0; an expected count (the mean of
a permutation test) to one decimal.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

__all__ = ["P_DECIMALS", "P_FLOOR", "whole_percent", "whole_percents", "p_digits",
           "expected_digits"]

#: Decimals of a printed p-value.
P_DECIMALS = 3
#: The smallest p-value printed as a number; below it, "< 0.001".
P_FLOOR = 10.0 ** -P_DECIMALS


def whole_percent(share: float) -> int:
    """A share (0 to 1) as a whole percentage, half away from zero.

    Examples
    --------
    >>> whole_percent(0.445), whole_percent(0.125), whole_percent(1 / 3)
    (45, 13, 33)
    """
    scaled = 100 * float(share)
    # 1e-9 absorbs the binary error of a share such as 0.445 (stored as 0.44499...)
    return int(math.floor(abs(scaled) + 0.5 + 1e-9)) * (1 if scaled >= 0 else -1)


def whole_percents(shares: Iterable[float]) -> list[int]:
    """Shares of one whole as whole percentages that add up to 100 (largest remainder).

    Each share gets its whole part; the points still missing to reach 100
    go to the largest remainders (ties: the earlier share). Shares that do
    not add up to 1 are scaled to their sum; all zero gives all zero.

    Examples
    --------
    >>> whole_percents([184 / 394, 161 / 394, 49 / 394])
    [47, 41, 12]
    >>> [whole_percent(s) for s in [184 / 394, 161 / 394, 49 / 394]]
    [47, 41, 12]
    >>> whole_percents([1 / 3, 1 / 3, 1 / 3])
    [34, 33, 33]
    """
    values = [float(s) for s in shares]
    total = sum(values)
    if total <= 0:
        return [0] * len(values)
    scaled = [100 * v / total for v in values]
    whole = [math.floor(s) for s in scaled]
    missing = 100 - sum(whole)
    order = sorted(range(len(values)), key=lambda i: (-(scaled[i] - whole[i]), i))
    for i in order[:missing]:
        whole[i] += 1
    return whole


def p_digits(p: float) -> tuple[str, str]:
    """A p-value as (relation, digits): ("=", "0.042") or ("<", "0.001").

    Examples
    --------
    >>> p_digits(0.0421), p_digits(1 / 1000), p_digits(1 / 10001)
    (('=', '0.042'), ('=', '0.001'), ('<', '0.001'))
    """
    if p < P_FLOOR * (1 - 1e-9):
        return "<", f"{P_FLOOR:.{P_DECIMALS}f}"
    return "=", f"{p:.{P_DECIMALS}f}"


def expected_digits(value: float) -> str:
    """An expected count (a mean over permutations) to one decimal: "46.2".

    Examples
    --------
    >>> expected_digits(46.161)
    '46.2'
    """
    return f"{value:,.1f}"
