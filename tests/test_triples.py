"""records → quads: the report graph and shared groups of docs/data-model.md (v2), checked on
hand-made extractions."""
import pyoxigraph as ox
import pytest

from kg.rdf import iri
from kg.rdf.shared import place_label
from kg.rdf.triples import to_parts, to_quads
from kg.rdf.vocab import (DCTERMS, GK, GRAPH_CONCEPTS, GRAPH_DOCUMENTS, GRAPH_PLACES, GRAPH_PROGRAMMES, OA,
                      PROV, RDF_TYPE, RDFS, SCHEMA, SKOS)
from loaders.records import Document, Extraction, Mention, Outcome, Place, Programme

R = "https://w3id.org/govkg/id/report/test"
HASH = "a" * 64
TEXT = ("城区2024年法治政府建设情况报告。全区推行“企业安静期”制度。"
        "贯彻《优化营商环境条例》，制定《城区行政执法办法》。涉企检查下降30%。")
CHENGQU = Place("城区", "140302", "district", ("山西省", "阳泉市"), ("140000", "140300"))
JIAOQU = Place("郊区", "140311", "district", ("山西省", "阳泉市"), ("140000", "140300"))


def span(text):
    start = TEXT.index(text)
    return Mention(start, start + len(text), text)


def sentences():
    ends = [i + 1 for i, ch in enumerate(TEXT) if ch == "。"]
    return tuple(zip([0] + ends[:-1], ends))


def extraction(**changes):
    base = dict(
        source="r.txt", encoding="utf-8", text=TEXT, kind="government-report",
        title="城区2024年法治政府建设情况报告", jurisdiction=CHENGQU, year=2024, published="2025-01-20",
        programs=(Programme("企业安静期", "institution", aliases=("企静期",),
                            jurisdictions=(CHENGQU,), mentions=(span("企业安静期"),)),),
        documents=(Document("优化营商环境条例", "条例", national=True, mentions=(span("《优化营商环境条例》"),)),
                   Document("城区行政执法办法", "办法", mentions=(span("《城区行政执法办法》"),))),
        outcomes=(Outcome("涉企检查", 30.0, "%", "decrease", "涉企检查下降30%。",
                          TEXT.index("涉企检查"), TEXT.index("30%") + 3, program="企业安静期"),),
        sentences=sentences())
    base.update(changes)
    return Extraction(**base)


def graph(x=None):
    """The report graph and every shared group it needs, in one store (what a build writes)."""
    parts = to_parts(x or extraction(), R, "r.txt", HASH)
    store = ox.Store()
    store.extend(parts.report + [q for group in parts.shared.values() for q in group])
    return store


def objects(store, s, p):
    return {q.object for q in store.quads_for_pattern(ox.NamedNode(s) if isinstance(s, str) else s, p, None)}


def subjects_of(store, cls):
    return {q.subject.value for q in store.quads_for_pattern(None, RDF_TYPE, cls)}


def test_every_quad_is_in_the_report_graph():
    quads = to_quads(extraction(), R, "r.txt", HASH)
    assert quads and {q.graph_name for q in quads} == {ox.NamedNode(R)}


def test_same_extraction_gives_same_quads():
    assert to_quads(extraction(), R, "r.txt", HASH) == to_quads(extraction(), R, "r.txt", HASH)


def test_report_node():
    g = graph()
    assert objects(g, R, GK.kind) == {ox.Literal("government-report")}
    assert objects(g, R, GK.year) == {ox.Literal("2024", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))}
    assert objects(g, R, GK.contentHash) == {ox.Literal(HASH)}
    assert objects(g, R, GK.jurisdiction) == {ox.NamedNode(iri.place("城区", "140302"))}
    assert len(objects(g, R, DCTERMS.references)) == 2


def test_every_ancestor_is_described_with_its_parent():
    g = graph()
    assert subjects_of(g, GK.Jurisdiction) == {iri.place("", c) for c in ("140000", "140300", "140302")}
    assert objects(g, iri.place("", "140302"), GK.partOf) == {ox.NamedNode(iri.place("", "140300"))}
    assert objects(g, iri.place("", "140300"), GK.partOf) == {ox.NamedNode(iri.place("", "140000"))}
    assert objects(g, iri.place("", "140000"), GK.level) == {ox.Literal("province")}


