"""`geotimeline serve` as a user starts it: a subprocess on a free port, local only by
default, debug off, a warning when bound to every interface."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve(tmp_path: Path, *extra: str) -> tuple[subprocess.Popen, int]:
    port = _free_port()
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    (data / "a.txt").write_text(
        "Talks\n20220103\nhttps://example.org/t\nPutin warned NATO on Sunday.\n"
    )
    (data / "bad.txt").write_text("no date\n")
    proc = subprocess.Popen(
        [sys.executable, "-m", "dashapp", "serve", str(data), "--port", str(port), *extra],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"serve exited: {proc.communicate()}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as r:
                if r.status == 200:
                    return proc, port
        except OSError:
            time.sleep(0.3)
    proc.kill()
    raise AssertionError("serve did not answer in 60 s")


def _stop(proc: subprocess.Popen) -> tuple[str, str]:
    proc.terminate()
    try:
        return proc.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        return proc.communicate()


def test_serve_local_by_default_debug_off(tmp_path):
    proc, port = _serve(tmp_path)
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as r:
            page = r.read().decode()
            assert "geotimeline" in page
            assert "default-src 'self'" in r.headers["Content-Security-Policy"]
        # Every script and stylesheet the page names is served from here.
        assert "https://" not in page and "http://" not in page.replace(
            f"http://127.0.0.1:{port}", ""
        )
        # Bound to the loopback interface only.
        addrs = [
            a
            for a in socket.getaddrinfo(socket.gethostname(), None)
            if not a[4][0].startswith("127.") and a[4][0] != "::1"
        ]
        for fam, *_rest, addr in addrs[:1]:
            with socket.socket(fam) as s:
                s.settimeout(1)
                assert s.connect_ex((addr[0], port)) != 0
    finally:
        out, err = _stop(proc)
    assert "bad.txt" in err  # one line per bad file
    assert re.search(r"\d+ events? from 1 article \(1 file problem\); dashboard on", err), err
    # no debugger (it would print its PIN), and none of Flask's banner or per-request lines
    assert "Debugger" not in out + err and "development server" not in out + err
    assert "GET /" not in out + err


def test_serve_on_every_interface_warns(tmp_path):
    proc, _ = _serve(tmp_path, "--host", "0.0.0.0")
    out, err = _stop(proc)
    assert "warning" in err.lower() and "0.0.0.0" in err


def test_files_skipped_at_start_are_shown_in_the_page(tmp_path, browser, watch):
    from types import SimpleNamespace

    from conftest import open_page

    data = tmp_path / "data"
    data.mkdir()
    (data / "empty.txt").write_text("")
    (data / "broken.json").write_text("{not json")
    proc, port = _serve(tmp_path)  # adds a.txt (good) and bad.txt (no date)
    try:
        page = open_page(browser, SimpleNamespace(url=f"http://127.0.0.1:{port}"), watch)
        notice = page.locator("#skipped-notice")
        assert (
            notice.locator("summary")
            .inner_text()
            .startswith("3 bad input files or records skipped at start")
        )
        notice.locator("summary").click()  # the reasons, as the terminal prints them
        reasons = notice.locator("li").all_inner_texts()
        assert len(reasons) == 3
        for name in ("bad.txt", "broken.json", "empty.txt"):
            assert any(name in r and ": " in r.split(name, 1)[1] for r in reasons), reasons
        page.context.close()
    finally:
        out, err = _stop(proc)
    assert "3 file problems" in err
    assert not watch.console_errors and not watch.dialogs and not watch.outside
