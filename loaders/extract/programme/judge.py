"""Quoted strings → programme candidates: keep a quote only on evidence (thesaurus, head word, adoption
verb, frame), reject formulas, honours and slogans, and collect type votes for each kept one."""
from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.extract.programme import evidence as ev
from loaders.extract.programme.candidates import Quote
from loaders.lexicon import Concept, fold, thesaurus

__all__ = ["Candidate", "judge_chain", "list_gap"]

_LIST_GAP = re.compile(r"^[^，。；：！？,;:!?“”\n]{0,12}、$")


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
    """True when `chain` is the next item of a 、-list that `prev` began (开展“A”活动、“B”活动)."""
    return _LIST_GAP.match(norm[prev[-1].close:chain[0].start - 1]) is not None


def judge_chain(norm: str, chain: list[Quote], home_stems: frozenset[str],
                inherited_verb: str | None = None) -> tuple[list[Candidate], str | None]:
    """The candidates a chain of coordinated quotes yields, and the verb governing the chain.

    >>> t = "推行“企业安静期”制度，增强“四个意识”。"
    >>> from loaders.extract.programme.candidates import quotes, chains
    >>> [[c.name for c in judge_chain(t, ch, frozenset())[0]] for ch in chains(t, quotes(t))]
    [['企业安静期'], []]
    """
    last = chain[-1]
    verb = ev.verb_before(norm, chain[0].start - 1) or inherited_verb
    context = _Context(ev.post_head(norm, last.close), verb, ev.rejected_after(norm, last.close),
                       ev.honoured(norm, chain[0].start - 1))
    found = []
    for quote in chain:
        candidate = _judge(norm, quote, context, home_stems, single=len(chain) == 1)
        if candidate:
            found.append(candidate)
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


def _judge(norm: str, quote: Quote, ctx: _Context, home_stems: frozenset[str],
           single: bool) -> Candidate | None:
    if ctx.honoured:
        return None
    glued = _glued(norm, quote)
    if glued:
        name, end, concept = glued
        return Candidate(name, quote.start, end, concept, ((concept.type, 9.0),))
    name = quote.content(norm).strip()
    if quote.kind == "title":
        media = ctx.head and ctx.head[0] == "media"
        return Candidate(name, quote.start, quote.end, None, (("media", 3.0),)) if media else None
    if ev.bad_shape(name, home_stems):
        return None
    votes = _votes(norm, quote, name, ctx, single)
    if votes is None:
        return None
    start = quote.start + (len(quote.content(norm)) - len(quote.content(norm).lstrip()))
    lead = ev.leading_verb(name)
    if lead and not ctx.head:
        return Candidate(lead[0], quote.start + len(name) - len(lead[0]), quote.end, None,
                         votes or ((lead[1], 1.0),), alias=name)
    return Candidate(name, start, start + len(name), None, votes)


def _votes(norm: str, quote: Quote, name: str, ctx: _Context,
           single: bool) -> tuple[tuple[str, float], ...] | None:
    """Type votes for a quote, or None when nothing says it is a programme."""
    votes: list[tuple[str, float]] = []
    inner = ev.inner_head(name)
    strong_head = ctx.head is not None and ctx.head[1]
    if inner:
        votes.append((inner, 3.0))
    if ctx.head:
        votes.append((ctx.head[0], 3.5 if strong_head else 1.0))
    anchor = ev.anchored(norm, quote.start, quote.close) if single else None
    if anchor:
        votes.append((anchor, 3.0))
    if quote.kind == "open":
        return tuple(votes) if inner else None
    if inner or strong_head or anchor:
        if ev.weak_shape(name) and not strong_head:
            return None
        return tuple(votes)
    if ev.slogan(name) or ev.weak_shape(name) or ctx.rejected:
        return None
    if ctx.verb and len(fold(name)) >= (3 if ctx.head else 4):
        return tuple(votes) + ((ctx.verb, 1.0),)
    if ev.leading_verb(name):
        return ()
    return None
