"""Every named query: header, syntax, columns, and its answers on the five-report mini store (v2 model)."""
import re

import pyoxigraph
import pytest
from _mini import mini_store

from kg.errors import ParameterError
from kg.sparql.query import BIND_MARKER, list_queries, load_query, query_names, run_named
from kg.sparql.rows import run_sparql

# One case per query (the meta-test below fails when a new .rq has none): params, a check on the rows.
CASES = {
    "adopters": ({"program": "企业安静期"},
                 lambda rows: {(r["jurisdiction"], r["year"], r["status"]) for r in rows}
                 == {("阳泉市", 2025, "rollout"), ("泽州县", 2024, "pilot"), ("晋城市城区", 2021, None)}),
    "programs": ({"jurisdiction": "阳泉市城区"},
                 lambda rows: {(r["program"], r["type"], r["year"]) for r in rows}
                 == {("谁执法谁普法", "institution", 2020), ("法律明白人", "team", 2020)}),
    "outcomes": ({"jurisdiction": "泽州县"},
                 lambda rows: sorted((r["indicator"], r["value"], r["direction"]) for r in rows)
                 == [("人民调解成功率", 96.6, "level"), ("涉企检查", 35, "decrease")]),
    "documents": ({"type": "条例"},
                  lambda rows: {(r["title"], r["issuer"], r["status"]) for r in rows}
                  == {("阳泉市非物质文化遗产保护条例(草案)", "阳泉市", "draft"), ("苏州市优化营商环境条例", "苏州市", None)}),
    "jurisdictions": ({}, lambda rows: sorted((r["jurisdiction"], r["parent"] or "") for r in rows)
                      == sorted([("山西省", ""), ("阳泉市", "山西省"), ("阳泉市城区", "阳泉市"), ("晋城市", "山西省"),
                                 ("泽州县", "晋城市"), ("江苏省", ""), ("苏州市", "江苏省"), ("苏州工业园区", "苏州市"),
                                 ("晋城市城区", "晋城市"), ("阳泉市城区新华街道", "阳泉市城区"),
                                 ("晋城市城区新华街道", "晋城市城区")])),
    "shared-programs": ({}, lambda rows: {r["program"]: r["jurisdictions"] for r in rows}
                        == {"高效办成一件事": 3, "企业安静期": 3, "法律明白人": 3, "承诺制+标准地+全代办": 2}),
    "shared-documents": ({}, lambda rows: [(r["document"], r["reports"]) for r in rows]
                         == [("法治政府建设实施纲要(2021—2025年)", 2)]),
    "reports": ({}, lambda rows: {r["jurisdiction"]: r["year"] for r in rows}
                == {"阳泉市": 2025, "阳泉市城区": 2020, "泽州县": 2024, "苏州市": 2023, "晋城市城区": 2021}),
    "metric": ({"indicator": "调解成功率"},
               lambda rows: {r["jurisdiction"]: r["value"] for r in rows}
               == {"阳泉市": 99, "阳泉市城区": 100, "泽州县": 96.6, "晋城市城区新华街道": 97.5}),
    "diffusion": ({"program": "承诺制+标准地+全代办"},
                  lambda rows: [(r["jurisdiction"], r["year"], r["adopters"]) for r in rows]
                  == [("苏州工业园区", 2022, 1), ("泽州县", 2024, 2)]),
    "evidence": ({"entity": "法律明白人"},
                 lambda rows: {(r["kind"], r["start"], r["end"]) for r in rows}
                 == {("Adoption", 80, 108), ("Outcome", 80, 108), ("Adoption", 170, 186), ("Adoption", 50, 67)}
                 and all("法律明白人" in r["sentence"] for r in rows)),
    "search": ({"text": "园区"}, lambda rows: [(r["entity"], r["kind"]) for r in rows]
               == [("苏州工业园区", "Jurisdiction")]),
    "co-adoption": ({"min": 2}, lambda rows: [(r["jurisdiction"], r["other"], r["programs"]) for r in rows]
                    == [("阳泉市", "泽州县", 2)]),
    "flagged": ({}, lambda rows: [(r["source"], r["warning"]) for r in rows]
                == [("/data/sz2023.html", "incomplete last character dropped")]),
    "timeline": ({"jurisdiction": "泽州县"}, lambda rows: [(r["year"], r["programs"]) for r in rows]
                 == [(2024, 4)]),
}

