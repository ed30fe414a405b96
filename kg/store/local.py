"""The on-disk store: a pyoxigraph store with one named graph per report, replaced atomically.

The ontology and the programme thesaurus live in their own graphs; queries see the union of all.
"""
from __future__ import annotations

import time
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox

from kg.errors import QueryError, StoreBusy, StoreError
from kg.resources import has_ontology_file, ontology_text
from kg.rdf.vocab import (GK, GRAPH_BUILDS, GRAPH_DOCUMENTS, GRAPH_ONTOLOGY, GRAPH_PLACES, GRAPH_PROGRAMMES,
                      GRAPH_THESAURUS, SHARED_GRAPHS)

__all__ = ["Store", "COUNTED", "graph_triples", "REPORTS_QUERY", "COUNTS_QUERY", "count_entities"]

# what `counts()` reports, by class: reports by their markers, shared entities in their graphs,
# facts in the report graphs (an unmarked graph, left by a stopped build, lives only until the next build)
COUNTED = {"reports": "Report", "jurisdictions": "Jurisdiction", "programmes": "Programme",
           "adoptions": "Adoption", "documents": "Document", "citations": "Citation",
           "outcomes": "Outcome", "evidence": "Evidence"}
_VOCABULARY = ((GRAPH_ONTOLOGY, "govkg.ttl"), (GRAPH_THESAURUS, "programmes.ttl"))
REPORTS_QUERY = (f"SELECT ?r ?f ?h WHERE {{ GRAPH <{GRAPH_BUILDS}> {{ ?r gk:builtFrom ?h }} "
                 "GRAPH ?r { ?r gk:sourceFile ?f } }")
COUNTS_QUERY = f"""SELECT ?c (COUNT(?x) AS ?n) WHERE {{
  {{ GRAPH <{GRAPH_BUILDS}> {{ ?x gk:builtFrom ?h }} BIND(gk:Report AS ?c) }}
  UNION {{ GRAPH <{GRAPH_PLACES}> {{ ?x a gk:Jurisdiction }} BIND(gk:Jurisdiction AS ?c) }}
  UNION {{ GRAPH <{GRAPH_PROGRAMMES}> {{ ?x <http://www.w3.org/2000/01/rdf-schema#label> ?l }} BIND(gk:Programme AS ?c) }}
  UNION {{ GRAPH <{GRAPH_DOCUMENTS}> {{ ?x a gk:Document }} BIND(gk:Document AS ?c) }}
  UNION {{ VALUES ?c {{ gk:Adoption gk:Citation gk:Outcome gk:Evidence }} GRAPH ?g {{ ?x a ?c }} }}
}} GROUP BY ?c"""


def count_entities(rows) -> dict[str, int]:
    """`COUNTS_QUERY` rows → the counts dict (every key of `COUNTED`, 0 where absent)."""
    found = {row["c"].value.rsplit("#", 1)[1]: int(row["n"].value) for row in rows}
    return {key: found.get(cls, 0) for key, cls in COUNTED.items()}


def delete_subjects_update(graph: str, subjects: list[str]) -> str:
    """The SPARQL update removing every statement about `subjects` from `graph`."""
    values = " ".join(f"<{s}>" for s in subjects)
    return (f"DELETE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} WHERE {{ VALUES ?s {{ {values} }} "
            f"GRAPH <{graph}> {{ ?s ?p ?o }} }}")


def _unmark(reports: list[str]) -> str:
    """The update removing these reports' completion markers."""
    return " ;\n".join(f"DELETE WHERE {{ GRAPH <{GRAPH_BUILDS}> {{ <{r}> ?p ?o }} }}" for r in reports)


def _busy(path: Path, exc: Exception) -> StoreError:
    if "lock" in str(exc).lower():
        return StoreBusy(f"store is busy: another govkg process is writing to {path}")
    if "column family not found" in str(exc).lower():  # read-only open while another process creates it
        return StoreBusy(f"store is busy: another govkg process is creating {path}; try again in a moment")
    return StoreError(f"{path}: cannot open the store ({exc})")


def _open_read_only(path: Path, tries: int = 10) -> ox.Store:
    """Open read-only beside a writer; retry while a writer is creating or rewriting the store's
    manifest (RocksDB then reports missing column families, missing files or "corruption")."""
    for attempt in range(tries):
        try:
            return ox.Store.read_only(str(path))
        except (OSError, RuntimeError):
            if attempt == tries - 1:
                raise
            time.sleep(0.05)
    raise AssertionError("unreachable")



