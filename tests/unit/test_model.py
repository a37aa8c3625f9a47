"""The entity protocol: every entity answers ref, kind, title and source itself, so pages,
links, search and exports need no ladder of types."""

from __future__ import annotations

import pytest

from planverk import model as m
from planverk import urls
from planverk.pages.base import title_of


@pytest.mark.parametrize("audience", ["public", "internal"])
def test_every_entity_answers_the_protocol(audience, public_corpus, internal_corpus):
    corpus = public_corpus if audience == "public" else internal_corpus
    assert corpus.entities
    for ref, entity in corpus.entities.items():
        assert entity.ref == ref
        assert entity.kind == m.kind_of(ref) == ref.partition(":")[0]
        assert isinstance(entity.title, str) and entity.title.strip(), ref
        assert entity.source is None or isinstance(entity.source, m.Source), ref
        assert entity.source is not None or entity.kind == "theme", f"{ref} has no source"
        urls.page_of(ref)  # every entity has a page (or a place on one)
        assert title_of(entity)


def test_a_literal_entity_of_each_kind_with_its_own_name():
    document = m.Document(id="d", title="D", kind="rapport", publisher_id="o", date=None, file="d.txt", has_pages=False,
                          extraction_note=None)
    source = m.Source(document=document, page=None)
    org = m.Organisation(id="o", abbreviation="ORG", name="Organisasjonen", category="etat", parent_id=None, former_names=(),
                         other_names=(), expansion_is_editorial=False, internal=False, source=source)
    value = m.Value(id="v", strategy_id="s", name="Åpenhet", statements=(), source=source)
    term = m.Term(id="t", term="SLT", expansion="Samordning av lokale tiltak", description=None, expansion_is_editorial=False,
                  source=source)
    theme = m.Theme(id="th", title="Tema", description="")
    assert (org.kind, org.title, org.category) == ("org", "Organisasjonen", "etat")
    assert (value.kind, value.title) == ("value", "Åpenhet")
    assert (term.kind, term.title) == ("term", "SLT")
    assert (theme.kind, theme.title, theme.source) == ("theme", "Tema", None)
    assert title_of(org) == "Organisasjonen (ORG)"
