"""Pure translation between the URL query string and the dashboard's view state.

The whole view lives in the URL (`?actor=Russia&actor=Ukraine&aff=1&type=FIGHT&from=
2022-01-01&to=2022-03-31&article=a1&conf=0.7&q=talks&lane=type&color=type&zoom=2022-01-10/
2022-02-20`, the last the timeline's zoomed window) so that a view can be shared and
reloaded. Unknown or malformed parameters are dropped, never
guessed.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from datetime import date
from urllib.parse import parse_qs, urlencode

from dashapp.models import EventFilter

LANES = ("actor", "type")
COLORS = ("quad", "type")
MAX_VALUES = 200  # per repeated parameter: a URL cannot make us build huge queries
MAX_TEXT = 200


@dataclass(frozen=True, slots=True)
class ViewState:
    """Everything the URL holds: the event filter plus how to draw it."""

    filter: EventFilter = field(default_factory=EventFilter)
    lane: str = "actor"
    color: str = "quad"
    window: tuple[date, date] | None = None  # the zoomed window, first and last day


def _date(raw: str) -> date | None:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw.strip()):
        return None
    try:
        return date.fromisoformat(raw.strip())
    except ValueError:
        return None


def _values(q: dict[str, list[str]], key: str) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for raw in q.get(key, []):
        value = raw.strip()
        if value and len(value) <= MAX_TEXT:
            seen[value] = None
    return tuple(seen)[:MAX_VALUES]


def _first(q: dict[str, list[str]], key: str) -> str:
    values = q.get(key)
    return values[0] if values else ""


def query_dates(search: str | None) -> tuple[str, str]:
    """The From and To dates of a query as written ("" when absent or malformed)."""
    q = parse_qs((search or "").lstrip("?"), keep_blank_values=False, max_num_fields=2000)
    dates = (_date(_first(q, "from")), _date(_first(q, "to")))
    return (dates[0].isoformat() if dates[0] else "", dates[1].isoformat() if dates[1] else "")


def parse_query(search: str | None) -> ViewState:
    """`?a=b&...` (leading "?" optional) -> ViewState."""
    q = parse_qs((search or "").lstrip("?"), keep_blank_values=False, max_num_fields=2000)
    conf = 0.0
    try:
        raw = float(_first(q, "conf") or 0)
        conf = min(1.0, max(0.0, raw)) if math.isfinite(raw) else 0.0
    except ValueError:
        conf = 0.0
    date_from = _date(_first(q, "from"))
    date_to = _date(_first(q, "to"))
    if date_from and date_to and date_from > date_to:
        # Not swapped: a link says what the page's controls would have refused
        # (sync_url shows the dates as given, with the message); neither applies.
        date_from = date_to = None
    flt = EventFilter(
        actors=_values(q, "actor"),
        include_affiliated=_first(q, "aff") in ("1", "true", "yes"),
        types=_values(q, "type"),
        date_from=date_from,
        date_to=date_to,
        articles=_values(q, "article"),
        min_confidence=conf,
        text=_first(q, "q").strip()[:MAX_TEXT],
    )
    lane = _first(q, "lane")
    color = _first(q, "color")
    return ViewState(
        filter=flt,
        lane=lane if lane in LANES else "actor",
        color=color if color in COLORS else "quad",
        window=_window(_first(q, "zoom")),
    )


def _window(raw: str) -> tuple[date, date] | None:
    """ "2022-01-01/2022-03-31" -> the two days, in order; None when malformed."""
    lo, _, hi = raw.partition("/")
    first, last = _date(lo), _date(hi)
    if first is None or last is None:
        return None
    return (first, last) if first <= last else (last, first)


def to_query(state: ViewState) -> str:
    """ViewState -> "?..." (or "" for the default view); parse_query inverts it."""
    flt = state.filter
    pairs: list[tuple[str, str]] = [("actor", a) for a in flt.actors]
    if flt.include_affiliated:
        pairs.append(("aff", "1"))
    pairs += [("type", t) for t in flt.types]
    if flt.date_from:
        pairs.append(("from", flt.date_from.isoformat()))
    if flt.date_to:
        pairs.append(("to", flt.date_to.isoformat()))
    pairs += [("article", a) for a in flt.articles]
    if flt.min_confidence:
        pairs.append(("conf", f"{flt.min_confidence:g}"))
    if flt.text:
        pairs.append(("q", flt.text))
    if state.lane != "actor":
        pairs.append(("lane", state.lane))
    if state.color != "quad":
        pairs.append(("color", state.color))
    if state.window:
        pairs.append(("zoom", f"{state.window[0].isoformat()}/{state.window[1].isoformat()}"))
    return "?" + urlencode(pairs, safe="/") if pairs else ""


def from_controls(
    *,
    actors: list[str] | None,
    affiliated: bool,
    types: list[str] | None,
    date_from: str | None,
    date_to: str | None,
    articles: list[str] | None,
    hide_low: bool,
    text: str | None,
    lane: str | None,
    color: str | None,
) -> ViewState:
    """The dashboard's control values -> ViewState (through the URL rules, so the two
    paths cannot disagree)."""
    flt = EventFilter(
        actors=tuple(actors or ()),
        include_affiliated=bool(affiliated),
        types=tuple(types or ()),
        date_from=_date(date_from[:10]) if date_from else None,
        date_to=_date(date_to[:10]) if date_to else None,
        articles=tuple(articles or ()),
        min_confidence=HIGH_CONFIDENCE if hide_low else 0.0,
        text=(text or "").strip(),
    )
    return parse_query(to_query(ViewState(filter=flt, lane=lane or "actor", color=color or "quad")))


def inverted_dates(date_from: str | None, date_to: str | None) -> bool:
    """Whether the From and To controls hold two dates with From after To."""
    lo = _date(date_from[:10]) if date_from else None
    hi = _date(date_to[:10]) if date_to else None
    return bool(lo and hi and lo > hi)


# "Hide low-confidence dates" keeps events whose dates were resolved with at least this
# confidence. The resolver (dashapp/temporal/resolve.py) gives 0.95-0.97 to written and
# deictic dates, 0.75-0.9 to anaphora and tense-decided readings, 0.7 to a month without
# a year or tense cue and to clock times, and 0.6-0.65 to the readings it calls ambiguous:
# a bare weekday with no tense cue, a future weekday that may be the one just past, a year
# kept against the tense, "overnight"; chained relative dates ("a day after" an anaphor)
# fall to 0.48-0.68, unresolved ones (written with X) to 0.3. Of the 3,227 events
# extracted from data/, tests/data/events_dev and the held-out sets, 52 fall below 0.7
# (5 of the 194 of data/ and events_dev).
HIGH_CONFIDENCE = 0.7


def without_actors(flt: EventFilter) -> EventFilter:
    """The filter for the actor list's counts: every other restriction applies."""
    return replace(flt, actors=(), include_affiliated=False)


