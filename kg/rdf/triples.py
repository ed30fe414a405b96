"""One `Extraction` → its report graph plus the shared-entity groups it needs (docs/data-model.md, v2).

Pure: no store, no file access. The report graph holds only what the report says (metadata,
adoptions, citations, outcomes, one evidence node per sentence); the graph a fact is in is its
report, so facts carry no `prov:wasDerivedFrom`. Places, programmes and documents are described in
`kg.rdf.shared` groups that a store holds once.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad

from kg.rdf import iri
from kg.rdf.nquads import iri as iri_term
from kg.rdf.nquads import parse_lines, term
from kg.rdf.shared import Shared, place_chain
from kg.rdf.vocab import DCTERMS, GK, OA, QB, RDF_TYPE, RDFS, XSD
from loaders.normalise import normalise
from loaders.records import Document, Extraction, Place, Programme

__all__ = ["to_quads", "to_parts", "Parts", "place_chain"]

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass
class Parts:
    """What one report becomes: its own graph and the shared groups (key → lines), as N-Quads lines."""

    report_lines: list[str]
    shared_lines: dict[str, list[str]]

    @property
    def report(self) -> list[Quad]:
        """The report graph's quads (parsed back from the lines)."""
        return parse_lines(self.report_lines)

    @property
    def shared(self) -> dict[str, list[Quad]]:
        """Each shared group's quads (parsed back from the lines)."""
        return {key: parse_lines(lines) for key, lines in self.shared_lines.items()}

    def nquads(self) -> tuple[bytes, dict[str, bytes]]:
        """The report graph and each shared group as N-Quads bytes (what a worker hands back)."""
        return ("".join(self.report_lines).encode("utf-8"),
                {key: "".join(lines).encode("utf-8") for key, lines in self.shared_lines.items()})


class _Graph:
    """Collects the N-Quads lines of one named graph, each once, in insertion order."""

    def __init__(self, name: str):
        self.name = iri_term(name)
        self.lines: dict[str, None] = {}

    def add(self, s: str, p: NamedNode, o: object) -> None:
        if o is None or o == "" or o == ():
            return
        self.lines[f"{iri_term(s)} {iri_term(p.value)} {term(o)} {self.name} .\n"] = None

    def link(self, s: str, p: NamedNode, o: str | None) -> None:
        if o:
            self.lines[f"{iri_term(s)} {iri_term(p.value)} {iri_term(o)} {self.name} .\n"] = None


class _Report:
    """The state of one conversion: the report graph, the shared groups, the report IRI."""

    def __init__(self, ext: Extraction, report_iri: str):
        self.ext, self.r, self.g, self.shared = ext, report_iri, _Graph(report_iri), Shared()
        self.starts = [start for start, _ in ext.sentences]
        self.evidences: dict[tuple[int, int], str] = {}
        self.home = self.shared.place(ext.jurisdiction) if ext.jurisdiction else None
        self.home_label = None
        self.places: dict[str, str] = {}
        if ext.jurisdiction:
            for node_iri, p, label in place_chain(ext.jurisdiction):
                self.places[p.name] = self.places[p.label] = self.places[label] = node_iri
                self.home_label = label

    def _sentence_at(self, offset: int) -> tuple[int, int]:
        """`Extraction.sentence_at` by bisection (sentences are in text order)."""
        i = bisect.bisect_right(self.starts, offset) - 1
        if i >= 0 and self.ext.sentences[i][0] <= offset < self.ext.sentences[i][1]:
            return self.ext.sentences[i]
        return self.ext.sentence_at(offset)

    def evidence(self, offset: int) -> str:
        """The evidence node of the sentence holding `offset` (one per sentence, shared by its facts)."""
        start, end = self._sentence_at(offset)
        if (start, end) in self.evidences:
            return self.evidences[start, end]
        e = self.evidences[start, end] = iri.node("evidence", self.r, start, end)
        self.g.add(e, RDF_TYPE, GK.Evidence)
        self.g.add(e, GK.sentence, normalise(self.ext.text[start:end]))
        self.g.add(e, GK.page, self.ext.part_at(start).page)    # PDF, OFD: the page it is printed on
        self.g.add(e, OA.start, start)
        self.g.add(e, OA.end, end)
        return e

    def place(self, place: Place | None) -> str | None:
        if place is None:
            return self.home
        return self.shared.place(place)

    def named_place(self, text: str | None) -> str | None:
        """The known place (reporting one or an ancestor) that `text` starts with."""
        for name in sorted(self.places, key=len, reverse=True):
            if text and text.startswith(name):
                return self.places[name]
        return None


def _report(x: _Report, path: str | Path, content_hash: str) -> None:
    ext, g, r = x.ext, x.g, x.r
    source = str(Path(path).resolve())
    label = " ".join(str(v) for v in (x.home_label, ext.year, ext.title or Path(source).name) if v)
    g.add(r, RDF_TYPE, GK.Report)
    g.add(r, RDFS.label, label)
    g.add(r, DCTERMS.title, ext.title)
    g.add(r, GK.kind, ext.kind)
    g.add(r, GK.year, ext.year)
    if ext.published and _DATE.match(ext.published):
        g.add(r, DCTERMS.issued, Literal(ext.published, datatype=XSD.date))
    g.add(r, GK.sourceFile, source)
    g.add(r, GK.sourceURL, ext.source if ext.source.startswith(("http://", "https://")) else None)
    g.add(r, GK.encoding, ext.encoding)
    g.add(r, GK.contentHash, content_hash)
    g.link(r, GK.jurisdiction, x.home)
    for warning in ext.warnings:
        g.add(r, GK.warning, warning)


