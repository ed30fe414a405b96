"""govkg: a knowledge graph of Chinese local governance initiatives.

Reports → extraction (`loaders`) → RDF triples → an on-disk Oxigraph store → named SPARQL queries,
a Python API (`KnowledgeGraph`) and exports (an offline HTML network page, GraphML, RDF dumps…).
"""
from kg.errors import GovkgError

__version__ = "0.1.0"
__all__ = ["GovkgError", "__version__"]
