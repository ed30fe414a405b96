"""Plain records that cross from `loaders` to `kg`: what one report says, with character spans.

Everything here is a frozen dataclass of plain values, so an extraction can be compared, hashed,
dumped to the contract JSON (`Extraction.to_json`) and tested without any RDF.
"""
from __future__ import annotations

from dataclasses import dataclass, field

__all__ = [
    "Mention", "Place", "Programme", "Document", "Outcome", "Extraction", "Part", "Member",
    "PROGRAMME_TYPES", "LEVELS", "KINDS", "DIRECTIONS",
]

PROGRAMME_TYPES = ("institution", "reform", "mechanism", "method", "model", "service", "platform",
                   "campaign", "pilot", "brand", "team", "media")
LEVELS = ("province", "prefecture", "county", "district", "county-city", "development-zone", "township")
KINDS = ("government-report", "news-article", "other")
DIRECTIONS = ("increase", "decrease", "level")


@dataclass(frozen=True)
class Mention:
    """A span of the report's plain text: ``text == plain[start:end]``.

    >>> Mention(0, 2, "泽州").to_json()
    {'start': 0, 'end': 2, 'text': '泽州'}
    """

    start: int
    end: int
    text: str

    def to_json(self) -> dict:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Part:
    """Where a stretch of the plain text came from: ``plain[start:end]`` is on `page` (PDF, OFD, a
    scan) or in the Word `label`led paragraph or table row.

    >>> Part(0, 40, page=3).where()
    {'page': 3}
    >>> Part(0, 9, label="table 1, row 2").where()
    {'part': 'table 1, row 2'}
    """

    start: int
    end: int
    page: int | None = None
    label: str | None = None

    def where(self) -> dict:
        if self.page is not None:
            return {"page": self.page}
        return {"part": self.label} if self.label else {}


@dataclass(frozen=True)
class Member:
    """One report inside an archive file: a crawled response in a WARC.

    `offset` is where its record starts in the archive; `key` names it in the store across rebuilds
    (the archive's path and the record's WARC-Record-ID).

    >>> m = Member("crawl.warc.gz", 1234, "http://www.example.gov.cn/a.pdf", "2024-03-01", ".pdf", "<urn:uuid:1>")
    >>> str(m)
    'crawl.warc.gz [http://www.example.gov.cn/a.pdf]'
    """

    archive: str
    offset: int
    url: str
    captured: str | None
    suffix: str              # the reader it needs: ".html", ".pdf", ".docx", ".doc", ".ofd"
    record_id: str

    def __str__(self) -> str:
        return f"{self.archive} [{self.url}]"


@dataclass(frozen=True)
class Place:
    """A jurisdiction: its full name, GB/T 2260 code where known, level and parents (top first).

    ``label`` is the name a user reads and the store keys on; it equals ``name`` unless the name is
    ambiguous nationally (城区, 矿区, 郊区), in which case the parent city is prefixed (阳泉市城区).

    >>> p = Place("城区", "140302", "district", ("山西省", "阳泉市"), ("140000", "140300"))
    >>> p.label
    '阳泉市城区'
    >>> p.to_json()["parents"]
    ['山西省', '阳泉市']
    """

    name: str
    adcode: str | None = None
    level: str | None = None
    parents: tuple[str, ...] = ()
    parent_codes: tuple[str | None, ...] = ()
    historical: bool = False
    display: str | None = None

    @property
    def label(self) -> str:
        if self.display:
            return self.display
        if self.name in AMBIGUOUS_NAMES and self.parents:
            return self.parents[-1] + self.name
        return self.name

    def to_json(self) -> dict:
        return {"name": self.label, "adcode": self.adcode, "level": self.level,
                "parents": list(self.parents)}


# Names that recur under many parents and mean nothing without the parent's name.
AMBIGUOUS_NAMES = frozenset({"城区", "矿区", "郊区", "新区", "开发区", "高新区", "经开区", "市辖区"})


