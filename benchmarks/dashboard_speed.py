"""Dashboard speed: server time of the filter callback and the size of what it sends.

For generated event sets of 1,000, 10,000 and 100,000 events in a DuckDB Store, posts the
dashboard's filter callback (the one that redraws figure, table, counts and option lists
for a URL) to the real Dash app through Flask's test client, for a rotation of filters,
and prints the median and 95th percentile of the server time (cold: the app's read
cache cleared first; warm: the same filter again), the process CPU time of the cold
requests, and the payload size.

    python benchmarks/dashboard_speed.py [--sizes 1000,10000,100000] [--repeat 5]

Target at 100,000 events: p95 under 150 ms, payload under 2 MB.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import random
import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from dashapp.app import SerializedStore, create_app  # noqa: E402
from dashapp.models import Actor, Article, Event, Extraction, Mention  # noqa: E402
from dashapp.store import Store  # noqa: E402

TYPES = (
    "CONSULT",
    "DISAPPROVE",
    "FIGHT",
    "ASSAULT",
    "AID",
    "COOPERATE",
    "THREATEN",
    "SANCTION",
    "STATEMENT",
    "MOBILIZE",
    "PROTEST",
    "ACCUSE",
)
QUAD = {
    "CONSULT": "verbal cooperation",
    "COOPERATE": "verbal cooperation",
    "AID": "material cooperation",
    "DISAPPROVE": "verbal conflict",
    "ACCUSE": "verbal conflict",
    "THREATEN": "verbal conflict",
    "FIGHT": "material conflict",
    "ASSAULT": "material conflict",
    "SANCTION": "material conflict",
    "MOBILIZE": "material conflict",
    "PROTEST": "verbal conflict",
    "STATEMENT": "neutral",
}
COUNTRIES = [f"Country {i:02d}" for i in range(30)]
PEOPLE = [(f"Leader {i:02d}", COUNTRIES[i % 30]) for i in range(30)]
WORDS = ("talks", "border", "troops", "sanctions", "summit", "ceasefire", "aid", "strike")
START = date(2015, 1, 1)
DAYS = 3650
FILTERS = (
    "",
    "?actor=Country+03",
    "?actor=Country+03&aff=1",
    "?type=FIGHT",
    "?from=2019-01-01&to=2019-06-30",
    "?q=ceasefire",
    "?actor=Country+01&actor=Leader+02&type=CONSULT",
    "?lane=type&color=type",
    "?from=2020-03-01&to=2020-03-14",
    "?conf=0.5&type=AID",
)


def generate(n: int, seed: int = 7) -> Extraction:
    """n events that the store keeps apart (distinct type, day and actors), spread over
    ten years and 60 actors, in articles of 500 events."""
    rng = random.Random(seed)
    actors = [Actor(c, "country") for c in COUNTRIES] + [
        Actor(p, "person", aff) for p, aff in PEOPLE
    ]
    names = [a.name for a in actors]
    seen: set[tuple[str, int, str]] = set()
    events: list[Event] = []
    articles: list[Article] = []
    while len(events) < n:
        type_ = rng.choice(TYPES)
        day = rng.randrange(DAYS)
        who = tuple(sorted(rng.sample(names, rng.choice((1, 2, 2, 3)))))
        # The store merges same-type events with a shared actor a day apart or less:
        # keep each (type, actor) at least two days from any other.
        near = [(type_, d, w) for w in who for d in (day - 1, day, day + 1)]
        if any(k in seen for k in near):
            continue
        seen.update((type_, day, w) for w in who)
        i = len(events)
        art = f"art{i // 500:04d}"
        if not articles or articles[-1].id != art:
            articles.append(
                Article(
                    id=art,
                    title=f"Generated article {art}",
                    date=START + timedelta(days=day),
                    url=f"https://example.org/{art}",
                    body="generated",
                )
            )
        d = START + timedelta(days=day)
        span = rng.random()
        if span < 0.9:
            first, last, gran, value = d, d, "day", d.isoformat()
        else:
            first, last, gran = d, d + timedelta(days=1), "range"
            value = f"{first.isoformat()}/{last.isoformat()}"
        word = rng.choice(WORDS)
        sentence = f"{who[0]} and others discussed the {word} on that day, officials said."
        m = Mention(
            article=art,
            text="on that day",
            start=0,
            end=11,
            type="DATE",
            value=value,
            sentence=sentence,
            explanation="generated",
            confidence=rng.choice((1.0, 0.9, 0.3)),
        )
        events.append(
            Event(
                id=f"ev{i:06d}",
                label=f"{who[0]} {type_.lower()} {word}",
                type=type_,
                quad_class=QUAD[type_],
                start=first,
                end=last,
                value=value,
                granularity=gran,
                actors=who,
                mentions=(m,),
                approximate=rng.random() < 0.05,
            )
        )
    return Extraction(tuple(articles), {}, tuple(events), tuple(actors))


def callback_body(search: str) -> dict:
    outputs = [
        ("timeline", "figure"),
        ("timeline", "config"),
        ("event-table", "children"),
        ("summary", "children"),
        ("f-actors", "options"),
        ("f-types", "options"),
    ]
    return {
        "output": ".." + "...".join(f"{i}.{p}" for i, p in outputs) + "..",
        "outputs": [{"id": i, "property": p} for i, p in outputs],
        "inputs": [
            {"id": "url", "property": "search", "value": search},
            {"id": "window", "property": "data", "value": {"range": None, "rev": 0}},
            {"id": "data-version", "property": "data", "value": 0},
        ],
        "changedPropIds": ["url.search"],
        "state": [],
    }


def measure(n: int, repeat: int) -> dict:
    t0 = time.perf_counter()
    store = Store(None)
    ext = generate(n)
    # One article per add: the store's unit of replacement.
    by_article: dict[str, list[Event]] = {}
    for ev in ext.events:
        by_article.setdefault(ev.mentions[0].article, []).append(ev)
    for art in ext.articles:
        store.add(Extraction((art,), {}, tuple(by_article.get(art.id, ())), ext.actors))
    load = time.perf_counter() - t0
    # The generated records are not the server's: drop them so that the garbage
    # collector does not walk a million objects during the timed requests.
    del ext, by_article
    gc.collect()
    stored = store.count_events()
    shared = SerializedStore(store)
    app = create_app(shared)  # type: ignore[arg-type]
    client = app.server.test_client()
    client.get("/")  # the page, as a browser would load it first
    # Each round asks every filter twice: cold (the app's read cache cleared first, as
    # after new data or for a filter nobody asked before), then warm (asked again, as
    # when a user toggles back and forth; store answers come from the cache).
    cold: list[float] = []
    warm: list[float] = []
    cpu: list[float] = []  # process CPU time of cold requests: less sensitive to load
    sizes: list[int] = []
    for _ in range(repeat):
        for search in FILTERS:
            body = json.dumps(callback_body(search))
            shared.clear_cache()
            for samples in (cold, warm):
                t, c = time.perf_counter(), time.process_time()
                resp = client.post(
                    "/_dash-update-component", data=body, content_type="application/json"
                )
                dt = (time.perf_counter() - t) * 1000
                assert resp.status_code == 200, (search, resp.status_code, resp.data[:300])
                samples.append(dt)
                if samples is cold:
                    cpu.append((time.process_time() - c) * 1000)
                sizes.append(len(resp.data))
    store.close()
    sizes.sort()
    return {
        "events": stored,
        "load_s": load,
        "cold": _stats(cold),
        "warm": _stats(warm),
        "cpu": _stats(cpu),
        "payload_median_kb": statistics.median(sizes) / 1024,
        "payload_max_kb": sizes[-1] / 1024,
    }


def _stats(times: list[float]) -> dict[str, float]:
    times = sorted(times)
    return {
        "median": statistics.median(times),
        "p95": times[min(len(times) - 1, math.ceil(0.95 * len(times)) - 1)],
        "max": times[-1],
        "n": len(times),
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", default="1000,10000,100000")
    p.add_argument(
        "--repeat",
        type=int,
        default=5,
        help="rounds over the filters; each asks every filter cold, then warm",
    )
    args = p.parse_args(argv)
    print(
        f"filter callback: {len(FILTERS)} filters x {args.repeat} rounds, Flask test client "
        "in process; cold = read cache cleared first, warm = the same filter asked again"
    )
    print(
        f"{'events':>8} | {'cold median':>11} {'p95':>6} {'max':>6} | {'warm median':>11} "
        f"{'p95':>6} {'max':>6} | {'CPU median':>10} {'p95':>6} | {'payload med':>11} {'max':>7}"
        f" | {'load s':>6}"
    )
    verdict = None
    for n in (int(s) for s in args.sizes.split(",")):
        r = measure(n, args.repeat)
        c, w = r["cold"], r["warm"]
        print(
            f"{r['events']:>8,} | {c['median']:>8.1f} ms {c['p95']:>6.1f} {c['max']:>6.1f} | "
            f"{w['median']:>8.1f} ms {w['p95']:>6.1f} {w['max']:>6.1f} | "
            f"{r['cpu']['median']:>7.1f} ms {r['cpu']['p95']:>6.1f} | "
            f"{r['payload_median_kb']:>8.0f} KB {r['payload_max_kb']:>4.0f} KB | "
            f"{r['load_s']:>6.1f}",
            flush=True,
        )
        if n >= 100_000:
            verdict = (c["p95"] < 150, w["p95"] < 150, r["payload_max_kb"] < 2048)
    load = os.getloadavg()[0]
    print(
        f"machine load average during the run: {load:.1f} on {os.cpu_count()} CPUs "
        "(wall times include waiting for a CPU)"
    )
    if verdict:
        print(
            f"target at 100,000 events: p95 < 150 ms cold {'met' if verdict[0] else 'NOT met'},"
            f" warm {'met' if verdict[1] else 'NOT met'}; payload < 2 MB "
            f"{'met' if verdict[2] else 'NOT met'}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
