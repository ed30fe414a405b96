"""The store: the embedded on-disk Oxigraph store (`local.Store`) and a SPARQL server
(`remote.RemoteStore`) behind one interface; batched writes (`batch`), pruning (`prune`), SHACL
validation (`validate`)."""
from kg.store.local import Store

__all__ = ["Store"]
