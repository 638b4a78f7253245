"""Thin glue between the page and the Store, all registered in `register()`.

The URL is the single source of truth for the view: controls write it, and everything
drawn (figure, table, counts) is computed from it in one callback, so they always agree.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

import dash
from dash import Input, Output, State, ctx, dcc, no_update
from dash.exceptions import PreventUpdate

from dashapp.app import layout as L
from dashapp.app.actor_names import ActorNames, known_actor_names, read_names, resolve_names
from dashapp.app.articles import Extractor, Refused, add_pasted, add_upload, reextract
from dashapp.app.figures import FigureOptions, graph_config
from dashapp.app.filters import (
    ViewState,
    from_controls,
    inverted_dates,
    parse_query,
    query_dates,
    to_query,
    view_filename,
    with_range,
    without_actors,
    without_types,
)
from dashapp.app.serve import event_types
from dashapp.app.shared import dumps, loads, memo
from dashapp.app.view import (
    AGGREGATE_ABOVE,
    TABLE_ROWS,
    View,
    build_view,
    choose_bucket,
    table_page,
)
from dashapp.models import Event, EventFilter
from dashapp.store import Store

log = logging.getLogger(__name__)
CONTROLS = (
    L.ACTORS,
    L.AFFILIATED,
    L.TYPES,
    L.DATE_FROM,
    L.DATE_TO,
    L.ARTICLES,
    L.CONFIDENCE,
    L.TEXT,
    L.LANE,
    L.COLOR,
)
MAX_ACTOR_OPTIONS = 400
# Article dropdowns list this many articles (the newest, or those matching what is typed)
# plus the selected ones: the store may hold hundreds of thousands.
ARTICLE_OPTIONS = 50


# A click on an event waits this long for a second one (plotly's double click, 300 ms)
# before it opens the event's details.
DOUBLE_CLICK_MS = 350

DATES_INVERTED = "From is later than To: the timeline keeps the previous dates until you fix one."
LINK_DATES_INVERTED = "From is later than To: neither date applies until you fix one."
NO_ACTORS = (
    "Name at least one actor (several separated by commas): an event without actors would "
    "lose its lane."
)


def controls_of(state: ViewState) -> list[Any]:
    flt = state.filter
    return [
        list(flt.actors),
        ["aff"] if flt.include_affiliated else [],
        list(flt.types),
        flt.date_from.isoformat() if flt.date_from else "",
        flt.date_to.isoformat() if flt.date_to else "",
        list(flt.articles),
        ["high"] if flt.min_confidence > 0 else [],
        flt.text,
        state.lane,
        state.color,
    ]


def parse_window(relayout: dict[str, Any] | None) -> tuple[str, str] | None | bool:
    """The x range of a plotly relayout event; None for autorange; False when the event
    is not about the x range."""
    if not relayout:
        return False
    if relayout.get("xaxis.autorange"):
        return None
    lo = relayout.get("xaxis.range[0]")
    hi = relayout.get("xaxis.range[1]")
    if lo is None and isinstance(relayout.get("xaxis.range"), list):
        lo, hi = relayout["xaxis.range"][:2]
    if lo is None or hi is None:
        return False
    return str(lo)[:10], str(hi)[:10]


def clicked_bucket(click: dict[str, Any] | None) -> tuple[date, date] | None:
    """The first and last day of the aggregated timeline's bucket a click hit (its
    customdata); None for anything else (a single event's id)."""
    points = (click or {}).get("points") or []
    span = points[0].get("customdata") if points else None
    if not isinstance(span, list) or len(span) != 2:
        return None
    return window_dates({"range": span})


def window_dates(data: dict[str, Any] | None) -> tuple[date, date] | None:
    rng = (data or {}).get("range")
    if not rng:
        return None
    try:
        lo, hi = date.fromisoformat(rng[0]), date.fromisoformat(rng[1])
    except (ValueError, TypeError):
        return None
    return (lo, hi) if lo <= hi else (hi, lo)


def summary_text(view: View, state: ViewState, *, low_hidden: int = 0) -> str:
    """The header's summary; `low_hidden`: events the confidence option hides. It says
    "filtered" only when a filter restricts the view (the confidence option alone does
    when it hides something)."""
    text = f"{view.total:,} event{'s' if view.total != 1 else ''}"
    if view.in_window != view.total:
        text += f" · {view.in_window:,} in the visible window"
    if view.bucket:
        text += f" · counted per {view.bucket} (zoom in for single events)"
    if low_hidden > 0:
        text += f" · {low_hidden:,} low-confidence hidden"
    if replace(state.filter, min_confidence=0.0) != ViewState().filter or low_hidden > 0:
        text += " · filtered"
    return text


def actor_options(store: Store, flt) -> list[dict[str, Any]]:
    """Actors with their event counts under every other filter; selected actors are
    always listed (a Dash 4 dropdown drops a value that is not among its options)."""
    actor_rows = store.actor_counts(without_actors(flt))
    counts = {a.name: n for a, n in actor_rows}
    kinds = {a.name: a.kind for a, _ in actor_rows}
    names = list(counts)[:MAX_ACTOR_OPTIONS]
    names += [name for name in flt.actors if name not in names]
    return [
        {"label": f"{name} ({counts.get(name, 0):,})", "value": name, "title": kinds.get(name, "")}
        for name in names
    ]


def type_options(store: Store, flt) -> list[dict[str, Any]]:
    counts = dict(store.type_counts(without_types(flt)))
    names = list(counts) + [t for t in flt.types if t not in counts]
    return [{"label": f"{t} ({counts.get(t, 0):,})", "value": t} for t in names]


def _article_option(article_id: str, title: str, published: date) -> dict[str, Any]:
    full = f"{published.isoformat()} · {title or article_id}"
    option: dict[str, Any] = {"label": full[:120], "value": article_id}
    if len(full) > 120:
        option["search"] = title  # the dropdown's own filter then sees the whole title
    return option


def article_options(
    store: Store, search: str | None = "", selected: Sequence[str] = ()
) -> list[dict[str, Any]]:
    """Options of an article dropdown: at most ARTICLE_OPTIONS articles matching the
    search typed (title, id or date; the newest when nothing is typed), found in the
    store, then the selected articles that are not among them (a Dash 4 dropdown drops a
    value that is not among its options)."""
    rows = store.find_articles((search or "").strip(), ARTICLE_OPTIONS, include=tuple(selected))
    return [_article_option(*row) for row in rows]


def few_articles(store: Store) -> bool:
    """True when every article fits in a dropdown: its options then list them all, and
    the dropdown's own filter searches them without asking the server."""
    return len(store.find_articles("", ARTICLE_OPTIONS + 1)) <= ARTICLE_OPTIONS


def searched_options(
    store: Store, search: str | None, selected: Sequence[str], *, typed: bool
) -> list[dict[str, Any]]:
    """The answer of an article dropdown's search callback; `typed` when the search text
    changed (rather than the store). A small store's dropdown already lists every
    article and filters them itself: nothing to send."""
    if typed and few_articles(store):
        raise PreventUpdate
    return article_options(store, search, selected)


def table_outputs(
    events: list[Event], *, page: int, rows: int, in_window: int, bucket: str | None
) -> tuple[str, str, bool, bool]:
    """Page `page` (of `rows` events) of the table: its HTML, the note above it, and
    whether the previous and next buttons are disabled."""
    offset = page * rows
    note = L.table_note(offset=offset, shown=len(events), in_window=in_window, bucket=bucket)
    return L.events_table(events), note, page <= 0, offset + len(events) >= in_window


def turn_page(
    store: Store,
    search: str | None,
    window: dict[str, Any] | None,
    page: int,
    *,
    rows: int | None = None,
) -> tuple[Any, ...]:
    """Page `page` of the table of the view (clamped to the pages there are): what
    table_outputs gives, and the page number shown."""
    rows = rows or TABLE_ROWS
    state = parse_query(search)
    window_range = window_dates(window)
    flt = state.filter
    wflt = with_range(flt, *window_range) if window_range else flt
    in_window = store.count_events(wflt)
    page = max(0, min(page, (in_window - 1) // rows)) if in_window else 0
    bucket = choose_bucket(wflt) if in_window > AGGREGATE_ABOVE else None
    events = table_page(store, wflt, page=page, rows=rows)
    table = table_outputs(events, page=page, rows=rows, in_window=in_window, bucket=bucket)
    return (*table, page)


def refresh(
    store: Store,
    search: str | None,
    window: dict[str, Any] | None,
) -> tuple[Any, ...]:
    """Everything drawn for a URL: figure, its config, the table's first page, summary,
    the option lists of the actor and type filters with their counts, and the table's
    note and whether its previous/next buttons are disabled.

    Drawn once per view (the URL's state in its canonical form and the zoom window) and
    store version; every answer is plain JSON data (no component objects), which Dash
    encodes in one pass."""
    state = parse_query(search)
    if state.window is None and window_dates(window):  # a window given apart from the URL
        state = replace(state, window=window_dates(window))
    window_range = state.window
    key = ("view", to_query(state))
    # Kept as JSON text: compact, and invisible to the garbage collector (a few hundred
    # views as Python objects are millions of objects for every full collection to walk).
    text = memo(store, key, lambda: dumps(_draw(store, state, window_range)), nbytes=len)
    out = loads(text)
    out[0]["layout"]["uirevision"] = f"rev{(window or {}).get('rev', 0)}"
    return tuple(out)


def _window_key(window: tuple[date, date] | None) -> str | None:
    """A zoom window as JSON data (what the plot shows, kept in L.DRAWN)."""
    return None if window is None else f"{window[0].isoformat()}/{window[1].isoformat()}"


_CONTROLS = (
    "actors", "affiliated", "types", "date_from", "date_to",
    "articles", "hide_low", "text", "lane", "color",
)  # fmt: skip


def _state_of(values: Sequence[Any], **override: Any) -> ViewState:
    """The view the filter controls' values (sync_url's first inputs, in _CONTROLS order)
    show; `override` replaces some of them (the dates, when From is after To)."""
    given = dict(zip(_CONTROLS, values[: len(_CONTROLS)], strict=True))
    given["affiliated"] = bool(given["affiliated"])
    given["hide_low"] = bool(given["hide_low"])
    return from_controls(**{**given, **override})


def _same_controls(state: ViewState, values: Sequence[Any]) -> bool:
    """Whether the controls' values (sync_url's inputs) already show `state`'s filters."""
    return to_query(_state_of(values)) == to_query(replace(state, window=None))


def _draw(store: Store, state: ViewState, window: tuple[date, date] | None) -> tuple[Any, ...]:
    opts = FigureOptions(autosize=True)
    flt = state.filter
    # The type list's counts (every filter but the types) also give the number of events
    # in view: each event has one type. One query fewer than asking for the count.
    per_type = store.type_counts(without_types(flt))
    total = sum(n for t, n in per_type if not flt.types or t in flt.types)
    view = build_view(store, state, window=window, options=opts, total=total, table_rows=TABLE_ROWS)
    low_hidden = 0
    if flt.min_confidence > 0:
        low_hidden = store.count_events(replace(flt, min_confidence=0.0)) - total
    table = table_outputs(
        view.table, page=0, rows=TABLE_ROWS, in_window=view.in_window, bucket=view.bucket
    )
    html, note, no_prev, no_next = table
    return (
        view.figure,
        graph_config(view_filename(state)),
        html,
        summary_text(view, state, low_hidden=low_hidden),
        actor_options(store, flt),
        type_options(store, flt),
        note,
        no_prev,
        no_next,
    )


# Exports are drawn one at a time: a large one takes a second of CPU, and several at
# once would slow every filter change in the meantime.
_export_turn = threading.Lock()


def export_key(state: ViewState, fmt: str) -> str:
    """What an export depends on: tables only on the filter (they have no title),
    TimelineJS also on the lanes (its groups), pictures on the whole view."""
    if fmt in ("csv", "json"):
        return to_query(ViewState(filter=state.filter, window=state.window))
    if fmt == "timelinejs":
        return to_query(ViewState(filter=state.filter, lane=state.lane, window=state.window))
    return to_query(state)


def export_bytes(store: Store, state: ViewState, fmt: str, title: str | None) -> bytes:
    """The export of a view, drawn once per store version (by whoever asks first)."""
    from dashapp.export import render

    key = ("export", fmt, export_key(state, fmt), None if fmt in ("csv", "json") else title)

    def draw() -> bytes:
        with _export_turn:
            # a request for the same export that waited here finds it drawn
            return memo(
                store,
                key,
                lambda: render(store, state, fmt, title=title),
                pool="export",
                nbytes=len,
            )

    return memo(store, key, draw, pool="export", nbytes=len)


def link_filter(
    store: Store, gazetteer: Callable[[], Any] | None, flt: EventFilter
) -> tuple[EventFilter, str | None]:
    """A link's actors and types as the controls name them: an actor by any of the names
    the correction form accepts ("putin", "USA", a stored person's family name), a type in
    any letter case; the values that name nothing are left out, with a message."""
    if not flt.actors and not flt.types:
        return flt, None
    problems: list[str] = []
    actors: dict[str, None] = {}
    if flt.actors:
        for r in read_names(flt.actors, known_names(store, gazetteer)):
            if len(r.actors) == 1:
                actors[r.actors[0].name] = None
            else:
                close = [a.name for a in r.actors] or r.close
                hint = f" (did you mean {', '.join(close)}?)" if close else ""
                problems.append(f"no single actor is named “{r.given}”{hint}")
    types: dict[str, None] = {}
    if flt.types:
        known = {t.casefold(): t for t in event_types(store)}
        for name in flt.types:
            if (hit := known.get(name.casefold())) is not None:
                types[hit] = None
            else:
                problems.append(f"there is no event type “{name}”")
    out = replace(flt, actors=tuple(actors), types=tuple(types))
    if not problems:
        return out, None
    return out, "This link's filter: " + "; ".join(problems) + ". Left out."


def known_names(store: Store, gazetteer: Callable[[], Any] | None) -> ActorNames:
    """The names the correction form accepts: the store's actors and the gazetteer's
    (built once per store version)."""

    def build() -> ActorNames:
        return known_actor_names(store.actors(), gazetteer() if gazetteer is not None else None)

    return memo(store, ("actor-names",), build)


def register(
    app: dash.Dash,
    store: Store,
    *,
    extractor: Extractor,
    data_dir: Path | None,
    upload_limit: int,
    gazetteer: Callable[[], Any] | None = None,
    in_memory: bool = False,
) -> None:
    @app.callback(
        Output(L.URL, "search"),
        [Output(c, "value") for c in CONTROLS],
        # Options arrive with values from the URL, or the dropdowns would drop them.
        Output(L.ACTORS, "options", allow_duplicate=True),
        Output(L.TYPES, "options", allow_duplicate=True),
        Output(L.ARTICLES, "options", allow_duplicate=True),
        Output(L.DATES_MSG, "children"),
        Output(L.DATES_MSG, "className"),
        Output(L.LINK_FIX, "data"),
        Input(L.URL, "search"),
        # The search text applies on Enter or when the box loses focus (n_submit,
        # n_blur), not as it is typed: the box sends its value on every key (dcc.Input's
        # debounce puts the cursor back where it was a key earlier and scrambles fast
        # typing), and nothing is drawn for a half-typed word.
        [State(c, "value") if c == L.TEXT else Input(c, "value") for c in CONTROLS],
        Input(L.CLEAR, "n_clicks"),
        Input(L.TEXT, "n_submit"),
        Input(L.TEXT, "n_blur"),
        State(L.ARTICLES, "options"),
        prevent_initial_call="initial_duplicate",
    )
    def sync_url(search, *values):
        # One callback both ways (Dash does not re-trigger a callback with its own
        # outputs): the URL fills the controls on load and on back/forward; a control
        # change rewrites the URL.
        trigger = ctx.triggered_id
        keep = [no_update] * 3
        fine = ["", "message"]
        zoomed = parse_query(search).window  # the zoom is not a filter: it stays
        if f"{L.CLEAR}.n_clicks" in ctx.triggered_prop_ids:  # (with the text box's blur)
            cleared = to_query(ViewState(window=zoomed))
            return cleared, *controls_of(ViewState()), *keep, *fine, no_update
        # On page load every input counts as triggered: the URL wins.
        if trigger is None or f"{L.URL}.search" in ctx.triggered_prop_ids:
            state, original = parse_query(search), search
            loaded = bool(values[-1])  # the page has been filled once (article options)
            if loaded and _same_controls(state, values):
                raise PreventUpdate  # the zoom changed (or nothing): controls are right
            flt, unknown = link_filter(store, gazetteer, state.filter)
            # a hand-written or older link ("?actor=putin&type=assault") as the controls
            # name its values; what names nothing is left out, and said; empty or
            # unknown fields ("?actor=&type=") go, and the fields come in one order
            state = replace(state, filter=flt)
            search = to_query(state)
            given = query_dates(original)
            if inverted_dates(*given):  # kept as written: the message shows them
                search += f"{'&' if search else '?'}from={given[0]}&to={given[1]}"
            options = [
                actor_options(store, state.filter),
                type_options(store, state.filter),
                article_options(store, "", state.filter.articles),
            ]
            shown, note = controls_of(state), fine
            if inverted_dates(*given):  # a link with From after To: said, not swapped
                shown[3:5] = given
                note = [LINK_DATES_INVERTED, "message error"]
            elif unknown:
                note = [unknown, "message error"]
            # (the address is not written here: that would add a history entry, and
            # Back would lead to the link as typed, to be rewritten again)
            fixed = search if search != (original or "") else no_update
            return no_update, *shown, *options, *note, fixed
        dfrom, dto = values[3], values[4]
        note = fine
        if inverted_dates(dfrom, dto):
            # Not swapped behind the user's back (they may be about to change the other
            # date): said, and the dates shown so far stay in force.
            note = [DATES_INVERTED, "message error"]
            shown = parse_query(search).filter
            dfrom = shown.date_from.isoformat() if shown.date_from else None
            dto = shown.date_to.isoformat() if shown.date_to else None
        state = _state_of(values, date_from=dfrom, date_to=dto)
        query = to_query(replace(state, window=zoomed))
        if query == (search or ""):
            return no_update, *([no_update] * len(CONTROLS)), *keep, *note, no_update
        return query, *([no_update] * len(CONTROLS)), *keep, *note, no_update

    # The rewritten link replaces the address typed in the browser's history, and the
    # location component is told, as a dcc.Link tells it of a new address.
    app.clientside_callback(
        """
        function(search) {
            if (typeof search !== 'string') { return window.dash_clientside.no_update; }
            if (window.location.search !== search) {
                window.history.replaceState(window.history.state, '',
                    window.location.pathname + search + window.location.hash);
                window.dispatchEvent(new CustomEvent('_dashprivate_pushstate'));
            }
            return search;
        }
        """,
        Output(L.LINK_FIXED, "data"),
        Input(L.LINK_FIX, "data"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output(L.URL, "search", allow_duplicate=True),
        Output(L.WINDOW, "data"),
        Output(L.DRAWN, "data", allow_duplicate=True),
        Input(L.GRAPH, "relayoutData"),
        Input(L.RESET, "n_clicks"),
        Input(L.GRAPH, "clickData"),
        State(L.URL, "search"),
        State(L.WINDOW, "data"),
        State(L.DRAWN, "data"),
        prevent_initial_call=True,
    )
    def zoom(relayout, _reset, click, search, data, drawn):
        # The zoomed window goes into the URL with the filters: the table, the counts
        # and the exports follow it, and a reload or a shared link shows it again.
        data = data or {"rev": 0}
        state = parse_query(search)
        if ctx.triggered_id == L.RESET:
            # a new revision: the figure is redrawn and plotly forgets the user's zoom
            query = to_query(replace(state, window=None))
            return query, {"rev": data.get("rev", 0) + 1}, no_update
        zoomed = f"{L.GRAPH}.relayoutData" in ctx.triggered_prop_ids
        if f"{L.GRAPH}.clickData" in ctx.triggered_prop_ids and not zoomed:
            # (a double click is a click and a relayout, which may arrive together: the
            # relayout is what the plot shows)
            span = clicked_bucket(click)
            if span is None:
                raise PreventUpdate  # a single event: its details open (select)
            # the figure drawn for the bucket replaces the user's own zoom
            query = to_query(replace(state, window=span))
            return query, {"rev": data.get("rev", 0) + 1}, no_update
        rng = parse_window(relayout)
        if rng is False:
            raise PreventUpdate
        window = window_dates({"range": list(rng)}) if rng else None
        query = to_query(replace(state, window=window))
        if query == (search or ""):
            raise PreventUpdate
        # the plot shows this window already: update_view need not draw it
        return query, no_update, {**(drawn or {}), "shown": _window_key(window)}

    @app.callback(
        Output(L.GRAPH, "figure"),
        Output(L.GRAPH, "config"),
        Output(L.TABLE, "children"),
        Output(L.SUMMARY, "children"),
        Output(L.ACTORS, "options"),
        Output(L.TYPES, "options"),
        Output(L.TABLE_NOTE, "children"),
        Output(L.TABLE_PREV, "disabled"),
        Output(L.TABLE_NEXT, "disabled"),
        Output(L.TABLE_PAGE, "data"),
        Output(L.DRAWN, "data"),
        Input(L.URL, "search"),
        Input(L.WINDOW, "data"),
        Input(L.VERSION, "data"),
        State(L.DRAWN, "data"),
    )
    def update_view(search, window, version, drawn):
        started = time.perf_counter()
        state = parse_query(search)
        # What the figure depends on when every event is drawn: not the zoom, which
        # plotly applies on the client (only the table and the counts follow it) when the
        # user zooms; but back or forward to another zoom must move the plot.
        rev = (window or {}).get("rev", 0)
        unzoomed = [to_query(replace(state, window=None)), version, rev]
        drawn = drawn if isinstance(drawn, dict) else {}
        shown = _window_key(state.window)
        moves = drawn.get("n", 0) + (drawn.get("shown") != shown)
        now = {"key": unzoomed, "shown": shown, "n": moves}
        out = list(refresh(store, search, window))
        if drawn.get("key") == unzoomed and drawn.get("shown") == shown:
            if store.count_events(state.filter) <= AGGREGATE_ABOVE:
                out[0] = out[1] = no_update  # the figure on the page already shows it
        if out[0] is not no_update:
            # A new uirevision for each window the plot is moved to: with the same one,
            # plotly would keep the user's last zoom over the figure's range.
            out[0]["layout"]["uirevision"] = f"rev{rev}:{moves}"
        log.debug("view refreshed in %.1f ms", 1000 * (time.perf_counter() - started))
        return (*out, 0, now)  # a new view starts on the table's first page

    @app.callback(
        Output(L.TABLE, "children", allow_duplicate=True),
        Output(L.TABLE_NOTE, "children", allow_duplicate=True),
        Output(L.TABLE_PREV, "disabled", allow_duplicate=True),
        Output(L.TABLE_NEXT, "disabled", allow_duplicate=True),
        Output(L.TABLE_PAGE, "data", allow_duplicate=True),
        Input(L.TABLE_PREV, "n_clicks"),
        Input(L.TABLE_NEXT, "n_clicks"),
        State(L.TABLE_PAGE, "data"),
        State(L.URL, "search"),
        State(L.WINDOW, "data"),
        prevent_initial_call=True,
    )
    def page_table(_prev, _next, page, search, window):
        step = 1 if ctx.triggered_id == L.TABLE_NEXT else -1
        return turn_page(store, search, window, (page or 0) + step)

    # Article dropdowns search the store as the user types (Dash's dynamic options: a
    # callback on search_value); an upload or re-extraction refreshes them.
    @app.callback(
        Output(L.ARTICLES, "options"),
        Input(L.ARTICLES, "search_value"),
        Input(L.VERSION, "data"),
        State(L.ARTICLES, "value"),
        prevent_initial_call=True,  # on page load sync_url sends the first options
    )
    def articles_search(search, _version, selected):
        typed = ctx.triggered_id == L.ARTICLES
        return searched_options(store, search, selected or [], typed=typed)

    @app.callback(
        Output(L.REF_ARTICLE, "options"),
        Input(L.REF_ARTICLE, "search_value"),
        Input(L.VERSION, "data"),
        State(L.REF_ARTICLE, "value"),
    )
    def reference_search(search, _version, selected):
        typed = ctx.triggered_id == L.REF_ARTICLE
        return searched_options(store, search, [selected] if selected else [], typed=typed)

    # A table row's Details button sets SELECTED in the browser (assets/table.js). A click
    # on an event opens its details once it is known not to be the first click of a
    # double click (plotly's zoom out).
    app.clientside_callback(
        f"""
        function(click) {{
            var dc = window.dash_clientside;
            var points = (click || {{}}).points || [];
            var eid = points.length ? points[0].customdata : null;
            if (typeof eid !== 'string') {{ return dc.no_update; }}  // aggregated markers
            // the click's own time (assets/graph.js), not this callback's, which may
            // run late on a busy page
            var at = window.geotimelineClickAt || Date.now();
            var wait = Math.max(0, at + {DOUBLE_CLICK_MS} - Date.now());
            return new Promise(function(resolve) {{
                setTimeout(function() {{
                    // the first click of a double click: plotly zooms out instead
                    var double = (window.geotimelineDoubleClickAt || 0) >= at;
                    resolve(double ? dc.no_update : eid);
                }}, wait);
            }});
        }}
        """,
        Output(L.SELECTED, "data"),
        Input(L.GRAPH, "clickData"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output(L.DETAILS, "children"),
        Output(L.CORR_START, "value"),
        Output(L.CORR_END, "value"),
        Output(L.CORR_LABEL, "value"),
        Output(L.CORR_ACTORS, "value"),
        Output(L.CORR_SOURCE, "value"),
        Output(L.CORR_TARGET, "value"),
        Input(L.SELECTED, "data"),
        Input(L.VERSION, "data"),
    )
    def details(event_id, _version):
        if not event_id:
            raise PreventUpdate
        ev = store.event(event_id)
        if ev is None:
            return (
                L.hint("This event is no longer in the store (its article was re-extracted)."),
                "",
                "",
                "",
                "",
                "",
                "",
            )
        ids = {m.article for m in ev.mentions}
        articles = {i: a for i in ids if (a := store.article(i)) is not None}
        return (
            L.event_details(ev, articles),
            ev.start.isoformat(),
            ev.end.isoformat(),
            ev.label,
            ", ".join(ev.actors),
            ev.source or "",
            ev.target or "",
        )

    @app.callback(
        Output(L.CORR_MSG, "children"),
        Output(L.CORR_MSG, "className"),
        Output(L.VERSION, "data", allow_duplicate=True),
        Output(L.SELECTED, "data", allow_duplicate=True),
        Input(L.CORR_SAVE, "n_clicks"),
        State(L.SELECTED, "data"),
        State(L.CORR_START, "value"),
        State(L.CORR_END, "value"),
        State(L.CORR_LABEL, "value"),
        State(L.CORR_ACTORS, "value"),
        State(L.CORR_SOURCE, "value"),
        State(L.CORR_TARGET, "value"),
        State(L.VERSION, "data"),
        prevent_initial_call=True,
    )
    def correct(_n, event_id, start, end, label, actors, source, target, version):
        if not event_id:
            return "Select an event first.", "message error", no_update, no_update
        try:
            d1 = date.fromisoformat(start) if start else None
            d2 = date.fromisoformat(end) if end else d1
        except ValueError:
            return "Dates must be YYYY-MM-DD.", "message error", no_update, no_update
        if d1 and d2 and d2 < d1:
            return "The last day is before the first day.", "message error", no_update, no_update
        label = (label or "").strip()
        if not label:
            return "The label cannot be empty.", "message error", no_update, no_update
        names = known_names(store, gazetteer)
        named, problem = resolve_names(actors, names)
        if problem:
            return problem, "message error", no_update, no_update
        if not named:
            # (an empty box is more likely a slip than a wish for an event of nobody)
            return NO_ACTORS, "message error", no_update, no_update
        roles = {}
        current = store.event(event_id)
        chosen = {a.name for a in named}
        for role, given in (("source", source), ("target", target)):
            one, problem = resolve_names(given, names)
            name = one[0].name if one else ""
            if not problem and len(one) > 1:
                problem = f"Give one {role}, not {len(one)}."
            elif name and name not in chosen:
                if current is not None and name == getattr(current, role):
                    name = ""  # left as it was, of an actor the correction removes
                else:
                    problem = f"The {role} {name} is not among the actors."
            if problem:
                return problem, "message error", no_update, no_update
            roles[role] = name
        try:
            ev = store.correct_event(
                event_id,
                start=d1,
                end=d2,
                label=label,
                actors=tuple(a.name for a in named),
                new_actors=named,
                **roles,
            )
        except (KeyError, ValueError) as exc:  # the event went, or a date it refuses
            return f"Correction failed: {exc}", "message error", no_update, no_update
        except Exception as exc:  # report in the page; the server keeps running
            log.exception("correction failed")
            return f"Correction failed: {exc}", "message error", no_update, no_update
        saved = "Saved (marked as a human correction)"
        if in_memory:
            saved += "; kept until the server stops (serve with --db FILE to keep corrections)"
        return (saved + ".", "message ok", (version or 0) + 1, ev.id)

    @app.callback(
        Output(L.ACTOR_NAMES, "data"),
        Input(L.SELECTED, "data"),
        Input(L.VERSION, "data"),
        State(L.ACTOR_NAMES, "data"),
        prevent_initial_call=True,
    )
    def load_names(selected, _version, loaded):
        # Sent once an event is selected (the page loads without them), again after a
        # write when they were sent.
        if ctx.triggered_id == L.VERSION:
            if loaded is None:
                raise PreventUpdate
        elif loaded is not None or not selected:
            raise PreventUpdate
        return list(known_names(store, gazetteer).canonical)

    # The actors input suggests names for the part being typed (after the last comma).
    app.clientside_callback(
        r"""
        function(value, names) {
            names = names || [];
            value = value || '';
            var cut = value.lastIndexOf(',') + 1;
            var part = value.slice(cut);
            // what precedes the name as typed, so that every option extends the value
            var prefix = value.slice(0, cut) + part.match(/^\s*/)[0];
            var typed = part.trim().toLowerCase();
            var first = [], then = [];
            for (var i = 0; i < names.length && first.length < 20; i++) {
                var at = names[i].toLowerCase().indexOf(typed);
                if (at === 0) { first.push(names[i]); }
                else if (at > 0 && then.length < 20) { then.push(names[i]); }
            }
            return first.concat(then).slice(0, 20).map(function(n) {
                return {type: 'Option', namespace: 'dash_html_components',
                        props: {value: prefix + n}};
            });
        }
        """,
        Output(L.CORR_ACTOR_LIST, "children"),
        Input(L.CORR_ACTORS, "value"),
        Input(L.ACTOR_NAMES, "data"),
    )

    # The size limit is checked in the browser before the file is sent, so an oversized
    # file gets a clear message instead of a refused request; the server checks again.
    app.clientside_callback(
        f"""
        function(contents, filename) {{
            if (!contents) {{ return [window.dash_clientside.no_update,
                                      window.dash_clientside.no_update,
                                      window.dash_clientside.no_update]; }}
            // the browser fires no change for the file its input already holds: emptied,
            // the same file chosen again (an edited copy, a retry) is uploaded again
            var input = document.querySelector('#{L.UPLOAD} input[type=file]');
            if (input) {{ input.value = ''; }}
            var comma = contents.indexOf(',');
            var size = Math.floor((contents.length - comma - 1) * 3 / 4);
            if (size > {upload_limit}) {{
                return [null, 'Refused: ' + filename + ' is larger than the '
                        + '{upload_limit / 2**20:g} MB upload limit.', 'message error'];
            }}
            return [{{name: filename, contents: contents, at: Date.now()}},
                    'Processing ' + filename + '…', 'message'];
        }}
        """,
        Output(L.UPLOAD_PAYLOAD, "data"),
        Output(L.UPLOAD_MSG, "children"),
        Output(L.UPLOAD_MSG, "className"),
        Input(L.UPLOAD, "contents"),
        State(L.UPLOAD, "filename"),
        prevent_initial_call=True,
    )

    @app.callback(
        Output(L.UPLOAD_MSG, "children", allow_duplicate=True),
        Output(L.UPLOAD_MSG, "className", allow_duplicate=True),
        Output(L.VERSION, "data", allow_duplicate=True),
        Output(L.UPLOAD, "contents"),
        Input(L.UPLOAD_PAYLOAD, "data"),
        State(L.VERSION, "data"),
        prevent_initial_call=True,
    )
    def upload(payload, version):
        if not payload:
            raise PreventUpdate
        try:
            outcome = add_upload(
                store,
                payload.get("name"),
                payload.get("contents"),
                limit=upload_limit,
                extractor=extractor,
                data_dir=data_dir,
            )
        except Refused as exc:
            return str(exc), "message error", no_update, None
        except Exception as exc:
            log.exception("upload failed")
            return (
                f"Could not process {payload.get('name')}: {type(exc).__name__}: {exc}",
                "message error",
                no_update,
                None,
            )
        cls = "message ok" if outcome.ok else "message error"
        shown = L.upload_message(outcome.message(), outcome.problems, outcome.unlisted)
        return shown, cls, (version or 0) + (1 if outcome.articles else 0), None

    @app.callback(
        Output(L.UPLOAD_MSG, "children", allow_duplicate=True),
        Output(L.UPLOAD_MSG, "className", allow_duplicate=True),
        Output(L.VERSION, "data", allow_duplicate=True),
        Input(L.PASTE_ADD, "n_clicks"),
        State(L.PASTE_TITLE, "value"),
        State(L.PASTE_DATE, "value"),
        State(L.PASTE_URL, "value"),
        State(L.PASTE_BODY, "value"),
        State(L.VERSION, "data"),
        prevent_initial_call=True,
    )
    def paste(_n, title, published, url, body, version):
        try:
            outcome = add_pasted(
                store,
                title=title,
                published=published,
                url=url,
                body=body,
                extractor=extractor,
                limit=upload_limit,
                data_dir=data_dir,
            )
        except Refused as exc:
            return str(exc), "message error", no_update
        except Exception as exc:
            log.exception("paste failed")
            return (
                f"Could not process the article: {type(exc).__name__}: {exc}",
                "message error",
                no_update,
            )
        cls = "message ok" if outcome.articles or outcome.ok else "message error"
        return outcome.message(), cls, (version or 0) + (1 if outcome.articles else 0)

    @app.callback(
        Output(L.REF_DATE, "value"),
        Output(L.REF_MSG, "children"),
        Output(L.REF_MSG, "className"),
        Input(L.REF_ARTICLE, "value"),
        prevent_initial_call=True,
    )
    def pick_article(article_id):
        art = store.article(article_id) if article_id else None
        if art is None:
            return "", "", "message"
        text = f"Published {art.date.isoformat()}"
        if art.reference_date:
            text += f"; relative dates anchored on {art.reference_date.isoformat()}"
        elif art.dateline_anchored:
            text += f"; relative dates anchored on its dateline's {art.anchor.isoformat()}"
        return art.anchor.isoformat(), text + ".", "message"

    @app.callback(
        Output(L.REF_MSG, "children", allow_duplicate=True),
        Output(L.REF_MSG, "className", allow_duplicate=True),
        Output(L.VERSION, "data", allow_duplicate=True),
        Input(L.REF_APPLY, "n_clicks"),
        State(L.REF_ARTICLE, "value"),
        State(L.REF_DATE, "value"),
        State(L.VERSION, "data"),
        prevent_initial_call=True,
    )
    def apply_reference(_n, article_id, ref, version):
        try:
            done = reextract(store, article_id, ref, extractor=extractor)
        except Refused as exc:
            return str(exc), "message error", no_update
        except Exception as exc:
            log.exception("re-extraction failed")
            return f"Re-extraction failed: {type(exc).__name__}: {exc}", "message error", no_update
        cls = "message error" if done.lost else "message ok"
        return done.message(), cls, (version or 0) + 1

    @app.callback(
        Output(L.DOWNLOAD, "data"),
        Output(L.EXPORT_MSG, "children"),
        [Input(L.export_button_id(fmt), "n_clicks") for fmt, _ in L.EXPORT_FORMATS],
        State(L.URL, "search"),
        State(L.EXPORT_TITLE, "value"),
        prevent_initial_call=True,
    )
    def export_file(*args):
        from dashapp.export import file_extension

        trigger = ctx.triggered_id
        if not isinstance(trigger, str) or not ctx.triggered[0].get("value"):
            raise PreventUpdate
        fmt = trigger.removeprefix("export-")
        search, title = args[-2], args[-1]
        state = parse_query(search)
        title = (title or "").strip() or None
        try:
            data = export_bytes(store, state, fmt, title)
        except Exception as exc:
            log.exception("export failed")
            return no_update, L.node("Span", f"Export failed: {exc}", className="error")
        name = f"{view_filename(state)}.{file_extension(fmt)}"
        return dcc.send_bytes(data, name), f"Exported {name}"
