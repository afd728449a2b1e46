"""English: every sentence and label netmap writes, the reference catalogue.

Every other language has a module like this one with exactly the same
groups, keys and format fields (tests/test_words.py checks it); a format
field is filled by the code that takes the sentence. The language code is
the module's name.
"""

from __future__ import annotations

# The groups are read through netmap.words.catalogue (GROUPS: the dicts named in
# capitals, in order), not imported one by one: no name here is API.
__all__: list[str] = []


#: About the language: its name, its direction of writing, a name quoted inside a list, and
#: the letters of its script (a character class).
LANGUAGE = {
    "name": "English",
    "direction": "ltr",
    "quoted": "{}",
    "script": "A-Za-z",
}

#: Items joined as a sentence joins them; ``and_other_script`` when the last item is not
#: written in the language's script.
JOIN = {
    "and": "{head} and {last}",
    "and_other_script": "{head} and {last}",
    "or": "{head} or {last}",
}

#: Counts in words.
COUNTS = {
    "tie_zero": "no ties",
    "tie_one": "one tie",
    "tie_two": "two ties",
    "tie_many": "{n} ties",
    "actor_zero": "no actors",
    "actor_one": "one actor",
    "actor_two": "two actors",
    "actor_many": "{n} actors",
    "body_zero": "no bodies",
    "body_one": "one body",
    "body_two": "two bodies",
    "body_many": "{n} bodies",
    "organisation_zero": "no organisations",
    "organisation_one": "one organisation",
    "organisation_two": "two organisations",
    "organisation_many": "{n} organisations",
    "pair_zero": "no pairs",
    "pair_one": "one pair",
    "pair_two": "two pairs",
    "pair_many": "{n} pairs",
    "permutation_zero": "no permutations",
    "permutation_one": "one permutation",
    "permutation_two": "two permutations",
    "permutation_many": "{n} permutations",
    "member_zero": "no members",
    "member_one": "one member",
    "member_two": "two members",
    "member_many": "{n} members",
    "goal_zero": "no goals",
    "goal_one": "one goal",
    "goal_two": "two goals",
    "goal_many": "{n} goals",
    "finding_zero": "no findings",
    "finding_one": "one finding",
    "finding_two": "two findings",
    "finding_many": "{n} findings",
    "more_zero": "and no more",
    "more_one": "and one more",
    "more_two": "and two more",
    "more_many": "and {n} more",
    "core_sectors_0": "no core sector",
    "core_sectors_1": "one core sector",
    "core_sectors_2": "two core sectors",
    "core_sectors_3": "three core sectors",
}

#: A rank in words: "first" to "tenth", then digits with their suffix ("11th", "21st").
ORDINALS = {
    "1": "first",
    "2": "second",
    "3": "third",
    "4": "fourth",
    "5": "fifth",
    "6": "sixth",
    "7": "seventh",
    "8": "eighth",
    "9": "ninth",
    "10": "tenth",
    "many": "{n}th",
    "many_1": "{n}st",
    "many_2": "{n}nd",
    "many_3": "{n}rd",
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
    "public": "the public sector",
    "business": "the business sector",
    "third": "the third sector",
    "academia": "academia",
    "philanthropy": "philanthropy",
    "social_business": "social businesses",
    "community": "communities",
    "other": "other actors",
}

#: The public sector's part, in words.
ROLES = {
    "leading": "leading",
    "central": "central but not leading",
    "peripheral": "present but peripheral",
    "absent": "absent",
}

#: The anchors of the axis of multi-sector action (CONCEPTS.md section 6).
ANCHORS = {
    "cooperation": "cooperation",
    "partnership": "partnership",
    "joint_move": "joint move",
}

#: The five dimensions of the axis, and the overall position.
DIMENSIONS = {
    "viewpoint": "viewpoint",
    "goal": "goal",
    "time": "time",
    "stakeholders": "stakeholders",
    "management": "dedicated management",
    "overall": "overall",
}

#: Problem complexity (CONCEPTS.md section 5), as an adjective of "the problem".
COMPLEXITY = {
    "simple": "simple",
    "complicated": "complicated",
    "complex": "complex",
}

