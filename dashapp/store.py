"""The only module that runs SQL: an embedded DuckDB store of articles, expressions,
events, event mentions, actors and the user's corrections."""

from __future__ import annotations

import functools
import json
import os
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Literal, TypeVar

import duckdb
import pyarrow as pa

from dashapp.events import (
    better_supported,
    first_article,
    merge,
    merged_label,
    same_happening,
)
from dashapp.ingest import article_key, stored_source
from dashapp.models import (
    TYPED_FORMS,
    Actor,
    Article,
    Event,
    EventFilter,
    Extraction,
    Mention,
    Timex,
    gives_value,
    search_form,
    support,
)
from dashapp.serialize import event_from_record, event_to_record

# Candidates offered to `events.same_happening` when a new event arrives are found in SQL:
# same type; a shared actor, or the same label when either side names no actor; and
# intervals at most this many days apart, or one's value among the other's alternative
# dates. This must stay a superset of what same_happening accepts (dates within a day,
# overlapping intervals, alternatives); the rule itself lives in dashapp/events.py.
MERGE_WINDOW_DAYS = 2
# The days a merge window can reach on both sides of without leaving the calendar.
_FIRST_DAY = date.min + timedelta(days=MERGE_WINDOW_DAYS)
_LAST_DAY = date.max - timedelta(days=MERGE_WINDOW_DAYS)
T = TypeVar("T")
# The default filter: no restriction (frozen, so one shared instance is safe).
ALL_EVENTS = EventFilter()


# --------------------------------------------------------------------------- merge keys

# The merge index (table merge_keys: event_seq, key, start, end) lets the writer find
# those candidates with one join on an integer key, instead of joining every event of an
# actor. An event has a key per (type, who, token), hashed:
#   who: ("A", actor) for each of its actors; ("L", label); and ("B", label) when it
#     names no actor. A new event asks with its actors, and with ("L", label) when it
#     names no actor, ("B", label) when it does (a label joins when either side has none).
#   tokens: its value and each alternative date (for "one's value among the other's
#     alternatives"), and "*" when its own value is among its alternatives (date-
#     compatible with anything), which every new event asks for; these rows have no
#     start and end. And its date buckets, rows that carry the event's start and end:
#     "#n" for each BUCKET_DAYS-wide bucket n its days touch, or "#long" for an event of
#     LONG_DAYS or more. A new event asks for the buckets of its window [start -
#     MERGE_WINDOW_DAYS, end + MERGE_WINDOW_DAYS] and "#long", and keeps the stored rows
#     whose dates meet the window: a few keys per event (a multi-level bin index needed
#     hundreds per new event, whose making cost more than the join). A new event whose
#     own value is among its alternatives is compatible with any date: it is looked up
#     without the index (_ANY_DATE_CANDIDATES).
# The keys are DuckDB's hash(), which a DuckDB release may change: the store keeps the
# hash of a fixed key (merge_keys_check) and rebuilds the index when it differs. A change
# of these rules needs a migration that rebuilds the index.
BUCKET_DAYS = 16
LONG_DAYS = 256
_CHECK_KEY = "hash('TYPE', 'A', 'who', '#0')"


def _merge_keys_insert(src: str) -> str:
    """INSERT of the merge_keys rows of the events in relation `src` (columns seq, type,
    label, actors VARCHAR[], start, "end", value, other_dates)."""
    return f"""
        INSERT INTO merge_keys (event_seq, key, start, "end")
        WITH s AS (
            SELECT seq, type, label, actors, value, other_dates, start, "end",
                   floor((start - DATE '1970-01-01') / {BUCKET_DAYS})::BIGINT AS b0,
                   floor(("end" - DATE '1970-01-01') / {BUCKET_DAYS})::BIGINT AS b1,
                   "end" - start >= {LONG_DAYS} AS long
            FROM {src}),
        w AS (SELECT seq, type, 'A' AS kind, unnest(actors) AS who FROM s
              UNION ALL SELECT seq, type, 'L', label FROM s
              UNION ALL SELECT seq, type, 'B', label FROM s WHERE len(actors) = 0),
        t AS (SELECT seq, unnest(list_distinct(
                  [value] || other_dates
                  || CASE WHEN list_contains(other_dates, value) THEN ['*'] ELSE [] END)) AS tok
              FROM s),
        b AS (SELECT seq, start, "end",
                     unnest(CASE WHEN long THEN ['#long']
                                 ELSE list_transform(range(b0, b1 + 1), lambda n: '#' || n)
                            END) AS tok
              FROM s)
        SELECT DISTINCT w.seq, hash(w.type, w.kind, w.who, t.tok), NULL::DATE, NULL::DATE
        FROM w JOIN t USING (seq)
        UNION ALL
        SELECT DISTINCT w.seq, hash(w.type, w.kind, w.who, b.tok), b.start, b."end"
        FROM w JOIN b USING (seq)"""


# events.other_dates, a comma-separated VARCHAR since schema 10, as a list.
_OTHER_DATES = (
    "CASE WHEN e.other_dates = '' THEN []::VARCHAR[] ELSE string_split(e.other_dates, ',') END"
)


def _merge_keys_from(other_dates: str) -> str:
    """Every stored event as _merge_keys_insert reads it, its other dates as `other_dates`
    (an SQL expression of events e)."""
    return f"""(SELECT e.seq, e.type, e.label, coalesce(a.actors, []::VARCHAR[]) AS actors,
                       e.start, e."end", e.value, {other_dates} AS other_dates
                FROM events e LEFT JOIN (
                    SELECT event_seq, list(actor ORDER BY ord) AS actors
                    FROM event_actors GROUP BY event_seq) a ON a.event_seq = e.seq)"""


# The merge index made again from every stored event.
_MERGE_KEYS_REBUILD = ("DELETE FROM merge_keys", _merge_keys_insert(_merge_keys_from(_OTHER_DATES)))

# The stored events that may be the same happening as the new events of key_tbl (columns
# i, type, label, actors, lo, hi, value, others; lo and hi the window's ends), as (event
# seq, i of the new event): by the merge index; and (seq, -1) for every human-corrected
# event of those types (the pool compares the machine's version of a corrected event,
# whose keys may differ from the stored row's).
_CANDIDATES = f"""
    WITH k AS (
        SELECT i, type, label, actors, value, others, lo, hi,
               floor((lo - DATE '1970-01-01') / {BUCKET_DAYS})::BIGINT AS b0,
               floor((hi - DATE '1970-01-01') / {BUCKET_DAYS})::BIGINT AS b1
        FROM key_tbl),
    w AS (SELECT i, type, 'A' AS kind, unnest(actors) AS who FROM k
          UNION ALL
          SELECT i, type, CASE WHEN len(actors) = 0 THEN 'L' ELSE 'B' END, label FROM k),
    t AS (SELECT i, unnest([value, '*'] || others) AS tok, NULL::DATE AS lo, NULL::DATE AS hi
          FROM k
          UNION ALL
          SELECT i, unnest(list_transform(range(b0, b1 + 1), lambda n: '#' || n) || ['#long']),
                 lo, hi
          FROM k),
    p AS (SELECT DISTINCT w.i, hash(w.type, w.kind, w.who, t.tok) AS key, t.lo, t.hi
          FROM w JOIN t USING (i))
    SELECT DISTINCT m.event_seq, p.i FROM merge_keys m JOIN p ON m.key = p.key
    WHERE m.start IS NULL OR (m.start <= p.hi AND m."end" >= p.lo)
    UNION
    SELECT seq, -1 FROM events WHERE human AND type IN (SELECT type FROM key_tbl)"""

# Replaced articles (the list $1) -> the index keys that removing them deletes: of each
# stored event they support, its two keys in events' indexes and, for each of its chunks
# (its seq and those of event_chunks), one in event_actors' and one in mentions' index.
_DELETE_KEYS = """
    WITH hit AS (
        SELECT DISTINCT aid, event_id FROM (
            SELECT event_id, unnest(article_ids) AS aid FROM contributions
            WHERE list_has_any(article_ids, $1))
        WHERE list_contains($1, aid)),
    ev AS (
        SELECT e.id, 1 + count(ch.chunk) AS chunks FROM events e
        LEFT JOIN event_chunks ch ON ch.event_seq = e.seq
        WHERE e.id IN (SELECT event_id FROM hit) GROUP BY e.id)
    SELECT hit.aid, sum(2 + 2 * ev.chunks) FROM hit JOIN ev ON ev.id = hit.event_id
    GROUP BY hit.aid"""

# The candidates of new events (any_tbl: type, label, actors) compatible with any date.
_ANY_DATE_CANDIDATES = """
    SELECT ea.event_seq FROM event_actors ea JOIN events e ON e.seq = ea.event_seq
    JOIN (SELECT type, unnest(actors) AS actor FROM any_tbl) k
        ON k.actor = ea.actor AND k.type = e.type
    UNION
    SELECT e.seq FROM events e JOIN any_tbl k ON k.type = e.type AND k.label = e.label
    WHERE len(k.actors) = 0
       OR NOT EXISTS (SELECT 1 FROM event_actors ea WHERE ea.event_seq = e.seq)"""


# --------------------------------------------------------------------------- lanes

# The zoomed-out timeline counts events per (bucket, actor). Joining events with
# event_actors and grouping by actor names costs too much on a million events, so every
# actor name has an integer id (lane_names; "" is 0, the lane of events naming none), an
# event row carries the ids of its first two actors (lane0, 0 when it names none; lane1,
# NULL when it names fewer than two) and event_lanes holds the ids of any further ones.
# The writer keeps them up to date; _LANES_REBUILD makes them again from event_actors (the
# migration, and Store.rebuild_derived for a bulk loader).
# Each actor of an event as its lane id, k its place among the event's actors (0, 1, ...).
_RANKED_LANES = """(
    SELECT ea.event_seq, n.id,
           row_number() OVER (PARTITION BY ea.event_seq ORDER BY ea.ord) - 1 AS k
    FROM event_actors ea JOIN lane_names n ON n.name = ea.actor)"""
_LANES_REBUILD = (
    "DELETE FROM event_lanes",
    "INSERT INTO lane_names SELECT '', 0 WHERE NOT EXISTS (SELECT 1 FROM lane_names)",
    """INSERT INTO lane_names
       SELECT actor, (SELECT max(id) FROM lane_names) + row_number() OVER (ORDER BY actor)
       FROM (SELECT DISTINCT actor FROM event_actors
             WHERE actor NOT IN (SELECT name FROM lane_names))""",
    f"""UPDATE events SET lane0 = coalesce(l.lane0, 0), lane1 = l.lane1
       FROM (SELECT e.seq, max(a.id) FILTER (WHERE a.k = 0) AS lane0,
                    max(a.id) FILTER (WHERE a.k = 1) AS lane1
             FROM events e LEFT JOIN {_RANKED_LANES} a ON a.event_seq = e.seq
             GROUP BY e.seq) l
       WHERE events.seq = l.seq""",
    f"""INSERT INTO event_lanes
       SELECT event_seq, id FROM {_RANKED_LANES} WHERE k >= 2""",
)

# --------------------------------------------------------------------------- schema


def _uncompressed(table: str, column: str, default: str = "") -> tuple[str, ...]:
    """Steps that store a VARCHAR column without compression, keeping its name and values
    (DuckDB sets a column's compression when the column is made; the column moves to the
    end of the table, which no statement here depends on: every INSERT is BY NAME)."""
    new = f"{column}_plain"
    return (
        f"ALTER TABLE {table} ADD COLUMN {new} VARCHAR {default} USING COMPRESSION uncompressed",
        f"UPDATE {table} SET {new} = {column}",
        f"ALTER TABLE {table} DROP COLUMN {column}",
        f"ALTER TABLE {table} RENAME COLUMN {new} TO {column}",
    )


# Text search signatures (schema 12): every search text (events.search, mentions.search)
# has the set of its trigrams (three consecutive characters, as Unicode code points)
# hashed to SIG_BITS bits, in SIG_WORDS UBIGINT columns sig0, sig1... A text that contains
# the searched text has every trigram of it, so a row whose signature lacks one of the
# searched text's bits cannot match: contains() runs only on the few rows whose
# signature has them all (a text of under three characters has no trigram, and every
# row is read). NULL signatures (a row written without one) are always read. The hash
# is plain integer arithmetic on code points, so no DuckDB release changes it; the
# rows' and the searched text's signatures are made by the same SQL (_sig_select).
SIG_WORDS = 4
SIG_BITS = 64 * SIG_WORDS
_SIG_COLUMNS = tuple(f"sig{k}" for k in range(SIG_WORDS))
# each trigram's bit, 0..SIG_BITS-1 (a multiplicative hash of its code points)
_SIG_POSITIONS = """list_transform(
    list_zip(sig_c, sig_c[2:], sig_c[3:], true),
    lambda t: ((((t[1] * 65599 + t[2]) * 65599 + t[3]) % 4294967296)::UBIGINT
               * 2654435761 % 4294967296) >> 24)"""
assert SIG_BITS == 256  # the >> 24 of _SIG_POSITIONS leaves 8 bits


