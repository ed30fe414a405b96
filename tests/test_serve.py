"""`govkg serve` as a real process: every result format parses, updates are refused, long queries and
big bodies are cut off, the page works offline, and a store written while served is read safely."""
from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from _mini import mini_store
from _servers import free_port, stop, wait_until_up
from kg.serve.protocol import ProtocolError, negotiate, parse_request

REPO = Path(__file__).resolve().parents[1]
COUNT_REPORTS = ("PREFIX gk: <https://w3id.org/govkg/ontology#> "
                 "SELECT (COUNT(DISTINCT ?r) AS ?n) WHERE { ?r a gk:Report }")
REPORT_ROWS = ("PREFIX gk: <https://w3id.org/govkg/ontology#> "
               "SELECT ?r ?y WHERE { ?r a gk:Report ; gk:year ?y } ORDER BY ?r")
CONSTRUCT = ("PREFIX gk: <https://w3id.org/govkg/ontology#> "
             "CONSTRUCT { ?r a gk:Report ; gk:year ?y } WHERE { ?r a gk:Report ; gk:year ?y }")
CROSS_JOIN = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
MAX_BODY = 20_000


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("served") / "store"
    store = mini_store(str(path))
    del store  # release the write lock
    return path


@pytest.fixture(scope="module")
def endpoint(store_dir):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "kg", "serve", "--port", str(port), "--store", str(store_dir),
         "--timeout", "2", "--max-body", str(MAX_BODY), "--quiet"],
        cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/", process)
        yield f"http://127.0.0.1:{port}/sparql"
    finally:
        stop(process)


def http(url: str, data: bytes | None = None, headers: dict | None = None):
    """(status, content type, body) for one request; errors are answers too."""
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers["Content-Type"], response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers["Content-Type"], exc.read()


def get(endpoint: str, query: str, **params):
    return http(endpoint + "?" + urllib.parse.urlencode({"query": query, **params}))


def test_mini_store_has_four_reports():
    assert len(list(mini_store().query(REPORT_ROWS, use_default_graph_as_union=True))) == 4


# ------------------------------------------------------------------ formats over plain HTTP
def _rows_json(body):
    return [{k: v["value"] for k, v in b.items()} for b in json.loads(body)["results"]["bindings"]]


def _rows_xml(body):
    ns = "{http://www.w3.org/2005/sparql-results#}"
    return [{b.get("name"): b[0].text for b in r.iter(ns + "binding")} for r in ET.fromstring(body).iter(ns + "result")]


def _rows_csv(body):
    return list(csv.DictReader(io.StringIO(body.decode("utf-8"))))


def _rows_tsv(body):
    rows = list(csv.DictReader(io.StringIO(body.decode("utf-8")), delimiter="\t"))
    return [{k[1:]: rdflib.util.from_n3(v).toPython().__str__() if v else v for k, v in r.items()} for r in rows]


@pytest.mark.parametrize("fmt, accept, parse", [
    ("json", "application/sparql-results+json", _rows_json),
    ("xml", "application/sparql-results+xml", _rows_xml),
    ("csv", "text/csv", _rows_csv),
    ("tsv", "text/tab-separated-values", _rows_tsv),
])
def test_select_formats_by_accept_and_by_param(endpoint, fmt, accept, parse):
    status, media, body = http(endpoint + "?" + urllib.parse.urlencode({"query": REPORT_ROWS}),
                               headers={"Accept": accept})
    assert status == 200 and media.startswith(accept)
    rows = parse(body)
    assert len(rows) == 4 and {r["y"] for r in rows} >= {"2025"}
    status, media, body_by_param = get(endpoint, REPORT_ROWS, format=fmt)
    assert status == 200 and media.startswith(accept) and body_by_param == body


@pytest.mark.parametrize("accept, rdflib_format", [
    ("text/turtle", "turtle"), ("application/n-triples", "nt"), ("application/ld+json", "json-ld"),
    ("application/rdf+xml", "xml")])
def test_construct_formats_parse_with_rdflib(endpoint, accept, rdflib_format):
    status, media, body = http(endpoint, CONSTRUCT.encode(),
                               {"Content-Type": "application/sparql-query", "Accept": accept})
    assert status == 200 and media.startswith(accept)
    graph = rdflib.Graph().parse(data=body, format=rdflib_format)
    assert len(graph) == 8  # four reports, a type and a year each


def test_post_form_and_sparql_query_body_agree(endpoint):
    form = http(endpoint, urllib.parse.urlencode({"query": COUNT_REPORTS}).encode(),
                {"Content-Type": "application/x-www-form-urlencoded"})
    direct = http(endpoint, COUNT_REPORTS.encode(), {"Content-Type": "application/sparql-query"})
    assert form[0] == direct[0] == 200
    assert _rows_json(form[2]) == _rows_json(direct[2]) == [{"n": "4"}]


def test_ask_and_bad_query(endpoint):
    assert json.loads(get(endpoint, "ASK { ?s ?p ?o }")[2]) == {"head": {}, "boolean": True}
    status, _, body = get(endpoint, "SELECT ?x WHERE { ?x ")
    assert status == 400 and b"bad query" in body


# ------------------------------------------------------------------ SPARQLWrapper
@pytest.mark.parametrize("return_format", ["json", "xml", "csv", "tsv"])
def test_sparqlwrapper_select(endpoint, return_format):
    from SPARQLWrapper import SPARQLWrapper
    client = SPARQLWrapper(endpoint, returnFormat=return_format)
    client.setQuery(COUNT_REPORTS)
    result = client.query().convert()
    if return_format == "json":
        assert result["results"]["bindings"][0]["n"]["value"] == "4"
    elif return_format == "xml":
        assert result.getElementsByTagName("literal")[0].firstChild.data == "4"
    else:
        delimiter = "," if return_format == "csv" else "\t"
        assert list(csv.reader(io.StringIO(result.decode()), delimiter=delimiter))[1] == ["4"]


