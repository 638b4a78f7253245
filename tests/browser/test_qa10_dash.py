"""Dashboard defects of QA round 10."""

from __future__ import annotations

import base64
from datetime import date

import pytest
from conftest import open_page, serving
from helpers import GRAPH_DIV, drawn_ids, settle, table_ids, wait_for

from dashapp.models import Article, Event, Extraction, Mention


@pytest.mark.parametrize("size", [(390, 844), (320, 640), (600, 800), (1366, 768)])
def test_the_export_menu_opens_inside_the_screen(browser, server, watch, size):
    # QA10 1: on a phone the header wraps and puts Export at the start of its second
    # line; its menu, right-aligned to the button and 300 px wide, opened off the left
    # edge of the screen: the Title box and the "PNG (print)" and "SVG" buttons could
    # not be reached (the page does not scroll sideways)
    width, height = size
    page = open_page(browser, server, watch, width=width, height=height)
    try:
        page.click(".export-menu summary")
        for sel in ("#export-title", "#export-png", "#export-svg", "#export-timelinejs"):
            box = page.locator(sel).bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= width, (sel, box)
        # a button at the screen's left edge is clicked, not missed
        with page.expect_download(timeout=60_000) as download:
            page.click("#export-csv")
        assert download.value.suggested_filename.endswith(".csv")
    finally:
        page.context.close()
    assert not watch.console_errors and not watch.dialogs and not watch.outside


def _pixel(page, x: float, y: float) -> list[int]:
    """The colour the screen shows at (x, y) of the page (a screenshot read back through
    a canvas in the page)."""
    shot = base64.b64encode(page.screenshot()).decode()
    return page.evaluate(
        """async ([src, x, y]) => { const img = new Image(); img.src = src;
            await img.decode(); const c = document.createElement('canvas');
            c.width = img.width; c.height = img.height; const g = c.getContext('2d');
            g.drawImage(img, 0, 0); return Array.from(g.getImageData(x, y, 1, 1).data); }""",
        [f"data:image/png;base64,{shot}", round(x), round(y)],
    )


OTHERS = ("China", "India", "Brazil", "Egypt", "Japan", "Chile")


def _year_talks(i: int) -> Event:
    m = Mention("a", "2020", 0, 4, "DATE", "2020", "2020: talks.", "explicit year", 1.0)
    return Event(
        id=f"y{i}",
        label=f"{OTHERS[i]} talks",
        type="CONSULT",
        quad_class="verbal cooperation",
        start=date(2020, 1, 1),
        end=date(2020, 12, 31),
        value="2020",
        granularity="year",
        actors=(OTHERS[i],),
        mentions=(m,),
    )


def _day_talks(id_: str, label: str, day: date, actor: str, mention: Mention) -> Event:
    return Event(
        id=id_,
        label=label,
        type="CONSULT",
        quad_class="verbal cooperation",
        start=day,
        end=day,
        value=day.isoformat(),
        granularity="day",
        actors=(actor,),
        mentions=(mention,),
    )


def test_a_lane_of_many_year_bands_still_shows_its_days(browser, watch, tmp_path):
    # QA10 2: each year (month, season ...) band was drawn at 22% opacity bar by bar, so
    # the bands of one colour stacked up in a lane: a lane with a handful of a year's
    # talks was solid colour, and its day markers of that colour vanished into it (a
    # busy store's CONSULT lane showed '×2', '×3' beside nothing)
    day = Mention("a", "June 10", 0, 7, "DATE", "2020-06-10", "June 10: call.", "explicit", 1.0)
    call = _day_talks("call", "Call", date(2020, 6, 10), "Russia", day)
    events = (call, *map(_year_talks, range(6)))
    article = Article("a", "Talks", date(2021, 1, 4), "https://example.org/a", "(body)", "a.txt")
    found = Extraction(articles=(article,), timexes={}, events=events, actors=())
    with serving(found, tmp_path) as srv:
        # (lanes by type: the CONSULT lane has them all, as a busy store's has)
        page = open_page(browser, srv, watch, width=1366, height=768, path="/?lane=type")
        try:
            settle(page)
            # the day's marker, and a point of its lane 40 px before it, on the bands only
            box = page.locator("#timeline .scatterlayer .point").first.bounding_box()
            x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
            page.mouse.move(5, 5)  # no hover label over the marker
            marker, band = _pixel(page, x, y), _pixel(page, x - 40, y)
            # the bands are light (as one band is) and the marker stands out of them
            assert min(band[:3]) > 150, band
            assert sum(abs(a - b) for a, b in zip(marker[:3], band[:3], strict=True)) > 120, (
                marker,
                band,
            )
        finally:
            page.context.close()
    assert not watch.console_errors and not watch.dialogs and not watch.outside


