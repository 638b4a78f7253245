"""Store: schema and migrations, idempotent writes, incremental merging, corrections and
the dashboard's filters, all on small hand-made records."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from unittest import mock

import duckdb
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashapp import store as store_mod
from dashapp.events import merge_all, same_happening
from dashapp.ingest import content_hash
from dashapp.models import (
    Actor,
    Article,
    Event,
    EventFilter,
    Extraction,
    Mention,
    Timex,
    search_form,
)
from dashapp.store import ArticleResult, SchemaError, Store
from dashapp.temporal.timex3 import interval

PUTIN = Actor("Vladimir Putin", "person", "Russia")
LAVROV = Actor("Sergei Lavrov", "person", "Russia")
RUSSIA = Actor("Russia", "country")
USA = Actor("United States", "country")
BIDEN = Actor("Joe Biden", "person", "United States")
ACTORS = (PUTIN, LAVROV, RUSSIA, USA, BIDEN)


def article(aid: str, published: date, body: str = "") -> Article:
    return Article(
        aid,
        f"Title {aid}",
        published,
        f"https://example.org/{aid}",
        body or f"Body of {aid}. Talks were held on Monday.",
        "test",
    )


def mention(aid: str, sentence: str, value: str = "2022-01-10", conf: float = 0.9) -> Mention:
    return Mention(aid, "Monday", 5, 11, "DATE", value, sentence, "weekday of the week", conf)


def event(
    eid: str,
    aid: str,
    *,
    type_: str = "CONSULT",
    day: date = date(2022, 1, 10),
    actors: tuple[str, ...] = ("Russia", "United States"),
    label: str = "talks",
    sentence: str = "Russia and the United States held talks.",
    conf: float = 0.9,
) -> Event:
    return Event(
        id=eid,
        label=label,
        type=type_,
        quad_class="verbal cooperation",
        start=day,
        end=day,
        value=day.isoformat(),
        granularity="day",
        actors=actors,
        mentions=(mention(aid, sentence, day.isoformat(), conf),),
        source=actors[0] if actors else None,
        target=actors[1] if len(actors) > 1 else None,
    )


def result(a: Article, *events: Event) -> ArticleResult:
    tx = (
        Timex(
            30,
            36,
            "Monday",
            "DATE",
            "2022-01-10",
            first=date(2022, 1, 10),
            last=date(2022, 1, 10),
            granularity="day",
            alternatives=("2022-01-03",),
            range=(date(2022, 1, 10), date(2022, 1, 11)),
        ),
    )
    return ArticleResult(a, tx, tuple(events), content_hash(a))


def dated(i: int, day: date, **event_fields) -> ArticleResult:
    """Article a{i}, published on `day`, with one event e{i} on that day."""
    return result(article(f"a{i}", day), event(f"e{i}", f"a{i}", day=day, **event_fields))


@pytest.fixture
def store() -> Store:
    s = Store(None)
    yield s
    s.close()


def test_roundtrip_article_timex_event(store: Store) -> None:
    a = article("a1", date(2022, 1, 9))
    rep = store.add_results([result(a, event("e1", "a1"))], ACTORS)
    assert rep.added == ("a1",)
    assert store.article("a1") == a
    assert store.articles() == [a]
    (tx,) = store.timexes("a1")
    assert tx.range == (date(2022, 1, 10), date(2022, 1, 11)) and tx.alternatives == ("2022-01-03",)
    ev = store.event("e1")
    assert ev == event("e1", "a1")
    assert store.event("nope") is None
    assert store.stats()["events"] == 1


def test_same_hash_is_skipped_and_changed_article_replaces(store: Store) -> None:
    a = article("a1", date(2022, 1, 9))
    store.add_results([result(a, event("e1", "a1"))], ACTORS)
    rep = store.add_results([result(a, event("e1", "a1"))], ACTORS)
    assert rep.skipped == ("a1",) and store.stats()["events"] == 1
    changed = replace(a, body="Now about sanctions on Tuesday.")
    rep = store.add_results(
        [result(changed, event("e9", "a1", type_="COERCE", label="sanctions"))], ACTORS
    )
    assert rep.replaced == ("a1",)
    assert [e.label for e in store.events()] == ["sanctions"]
    assert store.article("a1").body == changed.body
    assert store.stats()["mentions"] == 1


def test_cross_article_merge_is_incremental(store: Store) -> None:
    store.add_results([result(article("a1", date(2022, 1, 9)), event("e1", "a1"))], ACTORS)
    store.add_results([result(article("a2", date(2022, 1, 9)), event("e2", "a2"))], ACTORS)
    # other type: a separate event
    store.add_results(
        [result(article("a3", date(2022, 1, 9)), event("e3", "a3", type_="COERCE"))], ACTORS
    )
    evs = store.events()
    assert [e.id for e in evs] == ["e1", "e3"]
    merged = store.event("e1")
    assert merged.articles == 2
    assert {m.article for m in merged.mentions} == {"a1", "a2"}


def test_replacing_a_supporting_article_rebuilds_the_event(store: Store) -> None:
    store.add_results([result(article("a1", date(2022, 1, 9)), event("e1", "a1"))], ACTORS)
    store.add_results([result(article("a2", date(2022, 1, 9)), event("e2", "a2"))], ACTORS)
    a1b = replace(article("a1", date(2022, 1, 9)), body="Nothing happened.")
    store.add_results([result(a1b)], ACTORS)
    ev = store.event("e1")
    assert ev.articles == 1 and {m.article for m in ev.mentions} == {"a2"}
    assert store.remove_article("a2")
    assert store.events() == []
    assert not store.remove_article("a2")


def test_correction_persists_and_survives_merging_and_reingest(tmp_path) -> None:
    db = tmp_path / "g.duckdb"
    with Store(db) as s:
        s.add_results([result(article("a1", date(2022, 1, 9)), event("e1", "a1"))], ACTORS)
        fixed = s.correct_event(
            "e1", start=date(2022, 1, 11), end=date(2022, 1, 11), label="Geneva talks"
        )
        assert fixed.human and fixed.label == "Geneva talks" and fixed.start == date(2022, 1, 11)
        with pytest.raises(ValueError, match="unknown actor"):
            s.correct_event("e1", actors=("Atlantis",))
        with pytest.raises(KeyError):
            s.correct_event("nope", label="x")
    with Store(db) as s:  # persisted
        assert s.event("e1").human
        # a new supporting article merges into the corrected event; correction stays
        s.add_results([result(article("a2", date(2022, 1, 9)), event("e2", "a2"))], ACTORS)
        ev = s.event("e1")
        assert ev.articles == 2 and ev.label == "Geneva talks" and ev.human
        assert ev.start == date(2022, 1, 11)
        # the supporting article changes: event rebuilt from the other one, still corrected
        s.add_results([result(replace(article("a1", date(2022, 1, 9)), body="x y"))], ACTORS)
        ev = s.event("e1")
        assert ev.articles == 1 and ev.label == "Geneva talks" and ev.human
        s.correct_event("e1", actors=("Vladimir Putin",))
        assert s.event("e1").actors == ("Vladimir Putin",)
        assert s.event("e1").label == "Geneva talks"


def test_a_corrected_date_is_the_events_value_and_granularity(tmp_path) -> None:
    """QA9 9: a correction of the dates kept the machine's value and granularity: the
    details said '2023-09-23 (2023-09-30, day)', CSV and JSON gave start 2023-09-23 with
    value 2023-09-30, and a month's event set to one day stayed a 'month' (a band)."""
    db = tmp_path / "g.duckdb"
    month = replace(
        event("m1", "a1"),
        start=date(2022, 2, 1),
        end=date(2022, 2, 28),
        value="2022-02",
        granularity="month",
        approximate=True,
        other_dates=("2022-02-24", "2022-03"),
    )
    with Store(db) as s:
        s.add_results([result(article("a1", date(2022, 3, 9)), month, event("e1", "a1"))], ACTORS)
        # a label alone keeps the machine's date as it was read
        same = s.correct_event("m1", start=date(2022, 2, 1), end=date(2022, 2, 28), label="X")
        assert (same.value, same.granularity, same.approximate) == ("2022-02", "month", True)
        day = s.correct_event("m1", start=date(2022, 2, 24), end=date(2022, 2, 24))
        assert (day.value, day.granularity, day.approximate) == ("2022-02-24", "day", False)
        assert day.other_dates == ("2022-03",)  # the date set is no other date
        span = s.correct_event("e1", start=date(2022, 1, 10), end=date(2022, 1, 12))
        assert (span.value, span.granularity) == ("2022-01-10/2022-01-12", "range")
    with Store(db) as s:  # as stored, and as exported
        assert s.event("m1").value == "2022-02-24" and s.event("m1").granularity == "day"
        assert s.event("e1").value == "2022-01-10/2022-01-12"
        rows = {e.id: e for e in s.extraction().events}
        assert rows["e1"].value == "2022-01-10/2022-01-12" and rows["m1"].value == "2022-02-24"


