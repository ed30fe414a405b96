"""Unquoted programme candidates: a name ending in an institution/reform/mechanism head word
(政府法律顾问制度, 涉企执法阳光监督改革) or a targeted campaign's head (programme_bare_campaigns.txt:
执法突出问题专项整治), its left edge found by jieba words up to a bounding word."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from loaders import dicts
from loaders.lexicon import heads
from loaders.segment import cut, tagged, tokenizer, word_ends

__all__ = ["Bare", "bare_names", "head_pattern", "BARE_TYPES", "NAMING_TYPES", "COLLECTIVE"]

BARE_TYPES = ("institution", "reform", "mechanism", "method", "pilot", "platform")
# heads after which a name is still the same programme (X → X制度, X改革试点 → X改革); a platform named
# after a programme (免申即享 → 免申即享平台) is the tool that serves it, another entity
NAMING_TYPES = tuple(t for t in BARE_TYPES if t != "platform")
_REACH = 24                 # characters before the head word that may belong to the name
_MAX_NAME = 22
_MAX_LISTED = 40            # a name that takes in the list its numeral counts (削权减证、…、规范用权五大行动)
_OPENERS = ("“", "‘", "「", "『", "《", "\"")
_CLAUSE = re.compile(r"[^\u4e00-\u9fff0-9A-Za-z.]")
# Parts of speech that bound a name on its left: prepositions, adverbs, time and numeral words,
# pronouns, conjunctions, particles, locatives (jieba's tags).
_NUMERALS = "一二两三四五六七八九十百千首"
_CLASSIFIERS = "项个条件类家名批套次"     # a count's classifier or unit opens no name (25项重要制度, 召集一次联席会议)
_UNITS = dicts.words("outcome_unit_classes.tsv", 1, "time")   # 24小时值守制度: a length of time opens no name
_COUNTED = re.compile(rf"[0-9０-９]|[{_NUMERALS}万余多]+[{_CLASSIFIERS}]")   # 清单31个, 制度十二项
_STOP_TAGS = ("p", "d", "t", "m", "q", "r", "c", "u", "f", "y", "e", "zg")


@dataclass(frozen=True)
class Bare:
    """An unquoted would-be programme norm[start:end], its head word and type, the word before it.
    `shared` is set on the first conjunct of names sharing one head word (法律顾问 of 法律顾问和公职律师
    制度): its name is the conjunct with that head word, which the text writes only once, later."""

    start: int
    end: int
    head: str
    type: str
    before: str
    shared: bool = False
    paired: bool = False               # either conjunct of names sharing one head word

    def name(self, norm: str) -> str:
        return norm[self.start:self.end] + (self.head if self.shared else "")


@lru_cache(maxsize=4)
def _heads(types: tuple[str, ...] = BARE_TYPES) -> tuple[re.Pattern, dict[str, str]]:
    table = {w: t for w, t, where, strong in heads()
             if t in types and strong and where == "both" and len(w) >= 2}
    if types == BARE_TYPES:                  # targeted campaigns are bare names, not heads of other names
        table.update((w, "campaign") for w in dicts.words("programme_bare_campaigns.txt"))
        table.update((w, t) for w, (t, _) in _word_heads().items())
    return re.compile("|".join(re.escape(w) for w in sorted(table, key=len, reverse=True))), table


@lru_cache(maxsize=1)
def _word_heads() -> dict[str, tuple[str, str]]:
    """Heads that open only unquoted names, and only where a word ends with them (中心 but not 中心组):
    head → (type, the words that continue it into another word)."""
    return {row[0]: (row[1], row[2] if len(row) > 2 else "") for row in dicts.rows("programme_bare_heads.tsv")}


def _continued(norm: str, m: re.Match) -> bool:
    """Whether a head of `_word_heads` is no word end here (理论学习中心组, 中心工作: jieba or the list says)."""
    after = _word_heads()[m.group()][1]
    return not word_ends(norm, m.start(), m.end()) or bool(after) and norm.startswith(tuple(after.split("|")), m.end())


def head_pattern(types: tuple[str, ...] = BARE_TYPES) -> re.Pattern:
    """The head words of names of these types (制度, 机制, 改革 …), longest first: by default every type
    a bare name may have; `NAMING_TYPES` for the heads that keep a name the same programme."""
    return _heads(types)[0]


@lru_cache(maxsize=1)
def _short_heads() -> tuple[re.Pattern | None, dict[str, str]]:
    """One-character heads written inside names (制 of 首问负责制): only where a name ends, before a
    pause, a conjunction or the end of the text."""
    table = {w: t for w, t, where, strong in heads() if t in BARE_TYPES and strong and len(w) == 1}
    if not table:
        return None, table
    return re.compile(f"[{''.join(table)}](?=[^\u4e00-\u9fff]|[和与及等]|$)"), table


def _own_word(norm: str, start: int, head_start: int, head: str) -> bool:
    """True when jieba gives the one-character head its own word (办结 / 制) or ends a longer word with
    it that is not an ordinary word (负责制, but not 体制, 机制, 法制: those are words by themselves)."""
    last = cut(norm[start:head_start + len(head)])[-1]
    return last == head or (len(last) >= 3 and last[-2:] not in tokenizer().FREQ)


@lru_cache(maxsize=1)
def _stops() -> tuple[str, ...]:
    return dicts.words("programme_bare_stop.txt")


def _bounds(word: str, tag: str = "") -> bool:
    """A bounding word, a word ending with one (全面推行), or a verb or adverb jieba joined to the
    word after it (积极争取, 推进改革: tagged v, d or l, opening with a bounding word)."""
    stops = _stops()
    if word in stops or any(len(word) > len(s) and word.endswith(s) for s in stops if len(s) >= 2):
        return True
    return tag[:1] in ("v", "d", "l") and tag != "vn" and any(
        len(word) > len(s) and word.startswith(s) for s in stops if len(s) >= 2)


@lru_cache(maxsize=1)
def _keeps() -> frozenset[str]:
    return frozenset(dicts.words("programme_bare_keep.txt"))


def _kept(words, i: int) -> bool:
    """Whether words[i] stays inside a name whatever its tag (会前, 立法; 事 + 中 → 事中; 后 + 评估 → 后评估)."""
    word = words[i][0]
    return word in _keeps() or (len(word) == 1 and i > 0 and words[i - 1][0][-1] + word in _keeps()) \
        or (len(word) == 1 and i + 1 < len(words) and word + words[i + 1][0] in _keeps())


def bare_names(norm: str, masked) -> list[Bare]:
    """Unquoted names ending in a head word; `masked(i)` is True inside quotes or titles.

    >>> t = "全面推行政府法律顾问制度，建立健全长效机制，深化综合窗口2.0改革，更好解决当前改革。"
    >>> [(t[b.start:b.end], b.type, b.before) for b in bare_names(t, lambda i: False)]
    [('政府法律顾问制度', 'institution', '全面推行'), ('长效机制', 'mechanism', '建立健全'), ('综合窗口2.0改革', 'reform', '深化')]
    """
    pattern, table = _heads()
    short, short_table = _short_heads()
    heads_found = [(m, table) for m in pattern.finditer(norm)]
    if short is not None:
        heads_found += [(m, short_table) for m in short.finditer(norm)]
    out: list[Bare] = []
    for m, table in sorted(heads_found, key=lambda h: h[0].start()):
        if masked(m.start()):
            continue
        if m.group() in _word_heads() and _continued(norm, m):
            continue
        found = _left_edge(norm, m.start())
        if found is None:
            continue
        start, before = found
        start, before = _listed_levels(norm, start, before)
        joined = _joined_parties(norm, start, before, m.start())
        if joined is not None:
            start, before = joined
        if len(m.group()) == 1 and not _own_word(norm, start, m.start(), m.group()):
            continue
        if before in "”’」』":                    # the head of the quoted name before it (“X”清单制度)
            continue
        if norm[m.end():m.end() + 1] in _OPENERS:   # 试点“X”制度, 改革《…》: the head word is a verb here
            continue
        if _COUNTED.match(norm, m.end()):            # 梳理政务服务事项清单31个: a counted noun, not a name
            continue
        if 2 <= m.start() - start and m.end() - start <= (_MAX_LISTED if "、" in norm[start:m.start()] else _MAX_NAME):
            while out and out[-1].end > start:       # 行政审批制度 + 改革: the longer name stands
                out.pop()
            first = None if joined else _first_conjunct(norm, start, before, m.group(), table[m.group()], masked)
            if first is not None and not (out and out[-1].end > first.start):
                out.append(first)
            else:
                first = None
            out.append(Bare(start, m.end(), m.group(), table[m.group()], before, paired=first is not None))
    return out


_JOINS = tuple(w for w in dicts.words("programme_conjunctions.txt") if w != "、")   # 和 与 及 以及


def _joined_parties(norm: str, start: int, before: str, head_start: int) -> tuple[int, str] | None:
    """The left edge of a name whose conjunction joins two parties inside it (行政复议与行政诉讼衔接机制:
    衔接 relates both), or None.

    >>> t = "健全行政复议与行政诉讼衔接机制"
    >>> _joined_parties(t, 7, "与", 13)
    (2, '健全')
    >>> _joined_parties("完善复议和诉讼制度", 5, "和", 7) is None
    True
    """
    if before not in _JOINS or not norm[start:head_start].endswith(dicts.words("programme_relation_words.txt")):
        return None
    end = start - len(before)
    if end < 2 or not "\u4e00" <= norm[end - 1] <= "\u9fff":
        return None
    return _left_edge(norm, end)


def _first_conjunct(norm: str, start: int, before: str, head: str, kind: str, masked) -> Bare | None:
    """The first of two names sharing the head word of the second (法律顾问和公职律师制度 → 法律顾问
    + 制度): a conjunct of two words or more right before the conjunction, bounded on its left as any
    name is, and not ending in a head word of its own (A制度和B制度 are two names already).

    >>> t = "全面推行法律顾问和公职律师制度"
    >>> b = _first_conjunct(t, 9, "和", "制度", "institution", lambda i: False)
    >>> b.name(t), b.before, b.shared
    ('法律顾问制度', '全面推行', True)
    >>> _first_conjunct("建立A类制度和公职律师制度", 7, "和", "制度", "institution", lambda i: False) is None
    True
    """
    if before not in _JOINS or start - len(before) < 2 or len(head) < 2:
        return None
    end = start - len(before)
    if masked(end - 1) or not "\u4e00" <= norm[end - 1] <= "\u9fff":
        return None
    found = _left_edge(norm, end)
    if found is None:
        return None
    first, bound = found
    if bound in ("、", "，", ","):             # the last items of a longer list (A、B和C制度): no one name
        return None
    name = norm[first:end]
    if len(name) < 2 or len(name) + len(head) > _MAX_NAME or any(
            m.end() == len(name) for m in head_pattern().finditer(name)) or name[-1] in "制":
        return None
    if len(cut(name)) < 2 and len(name) < 4:
        return None
    return Bare(first, end, head, kind, bound, shared=True, paired=True)


_COUNT_WORD = re.compile(rf"[{_NUMERALS}]+[{_CLASSIFIERS}]")


COLLECTIVE = rf"[{_NUMERALS}]+[大级项]"                # 三大, 五级, 四项: a numeral counting the list before it
_COLLECTIVE = re.compile(rf"[\u4e00-\u9fff]{{0,4}}?{COLLECTIVE}")
_ITEM_MAX = 4


def _listed_levels(norm: str, start: int, before: str) -> tuple[int, str]:
    """A name whose collective numeral counts a 、-list right before it (实体、网络、热线三大平台; 乡、村、
    网格三级联动体系; 削权减证、…、规范用权五大行动) takes the list in: the list is part of the name.
    Each item is the run of characters between two 、 (the first: the last word before its 、), at most
    `_ITEM_MAX` long. Otherwise (start, before) unchanged.

    >>> t = "建立起乡、村、网格三级联动体系"
    >>> _listed_levels(t, 7, "、")
    (3, '建立起')
    >>> _listed_levels("推进三级联动体系", 2, "推进")
    (2, '推进')
    >>> _listed_levels("建立镇、村、组三级联动体系", 7, "组")
    (2, '建立')
    >>> _listed_levels("确定了削权减证、流程再造、规范用权五大行动", 14, "用")
    (3, '了')
    """
    m = _COLLECTIVE.match(norm, start)
    if not m:
        return start, before
    numeral = m.end() - len(re.search(COLLECTIVE + "$", m.group()).group())
    last = numeral
    while last > 0 and numeral - last < _ITEM_MAX and "\u4e00" <= norm[last - 1] <= "\u9fff" and norm[last - 1] != "、":
        last -= 1
    if last == numeral or last < 2 or norm[last - 1] != "、":
        return start, before
    start = last
    longest = numeral - last
    while start >= 2 and norm[start - 1] == "、":
        lo = start - 1
        run = lo
        while run > 0 and lo - run < 12 and "\u4e00" <= norm[run - 1] <= "\u9fff":
            run -= 1
        if run == lo:
            break
        if run > 0 and norm[run - 1] == "、" and lo - run <= _ITEM_MAX:
            item = norm[run:lo]                  # a middle item: all of it
        else:                                    # the first item: after its verb (建立起乡), else as long as the others
            edge = _left_edge(norm, lo)
            bounded = edge is not None and _bounds(edge[1]) and lo - edge[0] <= _ITEM_MAX
            item = norm[edge[0]:lo] if bounded else norm[max(run, lo - longest):lo]
            if bounded:
                return lo - len(item), edge[1]
        if len(item) > _ITEM_MAX:
            break
        longest = max(longest, len(item))
        start = lo - len(item)
    before = norm[start - 1] if start else "START"
    if start and "\u4e00" <= before <= "\u9fff":
        before = cut(norm[max(0, start - 6):start])[-1]
    return start, before


def _numbered(word: str) -> bool:
    """A word opening with a number is part of a name (2.0, 一次性告知制, 首问负责制), whatever its tag,
    unless it is a count (一次, 两项: 召集一次府院联席会议 names 府院联席会议).

    >>> _numbered("一次性"), _numbered("首"), _numbered("一次")
    (True, True, False)
    """
    return (word[0].isdigit() or word[0] in _NUMERALS) and not _COUNT_WORD.fullmatch(word)


def _left_edge(norm: str, head_start: int) -> tuple[int, str] | None:
    """Where the name before a head word begins, and the word bounding it (None: nothing before)."""
    lo = max(0, head_start - _REACH)
    span = norm[lo:head_start]
    cuts = [m.end() for m in _CLAUSE.finditer(span)]
    span_start = lo + (cuts[-1] if cuts else 0)
    words = tagged(norm[span_start:head_start]) if head_start > span_start else ()
    start, before = head_start, "START" if span_start == 0 else norm[span_start - 1]
    for i in range(len(words) - 1, -1, -1):
        word, tag = words[i]
        if not _kept(words, i) and (_bounds(word, tag) or (tag.startswith(_STOP_TAGS) and not _numbered(word))) \
                and not (len(word) == 1 and head_start - start == 1 and word not in _stops()):
            before = word                        # (三书同达: 同 tagged a preposition, one character left)
            break
        if word.isdigit() and i + 1 < len(words) and words[i + 1][0][:1] in _CLASSIFIERS:
            before = word                        # 16个部门84项行政审批中介服务事项清单: a count bounds it
            break
        if len(word) == 1 and i > 0 and words[i - 1][0] + word in _stops():
            before = words[i - 1][0] + word      # 打 + 好: a verb and its complement jieba cut apart
            break
        start -= len(word)
    while start < head_start and not "\u4e00" <= norm[start] <= "\u9fff":
        start += 1                               # a name starts with a word, not 2.0
    if start > 0 and (norm[start - 1].isdigit() or norm[start - 1] == " " and norm[start - 2:start - 1].isdigit()):
        unit = next((u for u in _UNITS if norm.startswith(u, start)), "")
        start += len(unit) or int(norm[start] in _CLASSIFIERS)   # 25项重要制度, 24小时值守制度
    return (start, before) if start < head_start else None
