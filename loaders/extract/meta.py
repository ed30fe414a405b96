"""Report-level facts: title, kind (government report / news article), year covered, publication date."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from loaders.text import Text

__all__ = ["Meta", "extract", "find_title", "find_kind", "find_published", "find_year"]


@dataclass(frozen=True)
class Meta:
    title: str | None
    kind: str
    year: int | None
    published: str | None
    warnings: tuple[str, ...] = ()


_DATE = r"((?:19|20)\d\d)\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?"
_DATE_RE = re.compile(_DATE)
_LABELLED = re.compile(r"(?:发布日期|发布时间|发稿时间|发表时间|发文日期|成文日期|更新时间|日期|时间)\s*[:：]?\s*" + _DATE)
_DATELINE = re.compile(r"^[\s(（]*" + _DATE + r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?[\s)）]*$")
_META_KEYS = ("meta:pubdate", "meta:publishdate", "meta:article:published_time", "meta:publish_date",
              "meta:firstpublishedtime", "meta:dc.date", "meta:date", "meta:og:published_time")
_YEAR = re.compile(r"(?<![\d—\-–~至到])((?:19|20)\d\d)\s*年(?!\s*[—\-–~至到])")
_RANGE = re.compile(r"(?:19|20)\d\d\s*年?\s*[—\-–~至到]+\s*(?:19|20)\d\d\s*年?")
_BOOK = re.compile(r"《[^》]{0,120}》")
_EDITION = r"第\s*[一二三四五六七八九十\d]+\s*版|星期[一二三四五六日天]"
_CHROME = re.compile(r"^(?:第[一二三四五六七八九十\d]+版|.{0,6}要闻|首页|当前位置|来源|字号|打印|分享|关闭|"
                     r"发布日期|发布时间|信息来源|浏览次数|【|索\s*引\s*号|.*(?:人民政府|门户网站|政府网)$|"
                     r"(?:本报)?(?:记者|通讯员)\s|本报讯|.*(?:" + _EDITION + r"))")
_PLANS = re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]\s*)?(?:(?:19|20)\d\d\s*年(?:度)?)?"
                    r".{0,8}(?:下一步|工作打算|工作计划|工作安排|工作思路|努力方向)", re.M)
_ORGAN = re.compile(r"(?:人民政府|政府|委员会|管委会|办公室|司法局|行政公署|行署)$")
_NEWS = (("本报讯", 3), ("记者", 2), ("通讯员", 2), ("责任编辑", 2), ("要闻", 1), ("新闻", 1))
_REPORT_FORMULA = re.compile(r"现将.{0,30}(?:报告|汇报)如下|特此报告")
_HEADINGS = re.compile(r"^\s*[一二三四五六七八九十]+\s*[、.．]\s*.{0,12}(?:存在|不足|问题|下一步|工作打算|工作计划|工作安排|思路)",
                       re.M)
_BYLINE = re.compile(r"[（(](?:[\u4e00-\u9fff·]{2,5}[\s、,，]*){1,5}[)）]\s*$", re.M)


def extract(text: Text) -> Meta:
    """Title, kind, covered year and publication date of one report.

    >>> m = extract(Text.make("a.txt", "城区2020年度法治政府建设情况报告\\n发布日期:2021-03-11\\n2020年，区政府…"))
    >>> m.title, m.kind, m.year, m.published
    ('城区2020年度法治政府建设情况报告', 'government-report', 2020, '2021-03-11')
    """
    lines = _lines(text.norm)
    title = find_title(lines, text.meta.get("title"))
    kind = find_kind(text.norm, title)
    published = find_published(text.norm, text.meta)
    year = find_year(text.norm, title, kind, published)
    warnings = () if kind != "other" else ("kind unknown: neither a report nor a news article",)
    return Meta(title, kind, year, published, warnings)


def _lines(norm: str) -> list[str]:
    return [ln.strip() for ln in norm.splitlines() if ln.strip()]


def _clean_title(line: str) -> str:
    line = re.sub(r"\s+", " ", line).strip()
    if line.startswith("《") and line.endswith("》"):
        line = line[1:-1]
    return line


def _headline_like(line: str) -> bool:
    return 6 <= len(line) <= 48 and not re.search(r"[。；;!！?？]|[,，:：]$", line) and not _CHROME.match(line) \
        and not _DATE_RE.search(line) and not re.match(r"^[一二三四五六七八九十]+、|^[(（]", line)


def _report_line(line: str) -> bool:
    return bool(re.search(r"报告|工作总结", line)) and len(line) <= 60 and not re.search(r"[。；]|如下|现将", line) \
        and not _CHROME.match(line) and bool(re.search(r"[\u4e00-\u9fff]{4}", line))


def _joined(head: list[str], i: int) -> str:
    """A title line joined with the line before it when the title was broken over two lines:
    an issuer line before 关于…的报告, or a fragment before a continuation without a year."""
    line, prev = head[i], head[i - 1] if i else ""
    if len(prev) < 4 or len(prev) + len(line) > 60 or re.search(r"[。；;!！?？,，:：]|报告|\d{1,2}\s*[月日]", prev):
        return line
    if line.startswith("关于") and _ORGAN.search(prev):
        return prev + line
    fragment = not _CHROME.match(prev) and not re.match(r"^[一二三四五六七八九十]+、|^[(（]", prev)
    if fragment and not re.search(r"(?:19|20)\d\d", line) and not line.startswith(("关于", "《")):
        return prev + line
    return line


def find_title(lines: list[str], hint: str | None = None) -> str | None:
    """The report's title line (…报告, rejoined if broken over two lines), else the page's own title
    (`hint`, e.g. HTML <title>) where it is a line of the text, else the news headline before the
    first paragraph, else None.

    >>> find_title(["第一版:要闻", "积势 强路", "长治市抓好六项举措推进法治政府建设", "近年来，长治市坚持……。"])
    '长治市抓好六项举措推进法治政府建设'
    >>> find_title(["首页 > 政务公开", "惠州市惠阳区2021年度法治政府", "建设情况报告", "2021年，全区……。"])
    '惠州市惠阳区2021年度法治政府建设情况报告'
    """
    head = lines[:40]
    for i, line in enumerate(head):
        if _report_line(line):
            return _clean_title(_joined(head, i))
    if hint and _clean_title(hint) in {_clean_title(ln) for ln in head}:
        return _clean_title(hint)
    block: list[str] = []
    for line in head:
        if _CHROME.match(line) or len(line) <= 5:
            if block:
                break
            continue
        if not _headline_like(line):
            break
        block.append(line)
    if not block:
        return None
    best = max(block, key=lambda ln: (" " not in ln.strip(), len(ln)))
    return _clean_title(best)


def find_kind(norm: str, title: str | None) -> str:
    """government-report | news-article | other, from the title and the text's formulas and bylines.

    >>> find_kind("现将有关情况报告如下：", None), find_kind("本报讯 记者 张三", "某市推进某事")
    ('government-report', 'news-article')
    """
    report = news = 0
    if title and "报告" in title:
        report += 3
    elif title:
        news += 1
    if _REPORT_FORMULA.search(norm):
        report += 3
    report += 2 * min(1, len(_HEADINGS.findall(norm)))
    head, tail = norm[:400], norm[-600:]
    news += sum(w for word, w in _NEWS if word in head or word in tail)
    if re.search(r"第[一二三四五六七八九十\d]+版", head):
        news += 3
    if _BYLINE.search(norm.rstrip()[-200:]) or re.search(r"^\s*[（(]?(?:记者|通讯员)", tail, re.M):
        news += 2
    if not report and not news:
        return "other"
    return "government-report" if report >= news else "news-article"


def _iso(y: str, m: str, d: str) -> str | None:
    month, day = int(m), int(d)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{int(y):04d}-{month:02d}-{day:02d}"


def find_published(norm: str, meta: dict | None = None) -> str | None:
    """The page's own publication date: HTML meta, a labelled date (发布日期…), or a lone date line.

    >>> find_published("标题\\n发布时间：2023年5月6日 10:20\\n正文")
    '2023-05-06'
    >>> find_published("正文引用了2019年1月2日印发的文件。") is None
    True
    """
    meta = {str(k).lower(): v for k, v in (meta or {}).items()}
    for key in _META_KEYS:
        m = _DATE_RE.search(str(meta.get(key) or ""))
        if m and _iso(*m.groups()):
            return _iso(*m.groups())
    m = _LABELLED.search(norm[:3000]) or _LABELLED.search(norm[-1500:])
    if m and _iso(*m.groups()):
        return _iso(*m.groups())
    lines = _lines(norm)
    for line in lines[:20] + lines[-8:]:
        m = _DATELINE.match(line)
        if m and _iso(*m.groups()):
            return _iso(*m.groups())
    for line in lines[:6]:     # a newspaper's page header: 某某日报 2024年03月09日 星期六 第01版
        m = _DATE_RE.search(line) if re.search(_EDITION, line) else None
        if m and _iso(*m.groups()):
            return _iso(*m.groups())
    return None


def _prominent_year(norm: str) -> int | None:
    body = _BOOK.sub("", _RANGE.sub("", norm))
    counts = Counter(int(y) for y in _YEAR.findall(body))
    return counts.most_common(1)[0][0] if counts else None


def _page_year(norm: str) -> int | None:
    years = Counter(int(m.group(1)) for m in re.finditer(r"第\s*((?:19|20)\d\d)[-年./]\d{1,2}[-月./]\d{1,2}日?\s*期", norm))
    return years.most_common(1)[0][0] if years else None


_COVERED = re.compile(r"((?:19|20)\d\d)\s*年度|(?:^|[。；;，,：:\n])\s*((?:19|20)\d\d)\s*年\s*(?:[，,]|[我全本该])")


def _news_year(norm: str, printed: int | None) -> int | None:
    """A news piece covers the year it names as a whole year (2023年度…, 2023年，全市…), or last year
    when it speaks of 去年 more than 今年, else the year it was printed."""
    years = [int(a or b) for a, b in _COVERED.findall(_RANGE.sub("", norm))]
    counts = Counter(y for y in years if printed is None or y <= printed)
    if counts:
        best = max(counts.values())
        named = [y for y, n in counts.items() if n == best]
        return printed if printed in named else max(named)
    if printed is not None and norm.count("去年") > norm.count("今年"):
        return printed - 1
    return printed or _prominent_year(norm)


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


def find_year(norm: str, title: str | None, kind: str, published: str | None) -> int | None:
    """The year the report covers (not the year it was published).

    >>> find_year("2025年，某县坚持……", None, "government-report", None)
    2025
    >>> find_year("近年来，某市……", "某市2020年度法治政府建设情况报告", "government-report", "2021-03-11")
    2020
    """
    m = _YEAR.search(_RANGE.sub("", title or ""))
    if m:
        return int(m.group(1))
    lead = _lines(_BOOK.sub("", norm))
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
    year = _prominent_year(_before_plans(norm[:3000]))
    if year:
        return year
    if published:
        return int(published[:4]) - (1 if int(published[5:7]) <= 6 else 0)
    return None
