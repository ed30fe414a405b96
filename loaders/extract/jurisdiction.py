"""The reporting jurisdiction: who wrote the report, with its GB/T 2260 code, level and parents.

Evidence, strongest first: the title (its most specific place: a street under its district), the
subject of the opening sentence (2023年，乌鲁木齐市坚持… / 高新区坚持…), the portal name at the top of
the page, the issuer of the opening sentence (朔州委、政府), and the places named most often near
self-references (我市, 全县). A short name found inside another word never counts (words.py), and a
parent inferred from one sub-unit gets no help from self-references. The level the writer declares
(an addressee line such as 省政府、市委、市人大：, a subject such as 市政府…, 我区…) favours places of that
level and discounts places of another named at the top (a county portal above its city's report); a
place whose organs' deployments the text follows (落实某省委部署) is a superior. A town whose county
cannot be told is flagged (`uncertainty`), not guessed. The weights and the word lists are data:
`loaders/dicts/jurisdiction_weights.tsv`, `self_references.tsv`, `place_addressees.tsv`.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace
from functools import lru_cache

from loaders import dicts
from loaders.extract.page import addressee_line, addressees
from loaders.gazetteer import Gazetteer, towns, zones
from loaders.gazetteer.words import common_word, slogan_pattern
from loaders.records import Place
from loaders.text import Text

__all__ = ["extract", "uncertainty"]

_ISSUER = re.compile(r"^\s*(?:[(（]?(?:委|市委|县委|区委|党委|政府|人民政府|党工委|管委会)|[、，,]?(?:县|市|区)?委)")
# The opening of a report's first paragraph, before its subject: 2023年，在市委的坚强领导下，…
_OPENING = re.compile(r"\s*(?:[^\s，,。]{0,10}讯\s*(?:[(（][^)）]{0,30}[)）])?\s*)?"          # 本报讯（记者 某某）
                      r"(?:(?:(?:19|20)\d\d\s*年(?:度|以来)?|近年来|一年来|过去一年|近日|日前|今年以来)\s*[,，]?\s*)?"
                      r"(?:(?:在|按照)[^，,。；]{2,40}?(?:领导|指导|监督|支持|部署|要求)下\s*[,，]\s*)*")


def _w(name: str) -> float:
    return dicts.weights("jurisdiction_weights.tsv")[name]


@lru_cache(maxsize=1)
def _self_levels() -> dict[str, tuple[str, ...]]:
    """Self-reference word (市, 街道) → the levels it points at."""
    return {r[0]: tuple(r[1].split(",")) for r in dicts.rows("self_references.tsv")}


@lru_cache(maxsize=1)
def _self_pattern() -> re.Pattern:
    """我市, 全县, 本镇, 我街道 …, not 全镇村 (a word on: 全市镇村)."""
    words = sorted(_self_levels(), key=len, reverse=True)
    return re.compile(r"[我全本该](" + "|".join(map(re.escape, words)) + r")(?![镇村])")


@lru_cache(maxsize=1)
def _title_label() -> re.Pattern:
    """我县 right after a place in a title: a feed's label for that place (山西我县开展…)."""
    words = "".join(r[0] for r in dicts.rows("self_references.tsv") if len(r) > 2 and r[2] == "title")
    return re.compile(r"[我本该][" + re.escape(words) + "]")


