"""The words of the report, in English and Hebrew: titles, notes, column names, definitions."""

from __future__ import annotations

__all__ = ["WORDS", "COLUMNS", "DEFINITIONS", "INSIGHT_TITLES", "SEVERITY", "say",
           "VALUES", "MEASURES"]

#: Key -> (English, Hebrew). Format fields are filled by the sections.
WORDS = {
    "report": ("Stakeholder network map", "מיפוי רשת בעלי העניין"),
    "made_by": ("Made with netmap {version} on {date}.",
                "הופק בעזרת netmap {version} בתאריך {date}."),
    "contents": ("Contents", "תוכן"),
    "illustrative": ("This is the bundled illustrative sample: its ties are invented.",
                     "זו דוגמת ההמחשה המצורפת: הקשרים בה בדויים."),
    # section titles
    "summary": ("The map at a glance", "המפה במבט אחד"),
    "map": ("The network map", "מפת הרשת"),
    "findings": ("Findings", "ממצאים"),
    "mixing": ("Ties between sectors", "קשרים בין המגזרים"),
    "bodies": ("Joint bodies", "הגופים המשותפים"),
    "brokers": ("Cross-sector brokers", "המתווכים בין המגזרים"),
    "clusters": ("Single-sector clusters", "אשכולות חד-מגזריים"),
    "coverage": ("Who works on which goal", "מי פועל לקידום איזו מטרה"),
    "waves": ("What changed between waves", "מה השתנה בין סבבי המיפוי"),
    "notes": ("Notes on this report", "הערות לדוח"),
    "appendix": ("Appendix: the measures in plain words", "נספח: המדדים במילים פשוטות"),
    # absent data
    "no_ties": ("The map has no ties, so there is nothing to measure between sectors.",
                "במפה אין קשרים, ולכן אין מה למדוד בין המגזרים."),
    "no_bodies": ("The map has no bodies (no memberships): this section is left out.",
                  "במפה אין גופים (אין טבלת חברויות), ולכן הפרק הושמט."),
    "no_clusters": ("No group of same-sector actors tied mostly to each other was found.",
                    "לא נמצאה קבוצה של שחקנים מאותו מגזר שקשורים בעיקר זה לזה."),
    "no_activities": ("The map has no activities table: the coverage map is left out.",
                      "במפה אין טבלת פעילויות, ולכן מפת הכיסוי הושמטה."),
    "no_waves": ("The map has one wave only: there is nothing to compare.",
                 "במפה סבב מיפוי אחד בלבד, ולכן אין מה להשוות."),
    "no_findings": ("No finding to report.", "אין ממצאים לדווח."),
    # summary
    "summary_line": ("{actors} actors and {ties} ties ({direction}){bodies}{waves}.",
                     "{actors} שחקנים ו-{ties} קשרים ({direction}){bodies}{waves}."),
    "directed": ("directed", "מכוונים"),
    "undirected": ("undirected", "לא מכוונים"),
    "n_bodies": (", {n} bodies", ", {n} גופים"),
    "n_waves": ("; waves {waves}", "; סבבי מיפוי: {waves}"),
    "by_sector": ("Actors by sector and level", "שחקנים לפי מגזר ורמה"),
    "by_class": ("Ties by class", "קשרים לפי סוג"),
    # map
    "map_caption": ("Colour: sector; shape: level (circle person, square organisation); "
                    "size: number of ties; lines: tie class. Force layout.",
                    "צבע: מגזר; צורה: רמה (עיגול אדם, ריבוע ארגון); גודל: מספר הקשרים; "
                    "קווים: סוג הקשר. פריסת כוחות."),
    "sector_map_caption": ("The same map with each sector in its own region: the lines "
                           "across the middle are the ties between sectors.",
                           "אותה מפה, כשכל מגזר באזור משלו: הקווים שחוצים את המרכז הם "
                           "הקשרים בין המגזרים."),
    # findings
    "axis": ("Where the initiative sits on the axis of multi-sector action",
             "מיקום היוזמה על ציר הפעולה הרב-מגזרית"),
    "axis_line": ("Overall: {anchor} (position {score} from 0 cooperation to 1 joint "
                  "move).", "בסך הכול: {anchor} (מיקום {score} בין 0 שיתוף פעולה ל-1 "
                  "מהלך משותף)."),
    "evidence": ("Evidence", "ראיות"),
    # mixing
    "ei_line": ("E-I index of the network: {ei} (from -1, all ties inside sectors, to +1, "
                "all between them); under random mixing of the same actors it would be "
                "{mean} on average; {verdict} (permutation test, {n} permutations).",
                "מדד E-I של הרשת: {ei} (בין \u2066-1\u2069, כשכל הקשרים בתוך המגזרים, "
                "לבין \u2066+1\u2069, כשכולם בין המגזרים); בחלוקה אקראית של אותם שחקנים "
                "הוא היה בממוצע {mean}; {verdict} (מבחן תמורות, {n} תמורות)."),
    "ei_more_inside": ("the sectors keep to themselves more than chance (p = {p})",
                       "המגזרים מסתגרים בתוך עצמם יותר מהמקרי (p = {p})"),
    "ei_more_across": ("the sectors meet more than chance (p = {p})",
                       "המגזרים נפגשים יותר מהמקרי (p = {p})"),
    "ei_as_chance": ("no different from chance (p = {p} and {q})",
                     "לא שונה מהמקרי (p = {p} ו-{q})"),
    "mixing_caption": ("Ties between each pair of sectors against random mixing: above 1, "
                       "more than chance; below 1, fewer.",
                       "הקשרים בין כל זוג מגזרים ביחס לחלוקה אקראית: מעל 1 - יותר מהמקרי; "
                       "מתחת ל-1 - פחות."),
    "ei_by_sector": ("E-I index of each sector", "מדד E-I של כל מגזר"),
    "under_connected": ("Pairs of sectors tied less than chance would give",
                        "זוגות מגזרים שיש ביניהם פחות קשרים מהצפוי"),
    "none_under": ("No pair of sectors is significantly under-connected.",
                   "אין זוג מגזרים שיש ביניהם פחות קשרים באופן מובהק."),
    # brokers
    "backbone_line": ("The backbone ({names}) brokers {share} of the open two-paths between "
                      "sectors.", "ארגון השדרה ({names}) מתווך {share} מהמסלולים הפתוחים "
                      "בין המגזרים."),
    "pairs": ("Who brokers each pair of sectors", "מי מתווך בין כל זוג מגזרים"),
    "sampled": ("Betweenness is estimated from {k} sampled actors (the map has {n}).",
                "מדד הביניות הוערך על פי מדגם של {k} שחקנים (במפה {n})."),
    "brokers_caption": ("Gould-Fernandez roles of the top brokers.",
                        "תפקידי התיווך (גולד ופרננדס) של המתווכים המובילים."),
    # waves
    "waves_line": ("Comparing wave {before} with wave {after}.",
                   "השוואה בין סבב {before} לסבב {after}."),
    "waves_caption": ("The two waves on one layout: actors who joined and who left are "
                      "marked.", "שני הסבבים על אותה פריסה: שחקנים שהצטרפו ושעזבו מסומנים."),
    "measures": ("Headline measures", "מדדים מרכזיים"),
    "sector_changes": ("Actors by sector", "שחקנים לפי מגזר"),
    "body_changes": ("Bodies", "גופים"),
    # cells
    "yes": ("yes", "כן"),
    "no": ("no", "לא"),
    "none": ("none", "אין"),
    "warnings": ("While the report was made netmap noted:",
                 "בזמן הפקת הדוח netmap ציין:"),
    "no_notes": ("Nothing to note.", "אין הערות."),
    "more_members": ("and {n} more", "ועוד {n}"),
}

