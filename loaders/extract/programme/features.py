"""The evidence about one programme candidate as named features (``name → value``), for `model`.

Features say what precedes and follows the candidate (the adoption verb, the head word, the first and
last words around it), what the name itself looks like (its own head, length, digits, formula or list
shape, lexicon hits) and how the same name behaves elsewhere in the report. Words come from the one
jieba tokenizer (`loaders.segment.cut`), applied to the few characters around the candidate only.
"""
from __future__ import annotations

import re
from functools import lru_cache

from loaders import dicts
from loaders.extract.programme import evidence as ev
from loaders.lexicon import cues, fold, heads, verbs
from loaders.segment import cut, tagged, tokenizer

__all__ = ["quoted", "bare", "next_word", "prev_word", "length_bucket"]

_PUNCT = re.compile(r"[，,、；;：:。！？!?\n（）()]")
_WIDE = str.maketrans(",;:!?()", "，；：！？（）")      # one feature whichever width the page used
_CJK = re.compile(r"[\u4e00-\u9fff]")
_FIRST_THEN = re.compile(r"^先[\u4e00-\u9fff]{1,3}后[\u4e00-\u9fff]{1,3}$")
_COMMON = 20          # jieba dictionary frequency from which a one-word name is an everyday word


def length_bucket(name: str) -> str:
    """A coarse length class of a folded name.

    >>> length_bucket("秒批"), length_bucket("一网通办"), length_bucket("一件事一次办")
    ('len:2', 'len:4', 'len:5-7')
    """
    n = len(fold(name))
    return "len:" + ("1" if n <= 1 else "2" if n == 2 else "3" if n == 3 else "4" if n == 4
                     else "5-7" if n <= 7 else "8-12" if n <= 12 else "13+")


def next_word(norm: str, pos: int) -> str:
    """The word right after `pos` (a closing quote): punctuation as itself, else the first two
    characters of jieba's first word (工作专班 → 工作), so that evidence generalises.

    >>> next_word("“安静期”制度，", 5), next_word("“秒批”，", 4), next_word("“X”工作专班", 3)
    ('制度', '，', '工作')
    """
    if pos >= len(norm):
        return "END"
    if _PUNCT.match(norm, pos) or not _CJK.match(norm, pos):
        return norm[pos].translate(_WIDE) if _PUNCT.match(norm, pos) else "OTHER"
    span = re.match(r"[\u4e00-\u9fff]{1,8}", norm[pos:]).group()
    return cut(span)[0][:2]


def prev_word(norm: str, pos: int) -> str:
    """The word right before `pos` (an opening quote): punctuation as itself, else the last two
    characters of jieba's last word (全面推行 → 推行).

    >>> prev_word("全面推行“X”", 4), prev_word("检查“一网统管”", 2), prev_word("。“X”", 1)
    ('推行', '检查', '。')
    """
    if pos <= 0:
        return "START"
    ch = norm[pos - 1]
    if not _CJK.match(ch):
        return ch.translate(_WIDE) if _PUNCT.match(ch) else "OTHER"
    span = re.search(r"[\u4e00-\u9fff]{1,8}$", norm[max(0, pos - 8):pos]).group()
    return cut(span)[-1][-2:]


def _shape(name: str, stems: frozenset[str]) -> dict[str, float]:
    out: dict[str, float] = {length_bucket(name): 1.0}
    key = fold(name)
    reason = ev.bad_shape(name, stems)
    if reason:
        out["shape:" + reason] = 1.0
    if ev.weak_shape(name):
        out["shape:numbered-formula"] = 1.0
    if ev.slogan(name):
        out["shape:slogan"] = 1.0
    elif ev.multipart(name):
        out["shape:multipart"] = 1.0
    if re.search(r"\d", key):
        out["shape:digits"] = 1.0
    if re.search(r"[A-Za-z]", key):
        out["shape:latin"] = 1.0
    if key[:1] == "第":
        out["shape:ordinal"] = 1.0
    if key:
        out["end:" + key[-1]] = 1.0
        if len(key) > 2:
            out["end2:" + key[-2:]] = 1.0            # 二十周年, 十五周年 → 周年, whichever way jieba cuts
        if _CJK.search(key):
            out["endword:" + cut(key)[-1]] = 1.0     # its last word: 十五周年 → 周年
    if _CJK.search(key) and len(cut(key)) == 1 and tokenizer().FREQ.get(key, 0) >= _COMMON:
        out["shape:common-word"] = 1.0        # an everyday word (组合拳, 风向标, 温度): a metaphor, not a name
    doc_type = next((t for t in dicts.words("document_types.txt") if len(t) >= 2 and key.endswith(t)), None)
    if doc_type and len(key) > len(doc_type):
        out["shape:document-type"] = 1.0     # 一规划两纲要, X实施方案: a document's name, not a programme's
    if _FIRST_THEN.match(key):
        out["shape:first-then"] = 1.0        # 先照后证, 先证后核, 先建后验: an order of procedure reversed
    if any(w in key for w in dicts.words("programme_handling_words.txt")):
        out["shape:handling"] = 1.0           # 一网通办, 最多跑一次, 秒批: how matters are handled
    inner = ev.inner_head(name)
    out["in:" + (inner or "none")] = 1.0
    if ev.leading_verb(name):
        out["shape:leading-verb"] = 1.0
    return out


