"""Responsible bodies: composite strings resolved to parties, names matched to known organisations.

The rules are those the hand-made data follows (``data/plans/*.yml``, ``responsibility.parties``):

- «A i samarbeid med B» (also «i samspill med», «i samarbeid med», nynorsk «i samarbeid med»,
  «i samspel med»): A leads (``ansvarlig``), B takes part (``samarbeidspart``);
- on each side, «/», «,» and «og» separate bodies: «KRD/Husbanken/JD», «HOD, JD og KRÅD» —
  but not inside a name («Barne-, likestillings- og inkluderingsdepartementet»);
- a body is known by its abbreviation, its name, a former name or another name the sources
  use, with or without «(FORKORTELSE)» after the name; «Det kriminalitetsforebyggende råd
  (KRÅD)» is KRÅD;
- what starts in lower case («relevante partnere», «berørte departementer», «kommunane») is a
  party the source names only generically: a ``text`` party, not an organisation;
- anything else is a body planverk does not know: a new organisation, marked for review.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .. import model as m

_TOGETHER = re.compile(r"\s*,?\s+i\s+(?:samarbeid|samspill|samspel|samråd|dialog)\s+med\s+", re.I)
_SEPARATORS = re.compile(r"(\s*/\s*|\s*,\s*|\s+og\s+|\s*;\s*|\s+samt\s+)")
_PAREN = re.compile(r"^(?P<name>.+?)\s*\((?P<abbr>[^()]+)\)\s*$")


def _several(text: str) -> bool:
    """Whether ``text`` names more than one body (separators outside «Barne-, likestillings- og …»)."""
    bare = re.sub(r"-,?\s+(?:og\s+)?", "-", text)
    return bool(_SEPARATORS.search(bare))


def key(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).strip(" .,;:").casefold()


@dataclass(frozen=True, slots=True)
class Body:
    """One body the text names: a known organisation, a new one, or a generic party."""

    text: str  # as written
    role: str  # ansvarlig | samarbeidspart
    organisation: m.Organisation | None = None  # known
    new_name: str | None = None  # a body to add (its name or abbreviation as written)
    new_abbreviation: str | None = None
    how: str = ""  # how it was matched: forkortelse, navn, tidligere navn, annet navn

    @property
    def generic(self) -> bool:
        return self.organisation is None and self.new_name is None


class Matcher:
    def __init__(self, organisations: Iterable[m.Organisation]):
        self.table: dict[str, tuple[m.Organisation, str]] = {}
        organisations = list(organisations)
        # weakest first, so a name wins over another body's "other name"
        for org in organisations:
            for other in org.other_names:
                self.table[key(other)] = (org, "annet navn")
        for org in organisations:
            for former in org.former_names:
                self.table[key(former.name)] = (org, "tidligere navn")
        for org in organisations:
            self.table[key(org.name)] = (org, "navn")
        for org in organisations:
            if org.abbreviation:
                self.table[key(org.abbreviation)] = (org, "forkortelse")
        self.added: dict[str, Body] = {}

    def known(self, text: str) -> tuple[m.Organisation, str] | None:
        text = text.strip(" .,;:")
        found = self.table.get(key(text))
        if found:
            return found
        paren = _PAREN.match(text)
        if paren:  # «Det kriminalitetsforebyggende råd (KRÅD)»: the name, else the abbreviation of one body
            by_name = self.known(paren.group("name"))
            if by_name:
                return by_name
            by_abbreviation = self.table.get(key(paren.group("abbr")))
            if by_abbreviation and not _several(paren.group("name")):
                return by_abbreviation
        if text[:4].casefold() in ("det ", "den "):  # «Det kriminalitetsforebyggende råd»
            return self.table.get(key(text[4:]))
        return None

    def body(self, text: str, role: str) -> Body:
        text = text.strip(" .,;:")
        found = self.known(text)
        if found:
            return Body(text=text, role=role, organisation=found[0], how=found[1])
        if not text or not text[0].isupper():
            return Body(text=text, role=role)
        paren = _PAREN.match(text)
        if paren:
            return Body(text=text, role=role, new_name=paren.group("name"), new_abbreviation=paren.group("abbr"))
        if re.fullmatch(r"[A-ZÆØÅ][A-ZÆØÅa-zæøå]{0,2}[A-ZÆØÅ]+[a-zæøå]?", text):  # KS, IMDi, NOVA
            return Body(text=text, role=role, new_name=text, new_abbreviation=text)
        return Body(text=text, role=role, new_name=text)

    def parts(self, text: str) -> list[str]:
        """``text`` split into bodies at «/», «,», «og»; the longest run of pieces that is a known name is
        kept whole («Norsk institutt for forskning om oppvekst, velferd og aldring (NOVA)»), and a piece
        ending in «-» belongs to the next («Barne-, likestillings- og inkluderingsdepartementet»)."""
        whole = text.strip(" .,;:")
        if not whole:
            return []
        split = _SEPARATORS.split(whole)
        pieces, separators = split[0::2], split[1::2]

        def span(i: int, j: int) -> str:
            return "".join(pieces[k] + (separators[k] if k < j - 1 else "") for k in range(i, j)).strip()

        out: list[str] = []
        i = 0
        while i < len(pieces):
            j = next((j for j in range(len(pieces), i, -1) if self.known(span(i, j))), i + 1)
            while j < len(pieces) and span(i, j).endswith("-") and separators[j - 1].strip() in (",", "og", ""):
                j += 1  # «Barne-, likestillings- og inkluderingsdepartementet» when the name is not known
            if span(i, j):
                out.append(span(i, j))
            i = j
        return out

    def resolve(self, text: str | None, role: str = "ansvarlig") -> list[Body]:
        """The bodies of a responsibility string, each with its role."""
        if not text or not text.strip():
            return []
        lead, partners = ([*_TOGETHER.split(text, maxsplit=1), ""])[:2]
        out = [self.body(p, role) for p in self.parts(lead)]
        out += [self.body(p, "samarbeidspart") for p in self.parts(partners)]
        return [b for b in out if b.text]
