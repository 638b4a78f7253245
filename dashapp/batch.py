"""Batch ingest: article files -> extraction on every core (or a Dask cluster) -> store.

The parent process reads the inputs, skips articles already stored with the same content
hash, hands batches to worker processes and alone writes to DuckDB, one transaction per
batch of whole articles, in input order: results do not depend on the number of workers,
and an interrupted run (Ctrl-C, kill -9) leaves only whole articles behind, so running
it again finishes the job.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import multiprocessing
import os
import pickle
import signal
import stat
import sys
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from dashapp.gc_tuning import use_system_allocator
from dashapp.ingest import (
    JSONL_SUFFIXES,
    MAX_FILE_BYTES,
    ArticleError,
    article_key,
    expand,
    iter_articles,
    stored_sources,
)
from dashapp.models import Actor, Article, DocType, Event, Timex, pickled_by_fields

if TYPE_CHECKING:  # DuckDB is the writer's alone: worker processes never import it
    import duckdb

    from dashapp.store import Store

PROG = "geotimeline"
DB_DIR = ".geotimeline"
DB_NAME = "geotimeline.duckdb"
# DuckDB's memory in the writing process (its cache of the database, and what it has not
# yet written to the file): without a cap it grows with the database. The store adds, for
# each write, the index parts it holds and may load (Store._fit_memory). Smaller bases
# gave a lower peak at the same CPU (five 1,024-article transactions into a store of
# 100,000 crowded articles: 462 MB with 128, 396 with 64, 368 with 32), but ran out of
# DuckDB's memory in benchmarks/writer_memory.py --n 300000 (32 MB at 100,000-150,000
# articles, 64 MB at 200,000-250,000, the latter even when retried after a checkpoint,
# which lowers the cap with the index parts it releases): see docs/performance.md.
WRITER_MEMORY = 128 * 2**20
# Write-ahead log that DuckDB lets grow before it writes it into the database file.
WRITER_CHECKPOINT = "128MB"
# Articles per store transaction: large enough to amortise a commit (about 15 ms on disk)
# and the scans of the merge index, events and mentions that each transaction makes
# (they grow with the store), small enough to lose little on a kill (a few seconds of
# work). On a store of 60,000 articles the writer spends 5.0 ms per article with 256,
# 3.7 with 512, 3.4 with 1024.
BATCH_SIZE = 1024
# The merge of a transaction loads the stored events its new ones may join. Where a corpus
# packs ever more events of one kind into the same weeks there are more of them per
# article, so the batch is halved (down to MIN_BATCH_SIZE) after a transaction that loaded
# more than POOL_CAP, and doubled again (up to the batch size) after one that loaded under
# a quarter of it: the writer's memory stays bounded. Results do not depend on the batch
# size (tests/test_batch.py). Smaller transactions cost writer time (the benchmark's
# 60,000 crowded articles, 2 workers: 310 articles/s and 673 MB uncapped, 253 articles/s
# and 633 MB with a cap of 4,096; their last batches of 1,024 loaded about 7,600 stored
# events), so the cap is a bound for extreme corpora, not a setting for ordinary ones.
POOL_CAP = 16384
MIN_BATCH_SIZE = 64
# The pool is only a proxy: Python keeps the arenas of each transaction's high-water mark,
# so the writer's resident memory creeps up with a crowded corpus even under the cap
# (benchmarks/writer_memory.py, 300,000 articles of one decade: peaks 427, 532, 589, 637,
# 676, 699 MB per 50,000; with --engine dask the ingest process, which hosts the
# scheduler, reached 676 MB at 200,000, 977 MB with its two workers). So the writer also
# reads its own resident memory after each transaction (Linux; elsewhere the pool alone
# decides) and, above MEMORY_BUDGET, halves the next transaction as for a large pool. That
# memory seldom falls again (the arenas stay), so it then halves again only when the
# memory has grown by more than 1/32 of the budget since the last halving, and otherwise
# keeps the size: a writer whose memory holds still over the budget is not driven down to
# MIN_BATCH_SIZE. It grows back only when the pool is under a quarter of POOL_CAP and the
# memory under three quarters of the budget. 576 MB: above the writer's peak where its
# memory levels off by itself (556 MB, 1.5 million events, --archive), so that such
# corpora keep their large transactions (a store over 1.1 million events is checkpointed
# after every write), and low enough that the ingest process (the budget plus what a
# transaction's working set adds: the stored events a merge loads grow with the
# transaction, about 9,600 for 1,024 articles and 1,100 for 64 on a store of 40,000
# crowded articles, and at most store.POOL_PER_EVENT per new event) and two Dask workers
# of about 150 MB each stay under 1 GB. `geotimeline ingest --memory-budget MB` sets it
# (0: no budget).
MEMORY_BUDGET = 576 * 2**20
# Articles per worker task: smaller than a transaction so that the cores stay evenly busy.
TASK_SIZE = 32
# A JSONL file larger than this is read in blocks of JSONL_BLOCK_LINES lines.
JSONL_STREAM_BYTES = 4 * 2**20
JSONL_BLOCK_LINES = 2000

# (article, doc type) -> (expressions, events merged within the article, their actors)
Extractor = Callable[[Article, DocType], tuple[tuple[Timex, ...], list[Event], tuple[Actor, ...]]]


class EngineError(Exception):
    """The engine cannot run (the Dask scheduler cannot be reached): a user's problem,
    said in one line (exit status 2), not an internal error."""


@pickled_by_fields
@dataclass(frozen=True, slots=True)
class Extracted:
    """A worker's answer for one article: its results, or why extraction failed."""

    article: Article
    hash: str
    timexes: tuple[Timex, ...] = ()
    events: tuple[Event, ...] = ()
    actors: tuple[Actor, ...] = ()
    error: str | None = None


