/* planverk table script, no dependencies.
 *
 * 1. Every table[data-sortable] gets sort buttons in its header (rows sorted in the DOM).
 * 2. The status table (#statusvisning) is drawn from the plans' data scripts
 *    (window.planverkStatus, see hooks/planverk/pages/status.py): filters with several values
 *    each, shortcuts for progress classes, sorting, and a page of rows at a time, so 10,000
 *    measures filter and sort in well under 0.1 s. The view lives in the URL
 *    (?plan=a,b&status=…&framdrift=…&ansvarlig=…&rolle=…&gruppe=…&forfalt=ja&sorter=…&retning=…),
 *    so a shared link opens the same view. Without JavaScript each plan's status page has its
 *    whole table as HTML. */
(function () {
  "use strict";

  var PAGE = 50;
  var FILTERS = ["plan", "gruppe", "status", "framdrift", "ansvarlig", "rolle", "forfalt"];
  var NUMERIC = { number: true, status: true, previous: true, overdue: true };
  var collator = new Intl.Collator("nb", { numeric: true, sensitivity: "base" });

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function compare(a, b) {
    var na = Number(a), nb = Number(b);
    if (a !== "" && b !== "" && !isNaN(na) && !isNaN(nb)) return na - nb;
    return collator.compare(a, b);
  }

  function number(n) { return n.toLocaleString("nb-NO"); }

  /* A string whose plain < order is Norwegian alphabetical order (case and accents ignored,
   * æ ø å after z, numbers by value, punctuation as space): comparing these is many times
   * faster than Intl.Collator, which made the first sort of 10,000 rows slow. The steps a
   * string does not need (accents, numbers) are skipped: 10,000 titles take ~20 % less. */
  var NORDIC = { "æ": "{", "ä": "{", "ø": "|", "ö": "|", "å": "}" };
  function pad(digits) { return digits.length >= 10 ? digits : ("0000000000" + digits).slice(-10); }
  function textKey(value) {
    var s = String(value).toLowerCase().replace(/[æäøöå]/g, function (c) { return NORDIC[c]; });
    if (/[^\x00-\x7f]/.test(s)) s = s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
    s = s.replace(/[^a-z0-9{|}]+/g, " ").trim();
    return /\d/.test(s) ? s.replace(/\d+/g, pad) : s;
  }

  /* --- 1. sortable tables in the DOM (plan, group and organisation pages) ------------- */

  function cellKey(row, index) {
    var cell = row.cells[index];
    return cell ? (cell.getAttribute("data-sort") || cell.textContent || "").trim() : "";
  }

  function sortDom(table, index, direction) {
    var body = table.tBodies[0];
    var keyed = Array.prototype.map.call(body.rows, function (row, i) { return [cellKey(row, index), i, row]; });
    keyed.sort(function (x, y) { return (compare(x[0], y[0]) || x[1] - y[1]) * (direction === "descending" ? -1 : 1); });
    var fragment = document.createDocumentFragment();
    keyed.forEach(function (k) { fragment.appendChild(k[2]); });
    body.appendChild(fragment);
  }

  function markSorted(table, col, direction) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      if (col && th.getAttribute("data-col") === col) th.setAttribute("aria-sort", direction); else th.removeAttribute("aria-sort");
    });
  }

  function addSortButtons(table, onSort) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      var label = th.textContent;
      var button = el("button", { type: "button", "class": "pv-sort", "aria-label": "Sorter etter " + label }, label);
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var direction = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
        onSort(th.getAttribute("data-col") || String(index), index, direction);
      });
    });
  }

  function makeSortable(table) {
    addSortButtons(table, function (col, index, direction) {
      sortDom(table, index, direction);
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
        if (i === index) th.setAttribute("aria-sort", direction); else th.removeAttribute("aria-sort");
      });
    });
  }

  /* --- 2. the status table --------------------------------------------------------------- */

  /* The rows of one plan's data script as objects; `index` (the default order across plans) is
   * set when the plan takes its place in the table (setupStatusView). */
  function planRows(plan, config, leading) {
    var statuses = config.statuses;
    return plan.rows.map(function (r) {
      var parties = r[4], actors = r[5], orgs = [];
      parties.forEach(function (p) { if (p[0]) orgs.push([p[0], p[2]]); });
      actors.forEach(function (id) { orgs.push([id, "aktor"]); });
      return {
        plan: plan, path: r[0].charAt(0) === "/" ? r[0].slice(1) : plan.base + r[0], number: r[1], title: r[2],
        group: plan.groups[r[3]], parties: parties, period: r[6], periodKey: r[7],
        leads: parties.filter(function (p) { return leading[p[2]]; }),
        partners: parties.filter(function (p) { return !leading[p[2]]; }),
        status: r[8] >= 0 ? statuses[r[8]] : null, previous: r[9] >= 0 ? statuses[r[9]] : null,
        reported: r[10], overdue: r[11] === 1, progress: r[12], percent: r[13], orgs: orgs, index: -1  /* r[13]: only when given */
      };
    });
  }

  /* Calls onPlan for every plan data script that has run and for each one that runs later. The
   * data scripts are deferred and push to window.planverkStatus; this script is not deferred, so
   * it runs first and sees each plan arrive, instead of waiting for all of them and for
   * DOMContentLoaded (at 10,000 measures that wait was most of the time to the first rows). */
  function listen(onPlan) {
    var feed = window.planverkStatus = window.planverkStatus || [];
    var push = Array.prototype.push;
    feed.slice().forEach(onPlan);
    feed.push = function () {
      var n = push.apply(feed, arguments);
      Array.prototype.forEach.call(arguments, onPlan);
      return n;
    };
  }

  function sortKey(row, col) {
    switch (col) {
      case "plan": return row.plan.title;
      case "number": return row.index;  /* the source's order: numbers are labels as written */
      case "title": return row.title;
      case "group": return row.group[3];
      case "responsible": {
        var p = row.parties[0];
        return p ? (p[0] ? row.plan.orgs[p[0]][0] : p[1]) : "";
      }
      case "period": return row.periodKey;
      case "status": return row.status ? row.status[2] : -1;
      case "previous": return row.previous ? row.previous[2] : -1;
      case "reported": return row.reported;
      case "overdue": return row.overdue ? 1 : 0;
    }
    return "";
  }

  function badge(status) {
    /* status: [filter key, label, sort key, look (colour and shape of its progress class), rank, scale] */
    var span = el("span", { "class": "pv-status pv-status--" + status[3], "data-rank": String(status[4]) });
    span.appendChild(el("span", { "class": "pv-status__icon", "aria-hidden": "true" }));
    span.appendChild(document.createTextNode(status[1]));
    return span;
  }

  /* Forward (> 0) or back (< 0): by the scale's order on one scale, else by progress class
   * (as planverk.progress.step). */
  function step(before, after) {
    if (before[5] === after[5]) return after[4] - before[4];
    return Math.floor(after[2] / 1000) - Math.floor(before[2] / 1000);
  }

  function percentText(value) { return String(value).replace(".", ",") + " %"; }

  function link(href, text) { return el("a", { href: href }, text); }

  function orgLink(root, plan, party) {
    if (!party[0]) return document.createTextNode(party[1]);
    var org = plan.orgs[party[0]];
    var a = el("a", { href: root + org[2] });
    if (org[0] !== org[1]) a.appendChild(el("abbr", { title: org[1] }, org[0])); else a.textContent = org[1];
    return a;
  }

  function fillCell(td, col, row, root) {
    var plan = row.plan;
    switch (col) {
      case "plan": td.appendChild(link(root + plan.path, plan.title)); break;
      case "number": td.textContent = row.number || "–"; break;
      case "title": td.appendChild(link(root + row.path, row.title)); break;
      case "group": td.appendChild(link(root + row.group[2], row.group[1])); break;
      case "responsible": {
        var leads = row.leads, partners = row.partners;
        if (!leads.length && !partners.length) td.textContent = "Ikke oppgitt";  /* the source names nobody */
        leads.forEach(function (p, i) { if (i) td.appendChild(document.createTextNode(", ")); td.appendChild(orgLink(root, plan, p)); });
        if (partners.length) {
          var span = el("span", { "class": "pv-partners" }, leads.length ? " i samarbeid med " : "Samarbeid: ");
          partners.forEach(function (p, i) { if (i) span.appendChild(document.createTextNode(", ")); span.appendChild(orgLink(root, plan, p)); });
          td.appendChild(span);
        }
        break;
      }
      case "period": td.textContent = row.period || "Ikke oppgitt"; break;
      case "status":
        if (row.status) {
          td.appendChild(badge(row.status));
          if (row.percent !== null && row.percent !== undefined) {
            td.appendChild(document.createTextNode(" "));
            td.appendChild(el("span", { "class": "pv-percent" }, percentText(row.percent)));
          }
          if (plan.drafts && plan.drafts.indexOf(row.reported) !== -1) td.appendChild(el("span", { "class": "pv-draft-tag" }, "Utkast"));
        } else {
          td.appendChild(el("span", { "class": "pv-status pv-status--ingen" },
                            Object.keys(plan.reports).length ? "Ikke rapportert" : "Ingen statusrapport"));
        }
        break;
      case "previous":
        if (!row.previous) { td.textContent = "–"; break; }
        td.appendChild(badge(row.previous));
        var moved = row.status ? step(row.previous, row.status) : 0;
        if (moved) {
          td.appendChild(document.createTextNode(" "));
          td.appendChild(el("span", { "class": "pv-change" }, moved > 0 ? "fram" : "tilbake"));
        }
        break;
      case "reported": td.textContent = row.reported ? (plan.reports[row.reported] || row.reported) : "–"; break;
      case "overdue":
        if (row.overdue) td.appendChild(el("span", { "class": "pv-overdue" }, "Forfalt")); else td.textContent = "Nei";
        break;
    }
  }

  /* The progress classes «Ikke gjennomført» stands for: every class but «gjennomført». */
  function notDoneClasses(config) {
    return config.classes.map(function (c) { return c[0]; }).filter(function (c) { return c !== "gjennomfort"; });
  }

  function readState(config) {
    var params = new URLSearchParams(window.location.search);
    var state = {};
    FILTERS.forEach(function (k) {
      var values = [];
      params.getAll(k).forEach(function (v) { v.split(",").forEach(function (x) { if (x) values.push(x); }); });
      state[k] = values;
    });
    if (state.framdrift.indexOf("ikke-gjennomfort") !== -1) state.framdrift = notDoneClasses(config);
    if (config.fixedPlan) state.plan = [];
    state.sorter = params.get("sorter") || "";
    state.retning = params.get("retning") === "descending" ? "descending" : "ascending";
    return state;
  }

  function setupStatusView(view) {
    var config = JSON.parse(view.getAttribute("data-config"));
    var table = view.querySelector("table");
    var box = view.querySelector(".pv-filters");
    var wrap = table.parentNode;
    var pager = view.querySelector(".pv-status-pager");
    var caption = table.caption;
    var columns = Array.prototype.map.call(table.tHead.rows[0].cells, function (th) { return [th.getAttribute("data-col"), th.textContent]; });
    var root = config.root;
    var state = readState(config);
    var limit = PAGE;
    var orders = {};
    var labels = {};
    ["plans", "groups", "statusOptions", "classes", "orgs", "roles"].forEach(function (k) {
      labels[k] = {};
      config[k].forEach(function (o) { labels[k][o[0]] = o[1]; });
    });
    var leading = {};  // role id -> true for the roles that lead (vocabulary.yml: leads: true)
    (config.leads || []).forEach(function (id) { leading[id] = true; });

    /* The rows: the plans that have arrived, in the table's default order, up to the first plan
     * still missing. Without a sort their first page is the view's first page whatever the other
     * plans bring (filters only drop rows), so it is drawn at once; a sort and the counts wait
     * for every plan. */
    var expected = config.fixedPlan ? [config.fixedPlan] : config.plans.map(function (p) { return p[0]; });
    var arrived = {}, arrivals = [], placed = {};
    var rows = [], next = 0, complete = false, started = false;
    var drawn = null;  /* the rows in the table now: a redraw that would draw the same leaves it alone */

    function place(id) {
      placed[id] = true;
      arrived[id].forEach(function (row) { row.index = rows.length; rows.push(row); });
    }

    function arrive(plan) {
      if (complete || arrived[plan.id] || (config.fixedPlan && plan.id !== config.fixedPlan)) return;
      arrived[plan.id] = planRows(plan, config, leading);
      arrivals.push(plan.id);
      while (next < expected.length && arrived[expected[next]]) place(expected[next++]);
      if (next === expected.length) finish(); else if (!started && !state.sorter && select().shown.length >= limit) draw(true);
    }

    /* Every plan is in, or DOMContentLoaded came: the deferred data scripts have all run by then,
     * so a plan still missing failed to load. */
    function finish() {
      if (complete) return;
      complete = true;
      arrivals.forEach(function (id) { if (!placed[id]) place(id); });  /* the plans after one that failed */
      if (!rows.length && table.tBodies[0].rows.length) { makeSortable(table); return; }  /* no data script: keep the HTML rows */
      draw(true);
      prepareOrders();
    }

    /* controls, made with the first rows */
    var groups = {};
    var notDone, overdue, output, more;

    function checkboxGroup(name, legend, options, open) {
      var details = el("details", { "class": "pv-multi" });
      var summary = el("summary");
      var fieldset = el("fieldset");
      fieldset.appendChild(el("legend", { "class": "pv-visually-hidden" }, legend));
      var list = el("div", { "class": "pv-multi__options" });
      options.forEach(function (o) {
        var label = el("label");
        var box = el("input", { type: "checkbox", name: name, value: o[0] });
        box.addEventListener("change", function () {
          state[name] = Array.prototype.filter.call(list.querySelectorAll("input"), function (i) { return i.checked; })
            .map(function (i) { return i.value; });
          changed();
        });
        label.appendChild(box);
        label.appendChild(document.createTextNode(" " + o[1]));
        list.appendChild(label);
      });
      fieldset.appendChild(list);
      if (open) {
        var div = el("div", { "class": "pv-multi pv-multi--open" });
        fieldset.firstChild.className = "";
        div.appendChild(fieldset);
        groups[name] = { list: list, summary: null, legend: legend };
        return div;
      }
      details.appendChild(summary);
      details.appendChild(fieldset);
      groups[name] = { list: list, summary: summary, legend: legend };
      return details;
    }

    function start() {
      started = true;
      var progressGroup = checkboxGroup("framdrift", "Framdrift", config.classes, true);
      notDone = el("button", { type: "button", "class": "pv-button", "aria-pressed": "false" }, "Ikke gjennomført");
      notDone.title = "Alt som ikke er gjennomført";
      notDone.addEventListener("click", function () {
        state.framdrift = notDoneActive() ? [] : notDoneClasses(config);
        changed();
      });
      progressGroup.querySelector("fieldset").appendChild(notDone);
      box.appendChild(progressGroup);
      box.appendChild(checkboxGroup("status", "Status", config.statusOptions));
      if (!config.fixedPlan && config.plans.length > 1) box.appendChild(checkboxGroup("plan", "Plan", config.plans));
      if (config.groups.length > 1) box.appendChild(checkboxGroup("gruppe", "Gruppe", config.groups));
      box.appendChild(checkboxGroup("ansvarlig", "Ansvarlig", config.orgs));
      var overdueLabel = el("label", { "class": "pv-check" });
      overdue = el("input", { type: "checkbox", name: "forfalt" });
      overdue.addEventListener("change", function () { state.forfalt = overdue.checked ? ["ja"] : []; changed(); });
      overdueLabel.appendChild(overdue);
      overdueLabel.appendChild(document.createTextNode("Bare forfalte"));
      box.appendChild(overdueLabel);
      var actions = el("div", { "class": "pv-actions" });
      var reset = el("button", { type: "button", "class": "pv-button" }, "Nullstill filtre");
      reset.addEventListener("click", function () {
        FILTERS.forEach(function (k) { state[k] = []; });
        state.sorter = ""; state.retning = "ascending";
        changed();
      });
      var copy = el("button", { type: "button", "class": "pv-button" }, "Kopier lenke til denne visningen");
      var copied = el("span", { "class": "pv-copied", role: "status" });
      copy.addEventListener("click", function () { copyLink(copied); });
      actions.appendChild(reset);
      actions.appendChild(copy);
      actions.appendChild(copied);
      box.appendChild(actions);
      output = el("output", { "class": "pv-count", "aria-live": "polite" });
      box.appendChild(output);
      more = el("button", { type: "button", "class": "pv-button" }, "");
      more.addEventListener("click", function () { limit += PAGE * 2; draw(false); });
      pager.appendChild(more);
      addSortButtons(table, function (col, index, direction) { state.sorter = col; state.retning = direction; draw(false); save(); });
      box.hidden = false;
      wrap.hidden = false;
    }

    function notDoneActive() {
      var all = notDoneClasses(config);
      return state.framdrift.length === all.length && all.every(function (c) { return state.framdrift.indexOf(c) !== -1; });
    }

    function syncControls() {
      Object.keys(groups).forEach(function (name) {
        var g = groups[name], chosen = state[name];
        Array.prototype.forEach.call(g.list.querySelectorAll("input"), function (i) { i.checked = chosen.indexOf(i.value) !== -1; });
        if (g.summary) g.summary.textContent = g.legend + ": " + (chosen.length ? chosen.length + " valgt" : "alle");
      });
      overdue.checked = state.forfalt.indexOf("ja") !== -1;
      notDone.setAttribute("aria-pressed", notDoneActive() ? "true" : "false");
    }

    /* filtering and sorting */
    function matches(row) {
      if (state.plan.length && state.plan.indexOf(row.plan.id) === -1) return false;
      if (state.gruppe.length && state.gruppe.indexOf(row.group[0]) === -1) return false;
      if (state.status.length && state.status.indexOf(row.status ? row.status[0] : "ingen-rapport") === -1) return false;
      if (state.framdrift.length && state.framdrift.indexOf(row.progress) === -1) return false;
      if (state.forfalt.length && !row.overdue) return false;
      if (state.ansvarlig.length) {
        /* Without a role: the bodies responsible or partners (as the column shows); rolle=alle adds actors. */
        var anyRole = state.rolle.indexOf("alle") !== -1;
        var found = row.orgs.some(function (o) {
          if (state.ansvarlig.indexOf(o[0]) === -1) return false;
          if (anyRole) return true;
          return state.rolle.length ? state.rolle.indexOf(o[1]) !== -1 : o[1] !== "aktor";
        });
        if (!found) return false;
      }
      return true;
    }

    /* The rows' ascending order by a column (once every plan is in), made once. A text key is
     * made once per distinct text: the columns but the titles repeat a few hundred values (for
     * the titles, each its own, the lookup only costs). */
    function ascending(col) {
      if (!orders[col]) {
        var numeric = NUMERIC[col], seen = col === "title" ? null : new Map();
        var keys = rows.map(function (row) {
          var k = sortKey(row, col);
          if (numeric) return k;
          if (!seen) return textKey(k);
          var key = seen.get(k);
          if (key === undefined) { key = textKey(k); seen.set(k, key); }
          return key;
        });
        var idx = rows.map(function (row, i) { return i; });
        idx.sort(numeric ? function (a, b) { return keys[a] - keys[b] || a - b; }
                         : function (a, b) { return keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : a - b; });
        orders[col] = idx;
      }
      return orders[col];
    }

    function order() {
      if (!state.sorter) return null;
      var asc = ascending(state.sorter);
      return state.retning === "descending" ? asc.slice().reverse() : asc;
    }

    /* Once every plan is in, the titles' order is made in a long idle period (at the latest
     * 0.5 s on), so a first click on «Tiltak» only draws: ~15-40 ms at 10,000 rows, the one
     * order that is slow to make (the other text columns repeat their texts: a few ms). A
     * click before that makes it then. Only in a long idle period, and only the one: work run
     * in the short idle time after a frame holds up what the reader does next. */
    function prepareOrders() {
      if (orders.title || !columns.some(function (c) { return c[0] === "title"; })) return;
      var idle = window.requestIdleCallback || function (f) { return window.setTimeout(f, 50); };
      var until = Date.now() + 500;  /* one timeout for all the tries, not a new one for each */
      function one(deadline) {
        if (orders.title) return;
        var left = until - Date.now();
        if (deadline && !deadline.didTimeout && deadline.timeRemaining() < 40 && left > 0) { idle(one, { timeout: left }); return; }
        ascending("title");
      }
      idle(one, { timeout: 500 });
    }

    function describe() {
      var parts = [];
      function names(kind, values) { return values.map(function (v) { return labels[kind][v] || v; }).join(", "); }
      if (state.plan.length) parts.push("plan: " + names("plans", state.plan));
      if (state.gruppe.length) parts.push("gruppe: " + names("groups", state.gruppe));
      if (state.framdrift.length) parts.push("framdrift: " + (notDoneActive() ? "ikke gjennomført" : names("classes", state.framdrift)));
      if (state.status.length) parts.push("status: " + names("statusOptions", state.status));
      if (state.ansvarlig.length) {
        parts.push("ansvarlig: " + names("orgs", state.ansvarlig) +
          (state.rolle.length ? " (rolle: " + state.rolle.map(function (r) { return r === "alle" ? "alle roller" : labels.roles[r] || r; }).join(", ") + ")" : ""));
      }
      if (state.forfalt.length) parts.push("bare forfalte");
      return parts.length ? "Tiltak der " + parts.join("; ") : config.caption;
    }

    /* The view's first `limit` rows and how many rows match; before every plan is in, without
     * a sort (arrive() and draw() never ask for one then). */
    function select() {
      var ordered = complete ? order() : null;
      var shown = [], count = 0, i, row;
      var n = rows.length;
      for (i = 0; i < n; i++) {
        row = ordered ? rows[ordered[i]] : rows[i];
        if (!matches(row)) continue;
        count++;
        if (shown.length < limit) shown.push(row);
      }
      return { shown: shown, count: count };
    }

    function same(a, b) {
      if (!a || a.length !== b.length) return false;
      for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
      return true;
    }

    /* filtersChanged: the filter controls show the state (not needed after a sort or «Vis flere»). */
    function draw(filtersChanged) {
      if (!complete && state.sorter) return;  /* a sort needs every plan: finish() draws */
      if (!started) start();
      var view = select();
      var shown = view.shown, count = view.count;
      if (!same(drawn, shown)) {
        var body = document.createElement("tbody");
        shown.forEach(function (r) {
          var tr = el("tr", { "data-plan": r.plan.id, "data-status": r.status ? r.status[0] : "ingen-rapport",
                              "data-progress": r.progress, "data-overdue": r.overdue ? "ja" : "nei" });
          columns.forEach(function (c) {
            var td = el("td", { "data-label": c[1], "data-sort": String(sortKey(r, c[0])) });
            fillCell(td, c[0], r, root);
            tr.appendChild(td);
          });
          body.appendChild(tr);
        });
        table.replaceChild(body, table.tBodies[0]);
        drawn = shown;
      }
      caption.textContent = describe();
      if (complete) {  /* until then the count is not known: the output stays empty and says nothing */
        output.textContent = "Viser " + number(count) + " av " + number(rows.length) + " tiltak" +
          (shown.length < count ? " (de første " + number(shown.length) + " står i tabellen)" : "");
        pager.hidden = shown.length >= count;
        more.textContent = "Vis " + number(Math.min(PAGE * 2, count - shown.length)) + " flere tiltak";
      }
      markSorted(table, state.sorter, state.retning);
      if (filtersChanged) syncControls();
    }

    function save() {
      var q = [];
      FILTERS.forEach(function (k) {
        if (state[k].length) q.push(k + "=" + state[k].map(encodeURIComponent).join(","));
      });
      if (state.sorter) {
        q.push("sorter=" + encodeURIComponent(state.sorter));
        if (state.retning === "descending") q.push("retning=descending");
      }
      window.history.replaceState(null, "", window.location.pathname + (q.length ? "?" + q.join("&") : "") + window.location.hash);
    }

    function changed() { limit = PAGE; draw(true); save(); }

    function copyLink(status) {
      var url = window.location.href;
      function done() { status.textContent = "Lenken er kopiert."; }
      function fallback() {
        var input = el("input", { type: "text", value: url, "aria-hidden": "true", tabindex: "-1", "class": "pv-visually-hidden" });
        document.body.appendChild(input);
        input.select();
        var ok = false;
        try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
        document.body.removeChild(input);
        status.textContent = ok ? "Lenken er kopiert." : "Kopier lenken fra adressefeltet: " + url;
      }
      if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(url).then(done, fallback); else fallback();
    }

    listen(arrive);
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", finish); else finish();
  }

  function initStatusViews() {
    document.querySelectorAll(".pv-status-view").forEach(function (view) {
      if (view.getAttribute("data-ready")) return;
      view.setAttribute("data-ready", "true");
      setupStatusView(view);
    });
  }

  function init() {
    initStatusViews();
    document.querySelectorAll("table[data-sortable]").forEach(function (table) {
      if (table.getAttribute("data-ready") || table.closest(".pv-status-view")) return;
      table.setAttribute("data-ready", "true");
      makeSortable(table);
    });
  }

  /* The status view is above this script (the end of the body), its data scripts run after it:
   * set it up now, to see the first plan's rows arrive. */
  initStatusViews();
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(init);  /* Material's instant navigation, when enabled */
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
