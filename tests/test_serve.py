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

import psutil
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


def test_mini_store_has_five_reports():
    assert len(list(mini_store().query(REPORT_ROWS, use_default_graph_as_union=True))) == 5


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
    assert len(rows) == 5 and {r["y"] for r in rows} >= {"2025"}
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
    assert len(graph) == 10  # five reports, a type and a year each


def test_post_form_and_sparql_query_body_agree(endpoint):
    form = http(endpoint, urllib.parse.urlencode({"query": COUNT_REPORTS}).encode(),
                {"Content-Type": "application/x-www-form-urlencoded"})
    direct = http(endpoint, COUNT_REPORTS.encode(), {"Content-Type": "application/sparql-query"})
    assert form[0] == direct[0] == 200
    assert _rows_json(form[2]) == _rows_json(direct[2]) == [{"n": "5"}]


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
        assert result["results"]["bindings"][0]["n"]["value"] == "5"
    elif return_format == "xml":
        assert result.getElementsByTagName("literal")[0].firstChild.data == "5"
    else:
        delimiter = "," if return_format == "csv" else "\t"
        assert list(csv.reader(io.StringIO(result.decode()), delimiter=delimiter))[1] == ["5"]


def test_sparqlwrapper_construct_turtle_and_post(endpoint):
    from SPARQLWrapper import POST, TURTLE, SPARQLWrapper
    client = SPARQLWrapper(endpoint, returnFormat=TURTLE)
    client.setMethod(POST)
    client.setQuery(CONSTRUCT)
    graph = rdflib.Graph().parse(data=client.query().convert(), format="turtle")
    assert len(set(graph.subjects())) == 5


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
    assert _rows_json(get(endpoint, COUNT_REPORTS)[2]) == [{"n": "5"}]


def test_long_query_is_cut_off_and_the_server_recovers(endpoint):
    status, _, body = http(endpoint, CROSS_JOIN.encode(), {"Content-Type": "application/sparql-query"})
    assert status == 503 and b"timeout" in body
    assert _rows_json(get(endpoint, COUNT_REPORTS)[2]) == [{"n": "5"}]


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
    from kg.sparql.query import query_names
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
def _counts(endpoint) -> str:
    status, _, body = get(endpoint, COUNT_REPORTS)
    assert status == 200, body
    return _rows_json(body)[0]["n"]


def test_reader_sees_graphs_written_while_serving(endpoint, store_dir):
    # deterministic: every query compares the store's files with the worker's view and reopens
    # (retrying) when they changed, so the first query after a flush sees it, whatever the load
    writer = ox.Store(str(store_dir))
    try:
        report = ox.NamedNode("https://w3id.org/govkg/id/report/extra")
        writer.add(ox.Quad(report, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                           ox.NamedNode("https://w3id.org/govkg/ontology#Report"), report))
        writer.flush()
        assert [_counts(endpoint) for _ in range(3)] == ["6"] * 3  # each worker, at its first query
        writer.remove_graph(report)
        writer.flush()
        assert [_counts(endpoint) for _ in range(3)] == ["5"] * 3
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


# ------------------------------------------------------------------ hardening (issue 13)
class _Listener:
    """A TCP listener on 127.0.0.1 that counts connections: proof a SERVICE call was (not) made."""

    def __init__(self):
        import socket
        import threading
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port, self.connections, self._stop = self.sock.getsockname()[1], 0, False
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self):
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            conn.close()

    def close(self):
        self._stop = True
        self.thread.join(2)
        self.sock.close()


@pytest.fixture
def listener():
    spy = _Listener()
    yield spy
    spy.close()


SERVICE_QUERIES = [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:{port}/sparql> { ?s ?p ?o } }",
    "SELECT * WHERE { SERVICE SILENT <http://127.0.0.1:{port}/sparql> { ?s ?p ?o } }",
    "select * where { ?a ?b ?c OPTIONAL { service silent <http://127.0.0.1:{port}/x> { ?a ?q ?r } } }",
    "ASK { FILTER EXISTS { SERVICE <http://127.0.0.1:{port}/> { ?s ?p ?o } } }",
    "PREFIX ex: <http://127.0.0.1:{port}/> SELECT * { SERVICE ex:sparql { ?s ?p ?o } }",
    "SELECT * { BIND(<http://127.0.0.1:{port}/> AS ?e) SERVICE ?e { ?s ?p ?o } }",
]


@pytest.mark.parametrize("template", SERVICE_QUERIES)
def test_service_is_refused_and_nothing_is_called(endpoint, listener, template):
    query = template.replace("{port}", str(listener.port))
    for status, _, body in (get(endpoint, query),
                            http(endpoint, query.encode(), {"Content-Type": "application/sparql-query"})):
        assert status == 403 and b"SERVICE" in body and body.count(b"\n") == 1, body
    time.sleep(0.3)  # a call would have reached the listener by now
    assert listener.connections == 0


