"""Measures computed once per report: a cache of calls, alive inside ``kept()`` only.

The report asks the same question of the same map several times (the
under-connected pairs for its findings and for its mixing section, the
bodies' composition for the findings, the axis and the bodies section).
Inside ``with kept():`` a function decorated with :func:`remembered`
answers a call it has answered before (the same map object and the same
arguments) from the cache, with a copy of its result; outside, it
computes as usual. The cache lives in a context variable, as the
report's warnings do (:mod:`netmap.model._warnings`), so reports made in
several threads each keep their own, and it is gone when the block ends.
"""

from __future__ import annotations

import contextlib
import functools
import inspect
from collections.abc import Callable
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, TypeVar, cast

import numpy as np

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["kept", "remembered"]

F = TypeVar("F", bound=Callable[..., Any])

_STORE: ContextVar[dict | None] = ContextVar("netmap_kept", default=None)


@contextlib.contextmanager
def kept() -> Iterator[dict]:
    """Inside the block, every :func:`remembered` call is computed once.

    A block inside another shares the outer block's cache.

    Examples
    --------
    >>> calls = []
    >>> @remembered
    ... def measure(m, *, k=1):
    ...     calls.append(k)
    ...     return [k]
    >>> with kept():
    ...     _ = measure("map", k=2), measure("map", k=2), measure("map", k=3)
    >>> calls
    [2, 3]
    """
    store = _STORE.get()
    if store is not None:
        yield store
        return
    token = _STORE.set({})
    try:
        yield _STORE.get() or {}
    finally:
        _STORE.reset(token)


def _frozen(value) -> Any:
    """A hashable stand-in for an argument; raises TypeError when there is none.

    A random Generator changes with each draw, so a call given one is never
    answered from the cache.
    """
    if isinstance(value, np.random.Generator):
        raise TypeError("a Generator's draws differ from call to call")
    if isinstance(value, list | tuple):
        return (type(value).__name__, tuple(_frozen(v) for v in value))
    if isinstance(value, set | frozenset):
        return ("set", frozenset(_frozen(v) for v in value))
    hash(value)
    return value


def remembered(fn: F) -> F:
    """Decorate a function of a map so that, inside :func:`kept`, each call is computed once.

    The key is the function, the map object (``id``; the cache keeps the
    map alive, so the id is not reused) and the other arguments, with
    their defaults filled in (``f(m)`` and ``f(m, alpha=0.05)`` ask the
    same question when 0.05 is the default). Arguments
    that cannot be hashed (a Generator, a DataFrame) make the call compute
    as usual. The result is copied on the way out when it has a ``copy``
    method, so a caller that changes it does not change the cache. The
    function itself is ``wrapper.__wrapped__``, looked up at each call.
    """
    signature = inspect.signature(fn)

    @functools.wraps(fn)
    def wrapper(m, *args, **kwargs):
        store = _STORE.get()
        if store is None:
            return wrapper.__wrapped__(m, *args, **kwargs)
        try:
            bound = signature.bind(m, *args, **kwargs)
            bound.apply_defaults()  # f(m) and f(m, alpha=0.05) ask the same
            options = tuple((k, v) for k, v in bound.arguments.items() if v is not m)
            key = (fn.__module__, fn.__qualname__, id(m), _frozen(options))
        except TypeError:
            return wrapper.__wrapped__(m, *args, **kwargs)
        if key not in store:
            store[key] = (m, wrapper.__wrapped__(m, *args, **kwargs))
        result = store[key][1]
        return result.copy() if hasattr(result, "copy") else result

    return cast("F", wrapper)
