"""The event-history panel → a CSV (UTF-8 with a BOM), Parquet or Stata .dta file, and its codebook
(`NAME.codebook.md`) beside it. Adcodes stay text in every format; years of first adoption are
nullable integers (missing, never NaN floats, in R and Stata).
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from kg.errors import ExportError
from kg.export.codebook import COLUMNS, write_codebook

__all__ = ["write", "PANEL_FORMATS", "codebook_path", "frame"]

PANEL_FORMATS = ("csv", "parquet", "dta")
_SUFFIX = {".csv": "csv", ".parquet": "parquet", ".pq": "parquet", ".dta": "dta"}


def codebook_path(path: str | Path) -> Path:
    """Where the codebook of the panel at `path` goes.

    >>> codebook_path("out/panel.dta").as_posix()
    'out/panel.codebook.md'
    """
    path = Path(path)
    return path.with_name(path.stem + ".codebook.md")


def frame(rows: list[dict[str, Any]]):
    """The rows as a pandas DataFrame with the codebook's column order and types.

    >>> frame([]).dtypes["first_adoption_year"], list(frame([]).columns) == [c.name for c in COLUMNS]
    (Int16Dtype(), True)
    """
    import pandas as pd
    names = [c.name for c in COLUMNS]
    df = pd.DataFrame(rows, columns=names)
    for c in COLUMNS:
        if c.kind == "str":
            df[c.name] = df[c.name].fillna("").astype(str).astype(object)
        elif c.kind == "int":
            df[c.name] = df[c.name].astype("int16")
        else:
            df[c.name] = df[c.name].astype("Int16")
    return df


def _format(path: Path, fmt: str | None) -> str:
    if fmt is None:
        fmt = _SUFFIX.get(path.suffix.lower(), "csv")
    if fmt not in PANEL_FORMATS:
        raise ExportError(f"--format: unknown panel format {fmt!r} (choose from {', '.join(PANEL_FORMATS)})")
    return fmt


def _write_dta(df, path: Path, record: dict) -> None:
    strl = [c.name for c in COLUMNS if c.kind == "str" and len(df)
            and df[c.name].map(lambda s: len(s.encode("utf-8"))).max() > 2000]
    df.to_stata(path, write_index=False, version=118, convert_strl=strl,
                variable_labels={c.name: c.label for c in COLUMNS},
                data_label=f"govkg {record['version']} event-history panel"[:80])


def _write_parquet(df, path: Path, record: dict) -> None:
    import json

    import pyarrow as pa
    import pyarrow.parquet as pq
    table = pa.Table.from_pandas(df, preserve_index=False)
    meta = dict(table.schema.metadata or {})
    meta[b"govkg"] = json.dumps(record, ensure_ascii=False).encode("utf-8")
    pq.write_table(table.replace_schema_metadata(meta), path)


def write(source: Any, path: str | Path, format: str | None = None, program: str | None = None,
          min_adopters: int = 1) -> Path:
    """Write the panel of `source` to `path` (format from `format`, else the suffix, else csv) and its codebook.

    `program` (a label or alias) keeps only that programme's concept; `min_adopters` drops concepts
    fewer units adopted.

    >>> import pyoxigraph as ox, tempfile, os
    >>> out = write(ox.Store(), os.path.join(tempfile.mkdtemp(), "panel.csv"))
    >>> out.read_bytes()[:3] == b"\\xef\\xbb\\xbf", codebook_path(out).is_file()
    (True, True)
    """
    from kg.export.eventpanel import panel_rows, resolve_program
    from kg.export.provenance import provenance
    path = Path(path)
    fmt = _format(path, format)
    programs = resolve_program(source, program) if program else None
    panel = panel_rows(source, programs=programs, min_adopters=min_adopters)
    record = provenance(source)
    df = frame(panel.rows)
    try:
        if fmt == "csv":
            df.to_csv(path, index=False, encoding="utf-8-sig", lineterminator="\n")
        elif fmt == "parquet":
            _write_parquet(df, path, record)
        else:
            _write_dta(df, path, record)
        facts = {"file": path.name, "format": fmt, "rows": len(df), "units (jurisdictions)": panel.units,
                 "programme concepts": panel.programs, "minimum adopters per concept": min_adopters,
                 "programme asked for": program or "(all)"}
        facts.update({f"left out: {k}": v for k, v in sorted(panel.left_out.items())})
        write_codebook(codebook_path(path), path, record, facts)
    except OSError as exc:
        raise ExportError(f"{path}: cannot write the panel ({exc.strerror or exc})") from exc
    return path
