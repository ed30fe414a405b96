"""The read side: SPARQL text → rows (`rows`), named queries (`query`), parameters bound through the
`gk:key` index (`binding`, `candidates`, `regex_check`), federation refused (`guard`), rows → text
(`format`)."""