#: Evidence phrases of the axis.
AXIS = {
    "declared": "declared: {value}",
    "unknown": "not declared",
    "stakeholders": "{n} from {k}; core-sector balance {balance}",
    "backbone": ("backbone {name} brokers {share} of the open two-paths between sectors "
                 "(ranks {rank} among the brokers)"),
    "partner_led": "no backbone; {n} chaired, led or coordinated by a partner",
    "unmanaged": "no backbone, and no body with a chair, lead or coordinator",
    "overall": ("position {position} on the axis (0 cooperation, 0.5 partnership, 1 joint "
                "move), from {n} of 5 dimensions"),
}

#: Phrases the findings put inside their texts.
PHRASES = {
    "cluster": "a cluster of {n} of {sector}",
    "joint_bodies": "any joint body",
    "pair": "{a} and {b}",
    "missing": "{body} has no member from {missing}",
    "dominated": "{share} of the core-sector members of {body} come from {sector}",
    "dependence": "{actor} depends on {funder} ({tie}) and sits with it in {body}",
    "under": ("{a} and {b} have {observed} against about {expected} ({p}), with "
              "{two_step} of their actors two steps apart"),
    "under_none": ("{a} and {b} have no ties against about {expected} ({p}), with "
                   "{two_step} of their actors two steps apart"),
    "cut": "without {actor}, {pairs}",
    "cut_off": "{sector} with {others}",
    "ranked": "the best placed ranks {rank} among the brokers between sectors",
    "unranked": "none of them brokers between sectors, as the map has no ties",
}

