"""Dashboard query speed on a store of 1,000,000 events: median and p95 of each query the
dashboard makes (actor, type, date window, affiliated actors, text search, aggregation per
week/month, counts per actor and type, the article dropdowns' search), through the Store
API.

    python benchmarks/store_query_speed.py              # 1,000,000 events
    python benchmarks/store_query_speed.py --events 200000 --runs 20
    python benchmarks/store_query_speed.py --db FILE --read-only --only articles

The events are generated straight into DuckDB with SQL (deterministic pseudo-random
values from hash()), not through the pipeline: skewed actor popularity (a few actors are
in most events, as "Russia" or "United States" are in real news), 2 actors and 1.5
mentions per event, 20 years of dates, 17 event types, 300,000 articles.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dashapp.app.figures import FigureOptions  # noqa: E402
from dashapp.app.view import TABLE_ROWS  # noqa: E402
from dashapp.models import EventFilter  # noqa: E402
from dashapp.store import Store  # noqa: E402

TYPES = [
    "CONSULT",
    "AGREE",
    "REQUEST",
    "ACCUSE",
    "THREATEN",
    "SANCTION",
    "AID",
    "ASSAULT",
    "FIGHT",
    "CONCEDE",
    "RETREAT",
    "PROTEST",
    "MOBILIZE",
    "SUPPORT",
    "COOPERATE",
    "REJECT",
    "STATEMENT",
]
VERBS = [
    "held talks with",
    "signed a deal with",
    "urged",
    "accused",
    "threatened",
    "sanctioned",
    "sent aid to",
    "shelled",
    "clashed with",
    "agreed a ceasefire with",
    "withdrew from",
    "protested against",
    "mobilised against",
    "backed",
    "cooperated with",
    "rejected",
    "commented on",
]
# what the dashboard asks for: a table page of TABLE_ROWS events, every event when at most
# AGGREGATE_ABOVE are in view, and counts in at most MAX_LANES lanes
MAX_LANES = FigureOptions().max_lanes
N_ACTORS = 600  # actor 0..39 countries, 40..539 people (affiliated), 540.. organisations


def build(path: Path, n_events: int) -> None:
    """Bulk-generate the store with INSERT ... SELECT over range()."""
    with Store(path) as store:
        con = store._con  # the benchmark fills tables directly, as a bulk loader would
        types = "[" + ", ".join(f"'{t}'" for t in TYPES) + "]"
        verbs = "[" + ", ".join(f"'{v}'" for v in VERBS) + "]"
        con.execute(f"""
            INSERT INTO actors
            SELECT CASE WHEN i = 0 THEN 'Russia' WHEN i = 1 THEN 'United States'
                        WHEN i < 40 THEN 'Country ' || i
                        WHEN i = 40 THEN 'Vladimir Putin' WHEN i = 41 THEN 'Sergei Lavrov'
                        WHEN i < 540 THEN 'Person ' || i ELSE 'Organisation ' || i END,
                   CASE WHEN i < 40 THEN 'country' WHEN i < 540 THEN 'person'
                        ELSE 'organisation' END,
                   CASE WHEN i IN (40, 41) THEN 'Russia'
                        WHEN i BETWEEN 42 AND 539 THEN
                            (CASE WHEN i % 40 = 0 THEN 'Russia' WHEN i % 40 = 1
                                  THEN 'United States' ELSE 'Country ' || (i % 40) END)
                        ELSE NULL END
            FROM range({N_ACTORS}) t(i)""")
        # actor popularity: index = N * u^3 (u uniform) puts most events on few actors
        con.execute(f"""
            CREATE TEMP TABLE gen AS
            SELECT i,
                   (hash(i, 1) % 17)::INT AS t,
                   DATE '2005-01-01' + (hash(i, 2) % 7300)::INT AS d,
                   (CASE WHEN hash(i, 3) % 10 = 0 THEN (hash(i, 4) % 30)::INT ELSE 0 END) AS span,
                   floor({N_ACTORS} * pow((hash(i, 5) % 100000) / 100000.0, 3))::INT AS a1,
                   floor({N_ACTORS} * pow((hash(i, 6) % 100000) / 100000.0, 3))::INT AS a2,
                   ((hash(i, 7) % 1000) / 1000.0) AS conf
            FROM range({n_events}) r(i)""")
        con.execute("""
            CREATE TEMP TABLE names AS
            SELECT row_number() OVER (ORDER BY rowid) - 1 AS k, name FROM actors""")
        con.execute(f"""
            INSERT INTO events BY NAME
            SELECT 'ev' || g.i AS id, g.i + 1 AS seq,
                   n1.name || ' ' || {verbs}[g.t + 1] || ' ' || n2.name AS label,
                   {types}[g.t + 1] AS type,
                   CASE WHEN g.t < 7 THEN 'verbal cooperation' ELSE 'material conflict' END
                       AS quad_class,
                   g.d AS start, g.d + g.span AS "end", strftime(g.d, '%Y-%m-%d') AS value,
                   CASE WHEN g.span > 0 THEN 'range' ELSE 'day' END AS granularity,
                   n1.name AS source, n2.name AS target, false AS approximate,
                   1 + (g.i % 3)::INT AS articles, '' AS other_dates,
                   false AS human, g.conf AS confidence,
                   lower(n1.name || ' ' || {verbs}[g.t + 1] || ' ' || n2.name) AS search
            FROM gen g JOIN names n1 ON n1.k = g.a1 JOIN names n2 ON n2.k = g.a2""")
        con.execute("""
            INSERT INTO event_actors (event_id, ord, actor, event_seq, chunk)
            SELECT 'ev' || g.i, 0, n.name, g.i + 1, g.i + 1
            FROM gen g JOIN names n ON n.k = g.a1
            UNION ALL
            SELECT 'ev' || g.i, 1, n.name, g.i + 1, g.i + 1
            FROM gen g JOIN names n ON n.k = g.a2
            WHERE g.a2 <> g.a1""")
        con.execute(f"""
            INSERT INTO mentions (event_id, ord, article_id, text, start, "end", type, value,
                                  sentence, explanation, confidence, event_seq, chunk, search)
            SELECT 'ev' || g.i, m.k, 'a' || ((g.i * 7 + m.k) % 300000), 'on ' ||
                   strftime(g.d, '%B %d'), 10, 20, 'DATE', strftime(g.d, '%Y-%m-%d'),
                   g.sentence, 'absolute date', g.conf, g.i + 1, g.i + 1, lower(g.sentence)
            FROM (SELECT g.*, 'On ' || strftime(g.d, '%B %d') || ', ' || n1.name || ' ' ||
                              {verbs}[g.t + 1] || ' ' || n2.name || ' near sector ' ||
                              (g.i % 5000) || '.' AS sentence
                  FROM gen g JOIN names n1 ON n1.k = g.a1 JOIN names n2 ON n2.k = g.a2) g,
                 range(CASE WHEN g.i % 2 = 0 THEN 2 ELSE 1 END) m(k)""")
        con.execute("""
            INSERT INTO articles
            SELECT 'a' || i, 'h' || i, 'Article ' || i,
                   DATE '2005-01-01' + (i % 7300)::INT, NULL, 'https://example.org/' || i,
                   'bench', 'Body of article ' || i, i + 1
            FROM range(300000) r(i)""")
        store.rebuild_derived()  # the merge index and actor lanes, from those rows
        con.execute("CHECKPOINT")


QUERIES = {
    "count, no filter": lambda s: s.count_events(EventFilter()),
    "events: actor, table page": lambda s: s.events(
        EventFilter(actors=("Russia",)), limit=TABLE_ROWS
    ),
    "events: actor+affiliated, 1 year": lambda s: s.events(
        EventFilter(
            actors=("Russia",),
            include_affiliated=True,
            date_from=date(2015, 1, 1),
            date_to=date(2015, 12, 31),
        ),
        limit=TABLE_ROWS,
    ),
    "events: 2 types, 3 months": lambda s: s.events(
        EventFilter(
            types=("FIGHT", "ASSAULT"), date_from=date(2012, 3, 1), date_to=date(2012, 5, 31)
        ),
        limit=TABLE_ROWS,
    ),
    # at most AGGREGATE_ABOVE events in view: the dashboard draws every one of them
    "events: 1 type, 3 months, all": lambda s: s.events(
        EventFilter(types=("ASSAULT",), date_from=date(2012, 3, 1), date_to=date(2012, 5, 31))
    ),
    "count: rare actor": lambda s: s.count_events(EventFilter(actors=("Person 400",))),
    "events: text search": lambda s: s.events(
        EventFilter(text="ceasefire with country 7"), limit=TABLE_ROWS
    ),
    "count: text + actor + window": lambda s: s.count_events(
        EventFilter(
            text="sector 123",
            actors=("United States",),
            date_from=date(2010, 1, 1),
            date_to=date(2019, 12, 31),
        )
    ),
    "events: article": lambda s: s.events(EventFilter(articles=("a700",))),
    "count: min confidence": lambda s: s.count_events(EventFilter(min_confidence=0.9)),
    "actor counts, 5 years": lambda s: s.actor_counts(
        EventFilter(date_from=date(2010, 1, 1), date_to=date(2014, 12, 31))
    ),
    "actor counts, all": lambda s: s.actor_counts(EventFilter()),
    "type counts, actor+affiliated": lambda s: s.type_counts(
        EventFilter(actors=("Russia",), include_affiliated=True)
    ),
    "aggregate month x actor, 2 actors": lambda s: s.aggregate(
        EventFilter(actors=("Russia", "United States")),
        bucket="month",
        lane="actor",
        max_lanes=MAX_LANES,
    ),
    "aggregate month x actor, all": lambda s: s.aggregate(
        EventFilter(), bucket="month", lane="actor", max_lanes=MAX_LANES
    ),
    "aggregate week x type, 2 years": lambda s: s.aggregate(
        EventFilter(date_from=date(2016, 1, 1), date_to=date(2017, 12, 31)),
        bucket="week",
        lane="type",
    ),
    "aggregate month x type, all": lambda s: s.aggregate(
        EventFilter(), bucket="month", lane="type"
    ),
    "event by id": lambda s: s.event("ev123456"),
    # the article dropdowns: what is typed (matches in title, id or date), and no text
    "articles: title search": lambda s: s.find_articles("article 1234", 50),
    "articles: newest": lambda s: s.find_articles("", 50),
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--runs", type=int, default=30, help="timed runs per query")
    ap.add_argument("--db", type=Path, help="reuse or create the store here")
    ap.add_argument(
        "--read-only",
        action="store_true",
        help="measure the existing --db without writing it (no build, no migration)",
    )
    ap.add_argument("--only", metavar="TEXT", help="only the queries whose name contains TEXT")
    args = ap.parse_args()
    db = args.db or Path(tempfile.mkdtemp(prefix="geotimeline-qbench-")) / "bench.duckdb"
    if args.read_only:
        if not db.exists():
            ap.error(f"--read-only: {db} does not exist")
    else:
        if not db.exists():
            t0 = time.perf_counter()
            build(db, args.events)
            print(f"built {db} in {time.perf_counter() - t0:.1f} s")
        Store(db).close()  # a store from an older release is migrated first
    queries = {k: q for k, q in QUERIES.items() if not args.only or args.only in k}
    with Store(db, read_only=True) as store:
        stats = store.stats()
        print(
            f"store: {stats['events']:,} events, {stats['mentions']:,} mentions, "
            f"{stats['articles']:,} articles, {stats['actors']} actors; "
            f"file {db.stat().st_size / 2**20:.0f} MB"
        )
        print(f"load average before the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        print(f"{'query':<36}{'rows':>8}{'median ms':>11}{'p95 ms':>9}{'CPU ms':>9}")
        worst = 0.0
        for name, q in queries.items():
            out = q(store)  # warm-up
            rows = len(out) if isinstance(out, list) else (out if isinstance(out, int) else 1)
            times, cpu = [], []
            for _ in range(args.runs):
                t0, c0 = time.perf_counter(), time.process_time()
                q(store)
                times.append(1000 * (time.perf_counter() - t0))
                cpu.append(1000 * (time.process_time() - c0))
            times.sort()
            p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
            worst = max(worst, p95)
            print(
                f"{name:<36}{rows:>8}{statistics.median(times):>11.1f}{p95:>9.1f}"
                f"{statistics.median(cpu):>9.1f}"
            )
        print(f"worst p95: {worst:.1f} ms (target < 150 ms)")
        print(
            "CPU ms: median CPU time of the process (all DuckDB threads) per query, which "
            "other work on the machine does not inflate"
        )


if __name__ == "__main__":
    main()
