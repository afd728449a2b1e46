"""Synthetic tie attributes: types by sector pair, weight, trust, waves.

Part of :func:`netmap.datasets.generator.synthetic`. Each pair of sectors has a mix
of tie types (CONCEPTS.md section 3): the public sector funds and
contracts the third, business donates to it, philanthropy funds,
academia advises and informs, actors of one sector work together and
share information. In a mix, ``payer`` marks who funds, contracts or
donates; the payer is listed as the source.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from netmap.datasets._actors import LEAVE_SHARE
from netmap.model.vocabulary import TIE_CLASSES, tie_class

__all__ = ["LATE_TIE_SHARE", "STRUCTURE_MIX", "mix", "choose", "types", "weights_and_trust",
           "tie_waves"]

#: With waves: share of ties that start later than both their actors.
LATE_TIE_SHARE = 0.25

# (type, probability[, payer]): payer 0 is the first sector of the key, 1 the second.
_SAME = {
    "public": (("information", .35), ("advice", .15), ("joint_activity", .25),
               ("partnership", .15), ("resources", .10)),
    "business": (("joint_activity", .35), ("information", .35), ("partnership", .15),
                 ("resources", .15)),
    "third": (("partnership", .25), ("joint_activity", .30), ("information", .30),
              ("resources", .15)),
}
_SAME_OTHER = (("joint_activity", .35), ("information", .40), ("partnership", .15),
               ("advice", .10))
_CROSS = {
    ("public", "third"): (("funding", .25, 0), ("contract", .20, 0), ("partnership", .15),
                          ("joint_activity", .15), ("information", .15), ("advice", .10)),
    ("public", "business"): (("contract", .30, 0), ("partnership", .15),
                             ("joint_activity", .15), ("information", .30), ("advice", .10)),
    ("business", "third"): (("donation", .30, 0), ("partnership", .20),
                            ("joint_activity", .20), ("information", .15), ("resources", .15)),
    ("public", "academia"): (("funding", .20, 0), ("advice", .30), ("information", .30),
                             ("joint_activity", .20)),
    ("public", "social_business"): (("contract", .30, 0), ("joint_activity", .30),
                                    ("information", .25), ("partnership", .15)),
    ("public", "community"): (("funding", .20, 0), ("information", .35),
                              ("joint_activity", .25), ("partnership", .20)),
    ("business", "academia"): (("funding", .15, 0), ("advice", .25), ("information", .30),
                               ("joint_activity", .30)),
    ("business", "community"): (("donation", .25, 0), ("joint_activity", .30),
                                ("information", .30), ("resources", .15)),
    ("business", "social_business"): (("information", .30), ("joint_activity", .30),
                                      ("resources", .20), ("partnership", .20)),
}
_PHILANTHROPY = (("funding", .50, 0), ("partnership", .20), ("information", .20),
                 ("advice", .10))
_ACADEMIA = (("advice", .30), ("information", .30), ("joint_activity", .25),
             ("partnership", .15))
_CROSS_OTHER = (("partnership", .20), ("joint_activity", .30), ("information", .30),
                ("resources", .20))

#: Type mixes of the joint move's own ties: the backbone's, and inside the
#: business coalition and the third-sector team.
STRUCTURE_MIX = {
    "backbone": (("partnership", .35), ("joint_activity", .30), ("information", .25),
                 ("advice", .10)),
    "coalition": (("joint_activity", .50), ("information", .35), ("resources", .15)),
    "team": (("partnership", .40), ("joint_activity", .35), ("information", .25)),
}

# Tie weight (1, 2 or 3) by class: P(1), P(2); the rest is P(3).
_WEIGHT_MIX = {"partnership": (0.2, 0.4), "exchange": (0.5, 0.35),
               "transactional": (0.3, 0.4), "unclassified": (0.5, 0.3)}


def mix(a: str, b: str) -> tuple:
    """The tie-type mix of sectors ``a`` and ``b``: ``(type, probability, payer)``.

    ``payer`` is 0 when ``a`` pays, 1 when ``b`` does, None otherwise.

    Examples
    --------
    >>> mix("third", "public")[:2]
    (('funding', 0.25, 1), ('contract', 0.2, 1))
    """
    if a == b:
        return tuple((t, p, None) for t, p in _SAME.get(a, _SAME_OTHER))
    for key, flip in (((a, b), False), ((b, a), True)):
        if key in _CROSS:
            return tuple((t, p, (1 - r[0] if flip else r[0]) if r else None)
                         for t, p, *r in _CROSS[key])
    if "philanthropy" in (a, b):
        payer = 0 if a == "philanthropy" else 1
        return tuple((t, p, payer if r else None) for t, p, *r in _PHILANTHROPY)
    chosen = _ACADEMIA if "academia" in (a, b) else _CROSS_OTHER
    return tuple((t, p, None) for t, p in chosen)


def choose(rng, tie_mix: tuple, size: int, directed: bool):
    """``size`` types drawn from a mix, and whether each should list its second end first.

    In a directed map a tie runs from its source, so a paying type is only
    drawn when the source is the payer (with twice its probability, to keep
    the mix of the pair as a whole).
    """
    names = np.array([m[0] for m in tie_mix], dtype=object)
    probs = np.array([m[1] for m in tie_mix], dtype=float)
    payer = np.array([m[2] if len(m) > 2 and m[2] is not None else -1 for m in tie_mix])
    if directed:
        probs = np.where(payer == 0, 2 * probs, np.where(payer == 1, 0.0, probs))
    pick = rng.choice(len(names), size=size, p=probs / probs.sum())
    return names[pick], payer[pick] == 1


def types(rng, codes: list, sector: np.ndarray, src, dst, directed: bool):
    """Tie types by sector pair, and which ties to list payer first (swap)."""
    n_sectors = len(codes)
    group = sector[src].astype(np.int64) * n_sectors + sector[dst]
    order = np.argsort(group, kind="stable")
    values, first = np.unique(group[order], return_index=True)
    bounds = np.append(first, len(order))
    out = np.empty(len(src), dtype=object)
    swap = np.zeros(len(src), dtype=bool)
    for g, lo, hi in zip(values, bounds[:-1], bounds[1:], strict=True):
        s, t = divmod(int(g), n_sectors)
        idx = order[lo:hi]
        out[idx], swap[idx] = choose(rng, mix(codes[s], codes[t]), len(idx), directed)
    return out, swap


def weights_and_trust(rng, tie_types: np.ndarray, same: np.ndarray):
    """Tie class, weight (1 to 3) and trust (1 to 5) of each tie.

    Partnership ties are the strongest; trust is a rounded normal (sd 0.8)
    around 3, plus 0.6 inside a sector, plus 0.4 for partnership and
    minus 0.2 for transactional ties, kept between 1 and 5.
    """
    classes = pd.Series(tie_types).map({t: tie_class(t) for t in pd.unique(tie_types)})
    classes = classes.to_numpy(dtype=object)
    p1 = np.array([_WEIGHT_MIX[c][0] for c in TIE_CLASSES])
    p2 = np.array([_WEIGHT_MIX[c][1] for c in TIE_CLASSES])
    code = pd.Index(TIE_CLASSES).get_indexer(classes)
    u = rng.random(len(tie_types))
    weight = 1.0 + (u >= p1[code]) + (u >= p1[code] + p2[code])
    mean = 3.0 + 0.6 * same + np.select([code == 0, code == 2], [0.4, -0.2], 0.0)
    trust = np.clip(np.rint(rng.normal(mean, 0.8)), 1, 5)
    return classes, weight, trust


def tie_waves(rng, join, until, src, dst, k: int):
    """First and last wave (-1: to the end) of each tie.

    A tie starts when both its actors are there (:data:`LATE_TIE_SHARE` of
    them in a later wave, drawn uniformly) and ends when the first of
    them leaves; of the others, ``LEAVE_SHARE`` end before the last wave.
    """
    start = np.maximum(join[src], join[dst])
    end = np.minimum(until[src], until[dst])
    n = len(src)
    late = rng.random(n) < LATE_TIE_SHARE
    start = np.where(late, start + (rng.random(n) * (end - start + 1)).astype(np.int64),
                     start)
    start = np.minimum(start, end)
    stops = (rng.random(n) < LEAVE_SHARE) & (start <= k - 2) & (end == k - 1)
    stop_at = start + (rng.random(n) * (k - 1 - start)).astype(np.int64)
    end = np.where(stops, np.minimum(stop_at, k - 2), end)
    return start, np.where(end < k - 1, end, -1)
