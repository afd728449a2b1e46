"""One self-contained HTML report of a map, for people who will never open a notebook.

:func:`netmap.report` writes a single HTML file: a first page for the
committee (the map, the few most pressing findings, warnings first, and the
position on the axis), the map's summary, the network map, the findings
of :func:`netmap.insights` grouped by insight with the position on the
axis, mixing and E-I with their significance, the joint
bodies, the cross-sector brokers, the single-sector clusters, the
coverage of goals (when there are activities), the comparison of the
first and last waves (when there are waves), and an appendix that says
what every measure means. Pictures are inlined as PNG; the file needs no
network access. The map section opens with the interactive map
(:func:`netmap.plot.explore`, its scripts inlined too), the picture of the
same map kept for print and for readers without scripts; ``static=True``
leaves it out, and the file needs no JavaScript. ``lang="he"`` writes it in Hebrew, laid
out right to left.

Each section is data (paragraphs, headings, tables of cells, figures as
base64 PNG: ``netmap.reporting._html``); the jinja2 templates in
``netmap/reporting/templates`` render it, with autoescaping on.

May import: every package but the command line.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import time
from pathlib import Path
from typing import TYPE_CHECKING

from netmap.model._atomic import atomic_open
from netmap.model._memo import kept
from netmap.model._params import check_bool, check_int, check_seed
from netmap.model._warnings import collect, warn
from netmap.reporting._html import Items, Section, page, paragraph
from netmap.reporting._sections import SECTIONS, Context, scope_line
from netmap.words.catalogue import check_lang, reading_note
from netmap.words.catalogue import report_word as say

if TYPE_CHECKING:
    from netmap.model.stakeholder_map import StakeholderMap

__all__ = ["report", "SECTION_IDS"]

#: The ids of the report's sections, in order (the HTML ``id`` of each).
SECTION_IDS = tuple(sid for sid, _, _, _ in SECTIONS)


def _made_on(m: StakeholderMap, lang: str) -> str | None:
    """The report's date: ``SOURCE_DATE_EPOCH`` (UTC) when set, else the map's date, else None.

    A report carries no clock time of its own, so the same map, options and
    seed give the same bytes. The map's settings may date it (``date``,
    :attr:`~netmap.StakeholderMap.date`); a build that sets
    ``SOURCE_DATE_EPOCH`` (https://reproducible-builds.org/specs/source-date-epoch/)
    overrides that date, as the specification asks of every date a tool
    would write, so one build dates all its files alike. A value that is
    not a whole number of seconds (ASCII digits, as ``date +%s`` writes
    them) is ignored with a warning in ``lang``; set but empty counts as
    not set.
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return m.date
    if re.fullmatch(r"-?[0-9]+", epoch):
        try:
            return _dt.datetime.fromtimestamp(int(epoch), tz=_dt.UTC).date().isoformat()
        except (OverflowError, OSError, ValueError):
            pass  # beyond the years a date can hold: malformed as well
    if m.date is None:
        warn(say("epoch_ignored_undated", lang, value=epoch), stacklevel=3)
    else:
        warn(say("epoch_ignored", lang, value=epoch, date=m.date), stacklevel=3)
    return m.date


def report(m: StakeholderMap, path, *, lang: str = "en", title: str | None = None, wave=None,
           goals=None, complexity=None, backbone=None, seed: int = 0,
           permutations: int = 999, progress=None, static: bool = False):
    """Write the report of a map as one self-contained HTML file.

    Parameters
    ----------
    m : StakeholderMap
        The map.
    path : path-like
        The HTML file to write (its folder must exist).
    lang : {"en", "he"}
        The report's language; ``"he"`` lays it out right to left, with
        numbers and English names kept readable.
    title : str, optional
        Default: the map's name, else "Stakeholder network map".
    wave : optional
        The report's scope: one wave of the map (see
        :meth:`~netmap.StakeholderMap.at`); by default the whole map. The
        header names the scope and every section but the comparison of
        waves reads it, so a figure is the same wherever it is printed.
    goals : iterable of str, optional
        The initiative's shared goals, so that goals nobody works on show.
    complexity : {"simple", "complicated", "complex"}, optional
        The problem's declared complexity, for the complexity fit.
    backbone : str or iterable of str, optional
        The backbone's ids, when the map has no ``backbone`` column.
    seed : int, numpy Generator or None, default 0
        Seed of every random step (layouts, permutation tests, sampling): the
        same seed gives the same report; None draws fresh randomness.
    permutations : int, default 999
        Permutations of the significance tests.
    progress : callable, optional
        Called after each section as ``progress(section_id, done, total,
        seconds)``; the command line draws its progress bar and the
        ``--verbose`` timings from it.
    static : bool, default False
        Leave out the interactive map (:func:`netmap.plot.explore`), which
        is otherwise the first picture of the map section (with the
        picture of the same map kept for print and for readers without
        scripts): the report is then pictures and text only.

    Returns
    -------
    pathlib.Path
        The file written. The same map, options and seed give the same
        bytes: the report is dated by ``SOURCE_DATE_EPOCH`` when it is set,
        else by the map's date (:attr:`~netmap.StakeholderMap.date`, the
        ``date`` of its settings), else not at all; never by the clock.

    Notes
    -----
    The warnings netmap gives while the report is made are listed in its
    notes section, not raised. They are collected for this call only (in a
    context variable, not with the process-wide ``warnings.catch_warnings``),
    so reports built in several threads at once, or while another thread
    reads a map, each list their own. Warnings of other libraries (such as
    matplotlib's about a missing glyph, which netmap's own note names
    better) reach the caller as usual.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> import netmap
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "2x5.html"
    >>> netmap.report(netmap.datasets.load_2x5(), out, lang="he").name
    '2x5.html'
    >>> '<html lang="he" dir="rtl">' in out.read_text(encoding="utf-8")
    True
    """
    check_lang(lang)
    check_int("permutations", permutations, minimum=1)
    check_seed(seed)
    check_bool("static", static)
    from netmap._version import __version__

    # Every measure asked twice (by the findings and a section, or of the same
    # wave) is computed once, the map of the wave too: see netmap.model._memo.
    with kept():
        path = Path(path)
        scoped = m.at(wave) if wave is not None else m
        ctx = Context(m=scoped, lang=lang, goals=goals, complexity=complexity,
                      backbone=backbone, seed=seed, permutations=permutations, full=m,
                      wave=wave, static=static)
        built: list[Section] = []
        left_out: list[str] = []
        # What reading the map warned about (a sheet left out ...) comes first.
        noted: list[str] = [reading_note(r, lang) for r in m.issues.to_dict("records")
                            if r["severity"] == "warning"]
        total = len(SECTIONS)
        with collect() as caught:
            for done, (sid, key, build, absent) in enumerate(SECTIONS, start=1):
                start = time.perf_counter()
                body = build(ctx)
                if body is not None:
                    built.append(Section(sid, ctx.titles.get(sid, say(key, lang)), body))
                elif absent is not None:
                    left_out.append(say(absent, lang))
                if progress is not None:
                    progress(sid, done, total, time.perf_counter() - start)
        for w in caught:
            text = str(w)
            if text not in noted:
                noted.append(text)
        first = next((s for s in built if s.id == "summary"), built[0])
        first.blocks.extend(paragraph(t, "note") for t in left_out)
        built.insert(-1, Section("notes", say("notes", lang),
                                 [paragraph(say("warnings", lang)), Items(noted)] if noted
                                 else [paragraph(say("no_notes", lang), "note")]))
        heading = title or m.name or say("report", lang)
        made = _made_on(m, lang)
        head = paragraph(say("made_by", lang, version=__version__, date=made) if made else
                         say("made_by_undated", lang, version=__version__), "meta")
        text = page(heading, lang, [scope_line(ctx), head], built)
        with atomic_open(path, encoding="utf-8") as f:
            f.write(text)
    return path
