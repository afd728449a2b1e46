"""The sections of the report: each takes the context and returns its blocks, or None."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd

from netmap.model._numbers import whole_percent
from netmap.model._validation import in_index
from netmap.reporting._drawn import DRAWN_MAX, drawn
from netmap.reporting._html import (
    Block,
    Definitions,
    Finding,
    Interactive,
    Paragraph,
    Slot,
    Table,
    figure,
    heading,
    paragraph,
    table,
)
from netmap.reporting._html import Figure as Picture
from netmap.words._names import actor_names, body_names, goal_names
from netmap.words.catalogue import (
    count,
    expected,
    isolate,
    join,
    p_cell,
    p_text,
    percent,
    percents,
    report_word,
    sector_name,
    words,
)

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from matplotlib.figure import Figure

    from netmap.model.stakeholder_map import StakeholderMap

__all__ = ["Context", "SECTIONS"]

#: Above this many actors, betweenness is sampled and the second map is left out.
LARGE = 5_000
#: Pivots times ties that the report's sampled betweenness walks at most: one
#: breadth-first search per pivot, about 5 s with igraph at 1,000,000 ties.
PIVOT_BUDGET = 50_000_000
#: The accuracy of sampled betweenness for each number of pivots the report
#: uses: the correlation with exact values over every actor, and the median
#: relative error of the ten top brokers (of :func:`netmap.brokers`), on
#: ``netmap.datasets.synthetic(10_000, 100_000, seed=0)`` over seeds 0, 1 and 2
#: (``benchmarks/bench_betweenness_accuracy.py``).
PIVOT_ACCURACY = {500: (0.99, 0.07), 200: (0.96, 0.13), 100: (0.93, 0.22), 50: (0.86, 0.23)}


def report_pivots(n_actors: int, n_ties: int) -> int | None:
    """The pivots of the report's sampled betweenness: None (exact) up to :data:`LARGE` actors.

    Above, the most of :data:`PIVOT_ACCURACY`'s numbers whose pivots times
    ties stay within :data:`PIVOT_BUDGET` (at least 50); None again when
    that is every actor.

    Examples
    --------
    >>> report_pivots(1_000, 5_000), report_pivots(10_000, 100_000)
    (None, 500)
    >>> report_pivots(100_000, 1_000_000)
    50
    """
    if n_actors <= LARGE:
        return None
    fits = [k for k in PIVOT_ACCURACY if k * n_ties <= PIVOT_BUDGET]
    pivots = max(fits, default=min(PIVOT_ACCURACY))
    return pivots if pivots < n_actors else None  # as many pivots as actors: exact


@dataclass
class Context:
    """What every section reads: the map, the language and the options."""

    m: StakeholderMap
    lang: str
    goals: Iterable[str] | None = None
    complexity: str | None = None
    backbone: str | Iterable[str] | None = None
    seed: int = 0
    permutations: int = 999
    full: StakeholderMap | None = None
    wave: object = None
    static: bool = False
    cache: dict = field(default_factory=dict)
    titles: dict = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.full is None:
            self.full = self.m

    def word(self, key: str, **fields) -> str:
        return report_word(key, self.lang, **fields)

    def value(self, raw: str) -> str:
        """A sector code, body type, tie class or kind in words; anything else as is."""
        tax = self.m.taxonomy
        if raw in tax.codes:
            return sector_name(tax, raw, self.lang)
        values = words("VALUES", self.lang)
        if raw in values:
            return values[raw]
        return raw

    def names(self, ids) -> list[str]:
        """Actor or body names in the report's language."""
        return [self.actor_name(i) for i in ids]

    def actor_name(self, actor_id) -> str:
        """The name of an actor or body in the report's language, else its id."""
        if "names" not in self.cache:
            self.cache["names"] = {**body_names(self.m, self.lang),
                                   **actor_names(self.m, self.lang)}
        return self.cache["names"].get(actor_id, str(actor_id))

    def table(self, frame: pd.DataFrame, **kw) -> Table:
        return table(frame, self.lang, translate=self.value, **kw)

    @staticmethod
    def signed(value) -> str:
        """An index from -1 to +1, as the sentences write it: "+0.58", "-0.12"."""
        return f"{float(value):+.2f}"

    def p_formats(self, *columns: str) -> dict:
        """Columns of p-values, each written as every p-value of the report is."""
        return dict.fromkeys(columns, lambda p: p_cell(float(p), self.lang))

    def drawn(self, *, whole: bool = False) -> StakeholderMap:
        """The report's scope (or the whole map) as its pictures draw it.

        Every actor up to :data:`~netmap.reporting._drawn.DRAWN_MAX`, else the
        most tied ones and the ties among them (:func:`~netmap.reporting._drawn.drawn`).
        """
        if not whole and self.m is not self.whole:
            key = "drawn"
        else:
            key, whole = "drawn_whole", True
        if key not in self.cache:
            self.cache[key] = drawn(self.whole if whole else self.m, top=DRAWN_MAX)
        return self.cache[key]

    def cap_note(self, *, whole: bool = False) -> str | None:
        """The sentence that says a picture draws only the most tied actors, else None."""
        shown, of = self.drawn(whole=whole), self.whole if whole else self.m
        if shown.n_actors == of.n_actors:
            return None
        return self.word("drawn_cap", shown=ltr(f"{shown.n_actors:,}"),
                         total=ltr(f"{of.n_actors:,}"))

    def captioned(self, caption: str, *, whole: bool = False) -> str:
        """A picture's caption, with the cap's sentence when the picture is capped."""
        note = self.cap_note(whole=whole)
        return caption if note is None else f"{caption} {note}"

    def positions(self):
        """The layout of the whole map as drawn, computed once for the map and the waves.

        The force layout when it separates the sectors, else the sector
        layout (``netmap.plot.layout(m, kind="auto")``).
        """
        if "auto" not in self.cache:
            from netmap.plot import layout

            self.cache["auto"] = layout(self.drawn(whole=True), kind="auto", seed=self.seed)
        return self.cache["auto"]

    def scope_positions(self):
        """The positions of the scope's drawn actors: the whole map's when it holds them all.

        A wave of a capped map may draw actors that the whole map's most
        tied leave out; that wave is laid out on its own.
        """
        shown, pos = self.drawn(), self.positions()
        if in_index(shown.actors.index, pos.index).all():
            return pos.loc[shown.actors.index]
        if "auto_scope" not in self.cache:
            from netmap.plot import layout

            self.cache["auto_scope"] = layout(shown, kind="auto", seed=self.seed)
        return self.cache["auto_scope"]

    @property
    def whole(self) -> StakeholderMap:
        """The whole map, whatever the report's scope (the comparison of waves reads it)."""
        return self.m if self.full is None else self.full

    def findings(self):
        """The findings of the report's scope, computed once for the first page and their own."""
        if "findings" not in self.cache:
            from netmap.findings.insights import insights

            self.cache["findings"] = insights(
                self.whole, wave=self.wave, lang=self.lang, complexity=self.complexity,
                goals=self.goals, backbone=self.backbone, seed=self.seed,
                permutations=self.permutations)
        return self.cache["findings"]

    def axis(self):
        """The position on the axis, computed once for the first page and the findings."""
        if "axis" not in self.cache:
            from netmap.findings.axis import axis_position

            self.cache["axis"] = axis_position(self.m, lang=self.lang, backbone=self.backbone)
        return self.cache["axis"]

    def axis_line(self) -> Paragraph:
        overall = self.axis().loc["overall"]
        return paragraph(self.word("axis_line", anchor=overall["anchor_name"],
                                   score=f"{overall['score']:.2f}"))

    def figure(self, width: float, height: float) -> Figure:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        fig = Figure(figsize=(width, height))
        FigureCanvasAgg(fig)  # a canvas that can measure text, without pyplot
        return fig


