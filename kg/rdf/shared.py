"""Descriptions of shared entities (places, programmes, documents), each as keyed groups of quads in
the shared graphs of docs/data-model.md: a store holds each group once, whatever number of reports
mention it, so queries never see a shared statement twice.

A group's key names what it describes (``place <J>``, ``programme <P>``, ``spelling <P> 企业“安静期”``,
``document <D>``, ``about <D>``). The build writes a group only if its key is not yet in the store
(first writer wins; `kg.store.batch.existing_keys` asks the store for a batch's keys); statements the
thesaurus already makes are left out, so no statement is in two graphs.
"""
from __future__ import annotations

import re
from functools import lru_cache

from pyoxigraph import NamedNode

from kg.rdf import iri
from kg.sparql.binding import norm
from kg.rdf.nquads import iri as iri_term
from kg.rdf.nquads import term
from kg.rdf.vocab import (DCTERMS, GK, GRAPH_CONCEPTS, GRAPH_DOCUMENTS, GRAPH_PLACES, GRAPH_PROGRAMMES,
                      RDF_TYPE, RDFS, SCHEMA, SKOS)
from loaders.records import AMBIGUOUS_NAMES, Place

__all__ = ["Shared", "place_chain", "place_label"]

_SHORTEN = ("特别行政区", "自治区", "自治州", "自治县", "地区", "街道", "省", "市", "县", "区", "镇", "乡")
_PLACES, _PROGRAMMES = iri_term(GRAPH_PLACES), iri_term(GRAPH_PROGRAMMES)
_DOCUMENTS, _CONCEPTS = iri_term(GRAPH_DOCUMENTS), iri_term(GRAPH_CONCEPTS)


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


def _short(name: str) -> str:
    for suffix in _SHORTEN:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


@lru_cache(maxsize=4096)
def _repeats(name: str) -> bool:
    """True when the gazetteer has this full name for more than one current division (鼓楼区, 城区)."""
    from loaders.gazetteer import Gazetteer
    codes = {p.adcode for p, full in Gazetteer.default().candidates(name) if full and not p.historical}
    return len(codes) > 1


def place_label(place: Place, parent_label: str | None) -> str:
    """The store-wide unique label of a place: its name, or its parent's label + its name where the name
    alone names several places (城区, 鼓楼区; any town or zone without an adcode unless its name already
    starts with its parent's short name).

    >>> place_label(Place("城区", "140302", "district"), "阳泉市")
    '阳泉市城区'
    >>> place_label(Place("新华街道", None, "township"), "石家庄市桥西区")
    '石家庄市桥西区新华街道'
    >>> place_label(Place("太原经济技术开发区", None, "development-zone"), "太原市"), place_label(Place("泽州县", "140525"), "晋城市")
    ('太原经济技术开发区', '泽州县')
    """
    if place.display:
        return place.display
    if not parent_label:
        return place.name
    level = place.level or _level(place.name, place.adcode)
    unclear = place.adcode is None and level in ("township", "development-zone") and not (
        place.name.startswith(_short(parent_label)) or place.name.startswith(parent_label))
    if place.name in AMBIGUOUS_NAMES or unclear or _repeats(place.name):
        return parent_label + place.name
    return place.name


def place_chain(place: Place) -> list[tuple[str, Place, str]]:
    """The place and every ancestor, top first, as (IRI, Place, unique label).

    >>> chain = place_chain(Place("城区", "140302", "district", ("山西省", "阳泉市"), ("140000", "140300")))
    >>> [(i.rsplit("/", 1)[1], p.level, label) for i, p, label in chain]
    [('140000', 'province', '山西省'), ('140300', 'prefecture', '阳泉市'), ('140302', 'district', '阳泉市城区')]
    """
    chain: list[tuple[str, Place, str]] = []
    parent_key: str | None = None
    parent_label: str | None = None
    names = place.parents + (place.name,)
    for i, name in enumerate(names):
        own = i == len(names) - 1
        code = place.adcode if own else (place.parent_codes[i] if i < len(place.parent_codes) else None)
        node = place if own else Place(name, code, _level(name, code), place.parents[:i],
                                       place.parent_codes[:i])
        parent_label = place_label(node, parent_label)
        chain.append((iri.place(name, code, parent_key), node, parent_label))
        parent_key = code or (parent_key or "") + "/" + name
    return chain


def _thesaurus_triples() -> tuple:
    """Every triple of ontology/programmes.ttl."""
    from kg.resources import ontology_triples
    return ontology_triples("programmes.ttl")


@lru_cache(maxsize=1)
def _thesaurus() -> frozenset[str]:
    """Every thesaurus triple as "s p o" N-Triples text (a shared description never repeats one)."""
    return frozenset(f"{term(t.subject)} {term(t.predicate)} {term(t.object)}" for t in _thesaurus_triples())


