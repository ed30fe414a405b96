"""The year a report or news piece covers: from its title, its opening line, or (news) its date."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from loaders import dicts
from loaders.extract.page import addressee_line, volume_year
from loaders.numerals import parse_number

__all__ = ["find_year"]

_DATE_RE = re.compile(r"((?:19|20)\d\d)\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?")
_YEAR = re.compile(r"(?<![\d—\-–~至到])((?:19|20)\d\d)\s*年(?!\s*[—\-–~至到])")
_RANGE = re.compile(r"(?:19|20)\d\d\s*年?\s*[—\-–~至到]+\s*(?:19|20)\d\d\s*年?")
_BOOK = re.compile(r"《[^》]{0,120}》")
_PLANS = re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]\s*)?(?:(?:19|20)\d\d\s*年(?:度)?)?"
                    r".{0,8}(?:下一步|工作打算|工作计划|工作安排|工作思路|努力方向)", re.M)
# A year named as a goal (到2020年, 2020年基本建成…) is not the year a piece covers.
# 于/在 a year and a month (于2017年9月至10月, 在2019年5月) dates a past event, not a goal, unless a deadline
# follows (于2020年6月底前).
_DATED = r"(?!\s*[\d一二三四五六七八九十]{1,2}\s*月(?!\s*(?:底|前|以前|份前)))"
_GOAL = re.compile(r"(?:(?<!截)至|到|(?:在|(?<![关对])于)(?=\s*(?:19|20)\d\d\s*年" + _DATED + r"))\s*((?:19|20)\d\d)\s*年"
                   r"|((?:19|20)\d\d)\s*年\s*(?:前|底前|以前|基本建成|全面建成|建成|实现)")
# In a title 在2023年 names the year covered (某县在2023年度考核中…), so there only 到/至 and the words after mark a goal.
_TITLE_GOAL = re.compile(_GOAL.pattern.replace("(?:在|(?<![关对])于)", "(?<![关对])于"))
# A news piece covers the year it was printed or the year before: older years are history (2007年…).
_NEWS_BACK = 1


def _lines(norm: str) -> list[str]:
    return [ln.strip() for ln in norm.splitlines() if ln.strip()]


# A year named as the base of a comparison (比2017年增长, 较2017年下降) is not the year covered.
_BASE = re.compile(r"(?:比|较)\s*((?:19|20)\d\d)\s*年")


def _prominent_year(norm: str) -> int | None:
    """The year a report's body names most, leaving out goals (到2020年基本建成) and comparison bases
    (比2017年增长): mentions, not the year covered.

    >>> _prominent_year("2016年，全县推进改革，比2015年增长，较2015年提高，到2020年基本建成，2020年前完成，2016年完成。")
    2016
    """
    counts = _mentions(norm) or _mentions(norm, skip=False)
    return counts.most_common(1)[0][0] if counts else None


def _mentions(norm: str, skip: bool = True) -> Counter:
    """How often a text names each year outside ranges and titles of works, leaving out (`skip`)
    goals (到2020年基本建成) and comparison bases (比2017年增长)."""
    body = _BOOK.sub("", _RANGE.sub("", norm)).replace("截至", "截止")
    counts = Counter(int(y) for y in _YEAR.findall(body))
    if skip:
        counts -= Counter(int(a or b) for a, b in _TITLE_GOAL.findall(body)) + Counter(int(y) for y in _BASE.findall(body))
    return counts


def _page_year(norm: str) -> int | None:
    years = Counter(int(m.group(1)) for m in re.finditer(r"第\s*((?:19|20)\d\d)[-年./]\d{1,2}[-月./]\d{1,2}日?\s*期", norm))
    return years.most_common(1)[0][0] if years else None


_COVERED = re.compile(r"((?:19|20)\d\d)\s*年度|(?:^|[。；;，,：:\n])\s*((?:19|20)\d\d)\s*年\s*(?:[，,]|[我全本该])")


def _news_year(norm: str, printed: int | None) -> int | None:
    """A news piece covers the year it names as a whole year (2023年度…, 2023年，全市…) if that is the
    year it was printed or the one before, or last year when it speaks of 去年 more than 今年, else the
    year it was printed. Undated: the year its period names (“十四五”开局之年), else the year it names
    most that is not a goal (到2020年…) nor a base (比2017年), the latest of those named as often (a run
    2014年…2015年…2016年…于2017年9月 ends in the year it tells of; 2019年…2019年…2020年，我区将… names
    the plans' year once).

    >>> _news_year("泸县是先进县，2007年泸县率先列入创建行列。", 2020)
    2020
    >>> _news_year("会议总结了2018年工作，并就2019年工作进行了安排，围绕2020年基本建成的目标。", None)
    2019
    """
    if printed is None:
        return _period_year(norm) or _named_year(norm) or _latest_year(norm)
    years = [int(a or b) for a, b in _COVERED.findall(_RANGE.sub("", norm))]
    counts = Counter(y for y in years if printed is None or printed - _NEWS_BACK <= y <= printed)
    if counts:
        best = max(counts.values())
        named = [y for y, n in counts.items() if n == best]
        return printed if printed in named else max(named)
    if printed is not None and norm.count("去年") > norm.count("今年"):
        return printed - 1
    return printed or _period_year(norm) or _latest_year(norm)


def _named_year(norm: str) -> int | None:
    """The year a text names most, leaving out goals, comparison bases and titles of works; the latest
    of those named equally often.

    >>> _named_year("从2014年起纳入考评；2015年，设立专项组；并于2017年9月开展督察，到2020年基本建成。")
    2017
    """
    counts = _mentions(norm)
    if not counts:
        return None
    best = max(counts.values())
    return max(y for y, n in counts.items() if n == best)


def _latest_year(norm: str) -> int | None:
    """The latest year a text names, leaving out goals (到2020年, 2020年基本建成) and titles of works."""
    body = _BOOK.sub("", _RANGE.sub("", norm)).replace("截至", "截止")   # 截至2020年底 ends no range
    goals = {int(a or b) for a, b in _GOAL.findall(body)}
    years = {int(y) for y in _YEAR.findall(body)} - goals
    return max(years) if years else None


def _before_plans(norm: str) -> str:
    """The text before its plans section (下一步工作打算, 2022年工作计划), whose years are not covered."""
    m = _PLANS.search(norm)
    return norm[:m.start()] if m and m.start() > 200 else norm


def _looks_back(norm: str, year: int, month: int) -> bool:
    """A news piece of the first half-year about the year before: it says 去年 more than 今年, or its
    explicit years name only the year before."""
    if month > 6:
        return False
    body = _DATE_RE.sub("", _BOOK.sub("", norm))
    last, this = len(re.findall(r"去年", body)), len(re.findall(r"今年(?![将要])", body))
    years = Counter(int(y) for y in _YEAR.findall(_RANGE.sub("", body)))
    return last > this or (bool(years) and years.most_common(1)[0][0] == year - 1 and year not in years)


@lru_cache(maxsize=1)
def _phases() -> dict[str, int]:
    """A plan's phase word → its year's offset from the plan's first (开局 0, 收官 4; year_periods.tsv)."""
    return {r[0]: int(r[1]) for r in dicts.rows("year_periods.tsv") if r[2] == "phase"}


@lru_cache(maxsize=1)
def _periods() -> re.Pattern:
    """“十四五”开局之年, 八五普法收官之年, 建党100周年, 新中国成立七十周年, “十四五”这五年 (names:
    year_periods.tsv)."""
    plans = "|".join(re.escape(r[0]) for r in dicts.rows("year_periods.tsv") if r[2] == "plan")
    events = "|".join(re.escape(r[0]) for r in dicts.rows("year_periods.tsv") if r[2] == "anniversary")
    spans = "|".join(re.escape(r[0]) for r in dicts.rows("year_periods.tsv") if r[2] == "span")
    return re.compile(r"(" + plans + r")[”\"’']?(?:规划|时期|期间)?的?(" + "|".join(map(re.escape, _phases())) + r")之年"
                      r"|(" + events + r")\s*([\d一二三四五六七八九十百]+)\s*周年"
                      r"|(" + plans + r")[”\"’']?(?:规划)?(" + spans + r")")


def _period_year(norm: str) -> int | None:
    """The year a text names only through a period or an anniversary (今年是“十四五”开局之年 → 2021,
    庆祝建党100周年 → 2021), when all such phrases agree.

    >>> _period_year("今年是“十四五”开局之年，全市……"), _period_year("迎接新中国成立七十周年"), _period_year("无")
    (2021, 2019, None)
    >>> _period_year("“十三五”这五年，全省法治政府建设成效显著")
    2020
    """
    start = {r[0]: int(r[1]) for r in dicts.rows("year_periods.tsv") if r[2] in ("plan", "anniversary")}
    spans = {r[0]: int(r[1]) for r in dicts.rows("year_periods.tsv") if r[2] == "span"}
    years = set()
    for m in _periods().finditer(norm):
        if m.group(1):
            years.add(start[m.group(1)] + _phases()[m.group(2)])
        elif m.group(5):                         # “十四五”这五年: a look back from its last year
            years.add(start[m.group(5)] + spans[m.group(6)])
        else:
            n = parse_number(m.group(4))
            if n and 0 < n < 200:
                years.add(start[m.group(3)] + int(n))
    return years.pop() if len(years) == 1 else None


def _title_year(title: str | None) -> int | None:
    """The first year of the title that is not a goal (山东要求如期实现2020年基本建成法治政府目标 names
    the goal, not the year covered).

    >>> _title_year("某省要求到2020年基本建成法治政府"), _title_year("某县2019年法治政府建设工作总结")
    (None, 2019)
    >>> _title_year("某县在2023年度法治政府建设考核中获评优秀")
    2023
    """
    body = _RANGE.sub("", title or "")
    goals = {int(a or b) for a, b in _TITLE_GOAL.findall(body)}
    return next((int(y) for y in _YEAR.findall(body) if int(y) not in goals), None)


_DIGIT = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "○": "0", "Ｏ": "0", "O": "0"}
_CN_YEAR = re.compile(r"(?:一九|二[〇零○ＯO])[〇零○ＯO一二三四五六七八九]{2}(?=\s*年)")