def _sig_select(src: str, text: str = "search") -> str:
    """SQL: every column of relation `src` and the signature columns (sig0...) of its
    text column `text`."""
    words = ", ".join(
        f"coalesce(list_aggregate(list_transform(list_filter(sig_p, lambda x: x // 64 = {k}),"
        f" lambda x: 1::UBIGINT << (x % 64)), 'bit_or'), 0)::UBIGINT AS sig{k}"
        for k in range(SIG_WORDS)
    )
    codes = f"list_transform(string_split({text}, ''), lambda ch: unicode(ch)::BIGINT)"
    return f"""SELECT * EXCLUDE (sig_p), {words}
               FROM (SELECT * EXCLUDE (sig_c), {_SIG_POSITIONS} AS sig_p
                     FROM (SELECT *, {codes} AS sig_c FROM {src}))"""


# the signature of a text given as a parameter
_SIG_OF_TEXT = (
    f"SELECT {', '.join(_SIG_COLUMNS)} FROM ({_sig_select('(SELECT ?::VARCHAR AS search)')})"
)


def _sig_update(table: str, where: str = "TRUE") -> str:
    """SQL: fill the signature columns of the rows of `table` that `where` selects."""
    sets = ", ".join(f"{c} = s.{c}" for c in _SIG_COLUMNS)
    rows = f"(SELECT rowid AS sig_row, search FROM {table} WHERE {where})"
    return f"UPDATE {table} SET {sets} FROM ({_sig_select(rows)}) s WHERE {table}.rowid = s.sig_row"


def _text_matches_sql(sig: Sequence[int]) -> str:
    """SQL: the seqs of the events whose label or any mention's sentence contains a
    (lowercased) text, given twice as a parameter, whose signature is `sig` (may repeat
    one). contains() is inside a CASE: DuckDB evaluates it only where the signature
    test passes (as a separate condition it could run it first)."""
    # integers from the database, not user text: safe to write into the SQL
    missing = " OR ".join(
        f"(sig{k} & {int(w)}::UBIGINT) <> {int(w)}::UBIGINT" for k, w in enumerate(sig) if w
    )
    test = (
        f"CASE WHEN {missing} THEN false ELSE contains(search, ?) END"
        if missing
        else "contains(search, ?)"
    )
    return (
        f"SELECT seq FROM events WHERE {test} UNION ALL SELECT event_seq FROM mentions WHERE {test}"
    )


def _sql_text(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


# models.search_form's fold of typographic forms, as SQL literals for translate()
_TYPOGRAPHIC = _sql_text("".join(TYPED_FORMS))
_TYPED = _sql_text("".join(TYPED_FORMS.values()))
_TYPOGRAPHIC_CLASS = _sql_text("[" + "".join(TYPED_FORMS) + "]")


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
    (
        "merge index (merge_keys): cross-article merge candidates by one equality join "
        "instead of joining every event of an actor; text search by mention rows",
        (
            # filled by the step that gave the index its present rules, below
            "CREATE TABLE merge_keys (event_seq BIGINT NOT NULL, key UBIGINT NOT NULL)",
            "CREATE TABLE merge_keys_check (value UBIGINT NOT NULL)",
            # text search: each mention's sentence, lowercased, on its own row, and the
            # event's own row only its label (was the label and every sentence, which
            # made each new mention rewrite the whole text of its event)
            "ALTER TABLE mentions ADD COLUMN search VARCHAR",
            "UPDATE mentions SET search = lower(sentence)",
            "UPDATE events SET search = lower(label)",
        ),
    ),
    (
        "actor lanes by integer ids (lane_names; events.lane0, events.lane1 and "
        "event_lanes for the others): month x actor aggregation without joining event_actors",
        (
            "CREATE TABLE lane_names (name VARCHAR PRIMARY KEY, id INTEGER NOT NULL)",
            "ALTER TABLE events ADD COLUMN lane0 INTEGER",
            "ALTER TABLE events ADD COLUMN lane1 INTEGER",
            "CREATE TABLE event_lanes (event_seq BIGINT NOT NULL, lane INTEGER NOT NULL)",
            *_LANES_REBUILD,
        ),
    ),
    (
        "merge index by date buckets with the event's dates (a few keys per new event "
        "instead of hundreds)",
        (
            "DELETE FROM merge_keys",
            "ALTER TABLE merge_keys ADD COLUMN start DATE",
            'ALTER TABLE merge_keys ADD COLUMN "end" DATE',
            # other_dates was a list then
            _merge_keys_insert(_merge_keys_from("e.other_dates")),
            "DELETE FROM merge_keys_check",
            f"INSERT INTO merge_keys_check SELECT {_CHECK_KEY}",
        ),
    ),
    (
        "text search columns stored uncompressed: a search scans them without "
        "decompressing each block (about 40% less CPU per search, about 90 MB more per "
        "million events)",
        _uncompressed("events", "search", "DEFAULT ''") + _uncompressed("mentions", "search"),
    ),
    (
        "indexes on the integer event keys: a page of events, its actors and its mentions "
        "are read by seq lookups instead of scanning every row group",
        (
            "CREATE INDEX events_seq ON events (seq)",
            "CREATE INDEX event_actors_seq ON event_actors (event_seq)",
            "CREATE INDEX mentions_seq ON mentions (event_seq)",
        ),
    ),
    (
        "writes that leave the indexes alone: events.other_dates as comma-separated text "
        "(DuckDB updates a list value by deleting and inserting its row, which loads the "
        "events' indexes), and the actors and mentions that an old event gains looked up "
        "by chunk (event_chunks) instead of the event's seq (keys spread over the whole "
        "index, which DuckDB loads to write them)",
        (
            "DROP INDEX events_seq",  # DuckDB alters no table that an index depends on
            "ALTER TABLE events ADD COLUMN other_dates_text VARCHAR DEFAULT ''",
            "UPDATE events SET other_dates_text = array_to_string(other_dates, ',')",
            "ALTER TABLE events DROP COLUMN other_dates",
            "ALTER TABLE events RENAME COLUMN other_dates_text TO other_dates",
            "DROP INDEX event_actors_seq",
            "DROP INDEX mentions_seq",
            "ALTER TABLE event_actors ADD COLUMN chunk BIGINT",
            "UPDATE event_actors SET chunk = event_seq",
            "ALTER TABLE mentions ADD COLUMN chunk BIGINT",
            "UPDATE mentions SET chunk = event_seq",
            "CREATE TABLE event_chunks (event_seq BIGINT NOT NULL, chunk BIGINT NOT NULL)",
        ),
    ),
    (
        # DuckDB creates no index in a transaction that changed rows: a step of its own
        "the indexes of step 10: event seqs, and the chunks of actors and mentions",
        (
            "CREATE INDEX events_seq ON events (seq)",
            "CREATE INDEX event_actors_chunk ON event_actors (chunk)",
            "CREATE INDEX mentions_chunk ON mentions (chunk)",
        ),
    ),
    (
        # DuckDB alters no table that an index depends on, nor drops a column before an
        # indexed one in the transaction that dropped the index: a step of its own
        "the indexes on events and mentions dropped for step 13",
        ("DROP INDEX events_seq", "DROP INDEX mentions_chunk"),
    ),
    (
        "text search by trigram signatures (events and mentions sig0..sig3): contains() "
        "runs only on the rows whose signature has every trigram of the searched text; and "
        "the text columns that reading events decodes stored uncompressed (events.label, "
        "mentions.article_id and sentence): DuckDB decompresses a whole vector of 2,048 "
        "values to read one, which made reading a few hundred events spread over the "
        "store cost a scan of those columns",
        (
            *_uncompressed("events", "label"),
            *_uncompressed("mentions", "article_id"),
            *_uncompressed("mentions", "sentence"),
            *(
                f"ALTER TABLE {t} ADD COLUMN {c} UBIGINT"
                for t in ("events", "mentions")
                for c in _SIG_COLUMNS
            ),
            _sig_update("events"),
            _sig_update("mentions"),
        ),
    ),
    (
        "the indexes of step 12 made again, and the NOT NULL constraints of the columns "
        "step 13 remade (DuckDB sets none in a transaction that changed rows)",
        (
            "ALTER TABLE events ALTER COLUMN label SET NOT NULL",
            "ALTER TABLE mentions ALTER COLUMN article_id SET NOT NULL",
            "ALTER TABLE mentions ALTER COLUMN sentence SET NOT NULL",
            "CREATE INDEX events_seq ON events (seq)",
            "CREATE INDEX mentions_chunk ON mentions (chunk)",
        ),
    ),
    (
        "text search compares typographic apostrophes, quotes and dashes as typed "
        "(models.search_form): the search texts that hold one are folded, and their "
        "signatures made again",
        tuple(
            sql
            for table in ("events", "mentions")
            for sql in (
                f"UPDATE {table} SET search = translate(search, {_TYPOGRAPHIC}, {_TYPED}), "
                f"sig0 = NULL WHERE regexp_matches(search, {_TYPOGRAPHIC_CLASS})",
                _sig_update(table, "sig0 IS NULL"),
            )
        ),
    ),
    (
        "corrections of who acts and who is acted on: corrections.source and target (NULL "
        "leaves the event's, '' sets none)",
        (
            "ALTER TABLE corrections ADD COLUMN source VARCHAR",
            "ALTER TABLE corrections ADD COLUMN target VARCHAR",
        ),
    ),
)
SCHEMA_VERSION = len(MIGRATIONS)


def _program_of(pid: int) -> str | None:
    """ "geotimeline serve" when process `pid` runs geotimeline (as the script or as
    `python -m dashapp`), else None (another program, or no /proc to ask)."""
    try:
        args = Path(f"/proc/{pid}/cmdline").read_bytes().decode("utf-8", "replace").split("\0")
    except OSError:
        return None
    for i, arg in enumerate(args):
        if Path(arg).name == "geotimeline" or (arg == "dashapp" and args[i - 1 : i] == ["-m"]):
            command = args[i + 1] if i + 1 < len(args) and args[i + 1][:1].isalpha() else ""
            return f"geotimeline {command}".strip()
    return None


def open_problem(exc: BaseException) -> str:
    """Why a database could not be opened, in one line. DuckDB lets one process open a
    database file at a time (reading included): its lock error becomes who holds the
    file and what to do, instead of DuckDB's text."""
    text = str(exc).strip()
    if "Could not set lock" in text or "Conflicting lock" in text:
        m = re.search(r"\(PID (\d+)\)", text)
        pid = int(m.group(1)) if m else None
        program = _program_of(pid) if pid is not None else None
        who = program or "another process"
        if pid is not None:
            who += f" (PID {pid})"
        return (
            f"{who} has it open, and a database is used by one process at a time: "
            "stop that process first (while the dashboard serves it, export from the "
            "dashboard's Export buttons)"
        )
    return text.splitlines()[0] if text else type(exc).__name__


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
class CorrectedSpot:
    """A human-corrected event as one article supports it (Store.corrected_spots)."""

    event_id: str
    spans: frozenset[tuple[int, int]]  # the article's mentions of it: character offsets
    base: Event  # as the pipeline made it


@dataclass(frozen=True, slots=True)
class AddReport:
    """What `Store.add_results` did: article ids stored, replaced and skipped, and how
    many stored events its merge loaded to compare (its working set)."""

    added: tuple[str, ...]
    replaced: tuple[str, ...]
    skipped: tuple[str, ...]
    pooled: int = 0
    transactions: int = 1  # more where changed articles were removed first (DELETE_BYTES)


# --------------------------------------------------------------------------- helpers


def _same_source(stored: str, given: str) -> bool:
    """Whether a stored article's source is `given` (as ingest.stored_source makes it).
    Stores written before sources were made absolute hold them as the command line gave
    them: such a relative one is read from the current folder, as a rerun from the
    folder of the first ingest names the same files."""
    if stored == given or os.path.isabs(stored) or "://" in stored:
        return stored == given
    return stored_source(stored) == given


# json.dumps(record, ensure_ascii=False) is this encoder's encode, made anew at each call:
# made once. (Same text.)
_PAYLOAD_ENCODER = json.JSONEncoder(ensure_ascii=False)


def _event_payload(ev: Event) -> str:
    return _PAYLOAD_ENCODER.encode(event_to_record(ev))


def _event_from_payload(text: str) -> Event:
    return event_from_record(json.loads(text))


def _without_articles(ev: Event, gone: set[str]) -> Event | None:
    mentions = tuple(m for m in ev.mentions if m.article not in gone)
    if not mentions:
        return None
    return replace(ev, mentions=mentions, articles=len({m.article for m in mentions}))