@pytest.fixture(scope="module")
def open_endpoint(store_dir, endpoint, tmp_path_factory):
    """A second server: federation allowed to the first and to a closed port, a 1 GB memory cap,
    a long timeout (load tests), and its request log kept in a file."""
    closed = free_port()
    log = tmp_path_factory.mktemp("log") / "stderr.txt"
    port = free_port()
    with log.open("w") as err:
        process = subprocess.Popen(
            [sys.executable, "-m", "kg", "serve", "--port", str(port), "--store", str(store_dir),
             "--timeout", "60", "--max-memory", "1024", "--allow-service", endpoint,
             "--allow-service", f"http://127.0.0.1:{closed}/sparql"],
            cwd=REPO, stdout=subprocess.DEVNULL, stderr=err, text=True)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/", process)
        yield {"url": f"http://127.0.0.1:{port}/sparql", "closed": closed, "log": log, "process": process}
    finally:
        stop(process)


def test_an_allowed_service_endpoint_is_called(open_endpoint, endpoint):
    query = ("PREFIX gk: <https://w3id.org/govkg/ontology#> SELECT (COUNT(DISTINCT ?r) AS ?n) "
             f"WHERE {{ SERVICE <{endpoint}> {{ ?r a gk:Report }} }}")
    status, _, body = get(open_endpoint["url"], query)
    assert status == 200 and _rows_json(body) == [{"n": "5"}], body


def test_an_allowed_service_on_a_closed_port_answers_one_line(open_endpoint):
    query = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{open_endpoint['closed']}/sparql> {{ ?s ?p ?o }} }}"
    status, _, body = get(open_endpoint["url"], query)
    assert status == 502 and body.count(b"\n") == 1 and b"Traceback" not in body, body
    assert get(open_endpoint["url"], "ASK {}")[0] == 200


@pytest.mark.parametrize("key", ["default-graph-uri", "named-graph-uri"])
@pytest.mark.parametrize("value", ["not an iri", "http://a b/", "<http://e/g>", "", "relative/path"])
def test_a_malformed_graph_uri_answers_400(endpoint, key, value):
    status, _, body = get(endpoint, REPORT_ROWS, **{key: value})
    assert status == 400 and key.encode() in body and body.count(b"\n") == 1, body
    assert get(endpoint, "ASK {}")[0] == 200


def test_200_simultaneous_requests_are_all_answered(open_endpoint):
    import threading
    url = open_endpoint["url"] + "?" + urllib.parse.urlencode({"query": "ASK {}"})
    barrier, statuses = threading.Barrier(200), []

    def one():
        barrier.wait(30)
        try:
            with urllib.request.urlopen(url, timeout=60) as response:
                statuses.append(response.status)
        except (urllib.error.URLError, OSError) as exc:
            statuses.append(repr(exc))

    threads = [threading.Thread(target=one) for _ in range(200)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert statuses == [200] * 200, [s for s in statuses if s != 200][:5]


def test_the_request_log_escapes_terminal_controls(open_endpoint):
    import socket
    port = int(open_endpoint["url"].split(":")[2].split("/")[0])
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(b"GET /\x1b]0;pwned\x07\x1b[2J\x9b6n?x=\xe2\x80\xae HTTP/1.1\r\nHost: x\r\n"
                     b"Connection: close\r\n\r\n")
        sock.recv(4096)
    deadline = time.monotonic() + 10
    while b"pwned" not in open_endpoint["log"].read_bytes() and time.monotonic() < deadline:
        time.sleep(0.1)
    log = open_endpoint["log"].read_text(encoding="utf-8", errors="replace")
    line = next(line for line in log.splitlines() if "pwned" in line)
    assert "\\x1b]0;pwned\\x07" in line
    assert not any(ord(c) < 32 or 0x7f <= ord(c) <= 0x9f for c in line), repr(line)


def test_a_query_past_the_memory_cap_answers_503_and_the_server_goes_on(open_endpoint):
    # every BIND doubles a string: 16 bytes × 2^30, far past the server's 1 GB cap (never run uncapped)
    binds = " ".join(f"BIND(CONCAT(?s{i}, ?s{i}) AS ?s{i + 1})" for i in range(30))
    query = f'SELECT (STRLEN(?s30) AS ?n) WHERE {{ BIND("0123456789abcdef" AS ?s0) {binds} }}'
    status, _, body = get(open_endpoint["url"], query)
    assert status == 503 and b"memory cap" in body and body.count(b"\n") == 1, body
    assert get(open_endpoint["url"], "ASK {}")[0] == 200
    assert "stack backtrace" not in open_endpoint["log"].read_text(errors="replace")


def _alive(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False


def test_query_workers_stop_when_the_server_is_killed(store_dir):
    import signal
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--port", str(port), "--store",
                                str(store_dir), "--quiet", "--workers", "2"], cwd=REPO,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_until_up(f"http://127.0.0.1:{port}/", process)
        workers = [child.pid for child in psutil.Process(process.pid).children(recursive=True)]
        assert len(workers) >= 2
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(10)
    deadline = time.monotonic() + 20
    while any(_alive(p) for p in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [p for p in workers if _alive(p)]
