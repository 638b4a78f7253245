"""Wire datelines: the date of the one at an article's start ("WASHINGTON, Jan. 5 (AP) --
", "LONDON, March 3 (Reuters) - ", "PARIS, 12 May - ", "NUUK, Greenland, Oct. 22 - "), and
the place line that opens a paragraph in any wire style, dated or not (`place_line`).

Wire copy is dated in its dateline; the publication date a user gives may be a day or more
later (a newspaper's next-day edition, an archive). When the user gives no reference date,
the article's relative expressions ("today", "tonight", "on Monday") count from the
dateline's date (Article.anchor). The dateline seldom names its year: the year is the one
that puts the date on or before the publication date, the latest such. A date more than
MAX_LAG days before the publication date, or after it, is not used (a misread or a stray
date, not the writing date). No dependency on the rest of the package (models imports it).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import NamedTuple

# a dateline's date is at most this many days before the publication date
MAX_LAG = 31

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH = (
    r"(?i:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?\.?|july?\.?"
    r"|aug(?:ust|\.)?|sept?(?:ember|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)"
)
_WEEKDAY = r"(?i:(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
# the place: one to four capitalised words ("WASHINGTON", "KUWAIT CITY", "ST. LOUIS")
_PLACE = r"[A-Z][A-Za-z.'\u2019-]+(?:[ ][A-Z][A-Za-z.'\u2019-]*){0,3}"
# an optional region or country between the place and the date ("NUUK, Greenland, ")
_REGION = r"(?:,[ ]*[A-Z][A-Za-z.'\u2019-]*(?:[ ][A-Z][A-Za-z.'\u2019-]*){0,2}\.?)?"
# the day and month either way round ("Jan. 5", "5 January"), perhaps with the year
_DAY_MONTH = (
    rf"(?:(?P<m1>{_MONTH})[ ]*(?P<d1>{_DAY})|(?P<d2>{_DAY})[ ]+(?P<m2>{_MONTH}))"
    r"(?:,?[ ]+(?P<y>1[6-9]\d\d|2[01]\d\d)(?!\d))?"
)
_DATE = rf",[ ]*(?:{_WEEKDAY},?[ ]+)?{_DAY_MONTH}"
# the date, then a source and/or a dash ("(AP) --", "(Reuters) -", "/PRNewswire/ --",
# "\u2014", ":")
_END = (
    r"[ ]*(?:\([^()\n]{1,40}\)|/[^/\n]{1,40}/)(?:[ ]*(?:[-\u2013\u2014]+|:))?"
    r"|[ ]*(?:[-\u2013\u2014]+|:)"
)
# a byline may come first ("By JOHN SMITH, Special to The New York Times"); a source or a
# long dash may touch the lead in scraped copy ("(AP)\u2014President"), a hyphen may not
# ("Oct. 22-23 talks")
_BYLINE = r"(?:\s*By[ ][^\n]{1,100}\n)?"
_DATELINE = re.compile(
    rf"{_BYLINE}\s*(?P<place>{_PLACE}){_REGION}{_DATE}(?P<end>{_END})?"
    r"(?:[ \t]+|(?<=[)\u2013\u2014])(?=[A-Za-z\"'\u201c\u2018]))"
)
# scraped copies that lost the source and the dash: the place in capitals and the date
# right before the lead's first word ("WASHINGTON, Jan. 5 President Biden...")
_LEAD = re.compile(r"[A-Z\"'\u201c\u2018]")


# a wire dateline with no place, the date first: "Jan 5 (Reuters) - " (a source and a dash)
_DATE_FIRST = re.compile(
    rf"{_BYLINE}\s*{_DAY_MONTH}[ ]*\([^()\n]{{1,40}}\)[ ]*(?:[-\u2013\u2014]+|:)[ \t]*"
)


def _dateline(body: str) -> re.Match[str] | None:
    """The dated dateline at the start of `body`, if there is one."""
    m = _DATELINE.match(body)
    if m is not None and (
        m["end"] is not None or (m["place"].isupper() and _LEAD.match(body, m.end()))
    ):
        return m
    return _DATE_FIRST.match(body)


def dateline_span(body: str) -> tuple[int, int] | None:
    """Where the dated dateline at the start of `body` is: its date dates the writing, not
    a happening (whatever its distance from the publication date)."""
    m = _dateline(body)
    return m.span() if m is not None else None


def dateline_date(body: str, published: date) -> date | None:
    """The date the dateline at the start of `body` carries, its year that of the latest
    such date not after `published`; None without a dated dateline, or when the date is
    after `published` or more than MAX_LAG days before it."""
    m = _dateline(body)
    if m is None:
        return None
    month = _MONTHS[(m["m1"] or m["m2"]).lower()[:3]]
    day = int(re.match(r"\d+", m["d1"] or m["d2"]).group())  # type: ignore[union-attr]
    if m["y"]:
        found = _day(int(m["y"]), month, day)
    else:
        found = None
        for year in range(published.year, published.year - 9, -1):  # (29 February)
            d = _day(year, month, day)
            if d is not None and d <= published:
                found = d
                break
    if found is None or found > published or published - found > timedelta(days=MAX_LAG):
        return None
    return found


def _day(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


class PlaceLine(NamedTuple):
    """A place line (`place_line`): the place as written, what follows its comma (a
    region, a date; None without one), whether a source in brackets comes before the
    dash ("(Reuters)"), and where the line starts and ends (the lead's first character)."""

    place: str
    rest: str | None
    sourced: bool
    start: int
    end: int


# "KUWAIT CITY - ", "NUUK, Greenland \u2014 ", "ABUJA, Aug 1 (Wire) - ", "GENEVA: ", and in
# scraped copy, which drops the dash and leaves its two blanks, "DURRES, Albania  Italian
# police ...": a place in capitals (one to four words), perhaps a comma and a region or a
# date, perhaps a source, then a dash or a colon, or two blanks before the lead
_PLACE_LINE = re.compile(
    r"[ \t]*(?P<place>[A-Z][A-Z.'\u2019-]+(?: [A-Z][A-Z.'\u2019-]*){0,3})"
    r"(?:,[ \t]*(?P<rest>[^()\n\u2013\u2014]{1,30}?))?"
    r"[ \t]*(?P<source>\([^()\n]{1,40}\)[ \t]*)?"
    r"(?:(?:[-\u2013\u2014]+|:)\s+|(?<=[^ ])[ ]{2}(?=[A-Z\"'\u201c\u2018]))"
)


def place_line(text: str, pos: int = 0) -> PlaceLine | None:
    """The place line opening `text` at `pos` (a paragraph's start), if there is one: where
    the story was filed, which names no party to what the paragraph reports."""
    m = _PLACE_LINE.match(text, pos)
    if m is None:
        return None
    rest = m["rest"].strip() if m["rest"] else None
    return PlaceLine(m["place"], rest, m["source"] is not None, m.start("place"), m.end())
