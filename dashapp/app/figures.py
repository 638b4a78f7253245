"""Pure figure builders: events (or per-bucket counts) and options -> a plotly Figure.

The same functions draw the dashboard and the PNG/SVG/PDF exports. Nothing here reads a
store or a request. Every piece of article text goes through `plain()` or `wrap_plain()`
before it reaches the figure, because plotly renders a subset of HTML (`<b>`, `<br>`,
`<a href>`) in hover labels, titles and ticks.
"""

from __future__ import annotations

import functools
import html
import textwrap
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Literal

import plotly.graph_objects as go

from dashapp.models import Event, Mention, quoted_mention

Lane = Literal["actor", "type"]
ColorBy = Literal["quad", "type"]
Bucket = Literal["week", "month"]

QUAD_COLORS: dict[str, str] = {
    "verbal cooperation": "#6aa84f",
    "material cooperation": "#1b7837",
    "verbal conflict": "#e69138",
    "material conflict": "#c0392b",
    "neutral": "#7f7f7f",
}
# Colour-blind-friendly qualitative palette (Okabe-Ito plus greys) for event types.
TYPE_PALETTE = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#D55E00",
    "#CC79A7",
    "#56B4E9",
    "#F0E442",
    "#000000",
    "#999999",
    "#882255",
    "#44AA99",
    "#117733",
    "#332288",
    "#AA4499",
)
NO_ACTOR = "(no actor)"
OTHER_LANE = "(other)"
# Granularities drawn as a light band over their whole span rather than a point or bar.
BAND_GRANULARITIES = frozenset({"month", "season", "quarter", "half", "year", "decade", "century"})
MS_PER_DAY = 86_400_000
WRAP = 72  # characters per hover line
SENTENCE_LIMIT = 420


@dataclass(frozen=True, slots=True)
class FigureOptions:
    """How to draw: lanes by actor or type, colour by quad class or type, at most
    `max_lanes` lanes (the rest share one "(other)" lane)."""

    lane: Lane = "actor"
    color: ColorBy = "quad"
    title: str | None = None
    max_lanes: int = 18
    height: int | None = None
    width: int | None = None
    uirevision: str = "timeline"
    x_range: tuple[date, date] | None = None
    autosize: bool = False  # fill the container (dashboard) instead of a fixed height
    # write events' labels beside them where there is room (static exports: a picture
    # has no hover to say what a dot is)
    labels: bool = False


# --------------------------------------------------------------------------- text


def plain(text: object) -> str:
    """Text from an article made inert for plotly's pseudo-HTML: every `<`, `>`, `&`
    and quote becomes an entity, which plotly displays literally."""
    return html.escape(str(text), quote=False)


_OPEN, _CLOSE = "\ue000", "\ue001"  # private-use marks for the highlight while wrapping
_WRAPPER = textwrap.TextWrapper(width=WRAP, break_long_words=True, break_on_hyphens=False)


def wrap_plain(
    text: str,
    *,
    width: int = WRAP,
    highlight: tuple[int, int] | None = None,
    limit: int = SENTENCE_LIMIT,
) -> str:
    """Escape and wrap `text` into `<br>`-separated lines of at most `width` characters
    (longer tokens are cut), truncating after `limit` characters, and bolding the
    characters in `highlight` (offsets into `text`)."""
    truncated = len(text) > limit
    if truncated:
        text = text[:limit]
    if highlight is None and len(text) <= width and "\n" not in text:
        return plain(text) + ("…" if truncated else "")
    if highlight is not None:
        hs, he = max(0, highlight[0]), min(len(text), highlight[1])
        if hs < he:
            text = text[:hs] + _OPEN + text[hs:he] + _CLOSE + text[he:]
    wrapper = (
        _WRAPPER
        if width == WRAP
        else textwrap.TextWrapper(width=width, break_long_words=True, break_on_hyphens=False)
    )
    out: list[str] = []
    bold = False
    for line in wrapper.wrap(text):
        piece = plain(line)
        if bold:
            piece = "<b>" + piece
        if _OPEN in piece:
            bold = True
        if _CLOSE in piece:
            bold = False
        piece = piece.replace(_OPEN, "<b>").replace(_CLOSE, "</b>")
        if bold:
            piece += "</b>"
        out.append(piece)
    return "<br>".join(out) + ("…" if truncated else "")


def highlight_span(mention: Mention) -> tuple[int, int] | None:
    """Where the expression sits in its sentence (first occurrence), if it does."""
    return _span(mention.text, mention.sentence)


