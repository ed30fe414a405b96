"""The words around a figure in its clause → the indicator it measures (入企检查次数, 审批时间) and
the direction of the verb; a counted noun after the figure (出台18部地方性法规) when one follows."""
from __future__ import annotations

import re
from functools import lru_cache

from loaders import dicts
from loaders.segment import cut, tagged
from loaders.extract.outcome.direction import change_inside, peel_head, peel_tail
from loaders.extract.outcome.lexicon import alternation, trims, verbs

__all__ = ["before", "after", "is_rate", "tidy", "unscoped", "measure_heads"]

_SCOPE = re.compile(r".*(?:共计|合计|总计|累计|全年|今年以来|年内|共有|(?<!公)共(?![享建治同担])|(?<![平同均])等(?![级次待]))(?=..)")
# Time at the front of a phrase: a year, a month, since or until when (从2017年起, 截至2020年底, 近年来, 一年来).
_YEAR = re.compile(r"^(?:(?:[从自]|截[至止]到?)?\s*\d{4}\s*年(?:度|以来|底|末|初|全年)?"
                   r"(?:\d{1,2}\s*月(?:份|初|底|末)?)?(?:起|以来|开始)?"
                   r"|\d{1,2}(?:[-—~～至到]\d{1,2})?月(?:份|底|末)?(?:以来)?"
                   r"|近[一二两三四五六七八九十\d]*年(?:来|以来)?|[一多两三五十]年(?:以)?来|[第前]?[一二三四1-4]季度|[上下]半年)")
# Tiers of government named as a scope (市区两级, 省市县三级): where, not what is measured.
_LEVELS = re.compile(r"[省市州盟县区旗乡镇街村]{2,5}[两三四五]级")
# A batch or round named by its ordinal (第三批, 第二轮) or one tier (县级): when or where, not what.
_ORDINAL = re.compile(r"第[一二三四五六七八九十\d]{1,3}[批轮期]|[省市州盟县区旗乡镇街村]级")
# What ends a counted noun after its figure: a conjunction or a verb of what was done with it.

# A figure followed by a preposition or a verb counts nothing written after it (21人对全区…).

_RATE = re.compile(r"(?:率|占比|比例|比重|(?<!年|季|程|力|进|制|额|幅|维|深|温|厚|态|高|长|速|角|尺|适|难)度)$")
CHINESE_DIGITS = "零〇一二两三四五六七八九十百千"
# Quote marks, spaces, and pinyin glosses a page writes after characters (创(chuàng)建).
_NOISE = re.compile(r"[“”‘’「」\"'\s]|[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}[)）]")


@lru_cache(maxsize=None)
def _baseline_re() -> re.Pattern:
    """A comparison base (较以往, 比上年同期, 与去年相比: outcome_baseline_words.txt) is no indicator;
    the clause before names it."""
    earlier = alternation(dicts.words("outcome_baseline_words.txt"))
    return re.compile(rf"(?:较|比|与){earlier}(?:同期)?(?:相比)?$|^(?:较|比)$")


@lru_cache(maxsize=None)
def _after_stop_re() -> re.Pattern:
    return re.compile(alternation(dicts.words("outcome_after_stop.txt")))


@lru_cache(maxsize=None)
def _not_counted_re() -> re.Pattern:
    return re.compile("^" + alternation(dicts.words("outcome_not_counted.txt")))


@lru_cache(maxsize=None)
def _trim_re() -> re.Pattern:
    return re.compile(rf"^{alternation(trims())}")


@lru_cache(maxsize=None)
def _scope_only_re() -> re.Pattern:
    return re.compile(rf"(?:{alternation(trims('scope'))}|{_YEAR.pattern[1:]}|{_LEVELS.pattern}|{_ORDINAL.pattern})+")


def tidy(phrase: str) -> str:
    """Drop quote marks and spaces, and time, scope and light-verb words at the front.

    >>> tidy("全年累计开展入企服务"), tidy("2024年全市“法律明白人”"), tidy("办理"), tidy("截至目前全区")
    ('入企服务', '法律明白人', '办理', '')
    >>> tidy("将办理时间"), tidy("全年组织人员")
    ('办理时间', '人员')
    """
    phrase = _unbracket(_NOISE.sub("", phrase))
    if _scope_only_re().fullmatch(phrase):
        return ""
    while True:
        m = _trim_re().match(phrase) or _YEAR.match(phrase)
        if not m or len(phrase) - m.end() < 2 or phrase.startswith(measure_heads(), m.end()):
            return phrase
        phrase = phrase[m.end():]


