"""The concept layer: programme names of the whole store grouped into SKOS concepts, with the links
(kind, confidence, evidence) that group them, store-level evidence of political formulas, and a
review loop whose decisions live beside the store (`kg.concepts.decisions`).

`refresh` runs after every build (the full pass); `apply` re-resolves the stored links when only the
decisions changed; `listing` and `decide` serve `govkg concepts [accept|reject ID]`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from kg.concepts.decisions import decision_files, read_decisions, record
from kg.concepts.links import Link, propose
from kg.concepts.names import gather, light
from kg.concepts.resolve import Programme, resolve
from kg.concepts.review import rows
from kg.concepts.usage import usage
from kg.concepts.write import concept_quads, stored_links, stored_usage_quads, usage_quads, write
from kg.errors import GovkgError
from kg.summary import refresh as refresh_summary

__all__ = ["refresh", "apply", "listing", "decide", "ConceptSummary", "decision_files"]


@dataclass
class ConceptSummary:
    """What a concept pass did."""

    programmes: int = 0
    concepts: int = 0
    links: dict[str, int] = field(default_factory=dict)   # status → count
    formulas: int = 0
    warnings: list[str] = field(default_factory=list)


def _finish(store, store_path, programmes, links, extra_quads) -> ConceptSummary:
    decisions = read_decisions(store_path)
    concept = resolve(programmes, links, decisions)
    write(store, concept_quads(concept, links) + extra_quads)
    refresh_summary(store)               # graph/summary groups adopters by concept: it follows them
    counts: dict[str, int] = {}
    for link in links:
        counts[link.status] = counts.get(link.status, 0) + 1
    return ConceptSummary(len(programmes), len(set(concept.values())), counts,
                          sum(p.formula for p in programmes.values()), decisions.warnings)


def refresh(store, store_path: str | Path) -> ConceptSummary:
    """The full pass over `store`: names and contexts, links, usage, decisions, graph/concepts."""
    names = gather(store)
    links = propose(names)
    usages = {iri: usage(n) for iri, n in names.items() if n.reports}
    programmes = {iri: Programme(iri, n.label, n.jurisdictions, n.thesaurus,
                                 getattr(usages.get(iri), "role", None) == "formula") for iri, n in names.items()}
    return _finish(store, store_path, programmes, links, usage_quads(usages))


def apply(store, store_path: str | Path) -> ConceptSummary:
    """Re-resolve the links graph/concepts holds with the decisions on file (no re-reading of reports)."""
    usage_kept = stored_usage_quads(store)
    formulas = {q.subject.value for q in usage_kept if q.predicate.value.endswith("#role") and q.object.value == "formula"}
    programmes = {p: Programme(p, label, n, bundled, p in formulas) for p, (label, n, bundled) in light(store).items()}
    links = [l for l in stored_links(store) if l.rule != "researcher"]
    return _finish(store, store_path, programmes, links, usage_kept)


def listing(store, status: str | None = None) -> list[dict]:
    """The review rows (see `kg.concepts.review.rows`)."""
    return rows(store, stored_links(store), status)


def decide(store, store_path: str | Path, ident: str, accept: bool) -> dict:
    """Record a researcher's accept/reject of link `ident`, re-resolve, and return the link's row."""
    found = [l for l in stored_links(store) if l.id == ident.strip()]
    if not found:
        raise GovkgError(f"no concept link {ident!r} in the store; `govkg concepts` lists them")
    link: Link = found[0]
    verdict = ("same" if link.merges else "related") if accept else "different"
    names = {r["id"]: r for r in listing(store)}
    row = names[link.id]
    try:
        record(store_path, verdict, row["from"], row["to"], link.id,
               f"{'accepted' if accept else 'rejected'} {link.rule} link")
    except OSError as exc:
        raise GovkgError(f"{decision_files(store_path)[0]}: cannot write the decision ({exc.strerror or exc})") from None
    apply(store, store_path)
    return next(r for r in listing(store) if r["id"] == link.id)