def test_a_correction_sets_the_roles_and_never_leaves_one_outside_the_actors(tmp_path) -> None:
    """Source and target are corrected like the other fields ('' for none); a role that
    corrected actors no longer name goes; a role outside the actors is refused. They
    persist, and outlive a new supporting article (QA8 6)."""
    db = tmp_path / "g.duckdb"
    with Store(db) as s:
        s.add_results([result(article("a1", date(2022, 1, 9)), event("e1", "a1"))], ACTORS)
        assert (s.event("e1").source, s.event("e1").target) == ("Russia", "United States")
        fixed = s.correct_event("e1", source="United States", target="Russia")
        assert (fixed.source, fixed.target) == ("United States", "Russia") and fixed.human
        with pytest.raises(ValueError, match="not among the event's actors"):
            s.correct_event("e1", target="Vladimir Putin")
        with pytest.raises(ValueError, match="not among the event's actors"):
            s.correct_event("e1", actors=("Russia",), source="United States")
        dropped = s.correct_event("e1", actors=("Russia", "Vladimir Putin"))
        assert (dropped.source, dropped.target) == (None, "Russia")
        assert s.correct_event("e1", target="").target is None
    with Store(db) as s:
        s.add_results([result(article("a2", date(2022, 1, 9)), event("e2", "a2"))], ACTORS)
        ev = s.event("e1")
        assert ev.articles == 2 and (ev.source, ev.target) == (None, None)
        assert s.correct_event("e1", source="Vladimir Putin").source == "Vladimir Putin"


def test_filters_counts_and_aggregation(store: Store) -> None:
    rs = [
        result(
            article("a1", date(2022, 1, 9)),
            event(
                "e1",
                "a1",
                actors=("Vladimir Putin", "Joe Biden"),
                label="phone call",
                sentence="Putin called Biden.",
                conf=0.5,
            ),
        ),
        result(
            article("a2", date(2022, 2, 1)),
            event(
                "e2",
                "a2",
                type_="COERCE",
                day=date(2022, 2, 1),
                actors=("Russia",),
                label="sanctions",
                sentence="Russia was sanctioned.",
            ),
        ),
        result(
            article("a3", date(2022, 2, 20)),
            event(
                "e3",
                "a3",
                type_="FIGHT",
                day=date(2022, 2, 24),
                actors=("Sergei Lavrov", "United States"),
                label="invasion",
                sentence="Troops crossed the border.",
            ),
        ),
    ]
    store.add_results(rs, ACTORS)
    ids = lambda flt: [e.id for e in store.events(flt)]  # noqa: E731
    assert ids(EventFilter()) == ["e1", "e2", "e3"]
    assert ids(EventFilter(actors=("Russia",))) == ["e2"]
    assert ids(EventFilter(actors=("Russia",), include_affiliated=True)) == ["e1", "e2", "e3"]
    assert ids(EventFilter(types=("COERCE", "FIGHT"))) == ["e2", "e3"]
    assert ids(EventFilter(date_from=date(2022, 1, 15), date_to=date(2022, 2, 1))) == ["e2"]
    assert ids(EventFilter(articles=("a3",))) == ["e3"]
    assert ids(EventFilter(min_confidence=0.8)) == ["e2", "e3"]
    assert ids(EventFilter(text="BORDER")) == ["e3"]
    assert ids(EventFilter(text="sanction")) == ["e2"]
    assert store.count_events(EventFilter(types=("FIGHT",))) == 1
    assert store.events(limit=2)[-1].id == "e2"
    # pages: limit and offset (the dashboard's table)
    assert [e.id for e in store.events(limit=2, offset=1)] == ["e2", "e3"]
    assert [e.id for e in store.events(limit=2, offset=2)] == ["e3"]
    assert store.events(limit=2, offset=3) == []
    assert [e.id for e in store.events(EventFilter(min_confidence=0.8), offset=1)] == ["e3"]
    with pytest.raises(ValueError):
        store.events(offset=-1)
    counts = dict((a.name, n) for a, n in store.actor_counts())
    assert counts == {
        "Vladimir Putin": 1,
        "Joe Biden": 1,
        "Russia": 1,
        "Sergei Lavrov": 1,
        "United States": 1,
    }
    ((lavrov, _),) = [(a, n) for a, n in store.actor_counts() if a.name == "Sergei Lavrov"]
    assert lavrov == LAVROV
    assert store.type_counts() == [("COERCE", 1), ("CONSULT", 1), ("FIGHT", 1)]
    assert store.aggregate(EventFilter(), bucket="month", lane="type") == [
        (date(2022, 1, 1), "CONSULT", 1),
        (date(2022, 2, 1), "COERCE", 1),
        (date(2022, 2, 1), "FIGHT", 1),
    ]
    weeks = store.aggregate(EventFilter(actors=("Russia",), include_affiliated=True), bucket="week")
    assert (date(2022, 1, 10), "Vladimir Putin", 1) in weeks
    assert (date(2022, 2, 21), "United States", 1) in weeks
    with pytest.raises(ValueError):
        store.aggregate(EventFilter(), bucket="day")  # type: ignore[arg-type]


def test_extraction_roundtrip(store: Store) -> None:
    a1, a2 = article("a1", date(2022, 1, 9)), article("a2", date(2022, 1, 10))
    ex = Extraction(
        articles=(a1, a2),
        timexes={"a1": (), "a2": ()},
        events=(event("e1", "a1"), event("e2", "a2", type_="FIGHT")),
        actors=(RUSSIA, USA),
    )
    store.add(ex)
    out = store.extraction()
    assert out.articles == (a1, a2)
    assert out.events == ex.events
    assert set(out.actors) == {RUSSIA, USA}


def test_v1_database_opens_with_current_code(tmp_path) -> None:
    db = tmp_path / "old.duckdb"
    con = duckdb.connect(str(db))
    store_mod.migrate(con, target=1)
    # rows as release 1 wrote them: no confidence or search columns yet
    con.execute(
        "INSERT INTO articles VALUES ('a1', 'h', 'T', DATE '2022-01-09', NULL, 'u', 's', 'body', 1)"
    )
    con.execute("INSERT INTO actors VALUES ('Russia', 'country', NULL)")
    con.execute(
        "INSERT INTO events VALUES ('e1', 1, 'Old Talks', 'CONSULT', "
        "'verbal cooperation', DATE '2022-01-10', DATE '2022-01-10', '2022-01-10', "
        "'day', 'Russia', NULL, false, 1, [], false)"
    )
    con.execute("INSERT INTO event_actors VALUES ('e1', 0, 'Russia')")
    con.execute(
        "INSERT INTO mentions VALUES ('e1', 0, 'a1', 'Monday', 0, 6, 'DATE', "
        "'2022-01-10', 'The Talks began Monday.', 'weekday', 0.4)"
    )
    con.close()
    with Store(db) as s:
        assert s.schema_version() == store_mod.SCHEMA_VERSION
        assert [e.id for e in s.events(EventFilter(text="talks began"))] == ["e1"]
        assert s.events(EventFilter(min_confidence=0.5)) == []
        assert s.event("e1").mentions[0].confidence == 0.4
        assert s.events(EventFilter(actors=("Russia",)))[0].id == "e1"  # keys migrated
        # an event stored without contributions can still be corrected, and merged into
        fixed = s.correct_event("e1", label="Old talks, corrected")
        assert fixed.human and fixed.mentions == s.event("e1").mentions