# DuckDB must hold in memory the parts of an index (ART) that a write touches, from the
# write until the next checkpoint, and it cannot evict them: a transaction that needs more
# than its memory limit fails, at commit with a "database invalidated". The writes of an
# ingest that only adds articles touch one end of each index (new seqs count up, new
# chunks down; see Store._new_chunks) and a few paths of the primary keys: measured on
# stores of 1 and 3 million events, ingest transactions of 1,024 articles held 18-21 MB
# (_WRITE_BYTES allows for three times that). A delete (an article replaced, an event
# rewritten) touches a path of every index of its table: about 1 MB per index for each of
# the first keys, then less (measured: 10 keys spread over an index of 2 M rows loaded 9
# MB, 100 loaded 38 MB; 64 events spread over a store of 3 M, about 350 keys in four
# indexes, 107-122 MB), which _DELETE_BYTES allows for (with _WRITE_BYTES for the first
# keys' surplus), up to the whole index: _INDEX_BYTES per row, measured on a store of 1 M
# events (events' primary key and seq index 39 MB, event_actors 64 MB for 2.0 M rows,
# mentions 24 MB for 1.5 M, articles 11 MB for 300,000), half as much again for margin.
_WRITE_BYTES = 64 * 2**20
_DELETE_BYTES = 2**19  # per key and index
# What the deletes of one transaction may load, at most: a write whose replaced articles
# would delete keys worth more than this (_DELETE_BYTES each) from a store whose indexes
# are larger (index_memory) first removes them in groups, a transaction for each, with a
# checkpoint after each, which releases the index parts it loaded (Store._removals).
# Without it, re-ingesting changed articles into a store of millions of events loads whole
# indexes (about 0.2 GB per million events). An article whose own deletes cost more is
# removed alone. Each removal costs scans of the store (contributions, mentions, actors)
# and a checkpoint (0.1-0.3 s on a store of 3 M events), so re-ingesting changed articles
# into a store of millions is slower than ingesting new ones (see README).
# A store whose indexes take more than this is also checkpointed after every write: what a
# transaction appends stays in memory, where DuckDB cannot evict it, until a checkpoint
# writes it into the file (by default when the log reaches WRITER_CHECKPOINT, 128 MB, every
# three or four transactions of 1,024 articles), and on a store of 10,000,000 events the
# merge's reads of the fourth transaction then found no room under the writer's cap.
# A checkpoint there takes about 2 s (2 ms an article).
DELETE_BYTES = 256 * 2**20
_INDEX_BYTES = {"events": 64, "event_actors": 48, "mentions": 32, "articles": 64}
# the indexes of each table that a delete of one of its rows touches
_INDEXES = {"events": 2, "event_actors": 1, "mentions": 1, "articles": 1}


def index_memory(con: duckdb.DuckDBPyConnection) -> int:
    """Bytes that the store's indexes may hold in memory when a write has loaded them
    whole."""
    counts = con.execute(
        "SELECT " + ", ".join(f"(SELECT count(*) FROM {t})" for t in _INDEX_BYTES)
    ).fetchone()
    return sum(n * b for n, b in zip(counts or (), _INDEX_BYTES.values(), strict=True))


@contextmanager
def _transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """One DuckDB transaction: committed when the block ends, rolled back when it raises
    (whatever it raises, KeyboardInterrupt included)."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise


def _event_confidence(ev: Event) -> float:
    # An event is as credible as its best-supported mention.
    return max((m.confidence for m in ev.mentions), default=1.0)


def _event_search(ev: Event) -> str:
    """events.search: the label as search compares it (models.search_form; each mention's
    sentence is in mentions.search)."""
    return search_form(ev.label)


def _table(columns: dict[str, tuple[list[Any], pa.DataType]]) -> pa.Table:
    return pa.table({name: pa.array(values, type=t) for name, (values, t) in columns.items()})


_STR = pa.string()
_DATE = pa.date32()
_INT = pa.int32()
_BIG = pa.int64()
_F = pa.float64()
_B = pa.bool_()
_STRS = pa.list_(pa.string())

# the most matching events Store._filter_sql passes as a list of seqs
_TEXT_MATCHES = 20_000


def _chunks_of(seqs: str) -> str:
    """SQL: the chunks (see Store._new_chunks) of the events whose seqs `seqs` selects,
    by which their actors and mentions are looked up in the chunk indexes."""
    return (
        f"SELECT seq FROM ({seqs}) "
        f"UNION ALL SELECT chunk FROM event_chunks WHERE event_seq IN ({seqs})"
    )


# Candidate events of a merge (Store._load_pool) read per query.
POOL_SLICE = 8192
# A merge's candidates (Store._merge_in): (stored event seq, new event i; -1: any).
_MERGE_CANDS_TABLE = "CREATE TEMP TABLE IF NOT EXISTS merge_cands (seq BIGINT, i BIGINT)"
# The next slice of them: the POOL_SLICE smallest seqs after $1 (all with NULL), each with
# the new events it may join.
_CANDS_SLICE = """
    SELECT seq, list(i) FROM merge_cands
    WHERE seq IN (SELECT DISTINCT seq FROM merge_cands WHERE $1 IS NULL OR seq > $1
                  ORDER BY seq LIMIT $2)
    GROUP BY seq"""
# Of the stored events that are the same happening as a new event, the merge loads the
# first POOL_PER_EVENT (in creation order) for it, and the others only if those all stop
# being the same happening as it by taking an earlier new event of the batch (see
# Store._merge_in). Without the bound, what one merge loads would grow with how crowded
# the store is, not only with the transaction: a new event can be the same happening as
# any number of stored events that are not the same happening as each other (statements
# by different speakers, dates a day apart, actors that do not overlap).
POOL_PER_EVENT = 4

# The most events Store._select_events reads by looking up their seqs (see there).
_LOOKUP_ROWS = 1000
_EVENT_COLUMNS = (
    'id, label, type, quad_class, start, "end", value, granularity, source, target, '
    "approximate, articles, other_dates, human, confidence"
)


_MENTION_COLUMNS = 'article_id, text, start, "end", type, value, sentence, explanation, confidence'


# Up to this many seqs are looked up in an index (a list written into the SQL); more
# are joined by a scan of the table, which DuckDB filters by them first (a list as a
# parameter). Measured on 1,000,000 events, 2,000,000 actor rows and 1,500,000 mentions:
# 100 events' rows cost 29 ms of CPU by the indexes and 51 ms by scans; 750 events' rows
# about 120 and 95 ms (the lookups, and parsing the list, cost by the key).
_INDEX_KEYS = 250


def _among(column: str, seqs: Sequence[int]) -> tuple[str, list[Any]]:
    """SQL and its parameters: `column` is one of `seqs` (integers), by index lookups or
    by a scan (see _INDEX_KEYS)."""
    if len(seqs) <= _INDEX_KEYS:
        # integers from the database, not user text: safe to write into the SQL
        return f"{column} IN ({', '.join(str(int(s)) for s in seqs) or 'NULL'})", []
    return f"{column} = ANY(?::BIGINT[])", [list(seqs)]


def _event_from_row(r: Sequence[Any], mentions: tuple[Mention, ...]) -> Event:
    """An Event from a row (seq, *_EVENT_COLUMNS, actors, ...) and its mentions."""
    return Event(
        id=r[1],
        label=r[2],
        type=r[3],
        quad_class=r[4],
        start=r[5],
        end=r[6],
        value=r[7],
        granularity=r[8],
        actors=tuple(r[16] or ()),
        mentions=mentions,
        source=r[9],
        target=r[10],
        approximate=r[11],
        articles=r[12],
        other_dates=tuple(r[13].split(",")) if r[13] else (),
        human=r[14],
    )


def _keyed_by(ev: Event) -> tuple[Any, ...]:
    """What an event's merge keys are made of (in merge_keys, as in _PoolIndex)."""
    return (ev.label, ev.actors, ev.start, ev.end, ev.value, ev.other_dates)


@dataclass(slots=True)
class _Pooled:
    """An event of the writer's merge pool. Made in this batch, or loaded whole (a
    corrected one, as the pipeline made it), `event` is the whole event and is written
    whole. Otherwise it is a stored machine event loaded as its row (`stored`) with only
    the mentions of the articles being written, which a new event may share; the other
    stored mentions are summed up (`hidden`: how many, `hidden_articles`: their distinct
    articles, none of which is among `event.mentions`; `hidden_values`: how many have
    each date value), which is all that events.merge needs of them."""

    seq: int
    event: Event
    in_store: bool = False
    stored: Event | None = None
    hidden: int = 0
    hidden_articles: int = 0
    hidden_values: dict[str, int] = field(default_factory=dict)
    # the first of all its stored mentions' articles (events.first_article), when some are
    # hidden
    first: str | None = None

    @property
    def kept(self) -> int:
        """How many of event.mentions are stored (the first ones)."""
        return len(self.stored.mentions) if self.stored is not None else 0

    def stored_actors(self) -> tuple[str, ...]:
        assert self.stored is not None
        return self.stored.actors

    def keys_changed(self) -> bool:
        """Whether what merge_keys rows are made of differs from the stored row's."""
        assert self.stored is not None
        return _keyed_by(self.stored) != _keyed_by(self.event)

    def absorb(self, ev: Event) -> None:
        """events.merge(self.event, ev), counting the hidden mentions too."""
        a = self.event
        a_first = first_article(a)
        if self.first is not None:
            a_first = min(self.first, a_first) if a.mentions else self.first
        out = merge(a, ev, a_first=a_first)
        if self.hidden:
            # merge saw only the mentions at hand: what depends on all of them (which
            # date is best supported, which label has more mentions, how many articles)
            # is decided again by its rule with the hidden ones counted. A human event
            # on either side never gets here (see Store._merge_in).
            assert not a.human and not ev.human
            mentions = out.mentions

            def all_support(value: str) -> int:
                return support(value, mentions) + _support_counted(value, self.hidden_values)

            best = better_supported(a, ev, all_support)
            a_count = self.hidden + len(a.mentions)
            out = replace(
                out,
                label=merged_label(a, ev, a_first, first_article(ev), a_count),
                start=best.start,
                end=best.end,
                value=best.value,
                granularity=best.granularity,
                other_dates=tuple(
                    v
                    for v in dict.fromkeys(a.other_dates + ev.other_dates + (a.value, ev.value))
                    if v != best.value
                ),
                articles=self.hidden_articles + len({m.article for m in mentions}),
            )
        if self.first is not None:
            self.first = min(a_first, first_article(ev))
        self.event = out


def _support_counted(value: str, counts: dict[str, int]) -> int:
    """models.support over mentions given as value -> how many."""
    if "/" not in value:
        return counts.get(value, 0)
    return sum(n for v, n in counts.items() if gives_value(v, value))


# The levels of _PoolIndex's date bins: an interval [start, end] lies in the bin of width
# 2**level days (by its start) at the smallest level wider than its length; POOL_LEVELS is
# one bin for all.
POOL_LEVELS = 15


def _bin(start: date, end: date) -> int:
    """The date bin of an interval (see POOL_LEVELS) as one number: bin * 16 + level."""
    level = min(POOL_LEVELS, (end - start).days.bit_length())
    return level if level == POOL_LEVELS else ((start - _EPOCH).days >> level) * 16 + level


_EPOCH = date(1970, 1, 1)

# The most ids a token of _PoolIndex keeps as a tuple (a look-up in it compares them one
# by one), before a set.
_TUPLE_IDS = 8


class _PoolIndex:
    """The merge index of the writer's working set, in memory (date bins at several
    levels, as dict keys): which pooled events a new event is compared with."""

    def __init__(self) -> None:
        # (type, kind, who) -> date token -> ids; kinds as in merge_keys. One id is kept
        # as itself, up to _TUPLE_IDS as a tuple, more as a set: a set costs 216 bytes
        # (728 from six ids), a tuple of two 56, and in a crowded corpus most tokens hold
        # a few ids (the sets took 21 MB of a 1,024-article merge's 81 MB at 100,000
        # articles of one decade, and grow with the pool)
        self._keys: dict[tuple[str, str, str], dict[Any, str | tuple[str, ...] | set[str]]] = {}
        self._levels: set[int] = set()  # the bin levels indexed
        self._indexed: dict[str, tuple[Any, ...]] = {}  # id -> what it was indexed by
        # (start, end) -> (how many levels were indexed, _bins_near's bins then)
        self._bins: dict[tuple[date, date], tuple[int, list[int]]] = {}

    def add(self, eid: str, ev: Event) -> None:
        """Index an event (again after it changed: stale keys only add candidates)."""
        what = _keyed_by(ev)
        if self._indexed.get(eid) == what:
            return
        self._indexed[eid] = what
        b = _bin(ev.start, ev.end)
        self._levels.add(b % 16)
        toks: list[Any] = [b, ev.value, *ev.other_dates]
        if ev.value in ev.other_dates:
            toks.append("*")
        whos = [("A", a) for a in ev.actors]
        whos.append(("L", ev.label))
        if not ev.actors:
            whos.append(("B", ev.label))
        for kind, who in whos:
            by_tok = self._keys.setdefault((ev.type, kind, who), {})
            for tok in toks:
                found = by_tok.get(tok)
                if found is None:
                    by_tok[tok] = eid
                elif type(found) is str:
                    if found != eid:
                        by_tok[tok] = (found, eid)
                elif type(found) is tuple:
                    if eid not in found:
                        by_tok[tok] = (*found, eid) if len(found) < _TUPLE_IDS else {*found, eid}
                else:
                    found.add(eid)

    def candidates(self, ev: Event) -> set[str]:
        """Every indexed event that same_happening(it, ev) may accept (and a few more)."""
        whos = [("A", a) for a in ev.actors]
        whos.append(("B", ev.label) if ev.actors else ("L", ev.label))
        found: set[str] = set()
        if ev.value in ev.other_dates:  # compatible with any date
            for kind, who in whos:
                for ids in self._keys.get((ev.type, kind, who), {}).values():
                    if type(ids) is str:
                        found.add(ids)
                    else:
                        found.update(ids)
            return found
        toks: list[Any] = [ev.value, "*", *ev.other_dates, *self._bins_near(ev.start, ev.end)]
        for kind, who in whos:
            by_tok = self._keys.get((ev.type, kind, who))
            if by_tok:
                # most tokens are in no bin: look them all up in C, then take the hits
                for ids in filter(None, map(by_tok.get, toks)):
                    if type(ids) is str:
                        found.add(ids)
                    else:
                        found.update(ids)
        return found

    def _bins_near(self, start: date, end: date) -> list[int]:
        """The date bins, at every indexed level, that an event within MERGE_WINDOW_DAYS of
        [start, end] may lie in; computed once per interval while no level is added (many
        new events of a batch share their dates)."""
        got = self._bins.get((start, end))
        if got is not None and got[0] == len(self._levels):
            return got[1]
        lo = (start - _EPOCH).days - MERGE_WINDOW_DAYS
        hi = (end - _EPOCH).days + MERGE_WINDOW_DAYS
        bins: list[int] = []
        for level in self._levels:
            if level == POOL_LEVELS:
                bins.append(level)
            else:
                width = 1 << level
                bins += [
                    b * 16 + level for b in range((lo - width + 1) >> level, (hi >> level) + 1)
                ]
        self._bins[(start, end)] = (len(self._levels), bins)
        return bins


