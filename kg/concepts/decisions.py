"""A researcher's decisions, in files beside the store folder (so a rebuild from scratch, a
`build --prune` or deleting the store keeps them): `<store>.concepts.csv`, written by
`govkg concepts accept|reject` and editable by hand, and an optional SKOS thesaurus of their own,
`<store>.concepts.ttl` (prefLabel/altLabel/exactMatch/closeMatch merge, skos:related keeps apart).

CSV columns: decision (same | different | related), a, b (programme names or IRIs), link, note.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from kg.rdf import iri

__all__ = ["Decision", "Decisions", "decision_files", "read_decisions", "record"]

VERDICTS = ("same", "different", "related")
_FIELDS = ("decision", "a", "b", "link", "note")
_SKOS = "http://www.w3.org/2004/02/skos/core#"


@dataclass(frozen=True)
class Decision:
    """One decision about two programmes (IRIs)."""

    verdict: str
    a: str
    b: str
    note: str = ""

    @property
    def pair(self) -> frozenset:
        return frozenset((self.a, self.b))


@dataclass
class Decisions:
    """Every decision the files hold, the canonical names a thesaurus prefers, and problems found."""

    items: list[Decision]
    preferred: set[str]
    warnings: list[str]


def decision_files(store_path: str | Path) -> tuple[Path, Path]:
    """(CSV, Turtle) paths beside the store folder.

    >>> [p.name for p in decision_files("/data/govkg-store")]
    ['govkg-store.concepts.csv', 'govkg-store.concepts.ttl']
    """
    path = Path(store_path).absolute()
    return path.parent / f"{path.name}.concepts.csv", path.parent / f"{path.name}.concepts.ttl"


def _programme(name: str) -> str:
    name = name.strip()
    return name if name.startswith(("http://", "https://")) else iri.programme(name)


def _csv_rows(path: Path) -> tuple[list[dict], list[str]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        return [], [f"{path}: cannot read the decisions file ({exc})"]
    rows, warnings = [], []
    for n, row in enumerate(csv.reader(io.StringIO(text)), 1):
        if not row or not "".join(row).strip() or row[0].startswith("#") or row[0].strip() == "decision":
            continue
        row = (row + [""] * 5)[:5]
        if row[0].strip() not in VERDICTS or not row[1].strip() or not row[2].strip():
            warnings.append(f"{path}: line {n}: expected decision (same, different, related), a, b; "
                            f"got {','.join(row).strip(',')!r}")
            continue
        rows.append(dict(zip(_FIELDS, (c.strip() for c in row))))
    return rows, warnings


def _turtle(path: Path) -> tuple[list[Decision], set[str], list[str]]:
    import pyoxigraph as ox
    try:
        triples = list(ox.parse(path.read_bytes(), ox.RdfFormat.TURTLE))
    except (OSError, SyntaxError, ValueError) as exc:
        return [], set(), [f"{path}: cannot read the thesaurus ({' '.join(str(exc).split())})"]
    labels: dict[str, list[str]] = {}
    links = []
    for t in triples:
        p = t.predicate.value
        if p in (_SKOS + "prefLabel", _SKOS + "altLabel"):
            labels.setdefault(t.subject.value, []).insert(0 if p.endswith("prefLabel") else 999, t.object.value)
        elif p in (_SKOS + "exactMatch", _SKOS + "closeMatch", _SKOS + "related"):
            links.append((t.subject.value, "related" if p.endswith("related") else "same", t.object.value))
    items, preferred = [], set()
    for names in labels.values():
        head = _programme(names[0])
        preferred.add(head)
        items += [Decision("same", head, _programme(n), "thesaurus") for n in names[1:]]
    for s, verdict, o in links:
        if s in labels and o in labels:
            items.append(Decision(verdict, _programme(labels[s][0]), _programme(labels[o][0]), "thesaurus"))
    return items, preferred, []


def read_decisions(store_path: str | Path) -> Decisions:
    """Every decision beside the store; the CSV (later rows win) overrides the Turtle thesaurus."""
    csv_path, ttl_path = decision_files(store_path)
    items, preferred, warnings = [], set(), []
    if ttl_path.is_file():
        items, preferred, warnings = _turtle(ttl_path)
    if csv_path.is_file():
        rows, problems = _csv_rows(csv_path)
        warnings += problems
        items += [Decision(r["decision"], _programme(r["a"]), _programme(r["b"]), r["note"]) for r in rows]
    return Decisions(items, preferred, warnings)


def record(store_path: str | Path, verdict: str, a: str, b: str, link: str, note: str = "") -> Path:
    """Write one decision to the CSV, replacing an earlier one about the same pair; the file's path."""
    csv_path, _ = decision_files(store_path)
    rows, _ = _csv_rows(csv_path) if csv_path.is_file() else ([], [])
    pair = {_programme(a), _programme(b)}
    kept = [r for r in rows if {_programme(r["a"]), _programme(r["b"])} != pair]
    kept.append({"decision": verdict, "a": a, "b": b, "link": link, "note": note})
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=_FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(kept)
    csv_path.write_text(out.getvalue(), encoding="utf-8")
    return csv_path
