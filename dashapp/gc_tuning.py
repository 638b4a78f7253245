"""Garbage-collector and allocator settings for the long-running commands (`serve`,
`ingest`, and ingest's Dask tasks)."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

import pyarrow as pa

# Collect the youngest objects every this many allocations (Python's default is 700).
GC_YOUNG_THRESHOLD = 20_000


def tune_gc() -> None:
    """Garbage collection for a long-running process: the objects made at start-up (Dash,
    plotly, the store, the pipeline's word lists...) are moved out of the collector's
    sight (`gc.freeze`), and young objects are collected less often, so that fewer
    temporaries outlive a collection and get promoted. A full collection stops every
    thread while it walks every object: with the defaults the server ran one every two
    seconds under load, taking up to a second (the load test's worst latencies), and
    ingest's writer spent about a tenth of its CPU in them."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(GC_YOUNG_THRESHOLD, *gc.get_threshold()[1:])


@contextmanager
def tuned_gc() -> Iterator[None]:
    """`tune_gc` for the length of a block (a command that may run inside another
    program, as the tests run ingest), then the collector's thresholds as they were and
    every object back in its sight."""
    before = gc.get_threshold()
    tune_gc()
    try:
        yield
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)


def use_system_allocator() -> None:
    """pyarrow's memory from the system allocator rather than its own (jemalloc or
    mimalloc), which keeps what it has freed for reuse: a long ingest passes every batch
    through Arrow tables (to DuckDB, to and from Parquet), and with pyarrow's pool a
    30,000-article ingest on a 2-worker Dask LocalCluster peaked at 805 MB, its workers at
    150-165 MB each; with the system's, 711 MB and 131-136 MB, at the same speed."""
    if pa.default_memory_pool().backend_name != "system":
        pa.set_memory_pool(pa.system_memory_pool())
