"""The concept pass's rules one by one: variant keys, names set apart, wording that joins names,
blocking (never all pairs), resolution with cannot-links and researchers' decisions, decision files."""
from __future__ import annotations

import pytest

from kg.concepts.decisions import Decision, Decisions, read_decisions, record
from kg.concepts.links import Link
from kg.concepts.resolve import Programme, resolve
from kg.concepts.similarity import CAP, candidate_pairs
from kg.concepts.variants import apart, quoted_inside, variant_key


@pytest.mark.parametrize("a, b", [
    ("企业安静期", "“企业安静期”"), ("企业安静期", "企业安静期制度"), ("容缺受理", "容缺受理机制"),
    ("枫桥经验", "新时代“枫桥经验”"), ("双随机一公开", "双随机、一公开"), ("接诉即办", "接诉即办工作机制"),
    ("首违不罚", "全县首违不罚"),
])
def test_exact_variants_share_one_key(a, b):
    assert variant_key(a) == variant_key(b)


@pytest.mark.parametrize("a, b", [
    ("河长制", "河长"), ("企业安静期", "安静期"), ("一村一法律顾问", "一社区一法律顾问"), ("制度", "机制"),
])
def test_different_names_keep_different_keys(a, b):
    assert variant_key(a) != variant_key(b)


@pytest.mark.parametrize("a, b, word", [
    ("企业安静期示范区", "企业安静期", "示范区"), ("免申即享平台", "免申即享", "平台"),
    ("非现场执法试点区", "非现场执法", "试点区"), ("一村一法律顾问", "一社区一法律顾问", "社区"),
    ("一村一辅警", "一户一辅警", "户"),
])
def test_apps_zones_and_other_groups_are_set_apart(a, b, word):
    assert word in apart(a, b) and word in apart(b, a)


@pytest.mark.parametrize("a, b", [("安静生产期", "企业安静期"), ("首违不罚", "首违免罚"), ("接诉即办", "闻诉即办")])
def test_local_variants_are_not_set_apart(a, b):
    assert apart(a, b) is None


def test_wording_glued_before_a_quote_names_the_fuller_programme():
    found = dict(quoted_inside("安静期", "推行企业“安静期”制度，安静期内不检查。"))
    assert found["企业安静期"] == "企业“安静期”"
    assert "企业安静期" not in dict(quoted_inside("安静期", "推行“安静期”制度，企业安静期内不检查。"))


def test_blocking_never_compares_all_pairs():
    keys = {f"p{i}": f"法治{chr(0x4e00 + i)}{chr(0x4e00 + 2 * i + 1)}" for i in range(400)}
    pairs = candidate_pairs(keys, {})
    assert len(pairs) <= len(keys) * CAP                               # 法治 is in every name: skipped
    assert ("p1", "p2") not in pairs


def _p(*names, thesaurus=()):
    return {n: Programme(n, n, 1, n in thesaurus) for n in names}


def test_related_links_are_never_merged_even_through_a_third_name():
    links = [Link("a", "b", "closeMatch", 0.9, "similar", ""), Link("b", "c", "closeMatch", 0.85, "similar", ""),
             Link("a", "c", "related", 0.9, "apart", "")]
    concept = resolve(_p("a", "b", "c"), links, Decisions([], set(), []))
    assert concept["a"] == concept["b"] != concept["c"]
    assert [l.status for l in links] == ["auto", "blocked", "related"]


def test_two_thesaurus_programmes_never_merge_automatically_but_a_researcher_may_merge_them():
    links = [Link("a", "b", "closeMatch", 0.95, "similar", "")]
    assert len(set(resolve(_p("a", "b", thesaurus="ab"), links, Decisions([], set(), [])).values())) == 2
    same = Decisions([Decision("same", "a", "b")], set(), [])
    assert len(set(resolve(_p("a", "b", thesaurus="ab"), links, same).values())) == 1
    assert links[0].status == "accepted"


def test_a_researchers_different_beats_any_path_and_their_preferred_name_is_canonical():
    links = [Link("a", "b", "exactMatch", 0.99, "same-key", ""), Link("b", "c", "closeMatch", 0.9, "similar", ""),
             Link("a", "c", "closeMatch", 0.9, "similar", "")]
    concept = resolve(_p("a", "b", "c"), links, Decisions([Decision("different", "a", "c")], {"b"}, []))
    assert concept["a"] == concept["b"] == "b" and concept["c"] != "b"


def test_low_confidence_links_are_only_proposed():
    links = [Link("a", "b", "closeMatch", 0.6, "similar", "")]
    concept = resolve(_p("a", "b"), links, Decisions([], set(), []))
    assert concept["a"] != concept["b"] and links[0].status == "proposed"


def test_decisions_file_round_trip_and_bad_lines(tmp_path):
    store = tmp_path / "store"
    record(store, "same", "无事不扰", "企业安静期", "L1")
    record(store, "different", "无事不扰", "企业安静期", "L1")     # the later decision replaces the earlier
    (tmp_path / "store.concepts.csv").write_text(
        (tmp_path / "store.concepts.csv").read_text(encoding="utf-8") + "maybe,x\n", encoding="utf-8")
    found = read_decisions(store)
    assert [d.verdict for d in found.items] == ["different"]
    assert len(found.warnings) == 1 and "store.concepts.csv: line 3:" in found.warnings[0]


def test_a_broken_turtle_thesaurus_is_one_warning(tmp_path):
    (tmp_path / "store.concepts.ttl").write_text("<a> <b> .", encoding="utf-8")
    found = read_decisions(tmp_path / "store")
    assert found.items == [] and len(found.warnings) == 1 and "store.concepts.ttl: cannot read" in found.warnings[0]


def test_every_concept_term_is_declared_in_the_ontology():
    import pyoxigraph as ox

    from kg.concepts.terms import CONCEPT_TERMS
    from kg.resources import ontology_text
    declared = {t.subject.value for t in ox.parse(ontology_text("govkg.ttl"), ox.RdfFormat.TURTLE)}
    assert [t for t in CONCEPT_TERMS if "https://w3id.org/govkg/ontology#" + t not in declared] == []


def test_a_brand_is_its_programme_and_derived_names_follow_their_bases():
    from kg.concepts.links import _bases_decide
    assert variant_key("“一网通办”品牌") == variant_key("一网通办")
    base = {"跨省通办服务": "跨省通办", "一网通办服务": "一网通办", "跨省通办": "跨省通办", "一网通办": "一网通办",
            "企业安静期": "企业安静期", "安静生产期": "安静生产期"}
    assert _bases_decide("跨省通办服务", "一网通办服务", base)          # compared through 跨省通办 / 一网通办
    assert not _bases_decide("跨省通办服务", "跨省通办", base)
    assert not _bases_decide("企业安静期", "安静生产期", base)
