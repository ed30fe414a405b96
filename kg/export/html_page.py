"""The fixed parts of the network page: styles per node type, palettes, CSS and the page script
(legend, search box, details panel). No report text is ever formatted into these strings.
"""
from __future__ import annotations

__all__ = ["TYPE_STYLE", "EDGE_COLOURS", "PALETTE", "CSS", "BODY", "SCRIPT"]

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

CSS = """<style>
  body { margin: 0; font-family: system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; }
  #gk-bar { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; padding: 6px 10px;
            border-bottom: 1px solid #ddd; background: #fafafa; }
  #gk-bar h1 { font-size: 16px; margin: 0 12px 0 0; }
  #gk-search { width: 260px; padding: 3px 6px; }
  #gk-legend span.item { margin-right: 10px; white-space: nowrap; font-size: 13px; }
  #gk-note { color: #a33; font-size: 13px; }
  #gk-info { position: fixed; right: 10px; bottom: 10px; max-width: 380px; max-height: 45vh;
             overflow: auto; background: #fff; border: 1px solid #999; padding: 8px; font-size: 13px;
             white-space: pre-wrap; box-shadow: 2px 2px 8px rgba(0,0,0,.2); display: none; z-index: 10; }
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
<div id="gk-info" role="status"></div>
"""

# GK_PAGE (JSON, built in Python) holds the title, legend rows and the note; everything goes into the
# DOM through textContent / value, never innerHTML.
SCRIPT = """<script>
(function () {
  var page = GK_PAGE_JSON;
  document.title = page.title;
  document.getElementById("gk-title").textContent = page.title;
  document.getElementById("gk-note").textContent = page.note;
  var legend = document.getElementById("gk-legend");
  page.legend.forEach(function (row) {
    var item = document.createElement("span");
    item.className = "item";
    var mark = document.createElement("span");
    mark.style.color = row.colour;
    mark.textContent = row.symbol + " ";
    item.appendChild(mark);
    item.appendChild(document.createTextNode(row.text));
    legend.appendChild(item);
  });
  var info = document.getElementById("gk-info");
  function showInfo(id) {
    var node = nodes.get(id);
    if (!node) { info.style.display = "none"; return; }
    info.textContent = node.title;
    info.style.display = "block";
  }
  var labels = document.getElementById("gk-labels");
  var byLabel = {};
  nodes.forEach(function (node) {
    byLabel[node.fullLabel] = node.id;
    var option = document.createElement("option");
    option.value = node.fullLabel;
    labels.appendChild(option);
  });
  function find(text) {
    text = text.trim();
    if (!text) { return null; }
    if (byLabel.hasOwnProperty(text)) { return byLabel[text]; }
    var hit = nodes.get({ filter: function (n) { return n.fullLabel.indexOf(text) >= 0; } });
    return hit.length ? hit[0].id : null;
  }
  function select(id) {
    network.selectNodes([id]);
    network.focus(id, { scale: 1.2, animation: false });
    showInfo(id);
  }
  var search = document.getElementById("gk-search");
  search.addEventListener("change", function () { var id = find(search.value); if (id !== null) { select(id); } });
  search.addEventListener("keydown", function (e) {
    if (e.key === "Enter") { var id = find(search.value); if (id !== null) { select(id); } }
  });
  network.on("selectNode", function (params) { showInfo(params.nodes[0]); });
  network.on("deselectNode", function () { info.style.display = "none"; });
  window.govkg = { select: select, find: find, showInfo: showInfo };
})();
</script>
"""
