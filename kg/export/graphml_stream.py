"""A streaming GraphML writer: nodes and edges go to the file as they come, never held as XML.

Keys are declared before the graph, one per attribute name, scope and value type (as networkx's writer
does, so a `value` that is 100 in one node and 38.6 in another reads back as int and float), so the
caller names them up front (`keys_of` finds them in records held in memory). Values are written as
`str(value)`, escaped, without the characters XML 1.0 cannot carry; None is left out.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import IO, Any
from xml.sax.saxutils import escape, quoteattr

__all__ = ["GraphMLStream", "keys_of", "XML_TYPES"]

XML_TYPES = {bool: "boolean", int: "long", float: "double", str: "string"}
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_HEAD = ('<?xml version=\'1.0\' encoding=\'utf-8\'?>\n<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
         'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org'
         '/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')


# a text with none of these is written as it is (no escaping, nothing to drop): most values
_TEXT_SPECIAL = re.compile("[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ATTR_SPECIAL = re.compile("[&<>\"'\t\n\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _clean(text: str) -> str:
    return _NOT_XML.sub("", text) if _NOT_XML.search(text) else text


def _text(text: str) -> str:
    """`escape(_clean(text))`, without its work where there is nothing to escape or drop.

    >>> _text("a<b\x01"), _text("甲")
    ('a&lt;b', '甲')
    """
    return escape(_clean(text)) if _TEXT_SPECIAL.search(text) else text


def _attr(text: str) -> str:
    """`quoteattr(_clean(text))`, likewise.

    >>> print(_attr('a"b'), _attr("https://w3id.org/x"))
    'a"b' "https://w3id.org/x"
    """
    return quoteattr(_clean(text)) if _ATTR_SPECIAL.search(text) else f'"{text}"'


def keys_of(scope: str, records: Iterable[dict]) -> set[tuple[str, str, type]]:
    """(scope, name, value type) of every attribute that is not None in `records`.

    >>> sorted(keys_of("node", [{"value": 1}, {"value": 2.5, "unit": None}]), key=str)
    [('node', 'value', <class 'float'>), ('node', 'value', <class 'int'>)]
    """
    return {(scope, k, type(v)) for data in records for k, v in data.items() if v is not None}


class GraphMLStream:
    """Write one graph: `node(id, data)` and `edge(source, target, key, data)` calls, then `close()`.

    >>> import io, networkx as nx
    >>> out = io.StringIO()
    >>> w = GraphMLStream(out, {("node", "label", str), ("edge", "year", int)}, provenance="govkg · test")
    >>> w.node("a", {"label": "<甲>"}); w.node("b", {"label": "乙"}); w.edge("a", "b", "k", {"year": 2021}); w.close()
    >>> g = nx.read_graphml(io.StringIO(out.getvalue()))
    >>> g.nodes["a"]["label"], g.edges["a", "b"]["year"], g.graph["provenance"]
    ('<甲>', 2021, 'govkg · test')
    """

    def __init__(self, handle: IO[str], keys: Iterable[tuple[str, str, type]], directed: bool = True,
                 provenance: str | None = None):
        self._out = handle
        self._ids: dict[tuple[str, str, type], str] = {}
        lines = [_HEAD]
        for i, (scope, name, kind) in enumerate(sorted(keys, key=lambda k: (k[0], k[1], XML_TYPES.get(k[2], "")))):
            self._ids[(scope, name, kind)] = f"d{i}"
            lines.append(f'<key id="d{i}" for="{scope}" attr.name={quoteattr(_clean(name))} '
                         f'attr.type="{XML_TYPES.get(kind, "string")}"/>\n')
        if provenance is not None:
            lines.append('<key id="gk_provenance" for="graph" attr.name="provenance" attr.type="string" />\n')
        lines.append(f'<graph edgedefault="{"directed" if directed else "undirected"}">\n')
        if provenance is not None:
            lines.append(f'<data key="gk_provenance">{escape(_clean(provenance))}</data>\n')
        handle.write("".join(lines))

    def _data(self, scope: str, data: dict[str, Any]) -> str:
        ids, parts = self._ids, []
        for name, value in data.items():
            if value is None:
                continue
            kind = type(value)
            key = ids.get((scope, name, kind)) or ids[(scope, name, str)]  # an undeclared type is written as text
            # a number's text never needs escaping
            text = str(value) if kind is int or kind is float else _text(str(value))
            parts.append(f'  <data key="{key}">{text}</data>\n')
        return "".join(parts)

    def node(self, node: Any, data: dict[str, Any]) -> None:
        self._out.write(f"<node id={_attr(str(node))}>\n{self._data('node', data)}</node>\n")

    def edge(self, source: Any, target: Any, key: Any, data: dict[str, Any]) -> None:
        ident = "" if key is None else f" id={_attr(str(key))}"
        self._out.write(f"<edge source={_attr(str(source))} target={_attr(str(target))}"
                        f"{ident}>\n{self._data('edge', data)}</edge>\n")

    def close(self) -> None:
        self._out.write("</graph>\n</graphml>\n")
