"""Load test of the dashboard server: N simulated users for S seconds on 10,000 events.

Builds a store of realistic events through the Store API (actors from the built-in
gazetteer with a skewed popularity, PLOVER types, day/month/range dates over six years,
some events reported by several articles), starts the real server
(`python -m dashapp serve --db FILE --port P`, loopback only) and drives it with threads
that send what the browser sends: the page, the layout, the callback chains of a filter
change and of an event's details, and the callback of a CSV/JSON/TimelineJS export.
Every request goes to 127.0.0.1; the run stops by itself after --seconds.

    python benchmarks/load_test.py                      # 20 users, 60 s, 10,000 events
    python benchmarks/load_test.py --users 5 --seconds 10

Prints throughput, p50/p95/p99 latency per action and the errors; exits 1 on any error
(a non-200 answer or a Dash error payload) and 2 when the filter p95 misses --target-ms.
"""

from __future__ import annotations

import argparse
import http.client
import json
import math
import os
import random
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashapp.models import Actor, Article, Event, Mention, Timex  # noqa: E402
from dashapp.store import ArticleResult, Store  # noqa: E402

RESOURCES = ROOT / "dashapp" / "resources"
HOST = "127.0.0.1"
FIRST_DAY = date(2019, 1, 1)
DAYS = 6 * 365

# --------------------------------------------------------------------------- the store

# What a sentence of each type says: (label template, sentence template), {a}/{b} actors.
PHRASES = {
    "AGREE": ("{a} and {b} sign agreement", "{a} and {b} signed an agreement {d}."),
    "CONSULT": ("{a} and {b} hold talks", "{a} and {b} held talks in Geneva {d}."),
    "SUPPORT": ("{a} backs {b}", "{a} declared its backing for {b} {d}."),
    "CONCEDE": ("{a} agrees ceasefire with {b}", "{a} agreed a ceasefire with {b} {d}."),
    "COOPERATE": ("{a} and {b} exchange prisoners", "{a} and {b} exchanged prisoners {d}."),
    "AID": ("{a} sends aid to {b}", "{a} sent a shipment of military aid to {b} {d}."),
    "RETREAT": ("{a} withdraws troops from {b}", "{a} pulled its troops back from {b} {d}."),
    "REQUEST": ("{a} urges {b} to negotiate", "{a} urged {b} to return to talks {d}."),
    "ACCUSE": ("{a} accuses {b}", "{a} accused {b} of violating the truce {d}."),
    "REJECT": ("{a} rejects {b} proposal", "{a} rejected the proposal from {b} {d}."),
    "THREATEN": ("{a} warns {b}", "{a} warned {b} of severe consequences {d}."),
    "PROTEST": ("Protesters in {a} rally against {b}", "Thousands rallied in {a} {d}."),
    "SANCTION": ("{a} imposes sanctions on {b}", "{a} imposed new sanctions on {b} {d}."),
    "MOBILIZE": ("{a} masses troops near {b}", "{a} moved troops towards {b} {d}."),
    "COERCE": ("{a} detains {b} nationals", "{a} detained two citizens of {b} {d}."),
    "ASSAULT": ("{a} strikes {b}", "{a} launched missile strikes on {b} {d}."),
    "STATEMENT": ("{a} comments on {b}", "{a} said {d} that it was watching {b} closely."),
}
TYPE_WEIGHTS = {"STATEMENT": 6, "CONSULT": 5, "ACCUSE": 4, "ASSAULT": 4, "SANCTION": 2}
CONFIDENCES = (1.0, 1.0, 0.9, 0.8, 0.6, 0.4)


