/* planverk search: words and stems, the same as hooks/planverk/search/text.py.
 * Needs snowball/base-stemmer.js and snowball/norwegian-stemmer.js loaded first.
 * Loaded by the search worker (importScripts) and by the unit test in node. */
var planverkText = (function () {
  "use strict"
  var TOKEN = /[\p{L}\p{N}]+/gu
  var stemmer = new NorwegianStemmer()
  var cache = new Map()

  function normalise(text) {
    return text.normalize("NFC").toLowerCase()
  }

  /* The words of a text, normalised, in order (not stemmed). */
  function words(text) {
    return normalise(text).match(TOKEN) || []
  }

  /* The Snowball stem of one normalised word; numbers and one-letter words unchanged. */
  function stem(word) {
    if (word.length < 3 || /^\p{Nd}+$/u.test(word)) return word
    var cached = cache.get(word)
    if (cached === undefined) {
      cached = stemmer.stemWord(word)
      if (cache.size > 50000) cache.clear()
      cache.set(word, cached)
    }
    return cached
  }

  /* Every word of a text with where it is: [{word, start, end}] over the original text. */
  function spans(text) {
    var result = []
    var re = /[\p{L}\p{N}]+/gu
    var match
    while ((match = re.exec(text)) !== null) {
      result.push({ word: normalise(match[0]), start: match.index, end: match.index + match[0].length })
    }
    return result
  }

  return { normalise: normalise, words: words, stem: stem, spans: spans }
})()
if (typeof module !== "undefined") module.exports = planverkText
