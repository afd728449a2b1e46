"""The words of the findings and of the axis, in English and Hebrew.

Every finding code has a title and a text in each language; the texts are
format strings whose fields :mod:`netmap.findings.insights` fills in. The Hebrew is
written for Hebrew readers, not translated word for word; it avoids
attaching the prefixes ל, ב and כ to names and sector phrases (which would
need the article dropped), writing "בין ... לבין" and quoting names after
a prefix instead.
"""

from __future__ import annotations

__all__ = ["TEXTS", "LANGS", "sector_phrase", "join", "role_label", "ANCHORS",
           "DIMENSIONS", "COMPLEXITY", "AXIS_TEXTS", "PHRASES", "core_count_phrase", "percent",
           "ties_phrase"]

LANGS = ("en", "he")

#: A sector as a phrase inside a sentence.
_SECTOR_PHRASES = {
    "en": {"public": "the public sector", "business": "the business sector",
           "third": "the third sector", "academia": "academia",
           "philanthropy": "philanthropy", "social_business": "social businesses",
           "community": "communities", "other": "other actors"},
    "he": {"public": "המגזר הציבורי", "business": "המגזר העסקי",
           "third": "המגזר השלישי", "academia": "האקדמיה",
           "philanthropy": "הפילנתרופיה", "social_business": "העסקים החברתיים",
           "community": "הקהילות", "other": "שחקנים אחרים"},
}


def sector_phrase(code: str, lang: str, taxonomy=None) -> str:
    """A sector as it reads inside a sentence."""
    phrase = _SECTOR_PHRASES[lang].get(code)
    if phrase is None:
        phrase = taxonomy.display_name(code, lang) if taxonomy is not None else str(code)
    return phrase


def join(items, lang: str, conjunction: str = "and") -> str:
    """Items joined as a sentence joins them: "a, b and c"; Hebrew "א, ב וג"."""
    items = [str(i) for i in items]
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    head, last = ", ".join(items[:-1]), items[-1]
    if lang == "en":
        return f"{head} {conjunction} {last}"
    if conjunction == "or":
        return f"{head} או {last}"
    first = last.lstrip("\"'\u05f4")[:1]
    hebrew = "\u0590" <= first <= "\u05ff"
    return f"{head} ו{last}" if hebrew else f"{head} ו-{last}"


def ties_phrase(n: int, lang: str) -> str:
    """A count of ties in words: 1 tie, 6 ties; קשר אחד, 6 קשרים."""
    if lang == "en":
        return f"{n} tie" if n == 1 else f"{n} ties"
    return "קשר אחד" if n == 1 else f"{n} קשרים"


def percent(value: float) -> str:
    """A share as a whole percentage."""
    return f"{round(100 * value)}%"


def core_count_phrase(k: int, lang: str) -> str:
    """A count of core sectors in words: two core sectors; שני מגזרי ליבה."""
    en = {0: "no core sector", 1: "one core sector", 2: "two core sectors",
          3: "three core sectors"}
    he = {0: "אף מגזר ליבה", 1: "מגזר ליבה אחד", 2: "שני מגזרי ליבה",
          3: "שלושה מגזרי ליבה"}
    return (en if lang == "en" else he)[k]


_ROLES = {
    "en": {"leading": "leading", "central": "central but not leading",
           "peripheral": "present but peripheral", "absent": "absent"},
    "he": {"leading": "מוביל", "central": "מרכזי אך לא מוביל",
           "peripheral": "נוכח אך שולי", "absent": "נעדר"},
}


def role_label(role: str, lang: str) -> str:
    """The public sector's part, in words."""
    return _ROLES[lang][role]


#: The anchors of the axis of multi-sector action (CONCEPTS.md section 6).
ANCHORS = {
    "cooperation": {"en": "cooperation", "he": "שיתוף פעולה"},
    "partnership": {"en": "partnership", "he": "שותפות"},
    "joint_move": {"en": "joint move", "he": "מהלך משותף"},
}

#: The five dimensions of the axis.
DIMENSIONS = {
    "viewpoint": {"en": "viewpoint", "he": "נקודת מבט"},
    "goal": {"en": "goal", "he": "מטרה"},
    "time": {"en": "time", "he": "זמן"},
    "stakeholders": {"en": "stakeholders", "he": "בעלי עניין"},
    "management": {"en": "dedicated management", "he": "ניהול ייעודי"},
}

