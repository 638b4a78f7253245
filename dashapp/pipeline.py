"""The whole extraction, stage by stage: Article -> Timex -> actors -> events."""

from __future__ import annotations

from collections.abc import Iterable

from dashapp import events as ev
from dashapp.actors import Gazetteer
from dashapp.models import Actor, Article, DocType, Event, Extraction, Timex
from dashapp.temporal import tag


def extract_article(
    article: Article,
    *,
    gazetteer: Gazetteer | None = None,
    doc_type: DocType = "news",
    implied: bool = False,
) -> tuple[tuple[Timex, ...], list[Event]]:
    """One article's resolved expressions and its events (merged within the article),
    anchored on its reference date (Article.anchor: the one given, else the date of its
    wire dateline, else the publication date). `implied`:
    also the earlier happenings an ordinal implies ("a phone call, their second in just
    over three weeks"), approximately dated (events.article_events' `earlier`)."""
    timexes, events, _ = _extract(article, gazetteer or Gazetteer.load(), doc_type, implied)
    return timexes, events


def _extract(
    article: Article, gaz: Gazetteer, doc_type: DocType, implied: bool = False
) -> tuple[tuple[Timex, ...], list[Event], dict[str, Actor]]:
    anchor = article.anchor
    # anchored on the dateline's date, the explanations say so (Article.anchor)
    source = "dateline" if article.dateline_anchored else None
    timexes = tuple(tag(article.body, anchor, doc_type=doc_type, dct_source=source))
    mentions = gaz.find(article.body, when=anchor)
    actors = {a.name: a for m in mentions for a in m.actors}
    found = ev.article_events(article, timexes, mentions, earlier=implied, gazetteer=gaz)
    return timexes, found, actors


def extract(
    articles: Iterable[Article],
    *,
    gazetteer: Gazetteer | None = None,
    doc_type: DocType = "news",
    implied: bool = False,
) -> Extraction:
    """Many articles: per-article extraction, then events merged across articles
    (`implied` as in extract_article)."""
    gaz = gazetteer or Gazetteer.load()
    kept: list[Article] = []
    timexes: dict[str, tuple[Timex, ...]] = {}
    found: list[Event] = []
    known: dict[str, Actor] = {}
    for article in articles:
        kept.append(article)
        timexes[article.id], events, actors = _extract(article, gaz, doc_type, implied)
        found.extend(events)
        known.update(actors)
    merged = ev.merge_all(found)
    return Extraction(
        articles=tuple(kept),
        timexes=timexes,
        events=tuple(merged),
        actors=actors_of(merged, known, gaz),
    )


def actors_of(
    events: Iterable[Event], known: dict[str, Actor], gazetteer: Gazetteer
) -> tuple[Actor, ...]:
    """Every actor some event names, once: as found in the text (people introduced by a
    title keep their affiliation), else as the gazetteer knows it."""
    out: dict[str, Actor] = {}
    for event in events:
        for name in event.actors:
            if name not in out:
                out[name] = known.get(name) or gazetteer.actor(name) or Actor(name, "person")
    return tuple(sorted(out.values(), key=lambda a: (a.kind, a.name)))
