"""One sentence → its readings: each figure with the indicator it measures, its direction and the
clause it stands in; baselines (由20天…) and implausible rates (a 率 of 14327) are left out."""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, replace

from loaders import dicts
from loaders.segment import cut, tagged
from loaders.extract.outcome.clauses import Clause, quoted, split
from loaders.extract.outcome.figures import RUN_UNITS, Figure, find
from loaders.extract.outcome.head import head
from loaders.extract.outcome.indicator import _not_counted_re, after, before, is_rate, tidy
from loaders.extract.outcome.lexicon import alternation, verbs

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
    >>> [(r.indicator, r.figure.value) for r in read("报备率、及时率均为100%")]
    [('报备率', 100.0), ('及时率', 100.0)]
    """
    figures = find(sentence, quoted(sentence))
    out: list[Reading] = []
    last_indicator, last_direction = "", None
    pending: list[str] = []                       # 报备率、及时率均为100%: rates waiting for a shared figure
    paired: tuple[str, str] | None = None
    respective: list[str] = []                    # 复议、诉讼案件分别为120件、45件: names still to pair
    clauses = split(sentence)
    for c, clause in enumerate(clauses):
        inside = [f for f in figures if clause.start <= f.num_start < clause.end]
        pending = _waiting(sentence, clause, inside, pending)
        left = clause.start
        for k, fig in enumerate(inside):
            if k + 1 < len(inside) and _run(sentence, fig):
                continue                              # 连续三年保持100%: the streak qualifies the next figure
            right = inside[k + 1].start if k + 1 < len(inside) else clause.end
            pre, post = sentence[left:fig.start], sentence[fig.end:_closing(sentence, fig.end, right)]
            if k + 1 == len(inside) and after(post) and not after(post).endswith("性"):
                post = sentence[fig.end:_coordinated(clauses, c, figures)]
            left = fig.end
            every = _EVERY.search(pre)
            if every and fig.unit == "次":             # 每两月1次: a frequency, not a result
                left += len(_RATE_WORD.match(sentence, fig.end).group())
                continue
            indicator, direction = before(pre, counts=fig.unit not in _SIZES)
            indicator = head(indicator)
            if clause.sep == "、" and k == 0:
                indicator = _listed_object(indicator, last_indicator)
            after_value = bool(paired)
            if paired:                                # 把62项考核指标精简为13项: the after-value
                (indicator, direction), paired = paired, None
            if direction == "increase" and fig.unit in _TIMES and _sped_up(pre):
                direction = "decrease"                # 提速至6.44天: less time
            if direction in ("increase", "decrease") and _TO_BOUND.search(pre) and fig.qualifier in _BOUNDS:
                direction = "level"                   # 降至3%以下: a bound reached, not the size of a fall
            base = (None if _composed(post) else _base().search(pre)) or (_changed_to().match(post)
                                           and (_BASE_OF.search(pre) or _BASE_NOUN.search(pre)))
            if base:                                  # a baseline: 由(原来的)20天压减至5天
                named = base.groupdict().get("what")  # 从法定办理时间20天…: what the baseline measures
                last_indicator = (before(pre[:base.start()])[0] or (tidy(named) if named else "")
                                  or last_indicator)
                continue
            if _benchmark().search(pre):              # 超过自治区规定的62.5%: what was to be beaten
                continue
            if _DISPOSAL.search(pre) and k + 1 < len(inside):
                paired = _pair(post)
                if paired:                            # a baseline written before its noun
                    continue
            if direction is None and clause.sep == "、" and k == 0:
                direction = _listed_direction(sentence, clauses, c, figures, last_direction)
            counted = "" if after_value else (      # the pair named what the after-value counts
                _run_counted(sentence, fig, post) or _part_named(pre, post) or _share_of(fig, indicator, post)
                or _served(pre, post) or _titled(post) or _described(sentence, fig, after(post)))
            reading = _reading(fig, indicator, counted, direction, clause, last_indicator)
            if reading:
                if k == 0 and pending and _SHARED.search(pre):
                    out.extend(replace(reading, indicator=name) for name in pending)
                own = len(indicator) >= 2 or len(counted) >= 2
                reading, respective = _respectively(reading, pre, pending if k == 0 else [], respective, own,
                                                    out[-1] if out else None)
                if k == 0 and "分别" in pre and not respective:
                    reading, respective = _joined(reading, len(inside))
                elif k == 0 and len(inside) == 1 and not pending and "和" in reading.indicator:
                    first, rest = _joined(reading, 1 + reading.indicator.count("和"))
                    tail = pre[pre.rfind(rest[-1]) + len(rest[-1]):] if rest and rest[-1] in pre else ""
                    if _SHARED.match(tail):           # 满意度和知晓率均达95%: one figure, each name
                        out.append(first)
                        out.extend(replace(reading, indicator=name) for name in rest[:-1])
                        reading = replace(reading, indicator=rest[-1])
                out.append(reading)
                last_indicator, last_direction = reading.indicator, reading.direction
        if inside:
            pending = []
    return out


def _listed_object(indicator: str, last: str) -> str:
    """A listed figure named by its verb alone takes the noun of the figure before it, which the
    list shares (取消行政许可事项8项、承接10项 → 承接行政许可事项; 受理案件120件、办结118件 → 办结案件);
    a figure named by a noun of its own, or after a figure named by a verb alone, stays as it is.

    >>> [r.indicator for r in read("取消行政许可事项8项、承接10项、调整149项")]
    ['取消行政许可事项', '承接行政许可事项', '调整行政许可事项']
    >>> [r.indicator for r in read("受理120件、办结118件")]
    ['受理', '办结']
    """
    words = tagged(indicator) if indicator else ()
    if not words or not all(t[:1] == "v" and (t != "vn" or len(words) == 1) for _, t in words):
        return indicator
    noun = list(tagged(last)) if last else []
    while noun and noun[0][1][:1] == "v" and noun[0][1] != "vn":
        noun.pop(0)                              # 取消行政许可事项 → 行政许可事项: the verb is its own
    if not noun or noun[-1][1][:1] != "n":
        return indicator
    return indicator + "".join(w for w, _ in noun)


def _listed_direction(sentence: str, clauses: list[Clause], c: int, figures: list[Figure],
                      last: str | None) -> str | None:
    """The direction of a figure whose clause follows a 、: the previous figure's, when the clause
    before has one (压减材料30项、时间5天); else that of the verb the listed names share (取消、
    下放事项665项), none when it names no change (调整依据、时限138项).

    >>> s = "共取消、下放审批事项665项"; [r.direction for r in read(s)]
    ['decrease']
    """
    previous = clauses[c - 1]
    if any(previous.start <= f.num_start < previous.end for f in figures):
        return last
    return before(sentence[previous.start:previous.end])[1]


def _coordinated(clauses: list[Clause], c: int, figures: list[Figure]) -> int:
    """Where the noun counted by the last figure of clause `c` ends: past the names coordinated
    with it by 、 that have no figure of their own (1次规章、规范性文件后评估工作 counts the
    评估 of both), else at the clause's end.

    >>> s = "开展1次规章、规范性文件后评估，并公布"; cs = split(s)
    >>> s[4:_coordinated(cs, 0, find(s, quoted(s)))]
    '规章、规范性文件后评估'
    """
    end = clauses[c].end
    for nxt in clauses[c + 1:]:
        if nxt.sep != "、" or any(nxt.start <= f.num_start < nxt.end for f in figures):
            break
        end = nxt.end
    return end


_SHARED = re.compile(r"[均都皆]")
# Units of a size (a share, a time, a sum): a change verb before the noun gives only the direction.
_SIZES = (None, *dicts.words("outcome_unit_classes.tsv", 1, "size"))
_TIMES = dicts.words("outcome_unit_classes.tsv", 1, "time")
_OFTEN = dicts.words("outcome_unit_classes.tsv", 1, "often")


def _sped_up(pre: str) -> bool:
    """Whether `pre` ends with a verb of speeding up (outcome_speed_verbs.txt), 至/到 aside.

    >>> _sped_up("审批事项提速至"), _sped_up("办件量增长")
    (True, False)
    """
    return pre.rstrip("至到为了").endswith(dicts.words("outcome_speed_verbs.txt"))


def _closing(sentence: str, start: int, end: int) -> int:
    """`end`, or past the bracket the text from `start` opens and the clause cut off (12个县（市、区）).

    >>> s = "12个县（市、区）全部达标"; s[3:_closing(s, 3, 6)]
    '县（市、区）'
    """
    depth = 0
    for ch in sentence[start:end]:
        depth += (ch in "(（") - (ch in ")）")
    if depth <= 0:
        return end
    for i in range(end, min(len(sentence), end + 20)):
        depth += (sentence[i] in "(（") - (sentence[i] in ")）")
        if depth == 0:
            return i + 1
    return end


@lru_cache(maxsize=None)
def _base() -> re.Pattern:
    """由/从 (with a word of when: outcome_baseline_words.txt) right before a figure: a baseline."""
    return re.compile(rf"[由从](?:{alternation(dicts.words('outcome_baseline_words.txt'))}|\d{{4}}年)?的?$")


@lru_cache(maxsize=None)
def _benchmark() -> re.Pattern:
    """A verb of comparing (outcome_benchmark_verbs.txt) and a phrase ending in 的 right before a
    figure: the figure is the benchmark.

    >>> bool(_benchmark().search("超过自治区规定的")), bool(_benchmark().search("高于全省平均水平"))
    (True, False)
    """
    return re.compile(rf"{alternation(dicts.words('outcome_benchmark_verbs.txt'))}[\u4e00-\u9fff]{{1,10}}的$")


@lru_cache(maxsize=None)
def _composed_re() -> re.Pattern:
    return re.compile(rf"^[^，,。；;]{{1,20}}?{alternation(dicts.words('outcome_composed_verbs.txt'))}")


def _composed(post: str) -> bool:
    """由20名专家组成: the figure after 由 counts the members of a body (outcome_composed_verbs.txt),
    it is no baseline.

    >>> _composed("法律专业人才组成的宣讲团"), _composed("缩短至5天")
    (True, False)
    """
    return bool(_composed_re().match(post))


_BASE_OF = re.compile(r"[由从][\u4e00-\u9fff]{1,5}的$")      # 由法定的20个工作日, when a change follows
_BASE_NOUN = re.compile(r"[由从](?P<what>[\u4e00-\u9fff]{2,12})$")  # 从法定时限20个工作日, when a change follows


@lru_cache(maxsize=None)
def _changed_to() -> re.Pattern:
    """A change verb and 至/到/为 right after a figure (压缩至): the figure was the baseline."""
    changes = [w for w, d in verbs().items() if d in ("increase", "decrease")]
    return re.compile(rf"^(?:{alternation(changes)})[\u4e00-\u9fff]{{0,2}}?[至到为]")
# 把/将 before the first figure of a change written 将N项X压减至M项 (将有关部门的99项…: a short owner between)
_DISPOSAL = re.compile(r"[把将](?:[\u4e00-\u9fff]{1,8}的)?$")
_EVERY = re.compile(r"每[一二两三四五六七八九十半\d]*个?(?:年|季度|季|月|周|星期|旬|天|日)(?:至少|不少于)?$")
_RATE_WORD = re.compile(r"(?:的)?(?:频次|频率)?")


@lru_cache(maxsize=None)
def _pair_re() -> re.Pattern:
    changes = [w for w, d in verbs().items() if d in ("increase", "decrease") and len(w) >= 2]
    adverbs = alternation(dicts.words("outcome_link_adverbs.txt"))
    return re.compile(rf"^(?P<what>.{{2,}}?){adverbs}*(?P<verb>{alternation(changes)})[\u4e00-\u9fff]{{0,2}}?[为至到]$")


def _pair(post: str) -> tuple[str, str] | None:
    """把62项考核指标精简优化为13项: the noun after the first figure and the change verb, which the
    next figure (the after-value) measures; None when `post` is no such change.

    >>> _pair("考核指标精简优化为"), _pair("证明事项依法压减至"), _pair("部门开展检查")
    (('考核指标', 'decrease'), ('证明事项', 'decrease'), None)
    """
    m = _pair_re().match(post)
    if not m:
        return None
    return tidy(m.group("what")), verbs()[m.group("verb")]
_IN_FRAME = re.compile(r"^[在于](.+?)中(?=.)")


def _share_of(fig: Figure, indicator: str, post: str) -> str:
    """A share written before what it is a share of (98%以上事项实现网上办理), or a count before
    what was done with what it counts (其余67项已完成, 已有6项实现信用承诺制): the whole rest of the
    clause names the measure, verb included, when nothing before the figure does."""
    if len(indicator) >= 2:
        return ""
    rest = re.sub(r"[“”‘’\"'\s]", "", post).removeprefix("的")
    if fig.unit == "%":
        return rest if after(post) else ""
    words = tagged(rest) if rest and fig.unit not in _SIZES else ()
    scope = dicts.words("outcome_all_words.txt")
    verb = next((i for i, (w, flag) in enumerate(words) if flag != "d" and w not in scope), None)
    if verb is None or not words[verb][1].startswith("v") or _not_counted_re().match(rest):
        return ""
    return rest


_PART = re.compile(r"^为([\u4e00-\u9fff]{2,12})[)）]?$")


def _part_named(pre: str, post: str) -> str:
    """其中2项为子项: a part of a count named after 为 is what the figure counts.

    >>> _part_named("(其中", "为子项)"), _part_named("其中", "为重大案件"), _part_named("共", "为企业")
    ('子项', '重大案件', '')
    """
    m = _PART.match(post)
    return m.group(1) if m and pre.rstrip().endswith("其中") else ""


def _run_counted(sentence: str, fig: Figure, post: str) -> str:
    """What a run or a kind counts: 连续14年 + 在全省考核中获评优秀 → 全省考核获评优秀; 四大奖项 → 奖项."""
    if fig.num_end < len(sentence) and sentence[fig.num_end] == "大" and fig.unit:
        return sentence[fig.num_end + 1:fig.end]
    if _run(sentence, fig):
        return _IN_FRAME.sub(r"\1", post.strip())
    return ""


_QUALITY_HEAD = re.compile(r"的([\u4e00-\u9fff]{2,})[^，,。；;]*$")


def _described(sentence: str, fig: Figure, counted: str) -> str:
    """52项操作性、针对性强的改革措施: a quality (…性) is what the counted thing has, not the thing;
    the noun after the last 的 of the comma clause is what is counted.

    >>> _described("提出12项针对性、可操作性强的工作举措，", Figure(2, 5, 2, 4, 12, "项"), "针对性")
    '工作举措'
    """
    if not counted.endswith("性"):
        return counted
    rest = re.split(r"[，,。；;]", sentence[fig.end:], maxsplit=1)[0]
    m = _QUALITY_HEAD.search(rest)
    return after(m.group(1)) if m else counted


@lru_cache(maxsize=None)
def _title_re() -> re.Pattern:
    return re.compile(alternation(dicts.words("outcome_title_verbs.txt")))


def _titled(post: str) -> str:
    """13个县(区)被命名为法治示范县: the title the counted places or bodies were given names the
    measure; "" unless a title verb follows the counted noun.

    >>> _titled("县(区)被命名为省级法治示范县"), _titled("单位参加考试")
    ('省级法治示范县', '')
    """
    counted = after(post)
    m = _title_re().search(post, 1) if counted and post.startswith(counted) else None
    return after(post[m.end():]) if m and m.start() <= len(counted) else ""


_FOR = re.compile(r"为(?:全[省市区县州旗镇乡]|[本我][省市区县州旗镇乡])?$")


def _served(pre: str, post: str) -> str:
    """为96家企业发放许可证和信用报告: those served are counted, named by what they were given
    (发放许可证和信用报告的企业); "" unless the figure follows 为 and a verb and its object follow.

    >>> _served("已为全市", "企业提供“法律体检”服务"), _served("为", "企业")
    ('提供法律体检服务的企业', '')
    """
    if not _FOR.search(pre):
        return ""
    words = tagged(re.sub(r"[“”‘’\"'\s]", "", post))
    for i in range(1, len(words) - 1):
        w, t = words[i]
        if t == "v" and len(w) >= 2 and all(t2[0] == "n" for _, t2 in words[:i]):
            served = "".join(x for x, _ in words[:i])
            return "".join(x for x, _ in words[i:]) + "的" + served if len(served) >= 2 else ""
    return ""


def _run(sentence: str, fig: Figure) -> bool:
    """连续N年, 连续N届: a streak, counted only when no other figure of its clause follows it."""
    return fig.unit in RUN_UNITS and sentence[max(0, fig.start - 2):fig.start] == "连续"
_TO_BOUND = re.compile(r"[至到]\s*$")
_BOUNDS = ("以下", "以内", "以上")
_TAIL_WORDS = 3


def _with_head(before_phrase: str, counted: str) -> str:
    """The counted noun, and for one that names no measure alone (问题, 人员, 部门单位) the last
    words before the figure too (整改督察发现的 + 问题 → 督察发现的问题).

    >>> _with_head("有力整改区市两级法治督察发现的", "问题"), _with_head("", "部门单位"), _with_head("共", "地方性法规")
    ('督察发现的问题', '部门单位', '地方性法规')
    """
    if counted not in dicts.words("outcome_generic_counted.txt") or len(before_phrase) < 2:
        return counted
    light = set(dicts.words("programme_bare_stop.txt")) - {"的"}
    taken: list[str] = []
    for word in reversed(cut(before_phrase)):       # contiguous: the words right before the figure
        if word in light or len(taken) == _TAIL_WORDS:
            break
        taken.insert(0, word)
    return "".join(taken).lstrip("的") + counted


def _respectively(reading: Reading, pre: str, pending: list[str], respective: list[str],
                  own: bool, previous: Reading | None) -> tuple[Reading, list[str]]:
    """分别: the names listed with 、 before the first figure go with the figures in order, an earlier
    name taking the shared ending of the last (行政复议、行政诉讼案件 → 行政复议案件); returns the
    reading and the names still to pair. A later figure also takes the direction of the first.

    >>> [(r.indicator, r.figure.value) for r in read("刑事、民事案件分别为120件、45件")]
    [('刑事案件', 120.0), ('民事案件', 45.0)]
    """
    if pending and "分别" in pre:
        names = [_shared_ending(n, reading.indicator) for n in pending] + [reading.indicator]
        return replace(reading, indicator=names[0]), names[1:]
    if respective and not own:
        direction = previous.direction if previous and reading.direction == "level" else reading.direction
        return replace(reading, indicator=respective[0], direction=direction), respective[1:]
    return reading, [] if own else respective


def _joined(reading: Reading, figures: int) -> tuple[Reading, list[str]]:
    """办结率和满意率分别达到98%和96%: names joined by 和/及/与 in one indicator go with the
    clause's figures in order, when there are as many of each; returns the reading and the names
    still to pair.

    >>> [(r.indicator, r.figure.value) for r in read("受理率和办结率分别为97%和95%")]
    [('受理率', 97.0), ('办结率', 95.0)]
    >>> [(r.indicator, r.figure.value) for r in read("受理率和办结率均为97%")]
    [('受理率', 97.0), ('办结率', 97.0)]
    """
    names = [n for n in re.split(r"[和及与]", reading.indicator)]
    if figures < 2 or len(names) != figures or any(len(n) < 2 for n in names):
        return reading, []
    names = [_shared_ending(n, names[-1]) for n in names[:-1]] + names[-1:]
    return replace(reading, indicator=names[0]), names[1:]


def _shared_ending(name: str, last: str) -> str:
    """`name` with what `last` has after its first word, when `name` stands beside that word and
    does not end alike (报备率、及时率)."""
    words = cut(last)
    ending = "".join(words[1:]) if len(words) > 1 else last[len(name):] if len(last) >= len(name) + 2 else ""
    words = words if ending else ()
    parallel = len(name) <= len(last) - len(ending)           # 刑事 beside 民事, not 审批时限 beside 申请
    return name + ending if words and parallel and name[-1] != last[-1] else name


def _waiting(sentence: str, clause: Clause, inside: list[Figure], pending: list[str]) -> list[str]:
    """Names listed with 、 before the clause that gives their figures (a common one after 均, one
    each after 分别); [] once a figure is read."""
    if inside:
        return pending if clause.sep == "、" else []
    name = before(sentence[clause.start:clause.end])[0]
    if not 2 <= len(name) <= 20:
        return []
    return pending + [name] if clause.sep == "、" else [name]


def _acted(indicator: str, counted: str) -> bool:
    """县政府常务会议2次听取专题汇报: a figure between the noun it counts and the verb phrase of what
    was done names both, as if it were written after them (会议听取专题汇报2次).

    >>> _acted("市政府常务会议", "研究部署法治工作"), _acted("开展", "法治讲座"), _acted("会议", "")
    (True, False, False)
    """
    if len(indicator) < 2 or len(counted) < 2:
        return False
    first, last = tagged(counted)[0], tagged(indicator)[-1]
    verb = first[1] == "v" and len(first[0]) >= 2 or counted.startswith(dicts.words("outcome_done_verbs.txt"))
    return verb and last[1][:1] in "nlj" and last[1] != "nr"   # a noun, set phrase or abbreviation


def _reading(fig: Figure, indicator: str, counted: str, direction: str | None, clause: Clause,
             inherited: str) -> Reading | None:
    unit = fig.unit
    if indicator and is_rate(indicator) and unit not in (None, "%", "‰", "百分点", "倍"):
        return None                               # 减负率达到5423777项: a garbled percentage
    if unit is None:                              # a bare number counts only right after a rate
        if not (indicator and is_rate(indicator)):
            return None
        unit = "%"
    elif unit in _OFTEN and _acted(indicator, counted):
        indicator = indicator + counted           # 常务会议2次听取汇报: the meetings, and what they did
    elif len(counted) >= 2 and (unit != "%" or len(indicator) < 2):
        indicator = _with_head(indicator, counted)
    if len(indicator) < 2 or inherited and indicator.endswith(dicts.words("outcome_event_verbs.txt")):
        indicator = inherited                     # 宣讲2场次，走进社区开展2场次: more of the same
    if len(indicator) > 3 and indicator.endswith("的"):
        indicator = indicator[:-1]                # 占计划任务总数的69%: the 的 joined the figure
    if len(indicator) < 2:
        return None
    direction = direction or "level"
    if unit == "%" and fig.value > 100 and direction == "level" and is_rate(indicator):
        return None                               # a rate or share above 100%: a lost decimal point
    return Reading(fig, indicator, direction, unit, clause)
