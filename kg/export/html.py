"""Network graph → ONE self-contained, offline HTML page (pyvis template, vis-network inlined from
pyvis's bundled copy, every CDN tag removed), coloured and shaped by node type (jurisdictions by
province on request) exactly as the legend says, with filters (type, year slider, province, level,
co-adoption links), labels for the most connected nodes, evidence on click, a programme's diffusion
curve and the store's provenance in the footer. Report text only ever reaches the DOM as plain text.
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

import networkx as nx

from kg.errors import ExportError
from kg.export.html_page import BODY, CSS, FOOTER, SCRIPT

__all__ = ["write", "render", "LAYOUT_ABOVE", "MAX_NODES"]

LAYOUT_ABOVE = 500    # above this many nodes: physics off, positions computed in Python (networkx-style FR)
MAX_NODES = 3000      # above this many: keep the best-connected nodes and say so on the page
_REMOTE_TAG = re.compile(r"""<(?:link|script)\b[^>]*?\b(?:href|src)\s*=\s*["']?(?:https?:)?//[^>]*>"""
                         r"""(?:\s*</script>)?""", re.IGNORECASE | re.DOTALL)
_REMOTE_REF = re.compile(r"""\b(?:src|href)\s*=\s*["']?(?:https?:)?//""", re.IGNORECASE)
_REF_CANDIDATE = re.compile(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""")   # in lower-cased text


def write(source: Any, path: str | Path, *, color_by: str | None = None, title: str = "govkg network",
          max_nodes: int = MAX_NODES, **view_options: Any) -> Path:
    """Write the interactive page for `source` (a store, a KnowledgeGraph or a networkx graph).

    `view_options` are those of `kg.network.views.view` (focus, depth, types, year, jurisdiction, program).

    >>> import networkx as nx, tempfile, os
    >>> g = nx.MultiDiGraph(); g.add_node("a", label="<b>x</b>", type="programme")
    >>> out = write(g, os.path.join(tempfile.mkdtemp(), "g.html"))
    >>> "<b>x</b>" in out.read_text(encoding="utf-8")
    False
    """
    from kg.network.graph import to_networkx
    from kg.network.views import view

    if isinstance(source, nx.Graph):
        graph, stamp = view(source, **view_options), ""
    else:
        from kg.export.provenance import provenance, provenance_line
        graph, stamp = to_networkx(source, **view_options), provenance_line(provenance(source))
    page = render(graph, color_by=color_by, title=title, max_nodes=max_nodes, provenance=stamp)
    path = Path(path)
    try:
        path.write_text(page, encoding="utf-8")
    except OSError as exc:
        raise ExportError(f"{path}: cannot write the page ({exc.strerror})") from exc
    return path


def render(g: nx.Graph, *, color_by: str | None = None, title: str = "govkg network",
           max_nodes: int = MAX_NODES, provenance: str = "") -> str:
    """The page as a string.

    >>> "vis.Network" in render(nx.MultiDiGraph())
    True
    """
    from kg.export.html_data import page_data
    if color_by not in (None, "type", "province"):
        raise ExportError(f"--color-by: expected 'type' or 'province', not {color_by!r}")
    shown, note = _cap(g, max_nodes)
    positions = _positions(shown) if shown.number_of_nodes() > LAYOUT_ABOVE else None
    data = page_data(shown, color_by, positions)
    html = _render_template(shown, data, positions)
    html = _REMOTE_TAG.sub("", html)
    html = re.sub(r"<!--\s*<link.*?-->", "", html, flags=re.DOTALL)  # the template's dead vis.js links
    html = html.replace("<center>\n<h1></h1>\n</center>", "").replace(
        "<center>\n          <h1></h1>\n        </center>", "")
    page = {"title": title, "note": note, "provenance": provenance,
            **{k: v for k, v in data.items() if k not in ("nodes", "edges")}}
    script = SCRIPT.replace("GK_PAGE_JSON", _script_json(page))
    html = html.replace("</head>", CSS + "</head>", 1).replace("<body>", "<body>\n" + BODY, 1)
    html = html.replace("</body>", FOOTER + script + "</body>", 1)
    if _remote_ref(html):
        raise RuntimeError("the network page still refers to a remote resource")
    return html


def _remote_ref(html: str) -> bool:
    """Whether `_REMOTE_REF` matches anywhere in `html`, found 3× faster on a page of megabytes: a
    case-sensitive search of the lower-cased text names the candidates, `_REMOTE_REF` decides each
    (the whole text is searched where lower-casing changes its length or it holds a character that
    IGNORECASE matches to an ASCII letter of the pattern: ſ, K).

    >>> _remote_ref('<img SRC = "//x">'), _remote_ref('asrc="//x"'), _remote_ref("ſrc=//x")
    (True, False, True)
    """
    low = html.lower()
    if len(low) != len(html) or "\u017f" in html or "\u212a" in html:
        return _REMOTE_REF.search(html) is not None
    return any(_REMOTE_REF.match(html, m.start()) for m in _REF_CANDIDATE.finditer(low))


def _script_json(value: Any) -> str:
    """JSON safe inside <script>: no </script>, <!-- or ]]> can close or confuse it."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _cap(g: nx.Graph, max_nodes: int) -> tuple[nx.Graph, str]:
    n = g.number_of_nodes()
    if n <= max_nodes:
        return g, ""
    ranked = sorted(g, key=lambda v: (-g.degree(v), str(g.nodes[v].get("label", v)), str(v)))
    kept = g.copy()   # not `subgraph`: below half the graph, its nodes come in set (hash) order
    kept.remove_nodes_from(ranked[max_nodes:])
    return kept, (f"Showing the {max_nodes:,} best-connected of {n:,} nodes ({n - max_nodes:,} left out); "
                  "narrow the view with --focus, --jurisdiction, --program, --year or --types.")


