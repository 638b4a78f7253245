"""The Dask engine of batch ingest: partitions of the inputs are read and extracted on a
Dask cluster, each partition's results written as one Parquet file, then loaded into the
store by this process, in input order (so results equal a local ingest's).

Two passes over each partition keep the outcome identical to the local engine: a cheap
scan returns (id, content key) per article, from which this process decides, in input
order, which ids collide ("id~2") and which articles are already stored; then the
extraction pass re-reads the partition and extracts only what is to be stored.

Inputs are local paths (which the workers must see at the same place: a shared file
system) or URLs that fsspec understands (s3://, gs://, abfs://, https://... with the
matching fsspec package installed on the client and the workers). Results go to
`staging`: by default a folder beside the database; on a real cluster an URL or a shared
folder that the workers can write and this process can read ($GEOTIMELINE_STAGING).
"""

from __future__ import annotations

import json
import os
import uuid
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow as pa
import pyarrow.parquet as pq

from dashapp import ingest
from dashapp.batch import (
    EngineError,
    Extracted,
    Extractor,
    Summary,
    deaf_to_ctrl_c,
    extract_batch,
    stored_key,
)
from dashapp.gc_tuning import use_system_allocator
from dashapp.ingest import ArticleError
from dashapp.models import Actor, Article, DocType, Timex
from dashapp.serialize import event_from_record, event_to_record

if TYPE_CHECKING:  # the store is the client's: workers never import DuckDB
    from dashapp.store import Store

# Files per partition for one-article files (text, JSON); a JSONL or Parquet file is a
# partition of its own: split very large ones to spread them over more workers.
# Seconds to wait for the scheduler to answer (Dask's default is 30).
CONNECT_TIMEOUT = 10
FILES_PER_PARTITION = 64


# Lines of a JSONL file per partition: a large file is split into blocks of lines, read
# by byte range, so that many workers share it.
JSONL_LINES_PER_PARTITION = 500
# Partitions sent to extraction ahead of the one the writer is storing: enough to keep a
# cluster's workers busy, few enough that the scheduler and the workers hold the state and
# results of a window of partitions, not of the whole input (sending every partition at
# once, a 120,000-article ingest on a 2-worker LocalCluster peaked at 1,145 MB).
PARTITIONS_AHEAD = 16
# The writer's memory budget in Dask mode (batch.MEMORY_BUDGET in local mode): this
# process also runs Dask's client, and with a LocalCluster the scheduler and the nannies,
# while the cluster's workers on this machine are fresh interpreters of 160-190 MB each
# (Dask's runtime, pyarrow and the pipeline), where a local worker takes about 60 MB. At
# 120,000 generated articles on a 2-worker LocalCluster the whole came to 986 MB with 576
# MB (the ingest process 618, each worker 185 MB), 937 MB with 512 and local_cluster's
# settings (584, 178 MB), at 0.5 ms more of the writer's CPU per article; see
# docs/performance.md.
# `--memory-budget MB` overrides it, e.g. on a real cluster whose workers run elsewhere.
MEMORY_BUDGET = 512 * 2**20
# Settings of a LocalCluster for ingest (local_cluster). Dask's statistical profiler off:
# it samples each worker's stack every 10 ms and keeps 1,000 one-second profiles, which
# for this pipeline's deep stacks grew each worker by about 40 MB and took 9% of its CPU.
# One glibc malloc arena in each worker (set before the worker process starts, as glibc
# reads it once): a worker runs its tasks in a thread of its own, next to Dask's event
# loop, and each thread's arena keeps the memory it has freed; with one arena a worker
# held 165-171 MB after 2,000 articles instead of 174-179.
CLUSTER_CONFIG: dict[str, Any] = {
    "distributed.worker.profile.enabled": False,
}
WORKER_ENVIRON = {"MALLOC_ARENA_MAX": 1}

# A unit of input: (path, start, stop, first). Whole file: (path, 0, -1, 1). A block of a
# JSONL file: bytes [start, stop) whose first line is line number `first`. Row groups
# [start, stop) of a Parquet file whose first row is row number `first`.
Unit = tuple[str, int, int, int]


