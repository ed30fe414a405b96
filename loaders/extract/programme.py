"""Programme/initiative mentions → typed, de-duplicated `Programme` records."""
from __future__ import annotations

import re

from loaders.records import Place, Programme
from loaders.text import Text

__all__ = ["extract"]

_QUOTED = re.compile(r"“([^“”\n]{2,20})”(制度|改革|机制|工作法|模式|平台|行动|工程)")
_TYPES = {"制度": "institution", "改革": "reform", "机制": "mechanism", "工作法": "method", "模式": "model",
          "平台": "platform", "行动": "campaign", "工程": "campaign"}


def extract(text: Text, place: Place | None) -> list[Programme]:
    """First version: quoted names followed by a typing head word."""
    found: dict[str, Programme] = {}
    for m in _QUOTED.finditer(text.norm):
        name = m.group(1)
        old = found.get(name)
        mention = text.mention(m.start(1), m.end(1))
        mentions = (old.mentions if old else ()) + (mention,)
        found[name] = Programme(name, _TYPES[m.group(2)], (), (place,) if place else (), mentions)
    return list(found.values())