#: Finding code -> (title, text); fields are filled by netmap.findings.insights.
FINDINGS = {
    "body_missing_sector": ("Core sectors missing from joint bodies",
                            ("{cases}. A joint body works when each sector brings its own "
                             "strengths to it; consider inviting a representative of the "
                             "missing sector.")),
    "body_dominated": ("Joint bodies dominated by one sector",
                       ("{cases}. A balanced mix in the joint mechanisms lets every sector "
                        "be heard; consider widening the representation of the others.")),
    "sector_pair_no_tie": ("Two sectors have no direct tie",
                           ("No actor of {a} has a direct tie with an actor of {b}; "
                            "whatever passes between them goes through intermediaries.")),
    "sector_pair_under_connected": ("Sectors tied less than chance would give",
                                    ("Random mixing of the same actors would give these "
                                     "pairs of sectors more ties: {cases}. Introductions "
                                     "between actors two steps apart could close the "
                                     "gap.")),
    "single_sector_groups": ("Single-sector groups work beside the joint bodies",
                             ("Beside the joint bodies, actors of one sector combine "
                              "forces in {groups}. The document recommends such groups, "
                              "where a sector can define its needs before it meets the "
                              "others.")),
    "no_single_sector_groups": ("No single-sector group beside the joint bodies",
                                ("Every body of the map mixes sectors, and no group of "
                                 "one sector's actors stands out in the ties. "
                                 "Single-sector groups beside the joint bodies help each "
                                 "sector combine forces and define its needs.")),
    "dependent_third_sector": ("Third-sector dependence with no balancing voice",
                               ("{cases}. There no academic or advocacy actor balances the "
                                "relation, and an organisation in such a position may find "
                                "it hard to speak openly; adding a neutral body, such as a "
                                "research institute, can balance it.")),
    "public_leading": ("The public sector leads",
                       ("{actor} chairs or leads {body}. The document sees public-sector "
                        "leadership as a condition for success: the public sector is the "
                        "sovereign and holds the long-term view.")),
    "public_central": ("The public sector is central but does not lead",
                       ("A public actor, {actor}, ranks {rank} among the brokers between "
                        "sectors, but no public actor chairs or leads {body}. How ready "
                        "and willing are the public bodies to take the lead?")),
    "public_peripheral": ("The public sector is present but peripheral",
                          ("Public actors hold {share} of the seats in the joint bodies, "
                           "none of them chairs or leads {body}, and {ranking}. The "
                           "document sees public leadership as a condition for success.")),
    "public_absent": ("The public sector is absent from the joint bodies",
                      ("No public actor sits in a joint body. Without the sovereign at "
                       "the table, the initiative can hardly act as a public-interest "
                       "joint move.")),
    "public_role_changed": ("The public sector's part changed between waves",
                            "Wave by wave, the public sector was {history}."),
    "third_sector_group": ("The third sector has its own group",
                           ("Third-sector actors meet in a group of their own inside the "
                            "move: {groups}. Such a group helps define each partner's "
                            "needs against the shared goals and divide the work.")),
    "no_third_sector_group": ("The third sector has no group of its own",
                              ("No single-sector body or cluster of third-sector actors "
                               "was found. A dedicated third-sector team "
                               "helps the sector's organisations sharpen their messages "
                               "and coordinate.")),
    "third_sector_loose": ("Third-sector actors are loosely tied to each other",
                           ("Ties among third-sector actors fill {third} of the possible "
                            "pairs, against {others} within the other core sectors. A "
                            "loosely tied sector tends to compete more than it "
                            "coordinates.")),
    "third_sector_cohesive": ("Third-sector actors are tied to each other",
                              ("Ties among third-sector actors fill {third} of the "
                               "possible pairs, against {others} within the other core "
                               "sectors.")),
    "coverage_gaps": ("Shared goals nobody works on",
                      ("No actor works on {goals}: gaps in the map of activities against "
                       "the shared goals.")),
    "coverage_overlaps": ("Third-sector activities overlap",
                          ("Several third-sector actors work on the same goal: {goals}. "
                           "Overlaps are where the third-sector group can divide the work.")),
    "backbone_broker": ("The backbone links the sectors",
                        ("{backbone} brokers {share} of the open two-paths between "
                         "sectors and ranks {rank} among the brokers: the role of a "
                         "backbone organisation.")),
    "backbone_dependency": ("The sectors meet through the backbone alone",
                            ("Without {backbone}, {pairs} of the pairs of sectors that "
                             "meet today would no longer be joined by any path, and "
                             "{share} of the brokering between sectors rests on it. "
                             "Direct ties between the partners would make the move "
                             "sturdier.")),
    "backbone_not_broker": ("The backbone is not a main broker",
                            ("{backbone} brokers only {share} of the open two-paths "
                             "between sectors and ranks {rank} among the brokers, though "
                             "a backbone is meant to bring the sectors together.")),
    "no_backbone": ("The map names no backbone",
                    ("No actor is marked as the backbone (a 'backbone' column with yes). "
                     "A joint move is run by a dedicated backbone organisation; mark it "
                     "to see its part.")),
    "key_person_risk": ("Organisations that hang on one person",
                        ("All the cross-sector ties of {orgs} run through a single person "
                         "in each. If that person leaves, the organisation's place in the "
                         "move goes too.")),
    "sector_cut_point": ("Sectors held together by one actor",
                         ("Some sectors meet only through a single actor; without it they "
                          "would no longer be joined by any path: {cases}.")),
    "complexity_fits": ("The sectors engaged fit the problem",
                        ("The problem is declared {complexity}, which needs {needed}; "
                         "{engaged} are engaged ({sectors}).")),
    "complexity_too_few": ("Too few sectors for the problem",
                           ("The problem is declared {complexity}, which needs {needed}, "
                            "but only {engaged} are engaged ({sectors}); missing: "
                            "{missing}.")),
    "complexity_more": ("More sectors than the problem needs",
                        ("The problem is declared {complexity}, which needs {needed}, yet "
                         "{engaged} are engaged ({sectors}). Each added sector brings "
                         "ties and resources, and also the work of managing them.")),
}

#: The words plots draw besides the data: titles, legend headings, tie classes, roles and
#: marks.
PLOTS = {
    "sectors": "Sectors",
    "levels": "Levels",
    "ties": "Ties",
    "partnership": "partnership",
    "exchange": "exchange",
    "transactional": "transactional",
    "unclassified": "unclassified",
    "members of": "members of {}",
    "joined": "joined since {}",
    "left": "left by {}",
    "mixing observed": "Ties between sectors",
    "mixing expected": "Ties expected under random mixing",
    "mixing ratio": "Ties between sectors: observed / expected",
    "ties count": "ties",
    "ratio": "observed / expected",
    "brokerage": "Brokerage roles of the top brokers",
    "roles": "Roles",
    "open two-paths": "two-paths brokered",
    "coordinator": "coordinator",
    "itinerant": "itinerant",
    "representative": "representative",
    "gatekeeper": "gatekeeper",
    "between sectors": "between sectors",
    "liaison": "liaison",
    "wave title": "{wave}: {actors}, {ties}",
    "no value": "no value",
    "bodies": "Sector make-up of the bodies",
    "members": "members",
    "member share": "share of members",
    "no core sector": "no core sector",
    "single-sector": "single-sector",
    "two-sector": "two-sector",
    "three-sector": "three-sector",
    "missing": "missing: {}",
    "missing core": "core sector missing",
    "chair": "chair or lead",
    "no members": "no members",
    "marks": "Marks",
    "coverage": "Who works on each goal",
    "all actors": "all actors",
    "gap": "gap: nobody works on this goal",
    "overlap": "overlap: {n} {sector} actors",
}