def ltr(text: str) -> str:
    """A number kept left to right inside a right-to-left sentence (Unicode isolates)."""
    return f"\u2066{text}\u2069"


def scope_line(ctx: Context) -> Paragraph:
    """The report's scope, said in its header: the whole map, or one wave of it."""
    waves = ctx.whole.waves
    if ctx.wave is not None:
        return paragraph(ctx.word("scope_wave", wave=ctx.wave), "scope")
    if waves:
        return paragraph(ctx.word("scope_waves", waves=join(map(str, waves), ctx.lang)),
                         "scope")
    return paragraph(ctx.word("scope_whole"), "scope")


# -- sections -------------------------------------------------------------------------------
def summary_line(ctx: Context) -> Paragraph:
    """Actors, ties, bodies and waves of the scope, in one sentence."""
    m = ctx.m
    n_bodies = 0 if m.bodies is None else len(m.bodies)
    counts = join([count(m.n_actors, "actor", ctx.lang), count(m.n_ties, "tie", ctx.lang)],
                  ctx.lang)
    line = ctx.word("summary_line", counts=counts,
                    direction=ctx.word("directed" if m.directed else "undirected"),
                    bodies=ctx.word("n_bodies", n=count(n_bodies, "body", ctx.lang))
                    if n_bodies else "",
                    waves=ctx.word("n_waves", waves=join(map(str, m.waves), ctx.lang))
                    if m.waves and ctx.wave is None else "")
    return paragraph(line)


