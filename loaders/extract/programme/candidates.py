"""Where programme names may sit in a text: quoted strings (grouped into coordinated chains),
《》 titles of media columns, and thesaurus labels written without quotes."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from loaders import dicts
from loaders.extract.programme.national import lexicon as thesaurus
from loaders.lexicon import Concept

__all__ = ["Quote", "quotes", "chains", "raw_labels", "named_campaigns", "one_stop"]

_SENTENCE_END = "。！？；!?;\n"
_PAIRS = re.compile(r"“([^“”\n。！？；]{1,40})”|「([^「」\n。！？；]{1,40})」|『([^『』\n。！？；]{1,40})』"
                    r"|\"([^\"\n。！？；]{1,40})\"")
_TITLE = re.compile(r"《([^《》\n。！？；]{2,24})》")
_INNER = re.compile(r"‘([^‘’“”\n。！？；]{1,30})’")
_UNCLOSED = re.compile(r"“([^“”\n。！？；，,]{2,20})(?=[，,])")
# Between two coordinated quotes: nothing, a conjunction, or 、 plus a short place word (高都“A”、金村“B”).
_GAP = re.compile(r"^(?:|[、和与及或]|以及|[、和与及]\s*[\u4e00-\u9fff]{1,3})$")


@dataclass(frozen=True)
class Quote:
    """A quoted (or 《》-titled) string: `start`/`end` bound its content, `close` is just past the
    closing mark; `kind` is 'quote', 'title' (《》) or 'open' (an opening quote never closed)."""

    start: int
    end: int
    close: int
    kind: str = "quote"

    def content(self, norm: str) -> str:
        return norm[self.start:self.end]


def quotes(norm: str) -> list[Quote]:
    """Every quoted string in `norm`; an unclosed quote yields at most its first clause.

    >>> t = "推行“企业安静期”制度，运转“12345政务服务热线，提高满意度。"
    >>> [(q.content(t), q.kind) for q in quotes(t)]
    [('企业安静期', 'quote'), ('12345政务服务热线', 'open')]
    """
    found = [Quote(m.start(1), m.end(1), m.end(), "title") for m in _TITLE.finditer(norm)]
    found += [Quote(m.start(1), m.end(1), m.end()) for m in _INNER.finditer(norm)]
    for m in _PAIRS.finditer(norm):
        group = next(i for i in range(1, 5) if m.group(i) is not None)
        found.append(Quote(m.start(group), m.end(group), m.end()))
    taken = {q.start - 1 for q in found}
    for m in _UNCLOSED.finditer(norm):
        if m.start() not in taken and not any(q.start <= m.start() < q.close for q in found
                                              if q.kind != "title"):
            found.append(Quote(m.start(1), m.end(1), m.end(1), "open"))
    return sorted(found, key=lambda q: q.start)


def chains(norm: str, found: list[Quote]) -> list[list[Quote]]:
    """Group quotes written one after another (“A”“B”和“C”制度) that share what follows them.

    >>> t = "推动“诉调对接”“警民联调”工作，建立“A”机制。"
    >>> [[q.content(t) for q in c] for c in chains(t, quotes(t))]
    [['诉调对接', '警民联调'], ['A']]
    """
    groups: list[list[Quote]] = []
    for q in found:
        if q.kind != "title" and groups and groups[-1][-1].kind == "quote":
            gap = norm[groups[-1][-1].close:q.start - 1]
            if _GAP.match(gap):
                groups[-1].append(q)
                continue
        groups.append([q])
    return groups


@lru_cache(maxsize=1)
def _label_pattern() -> tuple[re.Pattern, dict[str, Concept]]:
    table = {}
    for label, concept in thesaurus().labels():
        if not concept.quoted_only(label):
            table.setdefault(label, concept)
    for label, concept in list(table.items()):
        for variant in requalified(label):
            table.setdefault(variant, concept)
    alternatives = "|".join(re.escape(lab) for lab in sorted(table, key=len, reverse=True))
    return re.compile(alternatives), table


def requalified(label: str) -> list[str]:
    """The label with its opening word of when (年终, 年度 …: programme_label_qualifiers.txt) swapped
    for each other such word, so that 年终述法 is also found as 年度述法.

    >>> "年度述法" in requalified("年终述法"), requalified("河长制")
    (True, [])
    """
    words = dicts.words("programme_label_qualifiers.txt")
    first = next((w for w in words if label.startswith(w) and len(label) - len(w) >= 2), None)
    return [w + label[len(first):] for w in words if w != first] if first else []


def raw_labels(norm: str) -> list[tuple[int, int, Concept]]:
    """Thesaurus labels anywhere in the text, quoted or not (leftmost, longest first).

    >>> [(s, e, c.name) for s, e, c in raw_labels("深入推进谁执法谁普法工作，坚持新时代枫桥经验。")]
    [(4, 10, '谁执法谁普法'), (15, 22, '枫桥经验')]
    """
    pattern, table = _label_pattern()
    return [(m.start(), m.end(), table[m.group()]) for m in pattern.finditer(norm)]


def label_at(norm: str, pos: int) -> Concept | None:
    """The thesaurus programme whose label starts at `pos`, if one does (longest label first)."""
    pattern, table = _label_pattern()
    m = pattern.match(norm, pos)
    return table[m.group()] if m else None


_QUALIFIER = re.compile(r"“([\u4e00-\u9fff]{2,5})”$")


def qualifier_before(norm: str, pos: int) -> re.Match | None:
    """The short quote written right before a thesaurus label that starts at `pos` (“小切口”法治督察):
    it qualifies the label, so the label takes it into its name and the quote is no programme of its
    own. One rule for both sides (programme.__init__ and judge).

    >>> t = "开展“小切口”法治督察"
    >>> qualifier_before(t, 7).group(1), qualifier_before("开展“小切口”督察", 7)
    ('小切口', None)
    >>> qualifier_before("运用“云代办”帮办代办审批事项", 7) is None
    True
    """
    label = _label_pattern()[0].match(norm, pos)
    m = _QUALIFIER.search(norm, max(0, pos - 7), pos) if label else None
    # “云代办”帮办代办: a quote ending in a word of the label names a thing of that kind, no qualifier
    return m if m and m.group(1)[-2:] not in label.group() else None


# An unquoted campaign named by what it targets: 开展打击电信网络诈骗专项行动, 开展煤矿安全生产专项整治三年行动.
_CAMPAIGN = re.compile(r"(?:组织|深入|持续|全面|集中|广泛)*(?:开展|启动|部署|实施|组织)(?:了)?((?:全[省市县区旗]|本年度)?([\u4e00-\u9fff]{4,24}?)"
                       r"(?:专项行动|专项整治行动|三年行动|攻坚行动|百日行动|集中行动))(?=[，。；、,;：:\s]|$)")
_VAGUE = re.compile(r"^(?:各类|各项|相关|一系列|系列|多项|多次|若干|有关|常态化|专项|集中|联合)+$")


def named_campaigns(norm: str) -> list[tuple[int, int]]:
    """Spans of unquoted campaign names after a launching verb; the verb and 全市-style scope words
    are left out.

    >>> t = "开展打击电信网络诈骗专项行动，开展各类专项行动。"
    >>> [t[s:e] for s, e in named_campaigns(t)]
    ['打击电信网络诈骗专项行动']
    """
    out = []
    for m in _CAMPAIGN.finditer(norm):
        if _VAGUE.match(m.group(2)):
            continue
        start = m.start(2) if m.group(1) != m.group(2) and not m.group(1).startswith(m.group(2)) else m.start(1)
        out.append((start, m.end(1)))
    return out


@lru_cache(maxsize=1)
def _one_stop_re() -> re.Pattern:
    units = "".join(dicts.words("programme_one_stop.tsv", 1, "unit"))
    verbs = "|".join(dicts.words("programme_one_stop.tsv", 1, "verb"))
    return re.compile(f"一[{units}](?:{verbs})")


_ADOPT = re.compile(r"(?:推行|实行|实施|实现|推进|深化|推广|探索|落实)$")
_LISTED = re.compile(r"^[、和与及]$")


def one_stop(norm: str) -> list[tuple[int, int]]:
    """Spans of unquoted one-stop slogans (programme_one_stop.tsv) that an adoption verb governs or
    that are listed with another of their shape.

    >>> t = "实现一网受理、一窗办结，当场一次办结。"
    >>> [t[s:e] for s, e in one_stop(t)]
    ['一网受理', '一窗办结']
    """
    found = [(m.start(), m.end()) for m in _one_stop_re().finditer(norm)]
    out = []
    for i, (s, e) in enumerate(found):
        listed = (i > 0 and _LISTED.match(norm[found[i - 1][1]:s])) or \
                 (i + 1 < len(found) and _LISTED.match(norm[e:found[i + 1][0]]))
        if listed or _ADOPT.search(norm[max(0, s - 4):s]):
            out.append((s, e))
    return out
