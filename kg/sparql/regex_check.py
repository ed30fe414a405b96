"""Is a regular expression one Oxigraph's REGEX() runs? Asked of Oxigraph itself, not of Python's `re`.

The two engines differ: Python accepts look-arounds and back-references that Oxigraph refuses (the
query then silently finds nothing), and refuses `\\p{Han}`, which Oxigraph (XPath regex) accepts.

>>> regex_problem("调解成功率|化解率") is None, regex_problem(r"\\p{Han}+率") is None
(True, True)
>>> regex_problem("率(?=100)")
'the query engine (Oxigraph) cannot run it: no look-arounds or back-references, brackets must balance, and very long patterns are refused'
"""
from __future__ import annotations

import functools

__all__ = ["regex_problem"]

_PROBE = "SELECT (BOUND(?ok) AS ?valid) WHERE {{ BIND(REGEX(\"\", {}) AS ?ok) }}"


@functools.lru_cache(maxsize=128)
def regex_problem(pattern: str) -> str | None:
    """None when Oxigraph's REGEX() accepts `pattern`, else why not (one line)."""
    import pyoxigraph as ox
    probe = _PROBE.format(ox.Literal(pattern))  # the pattern as an escaped literal, never as syntax
    (row,) = ox.Store().query(probe)
    if row["valid"].value == "true":
        return None
    return ("the query engine (Oxigraph) cannot run it: no look-arounds or back-references, brackets "
            "must balance, and very long patterns are refused")
