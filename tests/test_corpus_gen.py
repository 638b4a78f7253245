"""The ingest benchmarks' corpus generator: seeded, and its archive mode spreads the
happenings over a span that grows with the corpus."""

from __future__ import annotations

import sys
from datetime import date
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus_gen  # noqa: E402


def _published(n: int, span: int, take: int = 1500) -> list[date]:
    return [
        date.fromisoformat(rec["date"])
        for rec in islice(corpus_gen.articles(n, seed=3, span=span), take)
    ]


def test_same_seed_same_articles():
    first = list(corpus_gen.articles(120, seed=3))
    assert first == list(corpus_gen.articles(120, seed=3))
    assert first != list(corpus_gen.articles(120, seed=4))
    assert len({rec["id"] for rec in first}) == 120


def test_default_corpus_stays_in_one_decade():
    days = _published(60_000, corpus_gen.DECADE)
    # published on the happening's day or up to 30 days after it
    assert min(days) >= date(2014, 1, 1)
    assert max(days) <= date(2024, 1, 31)


def test_archive_spans_a_decade_per_10000_articles():
    assert corpus_gen.archive_span(5_000) == corpus_gen.DECADE
    assert corpus_gen.archive_span(60_000) == 6 * corpus_gen.DECADE
    days = _published(60_000, corpus_gen.archive_span(60_000))
    assert min(days) < date(1980, 1, 1)  # the decade is not all it covers
    assert min(days) >= date(1964, 1, 1)  # six decades ending in 2023
    assert max(days) <= date(2024, 1, 31)
    # spread evenly: about one article in six reports a happening of the last decade, so
    # any decade has the happenings per day of the 10,000-article corpus
    last_decade = sum(d >= date(2014, 1, 1) for d in days) / len(days)
    assert 0.1 < last_decade < 0.25
