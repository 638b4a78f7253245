"""Ingest speed and memory: articles/s end to end (read, extract, merge, store) with one
worker, with every local core, and on a 2-worker Dask LocalCluster; peak memory of the
ingest process and all its children.

    python benchmarks/ingest_speed.py            # 10,000 generated articles
    python benchmarks/ingest_speed.py --n 2000 --modes 1,all
    python benchmarks/ingest_speed.py --n 5000 --modes all --into STORE.duckdb

With --into, each mode ingests into a copy of that store (for example the 1,000,000-event
store that `benchmarks/store_query_speed.py --db` builds) instead of an empty one: what an
ingest costs once the store is large.

With --revise, each mode first ingests the corpus (not measured; into the copy with
--into), then measures ingesting it again with every article changed (a sentence added
to each): every article replaced, the delete-heavy path.

    python benchmarks/ingest_speed.py --n 5000 --modes all --into STORE.duckdb --revise

Each mode runs in a fresh process on a fresh database, so that peaks do not mix. Memory is
the largest sum of resident set sizes of the process and its children, sampled every 50 ms
with psutil (and ru_maxrss of the process and of its largest child as a check).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))


class PeakRSS:
    """Samples the RSS of this process plus all its descendants in a thread. The list of
    descendants is read again every `relist` seconds, not at every sample: listing them
    reads every process of the machine (about 2.4 ms of CPU here), which every 50 ms
    would take 5% of a core from the ingest it measures (and count as the writer's)."""

    def __init__(self, every: float = 0.05, relist: float = 0.5) -> None:
        import psutil

        self._proc = psutil.Process()
        self._every = every
        self._relist = relist
        self._procs: list[psutil.Process] = []
        self._listed = -relist
        self.peak = 0
        self.cpu: dict[int, float] = {}  # pid -> user+system seconds, last seen
        self.peaks: dict[int, int] = {}  # pid -> largest RSS seen
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self, relist: bool = False) -> int:
        import psutil

        now = time.monotonic()
        if relist or now - self._listed >= self._relist:
            self._procs = [self._proc, *self._proc.children(recursive=True)]
            self._listed = now
        total = self._proc.memory_info().rss
        self.peaks[self._proc.pid] = max(self.peaks.get(self._proc.pid, 0), total)
        for p in self._procs:
            try:
                if p is not self._proc:
                    rss = p.memory_info().rss
                    total += rss
                    self.peaks[p.pid] = max(self.peaks.get(p.pid, 0), rss)
                t = p.cpu_times()
                self.cpu[p.pid] = t.user + t.system
            except psutil.Error:
                pass
        return total

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self._sample())
            self._stop.wait(self._every)

    def __enter__(self) -> PeakRSS:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self._sample(relist=True)


