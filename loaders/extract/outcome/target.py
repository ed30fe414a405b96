"""Readings that are no claimed result: a figure governed by a target or future frame (力争…减少30%,
今年将培育…40个, 到2025年… in a report of an earlier year) and a count of a plan's contents (明确21个
要点, 部署52项工作任务). The words are rows of loaders/dicts/outcome_targets.tsv.

A frame governs the figures after it in its own clause. One that opens the sentence (no figure before
it) governs the figures of the clauses after it too, when its own clause is an aim (力争…减少30%，
建成10个…) or the frame alone (到2025年，…); never past a word of a claimed result (已, 实际, 了).
A frame in a clause of its own making (确保重大改革于法有据，共修改法规103件) governs nothing after.

Such figures are dropped rather than kept as targets: an `Outcome`, the gk:Outcome node and its
shapes have no place for an aim, and every export reads an outcome as a claimed result.
"""
from __future__ import annotations

import re
from functools import lru_cache

from loaders import dicts
from loaders.extract.outcome.clauses import quoted, split
from loaders.extract.outcome.lexicon import alternation
from loaders.extract.outcome.reading import Reading
from loaders.segment import tagged

__all__ = ["claimed", "frames"]

_FILE = "outcome_targets.tsv"
_VERB_TAGS = ("v", "vn")
_NOUN_TAGS = ("n", "vn", "nz", "nt", "ns", "nr", "eng")
_YEAR = re.compile(r"20\d\d")


def _words(cls: str) -> tuple[str, ...]:
    return dicts.words(_FILE, 1, cls)


@lru_cache(maxsize=1)
def _cues() -> tuple[str, ...]:
    """Every word that can open a frame, for a quick test before a sentence is cut."""
    return _words("aim") + _words("aim_verb") + _words("aim_noun") + _words("aim_head")


@lru_cache(maxsize=1)
def _date_re() -> re.Pattern:
    """到2025年, 至2026年底, 2025年底前: a deadline (the year in group `y` or `z`); not 2021年至2025年
    (a period) nor 到2025年3月 (a day of the next year, when the report was written)."""
    pre, post = alternation(_words("date_pre")), alternation(_words("date_post"))
    return re.compile(rf"(?<![\d年\-—–~～])(?:{pre}(?P<y>20\d\d)年(?!\s*[\d一二三四五六七八九十]+月)"
                      rf"|(?P<z>20\d\d)年(?:底|末)?{post})")


@lru_cache(maxsize=1)
def _plan_re() -> re.Pattern:
    """A plan verb before a figure, 了/出/共 aside, with one count of 方面 (明确了七个方面) or the
    items' own name (明确重点任务30项) between them (group `between`)."""
    return re.compile(rf"{alternation(_words('plan_verb'))}[了出]?(?:共计|总计|共)?"
                      rf"(?P<between>(?:\d+|[一二两三四五六七八九十]+)个?方面|[\u4e00-\u9fff]{{0,8}})\s*$")


def _tokens(sentence: str) -> list[tuple[int, str, str]]:
    """(offset, word, tag) of every word of `sentence`."""
    out, at = [], 0
    for word, tag in tagged(sentence):
        found = sentence.find(word, at)
        at = found if found >= 0 else at
        out.append((at, word, tag))
        at += len(word)
    return out