def test_ambiguous_name_gets_parent_in_label_and_short_name():
    g, chengqu = graph(), iri.place("", "140302")
    assert objects(g, chengqu, RDFS.label) == {ox.Literal("阳泉市城区")}
    assert objects(g, chengqu, SCHEMA.name) == {ox.Literal("城区")}
    assert objects(g, iri.place("", "140300"), SKOS.altLabel) == {ox.Literal("阳泉")}


def test_county_short_form_is_an_alt_label():
    zezhou = Place("泽州县", "140525", "county", ("山西省", "晋城市"), ("140000", "140500"))
    g = graph(extraction(jurisdiction=zezhou, programs=(), outcomes=()))
    assert ox.Literal("泽州") in objects(g, iri.place("", "140525"), SKOS.altLabel)


def test_programme_concept_with_aliases():
    g, p = graph(), iri.programme("企业安静期")
    assert {GK.Programme, SKOS.Concept} <= objects(g, p, RDF_TYPE)
    assert objects(g, p, SKOS.prefLabel) == {ox.Literal("企业安静期")}
    assert objects(g, p, SKOS.altLabel) == {ox.Literal("企静期")}
    assert objects(g, p, GK.programmeType) == {ox.Literal("institution")}


def test_one_adoption_per_programme_and_jurisdiction():
    prog = Programme("企业安静期", "institution", jurisdictions=(CHENGQU, JIAOQU, CHENGQU),
                     mentions=(span("企业安静期"),))
    g = graph(extraction(programs=(prog,)))
    adoptions = subjects_of(g, GK.Adoption)
    assert len(adoptions) == 2
    places = {o.value for a in adoptions for o in objects(g, a, GK.jurisdiction)}
    assert places == {iri.place("", "140302"), iri.place("", "140311")}


def test_evidence_is_the_sentence_with_offsets():
    g = graph()
    (adoption,) = subjects_of(g, GK.Adoption)
    (evidence,) = objects(g, adoption, GK.evidence)
    start = int(next(iter(objects(g, evidence, OA.start))).value)
    end = int(next(iter(objects(g, evidence, OA.end))).value)
    assert objects(g, evidence, GK.sentence) == {ox.Literal(TEXT[start:end])}
    assert "企业安静期" in TEXT[start:end] and start <= TEXT.index("企业安静期") < end


def test_no_jurisdiction_means_no_adoption_but_a_warning_is_kept():
    g = graph(extraction(jurisdiction=None, programs=(Programme("企业安静期", "institution",
                                                                 mentions=(span("企业安静期"),)),),
                         warnings=("no reporting jurisdiction found",)))
    assert not subjects_of(g, GK.Adoption)
    assert objects(g, R, GK.warning) == {ox.Literal("no reporting jurisdiction found")}
    assert iri.programme("企业安静期") in subjects_of(g, GK.Programme)


def test_citations_and_document_identity():
    g = graph()
    assert len(subjects_of(g, GK.Citation)) == 2
    other_place = Place("平遥县", "140728", "county", ("山西省", "晋中市"), ("140000", "140700"))
    g2 = graph(extraction(jurisdiction=other_place))
    national = subjects_of(g, GK.Document) & subjects_of(g2, GK.Document)
    assert [objects(g, d, DCTERMS.title) for d in national] == [{ox.Literal("优化营商环境条例")}]


def test_outcome_value_unit_programme():
    g = graph()
    (o,) = subjects_of(g, GK.Outcome)
    (value,) = objects(g, o, GK.value)
    assert value.value == "30" and value.datatype.value.endswith("#decimal")
    assert objects(g, o, GK.unit) == {ox.Literal("%")}
    assert objects(g, o, GK.programme) == {ox.NamedNode(iri.programme("企业安静期"))}


@pytest.mark.parametrize("value, lexical", [(38.6, "38.6"), (1200.0, "1200"), (0.05, "0.05")])
def test_outcome_without_unit_and_decimal_forms(value, lexical):
    out = Outcome("办理件数", value, None, "level", "x", 0, 2)
    g = graph(extraction(outcomes=(out,)))
    (o,) = subjects_of(g, GK.Outcome)
    assert not objects(g, o, GK.unit)
    assert next(iter(objects(g, o, GK.value))).value == lexical


# ------------------------------------------------------------------ v2: the report graph holds only claims

SHARED_KINDS = {"place": GRAPH_PLACES, "programme": GRAPH_PROGRAMMES, "spelling": GRAPH_PROGRAMMES,
                "document": GRAPH_DOCUMENTS, "about": GRAPH_DOCUMENTS}


