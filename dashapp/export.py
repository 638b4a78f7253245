"""Exports of a filtered timeline: the figure as PNG/SVG/PDF (kaleido and the system
Chromium), the events as CSV and as JSON (the shapes of `geotimeline extract`), and a
TimelineJS JSON file.

kaleido's shared sync server is started lazily on the first image and reused (an image
then takes about half a second instead of starting Chromium each time); it is not
thread-safe, so every call goes through one lock.
"""

from __future__ import annotations

import atexit
import html
import json
import re
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Literal
from urllib.parse import urlsplit

from dashapp.app.figures import FigureOptions, resolved_text
from dashapp.app.filters import ViewState, with_range
from dashapp.app.view import build_view, sort_events
from dashapp.models import Event, EventFilter, Extraction, quoted_mention
from dashapp.serialize import events_to_csv, extraction_to_json
from dashapp.store import Store

Format = Literal["png", "svg", "pdf", "csv", "json", "timelinejs"]
FORMATS: tuple[str, ...] = ("png", "svg", "pdf", "csv", "json", "timelinejs")
IMAGE_FORMATS = ("png", "svg", "pdf")
MEDIA_TYPES = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "pdf": "application/pdf",
    "csv": "text/csv",
    "json": "application/json",
    "timelinejs": "application/json",
}
EXTENSIONS = {"timelinejs": "timeline.json"}
# Print resolution: a 1600x900 layout rendered at scale 2 is 3200x1800 pixels, 300 dpi
# over about 27 cm; SVG and PDF are vector at the 1600x900 layout size.
WIDTH, HEIGHT, SCALE = 1600, 900, 2

_kaleido_lock = threading.Lock()
_kaleido_started = False


def _stop_kaleido() -> None:
    # Stop Chromium before Python removes its temporary profile folder.
    import kaleido

    with _kaleido_lock:
        try:
            kaleido.stop_sync_server(silence_warnings=True)
        except Exception:  # at exit, nothing more can be done
            pass


def file_extension(fmt: str) -> str:
    return EXTENSIONS.get(fmt, fmt)


def image_bytes(
    fig, fmt: str, *, width: int = WIDTH, height: int = HEIGHT, scale: float = SCALE
) -> bytes:
    """A plotly figure as PNG/SVG/PDF bytes through the shared kaleido server."""
    global _kaleido_started
    import kaleido

    opts = {"format": fmt, "width": width, "height": height, "scale": scale if fmt == "png" else 1}
    with _kaleido_lock:
        if not _kaleido_started:
            # mathjax=False: the default page loads MathJax from a CDN; exports stay offline
            kaleido.start_sync_server(mathjax=False, silence_warnings=True)
            _kaleido_started = True
            atexit.register(_stop_kaleido)
        return kaleido.calc_fig_sync(fig, opts=opts)


def render(
    store: Store, state: ViewState | EventFilter, fmt: str, *, title: str | None = None
) -> bytes:
    """The export of `state` in format `fmt`, as bytes."""
    if isinstance(state, EventFilter):
        state = ViewState(filter=state)
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r} (expected one of {', '.join(FORMATS)})")
    if fmt in IMAGE_FORMATS:
        opts = FigureOptions(
            title=title or default_title(state), width=WIDTH, height=HEIGHT, labels=True
        )
        view = build_view(store, state, options=opts)
        return image_bytes(view.figure, fmt)
    # the zoomed window, as the dashboard's table shows it
    flt = with_range(state.filter, *state.window) if state.window else state.filter
    events = sort_events(store.events(flt))
    if fmt == "csv":
        return events_csv(events).encode("utf-8")
    if fmt == "json":
        doc = extraction_json(store, events)
        return _json_bytes(doc)
    wanted = {m.article for ev in events for m in ev.mentions[:1]}
    articles = {a.id: (a.title, a.url) for a in store.articles() if a.id in wanted}
    doc = timelinejs(
        events,
        title=title or default_title(state),
        group="type" if state.lane == "type" else "actor",
        articles=articles,
    )
    return _json_bytes(doc)


def _json_bytes(doc: object) -> bytes:
    """`json.dumps(doc, ensure_ascii=False)` as UTF-8. Without `indent`: with it the
    json module falls back from its C encoder to pure Python, about ten times slower
    (seconds for 10,000 events). The lists of a top-level object are encoded an item at
    a time: one C call on a whole 10 MB document would hold the GIL for a quarter of a
    second, stopping the dashboard's other requests meanwhile."""
    if not isinstance(doc, dict):
        return json.dumps(doc, ensure_ascii=False).encode("utf-8")
    parts = []
    for key, value in doc.items():
        if isinstance(value, list):
            text = "[" + ", ".join([json.dumps(v, ensure_ascii=False) for v in value]) + "]"
        else:
            text = json.dumps(value, ensure_ascii=False)
        parts.append(json.dumps(key, ensure_ascii=False) + ": " + text)
    return ("{" + ", ".join(parts) + "}").encode("utf-8")


def export(
    store: Store,
    flt: EventFilter | ViewState,
    fmt: str,
    out: Path | IO[bytes],
    *,
    title: str | None = None,
) -> int:
    """Write the export to a path or binary file; returns the number of bytes written."""
    data = render(store, flt, fmt, title=title)
    if isinstance(out, Path | str):
        path = Path(out)
        tmp = path.with_name(path.name + ".part")
        try:
            tmp.write_bytes(data)
            tmp.replace(path)
        except OSError:
            tmp.unlink(missing_ok=True)  # no stray half of an export left behind
            raise
    else:
        out.write(data)
    return len(data)


