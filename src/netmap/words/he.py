"""Hebrew: every sentence and label netmap writes, with the keys of :mod:`netmap.words.en`.

The Hebrew is written for Hebrew readers, not translated word for word; it
avoids attaching the prefixes ל, ב and כ to names and sector phrases (which
would need the article dropped), writing "בין ... לבין" and quoting names
after a prefix instead. Lists quote their names (``LANGUAGE["quoted"]``) and
join the last item with ו, or ו- before a word in another script.
"""

from __future__ import annotations

# The groups are read through netmap.words.catalogue (GROUPS: the dicts named in
# capitals, in order), not imported one by one: no name here is API.
__all__: list[str] = []


#: About the language: its name, its direction of writing, a name quoted inside a list, and
#: the letters of its script (a character class).
LANGUAGE = {
    "name": "עברית",
    "direction": "rtl",
    "quoted": '"{}"',
    "script": "\u0590-\u05ff",
}

#: Items joined as a sentence joins them; ``and_other_script`` when the last item is not
#: written in the language's script.
JOIN = {
    "and": "{head} ו{last}",
    "and_other_script": "{head} ו-{last}",
    "or": "{head} או {last}",
}

#: Counts in words.
COUNTS = {
    "tie_zero": "אין קשרים",
    "tie_one": "קשר אחד",
    "tie_two": "שני קשרים",
    "tie_many": "{n} קשרים",
    "actor_zero": "אין שחקנים",
    "actor_one": "שחקן אחד",
    "actor_two": "שני שחקנים",
    "actor_many": "{n} שחקנים",
    "body_zero": "אין גופים",
    "body_one": "גוף אחד",
    "body_two": "שני גופים",
    "body_many": "{n} גופים",
    "organisation_zero": "אין ארגונים",
    "organisation_one": "ארגון אחד",
    "organisation_two": "שני ארגונים",
    "organisation_many": "{n} ארגונים",
    "pair_zero": "אין זוגות",
    "pair_one": "זוג אחד",
    "pair_two": "שני זוגות",
    "pair_many": "{n} זוגות",
    "permutation_zero": "אין תמורות",
    "permutation_one": "תמורה אחת",
    "permutation_two": "שתי תמורות",
    "permutation_many": "{n} תמורות",
    "member_zero": "אין חברים",
    "member_one": "חבר אחד",
    "member_two": "שני חברים",
    "member_many": "{n} חברים",
    "goal_zero": "אין מטרות",
    "goal_one": "מטרה אחת",
    "goal_two": "שתי מטרות",
    "goal_many": "{n} מטרות",
    "finding_zero": "אין ממצאים",
    "finding_one": "ממצא אחד",
    "finding_two": "שני ממצאים",
    "finding_many": "{n} ממצאים",
    "more_zero": "ותו לא",
    "more_one": "ועוד אחד",
    "more_two": "ועוד שניים",
    "more_many": "ועוד {n}",
    "core_sectors_0": "אף מגזר ליבה",
    "core_sectors_1": "מגזר ליבה אחד",
    "core_sectors_2": "שני מגזרי ליבה",
    "core_sectors_3": "שלושה מגזרי ליבה",
}

#: A rank in words, after "במקום": "הראשון" to "העשירי", then "ה-11".
ORDINALS = {
    "1": "הראשון",
    "2": "השני",
    "3": "השלישי",
    "4": "הרביעי",
    "5": "החמישי",
    "6": "השישי",
    "7": "השביעי",
    "8": "השמיני",
    "9": "התשיעי",
    "10": "העשירי",
    "many": "ה-{n}",
    "many_1": "ה-{n}",
    "many_2": "ה-{n}",
    "many_3": "ה-{n}",
}

#: How a p-value reads: equal to a value, or below the printed resolution.
NUMBERS = {
    "p_equal": "p = {p}",
    "p_below": "p < {p}",
    "p_cell_below": "< {p}",
    "p_test": "{p}, {permutations}",
}

#: A sector as a phrase inside a sentence.
SECTORS = {
    "public": "המגזר הציבורי",
    "business": "המגזר העסקי",
    "third": "המגזר השלישי",
    "academia": "האקדמיה",
    "philanthropy": "הפילנתרופיה",
    "social_business": "העסקים החברתיים",
    "community": "הקהילות",
    "other": "שחקנים אחרים",
}

#: The public sector's part, in words.
ROLES = {
    "leading": "מוביל",
    "central": "מרכזי אך לא מוביל",
    "peripheral": "נוכח אך שולי",
    "absent": "נעדר",
}

#: The anchors of the axis of multi-sector action (CONCEPTS.md section 6).
ANCHORS = {
    "cooperation": "שיתוף פעולה",
    "partnership": "שותפות",
    "joint_move": "מהלך משותף",
}

#: The five dimensions of the axis, and the overall position.
DIMENSIONS = {
    "viewpoint": "נקודת מבט",
    "goal": "מטרה",
    "time": "זמן",
    "stakeholders": "בעלי עניין",
    "management": "ניהול ייעודי",
    "overall": "בסך הכול",
}

