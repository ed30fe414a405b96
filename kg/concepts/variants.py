"""Variant rules on programme names: one variant key (punctuation, quotes, a leading scope such as
新时代, a 制度/机制 tail ignored), names inside names that the report's own wording joins
(企业“安静期”), and names that are different things that go together (an app, a pilot zone, the same
scheme for another group: 一村一法律顾问 / 一社区一法律顾问).

Word lists are data: `loaders/dicts/concept_words.tsv` and the scope cues of `programme_cues.tsv`.
"""
from __future__ import annotations

import re
import unicodedata

from rapidfuzz.distance import Indel

from loaders.lexicon import concept_words, cues, fold

__all__ = ["variant_key", "core", "apart", "quoted_inside", "QUOTES"]

_MIN = 2                              # a key never shrinks below two characters
QUOTES = ("“", "\"", "「", "『", "‘")   # opening quotes a report may put around a programme's name
_STOP = re.compile(r"[\s，,。；;：:、！？!?（）()《》“”\"「」『』‘’]")


def variant_key(name: str) -> str:
    """The key two spellings of one programme share: fold, no leading scope, no generic tail.

    >>> variant_key("新时代“枫桥经验”") == variant_key("枫桥经验")
    True
    >>> variant_key("“企业安静期”制度"), variant_key("容缺受理机制"), variant_key("河长制")
    ('企业安静期', '容缺受理', '河长制')
    """
    key = fold(unicodedata.normalize("NFKC", name)).lower()
    changed = True
    while changed:
        changed = False
        for scope in cues("scope"):
            if key.startswith(scope) and len(key) - len(scope) >= _MIN:
                key, changed = key[len(scope):], True
        for tail in concept_words("tail"):
            if key.endswith(tail) and len(key) - len(tail) >= _MIN:
                key, changed = key[: -len(tail)], True
    return key


def core(key: str) -> str:
    """A key without its generic last word (经验, 模式, 工作法 …): the part that tells names apart.

    >>> core("枫桥经验"), core("经验")
    ('枫桥', '经验')
    """
    for head in concept_words("head"):
        if key.endswith(head) and len(key) - len(head) >= _MIN:
            return key[: -len(head)]
    return key


def apart(a: str, b: str) -> str | None:
    """Why two variant keys name different things that go together, or None.

    >>> apart("企业安静期示范区", "企业安静期")
    '企业安静期示范区 is 企业安静期 + 示范区 (a different thing that goes with it)'
    >>> apart("一村一法律顾问", "一社区一法律顾问")
    'only 村 / 社区 differ: the same scheme for another group'
    >>> apart("安静生产期", "企业安静期") is None
    True
    """
    for longer, shorter in ((a, b), (b, a)):
        if longer.startswith(shorter) and longer[len(shorter):] in concept_words("apart"):
            return f"{longer} is {shorter} + {longer[len(shorter):]} (a different thing that goes with it)"
    units = set(concept_words("unit"))
    swaps = [(a[o.src_start:o.src_end], b[o.dest_start:o.dest_end])
             for o in Indel.opcodes(a, b) if o.tag != "equal"]
    if not swaps:
        return None
    left = "".join(x for x, _ in swaps)
    right = "".join(y for _, y in swaps)
    if left in units and right in units and left != right:
        return f"only {left} / {right} differ: the same scheme for another group"
    return None


def quoted_inside(spelling: str, sentence: str) -> list[tuple[str, str]]:
    """(prefix + name, the wording) for each place the sentence quotes `spelling` right after up to
    four characters glued before the quote; 企业“安静期” says the programme may be 企业安静期 (the
    caller keeps the prefixes that make a name the store knows).

    >>> ("企业安静期", "企业“安静期”") in quoted_inside("安静期", "全县推行企业“安静期”制度。")
    True
    """
    found = []
    for quote in QUOTES:
        start = 0
        while (i := sentence.find(quote + spelling, start)) >= 0:
            start = i + 1
            for k in range(4, 0, -1):
                prefix = sentence[max(0, i - k):i]
                if len(prefix) == k and not _STOP.search(prefix):
                    closing = i + 1 + len(spelling)
                    found.append((prefix + spelling, sentence[i - k:closing + 1]))
    return found
