"""The only module that runs SQL: an embedded DuckDB store of articles, expressions,
events, event mentions, actors and the user's corrections."""

from __future__ import annotations

import functools
import json
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Literal, TypeVar

import duckdb
import pyarrow as pa

from dashapp.events import merge, same_happening
from dashapp.ingest import content_hash
from dashapp.models import Actor, Article, Event, EventFilter, Extraction, Mention, Timex
from dashapp.serialize import event_from_record, event_to_record

# Candidates offered to `events.same_happening` when a new event arrives are found in SQL:
# same type; a shared actor, or the same label when either side names no actor; and
# intervals at most this many days apart, or one's value among the other's alternative
# dates. This must stay a superset of what same_happening accepts (dates within a day,
# overlapping intervals, alternatives); the rule itself lives in dashapp/events.py.
MERGE_WINDOW_DAYS = 2
T = TypeVar("T")
# The default filter: no restriction (frozen, so one shared instance is safe).
ALL_EVENTS = EventFilter()


# --------------------------------------------------------------------------- schema

# Ordered migration steps: step N brings a database from version N-1 to N. Never edit a
# released step; append a new one. A database records its version in `schema_version`.
MIGRATIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "initial schema: articles, timexes, actors, events, mentions, corrections",
        (
            """CREATE TABLE articles (
                id VARCHAR PRIMARY KEY, hash VARCHAR NOT NULL, title VARCHAR NOT NULL,
                date DATE NOT NULL, reference_date DATE, url VARCHAR NOT NULL,
                source VARCHAR NOT NULL, body VARCHAR NOT NULL, seq BIGINT NOT NULL)""",
            """CREATE TABLE timexes (
                article_id VARCHAR NOT NULL, ord INTEGER NOT NULL, start INTEGER NOT NULL,
                "end" INTEGER NOT NULL, text VARCHAR NOT NULL, type VARCHAR NOT NULL,
                value VARCHAR NOT NULL, mod VARCHAR, first DATE, last DATE,
                granularity VARCHAR, explanation VARCHAR NOT NULL, confidence DOUBLE NOT NULL,
                alternatives VARCHAR[] NOT NULL, range_first DATE, range_last DATE)""",
            """CREATE TABLE actors (
                name VARCHAR PRIMARY KEY, kind VARCHAR NOT NULL, affiliation VARCHAR)""",
            """CREATE TABLE events (
                id VARCHAR PRIMARY KEY, seq BIGINT NOT NULL, label VARCHAR NOT NULL,
                type VARCHAR NOT NULL, quad_class VARCHAR NOT NULL, start DATE NOT NULL,
                "end" DATE NOT NULL, value VARCHAR NOT NULL, granularity VARCHAR NOT NULL,
                source VARCHAR, target VARCHAR, approximate BOOLEAN NOT NULL,
                articles INTEGER NOT NULL, other_dates VARCHAR[] NOT NULL,
                human BOOLEAN NOT NULL)""",
            """CREATE TABLE event_actors (
                event_id VARCHAR NOT NULL, ord INTEGER NOT NULL, actor VARCHAR NOT NULL)""",
            """CREATE TABLE mentions (
                event_id VARCHAR NOT NULL, ord INTEGER NOT NULL, article_id VARCHAR NOT NULL,
                text VARCHAR NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
                type VARCHAR NOT NULL, value VARCHAR NOT NULL, sentence VARCHAR NOT NULL,
                explanation VARCHAR NOT NULL, confidence DOUBLE NOT NULL)""",
            # What each ingested article contributed to an event, before cross-article
            # merging: an event is rebuilt from these when a supporting article changes.
            """CREATE TABLE contributions (
                seq BIGINT NOT NULL, event_id VARCHAR NOT NULL, article_ids VARCHAR[] NOT NULL,
                payload VARCHAR NOT NULL)""",
            """CREATE TABLE corrections (
                seq BIGINT NOT NULL, event_id VARCHAR NOT NULL, start DATE, "end" DATE,
                label VARCHAR, actors VARCHAR[])""",
        ),
    ),
    (
        "dashboard columns (confidence, search text) and the indexes filters use",
        (
            "ALTER TABLE events ADD COLUMN confidence DOUBLE DEFAULT 1.0",
            "ALTER TABLE events ADD COLUMN search VARCHAR DEFAULT ''",
            """UPDATE events SET confidence = coalesce(
                (SELECT max(m.confidence) FROM mentions m WHERE m.event_id = events.id), 1.0)""",
            """UPDATE events SET search = lower(label || chr(10) || coalesce(
                (SELECT string_agg(m.sentence, chr(10) ORDER BY m.ord) FROM mentions m
                 WHERE m.event_id = events.id), ''))""",
            "CREATE INDEX event_actors_event ON event_actors (event_id)",
            "CREATE INDEX event_actors_actor ON event_actors (actor)",
            "CREATE INDEX mentions_event ON mentions (event_id)",
            "CREATE INDEX mentions_article ON mentions (article_id)",
            "CREATE INDEX contributions_event ON contributions (event_id)",
            "CREATE INDEX timexes_article ON timexes (article_id)",
            "CREATE INDEX events_start ON events (start)",
        ),
    ),
    (
        "integer event keys (events.seq) in event_actors and mentions: faster filter joins",
        (
            "ALTER TABLE event_actors ADD COLUMN event_seq BIGINT",
            "ALTER TABLE mentions ADD COLUMN event_seq BIGINT",
            """UPDATE event_actors SET event_seq = e.seq FROM events e
               WHERE e.id = event_actors.event_id""",
            "UPDATE mentions SET event_seq = e.seq FROM events e WHERE e.id = mentions.event_id",
        ),
    ),
    (
        "drop the secondary ART indexes: DuckDB serves these filters with zone maps and hash "
        "joins and never chose them (EXPLAIN), while they slowed every write and held memory",
        tuple(
            f"DROP INDEX IF EXISTS {name}"
            for name in (
                "event_actors_event",
                "event_actors_actor",
                "mentions_event",
                "mentions_article",
                "contributions_event",
                "timexes_article",
                "events_start",
            )
        ),
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)


