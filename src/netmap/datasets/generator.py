"""Synthetic stakeholder maps: realistic in shape, exact in size, reproducible.

:func:`netmap.datasets.synthetic` builds a map of any size with the shape of a
cross-sector field (CONCEPTS.md): sectors sized like a national registry,
ties that prefer the actor's own sector, a few very active hubs, persons
inside organisations, tie types that fit each pair of sectors, and the
machinery of a joint move (a backbone organisation, a steering committee
and working teams balanced across the three core sectors, a business
coalition and a third-sector team), activities on shared goals, and
optionally waves in which actors join and leave. It is for tests,
benchmarks and examples; it is not a model fitted to any real field.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Mapping
from types import MappingProxyType

import numpy as np
import pandas as pd

from netmap.datasets._actors import (
    ACTIVITY_SIGMA,
    FIRST_WAVE_SHARE,
    LEAVE_SHARE,
    PERSON_ACTIVITY,
    actor_table,
    actor_waves,
    layout,
    names,
    sector_sizes,
    wave_values,
)
from netmap.datasets._bodies import (
    BODY_NEEDS,
    CLUB_OUTSIDE,
    GOALS,
    activities,
    bodies_table,
    memberships,
    structural_ties,
    structure,
)
from netmap.datasets._pairs import pair_capacity, pair_keys, sample_pairs
from netmap.datasets._ties import (
    LATE_TIE_SHARE,
    STRUCTURE_MIX,
    choose,
    tie_waves,
    types,
    weights_and_trust,
)
from netmap.model._params import check_bool, check_int, check_number, check_seed
from netmap.model._validation import Validated, _wave_label
from netmap.model.exceptions import MeasureError, ParameterError
from netmap.model.sectors import default_taxonomy
from netmap.model.vocabulary import TIE_CLASSES
from netmap.words.catalogue import check_lang

__all__ = ["synthetic", "DEFAULT_SECTORS", "ACTIVITY_SIGMA", "PERSON_ACTIVITY",
           "FIRST_WAVE_SHARE", "LEAVE_SHARE", "LATE_TIE_SHARE", "BODY_NEEDS", "GOALS",
           "CLUB_OUTSIDE"]

DEFAULT_SECTORS = MappingProxyType({
    "third": 0.45,
    "business": 0.28,
    "public": 0.12,
    "academia": 0.05,
    "philanthropy": 0.05,
    "social_business": 0.03,
    "community": 0.02,
})
"""Default sector shares: the third sector largest, then business, then public.

