"""The dashboard in a real headless Chromium: load, filters, hover, details."""

from __future__ import annotations

import re

import pytest
from helpers import (
    choose,
    drawn_ids,
    hover,
    option_labels,
    point_position,
    settle,
    summary_count,
    table_ids,
    wait_for,
    zoom,
)

from dashapp.app.filters import parse_query
from dashapp.models import EventFilter


def store_ids(server, flt=None):
    return sorted(e.id for e in server.store.events(flt or EventFilter()))


def assert_consistent(page, server):
    """Figure, table and count agree with each other and with the Store for the URL."""
    flt = parse_query(page.evaluate("location.search")).filter
    expected = store_ids(server, flt)
    assert summary_count(page) == len(expected)
    assert drawn_ids(page) == expected
    assert table_ids(page) == expected
    return expected


def test_page_loads_without_errors(page, server):
    # The `page` fixture fails on console errors, dialogs and outside requests.
    assert summary_count(page) == 11
    assert_consistent(page, server)
    assert page.title() == "geotimeline"
    # plotly 7's cloud button is gone; the PNG download button is there.
    assert page.locator(".modebar-btn[data-title^='Download plot']").count() == 1
    titles = page.eval_on_selector_all(".modebar-btn", "els => els.map(e => e.dataset.title)")
    assert not [t for t in titles if t and re.search(r"(?i)cloud|share|chart studio", t)]


def test_actor_filter_narrows_figure_table_counts(page, server):
    labels = option_labels(page, "f-actors")
    assert "Ukraine (4)" in labels and "Russia (3)" in labels  # counts in the list
    choose(page, "f-actors", "Russia (")
    wait_for(lambda: "actor=Russia" in page.evaluate("location.search"), what="URL")
    settle(page)
    ids = assert_consistent(page, server)
    assert ids == ["e-crimea", "e-talks", "e-troops"]
    # Everyone affiliated with Russia: Putin's and Lavrov's events join.
    page.get_by_label("include people affiliated with them").check()
    wait_for(lambda: "aff=1" in page.evaluate("location.search"), what="aff in URL")
    settle(page)
    ids = assert_consistent(page, server)
    assert {"e-warn", "e-lavrov"} <= set(ids) and len(ids) == 5
    # A second actor widens the selection (either actor).
    choose(page, "f-actors", "Ukraine (")
    settle(page)
    ids = assert_consistent(page, server)
    assert "e-stack1" in ids


def test_type_date_text_confidence_filters_combine(page, server):
    choose(page, "f-types", "CONSULT (")
    settle(page)
    assert assert_consistent(page, server) == ["e-blinken", "e-call", "e-evil", "e-talks"]
    page.fill("#f-from", "2022-01-08")
    page.press("#f-from", "Enter")
    page.locator("#f-from").blur()
    wait_for(lambda: "from=2022-01-08" in page.evaluate("location.search"), what="from")
    settle(page)
    assert assert_consistent(page, server) == ["e-call", "e-talks"]
    page.fill("#f-text", "geneva")
    page.press("#f-text", "Enter")
    wait_for(lambda: "q=geneva" in page.evaluate("location.search"), what="q")
    settle(page)
    assert assert_consistent(page, server) == ["e-talks"]
    # Clear, then hide low-confidence dates: the approximate November event goes.
    page.click("#f-clear")
    wait_for(lambda: page.evaluate("location.search") == "", what="cleared URL")
    settle(page)
    assert summary_count(page) == 11
    page.get_by_label("hide low-confidence dates").check()
    wait_for(lambda: "conf=" in page.evaluate("location.search"), what="conf")
    settle(page)
    ids = assert_consistent(page, server)
    assert "e-troops" not in ids and len(ids) == 10
    assert "1 low-confidence hidden · filtered" in page.inner_text("#summary")
    # With only confident dates in view, the option hides nothing and says nothing.
    page.fill("#f-text", "geneva")
    page.press("#f-text", "Enter")
    wait_for(lambda: "q=geneva" in page.evaluate("location.search"), what="q")
    settle(page)
    assert "low-confidence" not in page.inner_text("#summary")


