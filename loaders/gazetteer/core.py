"""The gazetteer: GB/T 2260 names and short forms → `Place`, matched on raw text with Aho-Corasick."""
from __future__ import annotations

import re
from functools import lru_cache

import ahocorasick

from loaders import dicts
from loaders.gazetteer import resolve, words, zones
from loaders.gazetteer.data import places
from loaders.gazetteer.names import level_forms, short_forms, stop_words
from loaders.records import Place

__all__ = ["Gazetteer"]

Span = tuple[int, int, Place]


class Gazetteer:
    """All Chinese divisions with their codes, levels and parents.

    >>> g = Gazetteer.default()
    >>> g.by_code("140525").name, g.lookup("昆山").level
    ('泽州县', 'county-city')
    >>> [(s, e, p.label) for s, e, p in g.find_all("阳泉市城区和晋城市城区")]
    [(0, 3, '阳泉市'), (3, 5, '阳泉市城区'), (6, 9, '晋城市'), (9, 11, '晋城市城区')]
    """

    def __init__(self, entries: tuple[Place, ...]):
        self._by_code: dict[str, Place] = {}
        self._names: dict[str, list[tuple[Place, bool]]] = {}
        for place in entries:
            if not place.historical or place.adcode not in self._by_code:
                self._by_code.setdefault(place.adcode, place)
            self._names.setdefault(place.name, []).append((place, True))
            for alias in short_forms(place):
                self._names.setdefault(alias, []).append((place, False))
        for place in entries:                                       # 屏边县, 黔西南州: unless another's name
            for form in level_forms(place) if not place.historical else ():
                if not any(full and p.adcode != place.adcode for p, full in self._names.get(form, ())):
                    self._names.setdefault(form, []).append((place, True))
        for row in dicts.rows("place_abbreviations.tsv"):          # 克州, 巴州, 海南州
            if row[1] in self._by_code:
                self._names.setdefault(row[0], []).append((self._by_code[row[1]], False))
        for place, spellings in _new_areas(self._by_code):
            self._names[place.name] = [(place, True)]      # over a zone or historical entry of that name
            for spelling in spellings:
                self._names.setdefault(spelling, []).append((place, True))
        self._automaton = ahocorasick.Automaton()
        for surface in self._names:
            self._automaton.add_word(surface, surface)
        for surface in zones.bare_zones():
            if surface not in self._names:
                self._automaton.add_word(surface, surface)
        self._automaton.make_automaton()

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> "Gazetteer":
        """The shared gazetteer built from the installed GB/T 2260 data (built once, lazily)."""
        return cls(places())

    def by_code(self, code: str) -> Place | None:
        """The division with GB/T 2260 code `code` (6 digits, or 12 with trailing zeros).

        >>> Gazetteer.default().by_code("320583").label
        '昆山市'
        """
        return self._by_code.get(str(code).strip()[:6])

    def candidates(self, surface: str) -> list[tuple[Place, bool]]:
        """Every (place, is_full_name) a surface string may name."""
        return list(self._names.get(surface, ()))

    def lookup(self, name: str, within: Place | None = None) -> Place | None:
        """The place `name` denotes (full name, short form, 'parent+name', zone or town), or None.

        >>> g = Gazetteer.default()
        >>> g.lookup("城区", within=g.by_code("140500")).adcode
        '140502'
        >>> g.lookup("阳泉市城区").adcode, g.lookup("阳泉高新区").level
        ('140302', 'development-zone')
        """
        name = (name or "").strip()
        if not name:
            return None
        spans = self.find_all(name, within)
        if spans and spans[-1][1] == len(name) and _contiguous(spans, len(name)):
            return spans[-1][2]
        return None

    def find_all(self, text: str, within: Place | None = None) -> list[Span]:
        """Longest non-overlapping place mentions in `text`, ambiguity resolved by an adjacent parent,
        by `within`, or by other places the text names.

        >>> [p.label for _, _, p in Gazetteer.default().find_all("苏州工业园区与昆山市")]
        ['苏州工业园区', '昆山市']
        """
        spans = resolve.resolve(text, self._hits(text), within, self)
        compact, where = _compact(text)
        if where is None:
            return spans
        mended = [(where[start], where[end - 1] + 1, place)
                  for start, end, place in resolve.resolve(compact, self._hits(compact), within, self)
                  if where[end - 1] - where[start] != end - 1 - start]       # a name across the noise
        mended = [m for m in mended if all(m[1] <= s or m[0] >= e for s, e, _ in spans)]
        return sorted(spans + mended, key=lambda s: s[0]) if mended else spans

    def _hits(self, text: str) -> list[tuple[int, int, str]]:
        """Non-overlapping surface matches: plausible ones only, full names and longer ones first."""
        raw = [(end + 1 - len(s), end + 1, s) for end, s in self._automaton.iter(text)]
        raw = [h for h in raw if self._plausible(text, *h)]
        raw.sort(key=lambda h: (not self._is_full(h[2]), h[0] - h[1], h[0]))
        chosen: list[tuple[int, int, str]] = []
        for start, end, surface in raw:
            if all(end <= s or start >= e for s, e, _ in chosen):
                chosen.append((start, end, surface))
        return sorted(chosen)

    def _is_full(self, surface: str) -> bool:
        return any(full for _, full in self._names.get(surface, ((None, True),)))

    def _plausible(self, text: str, start: int, end: int, surface: str) -> bool:
        """Short names (泽州, 城区, 沁县) need a boundary before them, must not start or end inside a
        word (以上党政 holds no 上党, 镇平安办 no 镇平: see words.bounded), and are not the stem of a
        town's name (大通镇 is a town, not 大通区)."""
        full = self._is_full(surface)
        if not full and _TOWN_AFTER.match(text, end):
            return False
        if len(surface) >= 3 and (full or len(surface) >= 4):
            return True
        before = text[start - 1] if start > 0 else "\n"
        if not _is_cjk(before) or before in _FUNCTION or before in _SUFFIX:
            return full or words.bounded(text, start, end)
        if not full:
            return (zones.zone_at(text, end) is not None or text.startswith(dicts.words("place_context.tsv", 1, "organ"), end)) \
                and words.bounded(text, start, end)
        return False

    def is_stop(self, surface: str) -> bool:
        """True for names matched only right after their parent (老城区) or never alone (东方)."""
        return surface in stop_words()


