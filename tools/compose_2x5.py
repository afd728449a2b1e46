"""Compose netmap's bundled 2x5 sample: an illustrative, not a recorded, map.

The 2x5 initiative (public name 5x2, in Hebrew 5פי2, renamed TOP15 in 2021)
is the worked example of Sheatufim's review of multi-sector joint action
(``shared/CONCEPTS.md``, section 8). No public source gives the ties between
its partners or the members of its mechanisms, so this script *composes* a map
shaped like the initiative instead of recording one. It writes five CSV files
(``actors.csv``, ``ties.csv``, ``memberships.csv``, ``bodies.csv``,
``activities.csv``) into ``src/netmap/_data/samples/2x5/``, or into the folder
given as the only argument.

How the sample is composed
--------------------------
Names. Real names are used only for public bodies (the Ministry of Education,
the Federation of Local Authorities, the IDF, the National Cyber Education
Center) and for the public facts of CONCEPTS.md section 8: the founders (Trump
Foundation, Rashi Foundation, Intel Israel), the backbone (Sheatufim), the
coordinator of the Business Coalition (Beit Yatziv) and a funder (World ORT
Kadima Mada). Every other actor is generic ("High-tech company A", "Non-profit
A", "Foundation A", "Local authority A", ...), and persons carry role names
("Initiative director, Sheatufim"). Even for real names, the ties, trust
scores, memberships and dates below are invented.

Waves. Three snapshots: 2013 (founding: the three founders, Sheatufim as
backbone, the first ten Business Coalition companies, eight non-profits; the
Ministry of Education present but peripheral, with a few funding and contract
ties to non-profits and an ordinary seat on the steering committee), 2014 (the
ministry takes the lead: it chairs the steering committee instead of the Trump
Foundation and gains partnership ties across all sectors; working teams and the
third-sector team are formed) and 2016 (expansion: more companies, non-profits,
local authorities and academia). An actor's ``wave`` is the wave it joined and
``until`` the last wave it took part in; three actors leave after 2014.

Structure. The ties are laid out so that an analysis finds:

* the Business Coalition as a dense single-sector cluster: each company is tied
  to three to five of the companies that joined before it (joint activity,
  information), to Beit Yatziv, and outside its sector almost only to
  Sheatufim and by a donation to a non-profit;
* the third-sector team as a second dense single-sector cluster, drawn the
  same way among the non-profits (joint activity, information, advice);
* Sheatufim as the main cross-sector broker, tied to actors of every sector
  that are mostly not tied to each other;
* the ministry's shift from periphery (2013) to centre (partnership ties from
  2014);
* an early warning: Non-profit C is funded and contracted by the ministry and
  sits with it in the "excellence in the periphery" working team, which has no
  academic member;
* transactional ties (donations from companies to non-profits, funding and
  contracts from public bodies and foundations) beside partnership ties.

Hand-picked ties are listed in this file. The two single-sector clusters,
and every weight and trust score not given by hand, are drawn from
``random.Random(2013)`` in a fixed order, so the output is the same on every
run. Transactional ties (funding, contract, donation, resources) keep the
giver as ``source``; other ties, which are undirected, put the smaller id
first. Rows are sorted, and files are written as UTF-8 without BOM with Unix
line endings. The script checks the sample's rules (actors active when their
ties and memberships are, one tie per pair and type, ...) before writing.

Regenerate with ``python tools/compose_2x5.py`` from the repository root.
"""

from __future__ import annotations

import argparse
import csv
import random
from dataclasses import dataclass
from pathlib import Path

SEED = 2013
WAVES = (2013, 2014, 2016)
DEFAULT_OUT = (
    Path(__file__).resolve().parent.parent / "src" / "netmap" / "_data" / "samples"
) / "2x5"

SECTORS = (
    "public",
    "business",
    "third",
    "academia",
    "philanthropy",
    "social_business",
    "community",
    "other",
)
GIVER_TYPES = ("funding", "contract", "donation", "resources")
# (weight range, trust range) drawn for a tie type when not given by hand.
PROFILES = {
    "partnership": ((2, 3), (3, 5)),
    "joint_activity": ((1, 3), (3, 5)),
    "information": ((1, 2), (2, 4)),
    "advice": ((1, 2), (3, 5)),
    "resources": ((1, 2), (3, 4)),
    "funding": ((2, 3), (2, 4)),
    "contract": ((2, 3), (2, 3)),
    "donation": ((1, 2), (2, 4)),
}
BODY_KINDS = (
    "partner_network",
    "steering_committee",
    "working_team",
    "coalition",
    "sector_team",
)
ROLES = ("chair", "member", "lead", "coordinator")

HE_LETTERS = "אבגדהוזחטיכלמנסעפצקרשת"
EN_LETTERS = "ABCDEFGHIJKLMNOPQRSTUV"

ACTOR_COLUMNS = (
    "id",
    "name",
    "name_en",
    "sector",
    "level",
    "org",
    "scope",
    "backbone",
    "wave",
    "until",
)
TIE_COLUMNS = ("source", "target", "type", "weight", "trust", "wave", "until")
BODY_COLUMNS = ("id", "name", "name_en", "kind", "coordinator", "wave")
MEMBERSHIP_COLUMNS = ("actor", "body", "role", "wave", "until")
ACTIVITY_COLUMNS = ("actor", "goal", "name_en", "name_he", "wave")
#: The shared goals' names in English and Hebrew (the activities' name_en / name_he).
GOAL_NAMES = {
    "data_and_measurement": ("Data and measurement", "נתונים ומדידה"),
    "excellence_classes": ("Excellence classes", "כיתות מצוינות"),
    "girls_in_stem": ("Girls in STEM", "בנות במדעים ובטכנולוגיה"),
    "parent_engagement": ("Parent engagement", "מעורבות הורים"),
    "periphery_access": ("Access in the periphery", "נגישות בפריפריה"),
    "student_motivation": ("Student motivation", "מוטיבציה של תלמידים"),
    "teacher_training": ("Teacher training", "הכשרת מורים"),
    "tutoring": ("Tutoring", "חונכות"),
}


