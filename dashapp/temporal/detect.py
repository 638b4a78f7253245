"""First pass: text -> candidate spans with offsets and an UNRESOLVED (underspecified) value.

Each rule is a regex assembled at import time from the word lists in
resources/temporal/ plus a small handler that reads the match into a `Cand`: a kind
("abs" fully specified, "md" month-day without year, "wd" weekday, "rel" offset from an
anchor, "dur", "set", "vague", "holiday", ...) and its fields (`underspecified` prints it).

One scan: the text is tokenised once, and each rule is tried (`match` at that offset) only
where a word that can start it occurs ("the" only before a word that can follow it, month
and weekday names only capitalised, numbers by their shape), so the regexes never scan the
whole text. The longest candidates then win and overlaps are dropped (ties: rule priority,
then leftmost); the two members of a range compete as one unit.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date

from dashapp.temporal.lexicon import APOS, alternation, lexicon

LX = lexicon()


@dataclass(slots=True)
class Cand:
    start: int
    end: int
    type: str  # DATE TIME DURATION SET
    kind: str
    data: dict = field(default_factory=dict)
    prio: int = 5
    mod: str | None = None
    range_id: object | None = None  # shared by the two members of a range


def underspecified(c: Cand) -> str:
    """The first pass's value in a HeidelTime-like printed form, for tests and debugging:
    "UNDEF-weekday-4" (a Thursday, direction unknown), "UNDEF-year-01-09", "UNDEF-ref-day-1"
    (yesterday), "UNDEF-focus-year+0" (that year), or the final value when it needs no
    anchor ("2014", "P3W")."""
    d = c.data
    if c.kind in ("abs", "dur", "set", "vague", "generic"):
        return d["value"]
    if c.kind == "wd":
        return f"UNDEF-{d.get('rel') or 'weekday'}-{d['wd']}".replace(" ", "_")
    if c.kind == "md":
        if d.get("of_month"):
            return f"UNDEF-focus-month-{d['day']:02d}"
        y = d.get("year") or d.get("coord_year")
        return (
            f"{y:04d}-{d['month']:02d}-{d['day']:02d}"
            if y
            else (f"UNDEF-year-{d['month']:02d}-{d['day']:02d}")
        )
    if c.kind == "month":
        return f"UNDEF-year-{d['month']:02d}"
    if c.kind in ("rel", "offset"):
        anchor = "ref" if d["anchor"] == "dct" else "focus"
        n = d["n"] * (d.get("count") or 1) if d.get("count") is not None else d["n"]
        return f"UNDEF-{anchor}-{d['unit']}{n:+g}"
    return f"UNDEF-{c.kind}"


def pair(first: Cand, second: Cand) -> list[Cand]:
    """Mark two candidates as the members of one range ("January 9 and 10")."""
    first.range_id = second.range_id = object()
    return [first, second]


# --- regex fragments ------------------------------------------------------------------
_FULL_MONTHS = [m for m in LX.months if m not in LX.abbr_months]
MONTH = rf"(?:{alternation(_FULL_MONTHS)}|(?:{alternation(LX.abbr_months)})\.?)(?![a-z])"
_FULL_WD = [w for w in LX.weekdays if w not in LX.abbr_weekdays]
WEEKDAY = rf"(?:{alternation(_FULL_WD)})"
WEEKDAY_ANY = rf"(?:{alternation(_FULL_WD)}|(?:{alternation(LX.abbr_weekdays)})\.)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\d:])"
YEAR4 = r"(?:1\d{3}|20\d{2})"
YEAR = r"(?:1\d{3}|20\d{2})(?![\d%])"
NUMWORDS = alternation(LX.numbers)
NUM = rf"(?:\d{{1,3}}(?:,\d{{3}})+(?![\d,])|\d{{1,4}}(?:\.\d+)?|{NUMWORDS})"
UNIT = alternation(LX.units)
SEASON = alternation(LX.seasons)
PARTS = alternation(w for w, c in LX.parts_of_day.items() if ":" not in c)
ORD = alternation(LX.ordinals)
DATEMOD = alternation([*LX.mods["date"], "mid-", "mid"])
DURMOD = alternation(LX.mods["dur"])
AGOMOD = alternation(LX.mods["ago"])
REL = r"(?:last|next|this|coming|past|previous|following|preceding|same|that|that\s+same)"
WB = r"(?<![\w$\u20ac\u00a3])"

_MODS = {**LX.mods["date"], "mid-": "MID", "mid": "MID"}
# after a modifier, "the" only when the modifier ends in "of" ("the end of the first quarter"),
# not "about the Jan. 6 attack"
MOD_THE = r"(?:(?<=of\s)|(?!the\b))"


_BLANKS = re.compile(r"\s+")
_PLAIN = re.compile(r"[A-Za-z0-9.'-]*")


# The only characters outside ASCII that re.IGNORECASE matches as ASCII letters ("hrſ"
# matches "hrs"): norm reads them as those letters, so that a matched word is found in the
# word lists ("İ" would lower-case to two code points); a text holding one is not gated
# (_FOLDS, candidates).
_FOLD_LETTERS = {"\u017f": "s", "\u212a": "k", "\u0131": "i", "\u0130": "i"}
_AS_ASCII = str.maketrans(_FOLD_LETTERS)


def norm(s: str) -> str:
    """Lower case, curly apostrophes straightened, blanks collapsed."""
    if _PLAIN.fullmatch(s):
        return s.lower()
    s = s.translate(_AS_ASCII).lower().replace("\u2019", "'").replace("\u2018", "'")
    return _BLANKS.sub(" ", s)


def month_num(tok: str) -> int | None:
    return LX.months.get(norm(tok).rstrip("."))


# (the small regexes of handlers, compiled once rather than looked up in re's cache at
# each call)
_NON_DIGITS = re.compile(r"\D")
_THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+")
_DECIMAL = re.compile(r"\d+(?:\.\d+)?")


def day_num(tok: str) -> int:
    return int(_NON_DIGITS.sub("", tok))


def number(tok: str) -> int | float | None:
    """Value of a number token: int, float, or None for unspecified quantities."""
    t = norm(tok)
    t = t.replace(",", "") if _THOUSANDS.fullmatch(t) else t
    if _DECIMAL.fullmatch(t):
        return float(t) if "." in t else int(t)
    return LX.numbers.get(t)


def date_mod(tok: str | None) -> str | None:
    if not tok:
        return None
    return _MODS.get(norm(tok).strip())


def is_lower(tok: str) -> bool:
    return tok[:1].islower()


_PREV_WORD = re.compile(r"([A-Za-z$\u20ac\u00a3][\w.$]*)\W{0,2}$")
_NEXT_WORD = re.compile(r"^\s*(%|[A-Za-z]+\.?)")


def prev_word(text: str, pos: int) -> str:
    lo = max(0, pos - 30)
    # The word found holds no blank and ends at most three characters before `pos` (two
    # non-word characters, and "$" matches before a final line break), so it starts after
    # the last space before that: the search starts there rather than trying every
    # position of the 30 characters (the pattern looks at nothing before its start).
    sp = text.rfind(" ", lo, pos - 3) if pos - 3 > lo else -1  # (no negative end: from the right)
    m = _PREV_WORD.search(text, lo if sp < 0 else sp + 1, pos)
    return m.group(1).lower() if m else ""


def next_word(text: str, pos: int) -> str:
    m = _NEXT_WORD.match(text[pos : pos + 30])
    return m.group(1).lower() if m else ""


_NAME_AFTER = re.compile(r"[ \t]+([A-Z][a-z]+)")


def name_follows(text: str, end: int) -> bool:
    """ "the Sunday Times", "Easter Island": a capitalised name word right after."""
    m = _NAME_AFTER.match(text[end : end + 24])
    return bool(m) and m.group(1).lower() in LX.decoy_name


_LETTER_HYPHEN = re.compile(r"[A-Za-z]-$")
_HYPHEN_NUM_NAME = re.compile(r"-(?:\d|[A-Z][a-z])")
_HYPHEN_LOWER = re.compile(r"-[a-z]")
_SEP_DIGIT = re.compile(r"[,.]\d")
_DIGIT_SEP = re.compile(r"\d[,.]$")


def year_decoy(text: str, s: int, e: int) -> bool:
    """True when the number at text[s:e] reads as a count or a label, not a year."""
    before = text[max(0, s - 2) : s]
    if before.endswith(("$", "\u20ac", "\u00a3", "#", "-", "/", ".")) and not before.endswith(" -"):
        if not before.endswith(("-", "/")) or _LETTER_HYPHEN.search(before):
            return True
    after = text[e : e + 2]
    if after[:1] in ("%", "-") and not _HYPHEN_NUM_NAME.match(text[e : e + 3]):
        if after[:1] == "%" or _HYPHEN_LOWER.match(text[e : e + 2]):
            return True
    if _SEP_DIGIT.match(text[e : e + 2]) or _DIGIT_SEP.search(text[max(0, s - 2) : s]):
        return True
    pw = prev_word(text, s)
    if pw in LX.decoy_before and text[s - 1 : s] in (" ", "\u00a0", "$", "\u20ac", "\u00a3"):
        return True
    nw = next_word(text, e)
    return nw.rstrip(".") in LX.decoy_after or nw in LX.decoy_after


_NAME_BEFORE = re.compile(r"([A-Z][a-z]+)\s+$")
_NAME_NEXT = re.compile(r"\s+([A-Z][a-z]+)")
_SENTENCE_START = re.compile(r"(?:^|[.!?\n]\s*)$")


def _capitalised_name(text: str, s: int, e: int) -> bool:
    """'Russell 2000 Index', 'Windows 2000 Server': a number inside a proper name."""
    before = _NAME_BEFORE.search(text[max(0, s - 20) : s])
    after = _NAME_NEXT.match(text[e : e + 20])
    if not (before and after):
        return False
    if after.group(1).lower() in LX.months or after.group(1).lower() in LX.weekdays:
        return False
    word = before.group(1)
    if word.lower() in LX.months or word.lower() in _MONTH_CONTEXT or word in ("The", "A"):
        return False
    return not _SENTENCE_START.search(text[max(0, s - 24) : s - len(word) - 1])


_COORD = None


def coord_year(text: str, end: int) -> int | None:
    """The year of a date coordinated right after a year-less one: "31 May-1 June 1916",
    "August and September 1914", "between March and April 1918"."""
    global _COORD
    if _COORD is None:
        _COORD = re.compile(
            rf"\s*(?:-|\u2013|and|to|or|until|through|till)\s*(?:(?:{DAY})\s+(?:of\s+)?)?"
            rf"(?:{MONTH})\s*(?:{DAY})?,?\s*({YEAR4})(?![\d\w])",
            re.I,
        )
    m = _COORD.match(text, end, min(len(text), end + 40))
    return int(m.group(1)) if m else None


# "Feb. 24 last year", and a year named before: "in May that year", "on Dec. 31 of that
# same year", "in March the following year" (as "May of that year" is read)
_YEAR_REL = re.compile(
    r",?\s+(?:of\s+)?(last|this|next|that(?:\s+same)?|the\s+(?:same|following|next|previous))"
    r"\s+year(?![\w-])",
    re.I,
)
_DEICTIC_YEARS = {"last": -1, "this": 0, "next": 1}


def _year_rel(text: str, end: int, data: dict) -> int:
    """ "Feb. 24 last year": the year is relative to the reference date; "Dec. 31 that year":
    to the year in focus; one timex."""
    if data.get("year") or data.get("coord_year"):
        return end
    m = _YEAR_REL.match(text, end)
    if not m:
        return end
    rel = norm(m.group(1))
    if rel in _DEICTIC_YEARS:
        data["year_rel"] = _DEICTIC_YEARS[rel]
    else:
        data["year_of"] = rel + " year"
    return m.end()


_POD_OF = None


def with_pod(c: Cand, text: str) -> Cand:
    """ "the night of April 18, 1775", "the morning of April 19": a TIME."""
    global _POD_OF
    if _POD_OF is None:
        _POD_OF = re.compile(rf"(?:the\s+)?({PARTS})\s+of\s+$", re.I)
    lo = max(0, c.start - 24)
    # (the pattern ends in "of" and blanks: most candidates have no "of" before them, and
    # the search would try every one of the 24 positions)
    m = (
        _POD_OF.search(text, lo, c.start)
        if text[lo : c.start].rstrip()[-2:].lower() == "of"
        else None
    )
    if m:
        c.start = m.start()
        c.type = "TIME"
        c.data["pod"] = LX.parts_of_day[norm(m.group(1))]
    return c


# --- rules ----------------------------------------------------------------------------
Handler = Callable[[re.Match, str], "Cand | list[Cand] | None"]
RULES: list[tuple[str, re.Pattern, Handler, int]] = []


def rule(pattern: str, prio: int = 5, flags: int = re.I) -> Callable[[Handler], Handler]:
    def deco(fn: Handler) -> Handler:
        RULES.append((fn.__name__, re.compile(pattern, flags), fn, prio))
        return fn

    return deco


def _year_of(tok: str | None) -> int | None:
    if not tok:
        return None
    t = tok.strip().lstrip("'\u2019")
    return int(t) if len(t) == 4 else None


# Month-day(-year), optional weekday before, optional range "January 9 and 10", "Jan. 9-10".
@rule(
    rf"{WB}(?:(?P<wd>{WEEKDAY_ANY}),?[ \t]+)?(?:(?P<mod>{DATEMOD})\s*{MOD_THE})?(?:the\s+)?"
    rf"(?P<mon>{MONTH})\s*(?P<d1>{DAY})(?P<list>(?:\s*,\s*{DAY})+(?=\s*,?\s*(?:and|or)\s*{DAY}))?"
    rf"(?:(?P<sep>\s*,?\s*(?:-|\u2013|\u2014|and|to|through|until|till|or)\s*)"
    rf"(?:(?P<mon2>{MONTH})\s*)?(?P<d2>{DAY}))?"
    rf"(?:,?\s+(?P<y>{YEAR4})(?![\d%])|(?P<y2>,\s*(?:'|\u2019)\d\d))?"
    r"(?![\w])",
    prio=1,
)
def month_day(m: re.Match, text: str) -> Cand | list[Cand] | None:
    if is_lower(m["mon"]) and not m["mon"].isupper():
        return None
    mon = month_num(m["mon"])
    d1 = day_num(m["d1"])
    y = _year_of(m["y"])
    if not mon or d1 > 31:
        return None
    if m["wd"] and is_lower(m["wd"]):
        return None
    start = m.start("wd") if m["wd"] else (m.start("mod") if m["mod"] else m.start("mon"))
    mod = date_mod(m["mod"])
    if not m["d2"]:
        end = m.end("y") if m["y"] else m.end("d1")
        data = {"month": mon, "day": d1, "year": y, "coord_year": coord_year(text, end)}
        end = _year_rel(text, end, data)
        return with_pod(Cand(start, end, "DATE", "md", data, 1, mod), text)
    d2 = day_num(m["d2"])
    mon2 = month_num(m["mon2"]) if m["mon2"] else mon
    sep = norm(m["sep"]).strip()
    if d2 > 31 or not mon2:
        return None
    if m["list"]:
        # "March 3, 10 and 17": a list of days of one month, each its own timex
        out = [Cand(start, m.end("d1"), "DATE", "md", {"month": mon, "day": d1, "year": y}, 1, mod)]
        for dm in re.finditer(r"\d+", m["list"]):
            a = m.start("list") + dm.start()
            out.append(
                Cand(
                    a,
                    a + len(dm.group()),
                    "DATE",
                    "md",
                    {"month": mon, "day": int(dm.group()), "year": y},
                    1,
                )
            )
        end2 = m.end("y") if m["y"] else m.end("d2")
        out.append(
            Cand(m.start("d2"), end2, "DATE", "md", {"month": mon2, "day": d2, "year": y}, 1)
        )
        return out if all(1 <= c.data["day"] <= 31 for c in out) else None
    sep = sep.lstrip(", ").strip() or sep
    is_range = sep != "or" and (sep != "and" or mon2 != mon or d2 == d1 + 1)
    first = Cand(start, m.end("d1"), "DATE", "md", {"month": mon, "day": d1, "year": y}, 1, mod)
    second_start = m.start("mon2") if m["mon2"] else m.start("d2")
    end2 = m.end("y") if m["y"] else m.end("d2")
    second = Cand(second_start, end2, "DATE", "md", {"month": mon2, "day": d2, "year": y}, 1)
    if sep == "and" and prev_word(text, start) in ("between", "from"):
        is_range = True
    return pair(first, second) if is_range else [first, second]


# Day-month(-year): "9 January 2022", "the 9th of January", "9-10 January".
@rule(
    rf"{WB}(?:(?P<wd>{WEEKDAY_ANY}),?[ \t]+)?(?:(?P<mod>{DATEMOD})\s*{MOD_THE})?(?:the\s+)?"
    rf"(?P<d1>{DAY})"
    rf"(?:(?P<sep>\s*(?:-|\u2013|and|to)\s*)(?P<d2>{DAY}))?\s+(?:of\s+)?(?P<mon>{MONTH})"
    rf"(?:,?\s+(?P<y>{YEAR4})(?![\d%]))?(?![\w])",
    prio=1,
)
def day_month(m: re.Match, text: str) -> Cand | list[Cand] | None:
    if is_lower(m["mon"]) and not m["mon"].isupper():
        return None
    mon = month_num(m["mon"])
    if not mon:
        return None
    if m["wd"] and is_lower(m["wd"]):
        return None
    y = _year_of(m["y"])
    end = m.end("y") if m["y"] else m.end("mon")
    start = m.start("wd") if m["wd"] else (m.start("mod") if m["mod"] else m.start("d1"))
    mod = date_mod(m["mod"])
    if not m["d2"]:
        data = {
            "month": mon,
            "day": day_num(m["d1"]),
            "year": y,
            "coord_year": coord_year(text, end),
        }
        end = _year_rel(text, end, data)
        return with_pod(Cand(start, end, "DATE", "md", data, 1, mod), text)
    d1, d2 = day_num(m["d1"]), day_num(m["d2"])
    first = Cand(start, m.end("d1"), "DATE", "md", {"month": mon, "day": d1, "year": y}, 1, mod)
    second = Cand(m.start("d2"), end, "DATE", "md", {"month": mon, "day": d2, "year": y}, 1)
    if norm(m["sep"]).strip() != "and" or d2 == d1 + 1 or prev_word(text, start) == "between":
        return pair(first, second)
    return [first, second]


# Month and year: "January 2022", "May 2010", "early March 2009", "the end of June 1944".
@rule(
    rf"{WB}(?:(?P<mod>{DATEMOD})\s*)?(?P<mon>{MONTH}),?\s+(?:of\s+)?(?P<y>{YEAR4})(?![\d%\w])",
    prio=2,
)
def month_year(m: re.Match, text: str) -> Cand | None:
    if is_lower(m["mon"]) and not m["mon"].isupper():
        return None
    mon = month_num(m["mon"])
    if not mon:
        return None
    start = m.start("mod") if m["mod"] else m.start("mon")
    return Cand(
        start, m.end("y"), "DATE", "abs", {"value": f"{m['y']}-{mon:02d}"}, 2, date_mod(m["mod"])
    )


_MONTH_CONTEXT = frozenset(
    "in since until till by early late mid of during before after through from to on "
    "last next this that the same throughout between and or end beginning middle start "
    "coming past a".split()
)


# A bare month: "in June", "last July", "early December", "mid-March".
@rule(
    rf"{WB}(?:(?P<mod>{DATEMOD})\s*)?(?:(?P<rel>last|next|this|coming|past|that|the\s+same|the\s+previous|the\s+following|the\s+next)\s+)?"
    rf"(?P<mon>{alternation(_FULL_MONTHS)}|(?:sept|sep|jan|feb|aug|oct|nov|dec)\.)"
    r"(?P<of>\s+of\s+(?:that|the\s+same|the\s+following|the\s+next|the\s+previous)\s+year)?"
    r"(?P<ofd>(?=\s+of\s+(?:next|last|this)\s+year))?(?![\w]|-(?![A-Z]))",
    prio=4,
)
def bare_month(m: re.Match, text: str) -> Cand | None:
    tok = m["mon"]
    if is_lower(tok):
        return None
    mon = month_num(tok)
    if not mon:
        return None
    key = norm(tok).rstrip(".")
    coord = coord_year(text, m.end("mon"))
    if key in LX.ambiguous_months and not (m["mod"] or m["rel"] or coord):
        pw = prev_word(text, m.start("mon"))
        if pw not in _MONTH_CONTEXT:
            return None
        nxt = next_word(text, m.end("mon"))
        # "in May said" / "by May and others": a person called May, not the month
        if key == "may" and nxt in {
            "said",
            "says",
            "told",
            "added",
            "has",
            "had",
            "was",
            "is",
            "will",
        }:
            return None
        if key == "may" and text[m.end("mon") : m.end("mon") + 1] == "'":
            return None
        if key == "march" and pw == "the" and nxt in {"on", "to", "against", "for", "through"}:
            return None  # "the March on Washington": a march
    rel = norm(m["rel"]) if m["rel"] else None
    end = m.end("mon")
    if m["of"]:
        rel, end = norm(m["of"]).strip(), m.end("of")
    elif _YEAR_REL.match(text, end):
        # "in March last year": one timex, the year relative to the reference date
        ym = _YEAR_REL.match(text, end)
        rel, end = f"of {norm(ym.group(1))} year", ym.end()  # type: ignore[union-attr]
    elif m["ofd"] is not None:
        # "October of next year": two timexes, the month takes the year that follows
        rel = "of " + norm(text[end : end + 20]).split(" of ", 1)[1].split(" year")[0] + " year"
    start = m.start("mod") if m["mod"] else (m.start("rel") if m["rel"] else m.start("mon"))
    data = {"month": mon, "rel": rel, "coord_year": None if rel else coord_year(text, end)}
    return Cand(start, end, "DATE", "month", data, 4, date_mod(m["mod"]))


# Month ranges: "July-September", "from March to May 2022": two months and their range.
@rule(
    rf"{WB}(?P<m1>{alternation(_FULL_MONTHS)})\s*(?P<sep>-|\u2013|\u2014|\s+to\s+|\s+through\s+|\s+until\s+)\s*"
    rf"(?P<m2>{alternation(_FULL_MONTHS)})(?:,?\s+(?P<y>{YEAR4}))?(?![\w-])",
    prio=2,
)
def month_range(m: re.Match, text: str) -> list[Cand] | None:
    if is_lower(m["m1"]) or is_lower(m["m2"]):
        return None
    a, b = month_num(m["m1"]), month_num(m["m2"])
    if not a or not b or a == b:
        return None
    y = _year_of(m["y"])
    end2 = m.end("y") if m["y"] else m.end("m2")
    first = Cand(
        m.start("m1"), m.end("m1"), "DATE", "month", {"month": a, "rel": None, "coord_year": y}, 2
    )
    second = Cand(
        m.start("m2"), end2, "DATE", "month", {"month": b, "rel": None, "coord_year": y}, 2
    )
    return pair(first, second)


# The n-th weekday of a month: "the first Tuesday of March" (a date), "the last Friday of
# each month" (a set).
@rule(
    rf"{WB}the\s+(?P<ord>{ORD})\s+(?P<wd>{WEEKDAY})\s+(?:of|in)\s+(?:(?P<every>each|every)\s+month"
    rf"|(?P<mon>{alternation(_FULL_MONTHS)})(?:,?\s+(?P<y>{YEAR4}))?)(?![\w-])",
    prio=1,
)
def nth_weekday_rule(m: re.Match, text: str) -> Cand | None:
    n = LX.ordinals.get(norm(m["ord"]))
    if n is None or n > 5 or is_lower(m["wd"]):
        return None
    wd = LX.weekdays[norm(m["wd"])]
    if m["every"]:
        return Cand(m.start(), m.end(), "SET", "set", {"value": "P1M"}, 1)
    if is_lower(m["mon"]):
        return None
    data = {"nth": n, "wd": wd, "month": month_num(m["mon"]), "year": _year_of(m["y"])}
    return Cand(m.start(), m.end(), "DATE", "nth", data, 1)


# Numeric dates: 2022-01-03 (ISO, also 2022/01/03 and with a clock time
# 2022-01-03T10:00:00Z), 1/3/2022 and 7/8/07 (US order), 03.01.2022 (day first).
@rule(
    r"(?<![\w/.-])(?:(?P<iy>\d{4})(?P<isep>[-/])(?P<im>\d\d)(?P=isep)(?P<id>\d\d)"
    r"(?:[T ](?P<th>[01]\d|2[0-3]):(?P<tm>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?"
    r"(?P<tz>Z|[+-]\d\d:?\d\d)?)?"
    r"|(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<c>\d{4}|\d\d)|(?P<ea>\d\d)\.(?P<eb>\d\d)\.(?P<ec>\d{4}))"
    r"(?![\w/-]|\.\d)",
    prio=1,
)
def numeric(m: re.Match, text: str) -> Cand | None:
    try:
        if m["iy"]:
            y, mo, d = int(m["iy"]), int(m["im"]), int(m["id"])
        elif m["a"]:
            mo, d, y = int(m["a"]), int(m["b"]), int(m["c"])
            if y < 100:
                y += 2000 if y < 50 else 1900
        else:
            d, mo, y = int(m["ea"]), int(m["eb"]), int(m["ec"])
        date(y, mo, d)
    except ValueError:
        return None
    value = f"{y:04d}-{mo:02d}-{d:02d}"
    if m["th"]:
        z = "Z" if m["tz"] in ("Z", "+00:00", "+0000") else ""
        value += f"T{m['th']}:{m['tm']}{z}"
        return Cand(m.start(), m.end(), "TIME", "abs", {"value": value}, 1)
    return Cand(m.start(), m.end(), "DATE", "abs", {"value": value}, 1)


# BC year ranges: "499-493 BC", "from 264 to 241 BC": the era applies to both ends.
@rule(
    r"(?<![\w.,-])(?P<a>\d{1,4})\s*(?:-|\u2013|\u2014|to|and)\s*(?P<b>\d{1,4})\s*"
    r"(?P<era>BC|B\.C\.?|BCE)(?![\w])",
    prio=5,
    flags=0,
)
def bc_range(m: re.Match, text: str) -> list[Cand] | None:
    a, b = int(m["a"]), int(m["b"])
    if a <= b:
        return None
    first = Cand(m.start("a"), m.end("a"), "DATE", "abs", {"value": f"BC{a:04d}"}, 5)
    second = Cand(m.start("b"), m.end("era"), "DATE", "abs", {"value": f"BC{b:04d}"}, 5)
    return pair(first, second)


# Years: "in 2014", "early 2011", "mid-2011", "the end of 2012", "490 BC", "'82", and
# year ranges "2014-2016", "1939\u201345".
@rule(
    rf"{WB}(?:(?P<mod>{DATEMOD})\s*(?:in\s+)?)?(?:(?P<circa>c\.|ca\.|circa|around|about)\s*)?"
    rf"(?:(?P<y>{YEAR4}|(?P<bcy>\d{{1,4}})(?=\s*(?:BC|B\.C\.?|BCE|AD|A\.D\.?|CE)(?!\w)))"
    r"(?P<era>\s*(?:BC|B\.C\.?|BCE|AD|A\.D\.?|CE)(?![\w]))?"
    rf"|(?P<ap>['\u2019]\d\d)(?![\w'\u2019]))"
    rf"(?:(?P<sep>\s*(?:-|\u2013|\u2014)\s*)(?P<y2>{YEAR4}|\d\d)(?![\d%\w]))?(?![\d%\w])",
    prio=6,
    flags=0,
)
def year(m: re.Match, text: str) -> Cand | list[Cand] | None:
    mod = date_mod(m["mod"]) if m["mod"] else None
    if m["mod"] and is_lower(m["mod"]) is False and norm(m["mod"]) not in _MODS:
        return None
    if m["ap"]:
        y = int(m["ap"][1:])
        y += 1900 if y > 30 else 2000
        pw = prev_word(text, m.start("ap"))
        if (
            pw
            not in {
                "in",
                "of",
                "since",
                "from",
                "until",
                "by",
                "the",
                "class",
                "spring",
                "summer",
                "winter",
                "fall",
                "autumn",
            }
            and not mod
        ):
            return None
        start = m.start("mod") if m["mod"] else m.start("ap")
        return Cand(start, m.end("ap"), "DATE", "yy", {"yy": int(m["ap"][1:])}, 6, mod)
    ytok = m["y"]
    s, e = m.start("y"), m.end("y")
    era = norm(m["era"] or "").replace(".", "").strip()
    if m["circa"]:
        mod = "APPROX"
    if not era and ytok and year_decoy(text, s, e) and not (m["mod"] and m["mod"].endswith("-")):
        return None
    if not era and ytok and not m["mod"] and _capitalised_name(text, s, e):
        return None
    if not era and not ytok.isdigit():
        return None
    yv = int(ytok)
    if not era and not (1000 <= yv <= 2099):
        return None
    value = f"BC{yv:04d}" if era in ("bc", "bce") else f"{yv:04d}"
    start = m.start("mod") if m["mod"] else (m.start("circa") if m["circa"] else s)
    end = m.end("era") if m["era"] else e
    first = Cand(start, end, "DATE", "abs", {"value": value}, 6, mod)
    if not m["y2"] or era:
        if m["y2"]:
            return None
        return first
    y2t = m["y2"]
    y2 = int(y2t) if len(y2t) == 4 else (yv // 100) * 100 + int(y2t)
    if y2 <= yv or y2 - yv > 200 or (len(y2t) == 2 and m["sep"].strip() != "-" and False):
        return None
    if len(y2t) == 4 and year_decoy(text, m.start("y2"), m.end("y2")):
        return None
    first.end = e
    second = Cand(m.start("y2"), m.end("y2"), "DATE", "abs", {"value": f"{y2:04d}"}, 6)
    return pair(first, second)


# Decades: "the 1990s", "the '90s", "the early 1980s", "the 70s". Centuries: "the 20th
# century", "the nineteenth century", "the 1800s" (a century, TIMEX3 "18").
@rule(
    rf"{WB}(?:the\s+)?(?:(?P<mod>{DATEMOD})\s*)?(?:(?P<dec>1\d\d0|20\d0|['\u2019]?\d0)['\u2019]?s(?![\w])"
    rf"|(?P<cent>\d{{1,2}}(?:st|nd|rd|th)|{ORD})[\s-]+century(?:\s+(?P<era>BC|AD|B\.C\.|A\.D\.))?)",
    prio=3,
)
def decade_century(m: re.Match, text: str) -> Cand | None:
    mod = date_mod(m["mod"])
    if m["dec"]:
        d = m["dec"].lstrip("'\u2019")
        if len(d) == 4:
            if d.endswith("00") and d != "2000":
                value = d[:2]  # "the 1800s" = the 19th century, TIMEX3 "18"
            else:
                value = d[:3]
        else:
            n = int(d)
            value = f"20{n // 10}" if n <= 20 else f"19{n // 10}"
        if len(d) == 2 and not m.group(0).lower().startswith("the") and "'" not in m.group(0):
            if prev_word(text, m.start("dec")) not in {
                "in",
                "of",
                "the",
                "early",
                "late",
                "mid",
                "since",
                "during",
                "and",
                "or",
                "to",
            }:
                return None
        return Cand(m.start(), m.end(), "DATE", "abs", {"value": value}, 3, mod)
    c = m["cent"]
    n = day_num(c) if c[0].isdigit() else LX.ordinals.get(norm(c))
    if not n or n < 1 or n > 21:
        return None
    era = (m["era"] or "").replace(".", "").upper()
    value = f"BC{n - 1:02d}" if era == "BC" else f"{n - 1:02d}"
    return Cand(m.start(), m.end(), "DATE", "abs", {"value": value}, 3, mod)


# Quarters and halves: "the first quarter of 2009", "Q3 2022", "the fourth quarter",
# "third-quarter", "the second half of the year", "H1 2022".
@rule(
    rf"{WB}(?:(?P<mod>{DATEMOD})\s*{MOD_THE})?(?:the\s+)?(?:(?P<ord>{ORD})[\s-]+(?P<qh>quarter|half)"
    rf"(?:\s+of\s+(?:(?P<y>{YEAR4})|(?P<rel>(?:this|last|next|the|that|the\s+same|the\s+previous|the\s+following)\s+(?:fiscal\s+)?year))|\s+(?P<y2>{YEAR4}))?"
    rf"|(?P<qq>[QH][1-4])(?:\s+(?P<y3>{YEAR4}))?)(?![\w])",
    prio=2,
)
def quarter(m: re.Match, text: str) -> Cand | None:
    if m["qq"]:
        if not m["qq"][0].isupper():
            return None
        kind, n = ("Q" if m["qq"][0] == "Q" else "H"), int(m["qq"][1])
        if kind == "H" and n > 2:
            return None
        y = m["y3"]
    else:
        n = LX.ordinals.get(norm(m["ord"]))
        kind = "Q" if norm(m["qh"]) == "quarter" else "H"
        if n is None:
            return None
        if n == -1:
            n = 4 if kind == "Q" else 2
        if (kind == "Q" and n > 4) or (kind == "H" and n > 2):
            return None
        y = m["y"] or m["y2"]
        # "the quarter" / "a quarter of the vote": only an ordinal quarter is a date
        after = text[m.end() : m.end() + 30]
        mon = re.match(rf"\s+of\s+({MONTH})", after, re.I)
        if mon and kind == "H" and month_num(mon.group(1)):
            # "the second half of August": the month, its first or second half
            mo = month_num(mon.group(1))
            end = m.end() + mon.end()
            data = {"month": mo, "rel": None, "coord_year": coord_year(text, end)}
            return Cand(m.start(), end, "DATE", "month", data, 2, "START" if n == 1 else "END")
        if re.match(r"\s+of\s+(?:the\s+)?[a-z]", after) and not m["y"] and not m["rel"]:
            return None  # "the first half of the match": not a calendar half
    rel = norm(m["rel"]) if m["rel"] else None
    data = {"part": f"{kind}{n}", "year": int(y) if y else None, "rel": rel}
    return Cand(m.start(), m.end(), "DATE", "part", data, 2, date_mod(m["mod"]))


# Seasons: "spring", "last summer", "the winter of 1941", "summer 2014", "early spring".
@rule(
    rf"{WB}(?:(?P<mod>{DATEMOD})\s*)?(?:(?P<rel>last|next|this|coming|past|that|the\s+same|the\s+following|the\s+previous|the)\s+)?"
    rf"(?P<s>{SEASON})(?:\s+(?:of\s+)?(?P<y>{YEAR4})(?![\d%\w]))?(?![\w-])",
    prio=3,
)
def season(m: re.Match, text: str) -> Cand | None:
    key = norm(m["s"])
    rel = norm(m["rel"]) if m["rel"] else None
    if key in LX.ambiguous_seasons and not (m["y"] or (rel and rel != "the") or m["mod"]):
        if not (
            rel == "the"
            and prev_word(text, m.start()) in {"in", "during", "by", "until", "since", "through"}
        ):
            return None
        if next_word(text, m.end("s")) == "of":
            return None
    if m["s"].isupper():
        return None
    if (
        m["s"][0].isupper()
        and not m["y"]
        and next_word(text, m.end("s")).rstrip(".") in _SEASON_NAMES
    ):
        return None  # "British Summer Time", "Winter Olympics": a name
    start = m.start()
    if rel == "the" and not m["y"] and not m["mod"]:
        start = m.start()
    data = {"season": LX.seasons[key], "year": _year_of(m["y"]), "rel": rel}
    return Cand(start, m.end(), "DATE", "season", data, 3, date_mod(m["mod"]))


_SEASON_NAMES = frozenset(
    "time olympics games palace solstice equinox session school camp classic series league".split()
)
_SET_COORD = re.compile(rf"\b(?:every|each)\s+{WEEKDAY}\s*(?:,|and|or)\s*$", re.I)
_WD_CTX_SET = frozenset("on every each most all some".split())


def _every_or_each(s: str) -> bool:
    low = s.lower()
    return "every" in low or "each" in low


# Weekdays: "Friday", "last Friday", "this Sunday", "Thursday's", "Sundays call" (stripped
# possessive), "Friday afternoon", "early Monday"; "on Thursdays" (plural) is a SET.
@rule(
    rf"{WB}(?:(?P<mod>early|late)\s+)?(?:(?P<rel>last|next|this|coming|past|previous|that|the\s+following|the\s+next|the\s+previous)\s+)?"
    rf"(?P<wd>{WEEKDAY})(?P<s>{APOS}s|s(?![\w'])|{APOS}(?!\w))?"
    rf"(?:\s+(?P<pod>{PARTS}))?(?![\w])",
    prio=3,
)
def weekday(m: re.Match, text: str) -> Cand | None:
    tok = m["wd"]
    if is_lower(tok):
        return None
    wd = LX.weekdays[norm(tok)]
    rel = norm(m["rel"]) if m["rel"] else None
    pw = prev_word(text, m.start())
    if pw in _WD_NAME_BEFORE and not rel and not m["mod"]:
        return None  # "Black Friday", "Good Friday": holidays and names, other rules' business
    s = m["s"]
    pod = m["pod"]
    if not s and not pod and name_follows(text, m.end("wd")):
        return None  # "the Sunday Times"
    lo = max(0, m.start() - 30)
    if (
        not rel
        and _every_or_each(text[lo : m.start()])  # (a cheap test before the search)
        and _SET_COORD.search(text, lo, m.start())
    ):
        # "every Monday and Wednesday": the second day recurs too
        return Cand(m.start("wd"), m.end("wd"), "SET", "set", {"value": f"XXXX-WXX-{wd}"}, 3)
    if s and s.lower() == "s" and not rel:
        # a plural is a set ("on Sundays", "most Fridays") unless a noun follows, which
        # makes it a possessive whose apostrophe was lost ("in Sundays call")
        nxt = next_word(text, m.end("s"))
        if pw in _WD_CTX_SET or (nxt in _WD_PLURAL_NEXT and pw not in _WD_POSSESSIVE_BEFORE):
            return Cand(m.start(), m.end("s"), "SET", "set", {"value": f"XXXX-WXX-{wd}"}, 3)
    possessive = bool(s) and (s.lower() == "s" or re.fullmatch(APOS + "s", s) is not None)
    end = m.end("s") if possessive else m.end("wd")
    if (
        pod
        and norm(pod) in ("night", "overnight")
        and next_word(text, m.end("pod")) in _NIGHT_NOUNS
    ):
        pod = None  # "Friday night clubs"
    elif pod:
        end = m.end("pod")
    start = m.start("mod") if m["mod"] else (m.start("rel") if m["rel"] else m.start("wd"))
    data = {"wd": wd, "rel": rel}
    if pod:
        data["pod"] = LX.parts_of_day[norm(pod)]
        return Cand(start, end, "TIME", "wd", data, 3, None)
    mod = {"early": "START", "late": "END"}.get(norm(m["mod"] or ""))
    c = Cand(start, end, "DATE", "wd", data, 3, mod)
    return with_pod(c, text) if not rel and not mod else c


_WD_NAME_BEFORE = frozenset(
    "black good cyber super bloody man girl ash palm holy easter shrove maundy".split()
)
_WD_PLURAL_NEXT = frozenset(
    "and or at in on the a an we they he she i to are were when as until through".split()
) | {""}
_WD_POSSESSIVE_BEFORE = frozenset("in at from after before since by of".split())
_NIGHT_NOUNS = frozenset("club clubs shift shifts".split())


# Deictic days: today, yesterday, tomorrow, tonight, "last night", "this morning",
# "the day before yesterday", "earlier today", "yesterday afternoon".
@rule(
    rf"{WB}(?:(?P<pre>earlier|later|early|late)\s+)?(?:(?P<dby>the\s+day\s+(?:before\s+yesterday|after\s+tomorrow))|(?P<w>today|yesterday|tomorrow|tonight|last\s+night)"
    r"(?:(?P<ps>s)(?=[ \t]+[a-z]))?"
    rf"|(?P<this>this|tomorrow|yesterday)\s+(?P<pod1>{PARTS}))"
    rf"(?:\s+(?P<pod2>{PARTS}))?(?![\w-])",
    prio=2,
)
def deictic_day(m: re.Match, text: str) -> Cand | None:
    if m["ps"] and (
        prev_word(text, m.start()) in _PLURAL_BEFORE or next_word(text, m.end("ps")) in _PLURAL_NEXT
    ):
        return None  # "all our yesterdays": a plural ("todays vote": a lost apostrophe)
    if m["dby"]:
        n = -2 if "before" in m["dby"].lower() else 2
        return Cand(m.start(), m.end(), "DATE", "rel", {"unit": "day", "n": n, "anchor": "dct"}, 2)
    pod = None
    if m["w"]:
        w = norm(m["w"])
        n = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "last night": -1}[w]
        if w in ("tonight", "last night"):
            pod = "NI"
    else:
        w = norm(m["this"])
        n = {"this": 0, "tomorrow": 1, "yesterday": -1}[w]
        pod = LX.parts_of_day[norm(m["pod1"])]
    if m["pod2"]:
        pod = LX.parts_of_day[norm(m["pod2"])]
    start = m.start("pre") if m["pre"] and norm(m["pre"]) in ("earlier", "later") else m.start()
    if m["pre"] and norm(m["pre"]) in ("early", "late") and not pod:
        start = m.start("w") if m["w"] else m.start("this")
    data = {"unit": "day", "n": n, "anchor": "dct", "pod": pod}
    return Cand(start, m.end(), "TIME" if pod else "DATE", "rel", data, 2)


_DAY_IDIOM = frozenset(
    "carry carries carried win wins won save saves saved seize seized rule ruled".split()
)
_UNIT_REL = r"day|week(?:end)?|month|year|decade|century|quarter|(?:fiscal|financial)\s+year"


# "late in the day", "early in the year", "later in the week": a part of the unit in focus.
@rule(
    r"(?<![\w-])(?P<pre>early|late|earlier|later)\s+in\s+the\s+(?P<u>day|week|month|year)(?![\w-])",
    prio=3,
)
def in_the_unit(m: re.Match, text: str) -> Cand | None:
    pre = norm(m["pre"])
    mod = {"early": "START", "late": "END"}.get(pre)
    data = {"unit": norm(m["u"]), "n": 0, "anchor": "focus"}
    return Cand(m.start(), m.end(), "DATE", "rel", data, 3, mod)


# Calendar units relative to now or to the date in focus: "last week", "this year",
# "next month", "earlier this month", "the end of last year", "that same year", "the
# following day", "the same month a year ago" (partly), "the previous year".
@rule(
    rf"{WB}(?:(?P<mod>{DATEMOD})\s*)?(?:(?P<pre>earlier|later)\s+(?:in\s+)?)?"
    rf"(?P<rel>last|next|this|coming|past|previous|following|preceding|same|that\s+same|that|the\s+same|the\s+next|the\s+following|the\s+previous|the\s+preceding|the\s+prior|the\s+past|the\s+last|the\s+coming|the\s+current|the\s+very\s+same|the\s+(?:entire|whole|full)|the|current|this\s+past)\s+"
    rf"(?P<u>{_UNIT_REL})(?:(?P<ps>s)(?=[ \t]+[a-z]))?"
    rf"(?P<prev>\s+previous|\s+before|\s+after|\s+earlier|\s+later|\s+following)?(?![\w-])",
    prio=3,
)
def rel_unit(m: re.Match, text: str) -> Cand | None:
    rel = norm(m["rel"])
    unit = norm(m["u"])
    if m["ps"] and not _stripped_possessive(text, m, rel, unit):
        return None  # "the last years of his rule", "in coming weeks": a plural
    if "year" in unit:
        unit = "year"
    post = norm(m["prev"] or "").strip()
    if post in ("before", "after", "earlier", "later") and not re.match(
        r"\s*(?:[,.;:)!?\-\u2014\"]|$)", text[m.end() : m.end() + 3] or "."
    ):
        post = ""  # "the day before Roth was stopped": "before" opens a clause
    mod = date_mod(m["mod"])
    if rel == "the" and unit == "weekend" and not post:
        return Cand(m.start(), m.end(), "DATE", "weekend", {}, 3, mod)
    if rel == "the" and not (mod or m["pre"] or post):
        # "the day" / "the year": anaphoric; "the week" alone is too vague
        if unit not in ("day", "year") or m["mod"]:
            return None
        if unit == "day" and prev_word(text, m.start()) in _DAY_IDIOM:
            return None  # "carried the day", "saved the day"
        nxt = next_word(text, m.end("u"))
        if nxt in {"of", "when", "that", "after", "before", "in", "on"} and unit == "day":
            return None
        if unit == "year" and nxt in {"of", "when", "that", "in", "on", "before", "after"}:
            return None
        # "the year": the current one in news, the one in focus in a narrative; "the day"
        # (in "ended the day higher") is the day the story is about
        anchor = "focus" if unit == "day" else "dct"
        return Cand(m.start(), m.end(), "DATE", "rel", {"unit": unit, "n": 0, "anchor": anchor}, 5)
    if post == "following":
        post = "after"
    if post == "previous":
        post = "before"
    if rel == "the" and post in ("before", "after", "earlier", "later"):
        n = -1 if post in ("before", "earlier") else 1
        return Cand(
            m.start(), m.end(), "DATE", "rel", {"unit": unit, "n": n, "anchor": "focus"}, 3, mod
        )
    if rel == "the" and not post:
        # "the end of the year", "the beginning of the month": the current unit in news, the
        # unit in focus in a narrative
        anchor = "focus" if unit == "day" else "dct"
        return Cand(
            m.start(), m.end(), "DATE", "rel", {"unit": unit, "n": 0, "anchor": anchor}, 3, mod
        )
    end = m.end("ps" if m["ps"] else "u") if not post else m.end("prev")
    if post == "previous" and rel == "the" or post in ("previous",):
        end = m.end("prev")
    if rel in ("the past", "the last", "this past") and unit in ("decade", "century"):
        return Cand(
            m.start(), end, "DURATION", "dur", {"value": "P10Y" if unit == "decade" else "P100Y"}, 3
        )
    if rel in ("the next", "the coming", "the following") and unit in ("decade", "century"):
        return Cand(
            m.start(), end, "DURATION", "dur", {"value": "P10Y" if unit == "decade" else "P100Y"}, 3
        )
    table = {
        "last": (-1, "dct"),
        "past": (-1, "dct"),
        "the past": (-1, "dct"),
        "the last": (-1, "dct"),
        "this past": (-1, "dct"),
        "previous": (-1, "focus"),
        "preceding": (-1, "focus"),
        "the previous": (-1, "focus"),
        "the preceding": (-1, "focus"),
        "the prior": (-1, "focus"),
        "next": (1, "dct"),
        "coming": (1, "dct"),
        "the coming": (1, "dct"),
        "following": (1, "focus"),
        "the following": (1, "focus"),
        "the next": (1, "focus"),
        "this": (0, "dct"),
        "current": (0, "dct"),
        "the current": (0, "dct"),
        "same": (0, "focus"),
        "the same": (0, "focus"),
        "that": (0, "focus"),
        "that same": (0, "focus"),
        "the very same": (0, "focus"),
        "the entire": (0, "focus"),
        "the whole": (0, "focus"),
        "the full": (0, "focus"),
    }
    if rel not in table:
        return None
    n, anchor = table[rel]
    if unit == "day" and rel in (
        "last",
        "past",
        "this",
        "next",
        "coming",
        "the past",
        "the last",
        "current",
        "the current",
        "the coming",
    ):
        if rel in ("the last", "the past") and unit == "day":
            return None
        if rel != "this":
            return None
    if post in ("before", "earlier") and rel in ("the", "that"):
        n = -1
    data = {"unit": unit, "n": n, "anchor": anchor}
    if m["pre"]:
        data["pre"] = norm(m["pre"])
    start = m.start()
    return Cand(start, end, "DATE", "rel", data, 3, mod)


# A scraped copy loses apostrophes: "last years parade", "this weeks talks", "Todays vote"
# are possessives of a date, as "Sundays call" is (weekday). A plural is read only after
# a determiner or before a function word ("his last years", "the next weeks", "last
# years of"), and "past"/"coming" with a plural are vague ("in coming weeks").
_PLURAL_NEXT = frozenset(
    "of and or to in on at ago as when that which who we they he she i it is are were was "
    "have has had for with by from since until after before than".split()
)
_PLURAL_BEFORE = frozenset(
    "the his her their its our my your these those all in recent few several".split()
)
_POSSESSIVE_UNITS = frozenset(("week", "weekend", "month", "year"))


def _stripped_possessive(text: str, m: re.Match, rel: str, unit: str) -> bool:
    """Whether "<rel> <unit>s <noun>" is a possessive whose apostrophe was lost."""
    return (
        rel in ("last", "next", "this")
        and unit in _POSSESSIVE_UNITS
        and not m["prev"]
        and prev_word(text, m.start("rel")) not in _PLURAL_BEFORE
        and next_word(text, m.end("ps")) not in _PLURAL_NEXT
    )


# "on the 20th": a day of the month in focus (narratives and dated stories).
@rule(r"(?<![\w-])the\s+(?P<d>[12]?\d|3[01])(?:st|nd|rd|th)(?![\w-])", prio=5)
def nth_day(m: re.Match, text: str) -> Cand | None:
    d = int(m["d"])
    if d < 1 or prev_word(text, m.start()) not in _ON_DAY_BEFORE:
        return None
    nxt = re.match(r"\s*([A-Za-z]+|[^\sA-Za-z]|$)", text[m.end() : m.end() + 20])
    word = nxt.group(1) if nxt else ""
    low = word.lower()
    if word[:1].isalpha() and low not in _ON_DAY_AFTER:
        # "on the 13th banned all imports": a verb may follow the day; "the 20th
        # anniversary", "the 5th Division" are no days
        if not (prev_word(text, m.start()) == "on" and (low in LX.past_verbs or _past_form(low))):
            return None
    return Cand(m.start(), m.end(), "DATE", "md", {"day": d, "of_month": True}, 5)


def _past_form(word: str) -> bool:
    return len(word) > 4 and word.endswith("ed") and word.islower()


_ON_DAY_BEFORE = frozenset("on by until till from since before after to and through".split())
_ON_DAY_AFTER = frozenset(
    "the a an and was were he she they it his her their its in at when as but".split()
)


# "at night", "by night": a part of a day no text anchors (TIMEX3 XXXX-XX-XXTNI).
@rule(r"(?<![\w-])(?:at|by)\s+(?P<p>night|daybreak|nightfall)(?![\w-])", prio=5)
def generic_night(m: re.Match, text: str) -> Cand:
    code = "NI" if norm(m["p"]) in ("night", "nightfall") else "MO"
    return Cand(m.start("p"), m.end(), "TIME", "generic", {"value": f"XXXX-XX-XXT{code}"}, 5)


# "Missiles struck overnight": the night before the reference date in news (the night in
# focus in a narrative). Only the adverb: "overnight talks" is an adjective.
@rule(r"(?<![\w-])overnight(?![\w-])", prio=5)
def overnight(m: re.Match, text: str) -> Cand | None:
    nxt = re.match(r"\s*([A-Za-z]+|[^\sA-Za-z]|$)", text[m.end() : m.end() + 20])
    word = nxt.group(1) if nxt else ""
    if word[:1].isalpha() and word.lower() not in _OVERNIGHT_NEXT:
        return None
    return Cand(m.start(), m.end(), "TIME", "overnight", {}, 5)


_OVERNIGHT_NEXT = frozenset(
    "into on in and as while before after to from the but with at near across".split()
)


# "the same month a year ago", "the same period last year", "the same quarter a year
# earlier": the unit in focus, one year back.
@rule(
    r"(?<![\w-])the\s+same\s+(?P<u>period|month|quarter|week|day|time|season)\s+"
    r"(?:of\s+)?(?P<back>a\s+year\s+(?:ago|earlier|before)|last\s+year|the\s+(?:previous|prior|last)\s+year"
    r"|(?:one|a)\s+year\s+previously)(?![\w-])",
    prio=2,
)
def same_period(m: re.Match, text: str) -> Cand:
    unit = {"period": "month", "time": "day", "season": "month"}.get(norm(m["u"]), norm(m["u"]))
    return Cand(m.start(), m.end(), "DATE", "same_period", {"unit": unit}, 2)


# "for a second consecutive day", "a third straight week": the current unit (news) or the
# one in focus (narrative).
@rule(
    rf"(?<![\w-])an?\s+(?P<ord>{ORD})\s+(?:straight|consecutive|successive|running)\s+"
    r"(?P<u>day|week|month|year|session)(?![\w-])",
    prio=2,
)
def nth_straight(m: re.Match, text: str) -> Cand | None:
    unit = "day" if norm(m["u"]) == "session" else norm(m["u"])
    return Cand(m.start(), m.end(), "DATE", "rel", {"unit": unit, "n": 0, "anchor": "dct"}, 2)


_AGE_AFTER = re.compile(
    r"(?:olds?|and\s+(?:older|over|up|under)|or\s+(?:older|over|younger)|of\s+age)\b"
)
# adjectives between a duration's number and its unit ("three trading days")
_DUR_ADJ = (
    "trading business working straight consecutive successive full calendar long short"
).split()


# Durations and offsets: "three weeks", "50-minute", "just over three weeks", "a decade",
# "the past two years", "several days", "days", "recent weeks"; with "ago"/"later"/
# "earlier" they become dates: "four years ago", "two days later", "a week earlier".
@rule(
    rf"(?<![\w$\u20ac\u00a3-])(?:(?P<dmod>{DURMOD})\s+)?(?:(?P<the>the\s+(?:past|last|next|coming|following|previous|preceding|remaining|same|subsequent|ensuing|intervening|better\s+part\s+of\s+the|past\s+few|last\s+few|next\s+few))\s+|(?P<recent>(?:in\s+)?recent)\s+)?"
    rf"(?:(?P<num0>\d{{1,4}}|{NUMWORDS})\s*(?:and|to|or|-|\u2013)\s*(?=(?:{NUM})[\s-]+(?:{UNIT})))?"
    rf"(?:(?P<num>{NUM})(?P<half1>\s+and\s+a\s+half)?(?P<sep>\s+|-|\u2010|\u2011)(?:(?:{'|'.join(_DUR_ADJ)})\s+)?)?(?P<unit>{UNIT})(?P<half2>\s+and\s+a\s+half)?"
    r"(?P<long>-long)?(?P<rel>\s+(?:ago|earlier|later|before|after|previously|prior|back|on)(?![\w]))?(?![\w-])",
    prio=4,
)
def duration(m: re.Match, text: str) -> Cand | list[Cand] | None:
    unit_tok = norm(m["unit"])
    des, mult, clock = LX.units[unit_tok]
    if des == "Q" and (
        m["num"] is None
        or norm(m["num"]) in ("a", "an", "one")
        or (
            next_word(text, m.end()) == "of"
            and not re.search(r"consecutive|straight|successive|full", m.group(0))
        )
    ):
        return None  # "a quarter of the vote", "three quarters of voters": fractions
    plural = unit_tok != LX.unit_singular[unit_tok]
    num_tok = m["num"]
    tail = text[m.end() : m.end() + 14].lstrip(" -").lower()
    if _AGE_AFTER.match(tail):
        return None  # ages ("a 45-year-old", "6 months and older") are not timexes in TIMEX3
    if prev_word(text, m.start()) in ("aged", "ages", "age"):
        return None
    if num_tok is None:
        n: int | float | None = None
        if not plural and m["long"] and not m["the"] and not m["recent"]:
            n = 1  # "a year-long war", "the month-long strike": one unit
        elif not plural:
            return None
    else:
        n = number(num_tok)
        nt = norm(num_tok)
        if unit_tok in ("second", "min", "hr", "yr") and not nt[0].isdigit():
            return None
        if nt[0].isdigit() and ("," in text[m.start("num") - 1 : m.start("num")]):
            return None
        if n is not None and n > 5000:
            return None
        if nt in ("a", "an", "one", "single") and plural:
            return None
    if m["half1"] or m["half2"]:
        if n is None:
            return None
        n = n + 0.5
    # value: fractions stay in the unit written, as the corpora do ("P2.5Y")
    q = "X" if n is None else f"{n * mult:g}"
    value = f"PT{q}{des}" if clock else f"P{q}{des}"
    mod = LX.mods["dur"].get(norm(m["dmod"])) if m["dmod"] else None
    rel = norm(m["rel"] or "").strip()
    start = m.start()
    if m["dmod"] and (m["the"] or m["recent"]):
        # "over the next nine months": "over" is a preposition here, not "more than"
        mod = None
        start = m.start("the") if m["the"] else m.start("recent")
    if rel:
        after = text[m.end() : m.end() + 3]
        if rel in ("before", "after", "on", "back") and not re.match(
            r"\s*(?:[,.;:)!?\-\u2014]|$)", after or "."
        ):
            rel = ""
        if rel in ("earlier", "later") and next_word(text, m.end()) == "than":
            rel = ""  # "a month earlier than usual": a duration
    if rel and rel not in ("on", "back") and not m["the"] and num_tok is not None:
        direction = -1 if rel in ("ago", "earlier", "before", "previously", "prior") else 1
        anchor = "dct" if rel in ("ago", "hence", "from now") else "focus"
        amod = None
        if m["dmod"]:
            amod = LX.mods["ago"].get(norm(m["dmod"]))
        data = {
            "unit": LX.unit_singular[unit_tok],
            "n": direction,
            "count": n,
            "anchor": anchor,
            "clock": clock,
        }
        return Cand(
            start, m.end(), "TIME" if clock and des != "D" else "DATE", "offset", data, 4, amod
        )
    end = m.end("long") if m["long"] else (m.end("half2") if m["half2"] else m.end("unit"))
    if m["the"] and num_tok is None and not plural:
        return None
    if m["recent"] and not m["recent"].lower().startswith("in"):
        start = m.start("recent")
    if m["recent"] and m["recent"].lower().startswith("in"):
        start = (
            m.start("recent") + 3 + len(m["recent"]) - len(m["recent"].lstrip()[2:].lstrip()) - 3
        )
        start = m.start() + m.group(0).lower().index("recent")
    if m["num0"]:
        # "between 12 and 18 months": the first number is a duration in the same unit
        n0 = number(m["num0"])
        if n0 is None or isinstance(n0, float):
            return Cand(m.start("num"), end, "DURATION", "dur", {"value": value}, 4, mod)
        v0 = f"PT{n0 * mult}{des}" if clock else f"P{n0 * mult}{des}"
        first = Cand(m.start("num0"), m.end("num0"), "DURATION", "dur", {"value": v0}, 4, mod)
        second = Cand(m.start("num"), end, "DURATION", "dur", {"value": value}, 4)
        return [first, second]
    # "two days after the vote": a duration (TIMEX3); the event is not a date to count from
    return Cand(start, end, "DURATION", "dur", {"value": value}, 4, mod)


# Sets: "every Thursday", "each year", "every two weeks", "every morning", "weekly",
# "annually", "twice a week", "per day".
@rule(
    rf"{WB}(?:(?:every|each)\s+(?:other\s+)?(?:(?P<num>{NUM})\s+)?(?P<what>{UNIT}|{WEEKDAY}|{PARTS}|weekend|{alternation(_FULL_MONTHS)})"
    r"|(?P<adv>daily|weekly|monthly|quarterly|annually|yearly|annual|biannual|nightly|hourly|fortnightly|bi-weekly|biweekly|semi-annual|semiannual|twice-yearly)"
    rf"|(?P<freq>(?:once|twice|thrice|{NUM}\s+times)\s+(?:a|an|per|each|every)\s+(?P<fu>{UNIT}))"
    rf"|(?P<per>per\s+(?P<pu>{UNIT})))(?![\w-])",
    prio=2,
)
def set_rule(m: re.Match, text: str) -> Cand | None:
    if m["adv"]:
        adv = norm(m["adv"])
        table = {
            "daily": "P1D",
            "weekly": "P1W",
            "monthly": "P1M",
            "quarterly": "P3M",
            "annually": "XXXX",
            "yearly": "P1Y",
            "annual": "P1Y",
            "biannual": "P6M",
            "semi-annual": "P6M",
            "semiannual": "P6M",
            "twice-yearly": "P6M",
            "nightly": "XXXX-XX-XXTNI",
            "hourly": "PT1H",
            "fortnightly": "P2W",
            "bi-weekly": "P2W",
            "biweekly": "P2W",
        }
        return Cand(m.start(), m.end(), "SET", "set", {"value": table[adv]}, 2)
    if m["freq"] or m["per"]:
        u = norm(m["fu"] or m["pu"])
        des, mult, clock = LX.units[u]
        if u != LX.unit_singular[u]:
            return None
        value = f"PT{mult}{des}" if clock else f"P{mult}{des}"
        return Cand(m.start(), m.end(), "SET", "set", {"value": value}, 2)
    what = norm(m["what"])
    if what in LX.weekdays:
        return Cand(m.start(), m.end(), "SET", "set", {"value": f"XXXX-WXX-{LX.weekdays[what]}"}, 2)
    if what in LX.parts_of_day:
        code = LX.parts_of_day[what]
        return Cand(m.start(), m.end(), "SET", "set", {"value": f"XXXX-XX-XXT{code}"}, 2)
    if what == "weekend":
        return Cand(m.start(), m.end(), "SET", "set", {"value": "XXXX-WXX-WE"}, 2)
    if what in LX.months:
        return Cand(m.start(), m.end(), "SET", "set", {"value": f"XXXX-{LX.months[what]:02d}"}, 2)
    des, mult, clock = LX.units[what]
    n = number(m["num"]) if m["num"] else 1
    if n is None:
        n_s = "X"
    else:
        n_s = f"{n * mult:g}"
    if "other" in m.group(0).lower():
        n_s = str(2 * mult)
    value = f"PT{n_s}{des}" if clock else f"P{n_s}{des}"
    return Cand(m.start(), m.end(), "SET", "set", {"value": value}, 2)


# Clock times: "8 pm", "8:30 a.m.", "14:30", "15:00 GMT", "0800 UTC", "noon", "midnight",
# optionally with a day: "15:00 GMT Saturday", "Friday at 3 p.m.", "at 10 a.m. today".
@rule(
    r"(?<![\w:.,$])(?:(?P<h>[01]?\d|2[0-3])(?::(?P<mi>[0-5]\d))?(?::(?P<se>[0-5]\d))?\s*(?P<ap>a\.m\.?|p\.m\.?|am|pm)(?![\w])"
    r"|(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?![\d:])(?:\s*(?:hrs|hours|h)\b)?"
    r"|(?P<hm>(?:[01]\d|2[0-3])[0-5]\d)(?=\s*(?:GMT|UTC|hrs|hours|Zulu|local\s+time)\b)"
    r"|(?P<noon>noon|midnight|midday))"
    r"(?:\s*(?P<tz>GMT|UTC|Z(?![\w])|local\s+time|[ECMP][SD]?T(?![\w])|BST|CET|CEST|MSK))?"
    r"(?:\s*\((?:GMT|UTC)\s*[+-]\s*\d{1,2}\))?"
    rf"(?:,?\s+(?P<day>today|tonight|yesterday|tomorrow|{WEEKDAY}))?",
    prio=2,
)
def clock(m: re.Match, text: str) -> Cand | None:
    if m["noon"]:
        hh, mm = (12, 0) if norm(m["noon"]) in ("noon", "midday") else (24, 0)
        if is_lower(m["noon"]) is False and m["noon"].isupper():
            return None
    elif m["ap"]:
        hh, mm = int(m["h"]), int(m["mi"] or 0)
        if hh > 12 or hh == 0:
            return None
        if m["ap"].lower().startswith("p") and hh != 12:
            hh += 12
        if m["ap"].lower().startswith("a") and hh == 12:
            hh = 0
        # "am" alone after a number is rarer than the verb: "I am" never follows a digit
    elif m["h24"]:
        hh, mm = int(m["h24"]), int(m["m24"])
        before = text[max(0, m.start() - 12) : m.start()].lower()
        if re.search(r"(?:score|won|lost|beat|drew|vote[sd]?|ratio|verse|chapter)\W*$", before):
            return None
    else:
        hh, mm = int(m["hm"][:2]), int(m["hm"][2:])
    tz = norm(m["tz"] or "")
    z = "Z" if tz in ("gmt", "utc", "z") else ""
    t = f"T{hh:02d}:{mm:02d}{z}"
    data: dict = {"clock": t}
    if m["day"]:
        d = norm(m["day"])
        if d in LX.weekdays:
            if is_lower(m["day"]):
                return None
            data["day"] = {"kind": "wd", "wd": LX.weekdays[d], "rel": None}
        else:
            data["day"] = {
                "kind": "rel",
                "n": {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[d],
            }
    return Cand(m.start(), m.end(), "TIME", "clock", data, 2)


# Holidays and named days (resources/temporal/holidays.tsv): "Christmas Eve", "Orthodox
# Christmas", "Thanksgiving 2021", "last Easter", "Victory Day".
_HOLIDAY_NAMES: dict[str, list] = {}
for _h in LX.holidays:
    for _n in _h.names:
        _HOLIDAY_NAMES.setdefault(norm(_n), []).append(_h)


def _holiday_key(s: str) -> str:
    return re.sub(r"['\u2019\u2018`]", "", norm(s))


_HOLIDAY_BY_KEY = {_holiday_key(n): hs for n, hs in _HOLIDAY_NAMES.items()}
_SENTENCE_WORDS = re.compile(r"[a-z']+")


def _pick_holiday(options: list, text: str, start: int) -> object:
    """The row for a holiday name: one whose context words occur in the sentence around it
    ("Ukraine marks Independence Day"), else the row without a context."""
    if len(options) == 1:
        return options[0]
    lo, hi = max(0, start - 200), min(len(text), start + 200)
    words = set(_SENTENCE_WORDS.findall(text[lo:hi].lower().replace("\u2019", "'")))
    for h in options:
        if h.context and h.context & words:
            return h
    return next((h for h in options if not h.context), options[0])


@rule(
    rf"{WB}(?:(?P<rel>last|next|this|coming|that)\s+)?(?:(?P<the>the)\s+)?"
    rf"(?P<h>{alternation(_HOLIDAY_NAMES, apostrophes=True)})"
    rf"(?:,?\s+(?:of\s+)?(?P<y>{YEAR4})(?![\d%\w]))?(?![\w])",
    prio=1,
)
def holiday(m: re.Match, text: str) -> Cand | None:
    h = m["h"]
    if is_lower(h.lstrip("'\u2019")) and not h.lower().startswith("the"):
        return None
    options = _HOLIDAY_BY_KEY.get(_holiday_key(h))
    if options is None or (not m["y"] and name_follows(text, m.end("h"))):
        return None
    hol = _pick_holiday(options, text, m.start("h"))
    start = m.start("rel") if m["rel"] else m.start("h")
    if m["the"] and not m["rel"]:
        start = m.start("h")
    data = {
        "holiday": hol,
        "name": h,
        "year": _year_of(m["y"]),
        "rel": norm(m["rel"]) if m["rel"] else None,
    }
    return Cand(start, m.end(), "DATE", "holiday", data, 1)


# Vague references (resources/temporal/vague.tsv): "now", "recently", "soon", "the past".
_VAGUE_ALL = {p: v for p, (v, mode) in LX.vague.items()}


@rule(rf"{WB}(?P<v>{alternation(_VAGUE_ALL)})(?![\w-])", prio=6)
def vague(m: re.Match, text: str) -> Cand | None:
    key = norm(m["v"])
    value, mode = LX.vague[key]
    if key in ("current", "recent", "once", "former") and text[m.end() : m.end() + 1] == "-":
        return None
    if key == "soon" and (next_word(text, m.end()) == "as" or prev_word(text, m.start()) == "as"):
        return None
    if key == "now" and text[m.end() : m.end() + 1] in ("-",):
        return None
    if key == "once" and next_word(text, m.end()) in {
        "again",
        "more",
        "a",
        "an",
        "the",
        "it",
        "they",
        "he",
        "she",
        "we",
        "you",
        "i",
    }:
        return None
    return Cand(m.start(), m.end(), "DATE", "vague", {"value": value, "mode": mode}, 6)


# "the day", "that day", "the same day", "that night", "that afternoon", "the next morning",
# "the night before" (closing its clause: "the night before the vote" dates from the vote).
@rule(
    rf"{WB}(?P<rel>that|the\s+same|that\s+same|the\s+next|the\s+following|the\s+previous|this|the)\s+(?P<pod>{PARTS})(?P<post>\s+before)?(?![\w-])",
    prio=3,
)
def anaphoric_part(m: re.Match, text: str) -> Cand | None:
    rel = norm(m["rel"])
    n = {"the next": 1, "the following": 1, "the previous": -1}.get(rel, 0)
    if rel == "this":
        return None  # handled by deictic_day
    if rel == "the":
        if not m["post"] or not re.match(r"\s*(?:[,.;:)!?\u2014]|$)", text[m.end() : m.end() + 3]):
            return None  # "the night" alone, "the night before the vote"
        n = -1
    elif m["post"]:
        return None
    code = LX.parts_of_day[norm(m["pod"])]
    return Cand(
        m.start(),
        m.end(),
        "TIME",
        "rel",
        {"unit": "day", "n": n, "anchor": "focus", "pod": code},
        3,
    )


# --- dispatch: a rule is only tried where one of its first words starts -----------------
# One tokenisation pass finds the words; each rule is tried with `match` only at words that
# can begin it (computed from the same word lists), which is far cheaper than letting every
# regex scan every position of the text.
def _first(phrases: object) -> set[str]:
    out: set[str] = set()
    for p in phrases:  # type: ignore[attr-defined]
        w = re.findall(r"[a-z]+|\d+", norm(str(p)))
        if w:
            out.add(w[0])
    return out


DIGIT = "<digit>"
_MOD_W = _first(_MODS)
_REL_W = set(
    "last next this coming past previous following preceding same that the current".split()
)
_NUM_W = _first(LX.numbers)
_WD_W = set(LX.weekdays)
_MON_W = set(LX.months)
_STARTERS: dict[str, set[str]] = {
    "month_day": _WD_W | _MOD_W | _MON_W | {"the"},
    "day_month": _WD_W | _MOD_W | {"the", DIGIT},
    "month_year": _MOD_W | _MON_W,
    "bare_month": _MOD_W | _REL_W | _MON_W,
    "numeric": {DIGIT},
    "bc_range": {DIGIT},
    "year": _MOD_W | {"c", "ca", "circa", "around", "about", DIGIT, "'"},
    "decade_century": _MOD_W | _first(LX.ordinals) | {"the", DIGIT, "'"},
    "quarter": _MOD_W | _first(LX.ordinals) | {"the", "q", "h"},
    "season": _MOD_W | _REL_W | set(LX.seasons),
    "weekday": _REL_W | _WD_W | {w + "s" for w in _WD_W} | {"early", "late"},
    "deictic_day": {
        "earlier",
        "later",
        "early",
        "late",
        "the",
        "today",
        "yesterday",
        "tomorrow",
        "tonight",
        "last",
        "this",
        # a possessive whose apostrophe a scraped copy lost ("todays vote")
        "todays",
        "yesterdays",
        "tomorrows",
        "tonights",
    },
    "in_the_unit": {"early", "late", "earlier", "later"},
    "rel_unit": _MOD_W | _REL_W | {"earlier", "later"},
    "duration": _first(LX.mods["dur"]) | _NUM_W | _first(LX.units) | {"the", "in", "recent", DIGIT},
    "set_rule": {
        "every",
        "each",
        "daily",
        "weekly",
        "monthly",
        "quarterly",
        "annually",
        "yearly",
        "annual",
        "biannual",
        "nightly",
        "hourly",
        "fortnightly",
        "bi",
        "biweekly",
        "semi",
        "semiannual",
        "twice",
        "once",
        "thrice",
        "per",
        DIGIT,
    }
    | _NUM_W,
    "clock": {DIGIT, "noon", "midnight", "midday"},
    "holiday": _REL_W | _first(n for h in LX.holidays for n in h.names) | {"st", "saint"},
    "vague": _first(LX.vague),
    "anaphoric_part": {"that", "the", "this"},
    "month_range": set(_MON_W),
    "nth_weekday_rule": {"the"},
    "same_period": {"the"},
    "nth_day": {"the"},
    "overnight": {"overnight"},
    "generic_night": {"at", "by"},
    "nth_straight": {"a", "an"},
}
_BY_WORD: dict[str, list[tuple[str, re.Pattern, Handler, int]]] = {}
for _r in RULES:
    for _w in _STARTERS[_r[0]]:
        _BY_WORD.setdefault(_w, []).append(_r)
# Names of months, weekdays and holidays only start an expression when capitalised ("may",
# "march", "sun" are words).
_CAPITAL_ONLY = frozenset(
    (_MON_W | _WD_W | {w + "s" for w in _WD_W} | _first(n for h in LX.holidays for n in h.names))
    - _REL_W
    - _MOD_W
    - _NUM_W
    - set(LX.seasons)
    - {"the", "new", "may"}
)
# Function words start an expression only before a word that can follow them in some rule
# or word list ("the 1990s", "a week", "in recent days", "about two hours", "the end of
# 2012"): every starter, unit, ordinal and second word of a multi-word phrase.
_SECOND_WORDS = {
    p.split()[1]
    for p in (
        *(m for mods in LX.mods.values() for m in mods),
        *LX.vague,
        *LX.numbers,
        *(n for h in LX.holidays for n in h.names),
    )
    if " " in p
}
_AFTER_THE = frozenset(
    set().union(*(_STARTERS[r] for r in _STARTERS))
    | set(LX.units)
    | {"weekend", "fall", "eleventh", "very", "year", "fiscal", "financial", "other", "half"}
    | {"entire", "whole", "full"}
    | _SECOND_WORDS
    | set(LX.ordinals)
    | set(LX.parts_of_day)
) - {"the", "a", "an"}
_AFTER_FUNCTION_WORD = _AFTER_THE | {"the", "a", "an"}
_GATED = frozenset(
    "the a an in at to some about over under around this last next that early late more "
    "less just up no well each every per first same coming following previous preceding "
    "several many few one mid ca c circa some on no not".split()
)
# After "the", only the rules that can continue with the next word are tried ("the 1990s":
# decades and day-months; "the following day": relative units, durations, ...).
_THE_SECOND = {p.split()[1] for p in (*_MODS, *LX.vague) if p.startswith("the ") and " " in p}
_RELATIVE = {
    "same",
    "next",
    "following",
    "previous",
    "preceding",
    "prior",
    "past",
    "last",
    "coming",
    "current",
    "very",
    "entire",
    "whole",
    "full",
    "better",
    "remaining",
    "subsequent",
    "ensuing",
    "intervening",
    "first",
    "final",
}
_THE_EXTRA: dict[str, set[str]] = {
    "month_day": _MON_W | _THE_SECOND,
    "day_month": {DIGIT} | _THE_SECOND,
    "month_year": _MON_W | _THE_SECOND,
    "bare_month": _MON_W | _RELATIVE | _THE_SECOND,
    "year": _THE_SECOND | {"early", "late", "mid"},
    "decade_century": {DIGIT, "'", "early", "late", "mid"} | set(LX.ordinals) | _THE_SECOND,
    "quarter": set(LX.ordinals) | _THE_SECOND,
    "season": set(LX.seasons) | _RELATIVE | _THE_SECOND,
    "weekday": _RELATIVE,
    "deictic_day": {"day"},
    "rel_unit": _RELATIVE
    | set(LX.units)
    | {"weekend", "year", "fiscal", "financial"}
    | _THE_SECOND,
    "duration": _RELATIVE | {DIGIT} | set(LX.numbers) | _first(LX.numbers),
    "holiday": {p.split()[1] for h in LX.holidays for p in h.names if p.startswith("the ")},
    "vague": _THE_SECOND,
    "anaphoric_part": _RELATIVE | {"night", "evening"},
    "nth_weekday_rule": set(LX.ordinals),
    "same_period": {"same"},
    "nth_day": {DIGIT},
}
_AFTER_THE_RULES: dict[str, list[tuple[str, re.Pattern, Handler, int]]] = {}
for _r in _BY_WORD.get("the", ()):
    for _w in _THE_EXTRA.get(_r[0], _AFTER_THE):
        _AFTER_THE_RULES.setdefault(_w, []).append(_r)


# Next-word gates. At some starters a rule can only match when one of a few words comes
# next, and a failed attempt of its regex costs microseconds (under re.I the branches of an
# alternation are entered one by one), so the word after the starter is looked at first.
# A gate lists, per starter and rule, the words the rule's pattern must meet next; the next
# token passes when it starts with one of them (a token is a run of ASCII letters, one
# digit, DIGIT, or an apostrophe), so a gate may let through more than the pattern matches,
# never less:
# - "on", "no", "not" start these rules only as the first word of a modifier ("on or
#   before", "no later than", "no more than"), and "in" a duration only in "in recent";
# - after a weekday, a month-day needs a month, a modifier or "the" ("Friday, Jan. 7",
#   "Friday the 7th of"), a day-month a day number, a modifier or "the" ("Friday 7 January");
# - after a number, a duration needs a unit, an adjective, a range word or another number
#   ("10 days", "three trading days", "12 to 18 months", "2.5 years", "10-twelve days"),
#   a day-month an ordinal suffix, a range word, "of" or a month ("9th of January", "9-10
#   January"), a set "times" ("three times a week").
# Tokens see ASCII letters only, and re.I also matches "\u0130"/"\u0131" to "i", "\u017f"
# to "s" and the Kelvin sign to "k" (the only non-ASCII characters it folds onto ASCII
# letters): a text holding one of those is not gated.
_FOLDS = re.compile(f"[{''.join(_FOLD_LETTERS)}]")
_PHRASES = [
    norm(p)
    for p in (
        *_MODS,
        *(m for mods in LX.mods.values() for m in mods),
        *LX.numbers,
        *LX.vague,
        *LX.units,
        *LX.ordinals,
        *LX.seasons,
        *LX.parts_of_day,
        *(n for h in LX.holidays for n in h.names),
    )
]
_MOD_RULES = (
    "month_day",
    "day_month",
    "month_year",
    "bare_month",
    "year",
    "decade_century",
    "quarter",
    "season",
    "rel_unit",
    "duration",
)
_GATES: dict[str, dict[str, tuple[str, ...]]] = {}  # starter -> {rule -> next words}
for _w in ("on", "no", "not"):
    if _w not in _PHRASES:  # never a phrase of its own
        _seconds = tuple(sorted({p.split()[1] for p in _PHRASES if p.split()[0] == _w}))
        _GATES[_w] = {r: _seconds for r in _MOD_RULES}
_GATES["in"] = {"duration": ("recent",)}
_WD_MD_NEXT = tuple(sorted(_MON_W | _MOD_W | {"the"}))
_WD_DM_NEXT = tuple(sorted(_MOD_W | {"the", DIGIT}))
for _w in _WD_W:
    if not _w.startswith(_WD_MD_NEXT):  # the weekday itself is never read as one of those
        _GATES[_w] = {"month_day": _WD_MD_NEXT, "day_month": _WD_DM_NEXT}
_GATES[DIGIT] = {
    "duration": tuple(sorted({*LX.units, *_DUR_ADJ, *_NUM_W, "and", "to", "or", DIGIT})),
    "day_month": tuple(sorted({*_MON_W, "st", "nd", "rd", "th", "and", "to", "of", DIGIT})),
    "set_rule": ("times", DIGIT),
}
# A starter whose rules are all gated on the same words ("on", "no", "not", "in") is
# passed over as a whole.
_WORD_GATES = {
    w: next(iter(g.values()))
    for w, g in _GATES.items()
    if w in _BY_WORD and len(set(g.values())) == 1 and {r[0] for r in _BY_WORD[w]} <= set(g)
}


# Tokens are found by one plain regex; set lookups in Python then pick the few that can
# start a rule (cheaper than letting a big alternation scan the text).
_SCAN = re.compile(r"[A-Za-z]+|\d+|['\u2019](?=\d\d)")
_NEXT_TOKEN = re.compile(r"[^A-Za-z0-9'\u2019]*([A-Za-z]+|\d|['\u2019])")


# A number is dispatched on its length and on what follows it: only a rule that can start
# with such a number is tried ("12 troops" tries durations and day-month dates, "14:30" clock
# times, "2014" years, "1990s" decades ...).
_DIGIT_FEATURE = re.compile(
    r"(?P<colon>:\d)|(?P<slash>/\d)|(?P<dot>\.\d)|(?P<ampm>\s*[ap]\.?m\b)"
    r"|(?P<tz>\s*(?:GMT|UTC|hrs|hours|h\b|Z\b|local))|(?P<era>\s*(?:B\.?C|A\.?D|BCE|CE)\b)"
    r"|(?P<s>['\u2019]?s\b)|(?P<ord>(?:st|nd|rd|th)\b)"
    r"|(?P<range>\s*(?:-|\u2013|\u2014|to|and|or)\s*\d)",
    re.I,
)
_DIGIT_RULES: dict[tuple[int, str], list[tuple[str, re.Pattern, Handler, int]]] = {}
_RULE_BY_NAME = {r[0]: r for r in RULES}


def _digit_rules(text: str, pos: int, end: int) -> list[tuple[str, re.Pattern, Handler, int]]:
    n = min(end - pos, 5)
    fm = _DIGIT_FEATURE.match(text, end)
    feat = fm.lastgroup or "none" if fm else "none"
    key = (n, feat)
    rules = _DIGIT_RULES.get(key)
    if rules is None:
        names = set()
        short = n <= 2
        if feat in ("none", "dot", "range", "tz") and n <= 4:
            names |= {"duration", "set_rule"}
        if short and feat in ("none", "ord", "range"):
            names.add("day_month")
        if (short and feat in ("slash", "dot")) or (n == 4 and feat in ("range", "slash")):
            names.add("numeric")
        if feat in ("range", "era") and n <= 4:
            names |= {"bc_range", "year"}
        if n == 4 or feat == "era":
            names.add("year")
        if feat in ("s", "ord") and n in (2, 4, 1):
            names.add("decade_century")
        if (short and feat in ("colon", "ampm", "tz")) or (n == 4 and feat == "tz"):
            names.add("clock")
        rules = [r for r in RULES if r[0] in names]
        _DIGIT_RULES[key] = rules
    return rules


def candidates(text: str) -> Iterator[Cand]:
    reach: dict[str, int] = {}  # per rule: end of its last match (finditer-like, no overlap)
    by_word = _BY_WORD
    folds = _FOLDS.search(text) is not None
    gates = {} if folds else _GATES
    # Words are read from the lower-cased text, with the same offsets: only "\u0130" and
    # the Kelvin sign lower-case onto ASCII letters (or change the length), and texts with
    # one of those are read as they are.
    low = text if folds else text.lower()
    digit_rules = None
    for t in _SCAN.finditer(low):
        w = t.group()
        c0 = w[0]
        if c0.isalpha():
            key = w.lower() if folds else w
            if key not in by_word:
                continue
        pos = t.start()
        nxt = None
        if c0.isdigit():
            if text[pos - 1 : pos] == "," and text[pos - 2 : pos - 1].isdigit():
                continue  # the "000" of "100,000"
            key = ""
            gate = gates.get(DIGIT)
            digit_rules = _digit_rules(text, pos, t.end())
        elif c0 in "'\u2019":
            key = "'"
            gate = None
        else:
            gate = gates.get(key)
        if key in _GATED:
            nm = _NEXT_TOKEN.match(text, t.end())
            nxt = nm.group(1) if nm else ""
            if key == "the":
                nk = (
                    DIGIT if nxt[0:1].isdigit() else ("'" if nxt[0:1] in "'\u2019" else nxt.lower())
                )
                digit_rules = _AFTER_THE_RULES.get(nk)
                if not digit_rules:
                    continue
                key = ""  # dispatch on the word after "the"
            elif not (
                nxt[0:1].isdigit() or nxt[0:1] in "'\u2019" or nxt.lower() in _AFTER_FUNCTION_WORD
            ):
                continue
        elif key in _CAPITAL_ONLY and text[pos].islower():
            continue
        rules = digit_rules if not key else by_word.get(key)
        digit_rules = None
        if not rules:
            continue
        if gate is not None:
            if nxt is None:
                nm = _NEXT_TOKEN.match(text, t.end())
                nxt = nm.group(1) if nm else ""
            nk = DIGIT if nxt[0:1].isdigit() else nxt.lower()
            whole = _WORD_GATES.get(key)
            if whole is not None and not nk.startswith(whole):
                continue
        for name, rx, fn, prio in rules:
            if reach.get(name, -1) > pos:
                continue
            if gate is not None and name in gate and not nk.startswith(gate[name]):
                continue  # (see _GATES: the pattern cannot match before that word)
            m = rx.match(text, pos)
            if m is None or m.end() == pos:
                continue
            out = fn(m, text)
            if out is None:
                continue
            reach[name] = m.end()
            if isinstance(out, Cand):
                out.prio = prio
                yield out
            else:
                for c in out:
                    c.prio = prio
                yield from out


def detect(text: str) -> list[Cand]:
    """Non-overlapping candidates, sorted by start: longest first, then rule priority.
    The two members of a range compete as one unit spanning both."""
    units: list[list[Cand]] = []
    pending: dict[int, list[Cand]] = {}
    for c in candidates(text):
        if c.end <= c.start or "\n" in text[c.start : c.end]:
            continue
        if c.range_id is not None:
            grp = pending.setdefault(id(c.range_id), [])
            grp.append(c)
            if len(grp) == 2:
                units.append(grp)
            continue
        units.append([c])
    units.sort(key=lambda u: (-(u[-1].end - u[0].start), u[0].prio, u[0].start))
    taken = bytearray(len(text) + 1)
    chosen: list[Cand] = []
    for u in units:
        if any(taken[c.start : c.end].count(1) for c in u):
            continue
        for c in u:
            taken[c.start : c.end] = b"\x01" * (c.end - c.start)
            chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return _join_durations(text, chosen)


_DUR_PARTS = re.compile(r"P((?:\d+(?:\.\d+)?[YMWD])*)(?:T((?:\d+(?:\.\d+)?[HMS])+))?")
_DUR_ORDER = {"Y": 0, "M": 1, "W": 2, "D": 3, "TH": 4, "TM": 5, "TS": 6}
_AND_GAP = re.compile(r"\s*(?:,\s*)?and\s+|\s*,\s*")


def _dur_units(value: str) -> list[tuple[str, str]] | None:
    m = _DUR_PARTS.fullmatch(value)
    if not m:
        return None
    out = [(n, u) for n, u in re.findall(r"(\d+(?:\.\d+)?)([YMWD])", m[1] or "")]
    out += [(n, "T" + u) for n, u in re.findall(r"(\d+(?:\.\d+)?)([HMS])", m[2] or "")]
    return out or None


def _join_durations(text: str, cands: list[Cand]) -> list[Cand]:
    """ "two years and eight months" is one duration, P2Y8M; "an hour and 20 minutes",
    PT1H20M: units must run from larger to smaller."""
    out: list[Cand] = []
    for c in cands:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == c.kind == "dur"
            and c.mod is None
            and _AND_GAP.fullmatch(text[prev.end : c.start])
        ):
            a, b = _dur_units(prev.data["value"]), _dur_units(c.data["value"])
            if a and b and _DUR_ORDER[a[-1][1]] < _DUR_ORDER[b[0][1]]:
                parts = a + b
                if any(u == "W" for _, u in parts) and len(parts) > 1:
                    # ISO 8601 keeps weeks alone: "two weeks and three days" = P17D
                    days = sum(float(n) * (7 if u == "W" else 1) for n, u in parts if u in "WD")
                    parts = [(n, u) for n, u in parts if u not in "WD"] + [(f"{days:g}", "D")]
                    parts.sort(key=lambda p: _DUR_ORDER[p[1]])
                date_part = "".join(n + u for n, u in parts if not u.startswith("T"))
                time_part = "".join(n + u[1:] for n, u in parts if u.startswith("T"))
                value = "P" + date_part + ("T" + time_part if time_part else "")
                out[-1] = Cand(
                    prev.start, c.end, "DURATION", "dur", {"value": value}, prev.prio, prev.mod
                )
                continue
        out.append(c)
    return out
