"""Slow references for findings: the definitions written as plain loops."""

from netmap.findings.insights import DEPENDENCY_TYPES


def dependence_cases(m, neutral_ids: set) -> dict:
    """(third-sector actor, body) -> {public actor: tie types}, tie by tie and body by body.

    The loop netmap used before its merges: each funding or contract tie
    between a public and a third-sector actor (directed: from the public
    one), in each body (sorted) holding both and no neutral member besides.
    """
    sector = m.actors["sector"].astype(object)
    ties = m.ties
    dep = ties[ties["type"].isin(DEPENDENCY_TYPES)]
    members = m.memberships.groupby("body")["actor"].agg(set)
    cases: dict = {}
    for row in dep.itertuples():
        ends = {row.source: sector.get(row.source), row.target: sector.get(row.target)}
        publics = [a for a, s in ends.items() if s == "public"]
        thirds = [a for a, s in ends.items() if s == "third"]
        if not publics or not thirds:
            continue
        if m.directed and row.source not in publics:
            continue
        p, t = publics[0], thirds[0]
        for body, who in members.items():
            if p in who and t in who and not (who - {p, t}) & neutral_ids:
                types = cases.setdefault((t, body), {}).setdefault(p, [])
                if row.type not in types:
                    types.append(row.type)
    return cases