def test_report_graph_describes_no_shared_entity():
    report = to_quads(extraction(), R, "r.txt", HASH)
    typed = {q.object for q in report if q.predicate == RDF_TYPE}
    assert typed == {GK.Report, GK.Adoption, GK.Citation, GK.Outcome, GK.Evidence}
    described = {q.subject.value for q in report}
    shared = {iri.place("", c) for c in ("140000", "140300", "140302")} | {iri.programme("企业安静期")}
    assert not described & shared
    assert not [q for q in report if q.predicate == PROV.wasDerivedFrom]


def test_shared_groups_live_in_their_graphs():
    parts = to_parts(extraction(), R, "r.txt", HASH)
    for key, quads in parts.shared.items():
        graphs = {q.graph_name.value for q in quads}
        assert graphs <= {SHARED_KINDS[key.split()[0]], GRAPH_CONCEPTS}, key
    concept = [q for q in parts.shared[f"programme {iri.programme('企业安静期')}"] if q.predicate == GK.concept]
    assert [(q.subject, q.object) for q in concept] == [(q.subject, q.subject) for q in concept] and concept


def test_adoption_keeps_the_spelling_and_facts_leave_out_the_report_year_and_place():
    text = TEXT.replace("企业安静期", "企业“安静期”")
    prog = Programme("企业安静期", "institution", jurisdictions=(CHENGQU,),
                     mentions=(Mention(text.index("企业“"), text.index("期”") + 2, "企业“安静期”"),))
    g = graph(extraction(text=text, programs=(prog,)))
    (adoption,) = subjects_of(g, GK.Adoption)
    assert objects(g, adoption, GK.spelling) == {ox.Literal("企业“安静期”")}
    assert ox.Literal("企业“安静期”") in objects(g, iri.programme("企业安静期"), SKOS.altLabel)
    (outcome,) = subjects_of(g, GK.Outcome)
    assert not objects(g, adoption, GK.year) and not objects(g, outcome, GK.year)
    assert not objects(g, outcome, GK.jurisdiction)      # the report's own place: not repeated


def test_outcome_in_another_place_names_it():
    out = Outcome("涉企检查", 30.0, "%", "decrease", "x", 0, 2, jurisdiction=JIAOQU)
    g = graph(extraction(outcomes=(out,)))
    (o,) = subjects_of(g, GK.Outcome)
    assert objects(g, o, GK.jurisdiction) == {ox.NamedNode(iri.place("", "140311"))}


def test_facts_of_one_sentence_share_one_evidence_node():
    sentence = "全区推行“企业安静期”制度，涉企检查下降30%。"
    text = "城区2024年法治政府建设情况报告。" + sentence
    start = text.index(sentence)
    prog = Programme("企业安静期", "institution", mentions=(Mention(text.index("企业"), text.index("期") + 1, "企业安静期"),))
    out = Outcome("涉企检查", 30.0, "%", "decrease", sentence, text.index("涉企"), len(text) - 1)
    g = graph(extraction(text=text, programs=(prog,), documents=(), outcomes=(out,),
                         sentences=((0, start), (start, len(text)))))
    assert len(subjects_of(g, GK.Evidence)) == 1


def test_places_key_on_every_name_and_know_their_province():
    g = graph()
    chengqu = iri.place("", "140302")
    assert {k.value for k in objects(g, chengqu, GK.key)} == {"阳泉市城区", "城区", "140302"}
    assert objects(g, chengqu, GK.province) == {ox.NamedNode(iri.place("", "140000"))}


@pytest.mark.parametrize("place, parent, label", [
    (Place("城区", "140302", "district"), "阳泉市", "阳泉市城区"),             # loaders' ambiguous names
    (Place("鼓楼区", "350102", "district"), "福州市", "福州市鼓楼区"),          # repeats in the gazetteer
    (Place("新华街道", None, "township"), "石家庄市桥西区", "石家庄市桥西区新华街道"),  # a town: no code
    (Place("平遥县", "140728", "county"), "晋中市", "平遥县"),                 # unique: as it is
    (Place("苏州工业园区", None, "development-zone"), "苏州市", "苏州工业园区"),  # names its parent already
])
def test_labels_are_unique_by_one_rule(place, parent, label):
    assert place_label(place, parent) == label