def extract(text: Text, title: str | None) -> Place | None:
    """The jurisdiction that wrote (or, for news, is the subject of) the report, or None.

    >>> t = Text.make("a.txt", "泽州县2024年法治政府建设情况报告\\n全县推进依法行政。")
    >>> extract(t, "泽州县2024年法治政府建设情况报告").label
    '泽州县'
    >>> extract(Text.make("b.txt", "今年以来，各项工作有序推进。"), None) is None
    True
    """
    gaz = Gazetteer.default()
    spans = gaz.find_all(text.norm)
    scores: dict[str, float] = defaultdict(float)
    places: dict[str, Place] = {}

    def add(place: Place, weight: float) -> None:
        key = _key(place)
        places.setdefault(key, place)
        scores[key] += weight

    direct: set[str] = set()

    def named(place: Place, weight: float) -> None:
        direct.add(_key(place))
        add(place, weight)

    addressed = addressee_line(text.norm)
    writer = _writer_levels(text.norm, addressed)

    def top(place: Place, weight: float) -> None:
        """A place named at the top (title, subject, portal, issuer): it counts less when the writer
        declares another level (a county portal's name above a city's report)."""
        named(place, weight * (1 if not writer or _fits(place, writer) else _w("other_level_factor")))

    for place in _title_places(gaz, title, spans):
        top(place, _w("title"))
    subjects = _subject_places(text.norm, spans)
    said = {_key(p) for p in subjects}
    for place in subjects + [p for p in _formula_places(text.norm, spans) if _key(p) not in said]:
        top(place, _w("subject"))
    chrome = _chrome_places(text.norm, spans)
    for place in chrome:
        top(place, _w("chrome"))
    skip = addressed[:2] if addressed else (0, 0)
    for place in _issuer_places(text.norm, [s for s in spans if not skip[0] <= s[0] < skip[1]]):
        if all(place is not c for c in chrome):          # a portal's name is not also the issuer
            top(place, _w("issuer"))
    for place in _superior_places(text.norm, spans):
        add(place, _w("superior"))
    _add_frequency(spans, named)
    children = _add_parents(gaz, spans, add)
    if not scores:
        return _slogan_town(gaz, text.norm) or _region_place(gaz, text.norm)
    helped = direct | {k for k, n in children.items() if n >= _w("helped_children")}
    _level_bonus(text.norm, places, scores, helped)
    for key, place in places.items():
        if writer and _fits(place, writer):
            scores[key] += _w("writer_level")
    best = max(scores, key=lambda k: (scores[k], _depth(places[k])))
    best = _below_best(places, best, subjects, text.norm)
    return _as_titled(gaz, _with_parents(gaz, places[best], spans, text.norm), title)


def _below_best(places: dict[str, Place], best: str, subjects: list[Place], norm: str) -> str:
    """The named subject of the opening (县街街道办事处严格按照…) over one of its own superiors that its
    report names all the time (在安宁市委领导下, 《安宁市…方案》), when no self-reference (我市, 全市)
    speaks for the superior."""
    if _self_pattern().search(norm):
        return best
    code = places[best].adcode
    for place in subjects:
        key = _key(place)
        if key in places and key != best and code and code in place.parent_codes:
            return key
    return best


def uncertainty(place: Place | None) -> str | None:
    """A warning when the jurisdiction is a town placed under no county because the counties that
    have a town of that name tie (the text names none of them): flagged, not guessed.

    >>> uncertainty(Place("下洋镇", None, "township"))
    'jurisdiction uncertain: 下洋镇 is a town of 3 counties (徐闻县, 永春县, 永定区) and the text tells none of them'
    """
    if place is None or place.level != "township" or place.parents:
        return None
    gaz = Gazetteer.default()
    names = [p.name for p in map(gaz.by_code, towns.counties_of(place.name)) if p is not None]
    if len(names) < 2:
        return None
    shown = ", ".join(names[:5]) + (", …" if len(names) > 5 else "")
    return f"jurisdiction uncertain: {place.name} is a town of {len(names)} counties ({shown}) and the text tells none of them"


_TOWN_SELF = re.compile(r"[我本全该](镇|乡|街道)(?![镇村])")


def _slogan_town(gaz: Gazetteer, norm: str) -> Place | None:
    """A town that names itself only by its short name in a slogan (建设法治某某, 平安某某: slogan words of
    place_context.tsv) and otherwise as 我乡/本镇: the slogan's name with the town word the self-references
    use, when the township data has one town of that name (placed under its county, towns.py)."""
    refs = [m.group(1) for m in _TOWN_SELF.finditer(norm)]
    if not refs:
        return None
    word = Counter(refs).most_common(1)[0][0]
    found = set()
    for m in re.finditer(slogan_pattern().pattern + r"([\u4e00-\u9fff]{2,3})", norm):
        for stem in (m.group(1)[:2], m.group(1)):
            if common_word(stem):
                continue
            counties = towns.counties_of(stem + word)
            if len(counties) == 1:
                found.add((stem + word, counties[0]))
    if len(found) != 1:
        return None
    name, code = found.pop()
    county = gaz.by_code(code)
    return zones.township_place(name, county) if county is not None else None


