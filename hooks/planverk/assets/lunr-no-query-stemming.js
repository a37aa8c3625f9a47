/* planverk: norwegian query stemming */
/* Material's search appends "*" to every query term, and lunr skips the search pipeline
 * (and with it lunr.no.stemmer) for any term with a wildcard. So "kommunene*" could never
 * reach the indexed "kommune". Stem "<word>*" terms here: the Norwegian Snowball stemmer only
 * shortens suffixes, so the stem is a prefix of the word and a query matches a superset of
 * what it matched before. Appended to lunr.no.min.js, which the search worker loads. */
(function (lunr) {
  if (!lunr || !lunr.no || !lunr.no.stemmer || lunr.Query.prototype.__planverkStem) return;
  var clause = lunr.Query.prototype.clause;
  lunr.Query.prototype.clause = function (c) {
    if (c && c.usePipeline === false && typeof c.term === "string") {
      var m = /^([^*]+)\*$/.exec(c.term);
      if (m) c.term = lunr.no.stemmer(m[1]) + "*";
    }
    return clause.call(this, c);
  };
  lunr.Query.prototype.__planverkStem = true;
})(this.lunr || (typeof self !== "undefined" ? self.lunr : undefined));
