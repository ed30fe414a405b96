"""govkg: a knowledge graph of Chinese local governance initiatives.

Reports → extraction (`loaders`) → RDF triples → an on-disk Oxigraph store → named SPARQL queries,
a Python API (`KnowledgeGraph`) and exports (an offline HTML network page, GraphML, RDF dumps…).
Names are imported on first use, so `import kg` stays light (no pyoxigraph or extractors).
"""
from kg.errors import (ExportError, GovkgError, LoadError, ParameterError, QueryError, StoreError,
                       UnknownQuery)

__version__ = "0.1.0"
__all__ = ["KnowledgeGraph", "GovkgError", "LoadError", "StoreError", "QueryError", "UnknownQuery",
           "ParameterError", "ExportError", "load_report", "extract_files", "list_queries", "__version__"]

_LAZY = {"KnowledgeGraph": "kg.graph", "load_report": "loaders", "extract_files": "kg.build.extract",
         "list_queries": "kg.sparql.query"}  # not `export`: kg.export is a subpackage (use KnowledgeGraph.export)


def __getattr__(name: str):
    if name in _LAZY:
        from importlib import import_module
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
