"""Periods as sources write them: the first or the last year may be unknown."""

from __future__ import annotations

import csv
import io

import pytest

from corpora import Data, measure
from planverk import exports
from planverk.errors import DataErrors
from planverk.index import Index


def _plan(tmp_path, period: dict) -> Data:
    data = Data(tmp_path)
    first = measure(1)
    first["period"] = period
    data.plan("plan-a", measures=[first, measure(2)])
    return data


def test_a_period_without_a_first_year_keeps_its_last_year_and_words(tmp_path):
    corpus = _plan(tmp_path, {"start": None, "end": 2027, "text": "Påbegynt – 2027"}).load()
    period = corpus.plans["plan-a"].measures[0].period
    assert (period.start, period.end, period.text) == (None, 2027, "Påbegynt – 2027")
    assert period.ended_before(2028) and not period.ended_before(2027)
    rows = {r["tiltak_id"]: r for r in csv.DictReader(io.StringIO(exports.measures_csv(corpus, Index(corpus))))}
    assert (rows["tiltak-1"]["periode_start"], rows["tiltak-1"]["periode_slutt"]) == ("", "2027")


def test_a_period_that_ends_before_it_starts_is_still_an_error(tmp_path):
    with pytest.raises(DataErrors) as info:
        _plan(tmp_path, {"start": 2027, "end": 2020, "text": "2027-2020"}).load()
    assert "perioden slutter (2020) før den begynner (2027)" in str(info.value)