class SchemaError(Exception):
    """The database was written by a newer release, or is not a geotimeline store."""


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """One article's extraction, the unit a transaction never splits."""

    article: Article
    timexes: tuple[Timex, ...]
    events: tuple[Event, ...]
    hash: str = ""  # article_key(article); computed when empty


@dataclass(frozen=True, slots=True)
class AddReport:
    """What `Store.add_results` did: article ids stored, replaced and skipped."""

    added: tuple[str, ...]
    replaced: tuple[str, ...]
    skipped: tuple[str, ...]


# --------------------------------------------------------------------------- helpers


def article_key(article: Article) -> str:
    """What makes a stored article's results current: its content hash, and the
    reference date when one overrides the publication date (it changes every relative
    date)."""
    h = content_hash(article)
    return h if article.reference_date is None else f"{h}@{article.reference_date.isoformat()}"


def _event_payload(ev: Event) -> str:
    return json.dumps(event_to_record(ev), ensure_ascii=False)


def _event_from_payload(text: str) -> Event:
    return event_from_record(json.loads(text))


def _without_articles(ev: Event, gone: set[str]) -> Event | None:
    mentions = tuple(m for m in ev.mentions if m.article not in gone)
    if not mentions:
        return None
    return replace(ev, mentions=mentions, articles=len({m.article for m in mentions}))


def _event_confidence(ev: Event) -> float:
    # An event is as credible as its best-supported mention.
    return max((m.confidence for m in ev.mentions), default=1.0)


def _event_search(ev: Event) -> str:
    return "\n".join([ev.label, *(m.sentence for m in ev.mentions)]).lower()


def _table(columns: dict[str, tuple[list[Any], pa.DataType]]) -> pa.Table:
    return pa.table({name: pa.array(values, type=t) for name, (values, t) in columns.items()})


_STR = pa.string()
_DATE = pa.date32()
_INT = pa.int32()
_BIG = pa.int64()
_F = pa.float64()
_B = pa.bool_()
_STRS = pa.list_(pa.string())

_EVENT_COLUMNS = (
    'id, label, type, quad_class, start, "end", value, granularity, source, target, '
    "approximate, articles, other_dates, human, confidence"
)


# --------------------------------------------------------------------------- store


def _locked(method: Callable[..., T]) -> Callable[..., T]:
    """One DuckDB connection is not safe across threads (the dashboard's callbacks run in
    several): public methods take the store's lock."""

    @functools.wraps(method)
    def wrapper(self: Store, *args: Any, **kwargs: Any) -> T:
        with self._lock:
            return method(self, *args, **kwargs)

    return wrapper


