"""Rows → table (fits the width, CJK aligned, cut with …), CSV (complete) and JSON (typed)."""
import csv
import io
import json

import pytest
from _mini import mini_store

from kg.sparql.format import display_width, format_rows, to_csv, to_json, to_table
from kg.sparql.query import run_named
from kg.sparql.rows import Rows

LONG = "全县推行企业安静期制度并上线企静通小程序，涉企检查次数同比减少三成以上，企业满意度明显提升。" * 3
ROWS = Rows([{"jurisdiction": "泽州县", "value": 35, "unit": "%", "evidence": LONG},
             {"jurisdiction": "苏州工业园区", "value": 0.5, "unit": None, "evidence": "short, with \"quotes\"\nand a newline"}],
            columns=["jurisdiction", "value", "unit", "evidence"])


@pytest.mark.parametrize("width", [40, 60, 100, 200])
def test_table_fits_the_width(width):
    lines = to_table(ROWS, width=width).splitlines()
    assert all(display_width(line) <= width for line in lines), lines


def test_table_cuts_wide_text_with_ellipsis():
    table = to_table(ROWS, width=80)
    assert "…" in table and LONG not in table


def test_table_aligns_cjk_columns():
    lines = to_table(ROWS, width=200).splitlines()
    # the (right-aligned) value column ends at the same display column after 泽州县 and 苏州工业园区
    ends = {display_width(line[:line.index(value) + len(value)]) for line, value in zip(lines[2:4], ["35", "0.5"])}
    assert ends == {display_width(lines[0][:lines[0].index("value") + len("value")])}


def test_table_right_aligns_numbers_and_counts_rows():
    lines = to_table(ROWS, columns=["jurisdiction", "value"], width=200).splitlines()
    assert lines[2].endswith("  35") and lines[3].endswith(" 0.5")
    assert lines[-1] == "(2 rows)"


def test_table_of_nothing():
    assert to_table(Rows([], columns=["a", "b"]), width=80).splitlines() == ["a  b", "-  -", "(0 rows)"]


def test_csv_is_complete():
    parsed = list(csv.reader(io.StringIO(to_csv(ROWS))))
    assert parsed[0] == ["jurisdiction", "value", "unit", "evidence"]
    assert parsed[1] == ["泽州县", "35", "%", LONG]
    assert parsed[2][2] == "" and parsed[2][3] == "short, with \"quotes\"\nand a newline"


def test_json_keeps_types():
    data = json.loads(to_json(ROWS))
    assert data[0] == {"jurisdiction": "泽州县", "value": 35, "unit": "%", "evidence": LONG}
    assert data[1]["value"] == 0.5 and data[1]["unit"] is None


def test_json_of_nothing_is_an_empty_array():
    assert json.loads(to_json(Rows([], columns=["a"]))) == []


def test_json_from_the_store_uses_labels_and_numbers():
    rows = run_named(mini_store(), "outcomes", jurisdiction="阳泉市城区")
    data = json.loads(format_rows(rows, "json"))
    assert data == [{"indicator": "矛盾纠纷调解成功率", "value": 100, "unit": "%", "direction": "level",
                     "qualifier": None, "program": "法律明白人", "jurisdiction": "阳泉市城区", "year": 2020,
                     "evidence": "在三个社区试点培养法律明白人，矛盾纠纷调解成功率100%。",
                     "report": "阳泉市城区 2020 城区2020年度法治政府建设情况报告"}]


def test_iri_without_label_stays_an_iri():
    from kg.sparql.rows import run_sparql
    rows = run_sparql(mini_store(), "SELECT ?a WHERE { ?a a <https://w3id.org/govkg/ontology#Adoption> } LIMIT 1")
    assert rows[0]["a"].startswith("https://w3id.org/govkg/id/adoption/")


def test_unknown_format():
    with pytest.raises(ValueError, match="table, csv, json"):
        format_rows(ROWS, "xml")


def test_dataframe_needs_pandas_or_says_so(monkeypatch):
    import sys
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match="pip install pandas"):
        ROWS.to_dataframe()


def test_dataframe_when_pandas_is_there():
    pandas = pytest.importorskip("pandas")
    frame = ROWS.to_dataframe()
    assert isinstance(frame, pandas.DataFrame) and list(frame.columns) == ROWS.columns