# What a scraper or a wiki copy leaves inside words, between two Chinese characters: spaces (odd ones
# are plain after normalise), soft hyphens and other invisible marks, footnote marks ([1], [编辑], [注 1]),
# HTML entities left as text (&nbsp;), and one or two stray Latin letters.
_NOISE = re.compile(r"(?<=[\u4e00-\u9fff])(?:[ \u00a0\u3000\u00ad\u200b-\u200f\u2060\ufeff]+|\[[^\[\]\n]{1,8}\]"
                    r"|&(?:[a-z]{2,6}|#\d{2,5});|[a-zA-Z]{1,2})(?=[\u4e00-\u9fff])")


def _compact(text: str) -> tuple[str, list[int] | None]:
    """`text` without the noise inside words, and where each of its characters stood in `text` (None
    when there is no noise). A place name found across the noise counts (宁[1]夏 is 宁夏), where the
    text itself has no name there (a space also bounds words: 发布 西宁列…).

    >>> _compact("宁[1]夏回族 自治区，2019年")
    ('宁夏回族自治区，2019年', [0, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15, 16])
    >>> _compact("泽州县坚持依法行政")[1] is None
    True
    """
    if not _NOISE.search(text):
        return text, None
    kept, where, at = [], [], 0
    for m in _NOISE.finditer(text):
        kept.append(text[at:m.start()])
        where.extend(range(at, m.start()))
        at = m.end()
    kept.append(text[at:])
    where.extend(range(at, len(text)))
    return "".join(kept), where


def _new_areas(by_code: dict[str, Place]) -> list[tuple[Place, tuple[str, ...]]]:
    """State-level new areas of loaders/dicts/place_new_areas.tsv as development zones under the
    division that runs them, with their other spellings (贵州贵安新区).

    >>> g = Gazetteer.default()
    >>> [(p.label, p.level, p.parents) for _, _, p in g.find_all("2018年，贵安新区坚持依法行政")]
    [('贵安新区', 'development-zone', ('贵州省',))]
    >>> [p.parents for _, _, p in g.find_all("南京江北新区")][-1]
    ('江苏省', '南京市')
    """
    out = []
    for row in dicts.rows("place_new_areas.tsv"):
        parent = by_code.get(row[1])
        if parent is None:
            continue
        place = Place(row[0], None, "development-zone", parent.parents + (parent.name,),
                      parent.parent_codes + (parent.adcode,))
        out.append((place, tuple(s for s in (row[2].split(",") if len(row) > 2 else ()) if s)))
    return out


_TOWN_AFTER = re.compile(r"镇(?![村级街区域])|乡(?![镇村级土贤情亲愁音])|街道")
_FUNCTION = set("在和与及对将把由以向从的是为到于原今赴至同、")
_SUFFIX = set("省市县区州盟旗")


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _contiguous(spans: list[Span], length: int) -> bool:
    pos = 0
    for start, end, _ in spans:
        if start != pos:
            return False
        pos = end
    return pos == length
