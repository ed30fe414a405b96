"""The kind of a text: a government's own report, a news piece about one, or something else
(a work plan, a notice that issues a plan, a policy interpretation).

Evidence is counted, not chained: the title's head word, the report formula (现将…报告如下), the
report's section structure (a year-led opening, 一、 and (一) headings, 主要举措/存在的问题/下一步),
news cues (本报讯, bylines, a lead that opens with a date or 近日), and a plan's, notice's or decision's
formulas (现印发给你们, 制定本实施方案, 现将名单公示, 决定对…予以命名), a plan's section headings (一、总体要求)
and a yearbook's run-in 【】 headings (all kind other). A page's pinyin glosses (建设(shè)) are dropped first.
The cue words, the formulas and every weight are data: `loaders/dicts/kind_words.tsv` and `kind_weights.tsv`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from loaders import dicts
from loaders.extract.page import Page, addressee_line, volume_year

__all__ = ["find_kind"]

_REPORT_FORMULA = re.compile(r"现[将就].{0,30}(?:报告|汇报)如下|特此报告")
_HEADINGS = re.compile(r"^\s*[一二三四五六七八九十]+\s*[、.．]\s*.{0,12}(?:存在|不足|问题|下一步|工作打算|工作计划|工作安排|思路)",
                       re.M)
_SECTION = re.compile(r"^\s*[一二三四五六七八九十]+\s*[、.．]", re.M)
_SUBSECTION = re.compile(r"^\s*[(（][一二三四五六七八九十]+[)）]", re.M)
_OUTCOME_HEADING = re.compile(r"^\s*[一二三四五六七八九十]+\s*[、.．].{0,20}(?:主要举措|主要措施|主要成效|工作成效|"
                              r"工作情况|基本情况|开展情况|推进法治政府建设)", re.M)
_YEAR_OPENING = re.compile(r"^\s*(?:(?:19|20)\d\d\s*年(?:度|以来)?[,，是]|一年来|过去的一年)")
_BYLINE = re.compile(r"[（(](?:[\u4e00-\u9fff·]{2,5}[\s、,，]*){1,5}[)）]\s*$", re.M)
_LEAD_DATE = re.compile(r"^\s*(?:\S{0,12}讯\s*[(（][^)）]{1,20}[)）]\s*)?\d{1,2}\s*月\s*\d{1,2}\s*日\s*[,，]")
_LEAD_RECENT = re.compile(r"近日|日前")
# A reading aid some pages print after each character: 建设(shè), 务(wù) (a pinyin syllable with a tone mark).
_GLOSS = re.compile(r"[(（][a-z]*[àáèéìíòóùúüāēěīǐōǒūǔǖǘǚǜǎńňǹḿ][a-z]*[)）]")


def find_kind(norm: str, title: str | None, page: Page | None = None) -> str:
    """government-report | news-article | other.

    >>> find_kind("现将有关情况报告如下：", None), find_kind("本报讯 记者 张三", "某市推进某事")
    ('government-report', 'news-article')
    >>> find_kind("2021年，某省坚持依法行政。\\n一、主要举措和成效\\n(一)加强领导。", None)
    'government-report'
    >>> find_kind("各乡镇：\\n《某县工作安排》已经县政府同意，现印发给你们。", "关于印发某县工作安排的通知")
    'other'
    """
    fields = page.fields if page else {}
    norm = _GLOSS.sub("", norm)
    w = _weights()
    head_word = re.sub(r"《[^》]*》", "", title or "").strip()
    report = news = 0
    headline = bool(title) and any(v in title for v in _words("headline"))
    if head_word.endswith(_words("report")) or head_word.endswith(_words("report_state")) and not headline:
        report += w["report_title"]
    elif title:
        news += w["other_title"] + (w["headline_verb"] if headline else 0)
    if fields.get("genre", "").endswith("报告"):
        report += w["report_genre"]
    if _REPORT_FORMULA.search(norm):
        report += w["report_formula"]
    if addressee_line(norm) is not None:          # 省政府、市委、市人大： a report to its superiors
        report += w["report_addressee"]
    report += w["report_headings"] * min(1, len(_HEADINGS.findall(norm))) + w["report_structure"] * _structured(norm)
    if _YEAR_OPENING.match(_first_paragraph(norm)):   # 2022年，某部坚持…: a report's opening, not a news lead
        report += w["report_year_opening"]
    news += _news_cues(norm, fields)
    # a plan's or notice's formula under a news headline (某县入选…: 决定对…予以命名) is quoted by the news
    planned = head_word.endswith(_words("plan")) or _yearbook(norm) or not headline and (
        bool(_plan_formula().search(norm[:3000])) or bool(_plan_headings().search(norm[:3000])))
    # an e-paper prints notices too: its page number is no news cue against a notice's evidence
    if planned and not _REPORT_FORMULA.search(norm) and not head_word.endswith("报告") \
            and _news_cues(norm, fields, paper=False) < w["plan_news_override"]:
        return "other"
    if not report and not news:          # on government work, yet no report: a piece written about it
        return "news-article" if _on_topic(norm) else "other"
    return "government-report" if report >= news else "news-article"


def _structured(norm: str) -> bool:
    """The report's section structure without its formula: two of a year-led opening paragraph,
    numbered sections, numbered subsections, a section on measures and results."""
    first = _first_paragraph(norm)
    signs = [bool(_YEAR_OPENING.match(first)), bool(_SECTION.search(norm)), bool(_SUBSECTION.search(norm)),
             bool(_OUTCOME_HEADING.search(norm))]
    return sum(signs) >= 2 and (signs[1] or signs[3])


def _first_paragraph(norm: str) -> str:
    return next((ln for ln in norm.splitlines() if len(ln.strip()) > 40), "")


def _news_cues(norm: str, fields: dict, paper: bool = True) -> float:
    w = _weights()
    head, tail = norm[:400], norm[-600:]
    score = sum(weight for word, weight in _news_words() if word in head or word in tail)
    if paper and re.search(r"第[A-Z]?[一二三四五六七八九十\d]+版", head):
        score += w["page_number"]
    if _BYLINE.search(norm.rstrip()[-200:]) or re.search(r"^\s*[（(]?(?:记者|通讯员)", tail, re.M):
        score += w["byline"]
    lead = next((ln for ln in norm.splitlines() if len(ln.strip()) > 40), "")
    if _LEAD_DATE.match(lead):
        score += w["lead_date"]
    elif _LEAD_RECENT.search(lead[:150]):
        score += w["lead_recent"]
    if fields.get("editor") or fields.get("author"):
        score += w["editor"]
    return score


def _on_topic(norm: str) -> bool:
    """Whether a text is prose on government work (法治, 依法行政, 政府: the topic words of
    kind_words.tsv, at least `topic_words` of them): a text on it with no report's title, formula or
    structure and no plan's or notice's is a feature or news piece about it (a title-less excerpt of
    one), not a text of unknown kind."""
    found = sum(norm.count(word) for word in _words("topic"))
    return found >= _weights()["topic_words"]


def _weights() -> dict[str, float]:
    return dicts.weights("kind_weights.tsv")


def _words(role: str) -> tuple[str, ...]:
    """The words of one role in kind_words.tsv (report / headline / plan), longest first."""
    return dicts.words("kind_words.tsv", 1, role)


_RUN_IN = re.compile(r"^\s*【[^】\n:：]{2,20}】\s*[^【\s]", re.M)


def _yearbook(norm: str) -> bool:
    """A yearbook's entry (年鉴: the 法治政府建设 section of a city's yearbook, kind other): run-in
    headings in 【】 that open paragraphs (【概况】2019年，…  【行政复议】全年…), `yearbook_headings` of
    them, or a yearbook word of kind_words.tsv in the page's head (某市年鉴2020), or its volume line
    (2022卷). (A contributor's line,
    撰稿：…/供稿：…, is no evidence: portal news ends with one too.)"""
    return len(_RUN_IN.findall(norm)) >= _weights()["yearbook_headings"] \
        or any(word in norm[:200] for word in _words("yearbook")) or volume_year(norm) is not None


@lru_cache(maxsize=1)
def _plan_headings() -> re.Pattern:
    """A plan's section headings (一、总体要求, 三、保障措施: role plan_heading of kind_words.tsv)."""
    heads = "|".join(map(re.escape, _words("plan_heading")))
    return re.compile(rf"^\s*[一二三四五六七八九十]+\s*[、.．]\s*(?:{heads})", re.M)


@lru_cache(maxsize=1)
def _plan_formula() -> re.Pattern:
    """The formulas of a plan, a notice, a decision or an interpretation (role formula of
    kind_words.tsv, each a regular expression): 现印发给你们, 制定本方案, 现将名单公示, 决定对…予以命名."""
    return re.compile("|".join(f"(?:{r[0]})" for r in dicts.rows("kind_words.tsv") if len(r) > 1 and r[1] == "formula"))


@lru_cache(maxsize=1)
def _news_words() -> tuple[tuple[str, float], ...]:
    """(cue, weight) of the news cues, in file order."""
    return tuple((r[0], float(r[2])) for r in dicts.rows("kind_words.tsv") if len(r) > 2 and r[1] == "news")