def test_newer_database_is_refused(tmp_path) -> None:
    db = tmp_path / "new.duckdb"
    Store(db).close()
    con = duckdb.connect(str(db))
    con.execute("INSERT INTO schema_version VALUES (99, 'from the future')")
    con.close()
    with pytest.raises(SchemaError, match="newer"):
        Store(db)


def test_same_batch_merges_and_id_collisions(store: Store) -> None:
    # two articles in one transaction support the same happening; a third reuses an id
    rs = [
        result(article("a1", date(2022, 1, 9)), event("e1", "a1")),
        result(article("a2", date(2022, 1, 9)), event("e2", "a2")),
        result(article("a3", date(2022, 1, 9)), event("e1", "a3", type_="FIGHT")),
    ]
    store.add_results(rs, ACTORS)
    assert [e.id for e in store.events()] == ["e1", "e1~2"]
    assert store.event("e1").articles == 2


# ------------------------------------------------- incremental merging equals events.merge_all

# days on both sides of merge-index bucket boundaries, and before 1970 (negative day numbers)
_DAYS = [date(2022, 3, d) for d in (1, 2, 3, 4, 5, 10, 11)] + [
    date(1965, 7, 30),
    date(1965, 8, 1),
    date(1965, 8, 2),
]
_LABELS = ["talks", "strike"]
_NAMES = ["Russia", "United States", "Vladimir Putin"]


def _dated(day: date, span: int | str) -> tuple[date, date, str, str]:
    """(start, end, value, granularity) of an event on `day`: that day, a range of `span`
    more days, or the month or year that holds it."""
    if isinstance(span, str):
        value = day.isoformat()[: 7 if span == "month" else 4]
        start, end, granularity = interval(value)
        assert start is not None and end is not None and granularity == span
        return start, end, value, granularity
    end = day + timedelta(days=span)
    value = day.isoformat() if not span else f"{day.isoformat()}/{end.isoformat()}"
    return day, end, value, "day" if not span else "range"


@st.composite
def _events(draw) -> list[Event]:
    out = []
    for n in range(draw(st.integers(1, 9))):
        day = draw(st.sampled_from(_DAYS))
        # 300 days: a "long" event; a month or a year holds days of the others
        span = draw(st.sampled_from([0, 0, 5, 300, "month", "year"]))
        day, end, value, granularity = _dated(day, span)
        others = tuple(
            draw(
                st.lists(
                    st.sampled_from(["2022-03-01", "2022-03-11", "2022", "1965-08-01"]),
                    max_size=1,
                )
            )
        )
        actors = tuple(draw(st.lists(st.sampled_from(_NAMES), max_size=2, unique=True)))
        aid = f"a{n}"
        out.append(
            Event(
                id=f"e{n}",
                label=draw(st.sampled_from(_LABELS)),
                type=draw(st.sampled_from(["CONSULT", "FIGHT"])),
                quad_class="neutral",
                start=day,
                end=end,
                value=value,
                granularity=granularity,
                actors=actors,
                mentions=(mention(aid, f"sentence {n}", value),),
                source=actors[0] if actors else None,
                other_dates=others,
            )
        )
    return out


# how many stored events of one happening a merge loads per new event: the store's, and
# one (the others are loaded only when needed, the path that this makes common)
PER_EVENT = [store_mod.POOL_PER_EVENT, 1]


@pytest.mark.parametrize("per_event", PER_EVENT)
@settings(max_examples=60, deadline=None)
@given(evs=_events(), batch=st.integers(1, 4))
def test_incremental_merging_equals_merge_all(evs: list[Event], batch: int, per_event: int) -> None:
    """The SQL candidate search never hides a match from same_happening: merging article by
    article (in batches of any size) gives what events.merge_all gives on the whole list."""
    results = [result(article(e.mentions[0].article, date(2022, 3, 1)), e) for e in evs]
    with mock.patch.object(store_mod, "POOL_PER_EVENT", per_event), Store(None) as s:
        for i in range(0, len(results), batch):
            s.add_results(results[i : i + batch], ACTORS)
        assert s.events() == merge_all(evs)


def _span_event(eid: str, aid: str, start: date, end: date) -> Event:
    value = start.isoformat() if start == end else f"{start.isoformat()}/{end.isoformat()}"
    ev = event(eid, aid, day=start)
    return replace(
        ev,
        end=end,
        value=value,
        granularity="day" if start == end else "range",
        mentions=(replace(ev.mentions[0], value=value),),
    )


@pytest.mark.parametrize(
    ("first", "second"),
    [
        # a day apart across a merge-index bucket boundary (2022-03-04 | 2022-03-05)
        ((date(2022, 3, 4),) * 2, (date(2022, 3, 5),) * 2),
        ((date(2022, 3, 5),) * 2, (date(2022, 3, 4),) * 2),
        # before 1970, where day numbers are negative
        ((date(1965, 7, 31),) * 2, (date(1965, 8, 1),) * 2),
        # long ranges that overlap, the stored one starting months before the new one
        ((date(2021, 1, 1), date(2022, 6, 30)), (date(2022, 3, 10), date(2023, 1, 4))),
        ((date(2022, 3, 10), date(2023, 1, 4)), (date(2021, 1, 1), date(2022, 6, 30))),
        # ranges of a few weeks, one inside the other
        ((date(2022, 3, 1), date(2022, 3, 31)), (date(2022, 3, 20), date(2022, 3, 25))),
    ],
)
def test_merge_index_finds_stored_events_across_date_buckets(
    store: Store, first: tuple[date, date], second: tuple[date, date]
) -> None:
    """A stored event that same_happening accepts is found by the merge index whatever the
    date buckets of the two events."""
    one = _span_event("e1", "a1", *first)
    two = _span_event("e2", "a2", *second)
    assert same_happening(one, two)
    store.add_results([result(article("a1", date(2023, 2, 1)), one)], ACTORS)
    store.add_results([result(article("a2", date(2023, 2, 1)), two)], ACTORS)
    assert [e.id for e in store.events()] == ["e1"]
    assert store.event("e1").articles == 2


def test_merge_index_finds_an_event_indexed_after_the_same_dates_were_looked_up() -> None:
    """The pool index remembers the date bins it looked up for an interval; an event
    indexed later at a new bin level (a long range) is still found from that interval."""
    index = store_mod._PoolIndex()
    day = date(2022, 3, 10)
    index.add("short", _span_event("short", "a1", day, day))
    probe = _span_event("probe", "a2", day, day)
    assert index.candidates(probe) == {"short"}
    index.add("long", _span_event("long", "a3", date(2021, 11, 1), date(2022, 6, 30)))
    assert index.candidates(probe) == {"short", "long"}


def test_merge_index_keeps_the_few_events_of_a_token_small() -> None:
    """In a crowded corpus most tokens of the pool index hold a few events: they are kept
    in tuples (a set of two ids took 216 bytes, and 21 MB of a 1,024-article merge at
    100,000 articles of one decade); a token with many still finds them all, once each."""
    import tracemalloc

    days = [date(2022, 1, 1) + timedelta(days=k) for k in range(300)]
    events = [
        _span_event(f"e{k}-{n}", f"a{k}-{n}", day, day)
        for k, day in enumerate(days)
        for n in range(2)
    ]
    tracemalloc.start()
    try:
        index = store_mod._PoolIndex()
        before = tracemalloc.get_traced_memory()[0]
        for ev in events:
            index.add(ev.id, ev)
        size = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert size / len(events) < 450  # (866 bytes an event with sets, 252 with tuples)
    # twelve events of one day (more than a tuple keeps), each added twice
    crowd = [_span_event(f"c{n}", f"b{n}", days[0], days[0]) for n in range(12)]
    for ev in crowd + crowd:
        index.add(ev.id, ev)
    found = index.candidates(crowd[0])
    assert {ev.id for ev in crowd} <= found and {"e0-0", "e0-1"} <= found