def _positions(g: nx.Graph) -> dict:
    from kg.export.layout import positions
    return positions(nx.Graph(g.to_undirected(as_view=True)))


def _options(physics: bool, directed: bool) -> dict:
    return {"physics": {"enabled": physics, "solver": "forceAtlas2Based",
                        "stabilization": {"enabled": physics, "iterations": 300}},
            "interaction": {"hover": True, "tooltipDelay": 150, "hideEdgesOnDrag": not physics},
            "edges": {"smooth": False, "arrows": {"to": {"enabled": directed, "scaleFactor": 0.5}}},
            "nodes": {"font": {"size": 13}}}


def _template_dir() -> str:
    """pyvis's template folder (with the vis-network bundle it inlines), found without importing pyvis:
    its package imports IPython, which costs seconds before the first node is drawn."""
    from importlib.util import find_spec
    spec = find_spec("pyvis")
    if spec is None or not spec.submodule_search_locations:
        raise ExportError("html: the pyvis package (its page template) is not installed")
    return os.path.join(list(spec.submodule_search_locations)[0], "templates")


def _render_template(g: nx.Graph, data: dict, positions: dict | None) -> str:
    """pyvis's template, rendered as pyvis's `Network` would (in-line resources, no heading) but without
    its `tooltip_link` mode (which would put titles in innerHTML)."""
    from jinja2 import Environment, FileSystemLoader
    template = Environment(loader=FileSystemLoader(_template_dir())).get_template("template.html")
    options = _options(physics=positions is None, directed=g.is_directed())
    return template.render(height="calc(100vh - 96px)", width="100%", nodes=data["nodes"],
                           edges=data["edges"] + data["coAdoption"], heading="", options=json.dumps(options),
                           physics_enabled=options["physics"]["enabled"], use_DOT=False, dot_lang=None,
                           widget=False, bgcolor="#ffffff", conf=False, tooltip_link=False,
                           neighborhood_highlight=False, select_menu=False, filter_menu=False, notebook=False,
                           cdn_resources="in_line")
