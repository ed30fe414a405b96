"""Surface matches → places: pick among same-named divisions, then add zones and townships."""
from __future__ import annotations

from typing import TYPE_CHECKING

from loaders.gazetteer import words, zones
from loaders.records import Place

if TYPE_CHECKING:
    from loaders.gazetteer.core import Gazetteer

__all__ = ["resolve", "choose"]

_COUNTY_LEVELS = ("county", "county-city", "district")
_ZONE_PARENTS = ("province", "prefecture", "county", "county-city", "district")


def choose(cands: list[tuple[Place, bool]], prev: Place | None, within: Place | None,
           context: set[str]) -> Place | None:
    """The best candidate, or None when two different divisions tie with nothing to tell them apart."""
    scored = sorted(((_score(p, full, prev, within, context), i, p) for i, (p, full) in enumerate(cands)),
                    key=lambda t: (-t[0], t[1]))
    if not scored:
        return None
    best = scored[0]
    if len(scored) > 1 and scored[1][0] == best[0] and scored[1][2].adcode != best[2].adcode:
        return None
    return best[2]


def _score(p: Place, full: bool, prev: Place | None, within: Place | None, context: set[str]) -> int:
    score = (4 if full else 0) + (0 if p.historical else 2)
    score += {"province": 3, "prefecture": 2}.get(p.level or "", 1)
    if prev is not None and prev.adcode and prev.adcode in p.parent_codes:
        score += 100
    if within is not None and within.adcode and p.adcode:
        if within.adcode in p.parent_codes or within.adcode == p.adcode:
            score += 50
        elif set(within.parent_codes[1:]) & set(p.parent_codes[1:]):
            score += 15
        elif within.adcode[:2] == p.adcode[:2]:
            score += 10
    if p.adcode and p.adcode in context or context & set(p.parent_codes[1:]):
        score += 30         # named in full elsewhere, or under a parent named in full (绍兴 → 绍兴市)
    elif context and p.adcode and any(c[:2] == p.adcode[:2] for c in context):
        score += 5
    return score


def _context(hits, gaz: "Gazetteer", within: Place | None) -> dict[str, set[str]]:
    """Codes of divisions the text names unambiguously (→ the surfaces naming them), plus `within`."""
    codes: dict[str, set[str]] = {}
    for _, _, surface in hits:
        cands = [p for p, full in gaz.candidates(surface) if not p.historical]
        if len({p.adcode for p in cands}) == 1 and not gaz.is_stop(surface):
            for code in (cands[0].adcode,) if cands[0].adcode else cands[0].parent_codes[-1:]:
                codes.setdefault(code, set()).add(surface)      # a new area: the division running it
    if within is not None:
        for code in (within.adcode, *within.parent_codes):
            if code:
                codes.setdefault(code, set()).add("")
    return codes


def _slogan_context(text: str, gaz: "Gazetteer", codes: dict[str, set[str]]) -> None:
    """Add the divisions a slogan names by their short name (法治广州, 平安某某) to `codes`: no mention of
    a place of their own (the short name stands inside a phrase), but evidence that tells same-named
    places apart (白云区 … 法治广州建设 → 广州市's 白云区, not 贵阳市's)."""
    for m in words.slogan_pattern().finditer(text):
        for size in (4, 3, 2):
            surface = text[m.end():m.end() + size]
            cands = [p for p, _ in gaz.candidates(surface) if not p.historical and p.adcode]
            if cands and not gaz.is_stop(surface):
                if len({p.adcode for p in cands}) == 1:
                    codes.setdefault(cands[0].adcode, set()).add("slogan:" + surface)
                break


def _context_for(context: dict[str, set[str]], surface: str) -> set[str]:
    """The context without what `surface` itself contributed (a name is no evidence for itself)."""
    return {code for code, surfaces in context.items() if surfaces - {surface}}


