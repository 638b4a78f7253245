"""The app's store wrapper and view logic without a browser."""

from __future__ import annotations

import json
import re
import threading
from dataclasses import replace
from datetime import date, timedelta

import pytest
from dash.exceptions import PreventUpdate
from sample import extraction

from dashapp.app import SerializedStore, create_app
from dashapp.app import layout as L
from dashapp.app.callbacks import (
    ARTICLE_OPTIONS,
    article_options,
    clicked_bucket,
    export_bytes,
    parse_window,
    refresh,
    searched_options,
    summary_text,
    turn_page,
    window_dates,
)
from dashapp.app.filters import ViewState, parse_query
from dashapp.app.shared import LRU
from dashapp.app.view import build_view, choose_bucket
from dashapp.models import Article, EventFilter, Extraction
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
        fig, config, table, summary, actors, types, note, no_prev, no_next = refresh(
            raw, "?actor=Russia", None
        )
        assert summary.startswith("3 events") and note == "3 events shown"
        assert table.count("<tr data-event=") == 3 and no_prev and no_next
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


# --------------------------------------------------------------------------- caching


def _shared() -> tuple[Store, SerializedStore]:
    raw = Store(None)
    raw.add(extraction())
    return raw, SerializedStore(raw)


def _new_event(eid: str, label: str, article: str = "a1"):
    """An event of its own (a date far from the others: nothing merges with it)."""
    ev = extraction().events[6]
    day = date(2023, 5, 5)
    return replace(
        ev,
        id=eid,
        label=label,
        start=day,
        end=day,
        value=day.isoformat(),
        mentions=tuple(replace(m, article=article, value=day.isoformat()) for m in ev.mentions),
    )


def _labels(out) -> str:
    """Every string of a refresh() answer (figure, table, summary, options), joined."""
    return json.dumps(out, ensure_ascii=False)


def test_views_are_drawn_once_per_state_and_redrawn_after_a_correction():
    raw, store = _shared()
    try:
        first = refresh(store, "?actor=Russia", None)
        misses = store.memo_misses
        # the same state, written another way, and a new zoom revision: no redraw
        again = refresh(store, "?actor=Russia&lane=actor", {"range": None, "rev": 3})
        assert store.memo_misses == misses and store.memo_hits >= 1
        assert again[2] == first[2] and again[0]["data"] == first[0]["data"]
        assert again[0]["layout"]["uirevision"] == "rev3"
        assert first[0]["layout"]["uirevision"] == "rev0"  # each answer is its own copy
        assert refresh(store, "?actor=Russia", None) == first
        store.correct_event("e-talks", label="Corrected warning")
        after = refresh(store, "?actor=Russia", None)
        assert "Corrected warning" in _labels(after) and "Corrected warning" not in _labels(first)
    finally:
        raw.close()


def test_an_upload_shows_its_events_options_and_article_at_once():
    raw, store = _shared()
    try:
        before = refresh(store, "", None)
        options = article_options(store)
        generation = store.generation
        assert article_options(store) == options  # a read: answered from the cache
        assert store.generation == generation
        ext = extraction()
        new_article = replace(ext.articles[0], id="a9", title="A later article")
        new_event = _new_event("e-new", "Brand new event", "a9")
        store.add(Extraction((new_article,), {}, (new_event,), ext.actors))
        after = refresh(store, "", None)
        assert after[3].startswith("12 events") and before[3].startswith("11 events")
        assert "Brand new event" in _labels(after)
        assert "A later article" in _labels(article_options(store))
    finally:
        raw.close()


def _many_articles(n: int) -> list[Article]:
    return [
        Article(f"m{i:03d}", f"Many {i}", date(2023, 1, 1) + timedelta(days=i), "", "b", "x")
        for i in range(n)
    ]


