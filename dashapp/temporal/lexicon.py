"""Word lists of the temporal tagger, loaded once from dashapp/resources/temporal/*.tsv."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources" / "temporal"


def rows(name: str) -> list[list[str]]:
    """The data rows of one resource file: '#' comment lines and blank lines skipped."""
    out = []
    for line in (RESOURCES / name).read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        out.append([c.strip() for c in line.split("\t")])
    return out


@dataclass(frozen=True, slots=True)
class Holiday:
    names: tuple[str, ...]
    rule: str
    args: tuple[str, ...]
    context: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Lexicon:
    months: dict[str, int]
    ambiguous_months: frozenset[str]
    abbr_months: frozenset[str]
    weekdays: dict[str, int]
    abbr_weekdays: frozenset[str]
    numbers: dict[str, int | None]  # None = unspecified quantity ("several")
    ordinals: dict[str, int]
    units: dict[str, tuple[str, int, bool]]  # any form -> (designator, multiplier, clock)
    unit_singular: dict[str, str]  # any form -> singular
    seasons: dict[str, str]
    ambiguous_seasons: frozenset[str]
    parts_of_day: dict[str, str]
    vague: dict[str, tuple[str, str]]  # phrase -> (value, mode)
    mods: dict[str, dict[str, str]]  # applies-to -> {phrase: mod}
    holidays: tuple[Holiday, ...]
    tense_cues: dict[str, tuple[str, float]]
    past_verbs: frozenset[str]
    decoy_before: frozenset[str]
    decoy_after: frozenset[str]
    decoy_name: frozenset[str]


def _number_words() -> dict[str, int | None]:
    base: dict[str, int | None] = {}
    for word, value in rows("numbers.tsv"):
        base[word] = None if value == "X" else int(value)
    tens = {w: v for w, v in base.items() if v is not None and 20 <= v <= 90 and v % 10 == 0}
    units = {w: v for w, v in base.items() if v is not None and 1 <= v <= 9 and " " not in w}
    units.pop("a", None)
    units.pop("an", None)
    units.pop("single", None)
    for tw, tv in tens.items():
        for uw, uv in units.items():
            base[f"{tw}-{uw}"] = tv + uv
            base[f"{tw} {uw}"] = tv + uv
    return base


@cache
def lexicon() -> Lexicon:
    months: dict[str, int] = {}
    amb, abbr = set(), set()
    for row in rows("months.tsv"):
        months[row[0]] = int(row[1])
        flags = row[2] if len(row) > 2 else ""
        if "ambiguous" in flags:
            amb.add(row[0])
        if "abbr" in flags:
            abbr.add(row[0])
    weekdays: dict[str, int] = {}
    wabbr = set()
    for row in rows("weekdays.tsv"):
        weekdays[row[0]] = int(row[1])
        if len(row) > 2 and "abbr" in row[2]:
            wabbr.add(row[0])
    units: dict[str, tuple[str, int, bool]] = {}
    singular: dict[str, str] = {}
    for sg, pl, des, mult, clock in rows("units.tsv"):
        for form in (sg, pl):
            units[form] = (des, int(mult), clock == "y")
            singular[form] = sg
    seasons, amb_seasons = {}, set()
    for row in rows("seasons.tsv"):
        seasons[row[0]] = row[1]
        if len(row) > 2 and "ambiguous" in row[2]:
            amb_seasons.add(row[0])
    mods: dict[str, dict[str, str]] = {}
    for phrase, mod, applies in rows("modifiers.tsv"):
        for a in applies.split(","):
            mods.setdefault(a, {})[phrase] = mod
    holidays = []
    for row in rows("holidays.tsv"):
        context = frozenset(row[3].split()) if len(row) > 3 else frozenset()
        names = tuple(n.strip() for n in row[0].split("|"))
        holidays.append(Holiday(names, row[1], tuple(row[2].split()), context))
    cues = {row[0]: (row[1], float(row[2])) for row in rows("tense_cues.tsv")}
    decoys = rows("decoys.tsv")
    return Lexicon(
        months=months,
        ambiguous_months=frozenset(amb),
        abbr_months=frozenset(abbr),
        weekdays=weekdays,
        abbr_weekdays=frozenset(wabbr),
        numbers=_number_words(),
        ordinals={w: int(v) for w, v in rows("ordinals.tsv")},
        units=units,
        unit_singular=singular,
        seasons=seasons,
        ambiguous_seasons=frozenset(amb_seasons),
        parts_of_day={w: c for w, c in rows("parts_of_day.tsv")},
        vague={row[0]: (row[1], row[2]) for row in rows("vague.tsv")},
        mods=mods,
        holidays=tuple(holidays),
        tense_cues=cues,
        past_verbs=frozenset(r[0] for r in rows("past_verbs.tsv")),
        decoy_before=frozenset(w for side, w in decoys if side == "before"),
        decoy_after=frozenset(w for side, w in decoys if side == "after"),
        decoy_name=frozenset(w for side, w in decoys if side == "name"),
    )


APOS = "['\u2019\u2018`]"


def alternation(words: object, *, apostrophes: bool = False, blank: str | None = r"\s+") -> str:
    """A regex matching any of `words`, built as a character trie so that the regex engine
    does not try each word in turn (Python's re has no such optimisation for alternations).
    Longer words win over their prefixes; a space matches `blank` (by default any run of
    blanks; None: the space itself), and with `apostrophes` a "'" matches a straight,
    curly or stripped apostrophe ("New Years Eve")."""
    trie: dict = {}
    for w in set(words):  # type: ignore[call-overload]
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True

    def atom(ch: str) -> str:
        if ch == " " and blank is not None:
            return blank
        if ch == "'" and apostrophes:
            return APOS + "?"
        return re.escape(ch)

    def build(node: dict) -> str:
        end = "" in node
        branches = [atom(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            # greedy optional: the longer word is tried first, the shorter one on failure
            return "(?:" + body + ")?"
        return body

    return build(trie)