#: Problem complexity (CONCEPTS.md section 5), as an adjective of "the problem".
COMPLEXITY = {
    "simple": "פשוטה",
    "complicated": "מסובכת",
    "complex": "מורכבת",
}

#: Evidence phrases of the axis.
AXIS = {
    "declared": "הוצהר: {value}",
    "unknown": "לא הוצהר",
    "stakeholders": "{n}, {k}; איזון בין מגזרי הליבה {balance}",
    "backbone": ("ארגון השדרה {name} מתווך {share} מהמסלולים הפתוחים בין המגזרים (במקום "
                 "{rank} בין המתווכים)"),
    "partner_led": "אין ארגון שדרה; {n} בראשות שותף או בתיאומו",
    "unmanaged": 'אין ארגון שדרה, ואין גוף שיש לו יו"ר, מוביל או רכז',
    "overall": ("מיקום {position} על הציר (0 שיתוף פעולה, 0.5 שותפות, 1 מהלך משותף), לפי "
                "{n} מתוך 5 ממדים"),
}

#: Phrases the findings put inside their texts.
PHRASES = {
    "cluster": "אשכול של {n} ({sector})",
    "joint_bodies": "אף גוף משותף",
    "pair": "{a} ו{b}",
    "missing": 'ב"{body}" אין אף נציג של {missing}',
    "dominated": '{share} מחברי מגזרי הליבה ב"{body}" באים מ{sector}',
    "dependence": 'ל"{actor}" יש תלות ב{funder} ({tie}), ושני הגורמים חברים ב"{body}"',
    "under": ("בין {a} לבין {b} יש {observed}, לעומת כ-{expected} ({p}); במרחק שני "
              "צעדים זה מזה: {two_step} של שחקנים משני המגזרים"),
    "under_none": ("בין {a} לבין {b} אין אף קשר, לעומת כ-{expected} ({p}); במרחק שני "
                   "צעדים זה מזה: {two_step} של שחקנים משני המגזרים"),
    "cut": 'בלי "{actor}": {pairs}',
    "cut_off": "{sector} עם {others}",
    "ranked": "והבולט שבהם נמצא רק במקום {rank} בתיווך בין המגזרים",
    "unranked": "ואף אחד מהם אינו מתווך בין המגזרים, כי במפה אין קשרים",
}

