"""A wire dateline's date anchors the article's relative dates (dashapp.dateline,
Article.anchor): its reading (formats, the year rule, the limits) and its effect through
extract_article."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from dashapp.actors import Gazetteer
from dashapp.dateline import MAX_LAG, PlaceLine, dateline_date, place_line
from dashapp.models import Article
from dashapp.pipeline import extract_article

PUB = date(2024, 3, 12)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("WASHINGTON, March 10 (AP) -- The Senate voted today.", date(2024, 3, 10)),
        ("MOSCOW, March 9 - The Kremlin said on Friday.", date(2024, 3, 9)),
        ("LONDON, March 11 (Reuters) - Britain said.", date(2024, 3, 11)),
        ("PARIS, 8 March - La France a dit.", date(2024, 3, 8)),
        ("PARIS, 8th March \u2014 France said.", date(2024, 3, 8)),
        ("BEIJING, Mar. 7 (Xinhua) \u2013 China said.", date(2024, 3, 7)),
        ("NUUK, Greenland, Feb. 29 (AP) \u2014 Officials said.", date(2024, 2, 29)),
        ("Washington, D.C., March 11 \u2014 Officials said.", date(2024, 3, 11)),
        ("KUWAIT CITY, Monday, March 11 - Kuwait said.", date(2024, 3, 11)),
        ("ST. LOUIS, MARCH 11, 2024 (AP) -- A judge ruled.", date(2024, 3, 11)),
        ("\n  GENEVA, March 1 (AFP): x", date(2024, 3, 1)),
        ("\n  GENEVA, Sept. 1 (AFP): x", None),  # more than MAX_LAG days before
        # scraped copies that lost the dash, or the source and the dash
        ("JEDDAH, March 11 (Reuters) Talks collapsed on Sunday.", date(2024, 3, 11)),
        ("JEDDAH, March 11 Talks collapsed on Sunday.", date(2024, 3, 11)),
        ("\nCAIRO, 10 March \u201cWe will not stop,\u201d he said.", date(2024, 3, 10)),
        ("WASHINGTON, March 10 (AP)\u2014The Senate voted.", date(2024, 3, 10)),
        ("WASHINGTON, March 10\u2014The Senate voted.", date(2024, 3, 10)),
        # no place, the date first (Reuters); a press release's source between slashes
        ("March 11 (Reuters) - Britain said.", date(2024, 3, 11)),
        ("LONDON, March 5 /PRNewswire/ -- The company said.", date(2024, 3, 5)),
        # a byline first
        ("By JANE DOE\nWASHINGTON, March 10 \u2014 The Senate voted.", date(2024, 3, 10)),
        ("By a Staff Reporter\n\nLONDON, March 9 - x", date(2024, 3, 9)),
    ],
)
def test_dateline_formats(body, expected):
    assert dateline_date(body, PUB) == expected


@pytest.mark.parametrize(
    "body",
    [
        "WASHINGTON (AP) -- The Senate voted today.",  # a dateline without a date
        "KHARTOUM, Sudan - Fighting resumed on Monday.",
        "President Biden met Chancellor Scholz on March 10 at the White House.",
        "On March 10, the Senate voted.",  # a date, but no dateline
        "Washington, March 10 was a cold day.",  # not in capitals, nothing closes it
        "WASHINGTON, March 10 the Senate voted.",  # no capital after it
        "The talks in Jeddah (Saudi Arabia) - March 11 - collapsed.",
        "GENEVA, March 10-11 talks ended.",  # a range, not a dateline's dash
        "By JANE DOE\nThe Senate voted on March 10 - a first.",
        "WASHINGTON, March 10 (AP) -- x".replace("March 10", "March 40"),
        "",
    ],
)
def test_no_dated_dateline(body):
    assert dateline_date(body, PUB) is None


def test_dateline_year_is_the_latest_not_after_the_publication():
    body = "MADRID, Dec. 31 (Reuters) - Spain said."
    assert dateline_date(body, date(2024, 1, 2)) == date(2023, 12, 31)
    assert dateline_date(body, date(2023, 12, 31)) == date(2023, 12, 31)
    # a date after the publication in its year is last year's, then too old
    assert dateline_date("MADRID, March 13 - x", PUB) is None
    # 29 February: the latest leap year's, if recent enough
    assert dateline_date("ROME, Feb. 29 - x", date(2024, 3, 2)) == date(2024, 2, 29)
    assert dateline_date("ROME, Feb. 29 - x", date(2025, 3, 2)) is None


def test_dateline_limits():
    lag = PUB.toordinal() - MAX_LAG
    last_ok = date.fromordinal(lag)
    too_old = date.fromordinal(lag - 1)

    def line(d: date) -> str:
        return f"ROME, {d.strftime('%B')} {d.day}, {d.year} - Italy said."

    assert dateline_date(line(last_ok), PUB) == last_ok
    assert dateline_date(line(too_old), PUB) is None
    # an explicit year: after the publication, or years before it, is not used
    assert dateline_date("ROME, March 11, 2025 - x", PUB) is None
    assert dateline_date("ROME, March 11, 2023 - x", PUB) is None
    assert dateline_date("ROME, March 11, 2024 - x", PUB) == date(2024, 3, 11)


def _article(body: str, published: date, **kw) -> Article:
    return Article("a", "t", published, "https://example.org/a", body, **kw)


def test_anchor_is_the_given_reference_date_else_the_dateline_else_the_publication():
    body = "WASHINGTON, Jan. 5 (AP) -- President Biden met Chancellor Scholz today."
    art = _article(body, date(2024, 1, 8))
    assert art.anchor == date(2024, 1, 5)
    assert replace(art, reference_date=date(2024, 1, 7)).anchor == date(2024, 1, 7)
    assert replace(art, body="President Biden met Scholz today.").anchor == date(2024, 1, 8)
    assert replace(art, date=date(2024, 3, 8)).anchor == date(2024, 3, 8)  # too old


def _extract(art: Article):
    return extract_article(art, gazetteer=Gazetteer.load())


def test_extract_article_dates_relative_expressions_from_the_dateline():
    body = (
        "WASHINGTON, Oct. 22 (AP) -- President Kennedy announced tonight that the United "
        "States would impose a naval quarantine on Cuba.\n"
        "Secretary of State Rusk met Soviet Ambassador Dobrynin yesterday."
    )
    timexes, events = _extract(_article(body, date(1962, 10, 23)))
    by_text = {t.text: t for t in timexes}
    assert by_text["tonight"].first == date(1962, 10, 22)
    assert by_text["yesterday"].first == date(1962, 10, 21)
    assert "reference date 1962-10-22 (dateline)" in by_text["tonight"].explanation
    assert {e.value for e in events} >= {"1962-10-22", "1962-10-21"}

    # a reference date given by the user wins, and its explanations do not say dateline
    given = _article(body, date(1962, 10, 23), reference_date=date(1962, 10, 23))
    timexes, _ = _extract(given)
    tonight = next(t for t in timexes if t.text == "tonight")
    assert tonight.first == date(1962, 10, 23)
    assert "(dateline)" not in tonight.explanation

    # no dateline: the publication date, as before
    plain = _article(body.split("-- ", 1)[1], date(1962, 10, 23))
    timexes, _ = _extract(plain)
    tonight = next(t for t in timexes if t.text == "tonight")
    assert tonight.first == date(1962, 10, 23)
    assert not any("(dateline)" in t.explanation for t in timexes)


def test_event_details_name_the_dateline_anchor():
    import json

    from dashapp.app.layout import event_details

    body = "WASHINGTON, Jan. 5 (AP) -- President Biden met Chancellor Scholz today."
    art = _article(body, date(2024, 1, 8))
    events = _extract(art)[1]
    assert events

    def shown(a: Article) -> str:
        return json.dumps(event_details(events[0], {"a": a}), ensure_ascii=False)

    assert "\u00b7 dateline 2024-01-05" in shown(art)
    given = replace(art, reference_date=date(2024, 1, 6))
    assert "\u00b7 reference date 2024-01-06" in shown(given)
    assert "\u00b7 dateline" not in shown(given)
    assert "\u00b7 dateline" not in shown(replace(art, body="Biden met Scholz today."))


@pytest.mark.parametrize(
    "body",
    [
        "PARIS, 8 March - Emmanuel Macron met Olaf Scholz yesterday in Paris.",
        "March 8 (Reuters) - Emmanuel Macron met Olaf Scholz yesterday in Paris.",
        # (a dateline further back than MAX_LAG anchors nothing, and dates nothing either)
        "PARIS, 2 Jan - Emmanuel Macron met Olaf Scholz on Thursday in Paris.",
    ],
)
def test_a_datelines_own_date_dates_no_happening(body):
    art = Article("d", "t", PUB, "https://example.org/d", body)
    _, events = extract_article(art, gazetteer=Gazetteer.load())
    assert len(events) == 1 and "Macron" in events[0].label


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("KUWAIT CITY - The emir spoke.", ("KUWAIT CITY", None, False, "The")),
        ("NUUK, Greenland \u2014 Denmark said.", ("NUUK", "Greenland", False, "Denmark")),
        ("ABUJA, Aug 1 (Reuters) - Nigeria said.", ("ABUJA", "Aug 1", True, "Nigeria")),
        ("MOSCOW (AP) \u2014 Putin said.", ("MOSCOW", None, True, "Putin")),
        ("GENEVA: Talks resumed.", ("GENEVA", None, False, "Talks")),
        # scraped copy: the dash lost, its two blanks left
        ("DURRES, Albania  Italian police said.", ("DURRES", "Albania", False, "Italian")),
    ],
)
def test_a_place_line_of_any_wire_style(text, expected):
    line = place_line(text)
    assert isinstance(line, PlaceLine)
    place, rest, sourced, lead = expected
    assert (line.place, line.rest, line.sourced) == (place, rest, sourced)
    assert line.start == 0 and text[line.end :].startswith(lead)
    # at a later paragraph's start too
    body = "First paragraph.\n" + text
    assert place_line(body, len("First paragraph.\n"))[:3] == (place, rest, sourced)


@pytest.mark.parametrize(
    "text",
    [
        "The UN said on Monday.",
        "NATO allies met on Monday.",
        "US-Russia talks resumed.",
        "MOSCOW-based analysts said so.",
        "Washington - Officials said.",  # a place line is in capitals
        "GENEVA  talks resumed.",  # scraped: the lead starts with a capital
    ],
)
def test_no_place_line(text):
    assert place_line(text) is None
