"""Network graph → the data of the network page: vis-network node and edge items (colour from the one
legend, never a vis `group`), filter values (types, years, provinces, levels), co-adoption links
between programmes, and each programme's diffusion curve (cumulative adopters by year).
"""
from __future__ import annotations

import math
from collections import defaultdict
from itertools import combinations
from typing import Any

import networkx as nx

from kg.export.html_page import EDGE_COLOURS, PALETTE, TYPE_STYLE

__all__ = ["page_data", "DEFAULT_TYPES", "LABELLED", "MAX_CO_ADOPTION"]

DEFAULT_TYPES = ("jurisdiction", "programme")   # what the page shows first: who adopted what
LABELLED = 30                                  # nodes labelled at the first zoom (the most connected)
MAX_CO_ADOPTION = 1500                         # strongest co-adoption links kept


def _text(value: Any) -> str:
    if isinstance(value, (list, tuple, set)):
        return ", ".join(str(v) for v in value)
    return str(value)


def _clip(text: str, limit: int = 300) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _lines(head: list[str], data: dict, keys: tuple[str, ...]) -> str:
    lines = list(head)
    for key in keys:
        if data.get(key) not in (None, "", []):
            lines.append(f"{key.replace('_', ' ')}: {_text(data[key])}")
    if data.get("evidence"):
        lines.append(f"evidence: {_clip(str(data['evidence']))}")
    if data.get("report"):
        lines.append(f"report: {data['report']}")
    return "\n".join(lines)


def node_title(data: dict) -> str:
    r"""The plain-text tooltip of a node (vis-network shows titles as text, never as HTML).

    >>> node_title({"label": "河长制", "type": "programme", "adopters": 3})
    '河长制\ntype: programme\nadopters: 3'
    """
    return _lines([_text(data.get("label", "")), f"type: {data.get('type', '?')}"], data,
                  ("programme_type", "level", "adcode", "province", "document_type", "issuer", "status", "kind",
                   "years", "adopters", "aliases"))


def edge_title(data: dict) -> str:
    """The plain-text tooltip of an edge: its relation, year, status and evidence."""
    return _lines([str(data.get("type", "edge"))], data, ("year", "status", "weight", "shared", "years"))


def province_colours(g: nx.Graph) -> dict[str, str]:
    """Province → its colour (sorted names, the palette in order)."""
    provinces = sorted({str(p) for _, p in g.nodes(data="province") if p})
    taken = {colour for colour, _, _ in TYPE_STYLE.values()}  # never a colour the legend gives a type
    palette = [c for c in PALETTE if c not in taken]
    return {p: palette[i % len(palette)] for i, p in enumerate(provinces)}


def _colour(data: dict, provinces: dict[str, str]) -> str:
    colour = TYPE_STYLE.get(data.get("type"), ("#bab0ac",))[0]
    if provinces and data.get("type") == "jurisdiction":
        return provinces.get(str(data.get("province")), colour)
    return colour


def legend(g: nx.Graph, provinces: dict[str, str]) -> list[dict]:
    """Legend rows: one per node type present (jurisdictions by province when coloured so)."""
    present = {t for _, t in g.nodes(data="type")}
    rows = [{"symbol": sym, "colour": col, "text": t, "type": t} for t, (col, _, sym) in TYPE_STYLE.items()
            if t in present and not (provinces and t == "jurisdiction")]
    rows += [{"symbol": "●", "colour": col, "text": p, "type": "jurisdiction"} for p, col in provinces.items()]
    return rows


def _importance(g: nx.Graph, node: Any, data: dict) -> float:
    if data.get("type") == "programme" and data.get("adopters") is not None:
        return float(data["adopters"]) * 2
    return float(g.degree(node))


def _size(g: nx.Graph, node: Any, data: dict) -> float:
    if data.get("type") == "programme" and data.get("adopters") is not None:
        return 10 + 5 * math.sqrt(data["adopters"])
    return 8 + 3 * math.sqrt(g.degree(node))


def curves(g: nx.Graph) -> dict[Any, list[list[int]]]:
    """Programme node → [[year, cumulative adopters], …] from the first dated adoption per jurisdiction.

    >>> g = nx.MultiDiGraph(); g.add_node("p", type="programme")
    >>> _ = g.add_edge("a", "p", type="adopted", year=2021); _ = g.add_edge("b", "p", type="adopted", year=2023)
    >>> curves(g)["p"]
    [[2021, 1], [2022, 1], [2023, 2]]
    """
    first: dict[Any, dict[Any, int]] = defaultdict(dict)
    for u, v, data in g.edges(data=True):
        if data.get("type") == "adopted" and isinstance(data.get("year"), int):
            first[v][u] = min(first[v].get(u, data["year"]), data["year"])
    out = {}
    for programme, years in first.items():
        start, end = min(years.values()), max(years.values())
        out[programme] = [[y, sum(1 for x in years.values() if x <= y)] for y in range(start, end + 1)]
    return out


