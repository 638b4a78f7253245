"""URL query <-> view state: round trips, defaults, and hostile input dropped."""

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from dashapp.app.filters import (
    HIGH_CONFIDENCE,
    ViewState,
    from_controls,
    inverted_dates,
    parse_query,
    query_dates,
    to_query,
    view_filename,
    with_range,
    without_actors,
)
from dashapp.models import EventFilter

names = st.text(min_size=1, max_size=30).map(str.strip).filter(bool)
dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


@st.composite
def states(draw):
    d1, d2 = draw(st.none() | dates), draw(st.none() | dates)
    if d1 and d2 and d1 > d2:
        d1, d2 = d2, d1
    flt = EventFilter(
        actors=tuple(dict.fromkeys(draw(st.lists(names, max_size=4)))),
        include_affiliated=draw(st.booleans()),
        types=tuple(dict.fromkeys(draw(st.lists(names, max_size=3)))),
        date_from=d1,
        date_to=d2,
        articles=tuple(dict.fromkeys(draw(st.lists(names, max_size=3)))),
        min_confidence=draw(st.sampled_from([0.0, 0.5, 0.25, 1.0])),
        text=draw(st.text(max_size=40)).strip(),
    )
    window = draw(st.none() | st.tuples(dates, dates).map(lambda w: tuple(sorted(w))))
    return ViewState(
        filter=flt,
        lane=draw(st.sampled_from(["actor", "type"])),
        color=draw(st.sampled_from(["quad", "type"])),
        window=window,
    )


@given(states())
def test_query_round_trip(state):
    assert parse_query(to_query(state)) == state


def test_default_view_is_empty_query():
    assert to_query(ViewState()) == ""
    assert parse_query("") == ViewState()
    assert parse_query(None) == ViewState()


def test_example_query():
    s = parse_query(
        "?actor=Russia&actor=Ukraine&aff=1&type=FIGHT&from=2022-01-01"
        "&to=2021-12-01&conf=0.5&q=+talks+&lane=type&color=type"
    )
    assert s.filter.actors == ("Russia", "Ukraine")
    assert s.filter.include_affiliated
    assert s.filter.types == ("FIGHT",)
    # reversed dates are not swapped behind the user's back: neither applies (the page
    # shows them as given, with a message, as when typed)
    assert (s.filter.date_from, s.filter.date_to) == (None, None)
    assert query_dates("?from=2022-01-01&to=2021-12-01") == ("2022-01-01", "2021-12-01")
    assert query_dates("?from=2022-02-30") == ("", "")
    assert s.filter.min_confidence == 0.5
    assert s.filter.text == "talks"
    assert (s.lane, s.color) == ("type", "type")


def test_malformed_values_are_dropped():
    s = parse_query("?from=2022-02-30&to=yesterday&conf=nan&lane=<script>&color=x&aff=2")
    assert s == ViewState()
    assert parse_query("?conf=7").filter.min_confidence == 1.0


def test_controls_go_through_url_rules():
    s = from_controls(
        actors=["Russia"],
        affiliated=True,
        types=None,
        date_from="2022-01-01T00:00:00",
        date_to=None,
        articles=[],
        hide_low=True,
        text="  talks ",
        lane="type",
        color=None,
    )
    assert s.filter == EventFilter(
        actors=("Russia",),
        include_affiliated=True,
        date_from=date(2022, 1, 1),
        min_confidence=HIGH_CONFIDENCE,
        text="talks",
    )
    assert s.lane == "type" and s.color == "quad"


def test_facets_and_ranges():
    flt = EventFilter(
        actors=("Russia",), include_affiliated=True, types=("FIGHT",), date_from=date(2022, 1, 10)
    )
    assert without_actors(flt) == EventFilter(types=("FIGHT",), date_from=date(2022, 1, 10))
    narrowed = with_range(flt, date(2022, 1, 1), date(2022, 2, 1))
    assert (narrowed.date_from, narrowed.date_to) == (date(2022, 1, 10), date(2022, 2, 1))


def test_view_filename_is_safe():
    s = parse_query("?actor=../../etc/passwd&actor=Ukraine&from=2022-01-01&q=<b>x</b>")
    name = view_filename(s)
    assert "/" not in name and "<" not in name and not name.startswith(".")
    assert name.startswith("geotimeline_")
    assert "Ukraine" in name and "2022-01-01" in name


def test_hiding_low_confidence_dates_hides_the_ambiguous_readings_of_real_articles():
    """On events extracted from the development set, the option hides the readings the
    resolver calls ambiguous (a bare weekday with no tense cue, a future weekday that may
    be the one just past) and keeps every other event."""
    import io
    from pathlib import Path

    from dashapp.cli import load_articles
    from dashapp.pipeline import extract
    from dashapp.store import Store

    dev = Path(__file__).parent / "data" / "events_dev"
    articles, problems = load_articles([str(dev)], err=io.StringIO())
    assert articles and not problems
    ext = extract(articles)
    store = Store(None)
    try:
        store.add(ext)
        shown = from_controls(
            actors=None,
            affiliated=False,
            types=None,
            date_from=None,
            date_to=None,
            articles=None,
            hide_low=True,
            text=None,
            lane=None,
            color=None,
        )
        kept = {e.id for e in store.events(shown.filter)}
        every = {e.id for e in store.events()}
    finally:
        store.close()
    low = {e.id for e in ext.events if max(m.confidence for m in e.mentions) < HIGH_CONFIDENCE}
    assert kept == every - low
    assert 0 < len(low) < len(every) // 10  # some hidden, most kept
    hidden_why = [m.explanation for e in ext.events if e.id in low for m in e.mentions]
    assert any("no tense cue" in w or "future tense" in w for w in hidden_why), hidden_why


def test_inverted_dates():
    assert inverted_dates("2022-02-01", "2022-01-31")
    assert inverted_dates("2022-02-01T00:00:00", "2022-01-31")
    assert not inverted_dates("2022-01-31", "2022-01-31")
    assert not inverted_dates("2022-02-01", None)
    assert not inverted_dates("2022-02-01", "")
    assert not inverted_dates("2022-02-30", "2022-01-01")  # not a date: not inverted


def test_the_zoomed_window_round_trips_through_the_url():
    state = parse_query("?actor=Russia&zoom=2022-03-31/2022-01-01")
    assert state.window == (date(2022, 1, 1), date(2022, 3, 31))  # in order
    assert to_query(state) == "?actor=Russia&zoom=2022-01-01/2022-03-31"
    assert parse_query(to_query(state)) == state
    assert parse_query("?zoom=2022-01-01").window is None
    assert parse_query("?zoom=2022-01-01/2022-02-30").window is None
    assert parse_query("?zoom=x/y&zoom=2022-01-01/2022-01-02").window is None  # first only
    assert view_filename(state) == "geotimeline_Russia_zoom-2022-01-01-2022-03-31"


def test_the_file_name_of_an_affiliated_view_says_so():
    state = parse_query("?actor=Russia&aff=1&type=ASSAULT&from=2015-01-01&to=2019-12-31")
    assert view_filename(state) == (
        "geotimeline_Russia+affiliated_ASSAULT_from-2015-01-01_to-2019-12-31"
    )
    assert view_filename(parse_query("?actor=Russia&type=ASSAULT")) == (
        "geotimeline_Russia_ASSAULT"
    )
    assert view_filename(parse_query("?actor=Russia&actor=Ukraine&aff=1")) == (
        "geotimeline_Russia_Ukraine+affiliated"
    )
