"""Slow, readable Gould-Fernandez brokerage: the definition and sna's formulas, line by line.

The counts follow the definition (and sna's C routine ``brokerage_R``):
loops over brokers, their in-neighbours and out-neighbours. The expected
values and variances transcribe the R code of ``sna::brokerage`` (sna
2.7-1), loops over groups included, with R's 1-based indices made 0-based.
Used only by the tests, to check netmap.brokerage on many small maps.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from netmap.model._groups import group_codes

ROLES = ["coordinator", "itinerant", "representative", "gatekeeper", "liaison"]


def arcs_of(m) -> set[tuple[int, int]]:
    """The 0/1 arcs (i, j) of a map, loops included: undirected ties both ways."""
    arr = m.arrays
    arcs = set()
    for s, t in zip(arr.source.tolist(), arr.target.tolist(), strict=True):
        arcs.add((s, t))
        if not m.directed:
            arcs.add((t, s))
    return arcs


def role_counts(n: int, arcs: set[tuple[int, int]], cl: list) -> np.ndarray:
    """Brokered pairs per broker and role: columns in the order of ROLES."""
    out = {i: sorted(k for (s, k) in arcs if s == i) for i in range(n)}
    brok = np.zeros((n, 5), dtype=np.int64)
    for i in range(n):  # the source
        for j in out[i]:  # the broker
            if j == i:
                continue
            for k in out[j]:  # the destination
                if k in (i, j) or (i, k) in arcs:
                    continue
                if cl[j] == cl[i]:
                    role = "coordinator" if cl[j] == cl[k] else "representative"
                elif cl[j] == cl[k]:
                    role = "gatekeeper"
                elif cl[i] == cl[k]:
                    role = "itinerant"
                else:
                    role = "liaison"
                brok[j, ROLES.index(role)] += 1
    return brok


def choose(x, k):
    return math.comb(int(x), k) if x >= 0 else x * (x - 1) / 2


def moments(cl: list, n_arcs: int):
    """sna's exp.grp, var per group, exp.gli and var.gli, as its R code computes them."""
    N = len(cl)
    m = n_arcs
    with np.errstate(divide="ignore", invalid="ignore"):
        d = float(np.float64(m) / np.float64(N * (N - 1)))
    clid = list(dict.fromkeys(cl))
    n = [float(sum(c == i for c in cl)) for i in clid]
    N = float(N)
    G = len(clid)
    ebr = np.zeros((G, 6))
    vbr = np.zeros((G, 6))
    with np.errstate(all="ignore"):
        d = np.float64(d)
        for i in range(G):
            o = [n[h] for h in range(G) if h != i]  # n[-i]
            ebr[i, 0] = d**2 * (1 - d) * (n[i] - 1) * (n[i] - 2)
            vbr[i, 0] = (ebr[i, 0] * (1 - d**2 * (1 - d))
                         + 2 * (n[i] - 1) * (n[i] - 2) * (n[i] - 3) * d**3 * (1 - d)**3)
            ebr[i, 1] = d**2 * (1 - d) * sum(x * (x - 1) for x in o)
            vbr[i, 1] = (ebr[i, 1] * (1 - d**2 * (1 - d))
                         + 2 * sum(x * (x - 1) * (x - 2) for x in o) * d**3 * (1 - d)**3)
            ebr[i, 2] = d**2 * (1 - d) * (N - n[i]) * (n[i] - 1)
            vbr[i, 2] = (ebr[i, 2] * (1 - d**2 * (1 - d))
                         + 2 * ((n[i] - 1) * choose(N - n[i], 2)
                                + (N - n[i]) * choose(n[i] - 1, 2)) * d**3 * (1 - d)**3)
            ebr[i, 3] = ebr[i, 2]
            vbr[i, 3] = vbr[i, 2]
            ebr[i, 4] = d**2 * (1 - d) * (sum(x * y for x in o for y in o)
                                           - sum(x**2 for x in o))
            vbr[i, 4] = (ebr[i, 4] * (1 - d**2 * (1 - d))
                         + 4 * sum(x * choose(N - x - n[i], 2) * d**3 * (1 - d)**3
                                   for x in o))
            ebr[i, 5] = d**2 * (1 - d) * (N - 1) * (N - 2)
            vbr[i, 5] = (ebr[i, 5] * (1 - d**2 * (1 - d))
                         + 2 * (N - 1) * (N - 2) * (N - 3) * d**3 * (1 - d)**3)

        a, b, c = d**3 * (1 - d)**3, d**4 * (1 - d)**2, d**5 * (1 - d)
        egbr = np.zeros(6)
        vgbr = np.zeros(6)
        egbr[0] = d**2 * (1 - d) * sum(x * (x - 1) * (x - 2) for x in n)
        vgbr[0] = egbr[0] * (1 - d**2 * (1 - d)) + sum(
            x * (x - 1) * (x - 2) * (((4 * x - 10) * a) - (4 * (x - 3) * b) + ((x - 3) * c))
            for x in n)
        egbr[1] = d**2 * (1 - d) * sum(x * (N - x) * (x - 1) for x in n)
        vgbr[1] = egbr[1] * (1 - d**2 * (1 - d)) + (
            sum(x * y * (x - 1) * (((2 * x + 2 * y - 6) * a) + ((N - x - 1) * c))
                for x in n for y in n)
            - sum(x * x * (x - 1) * (((4 * x - 6) * a) + ((N - x - 1) * c)) for x in n))
        egbr[2] = d**2 * (1 - d) * sum(x * (N - x) * (x - 1) for x in n)
        vgbr[2] = egbr[2] * (1 - d**2 * (1 - d)) + sum(
            x * (N - x) * (x - 1) * (((N - 3) * a) + ((x - 2) * c)) for x in n)
        egbr[3] = egbr[2]
        vgbr[3] = vgbr[2]
        egbr[4] = d**2 * (1 - d) * (sum(x * y * (N - x - y) for x in n for y in n)
                                    - sum(x * x * (N - 2 * x) for x in n))
        vgbr[4] = egbr[4] * (1 - d**2 * (1 - d))
        for i in range(G):
            for j in range(G):
                for k in range(G):
                    if i != j and j != k and i != k:
                        vgbr[4] += n[i] * n[j] * n[k] * (
                            (4 * (N - n[j]) - 2 * (n[i] + n[k] + 1)) * a
                            - (4 * (N - n[k]) - 2 * (n[i] + n[j] + 1)) * b
                            + (N - (n[i] + n[k] + 1)) * c)
        egbr[5] = d**2 * (1 - d) * N * (N - 1) * (N - 2)
        vgbr[5] = egbr[5] * (1 - d**2 * (1 - d)) + N * (N - 1) * (N - 2) * (
            ((4 * N - 10) * a) - (4 * (N - 3) * b) + ((N - 3) * c))
    return clid, ebr, vbr, egbr, vgbr


