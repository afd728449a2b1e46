"""The tests' `require`: a missing module or command skips a test here and fails it under CI."""

import json
import sys
from pathlib import Path

import pytest

from conftest import in_ci, missing, require


@pytest.mark.parametrize("value", ["true", "1", "yes", "True"])
def test_ci_is_set(monkeypatch, value):
    monkeypatch.setenv("CI", value)
    assert in_ci()


@pytest.mark.parametrize("value", [None, "", "false", "0"])
def test_ci_is_not_set(monkeypatch, value):
    if value is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", value)
    assert not in_ci()


@pytest.mark.parametrize(("ci", "outcome"), [("", pytest.skip.Exception),
                                             ("true", pytest.fail.Exception)])
def test_a_missing_module_or_command_skips_here_and_fails_under_ci(monkeypatch, ci, outcome):
    monkeypatch.setenv("CI", ci)
    with pytest.raises(outcome, match="the module no_such_module_of_netmap is not installed"):
        require("no_such_module_of_netmap")
    with pytest.raises(outcome, match="the command no-such-command-of-netmap is not installed"):
        require("no-such-command-of-netmap", command=True)
    with pytest.raises(outcome, match="drawn with another matplotlib"):
        missing("drawn with another matplotlib")


def test_what_is_there_is_returned():
    assert require("json") is json
    # commands are found beside the interpreter (the virtual environment's bin) first
    found = require(Path(sys.executable).name, command=True)
    assert Path(found).parent == Path(sys.executable).parent


def test_a_module_left_out_on_purpose_skips_even_under_ci(monkeypatch):
    # the lowest-versions job removes pyarrow and fa2 and says so (.ci/run)
    monkeypatch.setenv("CI", "true")
    monkeypatch.setenv("NETMAP_LEFT_OUT", "json no_such_module_of_netmap")
    with pytest.raises(pytest.skip.Exception, match="left out on purpose"):
        require("no_such_module_of_netmap")
    with pytest.raises(pytest.skip.Exception, match="left out on purpose"):
        require("json")  # even one that is there: the job runs as if it were not
    monkeypatch.setenv("NETMAP_LEFT_OUT", "")
    assert require("json") is json