@dataclass(frozen=True)
class Actor:
    """One row of ``actors.csv``."""

    id: str
    name: str
    name_en: str
    sector: str
    level: str
    org: str
    scope: str
    backbone: str
    wave: int
    until: int | None


def _cell(value: object) -> str:
    """Return the CSV text of a value: ``None`` becomes an empty cell."""
    return "" if value is None else str(value)


class Sample:
    """Collect the sample's tables and check each row as it is added.

    Parameters
    ----------
    seed : int
        Seed of the one random generator used for every random step.
    """

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.actors: dict[str, Actor] = {}
        self.ties: dict[tuple[str, str, str], tuple] = {}
        self.bodies: dict[str, tuple] = {}
        self.memberships: list[tuple] = []
        self.activities: dict[tuple[str, str], int] = {}

    # actors -------------------------------------------------------------
    def actor(
        self,
        id_: str,
        name: str,
        name_en: str,
        sector: str,
        wave: int,
        *,
        scope: str = "",
        until: int | None = None,
        org: str = "",
        backbone: bool = False,
    ) -> None:
        """Add an organisation, or a person when ``org`` is given."""
        if id_ in self.actors:
            raise ValueError(f"duplicate actor {id_}")
        if sector not in SECTORS or wave not in WAVES:
            raise ValueError(f"bad sector or wave for {id_}")
        if until is not None and (until not in WAVES or until < wave):
            raise ValueError(f"bad until for {id_}")
        level = "organisation"
        if org:
            parent = self.actors[org]
            if parent.level != "organisation" or parent.sector != sector:
                raise ValueError(f"{id_}: org {org} is not an organisation of {sector}")
            if wave < parent.wave or not _within(until, parent.until):
                raise ValueError(f"{id_} is active when {org} is not")
            level = "person"
        self.actors[id_] = Actor(
            id_,
            name,
            name_en,
            sector,
            level,
            org,
            scope,
            "yes" if backbone else "",
            wave,
            until,
        )

    def active(self, id_: str, wave: int) -> bool:
        """Tell whether an actor takes part in a wave."""
        a = self.actors[id_]
        return a.wave <= wave and (a.until is None or wave <= a.until)

    # ties ---------------------------------------------------------------
    def tied(self, a: str, b: str) -> bool:
        """Tell whether two actors share a tie of any type."""
        pair = tuple(sorted((a, b)))
        return any(key[:2] == pair for key in self.ties)

    def tie(
        self,
        source: str,
        target: str,
        kind: str,
        wave: int | None = None,
        until: int | None = None,
        *,
        weight: int | None = None,
        trust: int | None = None,
    ) -> None:
        """Add one tie, its wave and until bounded by both actors'.

        ``wave`` defaults to the later of the two actors' waves and ``until`` to
        the earlier of their ``until`` values.
        """
        a, b = self.actors[source], self.actors[target]
        if source == target:
            raise ValueError(f"self-tie {source}")
        first = max(a.wave, b.wave)
        wave = first if wave is None else wave
        ends = [u for u in (a.until, b.until) if u is not None]
        last = min(ends) if ends else None
        until = last if until is None else until
        if wave < first or wave not in WAVES:
            raise ValueError(f"tie {source}-{target} starts before an actor joins")
        if not _within(until, last) or (until is not None and until < wave):
            raise ValueError(f"tie {source}-{target} outlives an actor")
        if kind not in GIVER_TYPES:
            source, target = sorted((source, target))
        key = (*sorted((source, target)), kind)
        if key in self.ties:
            raise ValueError(f"duplicate tie {key}")
        (w_lo, w_hi), (t_lo, t_hi) = PROFILES[kind]
        if weight is None:
            weight = self.rng.randint(w_lo, w_hi)
        if trust is None:
            trust = self.rng.randint(t_lo, t_hi)
        if not (1 <= weight <= 3 and 1 <= trust <= 5):
            raise ValueError(f"tie {key}: weight or trust out of range")
        self.ties[key] = (source, target, kind, weight, trust, wave, until)

    def cluster(self, ids: list[str], kinds: tuple[str, ...], lo: int, hi: int) -> None:
        """Tie each actor to ``lo``..``hi`` earlier actors of ``ids``.

        Each tie starts when the later actor joins, or with probability 0.2 a
        wave later; a tie that starts in 2013 ends after 2014 with probability
        0.1 (a tie lost by 2016).
        """
        for i, new in enumerate(ids):
            joined = self.actors[new].wave
            earlier = [
                old
                for old in ids[:i]
                if self.active(old, joined) and not self.tied(old, new)
            ]
            for old in self.rng.sample(
                earlier, min(len(earlier), self.rng.randint(lo, hi))
            ):
                kind = self.rng.choice(kinds)
                wave = joined
                later = [w for w in WAVES if w > joined]
                if later and self.rng.random() < 0.2:
                    candidate = later[0]
                    if self.active(old, candidate) and self.active(new, candidate):
                        wave = candidate
                until = None
                if wave == 2013 and self.rng.random() < 0.1:
                    until = 2014
                ends = [
                    u
                    for u in (self.actors[old].until, self.actors[new].until)
                    if u is not None
                ]
                if ends:
                    until = min(ends) if until is None else min(until, *ends)
                self.tie(old, new, kind, wave, until)

    # bodies, memberships, activities -----------------------------------
    def body(
        self, id_: str, name: str, name_en: str, kind: str, coordinator: str, wave: int
    ) -> None:
        """Add a joint or single-sector mechanism of the initiative."""
        if kind not in BODY_KINDS or wave not in WAVES or id_ in self.bodies:
            raise ValueError(f"bad body {id_}")
        if coordinator and not self.active(coordinator, wave):
            raise ValueError(f"coordinator of {id_} not active in {wave}")
        self.bodies[id_] = (id_, name, name_en, kind, coordinator, wave)

    def member(
        self,
        actor: str,
        body: str,
        role: str = "member",
        wave: int | None = None,
        until: int | None = None,
    ) -> None:
        """Add a membership, starting when both the actor and the body exist."""
        a = self.actors[actor]
        first = max(a.wave, self.bodies[body][5])
        wave = first if wave is None else wave
        until = a.until if until is None else until
        if role not in ROLES or wave < first or wave not in WAVES:
            raise ValueError(f"bad membership {actor} in {body}")
        if not _within(until, a.until) or (until is not None and until < wave):
            raise ValueError(f"membership {actor} in {body} outlives the actor")
        self.memberships.append((actor, body, role, wave, until))

    def activity(self, actor: str, goal: str, wave: int | None = None) -> None:
        """Record that an organisation works on a shared goal from a wave on."""
        a = self.actors[actor]
        wave = a.wave if wave is None else wave
        if a.level != "organisation" or not self.active(actor, wave):
            raise ValueError(f"bad activity {actor} {goal}")
        if (actor, goal) in self.activities:
            raise ValueError(f"duplicate activity {actor} {goal}")
        self.activities[(actor, goal)] = wave

    # output -------------------------------------------------------------
    def tables(self) -> dict[str, tuple[tuple[str, ...], list[tuple]]]:
        """Return each file's header and its rows, sorted."""
        sector_rank = {s: i for i, s in enumerate(SECTORS)}
        actors = sorted(
            self.actors.values(),
            key=lambda a: (
                a.level != "organisation",
                sector_rank[a.sector],
                a.wave,
                a.id,
            ),
        )
        body_rank = {b: i for i, b in enumerate(self.bodies)}
        return {
            "actors.csv": (
                ACTOR_COLUMNS,
                [
                    (
                        a.id,
                        a.name,
                        a.name_en,
                        a.sector,
                        a.level,
                        a.org,
                        a.scope,
                        a.backbone,
                        a.wave,
                        a.until,
                    )
                    for a in actors
                ],
            ),
            "ties.csv": (
                TIE_COLUMNS,
                sorted(self.ties.values(), key=lambda t: (t[5], t[0], t[1], t[2])),
            ),
            "memberships.csv": (
                MEMBERSHIP_COLUMNS,
                sorted(
                    self.memberships,
                    key=lambda m: (body_rank[m[1]], m[3], m[0], m[2]),
                ),
            ),
            "bodies.csv": (BODY_COLUMNS, list(self.bodies.values())),
            "activities.csv": (
                ACTIVITY_COLUMNS,
                sorted(
                    ((a, g, *GOAL_NAMES[g], w) for (a, g), w in self.activities.items()),
                    key=lambda r: (r[1], r[4], r[0]),
                ),
            ),
        }

    def write(self, folder: Path) -> None:
        """Write the five CSV files into ``folder``, creating it if needed."""
        folder.mkdir(parents=True, exist_ok=True)
        for filename, (header, rows) in self.tables().items():
            with open(folder / filename, "w", encoding="utf-8", newline="") as f:
                writer = csv.writer(f, lineterminator="\n")
                writer.writerow(header)
                writer.writerows([_cell(v) for v in row] for row in rows)