CONTRACT_COLUMNS = {
    "adopters": {"jurisdiction", "year", "status", "report"},
    "programs": {"program", "type", "year"},
    "outcomes": {"indicator", "value", "unit", "direction", "program", "jurisdiction", "year", "evidence"},
    "documents": {"title", "type", "issuer", "status"},
    "jurisdictions": {"jurisdiction", "adcode", "level", "parent"},
    "shared-programs": {"program", "jurisdictions", "members"},
    "shared-documents": {"document", "reports"},
    "reports": {"report", "title", "jurisdiction", "year", "published", "kind"},
    "metric": {"jurisdiction", "indicator", "value", "unit", "year"},
}


@pytest.fixture(scope="module")
def store():
    return mini_store()


def test_found_the_queries():
    assert len(query_names()) >= 14
    assert set(CONTRACT_COLUMNS) <= set(query_names())


def test_every_query_has_a_case():
    assert set(query_names()) == set(CASES)


@pytest.mark.parametrize("name", query_names())
def test_header_is_complete(name):
    spec = load_query(name)
    assert spec.title and spec.description and spec.columns
    assert all(p.description for p in spec.params)
    assert (BIND_MARKER in spec.text) == bool(spec.params)
    for p in spec.params:
        assert p.kind == "boolean" or f"?in_{p.name}" in spec.text   # a flag binds nothing itself


@pytest.mark.parametrize("name", query_names())
def test_query_parses_unbound(name):
    # the .rq file is plain SPARQL: it runs as is (parameters unbound) in `govkg sparql @FILE`
    result = pyoxigraph.Store().query(load_query(name).text, use_default_graph_as_union=True)
    assert [v.value for v in result.variables] == list(load_query(name).columns)


@pytest.mark.parametrize("name", sorted(CASES))
def test_columns_are_the_header_columns(store, name):
    params, _ = CASES[name]
    assert run_named(store, name, **params).columns == list(load_query(name).columns)


@pytest.mark.parametrize("name", sorted(CONTRACT_COLUMNS))
def test_contract_columns(name):
    assert CONTRACT_COLUMNS[name] <= set(load_query(name).columns)


@pytest.mark.parametrize("name", sorted(CASES))
def test_answers_on_mini_store(store, name):
    params, check = CASES[name]
    rows = run_named(store, name, **params)
    assert rows, f"{name} found nothing"
    assert check(rows), rows


def test_outcomes_include_related_programmes(store):
    # 企静通 (the app) is skos:related to 企业安静期: its outcome counts for the programme
    rows = run_named(store, "outcomes", program="企业安静期")
    assert sorted(r["value"] for r in rows) == [20, 35, 38.6]     # 20: 企业安静期制度, the same concept
    assert {r["program"] for r in rows} == {"企业安静期", "企业安静期制度", "企静通"}
    exact = run_named(store, "outcomes", program="企业安静期", exact="true")
    assert {r["program"] for r in exact} == {"企业安静期", "企静通"}


def test_documents_nested_in_a_cited_title_count(store):
    titles = {r["title"] for r in run_named(store, "documents", jurisdiction="阳泉市城区")}
    assert titles == {"法治政府建设实施纲要(2021—2025年)", "关于贯彻〈行政处罚法〉的实施办法", "行政处罚法"}


def test_shared_programs_min_three(store):
    rows = run_named(store, "shared-programs", min=3)
    assert sorted(r["program"] for r in rows) == ["企业安静期", "法律明白人", "高效办成一件事"]
    members = {r["program"]: set(r["members"].split("、")) for r in rows}
    assert members["高效办成一件事"] == {"阳泉市", "泽州县", "苏州市"}
    assert members["企业安静期"] == {"阳泉市", "泽州县", "晋城市城区"}   # 企业安静期制度 is of its concept


