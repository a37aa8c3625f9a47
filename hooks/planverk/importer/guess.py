"""Which announced group a measure belongs to, when the text never says: a suggestion the
draft marks as a guess for a person to confirm."""

from __future__ import annotations

import re

from .found import Group, Measure

_STOP = frozenset({"gjennom", "mellom", "etter", "innenfor", "under", "bidra", "styrke", "arbeid", "arbeidet", "tiltak", "tiltaket"})


def _stems(text: str) -> set[str]:
    return {w[:6] for w in re.findall(r"[a-zæøå]+", text.lower()) if len(w) >= 5 and w not in _STOP}


_QUOTED = re.compile(r"[\"«“”]([^\"«»“”]{3,})[\"»”“]")


def guess_groups(measures: list[Measure], groups: list[Group], intro: list[str]) -> None:
    """Groups announced as a list, measures under none: suggest the group whose title shares most words
    with the measure's title (then its text), among the groups the text names in quotes if it names any."""
    quoted = {q.strip().casefold() for text in intro for q in _QUOTED.findall(text)}
    candidates = [g for g in groups if g.title.casefold() in quoted] or groups
    for measure in measures:
        for words in (_stems(measure.title), _stems(" ".join(measure.description))):
            scores = [(len(words & _stems(g.title)), -k, g) for k, g in enumerate(candidates)]
            best = max(scores, key=lambda s: (s[0], s[1]), default=None)
            if best and best[0] > 0 and sum(1 for s in scores if s[0] == best[0]) == 1:
                measure.group, measure.group_is_guess = best[2], True
                break
