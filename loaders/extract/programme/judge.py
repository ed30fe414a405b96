"""Quoted strings → programme candidates: each quote's evidence becomes features (`features`), the
logistic `model` decides, and the evidence also votes for the candidate's type."""
from __future__ import annotations

import re
from dataclasses import dataclass

from loaders import dicts
from loaders.extract.programme import evidence as ev
from loaders.extract.programme import features as fx
from loaders.extract.programme.candidates import Quote, qualifier_before
from loaders.extract.programme.model import keep
from loaders.extract.programme.national import lexicon as thesaurus
from loaders.lexicon import Concept, fold, heads, verbs
from loaders.segment import tagged

__all__ = ["Candidate", "judge_chain", "assess_chain", "list_gap", "vote"]

_LIST_GAP = re.compile(r"^[^，。；：！？,;:!?“”\n]{0,12}(?:、|和|及|以及|与)$")
_NOUN_TAGS = ("n", "nz", "vn")
_NOT_A_NAME = ("no words", "date", "too long")


def vote(evidence: str) -> float:
    """The weight a piece of type evidence carries (`loaders/dicts/programme_type_votes.tsv`).

    >>> vote("thesaurus") > vote("verb")
    True
    """
    return dicts.weights("programme_type_votes.tsv")[evidence]


@dataclass(frozen=True)
class Candidate:
    """One mention of a would-be programme: spelling, span, thesaurus concept, type votes."""

    name: str
    start: int
    end: int
    concept: Concept | None = None
    votes: tuple[tuple[str, float], ...] = ()
    alias: str | None = None           # another spelling seen at this mention (the unstripped quote)


@dataclass(frozen=True)
class _Context:
    head: tuple[str, bool] | None      # head word after the chain's last quote
    verb: str | None                   # adoption verb before the chain (or its list)
    rejected: bool                     # “X”原则 / “X”作用 …
    honoured: bool                     # 被评为“X”


def list_gap(norm: str, prev: list[Quote], chain: list[Quote]) -> bool:
    """True when `chain` is the next item of a list that `prev` began (开展“A”活动、“B”活动; 开展“A”专项行动
    和“B”行动): the verb governing `prev` governs it too."""
    return _LIST_GAP.match(norm[prev[-1].close:chain[0].start - 1]) is not None


def judge_chain(norm: str, chain: list[Quote], home_stems: frozenset[str],
                inherited_verb: str | None = None) -> tuple[list[Candidate], str | None]:
    """The candidates a chain of coordinated quotes yields, and the verb governing the chain.

    >>> t = "推行“企业安静期”制度，增强“四个意识”。"
    >>> from loaders.extract.programme.candidates import quotes, chains
    >>> [[c.name for c in judge_chain(t, ch, frozenset())[0]] for ch in chains(t, quotes(t))]
    [['企业安静期'], []]
    """
    assessed, verb = assess_chain(norm, chain, home_stems, inherited_verb)
    return [c for c, f in assessed if f is None or keep(f)], verb


def assess_chain(norm: str, chain: list[Quote], home_stems: frozenset[str],
                 inherited_verb: str | None = None) -> tuple[list[tuple[Candidate, dict | None]], str | None]:
    """Every candidate of a chain with its features (None: kept by a structural rule, no decision)."""
    last = chain[-1]
    verb = ev.verb_before(norm, chain[0].start - 1) or inherited_verb
    context = _Context(ev.post_head(norm, last.close), verb, ev.rejected_after(norm, last.close),
                       ev.honoured(norm, chain[0].start - 1))
    found = []
    named = [_glued(norm, q) is not None for q in chain]
    for i, quote in enumerate(chain):
        peer_named = any(n for j, n in enumerate(named) if j != i)
        assessed = _assess(norm, quote, context, home_stems, single=len(chain) == 1, peer_named=peer_named)
        if assessed:
            found.append(assessed)
    return found, verb


def _glued(norm: str, quote: Quote) -> tuple[str, int, Concept] | None:
    """A thesaurus programme the quote names, alone or with the word glued after it (“七五”普法)."""
    content = quote.content(norm).strip()
    concept = thesaurus().get(content)
    if concept:
        return content, quote.end, concept
    if quote.kind != "quote":
        return None
    for k in (4, 3, 2):
        tail = norm[quote.close:quote.close + k]
        concept = thesaurus().get(content + tail) if ev._STOP.search(tail) is None else None
        if concept:
            return norm[quote.start:quote.close + k], quote.close + k, concept
    return None