def summary(ctx: Context) -> list[Block]:
    m = ctx.m
    actors = m.actors
    levels = actors["level"].astype(object) if "level" in actors else \
        pd.Series("organisation", index=actors.index)
    counts = pd.crosstab(actors["sector"].astype(object), levels)
    order = [c for c in m.taxonomy.codes if c in counts.index]
    counts = counts.reindex(order)
    counts["actors"] = counts.sum(axis=1)
    counts.index.name = "sector"
    counts.columns.name = None
    parts: list[Block] = [summary_line(ctx), heading(ctx.word("by_sector")),
             ctx.table(counts)]
    if m.n_ties:
        classes = m.ties["tie_class"].astype(object).value_counts()
        classes = classes[classes > 0].rename("ties").to_frame()
        classes["share"] = percents(classes["ties"] / classes["ties"].sum())
        classes.index.name = "tie_class"
        parts += [heading(ctx.word("by_class")), ctx.table(classes)]
    return parts


def map_picture(ctx: Context, highlight=None) -> Picture:
    """The static map of the report's scope at the report's positions, sized by ties.

    Its caption says when the sector layout was chosen because the force
    layout did not separate the sectors (``netmap.plot.layout(kind="auto")``).
    """
    from netmap import plot

    m, pos = ctx.drawn(), ctx.scope_positions()
    fig = ctx.figure(11, 7.5)
    plot.plot_map(m, ax=fig.subplots(), layout=pos, size="ties",
                  lang=ctx.lang, seed=ctx.seed, highlight_body=highlight)
    return figure(fig, ctx.word("map"), ctx.captioned(_map_caption(ctx, pos.attrs)))


def _map_caption(ctx: Context, attrs: dict) -> str:
    """The map's caption: which layout, and why the sector layout when it was chosen."""
    from netmap.plot.layouts import SECTOR_BELOW, SEPARATES_FROM

    if attrs.get("kind") != "sector":
        return ctx.word("map_caption")
    if pd.isna(attrs["silhouette"]):  # chosen from the share of ties within sectors
        return ctx.word("sector_layout_within_caption", within=ltr(percent(attrs["within"])),
                        bound=ltr(percent(SECTOR_BELOW)))
    return ctx.word("sector_layout_caption", silhouette=ltr(f"{attrs['silhouette']:.2f}"),
                    threshold=ltr(f"{SEPARATES_FROM:.2f}"))


def network_map(ctx: Context) -> list[Block]:
    from netmap import plot

    m = ctx.m
    if not m.n_actors:
        return [paragraph(ctx.word("no_ties"), "note")]
    highlight = None
    if m.bodies is not None and "kind" in m.bodies.columns:
        steering = m.bodies.index[m.bodies["kind"] == "steering_committee"]
        highlight = steering[0] if len(steering) else None
    parts: list[Block] = [map_picture(ctx, highlight)]
    if m.n_actors <= LARGE and m.n_ties:
        fig = ctx.figure(11, 7.5)
        ax = fig.subplots()
        chose_sector = ctx.positions().attrs.get("kind") == "sector"
        other = "force" if chose_sector else "sector"
        plot.plot_map(ctx.drawn(), ax=ax, layout=other, size="ties", lang=ctx.lang,
                      seed=ctx.seed)
        parts.append(figure(fig, ctx.word("map"), ctx.captioned(ctx.word(
            "force_map_caption" if chose_sector else "sector_map_caption"))))
    return parts


