"""The programme thesaurus and word lists: well-formed, consistent, and extensible by users."""
import pytest

from loaders.lexicon import (Concept, cues, fold, heads, not_programmes, parse_thesaurus, thesaurus,
                             verbs)
from loaders.records import PROGRAMME_TYPES


@pytest.mark.parametrize("a, b", [
    ("双随机、一公开", "双随机一公开"),
    ("承诺制+标准地+全代办", "承诺制标准地全代办"),
    ("美好生活 • 民法典相伴", "美好生活·民法典相伴"),
    ("“最多跑一次”", "最多跑一次"),
    ("民主法治示范村（社区）", "民主法治示范村"),
    ("ＡＰＰ服务", "APP服务"),
])
def test_fold_equates_spellings(a, b):
    assert fold(a) == fold(b)


@pytest.mark.parametrize("a, b", [
    ("一村一法律顾问", "一社区一法律顾问"),
    ("七五普法", "八五普法"),
])
def test_fold_keeps_different_names_apart(a, b):
    assert fold(a) != fold(b)


@pytest.mark.parametrize("spelling, name", [
    ("放管服效", "放管服"),
    ("新时代枫桥经验", "枫桥经验"),
    ("12345政务服务便民热线", "12345热线"),
    ("一件事一次办", "高效办成一件事"),
    ("农村（社区）法律明白人", "法律明白人"),
])
def test_thesaurus_aliases(spelling, name):
    assert thesaurus().get(spelling).name == name


def test_thesaurus_is_consistent():
    concepts = thesaurus().concepts
    assert len(concepts) >= 40
    assert all(c.type in PROGRAMME_TYPES for c in concepts)
    owners = {}
    for c in concepts:
        for label in (c.name,) + c.labels:
            assert owners.setdefault(fold(label), c.name) == c.name, label
    names = {c.name for c in concepts}
    assert all(r in names for c in concepts for r in c.related)


def test_thesaurus_and_non_programmes_do_not_overlap():
    labels = {fold(lab) for c in thesaurus().concepts for lab in (c.name,) + c.labels}
    assert not labels & not_programmes()


def test_related_pairs_are_symmetric():
    by_name = {c.name: c for c in thesaurus().concepts}
    assert "一社区一法律顾问" in by_name["一村一法律顾问"].related
    for c in by_name.values():
        for r in c.related:
            assert c.name in by_name[r].related


def test_user_extension_parses():
    ttl = """@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    @prefix gk: <https://w3id.org/govkg/ontology#> .
    <urn:x:a> a gk:Programme ; skos:inScheme gk:Programmes ; skos:prefLabel "浙里办" ;
        skos:altLabel "浙里办APP" ; gk:programmeType "platform" ; skos:related <urn:x:b> .
    <urn:x:b> skos:prefLabel "最多跑一次" ; gk:programmeType "reform" ; skos:related <urn:x:a> .
    <urn:x:c> skos:prefLabel "无类型" ."""
    t = parse_thesaurus(ttl)
    assert t.get("浙里办 APP") == Concept("浙里办", "platform", ("浙里办APP",), ("最多跑一次",))
    assert t.get("无类型") is None


@pytest.mark.parametrize("concept, label, quoted_only", [
    ("高效办成一件事", "一件事", True),
    ("双随机一公开", "双随机", True),
    ("七五普法", "七五", True),
    ("放管服", "放管服效", False),
    ("枫桥经验", "新时代枫桥经验", False),
])
def test_short_forms_need_quotes(concept, label, quoted_only):
    c = next(c for c in thesaurus().concepts if c.name == concept)
    assert c.quoted_only(label) is quoted_only


def test_word_lists_are_well_formed():
    assert all(kind in PROGRAMME_TYPES and where in {"in", "post", "both"} for _, kind, where, _ in heads())
    assert all(kind in PROGRAMME_TYPES for kind in verbs().values())
    assert {"四个意识", "十四五", "黄赌毒", "最后一公里"} <= not_programmes()
    assert "被评为" in cues("honour-before") and "原则" in cues("reject-after")