@dataclass(frozen=True, slots=True)
class Partition:
    index: int
    units: tuple[Unit, ...]  # local paths or fsspec URLs, with ranges


# --------------------------------------------------------------------------- inputs


def _is_url(path: str) -> bool:
    return "://" in path


def _open(path: str) -> Any:
    if _is_url(path):
        import fsspec

        return fsspec.open(path, "rb").open()
    return open(path, "rb")


def _suffix(path: str) -> str:
    return os.path.splitext(path.rstrip("/").rsplit("/", 1)[-1])[1].lower()


def split_file(path: str, lines_per_part: int) -> list[Unit]:
    """Blocks of a JSONL file (UTF-8 only: a block boundary must be a line boundary in
    bytes), or row groups of a Parquet file; the whole file when small or unreadable."""
    whole: list[Unit] = [(path, 0, -1, 1)]
    suffix = _suffix(path)
    try:
        if suffix in ingest.PARQUET_SUFFIXES:
            with _open(path) as fh:
                meta = pq.ParquetFile(fh).metadata
            units: list[Unit] = []
            first = 1
            for g in range(meta.num_row_groups):
                units.append((path, g, g + 1, first))
                first += meta.row_group(g).num_rows
            return units if len(units) > 1 else whole
        if suffix in ingest.JSONL_SUFFIXES:
            units = []
            with _open(path) as fh:
                head = fh.read(4)
                if head[:2] in (b"\xff\xfe", b"\xfe\xff") or head[:3] == b"\xef\xbb\xbf":
                    return whole  # a BOM: decode the file whole
                fh.seek(0)
                start, line, offset = 0, 1, 0
                for n, raw in enumerate(fh, 1):
                    offset += len(raw)
                    if n % lines_per_part == 0:
                        units.append((path, start, offset, line))
                        start, line = offset, n + 1
                if offset > start:
                    units.append((path, start, offset, line))
            return units if len(units) > 1 else whole
    except Exception:  # the worker reports the problem when it reads the file
        return whole
    return whole


def plan_partitions(
    paths: Sequence[str],
    size: int | None = None,
    lines_per_part: int | None = None,
) -> tuple[list[Partition], list[ArticleError]]:
    """Input paths -> partitions, in input order, and the paths that name nothing. Local
    paths are made absolute, symlinks resolved: the workers open them, and the articles'
    sources are then as a local ingest stores them (ingest.stored_source). One-article
    files are grouped
    `size` to a partition; JSONL and Parquet files are split into blocks."""
    size = size or FILES_PER_PARTITION
    lines_per_part = lines_per_part or JSONL_LINES_PER_PARTITION
    files: list[str] = []
    errors: list[ArticleError] = []
    for raw in paths:
        if _is_url(raw):
            import fsspec

            fs, _, found = fsspec.get_fs_token_paths(raw)
            if not found:
                errors.append(ArticleError(raw, "no file matches this URL"))
            for p in sorted(found):
                if fs.isdir(p):
                    subs = sorted(
                        f for f in fs.find(p) if Path(f).suffix.lower() in ingest.ARTICLE_SUFFIXES
                    )
                    files += [fs.unstrip_protocol(f) for f in subs]
                else:
                    files.append(fs.unstrip_protocol(p))
            continue
        for item in ingest.expand([raw]):
            if isinstance(item, ArticleError):
                errors.append(item)
            else:
                files.append(os.path.realpath(item))
    parts: list[Partition] = []
    chunk: list[Unit] = []

    def close() -> None:
        if chunk:
            parts.append(Partition(len(parts), tuple(chunk)))
            chunk.clear()

    for f in files:
        if _suffix(f) in ingest.JSONL_SUFFIXES | ingest.PARQUET_SUFFIXES:
            close()
            for unit in split_file(f, lines_per_part):
                chunk.append(unit)
                close()
        else:
            chunk.append((f, 0, -1, 1))
            if len(chunk) >= size:
                close()
    close()
    return parts, errors


