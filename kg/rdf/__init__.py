"""Extraction → RDF: IRIs (`iri`), vocabulary (`vocab`), N-Quads text (`nquads`), a report's graph
(`triples`) and the shared-entity groups every report refers to (`shared`). Pure: no store."""
