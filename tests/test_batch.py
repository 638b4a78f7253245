"""Batch ingest: idempotence, replacement, bad inputs, workers, progress, and a real
subprocess interrupted (SIGINT) or killed (SIGKILL) mid-run, then finished."""

from __future__ import annotations

import io
import itertools
import json
import os
import re
import signal
import subprocess
import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

import duckdb
import pytest

from dashapp import batch
from dashapp.actors import ActorMention
from dashapp.events import article_events
from dashapp.ingest import stored_source, stored_sources
from dashapp.models import Actor, Article, DocType, Event, Timex
from dashapp.serialize import extraction_to_json
from dashapp.store import DELETE_BYTES, Store
from dashapp.temporal import tag

TESTS = Path(__file__).parent
_NAMES = {
    "Russia": Actor("Russia", "country"),
    "Ukraine": Actor("Ukraine", "country"),
    "Putin": Actor("Vladimir Putin", "person", "Russia"),
    "Zelensky": Actor("Volodymyr Zelensky", "person", "Ukraine"),
    "France": Actor("France", "country"),
}
_NAME_RE = re.compile("|".join(_NAMES))


def stub_extractor(
    article: Article, doc_type: DocType
) -> tuple[tuple[Timex, ...], list[Event], tuple[Actor, ...]]:
    """The real tagger and event rules with a five-name stand-in gazetteer, so that these
    tests do not depend on the actors module. A body containing "BOOM" fails."""
    if "BOOM" in article.body:
        raise RuntimeError("boom\nsecond line never shown")
    timexes = tuple(tag(article.body, article.anchor, doc_type=doc_type))
    found = [
        ActorMention(m.start(), m.end(), m.group(), (_NAMES[m.group()],))
        for m in _NAME_RE.finditer(article.body)
    ]
    events = article_events(article, timexes, found)
    named = {n for ev in events for n in ev.actors}
    return timexes, events, tuple(a for a in _NAMES.values() if a.name in named)


def slow_extractor(article: Article, doc_type: DocType):  # noqa: ANN201
    """The stub, slowed down and leaving a trace, for the interruption tests."""
    out = stub_extractor(article, doc_type)
    time.sleep(0.01)
    with open(os.environ["TRACE_FILE"], "a") as fh:
        fh.write(article.id + "\n")
    return out


def bulky_extractor(article: Article, doc_type: DocType):  # noqa: ANN201
    """The stub, with results of about 4 MB an article: a worker spends most of its time
    sending them, so that a Ctrl-C stops one in the middle of a result."""
    timexes, events, actors = stub_extractor(article, doc_type)
    with open(os.environ["TRACE_FILE"], "a") as fh:
        fh.write(f"{article.id}\n")
    return timexes, [replace(ev, label=ev.label + " " * 2**22) for ev in events], actors


def stuck_extractor(article: Article, doc_type: DocType):  # noqa: ANN201
    """The slow stub, but one article in 40 takes ten minutes (as a huge one might)."""
    if article.id.endswith("5"):
        with open(os.environ["TRACE_FILE"], "a") as fh:
            fh.write(f"stuck-{article.id}\n")
        time.sleep(600)
    return slow_extractor(article, doc_type)


_SENTENCES = [
    "{a} and {b} held talks in Geneva on {d}.",
    "On {d}, {a} attacked positions near the border of {b}.",
    "{a} signed an agreement with {b} on {d}.",
    "{a} imposed sanctions on {b} on {d}, officials said.",
    "Troops from {a} withdrew on {d}.",
]
_ACTORS = list(_NAMES)


def make_corpus(folder: Path, n: int, *, start: int = 0) -> list[Path]:
    """n text articles, deterministic, sharing happenings so that events merge."""
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(start, start + n):
        day = date(2022, 1 + i % 6, 1 + (i * 7) % 27)
        lines = []
        for k in range(3):
            a, b = _ACTORS[(i + k) % 5], _ACTORS[(i + 2 * k + 1) % 5]
            d = f"{day.strftime('%B')} {day.day + k}, 2022"
            lines.append(_SENTENCES[(i + k) % len(_SENTENCES)].format(a=a, b=b, d=d))
        published = date(2022, day.month, min(day.day + 3, 28))
        path = folder / f"art{i:04d}.txt"
        path.write_text(
            f"Article {i}\n{published:%Y%m%d}\nhttps://example.org/{i}\n" + "\n".join(lines) + "\n",
            encoding="utf-8",
        )
        out.append(path)
    return out


def run(paths, db: Path, **kw) -> tuple[int, str]:
    err = io.StringIO()
    kw.setdefault("workers", 1)
    kw.setdefault("extractor", stub_extractor)
    code = batch.ingest_command([str(p) for p in paths], db=db, err=err, **kw)
    return code, err.getvalue()


def exported(db: Path) -> dict:
    with Store(db) as s:
        return extraction_to_json(s.extraction())


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    make_corpus(tmp_path / "news", 40)
    return tmp_path / "news"