#: Problem complexity (CONCEPTS.md section 5), as an adjective of "the problem".
COMPLEXITY = {
    "simple": {"en": "simple", "he": "פשוטה"},
    "complicated": {"en": "complicated", "he": "מסובכת"},
    "complex": {"en": "complex", "he": "מורכבת"},
}

#: Evidence phrases of the axis.
AXIS_TEXTS = {
    "declared": {"en": "declared: {value}", "he": "הוצהר: {value}"},
    "unknown": {"en": "not declared", "he": "לא הוצהר"},
    "stakeholders": {
        "en": "{n} organisations from {k}; core-sector balance {balance}",
        "he": "{n} ארגונים, {k}; איזון בין מגזרי הליבה {balance}"},
    "backbone": {
        "en": "backbone {name} brokers {share} of the open two-paths between sectors "
              "(rank {rank} among the brokers)",
        "he": "ארגון השדרה {name} מתווך {share} מהמסלולים הפתוחים בין המגזרים "
              "(מקום {rank} בין המתווכים)"},
    "partner_led": {
        "en": "no backbone; {n} bodies chaired, led or coordinated by a partner",
        "he": "אין ארגון שדרה; {n} גופים בראשות שותף או בתיאום שלו"},
    "unmanaged": {
        "en": "no backbone, and no body with a chair, lead or coordinator",
        "he": "אין ארגון שדרה, ואין גוף שיש לו יו\"ר, מוביל או רכז"},
    "overall": {
        "en": "position {position} on the axis (0 cooperation, 0.5 partnership, 1 joint "
              "move), from {n} of 5 dimensions",
        "he": "מיקום {position} על הציר (0 שיתוף פעולה, 0.5 שותפות, 1 מהלך משותף), "
              "לפי {n} מתוך 5 ממדים"},
}

#: Phrases the findings put inside their texts.
PHRASES = {
    "cluster": {"en": "a cluster of {n} actors of {sector}",
                "he": "אשכול של {n} שחקנים מ{sector}"},
    "joint_bodies": {"en": "any joint body", "he": "אף גוף משותף"},
    "pair": {"en": "{a} and {b}", "he": "{a} ו{b}"},
}

