"""Programme/initiative mentions → typed, merged `Programme` records with where each one runs.

Quoted names are kept on evidence (see `judge`), thesaurus programmes are also found unquoted,
spellings are merged (see `merge`), and each mention is attributed to a place (`attribution.where`).
"""
from __future__ import annotations

import re
from functools import lru_cache

from loaders import dicts
from loaders.lexicon import cues, heads
from loaders.extract.attribution import where
from loaders.extract.document import TITLE_SPAN
from loaders.extract.programme import features as fx
from loaders.segment import word_ends
from loaders.extract.programme.bare import COLLECTIVE, NAMING_TYPES, bare_names, head_pattern
from loaders.extract.programme.candidates import (Quote, chains, named_campaigns, one_stop, qualifier_before, quotes,
                                                 raw_labels)
from loaders.extract.programme.judge import Candidate, assess_chain, list_gap, vote
from loaders.extract.programme.model import keep
from loaders.extract.programme.merge import Group, display, merge
from loaders.extract.programme.national import lexicon as thesaurus
from loaders.records import Place, Programme
from loaders.text import Text

__all__ = ["extract"]

_STATUS_ORDER = ("pilot", "rollout", "plan")
_CLAUSE = re.compile(r"[，,。；;！？!?\n]")
_NEAR = 20          # a platform this close after a programme, in its sentence, is taken as its app
# The level of government opening a local name (县政府…, 区级…), not part of what the programme is.
_LEVEL = re.compile(r"^[省市州县区旗镇乡](?=政府|人民政府|党委|委|级)(?:级)?")
_PLACE_SUFFIX = re.compile(r"(?:省|市|县|区|旗|盟|自治州|地区|新区|高新区|开发区)$")


def extract(text: Text, place: Place | None) -> list[Programme]:
    """Every programme the text names, in order of first mention.

    >>> t = Text.make("a.txt", "全县推行“企业安静期”制度，开发“企静通”小程序。坚持谁执法谁普法。")
    >>> [(p.name, p.type) for p in extract(t, None)]
    [('企业安静期', 'institution'), ('企静通', 'platform'), ('谁执法谁普法', 'institution')]
    """
    found = quotes(text.norm)
    candidates, refused = _quoted(text.norm, found, _stems(place))
    candidates += _unquoted(text.norm, candidates, refused)
    bare, within = _bare(text.norm, found, candidates)
    candidates = [c for c in candidates if id(c) not in within] + bare
    groups = merge(candidates)
    related = _related(text, groups)
    return [_programme(text, place, g, related.get(id(g), ())) for g in groups]


def _stems(place: Place | None) -> frozenset[str]:
    """The short names of the reporting place and its parents (朔州市 → 朔州)."""
    if place is None:
        return frozenset()
    names = (place.name, place.label) + tuple(place.parents)
    return frozenset(_PLACE_SUFFIX.sub("", n) for n in names) | frozenset(names)


def _quoted(norm: str, found_quotes: list[Quote], stems: frozenset[str]) -> tuple[list[Candidate], list[Candidate]]:
    """The quoted candidates kept, and the thesaurus-named ones the model refused (“民主法治示范村”
    after 创建了国家级: an honour), so that the unquoted label pass does not bring them back. A quote
    coordinated with one the model keeps is kept with it unless its own evidence speaks against it."""
    found: list[Candidate] = []
    refused: list[Candidate] = []
    prev, prev_verb = None, None
    for chain in chains(norm, found_quotes):
        inherited = prev_verb if prev and list_gap(norm, prev, chain) else None
        assessed, verb = assess_chain(norm, chain, stems, inherited)
        peer_kept = len(assessed) > 1 and any(f is not None and keep(f) for _, f in assessed)
        for cand, feats in assessed:
            if feats is None or keep(feats) or (peer_kept and _like_its_peers(feats)):
                found.append(cand)
            elif cand.concept is not None:
                refused.append(cand)
        prev, prev_verb = chain, verb
    return found, refused


_UNLIKE = ("shape:", "honour-", "name-honour", "rejected-after", "lexicon")


def _like_its_peers(feats: dict[str, float]) -> bool:
    """Whether a quote the model doubts may share the decision of a coordinated quote it kept
    (“A”和“B”: coordinated names are of one kind): nothing about its own shape, an honour or a
    rejecting word speaks against it, and it is no thesaurus name decided on its own."""
    return not any(k.startswith(_UNLIKE) for k in feats if k not in ("shape:multipart", "shape:handling"))