#: Finding code -> (title, text); fields are filled by netmap.findings.insights.
FINDINGS = {
    "body_missing_sector": ("מגזרי ליבה חסרים בגופים משותפים",
                            ("{cases}. גוף משותף מצליח כשכל מגזר מביא אליו את היתרונות "
                             "הייחודיים שלו, ולכן כדאי לשקול לצרף נציג של המגזר החסר.")),
    "body_dominated": ("גופים משותפים שמגזר אחד שולט בהם",
                       ("{cases}. ייצוג מאוזן של המגזרים במנגנונים המשותפים מאפשר לכל "
                        "מגזר להשמיע את קולו; כדאי לשקול להרחיב את הייצוג של המגזרים "
                        "האחרים.")),
    "sector_pair_no_tie": ("אין קשר ישיר בין שני מגזרים",
                           ("אין אף קשר ישיר בין {a} לבין {b}: כל מה שעובר ביניהם עובר "
                            "דרך מתווכים.")),
    "sector_pair_under_connected": ("זוגות מגזרים עם פחות קשרים מהצפוי",
                                    ("בחלוקה אקראית של אותם שחקנים היו לזוגות המגזרים "
                                     "האלה יותר קשרים: {cases}. היכרות בין שחקנים שנמצאים "
                                     "במרחק שני צעדים זה מזה יכולה לצמצם את הפער.")),
    "single_sector_groups": ("לצד הגופים המשותפים פועלות קבוצות חד-מגזריות",
                             ("לצד הגופים המשותפים יש קבוצות שבהן שחקנים ממגזר אחד מאגדים "
                              "כוחות: {groups}. המסמך ממליץ על קבוצות כאלה, שבהן מגזר "
                              "יכול לגבש את צרכיו לפני המפגש עם המגזרים האחרים.")),
    "no_single_sector_groups": ("אין קבוצות חד-מגזריות לצד הגופים המשותפים",
                                ("כל הגופים במפה רב-מגזריים, ובקשרים לא בולטת קבוצה של "
                                 "שחקנים ממגזר אחד. קבוצות חד-מגזריות לצד הגופים המשותפים "
                                 "עוזרות לכל מגזר לאגד כוחות ולגבש את צרכיו.")),
    "dependent_third_sector": ("תלות של המגזר השלישי בלי גורם מאזן",
                               ("{cases}. אין שם גורם אקדמי או ארגון סנגור שיאזן את "
                                "היחסים, ולארגון במצב כזה עלול להיות קשה לדבר בפתיחות; "
                                "צירוף גוף ניטרלי, כמו מכון מחקר, יכול לאזן.")),
    "public_leading": ("המגזר הציבורי מוביל",
                       ('בראש "{body}": "{actor}", מהמגזר הציבורי. לפי המסמך, הובלה של '
                        "המגזר הציבורי היא תנאי להצלחה: המגזר הציבורי הוא הריבון, ויש לו "
                        "נקודת מבט ארוכת טווח.")),
    "public_central": ("המגזר הציבורי מרכזי אך אינו מוביל",
                       ('שחקן ציבורי, "{actor}", נמצא במקום {rank} בתיווך בין המגזרים, '
                        'אבל אף שחקן ציבורי אינו עומד בראש "{body}". השאלה היא עד כמה '
                        "הגופים הציבוריים מוכנים ורוצים להוביל.")),
    "public_peripheral": ("המגזר הציבורי נוכח אך שולי",
                          ("לשחקנים ציבוריים יש {share} מהמושבים בגופים המשותפים, אף אחד "
                           'מהם אינו עומד בראש "{body}", {ranking}. לפי המסמך, הובלה '
                           "ציבורית היא תנאי להצלחה.")),
    "public_absent": ("המגזר הציבורי אינו שותף בגופים המשותפים",
                      ("אף שחקן ציבורי אינו חבר בגוף משותף. בלי הריבון סביב השולחן, קשה "
                       "ליוזמה לפעול כמהלך משותף לטובת הציבור.")),
    "public_role_changed": ("מקומו של המגזר הציבורי השתנה בין סבבי המיפוי",
                            "לאורך סבבי המיפוי, מקומו של המגזר הציבורי היה: {history}."),
    "third_sector_group": ("למגזר השלישי יש קבוצה משלו",
                           ("ארגוני המגזר השלישי נפגשים בקבוצה משלהם בתוך המהלך: "
                            "{groups}. קבוצה כזו עוזרת להגדיר את הצרכים של כל שותף מול "
                            "המטרות המשותפות ולחלק ביניהם את העבודה.")),
    "no_third_sector_group": ("למגזר השלישי אין קבוצה משלו",
                              ("לא נמצאו במפה גוף או אשכול חד-מגזרי של ארגוני המגזר "
                               "השלישי. צוות ייעודי למגזר השלישי עוזר "
                               "לארגונים לחדד את המסרים שלהם ולתאם ביניהם.")),
    "third_sector_loose": ("הקשרים בין ארגוני המגזר השלישי רופפים",
                           ("הקשרים בין שחקני המגזר השלישי מכסים {third} מהזוגות "
                            "האפשריים, לעומת {others} בתוך מגזרי הליבה האחרים. במגזר "
                            "שהקשרים בתוכו רופפים יש יותר תחרות מתיאום.")),
    "third_sector_cohesive": ("ארגוני המגזר השלישי קשורים זה לזה",
                              ("הקשרים בין שחקני המגזר השלישי מכסים {third} מהזוגות "
                               "האפשריים, לעומת {others} בתוך מגזרי הליבה האחרים.")),
    "coverage_gaps": ("מטרות משותפות שאיש אינו פועל לקידומן",
                      ("אף שחקן אינו פועל בתחומים האלה: {goals}. אלה פערים במיפוי "
                       "הפעילויות מול המטרות המשותפות.")),
    "coverage_overlaps": ("חפיפה בין פעילויות המגזר השלישי",
                          ("כמה ארגוני מגזר שלישי פועלים על אותה מטרה: {goals}. בחפיפות "
                           "האלה קבוצת המגזר השלישי יכולה לחלק ביניהם את העבודה.")),
    "backbone_broker": ("ארגון השדרה מחבר בין המגזרים",
                        ('ארגון השדרה, "{backbone}", מתווך {share} מהמסלולים הפתוחים בין '
                         "המגזרים ונמצא במקום {rank} בין המתווכים: זה תפקידו של ארגון "
                         "שדרה.")),
    "backbone_dependency": ("המגזרים נפגשים רק דרך ארגון השדרה",
                            ('בלי "{backbone}", {pairs} מזוגות המגזרים שנפגשים היום כבר '
                             "לא יהיו מחוברים בשום מסלול, ו-{share} מהתיווך בין המגזרים "
                             "נשען על ארגון השדרה. קשרים ישירים בין השותפים עצמם יחזקו את "
                             "המהלך.")),
    "backbone_not_broker": ("ארגון השדרה אינו מתווך מרכזי",
                            ('ארגון השדרה, "{backbone}", מתווך רק {share} מהמסלולים הפתוחים '
                             "בין המגזרים ונמצא במקום {rank} בין המתווכים, אף שתפקידו של "
                             "ארגון שדרה הוא לחבר בין המגזרים.")),
    "no_backbone": ("במפה לא סומן ארגון שדרה",
                    ('אף שחקן לא סומן כארגון השדרה (עמודה "ארגון שדרה" בטבלת השחקנים, '
                     "עם הערך כן). מהלך משותף מנוהל בידי ארגון שדרה ייעודי; סמנו אותו "
                     "כדי לראות את חלקו.")),
    "key_person_risk": ("ארגונים שתלויים באדם אחד",
                        ("כל הקשרים הבין-מגזריים של {orgs} עוברים דרך אדם אחד בכל ארגון. "
                         "אם האדם הזה יעזוב, מקומו של הארגון במהלך ילך איתו.")),
    "sector_cut_point": ("מגזרים שמחוברים דרך שחקן אחד",
                         ("יש מגזרים שנפגשים רק דרך שחקן אחד, ובלעדיו כבר לא יהיו מחוברים "
                          "בשום מסלול: {cases}.")),
    "complexity_fits": ("המגזרים המעורבים מתאימים לבעיה",
                        ("הבעיה הוגדרה {complexity}, והיא דורשת {needed}; במהלך יש "
                         "{engaged} ({sectors}).")),
    "complexity_too_few": ("מעט מדי מגזרים לבעיה",
                           ("הבעיה הוגדרה {complexity}, והיא דורשת {needed}, אבל במהלך יש "
                            "רק {engaged} ({sectors}); חסרים: {missing}.")),
    "complexity_more": ("יותר מגזרים ממה שהבעיה דורשת",
                        ("הבעיה הוגדרה {complexity}, והיא דורשת {needed}, אבל במהלך יש "
                         "{engaged} ({sectors}). כל מגזר נוסף מביא קשרים ומשאבים, וגם את "
                         "העבודה של ניהולם.")),
}