#: Measures as a legend names them.
MEASURE_NAMES = {
    "ties": "number of ties",
    "degree": "degree",
    "betweenness": "betweenness",
    "closeness": "closeness",
    "eigenvector": "eigenvector",
    "total": "total",
    "constraint": "constraint",
    "effective_size": "effective size",
    "efficiency": "efficiency",
    "cross_brokerage": "cross brokerage",
    "sectors_reached": "sectors reached",
}

#: The report's titles, notes and sentences; fields are filled by the sections.
REPORT = {
    "report": "Stakeholder network map",
    "made_by": "Made with netmap {version} on {date}.",
    "made_by_undated": "Made with netmap {version}.",
    "epoch_ignored": (
        "SOURCE_DATE_EPOCH is '{value}', which is not a whole number of seconds "
        "since 1970 (such as 1767225600 for 2026-01-01): ignored, and the report "
        "is dated {date}, the map's date; set it to a number as `date +%s` writes "
        "it, or unset it"),
    "epoch_ignored_undated": (
        "SOURCE_DATE_EPOCH is '{value}', which is not a whole number of seconds "
        "since 1970 (such as 1767225600 for 2026-01-01): ignored, and the report "
        "has no date, as the map has none; set it to a number as `date +%s` "
        "writes it, or unset it"),
    "contents": "Contents",
    "illustrative": "This is the bundled illustrative sample: its ties are invented.",
    "overview": "For the committee: the map at a glance",
    "first_findings": "What needs attention first",
    "all_findings": "The findings section lists all {n}, by insight.",
    "summary": "The map in numbers",
    "map": "The network map",
    "findings": "Findings",
    "mixing": "Ties between sectors",
    "bodies": "Joint bodies",
    "brokers": "Cross-sector brokers",
    "clusters": "Single-sector clusters",
    "coverage": "Who works on which goal",
    "waves": "What changed between waves",
    "notes": "Notes on this report",
    "appendix": "Appendix: the measures in plain words",
    "no_ties": "The map has no ties, so there is nothing to measure between sectors.",
    "no_bodies": "The map has no bodies (no memberships): this section is left out.",
    "no_clusters": "No group of same-sector actors tied mostly to each other was found.",
    "no_activities": "The map has no activities table: the coverage map is left out.",
    "no_waves": "The map has one wave only: there is nothing to compare.",
    "no_findings": "No finding to report.",
    "summary_line": "{counts} ({direction}){bodies}{waves}.",
    "directed": "directed",
    "undirected": "undirected",
    "n_bodies": ", {n}",
    "n_waves": "; waves {waves}",
    "by_sector": "Actors by sector and level",
    "by_class": "Ties by class",
    "map_caption": ("Colour: sector; shape: level (circle person, square organisation); "
                    "size: number of ties; lines: tie class. Force layout."),
    "sector_layout_caption": ("Colour: sector; shape: level (circle person, square "
                              "organisation); size: number of ties; lines: tie class. Each "
                              "sector in its own region, because a force layout does not "
                              "separate the sectors of this map (silhouette {silhouette}, "
                              "below {threshold}): the lines across the middle are the ties "
                              "between sectors."),
    "sector_layout_within_caption": ("Colour: sector; shape: level (circle person, square "
                                     "organisation); size: number of ties; lines: tie class. "
                                     "Each sector in its own region, because only {within} of "
                                     "this map's ties lie within a sector (below {bound}, where "
                                     "a force layout does not separate the sectors): the lines "
                                     "across the middle are the ties between sectors."),
    "force_map_caption": ("The same map in a force layout: tied actors close together, "
                          "persons round their organisation."),
    "sector_map_caption": ("The same map with each sector in its own region: the lines "
                           "across the middle are the ties between sectors."),
    "drawn_cap": ("Only the {shown} actors with the most ties, of {total}, are drawn, with "
                  "the ties among them: a map of every actor would be unreadable. Sizes (and "
                  "the ties and brokerage roles the interactive map shows on hover) count "
                  "only the ties among the actors drawn; the tables and findings read the "
                  "whole map."),
    "axis": "Where the initiative sits on the axis of multi-sector action",
    "axis_line": "Overall: {anchor} (position {score} from 0 cooperation to 1 joint move).",
    "evidence": "Evidence",
    "ei_line": ("E-I index of the network: {ei} (from -1, all ties inside sectors, to +1, "
                "all between them); under random mixing of the same actors it would be "
                "{mean} on average; {verdict}."),
    "ei_more_inside": "the sectors keep to themselves more than chance ({p})",
    "ei_more_across": "the sectors meet more than chance ({p})",
    "ei_as_chance": "no different from chance ({p} and {q})",
    "mixing_caption": ("Ties between each pair of sectors against random mixing: above 1, "
                       "more than chance; below 1, fewer."),
    "ei_by_sector": "E-I index of each sector",
    "under_connected": "Pairs of sectors tied less than chance would give",
    "p_caption": ("p-values of a permutation test with {n} (the observed labelling "
                  "counted as one): never 0, at least {floor}."),
    "none_under": "No pair of sectors is significantly under-connected.",
    "backbone_line": ("The backbone ({names}) brokers {share} of the open two-paths "
                      "between sectors."),
    "pairs": "Who brokers each pair of sectors",
    "sampled": ("Betweenness is estimated from {k} sampled actors (the map has {n}): on a "
                "synthetic map of 10,000 actors, {k} sampled actors gave values correlating "
                "{r} with the exact ones, and the ten top brokers' values were off by "
                "{error} in the median."),
    "counted_once": ("Each open two-path is counted once (the appendix says how this differs "
                     "from netmap.brokerage() and sna, which count it both ways)."),
    "brokers_caption": "Gould-Fernandez roles of the top brokers.",
    "waves_title": "What changed from wave {before} to wave {after}",
    "waves_line": ("This section compares two waves of the map, whatever the scope of the "
                   "rest of the report: wave {before} with wave {after}."),
    "scope_whole": "Scope: the whole map.",
    "scope_waves": ("Scope: the whole map, every wave together ({waves}); the last section "
                    "compares the waves."),
    "scope_wave": "Scope: wave {wave} of the map.",
    "waves_caption": ("The two waves on one layout: actors who joined and who left are "
                      "marked."),
    "measures": "Headline measures",
    "points_one": "{n} percentage point",
    "points_many": "{n} percentage points",
    "sector_changes": "Actors by sector",
    "body_changes": "Bodies",
    "yes": "yes",
    "no": "no",
    "none": "none",
    "warnings": "While the report was made netmap noted:",
    "no_notes": "Nothing to note.",
    }

