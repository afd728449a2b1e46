"""Render the plots of the bundled 2x5 sample to PNG files, to look at.

Usage:
    python tools/render_sample_plots.py [OUT_DIR]     (default: plots/)

Writes the map (force and sector layouts, English and Hebrew labels),
the mixing heat maps (counts and observed / expected), the brokerage
bars, the sector make-up of the bodies and the goals x sectors coverage
(with one goal nobody works on, "robotics", added to show a gap), all in
English and Hebrew, the waves 2013 and 2016 side by side, and a small
map with Arabic names.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402

import netmap  # noqa: E402
from netmap import plot  # noqa: E402


def arabic_map() -> netmap.StakeholderMap:
    """A small map with Arabic names (illustrative)."""
    actors = pd.DataFrame({
        "id": ["moe", "mun", "ngo_nur", "ngo_amal", "bank", "univ", "fund", "p_sara"],
        "name": ["وزارة التربية والتعليم", "بلدية الناصرة", "جمعية النور", "جمعية الأمل",
                 "البنك العربي", "جامعة حيفا", "صندوق التعليم", "سارة (منسقة)"],
        "sector": ["public", "public", "third", "third", "business", "academia",
                   "philanthropy", "third"],
        "level": ["organisation"] * 7 + ["person"],
        "org": [None] * 7 + ["ngo_nur"],
    })
    ties = pd.DataFrame({
        "source": ["moe", "moe", "mun", "ngo_nur", "bank", "fund", "univ", "p_sara",
                   "ngo_amal", "fund"],
        "target": ["ngo_nur", "univ", "ngo_amal", "ngo_amal", "ngo_nur", "ngo_nur",
                   "ngo_amal", "mun", "p_sara", "ngo_amal"],
        "type": ["funding", "partnership", "contract", "joint_activity", "donation",
                 "funding", "advice", "information", "partnership", "funding"],
    })
    return netmap.from_frames(actors, ties, name="خريطة توضيحية")


#: Hebrew names of the sample's goals (and of the added gap), for the Hebrew coverage plot.
GOALS_HE = {
    "data_and_measurement": "נתונים ומדידה",
    "excellence_classes": "כיתות מצוינות",
    "girls_in_stem": "בנות במדע וטכנולוגיה",
    "parent_engagement": "מעורבות הורים",
    "periphery_access": "נגישות בפריפריה",
    "student_motivation": "מוטיבציה של תלמידים",
    "teacher_training": "הכשרת מורים",
    "tutoring": "חונכות",
    "robotics": "רובוטיקה",
}


def main(out: Path) -> None:
    """Write every picture to ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    m = netmap.datasets.load_2x5()

    def save(fig, name):
        fig.savefig(out / name, dpi=110, bbox_inches="tight")
        plt.close(fig)
        print(out / name)

    for kind in ("force", "sector"):
        for lang in ("en", "he"):
            fig, ax = plt.subplots(figsize=(11, 9))
            plot.plot_map(m, ax=ax, layout=kind, size="betweenness", labels="top",
                          top=15, lang=lang, highlight_body="steering_committee",
                          seed=1)
            save(fig, f"2x5_map_{kind}_{lang}.png")
    for stat in ("observed", "ratio"):
        fig, ax = plt.subplots(figsize=(7, 6))
        plot.plot_mixing(m, ax=ax, stat=stat)
        save(fig, f"2x5_mixing_{stat}.png")
    fig, ax = plt.subplots(figsize=(7, 6))
    plot.plot_mixing(m, ax=ax, stat="ratio", lang="he")
    save(fig, "2x5_mixing_ratio_he.png")
    for lang in ("en", "he"):
        fig, ax = plt.subplots(figsize=(9, 5))
        plot.plot_brokerage(m, ax=ax, top=10, lang=lang)
        save(fig, f"2x5_brokerage_{lang}.png")
    for lang in ("en", "he"):
        fig, ax = plt.subplots(figsize=(10, 5))
        plot.plot_bodies(m, ax=ax, lang=lang)
        save(fig, f"2x5_bodies_{lang}.png")
    goals = [*dict.fromkeys(m.activities["goal"]), "robotics"]
    for lang in ("en", "he"):
        fig, ax = plt.subplots(figsize=(8, 6))
        plot.plot_coverage(m, ax=ax, goals=goals, lang=lang,
                           goal_labels=GOALS_HE if lang == "he" else None)
        save(fig, f"2x5_coverage_{lang}.png")
    for lang in ("en", "he"):
        fig = plt.figure(figsize=(12, 7))
        plot.plot_waves(m, 2013, 2016, fig=fig, lang=lang, seed=1)
        save(fig, f"2x5_waves_2013_2016_{lang}.png")
    fig, ax = plt.subplots(figsize=(8, 6))
    plot.plot_map(arabic_map(), ax=ax, labels="all", lang="en", size="degree",
                  title="خريطة توضيحية: شركاء التعليم")
    save(fig, "arabic_map.png")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Render the 2x5 sample's plots to PNG files.")
    parser.add_argument("out_dir", nargs="?", type=Path, default=Path("plots"),
                        help="the folder to write into (default: plots/)")
    main(parser.parse_args().out_dir)
