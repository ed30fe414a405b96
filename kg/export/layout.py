"""Node positions for big graphs, computed in Python so the browser can skip physics: a vectorised
Fruchterman–Reingold (numpy, float32, fixed seed), a few seconds for a few thousand nodes.
"""
from __future__ import annotations

import math

import networkx as nx

__all__ = ["positions"]


def positions(g: nx.Graph, seed: int = 7, iterations: int = 60,
              spread: float = 40.0) -> dict[object, tuple[float, float]]:
    """x/y (in screen pixels, centred on 0) for every node; the same graph and seed give the same layout.

    >>> pos = positions(nx.path_graph(3))
    >>> sorted(pos) == [0, 1, 2] and all(len(p) == 2 for p in pos.values())
    True
    """
    import numpy as np

    nodes = list(g)
    n = len(nodes)
    if n == 0:
        return {}
    pos = np.random.default_rng(seed).random((n, 2), dtype=np.float32)
    adj = _adjacency(g, nodes)
    k2 = np.float32(1.0 / n)
    x, y = pos[:, 0].copy(), pos[:, 1].copy()
    temperature = np.float32(0.1)
    for _ in range(iterations):
        dx = x[:, None] - x[None, :]
        dy = y[:, None] - y[None, :]
        d2 = dx * dx + dy * dy
        np.maximum(d2, np.float32(1e-4), out=d2)
        # repulsion k²/d² minus attraction d/k along edges, both times the unit vector·d
        force = k2 / d2
        force -= adj * np.sqrt(d2) * np.float32(math.sqrt(n))
        mx, my = (dx * force).sum(axis=1), (dy * force).sum(axis=1)
        length = np.maximum(np.sqrt(mx * mx + my * my), np.float32(0.01))
        x += mx * temperature / length
        y += my * temperature / length
        temperature -= np.float32(0.1 / (iterations + 1))
    pos = np.stack([x, y], axis=1)
    pos -= pos.mean(axis=0)
    scale = spread * math.sqrt(n) / max(float(np.abs(pos).max()), 1e-9)
    return {node: (float(pos[i, 0] * scale), float(pos[i, 1] * scale)) for i, node in enumerate(nodes)}


def _adjacency(g: nx.Graph, nodes: list):
    import numpy as np
    index = {node: i for i, node in enumerate(nodes)}
    adj = np.zeros((len(nodes), len(nodes)), dtype=np.float32)
    for u, v in g.edges():
        if u != v:
            adj[index[u], index[v]] = adj[index[v], index[u]] = 1.0
    return adj