def _within(until: int | None, limit: int | None) -> bool:
    """Tell whether an ``until`` is no later than a limit (``None``: open)."""
    if limit is None:
        return True
    return until is not None and until <= limit


def _generic(prefix_id: str, he: str, en: str, index: int) -> tuple[str, str, str]:
    """Return id, Hebrew and English name of the generic actor number ``index``."""
    return (
        f"{prefix_id}_{EN_LETTERS[index].lower()}",
        f"{he} {HE_LETTERS[index]}'",
        f"{en} {EN_LETTERS[index]}",
    )


def _letters(first: str, last: str) -> range:
    """Return the indexes of the generic letters ``first`` to ``last``."""
    return range(EN_LETTERS.index(first), EN_LETTERS.index(last) + 1)


def add_actors(s: Sample) -> tuple[list[str], list[str]]:
    """Add every actor; return the company ids and the non-profit ids."""
    # public sector: real public bodies, generic ministry units and authorities
    s.actor(
        "moe", "משרד החינוך", "Ministry of Education", "public", 2013, scope="national"
    )
    s.actor(
        "moe_science",
        "משרד החינוך: מינהלת מדע וטכנולוגיה",
        "Ministry of Education: science and technology administration",
        "public",
        2014,
        scope="national",
    )
    s.actor(
        "moe_math",
        "משרד החינוך: הפיקוח על הוראת המתמטיקה",
        "Ministry of Education: mathematics supervision",
        "public",
        2014,
        scope="national",
    )
    s.actor(
        "moe_district",
        "משרד החינוך: מחוז א'",
        "Ministry of Education: district A",
        "public",
        2016,
        scope="regional",
    )
    s.actor(
        "local_gov_fed",
        "מרכז השלטון המקומי",
        "Federation of Local Authorities",
        "public",
        2014,
        scope="national",
    )
    s.actor(
        "idf", 'צה"ל', "Israel Defense Forces (IDF)", "public", 2016, scope="national"
    )
    s.actor(
        "cyber_center",
        "המרכז לחינוך סייבר",
        "National Cyber Education Center",
        "public",
        2016,
        scope="national",
    )
    for i in _letters("A", "H"):
        id_, he, en = _generic("la", "רשות מקומית", "Local authority", i)
        wave = 2014 if i < 2 else 2016
        s.actor(
            id_,
            he,
            en,
            "public",
            wave,
            scope="local",
            until=2014 if id_ == "la_b" else None,
        )

    # business sector: Intel Israel and generic high-tech companies
    s.actor("intel", "אינטל ישראל", "Intel Israel", "business", 2013, scope="national")
    companies = ["intel"]
    for i in _letters("A", "V"):
        id_, he, en = _generic("hitech", "חברת הייטק", "High-tech company", i)
        wave = 2013 if i <= 8 else 2014 if i <= 14 else 2016
        s.actor(
            id_,
            he,
            en,
            "business",
            wave,
            scope="global" if i % 2 == 0 else "national",
            until=2014 if id_ == "hitech_e" else None,
        )
        companies.append(id_)

    # third sector: the backbone, Beit Yatziv and generic non-profits
    s.actor(
        "sheatufim",
        "שיתופים",
        "Sheatufim",
        "third",
        2013,
        scope="national",
        backbone=True,
    )
    s.actor("beit_yatziv", "בית יציב", "Beit Yatziv", "third", 2013, scope="national")
    ngos = []
    for i in _letters("A", "V"):
        id_, he, en = _generic("ngo", "עמותה", "Non-profit", i)
        wave = 2013 if i <= 7 else 2014 if i <= 14 else 2016
        s.actor(
            id_,
            he,
            en,
            "third",
            wave,
            scope=("national", "regional", "local")[i % 3],
            until=2014 if id_ == "ngo_f" else None,
        )
        ngos.append(id_)

    # philanthropy: the two founding foundations, a named funder, generic ones
    s.actor(
        "trump", "קרן טראמפ", "Trump Foundation", "philanthropy", 2013, scope="national"
    )
    s.actor(
        "rashi", 'קרן רש"י', "Rashi Foundation", "philanthropy", 2013, scope="national"
    )
    s.actor(
        "ort_kadima",
        "וורלד אורט קדימה מדע",
        "World ORT Kadima Mada",
        "philanthropy",
        2014,
        scope="national",
    )
    s.actor(
        "foundation_a", "קרן א'", "Foundation A", "philanthropy", 2014, scope="global"
    )
    s.actor(
        "foundation_b", "קרן ב'", "Foundation B", "philanthropy", 2016, scope="national"
    )

    # academia, social businesses, community
    s.actor(
        "univ_a", "אוניברסיטה א'", "University A", "academia", 2013, scope="national"
    )
    s.actor(
        "research_a",
        "מכון מחקר א'",
        "Research institute A",
        "academia",
        2014,
        scope="national",
    )
    s.actor(
        "univ_b", "אוניברסיטה ב'", "University B", "academia", 2016, scope="national"
    )
    s.actor(
        "research_b",
        "מכון מחקר ב'",
        "Research institute B",
        "academia",
        2016,
        scope="national",
    )
    s.actor(
        "college_a",
        "מכללה אקדמית א'",
        "Academic college A",
        "academia",
        2016,
        scope="regional",
    )
    s.actor(
        "socbiz_a",
        "עסק חברתי א'",
        "Social business A",
        "social_business",
        2014,
        scope="regional",
    )
    s.actor(
        "socbiz_b",
        "עסק חברתי ב'",
        "Social business B",
        "social_business",
        2016,
        scope="local",
    )
    s.actor(
        "parents_forum",
        "פורום הורים א'",
        "Parents' forum A",
        "community",
        2016,
        scope="regional",
    )

    # persons: role names inside organisations
    persons = (
        (
            "p_sheatufim_director",
            "מנהלת היוזמה, שיתופים",
            "Initiative director, Sheatufim",
            "sheatufim",
            2013,
        ),
        (
            "p_sheatufim_partners",
            "מנהל השותפויות, שיתופים",
            "Partnerships manager, Sheatufim",
            "sheatufim",
            2013,
        ),
        (
            "p_sheatufim_third",
            "רכזת צוות המגזר השלישי, שיתופים",
            "Third-sector team coordinator, Sheatufim",
            "sheatufim",
            2014,
        ),
        (
            "p_beit_yatziv_coord",
            "רכזת קואליציית העסקים, בית יציב",
            "Business Coalition coordinator, Beit Yatziv",
            "beit_yatziv",
            2013,
        ),
        (
            "p_moe_rep",
            "נציגת משרד החינוך",
            "Ministry representative, Ministry of Education",
            "moe",
            2013,
        ),
        (
            "p_moe_director",
            "מוביל היוזמה, משרד החינוך",
            "Initiative lead, Ministry of Education",
            "moe",
            2014,
        ),
        (
            "p_moe_science_sup",
            "מפקחת מדעים, מינהלת מדע וטכנולוגיה",
            "Science supervisor, science and technology administration",
            "moe_science",
            2014,
        ),
        (
            "p_la_a_head",
            "מנהל מחלקת החינוך, רשות מקומית א'",
            "Head of education department, Local authority A",
            "la_a",
            2014,
        ),
        (
            "p_trump_director",
            "מנהלת התוכניות, קרן טראמפ",
            "Programme director, Trump Foundation",
            "trump",
            2013,
        ),
        (
            "p_rashi_rep",
            'נציג קרן רש"י',
            "Representative, Rashi Foundation",
            "rashi",
            2013,
        ),
        (
            "p_intel_community",
            "מנהלת הקשרים עם הקהילה, אינטל ישראל",
            "Community relations manager, Intel Israel",
            "intel",
            2013,
        ),
        (
            "p_intel_volunteers",
            "מוביל המרצים המתנדבים, אינטל ישראל",
            "Volunteer lecturers lead, Intel Israel",
            "intel",
            2013,
        ),
        (
            "p_hitech_a_csr",
            "מנהלת האחריות התאגידית, חברת הייטק א'",
            "CSR manager, High-tech company A",
            "hitech_a",
            2013,
        ),
        (
            "p_ngo_a_director",
            "מנכ\"לית עמותה א'",
            "Executive director, Non-profit A",
            "ngo_a",
            2013,
        ),
        (
            "p_ngo_b_director",
            "מנכ\"ל עמותה ב'",
            "Executive director, Non-profit B",
            "ngo_b",
            2013,
        ),
        (
            "p_ngo_c_director",
            "מנכ\"לית עמותה ג'",
            "Executive director, Non-profit C",
            "ngo_c",
            2013,
        ),
        (
            "p_univ_a_researcher",
            "חוקרת חינוך מדעי, אוניברסיטה א'",
            "Science-education researcher, University A",
            "univ_a",
            2013,
        ),
    )
    for id_, he, en, org, wave in persons:
        s.actor(id_, he, en, s.actors[org].sector, wave, org=org)
    return companies, ngos


