"""The SPARQL behind `kg.network.graph`: one query per edge kind and per node kind (docs/data-model.md).

Facts are matched inside ``GRAPH ?r { … }``, shared descriptions in their own graph, so no row repeats
per report. The anchoring VALUES sit inside each GRAPH group (and UNION branch): Oxigraph evaluates a
group on its own, so a VALUES outside it would join only after the whole group was read. No OPTIONAL
nests inside another, and evidence (which every fact has: the shapes require it) is matched as a
required pattern: an OPTIONAL of several patterns is evaluated over the whole store before it is
joined (measured on 1,000 reports: 6.5–13 s against 2–6 ms). Each text has three holes filled by `edge_query` / `node_query`: ``{s}`` / ``{o}`` (a
VALUES block anchoring the subject or object side, or nothing) and ``{year}`` (a FILTER keeping facts
of one year and undated ones, or nothing). Holes take only RDF terms written by pyoxigraph.
"""
from __future__ import annotations

__all__ = ["EDGE_KINDS", "NODE_KINDS", "SCANS", "NODE_SCANS", "WIDE", "edge_query", "node_query", "ENDS"]

PREFIXES = """PREFIX gk: <https://w3id.org/govkg/ontology#>
PREFIX gkg: <https://w3id.org/govkg/graph/>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
# edge kind → (subject node type, object node type)
ENDS = {"adopted": ("jurisdiction", "programme"), "partOf": ("jurisdiction", "jurisdiction"),
        "cites": ("report", "document"), "references": ("document", "document"),
        "reports_on": ("report", "jurisdiction"), "measures": ("outcome", "programme"),
        "about": ("outcome", "jurisdiction"), "issued_by": ("document", "jurisdiction")}

EDGE_KINDS = {
    "adopted": """SELECT ?s ?o ?a ?year ?status ?spelling ?r ?sentence ?start WHERE {{
  GRAPH ?r {{ {s} {o} ?a gk:jurisdiction ?s ; a gk:Adoption ; gk:programme ?o .
    OPTIONAL {{ ?a gk:year ?ay }} OPTIONAL {{ ?r gk:year ?ry }}
    OPTIONAL {{ ?a gk:status ?status }} OPTIONAL {{ ?a gk:spelling ?spelling }}
    ?a gk:evidence ?e . ?e gk:sentence ?sentence ; oa:start ?start }}
  BIND(COALESCE(?ay, ?ry) AS ?year) {year} }}""",
    "partOf": "SELECT ?s ?o WHERE {{ GRAPH gkg:places {{ {s} {o} ?s gk:partOf ?o }} }}",
    "cites": """SELECT ?s ?o ?sentence ?start WHERE {{
  GRAPH ?s {{ {s} {o} ?c gk:document ?o ; a gk:Citation . OPTIONAL {{ ?s gk:year ?year }}
    ?c gk:evidence ?e . ?e gk:sentence ?sentence ; oa:start ?start }} {year} }}""",
    "references": "SELECT ?s ?o WHERE {{ GRAPH gkg:documents {{ {s} {o} ?s dcterms:references ?o }} }}",
    "reports_on": """SELECT ?s ?o WHERE {{
  GRAPH ?s {{ {s} {o} ?s gk:jurisdiction ?o ; a gk:Report . OPTIONAL {{ ?s gk:year ?year }} }} {year} }}""",
    "measures": """SELECT ?s ?o WHERE {{
  GRAPH ?r {{ {s} {o} ?s gk:programme ?o ; a gk:Outcome . OPTIONAL {{ ?s gk:year ?oy }} OPTIONAL {{ ?r gk:year ?ry }} }}
  BIND(COALESCE(?oy, ?ry) AS ?year) {year} }}""",
    "about": """SELECT ?s ?o WHERE {{
  {{ GRAPH ?r {{ {s} {o} ?s gk:jurisdiction ?o ; a gk:Outcome .
       OPTIONAL {{ ?s gk:year ?oy }} OPTIONAL {{ ?r gk:year ?ry }} }} }}
  UNION {{ GRAPH ?r {{ {s} {o} ?r gk:jurisdiction ?o ; a gk:Report . ?s a gk:Outcome .
           FILTER NOT EXISTS {{ ?s gk:jurisdiction ?own }}
           OPTIONAL {{ ?s gk:year ?oy }} OPTIONAL {{ ?r gk:year ?ry }} }} }}
  BIND(COALESCE(?oy, ?ry) AS ?year) {year} }}""",
    "issued_by": "SELECT ?s ?o WHERE {{ GRAPH gkg:documents {{ {s} {o} ?s gk:issuedBy ?o }} }}",
}

# node type → literal attributes of the nodes (?n ?p ?v); `{n}` anchors, `{year}` filters
NODE_KINDS = {
    "jurisdiction": """SELECT ?n ?p ?v WHERE {{
  GRAPH gkg:places {{ {n} ?n a gk:Jurisdiction ; ?p ?v FILTER(isLiteral(?v)) }} }}""",
    # described = labelled in graph/programmes (its type may be the thesaurus's alone); attributes
    # from any graph: the thesaurus adds its spellings to a programme a report names
    "programme": """SELECT ?n ?p ?v WHERE {{ {n}
  GRAPH gkg:programmes {{ {n} ?n rdfs:label ?label }} ?n ?p ?v FILTER(isLiteral(?v)) }}""",
    "document": """SELECT ?n ?p ?v WHERE {{
  GRAPH gkg:documents {{ {n} ?n a gk:Document ; ?p ?v FILTER(isLiteral(?v)) }} }}""",
    "report": """SELECT ?n ?p ?v WHERE {{
  GRAPH ?n {{ {n} ?n a gk:Report ; ?p ?v FILTER(isLiteral(?v) && ?p != gk:text) OPTIONAL {{ ?n gk:year ?year }} }}
  {year} }}""",
    # one row per outcome (and evidence sentence), its attributes as columns (`WIDE`): one row per
    # attribute would decode the outcome, its report and its sentence again for each of them
    "outcome": """SELECT ?n ?r ?indicator ?value ?unit ?direction ?qualifier ?year ?sentence ?start WHERE {{
  GRAPH ?r {{ {n} ?n a gk:Outcome ; gk:evidence ?e . ?e gk:sentence ?sentence ; oa:start ?start .
    OPTIONAL {{ ?n gk:indicator ?indicator }} OPTIONAL {{ ?n gk:value ?value }} OPTIONAL {{ ?n gk:unit ?unit }}
    OPTIONAL {{ ?n gk:direction ?direction }} OPTIONAL {{ ?n gk:qualifier ?qualifier }}
    OPTIONAL {{ ?n gk:year ?oy }} OPTIONAL {{ ?r gk:year ?ry }} }}
  BIND(COALESCE(?oy, ?ry) AS ?year) {year} }}""",
}


def _sub(variables: str, pattern: str, graph: str = "?r", optional: bool = False) -> str:
    """One pattern as its own sub-select (in ``GRAPH graph``), so it is read with one scan."""
    return f"{'OPTIONAL ' if optional else ''}{{{{ SELECT {variables} WHERE {{{{ GRAPH {graph} {{{{ {pattern} }}}} }}}} }}}}"


def _opt(variables: str, pattern: str, graph: str = "?r") -> str:
    return _sub(variables, pattern, graph, optional=True)


_DATED = _opt("?s ?r ?oy", "?s gk:year ?oy") + " " + _opt("?r ?ry", "?r gk:year ?ry")
_EVIDENCE = "{sub} {sentence} {start}"
# the same solutions as EDGE_KINDS / NODE_KINDS for the whole store (no anchor): each pattern in its
# own sub-select, read with one scan and hash-joined. Oxigraph evaluates a group's patterns and
# OPTIONALs by looking each solution's next pattern up, which over every outcome or adoption of the
# store costs a lookup per solution and pattern (1,000 reports, outcome nodes: 64 s against 23 s).
SCANS = {
    "adopted": "SELECT ?s ?o ?a ?year ?status ?spelling ?r ?sentence ?start WHERE {{ " + " ".join([
        _sub("?a ?r", "?a a gk:Adoption"), _sub("?a ?r ?s", "?a gk:jurisdiction ?s"),
        _sub("?a ?r ?o", "?a gk:programme ?o"), _sub("?a ?r ?e", "?a gk:evidence ?e"),
        _sub("?e ?r ?sentence", "?e gk:sentence ?sentence"), _sub("?e ?r ?start", "?e oa:start ?start"),
        _opt("?a ?r ?ay", "?a gk:year ?ay"), _opt("?r ?ry", "?r gk:year ?ry"),
        _opt("?a ?r ?status", "?a gk:status ?status"), _opt("?a ?r ?spelling", "?a gk:spelling ?spelling")]) +
        " BIND(COALESCE(?ay, ?ry) AS ?year) {year} }}",
    "cites": "SELECT ?s ?o ?sentence ?start WHERE {{ " + " ".join([
        _sub("?c ?s ?o", "?c gk:document ?o", "?s"), _sub("?c ?s", "?c a gk:Citation", "?s"),
        _sub("?c ?s ?e", "?c gk:evidence ?e", "?s"), _sub("?e ?s ?sentence", "?e gk:sentence ?sentence", "?s"),
        _sub("?e ?s ?start", "?e oa:start ?start", "?s"), _opt("?s ?year", "?s gk:year ?year", "?s")]) +
        " {year} }}",
    "measures": "SELECT ?s ?o WHERE {{ " + " ".join([
        _sub("?s ?r ?o", "?s gk:programme ?o"), _sub("?s ?r", "?s a gk:Outcome"), _DATED]) +
        " BIND(COALESCE(?oy, ?ry) AS ?year) {year} }}",
    "about": "SELECT ?s ?o WHERE {{ {{ " + " ".join([
        _sub("?s ?r ?o", "?s gk:jurisdiction ?o"), _sub("?s ?r", "?s a gk:Outcome"), _DATED]) +
        " }} UNION {{ " + " ".join([
        _sub("?r ?o", "?r gk:jurisdiction ?o ; a gk:Report"), _sub("?s ?r", "?s a gk:Outcome"),
        "MINUS " + _sub("?s ?r", "?s gk:jurisdiction ?own"), _DATED]) +
        " }} BIND(COALESCE(?oy, ?ry) AS ?year) {year} }}",
}
NODE_SCANS = {
    "outcome": "SELECT ?n ?r ?indicator ?value ?unit ?direction ?qualifier ?year ?sentence ?start WHERE {{ " +
        " ".join([_sub("?n ?r", "?n a gk:Outcome"), _sub("?n ?r ?e", "?n gk:evidence ?e"),
                  _sub("?e ?r ?sentence", "?e gk:sentence ?sentence"), _sub("?e ?r ?start", "?e oa:start ?start"),
                  *[_opt(f"?n ?r ?{v}", f"?n gk:{v} ?{v}")
                    for v in ("indicator", "value", "unit", "direction", "qualifier")],
                  _opt("?n ?r ?oy", "?n gk:year ?oy"), _opt("?r ?ry", "?r gk:year ?ry")]) +
        " BIND(COALESCE(?oy, ?ry) AS ?year) {year} }}",
}
# node kinds whose query gives attributes as columns (named as the attributes), not as ?p ?v rows
WIDE = {"outcome": ("indicator", "value", "unit", "direction", "qualifier", "year")}


def _values(var: str, nodes) -> str:
    if nodes is None:
        return ""
    from pyoxigraph import NamedNode
    return f"VALUES ?{var} {{ {' '.join(str(NamedNode(n)) for n in sorted(nodes))} }}"


def _year(year: int | None) -> str:
    return "" if year is None else f"FILTER(!BOUND(?year) || ?year = {int(year)})"


def edge_query(kind: str, subjects=None, objects=None, year: int | None = None) -> str:
    """The SPARQL of one edge kind, optionally anchored on subject or object IRIs and one year.

    >>> "VALUES ?s { <http://x> }" in edge_query("partOf", subjects=["http://x"])
    True
    """
    if subjects is None and objects is None and kind in SCANS:
        return PREFIXES + SCANS[kind].format(year=_year(year))
    return PREFIXES + EDGE_KINDS[kind].format(s=_values("s", subjects), o=_values("o", objects),
                                              year=_year(year))


def node_query(kind: str, nodes=None, year: int | None = None, text: str | None = None) -> str:
    """The SPARQL describing nodes of one type (all of them, or the IRIs given).

    >>> "GRAPH gkg:places" in node_query("jurisdiction")
    True
    """
    if text is None and nodes is None and kind in NODE_SCANS:
        return PREFIXES + NODE_SCANS[kind].format(year=_year(year))
    template = text if text is not None else NODE_KINDS[kind]
    return PREFIXES + template.format(n=_values("n", nodes), year=_year(year))