#: Column names of the report's tables.
COLUMNS = {
    "sector": "sector",
    "group": "sector",
    "actors": "actors",
    "ties": "ties",
    "share": "share",
    "person": "persons",
    "organisation": "organisations",
    "body": "body",
    "tie_class": "tie class",
    "name": "name",
    "kind": "kind",
    "members": "members",
    "type": "type",
    "core_missing": "core sectors missing",
    "core_dominant": "largest core sector",
    "core_share": "its share of the core seats",
    "balanced": "balanced",
    "dominant": "largest sector",
    "dominant_share": "its share",
    "blau_normalized": "diversity (0-1)",
    "deviation": "distance from the map's mix",
    "chair_sectors": "chair's sector",
    "interlocks": "also in other bodies",
    "rank": "rank",
    "representative": "representative",
    "gatekeeper": "gatekeeper",
    "between": "between sectors",
    "liaison": "liaison",
    "cross_brokerage": "cross-sector two-paths",
    "sectors_reached": "sectors reached",
    "constraint": "constraint",
    "betweenness": "betweenness",
    "pair": "sectors",
    "two_paths": "open two-paths",
    "brokers": "brokers",
    "top_broker": "top broker",
    "top_share": "top broker's share",
    "concentration": "concentration",
    "backbone_share": "backbone's share",
    "size": "size",
    "internal_ties": "ties inside",
    "external_ties": "ties outside",
    "density": "density",
    "internal_share": "share inside",
    "body_overlap": "overlap",
    "goal": "goal",
    "gap": "gap",
    "crowded": "crowded",
    "crowded_count": "third-sector actors",
    "external": "ties out",
    "internal": "ties in",
    "ei": "E-I",
    "p_less": "p (more inside)",
    "p_greater": "p (more across)",
    "observed": "ties",
    "expected": "expected",
    "ratio": "observed / expected",
    "p_value": "p",
    "measure": "measure",
    "before": "before",
    "after": "after",
    "change": "change",
    "joined": "joined",
    "left": "left",
    "members_before": "members before",
    "members_after": "members after",
    "type_before": "type before",
    "type_after": "type after",
    "chair_sectors_before": "chair's sector before",
    "chair_sectors_after": "chair's sector after",
    "dimension_name": "dimension",
    "anchor_name": "points to",
    "evidence": "evidence",
}