def test_sparqlwrapper_construct_turtle_and_post(endpoint):
    from SPARQLWrapper import POST, TURTLE, SPARQLWrapper
    client = SPARQLWrapper(endpoint, returnFormat=TURTLE)
    client.setMethod(POST)
    client.setQuery(CONSTRUCT)
    graph = rdflib.Graph().parse(data=client.query().convert(), format="turtle")
    assert len(set(graph.subjects())) == 4


# ------------------------------------------------------------------ refusals and limits
@pytest.mark.parametrize("data, content_type, query_string", [
    (b"INSERT DATA { <http://e/a> <http://e/b> <http://e/c> }", "application/sparql-update", ""),
    (urllib.parse.urlencode({"update": "CLEAR ALL"}).encode(), "application/x-www-form-urlencoded", ""),
    (b"DROP ALL", "application/sparql-query", ""),
    (None, None, urllib.parse.urlencode({"update": "CLEAR ALL"})),
    (None, None, urllib.parse.urlencode({"query": "PREFIX e: <http://e/> DELETE WHERE { ?s ?p ?o }"})),
])
def test_updates_are_refused_and_change_nothing(endpoint, data, content_type, query_string):
    headers = {"Content-Type": content_type} if content_type else {}
    status, _, body = http(endpoint + ("?" + query_string if query_string else ""), data, headers)
    assert 400 <= status < 500 and b"read-only" in body
    assert _rows_json(get(endpoint, COUNT_REPORTS)[2]) == [{"n": "4"}]


def test_long_query_is_cut_off_and_the_server_recovers(endpoint):
    status, _, body = http(endpoint, CROSS_JOIN.encode(), {"Content-Type": "application/sparql-query"})
    assert status == 503 and b"timeout" in body
    assert _rows_json(get(endpoint, COUNT_REPORTS)[2]) == [{"n": "4"}]


def test_oversized_body_is_refused(endpoint):
    padding = "#" + "x" * MAX_BODY + "\n"
    status, _, body = http(endpoint, (padding + COUNT_REPORTS).encode(), {"Content-Type": "application/sparql-query"})
    assert status == 413 and b"limit" in body


def test_unknown_path_and_missing_query(endpoint):
    base = endpoint.rsplit("/", 1)[0]
    assert http(base + "/admin")[0] == 404
    assert http(endpoint)[0] == 400


# ------------------------------------------------------------------ the page
def test_page_is_offline_and_offers_the_named_queries(endpoint):
    from kg.query import query_names
    status, media, body = http(endpoint.rsplit("/", 1)[0] + "/")
    page = body.decode("utf-8")
    assert status == 200 and media.startswith("text/html")
    from kg.serve.page import _asset, _inline_script
    bundle = _inline_script(_asset("yasgui.min.js"))  # YASGUI's help links live in its strings; loads are
    assert bundle in page                              # checked in the real browser (test_serve_browser.py)
    outside = page.replace(bundle, "")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", outside)
    assert "@import" not in page and "url(" not in outside
    names = query_names()
    assert len(names) >= 5 and all(f'<option value="{n}">' in page for n in names)


def test_page_escapes_example_text():
    from kg.serve.page import render_page
    page = render_page(examples={'<img src=x onerror=alert(1)>': "SELECT * { ?s ?p '</script><b>' }"})
    assert "<img" not in page and "</script><b>" not in page


# ------------------------------------------------------------------ a store written while served
def _eventually_counts(endpoint, n: str, tries: int = 25) -> bool:
    """Workers reopen their read-only view when the store's files change; allow a few polls (bounded)."""
    for _ in range(tries):
        if _rows_json(get(endpoint, COUNT_REPORTS)[2]) == [{"n": n}]:
            return True
        time.sleep(0.2)
    return False


def test_reader_sees_graphs_written_while_serving(endpoint, store_dir):
    writer = ox.Store(str(store_dir))
    try:
        report = ox.NamedNode("https://w3id.org/govkg/id/report/extra")
        writer.add(ox.Quad(report, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                           ox.NamedNode("https://w3id.org/govkg/ontology#Report"), report))
        writer.flush()
        assert _eventually_counts(endpoint, "5")
        writer.remove_graph(report)
        writer.flush()
        assert _eventually_counts(endpoint, "4")
    finally:
        del writer


# ------------------------------------------------------------------ protocol units
@pytest.mark.parametrize("accept, fmt, expected", [
    ("text/csv", None, ("csv", "turtle")),
    ("application/sparql-results+json;q=0.2, text/tab-separated-values", None, ("tsv", "turtle")),
    ("*/*", None, ("json", "turtle")),
    ("application/ld+json", None, ("json", "jsonld")),
    (None, "nt", ("json", "ntriples")),
    ("text/csv", "xml", ("xml", "turtle")),
])
def test_negotiate(accept, fmt, expected):
    assert negotiate(accept, fmt) == expected


def test_parse_request_refuses_two_queries_and_odd_bodies():
    with pytest.raises(ProtocolError) as twice:
        parse_request("GET", "query=ASK%7B%7D&query=ASK%7B%7D", None, b"")
    with pytest.raises(ProtocolError) as odd:
        parse_request("POST", "", "application/octet-stream", b"\x00")
    assert (twice.value.status, odd.value.status) == (400, 415)
