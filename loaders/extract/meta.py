"""Report-level facts: title, kind (government report / news article), year covered, publication date.

The page's own structure speaks first (metadata rows such as 标 题 | … |, datelines, the portal's
clock to ignore, watermarks to strip, see page.py); then the report's title line, the page <title>,
and a news headline.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from loaders import dicts
from loaders.extract.kind import find_kind
from loaders.extract.page import DATE, Page, date_of, read_page, strip_watermarks
from loaders.extract.year import find_year
from loaders.text import Text

__all__ = ["Meta", "extract", "find_title", "find_kind", "find_published", "find_year"]


@dataclass(frozen=True)
class Meta:
    title: str | None
    kind: str
    year: int | None
    published: str | None
    warnings: tuple[str, ...] = ()


_DATE_RE = re.compile(DATE)
_PUBLISHED = re.compile(r"(?:发布日期|发布时间|发稿时间|发表时间|公开日期)\s*[:：]?\s*" + DATE)   # before 成文日期, 日期
_LABELLED = re.compile(r"(?:发布日期|发布时间|发稿时间|发表时间|发文日期|更新时间|日期|时间)\s*[:：]?\s*" + DATE)
# A date alone on its line, in brackets or as an item of a bulleted metadata list (• 2020-05-07).
_DATELINE = re.compile(r"^[\s(（•·●▪◦‧∙*]*" + DATE + r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?[\s)）]*$")
_META_KEYS = ("meta:pubdate", "meta:publishdate", "meta:article:published_time", "meta:publish_date",
              "meta:firstpublishedtime", "meta:dc.date", "meta:date", "meta:og:published_time")
_EDITION = r"第\s*[A-Z]?[一二三四五六七八九十\d]+\s*版|星期[一二三四五六日天]"
_CHROME = re.compile(r"^(?:第[A-Z]?[一二三四五六七八九十\d]+版|.{0,6}要闻|首页|.{0,3}当前.{0,2}位置|来源|字号|打印|分享|关闭|"
                     r".{0,8}(?:评论|点赞|收藏|转发)$|"
                     r"发布日期|发布时间|信息来源|浏览次数|(?:责任)?编辑\s*[:：]|作者\s*[:：]|【|索\s*引\s*号|标题导航|扫一扫|.*(?:人民政府|门户网站|政府网)$|"
                     r".*(?:上一篇|下一篇|上一版|下一版)|.{0,6}位置\s*[:：]|.*\S\s*>\s*\S|.*(?:https?://|www\.)|"
                     r"(?:本报)?(?:记者|通讯员)\s|本报讯|原标题|.*统一刊号|.*\bCN\s*\d{2}\s*-\s*\d{4}|[·•●▪◦‧∙]|(?:热点|热门|推荐|相关|延伸|精彩|猜你)\S{0,4}$|图为|[(（]?图\s*[:：/]|.*摄影?[)）]?$|.{0,8}(?:日报|晚报|早报|金报|数字报|电子报|新闻网)$|.*(?:" + _EDITION + r"))")
_SUBTITLE = re.compile(r"^\s*(?:——|—|--|－－)")      # ——某县普法工作掠影: the subtitle under a headline
_ROW = re.compile(r"[\[【]\s*[\u4e00-\u9fff]{2,6}\s*[\]】]|\|")     # a metadata row: [ 体裁分类 ] 工作报告
_TAG = re.compile(r"^(?:【[^】]{1,8}】|\[[^\]]{1,8}\])\s*(?=\S{8})")   # 【政策解读】关于…, [权威发布]…: a column tag
_ORGAN = re.compile(r"(?:人民政府|政府|委员会|管委会|办公室|司法局|行政公署|行署)$")
_BREAK = re.compile(r"(?<=[\u4e00-\u9fff])(?:</?br\s*/?>|br)(?=[\u4e00-\u9fff])", re.I)
_BULLET = re.compile(r"^\s*[·•●▪◦‧∙]\s*")
# The name of a department or office on its own line above its report's title (某市商务局, 某县发展和改革委员会).
_UNIT = re.compile(r"(?:人民政府|政府|委员会|管委会|管理委员会|办公室|办事处|局|厅|委)$")
_TITLE_HEAD = re.compile(r"(?:报告|工作总结|汇报|通知|通报|解读)$")
# A title run on into the body on one line (aggregators): …的报告2023年，省政府坚持…
_RUN_ON = re.compile(r"^(.{8,60}?(?:报告|工作总结|汇报))(?=(?:19|20)\d\d\s*年|[一二三四五六七八九十]、)")


def extract(text: Text) -> Meta:
    """Title, kind, covered year and publication date of one report.

    >>> m = extract(Text.make("a.txt", "城区2020年度法治政府建设情况报告\\n发布日期:2021-03-11\\n2020年，区政府…"))
    >>> m.title, m.kind, m.year, m.published
    ('城区2020年度法治政府建设情况报告', 'government-report', 2020, '2021-03-11')
    """
    page = read_page(text.norm)
    lines = _lines(text.norm, page)
    title = find_title(lines, text.meta.get("title"), page)
    kind = find_kind(text.norm, title, page)
    published = find_published(text.norm, text.meta, page)
    year = find_year(text.norm, title, kind, published)
    warnings = () if kind != "other" else ("kind unknown: neither a report nor a news article",)
    return Meta(title, kind, year, published, warnings)


def _lines(norm: str, page: Page | None = None) -> list[str]:
    """Non-empty lines without watermarks and the portal's clock line."""
    page = page or Page()
    out = []
    for i, line in enumerate(norm.splitlines()):
        line = strip_watermarks(line, page.watermarks).strip()
        if line and i not in page.clock_lines:
            out.append(line)
    return out


