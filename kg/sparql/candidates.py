"""What a `--param` could have meant: the one-line `ParameterError` for a name that matches nothing
(the closest stored names, by rapidfuzz over the `gk:key` index, fetched only on such a miss) or
several entities a query must not pool (each with its parent, so the user can pick).
"""
from __future__ import annotations

from kg.errors import ParameterError

__all__ = ["ambiguous", "unknown", "closest"]

_KEYS = """PREFIX gk: <https://w3id.org/govkg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT DISTINCT ?k ?label WHERE {{ ?s gk:key ?k {cls} OPTIONAL {{ ?s rdfs:label ?label }} }}"""
_SHOWN = 6


def _flag(param: str) -> str:
    """How a message names the parameter: `--focus` as it is, `program` as `--param program`."""
    return param if param.startswith("--") else f"--param {param}"


def ambiguous(param: str, value: str, kind: str, choices: list[tuple[str, str]]) -> ParameterError:
    """The error for a name several entities share; ``choices`` are (label, parent label) pairs.

    >>> print(ambiguous("jurisdiction", "城区", "jurisdiction", [("阳泉市城区", "阳泉市"), ("晋城市城区", "晋城市")]))
    --param jurisdiction: '城区' could be 2 jurisdictions: 阳泉市城区 (in 阳泉市), 晋城市城区 (in 晋城市); give the full name or the adcode
    """
    shown = [f"{label} (in {parent})" if parent else label for label, parent in choices[:_SHOWN]]
    more = f" and {len(choices) - _SHOWN} more" if len(choices) > _SHOWN else ""
    kinds = kind[:-1] + "ies" if kind.endswith("y") else kind + "s"
    return ParameterError(f"{_flag(param)}: {value!r} could be {len(choices)} {kinds}: "
                          f"{', '.join(shown)}{more}; give the full name or the adcode")


def closest(key: str, names: dict[str, str], limit: int = 5) -> list[str]:
    """The labels whose keys are closest to ``key`` (``names``: key → label), best first.

    >>> closest("苏洲", {"苏州市": "苏州市", "苏州": "苏州市", "杭州市": "杭州市", "阳泉市": "阳泉市"})
    ['苏州市']
    """
    from rapidfuzz import fuzz, process
    hits = process.extract(key, list(names), scorer=fuzz.WRatio, limit=limit * 3, score_cutoff=50)
    hits.sort(key=lambda h: (-h[1], -fuzz.ratio(key, h[0]), h[0]))   # ties: the closer whole name first
    labels = []
    for match, _score, _ in hits:
        if names[match] not in labels:
            labels.append(names[match])
    return labels[:limit]


def unknown(store, param: str, value: str, kind: str, cls: str | None, key: str) -> ParameterError:
    """The error for a name nothing in the store has, with close suggestions where there are some."""
    restrict = f"; a {cls} ." if cls else "."
    rows = store.query(_KEYS.format(cls=restrict), use_default_graph_as_union=True)
    names = {}
    for row in rows:
        names.setdefault(row["k"].value, row["label"].value if row["label"] is not None else row["k"].value)
    suggestions = closest(key, names) if key and names else []
    hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
    return ParameterError(f"{_flag(param)}: no {kind} named {value!r} in the store{hint}")
