"""Proposed links between programmes of one store, each with kind, confidence, rule and evidence.

Rules, strongest first: one variant key (exactMatch), a report's wording that glues a word before a
quoted name (企业“安静期”, exactMatch), names the thesaurus or a report relates or that the variant
rules set apart (related), and names and contexts alike across reports (closeMatch). A name inside
another without such wording is only proposed, never merged automatically.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from kg.concepts.context import vectors
from kg.concepts.names import Name
from kg.concepts.similarity import alike, candidate_pairs, char_weights
from kg.concepts.terms import link_id
from kg.concepts.variants import QUOTES, apart, core, quoted_inside, variant_key

__all__ = ["Link", "propose", "AUTO", "PROPOSE", "NAMES"]

AUTO = 0.75       # exact/close links at least this confident merge without review
PROPOSE = 0.45    # weaker ones are not listed
NAMES = 0.4       # names sharing less (characters weighted by rarity) merge only when a researcher accepts


@dataclass
class Link:
    """A link between two programmes; `status` is set when decisions are applied (kg.concepts.resolve)."""

    source: str
    target: str
    kind: str                 # exactMatch | closeMatch | related
    confidence: float
    rule: str
    reason: str
    status: str = "proposed"  # auto | proposed | blocked | implied | related | accepted | rejected

    @property
    def id(self) -> str:
        return link_id(self.source, self.target)

    @property
    def merges(self) -> bool:
        return self.kind in ("exactMatch", "closeMatch")


def propose(names: dict[str, Name]) -> list[Link]:
    """Every link worth listing between the programmes of a store, one per pair (the strongest rule)."""
    keys = {iri: variant_key(n.label) for iri, n in names.items()}
    by_key: dict[str, list[str]] = defaultdict(list)
    for iri in sorted(keys, key=lambda i: (-names[i].jurisdictions, i)):
        by_key[keys[iri]].append(iri)
    found: dict[frozenset, Link] = {}

    def add(link: Link) -> None:
        pair = frozenset((link.source, link.target))
        if len(pair) == 2 and pair not in found:
            found[pair] = link

    for members in by_key.values():
        for other in members[1:]:
            add(Link(other, members[0], "exactMatch", 0.99, "same-key",
                     f"{names[other].label} and {names[members[0]].label} differ only in punctuation, "
                     f"quotes, a leading scope or a generic tail"))
    _quoted(names, by_key, add)                          # before same-spelling: the wording is better evidence
    for iri, name in sorted(names.items()):            # a fixed order: the same store, the same links
        for spelling in sorted(name.spellings):
            for other in by_key.get(variant_key(spelling), [])[:1]:
                add(Link(iri, other, "exactMatch", 0.97, "same-spelling",
                         f"a report spelt {name.label} as {spelling}"))
    _related(names, add)
    vecs = vectors(names)
    used = {iri: keys[iri] for iri, n in names.items() if n.reports}   # thesaurus-only names: membership only
    weights = char_weights(used.values())
    base = {iri: (by_key.get(core(key)) or [iri])[0] for iri, key in used.items()}
    for a, b in sorted(candidate_pairs(used, vecs)):
        if frozenset((a, b)) in found or _bases_decide(a, b, base):
            continue
        link = _compare(names[a], names[b], keys[a], keys[b], vecs, weights)
        if link:
            add(link)
    return _fewest_proposals(list(found.values()))


def _fewest_proposals(links: list[Link], per_name: int = 3) -> list[Link]:
    """Links that may merge without review, related links, and of the weaker merge links only each
    name's `per_name` strongest (a templated corpus makes many names alike in context only)."""
    weak = sorted((l for l in links if l.merges and l.confidence < AUTO), key=lambda l: (-l.confidence, l.id))
    kept: dict[str, int] = defaultdict(int)
    chosen = set()
    for link in weak:
        if kept[link.source] < per_name or kept[link.target] < per_name:
            kept[link.source] += 1
            kept[link.target] += 1
            chosen.add(id(link))
    return [l for l in links if not (l.merges and l.confidence < AUTO) or id(l) in chosen]


def _bases_decide(a: str, b: str, base: dict[str, str]) -> bool:
    """True when a name is another programme plus a generic head (枫桥经验 → 枫桥 is a programme)
    and the two have different bases: their bases are compared instead, never the derived names."""
    return (base[a] != a or base[b] != b) and base[a] != base[b]


def _quoted(names: dict[str, Name], by_key: dict[str, list[str]], add) -> None:
    """企业“安静期”: a report glued 企业 before the quoted 安静期, and 企业安静期 is a programme (seen in
    the sentences of 安静期, or in a spelling of 企业安静期)."""
    for iri, name in sorted(names.items()):
        for spelling in sorted(name.spellings):
            at = min((spelling.find(q) for q in QUOTES if spelling.find(q) > 0), default=-1)
            inner = spelling[at + 1:].rstrip("”\"」』’") if at > 0 else ""
            for other in by_key.get(variant_key(inner), [])[:1] if inner else []:
                if other != iri:
                    add(Link(other, iri, "exactMatch", 0.95, "quoted-inside",
                             f"a report wrote {spelling[:at]}“{inner}”: {name.label}"))
    for iri, name in sorted(names.items()):
        for _, (sentence, _) in sorted(name.sentences.items()):
            for spelling in sorted(name.all_spellings):
                for full, wording in quoted_inside(spelling, sentence):
                    for other in by_key.get(variant_key(full), [])[:1]:
                        if other != iri:
                            add(Link(iri, other, "exactMatch", 0.95, "quoted-inside",
                                     f"a report wrote {wording}: {names[other].label}"))


def _related(names: dict[str, Name], add) -> None:
    for iri, name in sorted(names.items()):
        for other in sorted(name.related):
            add(Link(iri, other, "related", 0.95, "named-related",
                     f"the thesaurus or a report names {names[other].label} with {name.label} "
                     f"as a different thing (its app, a part of it)"))


def _compare(a: Name, b: Name, ka: str, kb: str, vecs, weights) -> Link | None:
    why_apart = apart(ka, kb)
    if why_apart:
        return Link(a.iri, b.iri, "related", 0.9, "apart", why_apart)
    sim = alike(ka, kb, vecs[a.iri], vecs[b.iri], weights)
    if sim.confidence < PROPOSE:
        return None
    both = a.quoted_reports() & b.quoted_reports()
    if both:
        return Link(a.iri, b.iri, "related", round(sim.confidence, 3), "named-apart",
                    f"{len(both)} report(s) quote {a.label} and {b.label} as two programmes")
    if a.thesaurus and b.thesaurus:
        return Link(a.iri, b.iri, "related", round(sim.confidence, 3), "thesaurus-apart",
                    "the bundled thesaurus has them as two programmes")
    confidence, rule = sim.confidence, "similar"
    ca, cb = core(ka), core(kb)
    if ca != cb and (ca in cb or cb in ca):
        confidence, rule = min(confidence, AUTO - 0.05), "contained"
    if sim.name < NAMES:
        confidence, rule = min(confidence, AUTO - 0.05), "context-only"
    shared = "、".join(sim.shared_context) or "nothing"
    reason = (f"names {sim.name:.2f} alike ({sim.shared_name or 'no characters'} in common), contexts "
              f"{sim.context:.2f} alike ({shared}); used by {a.jurisdictions} and "
              f"{b.jurisdictions} jurisdictions, never in one report")
    return Link(a.iri, b.iri, "closeMatch", round(confidence, 3), rule, reason)
