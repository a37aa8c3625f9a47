// Runs planverk's search code from a built site in node, for the unit tests.
//   node search_node.js stem <site>            stdin: JSON list of texts; stdout: their terms
//   node search_node.js query <site> <q>...    stdout: the worker's RESULT for each query
//   node search_node.js answers <site> <q>...  stdout: each RESULT's data, items and timing
// The worker runs as in a browser: importScripts reads the site's files, messages go
// through the same addEventListener/postMessage protocol Material uses.
"use strict"
const fs = require("fs")
const path = require("path")
const vm = require("vm")
const { pathToFileURL, fileURLToPath } = require("url")

const [mode, site, ...queries] = process.argv.slice(2)
const workerFile = path.join(site, "javascripts/search/worker.js")
const posted = []
let listener = null
const ctx = { console, URL, Map, Set, Promise, setTimeout }
ctx.self = ctx
ctx.location = { href: pathToFileURL(workerFile).href }
ctx.addEventListener = (type, fn) => { listener = fn }
ctx.postMessage = message => posted.push(message)
ctx.importScripts = (...urls) => {
  for (const url of urls) vm.runInContext(fs.readFileSync(fileURLToPath(url), "utf8"), ctx, { filename: url })
}
vm.createContext(ctx)

function script(relative) {
  ctx.importScripts(pathToFileURL(path.join(site, "javascripts/search", relative)).href)
}

async function next() {
  for (let i = 0; i < 2000 && !posted.length; i++) await new Promise(r => setTimeout(r, 1))
  if (!posted.length) throw new Error("the worker did not answer")
  return posted.shift()
}

async function main() {
  if (mode === "stem") {
    script("snowball/base-stemmer.js"); script("snowball/norwegian-stemmer.js"); script("text.js")
    const texts = JSON.parse(fs.readFileSync(0, "utf8"))
    process.stdout.write(JSON.stringify(texts.map(t => ctx.planverkText.words(t).map(ctx.planverkText.stem))))
    return
  }
  vm.runInContext(fs.readFileSync(workerFile, "utf8"), ctx, { filename: workerFile })
  listener({ data: { type: 0, data: { config: {}, docs: [] } } })
  const ready = await next()
  if (ready.type !== 1) throw new Error("expected READY, got " + JSON.stringify(ready))
  const answers = []
  for (const q of queries) {
    const start = process.hrtime.bigint()
    listener({ data: { type: 2, data: q } })
    const answer = await next()
    if (process.env.SEARCH_TIMINGS) console.error(`${q}: ${Number(process.hrtime.bigint() - start) / 1e6} ms`)
    answers.push(mode === "answers" ? answer.data : answer.data.items.map(group => group[0]))
  }
  process.stdout.write(JSON.stringify(answers))
}
main().catch(err => { console.error(err); process.exit(1) })