def _span(text: str, sentence: str) -> tuple[int, int] | None:
    if not text:
        return None
    i = sentence.find(text)
    if i < 0:
        i = sentence.lower().find(text.lower())
    return (i, i + len(text)) if i >= 0 else None


def resolved_text(event: Event) -> str:
    return _resolved(event.start, event.end)


def _resolved(start: date, end: date) -> str:
    if start == end:
        return start.isoformat()
    return f"{start.isoformat()} – {end.isoformat()}"


def hover_text(event: Event) -> str:
    """Hover label: date as written and as resolved, label, type, actors, supporting
    articles, and the source sentence with the date expression in bold."""
    first = quoted_mention(event)
    # Remembered by what it shows (plain values, which the garbage collector does not
    # need to visit), not by the Event, whose mentions would be kept alive with it.
    return _hover(
        event.label,
        event.value,
        event.start,
        event.end,
        event.approximate,
        event.human,
        event.type,
        event.quad_class,
        event.actors,
        event.articles,
        None if first is None else first.text,
        None if first is None else first.sentence,
    )


@functools.lru_cache(maxsize=20_000)
def _hover(
    label: str,
    value: str,
    start: date,
    end: date,
    approximate: bool,
    human: bool,
    type_: str,
    quad_class: str,
    actors: tuple[str, ...],
    articles: int,
    written: str | None,
    sentence: str | None,
) -> str:
    approx = " (approximate)" if approximate else ""
    corrected = "<br><i>corrected by hand</i>" if human else ""
    lines = [
        "<b>" + wrap_plain(label, width=WRAP) + "</b>",
        f"Date: “{plain(written or '')}” → {plain(value)} ({plain(_resolved(start, end))}){approx}",
        f"Type: {plain(type_)} · {plain(quad_class)}",
        "Actors: " + wrap_plain(", ".join(actors) or "none", width=WRAP),
        f"Supporting articles: {articles}{corrected}",
    ]
    if written is not None and sentence is not None:
        lines.append("“" + wrap_plain(sentence, highlight=_span(written, sentence)) + "”")
    return "<br>".join(lines)


# --------------------------------------------------------------------------- lanes


def event_lanes(event: Event, lane: Lane) -> tuple[str, ...]:
    if lane == "type":
        return (event.type or "(no type)",)
    return event.actors or (NO_ACTOR,)


def choose_lanes(counts: Mapping[str, int], max_lanes: int) -> list[str]:
    """The busiest `max_lanes` lanes, busiest first (ties by name), plus "(other)" when
    some lanes do not fit."""
    ranked = sorted(counts, key=lambda k: (k == NO_ACTOR, -counts[k], k))
    if len(ranked) <= max_lanes:
        return ranked
    return ranked[: max_lanes - 1] + [OTHER_LANE]


def lane_assignment(
    events: Sequence[Event], lane: Lane, max_lanes: int
) -> tuple[list[str], list[tuple[Event, str]]]:
    """(lanes top to bottom, (event, lane) pairs): an event with several actors appears
    in each of their lanes, once in "(other)" when none of them has a lane of its own.
    When every event has a lane of its own, "(other)" would be empty: its place goes to
    the next busiest lane instead."""
    counts: Counter[str] = Counter()
    for ev in events:
        counts.update(event_lanes(ev, lane))
    lanes = choose_lanes(counts, max_lanes)

    def assign(kept: set[str]) -> list[tuple[Event, str]]:
        pairs: list[tuple[Event, str]] = []
        for ev in events:
            own = [name for name in event_lanes(ev, lane) if name in kept and name != OTHER_LANE]
            if own:
                pairs.extend((ev, name) for name in own)
            else:
                pairs.append((ev, OTHER_LANE))
        return pairs

    pairs = assign(set(lanes))
    if OTHER_LANE in lanes and all(name != OTHER_LANE for _, name in pairs):
        ranked = choose_lanes(counts, len(counts))
        lanes = ranked[: len(lanes)]
        pairs = assign(set(lanes))
    return lanes, pairs


def kind_of(event: Event) -> Literal["day", "range", "band"]:
    if event.granularity in BAND_GRANULARITIES:
        return "band"
    if event.start == event.end:
        return "day"
    return "range"


def color_key(event: Event, color: ColorBy) -> str:
    return (event.quad_class or "neutral") if color == "quad" else (event.type or "(no type)")