def interactive_map(ctx: Context, positions, picture: Picture) -> Interactive:
    """The interactive map at the same positions as ``picture``, which it keeps as fallback."""
    from netmap.plot.interactive import explore

    page = explore(ctx.drawn(), layout=positions, seed=ctx.seed, lang=ctx.lang, height=560,
                   title=words("EXPLORE", ctx.lang)["title"])
    return Interactive(page.html, page.height, picture,
                       ctx.captioned(words("EXPLORE", ctx.lang)["caption"]))


#: The most pressing findings the first page shows, at most.
FIRST_PAGE_FINDINGS = 4


def overview(ctx: Context) -> list[Block]:
    """The first page: the map, the few most pressing findings (warnings first), the axis."""
    m = ctx.m
    parts: list[Block] = [summary_line(ctx)]
    if m.n_actors:
        picture = map_picture(ctx)
        # The interactive map first, the picture kept for print and for readers
        # without scripts (and alone with static=True).
        parts.append(Slot("first-map", [picture if ctx.static else
                                        interactive_map(ctx, ctx.scope_positions(),
                                                        picture)]))
    order = {k: i for i, k in enumerate(("warning", "attention", "info"))}
    pressing = sorted((f for f in ctx.findings() if f.severity != "info"),
                      key=lambda f: order[f.severity])[:FIRST_PAGE_FINDINGS]
    if pressing:
        parts.append(heading(ctx.word("first_findings")))
        severities = words("SEVERITIES", ctx.lang)
        parts += [Finding(f.severity, severities[f.severity], f.title, f.text)
                  for f in pressing]
        parts.append(paragraph(ctx.word("all_findings", n=count(
            len(ctx.findings()), "finding", ctx.lang)), "note"))
    if m.n_ties:
        parts += [heading(ctx.word("axis")), ctx.axis_line()]
    return parts


def findings(ctx: Context) -> list[Block]:
    m = ctx.m
    found = ctx.findings()
    parts: list[Block] = []
    if not len(found):
        parts.append(paragraph(ctx.word("no_findings"), "note"))
    for insight, title in words("INSIGHTS", ctx.lang).items():
        mine = [f for f in found if f.insight == insight]
        if not mine:
            continue
        parts.append(heading(title))
        for f in mine:
            badge = words("SEVERITIES", ctx.lang)[f.severity]
            parts.append(Finding(f.severity, badge, f.title, f.text))
    if m.n_ties:
        axis = ctx.axis()
        parts.append(heading(ctx.word("axis")))
        parts.append(ctx.axis_line())
        shown = axis.drop(index="overall")[["dimension_name", "anchor_name", "evidence"]]
        parts.append(ctx.table(shown, index=False))
    return parts


