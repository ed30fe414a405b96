"""The last verb and object of an indicator phrase written before its figure (jieba POS, only on
phrases long enough to hold more): frames, baselines and earlier steps of the clause dropped."""
from __future__ import annotations

import re

from loaders import dicts
from loaders.segment import tagged
from loaders.extract.outcome.indicator import is_rate, measure_heads, tidy
from loaders.extract.outcome.lexicon import trims

__all__ = ["head"]
# A baseline left inside the phrase before a change (排名从2015年的第90位一跃上升): from where, not what.
_FROM_BASE = re.compile(r"[从由](?=[^从由]*(?:\d|第|原|以往|过去))[^从由]*$")
_PREPOSITIONS = dicts.words("outcome_head_prepositions.txt")
_HEAD_MIN = 5                                   # shorter phrases are cut by no one (build speed)


def head(phrase: str) -> str:
    """The last verb and object an indicator written before its figure ends in (受理…案件 is the
    measure): without a baseline (从…第90位), a locative frame (在…中), a prepositional phrase
    (从社会各界) or the steps before the last verb (主持召开, 牵头开展); a generic noun keeps the words
    that say which (督察发现问题).

    >>> head("大中城市中排名从2019年的第80位"), head("主持召开区政府常务会议"), head("在全省排名")
    ('排名', '区政府常务会议', '排名')
    >>> head("从退休干部中选聘人民监督员"), head("整改巡察发现问题"), head("新增市场主体")
    ('选聘人民监督员', '整改巡察发现问题', '新增市场主体')
    >>> head("向社会各界公开征集意见建议"), head("通过告知承诺方式办理事项"), head("受理行政复议案件")
    ('征集意见建议', '通过告知承诺方式办理事项', '受理行政复议案件')
    >>> head("各村社区开展法治宣讲")
    '法治宣讲'

    """
    phrase = _FROM_BASE.sub("", phrase)
    if len(phrase) < _HEAD_MIN or is_rate(phrase):
        return phrase
    words = list(tagged(phrase))
    for i in range(len(words) - 1, 0, -1):       # 在各类班次中开设…课程: the frame is where
        if words[i] == ("中", "f") and sum(len(w) for w, _ in words[i + 1:]) >= 2:
            words = words[i + 1:]
            break
    if words and words[0] == ("在", "p"):
        words = words[1:]
    words = _past_preposition(_past_subject(words))
    while len(words) > 1 and _action(words[0]) and _leaves_noun(words[1:]) and _acts(words[1:]):
        words = words[1:]
        while words and words[0][1] in ("ul", "uz", "ug"):    # 了, 着, 过
            words = words[1:]
    return tidy("".join(w for w, _ in words)) or phrase


def _past_subject(words: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """行政村开展法治流动课堂 → 法治流动课堂: who or where before a light verb of the clause."""
    for i in range(1, len(words) - 1):
        if words[i][1][0] != "n":
            if words[i][0] in trims("verb") and _leaves_noun(words[i + 1:]):
                return words[i + 1:]
            return words
    return words


def _action(word: tuple[str, str]) -> bool:
    """A verb of doing (召开, 选聘), not a noun-like one (检查, vn) nor one that says which (新增)."""
    w, t = word
    return t == "v" and len(w) >= 2 and not w.startswith("新")


def _leaves_noun(rest: list[tuple[str, str]]) -> bool:
    """Whether `rest` still names something: a noun in at least two characters, not a measure noun
    that needs its verb (办理时间), and more than a verb before a generic noun (发现问题)."""
    text = "".join(w for w, _ in rest)
    if len(text) < 2 or text.startswith(measure_heads()):
        return False
    if rest[-1][0] in dicts.words("outcome_generic_counted.txt") and len(rest) <= 2:
        return False
    return any(t[0] == "n" or t == "l" for _, t in rest)


def _past_preposition(words: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """从社会各界选聘法治督察员 → 法治督察员: a prepositional phrase and the verb it introduces."""
    if not words or words[0][0] not in _PREPOSITIONS or words[0][1] != "p":
        return words
    for j in range(2, len(words) - 1):
        if words[j - 1][1][0] not in "vp" and _action(words[j]) and _leaves_noun(words[j + 1:]):
            return words[j:]
    return words


def _acts(words: list[tuple[str, str]]) -> bool:
    """Whether `words` hold a verb and its object of their own (召开…会议): the verb before them is
    then one more step of the clause, while a single verb and object (受理…案件) is the measure."""
    return any(_action(words[i]) and _leaves_noun(words[i + 1:]) and _opens(words, i) for i in range(len(words) - 1))


def _opens(words: list[tuple[str, str]], i: int) -> bool:
    """Whether the verb at `i` opens a verb phrase: not one inside a compound noun after a noun
    (行政执法监督员), unless it is a light verb of the clause (校园开展法治授课)."""
    return i == 0 or words[i - 1][1][0] != "n" or words[i][0] in trims("verb")