def frames(sentence: str, year: int | None = None) -> list[tuple[int, int]]:
    """[start, end) of every target or future frame of `sentence`; a deadline counts only when its
    year is later than the report's `year`.

    >>> s = "到2025年，力争证明事项减少30%，将全县27个部门的事项划入审批局"
    >>> [s[a:b] for a, b in frames(s, 2021)], [s[a:b] for a, b in frames(s, 2025)]
    (['到2025年', '力争'], ['力争'])
    >>> s = "今年将培育示范村40个，争取上级资金3000万元，按计划完成5项"
    >>> [s[a:b] for a, b in frames(s)]
    ['将']
    >>> s = "下一步，全县新建示范点10个，为今后工作奠定基础"
    >>> [s[a:b] for a, b in frames(s)]
    ['下一步']
    """
    masked = quoted(sentence)
    out = []
    if year:
        for m in _date_re().finditer(sentence):
            if int(m.group("y") or m.group("z")) > year and m.start() not in masked:
                out.append((m.start(), m.end()))
    if any(w in sentence for w in _cues()):
        words = _tokens(sentence)
        starts = {at: i for i, (at, _, _) in enumerate(words)}
        ends = {at + len(word): i for i, (at, word, _) in enumerate(words)}
        for i, (at, word, _) in enumerate(words):
            if at in masked:
                continue
            aim = next((w for w in _words("aim") if sentence.startswith(w, at) and at + len(w) in ends), None)
            if aim and _free(words, i, ends[at + len(aim)]):
                out.append((at, at + len(aim)))      # 力争, or 下一步 cut as 下 + 一步
            elif _opens(words, i):
                out.append((at, at + len(word)))
    return sorted(out)


def _free(words: list[tuple[int, str, str]], first: int, last: int) -> bool:
    """Whether words `first`…`last` (an aim word) stand free: not after a purpose word (为确保) nor
    before a particle that undoes them (确保了, 力争的)."""
    prev = words[first - 1][1] if first else ""
    nxt = words[last + 1][1] if last + 1 < len(words) else ""
    return prev not in _words("purpose") and nxt not in _words("not_after")


def _opens(words: list[tuple[int, str, str]], i: int) -> bool:
    """Whether word `i` opens a frame other than an aim word's (those are matched in `frames`)."""
    word = words[i][1]
    prev = words[i - 1] if i else (0, "", "")
    nxt = words[i + 1][1] if i + 1 < len(words) else ""
    if not _free(words, i, i):
        return False
    if word in _words("aim_head"):
        return nxt in _words("link")
    if word in _words("aim_noun"):
        if prev[1] in _words("not_before") or (prev[2] in _NOUN_TAGS and len(prev[1]) >= 2):
            return False                               # 按计划, 工作计划
    elif word not in _words("aim_verb"):
        return False
    return _before_verb(words, i + 1, word in _words("marker"))


def _before_verb(words: list[tuple[int, str, str]], j: int, marker: bool = False) -> bool:
    """Whether a verb follows from word `j` on (adverbs and a date such as 于2025年底 skipped) that is
    not, after a `marker` (将), its object moved somewhere by a later verb (将审批时限压缩至…,
    将推进依法行政纳入考核).

    >>> s = "将审批时限压缩至4天，将培育示范社区30个"
    >>> [s[a:b] for a, b in frames(s)]
    ['将']
    """
    while j < len(words):
        word, tag = words[j][1], words[j][2]
        if tag in ("d", "t") or _YEAR.fullmatch(word) or word in _words("date_part") + _words("date_post"):
            j += 1
        elif word in _words("date_word") and j + 1 < len(words) and _YEAR.fullmatch(words[j + 1][1]):
            j += 1
        else:
            break
    if j >= len(words) or words[j][2] not in _VERB_TAGS or len(words[j][1]) < 2:
        return False
    rest = []
    for _, word, tag in words[j + 1:]:
        if word in "，,；;。：:":
            break
        rest.append((word, tag))
    if any(word in _words("attributive") for word, _ in rest[:2]):
        return False                                   # 对计划出台的12件文件: what was planned, named
    if not marker:
        return True
    if any(word in _words("disposal") for word, _ in rest):
        return False
    ends = _words("complement")
    for k, (word, tag) in enumerate(rest):             # 将审批时限压缩至…: a later verb moves 将's object
        if tag == "v" and (word.endswith(ends) or (k + 1 < len(rest) and rest[k + 1][0] in ends)):
            return False
    return True


def _reset(words: list[tuple[int, str, str]], start: int, end: int) -> bool:
    """Whether a word of a claimed result stands in [start, end) (已, 实际, 了)."""
    resets = _words("reset")
    return any(start <= at < end and (word in resets or tag == "ul") for at, word, tag in words)