def test_ingest_is_idempotent_and_matches_merge_all(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "g.duckdb"
    code, err = run([corpus], db)
    assert code == 0, err
    assert "ingested 40 articles (0 replaced), skipped 0 unchanged, failed 0" in err
    first = exported(db)
    assert first["events"] and len(first["articles"]) == 40
    code, err = run([corpus], db)
    assert code == 0 and "ingested 0 articles (0 replaced), skipped 40 unchanged" in err
    assert "articles/s" not in err  # no rate of nothing (QA9: it said '0.0 articles/s')
    assert exported(db) == first
    # the store's incremental merging gives what the whole-batch merge gives
    from dashapp.events import merge_all
    from dashapp.ingest import load

    per_article = [ev for a in load(corpus) for ev in stub_extractor(a, "news")[1]]
    with Store(db) as s:
        assert s.events() == merge_all(per_article)
        assert s.stats()["corrections"] == 0


def test_changed_article_replaces_its_results(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "g.duckdb"
    run([corpus], db)
    before = exported(db)
    path = corpus / "art0003.txt"
    path.write_text(
        path.read_text().replace("2022\n", "2021\n", 1) + "France and Ukraine "
        "held talks on March 3, 2021.\n"
    )
    code, err = run([corpus], db)
    assert code == 0 and "ingested 1 article (1 replaced), skipped 39 unchanged" in err
    after = exported(db)
    assert after != before
    # Replacing in place ends where ingesting the other articles, then the new version,
    # ends; except that an event keeps the id it was born with (links and corrections
    # point at it) even when the article that created it no longer supports it.
    ref_db = tmp_path / "ref.duckdb"
    run(sorted(p for p in corpus.glob("*.txt") if p != path), ref_db)
    run([path], ref_db)
    ref = exported(ref_db)
    no_id = lambda evs: [{k: v for k, v in e.items() if k != "id"} for e in evs]  # noqa: E731
    assert no_id(after["events"]) == no_id(ref["events"])
    assert sorted(after["articles"], key=str) == sorted(ref["articles"], key=str)
    assert "2021-03-03" in {e["value"] for e in after["events"]}


def test_bad_inputs_are_reported_and_skipped(corpus: Path, tmp_path: Path) -> None:
    (corpus / "bad.txt").write_text("Title only\n")
    (corpus / "boom.txt").write_text("Boom\n20220101\nu\nBOOM on January 3, 2022.\n")
    (corpus / "feed.jsonl").write_text(
        json.dumps(
            {
                "title": "ok",
                "date": "2022-02-01",
                "url": "u",
                "text": "Russia and France held talks on February 2, 2022.",
            }
        )
        + "\n"
        + "{not json\n"
        + json.dumps({"title": "no date", "text": "x"})
        + "\n"
    )
    db = tmp_path / "g.duckdb"
    code, err = run([corpus, tmp_path / "missing.txt"], db, workers=2)
    assert code == 1
    assert "Traceback" not in err and "second line" not in err
    lines = [ln for ln in err.splitlines() if ln.startswith("geotimeline: error:")]
    assert len(lines) == 5, err
    assert any("bad.txt: missing publication date" in ln for ln in lines)
    assert any("boom.txt: extraction failed: RuntimeError: boom" in ln for ln in lines)
    assert any("feed.jsonl:2: invalid JSON" in ln for ln in lines)
    assert any("missing.txt: no such file" in ln for ln in lines)
    assert "ingested 41 articles" in err and "failed 5" in err
    assert "1 x extraction failed: RuntimeError: boom" in err


def test_one_and_two_workers_give_identical_exports(corpus: Path, tmp_path: Path) -> None:
    make_corpus(corpus, 60, start=40)
    one, two = tmp_path / "one.duckdb", tmp_path / "two.duckdb"
    assert run([corpus], one, workers=1)[0] == 0
    assert run([corpus], two, workers=2)[0] == 0
    a, b = exported(one), exported(two)
    assert len(a["articles"]) == 100 and len(a["events"]) > 50
    assert a == b


def test_worker_results_are_unpickled_by_the_writer_when_it_takes_them(
    corpus: Path, tmp_path: Path, monkeypatch
) -> None:
    """The workers' results wait for the writer pickled, and become objects in the thread
    that writes, when it takes them: not in the executor's thread as they arrive, in the
    middle of a transaction, where they kept its memory from being given back."""
    import threading

    made_in: list[str] = []
    init = batch.Extracted.__init__

    def recording_init(self, *args, **kwargs):  # noqa: ANN001, ANN202
        made_in.append(threading.current_thread().name)
        init(self, *args, **kwargs)

    monkeypatch.setattr(batch.Extracted, "__init__", recording_init)
    assert run([corpus], tmp_path / "two.duckdb", workers=2)[0] == 0
    assert len(made_in) == 40
    assert set(made_in) == {threading.main_thread().name}


def test_next_batch_size_halves_on_a_large_merge_pool_and_grows_back() -> None:
    cap, least = batch.POOL_CAP, batch.MIN_BATCH_SIZE

    def nxt(size: int, pooled: int, most: int) -> int:
        out, mark = batch.next_batch_size(size, pooled, most)
        assert mark == 0  # memory not measured: no mark
        return out

    assert nxt(1024, cap + 1, 1024) == 512
    assert nxt(least, 10 * cap, 1024) == least  # never below the floor
    assert nxt(16, cap + 1, 16) == 16  # nor below a smaller batch size
    assert nxt(512, cap // 4 - 1, 1024) == 1024
    assert nxt(1024, 0, 1024) == 1024  # nor above the batch size
    assert nxt(512, cap // 2, 1024) == 512  # in between: kept


def test_transactions_shrink_when_the_merge_pool_is_large_and_results_stay_the_same(
    corpus: Path, tmp_path: Path, monkeypatch
) -> None:
    make_corpus(corpus, 60, start=40)
    whole = tmp_path / "whole.duckdb"
    assert run([corpus], whole)[0] == 0
    # a tiny cap: every transaction that merges into a stored event halves the next one
    sizes: list[int] = []
    real_write = batch.write_batch

    def write(store: Store, done, summary) -> int:
        sizes.append(len(done))
        pooled = real_write(store, done, summary)
        assert pooled >= 0
        return pooled

    monkeypatch.setattr(batch, "POOL_CAP", 2)
    monkeypatch.setattr(batch, "MIN_BATCH_SIZE", 4)
    monkeypatch.setattr(batch, "TASK_SIZE", 4)
    monkeypatch.setattr(batch, "write_batch", write)
    monkeypatch.setattr(batch, "BATCH_SIZE", 32)
    small = tmp_path / "small.duckdb"
    assert run([corpus], small)[0] == 0
    # the first transaction meets an empty store; each later one loaded stored events
    assert sizes == [32, 32, 16, 8, 4, 4, 4]
    assert exported(small) == exported(whole)


def test_next_batch_size_halves_above_the_memory_budget_and_grows_back_only_well_under_it() -> None:
    cap, least, mb = batch.POOL_CAP, batch.MIN_BATCH_SIZE, 2**20
    budget = 576 * mb

    def nxt(size: int, pooled: int, rss: int | None, most: int = 1024, b: int = budget) -> int:
        out, mark = batch.next_batch_size(size, pooled, most, rss=rss, budget=b)
        assert mark == (rss if rss and b and rss > b else 0)  # the first mark
        return out

    # over the budget for the first time: halved although the merge pool is small, down
    # to the floor, and the memory then is the mark
    assert nxt(1024, 0, budget + 1) == 512
    assert nxt(512, cap // 2, budget + mb) == 256
    assert nxt(least, 0, 4 * budget) == least
    assert nxt(16, 0, budget + 1, most=16) == 16
    # over the budget after a halving: halved again only when the memory grew past the
    # mark by more than 1/32 of the budget, otherwise kept (never grown)
    slack = budget // 32

    def after_mark(rss: int, pooled: int = 0) -> tuple[int, int]:
        return batch.next_batch_size(512, pooled, 1024, rss=rss, budget=budget, mark=budget)

    assert after_mark(budget + 10 * mb) == (512, budget)
    assert after_mark(budget + slack) == (512, budget)
    assert after_mark(budget + slack + 1) == (256, budget + slack + 1)
    assert after_mark(2 * budget) == (256, 2 * budget)
    assert after_mark(budget + mb, pooled=cap + 1) == (256, budget)  # a large pool halves
    # a large pool still halves under the budget
    assert nxt(1024, cap + 1, 100 * mb) == 512
    # grows back only when both are comfortably below: pool under a quarter of the cap
    # and memory under three quarters of the budget
    assert nxt(256, 0, budget * 3 // 4 - 1) == 512
    assert nxt(256, 0, budget * 3 // 4) == 256
    assert nxt(256, 0, budget) == 256  # at the budget, not over it: kept
    assert nxt(256, cap // 4, 100 * mb) == 256
    assert nxt(1024, 0, 100 * mb) == 1024  # never above the batch size
    # memory unknown (not Linux) or no budget: the merge pool alone decides, as before
    assert nxt(256, 0, None) == 512
    assert nxt(1024, 0, None) == 1024
    assert nxt(256, 0, 10 * budget, b=0) == 512
    assert nxt(1024, cap + 1, None) == 512


def test_resident_bytes_follows_this_processes_memory() -> None:
    import resource

    before = batch.resident_bytes()
    if before is None:
        assert not Path("/proc/self/statm").exists()
        pytest.skip("no /proc/self/statm here: ingest sizes transactions by the pool alone")
    block = bytearray(64 * 2**20)  # zero-filled: every page touched
    after = batch.resident_bytes()
    assert after is not None and after - before > 48 * 2**20
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kB on Linux
    assert 16 * 2**20 < after <= peak + 2**20
    del block


def test_transactions_shrink_above_the_memory_budget_and_results_stay_the_same(
    corpus: Path, tmp_path: Path, monkeypatch
) -> None:
    make_corpus(corpus, 60, start=40)
    whole = tmp_path / "whole.duckdb"
    assert run([corpus], whole, memory_budget=0)[0] == 0
    sizes: list[int] = []
    real_write = batch.write_batch

    def write(store: Store, done, summary) -> int:
        sizes.append(len(done))
        return real_write(store, done, summary)

    monkeypatch.setattr(batch, "MIN_BATCH_SIZE", 4)
    monkeypatch.setattr(batch, "TASK_SIZE", 4)
    monkeypatch.setattr(batch, "write_batch", write)
    monkeypatch.setattr(batch, "BATCH_SIZE", 32)
    # a pool that never reaches the cap: memory alone shrinks the transactions
    monkeypatch.setattr(batch, "POOL_CAP", 10**9)
    # memory over the budget and growing by 20 MB per transaction, more than the 16 MB
    # (1/32 of the budget) that it may grow by without halving the next one
    growing = itertools.count(600 * 2**20, 20 * 2**20)
    monkeypatch.setattr(batch, "resident_bytes", lambda: next(growing))
    small = tmp_path / "small.duckdb"
    assert run([corpus], small, memory_budget=512 * 2**20)[0] == 0
    assert sizes == [32, 16, 8] + [4] * 11  # 100 articles
    assert exported(small) == exported(whole)
    # over the budget but no longer growing: halved once, then kept
    sizes.clear()
    monkeypatch.setattr(batch, "resident_bytes", lambda: 600 * 2**20)
    flat = tmp_path / "flat.duckdb"
    assert run([corpus], flat, memory_budget=512 * 2**20)[0] == 0
    assert sizes == [32] + [16] * 4 + [4]  # 100 articles
    assert exported(flat) == exported(whole)
    # under the budget (and a budget from the module constant): one size throughout
    sizes.clear()
    monkeypatch.setattr(batch, "MEMORY_BUDGET", 700 * 2**20)
    again = tmp_path / "again.duckdb"
    assert run([corpus], again)[0] == 0
    assert sizes[:-1] == [32] * 3 and sizes[-1] == 4
    assert exported(again) == exported(whole)


def index_held(store: Store) -> int:
    """Bytes of index (ART) DuckDB holds in memory for the store."""
    (n,) = store._con.execute(
        "SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory() WHERE tag = 'ART_INDEX'"
    ).fetchone()
    return int(n)


def test_writer_memory_limit_allows_index_loads_by_what_a_write_touches(
    corpus: Path, tmp_path: Path, monkeypatch
) -> None:
    """DuckDB must hold the parts of an index that a write touches. An ingest that only
    adds articles touches one end of each index, so its cap stays the base plus what is
    held plus a fixed allowance however large the store's indexes; replacing articles
    deletes keys spread over them, and each delete raises the cap, up to the whole."""
    from dashapp import store as store_module
    from dashapp.store import index_memory

    # a few dozen articles' indexes are a few kB, below what DuckDB's setting shows (0.1
    # MiB): count each row as 64 kB, so that "the whole index" is many MiB
    monkeypatch.setattr(store_module, "_INDEX_BYTES", {t: 2**16 for t in store_module._INDEX_BYTES})
    monkeypatch.setattr(store_module, "_WRITE_BYTES", 2**20)

    def limit(store: Store) -> float:
        (text,) = store._con.execute("SELECT current_setting('memory_limit')").fetchone()
        number, unit = text.split()
        return float(number) * {"KiB": 2**10, "MiB": 2**20, "GiB": 2**30}[unit]

    db = tmp_path / "g.duckdb"
    with batch.open_store(db) as store:
        summary = batch.ingest(
            [str(corpus)], store, workers=1, extractor=stub_extractor, batch_size=8
        )
        assert summary.ingested == 40
        whole = index_memory(store._con)
        assert whole > 20 * 2**20
    with batch.open_store(db) as store:
        # appends: set before the write, far under base + whole
        cap = batch.WRITER_MEMORY + index_held(store) + 2**20
        assert abs(limit(store) - cap) < 0.1 * 2**20
        make_corpus(corpus, 4, start=40)
        summary = batch.ingest(
            [str(corpus)], store, workers=1, extractor=stub_extractor, batch_size=64
        )
        assert (summary.added, summary.replaced) == (4, 0)
        assert limit(store) < batch.WRITER_MEMORY + index_held(store) + 2 * 2**20
    # changed articles: their deletes raise the cap of their transaction
    for path in sorted(corpus.glob("*.txt"))[:8]:
        path.write_text(path.read_text(encoding="utf-8") + "More talks.\n", encoding="utf-8")
    with batch.open_store(db) as store:
        before = index_held(store)
        summary = batch.ingest(
            [str(corpus)], store, workers=1, extractor=stub_extractor, batch_size=64
        )
        assert (summary.added, summary.replaced) == (0, 8)
        raised = limit(store) - (batch.WRITER_MEMORY + before + 2**20)
        # up to the whole of the indexes as they are now (the four new articles' rows in)
        assert 8 * 2**20 <= raised <= index_memory(store._con)
    with Store(db) as store:  # no base: DuckDB's own default
        assert limit(store) > batch.WRITER_MEMORY + whole


def test_writer_memory_limit_leaves_room_to_work_on_a_small_store(tmp_path: Path) -> None:
    """The writer's cap is never under its base plus what is held plus the allowance for
    a write, however small the store's indexes: with a base of 32 MB, a cap of the base
    plus a small store's whole index left DuckDB's queries too little room (out of
    memory within the first 50,000 articles of benchmarks/writer_memory.py)."""
    from dashapp import store as store_module

    with batch.open_store(tmp_path / "g.duckdb") as store:
        (text,) = store._con.execute("SELECT current_setting('memory_limit')").fetchone()
        number, unit = text.split()
        cap = float(number) * {"KiB": 2**10, "MiB": 2**20, "GiB": 2**30}[unit]
        assert store_module.index_memory(store._con) == 0
        assert cap >= batch.WRITER_MEMORY + store_module._WRITE_BYTES - 0.1 * 2**20


def test_a_write_out_of_memory_is_retried_once_after_a_checkpoint_with_the_same_rows(
    corpus: Path, tmp_path: Path, monkeypatch
) -> None:
    """DuckDB out of memory late in a write (its rows written, its numbers reserved):
    the transaction is rolled back, the store checkpointed and the write made again,
    and every table holds what a run without the failure holds, seqs and chunks
    included. A second failure of the same write is raised (the next test)."""
    make_corpus(corpus, 30, start=40)
    monkeypatch.setattr(batch, "BATCH_SIZE", 16)
    monkeypatch.setattr(batch, "TASK_SIZE", 4)
    clean = tmp_path / "clean.duckdb"
    assert run([corpus], clean)[0] == 0
    real_merge = Store._merge_in
    failed: list[int] = []
    checkpoints: list[int] = []
    real_checkpoint = Store._checkpoint

    def merge_in(self: Store, *a, **k) -> int:
        got = real_merge(self, *a, **k)
        if len(failed) < 2:  # the second and third transactions, once each
            calls.append(1)
            if len(calls) in (2, 4):
                failed.append(len(calls))
                raise duckdb.OutOfMemoryException("Out of Memory Error: (a test)")
        return got

    def checkpoint(self: Store) -> None:
        checkpoints.append(len(calls))
        real_checkpoint(self)

    calls: list[int] = []
    monkeypatch.setattr(Store, "_merge_in", merge_in)
    monkeypatch.setattr(Store, "_checkpoint", checkpoint)
    retried = tmp_path / "retried.duckdb"
    code, err = run([corpus], retried)
    assert code == 0, err
    assert failed == [2, 4] and checkpoints == [2, 4]
    monkeypatch.undo()
    tables = ("articles", "events", "event_actors", "mentions", "contributions", "event_chunks")
    for table in tables:
        sql = f"SELECT * EXCLUDE (source) FROM {table}" if table == "articles" else f"FROM {table}"
        with Store(clean) as a, Store(retried) as b:
            rows_a = sorted(map(repr, a._con.execute(sql).fetchall()))
            rows_b = sorted(map(repr, b._con.execute(sql).fetchall()))
        assert rows_a == rows_b, table


def test_a_write_the_database_refuses_is_one_clear_error_and_a_rerun_finishes(
    corpus: Path, tmp_path: Path, monkeypatch
) -> None:
    """DuckDB out of memory (a real one: a writer cap of 2 MiB) ends ingest with a line
    that says what failed and what to do, not a traceback; the store stays whole and the
    same command with room to work finishes the job."""
    from dashapp import store as store_module

    db = tmp_path / "g.duckdb"
    monkeypatch.setattr(batch, "WRITER_MEMORY", 2 * 2**20)
    # (and no room above it for what a write loads, which the cap always leaves otherwise)
    monkeypatch.setattr(store_module, "_WRITE_BYTES", 0)
    code, err = run([corpus], db)
    assert code == 2, err
    assert f"error: writing to {db} failed: Out of Memory Error" in err
    assert "run the same command again to go on" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 2
    monkeypatch.undo()
    with Store(db) as s:
        assert s.stats()["articles"] == 0  # the failed transaction left nothing behind
    code, err = run([corpus], db)
    assert code == 0 and "ingested 40 articles" in err, err
    clean = tmp_path / "clean.duckdb"
    assert run([corpus], clean)[0] == 0
    assert exported(db) == exported(clean)


def test_progress_bar_only_when_asked(corpus: Path, tmp_path: Path) -> None:
    _, quiet = run([corpus], tmp_path / "q.duckdb")  # StringIO is not a terminal
    assert "\r" not in quiet and "ETA" not in quiet
    _, shown = run([corpus], tmp_path / "p.duckdb", progress=True)
    assert re.search(r"\r.*ingest \[#+\s*\] \d+/40 .* articles/s {2}ETA \d:\d\d:\d\d", shown)
    assert shown.rstrip().splitlines()[-1].startswith("geotimeline: database")
    # articles skipped as unchanged (and failed ones) count as done: the bar ends full
    make_corpus(corpus, 10, start=40)
    _, again = run([corpus], tmp_path / "p.duckdb", progress=True)
    assert "skipped 40 unchanged" in again
    assert re.findall(r"ingest \[(#*)\s*\] (\d+)/(\d+)", again)[-1] == ("#" * 24, "50", "50")


def test_default_db_path(tmp_path: Path) -> None:
    f = tmp_path / "news" / "a.txt"
    f.parent.mkdir()
    f.write_text("x")
    assert batch.default_db_path([str(f)]) == tmp_path / "news/.geotimeline/geotimeline.duckdb"
    assert batch.default_db_path([str(f.parent)]) == f.parent / ".geotimeline/geotimeline.duckdb"
    glob = str(tmp_path / "news" / "*.txt")
    assert batch.default_db_path([glob]) == f.parent / ".geotimeline/geotimeline.duckdb"


def test_default_db_is_created_next_to_the_data(corpus: Path) -> None:
    code, err = run([corpus], None)
    assert code == 0
    assert (corpus / ".geotimeline" / "geotimeline.duckdb").is_file()
    # and the database folder is not read back as articles
    assert run([corpus], None)[1].count("skipped 40 unchanged") == 1


def test_reference_date_override_reingests(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "g.duckdb"
    run([corpus], db)
    code, err = run([corpus], db, reference_date=date(2022, 7, 1))
    assert "ingested 40 articles (40 replaced)" in err
    with Store(db) as s:
        assert {a.reference_date for a in s.articles()} == {date(2022, 7, 1)}


def test_large_jsonl_is_read_in_blocks_as_iter_articles_reads_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A JSONL file over JSONL_STREAM_BYTES is read block by block of lines: the same
    articles and errors, with the same ids and line numbers, as reading it whole."""
    from dashapp.ingest import iter_articles

    feed = tmp_path / "feed.jsonl"
    lines = []
    for i in range(23):
        rec = {"title": f"t{i}", "date": "2022-02-01", "url": "u", "text": f"Talks {i}."}
        if i % 4 == 0:
            rec["id"] = f"own-{i}"
        lines.append(json.dumps(rec))
        if i % 7 == 3:
            lines.append("{not json")
        if i % 5 == 1:
            lines.append("")
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    small = tmp_path / "small.txt"
    small.write_text("Title\n20220101\nu\nTalks on January 3, 2022.\n")

    def read(items) -> list:  # noqa: ANN001
        return [x if isinstance(x, Article) else (x.source, x.problem) for x in items]

    whole = read(iter_articles([str(feed), str(small)]))
    monkeypatch.setattr(batch, "JSONL_STREAM_BYTES", 100)
    monkeypatch.setattr(batch, "JSONL_BLOCK_LINES", 4)
    assert batch._jsonl_to_stream(feed) and not batch._jsonl_to_stream(small)
    assert read(batch.read_articles([str(feed), str(small)])) == whole
    assert sum(isinstance(x, Article) for x in whole) == 24
    assert sum(isinstance(x, tuple) for x in whole) == 3


def test_repeated_ids_are_numbered_in_the_store_across_chunks(tmp_path: Path) -> None:
    """Later articles with an id already met become id~2, id~3..., also when the
    repeats fall in different chunks (the ids met are kept in the store, not in memory)."""
    arts = [
        Article(f"a{i % 3}", f"T{i}", date(2022, 1, 1), "u", f"Body {i}.", "s") for i in range(8)
    ]
    with Store(tmp_path / "g.duckdb") as s:
        got = [a.id for a in batch.unique_ids(arts, s, chunk=3)]
        assert got == ["a0", "a1", "a2", "a0~2", "a1~2", "a2~2", "a0~3", "a1~3"]
        assert s.number_ids(["a1", "x", "x"]) == [4, 1, 2]
        assert s.number_ids([]) == []


def test_an_article_of_another_file_with_a_stored_id_never_replaces_it(tmp_path: Path) -> None:
    """jan/report.txt, then feb/report.txt in a later run: two articles ("report",
    "report~2"), not one replaced; either file again is skipped as unchanged, and a changed
    file replaces its own article only. The same for feeds whose records have no id."""
    make_corpus(tmp_path / "c", 3)
    texts = [p.read_text(encoding="utf-8") for p in sorted((tmp_path / "c").glob("*.txt"))]
    for month, text in (("jan", texts[0]), ("feb", texts[1])):
        (tmp_path / month).mkdir()
        (tmp_path / month / "report.txt").write_text(text, encoding="utf-8")
    db = tmp_path / "g.duckdb"
    assert "ingested 1 article (0 replaced)" in run([tmp_path / "jan"], db)[1]
    assert "ingested 1 article (0 replaced)" in run([tmp_path / "feb"], db)[1]
    assert "skipped 2 unchanged" in run([tmp_path / "feb", tmp_path / "jan"], db)[1]
    (tmp_path / "feb" / "report.txt").write_text(texts[2], encoding="utf-8")
    assert (
        "ingested 1 article (1 replaced), skipped 1"
        in run([tmp_path / "jan", tmp_path / "feb"], db)[1]
    )
    got = {a["id"]: (a["source"], a["title"]) for a in exported(db)["articles"]}
    assert got == {
        "report": (str(tmp_path / "jan" / "report.txt"), texts[0].split("\n")[0]),
        "report~2": (str(tmp_path / "feb" / "report.txt"), texts[2].split("\n")[0]),
    }
    # feeds of two days whose records have no id: "feed-1"... of each day are kept apart
    for day in ("d1", "d2"):
        (tmp_path / day).mkdir()
        (tmp_path / day / "feed.jsonl").write_text(
            "".join(
                json.dumps(
                    {"title": f"{day} {k}", "date": "2022-01-03", "text": f"{day} story {k}."}
                )
                + "\n"
                for k in range(3)
            ),
            encoding="utf-8",
        )
    assert "ingested 3 articles (0 replaced)" in run([tmp_path / "d1"], db)[1]
    assert "ingested 3 articles (0 replaced)" in run([tmp_path / "d2"], db)[1]
    assert len(exported(db)["articles"]) == 8


def test_one_file_named_by_other_paths_is_one_article(tmp_path: Path, monkeypatch) -> None:
    """A file given as "news/x.txt" from one folder, by another relative path, with "..",
    or through a symlink is one source: its article is skipped as unchanged, a change
    replaces it, and no copy "x~2" appears. A copy of the folder elsewhere holds the same
    articles (same content): skipped too."""
    make_corpus(tmp_path / "news", 3)
    (tmp_path / "link").symlink_to(tmp_path / "news")
    db = tmp_path / "g.duckdb"
    monkeypatch.chdir(tmp_path)
    assert "ingested 3 articles (0 replaced)" in run(["news"], db)[1]
    monkeypatch.chdir(tmp_path / "news")
    for given in (".", "../news", str(tmp_path / "news" / ".." / "news"), "../link"):
        assert "ingested 0 articles (0 replaced), skipped 3 unchanged" in run([given], db)[1]
    (tmp_path / "news" / "art0001.txt").write_text(
        "Changed\n20220105\nu\nRussia and France held talks on January 4, 2022.\n"
    )
    assert "ingested 1 article (1 replaced), skipped 2" in run(["../link"], db)[1]
    (tmp_path / "moved").mkdir()
    for f in (tmp_path / "news").iterdir():
        (tmp_path / "moved" / f.name).write_bytes(f.read_bytes())
    assert "ingested 0 articles (0 replaced), skipped 3 unchanged" in run(["../moved"], db)[1]
    got = {a["id"]: a["source"] for a in exported(db)["articles"]}
    assert got == {f"art000{i}": str(tmp_path / "news" / f"art000{i}.txt") for i in range(3)}


def _support(db: Path) -> list[int]:
    with Store(db) as s:
        return sorted(ev.articles for ev in s.extraction().events)


def test_two_files_of_one_content_in_one_run_are_one_article(tmp_path: Path) -> None:
    """The same article in two folders of one run (sanity/a01.txt and mixed/a01.txt) is
    stored once: its events are supported by one article, not two, as when the folders
    are ingested in two runs; the summary says a duplicate was skipped."""
    make_corpus(tmp_path / "sanity", 3)
    (tmp_path / "mixed").mkdir()
    for f in sorted((tmp_path / "sanity").iterdir())[:2]:
        (tmp_path / "mixed" / f.name).write_bytes(f.read_bytes())
    (tmp_path / "mixed" / "other name.txt").write_bytes(
        (tmp_path / "sanity" / "art0002.txt").read_bytes()
    )
    db = tmp_path / "g.duckdb"
    code, err = run([tmp_path / "sanity", tmp_path / "mixed"], db)
    assert code == 0, err
    assert (
        "ingested 3 articles (0 replaced), skipped 3 unchanged "
        "(3 duplicates of other articles), failed 0" in err
    ), err
    got = exported(db)
    assert sorted(a["id"] for a in got["articles"]) == ["art0000", "art0001", "art0002"]
    assert all(a["source"].startswith(str(tmp_path / "sanity")) for a in got["articles"])
    assert set(_support(db)) == {1}
    # the same folders in two runs: the same store
    db2 = tmp_path / "g2.duckdb"
    run([tmp_path / "sanity"], db2)
    assert "skipped 3 unchanged" in run([tmp_path / "mixed"], db2)[1]
    assert exported(db2) == got
    # a copy read before its stored original in one run (and in the same chunk)
    copy = tmp_path / "early copy.txt"
    copy.write_bytes((tmp_path / "sanity" / "art0000.txt").read_bytes())
    err = run([copy, tmp_path / "sanity" / "art0000.txt"], db2)[1]
    assert "ingested 0 articles (0 replaced), skipped 2 unchanged (1 a duplicate" in err, err
    assert exported(db2) == got


def test_a_renamed_file_is_the_article_it_was(tmp_path: Path) -> None:
    """A file renamed (another id) between runs holds a stored article's content: it is
    skipped as a duplicate, not stored as a second article; changed, it is an article
    of its own. After another release (setting) it replaces the stored copy."""
    make_corpus(tmp_path / "news", 3)
    db = tmp_path / "g.duckdb"
    run([tmp_path / "news"], db)
    before = exported(db)
    (tmp_path / "news" / "art0001.txt").rename(tmp_path / "news" / "renamed.txt")
    code, err = run([tmp_path / "news"], db)
    assert code == 0 and (
        "ingested 0 articles (0 replaced), skipped 3 unchanged (1 a duplicate of another article)"
        in err
    ), err
    assert exported(db) == before
    assert set(_support(db)) == {1}
    # another setting: the renamed file refreshes the stored article (one, not two)
    code, err = run([tmp_path / "news"], db, doc_type="narrative")
    assert "ingested 3 articles (3 replaced), skipped 0" in err, err
    assert sorted(a["id"] for a in exported(db)["articles"]) == ["art0000", "art0001", "art0002"]
    assert "skipped 3 unchanged," in run([tmp_path / "news"], db, doc_type="narrative")[1]
    # changed, a renamed file is an article of its own (its stored version stays, as that
    # of any file renamed and changed)
    with open(tmp_path / "news" / "renamed.txt", "a", encoding="utf-8") as fh:
        fh.write("Ukraine and France held talks on May 2, 2022.\n")
    err = run([tmp_path / "news"], db, doc_type="narrative")[1]
    assert "ingested 1 article (0 replaced), skipped 2 unchanged," in err, err
    assert "renamed" in {a["id"] for a in exported(db)["articles"]}


def test_duplicates_are_found_across_chunks_and_with_an_overriding_reference_date(
    tmp_path: Path,
) -> None:
    """Contents given out earlier in a run are kept in the store across chunks; the
    reference date, when it overrides the publication date, is part of the content."""
    arts = [
        Article(f"x{i}", f"T{i % 3}", date(2022, 1, 1), "u", f"Body {i % 3}.", f"s{i}")
        for i in range(7)
    ]
    with Store(tmp_path / "g.duckdb") as s:
        got = list(batch.unique_ids(arts, s, chunk=2, setting="S"))
    kinds = [(x.article.id, x.of_id) if isinstance(x, batch.Duplicate) else x.id for x in got]
    assert kinds == ["x0", "x1", "x2", ("x3", "x0"), ("x4", "x1"), ("x5", "x2"), ("x6", "x0")]
    assert got[3].of_source == stored_source("s0")
    with Store(tmp_path / "g2.duckdb") as s:
        got = list(batch.unique_ids(arts[:1], s, setting="S"))
        got += batch.unique_ids(arts[3:4], s, date(2022, 5, 1), setting="S")
    assert [type(x).__name__ for x in got] == ["Article", "Article"]


def test_a_store_of_relative_sources_still_knows_its_files(tmp_path: Path, monkeypatch) -> None:
    """Stores written before sources were made absolute hold them as given ("news/a.txt"):
    ingest from the same folder finds those articles, so a changed file replaces its own
    article rather than becoming a second one."""
    make_corpus(tmp_path / "news", 2)
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "g.duckdb"
    assert "ingested 2 articles" in run(["news"], db)[1]
    with duckdb.connect(str(db)) as con:  # as an older release stored them
        con.execute(
            "UPDATE articles SET source = replace(source, ?, '')",
            [os.path.realpath(tmp_path) + "/"],
        )
        assert sorted(r[0] for r in con.execute("SELECT source FROM articles").fetchall()) == [
            "news/art0000.txt",
            "news/art0001.txt",
        ]
    (tmp_path / "news" / "art0001.txt").write_text(
        "Changed\n20220105\nu\nRussia and France held talks on January 4, 2022.\n"
    )
    assert "ingested 1 article (1 replaced), skipped 1" in run(["news"], db)[1]
    assert sorted(a["id"] for a in exported(db)["articles"]) == ["art0000", "art0001"]


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("news/a.txt", "{cwd}/news/a.txt"),
        ("./news/../news/a.jsonl:7", "{cwd}/news/a.jsonl:7"),
        ("a.json[3]", "{cwd}/a.json[3]"),
        ("rows.parquet[row 12]", "{cwd}/rows.parquet[row 12]"),
        ("/abs/x/../b.txt", "/abs/b.txt"),
        ("s3://bucket/x/../a.jsonl:2", "s3://bucket/x/../a.jsonl:2"),
    ],
)
def test_stored_source(given: str, stored: str, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    cwd = os.path.realpath(tmp_path)
    assert stored_source(given) == stored.format(cwd=cwd)


def test_stored_sources_resolve_each_path_once_as_stored_source(
    tmp_path: Path, monkeypatch
) -> None:
    """unique_ids resolves the sources of a chunk together, each distinct path once
    (ingest.stored_sources): each comes out as stored_source makes it, through a symlink,
    relative, with each kind of record suffix, or a URL."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "a.jsonl").write_text("")
    (tmp_path / "link").symlink_to(tmp_path / "real")
    sources = [
        "link/a.jsonl:1",
        "real/a.jsonl:2",
        "link/a.jsonl:3",
        "./link/../real/a.jsonl:4",
        "a.json[3]",
        "a.json[4]",
        "rows.parquet[row 12]",
        "news/a.txt",
        "news/a.txt",
        "s3://bucket/x/../a.jsonl:2",
        "/abs/x/../b.txt",
        ":5",
    ]
    assert stored_sources(sources) == [stored_source(x) for x in sources]
    assert stored_sources(sources)[0] == os.path.realpath("real/a.jsonl") + ":1"


def test_placed_ids_never_collide_within_a_run(tmp_path: Path) -> None:
    """Ids given to articles of another source, and the numbers of repeats in the same
    run, never meet: each input gets its own id."""
    from dashapp.pipeline import extract

    with Store(tmp_path / "g.duckdb") as s:
        s.add(extract([Article("r", "T", date(2022, 1, 3), "u", "On Monday, talks.", "old/r.txt")]))
    with Store(tmp_path / "g.duckdb") as s:
        first = s.place_ids(["r", "r"], ["new/r.txt", "other/r.txt"])
        second = s.place_ids(["r", "r", "x"], ["third/r.txt", "old/r.txt", "x.txt"])
    # the first is not the stored "r" (another source), the second keeps its number
    assert first == ["r~3", "r~2"]
    # a repeat whose source is stored finds its own article ("r", not a copy as "r~4")
    assert second == ["r~5", "r", "x"]


# --------------------------------------------------------------------------- interruption

# The ingest subprocess gets Python's own Ctrl-C handler whatever it inherits: a shell runs
# a background job (`cmd &`) with SIGINT ignored, and its children keep that.
_SCRIPT = """
import signal
import sys
signal.signal(signal.SIGINT, signal.default_int_handler)
sys.path.insert(0, {tests!r})
import dashapp.batch
from dashapp.batch import ingest_command
from test_batch import {extractor}
dashapp.batch.BATCH_SIZE = 32
sys.exit(ingest_command([{corpus!r}], db={db!r}, workers={workers}, extractor={extractor}))
"""


def _start(
    corpus: Path, db: Path, trace: Path, workers: int = 1, extractor: str = "slow_extractor"
) -> subprocess.Popen:
    code = _SCRIPT.format(
        tests=str(TESTS), corpus=str(corpus), db=Path(db), workers=workers, extractor=extractor
    )
    code = code.replace("db=PosixPath(", "db=__import__('pathlib').Path(")
    env = {**os.environ, "TRACE_FILE": str(trace)}
    return subprocess.Popen(
        [sys.executable, "-c", code], env=env, stderr=subprocess.PIPE, text=True
    )


def _wait_for(trace: Path, n: int, proc: subprocess.Popen, timeout: float = 60) -> None:
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        if trace.exists() and len(trace.read_text().split()) >= n:
            return
        assert proc.poll() is None, proc.stderr.read()
        time.sleep(0.02)
    raise AssertionError("ingest made no progress")


def _check_consistent(db: Path, expected: dict) -> int:
    """Every stored article is whole: its expressions and its support for events are all
    there, exactly as a one-shot extraction makes them. Returns the number stored."""
    with Store(db) as s:
        stored = s.articles()
        con = s._con
        for a in stored:
            timexes, events, _ = expected[a.id]
            assert s.timexes(a.id) == timexes
            n = con.execute(
                "SELECT count(*) FROM mentions WHERE article_id = ?", [a.id]
            ).fetchone()[0]
            assert n == sum(len(ev.mentions) for ev in events)
        orphans = con.execute(
            "SELECT count(*) FROM mentions WHERE article_id NOT IN (SELECT id FROM articles)"
        ).fetchone()[0]
        assert orphans == 0
        empty = con.execute(
            "SELECT count(*) FROM events WHERE id NOT IN (SELECT event_id FROM mentions)"
        ).fetchone()[0]
        assert empty == 0
        return len(stored)


N = 160


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_interrupted_ingest_leaves_whole_articles_and_resumes(tmp_path: Path, sig) -> None:
    from dashapp.ingest import load

    corpus = tmp_path / "news"
    make_corpus(corpus, N)
    expected = {a.id: stub_extractor(a, "news") for a in load(corpus)}
    db, trace = tmp_path / "g.duckdb", tmp_path / "trace.txt"
    proc = _start(corpus, db, trace)
    # one worker, batches of 32: once article 70 is extracted, two batches are stored
    _wait_for(trace, 70, proc)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    if sig == signal.SIGINT:
        assert proc.returncode == 130, err
        assert "interrupted: ingested" in err and "run the same command again" in err
        assert "Traceback" not in err
    else:
        assert proc.returncode == -signal.SIGKILL
    stored = _check_consistent(db, expected)
    assert 64 <= stored < N
    trace.unlink()
    proc = _start(corpus, db, trace)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert f"ingested {N - stored} articles (0 replaced), skipped {stored} unchanged" in err
    assert _check_consistent(db, expected) == N
    reference = tmp_path / "ref.duckdb"
    assert run([corpus], reference)[0] == 0
    assert exported(db) == exported(reference)


_CLI_SCRIPT = """
import signal
import sys
signal.signal(signal.SIGINT, signal.default_int_handler)
sys.path.insert(0, {tests!r})
import dashapp.batch
from dashapp.batch import ingest_command
from dashapp.cli import finish
from test_batch import bulky_extractor
finish(ingest_command([{corpus!r}], db={db!r}, workers=2, extractor=bulky_extractor))
"""


@pytest.mark.parametrize("after", [3, 9, 17])
def test_ctrl_c_while_workers_send_their_results_ends_the_command(tmp_path: Path, after) -> None:
    """Ctrl-C while the workers are sending large results: the command ends with its
    summary and 130, at once (a worker stopped in the middle of a result left the executor
    waiting for the rest of it for ever, and the process with it), and the rerun finishes."""
    corpus = tmp_path / "news"
    make_corpus(corpus, 40)
    db, trace = tmp_path / "g.duckdb", tmp_path / "trace.txt"
    code = _CLI_SCRIPT.format(tests=str(TESTS), corpus=str(corpus), db=str(db))
    env = {**os.environ, "TRACE_FILE": str(trace)}
    cmd = [sys.executable, "-c", code]
    proc = subprocess.Popen(cmd, env=env, stderr=subprocess.PIPE, text=True)
    _wait_for(trace, after, proc)
    proc.send_signal(signal.SIGINT)
    try:
        _, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        raise AssertionError("the interrupted ingest did not end") from None
    assert proc.returncode == 130 and "interrupted" in err and "Traceback" not in err, err
    assert run([corpus], db)[0] == 0
    assert len(exported(db)["articles"]) == 40


def test_ctrl_c_does_not_wait_for_the_workers_current_articles(tmp_path: Path) -> None:
    """Ctrl-C with several workers stops at once, even while a worker is in the middle of
    a long article: its work is thrown away (nothing of it is stored), not waited for,
    and the rerun does it."""
    corpus = tmp_path / "news"
    make_corpus(corpus, 12)
    db, trace = tmp_path / "g.duckdb", tmp_path / "trace.txt"
    proc = _start(corpus, db, trace, workers=2, extractor="stuck_extractor")
    _wait_for(trace, 6, proc)  # art0000-art0004 done, and then a worker is stuck on art0005
    assert "stuck-art0005" in trace.read_text()
    t0 = time.monotonic()
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert time.monotonic() - t0 < 60, "waited for the stuck article"
    assert proc.returncode == 130 and "interrupted" in err and "Traceback" not in err, err
    assert run([corpus], db)[0] == 0
    assert len(exported(db)["articles"]) == 12


# --------------------------------------------------------------------------- the real CLI


def test_cli_ingest_equals_extract_with_the_real_pipeline(tmp_path: Path) -> None:
    """`geotimeline ingest` (all cores, real pipeline) stores exactly what
    `geotimeline extract` computes in one go; a rerun skips everything."""
    corpus = tmp_path / "news"
    make_corpus(corpus, 24)
    (corpus / "seed.txt").write_text(
        (TESTS.parent / "data" / "000_b0493dc1623e2b1d.txt").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    (corpus / "bad.txt").write_text("no date here\n")
    db = tmp_path / "g.duckdb"
    cli = [sys.executable, "-m", "dashapp"]
    out = subprocess.run(
        [*cli, "ingest", str(corpus), "--db", str(db), "--workers", "2"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert out.returncode == 1, out.stderr  # bad.txt
    assert "ingested 25 articles (0 replaced), skipped 0 unchanged, failed 1" in out.stderr
    assert "Traceback" not in out.stderr and "\r" not in out.stderr  # no bar in a pipe
    ext = tmp_path / "ext.json"
    subprocess.run(
        [*cli, "extract", str(corpus), "-o", str(ext)],
        capture_output=True,
        timeout=300,
        check=False,
    )
    expected = json.loads(ext.read_text(encoding="utf-8"))
    got = json.loads(json.dumps(exported(db)))
    assert len(got["events"]) > 25
    assert got == expected
    out = subprocess.run(
        [*cli, "ingest", str(corpus), "--db", str(db)], capture_output=True, text=True, timeout=300
    )
    assert "ingested 0 articles (0 replaced), skipped 25 unchanged, failed 1" in out.stderr


def test_ingest_extracts_again_what_another_setting_made(corpus: Path, tmp_path: Path) -> None:
    """A stored article is current for the setting it was extracted under: another
    --doc-type, another actors file or another release of the extraction's code or data
    extracts it again (and the same setting again skips it)."""
    db = tmp_path / "g.duckdb"
    assert run([corpus], db)[0] == 0
    assert "ingested 0 articles (0 replaced), skipped 40 unchanged" in run([corpus], db)[1]
    code, err = run([corpus], db, doc_type="narrative")
    assert code == 0 and "ingested 40 articles (40 replaced), skipped 0" in err, err
    assert (
        "ingested 0 articles (0 replaced), skipped 40" in run([corpus], db, doc_type="narrative")[1]
    )
    mine = tmp_path / "mine.json"
    mine.write_text('{"actors": [{"name": "Freedonia", "kind": "country"}]}', encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("GEOTIMELINE_ACTORS", str(mine))
        assert "(40 replaced)" in run([corpus], db, doc_type="narrative")[1]
        assert "skipped 40" in run([corpus], db, doc_type="narrative")[1]
        mp.setattr(batch, "_extraction_code", lambda: "another release")
        assert "(40 replaced)" in run([corpus], db, doc_type="narrative")[1]


def test_a_users_actors_file_reaches_articles_stored_before_it(tmp_path: Path, monkeypatch) -> None:
    """Real pipeline: an actor the user adds after a first ingest is found in the stored
    articles once ingest runs again with the file."""
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text(
        "Talks in Geneva\n20220103\nhttps://example.org/a\n"
        "Russia held talks with Freedonia in Geneva on Thursday, officials said.\n",
        encoding="utf-8",
    )
    db = tmp_path / "g.duckdb"

    def actors_in_store() -> set[str]:
        return {a for ev in exported(db)["events"] for a in ev["actors"]}

    assert run([news], db, extractor=batch.pipeline_extractor)[0] == 0
    assert "Russia" in actors_in_store() and "Freedonia" not in actors_in_store()
    mine = tmp_path / "mine.json"
    mine.write_text('{"actors": [{"name": "Freedonia", "kind": "country"}]}', encoding="utf-8")
    monkeypatch.setenv("GEOTIMELINE_ACTORS", str(mine))
    code, err = run([news], db, extractor=batch.pipeline_extractor)
    assert code == 0 and "ingested 1 article (1 replaced)" in err, err
    assert {"Russia", "Freedonia"} <= actors_in_store()


def _warm_up_in_a_fresh_process(env: dict[str, str]) -> str:
    code = "from dashapp import batch\nbatch.warm_up()\nprint(sorted(batch._GAZETTEERS))\n"
    run = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    return run.stdout.strip()


def test_warm_up_loads_the_gazetteer_and_leaves_a_bad_actors_file_to_the_articles(
    tmp_path: Path,
) -> None:
    # what ingest's fork server does before forking workers (dashapp.warm)
    assert _warm_up_in_a_fresh_process({"GEOTIMELINE_ACTORS": ""}) == "['']"
    bad = tmp_path / "actors.json"
    bad.write_text("{not json", encoding="utf-8")
    # no gazetteer, and no exception: the first article reports the broken file
    assert _warm_up_in_a_fresh_process({"GEOTIMELINE_ACTORS": str(bad)}) == "[]"
    article = Article("a", "", date(2022, 1, 3), "", "On Monday, Putin spoke.")
    os.environ["GEOTIMELINE_ACTORS"] = str(bad)
    try:
        (got,) = batch.extract_batch([(article, "h")], batch.pipeline_extractor, "news")
    finally:
        del os.environ["GEOTIMELINE_ACTORS"]
    assert got.error is not None and f"{bad}: not valid JSON" in got.error


def test_results_shipped_from_workers_pickle_as_calls_of_their_class() -> None:
    import pickle

    from dashapp.models import Mention

    article = Article("a", "Talks", date(2022, 1, 3), "u", "On Monday, Putin met Zelensky.")
    (got,) = batch.extract_batch([(article, "h")], stub_extractor, "news")
    assert got.events and got.timexes and got.actors
    mention = got.events[0].mentions[0]
    assert isinstance(mention, Mention)
    for record in (got, article, got.timexes[0], got.events[0], mention, got.actors[0]):
        cls, args = record.__reduce__()
        assert cls is type(record) and cls(*args) == record
        assert pickle.loads(pickle.dumps(record, pickle.HIGHEST_PROTOCOL)) == record


def test_deletes_over_the_budget_run_as_removals_first_with_the_same_results(
    corpus: Path, tmp_path: Path
) -> None:
    """Replacing articles deletes index keys spread over a large store, which DuckDB
    must load: past `delete_bytes` the changed articles are first removed in groups, a
    transaction for each followed by a checkpoint that releases what it loaded, and the
    write ends where one transaction ends."""

    one, parts = tmp_path / "one.duckdb", tmp_path / "parts.duckdb"
    for db in (one, parts):
        assert run([corpus], db)[0] == 0
    for i, path in enumerate(sorted(corpus.glob("*.txt"))[3:30:3]):
        text = path.read_text(encoding="utf-8")
        path.write_text(text + f"Russia and France held talks on March {i + 1}, 2022.\n")
    reports, released = [], []
    for db, budget in ((one, DELETE_BYTES), (parts, 1)):
        with Store(db, threads=1, memory_limit=batch.WRITER_MEMORY, delete_bytes=budget) as s:
            add, checkpoint = s.add_results, s._checkpoint

            def recorded(*args, _add=add):  # noqa: ANN001, ANN202
                reports.append(_add(*args))
                return reports[-1]

            def measured(_s=s, _checkpoint=checkpoint) -> None:
                before = index_held(_s)
                _checkpoint()
                released.append((before, index_held(_s)))

            s.add_results = recorded  # type: ignore[method-assign]
            s._checkpoint = measured  # type: ignore[method-assign]
            summary = batch.ingest([str(corpus)], s, workers=1, extractor=stub_extractor)
            assert (summary.added, summary.replaced) == (0, 9)
    # a store of 40 articles has small indexes: under the default budget, one
    # transaction; with a budget of one byte, one removal per replaced article, after
    # each a checkpoint that releases the index parts its deletes loaded, then the write
    # (a store larger than the budget is checkpointed after it too)
    assert [r.transactions for r in reports] == [1, 10]
    assert len(released) == 10
    assert all(after < before / 2 for before, after in released), released
    assert exported(parts) == exported(one)


def test_merge_candidates_read_in_slices_give_the_same_results(
    corpus: Path, tmp_path: Path, monkeypatch
) -> None:
    """A dense store offers a merge tens of thousands of candidate events, read a slice at
    a time (POOL_SLICE) so that DuckDB's memory per query stays bounded; slicing changes
    nothing."""
    from dashapp import store as store_module

    make_corpus(corpus, 40, start=40)
    monkeypatch.setattr(batch, "BATCH_SIZE", 16)
    whole = tmp_path / "whole.duckdb"
    assert run([corpus], whole)[0] == 0
    slices: list[int] = []
    real = Store._load_slice

    def load_slice(self, cands, *args, **kwargs):  # noqa: ANN001, ANN202
        slices.append(len(cands))
        return real(self, cands, *args, **kwargs)

    monkeypatch.setattr(store_module, "POOL_SLICE", 3)
    monkeypatch.setattr(Store, "_load_slice", load_slice)
    sliced = tmp_path / "sliced.duckdb"
    assert run([corpus], sliced)[0] == 0
    assert max(slices) == 3 and len(slices) > 10
    assert exported(sliced) == exported(whole)


def test_merge_candidates_stay_in_the_database_between_slices(
    corpus: Path, tmp_path: Path, monkeypatch
) -> None:
    """A merge's candidates grow with how crowded the store is, not with the transaction:
    they stay in DuckDB and Python holds one slice of them at a time (while a slice is
    loaded, neither the merge nor the loop over slices holds a map of more candidates)."""
    import sys as _sys

    from dashapp import store as store_module

    make_corpus(corpus, 40, start=40)
    monkeypatch.setattr(batch, "BATCH_SIZE", 16)
    monkeypatch.setattr(store_module, "POOL_SLICE", 3)
    held: list[int] = []
    real = Store._load_slice

    def load_slice(self, cands, *args, **kwargs):  # noqa: ANN001, ANN202
        frame = _sys._getframe(1)
        while frame is not None and frame.f_code.co_name in ("_load_pool", "_merge_in"):
            for value in frame.f_locals.values():
                if (
                    isinstance(value, dict)
                    and value is not kwargs.get("deferred")
                    and value
                    and all(type(k) is int for k in value)
                ):
                    held.append(len(value))
            frame = frame.f_back
        return real(self, cands, *args, **kwargs)

    monkeypatch.setattr(Store, "_load_slice", load_slice)
    assert run([corpus], tmp_path / "s.duckdb")[0] == 0
    assert held and max(held) <= 3


def test_implied_events_reach_worker_processes_and_shipped_extractors(tmp_path: Path) -> None:
    """Real pipeline: with `implied`, two worker processes store what one does, the earlier
    call the seed's "their second in just over three weeks" implies included; the
    extractor shipped to a Dask cluster adds it too."""
    from dashapp.ingest import load

    seed = Path(__file__).resolve().parents[1] / "data" / "000_b0493dc1623e2b1d.txt"
    got = {}
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.duckdb"
        code, err = run([seed], db, workers=workers, implied=True, extractor=None)
        assert code == 0, err
        got[workers] = exported(db)["events"]
    assert got[1] == got[2]
    assert [e["value"] for e in got[1] if e["approximate"]] == ["2021-W49"]
    _, events, _ = batch.ShippedActors('{"actors": []}', implied=True)(load(seed)[0], "news")
    assert [e.value for e in events if e.approximate] == ["2021-W49"]
    _, events, _ = batch.ShippedActors('{"actors": []}')(load(seed)[0], "news")
    assert not [e for e in events if e.approximate]
    # the dashboard's extractor (articles uploaded or pasted into `serve --implied-events`)
    from dashapp.app import make_extractor

    article = load(seed)[0]
    assert [e.value for e in make_extractor(implied=True)([article]).events if e.approximate] == [
        "2021-W49"
    ]
    assert not [e for e in make_extractor()([article]).events if e.approximate]


def test_events_at_the_ends_of_the_calendar_are_stored_with_the_others(tmp_path: Path) -> None:
    """Real pipeline: an event on 0001-01-01 or 9999-12-30 has no merge window beyond the
    calendar; it is stored like any other, and the batch with it goes on."""
    news = tmp_path / "news"
    news.mkdir()
    (news / "first.txt").write_text(
        "Old talks\n00010105\n\nOn Monday, Joe Biden spoke by phone with Vladimir Putin.\n",
        encoding="utf-8",
    )
    (news / "last.txt").write_text(
        "Far talks\n99991220\n\nOn December 30, Joe Biden will speak by phone with Putin.\n",
        encoding="utf-8",
    )
    (news / "plain.txt").write_text(
        "Talks\n20220103\n\nOn Monday, Joe Biden spoke by phone with Vladimir Putin.\n",
        encoding="utf-8",
    )
    db = tmp_path / "g.duckdb"
    code, err = run([news], db, extractor=batch.pipeline_extractor)
    assert code == 0 and "ingested 3 articles" in err, err
    values = {e["value"] for e in exported(db)["events"]}
    assert {"0001-01-01", "9999-12-30", "2022-01-03"} <= values
    # and again: the stored edge events are merge candidates of the same articles' events
    assert run([news], db, extractor=batch.pipeline_extractor, doc_type="narrative")[0] == 0


@pytest.mark.parametrize(
    "raised",
    [RuntimeError("Query interrupted"), duckdb.TransactionException("cannot rollback")],
)
def test_ctrl_c_that_surfaces_as_a_database_error_is_an_interruption(
    raised: Exception, corpus: Path, tmp_path: Path, monkeypatch
) -> None:
    """Ctrl-C during a write reaches ingest as DuckDB's or Arrow's own error; it is reported
    as an interruption (the summary, exit 130), not as a failing database (exit 2) or an
    internal error, and the same command then finishes the job."""
    real = batch.write_batch
    calls = []

    def write_batch(*args, **kw):
        calls.append(1)
        if len(calls) == 2:
            try:
                os.kill(os.getpid(), signal.SIGINT)
                time.sleep(1)
            except KeyboardInterrupt:
                raise raised from None
        return real(*args, **kw)

    monkeypatch.setattr(batch, "write_batch", write_batch)
    db = tmp_path / "g.duckdb"
    monkeypatch.setattr(batch, "BATCH_SIZE", 8)  # several writes
    err_io = io.StringIO()
    code = batch.ingest_command(
        [str(corpus)], db=db, workers=1, extractor=stub_extractor, err=err_io
    )
    assert code == 130, err_io.getvalue()
    assert "interrupted" in err_io.getvalue() and "Traceback" not in err_io.getvalue()
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
    monkeypatch.setattr(batch, "write_batch", real)
    code, out = run([corpus], db)
    assert code == 0 and "failed 0" in out, out


def test_extraction_workers_do_not_import_duckdb() -> None:
    # a worker process (the local pool's or a Dask worker) imports the modules of its
    # tasks; DuckDB and the store are the writer's alone (about 30 MB more in each worker)
    code = (
        "import sys, dashapp.batch, dashapp.distributed, dashapp.pipeline; "
        "print(sorted(m for m in ('duckdb', 'dashapp.store') if m in sys.modules))"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]"
