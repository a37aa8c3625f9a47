/* planverk search worker: Material for MkDocs' search protocol over planverk's prebuilt index.
 *
 * Material's bundle starts this worker (the URL is in overrides/base.html's __config) and
 * talks to it with four messages: SETUP (0, its own index, which planverk leaves empty),
 * READY (1), QUERY (2, the text in the search box) and RESULT (3, {items: [[doc]]}, each doc
 * {location, title, text, score, terms}, title and text as HTML). Material's UI (result list,
 * highlighting, keyboard navigation) stays as it is.
 *
 * The index (hooks/planverk/search/index.py) is a set of scripts loaded with importScripts,
 * which works in a real worker and, from file://, in the iframe-worker shim (where it is
 * asynchronous: every load is awaited). Only the shards that hold a query's terms are
 * loaded, then the titles and texts of the results that are shown.
 *
 * Rules: every word of the query must match (stemmed, so inflections match); the last word,
 * while it is being typed, also matches as the beginning of a word; stop words are left out
 * of a query that has other words; a "quoted phrase" matches as a phrase; the words of a
 * status label ("ikke igangsatt") find measures with that status. Ranking: title above
 * keywords (numbers, abbreviations, former names, status) above headings above text; rare
 * words above common ones; the words in query order next to each other, and a page whose
 * title is the query, rank higher; pages for editors (corrections, sources) rank low.
 */
