"""The offline query page served at `/`: the HTML template filled with the named queries as examples.

Every piece of text put into the page is escaped for where it goes (HTML text, attribute, JSON in a script).
"""
from __future__ import annotations

import functools
import html
import json
from importlib import resources

__all__ = ["render_page", "named_examples"]

DEFAULT_QUERY = """SELECT ?g (COUNT(*) AS ?triples)
WHERE { GRAPH ?g { ?s ?p ?o } }
GROUP BY ?g
ORDER BY DESC(?triples)
LIMIT 20"""


@functools.lru_cache(maxsize=1)
def _template() -> str:
    return resources.files("kg.serve").joinpath("page.html").read_text(encoding="utf-8")


def named_examples() -> dict[str, str]:
    """The named queries shipped in `queries/*.rq`, by name (empty if none are installed).

    >>> isinstance(named_examples(), dict)
    True
    """
    try:
        folder = resources.files("queries")
    except ModuleNotFoundError:
        return {}
    found = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            found[entry.name[:-3]] = entry.read_text(encoding="utf-8")
    return found


def _script_json(value) -> str:
    # inside <script> only "</" and "<!--" could end or confuse the element; escape all of < > &
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_page(endpoint: str = "/sparql", timeout: float = 30.0, examples: dict[str, str] | None = None) -> str:
    """The page's HTML, with `examples` (default: the named queries) offered in a list.

    >>> page = render_page(examples={"a<b": "SELECT * { ?s ?p '</script>' }"})
    >>> "</script> }" in page, "a&lt;b" in page
    (False, True)
    """
    examples = named_examples() if examples is None else examples
    options = "".join(f'<option value="{html.escape(name, quote=True)}">{html.escape(name)}</option>'
                      for name in examples)
    fields = {"endpoint": html.escape(endpoint, quote=True), "timeout": html.escape(f"{timeout:g}"),
              "options": options, "query": html.escape(DEFAULT_QUERY), "examples": _script_json(examples)}
    page = _template()
    for key, value in fields.items():
        page = page.replace("{{" + key + "}}", value)
    return page
