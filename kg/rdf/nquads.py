"""N-Quads lines written directly as text (the build's hot path: no RDF term objects per quad).

One value converter for the data model (`term`): int → xsd:integer, float → xsd:decimal in its
shortest plain form, str → a plain literal; IRIs as given. Lines parse back to the same quads.
"""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from pyoxigraph import Literal, NamedNode

__all__ = ["term", "iri", "line", "parse_lines"]

_XSD = "http://www.w3.org/2001/XMLSchema#"
_ESCAPE = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


@lru_cache(maxsize=4096)
def iri(value: str) -> str:
    """`<value>`: an IRI term (values are minted by kg/rdf/iri.py or come from the vocabulary).

    >>> iri("https://w3id.org/govkg/id/place/140302")
    '<https://w3id.org/govkg/id/place/140302>'
    """
    return f"<{value}>"


def term(value: object) -> str:
    """The N-Triples form of a value: a `NamedNode`/`Literal` as it is, int, float or str as a literal.

    >>> term(3), term(38.60), term(1200.0), term('他说"好"')
    ('"3"^^<http://www.w3.org/2001/XMLSchema#integer>', '"38.6"^^<http://www.w3.org/2001/XMLSchema#decimal>', '"1200"^^<http://www.w3.org/2001/XMLSchema#decimal>', '"他说\\\\"好\\\\""')
    """
    if isinstance(value, str):
        return '"' + value.translate(_ESCAPE) + '"'
    if isinstance(value, bool):
        raise TypeError("no boolean literals in the data model")
    if isinstance(value, int):
        return f'"{value}"^^<{_XSD}integer>'
    if isinstance(value, float):
        return f'"{format(Decimal(repr(value)).normalize(), "f")}"^^<{_XSD}decimal>'
    if isinstance(value, NamedNode):
        return iri(value.value)
    if isinstance(value, Literal):
        return str(value)
    raise TypeError(f"no RDF term for {type(value).__name__}")


def line(s: str, p: str, o: str, g: str) -> str:
    """One N-Quads line from four terms in N-Triples form."""
    return f"{s} {p} {o} {g} .\n"


def parse_lines(lines) -> list:
    """The quads of N-Quads lines (for tests and validation; the build hands bytes on unparsed).

    >>> [q.object.value for q in parse_lines([line(iri("http://s"), iri("http://p"), term(1), iri("http://g"))])]
    ['1']
    """
    from pyoxigraph import RdfFormat, parse
    return list(parse("".join(lines), RdfFormat.N_QUADS))
