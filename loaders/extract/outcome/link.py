"""An outcome's position → the programme it is about, from the programmes' mention spans (plus any
other place a programme's name or alias is written), clause by clause:

- a programme the figure's clause reaches (…事项实现“园区事园区办”) is passed over when the sentence's
  topic clause names one (what brought that state about); so is one that is only part of the examples
  the figure counts (诉调对接工作站等举措3项);
- programmes named together, for the figures listed after 分别, one each in order;
- one named in the figure's own clause, before it or after it;
- for figures listed with 、, one named after the last of them (组织53个部门、22个乡镇开展…示范创建活动);
- else one named in an earlier clause of its sentence (of a list there, the item whose own qualifier
  the figure's clause repeats: 进口货物“船边直提”和出口货物“抵港直装”，进口提箱用时…), unless a clause in between (or the figure's
  own) names its own subject (市委主要领导…), the programme is what a figure of its own clause
  counts (创建“示范村”2个, X等举措3项), or the figure's clause opens an action of its own (组织971名…)
  and the programme is not the sentence's topic (its first clause); a framing opening phrase
  (按照…部署，) is never the topic;
- else, for a figure in the sentence's first clause, one named in the next clause when that clause
  has no figure, subject or action of its own and adopts no programme of its own (命名31个示范地区，
  积极参与…示范创建活动, but not 将231项…改为后置，全面实施“多证合一”);
- else, when the sentence names no programme before the figure: the subject of the previous sentence
  when this one continues it (通过该平台…, 此举…) or restates its programme in its own words
  (探索重大项目并联审批。重大项目…并联办理审批时间92天), or, right after the paragraph's opening
  sentence, that sentence's programme when this one writes a word of its name (我市推行权力清单制度
  工作…。市本级60个部门梳理出权力事项6749项), or the programme of the paragraph's heading
  (3.深化行政审批制度改革。…保留事项515项) or of a heading line right above it (持续推进“放管服”
  改革\n一是…), unless the sentence right before took up another programme;
- else the one programme of the text every word of whose name (three or more) the sentence writes
  (…经过一年多创建…评选出30个全省法治政府建设示范地区 → 法治政府建设示范创建).
Whatever the way, a programme that is a duty of office (…第一责任人职责: outcome_link_duties.txt) takes
no figure: the meetings its holders chaired are no results of it.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from itertools import accumulate

from loaders import dicts
from loaders.extract.outcome.clauses import split
from loaders.extract.outcome.indicator import tidy, unscoped
from loaders.extract.outcome.lexicon import alternation
from loaders.records import Programme
from loaders.segment import cut, tagged

__all__ = ["Linker"]


Span = tuple[int, int, str]
# What a programme is measured by when it changes from a baseline: 权力清单由3278项压减到947项
_BASELINE = re.compile(r"[由从]\s*[\d零〇一二三四五六七八九十]")
# A heading's number: 3. / 一、 / （二） / 一是
_CLOSERS, _OPENERS = "”’」』》\"' ", "“‘「『《\"' "
_NUMBERING = re.compile(r"\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十\d]{1,3}(?:[、．.]|是))\s*")


@lru_cache(maxsize=1)
def _continues_re() -> re.Pattern:
    """A sentence opening that goes on about what the previous sentence introduced (通过该平台…):
    outcome_link_continues.tsv."""
    def words(kind: str) -> str:
        return alternation(dicts.words("outcome_link_continues.tsv", 1, kind))
    return re.compile(rf"{words('lead')}?{words('this')}(?P<head>[\u4e00-\u9fff]{{0,3}}?){words('then')}")


@lru_cache(maxsize=1)
def _subject_re() -> re.Pattern:
    """Any subject head of outcome_link_subjects.txt."""
    return re.compile("|".join(map(re.escape, dicts.words("outcome_link_subjects.txt"))))


@lru_cache(maxsize=1)
def _not_subject_re() -> re.Pattern:
    """Noun phrases whose subject head names no one acting on their own (outcome_link_not_subjects.txt)."""
    return re.compile("|".join(map(re.escape, dicts.words("outcome_link_not_subjects.txt"))))


@lru_cache(maxsize=1)
def _limits() -> dict[str, float]:
    """The linker's distances (outcome_link.tsv)."""
    return dicts.weights("outcome_link.tsv")


