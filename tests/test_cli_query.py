"""`govkg query`, `queries` and `sparql` through `main([...])`: output, exit codes, one-line errors."""
import json

import pytest
from _mini import mini_store

from kg.cli import main
from kg.sparql.query import query_names


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "store"
    store = mini_store(str(path))
    del store
    return str(path)


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_query_json(capsys, store_dir):
    code, out, err = run(capsys, "query", "adopters", "--param", "program=承诺制标准地全代办",
                         "--format", "json", "--store", store_dir)
    assert code == 0 and err == ""
    assert [(r["jurisdiction"], r["year"]) for r in json.loads(out)] == [("苏州工业园区", 2022), ("泽州县", 2024)]


def test_query_csv_and_table(capsys, store_dir):
    code, out, _ = run(capsys, "query", "shared-programs", "-p", "min=3", "-f", "csv", "--store", store_dir)
    assert code == 0 and out.splitlines()[0] == "\ufeffprogram,jurisdictions,members"  # CSV with a BOM
    assert any(line.startswith("高效办成一件事,3,") for line in out.splitlines()[1:])
    code, out, _ = run(capsys, "query", "reports", "--store", store_dir)
    assert code == 0 and out.rstrip().endswith("(5 rows)")


def test_store_from_environment(capsys, store_dir, monkeypatch):
    monkeypatch.setenv("GOVKG_STORE", store_dir)
    code, out, _ = run(capsys, "query", "jurisdictions", "-f", "json")
    assert code == 0 and len(json.loads(out)) == 11


def test_queries_lists_every_query_with_parameters(capsys):
    code, out, _ = run(capsys, "queries", "--format", "json")
    rows = {r["name"]: r for r in json.loads(out)}
    assert code == 0 and set(rows) == set(query_names())
    assert rows["shared-programs"]["parameters"] == "min=2"
    assert rows["outcomes"]["parameters"] == "[program] [exact] [jurisdiction]"


def test_sparql_text_and_file(capsys, store_dir, tmp_path):
    q = "PREFIX gk: <https://w3id.org/govkg/ontology#> SELECT ?j WHERE { ?j gk:adcode \"140525\" }"
    code, out, _ = run(capsys, "sparql", q, "-f", "json", "--store", store_dir)
    assert code == 0 and json.loads(out) == [{"j": "泽州县"}]
    (tmp_path / "q.rq").write_text(q, encoding="utf-8")
    code, out, _ = run(capsys, "sparql", f"@{tmp_path / 'q.rq'}", "-f", "csv", "--store", store_dir)
    assert code == 0 and out == "\ufeffj\n泽州县\n"


def test_sparql_ask(capsys, store_dir):
    code, out, _ = run(capsys, "sparql", "ASK { ?s ?p ?o }", "-f", "json", "--store", store_dir)
    assert code == 0 and json.loads(out) == [{"ask": True}]


@pytest.mark.parametrize("argv, message", [
    (["sparql", "DELETE WHERE { ?s ?p ?o }"], "read-only"),
    (["sparql", "INSERT DATA { <a:b> <a:c> <a:d> }"], "read-only"),
    (["sparql", "SELECT WHERE {"], "bad SPARQL"),
    (["sparql", "@/no/such/file.rq"], "/no/such/file.rq: cannot read"),
    (["query", "adopter"], "no query named 'adopter'"),
    (["query", "adopters", "--param", "colour=red"], "no parameter 'colour'"),
    (["query", "adopters", "--param", "program"], "KEY=VALUE"),
    (["query", "adopters"], "needs --param program="),
    (["query", "shared-programs", "--param", "min=many"], "'min' must be an integer"),
    (["query", "programs", "--param", "jurisdiction=苏洲"], "did you mean 苏州市"),
    (["query", "programs", "--param", "jurisdiction=城区"], "阳泉市城区 (in 阳泉市)"),
    (["query", "programs", "--param", "jurisdiction=新华街道"], "新华街道 (in 晋城市城区)"),
    (["query", "metric", "--param", "indicator=(?<=x)率"], "Oxigraph"),
])
def test_user_mistakes_are_one_line_and_exit_1(capsys, store_dir, argv, message):
    code, out, err = run(capsys, *argv, "--store", store_dir)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and err.startswith("govkg: error: ") and message in err


def test_update_leaves_the_store_alone(capsys, store_dir):
    run(capsys, "sparql", "DELETE WHERE { ?s ?p ?o }", "--store", store_dir)
    code, out, _ = run(capsys, "sparql", "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "-f", "json",
                       "--store", store_dir)
    assert json.loads(out)[0]["n"] > 0


def test_missing_store_is_one_line(capsys, tmp_path):
    code, out, err = run(capsys, "query", "reports", "--store", str(tmp_path / "none"))
    assert code == 1 and "no govkg store here" in err and "govkg build" in err


def test_bad_format_is_a_usage_error(capsys, store_dir):
    with pytest.raises(SystemExit) as exc:
        main(["query", "reports", "--format", "xml", "--store", store_dir])
    assert exc.value.code == 2


@pytest.mark.parametrize("command", ["query", "queries", "sparql"])
def test_every_command_has_help(capsys, command):
    with pytest.raises(SystemExit) as exc:
        main([command, "--help"])
    assert exc.value.code == 0 and "usage: govkg " + command in capsys.readouterr().out


def test_query_limit_and_offset_print_one_page(capsys, store_dir):
    _, whole, _ = run(capsys, "query", "reports", "-f", "json", "--store", store_dir)
    code, page, _ = run(capsys, "query", "reports", "-f", "json", "--limit", "2", "--offset", "1", "--store", store_dir)
    assert code == 0 and json.loads(page) == json.loads(whole)[1:3]
    code, _, err = run(capsys, "query", "reports", "--limit", "-1", "--store", store_dir)
    assert code == 1 and err.count("\n") == 1 and "limit must be a whole number" in err