@dataclass(slots=True)
class Summary:
    """Counts of one ingest run, and the failures as (source, problem)."""

    added: int = 0
    replaced: int = 0
    skipped: int = 0  # unchanged, duplicates included
    duplicates: int = 0  # inputs whose content another input or stored article holds
    failures: list[tuple[str, str]] = field(default_factory=list)
    interrupted: bool = False
    seconds: float = 0.0

    @property
    def ingested(self) -> int:
        return self.added + self.replaced

    @property
    def failed(self) -> int:
        return len(self.failures)


# --------------------------------------------------------------------------- extraction

# $GEOTIMELINE_ACTORS -> its gazetteer, loaded once per process
_GAZETTEERS: dict[str, Any] = {}

# Modules of the package that do not take part in extraction: a change to them leaves
# stored results current (see extraction_setting).
_NOT_EXTRACTION = {
    "batch.py",
    "cli.py",
    "distributed.py",
    "export.py",
    "gc_tuning.py",
    "store.py",
    "warm.py",
    "__main__.py",
}


@functools.cache
def _extraction_code() -> str:
    """A hash of the extraction's code and data: every module and resource file of the
    package but the dashboard's (app/) and those in _NOT_EXTRACTION."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for f in sorted(root.rglob("*")):
        rel = f.relative_to(root)
        if (
            not f.is_file()
            or rel.parts[0] in ("app", "__pycache__")
            or "__pycache__" in rel.parts
            or str(rel) in _NOT_EXTRACTION
            or f.suffix not in (".py", ".json", ".tsv", ".txt")
        ):
            continue
        h.update(rel.as_posix().encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()[:16]


def extraction_setting(doc_type: DocType, implied: bool = False) -> str:
    """What decides an article's results besides the article: the extraction's code and
    data, the document type, whether implied events are added and the user's actors file
    ($GEOTIMELINE_ACTORS). Ingest keeps it in each stored article's key, so that running it
    again extracts anew what another release, another --doc-type, --implied-events or
    another actors file made."""
    h = hashlib.sha256(f"{_extraction_code()}\0{doc_type}\0".encode())
    if implied:
        h.update(b"implied\0")
    extra = os.environ.get("GEOTIMELINE_ACTORS")
    if extra:
        h.update(Path(extra).read_bytes())
    return h.hexdigest()[:16]


def stored_key(article: Article, setting: str) -> str:
    """The key ingest stores for an article extracted under `setting`."""
    return f"{article_key(article)}/{setting}"


def pipeline_extractor(
    article: Article, doc_type: DocType, *, implied: bool = False
) -> tuple[tuple[Timex, ...], list[Event], tuple[Actor, ...]]:
    """The real pipeline, with the gazetteer loaded once per process (and the user's
    actors file from $GEOTIMELINE_ACTORS, which the CLI sets for worker processes);
    `implied` as in pipeline.extract_article."""
    from dashapp import pipeline
    from dashapp.actors import Gazetteer

    extra = os.environ.get("GEOTIMELINE_ACTORS") or ""
    gazetteer = _GAZETTEERS.get(extra)
    if gazetteer is None:
        gazetteer = _GAZETTEERS[extra] = Gazetteer.load(Path(extra) if extra else None)
    timexes, events, known = pipeline._extract(article, gazetteer, doc_type, implied)
    return timexes, events, pipeline.actors_of(events, known, gazetteer)


def warm_up() -> None:
    """Extract a one-sentence article, so that this process (and any forked from it) has
    the gazetteer loaded and the pipeline's patterns compiled. A failure is left for the
    first real article to report, with its name."""
    article = Article("warm-up", "", date(2022, 1, 3), "", "On Monday, Joe Biden met Putin.")
    with contextlib.suppress(Exception):
        pipeline_extractor(article, "news")


@dataclass(frozen=True, slots=True)
class ShippedActors:
    """The pipeline extractor for machines that cannot see the user's actors file (a
    Dask cluster): the file's text travels with the task and is written once per
    process to a local temporary file."""

    actors_json: str
    implied: bool = False

    def __call__(
        self, article: Article, doc_type: DocType
    ) -> tuple[tuple[Timex, ...], list[Event], tuple[Actor, ...]]:
        import hashlib
        import tempfile

        from dashapp import pipeline
        from dashapp.actors import Gazetteer

        digest = hashlib.sha1(self.actors_json.encode()).hexdigest()[:16]
        path = Path(tempfile.gettempdir(), f"geotimeline-actors-{digest}.json")
        if not path.exists():
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(self.actors_json, encoding="utf-8")
            os.replace(tmp, path)
        gaz = Gazetteer.load(path)
        timexes, events, known = pipeline._extract(article, gaz, doc_type, self.implied)
        return timexes, events, pipeline.actors_of(events, known, gaz)


def extract_batch(
    batch: Sequence[tuple[Article, str]], extractor: Extractor, doc_type: DocType
) -> list[Extracted]:
    """Extract each article; a failure is reported for that article, never raised."""
    out = []
    for article, h in batch:
        try:
            timexes, events, actors = extractor(article, doc_type)
        except Exception as exc:  # one bad article must not stop the batch
            first = str(exc).splitlines()[0] if str(exc) else ""
            problem = f"extraction failed: {type(exc).__name__}" + (f": {first}" if first else "")
            out.append(Extracted(article, h, error=problem))
            continue
        out.append(Extracted(article, h, tuple(timexes), tuple(events), tuple(actors)))
    return out


_WORKER: tuple[Extractor, DocType] | None = None


def _init_worker(extractor: Extractor, doc_type: DocType) -> None:
    global _WORKER
    # Ctrl-C reaches the whole process group: the parent alone handles it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER = (extractor, doc_type)
    # A worker waits on its task queue forever if the parent is killed (kill -9, the OOM
    # killer): it leaves as soon as the parent's sentinel says the parent is gone.
    parent = multiprocessing.parent_process()
    if parent is not None and parent.sentinel is not None:
        threading.Thread(target=_exit_with_parent, args=(parent.sentinel,), daemon=True).start()


@contextlib.contextmanager
def deaf_to_ctrl_c() -> Iterator[None]:
    """Ctrl-C ignored while the block starts child processes, which keep that disposition
    across exec: a terminal's Ctrl-C reaches the whole process group, and a child that
    got it printed a traceback; this process handles it. Only in the main thread (where
    signal handlers are set); a Ctrl-C during the block is ignored."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    before = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, before)


