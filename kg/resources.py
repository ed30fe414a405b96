"""The one module that knows where package data lives: ontology/*.ttl and queries/*.rq by name."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

__all__ = ["ontology_text", "ontology_triples", "query_text", "list_query_files", "has_ontology_file", "examples_dir"]


def ontology_text(name: str) -> str:
    """The text of `ontology/NAME` (e.g. ``"govkg.ttl"``).

    >>> "gk:Report" in ontology_text("govkg.ttl")
    True
    """
    return resources.files("ontology").joinpath(name).read_text(encoding="utf-8")


@lru_cache(maxsize=4)
def ontology_triples(name: str) -> tuple:
    """The triples of `ontology/NAME`, parsed once per process (pyoxigraph), () if it is not shipped:
    the thesaurus is read by the IRI rule and by the shared descriptions alike.

    >>> len(ontology_triples("programmes.ttl")) > 100, ontology_triples("nope.ttl")
    (True, ())
    """
    if not has_ontology_file(name):
        return ()
    import pyoxigraph as ox
    return tuple(ox.parse(ontology_text(name), ox.RdfFormat.TURTLE))


def has_ontology_file(name: str) -> bool:
    """Whether `ontology/NAME` is shipped.

    >>> has_ontology_file("govkg.ttl"), has_ontology_file("nope.ttl")
    (True, False)
    """
    return resources.files("ontology").joinpath(name).is_file()


def query_text(name: str) -> str:
    """The text of `queries/NAME.rq` (``name`` without the suffix); FileNotFoundError if absent."""
    return resources.files("queries").joinpath(f"{name}.rq").read_text(encoding="utf-8")


def list_query_files() -> list[str]:
    """Names (without ``.rq``) of the shipped named queries, sorted.

    >>> isinstance(list_query_files(), list)
    True
    """
    return sorted(p.name[:-3] for p in resources.files("queries").iterdir()
                  if p.name.endswith(".rq") and p.is_file())


def examples_dir():
    """A `Traversable` for the bundled `kg/examples/` folder (use with `resources.as_file`)."""
    return resources.files("kg").joinpath("examples")
