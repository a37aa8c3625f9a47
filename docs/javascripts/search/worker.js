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
 * loaded, then the titles and texts of the results that are shown (and, while a word is
 * typed, those of the results it will most likely have once complete: see prefetch).
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
  var MAX_RESULTS = 30, SNIPPETS = 10, MAX_EXPANSIONS = 20, SNIPPET_WORDS = 28
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
  var texts = new Map()       // chunk number -> [[url, title, keywords and headings, text]]
  var loading = new Map()     // script URL -> promise of its loading
  var latest = 0
  var loaded = { files: 0, bytes: 0 }  // index files loaded so far, and their bytes (fetched ones)

  /* Where a query's time goes, sent with each RESULT as data.timing (Material reads only
   * data.items): milliseconds per step and what each step loaded or ranked, so that the
   * benchmark (scripts/bench_search.py) can report figures that machine load does not distort. */
  function clock() { return typeof performance !== "undefined" ? performance.now() : Date.now() }
  /* Wall-clock milliseconds, comparable with the page's (performance.timeOrigin + now()). */
  function wall() { return typeof performance !== "undefined" && performance.timeOrigin ? performance.timeOrigin + performance.now() : Date.now() }

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
        started = fetching && todo.every(function (u) { return u.lastIndexOf(indexBase, 0) === 0 })
          ? Promise.all(todo.map(fetchIndexFile))
          : inPage ? Promise.all(todo.map(scriptElement))
          : Promise.resolve(importScripts.apply(self, todo))
      } catch (err) {
        started = Promise.reject(err)
      }
      started = started.catch(function (err) {
        todo.forEach(function (u) { loading.delete(u) })
        throw err
      })
      loaded.files += todo.length
      todo.forEach(function (u) { loading.set(u, started) })
      waits.push(started)
    }
    return Promise.all(waits)
  }

  /* Over http a real worker fetches index files in parallel (importScripts loads one after
   * the other: 36 result chunks took 0.7 s); each file is one call planverkSearch.x(JSON.parse(
   * "...")), read here without evaluating it. From file:// fetch is blocked: importScripts. */
  var fetching = typeof document === "undefined" && typeof fetch === "function" && /^https?:/.test(indexBase)
  var FILE = /^planverkSearch\.(manifest|shard|meta|text)\(JSON\.parse\(([\s\S]*)\)\);\s*$/

  function fetchIndexFile(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error(url + ": " + response.status)
      return response.text()
    }).then(function (text) {
      loaded.bytes += text.length
      var call = FILE.exec(text)
      if (!call) throw new Error(url + ": not a search index file")
      planverkSearch[call[1]](JSON.parse(JSON.parse(call[2])))
    })
  }

  /* From file:// the iframe-worker shim runs this worker in a hidden iframe, and its
   * importScripts loads one script after the other (40 small files took most of a first
   * answer). Script elements load in parallel; async = false runs them in the order they were
   * added (the stemmer's two scripts depend on that). */
  var inPage = typeof document !== "undefined"

  function scriptElement(url) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script")
      script.async = false
      script.onload = function () { script.remove(); resolve() }
      script.onerror = function () { script.remove(); reject(new Error(url + ": not loaded")) }
      script.src = url
      document.body.appendChild(script)
    })
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

  /* A term's postings, decoded once into flat arrays: docs[i], masks[i], and its positions
   * positions[starts[i]] .. positions[starts[i + 1]] (few objects: less garbage to collect). */
  var EMPTY = { length: 0, docs: new Int32Array(0), masks: new Uint8Array(0), starts: new Int32Array(1), positions: new Int32Array(0) }

  function postings(term) {
    var cached = decoded.get(term)
    if (cached) return cached
    var key = shardFor(term)
    var flat = key !== null && shards.has(key) ? shards.get(key)[term] : undefined
    var list = EMPTY
    if (flat) {
      var count = 0, total = 0
      for (var i = 0; i < flat.length; i += 3 + flat[i + 2]) { count++; total += flat[i + 2] }
      list = { length: count, docs: new Int32Array(count), masks: new Uint8Array(count),
               starts: new Int32Array(count + 1), positions: new Int32Array(total) }
      var doc = 0, at = 0, k = 0
      for (i = 0; i < flat.length; k++) {
        doc += flat[i]
        list.docs[k] = doc
        list.masks[k] = flat[i + 1]
        list.starts[k] = at
        var n = flat[i + 2], p = 0
        for (var j = 0; j < n; j++) { p += flat[i + 3 + j]; list.positions[at++] = p }
        i += 3 + n
      }
      list.starts[count] = at
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

  /* Weight of a posting by its best field (mask 0-15), and by how often the term occurs. */
  var FIELD = new Float64Array(16), TF = new Float64Array(17)
  for (var mask = 0; mask < 16; mask++) {
    FIELD[mask] = 1
    for (var f = FIELD_WEIGHT.length - 1; f >= 0; f--) if (mask & FIELD_WEIGHT[f][0]) FIELD[mask] = FIELD_WEIGHT[f][1]
  }
  for (var tf = 0; tf <= 16; tf++) TF[tf] = 1 + 0.15 * Math.log(1 + tf)

  /* One clause's matches, in arrays over all documents: score (the best of its terms), field
   * mask, and where its exact term's positions are (for phrases and word order). */
  function clauseHits(clause) {
    var key = JSON.stringify(clause.terms)
    var cached = clauseCache.get(key)
    if (cached) {  // most recently used last
      clauseCache.delete(key)
      clauseCache.set(key, cached)
      return cached
    }
    var hits = clauseHitsUncached(clause)
    clauseCache.set(key, hits)
    if (clauseCache.size > CLAUSE_CACHE) clauseCache.delete(clauseCache.keys().next().value)
    return hits
  }

  /* Typing a further word re-ranks the words already typed: their matches are kept (each
   * ~13 bytes a document), so one more word costs only its own postings and the walk over
   * the smallest clause's documents. */
  var clauseCache = new Map(), CLAUSE_CACHE = 12

  function clauseHitsUncached(clause) {
    var n = manifest.count
    var hits = { score: new Float64Array(n), mask: new Uint8Array(n), entry: new Int32Array(n).fill(-1), exact: EMPTY, docs: [] }
    clause.terms.forEach(function (pair) {
      var list = postings(pair[0])
      if (!list.length) return
      var idf = Math.log(1 + n / list.length)
      var exact = pair[1] === 1
      if (exact) hits.exact = list
      for (var i = 0; i < list.length; i++) {
        var doc = list.docs[i]
        var score = FIELD[list.masks[i]] * idf * pair[1] * TF[Math.min(16, list.starts[i + 1] - list.starts[i])]
        if (hits.score[doc] === 0) hits.docs.push(doc)
        if (score > hits.score[doc]) hits.score[doc] = score
        hits.mask[doc] |= list.masks[i]
        if (exact) hits.entry[doc] = i
      }
    })
    return hits
  }

  /* Whether the exact term of clause b occurs gap positions after that of clause a in doc. */
  function follows(a, b, doc, gap) {
    var i = a.entry[doc], j = b.entry[doc]
    if (i < 0 || j < 0) return false
    var pa = a.exact.positions, pb = b.exact.positions
    for (var y = b.exact.starts[j]; y < b.exact.starts[j + 1]; y++)
      for (var x = a.exact.starts[i]; x < a.exact.starts[i + 1]; x++)
        if (pa[x] === pb[y] - gap) return true
    return false
  }

  function hasPhrase(hitsByClause, start, length, doc) {
    var first = hitsByClause[start], i = first.entry[doc]
    if (i < 0) return false
    for (var x = first.exact.starts[i]; x < first.exact.starts[i + 1]; x++) {
      var p = first.exact.positions[x], k = 1
      for (; k < length; k++) {
        var h = hitsByClause[start + k], j = h.entry[doc], found = false
        if (j < 0) return false
        for (var y = h.exact.starts[j]; y < h.exact.starts[j + 1] && !found; y++) found = h.exact.positions[y] === p + k
        if (!found) break
      }
      if (k === length) return true
    }
    return false
  }

  /* Every document that matches all clauses, best first, at most MAX_RESULTS. Word order
   * (at most doubling a score) is checked only for documents that could reach the top. */
  function rank(clauses, timing) {
    var hits = clauses.map(clauseHits)
    var order = hits.map(function (_, i) { return i }).sort(function (a, b) { return hits[a].docs.length - hits[b].docs.length })
    var candidates = hits[order[0]].docs, matched = [], scores = []
    var phrase = clauses.some(function (c) { return c.phrase })
    var words = 0
    clauses.forEach(function (c) { words += c.status ? c.word.split(" ").length : 1 })
    next: for (var d = 0; d < candidates.length; d++) {
      var doc = candidates[d]
      for (var i = 1; i < order.length; i++) if (hits[order[i]].score[doc] === 0) continue next
      if (phrase)
        for (var c = 0; c < clauses.length; c++)
          if (clauses[c].phrase && !hasPhrase(hits, c, clauses[c].phrase.length, doc)) continue next
      var score = 0, inTitle = 0
      for (c = 0; c < clauses.length; c++) {
        score += hits[c].score[doc]
        if (hits[c].mask[doc] & 1) inTitle++
      }
      var titleLength = manifest.titleLengths[doc]
      if (inTitle === clauses.length) {
        score *= 2 * (1 + 2 * Math.min(words, titleLength) / Math.max(titleLength, 1))
        if (words >= titleLength) score *= 2
      }
      matched.push(doc)
      scores.push(score * (KIND_FACTOR[manifest.kinds[doc]] || 1))
    }
    if (timing) {
      timing.postings = hits.reduce(function (sum, h) { return sum + h.docs.length }, 0)
      timing.ranked = matched.length
    }
    var threshold = 0
    if (matched.length > MAX_RESULTS) threshold = Float64Array.from(scores).sort()[matched.length - MAX_RESULTS] / 2
    var results = []
    for (var m = 0; m < matched.length; m++) {
      if (scores[m] < threshold) continue
      var adjacent = 0, pairs = 0
      doc = matched[m]
      for (c = 1; c < clauses.length; c++) {
        if (clauses[c].index > clauses[c - 1].index && clauses[c - 1].index >= 0 && !clauses[c].status && !clauses[c - 1].status) {
          pairs++
          if (follows(hits[c - 1], hits[c], doc, clauses[c].index - clauses[c - 1].index)) adjacent++
        }
      }
      results.push({ doc: doc, score: scores[m] * (pairs ? 1 + adjacent / pairs : 1) })
    }
    results.sort(function (a, b) { return b.score - a.score || a.doc - b.doc })
    return results.slice(0, MAX_RESULTS)
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
    var found = highlight(entry[3], matches, true) || highlight(entry[2], matches, true)
    if (found) return found
    var words = entry[3].split(/\s+/)
    return escapeHTML(words.slice(0, SNIPPET_WORDS).join(" ") + (words.length > SNIPPET_WORDS ? " …" : ""))
  }

  function search(raw, serial, timing) {
    var clauses = parse(raw)
    if (!clauses.length) return Promise.resolve({ items: [] })
    // Between the steps the worker yields, so that a newer query (the next keystroke) that
    // arrived meanwhile is seen, and this one stops instead of loading what nobody will see.
    var ranked = null, at = clock(), files = loaded.files, bytes = loaded.bytes
    function step(name) {
      var now = clock()
      timing[name + "_ms"] = Math.round((now - at) * 10) / 10
      timing[name + "_files"] = loaded.files - files
      timing[name + "_bytes"] = loaded.bytes - bytes
      at = now; files = loaded.files; bytes = loaded.bytes
    }
    var needed = shardsNeeded(clauses)
    return load(needed.map(shardUrl)).then(function () { step("shards") }).then(nextTask).then(function () {
      if (serial !== latest) return null
      at = clock()
      expand(clauses)
      ranked = rank(clauses, timing).slice(0, MAX_RESULTS)
      step("rank")
      try {
        prefetch(clauses)
      } catch (err) {  // a guess never costs the answer
        console.warn("planverk search: " + err)
      }
      step("guess")
    }).then(nextTask).then(function () {
      if (serial !== latest || ranked === null) return null
      at = clock()
      return load(resultFiles(ranked)).then(function () {
        step("results")
        if (serial !== latest) return null
        var matches = matcher(clauses)
        var terms = {}
        clauses.forEach(function (c) { terms[c.word] = true })
        var items = ranked.map(function (r, i) {
            var entry = i < SNIPPETS ? texts.get(Math.floor(r.doc / manifest.textChunk))[r.doc % manifest.textChunk] : null
            var m = entry || meta.get(Math.floor(r.doc / manifest.metaChunk))[r.doc % manifest.metaChunk]
            var text = entry ? snippet(entry, matches) : ""
            return [{ location: m[0], title: highlight(m[1], matches, false), text: text, score: r.score, terms: terms }]
        })
        step("render")
        return { items: items, timing: timing }
      })
    })
  }

  /* While a word is being typed, the answer it will most likely have once it is complete: the
   * word as its most common completion in the index. Ranked with each keystroke's answer (a few
   * ms: its clause stays in the cache from one keystroke to the next), its results' files
   * (snippets of the first ten, titles of the rest) are loaded without being waited for, so
   * that the keystrokes that complete the word find them in. Typing a further word loaded 24-30
   * new result files after its last keystroke: the results of «tiltakene ungdo», matched only
   * as a beginning, are not those of «tiltakene ungdom», whose words also count when next to
   * each other. (Guessed after each answer instead, the guess was never made while keystrokes
   * came faster than answers.) */
  function prefetch(clauses) {
    var typed = clauses.filter(function (c) { return c.prefix })[0]
    if (!typed) return
    var best = null, most = 0
    typed.terms.forEach(function (t) {
      var n = postings(t[0]).length
      if (n > most) { most = n; best = t[0] }
    })
    if (best === null || best === typed.terms[0][0]) return  // the word as typed: this answer loads its files
    var guess = { word: best, index: typed.index, terms: [[best, 1]], prefix: best }
    expand([guess])
    var files = resultFiles(rank(clauses.map(function (c) { return c === typed ? guess : c })))
    load(files).catch(function () {})  // a guess: a file that fails is loaded again when needed
  }

  /* The files not loaded yet that the results need: the first results come with URL and title
   * in their snippet files (x/); only the ones below them need the title files (m/). */
  function resultFiles(ranked) {
    var urls = new Set()
    ranked.forEach(function (r, i) {
      urls.add(i < SNIPPETS ? chunkUrl("x/", r.doc, manifest.textChunk, texts) : chunkUrl("m/", r.doc, manifest.metaChunk, meta))
    })
    urls.delete(null)
    return Array.from(urls)
  }

  function chunkUrl(folder, doc, size, cache) {
    var n = Math.floor(doc / size)
    return cache.has(n) ? null : indexBase + folder + n + ".js"
  }

  /* --- messages ----------------------------------------------------------------------- */

  var ready = null

  /* A promise resolved in a later task, after messages already queued: a MessageChannel
   * message (timers in the offline bundle's hidden iframe may be throttled). */
  function nextTask() {
    return new Promise(function (resolve) {
      if (typeof MessageChannel === "undefined") return setTimeout(resolve, 0)
      var channel = new MessageChannel()
      channel.port1.onmessage = function () { channel.port1.close(); resolve() }
      channel.port2.postMessage(null)
    })
  }

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
      var serial = ++latest, received = clock(), timing = { received_at: wall() }
      // Queries that arrived while the worker was busy (one per keystroke) are skipped but the last.
      nextTask().then(function () {
        if (serial !== latest) return null
        timing.wait_ms = Math.round((clock() - received) * 10) / 10
        var begun = clock()
        return setup().then(function () {
          timing.setup_ms = Math.round((clock() - begun) * 10) / 10
          return search(message.data, serial, timing)
        })
      }).then(function (data) {
        if (data !== null && data.timing) {
          data.timing.total_ms = Math.round((clock() - received) * 10) / 10
          data.timing.query = message.data
          data.timing.posted_at = wall()
        }
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