def quoted(norm: str, start: int, close: int, name: str, *, kind: str, head: tuple[str, bool] | None,
           verb: str | None, rejected: bool, honoured: bool, anchored: str | None, lexicon: bool,
           stems: frozenset[str], elsewhere: int, peers: int = 0, peer_named: bool = False) -> dict[str, float]:
    """Features of a quoted name whose content starts at `start` and whose closing mark ends at `close`;
    `peers` > 0 when it is coordinated with other quotes (“A”和“B”), `peer_named` when one of those is
    a thesaurus programme (coordinated names are of one kind).

    >>> f = quoted("全面推行“企业安静期”制度，", 5, 11, "企业安静期", kind="quote", head=("institution", True),
    ...            verb="reform", rejected=False, honoured=False, anchored=None, lexicon=False,
    ...            stems=frozenset(), elsewhere=1)
    >>> f["post:institution:strong"], f["verb:reform"], f["next:制度"], f["prev:推行"]
    (1.0, 1.0, 1.0, 1.0)
    """
    out = {"bias": 1.0, "kind:" + kind: 1.0}
    out.update(_shape(name, stems))
    out["post:" + (f"{head[0]}:{'strong' if head[1] else 'weak'}" if head else "none")] = 1.0
    out["verb:" + (verb or "none")] = 1.0
    after, before = next_word(norm, close), prev_word(norm, start - 1)
    out["next:" + after] = 1.0
    # the word before a framed quote is the frame's own opener (以, 把, 将), which `anchor` describes
    out["prev:" + ("(frame)" if anchored else before)] = 1.0
    # Conjunctions the linear model cannot form itself: what follows means more with or without a verb.
    out[f"next:{after}|{'verb' if verb else 'noverb'}"] = 1.0
    if not head and not verb and not anchored:      # 以“X”为抓手 is a cue as a head word is
        out["no-cue"] = 1.0
    if "shape:slogan" in out and (head and head[1] or verb):
        # a quoted list is one name when a strong head word or an adoption verb governs it as a whole
        # (实行“统一登记、统一编号、统一发布”, “A、B”工作机制); alone it is mostly a slogan
        out["slogan-governed:" + ("head" if head and head[1] else "verb")] = 1.0
    if _CJK.match(before) and before not in cues("adverb") and not anchored:
        out["prev-tag:" + tagged(before)[-1][1][:1]] = 1.0
    if any(cue in fold(name) for cue in cues("honour-after")):
        out["name-honour"] = 1.0
    honour = _honour_after(norm, close)
    for flag, on in (("rejected-after", rejected), ("honour-before", honoured),
                     ("honour-after", honour == "title"), ("lexicon", lexicon)):
        if on:
            out[flag] = 1.0
    if honour == "subject":             # “X”入选…: the thing honoured, a programme or a case's title
        out["honour-subject"] = 1.0
        out["honour-subject:" + length_bucket(name)] = 1.0
    if anchored:
        out["anchor"] = 1.0
    running = verb_after(norm, close)
    if running:
        out["after-verb:" + running] = 1.0
    if not verb:
        listed = list_verb(norm, start - 1)
        if listed:
            out["list-verb:" + listed] = 1.0
    if elsewhere > 1:
        out["repeated"] = 1.0
    out.update(behaviour(norm, name, start))
    if peers:
        out["chain"] = 1.0
        if peer_named:
            out["chain-lexicon"] = 1.0
    return out


