"""(seed, index) → one synthetic report's plain text: a jurisdiction from the gazetteer, recombined templates.

Report `i` of seed `s` depends only on (s, i), so a corpus of 1,000 is the first 1,000 of 10,000.
"""
from __future__ import annotations

import importlib.resources as resources
import random
import re
from dataclasses import dataclass
from functools import lru_cache

from loaders.records import Place

__all__ = ["Draft", "compose", "phrases", "jurisdictions"]

_NUMERALS = "一二三四五六七八九十"
_SELF = {"province": "我省", "prefecture": "我市", "county-city": "我市", "county": "我县",
         "district": "我区", "development-zone": "我区"}
_TOWNS = ("城关镇", "新华街道", "东关街道", "河西乡", "北城街道", "柳林镇", "大营镇", "南关街道")


@dataclass(frozen=True)
class Draft:
    """A composed report before it is written: its text, jurisdiction, year and kind."""

    text: str
    place: Place
    year: int
    kind: str          # "government-report" | "news-article"


@lru_cache(maxsize=1)
def phrases() -> dict[str, tuple[str, ...]]:
    """Template sections of bench/phrases.txt (plus sentences of the bundled examples, if any).

    >>> p = phrases()
    >>> len(p["programme"]) > 5 and all("{" not in x for x in p["programme_names"])
    True
    """
    sections: dict[str, list[str]] = {}
    current = None
    for line in resources.files("bench").joinpath("phrases.txt").read_text("utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = sections.setdefault(line[1:-1], [])
        elif current is not None:
            current.append(line)
    sections["filler"].extend(_example_sentences())
    return {k: tuple(v) for k, v in sections.items()}


def _example_sentences() -> list[str]:
    """Place-free sentences from the project's own bundled examples (kg/examples/*.txt), if they exist."""
    from loaders.gazetteer import Gazetteer
    from loaders.segment import split_sentences
    try:
        files = [f for f in resources.files("kg").joinpath("examples").iterdir() if f.name.endswith(".txt")]
    except (ModuleNotFoundError, FileNotFoundError):
        return []
    gazetteer, out = Gazetteer.default(), []
    for f in sorted(files, key=lambda f: f.name):
        text = f.read_text("utf-8", errors="replace")
        for start, end in split_sentences(text):
            s = text[start:end]
            if 12 <= len(s) <= 150 and s.endswith("。") and "{" not in s and not gazetteer.find_all(s):
                out.append(s)
    return out


@lru_cache(maxsize=1)
def jurisdictions() -> tuple[Place, ...]:
    """Every current division of the gazetteer a report may come from (province to county level).

    >>> len(jurisdictions()) > 3000
    True
    """
    from loaders.gazetteer.data import places
    return tuple(p for p in places() if not p.historical and p.adcode and p.level in _SELF)


def compose(seed: int, index: int) -> Draft:
    """Compose report `index` of corpus `seed`: 3,000–10,000 characters of report prose.

    >>> d = compose(7, 0)
    >>> 3000 <= len(d.text) <= 10500 and d.place.label in d.text and d == compose(7, 0)
    True
    """
    rng = random.Random(f"govkg-bench:{seed}:{index}")
    place = rng.choice(jurisdictions())
    year = rng.randint(2019, 2025)
    kind = "news-article" if rng.random() < 0.12 else "government-report"
    target = rng.randint(3000, 9600)
    slots = _Slots(rng, place, year)
    lines = _head(rng, slots, kind)
    section = 0
    while sum(len(x) + 1 for x in lines) < target:
        if kind == "government-report" and (section == 0 or rng.random() < 0.25):
            heading = rng.choice(phrases()["heading"])
            lines.append(f"{_NUMERALS[section % 10]}、{heading}")
            section += 1
        lines.append(_paragraph(rng, slots, target - sum(len(x) + 1 for x in lines)))
    text = "\n".join(lines)
    return Draft(text, place, year, kind)


def _head(rng: random.Random, slots: "_Slots", kind: str) -> list[str]:
    p = phrases()
    if kind == "news-article":
        return [slots.fill(rng.choice(p["news_title"])), slots.fill(rng.choice(p["news_lead"]))]
    opening = "".join(slots.fill(s) for s in rng.sample(p["opening"], 3))
    return [slots.fill(rng.choice(p["title"])), opening]


def _paragraph(rng: random.Random, slots: "_Slots", room: int) -> str:
    """One paragraph of 3–7 sentences, mostly programme/document/outcome sentences."""
    p = phrases()
    kinds = ("programme", "document", "outcome", "filler", "filler")
    out = []
    for _ in range(rng.randint(3, 7)):
        out.append(slots.fill(rng.choice(p[rng.choice(kinds)])))
        if sum(map(len, out)) > room:
            break
    return "".join(out)


class _Slots:
    """Fills {slot}s with values drawn for one report (a few programmes recur, as in real reports)."""

    def __init__(self, rng: random.Random, place: Place, year: int):
        p = phrases()
        self.rng, self.place, self.year = rng, place, year
        self.programmes = rng.sample(p["programme_names"], rng.randint(3, 8))
        self.documents = [self._document() for _ in range(rng.randint(3, 10))]
        full = "".join(n for n in place.parents if n != place.label) + place.label
        self.title_place = full if rng.random() < 0.3 else place.label

    def fill(self, template: str) -> str:
        return re.sub(r"\{(\w+)\}", lambda m: self._value(m.group(1)), template)

    def _value(self, slot: str) -> str:
        rng, p = self.rng, phrases()
        values = {
            "place": lambda: self.place.label, "self": lambda: _SELF.get(self.place.level, "我市"),
            "title_place": lambda: self.title_place,
            "year": lambda: str(self.year), "month": lambda: str(rng.randint(1, 12)),
            "prog": lambda: rng.choice(self.programmes), "prog2": lambda: rng.choice(self.programmes),
            "doc": lambda: rng.choice(self.documents), "doc2": lambda: rng.choice(self.documents),
            "org": lambda: self._org(), "ind": lambda: rng.choice(p["indicators"]),
            "n": lambda: str(rng.randint(2, 900)), "n2": lambda: str(rng.randint(1, 20)),
            "num": lambda: f"{rng.uniform(1, 5000):.1f}", "pct": lambda: f"{rng.uniform(0.5, 99.9):.1f}",
            "pct2": lambda: f"{rng.uniform(0.5, 99.9):.2f}", "dir": lambda: rng.choice(("上升", "下降", "增长")),
            "town": lambda: rng.choice(_TOWNS),
        }
        return values[slot]() if slot in values else "{" + slot + "}"

    def _org(self) -> str:
        prefix = self.place.label if self.rng.random() < 0.3 else ""
        return prefix + self.rng.choice(phrases()["orgs"])

    def _document(self) -> str:
        rng, p = self.rng, phrases()
        topic = rng.choice(p["doc_topics"])
        issuer = rng.choice((self.place.label, "", *self.place.parents[-1:]))
        inner = f"{issuer}{topic}"
        if rng.random() < 0.15:
            inner += rng.choice(("（试行）", "（征求意见稿）"))
        if rng.random() < 0.25:
            return f"《{rng.choice(p['doc_heads'][:1])}〈{inner}〉的通知》"
        return f"《{inner}》"
