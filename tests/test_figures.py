"""Pure figure builders, on hand-made events."""

from dataclasses import replace
from datetime import date, datetime, timedelta

import plotly.graph_objects as go
import pytest

from dashapp.app.figures import (
    DAY_MS,
    MIN_SHOWN_DAYS,
    OTHER_LANE,
    FigureOptions,
    aggregate_figure,
    aggregate_spec,
    graph_config,
    hover_text,
    no_events_message,
    plain,
    stack_offsets,
    timeline_figure,
    wrap_plain,
)
from dashapp.models import Event, Mention


def ev(
    eid,
    start,
    end=None,
    *,
    actors=("Russia",),
    gran="day",
    approx=False,
    type_="FIGHT",
    quad="material conflict",
    label=None,
    sentence=None,
    text="Friday",
):
    end = end or start
    sentence = sentence or f"On {text} something happened ({eid})."
    m = Mention(
        article="a1",
        text=text,
        start=0,
        end=len(text),
        type="DATE",
        value=start.isoformat(),
        sentence=sentence,
        explanation="weekday before DCT",
    )
    return Event(
        id=eid,
        label=label or f"event {eid}",
        type=type_,
        quad_class=quad,
        start=start,
        end=end,
        value=start.isoformat(),
        granularity=gran,
        actors=tuple(actors),
        mentions=(m,),
        approximate=approx,
    )


def traces(fig, cls):
    """The traces of class `cls` that draw events (not the legend's swatches)."""
    return [t for t in fig.data if isinstance(t, cls) and list(t.x or ()) != [None]]


def test_day_marker_range_bar_year_band():
    events = [
        ev("d", date(2022, 1, 7)),
        ev("r", date(2022, 1, 9), date(2022, 1, 10), gran="range"),
        ev("y", date(2014, 1, 1), date(2014, 12, 31), gran="year"),
    ]
    fig = timeline_figure(events)
    scat = [t for t in traces(fig, go.Scatter) if t.mode == "markers" and t.customdata]
    assert [list(t.customdata) for t in scat] == [["d"]]
    bars = {t.customdata[0]: t for t in traces(fig, go.Bar)}
    # The year spans its whole 365 days, not a point on January 1st.
    assert bars["y"].base[0] == "2014-01-01" and bars["y"].x[0] == 365 * 86_400_000
    assert bars["r"].x[0] == 2 * 86_400_000
    assert bars["y"].opacity < bars["r"].marker.opacity  # a light band (the whole trace)
    assert fig.layout.xaxis.type == "date"


def test_approximate_is_marked():
    fig = timeline_figure(
        [
            ev("a", date(2022, 1, 7), approx=True),
            ev("b", date(2021, 3, 1), date(2021, 3, 31), gran="month", approx=True),
        ]
    )
    day = next(t for t in traces(fig, go.Scatter) if t.customdata)
    assert list(day.marker.symbol) == ["circle-open"]
    bar = traces(fig, go.Bar)[0]
    assert list(bar.marker.pattern.shape) == ["/"]
    assert any("approximate" in (t.name or "") for t in fig.data)


def test_same_day_same_lane_is_stacked_with_count():
    events = [ev(str(i), date(2022, 1, 7)) for i in range(4)]
    fig = timeline_figure(events)
    ys = [y for t in traces(fig, go.Scatter) if t.customdata for y in t.y]
    assert len(set(ys)) == 4
    counts = [t for t in traces(fig, go.Scatter) if t.mode == "text"]
    assert list(counts[0].text) == ["×4"]
    assert stack_offsets(1) == [0.0]
    assert abs(sum(stack_offsets(5))) < 1e-9


def test_lanes_by_actor_and_by_type_and_legend_colours():
    events = [
        ev("1", date(2022, 1, 1), actors=("Russia", "Ukraine")),
        ev("2", date(2022, 1, 2), actors=(), type_="CONSULT", quad="verbal cooperation"),
    ]
    fig = timeline_figure(events)
    assert list(fig.layout.yaxis.ticktext) == ["Russia", "Ukraine", "(no actor)"]
    assert {t.name for t in fig.data if t.showlegend} == {"material conflict", "verbal cooperation"}
    by_type = timeline_figure(events, FigureOptions(lane="type", color="type"))
    assert sorted(by_type.layout.yaxis.ticktext) == ["CONSULT", "FIGHT"]
    assert {t.name for t in by_type.data if t.showlegend} == {"CONSULT", "FIGHT"}


