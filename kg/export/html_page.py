"""The fixed parts of the network page: styles per node type, palettes, CSS and the page script
(legend, filters, search box, details panel, diffusion curve). No report text is ever formatted into
these strings: the script reads one JSON object and writes the DOM through textContent only.
"""
from __future__ import annotations

__all__ = ["TYPE_STYLE", "EDGE_COLOURS", "PALETTE", "CURVE_COLOUR", "CSS", "BODY", "FOOTER", "SCRIPT"]

# node type → (colour, vis-network shape, legend symbol)
TYPE_STYLE = {
    "jurisdiction": ("#4e79a7", "dot", "●"),
    "programme": ("#f28e2b", "diamond", "◆"),
    "document": ("#59a14f", "square", "■"),
    "outcome": ("#e15759", "triangle", "▲"),
    "report": ("#9c755f", "star", "★"),
}
EDGE_COLOURS = {"adopted": "#f28e2b", "partOf": "#4e79a7", "cites": "#59a14f", "reports_on": "#9c755f",
                "measures": "#e15759", "about": "#e15759", "issued_by": "#59a14f",
                "co_adoption": "#4e79a7"}
PALETTE = ["#4e79a7", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f",
           "#bab0ac", "#86bcb6", "#d37295", "#8cd17d", "#499894", "#f1ce63", "#a0cbe8", "#ffbe7d"]

CURVE_COLOUR = "#e15759"   # the diffusion curve, as in `govkg plot diffusion`

CSS = """<style>
  body { margin: 0; font-family: system-ui, "Noto Sans CJK SC", "WenQuanYi Zen Hei", "Microsoft YaHei", sans-serif; }
  #gk-bar { display: flex; flex-wrap: wrap; gap: 6px 12px; align-items: center; padding: 5px 10px;
            border-bottom: 1px solid #ddd; background: #fafafa; font-size: 13px; }
  #gk-bar h1 { font-size: 16px; margin: 0 8px 0 0; }
  #gk-search { width: 220px; padding: 3px 6px; }
  #gk-legend span.item { margin-right: 10px; white-space: nowrap; }
  #gk-filters label { margin-right: 8px; white-space: nowrap; }
  #gk-note { color: #a33; }
  #gk-count { color: #555; }
  #gk-info { position: fixed; right: 10px; bottom: 34px; width: 380px; max-height: 55vh;
             overflow: auto; background: #fff; border: 1px solid #999; padding: 8px; font-size: 13px;
             box-shadow: 2px 2px 8px rgba(0,0,0,.2); display: none; z-index: 10; }
  #gk-info-text { white-space: pre-wrap; }
  #gk-footer { position: fixed; left: 0; right: 0; bottom: 0; font-size: 11px; color: #666; background: #fafafa;
               border-top: 1px solid #ddd; padding: 3px 10px; white-space: nowrap; overflow: hidden; }
  #mynetwork { float: none !important; border: 0 !important; }
  .card { border: 0; }
  div.vis-tooltip { white-space: pre-wrap !important; max-width: 420px; }
</style>
"""

BODY = """<div id="gk-bar">
  <h1 id="gk-title"></h1>
  <input id="gk-search" type="search" list="gk-labels" placeholder="search a node by name…"
         aria-label="search a node by name">
  <datalist id="gk-labels"></datalist>
  <span id="gk-legend"></span>
  <span id="gk-note"></span>
</div>
<div id="gk-bar2" style="display:flex;flex-wrap:wrap;gap:6px 12px;align-items:center;padding:4px 10px;border-bottom:1px solid #ddd;font-size:13px">
  <span id="gk-filters"></span>
  <label>province <select id="gk-province"><option value="">all</option></select></label>
  <label>level <select id="gk-level"><option value="">all</option></select></label>
  <label id="gk-year-box">up to <input id="gk-year" type="range" step="1"> <span id="gk-year-value"></span></label>
  <label><input id="gk-co" type="checkbox"> co-adoption links</label>
  <span id="gk-count"></span>
</div>
<div id="gk-info" role="status"><div id="gk-info-text"></div><div id="gk-curve"></div></div>
"""

