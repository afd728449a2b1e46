import pytest

from netmap.model.exceptions import UnknownSectorError
from netmap.model.sectors import CORE_SECTORS, Sector, SectorTaxonomy, default_taxonomy

TAX = default_taxonomy()

# Every alias of CONCEPTS.md section 1 (English and Hebrew), with the sector it names.
CONCEPTS_ALIASES = {
    "public": ["public", "first sector", "government", "state", "ministries",
               "local authorities", "statutory bodies", "המגזר הציבורי",
               "המגזר הראשון", "ממשלה", "שלטון מקומי", "רשות"],
    "business": ["business", "private sector", "second sector", "corporations",
                 "companies", "המגזר העסקי", "המגזר הפרטי", "המגזר השני", "חברה",
                 "תאגיד"],
    "third": ["third", "civil sector", "social sector", "voluntary sector",
              "non-profit sector", "NGOs", "association", "amuta",
              "public-benefit company", "endowment", "המגזר השלישי",
              "המגזר האזרחי", "המגזר החברתי", "עמותה", 'חל"צ', "הקדש",
              "ארגון חברה אזרחית"],
    "academia": ["academia", "research institute", "אקדמיה", "מכון מחקר"],
    "social_business": ["social business", "עסק חברתי"],
    "philanthropy": ["philanthropic foundation", "קרן פילנתרופית"],
    "community": ["civil society", "community", "communities", "חברה אזרחית",
                  "קהילה"],
    "other": ["fourth sector", "double bottom line", "impact investors",
              "social impact bonds", "המגזר הרביעי"],
}


@pytest.mark.parametrize(("code", "label"), [
    (code, label) for code, labels in CONCEPTS_ALIASES.items() for label in labels])
def test_concepts_aliases(code, label):
    assert TAX.lookup(label) == code


@pytest.mark.parametrize(("label", "code"), [
    ("  PUBLIC  ", "public"), ("Public-Sector", "public"), ("the public sector", "public"),
    ("ציבורי", "public"), ("מגזר ציבורי", "public"), ("הציבורי", "public"),
    ("שלישי", "third"), ("מגזר שלישי", "third"), ("השלישי", "third"),
    ("Non Profit", "third"), ("nonprofit", "third"), ("חלצ", "third"),
    ("Social-Business", "social_business"), ("social_business", "social_business"),
    ("עסקי", "business"), ("مؤسسة خيرية", "philanthropy"), ("جمعية", "third"),
    ("القطاع الخاص", "business"), ("بلدية", "public"),
])
def test_spelling_variants(label, code):
    assert TAX.lookup(label) == code


def test_codes_and_core():
    assert TAX.codes == ("public", "business", "third", "academia", "philanthropy",
                         "social_business", "community", "other")
    assert TAX.core_map() == {
        "public": "public", "business": "business", "third": "third",
        "academia": None, "philanthropy": "third", "social_business": None,
        "community": "third", "other": None}


def test_display_names_in_both_languages():
    for code in TAX.codes:
        assert TAX.display_name(code, lang="en")
        assert any("\u0590" <= c <= "\u05ff" for c in TAX.display_name(code, lang="he"))
    with pytest.raises(ValueError, match="lang"):
        TAX.display_name("public", lang="fr")


def test_unknown_label_suggests_nearest():
    with pytest.raises(UnknownSectorError) as info:
        TAX.normalise_label("buisness")
    err = info.value
    assert "'buisness'" in str(err)
    assert "did you mean 'business'" in str(err).lower()
    assert err.value == "buisness"


def test_unknown_hebrew_label_suggests_nearest():
    assert TAX.suggest("ציבורית")[0] == "public"


def test_no_silent_other():
    assert TAX.lookup("banana") is None
    assert TAX.lookup("") is None
    assert TAX.lookup(None) is None


def test_user_can_add_sector_and_aliases_without_changing_default():
    tax = TAX.with_sector("cooperative", en="cooperative", he="קואופרטיב",
                          aliases=["co-op", "אגודה שיתופית"], core="business")
    assert tax.lookup("Co-op") == "cooperative"
    assert tax.lookup("אגודה שיתופית") == "cooperative"
    assert tax.core_of("cooperative") == "business"
    assert TAX.lookup("co-op") is None
    tax2 = TAX.with_aliases({"hi-tech": "business", "עמותת הורים": "community"})
    assert tax2.lookup("Hi Tech") == "business"
    assert tax2.lookup("עמותת הורים") == "community"
    assert TAX.lookup("hi-tech") is None


def test_replacing_a_sector_keeps_its_place():
    tax = TAX.with_sector("academia", en="academia", he="אקדמיה", core="third")
    assert tax.codes == TAX.codes
    assert tax.core_of("academia") == "third"


def test_alias_naming_two_sectors_is_refused():
    with pytest.raises(ValueError, match="already names"):
        TAX.with_aliases({"ngo": "business"})


def test_alias_for_unknown_code_is_refused():
    with pytest.raises(KeyError, match="unknown sector codes"):
        TAX.with_aliases({"x": "nonsense"})


def test_bad_core_is_refused():
    with pytest.raises(ValueError, match="core"):
        SectorTaxonomy([Sector("a", "a", "a", core="academia")])


def test_to_frame():
    frame = TAX.to_frame()
    assert list(frame.index) == list(TAX.codes)
    assert set(frame["core"].dropna()) == set(CORE_SECTORS)
    assert "עמותה" in frame.loc["third", "aliases"]
