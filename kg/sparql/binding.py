"""A parameter value → the RDF terms it stands for → a `VALUES ?in_NAME { … }` block of those terms.

Names resolve through the `gk:key` index (docs/data-model.md): ``?s gk:key "norm(value)"`` is an
index lookup, so binding costs milliseconds whatever the size of the store. Programmes bring every
programme of their concept (``gk:concept``; only the one spelt so with ``exact``), jurisdictions their
sub-units. A name that matches nothing, or several entities that a query must not pool (15 townships
called 新华街道), raises `ParameterError` naming the candidates (`kg.sparql.candidates`). Only terms (IRIs
found in the store, typed literals) ever reach the query text.
"""
from __future__ import annotations

import re
import unicodedata

from kg.sparql.candidates import ambiguous, unknown
from kg.errors import ParameterError
from kg.sparql.regex_check import regex_problem
from kg.sparql.rows import store_of

__all__ = ["norm", "bind_values", "resolve_programmes", "resolve_jurisdictions", "resolve_entities",
           "check_regex", "matching_indicators"]

_STRIP = re.compile(r"[\s、,，+＋•·・‧\-—–~～()（）\[\]【】“”‘’\"'《》〈〉<>「」]")
_P = """PREFIX gk: <https://w3id.org/govkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
# key → entity of a class, with what a candidate list shows (its label, its parent's label)
_BY_KEY = _P + """SELECT DISTINCT ?s ?k ?label ?parent WHERE {{ VALUES ?k {{ {keys} }}
  ?s gk:key ?k ; a {cls} .
  OPTIONAL {{ ?s rdfs:label ?label }} OPTIONAL {{ ?s gk:partOf/rdfs:label ?parent }} }}"""
_CONCEPT_MEMBERS = _P + """SELECT DISTINCT ?s ?member WHERE {{ VALUES ?s {{ {nodes} }}
  OPTIONAL {{ ?s gk:concept ?c . ?m gk:concept ?c }} BIND(COALESCE(?m, ?s) AS ?member) }}"""
_CONCEPT_OF = _P + """SELECT DISTINCT ?s ?concept WHERE {{ VALUES ?s {{ {nodes} }}
  OPTIONAL {{ ?s gk:concept ?c }} BIND(COALESCE(?c, ?s) AS ?concept) }}"""
_RELATED = _P + """SELECT DISTINCT ?member WHERE {{ VALUES ?p {{ {nodes} }} ?p skos:related|^skos:related ?r .
  OPTIONAL {{ ?r gk:concept ?c . ?m gk:concept ?c }} BIND(COALESCE(?m, ?r) AS ?member) }}"""
_SUBUNITS = _P + "SELECT DISTINCT ?d WHERE {{ VALUES ?j {{ {nodes} }} ?d gk:partOf+ ?j }}"
_ANCESTORS = _P + "SELECT DISTINCT ?s ?a WHERE {{ VALUES ?s {{ {nodes} }} ?s gk:partOf+ ?a }}"
# entities without a key (reports, outcomes) by exact title or indicator: still index lookups
_BY_NAME = _P + """PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT DISTINCT ?s ?k ?label WHERE {{ VALUES ?k {{ {keys} }} ?s rdfs:label|dcterms:title|gk:indicator ?k .
  BIND(?k AS ?label) }}"""
# the distinct names are in graph/summary (kg.summary): a regex over a few thousand names, not every outcome
_INDICATORS = _P + """SELECT ?i WHERE {{ GRAPH <https://w3id.org/govkg/graph/summary> {{
  <https://w3id.org/govkg/graph/summary> gk:indicatorName ?i }} FILTER(REGEX(?i, {regex})) }}"""
_KNOWN = "ASK {{ {{ {iri} ?p ?o }} UNION {{ GRAPH {iri} {{ ?s ?p ?o }} }} }}"


def _flag(param: str) -> str:
    """How a message names the parameter: `--focus` as it is, `program` as `--param program`."""
    return param if param.startswith("--") else f"--param {param}"


def norm(text: str) -> str:
    """The key two spellings of one name share: NFKC, lower case, no spaces or punctuation marks.

    >>> norm("承诺制+标准地+全代办") == norm("承诺制标准地全代办") == norm("“承诺制 + 标准地 + 全代办”")
    True
    >>> norm("《法治政府建设实施纲要（2021—2025年）》")
    '法治政府建设实施纲要20212025年'
    """
    return _STRIP.sub("", unicodedata.normalize("NFKC", str(text))).lower()


def _lit(text: str) -> str:
    from pyoxigraph import Literal
    return str(Literal(text))


def _nodes(nodes) -> str:
    return " ".join(str(n) for n in nodes)


def _rows(store, text: str) -> list:
    return list(store.query(text, use_default_graph_as_union=True))


def _iri_if_known(store, value: str):
    from pyoxigraph import NamedNode
    if not re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+", value):
        return None
    node = NamedNode(value)
    return node if bool(store.query(_KNOWN.format(iri=node), use_default_graph_as_union=True)) else None


def _place_keys(value: str) -> list[str]:
    """The keys a place name may be stored under: itself, then with or without an official suffix."""
    from loaders.gazetteer.names import suffixes
    key, ends = norm(value), suffixes("key")
    stem = next((key[:-len(s)] for s in ends if key.endswith(s) and len(key) - len(s) >= 2), key)
    return list(dict.fromkeys([key, stem, *(stem + s for s in ends)]))


def _lookup(store, keys: list[str], cls: str) -> dict:
    """entity IRI → (the first key of `keys` it matched, its label, its parents' labels)."""
    found: dict = {}
    text = (_BY_KEY if cls else _BY_NAME).format(keys=" ".join(_lit(k) for k in keys), cls=cls)
    for row in _rows(store, text):
        s, k = row["s"], row["k"].value
        label = row["label"].value if row["label"] is not None else s.value
        parent = row["parent"].value if cls and row["parent"] is not None else None
        rank = keys.index(k) if k in keys else len(keys)
        old = found.get(s)
        if old is None or rank < old[0]:
            found[s] = (rank, label, set())
        if parent:
            found[s][2].add(parent)
    return found


def _best(found: dict) -> dict:
    """Only the entities matched by the best-ranked key (the name itself before suffix variants)."""
    if not found:
        return found
    top = min(rank for rank, *_ in found.values())
    return {s: v for s, v in found.items() if v[0] == top}


def _one(store, param: str, value: str, found: dict, kind: str, chain: bool = False) -> list:
    """One entity (or, for a place, one chain of nested places: the topmost), else candidates."""
    if len(found) <= 1:
        return list(found)
    exact = [s for s, (_, label, _) in found.items() if norm(label) == norm(value)]
    if len(exact) == 1:
        return exact
    if chain:
        up = {}
        for row in _rows(store, _ANCESTORS.format(nodes=_nodes(found))):
            up.setdefault(row["s"], set()).add(row["a"])
        tops = [s for s in found if not (up.get(s, set()) & set(found))]
        if len(tops) == 1:
            return tops
    choices = sorted((label, ", ".join(sorted(parents))) for _, label, parents in found.values())
    raise ambiguous(param, value, kind, choices)


def resolve_programmes(store, value: str, related: bool = False, exact: bool = False,
                       param: str = "program") -> list:
    """The programmes ``value`` names: every member of its concept (with ``exact``, only the programmes
    spelt so), plus those related to them (``related``).

    >>> import pyoxigraph
    >>> resolve_programmes(pyoxigraph.Store(), "企业安静期")
    Traceback (most recent call last):
    ...
    kg.errors.ParameterError: --param program: no programme named '企业安静期' in the store
    """
    store = store_of(store)
    if (node := _iri_if_known(store, value)) is not None:
        found = [node]
    else:
        hits = _lookup(store, [norm(value)], "gk:Programme")
        if not hits:
            raise unknown(store, param, value, "programme", "gk:Programme", norm(value))
        found = _programme_choice(store, param, value, hits)
    if not exact:
        found = [r["member"] for r in _rows(store, _CONCEPT_MEMBERS.format(nodes=_nodes(found)))] or found
    if related:
        found += [r["member"] for r in _rows(store, _RELATED.format(nodes=_nodes(found)))]
    return sorted(set(found), key=lambda t: t.value)


def _programme_choice(store, param: str, value: str, hits: dict) -> list:
    """Programmes with one key are spellings of one name (kept together) unless they are of different
    concepts: then the one labelled exactly so, else the candidates."""
    concepts: dict = {}
    for row in _rows(store, _CONCEPT_OF.format(nodes=_nodes(hits))):
        concepts.setdefault(row["concept"], set()).add(row["s"])
    if len(concepts) <= 1:
        return list(hits)
    exact = [s for s, (_, label, _) in hits.items() if norm(label) == norm(value)]
    if len(exact) == 1:
        return exact
    choices = sorted((label, "") for _, label, _ in hits.values())
    raise ambiguous(param, value, "programme", choices)


def resolve_jurisdictions(store, value: str, param: str = "jurisdiction") -> list:
    """The jurisdiction ``value`` names (label, name, alias, short name or adcode) and its sub-units.

    >>> import pyoxigraph
    >>> resolve_jurisdictions(pyoxigraph.Store(), "泽州")
    Traceback (most recent call last):
    ...
    kg.errors.ParameterError: --param jurisdiction: no jurisdiction named '泽州' in the store
    """
    store = store_of(store)
    if (node := _iri_if_known(store, value)) is not None:
        places = [node]
    else:
        hits = _best(_lookup(store, _place_keys(value), "gk:Jurisdiction"))
        if not hits:
            raise unknown(store, param, value, "jurisdiction", "gk:Jurisdiction", norm(value))
        places = _one(store, param, value, hits, "jurisdiction", chain=True)
    below = [r["d"] for r in _rows(store, _SUBUNITS.format(nodes=_nodes(places)))]
    return sorted(set(places) | set(below), key=lambda t: t.value)


def resolve_entities(store, value: str, param: str = "entity") -> list:
    """The one resource whose IRI is ``value``, whose key is norm(value), or (reports, outcomes) whose
    title or indicator is exactly ``value``."""
    store = store_of(store)
    if (node := _iri_if_known(store, value)) is not None:
        return [node]
    hits = _lookup(store, [norm(value)], "?class")
    if hits:
        return _one(store, param, value, hits, "entity")
    facts = _lookup(store, [unicodedata.normalize("NFKC", value).strip()], "")
    if not facts:
        raise unknown(store, param, value, "entity", None, norm(value))
    return sorted(facts, key=lambda t: t.value)   # every outcome with this indicator, say: no pooling risk


def check_regex(param: str, text: str):
    """The regular expression as a literal, if Oxigraph (which runs it) accepts it; else ParameterError.

    Python's `re` and Oxigraph's regex engine disagree (look-arounds, back-references, \\p{Han}), so the
    engine that will run the pattern is the one asked.

    >>> check_regex("indicator", r"\\p{Han}+率").value
    '\\\\p{Han}+率'
    >>> check_regex("indicator", "(?<=a)b")
    Traceback (most recent call last):
    ...
    kg.errors.ParameterError: parameter 'indicator' is not a usable regular expression: the query engine (Oxigraph) cannot run it: no look-arounds or back-references, brackets must balance, and very long patterns are refused
    """
    from pyoxigraph import Literal
    problem = regex_problem(text)   # kg.sparql.regex_check: asked of Oxigraph itself
    if problem:
        raise ParameterError(f"parameter {param!r} is not a usable regular expression: {problem}")
    pattern = Literal(text)
    return pattern


def matching_indicators(store, pattern: str, param: str = "indicator") -> list:
    """The distinct indicator names the regular expression matches, found by Oxigraph (one pass over
    the names graph/summary lists; the outcomes are then index lookups). An expression Oxigraph rejects is a ParameterError.

    >>> import pyoxigraph
    >>> matching_indicators(pyoxigraph.Store(), "率$")
    []
    """
    regex = check_regex(param, pattern)
    text = _INDICATORS.format(regex=regex)
    return sorted({row["i"] for row in _rows(store_of(store), text)}, key=lambda t: t.value)


def _literal(param, value):
    from pyoxigraph import Literal
    text = str(value)
    if param.kind == "integer":
        try:
            return Literal(int(text.strip()))
        except ValueError:
            raise ParameterError(f"parameter {param.name!r} must be an integer, not {text!r}") from None
    if param.kind == "key":
        return Literal(norm(text))
    return Literal(unicodedata.normalize("NFKC", text).strip())


def truthy(param_name: str, value) -> bool:
    """A boolean parameter: true/false, yes/no, 1/0.

    >>> truthy("exact", "True"), truthy("exact", 0)
    (True, False)
    """
    text = str(value).strip().lower()
    if text in ("true", "yes", "1", "on"):
        return True
    if text in ("false", "no", "0", "off", ""):
        return False
    raise ParameterError(f"--param {param_name}: expected true or false, not {value!r}")


def bind_values(store, param, value, exact: bool = False) -> str:
    """A ``VALUES ?in_NAME { … }`` line holding the terms ``value`` stands for.

    >>> import pyoxigraph
    >>> from kg.sparql.query import Param
    >>> bind_values(pyoxigraph.Store(), Param("min", kind="integer"), "3")
    'VALUES ?in_min { "3"^^<http://www.w3.org/2001/XMLSchema#integer> }'
    >>> bind_values(pyoxigraph.Store(), Param("text"), 'x" } #')
    'VALUES ?in_text { "x\\\\" } #" }'
    """
    if param.kind == "programme":
        terms = resolve_programmes(store, str(value), related=param.related, exact=exact, param=param.name)
    elif param.kind == "jurisdiction":
        terms = resolve_jurisdictions(store, str(value), param=param.name)
    elif param.kind == "entity":
        terms = resolve_entities(store, str(value), param=param.name)
    elif param.kind == "regex":
        terms = matching_indicators(store, str(value), param=param.name)
    else:
        terms = [_literal(param, value)]
    return f"VALUES ?in_{param.name} {{ {' '.join(str(t) for t in terms)} }}"
