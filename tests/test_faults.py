"""Crash safety with real processes and SIGKILL, no mocks.

- the dashboard server (`python -m dashapp serve --db`) killed while it saves
  corrections, and while it processes an uploaded file;
- a process writing through the Store (the dashboard's and ingest's write path) killed
  in a loop of batches and corrections;
- `python -m dashapp ingest --workers 2` killed mid-run (tests/test_batch.py covers one
  worker through ingest_command): its worker processes go too, and a second run finishes.

After each kill the database must open, keep everything acknowledged, and show nothing
half-written: no article without its expressions and mentions, no event without
mentions, no correction logged but not applied.
"""

from __future__ import annotations

import base64
import json
import math
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import duckdb
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(Path(__file__).parent))

import faults_writer  # noqa: E402
import load_test as lt  # noqa: E402  (the load test's generator, server and client)

from dashapp.batch import BATCH_SIZE  # noqa: E402  (articles per ingest transaction)
from dashapp.store import Store  # noqa: E402

# Whole-store invariants: each query counts rows that a half-written transaction leaves.
INVARIANTS = {
    "events without mentions": "SELECT count(*) FROM events WHERE id NOT IN "
    "(SELECT event_id FROM mentions)",
    "mentions of missing articles": "SELECT count(*) FROM mentions WHERE article_id NOT IN "
    "(SELECT id FROM articles)",
    "mentions of missing events": "SELECT count(*) FROM mentions WHERE event_id NOT IN "
    "(SELECT id FROM events)",
    "actors of missing events": "SELECT count(*) FROM event_actors WHERE event_id NOT IN "
    "(SELECT id FROM events)",
    "events without contributions": "SELECT count(*) FROM events WHERE id NOT IN "
    "(SELECT event_id FROM contributions)",
    "contributions of missing events": "SELECT count(*) FROM contributions WHERE event_id "
    "NOT IN (SELECT id FROM events)",
    "expressions of missing articles": "SELECT count(*) FROM timexes WHERE article_id NOT IN "
    "(SELECT id FROM articles)",
    "duplicate articles": "SELECT count(*) - count(DISTINCT id) FROM articles",
    "duplicate events": "SELECT count(*) - count(DISTINCT id) FROM events",
    "duplicate mentions": "SELECT count(*) FROM (SELECT event_id, article_id, start "
    "FROM mentions GROUP BY ALL HAVING count(*) > 1)",
    # the event row shows the last logged correction: never one without the other
    "corrections logged, not applied": """SELECT count(*) FROM events e JOIN (
        SELECT event_id, arg_max(label, seq) AS label FROM corrections
        WHERE label IS NOT NULL GROUP BY event_id) c ON c.event_id = e.id
        WHERE e.label <> c.label OR NOT e.human""",
}


def assert_whole(db: Path) -> dict[str, int]:
    """Open the store as the next run will (migrations, WAL replay) and check every
    invariant. Returns its row counts."""
    with Store(db) as store:
        stats = store.stats()
    con = duckdb.connect(str(db), read_only=True)
    try:
        broken = {k: n for k, sql in INVARIANTS.items() if (n := con.execute(sql).fetchone()[0])}
    finally:
        con.close()
    assert not broken, broken
    return stats


