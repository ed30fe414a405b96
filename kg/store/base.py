"""The one store interface: what every govkg store does, written once over the few primitives that the
embedded store (`kg.store.local.Store`) and a SPARQL server (`kg.store.remote.RemoteStore`) implement.

Primitives each implementation provides:
  ``query(sparql, use_default_graph_as_union=True, substitutions=None, prefixes=None)`` → pyoxigraph's
  result types (`QueryError` "bad SPARQL: …" for a query the store rejects);
  ``update(sparql)`` (one SPARQL update, one transaction); ``replace_graph(graph, quads, marker=None)``;
  ``write_batch(drop, shared, graphs, markers)``; ``remove_report(iri)``; ``triple_count()``;
  ``dump(output=None, format=N_QUADS, *, from_graph=None, prefixes=None)``; ``close()``.
Written here once: `reports`, `counts`, `replace_report`, `unfinished`, `delete_subjects`,
`load_vocabulary`, `union_triples`, `flush` (a no-op unless the store has logs to write out) and the
context manager. Readers use only these names; none
reaches for what is underneath.
"""
from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from kg.rdf.vocab import (GK, GRAPH_BUILDS, GRAPH_DOCUMENTS, GRAPH_ONTOLOGY, GRAPH_PLACES, GRAPH_PROGRAMMES,
                          GRAPH_THESAURUS, SHARED_GRAPHS)

__all__ = ["StoreBase", "COUNTED", "REPORTS_QUERY", "COUNTS_QUERY", "count_entities", "graph_triples",
           "delete_subjects_update", "unmark_update", "VOCABULARY"]

# what `counts()` reports, by class: reports by their markers, shared entities in their graphs,
# facts in the report graphs (an unmarked graph, left by a stopped build, lives only until the next build)
COUNTED = {"reports": "Report", "jurisdictions": "Jurisdiction", "programmes": "Programme",
           "adoptions": "Adoption", "documents": "Document", "citations": "Citation",
           "outcomes": "Outcome", "evidence": "Evidence"}
VOCABULARY = ((GRAPH_ONTOLOGY, "govkg.ttl"), (GRAPH_THESAURUS, "programmes.ttl"))
REPORTS_QUERY = (f"SELECT ?r ?f ?h WHERE {{ GRAPH <{GRAPH_BUILDS}> {{ ?r gk:builtFrom ?h }} "
                 "GRAPH ?r { ?r gk:sourceFile ?f } }")
COUNTS_QUERY = f"""SELECT ?c (COUNT(?x) AS ?n) WHERE {{
  {{ GRAPH <{GRAPH_BUILDS}> {{ ?x gk:builtFrom ?h }} BIND(gk:Report AS ?c) }}
  UNION {{ GRAPH <{GRAPH_PLACES}> {{ ?x a gk:Jurisdiction }} BIND(gk:Jurisdiction AS ?c) }}
  UNION {{ GRAPH <{GRAPH_PROGRAMMES}> {{ ?x <http://www.w3.org/2000/01/rdf-schema#label> ?l }} BIND(gk:Programme AS ?c) }}
  UNION {{ GRAPH <{GRAPH_DOCUMENTS}> {{ ?x a gk:Document }} BIND(gk:Document AS ?c) }}
  UNION {{ VALUES ?c {{ gk:Adoption gk:Citation gk:Outcome gk:Evidence }} GRAPH ?g {{ ?x a ?c }} }}
}} GROUP BY ?c"""
_GRAPHS_QUERY = "SELECT ?g WHERE { GRAPH ?g { } }"
_UNION_QUERY = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
_PREFIXES = {"gk": str(GK)}
_SUBJECTS_PER_UPDATE = 500


def count_entities(rows) -> dict[str, int]:
    """`COUNTS_QUERY` rows → the counts dict (every key of `COUNTED`, 0 where absent)."""
    found = {row["c"].value.rsplit("#", 1)[1]: int(row["n"].value) for row in rows}
    return {key: found.get(cls, 0) for key, cls in COUNTED.items()}