def _clean_title(line: str) -> str:
    line = _BREAK.sub("", line)                              # a line-break tag left as text: 某省人民政府br关于…
    line = _TAG.sub("", re.sub(r"\s+", " ", re.sub(r"\[\d{1,3}\]", "", line)).strip())     # footnote marks [1]
    line = _DOCNO_LEAD.sub("", line)                         # 京政办发〔2016〕26号《…的通知》: the number goes
    if line.startswith("《") and line.endswith("》"):
        line = line[1:-1]
    return line


# A document number before the title it numbers (京政办发〔2016〕26号《…》).
_DOCNO_LEAD = re.compile(r"^[\u4e00-\u9fff]{1,8}[〔\[［(（](?:19|20)\d\d[〕\]］)）]\s*\d{1,4}\s*号\s*(?=《)")


def _headline_like(line: str) -> bool:
    return 6 <= len(line) <= 48 and not re.search(r"[。；;!！?？]|[,，:：]$", line) and not _CHROME.match(line) \
        and not _DATE_RE.search(line) and not re.match(r"^[一二三四五六七八九十]+、|^[(（]", line)


# A plan's or a rule's own title: …实施方案(2021—2025年), …工作要点, …办法 (the plan words of kind_words.tsv).
_SPAN_AFTER = re.compile(r"\s*[(（]\s*(?:19|20)\d\d\s*[—\-–~至]+\s*(?:19|20)\d\d\s*年?\s*[)）]\s*$")


def _plan_title(line: str, lines: list[str]) -> bool:
    """Whether the page opens with the title of the plan (or rule) it carries: a line that ends in a
    plan's head word (before a period in brackets: (2021—2025年)) and that the page prints again,
    as the heading of the document itself or inside the notice that issues it (关于印发《…》的通知)."""
    bare = _SPAN_AFTER.sub("", line).strip()
    if not (8 <= len(line) <= 60) or not bare.endswith(dicts.words("kind_words.tsv", 1, "plan")) \
            or bare.endswith(dicts.words("kind_words.tsv", 1, "issuing")) \
            or re.search(r"[。；;，,：:《》]", line) or _CHROME.match(line) or _ROW.search(line):
        return False
    return sum(1 for ln in lines[1:] if line in ln) >= 1


def _unbulleted(lines: list[str]) -> list[str]:
    """Lines without a list bullet where the line after is the body (a page that renders every block as
    a list item: • 某省关于…的报告 / • 2020年，省政府…): a menu's items stay bulleted, and chrome."""
    out = list(lines)
    for i, line in enumerate(lines[:-1]):
        body = _BULLET.sub("", lines[i + 1])
        if _BULLET.match(line) and len(body) > 40 and re.search(r"[。，,]", body):
            out[i] = _BULLET.sub("", line)
    return out