# Columns of an events row that absorbing an event may change, by groups updated together
# (Store._append_to_events); "search" follows the label.
_UPDATED_FIELDS: tuple[tuple[tuple[str, pa.DataType], ...], ...] = (
    (("start", _DATE), ("end", _DATE), ("value", _STR), ("granularity", _STR)),
    (("label", _STR), ("search", _STR)),
    (("source", _STR), ("target", _STR), ("approximate", _B)),
    (("other_dates", _STR),),
)


def _column(ev: Event | None, column: str) -> Any:
    assert ev is not None
    if column == "search":
        return _event_search(ev)
    value = getattr(ev, column)
    return ",".join(value) if column == "other_dates" else value


def _fields(ev: Event | None, fields: tuple[tuple[str, pa.DataType], ...]) -> tuple[Any, ...]:
    return tuple(_column(ev, column) for column, _ in fields)


def _lane_columns(
    casts: Sequence[tuple[str, ...]], lanes: dict[str, int]
) -> dict[str, tuple[list[Any], pa.DataType]]:
    """The events rows' lane0 and lane1 of events with these actors (see _LANES_REBUILD):
    the lane ids of the first two actors, 0 and NULL when they name fewer."""
    return {
        "lane0": ([lanes[a[0]] if a else 0 for a in casts], _INT),
        "lane1": ([lanes[a[1]] if len(a) > 1 else None for a in casts], _INT),
    }


# --------------------------------------------------------------------------- store


def _locked(method: Callable[..., T]) -> Callable[..., T]:
    """One DuckDB connection is not safe across threads (the dashboard's callbacks run in
    several): public methods take the store's lock."""

    @functools.wraps(method)
    def wrapper(self: Store, *args: Any, **kwargs: Any) -> T:
        with self._lock:
            return method(self, *args, **kwargs)

    return wrapper


def _dated_by_hand(ev: Event) -> Event:
    """`ev` with its value and granularity those of its days (start to end), as a
    correction of its dates sets them: a day, or a range of days; not approximate, and
    the date set no longer among its other dates."""
    value = (
        ev.start.isoformat()
        if ev.start == ev.end
        else f"{ev.start.isoformat()}/{ev.end.isoformat()}"
    )
    return replace(
        ev,
        value=value,
        granularity="day" if ev.start == ev.end else "range",
        approximate=False,
        other_dates=tuple(v for v in ev.other_dates if v != value),
    )