def test_from_later_than_to_is_refused_in_view(page, server):
    page.fill("#f-to", "2022-01-08")
    page.locator("#f-to").blur()
    wait_for(lambda: "to=2022-01-08" in page.evaluate("location.search"), what="to")
    settle(page)
    before = summary_count(page)
    page.fill("#f-from", "2022-01-10")
    page.locator("#f-from").blur()
    page.wait_for_selector("#f-dates-msg.error")
    assert "From is later than To" in page.inner_text("#f-dates-msg")
    settle(page)
    # What the user typed stays in the inputs; the view keeps the dates in force.
    assert page.input_value("#f-from") == "2022-01-10"
    assert page.input_value("#f-to") == "2022-01-08"
    assert page.evaluate("location.search") == "?to=2022-01-08"
    assert summary_count(page) == before
    assert_consistent(page, server)
    # Fixing the other date applies both and clears the message.
    page.fill("#f-to", "2022-01-31")
    page.locator("#f-to").blur()
    wait_for(
        lambda: page.evaluate("location.search") == "?from=2022-01-10&to=2022-01-31",
        what="both dates",
    )
    settle(page)
    assert page.inner_text("#f-dates-msg") == ""
    assert page.locator("#f-dates-msg.error").count() == 0
    assert_consistent(page, server)


def test_url_state_reloads(browser, server, watch):
    from conftest import open_page

    page = open_page(browser, server, watch, path="/?actor=Ukraine&type=FIGHT&lane=type")
    try:
        settle(page)
        assert assert_consistent(page, server) == ["e-stack1"]
        assert page.inner_text("#f-actors").startswith("Ukraine")
        assert page.is_checked("#f-lane input[value='type']")
        ticks = page.eval_on_selector_all(
            "#timeline .ytick text", "els => els.map(e => e.textContent)"
        )
        assert ticks == ["FIGHT"]
        page.reload()
        settle(page)
        assert assert_consistent(page, server) == ["e-stack1"]
    finally:
        page.context.close()
    assert not watch.console_errors and not watch.dialogs and not watch.outside


def test_hover_shows_dates_label_actors_sentence(page):
    zoom(page, "2021-12-20", "2022-01-20")
    text = hover(page, "e-call")
    assert "Biden and Zelensky call" in text
    assert "“Sunday” → 2022-01-09" in text  # as written and as resolved
    assert "CONSULT" in text and "Joe Biden, Volodymyr Zelensky" in text
    assert "Supporting articles: 2" in text
    assert "Biden will speak with Zelensky on Sunday." in text
    # The expression is highlighted (bold) inside the sentence.
    bold = page.eval_on_selector_all(
        "#timeline .hoverlayer tspan",
        "els => els.filter(e => e.style.fontWeight === 'bold'"
        " || e.getAttribute('style')?.includes('bold')).map(e => e.textContent)",
    )
    assert "Sunday" in bold
    # A year is drawn over its whole span, not as a point on January 1st.
    zoom(page, "2013-06-01", "2015-06-01")
    text = hover(page, "e-crimea")
    assert "2014-01-01 – 2014-12-31" in text


def test_same_day_events_are_stacked_with_a_count(page):
    zoom(page, "2021-12-20", "2022-01-20")
    ys = [point_position(page, e)[1] for e in ("e-stack1", "e-stack2", "e-stack3")]
    assert len({round(y) for y in ys}) == 3
    counts = page.eval_on_selector_all(
        "#timeline .textpoint text", "els => els.map(e => e.textContent)"
    )
    assert "×3" in counts


