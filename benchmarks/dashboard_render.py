"""Dashboard speed in a real browser: first load, and the time from a filter change
until the page is idle again.

benchmarks/dashboard_speed.py times the server's answer; this one times what the user
waits for. It drives the system Chromium (headless, through Playwright) against a
running dashboard and, for each step, measures the wall time until Dash has no callback
in flight and the main thread has been free for a moment, plus the longest task the
browser ran meanwhile (PerformanceObserver 'longtask': while one runs the page does not
answer clicks or keys), and the CPU time of the page's main thread (Chrome's ThreadTime
metric: unlike the wall times it hardly depends on what else the machine runs).

    geotimeline serve --db big.duckdb --port 8071 &        # or: serve data/ tests/...
    python benchmarks/dashboard_render.py http://127.0.0.1:8071/ [--repeat 3]

Steps: first load; pick the actor with the most events; set From; clear filters (back
to everything); next page of the table. Prints, per step, the median of --repeat runs.
"""

from __future__ import annotations

import argparse
import statistics
import time

ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run"]
INIT = """
window.__long = [];
new PerformanceObserver(l => { for (const e of l.getEntries())
  window.__long.push([e.startTime, e.duration]); }).observe({type: 'longtask', buffered: true});
"""
# the summary, the table's note and its first row: each step changes one of them
SHOWN = """() => [document.querySelector('#summary')?.innerText,
  document.querySelector('#table-note')?.innerText,
  document.querySelector('#event-table tr[data-event]')?.dataset.event].join('|')"""
BUSY = "() => !!document.querySelector('[data-dash-is-loading=\"true\"]')"


def idle(page, since: float, quiet_ms: int = 300, timeout: float = 60.0) -> tuple[float, float]:
    """Wait until no callback is in flight and no long task ended in the last
    `quiet_ms`; return (ms from `since` to the end of the last long task or request,
    longest task in ms)."""
    end = time.monotonic() + timeout
    page.wait_for_timeout(100)
    while time.monotonic() < end:
        busy = page.evaluate(BUSY)
        quiet = page.evaluate(
            """(q) => { const now = performance.now();
                 return !window.__long.some(([s, d]) => now - (s + d) < q); }""",
            quiet_ms,
        )
        if not busy and quiet:
            # a callback may be about to start: double-check after a short pause
            page.wait_for_timeout(quiet_ms)
            if not page.evaluate(BUSY):
                break
        page.wait_for_timeout(50)
    else:
        raise TimeoutError("the page did not become idle")
    tasks = page.evaluate("(t0) => window.__long.filter(([s, d]) => s + d >= t0)", since)
    last_task_end = max((s + d for s, d in tasks), default=since)
    longest = max((d for _, d in tasks), default=0.0)
    done = page.evaluate("() => window.__done || 0")
    return max(last_task_end, done) - since, longest


def mark_done(page) -> None:
    # the time the table and summary last changed, seen from the page
    page.evaluate(
        """() => { window.__done = 0; const mo = new MutationObserver(() =>
               { window.__done = performance.now(); });
             for (const s of ['#event-table', '#summary', '#timeline'])
               mo.observe(document.querySelector(s), {subtree: true, childList: true,
                          characterData: true}); }"""
    )


def run_once(browser, url: str) -> dict[str, tuple[float, float, float]]:
    ctx = browser.new_context(viewport={"width": 1366, "height": 768})
    page = ctx.new_page()
    page.add_init_script(INIT)
    cdp = ctx.new_cdp_session(page)
    cdp.send("Performance.enable")

    def cpu_ms() -> float:
        metrics = cdp.send("Performance.getMetrics")["metrics"]
        return 1000 * next(m["value"] for m in metrics if m["name"] == "ThreadTime")

    out: dict[str, tuple[float, float, float]] = {}
    page.goto(url)
    page.wait_for_selector("#timeline .main-svg", timeout=60000)
    page.wait_for_function(
        "() => /\\d+ event/.test(document.querySelector('#summary')?.innerText || '')",
        timeout=60000,
    )
    shown = page.evaluate("performance.now()")  # since navigation start
    _, longest = idle(page, 0.0)
    last = page.evaluate("() => Math.max(0, ...window.__long.map(([s, d]) => s + d))")
    out["first load"] = (max(shown, last), longest, cpu_ms())

    def step(name: str, action) -> None:
        mark_done(page)
        cpu = cpu_ms()
        before = page.evaluate(SHOWN)
        since = page.evaluate("performance.now()")
        action()
        # what is shown must change first (the answer may take a while to arrive)
        page.wait_for_function(f"(b) => ({SHOWN})() !== b", arg=before, timeout=120000)
        out[name] = (*idle(page, since), cpu_ms() - cpu)

    def pick_actor() -> None:
        page.click("#f-actors")
        page.wait_for_selector(".dash-dropdown-option")
        page.locator(".dash-dropdown-option").first.click()  # the busiest actor
        page.keyboard.press("Escape")

    step("actor", pick_actor)
    step("from date", lambda: page.fill("#f-from", "2019-01-01"))
    step("clear filters", lambda: page.click("#f-clear"))
    nxt = page.locator("#table-next")
    if nxt.count() and nxt.is_enabled():
        step("next page", lambda: nxt.click())
    ctx.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("url")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    runs: list[dict[str, tuple[float, float, float]]] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for _ in range(args.repeat):
            runs.append(run_once(browser, args.url))
        browser.close()
    print(f"{args.url}: median of {len(runs)} runs (ms)")
    print(f"{'step':<14} {'until idle':>11} {'longest task':>13} {'main-thread CPU':>16}")
    for name in runs[0]:
        vals = [r[name] for r in runs if name in r]
        wall, longest, cpu = (statistics.median(v[i] for v in vals) for i in range(3))
        print(f"{name:<14} {wall:>11.0f} {longest:>13.0f} {cpu:>16.0f}")


if __name__ == "__main__":
    main()
