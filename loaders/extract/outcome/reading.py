"""One sentence → its readings: each figure with the indicator it measures, its direction and the
clause it stands in; baselines (由20天…) and implausible rates (a 率 of 14327) are left out."""
from __future__ import annotations

from dataclasses import dataclass

from loaders.extract.outcome.clauses import Clause, quoted, split
from loaders.extract.outcome.figures import Figure, find
from loaders.extract.outcome.indicator import after, before, is_rate

__all__ = ["Reading", "read"]


@dataclass(frozen=True)
class Reading:
    """A figure of the sentence read as an outcome (offsets relative to the sentence)."""

    figure: Figure
    indicator: str
    direction: str
    unit: str | None
    clause: Clause


def read(sentence: str) -> list[Reading]:
    """Read every figure of `sentence` as indicator + value + unit + direction.

    >>> [(r.indicator, r.figure.value, r.unit, r.direction) for r in read("立刑事案件428起，同比下降26.3%")]
    [('立刑事案件', 428.0, '起', 'level'), ('立刑事案件', 26.3, '%', 'decrease')]
    >>> [(r.indicator, r.unit) for r in read("化解率99，完成率14327")]
    [('化解率', '%')]
    """
    figures = find(sentence, quoted(sentence))
    out: list[Reading] = []
    last_indicator, last_direction = "", None
    for clause in split(sentence):
        inside = [f for f in figures if clause.start <= f.num_start < clause.end]
        left = clause.start
        for k, fig in enumerate(inside):
            right = inside[k + 1].start if k + 1 < len(inside) else clause.end
            pre, post = sentence[left:fig.start], sentence[fig.end:right]
            left = fig.end
            indicator, direction = before(pre)
            if pre.endswith(("由", "从")):            # a baseline: 由20天压减至5天
                last_indicator = before(pre[:-1])[0] or last_indicator
                continue
            if direction is None and clause.sep == "、" and k == 0:
                direction = last_direction
            reading = _reading(fig, indicator, after(post), direction, clause, last_indicator)
            if reading:
                out.append(reading)
                last_indicator, last_direction = reading.indicator, reading.direction
    return out


def _reading(fig: Figure, indicator: str, counted: str, direction: str | None, clause: Clause,
             inherited: str) -> Reading | None:
    unit = fig.unit
    if indicator and is_rate(indicator) and unit not in (None, "%", "‰", "百分点", "倍"):
        return None                               # 减负率达到5423777项: a garbled percentage
    if unit is None:                              # a bare number counts only right after a rate
        if not (indicator and is_rate(indicator)):
            return None
        unit = "%"
    elif len(counted) >= 2 and (unit != "%" or len(indicator) < 2):
        indicator = counted
    if len(indicator) < 2:
        indicator = inherited
    if len(indicator) < 2:
        return None
    direction = direction or "level"
    if unit == "%" and fig.value > 100 and direction == "level" and is_rate(indicator):
        return None                               # a rate or share above 100%: a lost decimal point
    return Reading(fig, indicator, direction, unit, clause)