def test_article_options_are_the_newest_or_the_matches_plus_the_selection():
    raw, store = _shared()
    try:
        # a handful of articles: every one listed (newest first), and typing is left to
        # the dropdown's own filter
        small = article_options(store)
        assert [o["value"] for o in small] == ["evil", "a2", "a1"]
        assert small[2] == {"label": "2022-01-03 · Biden to contact Ukraine leader", "value": "a1"}
        with pytest.raises(PreventUpdate):
            searched_options(store, "russia", [], typed=True)
        assert searched_options(store, "russia", [], typed=False) == [small[1]]
        store.add(Extraction(tuple(_many_articles(ARTICLE_OPTIONS + 20)), {}, (), ()))
        newest = article_options(store)
        assert len(newest) == ARTICLE_OPTIONS and newest[0]["value"] == "m069"
        assert article_options(store, "", ["a1", "gone"])[-1]["value"] == "a1"
        assert len(article_options(store, "", ["a1"])) == ARTICLE_OPTIONS + 1
        found = searched_options(store, "MANY 1", ["a2"], typed=True)
        assert [o["value"] for o in found][:3] == ["m019", "m018", "m017"]
        assert found[-1]["value"] == "a2" and len(found) == 12  # m001, m010-m019, a2
        assert [o["value"] for o in searched_options(store, "2022-01-1", [], typed=True)] == [
            "evil",
            "a2",
        ]
    finally:
        raw.close()


def test_a_long_title_is_cut_in_the_label_but_searched_whole():
    raw = Store(None)
    try:
        title = "Long " * 30 + "needle"
        raw.add(Extraction((Article("long", title, date(2022, 1, 1), "", "b", "x"),), {}, (), ()))
        (option,) = article_options(raw, "needle")
        assert len(option["label"]) == 120 and "needle" not in option["label"]
        assert option["search"] == title  # the dropdown's filter must not hide it
        (short,) = article_options(raw, "", ())
        assert short == option
    finally:
        raw.close()


def test_exports_are_remembered_until_the_next_write():
    raw, store = _shared()
    try:
        state = ViewState(filter=EventFilter(actors=("Russia",)))
        csv = export_bytes(store, state, "csv", None)
        assert export_bytes(store, state, "csv", None) is csv
        assert export_bytes(store, state, "json", None) is not csv
        store.correct_event("e-talks", label="Corrected warning")
        fresh = export_bytes(store, state, "csv", None)
        assert b"Corrected warning" in fresh and b"Corrected warning" not in csv
    finally:
        raw.close()


def test_tables_are_exported_once_per_filter_whatever_the_lanes_and_title():
    raw, store = _shared()
    try:
        flt = EventFilter(types=("CONSULT",))
        csv = export_bytes(store, ViewState(filter=flt), "csv", None)
        assert export_bytes(store, ViewState(filter=flt, lane="type"), "csv", "T") is csv
        tl = export_bytes(store, ViewState(filter=flt), "timelinejs", None)
        by_type = export_bytes(store, ViewState(filter=flt, lane="type"), "timelinejs", None)
        assert by_type != tl  # TimelineJS groups follow the lanes
    finally:
        raw.close()


def test_the_count_shown_is_the_store_count():
    raw, store = _shared()
    try:
        for query in ("", "?type=CONSULT", "?type=CONSULT&type=SEIZE&actor=Russia", "?q=talks",
                      "?type=NOPE", "?from=2022-01-08&to=2022-01-09&conf=0.5"):  # fmt: skip
            summary = refresh(store, query, None)[3]
            n = raw.count_events(parse_query(query).filter)
            assert summary.startswith(f"{n} event"), (query, summary)
    finally:
        raw.close()


def test_a_result_computed_across_a_write_is_not_kept():
    raw, store = _shared()
    try:

        def compute_while_writing():
            store.correct_event("e-warn", label="Written meanwhile")
            return "stale"

        assert store.memo(("k",), compute_while_writing) == "stale"
        assert store.memo(("k",), lambda: "fresh") == "fresh"
        # the answer cache too: a read that overlaps a write is not remembered
        gen = store.generation
        store.count_events()
        store.clear_cache()
        assert store.generation > gen
    finally:
        raw.close()


def test_memo_pools_keep_to_their_byte_budget():
    lru = LRU(entries=10, nbytes=1000)
    assert not lru.put("huge", "x", 251)  # over a quarter of the budget: not kept
    for i in range(8):
        assert lru.put(i, i, 200)
    assert lru.nbytes <= 1000 and len(lru) == 5
    assert lru.get(7) == (True, 7) and lru.get(0) == (False, None)