def test_too_many_lanes_share_other():
    events = [ev(str(i), date(2022, 1, 1 + i), actors=(f"A{i:02d}",)) for i in range(25)]
    fig = timeline_figure(events, FigureOptions(max_lanes=5))
    assert len(fig.layout.yaxis.ticktext) == 5
    assert fig.layout.yaxis.ticktext[-1] == OTHER_LANE


def test_no_empty_other_lane_when_every_event_has_a_lane():
    """QA9 1: more actors than lanes, but each event shares an actor that has a lane (a
    crisis whose minor figures all act with a main party): the last lane was an empty
    "(other)" lane; it goes to the next busiest actor instead."""
    events = [ev(str(i), date(2022, 1, 1 + i), actors=("Russia", f"A{i:02d}")) for i in range(8)]
    fig = timeline_figure(events, FigureOptions(max_lanes=5))
    lanes = list(fig.layout.yaxis.ticktext)
    assert OTHER_LANE not in lanes
    assert lanes == ["Russia", "A00", "A01", "A02", "A03"]
    # an event none of whose actors has a lane still goes to "(other)"
    lone = [*events, ev("z", date(2022, 2, 1), actors=("Zed",))]
    assert timeline_figure(lone, FigureOptions(max_lanes=5)).layout.yaxis.ticktext[-1] == (
        OTHER_LANE
    )


def test_hover_content_and_escaping():
    hostile = 'Attack <script>alert(1)</script> <a href="javascript:alert(2)">x</a> <b>b</b>'
    e = ev(
        "h",
        date(2022, 1, 7),
        label="<img src=x onerror=alert(3)>",
        sentence=hostile + " on Friday.",
        text="Friday",
    )
    text = hover_text(e)
    assert "<script" not in text and "<a " not in text and "<img" not in text
    assert "&lt;script&gt;" in text and "&lt;img" in text
    assert "<b>Friday</b>" in text  # the expression is highlighted
    assert "2022-01-07" in text and "FIGHT" in text and "Russia" in text
    assert "Supporting articles: 1" in text
    assert "“Friday”" in text  # as written


def test_long_tokens_are_cut():
    out = wrap_plain("x" * 500 + " end", width=72)
    assert all(len(line) <= 72 for line in out.split("<br>"))
    assert plain("a&b") == "a&amp;b"


def test_aggregate_figure_counts():
    rows = [
        (date(2022, 1, 3), "Russia", 40),
        (date(2022, 1, 10), "Russia", 2),
        (date(2022, 1, 3), "Ukraine", 9),
    ]
    fig = aggregate_figure(rows, bucket="week", total=51)
    (t,) = fig.data
    assert sorted(t.marker.color) == [2, 9, 40]
    assert any("40 events" in h for h in t.hovertext)
    assert "51 events" in fig.layout.annotations[0].text


