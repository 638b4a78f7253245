"""Dated events on a public corpus: SemEval-2015 Task 4 (TimeLine) gold over MEANTIME.

usage: python benchmarks/timeline_eval.py [--eval-dir DIR] [--errors N]

The TimeLine task names a target entity ("Airbus", "General Motors", "Alan Mulally") and asks
for the events it takes part in across a corpus's articles, each anchored to a date. Its gold
(39 timelines over the MEANTIME airbus, gm and stock articles: Wikinews business news of
2004-2011) is the public gold of dated events we have; `events_eval.py` scores our own
geopolitical sets. This script reads it two ways, each over the gold's event references that
have a date and lie in the text MEANTIME keeps (headline, dateline and first sentences):

1. Event dating, whatever the actors: whether the pipeline made an event from the
   reference's sentence (coverage), and whether one of that sentence's events carries the
   gold's date: a value within the gold anchor ("2007-10-15" within "2007-10-XX"; a range
   must lie within it; an anchor of a day within a range of ours counts). Beside it, on the
   same references, two baselines: every event on the article's date, and the sentence's
   first DATE/TIME of our own tagger (else the article's date).
2. Entity timelines: the target entities are given to the pipeline as a user actors file
   (the task's input, names only: a person when the name opens with a given name the
   gazetteer knows, else an organisation), and the (article, date) pairs of our events
   with that actor are scored against the gold's: recall over gold pairs, precision over
   ours, a pair matching when the dates do as in (1).

The corpus is business news; the trigger lexicon is geopolitical (talks, sanctions, attacks,
statements), so coverage is low by design: the figure to read is how often an event we do
make carries the right date, against the baselines on the same references. The corpus
texts stay in ../shared/eval; nothing of them is copied into the repository (--errors
prints snippets to the terminal only).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

MEANTIME = "meantime_en/meantime_en.jsonl"
TIMELINES = "semeval2015_task4_timelines/timelines.jsonl"


def within(anchor: str, value: str) -> bool:
    """Whether a TIMEX3 `value` of ours lies within a TimeLine gold `anchor` ("2010-01-25",
    "2007-10-XX", "2009-XX-XX"; "XXXX-XX-XX" is undated and takes nothing). A value finer
    than the anchor counts ("2007-10-15" within "2007-10-XX"), a coarser one does not
    ("2009-Q3" is not within "2009-07-01"); a range counts when both its ends do, or, for an
    anchor of a day, when it holds that day. A time of day counts as its day."""
    parts = anchor.split("-")
    year = parts[0]
    month = parts[1] if len(parts) > 1 else "XX"
    day = parts[2] if len(parts) > 2 else "XX"
    if not year.isdigit():
        return False
    lo, _, hi = value.partition("/")
    ends = [end[:10] if "T" in end else end for end in (lo, hi or lo)]
    if not all(len(e) >= 4 and e[:4].isdigit() for e in ends):
        return False
    if month == "XX":
        return all(e[:4] == year for e in ends)
    if day == "XX":
        prefix = f"{year}-{month}"
        return all(e[:7] == prefix and e[5:7].isdigit() for e in ends)
    gold = f"{year}-{month}-{day}"
    return all(len(e) == 10 and e[5:7].isdigit() for e in ends) and ends[0] <= gold <= ends[1]


def dated_right(anchor: str, value: str, first: date | None) -> bool:
    """Whether a date of ours (TIMEX3 `value`, `first` its first day) gives the gold
    `anchor`: `within` it, or, the gold's way with a period ("lost $6 billion in the first
    quarter of 2009" is anchored "2009-01-01"), a period of ours whose first day the anchor
    is."""
    if within(anchor, value):
        return True
    return first is not None and "X" not in anchor and first.isoformat() == anchor


@dataclass(frozen=True)
class Ref:
    """One gold event reference: its article, the entity's timeline, the word's offsets
    and the gold anchor."""

    doc_id: str
    entity: str
    start: int
    end: int
    anchor: str


def gold_refs(timelines: Iterable[dict], texts: dict[str, str]) -> list[Ref]:
    """The references with a date ("XXXX-XX-XX" left out) whose offsets lie in the kept
    text of their article and give the word the gold names."""
    out = []
    for tl in timelines:
        for entry in tl["entries"]:
            if entry["date"].startswith("XXXX"):
                continue
            for r in entry["events"]:
                text = texts.get(r["doc_id"])
                if text is None or r["start"] is None or r["end"] > len(text):
                    continue
                if text[r["start"] : r["end"]] != r["text"]:
                    continue
                out.append(
                    Ref(r["doc_id"], tl["target_entity"], r["start"], r["end"], entry["date"])
                )
    return out


def sentence_of(spans: Sequence[tuple[int, int]], pos: int) -> tuple[int, int]:
    """The (start, end) of the sentence holding `pos` (the last one for a position past
    every sentence's end)."""
    return next(((a, b) for a, b in spans if a <= pos < b), spans[-1] if spans else (0, 0))


def pair_scores(gold: set[tuple[str, str]], pred: set[tuple[str, str]]) -> dict[str, float]:
    """Recall over gold (article, anchor) pairs and precision over predicted (article,
    value) pairs, a pair matching one of the same article whose dates match (`within`)."""
    found = sum(1 for d, a in gold if any(d == pd and within(a, v) for pd, v in pred))
    right = sum(1 for pd, v in pred if any(d == pd and within(a, v) for d, a in gold))
    recall = found / len(gold) if gold else 0.0
    precision = right / len(pred) if pred else 0.0
    f1 = 2 * recall * precision / (recall + precision) if recall + precision else 0.0
    return {
        "gold": len(gold),
        "predicted": len(pred),
        "found": found,
        "right": right,
        "recall": recall,
        "precision": precision,
        "f1": f1,
    }


def user_actors(entities: Iterable[str], gazetteer: Any) -> list[dict]:
    """The target entities as user actor entries (the actors file's format): a name the
    gazetteer knows is left to it; a new one is a person when it opens with a given name
    the gazetteer knows ("Louis Gallois"), else an organisation."""
    out = []
    for name in dict.fromkeys(entities):
        if gazetteer.actor(name) is not None:
            continue
        first = name.split()[0]
        person = len(name.split()) > 1 and gazetteer.is_given_name(first)
        out.append({"name": name, "kind": "person" if person else "organisation"})
    return out


def _pct(x: float) -> str:
    return f"{100 * x:5.1f}"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument(
        "--errors", type=int, default=0, help="print up to N references our events date otherwise"
    )
    args = ap.parse_args(argv)
    try:
        docs = [
            json.loads(line)
            for line in (args.eval_dir / MEANTIME).read_text(encoding="utf-8").splitlines()
            if line
        ]
        timelines = [
            json.loads(line)
            for line in (args.eval_dir / TIMELINES).read_text(encoding="utf-8").splitlines()
            if line
        ]
    except OSError as exc:
        print(f"error: cannot read the corpus: {exc}", file=sys.stderr)
        return 2

    from dashapp import pipeline
    from dashapp.actors import Gazetteer
    from dashapp.models import Article
    from dashapp.text import sentences

    corpora = {tl["meantime_corpus"] for tl in timelines}
    texts = {d["doc_id"]: d["text"] for d in docs if d["meta"].get("corpus") in corpora}
    refs = gold_refs(timelines, texts)
    entities = [tl["target_entity"] for tl in timelines]

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "actors.json"
        path.write_text(json.dumps(user_actors(entities, Gazetteer.load())), encoding="utf-8")
        gazetteer = Gazetteer.load(path)
        by_doc = {}
        for d in docs:
            if d["doc_id"] not in texts:
                continue
            article = Article(
                id=d["doc_id"], title="", date=date.fromisoformat(d["dct"]), url="", body=d["text"]
            )
            timexes, events = pipeline.extract_article(article, gazetteer=gazetteer)
            by_doc[d["doc_id"]] = (article, list(timexes), list(events))

    # 1. event dating
    counts: Counter[str] = Counter()
    shown = 0
    for ref in refs:
        article, timexes, events = by_doc[ref.doc_id]
        lo, hi = sentence_of(sentences(article.body), ref.start)
        # the sentence's event whose date expression is nearest the reference's word
        near = min(
            (
                (abs(m.start - ref.start), e)
                for e in events
                for m in e.mentions
                if lo <= m.start < hi
            ),
            key=lambda p: p[0],
            default=None,
        )
        dct = article.date
        by_dct = dated_right(ref.anchor, dct.isoformat(), dct)
        first = next(
            (t for t in timexes if lo <= t.start < hi and t.type in ("DATE", "TIME") and t.first),
            None,
        )
        by_first = dated_right(ref.anchor, first.value, first.first) if first else by_dct
        counts["refs"] += 1
        counts["dct"] += by_dct
        counts["first"] += by_first
        if near is None:
            continue
        event = near[1]
        right = dated_right(ref.anchor, event.value, event.start)
        counts["covered"] += 1
        counts["ours"] += right
        counts["covered dct"] += by_dct
        counts["covered first"] += by_first
        if not right and shown < args.errors:
            shown += 1
            sent = article.body[lo:hi].replace("\n", " ")
            word = article.body[ref.start : ref.end]
            print(f"  gold {ref.anchor} ({word!r}, dct {dct}) got {event.value}: {sent[:160]}")

    n, c = counts["refs"], counts["covered"]
    print(
        f"SemEval-2015 TimeLine gold over MEANTIME: {len(timelines)} timelines, {len(texts)} "
        f"articles, {n} dated event references in the kept text"
    )
    print(
        f"event dating: {c} of {n} references have an event of ours in their sentence "
        f"(coverage {_pct(c / n if n else 0)})"
    )
    print(
        f"  on those {c}: dated right by our events {_pct(counts['ours'] / c if c else 0)}, "
        f"by the article's date {_pct(counts['covered dct'] / c if c else 0)}, by the "
        f"sentence's first date {_pct(counts['covered first'] / c if c else 0)}"
    )
    print(
        f"  on all {n}: the article's date {_pct(counts['dct'] / n if n else 0)}, the "
        f"sentence's first date {_pct(counts['first'] / n if n else 0)}"
    )

    # 2. entity timelines
    gold_pairs: set[tuple[str, str, str]] = {(r.entity, r.doc_id, r.anchor) for r in refs}
    totals: Counter[str] = Counter()
    for tl in timelines:
        entity = tl["target_entity"]
        docs_of = {d["doc_id"] for d in docs if d["meta"].get("corpus") == tl["meantime_corpus"]}
        gold = {(d, a) for e, d, a in gold_pairs if e == entity and d in docs_of}
        pred = {
            (doc_id, ev.value)
            for doc_id in docs_of & by_doc.keys()
            for ev in by_doc[doc_id][2]
            if entity in ev.actors
        }
        s = pair_scores(gold, pred)
        for k in ("gold", "predicted", "found", "right"):
            totals[k] += int(s[k])
    r = totals["found"] / totals["gold"] if totals["gold"] else 0.0
    p = totals["right"] / totals["predicted"] if totals["predicted"] else 0.0
    f = 2 * r * p / (r + p) if r + p else 0.0
    print(
        f"entity timelines (target entities given as a user actors file): "
        f"{totals['gold']} gold (article, date) pairs, {totals['predicted']} of ours"
    )
    print(f"  recall {_pct(r)}  precision {_pct(p)}  F1 {_pct(f)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
