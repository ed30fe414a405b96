"""SHACL validation: built stores conform; graphs missing a required property do not."""
import pyoxigraph as ox
import pytest

from kg.build.pipeline import build
from kg.store.local import Store
from kg.store.validate import validate, validate_quads
from kg.rdf.vocab import GK, OA, PROV, RDF_TYPE, RDFS, SKOS, XSD
from store_texts import seed_dir, write_reports

ID = "https://w3id.org/govkg/id/"
G = ox.NamedNode(ID + "report/r")
R = ox.NamedNode(ID + "report/r")
J = ox.NamedNode(ID + "place/140302")
P = ox.NamedNode(ID + "programme/p")
E = ox.NamedNode(ID + "evidence/e")
A = ox.NamedNode(ID + "adoption/a")


def n(value):
    return ox.Literal(str(value), datatype=XSD.integer)


PLACES = ox.NamedNode("https://w3id.org/govkg/graph/places")
BUILDS = ox.NamedNode("https://w3id.org/govkg/graph/builds")


def well_formed():
    """A minimal store that conforms: a report (marked built), a place, a programme, an adoption,
    its evidence; the place in graph/places, the rest in the report graph (the graphs are merged)."""
    triples = [
        (R, RDF_TYPE, GK.Report), (R, RDFS.label, ox.Literal("r")), (R, GK.kind, ox.Literal("other")),
        (R, GK.sourceFile, ox.Literal("/r.txt")), (R, GK.encoding, ox.Literal("utf-8")),
        (R, GK.contentHash, ox.Literal("0" * 64)), (R, GK.year, n(2024)),
        (J, RDF_TYPE, GK.Jurisdiction), (J, RDFS.label, ox.Literal("阳泉市城区")),
        (J, SKOS.prefLabel, ox.Literal("阳泉市城区")), (J, GK.adcode, ox.Literal("140302")),
        (J, GK.level, ox.Literal("district")), (J, GK.key, ox.Literal("阳泉市城区")),
        (P, RDF_TYPE, GK.Programme), (P, SKOS.prefLabel, ox.Literal("企业安静期")),
        (P, GK.programmeType, ox.Literal("institution")), (P, SKOS.inScheme, GK.Programmes),
        (A, RDF_TYPE, GK.Adoption), (A, GK.programme, P), (A, GK.jurisdiction, J),
        (A, GK.spelling, ox.Literal("企业“安静期”")), (A, GK.evidence, E),
        (E, RDF_TYPE, GK.Evidence), (E, GK.sentence, ox.Literal("全区推行企业安静期。")),
        (E, OA.start, n(3)), (E, OA.end, n(13)),
    ]
    return [ox.Quad(s, p, o, PLACES if s == J else G) for s, p, o in triples] + [
        ox.Quad(R, GK.builtFrom, ox.Literal("0" * 64), BUILDS)]


def without(quads, s, p):
    return [q for q in quads if not (q.subject == s and q.predicate == p)]


def replaced(quads, s, p, o):
    return without(quads, s, p) + [ox.Quad(s, p, o, G)]


def test_hand_made_graph_conforms():
    conforms, text = validate_quads(well_formed())
    assert conforms, text


@pytest.mark.parametrize("broken, path", [
    (lambda q: without(q, A, GK.evidence), "gk:evidence"),
    (lambda q: without(q, A, GK.programme), "gk:programme"),
    (lambda q: without(q, R, GK.kind), "gk:kind"),
    (lambda q: replaced(q, R, GK.kind, ox.Literal("memo")), "gk:kind"),
    (lambda q: q + [ox.Quad(R, GK.kind, ox.Literal("news-article"), G)], "gk:kind"),
    (lambda q: replaced(q, R, GK.year, ox.Literal("2024")), "gk:year"),
    (lambda q: replaced(q, J, GK.adcode, ox.Literal("1403")), "gk:adcode"),
    (lambda q: replaced(q, J, GK.level, ox.Literal("city")), "gk:level"),
    (lambda q: without(q, P, SKOS.prefLabel), "skos:prefLabel"),
    (lambda q: without(q, P, SKOS.inScheme), "skos:inScheme"),
    (lambda q: replaced(q, P, GK.programmeType, ox.Literal("slogan")), "gk:programmeType"),
    (lambda q: replaced(q, E, OA.start, n(20)), "oa:start"),
    (lambda q: without(q, E, GK.sentence), "gk:sentence"),
    (lambda q: q + [ox.Quad(A, PROV.wasDerivedFrom, R, G)], "prov:wasDerivedFrom"),
    (lambda q: q + [ox.Quad(P, GK.programmeType, ox.Literal("reform"), G)], "gk:programmeType"),
    (lambda q: q + [ox.Quad(J, RDFS.label, ox.Literal("城区"), G)], "rdfs:label"),
    (lambda q: without(q, J, GK.key), "gk:key"),
    (lambda q: q + [ox.Quad(R, GK.builtFrom, ox.Literal("1" * 64), BUILDS)], "gk:builtFrom"),
])
def test_broken_graph_does_not_conform(broken, path):
    conforms, text = validate_quads(broken(well_formed()))
    assert not conforms
    assert path in text and text.startswith("does not conform")


@pytest.mark.parametrize("extra, message, warnings", [
    (lambda q: without(q, R, GK.builtFrom), "no completion marker", 1),
    (lambda q: q + [ox.Quad(ox.NamedNode(ID + "place/x-2"), p, o, PLACES) for s, p, o, _ in q
                    if s == J and p != GK.adcode], "same label", 2),
])
def test_unmarked_report_and_repeated_label_are_only_warnings(extra, message, warnings):
    conforms, text = validate_quads(extra(well_formed()))
    assert conforms and f"; {warnings} warnings" in text and message in text, text


def test_outcome_value_must_be_decimal():
    o = ox.NamedNode(ID + "outcome/o")
    outcome = [(o, RDF_TYPE, GK.Outcome), (o, GK.indicator, ox.Literal("满意率")),
               (o, GK.direction, ox.Literal("level")), (o, GK.evidence, E)]
    good = well_formed() + [ox.Quad(*t, G) for t in outcome]
    assert validate_quads(good + [ox.Quad(o, GK.value, ox.Literal("98", datatype=XSD.decimal), G)])[0]
    assert not validate_quads(good + [ox.Quad(o, GK.value, ox.Literal("98%"), G)])[0]


def test_built_store_conforms(tmp_path):
    write_reports(tmp_path / "r")
    with Store.open(tmp_path / "s") as store:
        assert build(store, [tmp_path / "r"]).ok
        conforms, text = validate(store)
    assert conforms, text


def test_seed_store_conforms(tmp_path):
    seeds = seed_dir()
    if seeds is None:
        pytest.skip("shared seed corpus not present")
    with Store.open(tmp_path / "s") as store:
        assert build(store, [seeds]).ok
        conforms, text = validate(store)
    assert conforms, text