class Linker:
    """Finds the programme a span is about, given every programme's mentions.

    >>> from loaders.records import Mention
    >>> p = Programme("企业安静期", "institution", mentions=(Mention(2, 7, "企业安静期"),))
    >>> Linker("推行企业安静期制度，检查次数下降30%。", [p]).program(0, 20, 10, 20, 16)
    '企业安静期'
    """

    def __init__(self, text: str, programs: list[Programme] | tuple[Programme, ...],
                 sentences: tuple[tuple[int, int], ...] = ()):
        self.text = text
        spans = [(m.start, m.end, p.name) for p in programs for m in p.mentions]
        self.spans = sorted(spans + _written(text, programs, spans))
        self.starts = [s for s, _, _ in self.spans]
        known = {p.name for p in programs}
        self.related = {p.name: [r for r in p.related if r in known] for p in programs if p.related}
        self.sentences = tuple(sentences)
        self._clause_cache: dict[tuple[int, int], list[tuple[int, int]]] = {}

    def _within(self, start: int, end: int) -> list[Span]:
        i = bisect_left(self.starts, start)
        out = []
        while i < len(self.spans) and self.spans[i][0] < end:
            if self.spans[i][1] <= end:
                out.append(self.spans[i])
            i += 1
        return out

    def program(self, sent_start: int, sent_end: int, clause_start: int, clause_end: int,
                at: int, previous: tuple[int, int] | None = None, figures: tuple[int, ...] = ()) -> str | None:
        """The programme a figure at `at` is about (absolute offsets), or None; `figures` are the
        start offsets of every figure of the sentence."""
        floor = max(self._after_frame(sent_start, clause_start), clause_start - int(_limits()["reach"]))
        results = self._results(self._clauses(floor, sent_end), at)
        earlier = [s for s in self._within(floor, at) if s[1] <= at and s not in results]
        name = self._respective(earlier, self._clauses(floor, sent_end), at, figures) if earlier else None
        if name is None:
            name = _nearest([sp for sp in self._within(clause_start, clause_end)
                             if sp not in results and not _example(self.text, *sp[:2], at)], at)
        if name is None:
            name = self._shared(self._clauses(floor, sent_end), at, figures, results)
        if name is None:
            if earlier:
                name = self._earlier(earlier, self._clauses(floor, sent_end), at, figures)
            else:
                if self._within(at, sent_end):
                    name = self._next_clause(self._clauses(floor, sent_end), at, figures)
                if name is None and previous is not None:
                    name = self._continued(sent_start, sent_end, previous)
                if name is None and previous is not None:
                    name = self._restated(sent_start, clause_end, previous)
                if name is None and previous is not None:
                    name = self._opening(sent_start, clause_end, at, previous)
                if name is None:
                    name = self._heading(sent_start)
                if name is None:
                    name = self._reworded(sent_start, clause_end)
        if name and name.endswith(dicts.words("outcome_link_duties.txt")):
            return None                      # a duty of office: no results of its own
        return self._related_in(name, clause_start, clause_end) if name else None

    def _shared(self, clauses: list[tuple[int, int]], at: int, figures: tuple[int, ...],
                results: set[Span]) -> str | None:
        """For figures listed with 、 before what was done with all of them (组织53个部门、22个乡镇开展
        “示范创建”活动): the first programme named after the last figure of the list, in a later item
        (none that the list reaches as a result, `results`)."""
        s, e = clauses[_index(clauses, at)]
        last = max((f for f in figures if s <= f < e), default=at)
        item = min((i for i in (self.text.find(c, at, e) for c in "、") if i >= 0), default=e)
        after = [sp for sp in self._within(max(last, item), e) if sp not in results]
        return after[0][2] if after and last > at else None

    def _results(self, clauses: list[tuple[int, int]], at: int) -> set[Span]:
        """Mentions after a verb of a result reached (实现: outcome_link_results.txt) in the figure's
        own clause, when the sentence's topic clause before it names a programme (全链赋权改革有序
        推进，37项事项实现“园区事园区办”): the state that programme brought about, not what the figure
        counts; none otherwise."""
        topic, here = self._topic(clauses), _index(clauses, at)
        if here <= topic or not self._within(*clauses[topic]):
            return set()
        verb = _results_re().search(self.text, clauses[here][0], clauses[here][1])
        return set(self._within(verb.end(), clauses[here][1])) if verb else set()

    def _reworded(self, sent_start: int, upto: int) -> str | None:
        """A programme of the text whose name's words (reworded_min or more, every one) the sentence
        writes up to the figure's clause end (…经过一年多创建…评选出30个全省法治政府建设示范地区 →
        法治政府建设示范创建)."""
        here = self.text[sent_start:upto]
        found = [n for n in dict.fromkeys(n for _, _, n in self.spans)
                 if len(_content_words(n)) >= _limits()["reworded_min"] and _specific(n)
                 and all(w in here for w in _content_words(n))]
        return found[0] if len(found) == 1 else None

    def _clauses(self, start: int, end: int) -> list[tuple[int, int]]:
        """_coarse(text, start, end), once per span: the figures of a sentence share it."""
        key = (start, end)
        if key not in self._clause_cache:
            self._clause_cache = {key: _coarse(self.text, start, end)}
        return self._clause_cache[key]

    def _earlier(self, earlier: list[Span], clauses: list[tuple[int, int]], at: int,
                 figures: tuple[int, ...]) -> str | None:
        """The nearest programme of an earlier clause the figure at `at` may belong to (see module)."""
        here, topic = _index(clauses, at), self._topic(clauses)
        acting = self._opens_action(clauses[here], at)
        for start, end, name in sorted(earlier, key=lambda s: -s[1]):
            there = _index(clauses, start)
            if there == here and _example(self.text, start, end, at):
                continue
            if there == here:
                return name
            own = self.text[clauses[there][0]:clauses[there][1]]
            if any(self._has_subject(clauses[i], at, own) for i in range(there + 1, here + 1)):
                return None
            if _counted(self.text, start, end, clauses[there], figures) or (acting and there != topic):
                continue
            return self._parallel(earlier, clauses[there], clauses[here], name)
        return None

    def _parallel(self, earlier: list[Span], listing: tuple[int, int], clause: tuple[int, int],
                  name: str) -> str:
        """Of programmes listed in one clause, each after a qualifier of its own (进口货物“船边直提”和
        出口货物“抵港直装”), the one whose own qualifier word the figure's clause writes again
        (企业进口提箱用时…15分钟 → 船边直提), else the one whose own name's words it writes again
        (人大代表联络站、基层立法联系点…，提供立法意见50条 → 基层立法联系点); `name` (the nearest)
        otherwise."""
        listed = sorted(sp for sp in earlier if listing[0] <= sp[0] and sp[1] <= listing[1])
        if len({n for _, _, n in listed}) < 2:
            return name
        words, left = [], listing[0]
        for start, end, n in listed:
            words.append((n, {w for w in cut(self.text[left:start]) if len(w) >= 2}))
            left = end
        here = self.text[clause[0]:clause[1]]
        hits = {n for n, own in words
                if any(w in here for w in own - set().union(*(o for m, o in words if m != n)))}
        if len(hits) != 1:                   # else the one whose own name's words it writes again
            hits = {n for n, _ in words if any(w in here for w in _specific(n))}
        return hits.pop() if len(hits) == 1 else name

    def _respective(self, earlier: list[Span], clauses: list[tuple[int, int]], at: int,
                    figures: tuple[int, ...]) -> str | None:
        """Programmes named together and their figures after 分别, paired in order (推行“首违不罚”和
        “轻微免罚”清单，分别适用案件30件、45件: 30 → 首违不罚, 45 → 轻微免罚)."""
        here = _index(clauses, at)
        mark = self.text.rfind("分别", clauses[here][0], at)
        if mark < 0:
            return None
        listed = [f for f in figures if mark < f < clauses[here][1]]
        before = [sp for sp in earlier if sp[1] <= mark]
        if not before or at not in listed:
            return None
        there = _index(clauses, before[-1][0])
        names = list(dict.fromkeys(n for st, _, n in sorted(before) if _index(clauses, st) == there))
        return names[listed.index(at)] if len(names) == len(listed) >= 2 else None

    def _next_clause(self, clauses: list[tuple[int, int]], at: int, figures: tuple[int, ...]) -> str | None:
        """For a figure of the topic clause: the programme of the next clause, if that clause only
        says what was done (no figure, subject or action of its own)."""
        here = _index(clauses, at)
        if here != self._topic(clauses) or here + 1 >= len(clauses):
            return None
        s, e = clauses[here + 1]
        if (any(s <= f < e for f in figures) or self._has_subject((s, e), e)
                or self._opens_action((s, e), e) or _adopts(self.text[s:e])):
            return None
        found = self._within(s, e)
        return found[0][2] if found else None

    def _topic(self, clauses: list[tuple[int, int]]) -> int:
        """The sentence's first clause with more than time and scope words (近年来，…, 从2017年起，… are
        passed over)."""
        return next((i for i, (s, e) in enumerate(clauses)
                     if tidy(self.text[s:e])), 0)

    def _has_subject(self, clause: tuple[int, int], at: int, topic: str = "") -> bool:
        """Whether the clause names who acted: a subject head ending a word (jieba's: 政府 in
        政府部门 is none) before its first verb (and before the figure), outside the phrases that
        name no actor (领导干部, 法治政府: outcome_link_not_subjects.txt); time and scope words at its
        start are passed over. A subject the `topic` clause already names (开展党政主要负责人述法，
        党政主要负责人共936人…) goes on with that topic and is none of its own."""
        opening = unscoped(self.text[clause[0]:min(clause[1], at)])
        inside = [(m.start(), m.end()) for m in _not_subject_re().finditer(opening)]
        heads = [(m.start(), m.end()) for m in _subject_re().finditer(opening)
                 if not any(s <= m.start() and m.end() <= e for s, e in inside)]
        if not heads:
            return False
        words = tagged(opening)
        ends = set(accumulate(len(w) for w, _ in words))
        heads = [(s, e) for s, e in heads if e in ends]
        if not heads:
            return False
        pos, verb = 0, len(opening)
        for word, flag in words:
            start, pos = pos, pos + len(word)
            if (flag.startswith("v") or flag == "i") and not any(s <= start < e for s, e in heads):
                verb = start
                break
        heads = [(s, e) for s, e in heads if e <= verb]
        return bool(heads) and not (topic and _repeated(words, heads[-1][1], topic))

    def _opens_action(self, clause: tuple[int, int], at: int) -> bool:
        opening = unscoped(self.text[clause[0]:min(clause[1], at)])
        return opening.startswith(dicts.words("outcome_link_actions.txt"))

    def _after_frame(self, sent_start: int, clause_start: int) -> int:
        """Where a framing opening phrase (按照…部署，, 在…的同时，) ends, when the figure stands in a
        later clause; the sentence start otherwise."""
        comma = min((i for i in (self.text.find(c, sent_start, clause_start) for c in "，,") if i >= 0),
                    default=-1)
        if comma < 0:
            return sent_start
        framed = (self.text.startswith(dicts.words("outcome_link_frames.txt"), sent_start)
                  or self.text[sent_start:comma].endswith(dicts.words("outcome_link_frame_ends.txt")))
        return comma + 1 if framed else sent_start

    def _continued(self, sent_start: int, sent_end: int, previous: tuple[int, int]) -> str | None:
        if "\n" in self.text[previous[1]:sent_start]:
            return None                      # a new paragraph starts a new subject
        m = _continues_re().match(self.text, sent_start, sent_end)
        spans = self._within(*previous)
        if not m or not spans:
            return None
        head = m.group("head")
        for start, end, name in spans:       # 该平台 → the mention followed by 平台
            if head and head in self.text[end:end + 4]:
                return name
        return spans[0][2]

    def _restated(self, sent_start: int, upto: int, previous: tuple[int, int]) -> str | None:
        """The programme of the previous sentence of the paragraph that this sentence restates in
        its own words up to the figure's clause (探索重大项目并联审批。重大项目…缩短到并联办理审批
        时间92天): every word of its name but the head, and at least two (outcome_link.tsv)."""
        if "\n" in self.text[previous[1]:sent_start]:
            return None
        here = self.text[sent_start:upto]
        for _, _, name in sorted(self._within(*previous), key=lambda s: -s[1]):
            words = _content_words(name)
            shared = sum(w in here for w in words)
            if (shared >= max(_limits()["restated_min"], _limits()["restated_share"] * len(words))
                    and any(w in here for w in _specific(name))):
                return name
        return None

    def _opening(self, sent_start: int, upto: int, at: int, previous: tuple[int, int]) -> str | None:
        """The programme of the previous sentence when that sentence opens the paragraph and this
        one, up to the figure's clause end, writes a word of its name (opening_min, outcome_link.tsv)
        and names no subject of its own before the figure (深化行政审批改革。全区审批事项办理时间缩短至6天。): a paragraph's
        opening sentence sets the topic of the one after it (only)."""
        line = self.text.rfind("\n", 0, previous[0]) + 1
        if "\n" in self.text[previous[1]:sent_start] or self.text[line:previous[0]].strip(" \t\u3000"):
            return None
        here = self.text[sent_start:upto]
        for _, _, name in sorted(self._within(*previous), key=lambda sp: -sp[1]):
            if sum(w in here for w in _specific(name)) >= _limits()["opening_min"]:
                topic = self.text[previous[0]:previous[1]]
                if any(self._has_subject(c, at, topic) for c in self._clauses(sent_start, at + 1)):
                    return None
                return name
        return None

    def _heading(self, sent_start: int) -> str | None:
        """The programme named in the short opening sentence of the paragraph `sent_start` stands in
        (3.深化行政审批制度改革。一是…), when that sentence is not this one; failing that, the one
        named in a heading line right above the paragraph (持续推进“放管服”改革\n一是…). Either way,
        not when the sentence right before this one names another programme (the text has moved on
        to a topic of its own)."""
        if not self.sentences:
            return None
        line = self.text.rfind("\n", 0, sent_start) + 1
        i = bisect_left(self.sentences, (line, -1))
        numbered = False
        while i < len(self.sentences) and self.sentences[i][0] < sent_start:
            s, e = self.sentences[i]
            m = _NUMBERING.match(self.text, s, e)
            numbered = numbered or bool(m)
            if not m or m.end() < e:                        # past a bare heading number (（一） )
                found = self._within(s, e) if numbered and e - s <= _limits()["heading_max"] else []
                if found:
                    return self._unless_moved_on(found[-1][2], e, sent_start)
                break
            i += 1
        above = self._heading_line(line)
        if above is None:
            return None
        found = self._within(*above)
        return self._unless_moved_on(found[-1][2], above[1], sent_start) if found else None

    def _heading_line(self, line: int) -> tuple[int, int] | None:
        """The line right above the one starting at `line` (blank lines passed over) when it is a
        heading: short (heading_max) and not closed like a sentence."""
        end = line - 1
        while end > 0 and self.text[end - 1] in " \t\u3000\n":
            end -= 1
        if end <= 0:
            return None
        start = self.text.rfind("\n", 0, end) + 1
        head = self.text[start:end].strip(" \t\u3000")
        if not head or len(head) > _limits()["heading_max"] or head[-1] in "。；;！!？?：:，,":
            return None
        return start, end

    def _unless_moved_on(self, name: str, after: int, sent_start: int) -> str | None:
        """`name`, unless the sentence right before the one at `sent_start` (within text[after:
        sent_start]) names another programme: one taken up earlier and left again is over."""
        i = bisect_left(self.sentences, (sent_start, -1))
        last = self.sentences[i - 1] if i > 0 else (after, sent_start)
        lo = max(after, last[0])
        return None if any(n != name for _, _, n in self._within(lo, sent_start)) else name

    def _related_in(self, name: str, clause_start: int, clause_end: int) -> str:
        clause = self.text[clause_start:clause_end]
        for other in self.related.get(name, ()):
            if other in clause and name not in clause:
                return other
        return name


