"""CPU time per article of each extraction stage: tagging, actors, events.

usage: python benchmarks/stage_times.py [--dir FOLDER ...] [--generated N] [--seed 7]
                                        [--reps 5]

Loads the articles of each --dir (every `*.txt` in it, read as `geotimeline` reads them; the
development sets by default) and --generated N seeded articles of benchmarks/corpus_gen.py,
then runs the three stages one after the other on every article, timing each with
time.process_time, --reps times, and prints the best pass's milliseconds per article of
each stage and the ratios to tagging (issue 4's aim: actors and events together at most 0.5
of the tagging time). The best of several passes, and the ratios, are what to compare
between two versions of the code on a machine whose speed moves: run each version's copy of
this script in turn (`python OTHER_CHECKOUT/benchmarks/stage_times.py`), more than once.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus_gen import articles as generated_records  # noqa: E402
from events_eval import stage_pass  # noqa: E402

from dashapp.actors import Gazetteer  # noqa: E402
from dashapp.ingest import load, parse_record  # noqa: E402
from dashapp.models import Article  # noqa: E402

DEFAULT_DIRS = ["tests/data/events_dev", "tests/data/events_heldout"]


def folder_articles(folder: Path) -> list[Article]:
    return [a for p in sorted(folder.glob("*.txt")) for a in load(p)]


def stage_times(arts: list[Article], gazetteer: Gazetteer, reps: int) -> tuple[float, ...]:
    """The best pass's seconds in each stage (tag, actors, events) over `arts`
    (events_eval.stage_pass, --reps times)."""
    best: list[float] | None = None
    for _ in range(reps):
        rep = stage_pass(arts, gazetteer, time.process_time)
        spent = [rep["tag"], rep["actors"], rep["events"]]
        best = spent if best is None else [min(x, y) for x, y in zip(best, spent, strict=True)]
    assert best is not None
    return tuple(best)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dir", action="append", help="a folder of articles (repeatable)")
    ap.add_argument("--generated", type=int, default=1000, help="generated articles (0: none)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--reps", type=int, default=5)
    args = ap.parse_args()
    sets: list[tuple[str, list[Article]]] = []
    for d in args.dir or DEFAULT_DIRS:
        folder = Path(d) if Path(d).is_absolute() else ROOT / d
        sets.append((d, folder_articles(folder)))
    if args.generated:
        recs = generated_records(args.generated, seed=args.seed)
        gen = [parse_record(r, f"generated:{i}") for i, r in enumerate(recs, 1)]
        sets.append((f"{args.generated} generated", gen))
    gazetteer = Gazetteer.load()
    for _, arts in sets[:1]:  # (warm: the lexicons and patterns load on first use)
        stage_times(arts[:20], gazetteer, 1)
    for name, arts in sets:
        if not arts:
            print(f"{name}: no articles")
            continue
        t, a, e = (1000 * x / len(arts) for x in stage_times(arts, gazetteer, args.reps))
        print(
            f"{name}: {len(arts)} articles, ms per article (best of {args.reps}): tag {t:.3f}, "
            f"actors {a:.3f}, events {e:.3f}; actors/tag {a / t:.2f}, events/tag {e / t:.2f}, "
            f"overhead {100 * (a + e) / t:.0f}% (aim <= 50%)"
        )


if __name__ == "__main__":
    main()
