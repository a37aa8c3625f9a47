"""Words for search: one tokenizer and one Norwegian stemmer, the same at build and query time.

The browser side (docs/javascripts/search/text.js) mirrors this module line for line:
- text is NFC-normalised and lower-cased, and a token is a run of letters and digits
  (Python ``[^\\W_]+``, JavaScript ``[\\p{L}\\p{N}]+`` with the ``u`` flag);
- every token is stemmed with Snowball's Norwegian algorithm (bokmål and nynorsk since
  Snowball 3.0): here the ``snowballstemmer`` package, in the browser the JavaScript that
  the same Snowball release generates (vendored in docs/javascripts/search/snowball/).
  Both are pinned to Snowball 3.0.1; tests/unit/test_search_stemming.py runs the JavaScript
  in node over every word of the data and fails on the first word they stem differently.
"""

from __future__ import annotations

import re
import unicodedata

import snowballstemmer

_TOKEN = re.compile(r"[^\W_]+")
_stemmer = snowballstemmer.stemmer("norwegian")

# Snowball's Norwegian stop word list (bokmål and nynorsk). Indexed like any other word
# (a quoted phrase needs them), but dropped from unquoted queries of more than stop words.
STOPWORDS = frozenset("""
alle at av bare begge ble blei bli blir blitt både båe da de deg dei deim deira deires dem den
denne der dere deres det dette di din disse ditt du dykk dykkar då eg ein eit eitt eller elles
en enn er et ett etter for fordi fra før ha hadde han hans har hennar henne hennes her hjå ho
hoe honom hoss hossen hun hva hvem hver hvilke hvilken hvis hvor hvordan hvorfor i ikke ikkje
ingen ingi inkje inn inni ja jeg kan kom korleis korso kun kunne kva kvar kvarhelst kven kvi
kvifor man mange me med medan meg meget mellom men mi min mine mitt mot mykje ned no noe noen
noka noko nokon nokor nokre nå når og også om opp oss over på samme seg selv si sia sidan siden
sin sine sitt sjøl skal skulle slik so som somme somt så sånn til um upp ut uten var vart varte
ved vere verte vi vil ville vore vors vort vår være vært å
""".split())


def normalise(text: str) -> str:
    return unicodedata.normalize("NFC", text).lower()


def words(text: str) -> list[str]:
    """The words of a text, normalised, in order (not stemmed)."""
    return _TOKEN.findall(normalise(text))


_stems: dict[str, str] = {}


def stem(word: str) -> str:
    """The Snowball stem of one normalised word; numbers and one-letter words unchanged."""
    found = _stems.get(word)
    if found is None:
        found = word if len(word) < 3 or word.isdecimal() else _stemmer.stemWord(word)
        if len(_stems) < 500_000:
            _stems[word] = found
    return found


def terms(text: str) -> list[str]:
    """The index terms of a text, in order: its words, stemmed."""
    stems = _stems
    return [stems[w] if w in stems else stem(w) for w in _TOKEN.findall(normalise(text))]