def test_aggregate_markers_read_well_and_zoom_into_their_bucket():
    rows = [
        (date(2006, 1, 1), "Russia", 12),
        (date(2006, 2, 1), "Russia", 1),
        (date(2006, 12, 1), "Ukraine", 30),
    ]
    spec = aggregate_spec(rows, bucket="month", total=43)
    (t,) = spec["data"]
    hover = dict(zip(t["marker"]["color"], t["hovertext"], strict=True))
    assert hover[12].startswith("<b>2006-01 · Russia: 12 events</b>")
    assert hover[1].startswith("<b>2006-02 · Russia: 1 event</b>")
    spans = dict(zip(t["marker"]["color"], t["customdata"], strict=True))
    assert spans[12] == ["2006-01-01", "2006-01-31"] and spans[30] == ["2006-12-01", "2006-12-31"]
    # more events: darker (lower luminance) along the colour scale, none white
    scale = t["marker"]["colorscale"]

    def luminance(hex_colour: str) -> float:
        r, g, b = (int(hex_colour[i : i + 2], 16) for i in (1, 3, 5))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    lums = [luminance(c) for _, c in scale]
    assert lums == sorted(lums, reverse=True) and lums[0] < 230
    assert t["marker"]["cmin"] == 0 and t["marker"]["cmax"] == 30
    # the Colour option has no say over counts: the note says so
    assert "Colour option applies to single events" in spec["layout"]["annotations"][0]["text"]
    week = aggregate_spec([(date(2022, 1, 3), "Russia", 2)], bucket="week")
    assert week["data"][0]["hovertext"][0].startswith("<b>week of 2022-01-03 · Russia: 2 events")
    assert week["data"][0]["customdata"] == [["2022-01-03", "2022-01-09"]]


def test_empty_and_config():
    fig = timeline_figure([])
    assert "No events" in fig.layout.annotations[0].text
    cfg = graph_config("geotimeline_Russia")
    assert cfg["showSendToCloud"] is False
    assert cfg["toImageButtonOptions"]["filename"] == "geotimeline_Russia"
    assert "toImage" not in cfg["modeBarButtonsToRemove"]


def test_title_is_escaped():
    fig = timeline_figure([ev("1", date(2022, 1, 1))], FigureOptions(title="<i>T</i>"))
    assert fig.layout.title.text == "&lt;i&gt;T&lt;/i&gt;"


def test_dates_are_days_so_the_x_axis_never_ticks_hours():
    two_days = [ev("a", date(2022, 1, 7)), ev("b", date(2022, 1, 8))]
    for fig in (
        timeline_figure(two_days),  # e.g. an article filter: the events span two days
        timeline_figure(
            [ev("c", date(2020, 3, 1))], FigureOptions(x_range=(date(2022, 1, 7), date(2022, 1, 8)))
        ),
    ):
        xaxis = fig.layout.xaxis
        assert xaxis.dtick == DAY_MS and xaxis.tickmode == "linear"
        # zoomed in further on the page, a tick is labelled with its day, not an hour
        (stop,) = xaxis.tickformatstops
        assert list(stop.dtickrange) == [None, DAY_MS] and "%H" not in stop.value
    # a long view keeps plotly's own ticks (weeks, months, years)
    long = timeline_figure([ev("a", date(2022, 1, 7)), ev("b", date(2022, 5, 8))])
    assert long.layout.xaxis.dtick is None and long.layout.xaxis.tickformatstops


def test_each_colour_has_one_plain_legend_swatch():
    # an approximate band drawn first must not make its colour's swatch hatched
    fig = timeline_figure(
        [
            ev("b", date(2021, 3, 1), date(2021, 3, 31), gran="month", approx=True),
            ev("d", date(2021, 3, 5)),
        ]
    )
    swatches = [t for t in fig.data if t.showlegend and t.name == "material conflict"]
    assert len(swatches) == 1
    assert not (swatches[0].marker.pattern and swatches[0].marker.pattern.shape)