def _arabic_years(text: str) -> str:
    """Years written in Chinese digits (二〇一九年, 二零二三年度) as Arabic ones, same length.

    >>> _arabic_years("二〇一九年，县政府…二〇二〇年三月五日")
    '2019年，县政府…2020年三月五日'
    """
    return _CN_YEAR.sub(lambda m: "".join(_DIGIT[c] for c in m.group()), text)


def find_year(norm: str, title: str | None, kind: str, published: str | None) -> int | None:
    """The year the report covers (not the year it was published).

    >>> find_year("2025年，某县坚持……", None, "government-report", None)
    2025
    >>> find_year("近年来，某市……", "某市2020年度法治政府建设情况报告", "government-report", "2021-03-11")
    2020
    """
    norm, title = _arabic_years(norm), _arabic_years(title or "") or None
    year = _title_year(title)
    if year:
        return year
    addressed = addressee_line(norm)                 # 国务院：2019年，我省… (addressees run on)
    lead = _lines(_BOOK.sub("", norm[addressed[1]:] if addressed else norm))
    first = next((ln for ln in lead if len(ln) > 40), "")
    m = re.match(r"^\s*((?:19|20)\d\d)\s*年(?:度|以来|[,，上半]|[1-9一二三四]|$)", first)
    if m:
        return int(m.group(1))
    if kind == "news-article":
        base = _page_year(norm) or (int(published[:4]) if published else None)
        year = _news_year(norm, base)
        if year == base and base and published and _looks_back(norm, base, int(published[5:7])):
            return base - 1
        return year
    if (volume := volume_year(norm)) and kind == "other":
        return volume - 1                # a yearbook's 2022卷 reports on 2021
    year = _prominent_year(_before_plans(norm[:3000])) or _period_year(norm)
    if year:
        return year
    if kind == "other" and (span := _RANGE.search(norm[:1000])):
        return int(span.group()[:4])     # a plan for a period (实施方案(2021-2025年)) dates from its first year
    if published:       # an undated report of the first half-year is last year's, unless it speaks of 今年;
        # a notice, plan or appeal (kind other) is of the year it is published
        this = kind == "other" or len(re.findall(r"今年(?![将要])", norm)) > norm.count("去年")
        return int(published[:4]) - (1 if int(published[5:7]) <= 6 and not this else 0)
    return None
