"""Temporal expressions: detect spans, then resolve them against a reference date.

Two passes, as in HeidelTime: `detect` (rules built from the word lists in
resources/temporal/) finds spans with an underspecified value; `resolve` fills it from the
reference date (news) or the date in focus (narratives), using `tense` for bare weekdays,
months and days. Conventions (TIMEX3, following the evaluation corpora where they agree):
"a decade" = P10Y, "annually" = XXXX, "annual"/"yearly" = P1Y, "daily" = P1D, "weekly" =
P1W, "every Thursday" = XXXX-WXX-4; "today" = the reference date, "now" = PRESENT_REF;
"a week ago" is a day; a winter is named by the year of its January (2022-WI = Dec 2021 ..
Feb 2022); ages ("45-year-old") and counts ("100,000 troops", "Resolution 1441") are not
timexes. Weekday and year conventions are documented in resolve.py.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date

from dashapp.models import DocType, Timex
from dashapp.temporal.detect import detect
from dashapp.temporal.resolve import Resolver

__all__ = ["tag"]

# "from 2014 to 2016", "between March 15 and April 2": the two ends of an explicit range.
_RANGE_OPEN = re.compile(r"(?:\bfrom|\bbetween)\s+$", re.I)
_RANGE_JOIN = re.compile(r"\s*(?:to|until|till|through|and|-|\u2013|\u2014)\s*$", re.I)


def tag(
    text: str, dct: date | None, *, doc_type: DocType = "news", dct_source: str | None = None
) -> list[Timex]:
    """Every temporal expression in `text`, resolved against `dct` (the reference date:
    publication or writing date). Sorted by start, non-overlapping. In "narrative" mode
    relative expressions anchor on the date in focus rather than on `dct`. `dct_source`:
    where `dct` comes from when it is not the publication date, said in the explanations
    ("reference date 2024-01-05 (dateline)")."""
    narrative = doc_type == "narrative"
    cands = [
        c
        for c in detect(text)
        if not (c.kind == "vague" and c.data["mode"] == ("news" if narrative else "narrative"))
    ]
    timexes = Resolver(text, dct, doc_type, dct_source).run(cands)
    return _ranges(text, cands, timexes)


def _ranges(text: str, cands: list, timexes: list[Timex]) -> list[Timex]:
    out = list(timexes)
    by_id: dict[int, list[int]] = {}
    for i, c in enumerate(cands):
        if c.range_id is not None:
            by_id.setdefault(id(c.range_id), []).append(i)
    pairs = [v for v in by_id.values() if len(v) == 2]
    paired = {i for p in pairs for i in p}
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.first is None or b.first is None or a.type != "DATE" or b.type != "DATE":
            continue
        if i in paired:
            continue
        gap = text[a.end : b.start]
        if _RANGE_JOIN.fullmatch(gap) and _RANGE_OPEN.search(text, max(0, a.start - 12), a.start):
            pairs.append([i, i + 1])
            paired.update((i, i + 1))
    for p in pairs:
        i, j = p
        a, b = out[i], out[j]
        if a.first is None or b.last is None or b.last < a.first:
            continue
        rng = (a.first, b.last)
        out[i] = dataclasses.replace(a, range=rng)
        out[j] = dataclasses.replace(b, range=rng)
    return out