#: The words plots draw besides the data: titles, legend headings, tie classes, roles and
#: marks.
PLOTS = {
    "sectors": "מגזרים",
    "levels": "רמות",
    "ties": "קשרים",
    "partnership": "שותפות",
    "exchange": "חילופי מידע ומשאבים",
    "transactional": "עסקה (מימון, חוזה, תרומה)",
    "unclassified": "לא מסווג",
    "members of": "חברי {}",
    "joined": "הצטרפו מאז {}",
    "left": "עזבו עד {}",
    "mixing observed": "קשרים בין מגזרים",
    "mixing expected": "קשרים צפויים בערבוב מקרי",
    "mixing ratio": "קשרים בין מגזרים: בפועל / צפוי",
    "ties count": "קשרים",
    "ratio": "בפועל / צפוי",
    "brokerage": "תפקידי תיווך של המתווכים המובילים",
    "roles": "תפקידים",
    "open two-paths": "מסלולים מתווכים",
    "coordinator": "מתאם",
    "itinerant": "מתווך חיצוני",
    "representative": "נציג",
    "gatekeeper": "שומר סף",
    "between sectors": "בין המגזרים",
    "liaison": "מקשר",
    "wave title": "{wave}: {actors}, {ties}",
    "no value": "אין ערך",
    "bodies": "הרכב המגזרים בגופים",
    "members": "חברים",
    "member share": "שיעור מהחברים",
    "no core sector": "ללא מגזר ליבה",
    "single-sector": "חד-מגזרי",
    "two-sector": "דו-מגזרי",
    "three-sector": "תלת-מגזרי",
    "missing": "חסר: {}",
    "missing core": "מגזר ליבה חסר",
    "chair": 'יו"ר או מוביל',
    "no members": "אין חברים",
    "marks": "סימונים",
    "coverage": "מי פועל על כל מטרה",
    "all actors": "כל השחקנים",
    "gap": "פער: אף שחקן אינו פועל על המטרה",
    "overlap": "חפיפה: {n} שחקנים ({sector})",
}

#: Measures as a legend names them.
MEASURE_NAMES = {
    "ties": "מספר הקשרים",
    "degree": "דרגה",
    "betweenness": "מרכזיות ביניים",
    "closeness": "מרכזיות קרבה",
    "eigenvector": "מרכזיות וקטור עצמי",
    "total": "סך התיווך",
    "constraint": "אילוץ",
    "effective_size": "גודל אפקטיבי",
    "efficiency": "יעילות",
    "cross_brokerage": "תיווך בין-מגזרי",
    "sectors_reached": "מגזרים שהקשרים מגיעים אליהם",
}