class Store:
    """Articles, expressions and merged events in one DuckDB file (or in memory). Safe
    to share between threads."""

    def __init__(
        self,
        path: str | Path | None = None,
        *,
        read_only: bool = False,
        threads: int | None = None,
        memory_limit: str | None = None,
    ) -> None:
        """Open (creating and migrating as needed) the database at `path`; None means an
        in-memory database. `threads` caps DuckDB's threads (batch ingest uses 1: its
        many small statements gain nothing from more, and the cores extract); `memory_limit`
        caps its buffer cache (e.g. "512MB"), which otherwise grows with the database."""
        self._seqs: dict[str, int] = {}
        self._lock = threading.RLock()
        self.path = Path(path) if path is not None else None
        if self.path is not None and not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._con = duckdb.connect(
            str(self.path) if self.path is not None else ":memory:", read_only=read_only
        )
        if threads is not None:
            self._con.execute(f"SET threads = {int(threads)}")
        if memory_limit is not None:
            self._con.execute("SET memory_limit = ?", [memory_limit])
        if read_only:
            v = self.schema_version()
            if v != SCHEMA_VERSION:
                raise SchemaError(
                    f"{self.path}: schema version {v}, this release reads {SCHEMA_VERSION}"
                    " (open it once without read_only to migrate)"
                )
        else:
            migrate(self._con)

    @_locked
    def close(self) -> None:
        self._con.close()

    def reader(self) -> Store:
        """A Store for reading from another thread while this one is in use: its own
        DuckDB cursor (a connection to the same database that sees every commit) and its
        own lock, so that reads on several readers run at the same time. It is closed
        with this store; writes belong on this store."""
        other = Store.__new__(Store)
        other._seqs = {}
        other._lock = threading.RLock()
        other.path = self.path
        with self._lock:
            other._con = self._con.cursor()
        return other

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @_locked
    def schema_version(self) -> int:
        return _schema_version(self._con)

    # ------------------------------------------------------------------ writing

    @_locked
    def add(self, extraction: Extraction) -> None:
        """Store articles with their expressions and events; events merge with stored
        ones of the same happening (cross-article, incremental). The whole extraction is
        one transaction (batch ingest calls `add_results` with whole articles)."""
        result = [
            ArticleResult(a, extraction.timexes.get(a.id, ()), (), article_key(a))
            for a in extraction.articles
        ]
        self._write(result, extra_events=extraction.events, actors=extraction.actors)

    @_locked
    def add_results(
        self, results: Sequence[ArticleResult], actors: Iterable[Actor] = ()
    ) -> AddReport:
        """Whole articles in one transaction: an article whose content hash is stored is
        skipped, one stored with another hash has its old results replaced."""
        return self._write(results, actors=actors)

    @_locked
    def article_hashes(self, ids: Iterable[str] | None = None) -> dict[str, str]:
        """Article id -> stored content hash (all articles, or those of `ids`)."""
        if ids is None:
            rows = self._con.execute("SELECT id, hash FROM articles").fetchall()
        else:
            rows = self._con.execute(
                "SELECT id, hash FROM articles WHERE id = ANY(?)", [list(ids)]
            ).fetchall()
        return dict(rows)

    @_locked
    def remove_article(self, article_id: str) -> bool:
        """Forget an article and its support for events (events left without support go,
        their corrections stay in the log). False when it was not stored."""
        con = self._con
        con.execute("BEGIN TRANSACTION")
        try:
            found = self._remove_articles([article_id])
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        return bool(found)

    @_locked
    def correct_event(
        self,
        event_id: str,
        *,
        start: date | None = None,
        end: date | None = None,
        label: str | None = None,
        actors: tuple[str, ...] | None = None,
    ) -> Event:
        """A human correction: persisted, marked human=True, survives re-ingest."""
        con = self._con
        current = self.event(event_id)
        if current is None:
            raise KeyError(event_id)
        new_start = start or current.start
        new_end = end or current.end
        if new_end < new_start:
            raise ValueError(f"end {new_end} is before start {new_start}")
        if actors is not None:
            actors = tuple(dict.fromkeys(actors))
            known = {a.name for a in self.actors()}
            unknown = [a for a in actors if a not in known]
            if unknown:
                raise ValueError(f"unknown actor(s): {', '.join(unknown)}")
        con.execute("BEGIN TRANSACTION")
        try:
            seq = self._next_seq("corrections")
            con.execute(
                "INSERT INTO corrections VALUES (?, ?, ?, ?, ?, ?)",
                [seq, event_id, start, end, label, list(actors) if actors is not None else None],
            )
            base = self._base_event(event_id)
            self._write_events([self._corrected(base)], replace_ids={event_id})
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        out = self.event(event_id)
        assert out is not None
        return out

    # ------------------------------------------------------------------ reading

    @_locked
    def events(self, flt: EventFilter = ALL_EVENTS, *, limit: int | None = None) -> list[Event]:
        where, params = _where(flt)
        return [ev for _, ev in self._select_events(where, params, limit=limit)]

    @_locked
    def event(self, event_id: str) -> Event | None:
        found = self._select_events("e.id = ?", [event_id])
        return found[0][1] if found else None

    @_locked
    def count_events(self, flt: EventFilter = ALL_EVENTS) -> int:
        where, params = _where(flt)
        row = self._con.execute(f"SELECT count(*) FROM events e WHERE {where}", params).fetchone()
        return int(row[0]) if row else 0

    @_locked
    def actor_counts(self, flt: EventFilter = ALL_EVENTS) -> list[tuple[Actor, int]]:
        where, params = _where(flt)
        # an event names each actor once: a pair counts one event
        source = (
            "event_actors ea"
            if where == "TRUE"  # no filter: the events table is not needed
            else f"events e JOIN event_actors ea ON ea.event_seq = e.seq WHERE {where}"
        )
        rows = self._con.execute(
            f"""SELECT c.actor, coalesce(a.kind, 'organisation'), a.affiliation, c.n
                FROM (SELECT ea.actor, count(*) AS n FROM {source} GROUP BY ea.actor) c
                LEFT JOIN actors a ON a.name = c.actor ORDER BY c.n DESC, c.actor""",
            params,
        ).fetchall()
        return [(Actor(name, kind, aff), int(n)) for name, kind, aff, n in rows]

    @_locked
    def type_counts(self, flt: EventFilter = ALL_EVENTS) -> list[tuple[str, int]]:
        where, params = _where(flt)
        rows = self._con.execute(
            f"SELECT type, count(*) AS n FROM events e WHERE {where} "
            "GROUP BY type ORDER BY n DESC, type",
            params,
        ).fetchall()
        return [(t, int(n)) for t, n in rows]

    @_locked
    def aggregate(
        self,
        flt: EventFilter,
        *,
        bucket: Literal["week", "month"],
        lane: Literal["actor", "type"] = "actor",
        max_lanes: int | None = None,
        other: str = "(other)",
    ) -> list[tuple[date, str, int]]:
        """(bucket start, lane value, event count) for the zoomed-out timeline. Weeks
        start on Monday; an event counts in the bucket of its start, once in the lane of
        each of its actors (lane "" when it names none).

        With `max_lanes`, when there are more lanes than that, the busiest
        `max_lanes - 1` (by events, ties by name, "" last) keep their own and the rest
        share the lane `other`, where an event counts once, and only when none of its
        lanes was kept: the figure's lane rule, computed in the database."""
        if bucket not in ("week", "month"):
            raise ValueError(f"bucket must be 'week' or 'month', not {bucket!r}")
        if lane not in ("actor", "type"):
            raise ValueError(f"lane must be 'actor' or 'type', not {lane!r}")
        where, params = _where(flt)
        if lane == "actor":
            base = f"""SELECT e.seq, date_trunc('{bucket}', e.start)::DATE AS b,
                              coalesce(ea.actor, '') AS lane
                       FROM events e LEFT JOIN event_actors ea ON ea.event_seq = e.seq
                       WHERE {where}"""
        else:
            base = f"""SELECT e.seq, date_trunc('{bucket}', e.start)::DATE AS b,
                              e.type AS lane FROM events e WHERE {where}"""
        if max_lanes is None:
            sql = f"SELECT b, lane, count(*) FROM ({base}) GROUP BY b, lane ORDER BY b, lane"
        else:
            keep = max(int(max_lanes), 1)
            sql = f"""WITH base AS MATERIALIZED ({base}),
                totals AS (SELECT lane, count(*) AS n FROM base GROUP BY lane),
                kept AS (SELECT lane FROM totals
                         ORDER BY lane = '', n DESC, lane
                         LIMIT (CASE WHEN (SELECT count(*) FROM totals) > {keep}
                                     THEN {keep - 1} ELSE {keep} END)),
                marked AS MATERIALIZED (
                    SELECT seq, b, lane, lane IN (SELECT lane FROM kept) AS k FROM base)
                SELECT b, lane, count(*) FROM marked WHERE k GROUP BY b, lane
                UNION ALL
                SELECT b, ?, count(*) FROM (
                    SELECT b FROM marked GROUP BY seq, b HAVING NOT bool_or(k))
                GROUP BY b
                ORDER BY 1, 2"""
            params = [*params, other]
        return [(b, str(v), int(n)) for b, v, n in self._con.execute(sql, params).fetchall()]

    @_locked
    def articles(self) -> list[Article]:
        rows = self._con.execute(
            "SELECT id, title, date, url, body, source, reference_date FROM articles ORDER BY seq"
        ).fetchall()
        return [Article(*r) for r in rows]

    @_locked
    def article(self, article_id: str) -> Article | None:
        row = self._con.execute(
            "SELECT id, title, date, url, body, source, reference_date FROM articles WHERE id = ?",
            [article_id],
        ).fetchone()
        return Article(*row) if row else None

    @_locked
    def timexes(self, article_id: str) -> tuple[Timex, ...]:
        rows = self._con.execute(
            """SELECT start, "end", text, type, value, mod, first, last, granularity,
                      explanation, confidence, alternatives, range_first, range_last
               FROM timexes WHERE article_id = ? ORDER BY ord""",
            [article_id],
        ).fetchall()
        return tuple(_timex(r) for r in rows)

    @_locked
    def timexes_of(self, article_ids: Iterable[str]) -> dict[str, tuple[Timex, ...]]:
        """`timexes` of many articles in one query: article id -> its expressions (every
        id asked for is a key)."""
        ids = list(dict.fromkeys(article_ids))
        out: dict[str, list[Timex]] = {i: [] for i in ids}
        if ids:
            rows = self._con.execute(
                """SELECT article_id, start, "end", text, type, value, mod, first, last,
                          granularity, explanation, confidence, alternatives, range_first,
                          range_last FROM timexes WHERE article_id = ANY(?)
                   ORDER BY article_id, ord""",
                [ids],
            ).fetchall()
            for row in rows:
                out[row[0]].append(_timex(row[1:]))
        return {k: tuple(v) for k, v in out.items()}

    @_locked
    def actors(self) -> list[Actor]:
        rows = self._con.execute(
            "SELECT name, kind, affiliation FROM actors ORDER BY name"
        ).fetchall()
        return [Actor(*r) for r in rows]

    @_locked
    def extraction(self) -> Extraction:
        """Everything stored, in the shape `geotimeline extract` writes."""
        articles = tuple(self.articles())
        timexes: dict[str, list[Timex]] = {a.id: [] for a in articles}
        for row in self._con.execute(
            """SELECT article_id, start, "end", text, type, value, mod, first, last,
                      granularity, explanation, confidence, alternatives, range_first,
                      range_last FROM timexes ORDER BY article_id, ord"""
        ).fetchall():
            timexes.setdefault(row[0], []).append(_timex(row[1:]))
        events = tuple(self.events())
        named = {x for ev in events for x in ev.actors}
        # ordered as pipeline.extract orders them
        actors = tuple(
            sorted((a for a in self.actors() if a.name in named), key=lambda a: (a.kind, a.name))
        )
        return Extraction(
            articles=articles,
            timexes={k: tuple(v) for k, v in timexes.items()},
            events=events,
            actors=actors,
        )

    @_locked
    def stats(self) -> dict[str, int]:
        """Row counts per table, for summaries and health checks."""
        out = {}
        for table in ("articles", "timexes", "events", "mentions", "actors", "corrections"):
            row = self._con.execute(f"SELECT count(*) FROM {table}").fetchone()
            out[table] = int(row[0]) if row else 0
        return out

    # ------------------------------------------------------------------ internals

    def _next_seq(self, table: str, count: int = 1) -> int:
        """Reserve `count` sequence numbers of `table`; returns the first. Numbers only
        order rows, so those of a rolled-back transaction are simply never used."""
        if table not in self._seqs:
            row = self._con.execute(f"SELECT coalesce(max(seq), 0) + 1 FROM {table}").fetchone()
            self._seqs[table] = int(row[0]) if row else 1
        first = self._seqs[table]
        self._seqs[table] = first + count
        return first

    def _upsert_actors(self, actors: Iterable[Actor]) -> None:
        uniq = {a.name: a for a in actors}
        if not uniq:
            return
        known = {
            r[0]: Actor(*r)
            for r in self._con.execute(
                "SELECT name, kind, affiliation FROM actors WHERE name = ANY(?)", [list(uniq)]
            ).fetchall()
        }
        # most batches name only known actors: write just the new or changed ones
        todo = [a for a in uniq.values() if known.get(a.name) != a]
        if not todo:
            return
        tbl = _table(  # noqa: F841 - read by DuckDB
            {
                "name": ([a.name for a in todo], _STR),
                "kind": ([a.kind for a in todo], _STR),
                "affiliation": ([a.affiliation for a in todo], _STR),
            }
        )
        self._con.execute(
            "INSERT INTO actors SELECT name, kind, affiliation FROM tbl "
            "ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, "
            "affiliation = excluded.affiliation"
        )

    def _write(
        self,
        results: Sequence[ArticleResult],
        extra_events: Sequence[Event] = (),
        actors: Iterable[Actor] = (),
    ) -> AddReport:
        con = self._con
        stored = self.article_hashes([r.article.id for r in results])
        fresh: list[ArticleResult] = []
        seen: dict[str, str] = {}
        added, replaced, skipped = [], [], []
        for r in results:
            h = r.hash or article_key(r.article)
            aid = r.article.id
            if stored.get(aid) == h or seen.get(aid) == h:
                skipped.append(aid)
                continue
            (replaced if aid in stored or aid in seen else added).append(aid)
            seen[aid] = h
            fresh.append(replace(r, hash=h))
        fresh_ids = {r.article.id for r in fresh}
        # events of an extraction whose articles are all stored already add nothing
        extra_events = [ev for ev in extra_events if {m.article for m in ev.mentions} & fresh_ids]
        if not fresh:
            return AddReport(tuple(added), tuple(replaced), tuple(skipped))
        con.execute("BEGIN TRANSACTION")
        try:
            self._upsert_actors(actors)
            gone = [aid for aid in dict.fromkeys(replaced)]
            if gone:
                self._remove_articles(gone)
            # A changed article that appears twice in one batch: the last version wins.
            last = {r.article.id: r for r in fresh}
            fresh = [r for r in fresh if last[r.article.id] is r]
            self._insert_articles(fresh)
            new_events = [ev for r in fresh for ev in r.events] + list(extra_events)
            if new_events:
                self._merge_in(new_events)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        return AddReport(tuple(added), tuple(replaced), tuple(skipped))

    def _insert_articles(self, results: Sequence[ArticleResult]) -> None:
        if not results:
            return
        seq0 = self._next_seq("articles", len(results))
        arts = [r.article for r in results]
        art_tbl = _table(  # noqa: F841 - read by DuckDB
            {
                "id": ([a.id for a in arts], _STR),
                "hash": ([r.hash for r in results], _STR),
                "title": ([a.title for a in arts], _STR),
                "date": ([a.date for a in arts], _DATE),
                "reference_date": ([a.reference_date for a in arts], _DATE),
                "url": ([a.url for a in arts], _STR),
                "source": ([a.source for a in arts], _STR),
                "body": ([a.body for a in arts], _STR),
                "seq": (list(range(seq0, seq0 + len(arts))), _BIG),
            }
        )
        self._con.execute("INSERT INTO articles BY NAME SELECT * FROM art_tbl")
        rows = [(r.article.id, i, t) for r in results for i, t in enumerate(r.timexes)]
        if rows:
            tx = [t for _, _, t in rows]
            tx_tbl = _table(  # noqa: F841 - read by DuckDB
                {
                    "article_id": ([a for a, _, _ in rows], _STR),
                    "ord": ([i for _, i, _ in rows], _INT),
                    "start": ([t.start for t in tx], _INT),
                    "end": ([t.end for t in tx], _INT),
                    "text": ([t.text for t in tx], _STR),
                    "type": ([t.type for t in tx], _STR),
                    "value": ([t.value for t in tx], _STR),
                    "mod": ([t.mod for t in tx], _STR),
                    "first": ([t.first for t in tx], _DATE),
                    "last": ([t.last for t in tx], _DATE),
                    "granularity": ([t.granularity for t in tx], _STR),
                    "explanation": ([t.explanation for t in tx], _STR),
                    "confidence": ([t.confidence for t in tx], _F),
                    "alternatives": ([list(t.alternatives) for t in tx], _STRS),
                    "range_first": ([t.range[0] if t.range else None for t in tx], _DATE),
                    "range_last": ([t.range[1] if t.range else None for t in tx], _DATE),
                }
            )
            self._con.execute("INSERT INTO timexes BY NAME SELECT * FROM tx_tbl")

    def _remove_articles(self, article_ids: Sequence[str]) -> int:
        """Delete articles and their expressions; rebuild the events they supported from
        the remaining contributions. Runs inside the caller's transaction."""
        con = self._con
        ids_tbl = _table({"id": (list(article_ids), _STR)})  # noqa: F841
        row = con.execute("SELECT count(*) FROM articles JOIN ids_tbl USING (id)").fetchone()
        found = int(row[0]) if row else 0
        con.execute("DELETE FROM articles WHERE id IN (SELECT id FROM ids_tbl)")
        con.execute("DELETE FROM timexes WHERE article_id IN (SELECT id FROM ids_tbl)")
        affected = [
            r[0]
            for r in con.execute(
                """SELECT DISTINCT event_id FROM contributions
                   WHERE list_has_any(article_ids, (SELECT list(id) FROM ids_tbl))"""
            ).fetchall()
        ]
        if not affected:
            return found
        gone = set(article_ids)
        seqs = dict(
            con.execute(
                "SELECT id, seq FROM events WHERE id IN (SELECT unnest(?))", [affected]
            ).fetchall()
        )
        aff_tbl = _table({"id": (affected, _STR)})  # noqa: F841
        contribs = con.execute(
            """SELECT seq, event_id, payload FROM contributions
               WHERE event_id IN (SELECT id FROM aff_tbl) ORDER BY seq"""
        ).fetchall()
        con.execute("DELETE FROM contributions WHERE event_id IN (SELECT id FROM aff_tbl)")
        kept: list[tuple[int, str, Event]] = []
        for seq, event_id, payload in contribs:
            ev = _without_articles(_event_from_payload(payload), gone)
            if ev is not None:
                kept.append((seq, event_id, ev))
        if kept:
            self._insert_contributions(kept)
        rebuilt: dict[str, Event] = {}
        for _, event_id, ev in kept:
            prev = rebuilt.get(event_id)
            rebuilt[event_id] = replace(ev, id=event_id) if prev is None else merge(prev, ev)
        self._delete_events(affected)
        self._write_events(
            self._corrected_many([replace(ev, id=eid) for eid, ev in rebuilt.items()]),
            replace_ids=set(),
            seqs=seqs,
        )
        return found

    def _insert_contributions(self, rows: Sequence[tuple[int, str, Event]]) -> None:
        tbl = _table(  # noqa: F841 - read by DuckDB
            {
                "seq": ([s for s, _, _ in rows], _BIG),
                "event_id": ([e for _, e, _ in rows], _STR),
                "article_ids": (
                    [sorted({m.article for m in ev.mentions}) for _, _, ev in rows],
                    _STRS,
                ),
                "payload": ([_event_payload(ev) for _, _, ev in rows], _STR),
            }
        )
        self._con.execute("INSERT INTO contributions BY NAME SELECT * FROM tbl")

    def _merge_in(self, new_events: Sequence[Event]) -> None:
        """Join new events to stored ones of the same happening, in order; the rest
        become events of their own."""
        con = self._con
        cols: dict[str, list[Any]] = {
            k: []
            for k in ("type", "lo", "hi", "value", "others", "any_date", "label", "bare", "actor")
        }
        w = timedelta(days=MERGE_WINDOW_DAYS)
        for ev in new_events:
            for actor in ev.actors or (None,):
                cols["type"].append(ev.type)
                cols["lo"].append(ev.start - w)
                cols["hi"].append(ev.end + w)
                cols["value"].append(ev.value)
                cols["others"].append(list(ev.other_dates))
                cols["any_date"].append(ev.value in ev.other_dates)
                cols["label"].append(ev.label)
                cols["bare"].append(not ev.actors)
                cols["actor"].append(actor)
        types = {
            "type": _STR,
            "lo": _DATE,
            "hi": _DATE,
            "value": _STR,
            "others": _STRS,
            "any_date": _B,
            "label": _STR,
            "bare": _B,
            "actor": _STR,
        }
        key_tbl = _table({k: (v, types[k]) for k, v in cols.items()})  # noqa: F841
        dates_ok = """(k.any_date OR (e.start <= k.hi AND e."end" >= k.lo)
                       OR e.value = k.value OR list_contains(k.others, e.value)
                       OR list_contains(e.other_dates, k.value)
                       OR list_contains(e.other_dates, e.value))"""
        cand_ids = [
            r[0]
            for r in con.execute(
                f"""SELECT e.id FROM key_tbl k
                    JOIN event_actors ea ON ea.actor = k.actor
                    JOIN events e ON e.seq = ea.event_seq AND e.type = k.type
                    WHERE {dates_ok}
                    UNION
                    SELECT e.id FROM key_tbl k
                    JOIN events e ON e.type = k.type AND e.label = k.label
                    WHERE {dates_ok} AND (k.bare OR NOT EXISTS (
                        SELECT 1 FROM event_actors ea WHERE ea.event_seq = e.seq))
                    UNION
                    SELECT e.id FROM events e WHERE e.human
                        AND e.type IN (SELECT type FROM key_tbl)"""
            ).fetchall()
        ]
        # Working set, in creation order: id -> (seq, base event before corrections).
        pool: dict[str, tuple[int, Event]] = {}
        if cand_ids:
            for seq, ev in self._load_bases(cand_ids):
                pool[ev.id] = (seq, ev)
        taken = {
            r[0]
            for r in con.execute(
                "SELECT id FROM events WHERE id IN (SELECT unnest(?))",
                [[ev.id for ev in new_events]],
            ).fetchall()
        }
        ev_seq = self._next_seq("events", len(new_events))
        contrib_seq = self._next_seq("contributions", len(new_events))
        dirty: set[str] = set()
        contributions: list[tuple[int, str, Event]] = []
        # same_happening needs the same type and a shared actor, or the same label when
        # one side names no actor (the rule the SQL above also relies on): index the
        # working set so that each new event is compared with few others
        by_actor: dict[tuple[str, str], set[str]] = {}
        by_label: dict[tuple[str, str], set[str]] = {}

        def index(eid: str, ev: Event) -> None:
            for actor in ev.actors:
                by_actor.setdefault((ev.type, actor), set()).add(eid)
            by_label.setdefault((ev.type, ev.label), set()).add(eid)

        for eid, (_, ev) in pool.items():
            index(eid, ev)
        for ev in new_events:
            same_label = by_label.get((ev.type, ev.label), set())
            if ev.actors:
                found = {e for e in same_label if not pool[e][1].actors}
                for actor in ev.actors:
                    found |= by_actor.get((ev.type, actor), set())
            else:
                found = set(same_label)
            # the first event, in creation order, of the same happening (as events.merge_all)
            target = next(
                (
                    eid
                    for eid in sorted(found, key=lambda e: pool[e][0])
                    if same_happening(pool[eid][1], ev)
                ),
                None,
            )
            if target is None:
                eid = ev.id
                n = 2
                while eid in taken or eid in pool:
                    eid = f"{ev.id}~{n}"
                    n += 1
                pool[eid] = (ev_seq, replace(ev, id=eid))
                ev_seq += 1
                target = eid
            else:
                seq, old = pool[target]
                pool[target] = (seq, replace(merge(old, ev), id=target))
            index(target, pool[target][1])
            dirty.add(target)
            contributions.append((contrib_seq, target, ev))
            contrib_seq += 1
        self._insert_contributions(contributions)
        out = self._corrected_many([pool[eid][1] for eid in dirty])
        seqs = {eid: pool[eid][0] for eid in dirty}
        self._write_events(out, replace_ids=dirty & set(cand_ids), seqs=seqs)

    def _load_bases(self, ids: Sequence[str]) -> list[tuple[int, Event]]:
        """Stored events as the pipeline made them (human corrections not applied), with
        their sequence numbers."""
        out = []
        for seq, ev in self._select_events("e.id = ANY(?)", [list(ids)], order="e.seq"):
            out.append((seq, self._base_event(ev.id) if ev.human else ev))
        return out

    def _base_event(self, event_id: str) -> Event:
        contribs = self._con.execute(
            "SELECT payload FROM contributions WHERE event_id = ? ORDER BY seq", [event_id]
        ).fetchall()
        base: Event | None = None
        for (payload,) in contribs:
            ev = _event_from_payload(payload)
            base = replace(ev, id=event_id) if base is None else merge(base, ev)
        if base is None:
            # stored without contributions (written by a bulk loader or an old release):
            # the stored row is the best base there is
            found = self._select_events("e.id = ?", [event_id])
            if not found:
                raise KeyError(event_id)
            return replace(found[0][1], human=False)
        return replace(base, id=event_id)

    def _corrected(self, ev: Event) -> Event:
        return self._corrected_many([ev])[0]

    def _corrected_many(self, events: Sequence[Event]) -> list[Event]:
        """Events with the user's corrections applied (one query for all)."""
        if not events:
            return []
        rows = self._con.execute(
            'SELECT event_id, start, "end", label, actors FROM corrections '
            "WHERE event_id = ANY(?) ORDER BY seq",
            [[ev.id for ev in events]],
        ).fetchall()
        if not rows:
            return list(events)
        fixes: dict[str, list[tuple[Any, ...]]] = {}
        for r in rows:
            fixes.setdefault(r[0], []).append(r[1:])
        out = []
        for ev in events:
            for start, end, label, actors in fixes.get(ev.id, ()):
                ev = replace(
                    ev,
                    start=start or ev.start,
                    end=end or ev.end,
                    label=label if label is not None else ev.label,
                    actors=tuple(actors) if actors is not None else ev.actors,
                    human=True,
                )
            if ev.end < ev.start:  # a later machine date moved past a corrected bound
                ev = replace(ev, end=ev.start)
            out.append(ev)
        return out

    def _delete_events(self, ids: Iterable[str]) -> None:
        ids_tbl = _table({"id": (list(ids), _STR)})  # noqa: F841 - read by DuckDB
        for table, col in (
            ("events", "id"),
            ("event_actors", "event_id"),
            ("mentions", "event_id"),
        ):
            self._con.execute(f"DELETE FROM {table} WHERE {col} IN (SELECT id FROM ids_tbl)")

    def _write_events(
        self, events: Sequence[Event], *, replace_ids: set[str], seqs: dict[str, int] | None = None
    ) -> None:
        con = self._con
        if not events:
            return
        seqs = dict(seqs or {})
        if replace_ids:
            for eid, seq in con.execute(
                "SELECT id, seq FROM events WHERE id IN (SELECT unnest(?))", [list(replace_ids)]
            ).fetchall():
                seqs.setdefault(eid, seq)
            self._delete_events(replace_ids)
        next_seq = self._next_seq("events", sum(1 for ev in events if ev.id not in seqs))
        for ev in events:
            if ev.id not in seqs:
                seqs[ev.id] = next_seq
                next_seq += 1
        ev_tbl = _table(  # noqa: F841 - read by DuckDB
            {
                "id": ([e.id for e in events], _STR),
                "seq": ([seqs[e.id] for e in events], _BIG),
                "label": ([e.label for e in events], _STR),
                "type": ([e.type for e in events], _STR),
                "quad_class": ([e.quad_class for e in events], _STR),
                "start": ([e.start for e in events], _DATE),
                "end": ([e.end for e in events], _DATE),
                "value": ([e.value for e in events], _STR),
                "granularity": ([e.granularity for e in events], _STR),
                "source": ([e.source for e in events], _STR),
                "target": ([e.target for e in events], _STR),
                "approximate": ([e.approximate for e in events], _B),
                "articles": ([e.articles for e in events], _INT),
                "other_dates": ([list(e.other_dates) for e in events], _STRS),
                "human": ([e.human for e in events], _B),
                "confidence": ([_event_confidence(e) for e in events], _F),
                "search": ([_event_search(e) for e in events], _STR),
            }
        )
        con.execute("INSERT INTO events BY NAME SELECT * FROM ev_tbl")
        act = [(e.id, i, a) for e in events for i, a in enumerate(e.actors)]
        if act:
            act_tbl = _table(  # noqa: F841 - read by DuckDB
                {
                    "event_id": ([r[0] for r in act], _STR),
                    "event_seq": ([seqs[r[0]] for r in act], _BIG),
                    "ord": ([r[1] for r in act], _INT),
                    "actor": ([r[2] for r in act], _STR),
                }
            )
            con.execute("INSERT INTO event_actors BY NAME SELECT * FROM act_tbl")
        ms = [(e.id, i, m) for e in events for i, m in enumerate(e.mentions)]
        if ms:
            m_tbl = _table(  # noqa: F841 - read by DuckDB
                {
                    "event_id": ([r[0] for r in ms], _STR),
                    "event_seq": ([seqs[r[0]] for r in ms], _BIG),
                    "ord": ([r[1] for r in ms], _INT),
                    "article_id": ([r[2].article for r in ms], _STR),
                    "text": ([r[2].text for r in ms], _STR),
                    "start": ([r[2].start for r in ms], _INT),
                    "end": ([r[2].end for r in ms], _INT),
                    "type": ([r[2].type for r in ms], _STR),
                    "value": ([r[2].value for r in ms], _STR),
                    "sentence": ([r[2].sentence for r in ms], _STR),
                    "explanation": ([r[2].explanation for r in ms], _STR),
                    "confidence": ([r[2].confidence for r in ms], _F),
                }
            )
            con.execute("INSERT INTO mentions BY NAME SELECT * FROM m_tbl")

    def _select_events(
        self,
        where: str,
        params: list[Any],
        *,
        limit: int | None = None,
        order: str = 'e.start, e."end", e.label, e.seq',
    ) -> list[tuple[int, Event]]:
        """(seq, event) for the events matching `where` (on `events e`), in `order`
        (by default the order of events.merge_all), with their actors and mentions, in
        one query: the selection is made first, then only its rows are joined."""
        top = f" LIMIT {int(limit)}" if limit is not None else ""
        rows = self._con.execute(
            f"""WITH sel AS (SELECT e.seq, {_EVENT_COLUMNS} FROM events e WHERE {where}
                             ORDER BY {order}{top})
                SELECT sel.*, a.actors, m.mentions FROM sel
                LEFT JOIN (SELECT event_seq, list(actor ORDER BY ord) AS actors
                           FROM event_actors WHERE event_seq IN (SELECT seq FROM sel)
                           GROUP BY event_seq) a ON a.event_seq = sel.seq
                LEFT JOIN (SELECT event_seq,
                                  list((article_id, text, start, "end", type, value, sentence,
                                        explanation, confidence) ORDER BY ord) AS mentions
                           FROM mentions WHERE event_seq IN (SELECT seq FROM sel)
                           GROUP BY event_seq) m ON m.event_seq = sel.seq
                ORDER BY {order.replace("e.", "sel.")}""",
            params,
        ).fetchall()
        return [
            (
                r[0],
                Event(
                    id=r[1],
                    label=r[2],
                    type=r[3],
                    quad_class=r[4],
                    start=r[5],
                    end=r[6],
                    value=r[7],
                    granularity=r[8],
                    actors=tuple(r[16] or ()),
                    mentions=tuple(Mention(*m) for m in r[17] or ()),
                    source=r[9],
                    target=r[10],
                    approximate=r[11],
                    articles=r[12],
                    other_dates=tuple(r[13]),
                    human=r[14],
                ),
            )
            for r in rows
        ]


