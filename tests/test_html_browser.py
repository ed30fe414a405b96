"""The exported network page in a real headless Chromium: it renders, stays offline, shows
tooltips and details, and runs none of the markup found in report text."""
from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

from network_fixtures import fixture_graph, network_trig  # noqa: F401  (pytest fixtures)

pytestmark = pytest.mark.browser

CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
HOSTILE = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def driver(tmp_path_factory):
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.skip("chromium / chromedriver not installed")
    webdriver = pytest.importorskip("selenium.webdriver")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 "--window-size=1400,900",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    service = webdriver.ChromeService(executable_path=str(CHROMEDRIVER))
    drv = webdriver.Chrome(options=options, service=service)
    yield drv
    drv.quit()


@pytest.fixture(scope="module")
def page(driver, fixture_graph, tmp_path_factory):
    """The fixture network exported and opened; alert/confirm/prompt replaced by flag setters."""
    from kg.export import export
    path = export(fixture_graph, "html", tmp_path_factory.mktemp("page") / "graph.html", color_by="province")
    driver.get_log("performance")  # drop anything from browser start-up
    driver.get(path.as_uri())
    driver.execute_script("window.__fired = []; ['alert','confirm','prompt'].forEach(function (f) {"
                          " window[f] = function (m) { window.__fired.push(f + ':' + m); }; });")
    for _ in range(100):
        if driver.execute_script("return typeof network !== 'undefined' && network !== null"):
            break
        time.sleep(0.1)
    driver.execute_script("network.stopSimulation(); network.fit();")
    return path


def _node_id(driver, label):
    return driver.execute_script(
        "return nodes.get({filter: function (n) { return n.fullLabel === arguments[0]; }})[0].id;"
        .replace("arguments[0]", json.dumps(label)))


def test_page_renders_every_node_and_edge(driver, page, fixture_graph):
    counts = driver.execute_script("return [network.body.data.nodes.length, network.body.data.edges.length];")
    assert counts == [fixture_graph.number_of_nodes(), fixture_graph.number_of_edges()]
    assert driver.execute_script("return document.querySelectorAll('canvas').length") >= 1
    legend = driver.find_element("id", "gk-legend").text
    assert "programme" in legend and "山西省" in legend


def test_nothing_leaves_the_machine_and_no_console_errors(driver, page):
    resources = driver.execute_script(
        "return performance.getEntriesByType('resource').map(function (e) { return e.name; });")
    assert not [r for r in resources if r.startswith(("http:", "https:"))]
    requested = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            requested.append(message["params"]["request"]["url"])
    assert page.as_uri() in requested  # the log did capture the page itself
    # chrome:// (the browser's own new-tab page) may show up; anything over the network may not
    assert not [url for url in requested if url.startswith(("http:", "https:", "ws:", "wss:", "ftp:"))]
    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []


def test_clicking_a_node_shows_its_tooltip_and_details(driver, page):
    from selenium.webdriver.common.action_chains import ActionChains
    node = _node_id(driver, "入企检查次数 38.6%")
    driver.execute_script(f"network.focus({node}, {{scale: 1.5, animation: false}});")
    x, y = driver.execute_script(
        f"var p = network.canvasToDOM(network.getPositions([{node}])[{node}]); return [p.x, p.y];")
    canvas = driver.find_element("css selector", "#mynetwork canvas")
    size = canvas.size
    offset = (int(x - size["width"] / 2), int(y - size["height"] / 2))
    ActionChains(driver).move_to_element_with_offset(canvas, *offset).pause(0.2) \
        .move_by_offset(1, 0).pause(0.8).click().perform()
    tooltip = driver.execute_script(
        "var t = document.querySelector('div.vis-tooltip'); return t ? [t.textContent, t.style.visibility] : null;")
    assert tooltip is not None and "入企检查次数" in tooltip[0] and tooltip[1] == "visible"
    assert "<script>alert(2)</script>" in tooltip[0]  # shown as text
    info = driver.find_element("id", "gk-info").text
    assert "evidence:" in info and "report: 太原市小店区" in info
    ARTIFACTS.mkdir(exist_ok=True)
    driver.save_screenshot(str(ARTIFACTS / "network-page.png"))


def test_hostile_label_is_text_and_runs_nothing(driver, page):
    driver.execute_script("govkg.select(govkg.find(arguments[0]));", HOSTILE)
    assert driver.find_element("id", "gk-info").text.startswith(HOSTILE)
    assert driver.execute_script("return document.querySelectorAll('#gk-info *, img').length") == 0
    assert driver.execute_script("return window.__fired") == []
    assert driver.execute_script("return document.querySelectorAll('script:not([src])').length") \
        == page.read_text(encoding="utf-8").count("<script>")


def test_search_box_selects_a_node_by_alias_substring(driver, page):
    from selenium.webdriver.common.keys import Keys
    box = driver.find_element("id", "gk-search")
    box.clear()
    box.send_keys("经济技术开发区", Keys.ENTER)
    selected = driver.execute_script("return network.getSelectedNodes().map(function (id) { return nodes.get(id).fullLabel; });")
    assert selected == ["太原经济技术开发区"]
