import pandas as pd
import pytest

from netmap.model.vocabulary import (
    BODY_KINDS,
    LEVELS,
    ROLES,
    SCOPES,
    TIE_CLASSES,
    TIE_TYPES,
    Term,
    Vocabulary,
    tie_class,
)


@pytest.mark.parametrize(("label", "code", "cls"), [
    ("partnership", "partnership", "partnership"),
    ("שותפות", "partnership", "partnership"),
    ("Joint Activity", "joint_activity", "partnership"),
    ("פעילות משותפת", "joint_activity", "partnership"),
    ("information", "information", "exchange"),
    ("מידע", "information", "exchange"),
    ("advice", "advice", "exchange"),
    ("ייעוץ", "advice", "exchange"),
    ("resources", "resources", "exchange"),
    ("משאבים", "resources", "exchange"),
    ("funding", "funding", "transactional"),
    ("מימון", "funding", "transactional"),
    ("contract", "contract", "transactional"),
    ("מיקור חוץ", "contract", "transactional"),
    ("donation", "donation", "transactional"),
    ("תרומה", "donation", "transactional"),
    ("other", "other", "unclassified"),
])
def test_tie_types_and_classes(label, code, cls):
    assert TIE_TYPES.lookup(label) == code
    assert tie_class(code) == cls


def test_classes_order_and_unknown():
    assert TIE_CLASSES == ("partnership", "exchange", "transactional", "unclassified")
    assert tie_class("friendship") == "unclassified"
    assert tie_class(None) == "unclassified"


def test_open_vocabulary_keeps_unknown_as_written():
    codes, unknown = TIE_TYPES.normalise(pd.Series([" Funding ", " friendship ", None]))
    assert codes.tolist() == ["funding", "friendship", None]
    assert unknown.tolist() == [False, True, False]


def test_closed_vocabulary_drops_unknown_to_missing():
    codes, unknown = LEVELS.normalise(pd.Series(["Person", "committee-ish"]))
    assert codes.tolist() == ["person", None]
    assert unknown.tolist() == [False, True]


@pytest.mark.parametrize(("vocab", "label", "code"), [
    (LEVELS, "ארגון", "organisation"), (LEVELS, "organization", "organisation"),
    (LEVELS, "אדם", "person"), (LEVELS, "גוף", "body"),
    (SCOPES, "ארצי", "national"), (SCOPES, "international", "global"),
    (ROLES, 'יו"ר', "chair"), (ROLES, "יושבת ראש", "chair"),
    (ROLES, "ראש צוות", "lead"), (BODY_KINDS, "ועדת היגוי", "steering_committee"),
    (BODY_KINDS, "working group", "working_team"),
])
def test_other_vocabularies(vocab, label, code):
    assert vocab.lookup(label) == code


def test_suggestion_text():
    assert "did you mean 'person'" in LEVELS.suggestion_text("persn")
    assert "known levels" in LEVELS.suggestion_text("zzzzzz")


def test_with_terms_and_aliases_return_new_vocabularies():
    vocab = TIE_TYPES.with_terms(Term("volunteering", "volunteering", "התנדבות"))
    assert vocab.lookup("התנדבות") == "volunteering"
    assert TIE_TYPES.lookup("התנדבות") is None
    vocab = TIE_TYPES.with_aliases({"sponsorship": "funding"})
    assert vocab.lookup("Sponsorship") == "funding"
    with pytest.raises(KeyError):
        TIE_TYPES.with_aliases({"x": "nope"})


def test_conflicting_aliases_are_refused():
    with pytest.raises(ValueError, match="already names"):
        Vocabulary("thing", [Term("a", "a", "א", ("same",)), Term("b", "b", "ב", ("same",))])
