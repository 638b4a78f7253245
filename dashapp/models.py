"""Typed, frozen records that cross the pipeline's stage boundaries."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from datetime import date
from operator import attrgetter
from typing import Any, Literal, TypeVar

from dashapp.dateline import dateline_date

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
# Granularity of a resolved DATE/TIME: what one value of this kind spans.
Granularity = Literal[
    "time",
    "day",
    "range",
    "week",
    "weekend",
    "month",
    "season",
    "quarter",
    "half",
    "year",
    "decade",
    "century",
]
DocType = Literal["news", "narrative"]
ActorKind = Literal["person", "country", "organisation"]

_R = TypeVar("_R")


def pickled_by_fields(cls: type[_R]) -> type[_R]:
    """Pickle a frozen slotted dataclass as a call of the class on its field values: about
    half the time of the state dictionary that dataclasses pickle slotted classes with,
    which counts where batch ingest ships every result from a worker to the writer.
    (Apply above @dataclass, which makes a new class for slots.)"""
    names = [f.name for f in fields(cls)]  # type: ignore[arg-type]
    if len(names) < 2:
        raise TypeError(f"{cls.__name__}: pickled_by_fields needs two fields or more")
    values = attrgetter(*names)

    def __reduce__(self: Any) -> tuple[type[_R], tuple[Any, ...]]:
        return cls, values(self)

    cls.__reduce__ = __reduce__  # type: ignore[assignment,method-assign]
    return cls


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Article:
    """One news article. `date` is the publication date; `reference_date`, when set,
    overrides it as the anchor of relative expressions (the writing date)."""

    id: str
    title: str
    date: date
    url: str
    body: str
    source: str = ""
    reference_date: date | None = None

    @property
    def anchor(self) -> date:
        """The date relative expressions count from: the reference date given, else the
        date of the body's opening wire dateline ("WASHINGTON, Jan. 5 (AP) --", see
        dashapp.dateline), else the publication date."""
        return self.reference_date or dateline_date(self.body, self.date) or self.date

    @property
    def dateline_anchored(self) -> bool:
        """Whether `anchor` is its dateline's date: no reference date given, and the
        dateline's date is not the publication date."""
        return self.reference_date is None and self.anchor != self.date


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression found in a text and resolved.

    `start`/`end` are code-point offsets into the text (end exclusive). `value` is the
    TIMEX3 value ("2021-12-30", "2014", "P3W", "2022-01-09/2022-01-10" for a range,
    "PRESENT_REF", "XXXX-WXX-4"...). `first`/`last` give the inclusive interval of days a
    DATE/TIME denotes, None when it does not denote a calendar interval (durations, sets,
    vague references, unresolved values)."""

    start: int
    end: int
    text: str
    type: TimexType
    value: str
    mod: str | None = None
    first: date | None = None
    last: date | None = None
    granularity: Granularity | None = None
    explanation: str = ""
    confidence: float = 1.0
    alternatives: tuple[str, ...] = ()
    # For members of a coordinated range ("January 9 and 10", "Jan. 9-10", "between March
    # 15 and 17", "from 2014 to 2016"): the inclusive interval of the whole range, shared by
    # every member. None for single expressions and for lists ("in 2008 and again in 2014").
    range: tuple[date, date] | None = None


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Actor:
    """A canonical actor: `kind` person/country/organisation; `affiliation` is the country
    or organisation a person belongs to (canonical name), None otherwise."""

    name: str
    kind: ActorKind
    affiliation: str | None = None


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Mention:
    """One dated statement supporting an event."""

    article: str  # Article.id
    text: str  # the temporal expression as written
    start: int  # offsets of the expression in the article body
    end: int
    type: TimexType
    value: str
    sentence: str
    explanation: str
    confidence: float = 1.0


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Event:
    """A dated happening, merged from one or more mentions.

    `start`/`end` are inclusive ISO dates of the interval; `value` the TIMEX3 value;
    `type` a PLOVER top-level category (or STATEMENT); `quad_class` one of
    "verbal cooperation", "material cooperation", "verbal conflict", "material conflict",
    "neutral"."""

    id: str
    label: str
    type: str
    quad_class: str
    start: date
    end: date
    value: str
    granularity: Granularity
    actors: tuple[str, ...]
    mentions: tuple[Mention, ...]
    source: str | None = None
    target: str | None = None
    approximate: bool = False
    articles: int = 1
    other_dates: tuple[str, ...] = field(default=())
    human: bool = False


def day_value(value: str) -> str:
    """A date value without its time of day: "2023-09-25TEV" (Monday evening) and
    "2023-09-25T14:30" date the day "2023-09-25", as an event of them is dated."""
    return value[:10] if len(value) > 10 and value[10] == "T" and value[4] == "-" else value


def gives_value(given: str, value: str) -> bool:
    """Whether a date value as a mention gives it dates an event of `value`: the same
    value, or a day within a range ("2022-01-09" for "2022-01-09/2022-01-10"); a time
    gives its day ("2022-01-09TEV" for "2022-01-09")."""
    if given == value:
        return True
    given = day_value(given)
    if given == value:
        return True
    lo, _, hi = value.partition("/")
    return bool(hi) and lo <= given <= hi


def gives_date(mention: Mention, value: str) -> bool:
    """Whether a mention dates its event `value` (gives_value)."""
    return gives_value(mention.value, value)


def support(value: str, mentions: Iterable[Mention]) -> int:
    """How many of `mentions` give `value` (gives_value): which reading of a happening's
    date more sources report."""
    if "/" not in value:  # (the common case, without a call per mention)
        return sum(1 for m in mentions if m.value == value or day_value(m.value) == value)
    return sum(1 for m in mentions if gives_value(m.value, value))


def quoted_mention(ev: Event) -> Mention | None:
    """The mention an event is quoted by (its date as written, its sentence): the first
    that gives the event's date, else the first. Where sources disagree on the date, the
    quote then agrees with the date shown."""
    return next((m for m in ev.mentions if gives_date(m, ev.value)), None) or (
        ev.mentions[0] if ev.mentions else None
    )


@dataclass(frozen=True, slots=True)
class Extraction:
    """What the pipeline makes of a batch of articles."""

    articles: tuple[Article, ...]
    timexes: dict[str, tuple[Timex, ...]]  # Article.id -> its resolved expressions
    events: tuple[Event, ...]
    actors: tuple[Actor, ...]  # every actor some event names, once


@dataclass(frozen=True, slots=True)
class EventFilter:
    """A dashboard/export selection. Empty tuples mean "no restriction"."""

    actors: tuple[str, ...] = ()
    include_affiliated: bool = False  # "Russia" also selects Putin's and Lavrov's events
    types: tuple[str, ...] = ()
    date_from: date | None = None  # events whose interval overlaps [date_from, date_to]
    date_to: date | None = None
    articles: tuple[str, ...] = ()  # Article.id
    min_confidence: float = 0.0
    # a substring of the label or a mention's sentence, compared as search_form makes them
    text: str = ""


# What a keyboard types for the typographic forms news copy uses: "Putin's" finds
# "Putin’s", "Russia-Ukraine" finds "Russia–Ukraine". One character for one, so offsets in
# a folded text are offsets in the text.
TYPED_FORMS = {
    "\u2018": "'",  # ‘
    "\u2019": "'",  # ’
    "\u02bc": "'",  # ʼ (modifier letter apostrophe)
    "\u201c": '"',  # “
    "\u201d": '"',  # ”
    "\u2013": "-",  # –
    "\u2014": "-",  # —
}
_TYPED = str.maketrans(TYPED_FORMS)


def search_form(text: str) -> str:
    """A text as the text filter compares it: lowercased, typographic apostrophes, quotes
    and dashes as typed (TYPED_FORMS)."""
    return text.lower().translate(_TYPED)