def test_static_pictures_label_events_where_there_is_room():
    far = [
        ev("a", date(2022, 1, 3), label="Russia attacks Kyiv"),
        ev("b", date(2022, 6, 1), label="Talks in Istanbul"),
    ]
    # a third mark a day after the first: the first's label would cover it
    crowded = [*far, ev("c", date(2022, 1, 4), label="Another attack")]
    same_day = [*far, replace(ev("s", date(2022, 6, 1), label="Second on the day"), articles=3)]

    def labels(events, **kw):
        fig = timeline_figure(events, FigureOptions(width=1600, **kw))
        text = [t for t in fig.data if t.name == "labels"]
        return sorted(text[0].text) if text else []

    assert labels(far) == []  # the dashboard: hover says what a dot is
    assert labels(far, labels=True) == ["Russia attacks Kyiv", "Talks in Istanbul"]
    assert labels(crowded, labels=True) == ["Another attack", "Talks in Istanbul"]
    # events stacked on a day carry their count, and after it the label of the one more
    # articles report
    assert labels(same_day, labels=True) == ["Russia attacks Kyiv", "Second on the day"]
    # (whichever of them that is)
    same_day[1] = replace(same_day[1], articles=5)
    assert labels(same_day, labels=True) == ["Russia attacks Kyiv", "Talks in Istanbul"]
    # a long label is cut
    # a long label is written up to 48 characters where there is room, else cut to 30
    long = [ev("l", date(2022, 1, 3), label="A" * 60), ev("z", date(2022, 12, 1))]
    assert [len(t) for t in labels(long, labels=True)] == [48, len("Event z")]
    near = [*long, ev("n", date(2022, 2, 20))]  # 48 characters would run over its mark
    assert sorted(len(t) for t in labels(near, labels=True)) == [len("Event n"), len("Event z"), 30]
    # a label that would cover the next mark goes left of its own where there is room
    mid = [*far, ev("m", date(2022, 3, 1), label="Ceasefire"), ev("n", date(2022, 3, 2))]
    fig = timeline_figure(mid, FigureOptions(width=1600, labels=True))
    (text,) = [t for t in fig.data if t.name == "labels"]
    assert {"Ceasefire", "event n"} <= set(text.text)
    assert text.x[list(text.text).index("Ceasefire")] < "2022-03-01"
    # a range is labelled after its bar, not over it
    bar = [ev("r", date(2022, 1, 3), date(2022, 2, 20), gran="range", label="Talks"), *far[1:]]
    fig = timeline_figure(bar, FigureOptions(width=1600, labels=True))
    (text,) = [t for t in fig.data if t.name == "labels"]
    assert "Talks" in text.text and text.x[list(text.text).index("Talks")] > "2022-02-20"


def _when(x: str) -> datetime:
    """A plotly date ("2022-01-07", "2022-01-07 12:00", "2022-01-07T12:00:00")."""
    return datetime.fromisoformat(str(x).replace(" ", "T"))


def _picture(events, **kw):
    """A static picture's figure (as exports draw it): its x range, day marks, labels."""
    fig = timeline_figure(events, FigureOptions(width=1600, height=900, labels=True, **kw))
    lo, hi = (_when(x) for x in fig.layout.xaxis.range)
    marks = [
        _when(x)
        for t in traces(fig, go.Scatter)
        if t.mode == "markers" and t.customdata
        for x in t.x
    ]
    (labels,) = [t for t in fig.data if t.name == "labels"] or [None]
    return lo, hi, marks, labels


@pytest.mark.parametrize(
    "events",
    [
        [ev("a", date(2025, 7, 23), label="Thailand expels Cambodian diplomats")],
        [  # two on one day, stacked (QA8 4: p5.txt)
            ev("a", date(2025, 7, 24), label="Cambodia attack on Thailand"),
            ev("b", date(2025, 7, 24), label="Thailand attack on Cambodia"),
        ],
        [ev("a", date(2025, 7, 23), label="Talks"), ev("b", date(2025, 7, 24), label="Ceasefire")],
    ],
    ids=["one", "stack", "two-days"],
)
def test_a_short_span_is_padded_so_marks_and_labels_sit_inside(events):
    # QA8 4: one day's events gave a zero-width span; the picture's axis was minutes wide,
    # its marks on the left edge and their labels cut off at the right
    lo, hi, marks, labels = _picture(events)
    assert hi - lo >= timedelta(days=MIN_SHOWN_DAYS) - timedelta(seconds=1)
    # the marks in the middle of the picture, not on an edge
    middle = lo + (hi - lo) / 2
    assert all(abs(m - middle) <= timedelta(days=1) for m in marks), (lo, hi, marks)
    # every event labelled, beside its mark and well inside the picture
    assert labels is not None and len(labels.text) == len(events)
    for x in labels.x:
        assert lo + timedelta(days=1) < _when(x) < hi - timedelta(days=1)
        assert min(abs(_when(x) - m) for m in marks) < timedelta(hours=12)


