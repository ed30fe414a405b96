"""Named SPARQL queries (package data): one `NAME.rq` per query, header comments describe it."""