var planverkSearch = (function () {
  "use strict"

  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3
  var MAX_RESULTS = 30, SNIPPETS = 10, MAX_EXPANSIONS = 30, SNIPPET_WORDS = 28
  var FIELD_WEIGHT = [[1, 10], [2, 6], [4, 4], [8, 1]]  // title, keyword, heading, text
  var KIND_FACTOR = { e: 1, t: 0.9, l: 0.6, x: 0.15 }

  var here = (typeof document !== "undefined" && document.querySelector("script[src]"))
    ? document.querySelector("script[src]").src
    : self.location.href
  var indexBase = new URL("../../search/planverk/", here).href

  var manifest = null
  var shards = new Map()      // shard key -> {term: flat postings}
  var decoded = new Map()     // term -> [{doc, mask, positions}]
  var meta = new Map()        // chunk number -> [[url, title]]
  var texts = new Map()       // chunk number -> [[keywords and headings, text]]
  var loading = new Map()     // script URL -> promise of its loading
  var latest = 0

  /* --- loading ------------------------------------------------------------------------ */

  /* Load scripts once; a script still loading is waited for (under the iframe-worker shim
   * importScripts is asynchronous, and a second query may need what the first is loading). */
  function load(urls) {
    var waits = [], todo = []
    urls.forEach(function (u) {
      if (loading.has(u)) waits.push(loading.get(u))
      else todo.push(u)
    })
    if (todo.length) {
      var started
      try {
        started = Promise.resolve(importScripts.apply(self, todo))
      } catch (err) {
        started = Promise.reject(err)
      }
      started = started.catch(function (err) {
        todo.forEach(function (u) { loading.delete(u) })
        throw err
      })
      todo.forEach(function (u) { loading.set(u, started) })
      waits.push(started)
    }
    return Promise.all(waits)
  }

  function fileKey(key) {
    var out = ""
    for (var i = 0; i < key.length; i++) {
      var c = key[i]
      out += (c >= "a" && c <= "z") || (c >= "0" && c <= "9")
        ? c : "-" + ("000" + c.charCodeAt(0).toString(16)).slice(-4)
    }
    return out
  }

  function shardUrl(key) { return indexBase + "t/" + fileKey(key) + ".js" }

  /* The shard that holds a term: the longest shard key the term starts with. */
  function shardFor(term) {
    var best = null
    for (var i = 0; i < manifest.shards.length; i++) {
      var key = manifest.shards[i]
      if (term.lastIndexOf(key, 0) === 0 && (best === null || key.length > best.length)) best = key
    }
    return best
  }

  /* Every shard that may hold a term starting with prefix. */
  function shardsForPrefix(prefix) {
    return manifest.shards.filter(function (key) {
      return key.lastIndexOf(prefix, 0) === 0 || prefix.lastIndexOf(key, 0) === 0
    })
  }

  function postings(term) {
    var cached = decoded.get(term)
    if (cached) return cached
    var key = shardFor(term)
    var flat = key !== null && shards.has(key) ? shards.get(key)[term] : undefined
    var list = []
    if (flat) {
      var doc = 0
      for (var i = 0; i < flat.length;) {
        doc += flat[i]
        var mask = flat[i + 1], count = flat[i + 2], positions = [], p = 0
        for (var j = 0; j < count; j++) { p += flat[i + 3 + j]; positions.push(p) }
        list.push({ doc: doc, mask: mask, positions: positions })
        i += 3 + count
      }
    }
    decoded.set(term, list)
    return list
  }

  /* --- the query ---------------------------------------------------------------------- */

  /* A query as clauses; every clause must match. A clause: {word, index, terms: [[term,
   * factor]], phrase?: [terms], status?: term}. */
  function parse(raw) {
    var text = raw.normalize("NFC")
    var phrases = []
    var rest = text.replace(/"([^"]*)"?/g, function (_, phrase) { phrases.push(phrase); return " " })
    var typing = !/["\s]$/.test(text)
    var words = planverkText.words(rest)
    var stems = words.map(planverkText.stem)
    var clauses = []
    for (var i = 0; i < words.length;) {
      var status = null
      manifest.statuses.forEach(function (s) {
        var label = s[0]
        if ((status === null || label.length > status[0].length) && label.length &&
            label.every(function (w, k) { return stems[i + k] === w })) status = s
      })
      if (status) {
        clauses.push({ word: words.slice(i, i + status[0].length).join(" "), index: i, status: status[1], terms: [[status[1], 1]] })
        i += status[0].length
      } else {
        clauses.push({ word: words[i], index: i, terms: [[stems[i], 1]], stop: manifest.stopwords.indexOf(words[i]) >= 0,
                       prefix: typing && i === words.length - 1 && words[i].length >= 3 && !/^\d+$/.test(words[i]) ? words[i] : null })
        i += 1
      }
    }
    if (clauses.some(function (c) { return !c.stop }) || phrases.length)
      clauses = clauses.filter(function (c) { return !c.stop })
    phrases.forEach(function (phrase) {
      var pw = planverkText.words(phrase)
      if (!pw.length) return
      var terms = pw.map(planverkText.stem)
      terms.forEach(function (t, k) {
        clauses.push({ word: pw[k], index: -1, terms: [[t, 1]], phrase: k === 0 ? terms : null })
      })
    })
    return clauses
  }

  function shardsNeeded(clauses) {
    var keys = new Set()
    clauses.forEach(function (c) {
      c.terms.forEach(function (t) { var k = shardFor(t[0]); if (k !== null) keys.add(k) })
      if (c.prefix) shardsForPrefix(c.prefix).forEach(function (k) { keys.add(k) })
    })
    return Array.from(keys).filter(function (k) { return !shards.has(k) })
  }

  /* Add the terms that start with the word being typed (after the shards are loaded). */
  function expand(clauses) {
    clauses.forEach(function (c) {
      if (!c.prefix) return
      var found = []
      shardsForPrefix(c.prefix).forEach(function (k) {
        var shard = shards.get(k)
        if (!shard) return
        Object.keys(shard).forEach(function (term) {
          if (term.lastIndexOf(c.prefix, 0) === 0 && term !== c.terms[0][0]) found.push(term)
        })
      })
      found.sort(function (a, b) { return a.length - b.length || (a < b ? -1 : 1) })
      found.slice(0, MAX_EXPANSIONS).forEach(function (t) { c.terms.push([t, 0.5]) })
    })
  }

  function fieldWeight(mask) {
    for (var i = 0; i < FIELD_WEIGHT.length; i++) if (mask & FIELD_WEIGHT[i][0]) return FIELD_WEIGHT[i][1]
    return 1
  }

  /* doc -> {score, mask, positions} for one clause (the best of its terms per document). */
  function clauseHits(clause) {
    var hits = new Map()
    clause.terms.forEach(function (pair) {
      var list = postings(pair[0])
      if (!list.length) return
      var idf = Math.log(1 + manifest.count / list.length)
      list.forEach(function (p) {
        var score = fieldWeight(p.mask) * idf * pair[1] * (1 + 0.15 * Math.log(1 + p.positions.length))
        var hit = hits.get(p.doc)
        if (!hit) hits.set(p.doc, { score: score, mask: p.mask, positions: p.positions })
        else {
          if (score > hit.score) hit.score = score
          hit.mask |= p.mask
          hit.positions = hit.positions.concat(p.positions)
        }
      })
    })
    return hits
  }

  function hasPhrase(hitsByClause, start, length, doc) {
    var first = hitsByClause[start].get(doc).positions
    return first.some(function (p) {
      for (var k = 1; k < length; k++)
        if (hitsByClause[start + k].get(doc).positions.indexOf(p + k) < 0) return false
      return true
    })
  }

  function rank(clauses) {
    var hits = clauses.map(clauseHits)
    var order = hits.map(function (_, i) { return i }).sort(function (a, b) { return hits[a].size - hits[b].size })
    var results = []
    hits[order[0]].forEach(function (_, doc) {
      for (var i = 1; i < order.length; i++) if (!hits[order[i]].has(doc)) return
      for (var c = 0; c < clauses.length; c++)
        if (clauses[c].phrase && !hasPhrase(hits, c, clauses[c].phrase.length, doc)) return
      var score = 0, inTitle = 0, words = 0, adjacent = 0, pairs = 0
      for (c = 0; c < clauses.length; c++) {
        var hit = hits[c].get(doc)
        score += hit.score
        if (hit.mask & 1) inTitle++
        words += clauses[c].status ? clauses[c].word.split(" ").length : 1
        if (c > 0 && clauses[c].index > clauses[c - 1].index && clauses[c - 1].index >= 0 && !clauses[c].status && !clauses[c - 1].status) {
          pairs++
          var gap = clauses[c].index - clauses[c - 1].index
          var before = hits[c - 1].get(doc).positions
          if (hit.positions.some(function (p) { return before.indexOf(p - gap) >= 0 })) adjacent++
        }
      }
      var titleLength = manifest.titleLengths[doc]
      if (inTitle === clauses.length) {
        score *= 2 * (1 + 2 * Math.min(words, titleLength) / Math.max(titleLength, 1))
        if (words >= titleLength) score *= 2
      }
      if (pairs) score *= 1 + adjacent / pairs
      score *= KIND_FACTOR[manifest.kinds[doc]] || 1
      results.push({ doc: doc, score: score })
    })
    results.sort(function (a, b) { return b.score - a.score || a.doc - b.doc })
    return results
  }

  /* --- what the reader sees ----------------------------------------------------------- */

  function escapeHTML(text) {
    return text.replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]
    })
  }

  function matcher(clauses) {
    var exact = new Set(), prefixes = []
    clauses.forEach(function (c) {
      if (c.status) planverkText.words(c.word).forEach(function (w) { exact.add(planverkText.stem(w)) })
      else exact.add(c.terms[0][0])
      if (c.prefix) prefixes.push(c.prefix)
    })
    return function (word) {
      return exact.has(planverkText.stem(word)) || prefixes.some(function (p) { return word.lastIndexOf(p, 0) === 0 })
    }
  }

  /* Text as HTML with the matching words marked; a window around the first match when
   * window is true (a snippet), else all of it. */
  function highlight(text, matches, window) {
    var spans = planverkText.spans(text)
    var first = -1
    for (var i = 0; i < spans.length; i++) if (matches(spans[i].word)) { first = i; break }
    if (window && first < 0) return null
    var from = 0, to = spans.length
    if (window) {
      from = Math.max(0, first - 8)
      to = Math.min(spans.length, from + SNIPPET_WORDS)
    }
    if (!spans.length) return escapeHTML(text)
    var start = window ? spans[from].start : 0
    var end = window ? (to < spans.length ? spans[to - 1].end : text.length) : text.length
    var out = window && from > 0 ? "… " : "", at = start
    for (i = from; i < to; i++) {
      if (!matches(spans[i].word)) continue
      out += escapeHTML(text.slice(at, spans[i].start)) + "<mark>" + escapeHTML(text.slice(spans[i].start, spans[i].end)) + "</mark>"
      at = spans[i].end
    }
    out += escapeHTML(text.slice(at, end))
    if (window && to < spans.length) out += " …"
    return out
  }

  function snippet(entry, matches) {
    if (!entry) return ""
    var found = highlight(entry[1], matches, true) || highlight(entry[0], matches, true)
    if (found) return found
    var words = entry[1].split(/\s+/)
    return escapeHTML(words.slice(0, SNIPPET_WORDS).join(" ") + (words.length > SNIPPET_WORDS ? " …" : ""))
  }

  function search(raw, serial) {
    var clauses = parse(raw)
    if (!clauses.length) return Promise.resolve({ items: [] })
    return load(shardsNeeded(clauses).map(shardUrl)).then(function () {
      if (serial !== latest) return null
      expand(clauses)
      var ranked = rank(clauses).slice(0, MAX_RESULTS)
      var chunks = new Set(), textChunks = new Set()
      ranked.forEach(function (r, i) {
        chunks.add(Math.floor(r.doc / manifest.metaChunk))
        if (i < SNIPPETS) textChunks.add(Math.floor(r.doc / manifest.textChunk))
      })
      var urls = []
      chunks.forEach(function (n) { if (!meta.has(n)) urls.push(indexBase + "m/" + n + ".js") })
      textChunks.forEach(function (n) { if (!texts.has(n)) urls.push(indexBase + "x/" + n + ".js") })
      return load(urls).then(function () {
        if (serial !== latest) return null
        var matches = matcher(clauses)
        var terms = {}
        clauses.forEach(function (c) { terms[c.word] = true })
        return {
          items: ranked.map(function (r, i) {
            var m = meta.get(Math.floor(r.doc / manifest.metaChunk))[r.doc % manifest.metaChunk]
            var text = i < SNIPPETS
              ? snippet(texts.get(Math.floor(r.doc / manifest.textChunk))[r.doc % manifest.textChunk], matches)
              : ""
            return [{ location: m[0], title: highlight(m[1], matches, false), text: text, score: r.score, terms: terms }]
          })
        }
      })
    })
  }

  /* --- messages ----------------------------------------------------------------------- */

  var ready = null

  function setup() {
    if (!ready) {
      var scripts = ["snowball/base-stemmer.js", "snowball/norwegian-stemmer.js", "text.js"]
        .map(function (s) { return new URL(s, here).href })
      ready = load(scripts).then(function () { return load([indexBase + "manifest.js"]) })
    }
    return ready
  }

  addEventListener("message", function (ev) {
    var message = ev.data
    if (message.type === SETUP) {
      setup().then(function () { postMessage({ type: READY }) })
    } else if (message.type === QUERY) {
      var serial = ++latest
      // Queries that arrived while the worker was busy (one per keystroke) are skipped but the last.
      new Promise(function (resolve) { setTimeout(resolve, 0) }).then(function () {
        return serial === latest ? setup().then(function () { return search(message.data, serial) }) : null
      }).then(function (data) {
        if (data !== null && serial === latest) postMessage({ type: RESULT, data: data })
      }).catch(function (err) {
        console.warn("planverk search: " + err)
        if (serial === latest) postMessage({ type: RESULT, data: { items: [] } })
      })
    }
  })

  return {
    manifest: function (data) { manifest = data },
    shard: function (data) { shards.set(data[0], data[1]) },
    meta: function (data) { meta.set(data[0], data[1]) },
    text: function (data) { texts.set(data[0], data[1]) },
    /* for tests in node: the query parser and ranking over a loaded index */
    _parse: parse, _rank: rank, _expand: expand
  }
})()
