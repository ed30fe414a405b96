"""Where a fact holds: the sub-unit (development zone, town, county of the reporting city) that the
sentence around a span names as its subject, or the reporting jurisdiction otherwise."""
from __future__ import annotations

import functools
import re

from loaders.gazetteer import Gazetteer
from loaders.records import Place
from loaders.segment import MAX_SENTENCE
from loaders.text import Text

__all__ = ["where", "is_below"]

# A sub-unit is the subject when it opens its clause or is followed by a subject-ish verb/phrase.
_SUBJECT_AFTER = re.compile(r"^(?:作为|率先|试点|探索|创新|推行|推出|实施|开展|打造|建立|构建|深化|推进|首创|"
                            r"积极|在全[省市]|被|获评|入选|成功|已|还|等地|[、和]|坚持|聚焦|围绕|持续|全面)")
_CLAUSE_SEP = "。；;！!？?\n"
# longest stretch either side of a mention searched for its subject: a sentence's longest (segment.py)
MAX_CLAUSE = MAX_SENTENCE


def is_below(place: Place, home: Place) -> bool:
    """True when `place` lies inside `home` (a zone, town or county of it).

    >>> g = Gazetteer.default()
    >>> is_below(g.lookup("泽州县"), g.lookup("晋城市")), is_below(g.lookup("晋城市"), g.lookup("泽州县"))
    (True, False)
    """
    if place.adcode and place.adcode == home.adcode:
        return False
    if home.adcode and home.adcode in place.parent_codes:
        return True
    return bool(home.name in place.parents and place.parents[: len(home.parents)] == home.parents)


def _clause(norm: str, start: int, end: int) -> tuple[int, int]:
    """The clause around norm[start:end], at most MAX_CLAUSE characters either side of it: a text
    without sentence ends would otherwise make every mention's clause the whole text (quadratic).

    >>> _clause("甲。乙丙丁；戊", 3, 4), _clause("甲" * 2000, 1000, 1001)
    ((2, 5), (400, 1601))
    """
    floor, ceiling = max(0, start - MAX_CLAUSE), min(len(norm), end + MAX_CLAUSE)
    lo = max(max(norm.rfind(c, floor, start) for c in _CLAUSE_SEP) + 1, floor)
    his = [i for i in (norm.find(c, end, ceiling) for c in _CLAUSE_SEP) if i >= 0]
    return lo, (min(his) if his else ceiling)


@functools.lru_cache(maxsize=64)
def _places(sentence: str, home: Place) -> tuple:
    """Places of `home`'s area named in one clause; mentions of the same clause share the scan."""
    return tuple(Gazetteer.default().find_all(sentence, within=home))


def where(text: Text, start: int, end: int, home: Place | None) -> Place | None:
    """The jurisdiction a mention at text[start:end] is attributed to: a sub-unit of `home` that is
    the subject of the sentence around it, else `home`.

    >>> g = Gazetteer.default()
    >>> home = g.by_code("140300")
    >>> t = Text.make("a.txt", "全市推行改革。矿区作为首批“一体建设”试点地区，成效明显。")
    >>> where(t, 16, 20, home).label, where(t, 4, 6, home).label
    ('阳泉市矿区', '阳泉市')
    """
    if home is None:
        return None
    lo, hi = _clause(text.norm, start, end)
    sentence = text.norm[lo:hi]
    best = None
    for s, e, place in _places(sentence, home):
        if not is_below(place, home) or lo + s >= start:
            continue
        after = sentence[e:e + 6]
        opens = s == 0 or sentence[s - 1] in "，,：:" or sentence[:s].endswith(("其中", "如", "在"))
        if opens or _SUBJECT_AFTER.match(after):
            best = place
    return best or home