def without_types(flt: EventFilter) -> EventFilter:
    return replace(flt, types=())


def with_range(flt: EventFilter, lo: date, hi: date) -> EventFilter:
    """`flt` narrowed to the visible window [lo, hi]."""
    start = max(lo, flt.date_from) if flt.date_from else lo
    end = min(hi, flt.date_to) if flt.date_to else hi
    return replace(flt, date_from=start, date_to=max(start, end))


def view_filename(state: ViewState) -> str:
    """A file name (no extension) that says what the view shows."""
    flt = state.filter
    parts = ["geotimeline"]
    parts += list(flt.actors[:3]) + (["more"] if len(flt.actors) > 3 else [])
    if flt.actors and flt.include_affiliated:
        parts[-1] += "+affiliated"  # "Russia+affiliated": Putin's and Lavrov's events too
    parts += list(flt.types[:2])
    if flt.date_from:
        parts.append("from-" + flt.date_from.isoformat())
    if flt.date_to:
        parts.append("to-" + flt.date_to.isoformat())
    if flt.text:
        parts.append(flt.text)
    if state.window:
        parts.append(f"zoom-{state.window[0].isoformat()}-{state.window[1].isoformat()}")
    name = "_".join(parts)
    name = re.sub(r"[^A-Za-z0-9._+-]+", "-", name).strip("-_.+")
    return name[:120] or "geotimeline"
