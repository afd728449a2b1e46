"""The interactive map in a real browser: headless Chromium, network off.

Needs Debian's chromium and chromium-driver: skipped without them, failed
without them under CI. The browser runs with the network disabled (a proxy
that does not exist, and the DevTools network emulation offline), so a page
that fetched anything would fail. Screenshots go to the folder named by
NETMAP_SCREENSHOTS, else the test's temporary folder.
"""

import os
import shutil
import time
from pathlib import Path

import pytest

import netmap
from conftest import require

pytestmark = pytest.mark.slow

# Messages Chromium logs about its software WebGL in a headless run, not the page's.
_BROWSER_NOISE = ("swiftshader", "GPU stall", "GroupMarkerNotSet", "WebGL-")


@pytest.fixture(scope="module")
def driver():
    chromium = shutil.which("chromium-browser") or require("chromium", command=True)
    chromedriver = require("chromedriver", command=True)
    webdriver = require("selenium.webdriver")
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    browser = webdriver.Chrome(service=Service(chromedriver), options=options)
    browser.execute_cdp_cmd("Network.enable", {})
    browser.execute_cdp_cmd("Network.emulateNetworkConditions", {
        "offline": True, "latency": 0, "downloadThroughput": 0, "uploadThroughput": 0})
    yield browser
    browser.quit()