@lru_cache(maxsize=1024)
def _content_words(name: str) -> tuple[str, ...]:
    """The words of a programme's name that say what it is about: two characters or more, not a
    head word (制度, 改革, 机制: programme_heads.tsv).

    >>> _content_words("重大项目并联审批制度")
    ('重大项目', '并联', '审批')
    """
    heads = set(dicts.words("programme_heads.tsv"))
    return tuple(dict.fromkeys(w for w in cut(name) if len(w) >= 2 and w not in heads))


@lru_cache(maxsize=1024)
def _specific(name: str) -> tuple[str, ...]:
    """The content words of `name` that not every sentence of a report writes: without 法治, 政府,
    建设 (outcome_link_generic.txt). A sentence restates a programme only when it writes one of these.

    >>> _specific("法治政府建设示范创建"), _specific("法治市中建设")
    (('示范',), ())
    """
    generic = set(dicts.words("outcome_link_generic.txt"))
    return tuple(w for w in _content_words(name) if w not in generic)


def _repeated(words: tuple[tuple[str, str], ...], end: int, topic: str) -> bool:
    """Whether the subject ending at `end` of the tagged opening `words` (its last two words, the
    head and what qualifies it: 主要负责人) is written in the `topic` clause too."""
    pos, taken = 0, []
    for word, _ in words:
        pos += len(word)
        taken.append(word)
        if pos >= end:
            break
    subject = "".join(taken[-2:])
    return len(subject) >= 3 and subject in topic


