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

__all__ = ["split_order", "plan_order", "sort_rows"]

_KEY = r"(?:\?\w+|(?:ASC|DESC)\s*\(\s*\?\w+\s*\)|\(\s*!\s*BOUND\s*\(\s*\?\w+\s*\)\s*\))"
_TAIL = re.compile(rf"\bORDER\s+BY((?:\s*{_KEY})+)\s*\Z", re.I)
_SELECT = re.compile(r"\bSELECT\s+(DISTINCT\s+|REDUCED\s+)?(.*?)\s*(?:WHERE\b|\{)", re.I | re.S)
_COMMENT = re.compile(r"(^|\s)(#[^\n]*)", re.M)          # not the # inside an IRI
_GROUPED = re.compile(r"\bGROUP\s+BY\b|\b(?:COUNT|SUM|MIN|MAX|AVG|SAMPLE|GROUP_CONCAT)\s*\(", re.I)
_XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMERIC = {_XSD + t for t in ("integer", "decimal", "double", "float", "int", "long", "short", "byte",
                               "nonNegativeInteger", "positiveInteger", "negativeInteger",
                               "nonPositiveInteger", "unsignedInt", "unsignedLong", "unsignedShort",
                               "unsignedByte")}


def _blank_comments(text: str) -> str:
    """``text`` with its comments blanked out, each character kept in place (positions still match)."""
    return _COMMENT.sub(lambda m: m.group(1) + " " * len(m.group(2)), text)


def _projected(m: re.Match) -> set[str] | None:
    """The variable names the outermost SELECT projects (``?x`` or ``(… AS ?x)``); None for ``*``."""
    head = m.group(2)
    if head.strip() == "*":
        return None
    return set(re.findall(r"AS\s+\?(\w+)\s*\)", head, re.I)) | set(re.findall(r"(?<![\w(])\?(\w+)", head))


def split_order(text: str) -> tuple[str, list[tuple[str, bool]] | None]:
    """(the query without its trailing ORDER BY, [(variable, descending)]) or (text, None) to keep it.
    A key ``(!BOUND(?x))`` is ``("!x", False)``: rows with ?x bound first.

    >>> split_order("SELECT ?a ?b WHERE { } ORDER BY DESC(?a) ?b")
    ('SELECT ?a ?b WHERE { } ', [('a', True), ('b', False)])
    >>> split_order("SELECT ?a WHERE { } ORDER BY (!BOUND(?a)) ?a")[1]
    [('!a', False), ('a', False)]
    >>> split_order("SELECT ?a WHERE { } ORDER BY ?b")[1] is None    # ?b is not selected
    True
    >>> split_order("SELECT ?a WHERE { } ORDER BY STRLEN(?a)")[1] is None
    True
    """
    text, keys, added = plan_order(text)
    if added:
        return text, None
    return text, keys


def plan_order(text: str) -> tuple[str, list[tuple[str, bool]] | None, list[str]]:
    """`split_order`, and where the ORDER BY names variables the query does not select (a label it
    sorts by), those are added to the SELECT for the sort: (text, keys, the variables added), so the
    caller drops them from the rows after sorting. Not done for DISTINCT, REDUCED or grouped queries
    (there an added variable would change the answer): those keep their ORDER BY.

    >>> plan_order("SELECT ?a WHERE { ?a <p> ?n } ORDER BY ?n ?a")
    ('SELECT ?a ?n WHERE { ?a <p> ?n } ', [('n', False), ('a', False)], ['n'])
    >>> plan_order("SELECT DISTINCT ?a WHERE { ?a <p> ?n } ORDER BY ?n")[1:]
    (None, [])
    """
    m = _TAIL.search(text.rstrip())     # the text itself: a comment after the clause keeps it in SPARQL
    if m is None:
        return text, None, []
    keys = []
    for k in re.findall(_KEY, m.group(1), re.I):
        name = re.search(r"\?(\w+)", k).group(1)
        keys.append(("!" + name, False) if "BOUND" in k.upper() else (name, k.strip().upper().startswith("DESC")))
    body = _blank_comments(text)        # comments blanked only to read the head
    head = _SELECT.search(body)
    projected = _projected(head) if head else None
    if projected is None:
        return text, None, []
    added = list(dict.fromkeys(n.lstrip("!") for n, _ in keys if n.lstrip("!") not in projected))
    if added and (head.group(1) or _GROUPED.search(body)):
        return text, None, []
    cut = text[:m.start()]
    if added:
        at = head.end(2)
        cut = cut[:at] + "".join(f" ?{n}" for n in added) + cut[at:]
    return cut, keys, added


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
        if name.startswith("!"):            # (!BOUND(?x)): bound first
            i = columns.index(name[1:])
            column = [row[i] is None for row in rows]
            order.sort(key=column.__getitem__, reverse=descending)
            continue
        i = columns.index(name)
        column = [_key(row[i]) for row in rows]
        order.sort(key=column.__getitem__, reverse=descending)
    return [rows[k] for k in order]
