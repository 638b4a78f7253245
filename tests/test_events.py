"""Events from hand-made expressions and actor mentions: triggers, labels, roles, merging."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashapp.actors import ActorMention
from dashapp.events import (
    anchored_dates,
    article_events,
    lexicon,
    merge,
    merge_all,
    same_happening,
    trigger_hits,
)
from dashapp.models import Actor, Article, Event, Mention, Timex
from dashapp.temporal.timex3 import interval

BIDEN = Actor("Joe Biden", "person", "United States")
PUTIN = Actor("Vladimir Putin", "person", "Russia")
ZELENSKY = Actor("Volodymyr Zelensky", "person", "Ukraine")
RUSSIA = Actor("Russia", "country")
UKRAINE = Actor("Ukraine", "country")
US = Actor("United States", "country")
NAMES = {
    "Biden": BIDEN,
    "Putin": PUTIN,
    "Zelensky": ZELENSKY,
    "Russia": RUSSIA,
    "Ukraine": UKRAINE,
    "US": US,
    "Russian": RUSSIA,
    "Moscow": RUSSIA,
}


def _timex(
    text: str,
    expr: str,
    value: str,
    first: date,
    last: date,
    gran: str = "day",
    rng: tuple[date, date] | None = None,
    nth: int = 0,
) -> Timex:
    start = [m.start() for m in re.finditer(re.escape(expr), text)][nth]
    return Timex(
        start,
        start + len(expr),
        expr,
        "DATE",
        value,
        None,
        first,
        last,
        gran,
        f"test value {value}",
        0.9,
        (),
        rng,
    )


def _actors(text: str) -> list[ActorMention]:
    out = []
    for m in re.finditer(r"\b(" + "|".join(NAMES) + r")\b", text):
        out.append(ActorMention(m.start(), m.end(), m.group(), (NAMES[m.group()],)))
    return out


def _article(text: str) -> Article:
    return Article("a1", "t", date(2022, 1, 3), "https://example.org/a", text)


D30 = date(2021, 12, 30)


@pytest.mark.parametrize(
    ("text", "expr", "type_", "label", "actors"),
    [
        (
            "In Thursday's call, Biden warned Putin against an attack.",
            "Thursday's",
            "CONSULT",
            "Biden-Putin call",
            {"Joe Biden", "Vladimir Putin"},
        ),
        (
            "Biden said Thursday that the talks had been useful.",
            "Thursday",
            "STATEMENT",
            "Biden remarks",
            {"Joe Biden"},
        ),
        (
            "Putin seized the Crimea region on Thursday.",
            "Thursday",
            "COERCE",
            "Russia seizes Crimea",
            {"Vladimir Putin", "Russia", "Ukraine"},
        ),
        (
            "Russia imposed sanctions on Ukraine on Thursday.",
            "Thursday",
            "SANCTION",
            "Russia sanctions Ukraine",
            {"Russia", "Ukraine"},
        ),
        (
            "US and Russian officials sat down on Thursday in Geneva.",
            "Thursday",
            "CONSULT",
            "US-Russia talks in Geneva",
            {"United States", "Russia"},
        ),
    ],
)
def test_trigger_type_label_and_actors(text, expr, type_, label, actors):
    events = article_events(
        _article(text), [_timex(text, expr, "2021-12-30", D30, D30)], _actors(text)
    )
    assert len(events) == 1
    ev = events[0]
    assert (ev.type, ev.label, set(ev.actors)) == (type_, label, actors)
    assert ev.quad_class == lexicon().quad[type_]
    assert ev.mentions[0].text == expr and ev.mentions[0].sentence == text


@pytest.mark.parametrize(
    ("written", "plain"),
    [
        ("ſaid", "said"),  # a long s
        ("İnvaded", "invaded"),  # a dotted capital I: lower case is two code points
    ],
)
def test_trigger_forms_written_with_other_case_letters_are_found(written, plain):
    # "İ" anywhere in the text makes the matcher fold case instead of lower-casing, and
    # it then matches letters whose lower case is not the lexicon's form
    text = f"İzmir: Biden {written} on Thursday."
    want = [h.trigger for h in trigger_hits(f"Izmir: Biden {plain} on Thursday.")]
    assert want and [h.trigger for h in trigger_hits(text)] == want
    events = article_events(
        _article(text), [_timex(text, "Thursday", "2021-12-30", D30, D30)], _actors(text)
    )
    assert [e.start for e in events] == [D30]


def test_date_without_happening_makes_no_event():
    text = "The region has been calm since 2014."
    tx = _timex(text, "2014", "2014", date(2014, 1, 1), date(2014, 12, 31), "year")
    assert article_events(_article(text), [tx], _actors(text)) == []


def test_durations_sets_and_vague_refs_make_no_event():
    text = "After a 50-minute phone call Biden spoke to Putin now."
    txs = [
        Timex(8, 17, "50-minute", "DURATION", "PT50M"),
        Timex(50, 53, "now", "DATE", "PRESENT_REF"),
    ]
    assert article_events(_article(text), txs, _actors(text)) == []


def test_range_members_make_one_event_with_the_range_value():
    text = "US and Russian officials are due to sit down on January 9 and 10 in Geneva."
    rng = (date(2022, 1, 9), date(2022, 1, 10))
    txs = [
        _timex(text, "January 9", "2022-01-09", rng[0], rng[0], rng=rng),
        _timex(text, "10", "2022-01-10", rng[1], rng[1], rng=rng),
    ]
    (ev,) = article_events(_article(text), txs, _actors(text))
    assert ev.value == "2022-01-09/2022-01-10" and ev.granularity == "range"
    assert (ev.start, ev.end) == rng and len(ev.mentions) == 2


def test_who_receives_is_acted_on():
    (ev,) = _monday("Ukraine received a bailout from Russia on Monday.")
    assert (ev.source, ev.target, ev.label) == ("Russia", "Ukraine", "Russia aid to Ukraine")


def test_source_and_target_follow_the_clause():
    text = "On Thursday Russia accused Ukraine of shelling."
    (ev,) = article_events(
        _article(text), [_timex(text, "Thursday", "2021-12-30", D30, D30)], _actors(text)
    )
    assert (ev.type, ev.source, ev.target) == ("ACCUSE", "Russia", "Ukraine")


def test_repeated_mentions_in_one_article_merge():
    text = (
        "Biden and Zelensky will speak by phone on Sunday. "
        "In Sunday's call, Biden will back Zelensky."
    )
    d9 = date(2022, 1, 9)
    txs = [
        _timex(text, "Sunday", "2022-01-09", d9, d9),
        _timex(text, "Sunday's", "2022-01-09", d9, d9),
    ]
    events = article_events(_article(text), txs, _actors(text))
    assert len(events) == 1 and len(events[0].mentions) == 2
    assert events[0].label == "Biden-Zelensky phone call"


def _event(
    id_: str,
    value: str,
    d: date,
    actors: tuple[str, ...],
    article: str,
    type_: str = "CONSULT",
    label: str = "call",
) -> Event:
    m = Mention(article, "x", 0, 1, "DATE", value, "s", "e")
    return Event(id_, label, type_, "verbal cooperation", d, d, value, "day", actors, (m,))


def test_merge_across_articles_counts_articles_and_keeps_the_best_supported_date():
    a = _event("a", "2022-01-09", date(2022, 1, 9), ("Joe Biden",), "art1")
    b = _event("b", "2022-01-09", date(2022, 1, 9), ("Joe Biden", "Volodymyr Zelensky"), "art2")
    c = _event("c", "2022-01-10", date(2022, 1, 10), ("Volodymyr Zelensky",), "art3")
    assert same_happening(a, b) and same_happening(b, c)
    (merged,) = merge_all([a, b, c])
    assert merged.articles == 3 and len(merged.mentions) == 3
    assert merged.value == "2022-01-09" and merged.other_dates == ("2022-01-10",)
    assert set(merged.actors) == {"Joe Biden", "Volodymyr Zelensky"}


def test_no_merge_without_shared_actor_or_with_other_type_or_far_dates():
    a = _event("a", "2022-01-09", date(2022, 1, 9), ("Joe Biden",), "art1")
    assert not same_happening(a, _event("b", "2022-01-09", date(2022, 1, 9), ("Xi Jinping",), "x"))
    assert not same_happening(
        a, _event("c", "2022-01-09", date(2022, 1, 9), ("Joe Biden",), "x", type_="THREATEN")
    )
    assert not same_happening(a, _event("d", "2022-01-12", date(2022, 1, 12), ("Joe Biden",), "x"))


@pytest.mark.parametrize(
    ("text", "type_", "actors"),
    [
        (
            "Russia's annexation of Crimea in 2014 prompted sanctions from the European Union.",
            "COERCE",
            {"Russia", "Ukraine"},
        ),
        ("A ceasefire agreed on Aug. 8 ended the fighting between Cuba and Angola.", "AGREE", None),
        ("Talks between Russia and Ukraine on Monday ended without a deal.", "CONSULT", None),
        # the verb after the date is the act itself
        ("Russia in 2014 annexed Crimea.", "COERCE", {"Russia", "Ukraine"}),
    ],
)
def test_a_date_that_closes_the_subject_dates_its_noun_not_the_verb_after(
    text: str, type_: str, actors: set[str] | None
):
    """ "X's annexation of Crimea in 2014 prompted sanctions": the date ends the subject
    and dates the annexation; the sanctions it prompted, and who they name, are not it."""
    (event,) = _extracted(text)
    assert event.type == type_
    if actors is not None:
        assert set(event.actors) == actors


@pytest.mark.parametrize(
    ("text", "source", "target", "label"),
    [
        (
            "The allies imposed sanctions on Russia on Thursday.",
            None,
            "Russia",
            "Allies sanction Russia",
        ),
        (
            "Western countries on Thursday slapped sanctions on Russian banks.",
            None,
            "Russia",
            "Western countries sanction Russia",
        ),
        ("Officials announced an embargo against Cuba on Thursday.", None, "Cuba", None),
        # a named subject still acts
        ("The EU imposed sanctions on Russia on Thursday.", "EU", "Russia", "EU sanctions Russia"),
    ],
)
def test_an_act_named_by_a_noun_is_done_to_whom_it_is_on(
    text: str, source: str | None, target: str, label: str | None
):
    """ "imposed sanctions on Russia": when the subject names nobody, the name after "on"
    or "against" is acted on, not the doer."""
    (event,) = _extracted(text)
    assert (event.source, event.target) == (source, target)
    if label is not None:
        assert event.label == label


@pytest.mark.parametrize(
    ("text", "type_", "label"),
    [
        (
            "The United States imposed a naval blockade on Cuba on Monday.",
            "COERCE",
            "US blockades Cuba",
        ),
        ("Kennedy announced a naval quarantine of Cuba on Monday.", "COERCE", None),
        # who is sworn in is named, not who swears them in
        (
            "The deputies swore in Alexander Rutskoi as president on Monday.",
            "STATEMENT",
            "Rutskoi inauguration",
        ),
        ("Ten Soviet tanks rolled up to the crossing on Monday.", "MOBILIZE", None),
        ("Soviet planes had begun landing troops at Kabul airport on Monday.", "MOBILIZE", None),
        # a call-up of reservists approved is the call-up
        (
            "In Kiev, parliament approved the call-up of 40,000 reservists on Monday.",
            "MOBILIZE",
            "Ukraine military build-up",
        ),
        # a rising crushed or put down is an attack on it; hopes crushed are no event
        ("Soviet tanks crushed the uprising in Budapest on Monday.", "ASSAULT", None),
        ("The Chilean army put down a revolt by a tank regiment on Monday.", "ASSAULT", None),
        ("The parliament reelected Sali Berisha as president on Monday.", "STATEMENT", None),
        # an airspace closed, or agreed to be closed, is a closure
        (
            "The European Union agreed on Monday to close its airspace to Russian aircraft.",
            "COERCE",
            None,
        ),
        # halting a supply is a sanction; tanks that halt are not
        (
            "Russia halted gas deliveries to Ukraine on Monday.",
            "SANCTION",
            "Russia sanctions Ukraine",
        ),
    ],
)
def test_blockades_swearing_in_and_troop_movements(text: str, type_: str, label: str | None):
    (event,) = _extracted(text)
    assert event.type == type_
    if label is not None:
        assert event.label == label


@pytest.mark.parametrize(
    ("text", "actor"),
    [
        (
            "The military government in Athens denied on Monday that it had any part in the coup.",
            "Greece",
        ),
        ("The regime in Damascus rejected the plan on Monday.", "Syria"),
    ],
)
def test_a_government_in_a_capital_is_its_state_not_a_venue(text: str, actor: str):
    (event,) = _extracted(text)
    assert event.source == actor


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        (
            "Foreign Minister Abba Eban left for Paris early on Monday to see President "
            "Charles de Gaulle.",
            "CONSULT",
        ),
        (
            "President Charles de Gaulle left for Moscow on Monday for talks with Leonid Brezhnev.",
            "CONSULT",
        ),
        # no one to meet: a departure, as before
        ("President Ashraf Ghani left for Tajikistan on Monday.", "RETREAT"),
    ],
)
def test_leaving_for_a_place_to_meet_someone_is_a_visit(text: str, type_: str):
    (event,) = _extracted(text)
    assert event.type == type_


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        (
            "Iranian President Ebrahim Raisi was killed in a helicopter crash on Sunday.",
            "STATEMENT",
        ),
        (
            "President Juvenal Habyarimana was killed when his plane was shot down on Sunday.",
            "ASSAULT",
        ),
        ("Israeli strikes killed 30 people in Gaza on Sunday.", "ASSAULT"),
    ],
)
def test_killed_in_a_crash_is_a_death_not_an_attack(text: str, type_: str):
    (event,) = _extracted(text)
    assert event.type == type_


def test_fighting_that_dies_down_is_no_death():
    text = "Shooting by units of the secret police loyal to Ceausescu died down on Tuesday."
    assert not [e for e in _extracted(text) if e.label.endswith(" dies")]
    (death,) = _extracted("Former Russian president Boris Yeltsin died on Monday.")
    assert death.label == "Yeltsin dies"


def test_an_adverb_before_the_verb_is_not_the_doer():
    """ "the Foreign Ministry on Saturday angrily rejected": "angrily" names nobody."""
    text = "The Foreign Ministry on Monday angrily rejected a question from Bernard Bot."
    (event,) = _extracted(text)
    assert not event.label.lower().startswith("angrily")


def test_hopes_crushed_are_no_attack():
    assert not [
        e for e in _extracted("Voters crushed Russia's hopes on Monday.") if e.type == "ASSAULT"
    ]


def test_a_border_where_delegations_meet_is_a_venue_not_a_party():
    text = "Ukrainian and Russian delegations met on the Belarusian border on Monday."
    (talks,) = _extracted(text)
    assert set(talks.actors) == {"Ukraine", "Russia"}
    # ... but troops massed on a border aim at its state
    (build_up,) = _extracted("Russia massed troops on the Ukrainian border on Monday.")
    assert build_up.target == "Ukraine"


def test_tanks_that_halt_impose_no_sanction():
    assert not [
        e
        for e in _extracted("Soviet tanks halted 100 yards from the white line on Monday.")
        if e.type == "SANCTION"
    ]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Russia launched missile strikes on Kyiv on Monday.", "ASSAULT"),
        ("Russia launched a massive missile attack on Ukraine's power grid on Monday.", "ASSAULT"),
        # a launch with no attack named is a launch
        ("North Korea launched a ballistic missile on Monday.", "MOBILIZE"),
    ],
)
def test_launching_an_attack_is_the_attack(text: str, type_: str):
    (event,) = _extracted(text)
    assert event.type == type_


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Russia faced new sanctions from the European Union on Monday.", "EU", "Russia"),
        ("Russia drew sanctions from Washington on Monday.", "United States", "Russia"),
        ("Russia came under sanctions from the European Union on Monday.", "EU", "Russia"),
        ("Greece received a loan from the IMF on Monday.", "IMF", "Greece"),
        # drafting is doing
        ("The EU drew up sanctions against Russia on Monday.", "EU", "Russia"),
    ],
)
def test_who_faces_or_receives_an_act_is_acted_on(text: str, source: str, target: str):
    (event,) = _extracted(text)
    assert (event.source, event.target) == (source, target)


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("The 1990 invasion of Kuwait by Iraq led to war.", "Iraq", "Kuwait"),
        ("The invasion of Kuwait by Iraq in 1990 led to war.", "Iraq", "Kuwait"),
        ("The bombing of Belgrade by NATO in 1999 lasted 78 days.", "NATO", "Serbia"),
        (
            "The recognition of Kosovo by the United States in 2008 angered Serbia.",
            "United States",
            "Kosovo",
        ),
        # the same act told with a verb, for contrast
        ("Iraq invaded Kuwait in 1990.", "Iraq", "Kuwait"),
    ],
)
def test_an_act_named_by_a_noun_takes_its_object_after_of_and_its_doer_after_by(
    text: str, source: str, target: str
):
    (event,) = _extracted(text)
    assert (event.source, event.target) == (source, target)


@pytest.mark.parametrize(
    "text",
    [
        "Russia annexed Crimea in March 2014. Sanctions followed after Russia annexed Crimea "
        "in 2014.",
        "Russia annexed Crimea in 2014. Sanctions followed after Russia annexed Crimea in "
        "March 2014.",
    ],
)
def test_a_happening_told_to_the_month_and_to_the_year_is_one_event(text: str):
    """The year is the month's happening told more coarsely, whichever comes first: one
    event, dated to the month, the year kept among its other dates."""
    (annexation,) = [e for e in _extracted(text) if e.type == "COERCE"]
    assert annexation.value == "2014-03" and annexation.granularity == "month"
    assert len(annexation.mentions) == 2 and annexation.other_dates == ("2014",)


def test_a_coarser_date_merges_only_the_same_doers_act_that_it_holds():
    d, month = date(2025, 6, 27), date(2025, 6, 1)
    day = replace(
        _event("a", "2025-06-27", d, ("Rwanda", "Uganda"), "art1", "AGREE", "Rwanda agreement"),
        source="Rwanda",
    )
    told = replace(
        day, id="b", value="2025-06", start=month, end=date(2025, 6, 30), granularity="month"
    )
    assert same_happening(day, told) and same_happening(told, day)
    merged = merge(told, day)
    assert merged.value == "2025-06-27" and merged.other_dates == ("2025-06",)
    # the month of another doer, or of none ("the two countries signed a deal on Friday";
    # "technical teams had initialled the text earlier this month"), is another happening
    assert not same_happening(day, replace(told, source="Uganda"))
    assert not same_happening(replace(day, source=None), replace(told, source=None))
    # and so is a month that does not hold the day, or one read otherwise
    may = replace(told, value="2025-05", start=date(2025, 5, 1), end=date(2025, 5, 31))
    assert not same_happening(day, may)
    assert not same_happening(day, replace(told, label="Rwanda sanctions"))


def test_acts_of_two_doers_of_one_state_stay_apart():
    from dataclasses import replace

    d = date(2022, 1, 9)
    a = _event("a", "2022-01-09", d, ("Joe Biden", "United States"), "art1", "STATEMENT")
    b = _event("b", "2022-01-09", d, ("Antony Blinken", "United States"), "art1", "STATEMENT")
    a, b = replace(a, source="Joe Biden"), replace(b, source="Antony Blinken")
    assert not same_happening(a, b) and len(merge_all([a, b])) == 2
    # one speaker's words reported twice are one statement, and so are two speakers who
    # name each other (a joint statement)
    assert same_happening(a, replace(b, source="Joe Biden"))
    c = replace(b, actors=("Antony Blinken", "Joe Biden", "United States"))
    assert same_happening(a, c)
    # so are two one-sided acts of two doers of one state
    r1 = replace(a, type="RETREAT")
    r2 = replace(b, type="RETREAT")
    assert not same_happening(r1, r2)
    # meetings have two sides: either may be the subject, when one names the other; two
    # meetings whose doers neither names are two (round 34)
    m1 = replace(a, type="CONSULT")
    m2 = replace(b, type="CONSULT")
    assert same_happening(m1, replace(m2, actors=c.actors))
    assert not same_happening(m1, m2)


def test_human_correction_wins_a_merge():
    human = _event("h", "2022-01-08", date(2022, 1, 8), ("Joe Biden",), "art1")
    from dataclasses import replace

    human = replace(human, human=True, label="Corrected")
    other = _event("o", "2022-01-09", date(2022, 1, 9), ("Joe Biden",), "art2")
    other = replace(other, mentions=other.mentions * 1)
    merged = merge(other, human)
    assert merged.human and merged.label == "Corrected" and merged.value == "2022-01-08"


def test_two_dates_in_one_article_are_two_happenings():
    text = "Biden spoke to Putin on Saturday and again on Sunday."
    d8, d9 = date(2022, 1, 8), date(2022, 1, 9)
    txs = [
        _timex(text, "Saturday", "2022-01-08", d8, d8),
        _timex(text, "Sunday", "2022-01-09", d9, d9),
    ]
    events = article_events(_article(text), txs, _actors(text))
    assert [e.value for e in events] == ["2022-01-08", "2022-01-09"]
    assert all(e.type == "CONSULT" for e in events)


def test_reported_speech_continues_into_the_next_sentence():
    text = (
        "Biden said on Thursday that he was ready. "
        "The president then said Putin would face sanctions if Russia moved."
    )
    at = text.index("The president")
    mentions = _actors(text) + [ActorMention(at, at + 13, "The president", (BIDEN,))]
    mentions.sort(key=lambda m: m.start)
    (ev,) = article_events(
        _article(text), [_timex(text, "Thursday", "2021-12-30", D30, D30)], mentions
    )
    assert set(ev.actors) == {"Joe Biden", "Vladimir Putin", "Russia"}
    # what he went on to say is a warning (sanctions promised on a condition): so is the
    # statement, and the warned is the first other party it names
    assert (ev.type, ev.quad_class) == ("THREATEN", "verbal conflict")
    assert (ev.source, ev.target, ev.label) == ("Joe Biden", "Vladimir Putin", "Biden warns Putin")


@pytest.mark.parametrize(
    ("added", "type_", "target"),
    [
        ("Biden added that there would be consequences for Moscow.", "THREATEN", "Russia"),
        ("Biden added that Russia would face sanctions unless it withdrew.", "THREATEN", "Russia"),
        # no warning: a measure kept, a visit on a condition, a threat with no condition
        ("Biden added that the sanctions on Russia would stay.", "STATEMENT", None),
        ("Biden added that he would visit Poland if invited.", "STATEMENT", None),
        ("Biden added that Russia faced sanctions.", "STATEMENT", None),
        # the speaker as a pronoun
        ("He added that Russia would face severe sanctions if it invaded.", "THREATEN", "Russia"),
        ("He also said that Russia faced sanctions.", "STATEMENT", None),
    ],
)
def test_a_statement_that_goes_on_to_warn_is_a_warning(added, type_, target):
    text = f"Joe Biden said on Monday that the talks had been useful. {added}"
    (ev,) = _extracted(text)
    assert (ev.type, ev.source, ev.target) == (type_, "Joe Biden", target)


def test_a_pronoun_subject_is_the_last_person_named():
    text = "Zelensky won the vote. He will be sworn in on Thursday in Kyiv."
    (ev,) = article_events(
        _article(text), [_timex(text, "Thursday", "2021-12-30", D30, D30)], _actors(text)
    )
    # taking office is the person's own act (the owner's convention, round 58g): no Ukraine
    assert ev.actors == ("Volodymyr Zelensky",) and ev.source == "Volodymyr Zelensky"


def test_a_pronoun_after_the_actors_before_the_verb_is_still_its_subject():
    # the deal is about Ukraine, but "he" (Biden, the last person named) signed it
    text = "Biden came home. The deal for Ukraine that he signed with Putin on Thursday holds."
    (ev,) = article_events(
        _article(text), [_timex(text, "Thursday", "2021-12-30", D30, D30)], _actors(text)
    )
    assert {"Joe Biden", "Vladimir Putin"} <= set(ev.actors)


@pytest.mark.parametrize(
    ("text", "who"),
    [
        # a him/her object of the trigger: the last person named before it
        (
            "Dilma Rousseff addressed the nation on Sunday. "
            "Senators voted on Thursday to remove her from office.",
            "Dilma Rousseff",
        ),
        (
            "Volodymyr Zelensky landed in Washington. Joe Biden welcomed him on Tuesday.",
            "Volodymyr Zelensky",
        ),
        # ... who is not the clause's own subject ("Lavrov met him": someone else)
        (
            "Sergei Lavrov and Antony Blinken spoke on Friday. "
            "Lavrov met him again in Geneva on Saturday.",
            "Antony Blinken",
        ),
    ],
)
def test_an_object_pronoun_is_the_last_other_person_named(text, who):
    events = _extracted(text, date(2016, 5, 14))
    assert any(who in ev.actors and ev.value >= "2016-05-10" for ev in events)


def test_a_possessive_her_is_no_object():
    # "her proposal": a possessive before a noun names no one acted on
    text = "Angela Merkel spoke on Monday. Germany's parliament rejected her proposal on Tuesday."
    (ev,) = [ev for ev in _extracted(text, date(2016, 5, 14)) if ev.value == "2016-05-10"]
    assert ev.actors == ("Germany", "Bundestag")  # the state's parliament, named with it


@pytest.mark.parametrize(
    ("text", "brokers"),
    [
        # who brokered the deal or mediated the talks, after the comma ending the act
        (
            "Kenya and Somalia agreed on Monday to reopen their embassies, in a deal "
            "brokered by Qatar that surprised diplomats.",
            {"Qatar"},
        ),
        (
            "Armenia and Azerbaijan signed a truce on Monday, after talks mediated by "
            "Turkey and Russia.",
            {"Turkey", "Russia"},
        ),
        (
            "Serbia and Kosovo agreed on Monday to swap prisoners, brokered by NATO.",
            {"NATO"},
        ),
    ],
)
def test_a_broker_after_the_act_is_a_party(text, brokers):
    (ev,) = _extracted(text, date(2022, 1, 12))
    assert brokers <= set(ev.actors)
    # not who comes after the broker in a relative clause ("that surprised diplomats")
    assert len(ev.actors) == 2 + len(brokers)


def test_a_broker_of_another_dated_deal_is_not_a_party():
    # "a deal brokered by Russia" dates its own happening (2021): not Monday's truce
    text = (
        "Armenia and Azerbaijan signed a truce on Monday, a year after a deal brokered "
        "by Russia collapsed in 2021."
    )
    events = _extracted(text, date(2022, 1, 12))
    (ev,) = [ev for ev in events if ev.value == "2022-01-10"]
    assert "Russia" not in ev.actors


@pytest.mark.parametrize(
    "text",
    [
        # "in Arusha, Tanzania": the country of a town the gazetteer does not know is the
        # venue of words, meetings and deals, not a party
        "Leaders of Kenya and Ethiopia met at a summit in Arusha, Tanzania, on Monday.",
        "Kenya and Ethiopia signed a trade pact in Arusha, Tanzania, on Monday.",
    ],
)
def test_the_country_after_an_unknown_venue_town_is_the_venue(text):
    (ev,) = _extracted(text, date(2022, 1, 12))
    assert set(ev.actors) == {"Kenya", "Ethiopia"}


def test_the_country_after_a_struck_town_is_the_target():
    (ev,) = _extracted("Russia shelled a school in Izium, Ukraine, on Monday.", date(2022, 1, 12))
    assert set(ev.actors) == {"Russia", "Ukraine"}


_TWO_PARTIES = (
    "Armenia and Azerbaijan have traded accusations for weeks. "
    "Armenia says Azerbaijan wants a corridor. "
)


@pytest.mark.parametrize(
    ("act", "actors"),
    [
        # a strike whose striker alone is named, one of the article's two parties: the
        # other party is the one struck
        ("Azerbaijani troops shelled three border villages on Monday.", {"Azerbaijan", "Armenia"}),
        ("Armenian forces retook two hills on Monday.", {"Armenia", "Azerbaijan"}),
        # not a striker outside the two parties, nor a strike on a target it names
        ("Turkish drones struck a convoy on Monday.", {"Turkey"}),
        ("Azerbaijani troops shelled an Iranian border post on Monday.", {"Azerbaijan", "Iran"}),
    ],
)
def test_a_strike_by_one_of_two_parties_is_on_the_other(act, actors):
    (ev,) = _extracted(_TWO_PARTIES + act, date(2022, 1, 12))
    assert set(ev.actors) == actors


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # an organisation's gathering where another act happens is its venue
        (
            "Macron cancelled his meeting with Erdogan at the NATO summit on Monday.",
            {"Emmanuel Macron", "Recep Tayyip Erdogan"},
        ),
        (
            "Macron called off talks with Erdogan on Monday during the EU summit.",
            {"Emmanuel Macron", "Recep Tayyip Erdogan"},
        ),
        # ... not when the gathering is the act
        ("NATO leaders opened their summit in Madrid on Monday.", {"NATO"}),
        ("Macron addressed the NATO summit on Monday.", {"Emmanuel Macron", "NATO"}),
    ],
)
def test_a_gathering_where_another_act_happens_is_a_venue(text, actors):
    (ev,) = _extracted(text, date(2022, 1, 12))
    assert set(ev.actors) == actors


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # a body named by its own name where a vote is held takes part in it
        ("China vetoed the resolution in the Security Council on Monday.", {"China", "UN"}),
        ("Russia vetoed the draft at the United Nations on Monday.", {"Russia", "UN"}),
        # ... but a body's seat named as a city is where something happens
        (
            "Iran and Britain agreed in Brussels on Monday to resume talks.",
            {"Iran", "United Kingdom"},
        ),
    ],
)
def test_a_body_named_where_it_votes_is_a_party_and_its_seat_a_venue(text, actors):
    (ev,) = _extracted(text, date(2022, 1, 12))
    assert set(ev.actors) == actors


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # a body's building named where words, meetings and deals happen is a venue, as
        # its city is
        (
            "Armenia and Azerbaijan signed a border accord at UN headquarters on Monday.",
            {"Armenia", "Azerbaijan"},
        ),
        (
            "Finland and Turkey agreed at NATO headquarters on Monday to resume talks.",
            {"Finland", "Turkey"},
        ),
        (
            "The foreign ministers of Serbia and Kosovo met at EU headquarters in Brussels on "
            "Monday.",
            {"Serbia", "Kosovo"},
        ),
        (
            "Ethiopia and Egypt reached a deal on the dam at AU headquarters on Monday.",
            {"Ethiopia", "Egypt"},
        ),
        (
            "Sudan's army and the RSF agreed to a truce in the UN compound on Monday.",
            {"Sudan", "Rapid Support Forces"},
        ),
        # ... not a building acted on, nor the body itself, nor the body's own chief
        ("Protesters stormed NATO headquarters on Monday.", {"NATO"}),
        ("Russia vetoed the draft at the United Nations on Monday.", {"Russia", "UN"}),
        (
            "Guterres told reporters at UN headquarters on Monday that Russia must withdraw.",
            {"Antonio Guterres", "UN", "Russia"},
        ),
    ],
)
def test_a_body_s_headquarters_is_a_venue(text, actors):
    (ev,) = _extracted(text, date(2022, 1, 12))
    assert set(ev.actors) == actors


@pytest.mark.parametrize(
    ("clauses", "actors"),
    [
        # ", and a UN spokesman said on Monday ...": a clause whose own subject opens with
        # "a" or "an" is another happening than the earlier date's; "both sides" named
        # before it are not the speaker's
        (
            "The envoy wrote to both sides last month, and a UN spokesman said on Monday that "
            "monitors would arrive on Friday.",
            {"UN"},
        ),
        (
            "Both sides accepted the plan in March, and a UN spokesman said on Monday that the "
            "truce would begin on Friday.",
            {"UN"},
        ),
        (
            "The two sides met in Geneva last week, and an EU envoy said on Monday that talks "
            "would resume on Friday.",
            {"EU"},
        ),
        (
            "Both governments signed the accord last month, and a Russian spokesman said on "
            "Monday that peacekeepers would deploy on Friday.",
            {"Russia"},
        ),
        (
            "The two sides agreed on a ceasefire in May, and an OSCE official said on Monday "
            "that observers would arrive on Friday.",
            {"OSCE"},
        ),
        # ... not a verb that shares the earlier subject, nor "the", nor no comma
        (
            "Both sides accepted the plan in March, and said on Monday that the truce would "
            "begin on Friday.",
            {"Armenia", "Azerbaijan"},
        ),
        (
            "Both sides accepted the plan in March, and the UN said on Monday that the truce "
            "would begin on Friday.",
            {"UN"},
        ),
        (
            "The two leaders met in Geneva last week and agreed on Monday to meet again on Friday.",
            {"Armenia", "Azerbaijan"},
        ),
    ],
)
def test_a_clause_with_a_subject_of_its_own_after_and_a_is_another_happening(clauses, actors):
    events = _extracted(_TWO_PARTIES + clauses, date(2022, 1, 12))
    (ev,) = [e for e in events if e.value == "2022-01-10"]
    assert set(ev.actors) == actors


# --------------------------------------------------------------------------- rules
# One row per general rule, on sentences of our own. Each sentence names its date once as
# "Monday" (2022-01-10) unless the row gives its own expressions.

MON = date(2022, 1, 10)
TUE = date(2022, 1, 11)
UN = Actor("UN", "organisation")
UNSC = Actor("UN Security Council", "organisation")
BELARUS = Actor("Belarus", "country")
MORE_NAMES = {
    "Ukrainian": UKRAINE,
    "Kyiv": UKRAINE,
    "Zelenskys": ZELENSKY,
    "Belarus": BELARUS,
    "Minsk": BELARUS,
}


def _mentions(text: str) -> list[ActorMention]:
    out = _actors(text)
    for m in re.finditer(r"\b(" + "|".join(MORE_NAMES) + r")\b", text):
        out.append(ActorMention(m.start(), m.end(), m.group(), (MORE_NAMES[m.group()],)))
    for m in re.finditer(r"Security Council", text):
        out.append(ActorMention(m.start(), m.end(), m.group(), (UNSC,), (UN,)))
    return sorted(out, key=lambda m: m.start)


def _monday(text: str, expr: str = "Monday", nth: int = 0) -> list[Event]:
    tx = _timex(text, expr, "2022-01-10", MON, MON, nth=nth)
    return article_events(_article(text), [tx], _mentions(text))


@pytest.mark.parametrize(
    ("rule", "text", "type_", "label"),
    [
        # a passive participle names the act as its active form does
        ("passive overthrow", "Zelensky was deposed by the army on Monday.", "COERCE", None),
        ("search", "Ukrainian police searched the embassy of Belarus on Monday.", "COERCE", None),
        # putting a case before a body, reporting to one, beating people
        (
            "case before a body",
            "Ukraine laid its case before the Security Council on Monday.",
            "CONSULT",
            None,
        ),
        ("report to a body", "Zelensky will report to parliament on Monday.", "STATEMENT", None),
        ("clubbing", "Belarus police clubbed Ukrainian protesters on Monday.", "ASSAULT", None),
        ("a request made", "Zelensky made his request on Monday.", "REQUEST", None),
        ("troops ashore", "Ukrainian marines waded ashore on Monday.", "MOBILIZE", None),
        # the verb names the act, not the noun it governs
        (
            "verb over object",
            "On Monday the US withdrew from the nuclear deal.",
            "RETREAT",
            "US withdraws from deal",
        ),
        (
            "verb over object",
            "Russia accused Ukraine of the attack on Monday.",
            "ACCUSE",
            "Russia accuses Ukraine",
        ),
        # an announced act, not the speech verb that reports it
        (
            "announced act",
            "Russia said on Monday that it would expel the Ukrainian envoy.",
            "SANCTION",
            None,
        ),
        (
            "announcing verb's object",
            "Russia announced Monday new sanctions against Ukraine.",
            "SANCTION",
            "Russia sanctions Ukraine",
        ),
        (
            "speaker's verbal act",
            "Putin said on Monday that talks had failed and warned Ukraine.",
            "THREATEN",
            "Putin warns Ukraine",
        ),
        (
            "perfect tense in reported speech",
            "Biden said on Monday that Russia and Ukraine had agreed to a ceasefire.",
            "AGREE",
            None,
        ),
        # what was agreed, when it is a material conflict
        (
            "agreed act",
            "On Monday Putin signed a treaty annexing the Crimea region.",
            "COERCE",
            "Russia annexes Crimea",
        ),
        # a participle after a determiner or preposition is an adjective, not a happening
        (
            "adjectival participle",
            "Ukraine handed back a captured pilot to Russia on Monday.",
            "CONCEDE",
            None,
        ),
        # the act of cancelling is the happening
        (
            "cancellation",
            "Biden called off the summit with Putin on Monday.",
            "REJECT",
            "Biden cancels summit",
        ),
        # a noun in a setting phrase gives way to the clause's verb
        (
            "setting phrase",
            "Russia attacked Ukraine during a ceasefire on Monday.",
            "ASSAULT",
            "Russia attack on Ukraine",
        ),
        # a parenthetical attribution is not the happening
        (
            "attribution",
            "Biden spoke by phone with Zelensky, his Ukrainian counterpart, on Monday, Kyiv said.",
            "CONSULT",
            "Biden-Zelensky phone call",
        ),
        # a relative clause dates its own noun
        (
            "relative clause",
            "Biden and Putin attend a summit that opens on Monday, amid Russia's war in Ukraine.",
            "CONSULT",
            None,
        ),
        # labels: never a person or an adjective as the object
        ("person object", "Biden visited Zelensky on Monday.", "CONSULT", "Biden visits Ukraine"),
        (
            "adjective object",
            "Russia attacked Ukrainian ships on Monday.",
            "ASSAULT",
            "Russia attack on Ukraine",
        ),
        ("one signatory", "Putin signed the treaty on Monday.", "AGREE", "Putin signs treaty"),
        (
            "a coordinated clause after the date has its own happening",
            "Russia attacked the port city of Odesa with drones on Monday, and talks resumed.",
            "ASSAULT",
            None,
        ),
        (
            "an infinitive after the date is a purpose",
            "Russia deployed troops near the border with Ukraine on Monday to attack Kyiv.",
            "MOBILIZE",
            None,
        ),
        (
            "... and so is the noun an infinitive after the date governs",
            "Biden appealed to Russia and Ukraine on Monday night to halt the fighting.",
            "REQUEST",
            None,
        ),
        ("resignation", "Zelensky resigned on Monday.", "RETREAT", "Zelensky resigns"),
        ("a killing", "A Ukrainian activist was shot dead in Kyiv on Monday.", "ASSAULT", None),
        ("an -ing form", "Russia responded on Monday by expelling the envoy.", "SANCTION", None),
        ("a closure", "Russia closed its border with Ukraine on Monday.", "COERCE", None),
        ("a crossing closed", "Russia closed the crossing on Monday.", "COERCE", None),
        ("a blow struck", "Russian missiles hit a building in Kyiv on Monday.", "ASSAULT", None),
        ("an arrival due", "Biden is due in Kyiv on Monday.", "CONSULT", "Biden visits Kyiv"),
        ("troops sent", "Russia sent paratroopers into Ukraine on Monday.", "MOBILIZE", None),
        ("a hijacking", "Russian gunmen hijacked a Ukrainian airliner on Monday.", "COERCE", None),
        ("a treaty torn up", "Putin tore up the treaty with Ukraine on Monday.", "REJECT", None),
        ("a law passed", "Ukraine's parliament passed a law on Monday.", "STATEMENT", None),
        ("a surrender", "The Ukrainian garrison surrendered to Russia on Monday.", "CONCEDE", None),
        ("giving oneself up", "Zelensky gave himself up on Monday.", "CONCEDE", None),
        ("tear gas is no missile", "Ukraine's police fired tear gas on Monday.", "COERCE", None),
        ("a missile is fired", "Russia fired two missiles into the sea Monday.", "MOBILIZE", None),
        (
            "an election between commas is no attribution",
            "Putin spoke, saying the Monday election, which Ukraine won, was fraudulent.",
            "STATEMENT",
            None,
        ),
        ("ratification", "Ukraine's parliament ratified the treaty on Monday.", "AGREE", None),
        ("a body convenes", "Ukraine's parliament will convene on Monday.", "CONSULT", None),
        ("recognition", "Russia recognised Crimea as independent on Monday.", "SUPPORT", None),
        ("legal action", "Ukraine brought the case against Russia on Monday.", "ACCUSE", None),
        ("taking control", "Russia took control of Crimea on Monday.", "COERCE", None),
        ("court ruling", "The court ruled on Monday in favour of Ukraine.", "STATEMENT", None),
        (
            "a coordinated predicate after the date is another act",
            "Biden welcomed the deal in a statement on Monday and urged Russia to comply.",
            "SUPPORT",
            None,
        ),
        ("bailout", "Ukraine received a bailout on Monday.", "AID", None),
        ("plural agreements", "Russia and Ukraine honoured the accords on Monday.", "AGREE", None),
        (
            "an appointment is a statement of the one who appoints or is appointed",
            "Putin appointed a new defence minister on Monday.",
            "STATEMENT",
            "Putin appointment",
        ),
        (
            "congratulations are support",
            "Biden congratulated Zelensky on Monday on a free and fair vote.",
            "SUPPORT",
            "Biden congratulates Zelensky",
        ),
        (
            "summoning an envoy is a diplomatic protest",
            "Ukraine summoned Russia's ambassador on Monday to protest the decision.",
            "ACCUSE",
            "Ukraine summons Russian envoy",
        ),
        # more of the language of news: each makes an event of its own
        ("a bare arrival is a visit", "Biden is due to arrive on Monday.", "CONSULT", None),
        ("flying home is leaving", "Russia's diplomats flew home on Monday.", "RETREAT", None),
        (
            "removal from office",
            "Ukraine's parliament removed him from office on Monday.",
            "COERCE",
            None,
        ),
        ("martial law", "Ukraine declared martial law on Monday.", "COERCE", None),
        ("a conviction", "A Kyiv court convicted the Russian pilot on Monday.", "COERCE", None),
        (
            "charges",
            "Prosecutors in Kyiv will bring charges against Putin on Monday.",
            "ACCUSE",
            None,
        ),
        ("a state of war", "Ukraine declared a state of war on Monday.", "MOBILIZE", None),
        ("troops pour in", "Russian tanks poured into Ukraine on Monday.", "ASSAULT", None),
        ("storming an embassy", "Russian police stormed a Kyiv office on Monday.", "ASSAULT", None),
        ("a vow", "Putin vowed on Monday to fight on.", "THREATEN", None),
        ("accepting a plan", "Russia accepted the peace plan on Monday.", "AGREE", None),
        (
            "independence",
            "Ukraine declared independence on Monday.",
            "STATEMENT",
            "Ukraine declaration of independence",
        ),
        ("an apology", "Biden issued an apology to Ukraine on Monday.", "STATEMENT", None),
        ("a strike of workers", "Ukrainian miners went on strike on Monday.", "PROTEST", None),
        ("supplies cut", "Russia cut off gas to Ukraine on Monday.", "SANCTION", None),
        ("an endorsement", "Zelensky won Biden's endorsement on Monday.", "SUPPORT", None),
        ("calling an election", "Zelensky called an election on Monday.", "STATEMENT", None),
        ("going to the polls", "Ukrainian voters went to the polls on Monday.", "STATEMENT", None),
        ("encircling a town", "Ukrainian forces encircled the town on Monday.", "COERCE", None),
        (
            "zones encircling a place describe, they do not seize",
            "Russian drills in zones encircling Ukraine began on Monday.",
            "MOBILIZE",
            None,
        ),
        ("invoking a clause", "Ukraine invoked martial powers on Monday.", "STATEMENT", None),
        ("fighters entering a city", "Russian fighters entered Kyiv on Monday.", "COERCE", None),
        ("taking office", "Zelensky took office on Monday.", "STATEMENT", "Zelensky inauguration"),
        ("a trip announced", "Biden will fly to Kyiv on Monday.", "CONSULT", "Biden visits Kyiv"),
        (
            "calling a thing a name is words",
            "Putin called it a provocation on Monday.",
            "STATEMENT",
            None,
        ),
        (
            "what someone called is a name given, not a call",
            "Russia fired what it called a new long-range hypersonic missile on Monday.",
            "MOBILIZE",
            None,
        ),
        (
            "a date in a 'who' clause dates that clause only",
            "Putin, who took office on Monday, warned Ukraine.",
            "STATEMENT",
            "Putin inauguration",
        ),
        ("naming oneself leader", "Putin named himself regent on Monday.", "STATEMENT", None),
        ("opening fire", "Russian troops opened fire on Ukraine on Monday.", "ASSAULT", None),
        (
            "a launch counted in a long phrase",
            "Russia launched more than 110 long-range cruise missiles on Monday.",
            "MOBILIZE",
            None,
        ),
        ("the first shots", "Russian jets fired the first shots on Monday.", "ASSAULT", None),
        (
            "breaking relations",
            "Ukraine responded on Monday by breaking ties with Russia.",
            "SANCTION",
            None,
        ),
        ("asylum", "Ukraine granted the Russian pilot asylum on Monday.", "AID", None),
        ("destroying", "Russian drones destroyed a Ukrainian depot on Monday.", "ASSAULT", None),
        (
            "admitting a member",
            "The Security Council voted to admit Ukraine on Monday.",
            "COOPERATE",
            None,
        ),
        # verb families of news language: recalling envoys, freezing relations, adopting
        # a resolution, authorising, winning re-election, taking over, flying in, a trial
        ("recalling envoys", "Ukraine recalled its envoy to Moscow on Monday.", "SANCTION", None),
        ("freezing relations", "Ukraine froze relations with Russia on Monday.", "SANCTION", None),
        (
            "adopting a resolution",
            "The Security Council adopted a resolution on Ukraine on Monday.",
            "REQUEST",
            None,
        ),
        (
            "authorising",
            "The Security Council authorised a mission to Ukraine on Monday.",
            "SUPPORT",
            None,
        ),
        ("winning re-election", "Putin won re-election in Russia on Monday.", "STATEMENT", None),
        (
            "taking over",
            "Zelensky took over as head of the Ukrainian council on Monday.",
            "STATEMENT",
            None,
        ),
        ("flying in", "Biden flew in to Ukraine on Monday to rally support.", "CONSULT", None),
        ("a trial", "A Russian pilot went on trial in Ukraine on Monday.", "ACCUSE", None),
        ("a massacre", "Russian troops massacred villagers in Ukraine on Monday.", "ASSAULT", None),
        # a participle phrase after the date adds to the act named before it
        (
            "act before a participle",
            "Ukraine recalled its envoy to Moscow on Monday, calling the deal a trap.",
            "SANCTION",
            None,
        ),
        ("addressing the nation", "Zelensky will address the nation on Monday.", "STATEMENT", None),
        # happenings news tells with verbs of their own
        (
            "nationalisation",
            "Russia nationalised Ukraine's largest steel works on Monday.",
            "COERCE",
            "Russia nationalises Ukraine",
        ),
        (
            "independence gained, not declared",
            "Ukraine became independent on Monday after a long struggle.",
            "STATEMENT",
            "Ukraine independence",
        ),
        ("mutiny", "Russian soldiers mutinied against their officers on Monday.", "PROTEST", None),
        (
            "a nuclear test told by its devices",
            "Russia exploded two nuclear devices at its test site on Monday.",
            "MOBILIZE",
            "Russia nuclear test",
        ),
        (
            "devices set off",
            "Russia set off three devices in the desert on Monday.",
            "MOBILIZE",
            "Russia nuclear test",
        ),
        (
            "a test of a missile",
            "Ukraine carried out a test of its new missile on Monday.",
            "MOBILIZE",
            None,
        ),
        ("a death", "Zelensky died in Kyiv on Monday.", "STATEMENT", "Zelensky dies"),
        ("a burial", "Zelensky was buried in Kyiv on Monday.", "STATEMENT", "Zelensky funeral"),
        ("a crash", "A Ukrainian airliner crashed near Moscow on Monday.", "STATEMENT", None),
        ("looting", "Crowds looted the Russian embassy in Kyiv on Monday.", "PROTEST", None),
        ("turning back", "Russian ships bound for Ukraine turned back on Monday.", "RETREAT", None),
        (
            "troops flown in",
            "Russia flew paratroopers into Minsk on Monday.",
            "MOBILIZE",
            "Russia deploys troops",
        ),
        ("a flight with no troops is a visit", "Putin flew to Minsk on Monday.", "CONSULT", None),
        ("a border sealed", "Russia sealed the border with Ukraine on Monday.", "COERCE", None),
        ("a deal sealed", "Russia and Ukraine sealed a deal on Monday.", "AGREE", None),
        (
            "a deal sealed in a city is no closure",
            "Putin sealed the deal in the capital city on Monday.",
            "AGREE",
            None,
        ),
        ("a journey", "Putin's journey to Minsk on Monday ended the dispute.", "CONSULT", None),
        (
            "a place taken",
            "Russian forces took the island from Ukraine on Monday.",
            "COERCE",
            None,
        ),
        (
            "taking part is no seizure",
            "Russia took part in the Minsk talks on Monday.",
            "CONSULT",
            None,
        ),
        ("tanks rolling in", "Russian tanks rolled into Kyiv on Monday.", "ASSAULT", None),
        (
            "a flag planted",
            "Russian divers planted a titanium flag on the seabed on Monday.",
            "COERCE",
            "Russia plants flag",
        ),
        ("an execution", "Russia hanged two Ukrainian prisoners on Monday.", "ASSAULT", None),
        (
            "a city taken",
            "Russian troops took the western city of Kherson from Ukraine on Monday.",
            "COERCE",
            None,
        ),
        (
            "a letter",
            "Zelensky wrote to Biden on Monday, asking for more air defence.",
            "REQUEST",
            "Zelensky letter to Biden",
        ),
        ("a fleet sailing", "A Russian fleet sailed for Ukraine on Monday.", "MOBILIZE", None),
        (
            "a forced landing",
            "Belarus forced a Ukrainian jet to land in Minsk on Monday.",
            "COERCE",
            "Belarus diversion",
        ),
        ("a text initialled", "Russia and Ukraine initialled the text on Monday.", "AGREE", None),
        (
            "pulling out",
            "Russian troops began pulling out of Ukraine on Monday.",
            "RETREAT",
            None,
        ),
        ("an oath of office", "Zelensky took the oath of office on Monday.", "STATEMENT", None),
        ("loans frozen", "Ukraine froze loans to Belarus on Monday.", "SANCTION", None),
        (
            "a proclaimed republic",
            "Russia proclaimed the region an independent republic on Monday.",
            "STATEMENT",
            None,
        ),
        (
            "a censure motion",
            "Putin faces a censure motion from Russia's parliament on Monday.",
            "ACCUSE",
            None,
        ),
        (
            "barbed wire along a border",
            "Russian troops strung barbed wire along the border with Ukraine on Monday.",
            "COERCE",
            None,
        ),
        (
            "a reconnaissance flight",
            "A Russian spy plane photographed Ukraine's ports on Monday.",
            "MOBILIZE",
            None,
        ),
        (
            "defending oneself",
            "Zelensky defended himself before the court on Monday.",
            "STATEMENT",
            None,
        ),
    ],
)
def test_type_and_label_rules(rule, text, type_, label):
    (ev,) = _monday(text)
    assert ev.type == type_, rule
    if label is not None:
        assert ev.label == label, rule


@pytest.mark.parametrize(
    ("rule", "text"),
    [
        ("negation", "Biden did not meet Putin on Monday."),
        ("negation", "Russia has never attacked Ukraine on a Monday."),
        ("condition", "If Russia attacks Ukraine on Monday, the US will respond."),
        (
            "cancelled plan",
            "Zelensky postponed a visit to Russia that had been planned for Monday.",
        ),
        ("state since", "Russia has occupied Crimea since Monday."),
        ("war crimes are no war", "Ukraine documented Russian war crimes on Monday."),
        ("a record hit is no blow", "Russia's oil exports hit a record on Monday."),
        ("hit hard is no blow", "Russia's economy was hit hard on Monday."),
        ("deadline", "Putin gave Ukraine until Monday to withdraw its troops."),
        ("possessive of a non-happening", "Biden, Monday's chairman of the forum, met Putin."),
        ("date inside a 'who' clause", "Putin, who turned 70 on Monday, warned Ukraine."),
        ("date before a noun", "Ukraine still rejects the Monday memo of the court."),
        ("summoning supporters is no protest", "Putin summoned Russia's supporters on Monday."),
        (
            "only who reports it named",
            "Fighting began in the east on Monday, according to Belarus.",
        ),
        ("only a venue named", "The ministers agreed in Moscow on Monday to cut output."),
        ("recall without an envoy", "Putin recalled his years in Ukraine on Monday."),
        ("adopting without a resolution", "Russia adopted a new flag on Monday."),
        ("a meeting place is not taken", "Talks took place on the island on Monday."),
        ("a trip is not a seizure", "Putin took a boat to the island on Monday."),
        (
            "a speech's address is no speech",
            "Putin changed the address of Russia's embassy on Monday.",
        ),
        # a plan that did not happen
        (
            "plan that never took place",
            "A Biden-Putin meeting planned for Monday never took place.",
        ),
        ("plan put off", "Putin's visit to Ukraine, set for Monday, has been put off."),
        ("plan in the pluperfect", "Zelensky had been due to meet Putin in Russia on Monday."),
    ],
)
def test_dates_that_make_no_event(rule, text):
    assert _monday(text) == [], rule


def test_a_body_acting_with_no_state_named_deals_with_the_articles_state():
    text = (
        "Ukraine asked for help. Ukraine said it was under attack. "
        "The Security Council met behind closed doors on Monday."
    )
    (ev,) = _monday(text)
    assert ev.type == "CONSULT" and set(ev.actors) == {"UN", "Ukraine"}
    # a state named in the clause is enough
    text = "Ukraine asked for help. Ukraine waited. The Security Council sanctioned Russia Monday."
    (ev,) = _monday(text)
    assert set(ev.actors) == {"UN", "Russia"}


def test_a_states_unnamed_body_or_crowd_is_the_articles_state():
    (ev,) = _monday(
        "Ukraine asked for help. Ukraine waited. The ministry said on Monday it was ready."
    )
    assert (ev.type, ev.actors) == ("STATEMENT", ("Ukraine",))
    (ev,) = _monday("Ukraine asked for help. Ukraine waited. Police detained 40 people on Monday.")
    assert (ev.type, ev.actors) == ("COERCE", ("Ukraine",))
    # nobody acting: no event
    assert _monday("Ukraine asked for help. It was said on Monday to be cold.") == []


def test_an_organisations_summit_is_the_organisations():
    text = "The Security Council summit opened on Monday with Ukraine and Russia present."
    (ev,) = _monday(text)
    assert ev.type == "CONSULT" and ev.actors == ("UN",)
    # a summit of states keeps its states
    (ev,) = _monday("Ukraine and Russia held a summit on Monday.")
    assert set(ev.actors) == {"Ukraine", "Russia"}


def test_an_official_named_with_a_bodys_title_speaks_for_the_body_not_his_state():
    text = "Council President Tusk said on Monday that talks would go on."
    tusk = Actor("Donald Tusk", "person", "Poland")
    council = Actor("European Council", "organisation")
    at = text.index("Council")
    mentions = [
        ActorMention(at, text.index(" said"), "Council President Tusk", (tusk,), (council,))
    ]
    tx = _timex(text, "Monday", "2022-01-10", MON, MON)
    (ev,) = article_events(_article(text), [tx], mentions)
    assert set(ev.actors) == {"Donald Tusk", "European Council"}


def test_an_unnamed_body_is_of_the_state_where_the_story_happens():
    # where things happen and whose people act count too: Ukraine, not Russia
    text = "Zelensky spoke in Kyiv. Moscow objected. Police detained 40 people on Monday."
    (ev,) = _monday(text)
    assert (ev.type, ev.actors) == ("COERCE", ("Ukraine",))


def test_sanctions_with_no_party_named_are_between_the_articles_parties():
    text = "Russia attacked Ukraine. Ukraine blamed Russia. The embargo takes effect on Monday."
    (ev,) = [e for e in _monday(text) if e.type == "SANCTION"]
    assert set(ev.actors) == {"Russia", "Ukraine"}


def test_a_possessive_date_dates_its_noun_even_under_a_verb():
    text = "Ukraine voted to join the EU in Monday's referendum."
    tx = _timex(text, "Monday's", "2022-01-10", MON, MON)
    (ev,) = article_events(_article(text), [tx], _mentions(text))
    assert (ev.type, ev.value) == ("STATEMENT", "2022-01-10")


def test_an_unknown_person_acting_alone_is_of_the_state_where_the_story_happens():
    # (a material act: a resignation is the person's own since round r60n, no state of his)
    text = "Ukraine waited. Ukraine spoke. Minister Petrenko closed the border on Monday."
    at = text.index("Petrenko")
    petrenko = Actor("Ivan Petrenko", "person")
    mentions = _mentions(text) + [ActorMention(at, at + 8, "Petrenko", (petrenko,))]
    mentions.sort(key=lambda m: m.start)
    tx = _timex(text, "Monday", "2022-01-10", MON, MON)
    (ev,) = article_events(_article(text), [tx], mentions)
    assert set(ev.actors) == {"Ivan Petrenko", "Ukraine"}


def test_a_relative_clause_closing_right_after_its_date_keeps_it():
    text = "Biden, who met Putin, the Russian leader, in Geneva on Monday, said talks were useful."
    (ev,) = _monday(text)
    assert ev.type == "CONSULT" and {"Joe Biden", "Vladimir Putin"} <= set(ev.actors)


def test_a_season_dates_an_event_over_its_months():
    # "in the autumn" is a three-month band on the timeline, as a month is a band
    text = "Ukraine will hold a referendum in the autumn."
    i = text.index("the autumn")
    tx = Timex(
        i, i + 10, "the autumn", "DATE", "2022-FA", None,
        date(2022, 9, 1), date(2022, 11, 30), "season", "test", 0.8,
    )  # fmt: skip
    (ev,) = article_events(_article(text), [tx], _mentions(text))
    assert (ev.value, ev.start, ev.end, ev.granularity) == (
        "2022-FA",
        date(2022, 9, 1),
        date(2022, 11, 30),
        "season",
    )
    # a decade is background, not a date for a timeline
    text = "Ukraine held a referendum in the 1990s."
    i = text.index("the 1990s")
    tx = Timex(
        i, i + 9, "the 1990s", "DATE", "199", None,
        date(1990, 1, 1), date(1999, 12, 31), "decade", "test", 0.8,
    )  # fmt: skip
    assert article_events(_article(text), [tx], _mentions(text)) == []


def test_a_body_is_listed_as_its_parent_organisation():
    (ev,) = _monday("The Security Council met on Monday.")
    assert ev.actors == ("UN",)


def test_a_un_court_or_agency_known_by_its_acronym_is_itself():
    (ev,) = _extracted("The International Court of Justice ruled on Monday that Myanmar must act.")
    assert "ICJ" in ev.actors and "UN" not in ev.actors


def test_consecutive_days_joined_as_a_span_are_one_range_event():
    text = "Biden and Putin meet on Monday and Tuesday."
    txs = [
        _timex(text, "Monday", "2022-01-10", MON, MON),
        _timex(text, "Tuesday", "2022-01-11", TUE, TUE),
    ]
    (ev,) = article_events(_article(text), txs, _mentions(text))
    assert ev.value == "2022-01-10/2022-01-11" and len(ev.mentions) == 2


def test_a_coarse_date_beside_a_finer_one_gives_way():
    text = "Russia attacked Ukraine in July last year."
    txs = [
        _timex(text, "July", "2021-07", date(2021, 7, 1), date(2021, 7, 31), "month"),
        _timex(text, "last year", "2021", date(2021, 1, 1), date(2021, 12, 31), "year"),
    ]
    (ev,) = article_events(_article(text), txs, _mentions(text))
    assert ev.value == "2021-07"


def test_a_month_takes_the_year_named_after_it():
    text = "Russia attacked Ukraine in February last year."
    txs = [
        _timex(text, "February", "2022-02", date(2022, 2, 1), date(2022, 2, 28), "month"),
        _timex(text, "last year", "2021", date(2021, 1, 1), date(2021, 12, 31), "year"),
    ]
    (ev,) = article_events(_article(text), txs, _mentions(text))
    assert (ev.value, ev.start, ev.end) == ("2021-02", date(2021, 2, 1), date(2021, 2, 28))


@pytest.mark.parametrize(
    ("rule", "text", "actors"),
    [
        (
            "venue of a meeting",
            "Biden and Zelensky reached an agreement in Moscow on Monday.",
            {"Joe Biden", "Volodymyr Zelensky", "United States", "Ukraine"},
        ),
        (
            # round 46: a visitor travels in person ("Biden visits Vilnius" lists no US),
            # as the owner's calls between people list no states
            "arrival keeps its destination, not the visitor's own state",
            "Biden arrived in Moscow on Monday.",
            {"Joe Biden", "Russia"},
        ),
        (
            "coordinated list",
            "On Monday Biden opened talks between Ukraine, Russia and the US.",
            {"Joe Biden", "Ukraine", "Russia", "United States"},
        ),
        (
            "subject pronoun continues the sentence's subject",
            "Biden visited Kyiv to meet Zelensky, and he is due in Moscow on Monday for talks "
            "with Putin.",
            {"Joe Biden", "Vladimir Putin"},
        ),
        (
            "'he' opening a sentence continues the previous sentence's subject",
            "Putin landed in Minsk and was greeted by Zelensky. On Monday he addressed the "
            "parliament.",
            {"Vladimir Putin"},
        ),
        (
            "... the subject of the sentence before, not of an earlier one",
            "Putin met Biden. Zelensky was angry. He warned Russia on Monday.",
            {"Volodymyr Zelensky", "Russia"},
        ),
        (
            "'who' after a person",
            "Russia praised Biden, who visited Moscow on Monday.",
            {"Joe Biden", "Russia"},
        ),
        (
            "'who' stands for the phrase right before it, not the last person named",
            "Biden spoke. Russia's generals, who attacked Kyiv on Monday, were silent.",
            {"Russia", "Ukraine"},
        ),
        (
            "a backer does not act",
            "The Belarus-backed militia attacked Ukraine on Monday.",
            {"Ukraine"},
        ),
        (
            "the country after a venue city is the venue too",
            "Russia and the US held talks in Minsk, Belarus, on Monday.",
            {"Russia", "United States"},
        ),
        (
            "where prisoners are handed back is a venue",
            "Russia handed back prisoners to Ukraine in Belarus on Monday.",
            {"Russia", "Ukraine"},
        ),
        (
            "'the two countries' are the last two named",
            "Russia met Ukraine. On Monday the two countries signed a treaty.",
            {"Russia", "Ukraine"},
        ),
        (
            "'the two sides' of a conflict are the article's two parties, not the last named",
            "Russia shelled Ukraine, and Ukraine hit Russia. The US and Belarus met. On Monday "
            "the two sides agreed a ceasefire.",
            {"Russia", "Ukraine"},
        ),
        (
            "fighting with one side named is with the article's other party",
            "Russia attacked Ukraine, and Ukraine hit back at Russia. Fighting raged near the "
            "Russian lines on Monday.",
            {"Russia", "Ukraine"},
        ),
        (
            "'the three countries' are the last three named",
            "Russia, Belarus and Ukraine met. On Monday the three countries signed a pact.",
            {"Russia", "Ukraine", "Belarus"},
        ),
        (
            "who is named in a relative clause takes no part in the main clause",
            "Belarus, which Russia backs, attacked Ukraine on Monday.",
            {"Belarus", "Ukraine"},
        ),
        (
            "a relative clause right after the happening tells of it",
            "Belarus remembers the Monday vote, which Russia won, with anger.",
            {"Belarus", "Russia"},
        ),
        (
            "'it' before the verb is the last state named",
            "Russia was angry. On Monday it expelled the envoy of Ukraine.",
            {"Russia", "Ukraine"},
        ),
        (
            "a passive 'it' is no actor",
            "Russia met Ukraine. On Monday it was attacked by Belarus.",
            {"Belarus"},
        ),
        (
            "a leader's warning is his own (the owner's convention)",
            "Putin warned Ukraine on Monday.",
            {"Vladimir Putin", "Ukraine"},
        ),
        (
            "leaders who sign bind their states",
            "Putin and Zelensky signed a treaty on Monday.",
            {"Vladimir Putin", "Volodymyr Zelensky", "Russia", "Ukraine"},
        ),
        (
            "a state's act brings the state",
            "Zelensky signed a decree on Monday.",
            {"Volodymyr Zelensky", "Ukraine"},
        ),
        (
            "a state's own act is the state's where it is held",
            "Observers watched a referendum in Ukraine on Monday.",
            {"Ukraine"},
        ),
        (
            "a place acted on stands for its state",
            "Russia deployed troops on the border of Crimea on Monday.",
            {"Russia", "Ukraine"},
        ),
        (
            "an age in apposition leaves the name before it the subject",
            "Putin, 69, signed a decree in Moscow on Monday, when Biden was away in Ukraine.",
            {"Vladimir Putin", "Russia"},
        ),
    ],
)
def test_actor_rules(rule, text, actors):
    (ev,) = _monday(text)
    assert set(ev.actors) == actors, rule


def test_a_lone_speakers_remarks_are_his_own():
    # the owner's convention: "Biden warns Russia in remarks to reporters" lists no US
    (ev,) = _monday("Putin said on Monday that he was ready.")
    assert (ev.type, set(ev.actors)) == ("STATEMENT", {"Vladimir Putin"})
    # a meeting of two people stays between the people
    (ev,) = _monday("Putin and Zelensky held talks on Monday.")
    assert (ev.type, set(ev.actors)) == ("CONSULT", {"Vladimir Putin", "Volodymyr Zelensky"})


def test_a_neighbouring_feature_is_a_venue_but_a_target_is_not():
    (ev,) = _monday("Russia held naval drills off the Ukrainian coast on Monday.")
    assert ev.actors == ("Russia",)
    (ev,) = _monday("Russia massed troops near Ukraine's borders on Monday.")
    assert set(ev.actors) == {"Russia", "Ukraine"}


def test_a_date_closing_a_speech_clause_dates_the_statement():
    (ev,) = _monday("Biden said on Monday that the talks with Putin had been useful.")
    assert (ev.type, ev.label) == ("STATEMENT", "Biden remarks")


def test_the_subject_before_a_comma_and_a_list_in_apposition():
    text = "Ukraine and two neighbours, Russia and the US, reached a deal in Geneva on Monday."
    (ev,) = _monday(text)
    assert ev.type == "AGREE" and set(ev.actors) == {"Ukraine", "Russia", "United States"}


def test_second_in_a_duration_adds_the_earlier_happening_only_on_request():
    text = (
        "In Thursday's call, Biden warned Putin. "
        "After the phone call, their second in three weeks, both sides were calm."
    )
    at = text.index("three weeks")
    txs = [
        _timex(text, "Thursday's", "2021-12-30", D30, D30),
        Timex(at, at + 11, "three weeks", "DURATION", "P3W"),
    ]
    assert len(article_events(_article(text), txs, _actors(text))) == 1
    events = article_events(_article(text), txs, _actors(text), earlier=True)
    (prev,) = [e for e in events if e.approximate]
    assert (prev.value, prev.granularity, prev.type) == ("2021-W49", "week", "CONSULT")
    assert (prev.start, prev.end) == (date(2021, 12, 6), date(2021, 12, 12))
    assert set(prev.actors) == {"Joe Biden", "Vladimir Putin"}
    # "first ... in five years" says nothing of when the one before was
    text = "In Thursday's call, Biden warned Putin, the first call in three weeks."
    at = text.index("three weeks")
    txs = [
        _timex(text, "Thursday's", "2021-12-30", D30, D30),
        Timex(at, at + 11, "three weeks", "DURATION", "P3W"),
    ]
    assert not any(
        e.approximate for e in article_events(_article(text), txs, _actors(text), earlier=True)
    )


def test_a_date_stays_in_its_clause_before_a_subordinate_one():
    (ev,) = _monday("Russia cut ties with Ukraine on Monday after protesters attacked its embassy.")
    assert ev.type == "SANCTION"


def test_what_a_deal_is_about_is_not_what_was_agreed():
    (ev,) = _monday("Russia and Ukraine struck a deal on the embargo in Geneva on Monday.")
    assert ev.type == "AGREE"
    (ev,) = _monday("On Monday Russia and Ukraine agreed to impose sanctions on Belarus.")
    assert ev.type == "SANCTION"


def test_both_men_are_the_last_two_people_named():
    text = "Biden praised Zelensky. Both men arrived in Moscow on Monday for talks with Putin."
    (ev,) = _monday(text)
    assert {"Joe Biden", "Vladimir Putin"} <= set(ev.actors)


def test_negation_reaches_over_the_verb_and_conditions_over_predictions():
    assert _monday("Putin did not attend the summit with Biden on Monday.") == []
    # sanctions on a condition are no sanction imposed: the statement warns of them
    (ev,) = _monday("Biden said on Monday that Russia would face sanctions if it invaded Ukraine.")
    assert ev.type == "THREATEN"
    assert (ev.source, ev.target) == ("Joe Biden", "Russia")


@pytest.mark.parametrize(
    ("rule", "text", "label"),
    [
        (
            "a bare noun gets its actors",
            "Russia and Ukraine have been at war since 2014, and the war resumed on Monday.",
            "Russia-Ukraine war",
        ),
        ("a date word is no object", "Russia attacked on Monday.", "Russia attack"),
    ],
)
def test_label_rules(rule, text, label):
    (ev,) = _monday(text)
    assert ev.label == label, rule


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # a name longer than the capitalised words a label reads is taken whole (a body
        # by its short name), not cut ("withdraws from International Atomic Energy")
        (
            "North Korea quit the International Atomic Energy Agency on Monday.",
            "North Korea withdraws from IAEA",
        ),
        (
            "Russia withdrew from the Council of Europe on Monday.",
            "Russia withdraws from Council of Europe",
        ),
        (
            "North Korea quit the World Health Organization on Monday.",
            "North Korea withdraws from WHO",
        ),
    ],
)
def test_a_label_names_what_is_acted_on_whole(text, label):
    (ev,) = _extracted(text)
    assert ev.label == label


def test_surname_particles_stay_in_labels():
    from dashapp.events import short_name

    assert short_name(Actor("Ursula von der Leyen", "person", "EU")) == "von der Leyen"
    assert short_name(Actor("Lee Hsien Loong", "person", "Singapore")) == "Lee"
    assert short_name(Actor("Jean Le Gall", "person", "France")) == "Le Gall"
    assert short_name(Actor("Awad Ibn Auf", "person", "Sudan")) == "Ibn Auf"
    # the particles a new name runs on through are the ones a label keeps (one list,
    # actors.RUN_ON_PARTICLES): Portuguese "do", Arabic "El"
    assert short_name(Actor("Rui Tavares do Carmo", "person", "Angola")) == "do Carmo"
    assert short_name(Actor("Salem Ould El Hadi", "person", "Mauritania")) == "El Hadi"


@pytest.mark.parametrize(
    ("name", "affiliation", "short"),
    [
        ("Mswati III", "Eswatini", "Mswati"),  # a regnal number is no family name
        ("John Paul II", None, "John Paul"),
        ("Carlos Mendes Jr.", "Brazil", "Mendes"),  # nor a generation
        ("Olaf of Norway", "Norway", "Olaf"),  # a monarch "of" his realm
        ("Le Van Tam", "Vietnam", "Tam"),  # Vietnamese: the last given name
        ("Duong Van Minh", None, "Minh"),  # a capitalised "Van" inside is no particle
    ],
)
def test_short_names_without_the_gazetteer(name, affiliation, short):
    from dashapp.events import short_name

    assert short_name(Actor(name, "person", affiliation)) == short


@pytest.mark.parametrize(
    ("name", "affiliation", "short"),
    [
        ("Carrie Lam", "Hong Kong", "Lam"),  # an English given name first: the last word
        ("Tony Chan", "Singapore", "Chan"),
        ("Joshua Wong", "Hong Kong", "Wong"),
        ("Wang Yi", "China", "Wang"),  # near-miss: family name first
        ("Lee Hsien Loong", "Singapore", "Lee"),
    ],
)
def test_a_given_name_first_is_no_family_name_where_family_names_come_first(
    name, affiliation, short
):
    from dashapp.actors import Gazetteer
    from dashapp.events import short_name

    assert short_name(Actor(name, "person", affiliation), Gazetteer.load()) == short


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("Ban Ki-moon", "Ban"),  # the gazetteer's family name, not the name's last word
        ("Luiz Inácio Lula da Silva", "Lula"),
        ("Idriss Déby", "Déby"),  # ... spelled as the name spells it (the data has "Deby")
        ("Franjo Tuđman", "Tuđman"),
        ("Abdel Fattah al-Sisi", "Sisi"),
        ("Joe Biden", "Biden"),
    ],
)
def test_short_names_follow_the_gazetteer(name, short):
    from dashapp.actors import Gazetteer
    from dashapp.events import short_name

    gaz = Gazetteer.load()
    assert gaz.actor(name) is not None
    assert short_name(gaz.actor(name), gaz) == short


@pytest.mark.parametrize(
    ("text", "when", "label"),
    [
        ("Ethiopian Prime Minister Abiy Ahmed visited Asmara on Monday.", "2018-07-12", "Abiy"),
        ("Chadian President Idriss Déby visited Paris on Monday.", "2018-07-12", "Déby"),
        ("Vietnamese leader Nguyen Phu Trong visited Moscow on Monday.", "2018-07-12", "Trong"),
        ("Foreign Minister Jean-Yves Le Drian flew to Beirut on Monday.", "2018-07-12", "Le Drian"),
    ],
)
def test_labels_name_people_as_the_press_does(text, when, label):
    (ev,) = _extracted(text, date.fromisoformat(when))
    assert ev.label.startswith(label + " visits ")


def test_a_pronoun_subject_of_a_coordinated_act_is_no_list_member():
    # "he" stands for Alvarez in the act joined by "and" ("fled"); a list of names around
    # it was looked up among the sentence's named actors, where a stand-in is not
    text = (
        "CARACAS, Venezuela  Opposition leader Pedro Alvarez said he would boycott "
        "Friday's runoff and fled abroad."
    )
    events = _extracted(text, date(2022, 4, 11))
    assert events and all("Pedro Alvarez" in ev.actors for ev in events)


def test_a_label_opens_with_a_capital_as_a_headline_does():
    text = "Protesters marched against President Fernando de la Torre on Monday."
    (ev,) = _extracted(text, date(2018, 7, 12))
    assert ev.label == "De la Torre protest"


@pytest.mark.parametrize(
    ("text", "sanction"),
    [
        ("Germany halted all arms deliveries to Turkey on Monday.", True),
        (
            "Japan said on Monday it would halt its scholarship programmes for Chinese students.",
            True,
        ),
        ("Israel said on Monday it would halt its strikes on Gaza for 48 hours.", False),
        ("The rebels said on Monday they had halted all attacks on the capital.", False),
    ],
)
def test_a_flow_halted_is_a_sanction_a_pause_in_fighting_is_not(text, sanction):
    events = _extracted(text, date(2022, 3, 30))
    assert any(ev.type == "SANCTION" for ev in events) == sanction


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "Russia announced the withdrawal of its troops from Kherson on Monday.",
            "Russia withdraws from Kherson",
        ),
        ("Russia withdrew its troops from Kherson on Monday.", "Russia withdraws from Kherson"),
        ("The US withdrew from the nuclear deal on Monday.", "US withdraws from deal"),
        ("The last US troops pulled out of Iraq on Monday.", "US withdraws from Iraq"),
    ],
)
def test_a_withdrawal_leaves_a_place_or_a_deal_not_itself(text, label):
    (ev,) = _extracted(text, date(2022, 3, 30))
    assert ev.label == label


@pytest.mark.parametrize(
    ("text", "type_", "happened"),
    [
        ("Putin declined to meet Zelensky on Monday.", "CONSULT", False),
        ("Hungary on Monday declined to back the package.", "SUPPORT", False),
        ("Hungary failed on Monday to back the package.", "SUPPORT", False),
        # the declined act is an infinitive: a trigger in its object was not done either
        ("Hungary declined on Monday to support the sanctions package.", "SANCTION", False),
        ("Hungary declined to comment after the EU imposed sanctions on Monday.", "SANCTION", True),
        ("Rebels staged a failed coup in Mali on Monday.", "COERCE", True),  # it happened
        ("The Kremlin said on Tuesday that Putin had no plans to meet Zelensky.", "CONSULT", False),
    ],
)
def test_an_act_declined_or_failed_did_not_happen(text, type_, happened):
    events = _extracted(text, date(2022, 3, 30))
    assert any(ev.type == type_ for ev in events) == happened


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Russia expelled ten Polish diplomats on Monday.", "Russia expels Polish diplomats"),
        ("China summoned the US ambassador on Monday.", "China summons US envoy"),
        ("Kenya summoned the UN envoy on Monday.", "Kenya summons UN envoy"),
        # one's own envoy called home is no expulsion
        (
            "Italy recalled its ambassador to France on Thursday.",
            "Italy recalls envoys from France",
        ),
    ],
)
def test_an_envoys_state_is_named_as_an_adjective(text, label):
    (ev,) = _extracted(text, date(2023, 6, 14))
    assert ev.label == label


@pytest.mark.parametrize(
    "text",
    [
        "The foreign minister spoke Friday with his Polish counterpart Radoslaw Sikorski.",
        "Scholz spoke on Friday to Macron about the gas crisis.",
    ],
)
def test_a_date_between_spoke_and_with_keeps_the_call(text):
    events = _extracted(text, date(2022, 1, 10))
    assert [ev.type for ev in events] == ["CONSULT"]


@pytest.mark.parametrize(
    "text",
    [
        "Azerbaijan launched a military operation in Nagorno-Karabakh on Tuesday.",
        "Israel expanded its ground operation in Gaza on Friday.",
    ],
)
def test_a_military_operation_is_an_assault(text):
    events = _extracted(text, date(2023, 3, 6))
    assert [ev.type for ev in events] == ["ASSAULT"]


def test_a_demonym_is_no_object_of_a_label():
    # "American" is an adjective the gazetteer knows, though no suffix rule catches it
    text = "Russia released the American journalist Evan Gershkovich on Thursday."
    (ev,) = _extracted(text, date(2024, 8, 2))
    assert "American" not in ev.label


@pytest.mark.parametrize(
    "text",
    [
        "Moscow and Kyiv exchanged 100 prisoners of war on Saturday.",
        "Russia and Ukraine carried out an exchange of prisoners on Saturday.",
    ],
)
def test_prisoners_exchanged_are_a_swap_not_a_war(text):
    (ev,) = _extracted(text, date(2023, 3, 6))
    assert (ev.type, ev.label) == ("CONCEDE", "Russia-Ukraine prisoner exchange")


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # what is urged after the date ("to speed up deliveries") has not happened
        (
            "Zelensky urged the allies on Saturday to speed up deliveries of air defence systems.",
            "REQUEST",
        ),
        # an aid package approved is the aid
        ("The EU approved a 50 billion euro aid package for Ukraine on Thursday.", "AID"),
    ],
)
def test_the_act_a_verb_governs(text, type_):
    (ev,) = _extracted(text, date(2023, 3, 6))
    assert ev.type == type_


def test_a_detained_person_is_what_is_acted_on():
    # a person is not what is annexed or visited, but is what is detained or recognised
    (ev,) = _extracted("Soldiers detained Bazoum at the palace on Monday.", date(2023, 7, 28))
    assert ev.label == "Niger detains Bazoum"


def test_joint_subjects_act_together_on_the_target():
    (ev,) = _monday("Russia and Belarus attacked Ukraine on Monday.")
    assert (ev.source, ev.target) == ("Russia", "Ukraine")
    (ev,) = _monday("Russia and Belarus met on Monday.")
    assert (ev.source, ev.target) == ("Russia", "Belarus")


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine says soldiers have been killed this year.",
        "Russia attacked Ukraine, its first such attack this year.",
        "The war between Russia and Ukraine enters its fourth year this year.",
    ],
)
def test_a_tally_or_a_count_of_time_is_no_happening(text):
    tx = _timex(text, "this year", "2022", date(2022, 1, 1), date(2022, 12, 31), "year")
    assert article_events(_article(text), [tx], _mentions(text)) == []


@pytest.mark.parametrize(
    ("text", "expr"),
    [
        ("KYIV, Jan 10 (Agency) - Russia attacked Ukraine, officials said.", "Jan 10"),
        # a hyphenated place (the dateline's state is read by another pattern, which once
        # took this one's name and left such datelines dating a happening)
        ("IVANO-FRANKIVSK, Jan 10 (Agency) - Russia attacked Ukraine, officials said.", "Jan 10"),
        ("09:15 - Russia attacked Ukraine, officials said.", "09:15"),
    ],
)
def test_a_dateline_or_a_liveblog_stamp_dates_the_writing(text, expr):
    assert _monday(text, expr) == []


def test_the_happening_after_a_dateline_keeps_its_own_date():
    text = "KYIV, Jan 11 (Agency) - Russia attacked Ukraine on Monday."
    tx = _timex(text, "Jan 11", "2022-01-11", TUE, TUE)
    (ev,) = article_events(
        _article(text), [tx, *[_timex(text, "Monday", "2022-01-10", MON, MON)]], _mentions(text)
    )
    assert ev.value == "2022-01-10" and ev.type == "ASSAULT"


def test_a_relative_of_a_person_is_not_the_person():
    (ev,) = _monday("Putin's daughter warned Ukraine on Monday.")
    assert "Vladimir Putin" not in ev.actors


def test_a_time_of_day_dates_its_day():
    text = "Biden spoke to Zelensky on Sunday evening."
    d = date(2022, 1, 2)
    tx = Timex(
        text.index("Sunday"),
        len(text) - 1,
        "Sunday evening",
        "TIME",
        "2022-01-02TEV",
        None,
        d,
        d,
        "time",
        "test",
        0.9,
    )
    (ev,) = article_events(_article(text), [tx], _actors(text))
    assert (ev.value, ev.granularity, ev.start, ev.end) == ("2022-01-02", "day", d, d)


def test_called_a_person_is_a_phone_call_but_called_on_is_a_request():
    text = "Biden called Zelensky on Thursday."
    (ev,) = article_events(
        _article(text), [_timex(text, "Thursday", "2021-12-30", D30, D30)], _actors(text)
    )
    assert (ev.type, ev.label) == ("CONSULT", "Biden-Zelensky phone call")
    text = "Biden called on Russia on Thursday to pull back its troops."
    (ev,) = article_events(
        _article(text), [_timex(text, "Thursday", "2021-12-30", D30, D30)], _actors(text)
    )
    assert ev.type == "REQUEST"


# --------------------------------------------------------------------------- anchored offsets


def _tagged(text: str, day: date) -> list[Timex]:
    from dashapp.temporal import tag

    return tag(text, day)


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        (
            "Lukashenko won the August 9 vote. His rival fled two days after the vote.",
            "two days after the vote",
            "2020-08-11",
        ),
        (
            "Russia held a referendum on March 16. A week before the referendum, troops moved.",
            "A week before the referendum",
            "2020-03-09",
        ),
        (
            "Greece voted in a referendum on July 5. Its minister resigned the day after the"
            " referendum.",
            "the day after the referendum",
            "2020-07-06",
        ),
        (
            "North Korea carried out a nuclear test on October 9. Abe was in Seoul on the day"
            " of the test.",
            "on the day of the test",
            "2020-10-09",
        ),
        (
            "The summit opened on March 3. On the eve of the summit, they met.",
            "On the eve of the summit",
            "2020-03-02",
        ),
        (
            "The vote was on March 3 and the count on March 4. He fled the day after the count.",
            "the day after the count",
            "2020-03-05",
        ),
        (
            "Troops fought on the night of June 15. Three months after the clash, talks began.",
            "Three months after the clash",
            "2020-09",
        ),
    ],
)
def test_an_offset_from_a_dated_happening_is_a_date(text, expr, value):
    (tx,) = anchored_dates(text, _tagged(text, date(2020, 12, 1)))
    assert (tx.text, tx.value, tx.type) == (expr, value, "DATE")
    assert text[tx.start : tx.end] == expr


def test_an_offset_before_a_clause_with_a_determiner_counts_back_too():
    text = "Russia voted on Saturday, a day after its parliament declared independence."
    (tx,) = anchored_dates(text, _tagged(text, date(2006, 10, 16)))
    assert (tx.text, tx.value) == ("a day after", "2006-10-13")


def test_an_offset_before_a_clause_counts_back_from_its_sentences_date():
    text = "Russia voted on Saturday, five days after Ukraine attacked the port."
    tagged = _tagged(text, date(2006, 10, 16))
    (tx,) = anchored_dates(text, tagged)
    assert (tx.text, tx.value) == ("five days after", "2006-10-09")
    events = article_events(_article(text), tagged, _mentions(text))
    assert {(e.type, e.value) for e in events} == {
        ("STATEMENT", "2006-10-14"),
        ("ASSAULT", "2006-10-09"),
    }


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        # "the day after <clause>" counts a day back from its sentence's date, as "a day"
        (
            "Russia voted on Saturday, the day after Ukraine shelled the port.",
            "the day after",
            "2006-10-13",
        ),
        (
            "Russia voted on Saturday, the night before its army crossed the border.",
            "the night before",
            "2006-10-15",
        ),
        (
            "Talks resumed on Saturday, the morning after the army freed their leader.",
            "the morning after",
            "2006-10-13",
        ),
    ],
)
def test_the_day_after_a_clause_counts_back_from_its_sentences_date(text, expr, value):
    tagged = _tagged(text, date(2006, 10, 16))
    (tx,) = anchored_dates(text, tagged)
    assert (tx.text, tx.value) == (expr, value)


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        # an offset before a subject and an irregular past verb counts back, as "-ed" did
        (
            "Chad voted on Saturday, a day after its soldiers shot two rebels.",
            "a day after",
            "2006-10-13",
        ),
        (
            "Chad voted on Saturday, two days after the army took the town.",
            "two days after",
            "2006-10-12",
        ),
    ],
)
def test_an_offset_before_a_clause_with_an_irregular_verb_counts_back(text, expr, value):
    (tx,) = anchored_dates(text, _tagged(text, date(2006, 10, 16)))
    assert (tx.text, tx.value) == (expr, value)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # an owner's step that points back at the happening dated before it
        ("Chad wrote to Niger on Saturday. His letter came a day after Mali shelled it.", True),
        (
            "Chad asked Niger for help on Saturday. Their request came a day after Mali invaded.",
            True,
        ),
        # ... not a thing that is no step ("His troops came"), dated who knows where
        (
            "Chad wrote to Niger on Saturday. His troops came a day after Mali shelled a port.",
            False,
        ),
    ],
)
def test_an_owners_step_pointing_back_counts_from_the_date_before(text, found):
    assert bool(anchored_dates(text, _tagged(text, date(2006, 10, 16)))) == found


def test_an_offset_before_a_subject_and_verb_but_following_is_no_count_back():
    # "a day following its troops took": no clause link this rule knows; nothing made
    text = "Chad voted on Saturday, a day following its troops took the town."
    assert anchored_dates(text, _tagged(text, date(2006, 10, 16))) == []


def test_the_day_after_a_happening_named_by_a_noun_stays_undated_without_its_date():
    # "the day after the deadline": a noun, dated nowhere, is no clause to count back to
    text = "Russia voted on Saturday, the day after the deadline."
    assert anchored_dates(text, _tagged(text, date(2006, 10, 16))) == []


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        # a clause opened by an indefinite article and a participle
        (
            "Russia annexed Crimea on March 18, two days after a referendum staged there.",
            "two days after",
            "2014-03-16",
        ),
        # years count back from a year, months from a month
        (
            "The assembly first sat in 2001, three years after voters backed it.",
            "three years after",
            "1998",
        ),
        (
            "Talks resumed in May 2014, two months after Russia annexed Crimea.",
            "two months after",
            "2014-03",
        ),
    ],
)
def test_an_offset_counts_back_in_its_own_unit(text, expr, value):
    txs = [t for t in anchored_dates(text, _tagged(text, date(2015, 1, 1))) if t.text == expr]
    assert [t.value for t in txs] == [value]


@pytest.mark.parametrize(
    "text",
    [
        "His rival fled two days after the vote.",  # the vote is dated nowhere
        "Five days after Ukraine attacked the port, Russia voted.",  # no date to count from
        "Russia held a referendum on March 16. Two days after the summit, troops moved.",
        "The vote was on March 16. About two days after the vote, troops moved.",
    ],
)
def test_an_offset_from_an_undated_or_other_happening_stays_a_duration(text):
    assert anchored_dates(text, _tagged(text, date(2020, 12, 1))) == []


@pytest.mark.parametrize(
    ("text", "expr"),
    [
        # a bare "hours" counted from a dated happening stays on its day
        ("Russia shelled the port on Saturday. Hours later, Ukraine hit back.", "Hours later"),
        ("Ukraine voted on Saturday, hours after Russia shelled the port.", "hours after"),
        ("Ukraine voted on Saturday. Russia had warned it hours earlier.", "hours earlier"),
    ],
)
def test_hours_from_a_dated_happening_are_its_day(text, expr):
    (tx,) = anchored_dates(text, _tagged(text, date(2006, 10, 16)))
    assert (tx.text, tx.value, tx.type) == (expr, "2006-10-14", "DATE")


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine voted for hours on Saturday.",  # a duration, no offset
        "Hours later, Ukraine hit back.",  # no date to count from
        "Ukraine voted on Saturday, hours before the truce was due to expire.",  # a deadline
        # (three sentences between: two undated ones may lie between, a quote and a line
        # of background, round 57d)
        "Russia shelled the port on Saturday. It rained. Then wind. Then hail. Hours later,"
        " Ukraine hit back.",
    ],
)
def test_hours_with_no_dated_happening_nearby_stay_a_duration(text):
    assert anchored_dates(text, _tagged(text, date(2006, 10, 16))) == []


def test_an_anchored_date_dates_the_happening_it_modifies():
    text = "Putin won the vote on Monday. Zelensky visited Russia two days after the vote."
    tag_ = _tagged(text, date(2022, 1, 12))
    # (the article dated as it was tagged: a past visit is not after its reference date)
    art = replace(_article(text), date=date(2022, 1, 12))
    events = article_events(art, tag_, _mentions(text))
    (visit,) = [e for e in events if e.type == "CONSULT"]
    assert visit.value == "2022-01-12" and visit.mentions[0].text == "two days after the vote"


@pytest.mark.parametrize(
    "text",
    [
        "Zelensky is due to meet Putin in Russia on Monday.",
        "A Biden-Putin meeting, set for Monday, went ahead as planned.",
    ],
)
def test_a_plan_reported_or_moved_stays_an_event(text):
    assert len(_monday(text)) == 1


def test_a_title_and_name_across_commas_is_the_subject_of_the_verb_after_them():
    text = "Ukraine's president, Zelensky, apologised on Monday for the row with Russia."
    at = text.index("Ukraine's")
    lead = ActorMention(at, text.index(", apologised"), text[: text.index(", apol")], (ZELENSKY,))
    russia = text.index("Russia")
    mentions = [lead, ActorMention(russia, russia + 6, "Russia", (RUSSIA,))]
    tx = _timex(text, "Monday", "2022-01-10", MON, MON)
    (ev,) = article_events(_article(text), [tx], mentions)
    assert "Volodymyr Zelensky" in ev.actors


def test_a_truce_with_no_party_named_is_between_the_articles_parties():
    text = "Russia shelled Kyiv. Ukraine hit back at Russia. The truce took effect on Monday."
    (ev,) = _monday(text)
    assert (ev.type, set(ev.actors)) == ("AGREE", {"Russia", "Ukraine"})


def test_a_statement_with_nobody_named_makes_no_event():
    text = "Russia shelled Kyiv. Ukraine hit back at Russia. A statement was issued on Monday."
    assert _monday(text) == []


def test_the_articles_parties_are_not_the_cities_where_things_happen():
    text = (
        "Talks were held in Minsk. More talks followed in Minsk. Russia shelled Kyiv."
        " Ukraine hit back at Russia. The truce took effect on Monday."
    )
    (ev,) = [e for e in _monday(text) if e.type == "AGREE"]
    assert set(ev.actors) == {"Russia", "Ukraine"}


def test_a_vote_with_no_state_named_is_the_articles_state():
    text = (
        "Russia shelled Kyiv. Ukraine hit back at Russia, and Ukraine mourned. MPs voted on Monday."
    )
    (ev,) = _monday(text)
    assert (ev.type, ev.actors) == ("STATEMENT", ("Ukraine",))


def test_the_two_sides_may_be_a_state_and_a_body():
    # "the two sides" (or "parties") are the last two states or bodies named before it
    text = "Ukraine met the Security Council in March. On Monday the two sides signed a deal."
    (ev,) = _monday(text)
    assert ev.type == "AGREE" and set(ev.actors) == {"Ukraine", "UN Security Council"}


def test_they_and_them_are_the_last_group_named():
    # armed groups and bodies are plural in English: "they" before the verb, "them" right
    # after it, is the last body named (here the council, listed as its parent, the UN)
    (ev,) = _monday("The Security Council met in March. On Monday they condemned Russia.")
    assert ev.type == "ACCUSE" and set(ev.actors) == {"UN", "Russia"}
    (ev,) = _monday("The Security Council met in March. The capital fell to them on Monday.")
    assert ev.type == "COERCE" and ev.actors == ("UN",)
    # a lone person is no "they"
    (ev,) = _monday("Biden spoke in March. On Monday they condemned Russia.")
    assert ev.actors == ("Russia",)


def test_a_coordinated_act_shares_the_date_of_the_dated_one():
    # the subject left out: the dated act's subject does the second act too
    events = _monday("Russian troops seized Crimea on Monday, and shelled Kyiv.")
    assert {(e.type, e.value) for e in events} == {
        ("COERCE", "2022-01-10"),
        ("ASSAULT", "2022-01-10"),
    }
    (shelling,) = [e for e in events if e.type == "ASSAULT"]
    assert shelling.source == "Russia"
    # a new subject after ", and"
    events = _monday("Russia seized Crimea on Monday, and Ukraine recalled its envoys.")
    (recall,) = [e for e in events if e.type == "SANCTION"]
    assert recall.source == "Ukraine"
    # ... the names after the ", and", not the first act's object
    text = "Biden sanctioned Russia on Monday, and Ukraine and Belarus recalled their envoys."
    (recall,) = [e for e in _monday(text) if e.label.endswith("envoys")]
    assert set(recall.actors) == {"Ukraine", "Belarus"}
    # ", when" with a new subject (maybe in apposition) also shares the date
    text = "Biden met Zelensky in Kyiv on Monday, when Russia, its neighbour, recalled its envoys."
    assert {(e.type, e.source) for e in _monday(text)} == {
        ("CONSULT", "Joe Biden"),
        ("SANCTION", "Russia"),
    }
    # not a noun ("and talks"), a speech verb, another tense, or an act a later date dates
    for text in (
        "Russia and Ukraine signed a deal on Monday and talks resumed in Minsk.",
        "Putin visited Minsk on Monday and said the talks went well.",
        "Putin visited Minsk on Monday and will meet Biden.",
    ):
        assert len(_monday(text)) == 1, text
    text = "Russia seized Crimea on Monday, and Ukraine recalled its envoys on Tuesday."
    tue = _timex(text, "Tuesday", "2022-01-11", date(2022, 1, 11), date(2022, 1, 11))
    mon = _timex(text, "Monday", "2022-01-10", MON, MON)
    events = article_events(_article(text), [mon, tue], _mentions(text))
    assert {(e.type, e.value) for e in events} == {
        ("COERCE", "2022-01-10"),
        ("SANCTION", "2022-01-11"),
    }


def test_a_statement_with_its_own_subject_after_and_is_its_own_happening():
    # ", and Ecuador said": a new named subject makes the statement another happening on
    # the same date, with its own speaker; "and said" with no subject stays the first act's
    for text, speaker in (
        (
            "Venezuela expelled Brazil's envoy on Monday, and Ecuador said it would follow.",
            "Ecuador",
        ),
        ("On Monday Russia seized the port, and Germany said the sanctions would stay.", "Germany"),
        (
            "Russia closed its embassy in Kyiv on Monday, when Ukraine said talks were over.",
            "Ukraine",
        ),
    ):
        events = _extracted(text)
        said = [e for e in events if e.type == "STATEMENT"]
        assert len(events) == 2 and len(said) == 1, text
        assert said[0].source == speaker and all(e.value == "2022-01-10" for e in events), text
    for text in (
        "Russia expelled Brazil's envoy on Monday and said it would do the same to others.",
        "Russia expelled Brazil's envoy on Monday, and said it would do the same to others.",
    ):
        assert [e.type for e in _extracted(text)] == ["SANCTION"], text


def test_a_later_date_in_a_coordinated_clause_with_its_own_subject_keeps_its_actors():
    # ", and the bishops said today": the later date's happening is told in its own clause;
    # a subject the gazetteer does not know does not make it the first clause's subject's
    for text in (
        "Pope Francis called for calm on Sunday, and the bishops said today they would mediate.",
        "Biden praised the deal on Monday, and the rebels said on Tuesday they would disarm.",
        "Macron visited Kyiv on Monday; the city council voted on Tuesday to rename a street.",
        # a bare noun and its auxiliary start the clause too
        "Macron visited Kyiv on Monday, and police were told to arrest the protesters on Tuesday.",
    ):
        events = _extracted(text, date(2022, 1, 12))
        assert len(events) == 1, text
    # a known subject of its own acts, dated by its own date
    text = "Japan recalled its envoy on Monday, and China said on Tuesday it would expel diplomats."
    assert {(e.value, e.source) for e in _extracted(text, date(2022, 1, 12))} == {
        ("2022-01-10", "Japan"),
        ("2022-01-11", "China"),
    }
    # ... not a shared subject ("and said on Tuesday"), nor one a possessive points back to
    for text in (
        "Biden praised the deal on Monday and said on Tuesday that he would visit Kyiv.",
        "Biden praised the deal on Monday, and his spokesman said on Tuesday he would visit Kyiv.",
    ):
        events = _extracted(text, date(2022, 1, 12))
        assert all("Joe Biden" in e.actors for e in events) and len(events) == 2, text


def test_two_days_joined_by_and_before_a_verb_date_two_acts_of_one_subject():
    # "yesterday and today asked": the second day starts the second act, which the first
    # act's subject does; "on Monday and Tuesday" with no verb after stays one span
    for text in (
        "Chile recalled its envoy to Peru yesterday and today asked the Security Council to meet.",
        "Chile recalled its envoy to Peru on Tuesday and Wednesday asked the UN to intervene.",
    ):
        events = sorted(_extracted(text, date(2022, 1, 13)), key=lambda e: e.value)
        assert [e.value.count("/") for e in events] == [0, 0], text
        assert events[0].value < events[1].value, text
        assert events[1].source == "Chile" and "Peru" not in events[1].actors, text
    text = "Fighting raged in Kharkiv on Tuesday and Wednesday."
    (ev,) = _extracted(text, date(2022, 1, 13))
    assert ev.value == "2022-01-11/2022-01-12"


def test_a_country_after_its_city_is_the_subject_when_a_verb_follows():
    # "In Lisbon, Portugal recalled": the country acts; "in Nuuk, Greenland, on Monday" is
    # the venue's own country, no party
    (ev,) = _extracted("In Lisbon, Portugal asked the Security Council to meet on Monday.")
    assert ev.source == "Portugal"
    (ev,) = _extracted("Denmark and Canada held talks in Nuuk, Greenland, on Monday.")
    assert "Greenland" not in ev.actors


def test_who_is_named_in_a_clause_inside_an_appositive_is_no_subject():
    # "X, Y's <title> while Z lies ill, flew": the appositive describes X, who acts; Z is
    # named in a clause inside it
    for text in (
        "Prince Juan Carlos, Spain's regent as Francisco Franco lay dying, flew to Rabat today.",
        "Prince Juan Carlos, the regent while Francisco Franco was ill, flew to Rabat on Monday.",
    ):
        (ev,) = _extracted(text)
        assert "Francisco Franco" not in ev.actors and "Juan Carlos I" in ev.actors, text
    # an appositive with no clause inside keeps its name
    (ev,) = _extracted("Boris Johnson, Britain's prime minister, flew to Kyiv on Monday.")
    assert "Boris Johnson" in ev.actors


def test_a_dated_clause_with_its_own_subject_after_an_undated_one_keeps_its_actors():
    # ", and the rebels shelled the town on Monday": the undated clause before has another
    # subject, who does not act in the dated one
    for text in (
        "Russia denounced the deal, and the rebels shelled the town on Monday.",
        "Russia denounced the deal; the rebels shelled the town on Monday.",
    ):
        assert all("Russia" not in e.actors for e in _extracted(text)), text
    # ... but a possessive points back to it, and no comma keeps one subject for both verbs
    for text in (
        "Russia denounced the deal, and its troops shelled the town on Monday.",
        "Russia denounced the deal and shelled the town on Monday.",
    ):
        (ev,) = _extracted(text)
        assert ev.source == "Russia", text


def test_a_date_in_a_restrictive_relative_clause_dates_only_that_clause():
    # "the fighters who had slipped into Kashmir in May": the month dates their crossing,
    # not the agreement of the main clause
    for text in (
        "Imran Khan agreed on Monday to pull back fighters who had slipped into Kashmir in May.",
        "Imran Khan agreed to pull back the fighters who slipped into Kashmir in May.",
    ):
        assert all(e.value != "2021-05" for e in _extracted(text, date(2022, 3, 30))), text
    # ... not a relative clause with no verb of its own ("who are still there"), and not one
    # with its own happening, which stays dated
    text = "Imran Khan agreed to pull back the fighters who are still in Kashmir in May."
    assert [e.value for e in _extracted(text, date(2022, 3, 30))] == ["2022-05"]
    text = "Biden praised the soldiers who had seized the port in May."
    assert [e.type for e in _extracted(text, date(2022, 3, 30))] == ["COERCE"]


def test_a_when_clause_with_an_unnamed_subject_tells_its_own_dated_act():
    # "<happening> turned violent on Tuesday, when riot police arrested students": the
    # "when" clause is another act on that date, though its subject is no name
    lead = "Kenya's president is under pressure in Kenya. "
    for text in (
        "Protests in Kenya turned violent on Tuesday, when riot police arrested dozens of them.",
        "On Tuesday protests in Kenya turned violent, when the police detained dozens of students.",
    ):
        events = _extracted(lead + text, date(2022, 3, 30))
        assert {e.type for e in events} == {"PROTEST", "COERCE"}, text
    # ... not past an aside: the subject stretch is a short phrase with no comma in it
    text = "Protests in Kenya turned violent on Tuesday, when police, and troops, arrested dozens."
    assert [e.type for e in _extracted(lead + text, date(2022, 3, 30))] == ["PROTEST"]


def test_a_state_edge_followed_by_when_dates_the_when_clause():
    # "since May, when Serbia deployed troops": the edge of a state dates the happening that
    # began (or ended) it, which the "when" clause tells; a bare edge dates no happening
    for text, type_, value in (
        ("Tension has been high since May, when Serbia deployed troops.", "MOBILIZE", "2022-05"),
        ("Kenya held the port until June 2021, when Somalia seized it.", "COERCE", "2021-06"),
    ):
        events = _extracted(text, date(2022, 9, 30))
        assert [(e.type, e.value) for e in events] == [(type_, value)], text
    for text in (
        "Relations with Serbia have been frozen since May.",
        "Serbia deployed troops to the border and kept them there until June 2021.",
    ):
        events = _extracted(text, date(2022, 9, 30))
        assert all(e.value not in ("2022-05", "2021-06") for e in events), text


def test_initials_do_not_end_a_sentence():
    from dashapp.text import sentences

    text = "President F.W. de Klerk agreed. The U.S. team left at 3 p.m. on Monday. It rained."
    assert [text[a:b] for a, b in sentences(text)] == [
        "President F.W. de Klerk agreed.",
        "The U.S. team left at 3 p.m. on Monday.",
        "It rained.",
    ]


def test_rank_abbreviations_do_not_end_a_sentence():
    from dashapp.text import sentences

    text = "The fleet, under Adm. Hale, sailed. The envoy, Msgr. Ruiz, left. Brig. Okoro came."
    assert [text[a:b] for a, b in sentences(text)] == [
        "The fleet, under Adm. Hale, sailed.",
        "The envoy, Msgr. Ruiz, left.",
        "Brig. Okoro came.",
    ]


def test_the_owner_of_its_happening_takes_part():
    # "its session": the last body or state named before "its", not one in a relative clause
    text = "The Security Council, which Ukraine joined, invited Biden to its session on Monday."
    (ev,) = _monday(text)
    assert ev.type == "CONSULT" and set(ev.actors) == {"Joe Biden", "UN"}


def test_a_label_with_no_noun_phrase_names_the_trigger():
    # "{np}" finds no noun phrase in the date's clause: the trigger word names the act
    text = "Russian forces pushed on Monday and had been fighting since."
    (ev,) = _monday(text)
    assert ev.label == "Russia fighting"


def test_a_label_names_its_object_without_possessive_and_not_its_source_twice():
    (ev,) = _monday("Russia attacked Kyiv's outskirts on Monday.")
    assert ev.label == "Russia attack on Kyiv"
    (ev,) = _monday("Russian troops withdrew from Russia on Monday.")
    assert ev.label == "Russia withdraws"


def test_a_coordinated_act_named_by_the_noun_its_verb_governs_shares_the_date():
    # ", and the Security Council held an emergency session": a new subject, a past verb
    # and the happening as its object; a future verb is another time
    text = "On Monday Russia seized Crimea, and the Security Council held an emergency session."
    assert {(e.type, e.value) for e in _monday(text)} == {
        ("COERCE", "2022-01-10"),
        ("CONSULT", "2022-01-10"),
    }
    text = (
        "On Monday Russia seized Crimea, and the Security Council will hold an emergency session."
    )
    assert [e.type for e in _monday(text)] == ["COERCE"]


def test_a_place_in_an_appositive_describes_the_subject_who_still_acts():
    # "Marco Rubio, a Cuban-American senator from Florida, vowed": the appositive's place
    # does not replace the name before it
    text = "Obama spoke. Zelensky, a former Russian-speaking comedian, vowed on Monday to resist."
    (ev,) = _monday(text)
    assert "Volodymyr Zelensky" in ev.actors


def _extracted(text: str, when: date = date(2022, 1, 12)) -> list[Event]:
    from dashapp.actors import Gazetteer
    from dashapp.pipeline import extract_article

    art = Article("r5", "t", when, "https://example.org/r5", text)
    return extract_article(art, gazetteer=Gazetteer.load())[1]


@pytest.mark.parametrize(
    ("text", "type_", "actors"),
    [
        # victory claimed or conceded, refuge sought, a building surrounded, a rebuke
        ("President Emmanuel Macron claimed victory on Monday.", "STATEMENT", {"Emmanuel Macron"}),
        ("Boris Johnson conceded defeat on Monday.", "CONCEDE", {"Boris Johnson"}),
        ("Russian troops surrounded the parliament on Monday.", "COERCE", {"Russia"}),
        ("Evo Morales took refuge in Mexico on Monday.", "REQUEST", {"Evo Morales"}),
        ("Narendra Modi rebuked Pakistan on Monday.", "ACCUSE", {"Narendra Modi", "Pakistan"}),
        # the holder of an office named with its body ("The leader of the X, Name,")
        (
            "The leader of the farmers' union, Tomas Varga, said on Monday that talks failed.",
            "STATEMENT",
            {"Tomas Varga"},
        ),
        # a rank before one name: the name is the whole name
        (
            "The army chief, Gen. Sudarto, said on Monday the troops would stay.",
            "STATEMENT",
            {"Sudarto"},
        ),
        # a cremation, a wreath laid, a collision, a court appearance, military flights
        ("Jawaharlal Nehru was cremated in Delhi on Monday.", "STATEMENT", {"Jawaharlal Nehru"}),
        # messages or diplomatic notes exchanged
        (
            "Narendra Modi and Joe Biden exchanged messages on Monday.",
            "CONSULT",
            {"Narendra Modi", "Joe Biden"},
        ),
        ("India and Nepal exchanged notes on Monday.", "AGREE", {"India", "Nepal"}),
        (
            "Emmanuel Macron laid a wreath at the memorial on Monday.",
            "STATEMENT",
            {"Emmanuel Macron"},
        ),
        ("A Russian jet collided with an American drone on Monday.", "STATEMENT", {"Russia"}),
        ("Alexei Navalny appeared in court in Moscow on Monday.", "ACCUSE", {"Alexei Navalny"}),
        ("Chinese bombers flew through the Japanese zone on Monday.", "MOBILIZE", {"China"}),
        # a statement written for the press
        (
            "President Emmanuel Macron wrote in Le Monde on Monday that Europe must act.",
            "STATEMENT",
            {"Emmanuel Macron"},
        ),
        # a legislature named by its own name
        (
            "Benjamin Netanyahu reported to the Knesset on Monday.",
            "STATEMENT",
            {"Benjamin Netanyahu"},
        ),
        # a truce is agreed between its sides; one side's unilateral ceasefire is its own pause
        ("A truce between Chad and Sudan came into force on Monday.", "AGREE", {"Chad", "Sudan"}),
        ("Chad declared a unilateral ceasefire on Monday.", "RETREAT", {"Chad"}),
        # missiles fired at a target are a strike; fired into the sea, a launch
        ("Syria fired rockets at Turkish border posts on Monday.", "ASSAULT", {"Syria"}),
        ("Iran launched two missiles at a base in Iraq on Monday.", "ASSAULT", {"Iran"}),
        ("Pakistan fired a missile into the Arabian Sea on Monday.", "MOBILIZE", {"Pakistan"}),
        ("Pakistan fired a missile at dawn on Monday.", "MOBILIZE", {"Pakistan"}),
        # a strike, a march or a rally called is the protest, neither a call nor a request
        ("Ukraine's unions called a general strike on Monday.", "PROTEST", {"Ukraine"}),
        ("Alexei Navalny called for protests on Monday.", "PROTEST", {"Alexei Navalny"}),
        ("Alexei Navalny called off a march on Monday.", "REJECT", {"Alexei Navalny"}),
        ("Biden called for an end to the strikes on Monday.", "REQUEST", {"Joe Biden"}),
        # unions and committees are a body of the dateline's state
        ("KYIV - The local committees called a rally on Monday.", "PROTEST", {"Ukraine"}),
        # troops arriving or flown in are a deployment; a leader arriving, or visiting
        # troops, makes a visit
        ("French paratroopers landed in Mali on Monday.", "MOBILIZE", {"France", "Mali"}),
        (
            "The first Kenyan peacekeepers are due to arrive in Haiti on Monday.",
            "MOBILIZE",
            {"Kenya"},
        ),
        ("Chad flew in 200 soldiers on Monday.", "MOBILIZE", {"Chad"}),
        ("About 500 extra French gendarmes arrived in Noumea on Monday.", "MOBILIZE", {"France"}),
        ("Emmanuel Macron landed in Mali on Monday.", "CONSULT", {"Emmanuel Macron", "Mali"}),
        ("Lloyd Austin visited troops in Iraq on Monday.", "CONSULT", {"Lloyd Austin", "Iraq"}),
        ("Emmanuel Macron, who met French troops, arrived in Mali on Monday.", "CONSULT", {"Mali"}),
        # "and said"/"and told" after the date opens the next clause, as "and announced" does
        (
            "Chad declared a state of emergency on Monday and said the border would stay shut.",
            "COERCE",
            {"Chad"},
        ),
        (
            "Joe Biden met Volodymyr Zelensky on Monday and told reporters the war must end.",
            "CONSULT",
            {"Joe Biden", "Volodymyr Zelensky"},
        ),
        # speaking with nobody spoken with is a statement; with someone, or two speaking, a call
        ("Viktor Orban spoke on state radio on Monday.", "STATEMENT", {"Viktor Orbán"}),
        ("Viktor Orban is due to speak on Monday.", "STATEMENT", {"Viktor Orbán"}),
        ("Viktor Orban spoke to reporters on Monday.", "STATEMENT", {"Viktor Orbán"}),
        (
            "Viktor Orban spoke briefly to Olaf Scholz on Monday.",
            "CONSULT",
            {"Viktor Orbán", "Olaf Scholz"},
        ),
        (
            "Viktor Orban and Olaf Scholz spoke for an hour on Monday.",
            "CONSULT",
            {"Viktor Orbán", "Olaf Scholz"},
        ),
        # what a vote decides is the act: to support, to back, to override; a court's
        # ruling overturned is rejected
        (
            "Iceland's parliament voted on Monday to support Lithuania.",
            "SUPPORT",
            {"Iceland", "Lithuania"},
        ),
        ("The African Union voted 40 to 2 on Monday to back the mission.", "SUPPORT", set()),
        (
            "Georgia's parliament voted on Monday to override the president's veto.",
            "REJECT",
            {"Georgia"},
        ),
        ("Iceland's parliament voted on the budget on Monday.", "STATEMENT", {"Iceland"}),
        ("The Supreme Court of Kenya overturned the election result on Monday.", "REJECT", set()),
        # aid, ties, trade or visas suspended are a sanction; talks suspended are not
        (
            "France suspended its military cooperation with Mali on Monday.",
            "SANCTION",
            {"France", "Mali"},
        ),
        (
            "India suspended visa services for Canadian citizens on Monday.",
            "SANCTION",
            {"India", "Canada"},
        ),
        ("Kofi Annan suspended the talks on Monday.", "CONSULT", {"Kofi Annan"}),
        # an act announced in progress ("said it was cutting off") is the happening
        (
            "Chad said on Monday that it was cutting off oil deliveries to Sudan.",
            "SANCTION",
            {"Chad", "Sudan"},
        ),
        ("Chad said on Monday that it was withdrawing from the pact.", "RETREAT", {"Chad"}),
        ("Chad said on Monday that Sudan was wrong.", "STATEMENT", {"Chad"}),
        # a rally told something is the speech's audience; protests breaking out are protests
        (
            "Viktor Orban told a rally in Budapest on Monday that Hungary would not yield.",
            "STATEMENT",
            {"Viktor Orbán"},
        ),
        ("Thousands of Hungarians held a rally in Budapest on Monday.", "PROTEST", {"Hungary"}),
        ("Protests broke out in Belarus on Monday.", "PROTEST", {"Belarus"}),
        ("Fighting broke out in Sudan on Monday.", "ASSAULT", {"Sudan"}),
        # names put to a document sign it; taking over from someone succeeds him
        (
            "Serbia and Kosovo put their names to the accord on Monday.",
            "AGREE",
            {"Serbia", "Kosovo"},
        ),
        ("Kaja Kallas took over from Andrus Ansip on Monday.", "STATEMENT", {"Kaja Kallas"}),
        ("Russian troops took over the airport on Monday.", "COERCE", {"Russia"}),
        # ground won back is fighting; ground taken is a seizure
        ("Ukrainian troops recaptured the town of Izium on Monday.", "ASSAULT", {"Ukraine"}),
        ("Russian troops captured the town of Izium on Monday.", "COERCE", {"Russia"}),
        # relations restored are an agreement; citizens evacuated, a withdrawal
        ("Chad and Sudan restored diplomatic relations on Monday.", "AGREE", {"Chad", "Sudan"}),
        (
            "Chad said on Monday it would begin evacuating its citizens from Sudan.",
            "RETREAT",
            {"Chad", "Sudan"},
        ),
        # a refusal or a denial reported is a rejection; a negated prediction is a statement
        ("Sergei Lavrov said on Monday that Moscow was not to blame.", "REJECT", {"Sergei Lavrov"}),
        (
            "Sergei Lavrov said on Monday that Russia would never accept the terms.",
            "REJECT",
            {"Sergei Lavrov"},
        ),
        (
            "The State Department said on Monday that Washington had no part in the coup.",
            "REJECT",
            {"United States"},
        ),
        (
            "Sergei Lavrov said on Monday that Russia would not be forced out.",
            "STATEMENT",
            {"Sergei Lavrov"},
        ),
        (
            "Sergei Lavrov said on Monday that if Kyiv attacked, Russia would not negotiate.",
            "STATEMENT",
            {"Sergei Lavrov"},
        ),
        # blame laid in a statement is an accusation; blame lifted is not
        (
            "Theresa May said on Monday that Russia was responsible for the attack.",
            "ACCUSE",
            {"Theresa May", "Russia"},
        ),
        (
            "Chad said on Monday that Sudan must bear full responsibility for the clashes.",
            "ACCUSE",
            {"Chad", "Sudan"},
        ),
        (
            "Chad said on Monday that Sudan was not responsible for the clashes.",
            "STATEMENT",
            {"Chad"},
        ),
        # support declared ("stood with Poland") or condolences offered are support
        (
            "Joe Biden said on Monday that the United States stood with Poland.",
            "SUPPORT",
            {"Joe Biden", "Poland"},
        ),
        ("China expressed its condolences to Nepal on Monday.", "SUPPORT", {"China", "Nepal"}),
        # a threat made in a statement ("consequences", "countermeasures") is a threat;
        # a strike explained as retaliation is not
        (
            "Dmitry Peskov said on Monday that Moscow would take countermeasures.",
            "THREATEN",
            {"Dmitry Peskov"},
        ),
        (
            "Joe Biden said on Monday there would be consequences for Iran.",
            "THREATEN",
            {"Joe Biden", "Iran"},
        ),
        # force forbidden to someone is a warning to them; an inability is no warning
        (
            "Joe Biden said on Monday that Russia must not invade Ukraine.",
            "THREATEN",
            {"Joe Biden", "Russia"},
        ),
        (
            "Joe Biden said on Monday that Russia could not win the war in Ukraine.",
            "STATEMENT",
            {"Joe Biden"},
        ),
        # sanctions or force promised on a condition are a warning; a measure announced
        # without one is the measure itself
        (
            "Joe Biden said on Monday that Russia would face severe sanctions if it invaded.",
            "THREATEN",
            {"Joe Biden", "Russia"},
        ),
        (
            "The EU said on Monday it will impose new sanctions on Belarus unless it frees"
            " the journalist.",
            "THREATEN",
            {"EU", "Belarus"},
        ),
        (
            "The EU said on Monday it will impose new sanctions on Belarus.",
            "SANCTION",
            {"EU", "Belarus"},
        ),
        (
            "India said on Monday that the strike was in retaliation for the bombing.",
            "STATEMENT",
            {"India"},
        ),
        # a dismissal reported ("the measures were unjustified") is a rejection
        (
            "Qatar said on Monday that the measures were unjustified and baseless.",
            "REJECT",
            {"Qatar"},
        ),
        (
            "Denmark said on Monday that the American pressure on Greenland was unacceptable.",
            "REJECT",
            {"Denmark"},
        ),
        # an aircraft forced down is coercion
        ("Belarusian jets forced down a Lithuanian airliner on Monday.", "COERCE", {"Belarus"}),
        # a sanction approved is the sanction; a treaty approved, an agreement
        (
            "Japan's cabinet approved a ban on North Korean ships on Monday.",
            "SANCTION",
            {"Japan", "North Korea"},
        ),
        ("Japan's cabinet approved the treaty with Korea on Monday.", "AGREE", {"Japan"}),
        # a person or a government dismissed is removed from office; a claim dismissed,
        # rejected
        (
            "Nawaz Sharif dismissed Pervez Musharraf as army chief on Monday.",
            "COERCE",
            {"Nawaz Sharif", "Pervez Musharraf"},
        ),
        ("Iran dismissed the accusation on Monday as meaningless.", "REJECT", {"Iran"}),
        ("Iran dismissed Western reports of a test on Monday.", "REJECT", {"Iran"}),
        # a death toll given is a statement; a killing announced is the killing
        (
            "Sudan's health ministry said on Monday that 46 people had been killed.",
            "STATEMENT",
            {"Sudan"},
        ),
        ("Sudan said on Monday that its army had killed the rebel leader.", "ASSAULT", {"Sudan"}),
        # a body suspending a member state sanctions it
        (
            "The African Union suspended Mali on Monday.",
            "SANCTION",
            {"AU", "Mali"},
        ),
        (
            "The Arab League suspended Syria over the crackdown on Monday.",
            "SANCTION",
            {"Arab League", "Syria"},
        ),
        # a holder removed from office is coercion; barricades removed are nothing
        (
            "Sudan's army removed President Omar al-Bashir on Monday.",
            "COERCE",
            {"Sudan", "Omar al-Bashir"},
        ),
        # visas restricted, purchases or supplies stopped are sanctions
        (
            "The United States announced visa restrictions on Georgian officials on Monday.",
            "SANCTION",
            {"United States", "Georgia"},
        ),
        ("Japan said on Monday it would stop buying oil from Iran.", "SANCTION", {"Japan", "Iran"}),
        # a known happening announced ("the raid") is reported; a new measure announced,
        # or a truce, is the happening
        ("Israel announced the raid on Monday.", "STATEMENT", {"Israel"}),
        ("Israel announced new sanctions against Iran on Monday.", "SANCTION", {"Israel", "Iran"}),
        ("Hamas announced the truce on Monday.", "AGREE", {"Hamas"}),
        # a state of siege declared is imposed, as a state of emergency is
        ("Peru declared a state of siege in Lima on Monday.", "COERCE", {"Peru"}),
        # a heart attack is a death, not an attack
        (
            "Boris Yeltsin died of a heart attack in Moscow on Monday.",
            "STATEMENT",
            {"Boris Yeltsin"},
        ),
        # round 19: "ask" and "asks" are requests, as "asked" is
        (
            "Chile said on Monday that it would ask the United Nations to send observers.",
            "REQUEST",
            {"Chile", "UN"},
        ),
        ("Bolivia will ask Peru for help on Monday.", "REQUEST", {"Bolivia", "Peru"}),
        # an election called is announced, no phone call; a leader called is a call
        (
            "Boris Johnson said on Monday that he would call an early election.",
            "STATEMENT",
            {"Boris Johnson"},
        ),
        ("Sadyr Japarov called on Monday for new elections.", "REQUEST", {"Sadyr Japarov"}),
        # what is joined decides the act: an act joined is that act, troops joined a
        # deployment, ministers joined a meeting, an alliance joined a membership
        ("Japan joined the embargo on Russian oil on Monday.", "SANCTION", {"Japan", "Russia"}),
        ("Canadian warships will join the drills with Japan on Monday.", "MOBILIZE", {"Canada"}),
        (
            "Antony Blinken joined NATO foreign ministers in Riga on Monday.",
            "CONSULT",
            {"Antony Blinken", "NATO"},
        ),
        ("Polish troops joined the American soldiers in Kabul on Monday.", "MOBILIZE", {"Poland"}),
        ("Sweden joined NATO on Monday.", "COOPERATE", {"Sweden", "NATO"}),
        # aid frozen, paused, suspended or put off is a sanction; aid pledged is aid
        (
            "The European Union froze 200 million euros in aid to Niger on Monday.",
            "SANCTION",
            {"EU", "Niger"},
        ),
        (
            "Washington paused most of its economic and military assistance to Cairo on Monday.",
            "SANCTION",
            {"United States", "Egypt"},
        ),
        ("Germany pledged new military aid to Ukraine on Monday.", "AID", {"Germany", "Ukraine"}),
        # a note, an ultimatum or a letter delivered is no aid
        ("Britain delivered the ultimatum to Iraq on Monday.", "THREATEN", {"United Kingdom"}),
        ("Germany will send the treaty to parliament on Monday.", "AGREE", {"Germany"}),
        # a deal struck is an agreement; targets struck after a truce are strikes
        (
            "Serbia and Kosovo struck a trade agreement in Brussels on Monday.",
            "AGREE",
            {"Serbia", "Kosovo"},
        ),
        ("Under a deal struck on Monday, Turkey will take back migrants.", "AGREE", {"Turkey"}),
        (
            "Despite the truce, Israeli jets struck Gaza on Monday.",
            "ASSAULT",
            {"Israel"},
        ),
        # missiles landing are the launch; planes landing with supplies are aid; a
        # minister landing is a visit
        (
            "Two North Korean missiles landed in the Sea of Japan on Monday.",
            "MOBILIZE",
            {"North Korea"},
        ),
        (
            "Turkish planes carrying tents and medicine landed in Damascus on Monday.",
            "AID",
            {"Turkey"},
        ),
        # (a minister's visit is his own, not his title's state's: round 58d)
        ("Turkey's foreign minister landed in Damascus on Monday.", "CONSULT", {"Syria"}),
        # a result, a ruling or terms accepted are a concession; a plan accepted, an
        # agreement
        (
            "Serbia said on Monday that it would accept the court's ruling in full.",
            "CONCEDE",
            {"Serbia"},
        ),
        ("Kosovo accepted the EU plan on Monday.", "AGREE", {"Kosovo"}),
        # forces ordered to move are a deployment; ordered to stop, a ceasefire of one
        # side (not a purpose: "to move to Goris ... to stop the looting"); an inquiry
        # ordered is no deployment
        (
            "Vladimir Putin ordered troops to the border with Ukraine on Monday.",
            "MOBILIZE",
            {"Vladimir Putin", "Russia"},
        ),
        ("Armenia ordered its forces to stop firing on Monday.", "RETREAT", {"Armenia"}),
        (
            "Nikol Pashinyan ordered his forces to move to Goris on Monday to stop the looting.",
            "MOBILIZE",
            {"Nikol Pashinyan"},
        ),
        # war goals or aims achieved are no fighting
        (
            "Vladimir Putin said on Monday that Russia had achieved its war aims.",
            "STATEMENT",
            {"Vladimir Putin"},
        ),
        (
            "Alberto Fujimori said on Monday that he would call a referendum.",
            "STATEMENT",
            {"Alberto Fujimori"},
        ),
    ],
)
def test_trigger_families_and_role_phrases(text, type_, actors):
    (ev,) = _extracted(text)
    assert ev.type == type_
    assert actors <= set(ev.actors)


def test_an_inquiry_ordered_is_no_deployment():
    assert [e.type for e in _extracted("Joe Biden ordered an investigation on Monday.")] == []


@pytest.mark.parametrize(
    ("text", "when", "state", "kept"),
    [
        # no office: an opposition figure leaving for another state goes on her own account
        (
            "Opposition leader Svetlana Tikhanovskaya left for Lithuania on Monday.",
            date(2020, 8, 12),
            "Belarus",
            False,
        ),
        # out of office that day (deposed, resigned): his exile is his own
        ("Bashar al-Assad fled to Moscow on Monday.", date(2024, 12, 10), "Syria", False),
        # a sitting leader's flight is still his state's act
        (
            "President Gotabaya Rajapaksa fled to the Maldives on Monday.",
            date(2022, 7, 14),
            "Sri Lanka",
            True,
        ),
        # resigning is the person's own act (the convention of 2026-11-30; round r60n)
        ("Gotabaya Rajapaksa resigned on Monday.", date(2022, 7, 14), "Sri Lanka", False),
    ],
)
def test_a_flight_abroad_out_of_office_is_the_persons_own(text, when, state, kept):
    (ev,) = _extracted(text, when)
    assert ev.type == "RETREAT"
    assert (state in ev.actors) is kept


@pytest.mark.parametrize(
    ("when", "text", "state", "kept"),
    [
        # a leader out of office arriving abroad goes into exile, not on a state visit
        (date(2019, 11, 13), "Evo Morales arrived in Mexico City on Tuesday.", "Bolivia", False),
        # in office, a visit is made in person too (round 46: visitors' own states are
        # mostly not listed in the pooled dev gold: about 28 of the 39 visits it changed)
        (date(2018, 11, 14), "Evo Morales arrived in Mexico City on Tuesday.", "Bolivia", False),
        (
            date(1971, 7, 14),
            "Henry Kissinger arrived in Peking on Tuesday.",
            "United States",
            False,
        ),
    ],
)
def test_a_former_leaders_journey_abroad_is_his_own(when, text, state, kept):
    (ev,) = _extracted(text, when)
    assert ev.type == "CONSULT"
    assert (state in ev.actors) is kept


def test_a_truce_with_one_side_named_is_also_the_articles_other_partys():
    text = (
        "Armenia and Azerbaijan fought a war over Karabakh. Armenia accused Azerbaijan. "
        "Azerbaijan said on Monday the truce held."
    )
    (ev,) = _extracted(text)
    assert ev.type == "AGREE" and {"Azerbaijan", "Armenia"} <= set(ev.actors)
    # a state the article does not name twice is not the other side
    (ev,) = _extracted("The UN called for calm. Azerbaijan said on Monday the truce held.")
    assert set(ev.actors) == {"Azerbaijan"}


def test_an_unnamed_crowd_is_of_the_state_of_the_dateline():
    body = (
        "Thousands of students marched on Monday. The United States said it was watching. "
        "The United States sent ships."
    )
    (ev,) = _extracted("SANTO DOMINGO - " + body)
    assert ev.type == "PROTEST" and set(ev.actors) == {"Dominican Republic"}
    # with no dateline, the state named most
    (ev,) = _extracted(body)
    assert set(ev.actors) == {"United States"}


def test_the_dateline_is_read_with_the_users_actors_file(tmp_path):
    """The checks that ask the gazetteer itself use the one the extraction was given (with
    the user's actors file), not the packaged one."""
    import json

    from dashapp.actors import Gazetteer
    from dashapp.pipeline import extract_article

    extra = tmp_path / "actors.json"
    extra.write_text(
        json.dumps({"actors": [{"name": "Freedonia", "kind": "country", "aliases": ["Zorgtown"]}]}),
        encoding="utf-8",
    )
    body = (
        "Thousands of students marched on Monday. The United States said it was watching. "
        "The United States sent ships."
    )
    art = Article("z1", "t", date(2022, 1, 12), "https://example.org/z1", "ZORGTOWN - " + body)
    (ev,) = extract_article(art, gazetteer=Gazetteer.load(extra))[1]
    assert ev.type == "PROTEST" and set(ev.actors) == {"Freedonia"}
    # the packaged gazetteer does not know the city: the state named most
    (ev,) = extract_article(art, gazetteer=Gazetteer.load())[1]
    assert set(ev.actors) == {"United States"}


def test_surrounded_by_is_no_siege():
    assert not [
        e for e in _extracted("Putin was surrounded by aides on Monday.") if e.type == "COERCE"
    ]


def test_an_appositive_opened_by_another_leaves_the_subject_acting():
    text = "Fiji, another Pacific ally of Canberra, holds a general election on Monday."
    (ev,) = _extracted(text, date(2022, 1, 5))
    assert "Fiji" in ev.actors


def test_a_weekend_dates_an_event_by_its_two_days():
    (ev,) = _extracted("Spain's king sent a message of support to the ruler over the weekend.")
    assert ev.value == "2022-01-08/2022-01-09" and ev.granularity == "weekend"


def test_forces_crossing_a_border_are_an_event():
    (ev,) = _extracted("Rwandan rebels crossed from Uganda on Monday with 300 men.")
    assert ev.type == "MOBILIZE" and {"Rwanda", "Uganda"} <= set(ev.actors)


def test_a_state_in_neighbouring_position_is_a_venue():
    (ev,) = _extracted("Ukraine's foreign minister met rebels on Monday in neighbouring Moldova.")
    assert "Moldova" not in ev.actors


def test_protests_as_their_own_subject_are_the_home_states():
    text = (
        "Chile's government cut fuel subsidies. The protests began on Monday in the port of "
        "Valparaiso, and Chile's president appealed for calm."
    )
    evs = [e for e in _extracted(text) if e.value == "2022-01-10" and e.type == "PROTEST"]
    assert evs and "Chile" in evs[0].actors


def test_protests_that_name_nobody_are_the_datelines_states():
    # "The protests began on Monday": the crowd's happening is its own subject, of the state
    # where the story is filed; a town the gazetteer lacks gives its state after the comma,
    # and a scraped copy keeps the two blanks of the dash it lost
    body = "The protests began on Monday in the mining town of Kostolac."
    for dateline in ("VALJEVO, Serbia - ", "VALJEVO, Serbia  "):
        (ev,) = _extracted(dateline + body)
        assert ev.type == "PROTEST" and set(ev.actors) == {"Serbia"}, dateline
    # the crowd named as the object of another act is no subject
    text = "VALJEVO, Serbia - Talks stalled. A man who advised the protesters fell ill on Monday."
    assert not _extracted(text)


def test_a_second_act_after_and_and_a_date_in_commas_keeps_its_own_object():
    # "expelled Russia's ambassador on Monday and, the same day, visited Canada": the later
    # act is the subject's, not the earlier act's object's
    for when in ("the same day", "on Tuesday"):
        text = f"Joe Biden expelled Russia's ambassador on Monday and, {when}, visited Canada."
        (visit,) = [e for e in _extracted(text) if e.type == "CONSULT"]
        assert "Russia" not in visit.actors and "Joe Biden" in visit.actors, when


def test_forces_sent_with_their_count_are_a_deployment():
    (ev,) = _extracted("Poland sent 2,000 soldiers to its eastern border on Monday.")
    assert ev.type == "MOBILIZE" and "Poland" in ev.actors
    (ev,) = _extracted("Japan dispatched two destroyers to the strait on Monday.")
    assert ev.type == "MOBILIZE"
    # what is sent is no force: no deployment
    assert not [
        e
        for e in _extracted("Poland sent 2,000 tonnes of grain to Kenya on Monday.")
        if e.type == "MOBILIZE"
    ]


def test_a_year_qualifying_a_noun_leaves_a_coordinated_statement_its_date():
    # "the 2019 trade pact" names a pact, it dates no clause: the statement after ", and"
    # with its own subject is Monday's, as without the year
    text = (
        "On Monday Chile's senate voted to delay the bill, and Peru said it would leave the "
        "2019 trade pact."
    )
    monday = [e for e in _extracted(text) if e.value == "2022-01-10"]
    assert any(e.type == "STATEMENT" and "Peru" in e.actors for e in monday)
    # a year that dates the second clause still takes it
    text = "On Monday Chile's senate voted to delay the bill, and Peru said so in 2019."
    assert not [e for e in _extracted(text) if e.value == "2022-01-10" and "Peru" in e.actors]


def test_a_clause_of_another_time_after_and_names_no_party_of_the_dated_act():
    # "..., and Chile and Peru have offered help": their own (undated) happening
    text = "ECOWAS condemned the mutiny on Monday, and Ghana and Senegal have offered troops."
    (ev,) = _extracted(text)
    assert set(ev.actors) == {"ECOWAS"}
    # a past verb may tell the same happening: its party stays
    text = "Rebels stormed the palace in Mali on Monday, and Senegal was shocked."
    assert any("Senegal" in e.actors for e in _extracted(text))


def test_a_bodys_people_before_a_participle_phrase_act():
    # "EU leaders, meeting in Brussels, condemned": the participle phrase (also "gathered
    # in") describes the subject, the body's people, who act; the city is the venue
    for text in (
        "NATO ministers, meeting in Brussels, condemned the coup on Monday.",
        "Leaders of the Arab League, gathered in Cairo, condemned the coup on Monday.",
    ):
        (ev,) = _extracted(text)
        assert ev.type == "ACCUSE" and len(ev.actors) == 1, text
        assert ev.actors[0] in ("NATO", "Arab League"), text


def test_a_state_that_had_ceased_is_no_party_of_a_later_day():
    # "Salisbury" was Rhodesia's capital until 1979: in 2018 it names no party
    (ev,) = _extracted("Two Russian agents poisoned a former spy in Salisbury on Monday.")
    assert "Rhodesia" not in ev.actors and "Russia" in ev.actors
    # in its day it does
    (ev,) = _extracted("Rhodesian troops attacked Mozambique on Monday.", date(1977, 3, 9))
    assert set(ev.actors) == {"Rhodesia", "Mozambique"}


def test_briefing_someone_is_an_event_but_a_brief_one_is_not():
    # (a body briefed is told, as the gold sets type it; a person briefed is met)
    (ev,) = _extracted("Boris Johnson will brief parliament on Tuesday.")
    assert ev.type == "STATEMENT" and "Boris Johnson" in ev.actors
    assert ev.value == "2022-01-18"
    (ev,) = _extracted("Boris Johnson briefed Joe Biden on Tuesday.")
    assert ev.type == "CONSULT" and {"Boris Johnson", "Joe Biden"} <= set(ev.actors)
    # the adjective: "a brief visit" is a visit, not a briefing
    evs = _extracted("Vladimir Putin made a brief visit to Minsk on Monday.")
    assert evs and not any("brief" in e.label for e in evs)


def test_a_request_turned_down_names_who_made_it():
    # "the request" told in the sentence before is its asker's: who is turned down
    text = "Chile asked Peru to extradite them on Monday. Bolivia rejected the request that day."
    (rejection,) = [e for e in _extracted(text) if e.type == "REJECT"]
    assert set(rejection.actors) == {"Bolivia", "Chile"}


def test_turning_something_down_is_a_rejection():
    for text in (
        "Bolivia turned down the offer on Monday.",
        "Bolivia turned the proposal down on Monday.",
    ):
        (ev,) = _extracted(text)
        assert ev.type == "REJECT" and "Bolivia" in ev.actors, text


def test_a_phone_call_and_a_meeting_of_one_day_are_two_happenings():
    text = (
        "Joe Biden met Olaf Scholz in Berlin on Monday. "
        "Emmanuel Macron spoke by phone with Biden on Monday."
    )
    consults = [e for e in _extracted(text) if e.type == "CONSULT"]
    assert len(consults) == 2
    assert {frozenset(e.actors) for e in consults} == {
        frozenset({"Joe Biden", "Olaf Scholz"}),
        frozenset({"Emmanuel Macron", "Joe Biden"}),
    }
    # two mentions of one call still merge
    text = "Biden spoke by phone with Macron on Monday. Macron called Biden on Monday."
    assert len([e for e in _extracted(text) if e.type == "CONSULT"]) == 1


def test_an_election_and_what_is_said_of_it_are_two_happenings():
    text = (
        "Chile held a presidential election on Sunday. "
        "Peru said on Sunday that Chile's vote was fair."
    )
    labels = sorted(e.label for e in _extracted(text) if e.type == "STATEMENT")
    assert labels == ["Chile election", "Peru remarks"]


def test_a_swearing_in_and_remarks_of_one_day_are_two_happenings():
    text = (
        "Gustavo Petro was sworn in as president on Sunday. "
        "Petro said on Sunday that peace talks would resume."
    )
    labels = sorted(e.label for e in _extracted(text) if e.type == "STATEMENT")
    assert len(labels) == 2 and any("remarks" in x for x in labels), labels


def test_a_strike_and_the_reply_of_its_target_are_two_happenings():
    # the one struck by the first act does the second: a reply, not the same strike
    text = "Israel struck Gaza on Monday. Hamas fired rockets at Israel on Monday."
    assaults = [e for e in _extracted(text) if e.type == "ASSAULT"]
    assert sorted(e.source for e in assaults) == ["Hamas", "Israel"]


def test_a_decade_dates_no_event():
    # "a war in the 1880s": not dated to a year, not on a timeline (nor is a season)
    assert not _extracted("Chile took Bolivia's coastline in a war in the 1880s.")
    (ev,) = _extracted("Chile took Bolivia's coastline in a war in 1883.")
    assert ev.value == "1883"


def test_naming_someone_to_an_office_is_an_appointment():
    (ev,) = _extracted("Boris Johnson is due to name a new cabinet on Monday.")
    assert ev.type == "STATEMENT" and "appointment" in ev.label
    assert not _extracted("A ship named after the prime minister sank on Monday.")


def test_a_report_before_its_attribution_names_the_statements_parties():
    text = "Alexei Navalny was moved to a prison colony, Russia's prisons said on Monday."
    (ev,) = _extracted(text)
    assert "Alexei Navalny" in ev.actors
    # a report with a date of its own is an event of its own; the telling is the speaker's
    text = "Joe Biden will meet Xi Jinping on Friday in Bali, the White House said on Monday."
    told = [e for e in _extracted(text) if e.value == "2022-01-10"]
    assert told and "Xi Jinping" not in told[0].actors


def test_minutes_later_dates_its_clause_to_the_day_before_it():
    from dashapp.events import _hours_off
    from dashapp.text import sentences

    text = "The count ended on Monday. Minutes later the president conceded."
    mon = _timex(text, "Monday", "2022-01-10", MON, MON)
    mins = Timex(27, 34, "Minutes", "DURATION", "PTXM")
    got = _hours_off(text, [mon, mins], mins, sentences(text))
    assert got is not None and got.value == "2022-01-10"


def test_a_legislatures_debate_is_an_event():
    (ev,) = _extracted("The Bundestag is due to debate the budget bill on Monday.")
    assert ev.type == "CONSULT" and "Germany" in ev.actors


def test_a_clause_with_a_date_of_its_own_keeps_its_actors():
    text = (
        "Boris Johnson is due to meet envoys on Thursday, and officials said Ukraine will "
        "apply to join NATO next month."
    )
    thursday = [e for e in _extracted(text) if e.value == "2022-01-13"]
    assert thursday and "NATO" not in thursday[0].actors and "Ukraine" not in thursday[0].actors


def test_the_move_came_n_days_after_counts_from_the_sentence_before():
    text = (
        "Nauru cut its ties with Taiwan on Monday. The move came two days after Boris "
        "Johnson won the election."
    )
    assert "2022-01-08" in {e.value for e in _extracted(text, date(2022, 1, 12))}
    # a named happening points at its own date, which may be anywhere: no guess
    text = "Ministers meet on Tuesday. The downing came a day after Boris Johnson won the election."
    assert not {e.value for e in _extracted(text)} & {"2022-01-10", "2022-01-17"}


def test_the_person_whose_aide_acts_is_not_a_party():
    text = "Vladimir Putin's spokesman, Dmitry Ostrov, met the envoys on Monday."
    (ev,) = _extracted(text)
    assert "Dmitry Ostrov" in ev.actors and "Vladimir Putin" not in ev.actors


def test_a_name_in_apposition_to_the_object_leaves_the_subject_acting():
    # "<subject> <verb> ... to the <title>, <Name>, <date> <participle>": the name describes
    # the object; the subject before it is a party too
    text = "Biden sent a letter to the Russian president, Vladimir Putin, on Monday urging talks."
    (ev,) = _extracted(text)
    assert {"Joe Biden", "Vladimir Putin"} <= set(ev.actors)


def test_a_name_between_commas_before_the_verb_is_its_subject():
    # "The <title>, <Name>, <verb> <object> <date> for talks with <other>"
    text = (
        "The British foreign secretary, Liz Truss, visited Beijing and Tokyo on Monday for"
        " talks with Sergei Lavrov."
    )
    (ev,) = _extracted(text)
    assert {"Liz Truss", "Sergei Lavrov"} <= set(ev.actors)


def test_a_participle_phrase_after_the_opening_name_leaves_that_name_the_subject():
    # "<Body>, meeting in <place> on <date>, <verb> <object>"
    (ev,) = _extracted(
        "The Arab League, meeting in Cairo on Monday, urged Israel to halt the strikes."
    )
    assert {"Arab League", "Israel"} <= set(ev.actors)
    (ev,) = _extracted(
        "Leaders of the European Union, meeting in Brussels on Monday, condemned the coup."
    )
    assert "EU" in ev.actors


def test_a_name_after_the_title_that_ends_the_window_is_a_party():
    # "<verb> ... with the <state>'s <title>, <Name>": the name after the comma is the title's
    (ev,) = _extracted(
        "Blinken held talks in Doha on Monday with the Qatari prime minister,"
        " Mohammed bin Abdulrahman Al Thani."
    )
    assert {"Antony Blinken", "Mohammed bin Abdulrahman Al Thani"} <= set(ev.actors)


def test_a_few_hours_later_dates_its_clause_to_the_day_before_it():
    # the tagger keeps "A few hours later" vague; news counts hours within the day
    text = (
        "Rebels stormed the capital on Monday. A few hours later the army announced that"
        " Vladimir Putin had called Joe Biden."
    )
    days = {ev.value for ev in _extracted(text)}
    assert days == {"2022-01-10"}


def test_a_crowd_counted_by_its_number_is_of_the_state_where_it_gathers():
    # "<N> people marched" with no body named: the crowd's happening is the home state's
    text = (
        "President Lukashenko declared martial law in Minsk on Friday, two days after more"
        " than a million people marched through the city."
    )
    days = {(ev.value, ev.type): ev.actors for ev in _extracted(text)}
    assert days[("2022-01-05", "PROTEST")] == ("Belarus",)


def test_the_measures_came_n_days_after_counts_back_from_the_date_before():
    # "The measures came two days after <clause>": the clause happened two days before the
    # measures, dated a few sentences back with no other date between
    text = (
        "The EU froze the assets of ten officials on Monday. Officials gave no reason.\n"
        "The measures came two days after Belarus expelled the Lithuanian ambassador."
    )
    evs = {ev.value: ev for ev in _extracted(text)}
    assert "Belarus" in evs["2022-01-08"].actors
    assert evs["2022-01-08"].type == "SANCTION"


def test_an_owner_after_the_offset_is_no_happening_of_its_own():
    # "a day after the <body>'s <official> <verb>": the clause after the offset happened
    # the day before; "the alliance" dated elsewhere is not what it counts from
    text = (
        "NATO jets struck Serbian positions on Wednesday evening, a day after the alliance's"
        " secretary general accused Belgrade of massacres. Russia recalled its envoy to the"
        " alliance on Friday."
    )
    days = {ev.value: ev.type for ev in _extracted(text, date(2022, 1, 15))}
    assert days.get("2022-01-11") == "ACCUSE"
    text = (
        "Belarus closed its border with Poland on Monday, a day after the Polish"
        " government's spokesman accused Minsk of staging the crisis."
    )
    days = {ev.value: ev.type for ev in _extracted(text)}
    assert days.get("2022-01-09") == "ACCUSE"


def test_military_flights_need_a_zone_or_airspace():
    assert not [
        e
        for e in _extracted("Biden flew over the flooded towns on Monday.")
        if e.type == "MOBILIZE"
    ]


def test_a_name_in_apposition_in_a_whose_clause_acts_for_the_clauses_owner():
    # "whose president, Robert Sobukwe," does not close the clause: he announced it, for
    # the body the clause hangs on
    (ev,) = _extracted(
        "Protesters answered a call by the Pan Africanist Congress (PAC), whose president, "
        "Robert Sobukwe, announced the campaign on March 18.",
        date(1960, 3, 22),
    )
    assert {"PAC", "Robert Sobukwe"} <= set(ev.actors)


def test_the_name_between_commas_before_a_verb_and_its_list_is_the_subject():
    (ev,) = _extracted(
        "The Soviet leader, Mikhail Gorbachev, sent messages to Helmut Kohl, President "
        "George H. W. Bush, Prime Minister Margaret Thatcher and President Francois "
        "Mitterrand on Friday, urging them to stay calm.",
        date(1989, 11, 11),
    )
    assert "Mikhail Gorbachev" in ev.actors and "Margaret Thatcher" in ev.actors


def test_due_in_a_month_is_no_arrival():
    assert _monday("Russia's report is due in March.", expr="March") == []


def test_an_and_clause_with_its_own_subject_and_later_date_is_not_the_first_acts():
    # "X did A on Friday, and Y did B on Sunday": Y acts on Sunday, not on Friday
    evs = _extracted(
        "Iraq had announced a ban on Friday, and Kuwait, Bahrain and Qatar joined the "
        "embargo on Sunday.",
        date(1973, 10, 23),
    )
    (friday,) = [e for e in evs if e.value == "1973-10-19"]
    assert set(friday.actors) == {"Iraq"}
    (sunday,) = [e for e in evs if e.value == "1973-10-21"]
    assert {"Kuwait", "Bahrain", "Qatar"} <= set(sunday.actors)


@pytest.mark.parametrize(
    ("text", "when", "body", "kept"),
    [
        # a state's body addressed or appealed to is no party; its state stays
        (
            "South Korea's defence minister, Kim Tae-young, told lawmakers on Monday that "
            "the rules would change.",
            date(2010, 11, 29),
            "National Assembly of South Korea",
            False,
        ),
        (
            "Armenia's opposition gathered in Yerevan. Nikol Pashinyan asked the Supreme "
            "Court on Monday to annul the result.",
            date(2010, 11, 29),
            "Supreme Court of Armenia",
            False,
        ),
        # ... but a body that acts, even after the verb, is one
        (
            "Armenia's parliament met in Yerevan. Nikol Pashinyan was elected prime minister "
            "by parliament on Tuesday.",
            date(2010, 11, 29),
            "National Assembly of Armenia",
            True,
        ),
    ],
)
def test_a_state_body_addressed_after_the_act_is_not_a_party(
    text: str, when: date, body: str, kept: bool
) -> None:
    evs = [e for e in _extracted(text, when) if e.value != "2010-11"]
    assert evs
    assert all((body in e.actors) == kept for e in evs)
    assert all(any(a in e.actors for a in ("South Korea", "Armenia")) for e in evs)


def test_the_stretch_of_a_later_date_keeps_its_actors_when_the_first_names_none_before():
    # "X resigned tonight, a day after he announced that the army had removed Y": Y is the
    # day before's, not the resignation's
    evs = _extracted(
        "Sudan's defence minister, Awad Ibn Auf, resigned as head of the new council "
        "tonight, a day after he announced that the army had removed President Omar "
        "al-Bashir.",
        date(2019, 4, 12),
    )
    (tonight,) = [e for e in evs if e.value == "2019-04-12"]
    assert "Awad Ibn Auf" in tonight.actors and "Omar al-Bashir" not in tonight.actors


@pytest.mark.parametrize("dash", [" - ", " (AP) \u2014 ", ": ", "  "])  # "  ": scraped
def test_a_datelines_state_is_where_the_story_was_filed_not_a_party(dash):
    text = (
        f"GENEVA, Switzerland{dash}Iran and the IAEA agreed on Tuesday to resume inspections.\n"
        "The deal was welcomed in Tehran."
    )
    (ev,) = [e for e in _extracted(text) if e.type == "AGREE"]
    assert {"Iran", "IAEA"} <= set(ev.actors) and "Switzerland" not in ev.actors


def test_a_datelines_state_stays_when_the_sentence_names_nobody_else():
    # (named again in the body, the dateline's state is still no party of the first
    # sentence's act: round r60s; written 2026-11-29 as "stays when the story is its own")
    text = (
        "KYIV, Ukraine - Poland and Lithuania signed a grain deal on Tuesday.\n"
        "Ukraine's farmers had asked for it for months."
    )
    (ev,) = [e for e in _extracted(text) if e.type == "AGREE"]
    assert "Ukraine" not in ev.actors
    # a first sentence that names nobody else keeps it as its only actor
    text = "MANILA, Philippines - Soldiers fired on protesters on Tuesday."
    (ev,) = _extracted(text)
    assert ev.actors == ("Philippines",)


def test_a_state_a_movement_starts_from_is_no_party():
    text = "Commandos sent from Jordan attacked a rebel camp in Syria on Tuesday."
    (ev,) = _extracted(text)
    assert "Jordan" not in ev.actors and "Syria" in ev.actors
    text = "The cargo plane, flying from Norway, was seized by Iran on Tuesday."
    (ev,) = _extracted(text)
    assert "Norway" not in ev.actors and "Iran" in ev.actors


def test_people_inside_a_report_are_its_topic_not_its_speakers_partners():
    text = (
        "Foreign Minister Annalena Baerbock said on Tuesday that Germany would press "
        "Xi Jinping on the issue."
    )
    (ev,) = [e for e in _extracted(text) if e.type == "STATEMENT"]
    assert "Annalena Baerbock" in ev.actors and "Xi Jinping" not in ev.actors
    assert "Germany" in ev.actors  # a state of the report stays
    # the person who opens the reported clause is its subject, whose act it reports; after
    # a pronoun subject ("that he had told ...") a name is an object
    text = "Chancellor Olaf Scholz said on Tuesday that Emmanuel Macron shared his view."
    (ev,) = [e for e in _extracted(text) if e.type == "STATEMENT"]
    assert "Emmanuel Macron" in ev.actors
    text = "Chancellor Olaf Scholz said on Tuesday that he had told Emmanuel Macron of his view."
    (ev,) = [e for e in _extracted(text) if e.type == "STATEMENT"]
    assert "Emmanuel Macron" not in ev.actors


def test_a_place_acted_on_stands_for_its_state():
    # resources/events/places.tsv: towns and regions fought over are their state's
    text = "Russian aircraft bombed the town of Gori on Saturday."
    (ev,) = _extracted(text, date(2008, 8, 11))
    assert set(ev.actors) == {"Russia", "Georgia"}
    text = "North Korean guns shelled Yeonpyeong island on Tuesday."
    (ev,) = _extracted(text, date(2010, 11, 24))
    assert "South Korea" in ev.actors
    # a state's own town is no other party ("police opened fire in Lahore": Pakistan's)
    text = "Pakistani police opened fire on protesters in Lahore on Tuesday."
    (ev,) = _extracted(text, date(2010, 11, 24))
    assert ev.actors == ("Pakistan",)


def test_who_asked_for_a_bodys_meeting_takes_part():
    text = "The UN Security Council met on Friday at Russia's request."
    (ev,) = _extracted(text)
    assert set(ev.actors) == {"UN", "Russia"}
    text = "At Russia's request, the UN Security Council held an emergency session on Friday."
    (ev,) = _extracted(text)
    assert set(ev.actors) == {"UN", "Russia"}
    # a state's possessive that names a place stays a venue
    text = "The UN Security Council met on Friday in Russia's capital."
    (ev,) = _extracted(text)
    assert ev.actors == ("UN",)


def test_a_national_security_council_is_not_the_uns():
    text = "President Gerald Ford met his National Security Council on Tuesday."
    (ev,) = _extracted(text, date(1975, 5, 14))
    assert "UN" not in ev.actors and "Gerald Ford" in ev.actors


def test_the_name_before_a_relative_clause_or_bare_title_is_the_subject():
    text = (
        "South African President Jacob Zuma, who chairs the regional bloc SADC, sent two "
        "ministers to Harare on Thursday to meet Robert Mugabe."
    )
    (ev,) = _extracted(text, date(2017, 11, 18))
    assert "Jacob Zuma" in ev.actors
    text = (
        "Senator Bob Menendez, chairman of the Senate Foreign Relations Committee, on Monday "
        "called for a freeze on arms sales to Saudi Arabia."
    )
    (ev,) = _extracted(text, date(2022, 10, 12))
    assert "Bob Menendez" in ev.actors
    text = (
        "Deng Xiaoping, China's senior vice-premier, told President Jimmy Carter on Monday "
        "that Vietnam would be punished."
    )
    (ev,) = _extracted(text, date(1979, 2, 20))
    assert "Deng Xiaoping" in ev.actors


def test_a_person_whose_aide_or_rival_is_meant_is_not_a_party():
    # the aide named before the possessive, or not named, after what he does
    text = (
        "Yuri Ushakov, Putin's foreign policy adviser, said on Wednesday that Moscow was "
        "disappointed."
    )
    (ev,) = [e for e in _extracted(text, date(2013, 8, 8)) if e.type == "STATEMENT"]
    assert "Yuri Ushakov" in ev.actors and "Vladimir Putin" not in ev.actors
    text = "Former prime minister Khaleda Zia, Hasina's bitter rival, was freed on Tuesday."
    (ev,) = _extracted(text, date(2024, 8, 7))
    assert "Khaleda Zia" in ev.actors and "Sheikh Hasina" not in ev.actors
    # the person himself still acts
    text = "Putin's visit to Beijing on Tuesday ended with a joint statement."
    assert any("Vladimir Putin" in e.actors for e in _extracted(text, date(2024, 5, 17)))


def test_what_follows_and_a_verb_before_the_next_date_is_that_dates():
    text = (
        "President Mohammed Shahabuddin dissolved parliament on Tuesday and named Muhammad "
        "Yunus to head an interim government, a day after Sheikh Hasina resigned."
    )
    (ev,) = [e for e in _extracted(text, date(2024, 8, 7)) if e.value == "2024-08-06"]
    assert "Mohammed Shahabuddin" in ev.actors and "Muhammad Yunus" not in ev.actors


def test_a_person_going_home_ends_a_journey_and_a_group_going_home_withdraws():
    text = (
        "President Joe Biden held talks with Chancellor Olaf Scholz in Berlin on Thursday. "
        "Biden flies home on Friday."
    )
    (ev,) = [e for e in _extracted(text, date(2022, 10, 12)) if e.value == "2022-10-14"]
    assert ev.type == "CONSULT" and ev.label == "Biden returns home"
    assert "withdraws" not in ev.label
    # diplomats, staff or troops who go home still withdraw from where they were
    text = "Dutch diplomats and their families flew home from Caracas on Sunday."
    (ev,) = _extracted(text, date(2024, 4, 9))
    assert ev.type == "RETREAT" and "withdraws" in ev.label
    assert {"Netherlands", "Venezuela"} <= set(ev.actors)


def test_a_return_home_does_not_merge_with_the_days_call_of_the_same_person():
    text = (
        "Prime Minister Narendra Modi flew back to New Delhi on Tuesday evening, and "
        "President Emmanuel Macron telephoned Modi on Tuesday to thank him for the visit."
    )
    evs = [e for e in _extracted(text, date(2023, 7, 19)) if e.value == "2023-07-18"]
    assert any(e.label == "Modi returns home" for e in evs)
    assert any("phone call" in e.label for e in evs)


def test_two_acts_on_two_dates_joined_by_and_keep_their_own_people():
    text = (
        "Vladimir Putin met Xi Jinping in Beijing on Tuesday and travelled to Pyongyang on "
        "Wednesday for talks with Kim Jong Un."
    )
    evs = {e.value: e for e in _extracted(text, date(2024, 6, 20))}
    tue, wed = evs["2024-06-18"], evs["2024-06-19"]
    assert {"Vladimir Putin", "Xi Jinping"} <= set(tue.actors)
    assert "Kim Jong Un" not in tue.actors and "meeting" in tue.label
    assert {"Vladimir Putin", "Kim Jong Un"} <= set(wed.actors)
    assert "Xi Jinping" not in wed.actors and "Beijing" not in wed.label
    # ... also when the verb after "and" is the later date's trigger itself
    text = "Antony Blinken met Wang Yi in Beijing on Monday and flew to Tokyo on Tuesday."
    evs = {e.value: e for e in _extracted(text, date(2023, 7, 20))}
    assert "Wang Yi" in evs["2023-07-17"].actors
    assert "Antony Blinken" in evs["2023-07-18"].actors
    assert "Wang Yi" not in evs["2023-07-18"].actors
    # ... but not after a date that opens its own happening ("three years after he ...")
    text = (
        "Police arrested Charles Taylor in March 2006, three years after he gave up the "
        "Liberian presidency and went into exile in Nigeria in August 2003."
    )
    evs = {e.value: e for e in _extracted(text, date(2012, 5, 31))}
    assert "Charles Taylor" in evs["2003-08"].actors
    # a repeated act ("and again on ...") is no new verb: the same people both days
    text = "Joe Biden spoke with Vladimir Putin on Monday and again on Tuesday."
    evs = {e.value: e for e in _extracted(text, date(2022, 2, 16))}
    assert "Vladimir Putin" in evs["2022-02-15"].actors


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # a name given to a deed is no phone call: a charge condemns, praise is a statement
        ("Prime Minister Rishi Sunak called the raid an act of piracy on Monday.", "ACCUSE"),
        ("Chancellor Olaf Scholz called the vote 'a sham' on Monday.", "ACCUSE"),
        (
            "President Emmanuel Macron called the result a victory for democracy on Monday.",
            "STATEMENT",
        ),
        # the calls stay calls
        (
            "President Emmanuel Macron called Olaf Scholz on Monday to discuss the crisis.",
            "CONSULT",
        ),
        ("President Emmanuel Macron called Olaf Scholz the next day.", "CONSULT"),
    ],
)
def test_calling_a_deed_a_name_is_no_phone_call(text, type_):
    evs = _extracted(text, date(2023, 3, 8))
    assert [e.type for e in evs] == [type_]


def test_a_happening_told_in_a_relative_clause_on_a_person_is_that_persons():
    # the main clause's people take no part in what the clause on its object tells
    text = (
        "Chancellor Olaf Scholz on Tuesday ordered an inquiry into the death of Alexei "
        "Navalny, the opposition leader who died in an Arctic prison on Friday."
    )
    (ev,) = [e for e in _extracted(text, date(2024, 2, 21)) if e.value == "2024-02-16"]
    assert "Alexei Navalny" in ev.actors and "Olaf Scholz" not in ev.actors
    # ... nor those of the main clause after it
    text = (
        "President Joe Biden, who spoke to Olaf Scholz by telephone on Monday, praised "
        "Emmanuel Macron's courage."
    )
    (ev,) = _extracted(text, date(2024, 2, 21))
    assert {"Joe Biden", "Olaf Scholz"} <= set(ev.actors)
    assert "Emmanuel Macron" not in ev.actors


def test_a_state_body_in_a_persons_title_is_no_party():
    # "CIA Director": the director speaks for his state, as a State Department spokesman does
    text = "CIA Director William Burns held talks with Qatari officials in Doha on Tuesday."
    (ev,) = _extracted(text, date(2023, 11, 29))
    assert "William Burns" in ev.actors and "CIA" not in ev.actors
    text = "European Commission President Ursula von der Leyen proposed the ban on Wednesday."
    (ev,) = _extracted(text, date(2022, 5, 6))
    assert "European Commission" not in ev.actors and "EU" in ev.actors
    # an international body's official still speaks for the body
    text = "NATO Secretary General Jens Stoltenberg said on Thursday that the alliance was ready."
    (ev,) = _extracted(text, date(2023, 7, 8))
    assert {"Jens Stoltenberg", "NATO"} <= set(ev.actors)


def test_scraped_possessives_are_no_places_or_objects():
    # a scraped copy loses apostrophes: "at Washingtons request" is Washington's request,
    # not a place called "Washingtons"; "struck Gbagbos heavy weapons" hits Gbagbo's
    text = "The UN Security Council will meet on Wednesday at Washingtons request."
    (ev,) = _extracted(text, date(2017, 7, 4))
    assert "Washingtons" not in ev.label and ev.value == "2017-07-05", ev.label
    text = "Laurent Gbagbo refused to leave. UN helicopters struck Gbagbos heavy weapons on Monday."
    (ev,) = _extracted(text, date(2011, 4, 6))
    assert ev.type == "ASSAULT" and ev.label.endswith(" on Gbagbo"), ev.label
    # a name that ends in "s" stays whole ("Athens airport"), and so does a place before a
    # function word
    text = "Rebels seized Athens airport on Monday."
    (ev,) = _extracted(text, date(2011, 4, 6))
    assert "Athens" in ev.label, ev.label
    # a weekday with a lost apostrophe is no place: "than expected in Tuesdays elections"
    text = "Joe Bidens Democrats fared better than expected in Tuesdays midterm elections."
    (ev,) = _extracted(text, date(2022, 11, 10))
    assert ev.type == "STATEMENT" and "Tuesdays" not in ev.label, ev.label


# ------------------------------------------------ merge_all's index never hides a match


def _merge_all_naive(events: list[Event]) -> list[Event]:
    """merge_all as specified: each event joins the first earlier one it is the same
    happening as (every earlier event compared)."""
    merged: list[Event] = []
    for ev in events:
        for i, kept in enumerate(merged):
            if same_happening(kept, ev):
                merged[i] = merge(kept, ev)
                break
        else:
            merged.append(ev)
    return sorted(merged, key=lambda e: (e.start, e.end, e.label))


# days on both sides of the index's 16-day buckets (1970-01-01 is day 0), before 1970,
# and a day apart across a year's end
_MERGE_DAYS = [date(2022, 3, d) for d in (4, 5, 6, 20)] + [
    date(1969, 12, 31),
    date(1970, 1, 1),
    date(1965, 8, 1),
    date(2021, 12, 31),
    date(2022, 1, 1),
]


@st.composite
def _merge_events(draw) -> list[Event]:
    out = []
    for n in range(draw(st.integers(1, 12))):
        day = draw(st.sampled_from(_MERGE_DAYS))
        span = draw(st.sampled_from([0, 0, 1, 20, 400]))  # 400 days: past the long limit
        end = day + timedelta(days=span)
        value = day.isoformat() if not span else f"{day.isoformat()}/{end.isoformat()}"
        granularity = "day" if not span else "range"
        # or the month or year that holds the day (told more coarsely: events.finer_of)
        coarse = draw(st.sampled_from([0, 0, 0, 7, 4]))
        if coarse:
            value = day.isoformat()[:coarse]
            day, end, granularity = interval(value)  # type: ignore[assignment]
        # alternatives: other events' dates, and sometimes the event's own value
        others = draw(
            st.lists(
                st.sampled_from(["2022-03-05", "2021-12-31", "1965-08-01", "2022", value]),
                max_size=2,
                unique=True,
            )
        )
        actors = tuple(draw(st.lists(st.sampled_from(["Russia", "NATO", "Xi"]), max_size=2)))
        article = draw(st.sampled_from(["a1", "a2", "a3"]))
        m = Mention(article, "x", n, n + 1, "DATE", value, "s", "e")
        out.append(
            Event(
                f"e{n}",
                draw(st.sampled_from(["talks", "strike"])),
                draw(st.sampled_from(["CONSULT", "ASSAULT"])),
                "neutral",
                day,
                end,
                value,
                granularity,
                tuple(dict.fromkeys(actors)),
                (m,),
                source=draw(st.sampled_from([None, *actors])),
                other_dates=tuple(others),
            )
        )
    return out


@pytest.mark.parametrize("index_from", [0, 4, 32])
@settings(max_examples=200, deadline=None)
@given(evs=_merge_events())
def test_merge_all_equals_comparing_every_earlier_event(index_from: int, evs: list[Event]):
    """With its index from the first event, from the fifth, or (lists this short) never."""
    import dashapp.events as events_module

    before = events_module.MERGE_INDEX_FROM
    events_module.MERGE_INDEX_FROM = index_from
    try:
        assert merge_all(evs) == _merge_all_naive(evs)
    finally:
        events_module.MERGE_INDEX_FROM = before


def test_month_abbreviation_is_no_object_of_the_label():
    """ "attack on Nov. 3" names a date, not what was attacked: the label keeps no object."""
    text = "Russia launched an attack on Nov. 3 from the east."
    events = article_events(
        _article(text),
        [_timex(text, "Nov. 3", "2021-11-03", date(2021, 11, 3), date(2021, 11, 3))],
        _actors(text),
    )
    assert [e.label for e in events] == ["Russia attack"]


def test_second_dated_act_after_and_keeps_the_shared_subject():
    """ "X met A on Monday and is due to meet B on Friday": the Friday meeting is X's and B's
    (the subject the two acts share), not A's."""
    text = "Biden met Putin in Geneva on Monday and is due to meet Scholz on Friday."
    by_day = {e.value: set(e.actors) for e in _extracted(text)}
    assert "Joe Biden" in by_day["2022-01-14"] and "Olaf Scholz" in by_day["2022-01-14"]
    assert "Vladimir Putin" not in by_day["2022-01-14"]
    assert {"Joe Biden", "Vladimir Putin"} <= by_day["2022-01-10"]


@pytest.mark.parametrize(
    "text",
    [
        "Rebel commander Ali Musa and SPLM leader Malik Agar signed a pact on Monday.",
        "SPLM leader Malik Agar and President Salva Kiir signed a deal on Monday.",
    ],
)
def test_a_body_a_signatory_belongs_to_is_listed_once(text: str) -> None:
    (ev,) = _extracted(text, date(2011, 7, 6))
    assert list(ev.actors).count("Sudan People's Liberation Movement") == 1, ev.actors


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # a passive: its subject is acted on; the agent after "by", if named, acts
        (
            # (round 56f: a finite passive; a bare participle, "Yanukovych, backed by
            # Moscow," describes him and is no dated act of support)
            "Viktor Yanukovych was backed by Moscow on Sunday.",
            "Russia",
            "Viktor Yanukovych",
        ),
        (
            "A Nigerian village was attacked by Boko Haram fighters on Monday.",
            "Boko Haram",
            "Nigeria",
        ),
        (
            "Alexei Navalny was detained by Russian police at a Moscow airport on Sunday.",
            "Russia",
            "Alexei Navalny",
        ),
        ("Alexei Navalny was detained at a Moscow airport on Sunday.", None, "Alexei Navalny"),
        ("Jovenel Moise was shot dead at his home on Wednesday.", None, "Jovenel Moïse"),
        # a subject that names nobody: who is named after the verb is acted on
        ("Separatist militias seized three Ukrainian checkpoints on Tuesday.", None, "Ukraine"),
        (
            "Armed men attacked a police station in Pakistan's Baluchistan province on Saturday.",
            None,
            "Pakistan",
        ),
        ("The army detained President Alpha Conde on Sunday.", None, "Alpha Condé"),
        ("Soldiers on Sunday detained President Alpha Conde.", None, "Alpha Condé"),
        (
            "Donor countries pledged $5 billion for Sudan's reconstruction on Thursday.",
            None,
            "Sudan",
        ),
        # a "pro-" group is not the state it favours
        ("Pro-Iranian militias attacked a US base in Syria on Monday.", None, "United States"),
        # near misses: a named subject acts, as before
        (
            "Iran attacked a police station in Pakistan's Baluchistan province on Saturday.",
            "Iran",
            "Pakistan",
        ),
        ("Japan pledged $5 billion for Sudan's reconstruction on Thursday.", "Japan", "Sudan"),
        ("The Taliban killed three soldiers in Helmand on Monday.", "Taliban", "Afghanistan"),
        ("Putin spoke by phone with Macron on Monday.", "Vladimir Putin", "Emmanuel Macron"),
    ],
)
def test_who_acts_and_who_is_acted_on(text: str, source: str | None, target: str | None):
    """Passives, "by" agents, unnamed subjects and "pro-" groups: the first name in the
    sentence is not always who acts. The actors stay the same; only the roles change."""
    (ev,) = _extracted(text, date(2022, 3, 30))
    assert (ev.source, ev.target) == (source, target)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Alexei Navalny was detained at a Moscow airport on Sunday.", "Navalny detained"),
        ("Alexei Navalny was detained by Russian police on Sunday.", "Russia detains Navalny"),
        ("Alexei Navalny was detained by police on Sunday.", "Police detain Navalny"),
        ("A Nigerian village was attacked by gunmen on Monday.", "Gunmen attack on Nigeria"),
        (
            "Separatist militias seized three Ukrainian checkpoints on Tuesday.",
            "Separatist militias seize Ukraine",
        ),
        (
            "Armed men attacked a police station in Pakistan's Baluchistan province on Saturday.",
            "Armed men attack on Pakistan",
        ),
        # near miss: a named subject names the label
        (
            "Iran attacked a police station in Pakistan's Baluchistan province on Saturday.",
            "Iran attack on Pakistan",
        ),
    ],
)
def test_label_of_an_act_whose_doer_is_unnamed(text: str, label: str):
    """A passive with no agent is labelled as one ("Navalny detained"); an unnamed doer
    ("by gunmen", "Separatist militias") stands in the source's place, the verb agreeing;
    a subject that acts on a person is his state, as wire editors label it."""
    (ev,) = _extracted(text, date(2022, 3, 30))
    assert ev.label == label


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # the agent of an appositive describes the subject, who acts
        ("Lukashenko, backed by Moscow, crushed the protests on Sunday.", "Alexander Lukashenko"),
        ("The rebels, backed by Rwanda, took the town on Sunday.", None),
        # a body set up by someone acts, not its founder; a leader acts with those he leads
        (
            "A commission set up by the Kenyan government said on Monday that police had "
            "used excessive force.",
            None,
        ),
        (
            "Army officers led by Abd al-Karim Qasim overthrew the monarchy in Baghdad on Monday.",
            "Abd al-Karim Qasim",
        ),
        # a place after a preposition does not act: "outside the embassy", "into Thailand"
        ("Protesters gathered outside the Japanese embassy in Seoul on Wednesday.", None),
        ("Air strikes on Karen villages on Sunday sent 3,000 people fleeing into Thailand.", None),
        # near miss: the state that protests, named as the subject
        ("Japan protested to China on Wednesday.", "Japan"),
    ],
)
def test_agents_and_places_that_do_not_act(text: str, source: str | None):
    events = _extracted(text, date(2022, 3, 30))
    assert events and events[0].source == source


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # a noun that restates the sentence's verb takes the verb's roles
        (
            "US and British jets bombed Iraqi radar sites near Baghdad on Friday, the first "
            "strikes there in two years.",
            "United States",
            "Iraq",
        ),
        # near miss: a passive verb before the noun is no act of its subject
        ("Two Turkish soldiers were killed in a Syrian air strike on Thursday.", "Syria", None),
    ],
)
def test_a_noun_restating_the_verb_takes_its_roles(text, source, target):
    (ev,) = _extracted(text, date(2022, 3, 30))
    assert (ev.source, ev.target) == (source, target)


def test_an_agent_after_by_is_named_in_the_label_not_the_victims_state():
    """ "indicted by a grand jury": the label names the jury, not the indicted man's own
    state; an unnamed subject that acts on a person is his state ("Soldiers detained
    Bazoum": Niger detains Bazoum)."""
    (ev,) = _extracted("Alexei Navalny was detained by riot police on Sunday.", date(2022, 3, 30))
    assert ev.label == "Riot police detain Navalny"


@pytest.mark.parametrize(
    ("text", "source", "target", "label"),
    [
        # a relative clause whose antecedent names nobody: the accused state does not act
        (
            "Mali accused Algeria of sheltering rebels who attacked an army base in Kidal on "
            "Sunday.",
            None,
            "Mali",
            "Rebels attack on Mali",
        ),
        (
            "Kenya accused Somalia of hiding gunmen who had attacked a hotel in Nairobi on Sunday.",
            None,
            "Kenya",
            "Gunmen attack on Kenya",
        ),
        # an attack near a place hits the place's state, which does not strike itself
        ("The last strike near the Syrian capital took place on Sunday.", None, "Syria", None),
        # a state acted on in a passive, with a verb label: what was done to it
        ("The Russian diplomat was detained on Friday.", None, "Russia", "Russia detained"),
        # near miss: an active verb with a named subject
        (
            "Russia expelled two Polish diplomats on Friday.",
            "Russia",
            "Poland",
            "Russia expels Polish diplomats",
        ),
    ],
)
def test_relative_subjects_places_hit_and_states_acted_on(text, source, target, label):
    (ev,) = _extracted(text, date(2022, 3, 30))
    assert (ev.source, ev.target) == (source, target)
    if label is not None:
        assert ev.label == label


@pytest.mark.parametrize(
    "text",
    [
        # the owner of "its" opens the sentence before; a relative clause (with a number's
        # comma in it) and a place after "from" are not the owner
        "Thailand, where about 90,000 Myanmar refugees already live, said it would take no "
        "more. Its soldiers turned back about 200 people on Friday.",
        "Thailand said it would take no more refugees from Myanmar. Its soldiers turned back "
        "about 200 people on Friday.",
    ],
)
def test_its_owner_is_the_state_that_speaks_before(text):
    (ev,) = _extracted(text, date(2022, 3, 30))
    assert ev.source == "Thailand" and "Myanmar" not in ev.actors


def test_a_state_detains_its_own_leader():
    """ "Sudan's army detained Bashir": the leader is acted on, though of the same state;
    with no state named, the army names nobody and the leader is still acted on."""
    for text, source in [
        ("Sudan's army seized power on Thursday and detained President Omar al-Bashir.", "Sudan"),
        ("The army seized power on Thursday and detained President Omar al-Bashir.", None),
    ]:
        (ev,) = _extracted(text, date(2022, 3, 30))
        assert (ev.source, ev.target) == (source, "Omar al-Bashir")


@pytest.mark.parametrize(
    ("text", "value", "start", "end", "approximate"),
    [
        # early/mid/late: the part of the unit, approximately; the value stays the unit's
        (
            "Germany and France will hold talks in mid-October.",
            "2022-10",
            date(2022, 10, 11),
            date(2022, 10, 20),
            True,
        ),
        (
            "Japan pledged emergency aid to Nepal late last week.",
            "2022-W01",
            date(2022, 1, 6),
            date(2022, 1, 9),
            True,
        ),
        (
            "Russia expelled ten Polish diplomats in early December.",
            "2021-12",
            date(2021, 12, 1),
            date(2021, 12, 10),
            True,
        ),
        (
            "Turkey shelled Kurdish positions in Syria late last year.",
            "2021",
            date(2021, 9, 1),
            date(2021, 12, 31),
            True,
        ),
        # "earlier this month": the days of the month before the reference date, exactly
        (
            "Russia expelled ten Polish diplomats earlier this month.",
            "2022-01",
            date(2022, 1, 1),
            date(2022, 1, 11),
            False,
        ),
        # near misses: the whole month, and a day with "early" (its date is exact)
        (
            "Russia expelled ten Polish diplomats in December.",
            "2021-12",
            date(2021, 12, 1),
            date(2021, 12, 31),
            False,
        ),
        (
            "Russia expelled ten Polish diplomats early on Monday.",
            "2022-01-10",
            date(2022, 1, 10),
            date(2022, 1, 10),
            False,
        ),
    ],
)
def test_part_of_a_unit_dates_the_event(text, value, start, end, approximate):
    (ev,) = _extracted(text)
    assert (ev.value, ev.start, ev.end, ev.approximate) == (value, start, end, approximate)


def test_a_month_and_its_middle_are_one_happening():
    """ "in October" in one report and "in mid-October" in another: the same value, so the
    same happening; the merged event keeps one reading's days."""
    from dashapp.actors import Gazetteer
    from dashapp.pipeline import extract_article

    gaz = Gazetteer.load()
    (x,) = extract_article(
        Article(
            "q1",
            "t",
            date(2022, 9, 1),
            "https://example.org/q1",
            "Germany and France will hold talks in October.",
        ),
        gazetteer=gaz,
    )[1]
    (y,) = extract_article(
        Article(
            "q2",
            "t",
            date(2022, 9, 2),
            "https://example.org/q2",
            "Germany and France will hold talks in mid-October.",
        ),
        gazetteer=gaz,
    )[1]
    assert x.value == y.value == "2022-10"
    assert (x.start, y.start, y.end) == (date(2022, 10, 1), date(2022, 10, 11), date(2022, 10, 20))
    assert same_happening(x, y) and same_happening(y, x)
    (merged,) = merge_all([x, y])
    assert merged.articles == 2 and not merged.approximate


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a happening that opened on one day and runs on to a later one: one span
        (
            "Talks between Iran and the European Union opened on Wednesday and are due to run"
            " until Friday.",
            "2022-01-12/2022-01-14",
        ),
        (
            "The NATO summit began on Monday and will last through Thursday.",
            "2022-01-10/2022-01-13",
        ),
        (
            "Israel and Egypt began joint naval drills on Monday and continued them until"
            " Wednesday.",
            None,
        ),
        # near misses: two happenings on two days; a state that lasts until a day
        (
            "Talks between Iran and the European Union opened on Monday and ended on Wednesday.",
            "2022-01-10",
        ),
        ("Israel and Hamas agreed a truce on Wednesday that will hold until Friday.", "2022-01-12"),
    ],
)
def test_a_happening_running_on_to_a_later_day_is_one_span(text, value):
    values = [e.value for e in _extracted(text)]
    if value is None:  # "continued them until": an object between, no span
        assert all("/" not in v for v in values)
    else:
        assert value in values


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # the verb over the verb over the noun names the act: calls for talks rejected
        ("Kenya rejected calls for talks with Somalia on Monday.", "REJECT"),
        ("President William Ruto dismissed demands for talks with Somalia on Monday.", "REJECT"),
        # near miss: a verb (not a noun) under the top verb keeps its own act
        ("Kenya's ministers meeting in Nairobi condemned the raid on Monday.", "ACCUSE"),
    ],
)
def test_a_verb_over_a_request_for_talks_names_the_act(text, type_):
    evs = _extracted(text, date(2023, 3, 8))
    assert [e.type for e in evs] == [type_]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # a measure or a detention undone is lifted, not imposed
        ("Ecuador's government said it would lift the curfew on Friday.", "CONCEDE"),
        ("A Kenyan appeals court on Monday suspended the house arrest of Raila Odinga.", "CONCEDE"),
        ("Ecuador revoked its state of emergency on Monday.", "CONCEDE"),
        ("The European Union eased sanctions against Belarus on Monday.", "CONCEDE"),
        # near misses: imposed, or not lifted
        ("Ecuador imposed a curfew on Monday.", "COERCE"),
        ("Police in Kenya arrested Raila Odinga on Monday.", "COERCE"),
    ],
)
def test_a_measure_lifted_or_suspended_is_a_concession(text, type_):
    evs = _extracted(text, date(2023, 3, 8))
    assert [e.type for e in evs] == [type_]


def test_a_measure_that_cannot_be_lifted_is_not_lifted():
    text = "Ecuador cannot lift the curfew on Friday, the minister said."
    assert "CONCEDE" not in {e.type for e in _extracted(text, date(2023, 3, 8))}


def test_a_ruling_party_or_an_appeals_court_is_no_ruling_or_appeal():
    text = "Ethiopia's ruling party met the opposition on Monday."
    assert [e.type for e in _extracted(text, date(2023, 3, 8))] == ["CONSULT"]
    text = "A Kenyan appeals court freed Raila Odinga on Monday."
    assert [e.type for e in _extracted(text, date(2023, 3, 8))] == ["CONCEDE"]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # sanctions weighed are not imposed: a threat, or the meeting that weighs them
        ("Antony Blinken said on Monday that Washington would consider new sanctions.", "THREATEN"),
        (
            "Britain circulated a draft resolution for new U.N. sanctions on Iran on Monday.",
            "THREATEN",
        ),
        ("Japan said on Monday that it would weigh fresh sanctions on North Korea.", "THREATEN"),
        (
            "EU leaders will decide on tougher sanctions against Belarus at a summit on Friday.",
            "CONSULT",
        ),
        # near misses: sanctions decided on or imposed
        ("EU leaders decided on Monday to impose sanctions on Belarus.", "SANCTION"),
        ("Japan imposed fresh sanctions on North Korea on Monday.", "SANCTION"),
    ],
)
def test_sanctions_weighed_are_a_threat_or_a_meeting(text, type_):
    evs = _extracted(text, date(2023, 3, 8))
    assert [e.type for e in evs] == [type_]


def test_a_threat_made_with_a_coordinated_later_meeting_keeps_its_own_date():
    text = (
        "Antony Blinken said on Monday that Washington would consider new sanctions, "
        "and NATO ministers are due to meet in Brussels in April."
    )
    by_day = {e.value: e.type for e in _extracted(text, date(2023, 3, 8))}
    assert by_day["2023-03-06"] == "THREATEN"


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # force promised in a statement is a threat
        ("Recep Tayyip Erdogan said on Monday that Turkey would crush the militia.", "THREATEN"),
        (
            "Recep Tayyip Erdogan said on Monday that his army would 'bury' the fighters.",
            "THREATEN",
        ),
        # near miss: a report of force used
        ("Recep Tayyip Erdogan said on Monday that the talks had gone well.", "STATEMENT"),
    ],
)
def test_force_promised_in_a_statement_is_a_threat(text, type_):
    evs = _extracted(text, date(2023, 3, 8))
    assert [e.type for e in evs] == [type_]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # the act charged is the charge, not the act
        ("Nicolas Maduro accused Juan Guaido on Monday of plotting a coup.", "ACCUSE"),
        ("Russia accused Ukraine on Monday of shelling the Zaporizhzhia plant.", "ACCUSE"),
        (
            "Nicolas Maduro, who accuses Juan Guaido of planning a coup, will address the "
            "nation on Friday.",
            "STATEMENT",
        ),
    ],
)
def test_an_act_charged_is_the_charge(text, type_):
    evs = _extracted(text, date(2023, 3, 8))
    assert [e.type for e in evs] == [type_]


def test_the_act_of_those_named_in_a_charge_is_their_own():
    # near miss: "of harbouring rebels who attacked": the rebels' attack stays an attack
    text = "Togo accused Ghana on Monday of harbouring rebels who attacked Lome last week."
    assert {e.type for e in _extracted(text, date(2023, 3, 8))} == {"ACCUSE", "ASSAULT"}


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # a promise is a statement; a sum pledged is aid
        ("Egypt's army pledged on Monday to hand power to an elected government.", "STATEMENT"),
        ("Evo Morales renewed his pledge to nationalise the mines on Monday.", "STATEMENT"),
        ("Japan pledged ten million dollars to Bangladesh on Monday.", "AID"),
        ("Germany pledged on Monday to send tanks to Ukraine.", "AID"),
    ],
)
def test_a_pledge_to_act_is_a_statement(text, type_):
    evs = _extracted(text, date(2023, 3, 8))
    assert [e.type for e in evs] == [type_]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # an offensive pressed is fighting, no plea
        ("Ukraine's army pressed a counteroffensive in the south in early June.", "ASSAULT"),
        ("Ukrainian forces pressed on with their counter-offensive on Monday.", "ASSAULT"),
        # near miss: pressing someone is a request
        ("The United States pressed Israel on Monday to allow aid into Gaza.", "REQUEST"),
    ],
)
def test_an_offensive_pressed_is_fighting(text, type_):
    evs = _extracted(text, date(2023, 6, 21))
    assert [e.type for e in evs] == [type_]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # supplies airlifted are aid; people sent to talk are a visit
        ("UNICEF said it would begin airlifting medicine to Sudan on Monday.", "AID"),
        ("The WFP airlifted food to Chad on Monday.", "AID"),
        ("The African Union will send a delegation to Sudan on Monday.", "CONSULT"),
        ("Kenya would send two envoys to Ethiopia on Monday, officials said.", "CONSULT"),
        # near misses: troops flown in, tanks sent
        ("France airlifted 300 troops to Chad on Monday.", "MOBILIZE"),
        ("Britain will send tanks to Ukraine on Monday.", "AID"),
    ],
)
def test_supplies_airlifted_are_aid_and_a_delegation_sent_a_visit(text, type_):
    evs = _extracted(text, date(2023, 3, 8))
    assert [e.type for e in evs] == [type_]


def test_a_deal_defended_is_not_made_again():
    text = (
        "Japan's foreign minister defended on Tuesday the accord reached with Seoul a day earlier."
    )
    by_day = {e.value: e.type for e in _extracted(text, date(2023, 3, 8))}
    assert by_day == {"2023-03-07": "STATEMENT", "2023-03-06": "AGREE"}
    # near miss: troops defending a city make no statement
    text = "Ukrainian troops defended the city of Bakhmut on Tuesday."
    assert "STATEMENT" not in {e.type for e in _extracted(text, date(2023, 3, 8))}


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # work stopped is a protest, no blow
        ("Peru's truck drivers ended a six-day strike on Monday.", "PROTEST"),
        ("A strike by Peruvian miners began on Monday.", "PROTEST"),
        ("Peru's teachers began a national strike on Monday.", "PROTEST"),
        # near miss: a strike from the air
        ("Colombian jets carried out a strike on a FARC camp on Monday.", "ASSAULT"),
    ],
)
def test_a_strike_of_workers_is_a_protest(text, type_):
    evs = _extracted(text, date(2023, 3, 8))
    assert [e.type for e in evs] == [type_]


def test_envoys_to_be_named_are_an_appointment_not_the_earlier_meeting():
    text = (
        "Cyril Ramaphosa met Kenyan ministers in Pretoria last Friday and is expected to "
        "name two special envoys this week."
    )
    types = {e.value: e.type for e in _extracted(text, date(2023, 3, 8))}
    assert types == {"2023-03-03": "CONSULT", "2023-W10": "STATEMENT"}


def test_an_inauguration_before_the_date_keeps_it_from_a_participle_after_a_comma():
    text = (
        "Juan Guaido said on Monday he would end his exile to be sworn in as president on "
        "Friday, defying an arrest warrant."
    )
    types = {e.value: e.type for e in _extracted(text, date(2023, 3, 8))}
    assert types["2023-03-10"] == "STATEMENT"
    assert "ACCUSE" not in types.values()


def test_a_body_set_up_is_an_appointment_dated_in_its_own_participle_phrase():
    text = (
        "The report of a panel led by Kofi Annan, set up by Aung San Suu Kyi last year, "
        "was published on Thursday."
    )
    types = {e.value: e.type for e in _extracted(text, date(2017, 8, 25))}
    assert types.get("2016") == "STATEMENT"
    text = "Aung San Suu Kyi set up an inquiry into the violence on Monday."
    assert [e.type for e in _extracted(text, date(2017, 8, 25))] == ["STATEMENT"]
    # near miss: checkpoints set up are no body
    text = "Myanmar's troops set up checkpoints in Rakhine on Monday."
    assert "STATEMENT" not in {e.type for e in _extracted(text, date(2017, 8, 25))}


def test_a_noun_before_a_participle_phrase_keeps_the_date_the_phrase_gives_it():
    text = (
        "The truce, announced by Sergei Lavrov on Saturday, was meant to let Armenia and "
        "Azerbaijan swap prisoners."
    )
    assert [e.type for e in _extracted(text, date(2020, 10, 12))] == ["AGREE"]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # a step refused or ground held, said in a statement
        ("John Key said on Monday that New Zealand would not send troops to Fiji.", "REJECT"),
        ("Robert Mugabe told the nation on Monday that he would stay in office.", "REJECT"),
        ("Li Keqiang said on Monday that China would never yield an inch of its land.", "THREATEN"),
        # a measure held over someone: might, could
        ("Recep Tayyip Erdogan said on Monday that Turkey might cut ties with Egypt.", "THREATEN"),
        (
            "Joe Biden said on Monday that he might call off his meeting with Xi Jinping.",
            "THREATEN",
        ),
        # near misses: a purpose, a plain report
        (
            "South Korea said on Monday that the rules would change so that the army could "
            "strike back harder.",
            "STATEMENT",
        ),
        ("Joe Biden said on Monday that the talks could resume soon.", "STATEMENT"),
    ],
)
def test_a_refusal_or_a_possible_measure_in_a_statement(text, type_):
    evs = _extracted(text, date(2023, 3, 8))
    assert [e.type for e in evs] == [type_]


def test_a_possible_measure_in_another_speakers_clause_is_not_the_first_speakers():
    text = (
        "Iran's foreign ministry on Monday called it an act of folly, and the Turkish "
        "president said the same day that Ankara might cut ties with Egypt."
    )
    types = sorted(e.type for e in _extracted(text, date(2023, 3, 8)))
    assert "THREATEN" in types and len(types) == 2


def test_a_year_after_a_relative_month_does_not_move_it():
    # "in February last year" is that year's February; "next month" stays next month
    # (a case test_pipeline_props found: the year moved "next month" to February 2020)
    text = "Biden spoke next month early 2020"
    values = {e.value for e in _extracted(text, date(2000, 1, 1))}
    assert "2020-02" not in values
    text = "Joe Biden met Xi Jinping in February last year."
    assert [e.value for e in _extracted(text, date(2023, 3, 8))] == ["2022-02"]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # a deed named a wrong in a statement is an accusation
        ("The White House said on Monday that the shelling was an act of aggression.", "ACCUSE"),
        ("John Kerry said on Monday that there was no justification for the coup.", "ACCUSE"),
        (
            "Jack Straw said on Monday that the killings were a clear abuse of human rights.",
            "ACCUSE",
        ),
        (
            "Iran's foreign ministry on Monday described it as an act of strategic stupidity.",
            "ACCUSE",
        ),
        # near miss: an act of goodwill
        ("Jack Straw said on Monday that the release was an act of goodwill.", "STATEMENT"),
    ],
)
def test_a_deed_named_a_wrong_in_a_statement_is_an_accusation(text, type_):
    evs = _extracted(text, date(2023, 3, 8))
    assert [e.type for e in evs] == [type_]


def test_a_withdrawal_announced_in_a_speech_is_made_there():
    text = "Carrie Lam announced the withdrawal in a televised address on Wednesday afternoon."
    evs = _extracted(text, date(2019, 9, 5))
    assert [(e.type, e.label) for e in evs] == [("RETREAT", "Hong Kong withdraws")]
    # near miss: a measure announced in a statement stays what the statement reports
    text = "Britain announced the sanctions in a statement on Wednesday."
    assert [e.type for e in _extracted(text, date(2019, 9, 5))] == ["STATEMENT"]


def test_merging_many_mentions_of_one_happening_keeps_each_once_and_counts_articles():
    """merge_all folds mentions into an event in steps that do not grow with the event (an
    article repeating one sentence thousands of times took minutes); the fold keeps each
    mention once and counts the articles."""
    from dashapp.events import merge_all

    (ev,) = _extracted("On Monday, Joe Biden met Vladimir Putin in Geneva. " * 3)
    parts = [replace(ev, mentions=(m,), articles=1) for m in ev.mentions]
    many = [
        replace(p, mentions=(replace(p.mentions[0], article=f"a{k}"),)) for k, p in enumerate(parts)
    ]
    (folded,) = merge_all([*parts, *many, *parts])
    assert len(folded.mentions) == 6 and folded.articles == 4
    assert [m.article for m in folded.mentions] == ["r5"] * 3 + ["a0", "a1", "a2"]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Pakistan carried out a nuclear test on Thursday.", "Pakistan nuclear test"),
        (
            "North Korea conducted an underground nuclear test on Tuesday.",
            "North Korea nuclear test",
        ),
        ("India tested a nuclear device on Monday.", "India nuclear test"),
        # near misses: a missile tested stays a launch, nuclear-capable or not
        (
            "North Korea tested a nuclear-capable cruise missile on Friday.",
            "North Korea missile launch",
        ),
        ("Iran tested a new ballistic missile on Tuesday.", "Iran missile launch"),
    ],
)
def test_a_nuclear_test_is_labelled_as_one_not_as_a_missile_launch(text, label):
    (ev,) = _extracted(text, date(2023, 3, 8))
    assert (ev.type, ev.label) == ("MOBILIZE", label)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Russia declared war on Japan on Wednesday.", "Russia declares war on Japan"),
        ("Paraguay declared a state of war on Monday.", "Paraguay declares state of war"),
    ],
)
def test_a_war_declared_is_a_show_of_force_labelled_as_the_declaration(text, label):
    (ev,) = _extracted(text, date(2023, 3, 8))
    assert (ev.type, ev.label) == ("MOBILIZE", label)
    # near miss: victory declared is a claim
    (ev,) = _extracted("Zelensky declared victory on Monday.", date(2023, 3, 8))
    assert ev.type == "STATEMENT"


@pytest.mark.parametrize(
    ("text", "label", "actors"),
    [
        (
            "EU foreign ministers agreed a new round of sanctions on Belarus on Monday.",
            "EU sanctions Belarus",
            ("EU", "Belarus"),
        ),
        (
            "EU ministers approved fresh sanctions against Iran on Monday,"
            " the French presidency said.",
            "EU sanctions Iran",
            ("EU", "Iran"),
        ),
    ],
)
def test_sanctions_agreed_are_the_sanctions_and_the_presidency_only_reports(text, label, actors):
    (ev,) = _extracted(text, date(2023, 3, 8))
    assert (ev.type, ev.label, set(ev.actors)) == ("SANCTION", label, set(actors))


def test_a_deal_that_lifts_sanctions_stays_an_agreement_and_a_presidency_acting_is_a_party():
    text = "Washington and Tehran agreed on Friday a deal that lifts sanctions."
    assert [e.type for e in _extracted(text, date(2023, 3, 8))] == ["AGREE"]
    text = "The Czech EU presidency demanded on Tuesday that Russia restore gas supplies."
    (ev,) = _extracted(text, date(2009, 1, 8))
    assert "Czech Republic" in ev.actors


@pytest.mark.parametrize(
    ("text", "label", "target"),
    [
        (
            "Iran seized a tanker flagged in Panama on Friday.",
            "Iran seizes Panama-flagged tanker",
            "Panama",
        ),
        (
            "Venezuela seized a Guyanese fishing boat on Sunday.",
            "Venezuela seizes Guyanese fishing boat",
            "Guyana",
        ),
        # near miss: a ship named is named
        ("Iran seized the Stena Impero on Friday.", "Iran seizes Stena Impero", None),
    ],
)
def test_a_ship_seized_is_what_is_seized_its_flag_the_target(text, label, target):
    (ev,) = _extracted(text, date(2023, 3, 8))
    assert (ev.type, ev.label, ev.target) == ("COERCE", label, target)


@pytest.mark.parametrize(
    ("text", "when", "label"),
    [
        (
            "Sri Lankan President Gotabaya Rajapaksa fled abroad on Wednesday.",
            date(2022, 7, 14),
            "Rajapaksa flees Sri Lanka",
        ),
        (
            "Bolivian President Evo Morales fled to Mexico on Tuesday.",
            date(2019, 11, 13),
            "Morales flees to Mexico",
        ),
        (
            "Former Liberian president Charles Taylor fled into exile in Nigeria on Monday.",
            date(2003, 8, 12),
            "Taylor flees to Nigeria",
        ),
        # near miss: troops fleeing are their state's withdrawal
        (
            "Russian troops fled Kherson on Friday.",
            date(2022, 11, 12),
            "Russia withdraws from Kherson",
        ),
    ],
)
def test_a_person_fleeing_flees_himself(text, when, label):
    (ev,) = _extracted(text, when)
    assert (ev.type, ev.label) == ("RETREAT", label)


@pytest.mark.parametrize(
    "text",
    [
        "Vladimir Putin spoke with Angela Merkel by phone on Saturday.",
        "Mr. Putin talked to Mrs. Merkel by telephone on Saturday.",
        "Vladimir Putin told Angela Merkel by phone on Saturday that he would not come.",
        "Vladimir Putin spoke by phone with Angela Merkel on Saturday.",
        # with a place aside between the subject and the verb: it is no party
        "Vladimir Putin, in Sochi, spoke with Angela Merkel by phone on Saturday.",
        "President Vladimir Putin, now in Sochi, spoke with Angela Merkel by phone on Saturday.",
    ],
)
def test_who_calls_whom_by_phone_is_read_from_the_verb(text):
    # the means ("by phone") comes after both sides: the verb's subject calls
    (ev,) = _extracted(text, date(2015, 9, 8))
    assert (ev.source, ev.target) == ("Vladimir Putin", "Angela Merkel")
    assert set(ev.actors) <= {"Vladimir Putin", "Angela Merkel", "Russia", "Germany"}


@pytest.mark.parametrize(
    ("text", "when", "type_"),
    [
        ("Moscow and Kyiv swapped 200 prisoners of war yesterday.", date(2024, 1, 8), "CONCEDE"),
        ("Armenia and Azerbaijan swap 32 captives on Sunday.", date(2023, 12, 14), "CONCEDE"),
        ("Guterres will brief the Security Council on Tuesday.", date(2024, 1, 8), "STATEMENT"),
        (
            "Kenyan Defence Minister Yusuf Haji is due to brief parliament on Thursday.",
            date(2011, 10, 18),
            "STATEMENT",
        ),
        (
            "Khrushchev is expected to reply to Kennedy on Wednesday.",
            date(1962, 10, 24),
            "STATEMENT",
        ),
    ],
)
def test_common_verbs_of_swaps_briefings_and_replies_are_triggers(text, when, type_):
    assert [e.type for e in _extracted(text, when)] == [type_]


@pytest.mark.parametrize(
    "text",
    [
        # near misses: a swap of goods, a brief adjective, a brief meeting
        "Moscow and Kyiv swapped accusations on Monday.",
        "The prime minister made a brief statement to the cabinet on Monday.",
    ],
)
def test_swaps_and_briefs_of_other_things_make_no_new_event(text):
    types = [e.type for e in _extracted(text, date(2024, 1, 8))]
    assert "CONCEDE" not in types
    assert not any(e.label.endswith("briefs") for e in _extracted(text, date(2024, 1, 8)))


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Israel rejected a French proposal for a truce on Friday.", "Israel", "France"),
        ("Serbia turned down an EU request for sanctions on Friday.", "Serbia", "EU"),
        ("Hamas rebuffed an Egyptian offer of a ceasefire on Sunday.", "Hamas", "Egypt"),
        (
            "Hungary vetoed a European Union plan for new sanctions against Russia on Tuesday.",
            "Hungary",
            "EU",
        ),
    ],
)
def test_a_refusal_of_a_proposed_act_is_a_rejection_not_the_act(text, source, target):
    (ev,) = _extracted(text, date(2024, 1, 8))
    assert (ev.type, ev.source, ev.target) == ("REJECT", source, target)


def test_a_refusal_by_an_unnamed_subject_is_not_the_refused_party_s():
    text = "The army commander had on Friday turned down a United Nations call for a truce."
    (ev,) = _extracted(text, date(2024, 3, 12))
    assert (ev.type, ev.source, ev.target) == ("REJECT", None, "UN")


@pytest.mark.parametrize(
    ("text", "types"),
    [
        ("Talks between Armenia and Azerbaijan ended on Friday without a deal.", ["CONSULT"]),
        ("Russian and Ukrainian envoys held talks on Friday without any agreement.", ["CONSULT"]),
        ("Armenia and Azerbaijan failed to agree on a peace treaty on Friday.", []),
        ("Ethiopia and Eritrea declined on Monday to sign the Algiers peace accord.", []),
        # near misses: the act done, or accepted, stays
        ("Talks between Armenia and Azerbaijan ended on Friday with a deal.", ["AGREE"]),
        ("Israel accepted a French proposal for a truce on Friday.", ["AGREE"]),
        ("Israel and Hamas agreed to a truce on Friday.", ["AGREE"]),
    ],
)
def test_an_act_failed_declined_or_said_absent_is_no_act(text, types):
    assert [e.type for e in _extracted(text, date(2024, 1, 8))] == types


def test_a_statement_ruling_out_talks_is_a_rejection():
    text = "Putin said on Monday that there would be no talks with Ukraine until it withdrew."
    (ev,) = _extracted(text, date(2024, 1, 8))
    assert ev.type == "REJECT"


@pytest.mark.parametrize(
    "text",
    [
        "RUSSIA INVADES UKRAINE ON THURSDAY SAYS NATO",
        "BREAKING: CHINA SANCTIONS US DEFENCE FIRMS ON MONDAY",
        "Update: IRAN ATTACKS ISRAEL ON SATURDAY, PENTAGON SAYS.",
    ],
)
def test_a_sentence_mostly_in_capitals_makes_no_event(text):
    assert _extracted(text, date(2024, 1, 8)) == []


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # near misses: a dateline or acronyms in capitals, the sentence in mixed case
        ("MOSCOW - Russia invaded Ukraine on Thursday, NATO said.", "ASSAULT"),
        ("WASHINGTON, Jan. 8 (AP) - The US and the EU imposed sanctions on Monday.", "SANCTION"),
        ("NATO, the EU, the UN and the OSCE met in Vienna on Monday.", "CONSULT"),
    ],
)
def test_capitals_in_a_mixed_case_sentence_keep_its_event(text, type_):
    assert [e.type for e in _extracted(text, date(2024, 1, 8))] == [type_]


@pytest.mark.parametrize(
    ("text", "when", "label"),
    [
        (
            "Khomeini will return to Iran on Thursday.",
            date(1979, 1, 29),
            "Khomeini returns to Iran",
        ),
        (
            "Chancellor Helmut Kohl returned to Warsaw on Saturday to finish the visit.",
            date(1989, 11, 13),
            "Kohl returns to Warsaw",
        ),
    ],
)
def test_a_return_to_a_named_place_is_a_journey(text, when, label):
    (ev,) = _extracted(text, when)
    assert (ev.type, ev.label) == ("CONSULT", label)


@pytest.mark.parametrize(
    ("text", "types"),
    [
        # near misses: a return to talks or to power, a state of things returning, and a
        # return a speaker announces (the statement is the happening)
        ("Iran and the United States will return to the negotiating table on Monday.", []),
        ("The US Army said that calm had returned to the Zone on Sunday.", ["STATEMENT"]),
        ("Khomeini said on Tuesday that he would return to Iran soon.", ["STATEMENT"]),
    ],
)
def test_a_return_to_no_place_or_one_announced_is_no_journey(text, types):
    evs = _extracted(text, date(1979, 1, 18))
    assert [e.type for e in evs] == types


# --- QA5 B: a trailing attribution's speaker reports the act, it is no party of it ---


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Israel struck targets in Gaza on Friday, Washington said.", "United States"),
        ("Israel struck targets in Gaza on Friday, the White House said.", "United States"),
        (
            "Houthi rebels attacked a cargo ship in the Red Sea on Sunday, the Pentagon said.",
            "United States",
        ),
        (
            "Houthi rebels attacked a cargo ship in the Red Sea on Sunday, according to the"
            " Pentagon.",
            "United States",
        ),
        ("Israel struck targets in Gaza on Friday, Washington and Paris said.", "France"),
        ("Sudanese troops shelled Omdurman on Monday, Egypt's foreign ministry said.", "Egypt"),
    ],
)
def test_a_trailing_attributions_speaker_is_no_party_of_the_act(text, speaker):
    (ev,) = _extracted(text, date(2024, 1, 10))
    assert ev.type == "ASSAULT"
    assert speaker not in ev.actors
    assert ev.target != speaker


@pytest.mark.parametrize(
    ("text", "party"),
    [
        # near misses: the act names the speaker's state again, or names no doer at all
        ("Russia struck Kharkiv on Friday, Ukraine said.", "Ukraine"),
        ("Russia attacked Ukraine on Friday, Kyiv said.", "Ukraine"),
        ("Israel attacked Iran on Friday, and Tehran said it would respond.", "Iran"),
    ],
)
def test_a_speaker_the_act_names_stays_a_party(text, party):
    evs = [e for e in _extracted(text, date(2024, 1, 10)) if e.type == "ASSAULT"]
    assert evs and party in evs[0].actors


# --- QA5 B: guns fired are a happening: artillery fire, or an attack when aimed ---


@pytest.mark.parametrize(
    ("text", "type_", "label"),
    [
        (
            "North Korea fired artillery shells near a South Korean island on Friday, Seoul said.",
            "MOBILIZE",
            "North Korea artillery fire",
        ),
        (
            "North Korea fired about 200 artillery rounds near Yeonpyeong on Friday.",
            "MOBILIZE",
            "North Korea artillery fire",
        ),
        ("Hamas fired mortars at Israeli troops on Friday.", "ASSAULT", "Hamas attack on Israel"),
        ("Russian forces fired shells into Kherson on Friday.", "ASSAULT", None),
        # near miss: missiles stay a missile launch
        (
            "North Korea fired two ballistic missiles into the sea on Friday.",
            "MOBILIZE",
            "North Korea missile launch",
        ),
    ],
)
def test_guns_fired_are_artillery_fire_or_an_attack(text, type_, label):
    (ev,) = _extracted(text, date(2024, 1, 10))
    assert ev.type == type_
    assert label is None or ev.label == label


@pytest.mark.parametrize(
    "text",
    [
        "The company fired 200 workers on Friday.",
        "The minister fired his chief of staff on Friday over a row about shells.",
    ],
)
def test_fired_without_guns_is_no_artillery_fire(text):
    assert all(e.type != "MOBILIZE" for e in _extracted(text, date(2024, 1, 10)))


# --- QA5 B: the venue of a meeting is no party to it ---


@pytest.mark.parametrize(
    ("text", "parties", "venue"),
    [
        (
            "The Ankara talks between Sweden and Finland ended on Monday.",
            {"Sweden", "Finland"},
            "Turkey",
        ),
        (
            "The Geneva summit between Reagan and Gorbachev opened on Tuesday.",
            {"Ronald Reagan", "Mikhail Gorbachev"},
            "Switzerland",
        ),
    ],
)
def test_a_meeting_named_after_its_capital_is_between_its_parties(text, parties, venue):
    (ev,) = _extracted(text, date(1985, 11, 20))
    assert ev.type == "CONSULT"
    assert parties <= set(ev.actors) and venue not in ev.actors


# --- QA5 B: a place in an appositive says where the subject is; the subject acts ---


@pytest.mark.parametrize(
    ("text", "when", "person", "place_state"),
    [
        (
            "Ayatollah Ruhollah Khomeini, in exile near Paris since October, has said he will"
            " return on Thursday.",
            date(1979, 1, 30),
            "Ruhollah Khomeini",
            "France",
        ),
        (
            "Khomeini, in exile near Paris, said on Thursday he would return.",
            date(1979, 1, 30),
            "Ruhollah Khomeini",
            "France",
        ),
        (
            "Alexei Navalny, now in Berlin, said on Thursday he would go back to Russia.",
            date(2020, 10, 2),
            "Alexei Navalny",
            "Germany",
        ),
    ],
)
def test_a_place_appositive_leaves_the_subject_acting(text, when, person, place_state):
    (ev,) = [e for e in _extracted(text, when) if e.type == "STATEMENT"]
    assert ev.source == person
    assert place_state not in ev.actors


def test_a_place_appositive_with_no_named_subject_keeps_its_place():
    # near miss: nobody named before the appositive, the place stays the only actor
    text = "The exiled cleric, in exile near Paris, said on Thursday he would return."
    (ev,) = _extracted(text, date(1979, 1, 30))
    assert ev.actors == ("France",)


# --- QA5 B: a date or a feast read on after a name is no part of a label's slot ---


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Leaders of the G7 will meet in Rome March 3-5.", "G7 meeting in Rome"),
        ("Russia struck Kyiv Monday, officials said.", "Russia attack on Kyiv"),
        ("Israel struck Gaza Tuesday night.", "Israel attack on Gaza"),
    ],
)
def test_a_date_after_a_name_is_not_in_its_slot(text, label):
    assert [e.label for e in _extracted(text, date(2024, 1, 10))] == [label]


@pytest.mark.parametrize(
    "text",
    [
        "Sudan army chief Abdel Fattah al-Burhan rejected a Ramadan truce on Friday.",
        "Hamas rejected a Christmas ceasefire on Friday.",
    ],
)
def test_a_feast_is_not_what_is_rejected(text):
    (rej,) = [e for e in _extracted(text, date(2024, 3, 10)) if e.type == "REJECT"]
    assert not rej.label.endswith(("Ramadan", "Christmas"))


def test_a_place_named_after_a_feast_stays_a_place():
    (ev,) = _extracted("Indonesia seized Christmas Island on Friday.", date(2024, 1, 10))
    assert ev.label == "Indonesia seizes Christmas Island"


def test_a_month_word_in_a_name_ends_no_name():
    from dashapp.events import _before_date

    text = "Labour criticised Theresa May on Friday and met in Rome May 3."
    may = text.index("Theresa")
    assert _before_date(text, may, may + len("Theresa May")) == may + len("Theresa May")
    rome = text.index("Rome")
    assert _before_date(text, rome, rome + len("Rome May")) == rome + len("Rome")


@pytest.mark.parametrize(
    "text",
    [
        "Israel struck targets in Gaza on Friday, a White House spokesman told reporters.",
        "Houthi rebels attacked a cargo ship on Sunday, the Pentagon told Reuters.",
        "Houthi rebels attacked a cargo ship on Sunday, a US official told the Associated Press.",
    ],
)
def test_a_speaker_telling_the_press_is_no_party_of_the_act(text):
    (ev,) = _extracted(text, date(2024, 1, 10))
    assert ev.type == "ASSAULT" and "United States" not in ev.actors


# --- Round 24b: leaving a gathering is a departure, not a withdrawal ---


@pytest.mark.parametrize(
    "text",
    [
        "Donald Trump left the Singapore summit on Tuesday.",
        "On Tuesday Emmanuel Macron left the Biarritz summit.",
        "Recep Tayyip Erdogan left the NATO meeting on Thursday without speaking to reporters.",
        "Olaf Scholz left the emergency session in Brussels on Friday.",
        "Joe Biden will leave the summit in Vilnius on Wednesday.",
    ],
)
def test_leaving_a_gathering_is_no_withdrawal(text):
    evs = _extracted(text, date(2024, 3, 10))
    assert evs and all(e.type != "RETREAT" for e in evs)
    assert any(e.type == "CONSULT" for e in evs)


@pytest.mark.parametrize(
    "text",
    [
        "Britain left the European Union on Friday.",
        "Venezuela left the Organization of American States on Saturday.",
        "Donald Trump left the G7 summit early on Saturday.",
        "Recep Tayyip Erdogan abruptly left the NATO meeting on Thursday.",
    ],
)
def test_leaving_a_body_or_walking_out_stays_a_withdrawal(text):
    assert [e.type for e in _extracted(text, date(2024, 3, 10))] == ["RETREAT"]


# --- Round 24b: a reply to someone's proposal is the replier's act, aimed at its author ---


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Russia will reply to the U.S. proposal next week.", "Russia", "United States"),
        ("Russia replied to the U.S. proposal on Monday.", "Russia", "United States"),
        ("The Kremlin replied to Biden's statement on Monday.", "Russia", "Joe Biden"),
        ("Iran will reply to the French proposal on Friday.", "Iran", "France"),
        ("Ukraine replied to Russia's announcement on Sunday.", "Ukraine", "Russia"),
    ],
)
def test_a_reply_to_a_proposal_is_the_repliers_act(text, source, target):
    (ev,) = _extracted(text, date(2024, 3, 10))
    assert (ev.source, ev.target) == (source, target)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Antony Blinken said on Monday that the U.S. proposal stood.", "Antony Blinken"),
        ("Russia presented its proposal on Monday.", "Russia"),
        ("The U.S. proposal was published on Monday.", "United States"),
    ],
)
def test_a_proposal_not_answered_keeps_its_author(text, source):
    (ev,) = _extracted(text, date(2024, 3, 10))
    assert ev.source == source


# --- Round 24b: "brief" as a verb after a modal or "to", whoever is briefed ---


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Joe Biden will brief NATO allies on Friday.", "CONSULT"),
        ("Emmanuel Macron is to brief European leaders on Monday.", "CONSULT"),
        ("Olaf Scholz would brief Polish and Baltic leaders on Thursday.", "CONSULT"),
        ("Antony Blinken will brief the Security Council on Tuesday.", "STATEMENT"),
        ("Antonio Guterres is to brief the General Assembly on Wednesday.", "STATEMENT"),
    ],
)
def test_brief_after_a_modal_is_a_briefing(text, type_):
    assert [e.type for e in _extracted(text, date(2024, 3, 10))] == [type_]


@pytest.mark.parametrize(
    "text",
    [
        "The talks between Russia and Ukraine were brief on Monday.",
        "Russia launched a brief offensive on Tuesday.",
        "After a brief meeting with Vladimir Putin on Monday, Recep Tayyip Erdogan left.",
    ],
)
def test_brief_as_an_adjective_names_no_briefing(text):
    assert all("briefs" not in e.label for e in _extracted(text, date(2024, 3, 10)))


# --- Round 24b: a person moved in the passive ("was flown to Paris") is acted on ---


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Jorge Glas was taken to a maximum-security prison on Saturday.", "Jorge Glas"),
        ("Mohamed Bazoum was driven to a military base on Wednesday.", "Mohamed Bazoum"),
        ("Imran Khan was taken from his home in Lahore on Tuesday.", "Imran Khan"),
        ("Evo Morales was flown to Mexico City on Tuesday.", "Evo Morales"),
        ("On Friday Aung San Suu Kyi was whisked to an undisclosed location.", "Aung San Suu Kyi"),
    ],
)
def test_a_person_moved_in_the_passive_is_acted_on(text, person):
    (ev,) = _extracted(text, date(2024, 3, 10))
    assert ev.type == "COERCE" and ev.target == person and ev.source is None


@pytest.mark.parametrize(
    "text",
    [
        "Thousands of protesters have taken to the streets of Tbilisi on Monday.",
        "Imran Khan was taken to hospital on Monday.",
        "The wounded minister was taken to a military hospital on Monday.",
    ],
)
def test_streets_and_hospitals_are_no_transfer(text):
    assert all(e.type != "COERCE" for e in _extracted(text, date(2024, 3, 10)))


# --- Round 24b: going on the air to speak is an address; "announce" is a speech verb ---


@pytest.mark.parametrize(
    "text",
    [
        "Nicolas Maduro went on television on Friday night to announce new elections.",
        "Vladimir Putin went on state television on Monday to address the nation.",
        "Recep Tayyip Erdogan appeared on television on Saturday morning.",
        "Emmanuel Macron will announce his decision on Tuesday.",
        "Javier Milei is due to announce a cabinet reshuffle on Friday.",
    ],
)
def test_going_on_the_air_or_announcing_is_a_statement(text):
    evs = _extracted(text, date(2024, 3, 10))
    assert [e.type for e in evs] == ["STATEMENT"]
    assert evs[0].source is not None


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Joe Biden is expected to announce new sanctions on Russia on Tuesday.", "SANCTION"),
        ("Israel announced the raid on Gaza on Tuesday.", "STATEMENT"),
        ("Russia announced on Monday that it would withdraw its troops.", "RETREAT"),
    ],
)
def test_what_is_announced_keeps_its_reading(text, type_):
    assert [e.type for e in _extracted(text, date(2024, 3, 10))] == [type_]


# --- Round 24b: a place that "fell to" someone is taken by them ---


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        ("Kabul fell to the Taliban on Sunday.", "Taliban", "Afghanistan"),
        ("Phnom Penh fell to the Khmer Rouge on April 17.", "Khmer Rouge", "Cambodia"),
        ("Baghdad fell to US forces on April 9.", "United States", "Iraq"),
        ("Jalalabad fell to the Taliban on Sept. 11.", "Taliban", None),
        ("Saigon fell to North Vietnam on April 30.", "North Vietnam", "South Vietnam"),
    ],
)
def test_a_place_falls_to_who_takes_it(text, source, target):
    (ev,) = _extracted(text, date(1975, 5, 10))
    assert (ev.type, ev.source, ev.target) == ("COERCE", source, target)


@pytest.mark.parametrize(
    "text",
    [
        "Oil prices fell on Monday.",
        "The rouble fell to a record low against the dollar on Monday.",
        "Turnout fell to 40 percent in Sunday's election in Serbia.",
    ],
)
def test_falling_prices_and_figures_take_nothing(text):
    assert all(e.type != "COERCE" for e in _extracted(text, date(2024, 3, 10)))


# --- Round 24b: a date before "hours after" / "a day after" takes its own clause's act ---


@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        (
            "Joe Biden spoke on Wednesday, hours after Russia's ambassador to Japan, Ivan "
            "Petrov, asked for asylum in the United States.",
            "STATEMENT",
            "REQUEST",
        ),
        (
            "Emmanuel Macron condemned the coup on Thursday, hours after soldiers "
            "detained President Mohamed Bazoum.",
            "ACCUSE",
            "COERCE",
        ),
        (
            "Olaf Scholz met Volodymyr Zelensky on Friday, a day after Russia struck Kyiv.",
            "CONSULT",
            "ASSAULT",
        ),
        (
            "The European Union imposed sanctions on Belarus on Monday, a day after "
            "Belarus forced a Ryanair jet to land in Minsk.",
            "SANCTION",
            "COERCE",
        ),
        (
            "Recep Tayyip Erdogan spoke on Tuesday, hours after Israel struck Gaza.",
            "STATEMENT",
            "ASSAULT",
        ),
    ],
)
def test_a_date_before_a_counted_after_clause_keeps_its_own_act(text, first, second):
    evs = _extracted(text, date(2024, 3, 10))
    assert {e.type for e in evs} == {first, second}


@pytest.mark.parametrize(
    "text",
    [
        # no act of its own before "a day after": the date is left to the rules before
        "Crowds gathered in Kyiv on Wednesday, a day after Russia struck the city.",
        "Vladimir Putin met Xi Jinping in Beijing on Thursday.",
        "Israel struck Gaza on Tuesday, hours after Hamas fired rockets at Israel.",
    ],
)
def test_a_date_with_no_counted_clause_is_unchanged(text):
    assert _extracted(text, date(2024, 3, 10))


# --- Round 24b: fire exchanged is fighting between two sides ---


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("Armenia and Azerbaijan traded fire on Tuesday.", {"Armenia", "Azerbaijan"}),
        ("India and Pakistan exchanged fire across the border on Monday.", {"India", "Pakistan"}),
        (
            "North Korea and South Korea traded artillery fire on Thursday.",
            {"North Korea", "South Korea"},
        ),
        ("Israeli and Lebanese troops exchanged gunfire on Sunday.", {"Israel", "Lebanon"}),
        ("Thai and Cambodian soldiers traded shots on Friday.", {"Thailand", "Cambodia"}),
    ],
)
def test_fire_exchanged_is_fighting_between_both_sides(text, sides):
    (ev,) = _extracted(text, date(2024, 3, 10))
    assert ev.type == "ASSAULT" and sides <= set(ev.actors)


@pytest.mark.parametrize(
    "text",
    [
        "India and Pakistan exchanged prisoners on Monday.",
        "Russia and Ukraine exchanged the bodies of fallen soldiers on Friday.",
        "The ministers exchanged views on trade with China on Tuesday.",
    ],
)
def test_other_exchanges_are_no_fire(text):
    assert all(e.type != "ASSAULT" for e in _extracted(text, date(2024, 3, 10)))


# --- Round 24b: a place left by name ("left Baghdad on March 18") ---


@pytest.mark.parametrize(
    "text",
    [
        "United Nations weapons inspectors left Baghdad on March 18.",
        "Viktor Yanukovych left Kyiv for Kharkiv on Friday night.",
        "The last UN peacekeepers left East Timor in May.",
        "Hosni Mubarak left Cairo for Sharm el-Sheikh on Friday.",
        "Hamas fighters left Rafah on Sunday, taking their weapons with them.",
    ],
)
def test_a_named_place_left_is_a_departure(text):
    assert [e.type for e in _extracted(text, date(2024, 3, 10))] == ["RETREAT"]


@pytest.mark.parametrize(
    "text",
    [
        "Riots in Argentina on Monday left at least 25 people dead.",
        "The left won the election in Chile on Sunday.",
        "Left-wing parties in France met on Tuesday.",
    ],
)
def test_left_without_a_place_is_no_departure(text):
    assert all(e.type != "RETREAT" for e in _extracted(text, date(2024, 3, 10)))


# --- Round 24b: a place entered by name ("The Taliban entered Kabul on Sunday") ---


@pytest.mark.parametrize(
    "text",
    [
        "The Taliban entered Kabul on Sunday.",
        "North Korean troops entered Seoul on Wednesday.",
        "Two Russian bombers entered Swedish airspace on Tuesday.",
        "Hamas fighters entered Israel early on Saturday.",
        "The Soviet army entered Afghanistan in December.",
    ],
)
def test_a_named_place_entered_is_taken(text):
    evs = _extracted(text, date(2024, 3, 10))
    assert evs and all(e.type in ("COERCE", "ASSAULT") for e in evs)


@pytest.mark.parametrize(
    "text",
    [
        "Jacinda Ardern entered Parliament in 2008.",
        "The treaty between Russia and China entered into force on Monday.",
        "Germany entered a plea on Monday at the court in The Hague.",
    ],
)
def test_entering_a_body_or_a_state_of_affairs_takes_nothing(text):
    assert all(e.type not in ("COERCE", "ASSAULT") for e in _extracted(text, date(2024, 3, 10)))


# --- Round 24b: a date inside a "whose" clause dates only that clause ---


@pytest.mark.parametrize(
    ("text", "when"),
    [
        (
            "Kaja Kallas, whose government was formed in March, met Olaf Scholz on Tuesday.",
            "2024-03-05",
        ),
        (
            "Emmanuel Macron, whose party lost the election in June, visited Kyiv on Friday.",
            "2024-03-08",
        ),
        (
            "Benjamin Netanyahu, whose coalition was sworn in last year, spoke with Joe "
            "Biden on Monday.",
            "2024-03-04",
        ),
        (
            "Olaf Scholz, whose popularity slipped in January, met Xi Jinping on Saturday.",
            "2024-03-09",
        ),
        (
            "Joe Biden, whose popularity slipped in February, met Abdel Fattah "
            "al-Sisi on Thursday.",
            "2024-03-07",
        ),
    ],
)
def test_a_date_in_a_whose_clause_takes_not_the_main_verb(text, when):
    evs = _extracted(text, date(2024, 3, 10))
    assert [e.value for e in evs if e.type == "CONSULT"] == [when]


@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("Kaja Kallas met Olaf Scholz on Tuesday.", "2024-03-05"),
        ("Kaja Kallas, who met Olaf Scholz on Tuesday, said nothing.", "2024-03-05"),
        ("Kaja Kallas, whose aides were silent, met Olaf Scholz on Tuesday.", "2024-03-05"),
    ],
)
def test_a_date_outside_a_whose_clause_is_unchanged(text, when):
    assert when in [e.value for e in _extracted(text, date(2024, 3, 10))]


# --- Round 24b: a death, a taking of office and a vote of one day stay apart ---


def test_a_death_and_a_succession_of_one_day_are_two_happenings():
    text = (
        "President Paul Biya of Cameroon died on Saturday. Hours later the army named "
        "his son head of state."
    )
    labels = sorted(e.label for e in _extracted(text, date(2024, 3, 10)))
    assert len(labels) == 2 and any("dies" in x for x in labels)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Togo dies", "Togo appointment"),
        ("Chile funeral", "Chile inauguration"),
        ("Peru election", "Peru inauguration"),
        ("Mali appointment", "Mali referendum"),
        ("Iran funeral", "Iran vote"),
    ],
)
def test_statements_of_other_kinds_stay_apart(first, second):
    d = date(2022, 1, 9)
    a = _event("a", "2022-01-09", d, ("Togo",), "art1", "STATEMENT", first)
    b = _event("b", "2022-01-09", d, ("Togo",), "art1", "STATEMENT", second)
    assert not same_happening(a, b)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Togo dies", "Togo funeral"),
        ("Peru election", "Peru vote"),
        ("Mali appointment", "Mali decree"),
    ],
)
def test_statements_of_one_kind_or_none_still_merge(first, second):
    d = date(2022, 1, 9)
    a = _event("a", "2022-01-09", d, ("Togo",), "art1", "STATEMENT", first)
    b = _event("b", "2022-01-09", d, ("Togo",), "art1", "STATEMENT", second)
    assert same_happening(a, b)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # a person named with his state after "of" heads a list: "X of Egypt and the Y, Z,"
        (
            "President Hosni Mubarak of Egypt and the chairman of the PLO, Yasser Arafat, "
            "signed a statement in Cairo on Tuesday.",
            "Hosni Mubarak",
        ),
        (
            "King Hussein of Jordan and the Israeli prime minister, Yitzhak Rabin, signed a "
            "declaration in Washington on Tuesday.",
            "King Hussein",
        ),
        (
            "Chancellor Helmut Kohl of Germany and the French president, Francois Mitterrand, "
            "met in Bonn on Tuesday.",
            "Helmut Kohl",
        ),
        (
            "President Boris Yeltsin of Russia and the Ukrainian leader, Leonid Kravchuk, "
            "agreed on Tuesday to divide the fleet.",
            "Boris Yeltsin",
        ),
        (
            "Prime Minister Benazir Bhutto of Pakistan and the Indian prime minister, Rajiv "
            "Gandhi, met in Islamabad on Tuesday.",
            "Benazir Bhutto",
        ),
    ],
)
def test_a_person_of_a_state_heading_a_list_takes_part(text, person):
    events = [ev for ev in _extracted(text, date(1993, 9, 15)) if ev.value == "1993-09-14"]
    assert events and person in events[0].actors


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # no person before "of": the list is the state and the person after it
        (
            "Crowds in Egypt and the PLO chairman, Yasser Arafat, welcomed the deal on Tuesday.",
            "Hosni Mubarak",
        ),
        (
            "Envoys of Egypt and the PLO chairman, Yasser Arafat, met in Cairo on Tuesday.",
            "Hosni Mubarak",
        ),
        # a person in another clause is not pulled in
        (
            "Mubarak spoke on Monday. Envoys of Egypt and the PLO chairman, Yasser Arafat, "
            "met in Cairo on Tuesday.",
            "Hosni Mubarak",
        ),
    ],
)
def test_a_list_without_a_person_of_a_state_stays_as_it_was(text, absent):
    events = [ev for ev in _extracted(text, date(1993, 9, 15)) if ev.value == "1993-09-14"]
    assert events and absent not in events[0].actors


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers overthrew President Mohamed Bazoum on Wednesday.",
        "President Mohamed Bazoum was overthrown on Wednesday by his own guard.",
        "President Mohamed Bazoum was overthrown by the army on Wednesday.",
    ],
)
def test_the_leader_a_coup_overthrows_is_acted_on_not_its_doer(text):
    # (irregular participles, "overthrown", "overthrew", are read as verbs of the clause)
    (ev,) = _extracted(text, date(2023, 7, 28))
    assert ev.type == "COERCE" and ev.value == "2023-07-26"
    assert ev.target == "Mohamed Bazoum" and ev.source != "Mohamed Bazoum"


def test_a_coup_leader_named_as_the_subject_still_acts():
    (ev,) = _extracted(
        "General Abdourahamane Tiani overthrew Bazoum on Wednesday.", date(2023, 7, 28)
    )
    assert ev.source == "Abdourahamane Tiani" and ev.target == "Mohamed Bazoum"


# --- elliptical follow-ups: "The EU followed suit on Wednesday" (dated 2022-01-10, a Monday)

_SANCTIONS = "The United States imposed sanctions on Iran on Monday. "
_EXPELLED = "Washington expelled ten Russian diplomats on Tuesday. "


def _told(text: str) -> set[tuple[str, str, str, str | None, str | None]]:
    return {
        (ev.value, ev.label, ev.type, ev.source, ev.target)
        for ev in _extracted(text, date(2022, 1, 10))
    }


@pytest.mark.parametrize(
    ("text", "follow_up"),
    [
        (
            _SANCTIONS + "The European Union followed suit on Wednesday.",
            ("2022-01-05", "EU sanctions Iran", "SANCTION", "EU", "Iran"),
        ),
        (
            _SANCTIONS + "On Wednesday, the European Union followed suit.",
            ("2022-01-05", "EU sanctions Iran", "SANCTION", "EU", "Iran"),
        ),
        (
            _SANCTIONS + "Britain, too, did the same on Thursday.",
            ("2022-01-06", "UK sanctions Iran", "SANCTION", "United Kingdom", "Iran"),
        ),
        (
            _SANCTIONS + "Britain's government did the same thing on Thursday.",
            ("2022-01-06", "UK sanctions Iran", "SANCTION", "United Kingdom", "Iran"),
        ),
        (
            _EXPELLED + "Brussels followed on Friday.",
            ("2022-01-07", "EU expels Russian diplomats", "SANCTION", "EU", "Russia"),
        ),
        (
            # "X followed Y's lead": the same act as "followed suit", Y's
            _EXPELLED + "Germany followed Washington's lead on Friday.",
            ("2022-01-07", "Germany expels Russian diplomats", "SANCTION", "Germany", "Russia"),
        ),
        (
            # who was acted on and follows pays back
            _EXPELLED + "Moscow did the same on Friday.",
            ("2022-01-07", "Russia expels US diplomats", "SANCTION", "Russia", "United States"),
        ),
        (
            "France recalled its ambassador on Monday, and Germany did likewise a day later.",
            ("2022-01-11", "Germany recalls envoys", "SANCTION", "Germany", None),
        ),
        (
            "France recalled its ambassador to Mali on Monday. Germany will follow suit next week.",
            ("2022-W03", "Germany recalls envoys from Mali", "SANCTION", "Germany", "Mali"),
        ),
        (
            "France recalled its ambassador to Mali on Monday. Germany is expected to do the "
            "same on Monday.",
            ("2022-01-10", "Germany recalls envoys from Mali", "SANCTION", "Germany", "Mali"),
        ),
        (
            # "follow" after a modal
            "France recalled its ambassador to Mali on Monday. Spain is expected to follow on "
            "Friday.",
            ("2022-01-14", "Spain recalls envoys from Mali", "SANCTION", "Spain", "Mali"),
        ),
        (
            "Russia attacked Ukraine on Monday. Belarus joined in on Tuesday.",
            ("2022-01-04", "Belarus attack on Ukraine", "ASSAULT", "Belarus", "Ukraine"),
        ),
        (
            "Egypt signed a peace treaty with Israel in 1979, and Jordan followed in 1994.",
            ("1994", "Jordan-Israel sign agreement", "AGREE", "Jordan", "Israel"),
        ),
    ],
)
def test_an_elliptical_follow_up_is_the_act_before_it_by_its_own_subject(text, follow_up):
    assert follow_up in _told(text)


def test_a_follow_up_by_several_names_them_all():
    """ "Italian, Belgian and Canadian units will follow": a list of followers, each named."""
    text = (
        "France recalled its ambassador to Mali on Monday, and Italian, Belgian and Canadian "
        "diplomats will follow later this month."
    )
    (later,) = [e for e in _extracted(text, date(2022, 1, 10)) if e.value == "2022-01"]
    assert {"Italy", "Belgium", "Canada"} <= set(later.actors) and later.source == "Italy"


def test_follow_ups_chain_and_keep_the_first_act():
    told = _told(
        _SANCTIONS + "The European Union followed suit on Wednesday. Britain did the same on "
        "Thursday."
    )
    assert told == {
        ("2022-01-10", "US sanctions Iran", "SANCTION", "United States", "Iran"),
        ("2022-01-05", "EU sanctions Iran", "SANCTION", "EU", "Iran"),
        ("2022-01-06", "UK sanctions Iran", "SANCTION", "United Kingdom", "Iran"),
    }


def test_a_follow_up_replaces_the_act_its_date_was_given_in_the_same_sentence():
    # (the date after ", and Germany did likewise" was France's recall of Germany's envoys)
    labels = {
        label
        for _, label, *_ in _told(
            "France recalled its ambassador on Monday, and Germany did likewise a day later."
        )
    }
    assert labels == {"France recalls envoys", "Germany recalls envoys"}


def test_a_follow_up_follows_the_main_clause_not_a_relative_one():
    (ev,) = [
        ev
        for ev in _extracted(
            "Some 600 South African soldiers crossed the border before dawn on Tuesday at the "
            "request of Prime Minister Pakalitha Mosisili, who had appealed to the Southern "
            "African Development Community for help last week. About 200 troops from Botswana "
            "followed that evening.",
            date(2022, 1, 10),
        )
        if ev.source == "Botswana"
    ]
    assert ev.type == "MOBILIZE" and ev.value == "2022-01-04"


@pytest.mark.parametrize(
    "text",
    [
        # denied, refused, not yet, or only hoped for
        _SANCTIONS + "The European Union did not follow suit on Wednesday.",
        _SANCTIONS + "Britain didn't do the same on Thursday.",
        _SANCTIONS + "Britain refused to do the same on Thursday.",
        _SANCTIONS + "Britain declined to follow suit on Thursday.",
        _SANCTIONS + "If Britain follows suit on Thursday, Iran will retaliate.",
        # urged to follow, not following
        _SANCTIONS + "Biden urged Germany to follow suit on Wednesday.",
        # "followed" with an object, or passive, or a time that followed: no follow-up
        _SANCTIONS + "The US was followed on Friday by Britain.",
        _SANCTIONS + "Aides followed him into exile on Friday.",
        _SANCTIONS + "Germany followed the protests closely on Friday.",
        _SANCTIONS + "Iran denounced the talks that followed on Friday.",
        _SANCTIONS + "In the days that followed, on Friday, Germany met Iran.",
    ],
)
def test_no_follow_up_where_none_is_told(text):
    assert not any(
        type_ == "SANCTION" and source != "United States" for _, _, type_, source, _ in _told(text)
    )


def test_a_follow_up_with_nothing_before_it_makes_nothing():
    assert _told("The European Union followed suit on Wednesday.") == set()
    assert _told("Britain did the same on Thursday, officials said.") == set()


def test_followed_with_an_act_of_its_own_is_that_act():
    told = _told(_SANCTIONS + "Britain followed on Friday with an aid package for Iran.")
    assert ("2022-01-07", "UK aid to Iran", "AID", "United Kingdom", "Iran") in told
    assert not any(source == "United Kingdom" and t == "SANCTION" for _, _, t, source, _ in told)


def test_joined_with_nothing_to_follow_is_a_membership_as_before():
    told = _told("Montenegro joined in 2017.")
    assert {t for _, _, t, *_ in told} == {"COOPERATE"}


@pytest.mark.parametrize(
    ("text", "actor", "type_"),
    [
        # (round 58b: a people's revolt is a protest, as the development sets type it; a
        # rebellion stays fighting)
        (
            "The revolt against Muammar Gaddafi began in Benghazi on Monday.",
            "Muammar Gaddafi",
            "PROTEST",
        ),
        (
            "The rebellion began in eastern Zaire on Monday.",
            "Democratic Republic of the Congo",
            "ASSAULT",
        ),
    ],
)
def test_a_revolt_or_rebellion_is_fighting_as_an_uprising_is(text: str, actor: str, type_: str):
    (event,) = _extracted(text)
    assert event.type == type_
    assert actor in event.actors
    assert "revolt" in event.label.lower() or "rebellion" in event.label.lower()


def test_an_act_of_rebellion_is_a_name_given_not_fighting():
    text = "The Nigerian government called the declaration an act of rebellion on Monday."
    (event,) = _extracted(text)
    assert event.type == "ACCUSE"


@pytest.mark.parametrize(
    ("text", "label"),
    [
        (
            "Sali Berisha became Albania's first non-communist president in April 1992.",
            "Berisha inauguration",
        ),
        (
            "The speaker, Sufi Abu Taleb, became interim head of state on Monday.",
            "Taleb inauguration",
        ),
        (
            "Chrystia Freeland took the post in a cabinet shuffle on Monday.",
            "Freeland inauguration",
        ),
    ],
)
def test_becoming_an_office_holder_is_taking_office(text: str, label: str):
    (event,) = _extracted(text)
    assert (event.type, event.label) == ("STATEMENT", label)


@pytest.mark.parametrize(
    "text",
    [
        "Nawaz Sharif became one of the chief critics of the president on Monday.",
        "Pressure on Suharto had become overwhelming on Monday, when the speaker changed sides.",
    ],
)
def test_becoming_no_office_is_no_inauguration(text: str):
    assert not [e for e in _extracted(text) if e.label.endswith("inauguration")]


@pytest.mark.parametrize(
    "text",
    [
        "Moscow sent its army into Afghanistan on Monday.",
        "Turkey rushed extra troops to its base in Qatar on Monday.",
        # in the passive, the forces named before the verb
        "British troops were sent onto the streets of Belfast on Monday.",
    ],
)
def test_forces_sent_or_rushed_are_a_deployment(text: str):
    (event,) = _extracted(text)
    assert event.type == "MOBILIZE"
    # ... and things sent, or people rushing, are none
    text = "The White House sent the text to Congress on Monday. Medics rushed to Kyiv on Monday."
    assert not [e for e in _extracted(text) if e.type == "MOBILIZE"]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("China began firing missiles into the sea off Taiwan on Monday.", "MOBILIZE"),
        ("John Kerry will testify before the Senate on Monday.", "STATEMENT"),
        (
            "The UN commission will present its findings to the Human Rights Council on Monday.",
            "STATEMENT",
        ),
    ],
)
def test_firing_missiles_testifying_and_findings_presented(text: str, type_: str):
    (event,) = _extracted(text)
    assert event.type == type_


@pytest.mark.parametrize(
    "text",
    [
        "Thailand closed all border crossings with Cambodia on Thursday.",
        "Poland shut two more crossings on its border with Belarus on Thursday.",
    ],
)
def test_closing_border_crossings_is_a_closure(text: str):
    (event,) = _extracted(text)
    assert event.type == "COERCE"
    assert event.source in ("Thailand", "Poland")
    assert event.label == f"{event.source} closure"
    # the polls or a session that closed are none
    assert not _extracted("The polls closed near the border with Cambodia on Thursday.")


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # a verb coordinated with the one before, its subject left out: that verb's subject
        (
            "Thailand closed all border crossings with Cambodia on Thursday and expelled the "
            "Cambodian ambassador on Wednesday.",
            "Thailand",
            "Cambodia",
        ),
        (
            "Thailand closed the border with Cambodia and expelled the Cambodian ambassador on "
            "Wednesday.",
            "Thailand",
            "Cambodia",
        ),
        (
            "Moscow suspended its ties with NATO and recalled its envoy on Wednesday.",
            "Russia",
            None,
        ),
        # the subject of the clause the verb is coordinated in, set off by commas
        (
            "Honecker was humbled when the Soviet leader, Mikhail Gorbachev, came to Berlin on "
            "Oct. 7 and warned him.",
            "Mikhail Gorbachev",
            "Erich Honecker",
        ),
    ],
)
def test_a_coordinated_verb_is_done_by_the_first_verbs_subject(text, source, target):
    wanted = [e for e in _extracted(text) if e.type in ("SANCTION", "THREATEN")]
    assert [(e.source, e.target) for e in wanted] == [(source, target)]
    # a subordinate clause's verb keeps its own subject, which is no name here
    text = (
        "France sent its jets in after fighters of Ansar Dine overran Konna on Thursday and "
        "threatened to push south."
    )
    assert "France" not in {e.source for e in _extracted(text) if e.type == "THREATEN"}


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # a participle after the date tells what the act before it did; the act is dated
        (
            "The strikes came nine days after Israel launched a wave of attacks on Iranian "
            "nuclear and military targets on June 13, killing several senior commanders.",
            "Israel attack on Iran",
        ),
        # and a past verb after a participle is no object of it
        (
            "Navy SEALs flown in on helicopters from Afghanistan stormed the compound in "
            "Abbottabad on Monday, killing Osama bin Laden.",
            "US attack on Pakistan",
        ),
    ],
)
def test_a_participle_after_the_date_leaves_it_to_the_act_before(text: str, label: str):
    (event,) = [e for e in _extracted(text, date(2025, 6, 22)) if e.type == "ASSAULT"]
    assert event.label == label
    # a report's verb is not the unnamed doer's words
    text = "Activists said security forces opened fire in Hama on Monday, killing six people."
    (event,) = [e for e in _extracted(text) if e.type == "ASSAULT"]
    assert not event.label.lower().startswith("said")


def test_attacks_in_opposite_directions_on_one_day_are_two_events():
    text = (
        "Thailand launched air strikes on Cambodian military targets on Thursday as fighting "
        "erupted along the disputed border, killing at least 12 people. Cambodia fired rockets "
        "and artillery into Thai territory on Thursday morning, Thailand's army said."
    )
    got = {(e.source, e.target) for e in _extracted(text, date(2025, 7, 25)) if e.type == "ASSAULT"}
    assert got == {("Thailand", "Cambodia"), ("Cambodia", "Thailand")}
    # (as same_happening reads them)
    day = date(2025, 7, 24)
    a = replace(
        _event("a", "2025-07-24", day, ("Thailand", "Cambodia"), "x", "ASSAULT", "attack"),
        source="Thailand",
        target="Cambodia",
    )
    b = replace(a, id="b", actors=("Cambodia", "Thailand"), source="Cambodia", target="Thailand")
    assert not same_happening(a, b)
    assert same_happening(a, replace(a, id="c"))
    # ... but one meeting told from both sides stays one
    text = "Putin met Xi in Moscow on Monday. Xi met Putin in the Kremlin on Monday."
    assert len([e for e in _extracted(text) if e.type == "CONSULT"]) == 1


def test_an_as_clause_after_the_date_is_background():
    text = (
        "Mugabe sent a letter of resignation to parliament on Tuesday as lawmakers debated a "
        "motion to impeach him."
    )
    (event,) = _extracted(text)
    assert event.type == "REQUEST"


def test_a_bodys_own_summit_is_not_the_articles_state():
    text = (
        "Russia attacked Ukraine. Russia fired missiles. Most of the leaders will then fly "
        "to Madrid, where NATO holds its own summit on Wednesday and Thursday."
    )
    (event,) = [e for e in _extracted(text, date(2022, 6, 27)) if e.type == "CONSULT"]
    assert event.actors == ("NATO",) and event.label == "NATO summit"
    # a summit that takes up the article's crisis, or one its host holds, still deals with it
    for clause in (
        "The African Union is due to hold a summit on the crisis on Wednesday.",
        "Kampala hosts an African Union summit on Wednesday.",
    ):
        text = f"Uganda closed its border. Uganda said it was ready. {clause}"
        (event,) = [e for e in _extracted(text, date(2022, 6, 27)) if e.type == "CONSULT"]
        assert "Uganda" in event.actors, clause
    # and a body's meeting on a crisis is the article's state's, as before
    text = "Ukraine asked for help. Ukraine waited. The Security Council met on Wednesday."
    (event,) = [e for e in _extracted(text, date(2022, 6, 27)) if e.type == "CONSULT"]
    assert set(event.actors) == {"UN", "Ukraine"}


def test_an_attack_by_unnamed_doers_is_none_of_the_articles_parties():
    text = (
        "India and Pakistan traded fire. India blamed Pakistan. Pakistan denied it. "
        "India struck camps on Wednesday, two weeks after gunmen killed 26 people near the "
        "town of Pahalgam."
    )
    (event,) = [e for e in _extracted(text, date(2025, 5, 8)) if e.value == "2025-04-23"]
    assert (event.type, event.source, event.target) == ("ASSAULT", None, None)
    assert event.label == "Gunmen attack"


def test_an_anniversary_does_not_date_what_it_remembers():
    text = (
        "Tens of thousands of people gathered near the Kremlin on Monday to celebrate the "
        "first anniversary of Russia's annexation of Crimea."
    )
    assert not [e for e in _extracted(text) if e.type == "COERCE"]
    # what it remembers, with a year of its own, is dated by that year
    text = (
        "Pashinyan flew to Stepanakert on Monday for the anniversary of the capture of "
        "Shushi in 1992."
    )
    assert any(e.value == "1992" for e in _extracted(text))


def test_it_after_the_main_clause_is_its_subject():
    for text, doer in (
        (
            "Russia was suspended from what was then the G8 in 2014 after it annexed Crimea.",
            "Russia",
        ),
        (
            "Russia was expelled from the Council of Europe in 2022 after it invaded Ukraine.",
            "Russia",
        ),
    ):
        (event,) = [e for e in _extracted(text) if e.value in ("2014", "2022")]
        assert (event.source, event.target) == (doer, "Ukraine"), text
    # a name inside the subject is not its head: "The Iran-backed group ... when it seized"
    text = (
        "The Iran-backed group began targeting ships in November, when it seized the car "
        "carrier Galaxy Leader."
    )
    assert not [e for e in _extracted(text, date(2024, 1, 12)) if e.source == "Iran"]


def test_it_opening_a_sentence_continues_the_subject_before():
    # the sentence before's subject, a state or body, not the last name there (Rome)
    for text, doer in (
        (
            "France recalled its ambassador from Rome on Monday. It said on Tuesday that "
            "the move was temporary.",
            "France",
        ),
        (
            "On Monday, Israel struck targets near Beirut. It said on Tuesday that the raids "
            "would go on.",
            "Israel",
        ),
        (
            "The Kremlin accused Kyiv of shelling the plant. On Tuesday it said the "
            "inspectors could come.",
            "Russia",
        ),
    ):
        (event,) = [e for e in _extracted(text) if e.value == "2022-01-11"]
        assert event.actors == (doer,), text
    # a person before is no "it": the nearest body stays the rule's
    text = "Lavrov met Blinken in Geneva on Monday. It said on Tuesday that the talks were useful."
    assert not [e for e in _extracted(text) if e.value == "2022-01-11" and e.actors]


def test_a_meetings_topic_names_neither_its_parties_nor_its_venue():
    text = (
        "Leaders of the Group of Seven rich democracies gathered at Schloss Elmau in the "
        "Bavarian Alps on Sunday for a summit that runs from Sunday to Tuesday, with Russia's "
        "war in Ukraine at the top of the agenda."
    )
    events = [e for e in _extracted(text, date(2022, 6, 26)) if e.type == "CONSULT"]
    assert events and all(e.actors == ("G7",) for e in events)
    assert all("Ukraine" not in e.label for e in events)
    text = (
        "NATO leaders will gather in Vilnius on July 11-12 for a summit expected to be "
        "dominated by Ukraine's hopes of joining the alliance."
    )
    (event,) = [e for e in _extracted(text, date(2023, 7, 1)) if e.type == "CONSULT"]
    assert event.actors == ("NATO",)
    # a topic told before the meeting keeps the meeting's own place
    text = (
        "Greece's partners in the Council of Europe are expected to discuss the coup at a "
        "meeting in Strasbourg on Friday."
    )
    (event,) = [e for e in _extracted(text) if e.type == "CONSULT"]
    assert event.label.endswith("in Strasbourg")


def test_states_of_people_harmed_are_acted_on_not_sides():
    for text in (
        "Thirteen peacekeepers from South Africa, Malawi and Uruguay were killed in fighting "
        "on Monday.",
        "Three soldiers from France and Chad were wounded in fighting on Monday.",
    ):
        (event,) = [e for e in _extracted(text) if e.type == "ASSAULT"]
        first = event.actors[0]
        assert (event.source, event.target) == (None, first), text
        assert event.label == f"{first} attack", text


def test_an_act_only_intended_is_no_happening_of_the_statement_date():
    for text in (
        "Kenya's interior minister said on Monday that the rebels had been planning attacks "
        "on the capital.",
        "Prime Minister Justin Trudeau said on Monday that the rebels were plotting a coup in "
        "Haiti.",
    ):
        events = _extracted(text, date(2022, 1, 12))
        assert events and all(e.type == "STATEMENT" for e in events), text
    # an act told as done stays the happening
    text = "Russia said on Monday that it had launched attacks on Kyiv."
    assert [e.type for e in _extracted(text)] == ["ASSAULT"]


def test_a_person_and_the_state_he_serves_are_two_speakers():
    text = (
        "President Joe Biden said on Monday that talks would continue. The Pentagon said the "
        "same day that 3,000 more soldiers would go to Poland."
    )
    events = [e for e in _extracted(text, date(2022, 1, 12)) if e.type == "STATEMENT"]
    assert sorted(e.source or "" for e in events) == ["Joe Biden", "United States"]


@pytest.mark.parametrize(
    ("text", "when", "speakers"),
    [
        (
            "Chile's government said on Tuesday that the fires were under control. Argentina "
            "said on Tuesday that Chile would get the help it needed.",
            date(2024, 2, 8),
            ["Argentina", "Chile"],
        ),
        (
            "President Emmanuel Macron said on Friday that the summit had gone well. Poland "
            "said on Friday that Macron's plan needed more work.",
            date(2023, 3, 4),
            ["Emmanuel Macron", "Poland"],
        ),
        (
            "The Kremlin said on Friday that the exercise was routine. Finland said on Friday "
            "that Russia's exercise was a concern.",
            date(2023, 3, 4),
            ["Finland", "Russia"],
        ),
    ],
)
def test_two_speakers_remarks_are_two_though_one_names_the_other(text, when, speakers):
    # a statement about a state or a person is not that state's or person's statement
    events = [e for e in _extracted(text, when) if e.type == "STATEMENT"]
    assert sorted(e.source or "" for e in events) == speakers


@pytest.mark.parametrize(
    "text",
    [
        # a participle after a determiner describes a noun; it is no past verb
        "Chancellor Olaf Scholz is due to announce the plan in a televised address on Friday.",
        # nor is a participle joined by a hyphen to the word before it
        "Prime Minister Rishi Sunak is expected to visit a Saudi-funded hospital on Friday.",
        "The UN envoy is due to meet the commander of the EU-led naval force on Friday.",
    ],
)
def test_an_adjectival_participle_does_not_make_a_future_clause_past(text):
    (event,) = _extracted(text, date(2023, 3, 15))  # a Wednesday
    assert event.value == "2023-03-17"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a fronted phrase with no verb of its own is dated by the main clause's verb, not by
        # the reported clause after it (a Wednesday paper: Monday past, or future)
        (
            "In a speech in Lyon on Monday, Emmanuel Macron said France would send tanks.",
            "2023-03-13",
        ),
        (
            "Speaking to reporters on Monday, Olaf Scholz said Germany would not send jets.",
            "2023-03-13",
        ),
        (
            "Joe Biden, speaking at the White House on Monday, said the talks would resume.",
            "2023-03-13",
        ),
        (
            "At a rally in Ankara on Monday, Recep Tayyip Erdogan will say the bid is dead.",
            "2023-03-20",
        ),
    ],
)
def test_a_fronted_phrase_takes_the_tense_of_the_main_verb(text, value):
    (event,) = _extracted(text, date(2023, 3, 15))
    assert event.value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a present perfect takes no day of its own: the day is the planned happening's
        ("The Arab League has called an emergency summit of its members on Friday.", "2023-03-17"),
        (
            "The unions have called protests in Paris on Thursday and Friday.",
            "2023-03-16/2023-03-17",
        ),
        # a simple past may be dated itself: the near miss
        ("The Arab League called an emergency summit of its members on Monday.", "2023-03-13"),
    ],
)
def test_a_happening_called_in_the_present_perfect_is_to_come(text, value):
    (event,) = _extracted(text, date(2023, 3, 15))
    assert event.value == value


def test_a_far_auxiliary_of_the_own_clause_still_dates_it():
    # no cue among the last dozen words: the clause's "is expected to" decides
    text = (
        "Prime Minister Narendra Modi is expected to address both the farmers and the unions "
        "at a large rally in the old city of Varanasi on Friday."
    )
    (event,) = _extracted(text, date(2023, 3, 15))
    assert event.value == "2023-03-17"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a present verb of a happening to come ("vote in a", "elect", "expect")
        ("Estonians vote in a general election on Sunday.", "2023-03-19"),
        ("Finns elect a new parliament on Sunday.", "2023-03-19"),
        ("Diplomats in Geneva expect the UN Security Council to meet on Friday.", "2023-03-17"),
        # the noun after a determiner is no verb: the near miss
        ("The vote in the French parliament on Monday was close.", "2023-03-13"),
    ],
)
def test_a_present_verb_of_a_happening_to_come_dates_it_ahead(text, value):
    (event,) = _extracted(text, date(2023, 3, 15))
    assert event.value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # no past verb follows a bare verb: the participle describes the object
        (
            "Japan said it would send chartered planes on Friday to fly its citizens home.",
            "2023-03-17",
        ),
        # a present perfect takes no day of its own, "promised" as "called"
        ("President Joe Biden has promised a summit with African leaders on Friday.", "2023-03-17"),
        # the near miss: a past verb after a comma is still one
        (
            "The Commonwealth leaders, meeting in Auckland from Monday to Wednesday, suspended "
            "Niger on Tuesday.",
            "2023-03-14",
        ),
    ],
)
def test_a_participle_of_an_object_is_no_past_verb(text, value):
    events = _extracted(text, date(2023, 3, 15))
    assert value in {e.value for e in events}, [(e.label, e.value) for e in events]


def test_the_subject_of_a_coordinated_clause_is_no_party_of_the_act_before():
    # ", and Russia said ...": another clause with its own subject and verb
    text = (
        "NATO condemned the drone strike on Monday, and Russia said that it had not been involved."
    )
    events = _extracted(text, date(2023, 3, 15))
    (accuse,) = [e for e in events if e.type == "ACCUSE"]
    assert accuse.actors == ("NATO",)
    assert any(e.source == "Russia" for e in events if e.type == "STATEMENT")


@pytest.mark.parametrize(
    "text",
    [
        # a present verb that is also a noun is a noun after a determiner ("the face")
        "Prime Minister Jacinda Ardern called the tests a slap in the face for the region "
        "on Monday.",
    ],
)
def test_a_cue_word_as_a_noun_does_not_make_a_past_clause_future(text):
    from dashapp.temporal import tag

    (monday,) = [t for t in tag(text, date(2023, 3, 15)) if t.text == "Monday"]
    assert monday.value == "2023-03-13"


def test_a_journey_and_a_phone_call_of_one_day_are_two_happenings():
    text = (
        "President Emmanuel Macron returned to Paris on Tuesday. Macron telephoned Chancellor "
        "Olaf Scholz on Tuesday."
    )
    labels = sorted(e.label for e in _extracted(text, date(2023, 3, 15)) if e.type == "CONSULT")
    assert labels == ["Macron returns to Paris", "Macron-Scholz phone call"]


@pytest.mark.parametrize(
    "text",
    [
        # "the same day" after a sentence whose main clause has its own date: not a dated
        # noun inside what was said, nor a date in a relative clause's participle phrase
        "Foreign Minister Annalena Baerbock said on Friday that 30 people were killed in the "
        "March 9 raid. Chancellor Olaf Scholz said the same day that Germany would send help.",
        "Italy protested on Friday over the detention of its consul, whose arrest, announced on "
        "March 2, angered Rome. Spain recalled its own ambassador the same day.",
    ],
)
def test_the_same_day_is_the_main_clauses_day_before_it(text):
    from dashapp.temporal import tag

    (same,) = [t for t in tag(text, date(2023, 3, 18)) if t.text == "the same day"]
    assert same.value == "2023-03-17"


def test_an_air_campaign_is_an_attack_and_its_winding_up_a_de_escalation():
    (event,) = _extracted("Russia's bombing campaign against the rebels began on Monday.")
    assert event.type == "ASSAULT" and event.source == "Russia"
    (event,) = _extracted("The coalition will wind up its air campaign over Syria on Friday.")
    assert event.type == "RETREAT"


def test_a_meeting_agreed_on_is_to_come():
    text = (
        "Armenia and Azerbaijan agreed to meet again on Friday in Brussels, where EU officials "
        "will host them."
    )
    (event,) = _extracted(text, date(2023, 3, 15))
    assert event.value == "2023-03-17"


def test_a_date_after_a_participle_of_a_noun_is_an_aside():
    # "a pay cap imposed on March 2": a reduced relative clause; "that night" is Monday's
    from dashapp.temporal import tag

    text = (
        "The strike began on Monday, when dockers walked out over a pay cap imposed on March 2. "
        "The interior minister resigned that night."
    )
    (night,) = [t for t in tag(text, date(2023, 3, 18)) if t.text == "that night"]
    assert night.value.startswith("2023-03-13")


def test_other_dates_are_days_as_event_dates_are():
    # QA: an evening's alternative reading was kept with its part of day ("...TEV")
    (event,) = _extracted("Russia and Ukraine will meet on Tuesday evening.", date(2023, 9, 26))
    assert event.value == "2023-09-26"
    assert event.other_dates == ("2023-10-03",)


def test_aid_said_to_be_given_is_an_aid_pledge():
    # QA: an aid pledge told with "give" was a statement of remarks
    text = "Japan said on Monday it would give Ukraine $500 million in humanitarian aid."
    (event,) = _extracted(text, date(2023, 9, 26))
    assert event.type == "AID" and event.source == "Japan"
    # "gave a speech" gives nothing
    assert all(e.type != "AID" for e in _extracted("Rishi Sunak gave a speech on Monday."))


def test_two_meetings_whose_doers_neither_names_are_two():
    text = (
        "President Emmanuel Macron said on Monday that he would fly to Washington. "
        "President Joe Biden met his cabinet at the White House on Monday."
    )
    events = [e for e in _extracted(text, date(2022, 1, 12)) if e.type == "CONSULT"]
    assert sorted(e.source or "" for e in events) == ["Emmanuel Macron", "Joe Biden"]


def test_who_after_a_persons_role_in_a_body_is_the_person():
    text = (
        "Israeli troops arrested Ahmed Yousef, a senior member of Hamas, who visited Cairo on "
        "Monday."
    )
    (event,) = [e for e in _extracted(text, date(2011, 3, 17)) if e.type == "CONSULT"]
    assert "Ahmed Yousef" in event.actors


def test_a_return_from_exile_is_a_happening_but_not_a_trip_home():
    for text in (
        "Kim Dae-jung returned from two years of exile in the United States in February.",
        "Kim Dae-jung came back from exile in February.",
    ):
        (event,) = _extracted(text, date(1985, 3, 1))
        assert (event.type, event.label, event.value) == (
            "RETREAT",
            "Kim returns from exile",
            "1985-02",
        ), text
    assert not _extracted("Kim Dae-jung returned from Washington in February.", date(1985, 3, 1))


# Round 35: the trigger lexicon from the language, by PLOVER category (one sentence of our
# own per category the round extended; none of these made an event, or made this one, before)
@pytest.mark.parametrize(
    ("text", "type_", "label"),
    [
        ("Serbia and Kosovo reached a compromise on Monday.", "AGREE", "Serbia-Kosovo agreement"),
        (
            "Israel and Saudi Arabia established diplomatic relations on Monday.",
            "AGREE",
            "Israel-Saudi Arabia agreement",
        ),
        (
            "Qatar mediated between Israel and Hamas on Monday.",
            "CONSULT",
            "Qatar-Israel-Hamas talks",
        ),
        ("Turkey lauded Azerbaijan on Monday.", "SUPPORT", "Turkey backs Azerbaijan"),
        ("President Joe Biden hailed the deal on Monday.", "SUPPORT", "Biden hails deal"),
        (
            "President Kassym-Jomart Tokayev pardoned 30 prisoners on Monday.",
            "CONCEDE",
            "Tokayev pardons prisoners",
        ),
        ("Serbia backed down on Monday.", "CONCEDE", "Serbia concedes"),
        (
            "Hungary reopened its border with Austria on Monday.",
            "CONCEDE",
            "Hungary reopens border",
        ),
        (
            "Colombia extradited the drug lord to the United States on Monday.",
            "COOPERATE",
            "Colombia-US extradition",
        ),
        ("Jordan airdropped food into Gaza on Monday.", "AID", "Jordan aid"),
        (
            "Germany provided Ukraine with air defence missiles on Monday.",
            "AID",
            "Germany aid to Ukraine",
        ),
        ("Queen Margrethe abdicated on Monday.", "RETREAT", "Margrethe resigns"),
        ("Colombia demobilised 5,000 fighters on Monday.", "RETREAT", "Colombia demobilisation"),
        (
            "Volodymyr Zelensky implored NATO on Monday to close the skies.",
            "REQUEST",
            "Zelensky urges NATO",
        ),
        ("Russia lambasted the United States on Monday.", "ACCUSE", "Russia accuses US"),
        ("Mario Sossi pleaded guilty on Monday.", "ACCUSE", "Sossi trial"),
        (
            "Greece blocked Macedonia's bid to join NATO on Monday.",
            "REJECT",
            "Greece rejects Macedonia",
        ),
        ("Israel ignored the UN's demands on Monday.", "REJECT", "Israel rejects UN"),
        ("North Korea cautioned the United States on Monday.", "THREATEN", "North Korea warns US"),
        ("The unrest began in Nairobi on Monday.", "PROTEST", "Unrest in Nairobi"),
        (
            "The United States imposed a tariff on Chinese steel on Monday.",
            "SANCTION",
            "US sanctions China",
        ),
        (
            "Israel withheld $100 million in tax funds from the Palestinian Authority on Monday.",
            "SANCTION",
            "Israel sanctions Palestine",
        ),
        ("China scrambled fighter jets on Monday.", "MOBILIZE", "China scrambles jets"),
        (
            "Russia built up forces along the border on Monday.",
            "MOBILIZE",
            "Russia military build-up",
        ),
        (
            "Russia deported 50 Ukrainians on Monday.",
            "COERCE",
            "Russia deports Ukrainian nationals",
        ),
        (
            "Egypt outlawed the Muslim Brotherhood on Monday.",
            "COERCE",
            "Egypt bans Muslim Brotherhood",
        ),
        ("Police dispersed the protesters in Minsk on Monday.", "COERCE", "Belarus crackdown"),
        (
            "Boko Haram ambushed a Nigerian army convoy on Monday.",
            "ASSAULT",
            "Boko Haram attack on Nigeria",
        ),
        ("Russian forces overran Avdiivka on Monday.", "ASSAULT", "Russia attack on Avdiivka"),
        (
            "Yemen's Houthis claimed responsibility on Monday.",
            "STATEMENT",
            "Houthis claim responsibility",
        ),
        (
            "Henry Kissinger explained the terms to reporters on Monday.",
            "STATEMENT",
            "Kissinger remarks",
        ),
        ("Vladimir Putin delivered a speech on Monday.", "STATEMENT", "Putin remarks"),
        (
            "Joe Biden gave his State of the Union address on Monday.",
            "STATEMENT",
            "Biden address",
        ),
        ("Russia pulled its troops out of Kherson on Monday.", "RETREAT", "Russia withdraws"),
        (
            "The United States designated the Houthis a terrorist organisation on Monday.",
            "SANCTION",
            "US sanctions Houthis",
        ),
    ],
)
def test_the_language_of_each_plover_category(text: str, type_: str, label: str):
    (event,) = _extracted(text)
    assert (event.type, event.label, event.value) == (type_, label, "2022-01-10")


@pytest.mark.parametrize(
    ("event_text", "other_text", "type_"),
    [
        # each guarded word: an event with its object, none without it
        (
            "Police dispersed the protesters in Minsk on Monday.",
            "Police said the crowd dispersed peacefully on Monday.",
            "COERCE",
        ),
        (
            "Israel withheld $100 million in tax funds from the Palestinian Authority on Monday.",
            "The minister withheld comment on Monday.",
            "SANCTION",
        ),
        (
            "Russia built up forces along the border on Monday.",
            "Vietnam built up its coffee exports on Monday.",
            "MOBILIZE",
        ),
        (
            "China scrambled fighter jets on Monday.",
            "Ministers scrambled to respond on Monday.",
            "MOBILIZE",
        ),
        (
            "Greece blocked Macedonia's bid to join NATO on Monday.",
            "Protesters blocked the road to the airport on Monday.",
            "REJECT",
        ),
        (
            "Israel ignored the UN's demands on Monday.",
            "The speech was largely ignored by the press on Monday.",
            "REJECT",
        ),
        (
            "Israel and Saudi Arabia established diplomatic relations on Monday.",
            "Turkey established a new ministry on Monday.",
            "AGREE",
        ),
        (
            "Singapore loosened its curfew on Monday.",
            "The two leaders relaxed at a dacha on Monday.",
            "CONCEDE",
        ),
        (
            "Hungary reopened its border with Austria on Monday.",
            "Germany reopened its schools on Monday.",
            "CONCEDE",
        ),
        (
            "Nigeria repatriated 20 prisoners on Monday.",
            "France repatriated its gold reserves on Monday.",
            "CONCEDE",
        ),
        (
            "Germany provided Ukraine with air defence missiles on Monday.",
            "The treaty provided that both sides would withdraw on Monday.",
            "AID",
        ),
        (
            "Israel dismantled checkpoints in the West Bank on Monday.",
            "Serbia dismantled its old factories on Monday.",
            "RETREAT",
        ),
        (
            "Iraq relinquished control of the oil fields on Monday.",
            "Joe Biden relinquished the microphone on Monday.",
            "RETREAT",
        ),
        # a longer form keeps a word from its other sense
        (
            "President Kassym-Jomart Tokayev granted amnesty to 30 prisoners on Monday.",
            "Amnesty International published a report on Monday.",
            "CONCEDE",
        ),
        (
            "Russia lambasted the United States on Monday.",
            "A Russian airliner slammed into a mountain on Monday.",
            "ACCUSE",
        ),
        (
            "Volodymyr Zelensky implored NATO on Monday to close the skies.",
            "Mario Sossi pleaded guilty on Monday.",
            "REQUEST",
        ),
        (
            "The United States imposed a tariff on Chinese steel on Monday.",
            "Donald Trump renewed his tariff threat against Mexico on Monday.",
            "SANCTION",
        ),
        (
            "Jordan airdropped food into Gaza on Monday.",
            "Vladimir Putin delivered a speech on Monday.",
            "AID",
        ),
        (
            "The United States designated the Houthis a terrorist organisation on Monday.",
            "The Iranian parliament designated a new speaker on Monday.",
            "SANCTION",
        ),
    ],
)
def test_a_guarded_trigger_needs_its_object(event_text: str, other_text: str, type_: str):
    assert [e.type for e in _extracted(event_text)] == [type_]
    assert not [e for e in _extracted(other_text) if e.type == type_]


def test_died_is_a_past_verb_and_a_toll_in_a_when_clause_no_statement():
    # "died" (four letters, no "-ed" rule) is past: "died on Nov 23" in January is last
    # November's, not next
    text = "LONDON - The banker died in a London hospital on Nov 23."
    assert [e.value for e in _extracted(text)] == ["2021-11-23"]
    # ... and a verb for the clauses: ", when about 50 people died" tells the dated
    # happening's toll, no statement of its own (a count of people as its subject)
    text = (
        "BISHKEK, Kyrgyzstan - Kyrgyz and Tajik border guards exchanged fire on Monday.\n"
        "The two countries last fought in April last year, when about 50 people died in a "
        "dispute over a canal."
    )
    assert "STATEMENT" not in {e.type for e in _extracted(text)}


def test_a_past_act_negated_until_a_day_was_done_that_day():
    # "did not recognise it until Monday": the recognition came on Monday; a refusal to
    # come ("will not recognise it until Monday") is no happening
    text = "MOSCOW - Russia did not recognise the new government until Monday."
    assert [(e.type, e.value) for e in _extracted(text)] == [("SUPPORT", "2022-01-10")]
    text = "MOSCOW - Russia will not recognise the new government until Monday."
    assert _extracted(text) == []


def test_help_offered_abolitions_ceremonies_bases_and_constitutions():
    # round 36's rows: help offered (with what is offered), an institution abolished, a
    # memorial or opening ceremony, a base opened, a constitution adopted
    for text, typ in (
        ("Japan offered help to Chile on Monday.", "SUPPORT"),
        ("Italy abolished the death penalty on Monday.", "STATEMENT"),
        ("Norway held a memorial service for the crew on Monday.", "STATEMENT"),
        ("India opened a naval base in the Seychelles on Monday.", "MOBILIZE"),
        ("Chile adopted a new constitution on Monday.", "STATEMENT"),
    ):
        assert [(e.type, e.value) for e in _extracted(text)] == [(typ, "2022-01-10")], text
    assert _extracted("Japan offered no comment on Monday.") == []


def test_a_plan_that_had_been_expected_is_no_happening():
    # "had been expected to open on Monday": the pluperfect of a plan, which did not come
    # about, as "had been planned for" and "had been due to"; a plan merely expected stays
    text = (
        "Talks between Israel and Syria, which had been expected to open in Geneva on Monday, "
        "have not been fixed."
    )
    assert _extracted(text) == []
    text = "Talks between Israel and Syria are expected to open in Geneva on Monday."
    assert [e.type for e in _extracted(text)] == ["CONSULT"]


# Round 38: light verbs, particles and nominalisations (one sentence of our own per group of
# rows; none of these made this event before)
@pytest.mark.parametrize(
    ("text", "type_", "label"),
    [
        # power taken and given up
        ("Assimi Goita came to power in Mali on Monday.", "STATEMENT", "Goïta inauguration"),
        ("Omar al-Bashir gave up power on Monday.", "RETREAT", "Bashir gives up power"),
        ("Omar al-Bashir stepped aside on Monday.", "RETREAT", "Bashir gives up power"),
        (
            "Omar al-Bashir was removed from power on Monday.",
            "COERCE",
            "Bashir removed from power",
        ),
        ("Omar al-Bashir's ouster came on Monday.", "COERCE", "Sudan coup"),
        ("The M23 rebels wrested control of Goma on Monday.", "COERCE", "M23 seizes DR Congo"),
        (
            "Britain completed the handover of Hong Kong on Monday.",
            "CONCEDE",
            "UK hands over Hong Kong",
        ),
        # fighting told with a particle or a light verb
        ("The PKK rose up against Turkey on Monday.", "ASSAULT", "PKK uprising"),
        (
            "Nigeria mounted an operation against Boko Haram on Monday.",
            "ASSAULT",
            "Nigeria attack on Boko Haram",
        ),
        (
            "Ukraine pushed back Russian troops near Kharkiv on Monday.",
            "ASSAULT",
            "Ukraine attack on Russia",
        ),
        (
            "Ukrainian forces broke through Russian lines near Kharkiv on Monday.",
            "ASSAULT",
            "Ukraine attack on Russia",
        ),
        (
            "Russia scaled back its military operations on Monday.",
            "RETREAT",
            "Russia de-escalation",
        ),
        # words of blame, inquiries, motions and envoys
        ("China lashed out at the United States on Monday.", "ACCUSE", "China accuses"),
        (
            "The International Criminal Court opened an investigation on Monday.",
            "ACCUSE",
            "ICC investigation",
        ),
        ("Iran called in the British ambassador on Monday.", "ACCUSE", "Iran summons envoy"),
        (
            "France tabled a resolution at the Security Council on Monday.",
            "REQUEST",
            "France resolution",
        ),
        (
            "Russia kicked out two British diplomats on Monday.",
            "SANCTION",
            "Russia expels UK diplomats",
        ),
        ("Iran broke off talks with the United States on Monday.", "REJECT", "Iran rejects US"),
        ("Iran walked away from the nuclear deal on Monday.", "REJECT", "Iran rejects"),
        # measures, captives and concessions
        ("Russia shut down the newspaper Novaya Gazeta on Monday.", "COERCE", "Russia censors"),
        ("Iran set free two French nationals on Monday.", "CONCEDE", "Iran releases France"),
        ("Russia backed off on Monday.", "CONCEDE", "Russia concedes"),
        ("Imran Khan went into hiding on Monday.", "RETREAT", "Khan flees"),
        (
            "The Security Council gave the green light to the mission on Monday.",
            "SUPPORT",
            "UN authorises",
        ),
        (
            "Vladimir Putin announced a cabinet shake-up on Monday.",
            "STATEMENT",
            "Putin appointment",
        ),
        ("Emmanuel Macron paid tribute to the soldiers on Monday.", "SUPPORT", "Macron backs"),
        # light verbs with a noun: bombs, calls, borders, sentences, raids, demands, asylum
        (
            "Syrian aircraft dropped barrel bombs on Aleppo on Monday.",
            "ASSAULT",
            "Syria attack on Aleppo",
        ),
        (
            "The United Nations renewed its call for a ceasefire on Monday.",
            "REQUEST",
            "UN urges",
        ),
        ("Hungary opened its border with Austria on Monday.", "CONCEDE", "Hungary reopens border"),
        (
            "A court in Iran handed down a death sentence to Jamshid Sharmahd on Monday.",
            "COERCE",
            "Iran detains Jamshid Sharmahd",
        ),
        ("British police swooped on a house in Leeds on Monday.", "COERCE", "UK searches"),
        (
            "Turkey dropped its objection to Sweden's NATO bid on Monday.",
            "CONCEDE",
            "Turkey concedes",
        ),
        ("Turkey withdrew its veto on Monday.", "CONCEDE", "Turkey concedes"),
        ("Edward Snowden filed for asylum in Russia on Monday.", "REQUEST", "Snowden seeks asylum"),
    ],
)
def test_light_verbs_particles_and_nominalisations(text: str, type_: str, label: str):
    (event,) = _extracted(text)
    assert (event.type, event.label, event.value) == (type_, label, "2022-01-10")


@pytest.mark.parametrize(
    ("event_text", "other_text", "type_"),
    [
        # each guarded form: an event with its object, none without it
        (
            "The PKK rose up against Turkey on Monday.",
            "Smoke rose up over Kyiv on Monday.",
            "ASSAULT",
        ),
        (
            "Ukraine pushed back Russian troops near Kharkiv on Monday.",
            "Ukraine pushed back the deadline on Monday.",
            "ASSAULT",
        ),
        (
            "Russia scaled back its military operations on Monday.",
            "Russia scaled back its growth forecast on Monday.",
            "RETREAT",
        ),
        (
            "Iran called in the British ambassador on Monday.",
            "Iran called in experts on Monday.",
            "ACCUSE",
        ),
        (
            "Russia kicked out two British diplomats on Monday.",
            "Russia was kicked out of the tournament on Monday.",
            "SANCTION",
        ),
        (
            "Russia shut down the newspaper Novaya Gazeta on Monday.",
            "Russia shut down the power plant on Monday.",
            "COERCE",
        ),
        (
            "Ukrainian forces broke through Russian lines near Kharkiv on Monday.",
            "Ukraine broke through the clouds of despair on Monday.",
            "ASSAULT",
        ),
        (
            "Iran walked away from the nuclear deal on Monday.",
            "Iran walked away from the podium on Monday.",
            "REJECT",
        ),
    ],
)
def test_light_verb_guards(event_text: str, other_text: str, type_: str):
    assert [e.type for e in _extracted(event_text)] == [type_]
    assert _extracted(other_text) == []


def test_walking_out_and_backing_off_are_not_an_assault_or_support():
    # "stormed out of the talks" is a walk-out, not "stormed" the building; "backed off" a
    # concession, not "backed" someone; "called in the ambassador" no phone call
    assert [e.type for e in _extracted("Iran stormed out of the talks on Monday.")] == ["PROTEST"]
    assert [e.type for e in _extracted("Russia backed off on Monday.")] == ["CONCEDE"]
    assert [e.type for e in _extracted("Iran called in the British ambassador on Monday.")] == [
        "ACCUSE"
    ]


# Round 40: every form of every trigger (one sentence of our own per kind of form added; none
# of these made this event before)
@pytest.mark.parametrize(
    ("text", "type_", "label"),
    [
        # third person, -ing and participle forms of a row's verb
        ("Russia draws down its troops in Syria on Monday.", "RETREAT", "Russia withdraws"),
        (
            "Hungary breaks diplomatic relations with Iran on Monday.",
            "SANCTION",
            "Hungary expels Iranian diplomats",
        ),
        ("Marine Le Pen pled guilty on Monday.", "ACCUSE", "Le Pen trial"),
        (
            "Turkey was closing its airspace to Russian planes on Monday.",
            "COERCE",
            "Turkey closure",
        ),
        (
            "Nigeria was deporting hundreds of Ghanaians on Monday.",
            "COERCE",
            "Nigeria deports Ghanaian nationals",
        ),
        ("Sri Lanka was suspending the constitution on Monday.", "COERCE", "Sri Lanka imposes"),
        ("Jacob Zuma was giving evidence on Monday.", "STATEMENT", "Zuma remarks"),
        (
            "Israel and Hamas were exchanging messages on Monday.",
            "CONSULT",
            "Israel-Hamas exchange of messages",
        ),
        # plurals of a row's noun and nouns of its verb
        ("The crackdowns in Xinjiang began on Monday.", "COERCE", "China crackdown"),
        (
            "The restoration of diplomatic relations between Saudi Arabia and Iran came on Monday.",
            "AGREE",
            "Saudi Arabia-Iran agreement",
        ),
        (
            "The designation of the Houthis as a terrorist group took effect on Monday.",
            "SANCTION",
            "Houthis sanctions",
        ),
        ("The removal of Prime Minister Imran Khan came on Monday.", "COERCE", "Pakistan removes"),
        ("Curfews were imposed in Kenya on Monday.", "COERCE", "Kenya imposes"),
        # verbs of news no row had
        ("China chastised Japan on Monday.", "ACCUSE", "China rebukes Japan"),
        ("Russia scuttled the grain deal on Monday.", "REJECT", "Russia scuttles grain deal"),
        (
            "Russia marshalled 100,000 troops on the border with Ukraine on Monday.",
            "MOBILIZE",
            "Russia military build-up",
        ),
        ("Iraq gassed Kurdish villages on Monday.", "ASSAULT", "Iraq attack"),
        ("Myanmar amnestied 500 prisoners on Monday.", "CONCEDE", "Myanmar amnesties prisoners"),
        ("China derided the sanctions on Monday.", "ACCUSE", "China derides sanctions"),
        ("Iran stonewalled the inquiry on Monday.", "REJECT", "Iran stonewalls inquiry"),
        ("Japan sued for peace on Monday.", "CONCEDE", "Japan concedes"),
        # plurals of a noun phrase
        ("Biden and Xi held video calls on Monday.", "CONSULT", "Biden-Xi phone call"),
        (
            "North Korea conducted missile launches on Monday.",
            "MOBILIZE",
            "North Korea missile launch",
        ),
    ],
)
def test_every_form_of_a_trigger(text: str, type_: str, label: str):
    (event,) = _extracted(text)
    assert (event.type, event.label, event.value) == (type_, label, "2022-01-10")


@pytest.mark.parametrize(
    ("event_text", "other_text", "type_"),
    [
        # "marshalled" and "scuttled" are acts only with forces or a deal as object
        (
            "Russia marshalled 100,000 troops on the border with Ukraine on Monday.",
            "Russia marshalled its arguments on Monday.",
            "MOBILIZE",
        ),
        (
            "Russia scuttled the grain deal on Monday.",
            "The crew scuttled the ship on Monday.",
            "REJECT",
        ),
    ],
)
def test_new_verbs_keep_their_guards(event_text: str, other_text: str, type_: str):
    assert [e.type for e in _extracted(event_text)] == [type_]
    assert _extracted(other_text) == []


@pytest.mark.parametrize(
    ("text", "source", "actors", "label"),
    [
        # a state's court or legislature named with its state acts itself, beside the state
        (
            "Spain's Constitutional Court on Tuesday struck down a Catalan law.",
            "Constitutional Court of Spain",
            {"Spain", "Constitutional Court of Spain", "Catalonia"},
            None,
        ),
        (
            "The Supreme Court of India on Tuesday ordered the release of the activist.",
            "Supreme Court of India",
            {"India", "Supreme Court of India"},
            None,
        ),
        # named by its own name: the body and its state; the pair label names the body
        (
            "The Knesset debated the plan on Tuesday.",
            "Knesset",
            {"Israel", "Knesset"},
            "Knesset debate",
        ),
        # an army or an agency acts in its state's name
        ("The Bundeswehr sent troops to Lithuania on Tuesday.", "Germany", None, None),
    ],
)
def test_a_state_body_named_with_its_state_or_its_own_name_acts(
    text: str, source: str, actors: set[str] | None, label: str | None
):
    (event,) = _extracted(text)
    assert event.source == source
    if actors is not None:
        assert set(event.actors) == actors
    if label is not None:
        assert event.label == label


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine is calm. Ukrainian troops stayed home. Volodymyr Zelensky told parliament on "
        "Tuesday that Ukraine would send troops to Moldova.",
        "Volodymyr Zelensky told the Verkhovna Rada on Tuesday that Ukraine would send troops "
        "to Moldova.",
    ],
)
def test_a_legislature_addressed_before_the_act_is_no_party(text: str):
    (event,) = _extracted(text, when=date(2022, 10, 10))
    assert "Verkhovna Rada" not in event.actors
    assert "Ukraine" in event.actors


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # a ministry named bare speaks for the article's own state
        (
            "Turkey purged the police. Turkey fired judges. The interior ministry said on "
            "Monday that 8,000 officers had been suspended.",
            "Turkey",
        ),
        # ... and one in a capital for that capital's state, not for a state it speaks of
        (
            "The foreign ministry in Beijing said on Monday that it opposed the sale to Taiwan.",
            "China",
        ),
        # a ministry whose name is one state's speaks for it in an article about another
        (
            "Uganda's army seized power, and Uganda was calm. The Foreign Office said on Monday "
            "that the foreigners there were safe.",
            "United Kingdom",
        ),
    ],
)
def test_a_ministry_speaks_for_its_state(text: str, source: str):
    (event,) = _extracted(text, when=date(2016, 7, 20))
    assert event.source == source


def test_who_after_a_persons_appositive_workplace_is_the_person():
    # "an official at the interior ministry, who was shot": the "who" is the official, and
    # the ministry is what he is, not whom he attacked
    text = (
        "Cambodia was in turmoil. Cambodia's Hun Sen seized power. Ho Sok, a senior royalist "
        "official at the interior ministry, who was shot dead on Monday, was buried."
    )
    (event,) = _extracted(text, when=date(1997, 7, 10))
    assert event.target == "Ho Sok"
    assert event.source != "Ho Sok"


@pytest.mark.parametrize(
    ("text", "source", "target"),
    [
        # a place after a verb's preposition is where the act happens, not who acts
        (
            "Russia began operations in Ukraine on Thursday, shelling positions held by the army.",
            "Russia",
            "Ukraine",
        ),
        # (but "Police in Ukraine": no verb before the place, whose police it may name)
        ("Police in Ukraine detained ten protesters on Thursday.", "Ukraine", None),
        ("A car bomb exploded in Ukraine on Thursday, killing nine people.", None, "Ukraine"),
        # whose people a passive harms ("its soldiers were killed") is acted on
        (
            "Moscow said several of its soldiers were killed on Thursday when their convoy"
            " came under fire.",
            None,
            "Russia",
        ),
        # who "is to blame" is blamed; who says so blames
        (
            "Putin told reporters on Thursday that Ukraine's government was to blame for the"
            " crisis.",
            "Vladimir Putin",
            "Ukraine",
        ),
    ],
)
def test_places_victims_and_the_blamed_do_not_act(
    text: str, source: str | None, target: str | None
):
    (event,) = article_events(
        _article(text), [_timex(text, "Thursday", "2021-12-30", D30, D30)], _actors(text)
    )
    assert (event.source, event.target) == (source, target)


def _merged(*articles: tuple[str, date, str]) -> list[Event]:
    from dashapp.actors import Gazetteer
    from dashapp.pipeline import extract

    arts = [Article(i, "t", d, f"https://example.org/{i}", text) for i, d, text in articles]
    return list(extract(arts, gazetteer=Gazetteer.load()).events)


def test_reports_a_week_apart_join_only_with_the_same_doer():
    # round 43: "on Sunday" in a Sunday paper may be the Sunday before (an alternative
    # reading), but two arrivals of different doers a week apart are two happenings
    un = ("a1", date(2024, 3, 10), "A United Nations team arrived in Sudan on Sunday.")
    lorries = (
        "a2",
        date(2024, 3, 4),
        "The first buses carrying refugees from Sudan arrived in Chad on Sunday.",
    )
    events = _merged(un, lorries)
    assert sorted(e.value for e in events) == ["2024-03-03", "2024-03-10"]
    assert all(len(e.mentions) == 1 for e in events)
    # the same doer's arrival told on either reading is still one happening, and so are
    # outlets a day apart
    again = ("a3", date(2024, 3, 4), "A United Nations team arrived in Sudan on Sunday.")
    (one,) = _merged(un, again)
    assert len(one.mentions) == 2 and one.source == "UN"
    day_apart = (
        ("d1", date(2024, 7, 9), "Vladimir Putin met Xi Jinping on Monday."),
        ("d2", date(2024, 7, 10), "Xi Jinping met Putin on Tuesday."),
    )
    (met,) = _merged(*day_apart)
    assert met.value == "2024-07-08" and met.other_dates == ("2024-07-09",)


def test_in_person_happenings_in_two_states_are_two():
    visit = (
        "b1",
        date(2024, 5, 14),
        "German Chancellor Olaf Scholz arrived in Lithuania on Tuesday.",
    )
    meeting = (
        "b2",
        date(2024, 5, 16),
        "The German government said Scholz met Polish Prime Minister Donald Tusk in Berlin"
        " on Tuesday.",
    )
    events = _merged(visit, meeting)
    assert sorted(e.label for e in events) == [
        "Scholz visits Lithuania",
        "Scholz-Tusk meeting in Berlin",
    ]
    # a place inside the state visited is the same happening ("Vilnius" is Lithuania's)
    there = (
        "b3",
        date(2024, 5, 15),
        "Scholz met Lithuanian President Gitanas Nauseda in Vilnius on Tuesday.",
    )
    (one,) = _merged(visit, there)
    assert len(one.mentions) == 2


def test_meetings_of_two_different_pairs_of_people_are_two():
    xi = ("c1", date(2024, 7, 9), "Vladimir Putin met Xi Jinping on Monday in Astana.")
    modi = ("c2", date(2024, 7, 9), "Vladimir Putin met Narendra Modi on Monday.")
    events = _merged(xi, modi)
    assert sorted(e.label for e in events) == ["Putin-Modi meeting", "Putin-Xi meeting in Astana"]
    # the same pair, either of them the subject, is one meeting
    same = ("c3", date(2024, 7, 10), "Xi Jinping held talks with Putin on Monday.")
    (one,) = _merged(xi, same)
    assert len(one.mentions) == 2


# round 46: actor precision


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # a party named only in a clause of another time after the act and its date is that
        # happening's ("after X met Y", "a day after X ordered"), not this one's
        (
            "Japan and the Philippines held naval exercises on Monday after Li Qiang met the "
            "Vietnamese president in Hanoi.",
            {"Japan", "Philippines"},
        ),
        (
            "Norway expelled three Iranian diplomats on Monday after Tehran refused to "
            "extradite Abbas Araghchi.",
            {"Norway", "Iran"},
        ),
        # who brokered the act or pressed for it stays its party
        (
            "Armenia and Azerbaijan agreed to a ceasefire on Monday after talks mediated by Qatar.",
            {"Armenia", "Azerbaijan", "Qatar"},
        ),
        (
            "Sudan and Chad reopened their border on Monday after an appeal from Emmanuel Macron.",
            {"Sudan", "Chad", "Emmanuel Macron"},
        ),
    ],
)
def test_a_party_of_a_clause_of_another_time_is_not_the_acts(text, actors):
    events = [e for e in _extracted(text, date(2024, 3, 8)) if e.value == "2024-03-04"]
    assert len(events) == 1
    assert set(events[0].actors) == actors


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # a person meeting, calling or visiting another state meets in person (the owner's
        # "Blinken speaks with NATO chief Stoltenberg" lists no US)
        ("Emmanuel Macron visited Poland on Monday.", {"Emmanuel Macron", "Poland"}),
        ("Antony Blinken held talks with Ukraine on Monday.", {"Antony Blinken", "Ukraine"}),
        ("Olaf Scholz spoke with Ukraine by phone on Monday.", {"Olaf Scholz", "Ukraine"}),
        # nor does an organisation met bring the person's state (the owner's "Blinken
        # speaks with NATO chief Stoltenberg": Blinken, Stoltenberg, NATO)
        ("Antony Blinken met NATO officials on Monday.", {"Antony Blinken", "NATO"}),
        # nor a lone official's remarks (the owner's "Biden warns Russia": no US)
        ("Antony Blinken said on Monday that the talks had been useful.", {"Antony Blinken"}),
    ],
)
def test_a_person_meeting_another_party_meets_in_person(text, actors):
    (ev,) = _extracted(text, date(2024, 3, 8))
    assert set(ev.actors) == actors


# round 47b: actors


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # what a lone official says or warns is his own: no state of his (the owner's "Biden
        # warns Russia in remarks to reporters": Joe Biden, Vladimir Putin, Russia, Ukraine)
        ("Olaf Scholz told reporters on Tuesday that the plan would work.", {"Olaf Scholz"}),
        (
            "Emmanuel Macron warned Iran on Tuesday against enriching more uranium.",
            {"Emmanuel Macron", "Iran"},
        ),
        # his material act is his state's (the owner's "Russia seizes Crimea": Putin, Russia)
        (
            "Vladimir Putin ordered troops into Georgia on Tuesday.",
            {"Vladimir Putin", "Georgia", "Russia"},
        ),
        # a body he speaks for that is no state stays ("NATO chief Stoltenberg")
        (
            "Jens Stoltenberg said on Tuesday that the alliance was ready.",
            {"Jens Stoltenberg", "NATO"},
        ),
    ],
)
def test_a_lone_officials_words_are_his_own_his_force_his_states(text, actors):
    (ev,) = _extracted(text, date(2024, 3, 8))
    assert set(ev.actors) == actors


def test_a_protest_or_a_body_of_the_state_keeps_the_state():
    # the person alone speaks for himself ...
    (ev,) = _extracted("Lukashenko said on Tuesday that the protests were over.", date(2024, 3, 8))
    assert set(ev.actors) == {"Alexander Lukashenko"}
    # ... but a protest is the state's crowds', the person named is what they march against
    text = "Thousands of people marched against Alexander Lukashenko in Minsk on Tuesday."
    (ev,) = _extracted(text, date(2024, 3, 8))
    assert (ev.type, set(ev.actors)) == ("PROTEST", {"Alexander Lukashenko", "Belarus"})
    # and a body of the state that acts is the state: the cabinet meets, not the person
    (ev,) = _extracted(
        "Lukashenko's cabinet met on Tuesday to discuss the crisis.", date(2024, 3, 8)
    )
    assert set(ev.actors) == {"Alexander Lukashenko", "Belarus"}


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # named as the canonical name spells him: the person alone
        (
            "President Daniel Noboa said on Tuesday that the curfew would stand.",
            {"Daniel Noboa"},
        ),
        # spelled otherwise (accents, a letter apart): his state stays, a side that the
        # article names whichever way it spells him
        (
            "President Lenin Moreno said on Tuesday that the decree would stand.",
            {"Lenín Moreno", "Ecuador"},
        ),
        (
            "Jaafar Nimeiri said on Tuesday that the curfew would stand.",
            {"Gaafar Nimeiry", "Sudan"},
        ),
        # a possessive that lost its apostrophe is no other spelling
        (
            "The court issued a warrant for Mr Putins arrest. Vladimir Putin said on Tuesday "
            "that the warrant was void.",
            {"Vladimir Putin"},
        ),
    ],
)
def test_a_person_the_article_spells_otherwise_keeps_his_state(text, actors):
    (ev,) = _extracted(text, date(2024, 3, 8))
    assert set(ev.actors) == actors


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # a party named after the verb of a clause of what went on meanwhile is that
        # clause's; its subject stays, as whom the act catches at that moment
        (
            "Soldiers seized power in Niger on Wednesday while President Mohamed Bazoum was "
            "preparing to fly home from a summit in Ethiopia.",
            {"Niger", "Mohamed Bazoum"},
        ),
        (
            "Emmanuel Macron warned Iran on Tuesday as the mediators flew to Qatar.",
            {"Emmanuel Macron", "Iran"},
        ),
        # "as soon as", "as part of" open no such clause
        (
            "Germany promised on Tuesday to send tanks to Ukraine as soon as Poland did.",
            {"Germany", "Ukraine", "Poland"},
        ),
        (
            "Germany promised on Tuesday to send aid as part of a package for Ukraine.",
            {"Germany", "Ukraine"},
        ),
    ],
)
def test_a_party_of_a_meanwhile_clause_is_not_the_acts(text, actors):
    (ev,) = _extracted(text, date(2024, 3, 8))
    assert set(ev.actors) == actors


def test_a_follow_up_brings_the_officials_state_only_for_a_states_act():
    text = "Emmanuel Macron condemned Russia on Monday. Olaf Scholz followed suit on Tuesday."
    (ev,) = [e for e in _extracted(text, date(2024, 3, 8)) if e.value == "2024-03-05"]
    assert set(ev.actors) == {"Olaf Scholz", "Russia"}
    text = "France imposed sanctions on Russia on Monday. Olaf Scholz followed suit on Tuesday."
    (ev,) = [e for e in _extracted(text, date(2024, 3, 8)) if e.value == "2024-03-05"]
    assert set(ev.actors) == {"Olaf Scholz", "Germany", "Russia"}


def test_a_person_the_gazetteer_does_not_know_brings_the_home_state_as_a_known_one():
    story = "Soldiers seized power in Mali on Monday. Mali's borders were closed. "
    # his words are his own ...
    text = story + "Colonel Ibrahim Kante told reporters on Tuesday that the army would stay."
    (ev,) = [e for e in _extracted(text, date(2024, 3, 8)) if e.value == "2024-03-05"]
    assert set(ev.actors) == {"Ibrahim Kante"}
    # ... his force is the state's where the story happens
    text = story + "Colonel Ibrahim Kante sent troops to the north on Tuesday."
    (ev,) = [e for e in _extracted(text, date(2024, 3, 8)) if e.value == "2024-03-05"]
    assert set(ev.actors) == {"Ibrahim Kante", "Mali"}


# round 47a: recall


@pytest.mark.parametrize(
    ("text", "value", "actor"),
    [
        # a named party, then its own past verb, in the clause of a date with no trigger
        # word: the clause tells a dated happening of that party
        ("Portugal sold Macau's casinos to Hong Kong investors in 1962.", "1962", "Portugal"),
        ("Kenya reversed the tax on mobile money on Monday.", "2024-03-04", "Kenya"),
        # an adverb between the subject and its verb; a name set off as an appositive
        ("Norway quietly dropped the levy on Tuesday.", "2024-03-05", "Norway"),
        (
            "The German chancellor, Olaf Scholz, trimmed the budget in February.",
            "2024-02",
            "Olaf Scholz",
        ),
        # the date fronted before the subject
        ("On Wednesday, Chile widened the pass for lorries.", "2024-03-06", "Chile"),
        # a perfect, a passive and a happening to come are the party's acts too
        ("Kenya had quietly widened the pass on Tuesday.", "2024-03-05", "Kenya"),
        ("Macau was handed to China in 1999.", "1999", "China"),
        ("Chile will widen the pass for lorries on Wednesday.", "2024-03-13", "Chile"),
        ("Norway is due to double the levy on Monday.", "2024-03-11", "Norway"),
        # the party qualifies the subject's nouns: its forces or officials act
        ("Kenyan police officers escorted the convoy on Tuesday.", "2024-03-05", "Kenya"),
        ("Chilean navy divers recovered the wreck on Monday.", "2024-03-04", "Chile"),
        # the party named as the agent of a passive acts
        ("The budget was trimmed by Chile in 2019.", "2019", "Chile"),
        (
            "The frontier was redefined by the Peruvian president Alberto Fujimori in 1998.",
            "1998",
            "Alberto Fujimori",
        ),
    ],
)
def test_a_named_partys_past_verb_tells_a_dated_happening(text, value, actor):
    events = [e for e in _extracted(text, date(2024, 3, 8)) if e.value == value]
    assert len(events) == 1
    assert actor in events[0].actors


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        # a headline: the party, its verb in the present and the name it acts on
        ("Portugal sold Macau to China in 1999.", "1999", "Portugal sells Macau"),
        ("Kenya reversed the tax on mobile money on Monday.", "2024-03-04", "Kenya reverses tax"),
        # a happening to come: "to" and the verb
        ("Norway is due to double the levy on Monday.", "2024-03-11", "Norway to double"),
        ("Chile will widen the pass for lorries on Wednesday.", "2024-03-13", "Chile to widen"),
    ],
)
def test_a_named_partys_act_is_labelled_as_a_headline(text, value, label):
    events = [e for e in _extracted(text, date(2024, 3, 8)) if e.value == value]
    assert [e.label for e in events] == [label]


def test_a_date_goes_with_the_nearer_named_act():
    # two named parties' acts before one date: the date is the nearer one's ("East Germany
    # opened the Berlin Wall, and ... the East German party dropped Honecker on Oct 18")
    text = "Norway widened the road, and Chile trimmed the budget on Monday."
    events = [e for e in _extracted(text, date(2024, 3, 8)) if e.value == "2024-03-04"]
    assert [e.label.split()[0] for e in events] == ["Chile"]
    assert "Norway" not in events[0].actors


def test_a_date_between_due_and_its_verb_is_not_the_verb():
    # "are due on Thursday to compare": "on" is no verb of the party (it made an event
    # labelled with the party's name alone, "Chile")
    text = "Chilean police experts are due on Thursday to compare the fingerprints."
    assert all(e.label != "Chile" for e in _extracted(text, date(2024, 3, 8)))


@pytest.mark.parametrize(
    ("act", "no_act"),
    [
        # a state or a modal is no happening, an act of the same party is
        (
            "Chile trimmed the budget of the bloc in 2019.",
            "Chile held the presidency of the bloc in 2019.",
        ),
        (
            "Kenya cut the levy on Ugandan sugar in 2021.",
            "Kenya remained the largest buyer of Ugandan sugar in 2021.",
        ),
        # a rate tells a habit: "a year" (not an offset: "a year after")
        (
            "Portugal bought 40,000 tonnes of cork in 2010.",
            "Portugal bought 40,000 tonnes of cork a year in 2010.",
        ),
        # a date that qualifies a noun dates no act of the clause's subject
        (
            "Peru widened the road to the frontier with Ecuador in 1942.",
            "Peru widened the road to its 1942 frontier with Ecuador.",
        ),
        # the party after the verb is not its subject, unless it is a passive's agent
        (
            "Chile widened the pass on Wednesday.",
            "The pass was widened for lorries from Chile on Wednesday.",
        ),
        (
            "The pass was widened by Chile on Wednesday.",
            "The pass was widened for lorries from Chile on Wednesday.",
        ),
        # a passive or a future of a state is no act
        (
            "Kenya was readmitted to the bloc in 2019.",
            "Kenya was ranked first in the bloc in 2019.",
        ),
        (
            "Chile will widen the pass on Monday.",
            "Chile is expected to remain in the bloc on Monday.",
        ),
    ],
)
def test_a_named_partys_state_habit_or_dated_noun_makes_no_happening(act, no_act):
    assert len(_extracted(act, date(2024, 3, 8))) == 1
    assert _extracted(no_act, date(2024, 3, 8)) == []


@pytest.mark.parametrize(
    "text",
    [
        # troops, ships or aircraft moving with no party named are the forces of the state
        # the story is about (as police firing tear gas are)
        "Chad accused Sudan of arming rebels on Sunday. Chad said its border was under "
        "threat. Paratroopers landed at the airport in Abeche on Monday.",
        "Chile said on Sunday that it would defend its waters. Chile has long claimed the "
        "strait. Warships sailed into the Beagle Channel on Monday.",
    ],
)
def test_unnamed_forces_moving_are_the_home_states(text):
    events = [e for e in _extracted(text, date(2024, 3, 8)) if e.value == "2024-03-04"]
    assert len(events) == 1
    assert events[0].type == "MOBILIZE"
    assert events[0].actors == (text.split()[0],)


# round 49a: fewer wrong actors


def _monday_actors(text: str) -> set[str]:
    events = [e for e in _extracted(text, date(2024, 3, 8)) if e.value == "2024-03-04"]
    assert len(events) == 1, text
    return set(events[0].actors)


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # a lone party's act: whom a clause of another time after it names is that
        # happening's, not this one's
        (
            "Ruto was sworn in on Monday after his rival, Raila Odinga, conceded.",
            {"William Ruto"},  # (taking office is his own, round 58g: no Kenya)
        ),
        ("Kuwait asked for help on Monday after Iran attacked its tankers.", {"Kuwait"}),
    ],
)
def test_round49a_a_lone_partys_act_names_no_party_of_another_times_clause(text, actors):
    assert _monday_actors(text) == actors


def test_round49a_but_whom_the_happening_before_is_with_stays():
    # whom the noun of a happening before it is with ("after a fight with") fought or met
    # the party in the act; whom a clause names did not
    text = "Argentine marines took the island on Monday after a fight with British troops."
    assert _monday_actors(text) == {"Argentina", "United Kingdom"}
    text = "Argentine marines took the island on Monday after Chile closed its ports."
    assert _monday_actors(text) == {"Argentina"}


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # a participle clause of consequence after the act names what the act brought
        # about or ended, not its parties
        (
            "Portugal pulled its troops out of the colony on Monday, leaving it to be "
            "divided between Indonesia and Australia.",
            {"Portugal"},
        ),
        (
            "Sudanese troops stormed the palace on Monday, ending 30 years of rule by "
            "Omar al-Bashir.",
            {"Sudan"},
        ),
        (
            "A Chinese drone crashed near the coast on Monday, alarming Japan and South Korea.",
            {"China"},
        ),
    ],
)
def test_round49a_a_consequence_after_the_act_names_no_party_of_it(text, actors):
    assert _monday_actors(text) == actors


def test_round49a_but_whom_the_act_makes_or_strikes_and_the_next_clause_stay():
    # whom the act itself makes or acts on, told by a participle, is its party
    text = "A bomb exploded in Beirut on Monday, killing Prime Minister Nawaf Salam."
    assert "Nawaf Salam" in _monday_actors(text)
    # a clause after the consequence (", and ...") is no part of it
    text = "Chile signed the accord on Monday, ending the dispute, and Argentina welcomed it."
    assert _monday_actors(text) == {"Chile", "Argentina"}
    text = "Chile left the bloc on Monday, leaving Peru as its only Andean member."
    assert _monday_actors(text) == {"Chile"}


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # the happening that opens or closes a time frame ("since ...", "until ...") is
        # another one: its parties are not the act's
        (
            "Chile and Peru held their first talks on Monday since the war with Bolivia.",
            {"Chile", "Peru"},
        ),
        (
            "Chile and Peru signed a border pact on Monday that will hold until Bolivia agrees.",
            {"Chile", "Peru"},
        ),
        ("Kenya closed the border on Monday until Somalia hands over the gunmen.", {"Kenya"}),
    ],
)
def test_round49a_the_happening_of_a_time_frame_names_no_party_of_the_act(text, actors):
    assert _monday_actors(text) == actors


def test_round49a_a_region_named_after_another_state_is_not_that_state():
    # Inner Mongolia is a region of China, Northern Rhodesia was not Rhodesia
    # (resources/actors/decoys.json)
    text = "Chinese troops held a parade in Inner Mongolia on Monday."
    assert _monday_actors(text) == {"China"}
    (ev,) = _extracted("Kenneth Kaunda flew back to Northern Rhodesia on Monday.", date(1963, 3, 8))
    assert set(ev.actors) == {"Kenneth Kaunda"}


# round 49b: events still missed


@pytest.mark.parametrize(
    ("text", "day", "labels"),
    [
        # one doer's two acts of one day, told in two sentences with another party each
        (
            "Chad accused Sudan of arming rebels on Monday. The rebels deny it. Chad also "
            "accused Libya of hosting their leaders on Monday.",
            "2024-03-04",
            {"Chad accuses Sudan", "Chad accuses Libya"},
        ),
        (
            "Serbia and Kosovo signed a trade pact on Tuesday. Both sides praised the deal. "
            "Serbia signed a gas accord with Hungary on Tuesday.",
            "2024-03-05",
            {"Serbia-Kosovo sign agreement", "Serbia-Hungary agreement"},
        ),
        # ... or in one sentence, with a second expression of the day
        (
            "Kenya met Somalia on Monday and met Ethiopia later the same day.",
            "2024-03-04",
            {"Kenya-Somalia meeting", "Kenya-Ethiopia meeting"},
        ),
    ],
)
def test_two_sentences_of_one_day_with_other_parties_are_two_happenings(text, day, labels):
    events = [e for e in _extracted(text, date(2024, 3, 8)) if e.value == day]
    assert {e.label for e in events} == labels
    assert all(len(e.actors) == 2 for e in events)


def test_one_articles_two_tellings_of_one_day_stay_apart_only_with_other_parties():
    def told(sentence: str, actors: tuple[str, ...], text="on Monday", start=0, article="a1"):
        m = Mention(article, text, start, start + 9, "DATE", "2024-03-04", sentence, "e")
        d = date(2024, 3, 4)
        return Event(
            "x", "accuses", "ACCUSE", "verbal conflict", d, d, "2024-03-04", "day", actors, (m,)
        )

    sudan = told("Chad accused Sudan on Monday.", ("Chad", "Sudan"))
    libya = told("Chad also accused Libya on Monday.", ("Chad", "Libya"), start=40)
    assert not same_happening(sudan, libya)
    # a second expression of the day in the same sentence tells another happening
    both = "Chad accused Sudan on Monday and Libya later the same day."
    assert not same_happening(
        told(both, ("Chad", "Sudan")), told(both, ("Chad", "Libya"), start=30)
    )
    # in two articles, or by one date expression, or with the same parties: one happening
    assert same_happening(sudan, told("Chad also accused Libya.", ("Chad", "Libya"), article="a2"))
    assert same_happening(told(both, ("Chad", "Sudan")), told(both, ("Chad", "Libya")))
    assert same_happening(
        sudan, told("In Monday's attack Chad blamed Sudan.", ("Sudan", "Chad"), start=40)
    )
    # a date counted from another happening points back to one told before
    assert same_happening(
        sudan, told("a day after Chad accused Sudan", ("Chad",), "a day after", 40)
    )


@pytest.mark.parametrize(
    ("text", "type_", "label", "actor"),
    [
        # happenings told with verbs no trigger row named: harm done, a broadcast, a
        # dispute settled, an attack thrown back, an escape
        (
            "Gunmen wounded three Nigerian soldiers near Maiduguri on Monday.",
            "ASSAULT",
            None,
            "Nigeria",
        ),
        (
            "Al Jazeera broadcast the tape on Monday.",
            "STATEMENT",
            "Al Jazeera broadcast",
            "Al Jazeera",
        ),
        (
            "Chile and Peru settled their maritime dispute on Monday.",
            "AGREE",
            "Chile-Peru agreement",
            "Peru",
        ),
        ("Malian troops repulsed the rebels near Gao on Monday.", "ASSAULT", None, "Mali"),
        (
            "Former president Ravalomanana escaped to South Africa on Monday.",
            "RETREAT",
            "Ravalomanana escapes",
            "Marc Ravalomanana",
        ),
    ],
)
def test_verbs_of_harm_broadcast_settlement_repulse_and_escape_are_triggers(
    text, type_, label, actor
):
    (event,) = [e for e in _extracted(text, date(2024, 3, 8)) if e.value == "2024-03-04"]
    assert event.type == type_
    assert label is None or event.label == label
    assert actor in event.actors


# round 51a: the right date (docs/accuracy-rounds.md)


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        # the clause after the offset dates itself; the clause before it, with no date of
        # its own, happened that long after it
        (
            "The general recalled his troops to the capital three days after rebels"
            " seized the port on March 4.",
            "three days",
            "2021-03-07",
        ),
        (
            "Parliament was dissolved a week before the king signed the decree on"
            " Friday, March 19.",
            "a week",
            "2021-03-12",
        ),
    ],
)
def test_round51a_a_clause_counted_on_from_the_dated_clause_after_it(text, expr, value):
    (tx,) = [t for t in anchored_dates(text, _tagged(text, date(2021, 3, 22))) if t.text == expr]
    assert tx.value == value


def test_round51a_the_counted_clause_is_dated_as_an_event():
    events = _extracted(
        "Kenya closed its border with Somalia two days after militants attacked a"
        " bus in Mandera on March 4.",
        date(2021, 3, 22),
    )
    assert any(e.value == "2021-03-06" and "Kenya" in e.actors for e in events)


def test_round51a_no_date_counted_on_where_the_clause_is_dated_or_points_back():
    """Counted on only where the clause before the offset names no date and is not a
    happening told before ("The closure came ...")."""
    base = "Kenya closed its border two days after militants attacked a bus on March 4."
    (tx,) = anchored_dates(base, _tagged(base, date(2021, 3, 22)))
    assert tx.value == "2021-03-06" and "counted on" in tx.explanation
    for text in (
        "Kenya closed its border on March 8, two days after militants attacked a bus on March 4.",
        "The closure came two days after militants attacked a bus in Mandera on March 4.",
    ):
        counted = anchored_dates(text, _tagged(text, date(2021, 3, 22)))
        assert not any("counted on" in t.explanation for t in counted), text


# round 51b: the right type
@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # an appeal added to a dated statement is part of what was said
        (
            "The Dutch foreign ministry said on Monday that it was alarmed by the fighting "
            "and urged both sides to return to talks.",
            "STATEMENT",
        ),
        (
            "Chancellor Olaf Scholz said on Monday that the election had been fair and called "
            "on the losers to accept it.",
            "STATEMENT",
        ),
        # blame laid in a statement, by the words that lay it
        (
            "President Emmanuel Macron said on Monday that there was evidence linking Iran to "
            "the bombing.",
            "ACCUSE",
        ),
        (
            "The Polish government said on Monday that the strikes had been organised by "
            "Russian agents.",
            "ACCUSE",
        ),
        ("Chancellor Olaf Scholz said on Monday that Russia had betrayed Europe.", "ACCUSE"),
        (
            "President Emmanuel Macron said on Monday that France held the junta responsible.",
            "ACCUSE",
        ),
        # a refusal or a threat in a statement, by the words that make it one
        (
            "Chancellor Olaf Scholz said on Monday that the referendum was unconstitutional.",
            "REJECT",
        ),
        ("Peru's foreign minister said on Monday that Lima would turn the offer down.", "REJECT"),
        ("Chancellor Olaf Scholz said on Monday that the decree had no legal force.", "REJECT"),
        (
            "President Emmanuel Macron said on Monday that France would pursue the kidnappers.",
            "THREATEN",
        ),
        (
            "President Emmanuel Macron said on Monday that the bombers would be held accountable.",
            "THREATEN",
        ),
        ("Chancellor Olaf Scholz said on Monday that the junta's days were numbered.", "THREATEN"),
    ],
)
def test_round51b_what_a_dated_statement_says_types_it(text, type_):
    # the said-family statement dated in the clause, typed by its words: an appeal added
    # stays the statement; blame, refusal or a threat in the words it reports make the act
    events = [e for e in _extracted(text, date(2024, 3, 8)) if e.value == "2024-03-04"]
    assert [e.type for e in events] == [type_]


@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # a sitting told or reported to is the speech's audience
        (
            "President Emmanuel Macron told an emergency session of parliament on Monday that "
            "France would stand firm.",
            "STATEMENT",
        ),
        ("President Joe Biden reported to a joint session of Congress on Monday.", "STATEMENT"),
        # "called" as an adjective or a name given is no phone call
        (
            "Prime Minister Imran Khan said at a hastily called news conference on Monday that "
            "Pakistan would stand firm.",
            "STATEMENT",
        ),
        (
            "President Emmanuel Macron said on Monday that the new force would be called the "
            "European Shield.",
            "STATEMENT",
        ),
        # an attack claimed is a claim of responsibility
        ("The Pakistani Taliban claimed the bombing in Peshawar on Monday.", "STATEMENT"),
        # a document released is made public, nobody is freed
        ("The Nigerian army released a video of the captured men on Monday.", "STATEMENT"),
        ("Kenya's electoral commission released the final results on Monday.", "STATEMENT"),
        # a mission closed is a cut in ties, not a border closed
        ("Libya closed its embassy in Rome on Monday.", "SANCTION"),
        # a measure withdrawn is a concession, not a pull-back
        ("President William Ruto withdrew the fuel tax bill on Monday.", "CONCEDE"),
        ("The Jordanian government withdrew its new press law on Monday.", "CONCEDE"),
    ],
)
def test_round51b_which_word_of_the_clause_types_the_happening(text, type_):
    # an audience, a name given, an attack claimed, a document released, a mission closed,
    # a measure withdrawn: the word the date modifies read as the act it is
    events = [e for e in _extracted(text, date(2024, 3, 8)) if e.value == "2024-03-04"]
    assert [e.type for e in events] == [type_]


# round 52a: happenings never extracted (docs/accuracy-rounds.md)

_LIMA = "LIMA - Thousands of Peruvians marched through the streets of Peru's capital. "


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # a measure, a ceremony, an abolition told in the passive with no doer named
        ("A curfew was imposed across the capital on Tuesday night.", "2022-01-11"),
        ("The funeral will be held on Saturday.", "2022-01-15"),
        ("The death penalty was abolished in 1993, and few mourned it.", "1993"),
        ("The victims will be buried on Sunday.", "2022-01-16"),
    ],
)
def test_round52a_an_agentless_passive_is_the_home_states(sentence, value):
    """A happening with nobody named, told in the passive with no doer, is of the state where
    the story happens (as an unnamed body's act is: "Police fired tear gas on Monday")."""
    events = [e for e in _extracted(_LIMA + sentence) if e.value == value]
    assert events and all("Peru" in e.actors for e in events)


def test_round52a_no_state_for_a_passive_with_its_doer_or_a_plan_of_its_doer():
    """A passive that names its doer ("by the rebels") or that only tells a plan of the
    subject ("is expected to end") gets no state put in for its doer."""
    for sentence in (
        "A curfew was imposed by the rebels on Tuesday night.",
        "The curfew is expected to end on Tuesday.",
    ):
        assert not [e for e in _extracted(_LIMA + sentence) if e.value == "2022-01-11"], sentence
    assert [e for e in _extracted(_LIMA + "A curfew was imposed on Tuesday.") if "Peru" in e.actors]


@pytest.mark.parametrize(
    "sentence",
    [
        # a body or a crowd named by what its members are, or rioting as the subject
        "Junior officers mutinied at two barracks on Tuesday.",
        "Royalists rallied in the capital on Tuesday.",
        "Rioting spread to three more towns on Tuesday.",
        "Union leaders said on Tuesday that they would stage a general strike.",
        # a state's armed service or its fleet
        "The navy said on Tuesday that the missing submarine had been found.",
        "The expedition left Callao on Tuesday aboard an icebreaker.",
    ],
)
def test_round52a_members_of_an_unnamed_body_act_for_the_home_state(sentence):
    events = [e for e in _extracted(_LIMA + sentence) if e.value == "2022-01-11"]
    assert events and all("Peru" in e.actors for e in events)


@pytest.mark.parametrize(
    "text",
    [
        # "Hours later" in a new paragraph, or after a sentence that dates nothing of its own
        "Rebels seized the airport in Bamako on Tuesday.\nHours later, Emmanuel Macron"
        " condemned the coup.",
        'Rebels seized the airport in Bamako on Tuesday. "We will restore order," a rebel'
        " spokesman told reporters. Hours later, Emmanuel Macron condemned the coup.",
        # "came hours after" in the sentence after the date of what came
        "Kenya closed its border with Somalia on Tuesday.\nThe decision came hours after"
        " Ethiopia closed its airspace.",
    ],
)
def test_round52a_hours_count_from_the_happening_told_just_before(text):
    events = _extracted(text, date(2022, 1, 12))
    macron_or_ethiopia = [e for e in events if {"Emmanuel Macron", "Ethiopia"} & set(e.actors)]
    assert macron_or_ethiopia and all(e.value == "2022-01-11" for e in macron_or_ethiopia)


def test_round52a_hours_later_reaches_over_two_undated_sentences_not_more():
    # (round 57d: two undated sentences, a quote and a line of background, not one only)
    lead = "Rebels seized the airport in Bamako on Tuesday. Few expected it."
    later = " Hours later, Emmanuel Macron condemned the coup."
    for text, counted in (
        (lead + later, True),
        (lead + " The city was quiet." + later, True),
        (lead + " The city was quiet. Shops stayed shut." + later, False),
    ):
        macron = [e for e in _extracted(text, date(2022, 1, 12)) if "Emmanuel Macron" in e.actors]
        assert bool(macron) == counted, text


@pytest.mark.parametrize(
    "sentence",
    [
        # the crowd as the trigger and the subject of its clause
        "Protesters broke into the congress building on Tuesday night.",
        "Rioters burned three banks on Tuesday.",
    ],
)
def test_round52a_a_crowd_as_subject_is_the_home_states(sentence):
    events = [e for e in _extracted(_LIMA + sentence) if e.value == "2022-01-11"]
    assert events and all("Peru" in e.actors for e in events)


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        # the capital the story is in is a place to be due in or to return to
        ("A team of envoys from Kenya and Uganda is due in the capital on Tuesday.", "Kenya"),
        ("Emmanuel Macron is due to return to his battered capital on Tuesday.", "Emmanuel Macron"),
    ],
)
def test_round52a_due_in_or_returning_to_the_capital_is_a_journey(sentence, actor):
    events = [e for e in _extracted(_LIMA + sentence) if e.value == "2022-01-18"]
    assert events and all(actor in e.actors for e in events)


def test_round52a_leaving_by_ship_or_helicopter_is_a_departure():
    for sentence in (
        "Emmanuel Macron left by helicopter on Tuesday.",
        "Emmanuel Macron lowered the flag and left by ship on Tuesday.",
    ):
        events = [e for e in _extracted(_LIMA + sentence) if e.value == "2022-01-11"]
        assert events and all("Emmanuel Macron" in e.actors for e in events), sentence


@pytest.mark.parametrize(
    ("sentence", "value", "actors"),
    [
        # new trigger rows: a lockdown imposed, independence from a state
        (
            "Emmanuel Macron ordered a two-week lockdown of Paris on Tuesday.",
            "2022-01-11",
            {"Emmanuel Macron"},
        ),
        (
            "Jomo Kenyatta led Kenya to independence from Britain in 1963.",
            "1963",
            {"Kenya", "United Kingdom"},
        ),
    ],
)
def test_round52a_a_lockdown_and_independence_from_a_state_are_happenings(sentence, value, actors):
    events = [e for e in _extracted(_LIMA + sentence) if e.value == value]
    assert events and all(actors <= set(e.actors) for e in events)


def test_round52a_barring_is_a_ban():
    text = _LIMA + "The aviation authority barred Chilean airlines from its airspace on Tuesday."
    (event,) = [e for e in _extracted(text) if e.value == "2022-01-11"]
    assert event.type == "SANCTION" and "Chile" in event.actors


def test_round52a_a_conference_on_a_question_is_talks():
    text = _LIMA + "The conference on the border dispute is due to open in Quito on Tuesday."
    (event,) = [e for e in _extracted(text) if e.value == "2022-01-18"]
    assert event.type == "CONSULT" and "Peru" in event.actors


def test_round52a_to_telephone_is_a_phone_call():
    text = _LIMA + "Emmanuel Macron was the first leader to telephone Pedro Castillo on Tuesday."
    (event,) = [e for e in _extracted(text) if e.value == "2022-01-11"]
    assert event.type == "CONSULT" and {"Emmanuel Macron", "Pedro Castillo"} <= set(event.actors)


# round 52b: other senses of sent, ordered, proclaimed (docs/accuracy-rounds.md)


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        ("Chile sent its special envoy to Lima on Tuesday.", "Chile"),
        ("Bolivia dispatched a delegation to Lima on Tuesday.", "Bolivia"),
    ],
)
def test_round52b_an_envoy_or_a_delegation_sent_is_a_mission(sentence, actor):
    (event,) = [e for e in _extracted(_LIMA + sentence) if e.value == "2022-01-11"]
    assert event.type == "CONSULT" and actor in event.actors and "envoy" in event.label


def test_round52b_battalions_ordered_are_a_deployment_as_troops_sent_are():
    for sentence in (
        "Ecuador ordered two battalions to the Peruvian border on Tuesday.",
        "Chile sent 2,000 troops to the border on Tuesday.",
    ):
        (event,) = [e for e in _extracted(_LIMA + sentence) if e.value == "2022-01-11"]
        assert event.type == "MOBILIZE" and event.label.endswith("deploys troops")


@pytest.mark.parametrize(
    ("sentence", "type_"),
    [
        ("Gabriel Boric sent Pedro Castillo a long message on Tuesday.", "REQUEST"),
        ("Gabriel Boric sent Pedro Castillo a formal invitation on Tuesday.", "CONSULT"),
    ],
)
def test_round52b_a_message_or_an_invitation_sent_to_its_addressee(sentence, type_):
    (event,) = [e for e in _extracted(_LIMA + sentence) if e.value == "2022-01-11"]
    assert event.type == type_ and {"Gabriel Boric", "Pedro Castillo"} <= set(event.actors)


def test_round52b_roadblocks_ordered_put_police_on_the_roads():
    text = _LIMA + "Pedro Castillo ordered roadblocks on the roads into the capital on Tuesday."
    (event,) = [e for e in _extracted(text) if e.value == "2022-01-11"]
    assert event.type == "MOBILIZE" and "Pedro Castillo" in event.actors


@pytest.mark.parametrize(
    "sentence",
    [
        "The electoral board proclaimed Pedro Castillo president on Tuesday.",
        "Keiko Fujimori was proclaimed leader of the opposition on Tuesday.",
    ],
)
def test_round52b_a_person_proclaimed_to_an_office_takes_it(sentence):
    (event,) = [e for e in _extracted(_LIMA + sentence) if e.value == "2022-01-11"]
    assert event.type == "STATEMENT" and event.label.endswith("inauguration")


# round 53: the lexicon, a second pass (docs/accuracy-rounds.md)


@pytest.mark.parametrize(
    ("sentence", "type_", "label_end"),
    [
        ("A Chilean submarine sank the Bolivian patrol boat on Tuesday.", "ASSAULT", "Bolivia"),
        ("Chile torpedoed a Bolivian freighter on Tuesday.", "ASSAULT", "Bolivia"),
        ("Ecuador opened a second front against Peru on Tuesday.", "ASSAULT", "Peru"),
        ("Chile opened an embassy in La Paz on Tuesday.", "AGREE", "agreement"),
        ("Chile reopened its embassy in La Paz on Tuesday.", "AGREE", "agreement"),
        ("Pedro Castillo revoked the licences of two newspapers on Tuesday.", "SANCTION", ""),
        ("Bolivia revoked the 2010 decree on Tuesday.", "REJECT", "revokes decree"),
        ("Congress stripped Pedro Castillo of his immunity on Tuesday.", "COERCE", "Castillo"),
        ("Pedro Castillo sought military help from Chile on Tuesday.", "REQUEST", "Chile"),
        ("Pedro Castillo disbanded the militia on Tuesday.", "RETREAT", "disbands militia"),
        ("Ecuador regained control of the town on Tuesday.", "ASSAULT", "attack"),
    ],
)
def test_round53_happenings_told_with_words_no_row_named(sentence, type_, label_end):
    (event,) = [e for e in _extracted(_LIMA + sentence) if e.value == "2022-01-11"]
    assert event.type == type_ and event.label.endswith(label_end)


def test_round53_opened_and_sank_take_their_objects_not_other_senses():
    def on_tuesday(sentence):
        return [e for e in _extracted(_LIMA + sentence) if e.value == "2022-01-11"]

    (border,) = on_tuesday("Ecuador opened the Huaquillas crossing on Tuesday.")
    assert border.type == "CONCEDE" and border.label.endswith("reopens border")
    assert not on_tuesday("The theatre opened its doors on Tuesday.")
    (ship,) = on_tuesday("A Bolivian mine sank the Chilean warship on Tuesday.")
    assert ship.type == "ASSAULT"
    hopes = on_tuesday("The tide of war shifted as Bolivia's hopes sank on Tuesday.")
    assert not any("attack" in e.label for e in hopes)


@pytest.mark.parametrize(
    ("sentence", "type_"),
    [
        ("Chile announced the pullout of its troops from the border on Tuesday.", "RETREAT"),
        ("Pedro Castillo was praising Chile on Tuesday.", "SUPPORT"),
        ("Police used tear-gas against the crowd on Tuesday.", "COERCE"),
        ("Pedro Castillo was taking office on Tuesday.", "STATEMENT"),
        ("Pedro Castillo has spoken out against Chile on Tuesday.", "ACCUSE"),
    ],
)
def test_round53_inflections_a_row_left_out(sentence, type_):
    (event,) = [e for e in _extracted(_LIMA + sentence) if e.value == "2022-01-11"]
    assert event.type == type_


@pytest.mark.parametrize(
    ("sentence", "type_"),
    [
        ("Bolivian soldiers tortured Chilean prisoners on Tuesday.", "ASSAULT"),
        ("Chilean police demolished 40 homes in the village on Tuesday.", "COERCE"),
        ("Chile proscribed the Bolivian movement on Tuesday.", "COERCE"),
        ("Chile unfroze Bolivian assets on Tuesday.", "CONCEDE"),
        ("Chile waived the visa requirement for Bolivians on Tuesday.", "CONCEDE"),
        ("Chile dropped all charges against Pedro Castillo on Tuesday.", "CONCEDE"),
        ("Bolivia admitted responsibility for the attack on Tuesday.", "CONCEDE"),
        ("Pedro Castillo received the Chilean foreign minister on Tuesday.", "CONSULT"),
        ("Bolivian troops abandoned their positions on the ridge on Tuesday.", "RETREAT"),
        ("Chile stationed 2,000 troops on the border on Tuesday.", "MOBILIZE"),
        ("The Chilean navy intercepted a Bolivian tanker on Tuesday.", "COERCE"),
    ],
)
def test_round53_attacks_penalties_and_concessions_by_their_own_verbs(sentence, type_):
    (event,) = [e for e in _extracted(_LIMA + sentence) if e.value == "2022-01-11"]
    assert event.type == type_


def test_round53_admitted_and_received_need_their_objects():
    (event,) = [
        e
        for e in _extracted(_LIMA + "Bolivia admitted its mistake on Tuesday.")
        if e.value == "2022-01-11"
    ]
    assert event.type == "CONCEDE"
    for sentence in (
        "He admitted to hospital on Tuesday.",
        "Castillo received a letter on Tuesday.",
    ):
        events = [e for e in _extracted(_LIMA + sentence) if e.value == "2022-01-11"]
        assert not any(e.type in ("CONCEDE", "CONSULT") for e in events)


@pytest.mark.parametrize(
    ("sentence", "type_"),
    [
        ("Chile's king ascended the throne on Tuesday.", "inauguration"),
        ("Pedro Castillo declared three days of national mourning on Tuesday.", "mourning"),
        ("A student set himself on fire outside the Peruvian parliament on Tuesday.", "PROTEST"),
        ("Chile and Bolivia formed an alliance on Tuesday.", "COOPERATE"),
        ("The Chilean navy rescued 300 migrants on Tuesday.", "AID"),
        ("Keiko Fujimori dropped out of the race on Tuesday.", "RETREAT"),
        ("Bolivian commandos sabotaged the Chilean pipeline on Tuesday.", "ASSAULT"),
        ("A Chilean ship rammed the Bolivian patrol boat on Tuesday.", "ASSAULT"),
        ("Chile mined the harbour of Arica on Tuesday.", "ASSAULT"),
        ("Chile conscripted 20,000 men on Tuesday.", "MOBILIZE"),
    ],
)
def test_round53_thrones_mourning_alliances_and_sabotage(sentence, type_):
    (event,) = [e for e in _extracted(_LIMA + sentence) if e.value == "2022-01-11"]
    assert event.type == type_ or (event.type == "STATEMENT" and event.label.endswith(type_))


# round 54a: gold events missed with no actor in common


@pytest.mark.parametrize(
    ("text", "value", "state"),
    [
        (
            "QUITO, Ecuador - President Guillermo Lasso dissolved the National Assembly on"
            " Monday. Peru and Colombia said they were watching closely, and Peru called for"
            " calm. Colombia closed two border crossings. The vote is set for Aug. 20.",
            "2023-08-20",
            "Ecuador",
        ),
        (
            "DAKAR, Senegal - The president postponed the election on Monday, a day after Mali"
            " and Guinea recalled their ambassadors. Mali and Guinea said the move was a threat"
            " to the region. The election is now due on Dec. 15.",
            "2023-12-15",
            "Senegal",
        ),
    ],
)
def test_round54a_a_vote_with_no_state_named_is_the_datelines_state(text, value, state):
    # the neighbours named most are the article's topic, but the vote is the dateline's
    (event,) = [e for e in _extracted(text, date(2023, 5, 17)) if e.value == value]
    assert event.actors == (state,)


# round 54b: actors of the main clause kept out of a clause of time with its own subject


@pytest.mark.parametrize(
    ("sentence", "actors"),
    [
        # the act and its date are told after "after"/"since" with their own named subject:
        # who the main clause names reacts to it, and takes no part
        (
            "Chile and Argentina closed their borders after Bolivia seized the port of Arica "
            "on Tuesday.",
            ("Bolivia",),
        ),
        ("Ecuador has been in turmoil since Colombia seized the island on Tuesday.", ("Colombia",)),
        # a clause that refers back to the main clause keeps its names ("its ships")
        ("Chile has complained since Bolivia seized its ships on Tuesday.", ("Chile", "Bolivia")),
    ],
)
def test_round54b_clause_of_time_keeps_its_own_subject(sentence, actors):
    events = [e for e in _extracted(_LIMA + sentence) if e.value == "2022-01-11"]
    assert any(set(e.actors) == set(actors) for e in events)


# round 55a: the state of an unnamed domestic body


def test_round55a_a_bare_parliament_is_the_datelines_state():
    # the neighbour the story names most is not the one whose parliament sits: the state
    # the dateline files it from is, when no state is named before it in its sentence
    text = (
        "YEREVAN, Armenia - Armenia recalled its envoy from Azerbaijan on Monday. Azerbaijan"
        " said the move was hostile, and Azerbaijan closed a crossing. Azerbaijan's army"
        " went on alert. The new parliament is due to choose a prime minister on June 3."
    )
    events = [e for e in _extracted(text, date(2023, 5, 17)) if e.value == "2023-06-03"]
    assert events
    assert all("Armenia" in e.actors and "Azerbaijan" not in e.actors for e in events)


@pytest.mark.parametrize(
    ("text", "state"),
    [
        (
            "NEW DELHI - India and China held talks on Monday. India said China must pull"
            " back, and China said India must. Hundreds of traders protested in Karachi on"
            " Tuesday.",
            "Pakistan",
        ),
        (
            "RABAT, Morocco - Morocco and Algeria traded charges on Monday, and Morocco"
            " recalled its envoy. Several thousand people marched through the town of Melilla"
            " on Tuesday.",
            "Spain",
        ),
    ],
)
def test_round55a_a_crowd_is_of_the_state_of_the_town_it_marches_in(text, state):
    # with nobody named, a crowd's protest is the state's where its town is, not the
    # dateline's nor the one the article names most
    (event,) = [e for e in _extracted(text, date(2023, 5, 17)) if e.value == "2023-05-16"]
    assert event.actors == (state,)


@pytest.mark.parametrize(
    "sentence",
    [
        "The military government ended its defence accord with Paris on Tuesday.",
        "The armed forces told Paris on Tuesday to withdraw its troops.",
    ],
)
def test_round55a_the_military_named_bare_is_the_datelines_state(sentence):
    # "the military", "the armed forces" are the state's own forces, as "the junta" is: its
    # state is the one the dateline names when none is named before them in the sentence
    text = "BAMAKO, Mali - France and Germany said on Monday they were watching closely. "
    (event,) = [
        e for e in _extracted(text + sentence, date(2023, 5, 17)) if e.value == "2023-05-16"
    ]
    assert "Mali" in event.actors


# round 56a: gold events missed on another date (a past happening counted to a date
# after the reference date)


@pytest.mark.parametrize(
    ("text", "expr", "value"),
    [
        # counted from the date in focus, a past act lands no later than the reference date
        (
            "Rebels seized the ferry port on March 2. Talks are due to open on Friday, and"
            " the navy retook the port two days later.",
            "two days later",
            "2024-03-04",
        ),
        (
            "Rebels seized the ferry port on March 2. Talks are due to open on Friday. The"
            " navy retook the port the next day.",
            "the next day",
            "2024-03-03",
        ),
    ],
)
def test_round56a_a_past_act_counted_later_is_not_after_the_reference_date(text, expr, value):
    (tx,) = [t for t in _tagged(text, date(2024, 3, 6)) if t.text == expr]
    assert tx.value == value


def test_round56a_a_clause_counted_back_in_the_past_is_not_after_the_reference_date():
    # "a day after crowds forced ... to step down", said of a vote to come on May 5: the
    # resignation was the day before the day the sentence reports from
    text = (
        "Armenia's parliament said on Tuesday that a snap election would be held on May 5,"
        " a day after crowds forced Prime Minister Nikol Pashinyan to step down."
    )
    (event,) = [e for e in _extracted(text, date(2024, 3, 13)) if "Nikol Pashinyan" in e.actors]
    assert event.value == "2024-03-11"


def test_round56a_what_came_has_happened_so_it_counts_from_no_date_to_come():
    # "The resignation came a day after ...": the happening pointed back at is past; the
    # date to come named just before ("tomorrow evening") is not the one it came on
    text = (
        "Nikol Pashinyan resigned on Monday. He is due to address parliament tomorrow"
        " evening. The resignation came a day after Azerbaijan seized the border post."
    )
    (event,) = [e for e in _extracted(text, date(2024, 3, 13)) if e.actors == ("Azerbaijan",)]
    assert event.value == "2024-03-10"


def test_round56a_a_past_happening_is_not_counted_from_a_namesake_to_come():
    # "five days after the coup", where the coup found near a date is a march against it
    # to come: no date, rather than one after the reference date
    text = (
        "Turkish troops landed in Cyprus on July 20, five days after the coup. Greek"
        " Cypriot exiles plan a march against the coup on July 26."
    )
    dct = date(2024, 7, 24)
    landings = [e for e in _extracted(text, dct) if e.actors[:1] == ("Turkey",)]
    assert landings and all(e.start <= dct for e in landings)


def test_round56a_an_office_left_vacant_is_no_withdrawal():
    # a resultative "leave": what is left stays in a state, nobody withdraws
    text = "The council said on Monday that Ben Ali's flight had left the office vacant."
    events = _extracted(text, date(2024, 3, 13))
    assert events and not any(e.type == "RETREAT" for e in events)


# round 56b: gold events missed with no actor in common (a happening told again for its start)


@pytest.mark.parametrize(
    "sentence",
    [
        "The protests began on March 2, inspired by the revolts in Tunisia and Egypt.",
        "The unrest began on March 2 in the port of Sidon, where crowds tried to stop police"
        " from arresting a Syrian preacher.",
    ],
)
def test_round56b_a_crowd_happening_told_for_its_start_is_the_storys(sentence):
    # "The protests began ..." is the story's own crowd happening: the states named after
    # its verb (a cause, a witness) are not its parties; its state is the dateline's
    text = "BEIRUT, Lebanon - Police cleared the main square of Beirut on Monday. " + sentence
    (event,) = [e for e in _extracted(text, date(2023, 5, 17)) if e.value == "2023-03-02"]
    assert event.actors == ("Lebanon",)
    assert "Tunisia" not in event.label and "Syria" not in event.label


@pytest.mark.parametrize(
    ("sentence", "name", "short"),
    [
        (
            "Prime Minister Alfonso de las Casas resigned on Tuesday.",
            "Alfonso de las Casas",
            "de las Casas",
        ),
        (
            "Archbishop Jorge Mendez y Solis resigned on Tuesday.",
            "Jorge Mendez y Solis",
            "Mendez y Solis",
        ),
    ],
)
def test_round56b_a_spanish_name_runs_on_through_its_particles(sentence, name, short):
    # "de los", "de las", "del" and the "y" joining two family names are part of a name
    # the gazetteer lacks; the label gives the family name whole
    text = "LIMA, Peru - Soldiers guarded the Congress building on Monday. " + sentence
    (event,) = [e for e in _extracted(text, date(2023, 5, 17)) if e.value == "2023-05-16"]
    assert name in event.actors
    assert short.lower() in event.label.lower()


# round 56c: dated sentences that made no event (a town that fell)


def test_round56c_a_town_that_fell_is_taken_between_the_articles_parties():
    # "X fell five days later": a town taken, nobody named as its taker; its sides are the
    # two states the article is about
    text = (
        "Ruritanian tanks crossed into Moldova on the northern front on Oct. 2. Moldova and"
        " Ukraine appealed to the UN. Soroca fell four days later, and Balti was lost on"
        " Sunday."
    )
    events = _extracted(text, date(1990, 10, 20))
    falls = {e.value: e for e in events if e.label.endswith(" falls")}
    assert falls["1990-10-06"].label == "Soroca falls"
    assert falls["1990-10-14"].label == "Balti falls"
    assert "Moldova" in falls["1990-10-06"].actors


def test_round56c_only_a_town_that_fell_makes_a_fall():
    # prices, a person falling ill, a common noun opening the sentence: no town taken; the
    # town the rebels' offensive took on Thursday is one
    text = (
        "Russia and Moldova traded blame on Monday, and Moldova asked Russia to withdraw."
        " Oil prices fell on Monday. Exports fell"
        " on Tuesday after exports of grain were halted. Foreign Minister Nicu Popescu fell"
        " ill on Wednesday. Soroca fell on Thursday."
    )
    events = _extracted(text, date(2022, 1, 14))
    falls = [e for e in events if e.label.endswith(" falls")]
    assert [(e.label, e.value) for e in falls] == [("Soroca falls", "2022-01-13")]


# round 56d: extra actors on found events (actor precision)


@pytest.mark.parametrize(
    "sentence",
    [
        "Chile recalled its ambassador on Monday, and on Thursday the Peruvian foreign minister"
        " flew to Geneva.",
        "Chile recalled its ambassador from Lima on Monday, and on Thursday Peru's foreign"
        " minister flew to Geneva.",
    ],
)
def test_round56d_a_clause_its_own_date_opens_is_that_dates_alone(sentence):
    # ", and on Thursday <subject> ...": a coordinated clause opened by its own date, with a
    # subject of its own, is that date's happening; who acts in the clause before is not in it
    events = _extracted(sentence, date(2023, 7, 3))
    (thursday,) = [e for e in events if e.value == "2023-06-29"]
    assert thursday.actors == ("Peru",)
    assert "Chile" not in thursday.label


def test_round56d_whom_opens_a_relative_clause_as_who_does():
    # "X, whom Y named ..., went on television on Wednesday": Y acts only in the clause, whose
    # own date ("in March") keeps him
    text = (
        "Gen. Manuel Ortiz, whom President Luis Arce named army chief in March, went on state"
        " television on Wednesday to say that the army was loyal."
    )
    events = _extracted(text, date(2024, 6, 28))
    (wednesday,) = [e for e in events if e.value == "2024-06-26"]
    assert wednesday.actors == ("Manuel Ortiz",)
    (march,) = [e for e in events if e.value == "2024-03"]
    assert "Luis Arce" in march.actors


def test_round56d_force_used_on_a_crowd_takes_no_second_state():
    # troops firing on demonstrators act on the state's own people: the article's other
    # state (named twice) is no side of it, as it would be of fighting
    text = (
        "LIMA, Peru - Peru closed its border with Bolivia on Tuesday, and Bolivia protested."
        " Troops fired on demonstrators in the southern town of Juliaca on Monday, killing 17"
        " people."
    )
    (event,) = [e for e in _extracted(text, date(2023, 1, 12)) if e.value == "2023-01-09"]
    assert event.actors == ("Peru",)


def test_round56d_where_an_arrival_starts_is_no_party():
    # "arrive from Djibouti": a point of departure, as "flown in from" is
    text = "Italian paratroopers are due to arrive from Djibouti on Thursday."
    (event,) = _extracted(text, date(1992, 12, 8))
    assert event.actors == ("Italy",)


# round 56e: two happenings made into one event


@pytest.mark.parametrize(
    ("sentence", "type_", "state"),
    [
        # a state's adjective and a noun of its people or arms: a new subject, its own act
        (
            "Kenya accepted the truce on Monday, when Somali militiamen seized the town.",
            "COERCE",
            "Somalia",
        ),
        (
            "Mali expelled the French ambassador on Monday, and French troops withdrew.",
            "RETREAT",
            "France",
        ),
        # ... also after ", as": what went on at the same time
        (
            "Serbia recalled its ambassador on Monday, as Croatian police detained two"
            " Serbian diplomats.",
            "COERCE",
            "Croatia",
        ),
    ],
)
def test_round56e_a_states_people_in_a_coordinated_clause_act_on_their_own(sentence, type_, state):
    events = _extracted(sentence, date(2022, 1, 12))
    assert len(events) == 2
    (other,) = [e for e in events if e.type == type_]
    assert state in other.actors
    assert other.value == "2022-01-10"
    # (not "as" before whose word it is: "..., as Croatian officials said")
    said = _extracted("Serbia recalled its ambassador on Monday, as Croatian officials said.")
    assert [e.type for e in said] == ["SANCTION"]


def test_round56e_a_clause_of_its_own_subject_and_time_keeps_its_trigger():
    # ", and Belgium, the former colonial power, has suspended some aid": Belgium's act, told
    # at another time; the date's happening is the statement before it
    text = (
        "The African Union said on Monday that the vote should be delayed, and Belgium, the"
        " former colonial power, has suspended some aid."
    )
    (event,) = _extracted(text, date(2022, 1, 12))
    assert event.type == "STATEMENT"
    assert event.actors == ("AU",)


def test_round56e_two_dates_of_coordinated_acts_are_two_happenings():
    # the same person, two triggers, two date expressions joined by "and": an appeal and a
    # flight to an embassy, not one happening told twice
    text = (
        "President Tomas Varga broadcast an appeal for help early on Sunday and later that"
        " morning took refuge in the Austrian embassy."
    )
    events = _extracted(text, date(2022, 1, 12))
    assert sorted(e.label for e in events) == ["Varga seeks asylum", "Varga urges"]
    assert {e.value for e in events} == {"2022-01-09"}
    # but "resigned on Sunday, announcing ... at noon": a participle tells the same
    # resignation, with a second date
    text = (
        "President Tomas Varga resigned on Sunday, announcing in a televised address at noon"
        " that he would leave the country."
    )
    (event,) = _extracted(text, date(2022, 1, 12))
    assert event.label == "Varga resigns"
    assert len(event.mentions) == 2


def test_round56e_hours_before_a_named_act_dates_that_act_too():
    # ", hours before Lopez resigned": the resignation came the same day, after the release
    text = (
        "The opposition leader, Tomas Varga, was freed on Monday, hours before President Ana"
        " Lopez resigned."
    )
    events = _extracted(text, date(2022, 1, 12))
    assert sorted((e.label, e.value) for e in events) == [
        ("Lopez resigns", "2022-01-10"),
        ("Varga freed", "2022-01-10"),
    ]
    # (a deadline is no happening: "hours before the truce was due to expire")
    text = "President Ana Lopez met the rebels on Monday, hours before the truce was due to expire."
    assert [e.label for e in _extracted(text, date(2022, 1, 12))] == ["Lopez meeting"]


# round 56f: the PLOVER type of found events


@pytest.mark.parametrize(
    "text",
    [
        "Norway's foreign ministry said on Tuesday that Oslo was appalled by the shelling of"
        " the hospital.",
        'The Dutch government said on Tuesday that it was "outraged" by the expulsions.',
        "Chancellor Olaf Scholz said on Tuesday that the blockade was irresponsible and dangerous.",
    ],
)
def test_round56f_outrage_in_a_statement_is_an_accusation(text):
    # outrage at a deed told, or the deed called reckless, is condemnation (PLOVER ACCUSE),
    # not a remark
    (event,) = [e for e in _extracted(text, date(2024, 3, 8)) if e.value == "2024-03-05"]
    assert event.type == "ACCUSE"


@pytest.mark.parametrize(
    "text",
    [
        "Ethiopian troops backed by tanks moved into the town of Adigrat on Sunday.",
        "Ethiopian troops, backed by Eritrean militias, moved in on Sunday.",
    ],
)
def test_round56f_a_participle_of_support_is_not_the_act(text):
    # "troops backed by tanks moved in": who has whose support, in a participle, is no act
    # of support; the clause's verb tells the happening
    events = _extracted(text, date(2021, 3, 9))
    assert not [e for e in events if e.type == "SUPPORT" or "backs" in e.label]


# round 57a: parties told by reference, not by name


def test_round57a_a_pair_acted_on_is_the_two_joined_before():
    # "Ruto spoke with both men": the pair is acted on by Ruto, so it is not Ruto and the
    # last man named, but the two joined by "and" in the sentence before
    text = (
        "Kenya's president, William Ruto, hosted Emmanuel Macron and Olaf Scholz in Nairobi"
        " last month. Ruto spoke with both men by telephone on Tuesday, his office said."
    )
    (event,) = [e for e in _extracted(text, date(2026, 3, 4)) if e.value == "2026-03-03"]
    assert set(event.actors) == {"William Ruto", "Emmanuel Macron", "Olaf Scholz"}


def test_round57a_a_pair_after_the_trigger_is_its_object():
    # "met both leaders": the pair after the verb is who was met
    text = (
        "Justin Trudeau and Anthony Albanese arrived in Washington on Monday. Joe Biden met"
        " both leaders at the White House on Tuesday."
    )
    (event,) = [e for e in _extracted(text, date(2026, 3, 4)) if e.value == "2026-03-03"]
    assert set(event.actors) == {"Joe Biden", "Justin Trudeau", "Anthony Albanese"}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "It was the second meeting between Lula and Javier Milei this year. They first met"
            " on March 3 in Brasilia.",
            "2026-03-03",
        ),
        (
            "Pedro Sanchez and Giorgia Meloni held talks in Rome last month. They met again on"
            " Tuesday in Brussels.",
            "2026-03-03",
        ),
    ],
)
def test_round57a_they_after_two_people_joined_is_the_two(text, value):
    # "They" opening a clause, with no group named before it, stands for the two people
    # joined by "and" in its sentence or the one before
    (event,) = [e for e in _extracted(text, date(2026, 3, 4)) if e.value == value]
    assert len(event.actors) == 2 and event.type == "CONSULT"


# round 57c: extra states on found events (actor precision)


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Bombs in Santiago killed 14 Chileans on Tuesday.", "2023-05-16"),
        ("Unknown gunmen shot and wounded four Chilean soldiers on Tuesday.", "2023-05-16"),
        ("Chile was split in two by a rebellion in March.", "2023-03"),
        ("Chile's short civil war began in March.", "2023-03"),
    ],
)
def test_round57c_harm_within_a_state_takes_no_second_side(sentence, value):
    # killing, wounding or strife within a state with that state alone named: the article's
    # other party (Argentina, named twice) is not thereby who did it, as it would be a side
    # of fighting
    text = (
        "Argentina closed its border with Chile on Friday, and Argentina recalled its"
        " ambassador. " + sentence
    )
    (event,) = [e for e in _extracted(text, date(2023, 5, 19)) if e.value == value]
    assert "Argentina" not in event.actors
    assert "Chile" in event.actors


@pytest.mark.parametrize(
    ("sentence", "state"),
    [
        ("The Houthis fired a missile at a Norwegian-operated tanker on Tuesday.", "Norway"),
        ("The Syria-based group Hamas claimed the bombing on Tuesday.", "Syria"),
    ],
)
def test_round57c_a_hyphened_tie_is_no_party(sentence, state):
    # "a Norwegian-operated tanker", "the Syria-based group": who operates, owns or hosts a
    # thing or a group named (resources/events/tie_participles.tsv) does not act, as the
    # backer of "the Iran-backed group" does not
    (event,) = _extracted(sentence, date(2023, 5, 19))
    assert state not in event.actors
    assert state not in event.label


# round 57b: named bodies the gold names and we miss or replace by their state


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "Ghanaian President John Kufuor, who chairs the African Union, welcomed the"
            " agreement on Tuesday.",
            "AU",
        ),
        (
            "Abdel Fattah al-Burhan, who heads the Arab League delegation, met Emmanuel Macron"
            " in Paris on Tuesday.",
            "Arab League",
        ),
    ],
)
def test_round57b_the_body_a_person_chairs_in_a_relative_clause_is_listed(text, body):
    # "X, who chairs the AU, welcomed": he acts as its chairman, as "AU chairman X" would;
    # the person stays the label's subject
    (event,) = [e for e in _extracted(text, date(2026, 3, 4)) if e.value == "2026-03-03"]
    assert body in event.actors
    assert not event.label.startswith(body)


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "Two African Union mediators, both former presidents, met Salva Kiir in Juba on"
            " Tuesday.",
            "AU",
        ),
        (
            "About 300 NATO soldiers, most of them Italian, arrived in Pristina on Tuesday.",
            "NATO",
        ),
    ],
)
def test_round57b_a_quantifier_appositive_describes_the_body_before_it(text, body):
    # "X envoys, all former presidents, met": the appositive opened by "all", "both" or
    # "most of them" describes the subject before it, which acts
    (event,) = [e for e in _extracted(text, date(2026, 3, 4)) if e.value == "2026-03-03"]
    assert body in event.actors


# round 57d: a happening told in a clause of its own, lost to another


def test_round57d_a_which_clause_with_its_own_act_dates_that_act():
    # ", which withdrew its diplomats on Sunday, said": the date is the withdrawal's, not
    # the statement's after the clause
    text = (
        "Norway, which withdrew its diplomats from the capital on Sunday, said it would begin"
        " evacuation flights on Tuesday."
    )
    events = _extracted(text, date(2022, 1, 12))
    (sunday,) = [e for e in events if e.value == "2022-01-09"]
    assert sunday.type == "RETREAT"
    assert sunday.actors == ("Norway",)
    # (a verb of the noun's phase, "which began", tells of the noun, and is left as it was)
    text = (
        "The war in Syria, which began with protests in March 2011, has killed thousands of people."
    )
    assert [e.label for e in _extracted(text, date(2022, 1, 12))] == ["Syria attack"]


def test_round57d_hours_later_counts_from_the_day_told_two_sentences_before():
    # "Hours later" after a quote and a sentence of background (a month, no day): counted
    # from the last day-dated happening
    text = (
        "Chile expelled two Peruvian diplomats on Wednesday and said the matter was closed.\n"
        '"We will not be lectured," a government spokesman said. President Gabriel Boric,'
        " whose coalition took office in March, has said the country faces threats.\n"
        "Hours later, Peru recalled its ambassador to Chile."
    )
    events = _extracted(text, date(2022, 1, 13))
    (recall,) = [e for e in events if e.type == "SANCTION" and "Peru" == e.actors[0]]
    assert recall.value == "2022-01-12"


def test_round57d_hours_after_a_happening_named_by_its_noun_opens_a_sentence():
    # "Hours after the announcement, protesters stormed ...": the happening named by its
    # noun was told before; the sentence's act is of its day
    text = (
        "Armenia and Azerbaijan agreed on Monday night to halt the fighting. Hours after the"
        " announcement, hundreds of protesters stormed the parliament in Yerevan."
    )
    events = _extracted(text, date(2022, 1, 12))
    (protest,) = [e for e in events if e.type == "PROTEST"]
    assert protest.value == "2022-01-10"
    assert "Armenia" in protest.actors


def test_round57d_a_name_with_its_own_verb_after_and_is_no_list_member():
    # "..., and Bolivia closed its border": Bolivia acts in a clause of its own, and is no
    # party to Chile's recall
    text = "On Monday, Chile recalled its ambassador to Peru, and Bolivia closed its border."
    events = _extracted(text, date(2022, 1, 12))
    (recall,) = [e for e in events if e.type == "SANCTION"]
    assert set(recall.actors) == {"Chile", "Peru"}
    # (a list that is the subject stays whole: "Chile, Peru, and Bolivia signed")
    text = "On Monday, Chile, Peru, and Bolivia signed a trade agreement."
    (deal,) = _extracted(text, date(2022, 1, 12))
    assert set(deal.actors) == {"Chile", "Peru", "Bolivia"}


# round 57e: a pronoun for a person the gazetteer lacks
def test_round57e_a_bare_the_two_after_a_pronoun_and_its_object_is_both():
    # "He will discuss ... with his counterpart, X, when the two meet": the pronoun's man
    # (introduced by his title the sentence before) and the man he meets, not the one alone
    text = (
        "Portugal's foreign minister, Rui Valente, said on Monday that talks would go on. He"
        " will discuss the dispute with his Spanish counterpart, Diego Morcillo, when the two"
        " meet on Friday."
    )
    events = _extracted(text, date(2020, 3, 2))
    (meeting,) = [e for e in events if e.value == "2020-03-06"]
    assert set(meeting.actors) == {"Rui Valente", "Diego Morcillo"}


def test_round57e_a_bare_the_two_is_the_two_people_named_just_before():
    # "X accused Y ... The two signed": the two people of the sentence before
    text = (
        "Interior Minister Paulo Menga accused opposition leader Jean Kabwe of plotting a coup"
        " in 2011. The two signed a peace agreement in August last year."
    )
    events = _extracted(text, date(2020, 3, 2))
    (deal,) = [e for e in events if e.value == "2019-08"]
    assert set(deal.actors) == {"Paulo Menga", "Jean Kabwe"}


# round 58a: events with three or more actors (actor precision)
def test_round58a_two_names_opening_a_clause_after_and_are_no_list_members():
    # "..., and Ruto and Odinga sent a letter": the pair acts in a clause of its own (a bare
    # "and" joins them, and their verb comes after both), no party to the recall before it
    text = (
        "On Monday, the Kenyan cabinet recalled its ambassador to Uganda, and Ruto and"
        " Odinga sent a letter to the African Union."
    )
    events = _extracted(text, date(2022, 1, 12))
    (recall,) = [e for e in events if e.type == "SANCTION"]
    assert set(recall.actors) == {"Kenya", "Uganda"}


def test_round58a_a_name_with_a_finite_verb_after_and_is_no_list_member():
    # "..., and Mexico has asked for calm": a clause of its own, no member of the list
    text = "On Monday, Chile expelled two diplomats from Peru, and Mexico has asked for calm."
    events = _extracted(text, date(2022, 1, 12))
    (expel,) = [e for e in events if e.type == "SANCTION"]
    assert set(expel.actors) == {"Chile", "Peru"}


def test_round58a_an_unnamed_subject_with_a_verb_of_another_time_after_and():
    # "..., and a Turkish delegation is expected to attend": who that clause names does not
    # take part in the happening before it
    text = (
        "Aliyev sent his condolences on Thursday. The funeral will be held in Baku on Sunday,"
        " and a Turkish government delegation is expected to attend."
    )
    events = _extracted(text, date(2022, 1, 12))
    (funeral,) = [e for e in events if e.value == "2022-01-16"]
    assert "Turkey" not in funeral.actors
    assert "Azerbaijan" in funeral.actors


def test_round58a_the_speaker_of_a_reported_happening_with_its_own_subject():
    # "X said on Thursday that Oslo had told Moscow ... on Dec. 21": the happening reported
    # is Norway's and Russia's, not the speaker's
    text = (
        "Norway's foreign minister, Bjørn Tore Godal, said on Thursday that Oslo had told"
        " Moscow about the test in a letter on Dec. 21."
    )
    events = _extracted(text, date(1995, 1, 26))
    (told,) = [e for e in events if e.value == "1994-12-21"]
    assert set(told.actors) == {"Norway", "Russia"}
    # a relative clause is left alone: "the demands that X set out" are the object of its act
    text = "Kabul had ignored the demands that Biden set out in a speech on Monday."
    (speech,) = [e for e in _extracted(text, date(2022, 1, 12)) if e.value == "2022-01-10"]
    assert "Joe Biden" in speech.actors


# round 58b: event types
def test_round58b_a_tally_is_the_margin_of_the_act_it_counts():
    # "rejected the budget on Monday by 120 votes to 70": the rejection, not a vote
    (ev,) = _extracted("Hungary's parliament rejected the budget on Monday by 120 votes to 70.")
    assert ev.type == "REJECT"
    assert "vote" not in ev.label


def test_round58b_a_deed_called_ethnic_cleansing_is_an_accusation():
    (ev,) = _extracted(
        "Sergei Lavrov said on Monday that the expulsions amounted to ethnic cleansing."
    )
    assert ev.type == "ACCUSE"
    # (a finding hedged is no charge)
    (ev,) = _extracted(
        "Sergei Lavrov said on Monday that some soldiers may have committed war crimes."
    )
    assert ev.type == "STATEMENT"


def test_round58b_a_visit_cut_short_is_a_retreat_from_it():
    (ev,) = _extracted("Emmanuel Macron cut short a visit to Brazil on Monday.")
    assert ev.type == "RETREAT"
    assert ev.label == "Macron cuts short visit"


def test_round58b_a_revolt_is_typed_by_who_rises():
    # soldiers rising move against those in power; a people rising is a protest
    (ev,) = _extracted("A revolt by a regiment in the north of Mali failed on Monday.")
    assert ev.type == "COERCE"
    (ev,) = _extracted("The uprising against Lukashenko began in Minsk in August.")
    assert ev.type == "PROTEST"
    assert "Belarus" in ev.actors


def test_round58b_refusals_reported_in_a_statement():
    (ev,) = _extracted("Viktor Orban said on Monday that he would stay at his post.")
    assert ev.type == "REJECT"
    (ev,) = _extracted("Imran Khan said on Monday that his party would boycott the election.")
    assert ev.type == "REJECT"
    # the reported clause's subject is not what is rejected
    (ev,) = _extracted("Marcelo Rebelo de Sousa said Portugal would turn the offer down on Monday.")
    assert ev.label == "Rebelo de Sousa rejects"


# round 58c: misses with the date right and no actor in common
def test_round58c_a_body_before_a_participle_keeps_its_act_over_a_clause_of_its_own():
    # "X, meeting in Y, condemned ... on Wednesday, and A and B have offered troops": the
    # stretch of the verb names nobody; the clause after ", and" with its own subjects and
    # verb is another happening, so the body before the participle phrase acts
    text = (
        "Leaders of the Arab League, meeting in Rabat, condemned the coup on Wednesday, and"
        " Jordan and Egypt have offered troops."
    )
    (condemn,) = [e for e in _extracted(text, date(2022, 1, 12)) if e.type == "ACCUSE"]
    assert set(condemn.actors) == {"Arab League"}
    text = (
        "ECOWAS leaders, gathered in Lome, condemned the coup on Friday, and Ghana has"
        " offered troops."
    )
    (condemn,) = [e for e in _extracted(text, date(2022, 1, 12)) if e.type == "ACCUSE"]
    assert set(condemn.actors) == {"ECOWAS"}


def test_round58c_two_subjects_joined_by_and_open_a_clause_of_their_own():
    # ", and Poland and Estonia have asked ...": two named subjects and one verb of another
    # time are a clause of their own, whose parties are not the act's before it
    text = (
        "NATO ministers, meeting in Oslo, condemned the attack on Wednesday, and Poland and"
        " Estonia have asked for more troops."
    )
    (condemn,) = [e for e in _extracted(text, date(2022, 1, 12)) if e.type == "ACCUSE"]
    assert set(condemn.actors) == {"NATO"}


# round 58e: misses on another date
def test_round58e_a_step_named_by_its_noun_counts_from_the_first_sentence():
    # "The decision came a day after X threatened ...": the decision is the step the first
    # sentence tells (Tuesday), so the threat was on Monday
    text = (
        "Peru agreed on Tuesday to pull its troops back from the border with Ecuador.\n"
        "Thousands of soldiers have been massed there since the summer.\n"
        "The decision came a day after the foreign ministers of the Organization of American"
        " States, meeting in Washington, threatened Peru with economic sanctions."
    )
    tagged = _tagged(text, date(2022, 1, 12))
    (tx,) = [
        t for t in anchored_dates(text, tagged, dct=date(2022, 1, 12)) if t.text == "a day after"
    ]
    assert tx.value == "2022-01-10"
    (threat,) = [e for e in _extracted(text, date(2022, 1, 12)) if e.value == "2022-01-10"]
    assert threat.type == "THREATEN"
    assert {"OAS", "Peru"} <= set(threat.actors)


def test_round58e_a_happening_named_by_its_noun_counts_from_its_first_dated_telling():
    # "The seizure came two weeks after ...": counted from the day the seizure was first
    # told (Friday), not from a later sentence that names it ("protested the seizure on
    # Saturday")
    text = (
        "Iranian boats seized a British tanker on Friday in the Gulf.\n"
        "London protested the seizure on Saturday.\n"
        "The seizure came two weeks after British marines helped detain an Iranian tanker."
    )
    tagged = _tagged(text, date(2022, 1, 12))
    (tx,) = [
        t
        for t in anchored_dates(text, tagged, dct=date(2022, 1, 12))
        if t.text == "two weeks after"
    ]
    assert tx.value == "2021-12-24"


def test_round58e_no_count_from_the_noun_when_the_clause_after_dates_itself():
    # "a month after Taiwan elected Lai ... on January 13": the clause has its own date;
    # without it, the clause is counted back from the seizure (Monday), a month
    text = (
        "Chinese officers seized a Taiwanese boat on Monday near Kinmen.\n"
        "The seizure came a month after Taiwan elected Lai Ching-te as president."
    )
    tagged = _tagged(text, date(2024, 2, 20))
    (tx,) = anchored_dates(text, tagged, dct=date(2024, 2, 20))
    assert tx.value == "2024-01"
    text = (
        "Chinese officers seized a Taiwanese boat on Monday near Kinmen.\n"
        "The seizure came a month after Taiwan elected Lai Ching-te, whom Beijing calls a"
        " separatist, as president on January 13."
    )
    tagged = _tagged(text, date(2024, 2, 20))
    assert not [
        t
        for t in anchored_dates(text, tagged, dct=date(2024, 2, 20))
        if t.text.startswith("a month")
    ]


def test_round58e_a_participle_between_commas_describes_the_subject_that_acts():
    # "On Monday the ministers of the OAS, meeting in Washington, threatened Peru": the
    # threat is the act, the meeting a circumstance of who made it
    text = (
        "On Monday the foreign ministers of the Organization of American States, meeting in"
        " Washington, threatened Peru with sanctions."
    )
    (monday,) = [e for e in _extracted(text, date(2022, 1, 12)) if e.value == "2022-01-10"]
    assert monday.type == "THREATEN"
    # (a date inside the participle phrase dates the meeting: "meeting in Cairo two days
    # later, called it negative")
    text = (
        "Qatar delivered its answer on July 3, and the four foreign ministers, meeting in"
        " Cairo two days later, called it negative."
    )
    types = {e.value: e.type for e in _extracted(text, date(2017, 7, 6))}
    assert types.get("2017-07-05") != "THREATEN"


# round 58d: a person's state by the owner's convention, second pass (actor precision)
@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # a visit or a call is the person's own: the state of his title does not come along
        (
            "German Foreign Minister Annalena Baerbock arrived in Oslo on Tuesday.",
            {"Annalena Baerbock", "Norway"},
        ),
        (
            "Ukrainian President Volodymyr Zelensky spoke by phone on Tuesday about grain.",
            {"Volodymyr Zelensky"},
        ),
        # so is a welcome, congratulations or a warning
        (
            "Japanese Prime Minister Fumio Kishida congratulated Yoon Suk Yeol on Tuesday.",
            {"Fumio Kishida", "Yoon Suk Yeol"},
        ),
        (
            "French President Emmanuel Macron warned Iran on Tuesday over its drones.",
            {"Emmanuel Macron", "Iran"},
        ),
    ],
)
def test_round58d_a_title_brings_no_state_to_an_act_of_ones_own(text, actors):
    (ev,) = _extracted(text, date(2024, 3, 8))
    assert set(ev.actors) == actors


def test_round58d_a_title_keeps_its_state_where_the_state_is_a_party():
    def actors(text):
        (ev,) = _extracted(text, date(2024, 3, 8))
        return set(ev.actors)

    # a minister's warning is his own ...
    text = "Russian Foreign Minister Sergei Lavrov warned Poland on Tuesday over its drills."
    assert actors(text) == {"Sergei Lavrov", "Poland"}
    # ... a spokesman, an ambassador or an envoy speaks for his state
    text = "Kremlin spokesman Dmitry Peskov warned Poland on Tuesday over its drills."
    assert actors(text) == {"Dmitry Peskov", "Poland", "Russia"}
    # a leader's visit is his own, but with a body of the state in the title he acts for it
    assert actors("US President Joe Biden arrived in Cairo on Tuesday.") == {"Joe Biden", "Egypt"}
    text = "CIA Director William Burns arrived in Cairo on Tuesday."
    assert actors(text) == {"William Burns", "Egypt", "United States"}
    # a state the text names as a party stays
    text = "Japanese Prime Minister Fumio Kishida said Japan backed the plan on Tuesday."
    assert actors(text) == {"Fumio Kishida", "Japan"}
    # an act of authority is no welcome: the state stays
    text = "Brazilian President Jair Bolsonaro authorised the deployment on Tuesday."
    assert actors(text) == {"Jair Bolsonaro", "Brazil"}


def test_round58d_a_name_written_in_two_parts_is_spelled_otherwise():
    # "Bani-Sadr" for Banisadr: the article's spelling, so his state stays on his warning
    # (a lone official's words, round 47b: his state comes along only so)
    (ev,) = _extracted("Bani-Sadr warned Iraq on Tuesday in a radio speech.", date(1980, 9, 23))
    assert set(ev.actors) == {"Abolhassan Banisadr", "Iran", "Iraq"}
    (ev,) = _extracted("Banisadr warned Iraq on Tuesday in a radio speech.", date(1980, 9, 23))
    assert set(ev.actors) == {"Abolhassan Banisadr", "Iraq"}


# round 58g: extra actors by the owner's convention, third pass (actor precision)
def test_round58g_taking_office_brings_no_state_of_ones_own():
    def actors(text, when):
        (ev,) = _extracted(text, when)
        return set(ev.actors)

    # taking office is the person's own act: his state does not come along
    text = "Joe Biden was sworn in on Wednesday at the Capitol."
    assert actors(text, date(2021, 1, 22)) == {"Joe Biden"}
    text = "Emmanuel Macron took office on Sunday after a close race."
    assert actors(text, date(2017, 5, 16)) == {"Emmanuel Macron"}
    # a state the text names as the office's stays; a state's own act (a decree) still
    # brings the person's state
    text = "Emmanuel Macron was sworn in as president of France on Sunday."
    assert actors(text, date(2017, 5, 16)) == {"Emmanuel Macron", "France"}
    assert "France" in actors("Emmanuel Macron signed a decree on Sunday.", date(2017, 5, 16))


def test_round58g_initials_run_together_are_spelled_otherwise():
    # "B.J. Habibie" for B. J. Habibie: the article's spelling, so his state stays on his
    # taking office (round 47b's guard: the side the article names as it spells it)
    text = "B.J. Habibie was sworn in on Thursday morning."
    (ev,) = _extracted(text, date(1998, 5, 22))
    assert set(ev.actors) == {"B. J. Habibie", "Indonesia"}
    text = "B. J. Habibie was sworn in on Thursday morning."
    (ev,) = _extracted(text, date(1998, 5, 22))
    assert set(ev.actors) == {"B. J. Habibie"}


def test_body_subject_words_grouped_by_letter_match_as_the_plain_alternation():
    # _acts_for_state and _title_states_of_own_act search _BODY_SUBJECT's words grouped by
    # their first letter: the same places match, in any window
    import dashapp.events as ev

    fast = ev._body_subject_regex()
    assert fast is not ev._BODY_SUBJECT
    texts = [
        "The government said the Ministry and the cabinet met; officials, police and troops.",
        "Governments, misgovernment, a courtyard, the Court, a mob, mobs and Mobsters.",
        "State media and state television; the prosecutor, Prosecutors and THE ARMY.",
        "People's Assembly, peoples, thousands of Voters, unrest, Unions and a junta.",
    ]
    for text in texts:
        assert [m.span() for m in fast.finditer(text)] == [
            m.span() for m in ev._BODY_SUBJECT.finditer(text)
        ]
        for lo in range(0, len(text), 7):
            for hi in (lo + 9, lo + 30, len(text)):
                a, b = fast.search(text, lo, hi), ev._BODY_SUBJECT.search(text, lo, hi)
                assert (a and a.span()) == (b and b.span()), (text, lo, hi)


def test_actors_told_apart_by_name_first_as_by_equality():
    # _spelled_otherwise compares names before Actor's ==: an equal actor (not the same
    # object) still counts, a namesake of another kind or side does not
    import dashapp.events as ev

    person = Actor("Jaafar Nimeiry", "person", "Sudan")
    twin = Actor("Jaafar Nimeiry", "person", "Sudan")
    namesake = Actor("Jaafar Nimeiry", "person", "Egypt")
    spelled = ActorMention(0, 7, "Nimeiri", (twin,))
    assert ev._spelled_otherwise(person, [spelled])
    assert not ev._spelled_otherwise(person, [replace(spelled, actors=(namesake,))])


def test_round58g_a_bodys_members_meeting_bring_no_state_of_the_articles():
    lead = "Russia massed troops on the border with Ukraine. Russia denied any plan to invade. "
    text = lead + "NATO ambassadors held an emergency meeting in Brussels on Sunday."
    (ev,) = [e for e in _extracted(text, date(2022, 2, 15)) if e.value == "2022-02-13"]
    assert set(ev.actors) == {"NATO"}
    # a topic told keeps the state the article is about
    text = lead + "NATO ambassadors met in Brussels on Sunday to discuss the crisis."
    (ev,) = [e for e in _extracted(text, date(2022, 2, 15)) if e.value == "2022-02-13"]
    assert "NATO" in ev.actors and len(ev.actors) >= 2


# round 58f: dated sentences that make no event


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        # a measure in force from a date, named by its noun ("The X, which take effect on ...")
        (
            "The Japanese duties, which take effect on Friday, cover steel from Vietnam.",
            "2022-01-14",
            "Japan duties take effect",
        ),
        (
            "New Indian export rules that came into force on Monday limit sales of rice.",
            "2022-01-10",
            "India rules take effect",
        ),
        (
            "The Brazilian regulation went into effect on Tuesday.",
            "2022-01-11",
            "Brazil regulation takes effect",
        ),
    ],
)
def test_round58f_a_measure_in_force_from_a_date_is_an_event(text, value, label):
    events = [e for e in _extracted(text, date(2022, 1, 12)) if e.value == value]
    assert [e.label for e in events] == [label]


def test_round58f_the_phrase_yields_to_another_trigger_a_later_date_and_a_condition():
    # "a ceasefire took effect": the ceasefire row names it
    text = "Peru and Ecuador agreed to a ceasefire that took effect on Tuesday."
    labels = [e.label for e in _extracted(text, date(2022, 1, 12)) if e.value == "2022-01-11"]
    assert labels and not [x for x in labels if "effect" in x]
    # a date told with another verb of the sentence: "will rise in March"
    text = "The Japanese duties, which take effect on Friday, will rise in March."
    values = {e.value for e in _extracted(text, date(2022, 1, 12)) if "effect" in e.label}
    assert values == {"2022-01-14"}
    # a condition: "would take effect ... if"
    text = "The Japanese duties would take effect on Friday if parliament approves them."
    assert not [e for e in _extracted(text, date(2022, 1, 12)) if "effect" in e.label]


def test_round58f_a_state_founded_on_a_date_is_an_event():
    # "The republic, founded in 1949, ceased to exist at midnight": the founding is dated
    # by the date told with the verb, not by the main clause's
    text = "The Federal Republic of Yugoslavia, founded in 1992, ceased to exist on Tuesday."
    events = _extracted(text, date(2022, 1, 12))
    assert [(e.value, e.label) for e in events if "founded" in e.label] == [
        ("1992", "Yugoslavia founded")
    ]
    text = "Pakistan was founded in August 1947."
    assert [(e.value, e.label) for e in _extracted(text, date(2022, 1, 12))] == [
        ("1947-08", "Pakistan founded")
    ]


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        # the base forms of power handed over, as "handed power" and "give up power" are
        (
            "Sudan's military council is due to hand power to a civilian government on Friday.",
            "2022-01-14",
            "Sudan gives up power",
        ),
        (
            "President Alpha Condé said on Monday that he would hand over power to the"
            " transitional council.",
            "2022-01-10",
            "Condé gives up power",
        ),
    ],
)
def test_round58f_power_to_be_handed_over_on_a_date(text, value, label):
    events = [e for e in _extracted(text, date(2022, 1, 12)) if e.value == value]
    assert [(e.label, e.type) for e in events] == [(label, "RETREAT")]


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        # a petition against a result, filed in court, as "filed a lawsuit" is
        (
            "Nelson Chamisa filed a petition against the election result on Friday.",
            "2022-01-07",
            "Chamisa legal action",
        ),
        (
            "Peter Mutharika, who filed the petition against the result on Monday, said he"
            " would win.",
            "2022-01-10",
            "Mutharika legal action",
        ),
    ],
)
def test_round58f_a_petition_filed_on_a_date(text, value, label):
    events = [e for e in _extracted(text, date(2022, 1, 12)) if e.value == value]
    assert [(e.label, e.type) for e in events] == [(label, "ACCUSE")]


def test_round58f_an_office_holder_or_an_assembly_suspended():
    # a removal for a time, labelled with the office or the body suspended; a member state
    # suspended by its union stays a sanction
    cases = {
        "President Hakainde Hichilema suspended the police commissioner on Monday.": (
            "2022-01-10",
            "Zambia suspends commissioner",
            "COERCE",
        ),
        "President Kais Saied suspended parliament on Sunday.": (
            "2022-01-09",
            "Tunisia suspends parliament",
            "COERCE",
        ),
        "The African Union suspended Mali on Monday.": (
            "2022-01-10",
            "AU sanctions Mali",
            "SANCTION",
        ),
    }
    for text, want in cases.items():
        got = [(e.value, e.label, e.type) for e in _extracted(text, date(2022, 1, 12))]
        assert got == [want], text
    # talks suspended with a group of office holders suspend no office holder
    text = "Canberra suspended talks with Chinese ministers on Friday."
    assert all(e.type != "COERCE" for e in _extracted(text, date(2022, 1, 12)))


def test_round58f_people_flown_out_and_a_bill_sent_to_a_legislature():
    # other senses of "flew" and "sent", by the words after them; troops flown stay a
    # deployment
    cases = {
        "Canada flew stranded tourists out of Cancun on Tuesday.": (
            "2022-01-11",
            "Canada evacuates tourists",
            "RETREAT",
        ),
        "The Kenyan cabinet sent the finance bill to parliament on Tuesday.": (
            "2022-01-11",
            "Kenya sends bill",
            "STATEMENT",
        ),
        "Japan flew troops to the island on Monday.": (
            "2022-01-10",
            "Japan deploys troops",
            "MOBILIZE",
        ),
    }
    for text, want in cases.items():
        got = [(e.value, e.label, e.type) for e in _extracted(text, date(2022, 1, 12))]
        assert got == [want], text


# round 58h: the trigger lexicon, by PLOVER category, from the language (recall)


def test_round58h_a_building_set_alight_or_broken_into_is_a_riot():
    # "set ablaze", "set it alight" and a crowd breaking into a building: riots, not a
    # protest or no event; "broke into tears" is no happening
    cases = {
        "Crowds in Nairobi set ablaze a police station on Monday.": [
            ("2022-01-10", "Riots in Nairobi", "PROTEST")
        ],
        "Demonstrators in Nairobi set it alight on Monday.": [
            ("2022-01-10", "Riots in Nairobi", "PROTEST")
        ],
        "Thousands of protesters broke into the parliament building in Tbilisi on Monday.": [
            ("2022-01-10", "Riots in Tbilisi", "PROTEST")
        ],
        "The minister broke into tears on Monday.": [],
    }
    for text, want in cases.items():
        got = [(e.value, e.label, e.type) for e in _extracted(text, date(2022, 1, 12))]
        assert got == want, text


def test_round58h_forces_put_on_alert_or_standby_and_a_frontier_crossed():
    cases = {
        "Armenia put its armed forces on emergency alert on Monday.": (
            "2022-01-10",
            "Armenia military build-up",
            "MOBILIZE",
        ),
        "About 500 police officers were put on standby in Nairobi on Monday.": (
            "2022-01-10",
            "Kenya military build-up",
            "MOBILIZE",
        ),
        "A column of Syrian tanks crossed the frontier late on Friday.": (
            "2022-01-07",
            "Syria border crossing",
            "MOBILIZE",
        ),
    }
    for text, want in cases.items():
        got = [(e.value, e.label, e.type) for e in _extracted(text, date(2022, 1, 12))]
        assert got == [want], text


def test_round58h_arrivals_greeted_and_a_plot_foiled():
    # a leader greeting troops or freed prisoners is a meeting; greeting a ruling is not
    cases = {
        "Prime Minister Ali Sabri greeted the first peacekeepers at the airport on Tuesday.": [
            ("2022-01-11", "Sabri greets peacekeepers", "CONSULT")
        ],
        "Police in Kenya thwarted a bomb plot on Monday.": [
            ("2022-01-10", "Kenya foils plot", "COERCE")
        ],
    }
    for text, want in cases.items():
        got = [(e.value, e.label, e.type) for e in _extracted(text, date(2022, 1, 12))]
        assert got == want, text
    greeted = _extracted(
        "Chancellor Olaf Scholz greeted the ruling with relief on Tuesday.", date(2022, 1, 12)
    )
    assert all(e.type != "CONSULT" for e in greeted)


# ------------------------------------------------ _topic counts as it did in two passes


def _topic_two_passes(text: str, mentions: list[ActorMention]) -> tuple[Actor, ...]:
    """events._topic as first written: every single-actor mention counted (a venue's "in"
    skipped), people dropped afterwards, then the two most named, ties in order met."""
    from collections import Counter

    from dashapp.events import _VENUE_BEFORE

    counts = Counter(
        m.actors[0]
        for m in mentions
        if len(m.actors) == 1
        and (
            m.text.startswith(m.actors[0].name)
            or not text.endswith(_VENUE_BEFORE, max(0, m.start - 4), m.start)
        )
    )
    counts = Counter({a: n for a, n in counts.items() if a.kind != "person"})
    return tuple(a for a, n in counts.most_common(2) if n >= 2)


_TOPIC_ACTORS = [
    Actor("Russia", "country"),
    Actor("Ukraine", "country"),
    Actor("NATO", "organisation"),
    Actor("Vladimir Putin", "person", "Russia"),
    Actor("Volodymyr Zelensky", "person", "Ukraine"),
]


@settings(max_examples=300, deadline=None)
@given(
    picks=st.lists(
        st.tuples(
            st.lists(st.sampled_from(_TOPIC_ACTORS), min_size=1, max_size=2),
            st.sampled_from(["as named", "Russian", "Kremlin"]),
            st.booleans(),  # after "in ": a venue, unless the text is the actor's name
        ),
        max_size=12,
    )
)
def test_topic_counts_in_one_pass_as_in_two(picks):
    """People skipped as they are met, not counted and dropped: the same two states or
    bodies, ties (three named twice each, say) in the order they were first named."""
    from dashapp.events import _topic

    text, mentions = "", []
    for actors, spelled, venue in picks:
        text += "talks in " if venue else "talks by "
        written = actors[0].name if spelled == "as named" else spelled
        mentions.append(ActorMention(len(text), len(text) + len(written), written, tuple(actors)))
        text += written + ". "
    assert _topic(text, mentions) == _topic_two_passes(text, mentions)


def test_speech_cues_found_from_a_character_earlier_as_by_the_plain_search():
    # _head asks _SPEECH_CUED, searched from one character before the reported words,
    # whether _SPEECH_CUES is in them: the same answer at every start and end, also where
    # a cue opens the stretch, follows punctuation or sits inside a longer word
    from dashapp.events import _SPEECH_CUED, _SPEECH_CUES

    texts = [
        "Putin said Russia would not accept the offer, calling it unacceptable.",
        "He said that Kyiv was behind the attack and would bear full responsibility.",
        'The ministry said "countermeasures" would follow; Lavrov said they stood behind him.',
        "Biden said the talks went well.willnot accept,unfounded claims",
        "She said: absurd. It was an act of aggression (a clear violation), they said.",
        "said nothing to do with it, nothingness, unanswered—cannot—invade Ukraine",
        "\u00e9would not accept \u2019unjustified\u2019 terms, said Mr. \u00c9lys\u00e9e.",
    ]
    for text in texts:
        for end in (len(text), len(text) - 7, len(text) // 2):
            for pos in range(1, len(text) + 1):
                plain = _SPEECH_CUES.search(text, pos, end) is not None
                assert (_SPEECH_CUED.search(text, pos - 1, end) is not None) == plain, (
                    text,
                    pos,
                    end,
                )


def test_triggers_in_ascii_text_are_found_as_by_the_general_pattern():
    # trigger_hits scans plain-ASCII text with a left boundary written out as ASCII
    # characters: the same matches as the general [^\w-] boundary, at every edge
    from dashapp.events import _trigger_regex

    texts = [
        "Russia invaded Ukraine; talks (held in Minsk) were called off.",
        "anti-war protests, war-torn towns, _war, 9war, war_ and a war. [war] {war} `war`",
        "He met\tPutin\nand signed a deal @summit, #sanctions ~attack |strike| ^raid^ \x7fvisit",
        "the phone call-up, phone calls and a phone\ncall; 'met' \"met\" met/met met\\met",
    ]
    for text in texts:
        low = " " + text.lower()
        general = [m.span() for m in _trigger_regex(False, False).finditer(low)]
        assert [m.span() for m in _trigger_regex(False, True).finditer(low)] == general
        assert [(h.start + 1, h.end + 1) for h in trigger_hits(text)] == [
            (a + 1, b) for a, b in general
        ]


# round 59b: event types on found events
def test_round59b_escaping_an_attack_is_the_attack():
    # "escaped a bomb attack": the attack on the one who escaped, no flight; "escaped to"
    # a place stays a flight
    text = "Chile's interior minister, who escaped a bomb attack in Valparaiso in March, spoke."
    (ev,) = [e for e in _extracted(text, date(2021, 6, 1)) if e.value == "2021-03"]
    assert ev.type == "ASSAULT"
    text = "The Peruvian president escaped to Bolivia on Monday."
    (ev,) = _extracted(text, date(2021, 6, 9))
    assert ev.type == "RETREAT"


def test_round59b_called_with_its_date_before_for_is_a_request():
    # "called yesterday for an inquiry": "called for" with its date between its words
    text = "The Chilean foreign ministry called yesterday for an inquiry into the shooting."
    (ev,) = _extracted(text, date(2021, 6, 9))
    assert ev.type == "REQUEST"
    text = "Peru called last month for the talks with Chile to resume."
    (ev,) = _extracted(text, date(2021, 6, 9))
    assert ev.type == "REQUEST"


def test_round59b_a_name_given_after_which_or_whom_is_no_call():
    # "whom Lima calls a traitor": the name given to someone, no phone call; "whom Biden
    # called yesterday" stays a call
    text = "Chile arrested Juan Soto, whom Lima calls a traitor, on Monday."
    events = _extracted(text, date(2021, 6, 9))
    assert events and all(e.type != "CONSULT" for e in events)
    text = "Chile's president Gabriel Boric, whom Biden called yesterday, thanked him."
    events = _extracted(text, date(2021, 6, 9))
    assert any(e.type == "CONSULT" for e in events)


def test_round59b_the_verb_keeps_the_happening_over_its_manner_noun():
    # "killed the rebel leader, NAME, in an ambush": the killing, with its roles (the troops
    # act on the rebels), not an attack by the rebel leader told by the noun "ambush"
    text = (
        "Peruvian troops killed the leader of the Shining Path, Abimael Ruiz, in an ambush"
        " in Ayacucho province on Monday."
    )
    (ev,) = _extracted(text, date(2021, 6, 9))
    assert ev.type == "ASSAULT" and ev.source == "Peru"
    text = "Six Chilean soldiers died in an ambush near the border on Monday."
    (ev,) = _extracted(text, date(2021, 6, 9))
    assert ev.type == "ASSAULT"


# round 59a: actor precision on found events (the extra parties)
def test_round59a_an_escape_or_a_return_from_exile_brings_no_state_of_ones_own():
    def actors(text, when):
        (ev,) = _extracted(text, when)
        return ev.label, set(ev.actors)

    # a person's own movement: his state does not come along
    text = "Recep Tayyip Erdogan escaped an ambush near the border on Tuesday."
    assert actors(text, date(2019, 3, 14)) == ("Erdogan escapes attack", {"Recep Tayyip Erdogan"})
    text = "Nelson Mandela returned from exile in Zambia on Sunday."
    assert actors(text, date(1990, 2, 14)) == ("Mandela returns from exile", {"Nelson Mandela"})
    # a state the text names stays; a material act of conflict still brings the state
    text = "Vladimir Putin ordered troops into Georgia on Friday."
    assert "Russia" in actors(text, date(2008, 8, 9))[1]


# merge of rounds 59a and 59b: the verb whose sense needs its object keeps the happening
def test_merge59_escaping_an_attack_is_the_escapes_attack_over_its_noun():
    """Round 59b typed "escaped an ambush" ASSAULT, and the noun ("ambush", "attack") then
    won the clause and gave the person's state as the attacker ("Turkey attack"): the noun
    is what the verb needing it acts on, so the escape, in its attack sense, is the event,
    and by round 59a's convention the person alone is its party."""
    for text in (
        "Recep Tayyip Erdogan escaped an ambush near the border on Tuesday.",
        "Recep Tayyip Erdogan escaped a bomb attack in the south on Tuesday.",
    ):
        (ev,) = _extracted(text, date(2019, 3, 14))
        assert (ev.label, ev.type, ev.actors) == (
            "Erdogan escapes attack",
            "ASSAULT",
            ("Recep Tayyip Erdogan",),
        )
    # a verb of another kind of act before the noun keeps the noun's happening
    (ev,) = _extracted("Russia sent troops into an attack on Georgia on Friday.", date(2008, 8, 9))
    assert ev.type == "ASSAULT"


# the kinds of act the actors rules ask about are the rows' flags in triggers.tsv, not
# words of their labels (a row relabelled keeps its kind)
@pytest.mark.parametrize(
    ("form", "kind"),
    [
        ("phoned", "own"),
        ("summit", "between_states"),
        ("sworn in", "office"),
        ("sworn in", "state_act"),
        ("referendum", "state_act"),
    ],
)
def test_the_kind_of_an_act_is_its_rows_flag(form, kind):
    trig = lexicon().triggers[form]
    assert getattr(trig, kind)
    others = {"own", "between_states", "office", "state_act", "alone"} - {kind}
    if kind == "office":
        others.discard("state_act")
    if kind == "state_act" and form == "sworn in":
        others.discard("office")
    assert not any(getattr(trig, k) for k in others)


def test_an_escape_is_a_person_moving_alone_in_both_its_senses():
    senses = (lexicon().triggers["escaped"], *lexicon().senses.get("escaped", ()))
    assert len(senses) == 2 and all(t.alone and t.personal for t in senses)


# round 60a: actor precision, the actors that come from outside the clause
def test_round60a_a_body_condemning_a_harm_brings_no_state_of_the_articles():
    """A body acting alone deals with the state the article is about, but not when what it
    condemns is a harm whose doer goes unnamed: the state suffered it, and is not accused."""
    lead = (
        "Gunmen opened fire on a market in northern Mali. Mali declared three days of "
        "mourning, and Mali's president visited the town. "
    )
    for verb in ("condemned the massacre", "unanimously condemned the deadly attacks"):
        text = lead + f"The African Union {verb} on Tuesday."
        (ev,) = [e for e in _extracted(text, date(2023, 5, 12)) if e.value == "2023-05-09"]
        assert ev.actors == ("AU",)
    # an act of the state's own, condemned, keeps the state
    text = lead + "The African Union condemned the coup on Tuesday."
    (ev,) = [e for e in _extracted(text, date(2023, 5, 12)) if e.value == "2023-05-09"]
    assert set(ev.actors) == {"AU", "Mali"}


# round 60c: the trigger lexicon from the language, by PLOVER category
@pytest.mark.parametrize(
    ("text", "type_"),
    [
        ("Chile deplored Peru's decision on Tuesday.", "ACCUSE"),
        ("Peru ruled out new talks with Chile on Tuesday.", "REJECT"),
        ("Bolivia flouted the court order on Tuesday.", "REJECT"),
        ("Chile put Peru on notice on Tuesday.", "THREATEN"),
        ("Chile's president saluted the Peruvian rescuers on Tuesday.", "SUPPORT"),
        ("Gabriel Boric chatted with Pedro Castillo on Tuesday.", "CONSULT"),
        ("Gabriel Boric headed to Lima on Tuesday.", "CONSULT"),
        ("Peru backtracked on its demands on Tuesday.", "CONCEDE"),
        ("Chile partnered with Peru on Tuesday.", "COOPERATE"),
        ("The IMF disbursed $1 billion to Peru on Tuesday.", "AID"),
        ("A Peruvian pilot defected to Chile on Tuesday.", "RETREAT"),
        ("The pope exhorted Peru to restore order on Tuesday.", "REQUEST"),
        ("Thousands poured into the streets of Lima on Tuesday.", "PROTEST"),
        ("Chile declared two Peruvian diplomats persona non grata on Tuesday.", "SANCTION"),
        ("Peru readied troops on the border on Tuesday.", "MOBILIZE"),
        ("Pedro Castillo fired his interior minister on Tuesday.", "COERCE"),
        ("Peruvian troops launched a counterattack near the border on Tuesday.", "ASSAULT"),
        ("Peruvian troops battled rebels near Ayacucho on Tuesday.", "ASSAULT"),
        ("Polls opened in Peru on Tuesday.", "STATEMENT"),
    ],
)
def test_round60c_a_happening_told_by_a_verb_or_noun_of_its_category(text: str, type_: str) -> None:
    # each a verb, phrasal verb or event noun of wire English for its PLOVER category that
    # no row named (the missile sense of "fired" keeps its row)
    events = _extracted(text, date(2021, 6, 9))
    assert any(e.type == type_ for e in events), [(e.type, e.label) for e in events]


# round 60d: the needs: window of triggers.tsv, from the next nine words to the verb's object
def test_round60d_a_needed_word_past_the_verbs_object_is_not_needed():
    # "ordered a curfew ... after Chilean troops crossed": the troops are another clause's,
    # no deployment ordered; "suspended the talks, when the judges walked out": no judges
    # suspended; "removed the tariffs, days after the government ...": nobody removed
    text = "Peru ordered a curfew in Lima on Monday after Chilean troops crossed the border."
    events = _extracted(text, date(2021, 6, 9))
    assert events and all(e.type != "MOBILIZE" for e in events)
    text = "Chile suspended the talks on Monday, when the Peruvian judges walked out."
    events = _extracted(text, date(2021, 6, 9))
    assert events and all(e.type != "COERCE" for e in events)
    text = "Bolivia removed the tariffs on Monday, days after the government in Lima protested."
    events = _extracted(text, date(2021, 6, 9))
    assert events and all(e.type != "COERCE" for e in events)
    # (the doers of a revolt may be told in a clause of their own: triggers.tsv "wide")
    text = "The revolt began on Monday, when young officers seized the barracks in Lima."
    assert any(e.type == "COERCE" for e in _extracted(text, date(2021, 6, 9)))


def test_round60d_a_second_verb_or_a_relative_ends_the_object():
    # "summoned reporters ... and said the ambassador": the ambassador is what was said;
    # "sent aid ... and deployed the army": the aid is what was sent; "sent a note ... that
    # troops had crossed": the troops are the note's news
    text = "Chile summoned reporters on Monday and said the ambassador of Peru had lied."
    events = _extracted(text, date(2021, 6, 9))
    assert events and all(e.type != "ACCUSE" for e in events)
    text = "Chile sent aid to Peru on Monday and deployed the army along the border."
    assert any(e.type == "AID" for e in _extracted(text, date(2021, 6, 9)))
    text = "Peru sent a note on Monday that Chilean troops had crossed the border."
    events = _extracted(text, date(2021, 6, 9))
    assert events and all(e.type != "MOBILIZE" for e in events)
    # (a demonstrative "that", a particle, a quantity and verbs sharing one object stay in)
    for text, kind in (
        ("Chile summoned that country's ambassador on Monday.", "ACCUSE"),
        ("Peru sent in 3,000 troops on Monday.", "MOBILIZE"),
    ):
        assert any(e.type == kind for e in _extracted(text, date(2021, 6, 9))), text
    needs = lexicon().triggers["sank"].needs
    assert needs is not None and needs.match(" or crippled six Peruvian vessels")


# round 60f: recall, the gold events dated on another day
def test_round60f_a_cue_word_inside_a_name_does_not_date_the_clause():
    """A name of several capitalised words holds no tense cue: "Will" in "Congressman Will
    Hurd" is no modal and "Face" in "Galle Face Green" no verb; the past verb dates the
    weekday to the one before the article's Wednesday."""
    text = "Texas Congressman Will Hurd visited the border wall on Saturday."
    (ev,) = _extracted(text, date(2019, 7, 10))
    assert ev.value == "2019-07-06"
    from dashapp.temporal import tag

    text = "Students began a hunger strike on Galle Face Green on Saturday."
    assert [t.value for t in tag(text, date(2019, 7, 10))] == ["2019-07-06"]
    # the modal outside a name still looks ahead
    (ev,) = _extracted(
        "Texas Governor Greg Abbott will visit the border on Saturday.", date(2019, 7, 10)
    )
    assert ev.value == "2019-07-13"


# round 60e: actor precision, names in a time or circumstance clause beside the happening
_R60E_NAMES = {
    "Lukashenko": Actor("Alexander Lukashenko", "person", "Belarus"),
    "Duda": Actor("Andrzej Duda", "person", "Poland"),
    "Kazakhstan's president, Kassym-Jomart Tokayev": Actor(
        "Kassym-Jomart Tokayev", "person", "Kazakhstan"
    ),
    "Moscow": RUSSIA,
    "Russian": RUSSIA,
    "Soviet": Actor("Soviet Union", "country"),
    "Ukraine": UKRAINE,
    "Ukrainian": UKRAINE,
    "Poland": Actor("Poland", "country"),
    "Germany": Actor("Germany", "country"),
    "Al-Shabaab": Actor("al-Shabaab", "organisation"),
    "Kismayo": Actor("Somalia", "country"),
    "Afghanistan": Actor("Afghanistan", "country"),
    "Macron": Actor("Emmanuel Macron", "person", "France"),
    "Prime Minister Olena Koval": Actor("Olena Koval", "person", "Ukraine"),
    "IMF": Actor("IMF", "organisation"),
    "Kenya": Actor("Kenya", "country"),
}


def _r60e_mentions(text: str) -> list[ActorMention]:
    names = sorted(_R60E_NAMES, key=len, reverse=True)
    pattern = r"\b(" + "|".join(map(re.escape, names)) + r")\b"
    return [
        ActorMention(m.start(), m.end(), m.group(), (_R60E_NAMES[m.group()],))
        for m in re.finditer(pattern, text)
    ]


def _r60e_kept(rule, text: str, *args) -> list[str]:
    return [m.text for m in rule(text, *args, _r60e_mentions(text))]


def test_round60e_names_of_the_main_clause_beside_a_time_clause():
    """A happening told in a time clause with a subject of its own is that subject's: who
    the main clause names takes no part in it, also when the subject is named after a
    modifier or two, with a noun of its own, or with a second subject after "and"."""
    from dashapp.events import _without_main_clause

    def kept(text: str, act: str) -> list[str]:
        return _r60e_kept(_without_main_clause, text, (0, len(text)), text.index(act))

    text = (
        "The boycott, which President Macron ordered after Soviet troops entered "
        "Afghanistan in December 1979, was lifted."
    )
    assert kept(text, "troops entered") == ["Soviet", "Afghanistan"]
    text = (
        "Pressure on Moscow grew after former Prime Minister Olena Koval was killed by a "
        "car bomb on 14 February."
    )
    assert kept(text, "killed") == ["Prime Minister Olena Koval"]
    text = (
        "Germany sent its jets in after Islamist fighters of Al-Shabaab and their allies "
        "overran Kismayo on Thursday."
    )
    assert kept(text, "overran") == ["Al-Shabaab", "Kismayo"]
    # a back reference past the time clause's end ("him" after the comma) is the main
    # clause's own; one inside it keeps the main clause ("demanded their removal")
    text = (
        "Lukashenko was jailed after Duda declared martial law in September and spent two "
        "years in prison, where a court sentenced him again."
    )
    assert kept(text, "martial law") == ["Duda"]
    text = "Germany withdrew its troops two days after Moscow demanded their removal on May 16."
    assert kept(text, "demanded") == ["Germany", "Moscow"]


def test_round60e_the_subject_of_an_as_clause_of_its_own():
    """An "as" clause whose subject does something of its own, told in the past, is a
    happening beside the act: its subject is no party of the act. A state the act catches
    the subject in ("while Duda was abroad", "as Duda was preparing") keeps it, as does
    the condition of "as soon as"."""
    from dashapp.events import _without_while_clause

    def kept(text: str) -> list[str]:
        start = text.index("Friday") + len("Friday")
        return _r60e_kept(_without_while_clause, text, start, len(text))

    text = "On Friday, Duda suspended the ruling party in Poland as Lukashenko looked on."
    assert kept(text) == ["Duda", "Poland"]
    text = (
        "Duda proclaimed a state of emergency in Poland on Friday as Russian troops pushed "
        "deeper into Ukraine."
    )
    assert kept(text) == ["Duda", "Poland"]
    text = "Rebels seized power in Poland on Friday while Duda was abroad in Ukraine."
    assert kept(text) == ["Poland", "Duda"]
    text = "Rebels seized power in Poland on Friday as Duda was preparing to fly to Ukraine."
    assert kept(text) == ["Poland", "Duda"]
    text = (
        "Duda said on Friday that Poland would leave as soon as Lukashenko promised to stay "
        "out of Ukraine."
    )
    assert kept(text) == ["Duda", "Poland", "Lukashenko"]


def test_round60e_a_broker_of_another_time_is_not_a_party():
    """Who brokers or grants what comes before, until or since the act is that later
    happening's, not a party of the act; after "after" the broker stays (the act is what
    the brokered talks brought about)."""
    from dashapp.events import _without_other_time_clause

    def kept(text: str) -> list[str]:
        start = text.index("Friday") + len("Friday")
        return _r60e_kept(_without_other_time_clause, text, start)

    text = (
        "Moscow shelled Ukraine on Friday, before it agreed to a truce brokered by "
        "Kazakhstan's president, Kassym-Jomart Tokayev."
    )
    assert kept(text) == ["Moscow", "Ukraine"]
    text = (
        "Moscow said on Friday that Kenya needed a budget before it could expect more help "
        "from the IMF."
    )
    assert kept(text) == ["Moscow", "Kenya"]
    text = (
        "Moscow and Ukraine signed a truce on Friday after talks brokered by Kazakhstan's "
        "president, Kassym-Jomart Tokayev."
    )
    assert kept(text) == ["Moscow", "Ukraine", "Kazakhstan's president, Kassym-Jomart Tokayev"]


# "the sentence before" a pronoun's is the sentence splitter's, not the text after the last
# ". ": an abbreviation ("Oct. 13", "U.S.") is no sentence end, and "?" or a line is one
def test_the_sentence_before_is_the_splitters():
    from dashapp.events import _sentence_before

    text = (
        "Aid crossed into Gaza. Israel ordered people to move south on Oct. 13 near a U.S. "
        "base. Its military said on Saturday it would strike.\nWho will pay? It said nothing."
    )
    israel, its = text.index("Israel"), text.index("Its military")
    who, it = text.index("Who"), text.index("It said")
    assert _sentence_before(text, its) == israel
    assert _sentence_before(text, who) == its
    assert _sentence_before(text, it) == who
    assert _sentence_before(text, israel) == 0 and _sentence_before(text, 0) == 0


# round 60h: actor precision judged on the enlarged convention family
def test_round60h_an_armed_group_acting_alone_brings_no_state_of_the_articles():
    """A body acting alone is given the state the article is about, but not an armed group
    (what the text calls "the rebels", "the insurgents"): its own act is its own, and the
    state named most is no party unless the text makes it one. Its seizures keep the state
    (what it seizes, a town or a palace, is taken from a state)."""
    lead = (
        "Colombia's army said it had cleared two villages in the south. Colombia's "
        "defence minister visited the region, and Colombia asked Ecuador to close the border. "
    )
    for clause in (
        "The FARC called for a national strike on Tuesday.",
        "The FARC pulled out of the talks on Tuesday.",
        "The FARC said on Tuesday that it would release two hostages.",
    ):
        (ev,) = [e for e in _extracted(lead + clause, date(2008, 3, 6)) if e.value == "2008-03-04"]
        assert ev.actors == ("FARC",), clause
    # a body that is no armed group keeps the article's state
    text = lead + "The Organization of American States condemned the raid on Tuesday."
    (ev,) = [e for e in _extracted(text, date(2008, 3, 6)) if e.value == "2008-03-04"]
    assert set(ev.actors) == {"OAS", "Colombia"}


# round 60g: happenings told in a clause that dates them but made no event
def test_round60g_a_relative_clause_with_its_own_date_tells_its_own_act():
    """ "Sunak, who succeeded Truss last month, said on Tuesday": the relative clause on the
    party has its own date and its own act verb; the party is its subject, and the main
    clause keeps its own event and date."""
    text = (
        "Prime Minister Rishi Sunak, who succeeded Liz Truss last month, said on Tuesday "
        "that Britain would keep its sanctions on Russia."
    )
    events = _extracted(text, date(2022, 11, 23))
    (rel,) = [e for e in events if e.value == "2022-10"]
    assert set(rel.actors) == {"Rishi Sunak", "Liz Truss"}
    assert any(e.value == "2022-11-22" for e in events)
    # a clause that only describes the party is no happening: a state's verb, or a date
    # that is the main clause's (the relative clause closes at its comma before it)
    for text in (
        "President Emmanuel Macron, who lived in Berlin in 2012, said on Monday that Paris "
        "would send more aid.",
        "President Emmanuel Macron, who served as economy minister in 2015, said on Monday "
        "that Paris would send more aid.",
        "Chancellor Olaf Scholz, who met Joe Biden in Washington, said on Friday that Germany "
        "would send tanks.",
    ):
        events = _extracted(text, date(2022, 11, 23))
        assert events and all(e.value.startswith("2022-11-") for e in events), text


def test_round60g_a_pronoun_subject_of_a_counted_clause_points_back_into_its_sentence():
    """ "Pakistan expelled the envoy on Wednesday, two days after it closed its airspace":
    the counted clause's "it" is the subject of the sentence it is counted in, not the last
    state named before it; and "it declared a state of emergency": the verb right after
    "it" governs the act's noun."""
    text = (
        "Pakistan expelled the Indian envoy on Wednesday, two days after it closed its "
        "airspace to Indian airlines."
    )
    events = _extracted(text, date(2022, 11, 23))
    (closed,) = [e for e in events if e.value == "2022-11-21"]
    assert closed.actors[0] == "Pakistan"
    text = "Peru's congress met in Lima on Sunday. On Monday it declared a state of emergency."
    (ev,) = [e for e in _extracted(text, date(2022, 11, 23)) if e.value == "2022-11-21"]
    assert ev.type == "COERCE" and ev.actors == ("Peru",)


# round 60i: a person's own state on a state's act, by the convention (coming to power)
def test_round60i_coming_to_power_brings_no_state_of_ones_own():
    """A person who wins an election or seizes power, the subject of the verb, comes to
    power himself: as for taking office, his state is no party unless the text names it or
    makes it act. An election he speaks of is the state's, and so is a win the state's
    authority declares or a coup done to him."""
    for text, value, actors in (
        (
            "Recep Tayyip Erdogan, 60, won the August 2014 presidential election.",
            "2014-08",
            ("Recep Tayyip Erdogan",),
        ),
        (
            "Jacob Zuma swept the April 2009 election with two thirds of the vote.",
            "2009-04",
            ("Jacob Zuma",),
        ),
        (
            "Pervez Musharraf seized power in a bloodless coup in October 1999.",
            "1999-10",
            ("Pervez Musharraf",),
        ),
        (
            "Yoweri Museveni took power in January 1986 after a five-year bush war.",
            "1986-01",
            ("Yoweri Museveni",),
        ),
        # the state's own: an election spoken of, a winner declared, a coup suffered, the
        # state named
        (
            "Recep Tayyip Erdogan said on Tuesday that the presidential election would go "
            "ahead in June.",
            "2016-06",
            ("Recep Tayyip Erdogan", "Turkey"),
        ),
        (
            "The electoral commission declared Recep Tayyip Erdogan the winner of the August "
            "2014 election.",
            "2014-08",
            ("Recep Tayyip Erdogan", "Turkey"),
        ),
        (
            "Mohamed Morsi was overthrown by the army in July 2013.",
            "2013-07",
            ("Mohamed Morsi", "Egypt"),
        ),
        (
            "Recep Tayyip Erdogan won Turkey's first direct presidential election in August 2014.",
            "2014-08",
            ("Recep Tayyip Erdogan", "Turkey"),
        ),
    ):
        (ev,) = [e for e in _extracted(text, date(2016, 3, 1)) if e.value == value]
        assert ev.actors == actors, text


# round 60k: two-sense trigger words, each sense by what follows it
@pytest.mark.parametrize(
    ("text", "type_"),
    [
        # regret for the dead is sympathy (any other thing deplored is blamed: round 60c's test)
        ("The Foreign Office said on Tuesday that it deplored the loss of life.", "STATEMENT"),
        # opposition to an act of force is blame, to a proposal its rejection
        ("Brazil said on Tuesday that it opposed the coup.", "ACCUSE"),
        ("Argentina opposed the plan to raise tariffs on Tuesday.", "REJECT"),
        # troops patrolling a place, a hole blown in a wall, a shot told by its victim
        ("Bolivian soldiers patrolled the streets of La Paz on Tuesday.", "MOBILIZE"),
        ("Hezbollah fighters blasted a hole in the border fence on Tuesday.", "ASSAULT"),
        ("Senator Marco Rubio blasted the Peruvian government on Tuesday.", "ACCUSE"),
        ("Alexei Navalny was shot in the shoulder on Tuesday.", "ASSAULT"),
        # a boycott of goods and a fine in money are measures
        ("Jordan boycotted Danish products from Tuesday.", "SANCTION"),
        ("The European Commission fined Microsoft 500 million euros on Tuesday.", "SANCTION"),
    ],
)
def test_round60k_a_two_sensed_word_takes_the_sense_of_what_follows_it(
    text: str, type_: str
) -> None:
    events = _extracted(text, date(2021, 6, 9))
    assert any(e.type == type_ for e in events), [(e.type, e.label) for e in events]


# round 60j: dated clauses that made no event, the trigger turned away by its needs
def test_round60j_a_trigger_turned_away_by_its_needs_leaves_a_happenings_act_verb():
    """A trigger word whose row's needs: words do not follow it names no happening, and in
    a clause that tells one it no longer stops the named party's own act: a relative clause
    with its own date ("Erdogan, who flew with his wife to Baku on Sunday"), a clause counted
    from ("two days after India stripped the region of its autonomy"). In a plain clause the
    row's guard stays ("Kenya recalled its trade commissioner" recalls no envoy), and a date
    in a relative clause on the object is not the act's ("built the terminal, which opened
    in May")."""
    for text, value, actor in (
        (
            "President Recep Tayyip Erdogan, who flew with his wife to Baku on Sunday, said on "
            "Monday that Turkey would send aid.",
            "2022-11-20",
            "Recep Tayyip Erdogan",
        ),
        (
            "Protesters blocked roads in Srinagar on Wednesday, two days after India stripped "
            "the region of its autonomy.",
            "2022-11-21",
            "India",
        ),
    ):
        (ev,) = [e for e in _extracted(text, date(2022, 11, 23)) if e.value == value]
        assert ev.actors[0] == actor, text
    for text in (
        "Kenya recalled its trade commissioner from Kampala on Tuesday.",
        "Hamid Karzai was kicked out of the tournament on Tuesday.",
        "Chinese firms built the new container terminal in Djibouti, which opened in May.",
    ):
        assert _extracted(text, date(2022, 11, 23)) == [], text


def test_round60j_a_one_verb_acts_person_object_is_named_in_its_label():
    """ "Scholz, who succeeded Merkel in December": the person right after a one-verb act is
    what it acts on, named in the label as its source is ("Scholz succeeds Merkel"); a state
    the verb's words do not name is not ("Erdogan flies", not "Erdogan flies Azerbaijan")."""
    text = (
        "Chancellor Olaf Scholz, who succeeded Angela Merkel in December, said on Monday that "
        "Germany would send more aid."
    )
    (ev,) = [e for e in _extracted(text, date(2022, 3, 15)) if e.value == "2021-12"]
    assert ev.label == "Scholz succeeds Merkel"
    text = (
        "President Recep Tayyip Erdogan, who flew with his wife to Baku on Sunday, said on "
        "Monday that Turkey would send aid."
    )
    (ev,) = [e for e in _extracted(text, date(2022, 11, 23)) if e.value == "2022-11-20"]
    assert ev.label == "Erdogan flies"


# round 60n: a person's own act (a resignation, a defection) brings no state of his own
def test_round60n_a_persons_own_act_brings_no_state_of_his():
    """A resignation, a defection or a visit cut short is the person's own act, as taking
    office is: by the owner's convention he is its party, and neither the state he serves
    nor the state of his title comes along. A state the text makes a party stays."""
    for text, value, actors in (
        (
            "Chile's interior minister, Rodrigo Hinzpeter, resigned on Tuesday.",
            "2016-03-01",
            ("Rodrigo Hinzpeter",),
        ),
        (
            "Prime Minister Theresa May stepped down on Tuesday.",
            "2016-03-01",
            ("Theresa May",),
        ),
        (
            "Viktor Yanukovych stepped down as party leader in March.",
            "2016-03",
            ("Viktor Yanukovych",),
        ),
        (
            "Israeli Prime Minister Benjamin Netanyahu cut short a visit to Brazil on Tuesday.",
            "2016-03-01",
            ("Benjamin Netanyahu", "Brazil"),
        ),
    ):
        (ev,) = [e for e in _extracted(text, date(2016, 3, 2)) if e.value == value]
        assert ev.actors == actors, (text, ev.actors)


# round 60l: trigger rows whose needs: words turned away a real happening (vocabulary)
@pytest.mark.parametrize(
    ("text", "type_", "label"),
    [
        (
            "Canada recalled its high commissioner from New Delhi on Tuesday.",
            "SANCTION",
            "Canada recalls envoys from India",
        ),
        (
            "Australia recalled its charge d'affaires from Moscow on Monday.",
            "SANCTION",
            "Australia recalls envoys from Russia",
        ),
        ("Iran froze the embassy's deposits on Monday.", "SANCTION", "Iran sanctions"),
        ("Serbia stripped Kosovo of its autonomy on Wednesday.", "COERCE", "Serbia removes Kosovo"),
        (
            "Russia suspended three private lenders on Thursday.",
            "COERCE",
            "Russia suspends lenders",
        ),
        (
            "Turkey suspended two opposition newspapers on Thursday.",
            "COERCE",
            "Turkey suspends newspapers",
        ),
        (
            "Kenya ordered non-emergency staff to leave Khartoum on Sunday.",
            "RETREAT",
            "Kenya evacuates staff",
        ),
        (
            "The International Court of Justice ordered Serbia on Monday to refrain from any "
            "act of force.",
            "REQUEST",
            "ICJ orders Serbia to refrain",
        ),
        ("Thaksin reported to the junta on Saturday.", "COERCE", "Thaksin reports to junta"),
        ("Hamid Karzai was named in his place on Tuesday.", "STATEMENT", "Karzai appointment"),
    ],
)
def test_round60l_a_rows_needs_words_name_the_senses_common_nouns(
    text: str, type_: str, label: str
) -> None:
    """A needs: row names the nouns news gives the thing its sense acts on, not only the
    commonest: a mission's head by any title, money held by any name, a region's standing,
    a bank or a newspaper suspended, staff sent out of danger, a party ordered to stop, a
    summons obeyed, a successor named in another's place."""
    events = _extracted(text, date(2022, 11, 23))
    assert [(e.type, e.label) for e in events] == [(type_, label)], text


def test_round60l_the_rows_guards_stay_for_other_nouns() -> None:
    """The words added are the sense's own: a consul recalled is an envoy recalled, but a
    trade commissioner, a service suspended, a price frozen and an order for a review stay turned
    away."""
    (ev,) = _extracted("Kenya recalled its consul from Kampala on Tuesday.", date(2022, 11, 23))
    assert (ev.type, ev.label) == ("SANCTION", "Kenya recalls envoys from Uganda")
    for text in (
        "Kenya recalled its trade commissioner from Kampala on Tuesday.",
        "Kenya suspended the bus service to the lake on Monday.",
        "Kenya froze the price of bread on Monday.",
        "Kenya ordered a review of its tax code on Monday.",
    ):
        assert _extracted(text, date(2022, 11, 23)) == [], text


# round 60m: a dated act whose subject is a pronoun or an unnamed group


def test_round60m_a_pronoun_subject_of_a_counted_clause_tells_its_act():
    """ "nine days after he had ousted Ruto as vice-chairman": a counted clause whose subject
    is a pronoun tells the act of the person it stands for, as a named subject's does (the
    verb in no trigger family, or one its needs turn away)."""
    text = (
        "President Uhuru Kenyatta left for Nairobi on March 12, a week after he had thanked "
        "William Ruto at the party congress."
    )
    (ev,) = [e for e in _extracted(text, date(2022, 3, 14)) if e.value == "2022-03-05"]
    assert set(ev.actors) == {"Uhuru Kenyatta", "William Ruto"}
    assert ev.label.startswith("Kenyatta thanks")


def test_round60m_an_unnamed_groups_seizure_or_riot_is_the_states_where_it_happens():
    """ "The gunmen, wearing ski masks, seized the town hall", "a day after security forces
    first turned tear gas on the strikers", "villagers lay down in front of the trucks and
    set fire to them": a seizure, a crackdown or a riot by a group nobody names is of the
    state where the story happens, as a body named by its office is ("Police fired tear
    gas"); an unnamed doer names the label ("Gunmen seize"). What such a group says is not
    the state's."""
    lead = "Colombia extended the curfew in the south. Colombia blamed drug gangs. "
    cases = (
        (
            "The gunmen, wearing ski masks, seized the town hall in Jamundi on Tuesday.",
            "2021-06-08",
        ),
        (
            "The port reopened on Friday, a day after security forces first turned tear gas on "
            "the striking dockworkers.",
            "2021-06-10",
        ),
        (
            "On Sunday, villagers in nearby Tumaco lay down in front of the army trucks and set "
            "fire to two of them.",
            "2021-06-06",
        ),
    )
    for text, value in cases:
        (ev,) = [e for e in _extracted(lead + text, date(2021, 6, 11)) if e.value == value]
        assert ev.actors == ("Colombia",), text
    (ev,) = [
        e for e in _extracted(lead + cases[0][0], date(2021, 6, 11)) if e.value == "2021-06-08"
    ]
    assert ev.label.startswith("Gunmen seize")
    text = lead + "The rebels, who hold the hills, said on Tuesday that they would talk."
    assert [e for e in _extracted(text, date(2021, 6, 11)) if e.value == "2021-06-08"] == []


# round 60o: event types on found events
def test_round60o_a_statement_whose_reported_words_refuse_or_blame_takes_that_type():
    """resources/events/reported_acts.tsv: a statement whose reported words refuse a
    document or a body, renounce a commitment, name a deed an act of war, a breach or a lie
    is that act ("X rejects", "X accuses"), not "X remarks"; not on a condition."""
    for text, type_, label in (
        (
            "Bolivia's president said on Thursday that he would not sign the trade pact.",
            "REJECT",
            "Arce rejects",
        ),
        (
            "Ecuador's foreign ministry said on Monday that it did not recognise the tribunal's "
            "authority over the dispute.",
            "REJECT",
            "Ecuador rejects",
        ),
        (
            "North Korea said on Friday that it would no longer abide by the armistice.",
            "REJECT",
            "North Korea rejects",
        ),
        (
            "Mali's government said on Tuesday that the incursion amounted to a declaration "
            "of war.",
            "ACCUSE",
            "Mali accuses",
        ),
        (
            "The Netherlands said on Wednesday that the junta had committed a grave breach of "
            "international law.",
            "ACCUSE",
            "Netherlands accuses",
        ),
        (
            "Senator Bob Casey said on Sunday that the ambassador had not told the truth about "
            "the shipments.",
            "ACCUSE",
            "Casey accuses",
        ),
        (
            "Bolivia's president said on Thursday that if the clause stayed he would not sign "
            "the trade pact.",
            "STATEMENT",
            "Arce remarks",
        ),
    ):
        (ev,) = _extracted(text, date(2023, 5, 20))
        assert (ev.type, ev.label) == (type_, label), text


def test_round60o_a_threat_in_the_reported_words_after_but():
    """The reported words of "said that ..." run on past "but would ...", "but could not let
    ..." of the same speech: a threat there makes the statement a warning; a refusal after
    "but" qualifies what was said first and does not ("would back the mission but would not
    send troops" stays a statement). A quote before "for every" hides no threat."""
    for text, label in (
        (
            "Estonia's prime minister said on Monday that Tallinn wanted calm but would not let "
            "the sabotage go unanswered.",
            "Kallas warns",
        ),
        (
            "Nigeria's president said on Friday that the army had been restrained but would "
            "give a fitting reply to any further raid.",
            "Buhari warns",
        ),
        (
            'The rebel commander Ahmad Massoud said on Saturday that his men would fight "for '
            'every street" of the town.',
            "Massoud warns",
        ),
    ):
        (ev,) = _extracted(text, date(2023, 5, 20))
        assert (ev.type, ev.label) == ("THREATEN", label), text
    text = (
        "Spain's defence minister said on Monday that Madrid would back the mission but would "
        "not send troops."
    )
    (ev,) = _extracted(text, date(2023, 5, 20))
    assert ev.type == "STATEMENT", (ev.type, ev.label)


# round 60q: the state of a person's title on his requests, accusations and refusals
def test_round60q_a_title_brings_no_state_to_a_request_accusation_or_refusal():
    """A request, an accusation or a refusal a person makes in words is his own act, as a
    warning is: by the owner's convention the state of his title or possessive does not
    come along; a state the text makes a party (acted on, or the clause's subject) stays."""
    for text, value, actors in (
        (
            "Brazilian President Jair Bolsonaro accused France on Tuesday of colonialist meddling.",
            "2022-03-08",
            ("Jair Bolsonaro", "France"),
        ),
        (
            "Kenya's president, William Ruto, urged the rebels on Friday to lay down their arms.",
            "2022-03-11",
            ("William Ruto",),
        ),
        (
            "Polish Prime Minister Donald Tusk rejected the proposal on Wednesday.",
            "2022-03-09",
            ("Donald Tusk",),
        ),
        (
            "The Dutch prime minister asked Turkey on Thursday to release the journalists.",
            "2022-03-10",
            ("Mark Rutte", "Turkey"),
        ),
        ("The Polish government rejected the proposal on Wednesday.", "2022-03-09", ("Poland",)),
    ):
        (ev,) = [e for e in _extracted(text, date(2022, 3, 14)) if e.value == value]
        assert ev.actors == actors, (text, ev.actors)


# round 60r: labels a wire editor would accept
@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("The African Union condemned the massacre on Tuesday.", "AU condemns massacre"),
        ("Chancellor Olaf Scholz welcomed the verdict on Tuesday.", "Scholz welcomes verdict"),
        (
            "Canada's foreign minister denounced the shelling of hospitals on Tuesday.",
            "denounces shelling of hospitals",
        ),
    ],
)
def test_round60r_a_bare_verb_label_takes_the_noun_it_acts_on(text: str, label: str) -> None:
    """ "The UN condemned the killing on Thursday" is "UN condemns killing", as a headline
    writes it, not "UN accuses": the row's verb with its slot left empty says nothing of
    what was done. The trigger's own verb in the present, and the common noun it governs
    (without its determiner, numbers or what follows it)."""
    labels = [e.label for e in _extracted(text, date(2021, 6, 11))]
    assert len(labels) == 1 and labels[0].endswith(label), labels


def test_round60r_no_noun_is_taken_from_a_pronoun_a_time_or_a_possessive():
    """A pronoun, a time, a possessor's noun or a name after the verb is no noun of the
    label: the label stays as the row writes it."""
    for text, label in (
        ("President Joe Biden praised it on Tuesday.", "Biden backs"),
        ("Chancellor Olaf Scholz welcomed the court's ruling on Tuesday.", "Scholz backs"),
        ("The Kremlin denied last week that troops had crossed.", None),
    ):
        labels = [e.label for e in _extracted(text, date(2021, 6, 11))]
        if label is not None:
            assert labels == [label], (text, labels)
        else:
            assert all(" last" not in x and " week" not in x for x in labels), labels


# round 60t: labels, continued from round 60r (a one-verb act's past in the present, a
# plural name's verb)
@pytest.mark.parametrize(
    "text,label",
    [
        (
            "Finance Minister Christian Lindner, who succeeded Olaf Scholz in December, said"
            " on Monday that talks would go on.",
            "Lindner succeeds Scholz",
        ),
        (
            "The Houthis seized the presidential palace on Monday.",
            "Houthis seize presidential palace",
        ),
    ],
)
def test_round60t_a_past_act_is_headlined_in_the_present(text: str, label: str) -> None:
    """A headline tells a done act in the present ("Lindner succeeds Scholz", not "Lindner
    succeeded Scholz"), and a plural name takes a plural verb ("Houthis seize")."""
    labels = [e.label for e in _extracted(text, date(2021, 6, 11))]
    assert label in labels, labels


def test_round60t_a_passive_and_a_name_in_s_keep_their_verb():
    """A passive stays a participle ("Navalny moved"), and a singular name in "s" keeps
    its singular verb ("Hamas seizes")."""
    for text, label in (
        ("Navalny was moved to a prison colony on Monday.", "Navalny moved"),
        ("Hamas seized the crossing on Monday.", "Hamas seizes crossing"),
    ):
        labels = [e.label for e in _extracted(text, date(2021, 6, 11))]
        assert labels == [label], (text, labels)


# round 60y: labels: name the group that acted, not its state
@pytest.mark.parametrize(
    ("text", "label", "actors"),
    [
        (
            "Peruvian troops have guarded the city since rebels seized the town hall in "
            "Ayacucho on May 3.",
            "Rebels seize town hall",
            ("Peru",),
        ),
        (
            "Kenyan police have patrolled the area since gunmen seized the mission station "
            "near Garissa on May 3.",
            "Gunmen seize mission station",
            ("Kenya",),
        ),
        ("A week later a mob attacked a police station in Lahore.", "Mob attack", ("Pakistan",)),
    ],
)
def test_round60y_an_unnamed_group_is_the_labels_doer(
    text: str, label: str, actors: tuple[str, ...]
) -> None:
    """The act stays the state's where it happens (its actors), but the label names the
    group that did it as the text does ("Rebels seize town hall", not "Peru seizes town
    hall"), and a place's state is not what the group attacked."""
    events = _extracted(text, date(2021, 6, 11))
    assert [(e.label, e.actors) for e in events] == [(label, actors)]


# round 60p: recall, vocabulary and gazetteer for happenings rounds 60j, 60l and 60m left unmade
@pytest.mark.parametrize(
    ("text", "type_", "label", "actors"),
    [
        (
            "A squad of North Korean commandos tried to storm the Blue House on Sunday.",
            "ASSAULT",
            "North Korea attack on Blue House",
            ("North Korea", "South Korea"),
        ),
        (
            "Elsewhere, mobs hunted down members of the Tontons Macoutes on Friday.",
            "ASSAULT",
            "Mobs attack on Tontons Macoutes",
            ("Tontons Macoutes",),
        ),
        (
            "Crowds burned shops and a police station in Honiara on Thursday.",
            "PROTEST",
            "Riots in Honiara",
            ("Solomon Islands",),
        ),
        (
            "Mugabe fired Emmerson Mnangagwa as vice-president on Monday.",
            "COERCE",
            "Zimbabwe removes",
            ("Robert Mugabe", "Emmerson Mnangagwa"),
        ),
        (
            "Condoleezza Rice raised the issue with Hu Jintao on Monday.",
            "CONSULT",
            "Rice-Hu talks",
            ("Condoleezza Rice", "Hu Jintao"),
        ),
        (
            "The Kampuchean United Front for National Salvation was proclaimed on Monday.",
            "STATEMENT",
            "Kampuchean United Front for National Salvation proclaimed",
            ("Kampuchean United Front for National Salvation",),
        ),
        (
            "Kim Jong Un was proclaimed supreme commander on Monday.",
            "STATEMENT",
            "Kim inauguration",
            ("Kim Jong Un",),
        ),
    ],
)
def test_round60p_the_words_news_tells_a_crowds_or_a_leaders_act_with(
    text: str, type_: str, label: str, actors: tuple[str, ...]
) -> None:
    """An attempt to storm a building is an attack as the storming is, a violent pursuit
    ("hunted down") too; property burned in unrest is a riot as property set on fire is; a
    vice-president fired is dismissed as a deputy is; a matter raised with another party is a
    consultation; a body proclaimed in the passive is its proclamation, a person proclaimed
    to an office his inauguration. A sentence adverb set off by its comma ("Elsewhere,") is no
    part of an unnamed doer's words."""
    events = _extracted(text, date(2022, 11, 23))
    assert [(e.type, e.label, e.actors) for e in events] == [(type_, label, actors)], text


def test_round60p_the_gazetteer_knows_armed_groups_and_their_leaders() -> None:
    """Rebel commanders and the names news gives their movements: Shamil Basayev, the
    Sandinista adjective, the Houthis called "the Iran-backed group" once named, a leader of
    the Islamic Salvation Front."""
    when = date(2022, 11, 23)
    text = "Fighters led by Shamil Basayev seized a hospital in Budyonnovsk on Wednesday."
    assert "Shamil Basayev" in _extracted(text, when)[0].actors
    text = (
        "The Houthis have attacked ships for months. "
        "The Iran-backed group seized a cargo ship in the Red Sea on Sunday."
    )
    assert [e.actors for e in _extracted(text, when)] == [("Houthis",)]
    text = "Sandinista columns entered the capital on Thursday."
    assert [e.actors for e in _extracted(text, when)] == [("FSLN",)]
    # his state comes with the police that arrest him (round r60x: a person arrested
    # brings no state of his by himself)
    assert _extracted("Police arrested Abbassi Madani on Monday.", when)[0].actors == (
        "Abbassi Madani",
        "Algeria",
    )


def test_round60p_other_burnings_and_a_storming_refused_make_no_event() -> None:
    """The words added keep to their sense: a wreckage found burned, a building that burned by
    itself and a storming refused are no riot and no attack."""
    for text in (
        "Police found the burned wreckage on Monday.",
        "The parliament building burned on Monday.",
        "The soldiers refused to storm the palace on Monday.",
    ):
        assert _extracted(text, date(2022, 11, 23)) == [], text


# round 60w: a he/she/him/her stands for no person of the other known gender
@pytest.mark.parametrize(
    ("text", "meant", "other"),
    [
        (
            "Chancellor Angela Merkel received Premier Li Keqiang in Berlin. "
            "On Tuesday she announced new export credits for Greece.",
            "Angela Merkel",
            "Li Keqiang",
        ),
        (
            "Jacinda Ardern flew to Canberra, where Scott Morrison welcomed her. "
            "On Friday she pledged aid to Fiji.",
            "Jacinda Ardern",
            "Scott Morrison",
        ),
        (
            "Theresa May hosted Mark Rutte at Chequers. "
            "He flew to Brussels on Monday for talks with the Commission.",
            "Mark Rutte",
            "Theresa May",
        ),
    ],
)
def test_round60w_a_pronoun_skips_a_person_of_the_other_gender(
    text: str, meant: str, other: str
) -> None:
    """A subject he/she stands for the last (or first) person named whose gender, as the
    gazetteer knows it, the pronoun allows: "she" after Merkel and Li is Merkel, "he" after
    May and Rutte is Rutte."""
    last = _extracted(text, date(2018, 11, 23))[-1]
    assert meant in last.actors and other not in last.actors, last.actors


def test_round60w_an_object_her_skips_a_man() -> None:
    """An object "her" is the last woman named before it, not a man named after her."""
    text = (
        "Angela Merkel flew to Paris to meet Emmanuel Macron. "
        "Protesters booed her on Thursday outside the Elysee."
    )
    last = _extracted(text, date(2018, 11, 23))[-1]
    assert "Angela Merkel" in last.actors and "Emmanuel Macron" not in last.actors, last.actors


@pytest.mark.parametrize("title", ["Mr.", "Prince"])
def test_round60w_a_title_tells_the_gender_of_a_person_the_text_introduces(title: str) -> None:
    """A person the gazetteer lacks gets a gender only from a title of his or hers
    (gender_titles.tsv): a "she" skips the man "Mr." or "Prince" introduces."""
    text = (
        f"Mayor Anna Kowalczyk met {title} Tomasz Nowak in Warsaw. "
        "On Tuesday she signed a gas deal with Norway."
    )
    last = _extracted(text, date(2022, 11, 23))[-1]
    assert "Anna Kowalczyk" in last.actors and "Tomasz Nowak" not in last.actors, last.actors


def test_round60w_a_person_the_text_introduces_fits_any_pronoun() -> None:
    """A guard: a person the gazetteer lacks has no known gender, so "she" still stands for
    him or her as before."""
    text = "Mayor Anna Kowalczyk met Olaf Scholz in Warsaw. On Tuesday she announced a tram deal."
    last = _extracted(text, date(2022, 11, 23))[-1]
    assert "Anna Kowalczyk" in last.actors or "Olaf Scholz" in last.actors, last.actors


# round 60u: who a pronoun stands for (actor accuracy)
@pytest.mark.parametrize(
    ("text", "speaker", "other"),
    [
        (
            "Chancellor Olaf Scholz wrote to Secretary-General Antonio Guterres on Monday, and "
            "the secretary-general said on Wednesday that he would send envoys to Berlin.",
            "Antonio Guterres",
            "Olaf Scholz",
        ),
        (
            "President Joe Biden said on Monday that he backed Kyiv, and Scholz said the same "
            "day he would send tanks to Ukraine.",
            "Olaf Scholz",
            "Joe Biden",
        ),
        (
            "Prime Minister Rishi Sunak met President Emmanuel Macron in Paris, and Macron told "
            "reporters on Friday that he would visit Kyiv on Monday.",
            "Emmanuel Macron",
            "Rishi Sunak",
        ),
    ],
)
def test_round60u_a_reported_he_is_the_speaker_of_its_clause(
    text: str, speaker: str, other: str
) -> None:
    """A he/she opening what a verb of saying reports stands for that verb's subject, not for
    the first person of the sentence."""
    last = _extracted(text, date(2022, 11, 23))[-1]
    assert speaker in last.actors and other not in last.actors


def test_round60u_a_he_opening_its_sentence_still_continues_the_subject() -> None:
    """A guard: "He said ... that he" after a sentence naming two people is the earlier
    sentence's subject, as before."""
    text = (
        "Joe Biden met Olaf Scholz in Washington on Friday. "
        "He said on Saturday that he would visit Kyiv on Monday."
    )
    last = _extracted(text, date(2022, 11, 23))[-1]
    assert "Joe Biden" in last.actors and "Olaf Scholz" not in last.actors


# round 60s: the states that reach found events by other routes than a title
def test_round60s_a_datelines_state_named_again_is_no_party_of_the_first_sentence():
    """A dateline names where the story was filed: its state is no party of the first
    sentence's act, also when the story names it again (a person does not bring the state
    he serves); a state the sentence itself names stays."""
    text = (
        "ANKARA, Turkey - Turkish President Recep Tayyip Erdogan warned Greece on Tuesday "
        "against arming its islands.\n"
        "Turkey and Greece have quarrelled over the Aegean for decades."
    )
    (ev,) = [e for e in _extracted(text, date(2022, 6, 2)) if e.type == "THREATEN"]
    assert ev.actors == ("Recep Tayyip Erdogan", "Greece"), ev.actors
    text = (
        "ANKARA, Turkey - Turkey closed its airspace to Greek aircraft on Tuesday.\n"
        "Turkey and Greece have quarrelled over the Aegean for decades."
    )
    (ev,) = [e for e in _extracted(text, date(2022, 6, 2)) if e.value == "2022-05-31"]
    assert "Turkey" in ev.actors, ev.actors


def test_round60s_a_leaders_expulsion_or_embassy_closure_brings_no_state_of_his():
    """An envoy expelled or recalled, ties cut, an embassy shut by a person: by the owner's
    convention the person is its party with the state acted on, not the state he serves
    (neither through his title nor as a material act's); a state the text makes the doer
    stays."""
    for text, value, present, absent in (
        (
            "Bolivia's President Evo Morales expelled the US ambassador on Wednesday.",
            "2008-09-10",
            {"Evo Morales", "United States"},
            "Bolivia",
        ),
        (
            "Evo Morales broke off diplomatic relations with Israel on Wednesday.",
            "2008-09-10",
            {"Evo Morales", "Israel"},
            "Bolivia",
        ),
        (
            "Evo Morales shut his embassy in Lima on Wednesday.",
            "2008-09-10",
            {"Evo Morales"},
            "Bolivia",
        ),
        (
            "Bolivia expelled the US ambassador on Wednesday.",
            "2008-09-10",
            {"Bolivia", "United States"},
            None,
        ),
    ):
        (ev,) = [e for e in _extracted(text, date(2008, 9, 12)) if e.value == value]
        assert present <= set(ev.actors) and absent not in ev.actors, (text, ev.actors)


# round 60x: harm or arrest done to a person does not bring his state as the doer


def test_round60x_a_person_who_suffers_a_material_act_brings_no_state_of_his():
    # by the owner's convention the victim is a party, his state only where the text names
    # it: the passive's subject and the act's object are acted on (_suffers)
    (ev,) = _extracted("Former president Jacob Zuma was arrested on Wednesday.")
    assert ev.actors == ("Jacob Zuma",)
    (ev,) = _extracted("Shinzo Abe was shot dead on Friday while speaking in Nara.")
    assert ev.actors == ("Shinzo Abe",)
    (ev,) = _extracted("Gunmen killed Prime Minister Shinzo Abe on Friday.")
    assert "Japan" not in ev.actors
    # a body of the state as the doer makes the state a party, before or after the verb;
    # a person doing the material act still brings his state
    (ev,) = _extracted("Police arrested Alexei Navalny on Sunday.")
    assert "Russia" in ev.actors
    (ev,) = _extracted("President Alpha Condé was detained by soldiers on Sunday.")
    assert "Guinea" in ev.actors
    (ev,) = _extracted("Vladimir Putin invaded Ukraine on Thursday.")
    assert "Russia" in ev.actors


# round 60v: a bare title stands for the right person
def _title_actors(text: str, when: date, phrase: str) -> set[str]:
    """The actors of the last mention in `text` whose words hold `phrase`."""
    from dashapp.actors import Gazetteer

    got: set[str] = set()
    for m in Gazetteer.load().find(text, when=when):
        if phrase in text[m.start : m.end]:
            got = {a.name for a in m.actors}
    return got


def test_round60v_a_title_in_apposition_is_the_person_named_before_it() -> None:
    """'X, the Honduran president who ...': the title is said of X, not of the office's
    holder on the article's date (nor of the last holder of any state named before)."""
    text = (
        "Vladimir Putin said nothing. Protesters in Caracas called for the return of "
        "Manuel Zelaya, the Honduran president who was flown out of the country by soldiers."
    )
    assert _title_actors(text, date(2009, 7, 2), "president") == {"Manuel Zelaya"}
    text = (
        "Vladimir Putin flew to the region. Alexander Dzasokhov, the president of North "
        "Ossetia, promised on Saturday to stay."
    )
    assert "Vladimir Putin" not in _title_actors(text, date(2004, 9, 5), "president")


def test_round60v_a_title_someone_is_elected_to_names_no_holder() -> None:
    """'who was first elected president of Russia in 2008': a predicate, not a mention of
    the office's holder on the article's date."""
    from dashapp.actors import Gazetteer

    text = "Dmitry Medvedev, who was first elected president of Russia in 2008, spoke on Monday."
    got = [
        (text[m.start : m.end], {a.name for a in m.actors})
        for m in Gazetteer.load().find(text, when=date(2020, 1, 20))
    ]
    assert all("Vladimir Putin" not in names for _s, names in got), got


def test_round60v_a_bare_title_is_the_home_states_titled_person() -> None:
    """A bare 'the president' in a story about Haiti is the Haitian president the story
    named with that title, not a foreign president named with his title since."""
    text = (
        "Haiti buried President Jovenel Moïse on Friday. Haiti's police chief said the "
        "gunmen had fled. Colombia's president, Iván Duque, offered help. In Haiti, officials "
        "recalled that the president was killed at his home."
    )
    assert _title_actors(text, date(2021, 7, 23), "president") == {"Jovenel Moïse"}
