"""Second pass: underspecified candidates -> TIMEX3 values, intervals and explanations.

Anchors. Deictic expressions ("yesterday", "last week", "three days ago") resolve against
the reference date `dct` in news and against the date in focus in narratives. Anaphoric
ones ("that same year", "the following day", "two days later") resolve against the date in
focus: the last date mentioned of a fine enough granularity (a day for "that day", anything
within a year for "that year"); in news the reference date is the focus until a date is
mentioned. With nothing to anchor on the value keeps X digits (XXXX-XX-XX), never a guess.

Weekday conventions (relative to the reference date R, weeks run Monday..Sunday):
- "last Friday": the most recent Friday strictly before R;
- "next Friday": the first Friday strictly after R; when that Friday falls in R's own week,
  the Friday a week later is given as an alternative reading;
- "this Friday": the Friday of R's own week (before or after R);
- a bare "Friday": the tense of the clause decides: past -> the most recent Friday before
  R (R itself when R is a Friday), future -> the first Friday after R (R itself when it is
  a Friday); no tense cue -> the past reading (news mostly reports), lower confidence.
  A future weekday only one or two days after the previous such weekday (a Sunday in an
  article dated Monday) keeps that previous day as an alternative: the text may have been
  written before the publication date.
Bare months, month-days, seasons, quarters and holidays without a year take, in news, the
year that agrees with the tense of the clause (a past "on March 15" in an article of January
is last year's, a future "in January" in an article of March is next year's; the other
reading is kept as an alternative); with no tense cue, the reference year, unless another
reading lies within 45 days of the reference date ("Christmas Eve" in early January).
Within a week of the reference date the reference year is kept whatever the tense (the text
may have been written a few days before it was dated). In narratives the year is the one
of the date in focus, or the next one when that reading is closer ("December 1941 ... In
January").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import cache

from dashapp.models import DocType, Timex
from dashapp.temporal.detect import Cand, prev_word
from dashapp.temporal.tense import SENTENCE_WINDOW, clause_tense, sentence_bounds
from dashapp.temporal.timex3 import (
    add_months,
    easter,
    interval,
    is_valid,
    nth_weekday,
    orthodox_easter,
    part,
    week_value,
)

WD_NAMES = ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
WD_FULL = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
FINE = {  # which focus granularities can anchor an anaphor of a given unit
    "day": ("day", "time"),
    "week": ("day", "time", "week", "weekend"),
    "weekend": ("day", "time", "week", "weekend"),
    "month": ("day", "time", "week", "weekend", "month"),
    "quarter": ("day", "time", "week", "weekend", "month", "quarter"),
    "year": ("day", "time", "week", "weekend", "month", "season", "quarter", "half", "year"),
    "decade": (
        "day",
        "time",
        "week",
        "weekend",
        "month",
        "season",
        "quarter",
        "half",
        "year",
        "decade",
    ),
    "century": (
        "day",
        "time",
        "week",
        "weekend",
        "month",
        "season",
        "quarter",
        "half",
        "year",
        "decade",
        "century",
    ),
}


# A date right before the noun it dates, after "the" or a possessive: "the May 21
# election", "Australia's May 21 election" (not "on May 21 to vote").
_NOUN_DATER = re.compile(r"(?i)(?:\bthe|['\u2019]s)\s+$")
_DATED_NOUN = re.compile(
    r"\s+(?!(?:to|and|or|as|in|at|for|when|after|before|with|by|is|was|were|are|of|on|"
    r"that|which|this|last|next)\b)[a-z][a-z-]{2,}\b"
)


# a planned happening the date follows, named after a preposition (not the object of a
# verb: "held a referendum on March 16"): "subject to a referendum on Dec. 1", "for a
# repeat of the presidential runoff on Dec. 26" (no verb between the noun and the date)
_PLANNED_ON = re.compile(
    r"\b(?:to|for|of|before|until|towards?)\s+(?:(?:a|an|the|its|their|this|next)\s+)?"
    r"(?:[\w-]+\s+){0,2}(?:elections?|vote|polls?|referendum|runoff|run-off|ballot|summit"
    r"|inauguration)(?:\s+(?!(?:was|were|is|are|had|has|have|will|would)\b)[\w'\u2019-]+){0,3}"
    r"\s+on\s+$",
    re.I,
)


def _planned_on(text: str, start: int) -> bool:
    return _PLANNED_ON.search(text, max(0, start - 90), start) is not None


def fmt(d: date) -> str:
    # YYYY-MM-DD, the date part of a datetime too (date.isoformat: same string, in C)
    return date.isoformat(d)


@cache
def month_name(mo: int) -> str:
    """The month's name as strftime writes it (strftime costs microseconds: once a month)."""
    return f"{date(2000, mo, 1):%B}"


def wd_str(d: date) -> str:
    return f"{WD_NAMES[d.isoweekday()]} {fmt(d)}"


_YEAR_OFFSETS = {
    "this year": 0,
    "that year": 0,
    "that same year": 0,
    "the same year": 0,
    "next year": 1,
    "the next year": 1,
    "the following year": 1,
    "last year": -1,
    "the previous year": -1,
}


def _in_year(suffix: str) -> Callable[[int | None], tuple[date, date, str]]:
    """The maker `_pick_year` takes: a year -> the interval and value of YYYY-`suffix`."""

    def make(yy: int | None) -> tuple[date, date, str]:
        if yy is None:
            return date.min, date.min, f"XXXX-{suffix}"
        first, last, _ = interval(f"{yy:04d}-{suffix}")
        return first, last, f"{yy:04d}-{suffix}"  # type: ignore[return-value]

    return make


@dataclass(slots=True)
class Out:
    value: str
    explanation: str
    confidence: float = 0.9
    alternatives: tuple[str, ...] = ()
    anchor_ok: bool = True  # False when written with X for want of an anchor
    type: str | None = None  # when the resolver re-types the candidate


@dataclass(slots=True)
class Focus:
    first: date
    last: date
    gran: str
    value: str
    weak: bool = False  # a deadline or bound ("by 1976"), not where the story is
    bc: int | None = None  # BC year: Python dates stop at year 1, so BC foci keep the year only
    end: int = -1  # where the mention ends in the text
    aside: bool = False  # in a relative clause: a focus for its own sentence only
    bound: bool = False  # news: weak because a bound ("since 29 June", "until Friday")
    edge: bool = False  # news: weak because of the word before it ("through 1977", "since")