def _region_place(gaz: Gazetteer, norm: str) -> Place | None:
    """The province-level region of a text that names no place, from division words only that
    region uses (旗县, 苏木 → 内蒙古自治区: region_words.tsv), when they all point at one region."""
    codes = {code for word, code in dicts.table("region_words.tsv").items() if word in norm}
    return gaz.by_code(codes.pop()) if len(codes) == 1 else None


def _with_parents(gaz: Gazetteer, place: Place, spans, norm: str) -> Place:
    """A town or street the text names without its county gets a county: a county-level place the
    text names that has a town of that name (towns.py), else the county with such a town that fits
    the text best (留下街道 … 区委 → 西湖区; 晋城市高都镇 → 泽州县), else the county-level place the text
    names most (东城街道 … 《清城区2022年…要点》 → 清城区, for towns the data lacks)."""
    if place.level != "township" or _placed(gaz, place):
        return place
    above = place.parent_codes[-1] if place.parent_codes else ""      # a city it was put under, if any
    prefix = above[:2] if above.endswith("0000") else above[:4]
    inside = lambda code: code.startswith(prefix)        # noqa: E731 (a county of that city)
    counts = Counter(_key(p) for _, _, p in spans
                     if p.adcode and p.level in _COUNTY_LEVELS and inside(p.adcode))
    having = [k for k, _ in counts.most_common() if k in towns.counties_of(place.name)]
    if having:
        county = next(p for _, _, p in spans if _key(p) == having[0])
        return zones.township_place(place.name, county)
    code = towns.county_for(place.name, norm, {p.adcode for _, _, p in spans if p.adcode}, gaz.by_code)
    county = (gaz.by_code(code) or gaz.by_code(code[:4] + "00")) if code and inside(code) else None   # a zone's code: its city
    if county is None and counts and not above:
        key = counts.most_common(1)[0][0]
        county = next(p for _, _, p in spans if _key(p) == key)
    return zones.township_place(place.name, county) if county is not None else place


_COUNTY_LEVELS = ("county", "county-city", "district")


def _placed(gaz: Gazetteer, place: Place) -> bool:
    """Whether a town already stands under a county (not only under the city or province a text
    names: 留下街道 read under 杭州市 still wants the district between, 西湖区)."""
    if not place.parent_codes:
        return bool(place.parents)          # parents without codes: as given
    parent = gaz.by_code(place.parent_codes[-1])
    return parent is None or parent.level not in ("province", "prefecture")


def _as_titled(gaz: Gazetteer, place: Place, title: str | None) -> Place:
    """A development zone keeps the spelling its own title uses (沈阳经济技术开发区, not 沈阳经开区)."""
    if place.level != "development-zone" or not title:
        return place
    for start, end, found in gaz.find_all(title):
        if found.level == place.level and found.label == place.label and title[start:end] != place.label:
            return replace(place, display=title[start:end])
    return place


def _key(place: Place) -> str:
    return place.adcode or place.label


def _depth(place: Place) -> int:
    return len(place.parents)


def _specific(chain: list[Place]) -> Place | None:
    """The most specific place of a chain of adjacent mentions (山西省晋城市泽州县 → 泽州县)."""
    return chain[-1] if chain else None


def _chains(spans) -> list[list[Place]]:
    chains: list[list[Place]] = []
    last_end = None
    for start, end, place in spans:
        if chains and last_end == start:
            chains[-1].append(place)
        else:
            chains.append([place])
        last_end = end
    return chains


def _chain_starts(starts: list[int], spans) -> list[int]:
    """Where each chain of `_chains` over the spans starting at `starts` begins (a place named twice
    is two chains: the second is not at the first's position)."""
    ends = {s: e for s, e, _ in spans}
    out, last_end = [], None
    for start in starts:
        if last_end != start:
            out.append(start)
        last_end = ends[start]
    return out


