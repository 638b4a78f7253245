"""Child process of test_faults: writes generated articles to a store in a loop, one
transaction per batch, then corrects one of the batch's events, and prints the batch
number once both are committed. The parent kills it with SIGKILL at some point.

    python tests/faults_writer.py DB SEED
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from load_test import Generator  # noqa: E402

from dashapp.models import EventFilter  # noqa: E402
from dashapp.store import Store  # noqa: E402

BATCH = 10  # articles per transaction
EVENTS = 5  # per article


def batches(seed: int):
    """The same articles, batch after batch, for the writer and for the checks."""
    gen = Generator(seed=seed)
    while True:
        yield [gen.article(EVENTS) for _ in range(BATCH)], gen.actors


def main() -> None:
    db, seed = Path(sys.argv[1]), int(sys.argv[2])
    with Store(db) as store:
        for n, (batch, actors) in enumerate(batches(seed)):
            store.add_results(batch, actors)
            first = batch[0].article.id
            event = store.events(EventFilter(articles=(first,)), limit=1)[0]
            store.correct_event(event.id, label=f"fix {n}")
            print(n, flush=True)


if __name__ == "__main__":
    main()
