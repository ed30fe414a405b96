"""The words between an indicator and its figure (同比下降, 达到, 压缩至) → a direction, and the
indicator phrase with those words peeled off."""
from __future__ import annotations

import re
from functools import lru_cache

from loaders import dicts
from loaders.extract.outcome.lexicon import alternation, qualifiers, verbs

__all__ = ["peel_tail", "peel_head", "change_inside"]

# Comparisons that go with the verb, not with the indicator: 同比, 较去年同期, 比2023年.
_COMPARE = (r"(?:同比|环比|(?:较|比)(?:去年|上年|上一年|前一年|上年度|年初|\d{4}年)(?:同期|底|末)?"
            r"|连续[一二两三四五六七八九十\d]+年)")


@lru_cache(maxsize=None)
def _tail_re() -> re.Pattern:
    words = list(verbs()) + list(qualifiers("pre"))
    return re.compile(rf"(?:{_COMPARE}|{alternation(words)}|\s+)$")


@lru_cache(maxsize=None)
def _head_re() -> re.Pattern:
    changes = [w for w, d in verbs().items() if d != "level"]
    return re.compile(rf"^(?:{_COMPARE})?({alternation(changes)})[至到]?")


def peel_tail(phrase: str) -> tuple[str, str | None]:
    """Strip verbs, comparisons and hedges from the end of `phrase`; the direction they give.

    >>> peel_tail("入企检查次数同比下降")
    ('入企检查次数', 'decrease')
    >>> peel_tail("群众满意率达到")
    ('群众满意率', 'level')
    >>> peel_tail("受理案件")
    ('受理案件', None)
    >>> peel_tail("审批时限压缩到")
    ('审批时限', 'decrease')
    >>> peel_tail("市场主体年均增长")
    ('市场主体年均', 'increase')
    >>> peel_tail("办理用时压缩至平均")
    ('办理用时', 'decrease')
    """
    direction = None
    while True:
        average = next((w for w in dicts.words("outcome_averages.txt") if phrase.endswith(w)), "")
        if average:
            rest = _tail_re().search(phrase[:-len(average)])
            if not rest or rest.start() == rest.end():
                return phrase, direction      # 市场主体年均: part of the measure
            phrase = phrase[:-len(average)]   # 压缩至平均(2天): a hedge on the figure after a verb
            continue
        m = _tail_re().search(phrase)
        if not m or m.start() == m.end():
            return phrase, direction
        found = verbs().get(m.group())
        if found and (direction is None or direction == "level"):
            direction = found if direction is None or found != "level" else direction
        phrase = phrase[:m.start()]


def change_inside(phrase: str, keep: bool = False) -> tuple[str, str | None]:
    """A change verb written inside the phrase before a figure (区级取消政务服务事项 → decrease): the
    words after it name what changed.

    >>> change_inside("区级取消政务服务事项")
    ('政务服务事项', 'decrease')
    >>> change_inside("办理案件"), change_inside("区级取消政务服务事项", keep=True)
    (('办理案件', None), ('取消政务服务事项', 'decrease'))
    """
    found = None
    for m in _inside_re().finditer(phrase):     # reductions only: 扩大会议 is a meeting, not a rise
        found = m
    if found is None or len(phrase) - found.end() < 2:
        return phrase, None
    return phrase[found.start() if keep else found.end():], verbs()[found.group()]


@lru_cache(maxsize=None)
def _inside_re() -> re.Pattern:
    changes = [w for w, d in verbs().items() if d == "decrease" and len(w) >= 2]
    return re.compile(alternation(changes))


def peel_head(phrase: str, keep: bool = False) -> tuple[str, str | None]:
    """Strip a leading change verb (压减申请材料 → 申请材料, decrease); with `keep` the verb stays
    (a count of what was cut: 取消证明事项21项), only the direction is read.

    >>> peel_head("压减申请材料")
    ('申请材料', 'decrease')
    >>> peel_head("审批时间"), peel_head("缩短到并联审批时间")
    (('审批时间', None), ('并联审批时间', 'decrease'))
    """
    m = _head_re().match(phrase)
    if not m or len(phrase) - m.end() < 2:
        return phrase, None
    return phrase[m.start(1) if keep else m.end():], verbs()[m.group(1)]
