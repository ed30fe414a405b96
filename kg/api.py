"""The query side of `KnowledgeGraph`: named queries as methods returning `Rows` (lists of dicts).

`QueryMixin` needs only a store: ``self.store`` (anything with the `kg.sparql.rows` query interface: the
on-disk Store, a RemoteStore, a bare pyoxigraph Store), so it behaves the same over a path and an endpoint.
In the examples, ``graph`` is a KnowledgeGraph over a small store of four reports.
"""
from __future__ import annotations

from kg.sparql.query import QuerySpec, list_queries, run_named
from kg.sparql.rows import Rows, run_sparql

__all__ = ["QueryMixin", "QueryGraph"]


class QueryMixin:
    """Query helpers; each method is one named query (`govkg query NAME`), rows as dicts."""

    def query(self, name: str, *, limit: int | None = None, offset: int = 0, **params) -> Rows:
        """Run the named query ``queries/NAME.rq`` with its parameters; a list of dicts. ``limit`` and
        ``offset`` page a long answer (``reports`` over a whole corpus): the rows ``offset`` to
        ``offset + limit`` in the query's order.

        >>> [(r["program"], r["jurisdictions"]) for r in graph.query("shared-programs", min=3)][:2]
        [('法律明白人', 3), ('高效办成一件事', 3)]
        >>> [r["program"] for r in graph.query("shared-programs", min=3, limit=1, offset=1)]
        ['高效办成一件事']
        >>> graph.query("adopters", colour="red")
        Traceback (most recent call last):
        ...
        kg.errors.ParameterError: query 'adopters' has no parameter 'colour' (its parameters: program, exact)
        """
        return run_named(self, name, limit=limit, offset=offset, **params)  # the name and parameters are checked before the store opens

    def query_df(self, name: str, **params):
        """`query` as a `pandas.DataFrame` (needs pandas)."""
        return self.query(name, **params).to_dataframe()

    def sparql(self, text: str, source: str = "query") -> Rows:
        """Run a read-only SPARQL query (the union of all report graphs is the default graph);
        `source` names the query in error messages (a file it was read from, say).

        >>> graph.sparql("PREFIX gk: <https://w3id.org/govkg/ontology#> "
        ...              "SELECT (COUNT(*) AS ?n) WHERE { ?r a gk:Report }")
        [{'n': 5}]
        """
        return run_sparql(self, text, source=source)

    @staticmethod
    def queries() -> list[QuerySpec]:
        """The named queries with their titles, parameters and columns.

        >>> [q.name for q in QueryMixin.queries()][:3]
        ['adopters', 'co-adoption', 'diffusion']
        """
        return list_queries()

    def adopters(self, program: str, exact: bool = False) -> Rows:
        """Every adoption of a programme (label or any alias; every spelling of its concept unless
        ``exact``), with year, status, report and the spelling the report used.

        >>> [(r["jurisdiction"], r["year"]) for r in graph.adopters("承诺制标准地全代办")]
        [('苏州工业园区', 2022), ('泽州县', 2024)]
        >>> [r["spelling"] for r in graph.adopters("企业安静期", exact=True)]
        ['企业安静期', '企业“安静期”']
        """
        return self.query("adopters", program=program, exact="true" if exact else None)

    def programs(self, jurisdiction: str) -> Rows:
        """Programmes a jurisdiction or its sub-units run (name, short name like 泽州, or adcode).

        >>> sorted({r["program"] for r in graph.programs("泽州")})
        ['企业安静期', '企静通', '承诺制+标准地+全代办', '高效办成一件事']
        """
        return self.query("programs", jurisdiction=jurisdiction)

    def outcomes(self, program: str | None = None, jurisdiction: str | None = None) -> Rows:
        """Quantified outcomes, optionally of a programme (every spelling of its concept, and the
        programmes related to it) and/or a place; the largest changes first within an indicator.

        >>> [(r["indicator"], r["value"], r["unit"]) for r in graph.outcomes(program="企业安静期")]
        [('入企检查次数', 38.6, '%'), ('入企检查次数', 20, '%'), ('涉企检查', 35, '%')]
        """
        return self.query("outcomes", program=program, jurisdiction=jurisdiction)

    def documents(self, jurisdiction: str | None = None, type: str | None = None) -> Rows:
        """Documents cited (or issued) by a jurisdiction and its sub-units, optionally of one type.

        >>> [(r["title"], r["status"]) for r in graph.documents("阳泉市", type="条例")]
        [('阳泉市非物质文化遗产保护条例(草案)', 'draft')]
        """
        return self.query("documents", jurisdiction=jurisdiction, type=type)

    def jurisdictions(self) -> Rows:
        """Every jurisdiction with adcode, level and parent.

        >>> {r["jurisdiction"]: r["parent"] for r in graph.jurisdictions()}["阳泉市城区"]
        '阳泉市'
        """
        return self.query("jurisdictions")

    def reports(self) -> Rows:
        """Every report with title, jurisdiction, year, publication date, kind and source file.

        >>> [(r["jurisdiction"], r["year"]) for r in graph.reports()][:2]
        [('阳泉市城区', 2020), ('晋城市城区', 2021)]
        """
        return self.query("reports")

    def shared_programs(self, min: int = 2) -> Rows:
        """Programmes adopted by at least ``min`` jurisdictions.

        >>> sorted(r["program"] for r in graph.shared_programs(min=3))
        ['企业安静期', '法律明白人', '高效办成一件事']
        """
        return self.query("shared-programs", min=min)

    def shared_documents(self, min: int = 2) -> Rows:
        """Documents cited by at least ``min`` reports.

        >>> [(r["document"], r["reports"]) for r in graph.shared_documents()]
        [('法治政府建设实施纲要(2021—2025年)', 2)]
        """
        return self.query("shared-documents", min=min)

    def metric(self, indicator: str) -> Rows:
        """Outcomes whose indicator matches a regular expression (Oxigraph's syntax), per jurisdiction,
        with direction, year and report; directions apart, the largest values first.

        >>> sorted((r["jurisdiction"], r["value"], r["direction"]) for r in graph.metric("调解成功率"))[:2]
        [('晋城市城区新华街道', 97.5, 'increase'), ('泽州县', 96.6, 'level')]
        """
        return self.query("metric", indicator=indicator)

    def diffusion(self, program: str) -> Rows:
        """The adoption curve: each adopter with its first year and the running count of adopters.

        >>> [(r["jurisdiction"], r["year"], r["adopters"]) for r in graph.diffusion("高效办成一件事")]
        [('苏州市', 2023, 1), ('泽州县', 2024, 2), ('阳泉市', 2025, 3)]
        """
        return self.query("diffusion", program=program)

    def evidence(self, entity: str) -> Rows:
        """The sentences and reports behind an entity (label, alias, title, adcode or IRI).

        >>> [r["kind"] for r in graph.evidence("苏州市优化营商环境条例")]
        ['Citation']
        """
        return self.query("evidence", entity=entity)

    def search(self, text: str) -> Rows:
        """Entities whose label or alias contains ``text`` (spaces and punctuation ignored).

        >>> [(r["entity"], r["kind"]) for r in graph.search("标准地")]
        [('承诺制+标准地+全代办', 'Programme')]
        """
        return self.query("search", text=text)

    def co_adoption(self, min: int = 1) -> Rows:
        """Pairs of jurisdictions with the number of programmes both adopt.

        >>> graph.co_adoption(min=2)[0]["programs"]
        2
        """
        return self.query("co-adoption", min=min)

    def timeline(self, jurisdiction: str) -> Rows:
        """A jurisdiction's (and its sub-units') programmes, year by year.

        >>> [(r["year"], r["programs"]) for r in graph.timeline("阳泉市")]
        [(2020, 2), (2025, 2)]
        """
        return self.query("timeline", jurisdiction=jurisdiction)


class QueryGraph(QueryMixin):
    """The query helpers over a bare store (what `KnowledgeGraph` adds to them is building and export).

    >>> import pyoxigraph
    >>> QueryGraph(pyoxigraph.Store()).reports()
    []
    """

    def __init__(self, store) -> None:
        self.store = store