def _report_line(line: str) -> bool:
    """A line that ends a report's (or a notice's, an interpretation's) title: its head word closes
    it outside any 《…》, it is at most 60 characters long, and is no sentence nor chrome. The title it
    ends (see `_joined`) needs 8 characters: 工作报告 alone is a menu entry."""
    line = _TAG.sub("", line)
    bare = re.sub(r"\s", "", line)
    return bool(_TITLE_HEAD.search(bare.rstrip("》"))) and len(bare) <= 60 \
        and not re.search(r"[。；]|如下|现将", line) and not _CHROME.match(line) and not _ROW.search(line) \
        and bool(re.search(r"[\u4e00-\u9fff]{4}", line))


def _joined(head: list[str], i: int) -> str:
    """A title line joined with the line before it when the title was broken over two lines:
    an issuer line before 关于…的报告, or a fragment before a continuation without a year."""
    line, prev = head[i], head[i - 1] if i else ""
    if len(re.findall(r"[\u4e00-\u9fff]", prev)) < 4 or len(prev) + len(line) > 60 \
            or re.search(r"[。；;!！?？,，:：]|报告|\d{1,2}\s*[月日]", prev):
        return line
    if line.startswith("关于") and _ORGAN.search(prev):
        return prev + line
    if _UNIT.search(prev) and re.match(r"(?:19|20)\d\d\s*年", line) and not _CHROME.match(prev) \
            and not re.match(r"^[一二三四五六七八九十]+、|^[(（]", prev) and not _only_places(prev) \
            and not _names_place(line):
        return prev + line          # 某市商务局 / 2019年度法治政府建设情况报告: the unit, then a title naming none
    fragment = not _CHROME.match(prev) and not re.match(r"^[一二三四五六七八九十]+、|^[(（]", prev)
    if fragment and not re.search(r"(?:19|20)\d\d", line) and not line.startswith(("关于", "《")):
        joined = prev + line
        return _joined(head[:i - 1] + [joined], i - 1) if prev.startswith("关于") else joined
    return line


def _mended(head: list[str]) -> list[str]:
    """Title lines broken inside a word joined again: a head word split (…情况的报 / 告), a place name
    split (某市兴庆 / 区2019年…报告), and a line that is only a place's name above the rest of its title
    (某某自治州 / 2018年法治政府建设情况报告)."""
    out = list(head)
    i = 0
    while i + 1 < len(out):
        line, nxt = out[i], out[i + 1]
        if not _report_line(line) and len(nxt) <= 3 and _report_line(line + nxt):
            out[i:i + 2] = [line + nxt]
            continue
        if _report_line(nxt) and not _report_line(line) and len(line) + len(nxt) <= 60 \
                and not _CHROME.match(line) and not re.search(r"[。；;!！?？,，:：]", line) \
                and (_place_across(line, nxt) or _only_places(line)):
            out[i:i + 2] = [line + nxt]
            continue
        i += 1
    return out


def _place_across(prev: str, line: str) -> bool:
    """Whether a place name runs across the break between two lines (某市兴庆 / 区…)."""
    from loaders.gazetteer import Gazetteer
    cut = len(prev)
    return any(start < cut < end for start, end, _ in Gazetteer.default().find_all(prev + line))


def _names_place(line: str) -> bool:
    """Whether a line names any place."""
    from loaders.gazetteer import Gazetteer
    return bool(Gazetteer.default().find_all(line))


def _only_places(line: str) -> bool:
    """Whether a line is nothing but place names (某某自治州, 某市某县), no organ."""
    from loaders.gazetteer import Gazetteer
    covered = sum(end - start for start, end, _ in Gazetteer.default().find_all(line))
    return len(line) >= 2 and covered == len(line.strip())


def _agreeing(titles: list[tuple[int, str]], head: list[str]) -> str:
    """The first title line, unless its year disagrees with the year the opening paragraph leads with
    and a later title line has that year (an aggregator's label of another year above the real title)."""
    first = titles[0][1]
    body = next((ln for ln in head[titles[0][0] + 1:] if len(ln) > 40), "")
    m = re.match(r"^\s*((?:19|20)\d\d)\s*年", body)
    years = lambda t: re.findall(r"((?:19|20)\d\d)\s*年", t)
    if m and years(first) and m.group(1) not in years(first):
        return next((t for _, t in titles[1:] if m.group(1) in years(t)), first)
    return first


