"""Which programme pairs to compare, and how alike two are.

Blocking keeps the pass near-linear: pairs come only from names sharing a rare character pair, a
jieba word, or a rare context feature (an indicator word, a document); a block larger than `CAP`
names says nothing and is skipped. Never all pairs.
"""
from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass

from rapidfuzz.distance import Indel

from kg.concepts.context import cosine, words
from kg.concepts.variants import core

__all__ = ["CAP", "Alike", "candidate_pairs", "alike", "char_weights"]

CAP = 40          # a blocking key shared by more names than this is too common to suggest anything


@dataclass(frozen=True)
class Alike:
    """How alike two programmes are: names (0–1), contexts (0–1), the combined confidence, and
    what they share (for the evidence)."""

    name: float
    context: float
    confidence: float
    shared_name: str
    shared_context: tuple[str, ...]


def _name_keys(key: str) -> set[str]:
    c = core(key)
    return {"b:" + c[i:i + 2] for i in range(len(c) - 1)} | {"j:" + w for w in words(key)}


def candidate_pairs(keys: dict[str, str], vecs: dict[str, dict[str, float]], cap: int = CAP) -> set[tuple[str, str]]:
    """Programme pairs (IRI, IRI), sorted within the pair, that share a rare blocking key.

    >>> sorted(candidate_pairs({"a": "企业安静期", "b": "安静生产期", "c": "河长制"}, {}))
    [('a', 'b')]
    """
    blocks: dict[str, list[str]] = defaultdict(list)
    for iri, key in keys.items():
        for k in _name_keys(key):
            blocks[k].append(iri)
        for f in vecs.get(iri, {}):
            if f[0] in "id":           # indicator words and documents; sentence pairs are too common
                blocks[f].append(iri)
    pairs: set[tuple[str, str]] = set()
    for members in blocks.values():
        if 1 < len(members) <= cap:
            members = sorted(set(members))
            pairs.update((a, b) for i, a in enumerate(members) for b in members[i + 1:])
    return pairs


def _shared(a: str, b: str) -> str:
    return "".join(a[o.src_start:o.src_end] for o in Indel.opcodes(a, b) if o.tag == "equal")


def char_weights(keys) -> dict[str, float]:
    """How much each character says about a name: rare across the store's names weighs more
    (执法, 服务, 法治 are in many names; 安静 in few).

    >>> w = char_weights(["柔性执法", "非现场执法", "说理式执法", "企业安静期"])
    >>> w["执"] < w["柔"]
    True
    """
    df: dict[str, int] = {}
    keys = list(keys)
    for key in keys:
        for ch in set(core(key)):
            df[ch] = df.get(ch, 0) + 1
    return {ch: math.log((len(keys) + 1) / (n + 1)) + 1 for ch, n in df.items()}


def _weighted(ca: str, cb: str, shared: str, weights: dict[str, float] | None) -> float:
    """rapidfuzz's similarity, the characters weighted by their rarity when weights are given."""
    if not weights:
        return Indel.normalized_similarity(ca, cb)
    total = sum(weights.get(ch, 1.0) for ch in ca + cb)
    return 2 * sum(weights.get(ch, 1.0) for ch in shared) / total if total else 0.0


def alike(key_a: str, key_b: str, vec_a: dict[str, float], vec_b: dict[str, float],
          weights: dict[str, float] | None = None) -> Alike:
    """Name similarity of the distinctive parts (rapidfuzz; characters weighted by rarity), context
    cosine, and a noisy-or of both.

    >>> a = alike("安静生产期", "企业安静期", {"i:入企": 1.0}, {"i:入企": 1.0})
    >>> round(a.name, 2), a.context, round(a.confidence, 2), a.shared_name
    (0.6, 1.0, 0.86, '安静期')
    """
    ca, cb = core(key_a), core(key_b)
    name = _weighted(ca, cb, _shared(ca, cb), weights)
    context = cosine(vec_a, vec_b)
    confidence = 1 - (1 - 0.75 * name) * (1 - 0.75 * context)
    top = sorted((f for f in vec_a if f in vec_b), key=lambda f: -vec_a[f] * vec_b[f])[:4]
    return Alike(name, context, confidence, _shared(ca, cb), tuple(f[2:] for f in top))
