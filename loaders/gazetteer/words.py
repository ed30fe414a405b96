"""Word boundaries for place names (jieba): a short name found inside another word is no mention.

科级以上党政干部 contains 上党 (上党区) and 镇平安办 contains 镇平 (镇平县), but the words there are
以上 / 党政 and 平安: a name that starts or ends inside a word is not named. Only the few characters
around a short-name hit are cut, so whole reports are never segmented.
"""
from __future__ import annotations

import re
from functools import lru_cache

from loaders import dicts

__all__ = ["bounded", "grammatical", "common_word", "slogan_pattern"]

_WINDOW = 6
# Parts of speech of function words: a town's name never holds one (完善以街道, 现将我镇).
_NAME_POS = ("ns", "nr", "nz", "nt")     # place, person, other proper and organisation names
_FUNCTION_POS = ("p", "r", "c", "u")      # not d: 高都, 萨依巴格 hold 都 and 依


def _cut(span: str) -> tuple[str, ...]:
    try:
        from loaders.segment import cut         # the project's one tokenizer, where it exists
    except ImportError:
        return _fallback_cut(span)
    return cut(span)


def _tagged(span: str) -> tuple[tuple[str, str], ...]:
    try:
        from loaders.segment import tagged
    except ImportError:
        return _fallback_tagged(span)
    return tagged(span)


@lru_cache(maxsize=8192)
def _fallback_cut(span: str) -> tuple[str, ...]:
    return tuple(_jieba().cut(span, HMM=False))


@lru_cache(maxsize=8192)
def _fallback_tagged(span: str) -> tuple[tuple[str, str], ...]:
    from jieba import posseg
    return tuple((p.word, p.flag) for p in posseg.cut(span, HMM=False))


@lru_cache(maxsize=1)
def _jieba():
    import logging

    import jieba
    jieba.setLogLevel(logging.WARNING)
    return jieba


def bounded(text: str, start: int, end: int) -> bool:
    """True when text[start:end] starts and ends on word boundaries (or runs on only by a level or
    organ word).

    >>> bounded("科级以上党政干部", 3, 5), bounded("推进镇平安办建设", 2, 4), bounded("泽州推行企业安静期", 0, 2)
    (False, False, True)
    >>> bounded("伊犁州深入推进", 0, 2), bounded("昆山市委依法治市办", 0, 2)
    (True, True)
    """
    lo = max(0, start - _WINDOW)
    window = text[lo:min(len(text), end + _WINDOW)]
    s, e = start - lo, end - lo
    pos, cuts = 0, {0}
    for word in _cut(window):
        if pos < s < pos + len(word):
            return False
        if pos < e < pos + len(word):
            return pos == s and word[e - pos:] in dicts.words("place_context.tsv", 1, "run_on")
        pos += len(word)
        cuts.add(pos)
    return s in cuts


def grammatical(stem: str) -> bool:
    """True when a would-be town name holds a function word (完善以, 现将我) or ends in a one-character
    verb (依法治): the words of a sentence, not a name.

    >>> grammatical("完善以"), grammatical("现将我"), grammatical("依法治"), grammatical("坡子街"), grammatical("沙圪堵")
    (True, True, True, False, False)
    >>> grammatical("新城铺")
    False
    """
    tags = _tagged(stem)
    if any(len(w) == 1 and flag.startswith(_FUNCTION_POS) for w, flag in tags):
        return True
    # 依法 + 治: a common word and a verb; 新城 + 铺 (a place word first) and 沙 + 圪 + 堵 are names
    return len(tags) == 2 and len(tags[0][0]) >= 2 and not tags[0][1].startswith(_NAME_POS) \
        and len(tags[1][0]) == 1 and tags[1][1] == "v"


def common_word(stem: str) -> bool:
    """True when `stem` is one word of the dictionary that is no name (建设, 团结, 文化): as the name in
    a slogan (法治建设) it is the slogan's word, not a place's short name (法治舒桥).

    >>> common_word("建设"), common_word("团结"), common_word("舒桥"), common_word("青田")
    (True, True, False, False)
    """
    tags = _tagged(stem)
    return len(tags) == 1 and not tags[0][1].startswith(_NAME_POS)


@lru_cache(maxsize=1)
def slogan_pattern() -> "re.Pattern":
    """The words before a place's short name in the genre's slogans (法治某某, 平安某某: place_context.tsv),
    as one pattern: what the slogan names tells same-named places apart (resolve) and names a town that
    calls itself only so (extract.jurisdiction)."""
    return re.compile("(?:" + "|".join(map(re.escape, dicts.words("place_context.tsv", 1, "slogan"))) + ")")
