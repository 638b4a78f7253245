"""Sentence and clause boundaries with offsets, for the stages after tagging."""

from __future__ import annotations

import re

# Abbreviations after which a full stop does not end a sentence.
_ABBREV = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "gen",
    "col",
    "lt",
    "sgt",
    "adm",
    "brig",
    "cmdr",
    "msgr",
    "rev",
    "fr",
    "mme",
    "messrs",
    "sens",
    "reps",
    "amb",
    "capt",
    "maj",
    "gov",
    "sen",
    "rep",
    "st",
    "jr",
    "sr",
    "vs",
    "no",
    "nos",
    "fig",
    "inc",
    "corp",
    "co",
    "ltd",
    "dept",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "u.s",
    "u.k",
    "u.n",
    "e.u",
    "a.m",
    "p.m",
    "approx",
    "est",
    "etc",
    "al",
}
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
# The letters of the word before a full stop ("Mr.", "U.S.", "Jan."), as [A-Za-z.]+
_WORD_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz."
# A run of [.!?] (then closing quotes/brackets) before a blank and a capital, or line breaks.
# (It opens with a plain character class, so the engine skips in C to the next [.!?\n]
# instead of trying the pattern at every position: same matches, twice as fast as a
# leading lookahead.)
_END = re.compile(
    r"[.!?\n](?:(?<=\n)\n*|[.!?]*[\"'\u201d\u2019)]*(?=\s+[\"'\u201c\u2018(]?[A-Z0-9]))"
)
# Clause boundaries inside a sentence: semicolons, dashes, and conjunctions that start a
# new predication. A date belongs to the clause it stands in.
# (Factored by first character, ";", whitespace or ",": the same matches, found twice as
# fast.)
_CLAUSE = re.compile(
    r";|\s(?:[\u2014\u2013]\s|--\s|\s+|(?:and is|and was|and has|and had|and will|but)\s)"
    r"|,\s+(?:while|whereas|although|but|after|before|when|as|and then|because|since)\b"
)


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; paragraphs (lines) always end a sentence."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        g = m.group()
        at = m.start()
        if g[0] == "." and not g.startswith(".."):
            # the word just before the stop (in the 12 characters before it)
            before = text[at - 12 if at > 12 else 0 : at]
            if before[-1:] == "\n":
                before = before[:-1]
            word = before[len(before.rstrip(_WORD_CHARS)) :]
            if word and (
                word.lower().strip(".") in _ABBREV
                or len(word) == 1
                or ("." in word and _INITIALS.fullmatch(word))
            ):
                continue  # "Mr.", "Jan.", "J.", and initials: "B.J. Habibie", "F.W. de Klerk"
        end = at if "\n" in g else m.end()
        _push(text, start, end, out)
        start = m.end()
    _push(text, start, len(text), out)
    return out


def _push(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        out.append((start, end))


# What any _CLAUSE match contains when blanks are single spaces (the comma and "and"
# cues open with a literal the engine finds fast): most sentences hold none, and these
# tests cost a third of running the pattern over them.
_COMMA_CUE = re.compile(
    r", (?:while|whereas|although|but|after|before|when|as|and then|because|since)"
)
_AND_CUE = re.compile(r" and (?:is|was|has|had|will) ")


def _one_clause(seg: str) -> bool:
    """No _CLAUSE match in `seg`, seen without running it: no blank but the plain space
    (every other whitespace character is unprintable) and none of the boundary cues."""
    return (
        seg.isprintable()
        and ";" not in seg
        and "--" not in seg
        and "\u2014" not in seg
        and "\u2013" not in seg
        and "  " not in seg
        and " but " not in seg
        and _AND_CUE.search(seg) is None
        and _COMMA_CUE.search(seg) is None
    )


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of the clauses of the sentence text[start:end]."""
    if _one_clause(text[start:end]):
        return [(start, end)]
    out: list[tuple[int, int]] = []
    pos = start
    for m in _CLAUSE.finditer(text, start, end):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.start() + (1 if m.group().startswith(",") else 0)
    if end > pos:
        out.append((pos, end))
    return out or [(start, end)]
