"""graph/concepts: written whole in one transaction, and read back (links, usage) for the review loop.

    P gk:concept C .                                   # exactly one per programme; C gk:concept C
    L a gk:ConceptLink ; gk:linkId "L…" ; gk:linkFrom P ; gk:linkTo Q ; gk:linkKind skos:closeMatch ;
      gk:confidence 0.82 ; gk:rule "similar" ; gk:reason "…" ; gk:linkStatus "auto" .
    P skos:closeMatch Q .                              # merged links also as plain SKOS mappings
    P gk:role "formula" .   U a gk:UsageEvidence ; gk:about P ; gk:role "formula" ; gk:reportCount 5 ; …
"""
from __future__ import annotations

from pyoxigraph import Literal, NamedNode, Quad

from kg.concepts.links import Link
from kg.concepts.terms import CGK, GRAPH_CONCEPTS, link_iri, usage_iri
from kg.concepts.usage import Usage
from kg.concepts.names import run
from kg.rdf.vocab import RDF_TYPE, SKOS, XSD

__all__ = ["concept_quads", "write", "stored_links", "usage_quads"]

_G = NamedNode(GRAPH_CONCEPTS)


def _dec(x: float) -> Literal:
    return Literal(f"{x:.3f}", datatype=XSD.decimal)


def _int(x: int) -> Literal:
    return Literal(str(x), datatype=XSD.integer)


def _q(s: str, p: NamedNode, o) -> Quad:
    return Quad(NamedNode(s), p, o if isinstance(o, NamedNode | Literal) else NamedNode(o), _G)


def link_quads(link: Link) -> list[Quad]:
    """The quads of one link node (and its SKOS mapping when the link merged)."""
    node = link_iri(link.id)
    quads = [_q(node, RDF_TYPE, CGK.ConceptLink), _q(node, CGK.linkId, Literal(link.id)),
             _q(node, CGK.linkFrom, link.source), _q(node, CGK.linkTo, link.target),
             _q(node, CGK.linkKind, SKOS[link.kind]), _q(node, CGK.confidence, _dec(link.confidence)),
             _q(node, CGK.rule, Literal(link.rule)), _q(node, CGK.reason, Literal(link.reason)),
             _q(node, CGK.linkStatus, Literal(link.status))]
    if link.merges and link.status in ("auto", "accepted"):
        quads.append(_q(link.source, SKOS[link.kind], NamedNode(link.target)))
    return quads


def usage_quads(usages: dict[str, Usage]) -> list[Quad]:
    """Usage evidence nodes of the programmes with a verdict, and the role on the programme."""
    quads = []
    for programme, u in usages.items():
        if u.role is None:
            continue
        node = usage_iri(programme)
        quads += [_q(programme, CGK.role, Literal(u.role)), _q(node, RDF_TYPE, CGK.UsageEvidence),
                  _q(node, CGK.about, programme), _q(node, CGK.role, Literal(u.role)),
                  _q(node, CGK.reportCount, _int(u.reports)), _q(node, CGK.jurisdictionCount, _int(u.jurisdictions)),
                  _q(node, CGK.quotedShare, _dec(u.quoted)), _q(node, CGK.verbShare, _dec(u.verb)),
                  _q(node, CGK.openingShare, _dec(u.opening)), _q(node, CGK.reason, Literal(u.reason()))]
    return quads


def concept_quads(concept: dict[str, str], links: list[Link]) -> list[Quad]:
    """Membership of every programme and every link node."""
    quads = [_q(p, CGK.concept, c) for p, c in sorted(concept.items())]
    for link in links:
        quads += link_quads(link)
    return quads


def write(store, quads: list[Quad]) -> None:
    """Replace graph/concepts by `quads` in one transaction."""
    store.replace_graph(GRAPH_CONCEPTS, quads)


_LINKS = f"""SELECT ?from ?to ?kind ?confidence ?rule ?reason ?status WHERE {{ GRAPH <{GRAPH_CONCEPTS}> {{
  ?l a gk:ConceptLink ; gk:linkFrom ?from ; gk:linkTo ?to ; gk:linkKind ?kind ; gk:confidence ?confidence ;
     gk:rule ?rule ; gk:reason ?reason ; gk:linkStatus ?status }} }}"""


def stored_links(store) -> list[Link]:
    """The links graph/concepts holds (what the last concept pass proposed, with their statuses)."""
    rows = run(store, _LINKS)
    return [Link(r["from"].value, r["to"].value, r["kind"].value.rsplit("#", 1)[1], float(r["confidence"].value),
                 r["rule"].value, r["reason"].value, r["status"].value) for r in rows]


def stored_usage_quads(store) -> list[Quad]:
    """The usage evidence quads graph/concepts holds (kept as they are when only decisions change)."""
    rows = run(store, f"""CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{GRAPH_CONCEPTS}> {{
        {{ ?s a gk:UsageEvidence ; ?p ?o }} UNION {{ ?s gk:role ?o BIND(gk:role AS ?p) }} }} }}""")
    return [Quad(t.subject, t.predicate, t.object, _G) for t in rows]