def test_reads_run_on_readers_side_by_side_and_see_writes():
    raw, store = _shared()
    try:
        errors: list[BaseException] = []
        counts: list[int] = []

        def read_many():
            try:
                for _ in range(20):
                    store.clear_cache()
                    counts.append(store.count_events())
                    store.events(EventFilter(actors=("Russia",)))
            except BaseException as exc:  # pragma: no cover - reported below
                errors.append(exc)

        threads = [threading.Thread(target=read_many) for _ in range(4)]
        for t in threads:
            t.start()
        ext = extraction()
        article = replace(ext.articles[0], id="a8", title="Another article")
        store.add(Extraction((article,), {}, (_new_event("e-x", "X", "a8"),), ext.actors))
        for t in threads:
            t.join(30)
        assert not errors, errors
        assert set(counts) <= {11, 12}
        assert store.count_events() == raw.count_events() == 12
    finally:
        raw.close()


def test_callback_answers_are_plain_json():
    """Dash serialises a plain answer in one pass (orjson when installed); a component
    object anywhere in it makes plotly walk the whole answer first, in Python."""
    raw, store = _shared()
    try:
        out = refresh(store, "", None)
        json.dumps(out)  # raises on a component object
        ev = store.event("e-call")
        articles = {i: store.article(i) for i in {m.article for m in ev.mentions}}
        json.dumps(L.event_details(ev, articles))
        assert L.events_table([]) == ""
    finally:
        raw.close()


def test_timexes_of_many_articles_match_one_by_one():
    from dashapp.pipeline import extract

    raw = Store(None)
    try:
        arts = [
            Article("t1", "One", date(2022, 1, 3), "https://x/1", "Talks were held on Monday."),
            Article("t2", "Two", date(2022, 2, 3), "https://x/2", "No date here at all."),
        ]
        raw.add(extract(arts))
        many = raw.timexes_of(("t1", "t2", "missing"))
        assert many == {"t1": raw.timexes("t1"), "t2": (), "missing": ()}
        assert many["t1"]
    finally:
        raw.close()


def test_the_server_tunes_garbage_collection():
    import gc

    from dashapp.gc_tuning import GC_YOUNG_THRESHOLD, tune_gc

    before = gc.get_threshold()
    try:
        tune_gc()
        assert gc.get_freeze_count() > 0  # start-up objects are no longer walked
        assert gc.get_threshold() == (GC_YOUNG_THRESHOLD, *before[1:])
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)


def test_exported_json_is_the_standard_encoding():
    from dashapp.export import _json_bytes

    doc = {
        "version": 1,
        "articles": [{"title": "Zürich <b>talks</b>", "n": [1, 2.5, None]}, {"x": "\u2028"}],
        "events": [],
        "actors": [["nested", {"a": True}]],
        "meta": {"k": "v"},
    }
    for value in (doc, [1, "é"], {}, "text"):
        assert _json_bytes(value) == json.dumps(value, ensure_ascii=False).encode("utf-8")


def test_table_pages_reach_every_event_in_view():
    raw = Store(None)
    try:
        raw.add(extraction())
        every = [e.id for e in raw.events()]
        assert len(every) == 11
        seen, notes = [], []
        for page in range(3):
            html, note, no_prev, no_next, shown = turn_page(raw, "", None, page, rows=4)
            assert shown == page and no_prev == (page == 0) and no_next == (page == 2)
            seen += re.findall(r'<tr data-event="([^"]+)"', html)
            notes.append(note)
        assert seen == every  # each event once, in the store's order
        assert notes == [
            "Events 1–4 of 11 in view (by date)",
            "Events 5–8 of 11 in view (by date)",
            "Events 9–11 of 11 in view (by date)",
        ]
        # past either end: the nearest page
        assert turn_page(raw, "", None, 7, rows=4)[-1] == 2
        assert turn_page(raw, "", None, -1, rows=4)[-1] == 0
        # the filter and the zoom window of the URL apply
        html, note, *_ = turn_page(raw, "?actor=Russia", None, 0, rows=2)
        assert note == "Events 1–2 of 3 in view (by date)"
        window = {"range": ["2022-01-07", "2022-01-08"], "rev": 0}
        assert turn_page(raw, "", window, 0, rows=4)[1] == "Events 1–4 of 5 in view (by date)"
        assert turn_page(raw, "?actor=Nobody", None, 3, rows=4)[:2] == (
            "",
            "No events to list.",
        )
    finally:
        raw.close()