def reference_brokerage(m, by: str = "sector") -> dict[str, pd.DataFrame]:
    """sna's nli tables (raw, exp, sd, z per actor) and gli table for a map."""
    groups = group_codes(m, by)
    cl = groups.codes.tolist()
    n = m.n_actors
    arcs = arcs_of(m)
    raw = role_counts(n, arcs, cl)
    raw = np.column_stack([raw, raw.sum(axis=1)]).astype(float)
    clid, ebr, vbr, egbr, vgbr = moments(cl, len(arcs))
    rows = [clid.index(c) for c in cl]
    columns = [*ROLES, "total"]
    with np.errstate(all="ignore"):
        exp = ebr[rows].reshape(n, 6)
        sd = np.sqrt(vbr[rows]).reshape(n, 6)
        z = (raw - exp) / sd
        gbr = raw.sum(axis=0)
        gli = pd.DataFrame({"raw": gbr, "expected": egbr, "sd": np.sqrt(vgbr),
                            "z": (gbr - egbr) / np.sqrt(vgbr)}, index=columns)
    ids = m.arrays.ids
    return {
        "raw": pd.DataFrame(raw, index=ids, columns=columns),
        "expected": pd.DataFrame(exp, index=ids, columns=columns),
        "sd": pd.DataFrame(sd, index=ids, columns=columns),
        "z": pd.DataFrame(z, index=ids, columns=columns),
        "summary": gli,
    }
