"""Dashboard defects of QA round 8: one day's events on screen, an upload with many bad
records, an empty store."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta

import pytest
from conftest import open_page, start_server
from helpers import GRAPH_DIV, settle, summary_count, upload, wait_for
from sample import extraction

from dashapp.app import SerializedStore
from dashapp.store import Store


def _serve(store: Store, tmp_path) -> Iterator:
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    srv = start_server(SerializedStore(store), data_dir)
    yield srv
    srv.httpd.shutdown()
    srv.thread.join(5)
    store.close()


@pytest.fixture
def one_day(tmp_path):
    """A server whose only event is one day's."""
    sample = extraction()
    store = Store(None)
    store.add(replace(sample, events=tuple(e for e in sample.events if e.id == "e-call")))
    yield from _serve(store, tmp_path)


@pytest.fixture
def empty(tmp_path):
    """A server over an empty store, as `geotimeline serve EMPTYFOLDER` is."""
    yield from _serve(Store(None), tmp_path)


def _when(x: str) -> datetime:
    return datetime.fromisoformat(str(x).replace(" ", "T"))


def test_one_days_events_are_drawn_in_the_middle_of_a_week(browser, one_day, watch):
    # QA8 4: the screen showed one day's event on an axis plotly made up around it; the
    # picture (the same figure, with labels) had it on its left edge
    page = open_page(browser, one_day, watch)
    settle(page)
    lo, hi, mark, width = page.evaluate(
        f"""() => {{ const gd = document.querySelector('{GRAPH_DIV}');
            const xa = gd._fullLayout.xaxis;
            const t = gd.data.find(t => t.mode === 'markers' && t.customdata);
            return [xa.range[0], xa.range[1], xa.d2p(t.x[0]), xa._length]; }}"""
    )
    assert _when(hi) - _when(lo) >= timedelta(days=6), (lo, hi)
    assert abs(mark - width / 2) < width / 10, (mark, width)
    ticks = page.eval_on_selector_all(
        f"{GRAPH_DIV} .xtick text", "ts => ts.map(t => t.textContent)"
    )
    assert len(ticks) == 7 and ticks[3] == "Jan 9", ticks  # the day's, in the middle
    # a double click returns to that view, with no window in the URL
    box = page.locator(f"{GRAPH_DIV} .nsewdrag").bounding_box()
    page.mouse.dblclick(box["x"] + 5, box["y"] + 5)
    settle(page)
    assert "zoom=" not in page.evaluate("location.search")
    assert page.evaluate(f"document.querySelector('{GRAPH_DIV}')._fullLayout.xaxis.range") == [
        lo,
        hi,
    ]
    page.context.close()
    assert not watch.console_errors and not watch.outside and not watch.dialogs


def test_an_upload_with_many_bad_records_lists_them_all_a_click_away(page, server):
    # QA8 7: the message listed the first 3 of 11 problems and said nothing of the rest
    good = [
        {"title": f"Talks {i}", "date": "2022-01-03", "text": f"Talks {i} were held on Friday."}
        for i in range(2)
    ]
    bad = [{"title": f"Bad {i}", "date": f"03/0{i + 1}/2022", "text": "x"} for i in range(9)]
    feed = "\n".join(json.dumps(r) for r in good + bad).encode()
    msg = upload(page, "feed.jsonl", feed, "application/json")
    assert msg.startswith("Added 2 articles"), msg
    assert "9 problem(s): feed.jsonl:3: " in msg and msg.endswith("… and 6 more (show all)"), msg
    items = "#upload-msg .notice-list li"
    assert not page.locator(items).first.is_visible()  # a click away
    page.click("#upload-msg summary")
    shown = page.locator(items).all_inner_texts()
    assert [line.split(":")[1] for line in shown] == [str(n) for n in range(3, 12)], shown
    assert all("invalid publication date" in line for line in shown), shown


def test_an_empty_store_says_how_to_add_an_article_and_shows_no_dates(browser, empty, watch):
    # QA8 10: "No events match the current filters" over a year-2000 axis, no filter set
    page = open_page(browser, empty, watch)
    settle(page)
    lines = page.eval_on_selector_all(
        f"{GRAPH_DIV} .annotation-text tspan.line", "ls => ls.map(l => l.textContent)"
    )
    assert lines == ["No articles yet.", "Add one under “Add an article”."], lines
    assert page.locator(f"{GRAPH_DIV} .xtick").count() == 0
    assert page.inner_text("#table-note") == "No events to list."  # not "match the filters"
    # the way it names works, and the timeline then draws the article's events
    good = b"Talks in Minsk\n20220103\nhttps://example.org/minsk\nPutin warned NATO on Sunday.\n"
    assert upload(page, "minsk.txt", good).startswith("Added 1 article")
    wait_for(lambda: summary_count(page) == 1, what="the new event")
    settle(page)
    assert page.locator(f"{GRAPH_DIV} .annotation").count() == 0
    assert page.locator(f"{GRAPH_DIV} .xtick").count() > 0
    page.context.close()
    assert not watch.console_errors and not watch.outside and not watch.dialogs


def test_an_outcome_says_how_many_problems_it_leaves_out_and_the_page_lists_them():
    from dash import html

    from dashapp.app.articles import Outcome
    from dashapp.app.layout import upload_message

    eight = tuple(f"f.jsonl:{i}: bad" for i in range(1, 9))
    none_added = Outcome(0, 0, eight)
    assert none_added.message().endswith("f.jsonl:5: bad; … and 3 more"), none_added.message()
    some = Outcome(2, 1, eight)
    assert "8 problem(s): f.jsonl:1: bad; f.jsonl:2: bad; f.jsonl:3: bad;" in some.message()
    assert some.unlisted == 5 and some.message().endswith("f.jsonl:3: bad; … and 5 more")
    three = Outcome(2, 1, eight[:3])
    assert three.unlisted == 0 and "more" not in three.message()
    assert upload_message(three.message(), three.problems, 0) == three.message()
    shown = upload_message(some.message(), some.problems, some.unlisted)
    assert isinstance(shown, html.Details)
    summary, listed = shown.children
    assert summary.children == some.message() + " (show all)"
    assert [li.children for li in listed.children] == list(eight)