def test_a_phone_shows_the_counted_timeline_wide_and_its_note_whole(browser, watch, tmp_path):
    # QA10 3: on a phone (390 px) a store of over 1,000 events, counted per month, had
    # a timeline 131 px wide: the colour bar's title ("events per month", written
    # across) took more room than the plot; and the note under the plot, two lines of
    # ~70 characters right-aligned to it, was cut at the screen's left edge ("nth:
    # click a month or zoom in ...")
    from test_exports_layout import big_extraction

    found = big_extraction(3000)
    with serving(found, tmp_path) as srv:
        page = open_page(browser, srv, watch, width=390, height=844)
        try:
            settle(page)
            assert "counted per month" in page.inner_text("#summary")
            plot = page.evaluate(
                "document.querySelector('#timeline .js-plotly-plot')._fullLayout._size.w"
            )
            assert plot >= 0.5 * 390, plot
            boxes = page.eval_on_selector_all(
                "#timeline .annotation-text tspan.line, #timeline .annotation-text",
                """els => els.filter(e => /counted per|Colour option/.test(e.textContent))
                    .map(e => { const r = e.getBoundingClientRect();
                                return [e.textContent, r.left, r.right]; })""",
            )
            assert boxes, "no note"
            for text, left, right in boxes:
                assert left >= 0 and right <= 390, (text, left, right)
        finally:
            page.context.close()
    assert not watch.console_errors and not watch.dialogs and not watch.outside


def test_an_open_end_of_9999_12_31_keeps_the_timeline_drawn(browser, server, watch):
    # QA10 4: an event's last day corrected to 9999-12-31 (an open end, as analysts
    # write it) blanked the timeline: every event gone, an empty axis of the year 2000
    page = open_page(browser, server, watch)
    try:
        page.locator("#event-table tr[data-event='e-crimea'] button").click()
        page.wait_for_selector("#details .details[data-event='e-crimea']")
        page.fill("#corr-end", "9999-12-31")
        page.click("#corr-save")
        wait_for(lambda: "Saved" in page.inner_text("#corr-msg"), what="saved")
        settle(page)
        rng = page.evaluate(f"document.querySelector('{GRAPH_DIV}')._fullLayout.xaxis.range")
        assert rng[0][:4] == "2014" and rng[1][:4] == "9999", rng
        assert len(drawn_ids(page)) == len(table_ids(page)) > 1
    finally:
        page.context.close()
    assert not watch.console_errors and not watch.dialogs and not watch.outside


def test_a_date_written_right_to_left_keeps_its_quotes_round_it(browser, watch, tmp_path):
    # QA10 (found, fixed after the round): the table's and the details' "date as written"
    # put the words between quotes as plain text, so an Arabic date took the closing
    # quote into its right-to-left run and the quotes showed out of place; each is now
    # an isolate (<bdi>) between the quotes
    written = "أمس"
    sentence = f"قال الوزير {written} إن المحادثات ستستمر."
    start = sentence.index(written)
    m = Mention(
        "a", written, start, start + len(written), "DATE", "2021-01-03", sentence, "yesterday", 1.0
    )
    ev = _day_talks("rtl", "Talks", date(2021, 1, 3), "Egypt", m)
    article = Article("a", "محادثات", date(2021, 1, 4), "https://example.org/a", sentence, "a.txt")
    found = Extraction(articles=(article,), timexes={}, events=(ev,), actors=())
    with serving(found, tmp_path) as srv:
        page = open_page(browser, srv, watch, width=1366, height=768)
        try:
            settle(page)
            row = page.locator("#event-table tr[data-event='rtl']")
            assert row.locator("bdi").all_inner_texts() == [written]
            assert f"“{written}”" in row.inner_text()
            row.locator("button").click()
            page.wait_for_selector("#details .details[data-event='rtl']")
            assert page.locator("#details bdi").all_inner_texts() == [written]
        finally:
            page.context.close()
    assert not watch.console_errors and not watch.dialogs and not watch.outside


def test_a_phone_scrolls_the_table_with_the_page(browser, watch, tmp_path):
    # QA10 (found, fixed after the round): on a phone the table was a box of about three
    # rows scrolled inside the page, the timeline keeping the screen's height above it.
    # The table now runs on below the timeline, its rows scrolled with the page; a wide
    # screen keeps the table in its own box under the timeline, the page unscrolled.
    from test_exports_layout import big_extraction

    with serving(big_extraction(60), tmp_path) as srv:
        for width, height, inner in ((390, 844, False), (1366, 768, True)):
            page = open_page(browser, srv, watch, width=width, height=height)
            try:
                settle(page)
                rows = len(table_ids(page))
                assert rows >= 30, rows
                wrap = page.evaluate(
                    """() => { const w = document.querySelector('.table-wrap');
                               return [w.scrollHeight, w.clientHeight]; }"""
                )
                plot = page.locator(GRAPH_DIV).bounding_box()
                assert plot and plot["height"] >= 0.45 * height, plot
                if inner:  # its own box, scrolled inside
                    assert wrap[0] > wrap[1] + 100, wrap
                else:  # every row in the page
                    assert wrap[0] <= wrap[1] + 1, wrap
                    last = page.locator("#event-table tbody tr").last
                    last.scroll_into_view_if_needed()
                    assert page.evaluate("window.scrollY") > height
                    box = last.bounding_box()
                    assert box and 0 <= box["y"] < height, box
            finally:
                page.context.close()
    assert not watch.console_errors and not watch.dialogs and not watch.outside