#: Column name -> (English, Hebrew), for the tables of the report.
COLUMNS = {
    "sector": ("sector", "מגזר"), "group": ("sector", "מגזר"),
    "actors": ("actors", "שחקנים"), "ties": ("ties", "קשרים"),
    "person": ("persons", "אנשים"), "organisation": ("organisations", "ארגונים"),
    "body": ("body", "גוף"), "tie_class": ("tie class", "סוג קשר"),
    "name": ("name", "שם"), "kind": ("kind", "סוג"), "members": ("members", "חברים"),
    "type": ("type", "סוג הרכב"), "core_missing": ("core sectors missing",
                                                   "מגזרי ליבה חסרים"),
    "dominant": ("largest sector", "המגזר הגדול"), "dominant_share": ("its share", "חלקו"),
    "blau_normalized": ("diversity (0-1)", "גיוון (0-1)"),
    "deviation": ("distance from the map's mix", "מרחק מהתמהיל של המפה"),
    "chair_sectors": ("chair's sector", "מגזר היו\"ר"),
    "interlocks": ("also in other bodies", "חברים גם בגופים אחרים"),
    "rank": ("rank", "מקום"), "representative": ("representative", "נציג"),
    "gatekeeper": ("gatekeeper", "שומר סף"), "liaison": ("liaison", "מקשר"),
    "cross_brokerage": ("cross-sector two-paths", "מסלולים בין-מגזריים"),
    "sectors_reached": ("sectors reached", "מגזרים שהוא מגיע אליהם"),
    "constraint": ("constraint", "אילוץ"), "betweenness": ("betweenness", "ביניות"),
    "pair": ("sectors", "מגזרים"), "two_paths": ("open two-paths", "מסלולים פתוחים"),
    "brokers": ("brokers", "מתווכים"), "top_broker": ("top broker", "המתווך המוביל"),
    "top_share": ("top broker's share", "חלקו של המוביל"),
    "concentration": ("concentration", "ריכוזיות"),
    "backbone_share": ("backbone's share", "חלקו של ארגון השדרה"),
    "size": ("size", "גודל"), "internal_ties": ("ties inside", "קשרים פנימיים"),
    "external_ties": ("ties outside", "קשרים החוצה"), "density": ("density", "צפיפות"),
    "internal_share": ("share inside", "חלק פנימי"), "body_overlap": ("overlap", "חפיפה"),
    "goal": ("goal", "מטרה"), "gap": ("gap", "פער"), "crowded": ("crowded", "צפיפות יתר"),
    "crowded_count": ("third-sector actors", "ארגוני מגזר שלישי"),
    "external": ("ties out", "קשרים החוצה"), "internal": ("ties in", "קשרים פנימה"),
    "ei": ("E-I", "E-I"), "p_less": ("p (more inside)", "p (יותר פנימה)"),
    "p_greater": ("p (more across)", "p (יותר החוצה)"),
    "observed": ("ties", "קשרים"), "expected": ("expected", "צפוי"),
    "ratio": ("observed / expected", "בפועל / צפוי"), "p_value": ("p", "p"),
    "measure": ("measure", "מדד"), "before": ("before", "לפני"), "after": ("after", "אחרי"),
    "change": ("change", "שינוי"), "joined": ("joined", "הצטרפו"), "left": ("left", "עזבו"),
    "members_before": ("members before", "חברים לפני"),
    "members_after": ("members after", "חברים אחרי"),
    "type_before": ("type before", "הרכב לפני"), "type_after": ("type after", "הרכב אחרי"),
    "chair_sectors_before": ("chair's sector before", "מגזר היו\"ר לפני"),
    "chair_sectors_after": ("chair's sector after", "מגזר היו\"ר אחרי"),
    "dimension_name": ("dimension", "ממד"), "anchor_name": ("points to", "מצביע על"),
    "evidence": ("evidence", "ראיות"),
}

