"""What a SPARQL server sends back, turned into pyoxigraph's own result objects; and the small query
rewrites a remote store needs (prefixes, substitutions as VALUES, quad patterns). Terms are written
in N-Triples syntax by pyoxigraph itself, never formatted from raw strings.
"""
from __future__ import annotations

__all__ = ["parse_answer", "with_prefixes", "with_values", "quads_query"]


def parse_answer(media_type: str, body: bytes):
    """SPARQL results (JSON/XML) → QuerySolutions/QueryBoolean; RDF (N-Triples/Turtle) → QueryTriples.

    >>> parse_answer("application/sparql-results+json", b'{"head":{},"boolean":true}')
    <QueryBoolean true>
    >>> [str(t.object) for t in parse_answer("application/n-triples", b'<http://a> <http://b> "c" .')]
    ['"c"']
    """
    import pyoxigraph as ox
    media = media_type.split(";")[0].strip().lower()
    results = {"application/sparql-results+json": ox.QueryResultsFormat.JSON,
               "application/json": ox.QueryResultsFormat.JSON,
               "application/sparql-results+xml": ox.QueryResultsFormat.XML}
    if media in results:
        return ox.parse_query_results(body, format=results[media])
    graphs = {"application/n-triples": ox.RdfFormat.N_TRIPLES, "text/plain": ox.RdfFormat.N_TRIPLES,
              "text/turtle": ox.RdfFormat.TURTLE, "application/rdf+xml": ox.RdfFormat.RDF_XML}
    if media not in graphs:
        raise OSError(f"the server answered with {media_type or 'no Content-Type'}, not SPARQL results")
    # a real QueryTriples, so callers that test isinstance(…, QueryTriples) treat it as one
    holder = ox.Store()
    holder.extend(ox.Quad(t.subject, t.predicate, t.object) for t in ox.parse(body, graphs[media]))
    return holder.query("CONSTRUCT WHERE { ?s ?p ?o }")


def with_prefixes(sparql: str, prefixes: dict[str, str] | None) -> str:
    """Prepend PREFIX declarations (pyoxigraph's `prefixes=` option, done in the text).

    >>> with_prefixes("ASK {}", {"gk": "https://w3id.org/govkg/ontology#"})
    'PREFIX gk: <https://w3id.org/govkg/ontology#>\\nASK {}'
    """
    import pyoxigraph as ox
    head = "".join(f"PREFIX {name}: {ox.NamedNode(iri)}\n" for name, iri in (prefixes or {}).items())
    return head + sparql


def with_values(sparql: str, substitutions: dict | None) -> str:
    """Bind variables with a trailing VALUES clause (close to pyoxigraph's `substitutions=`).

    >>> import pyoxigraph as ox
    >>> with_values("SELECT ?x WHERE { ?x ?p ?o }", {ox.Variable("x"): ox.NamedNode("http://a")})
    'SELECT ?x WHERE { ?x ?p ?o }\\nVALUES (?x) { (<http://a>) }'
    """
    if not substitutions:
        return sparql
    names = " ".join(str(v) for v in substitutions)
    terms = " ".join(str(t) for t in substitutions.values())
    return f"{sparql}\nVALUES ({names}) {{ ({terms}) }}"


def quads_query(subject=None, predicate=None, object=None, graph_name=None) -> str:  # noqa: A002
    """A SELECT over named graphs for one quad pattern; unbound positions become ?s ?p ?o ?g.

    >>> import pyoxigraph as ox
    >>> quads_query(ox.NamedNode("http://a"))
    'SELECT * WHERE { GRAPH ?g { <http://a> ?p ?o } }'
    """
    s, p, o, g = (str(t) if t is not None else f"?{v}"
                  for t, v in ((subject, "s"), (predicate, "p"), (object, "o"), (graph_name, "g")))
    return f"SELECT * WHERE {{ GRAPH {g} {{ {s} {p} {o} }} }}"