def _unquoted(norm: str, quoted: list[Candidate], refused: list[Candidate] = ()) -> list[Candidate]:
    """Thesaurus labels not inside a kept or refused quoted mention, then unquoted named campaigns
    and one-stop reform slogans (一窗受理)."""
    taken = [(c.start, c.end) for c in list(quoted) + list(refused)]
    found = [_qualified(norm, s, e, concept, taken) for s, e, concept in raw_labels(norm)
             if not any(a < e and s < b for a, b in taken) and word_ends(norm, s, e)]
    taken += [(c.start, c.end) for c in found]
    found += [Candidate(norm[s:e], s, e, None, (("campaign", vote("named-campaign")),))
              for s, e in named_campaigns(norm) if not any(a < e and s < b for a, b in taken)]
    taken += [(c.start, c.end) for c in found]
    return found + [Candidate(norm[s:e], s, e, None, (("reform", vote("one-stop")),))
                    for s, e in one_stop(norm) if not any(a < e and s < b for a, b in taken)]


def _qualified(norm: str, start: int, end: int, concept, taken) -> Candidate:
    """An unquoted thesaurus label, with the quoted qualifier written right before it when there is
    one and it is no programme of its own (“小切口”法治督察: a variant of 法治督察, named so; the label
    stays its concept and the whole spelling an alias).

    >>> t = "开展“小切口”法治督察，推行“双随机”抽查。"
    >>> from loaders.extract.programme.candidates import raw_labels
    >>> [_qualified(t, s, e, c, []).name for s, e, c in raw_labels(t) if t[s:e] == "法治督察"]
    ['小切口法治督察']
    """
    votes = ((concept.type, vote("thesaurus")),)
    m = qualifier_before(norm, start)
    if m is None or any(a < start and m.start() < b for a, b in taken):
        return Candidate(norm[start:end], start, end, concept, votes, alias=_surface(norm, start, end))
    return Candidate(m.group(1) + norm[start:end], m.start(), end, concept, votes)


def _surface(norm: str, start: int, end: int) -> str | None:
    """The label as the report writes it around a thesaurus name, when that adds a scope word before
    it or a head word after it (全国法治政府建设示范创建活动): a spelling seen, kept as an
    alias so that the report's own name finds the programme.

    >>> t = "组织开展第二批全国法治政府建设示范创建活动。"
    >>> _surface(t, 9, 19)
    '全国法治政府建设示范创建活动'
    >>> _surface("聘请法律顾问，审查合同", 2, 6) is None
    True
    """
    lo = next((start - len(w) for w in cues("scope") if norm.startswith(w, start - len(w))), start)
    hi = end + next((len(w) for w in _surface_heads() if norm.startswith(w, end)), 0)
    return norm[lo:hi] if (lo, hi) != (start, end) and word_ends(norm, lo, hi) else None


@lru_cache(maxsize=1)
def _surface_heads() -> tuple[str, ...]:
    words = {w for w, _, where, _ in heads() if where in ("post", "both")}
    return tuple(sorted(words, key=len, reverse=True))


def _bare(norm: str, found_quotes: list[Quote], kept: list[Candidate]) -> tuple[list[Candidate], set[int]]:
    """Unquoted names ending in an institution/reform/mechanism head, kept on the model's evidence,
    and the ids of the unquoted thesaurus mentions such a name contains: the longer spelling is the
    mention of that programme (区政府常务会议学法制度 around the label 政府常务会议学法制度)."""
    mask = bytearray(len(norm) + 1)
    for q in found_quotes:
        mask[max(0, q.start - 1):q.close] = b"\x01" * (q.close - max(0, q.start - 1))
    for m in TITLE_SPAN.finditer(norm):               # a 《》 title names a document: no bare name inside it
        mask[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    out, within = [], set()
    for b in bare_names(norm, lambda i: bool(mask[i])):
        overlapping = [c for c in kept if c.start < b.end and b.start < c.end]
        inner = overlapping[0] if len(overlapping) == 1 else None
        if overlapping and not (inner and inner.concept and b.start <= inner.start and inner.end <= b.end
                                and inner.end - inner.start < b.end - b.start):
            continue
        if not keep(bare_features(norm, b)):
            continue
        if inner:
            out.append(Candidate(b.name(norm), b.start, b.end, inner.concept, inner.votes))
            within.add(id(inner))
        else:
            out.append(Candidate(b.name(norm), b.start, b.end, None, ((b.type, vote("bare-head")),)))
    return out, within


def bare_features(norm: str, b) -> dict[str, float]:
    """The model's features for an unquoted candidate (shared with the training script)."""
    name = b.name(norm)
    return fx.bare(norm, b.start, b.end, b.head, b.type, b.before, norm.count(name), shared=b.shared,
                  paired=b.paired)


def _status(text: Text, start: int, end: int) -> str | None:
    s, e = text.sentence_span(start)
    cuts = [m.end() for m in _CLAUSE.finditer(text.norm, s, start)]
    stop = _CLAUSE.search(text.norm, end, e)
    clause = text.norm[cuts[-1] if cuts else s:stop.start() if stop else e]
    found = {dicts.table("programme_status.tsv")[m.group()] for m in _status_re().finditer(clause)}
    return next((k for k in _STATUS_ORDER if k in found), None)


@lru_cache(maxsize=1)
def _status_re() -> re.Pattern:
    words = sorted(dicts.table("programme_status.tsv"), key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words))