#: Cell values -> (English, Hebrew): body types, tie classes, body kinds.
VALUES = {
    "single-sector": ("single-sector", "חד-מגזרי"),
    "two-sector": ("two-sector", "דו-מגזרי"),
    "three-sector": ("three-sector", "תלת-מגזרי"),
    "no core sector": ("no core sector", "ללא מגזר ליבה"),
    "partnership": ("partnership", "שותפות"),
    "exchange": ("exchange", "חילופין"),
    "transactional": ("transactional", "עסקה"),
    "unclassified": ("unclassified", "לא מסווג"),
    "partner_network": ("partner network", "רשת שותפים"),
    "steering_committee": ("steering committee", "ועדת היגוי"),
    "working_team": ("working team", "צוות עבודה"),
    "coalition": ("coalition", "קואליציה"),
    "sector_team": ("single-sector team", "צוות מגזרי"),
    "person": ("person", "אדם"), "organisation": ("organisation", "ארגון"),
    "body": ("body", "גוף"),
}

#: Headline measures (netmap.structure.waves.HEADLINE_MEASURES) -> (English, Hebrew).
MEASURES = {
    "actors": ("actors", "שחקנים"),
    "ties": ("ties", "קשרים"),
    "sectors": ("sectors present", "מגזרים במפה"),
    "core_sectors": ("core sectors present", "מגזרי ליבה במפה"),
    "cross_sector_share": ("share of ties between sectors", "חלק הקשרים שבין מגזרים"),
    "ei_index": ("E-I index", "מדד E-I"),
    "assortativity": ("sector assortativity", "הומופיליה מגזרית"),
    "backbone_share": ("backbone's share of brokering", "חלקו של ארגון השדרה בתיווך"),
    "joint_bodies": ("joint bodies", "גופים משותפים"),
    "public_share_joint_bodies": ("public share of the joint bodies' seats",
                                  "חלקו של המגזר הציבורי במושבי הגופים המשותפים"),
    "bodies_led_by_public": ("bodies led by a public actor", "גופים בהובלת שחקן ציבורי"),
    "public_leads_steering": ("public actor leads the steering committee (1 yes, 0 no)",
                              "שחקן ציבורי מוביל את ועדת ההיגוי (1 כן, 0 לא)"),
    "public_best_broker_rank": ("rank of the best public broker",
                                "מקומו של המתווך הציבורי הבולט"),
}

