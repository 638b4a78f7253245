"""Events benchmark: the pipeline's dated events scored against hand-made gold, and its speed.

usage:
    python benchmarks/events_eval.py [--gold-dir DIR ...] [-v] [--self-check]
                                     [--no-timing] [--min-seconds S] [--scraped [punctuation]]
                                     [--json]

Gold files are ``*.gold.json`` beside their article ``.txt`` (format:
tests/data/events_dev/README.md). Default: ``tests/data/events_dev`` and ``../shared/seed``,
relative to the repository root.

Scoring (as the project's hidden evaluation does it): a gold event counts as *found* when a
predicted event has its date -- the predicted TIMEX value equals the gold ``date`` or one of its
``acceptable_dates`` (a range is compared as its range value "2022-01-09/2022-01-10") -- and
shares at least one actor with it. Per article:

- recall = found gold events / gold events, with a one-to-one matching (candidate pairs taken
  greedily, largest actor overlap first);
- precision = predicted events that match some gold event by the same rule / predicted events
  (not one-to-one: a duplicate of a found event still counts, as in the hidden evaluation);
  ``precision_1to1`` is the stricter share of predictions used by the one-to-one matching;
- actor P/R/F1 over the matched pairs: predicted vs gold actor sets, micro-averaged;
- type accuracy over the matched pairs whose gold event has a type (informative).

Totals add the per-article counts (micro-average). ``--self-check`` feeds the gold events back
as predictions, which must score 100% everywhere: a check of the scorer and of the gold files.

Timing: `dashapp.temporal.tag` alone vs the whole `dashapp.pipeline.extract_article` (tagging,
actors, events) on every article, measured interleaved in one pass: each article is tagged
and extracted back to back, tag first on even repetitions and extraction first on odd ones
(so that neither always runs with the other's caches warm). A repetition gives the mean time
per article of each; the dev set is repeated until at least ``--min-seconds`` have been
measured (and at least 10 times), and the figures are the medians over the repetitions; the
overhead of actors+events is (extract - tag) / tag, with its interquartile range over the
repetitions. Then the same for a generated 400-word article, and one more interleaved pass
that times the stages apart (tag, actors, events). Times are the process's CPU time
(``--wall`` for wall-clock time), so other processes on a shared machine disturb them little;
the load average is printed with them.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import random
import statistics
import sys
import time
import traceback
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD_DIRS = ("tests/data/events_dev", "../shared/seed")
OVERHEAD_TARGET = 50.0  # percent of tagging time

COUNT_KEYS = (
    "gold",
    "predicted",
    "found",
    "predicted_matching",
    "pairs",
    "actor_tp",
    "actor_fp",
    "actor_fn",
    "type_correct",
    "type_total",
    # why gold events were missed (diagnostic; they add up to gold - found)
    "missed_no_actor",  # some prediction has the date but no actor in common
    "missed_wrong_date",  # else: some prediction shares an actor, on another date
    "missed_absent",  # else: nothing near it
)


# --------------------------------------------------------------------------- scoring


@dataclass(frozen=True, slots=True)
class _Ev:
    """One event reduced to what the scorer reads."""

    dates: frozenset[str]  # accepted values (gold) or the one predicted value
    actors: frozenset[str]  # case-folded canonical names
    type: str | None
    label: str
    shown_date: str


def _field(ev: Any, *names: str) -> Any:
    for name in names:
        if isinstance(ev, Mapping):
            if name in ev:
                return ev[name]
        elif hasattr(ev, name):
            return getattr(ev, name)
    return None


def _norm_value(value: object) -> str:
    return "".join(str(value).split()) if value is not None else ""


def _fold_accents(name: str) -> str:
    """ "Slobodan Milošević" -> "Slobodan Milosevic" (the marks NFKD splits off, dropped)."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _norm_actors(actors: object, fold: bool = False) -> frozenset[str]:
    if not actors:
        return frozenset()
    if isinstance(actors, str):
        actors = [actors]
    names = (" ".join(str(a).split()).casefold() for a in actors if str(a).strip())
    return frozenset(_fold_accents(n) if fold else n for n in names)


def _gold(ev: Any, fold: bool = False) -> _Ev:
    main = _norm_value(_field(ev, "date", "value"))
    accepted = {main} | {_norm_value(v) for v in (_field(ev, "acceptable_dates") or ())}
    accepted.discard("")
    typ = _field(ev, "type")
    return _Ev(
        dates=frozenset(accepted),
        actors=_norm_actors(_field(ev, "actors"), fold),
        type=str(typ).strip().upper() if typ else None,
        label=str(_field(ev, "label") or ""),
        shown_date=main,
    )