def test_readding_extraction_skips_and_new_reference_date_replaces(store: Store) -> None:
    a1 = article("a1", date(2022, 1, 9))
    ex = Extraction(
        articles=(a1,), timexes={"a1": ()}, events=(event("e1", "a1"),), actors=(RUSSIA, USA)
    )
    store.add(ex)
    store.add(ex)  # the same again: nothing changes, no duplicate support
    assert store.stats()["mentions"] == 1
    assert store._con.execute("SELECT count(*) FROM contributions").fetchone()[0] == 1
    later = replace(a1, reference_date=date(2022, 1, 16))
    store.add(replace(ex, articles=(later,), events=(event("e1", "a1", day=date(2022, 1, 17)),)))
    (ev,) = store.events()
    assert (
        ev.start == date(2022, 1, 17) and store.article("a1").reference_date == later.reference_date
    )


def test_store_is_safe_to_share_between_threads(tmp_path) -> None:
    import threading

    s = Store(tmp_path / "t.duckdb")
    errors: list[BaseException] = []

    def reader() -> None:
        try:
            for _ in range(12):
                s.events(EventFilter(actors=("Russia",), include_affiliated=True))
                s.aggregate(EventFilter(), bucket="month")
                s.count_events()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=reader) for _ in range(4)]
    for t in threads:
        t.start()
    for i in range(12):
        s.add_results([result(article(f"a{i}", date(2022, 1, 9)), event(f"e{i}", f"a{i}"))], ACTORS)
    for t in threads:
        t.join()
    s.close()
    assert errors == []


def test_aggregate_counts_actorless_events_and_folds_lanes_in_sql(store: Store) -> None:
    from collections import Counter

    names = ["Russia", "United States", "Vladimir Putin", "Joe Biden", "Sergei Lavrov"]
    rs = []
    for i in range(40):
        actors = tuple(names[(i * k) % 5] for k in range(1 + i % 3) if i % 7)
        actors = tuple(dict.fromkeys(actors))
        day = date(2022, 1 + i % 4, 1 + i % 27)
        rs.append(
            dated(i, day, actors=actors, label=f"x{i}", type_="FIGHT" if i % 2 else "CONSULT")
        )
    store.add_results(rs, ACTORS)
    evs = store.events()
    month = lambda d: d.replace(day=1)  # noqa: E731
    lanes = lambda ev: ev.actors or ("",)  # noqa: E731
    plain = Counter((month(ev.start), lane) for ev in evs for lane in lanes(ev))
    assert sorted(store.aggregate(EventFilter(), bucket="month")) == sorted(
        (b, lane, n) for (b, lane), n in plain.items()
    )
    assert any(lane == "" for _, lane, _ in store.aggregate(EventFilter(), bucket="month"))
    for max_lanes in (2, 3, 6, 10):
        totals = Counter(lane for ev in evs for lane in lanes(ev))
        ranked = sorted(totals, key=lambda k: (k == "", -totals[k], k))
        kept = set(ranked if len(ranked) <= max_lanes else ranked[: max_lanes - 1])
        want: Counter = Counter()
        for ev in evs:
            own = [lane for lane in lanes(ev) if lane in kept]
            for lane in own or ["(other)"]:
                want[(month(ev.start), lane)] += 1
        got = store.aggregate(EventFilter(), bucket="month", max_lanes=max_lanes)
        assert sorted(got) == sorted((b, lane, n) for (b, lane), n in want.items()), max_lanes


# ------------------------------------------------- a growing event: append, never rewrite


def _rows(s: Store, table: str) -> set[str]:
    return {repr(r) for r in s._con.execute(f"SELECT rowid, * FROM {table}").fetchall()}


def test_a_growing_event_gains_rows_and_never_rewrites_them(tmp_path) -> None:
    """Article after article reports one happening, some with a second reading of the
    date, one with a new actor, one with more mentions than the event has: every write
    keeps the stored mention and actor rows as they are (same row ids, same values) and
    adds the new ones, and the event is what events.merge_all makes of all of them (the
    first report's label: a later one better attested does not relabel it)."""
    evs: list[Event] = []
    with Store(tmp_path / "g.duckdb") as s:
        for n in range(24):
            aid = f"a{n}"
            day = date(2022, 1, 11) if n % 3 == 2 else date(2022, 1, 10)
            ev = event(f"e{n}", aid, day=day, sentence=f"Talks, report number {n}.")
            if n == 0:
                ev = replace(ev, label="Geneva round")
            if n == 9:  # a new actor
                ev = replace(ev, actors=(*ev.actors, "Vladimir Putin"))
            if n == 1:  # better attested than the event so far, but not the first report
                extra = (mention(aid, "More talks.", ev.value), mention(aid, "Again.", ev.value))
                ev = replace(ev, label="summit", mentions=ev.mentions + extra)
            evs.append(ev)
            before = {t: _rows(s, t) for t in ("mentions", "event_actors", "contributions")}
            event_row = s._con.execute("SELECT rowid FROM events").fetchall()
            s.add_results([result(article(aid, date(2022, 1, 9)), ev)], ACTORS)
            for table, rows in before.items():
                assert rows <= _rows(s, table), (n, table)  # nothing rewritten or removed
            added = len(_rows(s, "mentions")) - len(before["mentions"])
            assert added == len(ev.mentions)
            # the events row is updated in place (a deleted and inserted row, as DuckDB
            # makes of a list value's update, would write the events' indexes)
            assert n == 0 or s._con.execute("SELECT rowid FROM events").fetchall() == event_row
            # what the event gains is under a chunk of its own, at the low end of the keys
            chunks = s._con.execute(
                "SELECT DISTINCT chunk FROM mentions WHERE article_id = ?", [aid]
            ).fetchall()
            assert chunks == ([(1,)] if n == 0 else [(-n,)]), n
            assert s._con.execute("SELECT count(*) FROM event_chunks").fetchone() == (n,)
        assert s.events() == merge_all(evs)
        (merged,) = s.events()
        assert merged.label == "Geneva round" and merged.articles == 24
        assert "Vladimir Putin" in merged.actors and merged.other_dates == ("2022-01-11",)
        # text search finds the label and any mention's sentence, in any case
        for text in ("GENEVA ROUND", "report number 17", "more talks"):
            assert s.count_events(EventFilter(text=text)) == 1, text
        for text in ("report number 99", "summit"):
            assert s.count_events(EventFilter(text=text)) == 0, text
        # the stored confidence and merge keys are those of the whole event
        row = s._con.execute("SELECT confidence, search FROM events").fetchone()
        assert row == (0.9, "geneva round")
        keys = s._con.execute("SELECT key FROM merge_keys ORDER BY key").fetchall()
        s._con.execute("DELETE FROM merge_keys")
        s._con.execute(store_mod._MERGE_KEYS_REBUILD[1])
        assert s._con.execute("SELECT key FROM merge_keys ORDER BY key").fetchall() == keys


def _mention_values() -> st.SearchStrategy[str]:
    return st.sampled_from(["2022-03-01", "2022-03-02", "2022-03-10", "2022-03-01/2022-03-03"])


