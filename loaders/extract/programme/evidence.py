"""Context evidence around a quoted name: the head word after it or at its end, the verb before it,
framing cues (以“X”为抓手, 被评为“X”), and the name's own shape."""
from __future__ import annotations

import re
from functools import lru_cache

from loaders.lexicon import anchors, cues, fold, heads, not_programmes, verbs

__all__ = ["post_head", "inner_head", "verb_before", "leading_verb", "honoured", "anchored",
           "rejected_after", "bad_shape", "multipart", "service_number"]

_STOP = re.compile(r"[，。；：、！？,.;:!?“”\"《》（）()\n的]")
_CJK = re.compile(r"[\u4e00-\u9fff]")
_SEPARATORS = re.compile(r"[、，,+＋•·・\s]")
_SLOGAN = re.compile(r"[、，,•·・\s]")
_PLAN_PERIOD = re.compile(r"^十?[一二三四五六七八九]五$")
_FORMULA = re.compile(r"^[一二两三四五六七八九十]+[个大]\S{2}$")
_DATE = re.compile(r"^\d{1,4}[年月][\d一二三四五六七八九十]*[月日号]?$")
_VERB_GAP = 4         # characters allowed between an adoption verb and the quote (打造中小企业“X”)
_MAX_GAP = 6          # characters allowed between a closing quote and its head word (“X”执法模式)


def _window(norm: str, pos: int) -> str:
    tail = norm[pos:pos + 14]
    stop = _STOP.search(tail)
    return tail[:stop.start()] if stop else tail


def post_head(norm: str, pos: int) -> tuple[str, bool] | None:
    """(type, strong) of the head word after position `pos` (just past a closing quote); the
    rightmost head wins, as a Chinese compound's head is its last noun (服务新模式 → model).

    >>> post_head("“律企携手”服务新模式，", 6)
    ('model', True)
    >>> post_head("“三位一体”法治建设试点，", 6)
    ('pilot', True)
    >>> post_head("“浙里办”APP嘉兴频道", 5)
    ('platform', True)
    """
    window = _window(norm, pos)
    best: tuple[int, bool, str] | None = None
    for word, kind, where, strong in heads():
        if where == "in":
            continue
        if kind == "platform" and window.startswith(word):
            return kind, strong          # an app's name is followed by its classifier (“X”APP嘉兴频道)
        i = window.find(word)
        while 0 <= i <= _MAX_GAP:
            rank = (i + len(word), strong, kind)
            if best is None or (rank[1], rank[0]) > (best[1], best[0]):
                best = rank
            i = window.find(word, i + 1)
    return (best[2], best[1]) if best else None


def inner_head(name: str) -> str | None:
    """The type a name's own last word gives (综窗服务 → service), for names that are not lists.

    >>> inner_head("综窗服务"), inner_head("一多三制"), inner_head("承诺制+标准地+全代办")
    ('service', 'institution', None)
    """
    if multipart(name):
        return None
    for word, kind, where, _ in heads():
        if where != "post" and name.endswith(word) and len(name) - len(word) >= max(1, 3 - len(word)):
            return kind
    return None


def multipart(name: str) -> bool:
    """True for a name of several parts (A、B / A+B / A • B).

    >>> multipart("承诺制+标准地+全代办"), multipart("河长制")
    (True, False)
    """
    return bool(_SEPARATORS.search(name.strip()))


def slogan(name: str) -> bool:
    """True for a list or slogan of several clauses (A、B / A • B); 信用+监管-like compounds are not.

    >>> slogan("边整治、边服务"), slogan("信用+监管")
    (True, False)
    """
    return bool(_SLOGAN.search(name.strip()))


_HOTLINE = re.compile(r"[\u4e00-\u9fff]{0,10}?(?:热线|专线)")


def service_number(norm: str, start: int, end: int, close: int) -> int | None:
    """End of the hotline a quoted service number names (“1230”营商环境投诉热线), or None.

    >>> t = "开通“1230”营商环境投诉热线，"
    >>> t[3:service_number(t, 3, 7, 8)]
    '1230”营商环境投诉热线'
    """
    if not re.fullmatch(r"\d{3,6}", fold(norm[start:end]).strip()):
        return None
    m = _HOTLINE.match(_window(norm, close))
    return close + m.end() if m else None


_FORMULA_NUMBERS = re.compile(r"[\dA-Za-z]+(?:\s*[+＋\s]\s*[\dA-Za-z]+)+")


def numbered_formula(norm: str, start: int, end: int, close: int) -> int | None:
    """End of the named thing a quoted number formula opens (“1+3+X”学法清单, “6+37+N”服务体系): a
    formula of numbers and letters is no name by itself, but with the strong head word glued after
    it, it names that list or mechanism; a weak head word (体系) counts where it ends the phrase
    (“4+2”全链条企业合规体系，). None when no such head follows.

    >>> t = "建立“1+3+X”学法清单，"
    >>> t[3:numbered_formula(t, 3, 8, 9)]
    '1+3+X”学法清单'
    >>> numbered_formula("达到“1+1”的效果", 3, 6, 7) is None
    True
    >>> t = "构建“4+2”全链条企业合规体系，"
    >>> t[3:numbered_formula(t, 3, 6, 7)]
    '4+2”全链条企业合规体系'
    >>> numbered_formula("形成“1+N”体系化工作格局", 3, 6, 7) is None
    True
    """
    if not _FORMULA_NUMBERS.fullmatch(fold(norm[start:end]).strip()) and \
            not _FORMULA_NUMBERS.fullmatch(norm[start:end].strip()):
        return None
    window = _window(norm, close)
    best = None
    for word, kind, where, strong in heads():
        if where == "in":
            continue
        i = window.find(word)
        if i >= 0 and (i <= _MAX_GAP - len(word) if strong else i + len(word) == len(window)) \
                and (best is None or i + len(word) > best):
            best = i + len(word)
    return close + best if best else None


