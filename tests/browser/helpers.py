"""Reading the dashboard's state from the page, and driving its controls."""

from __future__ import annotations

import re
import time

GRAPH_DIV = "#timeline .js-plotly-plot"


def settle(page, timeout: float = 15.0) -> None:
    """Wait until Dash has no callback in flight (and the graph is drawn)."""
    page.wait_for_timeout(150)
    # the graph must be drawn first: right after a (re)load no callback is in flight yet
    page.wait_for_function(
        "() => document.querySelector('#timeline .main-svg')"
        " && !document.querySelector('[data-dash-is-loading=\"true\"]')",
        timeout=timeout * 1000,
    )
    page.wait_for_timeout(100)


def wait_for(predicate, timeout: float = 15.0, what: str = "condition"):
    end = time.monotonic() + timeout
    last = None
    while time.monotonic() < end:
        last = predicate()
        if last:
            return last
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what} (last: {last!r})")


def summary_count(page) -> int:
    text = page.inner_text("#summary")
    m = re.match(r"([\d,]+) event", text)
    assert m, f"no count in summary {text!r}"
    return int(m.group(1).replace(",", ""))


def drawn_ids(page) -> list[str]:
    """Event ids drawn on the timeline (each once)."""
    ids = page.evaluate(
        """() => { const gd = document.querySelector('#timeline .js-plotly-plot'); const out = [];
            for (const t of gd.data) for (const c of (t.customdata || [])) out.push(c);
            return out; }"""
    )
    return sorted(set(ids))


def table_ids(page) -> list[str]:
    return sorted(
        page.eval_on_selector_all(
            "#event-table tr[data-event]", "rows => rows.map(r => r.dataset.event)"
        )
    )


def option_labels(page, dropdown: str) -> list[str]:
    page.click(f"#{dropdown}")
    page.wait_for_selector(".dash-dropdown-option")
    labels = page.eval_on_selector_all(
        ".dash-dropdown-option", "els => els.map(e => e.innerText.trim())"
    )
    page.keyboard.press("Escape")
    return labels


def choose(page, dropdown: str, label_prefix: str) -> None:
    """Pick one option of a Dash 4 multi-select by the start of its label (Escape
    closes the menu, which stays open after a choice)."""
    page.click(f"#{dropdown}")
    search = page.locator(".dash-dropdown-search")
    search.fill(label_prefix.split(" (")[0])
    option = page.locator(".dash-dropdown-option", has_text=label_prefix).first
    option.click()
    page.keyboard.press("Escape")
    settle(page)


def point_position(page, event_id: str) -> tuple[float, float]:
    """Page coordinates of the first point (marker, or bar middle) of an event."""
    return page.evaluate(
        """(eid) => {
            const gd = document.querySelector('#timeline .js-plotly-plot');
            const fl = gd._fullLayout, xa = fl.xaxis, ya = fl.yaxis;
            const box = gd.getBoundingClientRect();
            for (const t of gd.data) {
                const cd = t.customdata || [];
                const i = cd.indexOf(eid);
                if (i < 0) continue;
                let x;
                if (t.type === 'bar') {
                    const b = xa.d2c(t.base[i]);
                    x = xa.c2p(b + t.x[i] / 2);
                } else { x = xa.d2p(t.x[i]); }
                const y = ya.d2p(t.y[i]);
                return [box.left + xa._offset + x, box.top + ya._offset + y];
            }
            return null;
        }""",
        event_id,
    )


def hover(page, event_id: str) -> str:
    """Move the mouse over an event and return the hover label's text."""
    pos = point_position(page, event_id)
    assert pos, f"event {event_id} is not drawn"
    page.mouse.move(pos[0] - 30, pos[1] - 30)
    page.mouse.move(*pos, steps=3)
    page.wait_for_selector("#timeline .hoverlayer .hovertext", timeout=5000)
    return page.eval_on_selector(
        "#timeline .hoverlayer",
        "el => { const ls = Array.from(el.querySelectorAll('tspan.line'));"
        " return ls.length ? ls.map(t => t.textContent).join('\\n') : el.textContent; }",
    )


def zoom(page, lo: str, hi: str) -> None:
    """Zoom the x axis as a drag would (through plotly, which emits relayoutData)."""
    page.evaluate(
        """([lo, hi]) => window.Plotly.relayout(document.querySelector('#timeline .js-plotly-plot'),
                                                {'xaxis.range': [lo, hi]})""",
        [lo, hi],
    )
    settle(page)


def open_section(page, title: str) -> None:
    section = page.locator("details.side-section", has_text=title)
    if not section.evaluate("d => d.open"):
        section.locator("summary").click()


def upload(page, name: str, data: bytes, mime: str = "text/plain") -> str:
    """Upload one file through the page's file input; returns the message shown."""
    open_section(page, "Add an article")
    old = page.inner_text("#upload-msg")
    page.set_input_files(
        "#upload input[type=file]", files=[{"name": name, "mimeType": mime, "buffer": data}]
    )

    def done():
        text = page.inner_text("#upload-msg").strip()
        return text if text and text != old and "Processing" not in text else None

    text = wait_for(done, what=f"message for {name}")
    settle(page)
    return text


def search_options(page, dropdown: str, text: str) -> list[str]:
    """Type `text` into a dropdown's search box and return the labels it offers once the
    server's answer is in (the first rows: the list is virtualised). Escape closes it."""
    page.click(f"#{dropdown}")
    page.locator(".dash-dropdown-search").fill(text)
    settle(page)
    # options are labels with role=option ("No options found" is not one)
    labels = page.eval_on_selector_all(
        ".dash-dropdown-option[role=option]", "els => els.map(e => e.innerText.trim())"
    )
    page.keyboard.press("Escape")
    settle(page)
    return labels