def test_the_screen_shows_a_short_span_padded_as_the_picture_does():
    one = [ev("a", date(2025, 7, 23))]
    xaxis = timeline_figure(one).layout.xaxis
    # the dashboard keeps plotly's autorange (a double click returns to it), around the
    # days the picture shows
    assert xaxis.range is None
    lo, hi = (_when(x) for x in xaxis.autorangeoptions.include)
    assert (lo, hi) == (datetime(2025, 7, 20), datetime(2025, 7, 26, 23, 59, 59, 999000))
    # a tick a day, under its marks (the middle of the day)
    assert _when(xaxis.tick0).hour == 12 and xaxis.dtick == DAY_MS
    # a long span is left to plotly
    long = timeline_figure([*one, ev("b", date(2025, 9, 1))]).layout.xaxis
    assert long.autorangeoptions.include is None and long.range is None


def test_a_one_day_window_has_its_marks_inside_and_labels_what_overlaps_it():
    # QA8 4: From = To = 2022-02-24: the day's marks were cut in half on the left edge,
    # the month and year events that overlap the day were unlabelled full-width bands
    events = [
        ev("d", date(2022, 2, 24), actors=("Russia", "Ukraine"), label="Russia invades Ukraine"),
        ev("m", date(2022, 2, 1), date(2022, 2, 28), gran="month", label="Putin visits Beijing"),
        ev("y", date(2022, 1, 1), date(2022, 12, 31), gran="year", label="Military parade"),
        ev("r", date(2022, 2, 20), date(2022, 2, 24), gran="range", label="Drills end"),
        ev("o", date(2022, 1, 3), label="Out of view"),
    ]
    # their lanes as in QA8's rich/ set
    lanes = {"m": ("Vladimir Putin", "China"), "y": ("Vladimir Putin", "Russia"), "r": ("Belarus",)}
    events = [replace(e, actors=lanes.get(e.id, e.actors)) for e in events]
    day = date(2022, 2, 24)
    lo, hi, marks, labels = _picture(events, x_range=(day, day))
    # the window is the day, whole, as a relayout reports it back
    assert (lo, hi) == (datetime(2022, 2, 24), datetime(2022, 2, 24, 23, 59, 59, 999000))
    inside = [m for m in marks if lo <= m <= hi]
    assert inside and all(abs(m - (lo + (hi - lo) / 2)) < timedelta(hours=1) for m in inside)
    shown = dict(zip(labels.text, labels.x, strict=True))
    assert {"Russia invades Ukraine", "Putin visits Beijing", "Military parade"} <= set(shown)
    assert "Out of view" not in shown
    assert all(lo < _when(x) < hi for x in shown.values())


def test_an_empty_view_says_why_and_makes_up_no_dates():
    # QA8 10: an empty store said "No events match the current filters" over a
    # year-2000 axis, with no filter set
    assert no_events_message(False, False) == "No articles yet.\nAdd one under “Add an article”."
    assert no_events_message(False, False, hint=False) == "No articles yet."  # a picture
    assert no_events_message(True, False) == "No dated events found in the articles."
    assert no_events_message(True, True) == "No events match the current filters."
    fig = timeline_figure([], empty=no_events_message(False, False))
    (note,) = fig.layout.annotations
    assert note.text == "No articles yet.<br>Add one under “Add an article”."
    assert fig.layout.xaxis.visible is False and fig.layout.yaxis.visible is False
    # a window names its days: they stay on the axis of a view it leaves empty
    day = date(2022, 2, 24)
    windowed = timeline_figure([], FigureOptions(x_range=(day, day))).layout.xaxis
    assert windowed.visible is not False and windowed.range[0] == "2022-02-24"


