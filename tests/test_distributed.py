"""The Dask engine on a small in-process LocalCluster: same store as a local ingest, for
text, JSONL and Parquet inputs with bad records; a second run skips everything."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from test_batch import exported, make_corpus, run, stub_extractor

from dashapp import batch, distributed
from dashapp.models import Article

distributed_mod = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def cluster():
    # Two single-threaded workers inside this process: quick to start, and the tasks
    # still run concurrently and go through the scheduler as on a real cluster.
    with distributed_mod.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0"
    ) as c:
        yield c


def _inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "news"
    make_corpus(folder, 50)
    make_corpus(folder / "more", 30, start=50)
    (folder / "more" / "art0001.txt").write_text(  # same stem as another file: id~2
        "Dup\n20220105\nu\nRussia and France held talks on January 4, 2022.\n"
    )
    records = [
        {
            "id": f"j{i}",
            "title": f"J{i}",
            "date": f"2022-03-0{1 + i % 9}",
            "url": "u",
            "text": f"France and Ukraine signed an agreement on March {1 + i % 9}, 2022.",
        }
        for i in range(20)
    ]
    lines = [json.dumps(r) for r in records] + ["{broken", json.dumps({"title": "no date"})]
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n")
    table = pa.Table.from_pylist(
        [
            {
                "title": f"P{i}",
                "date": f"2022-04-1{i % 9}",
                "url": "u",
                "text": f"Putin and Zelensky held talks on April 1{i % 9}, 2022.",
            }
            for i in range(15)
        ]
    )
    pq.write_table(table, folder / "rows.parquet")
    return folder


@pytest.mark.parametrize("ahead", [distributed.PARTITIONS_AHEAD, 1])
def test_dask_engine_equals_local(cluster, tmp_path: Path, monkeypatch, ahead: int) -> None:
    folder = _inputs(tmp_path)
    # duplicates of other articles (another id, the same content), in later partitions
    record = json.loads((folder / "feed.jsonl").read_text().splitlines()[0])
    (folder / "more" / "again.jsonl").write_text(json.dumps({**record, "id": "j0-again"}) + "\n")
    (folder / "more" / "copy of 3.txt").write_bytes((folder / "art0003.txt").read_bytes())
    # small partitions: the JSONL file is read in blocks by several tasks; with one
    # partition ahead, each is planned only once the one before it is stored
    monkeypatch.setattr(distributed, "JSONL_LINES_PER_PARTITION", 6)
    monkeypatch.setattr(distributed, "FILES_PER_PARTITION", 16)
    monkeypatch.setattr(distributed, "PARTITIONS_AHEAD", ahead)
    local_db, dask_db = tmp_path / "local.duckdb", tmp_path / "dask.duckdb"
    code_local, err_local = run([folder], local_db)
    err = io.StringIO()
    code = batch.ingest_command(
        [str(folder)],
        db=dask_db,
        workers=None,
        engine="dask",
        scheduler=cluster.scheduler_address,
        extractor=stub_extractor,
        err=err,
    )
    out = err.getvalue()
    assert code == code_local == 1, out  # the two bad JSONL records
    assert (
        "ingested 116 articles (0 replaced), skipped 2 unchanged "
        "(2 duplicates of other articles), failed 2" in out
    ), out
    assert out.count("geotimeline: error:") == 2 and "feed.jsonl:21: invalid JSON" in out
    assert "ingested 116 articles (0 replaced), skipped 2 unchanged (2 duplicates" in err_local, (
        err_local
    )
    local = exported(local_db)
    assert len(local["articles"]) == 116 and "art0001~2" in {a["id"] for a in local["articles"]}
    assert exported(dask_db) == local
    # staging files are cleaned up
    assert not list((tmp_path / "staging").rglob("*.parquet"))

    err = io.StringIO()
    code = batch.ingest_command(
        [str(folder)],
        db=dask_db,
        workers=None,
        engine="dask",
        scheduler=cluster.scheduler_address,
        extractor=stub_extractor,
        err=err,
    )
    assert (
        "ingested 0 articles (0 replaced), skipped 118 unchanged (2 duplicates of other "
        "articles), failed 2" in err.getvalue()
    )
    assert exported(dask_db) == local
    # a local ingest of the same files by a relative path finds the Dask run's articles
    monkeypatch.chdir(tmp_path)
    assert "ingested 0 articles (0 replaced), skipped 118" in run(["news"], dask_db)[1]


def test_partitions_follow_input_order(tmp_path: Path) -> None:
    folder = _inputs(tmp_path)
    parts, errors = distributed.plan_partitions([str(folder), str(tmp_path / "nope")], size=16)
    assert [e.problem for e in errors] == ["no such file or directory"]
    units = [u for p in parts for u in p.units]
    assert len(units) == len(set(units)) == 83
    assert [p.index for p in parts] == list(range(len(parts)))
    # a JSONL or Parquet file (or block of one) is a partition of its own
    assert all(len(p.units) == 1 for p in parts if p.units[0][0].endswith((".jsonl", ".parquet")))
    assert max(len(p.units) for p in parts) == 16


def test_split_jsonl_and_parquet_read_as_whole_files(tmp_path: Path) -> None:
    folder = _inputs(tmp_path)
    feed = folder / "feed.jsonl"
    feed.write_text("\n" + feed.read_text() + "\n\n")  # blank lines move the numbering
    table = pq.read_table(folder / "rows.parquet")
    pq.write_table(table, folder / "rows.parquet", row_group_size=4)  # 4 row groups
    for name, blocks in (("feed.jsonl", 5), ("rows.parquet", 4)):
        path = str(folder / name)
        parts, _ = distributed.plan_partitions([path], lines_per_part=5)
        assert len(parts) == blocks
        split = [x for p in parts for x in distributed._read_partition(p)]
        whole = list(distributed.read_any(path))
        show = [x if isinstance(x, Article) else str(x) for x in whole]
        assert [x if isinstance(x, Article) else str(x) for x in split] == show
        assert len(show) == (22 if name == "feed.jsonl" else 15)


def test_fsspec_urls_read_like_local_files(tmp_path: Path) -> None:
    folder = _inputs(tmp_path)
    for name in ("art0003.txt", "feed.jsonl", "rows.parquet"):
        local = list(distributed.read_any(str(folder / name)))
        remote = list(distributed.read_any(f"file://{folder / name}"))
        key = [(x.id, x.title, x.date, x.body) if isinstance(x, Article) else str(x) for x in local]
        assert [
            (x.id, x.title, x.date, x.body)
            if isinstance(x, Article)
            else str(x).replace("file://", "")
            for x in remote
        ] == key
    parts, _ = distributed.plan_partitions([f"file://{folder}/more/*.txt"])
    assert sum(len(p.units) for p in parts) == 31


def test_dask_engine_ships_the_users_actors_file(cluster, tmp_path: Path, monkeypatch) -> None:
    actors = tmp_path / "actors.json"
    actors.write_text(json.dumps({"actors": [{"name": "Freedonia", "kind": "country"}]}))
    monkeypatch.setenv("GEOTIMELINE_ACTORS", str(actors))
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text(
        "Talks\n20220305\nu\nFreedonia and France held talks in Geneva on March 3, 2022.\n"
    )
    err = io.StringIO()
    db = tmp_path / "g.duckdb"
    code = batch.ingest_command(
        [str(news)],
        db=db,
        workers=None,
        engine="dask",
        scheduler=cluster.scheduler_address,
        err=err,
    )
    assert code == 0, err.getvalue()
    (event,) = exported(db)["events"]
    assert "Freedonia" in event["actors"]
    # what the workers run needs the text only, not the file or the variable
    text = actors.read_text()
    actors.unlink()
    monkeypatch.delenv("GEOTIMELINE_ACTORS")
    from dashapp.ingest import load

    _, events, found = batch.ShippedActors(text)(load(news)[0], "news")
    assert "Freedonia" in events[0].actors and "Freedonia" in {a.name for a in found}


def test_an_unreachable_scheduler_is_one_user_error(tmp_path: Path, monkeypatch) -> None:
    """A scheduler that does not answer (nothing listens at the address) or an address
    Dask cannot read is one line that names it, exit 2: not an internal error."""
    import socket

    monkeypatch.setattr(distributed, "CONNECT_TIMEOUT", 1, raising=False)
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    make_corpus(tmp_path / "news", 3)
    for address, reason in [
        (f"tcp://127.0.0.1:{port}", "Timed out trying to connect"),
        ("bogus://host:8786", "unknown address scheme 'bogus'"),
    ]:
        code, err = run(
            [tmp_path / "news"], tmp_path / "db.duckdb", engine="dask", scheduler=address
        )
        assert code == 2, err
        (line,) = err.splitlines()
        assert line.startswith(
            f"geotimeline: error: cannot reach the Dask scheduler at {address}: "
        )
        assert reason in line


def test_dask_ingest_writes_under_the_dask_memory_budget(
    cluster, tmp_path: Path, monkeypatch
) -> None:
    """The writer sizes its transactions against distributed.MEMORY_BUDGET in Dask mode
    (its process also runs Dask's client, and the workers on this machine are fresh
    interpreters), against batch.MEMORY_BUDGET in local mode; --memory-budget wins."""
    make_corpus(tmp_path / "news", 12)
    seen: list[tuple[str, int]] = []
    sizing = batch.next_batch_size

    def recorded(size, pooled, most, **kw):
        seen.append((engine, kw["budget"]))
        return sizing(size, pooled, most, **kw)

    monkeypatch.setattr(batch, "next_batch_size", recorded)
    monkeypatch.setattr(batch, "BATCH_SIZE", 4)  # several transactions
    for engine, given in [("dask", None), ("local", None), ("dask", 300 * 2**20)]:
        code, err = run(
            [tmp_path / "news"],
            tmp_path / f"{engine}-{given}.duckdb",
            engine=engine,
            scheduler=cluster.scheduler_address if engine == "dask" else None,
            memory_budget=given,
        )
        assert code == 0, err
    assert distributed.MEMORY_BUDGET < batch.MEMORY_BUDGET
    assert sorted(set(seen)) == [
        ("dask", 300 * 2**20),
        ("dask", distributed.MEMORY_BUDGET),
        ("local", batch.MEMORY_BUDGET),
    ]


def test_local_cluster_workers_have_one_thread_one_malloc_arena_and_no_profiler() -> None:
    import os

    import dask

    before = dask.config.get("distributed.nanny.pre-spawn-environ")
    here = os.getpid()
    with (
        distributed.local_cluster(1) as cluster,
        distributed_mod.Client(cluster) as client,
    ):
        (seen,) = client.run(
            lambda dask_worker, here=here: (
                os.environ.get("MALLOC_ARENA_MAX"),
                os.environ.get("MALLOC_TRIM_THRESHOLD_"),  # Dask's own setting kept
                dask.config.get("distributed.worker.profile.enabled"),
                dask_worker.state.nthreads,
                os.getpid() != here,  # a process of its own
            )
        ).values()
    assert seen == ("1", "65536", False, 1, True)
    # the caller's configuration is left as it was
    assert dask.config.get("distributed.nanny.pre-spawn-environ") == before


def test_cli_dask_engine_without_a_scheduler_runs_its_own_local_cluster(tmp_path: Path) -> None:
    """`ingest --engine dask` with no --scheduler starts a LocalCluster of --workers
    processes for the run (as Dask's Client() does), says so, stores what a local ingest
    stores and leaves no worker process behind; --scheduler without --engine dask is a
    usage error."""
    import psutil

    from dashapp import cli

    make_corpus(tmp_path / "news", 6)
    here = psutil.Process()
    before = {p.pid for p in here.children(recursive=True)}
    err = io.StringIO()
    code = cli.main(
        ["ingest", str(tmp_path / "news"), "--db", str(tmp_path / "dask.duckdb")]
        + ["--engine", "dask", "--workers", "1", "--no-progress"],
        out=io.StringIO(),
        err=err,
    )
    assert code == 0, err.getvalue()
    lines = err.getvalue().splitlines()
    assert lines[0] == (
        "geotimeline: note: no --scheduler: extracting on a Dask LocalCluster of 1 worker "
        "processes on this machine"
    )
    assert "ingested 6 articles" in err.getvalue()
    # (multiprocessing's resource tracker, started with the first worker, stays for the
    # life of this process, as it would in any program that starts one)
    left = [
        p.cmdline()
        for p in here.children(recursive=True)
        if p.pid not in before and p.is_running() and p.status() != psutil.STATUS_ZOMBIE
    ]
    assert not [c for c in left if "multiprocessing.resource_tracker" not in " ".join(c)], left
    err_local = io.StringIO()
    assert (
        cli.main(
            ["ingest", str(tmp_path / "news"), "--db", str(tmp_path / "local.duckdb")]
            + ["--workers", "1", "--no-progress"],
            out=io.StringIO(),
            err=err_local,
        )
        == 0
    ), err_local.getvalue()
    dask_run = exported(tmp_path / "dask.duckdb")
    assert dask_run["events"] and dask_run == exported(tmp_path / "local.duckdb")

    err = io.StringIO()
    code = cli.main(
        ["ingest", str(tmp_path / "news"), "--scheduler", "tcp://127.0.0.1:8786"],
        out=io.StringIO(),
        err=err,
    )
    assert (code, err.getvalue()) == (
        2,
        "geotimeline: error: --scheduler ADDRESS goes with --engine dask\n",
    )


def test_ctrl_c_on_a_dask_ingest_of_its_own_cluster(tmp_path: Path) -> None:
    """Ctrl-C at a terminal reaches the whole process group, the LocalCluster's workers
    included: the command ends with its summary and 130, no traceback from any process,
    no worker left behind, and the rerun finishes with what a local ingest stores."""
    import psutil

    corpus = tmp_path / "news"
    make_corpus(corpus, 3000)
    db = tmp_path / "dask.duckdb"
    cmd = [sys.executable, "-m", "dashapp", "ingest", str(corpus), "--db", str(db)]
    cmd += ["--engine", "dask", "--workers", "2", "--no-progress"]
    # its own process group, as a terminal's foreground job; Python's own Ctrl-C handler
    # whatever the test runner's shell gave it (see test_batch._SCRIPT)
    code = "import runpy, signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler)"
    code += "; sys.argv = sys.argv[1:]; runpy.run_module('dashapp', run_name='__main__')"
    proc = subprocess.Popen(
        [sys.executable, "-c", code, "geotimeline", *cmd[3:]],
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        parent = psutil.Process(proc.pid)
        t0 = time.monotonic()
        workers: list[psutil.Process] = []
        while len(workers) < 2 and time.monotonic() - t0 < 60:
            assert proc.poll() is None, proc.stderr.read()
            workers = [
                p
                for p in parent.children(recursive=True)
                if "resource_tracker" not in " ".join(p.cmdline())
            ]
            time.sleep(0.05)
        assert len(workers) == 2, "no LocalCluster workers"
        time.sleep(3)  # the workers extracting
        assert proc.poll() is None, "the ingest ended before Ctrl-C"
        os.killpg(proc.pid, signal.SIGINT)
        _, err = proc.communicate(timeout=90)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 130, err
    assert "interrupted: ingested" in err and "Traceback" not in err, err
    # nothing but the command's own lines: no log of the workers' cancelled tasks
    assert all(line.startswith("geotimeline: ") for line in err.splitlines()), err
    time.sleep(1)
    assert not [w for w in workers if w.is_running() and w.status() != psutil.STATUS_ZOMBIE]
    again = subprocess.run(cmd, stderr=subprocess.PIPE, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert "Traceback" not in again.stderr
    local = tmp_path / "local.duckdb"
    assert (
        subprocess.run(
            [*cmd[:6], str(local), "--no-progress"], stderr=subprocess.PIPE, timeout=300
        ).returncode
        == 0
    )
    stored = exported(db)
    assert len(stored["articles"]) == 3000 and stored == exported(local)
