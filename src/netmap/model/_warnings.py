"""netmap's warnings, each one to the call that caused it.

Every warning netmap gives goes through :func:`warn`. Outside a collection
it is :func:`warnings.warn`: the caller sees it, under the caller's
filters. A function that turns netmap's warnings into output of its own
(the report's notes, the command line's list of problems) runs its work
inside :func:`collect`, and every warning of that work comes to its list
instead.

The collection is held in a :class:`contextvars.ContextVar`, not in the
process-wide state of the :mod:`warnings` module (``catch_warnings`` swaps
the module's filters and ``showwarning`` for every thread at once, so a
report built while another thread reads another map would list that map's
warnings in its notes, and take them from the thread that should see
them). Each thread starts with no collection, and an asyncio task sees the
collection of the code that created it. Warnings of other libraries
(numpy, pandas, matplotlib) are not netmap's and still go to
:func:`warnings.warn`.
"""

from __future__ import annotations

import warnings
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TYPE_CHECKING

from netmap.model.exceptions import NetmapWarning

if TYPE_CHECKING:
    from collections.abc import Iterator

__all__ = ["warn", "collect"]

_COLLECTION: ContextVar[list[Warning] | None] = ContextVar("netmap_warnings", default=None)


def warn(message: str, category: type[Warning] = NetmapWarning, *, stacklevel: int = 1) -> None:
    """Give a warning: to the current collection, else to :func:`warnings.warn`.

    Parameters
    ----------
    message : str
        The warning's text.
    category : type of Warning, default NetmapWarning
        Its class.
    stacklevel : int, default 1
        As for :func:`warnings.warn` called where ``warn`` is called: 2 names
        the line that called the function that warns.

    Examples
    --------
    >>> from netmap.model._warnings import collect, warn
    >>> with collect() as caught:
    ...     warn("three actors have no sector")
    >>> [str(w) for w in caught]
    ['three actors have no sector']
    """
    sink = _COLLECTION.get()
    if sink is None:
        warnings.warn(message, category, stacklevel=stacklevel + 1)
    else:
        sink.append(category(message))


@contextmanager
def collect() -> Iterator[list[Warning]]:
    """Collect the warnings :func:`warn` gives in this block, in this thread or task.

    Yields
    ------
    list of Warning
        The warnings, in the order they were given (one instance of the
        warning's category each, whose ``str`` is the message). They do not
        reach :func:`warnings.warn`; a collection inside another one keeps
        its warnings from the outer one.

    Examples
    --------
    >>> from netmap.model._warnings import collect, warn
    >>> with collect() as outer:
    ...     warn("kept")
    ...     with collect() as inner:
    ...         warn("only inner")
    >>> [str(w) for w in outer], [str(w) for w in inner]
    (['kept'], ['only inner'])
    """
    sink: list[Warning] = []
    token = _COLLECTION.set(sink)
    try:
        yield sink
    finally:
        _COLLECTION.reset(token)