def test_a_bar_that_fills_the_window_is_labelled_over_it():
    # QA9 7: From = To = 2023-09-20: 'police detaining demonstrators on Wednesday and
    # Thursday' (09-20/09-21) and a week ('Last week') ran past the window's right edge,
    # and a range ending on its last day filled it: their labels fitted neither after
    # the bar nor before it, and the picture showed bars no one could name
    day = date(2023, 9, 20)
    events = [
        ev("d", day, actors=("Russia",), label="Ceasefire agreed"),
        ev("r", day, date(2023, 9, 21), gran="range", actors=("Armenia",), label="Police detain"),
        ev("w", date(2023, 9, 18), date(2023, 9, 24), gran="week", actors=("EU",), label="EU"),
        ev("e", date(2023, 9, 17), day, gran="range", actors=("Iran",), label="Drills end"),
    ]
    fig = timeline_figure(events, FigureOptions(width=1600, labels=True, x_range=(day, day)))
    (labels,) = [t for t in fig.data if t.name == "labels"]
    assert set(labels.text) == {"Ceasefire agreed", "Police detain", "EU", "Drills end"}
    lo, hi = datetime(2023, 9, 20), datetime(2023, 9, 21)
    assert all(lo < _when(x) < hi for x in labels.x), labels.x
    # a bar with room after it is still labelled there, not over itself
    wide = timeline_figure(events, FigureOptions(width=1600, labels=True))
    (labels,) = [t for t in wide.data if t.name == "labels"]
    shown = dict(zip(labels.text, labels.x, strict=True))
    assert _when(shown["Police detain"]) > datetime(2023, 9, 22), shown


def test_days_up_to_the_last_plotly_and_python_know():
    # QA10 4: an event set by hand to end on 9999-12-31 (an open end) blanked the
    # timeline (plotly's autorange ran past its last date: an empty axis of the year
    # 2000); alone in view, or in a view counted per week or month, it raised an
    # OverflowError / ValueError (its week of 7 shown days, its bucket's last day)
    last = date(9999, 12, 31)
    both = timeline_figure([ev("old", date(2022, 1, 7)), ev("open", date(2022, 1, 1), last)])
    assert both.layout.xaxis.range == ("2022-01-01", "9999-12-31 23:59:59.999")
    for opts in (FigureOptions(), FigureOptions(labels=True, width=1600, height=900)):
        alone = timeline_figure([ev("end", last)], opts)
        assert alone.layout.xaxis.range == ("9999-12-25", "9999-12-31 23:59:59.999")
    first = timeline_figure([ev("first", date(1, 1, 1))], FigureOptions(labels=True))
    assert first.layout.xaxis.range == ("0001-01-01", "0001-01-07 23:59:59.999")
    # a view of ordinary years keeps plotly's autorange (no range of its own)
    assert (
        timeline_figure([ev("a", date(2022, 1, 7)), ev("b", date(1990, 3, 1))])
        .layout["xaxis"]
        .range
        is None
    )
    for bucket, start in (("month", date(9999, 12, 1)), ("week", date(9999, 12, 27))):
        spec = aggregate_spec([(start, "Russia", 3)], bucket=bucket)
        assert spec["data"][0]["customdata"] == [[start.isoformat(), "9999-12-31"]]


def test_a_day_on_a_range_of_its_colour_stands_out():
    """A day marker over a range bar of the same colour (a REQUEST day inside a REQUEST
    range) is not lost in the bar: the bar is a tint of the colour and a filled marker has
    a rim of another colour than its fill; an approximate (open) marker is only its ring,
    in its colour."""
    events = [
        ev("r", date(2022, 1, 3), date(2022, 1, 14), gran="range"),
        ev("d", date(2022, 1, 7)),
        ev("a", date(2022, 1, 10), approx=True),
    ]
    fig = timeline_figure(events)
    (bar,) = traces(fig, go.Bar)
    (day,) = [t for t in traces(fig, go.Scatter) if t.mode == "markers" and t.customdata]
    assert day.marker.color == bar.marker.color  # one type: one colour
    assert bar.marker.opacity <= 0.6  # the bar a tint of it, the days in full colour
    rims = dict(zip(day.customdata, day.marker.line.color, strict=True))
    assert rims["d"] != day.marker.color
    assert rims["a"] == day.marker.color
    assert dict(zip(day.customdata, day.marker.symbol, strict=True))["a"] == "circle-open"
