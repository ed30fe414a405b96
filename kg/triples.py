"""One `Extraction` → the quads of its report's named graph, exactly as `docs/data-model.md` says.

Pure: no store, no file access. Every fact gets `prov:wasDerivedFrom` the report and evidence nodes
(the sentence, with `oa:start`/`oa:end` offsets into the report's plain text).
"""
from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad

from kg import iri
from kg.vocab import DCTERMS, GK, OA, PROV, QB, RDF_TYPE, RDFS, SCHEMA, SKOS, XSD
from loaders.normalise import normalise
from loaders.records import Document, Extraction, Place, Programme

__all__ = ["to_quads", "place_chain"]

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SHORTEN = ("特别行政区", "自治区", "自治州", "自治县", "地区", "街道", "省", "市", "县", "区", "镇", "乡")


def _lit(value: object) -> Literal:
    if isinstance(value, bool):
        raise TypeError("no boolean literals in the data model")
    if isinstance(value, int):
        return Literal(str(value), datatype=XSD.integer)
    if isinstance(value, float):
        return Literal(format(Decimal(repr(value)).normalize(), "f"), datatype=XSD.decimal)
    return Literal(str(value))


class _Graph:
    """Collects the quads of one named graph, each once, in insertion order."""

    def __init__(self, name: str):
        self.name = NamedNode(name)
        self.quads: dict[Quad, None] = {}

    def add(self, s: str | NamedNode, p: NamedNode, o: object) -> None:
        if o is None or o == "" or o == ():
            return
        subject = s if isinstance(s, NamedNode) else NamedNode(s)
        if isinstance(o, NamedNode | Literal):
            obj = o
        else:
            obj = _lit(o)
        self.quads[Quad(subject, p, obj, self.name)] = None

    def link(self, s: str, p: NamedNode, o: str | None) -> None:
        if o:
            self.add(s, p, NamedNode(o))


def _level(name: str, code: str | None) -> str | None:
    if code and len(code) == 6 and code.isdigit():
        if code.endswith("0000"):
            return "province"
        if code.endswith("00"):
            return "prefecture"
    for suffix, level in (("开发区", "development-zone"), ("新区", "development-zone"),
                          ("区", "district"), ("县", "county"), ("旗", "county"), ("市", "county-city"),
                          ("镇", "township"), ("乡", "township"), ("街道", "township")):
        if name.endswith(suffix):
            return level
    return None


def place_chain(place: Place) -> list[tuple[str, Place]]:
    """The place and every ancestor, top first, as (IRI, Place) pairs.

    >>> chain = place_chain(Place("城区", "140302", "district", ("山西省", "阳泉市"), ("140000", "140300")))
    >>> [(i.rsplit("/", 1)[1], p.label, p.level) for i, p in chain]
    [('140000', '山西省', 'province'), ('140300', '阳泉市', 'prefecture'), ('140302', '阳泉市城区', 'district')]
    """
    chain: list[tuple[str, Place]] = []
    parent_key: str | None = None
    names = place.parents + (place.name,)
    for i, name in enumerate(names):
        own = i == len(names) - 1
        code = place.adcode if own else (place.parent_codes[i] if i < len(place.parent_codes) else None)
        node = place if own else Place(name, code, _level(name, code), place.parents[:i],
                                       place.parent_codes[:i])
        chain.append((iri.place(name, code, parent_key), node))
        parent_key = code or (parent_key or "") + "/" + name
    return chain


def _short_forms(p: Place) -> list[str]:
    forms = [p.name] if p.name != p.label else []
    if p.level != "development-zone":
        for suffix in _SHORTEN:
            if p.name.endswith(suffix) and len(p.name) - len(suffix) >= 2:
                forms.append(p.name[: -len(suffix)])
                break
    return forms


def _describe_place(g: _Graph, place: Place) -> str:
    """Describe a place and all its ancestors; returns the place's IRI."""
    parent = None
    for node_iri, p in place_chain(place):
        g.add(node_iri, RDF_TYPE, GK.Jurisdiction)
        g.add(node_iri, RDFS.label, p.label)
        g.add(node_iri, SKOS.prefLabel, p.label)
        g.add(node_iri, SCHEMA.name, p.name)
        for form in _short_forms(p):
            g.add(node_iri, SKOS.altLabel, form)
        g.add(node_iri, GK.adcode, p.adcode if p.adcode and re.fullmatch(r"\d{6}", p.adcode) else None)
        g.add(node_iri, GK.level, p.level or _level(p.name, p.adcode))
        g.link(node_iri, GK.partOf, parent)
        parent = node_iri
    return parent  # type: ignore[return-value]


class _Report:
    """The state of one conversion: the graph, the report IRI and the extraction."""

    def __init__(self, ext: Extraction, report_iri: str):
        self.ext, self.r, self.g = ext, report_iri, _Graph(report_iri)
        self.home = _describe_place(self.g, ext.jurisdiction) if ext.jurisdiction else None
        self.places = {}
        if ext.jurisdiction:
            for node_iri, p in place_chain(ext.jurisdiction):
                self.places[p.name] = self.places[p.label] = node_iri

    def evidence(self, offset: int) -> str:
        start, end = self.ext.sentence_at(offset)
        e = iri.node("evidence", self.r, start, end)
        self.g.add(e, RDF_TYPE, GK.Evidence)
        self.g.add(e, GK.sentence, normalise(self.ext.text[start:end]))
        self.g.add(e, GK.page, self.ext.part_at(start).page)    # PDF, OFD: the page it is printed on
        self.g.add(e, OA.start, start)
        self.g.add(e, OA.end, end)
        self.g.link(e, PROV.wasDerivedFrom, self.r)
        return e

    def place(self, place: Place | None) -> str | None:
        if place is None:
            return self.home
        return _describe_place(self.g, place)

    def named_place(self, text: str | None) -> str | None:
        """The known place (reporting one or an ancestor) that `text` starts with."""
        for name in sorted(self.places, key=len, reverse=True):
            if text and text.startswith(name):
                return self.places[name]
        return None


