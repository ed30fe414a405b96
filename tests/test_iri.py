"""IRI minting: stable, normalised keys; one IRI per thing whatever the spelling."""
import pytest

from kg.rdf import iri


@pytest.mark.parametrize("a, b", [
    ("法治政府建设实施纲要(2021-2025年)", "法治政府建设实施纲要（2021—2025年）"),
    ("法治政府建设实施纲要(2021-2025年)", "法治政府建设实施纲要〔2021－2025年〕"),
    ("企业安静期", " 企业 安静期\n"),
    ("企业安静期", "“企业安静期”"),
    ("ABC改革", "ＡＢＣ改革"),
])
def test_key_folds_spelling_variants(a, b):
    assert iri.key(a) == iri.key(b)


@pytest.mark.parametrize("a, b", [("企业安静期", "企业安静日"), ("条例(草案)", "条例")])
def test_key_keeps_different_names_apart(a, b):
    assert iri.key(a) != iri.key(b)


def test_place_by_adcode_ignores_name_and_parent():
    assert iri.place("城区", "140302") == iri.place("阳泉市城区", "140302", "140300")
    assert iri.place("城区", "140302").endswith("/place/140302")


def test_place_without_code_depends_on_parent():
    assert iri.place("城区", None, "140300") != iri.place("城区", None, "140500")
    assert iri.place("高新区", None, "510100") == iri.place("高新区", None, "510100")


def test_bad_adcode_is_not_used_as_iri():
    assert "/place/x-" in iri.place("某县", "1403", "140000")


def test_programme_same_for_variants_different_for_names():
    assert iri.programme("承诺制+标准地+全代办") == iri.programme("承诺制 + 标准地 + 全代办")
    assert iri.programme("企业安静期") != iri.programme("企静通")


def test_document_national_vs_local():
    title = "优化营商环境条例"
    assert iri.document(title, True, "place-a") == iri.document(title, True, "place-b")
    assert iri.document(title, False, "place-a") != iri.document(title, False, "place-b")


def test_report_by_resolved_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert iri.report("a.txt") == iri.report(tmp_path / "a.txt")
    assert iri.report("a.txt") != iri.report("b.txt")


def test_node_kinds():
    assert iri.node("outcome", "r", 1, 2) != iri.node("outcome", "r", 1, 3)
    assert iri.node("outcome", "r", 1, 2) != iri.node("outcome", "r2", 1, 2)
    with pytest.raises(ValueError):
        iri.node("mystery", "r")


def thesaurus_concepts():
    import pyoxigraph as ox

    from kg.resources import has_ontology_file, ontology_text
    if not has_ontology_file("programmes.ttl"):
        return []
    pref = "http://www.w3.org/2004/02/skos/core#prefLabel"
    return [(t.subject.value, t.object.value)
            for t in ox.parse(ontology_text("programmes.ttl"), ox.RdfFormat.TURTLE)
            if t.predicate.value == pref and "Programmes" not in t.subject.value]


def test_thesaurus_concepts_keep_their_iri_and_label():
    concepts = thesaurus_concepts()
    if not concepts:
        pytest.skip("no programme thesaurus shipped")
    assert len(concepts) >= 10
    for concept, label in concepts:
        assert iri.programme(label) == concept
        assert iri.programme("“" + label + "” ") == concept
        assert iri.programme_label(label) == label


def test_programme_outside_the_thesaurus_keeps_its_spelling():
    assert iri.programme_label("某县夜间政务服务") == "某县夜间政务服务"
    assert iri.programme("某县夜间政务服务").startswith(iri.BASE + "programme/")


def test_a_national_spelling_names_its_concepts_iri():
    """loaders/dicts/programme_national.tsv adds spellings the recogniser merges into a concept: the
    store's IRI for that spelling is the concept's, so both sides name one programme one way."""
    from loaders import dicts
    rows = [r for r in dicts.rows("programme_national.tsv") if len(r) > 2 and r[2]]
    assert rows
    for name, _type, spellings, *_ in rows:
        for spelling in spellings.split("|"):
            if len(spelling) >= 4:
                assert iri.programme(spelling) == iri.programme(name), (spelling, name)