def _start_forkserver_deaf_to_ctrl_c() -> None:
    """Start the fork server with Ctrl-C ignored (see deaf_to_ctrl_c): one that came while
    the server imported the pipeline printed a traceback from it. The parent ignores
    Ctrl-C only while it spawns the server, not while the server loads."""
    if threading.current_thread() is not threading.main_thread():
        return
    from multiprocessing import forkserver

    with deaf_to_ctrl_c():
        forkserver.ensure_running()


def _exit_with_parent(sentinel: int) -> None:
    from multiprocessing.connection import wait

    wait([sentinel])
    os._exit(1)


def _worker_batch(batch: Sequence[tuple[Article, str]]) -> bytes:
    """The batch's results, pickled: the writer unpickles them when it takes them
    (local_results). The executor's thread would otherwise unpickle each as it comes, into
    objects of the writer's heap made in the middle of its transaction and kept past it:
    the batches waiting for the writer took 38 MB as objects (530,000 of them, 13.8 KB an
    article of the generated corpus), and take a third of that pickled (4.5 KB), in
    blocks of the C allocator, apart from Python's. Each result goes without its article
    and hash, (timexes, events, actors, error): the writer has them, as it sent them
    (_results_of), and unpickling the article again cost it 11 of the 99 us per article
    that unpickling took."""
    assert _WORKER is not None
    return pickle.dumps(
        [(x.timexes, x.events, x.actors, x.error) for x in extract_batch(batch, *_WORKER)],
        protocol=pickle.HIGHEST_PROTOCOL,
    )


def _results_of(sent: Future[bytes], batch: Sequence[tuple[Article, str]]) -> list[Extracted]:
    """A batch's results as _worker_batch sent them, with the articles and hashes of the
    batch (in its order, one result each)."""
    return [
        Extracted(article, h, *rest)
        for (article, h), rest in zip(batch, pickle.loads(sent.result()), strict=True)
    ]


