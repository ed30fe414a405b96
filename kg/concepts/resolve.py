"""Links + decisions → the concept of every programme (exactly one; a canonical one is its own).

Researchers' decisions come first (same merges, different/related keeps apart, whatever the rules
said); then automatic exact/close links, strongest first, merge unless something keeps the two
groups apart: a related link, two thesaurus programmes, a formula with a programme.
"""
from __future__ import annotations

from dataclasses import dataclass

from kg.concepts.decisions import Decisions
from kg.concepts.links import AUTO, Link

__all__ = ["Programme", "resolve"]


@dataclass(frozen=True)
class Programme:
    """What resolution needs of a programme."""

    iri: str
    label: str
    jurisdictions: int = 0
    thesaurus: bool = False
    formula: bool = False


class _Groups:
    """Union-find with cannot-link sets (members, checked through `find`)."""

    def __init__(self, programmes: dict[str, Programme]):
        self.parent = {p: p for p in programmes}
        self.apart: dict[str, set[str]] = {p: set() for p in programmes}
        self.user_apart: dict[str, set[str]] = {p: set() for p in programmes}
        self.thesaurus = {p: int(x.thesaurus) for p, x in programmes.items()}
        self.formula = {p: x.formula for p, x in programmes.items()}

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def _kept_apart(self, ra: str, rb: str, sets: dict[str, set[str]]) -> bool:
        small, other = (ra, rb) if len(sets[ra]) <= len(sets[rb]) else (rb, ra)
        return any(self.find(m) == other for m in sets[small])

    def can_merge(self, a: str, b: str, by_researcher: bool) -> bool:
        """False when something keeps the groups of `a` and `b` apart."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if self._kept_apart(ra, rb, self.user_apart):
            return False
        return by_researcher or not (self._kept_apart(ra, rb, self.apart) or self.formula[ra] != self.formula[rb]
                                     or (self.thesaurus[ra] and self.thesaurus[rb]))

    def union(self, a: str, b: str, by_researcher: bool) -> bool:
        if not self.can_merge(a, b, by_researcher):
            return False
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        self.parent[rb] = ra
        for sets in (self.apart, self.user_apart):
            sets[ra] |= sets.pop(rb)
        self.thesaurus[ra] += self.thesaurus.pop(rb)
        return True

    def keep_apart(self, a: str, b: str, by_researcher: bool) -> None:
        sets = self.user_apart if by_researcher else self.apart
        sets[self.find(a)].add(b)
        sets[self.find(b)].add(a)


def _decided(links: list[Link], decisions: Decisions, programmes: dict[str, Programme]) -> dict[frozenset, str]:
    """The verdict per pair (later decisions win); decision-only pairs become links of their own."""
    verdicts: dict[frozenset, str] = {}
    by_pair = {frozenset((l.source, l.target)): l for l in links}
    for d in decisions.items:
        if d.a == d.b or d.a not in programmes or d.b not in programmes:
            continue
        verdicts[d.pair] = d.verdict
        if d.pair not in by_pair:
            kind = "exactMatch" if d.verdict == "same" else "related"
            by_pair[d.pair] = link = Link(d.a, d.b, kind, 1.0, "researcher", d.note or "a researcher's decision")
            links.append(link)
    return verdicts


def resolve(programmes: dict[str, Programme], links: list[Link], decisions: Decisions) -> dict[str, str]:
    """programme IRI → concept IRI; sets each link's status. `links` gains decision-only links."""
    verdicts = _decided(links, decisions, programmes)
    groups = _Groups(programmes)
    for link in links:
        verdict = verdicts.get(frozenset((link.source, link.target)))
        if verdict in ("different", "related"):
            groups.keep_apart(link.source, link.target, True)
    for link in links:
        if verdicts.get(frozenset((link.source, link.target))) == "same":
            merged = groups.union(link.source, link.target, True)
            link.status = "accepted" if merged else "blocked"
    for link in links:
        verdict = verdicts.get(frozenset((link.source, link.target)))
        if verdict == "different" or (verdict == "related" and link.merges):
            link.status = "rejected"
        elif verdict == "related":
            link.status = "accepted"
        elif verdict is None and not link.merges:
            groups.keep_apart(link.source, link.target, False)
            link.status = "related"
    automatic = [l for l in links if l.merges and frozenset((l.source, l.target)) not in verdicts]
    for link in sorted(automatic, key=lambda l: (-l.confidence, l.id)):
        if link.confidence < AUTO:
            link.status = "proposed" if groups.can_merge(link.source, link.target, False) else "blocked"
        else:
            link.status = "auto" if groups.union(link.source, link.target, False) else "blocked"
    concept = _canonical(programmes, groups, links, decisions.preferred)
    for link in links:
        if link.status in ("proposed", "blocked") and concept[link.source] == concept[link.target]:
            link.status = "implied"          # already one concept through other links: nothing to review
    return concept


def _canonical(programmes: dict[str, Programme], groups: _Groups, links: list[Link],
               preferred: set[str]) -> dict[str, str]:
    inner = {l.source for l in links if l.rule in ("quoted-inside", "contained") and l.status in ("auto", "accepted")}
    members: dict[str, list[str]] = {}
    for p in programmes:
        members.setdefault(groups.find(p), []).append(p)
    concept = {}
    for group in members.values():
        best = max(group, key=lambda p: (p in preferred, programmes[p].thesaurus, p not in inner,
                                         programmes[p].jurisdictions, len(programmes[p].label), p))
        concept.update((p, best) for p in group)
    return concept