def read_quads() -> dict[str, str]:
    quads = {}
    for line in (RESOURCES / "events" / "plover.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            kind, quad = line.split("\t")[:2]
            quads[kind] = quad
    return quads


def read_actors(rng: random.Random, n: int = 150) -> list[Actor]:
    """`n` gazetteer actors, the big newsmakers first (their order gives a skewed
    popularity: news is mostly about a few actors)."""
    pool: list[Actor] = []
    for name in ("countries", "organisations", "people"):
        data = json.loads((RESOURCES / "actors" / f"{name}.json").read_text(encoding="utf-8"))
        for a in data["actors"]:
            aff = a.get("affiliation") if a["kind"] == "person" else None
            pool.append(Actor(a["name"], a["kind"], aff))
    first = ["Russia", "Ukraine", "United States", "China", "NATO", "European Union",
             "Israel", "Iran", "United Kingdom", "France", "Germany", "Turkey",
             "Vladimir Putin", "Volodymyr Zelensky", "Joe Biden", "Xi Jinping"]  # fmt: skip
    by_name = {a.name: a for a in pool}
    head = [by_name[x] for x in first if x in by_name]
    rest = [a for a in pool if a.name not in first]
    rng.shuffle(rest)
    return (head + rest)[:n]


@dataclass
class Generator:
    """Deterministic articles with events; `repeat` of the events retell an earlier one
    (same type, actors and day) so that the store merges them across articles."""

    seed: int = 7
    repeat: float = 0.15
    rng: random.Random = field(init=False)
    actors: list[Actor] = field(init=False)
    quads: dict[str, str] = field(init=False)
    told: list[tuple[str, tuple[str, ...], date, str]] = field(default_factory=list)
    n_articles: int = 0

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        self.actors = read_actors(self.rng)
        self.quads = read_quads()
        self._types = list(PHRASES)
        self._type_w = [TYPE_WEIGHTS.get(t, 1) for t in self._types]
        self._actor_w = [1 / (i + 1) ** 0.9 for i in range(len(self.actors))]

    def _pair(self) -> tuple[Actor, Actor]:
        a, b = self.rng.choices(self.actors, self._actor_w, k=2)
        while b.name == a.name:
            b = self.rng.choices(self.actors, self._actor_w)[0]
        return a, b

    def _date(self, day: date) -> tuple[str, str, str, date, date, str]:
        """(preposition, expression as written, TIMEX3 value, first, last, granularity)
        for an event on `day`."""
        r = self.rng.random()
        if r < 0.12:
            first = day.replace(day=1)
            last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
            return "in ", f"{day:%B %Y}", f"{day:%Y-%m}", first, last, "month"
        if r < 0.2 and day.day < 24:
            last = day + timedelta(days=self.rng.randint(1, 4))
            text = f"{day:%B} {day.day} and {last.day}"
            return "between ", text, f"{day.isoformat()}/{last.isoformat()}", day, last, "range"
        return "on ", f"{day:%B} {day.day}, {day.year}", day.isoformat(), day, day, "day"

    def article(self, n_events: int) -> ArticleResult:
        i = self.n_articles
        self.n_articles += 1
        aid = f"load{i:05d}"
        published = FIRST_DAY + timedelta(days=self.rng.randrange(DAYS))
        events, timexes, sentences = [], [], []
        offset = 0
        for k in range(n_events):
            if self.told and self.rng.random() < self.repeat:
                kind, names, day, label = self.rng.choice(self.told)
                by_name = {a.name: a for a in self.actors}
                a, b = by_name[names[0]], by_name[names[-1]]
            else:
                kind = self.rng.choices(self._types, self._type_w)[0]
                a, b = self._pair()
                day = published - timedelta(days=self.rng.randrange(0, 20))
                names = (a.name, b.name)
                label = PHRASES[kind][0].format(a=a.name, b=b.name)
                self.told.append((kind, names, day, label))
            prep, text, value, first, last, gran = self._date(day)
            sentence = PHRASES[kind][1].format(a=a.name, b=b.name, d=prep + text)
            start = offset + sentence.index(text)
            conf = self.rng.choice(CONFIDENCES)
            timexes.append(
                Timex(start, start + len(text), text, "DATE", value, first=first, last=last,
                      granularity=gran, explanation="explicit date", confidence=conf)
            )  # fmt: skip
            mention = Mention(aid, text, start, start + len(text), "DATE", value, sentence,
                              "explicit date", conf)  # fmt: skip
            events.append(
                Event(
                    f"{aid}-e{k}",
                    label,
                    kind,
                    self.quads[kind],
                    first,
                    last,
                    value,
                    gran,
                    names,
                    (mention,),
                    source=a.name,
                    target=b.name,
                    approximate=conf < 0.5,
                )  # fmt: skip
            )
            sentences.append(sentence)
            offset += len(sentence) + 1
        title = events[0].label if events else f"Article {i}"
        art = Article(aid, title, published, f"https://news.example.org/{aid}",
                      "\n".join(sentences), source=f"{aid}.txt")  # fmt: skip
        return ArticleResult(art, tuple(timexes), tuple(events))


def build_store(path: Path, n_events: int, *, seed: int = 7, batch: int = 200) -> float:
    """Fill a new store at `path` until it holds exactly `n_events` events; returns the
    seconds taken."""
    t0 = time.perf_counter()
    gen = Generator(seed=seed)
    with Store(path) as store:
        count = 0
        while count < n_events:
            missing = n_events - count
            results, planned = [], 0
            while planned < min(missing, batch * 5):
                # never plan more events than are missing: merges only lower the count
                k = min(gen.rng.randint(2, 8), missing - planned)
                results.append(gen.article(k))
                planned += k
            store.add_results(results, gen.actors)
            count = store.count_events()
    return time.perf_counter() - t0


def ensure_store(path: Path, n_events: int) -> str:
    """Reuse the store at `path` when it holds exactly `n_events` events, else build
    it. Returns a line saying which."""
    if path.exists():
        try:
            with Store(path, read_only=True) as store:
                if store.count_events() == n_events:
                    return f"reused {path} ({n_events:,} events)"
        except Exception:  # not a usable store: build a fresh one
            pass
        path.unlink()
        path.with_name(path.name + ".wal").unlink(missing_ok=True)
    seconds = build_store(path, n_events)
    with Store(path, read_only=True) as store:
        stats = store.stats()
    return (
        f"built {path}: {stats['events']:,} events from {stats['articles']:,} articles"
        f" ({stats['mentions']:,} mentions) in {seconds:.1f} s"
    )


# --------------------------------------------------------------------------- the server


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def start_server(db: Path, log: Path, *, timeout: float = 90.0) -> tuple[subprocess.Popen, int]:
    """`python -m dashapp serve --db db` on a free loopback port, ready to answer.
    Retries on another port if the chosen one was taken meanwhile."""
    for _ in range(3):
        port = free_port()
        with open(log, "ab") as fh:
            proc = subprocess.Popen(
                [sys.executable, "-m", "dashapp", "serve", "--db", str(db), "--port", str(port)],
                cwd=log.parent,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
                stdout=fh,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own group: kaleido's Chromium goes with it
            )
        end = time.monotonic() + timeout
        while time.monotonic() < end and proc.poll() is None:
            try:
                status, _, _ = request(port, "GET", "/_dash-layout", timeout=5)
                if status == 200:
                    return proc, port
            except OSError:
                pass
            time.sleep(0.2)
        stop_server(proc)
    raise RuntimeError(f"the server did not start; see {log}")


def stop_server(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)


def request(
    port: int, method: str, path: str, body: object = None, *, timeout: float = 60.0
) -> tuple[int, bytes, float]:
    """One HTTP request to the local server: (status, body, seconds)."""
    conn = http.client.HTTPConnection(HOST, port, timeout=timeout)
    data = json.dumps(body).encode("utf-8") if body is not None else None
    headers = {"Content-Type": "application/json", "Accept": "application/json"} if data else {}
    t0 = time.perf_counter()
    try:
        conn.request(method, path, body=data, headers=headers)
        resp = conn.getresponse()
        payload = resp.read()
    finally:
        conn.close()
    return resp.status, payload, time.perf_counter() - t0


# --------------------------------------------------------------------------- a small renderer
# The users speak the dash-renderer protocol, read from the server itself (as the browser
# does): the callbacks from /_dash-dependencies, the initial prop values from
# /_dash-layout. A changed prop fires every callback that takes it as an input, and their
# outputs fire the next ones, as in the browser; the bodies have the shape the renderer
# posts (compared with Chromium's requests for page load, filter, details and export).
# Not sent: clientside callbacks, and what the browser fires on its own and the server
# answers with 204 (plotly's first relayout, new row buttons, the upload store's value).

Key = tuple[str, str]  # (component id, property); a pattern id stays a JSON string


@dataclass(frozen=True)
class Callback:
    output: str  # the server's key for the callback
    outputs: list[dict] | dict
    inputs: tuple[Key, ...]
    state: tuple[Key, ...]
    initial: bool  # fired when the page loads

    @property
    def name(self) -> str:
        """The first output without its duplicate hash: "url.search", "download.data"."""
        first = self.outputs[0] if isinstance(self.outputs, list) else self.outputs
        return f"{first['id']}.{first['property'].split('@')[0]}"


def parse_dependencies(deps: list[dict]) -> list[Callback]:
    out = []
    for d in deps:
        if d.get("clientside_function") or d.get("no_output"):
            continue
        spec = d["output"]
        parts = spec[2:-2].split("...") if spec.startswith("..") else [spec]
        outputs = [{"id": p.split(".", 1)[0], "property": p.split(".", 1)[1]} for p in parts]
        out.append(
            Callback(
                output=spec,
                outputs=outputs if spec.startswith("..") else outputs[0],
                inputs=tuple((i["id"], i["property"]) for i in d["inputs"]),
                state=tuple((s["id"], s["property"]) for s in d.get("state", [])),
                initial=not d.get("prevent_initial_call"),
            )
        )
    return out


def layout_props(node: object, into: dict[Key, object] | None = None) -> dict[Key, object]:
    """(id, prop) -> value of every component with a string id in a layout tree."""
    into = {} if into is None else into
    if isinstance(node, list):
        for child in node:
            layout_props(child, into)
    elif isinstance(node, dict):
        props = node.get("props")
        if isinstance(props, dict):
            cid = props.get("id")
            if isinstance(cid, str):
                for prop, value in props.items():
                    if prop not in ("id", "children"):
                        into[(cid, prop)] = value
            for value in props.values():
                if isinstance(value, (dict, list)):
                    layout_props(value, into)
    return into


def _row_ids(node: object) -> list[str]:
    """Event ids of the table's "Details" buttons in a rendered component tree."""
    if isinstance(node, dict):
        if node.get("type") == "row-details" and isinstance(node.get("index"), str):
            return [node["index"]]
        return [i for v in node.values() for i in _row_ids(v)]
    if isinstance(node, list):
        return [i for v in node for i in _row_ids(v)]
    return []


# --------------------------------------------------------------------------- users

WORDS = ("talks", "sanctions", "ceasefire", "missile", "aid", "troops", "agreement")
FILTERS = ("f-types", "f-actors", "f-from", "f-text", "f-confidence", "f-lane", "f-types",
           "f-actors", "clear")  # fmt: skip


class Failed(Exception):
    """A request that got a non-200/204 answer, a Dash error or a wrong payload."""


@dataclass
class Recorder:
    """Latency samples per action, and the errors, shared by the user threads."""

    samples: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    requests: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, action: str, seconds: float, error: str | None = None, *, http: bool = True):
        with self.lock:
            self.requests += http
            if error is None:
                self.samples[action].append(seconds)
            else:
                self.errors[action].append(error)


