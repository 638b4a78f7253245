"""Temporal expressions: detect spans, then resolve them against a reference date."""

from __future__ import annotations

from datetime import date

from dashapp.models import DocType, Timex


def tag(text: str, dct: date | None, *, doc_type: DocType = "news") -> list[Timex]:
    """Every temporal expression in `text`, resolved against `dct` (the reference date:
    publication or writing date). Sorted by start, non-overlapping. In "narrative" mode
    relative expressions anchor on the date in focus rather than on `dct`."""
    raise NotImplementedError  # filled in by dashapp.temporal.detect/resolve
