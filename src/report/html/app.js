// hedge classroom report: sorting, side-by-side view, explanations kept inside the window.
// The page reads and prints without this script; it adds to it. Article text is only ever
// set with textContent or by cloning nodes the server escaped, never with innerHTML.
(function () {
  "use strict";
  var doc = document;
  var root = doc.documentElement;
  root.classList.add("js");
  var data = JSON.parse(doc.getElementById("hedge-data").textContent);
  var each = function (list, f) { Array.prototype.forEach.call(list, f); };

  // 1. The summary table sorts by any column (each header button names a key of the rows).
  var table = doc.querySelector("table.summary");
  if (table) {
    var body = table.tBodies[0];
    var buttons = table.tHead.querySelectorAll("button[data-key]");
    var rank = function (r) { return Number(r.getAttribute("data-k-rank")); };
    // `≈` on a row whose 95 % interval overlaps the row above it, in the order shown.
    var marks = function () {
      var rows = body.rows;
      for (var i = 0; i < rows.length; i++) {
        var m = rows[i].querySelector(".overlap");
        if (!m) continue;
        var on = false;
        if (i > 0) {
          var lo = rows[i].getAttribute("data-lo"), hi = rows[i].getAttribute("data-hi");
          var plo = rows[i - 1].getAttribute("data-lo"), phi = rows[i - 1].getAttribute("data-hi");
          on = lo !== "" && plo !== "" && Number(lo) <= Number(phi) && Number(plo) <= Number(hi);
        }
        m.hidden = !on;
      }
    };
    each(buttons, function (btn) {
      btn.addEventListener("click", function () {
        var key = "data-k-" + btn.getAttribute("data-key");
        var numeric = btn.getAttribute("data-type") === "num";
        var now = btn.getAttribute("data-dir");
        // First click: names A→Z, rank 1→n, figures largest first; a second click reverses.
        var dir = now === "asc" ? -1 : now === "desc" ? 1 : (numeric && key !== "data-k-rank" ? -1 : 1);
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.getAttribute(key), y = b.getAttribute(key);
          if (x === "" || y === "") return (x === "") - (y === "") || rank(a) - rank(b);
          var c = numeric ? Number(x) - Number(y) : x.localeCompare(y, root.lang);
          return c * dir || rank(a) - rank(b);
        });
        rows.forEach(function (r) { body.appendChild(r); });
        marks();
        each(buttons, function (b) { b.removeAttribute("data-dir"); });
        each(table.tHead.rows[0].cells, function (th) { th.removeAttribute("aria-sort"); });
        btn.setAttribute("data-dir", dir === 1 ? "asc" : "desc");
        btn.closest("th").setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
      });
    });
    var first = table.tHead.querySelector("button[data-key=rank]");
    if (first) first.setAttribute("data-dir", "asc");
  }

  // 2. Two articles side by side, chosen from the page.
  var side = doc.getElementById("side");
  var picks = [doc.getElementById("pick-0"), doc.getElementById("pick-1")];
  function show(k) {
    var a = data.articles[Number(picks[k].value)];
    var pane = doc.getElementById("pane-" + k);
    var src = doc.getElementById(a.id);
    while (pane.firstChild) pane.removeChild(pane.firstChild);
    var h = doc.createElement("h3");
    h.textContent = a.label;
    pane.appendChild(h);
    each(src.querySelectorAll(".figures, .figures-out, .article-bar, table.sentences"), function (n) {
      var c = n.cloneNode(true);
      each(c.querySelectorAll("[id]"), function (e) { e.removeAttribute("id"); });
      pane.appendChild(c);
    });
    fitLabels(pane);
  }
  if (side && picks[0] && picks[1] && data.articles.length >= 2) {
    picks.forEach(function (sel, k) {
      data.articles.forEach(function (a, i) {
        var o = doc.createElement("option");
        o.value = String(i);
        o.textContent = a.label;
        sel.appendChild(o);
      });
      // Most and least assertive by default.
      sel.value = String(k === 0 ? 0 : data.articles.length - 1);
      sel.addEventListener("change", function () { show(k); });
      show(k);
    });
    side.hidden = false;
  }

  // 3. Bar labels that do not fit their segment are shortened ("17" for "◆ 17 %") or hidden.
  function fitLabels(scope) {
    each(scope.querySelectorAll("svg.stack text[data-short]"), function (t) {
      var seg = t.previousElementSibling;
      if (!seg || !seg.getBBox) return;
      var room = seg.getBBox().width - 6;
      if (room <= 0) return;
      if (!t.hasAttribute("data-full")) t.setAttribute("data-full", t.textContent);
      t.textContent = t.getAttribute("data-full");
      t.classList.remove("narrow");
      if (t.getComputedTextLength() > room) t.textContent = t.getAttribute("data-short");
      if (t.getComputedTextLength() > room) t.classList.add("narrow");
    });
  }
  fitLabels(doc);
  window.addEventListener("resize", function () { fitLabels(doc); });

  // 4. An explanation (of a marker, or of why a sentence is left out) that would leave the
  // window is moved back inside it.
  function place(e) {
    var m = e.target && e.target.closest ? e.target.closest("mark.m, .out-tag") : null;
    if (!m) return;
    var tip = m.querySelector(".tip");
    if (!tip) return;
    tip.style.left = "";
    tip.classList.remove("up");
    var r = tip.getBoundingClientRect();
    if (r.width === 0) return;
    var shift = 0;
    if (r.right > window.innerWidth - 12) shift = window.innerWidth - 12 - r.right;
    if (r.left + shift < 12) shift = 12 - r.left;
    if (shift) tip.style.left = shift + "px";
    if (r.bottom > window.innerHeight - 8 && r.height < m.getBoundingClientRect().top - 8) tip.classList.add("up");
  }
  doc.addEventListener("mouseover", place);
  doc.addEventListener("focusin", place);
  doc.addEventListener("keydown", function (e) {
    var a = doc.activeElement;
    if (e.key === "Escape" && a && a.classList && (a.classList.contains("m") || a.classList.contains("out-tag"))) a.blur();
  });

  root.setAttribute("data-hedge-ready", "1");
})();
