"""Dashboard defects of QA round 4: fast typing, plotly's zoom-out gestures, narrow
windows, a shared link with From later than To."""

from __future__ import annotations

import pytest
from conftest import open_page
from helpers import settle, wait_for

from dashapp.app.filters import parse_query


@pytest.mark.parametrize("delay", [0, 2, 5])
def test_fast_typing_in_the_search_box_is_kept_exactly(page, delay):
    box = page.locator("#f-text")
    for text in ("sanctions", "Saudi Arabia sanctions"):
        box.fill("")
        box.click()
        page.keyboard.type(text, delay=delay)
        settle(page)
        assert box.input_value() == text
        page.keyboard.press("Enter")
        wait_for(
            lambda t=text: parse_query(page.evaluate("location.search")).filter.text == t,
            what="q= in the URL",
        )
        settle(page)
        assert box.input_value() == text


def _shown(page) -> tuple[str, str]:
    """The first and last day the plot shows (its x range read as the URL reads it)."""
    from dashapp.app.callbacks import parse_window

    rng = page.evaluate(
        "document.querySelector('#timeline .js-plotly-plot').layout.xaxis.range.slice()"
    )
    window = parse_window({"xaxis.range": rng})
    assert window, rng
    return window


def _url_window(page) -> tuple[str, str] | None:
    window = parse_query(page.evaluate("location.search")).window
    return None if window is None else (window[0].isoformat(), window[1].isoformat())


def _agrees(page) -> bool:
    url = _url_window(page)
    return url is None or url == _shown(page)


def test_reset_axes_keeps_the_window_the_url_names(browser, server, watch):
    page = open_page(browser, server, watch, path="/?zoom=2022-01-05/2022-01-09")
    settle(page)
    assert _shown(page) == ("2022-01-05", "2022-01-09")
    count = page.inner_text("#summary")
    for _ in range(3):
        page.hover("#timeline .main-svg")
        page.click(".modebar-btn[data-title='Reset axes']")
        settle(page)
        assert _url_window(page) == ("2022-01-05", "2022-01-09")
        assert _shown(page) == ("2022-01-05", "2022-01-09")
        assert page.inner_text("#summary") == count
    page.context.close()
    assert not watch.console_errors


def test_double_click_zooms_out_with_url_table_and_counts(browser, server, watch):
    from helpers import point_position, zoom

    page = open_page(browser, server, watch, path="/?zoom=2022-01-05/2022-01-09")
    settle(page)
    assert "visible window" in page.inner_text("#summary")
    # a double click on an event: the plot zooms out, the event's details do not open
    x, y = point_position(page, "e-call")
    page.mouse.dblclick(x, y)
    settle(page)
    wait_for(lambda: _agrees(page), what="the URL window is the plot's")
    page.wait_for_timeout(600)
    settle(page)
    assert _agrees(page)
    assert not page.locator("#details .details[data-event]").count()
    assert "visible window" not in page.inner_text("#summary") or _url_window(page)
    # zoom in by dragging, then double-click on empty space: back out, all agree
    zoom(page, "2022-01-06", "2022-01-08 12:00")
    wait_for(lambda: _url_window(page) == ("2022-01-06", "2022-01-08"), what="zoom in URL")
    box = page.locator("#timeline .nsewdrag").bounding_box()
    page.mouse.dblclick(box["x"] + 5, box["y"] + 5)
    settle(page)
    wait_for(lambda: _agrees(page), what="the URL window is the plot's")
    assert _url_window(page) != ("2022-01-06", "2022-01-08")
    # a single click on an event still opens its details
    zoom(page, "2022-01-05", "2022-01-10")
    x, y = point_position(page, "e-call")
    page.mouse.click(x, y)
    page.wait_for_selector("#details .details[data-event='e-call']")
    page.context.close()
    assert not watch.console_errors


@pytest.mark.parametrize("query", ["?zoom=2022-01-07/2022-01-08", "?from=2022-01-07&to=2022-01-08"])
def test_a_view_of_two_days_ticks_days_not_hours(browser, server, watch, query):
    page = open_page(browser, server, watch, path="/" + query)
    settle(page)
    ticks = page.eval_on_selector_all("#timeline .xtick text", "els => els.map(e => e.textContent)")
    assert ticks and not [t for t in ticks if ":" in t], ticks
    page.context.close()
    assert not watch.console_errors


