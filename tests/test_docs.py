"""The README tells the truth about the interface: its opening set-up commands, every `govkg COMMAND`
(and the options written after it), every named query and `queries/*.rq` file, and the API methods it
names all exist.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.cli import build_parser
from kg.graph import KnowledgeGraph
from kg.sparql.query import query_names
from kg.sparql.rows import Rows

REPO = Path(__file__).resolve().parents[1]
SETUP = ["pip install -e . && govkg demo", 'pip install -e ".[test]" && python -m pytest -q']
_FENCE = re.compile(r"^```([^\n]*)\n(.*?)^```", re.M | re.S)
_SPAN = re.compile(r"`([^`\n]+)`")
_COMMAND = re.compile(r"(?<![\w/.-])govkg ([a-z][\w-]*)")


def readme() -> str:
    return (REPO / "README.md").read_text(encoding="utf-8")


def code_lines(text: str) -> list[str]:
    """Each line of every fenced block (of a console block, the `$ ` lines), and every inline code span."""
    lines = []
    for lang, block in _FENCE.findall(text):
        lines += [line for line in block.splitlines() if lang.strip() != "console" or line.startswith("$ ")]
    prose = _FENCE.sub("", text)
    return lines + [span.replace("\\|", "|") for span in _SPAN.findall(prose)]


def commands(text: str) -> list[tuple[str, str]]:
    """(subcommand, the rest of its line up to a comment or the next command) for each `govkg X`."""
    found = []
    for line in code_lines(text):
        line = re.split(r"\s#\s", line)[0]
        matches = list(_COMMAND.finditer(line))
        for m, nxt in zip(matches, matches[1:] + [None]):
            found.append((m.group(1), line[m.end():nxt.start() if nxt else len(line)]))
    return found


def subparsers() -> dict:
    (action,) = [a for a in build_parser()._actions if a.dest == "command"]
    return action.choices


def test_readme_opens_with_the_two_setup_commands():
    text = readme()
    assert text.startswith("```sh\n"), "the README must open with a ```sh block"
    first = text.split("\n")[1:3]
    assert [re.split(r"\s+#", line)[0].rstrip() for line in first] == SETUP


def test_every_govkg_command_in_the_readme_exists():
    found = commands(readme())
    assert len(found) > 20
    unknown = sorted({c for c, _ in found} - set(subparsers()))
    assert not unknown, f"README mentions subcommands that do not exist: {unknown}"


def test_every_option_after_a_command_is_accepted_by_it():
    choices, wrong = subparsers(), []
    for command, rest in commands(readme()):
        parsers = [choices[command]] + [sub for a in choices[command]._actions  # `plot diffusion …`
                                        if isinstance(a.choices, dict) for sub in a.choices.values()
                                        if hasattr(sub, "_actions")]
        known = {o for parser in parsers for a in parser._actions for o in a.option_strings}
        wrong += [(command, o) for o in re.findall(r"(?<![\w-])--?[a-z][\w-]*", rest)
                  if o not in known]
    assert not wrong, f"README options a command does not take: {sorted(set(wrong))}"


def test_every_named_query_in_the_readme_exists():
    text = readme()
    named = {rest.split()[0] for command, rest in commands(text)
             if command == "query" and rest.split() and re.fullmatch(r"[\w-]+", rest.split()[0])}
    files = set(re.findall(r"queries/([\w-]+)\.rq", text))
    placeholders = {n for n in named | files if n.isupper()}
    missing = sorted((named | files) - placeholders - set(query_names()))
    assert named - placeholders and not missing, f"README names queries that do not exist: {missing}"
    for name in files - placeholders:
        assert (REPO / "queries" / f"{name}.rq").is_file()


def test_every_api_method_in_the_readme_exists():
    text = readme()
    methods = set(re.findall(r"`\.(\w+)\(", text)) | set(re.findall(r"\bkg\.(\w+)\(", text))
    assert "adopters" in methods
    missing = sorted(m for m in methods if not hasattr(KnowledgeGraph, m) and not hasattr(Rows, m))
    assert not missing, f"README names KnowledgeGraph methods that do not exist: {missing}"


@pytest.mark.parametrize("text, error", [
    ("```sh\npip install . && govkg demo\n```", "setup"),
    ("```sh\n" + "\n".join(SETUP) + "\n```\n`govkg frobnicate`", "command"),
])
def test_the_checks_catch_a_wrong_readme(monkeypatch, text, error):
    monkeypatch.setattr(f"{__name__}.readme", lambda: text)
    check = {"setup": test_readme_opens_with_the_two_setup_commands,
             "command": lambda: ("frobnicate", "") in commands(readme()) and
             test_every_govkg_command_in_the_readme_exists()}[error]
    with pytest.raises(AssertionError):
        check()