# Hand-picked ties: (source, target, type, wave or None, until or None).
# Transactional ties name the giver first. None means "as the actors allow".
FOUNDING_TIES = (
    ("trump", "rashi", "partnership", None, None),
    ("trump", "intel", "partnership", None, None),
    ("rashi", "intel", "partnership", None, None),
    ("sheatufim", "trump", "partnership", None, None),
    ("sheatufim", "rashi", "partnership", None, None),
    ("sheatufim", "intel", "partnership", None, None),
    ("sheatufim", "beit_yatziv", "partnership", None, None),
    ("rashi", "beit_yatziv", "partnership", None, None),
    ("intel", "beit_yatziv", "partnership", None, None),
    ("trump", "sheatufim", "funding", None, None),
    ("rashi", "sheatufim", "funding", None, None),
    ("intel", "sheatufim", "funding", None, None),
    ("rashi", "beit_yatziv", "resources", None, None),
    ("intel", "univ_a", "information", None, None),
)
# The ministry in 2013: one information tie and transactional ties only.
MINISTRY_2013_TIES = (
    ("sheatufim", "moe", "information", None, None),
    ("moe", "ngo_c", "funding", None, None),
    ("moe", "ngo_c", "contract", None, None),
    ("moe", "ngo_a", "contract", None, None),
    ("moe", "ngo_g", "funding", None, None),
)
# The ministry takes the lead: partnership ties across sectors from 2014.
MINISTRY_LEAD_PARTNERS = (
    "trump",
    "rashi",
    "intel",
    "sheatufim",
    "beit_yatziv",
    "hitech_a",
    "hitech_b",
    "ngo_a",
    "ngo_b",
    "ngo_i",
    "univ_a",
    "research_a",
    "local_gov_fed",
    "la_a",
    "ort_kadima",
    "foundation_a",
    "socbiz_a",
    # from 2016, as they join
    "idf",
    "cyber_center",
    "univ_b",
    "la_c",
    "la_d",
    "parents_forum",
    "foundation_b",
    "ngo_p",
)
MINISTRY_LATER_TIES = (
    ("moe", "moe_science", "information", None, None),
    ("moe", "moe_math", "information", None, None),
    ("moe", "moe_district", "information", None, None),
    ("moe", "ngo_k", "contract", None, None),
)
# Sheatufim, the backbone: (other actor, type, wave or None).
BACKBONE_TIES = (
    ("univ_a", "advice", None),
    ("ngo_a", "partnership", None),
    ("ngo_b", "partnership", None),
    ("ngo_c", "information", None),
    ("ngo_d", "information", None),
    ("ngo_e", "information", None),
    ("ngo_h", "information", 2014),
    ("ngo_i", "partnership", None),
    ("ngo_j", "information", None),
    ("ngo_k", "information", None),
    ("ngo_l", "information", None),
    ("ngo_n", "information", None),
    ("ngo_p", "information", None),
    ("ngo_q", "information", None),
    ("ngo_r", "information", None),
    ("ngo_s", "information", None),
    ("hitech_a", "partnership", None),
    ("hitech_b", "information", None),
    ("hitech_d", "information", None),
    ("hitech_g", "information", None),
    ("hitech_c", "information", None),
    ("hitech_f", "information", None),
    ("hitech_j", "information", None),
    ("hitech_k", "information", None),
    ("hitech_m", "information", None),
    ("hitech_p", "information", None),
    ("hitech_r", "information", None),
    ("hitech_t", "information", None),
    ("moe_science", "information", None),
    ("moe_math", "information", None),
    ("moe_district", "information", None),
    ("local_gov_fed", "partnership", None),
    ("la_a", "information", None),
    ("la_b", "information", None),
    ("la_c", "information", None),
    ("la_d", "information", None),
    ("la_f", "information", None),
    ("idf", "partnership", None),
    ("cyber_center", "partnership", None),
    ("ort_kadima", "partnership", None),
    ("foundation_a", "information", None),
    ("foundation_b", "information", None),
    ("research_a", "advice", None),
    ("univ_b", "information", None),
    ("research_b", "advice", None),
    ("college_a", "information", None),
    ("socbiz_a", "information", None),
    ("socbiz_b", "information", None),
    ("parents_forum", "partnership", None),
)
OTHER_TIES = (
    # ministry units and district
    ("moe_science", "ngo_i", "funding", None, None),
    ("moe_science", "ngo_c", "contract", None, None),
    ("moe_science", "research_a", "advice", None, None),
    ("moe_science", "univ_a", "advice", None, None),
    ("moe_science", "moe_math", "information", None, None),
    ("moe_science", "cyber_center", "partnership", None, None),
    ("moe_science", "research_b", "advice", None, None),
    ("moe_math", "ngo_b", "contract", None, None),
    ("moe_math", "univ_a", "advice", None, None),
    ("moe_math", "college_a", "advice", None, None),
    ("moe_math", "ngo_v", "contract", None, None),
    ("moe_district", "la_c", "information", None, None),
    ("moe_district", "la_d", "information", None, None),
    ("moe_district", "la_e", "information", None, None),
    ("moe_district", "la_f", "information", None, None),
    ("moe_district", "ngo_p", "contract", None, None),
    ("moe_district", "moe_science", "information", None, None),
    # local government
    ("local_gov_fed", "rashi", "partnership", None, None),
    ("la_a", "ngo_j", "contract", None, None),
    ("rashi", "la_a", "partnership", None, None),
    ("la_b", "ngo_g", "contract", None, None),
    ("la_c", "ngo_q", "contract", None, None),
    ("la_d", "ngo_r", "funding", None, None),
    ("la_e", "socbiz_b", "contract", None, None),
    ("la_g", "ngo_s", "contract", None, None),
    ("la_h", "ngo_u", "joint_activity", None, None),
    ("la_c", "parents_forum", "information", None, None),
    ("la_e", "parents_forum", "information", None, None),
    ("beit_yatziv", "la_a", "joint_activity", None, None),
    # IDF and the cyber education center
    ("idf", "cyber_center", "partnership", None, None),
    ("idf", "intel", "information", None, None),
    ("idf", "univ_b", "information", None, None),
    ("idf", "ngo_t", "joint_activity", None, None),
    ("cyber_center", "hitech_j", "joint_activity", None, None),
    ("cyber_center", "ngo_k", "joint_activity", None, None),
    ("cyber_center", "research_b", "information", None, None),
    # foundations
    ("trump", "ngo_a", "funding", None, None),
    ("trump", "ngo_b", "funding", None, None),
    ("trump", "ngo_e", "funding", None, 2014),
    ("trump", "univ_a", "funding", 2014, None),
    ("trump", "research_a", "funding", None, None),
    ("trump", "ort_kadima", "information", None, None),
    ("trump", "foundation_a", "information", None, None),
    ("rashi", "ngo_c", "funding", None, None),
    ("rashi", "ngo_g", "funding", None, None),
    ("rashi", "ngo_n", "funding", None, None),
    ("ort_kadima", "sheatufim", "funding", None, None),
    ("ort_kadima", "ngo_i", "funding", None, None),
    ("ort_kadima", "ngo_n", "funding", None, None),
    ("ort_kadima", "la_c", "funding", None, None),
    ("ort_kadima", "la_d", "funding", None, None),
    ("foundation_a", "ngo_j", "funding", None, None),
    ("foundation_a", "ngo_l", "funding", None, 2014),
    ("foundation_b", "ngo_s", "funding", None, None),
    ("foundation_b", "ngo_r", "funding", None, None),
    ("foundation_b", "socbiz_b", "funding", None, None),
    # companies outside the coalition: a funder, donations, a few activities
    ("hitech_b", "sheatufim", "funding", 2014, None),
    ("intel", "ngo_e", "donation", None, None),
    ("hitech_a", "ngo_h", "donation", None, None),
    ("hitech_c", "ngo_b", "donation", None, None),
    ("hitech_f", "ngo_a", "donation", 2014, None),
    ("hitech_g", "ngo_f", "donation", None, None),
    ("hitech_e", "ngo_j", "donation", None, None),
    ("hitech_k", "ngo_k", "donation", None, None),
    ("hitech_m", "ngo_m", "donation", None, 2014),
    ("hitech_p", "ngo_q", "donation", None, None),
    ("hitech_s", "ngo_u", "donation", None, None),
    ("hitech_l", "socbiz_a", "contract", None, None),
    ("hitech_d", "la_c", "joint_activity", None, None),
    ("intel", "beit_yatziv", "resources", None, None),
    # Beit Yatziv beyond the coalition
    ("beit_yatziv", "ngo_d", "joint_activity", None, None),
    ("beit_yatziv", "ngo_e", "information", 2014, None),
    ("beit_yatziv", "ngo_o", "joint_activity", None, None),
    # academia
    ("univ_a", "research_a", "information", None, None),
    ("univ_a", "ngo_b", "advice", None, None),
    ("univ_a", "ngo_i", "advice", None, None),
    ("research_a", "ngo_n", "advice", None, None),
    ("univ_b", "college_a", "information", None, None),
    ("univ_b", "research_b", "information", None, None),
    ("research_b", "ngo_r", "advice", None, None),
    ("college_a", "ngo_v", "joint_activity", None, None),
    ("univ_b", "ngo_q", "resources", None, None),
    # social businesses and the parents' forum
    ("socbiz_a", "ngo_m", "joint_activity", None, None),
    ("socbiz_a", "ngo_j", "information", None, None),
    ("socbiz_b", "ngo_u", "joint_activity", None, None),
    ("parents_forum", "ngo_s", "joint_activity", None, None),
    ("parents_forum", "ngo_q", "information", None, None),
)
PERSON_TIES = (
    ("p_sheatufim_director", "p_trump_director", "partnership", None, None),
    ("p_sheatufim_director", "p_rashi_rep", "partnership", None, None),
    ("p_sheatufim_director", "p_intel_community", "partnership", None, None),
    ("p_sheatufim_director", "p_moe_rep", "information", None, None),
    ("p_sheatufim_director", "p_moe_director", "partnership", None, None),
    ("p_sheatufim_director", "p_beit_yatziv_coord", "partnership", None, None),
    ("p_sheatufim_director", "p_sheatufim_partners", "information", None, None),
    ("p_sheatufim_director", "p_sheatufim_third", "information", None, None),
    ("p_sheatufim_partners", "p_hitech_a_csr", "information", None, None),
    ("p_sheatufim_partners", "p_univ_a_researcher", "advice", None, None),
    ("p_sheatufim_partners", "p_la_a_head", "information", None, None),
    ("p_sheatufim_third", "p_ngo_a_director", "joint_activity", None, None),
    ("p_sheatufim_third", "p_ngo_b_director", "joint_activity", None, None),
    ("p_sheatufim_third", "p_ngo_c_director", "joint_activity", None, None),
    ("p_ngo_a_director", "p_ngo_b_director", "information", None, None),
    ("p_sheatufim_director", "p_ngo_a_director", "partnership", None, None),
    ("p_univ_a_researcher", "p_ngo_b_director", "advice", None, None),
    ("p_beit_yatziv_coord", "p_intel_community", "joint_activity", None, None),
    ("p_beit_yatziv_coord", "p_hitech_a_csr", "joint_activity", None, None),
    ("p_intel_community", "p_hitech_a_csr", "information", None, None),
    ("p_intel_community", "p_intel_volunteers", "information", None, None),
    ("p_intel_volunteers", "ngo_e", "joint_activity", None, None),
    ("p_moe_director", "p_trump_director", "partnership", None, None),
    ("p_moe_director", "p_moe_science_sup", "information", None, None),
    ("p_moe_director", "p_la_a_head", "information", None, None),
    ("p_moe_director", "p_moe_rep", "information", None, None),
    ("p_univ_a_researcher", "p_moe_science_sup", "advice", None, None),
    ("p_univ_a_researcher", "ngo_b", "advice", None, None),
    ("p_trump_director", "p_rashi_rep", "partnership", None, None),
    ("p_la_a_head", "ngo_j", "information", None, None),
    ("p_ngo_c_director", "p_moe_science_sup", "information", None, None),
)


