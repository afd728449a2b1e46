"""Small maps for the plot tests, with names in Hebrew, Arabic and English."""

from __future__ import annotations

import pandas as pd

import netmap


def small_map(directed: bool = False, with_loop: bool = False) -> netmap.StakeholderMap:
    """Seven actors of four sectors and two levels; every tie class; one body."""
    actors = pd.DataFrame({
        "id": ["moe", "intel", "ngo", "univ", "fund", "p1", "p2"],
        "name": ["משרד החינוך", "Intel ישראל", "جمعية النور", "University A",
                 'עמותה (חל"צ)', "דנה", "Omar"],
        "name_en": ["Ministry of Education", "Intel Israel", "Al-Nur association",
                    "University A", "Non-profit (PBC)", "Dana", "Omar"],
        "sector": ["public", "business", "third", "academia", "third", "third",
                   "public"],
        "level": ["organisation"] * 5 + ["person", "person"],
        "org": [None] * 5 + ["ngo", "moe"],
        "budget": [10.0, 4.0, 1.0, 3.0, 2.0, None, None],
    })
    ties = pd.DataFrame({
        "source": ["moe", "intel", "ngo", "p1", "fund", "moe", "univ", "p2"],
        "target": ["ngo", "ngo", "univ", "p2", "ngo", "univ", "fund", "moe"],
        "type": ["funding", "donation", "partnership", "information", "joint_activity",
                 "advice", "contract", None],
    })
    if with_loop:
        ties = pd.concat([ties, pd.DataFrame({"source": ["ngo"], "target": ["ngo"],
                                              "type": ["partnership"]})])
    memberships = pd.DataFrame({"actor": ["moe", "ngo", "univ"],
                                "body": ["steering", "steering", "steering"]})
    bodies = pd.DataFrame({"id": ["steering"], "name": ["ועדת ההיגוי"],
                           "name_en": ["Steering committee"]})
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", netmap.DataWarning)  # the self-tie, when asked
        return netmap.from_frames(actors, ties, memberships=memberships, bodies=bodies,
                                  directed=directed)


def two_components() -> netmap.StakeholderMap:
    """Two triangles and an isolate."""
    actors = pd.DataFrame({"id": list("abcdefg"),
                           "sector": ["public", "public", "business", "third", "third",
                                      "business", "academia"]})
    ties = pd.DataFrame({"source": list("abcdef"), "target": list("bcaefd")})
    return netmap.from_frames(actors, ties)


def bodies_map() -> netmap.StakeholderMap:
    """Four bodies (single-, three-, two-sector and an empty one), chairs and activities.

    By sector (public, business, third, academia, philanthropy) the members
    are: ``steer`` 1, 1, 1, 1, 0 (chairs moe and univ); ``pt`` 2, 0, 0, 0, 1
    (chair fund); ``biz`` 0, 2, 0, 0, 0 (chair intel); ``empty`` none.
    Activities: ``math_skills`` intel, bank, univ; ``reading`` moe, ngo,
    p1, fund.
    """
    actors = pd.DataFrame({
        "id": ["moe", "mun", "intel", "bank", "ngo", "fund", "univ", "p1"],
        "name": ["משרד החינוך", "עיריית חיפה", "Intel ישראל", "בנק א", "עמותת אור",
                 "קרן ב", "אוניברסיטה א", "דנה"],
        "sector": ["public", "public", "business", "business", "third", "philanthropy",
                   "academia", "third"],
        "level": ["organisation"] * 7 + ["person"],
        "org": [None] * 7 + ["ngo"],
    })
    ties = pd.DataFrame({"source": ["moe", "intel", "ngo", "fund", "univ", "p1"],
                         "target": ["ngo", "bank", "univ", "ngo", "moe", "mun"]})
    memberships = pd.DataFrame({
        "actor": ["intel", "bank", "moe", "intel", "ngo", "univ", "moe", "mun", "fund"],
        "body": ["biz", "biz", "steer", "steer", "steer", "steer", "pt", "pt", "pt"],
        "role": ["chair", "member", "chair", "member", "member", "lead", "member",
                 "member", "chair"],
    })
    bodies = pd.DataFrame({
        "id": ["biz", "steer", "pt", "empty"],
        "name": ["מועדון עסקים", "ועדת ההיגוי", "צוות ציבורי-שלישי", "גוף ריק"],
        "name_en": ["Business club", "Steering committee", "Public-third team",
                    "Empty body"],
    })
    activities = pd.DataFrame({
        "actor": ["intel", "bank", "univ", "moe", "ngo", "p1", "fund"],
        "goal": ["math_skills"] * 3 + ["reading"] * 4,
    })
    return netmap.from_frames(actors, ties, memberships=memberships, bodies=bodies,
                              activities=activities)
