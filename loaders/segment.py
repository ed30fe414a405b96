"""Sentence splitting with offsets: (start, end) spans of the text, each a sentence or a heading line.

A sentence ends at 。！？； (or ASCII !?;) and at every line break. Enders inside a balanced 《…》,
“…” or 「…」 on the same line do not split. An opener with no closer on its line (messy text) is an
ordinary character, so an unbalanced quote never swallows more than its own sentence. Numbered
headings (一、… （一）… 第一章 … 1. …) are sentences of their own even when text follows on the line.

Words: the module owns one jieba `Tokenizer` (built on first use, its cache in a private file) and cuts
only the short spans a decision needs (`cut`, `tagged`), never whole reports.
"""
from __future__ import annotations

import os
import re
import tempfile
from functools import lru_cache

__all__ = ["split_sentences", "MAX_SENTENCE", "tokenizer", "cut", "tagged", "word_ends"]

_ENDERS = set("。！？；!?;")
_TRAILERS = set("。！？；!?;”’」』)）》〉…")
_PAIRS = {"《": ("》", 150), "〈": ("〉", 100), "“": ("”", 250), "「": ("」", 250), "『": ("』", 250)}
_NUM = "一二三四五六七八九十百零〇"
_HEADING = re.compile(rf"(?:第[{_NUM}\d]+[章节部分条篇]|[{_NUM}]+[、．.]|[（(][{_NUM}\d]{{1,3}}[）)]"
                      rf"|\d{{1,2}}[、．](?!\d)|\d{{1,2}}\.(?!\d)|[①-⑳])\s*")
_INLINE_HEADING = re.compile(rf"\s+(?=[（(][{_NUM}]{{1,3}}[）)]|[{_NUM}]{{1,3}}、)")
_HEADING_MAX = 40
# Longer than any real sentence (the seeds' longest is under 350 characters). Text without 。 would
# otherwise be one sentence, and extractors that scan a sentence per mention go quadratic.
MAX_SENTENCE = 600
_PAUSES = "，,、 "


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Split `text` into sentence spans, trimmed of surrounding white space.

    >>> t = "一是开展试点。二是推广经验！\\n标题行\\n"
    >>> [t[s:e] for s, e in split_sentences(t)]
    ['一是开展试点。', '二是推广经验！', '标题行']
    >>> t = "（一）强化组织领导 县政府印发《关于“双随机”。的通知》。他说“好\\n下一行。"
    >>> [t[s:e] for s, e in split_sentences(t)]
    ['（一）强化组织领导', '县政府印发《关于“双随机”。的通知》。', '他说“好', '下一行。']
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for line in text.split("\n"):
        _split_line(text, start, start + len(line), spans)
        start += len(line) + 1
    return spans


def _split_line(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    i = sentence = _heading_end(text, start, end, spans)
    while i < end:
        ch = text[i]
        if ch in _PAIRS:
            close = _closing(text, i, end)
            i = i + 1 if close is None else close + 1
        elif ch in _ENDERS:
            i = _after_trailers(text, i, end)
            _add(spans, text, sentence, i)
            i = sentence = _heading_end(text, i, end, spans)
        elif ch.isspace() and text[sentence:i].strip() and _INLINE_HEADING.match(text, i, end):
            _add(spans, text, sentence, i)
            i = sentence = _heading_end(text, i, end, spans)
        else:
            i += 1
    _add(spans, text, sentence, end)


def _heading_end(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> int:
    """If a numbered heading starts at `start` and is followed on its line by a space and more text,
    add the heading as a sentence and return where the rest begins; otherwise return `start`."""
    pos = start
    while pos < end and text[pos].isspace():
        pos += 1
    m = _HEADING.match(text, pos, end)
    if not m:
        return start
    i = m.end()
    limit = min(end, i + _HEADING_MAX)
    while i < limit and not text[i].isspace() and text[i] not in _ENDERS:
        i += 1
    if i >= limit or text[i] in _ENDERS or i == m.end() or not text[i:end].strip():
        return start
    _add(spans, text, pos, i)
    return i


def _closing(text: str, i: int, end: int) -> int | None:
    """Index of the closer matching the opener at `i`, on the same line and near enough; else None."""
    opener = text[i]
    closer, reach = _PAIRS[opener]
    depth = 0
    for j in range(i, min(end, i + reach)):
        if text[j] == opener:
            depth += 1
        elif text[j] == closer:
            depth -= 1
            if depth == 0:
                return j
    return None


def _after_trailers(text: str, i: int, end: int) -> int:
    while i < end and text[i] in _TRAILERS:
        i += 1
    return i


def _add(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:  # a text without sentence ends: cut at a comma (linear extraction)
        cut = _last_pause(text, start, start + MAX_SENTENCE)
        _add(spans, text, start, cut)
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        spans.append((start, end))


def _last_pause(text: str, start: int, limit: int) -> int:
    """Where to cut an over-long sentence: after the last comma-like pause before `limit`.

    >>> _last_pause("甲" * 400 + "，" + "乙" * 400, 0, MAX_SENTENCE)
    401
    """
    cut = max(text.rfind(p, start + MAX_SENTENCE // 2, limit) for p in _PAUSES)
    return cut + 1 if cut >= 0 else limit


@lru_cache(maxsize=1)
def tokenizer():
    """The project's one jieba Tokenizer, built once per process with a private cache file."""
    import logging

    import jieba                                  # heavy: only when a decision needs words
    jieba.setLogLevel(logging.WARNING)
    tk = jieba.Tokenizer()
    tk.tmp_dir = tempfile.gettempdir()
    tk.cache_file = f"govkg-jieba-{os.getuid() if hasattr(os, 'getuid') else 0}.cache"
    tk.initialize()
    return tk


@lru_cache(maxsize=1)
def _pos_tokenizer():
    from jieba.posseg import POSTokenizer
    return POSTokenizer(tokenizer())


@lru_cache(maxsize=8192)
def cut(span: str) -> tuple[str, ...]:
    """The words of a short span (precise mode, no HMM guesses for unseen words).

    >>> cut("全面推行政府法律顾问制度")[-1]
    '制度'
    """
    return tuple(tokenizer().cut(span, HMM=False))


@lru_cache(maxsize=8192)
def tagged(span: str) -> tuple[tuple[str, str], ...]:
    """(word, part-of-speech) pairs of a short span.

    >>> tagged("推行企业")[-1]
    ('企业', 'n')
    """
    return tuple((p.word, p.flag) for p in _pos_tokenizer().cut(span, HMM=False))


def word_ends(norm: str, start: int, end: int) -> bool:
    """Whether a word ends at `end` (jieba decides, on a few characters around it): an unquoted
    name is one only where a word ends with it: 掌上办 in 掌上办理 is the start of
    the verb 办理, not the programme.

    >>> word_ends("412个事项实现掌上办理。", 8, 11), word_ends("全面推行掌上办，群众少跑腿。", 4, 7)
    (False, True)
    """
    if end >= len(norm) or not "\u4e00" <= norm[end] <= "\u9fff":
        return True
    lo = max(start, end - 2)
    at = lo
    for word in cut(norm[lo:end + 2]):
        at += len(word)
        if at == end:
            return True
        if at > end:
            return False
    return True
