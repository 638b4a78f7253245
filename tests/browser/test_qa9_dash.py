"""Dashboard defects of QA round 9."""

from __future__ import annotations

from conftest import open_page
from helpers import GRAPH_DIV, settle


def _ticks(page) -> list[str]:
    return page.eval_on_selector_all(f"{GRAPH_DIV} .xtick text", "ts => ts.map(t => t.textContent)")


def test_a_view_of_a_few_days_says_the_year(browser, server, watch):
    # QA9 4: a view of under 12 days ticked every day as 'Sep 19', 'Sep 20', ... with
    # no year anywhere on the axis (plotly's own day ticks write it under the first tick
    # and where it changes; the day format that keeps hours off the axis had dropped it)
    page = open_page(browser, server, watch, path="/?from=2022-01-03&to=2022-01-10")
    settle(page)
    ticks = _ticks(page)
    assert ticks[0] == "Jan 32022", ticks  # 'Jan 3' over '2022'
    assert all("2022" not in t for t in ticks[1:]), ticks  # once, not under every day
    # where the year changes it is written again
    page.goto(server.url + "/?from=2021-12-28&to=2022-01-04")
    settle(page)
    ticks = _ticks(page)
    assert ticks[0].endswith("2021") and "Jan 12022" in ticks, ticks
    page.context.close()
    assert not watch.console_errors and not watch.outside and not watch.dialogs


def _menu_open(page) -> bool:
    return page.evaluate("document.querySelector('details.export-menu').open")


def test_the_export_menu_closes_on_escape_and_on_a_click_elsewhere(page):
    # QA9 6: the Export menu, a popup over the top of the side panel (it hides the
    # correction form's first fields), stayed open on Escape and on a click anywhere
    # else: the only way to close it was the Export button again
    page.click(".export-menu summary")
    assert _menu_open(page)
    page.focus("#export-png")
    page.keyboard.press("Escape")
    assert not _menu_open(page)
    # the focus goes back to the button that opened it, not to the page
    assert page.evaluate("document.activeElement.closest('.export-menu') !== null")
    page.keyboard.press("Enter")  # the keyboard opens it again
    assert _menu_open(page)
    page.click("#export-title")  # a click inside keeps it
    assert _menu_open(page)
    page.click("#event-table")
    assert not _menu_open(page)
    page.click(".export-menu summary")
    assert _menu_open(page)
    page.click("#corr-label")
    assert not _menu_open(page)
    # Escape with the menu closed does nothing to it
    page.keyboard.press("Escape")
    assert not _menu_open(page)
