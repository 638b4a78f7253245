"""A pure-Python stand-in with the Store's reading/writing contract, used only while
developing the dashboard before the DuckDB store existed and as a cross-check of the
filter semantics. The tests use the real Store."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from dashapp.models import Actor, Article, Event, EventFilter, Extraction


class MemStore:
    def __init__(self, path=None) -> None:
        self._articles: dict[str, Article] = {}
        self._events: dict[str, Event] = {}
        self._actors: dict[str, Actor] = {}
        self._by_article: dict[str, set[str]] = {}

    def close(self) -> None: ...

    def add(self, extraction: Extraction) -> None:
        for art in extraction.articles:
            for eid in self._by_article.pop(art.id, set()):
                self._events.pop(eid, None)
            self._articles[art.id] = art
        for ev in extraction.events:
            self._events[ev.id] = ev
            for m in ev.mentions:
                self._by_article.setdefault(m.article, set()).add(ev.id)
        for a in extraction.actors:
            self._actors[a.name] = a

    def correct_event(self, event_id, *, start=None, end=None, label=None, actors=None):
        ev = self._events[event_id]
        ev = replace(
            ev,
            start=start or ev.start,
            end=end or ev.end,
            label=label or ev.label,
            actors=ev.actors if actors is None else actors,
            human=True,
        )
        self._events[event_id] = ev
        return ev

    def _match(self, ev: Event, flt: EventFilter) -> bool:
        if flt.actors:
            wanted = set(flt.actors)
            if flt.include_affiliated:
                wanted |= {a.name for a in self._actors.values() if a.affiliation in wanted}
            if not wanted & set(ev.actors):
                return False
        if flt.types and ev.type not in flt.types:
            return False
        if flt.date_from and ev.end < flt.date_from:
            return False
        if flt.date_to and ev.start > flt.date_to:
            return False
        if flt.articles and not {m.article for m in ev.mentions} & set(flt.articles):
            return False
        if flt.min_confidence and not any(m.confidence >= flt.min_confidence for m in ev.mentions):
            return False
        if flt.text:
            t = flt.text.lower()
            if t not in ev.label.lower() and not any(t in m.sentence.lower() for m in ev.mentions):
                return False
        return True

    def events(self, flt=EventFilter(), *, limit=None):
        out = sorted(
            (e for e in self._events.values() if self._match(e, flt)), key=lambda e: (e.start, e.id)
        )
        return out[:limit] if limit else out

    def event(self, event_id):
        return self._events.get(event_id)

    def count_events(self, flt=EventFilter()):
        return len(self.events(flt))

    def actor_counts(self, flt=EventFilter()):
        counts: dict[str, int] = {}
        for e in self.events(flt):
            for a in e.actors:
                counts[a] = counts.get(a, 0) + 1
        return sorted(
            ((self._actors.get(a, Actor(a, "person")), n) for a, n in counts.items()),
            key=lambda p: (-p[1], p[0].name),
        )

    def type_counts(self, flt=EventFilter()):
        counts: dict[str, int] = {}
        for e in self.events(flt):
            counts[e.type] = counts.get(e.type, 0) + 1
        return sorted(counts.items(), key=lambda p: (-p[1], p[0]))

    def aggregate(self, flt, *, bucket, lane="actor"):
        counts: dict[tuple[date, str], int] = {}
        for e in self.events(flt):
            d = e.start
            b = d - timedelta(days=d.weekday()) if bucket == "week" else d.replace(day=1)
            for name in (e.actors or ("",)) if lane == "actor" else (e.type,):
                counts[(b, name)] = counts.get((b, name), 0) + 1
        return sorted((b, n, c) for (b, n), c in counts.items())

    def articles(self):
        return sorted(self._articles.values(), key=lambda a: (a.date, a.id))

    def article(self, article_id):
        return self._articles.get(article_id)

    def actors(self):
        return sorted(self._actors.values(), key=lambda a: a.name)

    def extraction(self):
        return Extraction(
            tuple(self.articles()), {}, tuple(self._events.values()), tuple(self.actors())
        )