@dataclass
class User:
    """One simulated person with a browser tab: opens the page, changes filters, opens
    event details, exports; thinks between actions."""

    port: int
    callbacks: list[Callback]
    rec: Recorder
    deadline: float
    rng: random.Random
    think: float
    end_id: str = ""
    props: dict[Key, object] = field(default_factory=dict)
    rows: list[str] = field(default_factory=list)
    clicks: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    # ------------------------------------------------------------ plumbing

    def _call(self, action: str, method: str, path: str, body: object = None) -> bytes:
        try:
            status, payload, seconds = request(self.port, method, path, body)
        except (OSError, http.client.HTTPException) as exc:  # refused, reset, cut short
            self.rec.add(action, 0.0, f"{type(exc).__name__}: {exc}")
            raise Failed(action) from None
        if status not in (200, 204):
            snippet = payload[:80].decode("utf-8", "replace").replace("\n", " ")
            self.rec.add(action, seconds, f"HTTP {status}: {snippet}")
            raise Failed(action)
        self.rec.add(action, seconds)
        return payload if status == 200 else b""

    def _check(self, action: str, ok: bool, problem: str) -> None:
        if not ok:
            self.rec.add(action, 0.0, problem, http=False)
            raise Failed(action)

    def _item(self, key: Key) -> dict | list:
        cid, prop = key
        if cid.startswith("{"):  # pattern-matching input: every row's button
            pattern = json.loads(cid)
            return [
                {"id": {**pattern, "index": r}, "property": prop, "value": self.clicks[r]}
                for r in self.rows
            ]
        item: dict = {"id": cid, "property": prop}
        if self.props.get(key) is not None:  # the renderer leaves undefined values out
            item["value"] = self.props[key]
        return item

    @property
    def update_path(self) -> str:
        return "/_dash-update-component" + (f"?endId={self.end_id}" if self.end_id else "")

    def body(self, cb: Callback, changed: list[str]) -> dict:
        """What the renderer posts for `cb` when the props `changed` ("id.prop") changed."""
        body: dict = {
            "output": cb.output,
            "outputs": cb.outputs,
            "inputs": [self._item(k) for k in cb.inputs],
            "changedPropIds": changed,
            "parsedChangedPropsIds": [
                json.loads(c.rsplit(".", 1)[0]) if c.startswith("{") else c for c in changed
            ],
        }
        if cb.state:
            body["state"] = [self._item(k) for k in cb.state]
        return body

    def fire(self, cb: Callback, changed: list[str]) -> set[Key]:
        """Post one callback; merge its answer into the page. Returns what changed."""
        action = f"cb {cb.name}"
        raw = self._call(action, "POST", self.update_path, self.body(cb, changed))
        if not raw:
            return set()
        try:
            response = json.loads(raw)["response"]
            assert isinstance(response, dict)
        except (ValueError, KeyError, AssertionError):
            self._check(action, False, "not a Dash callback answer")
            raise
        out: set[Key] = set()
        for cid, props in response.items():
            for prop, value in props.items():
                key = (cid, prop.split("@")[0])
                self.props[key] = value
                out.add(key)
        if ("event-table", "children") in out:
            self.rows = list(dict.fromkeys(_row_ids(self.props[("event-table", "children")])))
        self._check_answer(action, out)
        return out

    def _check_answer(self, action: str, changed: set[Key]) -> None:
        """The page-level errors a callback reports with a 200: a view without its
        count, a failed export, a correction message in red."""
        if ("summary", "children") in changed:
            text = self.props[("summary", "children")]
            ok = isinstance(text, str) and re.match(r"[\d,]+ events?\b", text) is not None
            self._check(action, ok, f"unexpected summary {str(text)[:60]!r}")
        if ("export-msg", "children") in changed:
            msg = str(self.props[("export-msg", "children")])
            data = self.props.get(("download", "data")) or {}
            ok = msg.startswith("Exported") and bool(data.get("content"))
            self._check(action, ok, msg[:80])

    def cascade(self, changed: set[Key], ids: list[str]) -> None:
        """Fire what `changed` triggers, then what their outputs trigger."""
        done: set[str] = set()
        for _ in range(6):
            todo = [
                cb for cb in self.callbacks
                if cb.output not in done and any(k in changed for k in cb.inputs)
            ]  # fmt: skip
            if not todo:
                return
            changed_next: set[Key] = set()
            for cb in todo:
                done.add(cb.output)
                # a pattern input names the one component that changed, given in `ids`
                hit = [(c, p) for c, p in cb.inputs if (c, p) in changed]
                fired = [f"{c}.{p}" for c, p in hit if not c.startswith("{")]
                fired += ids if any(c.startswith("{") for c, _ in hit) else []
                changed_next |= self.fire(cb, fired)
            changed = changed_next

    def _sleep(self) -> bool:
        """Think; False when the run is over."""
        pause = self.rng.uniform(0.5, 1.5) * self.think
        left = self.deadline - time.monotonic()
        time.sleep(max(0.0, min(pause, left)))
        return time.monotonic() < self.deadline

    # ------------------------------------------------------------ actions

    def open_page(self) -> None:
        t0 = time.perf_counter()
        index = self._call("GET /", "GET", "/").decode("utf-8", "replace")
        found = re.search(r'"end_id":\s*"([^"]+)"', index)
        self.end_id = found.group(1) if found else ""
        layout = json.loads(self._call("GET /_dash-layout", "GET", "/_dash-layout"))
        self._call("GET /_dash-dependencies", "GET", "/_dash-dependencies")
        self.props = layout_props(layout)
        self.props[("url", "search")] = ""
        self.props[("url", "pathname")] = "/"
        self.rows, self.clicks = [], defaultdict(int)
        changed: set[Key] = set()
        for cb in self.callbacks:
            if cb.initial and not any(c.startswith("{") for c, _ in cb.inputs):
                url = [f"{c}.{p}" for c, p in cb.inputs if c == "url"]
                changed |= self.fire(cb, url)
        self.cascade(changed - {("url", "search")}, [])
        self.rec.add("= open page (sequential)", time.perf_counter() - t0, http=False)

    def change_filter(self) -> None:
        props = self.props
        what = self.rng.choice(FILTERS)
        options = {
            c: [o["value"] for o in props.get((c, "options")) or [] if isinstance(o, dict)]
            for c in ("f-types", "f-actors")
        }
        if what in options and options[what]:
            pool = options[what][:40]
            props[(what, "value")] = self.rng.sample(pool, min(len(pool), self.rng.randint(1, 2)))
        elif what == "f-from":
            year = self.rng.randint(2019, 2024)
            props[("f-from", "value")] = f"{year}-01-01"
            props[("f-to", "value")] = f"{year}-{self.rng.randint(3, 12):02d}-28"
        elif what == "f-text":
            props[(what, "value")] = self.rng.choice(WORDS)
        elif what == "f-confidence":
            props[(what, "value")] = [] if props.get((what, "value")) else ["high"]
        elif what == "f-lane":
            props[(what, "value")] = "type" if props.get((what, "value")) == "actor" else "actor"
        else:
            what = "f-clear"
            self.clicks[what] += 1
        key = (what, "n_clicks" if what == "f-clear" else "value")
        if what == "f-clear":
            props[key] = self.clicks[what]
        t0 = time.perf_counter()
        self.cascade({key}, [])
        self.rec.add("= filter change (chain)", time.perf_counter() - t0, http=False)

    def open_details(self) -> None:
        if not self.rows:
            return
        eid = self.rng.choice(self.rows)
        self.clicks[eid] += 1
        pattern = next(c for cb in self.callbacks for c, _ in cb.inputs if c.startswith("{"))
        cid = json.dumps({**json.loads(pattern), "index": eid}, separators=(",", ":"))
        t0 = time.perf_counter()
        self.cascade({(pattern, "n_clicks")}, [f"{cid}.n_clicks"])
        self._check("= open details (chain)", self.props.get(("selected-event", "data")) == eid,
                    f"{eid} was not selected")  # fmt: skip
        self.rec.add("= open details (chain)", time.perf_counter() - t0, http=False)

    def export(self) -> None:
        # No PNG/SVG/PDF: dashapp/export.py starts kaleido with its default page, which
        # loads MathJax from cdnjs.cloudflare.com, and a load test sends nothing off
        # this machine.
        fmt = self.rng.choices(("csv", "json", "timelinejs"), (6, 2, 1))[0]
        button = f"export-{fmt}"
        self.clicks[button] += 1
        self.props[(button, "n_clicks")] = self.clicks[button]
        self.props[("export-msg", "children")] = None
        t0 = time.perf_counter()
        self.cascade({(button, "n_clicks")}, [])
        self._check(f"= export {fmt}", self.props.get(("export-msg", "children")) is not None,
                    "the export callback answered nothing")  # fmt: skip
        self.rec.add(f"= export {fmt}", time.perf_counter() - t0, http=False)

    def run(self) -> None:
        while time.monotonic() < self.deadline:
            try:
                self.open_page()
                for _ in range(self.rng.randint(6, 12)):
                    if not self._sleep():
                        return
                    r = self.rng.random()
                    if r < 0.65:
                        self.change_filter()
                    elif r < 0.88:
                        self.open_details()
                    else:
                        self.export()
            except Failed:
                self._sleep()  # a person reloads the page after a failure


