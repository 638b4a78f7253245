"""Regenerate the README's pictures: docs/dashboard.png (the dashboard at 1366x768 in
headless Chromium) and docs/export.png (the same view through the PNG export).

    python scripts/screenshots.py [PATH...]   (default: data/ and tests/data/events_dev/)

Runs the real server on a free local port; nothing is fetched from elsewhere.
"""

from __future__ import annotations

import argparse
import socket
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from werkzeug.serving import make_server  # noqa: E402

from dashapp.app import SerializedStore, create_app  # noqa: E402
from dashapp.app.filters import parse_query  # noqa: E402
from dashapp.app.serve import load_store  # noqa: E402
from dashapp.export import render  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
VIEW = "?from=2021-11-01&to=2022-12-31"
TITLE = "Events from the sample articles, November 2021 to December 2022"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument(
        "paths",
        nargs="*",
        default=[str(ROOT / "data"), str(ROOT / "tests" / "data" / "events_dev")],
    )
    p.add_argument("--view", default=VIEW, help="URL query of the view to show")
    p.add_argument("--out", type=Path, default=ROOT / "docs")
    args = p.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    raw, _ = load_store([x for x in args.paths if Path(x).exists()], db=None)
    store = SerializedStore(raw)
    app = create_app(store)  # type: ignore[arg-type]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    httpd = make_server("127.0.0.1", port, app.server, threaded=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": 1366, "height": 768})
            page.goto(f"http://127.0.0.1:{port}/{args.view}")
            page.wait_for_selector("#timeline .main-svg")
            page.wait_for_function(
                "() => /\\d+ event/.test(document.querySelector('#summary').innerText)"
            )
            page.wait_for_timeout(800)
            # Show one event's details, as a user would after a click.
            first = page.locator("#event-table tr[data-event] button").nth(3)
            if first.count():
                first.click()
                page.wait_for_selector("#details .details")
            page.wait_for_timeout(500)
            page.screenshot(path=str(args.out / "dashboard.png"))
            browser.close()
        state = parse_query(args.view)
        png = render(store, state, "png", title=TITLE)  # type: ignore[arg-type]
        (args.out / "export.png").write_bytes(png)
        shown = store.count_events(state.filter)
    finally:
        httpd.shutdown()
        raw.close()
    print(
        f"wrote {args.out / 'dashboard.png'} and {args.out / 'export.png'} "
        f"({shown:,} events in view)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
