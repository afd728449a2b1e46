"""Helpers shared by the tests of the exchange formats (Pajek, UCINET DL).

One small map written and read back, one way to read a file recording its
warnings, and one check that a malformed file fails naming its file and line.
"""

from __future__ import annotations

import re
import warnings

import pandas as pd
import pytest

import netmap
from netmap.testing import assert_map_equal


def read_warned(read, path, **kwargs):
    """The map ``read(path, **kwargs)`` returns, and the messages of every warning it gave."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        m = read(path, **kwargs)
    return m, [str(w.message) for w in caught]


def write_file(tmp_path, text, name):
    """``text`` written as UTF-8 to ``tmp_path / name``; its path."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def assert_fails_at(read, path, message, row):
    """``read(path)`` raises FileFormatError matching ``message`` and naming the file and row."""
    with pytest.raises(netmap.FileFormatError, match=message) as info:
        read(path)
    assert info.value.file == str(path) and info.value.row == row


def parser_failures(read, name, cases):
    """A test: each case's text, written to ``tmp_path / name``, fails ``read`` at its row.

    ``cases`` are ``(text, message, row)``: the file's text, a pattern of
    the FileFormatError's message and the row it must name (with the file).
    The DL and Pajek tests bind it to a ``test_...`` name, one list each.
    """
    @pytest.mark.parametrize(("text", "message", "row"), cases,
                             ids=[message for _, message, _ in cases])
    def test(tmp_path, text, message, row):
        assert_fails_at(read, write_file(tmp_path, text, name), message, row)

    return test


def small_map(directed, *, business="intel", name=None, **extra):
    """Four actors (one a Hebrew sector, one id with a space), four ties with one self-tie.

    ``business`` is the business actor's id (a comma in it tests quoting),
    ``extra`` adds actor columns (``x=``, ``y=``).
    """
    actors = pd.DataFrame({"id": ["moe", "beit yatziv", business, "ngo"],
                           "sector": ["public", "third", "business", "עמותה"], **extra})
    ties = pd.DataFrame({"source": ["moe", business, "ngo", "moe"],
                         "target": ["beit yatziv", "moe", "ngo", "ngo"],
                         "weight": [1.0, 2.5, 1.0, 0.25]})
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", netmap.DataWarning)  # the self-tie
        return netmap.from_frames(actors, ties, directed=directed, name=name)


def assert_round_trip(m, path, write, read, *, warns=None, write_options=None,
                      read_options=None, **check):
    """``write(m, path)`` then ``read(path)`` gives ``m`` back (``check`` goes to assert_map_equal).

    ``warns`` is a pattern the writer's one DataWarning matches (what the
    format cannot keep), or None when the writer must not warn at all.
    """
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        write(m, path, **(write_options or {}))
    said = [(w.category, str(w.message)) for w in caught]
    if warns is None:
        assert said == []
    else:
        assert len(said) == 1 and said[0][0] is netmap.DataWarning, said
        assert re.search(warns, said[0][1]), said
    back, _ = read_warned(read, path, **(read_options or {}))
    assert back.directed == m.directed
    assert_map_equal(m, back, **check)