#: The report's titles, notes and sentences; fields are filled by the sections.
REPORT = {
    "report": "מיפוי רשת בעלי העניין",
    "made_by": "הופק בעזרת netmap {version} בתאריך {date}.",
    "made_by_undated": "הופק בעזרת netmap {version}.",
    "epoch_ignored": (
        "ערך המשתנה SOURCE_DATE_EPOCH הוא '{value}', שאינו מספר שלם של שניות מאז "
        "1970 (כגון 1767225600 עבור 2026-01-01): המשתנה לא נקרא, והדוח מתוארך "
        "{date}, התאריך של המפה; יש להציב בו מספר כפי ש-`date +%s` כותב אותו, או "
        "למחוק אותו"),
    "epoch_ignored_undated": (
        "ערך המשתנה SOURCE_DATE_EPOCH הוא '{value}', שאינו מספר שלם של שניות מאז "
        "1970 (כגון 1767225600 עבור 2026-01-01): המשתנה לא נקרא, והדוח אינו "
        "מתוארך, כי למפה אין תאריך; יש להציב בו מספר כפי ש-`date +%s` כותב אותו, "
        "או למחוק אותו"),
    "contents": "תוכן",
    "illustrative": "זו דוגמת ההמחשה המצורפת: הקשרים בה בדויים.",
    "overview": "לוועדת ההיגוי: המפה במבט אחד",
    "first_findings": "מה דורש תשומת לב קודם",
    "all_findings": "פרק הממצאים מפרט את כולם ({n}), לפי תובנות.",
    "summary": "המפה במספרים",
    "map": "מפת הרשת",
    "findings": "ממצאים",
    "mixing": "קשרים בין המגזרים",
    "bodies": "הגופים המשותפים",
    "brokers": "המתווכים בין המגזרים",
    "clusters": "אשכולות חד-מגזריים",
    "coverage": "מי פועל לקידום איזו מטרה",
    "waves": "מה השתנה בין סבבי המיפוי",
    "notes": "הערות לדוח",
    "appendix": "נספח: המדדים במילים פשוטות",
    "no_ties": "במפה אין קשרים, ולכן אין מה למדוד בין המגזרים.",
    "no_bodies": "במפה אין גופים (אין טבלת חברויות), ולכן הפרק הושמט.",
    "no_clusters": "לא נמצאה קבוצה של שחקנים מאותו מגזר שקשורים בעיקר זה לזה.",
    "no_activities": "במפה אין טבלת פעילויות, ולכן מפת הכיסוי הושמטה.",
    "no_waves": "במפה סבב מיפוי אחד בלבד, ולכן אין מה להשוות.",
    "no_findings": "אין ממצאים לדווח.",
    "summary_line": "{counts} ({direction}){bodies}{waves}.",
    "directed": "מכוונים",
    "undirected": "לא מכוונים",
    "n_bodies": ", {n}",
    "n_waves": "; סבבי מיפוי: {waves}",
    "by_sector": "שחקנים לפי מגזר ורמה",
    "by_class": "קשרים לפי סוג",
    "map_caption": ("צבע: מגזר; צורה: רמה (עיגול אדם, ריבוע ארגון); גודל: מספר הקשרים; "
                    "קווים: סוג הקשר. פריסת כוחות."),
    "sector_layout_caption": ("צבע: מגזר; צורה: רמה (עיגול אדם, ריבוע ארגון); גודל: מספר "
                              "הקשרים; קווים: סוג הקשר. כל מגזר באזור משלו, כי פריסת כוחות "
                              "אינה מפרידה בין המגזרים של מפה זו (צלליות {silhouette}, מתחת "
                              "ל-{threshold}): הקווים שחוצים את המרכז הם הקשרים בין המגזרים."),
    "sector_layout_within_caption": ("צבע: מגזר; צורה: רמה (עיגול אדם, ריבוע ארגון); גודל: "
                                     "מספר הקשרים; קווים: סוג הקשר. כל מגזר באזור משלו, כי רק "
                                     "{within} מהקשרים של מפה זו הם בתוך מגזר (פחות מ-{bound}, "
                                     "ושם פריסת כוחות אינה מפרידה בין המגזרים): הקווים שחוצים "
                                     "את המרכז הם הקשרים בין המגזרים."),
    "force_map_caption": ("אותה מפה בפריסת כוחות: שחקנים קשורים קרובים זה לזה, אנשים "
                          "סביב הארגון שלהם."),
    "sector_map_caption": ("אותה מפה, כשכל מגזר באזור משלו: הקווים שחוצים את המרכז הם "
                           "הקשרים בין המגזרים."),
    "drawn_cap": ("מוצגים רק {shown} השחקנים בעלי מספר הקשרים הגדול ביותר, מתוך {total}, "
                  "והקשרים ביניהם: מפה של כל השחקנים לא הייתה קריאה. הגודל (וגם "
                  "הקשרים ותפקידי התיווך שהמפה האינטראקטיבית מציגה במעבר העכבר) סופר רק "
                  "את הקשרים בין השחקנים המוצגים; הטבלאות והממצאים מתייחסים למפה כולה."),
    "axis": "מיקום היוזמה על ציר הפעולה הרב-מגזרית",
    "axis_line": "בסך הכול: {anchor} (מיקום {score} בין 0 שיתוף פעולה ל-1 מהלך משותף).",
    "evidence": "ראיות",
    "ei_line": ("מדד E-I של הרשת: {ei} (בין \u2066-1\u2069, כשכל הקשרים בתוך המגזרים, "
                "לבין \u2066+1\u2069, כשכולם בין המגזרים); בחלוקה אקראית של אותם שחקנים "
                "הוא היה בממוצע {mean}; {verdict}."),
    "ei_more_inside": "המגזרים מסתגרים בתוך עצמם יותר מהמקרי ({p})",
    "ei_more_across": "המגזרים נפגשים יותר מהמקרי ({p})",
    "ei_as_chance": "לא שונה מהמקרי ({p} ו-{q})",
    "mixing_caption": ("הקשרים בין כל זוג מגזרים ביחס לחלוקה אקראית: מעל 1 - יותר מהמקרי; "
                       "מתחת ל-1 - פחות."),
    "ei_by_sector": "מדד E-I של כל מגזר",
    "under_connected": "זוגות מגזרים שיש ביניהם פחות קשרים מהצפוי",
    "p_caption": ("ערכי p של מבחן תמורות עם {n} (החלוקה שנצפתה נספרת כאחת מהן): אף פעם "
                  "לא 0, ולפחות {floor}."),
    "none_under": "אין זוג מגזרים שיש ביניהם פחות קשרים באופן מובהק.",
    "backbone_line": "ארגון השדרה ({names}) מתווך {share} מהמסלולים הפתוחים בין המגזרים.",
    "pairs": "מי מתווך בין כל זוג מגזרים",
    "sampled": ("מדד הביניות הוערך על פי מדגם של {k} שחקנים (במפה {n}): במפה סינתטית של "
                "10,000 שחקנים, מדגם של {k} שחקנים נתן ערכים שהמתאם שלהם עם הערכים המדויקים "
                "הוא {r}, והערכים של עשרת המתווכים המובילים סטו בחציון ב-{error}."),
    "counted_once": ("כל מסלול פתוח נספר פעם אחת (הנספח מסביר את ההבדל מ-netmap.brokerage() "
                     "ומ-sna, שסופרים אותו בשני הכיוונים)."),
    "brokers_caption": "תפקידי התיווך (גולד ופרננדס) של המתווכים המובילים.",
    "waves_title": "מה השתנה מסבב {before} לסבב {after}",
    "waves_line": ("הפרק הזה משווה בין שני סבבי מיפוי, בלי קשר להיקף של שאר הדוח: סבב "
                   "{before} מול סבב {after}."),
    "scope_whole": "היקף הדוח: המפה כולה.",
    "scope_waves": ("היקף הדוח: המפה כולה, כל סבבי המיפוי יחד ({waves}); הפרק האחרון "
                    "משווה בין הסבבים."),
    "scope_wave": "היקף הדוח: סבב המיפוי {wave}.",
    "waves_caption": "שני הסבבים על אותה פריסה: שחקנים שהצטרפו ושעזבו מסומנים.",
    "measures": "מדדים מרכזיים",
    "points_one": "{n} נקודת אחוז",
    "points_many": "{n} נקודות אחוז",
    "sector_changes": "שחקנים לפי מגזר",
    "body_changes": "גופים",
    "yes": "כן",
    "no": "לא",
    "none": "אין",
    "warnings": "בזמן הפקת הדוח netmap ציין:",
    "no_notes": "אין הערות.",
    }

