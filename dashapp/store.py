"""The only module that runs SQL: an embedded DuckDB store of articles, expressions,
events, event mentions, actors and the user's corrections."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Literal

from dashapp.models import Actor, Article, Event, EventFilter, Extraction


class Store:
    """Interface contract (implementation to come)."""

    def __init__(self, path: str | Path | None = None) -> None:
        """Open (creating and migrating as needed) the database at `path`; None means an
        in-memory database."""
        raise NotImplementedError

    def close(self) -> None: ...

    # writing
    def add(self, extraction: Extraction) -> None:
        """Store articles with their expressions and events; events merge with stored
        ones of the same happening (cross-article, incremental). One transaction per
        article."""
        raise NotImplementedError

    def correct_event(self, event_id: str, *, start: date | None = None,
                      end: date | None = None, label: str | None = None,
                      actors: tuple[str, ...] | None = None) -> Event:
        """A human correction: persisted, marked human=True, survives re-ingest."""
        raise NotImplementedError

    # reading (all filtering and aggregation runs in SQL)
    def events(self, flt: EventFilter = EventFilter(), *, limit: int | None = None) -> list[Event]:
        raise NotImplementedError

    def event(self, event_id: str) -> Event | None:
        raise NotImplementedError

    def count_events(self, flt: EventFilter = EventFilter()) -> int:
        raise NotImplementedError

    def actor_counts(self, flt: EventFilter = EventFilter()) -> list[tuple[Actor, int]]:
        raise NotImplementedError

    def type_counts(self, flt: EventFilter = EventFilter()) -> list[tuple[str, int]]:
        raise NotImplementedError

    def aggregate(self, flt: EventFilter, *, bucket: Literal["week", "month"],
                  lane: Literal["actor", "type"] = "actor") -> list[tuple[date, str, int]]:
        """(bucket start, lane value, event count) for the zoomed-out timeline."""
        raise NotImplementedError

    def articles(self) -> list[Article]:
        raise NotImplementedError

    def article(self, article_id: str) -> Article | None:
        raise NotImplementedError

    def actors(self) -> list[Actor]:
        raise NotImplementedError

    def extraction(self) -> Extraction:
        """Everything stored, in the shape `geotimeline extract` writes."""
        raise NotImplementedError
