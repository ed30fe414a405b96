"""The store → an event-history panel: one row per jurisdiction × year × programme concept.

Units are the reporting jurisdictions (those with at least one report). A unit's observation window runs
from the year of its first report to the year of its last; `observed` says whether it has a report for
that year. A programme is adopted (1) from the year of its first adoption on, 0 before; `event` is 1 in
that year only. An adoption's year is the one the sentence gives, else its report's year. An adoption
credited to a sub-unit without reports of its own (a town, a development zone) counts for the reporting
jurisdiction it belongs to (`adoption_via` names it). Programmes count as their concept (`gk:concept`),
so spellings and merged variants are one programme. Four targeted queries, no network build.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from kg.errors import ParameterError
from kg.export.eventpanel_sparql import adoptions, describe, reports

__all__ = ["panel_rows", "Panel", "resolve_program"]


@dataclass
class Panel:
    """The rows and what the codebook says about how they were made."""

    rows: list[dict[str, Any]]
    units: int = 0
    programs: int = 0
    left_out: dict[str, int] = field(default_factory=dict)


def resolve_program(source: Any, program: str) -> list[str]:
    """The IRIs of the programmes named `program` (label or alias); `ParameterError` if there are none.

    >>> import pyoxigraph as ox
    >>> resolve_program(ox.Store(), "河长制")
    Traceback (most recent call last):
    ...
    kg.errors.ParameterError: program '河长制': no programme of that name or alias in the store (see `govkg query programs`)
    """
    from kg.sparql.binding import resolve_programmes
    from kg.sparql.rows import store_of
    try:
        found = [t.value for t in resolve_programmes(store_of(source), program)]
    except ParameterError as exc:   # a miss (ambiguous names keep their candidates)
        if "no programme named" not in str(exc):
            raise
        found = []
    if not found:
        raise ParameterError(f"program {program!r}: no programme of that name or alias in the store "
                             "(see `govkg query programs`)")
    return found


def _ancestors(places: dict, node: str) -> list[str]:
    seen, out = {node}, []
    while (parent := places.get(node, {}).get("parent")) and parent not in seen:
        out.append(parent)
        seen.add(parent)
        node = parent
    return out


def _province(places: dict, node: str) -> str | None:
    if places.get(node, {}).get("province"):
        return places[node]["province"]
    for candidate in [node] + _ancestors(places, node):
        if places.get(candidate, {}).get("level") == "province":
            return candidate
    return None


def _credit(adoption: dict, units: set, places: dict, report_place: dict) -> tuple[str | None, str | None]:
    """(unit credited, sub-unit it came through) for one adoption, or (None, None)."""
    j, home = adoption["j"], report_place.get(adoption["report"])
    if j in units:
        return j, None
    if home and home in _ancestors(places, j):
        return home, j
    return None, None


def _first_adoptions(rows: list[dict], units: set, places: dict, report_place: dict,
                     concept_of: dict, left_out: dict) -> dict[tuple[str, str], dict]:
    first: dict[tuple[str, str], tuple[tuple, dict]] = {}
    for a in rows:
        if a.get("year") is None:
            left_out["adoptions without a year"] += 1
            continue
        unit, via = _credit(a, units, places, report_place)
        if unit is None:
            left_out["adoptions by a place outside every reporting jurisdiction"] += 1
            continue
        key = (unit, concept_of.get(a["p"], a["p"]))
        rank = (a["year"], a["report"], a.get("start") or 0)
        if key not in first or rank < first[key][0]:
            first[key] = (rank, dict(a, via=via))
    return {key: value for key, (_, value) in first.items()}


def _place_columns(places: dict, labels: dict, j: str) -> dict[str, Any]:
    p = places.get(j, {})
    parent, province = p.get("parent"), _province(places, j)
    return {"jurisdiction_id": j, "adcode": p.get("adcode") or "", "jurisdiction": labels.get(j, j),
            "level": p.get("level") or "", "parent": labels.get(parent, "") if parent else "",
            "parent_adcode": places.get(parent, {}).get("adcode") or "" if parent else "",
            "province": labels.get(province, "") if province else "",
            "province_adcode": places.get(province, {}).get("adcode") or "" if province else ""}


def _adoption_columns(a: dict | None, labels: dict) -> dict[str, Any]:
    if a is None:
        return {"first_adoption_year": None, "adoption_program_id": "", "adoption_spelling": "",
                "adoption_status": "", "adoption_report_id": "", "adoption_sentence": "", "adoption_via": ""}
    return {"first_adoption_year": a["year"], "adoption_program_id": a["p"],
            "adoption_spelling": a.get("spelling") or labels.get(a["p"], ""),
            "adoption_status": a.get("status") or "", "adoption_report_id": a["report"],
            "adoption_sentence": a.get("sentence") or "",
            "adoption_via": labels.get(a["via"], a["via"]) if a.get("via") else ""}


def _unit_rows(unit: str, years: dict, concepts: list, first: dict, places: dict, programmes: dict,
               labels: dict) -> list[dict[str, Any]]:
    """One unit's rows: every year of its window × every concept."""
    start, end = min(years), max(years)
    place = _place_columns(places, labels, unit)
    rows = []
    for concept in concepts:
        a = first.get((unit, concept))
        adoption = _adoption_columns(a, labels)
        kind = programmes.get(concept, {}).get("type") or programmes.get(a["p"] if a else "", {}).get("type")
        for year in range(start, end + 1):
            rows.append({**place, "year": year, "observed": int(year in years),
                         "n_reports": len(years.get(year, ())),
                         "year_reports": " ".join(sorted(years.get(year, ()))),
                         "window_start": start, "window_end": end,
                         "program_concept_id": concept, "program_concept": labels.get(concept, concept),
                         "program_type": kind or "",
                         "adopted": int(a is not None and year >= a["year"]),
                         "event": int(a is not None and year == a["year"]), **adoption})
    return rows