def color_map(keys: Iterable[str], color: ColorBy) -> dict[str, str]:
    if color == "quad":
        return {k: QUAD_COLORS.get(k, "#7f7f7f") for k in keys}
    return {k: TYPE_PALETTE[i % len(TYPE_PALETTE)] for i, k in enumerate(sorted(keys))}


def stack_offsets(n: int) -> list[float]:
    """Vertical offsets inside a lane for n events on the same day."""
    if n == 1:
        return [0.0]
    step = min(0.16, 0.64 / (n - 1))
    return [-step * (n - 1) / 2 + i * step for i in range(n)]


# --------------------------------------------------------------------------- figures
# Figures are built as plain dicts (the JSON plotly.js reads): plotly's graph objects
# validate every property and would take most of a filter callback's time. The
# `*_figure` functions wrap the same dicts in a validated go.Figure for exports and tests.

Spec = dict[str, Any]
GRID = "#eeeeee"
DAY_RIM = "#ffffff"  # the rim of a filled day marker: the plot's background


def _axis_common() -> dict[str, Any]:
    return {
        "automargin": True,
        "showgrid": True,
        "gridcolor": GRID,
        "zeroline": False,
        "linecolor": "#444444",
        "ticks": "",
        "color": "#2a3f5f",
    }


DAY_MS = 86_400_000
# Dates are days: a view of up to this many days has a tick per day (plotly would tick
# every few hours), and one zoomed in further labels its ticks with the day, not an hour.
DAY_TICKS_UP_TO = 12
# ("\n%Y": the year under the first tick and where it changes, as plotly writes its own)
DAY_TICK_FORMATS = [{"dtickrange": [None, DAY_MS], "value": "%b %-d\n%Y"}]
# Events that span fewer days than this, with no window set, are shown in the middle of
# this many days: the span of one day's events alone is no width at all, and plotly's
# range around it (or around a mark and its label a few minutes later) is minutes wide.
MIN_SHOWN_DAYS = 7


def mid_day(day: date) -> str:
    """Where a day's mark is drawn: the middle of the day, as a range's bar covers its
    days from their start to their end, so that a window of whole days (x_range_of)
    never has a mark on its edge."""
    return f"{day.isoformat()} 12:00"


