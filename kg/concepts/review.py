"""The review loop's rows: every link graph/concepts holds (merges automatic, proposed, blocked,
accepted, rejected; related pairs kept apart) and every name the store judged a political formula."""
from __future__ import annotations

from kg.concepts.names import labels, run
from kg.concepts.terms import GRAPH_CONCEPTS

__all__ = ["rows", "COLUMNS", "ORDER"]

COLUMNS = ("id", "status", "kind", "from", "to", "confidence", "rule", "evidence")
ORDER = {"proposed": 0, "blocked": 1, "auto": 2, "implied": 3, "accepted": 4, "rejected": 5, "related": 6,
         "formula": 7}

_USAGE = f"""SELECT ?u ?p ?role ?reason ?share WHERE {{ GRAPH <{GRAPH_CONCEPTS}> {{
  ?u a gk:UsageEvidence ; gk:about ?p ; gk:role ?role ; gk:reason ?reason ; gk:openingShare ?share }} }}"""


def rows(store, links, status: str | None = None) -> list[dict]:
    """One row per link (and per formula), most in need of review first."""
    names = labels(store)
    out = [{"id": l.id, "status": l.status, "kind": l.kind, "from": names.get(l.source, l.source),
            "to": names.get(l.target, l.target), "confidence": l.confidence, "rule": l.rule,
            "evidence": l.reason} for l in links]
    for r in run(store, _USAGE):
        if r["role"].value == "formula":
            out.append({"id": "U" + r["u"].value.rsplit("/", 1)[1][:8], "status": "formula", "kind": "formula",
                        "from": names.get(r["p"].value, r["p"].value), "to": "",
                        "confidence": float(r["share"].value), "rule": "usage", "evidence": r["reason"].value})
    if status:
        out = [r for r in out if r["status"] == status]
    return sorted(out, key=lambda r: (ORDER.get(r["status"], 9), -r["confidence"], r["from"], r["to"]))