def mixing(ctx: Context) -> list[Block]:
    from netmap import plot
    from netmap.measures.ei import ei_index
    from netmap.structure.gaps import under_connected

    m = ctx.m
    if not m.n_ties:
        return [paragraph(ctx.word("no_ties"), "note")]
    net = ei_index(m, permutations=ctx.permutations, seed=ctx.seed).iloc[0]
    p_less, p_greater = float(net["p_less"]), float(net["p_greater"])
    n = ctx.permutations
    if p_less <= 0.05:
        verdict = ctx.word("ei_more_inside", p=p_text(p_less, ctx.lang, n))
    elif p_greater <= 0.05:
        verdict = ctx.word("ei_more_across", p=p_text(p_greater, ctx.lang, n))
    else:
        verdict = ctx.word("ei_as_chance", p=p_text(p_less, ctx.lang),
                           q=p_text(p_greater, ctx.lang, n))
    parts: list[Block] = [paragraph(ctx.word("ei_line", ei=ltr(f"{net['ei']:+.2f}"),
                                mean=ltr(f"{net['perm_mean']:+.2f}"), verdict=verdict))]
    fig = ctx.figure(7.5, 6)
    plot.plot_mixing(m, ax=fig.subplots(), stat="ratio", lang=ctx.lang)
    parts.append(figure(fig, ctx.word("mixing"), ctx.word("mixing_caption")))
    groups = ei_index(m, level="group", permutations=ctx.permutations, seed=ctx.seed)
    groups.index.name = "sector"
    p_format = ctx.p_formats("p_less", "p_greater", "p_value")
    caption = ctx.word("p_caption", n=count(ctx.permutations, "permutation", ctx.lang),
                       floor=p_cell(1 / (ctx.permutations + 1), ctx.lang))
    parts += [heading(ctx.word("ei_by_sector")),
              ctx.table(groups[["external", "internal", "ei", "p_less", "p_greater"]],
                        formats={**p_format, "ei": ctx.signed}, caption=caption)]
    under = under_connected(m, permutations=ctx.permutations, seed=ctx.seed)
    flagged = under[under["under_connected"]]
    parts.append(heading(ctx.word("under_connected")))
    if len(flagged):
        shown = flagged[["observed", "expected", "ratio", "p_value"]].copy()
        shown.index = [f"{ctx.value(a)} - {ctx.value(b)}" for a, b in shown.index]
        shown.index.name = "pair"
        parts.append(ctx.table(shown, decimals=2, caption=caption,
                               formats={**p_format, "expected": expected}))
    else:
        parts.append(paragraph(ctx.word("none_under"), "note"))
    return parts


def bodies(ctx: Context) -> list[Block] | None:
    from netmap import plot
    from netmap.structure.bodies import body_balance, body_composition

    m = ctx.m
    if m.memberships is None or not len(m.memberships):
        return None
    comp = body_composition(m).join(body_balance(m))
    comp["name"] = ctx.names(comp.index)
    comp["core_share"] = [percent(s) if s == s else None for s in comp["core_share"]]
    columns = [c for c in ("name", "kind", "members", "type", "core_missing", "core_dominant",
                           "core_share", "balanced", "blau_normalized", "chair_sectors",
                           "interlocks") if c in comp.columns]
    fig = ctx.figure(10, max(3.0, 0.55 * len(comp) + 1.5))
    plot.plot_bodies(m, ax=fig.subplots(), lang=ctx.lang)
    return [figure(fig, ctx.word("bodies")), ctx.table(comp[columns], index=False)]


def brokers(ctx: Context) -> list[Block]:
    from netmap import plot
    from netmap.model.exceptions import MeasureError
    from netmap.structure.backbone import backbone_brokerage, pair_brokerage
    from netmap.structure.brokers import brokers as rank_brokers

    m = ctx.m
    if not m.n_ties:
        return [paragraph(ctx.word("no_ties"), "note")]
    sample = report_pivots(m.n_actors, m.n_ties)
    table_ = rank_brokers(m, top=10, betweenness_sample=sample, seed=ctx.seed)
    table_ = table_.copy()
    table_["name"] = ctx.names(table_.index)
    parts: list[Block] = []
    try:
        bb = backbone_brokerage(m, backbone=ctx.backbone)
        names = join([isolate(n) for n in ctx.names(bb.index)], ctx.lang)
        parts.append(paragraph(ctx.word("backbone_line", names=names,
                                        share=percent(float(bb["share"].sum())))))
    except MeasureError:
        if ctx.backbone is not None:
            raise
    columns = ["rank", "name", "group", "representative", "gatekeeper", "liaison",
               "cross_brokerage", "sectors_reached", "constraint", "betweenness"]
    if not m.directed:  # each path once, as a reader counts it (the API keeps sna's)
        table_ = once(table_)
        columns = ["rank", "name", "group", "between", "liaison", "cross_brokerage",
                   "sectors_reached", "constraint", "betweenness"]
    parts.append(ctx.table(table_[columns], index=False, decimals=3))
    if sample:
        r, error = PIVOT_ACCURACY[sample]
        parts.append(paragraph(ctx.word("sampled", k=ltr(f"{sample:,}"),
                                        n=ltr(f"{m.n_actors:,}"), r=ltr(f"r = {r:.2f}"),
                                        error=percent(error)), "note"))
    fig = ctx.figure(10, 5.5)
    plot.plot_brokerage(m, ax=fig.subplots(), top=10, lang=ctx.lang,
                        betweenness_sample=sample, seed=ctx.seed, once=True)
    parts.append(figure(fig, ctx.word("brokers"), ctx.word("brokers_caption")))
    pairs = pair_brokerage(m, backbone=ctx.backbone)
    pairs = pairs[pairs["two_paths"] > 0].copy()
    if not m.directed:
        pairs["two_paths"] = halve(pairs["two_paths"])
    pairs.index = [f"{ctx.value(a)} - {ctx.value(b)}" for a, b in pairs.index]
    pairs.index.name = "pair"
    pairs["top_broker"] = ctx.names(pairs["top_broker"])
    keep = [c for c in ("two_paths", "brokers", "top_broker", "top_share", "concentration",
                        "backbone_share") if c in pairs.columns]
    shares = dict.fromkeys(("top_share", "backbone_share"), lambda v: percent(float(v)))
    parts += [heading(ctx.word("pairs")), ctx.table(pairs[keep], formats=shares)]
    if not m.directed:
        parts.append(paragraph(ctx.word("counted_once"), "note"))
    return parts


