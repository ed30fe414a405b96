"""`govkg demo`: build the bundled example reports into a store and answer a few questions."""
from __future__ import annotations

from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from kg.graph import KnowledgeGraph
from kg.resources import examples_dir

__all__ = ["run_demo", "DEMO_QUESTIONS"]

_PREFIX = "PREFIX gk: <https://w3id.org/govkg/ontology#>\nPREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
DEMO_QUESTIONS = {
    "programmes and how many jurisdictions run them": _PREFIX + """
        SELECT ?programme (COUNT(DISTINCT ?j) AS ?jurisdictions) WHERE {
          ?a a gk:Adoption ; gk:programme ?p ; gk:jurisdiction ?j . ?p skos:prefLabel ?programme }
        GROUP BY ?programme ORDER BY DESC(?jurisdictions) ?programme LIMIT 5""",
    "outcomes the reports claim": _PREFIX + """
        SELECT DISTINCT ?jurisdiction ?indicator ?value ?unit ?direction WHERE {
          ?o a gk:Outcome ; gk:indicator ?indicator ; gk:value ?value ; gk:direction ?direction .
          OPTIONAL { ?o gk:unit ?unit }
          OPTIONAL { ?o gk:jurisdiction/skos:prefLabel ?jurisdiction } }
        ORDER BY ?jurisdiction ?indicator LIMIT 5""",
}


def run_demo(kg: KnowledgeGraph, html: str | Path | None = "graph.html") -> Iterator[str]:
    """Build the examples into `kg`, yield lines to print, and write the network page to `html`.

    >>> import tempfile
    >>> with KnowledgeGraph.open(tempfile.mkdtemp() + "/demo") as kg:
    ...     lines = list(run_demo(kg, html=None))
    >>> lines[0].startswith("built ") and "reports (0 unchanged)" in lines[0]
    True
    """
    with resources.as_file(examples_dir()) as folder:
        summary = kg.build(sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".html")))
    yield summary.line() + f" into {kg.path}"
    for question, sparql in DEMO_QUESTIONS.items():
        yield ""
        yield question + ":"
        for row in kg.sparql(sparql):
            yield "  " + "  ".join("" if v is None else str(v) for v in row.values())
    if html is not None:
        from kg.export import write_demo_page
        page = write_demo_page(kg, html)
        yield ""
        yield f"network page: {page} (open it in a browser; it works offline)"
    yield ""
    yield f"try: govkg query adopters --param program=企业安静期 --store {kg.path}"
    yield f"     govkg sparql 'SELECT * WHERE {{ ?s ?p ?o }} LIMIT 10' --store {kg.path}"
