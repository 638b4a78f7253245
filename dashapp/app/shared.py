"""The Store as the dashboard's callbacks share it: reads side by side, writes one at a
time, the store's answers remembered until the next write, and a memo of what the app
derives from them (drawn views, option lists, exports), cleared by the same writes."""

from __future__ import annotations

import copy
import json
import queue
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from dashapp.store import Store

T = TypeVar("T")


class LRU:
    """A least-recently-used map bounded by entries and by (caller-estimated) bytes. Not
    locked: its owner holds a lock around every call."""

    def __init__(self, entries: int, nbytes: int | None = None) -> None:
        self.entries = entries
        self.limit = nbytes
        self.nbytes = 0
        self._items: OrderedDict[Hashable, tuple[Any, int]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: Hashable) -> tuple[bool, Any]:
        """(found, value); raises TypeError for an unhashable key."""
        item = self._items.get(key)
        if item is None:
            return False, None
        self._items.move_to_end(key)
        return True, item[0]

    def put(self, key: Hashable, value: Any, size: int = 0) -> bool:
        """Keep `value` unless it alone would take over a quarter of the byte budget.
        Raises TypeError for an unhashable key."""
        if self.entries <= 0 or (self.limit is not None and size > self.limit // 4):
            return False
        old = self._items.pop(key, None)
        if old is not None:
            self.nbytes -= old[1]
        self._items[key] = (value, size)
        self.nbytes += size
        while self._items and (
            len(self._items) > self.entries or (self.limit is not None and self.nbytes > self.limit)
        ):
            _, (_, freed) = self._items.popitem(last=False)
            self.nbytes -= freed
        return True

    def clear(self) -> None:
        self._items.clear()
        self.nbytes = 0


# Memo pools: (entries, bytes). Drawn views (as JSON text) are up to a few hundred KB
# each; exports are kept apart from them so that browsing does not push them out.
MEMO_POOLS: dict[str, tuple[int, int]] = {
    "view": (256, 64 * 2**20),
    "export": (64, 96 * 2**20),
}


class SerializedStore:
    """The Store as the callbacks share it: reads in parallel, writes one at a time, and
    the store's answers remembered until the next write.

    Dash serves callbacks from several threads and a DuckDB connection runs one call at a
    time, so reads go to a small pool of readers (`Store.reader()`: DuckDB cursors on the
    same database, which see every commit) and run side by side, while writes (and
    anything not known to be a read) take the store itself under one lock. The same
    filter is asked again and again (the actor list's counts do not change while actors
    are toggled; back/forward revisits a view), and the store changes only through this
    object (DuckDB holds the database file's lock), so answers are kept in a small LRU
    cache cleared by every write.

    `memo(key, compute)` keeps what the app computes from the store (a drawn view, an
    export) in LRU pools bounded by entries and bytes, cleared by the same writes. Every
    write bumps `generation` before and after it runs; a result computed while the
    generation changed is returned but not kept, so nothing stale is served later."""

    READS = frozenset(
        {
            "events",
            "event",
            "count_events",
            "actor_counts",
            "type_counts",
            "aggregate",
            "articles",
            "article",
            "find_articles",
            "actors",
            "timexes",
            "timexes_of",
            "article_hashes",
            "stats",
            "schema_version",
        }
    )

    def __init__(
        self,
        store: Store,
        *,
        cache_size: int = 256,
        cache_rows: int = 50_000,
        memo: bool = True,
        readers: int = 3,
    ) -> None:
        self._store = store
        self._write_lock = threading.RLock()  # writes, and reads without readers
        self._state = threading.Lock()  # the caches and the generation: held briefly
        # Answers are Python objects (events with their mentions...): bounded by rows as
        # well, which bounds what every full garbage collection walks through.
        self._cache = LRU(cache_size, cache_rows)
        self._memo = {
            name: LRU(entries if memo else 0, nbytes)
            for name, (entries, nbytes) in MEMO_POOLS.items()
        }
        self._generation = 0
        self._pool: queue.LifoQueue[Store] = queue.LifoQueue()
        self._slots = threading.BoundedSemaphore(max(1, readers))
        self._can_read = readers > 0 and callable(getattr(store, "reader", None))
        self.memo_hits = 0
        self.memo_misses = 0

    @property
    def raw(self) -> Store:
        return self._store

    @property
    def generation(self) -> int:
        """Bumped by every write (and by `clear_cache`)."""
        return self._generation

    def clear_cache(self) -> None:
        with self._state:
            self._invalidate()

    def _invalidate(self) -> None:
        self._cache.clear()
        for pool in self._memo.values():
            pool.clear()
        self._generation += 1

    def memo(
        self,
        key: Hashable,
        compute: Callable[[], T],
        *,
        pool: str = "view",
        nbytes: int | Callable[[T], int] = 0,
    ) -> T:
        """`compute()`, remembered under `key` in `pool` until the next write. The value
        is shared between callers: treat it as read-only. `compute` runs outside any
        lock (it reads through this object); `nbytes` (a number, or a function of the
        value) estimates its size for the pool's byte budget."""
        lru = self._memo[pool]
        with self._state:
            found, value = lru.get(key)
            if found:
                self.memo_hits += 1
                return value
            self.memo_misses += 1
            generation = self._generation
        value = compute()
        if lru.entries > 0:
            size = nbytes(value) if callable(nbytes) else nbytes
            with self._state:
                if self._generation == generation:  # else the store changed meanwhile
                    lru.put(key, value, size)
        return value

    def _read(self, name: str, args: tuple, kwargs: dict):
        """One read on a pooled reader (made on first need), or on the store itself
        under the write lock when it has no readers."""
        if not self._can_read:
            with self._write_lock:
                return getattr(self._store, name)(*args, **kwargs)
        with self._slots:
            try:
                reader = self._pool.get_nowait()
            except queue.Empty:
                with self._write_lock:
                    reader = self._store.reader()
            try:
                return getattr(reader, name)(*args, **kwargs)
            finally:
                self._pool.put(reader)

    def _write(self, attr: Callable[..., Any], args: tuple, kwargs: dict):
        with self._write_lock:
            with self._state:
                self._invalidate()
            try:
                return attr(*args, **kwargs)
            finally:
                # Reads that ran during the write may have seen either side of it: the
                # second bump keeps what they computed out of the caches.
                with self._state:
                    self._invalidate()

    def __getattr__(self, name: str):
        attr = getattr(self._store, name)
        if not callable(attr):
            return attr
        if name not in self.READS:

            def write(*args, **kwargs):
                return self._write(attr, args, kwargs)

            return write

        def read(*args, **kwargs):
            key = (name, args, tuple(sorted(kwargs.items())))
            with self._state:
                try:
                    found, hit = self._cache.get(key)
                except TypeError:  # unhashable arguments: not cached
                    found, hit = False, None
                if found:
                    return copy.copy(hit)
                generation = self._generation
            value = self._read(name, args, kwargs)
            with self._state:
                if self._generation == generation:
                    rows = len(value) if isinstance(value, list | tuple | dict) else 1
                    try:
                        self._cache.put(key, value, rows)
                    except TypeError:
                        return value
            return copy.copy(value)

        return read


try:  # orjson is several times faster when installed (plotly and Dash use it then too)
    import orjson

    def dumps(value: Any) -> str:
        """Compact JSON text of plain data (dicts, lists, str, numbers, None)."""
        return orjson.dumps(value).decode("utf-8")

    loads = orjson.loads
except ImportError:  # pragma: no cover - the standard library then

    def dumps(value: Any) -> str:
        """Compact JSON text of plain data (dicts, lists, str, numbers, None)."""
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))

    loads = json.loads


def memo(store: object, key: Hashable, compute: Callable[[], T], **kwargs) -> T:
    """`store.memo(key, compute)` when the store has a memo (SerializedStore), else
    just `compute()` (a bare Store in tests and scripts)."""
    remember = getattr(store, "memo", None)
    if remember is None or isinstance(store, Store):
        return compute()
    return remember(key, compute, **kwargs)
