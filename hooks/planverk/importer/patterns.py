"""The words and forms the layout reader looks for in a Norwegian plan's text: fact labels in
bokmål and nynorsk, measure and group headings, bullets, list declarations, overview rows;
and how wrapped lines are joined."""

from __future__ import annotations

import re

# label (casefolded) -> which fact it states
FACT_LABELS: dict[str, str] = {
    **dict.fromkeys(("ansvar", "ansvarlig", "ansvarleg", "ansvarlige", "ansvarlege", "hovedansvar", "hovudansvar",
                     "ansvarlig departement", "ansvarleg departement", "ansvarlige departement", "ansvarlege departement",
                     "ansvarlig virksomhet", "ansvarleg verksemd"), "responsible"),
    **dict.fromkeys(("utførende virksomhet", "utførende virksomheter", "utførande verksemd", "utførande verksemder",
                     "utførende", "utførande", "utføres av", "utførast av"), "executing"),
    **dict.fromkeys(("deltakende virksomheter", "deltakende virksomhet", "deltakande verksemder", "deltakande verksemd",
                     "deltakere", "deltakarar", "samarbeidspartnere", "samarbeidspartnarar", "samarbeidspartar",
                     "samarbeidsparter"), "participating"),
    **dict.fromkeys(("gjennomføring", "gjennomføringsperiode", "gjennomføringstid", "tidsperspektiv", "periode",
                     "tidsrom", "tidsramme", "tidsplan", "varighet", "varigheit"), "period"),
    "status": "status",
}
LABELS = "|".join(re.escape(k) for k in sorted(FACT_LABELS, key=len, reverse=True))
BULLET = r"[•·▪◦\-–*]"
# «Ansvar: X» or «Ansvar. X» (a period instead of the colon happens in extracted PDFs)
FACT = re.compile(rf"^(?:{BULLET}\s+)?(?P<label>{LABELS})\s*(?::|\.(?=\s+\S))\s*(?P<value>.*)$", re.I)
IN_BULLET = re.compile(r"[(\s–-]\s*(?P<label>ansvar|ansvarleg|ansvarlig)\s*:\s*(?P<value>[^()]+?)\s*\)?\s*\.?$", re.I)
BULLET_LINE = re.compile(rf"^{BULLET}\s+(?P<text>\S.*)$")
NUMBER = r"\d{1,3}(?:\.\d{1,3})*[a-z]?"
MEASURE = re.compile(rf"^Tiltak\s+(?P<number>{NUMBER})\s*[:.–-]?(?:\s+(?P<title>\S.*))?$")
MEASURE_EMPTY_TITLE = re.compile(rf"^Tiltak\s+(?P<number>{NUMBER})\s*[:.–-]?\s*$")
LONE_NUMBER = re.compile(rf"^(?P<number>{NUMBER})\.?$")
GROUP_KINDS = ("tiltakspakke", "tiltaksområde", "innsatsområde", "prioriteringsområde", "satsingsområde", "hovedmål",
                "hovudmål", "delmål", "mål", "kapittel", "område", "del")
ROMAN = r"[IVXLC]{1,6}"
GROUP = re.compile(rf"^(?P<kind>{'|'.join(GROUP_KINDS)})(?:\s+(?P<number>{NUMBER}|{ROMAN}))?\s*(?P<sep>[:.–-])?\s*(?P<title>.*)$", re.I)
NUMBERED_HEADING = re.compile(rf"^(?P<number>{NUMBER})\.?\s+(?P<title>[A-ZÆØÅ][^.:;]{{2,90}})$")
LIST_DECLARATION = re.compile(r"\b(?P<word>prioriteringsområder|innsatsområder|innsatsområde|satsingsområder|satsingsområde|"
                               r"tiltakspakker|hovedmål|hovudmål|delmål|mål|tiltaksområder|kapitler|kapittel)\s*:\s*$", re.I)
LIST_ITEM = re.compile(rf"^(?:(?P<number>\d{{1,2}})[.)]|{BULLET})\s+(?P<title>\S.*)$")
URL_ONLY = re.compile(r"^(?:https?://|www\.)\S+$", re.I)
OVERVIEW_HEADER = re.compile(r"\btiltak\b.*\bansvar", re.I)
OVERVIEW_ROW = re.compile(r"^(?P<number>\d{1,3})[.)]\s+(?P<text>\S.*)$")
CONTACT = re.compile(r"^Kontaktperson", re.I)

SINGULAR = {"prioriteringsområder": "prioriteringsområde", "innsatsområder": "innsatsområde",
             "satsingsområder": "satsingsområde", "tiltakspakker": "tiltakspakke", "tiltaksområder": "tiltaksområde",
             "kapitler": "kapittel"}


def join(parts: list[str]) -> str:
    """Lines of one paragraph as one line: a hyphen that split a word is removed (Hus-/banken), one
    that belongs to it kept (SLT-/modellen, 2009-/2012); nothing is added after a «/»."""
    out = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if not out:
            out = part
        elif out.endswith("-") and len(out) > 1 and out[-2].islower() and part[0].islower() and not out.endswith(" -"):
            out = out[:-1] + part
        elif out.endswith(("-", "/")) and not out.endswith((" -", " /")):
            out += part
        else:
            out += " " + part
    return out


def ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((".", "!", "?", ":"))


def continues(previous: str, nxt: str) -> bool:
    """Whether ``nxt`` carries on the wrapped line ``previous`` (a title or a fact's value)."""
    if not nxt or FACT.match(nxt) or BULLET_LINE.match(nxt) or MEASURE.match(nxt):
        return False
    if ends_sentence(previous):
        return False
    return nxt[0].islower() or nxt[0] in "(«\"“" or previous.endswith((",", "/", "-", " og", " i", " med", " for", " av", " til"))
