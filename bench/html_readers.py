"""The hand-written HTML reader against trafilatura, on portal-shaped pages of our own writing.

    python -m bench.html_readers            # bench/html_pages/*.html, gold in bench/html_pages/gold.json

For each page and reader: recall (share of the article's paragraph characters found in the text),
precision (share of the text that is article: paragraphs and title), and whether the pipeline's
title and publication date come out right when fed that reader's text and page metadata. Not a test:
a measurement to choose a reader by (trafilatura is optional; without it only our reader is measured).
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent / "html_pages"


def _chars(s: str) -> str:
    return re.sub(r"\s", "", s or "")


def coverage(text: str, title: str, paragraphs: list[str]) -> tuple[float, float]:
    """(recall, precision) of `text` against the article's paragraphs (title counts as article)."""
    flat = _chars(text)
    found = sum(len(_chars(p)) for p in paragraphs if _chars(p) in flat)
    total = sum(len(_chars(p)) for p in paragraphs)
    article = found + (len(_chars(title)) if _chars(title) and _chars(title) in flat else 0)
    return found / total, (article / len(flat) if flat else 0.0)


def ours(path: Path) -> tuple[str, dict]:
    from loaders.read import read
    raw = read(path)
    return raw.text, raw.meta


def trafilatura_reader(path: Path) -> tuple[str, dict] | None:
    try:
        import trafilatura
    except ImportError:
        return None
    from loaders.read.html import _decode_html
    html, _, _ = _decode_html(path.read_bytes(), str(path))
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_tables=True, favor_recall=False)
    if doc is None:
        return "", {}
    doc = doc if isinstance(doc, dict) else doc.as_dict()
    meta = {"title": doc.get("title"), "meta:pubdate": doc.get("date")}
    title = doc.get("title") or ""
    text = doc.get("text") or ""
    return (f"{title}\n{text}" if title and title not in text else text), meta


def judge(path: Path, gold: dict, reader) -> dict | None:
    from loaders.pipeline import extract_text
    got = reader(path)
    if got is None:
        return None
    text, meta = got
    recall, precision = coverage(text, gold["title"], gold["paragraphs"])
    x = extract_text(str(path), text, "utf-8", meta)
    want_title = _chars(_simplified(gold["title"]))
    return {"recall": recall, "precision": precision,
            "title": int(_chars(x.title) == want_title), "published": int(x.published == gold["published"])}


def _simplified(s: str) -> str:
    from loaders.normalise import simplify
    return simplify(s)


def main() -> None:
    sys.path.insert(0, str(HERE.parent.parent))
    gold = json.loads((HERE / "gold.json").read_text("utf-8"))
    readers = {"hand-written": ours, "trafilatura": trafilatura_reader}
    sums: dict[str, dict[str, float]] = {}
    print(f"{'page':26s}" + "".join(f"{r:>34s}" for r in readers))
    for name, g in gold.items():
        cells = []
        for rname, reader in readers.items():
            r = judge(HERE / name, g, reader)
            if r is None:
                cells.append(f"{'(not installed)':>34s}")
                continue
            acc = sums.setdefault(rname, {})
            for k, v in r.items():
                acc[k] = acc.get(k, 0) + v
            cells.append(f"  R={r['recall']:.2f} P={r['precision']:.2f} title={r['title']} date={r['published']}")
        print(f"{name:26s}" + "".join(f"{c:>34s}" for c in cells))
    n = len(gold)
    for rname, acc in sums.items():
        print(f"{rname}: recall {acc['recall'] / n:.2f}, precision {acc['precision'] / n:.2f}, "
              f"title {acc['title']:.0f}/{n}, published {acc['published']:.0f}/{n}")


if __name__ == "__main__":
    main()