def local_results(
    batches: Iterable[list[tuple[Article, str]]],
    *,
    workers: int,
    extractor: Extractor,
    doc_type: DocType,
    in_flight: int | None = None,
) -> Iterator[list[Extracted]]:
    """Batches extracted in worker processes (in-process for one worker), yielded in
    input order. At most `in_flight` batches are queued or running (default: enough to
    keep the workers busy while the caller writes a transaction), so memory stays flat."""
    in_flight = in_flight or 2 * workers + 2 * max(1, BATCH_SIZE // TASK_SIZE)
    if workers <= 1:
        for batch in batches:
            yield extract_batch(batch, extractor, doc_type)
        return
    # Not fork: the parent holds DuckDB's threads. A fork server that has imported the
    # pipeline once starts each worker quickly.
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["dashapp.pipeline", "dashapp.batch", "dashapp.warm"])
        _start_forkserver_deaf_to_ctrl_c()
    else:
        ctx = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=ctx,
        initializer=_init_worker,
        initargs=(extractor, doc_type),
    )
    pending: deque[tuple[Future[bytes], list[tuple[Article, str]]]] = deque()
    try:
        for batch in batches:
            pending.append((_submit_whole(pool, batch), batch))
            if len(pending) >= in_flight:
                done = _results_of(*pending[0])  # (left in `pending` until done)
                pending.popleft()
                yield done
        while pending:
            done = _results_of(*pending[0])
            pending.popleft()
            yield done
    finally:
        if pending:
            # Stopped early (Ctrl-C, a failing write): what the workers are doing would be
            # thrown away, so they are stopped rather than waited for (a task of a long
            # article can take minutes). The executor is not waited for either: a worker
            # stopped while it sent a result leaves part of it in the result pipe, where
            # the executor's thread waits for the rest for ever (an interrupted ingest
            # hung, QA7); the command's process ends at once instead (cli.run). (Its
            # futures are not cancelled: Python 3.11's executor then fails on them with a
            # traceback when it finds its workers gone.)
            _stop_workers(pool)
            pool.shutdown(wait=False)
            _ABANDONED.append(pool)
        else:
            pool.shutdown(wait=True)


# executors left to their threads (see local_results): the process must not wait for them
_ABANDONED: list[ProcessPoolExecutor] = []


def executor_abandoned() -> bool:
    """Whether an executor was left running (local_results stopped early), so that this
    process's exit would wait for its threads, maybe for ever: cli.run ends it at once."""
    return bool(_ABANDONED)


def _submit_whole(pool: ProcessPoolExecutor, batch: list[tuple[Article, str]]) -> Future:
    """pool.submit(_worker_batch, batch), with a Ctrl-C that comes meanwhile raised after
    it: the executor may start a worker there, and a worker started but not yet known to
    it would not be stopped (it then printed a traceback once its parent had gone)."""
    if threading.current_thread() is not threading.main_thread():
        return pool.submit(_worker_batch, batch)
    came: list[int] = []
    before = signal.signal(signal.SIGINT, lambda signum, frame: came.append(signum))
    try:
        return pool.submit(_worker_batch, batch)
    finally:
        signal.signal(signal.SIGINT, before)
        if came and callable(before):
            before(signal.SIGINT, None)


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """Terminate a pool's worker processes (Python 3.14 has a method for it; before it,
    the processes are the executor's `_processes`)."""
    stop = getattr(pool, "terminate_workers", None)
    if stop is not None:  # pragma: no cover - Python 3.14+
        stop()
        return
    procs = list((getattr(pool, "_processes", None) or {}).values())
    for proc in procs:
        proc.terminate()
    for proc in procs:
        proc.join(5)


# --------------------------------------------------------------------------- reading


def read_articles(paths: Sequence[str]) -> Iterator[Article | ArticleError]:
    """`ingest.iter_articles`, except that a large JSONL file is read block by block of
    lines (as the Dask engine reads it), so that memory does not follow the size of the
    input file (read whole, a file takes about three times its size)."""
    from dashapp import distributed

    for item in expand(paths):
        if isinstance(item, ArticleError) or not _jsonl_to_stream(item):
            yield from iter_articles([item]) if isinstance(item, Path) else iter([item])
            continue
        try:
            for unit in distributed.split_file(str(item), JSONL_BLOCK_LINES):
                yield from distributed.read_unit(unit)
        except Exception as exc:  # a bug in a reader must not stop the other files
            first = str(exc).splitlines()[0] if str(exc) else ""
            yield ArticleError(
                str(item),
                f"unexpected error: {type(exc).__name__}" + (f": {first}" if first else ""),
            )


def _jsonl_to_stream(path: Path) -> bool:
    if path.suffix.lower() not in JSONL_SUFFIXES:
        return False
    try:
        st = path.stat()
    except OSError:
        return False  # iter_articles reports it
    # larger than MAX_FILE_BYTES: refused by iter_articles, as before
    return stat.S_ISREG(st.st_mode) and JSONL_STREAM_BYTES < st.st_size <= MAX_FILE_BYTES


