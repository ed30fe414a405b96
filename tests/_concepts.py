"""The concept corpus (tests/data/concepts) and its gold: variant families and false friends, and the
merge figures of a built store against them."""
from __future__ import annotations

import itertools
import shutil
from dataclasses import dataclass
from pathlib import Path

from kg.rdf import iri
from kg.concepts.terms import GRAPH_CONCEPTS

CORPUS = Path(__file__).parent / "data" / "concepts"


def gold() -> tuple[list[list[str]], list[tuple[str, str]]]:
    """(families, false-friend pairs) from gold.tsv."""
    families, apart = [], []
    for line in (CORPUS / "gold.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, names = line.split("\t")
        (families.append(names.split("|")) if kind == "same" else apart.append(tuple(names.split("|"))))
    return families, apart


def copy_reports(to: Path) -> Path:
    """A copy of the corpus's report files in `to` (tests that delete or edit files use it)."""
    shutil.copytree(CORPUS / "reports", to)
    return to


def concept_map(kg) -> dict[str, str]:
    """programme IRI → concept IRI, straight from graph/concepts."""
    rows = kg.store.inner.query(f"SELECT ?p ?c WHERE {{ GRAPH <{GRAPH_CONCEPTS}> "
                                f"{{ ?p <https://w3id.org/govkg/ontology#concept> ?c }} }}")
    return {r["p"].value: r["c"].value for r in rows}


def concept_of(kg, name: str) -> str | None:
    return concept_map(kg).get(iri.programme(name))


@dataclass
class Figures:
    precision: float
    recall: float
    merged_pairs: int
    false_merges: list[tuple[str, str]]
    missed: list[tuple[str, str]]
    friends_merged: list[tuple[str, str]]
    absent: list[str]


def figures(concept: dict[str, str]) -> Figures:
    """Pairwise merge precision and recall over every gold name, against the gold families."""
    families, apart = gold()
    names = sorted({n for f in families for n in f} | {n for p in apart for n in p})
    of = {n: concept.get(iri.programme(n)) for n in names}
    same = {frozenset(p) for f in families for p in itertools.combinations(f, 2)}
    merged = [p for p in itertools.combinations(names, 2) if of[p[0]] and of[p[0]] == of[p[1]]]
    false = [p for p in merged if frozenset(p) not in same]
    missed = [tuple(p) for p in same if not of[min(p)] or of[min(p)] != of[max(p)]]
    return Figures(precision=(len(merged) - len(false)) / max(1, len(merged)),
                   recall=(len(same) - len(missed)) / len(same), merged_pairs=len(merged),
                   false_merges=false, missed=sorted(missed),
                   friends_merged=[p for p in apart if of[p[0]] and of[p[0]] == of[p[1]]],
                   absent=[n for n in names if of[n] is None])