_AFTER_REACH = 8     # characters after a closing quote where a running verb says the name was put to work
_CLAUSE_STOP = re.compile(r"[，,。；;：:！？!?\n]")


def verb_after(norm: str, close: int) -> str | None:
    """The type of an adoption or launching verb in the words right after a closing quote, in its
    clause (“X”正式上线, “X”全面推开): the name is the thing put to work.

    >>> verb_after("“税企通”正式上线运行，", 5), verb_after("“X”的要求，", 3)
    ('platform', None)
    """
    window = norm[close:close + _AFTER_REACH]
    stop = _CLAUSE_STOP.search(window)
    window = window[:stop.start()] if stop else window
    found = [(window.find(v), -len(v), v) for v in verbs() if v in window]
    return verbs()[min(found)[2]] if found else None


def list_verb(norm: str, opening: int) -> str | None:
    """The type of the adoption verb that governs a list the quote at `opening` is an item of
    (实行企业承诺、“X”、无纸化申请; 开展“A”专项行动和“B”行动): the verb opens the list, earlier in the
    same clause, and a 、 or a conjunction (programme_conjunctions.txt) comes right before the quote.

    >>> list_verb("实行企业承诺、“先批后核”、网上申请", 7), list_verb("坚持问题导向，“X”", 7)
    ('institution', None)
    >>> list_verb("开展“护航”专项行动和“清源”行动", 11)
    'campaign'
    """
    lo = max(0, opening - 24)
    clause = _CLAUSE_STOP.split(norm[lo:opening])[-1]
    joins = _conjunctions()
    if not clause.endswith(joins):
        return None
    first = re.split("|".join(map(re.escape, joins)), clause)[0]
    found = [(first.find(v), -len(v), v) for v in verbs() if v in first]
    return verbs()[min(found)[2]] if found else None


@lru_cache(maxsize=1)
def _conjunctions() -> tuple[str, ...]:
    return tuple(sorted(dicts.words("programme_conjunctions.txt"), key=len, reverse=True))


_ENUMERATOR = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.、．](?!\d)"
                         r"|第[一二三四五六七八九十]{1,3}[，,、是])")
_HEADING_LEN = 30     # a line this short, among longer ones, is a heading
_QUOTE_MARKS = "“「『\"‘"
_CLOSING = "”」』\"’"


def behaviour(norm: str, name: str, start: int) -> dict[str, float]:
    r"""How the name behaves elsewhere in the report: written in a heading (a line opening with
    一、 / （二） / 3., or a short line of a text with other lines), governed by an adoption verb
    at another of its mentions, or followed there by a strong head word (“邻里通”… “邻里通”小程序).

    >>> t = "（三）深化“一窗通办”\n各窗口“一窗通办”事项120项。"
    >>> behaviour(t, "一窗通办", 15)
    {'in-heading': 1.0, 'verb-elsewhere': 1.0}
    >>> behaviour("“邻里通”用户过万。“邻里通”小程序上线。", "邻里通", 1)
    {'head-elsewhere': 1.0}
    """
    out: dict[str, float] = {}
    if len(name) < 2:
        return out
    heading, verbs_at, heads_at = _occurrences(norm, name)
    if heading:
        out["in-heading"] = 1.0
    if verbs_at - {start}:
        out["verb-elsewhere"] = 1.0
    if heads_at - {start}:
        out["head-elsewhere"] = 1.0
    return out


@lru_cache(maxsize=256)
def _occurrences(norm: str, name: str) -> tuple[bool, frozenset[int], frozenset[int]]:
    """Over every mention of `name`: whether one is in a heading, and the mentions governed by an
    adoption verb and those followed by a strong head word. Once per name and text, so that a
    report repeating a name thousands of times stays linear (the cache holds about one report's
    names: its keys keep their texts alive, so it is not made larger in a long build)."""
    heading, verbs_at, heads_at = False, set(), set()
    whole = len(norm.strip())
    at = norm.find(name)
    while at >= 0:
        if not heading:
            line_start = norm.rfind("\n", 0, at) + 1
            line_end = norm.find("\n", at)
            line_end = line_end if line_end >= 0 else len(norm)
            short = line_end - line_start <= 4 * _HEADING_LEN and \
                len(norm[line_start:line_end].strip()) <= _HEADING_LEN and line_end - line_start < whole
            heading = short or bool(_ENUMERATOR.match(norm[line_start:line_start + 16]))
        opening = at - 1 if at > 0 and norm[at - 1] in _QUOTE_MARKS else at
        if ev.verb_before(norm, opening):
            verbs_at.add(at)
        close = at + len(name) + int(norm[at + len(name):at + len(name) + 1] in _CLOSING)
        head = ev.post_head(norm, close)
        if head and head[1]:
            heads_at.add(at)
        at = norm.find(name, at + 1)
    return heading, frozenset(verbs_at), frozenset(heads_at)


