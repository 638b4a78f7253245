"""TIMEX3 values: the validator, and the calendar interval (first/last day) a value denotes."""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

# One TIMEX3 value. Dates: YYYY, YYY (decade), YY (century), YYYY-MM, YYYY-MM-DD, YYYY-Wnn,
# YYYY-Wnn-WE, YYYY-Wnn-D, YYYY-Qn, YYYY-Hn, YYYY-SP/SU/FA/WI, with X for unknown digits and
# an optional BC prefix; times: a date then T hh:mm(:ss) or a part of day (MO AF EV NI DT),
# optional Z; durations: P[n|X]Y.. T[n|X]H..; vague references.
_Y = r"(?:BC)?[0-9X]{2,4}"
_DATE = (
    rf"{_Y}"
    r"(?:-(?:[0-9X]{2}(?:-[0-9X]{2})?|W[0-9X]{2}(?:-(?:WE|[1-7X]))?|Q[1-4X]|H[12X]|SP|SU|FA|WI))?"
)
_TIME = (
    r"T(?:[0-9X]{2}(?::[0-9X]{2}(?::[0-9X]{2})?)?|MO|AF|EV|NI|DT|MI)(?:Z|[+-]\d{2}(?::?\d{2})?)?"
)
_NUM = r"(?:\d+(?:\.\d+)?|X)"
_DUR = (
    rf"P(?:(?:{_NUM}(?:Y|M|W|D|DE|CE|ML|Q|H))+(?:T(?:{_NUM}(?:H|M|S))+)?"
    rf"|T(?:{_NUM}(?:H|M|S))+|{_NUM}(?:WE))"
)
TIMEX3_VALUE = re.compile(
    rf"(?:{_DATE}(?:{_TIME})?|XXXX-XX-XX{_TIME}|{_TIME}|{_DUR}|PRESENT_REF|PAST_REF|FUTURE_REF)"
)


# Both functions below are pure functions of a short string that recurs across a corpus's
# timexes ("2022-01-09", "P1W"...), and return immutable values: memoised, a bounded cache.
@lru_cache(maxsize=4096)
def is_valid(value: str) -> bool:
    return TIMEX3_VALUE.fullmatch(value) is not None


# Meteorological seasons; a winter is named by the year of its January, as the evaluation
# corpora do: 2022-WI = December 2021 .. February 2022.
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (0, 2)}


def month_end(y: int, m: int) -> date:
    if m == 12:
        return date(y, 12, 31)
    return date(y, m + 1, 1) - timedelta(days=1)


def add_months(y: int, m: int, n: int) -> tuple[int, int]:
    k = y * 12 + (m - 1) + n
    return k // 12, k % 12 + 1


def iso_week_monday(y: int, w: int) -> date:
    return date.fromisocalendar(y, w, 1)