def _related(text: Text, groups: list[Group]) -> dict[int, tuple[str, ...]]:
    """Thesaurus relations, plus a platform launched in the same sentence as a programme (its app)."""
    out: dict[int, list[str]] = {id(g): list(g.concept.related) if g.concept else [] for g in groups}
    platforms = [(c, g) for g in groups if g.type() == "platform" for c in g.members]
    others = [(c, g) for g in groups if g.type() != "platform" for c in g.members]
    for (c, g), (d, h) in ((a, b) for a in others for b in platforms):
        if 0 <= d.start - c.end <= _NEAR and text.sentence_span(c.start) == text.sentence_span(d.start):
            for x, y in ((g, h), (h, g)):
                if y.name() not in out[id(x)]:
                    out[id(x)].append(y.name())
    return {k: tuple(v) for k, v in out.items()}


def _programme(text: Text, home: Place | None, group: Group, related: tuple[str, ...]) -> Programme:
    mentions, places, statuses = [], {}, []
    for cand in group.members:
        if any(m.start < cand.end and cand.start < m.end for m in mentions):
            continue
        mentions.append(text.mention(cand.start, cand.end))
        place = where(text, cand.start, cand.end, home)
        if place is not None:
            places.setdefault(place.label, place)
        statuses.append(_status(text, cand.start, cand.end))
    status = next((k for k in _STATUS_ORDER if k in statuses), None)
    aliases = tuple(dict.fromkeys(a for a in group.aliases() + _spellings(text.norm, group)
                                  + _unplaced(group.name(), _stems(home)) if a != group.name()))
    return Programme(group.name(), group.type(), aliases, tuple(places.values()),
                     tuple(mentions), status, related)


def _spellings(norm: str, group: Group) -> tuple[str, ...]:
    """Spellings the text writes besides its mentions: a name or thesaurus label with the head word
    written right after it (容缺受理 + 机制, “企业安静期”制度), and the name without its head word where
    the text also writes that stem alone (府院联席会议制度 … 召开府院联席会议), and a local name
    without the level of government that opens it (县政府立法联系点 → 政府立法联系点).

    >>> _spellings("推行“企业安静期”制度，", merge([Candidate("企业安静期", 3, 8)])[0])
    ('企业安静期制度',)
    >>> _spellings("建立府院联席会议制度，召开府院联席会议3次。", merge([Candidate("府院联席会议制度", 2, 10)])[0])
    ('府院联席会议',)
    >>> _spellings("设立县政府立法联系点。", merge([Candidate("县政府立法联系点", 2, 10)])[0])
    ('政府立法联系点',)
    >>> _spellings("落实规范性文件“三统一”制度。", merge([Candidate("规范性文件三统一", 2, 11)])[0])
    ('规范性文件三统一制度',)
    """
    pattern = head_pattern(NAMING_TYPES)
    names = {display(c.name) for c in group.members}
    if group.concept:
        names.update((group.concept.name,) + group.concept.labels)
    out = []
    for name in sorted(names, key=len, reverse=True):
        if len(name) < 2 or name[-1:] == "制" or any(m.end() == len(name) for m in pattern.finditer(name)):
            continue
        for m in re.finditer(re.escape(name) + "[”’」』]?", norm):
            found = pattern.match(norm, m.end())
            if found:
                out.append(name + found.group())
    for c in group.members:                      # 规范性文件“三统一”制度: the mention itself, then its head word
        end = c.end + (norm[c.end:c.end + 1] in "”’」』")
        found = pattern.match(norm, end)
        if found and not any(m.end() == len(c.name) for m in pattern.finditer(display(c.name))):
            out.append(display(c.name) + found.group())
    name = group.name()
    level = _LEVEL.match(name)
    if level and len(name) - level.end() >= 4:
        out.append(name[level.end():])
    tail = next((m for m in pattern.finditer(name) if m.end() == len(name)), None)
    if tail and tail.start() >= 4 and norm.count(name[:tail.start()]) > norm.count(name):
        out.append(name[:tail.start()])
    out += _piloted(name) + _unversioned(name) + _unlisted(name)
    if group.type() == "platform":
        out += _unclassified(name)
    return tuple(dict.fromkeys(out))


