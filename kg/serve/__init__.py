"""A read-only SPARQL 1.1 Protocol endpoint over the store, with an offline query page."""
from __future__ import annotations

__all__ = ["serve"]


def serve(*args, **kwargs):
    """Run the endpoint until interrupted; see `kg.serve.server.serve` for the parameters."""
    from kg.serve.server import serve as _serve
    return _serve(*args, **kwargs)