def test_list_queries_describes_parameters():
    specs = {q.name: q for q in list_queries()}
    assert specs["shared-programs"].params[0].default == "2"
    assert specs["outcomes"].params[0].optional and specs["outcomes"].params[0].related
    assert specs["adopters"].params[0].required
    assert re.search("alias", specs["adopters"].params[0].description)


# ---------------------------------------------------------------- v2: concepts, spellings, names, sort

@pytest.mark.parametrize("exact, expected", [
    (None, {("阳泉市", "企业安静期", "企业“安静期”"), ("泽州县", "企业安静期", "企业安静期"),
            ("晋城市城区", "企业安静期制度", "企业安静期制度")}),
    ("true", {("阳泉市", "企业安静期", "企业“安静期”"), ("泽州县", "企业安静期", "企业安静期")}),
    ("false", {("阳泉市", "企业安静期", "企业“安静期”"), ("泽州县", "企业安静期", "企业安静期"),
               ("晋城市城区", "企业安静期制度", "企业安静期制度")}),
])
def test_programme_binds_its_concept_unless_exact(store, exact, expected):
    rows = run_named(store, "adopters", program="企业安静期", exact=exact)
    assert {(r["jurisdiction"], r["program"], r["spelling"]) for r in rows} == expected


def test_a_variant_spelling_finds_the_whole_concept(store):
    # 企业安静期制度 is a programme of the concept 企业安静期: naming it finds every adopter of the concept
    assert {r["jurisdiction"] for r in run_named(store, "adopters", program="企业安静期制度")} == \
        {"阳泉市", "泽州县", "晋城市城区"}
    assert {r["jurisdiction"] for r in run_named(store, "adopters", program="企业安静期制度", exact="yes")} == \
        {"晋城市城区"}


@pytest.mark.parametrize("name, params, flag, shown", [
    ("programs", {"jurisdiction": "城区"}, "--param jurisdiction", ["阳泉市城区 (in 阳泉市)", "晋城市城区 (in 晋城市)"]),
    ("programs", {"jurisdiction": "新华街道"}, "--param jurisdiction",
     ["阳泉市城区新华街道 (in 阳泉市城区)", "晋城市城区新华街道 (in 晋城市城区)"]),
    ("outcomes", {"jurisdiction": "城区"}, "--param jurisdiction", ["阳泉市城区", "晋城市城区"]),
])
def test_a_name_several_places_share_answers_with_the_candidates(store, name, params, flag, shown):
    from kg.errors import ParameterError
    with pytest.raises(ParameterError) as err:
        run_named(store, name, **params)
    message = str(err.value)
    assert message.startswith(flag) and "\n" not in message
    assert all(s in message for s in shown)


@pytest.mark.parametrize("value, expected", [
    ("阳泉市城区", {"阳泉市城区", "阳泉市城区新华街道"}),   # the unique label (and its sub-unit)
    ("140502", {"晋城市城区", "晋城市城区新华街道"}),       # an adcode
    ("泽州", {"泽州县"}),                                   # a short name
    ("晋城", {"泽州县", "晋城市城区", "晋城市城区新华街道"}),  # a city's short name: sub-units roll up
    ("晋城市城区新华街道", {"晋城市城区新华街道"}),          # a township by its unique label
])
def test_unique_names_resolve_directly(store, value, expected):
    assert {r["jurisdiction"] for r in run_named(store, "programs", jurisdiction=value)} == expected


@pytest.mark.parametrize("name, params, suggestion", [
    ("programs", {"jurisdiction": "苏洲"}, "苏州市"),
    ("adopters", {"program": "企业安静"}, "企业安静期"),
    ("evidence", {"entity": "阳泉是"}, "阳泉市"),
])
def test_a_misspelt_name_suggests_close_ones(store, name, params, suggestion):
    from kg.errors import ParameterError
    with pytest.raises(ParameterError, match="did you mean") as err:
        run_named(store, name, **params)
    assert suggestion in str(err.value).split("did you mean", 1)[1]


