"""Where the ingest process's memory goes as a store grows: a generated corpus ingested
into one store in steps (2 workers, as `geotimeline ingest` runs), and after each step the
process's resident and peak memory, DuckDB's own memory (duckdb_memory()), Python's
allocator (arenas held against bytes in live blocks, from sys._debugmallocstats()), the
largest merge pool a transaction of the step loaded and its smallest transaction (ingest
shrinks them after a large merge pool or above its memory budget, dashapp/batch.py).

    python benchmarks/writer_memory.py                       # 80,000 articles, 4 steps
    python benchmarks/writer_memory.py --n 120000 --step 20000
    python benchmarks/writer_memory.py --n 300000 --step 50000 --archive
    python benchmarks/writer_memory.py --n 150000 --step 50000 --memory-budget 0
    python benchmarks/writer_memory.py --n 40000 --step 10000 --span 365 --probe 2048

--archive: the happenings spread over a span that grows with the corpus (see
corpus_gen.py), instead of every corpus in one decade; --span DAYS: over that many days
(365: ten times as crowded as the default decade). --probe N: then N more such articles
(another seed) into copies of the final store, in transactions of 1,024, 256 and 64
articles, and how many stored events each merge loaded. --memory-budget MB: ingest's
(default: its own, batch.MEMORY_BUDGET; 0: none, the merge pool alone sizes transactions).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))


def pymalloc() -> tuple[int, int]:
    """(MB of arenas Python's allocator holds, MB in its live blocks)."""
    with tempfile.TemporaryFile() as f:
        saved = os.dup(2)
        try:
            os.dup2(f.fileno(), 2)
            sys._debugmallocstats()
        finally:
            os.dup2(saved, 2)
            os.close(saved)
        f.seek(0)
        text = f.read().decode("utf-8", "replace")
    arenas = re.search(r"# arenas allocated current\s*=\s*([\d,]+)", text)
    live = re.search(r"# bytes in allocated blocks\s*=\s*([\d,]+)", text)
    # an arena is 1 MiB on 64-bit builds of Python 3.10 and later
    n = int(arenas.group(1).replace(",", "")) if arenas else 0
    return n, int(live.group(1).replace(",", "")) >> 20 if live else 0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=80_000, help="articles (default 80,000)")
    ap.add_argument("--step", type=int, default=20_000, help="articles per step")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--workdir", type=Path, help="keep corpus and database here")
    ap.add_argument(
        "--archive",
        action="store_true",
        help="spread the dates over a span that grows with --n (default: one decade)",
    )
    ap.add_argument(
        "--span",
        type=int,
        metavar="DAYS",
        help="the happenings' dates over this many days (a crowded corpus when short)",
    )
    ap.add_argument(
        "--probe",
        type=int,
        metavar="N",
        help="then ingest N more articles into copies of the store in transactions of "
        "1,024, 256 and 64 articles and print what each merge loads",
    )
    ap.add_argument(
        "--memory-budget", type=float, metavar="MB", help="ingest's memory budget (0: none)"
    )
    args = ap.parse_args()

    import corpus_gen
    import psutil

    from dashapp import batch
    from dashapp.batch import ingest, open_store
    from dashapp.gc_tuning import tuned_gc
    from dashapp.store import Store

    work = args.workdir or Path(tempfile.mkdtemp(prefix="geotimeline-writer-"))
    work.mkdir(parents=True, exist_ok=True)
    span = corpus_gen.archive_span(args.n) if args.archive else corpus_gen.DECADE
    if args.span:
        span = args.span
    corpus = work / f"corpus-{args.n}-{args.seed}-{span}.jsonl"
    if not corpus.exists():
        corpus_gen.write_jsonl(corpus, args.n, args.seed, span)
    steps: list[Path] = []
    with corpus.open(encoding="utf-8") as src:
        out = None
        for i, line in enumerate(src):
            if i % args.step == 0:
                if out is not None:
                    out.close()
                steps.append(work / f"step-{len(steps):03d}.jsonl")
                out = steps[-1].open("w", encoding="utf-8")
            assert out is not None
            out.write(line)
        if out is not None:
            out.close()
    db = work / "writer.duckdb"
    for p in (db, Path(f"{db}.wal")):
        p.unlink(missing_ok=True)

    # the largest merge pool of each step: Store._load_pool wrapped to record it (and
    # every pool, for --probe)
    largest = [0]
    pools: list[int] = []
    load_pool = Store._load_pool

    def recording(self, *a, **k):  # type: ignore[no-untyped-def]
        got = load_pool(self, *a, **k)
        largest[0] = max(largest[0], len(got))
        pools.append(len(got))
        return got

    Store._load_pool = recording  # type: ignore[method-assign]
    # the smallest transaction size ingest chose in each step: batch.next_batch_size
    # wrapped to record it
    smallest = [0]
    next_batch_size = batch.next_batch_size

    def sizing(*a, **k):  # type: ignore[no-untyped-def]
        size, mark = next_batch_size(*a, **k)
        smallest[0] = min(smallest[0] or size, size)
        return size, mark

    batch.next_batch_size = sizing  # type: ignore[assignment]
    budget = None if args.memory_budget is None else int(args.memory_budget * 2**20)
    shown = batch.MEMORY_BUDGET if budget is None else budget
    proc = psutil.Process()
    print(
        f"corpus: {args.n} generated articles (seed {args.seed}, dates over {span:,} days) "
        f"in steps of {args.step}; memory budget {shown >> 20} MB; "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    print(
        f"{'articles':>9}{'events':>10}{'seconds':>9}{'RSS MB':>8}{'peak MB':>9}"
        f"{'DuckDB MB':>11}{'arenas MB':>11}{'live MB':>9}{'largest pool':>14}"
        f"{'smallest tx':>13}{'art/s':>8}"
    )
    store = open_store(db)
    done = 0
    with tuned_gc():
        for path in steps:
            largest[0] = smallest[0] = 0
            t0 = time.perf_counter()
            summary = ingest([str(path)], store, workers=2, memory_budget=budget)
            seconds = time.perf_counter() - t0
            done += summary.ingested
            row = store._con.execute(  # noqa: SLF001 - a benchmark's look inside
                "SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory()"
            ).fetchone()
            duck = int(row[0]) >> 20 if row else 0
            arenas, live = pymalloc()
            print(
                f"{done:>9}{store.stats()['events']:>10}{seconds:>9.0f}"
                f"{proc.memory_info().rss >> 20:>8}"
                f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss >> 10:>9}"
                f"{duck:>11}{arenas:>11}{live:>9}{largest[0]:>14}"
                f"{smallest[0] or '-':>13}{summary.ingested / seconds:>8.1f}",
                flush=True,
            )
    store.close()
    print(
        "RSS and peak: the ingest process alone (its workers not counted); DuckDB: "
        "duckdb_memory(); arenas and live: Python's small-object allocator, what it holds "
        "and what its live blocks take; largest pool: the most stored events one "
        "transaction of the step loaded to merge with; smallest tx: the smallest transaction "
        "size (articles) ingest chose in the step"
    )
    if args.probe:
        # more articles like the corpus's (another seed), into copies of the final store
        # in transactions of each size: the stored events each merge loads
        sample = work / f"probe-{args.probe}-{args.seed + 1}-{span}.jsonl"
        corpus_gen.write_jsonl(sample, args.probe, args.seed + 1, span)
        print(f"probe: {args.probe} more articles into copies of the store")
        for size in (1024, 256, 64):
            copy = work / f"probe-{size}.duckdb"
            shutil.copyfile(db, copy)
            pools.clear()
            probe_store = open_store(copy)
            ingest([str(sample)], probe_store, workers=2, batch_size=size, memory_budget=0)
            probe_store.close()
            copy.unlink()
            print(
                f"  transactions of {size:>4} articles: {len(pools):>3}, stored events "
                f"loaded per merge: mean {sum(pools) / max(1, len(pools)):,.0f}, "
                f"largest {max(pools, default=0):,}",
                flush=True,
            )


if __name__ == "__main__":
    main()
