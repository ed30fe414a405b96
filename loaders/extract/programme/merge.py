"""Programme candidates → groups, one per programme: thesaurus concepts first, then spellings that fold
alike (双随机、一公开 = 双随机一公开), then a short name that ends a longer one (短板大调研)."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from loaders.extract.programme.bare import NAMING_TYPES, head_pattern
from loaders.extract.programme.judge import Candidate
from loaders.extract.programme.national import lexicon as thesaurus
from loaders.lexicon import Concept, cues, fold

__all__ = ["Group", "display", "merge"]

_PURE = re.compile(r"^[\u4e00-\u9fff]{1,4}$")
_LISTY = re.compile(r"[、+＋,，]")


@dataclass
class Group:
    """The mentions of one programme, with its thesaurus concept when it has one."""

    concept: Concept | None
    members: list[Candidate] = field(default_factory=list)

    @property
    def key(self) -> str:
        return self.concept.name if self.concept else _key(self.members[0].name)

    def name(self) -> str:
        """The thesaurus name, else the most common spelling (the longest, then first, on a tie)."""
        if self.concept:
            return self.concept.name
        counts = Counter(display(c.name) for c in self.members)
        return max(counts, key=lambda n: (counts[n], len(n), -self._first(n)))

    def _first(self, spelling: str) -> int:
        return next(i for i, c in enumerate(self.members) if display(c.name) == spelling)

    def aliases(self) -> tuple[str, ...]:
        """Every other spelling seen, then the thesaurus labels, without repeats."""
        name = self.name()
        seen = [display(c.name) for c in self.members] + [c.alias for c in self.members if c.alias]
        if self.concept:
            seen += list(self.concept.labels)
        return tuple(dict.fromkeys(s for s in seen if s and s != name))

    def type(self) -> str:
        """The thesaurus type, else the type with most votes (first voted on a tie)."""
        if self.concept:
            return self.concept.type
        score: dict[str, float] = {}
        for member in self.members:
            for kind, weight in member.votes:
                score[kind] = score.get(kind, 0.0) + weight
        return max(score, key=lambda k: score[k]) if score else "institution"


def display(name: str) -> str:
    """A spelling as shown: white space collapsed, quotation marks dropped."""
    return " ".join(name.split()).replace("”", "").replace("“", "")


def _key(name: str) -> str:
    key = fold(name)
    for scope in cues("scope"):
        if key.startswith(scope) and len(key) > len(scope) + 1:
            return key[len(scope):]
    return key


def merge(candidates: list[Candidate]) -> list[Group]:
    """Group candidates by programme, in order of first mention.

    >>> from loaders.extract.programme.judge import Candidate as C
    >>> gs = merge([C("双随机、一公开", 0, 7), C("短板大调研", 9, 14), C("法治政府建设短板大调研", 20, 31),
    ...             C("双随机一公开", 40, 46), C("承诺制+标准地+全代办", 50, 61), C("全代办", 70, 73)])
    >>> [(g.name(), len(g.members)) for g in gs]
    [('双随机一公开', 2), ('法治政府建设短板大调研', 2), ('承诺制+标准地+全代办', 1), ('全代办', 1)]
    """
    groups: dict[str, Group] = {}
    for cand in sorted(candidates, key=lambda c: c.start):
        concept = cand.concept or thesaurus().get(cand.name) or _concept_by_suffix(_key(cand.name))
        key = concept.name if concept else _key(cand.name)
        groups.setdefault(key, Group(concept)).members.append(cand)
    _merge_suffixes(groups)
    return sorted(groups.values(), key=lambda g: min(c.start for c in g.members))


@lru_cache(maxsize=4096)
def _concept_by_suffix(key: str) -> Concept | None:
    """A thesaurus programme the name ends with after a short qualifier (全县法律明白人)."""
    for label, concept in thesaurus().labels():
        lab = fold(label)
        if len(lab) >= 4 and key.endswith(lab) and _PURE.match(key[:-len(lab)]) \
                and not concept.quoted_only(label):
            return concept
    return None


def _merge_suffixes(groups: dict[str, Group]) -> None:
    """Fold a local name into the longer local name it ends (短板大调研 → 法治政府建设短板大调研) or
    that adds a head word to it (府院联席会议 → 府院联席会议制度)."""
    local = [k for k, g in groups.items() if g.concept is None]
    for short in sorted(local, key=len):
        if len(short) < 4 or _listy(groups[short]):
            continue
        longer = [k for k in local if k != short and k in groups and not _listy(groups[k])
                  and (k.endswith(short) and len(k) - len(short) <= 6 or _headed(k, short))]
        if longer:
            target = groups[min(longer, key=len)]
            target.members.extend(groups.pop(short).members)
            target.members.sort(key=lambda c: c.start)


def _headed(long: str, short: str) -> bool:
    """The same name with a head word after it (府院联席会议 → 府院联席会议制度)."""
    return long.startswith(short) and head_pattern(NAMING_TYPES).fullmatch(long, len(short)) is not None


def _listy(group: Group) -> bool:
    return any(_LISTY.search(c.name) for c in group.members)
