"""The store: one interface (`base.StoreBase`) with two implementations, the embedded on-disk Oxigraph
store (`local.Store`) and a SPARQL server (`remote.RemoteStore`); batched writes (`batch`), pruning
(`prune`) and SHACL validation (`validate`) work on either."""
from kg.store.local import Store

__all__ = ["Store"]
