"""`govkg export panel`: the jurisdiction × year × programme event-history panel, opened with pandas in
each format, on reports written for this test (three places, gaps between report years, a sub-unit)."""
from __future__ import annotations

import re

import pytest

from kg.cli import main
from kg.export.codebook import COLUMNS
from kg.export.eventpanel_write import codebook_path
from tests_texts import write_panel_reports

pd = pytest.importorskip("pandas")

WINDOWS = {"德清县": (2020, 2022), "武侯区": (2021, 2023), "平遥县": (2022, 2022)}
GAPS = {("德清县", 2021), ("武侯区", 2022)}
FIRST = {("德清县", "企业安静期"): 2020, ("德清县", "双随机一公开"): 2022, ("德清县", "枫桥经验"): 2022,
         ("武侯区", "高效办成一件事"): 2021, ("武侯区", "企业安静期"): 2023, ("平遥县", "双随机一公开"): 2022}
CONCEPTS = {"企业安静期", "双随机一公开", "枫桥经验", "高效办成一件事"}


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    folder = write_panel_reports(tmp_path_factory.mktemp("panel-reports"))
    path = tmp_path_factory.mktemp("panel-store") / "store"
    assert main(["build", str(folder), "--store", str(path), "--quiet"]) == 0
    return path


def _read(path, fmt):
    if fmt == "csv":
        types = {c.name: str for c in COLUMNS if c.kind == "str"} | {"first_adoption_year": "Int16"}
        return pd.read_csv(path, dtype=types, keep_default_na=False, na_values={"first_adoption_year": [""]},
                           encoding="utf-8-sig")
    if fmt == "parquet":
        return pd.read_parquet(path)
    return pd.read_stata(path)


@pytest.fixture(scope="module", params=["csv", "parquet", "dta"])
def panel(request, store, tmp_path_factory):
    fmt = request.param
    out = tmp_path_factory.mktemp(f"panel-{fmt}") / f"panel.{fmt}"
    assert main(["export", "panel", "-o", str(out), "--store", str(store)]) == 0
    return fmt, out, _read(out, fmt)


def test_columns_and_types(panel):
    fmt, _, df = panel
    assert list(df.columns) == [c.name for c in COLUMNS]
    assert all(len(c.name) <= 32 and c.name.isascii() and re.fullmatch(r"[a-z_][a-z0-9_]*", c.name) for c in COLUMNS)
    assert df["adcode"].map(lambda v: isinstance(v, str)).all()  # never a float, leading zeros kept
    assert set(df["adcode"]) >= {"330521", "510107", "140728"}
    assert str(df["year"].dtype).startswith("int") and set(df["observed"]) == {0, 1}


def test_grid_is_every_year_of_every_window_times_every_concept(panel):
    _, _, df = panel
    assert set(df["program_concept"]) == CONCEPTS
    for name, (start, end) in WINDOWS.items():
        rows = df[df["jurisdiction"] == name]
        assert set(rows["window_start"]) == {start} and set(rows["window_end"]) == {end}
        assert sorted(set(rows["year"])) == list(range(start, end + 1))
        assert len(rows) == (end - start + 1) * len(CONCEPTS)
    assert len(df) == sum(e - s + 1 for s, e in WINDOWS.values()) * len(CONCEPTS)
    assert not df.duplicated(["jurisdiction_id", "year", "program_concept_id"]).any()


def test_observed_is_one_exactly_in_years_with_a_report(panel):
    _, _, df = panel
    for (name, year), group in df.groupby(["jurisdiction", "year"]):
        assert set(group["observed"]) == {0 if (name, year) in GAPS else 1}
        assert set(group["n_reports"]) == {0 if (name, year) in GAPS else 1}


def test_adopted_from_first_adoption_on_and_event_once(panel):
    _, _, df = panel
    for (name, concept), group in df.groupby(["jurisdiction", "program_concept"]):
        first = FIRST.get((name, concept))
        for _, row in group.iterrows():
            assert row["adopted"] == int(first is not None and row["year"] >= first)
            assert row["event"] == int(row["year"] == first)
        years = group["first_adoption_year"].dropna().unique()
        assert list(years) == ([first] if first else [])
    wuhou_2022 = df[(df["jurisdiction"] == "武侯区") & (df["year"] == 2022) & (df["program_concept"] == "高效办成一件事")]
    assert wuhou_2022["observed"].item() == 0 and wuhou_2022["adopted"].item() == 1  # no report, still adopted


def test_evidence_province_and_sub_unit(panel):
    _, _, df = panel
    row = df[(df["jurisdiction"] == "德清县") & (df["program_concept"] == "企业安静期")].iloc[0]
    assert "企业安静期" in row["adoption_sentence"] and row["adoption_report_id"].startswith("https://")
    assert row["province"] == "浙江省" and row["province_adcode"] == "330000" and row["level"] == "county"
    assert row["program_concept_id"].startswith("https://") and row["adoption_program_id"].startswith("https://")
    town = df[(df["jurisdiction"] == "德清县") & (df["program_concept"] == "枫桥经验")].iloc[0]
    assert town["adoption_via"].endswith("舞阳街道")  # its label, unique in the store (德清县舞阳街道)
    never = df[(df["jurisdiction"] == "平遥县") & (df["program_concept"] == "企业安静期")].iloc[0]
    assert never["adoption_report_id"] == "" and pd.isna(never["first_adoption_year"])


def test_codebook_lists_every_column_and_the_provenance(panel):
    fmt, out, _ = panel
    text = codebook_path(out).read_text(encoding="utf-8")
    documented = re.findall(r"^\| `([a-z_0-9]+)` \|", text, re.M)
    assert documented == [c.name for c in COLUMNS]
    import kg
    assert f"- version: {kg.__version__}" in text and "- reports: 5" in text and f"- format: {fmt}" in text
    assert "Observation window" in text and "adopted = 1 from the first adoption year on" in text


def test_csv_has_a_bom_and_dta_has_chinese_variable_labels(panel):
    fmt, out, _ = panel
    if fmt == "csv":
        assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    elif fmt == "dta":
        with pd.io.stata.StataReader(out) as reader:
            assert reader.variable_labels()["adcode"] == "行政区划代码"
    else:
        import pyarrow.parquet as pq
        assert b"govkg" in pq.read_schema(out).metadata


def test_program_filter_and_min_adopters(store, tmp_path):
    out = tmp_path / "one.csv"
    assert main(["export", "panel", "-o", str(out), "--program", "双随机、一公开", "--store", str(store)]) == 0
    assert set(_read(out, "csv")["program_concept"]) == {"双随机一公开"}
    assert main(["export", "panel", "-o", str(out), "--min-adopters", "2", "--store", str(store)]) == 0
    assert set(_read(out, "csv")["program_concept"]) == {"企业安静期", "双随机一公开"}


@pytest.mark.parametrize("argv, message", [
    (["--program", "苏洲"], "program '苏洲': no programme"),
    (["--format", "xlsx"], "invalid choice"),
    (["--depth", "2", "--focus", "x"], "--depth"),
])
def test_bad_options_get_one_line(store, tmp_path, capsys, argv, message):
    with pytest.raises(SystemExit) if "xlsx" in argv else _nothing():
        status = main(["export", "panel", "-o", str(tmp_path / "p.csv"), "--store", str(store), *argv])
        assert status in (1, 2)
    err = capsys.readouterr().err.strip()
    assert message in err and len(err.splitlines()) == 1 and "Traceback" not in err


class _nothing:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False