def add_ties(s: Sample, companies: list[str], ngos: list[str]) -> None:
    """Add the hand-picked ties, then draw the two single-sector clusters."""
    for rows in (FOUNDING_TIES, MINISTRY_2013_TIES):
        for source, target, kind, wave, until in rows:
            s.tie(source, target, kind, wave, until)
    for other in MINISTRY_LEAD_PARTNERS:
        s.tie("moe", other, "partnership", max(2014, s.actors[other].wave))
    for source, target, kind, wave, until in MINISTRY_LATER_TIES:
        s.tie(source, target, kind, wave, until)
    for other, kind, wave in BACKBONE_TIES:
        s.tie("sheatufim", other, kind, wave)
    for source, target, kind, wave, until in OTHER_TIES:
        s.tie(source, target, kind, wave, until)
    # Early warning: the ministry's ties to Non-profit C are heavy and low in
    # trust, and its director talks to the ministry far more than to peers.
    s.tie("p_ngo_c_director", "p_moe_rep", "information", weight=3, trust=2)
    for source, target, kind, wave, until in PERSON_TIES:
        s.tie(source, target, kind, wave, until)
    # Beit Yatziv coordinates every company of the coalition.
    for company in companies:
        if not s.tied("beit_yatziv", company):
            s.tie("beit_yatziv", company, "joint_activity")
    # The two single-sector clusters.
    s.cluster(companies, ("joint_activity", "joint_activity", "information"), 3, 5)
    s.cluster(ngos, ("joint_activity", "information", "information", "advice"), 3, 5)