#: Column names of the report's tables.
COLUMNS = {
    "sector": "מגזר",
    "group": "מגזר",
    "actors": "שחקנים",
    "ties": "קשרים",
    "share": "חלק",
    "person": "אנשים",
    "organisation": "ארגונים",
    "body": "גוף",
    "tie_class": "סוג קשר",
    "name": "שם",
    "kind": "סוג",
    "members": "חברים",
    "type": "סוג הרכב",
    "core_missing": "מגזרי ליבה חסרים",
    "core_dominant": "מגזר הליבה הגדול",
    "core_share": "חלקו במושבי מגזרי הליבה",
    "balanced": "מאוזן",
    "dominant": "המגזר הגדול",
    "dominant_share": "חלקו",
    "blau_normalized": "גיוון (0-1)",
    "deviation": "מרחק מהתמהיל של המפה",
    "chair_sectors": 'מגזר היו"ר',
    "interlocks": "חברים גם בגופים אחרים",
    "rank": "מקום",
    "representative": "נציג",
    "gatekeeper": "שומר סף",
    "between": "בין המגזרים",
    "liaison": "מקשר",
    "cross_brokerage": "מסלולים בין-מגזריים",
    "sectors_reached": "מגזרים שהוא מגיע אליהם",
    "constraint": "אילוץ",
    "betweenness": "ביניות",
    "pair": "מגזרים",
    "two_paths": "מסלולים פתוחים",
    "brokers": "מתווכים",
    "top_broker": "המתווך המוביל",
    "top_share": "חלקו של המוביל",
    "concentration": "ריכוזיות",
    "backbone_share": "חלקו של ארגון השדרה",
    "size": "גודל",
    "internal_ties": "קשרים פנימיים",
    "external_ties": "קשרים החוצה",
    "density": "צפיפות",
    "internal_share": "חלק פנימי",
    "body_overlap": "חפיפה",
    "goal": "מטרה",
    "gap": "פער",
    "crowded": "צפיפות יתר",
    "crowded_count": "ארגוני מגזר שלישי",
    "external": "קשרים החוצה",
    "internal": "קשרים פנימה",
    "ei": "E-I",
    "p_less": "p (יותר פנימה)",
    "p_greater": "p (יותר החוצה)",
    "observed": "קשרים",
    "expected": "צפוי",
    "ratio": "בפועל / צפוי",
    "p_value": "p",
    "measure": "מדד",
    "before": "לפני",
    "after": "אחרי",
    "change": "שינוי",
    "joined": "הצטרפו",
    "left": "עזבו",
    "members_before": "חברים לפני",
    "members_after": "חברים אחרי",
    "type_before": "הרכב לפני",
    "type_after": "הרכב אחרי",
    "chair_sectors_before": 'מגזר היו"ר לפני',
    "chair_sectors_after": 'מגזר היו"ר אחרי',
    "dimension_name": "ממד",
    "anchor_name": "מצביע על",
    "evidence": "ראיות",
}

