/* planverk table script: sortable columns for every table[data-sortable]; filters for the
 * status table, kept in the URL (?plan=…&status=…&ansvarlig=…&forfalt=ja&sorter=…&retning=…)
 * so a view can be shared. Without JavaScript the full table is still there. No dependencies. */
(function () {
  "use strict";

  function cellKey(row, index) {
    var cell = row.cells[index];
    return cell ? (cell.getAttribute("data-sort") || cell.textContent || "").trim() : "";
  }

  function compare(a, b) {
    var na = Number(a), nb = Number(b);
    if (a !== "" && b !== "" && !isNaN(na) && !isNaN(nb)) return na - nb;
    return a.localeCompare(b, "nb", { numeric: true, sensitivity: "base" });
  }

  function sortTable(table, index, direction) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var keyed = rows.map(function (row, i) { return [cellKey(row, index), i, row]; });
    keyed.sort(function (x, y) { return (compare(x[0], y[0]) || x[1] - y[1]) * (direction === "descending" ? -1 : 1); });
    var fragment = document.createDocumentFragment();
    keyed.forEach(function (k) { fragment.appendChild(k[2]); });
    body.appendChild(fragment);
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
      if (i === index) th.setAttribute("aria-sort", direction); else th.removeAttribute("aria-sort");
    });
  }

  function makeSortable(table, onSort) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "pv-sort";
      button.textContent = th.textContent;
      button.setAttribute("aria-label", "Sorter etter " + th.textContent);
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var direction = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
        sortTable(table, index, direction);
        if (onSort) onSort(th.getAttribute("data-col"), direction);
      });
    });
  }

  function select(name, label, options) {
    var wrap = document.createElement("label");
    wrap.textContent = label;
    var el = document.createElement("select");
    el.name = name;
    var all = document.createElement("option");
    all.value = "";
    all.textContent = "Alle";
    el.appendChild(all);
    options.forEach(function (o) {
      var opt = document.createElement("option");
      opt.value = o[0];
      opt.textContent = o[1];
      el.appendChild(opt);
    });
    wrap.appendChild(el);
    return wrap;
  }

  function setupStatusTable(table, box) {
    var params = new URLSearchParams(window.location.search);
    var state = {
      plan: params.get("plan") || "", status: params.get("status") || "", ansvarlig: params.get("ansvarlig") || "",
      forfalt: params.get("forfalt") || "", sorter: params.get("sorter") || "", retning: params.get("retning") || "ascending"
    };
    box.appendChild(select("plan", "Plan", JSON.parse(box.getAttribute("data-plans"))));
    box.appendChild(select("status", "Status", JSON.parse(box.getAttribute("data-statuses"))));
    box.appendChild(select("ansvarlig", "Ansvarlig", JSON.parse(box.getAttribute("data-orgs"))));
    var overdue = document.createElement("label");
    overdue.className = "pv-check";
    var check = document.createElement("input");
    check.type = "checkbox";
    check.name = "forfalt";
    overdue.appendChild(check);
    overdue.appendChild(document.createTextNode("Bare forfalte"));
    box.appendChild(overdue);
    var output = document.createElement("output");
    output.setAttribute("aria-live", "polite");
    box.appendChild(output);
    box.hidden = false;

    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var controls = { plan: box.querySelector("[name=plan]"), status: box.querySelector("[name=status]"),
                     ansvarlig: box.querySelector("[name=ansvarlig]") };

    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var orgs = (row.getAttribute("data-orgs") || "").split(" ");
        var ok = (!state.plan || row.getAttribute("data-plan") === state.plan) &&
                 (!state.status || row.getAttribute("data-status") === state.status) &&
                 (!state.ansvarlig || orgs.indexOf(state.ansvarlig) !== -1) &&
                 (state.forfalt !== "ja" || row.getAttribute("data-overdue") === "ja");
        row.hidden = !ok;
        if (ok) shown += 1;
      });
      output.textContent = "Viser " + shown + " av " + rows.length + " tiltak";
    }

    function save() {
      var q = new URLSearchParams();
      Object.keys(state).forEach(function (k) {
        if (state[k] && !(k === "retning" && (!state.sorter || state[k] === "ascending"))) q.set(k, state[k]);
      });
      var search = q.toString();
      window.history.replaceState(null, "", window.location.pathname + (search ? "?" + search : "") + window.location.hash);
    }

    Object.keys(controls).forEach(function (k) {
      var el = controls[k];
      if (state[k] && el.querySelector('option[value="' + CSS.escape(state[k]) + '"]')) el.value = state[k]; else state[k] = "";
      el.addEventListener("change", function () { state[k] = el.value; apply(); save(); });
    });
    check.checked = state.forfalt === "ja";
    check.addEventListener("change", function () { state.forfalt = check.checked ? "ja" : ""; apply(); save(); });

    makeSortable(table, function (col, direction) { state.sorter = col; state.retning = direction; save(); });
    if (state.sorter) {
      var index = Array.prototype.findIndex.call(table.tHead.rows[0].cells, function (th) { return th.getAttribute("data-col") === state.sorter; });
      if (index >= 0) sortTable(table, index, state.retning === "descending" ? "descending" : "ascending");
    }
    apply();
  }

  function init() {
    document.querySelectorAll("table[data-sortable]").forEach(function (table) {
      if (table.getAttribute("data-ready")) return;
      table.setAttribute("data-ready", "true");
      var box = document.getElementById("statusfilter");
      if (box && table.id === "statustabell") setupStatusTable(table, box); else makeSortable(table);
    });
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(init);  /* Material's instant navigation, when enabled */
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