def add_bodies(s: Sample, companies: list[str], ngos: list[str]) -> None:
    """Add the partner network, the joint mechanisms and the sector groups."""
    s.body(
        "partner_network",
        "רשת השותפים",
        "Partner network",
        "partner_network",
        "sheatufim",
        2013,
    )
    s.body(
        "steering_committee",
        "ועדת ההיגוי",
        "Steering committee",
        "steering_committee",
        "sheatufim",
        2013,
    )
    s.body(
        "wt_teacher_training",
        "צוות עבודה: הכשרת מורים",
        "Working team: teacher training",
        "working_team",
        "sheatufim",
        2014,
    )
    s.body(
        "wt_student_motivation",
        "צוות עבודה: מוטיבציה ללימודי מדעים",
        "Working team: student motivation",
        "working_team",
        "sheatufim",
        2014,
    )
    s.body(
        "wt_periphery_excellence",
        "צוות עבודה: מצוינות בפריפריה",
        "Working team: excellence in the periphery",
        "working_team",
        "sheatufim",
        2014,
    )
    s.body(
        "business_coalition",
        "קואליציית העסקים",
        "Business Coalition",
        "coalition",
        "beit_yatziv",
        2013,
    )
    s.body(
        "third_sector_team",
        "צוות המגזר השלישי",
        "Third-sector team",
        "sector_team",
        "sheatufim",
        2014,
    )

    for a in s.actors.values():
        if a.level == "organisation":
            role = "coordinator" if a.id == "sheatufim" else "member"
            s.member(a.id, "partner_network", role)

    # Steering committee: the Trump Foundation chairs in 2013, the ministry
    # from 2014; balanced across public, business, third and philanthropy,
    # with one academic member.
    sc = "steering_committee"
    s.member("trump", sc, "chair", 2013, 2013)
    s.member("trump", sc, "member", 2014)
    s.member("moe", sc, "member", 2013, 2013)
    s.member("moe", sc, "chair", 2014)
    s.member("sheatufim", sc, "coordinator")
    for id_ in (
        "rashi",
        "intel",
        "hitech_a",
        "ngo_a",
        "ngo_b",
        "univ_a",
        "local_gov_fed",
        "hitech_b",
        "cyber_center",
    ):
        s.member(id_, sc)
    # The committee grows in 2016 while keeping its balance.
    s.member("ngo_i", sc, "member", 2016)
    s.member("ort_kadima", sc, "member", 2016)

    teams = {
        "wt_teacher_training": (
            ("univ_a", "lead"),
            ("moe_math", "member"),
            ("research_a", "member"),
            ("ngo_b", "member"),
            ("ngo_i", "member"),
            ("hitech_c", "member"),
            ("foundation_a", "member"),
            ("college_a", "member"),
            ("ngo_v", "member"),
        ),
        "wt_student_motivation": (
            ("intel", "lead"),
            ("hitech_b", "member"),
            ("beit_yatziv", "member"),
            ("ngo_e", "member"),
            ("ngo_j", "member"),
            ("la_a", "member"),
            ("research_a", "member"),
            ("socbiz_a", "member"),
            ("idf", "member"),
            ("cyber_center", "member"),
            ("univ_b", "member"),
            ("hitech_p", "member"),
            ("ngo_q", "member"),
            ("parents_forum", "member"),
        ),
        # The early-warning case: no academic member, one dependent non-profit.
        "wt_periphery_excellence": (
            ("moe", "lead"),
            ("moe_science", "member"),
            ("ngo_c", "member"),
            ("rashi", "member"),
            ("la_b", "member"),
            ("la_c", "member"),
            ("la_d", "member"),
            ("hitech_d", "member"),
        ),
    }
    for team, members in teams.items():
        s.member("sheatufim", team, "coordinator")
        for id_, role in members:
            s.member(id_, team, role)

    # The Business Coalition: companies only, coordinated by Beit Yatziv.
    for company in companies:
        s.member(
            company, "business_coalition", "lead" if company == "intel" else "member"
        )
    # The third-sector team: non-profits only, coordinated by Sheatufim.
    s.member("sheatufim", "third_sector_team", "coordinator")
    for ngo in ngos:
        if ngo not in ("ngo_d", "ngo_o", "ngo_t", "ngo_u", "ngo_v"):
            s.member(ngo, "third_sector_team")


