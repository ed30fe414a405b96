"""SPARQL text → `Rows`: runs a read-only query on the store, turns RDF terms into plain Python values.

The one interface every reader uses: a store is anything with
``query(sparql, use_default_graph_as_union=True, substitutions=None)`` answering like pyoxigraph —
`kg.store.local.Store` (on disk), `kg.store.remote.RemoteStore` (a SPARQL server) or a bare `pyoxigraph.Store`.
A `KnowledgeGraph` (anything holding a store as ``.store``) gives its store (`store_of`).

`to_python` is the package's one RDF → Python value converter (rows, networks and exports alike):
literals become str/int/float/bool, IRIs their `rdfs:label`/`skos:prefLabel` (else the IRI), unbound → None.
"""
from __future__ import annotations

import re
import weakref
from itertools import islice

from pyoxigraph import BlankNode, Literal, NamedNode
from pyoxigraph import QueryBoolean as _QueryBoolean, QuerySolutions as _QuerySolutions, QueryTriples as _QueryTriples

from kg.errors import QueryError
from kg.sparql.guard import check_services
from kg.sparql.order import plan_order, sort_rows

__all__ = ["Rows", "run_sparql", "to_python", "store_of", "select", "UNION"]

UNION = {"use_default_graph_as_union": True}
XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {XSD + t for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                               "positiveInteger", "negativeInteger", "nonPositiveInteger",
                               "unsignedInt", "unsignedLong", "unsignedShort", "unsignedByte")}
_REALS = {XSD + t for t in ("decimal", "double", "float")}
_YEARS = {XSD + "gYear"}
_PROLOG = re.compile(r"\A(?:\s+|#[^\n]*\n?|(?:PREFIX\s+[\w.-]*:\s*|BASE\s+)<[^>]*>)*", re.I)
_UPDATE = re.compile(r"(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b", re.I)
_STRINGS = {XSD + "string", "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"}
_LABEL_OF = "SELECT ?s ?l WHERE {{ VALUES ?s {{ {values} }} ?s <{predicate}> ?l }}"
_LABEL_PREDICATES = ("http://www.w3.org/2000/01/rdf-schema#label", "http://www.w3.org/2004/02/skos/core#prefLabel")
_CACHE_LIMIT = 200_000
# read-only store → IRI → label (None: has none). A read-only store never changes while open, so an
# IRI's label is looked up once per process, not once per query (labelling was half of a listing's time).
_LABEL_CACHES: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


class Rows(list):
    """A list of result rows (dicts keyed by variable name) that also knows its columns.

    >>> rows = Rows([{"a": 1, "b": None}], columns=["a", "b"])
    >>> rows.columns, rows[0]["a"]
    (['a', 'b'], 1)
    """

    def __init__(self, rows=(), columns=()):
        super().__init__(rows)
        self.columns = list(columns)

    def to_dataframe(self):
        """The rows as a `pandas.DataFrame` (needs pandas installed)."""
        try:
            import pandas
        except ImportError as exc:
            raise ImportError("Rows.to_dataframe() needs pandas: pip install pandas") from exc
        return pandas.DataFrame(list(self), columns=self.columns)


def store_of(source):
    """The store to query: ``source.store`` for a KnowledgeGraph (anything holding one), else ``source``.

    >>> import pyoxigraph
    >>> s = pyoxigraph.Store()
    >>> store_of(s) is s
    True
    """
    inner = getattr(source, "store", None)
    store = inner if inner is not None else source
    if not callable(getattr(store, "query", None)):
        raise TypeError(f"not a govkg store: {type(source).__name__} has no query()")
    return store