@dataclass(frozen=True, slots=True)
class Duplicate:
    """An input whose content is already stored, or was read earlier in the run, as the
    article `of_id` from `of_source`: not stored again (see Store.place_articles)."""

    article: Article
    of_id: str
    of_source: str


def unique_ids(
    items: Iterable[Article | ArticleError],
    store: Store,
    reference_date: date | None = None,
    *,
    setting: str = "",
    chunk: int = BATCH_SIZE,
) -> Iterator[Article | ArticleError | Duplicate]:
    """Two inputs may share an id (files with one stem in two folders): the later ones
    become "id~2", "id~3"... as `geotimeline extract` names them; and an input whose id
    is stored for an article of another source keeps its own, or takes that of a stored
    article with its content (see `Store.place_ids`; keys as stored under `setting`).
    Sources become as the store keeps them (`ingest.stored_source`). An input whose content
    is stored under any id, or was read earlier in the run, comes as a Duplicate. The ids
    and contents met are kept in the store, not in memory that grows with the corpus."""
    buf: list[Article | ArticleError] = []

    def flush() -> Iterator[Article | ArticleError | Duplicate]:
        arts = []
        sources = iter(stored_sources([x.source for x in buf if isinstance(x, Article)]))
        for k, item in enumerate(buf):
            if isinstance(item, Article):
                if reference_date is not None:
                    item = replace(item, reference_date=reference_date)
                source = next(sources)
                if source != item.source:  # (replace would make an equal article)
                    item = replace(item, source=source)
                buf[k] = item
                arts.append(item)
        placed = iter(
            store.place_articles(
                [a.id for a in arts],
                [a.source for a in arts],
                [stored_key(a, setting) for a in arts],
            )
        )
        for item in buf:
            if isinstance(item, Article):
                new_id, dup = next(placed)
                if dup is not None:
                    yield Duplicate(item, *dup)
                    continue
                if new_id != item.id:
                    item = replace(item, id=new_id)
            yield item
        buf.clear()

    for item in items:
        buf.append(item)
        if len(buf) >= chunk:
            yield from flush()
    yield from flush()


def to_extract(
    items: Iterable[Article | ArticleError | Duplicate],
    store: Store,
    summary: Summary,
    *,
    size: int,
    setting: str,
    chunk: int = BATCH_SIZE,
) -> Iterator[list[tuple[Article, str]]]:
    """Batches of `size` (article, content hash) not yet stored with that hash; unreadable
    inputs, unchanged articles and duplicates are counted in `summary` on the way. The store is
    asked about `chunk` articles at a time."""

    def flush(arts: list[Article]) -> Iterator[list[tuple[Article, str]]]:
        stored = store.article_hashes([a.id for a in arts])
        todo = []
        for a in arts:
            h = stored_key(a, setting)
            if stored.get(a.id) == h:
                summary.skipped += 1
            else:
                todo.append((a, h))
        for k in range(0, len(todo), size):
            yield todo[k : k + size]

    arts: list[Article] = []
    for item in items:
        if isinstance(item, ArticleError):
            summary.failures.append((item.source, item.problem))
            continue
        if isinstance(item, Duplicate):
            summary.skipped += 1
            summary.duplicates += 1
            continue
        arts.append(item)
        if len(arts) >= chunk:
            yield from flush(arts)
            arts = []
    if arts:
        yield from flush(arts)


def count_articles(paths: Sequence[str]) -> int:
    """A quick estimate of the number of articles, for the progress bar: a text or JSON
    file counts one, a JSONL file its lines, a Parquet file its rows."""
    total = 0
    for item in expand(paths):
        if isinstance(item, ArticleError):
            continue
        suffix = item.suffix.lower()
        try:
            if suffix in (".jsonl", ".ndjson"):
                with open(item, "rb") as fh:
                    total += sum(
                        chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b"")
                    )
            elif suffix == ".parquet":
                import pyarrow.parquet as pq

                total += pq.ParquetFile(item).metadata.num_rows
            else:
                total += 1
        except Exception:  # unreadable: ingest itself reports it
            total += 1
    return total


# --------------------------------------------------------------------------- progress