def test_metric_keeps_directions_apart_and_largest_first(store):
    rows = run_named(store, "metric", indicator="检查|调解成功率")
    keys = [(r["indicator"], r["direction"] or "", r["unit"] or "", -r["value"]) for r in rows]
    assert keys == sorted(keys)
    within = [(r["direction"], r["value"]) for r in rows if r["indicator"] == "矛盾纠纷调解成功率"]
    assert within == [("increase", 97.5), ("level", 100)]
    assert {"direction", "report", "year"} <= set(rows.columns)
    assert all(r["report"] and r["year"] for r in rows)


@pytest.mark.parametrize("pattern, ok", [(r"\p{Han}+成功率", True), ("调解|化解", True),
                                          ("(?<=调解)成功率", False), (r"(a)\1", False), ("[", False)])
def test_metric_regex_is_what_oxigraph_runs(store, pattern, ok):
    from kg.errors import ParameterError
    if ok:
        assert run_named(store, "metric", indicator=pattern)
    else:
        with pytest.raises(ParameterError, match="'indicator' is not a usable regular expression.*Oxigraph"):
            run_named(store, "metric", indicator=pattern)


def test_year_and_place_default_to_the_report(store):
    # the 晋城市城区 outcome states no year or place: both come from its report; the 新华街道 one has its own
    rows = {r["value"]: r for r in run_named(store, "outcomes", jurisdiction="晋城市城区")}
    assert (rows[20]["jurisdiction"], rows[20]["year"]) == ("晋城市城区", 2021)
    assert (rows[97.5]["jurisdiction"], rows[97.5]["year"]) == ("晋城市城区新华街道", 2020)


@pytest.mark.parametrize("fixture", ["mini.trig", "network.trig"])
def test_fixtures_conform_to_the_shapes(fixture):
    from pathlib import Path

    from kg.store.validate import validate_quads
    store = pyoxigraph.Store()
    store.load(path=str(Path(__file__).parent / "data" / fixture), format=pyoxigraph.RdfFormat.TRIG)
    conforms, summary = validate_quads(list(store))
    assert conforms and "0 warnings" in summary, summary


def test_co_adoption_of_one_jurisdiction(store):
    rows = run_named(store, "co-adoption", jurisdiction="泽州县")
    assert {(r["jurisdiction"], r["other"], r["programs"]) for r in rows} >= {("泽州县", "阳泉市", 2)}
    assert all(r["jurisdiction"] == "泽州县" for r in rows)
    assert {r["other"] for r in rows} == {"阳泉市", "晋城市城区", "苏州市", "苏州工业园区"}


@pytest.mark.parametrize("name", ["reports", "jurisdictions", "co-adoption"])
def test_pages_are_slices_of_the_whole_answer(store, name):
    whole = run_named(store, name)
    pages = [run_named(store, name, limit=2, offset=start) for start in range(0, len(whole) + 2, 2)]
    assert [row for page in pages for row in page] == list(whole) and len(whole) >= 3
    assert all(len(page) <= 2 and page.columns == whole.columns for page in pages)
    assert run_named(store, name, offset=1) == whole[1:] and run_named(store, name, limit=0) == []


def test_a_page_of_an_unordered_answer_is_in_the_engines_order(store):
    text = "SELECT ?n WHERE { VALUES ?n { 5 3 9 1 } }"
    assert run_sparql(store, text, limit=2, offset=1) == run_sparql(store, text)[1:3] == [{"n": 3}, {"n": 9}]


@pytest.mark.parametrize("bad", [-1, "x", 1.5])
def test_a_page_bound_must_be_a_whole_number(store, bad):
    with pytest.raises(ParameterError, match="limit must be a whole number"):
        run_named(store, "reports", limit=bad)