class Store:
    """Articles, expressions and merged events in one DuckDB file (or in memory). Safe
    to share between threads."""

    def __init__(
        self,
        path: str | Path | None = None,
        *,
        read_only: bool = False,
        threads: int | None = None,
        memory_limit: int | None = None,
        checkpoint_threshold: str | None = None,
        delete_bytes: int = DELETE_BYTES,
    ) -> None:
        """Open (creating and migrating as needed) the database at `path`; None means an
        in-memory database. `threads` caps DuckDB's threads (batch ingest uses 1: its
        many small statements gain nothing from more, and the cores extract); `memory_limit`
        (bytes) is the base of the cap on its buffer cache, which otherwise grows with the
        database, before each write raised by what the write may load of the indexes (see
        _fit_memory: DuckDB must hold the parts of an index that a write touches), and
        then lets DuckDB reorder results that have no ORDER BY (preserve_insertion_order
        off: every query here that needs an order says so), which needs less memory;
        `checkpoint_threshold` is the size of write-ahead log at which DuckDB writes it
        into the database file (DuckDB's default, 16MB, makes a long ingest rewrite the
        same partly filled row groups over and over); with a `memory_limit`, `delete_bytes`
        bounds what the deletes of one transaction may load (see DELETE_BYTES)."""
        self._seqs: dict[str, int] = {}
        self._delete_bytes = delete_bytes
        self._lock = threading.RLock()
        self._readers: list[Store] = []  # (closed with this store)
        self.path = Path(path) if path is not None else None
        if self.path is not None and not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._con = duckdb.connect(
            str(self.path) if self.path is not None else ":memory:", read_only=read_only
        )
        if threads is not None:
            self._con.execute(f"SET threads = {int(threads)}")
        self._memory_base = memory_limit
        self._held = self._allowed = 0  # see _fit_memory
        if memory_limit is not None:
            self._con.execute("SET preserve_insertion_order = false")
        if checkpoint_threshold is not None:
            self._con.execute("SET checkpoint_threshold = ?", [checkpoint_threshold])
        if read_only:
            v = self.schema_version()
            if v != SCHEMA_VERSION:
                raise SchemaError(
                    f"{self.path}: schema version {v}, this release reads {SCHEMA_VERSION}"
                    " (open it once without read_only to migrate)"
                )
        else:
            migrate(self._con)
            self._check_merge_keys()
        self._fit_memory()

    def _fit_memory(self) -> None:
        """DuckDB's memory limit before a write (none without a base): the base given to
        __init__, plus the index parts held now, plus what an ingest transaction loads
        (see _WRITE_BYTES). Deletes raise it as they go (_allow_deletes), up to the whole
        of the indexes (index_memory), never under that first limit. So the limit,
        which DuckDB's cache of table data fills, does not grow with the store."""
        if self._memory_base is not None:
            row = self._con.execute(
                "SELECT coalesce(sum(memory_usage_bytes), 0) FROM duckdb_memory() "
                "WHERE tag = 'ART_INDEX'"
            ).fetchone()
            self._held = int(row[0]) if row else 0
            self._allowed = _WRITE_BYTES
            self._set_limit()

    def _set_limit(self) -> None:
        assert self._memory_base is not None
        whole = index_memory(self._con)
        # at least _WRITE_BYTES above what is held, however small the store: besides the
        # index parts a write loads, that is the room DuckDB's queries and a transaction's
        # appends work in, which the base (a cache) alone may not leave (a base of 32 MB
        # plus a small store's whole index ran out of memory within the first 50,000
        # articles of benchmarks/writer_memory.py --n 300000)
        limit = self._memory_base + max(
            self._held + _WRITE_BYTES, min(whole, self._held + self._allowed)
        )
        self._con.execute(f"SET memory_limit = '{int(limit)}B'")

    def _allow_deletes(self, table: str, count: int) -> None:
        """Raise the memory limit for a delete of `count` rows of `table`, whose keys
        may be spread over its indexes (see _DELETE_BYTES)."""
        if self._memory_base is not None and count and table in _INDEXES:
            self._allowed += count * _INDEXES[table] * _DELETE_BYTES
            self._set_limit()

    @_locked
    def close(self) -> None:
        """Close the database, once the calls running on it and on its readers are done
        (a server's last requests may still be reading while it shuts down)."""
        for other in self._readers:
            with other._lock:
                other._con.close()
        with self._lock:
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
        other._memory_base = None  # a reader does not write
        other._delete_bytes = self._delete_bytes
        other._held = other._allowed = 0
        other._readers = []
        with self._lock:
            other._con = self._con.cursor()
            self._readers.append(other)
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
    def find_contents(self, keys: Sequence[str]) -> dict[str, tuple[str, str]]:
        """Key -> (id, source) of a stored article with that content, for the keys found:
        an article_key (content hash, and reference date when one overrides it) finds the
        articles stored with it whatever the setting; a bare content hash finds them with
        any reference date too. One scan of the articles, whatever the number of keys."""
        if not keys:
            return {}
        keys_tbl = _table({"k": (sorted(set(keys)), _STR)})  # noqa: F841 - read by DuckDB
        out: dict[str, tuple[str, str]] = {}
        for k, i, src in self._con.execute(
            """SELECT k, id, source FROM (
                   SELECT split_part(hash, '/', 1) AS key, id, source FROM articles
               ) JOIN keys_tbl ON k = key OR k = split_part(key, '@', 1)
               ORDER BY id"""
        ).fetchall():
            out.setdefault(k, (i, src))
        return out

    @_locked
    def number_ids(self, ids: Sequence[str]) -> list[int]:
        """Number each id by how often this store object has been given it: 1 the first
        time, 2 the next... (earlier ids of `ids` count). Batch ingest names repeated
        article ids with it; the ids are kept in a temporary table (DuckDB's memory,
        which spills to disk), not in memory that grows with the corpus."""
        if not ids:
            return []
        con = self._con
        con.execute(
            "CREATE TEMP TABLE IF NOT EXISTS met_ids "
            "(h UBIGINT NOT NULL, id VARCHAR NOT NULL, n INTEGER NOT NULL)"
        )
        ids_tbl = _table({"id": (sorted(set(ids)), _STR)})  # noqa: F841 - read by DuckDB
        known: dict[str, int] = dict(
            con.execute(
                """SELECT id, n FROM met_ids
                   WHERE h IN (SELECT hash(id) FROM ids_tbl) AND id IN (SELECT id FROM ids_tbl)"""
            ).fetchall()
        )
        before = dict(known)
        out = []
        for i in ids:
            known[i] = known.get(i, 0) + 1
            out.append(known[i])
        again = [(i, n) for i, n in known.items() if i in before]
        if again:
            upd_tbl = _table(  # noqa: F841 - read by DuckDB
                {"id": ([i for i, _ in again], _STR), "n": ([n for _, n in again], _INT)}
            )
            con.execute(
                "UPDATE met_ids SET n = u.n FROM upd_tbl u "
                "WHERE met_ids.h = hash(u.id) AND met_ids.id = u.id"
            )
        new = [(i, n) for i, n in known.items() if i not in before]
        if new:
            new_tbl = _table(  # noqa: F841 - read by DuckDB
                {"id": ([i for i, _ in new], _STR), "n": ([n for _, n in new], _INT)}
            )
            con.execute("INSERT INTO met_ids SELECT hash(id), id, n FROM new_tbl")
        return out

    def place_ids(
        self, ids: Sequence[str], sources: Sequence[str], keys: Sequence[str] | None = None
    ) -> list[str]:
        """The ids of `place_articles` (a duplicate: the id of the article it repeats)."""
        return [i if dup is None else dup[0] for i, dup in self.place_articles(ids, sources, keys)]

    @_locked
    def place_articles(
        self, ids: Sequence[str], sources: Sequence[str], keys: Sequence[str] | None = None
    ) -> list[tuple[str, tuple[str, str] | None]]:
        """The id each input article is stored under. Inputs of one run that share an id
        are numbered ("id", "id~2"... as `number_ids` counts them); and an article whose id
        the store holds for an article read from another source (another file, or another
        line of another file) is not that article: it keeps the id of its family ("id",
        "id~N") stored from its own source, else that of one stored with its content (its
        key as `keys` gives it: the same article read from a folder since moved), else
        takes the first one neither stored nor given out in this run. So a later
        "feb/report.txt" never replaces a stored "jan/report.txt", ingesting either file
        again finds its own article, and a copy finds the article it copies. (Ingest gives
        sources as ingest.stored_source makes them; see _same_source for older stores.)

        With `keys`, an article's content (the key's article_key, whatever the setting)
        counts once: an input whose content is stored under another id, or was placed
        earlier in this run (in a temporary table, as the ids given out are), is a
        duplicate, returned as (its id, (id, source) of the article it repeats) and not to
        be stored; the others as (id, None). A stored copy extracted under another setting
        (another release) is taken over instead: the input gets its id and replaces it."""
        from dashapp.ingest import numbered_id

        out = [numbered_id(i, n) for i, n in zip(ids, self.number_ids(ids), strict=True)]
        if not out:
            return []
        con = self._con
        con.execute("CREATE TEMP TABLE IF NOT EXISTS given_ids (id VARCHAR NOT NULL)")
        stored = {
            i: (src, key)
            for i, src, key in con.execute(
                "SELECT id, source, hash FROM articles WHERE id = ANY(?)", [sorted(set(out))]
            ).fetchall()
        }
        given = {
            r[0]
            for r in con.execute("SELECT id FROM given_ids WHERE id = ANY(?)", [out]).fetchall()
        }
        taken = set(out)
        for k, want in enumerate(out):
            held = stored.get(want)
            free = want not in given and (held is None or _same_source(held[0], sources[k]))
            if free and (want == ids[k] or want in stored):
                continue  # (a repeat's number is checked against its family's sources)
            base = ids[k]
            family = {
                i: (src, key)
                for i, src, key in con.execute(
                    "SELECT id, source, hash FROM articles WHERE id = ? OR (starts_with(id, ?) "
                    "AND regexp_full_match(substr(id, ?), '[0-9]+'))",
                    [base, base + "~", len(base) + 2],
                ).fetchall()
            }
            own = [i for i, (src, _) in family.items() if _same_source(src, sources[k])]
            if own:
                out[k] = own[0]
                continue
            if free:
                continue
            # the family's ids given out in this run (asked only here, where they matter)
            given_here = {
                r[0]
                for r in con.execute(
                    "SELECT id FROM given_ids WHERE starts_with(id, ?)", [base]
                ).fetchall()
            }
            if keys is not None:
                own = [
                    i
                    for i, (_, key) in family.items()
                    if key == keys[k] and i not in given_here and i not in taken - {want}
                ]
                if own:
                    out[k] = own[0]
                    continue
            used = family.keys() | taken | given_here
            n = 2
            while numbered_id(base, n) in used:
                n += 1
            out[k] = numbered_id(base, n)
            taken.add(out[k])
        dups: list[tuple[str, str] | None] = [None] * len(out)
        if keys is not None:
            self._find_duplicates(out, sources, keys, dups)
        kept = [i for i, d in zip(out, dups, strict=True) if d is None]
        given_tbl = _table({"id": (kept, _STR)})  # noqa: F841 - read by DuckDB
        con.execute("INSERT INTO given_ids SELECT id FROM given_tbl")
        return list(zip(out, dups, strict=True))

    def _find_duplicates(
        self,
        out: list[str],
        sources: Sequence[str],
        keys: Sequence[str],
        dups: list[tuple[str, str] | None],
    ) -> None:
        """place_articles' content check, for a chunk placed as `out` (changed in place
        where a stale copy is taken over): one query of the stored articles and one of the
        contents given out earlier in this run, whatever the chunk's size."""
        con = self._con
        con.execute(
            "CREATE TEMP TABLE IF NOT EXISTS given_keys "
            "(c VARCHAR NOT NULL, id VARCHAR NOT NULL, source VARCHAR NOT NULL)"
        )
        contents = [k.split("/", 1)[0] for k in keys]
        c_tbl = _table({"c": (sorted(set(contents)), _STR)})  # noqa: F841 - read by DuckDB
        first: dict[str, tuple[str, str]] = {}
        for c, i, src in con.execute(
            "SELECT c, id, source FROM given_keys WHERE c IN (SELECT c FROM c_tbl)"
        ).fetchall():
            first.setdefault(c, (i, src))
        stored: dict[str, list[tuple[str, str, str]]] = {}
        for i, src, h in con.execute(
            "SELECT id, source, hash FROM articles "
            "WHERE split_part(hash, '/', 1) IN (SELECT c FROM c_tbl) ORDER BY id"
        ).fetchall():
            stored.setdefault(h.split("/", 1)[0], []).append((i, src, h))
        matched = sorted({i for rows in stored.values() for i, _, _ in rows})
        given_before = {
            r[0]
            for r in con.execute("SELECT id FROM given_ids WHERE id = ANY(?)", [matched]).fetchall()
        }
        # the content each id of this chunk is placed with (a stored article another input
        # of the chunk is placed at is that input's, with its content)
        placed = dict(zip(out, contents, strict=True))
        new: list[tuple[str, str, str]] = []
        for k, c in enumerate(contents):
            if c in first:
                dups[k] = first[c]
                continue
            rows = stored.get(c, [])
            if rows and all(i != out[k] for i, _, _ in rows):
                # given out earlier in the run (so with another content), or placed here
                # for another content: to be replaced, not a copy of this input
                usable = [r for r in rows if r[0] not in given_before and placed.get(r[0], c) == c]
                # (its own article, stored under another id, first: the input takes it)
                usable.sort(key=lambda r: not _same_source(r[1], sources[k]))
                if usable:
                    i, src, key = usable[0]
                    if i in placed or (key == keys[k] and not _same_source(src, sources[k])):
                        dups[k] = (i, src)  # (an input of this chunk is placed at it)
                        continue
                    # its own, or stored under another setting: this input refreshes it
                    placed.pop(out[k], None)
                    out[k] = i
                    placed[i] = c
            first[c] = (out[k], sources[k])
            new.append((c, out[k], sources[k]))
        if new:
            new_tbl = _table(  # noqa: F841 - read by DuckDB
                {
                    "c": ([c for c, _, _ in new], _STR),
                    "id": ([i for _, i, _ in new], _STR),
                    "source": ([src for _, _, src in new], _STR),
                }
            )
            con.execute("INSERT INTO given_keys SELECT c, id, source FROM new_tbl")

    @_locked
    def remove_article(self, article_id: str) -> bool:
        """Forget an article and its support for events (events left without support go,
        their corrections stay in the log). False when it was not stored."""
        con = self._con
        with _transaction(con):
            found = self._remove_articles([article_id])
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
        new_actors: Sequence[Actor] = (),
        source: str | None = None,
        target: str | None = None,
    ) -> Event:
        """A human correction: persisted, marked human=True, survives re-ingest.
        `new_actors` (from the gazetteer) join the store's actors when it lacks them.
        `source` and `target` (who acts, who is acted on): a name among the event's actors
        as corrected, or "" for none; None leaves them as they are, except that a source
        or target the corrected actors no longer name is dropped."""
        con = self._con
        current = self.event(event_id)
        if current is None:
            raise KeyError(event_id)
        new_start = start or current.start
        new_end = end or current.end
        if new_end < new_start:
            raise ValueError(f"end {new_end} is before start {new_start}")
        added: list[Actor] = []
        if actors is not None:
            actors = tuple(dict.fromkeys(actors))
            known = {a.name for a in self.actors()}
            added = [a for a in new_actors if a.name not in known and a.name in actors]
            known.update(a.name for a in added)
            unknown = [a for a in actors if a not in known]
            if unknown:
                raise ValueError(f"unknown actor(s): {', '.join(unknown)}")
        names = actors if actors is not None else current.actors
        for role, name in (("source", source), ("target", target)):
            if name and name not in names:
                raise ValueError(f"the {role} {name} is not among the event's actors")
        with _transaction(con):
            if added:
                self._upsert_actors(added)
            seq = self._next_seq("corrections")
            con.execute(
                "INSERT INTO corrections VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    seq,
                    event_id,
                    start,
                    end,
                    label,
                    list(actors) if actors is not None else None,
                    source,
                    target,
                ],
            )
            base = self._base_event(event_id)
            self._write_events([self._corrected(base)], replace_ids={event_id})
        out = self.event(event_id)
        assert out is not None
        return out

    @_locked
    def corrected_spots(self, article_id: str) -> list[CorrectedSpot]:
        """The human-corrected events an article supports, each with where the article
        mentions it and the event as the pipeline made it: what `reattach_corrections`
        needs once the article is extracted again (its events' ids follow their dates)."""
        flt = EventFilter(articles=(article_id,))
        out = []
        for ev in self.events(flt):
            if not ev.human:
                continue
            spans = frozenset((m.start, m.end) for m in ev.mentions if m.article == article_id)
            out.append(CorrectedSpot(ev.id, spans, self._base_event(ev.id)))
        return out

    @_locked
    def reattach_corrections(
        self, article_id: str, spots: Sequence[CorrectedSpot]
    ) -> tuple[int, int]:
        """After `article_id` was extracted again: each corrected event of `spots` that
        went (its id changed with its dates) has its corrections carried over to the
        article's event of the same mention (same character offsets), the fields the
        user left as the pipeline made them excepted (they follow the new extraction).
        Returns (carried over, no longer applying): a correction whose mention is no
        longer an event stays in the log, applying to nothing."""
        con = self._con
        carried = lost = 0
        now = self.events(EventFilter(articles=(article_id,)))
        for spot in spots:
            if self.event(spot.event_id) is not None:
                continue  # the same event again: its corrections apply as they did
            target = next(
                (
                    ev
                    for ev in now
                    if any(
                        (m.start, m.end) in spot.spans
                        for m in ev.mentions
                        if m.article == article_id
                    )
                ),
                None,
            )
            if target is None:
                lost += 1
                continue
            now.remove(target)
            carried += 1
            if target.human:
                continue  # corrected already (back to an earlier reference date, say)
            rows = con.execute(
                'SELECT start, "end", label, actors, source, target FROM corrections '
                "WHERE event_id = ? ORDER BY seq",
                [spot.event_id],
            ).fetchall()
            base = spot.base
            with _transaction(con):
                for start, end, label, actors, source, target_ in rows:
                    fixed = (
                        None if start == base.start else start,
                        None if end == base.end else end,
                        None if label == base.label else label,
                        None if actors is None or tuple(actors) == base.actors else list(actors),
                        None if source == (base.source or "") else source,
                        None if target_ == (base.target or "") else target_,
                    )
                    if fixed == (None,) * 6:
                        fixed = (None, None, label, None, None, None)  # still the user's word
                    seq = self._next_seq("corrections")
                    con.execute(
                        "INSERT INTO corrections VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        [seq, target.id, *fixed],
                    )
                new_base = self._base_event(target.id)
                self._write_events([self._corrected(new_base)], replace_ids={target.id})
        return carried, lost

    # ------------------------------------------------------------------ reading

    def _filter_sql(self, flt: EventFilter) -> tuple[str, list[Any]]:
        """_where, with the actors as their lane ids (one small lookup), and a text
        filter answered first by scanning only the two search columns (in parallel,
        which a scan joined to the rest of the query is not): at most _TEXT_MATCHES
        matching events go into the condition as a list of seqs."""
        lanes = None
        if flt.actors:
            names = "SELECT unnest(?)"
            params: list[Any] = [list(flt.actors)]
            if flt.include_affiliated:
                names += " UNION SELECT name FROM actors WHERE affiliation = ANY(?)"
                params.append(list(flt.actors))
            lanes = [
                int(r[0])
                for r in self._con.execute(
                    f"SELECT id FROM lane_names WHERE name IN ({names}) ORDER BY id", params
                ).fetchall()
            ]
        text = search_form(flt.text.strip())
        if not text:
            return _where(flt, lanes=lanes)
        sig = self._con.execute(_SIG_OF_TEXT, [text]).fetchone()
        assert sig is not None
        row = self._con.execute(
            f"SELECT list(DISTINCT seq) FROM ({_text_matches_sql(sig)})", [text, text]
        ).fetchone()
        seqs = row[0] if row and row[0] is not None else []
        if len(seqs) > _TEXT_MATCHES:  # too many to pass around: _where's subquery joins them
            return _where(flt, lanes=lanes, sig=sig)
        where, params = _where(replace(flt, text=""), lanes=lanes)
        return f"{where} AND e.seq IN (SELECT unnest(?::BIGINT[]))", [*params, seqs]

    @_locked
    def events(
        self, flt: EventFilter = ALL_EVENTS, *, limit: int | None = None, offset: int = 0
    ) -> list[Event]:
        """The events matching `flt` by date (start, end, label); with `limit` and
        `offset`, one page of them (the dashboard's table pages through them)."""
        if offset < 0:
            raise ValueError(f"offset must be >= 0, not {offset}")
        where, params = self._filter_sql(flt)
        return [ev for _, ev in self._select_events(where, params, limit=limit, offset=offset)]

    @_locked
    def event(self, event_id: str) -> Event | None:
        found = self._select_events("e.id = ?", [event_id])
        return found[0][1] if found else None

    @_locked
    def count_events(self, flt: EventFilter = ALL_EVENTS) -> int:
        where, params = self._filter_sql(flt)
        row = self._con.execute(f"SELECT count(*) FROM events e WHERE {where}", params).fetchone()
        return int(row[0]) if row else 0

    @_locked
    def actor_counts(self, flt: EventFilter = ALL_EVENTS) -> list[tuple[Actor, int]]:
        where, params = self._filter_sql(flt)
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
        where, params = self._filter_sql(flt)
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
        if lane == "type":
            where, params = self._filter_sql(flt)
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
                                         THEN {keep - 1} ELSE {keep} END))
                    SELECT b, lane, count(*) FROM base
                    WHERE lane IN (SELECT lane FROM kept) GROUP BY b, lane
                    UNION ALL
                    SELECT b, ?, count(*) FROM base
                    WHERE lane NOT IN (SELECT lane FROM kept) GROUP BY b
                    ORDER BY 1, 2"""
                params = [*params, other]
        else:
            # by lane ids (see _LANES_REBUILD): the selected events with their first two
            # lanes, the lanes of their other actors, then names for the counts only
            where, params = self._filter_sql(flt)
            sel = f"""sel AS MATERIALIZED (
                    SELECT e.seq, date_trunc('{bucket}', e.start)::DATE AS b, e.lane0, e.lane1
                    FROM events e WHERE {where}),
                more AS MATERIALIZED (
                    SELECT s.seq, s.b, x.lane FROM event_lanes x JOIN sel s ON s.seq = x.event_seq),
                rows AS (SELECT b, lane0 AS lane FROM sel
                         UNION ALL SELECT b, lane1 FROM sel WHERE lane1 IS NOT NULL
                         UNION ALL SELECT b, lane FROM more)"""
            if max_lanes is None:
                sql = f"""WITH {sel}
                    SELECT c.b, n.name, c.n
                    FROM (SELECT b, lane, count(*) AS n FROM rows GROUP BY b, lane) c
                    JOIN lane_names n ON n.id = c.lane
                    ORDER BY 1, 2"""
            else:
                keep = max(int(max_lanes), 1)
                sql = f"""WITH {sel},
                    totals AS (SELECT lane, count(*) AS n FROM rows GROUP BY lane),
                    kept AS MATERIALIZED (
                        SELECT t.lane FROM totals t JOIN lane_names n ON n.id = t.lane
                        ORDER BY t.lane = 0, t.n DESC, n.name
                        LIMIT (CASE WHEN (SELECT count(*) FROM totals) > {keep}
                                    THEN {keep - 1} ELSE {keep} END))
                    SELECT c.b, n.name, c.n
                    FROM (SELECT b, lane, count(*) AS n FROM rows
                          WHERE lane IN (SELECT lane FROM kept) GROUP BY b, lane) c
                    JOIN lane_names n ON n.id = c.lane
                    UNION ALL
                    SELECT b, ?, count(*) FROM sel
                    WHERE lane0 NOT IN (SELECT lane FROM kept)
                      AND (lane1 IS NULL OR lane1 NOT IN (SELECT lane FROM kept))
                      AND seq NOT IN (SELECT seq FROM more WHERE lane IN (SELECT lane FROM kept))
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
    def find_articles(
        self, text: str = "", limit: int = 50, *, include: Sequence[str] = ()
    ) -> list[tuple[str, str, date]]:
        """(id, title, publication date) of at most `limit` articles matching `text`,
        newest first (by date, then the latest stored): its title or id contains `text`
        (case-insensitive), or its date (YYYY-MM-DD) starts with it; an article whose id
        is exactly `text` comes first. An empty `text` matches every article. The text is
        matched literally (quotes, % and _ are plain characters). The articles of
        `include` that are not among those follow, in their order (unknown ids are left
        out): the caller's selection, whatever was typed."""
        text = text.strip()
        rows = self._con.execute(
            """SELECT id, title, date FROM articles
               WHERE ? = '' OR contains(lower(title), lower(?)) OR contains(lower(id), lower(?))
                     OR starts_with(strftime(date, '%Y-%m-%d'), ?)
               ORDER BY lower(id) = lower(?) DESC, date DESC, seq DESC
               LIMIT ?""",
            [text] * 5 + [max(0, int(limit))],
        ).fetchall()
        found = {r[0] for r in rows}
        wanted = [i for i in dict.fromkeys(include) if i not in found]
        if wanted:
            sql = "SELECT id, title, date FROM articles WHERE id = ANY(?)"
            extra = {r[0]: r for r in self._con.execute(sql, [wanted]).fetchall()}
            rows += [extra[i] for i in wanted if i in extra]
        return [(str(i), str(t), d) for i, t, d in rows]

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

    @_locked
    def rebuild_derived(self) -> None:
        """Make the merge index and the actor lanes again from events and event_actors,
        file under their events' seqs the actor and mention rows that have no chunk, and
        give the events and mentions rows that have none their text signatures: for a
        bulk loader that fills those tables itself."""
        con = self._con
        with _transaction(con):
            for table in ("event_actors", "mentions"):
                con.execute(f"UPDATE {table} SET chunk = event_seq WHERE chunk IS NULL")
            for sql in (*_MERGE_KEYS_REBUILD, *_LANES_REBUILD):
                con.execute(sql)
            for table in ("events", "mentions"):
                con.execute(_sig_update(table, "sig0 IS NULL"))

    # ------------------------------------------------------------------ internals

    def _check_merge_keys(self) -> None:
        """Rebuild the merge index when this DuckDB hashes differently from the one that
        wrote it (see BUCKET_DAYS)."""
        con = self._con
        row = con.execute(f"SELECT {_CHECK_KEY} = (SELECT value FROM merge_keys_check)").fetchone()
        if row and row[0]:
            return
        with _transaction(con):
            for sql in _MERGE_KEYS_REBUILD:
                con.execute(sql)
            con.execute("DELETE FROM merge_keys_check")
            con.execute(f"INSERT INTO merge_keys_check SELECT {_CHECK_KEY}")

    def _next_seq(self, table: str, count: int = 1) -> int:
        """Reserve `count` sequence numbers of `table`; returns the first. Numbers only
        order rows, so those of a rolled-back transaction are simply never used."""
        if table not in self._seqs:
            row = self._con.execute(f"SELECT coalesce(max(seq), 0) + 1 FROM {table}").fetchone()
            self._seqs[table] = int(row[0]) if row else 1
        first = self._seqs[table]
        self._seqs[table] = first + count
        return first

    def _new_chunks(self, seqs: Iterable[int]) -> dict[int, int]:
        """A new chunk for each stored event of `seqs`, recorded in event_chunks: the
        actors and mentions that an old event gains are written under it. An event's
        own rows are under its seq; new chunks count down from -1, so that writes add
        keys at one end of the chunk indexes (DuckDB loads the parts of an index that a
        write touches, and keys spread over it, as old seqs are, load all of it)."""
        seqs = sorted(set(seqs))
        if not seqs:
            return {}
        if "event_chunks" not in self._seqs:
            row = self._con.execute(
                "SELECT coalesce(min(chunk), 0) - 1 FROM event_chunks"
            ).fetchone()
            self._seqs["event_chunks"] = int(row[0]) if row else -1
        first = self._seqs["event_chunks"]
        self._seqs["event_chunks"] = first - len(seqs)
        chunks = {seq: first - i for i, seq in enumerate(seqs)}
        chunk_tbl = _table(  # noqa: F841 - read by DuckDB
            {"event_seq": (list(chunks), _BIG), "chunk": (list(chunks.values()), _BIG)}
        )
        self._con.execute("INSERT INTO event_chunks BY NAME SELECT * FROM chunk_tbl")
        return chunks

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
        # a large store (see DELETE_BYTES): changed articles are removed in groups first,
        # and what the write appends stays in memory until a checkpoint
        large = self._memory_base is not None and index_memory(self._con) > self._delete_bytes
        removals = self._removals(results) if large else []
        for ids in removals:
            self._fit_memory()
            with _transaction(self._con):
                self._remove_articles(ids)
            self._checkpoint()
        removed = set().union(*removals)
        seqs = dict(self._seqs)
        try:
            rep = self._write_part(results, extra_events, actors, removed)
        except duckdb.OutOfMemoryException:
            # Rolled back whole. With a cap (the writer's), what earlier transactions
            # appended waits in memory for a checkpoint, where DuckDB may not evict it,
            # and can leave a large merge too little room: checkpoint, which writes it
            # into the file and releases the index parts held, and write once more. The
            # numbers that the failed attempt reserved are reserved again from where it
            # started, so that the rows are those of a write that did not fail. An error
            # that left the database unusable, or a second one, is raised.
            if self._memory_base is None or not self._usable():
                raise
            self._seqs = seqs
            self._checkpoint()
            rep = self._write_part(results, extra_events, actors, removed)
        if large:
            self._checkpoint()
        return replace(rep, transactions=1 + len(removals))

    def _usable(self) -> bool:
        """Whether the connection still answers (an out-of-memory error at commit can
        invalidate the database)."""
        try:
            self._con.execute("SELECT 1").fetchone()
        except duckdb.Error:
            return False
        return True

    def _removals(self, results: Sequence[ArticleResult]) -> list[list[str]]:
        """In a large store (see DELETE_BYTES), where the deletes of replacing `results`'
        changed articles may load more than `delete_bytes` of index, the changed articles
        in groups, in order, whose removal may load at most that each (an article that
        costs more on its own is a group of its own), to be removed one group per
        transaction before the write; none where they may load less. An article is then
        whole in the store or absent (removed, its new version not yet written) at any
        moment: a rerun adds what is absent. Removing in groups ends where removing at
        once ends, since the events are rebuilt from what remains."""
        budget = self._delete_bytes
        stored = self.article_hashes([r.article.id for r in results])
        changed = list(
            dict.fromkeys(
                r.article.id
                for r in results
                if r.article.id in stored
                and stored[r.article.id] != (r.hash or article_key(r.article))
            )
        )
        if not changed:
            return []
        cost = dict.fromkeys(changed, _DELETE_BYTES)  # its row of articles
        for aid, keys in self._con.execute(_DELETE_KEYS, [changed]).fetchall():
            cost[aid] += int(keys) * _DELETE_BYTES
        if sum(cost.values()) <= budget:
            return []
        groups: list[list[str]] = [[]]
        spent = 0
        for aid in changed:
            if spent and spent + cost[aid] > budget:
                groups.append([])
                spent = 0
            groups[-1].append(aid)
            spent += cost[aid]
        return groups

    def _checkpoint(self) -> None:
        """Write the log into the database file, which releases the index parts that
        the last transaction loaded; left to DuckDB if it cannot now (another connection
        in a transaction)."""
        try:
            self._con.execute("CHECKPOINT")
        except duckdb.Error:
            pass

    def _write_part(
        self,
        results: Sequence[ArticleResult],
        extra_events: Sequence[Event],
        actors: Iterable[Actor],
        removed: set[str],
    ) -> AddReport:
        """The write, in one transaction; `removed`: changed articles whose old results
        were removed before it (_removals), reported as replaced."""
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
            (replaced if aid in stored or aid in seen or aid in removed else added).append(aid)
            seen[aid] = h
            fresh.append(r if r.hash == h else replace(r, hash=h))
        fresh_ids = {r.article.id for r in fresh}
        # events of an extraction whose articles are all stored already add nothing
        extra_events = [ev for ev in extra_events if {m.article for m in ev.mentions} & fresh_ids]
        if not fresh:
            return AddReport(tuple(added), tuple(replaced), tuple(skipped))
        self._fit_memory()
        with _transaction(con):
            self._upsert_actors(actors)
            gone = [aid for aid in dict.fromkeys(replaced)]
            if gone:
                self._remove_articles(gone)
            # A changed article that appears twice in one batch: the last version wins.
            last = {r.article.id: r for r in fresh}
            fresh = [r for r in fresh if last[r.article.id] is r]
            self._insert_articles(fresh)
            new_events = [ev for r in fresh for ev in r.events] + list(extra_events)
            pooled = self._merge_in(new_events, fresh_ids) if new_events else 0
        return AddReport(tuple(added), tuple(replaced), tuple(skipped), pooled)

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
        self._allow_deletes("articles", found)
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
        self._delete_events(list(seqs.values()))
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

    def _merge_in(self, new_events: Sequence[Event], fresh: set[str]) -> int:
        """Join new events to stored ones of the same happening, in order; the rest
        become events of their own; returns how many stored events were loaded. `fresh`:
        articles of this write, none of whose mentions are stored. A stored event that
        grows only gains rows for what is new (mentions, actors, its merge keys) and an
        updated events row: the work per new event depends neither on the size of the
        store nor on that of the event."""
        con = self._con
        w = timedelta(days=MERGE_WINDOW_DAYS)
        key_tbl = _table(  # noqa: F841 - read by DuckDB
            {
                "i": (list(range(len(new_events))), _BIG),
                "type": ([ev.type for ev in new_events], _STR),
                "label": ([ev.label for ev in new_events], _STR),
                "actors": ([list(ev.actors) for ev in new_events], _STRS),
                # (clamped: an event of 0001-01-01 or 9999-12-31 has no days beyond)
                "lo": (
                    [ev.start - w if ev.start > _FIRST_DAY else date.min for ev in new_events],
                    _DATE,
                ),
                "hi": (
                    [ev.end + w if ev.end < _LAST_DAY else date.max for ev in new_events],
                    _DATE,
                ),
                "value": ([ev.value for ev in new_events], _STR),
                "others": ([list(ev.other_dates) for ev in new_events], _STRS),
            }
        )
        # (stored event, a new event it may be the same happening as; -1: any), kept in
        # DuckDB and read a slice at a time (_load_pool): in a crowded corpus they grow
        # with the store, not with the transaction (a 1,024-article transaction met
        # 48,000 stored events in 110,000 such pairs at 100,000 articles of one decade,
        # 12 MB in Python for the whole merge, against 18,000 at 20,000 articles)
        con.execute(_MERGE_CANDS_TABLE)
        con.execute("DELETE FROM merge_cands")
        con.execute(f"INSERT INTO merge_cands {_CANDIDATES}")
        any_date = [ev for ev in new_events if ev.value in ev.other_dates]
        if any_date:
            any_tbl = _table(  # noqa: F841 - read by DuckDB
                {
                    "type": ([ev.type for ev in any_date], _STR),
                    "label": ([ev.label for ev in any_date], _STR),
                    "actors": ([list(ev.actors) for ev in any_date], _STRS),
                }
            )
            con.execute(f"INSERT INTO merge_cands SELECT *, -1 FROM ({_ANY_DATE_CANDIDATES})")
        row = con.execute("SELECT count(*) FROM merge_cands").fetchone()
        has_cands = bool(row and row[0])
        # Working set: id -> pooled event.
        pool: dict[str, _Pooled] = {}
        # new event (its index) -> the stored events, in creation order, that are the same
        # happening as it as stored but were not loaded (see POOL_PER_EVENT)
        deferred: dict[int, list[int]] = {}
        # events.merge lets a human event win over a machine one: with one among the new
        # events (only `add` of a corrected extraction brings one), the stored candidates
        # are loaded whole, and all of them, so that merge sees everything
        whole = any(ev.human for ev in new_events)
        shared = {m.article for ev in new_events for m in ev.mentions} - fresh
        if has_cands:
            room = None if whole else [POOL_PER_EVENT] * len(new_events)
            for p in self._load_pool(new_events, shared, whole=whole, room=room, deferred=deferred):
                pool[p.event.id] = p
            con.execute("DELETE FROM merge_cands")
        loaded = {p.seq for p in pool.values()}
        stored_count = len(pool)
        taken = {
            r[0]
            for r in con.execute(
                "SELECT id FROM events WHERE id IN (SELECT unnest(?))",
                [[ev.id for ev in new_events]],
            ).fetchall()
        }
        ev_seq = self._next_seq("events", len(new_events))
        contrib_seq = self._next_seq("contributions", len(new_events))
        dirty: dict[str, None] = {}
        contributions: list[tuple[int, str, Event]] = []
        index = _PoolIndex()
        for eid, p in pool.items():
            index.add(eid, p.event)
        for i, ev in enumerate(new_events):
            # the first event, in creation order, of the same happening (as events.merge_all)
            target = next(
                (
                    eid
                    for eid in sorted(index.candidates(ev), key=lambda e: pool[e].seq)
                    if same_happening(pool[eid].event, ev)
                ),
                None,
            )
            # A stored event not loaded is as stored: the first one that is the same
            # happening as ev comes before the target found if its seq is smaller (every
            # loaded event before it was asked), and then it is the target. That needs all
            # the POOL_PER_EVENT loaded for ev to have stopped being the same happening as
            # it by taking earlier new events, which cannot happen while each is loaded for
            # the first new event in order that it was the same happening as and that had
            # room (_load_slice): any earlier one it is the same happening as had its own
            # first POOL_PER_EVENT loaded before it and takes the first of those that is
            # still the same happening, which by the same argument, one new event earlier,
            # they all are. So this is a guard, which no test reaches.
            late = next((seq for seq in deferred.get(i, ()) if seq not in loaded), None)
            if late is not None and (target is None or pool[target].seq > late):  # pragma: no cover
                (p,) = self._load_slice({late: [i]}, new_events, shared, whole=False)
                pool[p.event.id] = p
                index.add(p.event.id, p.event)
                loaded.add(late)
                stored_count += 1
                target = p.event.id
            if target is None:
                eid = ev.id
                n = 2
                while eid in taken or eid in pool:
                    eid = f"{ev.id}~{n}"
                    n += 1
                pool[eid] = _Pooled(ev_seq, ev if eid == ev.id else replace(ev, id=eid))
                ev_seq += 1
                target = eid
            else:
                pool[target].absorb(ev)
            index.add(target, pool[target].event)
            dirty[target] = None
            contributions.append((contrib_seq, target, ev))
            contrib_seq += 1
        self._insert_contributions(contributions)
        grown = [pool[eid] for eid in dirty]
        rewrite = [p for p in grown if p.stored is None]
        self._write_events(
            self._corrected_many([p.event for p in rewrite]),
            replace_ids={p.event.id for p in rewrite if p.in_store},
            seqs={p.event.id: p.seq for p in rewrite},
        )
        self._append_to_events([p for p in grown if p.stored is not None])
        return stored_count

    def _load_pool(
        self,
        new_events: Sequence[Event],
        shared: set[str],
        *,
        whole: bool,
        room: list[int] | None = None,
        deferred: dict[int, list[int]] | None = None,
    ) -> list[_Pooled]:
        """_load_slice over the candidates in merge_cands (see Store._merge_in) in slices
        of POOL_SLICE seqs, in creation order: what DuckDB needs for a query grows with the
        candidates it reads, and a dense store can offer tens of thousands (28,000 for a
        transaction of 1,024 articles on the benchmark's 3,000,000-event store; at
        10,000,000, DuckDB ran out of its writer's memory); and in Python only the slice
        read is held, besides the events loaded."""
        out: list[_Pooled] = []
        after: int | None = None
        while True:
            rows = self._con.execute(_CANDS_SLICE, [after, POOL_SLICE]).fetchall()
            if not rows:
                return out
            part = dict(sorted(rows))
            after = max(part)
            out += self._load_slice(
                part, new_events, shared, whole=whole, room=room, deferred=deferred
            )

    def _load_slice(
        self,
        cands: dict[int, list[int]],
        new_events: Sequence[Event],
        shared: set[str],
        *,
        whole: bool,
        room: list[int] | None = None,
        deferred: dict[int, list[int]] | None = None,
    ) -> list[_Pooled]:
        """Stored events for the merge pool, in creation order: of the candidates
        `cands` (seq -> the new events it may join, -1 for any), those that are the same
        happening as one of their new events as stored (no other can ever take a new
        event in this batch: it would first have to change by taking one). With `room`
        (new event -> how many more may be loaded for it, see POOL_PER_EVENT), one that
        is the same happening only as new events with no room left is not loaded but
        added to their lists in `deferred`. A
        human-corrected one (or any, with `whole`) comes whole, as the pipeline made it
        (corrections are applied again when it is written); any other comes as its row
        with only its mentions of the articles `shared` (stored articles that new events
        mention too), the others summed up in counts."""
        con = self._con
        seq_tbl = _table({"seq": (list(cands), _BIG)})  # noqa: F841 - read by DuckDB
        heads = con.execute(
            f"""SELECT e.seq, {_EVENT_COLUMNS}, a.actors,
                       e.human OR e.id IN (SELECT event_id FROM corrections) AS corrected
                FROM events e LEFT JOIN (
                    SELECT event_seq, list(actor ORDER BY ord) AS actors FROM event_actors
                    WHERE chunk IN ({_chunks_of("SELECT seq FROM seq_tbl")}) GROUP BY event_seq
                ) a ON a.event_seq = e.seq
                WHERE e.seq IN (SELECT seq FROM seq_tbl)"""
        ).fetchall()
        out: dict[int, _Pooled] = {}
        whole_ids = [r[1] for r in heads if whole or r[-1]]
        if whole_ids:
            for seq, ev in self._load_bases(whole_ids):
                out[seq] = _Pooled(seq, ev, in_store=True)
        part = {r[0]: r for r in heads if not (whole or r[-1])}
        here: dict[int, list[Mention]] = {}
        if part and shared:
            part_tbl = _table({"seq": (list(part), _BIG)})  # noqa: F841 - read by DuckDB
            art_tbl = _table({"id": (sorted(shared), _STR)})  # noqa: F841
            for r in con.execute(
                f"""SELECT event_seq, article_id, text, start, "end", type, value,
                          sentence, explanation, confidence FROM mentions
                   WHERE chunk IN ({_chunks_of("SELECT seq FROM part_tbl")})
                     AND article_id IN (SELECT id FROM art_tbl)
                   ORDER BY event_seq, ord"""
            ).fetchall():
                here.setdefault(r[0], []).append(Mention(*r[1:]))
        heads_of: dict[int, Event] = {}
        for seq in sorted(part):
            head = _event_from_row(part[seq], tuple(here.get(seq, ())))
            if room is None or deferred is None:
                if any(i < 0 or same_happening(head, new_events[i]) for i in cands[seq]):
                    heads_of[seq] = head
                continue
            full = []
            # in the order of the new events (see Store._merge_in, where this matters)
            for i in sorted(cands[seq]):
                if i < 0 or same_happening(head, new_events[i]):
                    if i < 0 or room[i] > 0:
                        if i >= 0:
                            room[i] -= 1
                        heads_of[seq] = head
                        break
                    full.append(i)
            else:
                for i in full:
                    deferred.setdefault(i, []).append(seq)
        if heads_of:
            part_tbl = _table({"seq": (list(heads_of), _BIG)})  # noqa: F841 - read by DuckDB
            # all their mentions, counted by date value (two light columns)
            counts = {
                seq: (n, values, first)
                for seq, n, values, first in con.execute(
                    f"""SELECT event_seq, count(*), histogram(value), min(article_id)
                       FROM mentions
                       WHERE chunk IN ({_chunks_of("SELECT seq FROM part_tbl")})
                       GROUP BY event_seq"""
                ).fetchall()
            }
            for seq, head in heads_of.items():
                n, values, first = counts.get(seq, (0, None, None))
                at_hand = head.mentions
                # (what Counter(values).subtract(m.value for m in at_hand) counts)
                hidden_values = dict(values or {})
                for m in at_hand:
                    hidden_values[m.value] = hidden_values.get(m.value, 0) - 1
                out[seq] = _Pooled(
                    seq,
                    head,
                    in_store=True,
                    stored=head,
                    hidden=n - len(at_hand),
                    # events.articles counts the distinct articles of all its mentions
                    hidden_articles=head.articles - len({m.article for m in at_hand}),
                    hidden_values={v: k for v, k in hidden_values.items() if k > 0},
                    first=first,
                )
        return [out[seq] for seq in sorted(out)]

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
            'SELECT event_id, start, "end", label, actors, source, target FROM corrections '
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
            base = ev
            for start, end, label, actors, source, target in fixes.get(ev.id, ()):
                ev = replace(
                    ev,
                    start=start or ev.start,
                    end=end or ev.end,
                    label=label if label is not None else ev.label,
                    actors=tuple(actors) if actors is not None else ev.actors,
                    source=(source or None) if source is not None else ev.source,
                    target=(target or None) if target is not None else ev.target,
                    human=True,
                )
            if ev.end < ev.start:  # a later machine date moved past a corrected bound
                ev = replace(ev, end=ev.start)
            if ev.human and (ev.start, ev.end) != (base.start, base.end):
                # the days set by hand are the event's date: its value and granularity
                # (a month's event set to a day is a day, no longer a band), exact
                ev = _dated_by_hand(ev)
            if ev.human and not {ev.source, ev.target} <= {None, *ev.actors}:
                # a role the corrected actors no longer name goes (no target outside them)
                ev = replace(
                    ev,
                    source=ev.source if ev.source in ev.actors else None,
                    target=ev.target if ev.target in ev.actors else None,
                )
            out.append(ev)
        return out

    def _delete_events(self, seqs: Sequence[int]) -> None:
        """Delete the stored events `seqs` (the callers have looked their seqs up)."""
        tables = ("events", "event_actors", "mentions", "event_chunks", "merge_keys", "event_lanes")
        self._delete_rows(seqs, tables)

    def _delete_rows(self, seqs: Sequence[int], tables: Iterable[str]) -> None:
        """Delete the rows of events `seqs` from `tables` (by their integer keys)."""
        if not seqs:
            return
        seq_tbl = _table({"seq": (list(seqs), _BIG)})  # noqa: F841 - read by DuckDB
        tables = tuple(tables)
        chunks = len(seqs)
        if self._memory_base is not None and {"event_actors", "mentions"} & set(tables):
            # an event's actors and mentions are keyed by its chunks: its seq and the
            # chunks of what it gained later (event_chunks); counted for _allow_deletes
            row = self._con.execute(
                "SELECT count(*) FROM event_chunks WHERE event_seq IN (SELECT seq FROM seq_tbl)"
            ).fetchone()
            chunks += int(row[0]) if row else 0
        for table in tables:
            self._allow_deletes(table, len(seqs) if table == "events" else chunks)
            col = "seq" if table == "events" else "event_seq"
            self._con.execute(f"DELETE FROM {table} WHERE {col} IN (SELECT seq FROM seq_tbl)")

    def _insert_merge_keys(self, events: Sequence[Event], seqs: dict[str, int]) -> None:
        mk_tbl = _table(  # noqa: F841 - read by DuckDB
            {
                "seq": ([seqs[e.id] for e in events], _BIG),
                "type": ([e.type for e in events], _STR),
                "label": ([e.label for e in events], _STR),
                "actors": ([list(e.actors) for e in events], _STRS),
                "start": ([e.start for e in events], _DATE),
                "end": ([e.end for e in events], _DATE),
                "value": ([e.value for e in events], _STR),
                "other_dates": ([list(e.other_dates) for e in events], _STRS),
            }
        )
        self._con.execute(_merge_keys_insert("mk_tbl"))

    def _lane_ids(self, names: Iterable[str]) -> dict[str, int]:
        """The lane ids of actor names (new names get new ids)."""
        wanted = sorted(set(names))
        if not wanted:
            return {}
        con = self._con
        ids = dict(
            con.execute(
                "SELECT name, id FROM lane_names WHERE name IN (SELECT unnest(?))", [wanted]
            ).fetchall()
        )
        new = [n for n in wanted if n not in ids]
        if new:
            row = con.execute("SELECT coalesce(max(id), 0) + 1 FROM lane_names").fetchone()
            first = int(row[0]) if row else 1
            ids.update((n, first + i) for i, n in enumerate(new))
            new_tbl = _table(  # noqa: F841 - read by DuckDB
                {"name": (new, _STR), "id": ([ids[n] for n in new], _INT)}
            )
            con.execute("INSERT INTO lane_names BY NAME SELECT * FROM new_tbl")
        return ids

    def _insert_lane_rows(self, rows: Sequence[tuple[int, int]]) -> None:
        """event_lanes rows (event seq, lane id) for actors after the second."""
        if not rows:
            return
        lanes_tbl = _table(  # noqa: F841 - read by DuckDB
            {"event_seq": ([r[0] for r in rows], _BIG), "lane": ([r[1] for r in rows], _INT)}
        )
        self._con.execute("INSERT INTO event_lanes BY NAME SELECT * FROM lanes_tbl")

    def _insert_actor_rows(
        self, rows: Sequence[tuple[str, int, int, str]], chunks: Mapping[int, int] | None = None
    ) -> None:
        """event_actors rows (event id, event seq, ord, actor), in the chunks of their
        events' seqs (see _new_chunks; an event's own seq by default)."""
        if not rows:
            return
        chunks = chunks or {}
        act_tbl = _table(  # noqa: F841 - read by DuckDB
            {
                "event_id": ([r[0] for r in rows], _STR),
                "event_seq": ([r[1] for r in rows], _BIG),
                "chunk": ([chunks.get(r[1], r[1]) for r in rows], _BIG),
                "ord": ([r[2] for r in rows], _INT),
                "actor": ([r[3] for r in rows], _STR),
            }
        )
        self._con.execute("INSERT INTO event_actors BY NAME SELECT * FROM act_tbl")

    def _insert_mention_rows(
        self, rows: Sequence[tuple[str, int, int, Mention]], chunks: Mapping[int, int] | None = None
    ) -> None:
        """mentions rows (event id, event seq, ord, mention), in chunks as actor rows."""
        if not rows:
            return
        chunks = chunks or {}
        ms = [r[3] for r in rows]
        m_tbl = _table(  # noqa: F841 - read by DuckDB
            {
                "event_id": ([r[0] for r in rows], _STR),
                "event_seq": ([r[1] for r in rows], _BIG),
                "chunk": ([chunks.get(r[1], r[1]) for r in rows], _BIG),
                "ord": ([r[2] for r in rows], _INT),
                "article_id": ([m.article for m in ms], _STR),
                "text": ([m.text for m in ms], _STR),
                "start": ([m.start for m in ms], _INT),
                "end": ([m.end for m in ms], _INT),
                "type": ([m.type for m in ms], _STR),
                "value": ([m.value for m in ms], _STR),
                "sentence": ([m.sentence for m in ms], _STR),
                "explanation": ([m.explanation for m in ms], _STR),
                "confidence": ([m.confidence for m in ms], _F),
                "search": ([search_form(m.sentence) for m in ms], _STR),
            }
        )
        self._con.execute(f"INSERT INTO mentions BY NAME {_sig_select('m_tbl')}")

    def _write_events(
        self, events: Sequence[Event], *, replace_ids: set[str], seqs: dict[str, int] | None = None
    ) -> None:
        con = self._con
        if not events:
            return
        seqs = dict(seqs or {})
        if replace_ids:
            stored = dict(
                con.execute(
                    "SELECT id, seq FROM events WHERE id IN (SELECT unnest(?))",
                    [list(replace_ids)],
                ).fetchall()
            )
            for eid, seq in stored.items():
                seqs.setdefault(eid, seq)
            self._delete_events(list(stored.values()))
        next_seq = self._next_seq("events", sum(1 for ev in events if ev.id not in seqs))
        for ev in events:
            if ev.id not in seqs:
                seqs[ev.id] = next_seq
                next_seq += 1
        lanes = self._lane_ids(a for e in events for a in e.actors)
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
                "other_dates": ([_column(e, "other_dates") for e in events], _STR),
                "human": ([e.human for e in events], _B),
                "confidence": ([_event_confidence(e) for e in events], _F),
                "search": ([_event_search(e) for e in events], _STR),
                **_lane_columns([e.actors for e in events], lanes),
            }
        )
        con.execute(f"INSERT INTO events BY NAME {_sig_select('ev_tbl')}")
        self._insert_lane_rows([(seqs[e.id], lanes[a]) for e in events for a in e.actors[2:]])
        self._insert_actor_rows(
            [(e.id, seqs[e.id], i, a) for e in events for i, a in enumerate(e.actors)]
        )
        self._insert_mention_rows(
            [(e.id, seqs[e.id], i, m) for e in events for i, m in enumerate(e.mentions)]
        )
        self._insert_merge_keys(events, seqs)

    def _append_to_events(self, grown: Sequence[_Pooled]) -> None:
        """Write stored events that absorbed new ones (machine events, loaded without
        most of their mentions): update their rows, add their new mentions and actors,
        and rewrite their merge keys when what they are keyed by changed."""
        if not grown:
            return
        con = self._con
        # DuckDB rewrites a string or list value it updates at a cost per row: each
        # column is updated only where it changed (most often only the numbers do)
        num_tbl = _table(  # noqa: F841 - read by DuckDB
            {
                "seq": ([p.seq for p in grown], _BIG),
                "articles": ([p.event.articles for p in grown], _INT),
                "confidence": (
                    [
                        max((m.confidence for m in p.event.mentions[p.kept :]), default=0.0)
                        for p in grown
                    ],
                    _F,
                ),
            }
        )
        con.execute(
            """UPDATE events SET articles = u.articles,
                   confidence = greatest(events.confidence, u.confidence)
               FROM num_tbl u WHERE events.seq = u.seq"""
        )
        for fields in _UPDATED_FIELDS:
            changed = [p for p in grown if _fields(p.stored, fields) != _fields(p.event, fields)]
            if not changed:
                continue
            upd_tbl = _table(  # noqa: F841 - read by DuckDB
                {
                    "seq": ([p.seq for p in changed], _BIG),
                    **{
                        column: ([_column(p.event, column) for p in changed], t)
                        for column, t in fields
                    },
                }
            )
            columns = [column for column, _ in fields]
            src = "upd_tbl"
            if "search" in columns:  # its signature follows it
                columns += _SIG_COLUMNS
                src = f"({_sig_select('upd_tbl')})"
            sets = ", ".join(f'"{column}" = u."{column}"' for column in columns)
            con.execute(f"UPDATE events SET {sets} FROM {src} u WHERE events.seq = u.seq")
        actor_rows: list[tuple[str, int, int, str]] = []
        recast: list[int] = []  # events whose actors are not the stored ones plus new ones
        for p in grown:
            old, new = p.stored_actors(), p.event.actors
            if new[: len(old)] == old:
                actor_rows += [(p.event.id, p.seq, i, a) for i, a in enumerate(new)][len(old) :]
            else:
                recast.append(p.seq)
                actor_rows += [(p.event.id, p.seq, i, a) for i, a in enumerate(new)]
        mention_rows = [
            (p.event.id, p.seq, p.hidden + p.kept + i, m)
            for p in grown
            for i, m in enumerate(p.event.mentions[p.kept :])
        ]
        chunks = self._new_chunks({r[1] for r in actor_rows} | {r[1] for r in mention_rows})
        self._delete_rows(recast, ("event_actors",))
        self._insert_actor_rows(actor_rows, chunks)
        # their lanes: the first two on the events row, the others in event_lanes
        cast = [p for p in grown if p.event.actors != p.stored_actors()]
        if cast:
            lanes = self._lane_ids(a for p in cast for a in p.event.actors)
            lane_tbl = _table(  # noqa: F841 - read by DuckDB
                {
                    "seq": ([p.seq for p in cast], _BIG),
                    **_lane_columns([p.event.actors for p in cast], lanes),
                }
            )
            con.execute(
                "UPDATE events SET lane0 = u.lane0, lane1 = u.lane1 "
                "FROM lane_tbl u WHERE events.seq = u.seq"
            )
            self._delete_rows([p.seq for p in cast if len(p.stored_actors()) > 2], ("event_lanes",))
            self._insert_lane_rows([(p.seq, lanes[a]) for p in cast for a in p.event.actors[2:]])
        self._insert_mention_rows(mention_rows, chunks)
        rekey = [p for p in grown if p.keys_changed()]
        self._delete_rows([p.seq for p in rekey], ("merge_keys",))
        self._insert_merge_keys([p.event for p in rekey], {p.event.id: p.seq for p in rekey})

    def _select_events(
        self,
        where: str,
        params: list[Any],
        *,
        limit: int | None = None,
        offset: int = 0,
        order: str = 'e.start, e."end", e.label, e.seq',
    ) -> list[tuple[int, Event]]:
        """(seq, event) for the events matching `where` (on `events e`), in `order`
        (by default the order of events.merge_all), with their actors and mentions: the
        selection is made first, then only its rows are read and joined.

        A selection of at most _LOOKUP_ROWS events (a table page, a narrow filter: the
        dashboard draws up to 1,000 events one by one) is read by its seqs, passed as a
        list: its events rows, then the rows of its actors and mentions by their chunks,
        four small queries put together here (a list written into the SQL cost about 10 ms
        to parse per query at 750 seqs). A larger one is joined as a materialised CTE."""
        first = min(limit, _LOOKUP_ROWS + 1) if limit is not None else _LOOKUP_ROWS + 1
        con = self._con
        found = [
            int(s)
            for (s,) in con.execute(
                f"SELECT e.seq FROM events e WHERE {where} ORDER BY {order} "
                f"LIMIT {int(first)} OFFSET {int(offset)}",
                params,
            ).fetchall()
        ]
        if not found:
            return []
        if len(found) <= _LOOKUP_ROWS:
            return self._lookup_events(found)
        top = f" LIMIT {int(limit)}" if limit is not None else ""
        top += f" OFFSET {int(offset)}" if offset else ""
        sel = f"events e WHERE {where} ORDER BY {order}{top}"
        in_chunks = _chunks_of("SELECT seq FROM sel")
        rows = con.execute(
            f"""WITH sel AS MATERIALIZED (SELECT e.seq, {_EVENT_COLUMNS} FROM {sel})
                SELECT sel.*, a.actors, m.mentions FROM sel
                LEFT JOIN (SELECT event_seq, list(actor ORDER BY ord) AS actors
                           FROM event_actors WHERE chunk IN ({in_chunks})
                           GROUP BY event_seq) a ON a.event_seq = sel.seq
                LEFT JOIN (SELECT event_seq,
                                  list(({_MENTION_COLUMNS}) ORDER BY ord) AS mentions
                           FROM mentions WHERE chunk IN ({in_chunks})
                           GROUP BY event_seq) m ON m.event_seq = sel.seq
                ORDER BY {order.replace("e.", "sel.")}""",
            params,
        ).fetchall()
        return [(r[0], _event_from_row(r, tuple(Mention(*m) for m in r[17] or ()))) for r in rows]

    def _lookup_events(self, seqs: list[int]) -> list[tuple[int, Event]]:
        """(seq, event) for the events of these seqs, in their order (see _select_events)."""
        con = self._con
        among, params = _among("e.seq", seqs)
        rows = {
            r[0]: r
            for r in con.execute(
                f"SELECT e.seq, {_EVENT_COLUMNS} FROM events e WHERE {among}", params
            ).fetchall()
        }
        among, params = _among("event_seq", seqs)
        chunks = seqs + [
            c
            for (c,) in con.execute(
                f"SELECT chunk FROM event_chunks WHERE {among}", params
            ).fetchall()
        ]
        among, params = _among("chunk", chunks)
        # in the order of ord: each event's rows in its order
        actors: dict[int, list[str]] = {}
        for seq, actor in con.execute(
            f"SELECT event_seq, actor FROM event_actors WHERE {among} ORDER BY ord", params
        ).fetchall():
            actors.setdefault(seq, []).append(actor)
        mentions: dict[int, list[Mention]] = {}
        for r in con.execute(
            f"SELECT event_seq, {_MENTION_COLUMNS} FROM mentions WHERE {among} ORDER BY ord",
            params,
        ).fetchall():
            mentions.setdefault(r[0], []).append(Mention(*r[1:]))
        return [
            (seq, _event_from_row((*rows[seq], actors.get(seq)), tuple(mentions.get(seq, ()))))
            for seq in seqs
            if seq in rows  # (gone if a write on another cursor removed it meanwhile)
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


def _where(
    flt: EventFilter, *, lanes: Sequence[int] | None, sig: Sequence[int] = ()
) -> tuple[str, list[Any]]:
    """EventFilter -> SQL condition on `events e` and its parameters. `lanes` are the
    lane ids of the filter's actors (see _LANES_REBUILD; Store._filter_sql looks them up),
    by which they are found on the events row: integer columns of one table, which costs
    about half the CPU of joining event_actors for an actor in many events; `sig` is the
    signature of the filter's text (every row is read without it)."""
    conds: list[str] = ["TRUE"]
    params: list[Any] = []
    if flt.actors:
        # integers from the database, not user text: safe to write into the SQL
        ids = ", ".join(str(int(i)) for i in lanes or ()) or "NULL"
        conds.append(
            f"""(e.lane0 IN ({ids}) OR e.lane1 IN ({ids})
                 OR e.seq IN (SELECT event_seq FROM event_lanes WHERE lane IN ({ids})))"""
        )
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
        conds.append(f"e.seq IN ({_text_matches_sql(sig)})")
        params += [search_form(flt.text.strip())] * 2
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
        with _transaction(con):
            con.execute(
                "CREATE TABLE IF NOT EXISTS schema_version ("
                "version INTEGER PRIMARY KEY, description VARCHAR NOT NULL)"
            )
            for sql in steps:
                con.execute(sql)
            con.execute("INSERT INTO schema_version VALUES (?, ?)", [version, description])
    return found


def iter_rows(store: Store, sql: str) -> Iterator[tuple[Any, ...]]:  # pragma: no cover
    """Escape hatch for benchmarks: run a read-only query on the store's connection."""
    yield from store._con.execute(sql).fetchall()