class Progress:
    """A one-line progress bar with rate and ETA on stderr; silent when disabled."""

    def __init__(self, total: int | None, stream: TextIO, enabled: bool) -> None:
        self.total = total
        self.stream = stream
        self.enabled = enabled
        self.done = 0  # articles extracted
        self.passed = 0  # articles skipped as unchanged, or failed: no extraction to wait for
        self.start = time.monotonic()
        self._last = 0.0
        self._shown = False

    def advance(self, n: int, passed: int | None = None) -> None:
        """`n` more articles extracted; `passed`, when given, the number skipped or
        failed so far (the bar counts them as done, the rate and ETA do not)."""
        self.done += n
        if passed is not None:
            self.passed = passed
        now = time.monotonic()
        if self.enabled and now - self._last >= 0.1:
            self._last = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        elapsed = max(now - self.start, 1e-9)
        rate = self.done / elapsed
        handled = self.done + self.passed
        if self.total:
            frac = min(handled / self.total, 1.0)
            bar = "#" * int(frac * 24)
            left = max(self.total - handled, 0)
            eta = _clock(left / rate) if rate > 0 else "?"
            line = (
                f"ingest [{bar:<24}] {handled}/{self.total} {frac:4.0%} "
                f"{rate:7.1f} articles/s  ETA {eta}"
            )
        else:
            line = f"ingest {handled} articles {rate:7.1f} articles/s"
        self.stream.write("\r" + line + "\x1b[K")
        self.stream.flush()
        self._shown = True

    def finish(self, passed: int) -> None:
        """Draw the final count (the last advance may have fallen between redraws)."""
        self.passed = passed
        if self.enabled:
            self._draw(time.monotonic())

    def clear(self) -> None:
        """Erase the bar so that a message line can be printed."""
        if self.enabled and self._shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
            self._shown = False

    def message(self, text: str) -> None:
        self.clear()
        print(text, file=self.stream)


