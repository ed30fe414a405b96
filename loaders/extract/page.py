"""What a portal or newspaper page prints around the article: metadata rows, datelines, watermarks.

Government portals put a table above the text (`成文日期 | 2025-03-20 |`, `[ 发布日期 ] 2026-02-10`,
`名  称: …`), newspapers a dateline (`2020-10-16 00:32 来源:…`, `四川法制报 2020-10-16 00:32`), and
aggregators a watermark (`某某之家—资源每日更新www.x.com`) glued to titles and sentences. These
functions read that structure from the normalised text; meta.py decides title, date and kind with it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from loaders import dicts

__all__ = ["Page", "read_page", "strip_watermarks", "addressee_line", "addressees", "DATE"]

DATE = r"((?:19|20)\d\d)\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?"
_DATE_RE = re.compile(DATE)


def volume_year(norm: str) -> int | None:
    r"""The volume of a yearbook a page opens with (`2022卷` on a line of its own, in its first lines):
    a yearbook's volume reports on the year before it.

    >>> volume_year("2022卷\n【法治政府建设】自治区……"), volume_year("2022年卷首语……") is None
    (2022, True)
    """
    m = _VOLUME.search(norm[:120])
    return int(m.group(1)) if m else None


_DAY_FIRST = re.compile(r"(\d{1,2})\.(\d{1,2})\.((?:19|20)\d\d)\s+\d{1,2}:\d{2}(?::\d{2})?")
_VOLUME = re.compile(r"^\s*((?:19|20)\d\d)\s*年?卷\s*$", re.M)
_TIME = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?::\d{2})?(?!\d)")


def _spaced(word: str) -> str:
    """A label as portals print it, with or without spaces between its characters (索 引 号)."""
    return r"\s*".join(map(re.escape, word))


# Label → field. Longer labels first, so 发布日期 is not read as 日期.
_LABELS = (("发布日期", "published"), ("发布时间", "published"), ("发稿时间", "published"),
           ("发表时间", "published"), ("发文日期", "published"), ("公开日期", "published"),
           ("更新时间", "updated"), ("更新日期", "updated"), ("成文日期", "written"), ("印发日期", "written"),
           ("生成日期", "written"), ("标题", "title"), ("题名", "title"), ("名称", "title"),
           ("文章来源", "source"), ("信息来源", "source"), ("来源", "source"), ("责任编辑", "editor"),
           ("编辑", "editor"), ("作者", "author"), ("发布机构", "issuer"), ("发文机关", "issuer"),
           ("制发机构", "issuer"), ("索引号", "index"), ("发文字号", "docno"), ("文号", "docno"),
           ("主题分类", "topic"), ("体裁分类", "genre"), ("有效性", "validity"), ("日期", "date"),
           ("时间", "date"))
_LABEL_RE = re.compile(r"(?:^|(?<=[\s|\[\]【】(（]))[\[【]?\s*(" + "|".join(_spaced(w) for w, _ in _LABELS)
                       + r")\s*[\]】]?\s*(?:[:：|]|\s(?=\S)|(?=(?:19|20)\d\d\s*[-年/.]))")    # 发布时间2025-09-05
_FIELD = {re.sub(r"\s", "", w): f for w, f in _LABELS}
_CLOCK = re.compile(r"今天是|农历|^\s*\S{0,16}(?:人民政府|政府网|门户网站)\s*" + DATE + r"\s*星期")
_ADDRESS = re.compile(r"(?:https?://)?www\.[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|cn|net|org)(?:\.cn)?", re.I)
_STAMP_LEFT = 24          # how far a watermark's words may reach before its web address
_SIGNED = re.compile(r"^\s*\S{2,24}?(?:人民政府|政府|办公室|委员会|司法局|局|日报|报|网)\s*" + DATE + r"\s*$")


@dataclass(frozen=True)
class Page:
    """Labelled fields of the page head (first value of each field) and its dateline date."""
    fields: dict = field(default_factory=dict)
    dateline: str | None = None
    clock_lines: frozenset = frozenset()     # line numbers holding a portal clock (今天是 … 星期三)
    watermarks: tuple[str, ...] = ()


def _iso(y: str, m: str, d: str) -> str | None:
    month, day = int(m), int(d)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{int(y):04d}-{month:02d}-{day:02d}"


def date_of(value: str) -> str | None:
    """The first valid date in `value`, as YYYY-MM-DD.

    >>> date_of("| 2025-06-13 |"), date_of("2024年1月8日"), date_of("无")
    ('2025-06-13', '2024-01-08', None)
    """
    for m in _DATE_RE.finditer(value or ""):
        iso = _iso(*m.groups())
        if iso:
            return iso
    return None


def _cells(line: str) -> list[tuple[str, str]]:
    """(field, value) pairs of one metadata line: `成文日期 | 2025-06-13 | 发布日期 | 2025-06-30 |`,
    `[ 发布机构 ] 某乡人民政府 [ 有效性 ]`, `名  称: 某报告`."""
    found = list(_LABEL_RE.finditer(line))
    pairs = []
    for i, m in enumerate(found):
        end = found[i + 1].start() if i + 1 < len(found) else len(line)
        value = line[m.end():end].strip(" |[]【】:：\t")
        pairs.append((_FIELD[re.sub(r"\s", "", m.group(1))], re.sub(r"\s*\|\s*$", "", value).strip()))
    return pairs


def read_page(norm: str, head_lines: int = 60) -> Page:
    """Labelled fields, the dateline and portal clocks of the page head.

    >>> p = read_page("成文日期 | 2025-06-13 | 发布日期 | 2025-06-30 |\\n标 题 | 某市关于印发某方案的通知 |\\n正文")
    >>> p.fields["written"], p.fields["published"], p.fields["title"]
    ('2025-06-13', '2025-06-30', '某市关于印发某方案的通知')
    >>> read_page("泸县成试点县\\n四川法制报 2020-10-16 00:32 大字\\n本报讯……").dateline
    '2020-10-16'
    >>> read_page("今天是:2019年10月31日 星期三 农历十月初七\\n正文").dateline is None
    True
    >>> read_page("成文日期：2023-12-20\\n发布时间2025-09-05\\n正文").fields["published"]
    '2025-09-05'
    >>> read_page("某报道标题\\n来源:某某日报  2025年11月05日  版次:A01  作者:\\n本报讯……").dateline
    '2025-11-05'
    >>> read_page("某市2017年法治政府建设情况报告\\n\\n21.12.2017  21:39\\n正文").dateline
    '2017-12-21'
    """
    lines = norm.splitlines()[:head_lines]
    fields: dict = {}
    clocks = set()
    dateline = None
    for i, line in enumerate(lines):
        if _CLOCK.search(line):
            clocks.add(i)
            continue
        for name, value in _cells(line):
            if name == "source" and dateline is None:
                dateline = date_of(value)       # 来源:某日报 2025年11月05日 版次:A01: an e-paper's date
            if name in ("published", "updated", "written", "date"):
                value = date_of(value) or ""
            if value and name not in fields:
                fields[name] = value
        if dateline is None and (len(line.strip()) <= 80 and _DATE_RE.search(line) and _TIME.search(line)
                                 or _SIGNED.match(line)):
            dateline = date_of(line)
        if dateline is None and (m := _DAY_FIRST.fullmatch(line.strip())):
            dateline = _iso(m.group(3), m.group(2), m.group(1))     # 21.12.2017  21:39: day first
    return Page(fields, dateline, frozenset(clocks), _watermarks(norm))


def _watermarks(norm: str) -> tuple[str, ...]:
    """A web address that recurs in the text, with the words every occurrence shares before it (an
    aggregator's stamp such as 某某之家—资源每日更新www.x.com), not the report's words.

    >>> _watermarks("甲之家www.ab.com某省报告。正文第一甲之家www.ab.com责任人")
    ('甲之家www.ab.com',)
    """
    spots: dict[str, list[int]] = {}
    for m in _ADDRESS.finditer(norm):
        spots.setdefault(m.group().lower(), []).append(m.start())
    marks = []
    for address, starts in spots.items():
        if len(starts) < 2:
            continue
        left = 0
        while left < _STAMP_LEFT and all(s - left - 1 >= 0 for s in starts) and \
                len({norm[s - left - 1] for s in starts}) == 1 and not norm[starts[0] - left - 1].isspace():
            left += 1
        marks.append(norm[starts[0] - left: starts[0] + len(address)])
    return tuple(sorted(marks, key=len, reverse=True))


def strip_watermarks(line: str, marks: tuple[str, ...]) -> str:
    """`line` without the page's watermarks.

    >>> strip_watermarks("某之家—每日更新www.ab.com某省报告", ("某之家—每日更新www.ab.com",))
    '某省报告'
    """
    for mark in marks:
        line = line.replace(mark, "")
    return line


@lru_cache(maxsize=1)
def addressees() -> tuple[dict[str, tuple[str, str]], dict[tuple[str, str], tuple[str, ...]]]:
    """(organ → (its level, government|committee), (level, below|same) → the writer's place levels)."""
    organs, writers = {}, {}
    for row in dicts.rows("place_addressees.tsv"):
        if row[1] in ("below", "same"):
            writers[(row[0], row[1])] = tuple(row[2].split(","))
        else:
            organs[row[0]] = (row[1], row[2])
    return organs, writers


# the organs before the colon: each part after a separator holds no separator itself, so a long line
# without a colon is refused in time linear in its length (a part that may hold one backtracks
# exponentially: a 300,000-character line without a break took minutes)
_ADDRESSEES = re.compile(r"\s*([^:：。，,\n]{2,40}?(?:[、，,和及与][^:：。，,、和及与\n]{2,20})*)\s*[:：]")
_ADDRESSEE_REACH = 200


def addressee_line(norm: str) -> tuple[int, int, tuple[tuple[str, str], ...]] | None:
    """(start, end, ((level, kind) of each organ)) of the addressees a report opens with instead of a
    title (国务院：, 省政府、市委、市人大：, 延安市委、市政府：): within the first lines, at most 40 characters
    before a colon that starts a line or runs on into the body on the same line, every part an organ
    (a place name may precede it). `end` is the end of the addressees' colon.

    >>> addressee_line("标题\\n省政府、市委、市人大：\\n2019年，市政府…")[2]
    (('province', 'government'), ('city', 'committee'), ('city', 'committee'))
    >>> addressee_line("国务院: 2019年，我省坚持依法行政…")[:2]
    (0, 4)
    >>> addressee_line("各乡镇人民政府，县直各单位：\\n…") is None
    True
    """
    organs = addressees()[0]
    ends = sorted(organs, key=len, reverse=True)
    at = 0
    for n, line in enumerate(norm.split("\n")):
        if n >= 12:
            break
        m = _ADDRESSEES.match(line[:_ADDRESSEE_REACH])   # a line of prose never reaches its colon
        if m:
            found = []
            for part in re.split(r"[、，,和及与]", m.group(1).strip()):
                organ = next((w for w in ends if part.endswith(w)), None)
                if organ is None or len(part) - len(organ) > 12:
                    found = []
                    break
                found.append(organs[organ])
            if found:
                return at, at + m.end(), tuple(found)
        at += len(line) + 1
    return None