def test_the_summary_says_filtered_only_when_something_is():
    raw = Store(None)
    try:
        raw.add(extraction())
        view = build_view(raw, ViewState())
        assert summary_text(view, ViewState()) == "11 events"
        conf = parse_query("?conf=0.7")
        # the confidence option alone filters only when it hides something
        assert summary_text(view, conf) == "11 events"
        assert summary_text(view, conf, low_hidden=1) == (
            "11 events · 1 low-confidence hidden · filtered"
        )
        assert summary_text(view, parse_query("?actor=Russia")).endswith(" · filtered")
    finally:
        raw.close()


def test_table_html_is_escaped_text():
    """The table is HTML in a Markdown component that reads it as JSX: every text is
    escaped, braces too, and on one line (a blank line would end the HTML block)."""
    raw = Store(None)
    try:
        raw.add(extraction())
        ev = replace(
            raw.event("e-call"),
            label='<img src=x onerror="alert(1)"> {alert(2)}\n\n*not markdown*',
            actors=("A & B", "<b>C</b>"),
        )
        html = L.events_table([ev])
        assert "<img" not in html and "<b>" not in html and "{" not in html
        assert "\n" not in html
        assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &#123;alert(2)&#125;" in html
        assert "A &amp; B, &lt;b&gt;C&lt;/b&gt;" in html
        assert (
            f'<button type="button" class="button small row-details" data-event="{ev.id}"' in html
        )
    finally:
        raw.close()


def test_actor_names_resolve_aliases_and_case_and_suggest_close_names():
    from dashapp.app.actor_names import actor_names, resolve_names
    from dashapp.models import Actor

    us = Actor("United States", "country")
    putin = Actor("Vladimir Putin", "person", "Russia")
    gaz = {"United States": us, "USA": us, "US": us, "Putin": putin, "Vladimir Putin": putin}
    gaz["Brazil"] = Actor("Brazil", "country")
    names = actor_names([Actor("Russia", "country"), Actor("NATO", "organisation")], gaz)
    actors, problem = resolve_names("usa, PUTIN, russia, Brazil, USA", names)
    assert problem is None
    assert [a.name for a in actors] == ["United States", "Vladimir Putin", "Russia", "Brazil"]
    assert actors[1] == putin  # the gazetteer's actor, kind and affiliation with it
    actors, problem = resolve_names("Russia, Brazill, Vladmir Putn", names)
    assert actors == ()
    assert problem == (
        "“Brazill” is not a known actor (did you mean Brazil?); "
        "“Vladmir Putn” is not a known actor (did you mean Vladimir Putin?)."
    )
    assert resolve_names(" , ", names) == ((), None)
    assert "Russia" in names.canonical and "USA" not in names.canonical
    # Two actors whose names differ only by case: the exact one, else a question.
    two = actor_names([Actor("Chad", "country"), Actor("CHAD", "organisation")], {})
    assert resolve_names("CHAD", two)[0] == (Actor("CHAD", "organisation"),)
    assert "may be" in resolve_names("chad", two)[1]


def test_a_stored_persons_family_name_names_them_when_nothing_else_does():
    from dashapp.app.actor_names import actor_names, resolve_names
    from dashapp.models import Actor

    burhan = Actor("Abdel Fattah al-Burhan", "person", "Sudan")
    bushes = [
        Actor("George W. Bush", "person", "United States"),
        Actor("George H. W. Bush", "person", "United States"),
    ]
    chad = Actor("Chad", "country")
    stored = [burhan, *bushes, chad, Actor("Idriss Chad", "person", "Chad")]
    names = actor_names(stored, {}, lambda a: a.name.split()[-1].removeprefix("al-"))
    assert resolve_names("burhan", names) == ((burhan,), None)
    assert "may be" in resolve_names("BUSH", names)[1]  # two stored: a question
    assert resolve_names("chad", names)[0] == (chad,)  # a name wins over a family name
    # without the family names, as before
    assert "not a known actor" in resolve_names("burhan", actor_names(stored, {}))[1]
    # QA9 10: a typo of a stored person's family name suggests them first, before names
    # of the gazetteer no closer than it ('Lavorv': 'Olav V, Laos, ARVN', not Lavrov)
    lavrov = Actor("Sergei Lavrov", "person", "Russia")
    gaz = {n: Actor(n, "country") for n in ("Olav V", "Laos", "ARVN")}
    names = actor_names([lavrov, chad], gaz, lambda a: a.name.split()[-1])
    assert resolve_names("Lavorv", names)[1].startswith(
        "“Lavorv” is not a known actor (did you mean Sergei Lavrov, Olav V, "
    )


