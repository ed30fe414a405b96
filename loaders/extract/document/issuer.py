"""Who issued a cited document: a national body, a place named in the title's prefix, or the context."""
from __future__ import annotations

import re

from loaders import dicts
from loaders.extract.document.lexicon import place_names, words
from loaders.records import Place

__all__ = ["from_prefix", "from_context", "is_national", "resolve_level"]

_CCP = "中共"
_MINISTRY = re.compile(r"^国家[\u4e00-\u9fff]{1,10}?(?:总局|局|委员会|委|署)(?=关于)")
_SHORT_OK = re.compile(r"^(?:人民政府|政府|党委|委|人大|\d|关于|20)")
_ZONE = re.compile(r"^[\u4e00-\u9fff]{2,8}?(?:经济技术开发区|高新技术产业开发区|经济开发区|开发区|高新区|综改区|新区)")
_LOOSE = re.compile(r"^(?![全本我各依])[\u4e00-\u9fff]{2,3}(?:市|县|区|旗|州|盟)(?=人民政府|政府|委|\d|关于)")
_BODY = re.compile(r"^(?:[全本我]([省市县区旗])|([省市县区旗州])(?=委|人民政府|政府|人大|政协|纪委|监委|"
                   r"政法委|全面依法治|依法治|法院|检察院|司法局))")
_CONTEXT_BODY = re.compile(r"(?<![全本我各])([省市县区旗])(?![级场直属])(?:委|人民政府|政府|人大常委会|纪委监委|"
                           r"政法委|[\u4e00-\u9fff]{1,12}?(?:委员会|办公室|分局|局|法院|检察院|[治法]办))")


def from_prefix(title: str, place: Place | None) -> tuple[str | None, bool]:
    """(issuer, national) read from the title's opening words; (None, False) when it names nobody.

    >>> from_prefix("国务院关于加强某事的指导意见", None)
    ('国务院', True)
    >>> from_prefix("中共杭州市委全面依法治市委员会工作规则", None)
    ('杭州市', False)
    >>> from_prefix("广东省广州市城区管理办法", None)
    ('广州市', False)
    >>> from_prefix("法治浙江建设规划（2021—2025年）", None)
    ('浙江省', False)
    """
    head = title[len(_CCP):] if title.startswith(_CCP) and not title.startswith("中共中央") else title
    national = next((w for w in words("national_issuers") if head.startswith(w)), None)
    if national or (national := _match(_MINISTRY, head)):
        return national, True
    names = _places(head, place)
    if names:
        return _compose(names, place), False
    zone = _match(_ZONE, head) or _match(_LOOSE, head) or _branded(head)
    if zone:
        return zone, False
    m = _BODY.match(head)
    return (resolve_level(m.group(1) or m.group(2), place), False) if m else (None, False)


_BRAND = re.compile(r"^(?:法治|平安|数字|美丽|健康|信用)")


def _branded(head: str) -> str | None:
    """The province or city a branded plan is named after (法治广东建设规划 → 广东省)."""
    m = _BRAND.match(head)
    if not m:
        return None
    for n in (3, 2):
        short = head[m.end():m.end() + n]
        for suffix in ("省", "市", "自治区"):
            if short + suffix in place_names():
                return short + suffix
    return None


def _match(pattern: re.Pattern, text: str) -> str | None:
    m = pattern.match(text)
    return m.group() if m else None


def _places(head: str, place: Place | None) -> list[str]:
    """The run of place names the title opens with (山西省晋城市泽州县… → three names)."""
    known = _chain(place)
    names: list[str] = []
    while True:
        name = next((head[:n] for n in range(min(len(head) - 1, 10), 1, -1)
                     if _is_place(head[:n], head[n:], known)), None)
        if not name:
            return names
        names.append(name)
        head = head[len(name):]


def _is_place(name: str, rest: str, known: set[str]) -> bool:
    if name in known:
        return True
    if name not in place_names():
        return False
    return len(name) > 2 or bool(_SHORT_OK.match(rest))


def _chain(place: Place | None) -> set[str]:
    if place is None:
        return set()
    return {*place.parents, place.name, place.label}


def _compose(names: list[str], place: Place | None) -> str:
    """One issuer from a run of place names: the most specific; the reporter's own label for itself."""
    last = names[-1]
    if place is not None and last in (place.name, place.label):
        if len(names) == 1 or names[-2] in place.parents or last == place.label:
            return place.label
    return last


def resolve_level(level: str, place: Place | None) -> str | None:
    """The reporting chain's member a bare 省/市/县/区 refers to (市委 in a district report → its city).

    >>> p = Place("城区", parents=("山西省", "阳泉市"), level="district")
    >>> resolve_level("市", p), resolve_level("区", p), resolve_level("省", p), resolve_level("县", p)
    ('阳泉市', '阳泉市城区', '山西省', None)
    """
    if place is None:
        return None
    chain = [*place.parents, place.label]
    ends = {"省": ("省", "自治区"), "市": ("市",), "县": ("县", "旗"), "旗": ("旗",),
            "区": ("区",), "州": ("州",)}[level]
    found = [name for name in chain if name.endswith(ends)]
    if not found:
        return None
    return found[0] if level == "省" else found[-1]


def from_context(window: str, place: Place | None) -> str | None:
    """Issuer named just before a title (市委…办公室《 → the city), or the reporter when it authored it.

    >>> p = Place("城区", parents=("山西省", "阳泉市"), level="district")
    >>> from_context("依据市委全面依法治市委员会办公室", p), from_context("区委政法委出台了", p)
    ('阳泉市', '阳泉市城区')
    >>> from_context("严格贯彻", p) is None, from_context("制定", p)
    (True, '阳泉市城区')
    """
    found: list[tuple[int, str | None]] = []
    for m in _CONTEXT_BODY.finditer(window):
        found.append((m.start(), resolve_level(m.group(1), place)))
    for name in _chain(place) | {n for n in _grams(window) if len(n) > 2 and n in place_names()}:
        at = window.rfind(name)
        if at >= 0:
            found.append((at, place.label if place and name in (place.name, place.label) else name))
    found = [f for f in found if f[1]]
    if found:
        return max(found, key=lambda f: (f[0], len(f[1] or "")))[1]
    if place is not None and any(v in window for v in dicts.words("document_author_verbs.txt")):
        return place.label
    return None


def _grams(window: str) -> set[str]:
    """Candidate place names in a short window: every substring of 3–9 characters ending like a place."""
    return {window[i:j] for j in range(len(window) + 1) if window[j - 1:j] in "省市县区旗州盟"
            for i in range(max(0, j - 9), j - 2)}


def is_national(title: str, kind: str | None, issuer: str | None) -> bool:
    """Whether an unprefixed title is a national document (laws, state 条例, the centre's 纲要).

    >>> is_national("政府投资条例", "条例", None), is_national("某市条例", "条例", "某市")
    (True, False)
    >>> is_national("法治中国建设规划(2020-2025年)", "规划", None)
    True
    >>> is_national("关于开展某工作的通知", "通知", None), is_national("履职工作清单", "清单", None)
    (False, False)
    """
    if issuer is not None:
        return False
    if any(title.startswith(w) for w in words("national_scope")) or "中国" in title:
        return True
    return not title.startswith("关于") and kind in dicts.words("document_national_types.txt")