@st.composite
def _rich_events(draw) -> list[Event]:
    """Events with one to three mentions of different date readings, so that which date
    is best supported, and which label is better attested, change as they merge."""
    out = []
    for n in range(draw(st.integers(1, 12))):
        aid = f"a{draw(st.integers(0, n))}" if draw(st.booleans()) else f"a{n}"
        values = draw(st.lists(_mention_values(), min_size=1, max_size=3))
        value = values[0]
        first = date.fromisoformat(value.split("/")[0])
        last = date.fromisoformat(value.split("/")[-1])
        actors = tuple(draw(st.lists(st.sampled_from(_NAMES), max_size=2, unique=True)))
        others = tuple(dict.fromkeys(v for v in values[1:] if v != value))
        out.append(
            Event(
                id=f"e{n}",
                label=draw(st.sampled_from(_LABELS)),
                type="CONSULT",
                quad_class="neutral",
                start=first,
                end=last,
                value=value,
                granularity="day" if first == last else "range",
                actors=actors,
                mentions=tuple(
                    mention(aid, f"sentence {n}.{k}", v, conf=0.1 * (k + 1))
                    for k, v in enumerate(values)
                ),
                source=actors[0] if actors else None,
                other_dates=others,
            )
        )
    return out


@pytest.mark.parametrize("per_event", PER_EVENT)
@settings(max_examples=60, deadline=None)
@given(evs=_rich_events(), batch=st.integers(1, 5))
def test_merging_by_counts_equals_merge_all(evs: list[Event], batch: int, per_event: int) -> None:
    """A stored event is merged into from its row and counts of its mentions (not its
    mentions): what it becomes is what events.merge_all makes of the whole list."""
    by_article: dict[str, list[Event]] = {}
    for ev in evs:
        by_article.setdefault(ev.mentions[0].article, []).append(ev)
    order = [e for aid in by_article for e in by_article[aid]]  # the store's order
    results = [result(article(aid, date(2022, 3, 1)), *es) for aid, es in by_article.items()]
    with mock.patch.object(store_mod, "POOL_PER_EVENT", per_event), Store(None) as s:
        for i in range(0, len(results), batch):
            s.add_results(results[i : i + batch], ACTORS)
        assert s.events() == merge_all(order)
        for ev in s.events():
            row = s._con.execute(
                "SELECT confidence, search FROM events WHERE id = ?", [ev.id]
            ).fetchone()
            assert row == (max(m.confidence for m in ev.mentions), ev.label.lower())


def test_merge_index_is_rebuilt_when_duckdb_hashes_differently(tmp_path) -> None:
    db = tmp_path / "g.duckdb"
    with Store(db) as s:
        s.add_results([result(article("a1", date(2022, 1, 9)), event("e1", "a1"))], ACTORS)
        keys = s._con.execute("SELECT * FROM merge_keys ORDER BY ALL").fetchall()
    con = duckdb.connect(str(db))  # as if written by a DuckDB whose hash() differs
    con.execute("UPDATE merge_keys SET key = key // 2")
    con.execute("UPDATE merge_keys_check SET value = value // 2")
    con.close()
    with Store(db) as s:
        assert s._con.execute("SELECT * FROM merge_keys ORDER BY ALL").fetchall() == keys
        s.add_results([result(article("a2", date(2022, 1, 9)), event("e2", "a2"))], ACTORS)
        assert [e.articles for e in s.events()] == [2]


def test_v4_database_opens_and_merges_with_current_code(tmp_path) -> None:
    db = tmp_path / "v4.duckdb"
    con = duckdb.connect(str(db))
    store_mod.migrate(con, target=4)
    # rows as release 4 wrote them: the search text of an event held every sentence
    con.execute(
        "INSERT INTO articles VALUES ('a1', 'h', 'T', DATE '2022-01-09', NULL, 'u', 's', 'b', 1)"
    )
    con.execute(
        "INSERT INTO events VALUES ('e1', 1, 'talks', 'CONSULT', 'verbal cooperation', "
        "DATE '2022-01-10', DATE '2022-01-10', '2022-01-10', 'day', 'Russia', "
        "'United States', false, 1, [], false, 0.9, "
        "'talks' || chr(10) || 'russia and the united states held talks.')"
    )
    con.execute("INSERT INTO event_actors VALUES ('e1', 0, 'Russia', 1)")
    con.execute("INSERT INTO event_actors VALUES ('e1', 1, 'United States', 1)")
    con.execute(
        "INSERT INTO mentions VALUES ('e1', 0, 'a1', 'Monday', 5, 11, 'DATE', '2022-01-10', "
        "'Russia and the United States held talks.', 'weekday of the week', 0.9, 1)"
    )
    con.close()
    with Store(db) as s:
        assert s.schema_version() == store_mod.SCHEMA_VERSION
        assert s.event("e1") == event("e1", "a1")
        assert s.count_events(EventFilter(text="held talks")) == 1
        assert s._con.execute("SELECT search FROM events").fetchall() == [("talks",)]
        # the migrated event is in the merge index: a new article joins it
        s.add_results([result(article("a2", date(2022, 1, 9)), event("e2", "a2"))], ACTORS)
        (ev,) = s.events()
        assert ev.id == "e1" and ev.articles == 2
        # and its actors are lanes of the month x actor aggregation
        assert s.aggregate(EventFilter(actors=("Russia",)), bucket="month") == [
            (date(2022, 1, 1), "Russia", 1),
            (date(2022, 1, 1), "United States", 1),
        ]


def test_reading_by_seq_lookup_and_by_scan_give_the_same_answers(tmp_path, monkeypatch) -> None:
    """Store._select_events reads small selections by seq lookups and large ones by a
    join, and a text filter's matches go into the query as a list or as a subquery when
    there are many: every answer must be the same on either side of those thresholds,
    and the same as filtering every event in Python."""
    names = ("Russia", "United States", "Vladimir Putin", "Joe Biden", "Sergei Lavrov")
    words = ("talks", "sanctions", "border clash", "phone call")
    rs = []
    for i in range(40):
        day = date(2022, 1, 1) + timedelta(days=(i * 7) % 90)
        who = (names[i % 5], names[(i * 3 + 1) % 5])
        rs.append(
            dated(
                i,
                day,
                type_=("CONSULT", "COERCE", "FIGHT")[i % 3],
                actors=who if who[0] != who[1] else who[:1],
                label=f"{words[i % 4]} {i}",
                sentence=f"Officials spoke of the {words[(i + 1) % 4]} on day {i}.",
            )
        )
    filters = [
        EventFilter(),
        EventFilter(text="talks"),
        EventFilter(text="TALKS", actors=("Russia",), include_affiliated=True),
        EventFilter(text="phone call", date_from=date(2022, 2, 1)),
        EventFilter(text="no such words"),
        EventFilter(types=("FIGHT",), text="clash"),
        EventFilter(actors=("Joe Biden",)),
    ]

    def answers(store: Store) -> list[object]:
        out: list[object] = []
        for flt in filters:
            out.append([e.id for e in store.events(flt)])
            out.append([e.id for e in store.events(flt, limit=5)])
            out.append([e.id for e in store.events(flt, limit=5, offset=4)])
            out.append([e.id for e in store.events(flt, offset=6)])
            out.append(store.count_events(flt))
            out.append(store.actor_counts(flt))
            out.append(store.type_counts(flt))
            out.append(store.aggregate(flt, bucket="month", lane="actor", max_lanes=3))
        return out

    with Store(tmp_path / "s.duckdb") as s:
        s.add_results(rs, ACTORS)
        everything = s.events()
        assert len(everything) == 40
        lookups = answers(s)  # every selection here is small: read by seq lookups
        monkeypatch.setattr(store_mod, "_INDEX_KEYS", 2)
        assert answers(s) == lookups  # the lookups by scans filtered by the seqs
        monkeypatch.setattr(store_mod, "_LOOKUP_ROWS", 3)
        monkeypatch.setattr(store_mod, "_TEXT_MATCHES", 2)
        assert answers(s) == lookups  # larger than both thresholds: joins and subqueries

    def wanted(flt: EventFilter) -> list[str]:
        text = search_form(flt.text)
        return [
            e.id
            for e in everything
            if (
                not text
                or text in search_form(e.label)
                or any(text in search_form(m.sentence) for m in e.mentions)
            )
            and (not flt.types or e.type in flt.types)
            and (flt.date_from is None or e.end >= flt.date_from)
        ]

    for i, flt in enumerate(filters):
        if not flt.actors:
            assert lookups[8 * i] == wanted(flt), flt
            assert lookups[8 * i + 1] == wanted(flt)[:5]
            assert lookups[8 * i + 2] == wanted(flt)[4:9]  # a page
            assert lookups[8 * i + 3] == wanted(flt)[6:]
    assert lookups[8 * 1] and lookups[8 * 4] == []  # the text filters select something


