"""The owner's example article against its gold file (tests/data/seed/, a copy of
../shared/seed): every gold expression resolved, every gold event found with its actors,
and no event at a date the text does not support."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dashapp.ingest import load
from dashapp.pipeline import extract
from dashapp.temporal import tag

ROOT = Path(__file__).resolve().parents[1]
GOLD = json.loads((ROOT / "tests/data/seed/000_b0493dc1623e2b1d.gold.json").read_text("utf-8"))
ARTICLE = load(ROOT / "data" / GOLD["file"])[0]


def _accepted(item: dict, key: str) -> set[str]:
    return {
        item[key],
        *item.get(f"acceptable_{key}s" if key == "date" else "acceptable_values", []),
    }


@pytest.fixture(scope="module")
def extraction():
    return extract([ARTICLE])


# The gold's "days" row points into "Sundays" (a slip in the gold file); the expression it
# means is the "days" of "comes days after". Rows are located by their text.
@pytest.mark.parametrize("gold", GOLD["timexes"], ids=lambda g: f"{g['text']}@{g['start']}")
def test_gold_expression_is_tagged_with_an_accepted_value(gold):
    body = ARTICLE.body
    start = gold["start"]
    if body[start : gold["end"]] != gold["text"] or body[start - 1].isalpha():
        start = body.index(" " + gold["text"] + " ") + 1
    found = [
        t for t in tag(body, ARTICLE.date) if t.start < start + len(gold["text"]) and start < t.end
    ]
    assert found, f"{gold['text']!r} not tagged"
    assert found[0].type == gold["type"]
    assert found[0].value in _accepted(gold, "value"), found[0].explanation
    assert found[0].mod == gold.get("mod")


@pytest.mark.parametrize("gold", GOLD["events"], ids=lambda g: g["label"])
def test_gold_event_found_with_its_actors(extraction, gold):
    dates = _accepted(gold, "date")
    candidates = [e for e in extraction.events if e.value in dates]
    assert candidates, f"no event dated {sorted(dates)}"
    best = max(
        candidates,
        key=lambda e: (
            len({m.text for m in e.mentions} & set(gold["mentions"])),
            len(set(e.actors) & set(gold["actors"])),
        ),
    )
    shared = set(best.actors) & set(gold["actors"])
    assert shared, f"{best.label!r} shares no actor with {gold['actors']}"
    assert {m.text for m in best.mentions} >= set(gold["mentions"])


# The gold gives no types; these are the PLOVER types an editor would accept for its events.
ACCEPTED_TYPES = {
    "Russia seizes Crimea": {"COERCE"},
    "Pro-Russian separatist war erupts in eastern Ukraine": {"ASSAULT"},
    "Biden-Putin phone call": {"CONSULT"},
    "Biden warns Russia in remarks to reporters": {"STATEMENT", "THREATEN"},
    "Blinken speaks with NATO chief Stoltenberg": {"CONSULT"},
    "Biden-Zelensky phone call": {"CONSULT"},
    "US-Russia talks in Geneva": {"CONSULT"},
}


@pytest.mark.parametrize("gold", GOLD["events"], ids=lambda g: g["label"])
def test_gold_event_has_a_type_an_editor_accepts(extraction, gold):
    dates = _accepted(gold, "date")
    mentioned = [
        e
        for e in extraction.events
        if e.value in dates and {m.text for m in e.mentions} >= set(gold["mentions"])
    ]
    best = max(mentioned, key=lambda e: len(set(e.actors) & set(gold["actors"])))
    assert best.type in ACCEPTED_TYPES[gold["label"]], best.label


def test_no_event_at_an_unsupported_date(extraction):
    supported = set().union(*(_accepted(g, "date") for g in GOLD["events"]))
    assert {e.value for e in extraction.events} <= supported


def test_the_sunday_call_is_one_event_on_one_day(extraction):
    sundays = [
        e
        for e in extraction.events
        if e.type == "CONSULT" and {"Joe Biden", "Volodymyr Zelensky"} <= set(e.actors)
    ]
    assert len(sundays) == 1
    assert len(sundays[0].mentions) == 3 and len({m.value for m in sundays[0].mentions}) == 1