def _plan_content(sentence: str, r: Reading) -> bool:
    """明确21个要点, 部署52项工作任务: a count of a plan's items right after a plan verb, unless
    the items were then carried out (…措施全部落实, …，已完成).

    >>> from loaders.extract.outcome.reading import read
    >>> [_plan_content(s, read(s)[0]) for s in ("部署52项工作任务", "明确了27项整改措施，已全部落实")]
    [True, False]
    >>> [_plan_content(s, read(s)[0]) for s in ("明确重点任务30项", "明确的152项任务", "提出意见建议56条")]
    [True, False, False]
    >>> _plan_content("明确62家单位年度普法任务", read("明确62家单位年度普法任务")[0])
    False
    """
    if not _words("plan_verb") or not r.indicator.endswith(_words("plan_item")):
        return False
    if r.unit not in _words("plan_unit"):
        return False                                   # 明确62家单位…任务: the count is of bodies, not items
    m = _plan_re().search(sentence, r.clause.start, r.figure.start)
    between = m.group("between") if m else ""
    if not m or (between and not between.endswith(_words("plan_item"))):
        return False
    own, later = _done_re()
    return not (own.match(sentence, r.figure.end) or later.search(sentence, r.figure.end))


@lru_cache(maxsize=1)
def _done_re() -> tuple[re.Pattern, re.Pattern]:
    """A verb of carrying out (落实, 完成) in the rest of the clause; one after 已/全部/均 later on."""
    done, whole = alternation(_words("done")), alternation(_words("reset") + _words("whole"))
    return re.compile(rf"[^，,；;。]*{done}"), re.compile(rf"{whole}{alternation(_words('done_aux'))}?{done}")


def claimed(sentence: str, readings: list[Reading], year: int | None = None) -> list[Reading]:
    """The readings of `sentence` that are claimed results: neither aims nor a plan's contents.

    >>> from loaders.extract.outcome.reading import read
    >>> s = "到2025年，力争证明事项减少30%左右，建成10个左右示范点"
    >>> [(r.figure.value, r.unit) for r in claimed(s, read(s), 2021)]
    []
    >>> s = "全年计划开展培训5次，实际开展8次"
    >>> [(r.figure.value, r.unit) for r in claimed(s, read(s))]
    [(8.0, '次')]
    """
    if not readings:
        return readings
    found = frames(sentence, year)
    words = _tokens(sentence) if found else []
    first = min(r.figure.start for r in readings)
    carrying = [f for f in found if f[0] < first and _carries(sentence, f, found, readings)]
    out, listed = [], False
    for r in readings:
        listed = _plan_content(sentence, r) or (listed and r.clause.sep == "、" and r.clause.start == r.figure.start
                                                and r.indicator.endswith(_words("plan_item")))
        if listed:
            continue                                    # 明确了52项工作任务、277条具体措施
        aimed = False
        for a, b in found:
            if b > r.figure.start:
                break
            reach = a >= r.clause.start or (a, b) in carrying
            if reach and not _reset(words, b, r.figure.start):
                aimed = True
        if not aimed:
            out.append(r)
    return out


@lru_cache(maxsize=1)
def _bare_re() -> re.Pattern:
    """Punctuation and the characters of a date's parts (年底, 以前): what a bare frame clause may hold."""
    chars = "".join(sorted(set("".join(_words("date_part") + _words("date_post")))))
    return re.compile(rf"[\s，,；;、：:{re.escape(chars)}]")


def _carries(sentence: str, frame: tuple[int, int], found: list[tuple[int, int]], readings: list[Reading]) -> bool:
    """Whether a frame that opens the sentence reaches past its own clause: when its clause holds a
    figure of its own or nothing but frames (到2025年，力争…).

    >>> s = "确保改革于法有据，共修改法规103件"
    >>> _carries(s, (0, 2), [(0, 2)], [])
    False
    """
    clause = next((c for c in split(sentence) if c.start <= frame[0] < c.end), None)
    if clause is None:
        return False
    if any(clause.start <= r.figure.start < clause.end for r in readings):
        return True
    rest = [ch for i, ch in enumerate(sentence[clause.start:clause.end], clause.start)
            if not any(a <= i < b for a, b in found)]
    return len(_bare_re().sub("", "".join(rest))) <= 2
