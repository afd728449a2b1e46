"""The report in a real browser: headless Chromium loads it from disk.

Needs Debian's chromium and chromium-driver: skipped without them, failed
without them under CI (``.ci/run`` installs them and sets CI=true).
Screenshots go to the folder named by NETMAP_SCREENSHOTS, else the test's
temporary folder.
"""

import os
import shutil
from pathlib import Path

import pytest

import netmap
from conftest import require

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def driver():
    # apt-get install chromium chromium-driver (Ubuntu names the browser chromium-browser)
    chromium = shutil.which("chromium-browser") or require("chromium", command=True)
    chromedriver = require("chromedriver", command=True)
    webdriver = require("selenium.webdriver")
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    options = Options()
    options.binary_location = chromium
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-dev-shm-usage", "--window-size=1280,1600"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    browser = webdriver.Chrome(service=Service(chromedriver), options=options)
    yield browser
    browser.quit()


@pytest.mark.parametrize("lang", ["en", "he"])
def test_report_renders_in_chromium(driver, tmp_path, lang):
    path = netmap.report(netmap.datasets.load_2x5(), tmp_path / f"2x5-{lang}.html",
                         lang=lang, permutations=99)
    driver.get(path.resolve().as_uri())
    # The page is whole (its interactive map's frame may report loaded before it).
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 60).until(lambda d: d.execute_script(
        "return document.readyState === 'complete' && !!document.getElementById('appendix')"))
    images = driver.execute_script(
        "return Array.from(document.images).map(i => [i.complete, i.naturalWidth])")
    assert len(images) == 8  # the first page's map, then the seven of the sections
    assert all(done and width > 0 for done, width in images), images
    direction = driver.execute_script(
        "return [document.documentElement.dir, getComputedStyle(document.body).direction]")
    assert direction == (["rtl", "rtl"] if lang == "he" else ["ltr", "ltr"])
    # the text of the first heading starts at the right edge in Hebrew, the left in English
    left, right, width = driver.execute_script(
        "const range = document.createRange();"
        "range.selectNodeContents(document.querySelector('section h2'));"
        "const r = range.getBoundingClientRect();"
        "return [r.left, r.right, document.documentElement.clientWidth];")
    if lang == "he":
        assert right > 0.75 * width and left > 0.5 * width
    else:
        assert left < 0.25 * width and right < 0.5 * width
    errors = [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == []
    folder = Path(os.environ.get("NETMAP_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    height = driver.execute_script("return document.body.scrollHeight")
    driver.set_window_size(1280, min(height + 100, 16000))
    assert driver.save_screenshot(str(folder / f"report-{lang}.png"))
