"""Accuracy of dashapp.temporal.tag on the evaluation corpora, beside reference systems.

usage: python benchmarks/temporal_eval.py [--eval-dir DIR] [--corpus NAME ...] [--errors N]

Runs tag() over te3_platinum and meantime_en (news mode, dct = the document date) and
wikiwars (narrative mode), writes the predictions to a temporary JSONL in the corpus schema,
scores them with the corpora's own score.py (--json), and prints value F1 and relaxed span
F1 per corpus next to HeidelTime's and dateparser.search_dates' published figures. The
corpus texts stay in ../shared/eval; nothing of them is copied into the repository.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dashapp.temporal import tag  # noqa: E402

CORPORA = {  # name: (file, doc_type)
    "te3_platinum": ("te3_platinum/te3_platinum.jsonl", "news"),
    "meantime_en": ("meantime_en/meantime_en.jsonl", "news"),
    "wikiwars": ("wikiwars/wikiwars.jsonl", "narrative"),
}
# (value F1, relaxed span F1) as published / measured by the corpus README
HEIDELTIME = {
    "te3_platinum": (0.781, 0.907),
    "meantime_en": (0.802, 0.890),
    "wikiwars": (0.823, 0.910),
}
DATEPARSER = {
    "te3_platinum": (0.341, 0.689),
    "meantime_en": (0.553, 0.748),
    "wikiwars": (0.361, 0.774),
}
TARGET_VALUE = {"te3_platinum": 0.85, "meantime_en": 0.88, "wikiwars": 0.85}
TARGET_SPAN = 0.92


def run_corpus(path: Path, doc_type: str) -> tuple[list[dict], list[dict], float]:
    docs = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    preds = []
    t0 = time.perf_counter()
    for d in docs:
        dct = date.fromisoformat(d["dct"]) if d.get("dct") else None
        tx = tag(d["text"], dct, doc_type=doc_type)  # type: ignore[arg-type]
        preds.append(
            {
                "doc_id": d["doc_id"],
                "timexes": [
                    {
                        "start": t.start,
                        "end": t.end,
                        "text": t.text,
                        "type": t.type,
                        "value": t.value,
                        **({"mod": t.mod} if t.mod else {}),
                    }
                    for t in tx
                ],
            }
        )
    return docs, preds, time.perf_counter() - t0


def score(eval_dir: Path, gold: Path, preds: list[dict]) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for p in preds:
            f.write(json.dumps(p) + "\n")
        tmp = f.name
    try:
        res = subprocess.run(
            [sys.executable, str(eval_dir / "score.py"), str(gold), tmp, "--json"],
            check=True,
            capture_output=True,
            text=True,
        )
    finally:
        Path(tmp).unlink(missing_ok=True)
    return json.loads(res.stdout)


def show_errors(docs: list[dict], preds: list[dict], limit: int) -> None:
    """Print mismatches (for development; prints corpus snippets to the terminal only)."""
    n = 0
    for d, p in zip(docs, preds, strict=True):
        pred = {(t["start"], t["end"]): t for t in p["timexes"]}
        used = set()
        for g in d["timexes"]:
            hit = None
            for (s, e), t in pred.items():
                if s < g["end"] and g["start"] < e:
                    hit = t
                    used.add((s, e))
                    break
            ok = hit and (
                hit["value"] == g["value"] or hit["value"] in g.get("acceptable_values", [])
            )
            if not ok:
                n += 1
                ctx = d["text"][max(0, g["start"] - 50) : g["end"] + 30].replace("\n", " ")
                got = f"{hit['text']!r} {hit['type']} {hit['value']}" if hit else "MISSED"
                gold = f"{g['text']!r} {g['type']} {g['value']}"
                print(f"  FN {d['dct']} gold {gold} | got {got} | {ctx}")
        for (s, e), t in pred.items():
            if (s, e) not in used and not any(
                s < g["end"] and g["start"] < e for g in d["timexes"]
            ):
                n += 1
                ctx = d["text"][max(0, s - 50) : e + 30].replace("\n", " ")
                print(f"  FP {d['dct']} {t['text']!r} {t['type']} {t['value']} | {ctx}")
        if n >= limit:
            return


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--eval-dir", type=Path, default=ROOT.parent / "shared" / "eval")
    ap.add_argument("--corpus", nargs="*", default=list(CORPORA))
    ap.add_argument("--errors", type=int, default=0, help="print up to N mismatches per corpus")
    args = ap.parse_args(argv)
    rows = []
    for name in args.corpus:
        rel, doc_type = CORPORA[name]
        gold = args.eval_dir / rel
        docs, preds, secs = run_corpus(gold, doc_type)
        res = score(args.eval_dir, gold, preds)
        if args.errors:
            print(f"--- {name} errors")
            show_errors(docs, preds, args.errors)
        rows.append((name, doc_type, res, len(docs) / secs, secs))
    hdr = (
        f"{'corpus':<13}{'mode':<10}{'gold':>5}{'pred':>6} | {'valF1':>6}{'spanF1':>7}"
        f"{'strict':>7}{'typeF1':>7} | {'HT val':>7}{'HT span':>8} | {'DP val':>7}{'DP span':>8}"
        f" | {'target':>12} | {'docs/s':>7}"
    )
    print(hdr)
    print("-" * len(hdr))
    for name, doc_type, res, rate, _secs in rows:
        hv, hs = HEIDELTIME[name]
        dv, ds = DATEPARSER[name]
        v, s = res["value"]["f1"], res["relaxed"]["f1"]
        ok = (
            "ok" if v >= TARGET_VALUE[name] and s >= TARGET_SPAN and v > hv and s > hs else "MISSED"
        )
        print(
            f"{name:<13}{doc_type:<10}{res['gold']:>5}{res['pred']:>6} | {v:>6.4f}{s:>7.4f}"
            f"{res['strict']['f1']:>7.3f}{res['type']['f1']:>7.3f} | {hv:>7.3f}{hs:>8.3f} | "
            f"{dv:>7.3f}{ds:>8.3f} | {TARGET_VALUE[name]:.2f}/{TARGET_SPAN:.2f} {ok:<3}"
            f" | {rate:>7.1f}"
        )
    print(
        "valF1 = relaxed match with the right value; spanF1 = relaxed (overlap) span F1;"
        " HT = HeidelTime, DP = dateparser.search_dates (wikiwars DP figures: corpus README)."
    )
    total_docs = sum(r[2]["docs"] for r in rows)
    total_secs = sum(r[4] for r in rows)
    print(
        f"articles/s over all corpora: {total_docs / total_secs:.1f} "
        f"({total_docs} docs, {total_secs:.2f} s wall clock)"
    )


if __name__ == "__main__":
    main()
