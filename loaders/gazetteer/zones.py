"""Places GB/T 2260 does not list: development zones (阳泉高新区) and townships (高都镇, 城关街道)."""
from __future__ import annotations

import re
from functools import lru_cache

from loaders import dicts
from loaders.gazetteer import words
from loaders.gazetteer.names import short_name
from loaders.records import Place

__all__ = ["zone_words", "zone_at", "named_zone", "zone_place", "bare_zones", "townships", "township_place"]

_TOWN = re.compile(r"(?:镇|乡|街道)")
_BOUNDARY = set("，,、。；;：:“”\"'《》()（）[]【】 \t\n在和与及对将把由以向从的")
_NOT_AFTER = {"乡": set("镇村级土贤情亲愁音"), "镇": set("村级街区域"), "街道": set("办")}
_BAD_FIRST = set("各全本该每个所等乡镇")
_BAD_LAST = set("各全本该每个所等乡镇街")


@lru_cache(maxsize=1)
def zone_words() -> tuple[tuple[str, str], ...]:
    """(surface, canonical) pairs, longest surface first.

    >>> ("高新技术产业开发区", "高新区") in zone_words()
    True
    """
    return tuple(sorted(((r[0], r[1]) for r in dicts.rows("zone_words.tsv")), key=lambda r: -len(r[0])))


def zone_at(text: str, pos: int) -> tuple[int, str] | None:
    """(length, canonical word) of a zone word starting at text[pos], if any.

    >>> zone_at("阳泉高新区", 2)
    (3, '高新区')
    """
    for surface, canonical in zone_words():
        if text.startswith(surface, pos):
            return len(surface), canonical
    return None


_STEM_STOP = set("的和与及在对将把等各全本该每我其此之所年度省市县州委府")


def named_zone(text: str, start: int) -> int | None:
    """Where a zone named by a name of its own (2 to 8 characters that are no place name) and a zone
    word ends, when one starts at text[start] (金沙湾新区…, 云栖航空港经济区…: zones whose name is not their
    city's), else None. The name holds no function word nor a kind of place (法治, 示范: township_not.txt).

    >>> named_zone("金沙湾新区推进法治政府建设", 0), named_zone("示范区创建工作", 0), named_zone("法治建设示范区", 0)
    (5, None, None)
    >>> named_zone("经济技术开发区坚持依法行政", 0), named_zone("高新技术产业园区", 0)
    (None, None)
    """
    if zone_at(text, start) is not None:
        return None                       # a bare zone word (经济技术开发区…): the home city's zone
    for size in range(2, 9):
        stem = text[start:start + size]
        if any(surface.startswith(stem) for surface, _ in zone_words()):
            return None
        if len(stem) < size or not re.fullmatch(r"[\u4e00-\u9fff]+", stem) or set(stem) & _STEM_STOP:
            return None
        if any(stem.startswith(w) or w in stem for w in not_towns() if len(w) >= 2):
            return None
        found = zone_at(text, start + size)
        if found is not None:
            end = start + size + found[0]
            return end if not words.grammatical(stem) else None
    return None


def zone_place(parent: Place, canonical: str) -> Place:
    """The development zone `canonical` of `parent` (a city or county), named short-parent + word.

    >>> z = zone_place(Place("阳泉市", "140300", "prefecture", ("山西省",), ("140000",)), "高新区")
    >>> z.name, z.level, z.parents
    ('阳泉高新区', 'development-zone', ('山西省', '阳泉市'))
    >>> zone_place(Place("天津市", "120000", "province"), "经开区").parents      # zone_districts.tsv
    ('天津市', '滨海新区')
    """
    name = short_name(parent.name) + canonical
    district = _districts().get(name)
    if district and parent.level == "province":          # a municipality's zone under its district
        return Place(name, None, "development-zone", parent.parents + (parent.name, district[0]),
                     parent.parent_codes + (parent.adcode, district[1]))
    return Place(name, None, "development-zone",
                 parent.parents + (parent.name,), parent.parent_codes + (parent.adcode,))


@lru_cache(maxsize=1)
def _districts() -> dict[str, tuple[str, str]]:
    """Zone name → (district, its code) for a municipality's zones under a district (zone_districts.tsv)."""
    return {r[0]: (r[1], r[2]) for r in dicts.rows("zone_districts.tsv") if len(r) >= 3}


@lru_cache(maxsize=1)
def bare_zones() -> tuple[str, ...]:
    """Zone words that stand alone in a report (高新区率先…) and mean the home city's zone
    (rows of zone_words.tsv marked bare).

    >>> "高新区" in bare_zones(), "示范区" in bare_zones()
    (True, False)
    """
    return tuple(r[0] for r in dicts.rows("zone_words.tsv") if len(r) > 2 and r[2] == "bare")


