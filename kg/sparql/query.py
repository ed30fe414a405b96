"""Named SPARQL queries: `queries/NAME.rq` text + header → a `QuerySpec`; spec + parameters → rows.

A query's header is its leading comment block::

    # title: Who adopts a programme
    # Free text lines describe what the query answers.
    # param program: a programme's label or any alias (programme)
    # param min: how many jurisdictions at least (default 2, integer)
    # columns: jurisdiction, year, status, report

A parameter NAME is bound to the variable ``?in_NAME`` by a ``VALUES`` block of RDF terms placed at
each line ``# @bind`` of the query (``# @bind NAME …``: only those parameters' blocks), never by
pasting text into it; an optional parameter left out stays
unbound. Parameter kinds (programme, jurisdiction, entity, integer, regex, boolean, text) say how a
value becomes terms: see `kg.sparql.binding`. A boolean parameter (``exact``) binds nothing: it tells the
programme parameters how to bind (the spelling only, not its whole concept).

A line of the query ending in ``# if NAME`` is kept only when parameter NAME is given (``# if !NAME``:
only when it is not), so an optional parameter can start the query from an index instead of
filtering every row; these markers are the query's own text, never a user's value.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.sparql.binding import bind_values, truthy
from kg.errors import ParameterError, QueryError, UnknownQuery
from kg.sparql.rows import Rows, run_sparql

__all__ = ["Param", "QuerySpec", "list_queries", "load_query", "run_named", "run_sparql",
           "query_text", "query_names"]

KINDS = ("programme", "jurisdiction", "entity", "integer", "regex", "key", "boolean", "text")
BIND_MARKER = "# @bind"
_KIND_BY_NAME = {"program": "programme", "jurisdiction": "jurisdiction", "min": "integer",
                 "entity": "entity", "indicator": "regex", "exact": "boolean"}
_MARKER = re.compile(r"# @bind(?:[ \t]+((?:[A-Za-z_]\w*[ \t]*)+))?(?=[ \t]*(?:#|$))", re.M)
_IFS = re.compile(r"(?:#\s*if\s+!?[A-Za-z_]\w*\s*)+$")   # the line's trailing markers, one or more
_COND = re.compile(r"#\s*if\s+(!?)([A-Za-z_]\w*)")
_PARAM = re.compile(r"#\s*param\s+([A-Za-z_]\w*)\s*:\s*(.*)")
_KEY = re.compile(r"#\s*(title|columns|reads)\s*:\s*(.*)")
_TAIL = re.compile(r"\(([^()]*)\)\s*$")


@dataclass(frozen=True)
class Param:
    """One declared parameter of a named query."""

    name: str
    description: str = ""
    default: str | None = None
    optional: bool = False
    kind: str = "text"
    related: bool = False

    @property
    def required(self) -> bool:
        return self.default is None and not self.optional

    def __str__(self) -> str:
        if self.default is not None:
            return f"{self.name}={self.default}"
        return f"[{self.name}]" if self.optional else self.name


@dataclass(frozen=True)
class QuerySpec:
    """A named query: its SPARQL text and what its header says about it."""

    name: str
    text: str
    title: str = ""
    description: str = ""
    params: tuple[Param, ...] = ()
    columns: tuple[str, ...] = ()
    reads: tuple[str, ...] = ()      # derived graphs it needs (``# reads: summary``: graph/summary)

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        valid = ", ".join(p.name for p in self.params) or "none"
        raise ParameterError(f"query {self.name!r} has no parameter {name!r} (its parameters: {valid})")


# ---------------------------------------------------------------- finding the .rq files

def _resources():
    try:
        from kg import resources
    except ImportError:
        return None
    return resources if hasattr(resources, "query_text") and hasattr(resources, "list_query_files") else None


def query_names() -> list[str]:
    """The names of all bundled queries, sorted.

    >>> "adopters" in query_names()
    True
    """
    res = _resources()
    if res is not None:
        return sorted(n[:-3] if n.endswith(".rq") else n for n in map(str, res.list_query_files()))
    from importlib.resources import files as _files
    return sorted(f.name[:-3] for f in _files("queries").iterdir() if f.name.endswith(".rq"))


def query_text(name: str) -> str:
    """The SPARQL text of the bundled query NAME.

    >>> query_text("reports").lstrip().startswith("#")
    True
    """
    if name not in query_names():
        raise UnknownQuery(f"no query named {name!r} (known: {', '.join(query_names())})")
    res = _resources()
    if res is not None:
        return res.query_text(name)
    from importlib.resources import files as _files
    return (_files("queries") / f"{name}.rq").read_text(encoding="utf-8")


# ---------------------------------------------------------------- headers

def _parse_param(name: str, rest: str) -> Param:
    kind, default, optional, related = _KIND_BY_NAME.get(name, "text"), None, False, False
    tail = _TAIL.search(rest)
    tokens = [t.strip() for t in tail.group(1).split(",")] if tail else []
    known = [t for t in tokens if t in KINDS or t in ("optional", "related") or t.startswith("default ")]
    if tokens and len(known) == len(tokens):
        rest = rest[:tail.start()].rstrip()
        for token in tokens:
            if token.startswith("default "):
                default = token[len("default "):].strip()
            elif token == "optional":
                optional = True
            elif token == "related":
                related = True
            else:
                kind = token
    return Param(name, rest.strip(), default, optional, kind, related)


def parse_header(name: str, text: str) -> QuerySpec:
    """Read the leading comment block of a query into a `QuerySpec`.

    >>> spec = parse_header("x", "# title: T\\n# Says what.\\n# param min: at least (default 2)\\n"
    ...                     "# columns: a, b\\nSELECT ?a ?b WHERE { }")
    >>> spec.title, spec.description, spec.params[0].default, spec.params[0].kind, spec.columns
    ('T', 'Says what.', '2', 'integer', ('a', 'b'))
    """
    title, lines, params, columns, reads = "", [], [], (), ()
    for line in text.splitlines():
        line = line.strip()
        if not line.startswith("#"):
            break
        if line.startswith(BIND_MARKER):
            continue
        if m := _PARAM.match(line):
            params.append(_parse_param(m.group(1), m.group(2)))
        elif m := _KEY.match(line):
            if m.group(1) == "title":
                title = m.group(2).strip()
            elif m.group(1) == "reads":
                reads = tuple(c.strip() for c in m.group(2).split(",") if c.strip())
            else:
                columns = tuple(c.strip() for c in m.group(2).split(",") if c.strip())
        elif line.lstrip("#").strip():
            lines.append(line.lstrip("#").strip())
    return QuerySpec(name, text, title, " ".join(lines), tuple(params), columns, reads)


@lru_cache(maxsize=None)
def _load(name: str) -> QuerySpec:
    return parse_header(name, query_text(name))


def load_query(name: str) -> QuerySpec:
    """The named query NAME with its parsed header; `UnknownQuery` lists the known names.

    >>> load_query("adopters").params[0].name
    'program'
    >>> load_query("nope")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    kg.errors.UnknownQuery: no query named 'nope' (known: adopters, ...)
    """
    return _load(name)


def list_queries() -> list[QuerySpec]:
    """Every bundled query, sorted by name.

    >>> [q.name for q in list_queries()][:2]
    ['adopters', 'co-adoption']
    """
    return [load_query(name) for name in query_names()]


# ---------------------------------------------------------------- running

def _conditional(text: str, given: set[str]) -> str:
    """Drop the lines marked ``# if NAME`` whose parameter is not given (``# if !NAME``: that is);
    a line marked ``# if a # if b`` is kept only when both hold.

    >>> _conditional("a # if x\\nb # if !x\\nc\\nd # if x # if y", {"x"})
    'a # if x\\nc'
    """
    kept = []
    for line in text.split("\n"):
        tail = _IFS.search(line)
        conditions = _COND.findall(tail.group()) if tail else []
        if all((name in given) != bool(negated) for negated, name in conditions):
            kept.append(line)
    return "\n".join(kept)


def bound_text(store, spec: QuerySpec, params: dict) -> str:
    """The query text with a VALUES block of RDF terms for every parameter given or defaulted."""
    for key in params:
        spec.param(key)
    values = {p.name: params.get(p.name, p.default) for p in spec.params}
    exact = any(p.kind == "boolean" and values[p.name] is not None and truthy(p.name, values[p.name])
                for p in spec.params)
    blocks = {}
    for p in spec.params:
        if values[p.name] is None:
            if p.required:
                raise ParameterError(f"query {spec.name!r} needs --param {p.name}=… ({p.description})")
            continue
        if p.kind != "boolean":
            blocks[p.name] = bind_values(store, p, values[p.name], exact=exact)
    text = _conditional(spec.text, {name for name, v in values.items() if v is not None})
    if not blocks:
        return text
    if BIND_MARKER not in text:
        raise QueryError(f"queries/{spec.name}.rq: parameters declared but no '{BIND_MARKER}' line")
    return _MARKER.sub(lambda m: _blocks(blocks, m.group(1)), text)


def _blocks(blocks: dict[str, str], names: str | None) -> str:
    """The VALUES blocks a marker asks for: ``# @bind`` all of them, ``# @bind type`` only that one."""
    wanted = names.split() if names else list(blocks)
    return " ".join(blocks[n] for n in wanted if n in blocks)


