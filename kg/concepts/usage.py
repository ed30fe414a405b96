"""Evidence across reports for what a quoted name is: a term many jurisdictions quote right after an
adoption verb (推行“…”) is a programme; a term most reports quote in their opening paragraph with no
adoption verb (抓住“关键少数”, 落实“第一议题”) is a political formula. The loaders see one report
at a time; this is the store-level feedback, stored on the programme in graph/concepts.
"""
from __future__ import annotations

from dataclasses import dataclass

from kg.concepts.names import Name
from kg.concepts.variants import QUOTES
from loaders.lexicon import setting_verbs

__all__ = ["Usage", "usage", "OPENING", "MIN_REPORTS"]

OPENING = 200        # characters: a sentence starting this early is in the report's opening paragraph
MIN_REPORTS = 3      # a verdict needs this many reports
_NEAR = 6            # an adoption verb this close before the opening quote governs it


@dataclass(frozen=True)
class Usage:
    """How the reports of a store use one name, and the verdict (formula | programme | None)."""

    reports: int
    jurisdictions: int
    quoted: float        # share of reports that quote it
    verb: float          # share of reports that quote it right after an adoption verb
    opening: float       # share of reports naming it in their opening paragraph
    role: str | None

    def reason(self) -> str:
        return (f"{self.reports} reports ({self.jurisdictions} jurisdictions): quoted in {self.quoted:.0%}, "
                f"after an adoption verb in {self.verb:.0%}, in the opening paragraph in {self.opening:.0%}")


def _after_verb(sentence: str, at: int) -> bool:
    before = sentence[max(0, at - _NEAR):at]
    return any(v in before for v in setting_verbs())


def usage(name: Name) -> Usage:
    """The usage of one programme over the reports that name it.

    >>> n = Name("x:p", "第一议题", reports=3, jurisdictions=3)
    >>> n.sentences = {(f"r{i}", "e"): ("全县坚持落实“第一议题”制度。", 30) for i in (1, 2, 3)}
    >>> u = usage(n); u.role, u.verb, u.opening
    ('formula', 0.0, 1.0)
    """
    quoted, verb, opening = set(), set(), set()
    for (report, _), (sentence, start) in name.sentences.items():
        if start <= OPENING:
            opening.add(report)
        for spelling in name.all_spellings:
            for q in QUOTES:
                at = sentence.find(q + spelling)
                if at >= 0:
                    quoted.add(report)
                    if _after_verb(sentence, at):
                        verb.add(report)
    n = len({r for r, _ in name.sentences}) or 1      # the reports whose sentences were read (a sample)
    shares = len(quoted) / n, len(verb) / n, len(opening) / n
    role = None
    if name.reports >= MIN_REPORTS:
        if shares[0] >= 0.5 and shares[1] <= 0.2 and shares[2] >= 0.6:
            role = "formula"
        elif shares[1] >= 0.5 and name.jurisdictions >= MIN_REPORTS:
            role = "programme"
    return Usage(name.reports, name.jurisdictions, *(round(s, 3) for s in shares), role)
