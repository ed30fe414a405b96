"""Towns, townships and streets (镇/乡/街道) with the county they belong to, from jionlp's location data.

GB/T 2260 stops at the county; a town's report often names neither its county nor its city (下洋镇…在
区委、区政府的领导下…). jionlp ships the national division tree down to villages; it is read here as
data (its zip file, without importing jionlp), and a town named in a text is placed under the county
whose town of that name fits the text best: the only one, or the one whose villages and communities
the text names, whose province or city the text names, or whose level and province kind the superior
organs named point at (区委 → a district, 省委 → a province). Ties stay unresolved (no parents).
"""
from __future__ import annotations

import importlib.util
import io
import re
import zipfile
from functools import lru_cache
from pathlib import Path

from loaders import dicts
from loaders.gazetteer import names, zones

__all__ = ["counties_of", "county_for", "variants"]


def _resource() -> str | None:
    """The text of jionlp's division tree, or None when jionlp is not installed."""
    spec = importlib.util.find_spec("jionlp")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / "dictionary" / "china_location.zip"
    if not path.is_file():
        return None
    with zipfile.ZipFile(path) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".txt"))
        return io.TextIOWrapper(archive.open(name), encoding="utf-8").read()


@lru_cache(maxsize=1)
def _tree() -> tuple[dict[str, tuple[tuple[str, int, int], ...]], str]:
    """(town name → ((county code, start, end of its villages' lines in the text), …), the text).

    Lines are indented by level: province, city, county (name, code, short name), town, village. Only
    offsets are kept, so the villages of the half million lines stay one string until asked for."""
    raw = _resource()
    if raw is None:
        return {}, ""
    index: dict[str, list[tuple[str, int, int]]] = {}
    county, town, begin = "", None, 0

    def close(at: int) -> None:
        if town is not None:
            index.setdefault(town, []).append((county, begin, at))

    at = 0
    for line in raw.split("\n"):
        depth = len(line) - len(line.lstrip("\t"))
        if depth != 4:
            close(at)
            town = None
            if depth == 2:
                cells = line.strip().split("\t")
                county = cells[1] if len(cells) > 1 else ""
            elif depth == 3 and county:
                town, begin = line.strip(), at + len(line) + 1
        at += len(line) + 1
    close(len(raw))
    return {k: tuple(v) for k, v in index.items()}, raw


def _villages(start: int, end: int) -> list[str]:
    return [line.strip() for line in _tree()[1][start:end].splitlines() if line.strip()]


def variants(name: str) -> tuple[str, ...]:
    """The spellings a town's name may have in the data: itself, and a street named after a street
    without the doubled 街 (北城街街道 → 北城街道).

    >>> variants("北城街街道"), variants("高都镇")
    (('北城街街道', '北城街道'), ('高都镇',))
    """
    if name.endswith("街街道") and len(name) > 4:
        return name, name[:-3] + "街道"
    return (name,)


_TOWN_WORDS = names.suffixes("town")


def _renamed(name: str) -> tuple[str, ...]:
    """The same stem with another town word, for a town the data knows under its former rank or
    spelling (a 乡 made a 镇, a 镇 made a 街道, 某街道 listed as 某街道办事处): tried only when the name
    itself is not in the data.

    >>> _renamed("应昌街道"), _renamed("某某乡")
    (('应昌街道办事处', '应昌镇', '应昌乡'), ('某某街道办事处', '某某街道', '某某镇'))
    """
    word = next((w for w in _TOWN_WORDS if name.endswith(w)), None)
    if word is None or len(name) - len(word) < 2:
        return ()
    stem = name[:-len(word)]
    return tuple(stem + w for w in _TOWN_WORDS if w != word)


def _entries(name: str) -> list[tuple[str, int, int]]:
    """(county code, villages' span) of each town of that name: its spellings, else its renamings."""
    index = _tree()[0]
    found = [e for v in variants(name) for e in index.get(v, ())]
    return found or [e for v in _renamed(name) for e in index.get(v, ())]


def counties_of(name: str) -> tuple[str, ...]:
    """GB/T 2260 codes of the counties that have a town, township or street called `name`.

    >>> "330106" in counties_of("留下街道")
    True
    """
    return tuple(dict.fromkeys(code for code, _, _ in _entries(name)))


