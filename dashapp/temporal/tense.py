"""Clause tense around a temporal expression: does it point before or after the reference date?

The cue words are data (resources/temporal/tense_cues.tsv, past_verbs.tsv). Every cue in the
sentence votes for its direction with weight strength / (1 + distance in words); the
strongest vote wins. Reporting verbs ("said", "told") only vote when they touch the
expression ("Biden said Friday"): elsewhere the reported clause decides ("the White House
said that in Sunday's call Biden will reaffirm ..." is future).
"""

from __future__ import annotations

import re
from typing import Literal

from dashapp.temporal.lexicon import lexicon

Tense = Literal["past", "future", "present"]

_WORD = re.compile(r"[A-Za-z]+(?:['\u2019][a-z]+)?")
# A sentence ends at . ! ? ; followed by blank and a capital/quote, or at a line break.
_BOUNDARY = re.compile(r"[.!?;][\"'\u201d\u2019)]?\s+(?=[A-Z\"'\u201c\u2018(])|\n")
_MAXW = 3  # longest cue phrase, in words


def _cue_table() -> tuple[dict[str, tuple[str, float]], frozenset[str]]:
    lx = lexicon()
    return lx.tense_cues, lx.past_verbs


def sentence_bounds(text: str, start: int, end: int, window: int = 240) -> tuple[int, int]:
    lo = max(0, start - window)
    left = lo
    for m in _BOUNDARY.finditer(text, lo, start):
        left = m.end()
    m = _BOUNDARY.search(text, end, min(len(text), end + window))
    right = m.start() + 1 if m else min(len(text), end + window)
    return left, right


def _votes(words: list[str], distances: list[int]) -> dict[str, float]:
    cues, past_verbs = _cue_table()
    best: dict[str, float] = {}
    i = 0
    n = len(words)
    while i < n:
        hit = None
        for k in range(min(_MAXW, n - i), 0, -1):
            phrase = " ".join(words[i : i + k])
            if phrase in cues:
                hit = (cues[phrase], k)
                break
        d = distances[i]
        if hit:
            (direction, strength), k = hit
            i += k
        else:
            w = words[i]
            i += 1
            if w in past_verbs or (len(w) > 4 and w.endswith("ed")):
                direction, strength = "past", 1.0
            else:
                continue
        if direction == "none":
            continue
        if direction == "report":
            if d > 1:
                continue
            direction, strength = "past", 2.0
        weight = strength / (1 + d)
        if weight > best.get(direction, 0.0):
            best[direction] = weight
    return best


def clause_tense(text: str, start: int, end: int) -> tuple[Tense | None, float]:
    """The tense of the sentence around text[start:end] and the winning vote's margin
    (0..1, how sure). None when no cue is found."""
    left, right = sentence_bounds(text, start, end)
    before = [m.group().lower().replace("\u2019", "'") for m in _WORD.finditer(text, left, start)]
    after = [m.group().lower().replace("\u2019", "'") for m in _WORD.finditer(text, end, right)]
    words = before + after
    distances = [len(before) - 1 - i for i in range(len(before))] + list(range(len(after)))
    # Cue phrases must not span the expression itself: vote on each side separately.
    votes_l = _votes(before, distances[: len(before)])
    votes_r = _votes(after, distances[len(before) :])
    votes = {k: max(votes_l.get(k, 0.0), votes_r.get(k, 0.0)) for k in {*votes_l, *votes_r}}
    del words
    if not votes:
        return None, 0.0
    ranked = sorted(votes.items(), key=lambda kv: -kv[1])
    top, w = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    margin = (w - second) / w if w else 0.0
    return top, margin  # type: ignore[return-value]