def _title_places(gaz: Gazetteer, title: str | None, doc_spans) -> list[Place]:
    """The first chain of places in the title, resolved with the whole text as context."""
    if not title:
        return []
    context = _dominant(doc_spans)
    found = gaz.find_all(title, within=context)
    chains = _chains(found)
    first = _specific(chains[0]) if chains else None
    if first is None or found[0][0] > 0:
        zone = _title_zone(title, 0, 0, None, doc_spans)
        if zone is not None:
            return [zone]       # 某某新区推进…: a zone of a name of its own opens the title
    if first is None:
        return []
    end = max(e for _, e, p in found if p is chains[0][-1])
    if _title_label().match(title[end:end + 2]) and first.level not in _self_levels()[title[end + 1]]:
        return []       # 山西我县开展…: a feed's label for the province, then the county it is about
    if found[0][0] == 0 and first.level in ("province", "prefecture"):
        zone = _title_zone(title, 0, _chain_end(found, 0), first, doc_spans)
        if zone is not None:
            return [zone]       # 某省某某经济区2023年…报告: the zone, not its province
    below = [p for _, _, p in found if first.name in p.parents and len(p.parents) > len(first.parents)]
    return [max(below, key=_depth) if below else first]     # 鲤城区人民政府金龙街道办事处 → 金龙街道


def _chain_end(spans, at: int) -> int:
    """Where the chain of adjacent place names that starts at `at` ends."""
    end = at
    for start, stop, _ in spans:
        if start == end:
            end = stop
        elif start > end:
            break
    return end


def _title_zone(title: str, start: int, at: int, prefix: Place | None, doc_spans) -> Place | None:
    """A development zone of a name of its own at the start of a title (title[at:] after the place
    `prefix` spelled from `start`): 某某新区推进…, 某省某某航空港经济区2023年…. It stands under the
    prefecture the text names most (within the prefix's province), else under the prefix."""
    end = zones.named_zone(title, at)
    if end is None:
        return None
    home = _dominant([s for s in doc_spans if s[2].level == "prefecture"])
    if home is not None and prefix is not None and prefix.adcode and home.adcode[:2] != prefix.adcode[:2]:
        home = None
    parent = home or prefix
    if parent is None or not parent.adcode:
        return None
    name = title[start:end] if prefix is not None and title[start:at] != prefix.name else title[at:end]
    return Place(name, None, "development-zone", parent.parents + (parent.name,), parent.parent_codes + (parent.adcode,))


def _dominant(spans) -> Place | None:
    """The prefecture-or-lower place the text names most, as context for short ambiguous names."""
    counts = Counter(_key(p) for _, _, p in spans if p.adcode and p.level != "province")
    if not counts:
        return None
    key = counts.most_common(1)[0][0]
    return next(p for _, _, p in spans if _key(p) == key)


def _chrome_places(norm: str, spans) -> list[Place]:
    """Places in short lines at the very top of the page (a portal's name: 阳泉市城区人民政府)."""
    head = norm[:400]
    found = []
    starts = [s for s, _, _ in spans if s < len(head)]
    for chain, start in zip(_chains([s for s in spans if s[0] < len(head)]), _chain_starts(starts, spans)):
        line_start = head.rfind("\n", 0, start) + 1
        line_end = head.find("\n", start)
        line = head[line_start: line_end if line_end >= 0 else len(head)].strip()
        if len(line) <= 20 and re.search(r"(?:人民政府|政府|委员会|网)$", line):
            found.append(_specific(chain))
    return [p for p in found if p is not None]


def _opening_at(norm: str) -> int | None:
    """Where the subject of the first paragraph stands: after the paragraph's year, its 在…领导下
    clause and addressees run on into it (国务院：2019年，我省…)."""
    offset = 0
    for line in norm.splitlines(keepends=True):
        if len(line.strip()) > 40:
            break
        offset += len(line)
    else:
        return None
    addressed = addressee_line(norm)
    if addressed and offset <= addressed[0] < addressed[1] < offset + 40:
        offset = addressed[1]
    return _OPENING.match(norm, offset).end()