@dataclass(frozen=True)
class Programme:
    """A programme/initiative named in a report, with its type and where it runs."""

    name: str
    type: str
    aliases: tuple[str, ...] = ()
    jurisdictions: tuple[Place, ...] = ()
    mentions: tuple[Mention, ...] = ()
    status: str | None = None          # pilot | rollout | plan, where the text says so
    related: tuple[str, ...] = ()      # names of related (not merged) programmes, e.g. an app of it

    def to_json(self) -> dict:
        return {"name": self.name, "aliases": list(self.aliases), "type": self.type,
                "jurisdictions": [j.label for j in self.jurisdictions],
                "mentions": [m.to_json() for m in self.mentions]}


@dataclass(frozen=True)
class Document:
    """A document cited in 《》: title, type (its last word), issuer, status and what it cites."""

    title: str
    type: str | None = None
    issuer: str | None = None
    status: str | None = None          # draft | trial
    mentions: tuple[Mention, ...] = ()
    cites: tuple[str, ...] = ()        # titles of documents nested inside this one's title
    aliases: tuple[str, ...] = ()      # short back-references resolved to this document
    national: bool = False             # issued nationally: one document whoever cites it

    def to_json(self) -> dict:
        return {"title": self.title, "type": self.type, "issuer": self.issuer, "status": self.status,
                "mentions": [m.to_json() for m in self.mentions]}


@dataclass(frozen=True)
class Outcome:
    """A quantified claim: indicator, value, unit, direction, linked to a programme if any."""

    indicator: str
    value: float
    unit: str | None
    direction: str
    sentence: str
    start: int
    end: int
    qualifier: str | None = None
    program: str | None = None
    jurisdiction: Place | None = None
    text: str = ""                     # the matched span itself, plain[start:end]

    def to_json(self) -> dict:
        value = int(self.value) if float(self.value).is_integer() else self.value
        return {"indicator": self.indicator, "value": value, "unit": self.unit,
                "direction": self.direction, "qualifier": self.qualifier, "program": self.program,
                "sentence": self.sentence, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Extraction:
    """Everything one report yields; ``text`` is the plain text all offsets point into."""

    source: str
    encoding: str
    text: str
    kind: str = "other"
    title: str | None = None
    jurisdiction: Place | None = None
    year: int | None = None
    published: str | None = None
    programs: tuple[Programme, ...] = ()
    documents: tuple[Document, ...] = ()
    outcomes: tuple[Outcome, ...] = ()
    warnings: tuple[str, ...] = ()
    sentences: tuple[tuple[int, int], ...] = field(default=(), repr=False)
    parts: tuple[Part, ...] = field(default=(), repr=False)   # pages or Word parts, in text order

    def to_json(self) -> dict:
        """The contract's `govkg extract` object for this report; for a paged or Word file each mention
        and outcome also says where it is ("page": 3, or "part": "table 1, row 2")."""
        row = {"source": self.source, "encoding": self.encoding, "kind": self.kind,
               "title": self.title,
               "jurisdiction": self.jurisdiction.to_json() if self.jurisdiction else None,
               "year": self.year, "published": self.published,
               "programs": [p.to_json() for p in self.programs],
               "documents": [d.to_json() for d in self.documents],
               "outcomes": [o.to_json() for o in self.outcomes],
               "warnings": list(self.warnings)}
        if self.parts:
            for item in row["programs"] + row["documents"]:
                for mention in item["mentions"]:
                    mention.update(self.part_at(mention["start"]).where())
            for outcome in row["outcomes"]:
                outcome.update(self.part_at(outcome["start"]).where())
        return row

    def part_at(self, offset: int) -> Part:
        """The part (page, paragraph, table row) holding `offset`; an empty `Part` when unknown.

        >>> x = Extraction("a.pdf", "utf-8", "第一页\\n第二页", parts=(Part(0, 4, 1), Part(4, 7, 2)))
        >>> x.part_at(5).page, x.part_at(99).page
        (2, None)
        """
        lo, hi = 0, len(self.parts) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            part = self.parts[mid]
            if offset < part.start:
                hi = mid - 1
            elif offset >= part.end:
                lo = mid + 1
            else:
                return part
        return Part(offset, offset)

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """The (start, end) of the sentence holding `offset`, or the whole text if unsplit."""
        for start, end in self.sentences:
            if start <= offset < end:
                return start, end
        return 0, len(self.text)