_BC = re.compile(r"BC(\d{4})")
# a noun and a participle, then the date's preposition: "platforms imposed on", "a referendum
# held in" (not after an auxiliary: "was imposed on", "had been held in")
_REDUCED_RELATIVE = re.compile(
    r"\b(?!(?:was|were|is|are|be|been|being|had|has|have|who|which|that)\b)[a-z]{3,} "
    r"[a-z]+(?:ed|held|made|given|taken|shown|seen|known) (?:on|in) $"
)
# a participle phrase set off by a comma: ", announced from Riyadh on", ", held in"
_PARTICIPLE_INSERT = re.compile(r",\s+[a-z]+(?:ed|held|made|given|taken|shown|seen|known)\s[^,]*$")
_THAT = re.compile(r"\bthat\b", re.I)
_WORD = re.compile(r"[a-z]+")
_JOINS = frozenset(("and", "but", "while", "as", "when"))
_CLOCK = re.compile(r"T(\d\d):(\d\d)")
_RANGE_GAP = re.compile(r"\s*(?:to|until|till|through|and|-|\u2013|\u2014)\s*", re.I)
_RANGE_FROM = re.compile(r"\b(?:from|between)\s+(?:\w+\s+)?\S*$", re.I)
_INTO_GAP = re.compile(r"\s+(?:into|to)\s+", re.I)
_ON_GAP = re.compile(r",?\s*(?:on\s+|,\s*)?")
_WEAK_BEFORE = frozenset("by until till before after through".split())
_BOUND_BEFORE = frozenset("since until till".split())
_EDGES = _WEAK_BEFORE | _BOUND_BEFORE