def co_adoption_pairs(g: nx.Graph) -> list[tuple[Any, Any, int]]:
    """Programme pairs adopted by at least two same jurisdictions, strongest first (capped)."""
    adopted: dict[Any, set] = defaultdict(set)
    for u, v, t in g.edges(data="type"):
        if t == "adopted":
            adopted[u].add(v)
    counts: dict[tuple, int] = defaultdict(int)
    for programmes in adopted.values():
        for a, b in combinations(sorted(programmes, key=str), 2):
            counts[(a, b)] += 1
    pairs = sorted(((a, b, n) for (a, b), n in counts.items() if n >= 2), key=lambda x: (-x[2], str(x[0]), str(x[1])))
    return pairs[:MAX_CO_ADOPTION]


def _node_item(g: nx.Graph, node: Any, data: dict, index: int, provinces: dict, labelled: set) -> dict:
    label = _text(data.get("label", node))
    short = label if len(label) <= 24 else label[:23] + "…"
    years = [y for y in data.get("years") or () if isinstance(y, int)]
    colour = _colour(data, provinces)
    return {"id": index, "label": short if node in labelled else " ", "shortLabel": short, "fullLabel": label,
            "title": node_title(data), "color": {"background": colour, "border": colour,
                                                 "highlight": {"background": colour, "border": "#222222"},
                                                 "hover": {"background": colour, "border": "#222222"}},
            "swatch": colour, "shape": TYPE_STYLE.get(data.get("type"), ("", "dot"))[1],
            "size": _size(g, node, data), "nodeType": data.get("type", ""),
            "province": str(data.get("province") or ""), "level": str(data.get("level") or ""),
            "year": min(years) if years else None, "important": node in labelled,
            # big enough to stay above vis-network's label draw threshold at the first (fitted) zoom
            "font": {"size": 40 if node in labelled else 13, "strokeWidth": 5 if node in labelled else 0,
                     "strokeColor": "#ffffff"}}


def page_data(g: nx.Graph, colour_by: str | None, positions: dict | None) -> dict[str, Any]:
    """Everything the page script needs, as JSON-ready values."""
    provinces = province_colours(g) if colour_by == "province" else {}
    ranked = sorted(g.nodes(data=True), key=lambda nd: (-_importance(g, nd[0], nd[1]), str(nd[1].get("label"))))
    labelled = {node for node, _ in ranked[:LABELLED]}
    ids = {node: i for i, node in enumerate(g)}
    nodes = []
    for node, data in g.nodes(data=True):
        item = _node_item(g, node, data, ids[node], provinces, labelled)
        if positions:
            item["x"], item["y"] = positions[node]
        nodes.append(item)
    edges = [{"id": f"e{i}", "from": ids[u], "to": ids[v], "title": edge_title(data), "edgeType": data.get("type"),
              "year": data.get("year") if isinstance(data.get("year"), int) else None,
              "color": EDGE_COLOURS.get(data.get("type"), "#999999"),
              "width": 1 + math.log1p(data.get("weight", 1) or 1)}
             for i, (u, v, data) in enumerate(g.edges(data=True))]
    co = [{"id": f"c{i}", "from": ids[a], "to": ids[b], "edgeType": "co_adoption", "year": None,
           "title": f"co-adoption\nshared adopters: {n}", "color": EDGE_COLOURS["co_adoption"],
           "width": 1 + math.log1p(n), "dashes": True, "hidden": True}
          for i, (a, b, n) in enumerate(co_adoption_pairs(g))]
    years = sorted({y for item in nodes + edges for y in [item.get("year")] if isinstance(y, int)})
    return {"nodes": nodes, "edges": edges, "coAdoption": co,
            "legend": legend(g, provinces),
            "types": [t for t in TYPE_STYLE if any(n["nodeType"] == t for n in nodes)],
            "defaultTypes": list(DEFAULT_TYPES),
            "provinces": sorted({n["province"] for n in nodes if n["province"]}),
            "levels": sorted({n["level"] for n in nodes if n["level"]}),
            "years": [years[0], years[-1]] if years else None,
            "curves": {ids[p]: c for p, c in curves(g).items() if p in ids}}
