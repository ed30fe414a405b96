"""Report text and parameters are untrusted: over a store built by the real CLI, injection through
`--param` finds nothing and changes nothing, updates are refused, and terminal control sequences or
markup in report text are inert in what govkg prints.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_query_binding import HOSTILE

from kg.cli import main
from kg.store.local import Store

REPO = Path(__file__).resolve().parents[1]
FILLER = "全区坚持依法行政，深入推进严格规范公正文明执法。\n" * 30
REPORTS = {
    "haidian.txt": "海淀区2023年法治政府建设情况报告\n" + FILLER
                   + "海淀区推行“接诉\x1b]0;pwned\x07即办\x1b[2J”改革，群众满意率达到95%。\n"
                   + "制定《海淀区<script>alert(1)</script>公示办法》。\n"
                   + "印发《海淀区\u202e法办施实\u202c规定》。\n",
    "nanshan.txt": "南山区2024年法治政府建设情况报告\n南山区推行“企业安静期”制度，涉企检查下降18%。\n",
}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile")
    for name, text in REPORTS.items():
        (base / name).write_text(text, encoding="utf-8")
    assert main(["build", str(base / "haidian.txt"), str(base / "nanshan.txt"),
                 "--store", str(base / "s"), "--quiet"]) == 0
    return base / "s"


def dump(store: Path) -> bytes:
    with Store.open(store, read_only=True) as s:
        return b"\n".join(sorted(s.dump().splitlines()))


def run(capsys, *argv) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize("hostile", HOSTILE)
@pytest.mark.parametrize("query, param", [("adopters", "program"), ("programs", "jurisdiction"),
                                          ("documents", "type"), ("search", "text"), ("metric", "indicator"),
                                          ("evidence", "entity")])
def test_hostile_param_finds_nothing_and_changes_nothing(store, capsys, hostile, query, param):
    before = dump(store)
    status, out, err = run(capsys, "query", query, "--param", f"{param}={hostile}", "--store", str(store),
                           "--format", "json")
    if status == 0:
        assert json.loads(out) == [] and err == ""
    else:  # refused as a bad value (e.g. not a regular expression): one line, no traceback
        assert status == 1 and err.count("\n") == 1 and err.startswith("govkg: error:"), err
    assert dump(store) == before


def test_the_same_queries_do_find_the_honest_values(store, capsys):
    status, out, _ = run(capsys, "query", "adopters", "--param", "program=企业安静期", "--store", str(store),
                         "--format", "json")
    assert status == 0 and [r["jurisdiction"] for r in json.loads(out)] == ["南山区"]


@pytest.mark.parametrize("key", ['program" } #', "in_program", "program\n} UNION {"])
def test_hostile_parameter_names_are_refused_in_one_line(store, capsys, key):
    status, out, err = run(capsys, "query", "adopters", "--param", f"{key}=x", "--store", str(store))
    assert (status, out) == (1, "") and err.count("\n") == 1 and "parameter" in err


@pytest.mark.parametrize("update", [
    "DROP ALL",
    "insert data { <http://x> <http://y> <http://z> }",
    "# a comment first\nDELETE WHERE { ?s ?p ?o }",
    "PREFIX gk: <https://w3id.org/govkg/ontology#>\nCLEAR ALL",
    "BASE <http://x/> LOAD <http://example.org/data.ttl>",
])
def test_sparql_updates_are_refused_and_change_nothing(store, capsys, update):
    before = dump(store)
    status, out, err = run(capsys, "sparql", update, "--store", str(store))
    assert (status, out) == (1, "") and err.count("\n") == 1 and "Traceback" not in err, err
    assert dump(store) == before


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_terminal_controls_in_report_text_never_reach_the_terminal(store, capsys, fmt):
    status, out, _ = run(capsys, "query", "programs", "--param", "jurisdiction=海淀区", "--store", str(store),
                         "--format", fmt)
    assert status == 0 and "pwned" in out            # the text is there…
    assert not any(ord(c) < 32 and c not in "\n\r\t" for c in out)   # …but no ESC, BEL…


def test_markup_in_a_document_title_is_kept_as_text(store, capsys):
    status, out, _ = run(capsys, "query", "documents", "--store", str(store), "--format", "json")
    titles = [r["title"] for r in json.loads(out)]
    assert status == 0 and any("<script>alert(1)</script>" in t for t in titles)


def test_endpoint_page_writes_results_as_text_never_as_markup():
    page = "".join((REPO / "kg" / "serve" / name).read_text(encoding="utf-8") for name in ("page.html", "page.js"))
    assert "textContent" in page  # govkg's own page script; YASGUI's tables: tests/test_serve_browser.py
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in page


# ------------------------------------------------------------------ hardening (issue 13)
SERVICE_QUERY = "SELECT * WHERE {{ SERVICE {silent} <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"


@pytest.fixture
def listener():
    from test_serve import _Listener
    spy = _Listener()
    yield spy
    spy.close()


@pytest.mark.parametrize("silent", ["", "SILENT"])
def test_sparql_service_is_refused_in_one_line_and_nothing_is_called(store, capsys, listener, silent):
    import time
    query = SERVICE_QUERY.format(silent=silent, port=listener.port)
    status, out, err = run(capsys, "sparql", query, "--store", str(store))
    assert (status, out) == (1, "") and err.count("\n") == 1 and "SERVICE" in err and "Traceback" not in err
    time.sleep(0.3)
    assert listener.connections == 0


def test_api_sparql_and_named_queries_refuse_service(store, listener, monkeypatch):
    from kg import KnowledgeGraph
    from kg.sparql import query as named
    from kg.sparql.guard import ServiceRefused
    query = SERVICE_QUERY.format(silent="SILENT", port=listener.port)
    with KnowledgeGraph.open(store) as graph:
        with pytest.raises(ServiceRefused):
            graph.sparql(query)
        spec = named.parse_header("federated", "# title: a named query that calls out\n" + query)
        monkeypatch.setattr(named, "load_query", lambda name: spec)
        with pytest.raises(ServiceRefused):
            graph.query("federated")
    assert listener.connections == 0


def test_an_allowed_service_on_a_closed_port_is_one_line(store, capsys, monkeypatch):
    from _servers import free_port
    port = free_port()
    monkeypatch.setenv("GOVKG_ALLOW_SERVICE", f"http://127.0.0.1:{port}/sparql")
    status, out, err = run(capsys, "sparql", SERVICE_QUERY.format(silent="", port=port), "--store", str(store))
    assert (status, out) == (1, "") and err.count("\n") == 1 and "Traceback" not in err, err


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_bidi_controls_in_labels_are_made_visible(store, capsys, fmt):
    status, out, _ = run(capsys, "query", "documents", "--store", str(store), "--format", fmt)
    assert status == 0 and "\\u202e" in out            # shown as an escape…
    assert not any(c in out for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")  # …never raw
    if fmt == "json":
        assert any("\u202e" in r["title"] for r in json.loads(out))  # the value itself is unchanged


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"http://e/\",\"x\")", "+1+1", "-2+3", "@SUM(A1)"])
def test_csv_neutralises_formula_like_cells(store, capsys, cell):
    from pyoxigraph import Literal
    status, out, _ = run(capsys, "sparql", f"SELECT ?cell WHERE {{ BIND({Literal(cell)} AS ?cell) }}",
                         "--store", str(store), "--format", "csv")
    import csv
    import io
    assert status == 0 and list(csv.reader(io.StringIO(out)))[1] == ["'" + cell]


@pytest.mark.parametrize("pattern, ok", [("满意率|化解率", True), (r"\p{Han}+率", True),
                                         ("率(?=95)", False), (r"(率)\1", False), ("(率", False)])
def test_metric_regex_is_checked_by_the_engine_that_runs_it(store, capsys, pattern, ok):
    status, out, err = run(capsys, "query", "metric", "--param", f"indicator={pattern}", "--store", str(store),
                           "--format", "json")
    if ok:
        assert status == 0 and "满意率" in out, err
    else:
        assert status == 1 and err.count("\n") == 1 and "regular expression" in err and "Traceback" not in err