def _search_compression(con: duckdb.DuckDBPyConnection, table: str) -> str:
    (sql,) = con.execute("SELECT sql FROM duckdb_tables() WHERE table_name = ?", [table]).fetchone()
    (column,) = re.findall(r'"search" VARCHAR[^,]*', sql)
    return column


def _talks_rows(con: duckdb.DuckDBPyConnection, other_dates: str) -> None:
    """An article and its one event (talks, other dates the SQL `other_dates`) with its
    mention, as schemas 7 to 9 stored them."""
    con.execute(
        "INSERT INTO articles VALUES ('a1', 'h', 'T', DATE '2022-01-09', NULL, 'u', 's', 'b', 1)"
    )
    con.execute(
        "INSERT INTO events BY NAME SELECT 'e1' AS id, 1 AS seq, 'talks' AS label, "
        "'CONSULT' AS type, 'verbal cooperation' AS quad_class, DATE '2022-01-10' AS start, "
        "DATE '2022-01-10' AS \"end\", '2022-01-10' AS value, 'day' AS granularity, "
        "'Russia' AS source, 'United States' AS target, false AS approximate, 1 AS articles, "
        f"{other_dates} AS other_dates, false AS human, 0.9 AS confidence, 'talks' AS search, "
        "1 AS lane0, 2 AS lane1"
    )
    con.execute(
        "INSERT INTO mentions BY NAME SELECT 'e1' AS event_id, 0 AS ord, 'a1' AS article_id, "
        "'Monday' AS text, 5 AS start, 11 AS \"end\", 'DATE' AS type, '2022-01-10' AS value, "
        "'Russia and the United States held talks.' AS sentence, 'weekday' AS explanation, "
        "0.9 AS confidence, 1 AS event_seq, 'russia and the united states held talks.' AS search"
    )


def test_v7_database_gets_uncompressed_search_columns_and_keeps_its_text(tmp_path) -> None:
    db = tmp_path / "v7.duckdb"
    con = duckdb.connect(str(db))
    store_mod.migrate(con, target=7)
    assert "COMPRESSION" not in _search_compression(con, "mentions")
    _talks_rows(con, "[]::VARCHAR[]")
    con.close()
    with Store(db) as s:
        assert s.schema_version() == store_mod.SCHEMA_VERSION
        for table in ("events", "mentions"):
            assert "COMPRESSION Uncompressed" in _search_compression(s._con, table)
        assert s._con.execute("SELECT search FROM events").fetchall() == [("talks",)]
        assert s.count_events(EventFilter(text="held talks")) == 1
        assert s.count_events(EventFilter(text="talks")) == 1
        assert s.count_events(EventFilter(text="ceasefire")) == 0
        # a new event's row still gets its search text by name, in the moved column
        s.add_results([result(article("a2", date(2022, 3, 9)), event("e2", "a2"))], ACTORS)
        assert s.count_events(EventFilter(text="talks")) == 2


def test_v9_database_keeps_its_other_dates_and_grows_under_chunks(tmp_path) -> None:
    """Schema 10 stores other_dates as text and files actors and mentions by chunk: a
    v9 store's event keeps its other dates and rows, reads back whole, and a later
    article joins it with its rows under a new chunk."""
    db = tmp_path / "v9.duckdb"
    con = duckdb.connect(str(db))
    store_mod.migrate(con, target=9)
    _talks_rows(con, "['2022-01-11', '2022-01-10/2022-01-11']")
    for i, actor in enumerate(("Russia", "United States")):
        con.execute(f"INSERT INTO event_actors VALUES ('e1', {i}, '{actor}', 1)")
    # its merge keys, as a v9 writer made them (other_dates a list)
    con.execute(store_mod._merge_keys_insert(store_mod._merge_keys_from("e.other_dates")))
    con.close()
    with Store(db) as s:
        assert s.schema_version() == store_mod.SCHEMA_VERSION
        (old,) = s.events()
        assert old.other_dates == ("2022-01-11", "2022-01-10/2022-01-11")
        assert old.actors == ("Russia", "United States") and len(old.mentions) == 1
        s.add_results([result(article("a2", date(2022, 1, 9)), event("e2", "a2"))], ACTORS)
        (grown,) = s.events()
        assert grown.articles == 2 and {m.article for m in grown.mentions} == {"a1", "a2"}
        assert grown.other_dates == old.other_dates
        assert s._con.execute("SELECT event_seq, chunk FROM event_chunks").fetchall() == [(1, -1)]


def _column_sql(con: duckdb.DuckDBPyConnection, table: str, column: str) -> str:
    """A column's definition in its table's CREATE statement (its compression, NOT NULL)."""
    (sql,) = con.execute("SELECT sql FROM duckdb_tables() WHERE table_name = ?", [table]).fetchone()
    (found,) = re.findall(rf'"?{column}"? VARCHAR[^,)]*', sql)
    return found


def test_v11_database_gets_text_signatures_and_uncompressed_columns(tmp_path) -> None:
    """Schemas 12 to 14 store events.label, mentions.article_id and mentions.sentence
    uncompressed (still NOT NULL) and give every events and mentions row its text
    signature: a v11 store's event reads back whole, is found by its text, and grows."""
    db = tmp_path / "v11.duckdb"
    con = duckdb.connect(str(db))
    store_mod.migrate(con, target=11)
    _talks_rows(con, "''")
    con.execute("UPDATE mentions SET chunk = event_seq")
    for i, actor in enumerate(("Russia", "United States")):
        con.execute(f"INSERT INTO event_actors VALUES ('e1', {i}, '{actor}', 1, 1)")
    con.execute(store_mod._MERGE_KEYS_REBUILD[1])
    assert "Uncompressed" not in _column_sql(con, "events", "label")
    con.close()
    with Store(db) as s:
        assert s.schema_version() == store_mod.SCHEMA_VERSION
        for table, column in (
            ("events", "label"),
            ("mentions", "article_id"),
            ("mentions", "sentence"),
        ):
            assert "COMPRESSION Uncompressed" in _column_sql(s._con, table, column)
            assert "NOT NULL" in _column_sql(s._con, table, column)
        assert s._con.execute("SELECT count(*) FROM events WHERE sig0 IS NULL").fetchone() == (0,)
        assert s._con.execute("SELECT count(*) FROM mentions WHERE sig0 IS NULL").fetchone() == (0,)
        (old,) = s.events()
        assert old.label == "talks" and old.actors == ("Russia", "United States")
        assert old.mentions[0].sentence == "Russia and the United States held talks."
        assert s.count_events(EventFilter(text="held talks")) == 1
        assert s.count_events(EventFilter(text="alk")) == 1
        assert s.count_events(EventFilter(text="ceasefire")) == 0
        s.add_results([result(article("a2", date(2022, 1, 9)), event("e2", "a2"))], ACTORS)
        (grown,) = s.events()
        assert grown.articles == 2 and {m.article for m in grown.mentions} == {"a1", "a2"}
        with pytest.raises(duckdb.ConstraintException):
            s._con.execute("UPDATE events SET label = NULL")


_TEXTS = (
    "Russia and the United States held talks.",
    "Talks in Côte d'Ivoire",  # precomposed
    "Talks in Co\u0302te d'Ivoire",  # a combining mark
    "İstanbul summit",  # lower() makes two code points of the first
    "Ceasefire 🕊️ agreed in Kyiv",
    "Putin’s “red lines” in the Russia–Ukraine talks",  # typographic forms
    'Putin\'s "red lines" in the Russia-Ukraine talks',  # as typed
    "北京会谈",
    "a",
    "",
)