def week_value(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


_INTERVAL = re.compile(
    r"(?P<y>\d{2,4})(?:-(?:(?P<m>\d{2})(?:-(?P<d>\d{2}))?|W(?P<w>\d{2})(?P<we>-WE)?"
    r"|Q(?P<q>[1-4])|H(?P<h>[12])|(?P<s>SP|SU|FA|WI)))?(?P<t>T.*)?"
)


@lru_cache(maxsize=4096)
def interval(value: str) -> tuple[date | None, date | None, str | None]:
    """(first day, last day, granularity) of a resolved DATE/TIME value; (None, None, None)
    when the value does not denote a calendar interval (durations, X digits, references)."""
    m = _INTERVAL.fullmatch(value)
    if not m:
        return None, None, None
    try:
        ys = m["y"]
        if len(ys) == 2:  # century "19" = 1900-1999
            c = int(ys)
            return date(max(1, c * 100), 1, 1), date(c * 100 + 99, 12, 31), "century"
        if len(ys) == 3:
            dd = int(ys) * 10
            return date(max(1, dd), 1, 1), date(dd + 9, 12, 31), "decade"
        y = int(ys)
        if y < 1:
            return None, None, None
        if m["d"]:
            d = date(y, int(m["m"]), int(m["d"]))
            return d, d, "time" if m["t"] else "day"
        if m["m"]:
            mo = int(m["m"])
            return date(y, mo, 1), month_end(y, mo), "month"
        if m["w"]:
            mon = iso_week_monday(y, int(m["w"]))
            if m["we"]:
                return mon + timedelta(days=5), mon + timedelta(days=6), "weekend"
            return mon, mon + timedelta(days=6), "week"
        if m["q"]:
            q = int(m["q"])
            return date(y, 3 * q - 2, 1), month_end(y, 3 * q), "quarter"
        if m["h"]:
            h = int(m["h"])
            return date(y, 6 * h - 5, 1), month_end(y, 6 * h), "half"
        if m["s"]:
            a, b = SEASON_MONTHS[m["s"]]
            sy, sm = add_months(y, 1, a - 1)
            return date(sy, sm, 1), month_end(y, b), "season"
        if m["t"]:
            return None, None, None
        return date(y, 1, 1), date(y, 12, 31), "year"
    except (ValueError, OverflowError):
        return None, None, None


# The TIMEX3 mods that name a part of a unit: "early August", "mid-2011", "late last week".
PART_MODS = frozenset(("START", "MID", "END"))


def _thirds(n: int, mod: str) -> tuple[int, int]:
    """The [lo, hi) sub-range of n consecutive units a part mod names: the first, middle or
    last third, the first one taking the remainder (a year: Jan-Apr, May-Aug, Sep-Dec; a
    decade: 0-3, 4-6, 7-9)."""
    a, b = -(-n // 3), n - n // 3
    return {"START": (0, a), "MID": (a, b), "END": (b, n)}[mod]


def part(first: date, last: date, gran: str | None, mod: str | None) -> tuple[date, date]:
    """The days of the part of [first, last] (a calendar unit of granularity `gran`) that
    an early/mid/late modifier names; the TIMEX3 value keeps the whole unit, with mod START,
    MID or END. A month: days 1-10, 11-20, 21-end; a week: Monday-Wednesday,
    Tuesday-Thursday, Thursday-Sunday; a year, quarter, half or season: the first, middle or
    last third of its months; a decade or a century: of its years. A day, a time or a
    weekend stays whole; so do other mods."""
    if mod not in PART_MODS or gran in (None, "day", "time", "weekend"):
        return first, last
    if gran == "month":
        lo, hi = {"START": (1, 10), "MID": (11, 20), "END": (21, last.day)}[mod]
        return first.replace(day=lo), first.replace(day=hi)
    if gran == "week":
        lo, hi = {"START": (0, 2), "MID": (1, 3), "END": (3, 6)}[mod]
        return first + timedelta(days=lo), first + timedelta(days=hi)
    if gran in ("decade", "century"):
        lo, hi = _thirds(last.year - first.year + 1, mod)
        try:
            return date(first.year + lo, 1, 1), date(first.year + hi - 1, 12, 31)
        except ValueError:
            return first, last
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    lo, hi = _thirds(months, mod)
    y0, m0 = add_months(first.year, first.month, lo)
    y1, m1 = add_months(first.year, first.month, hi - 1)
    return date(y0, m0, 1), month_end(y1, m1)


def easter(year: int) -> date:
    """Western (Gregorian) Easter Sunday: the anonymous Gregorian algorithm."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def orthodox_easter(year: int) -> date:
    """Orthodox Easter Sunday: Julian computus (Meeus), converted to the Gregorian calendar."""
    a, b, c = year % 4, year % 7, year % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    julian = date(year, month, day + 1)
    return julian + timedelta(days=year // 100 - year // 400 - 2)


def nth_weekday(year: int, month: int, n: int, weekday: int) -> date:
    """The n-th ISO `weekday` (1=Mon) of a month; n = -1 for the last one."""
    if n > 0:
        first = date(year, month, 1)
        shift = (weekday - first.isoweekday()) % 7
        return first + timedelta(days=shift + 7 * (n - 1))
    last = month_end(year, month)
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)
