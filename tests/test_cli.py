"""The CLI end to end in a subprocess, as a user runs it: exit codes, one-line errors,
the stable JSON shape, CSV, tag JSONL, reference-date override."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "000_b0493dc1623e2b1d.txt"


def run(*args: str, cwd: Path = ROOT, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "dashapp", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        input=stdin,
        timeout=120,
    )


@pytest.fixture(scope="module")
def seed_json() -> dict:
    proc = run("extract", str(SEED))
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


def test_extract_json_shape(seed_json):
    assert set(seed_json) >= {"articles", "events", "actors"}
    (article,) = seed_json["articles"]
    assert article["date"] == "2022-01-03" and article["id"] == "000_b0493dc1623e2b1d"
    assert seed_json["events"], "the example article has events"
    for ev in seed_json["events"]:
        assert {
            "id",
            "label",
            "type",
            "start",
            "end",
            "value",
            "granularity",
            "actors",
            "mentions",
            "quad_class",
            "source",
            "target",
            "approximate",
            "articles",
        } <= set(ev)
        assert ev["start"] <= ev["end"]
        for m in ev["mentions"]:
            assert {
                "article",
                "text",
                "start",
                "end",
                "type",
                "value",
                "sentence",
                "explanation",
            } <= set(m)
    names = {a["name"] for a in seed_json["actors"]}
    assert {a for ev in seed_json["events"] for a in ev["actors"]} <= names


def test_extract_offsets_index_the_body(seed_json):
    body = "\n".join(SEED.read_text(encoding="utf-8").split("\n")[3:])
    for ev in seed_json["events"]:
        for m in ev["mentions"]:
            assert body[m["start"] : m["end"]] == m["text"]
            assert m["sentence"] in body


def test_extract_csv(tmp_path):
    out = tmp_path / "events.csv"
    proc = run("extract", str(SEED), "--format", "csv", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows and all(r["start"] <= r["end"] for r in rows)
    assert {"label", "type", "actors", "value"} <= set(rows[0])


def test_bad_file_does_not_stop_the_good_one(tmp_path):
    (tmp_path / "good.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "bad.txt").write_text("Title\n20221341\nhttp://x\nBody text.\n", encoding="utf-8")
    proc = run("extract", str(tmp_path))
    assert proc.returncode == 1
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "bad.txt" in lines[0] and "20221341" in lines[0]
    assert "Traceback" not in proc.stderr
    assert [a["id"] for a in json.loads(proc.stdout)["articles"]] == ["good"]


def test_missing_path_and_usage_errors_are_one_line():
    proc = run("extract", "no/such/file.txt")
    assert proc.returncode == 1 and "no such file" in proc.stderr
    assert "Traceback" not in proc.stderr
    proc = run("extract", str(SEED), "--reference-date", "2022-02-30")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


def test_reference_date_override_re_resolves(seed_json):
    proc = run("extract", str(SEED), "--reference-date", "2022-01-10")
    assert proc.returncode == 0, proc.stderr
    shifted = json.loads(proc.stdout)

    def values(doc: dict) -> dict[str, str]:
        return {
            t["text"] + str(t["start"]): t["value"]
            for t in doc["articles"][0]["timexes"]
            if t["text"].startswith("Thursday")
        }

    before, after = values(seed_json), values(shifted)
    assert before and before.keys() == after.keys()
    assert set(before.values()) == {"2021-12-30"} and set(after.values()) == {"2022-01-06"}


def test_tag_jsonl_round_trip(tmp_path):
    src = tmp_path / "in.jsonl"
    docs = [
        {"doc_id": "d1", "dct": "2022-01-03", "text": "Biden spoke to Putin on Thursday."},
        {"doc_id": "d2", "dct": None, "text": "In 1914 the war began.", "extra": 1},
    ]
    src.write_text("".join(json.dumps(d) + "\n" for d in docs) + "not json\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = run("tag", str(src), "-o", str(out))
    assert proc.returncode == 1 and f"{src}:3: invalid JSON record: " in proc.stderr
    # a record without a reference date is tagged, and said once
    assert f"{src}: 1 record(s) without a 'dct' (line 2)" in proc.stderr
    got = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [g["doc_id"] for g in got] == ["d1", "d2"]
    for doc, g in zip(docs, got, strict=True):
        for t in g["timexes"]:
            assert doc["text"][t["start"] : t["end"]] == t["text"]
    assert ("Thursday", "2021-12-30") in {(t["text"], t["value"]) for t in got[0]["timexes"]}
    assert ("1914", "1914") in {(t["text"], t["value"]) for t in got[1]["timexes"]}


def test_user_actors_file_adds_actors(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text(
        "Border talks\n20240311\nhttps://example.org/a\n"
        "Officials from Freedonia and Ukraine met on Friday in Geneva.\n",
        encoding="utf-8",
    )
    extra = tmp_path / "actors.json"
    extra.write_text(
        json.dumps(
            {"actors": [{"name": "Freedonia", "kind": "country", "aliases": ["Freedonian"]}]}
        ),
        encoding="utf-8",
    )
    plain = json.loads(run("extract", str(article)).stdout)
    assert "Freedonia" not in {a["name"] for a in plain["actors"]}
    proc = run("extract", str(article), "--actors", str(extra))
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    (ev,) = doc["events"]
    assert ev["value"] == "2024-03-08" and {"Freedonia", "Ukraine"} <= set(ev["actors"])
    assert {"name": "Freedonia", "kind": "country", "affiliation": None} in doc["actors"]
    proc = run("extract", str(article), "--actors", str(tmp_path / "missing.json"))
    assert proc.returncode == 2 and "missing.json" in proc.stderr


def test_debug_mode_is_refused_on_a_network_address():
    proc = run("serve", str(SEED), "--host", "0.0.0.0", "--debug")
    assert proc.returncode == 2 and "--debug" in proc.stderr and "Traceback" not in proc.stderr


def test_export_json_is_the_extract_shape(seed_json, tmp_path):
    out = tmp_path / "all.json"
    proc = run("export", str(SEED), "-o", str(out), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert set(doc) == set(seed_json)

    def key(d: dict) -> set:
        return {(e["label"], e["value"], tuple(e["actors"])) for e in d["events"]}

    assert key(doc) == key(seed_json)
    assert doc["articles"][0]["timexes"] == seed_json["articles"][0]["timexes"]
    proc = run("export", str(SEED), "-o", str(out), "--format", "json", "--actor", "NATO")
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["events"] and all("NATO" in e["actors"] for e in doc["events"])


@pytest.mark.parametrize("command", [["extract"], ["export", "-o", "out.csv"], ["ingest"]])
def test_missing_actors_file_is_one_line_for_every_command(command, tmp_path):
    args = [command[0], str(SEED), *command[1:], "--actors", str(tmp_path / "missing.json")]
    if command[0] == "ingest":
        args += ["--db", str(tmp_path / "db.duckdb")]
    proc = run(*args, cwd=tmp_path)
    assert proc.returncode == 2 and "--actors: no such file" in proc.stderr
    assert "internal error" not in proc.stderr and "Traceback" not in proc.stderr


def test_ingest_runs_with_the_collector_tuned_and_leaves_it_as_it_was(tmp_path, monkeypatch):
    import gc

    from dashapp import batch, cli
    from dashapp.gc_tuning import GC_YOUNG_THRESHOLD

    seen = []

    def ingest_command(paths: object, **kw: object) -> int:  # records the collector's state
        seen.append((gc.get_threshold()[0], gc.get_freeze_count() > 0))
        return 0

    monkeypatch.setattr(batch, "ingest_command", ingest_command)
    before = gc.get_threshold()
    assert cli.main(["ingest", str(SEED), "--db", str(tmp_path / "x.duckdb")]) == 0
    assert seen == [(GC_YOUNG_THRESHOLD, True)]
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0


def test_ingest_memory_budget_reaches_ingest_in_bytes_and_a_negative_one_is_refused(
    tmp_path, monkeypatch
):
    from dashapp import batch, cli

    seen = []

    def ingest_command(paths: object, **kw: object) -> int:
        seen.append(kw["memory_budget"])
        return 0

    monkeypatch.setattr(batch, "ingest_command", ingest_command)
    db = ["--db", str(tmp_path / "x.duckdb")]
    assert cli.main(["ingest", str(SEED), *db, "--memory-budget", "400"]) == 0
    assert cli.main(["ingest", str(SEED), *db, "--memory-budget", "0"]) == 0
    assert cli.main(["ingest", str(SEED), *db]) == 0
    assert seen == [400 * 2**20, 0, None]  # None: batch.MEMORY_BUDGET
    for bad in ("-1", "inf", "nan"):
        err = io.StringIO()
        assert cli.main(["ingest", str(SEED), *db, "--memory-budget", bad], err=err) == 2
        assert (
            err.getvalue()
            == "geotimeline: error: --memory-budget must be a number of MB, 0 or more\n"
        )
    assert len(seen) == 3


def _keys(doc: dict) -> set[tuple[str, str, bool]]:
    return {(e["label"], e["value"], e["approximate"]) for e in doc["events"]}


def test_implied_events_are_opt_in_approximate_and_reach_every_command(seed_json, tmp_path):
    """'a phone call, their second in just over three weeks' implies an earlier call:
    --implied-events adds it, about three weeks before (2021-12-30 -> the week of
    2021-12-09), marked approximate; without the flag nothing changes. ingest keeps it
    apart from a plain extraction (the article is extracted again under the other
    setting), and export reads the same events."""
    proc = run("extract", str(SEED), "--implied-events")
    assert proc.returncode == 0, proc.stderr
    implied = json.loads(proc.stdout)
    added = _keys(implied) - _keys(seed_json)
    assert _keys(seed_json) < _keys(implied)
    assert not any(approx for _, _, approx in _keys(seed_json))
    assert [(value, approx) for label, value, approx in added if "Biden-Putin" in label] == [
        ("2021-W49", True)
    ]
    out = tmp_path / "all.json"
    proc = run("export", str(SEED), "-o", str(out), "--implied-events")
    assert proc.returncode == 0, proc.stderr
    assert _keys(json.loads(out.read_text(encoding="utf-8"))) == _keys(implied)

    db = tmp_path / "g.duckdb"
    proc = run("ingest", str(SEED), "--db", str(db), "--workers", "1")
    assert proc.returncode == 0, proc.stderr
    proc = run("ingest", str(SEED), "--db", str(db), "--workers", "1", "--implied-events")
    assert "ingested 1 article (1 replaced)" in proc.stderr, proc.stderr
    proc = run("export", "--db", str(db), "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    assert _keys(json.loads(out.read_text(encoding="utf-8"))) == _keys(implied)


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("db") / "seed.duckdb"
    proc = run("ingest", str(SEED), "--db", str(db), "--workers", "1")
    assert proc.returncode == 0, proc.stderr
    return db


def test_export_and_serve_refuse_what_they_cannot_read_or_write_in_one_line(seed_db, tmp_path):
    """A database that does not exist is not made up empty, a folder or another file is no
    database, an export writes into an existing folder or not at all (no '.part' left),
    reads files or a database but never adds the one to the other, and a window that ends
    before it starts is refused."""
    (tmp_path / "notdb.duckdb").write_text("not a database")
    (tmp_path / "folder").mkdir()
    out = str(tmp_path / "o.json")
    cases = [
        (["export", "--db", str(tmp_path / "typo.duckdb"), "-o", out], "no such database"),
        (["serve", "--db", str(tmp_path / "typo.duckdb")], "no such database"),
        (["export", "--db", str(tmp_path / "folder"), "-o", out], "a folder, not a database"),
        (["export", "--db", str(tmp_path / "notdb.duckdb"), "-o", out], "cannot open database"),
        (["export", "--db", str(seed_db), "-o", str(tmp_path / "no" / "o.json")], "no such folder"),
        (
            ["export", "--db", str(seed_db), "-o", str(tmp_path / "folder"), "--format", "csv"],
            "a folder",
        ),
        (["export", str(SEED), "--db", str(seed_db), "-o", out], "not both"),
        (
            [
                "export",
                "--db",
                str(seed_db),
                "-o",
                out,
                "--from",
                "2023-01-01",
                "--to",
                "2022-01-01",
            ],
            "is after --to",
        ),
    ]
    for args, problem in cases:
        proc = run(*args, cwd=tmp_path)
        assert proc.returncode == 2, (args, proc.stderr)
        (line,) = proc.stderr.splitlines()
        assert line.startswith("geotimeline: error: ") and problem in line, (args, line)
    assert not (tmp_path / "typo.duckdb").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder", "notdb.duckdb"]
    assert list((tmp_path / "folder").iterdir()) == []
    proc = run("export", "--db", str(seed_db), "-o", out, "--from", "2022-13-01", cwd=tmp_path)
    assert proc.returncode == 2 and "impossible date '2022-13-01'" in proc.stderr


def _export_csv(seed_db: Path, tmp_path: Path, *args: str) -> tuple[int, list[dict], str]:
    out = tmp_path / "x.csv"
    out.unlink(missing_ok=True)
    proc = run("export", "--db", str(seed_db), "-o", str(out), *args, cwd=tmp_path)
    text = out.read_text(encoding="utf-8") if out.exists() else ""
    rows = list(csv.DictReader(io.StringIO(text)))
    return proc.returncode, rows, proc.stderr


def test_export_reads_actor_and_type_names_as_the_dashboard_does(seed_db, tmp_path):
    """--actor takes any letter case and the gazetteer's aliases, as the correction form
    does ("putin" is Vladimir Putin, said in a note), --type any letter case; the events are
    those of the exact names."""
    code, russia, _ = _export_csv(seed_db, tmp_path, "--actor", "Russia")
    assert code == 0 and russia
    assert _export_csv(seed_db, tmp_path, "--actor", "russia")[:2] == (0, russia)
    code, putin, stderr = _export_csv(seed_db, tmp_path, "--actor", "putin")
    assert code == 0 and putin and all("Vladimir Putin" in r["actors"] for r in putin)
    assert stderr.splitlines()[0] == "geotimeline: note: --actor putin means Vladimir Putin"
    assert _export_csv(seed_db, tmp_path, "--actor", "Vladimir Putin")[1] == putin
    code, consult, _ = _export_csv(seed_db, tmp_path, "--type", "CONSULT")
    assert code == 0 and consult and {r["type"] for r in consult} == {"CONSULT"}
    assert _export_csv(seed_db, tmp_path, "--type", "consult")[:2] == (0, consult)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--actor", "Nobody Atall"], "unknown actor 'Nobody Atall'"),
        (["--actor", "Rusia"], "unknown actor 'Rusia' (did you mean Russia"),
        (["--type", "ASAULT"], "unknown event type 'ASAULT' (did you mean ASSAULT"),
        (["--type", "FOO"], "unknown event type 'FOO' (the types: AGREE, CONSULT,"),
        (["--affiliated"], "--affiliated needs --actor NAME"),
    ],
)
def test_export_refuses_unknown_actor_and_type_names_in_one_line(seed_db, tmp_path, args, message):
    """A near-miss name is an error that suggests the close names, exit 2, no file: not
    a silent export of 0 events."""
    code, _, stderr = _export_csv(seed_db, tmp_path, *args)
    assert code == 2
    (line,) = stderr.splitlines()
    assert line.startswith("geotimeline: error: ") and message in line, line
    assert not (tmp_path / "x.csv").exists()


def test_export_affiliated_adds_the_people_and_says_so_in_the_title(seed_db, tmp_path):
    """--affiliated, the dashboard's option: Russia with Putin's events; the TimelineJS
    headline says "and affiliated people"."""
    _, russia, _ = _export_csv(seed_db, tmp_path, "--actor", "Russia")
    code, both, _ = _export_csv(seed_db, tmp_path, "--actor", "Russia", "--affiliated")
    assert code == 0 and {r["id"] for r in russia} < {r["id"] for r in both}
    assert {r["label"] for r in both} - {r["label"] for r in russia} == {"Biden-Putin call"}
    out = tmp_path / "t.json"
    args = ["--actor", "russia", "--affiliated", "--type", "consult", "--format", "timelinejs"]
    proc = run("export", "--db", str(seed_db), "-o", str(out), *args, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["title"]["text"]["headline"] == "Timeline: Russia and affiliated people (CONSULT)"
    assert {e["text"]["headline"] for e in doc["events"]} >= {"Biden-Putin call"}


@pytest.mark.parametrize("how", ["option", "variable"])
@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_a_bad_actors_file_is_one_error_before_any_article(command, how, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    args = [
        command,
        str(ROOT / "data"),
        *(["--db", str(tmp_path / "g.duckdb")] if command == "ingest" else []),
    ]
    for actors, problem in ((bad, "not valid JSON"), (tmp_path / "missing.json", "no such")):
        if how == "option":
            proc = run(*args, "--actors", str(actors), cwd=tmp_path)
        else:
            proc = subprocess.run(
                [sys.executable, "-m", "dashapp", *args],
                cwd=tmp_path,
                capture_output=True,
                text=True,
                timeout=120,
                env={**os.environ, "GEOTIMELINE_ACTORS": str(actors)},
            )
        assert proc.returncode == 2, proc.stderr
        (line,) = proc.stderr.splitlines()
        assert line.startswith("geotimeline: error: ") and problem in line, line
    assert not (tmp_path / "g.duckdb").exists()


def test_more_workers_than_cores_are_capped_with_a_note(tmp_path, monkeypatch):
    from dashapp import batch, cli

    seen = []
    monkeypatch.setattr(
        batch, "ingest_command", lambda paths, **kw: seen.append(kw["workers"]) or 0
    )
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    db = ["--db", str(tmp_path / "x.duckdb")]
    err = io.StringIO()
    assert cli.main(["ingest", str(SEED), *db, "--workers", "999"], err=err) == 0
    assert cli.main(["ingest", str(SEED), *db, "--workers", "2"], err=err) == 0
    assert seen == [2, 2]
    assert err.getvalue() == (
        "geotimeline: note: --workers 999: this machine has 2 cores; using 2\n"
    )


def _stop(server: subprocess.Popen) -> None:
    server.terminate()
    try:
        server.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        server.kill()
        server.communicate()


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_with_nothing_to_serve_exits_instead_of_starting_empty(tmp_path):
    """Paths of which nothing can be read (mistyped, or no article in them), or plain
    `serve` where there is no data/ folder, exit 2 with a last line that says so: no
    empty dashboard, no database made up. (An existing folder, even empty, is served:
    uploads go there.)"""
    (tmp_path / "bad.txt").write_text("no date\n")
    port = str(_free_port())
    cases = [
        (["serve", "nosuchdir", "--port", port], "no article could be read from nosuchdir"),
        (["serve", "a", "b", "--port", port], "no article could be read from a, b"),
        (["serve", "bad.txt", "--port", port], "no article could be read from bad.txt"),
        (
            ["serve", "nosuchdir", "--db", "new.duckdb", "--port", port],
            "no article could be read from nosuchdir",
        ),
        (["serve", "--port", port], "no data/ folder here"),
        (["serve", "--port", "70000"], "--port 70000: a port is a number from 1 to 65535"),
    ]
    for args, problem in cases:
        proc = run(*args, cwd=tmp_path)
        assert proc.returncode == 2, (args, proc.stderr)
        last = proc.stderr.splitlines()[-1]
        assert last.startswith("geotimeline: error: ") and problem in last, (args, last)
        assert "dashboard on" not in proc.stderr and "Traceback" not in proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.txt"]


def test_serve_on_a_port_in_use_says_so_before_any_url(tmp_path):
    import socket

    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        proc = run("serve", str(SEED), "--port", str(port), cwd=tmp_path)
    assert proc.returncode == 2
    (line,) = proc.stderr.splitlines()
    assert line == (
        f"geotimeline: error: port {port} is in use on 127.0.0.1 (another server runs "
        "there): stop it or choose another with --port N"
    )


def test_a_database_another_geotimeline_holds_is_one_line_that_names_it(seed_db, tmp_path):
    """DuckDB lets one process open a database file: while `serve --db` runs, export and
    ingest on the same file say which process holds it and what to do, in one line."""
    import shutil

    db = tmp_path / "held.duckdb"
    shutil.copy(seed_db, db)
    server = subprocess.Popen(
        [sys.executable, "-m", "dashapp", "serve", "--db", str(db), "--port", str(_free_port())],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert server.stderr is not None
        started = server.stderr.readline()  # the store is open once this is printed
        assert "dashboard on" in started, started
        for args in (
            ["export", "--db", str(db), "-o", str(tmp_path / "x.csv")],
            ["ingest", str(SEED), "--db", str(db)],
        ):
            proc = run(*args, cwd=tmp_path)
            assert proc.returncode == 2, proc.stderr
            (line,) = proc.stderr.splitlines()
            assert line == (
                f"geotimeline: error: cannot open database {db}: geotimeline serve "
                f"(PID {server.pid}) has it open, and a database is used by one process at "
                "a time: stop that process first (while the dashboard serves it, export "
                "from the dashboard's Export buttons)"
            )
        assert not (tmp_path / "x.csv").exists()
    finally:
        _stop(server)


@pytest.mark.parametrize("inputs", [["nosuchdir", "SEED"], ["empty"]])
def test_serve_starts_on_what_it_can_read_or_on_an_empty_folder(tmp_path, inputs):
    """Some readable inputs and a missing one: the readable ones are served and the
    missing one listed; an existing empty folder is served (uploads are saved there)."""
    (tmp_path / "empty").mkdir()
    paths = [str(SEED) if p == "SEED" else p for p in inputs]
    server = subprocess.Popen(
        [sys.executable, "-m", "dashapp", "serve", *paths, "--port", str(_free_port())],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONPATH": str(ROOT)},
    )
    try:
        assert server.stderr is not None
        lines = [server.stderr.readline() for _ in range(len(inputs))]
        assert "dashboard on" in lines[-1], lines
        if "nosuchdir" in inputs:
            assert lines[0] == "geotimeline: error: nosuchdir: no such file or directory\n"
    finally:
        _stop(server)


def test_serve_into_a_store_keeps_a_stored_article_of_another_source(tmp_path):
    """serve PATH --db: a file whose id a stored article of another file holds is stored
    beside it as "id~2", as ingest stores it; serving the first file again changed
    replaces its own article only."""
    from dashapp.app.serve import load_store

    def write(rel: str, title: str, body: str) -> None:
        (tmp_path / rel).parent.mkdir(exist_ok=True)
        (tmp_path / rel).write_text(f"{title}\n20220103\nhttps://x.org/{rel}\n{body}\n", "utf-8")

    write("jan/report.txt", "January", "Putin called Biden on Thursday.")
    write("feb/report.txt", "February", "NATO ministers met in Brussels on Friday.")
    db = tmp_path / "g.duckdb"
    run("ingest", "jan", "--db", str(db), cwd=tmp_path)
    store, problems = load_store([tmp_path / "feb"], db=db, err=io.StringIO())
    assert problems == 0
    assert {a.id: a.title for a in store.articles()} == {
        "report": "January",
        "report~2": "February",
    }
    store.close()
    write("jan/report.txt", "January, revised", "Putin called Biden on Thursday night.")
    store, _ = load_store([tmp_path / "jan"], db=db, err=io.StringIO())
    assert {a.id: a.title for a in store.articles()} == {
        "report": "January, revised",
        "report~2": "February",
    }
    store.close()


def test_extract_and_serve_keep_one_copy_of_an_article(tmp_path):
    """The same article in two folders, or under another name, is one article for
    extract and for serve's folder mode: the copies are dropped with a note naming both
    inputs (not a failure); serve --db does not add again what the store holds."""
    from dashapp.app.serve import load_store

    text = SEED.read_text(encoding="utf-8")
    for rel in ("sanity/a01.txt", "mixed/a01.txt", "mixed/renamed.txt"):
        (tmp_path / rel).parent.mkdir(exist_ok=True)
        (tmp_path / rel).write_text(text, encoding="utf-8")
    proc = run("extract", "sanity", "mixed", "--format", "json", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert [a["id"] for a in json.loads(proc.stdout)["articles"]] == ["a01"]
    assert proc.stderr.splitlines() == [
        "geotimeline: note: mixed/a01.txt: the same article as sanity/a01.txt, skipped",
        "geotimeline: note: mixed/renamed.txt: the same article as sanity/a01.txt, skipped",
    ]
    rows = list(
        csv.DictReader(
            io.StringIO(run("extract", "sanity", "mixed", "--format", "csv", cwd=tmp_path).stdout)
        )
    )
    assert rows and {r["articles"] for r in rows} == {"1"}
    err = io.StringIO()
    store, problems = load_store([tmp_path / "sanity", tmp_path / "mixed"], db=None, err=err)
    assert problems == 0 and [a.id for a in store.articles()] == ["a01"]
    store.close()
    db = tmp_path / "g.duckdb"
    load_store([tmp_path / "sanity"], db=db, err=io.StringIO())[0].close()
    err = io.StringIO()
    store, problems = load_store([tmp_path / "mixed" / "renamed.txt"], db=db, err=err)
    assert problems == 0 and [a.id for a in store.articles()] == ["a01"], err.getvalue()
    assert "renamed.txt: the same article as" in err.getvalue()
    store.close()
