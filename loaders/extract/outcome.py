"""Quantified outcomes (下降38.6%…) → `Outcome` records linked to the programme of their clause."""
from __future__ import annotations

import re

from loaders.records import Outcome, Place, Programme
from loaders.text import Text

__all__ = ["extract"]

_PCT = re.compile(r"([\u4e00-\u9fff]{2,8}?)(下降|减少|提升|提高|增长|达到|达)(\d+(?:\.\d+)?)(%)")
_DIR = {"下降": "decrease", "减少": "decrease", "提升": "increase", "提高": "increase", "增长": "increase",
        "达到": "level", "达": "level"}


def extract(text: Text, programs: list[Programme], place: Place | None) -> list[Outcome]:
    """First version: '<indicator><verb><number>%' patterns."""
    out = []
    for m in _PCT.finditer(text.norm):
        s, e = text.sentence_span(m.start())
        out.append(Outcome(m.group(1), float(m.group(3)), "%", _DIR[m.group(2)], text.norm[s:e],
                           m.start(), m.end(), jurisdiction=place, text=text.plain[m.start():m.end()]))
    return out
