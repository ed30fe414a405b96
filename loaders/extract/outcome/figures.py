"""Figure expressions in a sentence (超90%, 3万多件, 1.2万人次, 百分之九十五, 调解成功率99) → `Figure`s
with value, unit and qualifier; ordinals, dates, years, phone numbers and names are not figures."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from loaders import dicts
from loaders.extract.outcome.lexicon import alternation, qualifiers, units, verbs
from loaders.segment import cut, tagged
from loaders.numerals import ARABIC, CHINESE_NUMERAL, MAGNITUDES, MULTIPLIERS, parse_number

__all__ = ["Figure", "find", "RUN_UNITS"]

_MONEY = ("万元", "亿元", "千元")
# A unit glued to these characters is the start of another word (70周年, 3部门), not a unit.
# Service numbers (12345 热线, 110 报警) are names of services.


@lru_cache(maxsize=1)
def _service_re() -> re.Pattern:
    return re.compile(alternation(dicts.words("outcome_service_words.txt")))
_RANK_UNITS = dicts.words("outcome_unit_classes.tsv", 1, "rank")
_BODY_UNITS = dicts.words("outcome_unit_classes.tsv", 1, "body")
_KIND_UNITS = dicts.words("outcome_unit_classes.tsv", 1, "kind")
_TIME_UNITS = dicts.words("outcome_unit_classes.tsv", 1, "time")
_DATE_JOIN = re.compile(r"[-—–/~～.]\d")


@dataclass(frozen=True)
class Figure:
    """One figure expression at [start, end) of the sentence; the number itself at [num_start, num_end)."""

    start: int
    end: int
    num_start: int
    num_end: int
    value: float
    unit: str | None
    qualifier: str | None = None


@lru_cache(maxsize=None)
def _number_re() -> re.Pattern:
    pre = alternation(qualifiers("pre"))
    return re.compile(rf"(?P<pre>{pre})?(?:(?P<frac>[百千]分之)(?P<fv>{ARABIC}|{CHINESE_NUMERAL})"
                      rf"|(?P<ar>{ARABIC})|(?P<cn>{CHINESE_NUMERAL}))")


@lru_cache(maxsize=None)
def _tail_re() -> re.Pattern:
    mid = alternation(qualifiers("mid"))
    unit = alternation(units())
    post = alternation(qualifiers("post"))
    return re.compile(rf" ?(?P<m1>{mid})?(?P<money>{'|'.join(_MONEY)})?(?P<mult>(?(money)|[千万亿]))?"
                      rf"(?P<m2>{mid})?(?P<unit>(?(money)|{unit}))?(?P<post>{post})?")


RUN_UNITS = dicts.words("outcome_unit_classes.tsv", 1, "run")      # longest first, as the regex needs
_RUN = re.compile(rf"(?<=连续)第?({ARABIC}|[一二两三四五六七八九十]+)({'|'.join(RUN_UNITS)})")  # 连续第12年 too
_GREAT = re.compile(r"([一二两三四五六七八九十]+)大([\u4e00-\u9fff]{0,2}?[项类])")


def _counted_runs(sentence: str, masked: frozenset[int]) -> list[Figure]:
    """连续4年, 连续第12年, 连续三届 (a streak) and 四大奖项 (four of a kind, when won), which the unit table does
    not read."""
    out = []
    for m in _RUN.finditer(sentence):
        value = parse_number(m.group(1))
        if value is not None and m.start() not in masked:
            out.append(Figure(m.start(), m.end(), m.start(1), m.end(1), value, m.group(2)))
    for m in _GREAT.finditer(sentence):
        value = parse_number(m.group(1))
        won = any(w in sentence[max(0, m.start() - 6):m.start()] for w in dicts.words("outcome_award_verbs.txt"))
        if value is not None and m.start() not in masked and won:
            out.append(Figure(m.start(), m.end(), m.start(1), m.end(1), value, m.group(2)[-1]))
    return out


def find(sentence: str, masked: frozenset[int] = frozenset()) -> list[Figure]:
    """Every figure expression in `sentence`; numbers at `masked` offsets (inside quotes) are skipped.

    >>> [(f.value, f.unit, f.qualifier) for f in find("办理业务量3万多件，满意率超过95%，惠及1.2万人次")]
    [(30000.0, '件', '多'), (95.0, '%', '超过'), (12000.0, '人次', None)]
    >>> find("第3条规定，2024年，12345热线")
    []
    >>> [(f.value, f.unit, f.qualifier) for f in find("检查次数下降三成以上，建成3个站，一成不变")]
    [(30.0, '%', '以上'), (3.0, '个', None)]
    >>> [(f.value, f.unit) for f in find("召开十二次党代会，连续4年获评先进，荣获四大奖项")]
    [(4.0, '年'), (4.0, '项')]
    >>> [(f.value, f.unit) for f in find("建成24小时智慧政务服务中心，行政许可、确认等6类事项共1519项，3天办结")]
    [(1519.0, '项'), (3.0, '天')]
    """
    out: list[Figure] = []
    for m in _number_re().finditer(sentence):
        if out and m.start() < out[-1].end:
            continue
        fig = _figure(sentence, m)
        if fig and fig.num_start not in masked and not _rejected(sentence, fig):
            out.append(fig)
    runs = [f for f in _counted_runs(sentence, masked) if not any(f.start < g.end and g.start < f.end for g in out)]
    return sorted(out + runs, key=lambda f: f.start)


def _figure(s: str, m: re.Match) -> Figure | None:
    if m.group("frac"):
        value = parse_number(m.group("fv"))
        unit = "%" if m.group("frac") == "百分之" else "‰"
        post = re.match(alternation(qualifiers("post")), s[m.end():])
        end = m.end() + (post.end() if post else 0)
        qual = m.group("pre") or (post.group() if post else None)
        return None if value is None else Figure(m.start(), end, m.start("frac"), m.end(), value, unit, qual)
    token, num_start = (m.group("ar"), m.start("ar")) if m.group("ar") else (m.group("cn"), m.start("cn"))
    num_end = m.end()
    if m.group("cn") and token[-1] in "万亿" and len(token) > 1 and s[num_end:num_end + 1] == "元":
        token, num_end = token[:-1], num_end - 1          # 三万元 → 三 + 万元, as 3万元 is
    tenths = _tenths(s, m, token, num_start, num_end) or _half(s, m, token, num_start, num_end)
    if tenths:
        return tenths
    t = _tail_re().match(s, num_end)
    value = parse_number(token)
    if value is None or not (_numeral_ok(m, m.group("cn") or token, t) or _counts_bodies(s, m, value, t)
                             or _counts_times(s, m, value, t) or _closes_clause(s, m, value, t)):
        return None
    if t.group("mult"):
        value = round(value * MULTIPLIERS[t.group("mult")], 6)
    unit = t.group("money") or (units()[t.group("unit")] if t.group("unit") else None)
    if unit is None and t.group("mult"):
        unit = _unit_before(s, m.start())          # 观看人次超1232万: the unit named before the figure
    if unit is None and (t.group("m1") or t.group("mult") or t.group("m2") or not m.group("ar")):
        return None
    end = t.end() if unit else num_end
    if unit and any(s.startswith(w, t.end("unit") if t.group("unit") else t.end("money"))
                    for w in _tails(t.group("unit"))):
        return None
    qual = m.group("pre") or t.group("m1") or t.group("m2") or (t.group("post") if unit else None)
    return Figure(m.start(), end, num_start, num_end, value, unit, qual)


@lru_cache(maxsize=1)
def _unit_before_re() -> re.Pattern:
    sizes = set(dicts.words("outcome_unit_classes.tsv", 1, "size"))
    named = [w for w, u in units().items() if len(w) >= 2 and u not in sizes]
    return re.compile(rf"(?P<unit>{alternation(named)})(?:{alternation(dicts.words('outcome_unit_lead.txt'))})?$")


def _unit_before(s: str, start: int) -> str | None:
    """A figure in 万 or 亿 with no unit of its own, right after a measure named by a unit of two
    characters or more (观看人次超1232万, 服务件次达3.5万): that unit; else None.

    >>> _unit_before("观看人次超", 5), _unit_before("服务件次达到", 6), _unit_before("观看", 2)
    ('人次', '件次', None)
    """
    m = _unit_before_re().search(s[max(0, start - 12):start])
    return units()[m.group("unit")] if m else None


_TENTH_AFTER = re.compile(r"成(?=以上|左右|多|余|[，,。；;、）)]|的|$)")


def _tenths(s: str, m: re.Match, token: str, num_start: int, num_end: int) -> Figure | None:
    """三成以上, 近两成, 8成: a count of tenths, read as a percentage (30%)."""
    if len(token) != 1 or token not in "一二两三四五六七八九123456789" or not _TENTH_AFTER.match(s, num_end):
        return None
    post = re.match(alternation(qualifiers("post")) + "|多|余", s[num_end + 1:])
    end = num_end + 1 + (post.end() if post else 0)
    qual = m.group("pre") or (post.group() if post else None)
    return Figure(m.start(), end, num_start, num_end, parse_number(token) * 10, "%", qual)


@lru_cache(maxsize=1)
def _changed_re() -> re.Pattern:
    """A change verb (outcome_verbs.tsv, two characters or more) ending the text before a number."""
    changes = [w for w, d in verbs().items() if d in ("increase", "decrease") and len(w) >= 2]
    return re.compile(rf"{alternation(changes)}了?$")


def _half(s: str, m: re.Match, token: str, num_start: int, num_end: int) -> Figure | None:
    """压缩了一半, 减少一半以上: half of something, after a change verb, read as 50%; 一倍 after one
    as 1 倍 (增加一倍).

    >>> [(f.value, f.unit, f.qualifier) for f in find("办理时限压缩了一半以上，办件量增加一倍，一半以上")]
    [(50.0, '%', '以上'), (1.0, '倍', None)]
    """
    if token != "一" or m.group("pre") or not _changed_re().search(s, 0, num_start):
        return None
    nxt = s[num_end:num_end + 1]
    if nxt not in "半倍" or not nxt:
        return None
    post = re.match(alternation(qualifiers("post")), s[num_end + 1:]) if nxt == "半" else None
    end = num_end + 1 + (post.end() if post else 0)
    value, unit = (50.0, "%") if nxt == "半" else (1.0, "倍")
    return Figure(m.start(), end, num_start, num_end, value, unit, post.group() if post else None)


def _tails(unit: str | None) -> list[str]:
    """What must not follow `unit` for it to be a unit (部 + 门 → 部门)."""
    return [w[len(unit):] for w in dicts.words("outcome_not_unit.txt") if unit and w.startswith(unit)]


def _numeral_ok(m: re.Match, token: str, t: re.Match) -> bool:
    """Chinese numerals count only where they cannot be part of a name (两个维护, 一站式, 十四五)."""
    if m.group("ar"):
        return True
    if any(ch in MAGNITUDES for ch in token) and len(token) > 1:
        return True
    if token in MAGNITUDES and (m.group("pre") or t.group("m1")):
        return True        # 近万件, 百余场
    return bool(t.group("m1")) and token[-1] in MAGNITUDES


def _counts_bodies(s: str, m: re.Match, value: float, t: re.Match) -> bool:
    """五个专项小组, 十个村委会: a one-character numeral counts when a body or place follows its
    classifier (a formula such as 两个维护 counts none)."""
    if not m.group("cn") or value < 2 or t.group("unit") not in _BODY_UNITS or t.group("m1") or t.group("mult"):
        return False
    heads = dicts.words("outcome_concrete_heads.txt")
    return any(w.endswith(heads) for w in cut(s[t.end():t.end() + 10])[:3])


def _counts_times(s: str, m: re.Match, value: float, t: re.Match) -> bool:
    """两次研究, 三次召开: a one-character numeral and 次 before a verb count how often it was done
    (一次性, 三次产业 and 两次全会 count nothing).

    >>> [(f.value, f.unit) for f in find("常委会两次研究法治工作，推进三次产业融合")]
    [(2.0, '次')]
    """
    if not m.group("cn") or value < 2 or t.group("unit") != "次" or t.group("m1") or t.group("mult"):
        return False
    words = tagged(s[t.end():t.end() + 8])
    return bool(words) and words[0][1] in ("v", "vn") and len(words[0][0]) >= 2


def _closes_clause(s: str, m: re.Match, value: float, t: re.Match) -> bool:
    """完成立法项目五件。: a one-character numeral and its unit after a noun, ending the clause,
    count what the noun names (a formula such as 两个维护 stands before its noun).

    >>> [(f.value, f.unit) for f in find("完成立法项目五件，坚持两个维护")]
    [(5.0, '件')]
    """
    if not m.group("cn") or value < 2 or not t.group("unit") or t.group("m1") or t.group("mult"):
        return False
    closes = t.end() == len(s) or s[t.end()] in "，,。；;、！？)）"
    return closes and m.start() > 0 and "\u4e00" <= s[m.start() - 1] <= "\u9fff"


_FIELD_REACH = 16


def _ranked_field(s: str, end: int) -> bool:
    """Whether the words after a count close a 在…中 phrase that a rank verb follows.

    >>> _ranked_field("在100个被评估城市中位居第九名", 6), _ranked_field("在3个乡镇中开展试点", 4)
    (True, False)
    """
    close = s.find("中", end, end + _FIELD_REACH)
    return close >= 0 and s.startswith(dicts.words("outcome_rank_verbs.txt"), close + 1)


def _noun_after(s: str, end: int) -> bool:
    """Whether a noun follows right after a figure (24小时|智慧政务服务中心), not a verb or a locative."""
    words = tagged(s[end:end + 8]) if end < len(s) and "\u4e00" <= s[end] <= "\u9fff" else ()
    return bool(words) and len(words[0][0]) > 1 and words[0][1].startswith(("n", "b", "vn"))


def _rejected(s: str, f: Figure) -> bool:
    """Ordinals and ranks, dates and ranges, formulas (1+6, 7×24), service numbers and years are not
    outcomes."""
    before = s[max(0, f.num_start - 1):f.num_start]
    after = s[f.num_end:f.num_end + 2]
    if f.unit in ("次", "届") and any(s.startswith(w, f.end) for w in dicts.words("outcome_ordinal_after.txt")):
        return True                       # 十二次党代会: an ordinal
    if f.unit == "年":
        return False                      # only 连续4年 reaches here (see _years)
    if before in ("第", "+", "-", "—", "/", "~", "～", "×", "*") or s[f.end:f.end + 1] in ("+", "×", "*"):
        return True                       # 第3, 1+6, 7×24小时: an ordinal or a formula
    if before == "前" and f.unit in _RANK_UNITS:
        return True                       # 前3名: a rank band, not a count
    if before == "等" and f.unit in _KIND_UNITS:
        return True                       # A、B和C等6类事项: the kinds just listed
    if f.unit in _TIME_UNITS and _noun_after(s, f.end):
        return True                       # 24小时自助服务区: an attribute of the noun
    if before == "在" and _ranked_field(s, f.end):
        return True                       # 在100个被评估城市中位居第九: the field ranked
    if _DATE_JOIN.match(after) or (after and after[0] in "+号年月日岁"):
        return True
    if f.unit is None and _service_re().match(s, f.num_end):
        return True
    return False
