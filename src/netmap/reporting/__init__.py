"""One self-contained HTML report of a map, for people who will never open a notebook.

:func:`netmap.report` writes a single HTML file: the map's summary, the network
map, the findings of :func:`netmap.insights` grouped by insight with the
position on the axis, mixing and E-I with their significance, the joint
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
import time
import warnings
from pathlib import Path
from typing import TYPE_CHECKING

from netmap.model._params import check_bool, check_int, check_seed
from netmap.reporting._html import Items, Section, page, paragraph
from netmap.reporting._sections import SECTIONS, Context
from netmap.words.catalogue import check_lang
from netmap.words.catalogue import report_word as say

if TYPE_CHECKING:
    from netmap.model.stakeholder_map import StakeholderMap

__all__ = ["report", "SECTION_IDS"]

#: The ids of the report's sections, in order (the HTML ``id`` of each).
SECTION_IDS = tuple(sid for sid, _, _, _ in SECTIONS)


def report(m: StakeholderMap, path, *, lang: str = "en", title: str | None = None, goals=None,
           complexity=None, backbone=None, seed: int = 0, permutations: int = 999,
           progress=None, static: bool = False):
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
        The file written.

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

    path = Path(path)
    ctx = Context(m=m, lang=lang, goals=goals, complexity=complexity, backbone=backbone,
                  seed=seed, permutations=permutations, static=static)
    built: list[Section] = []
    left_out: list[str] = []
    noted: list[str] = []
    total = len(SECTIONS)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for done, (sid, key, build, absent) in enumerate(SECTIONS, start=1):
            start = time.perf_counter()
            body = build(ctx)
            if body is not None:
                built.append(Section(sid, say(key, lang), body))
            elif absent is not None:
                left_out.append(say(absent, lang))
            if progress is not None:
                progress(sid, done, total, time.perf_counter() - start)
    for w in caught:
        text = str(w.message)
        if text not in noted:
            noted.append(text)
    built[0].blocks.extend(paragraph(t, "note") for t in left_out)
    built.insert(-1, Section("notes", say("notes", lang),
                             [paragraph(say("warnings", lang)), Items(noted)] if noted
                             else [paragraph(say("no_notes", lang), "note")]))
    heading = title or m.name or say("report", lang)
    head = paragraph(say("made_by", lang, version=__version__,
                         date=_dt.date.today().isoformat()), "meta")
    path.write_text(page(heading, lang, head, built), encoding="utf-8")
    return path