def test_the_packaged_gazetteer_names_what_the_form_accepts():
    from dashapp.actors import Gazetteer
    from dashapp.app.actor_names import actor_names, resolve_names

    names = actor_names([], Gazetteer.load().names())
    actors, problem = resolve_names("usa, putin, united states, Brazil", names)
    assert problem is None
    assert [a.name for a in actors] == ["United States", "Vladimir Putin", "Brazil"]
    # a name the gazetteer gives two people is a question between them, not unknown
    gaz = Gazetteer.load()
    both = actor_names([], gaz.names(), shared=gaz.shared_names())
    assert "George W. Bush or George H. W. Bush" in resolve_names("bush", both)[1]
    assert "not a known actor" in resolve_names("bush", names)[1]


def test_a_click_on_a_bucket_gives_its_days_and_on_an_event_nothing():
    assert clicked_bucket({"points": [{"customdata": ["2006-01-01", "2006-01-31"]}]}) == (
        date(2006, 1, 1),
        date(2006, 1, 31),
    )
    assert clicked_bucket({"points": [{"customdata": "e-call"}]}) is None
    assert clicked_bucket({"points": [{"customdata": ["x", "y"]}]}) is None
    assert clicked_bucket({"points": []}) is None and clicked_bucket(None) is None


def test_the_first_table_page_is_the_one_paging_starts_from():
    """Events of one day and label (two sources' "talks") are ordered one way on every
    page: the first page is read as the next ones are, so Next neither repeats nor skips
    one of them."""
    base = extraction()
    (ev,) = [e for e in base.events if e.id == "e-crimea"]  # the first, on page 1
    # (other types: not merged into it, though of its day and label)
    twins = tuple(
        replace(ev, id=f"e-twin-{k}", type=t)
        for k, t in zip("cab", ("AID", "PROTEST", "CONSULT"), strict=True)
    )
    raw = Store(None)
    try:
        raw.add(replace(base, events=(*base.events, *twins)))
        assert raw.count_events() == len(base.events) + 3
        view = build_view(raw, ViewState(), table_rows=2)
        pages = [[e.id for e in view.table]]
        for page in range(1, (raw.count_events() + 1) // 2):
            html = turn_page(raw, "", None, page, rows=2)[0]
            pages.append(re.findall(r'<tr data-event="([^"]+)"', html))
        seen = [i for p in pages for i in p]
        assert sorted(seen) == sorted(e.id for e in raw.events())  # each once
    finally:
        raw.close()


def test_window_round_trip_through_the_figure_range_is_stable():
    """window -> the figure's x range -> the relayout plotly reports for it ("Reset axes",
    a double click back to the drawn range) -> window: the same days, every time (it was
    one day wider per click)."""
    from dashapp.app.figures import FigureOptions, empty_spec, x_range_of

    first = date(2015, 12, 28)
    for start in (first + timedelta(days=k * 37) for k in range(40)):
        for days in (0, 1, 2, 6, 30, 365, 3000):
            window = (start, start + timedelta(days=days))
            rng = empty_spec("x", FigureOptions(x_range=window))["layout"]["xaxis"]["range"]
            assert rng == x_range_of(*window)
            iso = (window[0].isoformat(), window[1].isoformat())
            for relayout in (
                {"xaxis.range[0]": rng[0], "xaxis.range[1]": rng[1]},
                {"xaxis.range": list(rng)},
            ):
                again = parse_window(relayout)
                assert again == iso
                assert window_dates({"range": list(again)}) == window
    # a drag ends anywhere in a day: that day is the window's last
    assert parse_window(
        {"xaxis.range[0]": "2016-05-01 07:12:00.5", "xaxis.range[1]": "2016-05-31 18:00"}
    ) == ("2016-05-01", "2016-05-31")


def test_a_links_actors_and_types_are_read_as_the_controls_name_them():
    from dashapp.actors import Gazetteer
    from dashapp.app.callbacks import link_filter

    raw = Store(None)
    try:
        raw.add(extraction())
        gaz = Gazetteer.load()
        flt = parse_query("?actor=putin&actor=USA&actor=zelensky&type=consult").filter
        got, problem = link_filter(raw, lambda: gaz, flt)
        # any letter case, an alias, a stored person's family name; a type in any case
        assert got.actors == ("Vladimir Putin", "United States", "Volodymyr Zelensky")
        assert got.types == ("CONSULT",) and problem is None
        got, problem = link_filter(raw, lambda: gaz, parse_query("?actor=Nobody&type=FOO").filter)
        assert got.actors == () and got.types == ()  # left out, and said
        assert "“Nobody”" in problem and "“FOO”" in problem
        plain = parse_query("?from=2022-01-01").filter
        assert link_filter(raw, lambda: gaz, plain) == (plain, None)
    finally:
        raw.close()


def _texts(node) -> str:
    """The text of a details answer (JSON nodes), in order."""
    if isinstance(node, str):
        return node
    if isinstance(node, list):
        return " ".join(_texts(n) for n in node)
    if isinstance(node, dict):
        return _texts(node.get("children") or node.get("props", {}).get("children") or "")
    return ""


def test_details_of_an_evenings_event_count_its_mention_and_read_its_other_dates():
    """QA9 3: 'On Monday evening, a fuel depot exploded' (2023-09-25TEV) dates the day
    2023-09-25, yet the details said '0 of 1 mention' give it, and listed the other reading
    (the Monday before) as '2023-09-18TEV (0 of 1 mention)' under 'Other dates reported'."""
    from dashapp.models import Event, Mention, quoted_mention, support

    sentence = "On Monday evening, a fuel depot exploded near Stepanakert."
    m = Mention(
        article="a1",
        text="Monday evening",
        start=3,
        end=17,
        type="TIME",
        value="2023-09-25TEV",
        sentence=sentence,
        explanation="Monday, same weekday as the reference date",
        confidence=0.75,
    )
    ev = Event(
        id="e-depot",
        label="Fuel depot explosion",
        type="ASSAULT",
        quad_class="material conflict",
        start=date(2023, 9, 25),
        end=date(2023, 9, 25),
        value="2023-09-25",
        granularity="day",
        actors=("Armenia",),
        mentions=(m,),
        other_dates=("2023-09-18TEV",),
    )
    assert support("2023-09-25", ev.mentions) == 1
    assert quoted_mention(ev) is m
    text = _texts(L.event_details(ev, {}))
    assert "1 of 1 mention" in text and "0 of 1" not in text, text
    assert "2023-09-18 evening (another possible reading" in text, text
    assert "2023-09-18TEV (" not in text


def test_an_upload_says_when_its_events_merge_into_events_already_shown():
    """QA9 8: a second outlet's report of a happening already in the timeline said 'Added
    1 article with 1 event.' while the count shown stayed as it was (the event merged into
    the one there): the user looked for an event that was not new."""
    from dashapp.app import make_extractor
    from dashapp.app.articles import Outcome, add_pasted

    store = Store(None)
    extractor = make_extractor()

    def paste(title, body):
        return add_pasted(
            store,
            title=title,
            published="2023-09-26",
            url="",
            body=body,
            extractor=extractor,
            limit=2**20,
            data_dir=None,
        )

    try:
        first = paste("Sochi talks", "Putin met Erdogan in Sochi on Monday.")
        assert first.message() == "Added 1 article with 1 event.", first.message()
        n = store.count_events()
        second = paste(
            "Kremlin on Sochi",
            "Vladimir Putin met Recep Tayyip Erdogan in Sochi on Monday, the Kremlin said.",
        )
        assert store.count_events() == n  # the same meeting
        assert second.joined == 1
        assert second.message() == (
            "Added 1 article with 1 event, merged into an event already in the timeline."
        )
    finally:
        store.close()
    some = Outcome(1, 3, (), joined=1)
    assert (
        some.message()
        == "Added 1 article with 3 events (1 of them merged into an event already in the timeline)."
    )