def test_text_search_takes_typographic_forms_as_typed(tmp_path) -> None:
    """ "Putin's" typed finds "Putin’s" in copy, and the other way round; so do quotes and
    dashes (QA8 5). A store of schema 14 gets its search texts folded on opening."""
    curly = "Putin’s “red lines” in the Russia–Ukraine talks"
    straight = 'Putin\'s "red lines" in the Russia-Ukraine talks'
    rs = [
        dated(1, date(2022, 1, 3), label="talks", sentence=curly),
        dated(2, date(2022, 1, 9), label="Lavrov’s remarks", sentence=straight),
        dated(3, date(2022, 1, 20), label="call", sentence="Biden's call"),
    ]
    db = tmp_path / "v14.duckdb"
    with Store(db) as s:
        s.add_results(rs, ACTORS)
    # back to schema 14: search texts lowercased with the typographic forms kept, and
    # the corrections without the roles of schema 16
    con = duckdb.connect(str(db))
    for table, text in (("mentions", "sentence"), ("events", "label")):
        con.execute(f"UPDATE {table} SET search = lower({text})")
        con.execute(store_mod._sig_update(table))
    for column in ("source", "target"):
        con.execute(f"ALTER TABLE corrections DROP COLUMN {column}")
    con.execute("DELETE FROM schema_version WHERE version > 14")
    con.close()
    with Store(db) as s:
        assert s.schema_version() == store_mod.SCHEMA_VERSION
        for q in ("Putin's", "PUTIN’S", "n's \"red", "“red lines”", "russia-ukraine", "a—u"):
            assert s.count_events(EventFilter(text=q)) == 2, q
        assert s.count_events(EventFilter(text="lavrov's")) == 1
        assert s.count_events(EventFilter(text="'s")) == 3
        s.add_results([dated(4, date(2022, 2, 1), label="x", sentence="Scholz’s visit")], ACTORS)
        assert s.count_events(EventFilter(text="scholz's")) == 1


def test_text_search_by_signatures_finds_what_contains_finds(tmp_path) -> None:
    """A text filter reads only the rows whose trigram signature has every trigram of
    the searched text: it must find exactly the events whose label or a sentence
    contains it (as Python's `in` on the texts as models.search_form folds them), for any
    text: short ones without a trigram, composed and combining characters, characters that
    lower() expands, other scripts, typographic and typed apostrophes, quotes and dashes;
    and rows a bulk loader left without a signature."""
    rs = [
        dated(
            i,
            date(2022, 1, 1) + timedelta(days=3 * i),
            label=_TEXTS[i % len(_TEXTS)] or "x",
            sentence=_TEXTS[(i * 3 + 1) % len(_TEXTS)],
        )
        for i in range(2 * len(_TEXTS))
    ]
    queries = {"ALKS", "o\u0302t", "ôt", "i̇stan", "İst", "🕊️ a", "京会", "a", "s.", "zz", " "}
    queries |= {"putin's", "Putin’s “red", 'n\'s "red lines"', "russia-ukraine", "a–u", "’"}
    for t in _TEXTS:
        queries |= {t[i : i + n] for i in range(len(t)) for n in (1, 2, 3, 5, 9)}
    with Store(tmp_path / "s.duckdb") as s:
        s.add_results(rs, ACTORS)
        everything = s.events()

        def wanted(text: str) -> int:
            text = search_form(text.strip())
            return sum(
                1
                for e in everything
                if text in search_form(e.label)
                or any(text in search_form(m.sentence) for m in e.mentions)
            )

        for q in sorted(queries):
            assert s.count_events(EventFilter(text=q)) == wanted(q), q
        # rows without a signature (a bulk loader's) are read whatever is searched
        for table in ("events", "mentions"):
            s._con.execute(
                f"UPDATE {table} SET {', '.join(f'{c} = NULL' for c in store_mod._SIG_COLUMNS)}"
            )
        for q in ("talks", "İst", "京会"):
            assert s.count_events(EventFilter(text=q)) == wanted(q), q
        s.rebuild_derived()  # gives them their signatures again
        assert s._con.execute("SELECT count(*) FROM mentions WHERE sig0 IS NULL").fetchone() == (0,)
        for q in ("talks", "İst", "京会"):
            assert s.count_events(EventFilter(text=q)) == wanted(q), q


def _stale_signatures(s: Store) -> list[int]:
    """How many events and mentions rows have a signature other than their text's."""
    differs = " OR ".join(f"t.{c} IS DISTINCT FROM f.{c}" for c in store_mod._SIG_COLUMNS)
    out = []
    for table in ("events", "mentions"):
        fresh = store_mod._sig_select(f"(SELECT rowid AS r, search FROM {table})")
        (n,) = s._con.execute(
            f"SELECT count(*) FROM {table} t JOIN ({fresh}) f ON f.r = t.rowid WHERE {differs}"
        ).fetchone()
        out.append(n)
    return out


def test_signatures_follow_every_write_of_a_search_text(tmp_path) -> None:
    """After merges, a label that changes as an event absorbs others, corrections and
    removals, every row's stored signature is the one its search text has."""
    with Store(tmp_path / "s.duckdb") as s:
        s.add_results([dated(1, date(2022, 1, 10), label="talks")], ACTORS)
        # told in a0, which comes before a1: the first report's label replaces the stored one
        two = event("e2", "a0", label="high-level talks in Geneva", sentence="In Geneva.")
        again = replace(two.mentions[0], start=40, end=46, sentence="Talks, Monday.")
        two = replace(two, mentions=(*two.mentions, again))
        s.add_results([result(article("a0", date(2022, 1, 9)), two)], ACTORS)
        assert [e.label for e in s.events()] == ["high-level talks in Geneva"]
        assert _stale_signatures(s) == [0, 0]
        assert s.count_events(EventFilter(text="level talks")) == 1
        s.add_results([dated(3, date(2022, 3, 10), label="sanctions")], ACTORS)
        (eid,) = [e.id for e in s.events() if e.start == date(2022, 3, 10)]
        s.correct_event(eid, label="Sanctions on Belarus")
        assert _stale_signatures(s) == [0, 0]
        assert s.count_events(EventFilter(text="on belarus")) == 1
        s.remove_article("a1")
        assert _stale_signatures(s) == [0, 0]
        assert s.count_events(EventFilter(text="in geneva")) == 1


# ------------------------------------------------- actor lanes (aggregation by lane ids)


def _aggregate_in_python(
    evs: list[Event], bucket: str, max_lanes: int | None
) -> list[tuple[date, str, int]]:
    """Store.aggregate's rule over events in Python."""
    from collections import Counter
    from datetime import timedelta

    def start(d: date) -> date:
        return d.replace(day=1) if bucket == "month" else d - timedelta(days=d.weekday())

    lanes = lambda ev: ev.actors or ("",)  # noqa: E731
    kept = None
    if max_lanes is not None:
        totals = Counter(lane for ev in evs for lane in lanes(ev))
        ranked = sorted(totals, key=lambda k: (k == "", -totals[k], k))
        kept = set(ranked if len(ranked) <= max_lanes else ranked[: max_lanes - 1])
    out: Counter = Counter()
    for ev in evs:
        own = [lane for lane in lanes(ev) if kept is None or lane in kept]
        for lane in own or ["(other)"]:
            out[(start(ev.start), lane)] += 1
    return sorted((b, lane, n) for (b, lane), n in out.items())


