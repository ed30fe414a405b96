"""The public interface of CONTRACT.md, checked from outside: `extract` JSON shape and offsets on every
bundled example (and seed, when ../shared is there), `python -m kg` = `govkg`, and the named queries'
parameters, columns and `--format json` on a store built from the examples.
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.cli import main
from kg.sparql.query import load_query, query_names
from loaders.normalise import normalise
from loaders.read import read

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = sorted(p for p in (REPO / "kg" / "examples").iterdir() if p.suffix in (".txt", ".html"))

KINDS = {"government-report", "news-article", "other"}
LEVELS = {"province", "prefecture", "county", "district", "county-city", "development-zone", "township"}
PROGRAMME_TYPES = {"institution", "reform", "mechanism", "method", "model", "service", "platform",
                   "campaign", "pilot", "brand", "team", "media"}
TOP_KEYS = {"source", "encoding", "kind", "title", "jurisdiction", "year", "published", "programs",
            "documents", "outcomes", "warnings"}

# name → (parameters: required / optional / default, columns at least), as CONTRACT.md lists them
CONTRACT_QUERIES = {
    "adopters": ({"program": "required"}, ["jurisdiction", "year", "status", "report"]),
    "programs": ({"jurisdiction": "required"}, ["program", "type", "year"]),
    "outcomes": ({"program": "optional", "jurisdiction": "optional"},
                 ["indicator", "value", "unit", "direction", "program", "jurisdiction", "year", "evidence"]),
    "documents": ({"jurisdiction": "optional", "type": "optional"}, ["title", "type", "issuer", "status"]),
    "jurisdictions": ({}, ["jurisdiction", "adcode", "level", "parent"]),
    "shared-programs": ({"min": "2"}, ["program", "jurisdictions", "members"]),
    "shared-documents": ({"min": "2"}, ["document", "reports"]),
    "reports": ({}, ["report", "title", "jurisdiction", "year", "published", "kind"]),
    "metric": ({"indicator": "required"}, ["jurisdiction", "indicator", "value", "unit", "year"]),
}
# a value per parameter kind that finds rows in the examples (a new kind must get one here)
SAMPLE_BY_KIND = {"programme": "企业安静期", "jurisdiction": "苏州市", "entity": "企业安静期",
                  "regex": "率", "text": "安静", "key": "安静", "integer": "1"}


# ---------------------------------------------------------------- extract: shape

def _is_str_list(value) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _check_mentions(mentions, where: str) -> None:
    assert isinstance(mentions, list) and mentions, where
    for m in mentions:
        assert set(m) == {"start", "end", "text"}, where
        assert isinstance(m["start"], int) and isinstance(m["end"], int) and isinstance(m["text"], str), where


def _check_jurisdiction(j) -> None:
    if j is None:
        return
    assert set(j) == {"name", "adcode", "level", "parents"}
    assert isinstance(j["name"], str) and j["name"]
    assert j["adcode"] is None or re.fullmatch(r"\d{6}", j["adcode"]), j
    assert j["level"] in LEVELS and _is_str_list(j["parents"]), j


def _check_programme(p) -> None:
    assert set(p) == {"name", "aliases", "type", "jurisdictions", "mentions"}, p
    assert isinstance(p["name"], str) and p["name"] and _is_str_list(p["aliases"])
    assert p["type"] in PROGRAMME_TYPES and _is_str_list(p["jurisdictions"]), p
    _check_mentions(p["mentions"], p["name"])


def _check_document(d) -> None:
    assert set(d) == {"title", "type", "issuer", "status", "mentions"}, d
    assert isinstance(d["title"], str) and d["title"]
    assert d["type"] is None or isinstance(d["type"], str)
    assert d["issuer"] is None or isinstance(d["issuer"], str)
    assert d["status"] in ("draft", "trial", None), d
    _check_mentions(d["mentions"], d["title"])


def _check_outcome(o) -> None:
    assert set(o) == {"indicator", "value", "unit", "direction", "qualifier", "program", "sentence",
                      "start", "end"}, o
    assert isinstance(o["indicator"], str) and isinstance(o["unit"], str) and isinstance(o["sentence"], str)
    assert isinstance(o["value"], (int, float)) and not isinstance(o["value"], bool), o
    assert o["direction"] in ("increase", "decrease", "level"), o
    assert o["qualifier"] is None or isinstance(o["qualifier"], str)
    assert o["program"] is None or isinstance(o["program"], str)
    assert isinstance(o["start"], int) and isinstance(o["end"], int) and o["start"] < o["end"], o


def check_extraction(row: dict, source: str) -> None:
    """Every key and type of one `govkg extract` object, as CONTRACT.md gives them."""
    assert set(row) == TOP_KEYS
    assert row["source"] == source and isinstance(row["encoding"], str) and row["encoding"]
    assert row["kind"] in KINDS
    assert row["title"] is None or isinstance(row["title"], str)
    _check_jurisdiction(row["jurisdiction"])
    assert row["year"] is None or (isinstance(row["year"], int) and not isinstance(row["year"], bool))
    assert row["published"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["published"]), row["published"]
    assert isinstance(row["programs"], list) and isinstance(row["documents"], list)
    assert isinstance(row["outcomes"], list) and _is_str_list(row["warnings"])
    for p in row["programs"]:
        _check_programme(p)
    for d in row["documents"]:
        _check_document(d)
    for o in row["outcomes"]:
        _check_outcome(o)


def check_offsets(row: dict, path: Path) -> None:
    """Each mention's text is text[start:end]; each outcome's span lies in its sentence, found in the text.

    An outcome's `sentence` is taken from the same-length normalised copy (full-width digits → ASCII).
    """
    text = read(path).text
    norm = normalise(text)
    assert len(norm) == len(text)
    for item in row["programs"] + row["documents"]:
        for m in item["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"], (path.name, m)
    for o in row["outcomes"]:
        figure = norm[o["start"]:o["end"]]
        assert figure and figure in o["sentence"], (path.name, o)
        first = max(0, o["end"] - len(o["sentence"]))
        at = norm.find(o["sentence"], first)
        assert 0 <= at <= o["start"] and o["end"] <= at + len(o["sentence"]), (path.name, o)


def run_extract(paths: list[Path], *prefix: str) -> list[dict]:
    """`python -m kg extract` (or `prefix`) on `paths` as a subprocess; one JSON object per line."""
    argv = list(prefix or (sys.executable, "-m", "kg")) + ["extract"] + [str(p) for p in paths]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run(argv, cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == len(paths)
    return [json.loads(line) for line in lines]


@pytest.fixture(scope="module")
def example_rows() -> list[dict]:
    paths = [p.relative_to(REPO) for p in EXAMPLES]
    return run_extract(paths)


@pytest.fixture(scope="module")
def seed_paths(shared_dir) -> list[Path]:
    seeds = sorted((shared_dir / "corpus" / "seeds").glob("*.txt"))
    if not seeds:
        pytest.skip("no seeds in ../shared/corpus/seeds")
    return seeds


def test_every_example_is_a_contract_object(example_rows):
    assert len(EXAMPLES) >= 5
    for path, row in zip(EXAMPLES, example_rows):
        check_extraction(row, str(path.relative_to(REPO)))
        assert row["jurisdiction"] is not None and row["programs"], path.name


def test_every_example_offset_points_at_its_text(example_rows):
    for path, row in zip(EXAMPLES, example_rows):
        check_offsets(row, path)


def test_every_seed_is_a_contract_object_with_true_offsets(seed_paths):
    for path, row in zip(seed_paths, run_extract(seed_paths)):
        check_extraction(row, str(path))
        check_offsets(row, path)


def test_the_checker_catches_a_broken_object(example_rows):
    row = json.loads(json.dumps(example_rows[0]))
    row["programs"][0]["type"] = "policy"
    with pytest.raises(AssertionError):
        check_extraction(row, row["source"])
    row = json.loads(json.dumps(example_rows[0]))
    row["programs"][0]["mentions"][0]["start"] += 1
    with pytest.raises(AssertionError):
        check_offsets(row, REPO / row["source"])


# ---------------------------------------------------------------- entry points

def test_govkg_script_is_python_m_kg():
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["scripts"]
    assert scripts == {"govkg": "kg.cli:main"}
    script = shutil.which("govkg")
    if script is None:
        pytest.skip("the govkg script is not installed")
    paths = [EXAMPLES[0].relative_to(REPO)]
    assert run_extract(paths, script) == run_extract(paths)


# ---------------------------------------------------------------- named queries

@pytest.fixture(scope="module")
def store(tmp_path_factory) -> str:
    from kg.graph import KnowledgeGraph
    path = tmp_path_factory.mktemp("contract") / "store"
    with KnowledgeGraph.open(path) as graph:
        summary = graph.build(EXAMPLES)
    assert summary.ok and summary.counts["reports"] == len(EXAMPLES)
    return str(path)


def _params(name: str) -> list[str]:
    argv = []
    for p in load_query(name).params:
        if p.required:
            argv += ["--param", f"{p.name}={SAMPLE_BY_KIND[p.kind]}"]
    return argv


def _run(capsys, *argv: str) -> str:
    assert main(list(argv)) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return out


# Queries that list problems: the bundled examples have none (no report without a jurisdiction).
EMPTY_ON_EXAMPLES = {"flagged"}


@pytest.mark.parametrize("name", query_names())
def test_json_is_an_array_of_objects_keyed_by_the_variables(capsys, store, name):
    rows = json.loads(_run(capsys, "query", name, *_params(name), "--format", "json", "--store", store))
    text = _run(capsys, "query", name, *_params(name), "--format", "csv", "--store", store)
    assert text.startswith("\ufeff")  # every CSV govkg writes is UTF-8 with a BOM
    header = next(csv.reader(io.StringIO(text[1:])))
    assert isinstance(rows, list) and (rows or name in EMPTY_ON_EXAMPLES), name
    for row in rows:
        assert isinstance(row, dict) and list(row) == header
        assert all(v is None or isinstance(v, (str, int, float)) for v in row.values()), row
        assert not any(isinstance(v, str) and v.startswith("https://w3id.org/govkg/") for v in row.values()), row


@pytest.mark.parametrize("name", sorted(CONTRACT_QUERIES))
def test_contract_query_has_its_parameters_and_columns(capsys, store, name):
    params, columns = CONTRACT_QUERIES[name]
    assert name in query_names()
    spec = {p.name: ("required" if p.required else p.default or "optional") for p in load_query(name).params}
    assert params.items() <= spec.items(), spec            # the contract's parameters, as declared
    assert all(spec[k] == "optional" for k in set(spec) - set(params)), spec   # added ones are optional
    text = _run(capsys, "query", name, *_params(name), "--format", "csv", "--store", store)
    assert text.startswith("\ufeff")  # every CSV govkg writes is UTF-8 with a BOM
    header = next(csv.reader(io.StringIO(text[1:])))
    assert set(columns) <= set(header), (name, header)


def test_a_program_alias_gives_the_canonical_rows(capsys, store):
    one = _run(capsys, "query", "adopters", "--param", "program=承诺制+标准地+全代办", "-f", "json", "--store", store)
    two = _run(capsys, "query", "adopters", "--param", "program=承诺制标准地全代办", "-f", "json", "--store", store)
    assert one == two


# ---------------------------------------------------------------- options the contract names

def _subparser(command: str):
    from kg.cli import build_parser
    (action,) = [a for a in build_parser()._actions if a.dest == "command"]
    return action.choices[command]


def _option(command: str, flag: str):
    (action,) = [a for a in _subparser(command)._actions if flag in a.option_strings]
    return action


@pytest.mark.parametrize("command", ["query", "sparql"])
def test_query_and_sparql_take_format_table_csv_json(command):
    assert set(_option(command, "--format").choices) == {"table", "csv", "json"}


def test_export_takes_the_contract_formats():
    (action,) = [a for a in _subparser("export")._actions if a.dest == "format"]
    assert set(action.choices) >= {"html", "ttl", "trig", "nq", "jsonld", "graphml", "gexf", "csv", "panel"}


def test_build_and_serve_take_their_contract_options():
    assert _option("build", "--workers").default == 1 and _option("build", "--store")
    assert _option("serve", "--host").default == "127.0.0.1" and _option("serve", "--port")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("tty, quiet, shown", [(True, False, True), (False, False, False), (True, True, False)])
def test_build_progress_bar_only_on_a_terminal(monkeypatch, tmp_path, tty, quiet, shown):
    stderr = _Terminal() if tty else io.StringIO()
    monkeypatch.setattr(sys, "stderr", stderr)
    monkeypatch.setattr(sys, "stdout", io.StringIO())
    argv = ["build", str(EXAMPLES[0]), str(EXAMPLES[1]), "--store", str(tmp_path / "s")]
    assert main(argv + (["--quiet"] if quiet else [])) == 0
    assert ("building" in stderr.getvalue()) is shown, stderr.getvalue()


def test_build_uses_govkg_store(monkeypatch, tmp_path, capsys):
    monkeypatch.setenv("GOVKG_STORE", str(tmp_path / "env"))
    assert main(["build", str(EXAMPLES[0]), "--quiet"]) == 0
    assert main(["query", "reports", "--format", "json"]) == 0
    assert len(json.loads(capsys.readouterr().out)) == 1 and (tmp_path / "env").is_dir()