@lru_cache(maxsize=1)
def _adoption_re() -> re.Pattern:
    """A clause opening with a verb of adopting a programme (programme_verbs.tsv), after adverbs
    (outcome_link_adverbs.txt) and time and scope words."""
    adverbs = alternation(dicts.words("outcome_link_adverbs.txt"))
    verbs = [w for w in dicts.words("programme_verbs.tsv") if len(w) >= 2]
    return re.compile(rf"{adverbs}*{alternation(verbs)}")


@lru_cache(maxsize=1)
def _results_re() -> re.Pattern:
    """A verb of a result reached (outcome_link_results.txt)."""
    return re.compile(alternation(dicts.words("outcome_link_results.txt")))


def _adopts(clause: str) -> bool:
    """Whether `clause` opens by adopting a programme of its own (全面实施“31证合一”): what it names
    is not what the figure of the clause before counts.

    >>> _adopts("全面实施“多证合一”"), _adopts("积极参与示范创建活动")
    (True, False)
    """
    return bool(_adoption_re().match(unscoped(clause)))


def _nearest(spans: list[Span], at: int) -> str | None:
    """In a figure's own clause: the nearest mention before `at`, else the last after it, the head of
    the counted phrase (4181项“一件事”线上服务“云套餐” counts 云套餐)."""
    before = [s for s in spans if s[1] <= at]
    if before:
        return max(before, key=lambda s: s[1])[2]
    return max(spans, key=lambda s: s[0])[2] if spans else None