# (actor, goal, wave or None): the overlap / gap map of programmes and goals.
# Third-sector programmes crowd tutoring and student motivation; no third-
# sector actor works on data and measurement or on parent engagement.
ACTIVITIES = (
    ("ngo_a", "excellence_classes", None),
    ("ngo_a", "tutoring", None),
    ("ngo_b", "teacher_training", None),
    ("ngo_c", "excellence_classes", None),
    ("ngo_c", "periphery_access", None),
    ("ngo_d", "student_motivation", None),
    ("ngo_e", "student_motivation", None),
    ("ngo_e", "tutoring", None),
    ("ngo_f", "tutoring", None),
    ("ngo_g", "periphery_access", None),
    ("ngo_h", "tutoring", None),
    ("ngo_h", "girls_in_stem", 2014),
    ("ngo_i", "teacher_training", None),
    ("ngo_j", "student_motivation", None),
    ("ngo_j", "tutoring", None),
    ("ngo_k", "girls_in_stem", None),
    ("ngo_l", "student_motivation", None),
    ("ngo_m", "tutoring", None),
    ("ngo_n", "periphery_access", None),
    ("ngo_n", "teacher_training", 2016),
    ("ngo_o", "student_motivation", None),
    ("ngo_p", "excellence_classes", None),
    ("ngo_q", "student_motivation", None),
    ("ngo_q", "tutoring", None),
    ("ngo_r", "girls_in_stem", None),
    ("ngo_r", "periphery_access", None),
    ("ngo_s", "tutoring", None),
    ("ngo_t", "student_motivation", None),
    ("ngo_u", "tutoring", None),
    ("ngo_u", "girls_in_stem", None),
    ("ngo_v", "teacher_training", None),
    ("beit_yatziv", "student_motivation", None),
    ("moe", "excellence_classes", 2014),
    ("moe", "teacher_training", 2014),
    ("moe_math", "teacher_training", None),
    ("moe_science", "data_and_measurement", None),
    ("moe_district", "periphery_access", None),
    ("la_a", "periphery_access", None),
    ("la_d", "periphery_access", None),
    ("la_c", "parent_engagement", None),
    ("la_e", "parent_engagement", None),
    ("idf", "student_motivation", None),
    ("cyber_center", "excellence_classes", None),
    ("intel", "student_motivation", None),
    ("hitech_a", "student_motivation", None),
    ("hitech_b", "student_motivation", None),
    ("hitech_c", "student_motivation", None),
    ("hitech_f", "student_motivation", None),
    ("hitech_j", "student_motivation", None),
    ("hitech_p", "student_motivation", None),
    ("hitech_d", "girls_in_stem", None),
    ("hitech_k", "girls_in_stem", None),
    ("trump", "teacher_training", None),
    ("trump", "excellence_classes", None),
    ("rashi", "periphery_access", None),
    ("ort_kadima", "excellence_classes", None),
    ("univ_a", "teacher_training", None),
    ("univ_a", "data_and_measurement", 2014),
    ("research_a", "data_and_measurement", None),
    ("research_b", "data_and_measurement", None),
    ("college_a", "teacher_training", None),
    ("socbiz_a", "tutoring", None),
    ("socbiz_b", "girls_in_stem", None),
    ("parents_forum", "parent_engagement", None),
)


def compose(seed: int = SEED) -> Sample:
    """Build the whole sample from a seed.

    Parameters
    ----------
    seed : int
        Seed of the random generator (the sample ships with 2013).

    Returns
    -------
    Sample
        The composed tables, checked.
    """
    s = Sample(seed)
    companies, ngos = add_actors(s)
    add_ties(s, companies, ngos)
    add_bodies(s, companies, ngos)
    for actor, goal, wave in ACTIVITIES:
        s.activity(actor, goal, wave)
    return s


def main(argv: list[str] | None = None) -> int:
    """Write the sample's CSV files; return the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "out",
        nargs="?",
        type=Path,
        default=DEFAULT_OUT,
        help="output folder (default: src/netmap/_data/samples/2x5)",
    )
    args = parser.parse_args(argv)
    sample = compose()
    sample.write(args.out)
    print(
        f"wrote {len(sample.actors)} actors, {len(sample.ties)} ties, "
        f"{len(sample.memberships)} memberships, {len(sample.bodies)} bodies, "
        f"{len(sample.activities)} activities to {args.out}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