def run_named(store, name: str, *, labels: bool = True, limit: int | None = None, offset: int = 0,
              **params) -> Rows:
    """Run the named query NAME with parameters bound as RDF terms; rows as dicts.

    ``store`` is a store (`kg.sparql.rows.store_of`: a Store, a RemoteStore, a pyoxigraph Store, a KnowledgeGraph).
    IRIs come back as their labels unless ``labels=False``. ``limit``/``offset``: one page of the rows,
    in the query's order (``offset`` rows skipped, at most ``limit`` kept).

    >>> import pyoxigraph
    >>> run_named(pyoxigraph.Store(), "reports")
    []
    >>> run_named(pyoxigraph.Store(), "adopters", colour="red")
    Traceback (most recent call last):
    ...
    kg.errors.ParameterError: query 'adopters' has no parameter 'colour' (its parameters: program, exact)
    >>> run_named(pyoxigraph.Store(), "reports", limit=-1)
    Traceback (most recent call last):
    ...
    kg.errors.ParameterError: limit must be a whole number ≥ 0, not -1
    """
    spec = load_query(name)
    params = {k: v for k, v in params.items() if v is not None}
    limit, offset = _count("limit", limit), _count("offset", offset or 0)
    if "summary" in spec.reads:
        from kg.summary import require
        require(store, f"queries/{name}.rq")
    return run_sparql(store, bound_text(store, spec, params), labels=labels, source=f"queries/{name}.rq",
                      limit=limit, offset=offset)


def _count(what: str, value) -> int | None:
    """A page bound (``limit``, ``offset``) as a whole number ≥ 0 (None stays None)."""
    if value is None:
        return None
    try:
        number = int(str(value).strip())
    except ValueError:
        number = -1
    if number < 0 or isinstance(value, (bool, float)):
        raise ParameterError(f"{what} must be a whole number ≥ 0, not {value!r}")
    return number
