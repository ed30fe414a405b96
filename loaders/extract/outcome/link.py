"""An outcome's position → the programme it is about, from the programmes' mention spans (plus any
other place a programme's name or alias is written): one named in its clause, else the nearest one
before it in its sentence, else the subject of the previous sentence of the paragraph when this
sentence continues it (通过该平台…, 此举…)."""
from __future__ import annotations

import re
from bisect import bisect_left

from loaders import dicts
from loaders.records import Programme

__all__ = ["Linker"]

# A sentence opening like these goes on about what the previous sentence introduced.
_CONTINUES = re.compile(r"(?:通过|依托|借助|运用|利用|凭借)?(?:该|此|这一|这项|这个|上述|其)"
                        r"(?P<head>[\u4e00-\u9fff]{0,3}?)(?:[，,、]|实施|运行|推行|上线|以来|后|中|累计|共)")


# How far back in its sentence a figure still belongs to a programme named before it (characters):
# long enumerating sentences drift to other subjects.
_REACH = 100


class Linker:
    """Finds the programme a span is about, given every programme's mentions.

    >>> from loaders.records import Mention
    >>> p = Programme("企业安静期", "institution", mentions=(Mention(2, 7, "企业安静期"),))
    >>> Linker("推行企业安静期制度，检查次数下降30%。", [p]).program(0, 20, 10, 20, 16)
    '企业安静期'
    """

    def __init__(self, text: str, programs: list[Programme] | tuple[Programme, ...]):
        self.text = text
        spans = [(m.start, m.end, p.name) for p in programs for m in p.mentions]
        self.spans = sorted(spans + _written(text, programs, spans))
        self.starts = [s for s, _, _ in self.spans]
        known = {p.name for p in programs}
        self.related = {p.name: [r for r in p.related if r in known] for p in programs if p.related}

    def _within(self, start: int, end: int) -> list[tuple[int, int, str]]:
        i = bisect_left(self.starts, start)
        out = []
        while i < len(self.spans) and self.spans[i][0] < end:
            if self.spans[i][1] <= end:
                out.append(self.spans[i])
            i += 1
        return out

    def program(self, sent_start: int, sent_end: int, clause_start: int, clause_end: int,
                at: int, previous: tuple[int, int] | None = None) -> str | None:
        """The programme a figure at `at` is about (absolute offsets), or None."""
        name = self._nearest(self._within(clause_start, clause_end), at, either_side=True)
        if name is None:
            reach = max(self._after_frame(sent_start, clause_start), clause_start - _REACH)
            name = self._nearest(self._within(reach, at), at, either_side=False)
        if name is None and previous is not None:
            name = self._continued(sent_start, sent_end, previous)
        return self._related_in(name, clause_start, clause_end) if name else None

    def _after_frame(self, sent_start: int, clause_start: int) -> int:
        """Where a framing opening phrase (按照…部署，) ends, when the figure stands in a later clause;
        the sentence start otherwise."""
        if not self.text.startswith(dicts.words("outcome_link_frames.txt"), sent_start):
            return sent_start
        comma = min((i for i in (self.text.find(c, sent_start, clause_start) for c in "，,") if i >= 0),
                    default=-1)
        return comma + 1 if comma >= 0 else sent_start

    @staticmethod
    def _nearest(spans, at: int, either_side: bool) -> str | None:
        """The nearest mention before `at`; else (in a clause) the last after it, the head of the
        counted phrase (4181项“一件事”线上服务“云套餐” counts 云套餐)."""
        before = [s for s in spans if s[1] <= at]
        if before:
            return max(before, key=lambda s: s[1])[2]
        if either_side and spans:
            return max(spans, key=lambda s: s[0])[2]
        return None

    def _continued(self, sent_start: int, sent_end: int, previous: tuple[int, int]) -> str | None:
        if "\n" in self.text[previous[1]:sent_start]:
            return None                      # a new paragraph starts a new subject
        m = _CONTINUES.match(self.text, sent_start, sent_end)
        spans = self._within(*previous)
        if not m or not spans:
            return None
        head = m.group("head")
        for start, end, name in spans:       # 该平台 → the mention followed by 平台
            if head and head in self.text[end:end + 4]:
                return name
        return spans[0][2]

    def _related_in(self, name: str, clause_start: int, clause_end: int) -> str:
        clause = self.text[clause_start:clause_end]
        for other in self.related.get(name, ()):
            if other in clause and name not in clause:
                return other
        return name


def _written(text: str, programs, spans) -> list[tuple[int, int, str]]:
    """Places a programme's name or alias is written that its mentions do not cover; a two-character
    name counts only inside quotes (“五减”)."""
    taken = sorted((s, e) for s, e, _ in spans)
    out = []
    for p in programs:
        for name in {p.name, *p.aliases}:
            if len(name) < 2:
                continue
            for m in re.finditer(re.escape(name), text):
                quoted = text[m.start() - 1:m.start()] == "“" and text[m.end():m.end() + 1] == "”"
                if (len(name) >= 3 or quoted) and not _overlaps(taken, m.start(), m.end()):
                    out.append((m.start(), m.end(), p.name))
    return out


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect_left(taken, (end, end))          # only spans starting before `end` can overlap
    return any(start < e for _, e in taken[:i])