def graph_triples(graph: str, quads: Iterable[ox.Quad]) -> list[str]:
    """The quads of one named graph as N-Triples lines; a quad of another graph is a bug.

    >>> g = "https://w3id.org/govkg/id/report/x"
    >>> q = ox.Quad(ox.NamedNode("a:s"), ox.NamedNode("a:p"), ox.Literal("o"), ox.NamedNode(g))
    >>> graph_triples(g, [q])
    ['<a:s> <a:p> "o" .']
    """
    name = ox.NamedNode(graph)
    lines = []
    for q in quads:
        if q.graph_name != name:
            raise ValueError(f"quad {q} is not in graph <{graph}>")
        lines.append(f"{q.subject} {q.predicate} {q.object} .")
    return lines

class Store:
    """A govkg store on disk.

    >>> import tempfile
    >>> with Store.open(tempfile.mkdtemp() + "/s") as s:
    ...     s.counts()["reports"], len(s.reports())
    (0, 0)
    """

    def __init__(self, inner: ox.Store, path: Path, read_only: bool):
        self._inner: ox.Store | None = inner
        self.path = path
        self.read_only = read_only

    @classmethod
    def open(cls, path: str | Path, read_only: bool = False) -> "Store":
        """Open (read-write: creating) the store in folder `path`.

        Raises `StoreBusy` when another process holds it, `StoreError` when `path` is not a store.
        """
        path = Path(path)
        if path.exists() and not path.is_dir():
            raise StoreError(f"{path}: is a file, not a govkg store folder")
        is_store = (path / "CURRENT").is_file()
        if not is_store and path.is_dir() and any(path.iterdir()):
            raise StoreError(f"{path}: not a govkg store (the folder holds other files)")
        if read_only and not is_store:
            raise StoreError(f"{path}: no govkg store here; build one with `govkg build PATH --store {path}`")
        try:
            if read_only:
                inner = _open_read_only(path)
            else:
                path.mkdir(parents=True, exist_ok=True)
                inner = ox.Store(str(path))
        except (OSError, RuntimeError) as exc:  # RocksDB reports some open failures as RuntimeError
            raise _busy(path, exc) from None
        store = cls(inner, path, read_only)
        if not read_only and not is_store:
            store.load_vocabulary()
        return store

    @property
    def inner(self) -> ox.Store:
        if self._inner is None:
            raise StoreError(f"{self.path}: the store is closed")
        return self._inner

    @property
    def oxigraph(self) -> ox.Store:
        """The pyoxigraph store underneath (what `kg.sparql.rows.oxigraph_store` looks for)."""
        return self.inner

    def _writable(self) -> ox.Store:
        if self.read_only:
            raise StoreError(f"{self.path}: the store is open read-only")
        return self.inner

    def replace_graph(self, graph: str, quads: Iterable[ox.Quad], marker: str | None = None) -> None:
        """Drop graph `graph` and insert `quads` (all in that graph) in one transaction; with `marker`
        (a content hash), the report's completion marker in graph/builds is replaced too."""
        name = ox.NamedNode(graph)
        lines = graph_triples(graph, quads)
        update = f"DROP SILENT GRAPH {name} ;\n" + _unmark([graph])
        if lines:
            update += f" ;\nINSERT DATA {{ GRAPH {name} {{\n" + "\n".join(lines) + "\n} }"
        if marker is not None:
            update += f" ;\nINSERT DATA {{ GRAPH <{GRAPH_BUILDS}> {{ {name} {GK.builtFrom} {ox.Literal(marker)} }} }}"
        self._update(update, f"graph <{graph}>")

    def _update(self, update: str, what: str) -> None:
        try:
            self._writable().update(update)  # one SPARQL update request is one transaction
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot write {what} ({exc})") from None

    def replace_report(self, report_iri: str, quads: Iterable[ox.Quad]) -> None:
        """Replace the report's named graph by `quads` and mark it complete, in one transaction.

        >>> s = Store(ox.Store(), Path("mem"), False)
        >>> q = ox.Quad(ox.NamedNode("http://r"), GK.contentHash, ox.Literal("ab"), ox.NamedNode("http://r"))
        >>> s.replace_report("http://r", [q]); s.replace_report("http://r", [q]); len(s.inner), s.counts()["reports"]
        (2, 1)
        """
        quads = list(quads)
        digest = next((q.object.value for q in quads if q.predicate == GK.contentHash), "")
        self.replace_graph(report_iri, quads, marker=digest)

    def write_batch(self, drop: list[str], shared: bytes, graphs: bytes, markers: bytes) -> None:
        """One batch of a build (`kg.store.batch`): drop `drop` (graphs and markers), add the shared groups
        (a transaction), bulk-load the report graphs and flush, then add the markers (a transaction)."""
        inner = self._writable()
        try:
            if drop:
                self._update(" ;\n".join(f"DROP SILENT GRAPH <{r}>" for r in drop) + " ;\n" + _unmark(drop),
                             f"{len(drop)} replaced reports")
            if shared:
                inner.load(shared, format=ox.RdfFormat.N_QUADS)
            if graphs:
                inner.bulk_load(graphs, format=ox.RdfFormat.N_QUADS)
                inner.flush()
            if markers:
                inner.load(markers, format=ox.RdfFormat.N_QUADS)
        except OSError as exc:
            raise StoreError(f"{self.path}: cannot write a batch of reports ({exc})") from None

    def delete_subjects(self, graph: str, subjects: list[str]) -> None:
        """Remove every statement about `subjects` from shared graph `graph` (`build --prune`)."""
        for i in range(0, len(subjects), 1000):
            self._update(delete_subjects_update(graph, subjects[i:i + 1000]), f"graph <{graph}>")

    def unfinished(self) -> list[str]:
        """Report graphs without a completion marker (a build was stopped mid-batch)."""
        marked = set(self.reports())
        return sorted(g.value for g in self.inner.named_graphs()
                      if isinstance(g, ox.NamedNode) and g.value not in SHARED_GRAPHS and g.value not in marked)

    def remove_report(self, report_iri: str) -> bool:
        """Remove the report's graph and its marker (shared descriptions stay); False if there was none."""
        name = ox.NamedNode(report_iri)
        if not self.inner.contains_named_graph(name):
            return False
        self.replace_graph(report_iri, ())
        return True

    def load_vocabulary(self) -> None:
        """(Re)load the ontology and the thesaurus (where shipped) into their graphs."""
        for graph, filename in _VOCABULARY:
            if not has_ontology_file(filename):
                continue
            name = ox.NamedNode(graph)
            triples = ox.parse(ontology_text(filename), ox.RdfFormat.TURTLE)
            self.replace_graph(graph, (ox.Quad(t.subject, t.predicate, t.object, name) for t in triples))

    def reports(self) -> dict[str, tuple[str, str]]:
        """Every complete (marked) report: IRI → (sourceFile, contentHash)."""
        return {row["r"].value: (row["f"].value, row["h"].value)
                for row in self.inner.query(REPORTS_QUERY, prefixes={"gk": str(GK)})}

    def query(self, sparql: str, use_default_graph_as_union: bool = True,
              substitutions: dict | None = None):
        """Run a SPARQL query; pyoxigraph's result (solutions, boolean or triples).

        Raises `QueryError` with the parser's message for a malformed query.
        """
        try:
            return self.inner.query(sparql, use_default_graph_as_union=use_default_graph_as_union,
                                    substitutions=substitutions)
        except SyntaxError as exc:
            raise QueryError(f"bad SPARQL: {exc}") from None

    def counts(self) -> dict[str, int]:
        """Marked reports, shared entities (each once) and facts in the report graphs, and all triples."""
        counts = count_entities(self.inner.query(COUNTS_QUERY, prefixes={"gk": str(GK)}))
        counts["triples"] = len(self.inner)
        return counts

    def dump(self, format: ox.RdfFormat = ox.RdfFormat.N_QUADS) -> bytes:
        """The whole dataset serialised (N-Quads by default)."""
        return self.inner.dump(format=format)

    def close(self) -> None:
        """Release the store (and its lock); a writer first flushes its log so the next reader opens fast.

        Without the flush, RocksDB's write-ahead log stays behind and every read-only open replays it
        (measured: 67 s for a 1,000-report store, 20 ms after flush + optimize; docs/performance.md).
        """
        inner, self._inner = self._inner, None
        if inner is not None and not getattr(self, "read_only", True):
            try:
                inner.flush()
                inner.optimize()
            except (OSError, RuntimeError):
                pass

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