def test_actor_lanes_follow_merges_corrections_and_removals(tmp_path) -> None:
    """The lane ids the month x actor aggregation counts by stay in step with the events'
    actors when events gain actors (a third and fourth one), are corrected, or lose an
    article; and a bulk rebuild makes the same lanes."""
    names = ["Russia", "United States", "Vladimir Putin", "Joe Biden", "Sergei Lavrov"]
    with Store(tmp_path / "g.duckdb") as s:
        grows = [  # one happening, told with more and more actors; and a lone actor's
            ("Russia", "United States"),
            ("Russia", "Vladimir Putin"),
            ("United States", "Joe Biden"),
            ("Sergei Lavrov",),
            ("Sergei Lavrov", "Joe Biden"),
            (),
        ]
        for i, actors in enumerate(grows):
            day = date(2022, 3, 10 if i < 3 else 20 if i < 5 else 28)
            ev = event(f"g{i}", f"g{i}", day=day, actors=actors, label="talks")
            s.add_results([result(article(f"g{i}", date(2022, 3, 1)), ev)], ACTORS)
        assert [e.actors for e in s.events()] == [
            ("Russia", "United States", "Vladimir Putin", "Joe Biden"),
            ("Sergei Lavrov", "Joe Biden"),
            (),
        ]
        for i in range(30):
            actors = tuple(dict.fromkeys(names[(i * k + i // 3) % 5] for k in range(i % 4)))
            day = date(2022, 1 + i % 3, 1 + i % 5)
            ev = event(f"e{i}", f"a{i}", day=day, actors=actors, label=f"x{i % 4}")
            s.add_results([result(article(f"a{i}", date(2022, 1, 1)), ev)], ACTORS)
        s.correct_event(s.events()[0].id, actors=("Joe Biden", "Russia", "Sergei Lavrov"))
        s.remove_article("a7")
        assert max(len(e.actors) for e in s.events()) >= 3
        flts = [
            EventFilter(),
            EventFilter(actors=("Russia",)),
            EventFilter(actors=("Russia",), include_affiliated=True),
            EventFilter(actors=("Sergei Lavrov", "Joe Biden"), date_from=date(2022, 2, 1)),
        ]

        def check() -> None:
            for flt in flts:
                evs = s.events(flt)
                for bucket in ("month", "week"):
                    for max_lanes in (None, 2, 4, 10):
                        got = s.aggregate(flt, bucket=bucket, max_lanes=max_lanes)
                        assert sorted(got) == _aggregate_in_python(evs, bucket, max_lanes), (
                            flt,
                            bucket,
                            max_lanes,
                        )

        check()
        lanes = s._con.execute("SELECT seq, lane0, lane1 FROM events ORDER BY seq").fetchall()
        more = s._con.execute("SELECT * FROM event_lanes ORDER BY ALL").fetchall()
        s.rebuild_derived()
        names_of = dict(s._con.execute("SELECT id, name FROM lane_names").fetchall())
        again = s._con.execute("SELECT seq, lane0, lane1 FROM events ORDER BY seq").fetchall()
        named = lambda rows: [tuple(names_of.get(x, x) for x in r[1:]) for r in rows]  # noqa: E731
        assert named(again) == named(lanes)
        assert len(s._con.execute("SELECT * FROM event_lanes").fetchall()) == len(more)
        check()


def test_aggregate_by_type_folds_lanes(store: Store) -> None:
    types = ["FIGHT", "FIGHT", "FIGHT", "CONSULT", "CONSULT", "AID"]
    rs = [
        result(
            article(f"a{i}", date(2022, 1, 1)),
            event(f"e{i}", f"a{i}", type_=t, day=date(2022, 1 + i % 2, 3 + 4 * i)),
        )
        for i, t in enumerate(types)
    ]
    store.add_results(rs, ACTORS)
    assert len(store.events()) == 6
    assert store.aggregate(EventFilter(), bucket="month", lane="type", max_lanes=2) == [
        (date(2022, 1, 1), "(other)", 1),
        (date(2022, 1, 1), "FIGHT", 2),
        (date(2022, 2, 1), "(other)", 2),
        (date(2022, 2, 1), "FIGHT", 1),
    ]


def test_close_waits_for_calls_running_on_its_readers(tmp_path) -> None:
    """A server shutting down closes its store while its last requests may still be
    reading on the store's readers (cursors of its connection): close() waits for them
    instead of failing ("connection has an unfinished result") or cutting them off."""
    import threading
    import time

    from dashapp.pipeline import extract

    store = Store(tmp_path / "g.duckdb")
    text = "Russia and Ukraine held talks in Geneva on Monday."
    store.add(extract([Article("a", "T", date(2022, 1, 4), "u", text, "s")]))
    n = store.count_events()
    reader = store.reader()
    started, results = threading.Event(), []

    def slow_read() -> None:
        with reader._lock:  # as a call on the reader holds it while it runs
            started.set()
            time.sleep(0.5)
            results.append(reader.count_events())

    worker = threading.Thread(target=slow_read)
    worker.start()
    started.wait()
    store.close()  # must wait for the read
    worker.join()
    assert n > 0 and results == [n]
    with pytest.raises(duckdb.Error):
        reader.count_events()  # closed with its store


# ------------------------------------------------- the first report leads, whatever the order


def _reports() -> list[Event]:
    """Four articles' readings of one happening: different labels, targets and dates
    (a0 and a2 say the 10th, a1 and a3 the 11th: a tie, which a0's reading decides)."""
    out = []
    for n, (label, day, actors) in enumerate(
        [
            ("Russia seizes the port", date(2022, 1, 10), ("Russia", "Ukraine")),
            ("port seized", date(2022, 1, 11), ("Russia",)),
            ("Moscow takes the port", date(2022, 1, 10), ("Russia", "Crimea")),
            ("Russian troops seize the port", date(2022, 1, 11), ("Russia", "Ukraine")),
        ]
    ):
        out.append(event(f"e{n}", f"a{n}", type_="COERCE", day=day, actors=actors, label=label))
    return out


@pytest.mark.parametrize("order", [(0, 1, 2, 3), (3, 2, 1, 0), (2, 0, 3, 1), (1, 3, 0, 2)])
def test_a_merged_happening_reads_as_its_first_report_in_any_order(order) -> None:
    reports = _reports()
    (merged,) = merge_all([reports[i] for i in order])
    assert merged.label == "Russia seizes the port"  # a0's
    assert merged.value == "2022-01-10" and merged.other_dates == ("2022-01-11",)
    assert (merged.source, merged.target) == ("Russia", "Ukraine")
    assert merged.articles == 4 and set(merged.actors) == {"Russia", "Ukraine", "Crimea"}


def test_a_store_whose_first_report_was_replaced_reads_as_one_ingested_afresh(tmp_path) -> None:
    reports = _reports()

    def results(label0: str) -> list[ArticleResult]:
        out = []
        for n, ev in enumerate(reports):
            body = f"Body of a{n}." + (" Updated." if label0 != reports[0].label and n == 0 else "")
            if n == 0:
                ev = replace(ev, label=label0)
            out.append(result(article(f"a{n}", date(2022, 1, 12), body), ev))
        return out

    def seen(s: Store) -> list[tuple]:
        return [
            (e.label, e.value, e.other_dates, e.source, e.target, e.articles, sorted(e.actors))
            for e in s.events()
        ]

    with Store(tmp_path / "fresh.duckdb") as fresh:
        fresh.add_results(results(reports[0].label), ACTORS)
        want = seen(fresh)
    assert want[0][:2] == ("Russia seizes the port", "2022-01-10")
    with Store(tmp_path / "s.duckdb") as s:
        s.add_results(results(reports[0].label), ACTORS)
        assert seen(s) == want
        # a0 edited: its new reading leads (it is still the first report) ...
        s.add_results(results("Russia captures the port")[:1], ACTORS)
        assert seen(s)[0][0] == "Russia captures the port"
        # ... and restored, the store is as a fresh ingest of the same articles
        s.add_results(results(reports[0].label)[:1], ACTORS)
        assert seen(s) == want
        # a1 to a3 again, in another order, change nothing
        s.add_results(results(reports[0].label)[:0:-1], ACTORS)
        assert seen(s) == want