def halve(counts: pd.Series) -> pd.Series:
    """Two-paths of an undirected map counted once: sna counts each in both directions."""
    whole = counts // 2
    return whole if bool((counts % 2 == 0).all()) else counts / 2


def once(table: pd.DataFrame) -> pd.DataFrame:
    """The brokers of an undirected map with each open two-path counted once.

    sna (and :func:`netmap.brokerage`) counts a path A - B - C twice, once
    each way, so representative equals gatekeeper and every count doubles;
    here ``between`` is the paths where the broker shares one end's sector
    (representative, once), ``liaison`` the paths between two other
    sectors (halved), ``cross_brokerage`` their sum.
    """
    table = table.copy()
    table["between"] = table["representative"]
    table["liaison"] = halve(table["liaison"])
    table["cross_brokerage"] = table["between"] + table["liaison"]
    return table


def clusters(ctx: Context) -> list[Block]:
    from netmap.structure.clusters import single_sector_clusters

    m = ctx.m
    table_ = single_sector_clusters(m)
    if not len(table_):
        return [paragraph(ctx.word("no_clusters"), "note")]
    table_ = table_.copy()

    def members(ids):
        names = ctx.names(ids)
        if len(names) > 8:
            return ", ".join(names[:8]) + " " + count(len(names) - 8, "more", ctx.lang)
        return ", ".join(names)

    table_["members"] = table_["members"].map(members)
    table_["body"] = [ctx.actor_name(b) if isinstance(b, str) else None
                      for b in table_["body"]]
    columns = ["sector", "size", "members", "internal_ties", "external_ties", "density",
               "internal_share", "body", "body_overlap"]
    return [ctx.table(table_[columns], index=False)]


def coverage(ctx: Context) -> list[Block] | None:
    from netmap import plot
    from netmap.structure.coverage import coverage as goals_table

    m = ctx.m
    if m.activities is None or not len(m.activities):
        return None
    table_ = goals_table(m, goals=ctx.goals)
    fig = ctx.figure(9, max(3.0, 0.45 * len(table_) + 1.5))
    plot.plot_coverage(m, ax=fig.subplots(), goals=ctx.goals, lang=ctx.lang)
    shown = table_.copy()
    named = goal_names(m.activities, ctx.lang)
    shown.index = [named.get(g, " ".join(str(g).replace("_", " ").split()))
                   for g in shown.index]
    shown.index.name = "goal"
    shown = shown.rename(columns=lambda c: ctx.value(c) if c in m.taxonomy.codes else c)
    return [figure(fig, ctx.word("coverage")), ctx.table(shown)]


