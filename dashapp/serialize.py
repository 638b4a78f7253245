"""The machine-readable shapes other tools depend on: extract JSON, CSV and tag JSONL."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import date
from typing import Any

from dashapp.models import Actor, Article, Event, Extraction, Mention, Timex, quoted_mention

FORMAT_VERSION = 1
CSV_COLUMNS = (
    "id",
    "start",
    "end",
    "value",
    "granularity",
    "approximate",
    "as_written",
    "label",
    "type",
    "quad_class",
    "actors",
    "source",
    "target",
    "articles",
    "mentions",
    "human",
    "sentence",
)


def timex_to_json(tx: Timex) -> dict[str, Any]:
    out: dict[str, Any] = {
        "start": tx.start,
        "end": tx.end,
        "text": tx.text,
        "type": tx.type,
        "value": tx.value,
    }
    if tx.mod:
        out["mod"] = tx.mod
    out.update(
        first=tx.first.isoformat() if tx.first else None,
        last=tx.last.isoformat() if tx.last else None,
        granularity=tx.granularity,
        confidence=round(tx.confidence, 3),
        alternatives=list(tx.alternatives),
        explanation=tx.explanation,
    )
    if tx.range:
        out["range"] = [tx.range[0].isoformat(), tx.range[1].isoformat()]
    return out


def article_to_json(article: Article, timexes: tuple[Timex, ...] = ()) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "date": article.date.isoformat(),
        "reference_date": article.reference_date.isoformat() if article.reference_date else None,
        "url": article.url,
        "source": article.source,
        "timexes": [timex_to_json(t) for t in timexes],
    }


def mention_to_json(m: Mention) -> dict[str, Any]:
    return {
        "article": m.article,
        "text": m.text,
        "start": m.start,
        "end": m.end,
        "type": m.type,
        "value": m.value,
        "sentence": m.sentence,
        "explanation": m.explanation,
        "confidence": round(m.confidence, 3),
    }


def event_to_json(e: Event) -> dict[str, Any]:
    return {
        "id": e.id,
        "label": e.label,
        "type": e.type,
        "quad_class": e.quad_class,
        "start": e.start.isoformat(),
        "end": e.end.isoformat(),
        "value": e.value,
        "granularity": e.granularity,
        "actors": list(e.actors),
        "source": e.source,
        "target": e.target,
        "approximate": e.approximate,
        "articles": e.articles,
        "other_dates": list(e.other_dates),
        "human": e.human,
        "mentions": [mention_to_json(m) for m in e.mentions],
    }


def actor_to_json(a: Actor) -> dict[str, Any]:
    return {"name": a.name, "kind": a.kind, "affiliation": a.affiliation}


def extraction_to_json(x: Extraction) -> dict[str, Any]:
    """The `geotimeline extract` JSON: {"version", "articles", "events", "actors"}."""
    return {
        "version": FORMAT_VERSION,
        "articles": [article_to_json(a, x.timexes.get(a.id, ())) for a in x.articles],
        "events": [event_to_json(e) for e in x.events],
        "actors": [actor_to_json(a) for a in x.actors],
    }


def event_row(ev: Event) -> dict[str, object]:
    """One event as a flat row: the CSV export of `extract` and of the dashboard."""
    first = quoted_mention(ev)
    return {
        "id": ev.id,
        "start": ev.start.isoformat(),
        "end": ev.end.isoformat(),
        "value": ev.value,
        "granularity": ev.granularity,
        "approximate": ev.approximate,
        "as_written": first.text if first else "",
        "label": ev.label,
        "type": ev.type,
        "quad_class": ev.quad_class,
        "actors": "; ".join(ev.actors),
        "source": ev.source or "",
        "target": ev.target or "",
        "articles": ev.articles,
        "mentions": len(ev.mentions),
        "human": ev.human,
        "sentence": first.sentence if first else "",
    }


def _cell(value: object) -> object:
    # A spreadsheet would run a cell starting with = + - @ as a formula: article text is
    # data, so such cells are prefixed with an apostrophe.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def events_to_csv(events: Iterable[Event]) -> str:
    """One row per event (see `event_row`), formula-like cells neutralised."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for ev in events:
        writer.writerow({k: _cell(v) for k, v in event_row(ev).items()})
    return buf.getvalue()


def event_to_record(ev: Event) -> dict[str, Any]:
    """A compact, lossless JSON-able record of an event (mentions as positional lists), for
    the store's payload column and the Dask staging files; `event_from_record` reads it."""
    return {
        "id": ev.id,
        "label": ev.label,
        "type": ev.type,
        "quad_class": ev.quad_class,
        "start": ev.start.isoformat(),
        "end": ev.end.isoformat(),
        "value": ev.value,
        "granularity": ev.granularity,
        "actors": list(ev.actors),
        "mentions": [
            [
                m.article,
                m.text,
                m.start,
                m.end,
                m.type,
                m.value,
                m.sentence,
                m.explanation,
                m.confidence,
            ]
            for m in ev.mentions
        ],
        "source": ev.source,
        "target": ev.target,
        "approximate": ev.approximate,
        "articles": ev.articles,
        "other_dates": list(ev.other_dates),
        "human": ev.human,
    }


def event_from_record(d: dict[str, Any]) -> Event:
    return Event(
        id=d["id"],
        label=d["label"],
        type=d["type"],
        quad_class=d["quad_class"],
        start=date.fromisoformat(d["start"]),
        end=date.fromisoformat(d["end"]),
        value=d["value"],
        granularity=d["granularity"],
        actors=tuple(d["actors"]),
        mentions=tuple(Mention(*m) for m in d["mentions"]),
        source=d["source"],
        target=d["target"],
        approximate=d["approximate"],
        articles=d["articles"],
        other_dates=tuple(d["other_dates"]),
        human=d.get("human", False),
    )


def tag_output(doc_id: object, timexes: list[Timex]) -> dict[str, Any]:
    """One line of `geotimeline tag` output, in the schema of ../shared/eval."""
    return {"doc_id": doc_id, "timexes": [timex_to_json(t) for t in timexes]}
