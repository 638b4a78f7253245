"""From a Store and a view state to what is drawn: individual events, or counts per week
or month when too many events are in view. Shared by the dashboard and the exports so
that both always show the same thing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from dashapp.app.figures import (
    OTHER_LANE,
    FigureOptions,
    Spec,
    aggregate_spec,
    no_events_message,
    timeline_spec,
)
from dashapp.app.filters import ViewState, with_range
from dashapp.models import Event, EventFilter
from dashapp.store import Store

# Above this many events in view the timeline shows counts per bucket until the user
# zooms in or filters further: markers beyond that are unreadable and slow to send.
AGGREGATE_ABOVE = 1000
TABLE_ROWS = 100
WEEKS_UP_TO_MONTHS = 30  # spans of up to this many months are counted per week


@dataclass(frozen=True, slots=True)
class View:
    figure: Spec  # plotly JSON (a dict); figures.to_figure() validates it
    total: int  # events matching the filters
    in_window: int  # of those, events in the visible window (== total without zoom)
    bucket: Literal["week", "month"] | None  # None: events drawn one by one
    table: list[Event]  # the first TABLE_ROWS events in view (table_page: the store's order)
    filter: EventFilter  # the filter actually drawn (window applied)


def sort_events(events: list[Event]) -> list[Event]:
    return sorted(events, key=lambda e: (e.start, e.end, e.label, e.id))


def build_view(
    store: Store,
    state: ViewState,
    *,
    window: tuple[date, date] | None = None,
    options: FigureOptions | None = None,
    total: int | None = None,
    table_rows: int = TABLE_ROWS,
    aggregate_above: int = AGGREGATE_ABOVE,
) -> View:
    """Query the store for `state` (narrowed to its zoomed window, or `window`) and draw
    it. When every event matching the filters can be drawn, all are, with the x axis on
    the window (panning shows the rest); the counts and the table are the window's."""
    window = window or state.window
    flt = state.filter
    opts = options or FigureOptions()
    opts = FigureOptions(
        **{
            **_as_dict(opts),
            "lane": state.lane,
            "color": state.color,
            # A closed date filter is the window shown (a year band that overlaps it
            # would otherwise stretch the axis).
            "x_range": window or opts.x_range or _filter_range(flt),
        }
    )
    if total is None:
        total = store.count_events(flt)
    wflt = with_range(flt, *window) if window else flt
    in_window = total if not window else store.count_events(wflt)
    if total <= aggregate_above:
        events = sort_events(store.events(flt))
        empty = _nothing(store, hint=not opts.labels) if not events else ""
        fig = timeline_spec(events, opts, empty=empty)
        # the table's first page as the next ones are read (table_page), so that paging on
        # neither repeats nor skips an event of the same day and label
        return View(fig, total, in_window, None, table_page(store, wflt, rows=table_rows), wflt)
    if in_window <= aggregate_above:
        events = sort_events(store.events(wflt))
        note = None
        if window and in_window < total:
            note = f"{in_window:,} of {total:,} events in the visible window"
        fig = timeline_spec(events, opts, note=note)
        return View(fig, total, in_window, None, table_page(store, wflt, rows=table_rows), wflt)
    bucket = choose_bucket(wflt)
    # the lanes that do not fit are folded into "(other)" by the database
    rows = store.aggregate(
        wflt, bucket=bucket, lane=state.lane, max_lanes=opts.max_lanes, other=OTHER_LANE
    )
    fig = aggregate_spec(rows, opts, bucket=bucket, total=in_window)
    return View(fig, total, in_window, bucket, table_page(store, wflt, rows=table_rows), wflt)


def _nothing(store: Store, *, hint: bool) -> str:
    """What a view without events says: an empty store is not a filter that matches
    nothing. `hint`: say how to add an article (the dashboard; a picture has no upload)."""
    articles = bool(store.find_articles(limit=1))
    return no_events_message(articles, articles and store.count_events() > 0, hint=hint)


def table_page(
    store: Store, flt: EventFilter, *, page: int = 0, rows: int = TABLE_ROWS
) -> list[Event]:
    """Page `page` (from 0) of the table of the events in view: the store's order, so
    that pages neither repeat nor skip an event."""
    return store.events(flt, limit=rows, offset=max(0, page) * rows)


def _filter_range(flt: EventFilter) -> tuple[date, date] | None:
    if flt.date_from and flt.date_to:
        return flt.date_from, flt.date_to
    return None


def choose_bucket(flt: EventFilter) -> Literal["week", "month"]:
    """Weeks for a window of up to WEEKS_UP_TO_MONTHS months, months otherwise (and when
    the window is open-ended): one aggregate query either way."""
    if flt.date_from and flt.date_to:
        lo, hi = flt.date_from, flt.date_to
        months = (hi.year - lo.year) * 12 + hi.month - lo.month + 1
        if months <= WEEKS_UP_TO_MONTHS:
            return "week"
    return "month"


def _as_dict(opts: FigureOptions) -> dict[str, object]:
    return {name: getattr(opts, name) for name in FigureOptions.__slots__}
