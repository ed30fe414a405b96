"use strict";
(function () {
  const data = JSON.parse(document.getElementById("example-data").textContent);
  const examples = data.queries, $ = (id) => document.getElementById(id);
  const endpoint = data.endpoint;
  // --- results with labels: a YASR plugin that shows each IRI by its rdfs:label / skos:prefLabel
  class LabelTable {
    constructor(yasr) { this.yasr = yasr; this.priority = 20; this.label = "Labels"; }
    canHandleResults() { return !!(this.yasr.results && this.yasr.results.getVariables && this.yasr.results.getVariables().length); }
    getIcon() { const s = document.createElement("span"); s.textContent = "≡"; return s; }
    async draw() {
      const vars = this.yasr.results.getVariables(), rows = this.yasr.results.getBindings() || [];
      const iris = new Set();
      rows.forEach((row) => vars.forEach((v) => { if (row[v] && row[v].type === "uri") { iris.add(row[v].value); } }));
      const labels = await fetchLabels([...iris].slice(0, 2000));
      const table = document.createElement("table");
      table.className = "gk-labels";
      const head = table.insertRow();
      vars.forEach((v) => { const th = document.createElement("th"); th.textContent = v; head.appendChild(th); });
      rows.forEach((row) => {
        const tr = table.insertRow();
        vars.forEach((v) => {
          const td = tr.insertCell(), term = row[v];
          if (!term) { return; }
          if (term.type === "uri") { td.className = "iri"; td.title = term.value; td.textContent = labels[term.value] || term.value; }
          else { td.textContent = term.value + (term["xml:lang"] ? " @" + term["xml:lang"] : ""); }
        });
      });
      this.yasr.resultsEl.appendChild(table);
    }
  }
  async function select(text) {
    const resp = await fetch(endpoint, { method: "POST", body: new URLSearchParams({ query: text }),
                                         headers: { Accept: "application/sparql-results+json" } });
    if (!resp.ok) { throw new Error(resp.status + " " + (await resp.text())); }
    return (await resp.json()).results.bindings;
  }
  async function fetchLabels(iris) {
    const out = {};
    for (let i = 0; i < iris.length; i += 200) {
      const values = iris.slice(i, i + 200).map((x) => "<" + x.replace(/[<>"{}|\\^`\s]/g, "") + ">").join(" ");
      const rows = await select(data.labelQuery.replace("IRIS", () => values));
      rows.forEach((r) => { if (!(r.s.value in out) || r.rank.value === "0") { out[r.s.value] = r.l.value; } });
    }
    return out;
  }
  Yasgui.Yasr.registerPlugin("labels", LabelTable);
  const yasgui = new Yasgui($("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" }, copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: () => [{ endpoint: endpoint }] },
    persistenceId: null, populateFromUrl: false,
    yasqe: { value: data.defaultQuery, autocompleters: ["variables"] },
    yasr: { pluginOrder: ["labels", "table", "response"], defaultPlugin: "labels", prefixes: data.prefixes },
  });
  window.govkgYasgui = yasgui;
  // --- the named queries' parameter forms, from the query headers
  function sparqlString(text) { return '"' + text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n").replace(/\r/g, "\\r") + '"'; }
  function norm(text) { return text.normalize("NFKC").replace(new RegExp(data.normStrip, "g"), "").toLowerCase(); }
  async function terms(param, value) {
    if (param.kind === "integer") {
      if (!/^\s*-?\d+\s*$/.test(value)) { throw new Error(param.name + " must be a whole number, not " + value); }
      return ['"' + value.trim() + '"^^<http://www.w3.org/2001/XMLSchema#integer>'];
    }
    const lookup = data.lookups[param.kind];
    if (!lookup) { return [sparqlString(param.kind === "key" ? norm(value) : value.normalize("NFKC").trim())]; }
    const rows = await select(lookup.replace("KEY", () => sparqlString(norm(value))).replace("VALUE", () => sparqlString(value.trim())));
    return [...new Set(rows.map((r) => "<" + r.s.value + ">"))];
  }
  async function boundQuery() {
    const spec = examples[$("examples").value];
    let text = spec.text;
    const blocks = [], notes = [];
    for (const p of spec.params) {
      const value = $("gk-param-" + p.name).value;
      const given = value.trim() ? value : p.default;
      if (given === null || given === undefined || given === "") {
        if (p.required) { throw new Error("fill in " + p.name + " (" + p.description + ")"); }
        continue;
      }
      const found = await terms(p, given);
      if (found.length === 0) { notes.push("no " + p.kind + " named " + given + ": the query will give no rows"); }
      blocks.push("VALUES ?in_" + p.name + " { " + found.join(" ") + " }");
    }
    if (blocks.length) { text = text.replace("# @bind", () => blocks.join(" ")); }
    return [text, notes];
  }
  function showForm() {
    const form = $("gk-params"), spec = examples[$("examples").value];
    form.replaceChildren();
    $("gk-message").textContent = "";
    $("gk-fill").disabled = $("gk-run-named").disabled = !spec;
    $("gk-about").textContent = spec ? spec.title + (spec.description ? " — " + spec.description : "") : "";
    if (!spec) { return; }
    spec.params.forEach((p) => {
      const label = document.createElement("label"), input = document.createElement("input");
      input.id = "gk-param-" + p.name; input.name = p.name;
      input.placeholder = p.default !== null ? "default " + p.default : (p.required ? "required" : "optional");
      input.title = p.description;
      label.appendChild(document.createTextNode(p.name + (p.required ? " * " : " ")));
      label.appendChild(input);
      form.appendChild(label);
    });
    if (!spec.params.length) { const s = document.createElement("span"); s.textContent = "(no parameters)"; form.appendChild(s); }
  }
  async function fill(run) {
    try {
      const [text, notes] = await boundQuery();
      yasgui.getTab().setQuery(text);
      $("gk-message").textContent = notes.join("\n");
      if (run) { yasgui.getTab().query(); }
    } catch (err) { $("gk-message").textContent = String(err.message || err); }
  }
  $("examples").addEventListener("change", showForm);
  $("gk-fill").addEventListener("click", () => fill(false));
  $("gk-run-named").addEventListener("click", () => fill(true));
  $("gk-params").addEventListener("submit", (e) => { e.preventDefault(); fill(true); });
  window.govkgPage = { fill: fill, showForm: showForm, norm: norm };
})();