def panel_rows(source: Any, programs: list[str] | None = None, min_adopters: int = 1) -> Panel:
    """The panel of `source` (a KnowledgeGraph or a pyoxigraph Store), sorted by unit, programme, year.

    `programs` keeps only the concepts of these programme IRIs; `min_adopters` drops concepts adopted
    by fewer units.

    >>> import pyoxigraph as ox
    >>> panel_rows(ox.Store()).rows
    []
    """
    report_rows = reports(source)
    report_place = {r["report"]: r["j"] for r in report_rows}
    by_unit: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    left_out: dict[str, int] = defaultdict(int)
    for r in report_rows:
        if r.get("year") is None:
            left_out["reports without a year"] += 1
            continue
        by_unit[r["j"]][r["year"]].append(r["report"])
    units = set(by_unit)
    adoption_rows = adoptions(source)
    places, programmes, labels = describe(source, units | {a["j"] for a in adoption_rows},
                                          {a["p"] for a in adoption_rows})
    concept_of = {p: d.get("concept") or p for p, d in programmes.items()}
    first = _first_adoptions(adoption_rows, units, places, report_place, concept_of, left_out)
    adopters: dict[str, set] = defaultdict(set)
    for unit, concept in first:
        adopters[concept].add(unit)
    wanted = {concept_of.get(p, p) for p in programs} if programs is not None else None
    concepts = sorted((c for c, us in adopters.items() if len(us) >= min_adopters
                       and (wanted is None or c in wanted)), key=lambda c: (labels.get(c, c), c))
    rows = []
    for unit in sorted(units, key=lambda j: (places.get(j, {}).get("adcode") or "~", labels.get(j, j), j)):
        rows += _unit_rows(unit, by_unit[unit], concepts, first, places, programmes, labels)
    return Panel(rows, units=len(units), programs=len(concepts), left_out=dict(left_out))
