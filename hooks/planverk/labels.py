"""The words our pages write around the data, per language of the source document: a page
made from a nynorsk plan says «Ansvarleg» and «Periode», one from a bokmål plan «Ansvarlig».
The site's own interface (menus, search, the status table's controls) stays in the language
the site is configured with; these are the labels inside the content."""

from __future__ import annotations

from typing import Final

LANGUAGES: Final = ("nb", "nn", "en")

_LABELS: Final[dict[str, dict[str, str]]] = {
    "nb": {
        "editorial": "Redaksjonelt:",
        "editorial_body": "{fields} står ikke i kilden, men er lagt til av redaksjonen.",
        "editorial_title": "tittelen",
        "editorial_subtitle": "undertittelen",
        "editorial_number": "nummeret",
        "editorial_label": "gruppenavnet",
        "and": "og",
        "plan": "Handlingsplan",
        "part_of": "Deltiltak av",
        "sub_measures": "Deltiltak",
        "responsible": "Ansvarlig",
        "not_stated": "ikke oppgitt i kilden",
        "wording": "Ansvar slik kilden skriver det",
        "actors": "Aktører",
        "period": "Periode",
        "overview_period": "tiltaksoversikten oppgir",
        "status": "Status",
        "per": "per",
        "no_report": "ingen statusrapport for dette tiltaket",
        "not_reported": "ikke rapportert; tiltaket er ikke med i statusrapporten per",
        "overdue": "Forfalt",
        "yes": "Ja",
        "overdue_why": "perioden var over ved rapportdatoen, og tiltaket var ikke gjennomført",
        "draft": "Utkast",
        "in_plan": "Tiltaket i planen",
        "status_per": "Status per",
        "no_status_text": "Rapporten har ingen tekst om status.",
        "history": "Statushistorikk",
        "themes": "Temaer",
        "source": "Kilde",
        "page": "side",
        "previous": "Forrige",
        "next": "Neste",
        "all_measures": "Alle tiltak i statusoversikten",
        "relations": "Relasjoner",
        "stamp_from": "fra",
        "stamp_none": "Ingen statusrapport ennå: tiltakene står uten status.",
        "next_report": "Neste statusrapport",
        "changed": "Sist endret",
    },
    "nn": {
        "editorial": "Redaksjonelt:",
        "editorial_body": "{fields} står ikkje i kjelda, men er lagt til av redaksjonen.",
        "editorial_title": "tittelen",
        "editorial_subtitle": "undertittelen",
        "editorial_number": "nummeret",
        "editorial_label": "gruppenamnet",
        "and": "og",
        "plan": "Handlingsplan",
        "part_of": "Deltiltak av",
        "sub_measures": "Deltiltak",
        "responsible": "Ansvarleg",
        "not_stated": "ikkje oppgitt i kjelda",
        "wording": "Ansvar slik kjelda skriv det",
        "actors": "Aktørar",
        "period": "Periode",
        "overview_period": "tiltaksoversikta oppgir",
        "status": "Status",
        "per": "per",
        "no_report": "ingen statusrapport for dette tiltaket",
        "not_reported": "ikkje rapportert; tiltaket er ikkje med i statusrapporten per",
        "overdue": "Forfalle",
        "yes": "Ja",
        "overdue_why": "perioden var over ved rapportdatoen, og tiltaket var ikkje gjennomført",
        "draft": "Utkast",
        "in_plan": "Tiltaket i planen",
        "status_per": "Status per",
        "no_status_text": "Rapporten har ingen tekst om status.",
        "history": "Statushistorikk",
        "themes": "Tema",
        "source": "Kjelde",
        "page": "side",
        "previous": "Førre",
        "next": "Neste",
        "all_measures": "Alle tiltak i statusoversikta",
        "relations": "Relasjonar",
        "stamp_from": "frå",
        "stamp_none": "Ingen statusrapport enno: tiltaka står utan status.",
        "next_report": "Neste statusrapport",
        "changed": "Sist endra",
    },
    "en": {
        "editorial": "Editorial:",
        "editorial_body": "{fields} is not in the source; the editors added it.",
        "editorial_title": "the title",
        "editorial_subtitle": "the subtitle",
        "editorial_number": "the number",
        "editorial_label": "the group's name",
        "and": "and",
        "plan": "Action plan",
        "part_of": "Part of",
        "sub_measures": "Sub-measures",
        "responsible": "Responsible",
        "not_stated": "not stated in the source",
        "wording": "Responsibility as the source puts it",
        "actors": "Actors",
        "period": "Period",
        "overview_period": "the overview of measures gives",
        "status": "Status",
        "per": "as of",
        "no_report": "no status report for this measure",
        "not_reported": "not reported; the measure is not in the status report of",
        "overdue": "Overdue",
        "yes": "Yes",
        "overdue_why": "the period had ended by the report date, and the measure was not completed",
        "draft": "Draft",
        "in_plan": "The measure in the plan",
        "status_per": "Status as of",
        "no_status_text": "The report has no text on the status.",
        "history": "Status history",
        "themes": "Themes",
        "source": "Source",
        "page": "page",
        "previous": "Previous",
        "next": "Next",
        "all_measures": "All measures in the status overview",
        "relations": "Relations",
        "stamp_from": "from",
        "stamp_none": "No status report yet: the measures have no status.",
        "next_report": "Next status report",
        "changed": "Last changed",
    },
}


def editorial(fields: tuple[str, ...], language: str) -> dict[str, str] | None:
    """What a page says of the fields the editors wrote ("Redaksjonelt: tittelen og nummeret
    står ikke i kilden …"), or None when every field is the source's."""
    if not fields:
        return None
    t = labels(language)
    names = [t[f"editorial_{f}"] for f in fields]
    joined = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {t['and']} {names[-1]}"
    body = t["editorial_body"].format(fields=joined)
    return {"tag": t["editorial"], "body": body[:1].upper() + body[1:]}


def labels(language: str) -> dict[str, str]:
    """The labels for pages in ``language`` (bokmål's for a language without a table)."""
    return _LABELS.get(language, _LABELS["nb"])


SITE_LANGUAGE: Final = "nb"  # mkdocs.yml theme.language: the language of the site's own interface


def page_language(language: str) -> tuple[tuple[str, str], ...]:
    """Front matter for a page whose content is in ``language``: ``lang`` when it is not the site's
    (the article element then carries it, see overrides/base.html)."""
    return () if language == SITE_LANGUAGE else (("lang", language),)