_FORMULA = re.compile(r"现(?:将|就)(?=[^，。,；;\n]{2,40}?(?:报告|汇报)如下)")


def _formula_places(norm: str, spans) -> list[Place]:
    """The place the report formula names (现将郑东新区2025年度法治政府建设情况报告如下): the report's
    own words for its subject, as good as the opening's."""
    m = _FORMULA.search(norm, 0, 1500)
    return _subject_places(norm, spans, m.end()) if m else []


def _subject_places(norm: str, spans, at: int | None = None) -> list[Place]:
    """The place the first paragraph opens with, after its year and its 在…领导下 clause: the subject
    the report names (2023年，乌鲁木齐市坚持…; 2023年，高新区坚持… → the zone of the city named); or
    the place standing at `at`."""
    at = _opening_at(norm) if at is None else at
    if at is None:
        return []
    starts = _chain_starts([s for s, _, _ in spans], spans)
    chain = next((c for c, start in zip(_chains(spans), starts) if start == at), None)
    if chain:
        end = _chain_end(spans, at)
        zone = _title_zone(norm, at, end, chain[-1], spans) if chain[-1].level in ("province", "prefecture") else None
        return [zone or _specific(chain)]      # 2023年，某省某某经济区坚持…: the zone
    if zones.named_zone(norm, at) is not None:
        zone = _title_zone(norm, at, at, None, spans)
        if zone is not None:
            return [zone]
    found = zones.zone_at(norm, at)
    if found and found[1] in zones.bare_zones():
        home = _dominant([s for s in spans if s[2].level in ("prefecture", "county", "county-city")])
        if home is not None:
            return [zones.zone_place(home, found[1])]
    return []


_RANK = {"national": 4, "province": 3, "city": 2, "county": 1}


def _fits(place: Place, levels: tuple[str, ...]) -> bool:
    """Whether `place` is of one of `levels`; a municipality (北京市) is a province that is also a 市,
    an autonomous region (宁夏回族自治区) one that is also a 区 (我区, 全区, 区政府)."""
    if place.level in levels:
        return True
    return place.level == "province" and (place.name.endswith("市") and "prefecture" in levels
                                          or place.name.endswith("自治区") and "district" in levels)


def _writer_levels(norm: str, addressed) -> tuple[str, ...]:
    """The levels of place the writer is of, as the text declares them: the bodies its addressee line
    reports to (a government addressed is one level up; a committee of a lower level than every
    government addressed is the writer's own: 省政府、市委、市人大 → a city), or a level-word subject of
    the opening sentence (2019年，市政府坚持… / 我市…): the levels both allow, else whichever speaks.
    Empty when the text declares none (市委、市政府： alone tells nothing)."""
    told: tuple[str, ...] = ()
    if addressed is not None:
        writers = addressees()[1]
        govs = [lvl for lvl, kind in addressed[2] if kind == "government"]
        if govs:
            low = min(govs, key=_RANK.get)
            own = [lvl for lvl, kind in addressed[2] if kind == "committee" and _RANK[lvl] < _RANK[low]]
            told = writers.get((min(own, key=_RANK.get), "same") if own else (low, "below"), ())
    subject = _subject_level(norm)
    both = tuple(level for level in told if level in subject)
    return both or subject or told


def _subject_level(norm: str) -> tuple[str, ...]:
    """The levels a level-word subject of the opening sentence names (市政府坚持…, 我县…), not a party
    organ (省委…印发: in news the actor, not the writer) nor a scope (全省14个…)."""
    at = _opening_at(norm)
    if at is None:
        return ()
    words = "|".join(map(re.escape, sorted(_self_levels(), key=len, reverse=True)))
    m = re.compile(r"(?:[我本](" + words + r")(?![镇村委])|(" + words + r")(?:人民政府|政府))").match(norm, at)
    return _self_levels()[m.group(1) or m.group(2)] if m else ()