def query(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def base_db(tmp_path_factory) -> Path:
    """About 300 generated events from some 70 articles (closed, checkpointed)."""
    db = tmp_path_factory.mktemp("faults") / "base.duckdb"
    lt.build_store(db, 300, seed=11, batch=20)
    return db


@pytest.fixture
def db(base_db: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "g.duckdb"
    shutil.copy(base_db, copy)
    return copy


class Server:
    """The real server in its own process group, and a browser-like client of it."""

    def __init__(self, db: Path) -> None:
        self.log = db.with_suffix(".log")
        self.proc, self.port = lt.start_server(db, self.log)
        _, deps, _ = lt.request(self.port, "GET", "/_dash-dependencies")
        self.callbacks = lt.parse_dependencies(json.loads(deps))

    def client(self, seed: int = 0) -> lt.User:
        """A page as a browser shows it after loading."""
        user = lt.User(self.port, self.callbacks, lt.Recorder(), math.inf, random.Random(seed), 0)
        user.open_page()
        return user

    def callback(self, key: tuple[str, str]) -> lt.Callback:
        return next(cb for cb in self.callbacks if key in cb.inputs)

    def kill(self) -> None:
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(10)

    def stop(self) -> None:
        lt.stop_server(self.proc)


@pytest.fixture
def servers():
    started: list[Server] = []

    def start(db: Path) -> Server:
        started.append(Server(db))
        return started[-1]

    yield start
    for s in started:
        s.stop()


def test_server_killed_while_saving_corrections(db: Path, servers) -> None:
    rows = query(db, "SELECT id, label FROM events ORDER BY seq LIMIT 30")
    server = servers(db)
    correct = server.callback(("corr-save", "n_clicks"))
    details = server.callback(("selected-event", "data"))
    acked: list[tuple[str, str]] = []  # (event id, label) answered "Saved"
    in_flight: dict[int, tuple[str, str]] = {}
    lock = threading.Lock()

    def corrector(k: int) -> None:
        # Three people correcting their own events as fast as the server answers.
        user = server.client(k)
        mine = rows[k::3]
        for n in range(10_000):
            eid, label = mine[n % len(mine)]
            new = f"{label[:40]} (fix {k}.{n})"
            try:
                # Select the event (its details fill the form), edit the label, save.
                user.props[("selected-event", "data")] = eid
                user.fire(details, ["selected-event.data"])
                user.props[("corr-label", "value")] = new
                user.props[("corr-save", "n_clicks")] = n + 1
                with lock:
                    in_flight[k] = (eid, new)
                user.fire(correct, ["corr-save.n_clicks"])
            except lt.Failed:
                return  # the server is gone
            assert str(user.props[("corr-msg", "children")]).startswith("Saved"), user.props
            with lock:
                acked.append((eid, new))
                del in_flight[k]

    threads = [threading.Thread(target=corrector, args=(k,), daemon=True) for k in range(3)]
    for t in threads:
        t.start()
    deadline = time.monotonic() + 30
    while len(acked) < 24 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert len(acked) >= 24, f"only {len(acked)} corrections saved in 30 s"
    server.kill()
    for t in threads:
        t.join(10)

    stats = assert_whole(db)
    logged = set(query(db, "SELECT event_id, label FROM corrections"))
    assert set(acked) <= logged, "a saved correction was lost"
    assert logged - set(acked) <= set(in_flight.values()), "a correction nobody sent"
    last = {}
    for eid, label in acked:
        last[eid] = label
    stored = dict(query(db, "SELECT id, label FROM events WHERE human"))
    for eid, label in last.items():
        pending = [lbl for e, lbl in in_flight.values() if e == eid]
        assert stored[eid] in [label, *pending]

    # The restarted server shows the same store, corrections included.
    again = servers(db)
    page = again.client()
    summary = page.props[("summary", "children")]
    assert summary.startswith(f"{stats['events']:,} events"), summary
    eid = acked[-1][0]
    page.props[("selected-event", "data")] = eid
    page.fire(again.callback(("selected-event", "data")), ["selected-event.data"])
    assert page.props[("corr-label", "value")] == stored[eid]


def _jsonl(seed: int, n: int) -> tuple[str, list[str]]:
    """A JSONL upload of n generated articles (data URL) and their ids."""
    gen = lt.Generator(seed=seed)
    lines, ids = [], []
    for _ in range(n):
        a = gen.article(5).article
        record = {"id": f"up-{seed}-{a.id}", "title": a.title, "date": a.date.isoformat(),
                  "url": a.url, "body": a.body}  # fmt: skip
        lines.append(json.dumps(record))
        ids.append(record["id"])
    data = ("\n".join(lines) + "\n").encode("utf-8")
    return "data:application/json;base64," + base64.b64encode(data).decode("ascii"), ids


def _upload(user: lt.User, cb: lt.Callback, name: str, contents: str) -> str:
    user.props[("upload-payload", "data")] = {"name": name, "contents": contents, "at": 1}
    user.fire(cb, ["upload-payload.data"])
    return str(user.props.get(("upload-msg", "children")))


def test_server_killed_while_processing_an_upload(db: Path, servers) -> None:
    before = {r[0] for r in query(db, "SELECT id FROM articles")}
    server = servers(db)
    upload = server.callback(("upload-payload", "data"))
    user = server.client()
    warm, warm_ids = _jsonl(20, 1)  # loads the gazetteer; stored before the kill
    assert _upload(user, upload, "warm.jsonl", warm).startswith("Added 1 article")
    # A probe asks, over and over, for a correction of an event that does not exist: a
    # write that changes nothing. Writes take one lock (reads do not), so a probe that waits
    # means the upload's write is under way (extraction runs outside it).
    probe = server.client(1)
    probe.props[("selected-event", "data")] = "no-such-event"
    probe.props[("corr-label", "value")] = "probe"
    probe.props[("corr-actors", "value")] = "Russia"  # (a form naming nobody is refused first)
    probe.props[("corr-save", "n_clicks")] = 1
    probe_body = probe.body(server.callback(("corr-save", "n_clicks")), ["corr-save.n_clicks"])
    contents, ids = _jsonl(22, 400)
    result: list[str] = []
    t = threading.Thread(target=lambda: result.append(_try_upload(user, upload, contents)))
    t.start()
    waited = False
    while t.is_alive() and not waited:
        try:
            lt.request(server.port, "POST", probe.update_path, probe_body, timeout=0.2)
        except TimeoutError:
            waited = True
    server.kill()
    t.join(10)

    assert_whole(db)
    stored = {r[0] for r in query(db, "SELECT id FROM articles")}
    assert before | set(warm_ids) <= stored, "committed articles were lost"
    got = stored & set(ids)
    assert got in (set(), set(ids)), f"{len(got)} of {len(ids)} uploaded articles stored"
    outcome = "stored whole" if got else "rolled back"
    when = "while a probe waited on the store" if waited else "after the upload's answer"
    print(f"upload killed {when}: {outcome}")

    # Uploading the same file again after the restart completes it, once.
    again = servers(db)
    message = _upload(
        again.client(), again.callback(("upload-payload", "data")), "s.jsonl", contents
    )
    if got:
        assert message.startswith("Nothing added"), message
    else:
        assert message.startswith(f"Added {len(ids)} articles"), message
    again.stop()
    assert_whole(db)
    all_ids = [r[0] for r in query(db, "SELECT id FROM articles")]
    assert set(ids) <= set(all_ids) and len(all_ids) == len(set(all_ids))


def _try_upload(user: lt.User, cb: lt.Callback, contents: str) -> str:
    try:
        return _upload(user, cb, "second.jsonl", contents)
    except lt.Failed:
        return "killed"


def test_store_writer_killed_between_and_inside_transactions(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    seed = 5
    proc = subprocess.Popen(
        [sys.executable, str(Path(faults_writer.__file__)), str(db), str(seed)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    acked = -1
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            acked = int(line)
            if acked == 4:
                break
        time.sleep(random.uniform(0.0, 0.2))  # somewhere in batch 5 or 6
    finally:
        proc.kill()
        proc.wait(10)
        proc.stdout.close()
    assert acked == 4, "the writer died before its fifth batch"

    assert_whole(db)
    stored = {r[0] for r in query(db, "SELECT id FROM articles")}
    expected: set[str] = set()
    batches = faults_writer.batches(seed)
    committed = 0
    per_article: dict[str, tuple[int, int]] = {}
    while True:
        batch, _ = next(batches)
        ids = {r.article.id for r in batch}
        if not ids <= stored:
            assert not ids & stored, "a batch was stored in part"
            break
        expected |= ids
        per_article.update({r.article.id: (len(r.events), len(r.timexes)) for r in batch})
        committed += 1
    assert stored == expected and committed >= 5
    mentions = dict(query(db, "SELECT article_id, count(*) FROM mentions GROUP BY ALL"))
    timexes = dict(query(db, "SELECT article_id, count(*) FROM timexes GROUP BY ALL"))
    for aid, (n_events, n_timexes) in per_article.items():
        assert (mentions.get(aid, 0), timexes.get(aid, 0)) == (n_events, n_timexes), aid
    fixes = {r[0] for r in query(db, "SELECT label FROM corrections")}
    assert {f"fix {n}" for n in range(acked + 1)} <= fixes <= {f"fix {n}" for n in range(committed)}


def test_ingest_with_workers_killed_then_rerun(tmp_path: Path) -> None:
    corpus = tmp_path / "news"
    corpus.mkdir()
    gen = lt.Generator(seed=31)
    n = BATCH_SIZE + 200  # more than one transaction
    for i in range(n):
        a = gen.article(4).article
        text = f"{a.title}\n{a.date:%Y%m%d}\n{a.url}\n{a.body}\n"
        (corpus / f"n{i:05d}.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "ingest.duckdb"
    cmd = [sys.executable, "-m", "dashapp", "ingest", str(corpus), "--db", str(db),
           "--workers", "2", "--progress"]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(
        cmd, stderr=subprocess.PIPE, env=env, cwd=tmp_path, start_new_session=True
    )
    assert proc.stderr is not None
    seen = b""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        chunk = os.read(proc.stderr.fileno(), 4096)
        if not chunk:
            break
        seen += chunk
        done = [int(k) for k in re.findall(rb"\] (\d+)/%d" % n, seen)]
        if done and done[-1] >= BATCH_SIZE:  # the bar moves on after each transaction
            break
    os.kill(proc.pid, signal.SIGKILL)  # the parent only, as the OOM killer would
    proc.wait(10)
    proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL, seen.decode(errors="replace")
    orphans = _left_in_group(proc.pid, wait=3.0)

    first = assert_whole(db)["articles"]
    assert BATCH_SIZE <= first < n
    done = subprocess.run(cmd[:-1], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert f"skipped {first} unchanged" in done.stderr
    stats = assert_whole(db)
    assert stats["articles"] == n
    # pool workers watch the parent and exit with it (they used to block on their task
    # queue forever and keep the forkserver alive)
    assert orphans == 0, f"{orphans} ingest helper processes outlived their killed parent"


def _left_in_group(pgid: int, wait: float) -> int:
    """How many processes of group `pgid` are still running after `wait` seconds (they
    are then killed: the test started them)."""
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return 0
        time.sleep(0.1)
    left = subprocess.run(["pgrep", "-g", str(pgid)], capture_output=True, text=True).stdout
    os.killpg(pgid, signal.SIGKILL)
    return len(left.split())
