"""Property-based tests of the whole extraction (tagging, resolution, actors, events) on
random news-like and hostile text: no crash, offsets inside the text, and every event's
dates consistent with the expressions it was built from."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashapp.models import Article
from dashapp.pipeline import extract_article
from dashapp.temporal import tag

# Pieces of news language that exercise every stage: dates of every kind, actors, triggers,
# clause punctuation, decoys, and noise.
PIECES = [
    "Biden",
    "Putin",
    "Zelensky",
    "Russia",
    "Ukraine's",
    "the Kremlin",
    "NATO chief",
    "Jens Stoltenberg",
    "US and Russian officials",
    "his Ukrainian counterpart",
    "he",
    "spoke",
    "met",
    "warned",
    "seized",
    "talks",
    "call",
    "said",
    "will meet",
    "are due to",
    "sanctions",
    "drills",
    "on",
    "in",
    "and",
    "that",
    "after",
    "if",
    "but",
    ",",
    ".",
    ";",
    " — ",
    "Thursday's",
    "Sundays",
    "on Friday",
    "January 9 and 10",
    "Jan. 9-10",
    "in 2014",
    "that same year",
    "two days later",
    "last week",
    "next month",
    "yesterday",
    "between March 15 and 17",
    "from 2014 to 2016",
    "Christmas Eve",
    "early 2020",
    "the 1990s",
    "Q3",
    "50-minute",
    "just over three weeks",
    "every Thursday",
    "now",
    "100,000 troops",
    "F-16",
    "Article 5",
    "Theresa May",
    "20221341",
    "9999",
    "0",
    "\n",
    "<script>alert(1)</script>",
    "’",
    "é",
    "\u200b",
]
WORD = st.sampled_from(PIECES)
TEXTS = st.lists(st.one_of(WORD, WORD, WORD, st.text(max_size=12)), max_size=80).map(" ".join)
DAYS = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=TEXTS, published=DAYS)
def test_extraction_never_fails_and_events_agree_with_their_expressions(body, published):
    if not body.strip():
        return
    article = Article("p", "t", published, "https://example.org", body)
    timexes, events = extract_article(article)
    for tx in timexes:
        assert 0 <= tx.start < tx.end <= len(body) and body[tx.start : tx.end] == tx.text
    by_span = {(tx.start, tx.end): tx for tx in tag(body, published)}
    for ev in events:
        assert ev.start <= ev.end and ev.actors
        assert ev.mentions
        inside = False
        for m in ev.mentions:
            assert m.article == "p"
            assert 0 <= m.start < m.end <= len(body) and body[m.start : m.end] == m.text
            assert m.sentence in body
            tx = by_span[(m.start, m.end)]
            assert tx.first is not None and tx.last is not None
            inside |= ev.start <= tx.first and tx.last <= ev.end
            if tx.range is not None:
                inside |= (ev.start, ev.end) == tx.range
        assert inside, (ev.value, [m.value for m in ev.mentions])