def _report(x: _Report, path: str | Path, content_hash: str) -> None:
    ext, g, r = x.ext, x.g, x.r
    source = str(Path(path).resolve())
    label = " ".join(str(v) for v in (ext.jurisdiction.label if ext.jurisdiction else None, ext.year,
                                      ext.title or Path(source).name) if v)
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
    g.add(pr, RDF_TYPE, GK.Programme)
    g.add(pr, RDF_TYPE, SKOS.Concept)
    g.link(pr, SKOS.inScheme, iri.PROGRAMME_SCHEME)
    g.add(pr, SKOS.prefLabel, label)
    g.add(pr, RDFS.label, label)
    spellings = [p.name, *p.aliases, *(m.text for m in p.mentions)]
    for alias in dict.fromkeys(a for a in spellings if a and a != label):
        g.add(pr, SKOS.altLabel, alias)
    g.add(pr, GK.programmeType, p.type)
    for other in p.related:
        g.link(pr, SKOS.related, iri.programme(other))
    if not p.mentions:
        return
    places = [x.place(j) for j in p.jurisdictions] or [x.home]
    for place in dict.fromkeys(pl for pl in places if pl):
        a = iri.node("adoption", x.r, pr, place)
        g.add(a, RDF_TYPE, GK.Adoption)
        g.link(a, GK.programme, pr)
        g.link(a, GK.jurisdiction, place)
        g.add(a, GK.year, x.ext.year)
        g.add(a, GK.status, p.status)
        g.link(a, PROV.wasDerivedFrom, x.r)
        for m in p.mentions:
            g.link(a, GK.evidence, x.evidence(m.start))


def _document_iri(x: _Report, title: str, national: bool, issued_by: str | None) -> str:
    if national:
        return iri.document(title, True)
    return iri.document(title, False, issued_by or x.named_place(title) or x.home)


def _document(x: _Report, d: Document, known: dict[str, str]) -> None:
    g = x.g
    issued_by = x.named_place(d.issuer)
    doc = known[iri.key(d.title)]
    g.add(doc, RDF_TYPE, GK.Document)
    g.add(doc, DCTERMS.title, iri.display_title(d.title))
    g.add(doc, RDFS.label, iri.display_title(d.title))
    g.add(doc, GK.documentType, d.type)
    g.add(doc, GK.issuer, d.issuer)
    g.link(doc, GK.issuedBy, issued_by)
    g.add(doc, GK.status, d.status)
    for title in d.cites:
        cited = known.get(iri.key(title)) or _document_iri(x, title, False, None)
        if iri.key(title) not in known:
            g.add(cited, RDF_TYPE, GK.Document)
            g.add(cited, DCTERMS.title, iri.display_title(title))
            g.add(cited, RDFS.label, iri.display_title(title))
        g.link(doc, DCTERMS.references, cited)
    g.link(x.r, DCTERMS.references, doc)
    if d.mentions:
        c = iri.node("citation", x.r, doc)
        g.add(c, RDF_TYPE, GK.Citation)
        g.link(c, GK.document, doc)
        g.link(c, PROV.wasDerivedFrom, x.r)
        for m in d.mentions:
            g.link(c, GK.evidence, x.evidence(m.start))


def _outcomes(x: _Report) -> None:
    g = x.g
    for o in x.ext.outcomes:
        node = iri.node("outcome", x.r, o.start, o.end, o.indicator)
        g.add(node, RDF_TYPE, GK.Outcome)
        g.add(node, RDF_TYPE, QB.Observation)
        g.add(node, GK.indicator, o.indicator)
        g.add(node, GK.value, float(o.value))
        g.add(node, GK.unit, o.unit)
        g.add(node, GK.direction, o.direction)
        g.add(node, GK.qualifier, o.qualifier)
        g.link(node, GK.programme, iri.programme(o.program) if o.program else None)
        g.link(node, GK.jurisdiction, x.place(o.jurisdiction))
        g.add(node, GK.year, x.ext.year)
        g.link(node, PROV.wasDerivedFrom, x.r)
        g.link(node, GK.evidence, x.evidence(o.start))


def to_quads(extraction: Extraction, report_iri: str, path: str | Path, content_hash: str) -> list[Quad]:
    """The quads one report becomes, all in the named graph `report_iri`.

    >>> from loaders import extract_text
    >>> x = extract_text("a.txt", "泽州县2024年法治政府建设情况报告\\n全县推行“企业安静期”制度。")
    >>> quads = to_quads(x, "https://w3id.org/govkg/id/report/1", "a.txt", "0" * 64)
    >>> {q.graph_name.value for q in quads}
    {'https://w3id.org/govkg/id/report/1'}
    >>> sum(1 for q in quads if q.object == GK.Adoption)
    1
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
    return list(x.g.quads)
