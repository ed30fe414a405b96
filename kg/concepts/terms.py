"""The concept layer's RDF terms: graph name, link and usage node IRIs, and the gk: terms it writes.

The terms are declared in `ontology/govkg.ttl` (a test checks that every one is); `CGK` is strict
like `kg.rdf.vocab.GK`, so a typo fails at once.
"""
from __future__ import annotations

import hashlib

from kg.rdf.vocab import GK, GK_TERMS, GRAPH_CONCEPTS, Namespace

__all__ = ["CGK", "CONCEPT_TERMS", "GRAPH_CONCEPTS", "link_id", "link_iri", "usage_iri"]

CONCEPT_TERMS = ("concept", "ConceptLink", "UsageEvidence", "linkId", "linkFrom", "linkTo", "linkKind",
                 "confidence", "rule", "reason", "linkStatus", "role", "about", "reportCount",
                 "jurisdictionCount", "verbShare", "openingShare", "quotedShare")

CGK = Namespace(str(GK), GK_TERMS + CONCEPT_TERMS)
_ID = "https://w3id.org/govkg/id/"


def link_id(a: str, b: str) -> str:
    """The stable id of the link between two programme IRIs (order does not matter).

    >>> link_id("x:a", "x:b") == link_id("x:b", "x:a"), link_id("x:a", "x:b")[:1], len(link_id("x:a", "x:b"))
    (True, 'L', 9)
    """
    first, second = sorted((a, b))
    return "L" + hashlib.sha1(f"{first} {second}".encode()).hexdigest()[:8]


def link_iri(ident: str) -> str:
    """The IRI of a link node.

    >>> link_iri("L12345678")
    'https://w3id.org/govkg/id/link/L12345678'
    """
    return f"{_ID}link/{ident}"


def usage_iri(programme: str) -> str:
    """The IRI of a programme's usage evidence node (how reports use the name across the store)."""
    return f"{_ID}usage/{hashlib.sha1(programme.encode()).hexdigest()[:12]}"
