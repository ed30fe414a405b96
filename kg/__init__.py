"""govkg: a knowledge graph of Chinese local governance initiatives.

Reports → extraction (`loaders`) → RDF triples → an on-disk Oxigraph store → named SPARQL queries,
a Python API (`KnowledgeGraph`) and exports (an offline HTML network page, GraphML, RDF dumps…).
"""
from kg.errors import GovkgError

__version__ = "0.1.0"
__all__ = ["GovkgError", "KnowledgeGraph", "__version__"]


def __getattr__(name: str):
    # imported on first use, so `import kg` stays light (no pyoxigraph or loaders at import time)
    if name == "KnowledgeGraph":
        from kg.graph import KnowledgeGraph
        return KnowledgeGraph
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
