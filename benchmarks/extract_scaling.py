"""How extraction time grows with the input: one ever longer document, and ever more articles.

usage: python benchmarks/extract_scaling.py [--doc-steps 1,4,16,64,128]
                                            [--articles 250,500,1000,2000]
                                            [--repeats 1000,4000,16000]

Two series, each printed as a table, times in CPU seconds of this process:

- one document made of k generated 400-word news bodies (`events_eval.generated_article`
  with seeds 0..k-1), extracted by `pipeline.extract_article`: time per word should stay
  flat as the document grows (a report, a transcript, a book chapter);
- the first n articles of a generated corpus (`corpus_gen.articles`, seed 7), extracted
  and merged across articles by `pipeline.extract` (what `geotimeline extract` and `serve
  PATH...` without a store do): time per article should stay flat too. The cross-article
  merge (`events.merge_all`) is also timed apart;
- one document repeating one dated sentence r times ("On Monday, Joe Biden met Vladimir
  Putin in Geneva."): r mentions of one happening merged into one event, the worst case
  of the merge within an article (a pasted feed, a scraper loop): time per repeat should
  stay flat too.

Nothing is written; no corpus text is read.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def _ints(text: str) -> list[int]:
    return [int(x) for x in text.split(",") if x.strip()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--doc-steps", default="1,4,16,64,128", help="bodies per document")
    ap.add_argument("--articles", default="250,500,1000,2000", help="corpus sizes")
    ap.add_argument("--repeats", default="1000,4000,16000", help="repeats of one sentence")
    args = ap.parse_args(argv)

    import corpus_gen
    from events_eval import generated_article

    from dashapp import events, pipeline
    from dashapp.actors import Gazetteer
    from dashapp.models import Article

    gaz = Gazetteer.load()
    clock = time.process_time
    pipeline.extract_article(
        Article("warm", "t", date(2023, 5, 17), "", generated_article()), gazetteer=gaz
    )

    print("one document of k generated bodies, pipeline.extract_article")
    print(f"{'k':>5} {'words':>8} {'expressions':>11} {'events':>7} {'seconds':>8} {'us/word':>8}")
    for k in _ints(args.doc_steps):
        body = "\n".join(generated_article(seed=s) for s in range(k))
        art = Article("doc", "t", date(2023, 5, 17), "", body)
        t0 = clock()
        timexes, found = pipeline.extract_article(art, gazetteer=gaz)
        secs = clock() - t0
        words = len(body.split())
        print(
            f"{k:5d} {words:8d} {len(timexes):11d} {len(found):7d} {secs:8.2f} "
            f"{1e6 * secs / words:8.1f}"
        )

    print("\nthe first n generated articles, pipeline.extract (merged across articles)")
    print(
        f"{'n':>6} {'events':>7} {'merged':>7} {'seconds':>8} {'ms/article':>10} "
        f"{'merge_all s':>11}"
    )
    corpus = []
    for i, rec in enumerate(corpus_gen.articles(max(_ints(args.articles)), seed=7)):
        corpus.append(
            Article(f"g{i}", rec["title"], date.fromisoformat(rec["date"]), rec["url"], rec["text"])
        )
    for n in _ints(args.articles):
        batch = corpus[:n]
        t0 = clock()
        extraction = pipeline.extract(batch, gazetteer=gaz)
        secs = clock() - t0
        per_article = [e for a in batch for e in pipeline.extract_article(a, gazetteer=gaz)[1]]
        t1 = clock()
        events.merge_all(per_article)
        merge_secs = clock() - t1
        print(
            f"{n:6d} {len(per_article):7d} {len(extraction.events):7d} {secs:8.2f} "
            f"{1000 * secs / n:10.2f} {merge_secs:11.2f}"
        )

    print("\none document repeating one dated sentence r times, pipeline.extract_article")
    print(f"{'r':>6} {'characters':>10} {'mentions':>8} {'seconds':>8} {'ms/repeat':>9}")
    for r in _ints(args.repeats):
        body = "On Monday, Joe Biden met Vladimir Putin in Geneva. " * r
        t0 = clock()
        _, found = pipeline.extract_article(
            Article("rep", "t", date(2022, 1, 3), "", body), gazetteer=gaz
        )
        secs = clock() - t0
        mentions = sum(len(e.mentions) for e in found)
        print(f"{r:6d} {len(body):10d} {mentions:8d} {secs:8.2f} {1000 * secs / r:9.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