#: Insight -> (English, Hebrew) headings of the findings.
INSIGHT_TITLES = {
    1: ("Insight 1: recognise each sector's traits and use them",
        "תובנה 1: להכיר את הייחודיות של כל מגזר ולהשתמש בה"),
    2: ("Insight 2: public-sector leadership", "תובנה 2: הובלה של המגזר הציבורי"),
    3: ("Insight 3: the third sector's own move",
        "תובנה 3: מהלך חד-מגזרי של המגזר השלישי"),
    "general": ("The joint move as a whole", "המהלך המשותף כולו"),
}

#: Severity -> (English, Hebrew).
SEVERITY = {"warning": ("warning", "אזהרה"), "attention": ("attention", "לתשומת לב"),
            "info": ("info", "לידיעה")}

#: Measure -> (English, Hebrew) definitions for the appendix.
DEFINITIONS = {
    "sector": (("Sector and core sector",
                "The civic sector an actor belongs to. The core sectors are public, "
                "business and third; philanthropy and community count as third sector, "
                "academia and social businesses as none."),
               ("מגזר ומגזר ליבה",
                "המגזר שאליו שייך השחקן. מגזרי הליבה הם הציבורי, העסקי והשלישי; "
                "פילנתרופיה וקהילה נחשבות למגזר השלישי, ואקדמיה ועסקים חברתיים אינם "
                "שייכים לאף אחד מהם.")),
    "tie_class": (("Tie class",
                   "Partnership (shared decisions: partnership, joint activity), exchange "
                   "(information, advice, resources) or transactional (funding, contract, "
                   "donation: cross-sector activity without shared decisions)."),
                  ("סוג קשר",
                   "שותפות (החלטות משותפות: שותפות, פעילות משותפת), חילופין (מידע, ייעוץ, "
                   "משאבים) או עסקה (מימון, חוזה, תרומה: פעילות בין-מגזרית בלי החלטות "
                   "משותפות).")),
    "mixing": (("Mixing ratio",
                "Ties between two sectors divided by the number random mixing of the same "
                "actors would give. Above 1: the two sectors meet more than chance."),
               ("יחס ערבוב",
                "מספר הקשרים בין שני מגזרים חלקי המספר שהיה מתקבל בחלוקה אקראית של אותם "
                "שחקנים. מעל 1: שני המגזרים נפגשים יותר מהמקרי.")),
    "ei": (("E-I index",
            "Ties to other sectors minus ties inside one's sector, over all ties: from -1 "
            "(all inside) to +1 (all across). Compared with random relabellings of the "
            "actors (a permutation test) to tell a real tendency from chance."),
           ("מדד E-I",
            "הקשרים למגזרים אחרים פחות הקשרים בתוך המגזר, חלקי כל הקשרים: מ-1- (כולם "
            "בפנים) ועד 1+ (כולם החוצה). משווים אותו לחלוקות אקראיות של השחקנים (מבחן "
            "תמורות) כדי להבחין בין נטייה אמיתית למקרה.")),
    "two_path": (("Open two-path and brokerage roles",
                  "Actor B stands between A and C when A is tied to B, B to C, and A not "
                  "to C. Gould and Fernandez name five roles by the sectors of A, B and C: "
                  "coordinator (all one sector), itinerant (A and C of one sector, B of "
                  "another), representative and gatekeeper (B in the sector of A or of C), "
                  "and liaison (three sectors)."),
                 ("מסלול פתוח ותפקידי תיווך",
                  "שחקן ב עומד בין א לג כשא קשור לב, ב קשור לג, וא אינו קשור לג. גולד "
                  "ופרננדס מבחינים בחמישה תפקידים לפי המגזרים של א, ב וג: מתאם (כולם "
                  "מאותו מגזר), מתווך חיצוני (א וג מאותו מגזר וב ממגזר אחר), נציג ושומר "
                  "סף (ב מהמגזר של א או של ג), ומקשר (שלושה מגזרים).")),
    "constraint": (("Constraint",
                    "Burt's measure of how much an actor's contacts are tied to each "
                    "other: low constraint means the actor spans structural holes."),
                   ("אילוץ",
                    "המדד של ברט למידה שבה אנשי הקשר של שחקן קשורים זה לזה: אילוץ נמוך "
                    "פירושו שהשחקן מגשר על \"חורים מבניים\".")),
    "betweenness": (("Betweenness",
                     "The share of shortest paths between other actors that pass through "
                     "an actor."),
                    ("ביניות",
                     "החלק מהמסלולים הקצרים ביותר בין שחקנים אחרים שעובר דרך השחקן.")),
    "concentration": (("Concentration",
                       "Herfindahl index of the brokers' shares of a pair of sectors: 1 "
                       "when one actor brokers the pair alone, near 0 when many share it."),
                      ("ריכוזיות",
                       "מדד הרפינדל של חלקי המתווכים בזוג מגזרים: 1 כששחקן אחד מתווך "
                       "לבדו, וקרוב ל-0 כשרבים חולקים את התיווך.")),
    "body_type": (("Body type and diversity",
                   "A body is single-, two- or three-sector by the core sectors among its "
                   "members. Diversity is Blau's index, the chance that two members drawn "
                   "at random are of different sectors, scaled so 1 is an even spread."),
                  ("הרכב גוף וגיוון",
                   "גוף הוא חד-, דו- או תלת-מגזרי לפי מגזרי הליבה של חבריו. הגיוון הוא "
                   "מדד בלאו, הסיכוי ששני חברים שנבחרו באקראי שייכים למגזרים שונים, "
                   "בסולם שבו 1 הוא פיזור שווה.")),
    "cluster": (("Single-sector cluster",
                 "A group of at least three actors of one sector, tied to each other, each "
                 "with at least half of its ties inside its sector and the group keeping "
                 "at least half of its ties inside."),
                ("אשכול חד-מגזרי",
                 "קבוצה של שלושה שחקנים לפחות מאותו מגזר, הקשורים זה לזה, שלכל אחד מהם "
                 "לפחות מחצית מהקשרים בתוך המגזר, ושלפחות מחצית מהקשרים של הקבוצה נשארים "
                 "בתוכה.")),
    "backbone": (("Backbone share",
                  "The share of all open two-paths between sectors that the backbone "
                  "organisation brokers."),
                 ("חלקו של ארגון השדרה",
                  "החלק מכל המסלולים הפתוחים בין המגזרים שארגון השדרה מתווך.")),
    "axis": (("Axis of multi-sector action",
              "Sheatufim's axis from cooperation through partnership to a joint move, "
              "read on five dimensions: viewpoint, goal and time (declared), stakeholders "
              "and dedicated management (read from the map)."),
             ("ציר הפעולה הרב-מגזרית",
              "הציר של שיתופים, משיתוף פעולה דרך שותפות ועד מהלך משותף, לפי חמישה "
              "ממדים: נקודת מבט, מטרה וזמן (לפי הצהרה), בעלי עניין וניהול ייעודי (לפי "
              "המפה).")),
}


def say(key: str, lang: str, **fields) -> str:
    """A word or sentence of the report in ``lang``, with its fields filled."""
    text = WORDS[key][0 if lang == "en" else 1]
    return text.format(**fields) if fields else text