def _unbracket(phrase: str) -> str:
    """Brackets left unmatched by a clause cut: a stray closer is dropped, and a stray opener ends
    the phrase (示范市(县 → 示范市) unless nothing would be left before it.

    >>> _unbracket("服务站（室）"), _unbracket("示范市(县"), _unbracket("社区)服务站"), _unbracket("(区)")
    ('服务站（室）', '示范市', '社区服务站', '(区)')
    """
    opened: list[int] = []
    drop: set[int] = set()
    for i, ch in enumerate(phrase):
        if ch in "(（":
            opened.append(i)
        elif ch in ")）":
            if opened:
                opened.pop()
            else:
                drop.add(i)
    if opened and opened[0] >= 2:
        phrase = phrase[:opened[0]]
    else:
        drop.update(opened)
    return "".join(ch for i, ch in enumerate(phrase) if i not in drop)


@lru_cache(maxsize=None)
def measure_heads() -> tuple[str, ...]:
    """Measure nouns that keep the verb before them (办理时间 is no 时间)."""
    return dicts.words("outcome_measure_heads.txt")


@lru_cache(maxsize=None)
def _scope_re() -> re.Pattern:
    return re.compile(rf"^(?:{alternation(trims('scope'))}|{_YEAR.pattern[1:]})")


def unscoped(phrase: str) -> str:
    """`phrase` without the time and scope words at its front (light verbs stay).

    >>> unscoped("今年以来全市调解组织"), unscoped("2024年召开会议")
    ('调解组织', '召开会议')
    """
    while True:
        m = _scope_re().match(phrase)
        if not m or m.end() == 0:
            return phrase
        phrase = phrase[m.end():]


def before(phrase: str, counts: bool = False) -> tuple[str, str | None]:
    """The indicator written before its figure, and the direction of the verb in between. A change
    verb before the noun goes with the direction for the size of a change (压减申请材料47%), and stays
    in the indicator of a count (`counts`: 取消证明事项21项 counts the items cancelled).

    >>> before("全年入企检查次数同比下降")
    ('入企检查次数', 'decrease')
    >>> before("全市各级调解组织共排查调处矛盾纠纷")
    ('排查调处矛盾纠纷', None)
    >>> before("压减申请材料"), before("全年取消证明事项", counts=True)
    (('申请材料', 'decrease'), ('取消证明事项', 'decrease'))
    >>> before("较以往缩短"), before("审批时限比上年同期减少"), before("精简幅度达")
    (('', 'decrease'), ('审批时限', 'decrease'), ('精简幅度', 'decrease'))
    >>> before("第二批取消", counts=True), before("减少", counts=True)
    (('取消', 'decrease'), ('', 'decrease'))
    """
    written = _NOISE.sub("", phrase)
    phrase, direction = peel_tail(written)
    verb = next((v for v in dicts.words("outcome_count_verbs.txt") if written.endswith(v)), "") if counts else ""
    if verb and _bare_scope(written[:-len(verb)]):
        return verb, direction                   # 第三批取消8项, 共取消15项: what was cancelled, named by the verb
    if _cut_size_re().fullmatch(phrase):
        return phrase, "decrease"                # 精简幅度达65%: the size of a cut, named by the cut
    phrase, head = peel_head(phrase, counts)
    m = _SCOPE.match(phrase)
    if m:
        phrase = phrase[m.end():]
    phrase, tail = peel_tail(tidy(phrase))
    if not (direction or head or tail):          # 全年减少证明材料: the verb after a scope word
        phrase, head = peel_head(phrase, counts)
    if not (direction or head or tail):          # 区级取消政务服务事项: a change verb inside
        phrase, head = change_inside(phrase, counts)
    m = _baseline_re().search(phrase)
    if m and (m.start() == 0 or m.start() >= 2):
        phrase = phrase[:m.start()]
    direction = direction or head or tail
    if direction in (None, "level") and _reduced_re().search(phrase):
        direction = "decrease"                   # 申请材料精简幅度达65%: the size of a cut
    return phrase, direction