class Resolver:
    def __init__(
        self, text: str, dct: date | None, doc_type: DocType, dct_source: str | None = None
    ) -> None:
        self.text = text
        self.dct = dct
        # the reference date as the explanations name it: "reference date 2024-01-05", and
        # where it came from when that is not the publication date ("... (dateline)")
        self.said = f" ({dct_source})" if dct_source else ""
        self.ref = f"reference date {fmt(dct)}{self.said}" if dct else ""
        self.narrative = doc_type == "narrative"
        self.history: list[Focus] = []
        self._next: Cand | None = None  # the candidate after a clock time, when it names its day
        self._cur: Cand | None = None  # the candidate being resolved

    # --- anchors ----------------------------------------------------------------------
    def focus(self, unit: str, not_after: date | None = None) -> tuple[date | None, str]:
        """The date in focus fine enough for `unit`, and how it was found; with `not_after`,
        the latest such date not after it."""
        ok = FINE.get(unit, FINE["year"])
        cur = self._cur
        same_sentence_dated_noun = (
            not self.narrative
            and cur is not None
            and cur.kind in ("offset", "rel")
            and unit == "day"
        )
        latest = True
        # "since April 2001. That month ...", "grew through 1977, and ... on Dec. 31 that
        # year": a demonstrative points at the date last named, a bound's too, when it is
        # of its own sentence or the one before
        that = (
            not self.narrative
            and cur is not None
            and _THAT.search(self.text, cur.start, cur.end) is not None
        )
        for f in reversed(self.history):
            if that and latest and f.edge and f.gran in ok and f.bc is None:
                left = sentence_bounds(self.text, cur.start, cur.end)[0]  # type: ignore[union-attr]
                if f.end >= (sentence_bounds(self.text, left - 1, left)[0] if left else 0):
                    return f.first, f"date in focus {f.value} (named as a bound)"
            if same_sentence_dated_noun and f.weak and f.gran in ok and f.bc is None:
                # "declared him the winner of the Dec. 27 vote three days later": a dated
                # noun of the offset's own sentence is what it counts from; so is the last
                # date named, a dated noun of the sentence before ("won the Dec. 1
                # election. Jammeh conceded defeat the next day"); and a bound's day, the
                # last date of the sentence ("closed since 29 June, and missed a payment
                # the following day")
                left = sentence_bounds(self.text, cur.start, cur.end)[0]  # type: ignore[union-attr]
                if (
                    f.end >= left  # type: ignore[union-attr]
                    and (cur.kind == "offset" or (latest and f.bound))  # type: ignore[union-attr]
                ) or (
                    latest
                    and left
                    and f.end >= (before := sentence_bounds(self.text, left - 1, left)[0])
                    and _DATED_NOUN.match(self.text, f.end)  # not a bound: "since Sunday"
                    and not any(not g.weak and before <= g.end < f.end for g in self.history)
                ):
                    # (not when the sentence before dates its main clause before the dated
                    # noun: "Kerry said on Friday that 1,429 people were killed in the Aug.
                    # 21 attack. Obama said the same day ...": Friday)
                    return f.first, f"date in focus {f.value}"
                latest = False
                continue
            latest = False
            if f.gran in ok and f.bc is None and not f.weak:
                if f.aside and self._cur is not None:
                    left = sentence_bounds(self.text, self._cur.start, self._cur.end)[0]
                    if f.end < left:
                        continue  # a relative clause's date, sentences ago
                if not_after is not None and f.first > not_after:
                    continue
                return f.first, f"date in focus {f.value}"
        if not self.narrative and self.dct:
            return self.dct, self.ref
        return None, "no date in focus"

    def _past_counted(
        self, c: Cand, anchor: date, how: str, unit: str, days: int
    ) -> tuple[date | None, str]:
        """The date in focus a past act `days` later is counted from: `anchor`, unless that
        puts the act after the reference date ("the propaganda loudspeakers it turned back
        on six days later" after "will switch them off on Tuesday"): a past act has
        happened, so the latest date in focus at least `days` before the reference date,
        which the clause went on from (news only; with none, `anchor`)."""
        if (
            self.narrative
            or self.dct is None
            or days <= 0
            or anchor + timedelta(days=days) <= self.dct
            or self.tense(c)[0] != "past"
        ):
            return anchor, how
        earlier, why = self.focus(unit, not_after=self.dct - timedelta(days=days))
        if earlier is None or earlier == self.dct:
            return anchor, how
        return earlier, why

    def _focus_in_sentence(self, c: Cand, unit: str) -> bool:
        """Is the date in focus for `unit` named earlier in c's own sentence?"""
        ok = FINE.get(unit, FINE["year"])
        left = sentence_bounds(self.text, c.start, c.end)[0]
        for f in reversed(self.history):
            if f.gran in ok and f.bc is None and not f.weak:
                return f.end >= left
        return False

    def deictic(self, unit: str) -> tuple[date | None, str]:
        if self.narrative:
            return self.focus(unit)
        if self.dct:
            return self.dct, self.ref
        return self.focus(unit)

    def bc_focus(self) -> int | None:
        """The BC year in focus, when the latest year-level focus is BC (narratives only)."""
        if not self.narrative:
            return None
        for f in reversed(self.history):
            if f.gran in FINE["year"] and not f.weak:
                return f.bc
        return None

    def relative_year(self, phrase: str) -> tuple[int | None, int, str]:
        """ "next year", "the following year"... -> (year or None, offset, anchor named):
        this/last/next year count from the reference date, the others from the year in
        focus."""
        k = _YEAR_OFFSETS.get(phrase, 0)
        deictic = phrase in ("this year", "last year", "next year")
        anchor, how = self.deictic("year") if deictic else self.focus("year")
        return (None if anchor is None else anchor.year + k), k, how

    def focus_interval(self) -> tuple[date, date] | None:
        """The interval a bare month or day is read against in a narrative: the latest
        mention that is not a bound, flashback or aside."""
        strong = [f for f in self.history if f.gran in FINE["year"] and not f.weak]
        if not strong:
            return None
        f = strong[-1]
        return f.first, f.last

    def _weak(self, c: Cand, gran: str | None) -> bool:
        """Mentions that should not move the narrative focus: bounds ("by 1976"),
        parenthesised asides and citations ("(2003)"), modifiers ("the 1953 team", "the
        August 1792 insurrection") and flashbacks ("two decades earlier")."""
        pw = prev_word(self.text, c.start)
        if pw in _WEAK_BEFORE and gran == "year":
            return True
        if pw in _BOUND_BEFORE and not self.narrative:
            return True  # news: "held since Sunday evening", "until Friday" bound a state
        if self.text[c.start - 1 : c.start] == "(" or pw == "the":
            return True
        return c.kind == "offset" and c.data.get("n", 0) < 0

    def _in_relative_clause(self, c: Cand) -> bool:
        """ "Trudeau told parliament on Monday ... Nijjar, who was shot dead on June 18.
        Canada expelled a diplomat the same day": a date inside a relative clause is
        background for the sentences after it, which stay on the main clause's date."""
        # (the sentence starts at most SENTENCE_WINDOW characters back: with no ", who " or
        # ", which " there, there is none in the sentence, and its bounds need not be found)
        lo = max(0, c.start - SENTENCE_WINDOW)
        if (m := _REDUCED_RELATIVE.search(self.text, max(0, c.start - 40), c.start)) is not None:
            # "against a ban on 26 social media platforms imposed on Sept. 4": a participle
            # right after its noun is a relative clause too, and an aside when the main
            # clause is dated ("The protests began on Monday, when students marched ...")
            left = sentence_bounds(self.text, c.start, c.end)[0]
            if any(left <= f.end <= m.start() for f in self.history):
                return True
        if (
            self.text.rfind(", who", lo, c.start) < 0
            and self.text.rfind(", which ", lo, c.start) < 0
        ):
            return False
        left = sentence_bounds(self.text, c.start, c.end)[0]
        rel = max(
            self.text.rfind(", who ", left, c.start),
            self.text.rfind(", which ", left, c.start),
            self.text.rfind(", whose ", left, c.start),
        )
        if rel < 0:
            return False
        comma = self.text.find(",", rel + 1, c.start)
        if comma >= 0 and not _PARTICIPLE_INSERT.match(self.text, comma, c.start):
            # (a participle phrase set off inside the relative clause is still in it:
            # "Hariri, whose resignation, announced from Riyadh on Nov. 4, has ...")
            return False
        # ... when the main clause has a date of its own; else the relative clause's date
        # is the sentence's ("Guatemala took its complaint to the Security Council, which
        # met on June 20. ... five days later the council voted")
        return any(left <= f.end <= rel for f in self.history)

    def year_anchor(self) -> tuple[date | None, str]:
        """The anchor for the year of a bare month/day: the reference date in news, the
        date in focus in narratives."""
        if self.narrative:
            return self.focus("year")
        if self.dct:
            return self.dct, self.ref
        return self.focus("year")

    def tense(self, c: Cand) -> tuple[str | None, float]:
        return clause_tense(self.text, c.start, c.end)

    # --- kinds --------------------------------------------------------------------------
    def resolve(self, c: Cand) -> Out:
        fn = getattr(self, "r_" + c.kind)
        try:
            return fn(c)
        except (OverflowError, ValueError, TypeError):
            # arithmetic past year 1 or 9999: nothing to write but X
            v = {"DURATION": "PXD", "SET": "XXXX-XX-XX"}.get(c.type, "XXXX-XX-XX")
            return Out(
                v, "outside the calendar range Python dates cover, written with X", 0.2, (), False
            )

    def r_abs(self, c: Cand) -> Out:
        v = c.data["value"]
        return Out(v, f"absolute date as written: {v}", 0.97)

    def r_yy(self, c: Cand) -> Out:
        """A two-digit year ('89): the century of the date in focus in narratives, else the
        one that puts the year at most ten years after the reference date."""
        yy = c.data["yy"]
        if self.narrative:
            anchor, how = self.focus("century")
            if anchor is not None:
                y = anchor.year // 100 * 100 + yy
                return Out(f"{y:04d}", f"'{yy:02d}: century of the {how} = {y}", 0.8)
        ref = self.dct.year if self.dct else 2000
        y = ref // 100 * 100 + yy
        if y > ref + 10:
            y -= 100
        return Out(
            f"{y:04d}", f"'{yy:02d}: the year ending in {yy:02d} nearest before {ref + 10}", 0.8
        )

    def r_dur(self, c: Cand) -> Out:
        return Out(c.data["value"], f"duration as written: {c.data['value']}", 0.9)

    def r_set(self, c: Cand) -> Out:
        return Out(c.data["value"], f"recurrence: {c.data['value']}", 0.85)

    def r_generic(self, c: Cand) -> Out:
        v = c.data["value"]
        return Out(v, f"a part of the day that no date anchors: {v}", 0.6, (), False)

    def r_vague(self, c: Cand) -> Out:
        v = c.data["value"]
        return Out(v, f"vague reference: {v}", 0.8)

    def _pick_year(self, c: Cand, make: callable, what: str) -> Out:  # type: ignore[valid-type]
        """Year for a month-day/month/season/holiday without one. `make(y)` gives
        (first day, last day, value) in year y."""
        bc = self.bc_focus()
        if bc is not None:
            v = make(None)[2].replace("XXXX", f"BC{bc:04d}", 1)
            return Out(v, f"{what}: year of the BC year in focus = {v}", 0.7)
        anchor, how = self.year_anchor()
        if anchor is None:
            v = make(None)[2]
            return Out(
                v, f"{what}: no year and nothing to anchor it, written with X", 0.3, (), False
            )
        cands = []
        for y in (anchor.year - 1, anchor.year, anchor.year + 1):
            try:
                first, last, v = make(y)
            except ValueError:
                continue
            cands.append((first, last, v, y))
        if not cands:
            v = make(None)[2]
            return Out(v, f"{what}: no valid date", 0.3, (), False)
        if self.narrative:
            # closest to the interval in focus (any month of a year in focus is in it), ties
            # to the later one, since narratives move forward
            lo, hi = self.focus_interval() or (anchor, anchor)
            best = min(cands, key=lambda t: (self._gap(lo, hi, t[0], t[1]), -t[3]))
            return Out(best[2], f"{what}: year of the {how} ({best[3]}), closest reading", 0.75)
        tense, margin = self.tense(c)
        same = next((t for t in cands if t[3] == anchor.year), cands[0])
        if tense == "past":
            ok = [t for t in cands if t[0] <= anchor]
            best = max(ok, key=lambda t: t[0]) if ok else same
            conf = 0.85
            why = "past tense: the latest one not after"
        elif tense == "future":
            ok = [t for t in cands if t[1] >= anchor]
            best = min(ok, key=lambda t: t[0]) if ok else same
            conf = 0.85
            why = "future tense: the first one not before"
        else:
            best = same
            conf = 0.7
            why = f"{tense or 'no'} tense: the same year as the"
            near = min(cands, key=lambda t: self._dist(anchor, t[0], t[1]))
            if near is not same and self._dist(anchor, near[0], near[1]) <= 45:
                # "Christmas Eve" in an article of 3 January: the one just past
                best, why = near, f"{tense or 'no'} tense: the one within weeks of the"
        alts = ()
        if best is not same and self._dist(anchor, same[0], same[1]) <= 7:
            # within a week of the reference date: the tense more likely reflects when the
            # text was written than a year's difference
            alts = (best[2],)
            best = same
            conf = 0.6
            why += " (within a week, same year kept)"
        elif (
            best is not same
            and abs((best[0] - anchor).days) > 300
            and prev_word(self.text, c.start) != "since"
            and margin < 0.6
        ):
            # almost a year away on the strength of a contested tense cue: the cue is more
            # likely wrong than the date, keep the reference year
            best = same
            conf = 0.6
            why += " (too far for a contested cue, same year kept)"
        elif (
            best is not same
            and abs((best[0] - anchor).days) > 300
            and self._dist(anchor, same[0], same[1]) <= 45
            and prev_word(self.text, c.start) != "since"
            and margin < 1.0
        ):
            # "follows an offensive by the army on Sept. 19" in an article of Sept. 28,
            # "fired a missile, which can reach the capital, in April" in one of May 13: a
            # date within weeks of the reference date is that one, unless the cue is certain
            # ("will take effect on Sept. 1"); a reading almost a year away stays possible
            alts = (best[2],)
            best = same
            conf = 0.6
            why += " (within weeks, same year kept)"
        elif best is not same:
            alts = (same[2],)  # the same-year reading stays possible
        if (
            abs((best[0] - anchor).days) > 182
            and c.data.get("month")
            and (
                (
                    _DATED_NOUN.match(self.text, c.end)
                    and _NOUN_DATER.search(self.text, max(0, c.start - 4), c.start)
                )
                or _planned_on(self.text, c.start)
            )
        ):
            # "Australia's May 21 election" in an April article: the date names a noun, the
            # clause's tense ("became an issue in") says nothing of it; the reading within
            # four months wins over one more than half a year away ("before the Dec. 6
            # elections" in August, "overturn his victory in the Oct. 30 runoff" in January)
            near = min(cands, key=lambda t: self._dist(anchor, t[0], t[1]))
            if near is not best and self._dist(anchor, near[0], near[1]) <= 120:
                alts = (best[2],)
                best, conf = near, 0.7
                why = "a dated noun: the one within months of the"
        return Out(best[2], f"{what}, {why} {how} = {best[2]}", conf, alts)

    @staticmethod
    def _gap(lo: date, hi: date, first: date, last: date) -> int:
        if last < lo:
            return (lo - last).days
        if first > hi:
            return (first - hi).days
        return 0

    @staticmethod
    def _dist(a: date, first: date, last: date) -> int:
        if first <= a <= last:
            return 0
        return min(abs((first - a).days), abs((last - a).days))

    def r_md(self, c: Cand) -> Out:
        d = c.data["day"]
        mo, y = c.data.get("month"), c.data.get("year") or c.data.get("coord_year")
        if c.data.get("of_month"):
            anchor, how = self.focus("month")
            if not self.narrative and self.dct and not self._focus_in_sentence(c, "month"):
                # "raised the case with Modi at the G20 on the 10th" in a news story: the
                # reference month (the one before it when the day is still to come and the
                # clause is past), not a month named sentences earlier
                anchor, how = self.dct, self.ref
                if d > self.dct.day and self.tense(c)[0] != "future":
                    anchor = (self.dct.replace(day=1) - timedelta(days=1)).replace(day=1)
                    how = f"month before the {self.ref}"
            if anchor is None:
                return Out(f"XXXX-XX-{d:02d}", f"the {d}th: no month in focus", 0.3, (), False)
            try:
                dd = date(anchor.year, anchor.month, d)
            except ValueError:
                return Out(
                    f"XXXX-XX-{d:02d}",
                    f"the {d}th: not a day of the month in focus",
                    0.3,
                    (),
                    False,
                )
            return Out(fmt(dd), f"the {d}th of the month of the {how} = {fmt(dd)}", 0.7)
        name = f"{month_name(mo)} {d}"
        if y:
            try:
                date(y, mo, d)
            except ValueError:
                return Out(
                    f"{y:04d}-{mo:02d}-XX", f"{name} {y} is not a calendar day", 0.3, (), False
                )
            pod = f"T{c.data['pod']}" if c.data.get("pod") else ""
            return Out(
                f"{y:04d}-{mo:02d}-{d:02d}{pod}", f"absolute date as written: {name}, {y}", 0.97
            )

        def make(yy: int | None) -> tuple[date, date, str]:
            if yy is None:
                return date.min, date.min, f"XXXX-{mo:02d}-{d:02d}"
            dd = date(yy, mo, d)
            return dd, dd, fmt(dd)

        if "year_of" in c.data:  # "on Dec. 31 that year": the year in focus
            yy, k, how = self.relative_year(c.data["year_of"])
            if yy is None:
                return Out(make(None)[2], f"{name}: no reference year", 0.3, (), False)
            v = make(yy)[2]
            return Out(v, f"{name} {c.data['year_of']}: year of the {how} {k:+d} = {v}", 0.85)
        if "year_rel" in c.data:
            anchor, how = self.deictic("year")
            if anchor is None:
                return Out(make(None)[2], f"{name}: no reference year", 0.3, (), False)
            yy = anchor.year + c.data["year_rel"]
            v = make(yy)[2]
            return Out(v, f"{name} of the {how}'s year {c.data['year_rel']:+d} = {v}", 0.9)

        out = self._pick_year(c, make, name)
        pod = c.data.get("pod")
        if pod:
            out.value += f"T{pod}"
        return out

    def r_month(self, c: Cand) -> Out:
        mo = c.data["month"]
        rel = c.data.get("rel")
        if c.data.get("coord_year"):
            v = f"{c.data['coord_year']:04d}-{mo:02d}"
            return Out(v, f"month with the year of the date it is coordinated with = {v}", 0.9)
        name = month_name(mo)
        if rel in ("last", "next", "this", "coming", "past"):
            anchor, how = self.deictic("month")
            if anchor is None:
                return Out(f"XXXX-{mo:02d}", f"{rel} {name}: no anchor", 0.3, (), False)
            y = anchor.year
            if rel in ("last", "past"):
                if mo >= anchor.month:
                    y -= 1
            elif rel in ("next", "coming"):
                if mo <= anchor.month:
                    y += 1
            v = f"{y:04d}-{mo:02d}"
            return Out(v, f"{rel} {name} relative to the {how} = {v}", 0.9)
        if rel in ("that", "the same", "the previous", "the following", "the next"):
            anchor, how = self.focus("month")
            if anchor is None:
                return Out(f"XXXX-{mo:02d}", f"{rel} {name}: no anchor", 0.3, (), False)
            y = anchor.year
            if rel == "the previous" and mo >= anchor.month:
                y -= 1
            elif rel in ("the following", "the next") and mo <= anchor.month:
                y += 1
            v = f"{y:04d}-{mo:02d}"
            return Out(v, f"{rel} {name}, from the {how} = {v}", 0.8)
        if rel and rel.startswith("of "):
            year, k, how = self.relative_year(rel.removeprefix("of "))
            if year is None:
                return Out(f"XXXX-{mo:02d}", f"{name} {rel}: no anchor", 0.3, (), False)
            v = f"{year:04d}-{mo:02d}"
            return Out(v, f"{name} {rel}: year of the {how} {k:+d} = {v}", 0.85)
        return self._pick_year(c, _in_year(f"{mo:02d}"), name)

    def r_season(self, c: Cand) -> Out:
        s, y, rel = c.data["season"], c.data["year"], c.data.get("rel")
        if y:
            return Out(f"{y:04d}-{s}", f"season as written: {y}-{s}", 0.95)
        if rel in ("last", "next", "this", "coming", "past"):
            anchor, how = self.deictic("year")
            if anchor is None:
                return Out(f"XXXX-{s}", f"{rel} season: no anchor", 0.3, (), False)
            options = []
            for yy in range(anchor.year - 2, anchor.year + 2):
                first, last, _ = interval(f"{yy:04d}-{s}")
                if first is not None and last is not None:
                    options.append((first, last, yy))
            if rel in ("last", "past"):
                yy = max(o[2] for o in options if o[1] < anchor)  # the last one over
            elif rel in ("next", "coming"):
                yy = min(o[2] for o in options if o[0] > anchor)
            else:  # the one under way, else the next one
                yy = min(o[2] for o in options if o[1] >= anchor)
            v = f"{yy:04d}-{s}"
            return Out(v, f"{rel} season relative to the {how} = {v}", 0.85)
        if rel in ("that", "the same", "the following", "the previous"):
            anchor, how = self.focus("year")
            if anchor is None:
                return Out(f"XXXX-{s}", "season: no anchor", 0.3, (), False)
            yy = anchor.year + {"the following": 1, "the previous": -1}.get(rel, 0)
            return Out(f"{yy:04d}-{s}", f"season of the {how}", 0.75)

        def make(yy: int | None) -> tuple[date, date, str]:
            if yy is None:
                return date.min, date.min, f"XXXX-{s}"
            first, last, _ = interval(f"{yy:04d}-{s}")
            return first, last, f"{yy:04d}-{s}"  # type: ignore[return-value]

        return self._pick_year(c, make, "season")

    def r_part(self, c: Cand) -> Out:
        part, y, rel = c.data["part"], c.data["year"], c.data.get("rel")
        if y:
            return Out(f"{y:04d}-{part}", f"{part} of {y} as written", 0.95)
        if rel:
            year, _, how = self.relative_year(rel.replace(" fiscal", ""))
            if year is None:
                return Out(f"XXXX-{part}", f"{part}: no anchor", 0.3, (), False)
            v = f"{year:04d}-{part}"
            return Out(v, f"{part} of {rel} ({how}) = {v}", 0.85)
        return self._pick_year(c, _in_year(part), part)

    def r_nth(self, c: Cand) -> Out:
        n, wd, mo, y = c.data["nth"], c.data["wd"], c.data["month"], c.data["year"]
        label = self.text[c.start : c.end]

        def make(yy: int | None) -> tuple[date, date, str]:
            if yy is None:
                return date.min, date.min, f"XXXX-{mo:02d}"
            d = nth_weekday(yy, mo, n, wd)
            if d.month != mo:
                raise ValueError("no such weekday in that month")
            return d, d, fmt(d)

        if y:
            d = make(y)[0]
            return Out(
                fmt(d), f"'{label}': weekday {wd} number {n} of {y}-{mo:02d} = {fmt(d)}", 0.95
            )
        return self._pick_year(c, make, label)

    def r_holiday(self, c: Cand) -> Out:
        hol, y, rel = c.data["holiday"], c.data["year"], c.data.get("rel")
        name = c.data["name"]

        def day_in(yy: int) -> date:
            return holiday_date(hol, yy)

        if y:
            d = day_in(y)
            return Out(fmt(d), f"{name} {y} ({hol.rule} {' '.join(hol.args)}) = {fmt(d)}", 0.95)

        def make(yy: int | None) -> tuple[date, date, str]:
            if yy is None:
                v = f"XXXX-{hol.args[0]}" if hol.rule == "fixed" else "XXXX-XX-XX"
                return date.min, date.min, v
            d = day_in(yy)
            return d, d, fmt(d)

        if rel in ("last", "next", "this", "coming"):
            anchor, how = self.deictic("year")
            if anchor is None:
                return Out(make(None)[2], f"{name}: no anchor", 0.3, (), False)
            ds = [day_in(anchor.year + k) for k in (-1, 0, 1)]
            if rel == "last":
                d = max(x for x in ds if x < anchor)
            elif rel in ("next", "coming"):
                d = min(x for x in ds if x > anchor)
            else:
                d = ds[1]
            return Out(fmt(d), f"{rel} {name} relative to the {how} = {fmt(d)}", 0.9)
        out = self._pick_year(c, make, name)
        return out

    def r_wd(self, c: Cand) -> Out:
        wd, rel = c.data["wd"], c.data.get("rel")
        pod = c.data.get("pod")
        name = WD_FULL[wd]
        out = self._weekday(c, wd, rel, name)
        if pod and out.anchor_ok:
            out.value += f"T{pod}"
            out.alternatives = tuple(a + f"T{pod}" for a in out.alternatives)
        elif pod:
            out.value = f"XXXX-WXX-{wd}T{pod}"
        return out

    def _weekday(self, c: Cand, wd: int, rel: str | None, name: str) -> Out:
        if not rel and prev_word(self.text, c.start) == "into" and self.history:
            f = self.history[-1]
            near = self.narrative or self.dct is None or abs((f.first - self.dct).days) <= 7
            if f.gran in ("day", "time") and not f.weak and near:
                # "fighting on Monday continued into Tuesday": the next such day after it
                d = f.first + timedelta(days=(wd - f.first.isoweekday() - 1) % 7 + 1)
                return Out(
                    fmt(d),
                    f"{name}, continued into from {f.value}: the {name} after it = {fmt(d)}",
                    0.8,
                )
        if rel in ("that", "the following", "the next", "the previous"):
            anchor, how = self.focus("day")
            if anchor is None:
                return Out(f"XXXX-WXX-{wd}", f"{name}: no date in focus", 0.3, (), False)
            if rel == "the previous":
                d = anchor - timedelta(days=(anchor.isoweekday() - wd - 1) % 7 + 1)
            else:
                d = anchor + timedelta(days=(wd - anchor.isoweekday() - 1) % 7 + 1)
            if rel == "that":
                d = anchor + timedelta(days=wd - anchor.isoweekday())
            return Out(fmt(d), f"{rel} {name} after the {how} = {fmt(d)}", 0.7)
        if self.narrative:
            anchor, how = self.focus("day")
            if anchor is None:
                return Out(f"XXXX-WXX-{wd}", f"{name}: no date in focus", 0.3, (), False)
            d = anchor + timedelta(days=(wd - anchor.isoweekday()) % 7)
            return Out(
                fmt(d), f"{name}, narrative: the first {name} from the {how} = {fmt(d)}", 0.6
            )
        r = self.dct
        if r is None:
            anchor, how = self.focus("day")
            if anchor is None:
                return Out(f"XXXX-WXX-{wd}", f"{name}: no reference date", 0.3, (), False)
            r = anchor
        before = r - timedelta(days=(r.isoweekday() - wd - 1) % 7 + 1)  # strictly before
        after = r + timedelta(days=(wd - r.isoweekday() - 1) % 7 + 1)  # strictly after
        rs = wd_str(r) + self.said
        if rel in ("last", "past", "previous"):
            return Out(
                fmt(before),
                f"last {name}: the {name} before {rs} = {fmt(before)}",
                0.9,
                (fmt(before - timedelta(days=7)),)
                if before.isocalendar()[:2] == r.isocalendar()[:2]
                else (),
            )
        if rel in ("next", "coming"):
            alts = (
                (fmt(after + timedelta(days=7)),)
                if after.isocalendar()[:2] == r.isocalendar()[:2]
                else ()
            )
            return Out(
                fmt(after),
                f"next {name}: the first {name} after {rs} = {fmt(after)}",
                0.8 if alts else 0.9,
                alts,
            )
        if rel == "this":
            d = r + timedelta(days=wd - r.isoweekday())
            alts: tuple[str, ...] = ()
            conf = 0.8
            if d < r:
                alts = (fmt(d + timedelta(days=7)),)
            elif d > r and (r - before).days <= 2:
                # written a day or two before the reference date, "this Sunday" may be the
                # Sunday just gone
                alts, conf = (fmt(before),), 0.65
            return Out(
                fmt(d), f"this {name}: the {name} of the week of {rs} = {fmt(d)}", conf, alts
            )
        tense, margin = self.tense(c)
        if wd == r.isoweekday():
            alt = fmt(after) if tense == "future" else fmt(before)
            return Out(
                fmt(r), f"{name}, same weekday as the reference date {rs}: that day", 0.75, (alt,)
            )
        if tense == "future":
            alts = ()
            conf = 0.85
            if (r - before).days <= 2:
                alts = (fmt(before),)
                conf = 0.6
            return Out(
                fmt(after),
                f"{name}, future tense: the {name} after {rs} = {fmt(after)}",
                conf,
                alts,
            )
        if tense in ("past", "present"):
            conf = 0.9 if tense == "past" else 0.7
            return Out(
                fmt(before), f"{name}, {tense} tense: the {name} before {rs} = {fmt(before)}", conf
            )
        return Out(
            fmt(before),
            f"{name}, no tense cue: the {name} before {rs} = {fmt(before)} (news reports the past)",
            0.6,
            (fmt(after),),
        )

    def r_same_period(self, c: Cand) -> Out:
        """ "the same month a year ago": the unit of the date in focus, a year back."""
        unit = c.data["unit"]
        label = self.text[c.start : c.end]
        anchor, how = self.focus(unit)
        if anchor is None:
            return Out("XXXX-XX", f"'{label}': no date in focus", 0.3, (), False)
        try:
            back = anchor.replace(year=anchor.year - 1)
        except ValueError:  # 29 February
            back = anchor.replace(year=anchor.year - 1, day=28)
        v = shift(back, unit, 0)
        return Out(v, f"'{label}': the {unit} of the {how}, one year back = {v}", 0.75)

    def _reported_on(self, c: Cand) -> date | None:
        """The day of a speech that reports the clause of `c`: the nearest date before `c`
        in its sentence is a day a reporting verb just before it dates, and "that" opens the
        reported clause between them ("said on Thursday that ... overnight")."""
        lo, _ = sentence_bounds(self.text, c.start, c.end)
        for f in reversed(self.history):
            if f.end > c.start:
                continue
            if f.end <= lo or f.gran != "day" or f.first != f.last:
                return None
            that = _THAT.search(self.text, f.end, c.start)
            if that is None:
                return None
            from dashapp.temporal.lexicon import lexicon

            cues = lexicon().tense_cues
            # the verb before the day ("said on Thursday that") or after it, before "that"
            # ("On Thursday, the ministry said that")
            head = _WORD.findall(self.text[max(lo, f.end - 60) : f.end].lower())[-5:]
            tail = _WORD.findall(self.text[f.end : that.start()].lower())
            if len(tail) <= 6 and not _JOINS.intersection(tail):
                head += tail  # (not "attacked on Thursday, and officials said that")
            if any(cues.get(w, ("",))[0] == "report" for w in head):
                return f.first
            return None
        return None

    def r_overnight(self, c: Cand) -> Out:
        nxt = self._next
        if nxt is not None and nxt.type == "DATE":
            # "overnight into Tuesday": the night before that day
            o = self.resolve(nxt)
            first, _last, gran = interval(o.value)
            if o.anchor_ok and gran == "day" and first is not None:
                d = first - timedelta(days=1)
                return Out(
                    f"{fmt(d)}TNI",
                    f"overnight into {fmt(first)}: the night of {fmt(d)}",
                    o.confidence * 0.9,
                )
        if self.narrative or self.dct is None:
            anchor, how = self.focus("day")
            if anchor is None:
                return Out("XXXX-XX-XXTNI", "overnight: no day in focus", 0.3, (), False)
            return Out(f"{fmt(anchor)}TNI", f"overnight: the night of the {how}", 0.6)
        said = self._reported_on(c)
        if said is not None:
            # "Kiev said on Thursday that armed men had crossed the border overnight"
            d = said - timedelta(days=1)
            return Out(
                f"{fmt(d)}TNI",
                f"overnight, reported on {fmt(said)}: the night before it = {fmt(d)}TNI",
                0.6,
            )
        d = self.dct - timedelta(days=1)
        return Out(
            f"{fmt(d)}TNI",
            f"overnight: the night before the {self.ref} = {fmt(d)}TNI",
            0.6,
            (f"{fmt(self.dct)}TNI",),
        )

    def r_weekend(self, c: Cand) -> Out:
        anchor, how = self.deictic("weekend")
        if anchor is None:
            return Out("XXXX-WXX-WE", "the weekend: no anchor", 0.3, (), False)
        tense, _ = self.tense(c)
        wd = anchor.isoweekday()
        if wd >= 6:
            v = week_value(anchor) + "-WE"
            return Out(v, f"the weekend: the one of the {how}", 0.85)
        if tense == "future":
            v = week_value(anchor) + "-WE"
            why = "future tense: the coming one"
        else:
            v = week_value(anchor - timedelta(days=7)) + "-WE"
            why = f"{tense or 'no'} tense: the last one before"
        return Out(v, f"the weekend, {why} the {how} = {v}", 0.8)

    def r_rel(self, c: Cand) -> Out:
        unit, n, anchor_kind = c.data["unit"], c.data["n"], c.data["anchor"]
        pod = c.data.get("pod")
        if anchor_kind == "dct":
            anchor, how = self.deictic(unit)
        else:
            anchor, how = self.focus(unit)
            if (
                n == 0
                and not self.narrative
                and self.dct is not None
                and anchor is not None
                and anchor > self.dct
                and self.tense(c)[0] == "past"
            ):
                # "The junta broke off relations the same day" after "she is expected to
                # fly out on Saturday": a past act is not on a day still to come; the
                # latest date in focus that is not after the reference date
                anchor, how = self.focus(unit, not_after=self.dct)
            elif n > 0 and unit == "day" and anchor is not None:
                # ... nor the day after one ("withdrew the next day" after "will vote on
                # Sunday"): the latest date in focus it does not carry past the reference date
                anchor, how = self._past_counted(c, anchor, how, unit, n)
        label = self.text[c.start : c.end]
        bc = self.bc_focus() if unit == "year" else None
        if bc is not None and (anchor_kind == "focus" or self.narrative):
            v = f"BC{bc - n:04d}"  # BC years count down: the following year of 480 BC is 479 BC
            return Out(v, f"'{label}': BC year in focus {bc} BC {n:+d} year = {v}", 0.7)
        if anchor is None:
            v = {
                "day": "XXXX-XX-XX",
                "week": "XXXX-WXX",
                "weekend": "XXXX-WXX-WE",
                "month": "XXXX-XX",
                "quarter": "XXXX-QX",
                "year": "XXXX",
                "decade": "XXX",
                "century": "XX",
            }[unit]
            if pod:
                v = f"XXXX-XX-XXT{pod}"
            return Out(v, f"'{label}': {how}, written with X", 0.3, (), False)
        v = shift(anchor, unit, n)
        if pod:
            v += f"T{pod}"
        sign = f"{n:+d} {unit}" if n else f"same {unit}"
        conf = 0.95 if anchor_kind == "dct" and not self.narrative else 0.75
        return Out(v, f"'{label}': {how} {sign} = {v}", conf)

    def r_offset(self, c: Cand) -> Out:
        unit, n, count, anchor_kind = c.data["unit"], c.data["n"], c.data["count"], c.data["anchor"]
        label = self.text[c.start : c.end]
        u = {
            "night": "day",
            "fortnight": "week",
            "hour": "day",
            "hr": "day",
            "minute": "day",
            "min": "day",
            "second": "day",
            "yr": "year",
            "millennium": "century",
        }.get(unit, unit)
        if unit == "fortnight" and count is not None:
            count *= 2
        if anchor_kind == "dct":
            anchor, how = self.deictic(u)
        else:
            anchor, how = self.focus(u)
            if n > 0 and u in ("day", "week") and anchor is not None and count is not None:
                # "the loudspeakers it turned back on six days later": counted from the
                # date in focus, a past act lands no later than the reference date
                days = int(count) * (7 if u == "week" else 1)
                anchor, how = self._past_counted(c, anchor, how, "day", days)
        if count is None:
            v = "PAST_REF" if n < 0 else "FUTURE_REF"
            return Out(v, f"'{label}': unspecified count, {v}", 0.6, (), False)
        if anchor is None:
            return Out(
                "XXXX-XX-XX" if u == "day" else "XXXX",
                f"'{label}': {how}, written with X",
                0.3,
                (),
                False,
            )
        if unit in ("hour", "hr", "minute", "min", "second"):
            return self._clock_offset(c, unit, n * count, label)
        if u in ("day", "week", "month", "year", "decade", "century") and float(count).is_integer():
            k = int(count) * n
            if u == "day" and unit in ("hour", "hr", "minute", "min", "second"):
                k = 0 if count < 24 else int(count // 24) * n
            if u == "week":
                d = anchor + timedelta(days=7 * k)
                v = fmt(d)  # "a week ago" is a day, as the corpora annotate it
            elif u == "decade":
                v = f"{(anchor.year + 10 * k) // 10:03d}"  # "three decades later": a decade
            elif u == "century":
                v = shift(anchor, "year", 100 * k)
            else:
                v = shift(anchor, u, k)
        else:
            v = (
                shift(anchor, "month", int(round(count * 12)) * n)
                if u == "year"
                else shift(anchor, "day", int(round(count)) * n)
            )
        conf = 0.9 if anchor_kind == "dct" and not self.narrative else 0.75
        return Out(v, f"'{label}': {how} {n * count:+g} {unit} = {v}", conf)

    def _clock_offset(self, c: Cand, unit: str, amount: float, label: str) -> Out:
        """ "nine hours later", "two hours ago": from the clock time in focus when there is
        one (a TIME), else the day it falls on (a DATE)."""
        minutes = amount * {"hour": 60, "hr": 60, "minute": 1, "min": 1, "second": 1 / 60}[unit]
        anchor_kind = c.data["anchor"]
        for f in reversed(self.history):
            if f.gran not in ("day", "time") or f.weak:
                continue
            m = _CLOCK.search(f.value)
            if m and anchor_kind == "focus":
                base = datetime(f.first.year, f.first.month, f.first.day, int(m[1]) % 24, int(m[2]))
                t = base + timedelta(minutes=minutes)
                v = f"{fmt(t.date())}T{t.hour:02d}:{t.minute:02d}"
                return Out(
                    v,
                    f"'{label}': clock time in focus {f.value} {amount:+g} {unit} = {v}",
                    0.7,
                    (),
                    True,
                    "TIME",
                )
            break
        anchor, how = self.focus("day") if anchor_kind == "focus" else self.deictic("day")
        if anchor is None:
            return Out("XXXX-XX-XX", f"'{label}': {how}, written with X", 0.3, (), False, "DATE")
        d = anchor + timedelta(
            days=int(minutes // 1440) if minutes >= 0 else -int(-minutes // 1440)
        )
        return Out(
            fmt(d),
            f"'{label}': the day of the {how} {amount:+g} {unit} = {fmt(d)}",
            0.6,
            (),
            True,
            "DATE",
        )

    def r_clock(self, c: Cand) -> Out:
        t = c.data["clock"]
        day = c.data.get("day")
        if day and day["kind"] == "wd":
            sub = Cand(c.start, c.end, "DATE", "wd", {"wd": day["wd"], "rel": None})
            o = self.r_wd(sub)
            if not o.anchor_ok:
                return Out(f"XXXX-XX-XX{t}", f"clock time {t}: no day", 0.4, (), False)
            return Out(
                o.value + t,
                f"clock time {t} on {o.explanation}",
                o.confidence * 0.95,
                tuple(a + t for a in o.alternatives),
            )
        if day:
            anchor, how = self.deictic("day")
            if anchor is None:
                return Out(f"XXXX-XX-XX{t}", f"clock time {t}: no day", 0.4, (), False)
            d = anchor + timedelta(days=day["n"])
            return Out(fmt(d) + t, f"clock time {t} on the {how} {day['n']:+d} day", 0.9)
        nxt = self._next
        if nxt is not None and nxt.kind in ("wd", "md", "rel", "holiday") and nxt.type == "DATE":
            # "at 9:30 p.m. on Wednesday": the day written right after the time
            o = self.resolve(nxt)
            first, _last, gran = interval(o.value)
            if o.anchor_ok and gran == "day" and first is not None:
                return Out(
                    fmt(first) + t,
                    f"clock time {t} on the day that follows it: {o.explanation}",
                    o.confidence * 0.95,
                    tuple(a + t for a in o.alternatives if len(a) == 10),
                )
        anchor, how = self.focus("day")
        if anchor is None:
            return Out(f"XXXX-XX-XX{t}", f"clock time {t}: no day in focus", 0.4, (), False)
        return Out(fmt(anchor) + t, f"clock time {t} on the {how}", 0.7)

    def _range_end(self, c: Cand, done: list[Timex]) -> Out | None:
        """ "from Monday to Wednesday": the second weekday of a range is the first such day
        on or after the first one, whatever the tense says."""
        if c.kind != "wd" or c.data.get("rel") or not done or c.type != "DATE":
            return None
        a = done[-1]
        if a.granularity != "day" or a.first is None:
            return None
        gap = self.text[a.end : c.start]
        if not _RANGE_GAP.fullmatch(gap) or not _RANGE_FROM.search(self.text, 0, a.start):
            return None
        wd = c.data["wd"]
        d = a.first + timedelta(days=(wd - a.first.isoweekday()) % 7)
        return Out(
            fmt(d),
            f"{WD_FULL[wd]}, end of a range from {a.text} ({fmt(a.first)}) = {fmt(d)}",
            min(a.confidence, 0.85),
        )

    # --- the pass -----------------------------------------------------------------------
    def _part(self, c: Cand, first: date, last: date, gran: str | None) -> tuple[date, date]:
        """The days a timex names within its unit (the focus keeps the whole unit): the part
        an early/mid/late mod names ("mid-October": 11-20 October); "earlier this month" the
        days before the reference date, "later this week" those after it."""
        first, last = part(first, last, gran, c.mod)
        pre = c.data.get("pre") if c.kind == "rel" else None
        dct = self.dct
        if pre and dct is not None and not self.narrative and first <= dct <= last:
            if pre == "earlier" and first < dct:
                return first, dct - timedelta(days=1)
            if pre == "later" and dct < last:
                return dct + timedelta(days=1), last
        return first, last

    def run(self, cands: list[Cand]) -> list[Timex]:
        out: list[Timex] = []
        for i, c in enumerate(cands):
            self._next = None
            self._cur = c
            if c.kind in ("clock", "overnight") and i + 1 < len(cands):
                gap = self.text[c.end : cands[i + 1].start]
                if (_ON_GAP if c.kind == "clock" else _INTO_GAP).fullmatch(gap):
                    self._next = cands[i + 1]
            o = self._range_end(c, out) or self.resolve(c)
            if not is_valid(o.value) or any(not is_valid(a) for a in o.alternatives):
                o = Out(
                    "XXXX-XX-XX" if c.type in ("DATE", "TIME") else "PXD",
                    f"value out of range ({o.explanation}), written with X",
                    0.2,
                    (),
                    False,
                )
            first = last = gran = None
            ctype = o.type or c.type
            if ctype in ("DATE", "TIME") and o.anchor_ok:
                first, last, gran = interval(o.value)
                if first is not None:
                    weak = self._weak(c, gran)
                    aside = not self.narrative and self._in_relative_clause(c)
                    bound = (
                        weak
                        and not self.narrative
                        and prev_word(self.text, c.start) in _BOUND_BEFORE
                    )
                    edge = weak and not self.narrative and prev_word(self.text, c.start) in _EDGES
                    self.history.append(
                        Focus(first, last, gran, o.value, weak, None, c.end, aside, bound, edge)  # type: ignore[arg-type]
                    )
                elif _BC.match(o.value):
                    y = int(_BC.match(o.value).group(1))  # type: ignore[union-attr]
                    self.history.append(Focus(date.min, date.min, "year", o.value, False, y))
                if first is not None and last is not None:
                    first, last = self._part(c, first, last, gran)
            out.append(
                Timex(
                    start=c.start,
                    end=c.end,
                    text=self.text[c.start : c.end],
                    type=ctype,  # type: ignore[arg-type]
                    value=o.value,
                    mod=c.mod,
                    first=first,
                    last=last,
                    granularity=gran,  # type: ignore[arg-type]
                    explanation=o.explanation,
                    confidence=round(o.confidence, 2),
                    alternatives=o.alternatives,
                )
            )
        return out


def shift(anchor: date, unit: str, n: int) -> str:
    """The TIMEX3 value of the `unit` containing `anchor`, moved by n units."""
    if unit == "day":
        return fmt(anchor + timedelta(days=n))
    if unit == "week":
        return week_value(anchor + timedelta(days=7 * n))
    if unit == "weekend":
        # the weekend of the anchor's week; "last weekend" from a weekday = previous week's
        base = anchor + timedelta(days=7 * n)
        return week_value(base) + "-WE"
    if unit == "month":
        y, m = add_months(anchor.year, anchor.month, n)
        return f"{y:04d}-{m:02d}"
    if unit == "quarter":
        q = (anchor.month - 1) // 3 + n
        y = anchor.year + q // 4
        return f"{y:04d}-Q{q % 4 + 1}"
    if unit == "year":
        return f"{anchor.year + n:04d}"
    if unit == "decade":
        return f"{anchor.year // 10 + n:03d}"
    if unit == "century":
        return f"{anchor.year // 100 + n:02d}"
    raise ValueError(unit)


def holiday_date(hol: object, year: int) -> date:
    from dashapp.temporal.lexicon import lexicon

    rule, args = hol.rule, hol.args  # type: ignore[attr-defined]
    if rule == "fixed":
        mo, d = args[0].split("-")
        return date(year, int(mo), int(d))
    if rule == "nth_weekday":
        return nth_weekday(year, int(args[0]), int(args[1]), int(args[2]))
    if rule == "easter":
        return easter(year) + timedelta(days=int(args[0]))
    if rule == "orthodox_easter":
        return orthodox_easter(year) + timedelta(days=int(args[0]))
    if rule == "after_holiday":
        base = next(h for h in lexicon().holidays if args[0] in h.names)
        return holiday_date(base, year) + timedelta(days=int(args[1]))
    raise ValueError(rule)
