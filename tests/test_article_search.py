"""Store.find_articles: the search behind the dashboard's article dropdowns (title, id or
date; newest first; a fixed number of answers; user text matched literally, never SQL)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashapp.models import Article, Extraction
from dashapp.store import Store

TITLES = {
    "kyiv1": ("Talks in Kyiv resume", date(2022, 1, 3)),
    "kyiv2": ("KYIV shelling: the morning after", date(2022, 2, 24)),
    "minsk": ("Minsk accords revisited", date(2021, 12, 30)),
    "pct": ("Turnout 100% in the vote", date(2022, 3, 1)),
    "under": ("snake_case titles and a_b tests", date(2022, 3, 2)),
    "quote": ('O\'Brien says "no"', date(2022, 3, 3)),
    "slash": ("Back\\slash and [brackets] (parens) {braces}", date(2022, 3, 4)),
    "empty": ("", date(2020, 5, 17)),
    "Kyiv": ("An id that is a word", date(2019, 1, 1)),
}


def _article(aid: str, title: str, published: date) -> Article:
    return Article(aid, title, published, f"https://example.org/{aid}", f"Body {aid}.", "test")


def _store(articles: list[Article]) -> Store:
    store = Store(None)
    store.add(Extraction(tuple(articles), {}, (), ()))
    return store


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    s = _store([_article(i, t, d) for i, (t, d) in TITLES.items()])
    yield s
    s.close()


def ids(rows) -> list[str]:
    return [r[0] for r in rows]


def test_title_matches_any_part_whatever_the_case(store: Store) -> None:
    assert ids(store.find_articles("kyiv")) == ["Kyiv", "kyiv2", "kyiv1"]
    assert ids(store.find_articles("KyIv ShElL")) == ["kyiv2"]
    assert ids(store.find_articles("accords")) == ["minsk"]
    assert ids(store.find_articles("  accords  ")) == ["minsk"]  # spaces around: ignored
    assert ids(store.find_articles("in kyiv")) == ["kyiv1"]
    assert store.find_articles("Body") == []  # the body is not searched
    assert store.find_articles("no such words") == []


def test_rows_are_id_title_and_date(store: Store) -> None:
    assert store.find_articles("minsk") == [
        ("minsk", "Minsk accords revisited", date(2021, 12, 30))
    ]


def test_id_matches_and_an_exact_id_comes_first(store: Store) -> None:
    assert ids(store.find_articles("under")) == ["under"]  # id only: the title lacks it
    assert ids(store.find_articles("msk")) == []
    assert ids(store.find_articles("insk")) == ["minsk"]
    # "kyiv" is exactly the id "Kyiv" (ids compared without case): first, although older
    assert store.find_articles("KYIV")[0][0] == "Kyiv"
    assert ids(store.find_articles("kyiv1")) == ["kyiv1"]
    assert ids(store.find_articles("empty")) == ["empty"]  # an untitled article, by id


def test_date_prefix_matches(store: Store) -> None:
    assert ids(store.find_articles("2022-03")) == ["slash", "quote", "under", "pct"]
    assert ids(store.find_articles("2022-03-0")) == ["slash", "quote", "under", "pct"]
    assert ids(store.find_articles("2022-01-03")) == ["kyiv1"]
    assert ids(store.find_articles("2021")) == ["minsk"]
    assert ids(store.find_articles("2020-05-17")) == ["empty"]
    assert store.find_articles("03-01") == []  # a prefix of the date, not any part
    assert store.find_articles("2023") == []


def test_empty_search_lists_the_newest_first(store: Store) -> None:
    every = ids(store.find_articles(""))
    by_date = sorted(TITLES, key=lambda i: TITLES[i][1], reverse=True)
    assert every == by_date
    assert ids(store.find_articles("   ")) == every
    assert ids(store.find_articles("", 3)) == by_date[:3]


def test_limit_keeps_the_newest_matches() -> None:
    start = date(2020, 1, 1)
    arts = [_article(f"n{i:03d}", f"News item {i}", start + timedelta(days=i)) for i in range(120)]
    # same day as n119, stored later: the latest stored comes first among equal dates
    arts.append(_article("late", "News item stored last", start + timedelta(days=119)))
    s = _store(arts)
    try:
        rows = s.find_articles("news item", 50)
        assert len(rows) == 50
        assert ids(rows)[:3] == ["late", "n119", "n118"]
        assert ids(rows)[-1] == "n071"
        assert [r[2] for r in rows] == sorted((r[2] for r in rows), reverse=True)
        assert len(s.find_articles("", 50)) == 50
        assert len(s.find_articles("news item 1", 5)) == 5
        assert s.find_articles("news", 0) == []
        assert ids(s.find_articles("item 7", 50)) == [
            f"n{i:03d}" for i in (79, 78, 77, 76, 75, 74, 73, 72, 71, 70, 7)
        ]
    finally:
        s.close()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("%", ["pct"]),
        ("100%", ["pct"]),
        ("_", ["under"]),
        ("a_b", ["under"]),
        ("'", ["quote"]),
        ("o'brien", ["quote"]),
        ('"no"', ["quote"]),
        ("\\", ["slash"]),
        ("[brackets]", ["slash"]),
        ("(parens) {braces}", ["slash"]),
        ("%%", []),
        ("k_iv", []),  # _ is no wildcard
        ("k%v", []),  # nor is %
        (".*", []),  # nor a regular expression
        ("' OR '1'='1", []),
        ("'; DROP TABLE articles; --", []),
        ("\x00", []),
    ],
)
def test_user_text_is_matched_literally(store: Store, text: str, expected: list[str]) -> None:
    assert ids(store.find_articles(text)) == expected
    assert len(store.find_articles("")) == len(TITLES)  # and nothing was dropped


def test_included_articles_follow_the_matches_once(store: Store) -> None:
    rows = store.find_articles("minsk", include=["pct", "minsk", "nope", "pct", "under"])
    assert ids(rows) == ["minsk", "pct", "under"]  # unknown ids left out, none twice
    assert rows[1] == ("pct", "Turnout 100% in the vote", date(2022, 3, 1))
    # the selection is kept whatever the limit (it is not among the matches)
    assert ids(store.find_articles("", 2, include=("minsk",))) == ["slash", "quote", "minsk"]
    assert ids(store.find_articles("zzz", include=("quote",))) == ["quote"]


# The same rules written in Python, on random titles and searches mixing cases, wildcards,
# quotes and digits.
_ALPHABET = "abAB _%'\\-0129"


@pytest.fixture(scope="module")
def random_store() -> Iterator[tuple[Store, list[Article]]]:
    import random

    rng = random.Random(7)
    arts = [
        _article(
            "".join(rng.choice("ab_%0") for _ in range(rng.randint(1, 3))) + f"-{i}",
            "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 12))),
            date(2020, 1, 1) + timedelta(days=rng.randint(0, 800)),
        )
        for i in range(200)
    ]
    s = _store(arts)
    yield s, arts
    s.close()


@settings(max_examples=150, deadline=None)
@given(text=st.text(alphabet=_ALPHABET, max_size=5), limit=st.integers(0, 60))
def test_matches_the_rules_written_in_python(random_store, text: str, limit: int) -> None:
    s, arts = random_store
    q = text.strip()
    found = [
        (seq, a)
        for seq, a in enumerate(arts)
        if q.lower() in a.title.lower()
        or q.lower() in a.id.lower()
        or a.date.isoformat().startswith(q)
    ]
    found.sort(key=lambda x: (x[1].id.lower() != q.lower(), -x[1].date.toordinal(), -x[0]))
    assert ids(s.find_articles(text, limit)) == [a.id for _, a in found[:limit]]