class Shared:
    """The shared-entity groups one report needs: key → N-Quads lines (insertion order, each once)."""

    def __init__(self):
        self.groups: dict[str, dict[str, None]] = {}

    def _add(self, key: str, graph: str, s: str, p: NamedNode, o: object, thesaurus: bool = False) -> None:
        """Add one statement to group `key`; with `thesaurus`, not if programmes.ttl already says it."""
        if o is None or o == "":
            return
        triple = f"{iri_term(s)} {iri_term(p.value)} {term(o)}"
        if thesaurus and triple in _thesaurus():
            return
        self.groups.setdefault(key, {})[f"{triple} {graph} .\n"] = None

    def place(self, place: Place) -> str:
        """Describe a place and its ancestors (one group each); the place's IRI."""
        node, groups = _place_groups(place)
        for key, lines in groups:
            self.groups.setdefault(key, dict.fromkeys(lines))
        return node

    def programme(self, pr: str, label: str, type_: str | None, related: list[str]) -> None:
        """Describe a programme (thesaurus statements left out) and its identity concept."""
        key = f"programme {pr}"
        if key in self.groups:
            return
        for p, o in ((RDF_TYPE, GK.Programme), (RDF_TYPE, SKOS.Concept),
                     (SKOS.inScheme, NamedNode(iri.PROGRAMME_SCHEME)), (SKOS.prefLabel, label),
                     (RDFS.label, label), (GK.programmeType, None if _thesaurus_type(pr) else type_),
                     *((GK.key, norm(name) or None) for name in [label, *_thesaurus_labels(pr)]),
                     *((SKOS.related, NamedNode(other)) for other in related)):
            self._add(key, _PROGRAMMES, pr, p, o, thesaurus=True)
        self._add(key, _CONCEPTS, pr, GK.concept, NamedNode(pr))

    def spelling(self, pr: str, label: str, spelling: str) -> None:
        """One more way of writing a programme's name: an altLabel and its key."""
        if not spelling or spelling == label:
            return
        key = f"spelling {pr} {spelling}"
        self._add(key, _PROGRAMMES, pr, SKOS.altLabel, spelling, thesaurus=True)
        self._add(key, _PROGRAMMES, pr, GK.key, norm(spelling) or None)

    def document(self, doc: str, title: str) -> None:
        """A document's identity: its type, title, label and key."""
        key = f"document {doc}"
        shown = iri.display_title(title)
        self._add(key, _DOCUMENTS, doc, RDF_TYPE, GK.Document)
        self._add(key, _DOCUMENTS, doc, DCTERMS.title, shown)
        self._add(key, _DOCUMENTS, doc, RDFS.label, shown)
        self._add(key, _DOCUMENTS, doc, GK.key, norm(shown) or None)

    def about(self, doc: str, p: NamedNode, o: object) -> None:
        """What a citing report says about a document (type, issuer, status, references)."""
        self._add(f"about {doc}", _DOCUMENTS, doc, p, o)

    def serialised(self) -> dict[str, bytes]:
        """key → the group's N-Quads bytes (what a worker hands back)."""
        return {key: "".join(lines).encode("utf-8") for key, lines in self.groups.items()}


@lru_cache(maxsize=65536)
def _place_groups(place: Place) -> tuple[str, tuple[tuple[str, tuple[str, ...]], ...]]:
    """(IRI of `place`, the groups describing it and each ancestor); the same for every report."""
    chain = place_chain(place)
    top = chain[0][1]
    province = chain[0][0] if (top.level or _level(top.name, top.adcode)) == "province" else None
    groups, parent = [], None
    for node, p, label in chain:
        one = Shared()
        key = f"place {node}"

        def add(prop, value, one=one, key=key, node=node):
            one._add(key, _PLACES, node, prop, value)
        add(RDF_TYPE, GK.Jurisdiction)
        add(RDFS.label, label)
        add(SKOS.prefLabel, label)
        add(SCHEMA.name, p.name)
        names = [label, p.name]
        for form in dict.fromkeys([p.name, _short(p.name) if p.level != "development-zone" else p.name]):
            if form != label:
                add(SKOS.altLabel, form)
                names.append(form)
        code = p.adcode if p.adcode and re.fullmatch(r"\d{6}", p.adcode) else None
        add(GK.adcode, code)
        add(GK.level, p.level or _level(p.name, p.adcode))
        add(GK.partOf, NamedNode(parent) if parent else None)
        add(GK.province, NamedNode(province) if province else None)
        for name in names + [code or ""]:
            add(GK.key, norm(name) or None)
        groups.append((key, tuple(one.groups[key])))
        parent = node
    return parent, tuple(groups)  # type: ignore[return-value]


@lru_cache(maxsize=None)
def _thesaurus_type(pr: str) -> bool:
    return any(t.subject.value == pr and t.predicate == GK.programmeType for t in _thesaurus_triples())


@lru_cache(maxsize=None)
def _thesaurus_labels(pr: str) -> tuple[str, ...]:
    return tuple(t.object.value for t in _thesaurus_triples() if t.subject.value == pr
                 and t.predicate in (SKOS.prefLabel, SKOS.altLabel))
