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
def page(driver, network_trig, tmp_path_factory):
    """The fixture store exported and opened, every node type switched on through the page's own
    checkboxes; alert/confirm/prompt replaced by flag setters."""
    import pyoxigraph as ox
    from kg.export import export
    store = ox.Store()
    store.load(path=str(network_trig), format=ox.RdfFormat.TRIG)
    path = export(store, "html", tmp_path_factory.mktemp("page") / "graph.html", color_by="province")
    driver.get_log("performance")  # drop anything from browser start-up
    driver.get(path.as_uri())
    driver.execute_script("window.__fired = []; ['alert','confirm','prompt'].forEach(function (f) {"
                          " window[f] = function (m) { window.__fired.push(f + ':' + m); }; });")
    for _ in range(100):
        if driver.execute_script("return typeof network !== 'undefined' && network !== null"):
            break
        time.sleep(0.1)
    driver.execute_script("network.stopSimulation(); network.fit();")
    _show_all_types(driver)
    return path


def _show_all_types(driver):
    driver.execute_script("document.querySelectorAll('.gk-type').forEach(function (b) {"
                          " if (!b.checked) { b.click(); } });")


def _node_id(driver, label):
    return driver.execute_script(
        "return nodes.get({filter: function (n) { return n.fullLabel === arguments[0]; }})[0].id;"
        .replace("arguments[0]", json.dumps(label)))


def test_page_renders_every_node_and_edge(driver, page, fixture_graph):
    counts = driver.execute_script("return [network.body.data.nodes.length, network.body.data.edges.get("
                                   "{filter: function (e) { return e.edgeType !== 'co_adoption'; }}).length];")
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
    assert driver.execute_script("return document.querySelectorAll('#gk-info-text *, img, #gk-curve :not(svg):not(line):not(polyline):not(text)').length") == 0
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


# ------------------------------------------------------------------ what a researcher sees first
def _rgb(hex_colour):
    return tuple(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))


def _canvas_pixels(driver, name):
    """A screenshot of the network canvas (saved as a CI artefact) as an (N, 3) array."""
    import io

    import numpy as np
    Image = pytest.importorskip("PIL.Image")
    png = driver.find_element("css selector", "#mynetwork canvas").screenshot_as_png
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / name).write_bytes(png)
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=np.int16).reshape(-1, 3)


def _drawn(driver, move, name):
    """The canvas after the script `move` has moved the view and vis-network has drawn the result."""
    driver.execute_async_script("var done = arguments[arguments.length - 1];"
                                " network.once('afterDrawing', function () { done(); }); " + move +
                                " network.redraw();")
    return _canvas_pixels(driver, name)


def _present(pixels, colour, tolerance=6):
    import numpy as np
    return int((np.abs(pixels - np.array(_rgb(colour))) <= tolerance).all(axis=1).sum())


def _default_view(driver):
    driver.execute_script("document.querySelectorAll('.gk-type').forEach(function (b) {"
                          " if (b.checked !== govkg.page.defaultTypes.includes(b.value)) { b.click(); } });"
                          "['gk-province', 'gk-level'].forEach(function (id) { var s = document.getElementById(id);"
                          " s.value = ''; s.dispatchEvent(new Event('change')); });"
                          "var y = document.getElementById('gk-year'); y.value = y.max; y.dispatchEvent(new Event('input'));"
                          "network.fit();")
    time.sleep(0.3)


def _visible(driver, node_type=None):
    return driver.execute_script(
        "return nodes.get({filter: function (n) { return !n.hidden && (!arguments[0] || n.nodeType === arguments[0]); }})"
        ".map(function (n) { return [n.fullLabel, n.nodeType, n.province, n.year]; });".replace(
            "arguments[0]", json.dumps(node_type)))


def test_every_node_has_its_legend_colour_and_the_canvas_shows_them(driver, page):
    _default_view(driver)
    legend = driver.execute_script("return govkg.page.legend;")
    by_province = {row["text"]: row["colour"] for row in legend if row["type"] == "jurisdiction"}
    by_type = {row["type"]: row["colour"] for row in legend if row["type"] != "jurisdiction"}
    drawn = driver.execute_script("return nodes.get().map(function (n) {"
                                  " return [n.nodeType, n.province, n.color.background, n.color.border, n.group]; });")
    for node_type, province, background, border, group in drawn:
        expected = by_province[province] if node_type == "jurisdiction" else by_type[node_type]
        assert background == border == expected and group is None, (node_type, province)
    # the drawn canvas: every legend colour of a shown type is there, vis-network's default blue is not.
    # Each colour is looked at on one of its nodes, brought close up with the layout frozen, once the
    # canvas has drawn it: how much of it shows then depends neither on the layout nor on the load.
    driver.execute_script("network.setOptions({physics: false});")
    pixels = _drawn(driver, "network.fit({animation: false});", "network-default-view.png")
    assert _present(pixels, "#97c2fc") == 0 and _present(pixels, "#ffffff", 0) < len(pixels)  # not blank
    for row in legend:
        if row["type"] in ("jurisdiction", "programme"):
            node = driver.execute_script(
                "var c = arguments[0]; var hit = nodes.get({filter: function (n) {"
                " return !n.hidden && n.color.background === c; }}); return hit.length ? hit[0].id : null;",
                row["colour"])
            assert node is not None, row
            close = _drawn(driver, "network.moveTo({position: network.getPosition(%s), scale: 3, animation: false});"
                           % json.dumps(node), "network-colour.png")
            assert _present(close, row["colour"]) > 20, row


