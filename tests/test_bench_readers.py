"""bench/readers.py: the benchmark table has a row per reader, each with a measurement or a reason."""
from __future__ import annotations

import pytest

from bench import render
from bench.readers import rows

READERS = ["read .txt", "read .pdf (text layer)", "read .docx", "read .ofd", "read .doc (antiword)",
           "read .warc.gz", "OCR of scanned pages", "OCR recall"]


@pytest.mark.skipif(render.cjk_font() is None, reason="no CJK font installed (fonts-wqy-zenhei)")
def test_quick_run_has_a_row_per_reader(tmp_path):
    table = rows(tmp_path, quick=True)
    metrics = [row.metric for row in table]
    for reader in READERS:
        (row,) = [r for r in table if r.metric.startswith(reader)]
        assert row.value.startswith("n/a: ") or "CPU / report" in row.value or "pages/min" in row.value \
            or row.metric.startswith("OCR recall"), row
    assert metrics[0].startswith("extract text")
    for row in table:
        if row.target.startswith("<"):   # PDF and Word rows say whether reading costs less than extracting
            assert row.met in ("yes", "NO") and row.ratio.endswith("×")