def _pred(ev: Any, fold: bool = False) -> _Ev:
    value = _norm_value(_field(ev, "value", "date"))
    typ = _field(ev, "type")
    return _Ev(
        dates=frozenset({value} - {""}),
        actors=_norm_actors(_field(ev, "actors"), fold),
        type=str(typ).strip().upper() if typ else None,
        label=str(_field(ev, "label") or ""),
        shown_date=value,
    )


def _matches(g: _Ev, p: _Ev) -> bool:
    return bool(g.dates & p.dates) and bool(g.actors & p.actors)


def match(gold: Sequence[_Ev], pred: Sequence[_Ev]) -> list[tuple[int, int]]:
    """One-to-one (gold index, predicted index) pairs: every candidate pair (same date, an
    actor in common) ranked by actor overlap, then Jaccard similarity, then order; taken
    greedily."""
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            if _matches(g, p):
                inter = len(g.actors & p.actors)
                jacc = inter / len(g.actors | p.actors)
                cands.append((-inter, -jacc, gi, pi))
    cands.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, _, gi, pi in cands:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def metrics(counts: Mapping[str, int]) -> dict[str, float | None]:
    """Rates from counts (None where the denominator is 0)."""

    def div(a: int, b: int) -> float | None:
        return a / b if b else None

    ap = div(counts["actor_tp"], counts["actor_tp"] + counts["actor_fp"])
    ar = div(counts["actor_tp"], counts["actor_tp"] + counts["actor_fn"])
    recall = div(counts["found"], counts["gold"])
    precision = div(counts["predicted_matching"], counts["predicted"])
    f1 = None
    if recall is not None and precision is not None:
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "recall": recall,
        "precision": precision,
        "f1": f1,
        "precision_1to1": div(counts["pairs"], counts["predicted"]),
        "actor_precision": ap,
        "actor_recall": ar,
        "actor_f1": (2 * ap * ar / (ap + ar) if ap + ar else 0.0)
        if ap is not None and ar is not None
        else None,
        "type_accuracy": div(counts["type_correct"], counts["type_total"]),
    }


def score(
    gold_events: Iterable[Any], predicted_events: Iterable[Any], *, fold_accents: bool = False
) -> dict[str, Any]:
    """Score one article's predicted events against its gold events.

    `gold_events`: mappings (or objects) with ``date``, optional ``acceptable_dates``,
    ``actors``, optional ``type`` and ``label`` -- the gold-file format. `predicted_events`:
    `dashapp.models.Event` records or mappings with ``value`` (or ``date``), ``actors``,
    optional ``type`` and ``label``. Pure: reads nothing else.

    Returns the counts of COUNT_KEYS, the rates of `metrics`, ``pairs_list`` (one-to-one
    (gold index, predicted index) pairs), ``missed`` (indices of gold events not found) and
    ``extra`` (indices of predictions matching no gold event). `fold_accents`: actor names
    compared without their accents ("Milošević" = "Milosevic"), as spelling variants."""
    gold = [_gold(e, fold_accents) for e in gold_events]
    pred = [_pred(e, fold_accents) for e in predicted_events]
    pairs = match(gold, pred)
    counts = dict.fromkeys(COUNT_KEYS, 0)
    counts["gold"] = len(gold)
    counts["predicted"] = len(pred)
    counts["found"] = len(pairs)
    counts["pairs"] = len(pairs)
    extra = [pi for pi, p in enumerate(pred) if not any(_matches(g, p) for g in gold)]
    counts["predicted_matching"] = len(pred) - len(extra)
    for gi, pi in pairs:
        g, p = gold[gi], pred[pi]
        counts["actor_tp"] += len(g.actors & p.actors)
        counts["actor_fp"] += len(p.actors - g.actors)
        counts["actor_fn"] += len(g.actors - p.actors)
        if g.type:
            counts["type_total"] += 1
            counts["type_correct"] += int(g.type == p.type)
    found = {gi for gi, _ in pairs}
    for gi in range(len(gold)):
        if gi in found:
            continue
        g = gold[gi]
        if any(g.dates & p.dates for p in pred):
            counts["missed_no_actor"] += 1
        elif any(g.actors & p.actors for p in pred):
            counts["missed_wrong_date"] += 1
        else:
            counts["missed_absent"] += 1
    return {
        **counts,
        **metrics(counts),
        "pairs_list": pairs,
        "missed": [gi for gi in range(len(gold)) if gi not in found],
        "extra": extra,
    }