def find_title(lines: list[str], hint: str | None = None, page: Page | None = None) -> str | None:
    """The title the page's metadata rows give (标题/名称), else the report's title line (…报告,
    rejoined if broken over lines), else the page's own title (`hint`, e.g. HTML <title>) where it is
    a line of the text, else the news headline before the first paragraph, else None.

    >>> find_title(["第一版:要闻", "积势 强路", "长治市抓好六项举措推进法治政府建设", "近年来，长治市坚持……。"])
    '长治市抓好六项举措推进法治政府建设'
    >>> find_title(["首页 > 政务公开", "惠州市惠阳区2021年度法治政府", "建设情况报告", "2021年，全区……。"])
    '惠州市惠阳区2021年度法治政府建设情况报告'
    >>> find_title(["某省人民政府关于2023年度法治政府建设情况的报告2023年，省政府坚持……。"])
    '某省人民政府关于2023年度法治政府建设情况的报告'
    """
    listed = (page.fields.get("title") if page else None) or ""
    if len(re.sub(r"\s", "", listed)) >= 8:
        return _clean_title(re.sub(r"\s+", "", listed) if re.search(r"[\u4e00-\u9fff]\s+[\u4e00-\u9fff]", listed)
                            else listed)
    head = _mended(_unbulleted(lines[:40]))
    if head and _plan_title(head[0], lines):
        return _clean_title(head[0])
    titles = []
    for i, line in enumerate(head):
        if _report_line(line):
            joined = _clean_title(_joined(head, i))
            if len(re.sub(r"\s", "", joined)) >= 8:
                titles.append((i, joined))
    if titles:
        return _agreeing(titles, head)
    if head and (m := _RUN_ON.match(head[0])):
        return _clean_title(m.group(1))
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
    # the main headline: not a subtitle (——副题), no kicker ending in the speaker's verb (…时强调), no
    # spaces (a kicker often has), the longest, and below its kicker on a tie
    kickers = dicts.words("kind_words.tsv", 1, "kicker")
    best = max(enumerate(block), key=lambda t: (not _SUBTITLE.match(t[1]), not t[1].strip().endswith(kickers),
                                                " " not in t[1].strip(), len(t[1]), t[0]))[1]
    # a portal's headline that puts the issuer before the document's title (某办:关于…的决定) when the
    # page prints the bare title again as the document's own heading
    issued = re.match(r"^[^:：\s]{2,14}[:：]\s*(关于\S{6,})$", best.strip())
    if issued and issued.group(1) in {ln.strip() for ln in lines[:60]}:
        best = issued.group(1)
    return _clean_title(best)


def find_published(norm: str, meta: dict | None = None, page: Page | None = None) -> str | None:
    """The page's own publication date: HTML meta, a 发布日期 row, a dateline (date and time, or a
    signed date line), an update date, any labelled date, then a written (成文) date, a lone date line,
    a newspaper's page header. A portal's clock (今天是…星期三) is never the date.

    >>> find_published("标题\\n发布时间：2023年5月6日 10:20\\n正文")
    '2023-05-06'
    >>> find_published("正文引用了2019年1月2日印发的文件。") is None
    True
    >>> find_published("成文日期: 2020-05-21\\n发布日期: 2020-05-26\\n正文")
    '2020-05-26'
    """
    meta = {str(k).lower(): v for k, v in (meta or {}).items()}
    for key in _META_KEYS:
        found = date_of(str(meta.get(key) or ""))
        if found:
            return found
    page = page or read_page(norm)
    fields = page.fields
    for found in (fields.get("published"), page.dateline, fields.get("updated"), fields.get("date")):
        if found:
            return found
    lines = _lines(norm, page)
    head = "\n".join(lines)[:3000]
    m = _PUBLISHED.search(head) or _PUBLISHED.search(norm[-1500:]) \
        or _LABELLED.search(head) or _LABELLED.search(norm[-1500:])
    if m and date_of(m.group()):
        return date_of(m.group())
    if fields.get("written"):
        return fields["written"]
    for line in lines[:20] + lines[-8:]:
        m = _DATELINE.match(line)
        if m and date_of(line):
            return date_of(line)
    for line in lines[:6]:     # a newspaper's page header: 某某日报 2024年03月09日 星期六 第01版
        if re.search(_EDITION, line) and date_of(line):
            return date_of(line)
    return None
