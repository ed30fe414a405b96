"""A query's final ``ORDER BY`` of plain variables, done in Python on the decoded rows.

Oxigraph sorts on its internal term ids and decodes both strings at every comparison (a disk lookup
for any string over 16 bytes), so ``ORDER BY ?indicator ?report`` over 2,000 rows costs more than
finding them. Once the rows are decoded a sort costs microseconds. `split_order` takes the clause off
when it is the query's last one and names only projected variables (``?x``, ``ASC(?x)``,
``DESC(?x)``); anything else (expressions, a LIMIT after it, a variable not selected) stays in SPARQL.
`sort_rows` orders as SPARQL does (unbound < blank node < IRI < literal; numbers by value, other
literals by their text, a stable sort), so the rows come out as the engine would give them.
"""
from __future__ import annotations

import re

from pyoxigraph import BlankNode, NamedNode

__all__ = ["split_order", "sort_rows"]

_KEY = r"(?:\?\w+|(?:ASC|DESC)\s*\(\s*\?\w+\s*\))"
_TAIL = re.compile(rf"\bORDER\s+BY((?:\s+{_KEY})+)\s*\Z", re.I)
_SELECT = re.compile(r"\bSELECT\s+(?:DISTINCT\s+|REDUCED\s+)?(.*?)\s*(?:WHERE\b|\{)", re.I | re.S)
_COMMENT = re.compile(r"(^|\s)#[^\n]*", re.M)          # not the # inside an IRI
_XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMERIC = {_XSD + t for t in ("integer", "decimal", "double", "float", "int", "long", "short", "byte",
                               "nonNegativeInteger", "positiveInteger", "negativeInteger",
                               "nonPositiveInteger", "unsignedInt", "unsignedLong", "unsignedShort",
                               "unsignedByte")}


def _projected(text: str) -> set[str] | None:
    """The variable names the outermost SELECT projects (``?x`` or ``(… AS ?x)``); None for ``*``."""
    m = _SELECT.search(text)
    if m is None or m.group(1).strip() == "*":
        return None
    head = m.group(1)
    return set(re.findall(r"AS\s+\?(\w+)\s*\)", head, re.I)) | set(re.findall(r"(?<![\w(])\?(\w+)", head))


def split_order(text: str) -> tuple[str, list[tuple[str, bool]] | None]:
    """(the query without its trailing ORDER BY, [(variable, descending)]) or (text, None) to keep it.

    >>> split_order("SELECT ?a ?b WHERE { } ORDER BY DESC(?a) ?b")
    ('SELECT ?a ?b WHERE { } ', [('a', True), ('b', False)])
    >>> split_order("SELECT ?a WHERE { } ORDER BY ?b")[1] is None    # ?b is not selected
    True
    >>> split_order("SELECT ?a WHERE { } ORDER BY (!BOUND(?a)) ?a")[1] is None
    True
    """
    m = _TAIL.search(text.rstrip())     # the text itself: a comment after the clause keeps it in SPARQL
    if m is None:
        return text, None
    keys = [(re.search(r"\?(\w+)", k).group(1), k.strip().upper().startswith("DESC"))
            for k in re.findall(_KEY, m.group(1), re.I)]
    projected = _projected(_COMMENT.sub(r"\1", text))      # comments stripped only to read the head
    if projected is None or any(name not in projected for name, _ in keys):
        return text, None
    return text[:m.start()], keys


def _key(term):
    """A sort key of one RDF term (None when unbound) in SPARQL's order."""
    if term is None:
        return (0, 0, "")
    if isinstance(term, BlankNode):
        return (1, 0, "")
    if isinstance(term, NamedNode):
        return (2, 0, term.value)
    if term.datatype.value in _NUMERIC:    # a literal
        try:
            return (3, 0, float(term.value))
        except ValueError:
            pass
    return (3, 1, term.value)


def sort_rows(columns: list[str], rows: list[tuple], keys: list[tuple[str, bool]]) -> list[tuple]:
    """`rows` (tuples of terms in `columns` order) sorted by `keys` [(variable, descending)], stably.

    >>> from pyoxigraph import Literal
    >>> rows = [(Literal(2), Literal("b")), (None, Literal("a")), (Literal(10), Literal("a"))]
    >>> [tuple(t and t.value for t in r) for r in sort_rows(["n", "s"], rows, [("s", False), ("n", True)])]
    [('10', 'a'), (None, 'a'), ('2', 'b')]
    """
    order = list(range(len(rows)))
    for name, descending in reversed(keys):
        i = columns.index(name)
        terms = [row[i] for row in rows]
        key = {term: _key(term) for term in set(terms)}     # each distinct term's key once
        column = list(map(key.__getitem__, terms))
        order.sort(key=column.__getitem__, reverse=descending)
    return [rows[k] for k in order]