def townships(text: str, starts: set[int] = frozenset()) -> list[tuple[int, int, str]]:
    """(start, end, name) of town/township/street names: two or three characters (four for
    transliterated names) + 镇/乡/街道,
    preceded by punctuation, a function word, or (positions in `starts`) the end of a county name.

    >>> townships("全县各乡镇中，高都镇、金村镇成效明显")
    [(7, 10, '高都镇'), (11, 14, '金村镇')]
    """
    found = []
    for m in _TOWN.finditer(text):
        i = m.start()
        doubtful = []                 # stems that only a sentence-word test or their length kept out
        count = len(found)
        for size in (2, 3, 4, 5, 6):
            start = i - size
            if start < 0:
                break
            stem = text[start:i]
            before = text[start - 1] if start > 0 else "\n"
            if not re.fullmatch(r"[\u4e00-\u9fff]+", stem) or stem in not_towns():
                continue
            after = text[m.end()] if m.end() < len(text) else ""
            bounded = (before in _BOUNDARY or start in starts) and (
                after not in _NOT_AFTER[m.group()] or text.startswith("办事处", m.end()))   # 某某街道办事处
            if size >= 4 and (size > 4 or not set(stem) <= transliteration_chars()):
                if bounded and stem[0] not in _BAD_FIRST:
                    doubtful.append(start)           # 下廿里铺镇, 阿克吐别克镇: only if the data has it
                continue
            street = stem[-1] == "街" and m.group() == "街道"        # 坡子街街道, 北城街街道
            if stem[0] in _BAD_FIRST:
                continue
            if (stem[-1] in _BAD_LAST and not street) or text[i - 1:i + 1] in dicts.words("place_context.tsv", 1, "town_word") \
                    or words.grammatical(stem):              # 梅街镇, 满城镇; 完善以街道, 现将我镇, 依法治镇
                if bounded:
                    doubtful.append(start)
                continue
            if after in _NOT_AFTER[m.group()] and not text.startswith("办事处", m.end()):
                break
            if before in _BOUNDARY or start in starts:
                found.append((start, m.end(), stem + m.group()))
                break
        if len(found) == count:
            known = _known_town(text, i, m.end(), doubtful, starts)
            if known:
                found.append(known)
    return sorted(found + _short_streets(text, found))


_SHORT_STREET = re.compile(r"([\u4e00-\u9fff]{2,3})街(?=党工委|办事处|道办)")


def _short_streets(text: str, found) -> list[tuple[int, int, str]]:
    """Streets written without 道 (广州's 黄石街党工委、办事处): a stem + 街 before the street's own
    bodies, when the township data lists stem + 街道 by that very name.

    >>> _short_streets("2022年，黄石街党工委、办事处深入学习", [])
    [(6, 9, '黄石街道')]
    """
    from loaders.gazetteer import towns        # the township data (towns.py imports this module)
    out = []
    for m in _SHORT_STREET.finditer(text):
        start = m.start()
        if start > 0 and text[start - 1] not in _BOUNDARY or any(s < m.end() and start < e for s, e, _ in found):
            continue
        name = m.group(1) + "街道"
        if towns.counties_of(name):
            out.append((start, m.end(), name))
    return out


_ETHNIC_TOWN = re.compile(r"族(?:乡|镇)$")


def _known_town(text: str, i: int, end: int, doubtful: list[int], starts) -> tuple[int, int, str] | None:
    """A town the rules above leave out but the township data lists by that very name: a stem that
    reads like sentence words (然乌乡) or ends like a kind of town (满城镇, 梅街镇), or an ethnic township
    (某某回族乡, 某某侗族乡) longer than a stem may be; after a boundary as always. The data is read
    only for these."""
    ethnic = bool(_ETHNIC_TOWN.search(text[max(0, end - 3):end]))
    if not doubtful and not ethnic:
        return None
    from loaders.gazetteer import towns        # the township data (towns.py imports this module)
    for start in (doubtful + [i - n for n in range(9, 2, -1)] if ethnic else doubtful):
        before = text[start - 1] if start > 0 else "\n"
        if start >= 0 and (before in _BOUNDARY or start in starts) and towns.counties_of(text[start:end]) \
                and re.fullmatch(r"[\u4e00-\u9fff]+", text[start:end]):
            return start, end, text[start:end]
    return None


@lru_cache(maxsize=1)
def not_towns() -> frozenset[str]:
    """Words that stand before 镇/乡/街道 as a kind, not a name (城乡, 特色小镇, 法治街道): data in
    loaders/dicts/township_not.txt.

    >>> "法治" in not_towns(), "高都" in not_towns()
    (True, False)
    """
    return frozenset(dicts.words("township_not.txt"))


@lru_cache(maxsize=1)
def transliteration_chars() -> frozenset[str]:
    """Characters of long (3+ character) place names in Inner Mongolia, Tibet, Qinghai and Xinjiang,
    where town names run to four characters (托克扎克镇, 萨依巴格乡); ordinary words rarely use only these.

    >>> set("萨依巴格") <= transliteration_chars(), set("推进特色") <= transliteration_chars()
    (True, False)
    """
    from loaders.gazetteer.data import places
    chars: set[str] = set()
    for place in places():
        stem = re.sub(r"(?:自治州|自治县|自治旗|地区|市|县|区|旗|盟|州)$", "", place.name)
        if place.adcode and place.adcode[:2] in ("15", "54", "63", "65") and len(stem) >= 3:
            chars.update(stem)
    return frozenset(chars)


def township_place(name: str, county: Place | None) -> Place:
    """A township Place under `county` (or with no parents when the county is unknown)."""
    if county is None:
        return Place(name, None, "township")
    return Place(name, None, "township", county.parents + (county.name,),
                 county.parent_codes + (county.adcode,))
