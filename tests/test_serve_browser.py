"""The endpoint page in a real headless Chromium against a real `govkg serve`: YASGUI loads offline,
a named query's parameter form fills and runs the query, and results show labels, not IRIs."""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from _servers import free_port, stop, wait_until_up
from test_html_browser import ARTIFACTS, driver  # noqa: F401  (the module-scoped browser fixture)

pytestmark = [pytest.mark.browser, pytest.mark.slow]
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    store = tmp_path_factory.mktemp("serve-page") / "store"
    examples = sorted(str(p) for p in (REPO / "kg" / "examples").iterdir() if p.suffix in (".txt", ".html"))
    from kg.cli import main
    assert main(["build", *examples, "--store", str(store), "--quiet"]) == 0
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--port", str(port), "--store", str(store),
                                "--quiet"], cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/", process)
        yield f"http://127.0.0.1:{port}"
    finally:
        stop(process)


@pytest.fixture(scope="module")
def page(driver, served):
    driver.get_log("performance")
    driver.get(served + "/")
    for _ in range(100):
        if driver.execute_script("return !!(window.govkgYasgui && document.querySelector('.CodeMirror'))"):
            break
        time.sleep(0.1)
    return driver


def _wait(driver, script, tries=100):
    for _ in range(tries):
        value = driver.execute_script(script)
        if value:
            return value
        time.sleep(0.1)
    return driver.execute_script(script)


def test_yasgui_editor_loads_with_nothing_from_the_network(page, served):
    assert page.execute_script("return typeof Yasgui") == "function"
    assert page.find_element("css selector", ".yasqe .CodeMirror").is_displayed()
    requested = []
    for entry in page.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            requested.append(message["params"]["request"]["url"])
    assert served + "/" in requested
    assert not [u for u in requested if u.startswith(("http:", "https:", "ws:")) and not u.startswith(served)]
    errors = [e for e in page.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []


def _choose(page, name):
    page.execute_script("var s = document.getElementById('examples'); s.value = arguments[0];"
                        " s.dispatchEvent(new Event('change'));", name)


@pytest.mark.parametrize("name, params, column, expected", [
    ("adopters", {"program": "企业安静期"}, "jurisdiction", "西湖区"),
    ("programs", {"jurisdiction": "昆山市"}, "program", None),
    ("shared-programs", {}, "program", None),
])
def test_named_query_form_runs_and_shows_labels(page, name, params, column, expected):
    _choose(page, name)
    fields = page.execute_script("return [...document.querySelectorAll('#gk-params input')].map(i => i.name);")
    from kg.sparql.query import load_query
    assert fields == [p.name for p in load_query(name).params]
    for key, value in params.items():
        box = page.find_element("id", f"gk-param-{key}")
        box.clear()
        box.send_keys(value)
    page.execute_script("document.querySelector('.yasr_results') && (document.querySelector('.yasr_results').textContent = '');")
    page.find_element("id", "gk-run-named").click()
    rows = _wait(page, "var t = document.querySelector('table.gk-labels'); return t && t.rows.length > 1 ? "
                       "[...t.rows].map(r => [...r.cells].map(c => c.textContent)) : null;")
    assert rows, page.find_element("id", "gk-message").text
    header, body = rows[0], rows[1:]
    assert column in header
    cells = [row[header.index(column)] for row in body]
    assert not [c for c in cells if c.startswith("https://w3id.org/govkg/")]  # labels, not IRIs
    if expected:
        assert any(c.endswith(expected) for c in cells), cells  # 杭州市西湖区 in a v2 store
    query = page.execute_script("return govkgYasgui.getTab().getQuery();")
    assert "VALUES ?in_" in query or not params
    ARTIFACTS.mkdir(exist_ok=True)
    page.save_screenshot(str(ARTIFACTS / f"endpoint-{name}.png"))


def test_unknown_name_says_so(page):
    _choose(page, "adopters")
    box = page.find_element("id", "gk-param-program")
    box.clear()
    box.send_keys("苏洲")
    page.find_element("id", "gk-fill").click()
    message = _wait(page, "return document.getElementById('gk-message').textContent;")
    assert "no programme named 苏洲" in message


@pytest.mark.parametrize("plugin", ["labels", "table"])
def test_markup_in_results_is_shown_as_text(page, plugin):
    page.execute_script("window.__fired = []; window.alert = function (m) { window.__fired.push(m); };")
    hostile = "<img src=x onerror=alert(1)><b>bold</b>"
    page.execute_script("var tab = govkgYasgui.getTab(); tab.getYasr().selectPlugin(arguments[1]);"
                        "tab.setQuery('SELECT ?x WHERE { BIND(' + JSON.stringify(arguments[0]) + ' AS ?x) }'); tab.query();",
                        hostile, plugin)
    shown = _wait(page, "var r = document.querySelector('.yasr_results'); return r && r.textContent.indexOf('onerror') >= 0;")
    assert shown
    assert page.execute_script("return document.querySelectorAll('.yasr_results img, .yasr_results b').length") == 0
    time.sleep(0.3)
    assert page.execute_script("return window.__fired") == []
