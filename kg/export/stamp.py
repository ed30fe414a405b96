"""Provenance into a written export where its format has a place for it: GraphML graph data, the GEXF
`<meta>` description, a leading comment in Turtle, TriG and N-Quads (JSON-LD has none; the panel has
its codebook and the HTML page its footer, written by their own writers).
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path
from xml.sax.saxutils import escape

__all__ = ["stamp", "STAMPED"]

STAMPED = ("graphml", "gexf", "ttl", "trig", "nq")


def _graphml(text: str, line: str) -> str:
    key = ('<key id="gk_provenance" for="graph" attr.name="provenance" attr.type="string" />\n  ')
    start = text.index("<graph ")
    end = text.index(">", start) + 1
    data = f'\n    <data key="gk_provenance">{escape(line)}</data>'
    return text[:start] + key + text[start:end] + data + text[end:]


def _gexf(text: str, line: str) -> str:
    description = f"<description>{escape(line)}</description>"
    if "</meta>" in text:
        return text.replace("</meta>", f"  {description}\n  </meta>", 1)
    start = text.index("<graph ")
    return text[:start] + f"<meta>{description}</meta>\n  " + text[start:]


def _prepend_comment(path: Path, line: str) -> None:
    temporary = path.with_name(path.name + ".stamp")
    with temporary.open("wb") as out, path.open("rb") as source:
        out.write(f"# {line}\n".encode("utf-8"))
        shutil.copyfileobj(source, out, 1 << 20)
    os.replace(temporary, path)


def stamp(path: str | Path, fmt: str, line: str) -> Path:
    """Write the provenance `line` into the export at `path` (a no-op for formats without a place).

    >>> import tempfile, networkx as nx
    >>> p = Path(tempfile.mkdtemp()) / "g.graphml"; nx.write_graphml(nx.path_graph(2), p)
    >>> _ = stamp(p, "graphml", "govkg 1.0 · 3 reports")
    >>> nx.read_graphml(p).graph["provenance"]
    'govkg 1.0 · 3 reports'
    """
    path = Path(path)
    line = " ".join(line.split())
    if fmt in ("graphml", "gexf"):
        text = path.read_text(encoding="utf-8")
        path.write_text(_graphml(text, line) if fmt == "graphml" else _gexf(text, line), encoding="utf-8")
    elif fmt in ("ttl", "trig", "nq"):
        _prepend_comment(path, line)
    return path
