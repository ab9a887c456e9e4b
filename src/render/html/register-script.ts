/**
 * The register's only script, inline (no file to fetch, nothing external).
 * It enhances what already works without it: it announces how many
 * documents match the filters, keeps the selection in the address so that
 * a filtered register can be linked to, and adds sort buttons to the
 * column headers. Plain ES2017, no dependencies.
 */
export const REGISTER_SCRIPT = String.raw`
(function () {
  "use strict";
  document.documentElement.classList.add("js");
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };
  var selects = Array.prototype.slice.call(document.querySelectorAll("select[data-filter]"));
  var tables = Array.prototype.slice.call(document.querySelectorAll("table.register"));
  var live = document.getElementById("register-antal");
  var total = 0;
  each(tables, function (t) { total += t.tBodies[0].rows.length; });

  function matches(row) {
    return selects.every(function (s) {
      if (!s.value) return true;
      var have = (row.getAttribute("data-" + s.getAttribute("data-filter")) || "").split(" ");
      return have.indexOf(s.value) !== -1;
    });
  }

  function remember() {
    var parts = selects.filter(function (s) { return s.value; }).map(function (s) {
      return s.getAttribute("data-filter") + "=" + encodeURIComponent(s.value);
    });
    try { history.replaceState(null, "", parts.length ? "#" + parts.join("&") : location.pathname); } catch (e) { /* file: URLs in some browsers */ }
  }

  function apply() {
    var shown = 0;
    each(tables, function (t) {
      var n = 0;
      each(t.tBodies[0].rows, function (r) { var ok = matches(r); r.hidden = !ok; if (ok) n++; });
      shown += n;
      var empty = t.parentNode.querySelector(".tomt");
      if (empty) empty.hidden = n !== 0;
    });
    if (live) live.textContent = shown === total ? "Visar alla " + total + " dokument." : "Visar " + shown + " av " + total + " dokument.";
  }

  function readAddress() {
    var hash = location.hash.replace(/^#/, "");
    if (!hash) return;
    hash.split("&").forEach(function (pair) {
      var i = pair.indexOf("=");
      if (i < 1) return;
      var key = pair.slice(0, i);
      var value;
      try { value = decodeURIComponent(pair.slice(i + 1)); } catch (e) { return; }
      selects.forEach(function (s) {
        if (s.getAttribute("data-filter") !== key) return;
        each(s.options, function (o) { if (o.value === value) s.value = value; });
      });
    });
  }

  if (selects.length) {
    var fieldset = selects[0].closest("fieldset");
    var reset = document.createElement("button");
    reset.type = "button";
    reset.className = "knapp";
    reset.textContent = "Visa alla dokument";
    reset.addEventListener("click", function () {
      selects.forEach(function (s) { s.value = ""; });
      apply();
      remember();
    });
    if (fieldset) fieldset.appendChild(reset);
    selects.forEach(function (s) { s.addEventListener("change", function () { apply(); remember(); }); });
    readAddress();
    apply();
  }

  function sortKey(row, col) {
    var cell = row.cells[col];
    if (!cell) return "";
    return cell.getAttribute("data-sort") || cell.textContent.trim();
  }

  each(tables, function (table) {
    var heads = table.tHead.rows[0].cells;
    each(heads, function (th, col) {
      if (!th.hasAttribute("data-sortera")) return;
      var label = th.textContent.trim();
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sortera";
      button.textContent = label;
      var sign = document.createElement("span");
      sign.className = "sortera-tecken";
      sign.setAttribute("aria-hidden", "true");
      button.appendChild(sign);
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        each(heads, function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var c = sortKey(a, col).localeCompare(sortKey(b, col), "sv", { numeric: true });
          if (!ascending) c = -c;
          return c || a.getAttribute("data-ordning").localeCompare(b.getAttribute("data-ordning"));
        });
        rows.forEach(function (r) { body.appendChild(r); });
        if (live) live.textContent = "Sorterat efter " + label.toLowerCase() + ", " + (ascending ? "stigande" : "fallande") + ".";
      });
    });
  });
})();
`;
