"""A small, hand-made extraction for the browser tests: three articles, a dozen events
covering every way an event is drawn (day, range, month, year, approximate, same-day
stack), actors with an affiliation, and one hostile article."""

from __future__ import annotations

from datetime import date

from dashapp.models import Actor, Article, Event, Extraction, Mention

HOSTILE_TITLE = "<img src=x onerror=\"alert('title')\">Hostile <b>title</b>"
HOSTILE_SENTENCE = (
    'On Friday <script>alert("sentence")</script> troops <a href="javascript:alert(1)">'
    "clicked</a> <b>bold</b><br>break " + "W" * 300 + " end."
)
HOSTILE_LABEL = '<svg onload=alert("label")> talks <i>x</i>'

ARTICLES = (
    Article(
        id="a1",
        title="Biden to contact Ukraine leader",
        date=date(2022, 1, 3),
        url="https://example.org/a1",
        body="(body of a1)",
        source="a1.txt",
    ),
    Article(
        id="a2",
        title="Russia masses troops",
        date=date(2022, 1, 10),
        url="http://example.org/a2",
        body="(body of a2)",
        source="a2.txt",
    ),
    Article(
        id="evil",
        title=HOSTILE_TITLE,
        date=date(2022, 1, 12),
        url="javascript:alert('url')",
        body=HOSTILE_SENTENCE,
        source="evil.txt",
    ),
)
ACTORS = (
    Actor("Russia", "country"),
    Actor("Ukraine", "country"),
    Actor("United States", "country"),
    Actor("NATO", "organisation"),
    Actor("Vladimir Putin", "person", "Russia"),
    Actor("Sergei Lavrov", "person", "Russia"),
    Actor("Joe Biden", "person", "United States"),
    Actor("Volodymyr Zelensky", "person", "Ukraine"),
)


def _m(
    article: str,
    text: str,
    sentence: str,
    value: str,
    confidence: float = 1.0,
    explanation: str = "weekday before the publication date",
) -> Mention:
    i = max(0, sentence.find(text))
    return Mention(
        article=article,
        text=text,
        start=i,
        end=i + len(text),
        type="DATE",
        value=value,
        sentence=sentence,
        explanation=explanation,
        confidence=confidence,
    )


def _e(
    eid, label, type_, quad, start, end, value, gran, actors, mentions, *, approx=False, articles=1
) -> Event:
    return Event(
        id=eid,
        label=label,
        type=type_,
        quad_class=quad,
        start=start,
        end=end,
        value=value,
        granularity=gran,
        actors=actors,
        mentions=mentions,
        approximate=approx,
        articles=articles,
    )


EVENTS = (
    _e(
        "e-call",
        "Biden and Zelensky call",
        "CONSULT",
        "verbal cooperation",
        date(2022, 1, 9),
        date(2022, 1, 9),
        "2022-01-09",
        "day",
        ("Joe Biden", "Volodymyr Zelensky"),
        (
            _m("a1", "Sunday", "Biden will speak with Zelensky on Sunday.", "2022-01-09"),
            _m("a2", "January 9", "The call on January 9 was confirmed.", "2022-01-09"),
        ),
        articles=2,
    ),
    _e(
        "e-warn",
        "Biden warns Putin",
        "DISAPPROVE",
        "verbal conflict",
        date(2021, 12, 31),
        date(2021, 12, 31),
        "2021-12-31",
        "day",
        ("Joe Biden", "Vladimir Putin"),
        (_m("a1", "Friday", "Biden said Friday he warned Putin of sanctions.", "2021-12-31"),),
    ),
    _e(
        "e-blinken",
        "Blinken speaks with Stoltenberg",
        "CONSULT",
        "verbal cooperation",
        date(2021, 12, 31),
        date(2021, 12, 31),
        "2021-12-31",
        "day",
        ("NATO",),
        (_m("a1", "Friday", "Blinken spoke Friday with NATO chief Stoltenberg.", "2021-12-31"),),
    ),
    _e(
        "e-talks",
        "Geneva security talks",
        "CONSULT",
        "verbal cooperation",
        date(2022, 1, 9),
        date(2022, 1, 10),
        "2022-01-09/2022-01-10",
        "range",
        ("Russia", "United States"),
        (
            _m(
                "a2",
                "January 9 and 10",
                "Talks are set in Geneva on January 9 and 10.",
                "2022-01-09/2022-01-10",
            ),
        ),
    ),
    _e(
        "e-crimea",
        "Russia seizes Crimea",
        "SEIZE",
        "material conflict",
        date(2014, 1, 1),
        date(2014, 12, 31),
        "2014",
        "year",
        ("Russia", "Ukraine"),
        (
            _m(
                "a1",
                "in 2014",
                "Putin already seized the Crimea region in 2014.",
                "2014",
                explanation="explicit year",
            ),
        ),
    ),
    _e(
        "e-troops",
        "Troops massed near the border",
        "POSTURE",
        "material conflict",
        date(2021, 11, 1),
        date(2021, 11, 30),
        "2021-11",
        "month",
        ("Russia",),
        (
            _m(
                "a2",
                "in November",
                "Troops were massed near the border in November.",
                "2021-11",
                confidence=0.3,
                explanation="month before the publication date",
            ),
        ),
        approx=True,
    ),
    _e(
        "e-lavrov",
        "Lavrov statement",
        "STATEMENT",
        "neutral",
        date(2022, 1, 7),
        date(2022, 1, 7),
        "2022-01-07",
        "day",
        ("Sergei Lavrov",),
        (
            _m(
                "a2",
                "last Friday",
                "Lavrov said last Friday that talks must continue.",
                "2022-01-07",
            ),
        ),
    ),
    _e(
        "e-stack1",
        "Shelling reported in Donetsk",
        "FIGHT",
        "material conflict",
        date(2022, 1, 8),
        date(2022, 1, 8),
        "2022-01-08",
        "day",
        ("Ukraine",),
        (_m("a2", "Saturday", "Shelling was reported on Saturday in Donetsk.", "2022-01-08"),),
    ),
    _e(
        "e-stack2",
        "Ukraine protests ceasefire breach",
        "DISAPPROVE",
        "verbal conflict",
        date(2022, 1, 8),
        date(2022, 1, 8),
        "2022-01-08",
        "day",
        ("Ukraine",),
        (_m("a2", "Saturday", "Kyiv protested the breach on Saturday.", "2022-01-08"),),
    ),
    _e(
        "e-stack3",
        "Evacuation of a village",
        "AID",
        "material cooperation",
        date(2022, 1, 8),
        date(2022, 1, 8),
        "2022-01-08",
        "day",
        ("Ukraine",),
        (_m("a2", "Saturday", "A village was evacuated on Saturday.", "2022-01-08"),),
    ),
    _e(
        "e-evil",
        HOSTILE_LABEL,
        "CONSULT",
        "verbal cooperation",
        date(2022, 1, 7),
        date(2022, 1, 7),
        "2022-01-07",
        "day",
        ("NATO",),
        (_m("evil", "Friday", HOSTILE_SENTENCE, "2022-01-07"),),
    ),
)


def extraction() -> Extraction:
    return Extraction(articles=ARTICLES, timexes={}, events=EVENTS, actors=ACTORS)