#: Cell values of the report's tables: body types, tie classes, body kinds, levels.
VALUES = {
    "single-sector": "חד-מגזרי",
    "two-sector": "דו-מגזרי",
    "three-sector": "תלת-מגזרי",
    "no core sector": "ללא מגזר ליבה",
    "partnership": "שותפות",
    "exchange": "חילופין",
    "transactional": "עסקה",
    "unclassified": "לא מסווג",
    "partner_network": "רשת שותפים",
    "steering_committee": "ועדת היגוי",
    "working_team": "צוות עבודה",
    "coalition": "קואליציה",
    "sector_team": "צוות מגזרי",
    "person": "אדם",
    "organisation": "ארגון",
    "body": "גוף",
}

#: Headline measures (netmap.structure.waves.HEADLINE_MEASURES).
HEADLINES = {
    "actors": "שחקנים",
    "ties": "קשרים",
    "sectors": "מגזרים במפה",
    "core_sectors": "מגזרי ליבה במפה",
    "cross_sector_share": "חלק הקשרים שבין מגזרים",
    "ei_index": "מדד E-I",
    "assortativity": "הומופיליה מגזרית",
    "backbone_share": "חלקו של ארגון השדרה בתיווך",
    "joint_bodies": "גופים משותפים",
    "public_share_joint_bodies": "חלקו של המגזר הציבורי במושבי הגופים המשותפים",
    "bodies_led_by_public": "גופים בהובלת שחקן ציבורי",
    "public_leads_steering": "שחקן ציבורי מוביל את ועדת ההיגוי (1 כן, 0 לא)",
    "public_best_broker_rank": "מקומו של המתווך הציבורי הבולט",
}

#: Headings of the findings, by insight.
INSIGHTS = {
    1: "תובנה 1: להכיר את הייחודיות של כל מגזר ולהשתמש בה",
    2: "תובנה 2: הובלה של המגזר הציבורי",
    3: "תובנה 3: מהלך חד-מגזרי של המגזר השלישי",
    "general": "המהלך המשותף כולו",
}

#: Severities of the findings.
SEVERITIES = {
    "warning": "אזהרה",
    "attention": "לתשומת לב",
    "info": "לידיעה",
}

#: Measure -> (term, definition), for the report's appendix.
DEFINITIONS = {
    "sector": ("מגזר ומגזר ליבה",
               ("המגזר שאליו שייך השחקן. מגזרי הליבה הם הציבורי, העסקי והשלישי; "
                "פילנתרופיה וקהילה נחשבות למגזר השלישי, ואקדמיה ועסקים חברתיים אינם "
                "שייכים לאף אחד מהם.")),
    "tie_class": ("סוג קשר",
                  ("שותפות (החלטות משותפות: שותפות, פעילות משותפת), חילופין (מידע, ייעוץ, "
                   "משאבים) או עסקה (מימון, חוזה, תרומה: פעילות בין-מגזרית בלי החלטות "
                   "משותפות).")),
    "mixing": ("יחס ערבוב",
               ("מספר הקשרים בין שני מגזרים חלקי המספר שהיה מתקבל בחלוקה אקראית של אותם "
                "שחקנים. מעל 1: שני המגזרים נפגשים יותר מהמקרי.")),
    "ei": ("מדד E-I",
           ("הקשרים למגזרים אחרים פחות הקשרים בתוך המגזר, חלקי כל הקשרים: מ-1- (כולם "
            "בפנים) ועד 1+ (כולם החוצה). משווים אותו לחלוקות אקראיות של השחקנים (מבחן "
            "תמורות) כדי להבחין בין נטייה אמיתית למקרה.")),
    "two_path": ("מסלול פתוח ותפקידי תיווך",
                 ("שחקן ב עומד בין א לג כשא קשור לב, ב קשור לג, וא אינו קשור לג. גולד "
                  "ופרננדס מבחינים בחמישה תפקידים לפי המגזרים של א, ב וג: מתאם (כולם "
                  "מאותו מגזר), מתווך חיצוני (א וג מאותו מגזר וב ממגזר אחר), נציג ושומר "
                  "סף (ב מהמגזר של א או של ג), ומקשר (שלושה מגזרים).")),
    "counting": ("ספירת מסלולים פתוחים",
                 ("במפה לא מכוונת הדוח סופר כל מסלול פתוח פעם אחת. netmap.brokerage(), "
                  "כמו brokerage() של sna, סופר אותו בשני הכיוונים (א - ב - ג ו-ג - ב - "
                  "א), ולכן המספרים שלו כפולים, ומספרי הנציג ושומר הסף שלו שווים: כאן "
                  "הם עמודה אחת, בין המגזרים. חלקים, כמו חלקו של ארגון השדרה, זהים "
                  "בשתי הספירות.")),
    "constraint": ("אילוץ",
                   ("המדד של ברט למידה שבה אנשי הקשר של שחקן קשורים זה לזה: אילוץ נמוך "
                    'פירושו שהשחקן מגשר על "חורים מבניים".')),
    "betweenness": ("ביניות",
                    "החלק מהמסלולים הקצרים ביותר בין שחקנים אחרים שעובר דרך השחקן."),
    "concentration": ("ריכוזיות",
                      ("מדד הרפינדל של חלקי המתווכים בזוג מגזרים: 1 כששחקן אחד מתווך "
                       "לבדו, וקרוב ל-0 כשרבים חולקים את התיווך.")),
    "body_type": ("הרכב גוף וגיוון",
                  ("גוף הוא חד-, דו- או תלת-מגזרי לפי מגזרי הליבה של חבריו. הגיוון הוא "
                   "מדד בלאו, הסיכוי ששני חברים שנבחרו באקראי שייכים למגזרים שונים, בסולם "
                   "שבו 1 הוא פיזור שווה. גוף מאוזן כשכל מגזרי הליבה יושבים בו ואף "
                   "אחד מהם אינו מחזיק ביותר ממחצית המושבים של מגזרי הליבה; מעל "
                   "המחצית, המגזר הזה שולט בגוף.")),
    "cluster": ("אשכול חד-מגזרי",
                ("קבוצה של שלושה שחקנים לפחות מאותו מגזר, הקשורים זה לזה, שלכל אחד מהם "
                 "לפחות מחצית מהקשרים בתוך המגזר, ושלפחות מחצית מהקשרים של הקבוצה נשארים "
                 "בתוכה.")),
    "backbone": ("חלקו של ארגון השדרה",
                 "החלק מכל המסלולים הפתוחים בין המגזרים שארגון השדרה מתווך."),
    "axis": ("ציר הפעולה הרב-מגזרית",
             ("הציר של שיתופים, משיתוף פעולה דרך שותפות ועד מהלך משותף, לפי חמישה ממדים: "
              "נקודת מבט, מטרה וזמן (לפי הצהרה), בעלי עניין וניהול ייעודי (לפי המפה).")),
}

