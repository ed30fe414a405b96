"""Result rows (dicts of plain values) → text: an aligned table that fits the terminal, CSV or JSON."""
from __future__ import annotations

import csv
import io
import json
import math
import re
import shutil
import unicodedata
from collections.abc import Sequence

__all__ = ["FORMATS", "format_rows", "to_table", "to_csv", "to_json", "display_width", "printable"]

FORMATS = ("table", "csv", "json")
ELLIPSIS = "…"
# terminal control (ANSI escapes, bells…) from report text must never reach a terminal raw
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# bidirectional controls (a right-to-left override makes "exe.txt" show as "txt.exe"): shown as \uXXXX
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# what `printable` escapes: controls, bidi controls, and the lone surrogates that stand for the bytes
# of a file name that is not UTF-8
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\udc80-\udcff]")
# a spreadsheet runs a cell that starts like a formula; such text cells get a leading apostrophe
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match) -> str:
    if match.group() in _SHORT:
        return _SHORT[match.group()]
    code = ord(match.group())
    if 0xDC80 <= code <= 0xDCFF:
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with control characters, bidi controls and undecodable file-name bytes escaped
    (as ``\\xNN``/``\\uNNNN``), for a terminal or a log line: a name with a newline stays one line.

    >>> printable("a\\nb\\x1b]0;title\\x07 \\u202eexe.txt")
    'a\\\\nb\\\\x1b]0;title\\\\x07 \\\\u202eexe.txt'
    >>> printable(b"bad\\xff.txt".decode("utf-8", "surrogateescape"))
    'bad\\\\xff.txt'
    """
    return _UNPRINTABLE.sub(_escape, text)


def _visible_bidi(text: str) -> str:
    return _BIDI.sub(_escape, text)


def _columns(rows: Sequence[dict], columns: Sequence[str] | None) -> list[str]:
    if columns:
        return list(columns)
    if getattr(rows, "columns", None):
        return list(rows.columns)
    seen: dict[str, None] = {}
    for row in rows:
        seen.update(dict.fromkeys(row))
    return list(seen)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if not isinstance(value, str):
        return str(value)
    return _visible_bidi(_CONTROL.sub("\ufffd", " ".join(value.split())))


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _csv_cell(value) -> str:
    if not isinstance(value, str):
        return _text(value)
    value = _visible_bidi(_CONTROL.sub("\ufffd", value))
    return "'" + value if value.startswith(_FORMULA) else value


# json leaves C1 controls and bidi controls raw; as \uXXXX escapes the value is the same, the text safe
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _json_escape(match: re.Match) -> str:
    return f"\\u{ord(match.group()):04x}"


def _json_value(value):
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes: wide (CJK) characters count two.

    >>> display_width("泽州县"), display_width("abc")
    (6, 3)
    """
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 0 if unicodedata.combining(ch) else 1
               for ch in text)


def _cut(text: str, width: int) -> str:
    if display_width(text) <= width:
        return text
    out, used = [], 0
    for ch in text:
        w = display_width(ch)
        if used + w > width - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + ELLIPSIS


def _pad(text: str, width: int, right: bool) -> str:
    gap = " " * (width - display_width(text))
    return gap + text if right else text + gap


def _fit(natural: list[int], total: int) -> list[int]:
    """Shrink the widest columns until the row fits ``total`` (each keeps at least 4 columns)."""
    widths = list(natural)
    while sum(widths) + 2 * (len(widths) - 1) > total:
        widest = max(range(len(widths)), key=widths.__getitem__)
        if widths[widest] <= 4:
            break
        widths[widest] -= 1
    return widths


def to_table(rows: Sequence[dict], columns: Sequence[str] | None = None, width: int | None = None) -> str:
    """An aligned text table; cells too wide for the terminal are cut with '…'.

    >>> print(to_table([{"jurisdiction": "泽州县", "year": 2024}, {"jurisdiction": "阳泉市城区", "year": None}]))
    jurisdiction  year
    ------------  ----
    泽州县        2024
    阳泉市城区
    (2 rows)
    >>> print(to_table([{"sentence": "全市推行企业安静期制度，入企检查次数同比下降"}], width=20))
    sentence
    --------------------
    全市推行企业安静期…
    (1 row)
    """
    cols = _columns(rows, columns)
    if width is None:
        width = shutil.get_terminal_size((120, 24)).columns
    cells = [[_text(row.get(c)) for c in cols] for row in rows]
    numeric = [bool(rows) and all(_is_number(row.get(c)) or row.get(c) is None for row in rows) for c in cols]
    natural = [max([display_width(c)] + [display_width(r[i]) for r in cells]) for i, c in enumerate(cols)]
    widths = _fit(natural, width)
    lines = ["  ".join(_pad(_cut(c, w), w, False) for c, w in zip(cols, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    for r in cells:
        lines.append("  ".join(_pad(_cut(v, w), w, bool(n)) for v, w, n in zip(r, widths, numeric)).rstrip())
    lines.append(f"({len(rows)} row{'' if len(rows) == 1 else 's'})")
    return "\n".join(lines)


def to_csv(rows: Sequence[dict], columns: Sequence[str] | None = None) -> str:
    """CSV with a header line; every value complete, unbound → empty.

    >>> print(to_csv([{"title": "法治政府建设实施纲要(2021—2025年)", "reports": 2}]), end="")
    title,reports
    法治政府建设实施纲要(2021—2025年),2
    """
    cols = _columns(rows, columns)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(cols)
    for row in rows:
        writer.writerow([_csv_cell(row.get(c)) for c in cols])
    return out.getvalue()


def to_json(rows: Sequence[dict], columns: Sequence[str] | None = None) -> str:
    """A JSON array of objects keyed by variable name; numbers stay numbers, unbound → null.

    >>> print(to_json([{"value": 38.6, "unit": "%", "program": None}]))
    [
      {"value": 38.6, "unit": "%", "program": null}
    ]
    """
    cols = _columns(rows, columns)
    if not rows:
        return "[]"
    items = [_JSON_UNSAFE.sub(_json_escape, json.dumps({c: _json_value(row.get(c)) for c in cols},
                                                       ensure_ascii=False)) for row in rows]
    return "[\n  " + ",\n  ".join(items) + "\n]"


def format_rows(rows: Sequence[dict], fmt: str = "table", columns: Sequence[str] | None = None) -> str:
    """Rows in one of FORMATS ('table', 'csv', 'json').

    >>> format_rows([{"a": 1}], "json")
    '[\\n  {"a": 1}\\n]'
    """
    if fmt == "table":
        return to_table(rows, columns)
    if fmt == "csv":
        return "\ufeff" + to_csv(rows, columns).rstrip("\n")  # every CSV govkg writes has a BOM
    if fmt == "json":
        return to_json(rows, columns)
    raise ValueError(f"unknown format {fmt!r} (known: {', '.join(FORMATS)})")