def default_title(state: ViewState) -> str:
    flt = with_range(state.filter, *state.window) if state.window else state.filter
    parts = ["Timeline"]
    if flt.actors:
        parts.append(": " + ", ".join(flt.actors[:4]) + (" …" if len(flt.actors) > 4 else ""))
        if flt.include_affiliated:
            parts.append(" and affiliated people")
    if flt.types:
        parts.append(" (" + ", ".join(flt.types[:3]) + ")")
    if flt.date_from or flt.date_to:
        lo = flt.date_from.isoformat() if flt.date_from else "…"
        hi = flt.date_to.isoformat() if flt.date_to else "…"
        parts.append(f", {lo} to {hi}")
    if flt.text:
        parts.append(f", matching “{flt.text}”")
    return "".join(parts)


# --------------------------------------------------------------------------- tables


def events_csv(events: Iterable[Event]) -> str:
    """The CSV of `geotimeline extract --format csv`: one writer for both."""
    return events_to_csv(events)


def extraction_json(store: Store, events: list[Event]) -> dict[str, object]:
    """The JSON of `geotimeline extract` for the selected events: the articles that
    support them (with their resolved expressions) and their actors."""
    wanted = {m.article for ev in events for m in ev.mentions}
    articles = tuple(a for a in store.articles() if a.id in wanted)
    names = {name for ev in events for name in ev.actors}
    return extraction_to_json(
        Extraction(
            articles=articles,
            timexes=store.timexes_of(tuple(a.id for a in articles)),
            events=tuple(events),
            actors=tuple(a for a in store.actors() if a.name in names),
        )
    )


# --------------------------------------------------------------------------- TimelineJS

_MONTH_GRAINS = {"month"}
_YEAR_GRAINS = {"year", "decade", "century"}


def safe_url(url: str) -> str | None:
    """The URL if it is http(s), else None: no javascript:, data: or relative links."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def _tl_date(d, grain: str) -> dict[str, int]:
    if grain in _YEAR_GRAINS:
        return {"year": d.year}
    if grain in _MONTH_GRAINS:
        return {"year": d.year, "month": d.month}
    return {"year": d.year, "month": d.month, "day": d.day}


def timelinejs(
    events: Iterable[Event],
    *,
    title: str | None = None,
    group: Literal["actor", "type"] = "actor",
    articles: dict[str, tuple[str, str]] | None = None,
) -> dict[str, object]:
    """The TimelineJS JSON format: {"title": slide, "events": [slide, ...]}; each slide
    {"start_date": {"year", "month"?, "day"?}, "end_date"?, "text": {"headline", "text"},
    "group"?, "unique_id"?, "display_date"?}. TimelineJS renders headline and text as
    HTML, so every piece of article text is escaped here."""
    slides: list[dict[str, object]] = []
    used: set[str] = set()
    for ev in events:
        grain = ev.granularity
        start = _tl_date(ev.start, grain)
        slide: dict[str, object] = {"start_date": start}
        single = (
            ev.start == ev.end
            or (
                grain in _MONTH_GRAINS
                and (ev.start.year, ev.start.month) == (ev.end.year, ev.end.month)
            )
            or (grain == "year" and ev.start.year == ev.end.year)
        )
        if not single:
            slide["end_date"] = _tl_date(ev.end, grain)
        first = quoted_mention(ev)
        lines = []
        if first:
            lines.append("<p>" + html.escape(first.sentence) + "</p>")
        meta = [f"Type: {html.escape(ev.type)} ({html.escape(ev.quad_class)})"]
        if ev.actors:
            meta.append("Actors: " + html.escape(", ".join(ev.actors)))
        meta.append(
            f"Date: {html.escape(first.text if first else '')} → "
            f"{html.escape(ev.value)}" + (" (approximate)" if ev.approximate else "")
        )
        meta.append(f"Supporting articles: {ev.articles}")
        if ev.human:
            meta.append("Corrected by hand")
        lines.append("<p>" + "<br>".join(meta) + "</p>")
        if articles and first and first.article in articles:
            a_title, a_url = articles[first.article]
            url = safe_url(a_url)
            if url:
                lines.append(
                    f'<p><a href="{html.escape(url, quote=True)}">'
                    f"{html.escape(a_title or url)}</a></p>"
                )
        slide["text"] = {"headline": html.escape(ev.label), "text": "".join(lines)}
        lane = (ev.actors[0] if ev.actors else "") if group == "actor" else ev.type
        if lane:
            slide["group"] = html.escape(lane)
        if first and first.text:
            # the date it resolves to, with the words that gave it: "2022-01-09 (Sunday)"
            shown = resolved_text(ev)
            slide["display_date"] = html.escape(f"{shown} ({first.text})")
        uid = "ev-" + re.sub(r"[^A-Za-z0-9_-]+", "-", ev.id)[:60]
        while uid in used:
            uid += "-x"
        used.add(uid)
        slide["unique_id"] = uid
        slides.append(slide)
    doc: dict[str, object] = {"events": slides}
    if title:
        doc["title"] = {"text": {"headline": html.escape(title), "text": ""}}
    return doc