#: Cell values of the report's tables: body types, tie classes, body kinds, levels.
VALUES = {
    "single-sector": "single-sector",
    "two-sector": "two-sector",
    "three-sector": "three-sector",
    "no core sector": "no core sector",
    "partnership": "partnership",
    "exchange": "exchange",
    "transactional": "transactional",
    "unclassified": "unclassified",
    "partner_network": "partner network",
    "steering_committee": "steering committee",
    "working_team": "working team",
    "coalition": "coalition",
    "sector_team": "single-sector team",
    "person": "person",
    "organisation": "organisation",
    "body": "body",
}

#: Headline measures (netmap.structure.waves.HEADLINE_MEASURES).
HEADLINES = {
    "actors": "actors",
    "ties": "ties",
    "sectors": "sectors present",
    "core_sectors": "core sectors present",
    "cross_sector_share": "share of ties between sectors",
    "ei_index": "E-I index",
    "assortativity": "sector assortativity",
    "backbone_share": "backbone's share of brokering",
    "joint_bodies": "joint bodies",
    "public_share_joint_bodies": "public share of the joint bodies' seats",
    "bodies_led_by_public": "bodies led by a public actor",
    "public_leads_steering": "public actor leads the steering committee (1 yes, 0 no)",
    "public_best_broker_rank": "rank of the best public broker",
}

#: Headings of the findings, by insight.
INSIGHTS = {
    1: "Insight 1: recognise each sector's traits and use them",
    2: "Insight 2: public-sector leadership",
    3: "Insight 3: the third sector's own move",
    "general": "The joint move as a whole",
}

#: Severities of the findings.
SEVERITIES = {
    "warning": "warning",
    "attention": "attention",
    "info": "info",
}

