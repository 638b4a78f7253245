"""Browser tests: the real dashboard server (werkzeug, in a thread, on a free port) over
a real DuckDB Store, driven by the system Chromium through Playwright.

Every page records console errors, page errors, dialogs (an alert means injected script
ran) and requests to any host other than the server; `page` fails the test on any of
them at teardown. The tests never skip: without /usr/bin/chromium they fail loudly.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from werkzeug.serving import make_server

sys.path.insert(0, str(Path(__file__).parent))

from sample import extraction  # noqa: E402

from dashapp.app import SerializedStore, create_app  # noqa: E402
from dashapp.models import Extraction  # noqa: E402
from dashapp.store import Store  # noqa: E402

logging.getLogger("werkzeug").setLevel(logging.ERROR)
CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


@dataclass
class Server:
    url: str
    store: Store
    data_dir: Path
    thread: threading.Thread
    httpd: object


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(store: Store, data_dir: Path, *, upload_limit: int = 10 * 2**20) -> Server:
    app = create_app(store, data_dir=data_dir, upload_limit=upload_limit)
    port = _free_port()
    httpd = make_server("127.0.0.1", port, app.server, threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    return Server(f"http://127.0.0.1:{port}", store, data_dir, thread, httpd)


@contextlib.contextmanager
def serving(
    found: Extraction, data_dir: Path, *, upload_limit: int = 10 * 2**20
) -> Iterator[Server]:
    """A server over a fresh in-memory store holding `found`, shut down and closed after.
    The store is shared with the app's lock, since a test may read it while server threads
    use it."""
    raw = Store(None)
    raw.add(found)
    srv = start_server(SerializedStore(raw), data_dir, upload_limit=upload_limit)
    try:
        yield srv
    finally:
        srv.httpd.shutdown()
        srv.thread.join(5)
        raw.close()


@pytest.fixture
def upload_limit() -> int:
    return 10 * 2**20


@pytest.fixture
def server(tmp_path, upload_limit) -> Iterator[Server]:
    """A fresh server per test: tests add articles and correct events."""
    data_dir = tmp_path / "data"
    data_dir.mkdir()
    with serving(extraction(), data_dir, upload_limit=upload_limit) as srv:
        yield srv


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: install Debian's chromium (apt-get install "
            "chromium); browser tests must run, not skip",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


@dataclass
class Watch:
    console_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)


@pytest.fixture
def watch() -> Watch:
    return Watch()


def open_page(
    browser, server: Server, watch: Watch, *, width: int = 1366, height: int = 768, path: str = "/"
):
    context = browser.new_context(
        viewport={"width": width, "height": height}, accept_downloads=True
    )
    page = context.new_page()
    host = urlsplit(server.url).netloc

    def on_console(msg):
        if msg.type == "error":
            watch.console_errors.append(msg.text)

    def on_dialog(dialog):
        watch.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def on_request(request):
        parts = urlsplit(request.url)
        if parts.scheme in ("data", "blob", "about"):
            return
        if parts.netloc != host:
            watch.outside.append(request.url)

    page.on("console", on_console)
    page.on("pageerror", lambda exc: watch.console_errors.append(f"pageerror: {exc}"))
    page.on("dialog", on_dialog)
    page.on("request", on_request)
    page.goto(server.url + path)
    wait_ready(page)
    return page


def wait_ready(page) -> None:
    """The first view is drawn: the summary shows a count and the graph has a plot."""
    page.wait_for_function(
        "() => /\\d+ event/.test(document.querySelector('#summary')?.innerText || '')",
        timeout=20_000,
    )
    page.wait_for_selector("#timeline .main-svg", timeout=20_000)


@pytest.fixture
def page(browser, server, watch):
    page = open_page(browser, server, watch)
    yield page
    page.context.close()
    assert not watch.dialogs, f"a dialog opened (injected script ran): {watch.dialogs}"
    assert not watch.outside, f"requests left the machine: {watch.outside}"
    assert not watch.console_errors, f"browser console errors: {watch.console_errors}"