def _programme(x: _Report, p: Programme) -> None:
    g, pr, label = x.g, iri.programme(p.name), iri.programme_label(p.name)
    x.shared.programme(pr, label, p.type, [iri.programme(other) for other in p.related])
    for spelling in dict.fromkeys([p.name, *p.aliases, *(m.text for m in p.mentions)]):
        x.shared.spelling(pr, label, spelling)
    if not p.mentions:
        return
    places = [x.place(j) for j in p.jurisdictions] or [x.home]
    for place in dict.fromkeys(pl for pl in places if pl):
        a = iri.node("adoption", x.r, pr, place)
        g.add(a, RDF_TYPE, GK.Adoption)
        g.link(a, GK.programme, pr)
        g.link(a, GK.jurisdiction, place)
        g.add(a, GK.spelling, p.mentions[0].text or p.name)
        g.add(a, GK.status, p.status)
        for m in p.mentions:
            g.link(a, GK.evidence, x.evidence(m.start))


def _document_iri(x: _Report, title: str, national: bool, issued_by: str | None) -> str:
    if national:
        return iri.document(title, True)
    return iri.document(title, False, issued_by or x.named_place(title) or x.home)


def _document(x: _Report, d: Document, known: dict[str, str]) -> None:
    g, shared = x.g, x.shared
    doc = known[iri.key(d.title)]
    shared.document(doc, d.title)
    shared.about(doc, GK.documentType, d.type)
    shared.about(doc, GK.issuer, d.issuer)
    issued_by = x.named_place(d.issuer)
    shared.about(doc, GK.issuedBy, NamedNode(issued_by) if issued_by else None)
    shared.about(doc, GK.status, d.status)
    for title in d.cites:
        cited = known.get(iri.key(title)) or _document_iri(x, title, False, None)
        if iri.key(title) not in known:
            shared.document(cited, title)
        shared.about(doc, DCTERMS.references, NamedNode(cited))
    g.link(x.r, DCTERMS.references, doc)
    if d.mentions:
        c = iri.node("citation", x.r, doc)
        g.add(c, RDF_TYPE, GK.Citation)
        g.link(c, GK.document, doc)
        for m in d.mentions:
            g.link(c, GK.evidence, x.evidence(m.start))


def _outcomes(x: _Report) -> None:
    g = x.g
    for o in x.ext.outcomes:
        node = iri.node("outcome", x.r, o.start, o.end, o.indicator)
        g.add(node, RDF_TYPE, GK.Outcome)
        g.add(node, GK.indicator, o.indicator)
        g.add(node, GK.value, float(o.value))
        g.add(node, GK.unit, o.unit)
        g.add(node, GK.direction, o.direction)
        g.add(node, GK.qualifier, o.qualifier)
        g.link(node, GK.programme, iri.programme(o.program) if o.program else None)
        own = x.place(o.jurisdiction)
        g.link(node, GK.jurisdiction, own if own != x.home else None)
        g.link(node, GK.evidence, x.evidence(o.start))


def to_parts(extraction: Extraction, report_iri: str, path: str | Path, content_hash: str) -> Parts:
    """The report graph's quads and the shared groups this report needs.

    >>> from loaders import extract_text
    >>> x = extract_text("a.txt", "泽州县2024年法治政府建设情况报告\\n全县推行“企业安静期”制度。")
    >>> parts = to_parts(x, "https://w3id.org/govkg/id/report/1", "a.txt", "0" * 64)
    >>> sorted(k.split()[0] for k in parts.shared)     # the county, its city and province; the programme; 企业安静期制度 as its spelling
    ['place', 'place', 'place', 'programme', 'spelling']
    >>> sorted({q.graph_name.value.rsplit("/", 1)[1] for g in parts.shared.values() for q in g})
    ['concepts', 'places', 'programmes']
    """
    x = _Report(extraction, report_iri)
    _report(x, path, content_hash)
    known = {}
    for d in extraction.documents:
        issued_by = x.named_place(d.issuer)
        known.setdefault(iri.key(d.title), _document_iri(x, d.title, d.national, issued_by))
    for p in extraction.programs:
        _programme(x, p)
    for d in extraction.documents:
        _document(x, d, known)
    _outcomes(x)
    return Parts(list(x.g.lines), {k: list(lines) for k, lines in x.shared.groups.items()})


def to_quads(extraction: Extraction, report_iri: str, path: str | Path, content_hash: str) -> list[Quad]:
    """The quads of the report's own graph (`to_parts` also gives the shared descriptions).

    >>> from loaders import extract_text
    >>> x = extract_text("a.txt", "泽州县2024年法治政府建设情况报告\\n全县推行“企业安静期”制度。")
    >>> quads = to_quads(x, "https://w3id.org/govkg/id/report/1", "a.txt", "0" * 64)
    >>> {q.graph_name.value for q in quads}
    {'https://w3id.org/govkg/id/report/1'}
    >>> sum(1 for q in quads if q.object == GK.Adoption)
    1
    """
    return to_parts(extraction, report_iri, path, content_hash).report
