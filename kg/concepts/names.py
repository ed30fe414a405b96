"""Candidate names and their contexts, read from a built store: every programme with its labels,
spellings, the reports and jurisdictions that adopt it, the evidence sentences, and what comes with
them there (indicators of outcomes, cited documents, related programmes).

Reads both the v1 layout (descriptions repeated in report graphs) and v2 (shared graphs): facts are
matched inside `GRAPH ?r`, descriptions through the union graph with DISTINCT.
"""
from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field

from kg.concepts.variants import QUOTES
from kg.rdf.vocab import GRAPH_THESAURUS, PREFIXES

__all__ = ["Name", "gather", "labels", "light", "run"]




@dataclass
class Name:
    """One programme of the store and what the reports say around it."""

    iri: str
    label: str
    type: str | None = None
    thesaurus: bool = False
    spellings: set[str] = field(default_factory=set)
    reports: int = 0                  # reports adopting it
    jurisdictions: int = 0            # distinct jurisdictions adopting it
    sample: tuple[str, ...] = ()      # the reports whose sentences are read (`_sample`)
    sentences: dict[tuple[str, str], tuple[str, int]] = field(default_factory=dict)  # (report, evidence) → (text, start), sampled
    indicators: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)
    related: set[str] = field(default_factory=set)
    _quoted: set[str] | None = field(default=None, repr=False, compare=False)

    @property
    def all_spellings(self) -> set[str]:
        return {self.label} | self.spellings

    def quoted_reports(self) -> set[str]:
        """The reports that quote one of its spellings (“…”) in an evidence sentence.

        >>> n = Name("x:p", "安静期", sentences={("r1", "e"): ("推行企业“安静期”制度", 0), ("r2", "e"): ("安静期内", 0)})
        >>> n.quoted_reports()
        {'r1'}
        """
        if self._quoted is None:
            spellings = self.all_spellings
            self._quoted = {r for (r, _), (text, _) in self.sentences.items()
                            if any(q + s in text for s in spellings for q in QUOTES)}
        return self._quoted


# Descriptions are matched inside one graph at a time: over the union graph, a description repeated in
# N report graphs (the v1 layout) would join with itself N × N times.
_PROGRAMMES = """SELECT DISTINCT ?p ?label ?type WHERE { GRAPH ?g { ?p a gk:Programme .
  OPTIONAL { ?p skos:prefLabel ?label } OPTIONAL { ?p gk:programmeType ?type } } }"""
_ALT = "SELECT DISTINCT ?p ?alt WHERE { GRAPH ?g { ?p a gk:Programme ; skos:altLabel ?alt } }"
_THESAURUS = f"SELECT ?p WHERE {{ GRAPH <{GRAPH_THESAURUS}> {{ ?p a gk:Programme }} }}"
# one chunk of programmes at a time, each pattern in its own sub-select (hash-joined, the chunk's side
# built): the adoptions of the whole corpus are never held, by the engine or here
_ADOPTIONS = """SELECT DISTINCT ?p ?r ?j WHERE {
  { SELECT ?a ?r ?p WHERE { VALUES ?p { %s } GRAPH ?r { ?a gk:programme ?p } } }
  { SELECT ?a ?r WHERE { GRAPH ?r { ?a a gk:Adoption } } }
  { SELECT ?a ?r ?j WHERE { GRAPH ?r { ?a gk:jurisdiction ?j } } } }"""
_CHUNK = 64         # programmes per adoption query
_SENTENCES = """SELECT ?r ?p ?e ?s ?st WHERE {{ VALUES (?r ?p) {{ {} }}
  GRAPH ?r {{ ?a gk:programme ?p ; a gk:Adoption ; gk:evidence ?e . ?e gk:sentence ?s ; oa:start ?st }} }}"""
_BESIDE = """SELECT ?e ?i ?d WHERE {{ VALUES ?e {{ {} }}
  {{ ?o gk:evidence ?e ; gk:indicator ?i }} UNION {{ ?c gk:evidence ?e ; gk:document ?d }} }}"""
SAMPLE = 16         # reports per name whose sentences are read: enough evidence, and the pass stays linear
_BATCH = 300
_RELATED = "SELECT DISTINCT ?p ?q WHERE { GRAPH ?g { ?p a gk:Programme ; skos:related ?q } }"