#: The interactive map (netmap.plot.explore): its controls, legend and hover card.
EXPLORE = {
    "title": "מפת בעלי עניין אינטראקטיבית",
    "hint": ("העבירו את העכבר מעל שחקן כדי לראות מי הוא; לחצו עליו כדי להאיר את קשריו; לחצו על "
             "פריט במקרא כדי להסתיר או להציג אותו; גללו כדי להתקרב, גררו כדי להזיז."),
    "search": "חיפוש שחקן",
    "no_match": "אין שחקן מתאים",
    "wave": "גל",
    "all_waves": "כל הגלים",
    "body": "גוף",
    "no_body": "ללא הדגשה",
    "sectors": "מגזרים",
    "levels": "רמות",
    "ties": "קשרים",
    "size": "גודל: {measure}",
    "number_of_ties": "מספר הקשרים",
    "sector": "מגזר",
    "level": "רמה",
    "organisation": "ארגון",
    "bodies": "גופים ותפקידים",
    "n_ties": "קשרים",
    "brokerage": "תפקידי תיווך",
    "none": "אין",
    "reset": "הצגת המפה כולה",
    "ties_solid": "במפה עם יותר מ-{n} קשרים כל קשר מצויר כקו רציף, והקשרים מוסתרים בזמן שהמפה זזה.",
    "no_webgl": ("הדפדפן אינו יכול לצייר את המפה האינטראקטיבית (היא דורשת WebGL 2); "
                 "תמונת אותה מפה נשארת למטה."),
    "caption": ("המפה האינטראקטיבית: אותם מיקומים כמו בתמונה; העבירו עכבר, לחצו, חפשו "
                "והסתירו מגזרים או סוגי קשרים."),
}

#: What the command line writes in the reader's language.
CLI = {
    "demo_title": "יוזמת 2פי5 (דוגמה להמחשה)",
}

READING = {
    # the path isolated left to right (U+2066 ... U+2069), the sentence opening in Hebrew
    "encoding-declared": "הקובץ \u2066{file}\u2069 מצהיר על הקידוד שלו ({value}) ונקרא בו: "
                         "הקידוד שניתן (\u2066encoding=\u2069, \u2066--encoding\u2069) "
                         "מיועד לקבצים שאינם מצהירים על קידוד",
}

#: Names of the actors and bodies of netmap.datasets.synthetic maps.
SYNTHETIC = {
    "actor_public": "גוף ציבורי",
    "actor_business": "חברה",
    "actor_third": "עמותה",
    "actor_academia": "מוסד אקדמי",
    "actor_philanthropy": "קרן",
    "actor_social_business": "עסק חברתי",
    "actor_community": "קבוצה קהילתית",
    "actor_other": "ארגון",
    "person": "נציג/ה {j}, {org}",
    "backbone": "ארגון השדרה",
    "body_partner_network": "רשת השותפים",
    "body_steering_committee": "ועדת ההיגוי",
    "body_working_team": "צוות עבודה {j}",
    "body_business_coalition": "קואליציית העסקים",
    "body_third_sector_team": "צוות המגזר השלישי",
}