def _bare_scope(phrase: str) -> bool:
    """Whether `phrase` names nothing of its own: empty, or only scope, time and batch words (共, 全年,
    第三批), so a count verb after it is all that names the measure.

    >>> _bare_scope(""), _bare_scope("共"), _bare_scope("第二批"), _bare_scope("证明事项")
    (True, True, True, False)
    """
    return not tidy(phrase) or bool(_scope_only_re().fullmatch(_NOISE.sub("", phrase)))


@lru_cache(maxsize=None)
def _cut_size_re() -> re.Pattern:
    cuts = [w for w, d in verbs().items() if d == "decrease" and len(w) >= 2]
    return re.compile(alternation(cuts) + alternation(dicts.words("outcome_change_measures.txt")))


@lru_cache(maxsize=None)
def _reduced_re() -> re.Pattern:
    cuts = [w for w, d in verbs().items() if d == "decrease" and len(w) >= 2]
    return re.compile(rf"(?<=..){alternation(cuts)}{alternation(dicts.words('outcome_change_measures.txt'))}?$")


def after(phrase: str) -> str:
    """The noun counted by a figure written before it (18部地方性法规 → 地方性法规).

    >>> after("新设立民营企业与律师事务所签订协议"), after("攻坚项目开工率超"), after("(人)次")
    ('新设立民营企业', '攻坚项目', '')
    >>> after("新任命的干部参加考试"), after("对全区单位开展考核"), after("参加年度学法考试")
    ('新任命的干部', '', '参加年度学法考试')
    >>> after("部门单位的"), after("经营主体"), after("经批准")
    ('部门单位', '经营主体', '')
    
    """
    phrase = _NOISE.sub("", phrase)
    if not phrase or not ("\u4e00" <= phrase[0] <= "\u9fff"):
        return ""
    phrase = phrase.removeprefix("的")
    m = _not_counted_re().match(phrase)
    if m and (len(m.group()) > 1 or cut(phrase)[0] == m.group()):    # 经 as a word, not in 经营主体
        return ""
    if phrase.startswith(("参加", "参与")):       # 1.1万人次参加学法考试: what they took part in
        return phrase[:_stop(phrase, 2)]
    return _unaspected(_unbracket(phrase[:_stop(phrase, 0)].removesuffix("的")))


def _unaspected(phrase: str) -> str:
    """`phrase` without the aspect particle 了 after its verb (两次研究了法治工作 → 研究法治工作); 了
    inside a word (了解) stays.

    >>> _unaspected("研究了法治建设工作"), _unaspected("了解企业诉求"), _unaspected("案结事了率")
    ('研究法治建设工作', '了解企业诉求', '案结事了率')
    """
    if "了" not in phrase:
        return phrase
    words = tagged(phrase)
    return "".join(w for i, (w, flag) in enumerate(words)
                   if not (w == "了" and flag.startswith("u") and i and words[i - 1][1].startswith("v")))


def _stop(phrase: str, start: int) -> int:
    """Where the counted noun ends: the first stop word from `start` that begins a word (jieba), a
    one-character stop only as a word of its own (达 does not end 11家单位参评…达标地区).

    >>> p = "单位参评达标地区"; p[:_stop(p, 0)]
    '单位参评达标地区'
    >>> p = "干部参加考试"; p[:_stop(p, 0)]
    '干部'
    """
    found = list(_after_stop_re().finditer(phrase, start))
    if not found:
        return len(phrase)
    bounds, pos = {0}, 0
    for word in cut(phrase):
        pos += len(word)
        bounds.add(pos)
    for m in found:
        following = phrase[m.end():m.end() + 1]
        before_number = not "\u4e00" <= following <= "\u9fff" or following in CHINESE_DIGITS  # 排名第4位, 第一
        if before_number or m.start() in bounds and (m.end() - m.start() > 1 or m.end() in bounds):
            return m.start()
    return len(phrase)


def is_rate(indicator: str) -> bool:
    """Whether the indicator is a rate or share, which cannot exceed 100%.

    >>> is_rate("调解成功率"), is_rate("线上办理占比"), is_rate("群众满意度"), is_rate("年度")
    (True, True, True, False)
    """
    return bool(_RATE.search(indicator))

