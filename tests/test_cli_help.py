"""`govkg` help and mistakes: every subcommand has a described `--help`; a usage mistake is one line and
exit 2; a bad file, query or parameter is one `govkg: error:`/`govkg: skipped` line per problem and exit
1 or 2; never a traceback, not even when the reader of a pipe goes away.
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from _mini import mini_store

from kg.cli import build_parser, main

REPO = Path(__file__).resolve().parents[1]
GOOD = "泉州市鲤城区2023年法治政府建设情况报告\n全面推行“企业安静期”制度，涉企检查同比下降35%。\n"


def subcommands() -> list[str]:
    (action,) = [a for a in build_parser()._actions if a.dest == "command"]
    return sorted(action.choices)


def run(capsys, argv: list[str]) -> tuple[int, str, str]:
    try:
        code = main(argv)
    except SystemExit as exc:
        code = exc.code
    out, err = capsys.readouterr()
    return code, out, err


def problem_lines(err: str) -> list[str]:
    assert "Traceback" not in err
    lines = err.splitlines()
    assert all(line.startswith(("govkg: error: ", "govkg: skipped ")) for line in lines), err
    return lines


@pytest.mark.parametrize("command", subcommands())
def test_help_exits_0_with_a_description(capsys, command):
    (choice,) = [c for c in build_parser()._subparsers._group_actions[0]._choices_actions
                 if c.dest == command]
    code, out, err = run(capsys, [command, "--help"])
    assert code == 0 and err == ""
    assert out.startswith(f"usage: govkg {command}")
    description = out.split("\n\n")[1]
    assert description.strip() and not description.startswith(("positional", "options")), out
    assert choice.help, f"`govkg --help` has no line for {command}"


def test_top_level_help_lists_every_command(capsys):
    code, out, _ = run(capsys, ["--help"])
    assert code == 0 and all(f"    {c} " in out for c in subcommands())


@pytest.mark.parametrize("argv, says", [
    ([], "COMMAND"),
    (["frob"], "'frob'"),
    (["extract"], "FILE"),
    (["query"], "NAME"),
    (["query", "reports", "--format", "xml"], "--format"),
    (["build", "x", "--workers", "0"], "--workers"),
    (["export", "html"], "-o/--output"),
    (["export", "pdf", "-o", "x.pdf"], "'pdf'"),
    (["export", "html", "-o", "x.html", "--year", "last"], "--year"),
    (["serve", "--port", "eighty"], "--port"),
    (["query", "reports", "--no-such-option"], "--no-such-option"),
])
def test_usage_mistake_is_one_line_and_exit_2(capsys, argv, says):
    code, out, err = run(capsys, argv)
    assert code == 2 and out == ""
    (line,) = problem_lines(err)
    assert line.startswith("govkg: error: ") and says in line and "--help" in line


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("help") / "store"
    store = mini_store(str(path))
    del store
    return str(path)


@pytest.fixture()
def files(tmp_path) -> Path:
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "broken.txt").write_bytes(b"\xff\xfe\x00")
    (tmp_path / "q.rq").write_text("SELECT * WHERE {", encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize("argv, names", [
    (["extract", "{d}/missing.txt"], ["missing.txt"]),
    (["extract", "{d}/empty.txt"], ["empty.txt"]),
    (["extract", "{d}/report.pdf", "{d}/broken.txt"], ["report.pdf", "broken.txt"]),
    (["extract", "{d}"], ["{d}"]),
    (["sparql", "@{d}/nothing.rq", "--store", "{s}"], ["nothing.rq"]),
    (["sparql", "@{d}/q.rq", "--store", "{s}"], ["q.rq"]),
    (["query", "reports", "--store", "{d}/no-store"], ["no-store"]),
    (["validate", "--store", "{d}/no-store"], ["no-store"]),
    (["serve", "--store", "{d}/no-store"], ["no-store"]),
    (["export", "ttl", "-o", "{d}/x.ttl", "--store", "{d}/no-store"], ["no-store"]),
    (["export", "html", "-o", "{d}/no/dir/x.html", "--store", "{s}"], ["x.html"]),
])
def test_bad_file_is_one_line_naming_it(capsys, files, store_dir, argv, names):
    argv = [a.replace("{d}", str(files)).replace("{s}", store_dir) for a in argv]
    code, _, err = run(capsys, argv)
    lines = problem_lines(err)
    assert code in (1, 2) and len(lines) == len(names), err
    for line, name in zip(lines, names):
        assert name.replace("{d}", str(files)) in line


def test_extract_keeps_going_past_a_bad_file(capsys, files):
    code, out, err = run(capsys, ["extract", str(files / "empty.txt"), str(files / "good.txt")])
    assert code == 1 and len(out.splitlines()) == 1 and '"鲤城区"' in out
    (line,) = problem_lines(err)
    assert "empty.txt" in line


def test_build_lists_each_skipped_file_once(capsys, files, tmp_path_factory):
    store = str(tmp_path_factory.mktemp("b") / "store")
    code, _, err = run(capsys, ["build", str(files / "good.txt"), str(files / "empty.txt"),
                                str(files / "broken.txt"), "--store", store, "--quiet"])
    lines = problem_lines(err)
    assert code == 1 and sorted(line.split()[2].rstrip(":").rsplit("/", 1)[-1] for line in lines) == [
        "broken.txt", "empty.txt"]
    assert all(line.startswith("govkg: skipped ") for line in lines)


@pytest.mark.parametrize("argv, says", [
    (["query", "no-such-query"], "'no-such-query'"),
    (["query", "adopters"], "program"),
    (["query", "adopters", "--param", "program=x", "--param", "colour=red"], "'colour'"),
    (["query", "adopters", "--param", "program"], "--param 'program'"),
    (["query", "shared-programs", "--param", "min=many"], "'min'"),
    (["query", "metric", "--param", "indicator=("], "'indicator'"),
    (["sparql", "SELECT * WHERE {"], "SPARQL"),
    (["sparql", "INSERT DATA { <urn:a> <urn:b> <urn:c> }"], "INSERT"),
    (["export", "html", "-o", "{d}/x.html", "--types", "planet"], "--types"),
    (["export", "html", "-o", "{d}/x.html", "--depth", "2"], "--depth"),
    (["export", "nq", "-o", "{d}/x.nq", "--year", "2023"], "--year"),
    (["remove", "nowhere.txt"], "nowhere.txt"),
])
def test_bad_query_or_parameter_is_one_line_naming_it(capsys, files, store_dir, argv, says):
    argv = [a.replace("{d}", str(files)) for a in argv] + ["--store", store_dir]
    code, _, err = run(capsys, argv)
    (line,) = problem_lines(err)
    assert code in (1, 2) and says in line, line


def test_a_closed_pipe_is_not_a_traceback():
    examples = sorted(str(p.relative_to(REPO)) for p in (REPO / "kg" / "examples").glob("*.txt"))
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(f"{sys.executable} -m kg extract {' '.join(examples * 3)} | head -c 10",
                          shell=True, cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert done.stdout == '{"source":'
    assert "Traceback" not in done.stderr and "BrokenPipe" not in done.stderr and done.stderr == ""


def test_a_multi_line_error_is_printed_as_one_line(capsys, monkeypatch):
    from kg.errors import StoreError

    def failing(paths):
        raise StoreError("http://127.0.0.1:9/sparql: HTTP 500 <html>\n<body>Internal\nerror</body>")
    monkeypatch.setattr("kg.build.extract.extract_files", failing)
    code, _, err = run(capsys, ["extract", "a.txt"])
    (line,) = problem_lines(err)
    assert code == 1 and line.endswith("HTTP 500 <html> <body>Internal error</body>")
