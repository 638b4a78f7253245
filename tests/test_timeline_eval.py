"""The TimeLine benchmark's scoring (benchmarks/timeline_eval.py), on texts of our own in the
corpus's schema (the corpus itself stays in ../shared/eval)."""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import timeline_eval as tl  # noqa: E402


@pytest.mark.parametrize(
    ("anchor", "value", "expected"),
    [
        ("2010-01-25", "2010-01-25", True),
        ("2010-01-25", "2010-01-26", False),
        ("2010-01-25", "2010-01-25T14:30", True),  # a time gives its day
        ("2010-01-25", "2010-01-24/2010-01-26", True),  # a range holding the day
        ("2010-01-25", "2010-01", False),  # coarser than the anchor
        ("2007-10-XX", "2007-10-15", True),  # finer than the anchor
        ("2007-10-XX", "2007-10", True),
        ("2007-10-XX", "2007-11-01", False),
        ("2007-10-XX", "2007-10-30/2007-11-02", False),  # a range leaving the month
        ("2007-10-XX", "2007-W42", False),  # a week is not said to be within a month
        ("2009-XX-XX", "2009-Q3", True),
        ("2009-XX-XX", "2009-12-31", True),
        ("2009-XX-XX", "2010", False),
        ("2006", "2006-05", True),  # a bare year, as some anchors are written
        ("XXXX-XX-XX", "2006", False),  # undated
        ("2009-01-01", "PAST_REF", False),
    ],
)
def test_within(anchor, value, expected):
    assert tl.within(anchor, value) is expected


def test_a_period_is_right_for_the_anchor_of_its_first_day():
    # the gold anchors "lost $6 billion in the first quarter of 2009" at 2009-01-01
    assert tl.dated_right("2009-01-01", "2009-Q1", date(2009, 1, 1))
    assert not tl.dated_right("2009-02-01", "2009-Q1", date(2009, 1, 1))
    assert not tl.dated_right("2009-01-XX", "2009-Q1", date(2009, 1, 1))
    assert tl.dated_right("2009-01-XX", "2009-01-05", None)


def test_pair_scores_match_within_the_same_article_only():
    gold = {("a", "2010-01-25"), ("a", "2010-02-XX"), ("b", "2010-01-25")}
    pred = {("a", "2010-01-25"), ("a", "2010-02-03"), ("c", "2010-01-25"), ("b", "2010-01-26")}
    s = tl.pair_scores(gold, pred)
    assert (s["found"], s["right"]) == (2, 2)
    assert s["recall"] == pytest.approx(2 / 3)
    assert s["precision"] == pytest.approx(2 / 4)
    assert s["f1"] == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))
    empty = tl.pair_scores(set(), set())
    assert (empty["recall"], empty["precision"], empty["f1"]) == (0.0, 0.0, 0.0)


TEXT = (
    "Norvia Air orders jets\n"
    "Norvia Air said on Tuesday that it had ordered twelve jets. "
    "The airline flew its first route in 1998."
)


def _ref(word, doc="d1", start=None):
    start = TEXT.index(word) if start is None else start
    return {
        "doc_id": doc,
        "sentence": 0,
        "word": word,
        "start": start,
        "end": start + len(word),
        "text": word,
    }


def test_gold_refs_keep_dated_references_in_the_kept_text():
    ordered = TEXT.index("ordered")
    timelines = [
        {
            "target_entity": "Norvia Air",
            "meantime_corpus": "air",
            "entries": [
                {"date": "2010-01-19", "events": [_ref("ordered")]},
                {"date": "XXXX-XX-XX", "events": [_ref("flew")]},  # undated
                {"date": "1998", "events": [_ref("flew", start=len(TEXT) + 5)]},
                {
                    "date": "1998",
                    "events": [_ref("flew", start=ordered)],
                },  # wrong word
                {"date": "1998", "events": [_ref("flew", doc="elsewhere")]},
            ],
        }
    ]
    (ref,) = tl.gold_refs(timelines, {"d1": TEXT})
    assert (ref.doc_id, ref.entity, ref.start, ref.anchor) == (
        "d1",
        "Norvia Air",
        ordered,
        "2010-01-19",
    )


def test_sentence_of():
    spans = [(0, 10), (10, 25)]
    assert tl.sentence_of(spans, 3) == (0, 10)
    assert tl.sentence_of(spans, 10) == (10, 25)
    assert tl.sentence_of(spans, 99) == (10, 25)
    assert tl.sentence_of([], 5) == (0, 0)


def test_user_actors_leave_known_names_and_guess_people_by_given_name():
    from dashapp.actors import Gazetteer

    entries = tl.user_actors(
        ["Joe Biden", "Norvia Air", "Alan Mulally", "Norvia Air"], Gazetteer.load()
    )
    assert {"name": "Norvia Air", "kind": "organisation"} in entries
    assert {"name": "Alan Mulally", "kind": "person"} in entries
    assert all(e["name"] != "Joe Biden" for e in entries)  # the gazetteer's own
    assert len(entries) == 2


def test_main_scores_a_corpus_in_the_schema_and_says_when_it_is_missing(tmp_path, capsys):
    (tmp_path / "meantime_en").mkdir()
    (tmp_path / "semeval2015_task4_timelines").mkdir()
    doc = {
        "doc_id": "d1",
        "dct": "2010-01-20",
        "text": TEXT,
        "timexes": [],
        "meta": {"corpus": "air"},
    }
    (tmp_path / tl.MEANTIME).write_text(json.dumps(doc) + "\n", encoding="utf-8")
    timeline = {
        "target_entity": "Norvia Air",
        "meantime_corpus": "air",
        "entries": [{"date": "2010-01-19", "events": [_ref("ordered")]}],
    }
    (tmp_path / tl.TIMELINES).write_text(json.dumps(timeline) + "\n", encoding="utf-8")
    assert tl.main(["--eval-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "1 timelines, 1 articles, 1 dated event references" in out
    # "said on Tuesday" in an article of Wednesday 2010-01-20: the event's date is the
    # Tuesday before, which the gold anchors; the article's date is not
    assert "1 of 1 references have an event of ours" in out
    assert "dated right by our events 100.0, by the article's date   0.0" in out
    assert "recall 100.0  precision 100.0" in out

    assert tl.main(["--eval-dir", str(tmp_path / "nowhere")]) == 2
    assert "cannot read the corpus" in capsys.readouterr().err