FOOTER = """<div id="gk-footer"></div>
"""

# GK_PAGE (JSON, built in Python) holds the title, legend, filter values, curves and provenance.
SCRIPT = """<script>
(function () {
  var page = GK_PAGE_JSON;
  var $ = function (id) { return document.getElementById(id); };
  document.title = page.title;
  $("gk-title").textContent = page.title;
  $("gk-note").textContent = page.note;
  $("gk-footer").textContent = page.provenance || "govkg";
  page.legend.forEach(function (row) {
    var item = document.createElement("span"), mark = document.createElement("span");
    item.className = "item";
    mark.style.color = row.colour;
    mark.textContent = row.symbol + " ";
    item.appendChild(mark);
    item.appendChild(document.createTextNode(row.text));
    $("gk-legend").appendChild(item);
  });
  var shownTypes = {};
  page.types.forEach(function (t) {
    var label = document.createElement("label"), box = document.createElement("input");
    box.type = "checkbox"; box.value = t; box.className = "gk-type";
    box.checked = page.defaultTypes.indexOf(t) >= 0 || page.defaultTypes.every(function (d) { return page.types.indexOf(d) < 0; });
    shownTypes[t] = box.checked;
    box.addEventListener("change", function () { shownTypes[t] = box.checked; apply(); });
    label.appendChild(box);
    label.appendChild(document.createTextNode(" " + t));
    $("gk-filters").appendChild(label);
  });
  function fill(select, values) {
    values.forEach(function (v) { var o = document.createElement("option"); o.value = v; o.textContent = v; select.appendChild(o); });
    select.addEventListener("change", apply);
  }
  fill($("gk-province"), page.provinces);
  fill($("gk-level"), page.levels);
  var slider = $("gk-year");
  if (page.years) {
    slider.min = page.years[0]; slider.max = page.years[1]; slider.value = page.years[1];
    slider.addEventListener("input", apply);
  } else { $("gk-year-box").style.display = "none"; }
  $("gk-co").addEventListener("change", apply);
  var byId = {};
  nodes.forEach(function (n) { byId[n.id] = n; });
  edges.add(page.coAdoption.filter(function (e) { return edges.get(e.id) === null; }));
  var zoomed = false;
  function labelFor(n) { return (n.important || zoomed) ? n.shortLabel : " "; }
  function apply() {
    var province = $("gk-province").value, level = $("gk-level").value;
    var year = page.years ? parseInt(slider.value, 10) : null;
    $("gk-year-value").textContent = year === null ? "" : String(year);
    var visible = {}, places = province || level;
    nodes.forEach(function (n) {
      var ok = !!shownTypes[n.nodeType];
      if (ok && year !== null && n.year !== null && n.year > year) { ok = false; }
      if (ok && places && n.nodeType === "jurisdiction") {
        ok = (!province || n.province === province) && (!level || n.level === level);
      }
      visible[n.id] = ok;
    });
    if (places) {
      var linked = {};
      edges.forEach(function (e) {
        if (e.edgeType === "co_adoption") { return; }
        var a = byId[e.from], b = byId[e.to];
        if (a && b && a.nodeType === "jurisdiction" && visible[a.id]) { linked[b.id] = true; }
        if (a && b && b.nodeType === "jurisdiction" && visible[b.id]) { linked[a.id] = true; }
      });
      nodes.forEach(function (n) { if (n.nodeType !== "jurisdiction" && !linked[n.id]) { visible[n.id] = false; } });
    }
    var co = $("gk-co").checked, nodeChanges = [], edgeChanges = [], count = 0;
    nodes.forEach(function (n) {
      if (visible[n.id]) { count += 1; }
      if (!!n.hidden === !visible[n.id] && n.label === labelFor(n)) { return; }
      nodeChanges.push({ id: n.id, hidden: !visible[n.id], label: labelFor(n) });
    });
    edges.forEach(function (e) {
      var ok = visible[e.from] && visible[e.to] && (e.year === null || e.year === undefined || year === null || e.year <= year);
      if (e.edgeType === "co_adoption") { ok = ok && co; }
      if (!!e.hidden !== !ok) { edgeChanges.push({ id: e.id, hidden: !ok }); }
    });
    nodes.update(nodeChanges);
    edges.update(edgeChanges);
    $("gk-count").textContent = count + " of " + nodes.length + " nodes shown";
  }
  var info = $("gk-info");
  function svg(name, attrs) {
    var el = document.createElementNS("http://www.w3.org/2000/svg", name);
    Object.keys(attrs).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    return el;
  }
  function drawCurve(points) {
    var box = $("gk-curve");
    box.replaceChildren();
    if (!points || points.length === 0) { return; }
    var w = 340, h = 130, left = 30, bottom = 20, top = 18, right = 22;
    var y0 = points[0][0], y1 = points[points.length - 1][0], max = points[points.length - 1][1];
    var sx = function (y) { return left + (y1 === y0 ? (w - left - right) / 2 : (y - y0) * (w - left - right) / (y1 - y0)); };
    var sy = function (v) { return h - bottom - v * (h - bottom - top) / Math.max(max, 1); };
    var chart = svg("svg", { width: w, height: h, id: "gk-curve-svg" });
    chart.appendChild(svg("line", { x1: left, y1: h - bottom, x2: w - right, y2: h - bottom, stroke: "#888" }));
    chart.appendChild(svg("line", { x1: left, y1: top, x2: left, y2: h - bottom, stroke: "#888" }));
    chart.appendChild(svg("polyline", { points: points.map(function (p) { return sx(p[0]) + "," + sy(p[1]); }).join(" "),
                                        fill: "none", stroke: "#e15759", "stroke-width": 3 }));
    [[left - 4, sy(max), String(max), "end"], [sx(y0), h - 5, String(y0), "middle"],
     [sx(y1), h - 5, String(y1), "middle"], [left, 12, "cumulative adopters", "start"]].forEach(function (t) {
      var text = svg("text", { x: t[0], y: t[1], "font-size": 11, "text-anchor": t[3], fill: "#333" });
      text.textContent = t[2];
      chart.appendChild(text);
    });
    box.appendChild(chart);
  }
  function showInfo(id) {
    var node = nodes.get(id);
    if (!node) { info.style.display = "none"; return; }
    $("gk-info-text").textContent = node.title;
    drawCurve(page.curves[String(id)]);
    info.style.display = "block";
  }
  function showEdge(id) {
    var edge = edges.get(id);
    if (!edge) { return; }
    $("gk-info-text").textContent = edge.title;
    drawCurve(null);
    info.style.display = "block";
  }
  var byLabel = {};
  nodes.forEach(function (node) {
    byLabel[node.fullLabel] = node.id;
    var option = document.createElement("option");
    option.value = node.fullLabel;
    $("gk-labels").appendChild(option);
  });
  function find(text) {
    text = text.trim();
    if (!text) { return null; }
    if (byLabel.hasOwnProperty(text)) { return byLabel[text]; }
    var hit = nodes.get({ filter: function (n) { return n.fullLabel.indexOf(text) >= 0; } });
    return hit.length ? hit[0].id : null;
  }
  function select(id) {
    if (nodes.get(id).hidden) { nodes.update({ id: id, hidden: false }); }
    network.selectNodes([id]);
    network.focus(id, { scale: 1.2, animation: false });
    showInfo(id);
  }
  var search = $("gk-search");
  search.addEventListener("change", function () { var id = find(search.value); if (id !== null) { select(id); } });
  search.addEventListener("keydown", function (e) {
    if (e.key === "Enter") { var id = find(search.value); if (id !== null) { select(id); } }
  });
  network.on("selectNode", function (params) { showInfo(params.nodes[0]); });
  network.on("selectEdge", function (params) { if (params.nodes.length === 0) { showEdge(params.edges[0]); } });
  network.on("deselectNode", function () { info.style.display = "none"; });
  network.on("zoom", function () {
    var now = network.getScale() > 0.8;
    if (now !== zoomed) { zoomed = now; apply(); }
  });
  apply();
  window.govkg = { select: select, find: find, showInfo: showInfo, apply: apply, page: page };
})();
</script>
"""
