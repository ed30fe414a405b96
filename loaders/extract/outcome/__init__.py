"""Quantified outcomes (入企检查次数同比下降38.6%, 办理业务量3万多件) → `Outcome` records, each linked
to the programme its clause is about and to the place its sentence is about.

Units: money keeps the magnitude it is printed with (319.18万元 → 319.18, 万元), since sums are
compared in those units; every other count is scaled (1.2万人次 → 12000, 人次). A 率 written
without its % sign gets %, and a rate or share above 100% (a lost decimal point) is dropped.
"""
from __future__ import annotations

from loaders.extract.attribution import where
from loaders.extract.outcome.link import Linker
from loaders.extract.outcome.reading import Reading, read
from loaders.extract.outcome.target import claimed
from loaders.records import Outcome, Place, Programme
from loaders.text import Text

__all__ = ["extract"]


def extract(text: Text, programs: list[Programme], place: Place | None,
            year: int | None = None) -> list[Outcome]:
    """Every quantified outcome of the report, in text order; targets and a plan's contents are none
    (`target.claimed`: a deadline is a target when later than the report's `year`).

    >>> t = Text.make("x.txt", "推行“企业安静期”制度，全年入企检查次数同比下降38.6%。")
    >>> [(o.indicator, o.value, o.unit, o.direction, o.text) for o in extract(t, [], None)]
    [('入企检查次数', 38.6, '%', 'decrease', '38.6%')]
    """
    linker = Linker(text.norm, programs, text.sentences)
    out: list[Outcome] = []
    previous = None
    for s, e in text.sentences:
        readings = claimed(text.norm[s:e], read(text.norm[s:e]), year)
        figures = tuple(s + r.figure.start for r in readings)
        for r in readings:
            out.append(_outcome(text, linker, r, (s, e), previous, place, figures))
        previous = (s, e)
    return out


def _outcome(text: Text, linker: Linker, r: Reading, sent: tuple[int, int],
             previous: tuple[int, int] | None, place: Place | None, figures: tuple[int, ...]) -> Outcome:
    s, e = sent
    start, end = s + r.figure.start, s + r.figure.end
    program = linker.program(s, e, s + r.clause.start, s + r.clause.end, start, previous, figures)
    return Outcome(indicator=r.indicator, value=r.figure.value, unit=r.unit, direction=r.direction,
                   sentence=text.norm[s:e], start=start, end=end, qualifier=r.figure.qualifier,
                   program=program, jurisdiction=where(text, start, end, place),
                   text=text.plain[start:end])