def read_any(path: str) -> Iterator[Article | ArticleError]:
    """The articles of one local file or fsspec URL, as `ingest.read_file` reads them."""
    yield from read_unit((path, 0, -1, 1))


def read_unit(unit: Unit) -> Iterator[Article | ArticleError]:
    """The articles of one unit, numbered (ids, line and row numbers) as if the whole
    file were read by `ingest.read_file`."""
    path, start, stop, first = unit
    whole = stop == -1
    if whole and not _is_url(path):
        yield from ingest.read_file(Path(path))
        return
    name = path.rstrip("/").rsplit("/", 1)[-1]
    stem, suffix = os.path.splitext(name)
    suffix = suffix.lower()
    if suffix not in ingest.ARTICLE_SUFFIXES:
        yield ArticleError(
            path, f"unknown format '{suffix}' (expected .txt, .json, .jsonl or .parquet)"
        )
        return
    try:
        with _open(path) as fh:
            if suffix in ingest.PARQUET_SUFFIXES:
                pf = pq.ParquetFile(fh)
                groups = (
                    list(range(pf.metadata.num_row_groups)) if whole else list(range(start, stop))
                )
                rows = pf.read_row_groups(groups).to_pylist() if groups else []
                data = b""
            elif whole:
                data = fh.read()
            else:
                fh.seek(start)
                data = fh.read(stop - start)
    except Exception as exc:  # any filesystem's error: one line, the batch goes on
        yield ArticleError(
            path, f"cannot read: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}"
        )
        return
    if suffix in ingest.PARQUET_SUFFIXES:
        for n, record in enumerate(rows, first):
            try:
                yield ingest.parse_record(record, f"{path}[row {n}]", default_id=f"{stem}-{n}")
            except ArticleError as err:
                yield err
        return
    try:
        text = ingest.decode(data, path)
    except ArticleError as err:
        yield err
        return
    if suffix in ingest.TEXT_SUFFIXES:
        try:
            yield ingest.parse_text(text, path, stem=stem)
        except ArticleError as err:
            yield err
    elif suffix in ingest.JSON_SUFFIXES:
        yield from ingest._read_json(text, path, stem)
    elif whole:
        yield from ingest._read_jsonl(text, path, stem)
    else:
        # blank lines in front keep the line numbers (and so the default ids) of the file
        for item in ingest._read_jsonl("\n" * (first - 1) + text, path, stem):
            if not (isinstance(item, ArticleError) and item.problem == "empty file"):
                yield item


def _read_partition(part: Partition) -> Iterator[Article | ArticleError]:
    for unit in part.units:
        yield from read_unit(unit)


# --------------------------------------------------------------------------- cluster tasks


def scan_partition(
    part: Partition, reference_date: date | None, setting: str
) -> list[tuple[str, str, str, str]]:
    """("ok", id, key, source) per article, ("error", source, problem, "") per bad input;
    keys as ingest stores them under `setting` (batch.extraction_setting)."""
    use_system_allocator()  # in the worker that runs it
    out = []
    for item in _read_partition(part):
        if isinstance(item, ArticleError):
            out.append(("error", item.source, item.problem, ""))
        else:
            if reference_date is not None:
                item = replace(item, reference_date=reference_date)
            out.append(("ok", item.id, stored_key(item, setting), item.source))
    return out


def extract_partition(
    part: Partition,
    plan: list[str | None],
    *,
    reference_date: date | None,
    doc_type: DocType,
    extractor: Extractor,
    out: str,
    setting: str,
) -> str:
    """Extract the articles `plan` keeps (plan[k]: the id for the k-th article of the
    partition, None to skip it) and write them to the Parquet file `out`."""
    use_system_allocator()  # in the worker that runs it
    todo: list[tuple[Article, str]] = []
    k = 0
    for item in _read_partition(part):
        if isinstance(item, ArticleError):
            continue
        new_id = plan[k]
        k += 1
        if new_id is None:
            continue
        item = replace(item, id=new_id)
        if reference_date is not None:
            item = replace(item, reference_date=reference_date)
        todo.append((item, stored_key(item, setting)))
    with ResultWriter(out) as writer:
        # in slices: a large JSONL or Parquet partition never sits whole in memory
        for i in range(0, len(todo), _ROW_GROUP):
            writer.write(extract_batch(todo[i : i + _ROW_GROUP], extractor, doc_type))
    return out


