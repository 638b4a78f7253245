"""A seeded generator of varied news-style articles for the ingest benchmark.

Articles report happenings drawn from a shared pool (so that events merge across
articles), with absolute, relative and range dates, background durations, quotes and
undated filler. Nothing is copied from any real corpus: every sentence is a template
filled from the lists below. The same (n, seed, span) always gives the same articles.

By default every corpus covers one decade (2014-2023), so a larger corpus packs more
reports of the same actors into the same weeks, as a crisis corpus does. `--archive`
spreads the happenings over a span that grows with the corpus instead (the decade per
10,000 articles, ending in 2023), so that any size has the happenings per day of the
10,000-article corpus, as an archive that grows by covering more time does.

    python benchmarks/corpus_gen.py --n 10000 --out /tmp/corpus.jsonl
    python benchmarks/corpus_gen.py --n 200 --out /tmp/corpus --format txt
    python benchmarks/corpus_gen.py --n 300000 --archive --out /tmp/archive.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

COUNTRIES = [
    "Russia",
    "Ukraine",
    "United States",
    "China",
    "France",
    "Germany",
    "United Kingdom",
    "Turkey",
    "Iran",
    "Israel",
    "India",
    "Pakistan",
    "Japan",
    "South Korea",
    "North Korea",
    "Brazil",
    "Mexico",
    "Egypt",
    "Saudi Arabia",
    "Qatar",
    "Poland",
    "Syria",
    "Iraq",
    "Afghanistan",
    "Ethiopia",
    "Sudan",
    "Nigeria",
    "South Africa",
    "Venezuela",
    "Colombia",
    "Armenia",
    "Azerbaijan",
    "Georgia",
    "Belarus",
    "Serbia",
    "Kosovo",
    "Taiwan",
    "Vietnam",
]
PEOPLE = [
    ("Vladimir Putin", "President", "Russia"),
    ("Sergei Lavrov", "Foreign Minister", "Russia"),
    ("Volodymyr Zelensky", "President", "Ukraine"),
    ("Joe Biden", "President", "United States"),
    ("Antony Blinken", "Secretary of State", "United States"),
    ("Xi Jinping", "President", "China"),
    ("Emmanuel Macron", "President", "France"),
    ("Olaf Scholz", "Chancellor", "Germany"),
    ("Recep Tayyip Erdogan", "President", "Turkey"),
    ("Narendra Modi", "Prime Minister", "India"),
    ("Benjamin Netanyahu", "Prime Minister", "Israel"),
    ("Angela Merkel", "Chancellor", "Germany"),
    ("Barack Obama", "President", "United States"),
    ("Donald Trump", "President", "United States"),
    ("Boris Johnson", "Prime Minister", "United Kingdom"),
    ("Kim Jong Un", "leader", "North Korea"),
]
ORGS = [
    "NATO",
    "European Union",
    "United Nations",
    "African Union",
    "OPEC",
    "World Bank",
    "International Monetary Fund",
    "Red Cross",
]
CITIES = [
    "Geneva",
    "Vienna",
    "Brussels",
    "Istanbul",
    "Doha",
    "Minsk",
    "Paris",
    "Berlin",
    "Beijing",
    "Ankara",
    "Riyadh",
    "Helsinki",
    "Warsaw",
    "Cairo",
    "New Delhi",
    "Tokyo",
]
OUTLETS = ["Daily Ledger", "World Wire", "Evening Courier", "Global Post", "News Desk"]

# {a} acts on {b}; {d} a date expression; {p} a place.
EVENT_TEMPLATES = [
    ("CONSULT", "{a} and {b} held talks in {p} {d}."),
    ("CONSULT", "{a} met {b} in {p} {d}, officials said."),
    ("CONSULT", "{a} spoke by phone with {b} {d}."),
    ("CONSULT", "{a} visited {p} {d} for a summit with {b}."),
    ("AGREE", "{a} signed an agreement with {b} {d}."),
    ("AGREE", "{a} and {b} reached a deal on grain exports {d}."),
    ("REQUEST", "{a} urged {b} {d} to return to negotiations."),
    ("ACCUSE", "{a} accused {b} {d} of violating the ceasefire."),
    ("THREATEN", "{a} threatened {b} with new sanctions {d}."),
    ("SANCTION", "{a} imposed sanctions on {b} {d}."),
    ("AID", "{a} pledged military aid to {b} {d}."),
    ("ASSAULT", "{a} launched missile strikes on {b} {d}, killing several civilians."),
    ("FIGHT", "Forces of {a} clashed with troops of {b} near the border {d}."),
    ("CONCEDE", "{a} and {b} agreed to a ceasefire {d}."),
    ("RETREAT", "{a} withdrew its troops from the region {d}."),
    ("PROTEST", "Thousands protested in {p} {d} against the policy of {a}."),
    ("MOBILIZE", "{a} deployed additional troops along the border with {b} {d}."),
]
BACKGROUND = [
    "The conflict between {a} and {b} has lasted for {n} years.",
    "Relations between {a} and {b} have been strained for {n} months.",
    "{a} has been a member of {o} since {y}.",
    "Negotiations stalled in {y} after a dispute over borders.",
    "Analysts said the talks could take weeks.",
    "Officials in {p} declined to comment.",
    "The ministry said it would respond in due course.",
    "Markets in {p} fell sharply on the news.",
    "Observers from {o} are expected to report next month.",
    "Critics say the measures will hurt ordinary people.",
]
QUOTES = [
    '"We will not accept any ultimatum," a spokesman for {a} said.',
    '"This is a step in the right direction," the {t} of {c} told reporters.',
    '"Dialogue is the only way forward," {o} said in a statement.',
    '"The situation remains tense," a diplomat in {p} said.',
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _date_phrase(rng: random.Random, day: date, published: date) -> str:
    """A way a reporter writing on `published` would date `day`."""
    delta = (published - day).days
    choices = [f"on {day:%B} {day.day}, {day.year}", f"on {day:%B} {day.day}"]
    if delta == 1:
        choices += [
            "yesterday",
            "on Monday" if day.weekday() == 0 else f"on {WEEKDAYS[day.weekday()]}",
        ]
    elif 0 < delta < 7:
        choices.append(f"on {WEEKDAYS[day.weekday()]}")
    elif delta == 0:
        choices += ["today", "on Thursday" if day.weekday() == 3 else "earlier today"]
    elif -7 < delta < 0:
        choices.append(f"next {WEEKDAYS[day.weekday()]}")
    if rng.random() < 0.1:
        end = day + timedelta(days=rng.randint(1, 3))
        if end.month == day.month:
            return f"between {day:%B} {day.day} and {end.day}"
    return rng.choice(choices)


def _actor(rng: random.Random) -> tuple[str, str]:
    """(how the text names it, its country when it is a person)."""
    r = rng.random()
    if r < 0.55:
        c = rng.choice(COUNTRIES)
        return c, c
    if r < 0.85:
        name, title, country = rng.choice(PEOPLE)
        form = rng.choice([name, f"{title} {name}", name.split()[-1]])
        return form, country
    o = rng.choice(ORGS)
    return o, o


DECADE = 3650  # days: the default span of the happenings' dates, from 2014-01-01
LAST_DAY = date(2014, 1, 1) + timedelta(days=DECADE - 1)


def archive_span(n: int) -> int:
    """The span in days of an archive of n articles: the 10,000-article corpus's decade
    per 10,000 articles (and never less than it)."""
    return max(DECADE, DECADE * n // 10_000)


def articles(n: int, seed: int = 7, span: int = DECADE) -> Iterator[dict[str, str]]:
    """n article records {id, title, date, url, text}, streamed; the happenings' dates
    fall in the `span` days that end on LAST_DAY."""
    rng = random.Random(seed)
    first = LAST_DAY - timedelta(days=span - 1)
    # a pool of happenings that several articles report (dates within the span)
    pool = []
    for _ in range(max(50, n // 3)):
        kind, template = rng.choice(EVENT_TEMPLATES)
        a, _ = _actor(rng)
        b, _ = _actor(rng)
        while b == a:
            b, _ = _actor(rng)
        day = first + timedelta(days=rng.randrange(span))
        pool.append((template, a, b, day, rng.choice(CITIES)))
    for i in range(n):
        template, a, b, day, place = rng.choice(pool)
        published = day + timedelta(days=rng.choice([0, 1, 1, 2, 3, 5, 9, 30]))
        sentences = [template.format(a=a, b=b, d=_date_phrase(rng, day, published), p=place)]
        for _ in range(rng.randint(8, 24)):
            r = rng.random()
            if r < 0.35:
                t2, a2, b2, day2, p2 = rng.choice(pool)
                day2 = published - timedelta(days=rng.randint(0, 20))
                sentences.append(t2.format(a=a2, b=b2, d=_date_phrase(rng, day2, published), p=p2))
            elif r < 0.75:
                sentences.append(
                    rng.choice(BACKGROUND).format(
                        a=a,
                        b=b,
                        n=rng.randint(2, 12),
                        y=rng.randint(min(1990, published.year - 24), published.year),
                        p=rng.choice(CITIES),
                        o=rng.choice(ORGS),
                    )
                )
            else:
                name, title, country = rng.choice(PEOPLE)
                sentences.append(
                    rng.choice(QUOTES).format(
                        a=a, t=title.lower(), c=country, o=rng.choice(ORGS), p=rng.choice(CITIES)
                    )
                )
        paragraphs = []
        while sentences:
            k = rng.randint(1, 3)
            paragraphs.append(" ".join(sentences[:k]))
            sentences = sentences[k:]
        outlet = rng.choice(OUTLETS)
        yield {
            "id": f"gen-{seed}-{i:06d}",
            "title": f"{a} and {b}: {template.split(' {d}')[0].format(a=a, b=b, p=place)[:60]}",
            "date": published.isoformat(),
            "url": f"https://{outlet.lower().replace(' ', '')}.example/{published:%Y/%m/%d}/{i}",
            "text": "\n".join(paragraphs),
        }


def write_jsonl(path: Path, n: int, seed: int = 7, span: int = DECADE) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for rec in articles(n, seed, span):
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path


def write_text(folder: Path, n: int, seed: int = 7, span: int = DECADE) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for rec in articles(n, seed, span):
        (folder / f"{rec['id']}.txt").write_text(
            f"{rec['title']}\n{rec['date'].replace('-', '')}\n{rec['url']}\n{rec['text']}\n",
            encoding="utf-8",
        )
    return folder


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--format", choices=("jsonl", "txt"), default="jsonl")
    ap.add_argument("--archive", action="store_true", help="dates over a span that grows with --n")
    args = ap.parse_args()
    span = archive_span(args.n) if args.archive else DECADE
    if args.format == "jsonl":
        write_jsonl(args.out, args.n, args.seed, span)
    else:
        write_text(args.out, args.n, args.seed, span)
    print(f"wrote {args.n} articles to {args.out}")


if __name__ == "__main__":
    main()
