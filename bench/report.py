"""Measurement rows → one Markdown table (what was measured, at which size, against what, target met?)."""
from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Row", "na", "render", "fmt_seconds", "fmt_rate", "fmt_bytes"]


@dataclass(frozen=True)
class Row:
    """One line of the benchmark table.

    `value` is the measurement as text, or "n/a: <reason>" when it could not be taken; `ratio` compares
    it with `reference`; `target` says what the issue asks for and `met` whether it holds ("" = no target).
    """

    metric: str
    reports: int | str
    value: str
    reference: str = ""
    ratio: str = ""
    target: str = ""
    met: str = ""


def na(metric: str, reports: int | str, reason: str, target: str = "") -> Row:
    """A row for a measurement that could not be taken.

    >>> na("build 1 worker", 1000, "`govkg build` not in this checkout").value
    'n/a: `govkg build` not in this checkout'
    """
    return Row(metric, reports, f"n/a: {reason}", target=target)


def verdict(ok: bool | None) -> str:
    """'yes', 'NO' or '' for a target check.

    >>> verdict(True), verdict(False), verdict(None)
    ('yes', 'NO', '')
    """
    return "" if ok is None else ("yes" if ok else "NO")


_HEAD = ("measurement", "reports", "value", "reference", "ratio", "target", "met")


def render(rows: list[Row]) -> str:
    """The rows as a Markdown table.

    >>> print(render([Row("store size per report", 10, "12.0 KB")]))
    | measurement | reports | value | reference | ratio | target | met |
    | --- | --- | --- | --- | --- | --- | --- |
    | store size per report | 10 | 12.0 KB |  |  |  |  |
    """
    def cells(values) -> str:
        return "| " + " | ".join(str(v).replace("|", "\\|") for v in values) + " |"
    lines = [cells(_HEAD), cells(["---"] * len(_HEAD))]
    lines += [cells((r.metric, r.reports, r.value, r.reference, r.ratio, r.target, r.met)) for r in rows]
    return "\n".join(lines)


def fmt_seconds(seconds: float) -> str:
    """Seconds as ms below one second.

    >>> fmt_seconds(0.0123), fmt_seconds(2.5)
    ('12.3 ms', '2.50 s')
    """
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def fmt_rate(chars: float, seconds: float) -> str:
    """Characters per second, in thousands.

    >>> fmt_rate(2_000_000, 2.0)
    '1,000 k chars/s'
    """
    return f"{chars / max(seconds, 1e-9) / 1000:,.0f} k chars/s"


def fmt_bytes(n: float) -> str:
    """A byte count in KB/MB/GB.

    >>> fmt_bytes(1536), fmt_bytes(3 * 2**20)
    ('1.5 KB', '3.0 MB')
    """
    for unit, size in (("GB", 2**30), ("MB", 2**20), ("KB", 2**10)):
        if n >= size:
            return f"{n / size:.1f} {unit}"
    return f"{n:.0f} B"
