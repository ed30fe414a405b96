"""RDF vocabulary constants: namespaces as pyoxigraph `NamedNode` factories (gk, prov, skos, …).

`GK` is strict: only terms declared in `ontology/govkg.ttl` exist, so a typo fails at once.
"""
from __future__ import annotations

from functools import lru_cache

from pyoxigraph import NamedNode

__all__ = ["Namespace", "GK", "RDF", "RDFS", "XSD", "SKOS", "PROV", "DCTERMS", "SCHEMA", "OA", "QB",
           "OWL", "PREFIXES", "GRAPH_ONTOLOGY", "GRAPH_THESAURUS",
           "GRAPH_PLACES", "GRAPH_PROGRAMMES", "GRAPH_DOCUMENTS", "GRAPH_CONCEPTS", "GRAPH_BUILDS",
           "SHARED_GRAPHS", "RDF_TYPE"]


class Namespace:
    """An IRI prefix; attribute or item access gives the `NamedNode` of a term (``str()`` the prefix).

    >>> SKOS.prefLabel.value
    'http://www.w3.org/2004/02/skos/core#prefLabel'
    >>> GK.Report
    <NamedNode value=https://w3id.org/govkg/ontology#Report>
    >>> GK.Reprot
    Traceback (most recent call last):
    AttributeError: gk:Reprot is not a term of the govkg ontology
    """

    def __init__(self, iri: str, terms: tuple[str, ...] | None = None):
        self._iri = iri
        self._terms = frozenset(terms) if terms is not None else None

    def __str__(self) -> str:
        return self._iri

    def __repr__(self) -> str:
        return f"Namespace({self._iri!r})"

    def __getattr__(self, name: str) -> NamedNode:
        if name.startswith("_"):
            raise AttributeError(name)
        if self._terms is not None and name not in self._terms:
            raise AttributeError(f"gk:{name} is not a term of the govkg ontology")
        node = _node(self._iri + name)
        self.__dict__[name] = node  # later lookups skip __getattr__ (the build asks millions of times)
        return node

    def __getitem__(self, name: str) -> NamedNode:
        return self.__getattr__(name)


@lru_cache(maxsize=None)
def _node(iri: str) -> NamedNode:
    return NamedNode(iri)


GK_TERMS = (
    "Report", "Jurisdiction", "Programme", "Programmes", "Adoption", "Document", "Citation", "Outcome",
    "Evidence", "kind", "year", "sourceFile", "encoding", "contentHash", "jurisdiction", "warning",
    "text", "adcode", "level", "partOf", "programmeType", "programme", "status", "evidence", "document",
    "indicator", "value", "unit", "direction", "qualifier", "documentType", "issuer", "issuedBy",
    "sentence", "spelling", "key", "province", "concept", "builtFrom", "sourceURL", "page",
)

GK = Namespace("https://w3id.org/govkg/ontology#", GK_TERMS)
RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
OWL = Namespace("http://www.w3.org/2002/07/owl#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
PROV = Namespace("http://www.w3.org/ns/prov#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
SCHEMA = Namespace("https://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")
QB = Namespace("http://purl.org/linked-data/cube#")

RDF_TYPE = RDF.type
PREFIXES = {"gk": str(GK), "rdf": str(RDF), "rdfs": str(RDFS), "xsd": str(XSD), "owl": str(OWL),
            "skos": str(SKOS), "prov": str(PROV), "dcterms": str(DCTERMS), "schema": str(SCHEMA),
            "oa": str(OA), "qb": str(QB)}

GRAPH_ONTOLOGY = "https://w3id.org/govkg/graph/ontology"
GRAPH_THESAURUS = "https://w3id.org/govkg/graph/thesaurus"
GRAPH_PLACES = "https://w3id.org/govkg/graph/places"            # every jurisdiction, described once
GRAPH_PROGRAMMES = "https://w3id.org/govkg/graph/programmes"    # every programme, described once
GRAPH_DOCUMENTS = "https://w3id.org/govkg/graph/documents"      # every document, described once
GRAPH_CONCEPTS = "https://w3id.org/govkg/graph/concepts"        # programme → concept
GRAPH_BUILDS = "https://w3id.org/govkg/graph/builds"            # one completion marker per report
# the graphs that are not report graphs (docs/data-model.md)
SHARED_GRAPHS = (GRAPH_ONTOLOGY, GRAPH_THESAURUS, GRAPH_PLACES, GRAPH_PROGRAMMES, GRAPH_DOCUMENTS,
                 GRAPH_CONCEPTS, GRAPH_BUILDS)