def shown_days(span: tuple[date, date]) -> tuple[date, date]:
    """The days the x axis shows for events spanning the days `span` when no window is
    set: the span, widened evenly on both sides to MIN_SHOWN_DAYS when it is shorter."""
    lo, hi = span
    short = MIN_SHOWN_DAYS - ((hi - lo).days + 1)
    if short <= 0:
        return span
    # (inside the dates there are: the days of 9999-12-31, a hand-set open end, are
    # widened before it only)
    after = min(short - short // 2, (date.max - hi).days)
    before = min(short - after, (lo - date.min).days)
    after = min(short - before, (date.max - hi).days)
    return lo - timedelta(days=before), hi + timedelta(days=after)


def near_the_last_day(shown: tuple[date, date]) -> bool:
    """Whether plotly's autorange around the days `shown` (a twentieth of their span
    each side, and room for a marker) would go past 9999-12-31, where its dates end: it
    then draws nothing on an axis of the year 2000."""
    lo, hi = shown
    return (date.max - hi).days < (hi - lo).days / 10 + 31


def day_ticks(span: tuple[date, date] | None) -> dict[str, Any]:
    """The x axis's tick settings for a view of the days `span` (None: unknown): a
    short view has a tick in the middle of each day, under its marks."""
    ticks: dict[str, Any] = {"tickformatstops": DAY_TICK_FORMATS}
    if span and (span[1] - span[0]).days < DAY_TICKS_UP_TO:
        ticks.update(tickmode="linear", tick0=mid_day(span[0]), dtick=DAY_MS)
    return ticks


def _layout(
    lanes: Sequence[str],
    opts: FigureOptions,
    *,
    note: str | None = None,
    span: tuple[date, date] | None = None,
) -> Spec:
    """The layout; `span`: the first and last day of the events drawn. The x axis shows
    the window `opts.x_range` when it is set, else the events, a short span of them
    widened to MIN_SHOWN_DAYS (shown_days)."""
    shown = opts.x_range or (shown_days(span) if span else None)
    per_lane = 34
    height = opts.height or max(320, min(900, 120 + per_lane * max(1, len(lanes))))
    layout: Spec = {
        "paper_bgcolor": "white",
        "plot_bgcolor": "white",
        "margin": {"l": 10, "r": 10, "t": 70 if opts.title else 40, "b": 40},
        "hovermode": "closest",
        "hoverlabel": {"align": "left", "bgcolor": "white", "font": {"size": 12}},
        "uirevision": opts.uirevision,
        "legend": {
            "orientation": "h",
            "yanchor": "bottom",
            "y": 1.0,
            "x": 0,
            "xanchor": "left",
            "font": {"size": 11},
        },
        "barmode": "overlay",
        "dragmode": "zoom",
        "font": {"family": "DejaVu Sans, Arial, sans-serif", "size": 12, "color": "#2a3f5f"},
        "yaxis": {
            **_axis_common(),
            "tickmode": "array",
            "tickvals": list(range(len(lanes))),
            "ticktext": [plain(_short(name, 28)) for name in lanes],
            "range": [len(lanes) - 0.5, -0.5],
            "fixedrange": True,
        },
        "xaxis": {
            **_axis_common(),
            "type": "date",
            "rangeslider": {"visible": False},
            **day_ticks(shown),
        },
        "annotations": [],
    }
    if opts.autosize:
        layout["autosize"] = True
    else:
        layout["height"] = height
    if opts.width:
        layout["width"] = opts.width
    if opts.title:
        layout["title"] = {
            "text": plain(opts.title),
            "x": 0.01,
            "y": 0.98,
            "yanchor": "top",
            "font": {"size": 16},
        }
    if opts.x_range:
        lo, hi = opts.x_range
        layout["xaxis"]["range"] = x_range_of(lo, hi)
    elif span and shown and ((late := near_the_last_day(shown)) or shown != span):
        if opts.labels or late:
            # a picture: its labels were placed for exactly these days (label_spots);
            # or days up to the end of plotly's dates, which its autorange overruns
            layout["xaxis"]["range"] = x_range_of(*shown)
        else:
            # the screen keeps plotly's autorange, which a double click returns to (no
            # window: callbacks.parse_window), but around at least these days
            layout["xaxis"]["autorangeoptions"] = {"include": x_range_of(*shown)}
    if note:
        layout["annotations"].append(
            {
                "text": "<br>".join(plain(line) for line in note.split("\n")),
                "xref": "paper",
                "yref": "paper",
                "x": 1,
                "y": -0.001,
                "xanchor": "right",
                "yanchor": "top",
                "showarrow": False,
                "yshift": -22,
                "font": {"size": 11, "color": "#555555"},
            }
        )
    return layout


def x_range_of(first: date, last: date) -> list[str]:
    """The x range showing the days `first` to `last`: from the first day's start to the
    last day's last millisecond. A relayout reports it back as it is (plotly's "Reset
    axes" and double-click return to it), and the day of each end is the window again
    (callbacks.parse_window): no day is gained or lost on the way."""
    return [first.isoformat(), f"{last.isoformat()} 23:59:59.999"]


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


NO_MATCH = "No events match the current filters."
NO_ARTICLES = "No articles yet."
ADD_ONE = "Add one under “Add an article”."


def no_events_message(articles: bool, events: bool, *, hint: bool = True) -> str:
    """What an empty view says, from whether any article and any event is stored: that
    there is nothing yet (with how to add an article: `hint`, on the dashboard), that
    the articles give no event, or that the filters leave none."""
    if not articles:
        return NO_ARTICLES + ("\n" + ADD_ONE if hint else "")
    if not events:
        return "No dated events found in the articles."
    return NO_MATCH


def empty_spec(message: str, opts: FigureOptions = FigureOptions()) -> Spec:
    """A message in place of a plot; the x axis only where a window gives its days
    (plotly would make some up: a year-2000 axis)."""
    layout = _layout([], opts)
    layout["yaxis"]["visible"] = False
    if not opts.x_range:
        layout["xaxis"]["visible"] = False
    if not opts.autosize:
        layout["height"] = opts.height or 320
    layout["annotations"].append(
        {
            "text": "<br>".join(plain(line) for line in message.split("\n")),
            "xref": "paper",
            "yref": "paper",
            "x": 0.5,
            "y": 0.5,
            "showarrow": False,
            "font": {"size": 15, "color": "#555555"},
        }
    )
    return {"data": [], "layout": layout}


def timeline_spec(
    events: Sequence[Event],
    opts: FigureOptions = FigureOptions(),
    *,
    note: str | None = None,
    empty: str = NO_MATCH,
) -> Spec:
    """Swimlanes of individual events: a day is a marker (open when approximate), a
    range a bar from its first to its last day, a month/season/year... a light band
    over its whole span (hatched when approximate). Events on the same day and lane are
    stacked, with their count written beside them. Every point's customdata is the
    event id, for click-to-details. Without events, the message `empty`."""
    if not events:
        return empty_spec(empty, opts)
    lanes, pairs = lane_assignment(events, opts.lane, opts.max_lanes)
    index = {name: i for i, name in enumerate(lanes)}
    colors = color_map({color_key(ev, opts.color) for ev, _ in pairs}, opts.color)
    hovers: dict[str, str] = {}

    def hov(ev: Event) -> str:
        text = hovers.get(ev.id)
        if text is None:
            text = hovers[ev.id] = hover_text(ev)
        return text

    # Group points by (colour, kind) -> one trace each, so the legend lists colours.
    days: dict[str, list[tuple[Event, float]]] = defaultdict(list)
    bars: dict[tuple[str, str], list[tuple[Event, float]]] = defaultdict(list)
    same_day: dict[tuple[str, date], list[Event]] = defaultdict(list)
    for ev, name in pairs:
        kind = kind_of(ev)
        if kind == "day":
            same_day[(name, ev.start)].append(ev)
        else:
            bars[(color_key(ev, opts.color), kind)].append((ev, float(index[name])))
    counts_x: list[str] = []
    counts_y: list[float] = []
    counts_t: list[str] = []
    for (name, day), group in same_day.items():
        group.sort(key=lambda e: (e.type, e.label, e.id))
        for ev, off in zip(group, stack_offsets(len(group)), strict=True):
            days[color_key(ev, opts.color)].append((ev, index[name] + off))
        if len(group) > 1:
            counts_x.append(mid_day(day))
            counts_y.append(index[name])
            counts_t.append(f"×{len(group)}")

    data: list[Spec] = []
    order = list(QUAD_COLORS) if opts.color == "quad" else sorted(colors)
    for key in [k for k in order if k in colors]:
        name = plain(key)
        # the legend's swatch, plain: the first trace of a colour may be hatched (an
        # approximate band first) or a marker
        data.append(
            {
                "type": "bar",
                "orientation": "h",
                "x": [None],
                "y": [None],
                "marker": {"color": colors[key], "line": {"color": colors[key], "width": 1}},
                "name": name,
                "legendgroup": name,
                "showlegend": True,
                "hoverinfo": "skip",
            }
        )
        show = False
        # a range is a tint (0.55), so that the day markers of its colour drawn on it,
        # in full colour with a white rim, stay visible (at 0.85 they were lost in it)
        for kind, width, opacity in (("band", 0.84, 0.22), ("range", 0.34, 0.55)):
            items = bars.get((key, kind))
            if not items:
                continue
            # a band's opacity is its trace's, drawn once over all its bars: bars
            # of their own opacity add up where they overlap (a lane of a handful of
            # one colour's years was solid, hiding the day markers of that colour)
            data.append(
                {
                    "type": "bar",
                    "orientation": "h",
                    "base": [ev.start.isoformat() for ev, _ in items],
                    "x": [((ev.end - ev.start).days + 1) * MS_PER_DAY for ev, _ in items],
                    "y": [y for _, y in items],
                    "width": width,
                    **({"opacity": opacity} if kind == "band" else {}),
                    "marker": {
                        "color": colors[key],
                        **({} if kind == "band" else {"opacity": opacity}),
                        "line": {"color": colors[key], "width": 1},
                        "pattern": {
                            "shape": ["/" if ev.approximate else "" for ev, _ in items],
                            "fgcolor": colors[key],
                            "solidity": 0.3,
                        },
                    },
                    "hovertext": [hov(ev) for ev, _ in items],
                    "hoverinfo": "text",
                    "customdata": [ev.id for ev, _ in items],
                    "name": name,
                    "legendgroup": name,
                    "showlegend": show,
                }
            )
            show = False
        items_d = days.get(key)
        if items_d:
            data.append(
                {
                    "type": "scatter",
                    "mode": "markers",
                    "x": [mid_day(ev.start) for ev, _ in items_d],
                    "y": [y for _, y in items_d],
                    "marker": {
                        "color": colors[key],
                        "size": 11,
                        "symbol": [
                            "circle-open" if ev.approximate else "circle" for ev, _ in items_d
                        ],
                        # a filled marker has a white rim, so it stands out on a range
                        # bar of its own colour (a REQUEST day on a REQUEST range); an
                        # open one (approximate) is only its ring, drawn in its colour
                        "line": {
                            "width": [2 if ev.approximate else 1.5 for ev, _ in items_d],
                            "color": [
                                colors[key] if ev.approximate else DAY_RIM for ev, _ in items_d
                            ],
                        },
                    },
                    "hovertext": [hov(ev) for ev, _ in items_d],
                    "hoverinfo": "text",
                    "customdata": [ev.id for ev, _ in items_d],
                    "name": name,
                    "legendgroup": name,
                    "showlegend": show,
                }
            )
    if counts_x:
        data.append(
            {
                "type": "scatter",
                "mode": "text",
                "x": counts_x,
                "y": counts_y,
                "text": counts_t,
                "textposition": "middle right",
                "textfont": {"size": 11, "color": "#333333"},
                "hoverinfo": "skip",
                "showlegend": False,
                "name": "count",
            }
        )
    if opts.labels:
        stacked = {
            (ev.id, index[name])
            for (name, _), group in same_day.items()
            if len(group) > 1
            for ev in group
        }
        labelled = label_spots(
            pairs,
            index,
            stacked,
            opts,
            (min(e.start for e in events), max(e.end for e in events)),
            lanes,
        )
        if labelled:
            data.append(
                {
                    "type": "scatter",
                    "mode": "text",
                    "x": [x for x, _, _, _ in labelled],
                    "y": [y for _, y, _, _ in labelled],
                    "text": [plain(t) for _, _, t, _ in labelled],
                    "textposition": [f"middle {side}" for _, _, _, side in labelled],
                    "textfont": {"size": LABEL_FONT, "color": "#333333"},
                    "hoverinfo": "skip",
                    "showlegend": False,
                    "name": "labels",
                }
            )
    if any(ev.approximate for ev, _ in pairs):
        data.append(
            {
                "type": "scatter",
                "mode": "markers",
                "x": [None],
                "y": [None],
                "name": "approximate date (open / hatched)",
                "marker": {"symbol": "circle-open", "color": "#555555", "size": 10},
                "hoverinfo": "skip",
                "showlegend": True,
            }
        )
    span = (min(ev.start for ev in events), max(ev.end for ev in events))
    return {"data": data, "layout": _layout(lanes, opts, note=note, span=span)}


LABEL_FONT = 10
LABEL_CHARS = 30
LABEL_LONG = 48  # a label is written whole up to this, where there is room
_CHAR_PX = 6.0  # about the width of a character of LABEL_FONT (DejaVu Sans)
_STACK_PX = 30  # the count written beside a stack of one day's events ("×12")


def label_spots(
    pairs: Sequence[tuple[Event, str]],
    index: Mapping[str, int],
    stacked: set[tuple[str, int]],
    opts: FigureOptions,
    span: tuple[date, date],
    lanes: Sequence[str],
) -> list[tuple[str, int, str, str]]:
    """(x, lane, text, side) of the labels a static picture has room for: each event
    once, in the first of its lanes where it fits, just right of its mark (after a range's
    bar; in a stack of one day's events, after the count written there), else left of it,
    cut to LABEL_CHARS; not where it would cover another mark of
    the lane (or a count beside one), run into another label or off the plot. Where labels
    compete for room, the events more articles report are labelled first."""
    width = opts.width or 1600
    names_px = _CHAR_PX * 1.2 * max((len(_short(n, 28)) for n in lanes), default=0)
    plot_px = max(100.0, width - 20 - names_px - 20)
    # the days the axis shows (_layout): the window, else the events' days widened
    lo, hi = opts.x_range or shown_days(span)
    days = max(1, (hi - lo).days + 1)
    per_day = plot_px / days
    gap = 12.0  # from a mark's centre to its label

    def px(day: date) -> float:
        return (day - lo).days * per_day

    def spot(ev: Event) -> tuple[float, float]:
        """(x, after): where the mark of `ev` starts (a day's: its centre, mid_day; a bar's
        or band's: its first day in view) and where it ends, the label going after that."""
        if kind_of(ev) == "day":
            x = px(ev.start) + per_day / 2
            return x, x
        x = px(max(ev.start, lo))
        # a range is labelled after its bar; a band is a light background, labelled at
        # its start (in view)
        return x, (px(ev.end) + per_day if kind_of(ev) == "range" else x)

    lanes_of: dict[str, list[int]] = defaultdict(list)
    events: dict[str, Event] = {}
    marks: dict[int, list[tuple[float, float]]] = defaultdict(list)  # px spans taken
    for ev, name in pairs:
        lane = index[name]
        lanes_of[ev.id].append(lane)
        events[ev.id] = ev
        if kind_of(ev) != "band":  # (a band is a light background: labels may cross it)
            x, end = spot(ev)
            # a range's bar to its last day; a stack's count beside it ("×2")
            right = end + (_STACK_PX if (ev.id, lane) in stacked else 7)
            marks[lane].append((x - 7, right))
    taken: dict[int, list[tuple[float, float]]] = defaultdict(list)  # px of labels placed
    origin = datetime.combine(lo, datetime.min.time())

    def own_mark(ev: Event, lane: int) -> tuple[float, float]:
        x, end = spot(ev)
        return x - 7, end + (_STACK_PX if (ev.id, lane) in stacked else 7)

    def fit(
        ev: Event, x: float, after: float, *, inside: bool = False
    ) -> tuple[tuple[str, int, str, str], float, float] | None:
        """Where the label of `ev` (its mark at `x`, its bar to `after`) first fits, and the
        pixels it takes (from, to); None where it fits nowhere. `inside`: over its own bar
        (which then covers no room of the label's)."""
        # the whole label where it fits, else cut to LABEL_CHARS
        for text in dict.fromkeys([_short(ev.label, LABEL_LONG), _short(ev.label, LABEL_CHARS)]):
            size = _CHAR_PX * len(text)
            for lane, side in (
                (lane, side) for lane in sorted(lanes_of[ev.id]) for side in ("right", "left")
            ):  # the first of its lanes with room, right of the mark, else left of it
                # in a stack of one day's events, after the count written beside the mark
                past = gap + (_STACK_PX if (ev.id, lane) in stacked else 0)
                a, b = (
                    (after + past, after + past + size)
                    if side == "right"
                    else (x - gap - size, x - gap)
                )
                if a < 0 or b > plot_px:
                    continue
                if any(t0 < b + 10 and t1 + 10 > a for t0, t1 in taken[lane]):
                    continue  # another label
                own = own_mark(ev, lane) if inside else None
                if any(m0 < b and m1 > a for m0, m1 in marks[lane] if (m0, m1) != own):
                    continue  # a mark (its own stack's count is before `a`)
                # the text starts at `a` (right of its anchor) or ends at `b` (left of it)
                at = origin + timedelta(days=(a if side == "right" else b) / per_day)
                return (at.isoformat(timespec="seconds"), lane, text, side), a, b
        return None

    out = []
    # the best-supported happenings first, so that they are the ones labelled where
    # labels compete for room; then in date order
    for ev in sorted(events.values(), key=lambda e: (-e.articles, e.start, e.label, e.id)):
        if ev.end < lo or ev.start > hi:
            continue  # out of view (a bar or band that begins before it is labelled in it)
        found = fit(ev, *spot(ev))
        if found is None and kind_of(ev) == "range":
            # a bar that fills the view to an edge has no room after or before it: its
            # label goes over it, from its start in view, as a band's does
            x = spot(ev)[0]
            found = fit(ev, x, x, inside=True)
        if found is not None:
            at, a, b = found
            out.append(at)
            taken[at[1]].append((a, b))
    return sorted(out)


def aggregate_spec(
    rows: Sequence[tuple[date, str, int]],
    opts: FigureOptions = FigureOptions(),
    *,
    bucket: Bucket = "month",
    total: int | None = None,
) -> Spec:
    """Counts per (bucket, lane) for the zoomed-out view of many events: one marker per
    bucket whose area follows the count, the count written in the hover. The rows may
    come with the quieter lanes already folded into "(other)" (`Store.aggregate` with
    `max_lanes`, which counts an event there once); it stays the last lane."""
    if not rows:
        return empty_spec(NO_MATCH, opts)
    per_lane: Counter[str] = Counter()
    for _, name, n in rows:
        per_lane[name or NO_ACTOR] += n
    if per_lane.pop(OTHER_LANE, 0):
        lanes = choose_lanes(per_lane, opts.max_lanes - 1)
        if OTHER_LANE not in lanes:
            lanes.append(OTHER_LANE)
    else:
        lanes = choose_lanes(per_lane, opts.max_lanes)
    kept = set(lanes)
    cells: Counter[tuple[date, str]] = Counter()
    for start, name, n in rows:
        name = name or NO_ACTOR
        cells[(start, name if name in kept else OTHER_LANE)] += n
    index = {name: i for i, name in enumerate(lanes)}
    top = max(cells.values())
    # Markers no wider than a bucket on a plot about PLOT_WIDTH pixels wide, so that
    # years of months do not smear into each other (the colour still gives the count).
    starts = [start for start, _ in cells]
    n_buckets = (max(starts) - min(starts)).days // (7 if bucket == "week" else 30.44) + 1
    biggest = max(6.0, min(22.0, PLOT_WIDTH / n_buckets))
    xs, ys, sizes, texts, counts, spans = [], [], [], [], [], []
    half = timedelta(days=3 if bucket == "week" else 14)
    for (start, name), n in sorted(cells.items()):
        last = bucket_end(start, bucket)
        xs.append((start + half).isoformat())
        ys.append(index[name])
        sizes.append(round(4 + (biggest - 4) * (n / top) ** 0.5, 1))
        counts.append(n)
        spans.append([start.isoformat(), last.isoformat()])
        what = f"{n:,} event{'s' if n != 1 else ''}"
        texts.append(
            f"<b>{bucket_label(start, bucket)} · {plain(name)}: {what}</b>"
            f"<br>click to zoom into this {bucket}"
        )
    trace = {
        "type": "scatter",
        "mode": "markers",
        "x": xs,
        "y": ys,
        "marker": {
            "size": sizes,
            "color": counts,
            # light for a few events, dark for the busiest (plotly's "Blues" runs the
            # other way); the lightest still stands out on white
            "colorscale": COUNT_SCALE,
            "cmin": 0,
            "cmax": top,
            "opacity": 0.9,
            "line": {"width": 0.5, "color": "#08306b"},
            # the title along the bar, not across it: across, it took more room than
            # the plot on a phone
            "colorbar": {
                "title": {"text": f"events per {bucket}", "side": "right"},
                "thickness": 10,
                "len": 0.6,
            },
        },
        "hovertext": texts,
        "hoverinfo": "text",
        "customdata": spans,  # the bucket's first and last day: a click zooms into it
        "name": "events",
        "showlegend": False,
    }
    shown = f"{total:,} events" if total is not None else "many events"
    # short lines (darker: more events, the colour bar says): a phone's plot is
    # narrower than one long line, which was cut at the screen's edge
    note = (
        f"{shown}, counted per {bucket}:\nclick a {bucket} or zoom in to see them;\n"
        "the Colour option applies to single events"
    )
    layout = _layout(lanes, opts, note=note)
    layout["margin"]["b"] = 70  # room for the note's three lines
    return {"data": [trace], "layout": layout}


PLOT_WIDTH = 900  # about the timeline's width in pixels at 1366x768

# ColorBrewer's sequential blues, light to dark, from its fourth class on.
COUNT_SCALE = [[0.0, "#c6dbef"], [0.35, "#6baed6"], [0.7, "#2171b5"], [1.0, "#08306b"]]


def bucket_end(start: date, bucket: Bucket) -> date:
    """The last day of the week or month that begins on `start`."""
    if bucket == "week":
        return start + timedelta(days=min(6, (date.max - start).days))  # (9999's last)
    if start.month == 12:
        return date(start.year, 12, 31)
    return date(start.year, start.month + 1, 1) - timedelta(days=1)


def bucket_label(start: date, bucket: Bucket) -> str:
    """ "2006-01" for a month, "week of 2006-01-02" for a week."""
    if bucket == "month":
        return f"{start.year:04d}-{start.month:02d}"
    return f"week of {start.isoformat()}"


def to_figure(spec: Spec) -> go.Figure:
    """A validated plotly Figure of a spec (exports, tests)."""
    return go.Figure(spec)


def empty_figure(message: str, opts: FigureOptions = FigureOptions()) -> go.Figure:
    return to_figure(empty_spec(message, opts))


def timeline_figure(
    events: Sequence[Event],
    opts: FigureOptions = FigureOptions(),
    *,
    note: str | None = None,
    empty: str = NO_MATCH,
) -> go.Figure:
    return to_figure(timeline_spec(events, opts, note=note, empty=empty))


def aggregate_figure(
    rows: Sequence[tuple[date, str, int]],
    opts: FigureOptions = FigureOptions(),
    *,
    bucket: Bucket = "month",
    total: int | None = None,
) -> go.Figure:
    return to_figure(aggregate_spec(rows, opts, bucket=bucket, total=total))


def graph_config(filename: str) -> dict[str, object]:
    """dcc.Graph config: PNG download named after the view, no cloud button."""
    return {
        "displaylogo": False,
        "showSendToCloud": False,
        "showEditInChartStudio": False,
        "modeBarButtonsToRemove": ["sendDataToCloud", "lasso2d", "select2d"],
        "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 2},
        "scrollZoom": False,
        "responsive": True,
    }
