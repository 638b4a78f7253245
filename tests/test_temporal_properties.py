"""Property-based robustness of dashapp.temporal.tag: random and adversarial text never breaks
the contract (no exception, offsets inside the text, text[start:end] == timex.text, sorted
and non-overlapping, valid TIMEX3 values)."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashapp.temporal import tag
from dashapp.temporal.timex3 import is_valid

WORDS = [
    "Monday",
    "Thursday's",
    "Sundays",
    "January",
    "Jan.",
    "May",
    "March",
    "march",
    "sat",
    "9",
    "10",
    "2014",
    "1990s",
    "'90s",
    "BC",
    "B.C.",
    "ago",
    "later",
    "earlier",
    "last",
    "next",
    "this",
    "that",
    "same",
    "year",
    "years",
    "week",
    "weekend",
    "days",
    "day",
    "the",
    "of",
    "and",
    "to",
    "-",
    "\u2013",
    ",",
    ".",
    "\n",
    "at",
    "8",
    "p.m.",
    "14:30",
    "GMT",
    "every",
    "weekly",
    "Christmas",
    "Eve",
    "New",
    "Year's",
    "Easter",
    "quarter",
    "first",
    "half",
    "spring",
    "fall",
    "winter",
    "just",
    "over",
    "three",
    "50-minute",
    "100,000",
    "F-16",
    "G7",
    "Resolution",
    "Article",
    "5",
    "percent",
    "now",
    "recently",
    "soon",
    "early",
    "mid-",
    "late",
    "century",
    "20th",
    "between",
    "from",
    "\u2019",
    "99999999999999999999",
    "0",
    "31",
    "32",
    "2099",
    "9999",
    "a",
    "an",
    "decade",
]
NOISE = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=0, max_size=40)
TOKEN = st.one_of(st.sampled_from(WORDS), NOISE, st.integers(-(10**30), 10**30).map(str))
TEXT = st.lists(TOKEN, max_size=60).map(" ".join)
DCT = st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)))


def check(text: str, dct: date | None, doc_type: str) -> None:
    timexes = tag(text, dct, doc_type=doc_type)  # type: ignore[arg-type]
    prev_end = 0
    for t in timexes:
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text
        assert t.start >= prev_end, "overlapping or unsorted"
        prev_end = t.end
        assert is_valid(t.value), t.value
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert 0.0 <= t.confidence <= 1.0
        assert all(is_valid(a) for a in t.alternatives)
        if t.first is not None:
            assert t.last is not None and t.first <= t.last
        if t.range is not None:
            assert t.range[0] <= t.range[1]


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT, DCT, st.sampled_from(["news", "narrative"]))
def test_random_and_adversarial_text(text: str, dct: date | None, doc_type: str) -> None:
    check(text, dct, doc_type)


@settings(max_examples=30, deadline=None)
@given(st.integers(1, 5000), st.sampled_from(["9", "Monday ", "January 9 and ", "'", "-1"]))
def test_long_runs(n: int, unit: str) -> None:
    check(unit * n, date(2022, 1, 3), "news")


def test_extreme_reference_dates() -> None:
    text = (
        "Yesterday, last week, next year, 3 days ago, next Friday, the 1990s, Christmas, last "
        "summer, this winter, next Easter, the first quarter, in June, on March 3, the 20th."
    )
    for dct in (date(1, 1, 1), date(1, 1, 2), date(9999, 12, 31), date(9999, 12, 30)):
        for doc_type in ("news", "narrative"):
            check(text, dct, doc_type)


def test_one_megabyte() -> None:
    block = (
        "On Thursday, January 9, 2022, some 100,000 troops moved; two days later the G7 met "
        "for 50 minutes at 14:30 GMT. Resolution 2231 was cited \u2014 in 2014 and again in "
        "2015 \u2014 every Thursday since the 1990s. \u00e9\u6f22\u5b57 \U0001f600 "
    )
    text = block * (2**20 // len(block) + 1)
    check(text, date(2022, 1, 10), "news")


def test_letters_ignorecase_folds_onto_ascii_never_break_the_tagger() -> None:
    # re.IGNORECASE matches "\u017f" (long s) as "s", the Kelvin sign as "k" and dotless
    # "\u0131" as "i": a word spelt with them may match a rule, whose handler must then
    # read it rather than raise ("3 hrs" with a long s raised KeyError)
    text = (
        "It took 3 hrs and five weeks; three days ago, on Thursday, this week, last spring, "
        "six minutes later, every Sunday, since 2014 and in the 1990s. The talks in "
        "Istanbul lasted six hours on Tuesday, 14 weeks before Christmas, twice a week."
    )
    dct = date(2022, 1, 3)
    for letter, odd in (("s", "\u017f"), ("k", "\u212a"), ("i", "\u0131"), ("I", "\u0130")):
        for doc_type in ("news", "narrative"):
            check(text.replace(letter, odd), dct, doc_type)
    (hours,) = [t for t in tag("It took 3 hr\u017f.", dct)]
    assert (hours.text, hours.value) == ("3 hr\u017f", "PT3H")