# --------------------------------------------------------------------------- report


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (Linux /proc; 0 elsewhere)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile of a non-empty list."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


def server_errors(log: Path) -> list[str]:
    """Exceptions the server logged (Flask prints "Exception on ..." and a traceback)."""
    lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    out = []
    for i, line in enumerate(lines):
        if "Exception on " in line or line.startswith("Traceback"):
            tail = next(
                (x for x in lines[i + 1 : i + 300] if re.match(r"^\w[\w.]*(Error|Exception)", x)),
                "",
            )
            out.append(f"{line.strip()} -> {tail.strip()}")
    # Flask's own line and its traceback describe one exception: keep Flask's
    return [x for x in out if not x.startswith("Traceback")] or out


def report(rec: Recorder, elapsed: float, users: int, think: float, target_ms: float) -> bool:
    """Print the table; True when the filter-change p95 meets the target."""
    rows = sorted(set(rec.samples) | set(rec.errors), key=lambda a: (a.startswith("="), a))
    print(f"\n{users} users for {elapsed:.1f} s, think time {think:g} s (±50%) between actions")
    print(f"{rec.requests:,} HTTP requests, {rec.requests / elapsed:.1f} requests/s; "
          f"{sum(len(v) for v in rec.errors.values())} errors\n")  # fmt: skip
    head = f"{'action':<28} {'count':>6} {'errors':>6}" + "".join(
        f" {h:>8}" for h in ("p50 ms", "p95 ms", "p99 ms", "max ms")
    )
    print(head)
    print("-" * len(head))
    for action in rows:
        s = rec.samples.get(action, [])
        cells = [f"{1000 * percentile(s, q):8.0f}" for q in (50, 95, 99)] if s else ["       -"] * 3
        top = f"{1000 * max(s):8.0f}" if s else "       -"
        print(
            f"{action:<28} {len(s):>6} {len(rec.errors.get(action, [])):>6} {' '.join(cells)} {top}"
        )
    filt = rec.samples.get("= filter change (chain)", [])
    p95 = 1000 * percentile(filt, 95) if filt else math.inf
    met = p95 < target_ms
    verdict = "meets" if met else "MISSES"
    print(f"\nfilter change p95 {p95:.0f} ms: {verdict} the {target_ms:g} ms target")
    return met


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=20, help="concurrent users (default 20)")
    parser.add_argument("--seconds", type=float, default=60.0, help="duration (default 60)")
    parser.add_argument("--events", type=int, default=10_000, help="events in the store")
    parser.add_argument(
        "--think",
        type=float,
        default=1.0,
        metavar="S",
        help="mean pause between a user's actions, uniform within ±50%% (default 1 s; 0: none)",
    )
    parser.add_argument(
        "--target-ms", type=float, default=500.0, help="filter-change p95 target (default 500)"
    )
    parser.add_argument(
        "--db",
        type=Path,
        metavar="FILE",
        help="keep the store here and reuse it next time (default: a temporary file)",
    )
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--warm-up",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="one page load before the clock starts (default: on)",
    )
    args = parser.parse_args(argv)
    if not (1 <= args.users <= 200 and 0 < args.seconds <= 600):
        parser.error("--users must be 1..200 and --seconds 0..600")

    with tempfile.TemporaryDirectory(prefix="geotimeline-load-") as tmp:
        db = args.db or Path(tmp) / "load.duckdb"
        print(ensure_store(db, args.events), flush=True)
        log = Path(tmp) / "server.log"
        proc, port = start_server(db, log)
        print(f"server pid {proc.pid} on http://{HOST}:{port}/ (log {log})", flush=True)
        rec = Recorder()
        load_before = os.getloadavg()[0]
        try:
            _, deps, _ = request(port, "GET", "/_dash-dependencies")
            callbacks = parse_dependencies(json.loads(deps))
            if args.warm_up:
                # One visitor before the clock starts, as after any start: the first
                # callbacks import modules lazily and fill caches (--no-warm-up: cold).
                first = User(port, callbacks, rec, math.inf, random.Random(0), 0.0)
                try:
                    first.open_page()
                except Failed:
                    pass
                rec.samples.clear()
                rec.requests = 0
            t0 = time.monotonic()
            cpu0, mine0 = cpu_seconds(proc.pid), sum(os.times()[:2])
            deadline = t0 + args.seconds
            users = [
                User(
                    port, callbacks, rec, deadline, random.Random(args.seed * 1000 + i), args.think
                )
                for i in range(args.users)
            ]
            threads = [threading.Thread(target=u.run, daemon=True) for u in users]
            for t in threads:
                t.start()
            for t in threads:
                t.join(args.seconds + 120)  # a request in flight may finish after the end
            elapsed = time.monotonic() - t0
            cpu, mine = cpu_seconds(proc.pid) - cpu0, sum(os.times()[:2]) - mine0
            alive = proc.poll() is None
        finally:
            stop_server(proc)
        logged = server_errors(log)
    met = report(rec, elapsed, args.users, args.think, args.target_ms)
    print(f"CPU in {elapsed:.1f} s: server {cpu:.1f} s ({cpu / elapsed:.2f} cores), these users"
          f" {mine:.1f} s ({mine / elapsed:.2f} cores); machine: {os.cpu_count()} CPUs, load"
          f" average {load_before:.1f} before, {os.getloadavg()[0]:.1f} after")  # fmt: skip
    errors = sum(len(v) for v in rec.errors.values())
    for action, problems in sorted(rec.errors.items()):
        for problem, n in Counter(problems).most_common(5):
            print(f"  error: {action}: {n} x {problem}")
    if logged:
        print(f"server log: {len(logged)} exceptions")
        for line, n in Counter(logged).most_common(5):
            print(f"  {n} x {line[:200]}")
    if not alive:
        print("the server died during the run")
    if errors or logged or not alive:
        return 1
    return 0 if met else 2


if __name__ == "__main__":
    sys.exit(main())