#: Finding code -> language -> (title, text). Fields are filled by netmap.findings.insights.
TEXTS: dict[str, dict[str, tuple[str, str]]] = {
    # -- insight 1 ----------------------------------------------------------------
    "body_missing_sector": {
        "en": ("A joint body lacks a core sector",
               "{body} has no member from {missing}. A joint body works when each "
               "sector brings its own strengths to it; consider inviting a representative "
               "of the missing sector."),
        "he": ("בגוף משותף חסר מגזר ליבה",
               "ב\"{body}\" אין אף נציג של {missing}. גוף משותף מצליח כשכל מגזר מביא "
               "אליו את היתרונות הייחודיים שלו, ולכן כדאי לשקול לצרף נציג של המגזר "
               "החסר."),
    },
    "body_dominated": {
        "en": ("One sector dominates a joint body",
               "{share} of the members of {body} come from {sector}. A balanced mix "
               "in the joint mechanisms lets every sector be heard; consider widening "
               "the representation of the others."),
        "he": ("מגזר אחד שולט בגוף משותף",
               "{share} מהחברים ב\"{body}\" באים מ{sector}. ייצוג מאוזן של המגזרים "
               "במנגנונים המשותפים מאפשר לכל מגזר להשמיע את קולו; כדאי לשקול להרחיב את "
               "הייצוג של המגזרים האחרים."),
    },
    "sector_pair_no_tie": {
        "en": ("Two sectors have no direct tie",
               "No actor of {a} has a direct tie with an actor of {b}; whatever "
               "passes between them goes through intermediaries."),
        "he": ("אין קשר ישיר בין שני מגזרים",
               "אין אף קשר ישיר בין {a} לבין {b}: כל מה שעובר ביניהם עובר דרך "
               "מתווכים."),
    },
    "sector_pair_under_connected": {
        "en": ("Two sectors are tied less than chance would give",
               "Between {a} and {b} there are {observed}, where random mixing of the "
               "same actors would give about {expected} (p = {p}). {two_step} pairs of "
               "their actors are two steps apart: introductions could close the gap."),
        "he": ("בין שני מגזרים יש פחות קשרים מהצפוי",
               "בין {a} לבין {b} יש {observed}, ואילו חלוקה אקראית של אותם שחקנים "
               "הייתה נותנת כ-{expected} (p = {p}). {two_step} זוגות של שחקנים משני "
               "המגזרים נמצאים במרחק שני צעדים זה מזה, והיכרות ביניהם יכולה לצמצם את "
               "הפער."),
    },
    "single_sector_groups": {
        "en": ("Single-sector groups work beside the joint bodies",
               "Beside the joint bodies, actors of one sector combine forces in "
               "{groups}. The document recommends such groups, where a sector can define "
               "its needs before it meets the others."),
        "he": ("לצד הגופים המשותפים פועלות קבוצות חד-מגזריות",
               "לצד הגופים המשותפים יש קבוצות שבהן שחקנים ממגזר אחד מאגדים כוחות: "
               "{groups}. המסמך ממליץ על קבוצות כאלה, שבהן מגזר יכול לגבש את צרכיו לפני "
               "המפגש עם המגזרים האחרים."),
    },
    "no_single_sector_groups": {
        "en": ("No single-sector group beside the joint bodies",
               "Every body of the map mixes sectors, and no group of one sector's actors "
               "stands out in the ties. Single-sector groups beside the joint bodies help "
               "each sector combine forces and define its needs."),
        "he": ("אין קבוצות חד-מגזריות לצד הגופים המשותפים",
               "כל הגופים במפה רב-מגזריים, ובקשרים לא בולטת קבוצה של שחקנים ממגזר אחד. "
               "קבוצות חד-מגזריות לצד הגופים המשותפים עוזרות לכל מגזר לאגד כוחות ולגבש "
               "את צרכיו."),
    },
    "dependent_third_sector": {
        "en": ("A dependent third-sector actor with no balancing voice",
               "{actor} depends on {funder} ({tie}) and sits with it in {body}, where no "
               "academic or advocacy actor balances the relation. Such an organisation "
               "may find it hard to speak openly; adding a neutral body, such as a "
               "research institute, can balance it."),
        "he": ("ארגון חברה אזרחית תלוי, בלי גורם מאזן",
               "\"{actor}\" תלוי ב\"{funder}\" ({tie}) ויושב איתו ב\"{body}\", ושם אין "
               "גורם אקדמי או ארגון סנגור שיאזן את היחסים. לארגון במצב כזה עלול להיות "
               "קשה לדבר בפתיחות; צירוף גוף ניטרלי, כמו מכון מחקר, יכול לאזן."),
    },
    # -- insight 2 -------------------------------------------------------------------
    "public_leading": {
        "en": ("The public sector leads",
               "{actor} chairs or leads {body}. The document sees public-sector leadership "
               "as a condition for success: the public sector is the sovereign and holds "
               "the long-term view."),
        "he": ("המגזר הציבורי מוביל",
               "בראש \"{body}\" עומד \"{actor}\". לפי המסמך, הובלה של המגזר הציבורי היא "
               "תנאי להצלחה: המגזר הציבורי הוא הריבון, ויש לו נקודת מבט ארוכת טווח."),
    },
    "public_central": {
        "en": ("The public sector is central but does not lead",
               "A public actor, {actor}, ranks {rank} among the brokers between sectors, "
               "but no public actor chairs or leads {body}. How ready and willing are the "
               "public bodies to take the lead?"),
        "he": ("המגזר הציבורי מרכזי אך אינו מוביל",
               "שחקן ציבורי, \"{actor}\", נמצא במקום {rank} בתיווך בין המגזרים, אבל אף "
               "שחקן ציבורי אינו עומד בראש \"{body}\". השאלה היא עד כמה הגופים "
               "הציבוריים מוכנים ורוצים להוביל."),
    },
    "public_peripheral": {
        "en": ("The public sector is present but peripheral",
               "Public actors hold {share} of the seats in the joint bodies, none of them "
               "chairs or leads {body}, and the best placed ranks {rank} among the "
               "brokers between sectors. The document sees public leadership as a "
               "condition for success."),
        "he": ("המגזר הציבורי נוכח אך שולי",
               "לשחקנים ציבוריים יש {share} מהמושבים בגופים המשותפים, אף אחד מהם אינו "
               "עומד בראש \"{body}\", והבולט שבהם נמצא רק במקום {rank} בתיווך בין "
               "המגזרים. לפי המסמך, הובלה ציבורית היא תנאי להצלחה."),
    },
    "public_absent": {
        "en": ("The public sector is absent from the joint bodies",
               "No public actor sits in a joint body. Without the sovereign at the table, "
               "the initiative can hardly act as a public-interest joint move."),
        "he": ("המגזר הציבורי אינו שותף בגופים המשותפים",
               "אף שחקן ציבורי אינו חבר בגוף משותף. בלי הריבון סביב השולחן, קשה ליוזמה "
               "לפעול כמהלך משותף לטובת הציבור."),
    },
    "public_role_changed": {
        "en": ("The public sector's part changed between waves",
               "Wave by wave, the public sector was {history}."),
        "he": ("מקומו של המגזר הציבורי השתנה בין סבבי המיפוי",
               "לאורך סבבי המיפוי, מקומו של המגזר הציבורי היה: {history}."),
    },
    # -- insight 3 -----------------------------------------------------------------------
    "third_sector_group": {
        "en": ("The third sector has its own group",
               "Third-sector actors meet in a group of their own inside the move: "
               "{groups}. Such a group helps define each partner's needs against the "
               "shared goals and divide the work."),
        "he": ("למגזר השלישי יש קבוצה משלו",
               "ארגוני המגזר השלישי נפגשים בקבוצה משלהם בתוך המהלך: {groups}. קבוצה כזו "
               "עוזרת להגדיר את הצרכים של כל שותף מול המטרות המשותפות ולחלק ביניהם את "
               "העבודה."),
    },
    "no_third_sector_group": {
        "en": ("The third sector has no group of its own",
               "No single-sector body or cluster of third-sector actors was found. A "
               "dedicated third-sector team, as in 2x5, helps the sector's organisations "
               "sharpen their messages and coordinate."),
        "he": ("למגזר השלישי אין קבוצה משלו",
               "לא נמצאו במפה גוף או אשכול חד-מגזרי של ארגוני המגזר השלישי. צוות ייעודי "
               "למגזר השלישי, כמו ביוזמת 2פי5, עוזר לארגונים לחדד את המסרים שלהם "
               "ולתאם ביניהם."),
    },
    "third_sector_loose": {
        "en": ("Third-sector actors are loosely tied to each other",
               "Ties among third-sector actors fill {third} of the possible pairs, "
               "against {others} within the other core sectors. A loosely tied sector "
               "tends to compete more than it coordinates."),
        "he": ("הקשרים בין ארגוני המגזר השלישי רופפים",
               "הקשרים בין שחקני המגזר השלישי מכסים {third} מהזוגות האפשריים, לעומת "
               "{others} בתוך מגזרי הליבה האחרים. במגזר שהקשרים בתוכו רופפים יש יותר "
               "תחרות מתיאום."),
    },
    "third_sector_cohesive": {
        "en": ("Third-sector actors are tied to each other",
               "Ties among third-sector actors fill {third} of the possible pairs, "
               "against {others} within the other core sectors."),
        "he": ("ארגוני המגזר השלישי קשורים זה לזה",
               "הקשרים בין שחקני המגזר השלישי מכסים {third} מהזוגות האפשריים, לעומת "
               "{others} בתוך מגזרי הליבה האחרים."),
    },
    "coverage_gaps": {
        "en": ("Shared goals nobody works on",
               "No actor works on {goals}: gaps in the map of activities against the "
               "shared goals."),
        "he": ("מטרות משותפות שאיש אינו פועל לקידומן",
               "אף שחקן אינו פועל בתחומים האלה: {goals}. אלה פערים במיפוי הפעילויות מול "
               "המטרות המשותפות."),
    },
    "coverage_overlaps": {
        "en": ("Third-sector activities overlap",
               "Several third-sector actors work on the same goal: {goals}. Overlaps are "
               "where the third-sector group can divide the work."),
        "he": ("חפיפה בין פעילויות המגזר השלישי",
               "כמה ארגוני מגזר שלישי פועלים על אותה מטרה: {goals}. בחפיפות האלה קבוצת "
               "המגזר השלישי יכולה לחלק ביניהם את העבודה."),
    },
    # -- general --------------------------------------------------------------------------
    "backbone_broker": {
        "en": ("The backbone links the sectors",
               "{backbone} brokers {share} of the open two-paths between sectors and "
               "ranks {rank} among the brokers: the role of a backbone organisation."),
        "he": ("ארגון השדרה מחבר בין המגזרים",
               "\"{backbone}\" מתווך {share} מהמסלולים הפתוחים בין המגזרים ונמצא במקום "
               "{rank} בין המתווכים: זה תפקידו של ארגון שדרה."),
    },
    "backbone_dependency": {
        "en": ("The sectors meet through the backbone alone",
               "Without {backbone}, {pairs} of the pairs of sectors that meet today would "
               "no longer be joined by any path, and {share} of the brokering between "
               "sectors rests on it. Direct ties between the partners would make the move "
               "sturdier."),
        "he": ("המגזרים נפגשים רק דרך ארגון השדרה",
               "בלי \"{backbone}\", {pairs} מזוגות המגזרים שנפגשים היום כבר לא יהיו "
               "מחוברים בשום מסלול, ו-{share} מהתיווך בין המגזרים נשען עליו. קשרים "
               "ישירים בין השותפים עצמם יחזקו את המהלך."),
    },
    "backbone_not_broker": {
        "en": ("The backbone is not a main broker",
               "{backbone} brokers only {share} of the open two-paths between sectors and "
               "ranks {rank} among the brokers, though a backbone is meant to bring the "
               "sectors together."),
        "he": ("ארגון השדרה אינו מתווך מרכזי",
               "\"{backbone}\" מתווך רק {share} מהמסלולים הפתוחים בין המגזרים ונמצא "
               "במקום {rank} בין המתווכים, אף שתפקידו של ארגון שדרה הוא לחבר בין "
               "המגזרים."),
    },
    "no_backbone": {
        "en": ("The map names no backbone",
               "No actor is marked as the backbone (a 'backbone' column with yes). A "
               "joint move is run by a dedicated backbone organisation; mark it to see "
               "its part."),
        "he": ("במפה לא סומן ארגון שדרה",
               "אף שחקן לא סומן כארגון השדרה (עמודת backbone עם הערך כן). מהלך משותף "
               "מנוהל בידי ארגון שדרה ייעודי; סמנו אותו כדי לראות את חלקו."),
    },
    "key_person_risk": {
        "en": ("Organisations that hang on one person",
               "All the cross-sector ties of {orgs} run through a single person in each. "
               "If that person leaves, the organisation's place in the move goes too."),
        "he": ("ארגונים שתלויים באדם אחד",
               "כל הקשרים הבין-מגזריים של {orgs} עוברים דרך אדם אחד בכל ארגון. אם האדם "
               "הזה יעזוב, מקומו של הארגון במהלך ילך איתו."),
    },
    "sector_cut_point": {
        "en": ("One actor holds sectors together",
               "Without {actor}, {pairs} would no longer be joined by any path."),
        "he": ("שחקן אחד מחזיק מגזרים יחד",
               "בלי \"{actor}\", {pairs} כבר לא יהיו מחוברים בשום מסלול."),
    },
    "complexity_fits": {
        "en": ("The sectors engaged fit the problem",
               "The problem is declared {complexity}, which needs {needed}; {engaged} "
               "are engaged ({sectors})."),
        "he": ("המגזרים המעורבים מתאימים לבעיה",
               "הבעיה הוגדרה {complexity}, והיא דורשת {needed}; במהלך יש {engaged} "
               "({sectors})."),
    },
    "complexity_too_few": {
        "en": ("Too few sectors for the problem",
               "The problem is declared {complexity}, which needs {needed}, but only "
               "{engaged} are engaged ({sectors}); missing: {missing}."),
        "he": ("מעט מדי מגזרים לבעיה",
               "הבעיה הוגדרה {complexity}, והיא דורשת {needed}, אבל במהלך יש רק "
               "{engaged} ({sectors}); חסרים: {missing}."),
    },
    "complexity_more": {
        "en": ("More sectors than the problem needs",
               "The problem is declared {complexity}, which needs {needed}, yet {engaged} "
               "are engaged ({sectors}). Each added sector brings ties and resources, and "
               "also the work of managing them."),
        "he": ("יותר מגזרים ממה שהבעיה דורשת",
               "הבעיה הוגדרה {complexity}, והיא דורשת {needed}, אבל במהלך יש {engaged} "
               "({sectors}). כל מגזר נוסף מביא קשרים ומשאבים, וגם את העבודה של "
               "ניהולם."),
    },
}