def resolve(text: str, hits, within: Place | None, gaz: "Gazetteer") -> list[tuple[int, int, Place]]:
    """Places for the surface `hits` of `text`, then development zones and townships."""
    context = _context(hits, gaz, within)
    _slogan_context(text, gaz, context)
    spans: list[tuple[int, int, Place]] = []
    for start, end, surface in hits:
        prev = spans[-1][2] if spans and spans[-1][1] == start else None
        cands = gaz.candidates(surface)
        if not cands:
            if _paired(text, start, end, hits):
                continue                     # 高新区(新市区): one government, named by its district
            zone = _bare_zone(surface, within)
            if zone is not None:
                spans.append((start, end, zone))
            continue
        local = _context_for(context, surface)
        place = choose(cands, prev, within, local)
        if gaz.is_stop(surface) and not _anchored(place, prev, within, local):
            continue
        if place is None:
            place = Place(surface, None, cands[0][0].level)
        spans.append(_with_zone(text, start, end, place))
    return _add_townships(text, spans, within)


def _paired(text: str, start: int, end: int, hits) -> bool:
    """A bare zone word run together with a district in brackets, either way round: 高新区(新市区),
    新市区(高新区). The pair is one administration, and the district names it."""
    opens, closes = "(（", ")）"
    after = end < len(text) and text[end] in opens and any(s == end + 1 and e < len(text) and text[e] in closes
                                                           for s, e, _ in hits)
    before = start > 0 and text[start - 1] in opens and end < len(text) and text[end] in closes \
        and any(e == start - 1 for _, e, _ in hits)
    return after or before


def _anchored(place: Place | None, prev: Place | None, within: Place | None, context: set[str]) -> bool:
    """A common-word name (城区, 老城区) counts only under a parent named just before, in `within`,
    or elsewhere in the text."""
    if place is None or not place.parent_codes:
        return False
    parent = place.parent_codes[-1]
    if prev is not None and prev.adcode == parent:
        return True
    if within is not None and parent in (within.adcode, *within.parent_codes):
        return True
    return parent in context


def _with_zone(text: str, start: int, end: int, place: Place) -> tuple[int, int, Place]:
    found = zones.zone_at(text, end) if place.level in _ZONE_PARENTS and place.adcode else None
    if found is None:
        return start, end, place
    size, canonical = found
    return start, end + size, zones.zone_place(place, canonical)


def _bare_zone(surface: str, within: Place | None) -> Place | None:
    found = zones.zone_at(surface, 0)
    if within is None or found is None:
        return None
    if within.level == "development-zone":
        return within
    home = within
    if within.level == "township" or (within.level not in _ZONE_PARENTS):
        return None
    return zones.zone_place(home, found[1])


def _add_townships(text: str, spans, within: Place | None):
    starts = {e + len(w) for _, e, p in spans if p.level in _COUNTY_LEVELS
              for w in ("", "人民政府", "政府") if text.startswith(w, e)}     # 鲤城区人民政府金龙街道
    towns = zones.townships(text, starts)
    stems = {name[:-2] if name.endswith("街道") else name[:-1] for _, _, name in towns}
    # 东城 in a text about 东城街道 is the street said short (东城街…), not 东城区 of Beijing.
    spans = [s for s in spans if not (text[s[0]:s[1]] in stems and text[s[0]:s[1]] != s[2].name)]
    # 白塔 in 白塔岭街道, 济源 in 济源路街道: a short name inside a town's name is part of that name.
    spans = [s for s in spans if text[s[0]:s[1]] == s[2].name
             or not any(ts <= s[0] and s[1] <= te and (ts, te) != (s[0], s[1]) for ts, te, _ in towns)]
    taken = [(s, e) for s, e, _ in spans]
    for start, end, name in towns:
        if any(s < end and start < e for s, e in taken):
            continue
        county = _county_before(text, spans, start) or (within if within and within.level in _COUNTY_LEVELS else None)
        if county is None and within is not None and within.level == "prefecture":
            county = within
        spans.append((start, end, zones.township_place(name, county)))
    return sorted(spans, key=lambda s: s[0])


def _county_before(text: str, spans, pos: int) -> Place | None:
    for start, end, place in reversed(spans):
        if end <= pos and place.level in _COUNTY_LEVELS and place.adcode:
            gap = text[end:pos]
            return place if len(gap) <= 40 and "。" not in gap and "\n" not in gap else None
    return None