def test_a_phone_stacks_the_filters_above_a_full_width_timeline(browser, server, watch):
    page = open_page(browser, server, watch, width=390, height=844)
    settle(page)
    dims = page.evaluate(
        "() => ({sw: document.documentElement.scrollWidth,"
        " w: document.documentElement.clientWidth})"
    )
    assert dims["sw"] <= dims["w"], dims
    filters = page.locator("#f-text").bounding_box()
    graph = page.locator("#timeline .main-svg").first.bounding_box()
    assert graph["width"] >= 350 and graph["y"] > filters["y"], (graph, filters)
    label = page.locator("#event-table th.c-label").bounding_box()
    assert label["width"] >= 90, label
    for box in page.locator("#event-table button.row-details").evaluate_all(
        "els => els.map(e => { const r = e.getBoundingClientRect(); return [r.left, r.right]; })"
    ):
        assert 0 <= box[0] and box[1] <= dims["w"], box  # every Details button whole
    button = page.locator("#event-table tr[data-event='e-call'] button")
    button.click()
    page.wait_for_selector("#details .details[data-event='e-call']")
    page.context.close()
    assert not watch.console_errors


def test_type_names_are_not_cut_at_800_px(browser, server, watch):
    page = open_page(browser, server, watch, width=800, height=600)
    settle(page)
    cell = page.locator("#event-table tr[data-event='e-lavrov'] td.c-type")
    assert cell.inner_text().strip() == "STATEMENT"
    lines = cell.evaluate(
        """td => { const r = document.createRange(); r.selectNodeContents(td);
            return new Set(Array.from(r.getClientRects()).map(x => Math.round(x.top))).size; }"""
    )
    assert lines == 1
    page.context.close()
    assert not watch.console_errors


def test_a_link_with_from_later_than_to_is_refused_as_the_controls_refuse_it(
    browser, server, watch
):
    from helpers import summary_count

    page = open_page(browser, server, watch, path="/?from=2022-01-10&to=2022-01-08")
    settle(page)
    page.wait_for_selector("#f-dates-msg.error")
    assert "From is later than To" in page.inner_text("#f-dates-msg")
    # the dates as given, not swapped; neither applies
    assert page.input_value("#f-from") == "2022-01-10"
    assert page.input_value("#f-to") == "2022-01-08"
    assert summary_count(page) == len(server.store.events())
    # fixing one applies both
    page.fill("#f-to", "2022-01-31")
    page.locator("#f-to").blur()
    wait_for(
        lambda: page.evaluate("location.search") == "?from=2022-01-10&to=2022-01-31",
        what="both dates",
    )
    settle(page)
    assert page.inner_text("#f-dates-msg") == ""
    page.context.close()
    assert not watch.console_errors


def test_a_hand_written_link_names_actors_and_types_as_the_controls_do(browser, server, watch):
    from helpers import summary_count

    page = open_page(browser, server, watch, path="/?actor=zelensky&type=consult")
    settle(page)
    # read as the controls name them, the address rewritten to match
    wait_for(
        lambda: page.evaluate("location.search") == "?actor=Volodymyr+Zelensky&type=CONSULT",
        what="the link rewritten",
    )
    settle(page)
    wanted = server.store.count_events(parse_query("?actor=Volodymyr+Zelensky&type=CONSULT").filter)
    assert 0 < summary_count(page) == wanted
    assert page.inner_text("#f-dates-msg") == ""
    # the rewritten address replaces the typed one in the history: Back leaves it
    base = page.url.split("?")[0]
    page.goto(base + "?actor=Ukraine")
    settle(page)
    page.goto(base + "?actor=kremlin")
    wait_for(lambda: page.evaluate("location.search") == "?actor=Russia", what="kremlin")
    settle(page)
    page.go_back()
    wait_for(lambda: page.evaluate("location.search") == "?actor=Ukraine", what="back")
    # a name that names nothing is left out, and said
    page.goto(page.url.split("?")[0] + "?actor=Nobody")
    settle(page)
    page.wait_for_selector("#f-dates-msg.error")
    assert "Nobody" in page.inner_text("#f-dates-msg")
    assert summary_count(page) == len(server.store.events())
    page.context.close()
    assert not watch.console_errors


def test_a_link_with_empty_or_unknown_fields_is_written_clean(browser, server, watch):
    from helpers import summary_count

    # empty fields and ones the page does not know go; the rest keep their meaning
    page = open_page(browser, server, watch, path="/?actor=&type=&utm_source=mail")
    settle(page)
    wait_for(lambda: page.evaluate("location.search") == "", what="the empty fields gone")
    assert summary_count(page) == len(server.store.events())
    page.goto(page.url.split("?")[0] + "?type=CONSULT&actor=&actor=Volodymyr+Zelensky")
    settle(page)
    wait_for(
        lambda: page.evaluate("location.search") == "?actor=Volodymyr+Zelensky&type=CONSULT",
        what="the fields in the controls' order",
    )
    query = "?actor=Volodymyr+Zelensky&type=CONSULT"
    assert 0 < summary_count(page) == server.store.count_events(parse_query(query).filter)
    assert page.inner_text("#f-dates-msg") == ""
    page.context.close()
    assert not watch.console_errors