def waves(ctx: Context) -> list[Block] | None:
    from netmap import plot
    from netmap.structure.waves import compare

    m = ctx.whole
    if len(m.waves) < 2:
        return None
    before, after = m.waves[0], m.waves[-1]
    diff = compare(m, before, after, backbone=ctx.backbone)
    ctx.titles["waves"] = ctx.word("waves_title", before=before, after=after)
    parts: list[Block] = [paragraph(ctx.word("waves_line", before=before, after=after))]
    fig = ctx.figure(13, 6.5)
    from netmap.plot.waves import _upright

    pictured = ctx.drawn(whole=True)
    shown = pictured.at(before).actors.index.union(pictured.at(after).actors.index)
    pos = ctx.positions()
    shown_pos = pos.loc[shown]
    shown_pos.attrs = {k: v for k, v in pos.attrs.items() if k == "regions"}
    plot.plot_waves(pictured, before, after, fig=fig, layout=_upright(shown_pos),
                    lang=ctx.lang, seed=ctx.seed)
    parts.append(figure(fig, ctx.word("waves"),
                        ctx.captioned(ctx.word("waves_caption"), whole=True)))
    measures = _shares_as_percents(diff.measures, ctx)
    headlines = words("HEADLINES", ctx.lang)
    measures.index = [headlines.get(k, k) for k in measures.index]
    measures.index.name = "measure"
    parts += [heading(ctx.word("measures")), ctx.table(measures, decimals=3),
              heading(ctx.word("sector_changes")), ctx.table(diff.sectors)]
    if len(diff.bodies):
        shown = diff.bodies.copy()
        shown.index = ctx.names(shown.index)
        shown.index.name = "body"
        keep = ["members_before", "members_after", "joined", "left", "type_before",
                "type_after", "chair_sectors_before", "chair_sectors_after"]
        parts += [heading(ctx.word("body_changes")), ctx.table(shown[keep])]
    return parts


#: The headline measures that are shares (of ties, of paths, of seats): printed as
#: percentages, as every share of the report is.
WAVE_SHARES = ("cross_sector_share", "backbone_share", "public_share_joint_bodies")


def _shares_as_percents(measures: pd.DataFrame, ctx: Context) -> pd.DataFrame:
    """The comparison's measures with its shares written as percentages.

    Before and after go through :func:`~netmap.words.catalogue.percent` (the
    report's one rounding rule); the change is the difference of the two
    printed percentages in percentage points, so the row reads "31%, 45%,
    +14 percentage points" and adds up as printed. The other measures keep
    their numbers. The API's numbers (``compare(...).measures``) are not touched.
    """
    shown = measures.astype(object)
    for name in WAVE_SHARES:
        if name not in shown.index:
            continue
        before, after = (float(v) for v in measures.loc[name, ["before", "after"]])
        known = before == before, after == after  # NaN where the wave cannot say
        shown.loc[name, "before"] = percent(before) if known[0] else None
        shown.loc[name, "after"] = percent(after) if known[1] else None
        points = whole_percent(after) - whole_percent(before) if all(known) else None
        shown.loc[name, "change"] = None if points is None else ctx.word(
            "points_one" if abs(points) == 1 else "points_many",
            n=f"\u2066{points:+d}\u2069" if points else "0")  # the sign stays left in Hebrew
    return shown


def appendix(ctx: Context) -> list[Block]:
    items: list[tuple[str, str]] = list(words("DEFINITIONS", ctx.lang).values())
    return [Definitions(items)]


#: The sections, in order: (id, word key of the title, builder, word key of the note
#: shown when the builder returns None).
SECTIONS: tuple[tuple[str, str, Callable[[Context], list[Block] | None], str | None], ...] = (
    ("overview", "overview", overview, None),
    ("summary", "summary", summary, None),
    ("map", "map", network_map, None),
    ("findings", "findings", findings, None),
    ("mixing", "mixing", mixing, None),
    ("bodies", "bodies", bodies, "no_bodies"),
    ("brokers", "brokers", brokers, None),
    ("clusters", "clusters", clusters, None),
    ("coverage", "coverage", coverage, "no_activities"),
    ("waves", "waves", waves, "no_waves"),
    ("appendix", "appendix", appendix, None),
)
