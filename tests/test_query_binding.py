"""Parameters are bound as RDF terms through the gk:key index: aliases and short names resolve, hostile
text finds nothing (or is refused with candidates), never reaches the query as syntax."""
import pytest
from _mini import mini_store

from kg.sparql.binding import norm, resolve_jurisdictions, resolve_programmes
from kg.errors import ParameterError, QueryError, UnknownQuery
from kg.sparql.query import bound_text, load_query, run_named

HOSTILE = [
    'x" } UNION { ?s ?p ?o } #',
    "x' } UNION { ?s ?p ?o } #",
    '"> } ; DROP ALL ; #',
    "企业安静期\" } UNION { ?s ?p ?o } #",
    "<https://w3id.org/govkg/id/programme/quiet>",
    "?in_program",
    "\\\" }",
]


@pytest.fixture(scope="module")
def store():
    return mini_store()


def adopters(store, program):
    return sorted((r["jurisdiction"], r["year"]) for r in run_named(store, "adopters", program=program))


@pytest.mark.parametrize("spelling", ["承诺制+标准地+全代办", "承诺制标准地全代办", "“承诺制＋标准地＋全代办”",
                                      "承诺制 + 标准地 + 全代办", "承诺制、标准地、全代办"])
def test_programme_spellings_give_the_same_rows(store, spelling):
    assert adopters(store, spelling) == [("泽州县", 2024), ("苏州工业园区", 2022)]


def test_programme_iri_is_accepted(store):
    assert adopters(store, "https://w3id.org/govkg/id/programme/quiet") == [
        ("晋城市城区", 2021), ("泽州县", 2024), ("阳泉市", 2025)]


def test_programme_partial_name_is_not_a_match(store):
    with pytest.raises(ParameterError, match="no programme named '标准地' .*did you mean 承诺制"):
        adopters(store, "标准地")


@pytest.mark.parametrize("name", ["泽州县", "泽州", "140525", " 泽州县 ", "https://w3id.org/govkg/id/place/140525"])
def test_jurisdiction_by_label_short_name_adcode_or_iri(store, name):
    assert [n.value.rsplit("/", 1)[1] for n in resolve_jurisdictions(store, name)] == ["140525"]


@pytest.mark.parametrize("name, expected", [
    ("阳泉市", {"140300", "140302", "t-xinhua-cq"}),  # a city brings its district and its town
    ("阳泉市城区", {"140302", "t-xinhua-cq"}),     # the unique label (城区 alone is ambiguous)
    ("苏州市", {"320500", "x-sip"}),             # a development zone under the city
    ("山西省", {"140000", "140300", "140302", "140500", "140525", "140502", "t-xinhua-cq", "t-xinhua-jc"}),
])
def test_jurisdiction_brings_its_sub_units(store, name, expected):
    assert {n.value.rsplit("/", 1)[1] for n in resolve_jurisdictions(store, name)} == expected


def test_city_programmes_include_the_districts(store):
    rows = run_named(store, "programs", jurisdiction="阳泉")
    assert {r["jurisdiction"] for r in rows} == {"阳泉市", "阳泉市城区", "阳泉市城区新华街道"}


def test_related_programmes_only_where_asked(store):
    assert [n.value.rsplit("/", 1)[1] for n in resolve_programmes(store, "企业安静期", exact=True)] == ["quiet"]
    assert [n.value.rsplit("/", 1)[1] for n in resolve_programmes(store, "企业安静期")] == ["quiet", "quiet-zhidu"]
    assert {n.value.rsplit("/", 1)[1] for n in resolve_programmes(store, "企业安静期", related=True)} == \
        {"quiet", "quiet-zhidu", "qjt"}


@pytest.mark.parametrize("hostile", HOSTILE)
@pytest.mark.parametrize("name, param", [("adopters", "program"), ("programs", "jurisdiction"),
                                         ("documents", "type"), ("search", "text"), ("evidence", "entity"),
                                         ("metric", "indicator"), ("outcomes", "jurisdiction")])
def test_hostile_values_find_nothing_and_break_nothing(store, hostile, name, param):
    before = len(store)
    try:
        rows = run_named(store, name, **{param: hostile})
    except ParameterError:  # e.g. not a valid regular expression: refused, not run
        rows = []
    assert rows == []
    assert len(store) == before


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_never_reaches_the_query_as_syntax(store, hostile):
    with pytest.raises(ParameterError, match="no programme named"):   # resolved to no programme: refused
        bound_text(store, load_query("adopters"), {"program": hostile})
    text = bound_text(store, load_query("documents"), {"type": hostile})
    assert "UNION { ?s ?p ?o }" not in text.replace('\\"', "").split("VALUES")[0]


@pytest.mark.parametrize("value", ["2", " 3 ", "0"])
def test_min_takes_integers(store, value):
    rows = run_named(store, "shared-programs", min=value)
    assert all(r["jurisdictions"] >= int(value) for r in rows)


@pytest.mark.parametrize("value", ["two", "2.5", "", "2; DROP"])
def test_min_must_be_an_integer(store, value):
    with pytest.raises(ParameterError, match="'min' must be an integer"):
        run_named(store, "shared-programs", min=value)


def test_unknown_parameter_lists_the_valid_ones(store):
    with pytest.raises(ParameterError, match=r"no parameter 'programme' \(its parameters: program, exact\)"):
        run_named(store, "adopters", programme="企业安静期")


def test_missing_required_parameter(store):
    with pytest.raises(ParameterError, match="needs --param program="):
        run_named(store, "adopters")


def test_unknown_query_lists_the_known_ones(store):
    with pytest.raises(UnknownQuery, match="known: adopters, co-adoption"):
        run_named(store, "adopter")


def test_bad_regex_is_a_parameter_error(store):
    with pytest.raises(ParameterError, match="indicator"):
        run_named(store, "metric", indicator="调解(")


def test_optional_parameters_may_be_left_out(store):
    assert len(run_named(store, "outcomes")) == 8
    assert len(run_named(store, "outcomes", program=None, jurisdiction="苏州市")) == 1


def test_both_optional_parameters_together(store):
    rows = run_named(store, "outcomes", program="高效办成一件事", jurisdiction="泽州县")
    assert rows == []  # no outcome is linked to that programme
    rows = run_named(store, "outcomes", program="企静通", jurisdiction="泽州县")
    assert [r["value"] for r in rows] == [35]
    rows = run_named(store, "outcomes", program="企静通", jurisdiction="晋城市城区")
    assert [r["value"] for r in rows] == [20]                    # related 企业安静期: its concept's 企业安静期制度


def test_update_is_refused(store):
    from kg.sparql.rows import run_sparql
    for update in ["INSERT DATA { <a:b> <a:c> <a:d> }", "PREFIX x: <http://x/> DELETE WHERE { ?s ?p ?o }",
                   "# a comment\nDROP ALL", "clear all"]:
        with pytest.raises(QueryError, match="read-only"):
            run_sparql(store, update)


def test_norm_folds_width_and_punctuation():
    assert norm("《法治政府建设实施纲要（2021－2025年）》") == norm("法治政府建设实施纲要(2021—2025年)")
    assert norm("“法律明白人”") == "法律明白人"
