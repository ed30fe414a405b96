"""The programme decision: a logistic model over named evidence (`features`), its weights read from
`loaders/dicts/programme_weights.tsv` (fitted offline by `bench/train_programme.py`). A feature
without a weight counts nothing, so new evidence is a new line of data, not a new rule."""
from __future__ import annotations

import math

from loaders import dicts

__all__ = ["logit", "probability", "keep", "THRESHOLD_KEY"]

THRESHOLD_KEY = "threshold"
_FILE = "programme_weights.tsv"


def logit(features: dict[str, float]) -> float:
    """The weighted evidence: Σ weight × value over the features that have a weight.

    >>> logit({"bias": 1.0, "no-such-feature": 1.0}) == dicts.weights(_FILE)["bias"]
    True
    """
    w = dicts.weights(_FILE)
    return sum(w.get(name, 0.0) * value for name, value in features.items())


def probability(features: dict[str, float]) -> float:
    """The model's probability that the candidate is a programme.

    >>> 0.0 < probability({"bias": 1.0}) < 1.0
    True
    """
    z = max(-30.0, min(30.0, logit(features)))
    return 1.0 / (1.0 + math.exp(-z))


def keep(features: dict[str, float]) -> bool:
    """Whether the evidence is enough: the probability reaches the file's threshold."""
    return probability(features) >= dicts.weights(_FILE)[THRESHOLD_KEY]