# --------------------------------------------------------------------------- Parquet codec

_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("title", pa.string()),
        ("date", pa.date32()),
        ("reference_date", pa.date32()),
        ("url", pa.string()),
        ("source", pa.string()),
        ("body", pa.string()),
        ("hash", pa.string()),
        ("error", pa.string()),
        ("timexes", pa.string()),
        ("events", pa.string()),
        ("actors", pa.string()),
    ]
)


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d is not None else None


def _day(s: str | None) -> date | None:
    return date.fromisoformat(s) if s is not None else None


def _timex_json(t: Timex) -> list[Any]:
    return [
        t.start,
        t.end,
        t.text,
        t.type,
        t.value,
        t.mod,
        _iso(t.first),
        _iso(t.last),
        t.granularity,
        t.explanation,
        t.confidence,
        list(t.alternatives),
        [_iso(t.range[0]), _iso(t.range[1])] if t.range else None,
    ]


def _timex_from(r: list[Any]) -> Timex:
    rng = r[12]
    return Timex(
        start=r[0],
        end=r[1],
        text=r[2],
        type=r[3],
        value=r[4],
        mod=r[5],
        first=_day(r[6]),
        last=_day(r[7]),
        granularity=r[8],
        explanation=r[9],
        confidence=r[10],
        alternatives=tuple(r[11]),
        range=(_day(rng[0]), _day(rng[1])) if rng else None,  # type: ignore[arg-type]
    )


_ROW_GROUP = 256


class ResultWriter:
    """Results -> one Parquet file (local path or fsspec URL), a row group per write."""

    def __init__(self, out: str) -> None:
        if _is_url(out):
            import fsspec

            self._fh: Any = fsspec.open(out, "wb").open()
            self._writer = pq.ParquetWriter(self._fh, _SCHEMA)
        else:
            Path(out).parent.mkdir(parents=True, exist_ok=True)
            self._fh = None
            self._writer = pq.ParquetWriter(out, _SCHEMA)

    def __enter__(self) -> ResultWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self._writer.close()
        if self._fh is not None:
            self._fh.close()

    def write(self, results: Sequence[Extracted]) -> None:
        cols: dict[str, list[Any]] = {name: [] for name in _SCHEMA.names}
        for x in results:
            a = x.article
            row = {
                "id": a.id,
                "title": a.title,
                "date": a.date,
                "reference_date": a.reference_date,
                "url": a.url,
                "source": a.source,
                "body": a.body,
                "hash": x.hash,
                "error": x.error,
                "timexes": json.dumps([_timex_json(t) for t in x.timexes], ensure_ascii=False),
                "events": json.dumps([event_to_record(e) for e in x.events], ensure_ascii=False),
                "actors": json.dumps(
                    [[c.name, c.kind, c.affiliation] for c in x.actors], ensure_ascii=False
                ),
            }
            for name, value in row.items():
                cols[name].append(value)
        self._writer.write_table(pa.table(cols, schema=_SCHEMA))


def read_results(path: str) -> Iterator[Extracted]:
    """A partition's Parquet file -> Extracted records, row group by row group."""
    if _is_url(path):
        import fsspec

        with fsspec.open(path, "rb") as fh:
            batches = list(pq.ParquetFile(fh).iter_batches(batch_size=256))
    else:
        batches = pq.ParquetFile(path).iter_batches(batch_size=256)
    for rb in batches:
        for r in rb.to_pylist():
            article = Article(
                id=r["id"],
                title=r["title"],
                date=r["date"],
                url=r["url"],
                body=r["body"],
                source=r["source"],
                reference_date=r["reference_date"],
            )
            yield Extracted(
                article=article,
                hash=r["hash"],
                timexes=tuple(_timex_from(t) for t in json.loads(r["timexes"])),
                events=tuple(event_from_record(e) for e in json.loads(r["events"])),
                actors=tuple(Actor(*c) for c in json.loads(r["actors"])),
                error=r["error"],
            )


