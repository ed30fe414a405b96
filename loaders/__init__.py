"""Report files → structured extraction (plain records with spans). Knows nothing about RDF.

>>> from loaders import extract_text
>>> extract_text("x.txt", "朔州市2023年法治政府建设情况报告").jurisdiction.label
'朔州市'
"""
from loaders.errors import DecodeError, EmptyReport, GovkgError, LoadError, UnsupportedFormat
from loaders.pipeline import extract_text, load_report
from loaders.records import Document, Extraction, Mention, Outcome, Place, Programme

__all__ = ["load_report", "extract_text", "Extraction", "Programme", "Document", "Outcome", "Place",
           "Mention", "GovkgError", "LoadError", "DecodeError", "EmptyReport", "UnsupportedFormat"]
