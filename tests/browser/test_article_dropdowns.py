"""The article dropdowns on a store with more articles than they list: the page loads the
newest ARTICLE_OPTIONS only, typing asks the server (title, id or date), a choice stays
selected and shown, and an article chosen in the URL keeps its label."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from conftest import Server, open_page, start_server
from helpers import open_section, option_labels, search_options, settle, upload, wait_for
from sample import extraction
from test_articles import GOOD

from dashapp.app import SerializedStore
from dashapp.app.callbacks import ARTICLE_OPTIONS
from dashapp.models import Article, EventFilter, Extraction
from dashapp.store import Store

BULK = 300  # bulk-000 .. bulk-299, one a day from FIRST: all newer than the sample's
FIRST = date(2023, 1, 1)
NEEDLE = Article(
    "needle-7f3a", "Needle found in a haystack", date(2020, 6, 15), "", "(body)", "n.txt"
)
NEEDLE_LABEL = "2020-06-15 · Needle found in a haystack"


def bulk_label(i: int) -> str:
    return f"{(FIRST + timedelta(days=i)).isoformat()} · Daily bulletin {i}"


@pytest.fixture
def server(tmp_path) -> Iterator[Server]:
    """The sample store (3 articles, 11 events) with 301 more articles, no events."""
    raw = Store(None)
    raw.add(extraction())
    bulk = [
        Article(f"bulk-{i:03d}", f"Daily bulletin {i}", FIRST + timedelta(days=i), "", "b", "x")
        for i in range(BULK)
    ]
    raw.add(Extraction((NEEDLE, *bulk), {}, (), ()))
    store = SerializedStore(raw)
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    srv = start_server(store, data_dir)
    yield srv
    srv.httpd.shutdown()
    srv.thread.join(5)
    raw.close()


def chosen_labels(page, dropdown: str) -> str:
    return page.inner_text(f"#{dropdown} .dash-dropdown-value")


def test_the_page_loads_only_the_newest_articles(browser, server, watch):
    answers: list[bytes] = []

    def on_response(response):
        if "_dash-update-component" in response.url:
            answers.append(response.body())

    page = open_page(browser, server, watch)
    try:
        page.on("response", on_response)
        page.reload()
        settle(page)
        options: dict[str, list] = {}
        for body in answers:
            for cid, props in json.loads(body).get("response", {}).items():
                if "options" in props and cid in ("f-articles", "ref-article"):
                    options[cid] = props["options"]
        newest = [f"bulk-{i:03d}" for i in range(BULK - 1, BULK - 1 - ARTICLE_OPTIONS, -1)]
        for cid in ("f-articles", "ref-article"):
            assert [o["value"] for o in options[cid]] == newest, cid
        # Nothing else of the store's 304 articles travelled with the page.
        everything = b"".join(answers)
        assert b"Needle" not in everything and b"bulk-000" not in everything
        assert option_labels(page, "f-articles")[0] == bulk_label(BULK - 1)
        open_section(page, "Article reference date")
        assert option_labels(page, "ref-article")[0] == bulk_label(BULK - 1)
    finally:
        page.context.close()
    assert not watch.console_errors and not watch.outside and not watch.dialogs


def test_typing_finds_an_old_article_and_it_stays_selected(page, server):
    assert search_options(page, "f-articles", "HAYSTACK") == [NEEDLE_LABEL]
    assert search_options(page, "f-articles", "needle-7f") == [NEEDLE_LABEL]  # by id
    assert search_options(page, "f-articles", "2020-06") == [NEEDLE_LABEL]  # by date
    assert search_options(page, "f-articles", "bulk-012") == [bulk_label(12)]
    offered = search_options(page, "f-articles", "Daily bulletin 1")
    assert offered[0] == bulk_label(199)  # newest first
    assert search_options(page, "f-articles", "nothing like this") == []
    # Choose it: the view is filtered on it, and once the menu closes (the options are
    # the newest again) it is still chosen and shown with its label.
    # Typed key by key, as a person types: one search per key, the last one wins.
    page.click("#f-articles")
    page.locator(".dash-dropdown-search").press_sequentially("ayst", delay=40)
    settle(page)
    offered = page.eval_on_selector_all(
        ".dash-dropdown-option[role=option]", "els => els.map(e => e.innerText.trim())"
    )
    assert offered == [NEEDLE_LABEL]
    page.locator(".dash-dropdown-option", has_text="Needle found").click()
    page.keyboard.press("Escape")
    settle(page)
    wait_for(
        lambda: "article=needle-7f3a" in page.evaluate("location.search"), what="article in URL"
    )
    assert page.inner_text("#summary").startswith("0 events")
    assert chosen_labels(page, "f-articles") == NEEDLE_LABEL
    # A second article, found by another search: both stay chosen.
    page.click("#f-articles")
    page.locator(".dash-dropdown-search").fill("2022-01-10")
    page.locator(".dash-dropdown-option", has_text="Russia masses troops").click()
    page.keyboard.press("Escape")
    settle(page)
    wait_for(
        lambda: (
            "a2" in page.evaluate("location.search")
            and "needle" in page.evaluate("location.search")
        ),
        what="both articles in the URL",
    )
    both = server.store.count_events(EventFilter(articles=("a2", "needle-7f3a")))
    assert both > 0 and page.inner_text("#summary").startswith(f"{both} event")
    shown = chosen_labels(page, "f-articles")
    assert NEEDLE_LABEL in shown and "Russia masses troops" in shown


def test_an_article_chosen_in_the_url_keeps_its_label(browser, server, watch):
    page = open_page(browser, server, watch, path="/?article=needle-7f3a")
    try:
        settle(page)
        assert chosen_labels(page, "f-articles") == NEEDLE_LABEL
        assert "article=needle-7f3a" in page.evaluate("location.search")
        # the menu lists it (first: chosen) with the newest articles
        labels = option_labels(page, "f-articles")
        assert labels[:2] == [NEEDLE_LABEL, bulk_label(BULK - 1)]
        settle(page)
        assert "article=needle-7f3a" in page.evaluate("location.search")
    finally:
        page.context.close()
    assert not watch.console_errors and not watch.outside and not watch.dialogs


def test_the_reference_dropdown_searches_too(page, server):
    open_section(page, "Article reference date")
    assert search_options(page, "ref-article", "needle") == [NEEDLE_LABEL]
    page.click("#ref-article")
    page.locator(".dash-dropdown-search").fill("haystack")
    page.locator(".dash-dropdown-option", has_text="Needle found").click()
    wait_for(lambda: page.input_value("#ref-date") == "2020-06-15", what="ref date filled")
    settle(page)
    assert chosen_labels(page, "ref-article") == NEEDLE_LABEL


def test_an_uploaded_article_is_found_in_both_dropdowns(page, server):
    # dated 2022-01-03: older than the newest articles listed, so found by searching
    assert upload(page, "minsk.txt", GOOD.encode()).startswith("Added 1 article")
    label = "2022-01-03 · Talks in Minsk"
    assert label not in option_labels(page, "f-articles")
    wait_for(lambda: search_options(page, "f-articles", "minsk") == [label], what="filter")
    open_section(page, "Article reference date")
    wait_for(lambda: search_options(page, "ref-article", "minsk") == [label], what="reference")