# Before a superior's organs: 落实自治区党委部署, 按照省政府要求 (_FOLLOWS); 在某县委领导下, 经县政府同意 may
# also name the writer's own party committee, so they only keep a place from being the issuer.
_FOLLOWS = re.compile(r"(?:落实|贯彻|按照|根据|依照|遵照)[^，,。；]{0,2}$")
_SUPERIOR_BEFORE = re.compile(r"(?:落实|贯彻|按照|根据|依照|遵照|在|经|向|受|由)[^，,。；]{0,2}$")


def _superior_places(norm: str, spans) -> list[Place]:
    """Places whose organs' deployments the report follows (落实某省委部署, 按照某市政府要求): superiors,
    not the writer."""
    found = []
    ends = {start: end for start, end, _ in spans}
    for chain, start in zip(_chains(spans), _chain_starts([s for s, _, _ in spans], spans)):
        end = ends[start]
        for _ in chain[1:]:
            end = ends[end]
        if _ISSUER.match(norm[end:end + 8]) and _FOLLOWS.search(norm[max(0, start - 6):start]):
            found.append(_specific(chain))
    return [p for p in found if p is not None]


def _issuer_places(norm: str, spans) -> list[Place]:
    """Places followed by 委/政府 in the opening lines: the issuer (泽州县委、县政府, 朔州委、政府), not a
    superior whose organs the report follows (落实某省委部署, 在某市委领导下)."""
    found = []
    early = [s for s in spans if s[0] < 600]
    ends = {start: end for start, end, _ in early}
    for chain, start in zip(_chains(early), _chain_starts([s for s, _, _ in early], early)):
        end = ends[start]
        for _ in chain[1:]:
            end = ends[end]                     # the chain's last name ends where the next begins
        if _ISSUER.match(norm[end:end + 8]) and not _SUPERIOR_BEFORE.search(norm[max(0, start - 6):start]):
            found.append(_specific(chain))
    return [p for p in found if p is not None]


def _add_frequency(spans, add) -> None:
    """Every mention counts a little, those near the top more; adjacent parents count less."""
    for chain in _chains(spans):
        for i, place in enumerate(chain):
            add(place, _w("mention") if i == len(chain) - 1 else _w("mention_parent"))
    for start, _, place in spans[:int(_w("early_mentions"))]:
        add(place, _w("early_mention"))


def _add_parents(gaz: Gazetteer, spans, add) -> Counter:
    """Each sub-unit named (a district, a county, a zone, a town) is a little evidence for its parent:
    a city paper that names 章贡区, 南康区 and 赣州经开区 is about 赣州市; a provincial report that
    names 蒙城县, 天长市 and 黟县 beside 全省 is about 安徽省. Returns how many distinct sub-units
    each parent has."""
    kids: dict[str, set[str]] = defaultdict(set)
    for _, _, place in spans:
        for i, code in enumerate(reversed(place.parent_codes or ())):
            parent = gaz.by_code(code) if code else None
            if parent is None:
                continue
            weight = _w("child_province") if parent.level == "province" else _w("child")
            if i == 0 or parent.level == "province":
                add(parent, weight)
                kids[_key(parent)].add(_key(place))
    return Counter({k: len(v) for k, v in kids.items()})


def _level_bonus(norm: str, places: dict[str, Place], scores: dict[str, float], helped: set[str]) -> None:
    """Self-references (我市, 全县) favour places of the level they name: places the text names, and
    parents of two sub-units or more (a city inferred from one district named in passing is not 我市).
    A municipality (北京市) is a province whose self-references are 市."""
    refs = Counter(m.group(1) for m in _self_pattern().finditer(norm))
    total = sum(refs.values())
    if not total:
        return
    for key, place in places.items():
        if key not in helped:
            continue
        own = sum(n for ch, n in refs.items() if _fits(place, _self_levels()[ch]))
        scores[key] += _w("self_reference") * own / total
        if place.level == "province" and own < total / 2:        # a municipality's are 我市, 全市
            scores[key] += _w("province_minority")