def _timex(r: Sequence[Any]) -> Timex:
    (start, end, text, type_, value, mod, first, last, gran, expl, conf, alts, rf, rl) = r
    return Timex(
        start=start,
        end=end,
        text=text,
        type=type_,
        value=value,
        mod=mod,
        first=first,
        last=last,
        granularity=gran,
        explanation=expl,
        confidence=conf,
        alternatives=tuple(alts),
        range=(rf, rl) if rf is not None and rl is not None else None,
    )


def _where(flt: EventFilter) -> tuple[str, list[Any]]:
    """EventFilter -> SQL condition on `events e` and its parameters."""
    conds: list[str] = ["TRUE"]
    params: list[Any] = []
    if flt.actors:
        if flt.include_affiliated:
            conds.append(
                """e.seq IN (SELECT ea.event_seq FROM event_actors ea WHERE ea.actor IN (
                     SELECT unnest(?) UNION
                     SELECT name FROM actors WHERE affiliation = ANY(?)))"""
            )
            params += [list(flt.actors), list(flt.actors)]
        else:
            conds.append(
                "e.seq IN (SELECT ea.event_seq FROM event_actors ea WHERE ea.actor = ANY(?))"
            )
            params.append(list(flt.actors))
    if flt.types:
        conds.append("e.type = ANY(?)")
        params.append(list(flt.types))
    if flt.date_from is not None:
        conds.append('e."end" >= ?')
        params.append(flt.date_from)
    if flt.date_to is not None:
        conds.append("e.start <= ?")
        params.append(flt.date_to)
    if flt.articles:
        conds.append("e.seq IN (SELECT m.event_seq FROM mentions m WHERE m.article_id = ANY(?))")
        params.append(list(flt.articles))
    if flt.min_confidence > 0:
        conds.append("e.confidence >= ?")
        params.append(flt.min_confidence)
    if flt.text.strip():
        conds.append("contains(e.search, ?)")
        params.append(flt.text.strip().lower())
    return " AND ".join(conds), params