def _folder(tmp_path) -> Path:
    folder = Path(os.environ.get("NETMAP_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _errors(driver) -> list:
    return [e for e in driver.get_log("browser")
            if e["level"] == "SEVERE" and not any(n in e["message"] for n in _BROWSER_NOISE)]


def _open(driver, path: Path) -> None:
    driver.get_log("browser")  # forget what earlier pages logged
    driver.get(path.resolve().as_uri())
    for _ in range(100):
        if driver.execute_script(
                "var r = document.getElementById('netmap-explore');"
                "return r && r.dataset.ready === 'true';"):
            return
        time.sleep(0.1)
    raise AssertionError(f"the map did not get ready; console: {driver.get_log('browser')}")


def _viewport(driver, actor_id: str) -> tuple[float, float]:
    """Where an actor is drawn, in page pixels."""
    return driver.execute_script(
        "var r = window.netmapRenderer, g = r.getGraph();"
        "var ids = JSON.parse(document.getElementById('netmap-data').textContent).nodes.id;"
        "var key = String(ids.indexOf(arguments[0]));"
        "var p = r.graphToViewport(g.getNodeAttributes(key));"
        "var box = document.getElementById('netmap-graph').getBoundingClientRect();"
        "return [box.left + p.x, box.top + p.y];", actor_id)


def _hover(driver, actor_id: str) -> None:
    from selenium.webdriver.common.actions.action_builder import ActionBuilder

    x, y = _viewport(driver, actor_id)
    for where in ((1, 1), (int(x), int(y))):  # off any actor, then onto the actor
        action = ActionBuilder(driver)
        action.pointer_action.move_to_location(*where)
        action.perform()
        time.sleep(0.3)


@pytest.mark.parametrize("lang", ["en", "he"])
def test_the_saved_map_loads_offline_and_shows_a_card(driver, tmp_path, sample, lang):
    path = sample.explore(lang=lang).save(tmp_path / f"explore-{lang}.html")
    _open(driver, path)
    assert _errors(driver) == []
    direction = driver.execute_script(
        "return [document.documentElement.dir, getComputedStyle(document.body).direction]")
    assert direction == (["rtl", "rtl"] if lang == "he" else ["ltr", "ltr"])
    # the panel stands on the reading side's end: right in English, left in Hebrew
    graph, panel = driver.execute_script(
        "return [document.getElementById('netmap-graph').getBoundingClientRect().left,"
        " document.querySelector('.netmap-panel').getBoundingClientRect().left]")
    assert (panel < graph) if lang == "he" else (panel > graph)
    _hover(driver, "la_g")  # an actor that stands apart, so the pointer finds it alone
    card = driver.find_element("id", "netmap-card")
    assert card.is_displayed()
    assert card.get_attribute("data-actor") == "la_g"
    name = sample.actors.loc["la_g", "name" if lang == "he" else "name_en"]
    assert name in card.text
    assert ("Sector" if lang == "en" else "מגזר") in card.text
    if lang == "he":
        assert driver.execute_script(
            "return getComputedStyle(document.getElementById('netmap-card')).direction"
        ) == "rtl"
    assert driver.save_screenshot(str(_folder(tmp_path) / f"explore-{lang}-card.png"))


def test_toggling_a_sector_hides_its_actors(driver, tmp_path, sample):
    path = sample.explore().save(tmp_path / "explore.html")
    _open(driver, path)
    n_business = int((sample.actors["sector"] == "business").sum())
    hidden = driver.execute_script(
        "var data = JSON.parse(document.getElementById('netmap-data').textContent);"
        "var k = data.groups.findIndex(g => g.name === arguments[0]);"
        "document.querySelector('button[data-group=\"' + k + '\"]').click();"
        "var r = window.netmapRenderer, hidden = 0, shown = 0;"
        "data.nodes.group.forEach(function (g, i) {"
        "  var h = r.getNodeState(String(i)).isHidden;"
        "  if (g === k) { hidden += h ? 1 : 0; } else { shown += h ? 0 : 1; } });"
        "return [hidden, shown];", "business")
    assert hidden == [n_business, sample.n_actors - n_business]
    assert driver.find_element("css selector", "#netmap-explore").get_attribute(
        "data-hidden-nodes") == str(n_business)
    assert _errors(driver) == []
    assert driver.save_screenshot(str(_folder(tmp_path) / "explore-en-no-business.png"))


def test_the_search_finds_a_hebrew_name(driver, tmp_path, sample):
    path = sample.explore(lang="he").save(tmp_path / "explore-he.html")
    _open(driver, path)
    box = driver.find_element("id", "netmap-search")
    box.send_keys("החינוך")
    found = driver.find_elements("css selector", "#netmap-results li[data-actor]")
    actors = [li.get_attribute("data-actor") for li in found]
    assert "moe" in actors
    expected = {i for i, name in sample.actors["name"].items() if "החינוך" in str(name)}
    assert set(actors) == expected
    found[actors.index("moe")].click()
    time.sleep(0.8)
    card = driver.find_element("id", "netmap-card")
    assert card.is_displayed() and card.get_attribute("data-actor") == "moe"
    assert "משרד החינוך" in card.text
    assert _errors(driver) == []
    assert driver.save_screenshot(str(_folder(tmp_path) / "explore-he-search.png"))


@pytest.mark.parametrize("lang", ["en", "he"])
def test_the_report_with_the_interactive_map_loads_offline(driver, tmp_path, sample, lang):
    path = netmap.report(sample, tmp_path / f"2x5-{lang}.html", lang=lang, permutations=99)
    driver.get_log("browser")
    driver.get(path.resolve().as_uri())
    frame = driver.find_element("css selector", "iframe.netmap-explore-frame")
    driver.execute_script("arguments[0].scrollIntoView()", frame)
    driver.switch_to.frame(frame)
    for _ in range(100):
        if driver.execute_script("var r = document.getElementById('netmap-explore');"
                                 "return r && r.dataset.ready === 'true';"):
            break
        time.sleep(0.1)
    else:
        raise AssertionError("the report's interactive map did not get ready")
    assert driver.execute_script("return document.documentElement.dir") == (
        "rtl" if lang == "he" else "ltr")
    driver.switch_to.default_content()
    # the picture of the same map is there for print, hidden on screen
    picture = driver.find_element("css selector", "img.netmap-explore-picture")
    assert not picture.is_displayed()
    assert driver.execute_script("return [arguments[0].complete, arguments[0].naturalWidth > 0]",
                                 picture) == [True, True]
    assert _errors(driver) == []
    assert driver.save_screenshot(str(_folder(tmp_path) / f"report-explore-{lang}.png"))


def test_a_static_report_has_no_interactive_map(tmp_path, sample):
    path = netmap.report(sample, tmp_path / "static.html", static=True, permutations=19)
    text = path.read_text(encoding="utf-8")
    assert "<iframe" not in text and "<script" not in text


def test_a_directed_map_with_persons_loads(driver, tmp_path):
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        m = netmap.datasets.synthetic(60, 120, directed=True, seed=1)
    path = m.explore().save(tmp_path / "directed.html")
    _open(driver, path)
    assert _errors(driver) == []
    assert driver.execute_script("return window.netmapRenderer.getGraph().type") == "directed"
    assert driver.save_screenshot(str(_folder(tmp_path) / "explore-directed.png"))


# The label boxes sigma.js draws: its displayed labels, each placed by its label renderer
# (nodeLabelBox, from the glyph widths of its text atlas), and the same text's width as
# the browser's canvas measures it, to check the boxes against the browser's own text.
_LABEL_BOXES = """
var r = window.netmapRenderer, out = [], c = document.createElement('canvas').getContext('2d');
r.getNodeDisplayedLabels().forEach(function (k) {
  var d = r.getNodeDisplayData(k), p = r.framedGraphToViewport(d), s = r.scaleSize(d.size);
  var b = r.labelRenderer.nodeLabelBox(d, s);
  c.font = (d.labelSize || 14) + 'px ' + (d.labelFont || 'sans-serif');
  out.push({box: [p.x + b.minX, p.y + b.minY, p.x + b.maxX, p.y + b.maxY], label: d.label,
            text: c.measureText(d.label).width});
});
return out;
"""


def _overlapping(labels: list) -> list:
    boxes = [(lab["box"], lab["label"]) for lab in labels]
    return [(a, b) for k, (p, a) in enumerate(boxes) for q, b in boxes[k + 1:]
            if p[0] < q[2] and q[0] < p[2] and p[1] < q[3] and q[1] < p[3]]


@pytest.mark.parametrize("lang", ["en", "he"])
def test_labels_never_overlap(driver, tmp_path, sample, lang):
    path = sample.explore(lang=lang).save(tmp_path / f"labels-{lang}.html")
    _open(driver, path)
    time.sleep(0.3)
    labels = driver.execute_script(_LABEL_BOXES)
    assert len(labels) >= 25  # most of the 2x5 sample's 84 actors find room
    for lab in labels:  # sigma's boxes are the browser's text widths
        assert lab["box"][2] - lab["box"][0] == pytest.approx(lab["text"], rel=0.1)
    assert _overlapping(labels) == []
    names = set(sample.actors["name" if lang == "he" else "name_en"])
    shown = {lab["label"] for lab in labels}
    if lang == "en":
        assert shown <= names
    # zoomed in, more labels and still none over another
    driver.execute_async_script(
        "var done = arguments[arguments.length - 1];"
        "window.netmapRenderer.getCamera().animate({ratio: 0.5}, {duration: 200})"
        ".then(function () { setTimeout(done, 400); });")
    zoomed = driver.execute_script(_LABEL_BOXES)
    assert _overlapping(zoomed) == []
    assert driver.execute_script(
        "return Number(document.getElementById('netmap-explore').dataset.labels)") == len(zoomed)
    assert _errors(driver) == []
    assert driver.save_screenshot(str(_folder(tmp_path) / f"explore-{lang}-labels-zoomed.png"))


@pytest.mark.parametrize("lang", ["en", "he"])
def test_the_sector_layout_draws_its_discs_under_the_actors(driver, tmp_path, sample, lang):
    regions = netmap.plot.layout(sample, kind="sector").attrs["regions"]
    page = sample.explore(layout="sector", lang=lang)
    path = page.save(tmp_path / f"sector-{lang}.html")
    _open(driver, path)
    time.sleep(0.3)
    drawn = driver.execute_script("""
        var r = window.netmapRenderer, regions = JSON.parse(
          document.getElementById('netmap-data').textContent).regions;
        var canvas = document.querySelector('canvas.sigma-netmap-sectors');
        var stage = document.querySelector('canvas.sigma-stage');
        var ratio = canvas.width / canvas.offsetWidth, ctx = canvas.getContext('2d');
        return {under: !!(canvas.compareDocumentPosition(stage) & Node.DOCUMENT_POSITION_FOLLOWING),
                regions: regions, names: window.netmapRegionBoxes(),
                view: [canvas.offsetWidth, canvas.offsetHeight],
                pixels: regions.map(function (g) {
                  var p = r.graphToViewport({x: g.x, y: g.y});
                  return Array.from(ctx.getImageData(Math.round(p.x * ratio),
                                                     Math.round(p.y * ratio), 1, 1).data);
                })};""")
    assert drawn["under"]  # the discs' canvas comes before sigma's, so it is drawn below
    # the same discs as the static map's sector layout, in the same positions
    assert [g["x"] for g in drawn["regions"]] == pytest.approx(regions["x"].tolist(), abs=1e-3)
    assert [g["r"] for g in drawn["regions"]] == pytest.approx(regions["radius"].tolist(),
                                                                abs=1e-3)
    names = [g["name"] for g in drawn["regions"]]
    assert names[0] == ("public" if lang == "en" else "ציבורי")
    for g, pixel in zip(drawn["regions"], drawn["pixels"], strict=True):
        color = [int(g["color"][k:k + 2], 16) for k in (1, 3, 5)]
        assert 0 < pixel[3] < 80  # lightly shaded
        assert max(abs(a - b) for a, b in zip(pixel[:3], color, strict=True)) <= 12
    width, height = drawn["view"]
    for x0, y0, x1, y1 in drawn["names"]:  # every name inside the view
        assert x0 >= 0 and y0 >= 0 and x1 <= width and y1 <= height
    labels = driver.execute_script(_LABEL_BOXES)
    assert labels
    for lab in labels:  # and clear of the labels
        b = lab["box"]
        assert not any(b[0] < q[2] and q[0] < b[2] and b[1] < q[3] and q[1] < b[3]
                       for q in drawn["names"])
    assert _errors(driver) == []
    assert driver.save_screenshot(str(_folder(tmp_path) / f"explore-{lang}-sector.png"))


@pytest.mark.parametrize(("layout", "lang"), [("force", "en"), ("sector", "he")])
def test_no_two_markers_overlap_at_the_first_view(driver, tmp_path, sample, layout, lang):
    # the page moves its markers apart at their drawn size, as the static map does
    path = sample.explore(layout=layout, lang=lang).save(tmp_path / f"apart-{layout}.html")
    _open(driver, path)
    drawn = driver.execute_script(
        "var r = window.netmapRenderer, g = r.getGraph(), out = [];"
        "g.forEachNode(function (key, a) {"
        "  var p = r.graphToViewport(a), d = r.getNodeDisplayData(key);"
        "  out.push([p.x, p.y, r.scaleSize ? r.scaleSize(d.size) : d.size]); });"
        "return out;")
    import numpy as np

    xy = np.array([d[:2] for d in drawn])
    radius = np.array([d[2] for d in drawn])
    i, j = np.triu_indices(len(xy), k=1)
    gap = np.hypot(*(xy[i] - xy[j]).T) - (radius[i] + radius[j])
    assert gap.min() > -0.5, f"{int((gap <= -0.5).sum())} pairs of markers overlap"
    assert driver.save_screenshot(str(_folder(tmp_path) / f"apart-{layout}-{lang}.png"))