#: Measure -> (term, definition), for the report's appendix.
DEFINITIONS = {
    "sector": ("Sector and core sector",
               ("The civic sector an actor belongs to. The core sectors are public, "
                "business and third; philanthropy and community count as third sector, "
                "academia and social businesses as none.")),
    "tie_class": ("Tie class",
                  ("Partnership (shared decisions: partnership, joint activity), exchange "
                   "(information, advice, resources) or transactional (funding, contract, "
                   "donation: cross-sector activity without shared decisions).")),
    "mixing": ("Mixing ratio",
               ("Ties between two sectors divided by the number random mixing of the same "
                "actors would give. Above 1: the two sectors meet more than chance.")),
    "ei": ("E-I index",
           ("Ties to other sectors minus ties inside one's sector, over all ties: from -1 "
            "(all inside) to +1 (all across). Compared with random relabellings of the "
            "actors (a permutation test) to tell a real tendency from chance.")),
    "two_path": ("Open two-path and brokerage roles",
                 ("Actor B stands between A and C when A is tied to B, B to C, and A not "
                  "to C. Gould and Fernandez name five roles by the sectors of A, B and "
                  "C: coordinator (all one sector), itinerant (A and C of one sector, B "
                  "of another), representative and gatekeeper (B in the sector of A or of "
                  "C), and liaison (three sectors).")),
    "counting": ("Counting open two-paths",
                 ("In an undirected map this report counts each open two-path once. "
                  "netmap.brokerage(), like sna's brokerage(), counts it in both "
                  "directions (A - B - C and C - B - A), so its numbers are twice these "
                  "and its representative and gatekeeper counts are equal: here they are "
                  "one column, between sectors. Shares, such as the backbone's, are the "
                  "same either way.")),
    "constraint": ("Constraint",
                   ("Burt's measure of how much an actor's contacts are tied to each "
                    "other: low constraint means the actor spans structural holes.")),
    "betweenness": ("Betweenness",
                    ("The share of shortest paths between other actors that pass through "
                     "an actor.")),
    "concentration": ("Concentration",
                      ("Herfindahl index of the brokers' shares of a pair of sectors: 1 "
                       "when one actor brokers the pair alone, near 0 when many share it.")),
    "body_type": ("Body type and diversity",
                  ("A body is single-, two- or three-sector by the core sectors among its "
                   "members. Diversity is Blau's index, the chance that two members drawn "
                   "at random are of different sectors, scaled so 1 is an even spread. "
                   "A body is balanced when every core sector sits in it and none holds "
                   "more than half of its core-sector seats; above half, that sector "
                   "dominates it.")),
    "cluster": ("Single-sector cluster",
                ("A group of at least three actors of one sector, tied to each other, "
                 "each with at least half of its ties inside its sector and the group "
                 "keeping at least half of its ties inside.")),
    "backbone": ("Backbone share",
                 ("The share of all open two-paths between sectors that the backbone "
                  "organisation brokers.")),
    "axis": ("Axis of multi-sector action",
             ("Sheatufim's axis from cooperation through partnership to a joint move, "
              "read on five dimensions: viewpoint, goal and time (declared), stakeholders "
              "and dedicated management (read from the map).")),
}

#: The interactive map (netmap.plot.explore): its controls, legend and hover card.
EXPLORE = {
    "title": "Interactive stakeholder map",
    "hint": ("Hover an actor to see who it is; click it to light up its ties; click a legend "
             "entry to hide or show it; scroll to zoom, drag to move."),
    "search": "Find an actor",
    "no_match": "No actor matches",
    "wave": "Wave",
    "all_waves": "all waves",
    "body": "Body",
    "no_body": "none highlighted",
    "sectors": "Sectors",
    "levels": "Levels",
    "ties": "Ties",
    "size": "Size: {measure}",
    "number_of_ties": "number of ties",
    "sector": "Sector",
    "level": "Level",
    "organisation": "Organisation",
    "bodies": "Bodies and roles",
    "n_ties": "Ties",
    "brokerage": "Brokerage roles",
    "none": "none",
    "reset": "Show the whole map",
    "ties_solid": ("With more than {n} ties every tie is drawn solid, and ties are hidden "
                   "while the map moves."),
    "no_webgl": ("This browser cannot draw the interactive map (it needs WebGL 2); the "
                 "picture of the same map stays below."),
    "caption": ("The interactive map: the same positions as the picture; hover, click, "
                "search and hide sectors or tie classes."),
}

#: What the command line writes in the reader's language.
CLI = {
    "demo_title": "The 2x5 initiative (illustrative sample)",
}

#: What reading a file noted, by the code of the map's issue: {file} the file, {value}
#: what it says (the reader's own English message is used for the other codes).
READING = {
    "encoding-declared": "{file}: the file declares its encoding ({value}) and was read in "
                         "it: the encoding given (encoding=, --encoding) is for files that "
                         "declare none",
}

#: Names of the actors and bodies of netmap.datasets.synthetic maps.
SYNTHETIC = {
    "actor_public": "Public body",
    "actor_business": "Company",
    "actor_third": "Non-profit",
    "actor_academia": "Academic institute",
    "actor_philanthropy": "Foundation",
    "actor_social_business": "Social business",
    "actor_community": "Community group",
    "actor_other": "Organisation",
    "person": "Representative {j}, {org}",
    "backbone": "Backbone organisation",
    "body_partner_network": "Partner network",
    "body_steering_committee": "Steering committee",
    "body_working_team": "Working team {j}",
    "body_business_coalition": "Business coalition",
    "body_third_sector_team": "Third-sector team",
}
