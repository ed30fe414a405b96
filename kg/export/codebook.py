"""The event-history panel's columns, each with its type, a Chinese label (a Stata variable label),
its definition and how it is derived; and the codebook file written beside every panel.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["Column", "COLUMNS", "write_codebook", "RULES"]


@dataclass(frozen=True)
class Column:
    """One panel column. `kind` is str, int (never missing) or int? (missing where stated)."""

    name: str
    kind: str
    label: str
    definition: str
    derivation: str


COLUMNS = (
    Column("jurisdiction_id", "str", "地区标识", "Stable IRI of the jurisdiction (the unit).",
           "The report's gk:jurisdiction; the same in every build of the same corpus."),
    Column("adcode", "str", "行政区划代码", "GB/T 2260 six-digit code, as text (leading zeros kept); empty if unknown.",
           "gk:adcode of the jurisdiction."),
    Column("jurisdiction", "str", "地区", "The jurisdiction's name, unique in the store (阳泉市城区, not 城区).",
           "rdfs:label of the jurisdiction."),
    Column("level", "str", "行政级别", "province, prefecture, county, district, county-city, development-zone or township.",
           "gk:level of the jurisdiction."),
    Column("parent", "str", "上级地区", "Name of the jurisdiction it is part of; empty for a province.",
           "rdfs:label of gk:partOf."),
    Column("parent_adcode", "str", "上级代码", "GB/T 2260 code of the parent, as text.", "gk:adcode of gk:partOf."),
    Column("province", "str", "省份", "Name of the province the jurisdiction lies in (itself for a province).",
           "gk:province, else the first gk:partOf ancestor whose level is province."),
    Column("province_adcode", "str", "省份代码", "GB/T 2260 code of the province, as text.", "gk:adcode of the province."),
    Column("year", "int", "年份", "Calendar year of the row.",
           "Every year from window_start to window_end of the jurisdiction."),
    Column("observed", "int", "当年有报告", "1 if the store holds at least one report of this jurisdiction for this year, else 0.",
           "A report's year is gk:year of the report (the year it reports on)."),
    Column("n_reports", "int", "当年报告数", "Number of reports of this jurisdiction for this year.", "Count of reports."),
    Column("year_reports", "str", "当年报告标识", "Stable IRIs of those reports, separated by spaces.",
           "The report graphs' names."),
    Column("window_start", "int", "观察期起", "First year of the observation window: the year of the jurisdiction's first report.",
           "Minimum report year of the jurisdiction."),
    Column("window_end", "int", "观察期止", "Last year of the observation window: the year of its last report.",
           "Maximum report year of the jurisdiction."),
    Column("program_concept_id", "str", "项目概念标识", "Stable IRI of the programme concept (all spellings and merged variants).",
           "gk:concept of the adopted programme, else the programme itself."),
    Column("program_concept", "str", "项目", "Name of the programme concept.", "skos:prefLabel / rdfs:label of the concept."),
    Column("program_type", "str", "项目类型", "institution, reform, mechanism, method, model, service, platform, campaign, pilot, brand, team or media.",
           "gk:programmeType of the concept (else of the first adopted variant)."),
    Column("adopted", "int", "已采纳", "1 from the year of first adoption on (inclusive), 0 before; also 1 in years without a report once adopted.",
           "year >= first_adoption_year."),
    Column("event", "int", "采纳事件", "1 in the year of first adoption only (the event of a discrete-time event-history model), else 0.",
           "year == first_adoption_year."),
    Column("first_adoption_year", "int?", "首次采纳年份", "Year of the first adoption of the concept by the jurisdiction; missing if never adopted. May lie outside the window.",
           "Minimum over its adoptions of the year the sentence gives (gk:year of the adoption), else its report's year."),
    Column("adoption_program_id", "str", "采纳项目标识", "Stable IRI of the programme (variant) named in the first adoption.",
           "gk:programme of that adoption."),
    Column("adoption_spelling", "str", "报告写法", "How that report wrote the programme's name.", "gk:spelling of the adoption, else the programme's label."),
    Column("adoption_status", "str", "采纳状态", "pilot, rollout or plan where the report says so; empty otherwise.", "gk:status of the adoption."),
    Column("adoption_report_id", "str", "采纳报告标识", "Stable IRI of the report that states the first adoption.",
           "The named graph the adoption is in."),
    Column("adoption_sentence", "str", "证据句", "The sentence of that report that states it.", "gk:sentence of the adoption's first evidence."),
    Column("adoption_via", "str", "经由下级", "The sub-unit (town, development zone) named in that sentence when the jurisdiction is credited through it; else empty.",
           "The adoption's gk:jurisdiction when that place has no reports of its own and lies inside this jurisdiction."),
)

RULES = [
    "Unit: a jurisdiction with at least one report in the store.",
    "Observation window: from the year of the jurisdiction's first report to the year of its last (inclusive); "
    "years in between without a report have observed = 0.",
    "Programmes: every programme concept adopted by at least the minimum number of units (the risk set is "
    "the same for all units).",
    "Adoption rule: adopted = 1 from the first adoption year on (inclusive) and stays 1; event = 1 only in "
    "that year. A unit that adopted before its window starts has adopted = 1 in every row.",
    "An adoption's year is the year the sentence gives, else its report's year. Adoptions without a year, and "
    "by places outside every reporting jurisdiction, are left out (counted below).",
]


def _markdown_cell(text: Any) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def write_codebook(path: Path, data_file: Path, provenance: dict, facts: dict[str, Any]) -> Path:
    """Write the Markdown codebook of the panel in `data_file` to `path`.

    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp()) / "p.codebook.md"
    >>> text = write_codebook(out, Path("p.csv"), {"version": "1"}, {"rows": 0}).read_text(encoding="utf-8")
    >>> all(f"| `{c.name}` |" in text for c in COLUMNS)
    True
    """
    lines = [f"# Codebook: {data_file.name}", "",
             "Event-history panel (one row per jurisdiction × year × programme concept) written by govkg.", "",
             "## Provenance", ""]
    lines += [f"- {key}: {value}" for key, value in {**provenance, **facts}.items()]
    lines += ["", "## Rules", ""] + [f"- {rule}" for rule in RULES]
    lines += ["", "## Reading it", "", "A CSV carries no types: read the string columns as text (adcodes have six "
              "digits and must not become numbers).", "",
              "- pandas: `pd.read_csv(f, dtype={'adcode': str, 'parent_adcode': str, 'province_adcode': str}, "
              "encoding='utf-8-sig')`; Parquet and .dta keep the types (`pd.read_parquet`, `pd.read_stata`).",
              "- R: `readr::read_csv(f, col_types = readr::cols(.default = 'c', year = 'i', observed = 'i', "
              "adopted = 'i', event = 'i', first_adoption_year = 'i'))`, or `haven::read_dta()` / `arrow::read_parquet()`.",
              "- Stata: `use panel.dta` (variable labels are in Chinese; Stata 14 or later), or "
              "`import delimited panel.csv, encoding(utf-8) stringcols(2 6 8)`."]
    lines += ["", "## Columns", "", "| column | type | label | definition | derivation |",
              "| --- | --- | --- | --- | --- |"]
    types = {"str": "string", "int": "integer (0/1 or a year; never missing)",
             "int?": "integer, missing where stated"}
    lines += [f"| `{c.name}` | {types[c.kind]} | {c.label} | {_markdown_cell(c.definition)} | "
              f"{_markdown_cell(c.derivation)} |" for c in COLUMNS]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