def _example(text: str, start: int, end: int, at: int) -> bool:
    """Whether a mention text[start:end] before the figure at `at` of its clause is part of the
    examples of what the figure counts, not all of them: before a 等 with more written in between,
    the head of a body or document (诉调对接工作站等首创举措3项) or further items (法治督察、案卷评查等
    措施15项), or the last of items listed with 、 (工作要点、督察方案等措施15项). A programme written
    alone right before 等 (“证照联办”等先行措施22项) is what is counted."""
    between = text[end:at] if end <= at else ""
    mark = between.find("等")
    if mark < 0:
        return False
    return bool(between[:mark].strip(_CLOSERS)) or text[:start].rstrip(_OPENERS).endswith("、")


def _coarse(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clauses of text[start:end] (absolute), items listed with 、 kept in one clause."""
    out: list[tuple[int, int]] = []
    for c in split(text[start:end]):
        if c.sep == "、" and out:
            out[-1] = (out[-1][0], start + c.end)
        else:
            out.append((start + c.start, start + c.end))
    return out or [(start, end)]


def _index(clauses: list[tuple[int, int]], at: int) -> int:
    return max(0, bisect_right([s for s, _ in clauses], at) - 1)


def _counted(text: str, start: int, end: int, clause: tuple[int, int], figures: tuple[int, ...]) -> bool:
    """A programme (mention text[start:end]) that a figure of its own clause counts: written right
    before it (“民主法治示范村”2个) or before the baseline it changed from (权力清单由3278项压减到
    947项), as an example of what it counts (诉调对接工作站等首创举措3项), or,
    when it names a body or place (outcome_concrete_heads.txt), as the counted noun after it with no
    more than a short qualifier in between (建成13个乡(镇)“法律服务站”): an item listed with its
    count, not the sentence's topic."""
    place = text[start:end].endswith(dicts.words("outcome_concrete_heads.txt"))
    for f in figures:
        if end <= f < clause[1]:
            between = text[end:f].strip("”’」』\"' ")
            if not between or "等" in between or _BASELINE.match(between):
                return True
        elif place and clause[0] <= f < start and _qualifier(text[f:start]):
            return True
    return False


@lru_cache(maxsize=1)
def _count_re() -> re.Pattern:
    """A figure and its classifier at the start of a stretch (13个, 1.2万 家, 十个)."""
    return re.compile(r"[\d.．,，\s零〇一二三四五六七八九十百千万亿余多]+\s*[^\s\d]?")


def _qualifier(stretch: str) -> bool:
    """Whether `stretch` (a figure up to a programme it counts) is the figure, its classifier and a
    short qualifier naming no action (乡(镇), 村级): no verb, no clause break, at most counted_gap
    characters (outcome_link.tsv)."""
    m = _count_re().match(stretch)
    gap = stretch[m.end():].rstrip("“‘「『\"' ") if m else stretch
    if len(gap) > _limits()["counted_gap"] or any(c in gap for c in "，,；;：:。"):
        return False
    return not any(flag.startswith("v") or flag == "i" for _, flag in tagged(gap)) if gap else True


def _written(text: str, programs, spans) -> list[Span]:
    """Places a programme's name, alias or stem (告知承诺制 → 告知承诺) is written that its mentions do
    not cover; a two-character name counts only inside quotes (“五减”)."""
    taken = sorted((s, e) for s, e, _ in spans)
    out = []
    for p in programs:
        names = {p.name, *p.aliases}
        for name in names | {stem for n in names for stem in _stems(n)}:
            if len(name) < 2:
                continue
            for m in re.finditer(re.escape(name), text):
                quoted = text[m.start() - 1:m.start()] == "“" and text[m.end():m.end() + 1] == "”"
                if (len(name) >= 3 or quoted) and not _overlaps(taken, m.start(), m.end()):
                    out.append((m.start(), m.end(), p.name))
    return out


def _stems(name: str) -> set[str]:
    """`name` without an ending it is also written without (告知承诺制 → 告知承诺), if 4+ characters remain."""
    return {name[:-len(w)] for w in dicts.words("outcome_link_stems.txt") if name.endswith(w) and len(name) - len(w) >= 4}


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect_left(taken, (end, end))          # only spans starting before `end` can overlap
    return any(start < e for _, e in taken[:i])