def test_default_view_is_programmes_and_their_adopters_with_few_labels(driver, page):
    _default_view(driver)
    types = {t for _, t, _, _ in _visible(driver)}
    assert types == {"jurisdiction", "programme"}
    labelled = driver.execute_script("return nodes.get({filter: function (n) { return !n.hidden && n.label.trim(); }}).length;")
    from kg.export.html_data import LABELLED
    assert 0 < labelled <= LABELLED


@pytest.mark.parametrize("control", ["type", "province", "level", "year"])
def test_filters_hide_what_they_should(driver, page, control):
    _default_view(driver)
    before = _visible(driver)
    if control == "type":
        driver.execute_script("document.querySelector('.gk-type[value=programme]').click();")
        assert _visible(driver, "programme") == [] and _visible(driver, "jurisdiction")
    elif control in ("province", "level"):
        values = driver.execute_script(f"return govkg.page.{control}s;")
        chosen = "山西省" if control == "province" else values[0]
        driver.execute_script(f"var s = document.getElementById('gk-{control}'); s.value = arguments[0];"
                              " s.dispatchEvent(new Event('change'));", chosen)
        shown = driver.execute_script(
            f"return nodes.get({{filter: function (n) {{ return !n.hidden && n.nodeType === 'jurisdiction'; }}}})"
            f".map(function (n) {{ return n.{control}; }});")
        assert shown and set(shown) == {chosen}
    else:
        first, last = driver.execute_script("return govkg.page.years;")
        assert first < last
        driver.execute_script("var y = document.getElementById('gk-year'); y.value = y.min;"
                              " y.dispatchEvent(new Event('input'));")
        late = driver.execute_script("return edges.get({filter: function (e) { return !e.hidden && e.year > arguments[0]; }}).length;"
                                     .replace("arguments[0]", str(first)))
        assert late == 0 and all(y is None or y <= first for *_, y in _visible(driver))
    assert len(_visible(driver)) < len(before)
    _canvas_pixels(driver, f"network-filter-{control}.png")


def test_a_programme_shows_its_diffusion_curve_and_the_footer_its_provenance(driver, page):
    _default_view(driver)
    curves = driver.execute_script("return govkg.page.curves;")
    programme = int(max(curves, key=lambda k: curves[k][-1][1]))
    driver.execute_script("govkg.select(arguments[0]);", programme)
    stroke = driver.execute_script("var l = document.querySelector('#gk-curve-svg polyline');"
                                   " return l ? l.getAttribute('stroke') : null;")
    from kg.export.html_page import CURVE_COLOUR
    assert stroke == CURVE_COLOUR
    footer = driver.find_element("id", "gk-footer").text
    assert footer.startswith("govkg ") and "4 reports" in footer
    driver.save_screenshot(str(ARTIFACTS / "network-curve.png"))


def test_a_big_page_is_laid_out_in_python_and_drawn_without_physics(driver, tmp_path):
    import random

    import networkx as nx
    from kg.export.html import LAYOUT_ABOVE, render
    rng, g = random.Random(3), nx.MultiDiGraph()
    for j in range(LAYOUT_ABOVE):
        g.add_node(f"j{j}", label=f"县{j}", type="jurisdiction", province=f"省{j % 7}", level="county")
    for p in range(60):
        g.add_node(f"p{p}", label=f"项目{p}", type="programme")
    for j in range(LAYOUT_ABOVE):
        for p in rng.sample(range(60), 3):
            g.add_edge(f"j{j}", f"p{p}", type="adopted", year=2019 + rng.randint(0, 5))
    for p in range(60):
        g.nodes[f"p{p}"]["adopters"] = g.in_degree(f"p{p}")
    path = tmp_path / "big.html"
    path.write_text(render(g, color_by="province"), encoding="utf-8")
    driver.get(path.as_uri())
    for _ in range(200):
        if driver.execute_script("return typeof network !== 'undefined' && !!window.govkg"):
            break
        time.sleep(0.1)
    assert driver.execute_script("return network.physics.options.enabled") is False
    placed = driver.execute_script("return nodes.get().filter(function (n) { return typeof n.x === 'number'; }).length")
    assert placed == g.number_of_nodes()
    driver.execute_script("document.querySelector('.gk-type[value=programme]').click();")
    assert driver.execute_script("return nodes.get({filter: function (n) { return !n.hidden; }}).length") == LAYOUT_ABOVE
    pixels = _canvas_pixels(driver, "network-big.png")
    assert _present(pixels, "#ffffff", 0) < len(pixels)