def _clock(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600}:{s // 60 % 60:02d}:{s % 60:02d}"


# --------------------------------------------------------------------------- the run


def default_db_path(paths: Sequence[str | os.PathLike[str]]) -> Path:
    """`.geotimeline/geotimeline.duckdb` in the first input's folder (the input itself
    when it is a folder; the folder of a glob's fixed part)."""
    if not paths:
        return Path(DB_DIR, DB_NAME)
    first = os.fspath(paths[0])
    if "://" in first:
        return Path(DB_DIR, DB_NAME)
    path = Path(first)
    if not path.exists():
        import glob

        if glob.has_magic(first):
            parts = []
            for part in path.parts:
                if glob.has_magic(part):
                    break
                parts.append(part)
            path = Path(*parts) if parts else Path(".")
    folder = path if path.is_dir() else path.parent
    return folder / DB_DIR / DB_NAME


def open_store(db: str | os.PathLike[str]) -> Store:
    """The store as ingest writes it: one DuckDB thread, its memory capped."""
    from dashapp.store import Store

    return Store(db, threads=1, memory_limit=WRITER_MEMORY, checkpoint_threshold=WRITER_CHECKPOINT)


def ingest(
    paths: Sequence[str],
    store: Store,
    *,
    workers: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    reference_date: date | None = None,
    doc_type: DocType = "news",
    implied: bool = False,
    extractor: Extractor | None = None,
    progress: Progress | None = None,
    batch_size: int | None = None,
    memory_budget: int | None = None,
    report: Callable[[str], None] | None = None,
    summary: Summary | None = None,
) -> Summary:
    """Ingest `paths` into `store`; returns the counts. Bad inputs are reported through
    `report` (one line each) and counted, never raised. `implied` as in
    pipeline.extract_article (for the default extractor). `memory_budget`: bytes of
    resident memory above which the writer shrinks its transactions (default
    MEMORY_BUDGET, distributed.MEMORY_BUDGET with the Dask engine, 0 for none). The Dask
    engine runs on the cluster at `scheduler` (an address or a Client), or without one on
    a LocalCluster of `workers` processes started for the run."""
    import duckdb

    use_system_allocator()
    summary = summary if summary is not None else Summary()
    batch_size = batch_size or BATCH_SIZE
    if memory_budget is not None:
        budget = memory_budget
    elif engine == "dask":
        from dashapp.distributed import MEMORY_BUDGET as DASK_MEMORY_BUDGET

        budget = DASK_MEMORY_BUDGET
    else:
        budget = MEMORY_BUDGET
    t0 = time.monotonic()
    if extractor is None:
        shipped = engine == "dask" and os.environ.get("GEOTIMELINE_ACTORS")
        if shipped:
            text = Path(os.environ["GEOTIMELINE_ACTORS"]).read_text(encoding="utf-8")
            extractor = ShippedActors(text, implied)
        elif implied:
            extractor = functools.partial(pipeline_extractor, implied=True)
        else:
            extractor = pipeline_extractor
    say = report or (lambda line: None)
    failures_seen = 0

    def flush_failures() -> None:
        nonlocal failures_seen
        for source, problem in summary.failures[failures_seen:]:
            say(f"{PROG}: error: {source}: {problem}")
        failures_seen = len(summary.failures)

    setting = extraction_setting(doc_type, implied)
    if engine == "dask":
        from dashapp.distributed import dask_results

        results = dask_results(
            paths,
            store,
            summary,
            scheduler=scheduler,
            reference_date=reference_date,
            doc_type=doc_type,
            extractor=extractor,
            batch_size=batch_size,
            setting=setting,
            workers=workers,
        )
    elif engine == "local":
        items = unique_ids(read_articles(paths), store, reference_date, setting=setting)
        batches = to_extract(
            items, store, summary, size=min(TASK_SIZE, batch_size), setting=setting
        )
        results = local_results(
            batches,
            workers=workers or os.cpu_count() or 1,
            extractor=extractor,
            doc_type=doc_type,
        )
    else:
        raise ValueError(f"unknown engine {engine!r} (expected 'local' or 'dask')")
    buffer: list[Extracted] = []
    size = batch_size
    mark = 0  # see next_batch_size
    try:
        for done in results:
            buffer += done
            if len(buffer) >= size:
                pooled = write_batch(store, buffer, summary)
                size, mark = next_batch_size(
                    size,
                    pooled,
                    batch_size,
                    rss=resident_bytes() if budget else None,
                    budget=budget,
                    mark=mark,
                )
                buffer = []
            flush_failures()
            if progress is not None:
                failed = sum(1 for x in done if x.error is not None)
                progress.advance(len(done) - failed, summary.skipped + len(summary.failures))
        if buffer:
            write_batch(store, buffer, summary)
        flush_failures()
        if progress is not None:
            progress.finish(summary.skipped + len(summary.failures))
    except (KeyboardInterrupt, duckdb.InterruptException):
        # (Ctrl-C during a query: DuckDB stops it and rolls its transaction back)
        summary.interrupted = True
    finally:
        summary.seconds = time.monotonic() - t0
        close = getattr(results, "close", None)
        if close is not None:
            try:
                close()
            except KeyboardInterrupt:
                summary.interrupted = True
    return summary


def next_batch_size(
    size: int,
    pooled: int,
    most: int,
    *,
    rss: int | None = None,
    budget: int = 0,
    mark: int = 0,
) -> tuple[int, int]:
    """The next transaction's size after one of `size` articles whose merge loaded
    `pooled` stored events, the writer then holding `rss` bytes of resident memory (None:
    unknown) against a `budget` (0: none), and the new `mark`; see POOL_CAP and
    MEMORY_BUDGET. `mark`: the resident memory when it last halved a transaction for
    memory (0: never); over the budget, it halves the next one only when the memory has
    grown past the mark by more than 1/32 of the budget since, and otherwise keeps its
    size. At most `most`, at least MIN_BATCH_SIZE (or `most` if smaller)."""
    half = max(min(MIN_BATCH_SIZE, most), size // 2)
    measured = rss is not None and budget > 0
    if measured and rss > budget:
        assert rss is not None
        if rss > mark + budget // 32:
            return half, rss
        return (half if pooled > POOL_CAP else size), mark
    if pooled > POOL_CAP:
        return half, mark
    if pooled < POOL_CAP // 4 and (not measured or rss < budget * 3 // 4):
        return min(most, size * 2), mark
    return size, mark


def resident_bytes() -> int | None:
    """This process's resident memory now, from /proc/self/statm (Linux: one small read);
    None where that cannot be read."""
    try:
        with open("/proc/self/statm", "rb") as fh:
            return int(fh.read().split()[1]) * _PAGE_SIZE
    except (OSError, ValueError, IndexError):
        return None


try:
    _PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
except (AttributeError, ValueError, OSError):  # no sysconf: statm is not there either
    _PAGE_SIZE = 4096


def write_batch(store: Store, done: Sequence[Extracted], summary: Summary) -> int:
    """One transaction for a batch of whole articles; failures are counted. Returns how
    many stored events its merge loaded."""
    from dashapp.store import ArticleResult

    ok = []
    actors: dict[str, Actor] = {}
    for x in done:
        if x.error is not None:
            summary.failures.append((x.article.source or x.article.id, x.error))
            continue
        ok.append(ArticleResult(x.article, x.timexes, x.events, x.hash))
        actors.update((a.name, a) for a in x.actors)
    if not ok:
        return 0
    rep = store.add_results(ok, actors.values())
    summary.added += len(rep.added)
    summary.replaced += len(rep.replaced)
    summary.skipped += len(rep.skipped)
    return rep.pooled


def format_summary(summary: Summary, db: Path | None, events: int | None = None) -> list[str]:
    rate = summary.ingested / summary.seconds if summary.seconds > 0 else 0.0
    lines = [
        f"{PROG}: {'interrupted: ' if summary.interrupted else ''}"
        f"ingested {summary.ingested} article{'s' if summary.ingested != 1 else ''}"
        f" ({summary.replaced} replaced), skipped {summary.skipped} unchanged"
        + (
            f" ({summary.duplicates} a duplicate of another article)"
            if summary.duplicates == 1
            else f" ({summary.duplicates} duplicates of other articles)"
            if summary.duplicates
            else ""
        )
        + ","
        f" failed {summary.failed}, in {summary.seconds:.1f} s"
        # no rate of nothing: a run that skipped everything is not '0.0 articles/s'
         + (f" ({rate:.1f} articles/s)" if summary.ingested else "")
    ]
    if db is not None:
        lines.append(
            f"{PROG}: database {db}"
            + (f" ({events:,} event{'s' if events != 1 else ''})" if events is not None else "")
        )
    if summary.failures:
        reasons = Counter(problem for _, problem in summary.failures)
        lines.append(f"{PROG}: failures by reason:")
        lines += [f"  {n} x {problem}" for problem, n in reasons.most_common(20)]
        if len(reasons) > 20:
            lines.append(f"  ... and {len(reasons) - 20} other reasons")
    if summary.interrupted:
        lines.append(f"{PROG}: run the same command again to finish (stored articles are kept)")
    return lines


def ingest_command(
    paths: list[str],
    *,
    db: Path | None,
    workers: int | None,
    engine: str = "local",
    scheduler: str | None = None,
    reference_date: date | None = None,
    doc_type: str = "news",
    implied: bool = False,
    progress: bool | None = None,
    memory_budget: int | None = None,
    err: TextIO = sys.stderr,
    extractor: Extractor | None = None,
) -> int:
    """`geotimeline ingest`: prints one line per failure and a summary; returns the exit
    status (0 all stored, 1 some inputs failed, 2 the database could not be opened or
    refused a write, 130 interrupted)."""
    import duckdb

    from dashapp.store import open_problem

    db_path = db if db is not None else default_db_path(paths)
    show = progress if progress is not None else _isatty(err)
    bar = Progress(count_articles(paths) if show else None, err, show)
    ctrl_c = _CtrlC()
    try:
        store = open_store(db_path)
    except BaseException as exc:
        ctrl_c.restore()
        if ctrl_c.seen:  # (inside DuckDB, Ctrl-C surfaces as its error: "cannot rollback")
            print(
                f"{PROG}: interrupted while opening {db_path}: nothing was ingested; run "
                "the same command again",
                file=err,
            )
            return 130
        if not isinstance(exc, Exception):
            raise
        print(f"{PROG}: error: cannot open database {db_path}: {open_problem(exc)}", file=err)
        return 2
    summary = Summary()
    events = 0
    try:
        ingest(
            paths,
            store,
            workers=workers,
            engine=engine,
            scheduler=scheduler,
            reference_date=reference_date,
            doc_type=doc_type,  # type: ignore[arg-type]
            implied=implied,
            extractor=extractor,
            progress=bar,
            memory_budget=memory_budget,
            report=bar.message,
            summary=summary,
        )
        events = store.stats()["events"]
    except EngineError as exc:
        bar.clear()
        print(f"{PROG}: error: {exc}", file=err)
        return 2
    except (duckdb.Error, RuntimeError) as exc:
        if not ctrl_c.seen:
            if not isinstance(exc, duckdb.Error):
                raise
            return _write_failed(exc, db_path, bar, err)
        # Ctrl-C inside DuckDB or an Arrow stream surfaces as its error ("Query
        # interrupted", "cannot rollback"): an interruption, not a failing database
        summary.interrupted = True
        try:
            events = store.stats()["events"]
        except duckdb.Error:
            events = 0
    finally:
        ctrl_c.restore()
        try:
            store.close()
        except duckdb.Error:
            pass  # a database that a fatal error invalidated has nothing left to close
    bar.clear()
    for line in format_summary(summary, db_path, events):
        print(line, file=err)
    if summary.interrupted:
        return 130
    return 1 if summary.failures else 0


def _write_failed(exc: duckdb.Error, db_path: Path, bar: Progress, err: TextIO) -> int:
    # the database refused a write (out of memory, disk full...): the transaction that
    # failed is rolled back, the ones before it are committed
    bar.clear()
    reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    print(
        f"{PROG}: error: writing to {db_path} failed: {reason}\n"
        f"{PROG}: the articles stored before the failure are kept; run the same command "
        "again to go on (stored articles are skipped)",
        file=err,
    )
    return 2


class _CtrlC:
    """Notes that Ctrl-C (SIGINT) came, and raises KeyboardInterrupt as Python's own
    handler does, while ingest runs in the main thread."""

    def __init__(self) -> None:
        self.seen = False
        self._before: Any = None
        if threading.current_thread() is threading.main_thread():
            self._before = signal.signal(signal.SIGINT, self._handle)

    def _handle(self, signum: int, frame: Any) -> None:
        self.seen = True
        raise KeyboardInterrupt

    def restore(self) -> None:
        if self._before is not None:
            signal.signal(signal.SIGINT, self._before)
            self._before = None


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