def _assess(norm: str, quote: Quote, ctx: _Context, home_stems: frozenset[str],
            single: bool, peer_named: bool = False) -> tuple[Candidate, dict | None] | None:
    name = quote.content(norm).strip()
    if quote.kind == "title":
        media = ctx.head and ctx.head[0] == "media" and not ctx.honoured
        return (Candidate(name, quote.start, quote.end, None, (("media", vote("media-title")),)), None) \
            if media else None
    hotline = ev.service_number(norm, quote.start, quote.end, quote.close)
    if hotline:
        return Candidate(name + norm[quote.close:hotline], quote.start, hotline, None,
                         (("platform", vote("hotline")),), alias=name), None
    formula = ev.numbered_formula(norm, quote.start, quote.end, quote.close) if quote.kind == "quote" else None
    if formula:
        full = name + norm[quote.close:formula]
        kind = next((k for w, k, where, _ in heads() if where != "in" and full.endswith(w)), None)
        return Candidate(full, quote.start, formula, None,
                         ((kind, vote("strong-head")),) if kind else (), alias=name), None
    if ev.bad_shape(name, home_stems) in _NOT_A_NAME and not _glued(norm, quote):
        return None                    # one character, a date, a paragraph: no name to decide on
    anchor = ev.anchored(norm, quote.start, quote.close) if single else None
    feats = fx.quoted(norm, quote.start, quote.close, name, kind=quote.kind, head=ctx.head, verb=ctx.verb,
                      rejected=ctx.rejected, honoured=ctx.honoured, anchored=anchor, lexicon=False,
                      stems=home_stems, elsewhere=norm.count(name) if name else 0,
                      peers=0 if single else 2, peer_named=peer_named)
    glued = _glued(norm, quote)
    if glued:
        gname, end, concept = glued
        feats = dict(feats, lexicon=1.0)
        return Candidate(gname, quote.start, end, concept, ((concept.type, vote("thesaurus")),)), feats
    if quote.kind == "quote" and qualifier_before(norm, quote.close):
        return None                    # “小切口”法治督察: the qualifier of the programme named after it
    votes = _votes(name, ctx, anchor)
    running = fx.verb_after(norm, quote.close) if not votes else None
    if running:                        # “X”正式上线: typed by what was done with it
        votes = ((running, vote("verb")),)
    start = quote.start + (len(quote.content(norm)) - len(quote.content(norm).lstrip()))
    lead = ev.leading_verb(name)
    if lead and not ctx.head:
        return Candidate(lead[0], quote.start + len(name) - len(lead[0]), quote.end, None,
                         votes or ((lead[1], vote("leading-verb")),), alias=name), feats
    prefix = _compound_prefix(norm, quote) if quote.kind == "quote" else ""
    if prefix:
        return Candidate(prefix + name, start - 1 - len(prefix), start + len(name), None, votes,
                         alias=name), feats
    return Candidate(name, start, start + len(name), None, votes), feats


def _votes(name: str, ctx: _Context, anchor: str | None) -> tuple[tuple[str, float], ...]:
    """Type votes for a quote: its own head word, the head after it, a frame, the verb before it."""
    votes: list[tuple[str, float]] = []
    inner = ev.inner_head(name)
    if inner:
        votes.append((inner, vote("inner-head")))
    if ctx.head:
        votes.append((ctx.head[0], vote("strong-head") if ctx.head[1] else vote("weak-head")))
    if anchor:
        votes.append((anchor, vote("anchor")))
    if ctx.verb and not votes:
        votes.append((ctx.verb, vote("verb")))
    return tuple(votes)


def _compound_prefix(norm: str, quote: Quote) -> str:
    """The unquoted first word of a name written half in quotes (企业“安静期” → 企业), or ''.

    >>> from loaders.extract.programme.candidates import quotes
    >>> t = "实行企业“安静期”，总结“三明五步”工作法。落实规范性文件“三统一”制度。"
    >>> [_compound_prefix(t, q) for q in quotes(t)]
    ['企业', '', '规范性文件']
    """""
    opening = quote.start - 1
    m = re.search(r"[\u4e00-\u9fff]{2,6}$", norm[max(0, opening - 6):opening])
    if not m:
        return ""
    words = tagged(m.group())
    # the nouns that end right before the quote, as one word (规范性 + 文件 → 规范性文件“三统一”)
    nouns = []
    for word, tag in reversed(words):
        if tag not in _NOUN_TAGS[:2] or word in dicts.words("programme_bare_stop.txt") \
                or any(word.endswith(v) for v in verbs()) or fold(word) != word:
            break
        nouns.insert(0, word)
    # Only where the noun is plainly part of the name: an adoption verb governs it (实行企业“安静期”),
    # or the report writes the whole name elsewhere. The longest such run of nouns is the word.
    for i in range(len(nouns)):
        word = "".join(nouns[i:])
        if len(word) < 2:
            continue
        whole = word + quote.content(norm).strip()
        if ev.verb_before(norm, opening - len(word)) is not None or norm.count(whole) > 0:
            return word
    return ""