def _remove(path: str) -> None:
    try:
        if _is_url(path):
            import fsspec

            fs, _, (p,) = fsspec.get_fs_token_paths(path)
            fs.rm(p)
        else:
            os.remove(path)
    except (OSError, FileNotFoundError):
        pass


# --------------------------------------------------------------------------- the engine


def local_cluster(
    n_workers: int = 2, *, config: dict[str, Any] | None = None, **kwargs: Any
) -> Any:
    """A dask.distributed LocalCluster on this machine for `ingest --engine dask`: worker
    processes of one thread each (extraction is pure Python), with CLUSTER_CONFIG (and
    `config` over it) and WORKER_ENVIRON (their environment before they start, with Dask's
    own). `kwargs` go to LocalCluster. The workers ignore Ctrl-C, a disposition they take
    from this process while it starts them (a terminal's Ctrl-C reaches the whole process
    group, and each worker printed a traceback): the caller handles it and closes the
    cluster, and a Ctrl-C while the cluster starts is ignored."""
    import dask
    from distributed import LocalCluster

    environ = {**dask.config.get("distributed.nanny.pre-spawn-environ", {}), **WORKER_ENVIRON}
    # the nannies take the configuration and the environment when they are made, and
    # keep them for a restarted worker
    settings = {**CLUSTER_CONFIG, **(config or {}), "distributed.nanny.pre-spawn-environ": environ}
    with dask.config.set(settings):
        options: dict[str, Any] = {
            "n_workers": n_workers,
            "threads_per_worker": 1,
            "processes": True,
            # the scheduler's HTTP server (and dashboard, with bokeh) on a free port
            "dashboard_address": ":0",
        }
        with deaf_to_ctrl_c():
            return LocalCluster(**{**options, **kwargs})


def _quiet_cancelled_tasks() -> None:
    import logging

    logging.getLogger("distributed.worker.state_machine").setLevel(logging.ERROR)


def _close_quietly(cluster: Any) -> None:
    """Close a LocalCluster of this run. Its nannies live in this process; a worker still
    busy with a task when the run stops early (Ctrl-C on a loaded machine) outlives their
    grace period, and each nanny logged "Worker process still alive after 4.0 seconds,
    killing" to the command's stderr: killing it is the expected end of our own cluster."""
    import logging

    nanny = logging.getLogger("distributed.nanny")
    level = nanny.level
    nanny.setLevel(logging.ERROR)
    try:
        cluster.close()
    finally:
        nanny.setLevel(level)


def default_staging(store: Store) -> str:
    env = os.environ.get("GEOTIMELINE_STAGING")
    if env:
        return env.rstrip("/")
    base = store.path.parent if store.path is not None else Path(".geotimeline")
    return str((base / "staging").absolute())


def _stored_results(path: str, batch_size: int, written: list[str]) -> Iterator[list[Extracted]]:
    """A partition's results, read back from its Parquet file in batches; the file is
    removed once read (`written` keeps it for the cleanup if reading stops first)."""
    written.append(path)
    chunk: list[Extracted] = []
    for x in read_results(path):
        chunk.append(x)
        if len(chunk) >= batch_size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk
    _remove(path)


