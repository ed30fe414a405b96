"""The Python API and the CLI are one interface: CONTRACT.md's `KnowledgeGraph` methods exist with their
signatures, every subcommand maps to one API function (and back), and a named query gives the same rows
through `govkg query … --format json` as through `KnowledgeGraph.query`.
"""
from __future__ import annotations

import inspect
import json
from importlib import import_module

import pytest
from _mini import mini_store

from kg.cli import build_parser, main
from kg.sparql.format import to_json
from kg.graph import KnowledgeGraph
from kg.sparql.query import load_query, query_names

# CONTRACT.md "Python API": method → parameters (name → default; ... = required; "**" = **kwargs)
CONTRACT_METHODS = {
    "open": {"path": None},
    "build": {"paths": ..., "workers": 1},
    "query": {"name": ..., "params": "**"},
    "sparql": {"text": ...},
    "adopters": {"program": ...},
    "programs": {"jurisdiction": ...},
    "outcomes": {"program": None, "jurisdiction": None},
    "documents": {"jurisdiction": None, "type": None},
    "to_networkx": {},
    "export": {"format": ..., "path": ...},
}

# every `govkg` subcommand → the one API function it is a shell over ("module:qualified.name")
COMMAND_TO_API = {
    "extract": "kg.build.extract:extract_files",
    "build": "kg.graph:KnowledgeGraph.build",
    "validate": "kg.graph:KnowledgeGraph.validate",
    "remove": "kg.graph:KnowledgeGraph.remove",
    "demo": "kg.cli.demo:run_demo",
    "query": "kg.graph:KnowledgeGraph.query",
    "queries": "kg.graph:KnowledgeGraph.queries",
    "sparql": "kg.graph:KnowledgeGraph.sparql",
    "export": "kg.graph:KnowledgeGraph.export",
    "plot": "kg.graph:KnowledgeGraph.plot_diffusion",
    "serve": "kg.serve:serve",
    "concepts": "kg.graph:KnowledgeGraph.concepts",
}
SAMPLE_BY_KIND = {"programme": "承诺制标准地全代办", "jurisdiction": "泽州县", "entity": "企业安静期",
                  "regex": "率", "text": "标准地", "key": "标准地", "integer": "1"}


def resolve(target: str):
    module, _, qualname = target.partition(":")
    obj = import_module(module)
    for part in qualname.split("."):
        obj = getattr(obj, part)
    return obj


def subcommands() -> set[str]:
    parser = build_parser()
    (action,) = [a for a in parser._actions if a.dest == "command"]
    return set(action.choices)


@pytest.mark.parametrize("name", sorted(CONTRACT_METHODS))
def test_contract_method_has_its_signature(name):
    method = getattr(KnowledgeGraph, name)
    assert callable(method) and method.__doc__, name
    params = dict(inspect.signature(method).parameters)
    params.pop("self", None)
    params.pop("cls", None)
    for pname, default in CONTRACT_METHODS[name].items():
        assert pname in params, (name, pname)
        p = params[pname]
        if default == "**":
            assert p.kind is inspect.Parameter.VAR_KEYWORD
        elif default is ...:
            assert p.default is inspect.Parameter.empty, (name, pname)
        else:
            assert p.default == default, (name, pname)
    extra = [p for n, p in params.items() if n not in CONTRACT_METHODS[name]
             and p.default is inspect.Parameter.empty and p.kind not in (p.VAR_KEYWORD, p.VAR_POSITIONAL)]
    assert not extra, f"{name}: required parameters the contract does not list: {extra}"


def test_every_subcommand_has_an_api_function():
    missing = subcommands() - set(COMMAND_TO_API)
    assert not missing, f"add these subcommands to COMMAND_TO_API: {sorted(missing)}"


def test_every_api_entry_is_a_subcommand():
    stale = set(COMMAND_TO_API) - subcommands()
    assert not stale, f"no such subcommands: {sorted(stale)}"


@pytest.mark.parametrize("command", sorted(COMMAND_TO_API))
def test_api_function_exists(command):
    function = resolve(COMMAND_TO_API[command])
    assert callable(function) and function.__doc__, command


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("parity") / "store"
    store = mini_store(str(path))
    del store  # releases the writer's lock
    return str(path)


def _cli_json(capsys, *argv: str):
    assert main(list(argv)) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return json.loads(out)


@pytest.mark.parametrize("name", query_names())
def test_query_cli_gives_the_api_rows(capsys, store_dir, name):
    params = {p.name: SAMPLE_BY_KIND[p.kind] for p in load_query(name).params if p.required}
    argv = [x for k, v in params.items() for x in ("--param", f"{k}={v}")]
    cli = _cli_json(capsys, "query", name, *argv, "--format", "json", "--store", store_dir)
    with KnowledgeGraph.open(store_dir) as graph:
        api = json.loads(to_json(graph.query(name, **params)))
    assert cli == api


@pytest.mark.parametrize("method, args, name, params", [
    ("adopters", ("承诺制标准地全代办",), "adopters", {"program": "承诺制标准地全代办"}),
    ("programs", ("泽州县",), "programs", {"jurisdiction": "泽州县"}),
    ("outcomes", (), "outcomes", {}),
    ("documents", (), "documents", {}),
])
def test_helper_methods_are_their_named_queries(capsys, store_dir, method, args, name, params):
    argv = [x for k, v in params.items() for x in ("--param", f"{k}={v}")]
    cli = _cli_json(capsys, "query", name, *argv, "--format", "json", "--store", store_dir)
    with KnowledgeGraph.open(store_dir) as graph:
        rows = getattr(graph, method)(*args)
    assert rows and json.loads(to_json(rows)) == cli


def test_sparql_cli_gives_the_api_rows(capsys, store_dir):
    text = "PREFIX gk: <https://w3id.org/govkg/ontology#> SELECT ?r WHERE { ?r a gk:Report } ORDER BY ?r"
    cli = _cli_json(capsys, "sparql", text, "--format", "json", "--store", store_dir)
    with KnowledgeGraph.open(store_dir) as graph:
        assert len(cli) == 5 and cli == json.loads(to_json(graph.sparql(text)))


def test_kg_exports_its_public_names():
    import kg
    assert {"KnowledgeGraph", "GovkgError", "load_report", "list_queries", "extract_files"} <= set(kg.__all__)
    for name in kg.__all__:
        assert getattr(kg, name) is not None, name
    assert kg.KnowledgeGraph is KnowledgeGraph and issubclass(kg.ParameterError, kg.GovkgError)
    with pytest.raises(AttributeError):
        kg.no_such_name  # noqa: B018


@pytest.mark.parametrize("module", ["kg", "loaders", "kg.cli"])
def test_import_stays_light(module):
    import subprocess
    import sys
    from pathlib import Path
    code = (f"import sys, {module}; heavy = ('pyoxigraph', 'networkx', 'loaders.pipeline', 'kg.graph', "
            "'pyvis', 'tqdm'); print(sorted(m for m in sys.modules if m.startswith(heavy)))")
    done = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).resolve().parents[1],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and done.stdout.strip() == "[]", done.stdout + done.stderr
