"""Report files → structured extraction (plain records with spans). Knows nothing about RDF.

Names are imported on first use, so `import loaders` (and `import kg`) stays light.

>>> from loaders import extract_text
>>> extract_text("x.txt", "朔州市2023年法治政府建设情况报告").jurisdiction.label
'朔州市'
"""
from loaders.errors import DecodeError, EmptyReport, GovkgError, LoadError, UnsupportedFormat

__all__ = ["load_report", "extract_text", "Extraction", "Programme", "Document", "Outcome", "Place",
           "Mention", "Part", "Member", "GovkgError", "LoadError", "DecodeError", "EmptyReport", "UnsupportedFormat"]

_LAZY = {"load_report": "loaders.pipeline", "extract_text": "loaders.pipeline",
         "Extraction": "loaders.records", "Programme": "loaders.records", "Document": "loaders.records",
         "Outcome": "loaders.records", "Place": "loaders.records", "Mention": "loaders.records",
         "Part": "loaders.records", "Member": "loaders.records"}


def __getattr__(name: str):
    if name in _LAZY:
        from importlib import import_module
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'loaders' has no attribute {name!r}")