def verb_before(norm: str, pos: int) -> str | None:
    """The adoption verb ending right before position `pos` (an opening quote), if any.

    >>> verb_before("全面推行“拿地即开工”", 4), verb_before("增强“四个意识”", 2)
    ('reform', None)
    """
    before = re.split(r"[^\u4e00-\u9fff]", norm[max(0, pos - 10):pos])[-1]
    for verb in _verbs_longest_first():
        at = before.rfind(verb)
        if at >= 0 and len(before) - at - len(verb) <= _VERB_GAP:
            return verbs()[verb]
    return None


@lru_cache(maxsize=1)
def _verbs_longest_first() -> tuple[str, ...]:
    return tuple(sorted(verbs(), key=len, reverse=True))


def leading_verb(name: str) -> tuple[str, str] | None:
    """(remainder, type) when a quoted name opens with an adoption verb (创新实施X → X).

    >>> leading_verb("创新实施一账清减税")
    ('一账清减税', 'reform')
    """
    for verb in _verbs_longest_first():
        at = name.find(verb)
        if at >= 0 and (at == 0 or name[:at] in cues("adverb")) and len(name) - at - len(verb) >= 4:
            return name[at + len(verb):], verbs()[verb]
    return None


def honoured(norm: str, pos: int) -> bool:
    """True when the quote at `pos` names an honour or title given (被评为“X”).

    >>> honoured("先后被评为“全国文明城市”", 5)
    True
    """
    before = norm[max(0, pos - 12):pos]
    before = re.split(r"[，。；,;！？]", before)[-1]
    return any(cue in before for cue in cues("honour-before"))


_AS_REACH = 14       # characters after 把“X”作为 where its role word (抓手, 载体 …) may stand


def anchored(norm: str, start: int, close: int) -> str | None:
    """The type an 以“X”为抓手-like frame gives, if the quote sits in one; 把/将“X”作为…抓手 is the
    same frame (the role word may follow a few words later, in the clause).

    >>> anchored("以“服务包”为抓手", 2, 6), anchored("把“服务包”作为助企纾困的重要抓手", 2, 6)
    ('mechanism', 'mechanism')
    >>> anchored("把“服务包”送到企业", 2, 6) is None
    True
    """
    before = norm[:max(start - 1, 0)]            # the text before the opening quote mark
    if before.endswith(cues("frame-open")):
        after = norm[close:close + 6]
        return next((kind for word, kind in anchors().items() if after.startswith(word)), None)
    as_word = next((w for w in cues("frame-as") if norm.startswith(w, close)), None)
    if as_word and before.endswith(cues("frame-open-as")):
        reach = close + len(as_word)
        after = re.split(r"[，,。；;：:！？!?\n]", norm[reach:reach + _AS_REACH])[0]
        return next((kind for word, kind in anchors().items() if word[1:] and word[1:] in after), None)
    return None


def rejected_after(norm: str, pos: int) -> bool:
    """True when what follows makes the quote a principle, problem, goal or role (“X”原则).

    >>> rejected_after("“关键”引领作用，", 4), rejected_after("“A”制度", 3)
    (True, False)
    """
    window = _window(norm, pos)[:_MAX_GAP + 2]
    return any(cue in window for cue in cues("reject-after"))


@lru_cache(maxsize=4096)
def bad_shape(name: str, home_stems: frozenset[str] = frozenset()) -> str | None:
    """Why a quoted string cannot be a programme by its shape alone, or None.

    >>> bad_shape("3 15"), bad_shape("十四五"), bad_shape("四个意识"), bad_shape("河长制")
    ('no words', 'plan period', 'formula', None)
    >>> bad_shape("朔州品牌", frozenset({"朔州"}))
    'place praise'
    """
    key = fold(name)
    if len(_CJK.findall(key)) < 2 and not re.search(r"[A-Za-z]{2}", key):
        return "no words"
    if _PLAN_PERIOD.match(key) or _DATE.match(key):
        return "plan period" if _PLAN_PERIOD.match(key) else "date"
    if key in not_programmes() or _unscoped(key) in not_programmes():
        return "formula"
    if len(key) > 30:
        return "too long"
    if any(key.endswith(organ) for organ in cues("organ")):
        return "organisation"
    for word in cues("generic"):
        if key.endswith(word) and key[:-len(word)] in home_stems:
            return "place praise"
    return None


def weak_shape(name: str) -> bool:
    """A numbered formula (四个意识, 六大举措) that only a head word can make a programme."""
    return bool(_FORMULA.match(fold(name)))


def _unscoped(key: str) -> str:
    for scope in cues("scope"):
        if key.startswith(scope) and len(key) > len(scope) + 1:
            return key[len(scope):]
    return key
