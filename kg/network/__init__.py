"""The store as a typed networkx graph: the SPARQL behind it (`queries`), the graph (`graph`), views
and projections (`views`), the node a `--focus` names (`focus`), and `KnowledgeGraph`'s side (`api`)."""