Shaped like a national registry of the organisations active in a social
field (non-profits far outnumber the public bodies), with some academia,
philanthropic foundations, social businesses and community groups.
"""


# -- arguments ------------------------------------------------------------

def _count(name: str, value, minimum: int) -> int:
    return check_int(name, value, minimum=minimum)


def _fraction(name: str, value, *, below_one: bool = False) -> float:
    if below_one:
        return check_number(name, value, low=0, below=1)
    return check_number(name, value, low=0, high=1)


_SECTORS = "a dict of sector -> share, such as {'third': 0.5, 'business': 0.3, 'public': 0.2}"


def _sector_shares(sectors, taxonomy) -> dict[str, float]:
    """Sector code to share (summing to 1), in taxonomy order, zero shares left out."""
    if sectors is None:
        sectors = DEFAULT_SECTORS
    if not isinstance(sectors, Mapping) or not sectors:
        raise ParameterError("sectors", sectors, _SECTORS)
    shares: dict[str, float] = {}
    for label, share in sectors.items():
        code = taxonomy.lookup(label)
        if code is None:
            raise ParameterError("sectors", sectors, _SECTORS,
                                 hint=f"unknown sector {label!r}; "
                                      + taxonomy.suggestion_text(str(label)))
        if code in shares:
            raise ParameterError("sectors", sectors, _SECTORS,
                                 hint=f"it names sector {code!r} twice (as {label!r} and "
                                      "another label); give it once")
        if isinstance(share, bool) or not isinstance(share, numbers.Real) or not (
                math.isfinite(share) and float(share) >= 0):
            raise ParameterError("sectors", sectors, _SECTORS,
                                 hint=f"the share of sector {code!r} must be a number "
                                      f">= 0, not {share!r}")
        shares[code] = float(share)
    total = sum(shares.values())
    if total <= 0:
        raise ParameterError("sectors", sectors, _SECTORS,
                             hint="it gives every sector a share of 0; give at least one "
                                  "a positive share")
    return {c: shares[c] / total for c in taxonomy.codes if shares.get(c, 0) > 0}


_WAVES = "None, a number of waves, or a list of distinct wave labels in order"


def _wave_labels(waves) -> tuple:
    if waves is None:
        return ()
    if isinstance(waves, numbers.Integral) and not isinstance(waves, bool):
        if waves < 1:
            raise ParameterError("waves", waves, _WAVES, hint="a number of waves is at "
                                 "least 1")
        return tuple(range(1, int(waves) + 1))
    if isinstance(waves, str | bytes | Mapping) or not hasattr(waves, "__iter__"):
        raise ParameterError("waves", waves, _WAVES)
    labels = tuple(_wave_label(w) for w in waves)
    if not labels or any(w is None for w in labels):
        raise ParameterError("waves", waves, _WAVES,
                             hint="list at least one label and no empty ones")
    if len(set(labels)) != len(labels):
        raise ParameterError("waves", waves, _WAVES, hint="the wave labels repeat")
    if len({isinstance(w, str) for w in labels}) > 1:
        raise ParameterError("waves", waves, _WAVES,
                             hint="the wave labels mix numbers and text; use one kind")
    return labels


# -- the map --------------------------------------------------------------

def synthetic(n_actors: int, n_ties: int, *, sectors: Mapping | None = None,
              homophily: float = 0.6, persons: float = 0.1, bodies: bool = True,
              waves=None, directed: bool = False, seed=0, lang: str = "en"):
    """A synthetic stakeholder map of exactly ``n_actors`` actors and ``n_ties`` ties.

    A map with the shape of a cross-sector field, for tests, benchmarks and
    examples. Every number below is a documented constant of
    :mod:`netmap.datasets.generator`; the same ``seed`` gives an equal map.

    - **Sectors**: sizes in proportion to ``sectors`` (largest remainder,
      so they add up to ``n_actors``).
    - **Persons**: ``round(persons * n_actors)`` actors are persons
      (``level`` person, ``org`` their organisation in the same sector),
      spread over sectors in proportion to their size and over
      organisations in proportion to the organisations' activity; each
      follows its organisation in the actors table.
    - **Activity**: every actor has a lognormal activity weight (sigma
      :data:`~netmap.datasets.generator.ACTIVITY_SIGMA`, persons
      :data:`~netmap.datasets.generator.PERSON_ACTIVITY` times less); a tie's
      ends are drawn in proportion to it, which gives heavy-tailed
      degrees: a few hubs and many actors with few ties.
    - **Homophily**: exactly ``round(homophily * n_ties)`` ties join two
      actors of the same ``sector``; the others join two sectors. So the
      E-I index by sector (:func:`netmap.ei_index`) is ``1 - 2 *
      homophily`` up to that rounding. Inside a sector, the second end is
      drawn by activity among the first end's sector; across, among the
      other sectors.
    - **Ties**: distinct pairs of distinct actors (ordered pairs in a
      directed map). Types follow the pair of sectors (public with third:
      funding, contracts, partnership...; business with third: donations,
      joint activity...; philanthropy: funding; academia: advice and
      information; within a sector: joint activity, information,
      partnership). The payer of a funding, contract or donation tie is
      its source. ``weight`` is 1 to 3 (partnership ties stronger),
      ``trust`` 1 to 5 (higher within a sector and in partnerships).
    - **The joint move** (``bodies=True``): a ``backbone`` organisation
      (third sector, marked in the ``backbone`` column) tied to every
      member of the steering committee and working teams and to actors of
      the other sectors drawn by activity (up to ``2 * sqrt(n_ties)`` ties
      or 1.5 times the largest expected degree of another actor, whichever
      is more, and at most half of the other ties across sectors), so that
      it is the map's main cross-sector broker; a steering committee of the most
      active organisations of each core sector (``round(n_actors ** 0.25)``
      each, 1 to 4; the public one chairs); three working teams of 4 to 10
      members (``n_actors // 50``) with all three core sectors (a person
      sits for an organisation that has persons); a business coalition and
      a third-sector team of ``1.5 * sqrt(organisations of the sector)``
      less active organisations (3 to 40), tied to each other (each to
      about 1.5 times the mean degree), inside their sector to no one
      else, and with their activity across sectors capped so that they
      expect at most :data:`~netmap.datasets.generator.CLUB_OUTSIDE` of their club ties
      across sectors: :func:`netmap.single_sector_clusters` finds them; a partner
      network of every organisation in a body or tied to the backbone; and
      the partner network's activities on six shared goals
      (:data:`~netmap.datasets.generator.GOALS`, the first the most common;
      the third-sector team crowds the first two).
    - **Waves** (``waves=k`` or a list of labels): the backbone and the
      bodies' members hold throughout; of the other actors
      :data:`~netmap.datasets.generator.FIRST_WAVE_SHARE` are there from the
      first wave and the rest join in a later one;
      :data:`~netmap.datasets.generator.LEAVE_SHARE` leave before the last
      wave, and persons never outlast their organisation. A tie starts when
      both its actors are there
      (:data:`~netmap.datasets.generator.LATE_TIE_SHARE` of them later) and ends
      when one of them leaves (``LEAVE_SHARE`` of the others end early).
      Memberships and activities follow their actors. With two waves or
      more, a third-sector organisation chairs the steering committee in
      the first wave and the public one from the second: the public sector
      takes the lead.

    Parameters
    ----------
    n_actors : int
        Number of actors (at least 1).
    n_ties : int
        Number of distinct ties (at least 0).
    sectors : dict, optional
        Sector label (any label of :func:`netmap.default_taxonomy`) to
        share; shares are any numbers >= 0 and are divided by their sum.
        Default :data:`~netmap.datasets.generator.DEFAULT_SECTORS`.
    homophily : float, default 0.6
        Share of ties inside a sector, from 0 to 1.
    persons : float, default 0.1
        Share of actors that are persons, from 0 to below 1.
    bodies : bool, default True
        Build the joint move described above. It needs at least 1 public,
        4 business and 5 third-sector organisations and enough ties inside
        and across sectors for its structure.
    waves : None, int or sequence, optional
        None: no waves. A number ``k``: waves ``1 .. k``. A sequence: the
        wave labels in order (numbers, or text such as ``"2014-05"``).
    directed : bool, default False
        Whether ties run from source to target.
    seed : int, numpy Generator or None, default 0
        The random seed: the same seed gives an equal map; None draws fresh
        randomness.
    lang : {"en", "he"}, default "en"
        Language of the names of actors and bodies ("Non-profit 12" or
        "עמותה 12"). Ids are ASCII in both.

    Returns
    -------
    StakeholderMap
        With actor columns ``name``, ``sector``, ``core``, ``level``,
        ``org``, ``scope``, ``backbone`` (with bodies), ``wave`` and
        ``until`` (with waves); tie columns ``source``, ``target``,
        ``type``, ``tie_class``, ``weight``, ``trust``, ``wave``, ``until``;
        memberships, bodies and activities with bodies. Its ``issues`` are
        empty: reading the same tables with :class:`netmap.StakeholderMap`
        gives an equal map and no warning.

    Raises
    ------
    netmap.ParameterError
        For an argument out of range or of the wrong kind (among them a
        sector label in ``sectors`` that the taxonomy does not know),
        naming the parameter, the value and the values it may take.
    netmap.MeasureError
        For a request that cannot be met:
        more ties than distinct pairs, more ties inside (or across)
        sectors than the sectors allow, too few organisations or ties for
        the bodies. The message says which and what to change.

    Notes
    -----
    Ties are drawn without replacement, so the counts are exact: pairs are
    drawn in vectorised rounds and repeats dropped, or, for small or dense
    requests, every possible pair is listed and a weighted sample taken
    without replacement (the Gumbel top-k trick) from the same pair
    probabilities. With waves, only actors present in a common wave are
    tied. A map of 100,000 actors and 1,000,000 ties takes about three
    seconds (``benchmarks/bench_synthetic.py``). The tables are built
    with the types a map keeps, without reading them back; a test checks
    that :class:`netmap.StakeholderMap` builds an equal map from them.

    Examples
    --------
    >>> import netmap
    >>> m = netmap.datasets.synthetic(500, 2000, seed=1)
    >>> m
    <StakeholderMap 'synthetic map': 500 actors (public 60, business 140, third 225, ...),
    2000 ties (undirected), 7 bodies>
    >>> float(netmap.ei_index(m).loc["network", "ei"])  # 1 - 2 * homophily
    -0.2
    >>> clusters = netmap.single_sector_clusters(m).set_index("body")
    >>> clusters.loc[["business_coalition", "third_sector_team"], ["sector", "body_overlap"]]
                          sector  body_overlap
    body
    business_coalition  business           1.0
    third_sector_team      third           1.0
    >>> netmap.backbone_brokerage(m)["rank"].tolist()
    [1]
    >>> netmap.datasets.synthetic(500, 2000, seed=1).equals(m)
    True
    """
    from netmap.model.stakeholder_map import StakeholderMap

    n = _count("n_actors", n_actors, 1)
    n_ties = _count("n_ties", n_ties, 0)
    taxonomy = default_taxonomy()
    shares = _sector_shares(sectors, taxonomy)
    homophily = _fraction("homophily", homophily)
    persons = _fraction("persons", persons, below_one=True)
    labels = _wave_labels(waves)
    check_lang(lang)
    check_bool("bodies", bodies)
    check_bool("directed", directed)
    rng = check_seed(seed)
    possible = n * (n - 1) if directed else n * (n - 1) // 2
    if n_ties > possible:
        raise MeasureError(f"{n_ties} distinct ties cannot be drawn among {n} actors: "
                           f"there are only {possible} pairs; ask for fewer ties or "
                           "more actors")
    codes, sizes = sector_sizes(n, shares)
    if bodies:
        _check_body_sectors(codes, sizes, shares)
    a = layout(rng, codes, sizes, persons, BODY_NEEDS if bodies else {},
               taxonomy.core_map())
    n_in = math.floor(homophily * n_ties + 0.5)
    n_out = n_ties - n_in
    st = structure(rng, a) if bodies else None
    k = max(len(labels), 1)
    join, until = actor_waves(rng, a, k, st.fixed if st else np.zeros(0, dtype=np.int64))

    # the joint move's ties first, then pairs drawn inside and across sectors
    parts = structural_ties(rng, a, st, n_ties, n_in, n_out, homophily) if st else []
    s_src = np.concatenate([p[0] for p in parts]) if parts else np.zeros(0, np.int64)
    s_dst = np.concatenate([p[1] for p in parts]) if parts else np.zeros(0, np.int64)
    same = a.sector[s_src] == a.sector[s_dst]
    left_in, left_out = n_in - int(same.sum()), n_out - int((~same).sum())
    w_in, w_out = a.weight.copy(), a.weight.copy()
    if st is not None:  # the backbone's ties are all drawn; the clubs keep to themselves
        clubs = np.concatenate([st.coalition, st.third_team])
        w_in[clubs] = w_in[st.backbone] = w_out[st.backbone] = 0.0
        club_degree = np.bincount(np.concatenate([p[0] for p in parts[1:]] + [
            p[1] for p in parts[1:]]), minlength=n)[clubs]
        if left_out:  # expected ties across sectors: a share of those inside, at most
            total = w_out.sum()
            block = np.add.reduceat(w_out, a.starts[:-1])[a.sector[clubs]]
            per_weight = left_out * (1 / total + 1 / (total - block))
            w_out[clubs] = np.minimum(w_out[clubs], CLUB_OUTSIDE * club_degree / per_weight)
    _check_room(a, w_in, w_out, left_in, left_out, n_in, n_out, n_ties, homophily,
                directed, bodies)
    valid = None
    if k > 1:
        def valid(s, d):  # both actors present in a common wave
            return np.maximum(join[s], join[d]) <= np.minimum(until[s], until[d])
    taken = np.sort(pair_keys(s_src, s_dst, n, directed))
    in_src, in_dst = sample_pairs(rng, left_in, w_in, a.sector, a.starts, inside=True,
                                  directed=directed, taken=taken, valid=valid)
    taken = np.sort(np.concatenate([taken, pair_keys(in_src, in_dst, n, directed)]))
    out_src, out_dst = sample_pairs(rng, left_out, w_out, a.sector, a.starts,
                                    inside=False, directed=directed, taken=taken,
                                    valid=valid)
    r_src, r_dst = np.concatenate([in_src, out_src]), np.concatenate([in_dst, out_dst])
    r_types, swap = types(rng, a.codes, a.sector, r_src, r_dst, directed)
    s_types = [choose(rng, STRUCTURE_MIX[p[2]], len(p[0]), directed)[0] for p in parts]
    src = np.concatenate([s_src, np.where(swap, r_dst, r_src)]).astype(np.int64)
    dst = np.concatenate([s_dst, np.where(swap, r_src, r_dst)]).astype(np.int64)
    tie_types = np.concatenate([*s_types, r_types])
    order = np.lexsort((dst, src))
    src, dst, tie_types = src[order], dst[order], tie_types[order]
    classes, weight, trust = weights_and_trust(rng, tie_types,
                                               a.sector[src] == a.sector[dst])

    backbone = st.backbone if st else None
    ids, label = names(a, backbone, lang)
    actors = actor_table(rng, a, ids, label, backbone, taxonomy, labels, join, until)
    ties = pd.DataFrame({
        "source": pd.array(ids[src], dtype="str"),
        "target": pd.array(ids[dst], dtype="str"),
        "type": pd.array(tie_types, dtype="str"),
        "tie_class": pd.Categorical(classes, categories=list(TIE_CLASSES)),
        "weight": weight,
        "trust": trust,
    }, index=pd.RangeIndex(len(src), name="tie"))
    if labels:
        start, end = tie_waves(rng, join, until, src, dst, k)
        ties["wave"] = wave_values(start, labels)
        ties["until"] = wave_values(end, labels)
    mem = table_bodies = acts = None
    if st is not None:
        mem = memberships(a, st, ids, src, dst, labels, join, until)
        table_bodies = bodies_table(lang)
        acts = activities(rng, st, ids, mem, labels, join, until)
    validated = Validated(actors, ties, mem, table_bodies, acts, labels, [])
    return StakeholderMap._from_validated(validated, directed=directed, taxonomy=taxonomy,
                                          name="synthetic map")


def _check_body_sectors(codes: list, sizes: np.ndarray, shares: dict) -> None:
    """The bodies need organisations of the public, business and third sectors."""
    missing = [c for c in BODY_NEEDS if c not in shares]
    if missing:
        raise MeasureError(
            "bodies=True builds bodies of the public, business and third sectors, but "
            f"sectors= gives no {', '.join(missing)} actors; add them, or pass "
            "bodies=False")
    have = dict(zip(codes, sizes.tolist(), strict=True))
    short = {c: need for c, need in BODY_NEEDS.items() if have.get(c, 0) < need}
    if short:
        want = ", ".join(f"{need} {c}" for c, need in short.items())
        got = ", ".join(f"{have.get(c, 0)} {c}" for c in short)
        raise MeasureError(
            f"bodies=True needs at least {want} organisations, and these sector shares "
            f"give {got} actors; ask for more actors, or pass bodies=False")


def _check_room(a, w_in, w_out, left_in, left_out, n_in, n_out, n_ties, homophily,
                directed, bodies) -> None:
    """Enough distinct pairs inside and across sectors for the ties asked for."""
    room_in = pair_capacity(w_in > 0, a.starts, True, directed)
    room_out = pair_capacity(w_out > 0, a.starts, False, directed)
    what = " beside the joint bodies' ties" if bodies else ""
    if left_in > room_in:
        raise MeasureError(
            f"n_ties={n_ties} with homophily={homophily} asks for {n_in} ties inside "
            f"sectors, but the sectors' actors allow only {room_in} more{what}; ask "
            "for fewer ties, a lower homophily, or more actors")
    if left_out > room_out:
        raise MeasureError(
            f"n_ties={n_ties} with homophily={homophily} asks for {n_out} ties across "
            f"sectors, but the actors allow only {room_out} more{what}; ask for fewer "
            "ties, a higher homophily, or more actors")