# --------------------------------------------------------------------------- migrations


def _schema_version(con: duckdb.DuckDBPyConnection) -> int:
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchone()
    if not exists or not exists[0]:
        tables = con.execute("SELECT count(*) FROM information_schema.tables").fetchone()
        if tables and tables[0]:
            raise SchemaError("not a geotimeline store (tables but no schema_version)")
        return 0
    row = con.execute("SELECT coalesce(max(version), 0) FROM schema_version").fetchone()
    return int(row[0]) if row else 0


def migrate(con: duckdb.DuckDBPyConnection, *, target: int = SCHEMA_VERSION) -> int:
    """Bring the database up to `target`, one transaction per step. Returns the version
    found before migrating."""
    found = _schema_version(con)
    if found > SCHEMA_VERSION:
        raise SchemaError(
            f"database schema version {found} is newer than this release ({SCHEMA_VERSION})"
        )
    for version in range(found + 1, target + 1):
        description, steps = MIGRATIONS[version - 1]
        con.execute("BEGIN TRANSACTION")
        try:
            con.execute(
                "CREATE TABLE IF NOT EXISTS schema_version ("
                "version INTEGER PRIMARY KEY, description VARCHAR NOT NULL)"
            )
            for sql in steps:
                con.execute(sql)
            con.execute("INSERT INTO schema_version VALUES (?, ?)", [version, description])
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
    return found


def iter_rows(store: Store, sql: str) -> Iterator[tuple[Any, ...]]:  # pragma: no cover
    """Escape hatch for benchmarks: run a read-only query on the store's connection."""
    yield from store._con.execute(sql).fetchall()
