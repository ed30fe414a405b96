"""The offline query page served at `/`: YASGUI (bundled, inlined) over the endpoint, a form for each
named query's parameters (from the `queries/*.rq` headers) and a result view that shows labels.

Every piece of text put into the page is escaped for where it goes (HTML text, attribute, JSON or
JavaScript inside a script element).
"""
from __future__ import annotations

import functools
import html
import json
import re
from importlib import resources

__all__ = ["render_page", "named_examples", "YASGUI_VERSION"]

YASGUI_VERSION = "@zazuko/yasgui 4.6.2"
DEFAULT_QUERY = """PREFIX gk: <https://w3id.org/govkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?report ?title ?jurisdiction ?year WHERE {
  GRAPH ?report { ?report a gk:Report ; gk:jurisdiction ?jurisdiction .
                  OPTIONAL { ?report gk:year ?year } OPTIONAL { ?report rdfs:label ?title } }
}
ORDER BY ?year
LIMIT 20"""
PREFIXES = {"gk": "https://w3id.org/govkg/ontology#", "id": "https://w3id.org/govkg/id/",
            "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "skos": "http://www.w3.org/2004/02/skos/core#",
            "prov": "http://www.w3.org/ns/prov#", "dcterms": "http://purl.org/dc/terms/",
            "xsd": "http://www.w3.org/2001/XMLSchema#", "oa": "http://www.w3.org/ns/oa#",
            "schema": "https://schema.org/", "qb": "http://purl.org/linked-data/cube#"}
_P = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())
# a parameter value → the resources it names: gk:key (data model v2) or an exact label (v1 stores)
LOOKUPS = {
    "programme": _P + "SELECT DISTINCT ?s WHERE { { ?s gk:key KEY } UNION "
                      "{ ?s rdfs:label|skos:prefLabel|skos:altLabel VALUE } ?s a gk:Programme }",
    "jurisdiction": _P + "SELECT DISTINCT ?s WHERE { { ?top gk:key KEY } UNION "
                         "{ ?top rdfs:label|skos:prefLabel|skos:altLabel|schema:name|gk:adcode VALUE } "
                         "?top a gk:Jurisdiction . ?s gk:partOf* ?top }",
    "entity": _P + "SELECT DISTINCT ?s WHERE { { ?s gk:key KEY } UNION { ?s rdfs:label|skos:prefLabel|"
                   "skos:altLabel|schema:name|dcterms:title|gk:adcode|gk:indicator VALUE } }",
}
LABELS = _P + ("SELECT ?s ?l ?rank WHERE { VALUES ?s { IRIS } { ?s rdfs:label ?l BIND(\"0\" AS ?rank) } "
               "UNION { ?s skos:prefLabel ?l BIND(\"1\" AS ?rank) } }")


@functools.lru_cache(maxsize=4)
def _asset(name: str) -> str:
    folder = resources.files("kg.serve")
    path = folder.joinpath(name) if not name.startswith("yasgui") else folder.joinpath("static").joinpath(name)
    return path.read_text(encoding="utf-8")


def _inline_script(text: str) -> str:
    r"""JavaScript safe inside <script>: no `</script`, `<!--` or `<script` the HTML parser would act on.

    >>> print(_inline_script("a = `<!-- <script>`; b = /<\\/script>/"))
    a = `\x3C!-- \x3Cscript>`; b = /<\/script>/
    """
    # every occurrence in the bundle is inside a string, template or regular expression, where \\x3C is '<'
    return re.sub(r"<(?=!--|/?script)", r"\\x3C", text, flags=re.IGNORECASE)


@functools.lru_cache(maxsize=2)
def _inlined(name: str) -> str:
    """An asset's text made safe for a <script> element, once per process (the bundle is 1 MB)."""
    return _inline_script(_asset(name))


def named_examples() -> dict[str, str]:
    """The named queries shipped in `queries/*.rq`, by name (empty if none are installed).

    >>> isinstance(named_examples(), dict)
    True
    """
    try:
        folder = resources.files("queries")
    except ModuleNotFoundError:
        return {}
    return {entry.name[:-3]: entry.read_text(encoding="utf-8")
            for entry in sorted(folder.iterdir(), key=lambda e: e.name) if entry.name.endswith(".rq")}


def _specs(examples: dict[str, str]) -> dict[str, dict]:
    from kg.sparql.query import parse_header
    out = {}
    for name, text in examples.items():
        spec = parse_header(name, text)
        out[name] = {"title": spec.title, "description": spec.description, "text": text,
                     "params": [{"name": p.name, "kind": p.kind, "default": p.default, "required": p.required,
                                 "description": p.description} for p in spec.params]}
    return out


def _script_json(value) -> str:
    # inside <script> only "</" and "<!--" could end or confuse the element; escape all of < > &
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_page(endpoint: str = "/sparql", timeout: float = 30.0, examples: dict[str, str] | None = None) -> str:
    """The page's HTML, with `examples` (default: the named queries) offered with their parameter forms.

    >>> page = render_page(examples={"a<b": "SELECT * { ?s ?p '</script>' }"})
    >>> "</script> }" in page, "a&lt;b" in page, "Yasgui" in page
    (False, True, True)
    """
    from kg.sparql.binding import _STRIP
    examples = named_examples() if examples is None else examples
    options = "".join(f'<option value="{html.escape(name, quote=True)}">{html.escape(name)}</option>'
                      for name in examples)
    data = {"endpoint": endpoint, "defaultQuery": DEFAULT_QUERY, "queries": _specs(examples),
            "prefixes": PREFIXES, "lookups": LOOKUPS, "labelQuery": LABELS, "normStrip": _STRIP.pattern}
    fields = {"endpoint": html.escape(endpoint, quote=True), "timeout": html.escape(f"{timeout:g}"),
              "options": options, "examples": _script_json(data), "yasgui_version": html.escape(YASGUI_VERSION),
              "yasgui_css": _asset("yasgui.min.css").replace("</", "<\\/"),
              "yasgui_js": _inlined("yasgui.min.js"), "page_js": _inlined("page.js")}
    page = _asset("page.html")
    for key, value in fields.items():
        page = page.replace("{{" + key + "}}", value)
    return page