def dask_results(
    paths: Sequence[str],
    store: Store,
    summary: Summary,
    *,
    scheduler: str | Any | None,
    reference_date: date | None = None,
    doc_type: DocType = "news",
    extractor: Extractor,
    batch_size: int = 32,
    staging: str | None = None,
    partition_size: int | None = None,
    setting: str,
    workers: int | None = None,
) -> Iterator[list[Extracted]]:
    """Extraction on the Dask cluster at `scheduler` (an address such as
    "tcp://host:8786", or a Client); batches of results in input order. A scheduler that
    does not answer within CONNECT_TIMEOUT seconds is an EngineError. No `scheduler`: a
    LocalCluster of `workers` processes (default: one per core) on this machine for the
    run (local_cluster), closed at its end."""
    try:
        from distributed import Client
    except ImportError:
        raise EngineError(
            "--engine dask needs Dask's distributed package: pip install 'geotimeline[dask]'"
        ) from None

    if scheduler is None:
        try:
            cluster = local_cluster(workers or os.cpu_count() or 1)
        except (OSError, RuntimeError) as exc:
            raise EngineError(f"cannot start a Dask LocalCluster: {exc}") from None
        try:
            with Client(cluster) as client:
                try:
                    yield from dask_results(
                        paths,
                        store,
                        summary,
                        scheduler=client,
                        reference_date=reference_date,
                        doc_type=doc_type,
                        extractor=extractor,
                        batch_size=batch_size,
                        staging=staging,
                        partition_size=partition_size,
                        setting=setting,
                    )
                finally:
                    # a run stopped early (Ctrl-C, a failing write) closes the cluster
                    # while its tasks run: each then logged a warning about its
                    # cancelled task, which is the expected end here
                    try:
                        client.run(_quiet_cancelled_tasks)
                    except Exception:
                        pass
        finally:
            _close_quietly(cluster)
        return
    own = not isinstance(scheduler, Client)
    if own:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT)
        except (OSError, ValueError, TypeError) as exc:  # (TimeoutError is an OSError)
            reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise EngineError(f"cannot reach the Dask scheduler at {scheduler}: {reason}") from None
    else:
        client = scheduler
    run = f"{staging or default_staging(store)}/run-{uuid.uuid4().hex[:12]}"
    written: list[str] = []
    try:
        parts, errors = plan_partitions(paths, partition_size)
        summary.failures += [(e.source, e.problem) for e in errors]
        # each partition read and planned (ids numbered, stored articles skipped) in
        # input order, then sent to extraction; at most PARTITIONS_AHEAD of them out at
        # once, and every future dropped once used, so that the cluster forgets it
        scans: deque[Any] = deque()
        pending: deque[Any] = deque()
        for i, part in enumerate(parts):
            # the reads run ahead of the plans by a window too
            for ahead in parts[i + len(scans) : i + 2 * PARTITIONS_AHEAD]:
                scans.append(
                    client.submit(
                        scan_partition,
                        ahead,
                        reference_date=reference_date,
                        setting=setting,
                        pure=False,
                    )
                )
            items = scans.popleft().result()
            keys = {}
            ids: list[str] = []
            for kind, a, b, _ in items:
                if kind == "error":
                    summary.failures.append((a, b))
            found = [(a, b, src) for kind, a, b, src in items if kind != "error"]
            placed = store.place_articles(
                [a for a, _, _ in found], [src for _, _, src in found], [b for _, b, _ in found]
            )
            for (_, b, _), (new_id, dup) in zip(found, placed, strict=True):
                ids.append(new_id if dup is None else "")
                if dup is None:
                    keys[new_id] = b
            stored = store.article_hashes([i for i in ids if i])
            plan: list[str | None] = []
            for new_id in ids:
                if not new_id:  # a duplicate of another article (Store.place_articles)
                    summary.skipped += 1
                    summary.duplicates += 1
                    plan.append(None)
                elif stored.get(new_id) == keys[new_id]:
                    summary.skipped += 1
                    plan.append(None)
                else:
                    plan.append(new_id)
            if not any(plan):
                continue
            out = f"{run}/part-{part.index:06d}.parquet"
            pending.append(
                client.submit(
                    extract_partition,
                    part,
                    plan,
                    reference_date=reference_date,
                    doc_type=doc_type,
                    extractor=extractor,
                    out=out,
                    setting=setting,
                    pure=False,
                )
            )
            while len(pending) > PARTITIONS_AHEAD:
                yield from _stored_results(pending.popleft().result(), batch_size, written)
        while pending:
            yield from _stored_results(pending.popleft().result(), batch_size, written)
    finally:
        for path in written:
            _remove(path)
        if not _is_url(run):
            try:
                os.rmdir(run)
            except OSError:
                pass
        if own:
            client.close()
