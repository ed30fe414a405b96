"""Chinese administrative divisions (GB/T 2260) as `Place` records, with a matcher over raw text."""
from __future__ import annotations

from loaders.gazetteer.core import Gazetteer

__all__ = ["Gazetteer"]
