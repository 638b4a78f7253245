"""Dashboard defects of QA round 10."""

from __future__ import annotations

import pytest
from conftest import open_page


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