def select(source, sparql: str, substitutions: dict | None = None) -> list[dict]:
    """Run a SELECT over the union of all graphs; rows map variable → `to_python` value (IRIs stay IRIs).

    >>> import pyoxigraph as ox
    >>> s = ox.Store()
    >>> s.add(ox.Quad(ox.NamedNode("http://e/a"), ox.NamedNode("http://e/p"), ox.Literal(3), ox.NamedNode("http://e/g")))
    >>> select(s, "SELECT ?o WHERE { ?s ?p ?o }")
    [{'o': 3}]
    """
    results = store_of(source).query(sparql, use_default_graph_as_union=True, substitutions=substitutions)
    names = [v.value for v in results.variables]
    if type(results) is _QuerySolutions:   # a solution iterates in variable order (20 % faster than by name)
        return [dict(zip(names, map(to_python, solution))) for solution in results]
    return [{n: to_python(solution[n]) for n in names} for solution in results]


def to_python(term, labels: dict | None = None):
    """One RDF term as a plain value: numbers for numeric literals, labels for IRIs.

    >>> from pyoxigraph import Literal, NamedNode
    >>> to_python(Literal("38.6", datatype=NamedNode(XSD + "decimal")))
    38.6
    >>> to_python(Literal("100", datatype=NamedNode(XSD + "decimal"))), to_python(Literal(7))
    (100, 7)
    >>> to_python(NamedNode("https://w3id.org/govkg/id/place/140525"), {})
    'https://w3id.org/govkg/id/place/140525'
    """
    if term is None:
        return None
    kind = type(term)
    if kind is Literal:
        return _literal(term)
    if kind is NamedNode:
        return (labels or {}).get(term.value, term.value)
    if kind is BlankNode:
        return f"_:{term.value}"
    return str(term)


def _decimal(text: str):
    number = float(text)
    return int(number) if _WHOLE.fullmatch(text) else number


# datatype IRI → how its lexical form becomes a value (a failing parse keeps the text)
_PARSE = {**dict.fromkeys(_INTEGERS, int), **dict.fromkeys(_REALS, float), XSD + "decimal": _decimal,
          **dict.fromkeys(_YEARS, int), XSD + "boolean": lambda text: text in ("true", "1")}
_WHOLE = re.compile(r"[+-]?\d+")


def _literal(term):
    text = term.value
    parse = _PARSE.get(term.datatype.value)
    if parse is None:
        return text
    try:
        return parse(text)
    except ValueError:
        return text


def label_map(store, terms) -> dict[str, str]:
    """IRI → its rdfs:label (else skos:prefLabel; the smallest if several) for the IRIs among ``terms``
    that have one. Asks for rdfs:label first and skos:prefLabel only for the IRIs left without one."""
    cache = _label_cache(store)
    wanted = {t.value for t in terms if type(t) is NamedNode}
    missing = sorted(wanted - cache.keys())
    found: dict[str, str] = {}
    for predicate in _LABEL_PREDICATES:
        for start in range(0, len(missing), 500):
            values = " ".join(f"<{i}>" for i in missing[start:start + 500])
            for s, label in store.query(_LABEL_OF.format(values=values, predicate=predicate), **UNION):
                if s.value not in found or label.value < found[s.value]:
                    found[s.value] = label.value
        missing = [i for i in missing if i not in found]
    labels = {i: cache[i] for i in wanted if cache.get(i) is not None}
    labels.update(found)
    if len(cache) + len(wanted) > _CACHE_LIMIT:
        cache.clear()
    cache.update(found)
    cache.update(dict.fromkeys(missing))
    return labels


def _label_cache(store) -> dict:
    """The labels already looked up in this read-only store (a fresh dict for any other store)."""
    if getattr(store, "read_only", False) is not True:
        return {}
    try:
        return _LABEL_CACHES.setdefault(store, {})
    except TypeError:           # not weakly referenceable: no cache
        return {}


def _refuse_updates(text: str, source: str) -> None:
    body = text[_PROLOG.match(text).end():]
    if _UPDATE.match(body):
        raise QueryError(f"{source}: only read-only queries (SELECT, ASK, CONSTRUCT, DESCRIBE) are "
                         f"allowed; {_UPDATE.match(body).group(1).upper()} is an update")