def test_click_event_opens_details_with_every_mention(page, server):
    zoom(page, "2021-12-20", "2022-01-20")
    x, y = point_position(page, "e-call")
    page.mouse.click(x, y)
    page.wait_for_selector("#details .details[data-event='e-call']")
    details = page.locator("#details")
    text = details.inner_text()
    assert "Biden and Zelensky call" in text
    assert "Biden to contact Ukraine leader" in text and "Russia masses troops" in text
    assert "published 2022-01-03" in text and "published 2022-01-10" in text
    assert "“Sunday” → 2022-01-09" in text and "“January 9” → 2022-01-09" in text
    assert "weekday before the publication date" in text
    hrefs = details.locator("a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert hrefs == ["https://example.org/a1", "http://example.org/a2"]
    assert details.locator("mark").first.inner_text() == "Sunday"
    # The correction form is filled from the event.
    assert page.input_value("#corr-label") == "Biden and Zelensky call"


def test_keyboard_reaches_details_from_the_table(page):
    button = page.locator("#event-table tr[data-event='e-talks'] button")
    button.focus()
    page.keyboard.press("Enter")
    page.wait_for_selector("#details .details[data-event='e-talks']")
    assert "January 9 and 10" in page.inner_text("#details")


def test_correct_an_event_by_hand(page, server):
    page.locator("#event-table tr[data-event='e-lavrov'] button").click()
    page.wait_for_selector("#details .details[data-event='e-lavrov']")
    page.fill("#corr-label", "Lavrov statement on talks")
    page.fill("#corr-start", "2022-01-06")
    page.fill("#corr-end", "2022-01-06")
    # The server's store is in memory: the form says how long corrections last.
    assert "serve with --db FILE" in page.inner_text("#corr-memory-note")
    page.click("#corr-save")
    page.wait_for_selector("#corr-msg.ok")
    assert "kept until the server stops" in page.inner_text("#corr-msg")
    settle(page)
    ev = server.store.event("e-lavrov")
    assert ev.human and ev.label == "Lavrov statement on talks"
    assert ev.start.isoformat() == "2022-01-06"
    row = page.locator("#event-table tr[data-event='e-lavrov']").inner_text()
    assert "Lavrov statement on talks" in row and "corrected" in row and "2022-01-06" in row


def test_correction_accepts_known_actors_by_alias_in_any_case(page, server, caplog):
    page.locator("#event-table tr[data-event='e-lavrov'] button").click()
    page.wait_for_selector("#details .details[data-event='e-lavrov']")
    # The input suggests known names (the store's and the gazetteer's) for the part typed.
    page.fill("#corr-actors", "Russia, bra")
    wait_for(
        lambda: (
            "Russia, Brazil"
            in page.eval_on_selector_all("#corr-actor-names option", "os => os.map(o => o.value)")
        ),
        what="suggestions",
    )
    assert page.get_attribute("#corr-actors", "list") == "corr-actor-names"
    # A misspelt name is refused with the names it may have meant, and no traceback.
    page.fill("#corr-actors", "usa, Brazill")
    page.click("#corr-save")
    page.wait_for_selector("#corr-msg.error")
    msg = page.inner_text("#corr-msg")
    assert "“Brazill” is not a known actor" in msg and "Brazil" in msg.split("mean")[1]
    assert not server.store.event("e-lavrov").human
    # An empty box is refused, not taken as "nobody": the event keeps its actors.
    page.fill("#corr-actors", " , ")
    page.click("#corr-save")
    wait_for(lambda: "at least one actor" in page.inner_text("#corr-msg"), what="refusal")
    assert not server.store.event("e-lavrov").human
    # Aliases and canonical names in any letter case, and a country new to the store.
    page.fill("#corr-actors", "usa, putin, brazil")
    page.click("#corr-save")
    page.wait_for_selector("#corr-msg.ok")
    ev = server.store.event("e-lavrov")
    assert ev.human and ev.actors == ("United States", "Vladimir Putin", "Brazil")
    assert "Brazil" in {a.name for a in server.store.actors()}
    settle(page)
    row = page.locator("#event-table tr[data-event='e-lavrov']").inner_text()
    assert "United States, Vladimir Putin, Brazil" in row
    assert not [r for r in caplog.records if r.levelname == "ERROR" or r.exc_info]


def test_correction_sets_who_acts_and_who_is_acted_on(page, server):
    """The form corrects the source and the target (QA8 6): each one of the actors, by
    any name the actors box takes, or none; a role outside the actors is refused; a role
    left as it was is dropped with the actor the correction removes."""
    page.locator("#event-table tr[data-event='e-warn'] button").click()
    page.wait_for_selector("#details .details[data-event='e-warn']")
    assert page.input_value("#corr-source") == "" and page.input_value("#corr-target") == ""
    page.fill("#corr-source", "putin")
    page.fill("#corr-target", "NATO")
    page.click("#corr-save")
    wait_for(lambda: "not among the actors" in page.inner_text("#corr-msg"), what="refusal")
    assert "NATO" in page.inner_text("#corr-msg") and not server.store.event("e-warn").human
    page.fill("#corr-target", "biden")
    page.click("#corr-save")
    page.wait_for_selector("#corr-msg.ok")
    ev = server.store.event("e-warn")
    assert (ev.source, ev.target) == ("Vladimir Putin", "Joe Biden")
    settle(page)
    # the form shows the roles saved; the actors corrected without Putin drop his role
    assert page.input_value("#corr-source") == "Vladimir Putin"
    page.fill("#corr-actors", "Joe Biden, NATO")
    page.click("#corr-save")
    wait_for(
        lambda: (
            len(server.store.event("e-warn").actors) == 2
            and "NATO" in server.store.event("e-warn").actors
        ),
        what="second save",
    )
    ev = server.store.event("e-warn")
    assert ev.actors == ("Joe Biden", "NATO") and (ev.source, ev.target) == (None, "Joe Biden")
    settle(page)
    page.fill("#corr-source", "")
    page.fill("#corr-target", "")
    page.click("#corr-save")
    wait_for(lambda: server.store.event("e-warn").target is None, what="third save")
    assert server.store.event("e-warn").source is None


def test_lanes_switch_to_event_type(page):
    page.locator("#f-lane input[value='type']").check()
    wait_for(lambda: "lane=type" in page.evaluate("location.search"), what="lane")
    settle(page)
    ticks = page.eval_on_selector_all("#timeline .ytick text", "els => els.map(e => e.textContent)")
    assert "CONSULT" in ticks and "Russia" not in ticks


def test_article_filter(page, server):
    choose(page, "f-articles", "2022-01-03")
    wait_for(lambda: "article=a1" in page.evaluate("location.search"), what="article in URL")
    settle(page)
    ids = assert_consistent(page, server)
    assert ids == ["e-blinken", "e-call", "e-crimea", "e-warn"]


def test_corrections_persist_across_restarts(browser, watch, tmp_path):
    from conftest import open_page, start_server
    from sample import extraction

    from dashapp.app import SerializedStore
    from dashapp.store import Store

    db = tmp_path / "t.duckdb"
    raw = Store(db)
    raw.add(extraction())
    srv = start_server(SerializedStore(raw), tmp_path)
    page = open_page(browser, srv, watch)
    try:
        page.locator("#event-table tr[data-event='e-warn'] button").click()
        page.wait_for_selector("#details .details[data-event='e-warn']")
        page.fill("#corr-actors", "Joe Biden, Vladimir Putin, NATO")
        page.click("#corr-save")
        page.wait_for_selector("#corr-msg.ok")
        # a store on disk keeps them: no warning
        assert page.locator("#corr-memory-note").count() == 0
        assert "server stops" not in page.inner_text("#corr-msg")
    finally:
        page.context.close()
        srv.httpd.shutdown()
        raw.close()
    again = Store(db)
    try:
        srv = start_server(SerializedStore(again), tmp_path)
        page = open_page(browser, srv, watch)
        row = page.locator("#event-table tr[data-event='e-warn']").inner_text()
        assert "NATO" in row and "corrected" in row
        page.context.close()
        srv.httpd.shutdown()
    finally:
        again.close()
    assert not watch.console_errors and not watch.dialogs and not watch.outside


@pytest.fixture
def pages_of_four(monkeypatch):
    """Table pages of 4 rows, so that the 11 sample events make three pages."""
    from dashapp.app import callbacks

    monkeypatch.setattr(callbacks, "TABLE_ROWS", 4)


def test_table_pages_through_every_event_in_view(pages_of_four, page, server):
    every = [e.id for e in server.store.events()]
    note = lambda: page.inner_text("#table-note")  # noqa: E731
    rows = lambda: page.eval_on_selector_all(  # noqa: E731
        "#event-table tr[data-event]", "rows => rows.map(r => r.dataset.event)"
    )
    assert note() == "Events 1–4 of 11 in view (by date)" and rows() == every[:4]
    assert page.is_disabled("#table-prev") and page.is_enabled("#table-next")
    page.click("#table-next")
    wait_for(lambda: note() == "Events 5–8 of 11 in view (by date)", what="page 2")
    assert rows() == every[4:8] and page.is_enabled("#table-prev")
    page.focus("#table-next")  # the keyboard pages too
    page.keyboard.press("Enter")
    wait_for(lambda: note() == "Events 9–11 of 11 in view (by date)", what="page 3")
    assert rows() == every[8:] and page.is_disabled("#table-next")
    # a row of a later page opens its details like any other
    page.locator(f"#event-table tr[data-event='{every[9]}'] button").click()
    page.wait_for_selector(f"#details .details[data-event='{every[9]}']")
    page.click("#table-prev")
    wait_for(lambda: note() == "Events 5–8 of 11 in view (by date)", what="back to page 2")
    # a new filter starts again on the first page
    choose(page, "f-actors", "Russia")
    wait_for(lambda: note() == "3 events shown", what="the filtered table")
    assert page.is_disabled("#table-prev") and page.is_disabled("#table-next")
