"""The app's store wrapper and view logic without a browser."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from sample import extraction

from dashapp.app import SerializedStore, create_app
from dashapp.app.callbacks import parse_window, refresh, window_dates
from dashapp.app.filters import ViewState
from dashapp.app.view import build_view, choose_bucket
from dashapp.models import EventFilter, Extraction
from dashapp.store import Store


def test_cache_is_cleared_by_writes():
    raw = Store(None)
    try:
        store = SerializedStore(raw)
        ext = extraction()
        store.add(Extraction(ext.articles[:1], {}, ext.events[:3], ext.actors))
        assert store.count_events() == 3
        first = store.events()
        first.clear()  # callers get copies: the cache is not mutated through them
        assert len(store.events()) == 3
        store.add(ext)
        assert store.count_events() == raw.count_events() > 3
        store.correct_event("e-call", label="Corrected")
        assert store.event("e-call").label == "Corrected"
    finally:
        raw.close()


def test_view_aggregates_above_the_threshold_and_zoom_narrows():
    raw = Store(None)
    try:
        raw.add(extraction())
        view = build_view(raw, ViewState(), aggregate_above=5)
        assert view.bucket == "month" and view.total == 11
        assert len(view.table) == 11
        window = (date(2022, 1, 7), date(2022, 1, 8))
        zoomed = build_view(raw, ViewState(), window=window, aggregate_above=5)
        assert zoomed.bucket is None and zoomed.in_window == 5
        ids = {c for t in zoomed.figure["data"] for c in t.get("customdata", [])}
        assert ids == {e.id for e in zoomed.table}
    finally:
        raw.close()


def test_bucket_choice_and_window_parsing():
    assert choose_bucket(EventFilter()) == "month"
    assert (
        choose_bucket(EventFilter(date_from=date(2022, 1, 1), date_to=date(2022, 6, 30))) == "week"
    )
    assert parse_window({"xaxis.range[0]": "2022-01-03 12:00", "xaxis.range[1]": "2022-02-01"}) == (
        "2022-01-03",
        "2022-02-01",
    )
    assert parse_window({"xaxis.autorange": True}) is None
    assert parse_window({"autosize": True}) is False
    assert window_dates({"range": ["2022-02-01", "2022-01-01"]}) == (
        date(2022, 1, 1),
        date(2022, 2, 1),
    )
    assert window_dates({"range": ["x", "y"]}) is None


def test_refresh_outputs_agree():
    raw = Store(None)
    try:
        raw.add(extraction())
        fig, config, table, summary, actors, types = refresh(raw, "?actor=Russia", None)
        assert summary.startswith("3 events")
        assert config["toImageButtonOptions"]["filename"] == "geotimeline_Russia"
        labels = [o["label"] for o in actors]
        assert "Russia (3)" in labels and "Ukraine (4)" in labels  # counts ignore the actor pick
        assert {o["value"] for o in types} >= {"SEIZE", "CONSULT", "POSTURE"}
        assert create_app(raw).title == "geotimeline"
    finally:
        raw.close()


def test_changed_event_gets_a_new_hover():
    from dashapp.app.figures import hover_text

    ev = extraction().events[0]
    assert "Corrected" not in hover_text(ev)
    assert "Corrected" in hover_text(replace(ev, label="Corrected"))