def child(mode: str, corpus: Path, db: Path, dask_profiler: bool = False) -> dict:
    """One measured ingest, in this (fresh) process."""
    from dashapp.batch import ingest, open_store
    from dashapp.gc_tuning import tuned_gc

    cluster = None
    startup = 0.0
    with PeakRSS() as mem:
        if mode == "dask":
            from dashapp.distributed import local_cluster

            # the product's LocalCluster for ingest (Dask's profiler off, one malloc arena
            # per worker); --dask-profiler turns the profiler back on
            t0 = time.perf_counter()
            cluster = local_cluster(
                2, config={"distributed.worker.profile.enabled": True} if dask_profiler else None
            )
            startup = time.perf_counter() - t0
        store = open_store(db)  # as `geotimeline ingest` opens it
        t0 = time.perf_counter()
        with tuned_gc():  # as `geotimeline ingest` runs it
            summary = ingest(
                [str(corpus)],
                store,
                workers=1 if mode == "1" else os.cpu_count(),
                engine="dask" if mode == "dask" else "local",
                scheduler=cluster.scheduler_address if cluster else None,
            )
        seconds = time.perf_counter() - t0
        events = store.stats()["events"]
        store.close()
        if cluster is not None:
            cluster.close()
    return {
        "mode": mode,
        "articles": summary.ingested,
        "failed": summary.failed,
        "events": events,
        "seconds": seconds,
        "rate": summary.ingested / seconds,
        "startup": startup,
        "peak_mb": mem.peak / 2**20,
        "cpu_ms": 1000 * sum(mem.cpu.values()) / max(summary.ingested, 1),
        "parent_cpu_ms": 1000 * mem.cpu.get(os.getpid(), 0.0) / max(summary.ingested, 1),
        # each child's largest RSS (the Dask workers, multiprocessing's resource tracker)
        "children_mb": sorted(
            (round(b / 2**20) for pid, b in mem.peaks.items() if pid != os.getpid()),
            reverse=True,
        ),
        "maxrss_self_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "maxrss_child_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def revised(corpus: Path, out: Path) -> None:
    """The corpus with a sentence added to every article: same ids, new content."""
    with corpus.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for line in src:
            doc = json.loads(line)
            doc["text"] += "\nOfficials gave no further details."
            dst.write(json.dumps(doc) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000, help="articles (default 10,000)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--modes", default="1,all,dask", help="comma list of 1, all, dask")
    ap.add_argument("--workdir", type=Path, help="keep corpus and databases here")
    ap.add_argument(
        "--into", type=Path, help="ingest into a copy of this store instead of an empty one"
    )
    ap.add_argument(
        "--revise",
        action="store_true",
        help="measure re-ingesting the corpus with every article changed",
    )
    ap.add_argument(
        "--dask-profiler",
        action="store_true",
        help="leave Dask's statistical profiler on in the LocalCluster's workers (off by "
        "default, as README recommends for ingest workers)",
    )
    ap.add_argument("--child", help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child == "setup":
        from dashapp.batch import ingest, open_store

        with open_store(args.db) as store:
            ingest([str(args.corpus)], store)
        return
    if args.child:
        print(json.dumps(child(args.child, args.corpus, args.db, args.dask_profiler)))
        return

    import corpus_gen

    work = args.workdir or Path(tempfile.mkdtemp(prefix="geotimeline-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    corpus = work / f"corpus-{args.n}-{args.seed}.jsonl"
    if not corpus.exists():
        corpus_gen.write_jsonl(corpus, args.n, args.seed)
    measured = corpus
    if args.revise:
        measured = work / f"corpus-{args.n}-{args.seed}-revised.jsonl"
        if not measured.exists():
            revised(corpus, measured)
    size = corpus.stat().st_size
    print(
        f"corpus: {args.n} generated articles (seed {args.seed}), {size / 2**20:.1f} MB "
        f"JSONL, {size / args.n:.0f} bytes/article; {os.cpu_count()} cores"
    )
    if args.into:
        from dashapp.store import Store

        with Store(args.into, read_only=True) as base:
            st = base.stats()
        print(f"into a copy of {args.into}: {st['events']:,} events, {st['articles']:,} articles")
    if args.revise:
        print(
            "measured: the corpus ingested again with every article changed"
            " (the first ingest not measured)"
        )
    load = os.getloadavg()[0]
    print(
        f"load average before the run: {load:.1f} (other work on the machine slows the "
        "wall-clock figures; CPU ms/article hardly depends on it)"
    )
    print(
        f"{'mode':<32}{'articles':>9}{'events':>8}{'seconds':>9}{'articles/s':>11}"
        f"{'peak MB':>9}{'writer MB':>10}{'CPU ms/article':>15}{'of which writer':>16}"
    )
    names = {
        "1": "local, 1 worker",
        "all": f"local, {os.cpu_count()} workers (all cores)",
        "dask": "dask LocalCluster, 2 workers" + (" (profiler on)" if args.dask_profiler else ""),
    }
    for mode in args.modes.split(","):
        db = work / f"bench-{mode}.duckdb"
        for p in (db, Path(f"{db}.wal")):
            p.unlink(missing_ok=True)
        if args.into:
            shutil.copyfile(args.into, db)
        if args.revise:
            setup = [sys.executable, __file__, "--child", "setup", "--corpus", str(corpus)]
            subprocess.run([*setup, "--db", str(db)], check=True)
        out = subprocess.run(
            [
                sys.executable,
                __file__,
                "--child",
                mode,
                "--corpus",
                str(measured),
                "--db",
                str(db),
                *(["--dask-profiler"] if args.dask_profiler else []),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if out.returncode != 0:
            print(f"{names[mode]}: failed\n{out.stderr}")
            continue
        r = json.loads(out.stdout.strip().splitlines()[-1])
        extra = f"  (cluster start {r['startup']:.1f} s, not counted)" if mode == "dask" else ""
        children = ", ".join(str(mb) for mb in r.get("children_mb", [])[:4])
        extra += f"  children's peaks MB: {children}" if children else ""
        print(
            f"{names[mode]:<32}{r['articles']:>9}{r['events']:>8}{r['seconds']:>9.1f}"
            f"{r['rate']:>11.1f}{r['peak_mb']:>9.0f}{r['maxrss_self_mb']:>10.0f}{r['cpu_ms']:>15.1f}"
            f"{r['parent_cpu_ms']:>16.1f}{extra}"
        )
    print(
        "peak MB: largest sum of RSS over the ingest process and its children (writer MB: "
        "the ingest process alone, ru_maxrss); CPU "
        "ms/article: their user+system time (the Dask workers' included) per article; of "
        "which writer: the ingest process itself (reading, hashing, merging, DuckDB), the "
        "serial part that caps the rate at 1000 / that figure"
    )


if __name__ == "__main__":
    main()