_HONOUR_LEAD = re.compile(r"^(?:成功|先后|再次|被|已|均|还)?")


def _honour_after(norm: str, close: int) -> str | None:
    """'subject' when an honour verb follows the name (“X”入选全国典型案例: the name is what was
    honoured), 'title' when an honour or title does (“五五”普法先进县, “X”示范单位称号), else None.

    >>> _honour_after("“某某一件事”成功入选全国案例", 7), _honour_after("“五五”普法先进县", 4), _honour_after("“X”制度", 3)
    ('subject', 'title', None)
    """
    window = norm[close:close + 10]
    stop = _PUNCT.search(window)
    window = window[:stop.start()] if stop else window
    lead = window[_HONOUR_LEAD.match(window).end():]
    if any(lead.startswith(cue) for cue in cues("honour-after:verb")):
        return "subject"
    return "title" if any(cue in window for cue in cues("honour-after")) else None


def bare(norm: str, start: int, end: int, head: str, kind: str, before: str,
         elsewhere: int, shared: bool = False, paired: bool = False) -> dict[str, float]:
    """Features of an unquoted name norm[start:end] ending in the head word `head` of type `kind`;
    `before` is the word that bounds it on the left. `shared`: norm[start:end] is the first of two
    conjuncts and the head word is written after the second (法律顾问和公职律师制度); `paired`: it is
    either of two such conjuncts.

    >>> f = bare("全面推行政府法律顾问制度", 4, 12, "制度", "institution", "推行", 1)
    >>> f["kind:bare"], f["head:制度"], f["first:政府"], f["before:推行"]
    (1.0, 1.0, 1.0, 1.0)
    """
    name = norm[start:end] + (head if shared else "")
    words = tagged(name[:-len(head)]) if len(name) > len(head) else ()
    out = {"bias": 1.0, "kind:bare": 1.0, "head:" + head: 1.0, "bare-type:" + kind: 1.0,
           length_bucket(name): 1.0, "before:" + before: 1.0,
           "words:" + (str(len(words)) if len(words) < 4 else "4+"): 1.0}
    modifier = len(name) - len(head)
    out["modifier-chars:" + ("1-2" if modifier <= 2 else "3-4" if modifier <= 4 else "5+")] = 1.0
    if words:
        out["first:" + words[0][0]] = 1.0
        out["modifier:" + words[-1][0]] = 1.0
        # A one-character word's tag is mostly noise (府检: 检 tagged a verb).
        if len(words[0][0]) > 1:
            out["first-tag:" + words[0][1][:1]] = 1.0
        if len(words[-1][0]) > 1:
            out["modifier-tag:" + words[-1][1][:1]] = 1.0
    if elsewhere > 1:
        out["repeated"] = 1.0
    if paired:
        out["shared-head"] = 1.0
    out.update(behaviour(norm, name, start))
    out.update(_bounding(norm, start, before))
    return out


_CONJ = dicts.words("programme_conjunctions.txt")


def _bounding(norm: str, start: int, before: str) -> dict[str, float]:
    """What kind of word bounds an unquoted name: an adoption verb (by the type it suggests, so
    全面推行 and 推行 share evidence), or a conjunction after another name of the same shape
    (A制度和B制度: coordinated names are of one kind).

    >>> _bounding("全面推行公职律师制度", 4, "全面推行"), _bounding("完善A制度和B制度", 6, "和")
    ({'before-verb:reform': 1.0}, {'before-conj': 1.0, 'coordinated': 1.0})
    """
    verb = next((v for v in sorted(verbs(), key=len, reverse=True) if before.endswith(v)), None)
    if verb:
        return {"before-verb:" + verbs()[verb]: 1.0}
    if before not in _CONJ:
        return {}
    out = {"before-conj": 1.0}
    left = norm[max(0, start - len(before) - 4):start - len(before)]
    if any(left.endswith(h) for h, _, where, strong in heads() if where != "post" and strong):
        out["coordinated"] = 1.0
    return out
