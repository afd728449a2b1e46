"""The interactive map at 10,000 actors / 100,000 ties: how long it takes to open.

One synthetic map (``netmap.datasets.synthetic``, default 10,000 actors and
100,000 ties, with waves and bodies). Times, in one run:

1. the positions (``netmap.plot.layout``, the force layout the page and
   the picture share);
2. ``netmap.plot.explore`` from those positions, and the file's size;
3. opening the saved file in headless Chromium with the network off, up
   to the map drawn and ready (the page's ``data-ready``), as the
   browser's clock measures it from the start of navigation, and the
   frames per second while sigma.js camera animations zoom in, pan and
   zoom out
   (software WebGL here: no GPU, so a desktop browser is faster);
4. the peer: the static picture of the same map from the same positions
   (``plot_map(..., layout=pos)`` to PNG), what the report showed before.

Usage:
    python benchmarks/bench_explore.py [--actors 10000] [--ties 100000] [--out DIR]
"""

from __future__ import annotations

import argparse
import io
import shutil
import tempfile
import time
import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

import netmap  # noqa: E402
from netmap.plot import explore, layout, plot_map  # noqa: E402

# data-drawn: when sigma.js drew the first frame, from the start of navigation.
_READY = ("var r = document.getElementById('netmap-explore');"
          "return r && r.dataset.drawn ? Number(r.dataset.drawn) : null;")
# Frames per second while sigma.js's own camera animations zoom in, pan and zoom out
# (``camera.animate``, as the mouse wheel and the "show the whole map" button do):
# requestAnimationFrame counts the frames the browser gets to draw during each.
_FPS = """
var done = arguments[arguments.length - 1];
var camera = window.netmapRenderer.getCamera(), frames = 0, running = true, out = {};
function tick() { frames++; if (running) { requestAnimationFrame(tick); } }
requestAnimationFrame(tick);
var moves = [["zoom in", {ratio: 0.3, x: 0.55, y: 0.5}], ["pan", {x: 0.35, y: 0.6}],
             ["zoom out", {ratio: 1, x: 0.5, y: 0.5}]];
function run(k) {
  if (k === moves.length) { running = false; done(out); return; }
  var f0 = frames, t0 = performance.now();
  camera.animate(moves[k][1], {duration: 1500}).then(function () {
    out[moves[k][0]] = (frames - f0) * 1000 / (performance.now() - t0);
    setTimeout(function () { run(k + 1); }, 300);
  });
}
setTimeout(function () { run(0); }, 300);
"""


def _browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = shutil.which("chromium") or shutil.which("chromium-browser")
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                "--proxy-server=http://127.0.0.1:9"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
    driver.execute_cdp_cmd("Network.enable", {})
    driver.execute_cdp_cmd("Network.emulateNetworkConditions", {
        "offline": True, "latency": 0, "downloadThroughput": 0, "uploadThroughput": 0})
    driver.set_script_timeout(120)
    return driver


def _open(driver, path: Path) -> float:
    """Milliseconds from the start of navigation to the map's first frame drawn."""
    driver.get(path.resolve().as_uri())
    for _ in range(1200):
        ready = driver.execute_script(_READY)
        if ready is not None:
            return float(ready)
        time.sleep(0.05)
    raise RuntimeError("the page did not get ready in 60 s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--actors", type=int, default=10_000)
    parser.add_argument("--ties", type=int, default=100_000)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    out = args.out or Path(tempfile.mkdtemp())
    out.mkdir(parents=True, exist_ok=True)

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        m = netmap.datasets.synthetic(args.actors, args.ties, waves=3, seed=0)
    print(f"map: {m.n_actors:,} actors, {m.n_ties:,} ties, waves {m.waves}")

    start = time.perf_counter()
    pos = layout(m, seed=0)
    t_layout = time.perf_counter() - start
    print(f"force layout                 {t_layout:8.2f} s")

    start = time.perf_counter()
    page = explore(m, layout=pos)
    path = page.save(out / "explore-10k.html")
    t_explore = time.perf_counter() - start
    print(f"explore + save               {t_explore:8.2f} s  "
          f"({path.stat().st_size / 1e6:.1f} MB, {path})")

    driver = _browser()
    try:
        opens = [_open(driver, path) for _ in range(3)]
        timings = driver.execute_script(
            "return document.getElementById('netmap-explore').dataset.timings")
        driver.save_screenshot(str(out / "explore-10k.png"))
        fps = driver.execute_async_script(_FPS)
    finally:
        driver.quit()
    t_open = min(opens) / 1000
    print(f"open in Chromium (best of 3) {t_open:8.2f} s  (all: "
          + ", ".join(f"{o / 1000:.2f}" for o in opens) + ")")
    print(f"  the script's steps, ms from the start of navigation: {timings}; the rest is "
          "sigma.js's first frame")
    print("frames per second (software WebGL) while the camera animates: " + ", ".join(
        f"{move} {value:.1f}" for move, value in fps.items()))

    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fig, ax = plt.subplots(figsize=(11, 7.5))
        plot_map(m, ax=ax, layout=pos, size="degree", labels=None)
        fig.savefig(io.BytesIO(), format="png", dpi=100, bbox_inches="tight")
        plt.close(fig)
    t_static = time.perf_counter() - start
    print(f"peer: static picture (PNG)   {t_static:8.2f} s")
    print(f"ratio (explore + open) / static picture: {(t_explore + t_open) / t_static:.2f}")


if __name__ == "__main__":
    main()