def total(results: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """Micro-average: counts added over articles, rates recomputed."""
    counts = dict.fromkeys(COUNT_KEYS, 0)
    for r in results:
        for k in COUNT_KEYS:
            counts[k] += r[k]
    return {**counts, **metrics(counts)}


# --------------------------------------------------------------------------- gold files


@dataclass(frozen=True, slots=True)
class GoldDoc:
    gold_path: Path
    text_path: Path
    events: list[dict[str, Any]]


def find_gold(dirs: Sequence[str | Path]) -> list[GoldDoc]:
    """Every ``*.gold.json`` with its article text, in name order, under `dirs` (relative to
    the repository root unless absolute)."""
    docs = []
    for d in dirs:
        folder = Path(d) if Path(d).is_absolute() else ROOT / d
        if not folder.is_dir():
            print(f"warning: no gold folder {folder}", file=sys.stderr)
            continue
        for gp in sorted(folder.glob("*.gold.json")):
            data = json.loads(gp.read_text(encoding="utf-8"))
            name = data.get("file") or gp.name.removesuffix(".gold.json") + ".txt"
            tp = gp.with_name(name)
            if not tp.is_file():
                print(f"warning: {gp}: no article {tp.name}", file=sys.stderr)
                continue
            docs.append(GoldDoc(gp, tp, list(data.get("events", []))))
    return docs


# --------------------------------------------------------------------------- pipeline


def _import_pipeline() -> tuple[Any, Any, Any, Any]:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from dashapp import pipeline, temporal
    from dashapp.ingest import load

    gazetteer = None
    try:
        from dashapp.actors import Gazetteer

        gazetteer = Gazetteer.load()
    except Exception as exc:  # the pipeline then loads its own, or fails loudly below
        print(f"note: Gazetteer.load() failed ({type(exc).__name__}: {exc})", file=sys.stderr)
    return load, temporal.tag, pipeline, gazetteer


def _extract_one(pipeline: Any, article: Any, gazetteer: Any) -> list[Any]:
    kwargs = {"gazetteer": gazetteer} if gazetteer is not None else {}
    if hasattr(pipeline, "extract_article"):
        _, events = pipeline.extract_article(article, **kwargs)
        return list(events)
    return list(pipeline.extract([article], **kwargs).events)


def _pct(x: float | None) -> str:
    return "  n/a" if x is None else f"{100 * x:5.1f}"


def _fmt_ev(ev: _Ev) -> str:
    actors = ", ".join(sorted(ev.actors))
    return f"{ev.shown_date:<23} {ev.type or '-':<10} {ev.label[:50]!r} [{actors}]"


_PUNCTUATION_LOST = str.maketrans("", "", "'\"\u2018\u2019\u201c\u201d\u2013\u2014")


def scraped(text: str, letters: bool = True) -> str:
    """`text` as a scraped copy gives it (the owner's example is one): apostrophes, quotes
    and dashes gone, straight or curly ("Thursday's" -> "Thursdays", "cannot \u2014 I'll"
    -> "cannot  Ill"); with `letters`, every other character outside ASCII too ("Wa\u0142\u0119sa"
    -> "Wasa")."""
    text = text.translate(_PUNCTUATION_LOST)
    return text.encode("ascii", "ignore").decode("ascii") if letters else text


def run_scoring(
    docs: Sequence[GoldDoc],
    *,
    self_check: bool,
    verbose: bool,
    scrape: str | None = None,
    fold_accents: bool = False,
) -> dict[str, Any]:
    load = tag = pipeline = gazetteer = None
    if not self_check:
        try:
            load, tag, pipeline, gazetteer = _import_pipeline()
        except Exception as exc:
            print(f"error: cannot import the pipeline: {type(exc).__name__}: {exc}")
            return {"error": str(exc)}
    results = []
    errors = 0
    for doc in docs:
        if self_check:
            predicted: list[Any] = [
                {
                    "value": e["date"],
                    "actors": e["actors"],
                    "type": e.get("type"),
                    "label": e.get("label"),
                }
                for e in doc.events
            ]
        else:
            try:
                (article,) = load(doc.text_path)
                if scrape:
                    body = scraped(article.body, letters=scrape == "all")
                    article = dataclasses.replace(article, body=body)
                predicted = _extract_one(pipeline, article, gazetteer)
            except Exception as exc:
                errors += 1
                predicted = []
                print(f"  {doc.text_path.name}: pipeline error {type(exc).__name__}: {exc}")
                if verbose:
                    traceback.print_exc(limit=3, file=sys.stdout)
        r = score(doc.events, predicted, fold_accents=fold_accents)
        results.append(r)
        if verbose:
            print(
                f"{doc.text_path.stem[:40]:<40} gold {r['gold']:3d}  pred {r['predicted']:3d}  "
                f"found {r['found']:3d}  R {_pct(r['recall'])}  P {_pct(r['precision'])}  "
                f"actorF1 {_pct(r['actor_f1'])}  type {_pct(r['type_accuracy'])}"
            )
            gold = [_gold(e, fold_accents) for e in doc.events]
            pred = [_pred(e, fold_accents) for e in predicted]
            for gi in r["missed"]:
                print(f"    missed {_fmt_ev(gold[gi])}")
            for pi in r["extra"]:
                print(f"    extra  {_fmt_ev(pred[pi])}")
            for gi, pi in r["pairs_list"]:
                g, p = gold[gi], pred[pi]
                if g.actors != p.actors or (g.type and g.type != p.type):
                    print(f"    gold   {_fmt_ev(g)}\n      got  {_fmt_ev(p)}")
    tot = total(results)
    tot["articles"] = len(docs)
    tot["errors"] = errors
    return tot


def generated_article(words: int = 400, seed: int = 7) -> str:
    """A deterministic news-like body of about `words` words, dense with dated clauses."""
    rng = random.Random(seed)
    people = [
        "Joe Biden",
        "Vladimir Putin",
        "Volodymyr Zelensky",
        "Xi Jinping",
        "Olaf Scholz",
        "Emmanuel Macron",
        "Antony Blinken",
        "Sergei Lavrov",
        "Jens Stoltenberg",
    ]
    places = [
        "Russia",
        "Ukraine",
        "China",
        "Taiwan",
        "Iran",
        "Israel",
        "India",
        "Pakistan",
        "Japan",
        "Turkey",
        "NATO",
        "the EU",
        "the United States",
        "North Korea",
    ]
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    months = ["January", "March", "May", "July", "September", "November"]
    templates = [
        "{p} spoke by phone with {q} on {d}, officials said.",
        "{c} accused {k} of violating the ceasefire on {d}.",
        "Talks between {c} and {k} are due to resume on {m} {n}.",
        "{p} will travel to {c} next week for a two-day visit.",
        "{c} imposed new sanctions on {k} in {m} {y}, and {k} retaliated that same year.",
        "Some 40,000 troops took part in exercises that lasted for three weeks.",
        "{p} said on {d} that {c} would send more air defence systems to {k}.",
        "Diplomats from {c} and {k} met in Geneva between {m} {n} and {n2}.",
        "{c} has held the region since {y}, a claim {k} has never accepted.",
        "Two days later, {q} met {p} in Brussels.",
    ]
    out: list[str] = []
    count = 0
    while count < words:
        c, k = rng.sample(places, 2)
        p, q = rng.sample(people, 2)
        n = rng.randint(1, 25)
        s = rng.choice(templates).format(
            p=p,
            q=q,
            c=c,
            k=k,
            d=rng.choice(days),
            m=rng.choice(months),
            n=n,
            n2=n + 2,
            y=rng.randint(2008, 2021),
        )
        s = s[0].upper() + s[1:]
        out.append(s)
        count += len(s.split())
    paragraphs = [" ".join(out[i : i + 3]) for i in range(0, len(out), 3)]
    return "\n".join(paragraphs)


def _quartiles(values: Sequence[float]) -> tuple[float, float, float]:
    q1, median, q3 = statistics.quantiles(values, n=4) if len(values) > 1 else [values[0]] * 3
    return q1, median, q3


def run_timing(
    docs: Sequence[GoldDoc], *, min_seconds: float, wall: bool = False
) -> dict[str, Any]:
    # CPU time of this process by default: other processes on a shared machine preempt us
    # but do not inflate it, so the figures stay comparable from run to run.
    clock = time.perf_counter if wall else time.process_time
    try:
        load, tag, pipeline, gazetteer = _import_pipeline()
        from dashapp.models import Article

        articles = [load(d.text_path)[0] for d in docs]
        body = generated_article()
        big = Article(
            id="generated-400", title="Generated", date=date(2023, 5, 17), url="", body=body
        )
        for a in [*articles, big]:  # warm-up: lazy resources, caches, imports
            tag(a.body, a.anchor)
            _extract_one(pipeline, a, gazetteer)
    except Exception as exc:
        print(f"timing skipped: {type(exc).__name__}: {exc}")
        return {"error": str(exc)}

    def measure(batch: Sequence[Any]) -> tuple[list[float], list[float]]:
        """Per repetition, the mean time per article of tagging and of the whole extraction,
        measured interleaved: tag then extract on even repetitions, the other way round on
        odd ones."""
        tags: list[float] = []
        fulls: list[float] = []
        spent = 0.0
        while spent < min_seconds or len(tags) < 10:
            t_tag = t_full = 0.0
            tag_first = len(tags) % 2 == 0
            for a in batch:
                if tag_first:
                    t0 = clock()
                    tag(a.body, a.anchor)
                    t1 = clock()
                    _extract_one(pipeline, a, gazetteer)
                    t2 = clock()
                    t_tag += t1 - t0
                    t_full += t2 - t1
                else:
                    t0 = clock()
                    _extract_one(pipeline, a, gazetteer)
                    t1 = clock()
                    tag(a.body, a.anchor)
                    t2 = clock()
                    t_full += t1 - t0
                    t_tag += t2 - t1
            tags.append(t_tag / len(batch))
            fulls.append(t_full / len(batch))
            spent += t_tag + t_full
        return tags, fulls

    def pct(t_tag: float, t_full: float) -> float:
        return 100 * (t_full - t_tag) / t_tag if t_tag > 0 else float("inf")

    kind = "wall" if wall else "cpu"
    out: dict[str, Any] = {"clock": kind, "load_before": _load()}
    print(f"timing: load average {_load_text()} (1, 5, 15 min)")
    for name, batch in (("dev set", articles), ("generated 400 words", [big])):
        tags, fulls = measure(batch)
        t_tag, t_full = statistics.median(tags), statistics.median(fulls)
        q1, _, q3 = _quartiles([pct(t, f) for t, f in zip(tags, fulls, strict=True)])
        words = sum(len(a.body.split()) for a in batch) / len(batch)
        print(
            f"timing ({kind}) {name:<20} {len(batch):3d} article(s) x {len(tags):4d}  "
            f"~{words:4.0f} words  tag {1000 * t_tag:7.2f} ms  extract {1000 * t_full:7.2f} ms"
            f"  overhead {pct(t_tag, t_full):5.1f}% (IQR {q1:.0f}-{q3:.0f}%; "
            f"target <= {OVERHEAD_TARGET:.0f}%)"
        )
        out[name] = {
            "tag_ms": 1000 * t_tag,
            "extract_ms": 1000 * t_full,
            "overhead_pct": pct(t_tag, t_full),
            "overhead_pct_q1": q1,
            "overhead_pct_q3": q3,
            "repeats": len(tags),
        }
    stages = _stage_times(pipeline, articles, clock, min_seconds / 2)
    if stages:
        print(
            f"timing ({kind}) stages, dev set: tag {stages['tag_ms']:.2f} ms, actors "
            f"{stages['actors_ms']:.2f} ms, events {stages['events_ms']:.2f} ms per article "
            f"(x {stages['repeats']}, medians)"
        )
        out["stages"] = stages
    out["load_after"] = _load()
    print(f"timing: load average {_load_text()} (1, 5, 15 min)")
    return out


def stage_pass(articles: Sequence[Any], gazetteer: Any, clock: Any) -> dict[str, float]:
    """One pass over `articles`, stage after stage on each: the seconds (by `clock`) spent
    in tagging, actors and events, summed over the articles."""
    from dashapp.events import article_events
    from dashapp.temporal import tag

    rep = {"tag": 0.0, "actors": 0.0, "events": 0.0}
    for a in articles:
        t0 = clock()
        timexes = tuple(tag(a.body, a.anchor))
        t1 = clock()
        mentions = gazetteer.find(a.body, when=a.anchor)
        t2 = clock()
        article_events(a, timexes, mentions, gazetteer=gazetteer)
        t3 = clock()
        rep["tag"] += t1 - t0
        rep["actors"] += t2 - t1
        rep["events"] += t3 - t2
    return rep


def _stage_times(
    pipeline: Any, articles: Sequence[Any], clock: Any, min_seconds: float
) -> dict[str, Any]:
    """Tagging, actors and events timed apart, stage after stage on each article (medians
    over repetitions of the mean per article). Empty unless the real pipeline is timed."""
    if getattr(pipeline, "__name__", None) != "dashapp.pipeline":
        return {}
    from dashapp.actors import Gazetteer

    gazetteer = Gazetteer.load()
    spent = 0.0
    times: dict[str, list[float]] = {"tag": [], "actors": [], "events": []}
    while spent < min_seconds or len(times["tag"]) < 10:
        rep = stage_pass(articles, gazetteer, clock)
        spent += sum(rep.values())
        for k, v in rep.items():
            times[k].append(v / len(articles))
    out: dict[str, Any] = {f"{k}_ms": 1000 * statistics.median(v) for k, v in times.items()}
    out["repeats"] = len(times["tag"])
    return out


def _load() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except (AttributeError, OSError):
        return None


def _load_text() -> str:
    load = _load()
    return ", ".join(f"{x:.2f}" for x in load) if load else "n/a"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument(
        "--gold-dir",
        action="append",
        metavar="DIR",
        help="folder of *.gold.json + .txt (repeatable; default: the dev set and ../shared/seed)",
    )
    ap.add_argument("-v", "--verbose", action="store_true", help="one line per article, misses")
    ap.add_argument(
        "--self-check",
        action="store_true",
        help="score the gold against itself (must be perfect); no pipeline needed",
    )
    ap.add_argument("--no-timing", action="store_true", help="skip the speed measurement")
    ap.add_argument(
        "--min-seconds",
        type=float,
        default=3.0,
        help="measure tagging + extraction for at least this long (default 3)",
    )
    ap.add_argument(
        "--wall",
        action="store_true",
        help="time with the wall clock instead of this process's CPU time",
    )
    ap.add_argument(
        "--scraped",
        nargs="?",
        const="all",
        choices=("all", "punctuation"),
        help="score on the articles as a scraped copy gives them: no apostrophes, quotes or "
        "dashes, and (all, the default) no other character outside ASCII (see scraped()); "
        "the gold is unchanged",
    )
    ap.add_argument(
        "--fold-accents",
        action="store_true",
        help='compare actor names without their accents ("Milošević" = "Milosevic"): gold '
        "written in ASCII names people so; the default compares them as written",
    )
    ap.add_argument("--json", action="store_true", help="also print the totals as JSON")
    args = ap.parse_args(argv)

    docs = find_gold(args.gold_dir or DEFAULT_GOLD_DIRS)
    if not docs:
        print("error: no gold files found")
        return 2
    tot = run_scoring(
        docs,
        self_check=args.self_check,
        verbose=args.verbose,
        scrape=args.scraped,
        fold_accents=args.fold_accents,
    )
    if "error" in tot:
        return 2
    print(
        f"events: {tot['articles']} articles, {tot['gold']} gold, {tot['predicted']} predicted, "
        f"{tot['found']} found, {tot['errors']} pipeline errors"
    )
    print(
        f"recall {_pct(tot['recall'])}  precision {_pct(tot['precision'])}  "
        f"F1 {_pct(tot['f1'])}  (one-to-one precision {_pct(tot['precision_1to1'])})"
    )
    print(
        f"missed: {tot['missed_wrong_date']} on another date (an actor in common), "
        f"{tot['missed_no_actor']} with no actor in common (date right), "
        f"{tot['missed_absent']} not extracted at all"
    )
    print(
        f"actors on found events: P {_pct(tot['actor_precision'])}  "
        f"R {_pct(tot['actor_recall'])}  F1 {_pct(tot['actor_f1'])}   "
        f"type accuracy {_pct(tot['type_accuracy'])} ({tot['type_correct']}/{tot['type_total']})"
    )
    timing: dict[str, Any] = {}
    if not args.self_check and not args.no_timing and not tot["errors"] == tot["articles"]:
        timing = run_timing(docs, min_seconds=args.min_seconds, wall=args.wall)
    if args.json:
        print(json.dumps({"totals": tot, "timing": timing}, indent=1))
    if args.self_check:
        perfect = all(
            tot[k] in (1.0, None)
            for k in ("recall", "precision", "precision_1to1", "actor_f1", "type_accuracy")
        )
        print("self-check:", "perfect" if perfect else "NOT PERFECT")
        return 0 if perfect else 1
    return 1 if tot["errors"] == tot["articles"] else 0


if __name__ == "__main__":
    raise SystemExit(main())