def _execute(store, text: str, source: str):
    _refuse_updates(text, source)
    check_services(text, source=source)  # federation is off unless an operator allows the endpoint
    try:
        return store.query(text, **UNION)
    except (SyntaxError, QueryError) as exc:
        message = " ".join(str(exc).split()).removeprefix("bad SPARQL: ")
        raise QueryError(f"{source}: bad SPARQL: {message}") from None
    except (OSError, RuntimeError) as exc:
        raise QueryError(f"{source}: query failed: {exc}") from None


def _solutions(result, source: str, page: tuple | None = None):
    """(columns, rows of terms); (bool, None) for ASK. Results stream, so errors show up here too;
    with ``page`` (start, stop), only those rows are read."""
    if isinstance(result, _QueryBoolean):
        return bool(result), None
    try:
        if isinstance(result, _QueryTriples):
            columns, rows = ["subject", "predicate", "object"], ((t.subject, t.predicate, t.object) for t in result)
        else:
            columns = [v.value for v in result.variables]
            if type(result) is _QuerySolutions:    # a solution iterates in variable order
                rows = map(tuple, result)
            else:
                rows = (tuple(solution[c] for c in columns) for solution in result)
        return columns, list(islice(rows, *page) if page else rows)
    except (OSError, RuntimeError) as exc:  # e.g. an allowed SERVICE endpoint that does not answer
        raise QueryError(f"{source}: query failed: {' '.join(str(exc).split())}") from None


def run_sparql(store, text: str, *, labels: bool = True, source: str = "query",
               limit: int | None = None, offset: int = 0) -> Rows:
    """Run a read-only SPARQL query; SELECT → one dict per solution, ASK → [{"ask": bool}],
    CONSTRUCT/DESCRIBE → subject/predicate/object rows. Updates raise `QueryError`.

    ``limit``/``offset``: only that page of the rows (in the query's order); the rows before the page
    are skipped before they are converted, and a query without a final ORDER BY stops at its end.

    >>> import pyoxigraph
    >>> run_sparql(pyoxigraph.Store(), "SELECT (1 + 1 AS ?two) WHERE {}")
    [{'two': 2}]
    >>> run_sparql(pyoxigraph.Store(), "SELECT ?n WHERE { VALUES ?n { 3 1 2 } } ORDER BY ?n", limit=2, offset=1)
    [{'n': 2}, {'n': 3}]
    >>> run_sparql(pyoxigraph.Store(), "DELETE WHERE { ?s ?p ?o }")
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: query: only read-only queries (SELECT, ASK, CONSTRUCT, DESCRIBE) are allowed; DELETE is an update
    """
    store = store_of(store)
    text, order, added = plan_order(text)   # a final ORDER BY of variables: sorted here (kg.sparql.order)
    page = None if limit is None and not offset else (offset, None if limit is None else offset + limit)
    columns, raw = _solutions(_execute(store, text, source), source, None if order else page)
    if raw is None:
        return Rows([{"ask": columns}], columns=["ask"])
    if order:
        raw = sort_rows(columns, raw, order)
        raw = raw[page[0]:page[1]] if page else raw
    if added:                               # variables selected only to sort by
        n = len(columns) - len(added)
        columns, raw = columns[:n], [row[:n] for row in raw]
    return Rows(_converted(store, columns, raw, labels), columns)


def _converted(store, columns: list[str], raw: list[tuple], labels: bool) -> list[dict]:
    """Rows of terms → dicts of values; each distinct IRI is labelled once. Literals are converted
    cell by cell: hashing one hashes its whole text (summary strings run to tens of kilobytes)."""
    named = {t for row in raw for t in row if type(t) is NamedNode}
    names = label_map(store, named) if labels else {}
    value = {t: names.get(t.value, t.value) for t in named}
    value[None] = None

    def one(term):
        return value[term] if term is None or type(term) is NamedNode else to_python(term)
    return [dict(zip(columns, map(one, row))) for row in raw]