def _unplaced(name: str, stems: frozenset[str]) -> tuple[str, ...]:
    """A local name without the reporting place (or a parent) that opens it (沈阳市党员领导干部学法用法制度
    → 党员领导干部学法用法制度): the programme as other reports of the place name it.

    >>> _unplaced("朔州市行政复议体制改革", frozenset({"朔州市", "朔州"})), _unplaced("朔州品牌", frozenset({"朔州"}))
    (('行政复议体制改革',), ())
    """
    for stem in sorted(stems, key=len, reverse=True):
        if len(stem) >= 2 and name.startswith(stem) and len(name) - len(stem) >= 4:
            rest = name[len(stem):]
            rest = rest[1:] if rest[:1] == "级" else rest
            return (rest,) if len(rest) >= 4 else ()
    return ()


_BRAND_MAX = 6


def _unclassified(name: str) -> list[str]:
    """An app's brand without the word for its carrier (浙里办APP → 浙里办, 随申办小程序 → 随申办): the
    brand is how the app is known. Not for a 平台 nor a stem that names a programme (免申即享平台 is the
    tool serving 免申即享, another entity); a long descriptive stem is no brand.

    >>> _unclassified("浙里办APP"), _unclassified("民情通小程序"), _unclassified("企业开办平台")
    (['浙里办'], ['民情通'], [])
    >>> _unclassified("一网通办小程序"), _unclassified("行政执法综合管理监督信息小程序")
    ([], [])
    """
    carrier = next((c for c in dicts.words("programme_app_carriers.txt") if name.endswith(c)), None)
    stem = name[:-len(carrier)] if carrier else ""
    if not 2 <= len(stem) <= _BRAND_MAX or not re.fullmatch(r"[\u4e00-\u9fffA-Za-z0-9+]+", stem):
        return []
    return [] if thesaurus().get(stem) else [stem]


_COLLECTIVE_AFTER_LIST = re.compile(rf"^(?:[\u4e00-\u9fff]{{1,4}}、)+[\u4e00-\u9fff]{{1,4}}?(?={COLLECTIVE})")


def _unlisted(name: str) -> list[str]:
    """A name opening with the 、-list its collective numeral counts, without the list (乡、村、网格三级
    联动体系 → 三级联动体系): how other reports write the same kind of system. Not when what is left
    is too short to say what is counted (实体、网络、热线三大平台 → 三大平台 names nothing).

    >>> _unlisted("乡、村、网格三级联动体系"), _unlisted("实体、网络、热线三大平台"), _unlisted("法律顾问、公职律师制度")
    (['三级联动体系'], [], [])
    """
    m = _COLLECTIVE_AFTER_LIST.match(name)
    return [name[m.end():]] if m and len(name) - m.end() >= 5 else []


_VERSION = re.compile(r"\d+(?:\.\d+)+版?$")


def _unversioned(name: str) -> list[str]:
    """The name without the version and head word after it (企业开办直通车2.0系统 → 企业开办直通车):
    the same programme in its upgraded release.

    >>> _unversioned("企业开办直通车2.0系统"), _unversioned("综合窗口2.0改革"), _unversioned("12345热线")
    (['企业开办直通车'], ['综合窗口'], [])
    """
    tail = next((m for m in head_pattern().finditer(name) if m.end() == len(name)), None)
    stem = name[:tail.start()] if tail else name
    version = _VERSION.search(stem)
    return [stem[:version.start()]] if version and version.start() >= 4 else []


def _piloted(name: str) -> list[str]:
    """The institution or reform a pilot tries out, when the pilot's name is that name with the pilot
    word after it (X改革试点 → X改革, X制度试点 → X制度): the same programme, piloted.

    >>> _piloted("宅基地审批制度改革试点"), _piloted("依法治县示范试点")
    (['宅基地审批制度改革'], [])
    """
    for word in dicts.words("programme_pilot_words.txt"):
        stem = name[:-len(word)]
        headed = any(m.end() == len(stem) for m in head_pattern().finditer(stem))
        if name.endswith(word) and len(stem) >= 4 and headed:
            return [stem]
    return []