def run(store, sparql: str):
    """A query over the union of the graphs, with the govkg prefixes; an embedded or a remote store."""
    head = "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())
    return store.query(head + sparql, use_default_graph_as_union=True)


def gather(store) -> dict[str, Name]:
    """Every programme of `store` by IRI, with its spellings and contexts.

    Programmes only the bundled thesaurus describes (no report names them) are included, without
    contexts, so that the concept graph maps every programme.
    """
    names: dict[str, Name] = {}
    for row in run(store, _PROGRAMMES):
        p = row["p"].value
        name = names.get(p) or names.setdefault(p, Name(p, row["label"].value if row["label"] else p))
        if row["type"] is not None and name.type is None:
            name.type = row["type"].value
    for row in run(store, _THESAURUS):
        if row["p"].value in names:
            names[row["p"].value].thesaurus = True
    for row in run(store, _ALT):
        if row["p"].value in names:
            names[row["p"].value].spellings.add(row["alt"].value)
    _read_adoptions(store, names)
    _read_sample(store, names)
    for row in run(store, _RELATED):
        p, q = row["p"].value, row["q"].value
        if p in names and q in names:
            names[p].related.add(q)
            names[q].related.add(p)
    return names


def _read_adoptions(store, names: dict[str, Name]) -> None:
    """How many reports and jurisdictions adopt each name, and its sample of reports."""
    iris = sorted(names)
    for i in range(0, len(iris), _CHUNK):
        reports: dict[str, set[str]] = defaultdict(set)
        places: dict[str, set[str]] = defaultdict(set)
        for row in run(store, _ADOPTIONS % " ".join(f"<{p}>" for p in iris[i:i + _CHUNK])):
            reports[row["p"].value].add(row["r"].value)
            places[row["p"].value].add(row["j"].value)
        for p, found in reports.items():
            name = names[p]
            name.reports, name.jurisdictions, name.sample = len(found), len(places[p]), tuple(_sample(found))


def _sample(reports: set[str]) -> list[str]:
    """Up to SAMPLE of a name's reports, spread by a hash of their IRIs (the same every run)."""
    return sorted(reports, key=lambda r: hashlib.sha1(r.encode()).digest())[:SAMPLE]


def _read_sample(store, names: dict[str, Name]) -> None:
    """Sentences of each name in its sampled reports, and the indicators and documents beside them."""
    pairs = sorted((r, iri) for iri, n in names.items() for r in n.sample)
    beside: dict[str, list[Name]] = defaultdict(list)        # evidence → names it is evidence of
    for i in range(0, len(pairs), _BATCH):
        values = " ".join(f"(<{r}> <{p}>)" for r, p in pairs[i:i + _BATCH])
        for row in run(store, _SENTENCES.format(values)):
            name, e = names[row["p"].value], row["e"].value
            name.sentences[(row["r"].value, e)] = (row["s"].value, int(row["st"].value))
            beside[e].append(name)
    keys = sorted(beside)
    for i in range(0, len(keys), _BATCH):
        for row in run(store, _BESIDE.format(" ".join(f"<{e}>" for e in keys[i:i + _BATCH]))):
            for name in beside[row["e"].value]:
                if row["i"] is not None:
                    name.indicators.add(row["i"].value)
                if row["d"] is not None:
                    name.documents.add(row["d"].value)


_LABELS = "SELECT DISTINCT ?p ?label WHERE { GRAPH ?g { ?p a gk:Programme ; skos:prefLabel ?label } }"
_COUNTS = """SELECT ?p (COUNT(DISTINCT ?j) AS ?n) WHERE { GRAPH ?r { ?r a gk:Report .
  ?a a gk:Adoption ; gk:programme ?p ; gk:jurisdiction ?j } } GROUP BY ?p"""


def labels(store) -> dict[str, str]:
    """Programme IRI → its label (the first prefLabel)."""
    out: dict[str, str] = {}
    for row in run(store, _LABELS):
        out.setdefault(row["p"].value, row["label"].value)
    return out


def light(store) -> dict[str, tuple[str, int, bool]]:
    """Programme IRI → (label, jurisdictions adopting it, in the thesaurus): what re-resolving needs."""
    counts = {row["p"].value: int(row["n"].value) for row in run(store, _COUNTS)}
    bundled = {row["p"].value for row in run(store, _THESAURUS)}
    return {p: (label, counts.get(p, 0), p in bundled) for p, label in labels(store).items()}
