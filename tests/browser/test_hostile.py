"""Hostile article content renders as plain text everywhere; no script ever runs (the
`page` fixture fails the test on any dialog) and nothing is requested from elsewhere."""

from __future__ import annotations

from helpers import hover, settle, zoom
from sample import HOSTILE_LABEL, HOSTILE_SENTENCE, HOSTILE_TITLE


def no_injected_elements(page) -> None:
    found = page.evaluate(
        """() => ({
            scripts: Array.from(document.scripts).filter(s => /alert/.test(s.textContent)).length,
            imgs: document.querySelectorAll('img[src="x"], svg[onload]').length,
            jsLinks: Array.from(document.querySelectorAll('a[href]:not(.skip-link)')).filter(
                a => !/^https?:/i.test(a.getAttribute('href'))).length,
            handlers: document.querySelectorAll('[onerror], [onload], [onclick]').length,
            skips: Array.from(document.querySelectorAll('a.skip-link'))
                .map(a => a.getAttribute('href')).join(' '),
        })"""
    )
    # (the only links to no web page: the two skip links, to the table and the details)
    skips = "#event-table #details"
    assert found == {"scripts": 0, "imgs": 0, "jsLinks": 0, "handlers": 0, "skips": skips}, found


def test_hostile_text_is_plain_in_hover_table_details(page, server):
    # Besides the dialog handler, count alert() calls directly.
    page.evaluate("() => { window.alert = (m) => { window.__alerted = String(m); }; }")
    # Hover: markup shown literally, no link, long token cut.
    zoom(page, "2022-01-05", "2022-01-09")
    text = hover(page, "e-evil")
    assert '<script>alert("sentence")</script>' in text
    assert 'href="javascript:alert(1)">clicked</a>' in text and "<b>bold</b><br>break" in text
    assert HOSTILE_LABEL[:20] in text
    assert page.locator("#timeline .hoverlayer a").count() == 0
    lines = page.eval_on_selector_all(
        "#timeline .hoverlayer tspan.line", "els => els.map(e => e.textContent.length)"
    )
    assert max(lines) <= 80
    # Table: the label is text.
    row = page.locator("#event-table tr[data-event='e-evil']")
    assert HOSTILE_LABEL in row.inner_text()
    # Details: title and sentence are text; the javascript: URL is not a link.
    row.locator("button").click()
    page.wait_for_selector("#details .details[data-event='e-evil']")
    details = page.locator("#details")
    assert HOSTILE_TITLE in details.inner_text()
    assert HOSTILE_SENTENCE[:60] in details.inner_text()
    assert details.locator("a").count() == 0
    # Article filter list: the title is text.
    page.click("#f-articles")
    page.wait_for_selector(".dash-dropdown-option")
    assert HOSTILE_TITLE in page.locator(".dash-dropdown-option", has_text="Hostile").inner_text()
    page.keyboard.press("Escape")
    settle(page)
    no_injected_elements(page)
    assert page.evaluate("window.__alerted === undefined"), page.evaluate(
        "String(window.__alerted)"
    )


def test_page_title_and_search_with_markup_stay_text(page):
    page.fill("#f-text", "<script>")
    page.press("#f-text", "Enter")
    settle(page)
    assert "q=%3Cscript%3E" in page.evaluate("location.search")
    assert page.locator("#event-table tr[data-event='e-evil']").count() == 1
    no_injected_elements(page)
