"""The programme thesaurus (`ontology/programmes.ttl`, SKOS) and the programme word lists in
`loaders/dicts/programme_*`, read once on first use and cached."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from loaders import dicts

__all__ = ["Concept", "Thesaurus", "thesaurus", "parse_thesaurus", "fold", "heads", "verbs", "cues", "concept_words",
           "not_programmes"]

_SKOS = "http://www.w3.org/2004/02/skos/core#"
_GK = "https://w3id.org/govkg/ontology#"
_STRIP = re.compile(r"[\s、,，;；:：+＋•·・‧.。\-—–~～\"'“”‘’「」『』《》〈〉<>]")
_PAREN = re.compile(r"[(（][^()（）]{0,8}[)）]")


def fold(name: str) -> str:
    """The merge key of a name: NFKC, no white space, punctuation or bracketed asides.

    >>> fold("双随机、一公开") == fold("双随机一公开"), fold("农村（社区）法律明白人")
    (True, '农村法律明白人')
    >>> fold("承诺制+标准地+全代办") == fold("承诺制标准地全代办")
    True
    """
    text = unicodedata.normalize("NFKC", name)
    return _STRIP.sub("", _PAREN.sub("", text))


@dataclass(frozen=True)
class Concept:
    """One thesaurus programme: canonical name, type, every spelling, related programmes' names."""

    name: str
    type: str
    labels: tuple[str, ...]
    related: tuple[str, ...] = ()

    def quoted_only(self, label: str) -> bool:
        """True for a short form (part of the name, under 4 characters) only trusted in quotes.

        >>> Concept("高效办成一件事", "reform", ("一件事",)).quoted_only("一件事")
        True
        """
        key = fold(label)
        return key != fold(self.name) and len(key) < 4 and key in fold(self.name)


class Thesaurus:
    """Concepts by the fold of every label."""

    def __init__(self, concepts: list[Concept]):
        self.concepts = tuple(concepts)
        self.by_key: dict[str, Concept] = {}
        for concept in concepts:
            for label in (concept.name,) + concept.labels:
                self.by_key.setdefault(fold(label), concept)

    def get(self, name: str) -> Concept | None:
        """The concept one of whose labels folds like `name`.

        >>> thesaurus().get("双随机、一公开").name
        '双随机一公开'
        """
        return self.by_key.get(fold(name))

    def labels(self) -> list[tuple[str, Concept]]:
        """Every (label, concept), longest label first."""
        pairs = [(lab, c) for c in self.concepts for lab in (c.name,) + c.labels]
        return sorted(pairs, key=lambda p: -len(p[0]))


def parse_thesaurus(turtle: str) -> Thesaurus:
    """Read SKOS programme concepts (prefLabel, altLabel, gk:programmeType, skos:related) from Turtle.

    >>> ttl = '''@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    ... @prefix gk: <https://w3id.org/govkg/ontology#> .
    ... <x:a> skos:prefLabel "河长制" ; skos:altLabel "河湖长制" ; gk:programmeType "institution" .'''
    >>> parse_thesaurus(ttl).get("河湖长制").type
    'institution'
    """
    import pyoxigraph                              # only when the thesaurus is first needed
    props: dict[str, dict[str, list[str]]] = {}
    for triple in pyoxigraph.parse(turtle, format=pyoxigraph.RdfFormat.TURTLE):
        pred = triple.predicate.value
        value = triple.object.value
        props.setdefault(triple.subject.value, {}).setdefault(pred, []).append(value)
    names = {s: p[_SKOS + "prefLabel"][0] for s, p in props.items() if _SKOS + "prefLabel" in p}
    concepts = []
    for subject, p in props.items():
        if subject not in names or _GK + "programmeType" not in p:
            continue
        related = tuple(names[r] for r in p.get(_SKOS + "related", []) if r in names)
        concepts.append(Concept(names[subject], p[_GK + "programmeType"][0],
                                tuple(p.get(_SKOS + "altLabel", [])), related))
    return Thesaurus(concepts)


@lru_cache(maxsize=1)
def thesaurus() -> Thesaurus:
    """The shipped programme thesaurus.

    >>> thesaurus().get("新时代枫桥经验").name
    '枫桥经验'
    """
    from importlib.resources import files
    return parse_thesaurus(files("ontology").joinpath("programmes.ttl").read_text(encoding="utf-8"))


def _rows(name: str) -> tuple[tuple[str, ...], ...]:
    return dicts.rows(name)


@lru_cache(maxsize=1)
def heads() -> tuple[tuple[str, str, str, bool], ...]:
    """(word, type, where, strong) head words, longest first.

    >>> ("制度", "institution", "both", True) in heads()
    True
    """
    rows = [(w, t, where, s == "strong") for w, t, where, s in _rows("programme_heads.tsv")]
    return tuple(sorted(rows, key=lambda r: -len(r[0])))


@lru_cache(maxsize=1)
def verbs() -> dict[str, str]:
    """Adoption verb → the type it suggests.

    >>> verbs()["开展"]
    'campaign'
    """
    return {w: t for w, t in _rows("programme_verbs.tsv")}


@lru_cache(maxsize=1)
def setting_verbs() -> tuple[str, ...]:
    """The adoption verbs that set something up, without those that carry it on
    (programme_carry_verbs.txt: 落实, 推进), which political formulas take too.

    >>> "推行" in setting_verbs(), "落实" in setting_verbs(), "落实" in verbs()
    (True, False, True)
    """
    carry = set(dicts.words("programme_carry_verbs.txt"))
    return tuple(v for v in verbs() if v not in carry)


@lru_cache(maxsize=None)
def cues(role: str) -> tuple[str, ...]:
    """Cue words of one role in `programme_cues.tsv`, longest first (anchor roles keep ':type').

    >>> "原则" in cues("reject-after")
    True
    """
    found = [w for w, r in _rows("programme_cues.tsv") if r == role or r.startswith(role + ":")]
    return tuple(sorted(found, key=len, reverse=True))


@lru_cache(maxsize=1)
def anchors() -> dict[str, str]:
    """Frames like 以“X”为抓手: the word after the quote → the type it gives."""
    return {w: r.split(":", 1)[1] for w, r in _rows("programme_cues.tsv") if r.startswith("anchor:")}


@lru_cache(maxsize=None)
def concept_words(role: str) -> tuple[str, ...]:
    """Words of one role in `concept_words.tsv` (tail, apart, unit, head), longest first.

    >>> "制度" in concept_words("tail"), "示范区" in concept_words("apart")
    (True, True)
    """
    return tuple(sorted((w for w, r in _rows("concept_words.tsv") if r == role), key=len, reverse=True))


@lru_cache(maxsize=1)
def not_programmes() -> frozenset[str]:
    """Folded national formulas, slogans and categories that are never programmes.

    >>> fold("四个意识") in not_programmes()
    True
    """
    return frozenset(fold(r[0]) for r in _rows("programme_not.txt"))