def delete_subjects_update(graph: str, subjects: list[str]) -> str:
    """The SPARQL update removing every statement about `subjects` from `graph`."""
    values = " ".join(f"<{s}>" for s in subjects)
    return (f"DELETE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} WHERE {{ VALUES ?s {{ {values} }} "
            f"GRAPH <{graph}> {{ ?s ?p ?o }} }}")


def unmark_update(reports: list[str]) -> str:
    """The update removing these reports' completion markers."""
    return " ;\n".join(f"DELETE WHERE {{ GRAPH <{GRAPH_BUILDS}> {{ <{r}> ?p ?o }} }}" for r in reports)


def graph_triples(graph: str, quads: Iterable[ox.Quad]) -> list[str]:
    """The quads of one named graph as N-Triples lines; a quad of another graph is a bug.

    >>> g = "https://w3id.org/govkg/id/report/x"
    >>> q = ox.Quad(ox.NamedNode("a:s"), ox.NamedNode("a:p"), ox.Literal("o"), ox.NamedNode(g))
    >>> graph_triples(g, [q])
    ['<a:s> <a:p> "o" .']
    """
    name = ox.NamedNode(graph)
    lines = []
    for q in quads:
        if q.graph_name != name:
            raise ValueError(f"quad {q} is not in graph <{graph}>")
        lines.append(f"{q.subject} {q.predicate} {q.object} .")
    return lines


class StoreBase:
    """The store interface; subclasses implement the primitives listed in the module docstring."""

    remote = False   # True for a SPARQL server (its default graph is the server's to configure)

    def reports(self) -> dict[str, tuple[str, str]]:
        """Every complete (marked) report: IRI → (sourceFile, contentHash)."""
        return {row["r"].value: (row["f"].value, row["h"].value)
                for row in self.query(REPORTS_QUERY, prefixes=_PREFIXES)}

    def counts(self) -> dict[str, int]:
        """Marked reports, shared entities (each once) and facts in the report graphs, and all triples."""
        counts = count_entities(self.query(COUNTS_QUERY, prefixes=_PREFIXES))
        counts["triples"] = self.triple_count()
        return counts

    def replace_report(self, report_iri: str, quads: Iterable[ox.Quad]) -> None:
        """Replace the report's named graph by `quads` and mark it complete (its content hash)."""
        quads = list(quads)
        digest = next((q.object.value for q in quads if q.predicate == GK.contentHash), "")
        self.replace_graph(report_iri, quads, marker=digest)

    def unfinished(self) -> list[str]:
        """Report graphs without a completion marker (a build was stopped mid-batch)."""
        marked = set(self.reports())
        return sorted(g for g in (row["g"].value for row in self.query(_GRAPHS_QUERY))
                      if g not in SHARED_GRAPHS and g != GRAPH_BUILDS and g not in marked)

    def delete_subjects(self, graph: str, subjects: list[str]) -> None:
        """Remove every statement about `subjects` from shared graph `graph` (`build --prune`)."""
        for i in range(0, len(subjects), _SUBJECTS_PER_UPDATE):
            self.update(delete_subjects_update(graph, subjects[i:i + _SUBJECTS_PER_UPDATE]))

    def flush(self) -> None:
        """Write out what recent updates hold in memory (a server keeps its own: nothing to do)."""

    def load_vocabulary(self) -> None:
        """(Re)load the ontology and the thesaurus (where shipped) into their graphs."""
        from kg.resources import has_ontology_file, ontology_text
        for graph, filename in VOCABULARY:
            if not has_ontology_file(filename):
                continue
            name = ox.NamedNode(graph)
            triples = ox.parse(ontology_text(filename), ox.RdfFormat.TURTLE)
            self.replace_graph(graph, (ox.Quad(t.subject, t.predicate, t.object, name) for t in triples))

    def union_triples(self) -> bytes:
        """Every distinct triple of the union of the graphs, as N-Triples (what SHACL validates)."""
        return self.query(_UNION_QUERY).serialize(format=ox.RdfFormat.N_TRIPLES) or b""

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.close()
