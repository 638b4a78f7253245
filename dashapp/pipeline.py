"""The whole extraction, stage by stage: Article -> Timex -> actors -> events."""

from __future__ import annotations

from collections.abc import Iterable

from dashapp.actors import Gazetteer
from dashapp.models import Article, DocType, Event, Extraction, Timex


def extract_article(article: Article, *, gazetteer: Gazetteer | None = None,
                    doc_type: DocType = "news") -> tuple[tuple[Timex, ...], list[Event]]:
    """One article's resolved expressions and its events (merged within the article)."""
    raise NotImplementedError


def extract(articles: Iterable[Article], *, gazetteer: Gazetteer | None = None,
            doc_type: DocType = "news") -> Extraction:
    """Many articles: per-article extraction, then events merged across articles."""
    raise NotImplementedError
