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
