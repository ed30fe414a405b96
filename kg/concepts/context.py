"""Context vectors of programmes across reports: the indicators of outcomes that come with them
(入企检查次数), the documents cited in their sentences, related programmes, and the words of their
evidence sentences (character pairs, the name itself left out), weighted by rarity (TF-IDF).
"""
from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache

from kg.concepts.names import Name

__all__ = ["vectors", "cosine", "words"]

_HAN = re.compile(r"[\u4e00-\u9fff]{2,}")
_WEIGHTS = {"i": 3.0, "d": 2.0, "r": 1.0, "w": 1.0}


@lru_cache(maxsize=65536)
def words(text: str) -> tuple[str, ...]:
    """jieba words of at least two characters (names and indicators, never whole reports).

    >>> words("入企检查次数")
    ('检查', '次数')
    """
    import jieba
    jieba.setLogLevel(60)
    return tuple(w for w in jieba.lcut(text, HMM=False) if len(w) >= 2)


def _bigrams(text: str) -> set[str]:
    return {run[i:i + 2] for run in _HAN.findall(text) for i in range(len(run) - 1)}


def features(name: Name) -> Counter:
    """Raw feature counts of one programme (before rarity weighting)."""
    bag: Counter = Counter()       # built in a fixed order: the same store gives the same figures
    for indicator in sorted(name.indicators):
        bag.update("i:" + w for w in words(indicator))
    bag.update("d:" + d for d in sorted(name.documents))
    bag.update("r:" + r for r in sorted(name.related))
    spellings = sorted(name.all_spellings, key=lambda x: (-len(x), x))
    for _, (sentence, _) in sorted(name.sentences.items()):
        for spelling in spellings:
            sentence = sentence.replace(spelling, "|")
        bag.update("w:" + b for b in sorted(_bigrams(sentence)))
    return bag


def vectors(names: dict[str, Name]) -> dict[str, dict[str, float]]:
    """Unit TF-IDF vectors by programme IRI (programmes without any report have an empty vector)."""
    raw = {iri: features(names[iri]) for iri in sorted(names)}
    df: Counter = Counter()
    for bag in raw.values():
        df.update(bag.keys())
    total = max(1, sum(1 for bag in raw.values() if bag))
    out = {}
    for iri, bag in raw.items():   # a feature of one programme only says nothing across reports
        vec = {f: _WEIGHTS[f[0]] * (1 + math.log(c)) * math.log(1 + total / df[f])
               for f, c in bag.items() if df[f] > 1}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        out[iri] = {f: v / norm for f, v in vec.items()}
    return out


def cosine(a: dict[str, float], b: dict[str, float]) -> float:
    """Cosine of two unit vectors.

    >>> cosine({"x": 1.0}, {"x": 1.0}), cosine({"x": 1.0}, {"y": 1.0})
    (1.0, 0)
    """
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b[f] for f, v in a.items() if f in b)
