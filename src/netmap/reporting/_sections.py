"""The sections of the report: each takes the context and returns its blocks, or None."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import pandas as pd

from netmap.reporting._html import (
    Block,
    Definitions,
    Finding,
    Table,
    figure,
    heading,
    paragraph,
    table,
)
from netmap.words._names import display_names
from netmap.words.catalogue import report_word, sector_name, words

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from matplotlib.figure import Figure

    from netmap.model.stakeholder_map import StakeholderMap

__all__ = ["Context", "SECTIONS"]

#: Above this many actors, betweenness is sampled and the second map is left out.
LARGE = 5_000
#: Pivots of sampled betweenness on large maps.
PIVOTS = 500


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
    cache: dict = field(default_factory=dict)

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
            self.cache["names"] = {**display_names(self.m.bodies, self.lang),
                                   **display_names(self.m.actors, self.lang)}
        return self.cache["names"].get(actor_id, str(actor_id))

    def table(self, frame: pd.DataFrame, **kw) -> Table:
        return table(frame, self.lang, translate=self.value, **kw)

    def positions(self):
        """The layout of the whole map, computed once for the map and the waves.

        The force layout when it separates the sectors, else the sector
        layout (``netmap.plot.layout(m, kind="auto")``).
        """
        if "auto" not in self.cache:
            from netmap.plot import layout

            self.cache["auto"] = layout(self.m, kind="auto", seed=self.seed)
        return self.cache["auto"]

    def figure(self, width: float, height: float) -> Figure:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        fig = Figure(figsize=(width, height))
        FigureCanvasAgg(fig)  # a canvas that can measure text, without pyplot
        return fig


def ltr(text: str) -> str:
    """A number kept left to right inside a right-to-left sentence (Unicode isolates)."""
    return f"\u2066{text}\u2069"


# -- sections -------------------------------------------------------------------------------
def summary(ctx: Context) -> list[Block]:
    m = ctx.m
    bodies = m.bodies
    n_bodies = 0 if bodies is None else len(bodies)
    line = ctx.word("summary_line", actors=f"{m.n_actors:,}", ties=f"{m.n_ties:,}",
                    direction=ctx.word("directed" if m.directed else "undirected"),
                    bodies=ctx.word("n_bodies", n=n_bodies) if n_bodies else "",
                    waves=ctx.word("n_waves", waves=", ".join(map(str, m.waves)))
                    if m.waves else "")
    actors = m.actors
    levels = actors["level"].astype(object) if "level" in actors else \
        pd.Series("organisation", index=actors.index)
    counts = pd.crosstab(actors["sector"].astype(object), levels)
    order = [c for c in m.taxonomy.codes if c in counts.index]
    counts = counts.reindex(order)
    counts["actors"] = counts.sum(axis=1)
    counts.index.name = "sector"
    counts.columns.name = None
    parts: list[Block] = [paragraph(line), heading(ctx.word("by_sector")),
             ctx.table(counts)]
    if m.n_ties:
        classes = m.ties["tie_class"].astype(object).value_counts()
        classes = classes[classes > 0].rename("ties").to_frame()
        classes.index.name = "tie_class"
        parts += [heading(ctx.word("by_class")), ctx.table(classes)]
    return parts


def network_map(ctx: Context) -> list[Block]:
    from netmap import plot

    m = ctx.m
    if not m.n_actors:
        return [paragraph(ctx.word("no_ties"), "note")]
    highlight = None
    if m.bodies is not None and "kind" in m.bodies.columns:
        steering = m.bodies.index[m.bodies["kind"] == "steering_committee"]
        highlight = steering[0] if len(steering) else None
    from netmap.plot.layouts import SEPARATES_FROM

    pos = ctx.positions()
    fig = ctx.figure(11, 7.5)
    ax = fig.subplots()
    plot.plot_map(m, ax=ax, layout=pos, size="ties", lang=ctx.lang, seed=ctx.seed,
                  highlight_body=highlight)
    chose_sector = pos.attrs.get("kind") == "sector"
    caption = ctx.word("map_caption") if not chose_sector else ctx.word(
        "sector_layout_caption", silhouette=ltr(f"{pos.attrs['silhouette']:.2f}"),
        threshold=ltr(f"{SEPARATES_FROM:.2f}"))
    parts: list[Block] = [figure(fig, ctx.word("map"), caption)]
    if m.n_actors <= LARGE and m.n_ties:
        fig = ctx.figure(11, 7.5)
        ax = fig.subplots()
        other = "force" if chose_sector else "sector"
        plot.plot_map(m, ax=ax, layout=other, size="ties", lang=ctx.lang, seed=ctx.seed)
        parts.append(figure(fig, ctx.word("map"), ctx.word(
            "force_map_caption" if chose_sector else "sector_map_caption")))
    return parts


def findings(ctx: Context) -> list[Block]:
    from netmap.findings.axis import axis_position
    from netmap.findings.insights import insights

    m = ctx.m
    found = insights(m, lang=ctx.lang, complexity=ctx.complexity, goals=ctx.goals,
                     backbone=ctx.backbone, seed=ctx.seed, permutations=ctx.permutations)
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
        axis = axis_position(m, lang=ctx.lang, backbone=ctx.backbone)
        overall = axis.loc["overall"]
        parts.append(heading(ctx.word("axis")))
        parts.append(paragraph(ctx.word("axis_line", anchor=overall["anchor_name"],
                                        score=f"{overall['score']:.2f}")))
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
    if p_less <= 0.05:
        verdict = ctx.word("ei_more_inside", p=f"{p_less:.3f}")
    elif p_greater <= 0.05:
        verdict = ctx.word("ei_more_across", p=f"{p_greater:.3f}")
    else:
        verdict = ctx.word("ei_as_chance", p=f"{p_less:.3f}", q=f"{p_greater:.3f}")
    parts: list[Block] = [paragraph(ctx.word("ei_line", ei=ltr(f"{net['ei']:+.2f}"),
                                mean=ltr(f"{net['perm_mean']:+.2f}"), verdict=verdict,
                                n=f"{ctx.permutations:,}"))]
    fig = ctx.figure(7.5, 6)
    plot.plot_mixing(m, ax=fig.subplots(), stat="ratio", lang=ctx.lang)
    parts.append(figure(fig, ctx.word("mixing"), ctx.word("mixing_caption")))
    groups = ei_index(m, level="group", permutations=ctx.permutations, seed=ctx.seed)
    groups.index.name = "sector"
    parts += [heading(ctx.word("ei_by_sector")),
              ctx.table(groups[["external", "internal", "ei", "p_less", "p_greater"]],
                        decimals=3)]
    under = under_connected(m, permutations=ctx.permutations, seed=ctx.seed)
    flagged = under[under["under_connected"]]
    parts.append(heading(ctx.word("under_connected")))
    if len(flagged):
        shown = flagged[["observed", "expected", "ratio", "p_value"]].copy()
        shown.index = [f"{ctx.value(a)} - {ctx.value(b)}" for a, b in shown.index]
        shown.index.name = "pair"
        parts.append(ctx.table(shown, decimals=3))
    else:
        parts.append(paragraph(ctx.word("none_under"), "note"))
    return parts


def bodies(ctx: Context) -> list[Block] | None:
    from netmap import plot
    from netmap.structure.bodies import body_composition

    m = ctx.m
    if m.memberships is None or not len(m.memberships):
        return None
    comp = body_composition(m)
    comp = comp.copy()
    comp["name"] = ctx.names(comp.index)
    columns = [c for c in ("name", "kind", "members", "type", "core_missing", "dominant",
                           "dominant_share", "blau_normalized", "chair_sectors",
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
    sample = PIVOTS if m.n_actors > LARGE else None
    table_ = rank_brokers(m, top=10, betweenness_sample=sample, seed=ctx.seed)
    table_ = table_.copy()
    table_["name"] = ctx.names(table_.index)
    parts: list[Block] = []
    try:
        bb = backbone_brokerage(m, backbone=ctx.backbone)
        names = ", ".join(ctx.names(bb.index))
        parts.append(paragraph(ctx.word("backbone_line", names=names,
                                        share=f"{100 * bb['share'].sum():.0f}%")))
    except MeasureError:
        if ctx.backbone is not None:
            raise
    columns = ["rank", "name", "group", "representative", "gatekeeper", "liaison",
               "cross_brokerage", "sectors_reached", "constraint", "betweenness"]
    parts.append(ctx.table(table_[columns], index=False, decimals=3))
    if sample:
        parts.append(paragraph(ctx.word("sampled", k=sample, n=f"{m.n_actors:,}"), "note"))
    fig = ctx.figure(10, 5.5)
    plot.plot_brokerage(m, ax=fig.subplots(), top=10, lang=ctx.lang,
                        betweenness_sample=sample, seed=ctx.seed)
    parts.append(figure(fig, ctx.word("brokers"), ctx.word("brokers_caption")))
    pairs = pair_brokerage(m, backbone=ctx.backbone)
    pairs = pairs[pairs["two_paths"] > 0].copy()
    pairs.index = [f"{ctx.value(a)} - {ctx.value(b)}" for a, b in pairs.index]
    pairs.index.name = "pair"
    pairs["top_broker"] = ctx.names(pairs["top_broker"])
    keep = [c for c in ("two_paths", "brokers", "top_broker", "top_share", "concentration",
                        "backbone_share") if c in pairs.columns]
    parts += [heading(ctx.word("pairs")), ctx.table(pairs[keep])]
    return parts


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
            return ", ".join(names[:8]) + " " + ctx.word("more_members", n=len(names) - 8)
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
    shown.index = [str(g).replace("_", " ") for g in shown.index]
    shown.index.name = "goal"
    shown = shown.rename(columns=lambda c: ctx.value(c) if c in m.taxonomy.codes else c)
    return [figure(fig, ctx.word("coverage")), ctx.table(shown)]


def waves(ctx: Context) -> list[Block] | None:
    from netmap import plot
    from netmap.structure.waves import compare

    m = ctx.m
    if len(m.waves) < 2:
        return None
    before, after = m.waves[0], m.waves[-1]
    diff = compare(m, before, after, backbone=ctx.backbone)
    parts: list[Block] = [paragraph(ctx.word("waves_line", before=before, after=after))]
    fig = ctx.figure(13, 6.5)
    from netmap.plot.waves import _upright

    shown = m.at(before).actors.index.union(m.at(after).actors.index)
    pos = ctx.positions()
    shown_pos = pos.loc[shown]
    shown_pos.attrs = {k: v for k, v in pos.attrs.items() if k == "regions"}
    plot.plot_waves(m, before, after, fig=fig, layout=_upright(shown_pos),
                    lang=ctx.lang, seed=ctx.seed)
    parts.append(figure(fig, ctx.word("waves"), ctx.word("waves_caption")))
    measures = diff.measures.copy()
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


def appendix(ctx: Context) -> list[Block]:
    items: list[tuple[str, str]] = list(words("DEFINITIONS", ctx.lang).values())
    return [Definitions(items)]


#: The sections, in order: (id, word key of the title, builder, word key of the note
#: shown when the builder returns None).
SECTIONS: tuple[tuple[str, str, Callable[[Context], list[Block] | None], str | None], ...] = (
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
