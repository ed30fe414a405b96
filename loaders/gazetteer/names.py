"""Short forms of division names (泽州县 → 泽州, 伊犁哈萨克自治州 → 伊犁), minus common words."""
from __future__ import annotations

from functools import lru_cache

from loaders import dicts
from loaders.gazetteer.data import nations
from loaders.records import Place

__all__ = ["level_forms", "short_forms", "short_name", "stop_words", "suffixes"]



def suffixes(use: str) -> tuple[str, ...]:
    """Official suffixes of division names for one use (short / key), in the order they are tried:
    loaders/dicts/place_suffixes.tsv.

    >>> suffixes("short")[:2], "新区" in suffixes("key")
    (('特别行政区', '自治区'), True)
    """
    return tuple(r[0] for r in dicts.rows("place_suffixes.tsv") if len(r) > 1 and use in r[1].split(","))


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """Short forms that are ordinary words (东方, 和平, 开发 …): never matched on their own."""
    return frozenset(dicts.words("place_short_stop.txt"))


def _strip_nations(stem: str) -> str:
    """伊犁哈萨克 → 伊犁, 湘西土家族苗族 → 湘西 (ethnic names with or without 族, at the end)."""
    changed = True
    while changed:
        changed = False
        for nation in nations():
            for form in (nation, nation[:-1] if len(nation) > 2 else None):
                if form and stem.endswith(form) and len(stem) - len(form) >= 2:
                    stem, changed = stem[: -len(form)], True
                    break
            if changed:
                break
    return stem


def short_name(name: str) -> str:
    """The name without its level word and ethnic qualifiers, or the name itself if too short.

    >>> short_name("泽州县"), short_name("伊犁哈萨克自治州"), short_name("城区"), short_name("内蒙古自治区")
    ('泽州', '伊犁', '城区', '内蒙古')
    >>> short_name("滨海新区")          # 新区 goes whole: 滨海, not 滨海新
    '滨海'
    """
    for suffix in suffixes("short"):
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            stem = name[: -len(suffix)]
            if suffix.startswith("自治") or suffix == "特别行政区":
                stem = _strip_nations(stem)
            return stem
    return name


_LEVEL_FORMS = {"自治县": "县", "自治旗": "旗", "自治州": "州"}


def level_forms(place: Place) -> list[str]:
    """The short name of an autonomous division with the plain level word, as reports write it
    (屏边苗族自治县 → 屏边县, 黔西南布依族苗族自治州 → 黔西南州): as good as the full name.

    >>> level_forms(Place("屏边苗族自治县", "532523", "county")), level_forms(Place("泽州县", "140525", "county"))
    (['屏边县'], [])
    """
    for suffix, word in _LEVEL_FORMS.items():
        if place.name.endswith(suffix):
            short = short_name(place.name)
            return [short + word] if short != place.name and len(short) >= 2 else []
    return []


def short_forms(place: Place) -> list[str]:
    """Aliases a text may use for `place`: its short name unless that is a common word.

    >>> short_forms(Place("朔州市", "140600", "prefecture"))
    ['朔州']
    >>> short_forms(Place("东方市", "469007", "county-city"))
    []
    """
    short = short_name(place.name)
    if short == place.name or len(short) < 2 or short in stop_words():
        return []
    if short.endswith("族"):
        return []
    return [short]