def county_for(name: str, text: str, named_codes: set[str], place_of=lambda code: None) -> str | None:
    """The code of the county the town `name` of `text` belongs to, or None when no county has such
    a town or the evidence ties.

    Evidence per candidate county: its villages and communities, and its other towns, that the text
    names as names (`_named`), whether the text names its province or city (`named_codes`:
    codes of divisions the text names), and whether the superior organs the text names are of its
    level (区委, 县委) and of its province's kind (省委 for a province, 自治区 for an autonomous region:
    town_superiors.tsv; `place_of`: code → Place). Weights: jurisdiction_weights.tsv."""
    cands = [(code, span) for code, *span in _entries(name)]
    if not cands:
        return None
    if len({code for code, _ in cands}) == 1:
        return cands[0][0]
    weights = dicts.weights("jurisdiction_weights.tsv")
    superior = _superior_level(text, _COUNTY_LEVELS)
    region = _superior_level(text, _REGION_KINDS)
    scored = []
    for code, span in cands:
        hits = {v for v in _villages(*span) if _named(v, text)}
        hits |= {t for t in _towns_of(code) if t not in variants(name) and _named(t, text)}   # its neighbours
        score = weights["town_village"] * len(hits)
        if code[:2] + "0000" in named_codes:
            score += weights["town_province"]
        if code[:4] + "00" in named_codes:
            score += weights["town_city"]
        if superior is not None and getattr(place_of(code), "level", None) == superior:
            score += weights["town_superior"]
        if region is not None and _region_kind(place_of(code[:2] + "0000")) == region:
            score += weights["town_superior"]
        scored.append((score, code))
    scored.sort(reverse=True)
    if scored[0][0] <= 0 or scored[0][0] == scored[1][0]:
        return None
    return scored[0][1]


@lru_cache(maxsize=1)
def _county_towns() -> dict[str, tuple[str, ...]]:
    """County code → the names of its towns, townships and streets."""
    out: dict[str, list[str]] = {}
    for town, entries in _tree()[0].items():
        for code, _, _ in entries:
            out.setdefault(code, []).append(town)
    return {k: tuple(v) for k, v in out.items()}


def _towns_of(code: str) -> tuple[str, ...]:
    return _county_towns().get(code, ())


_VILLAGE_WORD = re.compile(r"(?:村|社区|居委会|嘎查)$")
_BEFORE = set("，,、。；;：:“”\"'《》()（）[]【】 \t\n在和与及对将把由以向从的了到至赴镇乡道")
_ORGAN_BEFORE = _BEFORE | set("经受按委府")     # 县委、县政府, 经区委研究


def _named(village: str, text: str) -> bool:
    """Whether `text` names the village or community as a name of its own: at least three characters,
    its stem no generic word (示范村, 中心村: township_not.txt), after punctuation, a function word or a
    town's name (高都镇东元庆村), not inside a longer word (法治示范村, 大黄泥沟村).

    >>> _named("东元庆村", "高都镇东元庆村、上元庆村"), _named("黄泥沟村", "建成大黄泥沟村"), _named("示范村", "，示范村")
    (True, False, False)
    """
    if len(village) < 3 or _VILLAGE_WORD.sub("", village) in zones.not_towns():
        return False
    at = text.find(village)
    while at >= 0:
        if at == 0 or text[at - 1] in _BEFORE:
            return True
        at = text.find(village, at + 1)
    return False


_COUNTY_LEVELS = ("district", "county")
_CITY_LEVEL = "county-city"            # a town's 市委 when it names no 区委/县委
_REGION_KINDS = ("province", "autonomous-region")


def _region_kind(province) -> str | None:
    """province, autonomous-region or municipality, from a province-level Place's name."""
    if province is None:
        return None
    if province.name.endswith("自治区"):
        return "autonomous-region"
    return "municipality" if province.name.endswith("市") else "province"


def _superior_level(text: str, levels: tuple[str, ...] = _COUNTY_LEVELS) -> str | None:
    """The level (区委 → district, 县委 → county) or the province's kind (省委 → province, 自治区 →
    autonomous-region) that the text's superior organs point at, among `levels`, when they all point
    at one. A county's organ inside another word (社区委员会, 依法治县委员会) does not count.

    >>> _superior_level("在区委、区政府的领导下"), _superior_level("社区委员会换届，县委部署"), _superior_level("区委县委")
    ('district', 'county', None)
    >>> _superior_level("在市委、市政府的领导下"), _superior_level("在市委和区委的领导下")
    ('county-city', 'district')
    >>> _superior_level("落实省委部署，在区委领导下", _REGION_KINDS)
    'province'
    """
    bounded = levels == _COUNTY_LEVELS          # 省委, 自治区 are inside no other common word
    counts: dict[str, int] = {}
    for word, level in dicts.table("town_superiors.tsv").items():
        if level not in levels and not (bounded and level == _CITY_LEVEL):
            continue
        n = sum(1 for m in re.finditer(re.escape(word), text)
                if not bounded or m.start() == 0 or text[m.start() - 1] in _ORGAN_BEFORE)
        if n:
            counts[level] = counts.get(level, 0) + n
    if len(counts) > 1:
        counts.pop(_CITY_LEVEL, None)           # 市委 beside 区委/县委 is the city above the county
    return next(iter(counts)) if len(counts) == 1 else None
