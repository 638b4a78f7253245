"""Speed and memory of dashapp.temporal.tag on generated news articles, against dateparser.

usage: python benchmarks/temporal_speed.py [--articles 2000] [--words 400] [--seed 7]
                                           [--dateparser-sample 40]

Generates (seeded, no corpus text) news-style articles of about --words words that carry the
date expressions news uses (weekdays with tense, month-days, ranges, relative units, "ago",
durations, holidays, clock times, decoy numbers), tags them all on one core, and prints
articles/s, characters/s and peak memory (tracemalloc peak during a tagging pass, and the
process's maximum resident set size). dateparser.search_dates is timed on the first
--dateparser-sample articles of the same corpus (it is about two orders of magnitude
slower) and its per-article time is extrapolated to the whole corpus; the table says so.
"""

from __future__ import annotations

import argparse
import gc
import random
import resource
import sys
import time
import tracemalloc
import warnings
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashapp.temporal import tag  # noqa: E402

ACTORS = [
    "the president",
    "the prime minister",
    "the foreign minister",
    "NATO",
    "the Kremlin",
    "the European Union",
    "Ukraine's defence ministry",
    "a senior US official",
    "the UN envoy",
    "the central bank",
    "Beijing",
    "the opposition leader",
    "the rebels",
    "the army",
    "Theresa May",
    "the G7",
    "the finance ministry",
    "Washington",
    "the government",
]
PAST = [
    "said",
    "warned",
    "met",
    "announced",
    "signed",
    "rejected",
    "spoke",
    "visited",
    "confirmed",
    "withdrew",
    "launched",
    "accused",
    "agreed",
]
FUTURE = [
    "will meet",
    "is due to speak",
    "is expected to visit",
    "plans to announce",
    "will travel",
    "is set to sign",
    "could resume talks",
    "are due to vote",
]
OBJECTS = [
    "the ceasefire",
    "new sanctions",
    "the peace plan",
    "a prisoner swap",
    "the gas deal",
    "the border crossing",
    "Article 5",
    "Resolution 2231",
    "the S-400 purchase",
    "the F-16 deliveries",
    "the budget",
    "the treaty",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
ABBR = ["Jan.", "Feb.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
HOLIDAYS = [
    "Christmas",
    "New Year's Eve",
    "Easter",
    "Thanksgiving",
    "Victory Day",
    "Orthodox Christmas",
    "Independence Day",
]
FILLER = [
    "Officials declined to comment on the details of the talks.",
    "The statement did not say how many people had been affected.",
    "Analysts said the move could raise tensions in the region.",
    "Some 100,000 troops remain massed near the border, according to estimates.",
    "Prices rose 5 percent as markets reacted to the news.",
    "Lawmakers voted 52 to 48 to approve the measure.",
    "A 45-year-old man was detained by police at the scene.",
    "We are ready to negotiate, but not under pressure, the spokesman said.",
    "The Sun newspaper first reported the leak, citing unnamed sources.",
    "Diplomats from both sides described the atmosphere as tense but constructive.",
    "The ministry deployed 2000 troops and 300 vehicles to the region.",
    "Thousands march through the capital every weekend to demand reforms.",
]


SUBJECTS = [
    "The talks",
    "The proposal",
    "The delegation",
    "The offensive",
    "The agreement",
    "The report",
    "The committee",
    "Negotiators",
    "Witnesses",
    "Residents",
    "Investors",
]
PREDICATES = [
    "remained deadlocked over key issues",
    "drew criticism from opposition parties",
    "was welcomed by neighbouring countries",
    "raised questions about supply routes",
    "described heavy fighting near the frontline",
    "called for calm and restraint",
    "focused on energy security and trade",
    "urged both sides to return to dialogue",
    "reported long queues at checkpoints",
    "moved cautiously amid the uncertainty",
]


def filler(rng: random.Random) -> str:
    if rng.random() < 0.35:
        return rng.choice(FILLER)
    return f"{rng.choice(SUBJECTS)} {rng.choice(PREDICATES)}, {rng.choice(ACTORS)} said."


def date_expr(rng: random.Random, dct: date) -> tuple[str, str]:
    """A date expression and the tense it calls for ("past" / "future" / "any")."""
    k = rng.randrange(17)
    if k == 0:
        return rng.choice(WEEKDAYS), rng.choice(["past", "future"])
    if k == 1:
        return f"{rng.choice(WEEKDAYS)}'s", "past"
    if k == 2:
        return f"{rng.choice(MONTHS)} {rng.randint(1, 28)}", "any"
    if k == 3:
        return f"{rng.choice(ABBR)} {rng.randint(1, 28)}, {rng.randint(1990, 2023)}", "past"
    if k == 4:
        d = rng.randint(1, 27)
        return f"{rng.choice(MONTHS)} {d} and {d + 1}", "future"
    if k == 5:
        return rng.choice(
            [
                "last week",
                "this week",
                "last month",
                "earlier this month",
                "last year",
                "this year",
                "yesterday",
                "today",
            ]
        ), "past"
    if k == 6:
        return rng.choice(
            ["next week", "next month", "tomorrow", "later this year", "next year"]
        ), "future"
    if k == 7:
        n = rng.choice(["two", "three", "four", "10", "several"])
        return f"{n} {rng.choice(['days', 'weeks', 'months', 'years'])} ago", "past"
    if k == 8:
        return f"in {rng.randint(1990, 2023)}", "past"
    if k == 9:
        return f"{rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2000, 2023)}", "past"
    if k == 10:
        return f"on {rng.choice(HOLIDAYS)}", "any"
    if k == 11:
        return f"at {rng.randint(1, 11)}:{rng.choice(['00', '15', '30'])} p.m.", "any"
    if k == 12:
        return (
            f"between {rng.choice(MONTHS)} {rng.randint(1, 10)} and {rng.randint(11, 28)}",
            "future",
        )
    if k == 13:
        return rng.choice(
            [
                "in early December",
                "in mid-March",
                "in late 2019",
                "in the first quarter of 2022",
                "last summer",
            ]
        ), "past"
    if k == 14:
        return f"from {rng.randint(1990, 2005)} to {rng.randint(2006, 2020)}", "past"
    if k == 15:
        return rng.choice(
            ["that same year", "two days later", "the following day", "a week earlier"]
        ), "past"
    return f"this {rng.choice(WEEKDAYS)}", "future"


def sentence(rng: random.Random, dct: date) -> str:
    r = rng.random()
    if r < 0.6:  # most news sentences carry no date
        return filler(rng)
    expr, tense = date_expr(rng, dct)
    actor = rng.choice(ACTORS)
    if tense == "future" or (tense == "any" and rng.random() < 0.5):
        verb = rng.choice(FUTURE)
    else:
        verb = rng.choice(PAST)
    obj = rng.choice(OBJECTS)
    tail = rng.choice(
        [
            "",
            "",
            "",
            " despite objections from allies",
            " in the capital",
            f" after a {rng.randint(20, 90)}-minute phone call",
            f", just over {rng.choice(['two', 'three'])} weeks after the last round",
            " amid growing fears of an escalation",
            f" in a statement issued {rng.choice(WEEKDAYS)}",
            " for the first time in years",
            ", officials said",
        ]
    )
    shape = rng.randrange(3)
    if shape == 0:
        s = f"{actor[0].upper() + actor[1:]} {verb} {obj} {expr}{tail}."
    elif shape == 1:
        s = f"{expr[0].upper() + expr[1:]}, {actor} {verb} {obj}{tail}."
    else:
        who = rng.choice(ACTORS)
        s = f"{actor[0].upper() + actor[1:]} {verb} on {obj}{tail}, {who} said {expr}."
    return s


def article(rng: random.Random, words: int) -> tuple[str, date]:
    dct = date(2015, 1, 1) + timedelta(days=rng.randrange(3000))
    parts: list[str] = []
    n = 0
    while n < words:
        s = sentence(rng, dct)
        parts.append(s)
        n += s.count(" ") + 1
    paras = [" ".join(parts[i : i + 4]) for i in range(0, len(parts), 4)]
    return "\n".join(paras), dct


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=2000)
    ap.add_argument("--words", type=int, default=400)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--dateparser-sample", type=int, default=40)
    args = ap.parse_args(argv)

    rng = random.Random(args.seed)
    corpus = [article(rng, args.words) for _ in range(args.articles)]
    n_chars = sum(len(t) for t, _ in corpus)
    n_words = sum(len(t.split()) for t, _ in corpus)

    tag(corpus[0][0], corpus[0][1])  # warm-up: word lists and regexes are built at import
    gc.collect()
    # CPU time of this process (one core): the machine is shared, so wall time is noisier
    w0, t0 = time.perf_counter(), time.process_time()
    n_tx = 0
    for text, dct in corpus:
        n_tx += len(tag(text, dct))
    secs = time.process_time() - t0
    wall = time.perf_counter() - w0
    rate = len(corpus) / secs

    # Peak memory of a tagging pass (tracemalloc slows Python down, so it is a second pass
    # over a slice rather than part of the timed run).
    tracemalloc.start()
    for text, dct in corpus[:200]:
        tag(text, dct)
    _cur, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    maxrss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    import dateparser.search as dps

    k = min(args.dateparser_sample, len(corpus))
    t0 = time.process_time()
    dp_found = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for text, dct in corpus[:k]:
            base = datetime(dct.year, dct.month, dct.day)
            found = dps.search_dates(text, settings={"RELATIVE_BASE": base}, languages=["en"])
            dp_found += len(found or [])
    dp_secs = time.process_time() - t0
    dp_rate = k / dp_secs

    print(
        f"corpus: {len(corpus)} generated articles (seed {args.seed}), "
        f"{n_words / len(corpus):.0f} words and {n_chars / len(corpus):.0f} characters "
        f"per article on average"
    )
    print(
        f"{'system':<34}{'articles':>9}{'seconds':>10}{'articles/s':>12}{'chars/s':>12}"
        f"{'found/art':>10}"
    )
    print(
        f"{'dashapp.temporal.tag (1 core)':<34}{len(corpus):>9}{secs:>10.2f}{rate:>12.1f}"
        f"{n_chars / secs:>12.0f}{n_tx / len(corpus):>10.1f}"
    )
    print(
        f"{'dateparser.search_dates (sample)':<34}{k:>9}{dp_secs:>10.2f}{dp_rate:>12.2f}"
        f"{sum(len(t) for t, _ in corpus[:k]) / dp_secs:>12.0f}{dp_found / k:>10.1f}"
    )
    print(
        f"(seconds are CPU seconds of this process; wall clock for tag: {wall:.2f} s = "
        f"{len(corpus) / wall:.0f} articles/s on this shared machine)"
    )
    print(
        f"dateparser extrapolated to all {len(corpus)} articles: "
        f"{len(corpus) / dp_rate:.0f} s (from its per-article time on the first {k})"
    )
    print(f"speed-up over dateparser: {rate / dp_rate:.0f}x")
    print(
        f"peak memory: tracemalloc peak {peak / 2**10:.0f} KB allocated while tagging; "
        f"process max RSS {maxrss_mb:.0f} MB (Python, the corpus and the tagger; "
        "measured before dateparser is imported)"
    )
    print("targets: >= 500 articles/s, >= 10x dateparser, peak memory < 300 MB")


if __name__ == "__main__":
    main()
