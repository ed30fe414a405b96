"""A parameter value → the RDF terms it stands for → a `VALUES ?in_NAME { … }` block of those terms.

Programmes match their label or any alias, jurisdictions their label, short name, alias or adcode (and
bring their sub-units), after `norm` on both sides; the comparison happens here in Python, and only
terms (IRIs found in the store, typed literals) ever reach the query text.
"""
from __future__ import annotations

import re
import unicodedata

from kg.errors import ParameterError
from kg.regex_check import regex_problem
from kg.rows import UNION

__all__ = ["norm", "bind_values", "resolve_programmes", "resolve_jurisdictions", "resolve_entities"]

_STRIP = re.compile(r"[\s、,，+＋•·・‧\-—–~～()（）\[\]【】“”‘’\"'《》〈〉<>「」]")
_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "新区", "省", "市", "县", "区", "旗", "盟")
_P = """PREFIX gk: <https://w3id.org/govkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <https://schema.org/>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""
_PROGRAMME_NAMES = _P + """SELECT DISTINCT ?s ?l WHERE {
  ?s a gk:Programme ; rdfs:label|skos:prefLabel|skos:altLabel ?l }"""
_PLACE_NAMES = _P + """SELECT DISTINCT ?s ?l WHERE {
  ?s a gk:Jurisdiction ; rdfs:label|skos:prefLabel|skos:altLabel|schema:name|gk:adcode ?l }"""
_ANY_NAMES = _P + """SELECT DISTINCT ?s ?l WHERE {
  ?s rdfs:label|skos:prefLabel|skos:altLabel|schema:name|dcterms:title|gk:adcode|gk:indicator ?l }"""
_SUBUNITS = _P + "SELECT DISTINCT ?d WHERE {{ VALUES ?j {{ {} }} ?d gk:partOf+ ?j }}"
_RELATED = _P + "SELECT DISTINCT ?r WHERE {{ VALUES ?p {{ {} }} ?p skos:related|^skos:related ?r }}"


def norm(text: str) -> str:
    """The key two spellings of one name share: NFKC, lower case, no spaces or punctuation marks.

    >>> norm("承诺制+标准地+全代办") == norm("承诺制标准地全代办") == norm("“承诺制 + 标准地 + 全代办”")
    True
    >>> norm("《法治政府建设实施纲要（2021—2025年）》")
    '法治政府建设实施纲要20212025年'
    """
    return _STRIP.sub("", unicodedata.normalize("NFKC", str(text))).lower()


def _short(name: str) -> str:
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[:-len(suffix)]
    return name


def _names(store, query: str) -> list[tuple[object, str]]:
    return [(s, l.value) for s, l in store.query(query, **UNION)]


def _iri_if_known(store, value: str):
    from pyoxigraph import NamedNode
    if not re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+", value):
        return None
    node = NamedNode(value)
    return node if next(store.quads_for_pattern(node, None, None), None) is not None else None


def _match(store, query: str, value: str, short_names: bool = False) -> list:
    if (node := _iri_if_known(store, value)) is not None:
        return [node]
    key = norm(value)
    names = _names(store, query)
    found = {s for s, label in names if norm(label) == key}
    if not found and short_names and key:
        found = {s for s, label in names if norm(_short(label)) == norm(_short(value))}
    return sorted(found, key=lambda t: t.value)


def _expand(store, template: str, nodes: list) -> list:
    if not nodes:
        return nodes
    values = " ".join(str(n) for n in nodes)
    extra = [row[0] for row in store.query(template.format(values), **UNION)]
    return sorted(set(nodes) | set(extra), key=lambda t: t.value)


def resolve_programmes(store, value: str, related: bool = False) -> list:
    """The programme IRIs whose label or any alias equals ``value`` after `norm` (plus the related ones).

    >>> import pyoxigraph
    >>> resolve_programmes(pyoxigraph.Store(), "企业安静期")
    []
    """
    found = _match(store, _PROGRAMME_NAMES, value)
    return _expand(store, _RELATED, found) if related else found


def resolve_jurisdictions(store, value: str) -> list:
    """The jurisdictions named ``value`` (label, schema:name, alias, short name or adcode) and their sub-units.

    >>> import pyoxigraph
    >>> resolve_jurisdictions(pyoxigraph.Store(), "泽州")
    []
    """
    return _expand(store, _SUBUNITS, _match(store, _PLACE_NAMES, value, short_names=True))


def resolve_entities(store, value: str) -> list:
    """Any resource whose IRI is ``value`` or whose label, alias, title or name equals it after `norm`."""
    return _match(store, _ANY_NAMES, value)


def _literal(param, value):
    from pyoxigraph import Literal
    text = str(value)
    if param.kind == "integer":
        try:
            return Literal(int(text.strip()))
        except ValueError:
            raise ParameterError(f"parameter {param.name!r} must be an integer, not {text!r}") from None
    if param.kind == "regex" and regex_problem(text):  # checked by the engine that will run it
        raise ParameterError(f"parameter {param.name!r} is not a usable regular expression: {regex_problem(text)}")
    if param.kind == "key":
        return Literal(norm(text))
    return Literal(unicodedata.normalize("NFKC", text).strip())


def bind_values(store, param, value) -> str:
    """A ``VALUES ?in_NAME { … }`` line holding the terms ``value`` stands for (none → no rows).

    >>> import pyoxigraph
    >>> from kg.query import Param
    >>> bind_values(pyoxigraph.Store(), Param("min", kind="integer"), "3")
    'VALUES ?in_min { "3"^^<http://www.w3.org/2001/XMLSchema#integer> }'
    >>> bind_values(pyoxigraph.Store(), Param("text"), 'x" } #')
    'VALUES ?in_text { "x\\\\" } #" }'
    """
    from kg.rows import oxigraph_store
    store = oxigraph_store(store)
    if param.kind == "programme":
        terms = resolve_programmes(store, str(value), related=param.related)
    elif param.kind == "jurisdiction":
        terms = resolve_jurisdictions(store, str(value))
    elif param.kind == "entity":
        terms = resolve_entities(store, str(value))
    else:
        terms = [_literal(param, value)]
    return f"VALUES ?in_{param.name} {{ {' '.join(str(t) for t in terms)} }}"
