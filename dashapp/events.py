"""Events: dated clauses -> event mentions (trigger, type, actors, label) -> merged events.

A date makes an event only when its clause names a happening (a trigger word from
resources/events/triggers.tsv): "In Thursday's call, Biden warned Putin" is the call on
that Thursday. Durations, sets and vague references ("now", "recently") make no event;
neither do dates that open or close a state ("since 2014", "until Monday"), tallies ("have
been killed this year"), datelines and liveblog stamps, nor negated, conditional or
cancelled happenings ("did not attend the summit", "if Russia invades", "a trip planned
for Wednesday" that was postponed).

The happening is the head of the clause: a verb over the noun it governs ("withdrew from
the deal"), an announced or verbal act over the speech verb that reports it ("said on
Monday that Britain would expel ..."), what was agreed when it is a material act ("signed a
treaty annexing"), the clause's verb over a noun in a setting phrase ("struck a deal at a
summit"). Its actors are those of its stretch of the clause, with whole lists, pronoun and
"who" subjects resolved, venues dropped, bodies of organisations listed as the parent, and
a state added to its official's one-sided acts.

Mentions of one happening (same type, compatible dates, overlapping actors) merge, within
an article and across articles.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from contextvars import ContextVar
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import NamedTuple

from dashapp.actors import (
    RUN_ON_PARTICLES,
    ActorMention,
    Gazetteer,
    clear_first,
    places,
    without_accents,
)
from dashapp.dateline import dateline_span, place_line
from dashapp.models import Actor, Article, Event, Granularity, Mention, Timex, day_value, support
from dashapp.records import maker, replacer
from dashapp.temporal.lexicon import alternation
from dashapp.temporal.lexicon import lexicon as temporal_lexicon
from dashapp.temporal.tense import clause_tense
from dashapp.temporal.timex3 import PART_MODS, month_end
from dashapp.text import clauses, sentences

try:  # CPython's own SHA-1: the same digest as OpenSSL's, and a short key hashes faster
    from _sha1 import sha1 as _sha1
except ImportError:  # pragma: no cover - another Python
    _sha1 = hashlib.sha1

QUADS = ("verbal cooperation", "material cooperation", "verbal conflict", "material conflict")


_event = maker(Event)
_mention = maker(Mention)
_replace_event = replacer(Event)


@dataclass(frozen=True, slots=True)
class Trigger:
    type: str
    weight: int
    label: str
    forms: tuple[str, ...]
    cancels: bool = False  # "called off", "postponed": undoes the happening it governs
    # the row's flags (triggers.tsv): a meeting of states (summit, state visit: "states")
    # keeps its countries; a state's act (election, inauguration, decree: "state") brings
    # the state of the person who acts
    between_states: bool = False
    state_act: bool = False
    personal: bool = False  # "resigned": a person's own act, labelled with the person
    # "needs:ambassador/envoy": a trigger only when one of these words follows in its
    # object ("summoned the Russian ambassador", not "summoned supporters to a rally";
    # _needs_window)
    needs: re.Pattern[str] | None = None
    # "flew home": diplomats, troops or staff going home withdraw; a person going home ends
    # a journey (see _JOURNEY)
    journey: bool = False
    # "own": an act of its doer's own (a visit, a call, a warning, backing), which does not
    # bring the state of his title (_own_act); "alone": a person's own movement (an escape,
    # a return from exile: _moves_alone); "office": taking office (_takes_office)
    own: bool = False
    alone: bool = False
    office: bool = False


@dataclass(frozen=True, slots=True)
class Lexicon:
    triggers: dict[str, Trigger]  # form -> trigger family
    quad: dict[str, str]  # PLOVER type -> quad class
    # form -> its other senses: later rows naming a form whose first row has needs:, each
    # with needs: of its own ("sent ... troops" a deployment, "sent ... an envoy" a mission)
    senses: dict[str, tuple[Trigger, ...]]


class Hit(NamedTuple):
    """A trigger word found in the text (a tuple: made by the thousand on the hot path)."""

    start: int
    end: int
    trigger: Trigger


_FLAGS = frozenset(
    {"cancels", "personal", "journey", "otherwise", "wide"}
    | {"states", "state", "own", "alone", "office"}  # kinds of act, for the actors
)
_new_hit = tuple.__new__  # Hit(...) without the Python-level __new__ of a NamedTuple


def _rows(name: str) -> Iterable[list[str]]:
    text = resources.files("dashapp.resources.events").joinpath(name).read_text("utf-8")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            yield line.split("\t")


def _alternation(forms: Iterable[str]) -> str:
    """`forms` escaped and joined for a regex alternation, the longest first (so that it
    wins where forms overlap)."""
    return "|".join(map(re.escape, sorted(forms, key=len, reverse=True)))


def _alternatives(name: str) -> str:
    """The forms of the one-column data file `name`, as an alternation (_alternation)."""
    return _alternation(row[0] for row in _rows(name))


@lru_cache(maxsize=1)
def _place_regex() -> re.Pattern[str]:
    """Any place name, the longest where names overlap, between word boundaries. (A trie
    under each first letter, which looks behind it for the boundary: the engine skips in
    C to the next letter that opens a name, as with _SETTING_WORDS, instead of trying
    every name at every position. The same matches as the plain alternation.)"""
    rests: dict[str, list[str]] = {}
    for name in places():
        if not name[:1].isalpha():  # (the boundary before a letter: no word character)
            raise ValueError(f"places.tsv: {name!r} must begin with a letter")
        rests.setdefault(name[0], []).append(name[1:])
    heads = [
        f"{re.escape(c)}(?<!\\w{re.escape(c)}){alternation(rest, blank=None)}"
        for c, rest in sorted(rests.items())
    ]
    return re.compile(rf"(?:{'|'.join(heads)})\b")


# where a verb's object ends (_needs_window): a mark that closes the phrase (";", ":", a
# bracket, a dash; a hyphen set off by blanks), a word of object_ends.tsv, and, once the verb
# has words after it, "and"/"but"/"or" before a verb in the past ("suspended talks and
# expelled the envoys"; not "sank or crippled six vessels", whose verbs share the object) and
# "and"/"but" after a comma. (Written as what a blank between words and a word may be, not
# as a look-ahead at each step: the engine turns most words away at their first letter.)
_OBJECT_BLANK = r"[^\w;:()\[\]\u2013\u2014]+(?<!\s-\s)"


@lru_cache(maxsize=1)
def _object_words() -> tuple[str, str]:
    """The first word of a verb's object and any later one, as regexes (see _OBJECT_BLANK)."""
    rows = list(_rows("object_ends.tsv"))
    anywhere = _alternation(row[0] for row in rows if row[1:] != ["later"])
    later = _alternation(row[0] for row in rows if row[1:] == ["later"])
    past = alternation(temporal_lexicon().past_verbs)
    # (a regular past before what it acts on: "and expelled the envoys", not "and armoured
    # troops", an adjective of the object)
    verb = rf"(?:and|but|or)\s+(?:{past}\b|\w{{3,}}ed\s+(?:the|an?|its|his|her|their|\d))"
    first = rf"(?!(?:{anywhere})\b)\w+"
    rest = rf"(?!(?:{anywhere}|{later})\b|{verb}|(?<=,)(?:and|but)\b|(?<=,\s)(?:and|but)\b)\w+"
    return first, rest


def _needs_window(words: Sequence[str], wide: bool = False) -> re.Pattern[str]:
    """A needs: row's test (triggers.tsv): one of `words` within nine words after the form,
    inside what the verb governs: its object, with its modifiers and an apposition ("summoned
    the Russian ambassador", "sent 3,000 troops", "named a general, Ruphin Zafisambo, as
    prime minister"), not past the end of it (_OBJECT_BLANK: "suspended talks when the
    judges walked out", "ordered a curfew after Soviet troops ...")."""
    needed = "|".join(map(re.escape, words))
    near = rf"(?:\W+\w+){{0,8}}?\W+(?:{needed})\b"  # any of the next nine words
    if wide:  # (a noun's doers, told in a clause of their own: triggers.tsv "wide")
        return re.compile(f"(?i){near}")
    first, rest = _object_words()
    blank = _OBJECT_BLANK
    # (most forms have none of the words near: the plain window, tried first, says so at
    # its own cost)
    return re.compile(
        rf"(?i)(?={near})(?:{blank}{first}(?:{blank}{rest}){{0,7}}?)??{blank}(?:{needed})\b"
    )


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Trigger words and PLOVER quad classes, loaded once from the data files."""
    quad = {row[0]: row[1] for row in _rows("plover.tsv")}
    triggers: dict[str, Trigger] = {}
    senses: dict[str, tuple[Trigger, ...]] = {}
    for row in _rows("triggers.tsv"):
        forms, type_, weight, label = row[:4]
        flags = set(row[4].split(",")) if len(row) > 4 and row[4] else set()
        if type_ not in quad:
            raise ValueError(f"triggers.tsv: unknown type {type_!r}")
        needs = next((f for f in flags if f.startswith("needs:")), "")
        flags.discard(needs)
        if flags - _FLAGS:
            raise ValueError(f"triggers.tsv: unknown flags {sorted(flags - _FLAGS)}")
        if ("alone" in flags and "personal" not in flags) or (
            "office" in flags and "state" not in flags
        ):
            raise ValueError(f"triggers.tsv: {label!r}: alone needs personal, office needs state")
        words = needs.removeprefix("needs:").split("/") if needs else []
        object_words = _needs_window(words, "wide" in flags) if words else None
        family = Trigger(
            type_,
            int(weight),
            label,
            tuple(forms.split("|")),
            "cancels" in flags,
            "states" in flags,
            "state" in flags,
            "personal" in flags,
            object_words,
            "journey" in flags,
            "own" in flags,
            "alone" in flags,
            "office" in flags,
        )
        for form in family.forms:
            owner = triggers.setdefault(form, family)
            if (
                owner is not family
                and owner.needs is not None
                and (object_words is not None or "otherwise" in flags)
            ):
                # (an "otherwise" row, with no words of its own, is the sense taken when
                # none of the earlier senses' words follow)
                senses[form] = (*senses.get(form, ()), family)
    return Lexicon(triggers, quad, senses)


@lru_cache(maxsize=3)
def _trigger_regex(fold: bool = True, ascii_text: bool = False) -> re.Pattern[str]:
    # greedy trie: the longest form wins where forms share a prefix ("phone call" over
    # "phone"); the boundaries keep "anti-war" and "warship" out. The forms are lower
    # case: matched case-sensitively against lower-cased text (twice as fast), or with
    # IGNORECASE where lower-casing would move offsets.
    # (The left boundary is the character before the form, matched, not looked behind
    # at: a pattern that opens with a character class lets the engine skip in C to the
    # next blank or punctuation mark instead of trying every position. Same forms found,
    # at the same places: every form begins and ends with a word character, so the
    # character a match takes before its form was never part of the previous match.)
    # The look-ahead on the forms' first letters turns most positions away before the
    # engine enters the trie (as the gazetteer's pattern does).
    # With `ascii_text`, for text with no character outside ASCII, the left boundary is the
    # same characters written out ([^\w-] within ASCII): a class the engine tests by a
    # bitmap, not by Unicode categories, while it skips to the next of them (about a
    # quarter less time per scan. Same matches, on such text.)
    flags = re.IGNORECASE if fold else 0
    forms = lexicon().triggers
    if not all(_WORD_EDGES.fullmatch(f) for f in forms):
        raise ValueError("triggers.tsv: a form must begin and end with a letter or digit")
    first = "".join(sorted({re.escape(f[0]) for f in forms}))
    body = alternation(forms)
    edge = _ASCII_EDGE if ascii_text else r"[^\w-]"
    return re.compile(rf"{edge}(?=[{first}])(?:{body})(?![\w-])", flags)


# [^\w-] within ASCII: no letter, digit, "_" or "-"
_ASCII_EDGE = r"[\x00-\x2c\x2e\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x7f]"


_WORD_EDGES = re.compile(r"\w(?:.*\w)?", re.DOTALL)


def _plain_form(form: str) -> str:
    """A matched trigger form as the lexicon writes it: blanks made single, and the
    characters IGNORECASE matches to a form's letters though lower-casing does not give
    them (the long s of "ſaid"; the dotted capital I, whose lower case carries a
    combining dot) brought to those letters."""
    folded = unicodedata.normalize("NFKC", form).casefold().replace("\u0307", "")
    return " ".join(folded.split())


def trigger_hits(text: str, start: int = 0, end: int | None = None) -> list[Hit]:
    """Every trigger in text[start:end], the longest form where forms overlap."""
    triggers = lexicon().triggers
    stop = len(text) if end is None else end
    get = triggers.get
    # one character back for the left boundary (a blank before the text's start)
    if start > 0:
        base = start - 1
        seg = text[base:stop]
    else:
        base = -1
        seg = " " + text[:stop]
    low = seg.lower()
    fold = len(low) != len(seg)  # "İ" lower-cases to two code points
    if fold:
        low = seg
    hits = []
    for m in _trigger_regex(fold, low.isascii()).finditer(low):
        a, b = m.span()
        a += 1  # the form starts after its left boundary
        form = low[a:b].lower() if fold else low[a:b]
        family = get(form)
        if family is None:
            family = get(_plain_form(form))
            if family is None:  # (not reached: every match is a form, folded)
                continue
        hits.append(_new_hit(Hit, (a + base, b + base, family)))
    return hits


# Short forms for labels ("US-Russia talks"): countries whose usual short name differs.
_SHORT = {
    "United States": "US",
    "United Kingdom": "UK",
    "United Arab Emirates": "UAE",
    "European Union": "EU",
    "Democratic Republic of the Congo": "DR Congo",
}
# (a month or weekday may end in the "s" of a possessive whose apostrophe a scraped copy
# lost: "in Tuesdays elections")
_NOT_PLACE = re.compile(
    r"(?i)^(?:(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?|jan|feb|mar|apr|"
    r"jun|jul|aug|sept?|oct|nov|dec|the|a|an|this|that|"
    r"his|her|its|their|our|public|response|order|part|turn|fact|recent|total|addition)$"
)
# (The word before the look-behind: a pattern that opens with its letters lets the engine
# skip in C to the next "i" or "a"; the look-behind then checks the left boundary as "\b"
# did. Same matches.)
_PLACE = re.compile(
    r"(?:in|at)(?<!\w..)\s+((?:[A-Z][\w'\u2019.-]+)(?:\s+[A-Z][\w'\u2019.-]+){0,2})"
)
# after a name, the rest of it and the verb it is the subject of: "(Manmohan) Singh would
# not", "Brazil would turn"
_SUBJECT_AFTER_NAME = re.compile(
    r"(?:\s+[A-Z][\w'\u2019.-]*)*\s+(?:would|will|could|can|did|does|do|had|has|have|was"
    r"|were|is|are|must|should|might|may)\b"
)
_OBJECT = re.compile(
    r"\s+(?:(?:to|into|on|against|from)\s+)?(?:the\s+|a\s+|an\s+)?"
    r"((?:[A-Z][\w'\u2019.-]+)(?:\s+[A-Z][\w'\u2019.-]+){0,2})"
)
# a ship acted on, named by its kind, with its flag or owner's adjective: "the British-flagged
# tanker", "three Ukrainian navy boats", "a tanker flagged in Panama"
_VESSEL = re.compile(
    r"\s+(?:(?:on|against)\s+)?(?:the\s+|a\s+|an\s+)?"
    r"((?:(?:\d+|two|three|four|five|six)\s+)?(?:[A-Z][\w'\u2019]*(?:-[a-z]+)?\s+)?"
    r"(?:(?:oil|cargo|container|fishing|chemical|merchant|navy|naval|patrol|research)\s+)?"
    r"(?:tanker|ship|vessel|freighter|boat|trawler|gunboat|yacht)s?)\b"
    r"(?:\s+(?:flagged|registered)\s+in\s+(?:the\s+)?([A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+)?))?"
)
_DEMONYM = re.compile(r"[A-Z][a-z]+(?:ian|ish|ese|i|ic)\b(?!\s+(?:Islands?|Republic))|\S+-\S+$")
_NP_WORD = re.compile(r"^(?:[a-z][\w-]*|[A-Z][\w]*-[\w-]+|pro-\w+|anti-\w+)$")
_DETERMINERS = {
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "its",
    "his",
    "her",
    "their",
    "our",
    "of",
    "in",
    "on",
    "and",
    "or",
    "to",
    "for",
    "by",
    "with",
    "which",
    "who",
    "was",
    "is",
    "were",
    "are",
    "fomenting",
    "launched",
    "started",
    "began",
    # prepositions, conjunctions and auxiliaries: "have been killed since fighting"
    "since",
    "after",
    "before",
    "during",
    "amid",
    "over",
    "into",
    "from",
    "against",
    "between",
    "been",
    "be",
    "being",
    "have",
    "has",
    "had",
    "as",
    "at",
}
_TOKEN = re.compile(r"\S+")
_COMMA = re.compile(r",\s")
_EMPTY_SLOT = re.compile(r"\s*(?:\b(?:with|to|on|against|from|for)\s*)?\{\w+\}")
_SPACES = re.compile(r"\s{2,}")
_DANGLING_WORDS = {"with", "to", "on", "against", "in", "of", "by", "from", "for", "off"}
_DANGLING = re.compile(r"\s+(?:with|to|on|against|in|of|by|from|for|off)$")
_REGION_WORD = re.compile(r"(?i)\s+(?:Region|Peninsula|Province|Oblast)$")
_ANNOUNCED = re.compile(
    r"(?i)\b(?:would|will|shall|is to|are to|was to|were to|plans to|planned to|is going to|"
    r"had|has|have)"
    r"\s+(?:\w+\s+){0,2}$"
)
_STAMP = re.compile(
    r"[ \t]*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?"
    r"(?:\s*(?:GMT|UTC|BST|CET|CEST|EST|EDT|ET|PT))?\s*[-\u2013\u2014:|]\s"
)
_SPAN_JOIN = re.compile(r"(?i)\s+(?:and|to|through|until|till)\s+|\s*[-\u2013]\s*")
_QUALIFIER_GAP = re.compile(r"(?i)[\s,]*(?:(?:on|in|of)\s+)?")
# a happening that began on one day and runs on to a later one: "opened on Wednesday and
# are scheduled to run until Friday", "began on Monday and will last through Thursday", "opened
# on Monday and runs until Sunday": one span from the first day to the last
_RUNS_ON = re.compile(
    r"(?i),?\s+and\s+(?:(?:is|are|was|were)\s+)?(?:(?:scheduled|due|expected|set|slated)\s+to"
    r"\s+|will\s+|would\s+)?(?:run|runs|ran|last|lasts|lasted|continue|continues|continued"
    r"|go\s+on|goes\s+on|went\s+on)\s+(?:until|till|through|to)\s+"
)
_RUNS_ON_MAX = 60  # characters from the first day to the last
_EDGE_WORDS = ("since", "until", "till", "by", "of", "Since", "Until", "By")
_STATE_EDGE = re.compile(
    r"(?i)\b(?:since|until|till|by)\s+(?:the\s+(?:end|start|beginning|middle)\s+of\s+)?$"
)
_POSSESSIVE = ("'s", "\u2019s", "s'", "s\u2019")
_ATTRIBUTION_END = re.compile(r"\s*(?:[,.;]|$)")
# A word of the same predicate: no clause break or conjunction
_WORD = r"\s+(?!(?:that|whether|if|and|but|or|which|who|only)\b)[\w'\u2019-]+"
# "did not announce the accident until Monday": a past act negated up to a day was done
# that day, which the "until" dates (not "will not recognise it until the vote")
_PAST_NOT = r"\b(?:(?:did|was|were|had)\s+not|never|(?:did|was|were|had)n['\u2019]t)\b"
_NOT_UNTIL = re.compile(_PAST_NOT + r"[^,.;:]*\b(?:until|till)\s*$")
_UNTIL_AFTER = re.compile(r"[^,.;:]{0,60}?\s(?:until|till)\s")
_PAST_NEGATED = re.compile(_PAST_NOT + rf"(?:{_WORD}){{0,3}}\s+$")
# A negator, then up to three words of the same predicate ("did not attend the summit",
# "has never formally met", "had no plans to meet").
_NEGATED = re.compile(
    r"(?i)(?:\bnot|\bcannot|\bnever|n['\u2019]t|\bno longer"
    r"|\bno\s+(?:immediate\s+)?(?:plans?|intention))"
    rf"(?:{_WORD}){{0,3}}\s+$"
)
# ... and an act declined ("declined on Monday to back the package", "declined an
# invitation to the talks", and the object of a declined infinitive: "declined on Monday
# to support the sanctions package") or failed ("failed to reach a deal"; but "a failed
# coup" still happened: a failure needs its "to")
_DECLINED = re.compile(
    rf"(?i)\bdeclin(?:ed|es|ing)\b(?:{_WORD}){{0,3}}(?:\s+to(?:{_WORD}){{0,2}})?\s+$"
)
_FAILED = re.compile(rf"(?i)\bfail(?:ed|s|ing)\b(?:{_WORD}){{0,2}}\s+$")
_FAILED_TO = re.compile(rf"(?i)\bfail(?:ed|s|ing)\b(?:{_WORD}){{0,2}}\s+to(?:{_WORD}){{0,2}}\s+$")
# A refusal undoes what it governs, and so does a failed, declined or negated act: in
# "rejected a French proposal for a truce", "turned down a UN call for a ceasefire",
# "failed to agree on a peace treaty" no truce, ceasefire or treaty came about (the
# refusal, or nothing, is the happening). Verbs that refuse (not "denied the attack",
# "annulled the election": those happened):
_REFUSING = re.compile(r"(?i)(?:reject|refus|turn(?:ed|s|ing)?\s+down|veto|rebuff|spurn)")
# ... and a gap after which the undone act's object is not governed: an infinitive of a
# verb that names no happening ("refused to comment on the attack")
_OTHER_INFINITIVE = re.compile(r"\s+to\s+\S")
# A happening said to be absent: "ended without a deal", "with no ceasefire agreement"
# (not "no fewer than", "no doubt")
_ABSENT = re.compile(
    r"(?i)(?:\bwithout|\bno(?!\s+(?:fewer|less|more\s+than|sooner|doubt|matter)\b))"
    r"\s+(?:(?:a|an|any|the)\s+)?(?:[\w-]+\s+){0,2}$"
)
# A condition runs from its conjunction to the next comma or clause break.
_CONDITION = re.compile(r"(?i)\b(?:if|unless|in case|in the event that)\b[^,;:\u2014\u2013]*")
_ADJECTIVE_BEFORE = re.compile(
    r"(?i)\b(?:a|an|the|its|their|his|her|our|this|that|into|in|of|from|to|on|at|for|with|"
    r"newly|recently)\s+$"
)
_FRAME = re.compile(
    r"(?i)(?:\b(?:have|has)\s+(?:been\s+)?(?:[\w-]+\s+)?"
    r"|\b(?:first|second|third|fourth|fifth|sixth|tenth|\d+(?:st|nd|rd|th))\s+"
    r"(?:such\s+(?:[\w-]+\s+)?|(?:year|month|week|anniversary)\s+))$"
)
# a happening an anniversary remembers, named after it: "the first anniversary of
# Russia's annexation of Crimea", "the 30th anniversary of the fall of the Berlin Wall"
_ANNIVERSARY_OF = re.compile(
    r"(?i)\banniversar(?:y|ies)\s+of\s+(?:the\s+)?(?:[\w'\u2019.-]+\s+){0,3}$"
)
_YEAR = re.compile(r"\b(?:1[0-9]|20)[0-9]{2}\b")
_PLANNED = re.compile(r"(?i)\b(?:planned|scheduled|set|slated|due|expected)\s+(?:for|on|in)?\s*$")
# A plan's date: "planned for June 15", "scheduled to take effect on Monday", "had been due
# to hold its first session on Monday"; then what says it did not happen
_PLAN_BEFORE = re.compile(
    r"(?i)\b(?P<had>had\s+been\s+)?(?:planned|scheduled|set|slated|due|expected)\s+(?:for|on|to)\b"
    r"[^,;.:\u2014\u2013]{0,45}$"
)
_CALLED_OFF = re.compile(
    r"(?i)\bnever\s+(?:took\s+place|happened|materiali[sz]ed|went\s+ahead|came)\b"
    r"|\b(?:put\s+off|postponed|called\s+off|cancell?ed|scrapped|shelved|suspended|"
    r"indefinitely|abandoned)\b"
)


# one is in every _PLAN_BEFORE ("had been expected to open at Evian this month": no talks)
_PLAN_CUES = ("planned", "scheduled", "set", "slated", "due", "expected")


def _unfulfilled(text: str, sent: tuple[int, int], u_start: int, u_end: int) -> bool:
    """A plan's date when the plan did not happen: the plan "had been" made ("the
    parliament had been due to sit on Monday"), or the rest of its sentence calls it off
    ("talks planned for June 15 never took place", "a signing set for Tuesday has been put
    off"). A plan merely reported ("is due to vote on Monday") stays an event."""
    lo = max(sent[0], u_start - 70)
    seg = text[lo:u_start]
    if seg.isascii():  # (the cheap test first, as _cued_search's, without its article-wide
        low = seg.lower()  # one: most articles hold a "set" or a "due" somewhere)
        for cue in _PLAN_CUES:
            if cue in low:
                break
        else:
            return False
    plan = _PLAN_BEFORE.search(text, lo, u_start)
    if plan is None:
        return False
    return plan.group("had") is not None or _CALLED_OFF.search(text, u_end, sent[1]) is not None


# Between a verb and the noun it governs: prepositions, determiners, modifiers; no clause
# break, conjunction or relative pronoun ("withdrew from the 2015 nuclear deal").
_GOVERNED_GAP = re.compile(
    r"(?i)(?:\s+(?!(?:and|or|but|that|which|who|while|as|after|before|when|because|if)\b)"
    r"[\w'\u2019-]+){0,4}\s+"
)
_COMPLEMENT_GAP = re.compile(
    r"(?i)(?:\s+(?!(?:and|or|but|that|which|who|while|as|after|before|when|because|if)\b)"
    r"[\w'\u2019-]+){0,6}\s+"
)
# \b(?:[Aa]t|[Ii]n|[Dd]uring|sidelines|margins)\b, written so that every branch opens
# with a letter and looks behind it for the word boundary: the engine skips in C to the
# next of those letters instead of trying the pattern at every position (same matches)
_SETTING_WORDS = re.compile(
    r"(?:a(?<!\wa)t|i(?<!\wi)n|A(?<!\wA)t|I(?<!\wI)n|d(?<!\wd)uring|D(?<!\wD)uring"
    r"|s(?<!\ws)idelines|m(?<!\wm)argins)\b"
)
_SETTING = re.compile(
    r"(?i)\b(?:at|in|during|on the sidelines of|on the margins of)\s+(?:a|an|the|their|its|his|her)"
    r"\s+(?:[\w-]+\s+){0,2}$"
)
_NOUN_BEFORE = re.compile(r"(?i)(?:\b(?:a|an|the|its|their|his|her|our|this|that)|['\u2019]s?)\s+$")
_ANNOUNCING = {
    "announced",
    "announces",
    "announce",
    "announcing",
    "announcement",
    "declared",
    "declares",
    "proposed",
    "proposes",
    "proposal",
}
_VERBAL_ACTS = {"ACCUSE", "REJECT", "THREATEN", "REQUEST", "PROTEST", "SUPPORT"}
# triggers.tsv: the withdrawal row's forms of leaving ("left the EU") and the labels of
# the gatherings one leaves when it ends or one goes ("left the summit", "leave the
# meeting early"): a departure, not a withdrawal (talks are left out: "left the six-party
# talks" is quitting a negotiation)
_LEAVING = {"left the", "leave the", "leaves the", "leaving the"}
_LEFT_FOR = {"left for", "leaves for", "leaving for", "leave for"}
# ... not the resultative "leave": the thing left, then the state it is left in ("left the
# office permanently vacant", "leaves the question open", "left the city's centre in ruins")
_LEFT_AS = re.compile(
    r"(?:\s+(?!(?:and|but|for|to|on|in|at|after|before|when|with)\b)[\w'\u2019-]+){1,3}?"
    r"(?:\s+[a-z]+ly)?\s+(?:vacant|empty|open|intact|unchanged|unresolved|unanswered|unclear|"
    r"uncertain|dead|homeless|stranded|exposed|isolated|divided|paralysed|paralyzed|"
    r"in\s+ruins|in\s+limbo|in\s+place)\b"
)
# what a bare "closed" or "shut" closes, its object after at most three words that are no
# preposition: "all border crossings", "two more crossings", "down its embassy"
_CLOSED_OBJECT = re.compile(
    r"(?:\s+(?!(?:near|along|at|on|in|to|from|for|after|before|by|with|over|as|and|across|"
    r"outside|inside|into)\b)[\w'\u2019-]+){0,3}?\s+(?:border|borders|crossing|crossings|"
    r"frontier|frontiers|checkpoint|checkpoints|airspace|embassy|embassies|consulate|"
    r"consulates)\b"
)
_DIED_DOWN = re.compile(r"\s+(?:down|away|out)\b")  # "the fighting died down", "dies out"
# a mishap that kills: "killed in a helicopter crash", "were killed when their plane
# crashed", "killed in an earthquake"
_MISHAP_AFTER = re.compile(
    r"\s+(?:in\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:crash|accident|earthquake|avalanche|"
    r"flood|floods|landslide|storm|cyclone|hurricane|typhoon|stampede)|when\s+(?:his|her|"
    r"their|the|its)\s+(?:[\w-]+\s+){0,2}?crashed\b)"
)
# the purpose of a journey, in its clause: "left for Paris early on Wednesday to see de
# Gaulle", "left for Moscow for talks"
_TO_MEET = re.compile(
    r"[^,.;:]{0,60}?\b(?:to\s+(?:see|meet|visit|attend|hold\s+talks|confer)|for\s+(?:talks|"
    r"meetings|a\s+meeting|a\s+summit|a\s+visit|an\s+official\s+visit|consultations))\b"
)
# a proper name after a bare "left": the place left ("left Baghdad", "left East Timor")
_LEFT_PLACE = re.compile(
    r" (?:[A-Z][\w'\u2019-]+|the capital\b|the country\b"
    # a departure by its means: "left by ship on Monday", "left by helicopter"
    r"|by (?:ship|sea|boat|plane|air|helicopter|road|car|train)\b)"
)
# ... but a body joined is no place entered: "entered Parliament in 1997"
_BODY_ENTERED = re.compile(r" (?:Parliament|Congress|the Senate|Office|Government|Politics)\b")
# between "became" and an office: no clause break, no time ("had become overwhelming on
# Monday, when the speaker ..."), no other verb's object ("became the first to recognise"),
# nothing the office belongs to ("became one of the critics of the president")
_NOT_OFFICE = re.compile(r"[,;:.]|\s(?:on|in|at|of|when|after|to|that|who|which|and|but)\s")
_NP_LABEL = "{np}{place}"  # triggers.tsv: "war|wars|conflict|...|revolt|rebellion"
_MOVED_LABEL = "{source} transfers {object}"  # triggers.tsv: "flown to|taken to|..."
_CARE_AFTER = re.compile(r"(?i)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+)?(?:hospital|clinic)s?\b")
# triggers.tsv: the statement row's verbs of answering, and the words between one and the
# statement it answers ("replied to Washington's latest proposal")
_ANSWERING = {"replied", "replies", "reply", "replying", "retorted"}
_ANSWERED_GAP = re.compile(r"(?i)\s+to(?:\s+[\w.'\u2019-]+){0,4}\s+")
# ... but leaving one early or in protest is a walkout ("left the G7 summit early on
# Saturday", "abruptly left the meeting"); searched in a window around the verb
_WALKOUT = re.compile(
    r"(?i)\b(?:early|abruptly|prematurely|in protest|storm(?:ed|s)? out|walk(?:ed|s)? out)\b"
)
_GATHERINGS = {
    "{pair} meeting{place}",
    "{pair} summit{place}",
    "{pair} session{place}",
    "{pair} debate{place}",
}
_MATERIAL_CONFLICT = {"SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
# that|which|who|whom|whose|where|because|if|whether|after|before|when|while|until|since,
# written as a trie (the engine tries a few first letters, not fifteen words)
_SUBORDINATE = re.compile(
    r"(?i)\b(?:after|be(?:cause|fore)|if|since|that|until|wh(?:e(?:n|re|ther)|i(?:ch|le)|o(?:m|se)?))\b"
)
# lowercase pieces of which every _SUBORDINATE match holds one, found in one pass
_SUBORDINATE_CUE = re.compile("wh|that|if|after|because|before|since|until")


def _cued_search(
    pattern: re.Pattern[str], cues: Sequence[str], text: str, start: int, end: int
) -> re.Match[str] | None:
    """pattern.search(text, start, end), without running it over a plain-ASCII stretch
    that holds none of `cues` (lowercase pieces of which every match of `pattern` holds
    one, ignoring case): most stretches the rules look at hold none, and most articles
    hold none of the rarer cues anywhere (see _absent)."""
    last = _LAST_TEXT
    absent = last[2].get(cues) if last[0] is text else None
    if absent or (absent is None and _absent(text, cues)):
        return None
    seg = text[start:end]
    if seg.isascii():
        low = seg.lower()
        for cue in cues:
            if cue in low:
                break
        else:
            return None
    return pattern.search(text, start, end)


# the last text _absent looked at: (text, its lower case or None, cues -> none in it)
_LAST_TEXT: tuple[str, str | None, dict[Sequence[str], bool]] = ("", "", {})
# the only characters outside ASCII that an ASCII letter matches ignoring case
_FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")


def _absent(text: str, cues: Sequence[str]) -> bool:
    """Whether no stretch of `text` holds a match of a pattern cued by `cues` (no cue in
    the whole text, read in lower case), found once per article and set of cues: a cue is
    letters, which lower-casing keeps side by side, unless the text holds one of the few
    characters that match an ASCII letter ignoring case ("\u0130", "\u017f", ...)."""
    last = _LAST_TEXT
    if last[0] is not text:
        low = None if any(c in text for c in _FOLDS_TO_ASCII) else text.lower()
        last = _remember((text, low, {}))
    known = last[2].get(cues)
    if known is None:
        low = last[1]
        known = last[2][cues] = low is not None and not any(c in low for c in cues)
    return known


def _remember(last: tuple[str, str | None, dict[Sequence[str], bool]]) -> tuple:
    global _LAST_TEXT
    _LAST_TEXT = last  # one tuple, replaced whole: a thread never sees another's halves
    return last


def _subordinate(text: str, start: int, end: int, seg: str | None = None) -> re.Match[str] | None:
    """_SUBORDINATE.search(text, start, end), cheaply: most gaps between a date and a
    trigger hold no subordinator, and a plain-ASCII gap with no cue in its lower case
    holds none (every article holds the cues somewhere, so no article-wide test as in
    _cued_search). `seg`: text[start:end], where the caller has it already."""
    if seg is None:
        seg = text[start:end]
    if seg.isascii() and _SUBORDINATE_CUE.search(seg.lower()) is None:
        return None
    return _SUBORDINATE.search(text, start, end)


_THAT_AFTER = re.compile(r",?\s+that\b")
# "to attack", "to halt the fighting": the purpose, or what the verb of a request asks for
_INFINITIVE = re.compile(
    r"\bto (?:(?!(?:the|a|an)\b)[a-z]+ (?:(?:up|down|out|off|back|more|further) )?"
    r"(?:(?:the|a|an|its|their|his|her) )?)?$"
)
# the next clause or predicate: ", and talks continued", "and urged the Lebanese"
# the next coordinated clause, or a participle phrase after a comma ("recalled its envoy
# on Thursday, calling the deal a betrayal": the act is named before it)
_NEXT_CLAUSE = re.compile(
    r",\s+(?:and|but|while|yet)\s|\sand\s+(?:then\s+)?(?:[a-z]{3,}ed|said|told)\b|,\s+[a-z]{3,}ing\s"
)
# a clause of background after the date, up to its verb: "on Thursday as fighting
# erupted", "as the protesters gathered"
_AS_CLAUSE = re.compile(r",?\s+as(?:\s+[\w'\u2019-]+){0,3}?\s+")
# a coordinated clause of its own (not a participle phrase: ", dealing a blow to ...")
_COORDINATED_CLAUSE = re.compile(r",\s+(?:and|but|while|yet|whereas)\s|;\s")
_DETERMINER_BEFORE = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+$")
_NOUN_AFTER = re.compile(r"\s+(?!(?:and|or|to|of|in|on|at|by|for|with|that|which|when)\b)[a-z]")
_RELATIVE = re.compile(r"(?i),?\s+(?:that|which)\b")
_MODALS = {"would", "will", "to"}
# a possible act: "might suspend", "could well cut off", "may soon impose" (not a purpose:
# "so that the military could hit back harder")
# an act promised: "would face", "will impose new", "would not hesitate to use" (not "had")
_PROMISED = re.compile(r"\b(?:would|will|shall)\s+(?:\w+\s+){0,4}$")
_POSSIBLE = re.compile(r"\b(?:might|could|may)\s+(?:\w+\s+){0,2}$")
_VOTE_FORMS = {"voted", "vote", "votes"}
_APPROVING = {"approved", "approves", "approve"}
_AGREEING = {"agreed", "agree", "agrees", "agreeing"}
# a tally after the act it counts, with the words between (no clause break): "rejected a
# government motion by 285 votes to 272", "approved the operation on Wednesday by 10 votes
# to none", "impeached him by 76 votes to one"
_TALLIED_ACT = re.compile(
    r"(?i)(?:\s+(?!(?:and|or|but|that|which|who|while|when|after|before|because|if)\b)"
    r"[\w'\u2019.-]+){0,8}\s+by\s+(?:\d[\d,]*|one|two|three|four|five|six|seven|eight|nine"
    r"|ten|eleven|twelve|thirteen|fourteen|fifteen)\s+$"
)
_VOTED_TO = re.compile(r"[^;:]{0,100}\sto\s+$")
_REMARKS_LABEL = "{source} remarks"  # triggers.tsv: "said|says|say|told..."
_RETURN_LABEL = "{source} returns to {object}"  # triggers.tsv: "returned to|return to..."
# what a statement refuses, denies or dismisses: "would not accept", "will never hand over",
# "had no part in", "was not to blame", "the measures were unjustified", "the accusations
# were absurd" (not "would not be forced out", a prediction)
_REFUSAL = re.compile(
    r"\b(?:would|will|could|can)(?:\s*not|\s+never|n['\u2019]t)\s+(?:\w+\s+)?(?:accept|negotiate"
    r"|hand(?:ed)?\s+(?:\w+\s+)?over|apologi[sz]e|attend|recogni[sz]e|allow|comply|answer"
    r"|take\s+part|extradite|send|resign|step\s+down|quit|withdraw|pull\s+out|give\s+up|release"
    r"|pay|visit)\b"
    # "would stay in office", "the embassy would remain open", "would stay at his post": a
    # demand to go refused; "his party would boycott the election"
    r"|\b(?:would|will)\s+(?:\w+\s+)?(?:stay|remain)\s+(?:in\s+(?:office|power)|open"
    r"|at\s+(?:his|her|its|their)\s+posts?)\b|\b(?:would|will)\s+(?:\w+\s+)?boycott\b"
    r"|\b(?:had|has|have|played|plays)\s+no\s+(?:part|role|hand)\b|\bno\s+advance\s+knowledge\b"
    # "said there would be no talks with Pakistan until ...": a meeting or a deal ruled out
    r"|\b(?:would|will|could|can)\s+be\s+no\s+(?:more\s+|further\s+|new\s+)?(?:talks|negotiations"
    r"|dialogue|deal|compromise|concessions?|ceasefire|truce|retreat|withdrawal|surrender)\b"
    r"|\bnot\s+to\s+blame\b|\bnothing\s+to\s+do\s+with\b"
    # "said Brazil would turn the offer down", "said he could not support the use of force",
    # "said the vote was unconstitutional", "had no legal force", "was not binding"
    r"|\b(?:would|will)\s+(?:\w+\s+)?turn\s+(?:[\w'\u2019-]+\s+){0,3}down\b"
    r"|\b(?:would|will|could|can)(?:\s*not|\s+never|n['\u2019]t)\s+support\b"
    r"|\b(?:unconstitutional|not\s+binding|no\s+legal\s+force"
    r"|lacks?\s+(?:any\s+)?(?:democratic\s+)?legitimacy)\b"
    r"|\b(?:unjustified|unacceptable|absurd|baseless|groundless|unfounded|counterproductive"
    r"|null\s+and\s+void|stupid|nonsense|distorted|no\s+(?:legal\s+)?(?:basis|standing|foundation))\b"
)


# what a statement blames: "was behind the bombings", "was responsible for the attack",
# "must bear full responsibility" (not "was not responsible", a denial)
_ACCUSAL = re.compile(
    r"\b(?:was|were|is|are|had\s+been)\s+(?:(?!not\b|never\b)\w+\s+)?(?:behind|responsible\s+for"
    r"|to\s+blame\s+for)\b|\b(?:bear|bears|bore)\s+(?:full\s+|the\s+)?(?:\w+\s+)?responsibility\b"
    # "held the governments that shelter them responsible", "evidence linking the group to
    # the attacks", "the generals had betrayed him", "was waging war on", "the riots had
    # been organised by foreign agents", "the blockade was a provocation"
    r"|\bh(?:eld|olds?|olding)\s+(?:[\w'\u2019-]+\s+){1,8}?responsible\b"
    r"|\b(?:evidence|allegations?|proof|intelligence)\s+(?:[\w'\u2019-]+\s+){0,4}linking\b"
    r"|\b(?:had|has|have)\s+betrayed\b|\bwaging\s+(?:a\s+)?war\s+(?:on|against)\b"
    r"|\b(?:organi[sz]ed|instigated|orchestrated|masterminded)\s+by\b"
    r"|\b(?:was|were|is|are)\s+an?\s+(?:\w+\s+)?provocation\b"
    # a deed named a wrong: "the sinking was an act of aggression", "there was no
    # justification for the coup", "a clear abuse of human rights"
    r"|\bact\s+of\s+(?:\w+\s+)?(?:aggression|war|piracy|terror(?:ism)?|sabotage|provocation"
    r"|banditry|stupidity)\b|\bno\s+justification\s+for\b|\babuse\s+of\s+(?:human\s+)?rights\b"
    r"|\b(?:flagrant|gross|clear|blatant)\s+violation\b|\bviolation\s+of\s+international\s+law\b"
    # outrage at a deed, or the deed called reckless: "was appalled by the killings", "was
    # \"outraged\" by the murders", "the move was irresponsible", "a slap in the face" (not
    # concern: "was alarmed by the fighting" stays a statement)
    r"|\b(?:appalled|outraged|horrified|revolted)[\"'\u201d\u2019]?\s+(?:by|at)\b"
    r"|\b(?:revulsion|outrage|indignation)\s+at\b|\birresponsible\b|\bslap\s+in\s+the\s+face\b"
    # a deed named a crime of war: "what was happening was ethnic cleansing", "officials had
    # committed crimes against humanity", "troops had committed atrocities" (not a finding
    # hedged: "soldiers may have committed war crimes")
    r"|\bethnic\s+cleansing\b|\bcrimes?\s+against\s+humanity\b"
    r"|\b(?<!may\s)(?<!might\s)(?<!could\s)(?:had|has|have)\s+committed\s+(?:\w+\s+){0,2}?"
    r"(?:crimes|atrocities|massacres)\b"
)


# what a statement declares support with: "stood behind him", "stands with its ally"
_SUPPORTAL = re.compile(
    r"\b(?:stood|stands|stand|standing)\s+(?:firmly\s+|fully\s+)?(?:behind|with)\b"
)


# what a statement threatens: "consequences", "countermeasures", "would not go unanswered",
# "would hold violators accountable", "a robust and united response" (not "in retaliation for")
_THREATAL = re.compile(
    r"\b(?:consequences|countermeasures|unanswered|unpunished|hold\s+(?:\w+\s+){1,2}accountable"
    r"|(?:would|will)\s+retaliate|fight\s+to\s+the\s+(?:end|last)|ready\s+to\s+respond"
    # force promised or foretold: "ships would now fire on any aircraft", "would pursue the
    # attackers", "the attacks would escalate", "ready for a full-scale war", "would give a
    # fitting reply", "would bring a response", "would be held accountable", "his days are
    # numbered", "would fight for every house"
    r"|(?:would|will)\s+(?:now\s+)?(?:fire\s+on|pursue|hunt\s+down|escalate)"
    r"|ready\s+for\s+(?:an?\s+)?(?:[\w-]+\s+)?war|days\s+(?:are|were)\s+numbered"
    r"|fitting\s+(?:reply|response|answer)|bring\s+a\s+response|held\s+accountable"
    r"|fight\s+[\"\u201c\u2018]?for\s+every"
    r"|(?:robust|firm|decisive|crushing|forceful|resolute)\s+(?:\w+\s+){0,2}response"
    # force promised: "would 'strangle' the new force", "will crush any attack"
    r"|(?:would|will)\s+(?:\w+\s+)?[\"'\u201c\u2018]?(?:strangle|crush|annihilate|wipe\s+out"
    r"|bury|smash|eradicate|punish|destroy)"
    # ground held: "would never yield", "will not give up an inch" (a plain "would not yield"
    # stays a statement)
    r"|never\s+(?:\w+\s+)?(?:yield|bow\s+to)|(?:yield|give\s+up|cede)\s+(?:even\s+)?an?\s+inch"
    # force forbidden: "made it clear he cannot invade Ukraine", "must not attack"
    r"|(?:must\s+(?:not|never)|mustn['\u2019]?t|cannot|can['\u2019]t)[\s\u2014\u2013-]+"
    r"(?:invade|attack|annex|occupy|bomb)\w*)\b"
)


# a count of the dead before "had been killed": the statement gives a toll
_TOLL = re.compile(r"\b\d[\d,.]*\s+(?:[a-z]+\s+){0,2}(?:had|have)\s+(?:been\s+)?(?:\w+\s+)?$")
_SPEECH_CUES = re.compile(
    "|".join(f"(?:{p.pattern})" for p in (_REFUSAL, _ACCUSAL, _SUPPORTAL, _THREATAL))
)
_PROGRESSIVE = re.compile(r"\b(?:was|were|is|are)\s+(?:now\s+|also\s+)?$")
# an act only intended, its verb right before it: "had been planning attacks", "was
# plotting a coup", "were considering new sanctions" (what is said is the statement's)
_INTENDED = re.compile(
    r"\b(?:planning|plotting|considering|contemplating|weighing|mulling)\s+(?:\w+\s+){0,2}$"
)


# the name particles a family name runs back through (actors.RUN_ON_PARTICLES, the list
# a new name runs on through: "von der Leyen", "de los Heros", "Rivera y Damas", "El
# Waghef"), also capitalised ("Le Drian", "Ibn Auf"), but not "Van": capitalised inside a
# name it is more often a Vietnamese middle name (Duong Van Minh) than a Flemish particle
_CAPITAL_PARTICLES = {p.capitalize() for p in RUN_ON_PARTICLES} - {"Van", "Y"}
# Where names are written family name first ("Xi Jinping" -> Xi, "Tsai Ing-wen" -> Tsai).
_FAMILY_FIRST = {
    "China",
    "Taiwan",
    "North Korea",
    "South Korea",
    "Cambodia",
    "Hong Kong",
    "Singapore",
}
# Vietnamese names are written family name first too, but the press calls a person by the
# last given name ("Nguyen Van Thieu" -> Thieu), and a middle "Van" is no particle.
_GIVEN_NAME_LAST = {"Vietnam", "South Vietnam", "North Vietnam"}


# A regnal number ("Abdullah II": the king is "Abdullah") or a generational suffix ("Marcos
# Jr.": "Marcos") ends a name without being the family name.
_REGNAL = re.compile(r"[IVX]+")
_GENERATION = frozenset({"Jr.", "Jr", "Sr.", "Sr"})


def short_name(actor: Actor, gazetteer: Gazetteer | None = None) -> str:
    """The name a headline uses: a person's family name (as the gazetteer spells it when it
    does: "Ban" for Ban Ki-moon, "Lula"), a country's short form."""
    if actor.kind != "person":
        return _SHORT.get(actor.name, actor.name)
    if gazetteer is not None and (known := gazetteer.family_name(actor.name)):
        return _as_spelled_in(actor.name, known)
    name, of, _ = actor.name.partition(" of ")  # "Fahd of Saudi Arabia"
    parts = name.split()
    if of and parts:
        return name
    if len(parts) > 1 and _REGNAL.fullmatch(parts[-1]):
        return " ".join(parts[:-1])
    if len(parts) > 1 and parts[-1] in _GENERATION:
        parts.pop()
    if (
        actor.affiliation in _FAMILY_FIRST
        and len(parts) > 1
        and (gazetteer is None or not gazetteer.is_given_name(parts[0]))
    ):
        return parts[0]  # (not "Carrie Lam", "John Lee": an English given name first)
    if actor.affiliation in _GIVEN_NAME_LAST:
        return parts[-1] if parts else name
    i = len(parts) - 1
    while i > 1 and (parts[i - 1] in RUN_ON_PARTICLES or parts[i - 1] in _CAPITAL_PARTICLES):
        # "von der Leyen", "de Villepin", "Le Drian"; "Rivera y Damas": the two family
        # names a Spanish "y" joins
        i -= 2 if parts[i - 1] == "y" and i > 2 else 1
    return " ".join(parts[i:])


def _as_spelled_in(name: str, family: str) -> str:
    """`family` as `name` writes it: the gazetteer gives family names in plain letters, to
    match scraped text ("Deby" for Idriss Déby, "Tudjman" for Franjo Tuđman)."""
    if family in name:
        return family
    words, k = name.split(), len(family.split())
    for run in (words[-k:], words[:k]):
        if _folded(" ".join(run)) == _folded(family):
            return " ".join(run)
    return family


@lru_cache(maxsize=4096)
def _folded(s: str) -> str:
    # (đ has no combining mark to drop; "Tudjman" spells it dj)
    # (kept per word: an article reads the same names' words again for each event)
    return without_accents(s.replace("đ", "d").replace("Đ", "D")).lower().replace("dj", "d")


@dataclass(slots=True)
class _Unit:
    """One dated expression, or the members of one coordinated range."""

    timexes: list[Timex]
    first: date
    last: date
    value: str
    granularity: Granularity
    start: int  # offsets of the first and last member
    end: int


def _month_days(year: int, month: int) -> int:
    return (date(year + month // 12, month % 12 + 1, 1) - date(year, month, 1)).days


def _fuzzy(tx: Timex) -> bool:
    """Whether a timex dates only approximately: "about 2011", or the part of a unit an
    early/mid/late modifier names ("mid-October" is 11-20 October, edges unsharp)."""
    return tx.mod == "APPROX" or (
        tx.mod in PART_MODS and tx.granularity not in ("day", "time", "weekend")
    )


def _units(timexes: Sequence[Timex], text: str = "") -> list[_Unit]:
    """The dated expressions that can date a happening, in text order. Coordinated ranges
    are one unit; so are two consecutive days joined as one span ("on Thursday and
    Friday"); a coarse date qualifying a finer one beside it ("in July last year", "A year
    ago, on March 18, 2014") gives way to it; a date that starts or ends a state ("since
    2016", "until the end of Tuesday", "by Friday") dates no happening; nor does a wire
    dateline or a liveblog entry's time stamp."""
    units: list[_Unit] = []
    for tx in timexes:
        if tx.type not in ("DATE", "TIME") or tx.first is None or tx.last is None:
            continue
        if tx.range is not None and units and units[-1].timexes[-1].range == tx.range:
            units[-1].timexes.append(tx)
            units[-1].end = tx.end
            continue
        if tx.range is not None:
            first, last = tx.range
            value = f"{first.isoformat()}/{last.isoformat()}"
            units.append(_Unit([tx], first, last, value, "range", tx.start, tx.end))
        elif tx.granularity == "time" or tx.type == "TIME":
            # a timeline is dated by day: "Sunday evening", "09:30" date their day
            day = tx.first.isoformat()
            units.append(_Unit([tx], tx.first, tx.first, day, "day", tx.start, tx.end))
        elif tx.granularity == "weekend":
            # "over the weekend" (1961-W26-WE) dates an event by its two days, as a range
            # is written ("1961-07-01/1961-07-02")
            value = f"{tx.first.isoformat()}/{tx.last.isoformat()}"
            units.append(_Unit([tx], tx.first, tx.last, value, "weekend", tx.start, tx.end))
        else:
            gran = tx.granularity or "day"
            units.append(_Unit([tx], tx.first, tx.last, tx.value, gran, tx.start, tx.end))
    if not text or len(units) < 1:
        return units
    out: list[_Unit] = []
    for u in units:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.granularity == u.granularity == "day"
            and u.start - prev.end <= _RUNS_ON_MAX
            and 0 < (u.first - prev.last).days <= 14
            and _RUNS_ON.fullmatch(text, prev.end, u.start)
        ):
            first, last = prev.first, u.last
            value = f"{first.isoformat()}/{last.isoformat()}"
            out[-1] = _Unit(
                prev.timexes + u.timexes, first, last, value, "range", prev.start, u.end
            )
            continue
        if prev is not None and u.start - prev.end <= 8:
            gap = text[prev.end : u.start]
            if (
                prev.granularity == u.granularity == "day"
                and _SPAN_JOIN.fullmatch(gap)
                and 0 < (u.first - prev.last).days <= (1 if "and" in gap else 6)
                and not ("and" in gap and _verb_after(text, u.end))
            ):
                first, last = prev.first, u.last
                value = f"{first.isoformat()}/{last.isoformat()}"
                out[-1] = _Unit(
                    prev.timexes + u.timexes, first, last, value, "range", prev.start, u.end
                )
                continue
            if _QUALIFIER_GAP.fullmatch(gap) and prev.granularity != u.granularity:
                if prev.first <= u.first and u.last <= prev.last:
                    out[-1] = u  # "A year ago, on March 18, 2014": the day
                    continue
                if u.first <= prev.first and prev.last <= u.last:
                    continue  # "in July last year": July
                if (
                    prev.granularity == "month"
                    and u.granularity == "year"
                    and gap.isspace()
                    and "month" not in prev.timexes[-1].text.lower()
                ):
                    # "in February last year" read as this February: the year named
                    # right after a month is that month's year (a named month: not "next
                    # month", which a year after it does not move)
                    # (the days of the month's part, "in late February last year")
                    y = u.first.year
                    first = prev.first.replace(year=y)
                    last = month_end(y, prev.last.month)
                    if prev.last.day < _month_days(prev.last.year, prev.last.month):
                        last = last.replace(day=min(prev.last.day, last.day))
                    value = f"{first.year:04d}-{first.month:02d}"
                    out[-1] = _Unit(
                        prev.timexes + u.timexes, first, last, value, "month", prev.start, u.end
                    )
                    continue
        out.append(u)
    # a wire dateline ("ABUJA, Aug 1 (Reuters) -", "PARIS, 12 Jan -", "Jan 5 (Reuters) -")
    # or a liveblog entry's clock time ("09:10 - ...") dates the writing, not a happening
    heads = []
    if (opening := dateline_span(text)) is not None:
        heads.append(opening)
    pos = 0
    while pos < len(text):  # paragraph starts only
        lead = text[pos : pos + 1]
        head = None
        if lead.isdigit() or lead in " \t":
            head = _STAMP.match(text, pos)
        elif lead.isupper() and text.find("(", pos, pos + 80) >= 0:
            # a paragraph's own dateline, with its source: "ABUJA, Aug 1 (Reuters) - "
            line = place_line(text, pos)
            if line is not None and line.sourced:
                heads.append((line.start, line.end))
        if head is not None:
            heads.append(head.span())
        nl = text.find("\n", pos)
        if nl < 0:
            break
        pos = nl + 1
    kept = []
    for u in out:
        if heads and any(a <= u.start and u.end <= b for a, b in heads):
            continue
        before = text[max(0, u.start - 30) : u.start].rstrip()
        if (
            before.endswith(_EDGE_WORDS)
            and _STATE_EDGE.search(before + " ")
            and not text.startswith(", when ", u.end)
            and not (
                before.endswith(("until", "till"))
                and _NOT_UNTIL.search(text, max(0, u.start - 80), u.start)
            )
        ):
            continue  # (but "since April, when Carter broke ties": it dates that clause)
        kept.append(u)
    return kept


# ", and the Duma", "; China", ", but Hamas": a coordinated clause with a subject of its own
# (not ", and his government": a possessive points back to the subject before)
_CLAUSE_BREAK = re.compile(
    # (a subject opening with "a" or "an" too: ", and a UN spokesman said on Thursday")
    r"(?:,\s+(?:and|but|while|whereas)|;)\s+(?=the\s|[A-Z]|an?\s"
    # a bare noun and its auxiliary: ", and parliament is due to choose", ", and police had"
    r"|[a-z]+\s+(?:is|are|was|were|has|have|had|will|would)\s)"
)


def _clause_break(text: str, lo: int, hi: int) -> int | None:
    """Where the last coordinated clause with its own subject starts in text[lo:hi]."""
    if "," not in text[lo:hi] and ";" not in text[lo:hi]:
        return None
    last = None
    for m in _CLAUSE_BREAK.finditer(text, lo, hi):
        last = m.start()
    return last


def _after_join(text: str, cut: int) -> int:
    """Where the subject of the clause `_clause_break` found at `cut` starts."""
    m = _CLAUSE_BREAK.match(text, cut)
    return m.end() if m is not None else cut


# a coordinated clause that opens with its own date, right before it: ", and on ", ", but
# in ", "; " (the date then its subject: ", and on June 27 the two ministers cut the wire")
_DATE_JOIN = re.compile(
    r"(?:,\s+(?:and|but|while|whereas)|;)\s+(?:(?:on|in|at|by|early|late|from)\s+){0,2}\Z"
)
# the subject after that date: a name or a noun phrase opening with its article ("the
# Security Council", "a UN spokesman"), not a pronoun ("he revealed") nor a verb ("and the
# same day began ordering": the subject before goes on acting)
_OWN_SUBJECT = re.compile(
    r",?\s+(?=(?:the|a|an)\s+(?!same\b|next\b|following\b)[\w'\u2019-]"
    r"|(?!(?:He|She|They|It|We|His|Her|Their|Its|This|That|These|Those|There|Then|Also)\b)"
    r"[A-Z])"
)


def _fronted_date_break(text: str, lo: int, u_start: int, u_end: int) -> tuple[int, int] | None:
    """Where a coordinated clause that its own date opens starts in text[lo:u_start] (the
    date at `u_start`), and where its subject starts after the date: "Hungary began tearing
    down the fence in May, and on June 27 Horn and Mock cut the wire" (the cut at ", and
    on", the subject at "Horn"). None when the clause after the date has no subject of its
    own (a pronoun or a verb: the subject before goes on acting)."""
    join = _DATE_JOIN.search(text, max(lo, u_start - 32), u_start)  # (the join's longest)
    if join is None:
        return None
    subject = _OWN_SUBJECT.match(text, u_end)
    if subject is None:
        return None
    return join.start(), subject.end()


def _verb_after(text: str, pos: int) -> bool:
    """Whether a verb follows text[pos]: "yesterday and today asked the council" dates two
    acts, not one span ("talks on Monday and Tuesday in Geneva")."""
    m = _NEXT_WORD.match(text, pos)
    if m is None:
        return False
    return _past_verb(m.group(1))


def _past_verb(word: str) -> bool:
    """A past-tense verb: one of the tagger's ("froze", "fled", "met") or a regular "-ed"
    form of more than four letters (not "bed", "red")."""
    return word in temporal_lexicon().past_verbs or (len(word) > 4 and word.endswith("ed"))


_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")
# "and," before a date set off by commas, with its preposition: "and, on Monday, flew"
_AND_COMMA = re.compile(r"and,(?:\s+(?:on|in|at|early|late|later))?")


def _token_distance(text: str, a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    lo, hi = (a_end, b_start) if a_end <= b_start else (b_end, a_start)
    if hi <= lo:
        return 0
    return len(text[lo:hi].split()) if hi - lo < 400 else 99


def _shouted(seg: str) -> bool:
    """A sentence mostly in capitals (a headline, a shouted line: "RUSSIA INVADES UKRAINE
    ON THURSDAY SAYS NATO"): actors are matched case-sensitively, so its roles cannot be
    read and it makes no event rather than a wrong one. A dateline in capitals before a
    sentence in mixed case ("MOSCOW, Dec. 26 (Reuters) - ") is not."""
    if not seg[:32].isupper():
        return False  # (most sentences: a lower-case letter at once, no count)
    lower = sum(map(str.islower, seg))
    if lower * 3 >= len(seg):
        return False
    return sum(map(str.isupper, seg)) > max(12, 2 * lower)


def _live_hits(
    text: str, sent: tuple[int, int], hits: list[Hit]
) -> tuple[list[Hit], list[tuple[int, int]]]:
    """The triggers of a sentence that can name a happening, and its hypothetical spans.
    Out: negated triggers ("did not meet", "has never visited"), triggers in a condition
    ("if Russia invades", "unless talks resume"), and participles used as adjectives ("a
    captured pilot", "into occupied Crimea")."""
    seg = text[sent[0] : sent[1]]
    if _shouted(seg):
        return [], []
    unreal = []
    if "if " in seg or "If " in seg or "nless" in seg or " case " in seg or " event " in seg:
        unreal = [(m.start(), m.end()) for m in _CONDITION.finditer(text, *sent)]
    if not hits:
        return hits, unreal
    negation = (
        "not " in seg
        or "never" in seg
        or "n't" in seg
        or "n\u2019t" in seg
        or "no longer" in seg
        or "no plan" in seg
        or "no immediate plan" in seg
        or "no intention" in seg
    )
    declined = "eclin" in seg or "fail" in seg
    absent = "without" in seg or "no " in seg or "No " in seg
    undone = -1  # the end of a refusal, or of an act undone, whose object is undone too
    charged = "ccus" in seg or "harg" in seg  # "accused X of plotting a coup"
    pledged = "ledg" in seg  # "pledged to end the war"
    lo = sent[0]
    kept = []
    remembered = "nniversar" in seg
    for h in hits:
        a, b = h.start, h.end
        if unreal and any(u0 <= a < u1 for u0, u1 in unreal):
            continue
        if (
            remembered
            and (ann := _ANNIVERSARY_OF.search(text, a - 60 if a - 60 > lo else lo, a))
            and not _YEAR.search(text, ann.start(), min(sent[1], b + 60))
        ):
            # "gathered on Wednesday to celebrate the first anniversary of Russia's
            # annexation of Crimea": the day is the gathering's; what it remembers is no
            # happening of that day (one with a year of its own is: "the anniversary of
            # the 1985 uprising", "of the capture of Shushi in 1992")
            continue
        if text.startswith("airlift", a) and _CARGO_AFTER.match(text, b, sent[1]) is not None:
            # "would begin airlifting supplies", "airlifted food and medicine": aid flown in
            h = _reread(h, "aid")
        elif h.trigger.label == _MOVED_LABEL and (
            _PASSIVE_AUX.search(text, a - 24 if a - 24 > lo else lo, a) is None
            or _CARE_AFTER.match(text, b, sent[1]) is not None
        ):
            # "was taken to a prison", "was flown to Paris": a person moved; not "have
            # taken to the streets", nor "was taken to hospital"
            continue
        elif text[a:b] in _LEAVING and _LEFT_AS.match(text, b, sent[1]) is not None:
            # "Ben Ali's flight had left the office vacant": what is left stays in a state;
            # nobody withdraws (a resultative "leave", as "left 25 people dead")
            continue
        elif (b - a == 4 and text.startswith("left", a) and not _LEFT_PLACE.match(text, b)) or (
            b - a == 7
            and text.startswith("entered", a)
            and (not _LEFT_PLACE.match(text, b) or _BODY_ENTERED.match(text, b))
        ):
            # "left Baghdad on March 18", "left Kiev for Kharkiv", "entered Kabul": a place
            # left or entered; not "left 25 people dead", "the left", "entered talks",
            # "entered a plea" (triggers.tsv: bare "left", "entered")
            continue
        elif (
            (b - a == 6 or b - a == 5 or b - a == 4 or b - a == 8)
            and text.startswith(("closed", "closes", "shut"), a)
            and h.trigger.needs is not None
            and not _CLOSED_OBJECT.match(text, b, sent[1])
        ):
            # "closed all border crossings", "shut its airspace": what is closed follows the
            # verb as its object; not "the polls closed near the border" (triggers.tsv)
            continue
        elif text.startswith("killed", a) and _MISHAP_AFTER.match(text, b, sent[1]) is not None:
            # "Raisi was killed in a helicopter crash": a death, not an attack
            h = _reread(h, "died")
        elif (b - a == 4 or b - a == 5) and text.startswith("di", a) and _DIED_DOWN.match(text, b):
            # "the shooting died down on Tuesday": it subsided; nobody died
            continue
        elif text.endswith(" brief", a, b):
            # "will brief NATO allies" meets them; "will brief the Security Council" tells
            # a body, as "brief the" does (triggers.tsv)
            told = _as_family("brief the", h.trigger.weight).needs
            if told is not None and told.match(text, b, sent[1]) is not None:
                h = _reread(h, "brief the", anywhere=True)
        elif (
            h.trigger.needs is not None
            and text.startswith("bec", a)
            and (
                (m := h.trigger.needs.match(text, b, sent[1])) is None
                or _NOT_OFFICE.search(text, b, m.end())
            )
        ):
            # "became one of France's closest allies", "had become overwhelming on Monday,
            # when the speaker ...": no office taken
            continue
        elif (
            h.trigger.needs is not None
            and not h.trigger.needs.match(text, b, sent[1])
            # "The African Union suspended Mali today": a body suspends a member state
            and not (text.startswith("suspended", a) and _MEMBER_SUSPENDED.match(text, b))
            # forces sent, in the passive: "troops were sent onto the streets in August 1969"
            and not (
                text.startswith(("sent", "dispatched"), a)
                and _SENT_FORCES.search(text, a - 30 if a - 30 > lo else lo, a) is not None
            )
            # a passive participle after what it acts on: "a commission led by Annan, set
            # up by Suu Kyi last year"
            and not (
                text.startswith(" by ", b)
                and h.trigger.needs.search(text, a - 80 if a - 80 > lo else lo, a) is not None
            )
        ):
            if (other := _other_sense(text, h, sent[1])) is None:
                continue
            h = other
        if (
            undone >= 0
            and _COMPLEMENT_GAP.fullmatch(text, undone, a) is not None
            and (text[undone:a] == " to " or _OTHER_INFINITIVE.match(text, undone) is None)
            # (a dated noun is a happening of its own: "refused to accept a 2002 ruling")
            and not any(c.isdigit() for c in text[undone:a])
        ):
            undone = b  # "rejected a proposal for a truce": the truce is undone as well
            continue
        undone = -1
        if (
            negation
            and _NEGATED.search(text, a - 30 if a - 30 > lo else lo, a)
            and not (
                _UNTIL_AFTER.match(text, b)
                and _PAST_NEGATED.search(text, a - 30 if a - 30 > lo else lo, a)
            )
        ):
            undone = b
            continue
        if declined and (
            _DECLINED.search(text, a - 40 if a - 40 > lo else lo, a)
            or _FAILED_TO.search(text, a - 40 if a - 40 > lo else lo, a)
            # (a trigger that opens with its "to": "failed to back")
            or (text.startswith("to ", a) and _FAILED.search(text, max(lo, a - 30), a))
        ):
            undone = b
            continue
        if absent and _ABSENT.search(text, a - 40 if a - 40 > lo else lo, a):
            undone = b
            continue  # "talks ended without a deal": no deal
        if (
            text.endswith("ed", a, b)
            and text.find(" ", a, b) < 0
            and _ADJECTIVE_BEFORE.search(text, a - 12 if a - 12 > lo else lo, a)
        ):
            continue
        if (
            h.trigger.type == "SUPPORT"
            and text.startswith(" by ", b)
            and text.endswith("ed", a, b)
            and _PAST_PASSIVE_AUX.search(text, a - 24 if a - 24 > lo else lo, a) is None
        ):
            # "troops backed by tanks moved in", "a governor backed by Syria", "who is
            # backed by Moscow": a participle that says who has whose support; the clause's
            # verb tells the happening (not "was endorsed by the council on Monday")
            continue
        if (
            pledged
            and h.trigger.type != "AID"
            and _PLEDGED_TO.search(text, a - 40 if a - 40 > lo else lo, a) is not None
        ):
            continue  # "his pledge to nationalise the mines": an act promised, not done
        if (
            charged
            and h.trigger.type in _MATERIAL_CONFLICT
            and "of " in text[a - 40 if a - 40 > lo else lo : a]
            and _CHARGED_OF.search(text, a - 90 if a - 90 > lo else lo, a) is not None
        ):
            continue  # "accuses Temer of plotting a coup": the charge is the act, no coup
        if (
            text.startswith(("return", "Return"), a)
            and text.endswith(" to", a, b)
            and (
                not _NAME_AFTER.match(text, b)
                or _STATE_RETURNED.search(text, a - 30 if a - 30 > lo else lo, a) is not None
            )
        ):
            continue  # "returned to the talks", "calm returned to the Zone": no journey
        if text.startswith(("due ", "expected "), a) and not _PLACE_NAME_AFTER.match(text, b):
            continue  # "due in Beirut", not "due in March", "expected in the coming days"
        if text.startswith("hit", a) and _NOT_A_STRIKE.match(text, b):
            continue  # "hit a record", "was hit hard by sanctions": no blow struck
        if h.trigger.label == _FALLEN_LABEL and _fallen_town(text, lo, a, b) is None:
            continue  # "prices fell sharply", "fell ill": no town taken
        ttype = h.trigger.type  # (the round-18 rules below look at it once)
        if (
            ttype == "AID"
            and text.startswith(("pledge", "Pledge"), a)
            and _PROMISE_TO.match(text, b) is not None
        ):
            # "pledged on Monday to hand power to civilians", "repeated his pledge to
            # nationalise the gas industry": a promise is a statement, no aid (what it
            # promises, when an act, the statement's head finds)
            h = _reread(h, "remarks")
            ttype = "STATEMENT"
        elif (
            ttype == "REQUEST"
            and text.startswith(("press", "Press"), a)
            and _PRESSED_ON.match(text, b) is not None
        ):
            continue  # "pressed a counteroffensive", "pressed on with the attack": no plea
        if (
            ttype == "AID"
            and text[a:b].lower() in _AID_NOUNS
            and _AID_STOPPED_BEFORE.search(text, a - 80 if a - 80 > lo else lo, a) is not None
        ):
            # "froze $1 billion in food aid", "paused $700 million in emergency aid": aid
            # stopped is a sanction, not aid given
            h = _reread(h, "halted")
        elif ttype == "AID" and text[a:b].lower() in _SENDING and _ENVOYS_AFTER.match(text, b):
            # "will send a delegation to the Security Council", "would send envoys to Addis
            # Ababa": people sent to talk are a visit, no aid
            h = _reread(h, "to visit")
        elif (
            ttype == "AID"
            and text[a:b].lower() in _SENDING
            and _DOCUMENT_AFTER.match(text, b) is not None
        ):
            # "delivered a note demanding", "will send the treaty to the Senate": a
            # document handed over is a statement, no aid
            h = _reread(h, "remarks")
        if (
            ttype == "SANCTION"
            and h.trigger.label == _SANCTIONS_LABEL
            and _cued_search(_WEIGHED_BEFORE, _WEIGHED_CUES, text, a - 70 if a - 70 > lo else lo, a)
        ):
            # "would consider new sanctions", "circulated a draft resolution for sanctions",
            # "will decide on wider sanctions at a summit": sanctions weighed are not
            # imposed; the meeting that weighs them is the happening, else a threat
            if any(
                h2.trigger.type == "CONSULT"
                and abs(h2.start - a) < 100
                and "," not in text[min(h2.end, b) : max(h2.start, a)]
                for h2 in hits
            ):
                continue  # (the meeting of the same clause: no comma between)
            h = _reread(h, "threatened")
        if (
            (ttype == "COERCE" or ttype == "SANCTION")
            and h.trigger.label in _LIFTABLE
            and (lift := _LIFTED_BEFORE.search(text, a - 40 if a - 40 > lo else lo, a)) is not None
        ):
            # "suspended the house arrest of", "revoked the state of emergency", "ended the
            # curfew": a measure or a detention undone is lifted, not imposed
            h = _new_hit(Hit, (lift.start(), lift.end(1), _as_family("lift", h.trigger.weight)))
        if (
            ttype == "RETREAT"
            and text.startswith("withdr", a)
            and text[a:b].lower() in _WITHDREW_FORMS
            and _MEASURE_AFTER.match(text, b) is not None
        ):
            # "withdrew a finance bill", "withdrew the norm increase", "withdrew the decree":
            # a measure taken back is a concession, no pull-back
            h = _reread(h, "backed off")
            ttype = "CONCEDE"
        if (
            ttype == "CONCEDE"
            and text.startswith(("releas", "Releas"), a)
            and (
                _DOCUMENT_RELEASED.match(text, b) is not None
                or _RELEASED_DOCUMENT.search(text, a - 40 if a - 40 > lo else lo, a) is not None
            )
        ):
            # "released a video of the incident", "results released on Monday", "in a report
            # released on Sept. 17": a document made public is a statement, nobody freed
            h = _reread(h, "remarks")
            ttype = "STATEMENT"
        if (
            ttype == "COERCE"
            and h.trigger.label == _CLOSURE_LABEL
            and (
                _MISSION_AFTER.match(text, b) is not None
                or text.endswith(("embassy", "consulate"), a, b)
            )
        ):
            # "closed its embassy in Denmark", "shut their embassies in Sanaa": a mission
            # closed is a cut in ties (SANCTION), not a border closed
            h = _new_hit(Hit, (a, b, replace(h.trigger, type="SANCTION")))
            ttype = "SANCTION"
        if (
            ttype == "ASSAULT"
            and _CLAIMED_BEFORE.search(text, a - 30 if a - 30 > lo else lo, a) is not None
        ):
            # "Islamic State claimed the attack on Monday", "a letter claiming the bombings":
            # an attack claimed is a claim of responsibility, the attack told before it
            h = _reread(h, "claimed responsibility", anywhere=True)
            ttype = "STATEMENT"
        if (
            ttype == "ASSAULT"
            and text.startswith("strike", a)
            and b - a <= 7
            and (
                _LABOUR_BEFORE.search(text, a - 30 if a - 30 > lo else lo, a) is not None
                or _LABOUR_AFTER.match(text, b) is not None
            )
        ):
            # "ended a nine-day strike", "a strike by truck drivers": work stopped is a
            # protest, no blow
            h = _reread(h, "general strike")
            ttype = "PROTEST"
        if (
            ttype == "ASSAULT"
            and text.startswith(("struck", "strike"), a)
            and (
                _DEAL_AFTER.match(text, b) is not None
                or _DEAL_BEFORE.search(text, a - 100 if a - 100 > lo else lo, a) is not None
            )
        ):
            # "struck a peace agreement", "a deal struck in March 2016", "the bargain that
            # Kohl and Gorbachev struck": a deal struck is an agreement, no blow
            h = _reread(h, "struck a deal")
        if (
            ttype == "AGREE"
            and text.startswith("accept", a)
            and text[a:b].lower() in _ACCEPT_FORMS
            and _RESULT_AFTER.match(text, b) is not None
        ):
            # "Tadic accepted the result", "Ethiopia would accept the ruling in full": a
            # result or terms accepted is a concession, not an agreement between parties
            h = _reread(h, "conceded defeat")
        if (
            ttype == "MOBILIZE"
            and text.startswith("order", a)
            and _ORDERED_TO_STOP.match(text, b, sent[1]) is not None
        ):
            # "ordered her forces to stop fighting in the west": a halt ordered is a retreat
            h = _reread(h, "unilateral ceasefire")
        if ttype == "COOPERATE" and text.startswith(("join", "Join"), a):
            # what is joined decides the act: "joined the embargo", "will join drills",
            # "joined the protests" are that act; "joining 1,700 Marines already ashore" a
            # deployment; "joins EU foreign ministers in Brussels" a meeting; "joined
            # NATO" stays a membership
            if any(
                h2.start > b
                and h2.trigger.type in _JOIN_ACTS
                and _GOVERNED_GAP.fullmatch(text, b, h2.start) is not None
                for h2 in hits
                if b < h2.start < b + 40
            ):
                continue
            if _TROOPS_AFTER.match(text, b) is not None:
                h = _reread(h, "airlifted", anywhere=True)
            elif _JOINED_PEOPLE.match(text, b) is not None:
                h = _reread(h, "met")
        if (
            ttype == "PROTEST"
            and text.startswith(("rall", "demonstration"), a)
            and _AUDIENCE_BEFORE.search(text, a - 40 if a - 40 > lo else lo, a) is not None
        ):
            continue  # "told a rally in Kiev": the rally is the speech's audience
        if (
            ttype == "CONSULT"
            and text.startswith(("session", "emergency session", "special session"), a)
            and _AUDIENCE_BEFORE.search(text, a - 40 if a - 40 > lo else lo, a) is not None
        ):
            # "told an emergency session of parliament", "will report to a joint session of
            # Congress": the sitting is the speech's audience, the speech the happening
            continue
        if (
            ttype == "ASSAULT"
            and text.startswith(("broke out", "erupted"), a)
            and _UNREST_BEFORE.search(text, a - 50 if a - 50 > lo else lo, a) is not None
        ):
            # "The protests first broke out in December": unrest breaking out is a protest
            h = _reread(h, "protests")
        if text.startswith("war", a) and (
            _WAR_COMPOUND.match(text, b) or text.endswith(("prisoners of ", "prisoner of "), lo, a)
        ):
            continue  # "war crimes", "prisoners of war": a thing named after a war, no fighting
        if h.trigger.label == _NP_LABEL and text.endswith(("act of ", "acts of "), lo, a):
            continue  # "called the declaration an act of rebellion": a name given, no fighting
        if text.startswith(("ruling", "Ruling"), a) and _RULING_BODY.match(text, b):
            continue  # "the ruling party", "its ruling council": those in power, no verdict
        if text.startswith(("appeal", "Appeal"), a) and _APPEALS_COURT.match(text, b):
            continue  # "an appeals court suspended ...": the court's name, no appeal made
        if text.startswith("called", a) and _WHAT_CALLED.search(
            text, a - 30 if a - 30 > lo else lo, a
        ):
            continue  # "in what Moscow called retaliation": a name given, not a call
        if (
            ttype == "CONSULT"
            and text.startswith(("call", "Call"), a)
            and text[a:b].lower() in ("called", "calls", "call")
            and _WHOM_CALLED.search(text, a - 40 if a - 40 > lo else lo, a) is not None
            and _NAME_GIVEN.match(text, b) is not None
        ):
            continue  # "the island, which Rabat calls Leila", "whom Beijing calls a separatist"
        if (
            ttype == "CONSULT"
            and text.startswith(("call", "Call"), a)
            and text[a:b].lower() in ("call", "calls", "called")
            and (
                _ADJECTIVE_CALLED.search(text, a - 12 if a - 12 > lo else lo, a) is not None
                or (
                    _BE_BEFORE.search(text, a - 12 if a - 12 > lo else lo, a) is not None
                    and _NAME_GIVEN.match(text, b) is not None
                )
            )
        ):
            # "would be called the People's Republic", "a hastily called news conference",
            # "so-called": a name given, or a word of the noun, not a call
            continue
        if (
            (ttype == "CONSULT" or ttype == "REQUEST")
            and text.startswith(("call", "Call"), a)
            and _CALLED_OUT.match(text, b, sent[1]) is not None
            and text[a:b].lower() in _CALL_FORMS
        ):
            # "called a general strike", "has called a mass march", "called for protests":
            # a strike or a rally called is the protest itself, no call and no request
            h = _reread(h, "protests")
        elif (
            ttype == "CONSULT"
            and text.startswith(("call", "Call"), a)
            and _CALLED_WHEN_FOR.match(text, b, sent[1]) is not None
        ):
            # "called yesterday for an inquiry", "called last month for Somoza to be
            # replaced": "called for" with its time between the two words, a request
            h = _reread(h, "called for")
        elif (
            ttype == "CONSULT"
            and text.startswith(("call", "Call"), a)
            and _CALLED_VOTE.match(text, b) is not None
        ):
            # "dissolved parliament and called new elections", "said he would call a
            # referendum": an election called is announced, no phone call
            h = _reread(h, "remarks")
        if (
            h.trigger.type == "CONSULT"
            and text.startswith(("call", "Call"), a)
            and (named := _CHARACTERISED.match(text, b, sent[1])) is not None
        ):
            # "Ford called the seizure an act of piracy", "Perry called the firings
            # 'reckless'": a name given to a deed, no phone call; a condemnation when the
            # name is a charge, else a statement ("called the result a victory")
            charge = _CHARGE.search(named.group(1)) is not None
            h = _new_hit(Hit, (a, b, _characterising(charge, h.trigger.weight)))
        elif (
            ttype == "CONSULT"
            and b - a <= 8
            and text.startswith(("spoke", "speak", "Spoke", "Speak"), a)
            and _SPOKE_WITH.match(text, b, sent[1]) is None
            and _SPEAKERS_BEFORE.search(text, a - 60 if a - 60 > lo else lo, a) is None
        ):
            # "spoke on the radio from Tunis", "is due to speak on Friday", "speaking in a
            # televised address": speaking with nobody spoken with is a statement
            h = _reread(h, "remarks")
        elif (
            ttype == "CONSULT"
            and h.trigger.label == _VISIT_LABEL
            and not text.startswith(("visit", "Visit"), a)
            and (
                _TROOPS_BEFORE.search(text, a - 90 if a - 90 > lo else lo, a) is not None
                or (text.startswith(("fl", "Fl"), a) and _TROOPS_AFTER.match(text, b) is not None)
            )
        ):
            # "French paratroopers landed at Kigali", "the first troops flew into Dili",
            # "France flew in 300 more soldiers": troops arriving are a deployment, no visit
            h = _reread(h, "airlifted", anywhere=True)
        elif (
            ttype == "CONSULT"
            and h.trigger.label == _VISIT_LABEL
            and text.startswith(("land", "splash", "arriv"), a)
            and _MISSILES_BEFORE.search(text, a - 60 if a - 60 > lo else lo, a) is not None
            and _MISSILE_WORDS.search(text, lo, a) is not None
        ):
            # "two of the missiles splashed down off Kaohsiung, and the third landed off
            # Keelung": missiles landing are the launch, no visit
            h = _reread(h, "launched", anywhere=True)
        elif (
            ttype == "CONSULT"
            and h.trigger.label == _VISIT_LABEL
            and text.startswith(("land", "arriv"), a)
            and _CARGO.search(text, a - 90 if a - 90 > lo else lo, b + 40) is not None
            and _CRAFT_BEFORE.search(text, a - 100 if a - 100 > lo else lo, a) is not None
        ):
            # "the first C-47s landed with supplies", "planes carrying field hospitals and
            # medicine landed at Beirut airport": supplies flown in are aid, no visit
            h = _reread(h, "aid")
        elif (
            ttype == "REJECT"
            and text.startswith("dismiss", a)
            and (
                _DISMISSED_PERSON.match(text, b) is not None
                or _PASSIVE_BEFORE.search(text, a - 12 if a - 12 > lo else lo, a) is not None
            )
        ):
            # "dismissed him as deputy chief of staff", "formally dismissed Smith and his
            # ministers", "was dismissed the same day": a removal from office, not a rebuff
            h = _reread(h, "sacked")
        elif (
            ttype == "MOBILIZE"
            and text.startswith(("fire", "launch"), a)
            and _AIMED_AT.match(text, b, sent[1]) is not None
        ):
            # "fired cruise missiles at training camps", "launched rockets at the base": a
            # launch aimed at a target is a strike, not a test or a show of force
            h = _reread(h, "missile strike")
        kept.append(h)
        if h.trigger.type == "REJECT" and not h.trigger.cancels and _REFUSING.match(text, a):
            undone = b  # "rejected a French proposal": what it governs did not happen
    if len(kept) > 1:
        # ", Kyiv said." / ", the Elysee said,": a parenthetical attribution reports the
        # sentence's happening, it is not one itself
        kept = [
            h
            for h in kept
            if h.trigger.type != "STATEMENT"  # as _attribution, without the call
            or h.trigger.state_act
            or not _attribution(text, sent[0], h)
        ] or kept
    if any(h.trigger.label == _IN_FORCE_LABEL for h in kept):
        # "a ceasefire took effect", "the decree took effect", "The deal ... took effect in
        # January": a measure in force is named by its own trigger when the sentence has one;
        # the phrase alone names it only where nothing else does ("The EU duties, which take
        # effect on Thursday, start at 11.8%"), and not under a condition ("would take effect
        # on Jan. 1 if all six parliaments ratify them") (triggers.tsv, round 58f)
        kept = [
            h
            for h in kept
            if h.trigger.label != _IN_FORCE_LABEL
            or (
                len(kept) == 1
                and not (unreal and _WOULD_BEFORE.search(text, max(lo, h.start - 20), h.start))
            )
        ]
    return kept, unreal


# triggers.tsv: "took effect", "came into force" (a measure in force from a date)
_IN_FORCE_LABEL = "{source} {measure}"
# rows that name only the date told right after their words (_choose_trigger)
_DATE_TOLD_WITH = frozenset({_IN_FORCE_LABEL, "{object} founded"})
_WOULD_BEFORE = re.compile(r"\bwould\s+(?:[a-z]+\s+)?$")
_IN_FORCE_GAP = re.compile(r"\s+(?:[a-z]+\s+){0,2}")
# the measure in force, the noun before the phrase or before its "which"/"that" ("The EU
# duties, which take effect", "rules that took effect", "The order took effect"); the auxiliary
# of a future or a plan may stand between ("will take effect", "is due to take effect")
_IN_FORCE_NOUN = re.compile(
    r"\b(?P<noun>[a-z]{3,})(?:,?\s+(?:which|that))?,?"
    r"(?:\s+(?:will|would|shall|should|could|may|might|is|are|was|were|had|has|have|be|been"
    r"|due|expected|set|to|not|also|only|finally|formally|now|then))*\s+$"
)
_NOT_MEASURE = frozenset({"which", "that", "and", "but", "they", "it", "this", "these", "those"})


def _measure_slot(text: str, lo: int, match: Hit) -> str:
    """The noun of the measure whose phrase `match` is, its verb agreeing ("duties take
    effect", "order takes effect"); "measures take effect" when no noun stands before it."""
    m = _IN_FORCE_NOUN.search(text, max(lo, match.start - 60), match.start)
    noun = m.group("noun") if m is not None and m.group("noun") not in _NOT_MEASURE else ""
    if not noun:
        return "measures take effect"
    plural = noun.endswith("s") and not noun.endswith(("ss", "us", "is"))
    return f"{noun} {'take' if plural else 'takes'} effect"


# after "returned to": a name ("returned to Iran", "return to the Kremlin"); and before
# it, a state of things that returns, not a traveller ("calm had returned to the Zone")
_NAME_AFTER = re.compile(
    r"\s+(?:the\s+)?[A-Z][a-z]|\s+(?:the|his|her|its|their)\s+(?:[a-z]+\s+)?capital\b"
)
_STATE_RETURNED = re.compile(
    r"(?i)\b(?:calm|normality|normalcy|order|peace|quiet|stability|life|power|electricity"
    r"|water|democracy)\s+(?:had\s+|has\s+|have\s+|was\s+|is\s+)?(?:\w+ly\s+)?$"
)
# a place's name: capitalised, and no month or weekday ("due in Beirut", "due in March",
# "than expected in Tuesdays elections", where a scraped copy lost the apostrophe); or the
# capital the story is in, as for a place left (_LEFT_PLACE): "is due in the capital on
# Friday", "is due to return to his ruined capital next week" (_NAME_AFTER)
_PLACE_NAME_AFTER = re.compile(
    r" (?!(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b)[A-Z]"
    r"| (?:the|his|her|its|their) (?:[a-z]+ )?capital\b"
)
# a town that "fell" (triggers.tsv: "fell|was lost", its label _FALLEN_LABEL): its bare name
# opens the clause ("Tawang fell five days later", "..., and Bomdila was lost on Sunday"),
# and a date or the clause's end follows (not "prices fell sharply", "Navalny fell ill",
# "Lebanon's Independence Day fell on"); a name that opens the sentence and is also written in
# lower case in the article is a common noun ("Exports fell in March")
_FALLEN_LABEL = "{fallen} falls"
_FALLEN_BEFORE = re.compile(
    r"(?:^|[.;:!?\n]\s*|,\s+(?:and|but|when|as|while|and\s+then)\s+)"
    r"(?P<name>[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,2})\s+$"
)
_FALLEN_AFTER = re.compile(
    r"\s*(?:[,.;:]|$)|\s+(?:on|at|after|within|during|yesterday|today|tonight|last|early"
    r"|late|overnight|this|that|the\s+(?:next|following|same)|(?:a|one|two|three|four|five|six"
    r"|seven|eight|nine|ten|\d+)\s+(?:days?|weeks?|hours?|months?)\s+(?:later|after|earlier))\b"
    r"|\s+in\s+(?:19|20)\d\d\b|\s+in\s+(?:January|February|March|April|May|June|July|August"
    r"|September|October|November|December)\b"
)


@lru_cache(maxsize=1)
def _not_fallen() -> re.Pattern[str]:
    """A name opened by a word of resources/events/not_towns.tsv: no town that fell."""
    return re.compile(rf"(?:{_alternatives('not_towns.tsv')})\b")


def _fallen_town(text: str, lo: int, a: int, b: int) -> str | None:
    """The town's name before a "fell" at `a`..`b` in a sentence from `lo`, or None where the
    verb tells no town taken (see _FALLEN_BEFORE)."""
    if _FALLEN_AFTER.match(text, b) is None:
        return None
    m = _FALLEN_BEFORE.search(text, max(lo - 2, a - 60, 0), a)  # (with the stop before it)
    if m is None:
        return None
    name = m.group("name")
    if _not_fallen().match(name):
        return None
    if m.start("name") == lo and " " not in name and f" {name.lower()} " in text:
        return None  # "Exports fell on Monday ... exports of gas": a common noun
    return name


_NOT_A_STRIKE = re.compile(
    r" (?:hard|harder|a record|records?|an? (?:new |all-time |record |multi-year )?(?:high|low)"
    r"|new (?:highs?|lows?)|its (?:highest|lowest)|the headlines|home|a snag|a wall|a deadlock"
    r"|an impasse|a stalemate|the market|shelves|the streets|out at"
    r"|by (?:the )?(?:sanctions|inflation|floods|drought|crisis|pandemic|recession|strikes? by))\b"
)
# after "airlift(ing)": supplies, up to six words on ("airlifting food to the border",
# "airlifted tonnes of medicine"), not troops or people evacuated
_CARGO_AFTER = re.compile(
    r"(?:\s+[\w,'\u2019-]+){0,6}?\s+(?:supplies|food|medicine|medicines|medical|relief"
    r"|humanitarian|aid|provisions|fuel|vaccines|tents|blankets|water)\b",
    re.IGNORECASE,
)
# after "send": people sent to talk ("a delegation", "two special envoys", "an emissary")
_ENVOYS_AFTER = re.compile(
    r"\s+(?:(?:an?|its|his|her|their|the|two|three|four|several)\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:delegations?|envoys?|emissar(?:y|ies)|negotiators|mediators?)\b"
)
# before an act promised: "pledged to end the war", "his pledge to nationalise"
# (a day between, as after it: "pledged on Monday to hand power to an elected government")
_PLEDGED_TO = re.compile(
    r"(?i)\bpledg(?:e|ed|es|ing)(?:\s+(?:again|also|anew|today|yesterday|on\s+\w+day))?\s+to\s+$"
)
# after "pledge(d)": "to" and a verb ("pledged to end the war", "pledged on Monday to send
# tanks"), not "to Ukraine", "to the fund" (aid given to someone)
_PROMISE_TO = re.compile(
    r"(?:\s+(?:again|also|anew|today|yesterday|on\s+\w+day))?\s+to\s+"
    r"(?!(?:the|a|an|its|his|her|their|this|that|each|both|all)\b)[a-z]"
)
# after "pressed": a campaign pressed on with ("pressed a counteroffensive", "pressed on with
# the attack", "pressing their advance"), not a demand pressed on someone
_PRESSED_ON = re.compile(
    r"(?:\s+(?:on|ahead|forward)\s+with)?\s+(?:(?:a|an|the|its|their|his|her)\s+)?"
    r"(?:[\w-]+\s+){0,2}?(?:offensive|counteroffensive|counter-offensive|attacks?|assault"
    r"|advance|campaign|push|drive|operations?)\b"
)
# an act charged: a verb of accusing, its object, then "of" and up to four words of the same
# phrase before the act ("accused Moscow on Sunday of plotting a coup", "charged him of
# ordering the strike"; not "of harbouring dissidents who attacked": their own act)
_CHARGED_OF = re.compile(
    r"\b(?:accus(?:ed|es|e|ing)|charg(?:ed|es|ing))\b[^.;:!?]{0,70}?\bof\s+"
    r"(?:(?!(?:who|whom|which|that|and|but|when|after|before)\b)[\w'\u2019-]+\s+){0,4}$"
)
# a strike of workers: its kind before it ("a nine-day strike", "a hunger strike", "the
# truckers' strike", "a national strike") or its strikers after it ("a strike by miners")
_LABOUR_BEFORE = re.compile(
    r"(?i)(?:\b(?:hunger|national|nationwide|labou?r|union|wildcat|warning|sit-down|transport"
    r"|rail|postal|dock|mine|factory|teachers|doctors|nurses|workers|drivers|truckers|miners"
    r"|dockers|pilots|staff)['\u2019]?|-(?:day|hour|week|month))\s+$"
)
_LABOUR_AFTER = re.compile(
    r"(?i)\s+(?:by|of)\s+(?:[\w'\u2019-]+\s+){0,3}?(?:workers|drivers|truckers|miners|dockers"
    r"|teachers|doctors|nurses|employees|staff|unions?|pilots|students)\b"
)
# a verb that weighs a measure, then up to seven words (no clause break, no "to") before the
# measure's noun: "would consider new sanctions", "a draft resolution for a fourth round
# of U.N. sanctions", "will decide on wider sanctions" (not "decided on Monday to impose")
_WEIGHED_BEFORE = re.compile(
    r"(?i)\b(?:consider|considers|considered|considering|weigh|weighs|weighed|weighing|mull"
    r"|mulls|mulled|mulling|decide\s+on|decides\s+on|decided\s+on|deciding\s+on|draft"
    r"|drafted|drafting|possible|potential|threat\s+of)"
    r"(?:\s+(?!(?:and|or|but|that|which|to|on|after|before|if|while|as)\b)[\w.'\u2019-]+){0,7}\s+$"
)
_WEIGHED_CUES = ("consider", "weigh", "mull", "decid", "draft", "possible", "potential", "threat")
_SANCTIONS_LABEL = "{source} sanctions {target}"  # triggers.tsv: "sanctions|sanction|..."
# a verb that undoes a measure or a detention, then up to two words before its noun
# ("suspended the house arrest", "revoked its state of emergency"); not "did not end"
_LIFTED_BEFORE = re.compile(
    r"(?<!not )(?<!never )\b(suspended|suspends|suspend|suspending|revoked|revokes|revoke"
    r"|revoking|ended|ends|end|ending|rescinded|rescinds|rescind|quashed|quashes|quash"
    r"|relaxed|relaxes|relax|relaxing|eased|eases|ease|easing|lift|lifts|lifting|lifted)"
    r"\s+(?:(?:the|its|his|her|their|a|all)\s+)?(?:[\w-]+\s+){0,2}$"
)
_LIFTABLE = {  # triggers.tsv: the labels of measures and detentions ("imposes", "detains")
    "{source} imposes {governed}",
    "{source} detains {object}",
    "{source} sanctions {target}",
    "{source} closure",
}
# after "ruling": the body in power ("Tigray's ruling party", "the ruling military council")
_RULING_BODY = re.compile(
    r" (?:[a-z]+ )?(?:party|parties|coalition|council|junta|elite|class|family|dynasty|camp"
    r"|bloc|alliance|government|establishment|regime)\b"
)
# after "appeal(s)": a court's name ("an appeals court", "the Appeal Court")
_APPEALS_COURT = re.compile(r"(?i) (?:court|courts|judges?|panel|chamber|tribunal)\b")
_WAR_COMPOUND = re.compile(
    r" (?:crimes?|criminals?|graves?|memorials?|cemeter(?:y|ies)|veterans?|dead|museum"
    r"|games|chest|footing|widows?|booty|reparations|goals|aims)\b"
)
# after "called": the thing named (a noun phrase of up to six words, not a time: "called
# Xi the next day", "called in the ambassador") and the name given to it, opening with an
# article, a quote or a word of judgement; group 1: the name, to the clause's end
_CHARACTERISED = re.compile(
    r"\s+(?!a\b|an\b)(?:(?:the|his|her|its|their|this|that|[A-Z][\w.-]*['\u2019]s?)\s+)?"
    r"(?:(?!(?:on|for|off|in|up|back|out|by|to|at|with|from|after|before|yesterday|today|"
    r"tonight|last|this|next|early|late|again|and|but|as)\b)[\w'\u2019-]+\s+){1,5}?"
    r"(?!(?:the|a|an)\s+(?:same|next|following|previous|day|week|month|morning|afternoon|"
    r"evening|night|year)\b)"
    r"((?:an?\s|the\s|[\"\u201c\u2018']|(?:illegal|unacceptable|reckless|absurd|baseless|"
    r"provocative|disappointing|treason|piracy|genocide|terrorism)\b)[^,;.]*)"
)
# a name that charges: the naming condemns ("an act of piracy", "a coup", "treason")
_CHARGE = re.compile(
    r"(?i)\b(?:pira|coup|treason|betray|crim|illegal|unacceptable|reckless|provocat|fabricat|"
    r"violat|aggress|act of war|terror|sham|fraud|farce|absurd|baseless|mistake|"
    r"stab|rebellion|invasion|genocide|lie|lies|outrage|barbar|blackmail|interference|"
    r"unconstitutional|unjustified|irresponsible|dangerous|hostile)"
)


# after "joined": people met ("joined EU foreign ministers in Brussels", "joined several
# African heads of state at the funeral"), not an organisation joined
_JOINED_PEOPLE = re.compile(
    r"\s+(?:(?:the|his|her|its|their|several|other|fellow|[A-Z][\w-]*|\d+)\s+){0,3}"
    r"(?:(?:foreign|defen[cs]e|finance|economy|trade|interior)\s+)?(?:ministers|leaders"
    r"|heads\s+of\s+(?:state|government)|counterparts|colleagues)\b"
)
_JOIN_ACTS = _MATERIAL_CONFLICT | {"PROTEST"}
# after "ordered": the forces, then "to stop", "to cease fire", "to halt" ("ordered their
# forces to stop four days of fighting")
_ORDERED_TO_STOP = re.compile(
    r"(?:(?!\bto\b)[^.;:]){0,80}?\bto\s+(?:stop|cease|halt|end|suspend|hold)\b"
)
# after "accepted": a result, a ruling or terms imposed ("accepted the result the
# following day", "would accept the ruling in full"), not a plan, an offer or a truce
_RESULT_AFTER = re.compile(
    r"\s+(?:it\s+)?(?:(?:the|its|his|her|their|this|that)\s+)?(?:[\w'\u2019-]+\s+){0,2}?"
    r"(?:results?|ruling|verdict|outcome|terms|judge?ment|award)\b"
)
_ACCEPT_FORMS = {"accepted", "accepts", "accept", "accepting"}
# a deal struck: its noun before "struck" in the same clause ("a deal struck in March", "the
# bargain that Kohl and Gorbachev struck", "the deal was struck on Sunday"), or after it
# ("struck a peace agreement")
_DEAL_NOUN = r"(?:deals?|bargains?|agreements?|accords?|compromises?|pacts?|truce|ceasefire)"
_DEAL_BEFORE = re.compile(r"\b" + _DEAL_NOUN + r"\b[^.;:!?,]{0,80}$", re.IGNORECASE)
_DEAL_AFTER = re.compile(r"\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?" + _DEAL_NOUN + r"\b")
# aid stopped: a verb of stopping, then up to seven words of its object, before the aid
# noun ("froze $1 billion in food aid", "suspended most of its economic and military aid",
# "put off a $1 billion payment from its rescue package"); not "did not suspend"
_AID_STOPPED_BEFORE = re.compile(
    r"(?<!not )(?<!n't )(?<!n\u2019t )(?<!never )\b(?:froze|freezes|freeze|freezing|frozen"
    r"|paused|pauses|pause|pausing|suspended|suspends|suspend|suspending|halted|halts|halt"
    r"|halting|withheld|withholds|withhold|withholding|cut\s+off|cuts\s+off|cutting\s+off"
    r"|delayed|delays|delay|delaying|put\s+off|puts\s+off|stopped|stops|stop|stopping"
    r"|cancell?ed|cancels|cancel|blocked|blocks|block)\s+(?:[\w$,.'\u2019-]+\s+){0,7}$"
)
# after "delivered"/"will send": a document (a note, an ultimatum, a message, an offer, the
# treaty), up to two words before its noun: no aid is given
_DOCUMENT_AFTER = re.compile(
    r"\s+(?:to\s+(?:[\w'\u2019-]+\s+){1,4}?)?(?:(?:an?|the|its|his|her|their|[A-Z][\w'\u2019-]*)"
    r"\s+)?(?:[\w'\u2019-]+\s+){0,2}?(?:notes?|ultimatum|letters?|messages?|offers?|treaty"
    r"|replies|reply|demands?|warnings?|proposals?|invitations?|reports?|draft)\b"
)
_SENDING = {"delivered", "to send", "will send", "would send"}
_AID_NOUNS = {
    "aid",
    "aid package",
    "military aid",
    "humanitarian aid",
    "assistance",
    "military assistance",
    "loan",
    "grant",
    "bailout",
    "bailouts",
    "bail-out",
    "rescue package",
    "rescue loan",
    "deliveries",
}


# what is released that is a document, not a person: after the verb ("released a video",
# "released the results") or before it ("results released", "a report released")
_DOCUMENTS = (
    r"(?:videos?|footage|statements?|reports?|results|figures|photos|photographs|pictures"
    r"|images|recordings?|tapes?|transcripts?|details|data|lists?|documents?|findings|text"
    r"|audio|communiqu[eé]s?|maps?|letters?)"
)
_DOCUMENT_RELEASED = re.compile(
    r"\s+(?:(?:an?|the|its|their|his|her|new|more|further|some)\s+){0,2}(?:[\w-]+\s+)?"
    + _DOCUMENTS
    + r"\b"
)
_RELEASED_DOCUMENT = re.compile(
    r"\b" + _DOCUMENTS + r"\s+(?:(?:were|was|had\s+been|have\s+been|being)\s+)?$"
)
_CLOSURE_LABEL = "{source} closure"  # triggers.tsv: "closed|closes|shut..." with needs:border/...
_MISSION_AFTER = re.compile(
    r"\s+(?:(?:its|their|the|an?)\s+)?(?:[\w-]+\s+)?(?:embassy|embassies|consulate|consulates)\b"
)
# before an attack's noun: its claiming ("claimed the attack", "claiming both bombings")
_CLAIMED_BEFORE = re.compile(
    r"\b(?:claimed|claims|claiming|claim)\s+(?:the\s+|both\s+|these\s+|this\s+|that\s+)?"
    r"(?:[\w-]+\s+)?$"
)
# after "withdrew": a measure of one's own (up to three words before its noun: "a finance
# bill", "the planned fuel price rise"), which is taken back, not left
_WITHDREW_FORMS = {"withdrew", "withdraw", "withdraws", "withdrawing", "withdrawn"}
_MEASURE_AFTER = re.compile(
    r"\s+(?:an?|the|its|his|her|their)\s+(?:[\w-]+\s+){0,3}?(?:bill|bills|law|decree|decrees"
    r"|increase|increases|rise|tax|taxes|levy|measure|measures|proposal|reform|reforms|amendment"
    r"|ordinance|order|directive|regulation|rules|ban|curfew|subsidy\s+cut)\b"
)
# the audience of a speech before "rally": "told a rally", "addressed a huge demonstration"
_AUDIENCE_BEFORE = re.compile(
    r"\b(?:told|tells|telling|addressed|addresses|addressing|spoke\s+to|speaks\s+to"
    r"|speaking\s+to|reported\s+to|reports\s+to|report\s+to|reporting\s+to)"
    r"\s+(?:an?|the)\s+(?:[\w-]+\s+)?$"
)
# the subject of "broke out" that is unrest: "the protests first broke out", "riots erupted"
_UNREST_BEFORE = re.compile(
    r"\b(?:protests|demonstrations|riots|rioting|unrest|strikes|disturbances)"
    r"(?:\s+[a-z]+){0,2}\s+$"
)


# after "called"/"called for": a strike, a march or a rally (up to two words before its
# noun: "a one-day general strike", "for mass protests"), not "called off a march"
_CALLED_OUT = re.compile(
    r"\s+(?:for\s+)?(?:an?\s+)?(?:(?!(?:off|on|in|it|the|them|him|her|up|out|back|end|halt|stop"
    r"|ban)\b)[a-z][\w-]*\s+){0,2}?(?:strikes?|rall(?:y|ies)|march(?:es)?|protests?"
    r"|demonstrations?|boycotts?|walkouts?|sit-ins?)\b"
)
# after "called": a time, then "for" ("called today for", "called on Monday for", "called last
# month for"): the request "called for" with its date between its words
_CALLED_WHEN_FOR = re.compile(
    r"\s+(?:(?:today|yesterday|tonight|again|repeatedly|publicly|earlier|later|also|then|now)"
    r"|(?:on|last|this|early|late|earlier|later)\s+(?:on\s+)?(?:[A-Z][a-z]+|week|month|year|night"
    r"|morning|afternoon|evening)(?:\s+(?:night|morning|afternoon|evening))?)"
    r"(?:\s+(?:again|publicly|also))?,?\s+for\b"
)
_CALL_FORMS = {"called", "call", "calls", "calling", "called for", "calls for", "call for"}
# after "called": an election or a referendum ("called new elections", "will call a snap
# election"): a vote announced, no phone call
_CALLED_VOTE = re.compile(
    r"\s+(?:an?\s+|the\s+)?(?:(?:new|early|snap|fresh|general|presidential|parliamentary"
    r"|legislative|regional|national|local)\s+){0,2}(?:elections?|polls|referendums?|plebiscite)\b"
)


# after "spoke": the one spoken with or to (not the press or a crowd), or the line used
_SPOKE_WITH = re.compile(
    r"(?:\s+(?:again|briefly|separately|later|twice|directly|privately|at\s+length|for\s+"
    r"(?:about\s+|nearly\s+|more\s+than\s+|over\s+)?\w+\s+(?:minutes|hours?)"
    # ... or its date ("spoke Friday with NATO chief Jens Stoltenberg", "spoke on Jan. 3 to")
    r"|(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|today|yesterday|tonight"
    r"|(?:on\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
    r"|(?:last|this)\s+(?:week|month|night|morning|evening)))*"
    r"\s+(?:with|by|over|via|to(?!\s+(?:the\s+)?(?:reporters|journalists|press|media|nation"
    r"|crowds?|supporters|students|parliament|lawmakers|state\s+television|television)\b))\b"
)

# before "spoke": two who speak with each other ("Orban and Scholz spoke", "the two leaders
# last spoke")
_SPEAKERS_BEFORE = re.compile(
    r"(?:\band\s+(?:[A-Z][\w.'\u2019-]*\s+){1,4}|\b(?:two|both|leaders|ministers|"
    r"presidents|sides|men|women)\s+)(?:[a-z]+\s+){0,2}$"
)


# troops as the subject of an arrival: their noun, then up to eight words of the same clause
# ("troops of an Australian-led force", "paratroopers are expected to"); and after "flew in"
_TROOP_NOUN = (
    r"\b(?:troops|soldiers|paratroopers|marines|commandos|peacekeepers|reinforcements|"
    r"(?:military\s+)?instructors|monitors|Rangers|gendarmes|police(?:\s+officers)?)\b"
)
_SENT_FORCES = re.compile(  # before a passive "sent": "troops were sent", "marines sent to"
    _TROOP_NOUN + r"\s+(?:(?:were|was|had\s+been|have\s+been|being|been|are|is)\s+)?$",
    re.IGNORECASE,
)
_TROOPS_BEFORE = re.compile(_TROOP_NOUN + r"(?:\s+[\w'\u2019-]+){0,8}\s+$", re.IGNORECASE)
_TROOPS_AFTER = re.compile(r"\s+(?:[\w,-]+\s+){0,3}?" + _TROOP_NOUN, re.IGNORECASE)
_VISIT_LABEL = "{source} visits {object}"  # triggers.tsv: "visit|visits|arrived in..."
# the subject of a landing that is a missile ("two of the missiles splashed down", "the
# third landed off Keelung"), up to six words before the verb
_MISSILES_BEFORE = re.compile(
    r"\b(?:missiles?|rockets?|shells|projectiles?|warheads?)\b(?:\s+[\w'\u2019-]+){0,6}\s+$"
    r"|\bthe\s+(?:first|second|third|fourth|fifth|last)\s+$",
    re.IGNORECASE,
)
_MISSILE_WORDS = re.compile(r"(?i)\b(?:missiles?|rockets?|projectiles?|warheads?)\b")
# planes, flights or ships that land or arrive with supplies: aid delivered, no visit
_CARGO = re.compile(
    r"\b(?:supplies|food|medicine|medicines|medical|relief|humanitarian|field\s+hospitals?"
    r"|provisions|fuel|vaccines|tents|blankets)\b",
    re.IGNORECASE,
)
_CRAFT_BEFORE = re.compile(
    r"\b(?:planes?|aircraft|airliners?|jets?|flights?|C-\d+s?|transports?|ships?|convoys?"
    r"|lorries|trucks)\b(?:\s+[\w,'\u2019-]+){0,14}\s+$",
    re.IGNORECASE,
)


# after "dismissed": a person or a government (not "the accusation", "Moscow's claims")
_DISMISSED_PERSON = re.compile(
    r"\s+(?:him|her|them|(?:the|his|her|its|their)\s+(?:[\w-]+\s+)?(?:government|cabinet"
    r"|prime\s+minister|premier|ministers?|chief|commander|head|governor|president|general)\b"
    r"|(?:[A-Z][\w'.\u2019-]*\s+){0,3}[A-Z][\w.-]*(?=\s*(?:[,.;]|\s(?:as|and|on|from|in|after"
    r"|over|for|the|last|this|yesterday|today)\b)))"
)
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$")


# after "suspended": a member named (not a person's office, "Thailand's prime minister"),
# then a time, "from", "over" or the clause's end
_MEMBER_SUSPENDED = re.compile(
    r"\s+(?:the\s+)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+){0,2}(?=\s*(?:[,.;]|\s(?:on|in|from|over|for"
    r"|after|today|yesterday|last|this|until|indefinitely)\b))"
)


# after "fired"/"launched": the missiles, then "at" and a target, not a time or the sea
_AIMED_AT = re.compile(
    r"[^.;:!?]{0,80}?\b(?:missiles?|rockets?|projectiles?|torpedo(?:es)?|shells|artillery"
    r"|mortars?(?:\s+(?:bombs|shells|rounds))?)\b[^.;:!?]{0,40}?"
    r"\s(?:at|into)\s+(?!(?:dawn|dusk|night|noon|midnight|sea|least|about|around|\d)\b)"
    r"(?!(?:the\s+)?(?:[A-Z][\w-]+\s+){0,2}(?:[Ss]ea|[Oo]cean|[Ww]aters?|air|sky|Gulf|Bay)\b)"
)


@lru_cache(maxsize=64)
def _as_family(form: str, weight: int, anywhere: bool = False) -> Trigger:
    """The trigger of the family of `form` (a form of triggers.tsv) with the weight of the
    hit it re-reads as that kind of act ("spoke" with nobody spoken with is a statement:
    the family of "remarks"); `anywhere` drops the family's needs: test, which the
    re-reading has already met ("flown in" with troops, "landed" of missiles)."""
    t = lexicon().triggers[form]
    return replace(t, weight=weight, needs=None) if anywhere else replace(t, weight=weight)


def _other_sense(text: str, h: Hit, end: int) -> Hit | None:
    """Hit `h`, whose row's needs: words do not follow it, as the first other sense of its
    form whose words do (triggers.tsv: "sent his special envoy" is no deployment of troops,
    "was proclaimed the new leader" no declaration of independence), else None."""
    for t in lexicon().senses.get(text[h.start : h.end].lower(), ()):
        if t.needs is None or t.needs.match(text, h.end, end) is not None:
            return _new_hit(Hit, (h.start, h.end, t))  # (no needs: an "otherwise" row)
    return None


def _reread(h: Hit, form: str, anywhere: bool = False) -> Hit:
    """Hit `h` read as an act of the family of `form` (see _as_family)."""
    return _new_hit(Hit, (h.start, h.end, _as_family(form, h.trigger.weight, anywhere)))


def _characterising(charge: bool, weight: int) -> Trigger:
    """The trigger a characterising "called" stands for: the condemning verbs' family
    ("condemned") for a charge, else the "called it" statement family; with the weight of
    the "called" it replaces, so that it wins no date it did not win before."""
    return _as_family("condemned" if charge else "called it", weight)


_WHAT_CALLED = re.compile(r"\b[Ww]hat\s+(?:[A-Z][\w'’-]*\s+){0,3}(?:[a-z]+\s+)?$")
# before a "called" whose object is the relative pronoun: the name follows, no call is made
# ("the island, which Rabat calls Leila"; "whom Beijing calls a separatist"; not "whom
# Biden called on Monday", which _NAME_GIVEN leaves a call)
_WHOM_CALLED = re.compile(
    r"\b(?:which|whom)\s+(?:(?:the|its|his|her|their)\s+)?(?:[A-Z][\w'’.-]*\s+){1,3}"
    r"(?:(?:has|have|had|now|often|still|also)\s+)?$"
)
# before "called" that makes it an adjective ("so-called", "a hastily called news
# conference"); before and after one that names ("would be called the People's Republic")
_ADJECTIVE_CALLED = re.compile(r"\b(?:so[\s-]|(?:hastily|specially|newly)\s+)$")
_BE_BEFORE = re.compile(r"\b(?:be|is|are|was|were|been)\s+$")
# the name given after "called": a capital, a quote or an article, not a time or a particle
# ("was called in on Monday" names nothing)
_NAME_GIVEN = re.compile(
    r"\s+(?!(?:on|for|off|in|up|back|out|by|to|at|with|from|after|before|yesterday|today"
    r"|tonight|last|this|next|early|late|again|and|but|as|him|her|them|it)\b)"
    r"(?:an?\s+|the\s+)?[A-Z\"“‘'a-z]"
)


def _attribution(text: str, lo: int, h: Hit) -> bool:
    """ ", Kyiv said." / ", the Elysee said,": a speech verb a few words after a comma and
    closing its phrase."""
    if h.trigger.type != "STATEMENT" or h.trigger.state_act:
        return False  # ", saying the November 8 election, which ...": a vote is no speech
    comma = text.rfind(",", max(lo, h.start - 40), h.start)
    if comma < 0 or not 1 <= len(text[comma + 1 : h.start].split()) <= 4:
        return False
    return _ATTRIBUTION_END.match(text, h.end) is not None


# a passive participle phrase after a comma: ", set up by", ", appointed by", ", led by"
_PARTICIPLE_BY = re.compile(r", (?:[a-z]+ed|set up|led|run|held|built|won|chosen|made) by ")
_AUX_AFTER = re.compile(r"\s+(?:had|has|have)\b")
_REL_CLOSE = re.compile(r",\s+(?:said|says|told|tells|added|warned|announced|insisted)\b")


# after ", which": the clause's own verb, past ("which pulled out", "which withdrew") or after
# "had" ("which had defied")
_WHICH_AUX = re.compile(r"\s+(?:had|has|have)\b")
# after the comma that closes a relative clause: the main clause's verb ("..., is still
# holding", "..., will attend"), or a past verb (_verb_after: "..., said", "..., called for")
_MAIN_VERB_AFTER = re.compile(
    r"\s+(?:(?:also|now|still|then)\s+)?(?:is|are|was|were|has|have|had|will|would|remains?|"
    r"says)\b"
)


@lru_cache(maxsize=1)
def _phase_verbs() -> re.Pattern[str]:
    """resources/events/phase_verbs.tsv: "began", "took effect" after ", which"."""
    return re.compile(r"\s+(?:" + _alternatives("phase_verbs.tsv") + r")\b")


def _which_acted(text: str, pos: int) -> bool:
    """Whether the "which" clause opening at text[pos] has a past verb of its own first, one
    that is no phase of the noun it hangs on ("which began on January 10")."""
    aux = _WHICH_AUX.match(text, pos)
    pos = aux.end() if aux is not None else pos
    return _verb_after(text, pos) and _phase_verbs().match(text, pos) is None


def _choose_trigger(
    text: str,
    lo: int,
    hi: int,
    unit: _Unit,
    hits: Sequence[Hit],
    dated_after: int | None = None,
) -> Hit | None:
    """The trigger in text[lo:hi] that the date most plausibly modifies: the nearest, with
    bonuses for attachment ("said Friday", "Friday's call") and a penalty for crossing
    into a subordinate clause; heavier trigger families win ties. Then the head of the
    happening (`_head`): a verb over the noun it governs, an announced act over the
    announcing."""
    best: Hit | None = None
    best_score = 0.0
    u_start, u_end = unit.start, unit.end
    last_tx = unit.timexes[-1]
    possessive = last_tx.text[-1:] in ("s", "S")  # Thursday's, Thursday’s, Thursdays
    # "Lula, who governed from 2003 to 2010, is to be sworn in": a date inside a
    # relative clause between commas dates only what that clause says
    # (a "which" clause may date the noun before it: "the G20 summit, which runs Nov. 15")
    # (no " who" before the date, as in most clauses: none of the three look-ups below finds
    # anything, and they are skipped)
    who = text.find(" who", lo, unit.start) >= 0
    rel = (
        max(text.rfind(", who ", lo, unit.start), text.rfind(", whose ", lo, unit.start))
        if who
        else -1
    )
    if rel >= 0 and (
        text.find(",", rel + 1, unit.start) < 0
        # "Kerry, who met his counterparts, Fabius and Hague, this morning, said": a
        # relative clause that closes right after the date, before the main verb
        or _REL_CLOSE.match(text, unit.end)
    ):
        close = text.find(",", unit.end, hi)
        lo, hi = rel, close if close >= 0 else hi
    elif (
        who
        and (rel := text.rfind(" who ", lo, unit.start)) >= 0
        and text.find(",", rel, unit.start) < 0
        and (
            _verb_after(text, rel + 4)
            or (
                (aux := _AUX_AFTER.match(text, rel + 4)) is not None
                and _verb_after(text, aux.end())
            )
        )
    ):
        # "pull back the fighters who had crossed the line in May": so does a restrictive
        # one with its own verb
        close = text.find(",", unit.end, hi)
        lo, hi = rel, close if close >= 0 else hi
    elif (
        (rel := text.find(", which ", lo, unit.start)) >= 0
        and text.find(",", rel + 1, unit.start) < 0
        and _which_acted(text, rel + 7)
        and (close := text.find(", ", unit.end, hi)) >= 0
        and (_MAIN_VERB_AFTER.match(text, close + 1) or _verb_after(text, close + 1))
        # (with a trigger of its own: "which took a seat" names none, and is left as it was)
        and any(rel < h.start and h.end <= close for h in hits)
    ):
        # "Britain, which pulled out its diplomats on Sunday, said it would fly its citizens
        # out": a "which" clause between commas that tells an act of its own, before the
        # main clause's verb, dates that act; the phrase it hangs on may be the happening
        # ("the congress, which opened on Oct. 17, ..."), so it stays in reach
        lo, hi = max(lo, text.rfind(", ", lo, rel) + 1), close
    elif (comma := text.rfind(", ", lo, unit.start)) >= 0 and (
        (by := _PARTICIPLE_BY.match(text, comma)) is not None
        and text.find(",", by.end(), unit.start) < 0
        and (close := text.find(",", unit.end, hi)) >= 0
    ):
        # "a commission led by Annan, set up by Suu Kyi last year, issued": a date inside
        # a passive participle phrase between commas dates what that phrase says, or the
        # noun it follows ("The truce, announced by Lavrov on Saturday, was meant to")
        lo, hi = max(lo, text.rfind(",", lo, comma) + 1), close
    # "an 1899 arbitration that Venezuela has rejected", "the 2015 nuclear deal": a date
    # between a determiner and its noun dates that noun phrase, not the clause's verb
    prenominal = _DETERMINER_BEFORE.search(text, max(0, unit.start - 6), unit.start) and (
        _NOUN_AFTER.match(text, unit.end)
    )
    # "summoned the ambassador on Monday to protest", "met on Friday to discuss": an
    # infinitive after the date is the purpose of an act named before it
    acted_before = False
    for h in hits:
        if (
            lo <= h.start
            and h.end <= unit.start
            and (h.trigger.type != "STATEMENT" or h.trigger.state_act)
        ):
            acted_before = True
            break
    # (worked out on the first trigger after the date that gets that far: most dates have
    # none there, and the verb after them is not looked for)
    closes_subject: bool | None = None if acted_before else False
    # "met Salman in Riyadh last Tuesday and went on to Ankara the following day for talks":
    # past "and" and a verb before the sentence's next date starts that date's happening
    next_act: int | None = -1  # worked out on the first trigger after the date
    if dated_after is None or not acted_before:
        next_act = None
    for hit in hits:
        h_start, h_end, trig = hit
        if h_start < lo or h_end > hi:
            continue
        if trig.label in _DATE_TOLD_WITH and not _IN_FORCE_GAP.fullmatch(text, h_end, u_start):
            # "The duties, which take effect on Thursday, ... will rise ... in August", "The
            # republic, founded in 1949, ceased to exist at midnight": the phrase names only
            # the date told with it (at most "at dusk" between)
            continue
        if (
            acted_before
            and h_start >= u_end
            # (every match holds "to ": most stretches before a trigger hold none)
            and text.find("to ", max(0, h_start - 30), h_start) >= 0
            and _INFINITIVE.search(text, h_start - 30, h_start)
        ):
            continue
        if next_act is not None and h_start >= u_end:
            if next_act < 0:
                next_act = _next_act(text, u_end, dated_after)
            if next_act is not None and h_start >= next_act:
                continue
        if prenominal and not (
            h_start >= u_end and _token_distance(text, u_start, u_end, h_start, h_end) <= 2
        ):
            continue
        if h_start < u_end and h_end > u_start:
            continue  # inside the date expression itself
        # the words between the date and the trigger (as _token_distance)
        g0, g1 = (u_end, h_start) if u_end <= h_start else (h_end, u_start)
        gap = text[g0:g1]  # ("" when g1 <= g0)
        if not gap:
            dist = 0
        else:
            dist = len(gap.split()) if g1 - g0 < 400 else 99
        score = trig.weight - 0.6 * dist
        crossed = (
            acted_before
            and hit.start >= unit.end
            # (every match holds a comma or "and": most gaps hold neither)
            and (text.find(",", u_end, h_end) >= 0 or text.find("and", u_end, h_end) >= 0)
            and _NEXT_CLAUSE.search(text, u_end, h_end) is not None
        )
        if crossed:
            # "met Pence on Wednesday, and talks continued through Friday": past a comma
            # and a conjunction starts the next coordinated clause, with its own happening
            score -= 6
        elif acted_before and h_start >= u_end and _AS_CLAUSE.fullmatch(text, u_end, h_start):
            # "launched air strikes on Thursday as fighting erupted": an "as" clause after
            # the date tells the background of the act before it, as a subordinate does
            score -= 8
        elif dist == 0:
            score += 10  # "said Friday", "Friday's call": the date is attached here
        elif dist <= 2:
            score += 5  # "call on Sunday", "sit down on January 9"
        if possessive and h_start >= last_tx.end and dist == 0:
            score += 8  # "Thursday's call": the date modifies this very noun
        if (
            dist <= 1
            and trig.type == "STATEMENT"
            and h_end <= u_start
            and _THAT_AFTER.match(text, u_end)
        ):
            score += 6  # "said on Monday that ...": the date closes the speech clause
        if closes_subject is None and h_start >= u_end:
            closes_subject = _subject_verb(text, u_end, hits) is not None
        if closes_subject and h_start >= u_end:
            score -= 8
        if (
            text.endswith(", ", lo, h_start)
            and text.endswith("ing", h_start, h_end)
            and (shut := text.find(", ", h_end, min(hi, h_end + 60))) >= 0
            and "," not in text[h_end:shut]
            and not h_end <= u_start < shut
            and _verb_after(text, shut + 1)
        ):
            # "the ministers of the OAS, meeting in Washington, threatened San Salvador": a
            # participle phrase between commas describes the subject; the verb after it acts
            score -= 8
        if best is not None and score <= best_score:
            continue  # the penalties below only lower it
        if (
            dist
            and _subordinate(text, g0, g1, gap)  # (on the gap already read)
            and not (h_end <= u_start and _RELATIVE.match(text, h_end))
        ):
            # "said Thursday that the talks...": another clause's happening; but not "a
            # summit that runs from Sunday", a relative clause dating its own noun
            score -= 8
        if best is None or score > best_score:
            best, best_score = hit, score
    if best is not None and prenominal:
        return best  # "rejects the Monday ruling": the date stays on its noun
    if (
        best is not None
        and best.start >= u_end
        and best.start - u_end <= 3
        and text[best.end - 3 : best.end] == "ing"
        and text[u_end : best.start].strip() == ","
    ):
        # "Israel launched a wave of attacks on Iranian targets on June 13, killing several
        # commanders": a participle after the date tells what the act before it did; an
        # act of its kind told before the date is the dated one, with that clause's roles
        # (the first before the date, the verb over its noun: "crushed the last major
        # uprising in 1988, killing"; none that a subordinate clause ends before the date)
        same = next(
            (
                h
                for h in hits
                if lo <= h.start
                and h.end <= u_start
                and h.trigger.type == best.trigger.type
                and not _subordinate(text, h.end, u_start)
            ),
            None,
        )
        if same is not None:
            best = same
    if (
        possessive
        and best is not None
        and best.start >= u_end
        and not text[u_end : best.start].strip()
    ):
        return best  # "voted to leave in Thursday's referendum": the dated noun is the happening
    return _head(text, hi, best, hits, dated_after) if best is not None else None


def _subject_verb(text: str, end: int, hits: Sequence[Hit]) -> int | None:
    """Where the verb starts, when a date ending at `end` is followed by a verb that is no
    act: "Russia's annexation of Crimea in 2014 prompted sanctions", "the talks on Monday
    ended without a deal". After an act's noun, such a date closes the subject and dates
    that noun; what the verb brings about, and who it names, are not its happening."""
    m = _NEXT_WORD.match(text, end)
    if m is None or not _past_verb(m.group(1)):  # (as _verb_after, on the match at hand)
        return None
    if any(h.start == m.start(1) for h in hits):
        return None  # "Russia in 2014 annexed Crimea": the verb is the act
    return m.start(1)


# a determiner or a possessive before a past form makes it an adjective: "the country's
# elected president", "its occupied territories"
_ADJECTIVE_SLOT = re.compile(
    r"(?:\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)|['\u2019]s)\s+$"
)


def _governor(text: str, hit: Hit, hits: Sequence[Hit]) -> Hit | None:
    """The trigger verb that takes `hit` as its object, just before it: "withdrew from
    the deal", "called off the visit", "accused Moscow of the attack"."""
    prev = None
    for h in hits:
        if h.end <= hit.start:
            prev = h
    if prev is None or prev.trigger.type == hit.trigger.type:
        return None
    if (
        text.endswith("ed", hit.start, hit.end)
        and " " not in text[hit.start : hit.end]
        and (word := text[prev.start : prev.end].split(" ", 1)[0].lower())
        and (word in temporal_lexicon().past_verbs or word.endswith(("ed", "wn")))
        and not _ADJECTIVE_SLOT.search(text, max(0, hit.start - 8), hit.start)
    ):
        # a past verb after a verb is no object of it: "Navy SEALs flown in on helicopters
        # from Afghanistan stormed the compound" (the participle describes the subject);
        # "toppled the elected president" is an adjective, "talks were announced" a noun
        return None
    if not _GOVERNED_GAP.fullmatch(text, prev.end, hit.start):
        return None
    if _NOUN_BEFORE.search(text, max(0, prev.start - 12), prev.start):
        return None  # "the attack on the talks": a noun, not a verb, governs nothing
    return prev


def _hit_before(hit: Hit, hits: Sequence[Hit]) -> Hit | None:
    """The last of `hits` (in text order) that ends before `hit` starts."""
    prev = None
    for h in hits:
        if h.end <= hit.start:
            prev = h
        else:
            break
    return prev


# before an act's noun: "in an ambush", "in a missile attack", "during the raid"
_IN_THE_ACT = re.compile(r"\b(?:in|during)\s+(?:an?|the)\s+(?:[a-z][\w-]*\s+){0,2}$")


def _verb_of_manner(text: str, noun: Hit, hits: Sequence[Hit]) -> Hit | None:
    """The past verb of the same family just before `noun` ("killed Savimbi in an ambush",
    "was shot dead in an ambush"): within a few words and the same clause."""
    prev = _hit_before(noun, hits)
    if prev is None or prev.trigger.type != noun.trigger.type:
        return None
    if text.startswith(" with ", noun.end):
        return None  # "killed in a clash with Chinese troops": the noun names both sides
    gap = text[prev.end : noun.start]
    if len(gap) > 90 or ";" in gap or ". " in gap or " and " in gap:
        return None
    word = text[prev.start : prev.end].split(" ", 1)[0].lower()
    if not (word in temporal_lexicon().past_verbs or word.endswith(("ed", "wn"))):
        return None
    if _NOUN_BEFORE.search(text, max(0, prev.start - 12), prev.start):
        return None  # "the attack on the convoy in an ambush": a noun, no verb
    return prev


def _needing_verb(text: str, noun: Hit, hits: Sequence[Hit]) -> Hit | None:
    """The hit just before `noun`, of the same type, whose row needs a word after it
    (triggers.tsv `needs:`) and finds it in `noun` ("escaped an ambush", "escaped a bomb
    attack"): the noun is what that verb acts on."""
    prev = _hit_before(noun, hits)
    if prev is None or prev.trigger.needs is None or prev.trigger.type != noun.trigger.type:
        return None  # (a verb of another kind of act tells a happening of its own)
    # (the noun itself one of the words the verb needs, within its reach)
    return prev if prev.trigger.needs.fullmatch(text, prev.end, noun.end) else None


def _leaves_gathering(text: str, leave: Hit, gathering: Hit) -> bool:
    """Whether `leave` ("left the") leaves the gathering `gathering` names ("left the
    Singapore summit"): a departure, no withdrawal; not a walkout ("left the G7 summit
    early", "abruptly left the meeting")."""
    return (
        text[leave.start : leave.end].lower() in _LEAVING
        and gathering.trigger.label in _GATHERINGS
        and not _WALKOUT.search(text, max(0, leave.start - 30), gathering.end + 50)
    )


# _SPEECH_CUES after a character that is no word character: every one of its alternatives
# opens with "\b" before a letter, so it is found in a stretch exactly when this is found
# from one character earlier; the engine skips in C to the next blank or punctuation mark
# instead of trying its forty alternatives at every position. (Only whether one is there
# is asked, not where. Same answers.)
_SPEECH_CUED = re.compile(rf"\W(?:{_SPEECH_CUES.pattern})")
# after a statement's clause: its reported words going on, a coordinated predicate or a
# second "that" clause of the same speech (", and that India wanted peace", " but could not
# let ..."), not a clause with a subject of its own (", but Hamas said")
_REPORTED_GOES_ON = re.compile(
    r",?\s+(?:and|but)\s+(?:also\s+)?(?:that\s|(?:would|will|could|can|cannot|must|had|has"
    r"|have|was|were|did|does)\b)"
)
_REPORTED_STOP = re.compile(r"[.;:!?](?:\s|$)")
# the form of a trigger of each type of reported_acts.tsv (_reread)
_REPORTED_FORMS = {"REJECT": "rejected", "ACCUSE": "accused"}


@lru_cache(maxsize=1)
def _reported_acts() -> re.Pattern[str]:
    """resources/events/reported_acts.tsv: its forms, one named group a type (the group
    that matched names the act the reported words make: `lastgroup`)."""
    forms: dict[str, list[str]] = {}
    for form, type_ in _rows("reported_acts.tsv"):
        if type_ not in _REPORTED_FORMS:
            raise ValueError(f"reported_acts.tsv: type {type_!r} has no trigger form")
        forms.setdefault(type_, []).append(r"\s+".join(map(re.escape, form.split())))
    groups = (f"(?P<{t}>{'|'.join(sorted(fs, key=len, reverse=True))})" for t, fs in forms.items())
    return re.compile(rf"(?i)\b(?:{'|'.join(groups)})\b")


def _head(
    text: str, hi: int, best: Hit, hits: Sequence[Hit], dated_after: int | None = None
) -> Hit:
    """The happening a clause reports, given the trigger the date modifies.
    `dated_after`: where the next date of the sentence starts, if any."""
    # (the words of `best`, in lower case: read once, again only where `best` changes)
    said = text[best.start : best.end].lower()
    if said in _LEAVING:
        # "Trump left the Singapore summit on Tuesday": the gathering is the happening
        nxt = next((h for h in hits if h.start >= best.end), None)
        if (
            nxt is not None
            and _GOVERNED_GAP.fullmatch(text, best.end, nxt.start)
            and _leaves_gathering(text, best, nxt)
        ):
            best = nxt
            said = text[best.start : best.end].lower()
    if (
        best.trigger.type == "ASSAULT"
        and _IN_THE_ACT.search(text, best.start - 24 if best.start > 24 else 0, best.start)
        is not None
        and (verb := _verb_of_manner(text, best, hits)) is not None
    ):
        # "troops killed the rebel leader in an ambush on Feb. 22", "was shot dead in an
        # attack": the noun after "in" tells how the verb's act was done; the verb, with its
        # roles, is the happening
        best = verb
        said = text[best.start : best.end].lower()
    if (verb := _needing_verb(text, best, hits)) is not None:
        # "escaped an ambush", "escaped a bomb attack": the noun is what the verb whose
        # sense needs it acts on; the verb, in that sense, is the happening
        best = verb
        said = text[best.start : best.end].lower()
    if best.trigger.type == "STATEMENT" and said in _VOTE_FORMS:
        # "The Commons rejected the motion by 285 votes to 272 on Thursday": a tally is no
        # happening of its own but the margin of the act it counts
        # (the verb: the first of the hits within the tallied stretch, "approved the treaty")
        counted = None
        for h in reversed(hits):
            if h.end > best.start:
                continue
            if best.start - h.end >= 120 or not _TALLIED_ACT.fullmatch(text, h.end, best.start):
                break
            counted = h
        if counted is not None and counted.trigger.type != "STATEMENT":
            best = counted
    if best.trigger.type == "STATEMENT":
        prev = next((h for h in reversed(hits) if h.end <= best.start), None)
        if (
            prev is not None
            and text[prev.start : prev.end].lower() in _ANSWERING
            and _ANSWERED_GAP.fullmatch(text, prev.end, best.start)
        ):
            # "Russia will reply to the U.S. proposal next week": the answer is the act,
            # and the proposal's author the one answered
            best = prev
    gov = _governor(text, best, hits)
    if gov is not None and _leaves_gathering(text, gov, best):
        gov = None  # "left the summit": the summit, not a withdrawal from it
    if gov is not None and gov.trigger.type == "MOBILIZE" and best.trigger.type == "ASSAULT":
        gov = None  # "launched missile strikes on Kyiv": launching an attack is the attack
    if gov is not None and gov.trigger.type != "STATEMENT":
        best = gov  # the verb names the act: "withdrew from the deal" is a withdrawal
        # ... and the verb over that one when it is a noun: "rejected calls for talks" is
        # a rejection (not "ministers meeting in Cairo condemned the invasion")
        top = None if text.endswith("ed", gov.start, gov.end) else _governor(text, gov, hits)
        if top is not None and top.trigger.type != "STATEMENT":
            best = top
    elif (
        gov is not None
        and text[gov.start : gov.end].lower() in _ANNOUNCING
        and text.startswith((" the ", " The "), gov.end)
        and best.trigger.type not in ("CONCEDE", "RETREAT")
        and best.trigger.label != _TRUCE_LABEL
    ):
        # "announced the raid yesterday afternoon", "announced the agreement in a television
        # address": a known happening reported; but announcing the surrender, a resignation
        # or the truce makes it
        best = gov
    elif _SETTING_WORDS.search(text, max(0, best.start - 30), best.start) and _SETTING.search(
        text, max(0, best.start - 30), best.start
    ):
        # "struck a deal at a summit in Brussels on Monday", "warned Putin in a call":
        # a noun in a setting phrase is where the clause's verb happened
        verb = next(
            (
                h
                for h in reversed(hits)
                if h.end <= best.start
                and h.trigger.type not in ("STATEMENT", best.trigger.type)
                and best.start - h.end < 100
                and _token_distance(text, h.start, h.end, best.start, best.end) <= 12
                and not _NOUN_BEFORE.search(text, max(0, h.start - 12), h.start)
                and not _subordinate(text, h.end, best.start)
                # (the same clause: "removed him the following day, but in a television
                # address that night he": the address is the next clause's own)
                and _COORDINATED_CLAUSE.search(text, h.end, best.start) is None
            ),
            None,
        )
        if verb is not None:
            best = verb
        elif best.trigger.type == "STATEMENT":
            # "announced the withdrawal in a televised address on Wednesday": a surrender,
            # a withdrawal or a release announced is made where it is announced
            made = next(
                (
                    h
                    for h in reversed(hits)
                    if h.end <= best.start
                    and (h.trigger.type == "CONCEDE" or h.trigger.type == "RETREAT")
                    and best.start - h.end < 80
                    and not _subordinate(text, h.end, best.start)
                ),
                None,
            )
            if made is not None and (g := _governor(text, made, hits)) is not None:
                if text[g.start : g.end].lower() in _ANNOUNCING:
                    best = made
    said = text[best.start : best.end].lower()  # (`best` stays as it is from here on)
    if said in _LEFT_FOR and _TO_MEET.match(text, best.end, hi):
        # "Eban left for Paris early on Wednesday to see de Gaulle", "left for Moscow for
        # talks": a journey to meet someone is a visit, not a flight or a withdrawal
        return Hit(best.start, best.end, lexicon().triggers["visited"])
    if best.trigger.type == "STATEMENT":
        # "May said on Wednesday that Britain would expel 23 diplomats": an announced act
        # is the happening, the speech verb only reports it; so is the object of an
        # announcing verb ("announced sanctions") and a verbal act the speaker performs
        # ("said on Saturday that ... and warned of consequences")
        appeal: Hit | None = None
        for hit in hits:
            if not best.end <= hit.start < hi or hit.trigger.type == "STATEMENT":
                continue
            before = text[best.end : hit.start]
            if len(before) >= 120:
                break
            if (
                dated_after is not None
                and hit.start < dated_after
                # (not when the next date opens a coordinated clause of its own: "said
                # Washington would consider sanctions, and the EU is due to meet in May")
                and _COORDINATED_CLAUSE.search(text, hit.end, dated_after) is None
            ):
                break  # "said on Thursday that he would host talks ... on Monday": the
                # act has a date of its own; this date is the statement's
            word = text[hit.start : hit.end].lower()
            if hit.trigger.label == _RETURN_LABEL:
                continue  # "said he would return to Iran soon": the speaker's plan, said
            if (
                _ANNOUNCED.search(before)
                or word.split()[0] in _MODALS
                # "voted on Monday to support Lithuania", "voted 19 to 0 to back the
                # quarantine": what a vote decides is the act
                or (said in _VOTE_FORMS and _VOTED_TO.match(before))
                # "announced that it was cutting off all oil shipments": an act in progress
                or (word.split()[0].endswith("ing") and _PROGRESSIVE.search(before) is not None)
            ):
                if _CONDITION.search(text, best.end, hi):
                    if hit.trigger.type in _MATERIAL_CONFLICT and _PROMISED.search(before):
                        # "said Russia would face severe sanctions if it invaded", "said
                        # that if the talks failed, NATO would strike": sanctions or force
                        # held over someone on a condition are a warning
                        return _reread(best, "warned")
                    break  # any other act on a condition is hypothetical: the statement stays
                if hit.trigger.type == "ASSAULT" and _TOLL.search(before) is not None:
                    break  # "said that at least 140 people had been killed": a death toll
                if "ing " in before and _INTENDED.search(before) is not None:
                    break  # "said the general had been planning attacks": an intent told
                return hit
            if (
                (hit.trigger.type in _MATERIAL_CONFLICT or hit.trigger.cancels)
                and _POSSIBLE.search(before) is not None
                and "so that" not in before
                and _COORDINATED_CLAUSE.search(before) is None  # (its own speaker's words)
                and not _CONDITION.search(text, best.end, hi)
            ):
                # "said Ankara might suspend diplomatic ties", "said he might call off the
                # meeting", "said Paris could cut the island's electricity": a measure held
                # over someone is a threat
                return _reread(hit, "threatened")
            if (
                hit.trigger.type in _VERBAL_ACTS
                and word.split()[0].endswith(("ed", "ing"))
                # (a verb, not a happening named by its noun: "had no knowledge of the uprising")
                and hit.trigger.label != _NP_LABEL
            ):
                if hit.trigger.type == "REQUEST":
                    # "said on Monday it was concerned and urged calm": an appeal added to
                    # a dated statement is part of what was said, not the happening (its
                    # roles stay the appeal's: who was urged is a party)
                    appeal = hit
                    break
                return hit  # "... and warned of serious consequences"
            announcing = said in _ANNOUNCING
            if announcing and _GOVERNED_GAP.fullmatch(before):
                if before.lstrip().startswith(("the ", "The ")):
                    break  # "announced the raid", "announced the death": a known happening
                    # reported; "announced sanctions", "a ban" is the measure itself
                return hit
        reach = hi  # where a threat is looked for in the reported words
        if best.trigger.label == _REMARKS_LABEL and _REPORTED_GOES_ON.match(text, hi):
            # "said that Britain had no wish to damage its relations but could not let a
            # murder go unanswered", "... and that India would give a fitting reply": the
            # reported words run on past a coordinated predicate or "that" clause of the
            # same speech, to the sentence's end; a threat there is the speech's (a refusal
            # or a charge after "but" qualifies what was said first: "would support an
            # African force but would not send its own soldiers")
            stop = _REPORTED_STOP.search(text, hi, best.end + 200)
            reach = stop.start() if stop is not None else min(len(text), best.end + 200)
        cued = (
            best.trigger.label == _REMARKS_LABEL
            and _SPEECH_CUED.search(text, best.end - 1, min(reach, best.end + 200)) is not None
        )  # one search over the reported words; the cues below only when one is there
        if cued and (
            (refusal := _REFUSAL.search(text, best.end, min(hi, best.end + 160))) is not None
            and not _CONDITION.search(text, best.end, refusal.start())
        ):
            # "said that he would never apologise", "said Washington had no part in the
            # fighting", "said the measures were unjustified": a refusal, a denial or a
            # dismissal reported is a rejection
            return _reread(best, "rejected")
        if cued and _ACCUSAL.search(text, best.end, min(hi, best.end + 160)) is not None:
            # "said that a local Islamist group was behind the bombings", "said Japan must
            # bear full responsibility": blame laid in a statement is an accusation
            return _reread(best, "accused")
        if cued and _SUPPORTAL.search(text, best.end, min(hi, best.end + 160)) is not None:
            # "said that the United States stood behind him": support declared in a statement
            return _reread(best, "backed")
        if cued and _THREATAL.search(text, best.end, min(reach, best.end + 200)) is not None:
            # "said there would be consequences", "said Moscow would take countermeasures",
            # "said the attacks would not go unanswered": a threat made in a statement
            return _reread(best, "warned")
        if best.trigger.label == _REMARKS_LABEL and (
            (act := _reported_acts().search(text, best.end, min(hi, best.end + 160))) is not None
            and not _CONDITION.search(text, best.end, act.start())
        ):
            # resources/events/reported_acts.tsv: "said he would not sign the deal", "said
            # it would no longer respect the limits" a rejection; "said Rwanda's presence
            # amounted to a declaration of war", "said the Soviet leader had not told him
            # the truth" an accusation
            return _reread(best, _REPORTED_FORMS[act.lastgroup or ""])
        if appeal is not None:
            return _reread(appeal, "said")
    if best.trigger.type == "AGREE":
        # "signed a treaty annexing Crimea", "agreed to impose sanctions": what was
        # agreed is the act when it is a material conflict
        pos = best.end
        for hit in hits:
            if hit.start < pos:
                continue
            if not _COMPLEMENT_GAP.fullmatch(text, pos, hit.start):
                break
            if hit.trigger.type in _MATERIAL_CONFLICT and (
                text.endswith(("ing", "ed"), hit.start, hit.end)
                or " to " in text[pos : hit.start]
                # "is expected to approve a ban on North Korean ships": the measure approved
                or said in _APPROVING
                # "agreed a new round of sanctions", "agreed on Friday an 11th package
                # of sanctions": a measure agreed as the verb's object is imposed
                or (hit.trigger.type == "SANCTION" and pos == best.end and said in _AGREEING)
            ):
                return hit  # a verb: "a treaty annexing", "agreed to draw up sanctions"
            if hit.trigger.type == "AID" and said in _APPROVING:
                return hit  # "approved a 50 billion euro aid package": the aid approved
            if hit.trigger.type != "AGREE":
                break
            pos = hit.end  # "signed a treaty": the noun of the same act, read on
    return best


def _coordinated(
    text: str, found: list[ActorMention], in_sent: Sequence[ActorMention]
) -> list[ActorMention]:
    """A list of actors is taken whole: "talks between envoys of Ukraine, Russia and the
    OSCE", "Iran and six world powers, the United States, Britain, France ..."."""
    first, last = found[0], found[-1]
    if not (
        text.startswith(_COORD_AFTER, last.end)
        or text.endswith(_COORD_BEFORE, max(0, first.start - 5), first.start)
    ):
        return found  # no list around: the common case
    try:
        i0 = i = in_sent.index(first)
        j0 = j = in_sent.index(last)
    except ValueError:
        return found  # a pronoun's stand-in ("he" for the person named before): no list
    while i > 0 and (
        _COORD.fullmatch(text, in_sent[i - 1].end, in_sent[i].start)
        or _of_state(text, in_sent[i - 1], in_sent[i])
    ):
        i -= 1  # "President Hosni Mubarak of Egypt and the PLO chairman, Yasser Arafat,"
    while (
        j + 1 < len(in_sent)
        and _COORD.fullmatch(text, in_sent[j].end, in_sent[j + 1].start)
        and not _new_subject(text, first, in_sent, j)
    ):
        j += 1
    if (i, j) == (i0, j0):
        return found
    return list(dict.fromkeys([*in_sent[i:i0], *found, *in_sent[j0 + 1 : j + 1]]))


_PAST_WORD = re.compile(r"\b[a-z]+\b")


# the members of a subject named together: "Lumumba and Kasavubu", "Chile or Peru"
_GROUP_JOIN = re.compile(r"\s+(?:and|or)\s+(?:the\s+)?")
# a finite verb of a clause's own after its subject: "has asked", "are expected", "will go"
_FINITE_VERB = re.compile(r"\s+(?:has|have|had|will|would|is|are|was|were)\s+[a-z]")


def _new_subject(text: str, first: ActorMention, in_sent: Sequence[ActorMention], j: int) -> bool:
    """Whether in_sent[j + 1], after ", and" past in_sent[j], is the subject of a clause of
    its own rather than the last of a list: a verb follows it, with any names a bare "and"
    joins to it (a past verb, or a finite "has", "are", "will"), and a past verb stands
    between the list's first name and it ("Chile recalled its envoy to Peru, and Bolivia
    closed its border": Bolivia's own act; so "the cabinet broke off relations with Belgium,
    and Lumumba and Kasavubu sent a telegram", "..., and Mrs. Gandhi has asked for his
    release"; not "Chile, Peru, and Bolivia signed")."""
    prev, member = in_sent[j], in_sent[j + 1]
    gap = text[prev.end : member.start]
    if "," not in gap or "and" not in gap:
        return False
    k = j + 1
    while k + 1 < len(in_sent) and _GROUP_JOIN.fullmatch(
        text, in_sent[k].end, in_sent[k + 1].start
    ):
        k += 1
    end = in_sent[k].end
    if not (_verb_after(text, end) or _FINITE_VERB.match(text, end)):
        return False
    return any(_past_verb(w) for w in _PAST_WORD.findall(text, first.end, prev.start))


def _of_state(text: str, person: ActorMention, place: ActorMention) -> bool:
    """ "Mubarak of Egypt": a person named with the state he leads after "of"."""
    return (
        person.actors[0].kind == "person"
        and place.actors[0].kind == "country"
        and _OF_STATE.fullmatch(text, person.end, place.start) is not None
    )


def _with_subject_before_list(
    text: str, clause: tuple[int, int], found: list[ActorMention], in_sent: Sequence[ActorMention]
) -> list[ActorMention]:
    """ "The Soviet leader, Mikhail Gorbachev, sent messages to Kohl, Bush, Thatcher and
    Mitterrand on Friday, urging them ...": the stretch of the first actor found opens with
    its verb, so the name alone between the commas before it is the subject."""
    seg = text.rfind(", ", clause[0], found[0].start)
    if seg < 0 or not _PREDICATE_START.match(text, seg + 2):
        return found
    prev = text.rfind(", ", clause[0], seg)
    prev = prev + 2 if prev >= 0 else clause[0]
    named = [m for m in in_sent if prev < m.end <= seg]
    if (
        named
        and named[-1] not in found
        and any(a.kind == "person" for a in named[-1].actors)
        and _bare_name_stretch(text, prev, seg + 1, named)
    ):
        return [named[-1], *found]
    return found


def _parties(m: ActorMention) -> tuple[Actor, ...]:
    """Who a mention names as a party: a body of a larger organisation or state ("the UN
    Security Council", "the IRGC") acts in its parent's name, and events list the parent
    (organisations go by the acronym of the whole: UN, EU); people stay themselves."""
    if m.qualifiers and all(a.kind == "organisation" for a in m.actors):
        return m.qualifiers
    return m.actors


_RELATIVE_OPEN = re.compile(r", (?:who|whom|which|whose) ")


def _outside_relatives(
    text: str,
    sent: tuple[int, int],
    match: Hit,
    found: list[ActorMention],
    in_sent: Sequence[ActorMention],
    dated_at: int = -1,
) -> list[ActorMention]:
    """ "The M23 rebels, who UN experts say are backed by Rwanda, captured Goma": who is
    named inside a relative clause between commas takes no part in the main clause's act;
    the phrase the clause hangs on ("Belarus, which Russia backs, attacked") is its
    subject. So with "whom" ("Zahedi, whom the Shah had named prime minister last week,
    went on the radio on Wednesday": no Shah), unless the date (at `dated_at`) is the
    clause's own ("last week": the naming is the Shah's). A body the clause says its person
    chairs, heads or leads stays, as his title's ("Jacob Zuma, who chairs the regional bloc
    SADC, sent two ministers": Zuma, for SADC; see _headed_body)."""
    for rel in _RELATIVE_OPEN.finditer(text, *sent):
        close = text.find(", ", rel.end(), sent[1])
        if close >= 0 and text.startswith("whose", rel.start() + 2):
            # "the PAC, whose president, Robert Sobukwe, announced the campaign": the name
            # in apposition to the title is inside the clause, which goes on after it
            named = next((m for m in in_sent if m.start < close < m.end), None)
            if named is not None:
                close = text.find(", ", named.end + 1, sent[1])
                owner = next((m for m in reversed(in_sent) if m.end <= rel.start()), None)
                if (
                    owner is not None
                    and rel.start() <= match.start
                    and (close < 0 or match.start < close)
                    and owner not in found
                    and len(_TOKEN.findall(text, owner.end, rel.start())) <= _WHO_GAP
                ):
                    # ... and speaks for the body or state the clause hangs on, as "the
                    # PAC's president" would
                    found = [owner, *found]
        if close < 0:
            continue  # runs to the end of the sentence: nothing of the main clause after it
        if rel.start() <= match.start < close:
            continue  # the trigger is inside: its own actors
        if rel.start() <= dated_at < close and text.startswith("whom", rel.start() + 2):
            continue  # the date is inside: the clause's happening (its trigger may be
            # read outside it, "who" limits the trigger to it, "whom" not yet)
        if match.end <= rel.start() and len(_TOKEN.findall(text, match.end, rel.start())) <= 3:
            continue  # "the November 8 election, which Suu Kyi's party won": it tells of
            # the happening itself
        kept = [m for m in found if not (rel.start() <= m.start < close)]
        head = next((m for m in reversed(in_sent) if m.end <= rel.start()), None)
        if (
            len(kept) < len(found)
            and close <= match.start
            and head is not None
            and head not in kept
            and not any(m.end <= match.start for m in kept)
            and len(_TOKEN.findall(text, head.end, rel.start())) <= _WHO_GAP
        ):
            kept.insert(0, head)
        if head is not None and head in kept and head.actors[0].kind == "person":
            # ... but the body its person chairs or heads stays, as his title's would
            # ("SADC chairman Jacob Zuma"): he acts, and for it
            bodies = tuple(
                a
                for m in in_sent
                if rel.start() <= m.start < close and _headed_body(text, rel.start(), m)
                for a in m.actors
                if a not in head.qualifiers
            )
            if bodies:
                kept[kept.index(head)] = replace(head, qualifiers=(*head.qualifiers, *bodies))
        found = kept
    return found


# "Jacob Zuma, who chairs the regional bloc SADC, sent two ministers": the body a person
# is said to chair or head in a relative clause on him, which he acts for (as "SADC chairman
# Jacob Zuma" would); not a body he leads troops of ("who commands UN forces")
_HEADS_BODY = re.compile(
    r", who (?:now |currently |also )?(?:chairs|heads|leads) (?:the )?(?:[\w'\u2019-]+ ){0,3}"
)


# the head nouns of a seat a member chairs ("who chairs the Senate Foreign Relations
# Committee": a legislator's seat, as actors._SEAT_HEADS reads "chairman of the ...")
_SEAT_NAME = re.compile(r" (?:Commission|Council|Tribunal|Committee)$")


def _headed_body(text: str, rel: int, m: ActorMention) -> bool:
    """Whether `m` is the organisation of its own that the relative clause opening at `rel`
    says its person chairs, heads or leads (_HEADS_BODY): no body of a state or of a larger
    body (a mention with a parent, "the AU Commission"), no seat (_SEAT_NAME)."""
    return (
        len(m.actors) == 1
        and m.actors[0].kind == "organisation"
        and not m.qualifiers
        and _SEAT_NAME.search(m.actors[0].name) is None
        and _HEADS_BODY.fullmatch(text, rel, m.start) is not None
    )


# a relative pronoun of a person, and what may stand between the name and it: a comma, or
# an appositive title after the comma ("Benigno Aquino Jr., the opposition leader who")
_REL_WHO = re.compile(r"\b(?:who|whom|whose)\b")
_OF_STATE = re.compile(r"\s+of\s+")
_TO_RELATIVE = re.compile(r",\s+(?:(?:the|a|an|his|her|its|their)\s+)?(?:[\w'\u2019-]+\s+){0,3}$")
# between a person and a body named in his appositive: "Hassan Ali, head of the opposition
# group Haq, who ...", "X, leader of the Y party, who", "X, a senior official at the
# interior ministry, who": the "who" is the person's
_ROLE_OF = re.compile(
    r",\s+(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,2}(?:head|leader|chief|founder|chairman|chairwoman|"
    r"president|secretary-general|general\s+secretary|spokesman|spokeswoman|commander|member|"
    r"official|officer|aide|adviser|advisor|diplomat)\s+(?:of|at|in)\s+"
    r"(?:the\s+)?(?:[\w'\u2019-]+\s+){0,4}$"
)


def _inside_relative(
    text: str,
    sent: tuple[int, int],
    lo: int,
    hi: int,
    found: list[ActorMention],
    in_sent: Sequence[ActorMention],
) -> list[ActorMention]:
    """A happening told inside a relative clause on a person ("the killing of Benigno
    Aquino Jr., the opposition leader who was shot dead at the airport on Sunday",
    "Bush, who spoke to Gorbachev on Wednesday, praised Yeltsin") is that person's and the
    clause's: who the main clause names takes no part. text[lo:hi]: the trigger and date,
    both inside the clause, which opens after a comma (or a comma and a title) and runs to
    the next comma or the sentence's end."""
    rel = role = None
    for r in _REL_WHO.finditer(text, sent[0], lo):
        rel = r
    if rel is None or text.find(", ", rel.end(), hi) >= 0:
        return found  # none, or it closes before the trigger or the date: "Kerry, who met
        # X, said on Monday", "Trump, who visited Riyadh in May, took credit this morning"
    before = [m for m in in_sent if m.end <= rel.start()]
    if not before:
        return found
    head, end = before[-1], before[-1].end
    if (
        len(before) >= 2
        and head.actors[0].kind == "country"
        and before[-2].actors[0].kind == "person"
        and _OF_STATE.fullmatch(text, before[-2].end, head.start)
    ):
        head = before[-2]  # "President Anwar Sadat of Egypt, who met Begin"
    elif (
        len(before) >= 2
        and head.actors[0].kind != "person"
        and before[-2].actors[0].kind == "person"
        and _ROLE_OF.fullmatch(text, before[-2].end, head.start)
        and text[end : rel.start()].strip() == ","
    ):
        head = before[-2]  # "Hassan Ali, head of the opposition group Haq, who fled"
        role = before[-1]  # ... whose body is his description, not a party
    if head.actors[0].kind != "person" or not (
        _TO_RELATIVE.fullmatch(text, end, rel.start()) or text[end : rel.start()].strip() == ","
    ):
        return found  # "Lawmakers who climbed the fences voted": no person it hangs on
    close = text.find(", ", hi, sent[1])
    close = sent[1] if close < 0 else close
    # the main clause's people and bodies go; its states may still be the setting
    kept = [
        m
        for m in found
        if m is not head
        and m is not role
        and (rel.start() <= m.start < close or all(a.kind == "country" for a in m.actors))
    ]
    if head not in found:
        head = replace(head, qualifiers=())  # the person the clause is about, not his title's
    return [head, *kept]


def _with_fronted_report(
    text: str,
    clause: tuple[int, int],
    m_start: int,
    m_end: int,
    found: list[ActorMention],
    in_sent: Sequence[ActorMention],
    units: Sequence[_Unit],
) -> list[ActorMention]:
    """'Masimov has been detained on suspicion of treason, the National Security Committee
    said on Saturday': what a speaker reports before the attribution is the statement's
    topic, as a 'that' clause after it is; its actors take part. Only when the speaker's
    stretch follows the report's comma directly, no 'that' clause follows the verb and the
    report has no date of its own ('Biden will meet Xi on Monday, the White House said on
    Thursday': the meeting is an event of its own, the announcement the speaker's)."""
    comma = text.rfind(", ", clause[0], found[0].start)
    if comma <= clause[0] or text.find(", ", comma + 2, m_start) >= 0:
        return found
    if any(clause[0] <= u.start < comma for u in units):
        return found
    if _THAT_AFTER_VERB.match(text, m_end):
        return found
    front = [m for m in in_sent if m.start >= clause[0] and m.end <= comma and m not in found]
    return [*front, *found] if front else found


_THAT_AFTER_VERB = re.compile(r"(?:\s+\S+){0,4}?\s+that\b")


def _window_actors(
    text: str,
    clause: tuple[int, int],
    sentence: tuple[int, int],
    lo: int,
    hi: int,
    mentions: Sequence[ActorMention],
    dated_after: int | None = None,
) -> list[ActorMention]:
    """Actor mentions of the comma-delimited stretch around the trigger and date, widened
    to the right, then the left, then the sentence, until it names actors; and one stretch
    to the left for a subject when nobody precedes the trigger in its own. Not widened to
    the right over a stretch holding the next date of the sentence (`dated_after`): its
    actors are that happening's ("Lee is due to meet envoys on Thursday, and officials said
    Singapore will apply to join the UN next month"), even when the own stretch names
    nobody ("Ibn Auf, stepped down tonight, a day after he announced that the army had
    removed Bashir": the subject before is found to the left)."""
    c0, c1 = clause
    cuts = [c0]
    comma = text.find(",", c0, c1)
    while comma >= 0:
        if comma + 1 < c1 and text[comma + 1].isspace():
            cuts.append(comma + 2)  # as _COMMA: a comma and the space after it
        comma = text.find(",", comma + 1, c1)
    if cuts[-1] != c1:
        cuts.append(c1)
    seg_lo = min(bisect_right(cuts, lo) - 1, len(cuts) - 2) if len(cuts) > 1 else 0
    seg_lo = max(seg_lo, 0)
    seg_hi = bisect_left(cuts, hi) if hi <= c1 else len(cuts) - 1

    def inside(a: int, b: int) -> list[ActorMention]:
        # a mention ending in the stretch counts, though it may start before a comma:
        # "Hong Kong's leader, Carrie Lam, apologised" names Lam in the stretch before
        return [m for m in mentions if m.end > a and m.end <= b]

    found = inside(cuts[seg_lo], cuts[seg_hi])
    while (
        _one_actor_at_most(found)
        and seg_hi < len(cuts) - 1
        and (dated_after is None or cuts[seg_hi + 1] <= dated_after)
        and not (found and dated_after is not None and _NEW_CLAUSE_AFTER.match(text, cuts[seg_hi]))
        # (nor over a clause with its own named subject and verb when the stretch names
        # nobody: "Leaders of the bloc, meeting in Accra, condemned the coup on Monday, and
        # Ghana and Togo have offered troops" is the bloc's, whose name is to the left)
        and not _subject_and_verb(text, cuts[seg_hi], mentions)
    ):
        seg_hi += 1
        found = inside(cuts[seg_lo], cuts[seg_hi])
    widened = False
    while not found and seg_lo > 0:
        seg_lo -= 1
        widened = True
        found = inside(cuts[seg_lo], cuts[seg_hi])
    if widened and found and seg_lo >= 1:
        found = _without_place_appositive(text, cuts, seg_lo, found, inside)
    if (
        widened
        and seg_lo > 0
        and _bare_name_stretch(text, cuts[seg_lo], cuts[seg_lo + 1], found)
        and _COMMON_NOUN_BEFORE.search(text, max(0, cuts[seg_lo] - 40), cuts[seg_lo])
        and not _PREDICATE_START.match(text, cuts[seg_lo + 1])
    ):
        # "Eisenhower sent a message to the Soviet premier, Nikolai Bulganin, on Sunday
        # urging him": the name is an appositive to the object of the clause before, whose
        # subject acts too
        found = inside(cuts[seg_lo - 1], cuts[seg_hi])
    if found and seg_lo > 0 and found[0].start >= lo:
        # "Iran and six world powers, the United States, ..., China, reached an agreement":
        # nobody before the verb in its stretch, so its subject is in the stretch before
        wider = inside(cuts[seg_lo - 1], cuts[seg_hi])
        if wider and wider[0].start < lo:
            found = wider
    if (
        found
        and seg_lo > 0
        and _PREDICATE_START.match(text, cuts[seg_lo])
        and found[0].start >= cuts[seg_lo]
        and (named := inside(cuts[seg_lo - 1], cuts[seg_lo]))
        and named[-1] not in found
        and _bare_name_stretch(text, cuts[seg_lo - 1], cuts[seg_lo], named)
        and any(a.kind == "person" for a in named[-1].actors)
    ):
        # "The US envoy, John Smith, met the king": the name between the commas before the
        # verb is its subject
        found = [named[-1], *found]
    if seg_lo >= 2 and (
        (verb_first := _PREDICATE_START.match(text, cuts[seg_lo]))
        or _dated_predicate(text, cuts[seg_lo])
    ):
        # "Javier Milei, a libertarian economist, won the runoff", "Fujimori, 62, faxed his
        # resignation": a stretch that starts with its verb after an appositive ("a ...",
        # "the ...", an age) takes the name before it
        # ... also when the appositive names a place ("Marco Rubio, a Cuban-American
        # senator from Florida, vowed"): the place describes the subject, who still acts
        # ... and after a relative clause or a bare title, right after a name, the verb
        # perhaps after its date ("Jacob Zuma, who chairs the bloc, sent", "Senator Bob
        # Menendez, chairman of the committee, on Monday called for", "Deng Xiaoping,
        # China's senior vice-premier, told")
        apposition = (cuts[seg_lo - 1], cuts[seg_lo])
        plain = verb_first and _APPOSITIVE.match(text, apposition[0])
        # "Juan Carlos, Spain's acting head of state while Franco lies ill, flew": who is
        # named in a clause inside the appositive is no subject
        inner = _INNER_CLAUSE.search(text, apposition[0], apposition[1])
        own = (apposition[0], inner.start()) if inner is not None else apposition
        # ("Ashraf Ghani, in exile near Abu Dhabi, spoke with": where the subject is)
        where = verb_first and _PLACE_APPOSITIVE.match(text, apposition[0])
        if (plain or where or _WIDE_APPOSITIVE.match(text, apposition[0])) and all(
            a.kind != "person" for m in inside(*own) for a in m.actors
        ):
            subject = inside(cuts[seg_lo - 2], cuts[seg_lo - 1])
            if (
                subject
                and subject[-1] not in found
                and (plain or where or text[subject[-1].end : apposition[0]].strip() == ",")
            ):
                if inner is not None:
                    found = [m for m in found if not own[1] < m.end <= apposition[1]]
                if where:  # the place is where the subject is, no party
                    found = [m for m in found if not apposition[0] <= m.start < apposition[1]]
                found = [subject[-1], *found]
    elif (
        seg_lo >= 1
        and seg_lo + 1 < len(cuts)
        and (_APPOSITIVE.match(text, cuts[seg_lo]) or _WIDE_APPOSITIVE.match(text, cuts[seg_lo]))
        and _PREDICATE_START.match(text, cuts[seg_lo + 1])
        and (inner := _INNER_CLAUSE.search(text, cuts[seg_lo], cuts[seg_lo + 1])) is not None
        and all(a.kind != "person" for m in found if m.end <= inner.start() for a in m.actors)
        and (subject := inside(cuts[seg_lo - 1], cuts[seg_lo]))
    ):
        # "Juan Carlos, Spain's acting head of state while Franco lies ill, flew": the
        # appositive describes the name before it, who acts; who is named in a clause
        # inside it does not
        found = [subject[-1], *(m for m in found if m.end <= inner.start())]
    elif (
        seg_lo >= 1
        and seg_lo + 1 < len(cuts)
        and _APPOSITIVE.match(text, cuts[seg_lo])
        and _PREDICATE_START.match(text, cuts[seg_lo + 1])
        and all(a.kind != "person" for m in found for a in m.actors)
    ):
        # the stretch was widened to the appositive for want of actors after the verb:
        # its places describe the name before it, who acts
        subject = inside(cuts[seg_lo - 1], cuts[seg_lo])
        if subject and subject[-1] not in found:
            found = [subject[-1], *found]
    elif seg_lo == 1 and _PARTICIPLE_START.match(text, cuts[1]):
        # "The Organization of ... States (OECS), meeting in Barbados on Friday, asked
        # Washington to intervene": the participle phrase describes the subject that opens
        # the clause, which acts
        # (also the body's people: "EU leaders, meeting in Brussels, condemned")
        subject = inside(cuts[0], cuts[1])
        if (
            subject
            and subject[-1] not in found
            and (
                (rest := text[subject[-1].end : cuts[1]].strip(" ,()")) in ("", rest.upper())
                or _ITS_PEOPLE.fullmatch(rest)
            )
        ):
            found = [subject[-1], *found]
    if (
        found
        and seg_hi < len(cuts) - 1
        and (named := inside(cuts[seg_hi], cuts[seg_hi + 1]))
        and named[0] not in found
        and (
            named[0].start < cuts[seg_hi]  # "leader, Abdul Ghani Baradar": one mention
            or (
                named[0].start == cuts[seg_hi]
                and _COMMON_NOUN_BEFORE.search(text, max(0, cuts[seg_hi] - 40), cuts[seg_hi])
            )
        )
        and text[named[0].end : cuts[seg_hi + 1]].strip() in (",", ".", "")
        and any(a.kind == "person" for a in named[0].actors)
    ):
        # "sent a telegram to the Soviet leader, Nikita Khrushchev", "held talks with the
        # Taliban's deputy leader, Abdul Ghani Baradar,": the name after the comma is the
        # title's, which the stretch ends with
        found = [*found, named[0]]
    if found and seg_lo > 0 and found[0].start >= cuts[seg_lo]:
        # "At Russia's request, the Security Council met": who asked for it takes part
        stretch = (cuts[seg_lo - 1], cuts[seg_lo])
        if _FRONTED_REQUEST.match(text, *stretch):
            asker = inside(*stretch)
            if len(asker) == 1 and asker[0] not in found:
                found = [asker[0], *found]
    return found or inside(*sentence)


# "and went on", "and then flew", "and will travel": "and" and a verb, the verb captured
_AND_ACT = re.compile(
    r"\s(?:and|but)\s+(?:then\s+|later\s+|also\s+)?(?:(will|would|is|was|are|were)\s+)?"
    r"(?:due\s+to\s+|to\s+)?([a-z]{3,})\b"
)


# an appositive that says where its subject is: ", in exile near Paris since October,",
# ", based in London,", ", now living in Dubai,"
_PLACE_APPOSITIVE = re.compile(
    r"(?:(?:now|still|currently|long)\s+)?(?:(?:in|into)\s+exile\s+|living\s+|based\s+"
    r"|exiled\s+|hiding\s+|staying\s+)?(?:in|near|outside|at)\s+"
)


def _without_place_appositive(
    text: str,
    cuts: list[int],
    seg_lo: int,
    found: list[ActorMention],
    inside: Callable[[int, int], list[ActorMention]],
) -> list[ActorMention]:
    """ "Ayatollah Ruhollah Khomeini, in exile near Paris since October, has said": a place
    in an appositive between the subject and its verb is where the subject is, not who
    acts; the name before it is the subject (kept when nobody is named before it)."""
    if not _PLACE_APPOSITIVE.match(text, cuts[seg_lo]) or not _PREDICATE_START.match(
        text, cuts[seg_lo + 1]
    ):
        return found
    if any(a.kind == "person" for m in found if m.end <= cuts[seg_lo + 1] for a in m.actors):
        return found
    subject = inside(cuts[seg_lo - 1], cuts[seg_lo])
    if not subject:
        return found
    return [subject[-1], *(m for m in found if m.end > cuts[seg_lo + 1])]


def _next_act(text: str, lo: int, hi: int) -> int | None:
    """Where a verb coordinated by "and" starts in text[lo:hi] with no comma before it
    ("last Tuesday and went on to Ankara", "on Monday and will fly to Warsaw"): a new
    happening, which a date after it dates. Adverbs ("and again on Tuesday") and nouns
    ("and talks on Tuesday") are no verb: past forms (the tagger's list, or "-ed") and
    verbs after an auxiliary only."""
    if hi - lo > 120 or text.find(" and ", lo, hi) < 0 and text.find(" but ", lo, hi) < 0:
        return None
    for m in _AND_ACT.finditer(text, lo, hi):
        if text.find(",", lo, m.start()) >= 0:
            return None
        word = m.group(2)
        if m.group(1) or _past_verb(word):
            return m.start(2)
    return None


# "and went on", "and is expected to": a verb coordinated after a dated act
_AND_VERB = re.compile(
    r"\s(?:and|but)\s+(?:then\s+|later\s+|also\s+)?(?:(?:will|would|has|had|was|is|are)\s+)?"
    r"(?!the\b|a\b|an\b|his\b|her\b|its\b|their\b|other\b|two\b|three\b)[a-z]{3,}\b"
)


# a fronted phrase naming who asked for what the clause does: "At Russia's request, ",
# "At the invitation of the Lebanese government, "
_FRONTED_REQUEST = re.compile(
    r"(?:At|On)\s+(?:the\s+(?:request|invitation|behest)\s+of\s+[^,]+"
    r"|[^,]+?['\u2019]s?\s+(?:own\s+)?(?:request|invitation|behest|urging)),\s+$"
)


# a participle opening an appositive phrase: "meeting in Geneva", "speaking to reporters"
_PARTICIPLE_START = re.compile(
    r"(?!during\b|including\b|according\b)[a-z]{2,}ing\b|(?:gathered|assembled|convened)\b"
)
# a body's or state's people after its name: "EU leaders", "Arab foreign ministers"
_ITS_PEOPLE = re.compile(
    r"(?:[a-z]+\s+)?(?:leaders|officials|ministers|delegates|delegations|envoys|negotiators"
    r"|diplomats|representatives|heads of state|heads of government)"
)


# a lowercase word before a comma: "the Soviet premier, " (a title the name after it names)
_COMMON_NOUN_BEFORE = re.compile(r"(?<![\w'’-])[a-z][a-z-]+, $")


def _bare_name_stretch(text: str, a: int, b: int, found: Sequence[ActorMention]) -> bool:
    """The comma stretch [a, b) holds one name and nothing else (", Nikolai Bulganin, ")."""
    here = [m for m in found if a < m.end <= b]
    return len(here) == 1 and here[0].start <= a and text[here[0].end : b].strip() == ","


def _one_actor_at_most(found: Sequence[ActorMention]) -> bool:
    """len({a for m in found for a in m.actors}) < 2, without hashing every actor; a
    state's body named with its state ("Ukraine's parliament": Ukraine, Verkhovna Rada) is
    one party, so the stretch widens to whom it acts on, as for the state alone."""
    first = None
    for m in found:
        acts = m.actors
        if len(acts) == 2 and acts[0].kind == "country" and acts[1].kind == "organisation":
            acts = acts[:1]
        for a in acts:
            if first is None:
                first = a
            elif a is not first and a != first:
                return False
    return True


# a stretch that opens a new clause with its own subject: "..., and Russia's prime minister
# telephoned Otunbayeva the next day" (not ", and called for", a verb shared with the subject
# before); with another date later in the sentence, its actors are that date's happening's
_NEW_CLAUSE_AFTER = re.compile(r"(?:and|but)\s+(?:the\s+|[A-Z])")
# a verb right after a clause's subject: "and the United States added", "but Moscow has
# said", "and Paris will"
_VERB_AFTER_SUBJECT = re.compile(r"\s+(?:also\s+|later\s+)?([a-z]+)\b")
# (a verb of its own time or a report; not "was": "and Senegal was shocked" may tell the
# same happening)
_OWN_CLAUSE_VERBS = frozenset(
    "has have will would said says added told replied answered announced warned insisted".split()
)


def _subject_and_verb(text: str, pos: int, mentions: Sequence[ActorMention]) -> bool:
    """Whether text[pos:] opens a coordinated clause with its own named subject and verb
    (", and the United States added that ..."): a clause of another happening, whose
    subject is no party of the act before it."""
    m = _NEW_CLAUSE_AFTER.match(text, pos)
    if m is None:
        return False
    subject = m.end() - 1 if text[m.end() - 1].isupper() else m.end()
    name = next((x for x in mentions if x.start == subject), None)
    if name is None:
        return False
    end = name.end
    if (pair := _AND_NAME.match(text, end)) is not None and (
        other := next((x for x in mentions if x.start == pair.end()), None)
    ) is not None:
        # "and Jamaica and Barbados have offered troops": two named subjects, one verb
        end = other.end
    verb = _VERB_AFTER_SUBJECT.match(text, end)
    return verb is not None and verb.group(1) in _OWN_CLAUSE_VERBS


# the second of two subjects joined by "and": "and Jamaica and Barbados have"
_AND_NAME = re.compile(r"\s+and\s+(?:the\s+)?")


_PREDICATE_START = re.compile(
    r"(?!(?:the|a|an|and|or|but|in|on|at|of|for|with|to|by|from|which|who|whose|that|as|while|"
    r"when|after|before|including|according|its|their|his|her)\b)[a-z]+\b"
)
# an appositive that is a relative clause or a bare title: "who chairs the bloc", "chairman
# of the committee", "China's senior vice-premier"
_WIDE_APPOSITIVE = re.compile(
    r"(?:who|whose)\s|[a-z]+(?:[ -][a-z]+)?\s+of\s+the\s"
    r"|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?['\u2019]s\s+[a-z]"
)
# a clause's date before its verb: "on Monday called", "yesterday said", "late on Friday signed"
_DATE_BEFORE_VERB = re.compile(
    r"(?:(?:late|early)\s+)?(?:on\s+[A-Z][a-z]+|yesterday|today|tonight|(?:last|this)\s+[a-z]+)\s+"
)


def _dated_predicate(text: str, pos: int) -> bool:
    """Whether a comma stretch starts with a date and then its verb ("on Monday called")."""
    m = _DATE_BEFORE_VERB.match(text, pos)
    return m is not None and _PREDICATE_START.match(text, m.end()) is not None


# "a former general", "another Pacific ally of Taipei", "once a colony", or an age: "Rabin, 71,"
# a clause inside an appositive: "acting head of state while Franco lies ill"
_INNER_CLAUSE = re.compile(r"\s(?:while|as|when|because|although|since|until|after|before)\s")
# ... also one opened by a quantifier, which describes a plural subject: "Three African
# Union envoys, all former presidents, met Abiy", "2,000 CSTO troops, most of them Russian,
# landed"
_APPOSITIVE = re.compile(
    r"(?:a|an|the|another|one of|once|formerly|long|then"
    r"|(?:all|both|most|many|some) of them|all|both)\s|\d{1,3},"
)
# "in neighbouring Senegal", "in northern Iraq" (before a country named as a venue)
_IN_REGION_OF = re.compile(
    r"\b(?:in|at)\s+(?:the\s+)?(?:neighbouring|neighboring|(?:north|south)-?(?:east|west)ern"
    r"|northern|southern|eastern|western|central)\s+$"
)
# after a state's possessive, what makes it the one who asked, not a place: "met at Russia's
# request", "landed at Lebanon's invitation"
_ASKED_FOR = re.compile(r"\s+(?:own\s+)?(?:request|invitation|behest|urging|insistence)\b")
_PLACE_WORDS = ("in ", "at ", "the ", "its ", "of ", "ear ", "off ", "ong ", "ver ", "In ", "At ")
# what the 24 characters before a place end with, ignoring case (_place_before)
_PLACE_BEFORE_WORDS = (  # (one leading \b for the four: half the work)
    r"\b(?:(?P<arrival>(?:arrived|arrives|arrive|arriving|landed|lands|land|landing)\s+"
    r"(?:in|at)\s+(?:the\s+)?$)"
    r"|(?P<sea>(?:gulf|sea|bay|strait)\s+of\s+$)"
    r"|(?P<near>(?:near|off|along|over)\s+(?:the\s+|its\s+)?$)"
    r"|(?P<on>on\s+(?:the\s+|its\s+)?$)"
    r"|(?P<at>(?:in|at)\s+(?:the\s+)?$))"
)
_PLACE_BEFORE = re.compile("(?i)" + _PLACE_BEFORE_WORDS)
_PLACE_BEFORE_LOWER = re.compile(_PLACE_BEFORE_WORDS)  # (its words are in lower case)


def _place_before(text: str, pos: int) -> re.Match[str] | None:
    """_PLACE_BEFORE.search(text, pos - 24, pos), as far as its groups go. A plain-ASCII
    stretch is lower-cased and searched without IGNORECASE, three times as fast (the
    character before it comes along, for the word boundary); only outside ASCII do other
    characters match a letter ignoring case ("\u0130", "\u017f", ...)."""
    lo = max(0, pos - 24)
    seg = text[lo - 1 if lo else 0 : pos]
    if not seg.isascii():
        return _PLACE_BEFORE.search(text, lo, pos)
    return _PLACE_BEFORE_LOWER.search(seg.lower(), 1 if lo else 0)


_BUILDING_AFTER = re.compile(r"\s+(?:headquarters|HQ|compound)\b")
_GEO_NOUN = re.compile(r"\s+(?:border|borders|coast|coasts|frontier|waters|shores?)\b")
_VERBAL = {"CONSULT", "AGREE", "STATEMENT", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN"}
# where a happening of these types takes place is no party to it: "a ceasefire agreed in
# Minsk", "aid pledged in Brussels"; an attack, a build-up or a protest in a place is there
_VENUE_TYPES = _VERBAL | {"CONCEDE", "COOPERATE", "AID", "RETREAT"}
_SOURCED = re.compile(r"(?i)\b(?:according to|citing|cited by)\s+(?:the\s+)?$")
_SOURCED_CUES = ("according to", "citing", "cited by")  # as _SOURCED: one in every match


def _sourced(text: str, start: int) -> bool:
    """_SOURCED.search(text, start - 20, start), cheaply (see _cued_search)."""
    return _cued_search(_SOURCED, _SOURCED_CUES, text, max(0, start - 20), start) is not None


_ORG_GAP = re.compile(r"(?:['\u2019]s?)?\s+(?:[A-Z][\w-]+\s+)?")  # "NATO's Bucharest summit"


def _body_before(text: str, pos: int, found: Sequence[ActorMention]) -> Actor | None:
    """The organisation named right before the word at `pos` ("NATO summit", "the EU's
    summit", "NATO's Madrid summit"), if any."""
    for m in reversed(found):
        if m.end <= pos:
            body = m.actors[0]
            if body.kind == "organisation" and _ORG_GAP.fullmatch(text, m.end, pos):
                return body
            return None
    return None


def _without_addressed_bodies(
    text: str, m_end: int, found: list[ActorMention]
) -> list[ActorMention]:
    """A state's own body named after the act as its object or its venue is not a party,
    only its state is: "told lawmakers", "asked the Supreme Court to annul the result",
    "was sworn in before the Constitutional Court", "dissolved the National Assembly"; but
    "was elected by parliament" (the body acts). So is one addressed before the act it is
    told of ("told the Knesset on Monday that Israel would withdraw", "In parliament, the
    minister said")."""
    out = found
    for i, m in enumerate(found):
        if (
            len(m.actors) == 2
            and m.actors[0].kind == "country"
            and m.actors[1].kind == "organisation"
            and (m.start >= m_end or _ADDRESSED.search(text, max(0, m.start - 14), m.start))
            and not _BY_BEFORE.search(text, max(0, m.start - 8), m.start)
        ):
            if out is found:
                out = list(found)
            out[i] = ActorMention(m.start, m.end, m.text, m.actors[:1], m.qualifiers)
    return out


_BY_BEFORE = re.compile(r"\bby\s+(?:the\s+)?$")
# a body told, asked or spoken to or in: "told the Commons", "a speech to the Knesset"
_ADDRESSED = re.compile(
    r"\b(?:told|addressed|briefed|informed|urged|asked|to|in|In)\s+(?:the\s+)?$"
)


@lru_cache(maxsize=1)
def _backer_regex() -> re.Pattern[str]:
    """A hyphen and a participle of resources/events/tie_participles.tsv: what follows a
    name that tells a thing's or a group's ties ("Iran-backed", "Greek-operated")."""
    return re.compile(r"-(?:" + _alternatives("tie_participles.tsv") + r")\b")


# ", the Swedish presidency said.": a body's rotating presidency reporting its act
_REPORTING_PRESIDENCY = re.compile(
    r"(?:\s+(?:EU|rotating|council))?\s+presidency(?:\s+of\s+the\s+[\w ]{2,40}?)?,?\s+"
    r"(?:said|says|announced|stated|reported)\s*[.;]?\s*$"
)


def _without_reporting_presidency(
    text: str, trig_end: int, sent_end: int, found: list[ActorMention]
) -> list[ActorMention]:
    """ "EU governments agreed sanctions against Russia, the Swedish presidency said": the
    state holding a body's rotating presidency, named only as who reports the body's act
    after it, is not a party to it (as a source cited with "according to" is not); the
    presidency acting itself ("the Czech EU presidency demanded") is."""
    if not any(m.actors[0].kind == "organisation" and m.end <= trig_end for m in found):
        return found
    return [
        m
        for m in found
        if not (
            m.start >= trig_end
            and m.actors[0].kind == "country"
            and text.endswith(", the ", max(0, m.start - 6), m.start)
            and _REPORTING_PRESIDENCY.match(text, m.end, sent_end)
        )
    ]


def _speaks_for_body(person: Actor, found: Sequence[ActorMention]) -> bool:
    """Whether `person` is named with the title of an organisation ("European Council
    President Donald Tusk", "NATO chief Jens Stoltenberg"): he acts for it, not for his
    country."""
    return any(
        person in m.actors and any(q.kind == "organisation" for q in _title_qualifiers(m))
        for m in found
    )


def _own_act(trig: Trigger) -> bool:
    """Whether the act is its doer's own, so that the state of a person's title does not
    come along: a visit or a call ("Pelosi visits Taiwan", "Biden-Putin phone call"; not a
    summit or a state visit, meetings of states), a warning, backing, congratulations or
    condolences ("Biden warns Russia in remarks to reporters": no United States), and a
    request, an accusation or a refusal in words ("Polish Prime Minister Donald Tusk
    rejected the proposal": no Poland; round 60q). Not an
    act of authority ("authorises"), a recognition, an offer of help or an agreement,
    which the state makes, nor a state's act. (The rows flagged "own" in triggers.tsv.)
    A person's own act that is no state's (a resignation, a defection, a visit cut short,
    a death: the rows flagged "personal", not "state") is his own too ("Serbia's prime
    minister, Milos Vucevic, resigned": no Serbia). A diplomatic act flagged "own" (an
    expulsion, ties cut, an envoy recalled, an embassy shut) is its doer's own too, though
    material: it brings no state (_brings_the_state; round 60s)."""
    return (trig.own and not trig.between_states and not _brings_the_state(trig)) or (
        trig.personal and not trig.state_act
    )


@lru_cache(maxsize=1)
def _body_subject_regex() -> re.Pattern[str]:
    """_BODY_SUBJECT with its words grouped under their first letter ("[Cc](?:abinet|ouncil
    |...)|[Gg](?:overnment)|..."): the engine tries a dozen letters at each word's start
    instead of some fifty words, twice as fast. The same places match (at a place, the
    words that fit are the same whatever their order; _acts_for_state and
    _title_states_of_own_act ask only whether one does). _BODY_SUBJECT itself when one of
    its words is not written "[Xx]..."."""
    words = _BODY_SUBJECT.pattern.removeprefix(r"\b(?:").removesuffix(r")\b").split("|")
    rests: dict[str, list[str]] = {}
    for word in words:
        head = word[:4]
        if not re.fullmatch(r"\[[A-Z][a-z]\]", head) or head[1].lower() != head[2]:
            return _BODY_SUBJECT
        rests.setdefault(head, []).append(word[4:])
    heads = "|".join(f"{head}(?:{'|'.join(rest)})" for head, rest in rests.items())
    return re.compile(rf"\b(?:{heads})\b")


@lru_cache(maxsize=1)
def _speaking_role_regex() -> re.Pattern[str]:
    """A role of resources/events/speaking_roles.tsv: its holder speaks for his state."""
    return re.compile(r"(?i)\b(?:" + _alternatives("speaking_roles.tsv") + r")\b")


def _title_states_of_own_act(
    text: str,
    clause: tuple[int, int],
    start: int,
    trig: Trigger,
    found: Sequence[ActorMention],
    mentions: Sequence[ActorMention],
    spelled: dict[str, bool],
) -> set[Actor]:
    """The states that are on an act of a person's own (_own_act) only through the title
    of the person named ("Israeli Prime Minister Benjamin Netanyahu welcomed the decision",
    "US Secretary of State Antony Blinken arrived in Kabul"): by the owner's convention a
    person acting does not bring along the state he serves. A state the text names as a
    party stays ("Netanyahu welcomed the Israeli cabinet's decision"), as does one whose
    body is the title's ("CIA Director William Burns") or whose spokesman, ambassador or
    envoy speaks (speaking_roles.tsv), and, as for a lone official's act (_acts_for_state),
    one whose unnamed body is the clause's subject or whose official the article spells
    otherwise than his canonical name."""
    if not _own_act(trig) or _body_subject_regex().search(text, clause[0], start) is not None:
        return set()
    titled: set[Actor] = set()
    for m in found:
        if (
            not m.qualifiers
            or not all(a.kind == "person" for a in m.actors)
            or not all(q.kind == "country" for q in m.qualifiers)
            or _speaking_role_regex().search(m.text) is not None
        ):
            continue
        if not _spelled_otherwise_once(m.actors[0], mentions, spelled):
            titled.update(m.qualifiers)
    if titled:
        titled.difference_update(a for m in found for a in _parties(m))
    return titled


def _title_qualifiers(m: ActorMention) -> tuple[Actor, ...]:
    """The qualifiers a person's title brings, less a body that is part of another one,
    named after it ("CIA Director William Burns": CIA, United States; "KGB chairman",
    "European Commission President"): the official speaks for the state or the larger
    body, as "State Department spokesman Ned Price" speaks for the United States."""
    quals = m.qualifiers
    if len(quals) < 2 or quals[0].kind != "organisation":
        return quals
    if all(a.kind != "person" for a in m.actors):
        return quals
    last = len(quals) - 1
    return tuple([q for i, q in enumerate(quals) if i == last or q.kind != "organisation"])


# "in Granada, " before a country: a capitalised place after "in"/"at" and a comma
_UNKNOWN_TOWN_BEFORE = re.compile(
    r"\b(?:in|at|near|outside)\s+(?:[A-Z][\w'’.-]+\s+){0,2}[A-Z][\w'’.-]+,\s$"
)


# an organisation's gathering named as where another act happens: "at a summit of the
# Eurasian Economic Union", "at a meeting of CSCE foreign ministers", "at the G20 summit"
_GATHERING_OF_BEFORE = re.compile(
    r"\b(?:at|during|on the sidelines of)\s+(?:a|an|the|its|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:summit|meeting|conference|session)\s+of\s+(?:the\s+)?$"
)
_AT_THE_BEFORE = re.compile(r"\b(?:at|during)\s+(?:a|an|the)\s+$")
_GATHERING_AFTER = re.compile(r"\s*(?:summit|meeting|conference|session)\b")


@lru_cache(maxsize=1)
def _topic_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """resources/events/topic_phrases.tsv: the words a topic follows, and the words that
    close a topic opened by "with"."""
    rows = list(_rows("topic_phrases.tsv"))

    def words(kind: str) -> str:
        return _alternation(w for k, w in rows if k == kind).replace(r"\ ", r"\s+")

    after = re.compile(r"\b(?:" + words("after") + r")\s+[^,;:]*")
    agenda = re.compile(r"\bwith\s+(?:(?!\bwith\b)[^,;:])*?\b(?:" + words("agenda") + r")\b")
    return after, agenda


@lru_cache(maxsize=1)
def _topic_cues() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The longest word of each form of the two kinds of _topic_regexes: every match holds
    one of its kind's as written (the patterns match case-sensitively)."""
    rows = list(_rows("topic_phrases.tsv"))

    def cues(kind: str) -> tuple[str, ...]:
        return tuple(sorted({max(w.split(), key=len) for k, w in rows if k == kind}))

    return cues("after"), cues("agenda")


def _topic_spans(text: str, clause: tuple[int, int]) -> list[tuple[int, int]]:
    """Where a meeting's clause tells its topic: "to discuss X", "dominated by X", "with X
    at the top of the agenda" (resources/events/topic_phrases.tsv). (A pattern runs only
    over a clause that holds a cue of its forms, _topic_cues: most hold none.)"""
    after, agenda = _topic_regexes()
    after_cues, agenda_cues = _topic_cues()
    seg = text[clause[0] : clause[1]]
    spans = []
    if any(c in seg for c in after_cues):
        spans = [m.span() for m in after.finditer(text, *clause)]
    if "with" in seg and any(c in seg for c in agenda_cues):
        spans += [m.span() for m in agenda.finditer(text, *clause)]
    return spans


def _without_topics(
    text: str, clause: tuple[int, int], trig_at: int, found: list[ActorMention]
) -> list[ActorMention]:
    """ "gathered for a summit ... with Russia's war in Ukraine at the top of the agenda":
    the names inside a meeting's topic after its trigger are what it takes up, not who
    meets; `found` without them, unless nobody else is named."""
    spans = [s for s in _topic_spans(text, clause) if s[0] >= trig_at]
    if not spans:
        return found
    kept = [m for m in found if not any(a <= m.start < b for a, b in spans)]
    return kept or found


def _without_venues(
    text: str, trig: Trigger, found: list[ActorMention], trig_at: int
) -> list[ActorMention]:
    """A country (or an organisation's seat, "Brussels") named as where something happens
    is a venue, not a party: "reached an agreement in Vienna", "a meeting in Brussels"
    (words and meetings), "near the Syrian border", "in the Gulf of Oman" (any act); but
    not "near Ukraine's borders", where a build-up aims. A visit's destination stays: it is
    the host. So is an organisation whose gathering is where an act other than the
    gathering happens (`trig_at`: where the act's trigger starts)."""
    # a state's own act (an election, a referendum) is the state's where it is held
    venue = "visits" not in trig.label and not trig.state_act and trig.type in _VENUE_TYPES
    kept = []
    dropped = -1  # end of the last venue dropped
    sourcing = not _absent(text, _SOURCED_CUES)  # (most articles cite no source)
    for m in found:
        if sourcing and _sourced(text, m.start):
            continue  # "according to the United Nations": who reports it, not who acts
        if (
            m.start == dropped + 2
            and text.startswith(", ", dropped)
            and m.actors[0].kind == "country"
            and not _verb_after(text, m.end)  # "In Lisbon, Portugal broke off": the subject
        ):
            dropped = m.end
            continue  # "in Nuuk, Greenland": the venue's own country is the venue too
        if (
            m.actors[0].kind == "organisation"
            and (
                _GATHERING_OF_BEFORE.search(text, max(0, m.start - 50), m.start)
                or (
                    _AT_THE_BEFORE.search(text, max(0, m.start - 12), m.start)
                    and _GATHERING_AFTER.match(text, m.end)
                )
            )
            and not _GATHERING_AFTER.match(text, trig_at)
        ):
            # "will meet Putin at a summit of the Eurasian Economic Union", "call off the
            # meeting at the G20 summit": the gathering is where another act happens (not
            # when the gathering is the act itself: "the G20 summit opens on Friday")
            continue
        if (
            m.actors[0].kind == "country"
            and text.startswith(", ", m.start - 2)
            and venue
            and _UNKNOWN_TOWN_BEFORE.search(text, max(0, m.start - 40), m.start)
        ):
            dropped = m.end
            continue  # "at a summit in Granada, Spain": a town the gazetteer does not know
        if (
            text.endswith(_PLACE_WORDS, max(0, m.start - 5), m.start)
            and all(a.kind != "person" for a in m.actors)
            and (
                m.actors[0].kind == "country"
                # a body's seat named as its city ("in Brussels"), not the body by another
                # of its names ("in the Security Council", "at the United Nations")
                or (m.text != m.actors[0].name and " " not in m.text and not m.text.isupper())
                # a body's building ("at UN headquarters", "in the NATO compound"):
                # where it happens, as a city is
                or _BUILDING_AFTER.match(text, m.end) is not None
            )
            and not text.startswith(_POSSESSIVE[:2], m.end)  # "at Washington's request"
            and not (m.text.endswith(_POSSESSIVE[:2]) and _ASKED_FOR.match(text, m.end))
            # "the military government in Athens denied": the state it governs from
            and not _RULERS_IN.search(text, max(0, m.start - 30), m.start)
        ):
            place = _place_before(text, m.start)
            near = place is not None and place.group("near") and _GEO_NOUN.match(text, m.end)
            # "met on the Belarusian border": where words and meetings happen (but troops
            # massed on the Ukrainian border aim at Ukraine)
            on_edge = (
                venue
                and place is not None
                and place.group("on")
                and _GEO_NOUN.match(text, m.end) is not None
            )
            if place is not None and (
                place.group("sea") or near or on_edge or (venue and place.group("at"))
            ):
                dropped = m.end
                continue  # but "arrived in Taipei" (group "arrival"): the host
        elif (
            m.actors[0].kind == "country"
            and text.endswith(("ing ", "ern ", "ral "), max(0, m.start - 4), m.start)
            and (venue or text.endswith("ing ", max(0, m.start - 4), m.start))
            and _IN_REGION_OF.search(text, max(0, m.start - 40), m.start)
        ):
            dropped = m.end
            # "in northern Iraq": where words and meetings happen; "in neighbouring Senegal":
            # where anything happens, another state than the one acting
            continue
        kept.append(m)
    return kept  # only venues: nobody named takes part ("ministers agreed in Vienna")


_REPORTED_SUBJECT = 25  # characters between "that" and the reported clause's subject
# words that show the reported clause began before a name: its subject pronoun or verb
_CLAUSE_OPENERS = frozenset(
    "he she it they we i you had has have would will was were is are could should "
    "might must may can did does do".split()
)


@lru_cache(maxsize=1)
def _origin_regex() -> re.Pattern[str]:
    """A verb of travel or transport (resources/events/motion_verbs.tsv), up to four words,
    then "from" ("the" optional) just before a name."""
    verbs = _alternatives("motion_verbs.tsv")
    return re.compile(
        rf"\b(?:{verbs})\b(?:\s+(?!from\b)[\w'\u2019-]+){{0,4}}?\s+from\s+(?:the\s+)?$"
    )


def _without_origins(text: str, found: list[ActorMention]) -> list[ActorMention]:
    """A state named as where a movement starts is a point of departure, not a party:
    "commandos flown in from Afghanistan stormed the compound", "an airliner flying from
    Amsterdam was shot down", "the resignation he sent from Japan". Withdrawals (the state
    left is acted on) and visits are left to their own rules; when the departure is all
    the clause names, it stays."""
    kept = [
        m
        for m in found
        if not (
            m.actors[0].kind == "country"
            and text.find("from ", max(0, m.start - 10), m.start) >= 0
            and _origin_regex().search(text, max(0, m.start - 60), m.start)
        )
    ]
    return kept or found


# a clause of another time after the act and its date: "..., a day after", "two weeks
# before", and the time frames another happening opens or closes, "since ...", "until ..."
# (round 49a; a cheap test first: most sentences have none of the words)
_OTHER_TIME_CLAUSE = re.compile(r"\s(?:after|before|since|until|till)\s")
# a name after "from"/"by" (up to three title words between): who pressed for or brokered
_FROM_WHOM = re.compile(r"\s(?:from|by)\s+(?:the\s+)?(?:[A-Z][\w.]*\s+){0,3}$")
# the noun of a happening, then "with" and whom ("a fight with", "a final meeting with the",
# "talks with"), up to where the name starts, right after the after/before cue
_WITH_WHOM = re.compile(
    r"(?:(?:a|an|the|his|her|its|their)\s+)?(?:[a-z]+\s+)?[a-z]+\s+with\s+"
    r"(?:(?:the|a|an)\s+)?(?:[\w.-]+\s+){0,3}$"
)


def _meets_another_party(trig: Trigger, person: Actor, actors: Sequence[Actor]) -> bool:
    """A person who meets, calls or visits another person or state does so in person: the
    owner's "Blinken speaks with NATO chief Stoltenberg" and "Biden-Putin phone call" list
    no state of theirs, nor do "Biden visits Vilnius" or "Nixon visits Peking". A summit
    or state visit is a meeting of states (between_states). (Since round 47b a lone
    official's words and meetings bring no state of his anyway, _acts_for_state: this
    still holds where a body of the state or a spelling keeps it.)"""
    if trig.type != "CONSULT" or trig.between_states:
        return False
    others = [a for a in actors if a != person and a.name != person.affiliation]
    return bool(others) and all(a.kind in ("person", "country") for a in others)


def _acts_for_state(
    text: str,
    clause: tuple[int, int],
    start: int,
    trig: Trigger,
    person: Actor,
    mentions: Sequence[ActorMention],
    spelled: dict[str, bool],
) -> bool:
    """Whether a lone official's act brings his own side, by the owner's convention: a
    person acting does not bring his state ("Biden warns Russia in remarks to reporters":
    Joe Biden, Vladimir Putin, Russia, Ukraine; no United States), a state the text makes a
    party does. A body he belongs to that is no state stays: a rebel leader or a UN chief
    speaks for it ("the Houthi leader said", as "NATO chief Stoltenberg"). The state is a
    party when
    - the act is material: a leader's seizure, strike, sanction or deployment is his
      state's ("Putin seized the Crimea region": Vladimir Putin, Russia, Ukraine);
    - it is a protest: its doers are the state's crowds, the person named is what they
      protest against ("protests against Bashir's rule broke out");
    - an unnamed body or crowd of the state is the subject of the act's clause ("Chiari's
      cabinet is due to meet", "the ministers will meet"): it acts, not the person.
    And, so that the event keeps a side its article names as it spells it, when the
    article spells the person otherwise than his canonical name ("Lenin Moreno" for
    Lenín Moreno, "Nimeiri" for Nimeiry): the person listed is not the article's (read
    once per person and article: `spelled`)."""
    if _brings_the_state(trig) and not _suffers(text, clause, start, trig, person, mentions):
        return True
    return _state_kept(text, clause, start, person, mentions, spelled)


def _suffers(
    text: str,
    clause: tuple[int, int],
    start: int,
    trig: Trigger,
    person: Actor,
    mentions: Sequence[ActorMention],
) -> bool:
    """Whether the person suffers the material act rather than does it, so that it brings no
    state of his (by the owner's convention the victim is a party, his state only where the
    text names it or a body of it acts: _state_kept): the passive's subject ("Kennedy was
    shot dead in Dallas", "Navalny was arrested at the airport") or the act's object with
    nobody named before it ("gunmen killed Ambassador Stevens", "the arrest of Navalny").
    Not a passive whose doer is a body of the state ("was arrested by police"), nor an
    object after "by" (its agent: "an attack ordered by Putin"), nor a release (CONCEDE:
    "Sisulu was freed" is the holding state's concession, which the convention lists), a
    protest or a state's own act (_brings_the_state reads those as the state's whoever is
    named). Round r60x."""
    if trig.type in ("PROTEST", "CONCEDE") or trig.state_act:
        return False
    in_clause = [m for m in mentions if clause[0] <= m.start and m.end <= clause[1]]
    before = [m for m in in_clause if m.end <= start]
    if before:
        m = before[-1]
        if person not in m.actors:
            return False
        word = text[start : start + 40].split(None, 1)
        if not word or not _participle(word[0].lower()):
            return False
        if _PASSIVE_AUX.search(text, max(m.end, start - 24), start) is None:
            return False
        if not _subject_of(text, m, start, False):
            return False
        rest = text[start : start + 80]
        by = rest.find(" by ")
        if by >= 0 and _body_subject_regex().search(_by_words(text, start + by)) is not None:
            return False
        return True
    after = [m for m in in_clause if m.start > start]
    if not after or person not in after[0].actors:
        return False
    between = text[start : after[0].start]
    return (
        " by " not in between
        and len(between.split()) <= 8
        and _CLAUSE_BETWEEN.search(between) is None
    )


def _state_kept(
    text: str,
    clause: tuple[int, int],
    start: int,
    person: Actor,
    mentions: Sequence[ActorMention],
    spelled: dict[str, bool],
) -> bool:
    """_acts_for_state's guards, whatever the act: the person's side is a body that is no
    state ("the Houthi leader"), an unnamed body of the state is the subject of the act's
    clause, or the article spells the person otherwise than his canonical name."""
    if person.affiliation and _side(person.affiliation).kind != "country":
        return True
    if _body_subject_regex().search(text, clause[0], start) is not None:
        return True
    return _spelled_otherwise_once(person, mentions, spelled)


def _brings_the_state(trig: Trigger) -> bool:
    """Whether the act is its state's whoever does it: a state's own act (an election, a
    decree), a material one (a seizure, strike, sanction or deployment) or a protest (the
    state's crowds). Taking office is not one (_takes_office), nor a person's escape or
    return from exile (_moves_alone), nor any other act of a person's own (the rows
    flagged "personal": a resignation, a defection, going into hiding; by the owner's
    convention the person is its party, his state only where the text makes it one), nor a
    diplomatic act flagged "own" (an expulsion, ties cut, an envoy recalled, an embassy
    shut: "Ecuador's President Rafael Correa expelled Colombia's ambassador" lists no
    Ecuador, "Mexico broke off relations" keeps Mexico; round 60s)."""
    return (
        (trig.state_act and not _takes_office(trig))
        or trig.type == "PROTEST"
        or (
            lexicon().quad[trig.type].startswith("material")
            and not _moves_alone(trig)
            and not trig.personal
            and not trig.own
        )
    )


def _moves_alone(trig: Trigger) -> bool:
    """Whether the act is a person's own movement: an escape ("escaped an assassination
    attempt") or a return from exile ("came back from exile in Mozambique"). By the owner's
    convention the person is its party, his state only where the text names it; a flight
    keeps its own test (_flees_for_himself: a sitting leader's flight is his state's). (The
    rows flagged "alone" in triggers.tsv.)"""
    return trig.alone


def _takes_office(trig: Trigger) -> bool:
    """Whether the act is a person's taking office ("was sworn in", "took office", "became
    prime minister", "returned to power"): by the owner's convention the person is its
    party, his state only where the text names it ("sworn in as president of Peru") or
    makes it act (_acts_for_state: a body of the state as the clause's subject). (The rows
    flagged "office" in triggers.tsv.)"""
    return trig.office


@lru_cache(maxsize=1)
def _power_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A verb of coming to power (resources/events/power_verbs.tsv) with up to eight words
    of its object, up to where the act's word stands ("won a disputed third term in an
    October 2020 [election]", "seized power in a bloodless [coup]": searched up to the
    trigger, no clause bound between); and the verb opening the trigger itself ("[won the
    presidency]", "[seized power]")."""
    verbs = _alternatives("power_verbs.tsv").replace(r"\ ", r"\s+")
    return (
        re.compile(rf"\b(?:{verbs})\b(?:\s+[^\s,;:]+){{0,8}}?\s+$"),
        re.compile(rf"(?:{verbs})\b"),
    )


# between a person named and his verb of coming to power: an apposition ("Condé, 83,"),
# "who", an auxiliary or an adverb; not a verb of its own ("Allende had governed since
# narrowly winning", "He pushed through a new constitution ... and won")
_TO_POWER_GAP = re.compile(
    r"(?:\s*,[^,;:]{1,60},)?\s*(?:who\s+)?(?:(?:had|has|have|first|narrowly|easily|also|then"
    r"|later|comfortably|again)\s+)*"
)


def _to_power_himself(
    text: str,
    clause: tuple[int, int],
    m_start: int,
    trig: Trigger,
    person: Actor,
    found: Sequence[ActorMention],
) -> bool:
    """Whether the state's act is the person's coming to power, he the subject of a verb of
    winning or seizing power (power_verbs.tsv) that is the trigger or whose object holds it:
    "Condé won a disputed third term in an October election", "Pashinyan swept a snap
    election", "Mobutu seized power in a 1965 coup", "Ben Ali took power in 1987". As
    taking office (_takes_office), it is his own: by the owner's convention his state comes
    along only where the text names it or makes it act (_state_kept). Not an election he
    speaks of ("said elections would go ahead", "would boycott the parliamentary election":
    the state's), nor a coup done to him ("Aristide was overthrown by the army"), nor a win
    the state's authority declares ("was declared the winner of the vote")."""
    if not trig.state_act:
        return False
    object_of, opening = _power_regexes()
    verb = opening.match(text, m_start) or object_of.search(text, clause[0], m_start)
    if verb is None:
        return False
    before = [m for m in found if m.end <= verb.start()]
    return (
        bool(before)
        and person in before[-1].actors
        and _TO_POWER_GAP.fullmatch(text, before[-1].end, verb.start()) is not None
    )


def _spelled_otherwise(person: Actor, mentions: Sequence[ActorMention]) -> bool:
    """Whether some mention of `person` spells a word of his name otherwise than his
    canonical name does: with or without accents, one letter apart ("Massimov" for
    Masimov), in two parts ("Bani-Sadr" for Banisadr), or with his initials run together
    ("A.N.R. Robinson" for A. N. R. Robinson, "K.P. Sharma Oli" for KP Sharma Oli); titles
    and other words of the mention are left aside."""
    words = set(person.name.replace("-", " ").split())
    seen = set(words)  # (each word read once: most mentions repeat a name or a title)
    folded: set[str] | None = None
    name = person.name
    for m in mentions:
        acts = m.actors
        if len(acts) == 1 and acts[0].name != name:
            continue  # (another actor, told by its name: most mentions name one actor, and
            # Actor's == compares every field, in Python. Same answer as the test below.)
        if person not in acts:
            continue
        mention = m.text.replace("-", " ")
        if "-" in m.text:  # (and each hyphened word joined)
            mention += " " + " ".join(w.replace("-", "") for w in m.text.split() if "-" in w)
        for word in mention.split():
            w = word.strip(".,").removesuffix("'s").removesuffix("\u2019s")
            if w in seen or not w[:1].isupper() or w[:-1] in words and w[-1] == "s":
                continue  # (nor a possessive that lost its apostrophe: "Mr Putins arrest")
            seen.add(w)
            if folded is None:
                folded = {_folded(n) for n in words}
            if _folded(w) in folded or any(_one_edit(w, n) for n in words):
                return True
            if "." in w and w.replace(".", "") == _initials(person.name):
                return True  # initials written together: "A.N.R. Robinson", "K.P. Sharma Oli"
    return False


def _spelled_otherwise_once(
    person: Actor, mentions: Sequence[ActorMention], spelled: dict[str, bool]
) -> bool:
    """_spelled_otherwise, read once per person and article (`spelled` keeps the answers)."""
    if (otherwise := spelled.get(person.name)) is None:
        otherwise = spelled[person.name] = _spelled_otherwise(person, mentions)
    return otherwise


def _initials(name: str) -> str:
    """The initials a name opens with, run together: "A. N. R. Robinson" and "KP Sharma
    Oli" -> "ANR", "KP"."""
    out = ""
    for word in name.split():
        letters = word.replace(".", "")
        if not (letters.isalpha() and letters.isupper() and len(letters) <= 3):
            break
        out += letters
    return out


def _one_edit(a: str, b: str) -> bool:
    """Whether two words of four letters or more, with the same first two, are one edit
    apart (a letter changed, added or dropped): "Nimeiri" and "Nimeiry"."""
    if len(a) < 4 or abs(len(a) - len(b)) > 1 or a[:2] != b[:2]:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k in range(len(short)) if short[k] != long[k]), len(short))
    return short[i:] == long[i + 1 :]


def _without_other_time_clause(
    text: str, start: int, found: list[ActorMention]
) -> list[ActorMention]:
    """A party named only in a clause of another time after the act and its date (from
    `start`) is that happening's, not this one's: "the strikes began on Wednesday, a day
    after the secretary general, Solana, ordered them" (Solana acts the day before); so is
    one of the happening that opens or closes a time frame ("the first talks since Russia's
    invasion of Ukraine", "will stay in office until Suleiman takes over"). Who brokered
    the act or pressed for it stays ("after talks brokered by Qatar", "after an ultimatum
    from General Naguib"); so does everything when the act keeps no party of its own.
    When it keeps one, whom a clause of another time names goes too ("He was sworn in on
    Monday after his predecessor, Huong, stepped aside": Minh alone; round 49a), but not
    whom a happening named by a noun is with ("took the island a day later after a fight
    with 22 Royal Marines", "will fly home after a final meeting with the president": who
    fought or met them is in the act, as in round 46's "a lone party's act is often told
    by whom it answers"). The broker stays only after "after" (the act is what the brokered
    talks brought about): a deal brokered before, until or since the act is a happening
    of its own ("fought until a truce brokered by Qatar", "before he called it off under a
    deal brokered by Lukashenko", "before it could expect more help from the IMF"; round
    60e)."""
    kept = []
    cues = []
    for m in found:
        cue = _OTHER_TIME_CLAUSE.search(text, start, m.start) if m.start > start else None
        if (
            cue is None
            or text.startswith(" after", cue.start())
            and (
                _BROKERED.search(text, cue.end(), m.start) is not None
                or _FROM_WHOM.search(text, cue.end(), m.start) is not None
            )
        ):
            kept.append(m)
        else:
            cues.append((cue, m))
    if len(kept) >= 2:
        return kept
    if not kept:
        return found
    # a lone party of its own: whom the noun of a happening is with stays
    kept += [m for cue, m in cues if _WITH_WHOM.match(text, cue.end(), m.start)]
    return sorted(kept, key=lambda m: m.start)


# a clause of what went on meanwhile, after the act: "as the mediators flew to Belgrade",
# "while he was on a state visit to Brazil", "while on a visit to East Germany": its subject
# (up to five words) and its verb; not "as soon as", "as part of", "as president"
_WHILE_CUE = re.compile(r"\s(?:as|while|whilst)\s")
_WHILE_CLAUSE = re.compile(
    r"\s(?:while|whilst)\s+(?:on|in|at|visiting)\s"
    # ("as" alone opens a happening beside the act: not the second of "as soon as", "as
    # long as", "as well as", "such as")
    r"|\s(?:(?<!\bsoon\s)(?<!\blong\s)(?<!\bwell\s)(?<!\bmuch\s)(?<!\bfar\s)(?<!\bsuch\s)"
    r"(?<!\bso\s)(?P<as>as)|as|while|whilst)"
    r"\s+(?!(?:soon|long|well|much|many|far|part|if|though|a|an)\b)"
    r"(?:(?!(?:of|and|or|that|which|who)\b)[\w'\u2019.-]+\s+){1,5}?"
    r"(?P<verb>was|were|is|are|had|has|have|did|does|would|will|could|[a-z]{3,}ed|flew|fled"
    r"|went|came|took|began|fought|[a-z]{3,}(?:ss|sh|ch)es)\b"
)
# the verbs of a state the act may catch its subject in ("while Obote was abroad", "as
# the army was preparing"), not of a happening of its own
_STATE_VERBS = frozenset(
    {"was", "were", "is", "are", "had", "has", "have", "did", "does", "would", "will", "could"}
)


def _without_while_clause(
    text: str, start: int, end: int, found: list[ActorMention]
) -> list[ActorMention]:
    """A party named only after the verb of a clause of what went on meanwhile, past the
    act and its date (from `start` to the sentence's `end`), is that happening's:
    "declared that the hour of Europe had dawned as the mediators flew to Belgrade" (no
    Yugoslavia), "was deposed while he was on a state visit to Brazil" (no Brazil). The
    clause's subject stays, as whom the act catches at that moment ("seized power while
    President Obote was preparing to fly home"); so does everything when the act would
    keep no party of its own. But an "as" clause whose subject does something of its own,
    told in the past, is a happening beside the act, and its subject is that happening's
    too: "suspended the party as Gorbachev looked on", "proclaimed a state of emergency as
    Chinese troops pushed deeper into India", "met his security council as the United
    States prepared for action" (round 60e; "as X was preparing" is a state, as with
    "while")."""
    cue = _WHILE_CLAUSE.search(text, start, end)
    if cue is None:
        return found
    cut = cue.end()
    if (
        cue.group("as") is not None
        and (verb := cue.group("verb")) not in _STATE_VERBS
        and _past_verb(verb)
    ):
        cut = cue.end("as")  # the subject too: a happening of its own
    kept = [m for m in found if m.start < cut]
    return kept if any(m.end <= cue.start() for m in kept) else found


# "after", "before", "since", "until" opening a clause of another time, the subject after
# it: "tightened their blockade after Hamas seized the strip", "after Soviet troops entered";
# and "that" opening what a speaker reports ("said on Thursday that Oslo had told Moscow")
_TIME_CLAUSE_OPENER = re.compile(
    r"\s(?:after|before|since|until|that)\s+(?=[A-Z]|the\s|an?\s"
    # (or a modifier or two: "after former Prime Minister Hariri", not a pronoun)
    r"|(?!(?:he|she|it|they|we|you|his|her|its|their|this|these|those|there|then)\b)"
    r"[a-z]+\s+(?:[a-z]+\s+)?[A-Z])"
)
# what may stand between the opener and a named subject: a determiner and up to two
# modifiers ("after the Islamist fighters of", "after Soviet")
_TIME_CLAUSE_LEAD = re.compile(r"(?:(?:the|an?)\s+)?(?:[\w'\u2019-]+\s+){0,2}?(?:of\s+)?")
_TIME_CLAUSE_END = re.compile(r"[,;]|\s[\u2014\u2013-]\s")
_NAME_GOES_ON = frozenset(f" {c}" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
_BACK_REFERENCE = re.compile(r"\b(?:its|their|them|him|her)\b")
# the subject's verb, after up to two words of it ("Hamas seized", "Soviet troops entered",
# "Abdallah was shot"), an auxiliary or a past form: each word in turn (_clause_verb)
_CLAUSE_WORD = re.compile(r"\s+([a-z]+)\b")
_CLAUSE_AUXILIARIES = frozenset({"has", "have", "had", "was", "were", "is", "are", "will", "would"})
# the names of a second subject after "and" ("and Fatah", "and their allies")
_JOINED_SUBJECT = re.compile(r"(?:\s+[A-Z][\w'\u2019.-]*)*")
_NOT_SUBJECT_WORDS = frozenset({"and", "or", "of", "in", "on", "at", "to", "the"})
# a passive after the auxiliary: "had been dissolved", "was expelled" (its doer unnamed)
_PASSIVE_AFTER = re.compile(r"\s+(?:been\s+)?[a-z]+(?:ed|en)\b|\s+been\b")


@lru_cache(maxsize=1)
def _reported_that() -> re.Pattern[str]:
    """A verb or noun of speech (triggers.tsv's "{source} remarks" forms) in the comma
    stretch right before a "that": "said on Thursday that", "told the delegates that"."""
    forms = _alternation(
        f for f, t in lexicon().triggers.items() if t.label == _REMARKS_LABEL and t.needs is None
    )
    return re.compile(rf"\b(?:{forms})\b[^,;:]{{0,60}}\Z")


def _without_main_clause(
    text: str, clause: tuple[int, int], act: int, found: list[ActorMention]
) -> list[ActorMention]:
    """A happening told in a clause of time with its own named subject ("Israel and Egypt
    tightened their blockade after Hamas seized the strip in June 2007", "France sent its
    jets after Islamist fighters overran Konna on Thursday") is that subject's: who the
    main clause before "after" ("before", "since", "until") names does not take part in
    it; `act` is where the act and its date start, both inside the clause of time. So is
    a happening a speaker reports after "that", with a subject of its own: "Norway's
    foreign minister said on Thursday that Oslo had told Moscow about the launch on Dec.
    21" is Norway's and Russia's, not the minister's; but not a passive ("he disclosed
    that the assembly had been dissolved on Jan. 4": the speaker may be its doer). The
    subject may follow a modifier or two ("after former Prime Minister Rafik Hariri was
    killed"), hold a noun of its own before its verb ("after Soviet troops entered") or a
    second subject ("after fighters of Ansar Dine and their allies overran"); a back
    reference to the main clause is looked for in the time clause only, up to its comma
    ("after Marcos declared martial law and spent years in prison, where a court sentenced
    him": "him" is the main clause's own; round 60e)."""
    cue = None
    for m in _TIME_CLAUSE_OPENER.finditer(text, clause[0], act):
        if text.startswith(" that", m.start()) and not _reported_that().search(
            text, max(clause[0], m.start() - 80), m.start()
        ):
            continue  # "the demands that Bush set out": a relative, its noun the object
        cue = m
    if cue is None:
        return found
    kept = [m for m in found if m.start >= cue.end()]
    if not kept or kept[0].start > act:
        return found
    if (lead := _TIME_CLAUSE_LEAD.fullmatch(text, cue.end(), kept[0].start)) is None or any(
        map(_past_verb, lead.group().split())
    ):
        return found  # (not a verb before the name: "that he met Putin", "after troops took")
    verb = _clause_verb(text, kept[0].end, clause[1])
    if verb is None:
        return found  # "before the National Assembly's committee", "since Lee's visit"
    stop = _TIME_CLAUSE_END.search(text, max(verb.end(), act), clause[1])
    if text[kept[0].end : kept[0].end + 2] in _NAME_GOES_ON or _BACK_REFERENCE.search(
        text, verb.end(), stop.start() if stop is not None else clause[1]
    ):
        # "since the Berlin Wall was built": the name qualifies the subject; "after Cairo
        # demanded its removal": the clause refers back to whom the main clause names
        return found
    if (
        verb.group(1) in _CLAUSE_AUXILIARIES
        and text.startswith(" that", cue.start())
        and _PASSIVE_AFTER.match(text, verb.end())
    ):
        return found
    return kept


def _clause_verb(text: str, start: int, end: int) -> re.Match[str] | None:
    """The verb of a clause whose named subject ends at `start`: an auxiliary or a past
    form, right after the name or after up to two more words of the subject ("Hamas
    seized", "Soviet troops entered", "Vietnamese forces captured"), or after a second
    subject joined by "and" ("Ansar Dine and their allies overran"); None when a word that
    no subject holds comes first ("since Lee's visit", "after talks with Milosevic on").
    (Each word is tried in turn: one pattern with an optional run of subject words stops
    at the first word after the name, "troops", and never reaches the verb.)"""
    pos = start
    words = 3
    joined = False
    while words:
        word = _CLAUSE_WORD.match(text, pos, end)
        if word is None:
            return None
        w = word.group(1)
        if w in _CLAUSE_AUXILIARIES or _past_verb(w):
            return word
        if w == "and" and not joined:
            joined = True  # a subject of two: "Ansar Dine and their allies overran"
            words = 3
            pos = _JOINED_SUBJECT.match(text, word.end(), end).end()
            continue
        if w in _NOT_SUBJECT_WORDS:
            return None
        pos = word.end()
        words -= 1
    return None


# a participle clause of consequence set off by a comma after the act: ", leaving the
# Yugoslav federation facing its gravest crisis", ", ending 24 years of rule by ...", ",
# alarming Canada and Denmark"; it runs to the next clause (", and ...", "; "). Not those
# whose object the act itself makes or acts on: ", killing the prime minister", ", giving
# Vucic a third term", ", making her the first woman to ..."
_CONSEQUENCE = re.compile(
    r",\s+(?:ending|leaving|raising|prompting|sparking|triggering|causing|alarming|allowing"
    r"|paving|marking|drawing|plunging|throwing)\s"
)
_CONSEQUENCE_END = re.compile(r",\s+(?:and|but|while|whereas)\s|;\s|\s[\u2014\u2013-]\s")


def _without_consequence(
    text: str, start: int, end: int, found: list[ActorMention]
) -> list[ActorMention]:
    """A party named only in a participle clause of consequence that follows the act and
    its date (from `start` to the sentence's `end`) is what the act brought about or
    ended, not a party to it: "The junta entered the capital on Friday, ending four decades
    of rule by the Duarte family" (no Duarte), "Portugal pulled out in 1975, leaving the
    colony to Indonesia" (no Indonesia). A clause after it (", and ...") is its own; and
    everything stays when the act would keep no party of its own. (round 49a)"""
    cue = _CONSEQUENCE.search(text, start, end)
    if cue is None:
        return found
    stop = _CONSEQUENCE_END.search(text, cue.end(), end)
    stop_at = stop.start() if stop is not None else end
    kept = [m for m in found if not cue.start() < m.start < stop_at]
    return kept if any(m.start < cue.start() for m in kept) else found


# a trailing attribution after its comma, its speaker in up to eight words: ", Washington
# said.", ", the White House said on Thursday.", ", South Korea's military said,", ",
# Washington and Paris said.", ", according to the Pentagon."
_ATTRIBUTION_STRETCH = re.compile(
    r",\s+(?:(?:(?!(?:that|but|who|which|when|after|as|if)\b)[\w'\u2019.-]+\s+){1,8}?"
    r"(?:said|says|reported|reports|announced|confirmed|claimed|stated|added|tweeted|wrote"
    r"|told\s+(?:reporters|journalists|the\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?|[A-Z][\w.-]*))"
    r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|\s+(?:today|yesterday|tonight|in\s+a\s+statement))?"
    r"|according\s+to\s+(?:[\w'\u2019.-]+\s+){0,5}?[\w'\u2019.-]+)\s*(?:[.;]|,\s|$)"
)


_PREPOSITION_BEFORE = re.compile(r"\b(?:with|by|to|from|of|in|at|for|on|near)\s+(?:the\s+)?$")


def _without_attribution_speaker(
    text: str, m_start: int, m_end: int, sent_end: int, found: list[ActorMention]
) -> list[ActorMention]:
    """A trailing attribution ("Israel struck targets in Gaza on Friday, Washington said"):
    who reports the act is its source, not a party of it (unless the act names it again).
    Only when the act names who does it before its verb: an act with no named agent may be
    the speaker's own ("Two civilians were killed on Friday, Kyiv said", "An aid conference
    will be held by videoconference on Sunday, French officials said")."""
    if not any(
        m.end <= m_start and _PREPOSITION_BEFORE.search(text, max(0, m.start - 14), m.start) is None
        for m in found
    ):
        return found  # (not "co-hosted with the United Nations": no doer)
    comma = text.find(",", m_end, sent_end)
    while comma >= 0:
        if (att := _ATTRIBUTION_STRETCH.match(text, comma, sent_end)) is not None:
            stop = att.end()
            out = [m for m in found if not (comma < m.start and m.end <= stop)]
            return out or found
        comma = text.find(",", comma + 1, sent_end)
    return found


def _without_reported_people(
    text: str, found: list[ActorMention], verb_end: int, limit: int
) -> list[ActorMention]:
    """People named inside what a speaker says are its topic, not parties to the saying:
    "Pompeo said on Sunday that the president would raise it with Chinese leader Xi",
    "Morrison said that he had told Macron of the decision". The speaker, named before the
    verb, stays; so do the states and bodies of the report (news lists the ones a statement
    aims at), and the person who opens the reported clause as its subject ("said that
    Reagan still plans to visit"), whose plan or act the report is."""
    that = text.find(" that ", verb_end, limit)
    if that < 0:
        return found
    inside = [m for m in found if m.start > that]
    subject = None
    if inside and inside[0].start - (that + 6) <= _REPORTED_SUBJECT:
        gap = text[that + 6 : inside[0].start].lower().split()
        if not any(w in _CLAUSE_OPENERS for w in gap):  # "that he had told Macron": an object
            subject = inside[0]
    return [m for m in found if m.start < that or m is subject or m.actors[0].kind != "person"]


_COORD_AFTER = (",", " and ", " or ", " &")  # cheap pre-check of _COORD
_COORD_BEFORE = (", ", "and ", "or ", "& ", "the ")
# between two members of one list: "Ukraine, Russia and the OSCE"; also a list in
# apposition, "Iran and six world powers, the United States, Britain ..."
_COORD = re.compile(
    r"(?:\s*,)?\s*(?:(?:and|or|&)\s+)?(?:the\s+)?"
    r"|\s+and\s+(?:[a-z-]+\s+){0,3}[a-z-]+,\s+(?:the\s+)?"
)
_PAIR = re.compile(
    r"\b(?:[Bb]oth|[Tt]he (?P<n>two|three|four))\s+(?:(?P<people>(?:wo)?men|leaders|presidents|"
    r"ministers)|countries|nations|states|governments|neighbou?rs|capitals|juntas"
    r"|(?P<parties>sides|parties))\b"
)
_COUNT = {None: 2, "two": 2, "three": 3, "four": 4}
_MUTUAL = {"CONSULT", "AGREE", "COOPERATE"}
# \b(?:received|receives|receiving|obtained|secured|won|got|faced|faces|facing|drew|draws|
# drawing|came under|comes under|suffered|incurred)\b (not "drew up": drafted), each branch
# opening with its letter (see _SETTING_WORDS)
_RECEIVED = re.compile(
    r"(?:r(?<!\wr)ecei(?:ved|ves|ving)|o(?<!\wo)btained|s(?<!\ws)ecured|w(?<!\ww)on"
    r"|g(?<!\wg)ot|f(?<!\wf)ac(?:ed|es|ing)|d(?<!\wd)r(?:ew|aws|awing)(?!\s+up\b)"
    r"|c(?<!\wc)(?:ame|omes)\s+under|s(?<!\ws)uffered|i(?<!\wi)ncurred)\b"
)
_SIGNED = {"AGREE", "CONCEDE", "COOPERATE"}
# who speaks or acts for a person (one word list for both _KIN branches below)
_AIDE_WORDS = "deputy|aide|spokesman|spokeswoman|spokesperson|adviser|advisor|envoy|lawyer"
_KIN = re.compile(
    r"(?:['\u2019]s)?\s+(?:(?:sister|brother|wife|husband|son|daughter|mother|father|widow|"
    r"niece|nephew|family|children|cousin)\b"
    # ... or an aide named after it: "the Tunku's deputy, Tun Abdul Razak, signed"
    rf"|(?:{_AIDE_WORDS}|chief of staff),\s+[A-Z]"
    # ... or named before it, or not at all, perhaps after a word or two of what they do:
    # "Yuri Ushakov, Putin's foreign policy adviser, said", "Milei's advisers will travel",
    # "Hasina's bitter rival", "Nehru's defence minister, V. K. Krishna Menon,"
    rf"|(?:[a-z-]+\s+){{0,2}}?(?:(?:{_AIDE_WORDS}|minister|secretary),"
    r"|(?:aides|advisers|advisors|lawyers|envoys|rivals?)\b))"
)
_JOINT = re.compile(r"\s*(?:and|&)\s*")

# a passive verb: "was killed", "were briefly detained", "had been seized" (the trigger after
# it); ", backed by", "sanctions imposed by" take the agent after "by" without an auxiliary
_AUX_DONE = "was|were|been|being|be|get|gets|got"
_PASSIVE_AUX = re.compile(rf"\b(?:{_AUX_DONE}|is|are)\s+(?:[a-z]+ly\s+)?$")
# ... in the past: a passive act done ("was endorsed by"), not a state ("is backed by")
_PAST_PASSIVE_AUX = re.compile(rf"\b(?:{_AUX_DONE})\s+(?:[a-z]+ly\s+)?$")
# "by" and up to three words before the agent's name: "by Russian police", "by an American
# drone strike", "by the UN-backed Special Court" (not "by phone with Putin", "by Friday")
_BY_AGENT = re.compile(
    r"(?:\s+[a-z]+ly)?\s+by\s+(?:(?!(?:with|to|of|for|on|in|at|from|and|after|before)\b)"
    r"[\w'\u2019.-]+\s+){0,3}?"
)
# between an act's noun and its object: "the invasion of Kuwait", "the shelling of the
# eastern city of Kharkiv"
_OF_OBJECT = re.compile(r"\s+of\s+(?:[a-z][\w-]*\s+){0,3}?(?:of\s+)?")
# words between a passive's subject and its verb that start another clause: "Ansip said
# that 600 people had been detained" (Ansip is not detained)
_CLAUSE_BETWEEN = re.compile(
    r"\b(?:that|said|says|told|when|after|before|while|because|as|if|where|which|whose)\b"
    r"|,\s+(?:and|but)\b"
)
# a verb's own subject, a common noun just before it ("insurgents attacked", "the military
# seized", "Western allies on Wednesday pledged"): whoever the verb names after it is acted on
_NOUN_SUBJECT = re.compile(
    r"[A-Za-z][a-z-]*[a-z]\s+(?:(?:on\s+[A-Z][a-z]+|yesterday|today|tonight|(?:late|early)"
    r"\s+on\s+[A-Z][a-z]+|also|then|later|again|reportedly|allegedly|last|first|once|"
    r"already|heavily|repeatedly)\s+)?(?:[a-z]{3,}ly\s+)?$"
)
# between an act's noun and whom it is done to: "sanctions on Russia", "an embargo against
# the Cuban government"
_ON_OBJECT = re.compile(r"\s+(?:on|against)\s+(?:the\s+)?")
# a past verb, then up to three words, before an act's noun: "imposed sanctions", "slapped
# a fresh round of sanctions"
_VERB_BEFORE_NOUN = re.compile(r"\b([a-z]+ed|drew|put|set|took|brought)\s+(?:[\w-]+\s+){0,3}?$")
# words that end a subject noun phrase but are not its head ("and attacked", "which seized")
_NOT_SUBJECT_HEAD = frozenset(
    "and or but that which who whom whose when while after before as than then also not "
    "had has have having it they he she we there this these those its their his her "
    # a report's verb ends its speaker's words: "Activists said security forces opened fire"
    "said says say told tells reported reports claimed claims added".split()
)
# words before a noun that show it is no subject's head: "forces under his command stormed"
_NOT_SUBJECT_BEFORE = frozenset(
    "in into under of with from at by near for on to over across through".split()
)
# words of a date or a time, which are no subject: "On Wednesday morning strikes spread"
_TIME_WORDS = frozenset(
    "morning afternoon evening night week month year day weekend last first next".split()
)
# a preposition of place, destination or benefit just before a name: "fleeing into
# Thailand", "outside the US consulate", "for Ukraine's reconstruction"; what it names is
# where or for whom, not who acts
_PLACE_BEFORE_NAME = re.compile(
    r"\b(in|into|to|towards?|outside|inside|near|at|across|through|for|against)\s+"
    r"(?:the\s+|a\s+|an\s+)?(?:(?!(?:by|in|of|from)\b)[a-z-]+\s+)?$",
    re.IGNORECASE,
)
# a participle and "by" before the agent of an appositive: "Lukashenko, backed by Moscow,"
# ... or of a participle after a noun: "a commission set up by Suu Kyi last year", "men
# trained by the CIA" (a few words of title before the name); not of a passive verb ("was
# killed by"), nor a leader, who acts with those he leads ("officers led by Qasim")
_AGENT_OF_APPOSITIVE = re.compile(
    r"(?:,|\b(?!(?:was|were|is|are|be|been|being|get|got)\b)[a-z]+)\s+"
    r"(?!(?:led|headed|commanded|chaired)\b)(?:[a-z]+ed|[a-z]+en|set\s+up)\s+by\s+"
    r"(?:the\s+|former\s+)?(?:(?:[A-Z][\w.'\u2019-]*|[a-z]+)\s+){0,3}?$"
)
# prepositions of a place where an attack or a seizure happens, which it hits
_HIT_AT = frozenset("in near at against inside".split())
_HITTING = frozenset({"ASSAULT", "COERCE", "SANCTION"})  # acts that hit what they name
# a relative clause whose antecedent is a common noun, just before the verb: "dissidents
# who attacked", "gunmen who had seized" (the word captured)
_RELATIVE_SUBJECT = re.compile(r"\b([a-z][a-z-]+[a-z])\s+(?:who|that)\s+(?:had\s+|have\s+)?$")
_STRONG_PAST = frozenset(
    "struck shot hit held seized fought led sent took caught won flown overthrew threw blew"
    " overran overrun sank sunk slew slain swept drove brought".split()
)


def _participle(word: str) -> bool:
    """A past participle or past tense ("killed", "struck", "shot dead"), not a noun."""
    return word.endswith(("ed", "en", "wn")) or word in _STRONG_PAST  # "overthrown"


_FELL_TO = re.compile(r"(?i)fell\s+to")  # triggers.tsv: "fell to" (the seizure row)


@lru_cache(maxsize=1)
def _harm_passive_regex() -> re.Pattern[str]:
    """A passive of harm (resources/events/harm_passives.tsv) after its subject's names:
    " were killed", " have been wounded"."""
    verbs = _alternatives("harm_passives.tsv").replace(r"\ ", r"\s+")
    return re.compile(
        r"\s+(?:were|was|are|is|have\s+been|has\s+been|had\s+been)\s+(?:[a-z]+ly\s+)?"
        r"(?:" + verbs + r")\b"
    )


# people "from" a state, before its names: "peacekeepers from", "two aid workers from"
_PEOPLE_FROM = re.compile(r"\b(?:[a-z]{3,}s|people|personnel|police|crew|staff)\s+from\s+$")
_LIST_GAP = re.compile(r",\s+|\s+and\s+|,\s+and\s+")


def _victims_from(
    text: str, clause: tuple[int, int], m_start: int, found: Sequence[ActorMention]
) -> Actor | None:
    """ "Thirteen peacekeepers from South Africa, Malawi and Uruguay were killed in fighting
    last week": states named as the origin of people harmed (a passive of
    resources/events/harm_passives.tsv, at or before the trigger) are acted on, not sides;
    the first of them, or None when the clause is not so."""
    names = [m for m in found if clause[0] <= m.start < m_start]
    for i, m in enumerate(names):
        if (
            m.actors[0].kind != "country"
            or text.find("from", max(clause[0], m.start - 24), m.start) < 0  # (in every match)
            or not _PEOPLE_FROM.search(text, max(clause[0], m.start - 24), m.start)
        ):
            continue
        last = m
        for nxt in names[i + 1 :]:
            if nxt.actors[0].kind != "country" or not _LIST_GAP.fullmatch(
                text, last.end, nxt.start
            ):
                break
            last = nxt
        harm = _harm_passive_regex().match(text, last.end)
        if harm is not None and harm.end() <= _word_end(text, m_start):
            return m.actors[0]
    return None


# the subject of a passive, people owned by whom a pronoun refers to: "its peacekeepers
# were", "two of their soldiers have been" (the passive's verb follows)
_OWN_PEOPLE = re.compile(
    r"\b(?:its|their|his|her)\s+(?:own\s+)?[a-z-]+\s+(?:were|was|are|is|have\s+been"
    r"|has\s+been|had\s+been)\s+(?:[a-z]+ly\s+)?$"
)
# "was to blame", "is largely to blame" (the trigger "blame" follows)
_TO_BLAME = re.compile(r"\b(?:is|was|are|were|be|been)\s+(?:[a-z]+ly\s+)?to\s+$")
# where a reported clause begins: "said that", "told reporters that"
_REPORTED_OPENER = re.compile(r"\b(?:that|said|says)\b")
# verbs after which a reported clause begins, with its own subject ("said rebels in Mali
# attacked")
_SAYING = frozenset("said told added stated reported announced claimed confirmed insisted".split())
# words before an adjective, not a verb: "the armed men", "several armed men"
_BEFORE_NOUN = frozenset(_DETERMINERS | set("some several two three many".split()))


def _place_after_verb(
    text: str,
    clause: tuple[int, int],
    before_m: Sequence[ActorMention],
    m_start: int,
    target: Actor | None,
) -> tuple[Actor | None, Actor | None, str] | None:
    """ "Azerbaijan launched operations in Nagorno-Karabakh on Tuesday, shelling ...", "a
    fuel depot exploded near Stepanakert, killing 20": the name last before an act that
    hits (at `m_start`, in the same clause), after a place preposition that follows a verb,
    is where the act happens (what it hits), not who acts; the verb's subject, if named,
    acts. None when the name is not so: "Police in Iran detained ..." (no verb before the
    place: whose police), "in which Azerbaijan retook", "took part in Gaddafi's coup"."""
    where = before_m[-1]
    place = _PLACE_BEFORE_NAME.search(text, max(clause[0], where.start - 40), where.start)
    if (
        place is None
        or place.group(1).lower() not in _HIT_AT
        or _SUBORDINATE.search(place.group())
        or not where.text[:1].isupper()  # "in May its members": a pronoun, no place
        or any(a.kind == "person" for a in where.actors)
        or text.startswith(_POSSESSIVE[:2], where.end)
        or _CLAUSE_AFTER_PLACE.search(text, where.end, m_start)
    ):
        return None
    lo, prev, verb = clause[0], "", None
    for w in re.finditer(r"[A-Za-z]+", text[clause[0] : place.start()]):
        word = w.group()
        if word in _SAYING or _SUBORDINATE.fullmatch(word):
            # a clause starts ("said rebels in Mali attacked", "came after soldiers in
            # Niger detained"): its subject comes after, and its verb
            lo, verb = clause[0] + w.end(), None
        elif (
            verb is None
            and word.islower()
            and _past_verb(word)
            and prev.lower() not in _BEFORE_NOUN
            and not text.startswith(" by ", clause[0] + w.end())  # "men led by Speight"
        ):
            verb = clause[0] + w.start()
        prev = word
    if verb is None:
        return None
    subject = [m for m in before_m if lo <= m.start and m.end <= verb]
    if len(subject) >= 2 and _JOINT.fullmatch(text, subject[-2].end, subject[-1].start):
        subject.pop()  # "US and British jets bombed": named in order, the first first
    doer = _parties(subject[-1])[0] if subject else None
    acted = next(
        (a for m in before_m if m.start > verb for a in _parties(m) if not _same_side(a, doer)),
        None if target is None or _same_side(target, doer) else target,
    )
    return doer, acted, ""


# a new clause between a place and the act: "in Cairo, and in May its members hijacked",
# "in Lebanon, as Israeli troops fought"
_CLAUSE_AFTER_PLACE = re.compile(
    r";|,\s+(?:and|but)\b|\b(?:as|while|after|before|when|since|because|which|who|that)\b"
)


def _word_end(text: str, m_start: int) -> int:
    """The end of the word at `m_start`."""
    found = _TOKEN.match(text, m_start)
    return found.end() if found else m_start


def _roles(
    text: str,
    clause: tuple[int, int],
    m_start: int,
    m_end: int,
    found: Sequence[ActorMention],
    source: Actor | None,
    target: Actor | None,
    template: str,
    type_: str,
    hits: Sequence[Hit] = (),
) -> tuple[Actor | None, Actor | None, str]:
    """Who acts and who is acted on, where the order of the names misleads:
    - a passive ("Two reporters were killed in Homs", "the activist was detained by Russian
      police", "Yanukovych, backed by the Kremlin"): its subject is acted on, and the agent
      after "by", if any, acts; so does the agent of an act named by a noun ("air strikes by
      Russia");
    - when the act has an object (its label names one, or a coup's detentions and seizures;
      not a war, a meeting or an agreement, between sides): a verb whose subject is no
      actor ("Rebel fighters attacked posts in Myanmar's Rakhine state", "the army seized
      power and detained Suu Kyi"): the names after it are acted on, none of them acts; a
      name after a place preposition ("fleeing into Thailand", "for Ukraine's
      reconstruction") is where or for whom, not who, and a "pro-Russian" group is not
      Russia: neither acts.
    - a noun that restates the verb of the sentence ("US and British warplanes bombed
      Iraqi sites near Baghdad on Friday, the first strikes since 1998") takes that verb's
      roles: its subject acts, the names after it are acted on.
    Only the roles change; the actors stay. Also the words of an unnamed doer, for the label:
    the subject ("Rohingya insurgents") or a passive's agent ("by police"), or _PASSIVE_MARK
    for a passive with none."""
    if type_ in _MUTUAL:
        return source, target, ""  # "the treaty was signed by Obama and Medvedev"
    if type_ in _MATERIAL_CONFLICT and (victim := _victims_from(text, clause, m_start, found)):
        return None, victim, _PASSIVE_MARK
    before_m = [m for m in found if m.end <= m_start]
    after_m = [m for m in found if m.start >= m_end]
    if type_ in _HITTING and before_m and source == _parties(before_m[-1])[0]:
        if (where := _place_after_verb(text, clause, before_m, m_start, target)) is not None:
            return where
    if (
        type_ == "ACCUSE"
        and before_m
        and _TO_BLAME.search(text, max(clause[0], m_start - 30), m_start)
    ):
        # "Lavrov said that Armenia's leadership was to blame": who "is to blame" is
        # blamed (the first named in the reported clause: "that Iran, not Iraq, was to
        # blame"); who says so, named before, blames
        cut = max((c.end() for c in _REPORTED_OPENER.finditer(text, clause[0], m_start)), default=0)
        blamed = _parties(next((m for m in before_m if m.start >= cut), before_m[-1]))[0]
        by = next(
            (
                a
                for m in reversed(before_m)
                if m.end <= cut
                for a in _parties(m)
                if not _same_side(a, blamed)
            ),
            None,
        )
        return by, blamed, ""
    if after_m and _FELL_TO.fullmatch(text, m_start, m_end):
        # "Phnom Penh fell to the Khmer Rouge": who it fell to takes it from the place's
        # state, which is named before the verb
        taker = _parties(after_m[0])[0]
        lost = next(
            (a for m in reversed(before_m) for a in _parties(m) if not _same_side(a, taker)),
            None,
        )
        return taker, lost, ""
    word = text[m_start:m_end].split(None, 1)[0].lower() if m_end > m_start else ""
    participle = _participle(word)
    by_next = " by " in text[m_end : m_end + 14]
    passive = reduced = False
    if participle:
        passive = bool(_PASSIVE_AUX.search(text, max(clause[0], m_start - 24), m_start))
        # "Yanukovych, backed by the Kremlin", "army units backed by armed civilians": a
        # participle with its agent after it
        reduced = not passive and by_next
    if not participle and len(before_m) >= 2 and type_ in _MATERIAL_LABEL:
        verb = next(
            (
                h
                for h in reversed(hits)
                if before_m[0].end <= h.start < before_m[-1].start
                and h.trigger.type == type_
                and h.start >= clause[0]
            ),
            None,
        )
        if (
            verb is not None
            and _participle(text[verb.start : verb.end].split()[0].lower())
            and not _PASSIVE_AUX.search(text, max(clause[0], verb.start - 24), verb.start)
        ):
            subject = [m for m in before_m if m.end <= verb.start]
            acted = [m for m in before_m if m.start >= verb.end]
            first = subject[-1]
            if len(subject) >= 2 and _JOINT.fullmatch(text, subject[-2].end, first.start):
                first = subject[-2]  # "US and British warplanes"
            by = _parties(first)[0]
            patient = next((a for m in acted for a in _parties(m) if not _same_side(a, by)), None)
            return by, patient, ""
    if after_m and by_next:
        agent = after_m[0]
        if _BY_AGENT.fullmatch(text, m_end, agent.start):
            # "killed by an American drone strike": the agent acts on the subject before
            by = _parties(agent)[0]
            acted = [
                a
                for m in before_m[-1:]
                if _subject_of(text, m, m_start, reduced)
                for a in _parties(m)
            ]
            others = [a for m in after_m[1:] for a in _parties(m)]
            if acted:
                # "Navalny was detained by Russian police": one's own state acts on one too
                return by, (acted[-1] if acted[-1] != by else None), ""
            patient = others[0] if others else target
            if patient is not None and _same_side(patient, by):
                patient = None
            return by, patient, ""
    if (
        not participle
        and len(after_m) >= 2
        and _OF_OBJECT.fullmatch(text, m_end, after_m[0].start)
        and _BY_AGENT.fullmatch(text, after_m[0].end, after_m[1].start)
    ):
        # "the invasion of Kuwait by Iraq", "the bombing of Belgrade by NATO": a noun's
        # object follows "of", and its doer "by"
        by, patient = _parties(after_m[1])[0], _parties(after_m[0])[0]
        return by, (None if _same_side(patient, by) else patient), ""
    if passive:
        # "two journalists were killed": the subject is acted on; nobody named acts (but
        # perhaps someone unnamed: "by police")
        if not before_m:
            # "150 people were killed when members of the guard fired": who is named
            # after the verb is not its subject
            return source, target, ""
        by_words = _by_words(text, m_end)
        doer = _BY + by_words if by_words else _PASSIVE_MARK
        if _subject_of(text, before_m[-1], m_start, False) or _OWN_PEOPLE.search(
            text, max(clause[0], before_m[-1].end), m_start
        ):
            # "Russia said several of its peacekeepers were killed": whose people are
            # harmed is acted on, not the one who reports it
            return None, _parties(before_m[-1])[0], doer
        return source, target, ""
    if before_m and source is not None and source == _parties(before_m[-1])[0]:
        # "Lukashenko, backed by Moscow, crushed the protests": the backer describes the
        # subject, who acts ("The rebels, backed by Rwanda, took the town": unnamed; "a
        # commission led by Kofi Annan, set up by Suu Kyi, urged Myanmar": neither acts)
        k = len(before_m)
        agent = None
        while (
            k
            # (every match holds "by": most stretches before a subject hold none)
            and text.find("by", max(clause[0], before_m[k - 1].start - 50), before_m[k - 1].start)
            >= 0
            and (
                found_agent := _AGENT_OF_APPOSITIVE.search(
                    text, max(clause[0], before_m[k - 1].start - 50), before_m[k - 1].start
                )
            )
        ):
            k, agent = k - 1, found_agent
        if agent is not None:
            source = _parties(before_m[k - 1])[0] if k else None
            target = next(
                (a for m in after_m for a in _parties(m) if not _same_side(a, source)), None
            )
            if source is None:
                # the subject before the first participle names the doer: "A panel"
                lo = max(clause[0], agent.start() - 60)
                cut = agent.start() if text[agent.start()] == "," else text.find(" ", agent.start())
                head = _NOUN_SUBJECT.search(text, lo, cut + 1) if cut >= 0 else None
                if head is not None:
                    return None, target, _subject_words(text, lo, head)
    if reduced:
        return source, target, ""
    if type_ == "RETREAT" or (type_ != "COERCE" and not _acts_on_slot(template)):
        # (a withdrawal's place is where it leaves: "fled into Bangladesh" is left aside)
        # "Protesters gathered outside the US embassy": the place does not protest
        if (
            source is not None
            and not before_m
            and after_m
            and type_ != "RETREAT"
            and _PLACE_BEFORE_NAME.search(text, max(m_end, after_m[0].start - 40), after_m[0].start)
        ):
            return None, target, ""
        return source, target, ""
    lo = max(clause[0], m_start - 60)
    if (
        participle
        # (every match holds "who" or "that": most stretches before a verb hold neither)
        and (text.find("who", lo, m_start) >= 0 or text.find("that", lo, m_start) >= 0)
        and (rel := _RELATIVE_SUBJECT.search(text, lo, m_start)) is not None
    ):
        # "Togo accused Ghana of harbouring dissidents who attacked a camp in Lome": the
        # relative's antecedent, which names nobody, acts on whoever comes after the verb
        acted = next((a for m in after_m for a in _parties(m)), target)
        return None, acted, rel.group(1)
    if not before_m and participle:
        head = _NOUN_SUBJECT.search(text, lo, m_start)
        if (
            head is not None
            and text[head.start() : m_start].split(None, 1)[0].lower() not in _NOT_SUBJECT_HEAD
            and (doer := _subject_words(text, lo, head))
        ):
            # a verb after its own subject, which names nobody: whoever comes after is
            # acted on, the first named first ("Police detained the Polish consul in Minsk")
            return None, source if source is not None else target, doer
    if (
        not before_m
        and not participle
        and after_m
        and _ON_OBJECT.fullmatch(text, m_end, after_m[0].start)
        and (verb := _VERB_BEFORE_NOUN.search(text, lo, m_start)) is not None
    ):
        # "The allies imposed sanctions on Russia", "Western countries slapped sanctions on
        # Russian banks": an act named by a noun after a verb whose subject names nobody
        # is done to whom it is "on" or "against"
        head = _NOUN_SUBJECT.search(text, lo, verb.start(1))
        doer = "" if head is None else _subject_words(text, lo, head)
        return None, _parties(after_m[0])[0], doer
    if (
        type_ == "REJECT"
        and not before_m
        and after_m
        and source is not None
        and source in _parties(after_m[0])
    ):
        # "had on Friday turned down a United Nations call for a truce": a name after a
        # refusal is what is refused, not who refuses (an unnamed subject)
        return None, source, ""
    if source is not None:
        first = before_m[-1] if before_m else (after_m[0] if after_m else None)
        place = (
            _PLACE_BEFORE_NAME.search(text, max(m_end, first.start - 40), first.start)
            if first is not None and first.start >= m_end
            else None
        )
        if (
            place is not None
            and not participle
            and type_ not in _HITTING
            and place.group(1).lower() in _HIT_AT
        ):
            place = None  # "the swap took place at Ankara airport": no act on a place
        if first is not None and (
            place is not None
            or (first.start >= 4 and text[first.start - 4 : first.start].lower() == "pro-")
        ):
            # "pro-Russian rebels seized": Russia is named, but the rebels act; a place
            # does not act either, but where an attack happens is what it hits ("the last
            # strike near the Iraqi capital"; not "fleeing into Thailand")
            if target is None and place is not None and place.group(1).lower() in _HIT_AT:
                target = _parties(first)[0]
            head = _NOUN_SUBJECT.search(text, lo, m_start) if participle else None
            return None, target, _subject_words(text, lo, head) if head else ""
    if target is None and type_ == "COERCE" and source is not None and source.kind != "person":
        # "Sudan's army detained President Bashir": a state detains or deposes its own
        # leader too (his state is no "same side" here)
        target = next((a for m in after_m for a in _parties(m) if a.kind == "person"), None)
    return source, target, ""


@lru_cache(maxsize=1024)
def _acts_on_slot(template: str) -> bool:
    """Whether a label's template has a slot of whom the act is done to (_ACTED_ON_SLOTS),
    read once per label (the labels are triggers.tsv's)."""
    return not _ACTED_ON_SLOTS.isdisjoint(_slot_names(template))


# the start of a passive's unnamed agent: "by police", "by masked gunmen"
_BY_WORDS = re.compile(r"\s+by\s+(?:the\s+|a\s+|an\s+)?(?=[a-z])")
# words that end the agent's words: "by police at a Moscow airport", "by juries in Miami"
_AFTER_AGENT = frozenset(
    "at in on near outside from to for with after during as and of while when who which "
    "that".split()
)
# "by phone", "by air": a means, not an agent
_MEANS = frozenset("phone telephone video air sea land road rail car plane helicopter".split())


def _subject_of(text: str, m: ActorMention, verb: int, reduced: bool) -> bool:
    """Whether the mention `m` is the subject of the passive verb at `verb`: no other
    clause starts between them, and at most a dozen words (an appositive: "Mahsa Amini, a
    22-year-old woman from Saqqez, was detained"); for a participle with no auxiliary, right
    before it ("Yanukovych, backed by", "Yanukovych, who is backed by"; not "an American
    offer to find the schoolgirls abducted by")."""
    between = text[m.end : verb]
    if reduced:
        return _REDUCED_GAP.fullmatch(between) is not None
    return len(between.split()) <= 12 and not _CLAUSE_BETWEEN.search(between)


_REDUCED_GAP = re.compile(r"[\s,]*(?:who\s+(?:is|was|are|were|has\s+been|had\s+been)\s+)?")


def _by_words(text: str, pos: int) -> str:
    """The words of an unnamed agent after a passive verb ("was detained by police",
    "indicted by federal grand juries in Miami"): up to three lowercase words ending
    before a comma, a full stop or a preposition; "" when there are none or more."""
    m = _BY_WORDS.match(text, pos)
    if m is None:
        return ""
    kept: list[str] = []
    for w in text[m.end() : m.end() + 60].split()[:4]:
        bare = w.rstrip(",.;:")
        if bare in _AFTER_AGENT:
            break
        if not bare.replace("-", "").isalpha() or not bare.islower() or len(kept) == 3:
            return ""  # "by armed civilians fought Securitate": not where the agent ends
        kept.append(bare)
        if bare != w:
            break
    if not kept or kept[0] in _MEANS:
        return ""
    return " ".join(kept)


_PASSIVE_MARK = "\x00"
_BY = "by "  # before a doer's words that name a passive's agent ("by police")


def _subject_words(text: str, lo: int, head: re.Match[str]) -> str:
    """The last words of a subject noun phrase ending at `head` ("Pro-Russian rebels",
    "Rohingya insurgents", "Police"), up to three: lowercase words, and capitalised ones
    only at the start of the sentence, as a demonym or with a hyphen ("Western allies" at
    the start). "" when they look like no subject of the verb, or one that names someone:
    a name ("Hassan", "Kim's sister"), a noun after a preposition ("forces under his
    command") or a possessive ("their bodyguards": whose is said before)."""
    words = text[lo : head.end()].split()
    tail = head.group().split()
    words = words[: len(words) - len(tail) + 1]
    kept: list[str] = []
    gaz = _gazetteer()
    for i in range(len(words) - 1, -1, -1):
        w = words[i]
        bare = w.strip("\"'\u201c\u201d")
        low = bare.lower()
        if bare != w or not bare[:1].isalpha() or len(kept) == 3:
            break
        if kept and i == 0 and bare.endswith(","):
            break  # a sentence adverb set off by its comma is no part of it: "Elsewhere, mobs"
        if low in _NOT_SUBJECT_BEFORE or low in _POSSESSIVE_WORDS or low.endswith(_POSSESSIVE):
            return ""  # "under his command", "their convoy", "Kim's sister"
        if low in _NOT_SUBJECT_HEAD or low in _SUBJECT_DETERMINERS or low in _TIME_WORDS:
            if kept and i > 0 and words[i - 1].lower() in _NOT_SUBJECT_BEFORE:
                return ""  # "forces under the command"
            break
        if bare[0].isupper() and not (
            "-" in bare
            or gaz.is_demonym(bare)
            or (
                i == 0
                and (lo == 0 or text[:lo].rstrip().endswith((".", "\n", '"')))
                # a plural or a modifier at the start ("Gunmen", "Separatist fighters"),
                # not a name ("Hassan called")
                and (kept or low.endswith(("s", "men")) or low == "police")
            )
        ):
            if not kept:
                return ""  # a name the gazetteer does not know acts: "Hassan called"
            break
        kept.append(bare)
    return " ".join(reversed(kept))


_POSSESSIVE_WORDS = frozenset("his her its their our my your whose".split())
_SUBJECT_DETERMINERS = frozenset(
    "the a an some than more many another other several both all two three four five six "
    "seven eight nine ten dozens hundreds thousands".split()
)


# \b(?:he|she|He|She)\b|(?<=, )who\b, each branch opening with its letter (see
# _SETTING_WORDS): the same matches
_PRONOUN = re.compile(r"(?:h(?<!\wh)e|H(?<!\wH)e|s(?<!\ws)he|S(?<!\wS)he|w(?<=, w)ho)\b")
# the same without the closing \b: found in a stretch wherever _PRONOUN is found in any
# part of it (a part's end may cut a word), so none here means none in any part
_PRONOUN_START = re.compile(r"h(?<!\wh)e|H(?<!\wH)e|s(?<!\ws)he|S(?<!\wS)he|w(?<=, w)ho")
_WHO_GAP = 3  # words between a relative "who" and its antecedent ("Mali's military rulers")


# the gender a pronoun tells: a he/him stands for no woman, a she/her for no man
_PRONOUN_GENDER = {"he": "male", "him": "male", "she": "female", "her": "female"}


@lru_cache(maxsize=1)
def _gender_titles() -> dict[str, str]:
    """resources/events/gender_titles.tsv: a title or honorific (casefolded) -> the gender
    it tells ("mrs": female, "king": male)."""
    return {row[0].casefold(): row[1] for row in _rows("gender_titles.tsv")}


_TITLE_BEFORE = re.compile(r"([A-Za-z]+\.?)\s+$")


def _told_gender(text: str, person: Actor, mentions: Sequence[ActorMention]) -> str | None:
    """The gender a title tells of a person the gazetteer does not know: the word that
    opens one of the person's mentions or stands right before it ("Mrs Kowalczyk",
    "chairwoman Anna Nowak"), gender_titles.tsv; None when no title tells it."""
    titles = _gender_titles()
    for m in mentions:
        if m.actors != (person,):
            continue
        first = m.text.split(None, 1)[0].casefold()
        before = _TITLE_BEFORE.search(text, max(0, m.start - 16), m.start)
        for w in (first, before.group(1).casefold() if before else ""):
            if w in titles:
                return titles[w]
    return None


def _gender_clash(
    word: str, m: ActorMention, text: str = "", mentions: Sequence[ActorMention] = ()
) -> bool:
    """Whether the pronoun `word` cannot stand for the one person `m` names: the person's
    gender is known and the pronoun tells the other ("she" for Li Keqiang). Known: from the
    gazetteer (people.json's `gender`), else for a person the text introduces from a title
    of his or hers in `mentions` (_told_gender: "Mrs", "Queen", "chairwoman"); a person of
    unknown gender fits any pronoun."""
    told = _PRONOUN_GENDER.get(word.lower())
    if told is None or len(m.actors) != 1 or m.actors[0].kind != "person":
        return False
    known = _gazetteer().gender(m.actors[0].name)
    if known is None and mentions:
        known = _told_gender(text, m.actors[0], mentions)
    return known is not None and known != told


def _with_pronoun_subject(
    text: str,
    clause: tuple[int, int],
    match: Hit,
    found: list[ActorMention],
    mentions: Sequence[ActorMention],
    sent_start: int = 0,
    sents: Sequence[tuple[int, int]] = (),
) -> list[ActorMention]:
    """ "He will be sworn in on May 20": a he/she subject with no named actor before the
    trigger is the last person named before it; so is the subject of a new coordinated
    predicate (", and he is due in Moscow on Tuesday for talks") and a subject "who" right
    after a person (", who arrived in Taipei late on Tuesday")."""
    seg = max(clause[0], text.rfind(", ", clause[0], match.start) + 2)
    first = next((m.start for m in found if m.start >= seg), match.start)
    pron = _PRONOUN.search(text, seg, min(first, match.start))
    if pron is None:
        named = [m.end for m in found if m.end <= match.start and m.start >= clause[0]]
        # "the deal for Northern Ireland that he signed": a pronoun after every actor
        # named before the verb is still its subject
        pron = _PRONOUN.search(text, max(named) if named else clause[0], match.start)
    if pron is None:
        return found

    def is_person(m: ActorMention) -> bool:
        return len(m.actors) == 1 and m.actors[0].kind == "person"

    person = None  # the last person named before the pronoun, or for he/she
    # ("Scholz flies to Kyiv to meet Zelensky, and he is due in Moscow") the first person
    # of its sentence: a subject pronoun continues the sentence's subject
    at = pron.start()
    if pron.group() == "who":
        # a relative "who" stands for the phrase right before it, in its own sentence:
        # "Mali's military rulers, who took power" are Mali's, whoever was named earlier
        before = [m for m in mentions if sent_start <= m.start and m.end <= at]
        if not before or len(_TOKEN.findall(text, before[-1].end, at)) > _WHO_GAP:
            return found
        head = before[-1]
        if (
            len(before) >= 2
            and is_person(before[-2])
            and _ROLE_OF.fullmatch(text, before[-2].end, head.start)
            and text[head.end : at].strip() == ","
        ):
            head = before[-2]  # "Ho Sok, an official at the interior ministry, who was shot"
        stand_in = ActorMention(pron.start(), pron.end(), pron.group(), head.actors)
        return sorted([stand_in, *found], key=lambda m: m.start)
    for m in reversed(mentions):
        if m.end > at or not is_person(m) or _gender_clash(pron.group(), m, text, mentions):
            continue
        if person is not None and (m.start < sent_start or pron.group() == "who"):
            break
        person = m
    if person is None:
        return found
    if (
        speaker := _reporting_subject(text, mentions, at, sent_start)
    ) is not None and not _gender_clash(pron.group(), speaker, text, mentions):
        # "..., and the secretary-general said on Tuesday that he would send a team": the
        # subject of the verb of saying whose reported clause the pronoun opens, not the
        # sentence's first person
        person = speaker
    if person.start < sent_start and sents and pron.group() in ("he", "He"):
        # "Sadat landed ... and was greeted by Begin and Golda Meir. On Sunday he
        # addressed the Knesset": a "he" with no person before it in its own sentence
        # continues the previous sentence's subject, its first person, not the last one.
        # Not "she": the gazetteer knows no genders, and a "she" mostly follows the woman
        # the sentence before introduced ("his widow, Hortensia Bussi ... she is expected")
        i = bisect_right(sents, (person.start, len(text))) - 1
        lo = sents[i][0] if i >= 0 else 0
        first = next(
            (
                m
                for m in mentions
                if lo <= m.start < person.start
                and is_person(m)
                and not _gender_clash(pron.group(), m, text, mentions)
            ),
            None,
        )
        if first is not None:
            person = first
    stand_in = ActorMention(pron.start(), pron.end(), pron.group(), person.actors)
    return sorted([stand_in, *found], key=lambda m: m.start)


# the stretch between a speaker and the subject pronoun of what he reports: "said on
# Tuesday that", "told reporters", "added" (a few words, no comma, no other name)
_REPORTING_GAP = re.compile(
    r"\s+(?P<verb>[a-z]+)(?:\s+(?:[a-z][\w'\u2019-]*|[A-Z][a-z]+day|[0-9]+)){0,5}\s+$"
)


def _reporting_subject(
    text: str, mentions: Sequence[ActorMention], at: int, sent_start: int
) -> ActorMention | None:
    """The person a he/she at `at` reports: the last name before it in its sentence, when
    that name is a person and the subject of a verb of saying (_SAYING) whose reported
    clause the pronoun opens ("Uribe said the same day he would ask", "the secretary-general
    said on Tuesday that he would send"); None otherwise."""
    i = bisect_left([m.start for m in mentions], at) - 1
    if i < 0:
        return None
    m = mentions[i]
    if m.start < sent_start or m.end > at or len(m.actors) != 1 or m.actors[0].kind != "person":
        return None
    gap = _REPORTING_GAP.fullmatch(text, m.end, at)
    if gap is None or (gap.group("verb") not in _SAYING and gap.group("verb") != "says"):
        return None
    return m


# "removing him", "detained her and the president", "suspended her on May 12": an object
# pronoun a few words after the trigger; "her" only where no noun follows ("her decision")
_OBJECT_PRONOUN = re.compile(
    r"\b(?:him|her(?=[,.;:]|\s+(?:and|as|on|in|at|to|from|for|with|by|into|over|after|before|"
    r"until|that|the|a|an|off|out|aside|down|up|back|again|last|this|early|late)\b))\b"
)
_OBJECT_REACH = 40  # characters after a trigger where its object pronoun may stand
_OBJECT_GAP = 3  # words between the trigger and the pronoun ("moved to impeach him")
_ANTECEDENT_SENTENCES = 2  # how far back the person a pronoun stands for may be named


def _object_end(text: str, clause: tuple[int, int], match: Hit) -> int:
    """Where a trigger's object may end: its clause's end, within _OBJECT_REACH after it."""
    return min(clause[1] if clause[1] > match.end else len(text), match.end + _OBJECT_REACH)


def _with_pronoun_object(
    text: str,
    clause: tuple[int, int],
    match: Hit,
    found: list[ActorMention],
    mentions: Sequence[ActorMention],
    sents: Sequence[tuple[int, int]],
    idx: int,
) -> list[ActorMention]:
    """ "The Senate suspended her on May 12", "Lawmakers voted to impeach him": a him/her
    object of the trigger is the last person named before it who is not the clause's own
    subject (a pronoun object is never its clause's subject: "Caetano dismissed him" is
    someone else), named in its sentence or the two before."""
    end = _object_end(text, clause, match)
    pron = _OBJECT_PRONOUN.search(text, match.end, end)
    if pron is None or len(_TOKEN.findall(text, match.end, pron.start())) > _OBJECT_GAP:
        return found
    if any(match.end <= m.start < pron.start() for m in found):
        return found  # "urged Putin to meet him": the object is named before the pronoun
    subject = {a for m in found if clause[0] <= m.start and m.end <= match.start for a in m.actors}
    lo = sents[max(0, idx - _ANTECEDENT_SENTENCES)][0]
    i = bisect_left([m.start for m in mentions], pron.start()) - 1
    while i >= 0 and mentions[i].start >= lo:
        m = mentions[i]
        i -= 1
        if len(m.actors) != 1 or m.actors[0].kind != "person" or m.actors[0] in subject:
            continue
        if _gender_clash(pron.group(), m, text, mentions):
            continue  # "Li Keqiang met Merkel and thanked her": not Li
        if any(m.actors[0] in f.actors for f in found):
            return found
        stand_in = ActorMention(pron.start(), pron.end(), pron.group(), m.actors)
        return sorted([stand_in, *found], key=lambda x: x.start)
    return found


# ", in a deal brokered by China", "after talks mediated by Qatar and Turkey": who brokered
# a deal or mediated talks took part in them
_BROKERED = re.compile(r"\b(?:brokered|mediated)\s+by\s+(?:the\s+)?")
_BROKER_GAP = re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?")


def _with_brokers(
    text: str,
    sent: tuple[int, int],
    m_end: int,
    found: list[ActorMention],
    in_sent: Sequence[ActorMention],
    dated_after: int | None,
) -> list[ActorMention]:
    """ "Saudi Arabia and Iran agreed on Friday to restore ties, in a deal brokered by
    China": the broker or mediator after the act, beyond the comma that ends its stretch,
    is a party to it; so is each one listed with it ("brokered by the German and Polish
    foreign ministers, Steinmeier and Sikorski"). Not past a later date of the sentence:
    that stretch is another happening's."""
    b = _BROKERED.search(text, m_end, dated_after if dated_after is not None else sent[1])
    if b is None:
        return found
    at = b.end()
    brokers = []
    for m in in_sent:
        if m.start < at:
            continue
        gap = _BROKER_GAP.fullmatch(text, at, m.start) if m.start > at else True
        if gap is None:
            break
        brokers.append(m)
        at = m.end
    if not brokers:
        return found
    return sorted({*found, *brokers}, key=lambda m: m.start)


@lru_cache(maxsize=256)
def _slot_names(template: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\{(\w+)\}", template))


def _with_pair_subject(
    text: str,
    clause: tuple[int, int],
    match: Hit,
    found: list[ActorMention],
    mentions: Sequence[ActorMention],
    sents: Sequence[tuple[int, int]],
    idx: int,
) -> list[ActorMention]:
    """ "Both men arrived in the city-state on Sunday": the last two people named; "the two
    countries signed a declaration", "the three juntas announced": the last two (three)
    countries; "the two sides" the last two states or bodies. A pair of two acted on by who
    is named before it in its clause ("Ruto spoke with both men by telephone") is the two
    joined by "and" in its sentence or the one before (_joined_pair), when there are."""
    pair = _PAIR.search(text, clause[0], match.start)
    if pair is None:
        # (up to the trigger's end: the word after "the two" may be the trigger, "meet")
        bare = _bare_pair().search(text, clause[0], match.end)
        if bare is None or bare.end() > match.start:
            return found
        return _with_bare_pair(bare, found, mentions, sents, idx)
    # sides and parties may be states or bodies ("Israel and the PLO ... the two sides")
    kinds = (
        ("person",)
        if pair.group("people")
        else ("country", "organisation")
        if pair.group("parties")
        else ("country",)
    )
    count = _COUNT[pair.group("n")]
    if count == 2 and any(clause[0] <= m.start and m.end <= pair.start() for m in found):
        # "Nazarbayev spoke with both men by telephone": the pair is acted on by who is
        # named before it in its clause; the two joined by "and" just before stand for it
        joined = _joined_pair(text, pair, found, mentions, kinds, sents[max(0, idx - 1)][0])
        if joined is not None:
            return sorted([joined, *found], key=lambda m: m.start)
    people: list[Actor] = []
    if pair.group("parties") and count == 2 and len(sides := _topic(text, mentions)) == 2:
        # "Waldheim appealed to both sides ... Lloyd's ... Japan said": the sides of a
        # conflict are the article's two parties, whoever was named last
        people = list(reversed(sides))
    if not people:
        people = _last_named(mentions, pair.start(), kinds, count)
    if len(people) < count:
        return found
    stand_in = ActorMention(pair.start(), pair.end(), pair.group(), tuple(reversed(people)))
    return sorted([stand_in, *found], key=lambda m: m.start)


def _last_named(
    mentions: Sequence[ActorMention],
    before: int,
    kinds: tuple[str, ...],
    count: int,
    since: int = 0,
) -> list[Actor]:
    """Up to `count` different actors of `kinds`, each named alone, last named first: those
    of the mentions that end by `before`, among the mentions that start from `since`."""
    got: list[Actor] = []
    for m in reversed(mentions):
        if m.start < since:
            break
        if m.end <= before and len(m.actors) == 1 and m.actors[0].kind in kinds:
            if m.actors[0] not in got:
                got.append(m.actors[0])
            if len(got) == count:
                break
    return got


@lru_cache(maxsize=1)
def _bare_pair() -> re.Pattern[str]:
    """A bare "the two" before a verb (resources/events/bare_pair_verbs.tsv): "the two
    agreed to meet soon", "when the two meet next week" (round 57e)."""
    return re.compile(rf"\b[Tt]he two(?=\s+(?:{_alternatives('bare_pair_verbs.tsv')})\b)")


def _with_bare_pair(
    bare: re.Match[str],
    found: list[ActorMention],
    mentions: Sequence[ActorMention],
    sents: Sequence[tuple[int, int]],
    idx: int,
) -> list[ActorMention]:
    """A bare "the two" subject ("the two agreed", "when the two meet"): the last two people
    named before it in its sentence ("Kohl telephoned Egon Krenz; the two agreed"), else
    the last two states there ("Cairo will stand by Syria under the pact the two signed"),
    else the last two people of the sentences before, as far back as a pronoun's antecedent
    ("Kiir accused Machar of plotting a coup. The two signed a peace agreement")."""
    at = bare.start()
    lo = sents[idx][0] if idx < len(sents) else 0
    back = sents[max(0, idx - _ANTECEDENT_SENTENCES)][0] if sents else 0
    two = _last_named(mentions, at, ("person",), 2, lo)
    if len(two) < 2:
        two = _last_named(mentions, at, ("country",), 2, lo)
    if len(two) < 2:
        two = _last_named(mentions, at, ("person",), 2, back)
    if len(two) < 2:
        return found
    stand_in = ActorMention(at, bare.end(), bare.group(), tuple(reversed(two)))
    return sorted([stand_in, *found], key=lambda m: m.start)


def _with_pair_object(
    text: str,
    clause: tuple[int, int],
    match: Hit,
    found: list[ActorMention],
    mentions: Sequence[ActorMention],
    sents: Sequence[tuple[int, int]],
    idx: int,
) -> list[ActorMention]:
    """ "Carter telephoned both leaders", "Washington halted arms shipments to both
    countries": a pair of two people or states a few words after the trigger, its object,
    stands for the two joined by "and" just before it (_joined_pair)."""
    end = _object_end(text, clause, match)
    pair = _PAIR.search(text, match.end, end)
    if (
        pair is None
        or pair.group("parties")
        or _COUNT[pair.group("n")] != 2
        or len(_TOKEN.findall(text, match.end, pair.start())) > _OBJECT_GAP
        or any(match.end <= m.start < pair.start() for m in found)
    ):
        return found
    kinds = ("person",) if pair.group("people") else ("country",)
    joined = _joined_pair(text, pair, found, mentions, kinds, sents[max(0, idx - 1)][0])
    return found if joined is None else sorted([joined, *found], key=lambda m: m.start)


_AND_GAP = re.compile(r"\s+and\s+(?:the\s+)?")


def _joined_pair(
    text: str,
    pair: re.Match[str],
    found: list[ActorMention],
    mentions: Sequence[ActorMention],
    kinds: tuple[str, ...],
    lo: int,
) -> ActorMention | None:
    """The stand-in for a pair of two ("both men", or a "they") at `pair`: the last two
    parties of `kinds` joined by "and" ("Barack Obama and Dmitry Medvedev") from `lo`
    (the sentence before) to the pair, neither of them named in `found` before it (its
    clause's doers); None when there is none."""
    doers = {a for m in found if m.end <= pair.start() for a in m.actors}
    i = bisect_left([m.start for m in mentions], pair.start()) - 1
    while i >= 1 and mentions[i - 1].start >= lo:
        a, b = mentions[i - 1], mentions[i]
        i -= 1
        if not all(len(m.actors) == 1 and m.actors[0].kind in kinds for m in (a, b)):
            continue
        if a.actors[0] == b.actors[0] or {a.actors[0], b.actors[0]} & doers:
            continue
        if _AND_GAP.fullmatch(text, a.end, b.start) is None:
            continue
        return ActorMention(pair.start(), pair.end(), pair.group(), (a.actors[0], b.actors[0]))
    return None


@lru_cache(maxsize=1)
def _one_sided_harms() -> frozenset[str]:
    """The triggers of resources/events/one_sided_harms.tsv."""
    return frozenset(row[0] for row in _rows("one_sided_harms.tsv"))


def _one_sided(text: str, start: int, end: int) -> bool:
    """Whether the trigger at text[start:end] tells harm or strife within a state, which has
    no second side to take from the article: "Bombs in Madrid killed 191 people", "a
    rebellion", "a short civil war" (round 57c)."""
    return text[start:end].lower() in _one_sided_harms() or text.endswith(
        "civil ", max(0, start - 6), start
    )


# the words of a fight between two sides, whoever is named ("the fighting", "clashes")
_COMBAT_WORDS = frozenset(
    [
        *"fighting war clashes clashed clash fought fights battle".split(),
        # fire exchanged (triggers.tsv, the "opened fire" row): "traded artillery fire"
        *(
            f"{verb} {fire}"
            for verb in ("exchanged", "exchange", "exchanges", "exchanging")
            + ("traded", "trade", "trades", "trading")
            for fire in ("fire", "gunfire", "artillery fire", "shots")
        ),
    ]
)


_IT = re.compile(r"\b(?:it|It)\s+(?!(?:is|was|'s|\u2019s|has been|had been|would be|will be)\b)")
# between "it" and the act's noun: a past verb and the noun's determiner ("declared a ")
_IT_VERB_NOUN = re.compile(r"[a-z]+ed\s+(?:an?|the|its|new)\s+")


@lru_cache(maxsize=1)
def _unnamed_doer_regex() -> re.Pattern[str]:
    """The doers of resources/events/unnamed_doers.tsv, as words."""
    return re.compile(r"(?i)\b(?:" + _alternatives("unnamed_doers.tsv") + r")\b")


@lru_cache(maxsize=1)
def _group_doer_regex() -> re.Pattern[str]:
    """A state's forces (resources/events/group_nouns.tsv), doers news names by what they
    did (unnamed_doers.tsv) or a crowd named by where its people live (crowd_nouns.tsv),
    written in lower case (or opening the sentence), as a word."""
    alts = "|".join(
        (
            _alternatives("group_nouns.tsv"),
            _alternatives("unnamed_doers.tsv"),
            _alternatives("crowd_nouns.tsv"),
        )
    )
    return _group_word_regex(alts)


def _group_word_regex(alts: str) -> re.Pattern[str]:
    """The group nouns of the alternation `alts`, as words written in lower case (or opening
    a line or the sentence): _group_doer_regex's and _named_group_regex's."""
    return re.compile(r"(?:^|(?<=[^\w\s]\s)|(?<=[a-z0-9]\s))(?:" + alts + r")\b", re.MULTILINE)


def _group_subject(regex: re.Pattern[str], text: str, lo: int, start: int) -> re.Match[str] | None:
    """The first group noun of `regex` in the clause from `lo` that is the subject of the
    trigger at `start` (_GROUP_GAP between them), or None: _group_doer's and
    _group_words's reading."""
    for g in regex.finditer(text, lo, start):
        if _GROUP_GAP.match(text, g.end(), start) is not None:
            return g
    return None


# between an unnamed group and its verb: a participle phrase set off by commas (", wearing
# explosive belts,"), "led by" and a name, where its people are ("in neighboring
# Ingushetia"), an adverb, an auxiliary, a first verb and "and" ("lay down in front of the
# tanks and set fire to"), a verb whose object is the trigger's noun ("turned tear gas");
# no relative or adverbial clause between
_GROUP_GAP = re.compile(
    r"(?:,(?!\s*(?:who|which|that)\b)[^,.;:]{1,40},|\s+led\s+by(?:\s+[A-Z][\w'\u2019-]*){1,3}"
    r"|\s+(?:in|from)(?:\s+[a-z]+)?(?:\s+[A-Z][\w'\u2019-]*){1,2})?"
    r"(?:\s+(?:first|then|also|later|again|had|have|has))*"
    r"(?:\s+[a-z]+(?:\s+(?!(?:who|which|that|when|as|after|before|while)\b)[a-z]+){0,6}"
    r"\s+and)?"
    r"(?:\s+[a-z]+ed)?\s+\Z"  # a verb whose object the trigger's noun is: "turned tear gas"
)
# what an unnamed group does that makes its happening the state's where it happens: a
# seizure, a crackdown, a riot or a protest (not what it says or plans, "the rebels said",
# nor its own flight, "the attackers escaped")
_GROUP_DOER_TYPES = frozenset({"COERCE", "PROTEST"})
# the acts whose label names an unnamed group as their doer (_group_words): a seizure, a
# crackdown, a riot, a protest or an attack
_GROUP_LABEL_TYPES = frozenset({"COERCE", "PROTEST", "ASSAULT"})
_GROUP_STATE_SPAN = 20  # characters before the group's noun where its state's name counts


def _group_doer(text: str, lo: int, start: int, ttype: str) -> bool:
    """Whether an unnamed group is the subject of the trigger at `start` in the clause from
    `lo`: "a day after security forces first turned tear gas on the monks", "Armed rebels
    took control of Vlore", "villagers in neighboring Ingushetia lay down in front of the
    tanks and set fire to army trucks" (the state where the story happens, as for a body
    named by its office, _BODY_SUBJECT)."""
    return (
        ttype in _GROUP_DOER_TYPES
        and _group_subject(_group_doer_regex(), text, lo, start) is not None
    )


@lru_cache(maxsize=1)
def _named_group_regex() -> re.Pattern[str]:
    """The nouns a label names an unnamed group's act by: a crowd (crowd_nouns.tsv), an
    armed group's anaphor without its article (armed_group_nouns.tsv, "rebels",
    "insurgents") and doers news names by what they did (unnamed_doers.tsv); not a state's
    forces (group_nouns.tsv: "Soldiers detained Bazoum" is Niger's act, as states act)."""
    armed = (row[0].removeprefix("the ") for row in _rows("armed_group_nouns.tsv"))
    alts = "|".join(
        (
            _alternatives("crowd_nouns.tsv"),
            _alternation(armed),
            _alternatives("unnamed_doers.tsv"),
        )
    )
    return _group_word_regex(alts)


def _group_words(text: str, lo: int, start: int) -> tuple[str, int]:
    """The noun of an unnamed group that is the subject of the trigger at `start` in the
    clause from `lo` ("Armed rebels took control of Vlore": "rebels"), as _group_doer
    reads it, and where it starts, or ("", -1): the label names it as the doer, not the
    state the act is given to ("Rebels seize Vlore", not "Albania seizes")."""
    g = _group_subject(_named_group_regex(), text, lo, start)
    return (g.group().lower(), g.start()) if g is not None else ("", -1)


def _unnamed_doer(text: str, clause: tuple[int, int], start: int) -> str:
    """The words of an unnamed doer in the clause before a trigger at `start`, within six
    words ("after gunmen killed 26 people", "masked men stormed the hotel"), or ""."""
    before = text[max(clause[0], start - 60) : start]
    found = _unnamed_doer_regex().search(" ".join(before.split()[-6:]))
    return found.group().lower() if found else ""


def _with_it_subject(
    text: str,
    clause: tuple[int, int],
    match: Hit,
    found: list[ActorMention],
    mentions: Sequence[ActorMention],
    sent_start: int,
) -> list[ActorMention]:
    """ "New Delhi answered with economic pressure. On June 29 it banned 59 Chinese apps":
    an "it" right before the trigger verb, with nobody named before it in its clause, is
    the last state or body named in this sentence or the one before."""
    named = any(clause[0] <= m.start < match.start for m in found)
    it = next(
        reversed(list(_IT.finditer(text, max(clause[0], match.start - 20), match.start))), None
    )
    if it is None or (
        len(_TOKEN.findall(text, it.end(), match.start)) > 1
        # "it declared a state of emergency", "it imposed a curfew": the verb right after
        # "it" governs the act's noun
        and _IT_VERB_NOUN.fullmatch(text, it.end(), match.start) is None
    ):
        return found  # "it also banned" at most: the verb is its predicate
    subject = _main_subject(text, it.start(), mentions, sent_start)
    if subject is None and not named:
        subject = _previous_subject(text, it.start(), mentions, sent_start)
    if subject is not None:  # the main clause's names are not this clause's
        word = it.group().strip()
        start = it.start() + it.group().index(word)
        stand_in = ActorMention(start, start + len(word), word, subject.actors, subject.qualifiers)
        kept = [m for m in found if not clause[0] <= m.start < it.start()]
        return sorted([stand_in, *kept], key=lambda m: m.start)
    if named:
        return found
    return _with_stand_in(
        text, it, found, mentions, sent_start, lambda m: all(a.kind != "person" for a in m.actors)
    )


# an adverbial clause's opening word before its "it": "after it annexed Crimea"
_IT_CLAUSE_OPENER = re.compile(
    r"\b(?:after|before|when|while|because|since|until|once|although|though|as)\s+$"
)
# what may come before a sentence's subject: "The", "On Monday, the"
_SUBJECT_LEAD = re.compile(r"(?:(?:The|the|On|In|At|[A-Z][a-z]+day|[0-9]+|,)\s*)*")


def _main_subject(
    text: str, it_start: int, mentions: Sequence[ActorMention], sent_start: int
) -> ActorMention | None:
    """ "Russia was suspended from what was then the G8 in 2014 after it annexed Crimea":
    an "it" opening an adverbial clause after the main clause ("after it", "because it")
    is the main clause's subject, when that subject opens the sentence and is a state or
    body (not a person), rather than the last name before the "it"; None otherwise."""
    if not _IT_CLAUSE_OPENER.search(text, max(sent_start, it_start - 12), it_start):
        return None
    return _opening_body(text, mentions, sent_start, it_start)


def _previous_subject(
    text: str, it_start: int, mentions: Sequence[ActorMention], sent_start: int
) -> ActorMention | None:
    """ "France recalled its ambassador from Rome on Monday. It said on Tuesday ...": an
    "It" that opens its sentence (after a date at most: "On Tuesday it") continues the subject of
    the sentence before, when that subject opens that sentence and is a state or body, not
    the last name there (Rome); None otherwise (the nearest body is then taken)."""
    if _SUBJECT_LEAD.fullmatch(text, sent_start, it_start) is None:
        return None
    if any(sent_start <= m.start < it_start for m in mentions):
        return None
    return _opening_body(text, mentions, _sentence_before(text, sent_start), sent_start)


def _opening_body(
    text: str, mentions: Sequence[ActorMention], start: int, before: int
) -> ActorMention | None:
    """The first name from `start`, when it opens the sentence there (after what
    _SUBJECT_LEAD allows), ends before `before`, is a state or body (not a person) and is
    the subject's head; None otherwise."""
    first = next((m for m in mentions if m.start >= start), None)
    if first is None or first.end > before:
        return None
    lead = _SUBJECT_LEAD.fullmatch(text, start, first.start)
    if lead is None or any(a.kind == "person" for a in first.actors):
        return None
    if text.startswith(("-", "'s", "\u2019s"), first.end):
        return None  # a word of the subject, not its head: "The Iran-backed group"
    return first


@lru_cache(maxsize=2)
def _sentence_starts(text: str) -> tuple[int, ...]:
    """Where each sentence of `text` opens (text.sentences; one article at a time)."""
    return tuple(start for start, _ in sentences(text))


def _sentence_before(text: str, sent_start: int) -> int:
    """Where the sentence before the one opening at `sent_start` opens (0 for the first):
    as the sentence splitter has it, so that "U.S." or a question mark is no bound."""
    starts = _sentence_starts(text)
    i = bisect_left(starts, sent_start)
    return starts[i - 1] if i > 0 else 0


def _with_stand_in(
    text: str,
    pron: re.Match[str],
    found: list[ActorMention],
    mentions: Sequence[ActorMention],
    sent_start: int,
    fits: Callable[[ActorMention], bool],
) -> list[ActorMention]:
    """`found` with the pronoun `pron` standing in for the last mention before it, in its
    sentence or the one before, that `fits`: its actors, with their parent bodies ("the
    Security Council ... it" is the UN's); `found` alone when there is none."""
    prev_start = _sentence_before(text, sent_start)
    for m in reversed(mentions):
        if m.end > pron.start():
            continue
        if m.start < prev_start:
            break
        if fits(m):
            word = pron.group().strip()
            start = pron.start() + pron.group().index(word)
            stand_in = ActorMention(start, start + len(word), word, m.actors, m.qualifiers)
            return sorted([stand_in, *found], key=lambda m: m.start)
    return found


_THEY = re.compile(r"\b(?:they|They)\s+")
_THEM = re.compile(r"\s+them\b")


def _with_they(
    text: str,
    clause: tuple[int, int],
    match: Hit,
    found: list[ActorMention],
    mentions: Sequence[ActorMention],
    sent_start: int,
) -> list[ActorMention]:
    """ "The Taliban emerged in 1994 ... Jalalabad fell to them on Sept. 11": a "they"
    right before the trigger verb with nobody named before it in its clause, or a "them"
    right after it in a clause that names nobody, is the last group named in this sentence
    or the one before: a body (armed groups and parties are plural in English) or the
    several actors of one phrase ("the two leaders"); failing those, a "they" is the two
    people joined by "and" there ("between Moon and Kim. They first met")."""
    if any(clause[0] <= m.start < match.start for m in found):
        return found
    pron = None
    they = list(_THEY.finditer(text, max(clause[0], match.start - 20), match.start))
    if they and len(_TOKEN.findall(text, they[-1].end(), match.start)) <= 1:
        pron = they[-1]
    elif not any(clause[0] <= m.start < clause[1] for m in found):
        pron = _THEM.match(text, match.end)
    if pron is None:
        return found
    out = _with_stand_in(
        text,
        pron,
        found,
        mentions,
        sent_start,
        lambda m: len(m.actors) > 1 or m.actors[0].kind == "organisation",
    )
    if out is found and pron.group().strip() in ("They", "they"):
        # "... between Moon and Kim this year. They first met on April 27": two people
        # joined by "and" in this sentence or the one before
        joined = _joined_pair(
            text, pron, found, mentions, ("person",), _sentence_before(text, sent_start)
        )
        if joined is not None:
            word = pron.group().strip()
            start = pron.start() + pron.group().index(word)
            stand_in = ActorMention(start, start + len(word), word, joined.actors)
            out = sorted([stand_in, *found], key=lambda m: m.start)
    return out


# "captured Kabul yesterday, and hanged the former president": a second past-tense act
# coordinated with the dated one, with the subject left out or a new one named
_AND_BEFORE = re.compile(r"(?:,\s*|\s)and\s+(?:then\s+|also\s+|later\s+)?$")
# the last ", and" or ", when" before the coordinated verb (the dated act's time: "the
# Senate suspended her on May 12, when Temer ... took over as acting president")
_WHEN_SUBJECT_WORDS = 6  # words of an unnamed subject after ", when" ("about 10,000 pupils")
_NEW_SUBJECT_JOIN = re.compile(r", (?:and|when|as) (?!.*, (?:and|when|as) )")
_APPOSITIVE_GAP = re.compile(
    r",\s+(?:a|an|the|his|her|its|their)\s+[\w'\u2019-]+(?:\s+[\w'\u2019-]+){0,3},\s+"
)
_NEW_SUBJECT_GAP = re.compile(r"(?:\s|,|\band\b|\bthe\b|['\u2019]s?)*")


# a verb of another time after a new subject: "and Jamaica and Barbados have offered
# troops", "and Chile will send envoys" (a past one may tell the same happening: "Soviet
# units stormed the palace, and President Amin was killed"; a copula a state of its
# party: "and Brandt is the Social Democrats' candidate")
_FINITE_AFTER = re.compile(r"\s+(?:have|has|had|will|would)\b")


def _own_clause(text: str, lo: int, hi: int, mentions: Sequence[ActorMention]) -> int | None:
    """Where a clause with its own subject, named, and a verb of another time starts after
    ", and" in text[lo:hi] ("..., and Jamaica and Barbados have offered troops"), else
    None."""
    pos = text.find(", and ", lo, hi)
    while pos >= 0:
        p = pos + 6
        named = False
        for m in mentions:
            if m.start < p:
                continue
            gap = _NEW_SUBJECT_GAP.match(text, p, m.start)
            if gap is None or gap.end() != m.start:
                break
            p, named = m.end, True
        if named and (
            _FINITE_AFTER.match(text, p, hi)
            # "and Belgium, the former colonial power, has suspended some aid"
            or (
                text.startswith(", ", p)
                and (gap := _APPOSITIVE_GAP.match(text, p, hi)) is not None
                and _FINITE_AFTER.match(text, gap.end() - 1, hi)
            )
        ):
            return pos
        if (phrase := _SUBJECT_PHRASE.match(text, pos + 6, hi)) is not None and not any(
            _past_verb(w) for w in phrase.group(1).split()
        ):
            # "..., and tens of thousands of Liberians have fled", "and European Community
            # foreign ministers are expected to discuss": a subject of its own, named or
            # not, and a verb of another time
            return pos
        pos = text.find(", and ", pos + 1, hi)
    return None


# a clause's subject, any noun phrase of up to six words with no comma, then a verb of
# another time ("have fled", "will meet", "are expected to", "is due to")
_SUBJECT_PHRASE = re.compile(
    r"((?:(?!(?:that|which|who|whom|whose|then|also|later|so|not|is|are|was|were|has|have|"
    r"had|will|would|be|been|to)\b)[A-Za-z][\w'\u2019.-]*\s+){1,6}?)"
    r"(?:(?:have|has|had|will|would)\s|(?:is|are|was|were)\s+(?:expected|due|set|scheduled)\s+to\s)"
)


# a subject's verb: "Thailand closed", "Thailand's army closed", "Iran's forces have seized"
_SUBJECT_VERB = re.compile(
    r"(?:['\u2019]s|,)?(?:\s+(?!(?:and|or|but|on|in|at|with|to|from|of|for|by|the|a|an|near|into|"
    r"over|after|before|as|its|their|his|her)\b)[a-z]+){0,2}?"
    r"\s+(?:(?:has|have|had|was|were|will|would)\s+)?([a-z]+)\b"
)

_SUBORDINATE_WORD = re.compile(
    r"\b(?:after|before|when|while|because|since|until|once|although|though|whereas|where|"
    r"which|who|whom|whose|as)\b"
)


def _with_shared_subject(
    text: str,
    sent: tuple[int, int],
    join: int,
    m_start: int,
    m_end: int,
    found: list[ActorMention],
    mentions: Sequence[ActorMention],
) -> list[ActorMention]:
    """A verb coordinated with the one before it, its subject left out, is that verb's
    subject's act: "Thailand closed all border crossings with Cambodia on Thursday and
    expelled the Cambodian ambassador" (Thailand expels, not Cambodia); who the first verb
    named after it (Cambodia, with whom the crossings were) is not in the second act.
    The subject is the last name before the "and" that a past verb follows ("said Iran
    attacked the base and killed ...", "when the Soviet leader, Mikhail Gorbachev, came
    ... and warned"); with none (an unnamed subject: "Gunmen stormed the hotel and killed
    ..."), with a subordinate clause opened after it, or when the trigger is no verb
    ("sanctions and strikes"), the actors stay."""
    word = text[m_start:m_end].split(" ", 1)[0]
    if not _past_verb(word):
        return found
    subject: ActorMention | None = None
    for m in mentions:
        if m.start < sent[0] or m.end > join:
            continue
        v = _SUBJECT_VERB.match(text, m.end, join)
        if v is not None and _past_verb(v.group(1)):
            subject = m
    if subject is None or _SUBORDINATE_WORD.search(text, subject.end, join):
        # "France sent its aircraft in after Islamist fighters of Ansar Dine overran Konna
        # on Thursday and threatened ...": the verb coordinated is the subordinate
        # clause's, whose subject is not named as one
        return found
    # the names joined to it before ("US and British warplanes"), as _JOINT
    run = [subject]
    i = mentions.index(subject)
    while (
        i > 0
        and mentions[i - 1].start >= sent[0]
        and _JOINT.fullmatch(text, mentions[i - 1].end, run[0].start)
    ):
        i -= 1
        run.insert(0, mentions[i])
    between = [m for m in found if run[-1].end <= m.start and m.end <= join]
    if not between:
        return found
    # (those named before the subject stay: a speaker's, a place's, as before)
    kept = [m for m in found if m.end <= run[0].start and m not in run]
    return [*kept, *run, *(m for m in found if m.start >= join)]


@lru_cache(maxsize=1)
def _group_noun_regex() -> re.Pattern[str]:
    """The nouns of resources/events/group_nouns.tsv after a state's adjective or name, up
    to the verb: " paratroopers ", "'s border guards ", " riot police "."""
    return re.compile(
        r"(?:['\u2019]s)?\s+(?:[a-z-]+\s+)?(?:"
        + _alternatives("group_nouns.tsv")
        + r")\s+(?:(?:also|then|later|again)\s+)?"
    )


def _coordinated_acts(
    text: str,
    sent: tuple[int, int],
    match: Hit,
    hits: Sequence[Hit],
    mentions: Sequence[ActorMention],
    subject: Sequence[ActorMention],
) -> list[tuple[Hit, list[ActorMention], tuple[int, int]]]:
    """Acts coordinated with the dated one that share its date: "Taliban fighters captured
    Kabul yesterday ..., and hanged the former president" (the subject left out: the dated
    act's), "Venezuela froze relations with Brazil the same night, and Ecuador and Bolivia
    recalled their ambassadors" (a new subject, named). Each: (trigger, subject mentions,
    clause from the "and" to the sentence's end). Only past-tense verbs count ("and talks"
    is a noun, "and will meet" another time), and no speech verbs but those of a new
    subject ("and Ecuador said it would recall its envoy"), nor an act said after a
    verbal one: "condemned the diversion and called for his release" is one statement, but
    "met in Riyadh on Tuesday and agreed to restore staffing" is a meeting and a deal."""
    out: list[tuple[Hit, list[ActorMention], tuple[int, int]]] = []
    quad = lexicon().quad
    verbal = quad[match.trigger.type].startswith("verbal")
    for h in hits:
        if h.start <= match.end:
            continue
        if verbal and h.trigger.type in _VERBAL_ACTS:
            continue  # said in the same breath: urged, condemned, welcomed, rejected
        # a statement is its own only with its own subject: "and said it would respond"
        # goes with the act before, "and Ecuador said it would respond" does not
        said = h.trigger.type == "STATEMENT"
        word = text[h.start : h.end].split(" ", 1)[0]
        at = h.start  # where the act's verb starts
        if not _past_verb(word):
            # a happening named by a noun its verb governs: "and the Security Council
            # held an emergency session", "and Lumumba sent a telegram"
            gov = _GOVERNING_VERB.search(text, max(match.end, h.start - 24), h.start)
            verb = gov.group(1) if gov is not None else ""
            if not _past_verb(verb):
                continue
            at = gov.start()  # type: ignore[union-attr]
        lo = max(match.end, at - 120)
        joined = _AND_BEFORE.search(text, max(match.end, at - 16), at)
        if joined is not None:
            if subject and not said:
                out.append((h, list(subject), (joined.start(), sent[1])))
            continue
        # a new subject: only names (and "and", "the", commas, an appositive) between ", and"
        # or ", when" and the verb
        join = _NEW_SUBJECT_JOIN.search(text, lo, at)
        if join is None:
            continue
        comma_and = join.start()
        if said and text.startswith(", as ", comma_and):
            continue  # "..., as Ukraine's army said": whose word the dated act is told on
        pos = join.end()
        new = [m for m in mentions if pos <= m.start and m.end <= at]
        if not new:
            if (
                not (said and _WHEN_TOLL.search(text, pos, at))
                and text.startswith(", when ", comma_and)
                and "," not in text[pos:at]
                and len(text[pos:at].split()) <= _WHEN_SUBJECT_WORDS
            ):
                # "The protests turned deadly on May 12, when security forces shot four
                # students": the "when" clause tells the dated happening, its subject
                # unnamed; who it names after its verb takes part
                out.append((h, [], (comma_and, sent[1])))
                if said:
                    break
            continue
        for m in new:
            gap = _NEW_SUBJECT_GAP.match(text, pos, m.start)
            if gap is None or gap.end() != m.start:
                break
            pos = m.end
        else:
            gap = _NEW_SUBJECT_GAP.match(text, pos, at)
            if gap is not None and gap.end() != at:
                # "when Temer, her vice-president, took over": an appositive after the name
                gap = _APPOSITIVE_GAP.match(text, pos, at)
            if gap is None or gap.end() != at:
                # "when Israeli paratroopers took the Old City": the state's people or arms
                gap = _group_noun_regex().match(text, pos, at)
            if gap is not None and gap.end() == at:
                out.append((h, new, (comma_and, sent[1])))
                if said:
                    break  # what follows is what was said: "said the sanctions would stay"
    return out


# a count of people as a "when" clause's subject: "when about 50 people died" tells the
# dated happening's toll, nobody's statement
_WHEN_TOLL = re.compile(r"\d|\b(?:dozens|hundreds|thousands|scores)\b")


# the verb right before a noun trigger, with at most an article or possessive between
_GOVERNING_VERB = re.compile(r"([a-z]+)[ ]+(?:(?:a|an|the|its|their|his|her)[ ]+)?$")


_ITS = re.compile(r"\b[Ii]ts\s+(?:[\w-]+\s+){0,2}$")
_ITS_RELATIVE = re.compile(r", (?:who|which|whose|where) ")
# a name after a preposition of place, which is not what "its" points back to
_OBJECT_OF_PLACE = re.compile(r"\b(?:from|into|to|in|at|near)\s+(?:the\s+)?$")


def _with_its_owner(
    text: str,
    match: Hit,
    found: list[ActorMention],
    mentions: Sequence[ActorMention],
    sent_start: int,
) -> list[ActorMention]:
    """ "The OAU, which ..., has invited Mandela to its summit in Tunis": the owner of "its"
    happening is the last state or body named before it in the sentence (or the one before)
    and takes part in it."""
    its = _ITS.search(text, max(sent_start, match.start - 30), match.start)
    if its is None:
        return found
    prev_start = _sentence_before(text, sent_start)
    relatives = []  # ", which the country never joined,": not the owner
    # (also in the sentence before, which the owner may open: "Bangladesh, where 400,000
    # Rohingya refugees live, said it would accept no more. Its border guards ...")
    for rel in _ITS_RELATIVE.finditer(text, max(prev_start, 0), its.start()):
        close = text.find(", ", rel.end(), its.start())  # not "90,000"
        if close > 0:
            relatives.append((rel.start(), close))
    for m in reversed(mentions):
        if m.end > its.start() or any(a <= m.start < b for a, b in relatives):
            continue
        if m.start < prev_start:
            break
        if _OBJECT_OF_PLACE.search(text, max(0, m.start - 12), m.start):
            continue  # "take no more refugees from Myanmar. Its soldiers": not the owner
        if all(a.kind != "person" for a in m.actors):
            if any(m.actors[0] in x.actors for x in found):
                return found
            stand_in = ActorMention(its.start(), its.start() + 3, "its", m.actors, m.qualifiers)
            return sorted([stand_in, *found], key=lambda x: x.start)
    return found


def _fill(template: str, slots: dict[str, str]) -> str:
    out = template
    for key in _slot_names(template):
        if key in slots:
            out = out.replace("{" + key + "}", slots[key])
    if "{" in out:
        out = _EMPTY_SLOT.sub("", out)  # a missing part drops out, with its preposition
    if "  " in out:
        out = _SPACES.sub(" ", out)
    out = out.strip(" -")
    if out.rpartition(" ")[2] in _DANGLING_WORDS:
        out = _DANGLING.sub("", out)  # "UK aid to" -> "UK aid"
    return out[:1].upper() + out[1:] if out else out


def _object(text: str, pos: int, end: int) -> str:
    """The proper name a trigger acts on ("seized the Crimea region" -> "Crimea"); a
    gazetteer name longer than the capitalised words read whole ("quit the International
    Atomic Energy Agency" -> "IAEA", "left the Council of Europe")."""
    if m := _OBJECT.match(text, pos, end):
        stop = _before_date(text, m.start(1), m.end(1))
        if stop < m.end(1) or m.group(1) in _FEASTS:
            # "struck Kyiv Monday": the name ends before its date; "rejected a Ramadan
            # truce": a feast names a time, not what is acted on
            obj = text[m.start(1) : stop].rstrip(".'\u2019")
            return "" if obj in _FEASTS else obj
        if (whole := _longer_name(text, m.start(1), m.end(1), end)) is not None:
            return whole
        obj = m.group(1).rstrip(".'\u2019")
        if (body := _gazetteer().actor(obj)) is not None and body.kind == "organisation":
            return short_name(body)  # "quit the World Health Organization": WHO
        if _lost_apostrophe(text, m.end(1), obj):
            obj = obj[:-1] + "'s"  # "struck Gbagbos heavy weapons": "Gbagbo's" (see _label)
        return _REGION_WORD.sub("", obj)
    return ""


_NAME_WORD = re.compile(r"\s+(?:of\s+(?:the\s+)?|for\s+|and\s+)?[A-Z][\w'\u2019.-]*")


def _longer_name(text: str, start: int, stop: int, end: int) -> str | None:
    """The gazetteer name that begins at `start` and goes on past `stop`, where _OBJECT
    stopped reading ("International Atomic Energy| Agency", "Council| of Europe"), as a
    label names it (an organisation by its short name); None when there is none."""
    gaz = _gazetteer()
    pos, found = stop, None
    for _ in range(4):
        m = _NAME_WORD.match(text, pos, end)
        if m is None:
            break
        pos = m.end()
        if (actor := gaz.actor(text[start:pos])) is not None:
            found = actor, text[start:pos]
    if found is None:
        return None
    actor, surface = found
    return short_name(actor, gaz) if actor.kind == "organisation" else surface


# what follows a plural or a name rather than a possessive's noun
_FUNCTION_WORDS = frozenset(
    "a an the and or but of to in on at by for from with as than that which who when where "
    "while after before since until is are was were be been has have had will would said "
    "says".split()
)
_WORD_AFTER = re.compile(r"[ \t]+([a-z]+)\b")


def _lost_apostrophe(text: str, end: int, name: str) -> bool:
    """Whether the name ending at `end` is a possessive whose apostrophe a scraped copy
    lost: "Washingtons request", "Irans oil province". It ends in an "s" before a noun,
    is no name of its own ("Athens airport", "the Philippines navy"), and without the "s"
    it is one: an actor's name, or a word the text uses ("Gbagbo")."""
    if len(name) < 4 or name[-1] != "s" or name[-2] in "su'\u2019":
        return False  # "Congress", "Mauritius"
    nxt = _WORD_AFTER.match(text, end)
    if nxt is None or nxt.group(1) in _FUNCTION_WORDS:
        return False  # "in Athens on Monday", "the Philippines and Vietnam"
    gazetteer = _gazetteer()
    if gazetteer.actor(name) is not None:
        return False
    stem = name[:-1]
    return (
        gazetteer.actor(stem) is not None
        or re.search(rf"(?<![\w-]){re.escape(stem)}(?![\w-])", text) is not None
    )


def _np(text: str, lo: int, hi: int, trig: Trigger) -> str:
    """The noun phrase of a noun trigger in text[lo:hi] ("a pro-Russian separatist war")."""
    nouns = [
        f
        for f in trig.forms
        if f
        in (
            "war",
            "wars",
            "conflict",
            "fighting",
            "insurgency",
            "uprising",
            "revolt",
            "revolts",
            "rebellion",
            "rebellions",
        )
    ]
    any_noun = "|".join(map(re.escape, nouns))
    for m in re.finditer(rf"(?i)\b(?:{any_noun})\b", text[lo:hi]):
        words = text[lo : lo + m.start()].split()
        kept: list[str] = []
        for w in reversed(words[-3:]):
            if w.lower() in _DETERMINERS or not _NP_WORD.match(w):
                break
            kept.insert(0, w)
        return " ".join([*kept, m.group().lower()])
    return ""


# the unnamed bodies and crowds of a state ("the interior ministry said", "police fired
# tear gas", "lawmakers voted"): with no actor named, they are the article's state's
_BODY_SUBJECT = re.compile(
    r"\b(?:[Gg]overnment|[Mm]inistry|[Cc]abinet|[Oo]fficials|[Aa]uthorities|[Pp]olice"
    r"|[Aa]rmy|[Mm]ilitary|[Tt]roops|[Ss]oldiers|[Pp]arliament|[Ll]awmakers|[Ll]egislators"
    r"|[Ss]enate|[Cc]ongress|[Cc]ouncil|[Cc]ommission|[Cc]ourt|[Jj]udges|[Pp]rosecutors?"
    r"|[Pp]rotesters|[Dd]emonstrators|[Rr]esidents|[Ww]orkers|[Dd]octors|[Nn]urses|[Ss]tudents"
    r"|[Jj]unta|[Rr]egime|[Ss]tate media|[Ss]tate television|[Nn]ews agency"
    # a crowd's happening as the subject: "The protests began last Sunday in Zhanaozen"
    r"|[Pp]rotests|[Dd]emonstrations|[Rr]iots|[Uu]nrest|[Cc]rowds|[Mm]obs?|[Rr]ioters"
    r"|[Ss]trikers|[Mm]archers|[Uu]nions|[Cc]ommittees"
    # a crowd counted or named by its number: "more than a million people marched"
    r"|[Pp]eople|[Tt]housands|[Hh]undreds|[Cc]itizens|[Vv]oters)\b"
)
# a passive with no doer: "A curfew was imposed across the island on Sunday", "The funeral
# will be held on Dec. 28", "The monarchy was abolished in 2008" (a participle after a form of
# "be", an adverb between them allowed)
_PASSIVE = re.compile(
    r"\b(?:was|were|is|are|be|been)\s+(?:\w+ly\s+)?"
    r"(?:\w+ed|held|given|taken|shut|put|set|laid|made|brought|cut|sworn)\b"
    # not a plan told of its doer: "is expected to address", "are due to", "was set to"
    r"(?!\s+to\b)"
)
_BY_DOER = re.compile(r"\bby\b")


def _agentless(text: str, clause: tuple[int, int], start: int, end: int) -> bool:
    """Whether the trigger at text[start:end] is told in a passive with no doer named, the
    passive within its clause and three words of the trigger ("A curfew was imposed",
    "will be buried", "will be given a state funeral"), no "by" after it in the clause: the
    unnamed doer of a measure or a ceremony is the state where the story happens, as an
    unnamed body is ("Police fired tear gas on Monday")."""
    for m in _PASSIVE.finditer(text, clause[0], clause[1]):
        if m.start() > end and _token_distance(text, start, end, m.start(), m.end()) > 3:
            break
        if m.end() < start and _token_distance(text, m.start(), m.end(), start, end) > 3:
            continue
        return _BY_DOER.search(text, m.end(), clause[1]) is None
    return False


# where a crowd's happening takes place, right before a town's name: "marched through
# Lahore", "protested in Quetta", "near the town of Shusha"
_WHERE_BEFORE = re.compile(
    r"\b(?:in|through|near|at)\s+(?:the\s+(?:city|town|village|region|province)\s+of\s+)?\Z"
)


def _crowd_town_state(text: str, clause: tuple[int, int]) -> list[Actor]:
    """The state of the town or region a crowd with nobody named marches, protests or
    camps in ("Students marched through Lahore on Tuesday", "set up tents near the town
    of Shusha"), from the places list: a crowd's happening is of the state where it
    happens, which its place names better than the dateline or the article's most named
    state (a Pakistani protest in a story filed from New Delhi); [] when no place is
    named so in the clause."""
    for spot in _place_regex().finditer(text, clause[0], clause[1]):
        if _WHERE_BEFORE.search(text, clause[0], spot.start()):
            return [Actor(places()[spot.group()], "country")]
    return []


# with nobody named, a body or a crowd named by what its members are, as the subject of a
# happening with no party named: "Deputies adopted it the following day", "Junior officers
# mutinied on Sept. 11", "about 10,000 pupils marched", "royalists rallied in the capital",
# "Union leaders said today" (the state where the story happens; not as the subject that
# makes a named person's act his state's, _acts_for_state: "European leaders ... hosted by
# Emmanuel Macron" are none of France's bodies)
_MEMBERS_SUBJECT = re.compile(
    r"\b(?:[Dd]eputies|MPs|[Oo]fficers|[Pp]upils|[Rr]oyalists|[Mm]iners|[Ff]armers"
    r"|[Tt]eachers|[Vv]olunteers|[Cc]rowd|[Ll]eaders"
    # a state's armed service or its fleet: "the navy did not announce the accident",
    # "The carriers Hermes and Invincible left Portsmouth on April 5"
    r"|[Nn]avy|[Cc]oast [Gg]uard|[Aa]ir [Ff]orce|[Cc]arriers|[Ee]xpedition)\b"
)
# a crowd's happening that is itself the subject and the trigger: "The protests began last
# Sunday in Zhanaozen", "Riots broke out on Monday" (the state where the story happens)
# (and a people's rising: "The uprising began on Oct. 23", "the revolt in Benghazi")
_CROWD_HAPPENING = re.compile(
    r"[Pp]rotests|[Dd]emonstrations|[Rr]iots|[Rr]ioting|[Uu]nrest|[Uu]prisings?|[Rr]evolts?"
)
# the crowd as the trigger and the subject: "Protesters broke into the embassy on Friday
# night" (the state where the story happens, as for its happening)
_CROWD = re.compile(r"[Pp]rotesters|[Dd]emonstrators|[Rr]ioters")
# what may stand before a crowd that is the subject of its clause, and after it: "Hundreds
# of angry protesters broke in", "a day after rioters burned"; not "who advised the
# protesters", "when more than 100 protesters were shot dead" (the crowd acted on)
_CROWD_BEFORE = re.compile(
    r"(?:[\W\d]*\b(?:[Tt]he|[Hh]undreds|[Tt]housands|[Dd]ozens|[Ss]ome|[Mm]any|[Aa]bout|[Mm]ore"
    r"|than|of|angry|furious|after|before|when|where|as|while|and|a|day|hours|[A-Z]\w*)\b)*"
    r"[\W\d]*"
)
_CROWD_ACTED_ON = re.compile(r"\s+(?:were|was|had\s+been|have\s+been|are|being)\b")
# the story's happening named again by a definite noun as the subject of its start: "The
# protests began", "the fighting broke out", "The heaviest fighting erupted" (nobody named
# before the noun: not "The Serb offensive", "Sunday's riots")
_BACKGROUNDER = re.compile(r"\W*(?:(?:[Bb]ut|[Aa]nd)\s+)?[Tt]he\s+(?:[a-z][a-z-]*\s+){0,2}")
# "The talks began on Monday between Israel and Syria": the parties come after the verb
_BETWEEN_AFTER = re.compile(r"\bbetween\b")
# happenings that are always between parties (sanctions too: "the embargo takes effect in
# December"), whom the article names elsewhere if not here
_BETWEEN_PARTIES = {"ASSAULT", "CONCEDE", "AGREE", "CONSULT", "SANCTION"}
# a crowd fired on or killed: "troops fired on demonstrators", "opened fire on a crowd",
# "shot dead 17 protesters", "the police shootings of December 1970, when the strike was
# crushed": force used on the state's own people, with no second state as a side
_CROWD_TARGET = re.compile(
    r"\b(?:(?:fired|firing|fire|opened\s+fire)\s+(?:on|into|at)|shot|shootings|killed|killing"
    r"|crushed|charged)\b(?:\s+(?!(?:by|from)\b)[\w,-]+){0,5}?\s+(?:crowds?|protesters|demonstrators"
    r"|marchers|strikers|mourners|worshippers|students|monks|rioters|workers)\b"
)
_VENUE_BEFORE = ("in ", "In ")  # "at" also aims: "fired at Russia"
# who rules from a capital, before "in" and its name: "the military government in Athens",
# "the regime in Damascus", "the authorities in Beijing"
_RULERS_IN = re.compile(
    r"\b(?:government|regime|authorities|leadership|junta|rulers|administration)\s+in\s+$"
)


# a body's summit with no business of the article's named ("where NATO holds its own
# summit on Wednesday", "the G20 summit, which runs Nov. 15-16"): the members meet each
# other, and the state the article is about is none of its parties; a summit that takes up
# the article's crisis ("due to discuss the crisis at a summit", "an extraordinary summit
# on the dispute") still deals with it, as one its host holds ("Kampala hosts an African
# Union summit")
_SUMMIT_WORDS = frozenset({"summit", "summits", "summit meeting"})
_TAKES_UP = re.compile(
    r"(?i)\b(?:discuss\w*|crisis|dispute|conflict|question|take up|takes up|took up"
    r"|consider\w*|over the|on the (?!eve\b)|host\w*)"
)


def _own_summit(text: str, clause: tuple[int, int], start: int, end: int, ttype: str) -> bool:
    return (
        ttype == "CONSULT"
        and text[start:end].lower() in _SUMMIT_WORDS
        and not _TAKES_UP.search(text, clause[0], clause[1])
    )


@lru_cache(maxsize=1)
def _members_meet_regex() -> re.Pattern[str]:
    """The members of a body who meet for it: "EU foreign ministers", "NATO ambassadors",
    "heads of state" (resources/events/body_members.tsv)."""
    return re.compile(r"(?i)\b(?:" + _alternatives("body_members.tsv") + r")\b")


def _members_meet(text: str, clause: tuple[int, int], start: int, ttype: str) -> bool:
    """Whether a body's members meet for it, with no state named and no topic told: "EU
    foreign ministers, meeting in emergency session in Brussels", "NATO ambassadors held an
    emergency meeting". By the owner's convention the body is the meeting's party; the state
    the article is about is no party unless the text names it (as _own_summit, a summit of
    its own; "to discuss the crisis" keeps the article's state, as a topic told)."""
    return (
        ttype == "CONSULT"
        and _members_meet_regex().search(text, clause[0], start) is not None
        and not _TAKES_UP.search(text, clause[0], clause[1])
    )


# what a body condemns, right after the verb: "condemned the killing", "condemned the deadly
# attacks" (one word may qualify the harm), "condemned these atrocities"
@lru_cache(maxsize=1)
def _suffered_harm_regex() -> re.Pattern[str]:
    """A harm with its doer unnamed, as what is condemned (resources/events/
    suffered_harms.tsv)."""
    harms = _alternatives("suffered_harms.tsv")
    return re.compile(
        rf"\s+(?:the|these|this|those)\s+(?:[\w-]+\s+)?(?:{harms})\b(?!\s+(?:by|of)\b)"
    )


def _condemns_harm(text: str, end: int, ttype: str) -> bool:
    """Whether a body condemns a harm whose doer the clause leaves unnamed: "The UN Security
    Council condemned the killing on Thursday", "unanimously condemned the attacks". The
    state the article is about suffered it or is where it happened; the body does not accuse
    it, so it is no party (as it is of an act of the state's own: "condemned the invasion",
    "condemned the coup", "condemned the tests"). Not a harm whose doer or victim follows
    ("condemned the killing of protesters by the army"): those named are the parties."""
    return ttype == "ACCUSE" and _suffered_harm_regex().match(text, end) is not None


@lru_cache(maxsize=1)
def _armed_group_nouns() -> frozenset[str]:
    """The anaphors that mark an armed group (resources/events/armed_group_nouns.tsv)."""
    return frozenset(row[0] for row in _rows("armed_group_nouns.tsv"))


def _armed_group(actor: Actor) -> bool:
    """Whether the organisation is an armed group or movement: what the text may call it
    once named is "the rebels", "the insurgents", "the militia" (its gazetteer anaphors,
    resources/events/armed_group_nouns.tsv). Acting alone ("M23 pulled out the following
    month", "Taliban fighters swept into the capital"), it is the party of its own act: the
    state the article names most is no party thereby (by the actor convention a state is a
    party where the text makes it one), and is often not even the group's own ("Taliban
    seizes" in a story from Washington)."""
    return actor.kind == "organisation" and not _armed_group_nouns().isdisjoint(
        _gazetteer().anaphors(actor.name)
    )


def _home_state(mentions: Sequence[ActorMention], memo: list[list[Actor]]) -> list[Actor]:
    """The state where an article's story happens: the one named most, as a party, a
    venue or through its people (at least twice, and more often than any other). Worked
    out once per article: `memo` is the article's empty list, filled on first use."""
    if not memo:
        memo.append(_most_named_state(mentions))
    return memo[0]


# "SANTO DOMINGO - ", "NEW DELHI — ", "MOSCOW, Dec. 26 (Reuters) - ": a place in capitals
# opening the body, then a dash (dateline.place_line)
def _dateline_state(text: str, when: date) -> list[Actor]:
    """The state the article's dateline names (Gazetteer.dateline_state), as a list."""
    found = _gazetteer().dateline_state(text, when)
    return [found] if found is not None else []


def _most_named_state(mentions: Sequence[ActorMention]) -> list[Actor]:
    counts: Counter[str] = Counter()
    states = set()
    for m in mentions:
        for a in m.actors:
            if a.kind == "country":
                counts[a.name] += 1
                states.add(a.name)
            elif a.kind == "person" and a.affiliation:
                counts[a.affiliation] += 1
    first = clear_first({name: n for name, n in counts.items() if name in states})
    return [Actor(first, "country")] if first is not None else []


def _topic(text: str, mentions: Sequence[ActorMention]) -> tuple[Actor, ...]:
    """The article's two most named states or bodies (at least twice each), not counting
    the cities where things happen ("talks in Vienna")."""
    # (people are left out as they are met, not counted and dropped after: the states and
    # bodies keep their counts and the order they were first met in, so most_common ranks
    # them, ties included, as it did)
    counts: Counter[Actor] = Counter()
    for m in mentions:
        if len(m.actors) != 1:
            continue
        a = m.actors[0]
        if a.kind != "person" and (
            m.text.startswith(a.name)
            or not text.endswith(_VENUE_BEFORE, max(0, m.start - 4), m.start)
        ):
            counts[a] += 1
    return tuple(a for a, n in counts.most_common(2) if n >= 2)


def _pair(trig: Trigger, actors: Sequence[Actor]) -> list[str]:
    """The names of the actors a label names as a pair or list: "Biden-Putin", "US-Russia"."""
    pair_actors = [a for a in actors if a.kind == "person"] if trig.type == "CONSULT" else []
    gaz = _gazetteer()
    if len(pair_actors) < 2:
        # a country beside its own leader adds nothing to "Putin talks"
        # nor a state beside its own body: "Knesset debate", not "Israel-Knesset debate"
        led = {a.affiliation for a in actors if a.kind == "person"}
        led.update(gaz.parent(a.name) for a in actors if a.kind == "organisation")
        pair_actors = [a for a in actors if a.name not in led] or list(actors)
    return list(dict.fromkeys([short_name(a, gaz) for a in pair_actors[:3]]))


# labels whose object may be a person: "Peru recognises González", "Iran detains Smith"
_PERSON_OBJECT = (" recognises ", " detains ", " executes ")
_ACTED_ON_SLOTS = frozenset({"object", "target", "target_adj", "governed"})
_MATERIAL_LABEL = frozenset({"COERCE", "ASSAULT", "MOBILIZE", "SANCTION", "AID", "RETREAT"})
_GENERIC_LABELS = frozenset({"remarks", "talks", "meeting", "phone call", "call"})


def _flees_for_himself(
    person: Actor, actors: Sequence[Actor], when: date, *, former: bool = False
) -> bool:
    """Whether a person leaving for another state ("Tikhanovskaya left for Lithuania",
    "Taylor gave up the presidency and flew into exile in Nigeria", "Assad was granted
    asylum in Moscow") goes on his own account: he holds no office of his state that day
    (an opposition figure, a leader deposed or resigned). A sitting leader's flight ("the
    president fled to the Maldives" before resigning) stays his state's act. With
    `former` (an arrival typed as a visit: "Morales arrived in Mexico City", "Marcos flew
    to Guam"), only a past holder of such an office: an official whose office the
    gazetteer does not record ("Kissinger arrived in Peking" in 1971) still travels for
    his state."""
    if not any(a.kind == "country" and a.name != person.affiliation for a in actors):
        return False
    offices = [o for o in _gazetteer().offices(person.name) if o.of == person.affiliation]
    if former and not any(o.end is not None and o.end <= when for o in offices):
        return False  # a visit: only a former holder (a deposed leader) goes for himself
    return not any(o.held(when) for o in offices)


@lru_cache(maxsize=8)
def _journey(trig: Trigger) -> Trigger:
    """A person's "flew home", "flew back to Moscow": the end of a journey, not a withdrawal.
    Typed as the trigger file types travel ("flew to": CONSULT) and labelled with the
    person; diplomats, troops or staff who go home keep the row's RETREAT ("Mexican
    diplomats flew home from Quito": Mexico withdraws)."""
    return replace(trig, type="CONSULT", label=_JOURNEY_LABEL, journey=False)


_JOURNEY_LABEL = "{source} returns home"
_TRUCE_LABEL = "{pair} ceasefire"  # triggers.tsv: "ceasefire|truce|armistice..."
_MISSILE_LABEL = "{source} missile launch"  # triggers.tsv: "test-fired|...|tested"
_ARTILLERY_LABEL = "{source} artillery fire"
_FIRED_GUNS = re.compile(r"(?i)(?:\W+\w+){0,8}?\W+(?:shells|artillery|mortars?|howitzers?)\b")
_FLED = frozenset({"fled", "flee", "flees", "fleeing", "fled to", "went into exile"})
# where a flight goes or what it leaves: "fled to the Maldives", "fled into exile in
# Nigeria", "fled the capital for Jalal-Abad", "fled Kabul"; and leaving the country:
# "fled the country", "fled abroad"
_FLED_TO = re.compile(
    r"\s+(?:(?:(?!and\b|but\b)[a-z]+\s+){0,4}?(?:to|into|for)\s+|(?:into\s+exile\s+)?in\s+)?"
    r"(?:the\s+)?([A-Z][\w'\u2019.-]+(?:\s+[A-Z][\w'\u2019.-]+){0,2})"
)
_FLED_ABROAD = re.compile(
    r"\s+(?:the\s+country|(?:his|her|their)\s+(?:country|homeland)|abroad|overseas|into\s+exile)\b"
)


def _as_labelled(
    text: str, clause: tuple[int, int], match: Hit, trig: Trigger, source: Actor | None
) -> Trigger:
    """The trigger as an editor labels what it names, its type unchanged. A test with a
    nuclear word after it and no missile ("tested a nuclear device", "a test of an atomic
    bomb") is a nuclear test, not a missile launch (the words: the needs of the nuclear
    test and missile launch rows of triggers.tsv). A person's flight ("fled the country",
    "fled to the Maldives") is his own, labelled with him and where he went or what he
    left ("Ghani flees Afghanistan"), also when his state is listed as a party to it (a
    sitting leader's, see _flees_for_himself)."""
    end = clause[1]
    if trig.label == _MISSILE_LABEL:
        triggers = lexicon().triggers
        nuclear, missile = triggers["detonated"].needs, triggers["fired"].needs
        if (
            nuclear is not None
            and missile is not None
            and nuclear.match(text, match.end, end) is not None
            and missile.match(text, match.end, end) is None
            and _MISSILE_WORDS.search(text, match.start, match.end) is None
        ):
            return _as_family("nuclear tests", trig.weight)
        if (
            (fired := _FIRED_GUNS.match(text, match.end, end)) is not None
            and _MISSILE_WORDS.search(text, match.start, fired.end()) is None
            and trig.needs is not None  # "fired", "launched": not "test-fired"
        ):
            return replace(trig, label=_ARTILLERY_LABEL)  # "fired artillery shells near"
        return trig
    if (
        source is None
        or source.kind != "person"
        or " ".join(text[match.start : match.end].lower().split()) not in _FLED
    ):
        return trig
    where = ""
    if (m := _FLED_TO.match(text, match.end, end)) is not None and not _NOT_PLACE.match(m.group(1)):
        name = m.group(1).rstrip(".'\u2019")
        into = text[match.end : m.start(1)]
        to = any(w in into for w in (" to ", " into ", " for ", " in ")) or text.endswith(
            "to", match.start, match.end
        )
        where = f"to {name}" if to else name
    elif _FLED_ABROAD.match(text, match.end, end):
        state = source.affiliation
        where = _SHORT.get(state, state) if state else "abroad"
    return replace(trig, label=f"{{source}} flees {where}".rstrip(), personal=True)


def _label(
    text: str,
    clause: tuple[int, int],
    trig: Trigger,
    match: Hit,
    source: Actor | None,
    target: Actor | None,
    actors: Sequence[Actor],
    doer: str = "",
) -> str:
    """The trigger's label template filled in: "{pair} phone call" -> "Biden-Putin phone
    call". Only the slots the template names are worked out. `doer`: the words of a
    subject that names nobody ("Pro-Russian rebels"), the source slot's when no actor
    acts and another is acted on ("Pro-Russian rebels seize Ukraine")."""
    template = trig.label
    keys = _slot_names(template)
    gaz = _gazetteer()
    names: list[str] | None = None  # the pair's names, worked out when needed

    def pair() -> list[str]:
        nonlocal names
        if names is None:
            names = _pair(trig, actors)
        return names

    slots: dict[str, str] = {}
    obj = ""
    act = False
    plural = False  # a plural name acts: "Houthis seize Sanaa"
    if "object" in keys or "governed" in keys:
        act = _one_verb(trig)
        obj = _object(text, match.end, clause[1])
        if obj and (
            (
                not any(verb in template for verb in _PERSON_OBJECT)
                # "Brown succeeded Blair": a one-verb act's person, right after its verb
                and not (act and text.startswith(obj, match.end + 1))
                and any(a.kind == "person" and obj in (a.name, short_name(a, gaz)) for a in actors)
            )
            or _DEMONYM.match(obj)
            or gaz.is_demonym(obj.split()[0])
        ):
            # "annexes Putin": a person is not what is seized or visited (but is what is
            # recognised or detained); "attack on Russian", "seizes British-flagged": an
            # adjective is not the thing acted on
            obj = ""
        if obj and _NOT_PLACE.match(obj.split()[0]):
            obj = ""  # "attack on Wednesday", "attack on Nov. 1": a date word is no object
        if act and (who := next((a for a in actors if a.kind == "person" and a.name == obj), None)):
            obj = short_name(who, gaz)  # "Brown succeeded Blair", as the source is named
        if (
            obj
            and text[match.start : match.end].lower() not in trig.forms
            and (at := text.find(obj, match.end, clause[1])) >= 0
            and _SUBJECT_AFTER_NAME.match(text, at + len(obj))
        ):
            # a statement read as the act it reports: "said Brazil would turn the offer
            # down" rejects no Brazil; the name is the reported clause's subject, not what
            # is acted on
            obj = ""
        if obj.endswith(_POSSESSIVE):
            obj = obj[:-2]  # "attack on Gbagbo's compound": Gbagbo's side is hit
        if (
            (not obj or _DEMONYM.match(obj))
            and " seizes " in template
            and (ship := _VESSEL.match(text, match.end, clause[1])) is not None
        ):
            # "seized the British-flagged tanker", "seized a tanker flagged in Panama": the
            # ship is what is seized (its flag's state stays the target), not "seizes UK"
            # (an attack on "Ukrainian ships" is on Ukraine, as the tests have it)
            noun, flag = ship.group(1), ship.group(2)
            obj = f"{flag}-flagged {noun}" if flag and noun[:1].islower() else noun
        if (
            not obj
            and target is not None
            and (not act or _named_after(text, match.end, clause[1], target, gaz))
        ):
            # (a one-verb act names what its verb's words name: "floated buying Greenland",
            # but "Britain recalled its high commissioner from Salisbury" recalls no Rhodesia)
            if target.kind != "person" or (
                any(verb in template for verb in _PERSON_OBJECT)
                and (source is None or source.kind != "person")
            ):
                obj = short_name(target, gaz)  # "Russia detains Navalny"
            elif target.affiliation and "visits" in template:
                obj = _SHORT.get(target.affiliation, target.affiliation)  # visits Taiwan
    for key in keys:
        if key == "pair":
            slots[key] = "-".join(pair())
        elif key == "source":
            src = source
            if (
                src is not None
                and src.kind == "person"
                and src.affiliation
                and trig.type in _MATERIAL_LABEL
                and not trig.personal  # "Varoufakis resigns", not "Greece resigns"
            ):
                src = Actor(src.affiliation, "country")  # states act: "Russia seizes Crimea"
            if src:
                slots[key] = short_name(src, gaz)
                plural = _plural_name(src, slots[key], gaz)
            elif (
                doer == _PASSIVE_MARK
                and target is not None
                # (a one-verb act's present is no verb of a row: "was handed to Ukraine")
                and (target.kind == "person" or (_PLURAL_VERB.search(template) and not act))
                and _ACTED_ON_SLOTS.intersection(keys)
            ):
                # a passive with no agent: "Navalny detained", "Colvin killed"; a state so
                # only where the label says what was done to it ("Russia detained" for "the
                # Russian diplomat was detained"; but "China attack", not "China killed",
                # for "two Chinese soldiers were killed")
                acted = short_name(target, gaz)
                # ("was taken to a prison": "Glas taken", no dangling "to")
                done = _DANGLING.sub("", " ".join(text[match.start : match.end].lower().split()))
                return f"{acted} {done}"
            elif (
                doer
                and doer != _PASSIVE_MARK
                and _ACTED_ON_SLOTS.intersection(keys)
                # "police arrested dozens across the Andes": a place is not who is detained
                and (
                    target is None
                    or target.kind == "person"
                    or not any(v in template for v in _PERSON_OBJECT)
                )
            ):
                by_agent = doer.startswith(_BY)
                doer = doer.removeprefix(_BY)
                state = gaz.actor(target.affiliation) if target and target.affiliation else None
                if (
                    not by_agent
                    and target is not None
                    and target.kind == "person"
                    and state is not None
                    and state.kind == "country"
                    and trig.type in _MATERIAL_LABEL
                    and not trig.personal
                ):
                    # "Soldiers detained Bazoum": "Niger detains Bazoum" (states act); but
                    # an agent after "by" is named ("indicted by federal grand juries")
                    slots[key] = short_name(state, gaz)
                else:
                    slots[key] = doer[:1].upper() + doer[1:]
                    if doer.lower().endswith(("men", "police", "people")) or (
                        doer.endswith("s") and not doer.endswith("ss")
                    ):
                        # (after the verb's noun, as for a plural name: "Gunmen seize
                        # regional parliament", not "Gunmen seize")
                        plural = True
                if target is not None and target.kind == "person" and not obj:
                    obj = short_name(target, gaz)
            elif (
                target is not None
                # (or refused by an unnamed subject: "turned down a UN call")
                and (target.kind == "person" or trig.type == "REJECT")
                and _ACTED_ON_SLOTS.intersection(keys)
            ):
                # "Navalny was detained": who is acted on is not who acts; another named
                # ("Russia detains Navalny"), or nobody ("Attack on Colvin")
                acted = short_name(target, gaz)
                slots[key] = next((n for n in pair() if n != acted), "")
                if not slots[key] and not obj:
                    obj = acted
            else:
                slots[key] = next(iter(pair()), "")
        elif key == "target":
            # (a label of the one acted on alone, "{target} inauguration": with nobody else
            # named, "the deputies swore in Rutskoi", who acts is that one)
            who = target or (source if "source" not in keys else None)
            slots[key] = short_name(who, gaz) if who else ""
        elif key == "target_adj":  # "expels Polish diplomats", "summons US envoy"
            slots[key] = (
                ""
                if target is None
                else _SHORT.get(target.name) or gaz.demonym(target.name) or short_name(target, gaz)
            )
        elif key == "object":
            slots[key] = obj
        elif key == "place":
            slots[key] = _place_slot(text, clause, match, actors)
        elif key == "governed":
            gov = _governed_slot(text, clause, match)
            if " from {governed}" in template:
                slots[key] = _left_from(text, clause, match, gov, obj)
            else:
                slots[key] = gov or ("" if " sign " in template else obj)
        elif key == "country":
            state = source
            if state is None and target is not None and target.kind == "person":
                state = target  # "the army detained President Bakiyev": Kyrgyzstan's coup
            if state is not None and state.kind == "person":
                state = Actor(state.affiliation, "country") if state.affiliation else None
            if state is None:
                state = next((a for a in actors if a.kind == "country"), None)
            slots[key] = short_name(state, gaz) if state else ""
        elif key == "np":
            slots[key] = _np(text, *clause, trig)
        elif key == "measure":
            slots[key] = _measure_slot(text, clause[0], match)
        elif key == "needed":
            # the word a `needs:` row found after its form: "suspended the police
            # commissioner" -> "commissioner" (triggers.tsv, round 58f)
            found = trig.needs.match(text, match.end, clause[1]) if trig.needs else None
            slots[key] = found.group().split()[-1].strip(".,;:") if found else ""
        elif key == "trigger":
            slots[key] = " ".join(text[match.start : match.end].lower().split())
        elif key == "fallen":
            slots[key] = _fallen_town(text, clause[0], match.start, match.end) or ""
    src_name = slots.get("source")
    if src_name:  # "Bangladesh withdraws from Bangladesh", "Obama hosts Obama": once is enough
        for key in keys:
            if key in _ACTED_ON_SLOTS and slots[key] == src_name:
                slots[key] = ""
    label = _fill(template, slots)
    if (
        (verb := _TEMPLATE_VERB.search(template)) is not None
        and label.endswith(" " + verb.group(1))
        and (done := _verb_and_object(text, clause, match, trig, verb.group(1)))
    ):
        # "Thailand imposes" for "imposed a curfew": the slot named nobody, the verb's
        # noun names what it acts on ("Thailand imposes curfew", "UN condemns killing")
        label = label[: -len(verb.group(1))] + done
    if (
        plural
        and (said := _PLURAL_VERB.search(template)) is not None
        and not _after_determiner(text, clause, match)
    ):
        # (after the verb's noun: "Houthis seize presidential palace"; not a noun trigger,
        # "the designation of the Houthis": "Houthis sanctions" names no act of theirs)
        head = slots["source"] + " " + said.group()
        if label == head or label.startswith(head + " "):
            label = slots["source"] + " " + _plural_verb(said) + label[len(head) :]
    if label and " " not in label and doer == _PASSIVE_MARK and source is None and target:
        # "peacekeepers from South Africa, Malawi and Uruguay were killed in fighting": the
        # victims' states are no sides of a fight ("South Africa attack", as for "were killed")
        return f"{short_name(target, gaz)} attack"
    if label and " " not in label:
        joined = "-".join(pair())
        if joined and label.lower() != joined.lower():
            label = _fill("{pair} " + label.lower(), {"pair": joined})  # a bare "War":
            # "Russia-Ukraine war" (capitalised as a headline: "Bin Abdullah coup")
    if label.endswith(" sign"):
        label += " agreement"  # nothing named: "Putin sign" -> "Putin sign agreement"
    if " sign " in label:
        if len(pair()) < 2:
            label = label.replace(" sign ", " signs ", 1)  # one signatory: "Putin signs treaty"
    if not label or label.lower() in _GENERIC_LABELS:
        # (an empty template, as "{np}" with no noun phrase: the trigger word names it)
        tail = template.split("}")[-1].strip() or " ".join(
            text[match.start : match.end].lower().split()
        )
        label = _fill("{pair} " + tail, {"pair": "-".join(pair())}) or trig.type.title()
    return label


# a label's verb in the present before the slot of what it acts on: "{source} imposes
# {governed}", "{source} accuses {target}" (not a plural doer's "{source} seize {object}")
_TEMPLATE_VERB = re.compile(r"^\{source\} ([a-z]+s) \{(?:object|target|governed)\}$")
# a determiner before a verb's object: "imposed a curfew", "condemned the killing"
_OBJECT_DETERMINER = frozenset("a an the its his her their any all every this these own".split())


def _verb_and_object(
    text: str, clause: tuple[int, int], match: Hit, trig: Trigger, shown: str = ""
) -> str:
    """The trigger verb in the present and the common noun it acts on, as a headline gives
    them ("imposed a curfew from 10 pm" -> "imposes curfew", "condemned the killing of
    students" -> "condemns killing of students", "declared a 60-day state of emergency" ->
    "declares state of emergency"); "" when the trigger is no one-word verb with a present
    form in its row (or a one-verb act's, `shown`: "formed his second government" ->
    "forms second government"), or no such noun follows it."""
    word = text[match.start : match.end]
    if not word.isalpha() or not word.islower():
        return ""  # "called off", "took control of": a verb of more words
    if _after_determiner(text, clause, match):
        return ""  # "announced the release": the trigger is a noun
    present = _present(word, trig.forms) or (shown if _one_verb(trig) else "")
    noun = _common_object(text, match.end, clause[1]) if present else ""
    return f"{present} {noun}" if noun else ""


def _after_determiner(text: str, clause: tuple[int, int], match: Hit) -> bool:
    """Whether the trigger word follows a determiner, a noun ("the release")."""
    before = text[max(clause[0], match.start - 12) : match.start].split()
    return bool(before) and before[-1].lower() in _OBJECT_DETERMINER


def _present(word: str, forms: Sequence[str]) -> str:
    """`word`'s third person present as its row lists it, with a past of the same stem (a
    verb, not a noun: "warnings" has no "warninged"): "condemned" -> "condemns", "imposed"
    -> "imposes", "denied" -> "denies", "banned" -> "bans", "veto" -> "vetoes"; "" when the
    row lists none ("took", "held": an irregular past)."""
    stems = [word]
    if word.endswith("ed"):
        stems = [word[:-2], word[:-1], word[:-3] + "y"]
        if len(word) > 4 and word[-3] == word[-4]:
            stems.append(word[:-3])  # "banned"
    elif word.endswith("es"):
        stems = [word[:-2], word[:-1], word[:-3] + "y"]
    elif word.endswith("s"):
        stems = [word[:-1]]
    for stem in stems:
        pasts = (stem + "ed", stem + "d", stem[:-1] + "ied", stem + stem[-1:] + "ed")
        if not any(past in forms for past in pasts):
            continue
        for present in (
            (stem + "es", stem + "s")
            if stem.endswith("o")
            else (stem + "s", stem + "es", stem[:-1] + "ies")
        ):
            if present in forms and not present.endswith("ss"):
                return present
    return ""


@lru_cache(maxsize=1)
def _label_object_stops() -> dict[str, str]:
    """label_object_stops.tsv: word -> "end" (it ends the noun: "seized off", "freed more")
    or "" (no noun a label names: "praised it", "refused last week")."""
    return {row[0]: row[1] if len(row) > 1 else "" for row in _rows("label_object_stops.tsv")}


_LABEL_OBJECT_WORD = re.compile(r"\s+([a-z][a-z-]*|\d[\w-]*)([,.;:]?)")


def _common_object(text: str, pos: int, end: int) -> str:
    """The common noun phrase right after a verb at `pos`, without its determiner or
    numbers ("a full humanitarian ceasefire" -> "humanitarian ceasefire": the head and the
    word before it; "a state of emergency" with its "of"); "" when what follows is a name,
    a pronoun, a time, a preposition or another clause."""
    words: list[str] = []
    first = True
    stops = _label_object_stops()
    while (m := _LABEL_OBJECT_WORD.match(text, pos, end)) is not None:
        word, punct = m.groups()
        pos = m.end()
        if (first and word in _OBJECT_DETERMINER) or (word == "own" and not words):
            first = False
            continue  # "imposed a curfew", "opened its own investigation"
        first = False
        if word == "of" and words:
            nxt = _LABEL_OBJECT_WORD.match(text, pos, end)
            noun = nxt.group(1) if nxt is not None else ""
            if not noun or noun.endswith("ing") or noun[0].isdigit() or noun in stops:
                break  # "accused the judges of bowing", "licences of 21": ends before "of"
            if noun in _FUNCTION_WORDS or noun in _OBJECT_DETERMINER:
                return ""  # "the killing of the students": too long for a headline
            return f"{words[-1]} of {noun}"
        if (
            word in _FUNCTION_WORDS
            or word.endswith("ly")
            or stops.get(word) == "end"
            # a participle after the noun: "visas held by", "a resolution authorising war"
            # (not a noun in -ing: "the border crossing on Monday")
            or (words and word.endswith("ed"))
            or (words and word.endswith("ing") and not punct and _takes_object(text, pos, end))
        ):
            break
        if word in stops:
            return ""
        if not word[0].isdigit():
            words.append(word)
        if punct:
            break
        if len(words) > 4:
            return ""
    else:
        if _NAME_FOLLOWS.match(text, pos, end):
            return ""  # "the damaged Pentagon", "23 Russian diplomats": a name follows
    if words and text.startswith(("'", "\u2019"), pos):
        return ""  # "the army's statement": the noun is its possessor's, not what is acted on
    if len(words) > 1 and words[0].endswith("ing"):
        return ""  # "vetoed authorising war": a clause of its own, no noun
    return " ".join(words[-2:])


_NAME_FOLLOWS = re.compile(r"\s+[A-Z]")


def _takes_object(text: str, pos: int, end: int) -> bool:
    """Whether a word ending at `pos` is followed by a word of its own object (no function
    word): "authorising war", not "crossing on Monday"."""
    nxt = _LABEL_OBJECT_WORD.match(text, pos, end)
    return nxt is not None and nxt.group(1) not in _FUNCTION_WORDS


# the verb after the source slot: "{source} seizes" -> "{source} seize" for a plural doer
_PLURAL_VERB = re.compile(r"(?<=\{source\} )([a-z]+?)(es|s)\b(?= )")


def _plural_name(actor: Actor, written: str, gaz: Gazetteer) -> bool:
    """Whether a group's name as a label writes it is a plural, which takes a plural verb
    ("Houthis seize Sanaa", "Bosnian Serbs shell Sarajevo"): its last word a people's name
    ("Serbs") or the plural of another name of the group ("Houthis" of "Houthi"); not a
    state ("Philippines") or a name in "s" of its own ("Hamas")."""
    if actor.kind not in ("organisation", "group") or not written.endswith("s"):
        return False
    last = written.split()[-1]
    if last.endswith("ss") or len(last) < 4:
        return False
    if gaz.is_demonym(last):
        return True
    same = gaz.actor(last[:-1])
    return same is not None and same.name == actor.name


def _plural_verb(m: re.Match[str]) -> str:
    stem, ending = m.groups()
    if ending == "es" and not stem.endswith(("ss", "sh", "ch", "x", "zz")):
        return stem + "e"  # "seizes" -> "seize", "pushes" -> "push"
    return stem


def _place_slot(text: str, clause: tuple[int, int], match: Hit, actors: Sequence[Actor]) -> str:
    """ " in Geneva": the place nearest after the trigger, else the nearest before it; not
    one inside a meeting's topic ("with Russia's war in Ukraine at the top of the
    agenda")."""
    topics = [  # (a topic told before the meeting ends at it: "to discuss the coup at a
        # meeting in Strasbourg")
        (a, match.start if a < match.start else b)
        for a, b in (_topic_spans(text, clause) if match.trigger.type == "CONSULT" else ())
    ]
    places: Iterable[re.Match[str]] = _PLACE.finditer(text, *clause)
    if topics:  # (most clauses tell none: every place is a candidate)
        places = (p for p in places if not any(a <= p.start() < b for a, b in topics))
    spots = sorted(places, key=lambda m: (m.start() < match.start, abs(m.start() - match.end)))
    for m in spots:
        if abs(m.start() - match.end) > 80 or m.group(1).endswith(_POSSESSIVE):
            continue  # too far to be this happening's place; "at Washington's request"
        name = text[m.start(1) : _before_date(text, m.start(1), m.end(1))].rstrip(".'\u2019")
        if name in _FEASTS:
            continue  # "met at Christmas": a time, not a place
        if _lost_apostrophe(text, m.end(1), name):
            continue  # "at Washingtons request", as a scraped copy writes it
        if name.isupper():
            continue  # "in NATO": an acronym names a body, not a place
        if not _NOT_PLACE.match(name.split()[0]) and not any(a.name == name for a in actors):
            return f" in {name}"
    return ""


# a date read on after a name: "in Rome March 3-5", "struck Kyiv Monday" (a month only
# before its day: "Theresa May", "Lake June")
_DATE_IN_NAME = re.compile(
    r"\s+(?:(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?\s+\d"
    r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b)"
)
# feasts and seasons that name a time, not a place or a thing acted on
_FEASTS = frozenset(
    {"Ramadan", "Eid", "Easter", "Christmas", "Passover", "Hanukkah", "Diwali", "Nowruz", "Lent"}
    | {"Advent", "Thanksgiving", "Tet", "Holi", "Yom Kippur", "Rosh Hashanah", "New Year"}
)


def _before_date(text: str, start: int, stop: int) -> int:
    """Where the name in text[start:stop] ends: before a date read on after it."""
    m = _DATE_IN_NAME.search(text, start, min(len(text), stop + 6))
    return m.start() if m is not None and m.start() < stop else stop


def _governed_slot(text: str, clause: tuple[int, int], match: Hit) -> str:
    """The trigger word the verb takes as object: "withdrew from the nuclear deal"."""
    nxt = trigger_hits(text, match.end, min(clause[1], match.end + 60))
    if (
        nxt
        and _GOVERNED_GAP.fullmatch(text, match.end, nxt[0].start)
        # (not a phase: "Martial law took effect in ten regions")
        and nxt[0].trigger.label != _IN_FORCE_LABEL
        # (not the setting: "announced the withdrawal in a televised address")
        and not text.startswith((" in ", " at ", " during "), match.end)
    ):
        return " ".join(text[nxt[0].start : nxt[0].end].lower().split())
    if _NOUN_BEFORE.search(text, max(0, match.start - 12), match.start):
        # "signed the treaty on Monday": the date took the noun
        return " ".join(text[match.start : match.end].lower().split())
    return ""


# "from Kherson", "from the Sinai": a proper name a withdrawal leaves
_FROM_NAME = re.compile(r"\bfrom\s+(?:the\s+)?([A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+)*)")


def _left_from(text: str, clause: tuple[int, int], match: Hit, governed: str, obj: str) -> str:
    """What a withdrawal leaves: the trigger word its verb governs ("withdrew from the
    nuclear deal"), else the name it acts on ("pulled out of Iraq"), else the name after
    "from" ("withdrew its troops from Kherson"); not the act itself ("announced the
    withdrawal": no "withdraws from withdrawal") nor another act ("withdrew to visit"), for
    which only the name after "from" ("the withdrawal of its troops from Kherson")."""
    act = " ".join(text[match.start : match.end].lower().split())
    if governed and governed != act and not governed.startswith("to "):
        return governed
    if obj and not governed:
        return obj
    place = _FROM_NAME.search(text, match.end, clause[1])
    return place.group(1).removesuffix("'s").removesuffix("\u2019s") if place else ""


def _same_side(a: Actor, b: Actor | None) -> bool:
    """One actor, or a leader and his own state: never source and target of one act."""
    if b is None:
        return False
    return a == b or a.name == b.affiliation or b.name == a.affiliation


def _event_id(type_: str, value: str, actors: Iterable[str], article: str, start: int) -> str:
    key = f"{type_}|{value}|{'|'.join(sorted(actors))}|{article}|{start}"
    return _sha1(key.encode()).hexdigest()[:12]


# The gazetteer of the article being read (article_events sets it): the few checks that
# ask the gazetteer itself (a dateline's state, a lost apostrophe, a person's offices) use
# the one that found the article's actors, the user's actors file included, in whatever
# process or thread extracts it.
_GAZETTEER: ContextVar[Gazetteer | None] = ContextVar("gazetteer", default=None)


def _gazetteer() -> Gazetteer:
    return _GAZETTEER.get() or Gazetteer.load()


def _side(name: str) -> Actor:
    """The actor a person's affiliation names: a state, or a body the gazetteer knows as
    one ("SPLM leader Malik Agar" is the SPLM's: not a second, "country" SPLM)."""
    return _gazetteer().actor(name) or Actor(name, "country")


def article_events(
    article: Article,
    timexes: Sequence[Timex],
    actor_mentions: Sequence[ActorMention],
    *,
    earlier: bool = False,
    gazetteer: Gazetteer | None = None,
) -> list[Event]:
    """The events of one article, merged within it. With `earlier`, an ordinal counted
    over a duration ("a phone call, their second in just over three weeks") also adds the
    earlier happening it implies, approximately dated (see `_earlier_events`); off by
    default: the seed's gold does not list such events. `gazetteer`: the one that found
    `actor_mentions` (default: the packaged one, with $GEOTIMELINE_ACTORS)."""
    token = _GAZETTEER.set(gazetteer)
    try:
        return _article_events(article, timexes, actor_mentions, earlier=earlier)
    finally:
        _GAZETTEER.reset(token)


def _article_events(
    article: Article,
    timexes: Sequence[Timex],
    actor_mentions: Sequence[ActorMention],
    *,
    earlier: bool,
) -> list[Event]:
    text = article.body
    quad = lexicon().quad
    sents = sentences(text)
    counted: set[int] = set()
    topic: tuple[Actor, ...] | None = None
    home: list[list[Actor]] = []  # the article's home state, once needed (_home_state)
    spelled: dict[str, bool] = {}  # person -> spelled otherwise (_spelled_otherwise)
    dateline: list[Actor] | None = None  # the state of its dateline, once needed
    backers = _backer_regex().search(text) is not None
    ceased = _gazetteer().ceased  # (the article's gazetteer: the same for all its units)
    if (
        " after " in text
        or " before " in text
        or " following " in text
        or " prior " in text
        or "ours later" in text
        or "ours earlier" in text
    ):
        if extra := anchored_dates(text, timexes, sents, article.anchor):
            timexes = sorted([*timexes, *extra], key=lambda t: t.start)
            # "two days after Evo Morales resigned": the clause after the offset is its own
            counted = {t.start for t in extra if t.text.endswith(_COUNTED_ENDS)}
    units = _units(timexes, text)
    starts = [s[0] for s in sents]
    unit_sent: list[int | None] = []
    for u in units:
        i = bisect_right(starts, u.start) - 1
        unit_sent.append(i if i >= 0 and u.start < sents[i][1] else None)
    # triggers only where they can matter: dated sentences and the two after each
    wanted = sorted(
        {j for i in unit_sent if i is not None for j in range(i, min(i + 3, len(sents)))}
    )
    hits_in: dict[int, list[Hit]] = {j: [] for j in wanted}
    if wanted:
        lo, hi = sents[wanted[0]][0], sents[wanted[-1]][1]
        for hit in trigger_hits(text, lo, hi):
            j = bisect_right(starts, hit.start) - 1
            if j in hits_in:
                hits_in[j].append(hit)
    out: list[tuple[int, Event]] = []
    dated: dict[int, int] = {}  # sentence index -> index in `out` of its statement event
    last_act: dict[int, Event] = {}  # sentence index -> the last event it told
    live: dict[int, tuple[list[Hit], list[tuple[int, int]]]] = {}
    parts: dict[int, list[tuple[int, int]]] = {}  # sentence index -> its clauses
    m_starts = [m.start for m in actor_mentions]
    possessives = "'s " in text or "\u2019s " in text
    m_in: dict[int, Sequence[ActorMention]] = {}
    ups = _follow_ups(text)  # "followed suit", "did the same": acts told by reference
    told_so_far: list[_Told] = []  # the events told, for follow-ups to refer back to
    n_units = len(units)
    # a unit, and any acts coordinated with its happening that share its date
    queue: list[tuple[int, tuple[Hit, list[ActorMention], tuple[int, int]] | None]]
    queue = [(k, None) for k in range(n_units)]
    for qi, (k, coord) in enumerate(queue):  # (extras are inserted right after their unit)
        unit = units[k]
        idx = unit_sent[k]
        if idx is None:
            continue
        sent = sents[idx]
        got = live.get(idx)
        if got is None:
            got = live[idx] = _live_hits(text, sent, hits_in[idx])
        hits, unreal = got
        if ups and coord is None:
            if (up := _follow_up_at(text, sent, unit, ups, actor_mentions, m_starts)) is not None:
                # "The EU followed suit on Wednesday", "and Germany did likewise a day
                # later": the act of the last event told, done by the follow-up's subject
                told = _follow_up(text, article, sents, idx, unit, *up, actor_mentions, told_so_far)
                if told is not None and not any(a <= unit.start < b for a, b in unreal):
                    out.append((told.weight, told.event))
                    told_so_far.append(told)
                if told is not None or not any(h.start == up[0].start() for h in hits):
                    continue  # (but "joined" with no act to follow is a membership)
        if not hits and (
            _named_act(text, sent, unit, actor_mentions, m_starts, hits_in[idx]) is None
        ):
            continue  # a date with no happening: background, not an event
        u_start, u_end = unit.start, unit.end
        if unit.granularity in ("decade", "century"):
            # "close allies in the 1990s", "a war in the 1880s": background, not dated
            # closely enough for a timeline (a season is: "will visit Paris in the
            # spring" is a three-month band, as a month is a band)
            continue
        if unreal and any(a <= u_start < b for a, b in unreal):
            continue  # "if Russia invades on Monday": a date of a hypothetical
        nxt = k + 1
        dated_after = units[nxt].start if nxt < n_units and unit_sent[nxt] == idx else None
        cl = parts.get(idx)
        if cl is None:
            cl = parts[idx] = clauses(text, *sent)
        clause = sent
        for c in cl:
            if c[0] <= u_start < c[1]:
                clause = c
                break
        told_from = sent[0]  # where the sentence a pronoun subject points back into opens
        if counted and u_start in counted:
            clause = sent = (u_start, clause[1])
        elif text.startswith(", when ", u_end) and _STATE_EDGE.search(
            text, max(sent[0], u_start - 30), u_start
        ):
            # "since April, when Carter broke ties": a state's edge dates the "when" clause
            # after it, the happening that started (or ended) the state
            nxt_cl = next((c for c in cl if c[0] > u_end), None)
            if nxt_cl is None:
                continue
            clause = sent = (u_start, nxt_cl[1])
        match: Hit | None
        subject: Sequence[ActorMention] = ()
        own = sent  # where the actors of the happening are looked for at the widest
        if coord is not None:
            match, subject, clause = coord
        else:
            cut = None
            match = None
            if dated_after is not None and dated_after in counted and u_end <= dated_after:
                # "fanned out from the port on Wednesday, a day after the first troops came
                # ashore": what follows a counted "a day after" is that date's happening;
                # this date's is told before it, or not at all
                match = _choose_trigger(text, clause[0], dated_after, unit, hits, dated_after)
                if match is not None:
                    clause = (clause[0], min(clause[1], dated_after))
            if match is None:
                if dated_after is not None and dated_after < clause[1]:
                    # "Egypt closed the crossing on Sunday, and Hamas fired rockets on
                    # Monday": a coordinated clause with its own subject and date is that
                    # date's happening; this date's ends before it
                    cut = _clause_break(text, u_end, dated_after)
                if cut is not None:
                    match = _choose_trigger(text, clause[0], cut, unit, hits, dated_after)
                    if match is not None:
                        clause = (clause[0], cut)
                elif (
                    (p_end := units[k - 1].end if k > 0 and unit_sent[k - 1] == idx else sent[0])
                    < u_start
                    and sent[0] <= p_end
                    and (fronted := _fronted_date_break(text, p_end, u_start, u_end)) is not None
                ):
                    # "Hungary began tearing down the fence in May, and on June 27 Horn and
                    # Mock cut the wire": a coordinated clause its own date opens, with a
                    # subject of its own after the date, is that date's happening alone
                    cut, subj = fronted
                    lo_own = max(clause[0], cut + 1)
                    match = _choose_trigger(text, lo_own, clause[1], unit, hits, dated_after)
                    if match is not None and match.start != subj:
                        clause = own = (lo_own, clause[1])
                elif (
                    (p_end := units[k - 1].end if k > 0 and unit_sent[k - 1] == idx else sent[0])
                    < u_start
                    and sent[0] <= p_end
                    and (cut := _clause_break(text, p_end, u_start)) is not None
                ):
                    # ... and the later date's happening is told from that clause on, with
                    # its own subject: "Hun Sen was sworn in yesterday, and the assembly is
                    # to approve his cabinet next week" (also when the clauses are already
                    # apart: "; the assembly"), as is a date's after an undated clause:
                    # "Russia denounced the deal, and the rebels shelled the town on Monday"
                    lo_own = max(clause[0], cut + 1)
                    match = _choose_trigger(text, lo_own, clause[1], unit, hits, dated_after)
                    subj = _after_join(text, cut)
                    if match is not None and match.start not in (subj, subj + 4):
                        clause = own = (lo_own, clause[1])
                    # (not when the subject is the happening: "..., and the war resumed on
                    # Monday" is the war the clause before told of, between its parties)
            if (
                match is None
                and dated_after is None
                and text.find(", and ", u_end, clause[1]) >= 0
                and (
                    cut := _own_clause(
                        text,
                        u_end,
                        clause[1],
                        actor_mentions[
                            bisect_left(m_starts, sent[0]) : bisect_left(m_starts, sent[1])
                        ],
                    )
                )
                is not None
            ):
                # "The AU said on Friday that the vote should be delayed, and Belgium has
                # suspended some aid": a clause with its own subject and a verb of another
                # time after ", and" tells its own happening; the date's is told before it
                match = _choose_trigger(text, clause[0], cut, unit, hits, dated_after)
            if match is None:
                match = _choose_trigger(text, clause[0], clause[1], unit, hits, dated_after)
            if match is None and clause != sent:
                match = _choose_trigger(text, sent[0], sent[1], unit, hits, dated_after)
        if match is None and (
            (match := _named_act(text, clause, unit, actor_mentions, m_starts, hits_in[idx]))
            is None
        ):
            continue  # a date with no happening: background, not an event
        m_start, m_end = match.start, match.end
        if (
            unit.timexes[-1].text.endswith(_POSSESSIVE) or text.startswith(_POSSESSIVE[:2], u_end)
        ) and not (m_start >= u_end and _token_distance(text, u_start, u_end, m_start, m_end) <= 3):
            continue  # "this year's ASEAN chair": the date qualifies a noun, no happening
        trig = match.trigger
        if (
            trig.label == _FALLEN_LABEL
            and k > 0
            and unit_sent[k - 1] == idx
            and m_end <= units[k - 1].start
            and units[k - 1].end <= u_start
        ):
            continue  # "Aleppo fell three days later, and Homs was taken on Saturday"
        if trig.cancels and _PLANNED.search(text, max(0, u_start - 40), u_start):
            continue  # "postponed a trip that had been planned for Wednesday"
        if _unfulfilled(text, sent, u_start, u_end):
            continue  # "talks planned for June 15 never took place"
        if unit.granularity in ("year", "month", "week") and (
            _FRAME.search(text, max(sent[0], u_start - 40), u_start)
            or (
                m_end <= u_start
                and _token_distance(text, m_start, m_end, u_start, u_end) <= 1
                and _FRAME.search(text, max(sent[0], m_start - 40), m_start)
            )
        ):
            # "soldiers have been killed this year", "its first such launch this year", "the
            # war will enter its fourth year next week": a tally or a count of time frames
            # a happening dated elsewhere; it is not one
            continue
        lo = m_start if m_start < u_start else u_start
        hi = m_end if m_end > u_end else u_end
        in_sent = m_in.get(idx)
        if in_sent is None:
            in_sent = m_in[idx] = actor_mentions[
                bisect_left(m_starts, sent[0]) : bisect_left(m_starts, sent[1])
            ]
            if (
                in_sent
                and (sent[0] == 0 or text[sent[0] - 1] == "\n")
                and text[sent[0] : sent[0] + 2].isupper()
                and (head := place_line(text, sent[0])) is not None
                and (named := [m for m in in_sent if m.start >= head.end])
            ):
                # "THE HAGUE, Netherlands - The court ordered Myanmar ...": a dateline names
                # where the story was filed, not who acts in its first sentence, also when
                # the story is that state's own and names it again ("TASHKENT, Uzbekistan -
                # Uzbek President Islam Karimov blamed ...": a person does not bring the
                # state he serves, round 60s); a sentence that names nobody else keeps it
                in_sent = m_in[idx] = named
        if coord is not None:
            # the coordinated act's own stretch, after its subject
            found = [
                m
                for m in _window_actors(text, clause, sent, m_start, m_end, in_sent)
                if m.start >= clause[0] and m not in subject
            ]
            found = [*subject, *found]
        else:
            found = _window_actors(text, clause, own, lo, hi, in_sent, dated_after)
            if (
                found
                and dated_after is not None
                and (verb := _AND_VERB.search(text, hi, dated_after)) is not None
                and "," not in text[hi : verb.start()]
            ):
                # "met Salman in Riyadh last Tuesday and went on to Ankara the following day
                # for talks with Erdogan": what follows "and" and a verb before the next
                # date is that date's happening, not this one's
                found = [m for m in found if m.start < verb.start()] or found
            if (
                found
                and m_end <= u_start
                and (verb_at := _subject_verb(text, u_end, hits)) is not None
            ):
                # "Russia's annexation of Crimea in 2014 prompted sanctions from the EU": who
                # the verb after the subject names is not in the subject's act
                found = [m for m in found if m.start < verb_at] or found
            if found and dated_after is None and (cut := _own_clause(text, hi, sent[1], in_sent)):
                # "CARICOM condemned the coup on Wednesday, and Jamaica and Barbados have
                # offered troops": a clause with its own named subject and verb after ", and"
                # tells another happening (undated, or dated on its own); who it names is
                # not in this one
                found = [m for m in found if m.start < cut] or found
            if found and k > 0 and unit_sent[k - 1] == idx and units[k - 1].end < u_start:
                # ... and the later date's happening is not the earlier one's: who that act
                # named after its verb ("met Salman") is left out; the subject they share
                # ("Pompeo") stays
                p_start, p_end = units[k - 1].start, units[k - 1].end
                act = _next_act(text, p_end, u_start)
                # (also the date set off by commas: "expelled the envoy on Sunday and, the
                # same day, sent troops", "and, on Monday, flew")
                between = text[p_end:u_start].strip()
                after = (
                    u_end + 1
                    if text.startswith(",", u_end) and _AND_COMMA.fullmatch(between)
                    else u_end
                )
                if (
                    act is None
                    and u_start - p_end <= 16
                    and (between == "and" or after > u_end)
                    and _verb_after(text, after)
                    and (verb := _NEXT_WORD.match(text, after)) is not None
                ):
                    act = verb.start(1)  # "yesterday and today asked": the verb after the date
                prev_verb = next(
                    (h.start for h in reversed(hits) if sent[0] <= h.start < p_start), None
                )
                if (
                    act is not None
                    and prev_verb is not None
                    and act <= m_start
                    # the earlier act's verb came before its date: "met Salman last
                    # Tuesday and went on", not "three years after he gave up the
                    # presidency and went into exile in August 2003"
                    and not any(p_end <= h.start < act for h in hits)
                    and not text.endswith(("after", "before"), p_start, p_end)
                ):
                    # the subject they share, also when this date's window starts after
                    # the earlier date: "met Nixon on Thursday and is due to meet
                    # Eisenhower today"
                    # (when that verb is this date's trigger itself)
                    subject = [m for m in in_sent if m.end <= prev_verb] if act == m_start else []
                    found = [
                        *subject,
                        *(
                            m
                            for m in found
                            if m.start >= act or m.end <= prev_verb and m not in subject
                        ),
                    ] or found
                    clause = (max(clause[0], act), clause[1])  # its place: "to Ankara"
        if (
            found
            and coord is None
            and trig.label == "{source} remarks"
            and found[0].start > clause[0]
            and found[0].start < m_start
        ):
            found = _with_fronted_report(text, clause, m_start, m_end, found, in_sent, units)
        if found and text.find(", wh", sent[0], sent[1]) >= 0:
            found = _outside_relatives(text, sent, match, found, in_sent, u_start)
        if found and coord is None and text.find(" who", sent[0], min(m_start, u_start)) >= 0:
            found = _inside_relative(
                text, sent, min(m_start, u_start), max(m_end, u_end), found, in_sent
            )
        if found:
            found = _coordinated(text, found, in_sent)
            if coord is None and found[0].start > clause[0]:
                found = _with_subject_before_list(text, clause, found, in_sent)
        if (
            found
            and coord is None
            # (every match holds "and": most stretches before a trigger hold none)
            and text.find("and", max(0, m_start - 16), m_start) >= 0
            and (joined := _AND_BEFORE.search(text, m_start - 16, m_start))
        ):
            found = _with_shared_subject(text, sent, joined.start(), m_start, m_end, found, in_sent)
        region = text[clause[0] : m_start]
        if ("he " in region or "He " in region or ", who" in region) and _PRONOUN_START.search(
            text, clause[0], m_start
        ):  # ("the " holds "he ": most regions hold no pronoun)
            found = _with_pronoun_subject(
                text, clause, match, found, actor_mentions, told_from, sents
            )
        near = text[m_end : min(sent[1], m_end + _OBJECT_REACH)]
        if " him" in near or " her" in near:
            found = _with_pronoun_object(text, clause, match, found, actor_mentions, sents, idx)
        if "it " in region or "It " in region:
            found = _with_it_subject(text, clause, match, found, actor_mentions, told_from)
        if text.find("ts ", max(sent[0], m_start - 30), m_start) >= 0:
            found = _with_its_owner(text, match, found, actor_mentions, told_from)
        if text.find("hey ", max(clause[0], m_start - 20), m_start) >= 0 or text.startswith(
            " them", m_end
        ):
            found = _with_they(text, clause, match, found, actor_mentions, told_from)
        if "oth " in region or "two " in region or "three " in region or "four " in region:
            found = _with_pair_subject(text, clause, match, found, actor_mentions, sents, idx)
        if "oth " in near or "two " in near:
            found = _with_pair_object(text, clause, match, found, actor_mentions, sents, idx)
        if found and text.find("ed by ", m_end, sent[1]) >= 0:
            found = _with_brokers(text, sent, m_end, found, in_sent, dated_after)
        if found and trig.type == "CONSULT":
            found = _without_topics(text, clause, m_start, found)
        if found:
            found = _without_venues(text, trig, found, m_start)
        if found:
            found = _without_addressed_bodies(text, m_end, found)
        if found and trig.type != "STATEMENT" and text.find(",", m_end, sent[1]) >= 0:
            found = _without_attribution_speaker(text, m_start, m_end, sent[1], found)
        if found and text.find("presidency", m_end, sent[1]) >= 0:
            found = _without_reporting_presidency(text, m_end, sent[1], found)
        if found and trig.type != "RETREAT" and "visits" not in trig.label:
            found = _without_origins(text, found)
        past_act = max(m_end, u_end)  # after the act and its date
        if len(found) > 1 and _OTHER_TIME_CLAUSE.search(text, m_end, sent[1]) is not None:
            found = _without_other_time_clause(text, past_act, found)
        if len(found) > 1 and coord is None and found[0].start < min(m_start, u_start):
            found = _without_main_clause(text, clause, min(m_start, u_start), found)
        if len(found) > 1 and _WHILE_CUE.search(text, past_act, sent[1]) is not None:
            found = _without_while_clause(text, past_act, sent[1], found)
        if len(found) > 1 and text.find("ing ", past_act, sent[1]) >= 0:
            found = _without_consequence(text, past_act, sent[1], found)
        if found and trig.label == "{source} remarks" and found[0].end <= m_start:
            found = _without_reported_people(text, found, m_end, min(clause[1], m_end + 40))
        worded = clause  # the stretch the label reads
        if (
            found
            and trig.type == "PROTEST"
            and text.startswith((" began", " broke out", " erupted", " started"), m_end)
            and _BACKGROUNDER.fullmatch(text, clause[0], m_start)
            and not _BETWEEN_AFTER.search(text, m_end, clause[1])
        ):
            # "The protests began on Feb. 14, inspired by the uprisings in Tunisia and
            # Egypt", "The unrest began on Dec. 16 in Timisoara, where ... a Hungarian
            # pastor": the story's own crowd happening, told again for its start, has no
            # party in its clause; those named after its verb are a cause, a place or a
            # witness (its state is the story's, as for a crowd's happening with nobody
            # named); but "The revolt began on Friday, when young officers loyal to Bosch
            # seized the camps": a "when" clause after it tells who started it, and "The
            # unrest began in Nairobi on Monday": the place it began in, before any comma,
            # is its own (the state where it happens)
            when = text.find(" when ", m_end, sent[1])
            comma = text.find(",", m_end, clause[1])
            own_end = comma if comma >= 0 else clause[1]
            found = [
                m
                for m in found
                if m.end <= m_start
                or 0 <= when < m.start
                or (m.start < own_end and text.endswith(" in ", m_end, m.start))
            ]
            if comma >= 0:
                worded = (clause[0], comma)  # nor is its place there ("Protest in Tunisia")
        if found and backers:
            # "the Iran-backed group seized a ship", "a Greek-operated carrier was struck":
            # the backer, owner or operator does not act
            found = [m for m in found if not _backer_regex().match(text, m.end)]
        if found and possessives:
            # "Kim Jong Un's sister warned": a relative speaks, not the person named
            found = [
                m for m in found if not (m.actors[0].kind == "person" and _KIN.match(text, m.end))
            ] or found
        # a title's country or body speaks through the person ("Kremlin spokesman
        # Dmitry Peskov" involves Russia); calls between people drop it again below
        named: list[Actor] = []
        before_m: list[ActorMention] = []
        before: list[Actor] = []
        after: list[Actor] = []
        for m in found:
            quals = m.qualifiers
            if len(quals) > 1:
                quals = _title_qualifiers(m)
            parties = m.actors
            if quals and all(a.kind == "organisation" for a in parties):
                parties = quals  # as _parties(m)
            named += parties
            named += quals
            if m.end <= m_start:
                before_m.append(m)
                before += parties
            if m.start >= m_end:
                after += parties
        actors = list(dict.fromkeys(named))
        ttype = trig.type
        if own := _title_states_of_own_act(
            text, clause, m_start, trig, found, actor_mentions, spelled
        ):
            actors = [a for a in actors if a not in own]
        if trig.between_states and (body := _body_before(text, m_start, found)) is not None:
            # "the NATO summit in Vilnius", "a G20 summit": the organisation's own meeting
            # is the organisation's; the states named around it attend or are its topic
            actors = [a for a in actors if a.kind != "country" or a == body]
        if ttype == "CONSULT" and not trig.between_states:
            people = [a for a in actors if a.kind == "person"]
            if len(people) >= 2:  # calls and meetings are between people; the rest is topic
                # but an international official speaks for the body ("NATO chief")
                bodies = [
                    q
                    for m in found
                    for q in _title_qualifiers(m)
                    if q.kind == "organisation" and any(a.kind == "person" for a in m.actors)
                ]
                actors = list(dict.fromkeys([*people, *bodies]))
        source = before[-1] if before else (after[0] if after else None)
        if trig.journey and source is not None and source.kind == "person":
            trig = _journey(trig)  # "Chamberlain flew back to London": no withdrawal
            ttype = trig.type
        target = None
        for a in after:
            if not _same_side(a, source):
                target = a
                break
        if len(before_m) >= 2 and _JOINT.fullmatch(
            text, before_m[-2].end, before_m[-1].start
        ):  # "US and Russian officials ...": a joint subject, named in order
            source = _parties(before_m[-2])[0]
            if ttype in _MUTUAL:  # they meet or agree with each other
                target = _parties(before_m[-1])[0]
            # else they act together on whoever comes after ("US and British warplanes
            # struck Houthi targets"): the target found above stays
        if (
            len(before_m) >= 2
            and text.startswith("by ", m_start)
            and _SPEAKS_TO.search(text, before_m[-2].end, before_m[-1].start)
        ):
            # "Putin spoke with Merkel by phone": the means comes after both sides; the
            # subject of the verb calls the one it speaks with
            source, target = _parties(before_m[-2])[0], _parties(before_m[-1])[0]
        if (
            source is not None
            and target is not None
            and before_m
            and _RECEIVED.search(text, before_m[-1].end, m_start)
        ):
            # "Greece received its first bailout from the IMF", "Russia faced new sanctions
            # from the EU": who receives or undergoes is acted on
            source, target = target, source
        if (
            source is not None
            and source.kind == "person"
            and source.affiliation
            and (
                (trig.state_act and not _takes_office(trig))
                or (
                    sum(1 for a in actors if a.kind == "person") == 1
                    and _acts_for_state(
                        text, clause, m_start, trig, source, actor_mentions, spelled
                    )
                )
            )
            and not _meets_another_party(trig, source, actors)
            and not _speaks_for_body(source, found)
            and not (
                _to_power_himself(text, clause, m_start, trig, source, found)
                and not _state_kept(text, clause, m_start, source, actor_mentions, spelled)
            )
            and not (
                ttype == "RETREAT"
                and not trig.personal
                and _flees_for_himself(source, actors, unit.first)
            )
            and not (
                ttype == "CONSULT"
                and "visits" in trig.label
                and _flees_for_himself(source, actors, unit.first, former=True)
            )
        ):
            # a state's act (election, inauguration, decree), or an official's material
            # act (a seizure, strike or sanction: _acts_for_state), is his state's too;
            # what a person says, asks or visits is his own (the owner's convention), as
            # is his coming to power ("Condé won a disputed third term in an October
            # election", "Mobutu seized power in a coup": _to_power_himself)
            state = _side(source.affiliation)
            actors = list(dict.fromkeys([*actors, state]))
        elif (
            source is not None
            and source.kind == "person"
            and not source.affiliation
            and all(a.kind == "person" for a in actors)
            and sum(1 for a in actors if a.kind == "person") == 1
            and _acts_for_state(text, clause, m_start, trig, source, actor_mentions, spelled)
        ):
            # "Ibn Auf stepped down": a person the gazetteer does not know, acting alone
            # with no state named, is of the state where the story happens, when the act
            # is his state's (as for a known official: _acts_for_state; "Ibn Auf said ..."
            # is his own)
            actors = [*actors, *_home_state(actor_mentions, home)]
        elif ttype in _SIGNED:
            # leaders who sign or agree bind their states: "Abiy and Isaias signed a
            # declaration" is Ethiopia's and Eritrea's agreement too
            people = [a for a in actors if a.kind == "person"]
            if len(people) >= 2:
                states = [_side(p.affiliation) for p in people if p.affiliation]
                actors = list(dict.fromkeys([*actors, *states]))
        if target is None and quad[ttype] == "material conflict":
            # "seized the Crimea region", "moved troops into occupied Crimea": a place acted
            # on stands for the state it belongs to
            if spot := _place_regex().search(text, m_end, clause[1]):
                target = Actor(places()[spot.group()], "country")
                actors = list(dict.fromkeys([*actors, target]))
        if target is not None and _same_side(target, source):
            target = None  # "India attack on India": a place of one's own is no target
        doer = ""
        if found:
            source, target, doer = _roles(
                text, clause, m_start, m_end, found, source, target, trig.label, ttype, hits
            )
        if source is not None and source not in actors:
            source = None
        if target is not None and target not in actors:
            target = None
        if (
            ttype == "REJECT"
            and target is None
            and (asked := last_act.get(idx - 1)) is not None
            and asked.source
            and _THE_ASK.search(text, m_start, min(sent[1], m_end + 24))
        ):
            # "Washington had asked Moscow to intervene. Kuznetsov turned the request down
            # the same day": who made the request (the offer, the proposal) just told is
            # who is turned down
            asker = next(
                (a for m in actor_mentions for a in m.actors if a.name == asked.source), None
            )
            if asker is not None and asker not in actors and not _same_side(asker, source):
                actors = [*actors, asker]
                target = asker
        if not actors:
            between = ttype in _BETWEEN_PARTIES or trig.label == _FALLEN_LABEL
            if (
                not between
                # troops, ships or aircraft moving or drilling with nobody named are a
                # state's forces, as police are: "Paratroopers landed at the airport on
                # Thursday night", "went down on Saturday during naval exercises"
                and ttype != "MOBILIZE"
                and not trig.state_act
                and not _BODY_SUBJECT.search(text, clause[0], m_start)
                and not _MEMBERS_SUBJECT.search(text, clause[0], m_start)
                and not _group_doer(text, clause[0], m_start, ttype)
                and not _CROWD_HAPPENING.fullmatch(text, m_start, m_end)
                and not (
                    _CROWD.fullmatch(text, m_start, m_end)
                    and _CROWD_BEFORE.fullmatch(text, clause[0], m_start)
                    and not _CROWD_ACTED_ON.match(text, m_end)
                )
                and not _agentless(text, clause, m_start, m_end)
            ):
                continue  # a happening with nobody in it cannot be placed on an actor timeline
            if topic is None:
                topic = _topic(text, actor_mentions)
            if ttype in ("ASSAULT", "COERCE") and (unnamed := _unnamed_doer(text, clause, m_start)):
                # "two weeks after gunmen killed 26 people near Pahalgam": doers nobody
                # names are none of the article's parties; the label names them as the
                # text does ("Gunmen attack"), the parties stay as whom it concerns
                source, target, doer = None, None, unnamed
            if (
                not between
                or (ttype == "ASSAULT" and _CROWD_TARGET.search(text, clause[0], clause[1]))
            ) and not trig.state_act:
                # "Police fired tear gas on Monday": a state's unnamed body or crowd is of
                # the state where the story happens, where its dateline puts the reporter
                # ("SANTO DOMINGO - ...") or else the state named most
                # ("Students marched through Lahore": a crowd's, where its town is)
                actors = _crowd_town_state(text, clause) if ttype == "PROTEST" else []
                if not actors and (ttype == "ASSAULT" or trig.label == _NP_LABEL):
                    # force used on a crowd ("police fired on students marching to the
                    # radio building") is the state's the story is about, wherever it is
                    # filed from; so is a rising named by its noun ("The uprising began on
                    # Oct. 23", from Vienna)
                    actors = _home_state(actor_mentions, home)
                if not actors:
                    if dateline is None:
                        dateline = _dateline_state(text, article.date)
                    actors = dateline or _home_state(actor_mentions, home)
            elif trig.state_act:
                # "MPs will vote on it on 29 January": a vote or an election with no state
                # named is the state where the story is filed, as its dateline puts it
                # ("LIMA - ... The vote is set for April 8": Peru, though the neighbours it
                # names may be named more), else the state the article is most about
                if dateline is None:
                    dateline = _dateline_state(text, article.date)
                actors = dateline or [a for a in topic if a.kind == "country"][:1]
            else:
                # "The pause in the fighting took effect on Friday", "a ceasefire agreed in
                # Minsk": a war, a truce or talks with no party named are the article's own
                # parties' (its two most named states or bodies)
                actors = list(topic)
            if not actors:
                continue
        elif (
            ttype == "ASSAULT"
            and len(actors) == 1
            and (source is not None or text[m_start:m_end].lower() in _COMBAT_WORDS)
            and not _one_sided(text, m_start, m_end)
            and not _CROWD_TARGET.search(text, clause[0], clause[1])
        ):
            # "Fighting today centred on Khorramshahr ... from the Iraqi bank": fighting has
            # two sides; with one named, the other is the article's other party. So has a
            # strike whose striker alone is named ("Ukraine recaptured most of the region",
            # "Russian columns poured through the tunnel"): it is the other party's loss
            # ... but not harm or strife within a state ("Bombs in Madrid killed 191
            # people", "a rebellion"): the state named is where or whom it hit, and the
            # article's other party is not thereby who did it (_one_sided)
            if topic is None:
                topic = _topic(text, actor_mentions)
            if actors[0] in topic:
                actors = [*actors, *(a for a in topic if a != actors[0])]
        elif (
            len(actors) == 1
            and trig.label == _TRUCE_LABEL
            and actors[0] in (topic := topic if topic is not None else _topic(text, actor_mentions))
        ):  # (an article with no topic is not read for one again at each truce)
            # "Azerbaijan said the 1994 truce held": a truce, as fighting, has two sides;
            # with one of the article's two parties named, the other is the second
            actors = [*actors, *(a for a in topic if a != actors[0])]
        elif (
            len(actors) == 1
            and actors[0].kind == "organisation"
            and not _own_summit(text, clause, m_start, m_end, ttype)
            and not _members_meet(text, clause, m_start, ttype)
            and not _condemns_harm(text, m_end, ttype)
            and not (ttype != "COERCE" and _armed_group(actors[0]))
        ):
            # "The Security Council met behind closed doors on Monday": a body that meets or
            # acts alone, with no state named, deals with the state the article is about
            # (but not the state that suffered the harm it condemns: _condemns_harm; nor
            # for an armed group's own act: _armed_group; its seizure of a town or a
            # palace takes it from the state, which keeps it)
            actors = [*actors, *_home_state(actor_mentions, home)]
        if unit.first is not None:
            # a state that had ceased before the day is none of the day's parties: "the seat
            # of the Supreme Soviet" in 1993, "Salisbury" (Rhodesia's capital) in 2018 (its
            # last day is its own: the day it dissolves)
            # (with no state among the actors `gone` is empty: no test for one first)
            gone = [
                a
                for a in actors
                if a.kind == "country" and (end := ceased(a.name)) and unit.first > end
            ]
            if gone and len(gone) < len(actors):
                actors = [a for a in actors if a not in gone]
                source = None if source in gone else source
                target = None if target in gone else target
        if ttype in ("MOBILIZE", "RETREAT"):
            trig = _as_labelled(text, clause, match, trig, source)
        labelled, aimed = source, target  # the label's doer and acted on
        if (
            ttype in _GROUP_LABEL_TYPES
            and not doer  # (a doer of unnamed_doers.tsv already named: "Gunmen attack")
            and (source is None or source.kind == "country")
            and (words := _group_words(text, clause[0], m_start))[0]
            # (nor the state's own: "Serb gunmen", "pro-Jakarta militiamen")
            and not any(
                words[1] - _GROUP_STATE_SPAN <= m.start < m_start and source in m.actors
                for m in actor_mentions
            )
        ):
            # "Armed rebels took control of Vlore", "gunmen seized the regional parliament":
            # the act is given to the state where it happens (its actors), but the label
            # names the group that did it as the text does ("Rebels seize Vlore", not
            # "Albania seizes"), where the clause names no state as its subject
            labelled, doer = None, words[0]
            if (
                target is not None
                and target.kind == "country"
                and not _named_after(text, m_end, clause[1], target, _gazetteer())
            ):
                # "a mob attacked a police station in Lahore": the state of the place is
                # where the group acted, not what it attacked ("Mob attack", not "Mob
                # attack on Pakistan")
                aimed = None
        label = _label(text, worded, trig, match, labelled, aimed, actors, doer)
        txs = unit.timexes
        mentions = _unit_mentions(article.id, text[sent[0] : sent[1]], txs)
        names = tuple([a.name for a in actors])
        approximate = any(map(_fuzzy, txs))  # (no generator: 0.3 of 0.7 us a unit)
        other_dates = _other_days(txs, unit.value)
        out.append(
            (
                trig.weight,
                _event(
                    id=_event_id(
                        ttype, unit.value, names, article.id, u_start if coord is None else m_start
                    ),
                    label=label,
                    type=ttype,
                    quad_class=quad[ttype],
                    start=unit.first,
                    end=unit.last,
                    value=unit.value,
                    granularity=unit.granularity,
                    actors=names,
                    mentions=mentions,
                    source=source.name if source else None,
                    target=target.name if target else None,
                    approximate=approximate,
                    articles=1,
                    other_dates=other_dates,
                ),
            )
        )
        if ttype == "STATEMENT" and source is not None:
            dated[idx] = len(out) - 1
        if ups:
            told_so_far.append(
                _Told(idx, m_start, trig.weight, out[-1][1], trig, match, clause, source, target)
            )
        last_act[idx] = out[-1][1]
        if (
            coord is None
            and (
                dated_after is None
                # (nor a year that qualifies a noun: "and Iran said it would no longer
                # respect the limits set by the 2015 nuclear deal" is dated by the first)
                or (
                    _ATTRIBUTIVE_BEFORE.search(text, dated_after - 6, dated_after) is not None
                    and _WORD_AFTER_DATE.match(text, units[k + 1].end) is not None
                )
            )
            and (
                text.find(" and ", m_end, sent[1]) >= 0
                or text.find(", when ", m_end, sent[1]) >= 0
                or text.find(", as ", m_end, sent[1]) >= 0
            )
        ):
            # (a later date in the sentence dates its own acts: only the last unit's)
            acts = _coordinated_acts(text, sent, match, hits, in_sent, before_m)
            queue[qi + 1 : qi + 1] = [(k, act) for act in acts]
    _continue_statements(text, sents, dated, out, actor_mentions, hits_in)
    if earlier:
        out.extend((0, ev) for ev in _earlier_events(article, timexes, sents, hits_in, out))
    # strongest trigger first, so that a merged event keeps the most specific label
    return merge_all(ev for _, ev in sorted(out, key=lambda p: -p[0]))


# A dated clause whose verb is in no trigger family still tells a happening when a named
# party is its subject and the verb its own act, done or to come: "Russia sold Alaska to the
# United States in 1867", "On Monday, Parliament reversed the change", "Babrak Karmal,
# brought back from exile, ...", "Saudi Arabia had ferried 150 people to Jeddah on
# Saturday", "Crimea was handed to Ukraine in 1954", "Colonna will appear before the
# committee on Wednesday", "Oakley is due to leave on Saturday", "Egyptian commandos rescued
# the guards early on Saturday". The subject (the party, or nouns it qualifies), an adverb
# at most ("also", "quickly"), an auxiliary, then the verb.
_ADVERB = r"(?:(?:also|then|later|again|first|already|[a-z]+ly)\s+)?"
_NAMED_VERB = re.compile(
    r",?\s+"
    + _ADVERB
    + r"(?:(?P<future>(?:will|(?:is|are|was|were)\s+(?:due|expected|set|scheduled|to)"
    r"(?:\s+to)?|plans?\s+to|planned\s+to)\s+)"
    r"|(?P<done>(?:(?:had|has|have)\s+"
    + _ADVERB
    + r"(?:been\s+)?|(?:was|were)\s+)))?"
    + _ADVERB
    + r"([a-z]+)\b"
)
# the nouns a named party qualifies in a subject ("Egyptian commandos", "An Indian navy
# destroyer", "Russia's foreign ministry"): up to three lower-case words that are no
# function word and no past form
_HEAD_NOUNS = re.compile(
    r"(?:['\u2019]s)?(?:\s+(?!(?:in|on|at|of|the|a|an|and|or|but|that|who|which|to|for|with"
    r"|from|by|is|are|was|were|has|have|had|will|would|also|then|later|said|says)\b)"
    r"(?![a-z]+ed\b)[a-z][a-z-]*){1,3}(?=\s)"
)
# a passive participle, then "by" and the words before the agent's name ("the Soviet
# leader"), ending where the name starts
_PASSIVE_BY = re.compile(
    r"\b(?:was|were|been)\s+(?:(?:first|later|also|[a-z]+ly)\s+)?([a-z]+)\b[^,;:.]{0,60}?"
    r"\bby\s+(?:the\s+)?(?:[A-Za-z.-]+\s+){0,4}?$"
)
# base verbs of a state, not an act to come: "will remain in office", "is to be"
_NOT_TO_COME = frozenset("be have not remain stay continue need seek try want keep hold".split())
# words that stand where a verb to come would, but are none: "is due on Thursday", "will
# next week", "is expected in May"
_NOT_VERBS = frozenset(
    "on in at by for from with to into onto over under about after before during until"
    " since next this that the a an his her its their".split()
)
# past forms that tell a state, a habit or a modal, not an act: "Russia had", "was",
# "ruled the country in 1990", "led the polls in May", "expected a deal on Monday"
_NOT_ACTS = frozenset(
    "was were had did could would should might must remained seemed appeared looked lived kept"
    " owned wanted needed believed hoped feared knew thought felt used controlled ruled held"
    " led governed faced lacked numbered totalled totaled ranked owed expected"
    # light verbs, whose object names the act ("took office" and "made a visit" are
    # trigger forms): "took a boat", "made a profit", "got a reply"
    " took made got put set went came".split()
)
# a relative clause on a noun after the verb: "built the new port, which opened in May"
_REL_BETWEEN = re.compile(r",\s+(?:which|who|whose|where)\b")
# a relative clause on a party, right after it: "Gordon Brown, who succeeded"
_WHO_OPEN = re.compile(r",\s+who\b")


@lru_cache(maxsize=1)
def _describing_verbs() -> frozenset[str]:
    """resources/events/describing_verbs.tsv: "turned", "served" after ", who"."""
    return frozenset(row[0] for row in _rows("describing_verbs.tsv"))


# a rate after the verb tells a habit: "sold 2.2 million barrels a day last year" (not an
# offset: "a day after", "a week later")
_RATE = re.compile(
    r"\b(?:a|an|per|each|every)\s+(?:day|week|month|year)\b"
    r"(?!\s+(?:after|before|later|earlier|ago|and|or)\b|-)"
)


@lru_cache(maxsize=1)
def _verb_presents() -> dict[str, str]:
    """resources/events/verb_presents.tsv: past -> third person present, for the irregular
    pasts ("sold" -> "sells") and the regular ones _headline_present's rule reads wrong."""
    return {row[0]: row[1] for row in _rows("verb_presents.tsv") if len(row) > 1}


# a regular past's stem that ends in "e" ("-ed" dropped): "moved", "rescued", "seized",
# "announced", "changed", "urged", "judged", "handled", "negotiated", "closed", "released",
# "declared", "fired", "captured", "described", "traded", "decided", "provoked", "named",
# "hoped", "voted", "executed", "declined", "waged", "compiled", "ruled" (not "treated",
# "floated", "answered", "claimed", "repaired", "opened", "questioned", "visited", "labeled")
_E_STEM = re.compile(
    r"(?:[vuzc]|[aeiu]ng|[rld]g|[bcdfgkptz]l|[^eo]at|[aeiou]s"
    r"|(?<![aeiou])(?:[aiou][bdgkmp]|[aiu]r|[ou]t|[iu]n|[iou]l))$"
)
# one of two written consonants of a stem ("stopped", "banned", "committed"; "expelled",
# "controlled" of a stem of two syllables), not "called", "missed", "killed", "stuffed"
_DOUBLED = re.compile(r"(?:([bdgkmnprt])\1|(?<=[^aeiou][eio])(l)l)$")
_SYLLABLE = re.compile(r"[aeiouy]+")


def _headline_present(word: str) -> str:
    """The third person present of a past-tense verb, as a headline tells a past act ("sold"
    -> "sells", "succeeded" -> "succeeds", "moved" -> "moves", "stopped" -> "stops",
    "expelled" -> "expels", "ferried" -> "ferries", "freed" -> "frees", "vetoed" ->
    "vetoes", "reached" -> "reaches"); `word` itself when it is no past it can read."""
    if (present := _verb_presents().get(word)) is not None:
        return present
    if not word.endswith("ed") or len(word) < 4:
        return word
    if word.endswith("ied"):
        return word[:-3] + "ies"
    if word.endswith("eed"):
        return word[:-1] + "s"  # "freed", "agreed", "guaranteed"
    stem = word[:-2]
    if (m := _DOUBLED.search(stem)) is not None and (
        m.group(1) or len(_SYLLABLE.findall(stem)) > 1
    ):
        stem = stem[:-1]
    elif _E_STEM.search(stem):
        stem += "e"
    if stem.endswith(("s", "x", "z", "ch", "sh")) or (stem.endswith("o") and stem[-2:] != "oo"):
        return stem + "es"
    return stem + "s"


@lru_cache(maxsize=512)
def _act_trigger(verb: str, future: bool = False, shown: str = "") -> Trigger:
    """The weakest trigger family, of one verb: a statement-like happening of its subject,
    outranked by every trigger word of the clause. Its label is a headline's: the verb in
    the present (`shown`, _headline_present) and the name it acts on ("Russia sells Alaska"
    for "Russia sold Alaska", "East Germany opens Berlin Wall"), a passive's participle
    ("Xi handed" for "Xi was handed ..."), a happening to come with "to" ("National
    Assembly to decide")."""
    return Trigger(
        "STATEMENT",
        1,
        "{source} " + ("to " if future else "") + (shown or verb) + " {object}",
        (verb,),
    )


def _one_verb(trig: Trigger) -> bool:
    """Whether `trig` is a one-verb act family of _act_trigger's."""
    if trig.weight != 1 or len(trig.forms) != 1 or not trig.label.endswith(" {object}"):
        return False
    words = trig.label.split(" ")
    future = words[1] == "to"
    shown = words[2 if future else 1] if len(words) == (4 if future else 3) else ""
    verb = trig.forms[0]
    return trig is _act_trigger(verb, future, "" if shown == verb else shown)


def _act_hit(v: re.Match[str], group: int, active: bool) -> Hit:
    """The one-verb act hit of the verb in `v`'s `group`: its label's verb in the present
    when the verb is the subject's act done ("sold", "had fired"), as written for a passive
    ("was handed": "Xi handed") or an act to come ("to decide")."""
    verb = v.group(group)
    future = group == 3 and v.group("future") is not None
    shown = _headline_present(verb) if active and not future else ""
    return _new_hit(
        Hit,
        (v.start(group), v.end(group), _act_trigger(verb, future, "" if shown == verb else shown)),
    )


def _passive(v: re.Match[str]) -> bool:
    """Whether _NAMED_VERB's verb group is a passive ("was handed", "had been moved")."""
    done = v.group("done")
    return done is not None and (done.startswith(("was", "were")) or "been" in done)


def _named_after(text: str, pos: int, end: int, actor: Actor, gaz: Gazetteer) -> bool:
    """Whether `actor`'s name (or its short name) is written in text[pos:end] before its
    first comma."""
    comma = text.find(",", pos, end)
    words = text[pos : end if comma < 0 else comma]
    return actor.name in words or short_name(actor, gaz) in words


def _act_after(text: str, pos: int, hi: int) -> re.Match[str] | None:
    """The verb group right after text[pos] (_NAMED_VERB) when it tells an act."""
    v = _NAMED_VERB.match(text, pos)
    if v is None or v.end() > hi:
        return None
    word = v.group(3)
    if v.group("future") is not None:
        # a base verb, not the words of a date or a place between ("are due on Thursday
        # to compare": the verb is past the date, where this reading does not reach)
        return None if word in _NOT_TO_COME or word in _NOT_VERBS else v
    return None if word in _NOT_ACTS or not _past_verb(word) else v


def _needs_unmet(text: str, h: Hit, end: int) -> bool:
    """Whether `h`'s row needs words that do not follow it, and no other sense of its form
    is met (triggers.tsv: "flew with his wife to Baku" deploys no troops): a word that names
    no happening here."""
    return (
        h.trigger.needs is not None
        and h.trigger.needs.match(text, h.end, end) is None
        and _other_sense(text, h, end) is None
    )


def _named_act(
    text: str,
    clause: tuple[int, int],
    unit: _Unit,
    mentions: Sequence[ActorMention],
    m_starts: list[int],
    words: Sequence[Hit],
) -> Hit | None:
    """The verb of a named party's own act in text[clause] (right after the party or the
    nouns it qualifies, _act_after; or a passive whose agent the party is; or the verb of a
    relative clause on the party, ", who succeeded", whose own date it is), when the date
    `unit` is that clause's (after the verb, or fronted just before the subject: "On
    Monday, Parliament reversed"), as a hit of its own one-verb trigger family; None when
    there is none, when a trigger word of the clause decides (`words`: the sentence's
    trigger words, before the live filter, but for those its needs turn away in a relative
    or counted clause, _needs_unmet), when the date qualifies a noun ("its 1960 borders"), is
    a relative clause's after the verb ("built the port, which opened in May"), or the
    clause tells a habit ("a day")."""
    lo, hi = clause
    counted = lo == unit.start and unit.timexes[0].text.endswith(_COUNTED_ENDS)
    if (
        _ATTRIBUTIVE_BEFORE.search(text, unit.start - 6, unit.start) is not None
        and _WORD_AFTER_DATE.match(text, unit.end) is not None
    ):
        return None
    # the nearest party first: of two acts before one date, the date is the nearer one's
    # ("Norway widened the road, and Chile trimmed the budget on Monday": Chile's)
    for m in reversed(mentions[bisect_left(m_starts, lo) : bisect_left(m_starts, hi)]):
        first = m.start  # where the party's clause starts: its subject, or the verb
        v = _act_after(text, m.end, hi)
        if v is None and (n := _HEAD_NOUNS.match(text, m.end)) is not None:
            v = _act_after(text, n.end(), hi)  # "Egyptian commandos rescued"
        rel_end = hi  # where the words that decide are looked for
        w_open = False
        if v is None and (w := _WHO_OPEN.match(text, m.end)) is not None:
            w_open = True
            # "Gordon Brown, who succeeded Tony Blair last month, said on Tuesday": a relative
            # clause on the party tells its own act, when its date is its own (no comma
            # between the verb and the date: the clause closes at its first comma)
            close = text.find(",", w.end(), hi)
            rel_end = hi if close < 0 else close
            v = _act_after(text, w.end(), rel_end)
            if v is not None and v.group(3) in _describing_verbs():
                continue  # his life, not a happening: "Putin, who turned 70 on Monday"
            if v is not None and not (v.end(3) <= unit.start and unit.end <= rel_end):
                continue  # the date is the main clause's: "X, who met Y, said on Monday"
        if v is not None:
            verb = 3
        elif (
            (v := _PASSIVE_BY.search(text, max(lo, m.start - 90), m.start)) is not None
            and v.group(1) not in _NOT_ACTS
            and _past_verb(v.group(1))
        ):
            # the agent of a passive: "Crimea was handed to Ukraine by the Soviet leader
            # Nikita Khrushchev in 1954", "was granted the status by the United Nations"
            verb, first = 1, v.start(1)
        else:
            continue
        told = w_open or counted  # a clause that tells a happening of its own
        if any(
            first <= h.start < rel_end and not (told and _needs_unmet(text, h, hi)) for h in words
        ):
            # a trigger word of the clause, kept or turned away, decides (the rows' guards
            # stay: "recalled its trade commissioner", "summoned supporters"); not one its
            # needs turned away in a clause that tells a happening of its own (a relative
            # clause with its own date, a clause counted from): "who flew with his wife to
            # Baku on Sunday", "two days after India stripped the region of its autonomy"
            return None
        if not (unit.start >= v.end(verb) or text[unit.end : first].strip(" ,") == ""):
            continue
        if (rel := _REL_BETWEEN.search(text, v.end(verb), unit.start)) is not None and (
            text.find(",", rel.end(), unit.start) < 0
        ):
            continue  # the date is a relative clause's: "built the port, which opened in May"
        if _RATE.search(text, v.end(verb), hi) is not None:
            return None
        # (the agent of a passive acts: "was handed to Ukraine by Khrushchev")
        return _act_hit(v, verb, verb == 1 or not _passive(v))
    return _pronoun_act(text, clause, unit, words, counted)


# a subject pronoun right after a counted offset: "nine days after he had fired"
_COUNTED_PRONOUN = re.compile(r"\s+(?P<pron>he|she|they|it)\b(?=\s)")


def _pronoun_act(
    text: str, clause: tuple[int, int], unit: _Unit, words: Sequence[Hit], counted: bool
) -> Hit | None:
    """The verb of an act whose subject is a pronoun opening a clause counted from ("nine
    days after he had fired his deputy"), as _named_act reads a named party's: the verb in
    the clause, and no trigger word of the clause deciding (but one its needs turn away, as
    for a named party in a counted clause). Whom the pronoun stands for is found as for any
    other event (_with_pronoun_subject, _with_it_subject, _with_they, with round 60g's
    `told_from`); an event whose pronoun stands for nobody is dropped with the events that
    name nobody. (Read in every clause a pronoun opens, it changed no event of the
    development sets beyond the counted ones: round 60m.)"""
    if not counted or (p := _COUNTED_PRONOUN.match(text, unit.end)) is None:
        return None
    hi = clause[1]
    v = _act_after(text, p.end("pron"), hi)
    if v is None or v.group("future") is not None:
        return None
    if any(p.start("pron") <= h.start < hi and not _needs_unmet(text, h, hi) for h in words):
        return None
    if _RATE.search(text, v.end(3), hi) is not None:
        return None
    return _act_hit(v, 3, not _passive(v))


# what was asked or offered, turned down: "turned the request down", "rejected the offer"
_THE_ASK = re.compile(
    r"\b(?:the|that|this)\s+(?:request|offer|proposal|invitation|appeal|demand|plea)\b"
)
# a speaking verb and its partner, before a means ("by phone"): " spoke with ", " talked on
# Friday to Mrs. ", " told "
_SPEAKS_TO = re.compile(
    r"\b(?:(?:spoke|speaks|speak|talked|talks|talk)(?:\s+[\w,]+){0,3}?\s+(?:with|to)"
    r"|told|tells|assured|urged|asked|warned)\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?$"
)
# a date that qualifies the noun after it: "the 2015 nuclear deal", "its 1998 law"
_ATTRIBUTIVE_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her)[ ]$")
_WORD_AFTER_DATE = re.compile(r"[ ][a-z]")
# "two days after the vote", "a week before the summit": an offset from a happening
_ANCHOR_WORD = re.compile(
    r"\s+(?P<dir>after|before|following|ahead of|prior to)\s+"
    r"(?:the|its|their|his|her|this|that)\s+(?:[\w'\u2019-]+\s+){0,2}?(?=\w)"
)
_OFFSET = re.compile(r"P(\d+)([DWMY])")
_ANCHOR_REACH = 6  # words between a dated expression and the happening it dates
_GRAIN: dict[str, Granularity] = {"D": "day", "W": "day", "M": "month", "Y": "year"}


def _unit_mentions(article: str, sentence: str, txs: Sequence[Timex]) -> tuple[Mention, ...]:
    """The mentions a dated unit's expressions make, each with its sentence."""
    return tuple(
        [
            _mention(
                article=article,
                text=tx.text,
                start=tx.start,
                end=tx.end,
                type=tx.type,
                value=tx.value,
                sentence=sentence,
                explanation=tx.explanation,
                confidence=tx.confidence,
            )
            for tx in txs
        ]
    )


def _shift(day: date, n: int, unit: str) -> date:
    if unit in "DW":
        return day + timedelta(days=n * (7 if unit == "W" else 1))
    months = day.year * 12 + day.month - 1 + (n if unit == "M" else 12 * n)
    year, month = divmod(months, 12)
    return date(year, month + 1, min(day.day, _month_days(year, month + 1)))


def _anchor(text: str, timexes: Sequence[Timex], noun: tuple[int, int], pos: int) -> Timex | None:
    """The day-dated mention of the happening the noun text[noun[0]:noun[1]] names, seen
    from `pos`: the nearest earlier (else later) date within a few words of the same
    trigger family (or of the same type for a material act: "after the clash" finds
    "fought ... on June 15"), or of the same word ("the test" finds "a nuclear test on
    October 9")."""
    hit = _noun_at(text, noun[0])
    word = re.compile(rf"(?i)\b{re.escape(text[noun[0] : noun[1]])}\b")
    best: tuple[int, Timex] | None = None
    for t in timexes:
        if t.granularity not in ("day", "time") or t.first is None or t.range is not None:
            continue
        lo, hi = max(0, t.start - 80), min(len(text), t.end + 80)
        spots: list[tuple[int, int]] = []
        if hit is not None:
            spots = [
                (h.start, h.end)
                for h in trigger_hits(text, lo, hi)
                if h.trigger is hit.trigger
                or (h.trigger.type == hit.trigger.type and h.trigger.type in _MATERIAL_CONFLICT)
            ]
        spots += [w.span() for w in word.finditer(text, lo, hi)]
        for a, b in spots:
            if (a, b) == noun or _token_distance(text, t.start, t.end, a, b) > _ANCHOR_REACH:
                continue
            gap = (t.end, a) if a >= t.end else (b, t.start)
            if ". " in text[gap[0] : gap[1]] or "\n" in text[gap[0] : gap[1]]:
                continue
            rank = pos - t.start if t.start < pos else 10**9 + t.start
            if best is None or rank < best[0]:
                best = (rank, t)
            break
    return best[1] if best else None


def _dated(
    start: int, end: int, text: str, day: date, gran: Granularity, why: str, conf: float
) -> Timex:
    """A DATE expression made here, not by the tagger, for text[start:end]: `day` at
    granularity `gran`, explained by `why`."""
    if gran == "day":
        value, first, last = day.isoformat(), day, day
    elif gran == "month":
        value = f"{day.year:04d}-{day.month:02d}"
        first = day.replace(day=1)
        last = day.replace(day=_month_days(day.year, day.month))
    else:
        value, first, last = f"{day.year:04d}", date(day.year, 1, 1), date(day.year, 12, 31)
    return Timex(
        start, end, text[start:end], "DATE", value, None, first, last, gran,
        f"{why} = {value}", conf,
    )  # fmt: skip


def _noun_at(text: str, pos: int) -> Hit | None:
    nxt = trigger_hits(text, pos, min(len(text), pos + 40))
    return nxt[0] if nxt and nxt[0].start == pos else None


_HEAD_NOUN = re.compile(r"[a-z][a-z-]{2,}(?:\s+[a-z][a-z-]{2,})?\b")


def _noun_span(text: str, pos: int) -> tuple[int, int] | None:
    """The happening named at `pos`: a trigger ("the vote"), else a plain noun ("the
    test")."""
    if (hit := _noun_at(text, pos)) is not None:
        return hit.start, hit.end
    m = _HEAD_NOUN.match(text, pos)
    return (pos, pos + len(m.group().split()[0])) if m else None


# how the text of a date anchored_dates counts from a happening ends: "two days after"
_COUNTED_ENDS = ("after", "before")


def anchored_dates(
    text: str,
    timexes: Sequence[Timex],
    sents: Sequence[tuple[int, int]] | None = None,
    dct: date | None = None,
) -> list[Timex]:
    """Dates counted from a happening the article dates elsewhere: "Tikhanovskaya left for
    Lithuania two days after the vote", where "the August 9 vote" was named before, is
    2020-08-11; so are "on the day of the test", "on the eve of the summit" and "the day
    after the referendum". The tagger keeps "two days" a duration (as TimeML annotates
    it); here the offset, its direction and the happening's own date make a date.
    `sents`: the text's `sentences`, when the caller has them. `dct`: the reference date;
    with it, a happening told in the past is not counted to a date after it (`_past_ok`)."""
    if sents is None:
        sents = sentences(text)
    out: list[Timex] = []
    for d in timexes:
        if d.type != "DURATION" or d.mod is not None:
            if d.value == "FUTURE_REF" or d.value == "PAST_REF":
                if (same := _hours_off(text, timexes, d, sents)) is not None:
                    out.append(same)
            continue
        off = _OFFSET.fullmatch(d.value)
        if off is None:
            if d.value.startswith("PT") and d.value.endswith("H"):
                if (same := _hours_off(text, timexes, d, sents)) is not None:
                    out.append(same)
            continue
        link = _ANCHOR_WORD.match(text, d.end)
        noun = _noun_span(text, link.end()) if link else None
        if noun is not None and text.startswith(_POSSESSIVE, noun[1]):
            # "a day after the alliance's secretary general ordered": an owner, not the
            # happening; the clause after the offset is
            noun = None
        subject = False
        if noun is not None and _verb_after(text, noun[1]):
            # "a day after its soldiers shot his son": the noun is the subject of a clause,
            # which is the happening
            noun, subject = None, True
        anchor = _anchor(text, timexes, noun, d.start) if noun else None
        if link is None or noun is None or anchor is None or anchor.first is None:
            # no dated happening named after it: "a day after its parliament declared"
            if (on := _counted_on(text, timexes, d, off, sents)) is not None:
                out.append(on)
            elif (back := _counted_back(text, timexes, d, off, subject, dct)) is not None:
                out.append(back)
            elif (came := _came_after(text, [*timexes, *out], d, off, sents, dct)) is not None:
                out.append(came)
            continue
        sign = 1 if link.group("dir") in ("after", "following") else -1
        why = f"{d.text} {link.group('dir')} the {text[noun[0] : noun[1]]} of {anchor.value}"
        got = _offset_from(text, d, off, anchor, sign, noun[1], why)
        if not _past_ok(text, d, got, dct):
            # "began landing on 20 July, five days after the coup", where "the coup" found
            # was one told later: a past happening counted to a date still to come is
            # another one, undated here
            continue
        out.append(got)
    if "the day " in text or "the eve " in text or "the morning " in text:
        taken = [(t.start, t.end) for t in timexes]
        for m in _DAY_OF.finditer(text):
            noun = _noun_span(text, m.end())
            anchor = _anchor(text, timexes, noun, m.start()) if noun else None
            if noun is None or anchor is None or anchor.first is None:
                continue
            if any(a < noun[1] and m.start() < b for a, b in taken):
                continue  # the tagger dated part of it already
            shift = _DAY_SHIFT[m.group("dir").lower()] - (m.group("day").lower() == "eve")
            day = anchor.first + timedelta(days=shift)
            why = f"{m.group().strip()} {text[noun[0] : noun[1]]} of {anchor.value}"
            conf = anchor.confidence * 0.9
            out.append(_dated(m.start(), noun[1], text, day, "day", why, conf))
    if "the day " in text or "the morning " in text or "the night " in text:
        # "stormed the heights on Friday, the day after Egypt accepted the call": the clause
        # after it happened a day before its sentence's date, as "a day after" counts
        done = {t.start for t in out}
        for m in _DAY_CLAUSE.finditer(text):
            if m.start() in done or any(t.start <= m.start() < t.end for t in timexes):
                continue
            day = Timex(m.start(), m.end(), m.group(), "DURATION", "P1D")
            one = _OFFSET.fullmatch("P1D")
            if (back := _counted_back(text, timexes, day, one, dct=dct)) is not None:
                out.append(back)
    return out


# "the day after Egypt accepted", "the night before the army's chief resigned"
_DAY_CLAUSE = re.compile(r"\bthe\s+(?:day|morning|night)(?=,?\s+(?:after|before)\s)")


# "on the day of the test", "on the eve of the summit", "the day after the referendum"
_DAY_OF = re.compile(
    r"\b(?:[Oo]n\s+)?the\s+(?P<day>day|eve|morning|evening|night)\s+"
    r"(?P<dir>of|after|before|following)\s+(?:the|its|their)\s+(?:[\w'\u2019-]+\s+){0,2}?(?=\w)"
)
_DAY_SHIFT = {"of": 0, "after": 1, "following": 1, "before": -1}


_CLAUSE_AFTER = re.compile(
    r",?\s+(?P<dir>after|before)\s+(?:(?!(?:the|a|an|its|their|his|her|this|that|being)\b)"
    r"(?=[A-Z\w])|(?=(?:the|a|an|its|their|his|her)\s+(?:[\w-]+\s+){0,2}[a-z]{3,}ed\b)"
    # a subject or happening owned: "a day after the alliance's secretary general ordered"
    r"|(?=(?:the|its|their|his|her)\s+(?:[\w-]+\s+)?[\w-]+['\u2019]s\s))"
)


# a sentence that opens by pointing at a happening told before: "The meeting came", "The
# search comes", "The Chinese attack came"
_TOLD_BEFORE = re.compile(
    r"(?:The|This|That|These|Those|Its|His|Her|Their)\s+(?:[\w'\u2019-]+\s+){1,2}"
    r"(?:came|comes|followed|follows)\b"
)


def _counted_on(
    text: str,
    timexes: Sequence[Timex],
    d: Timex,
    off: re.Match,
    sents: Sequence[tuple[int, int]],
) -> Timex | None:
    """ "He ordered the force out two days after Cairo demanded its removal on May 16": the
    clause after the offset dates itself, and the clause before it, which names no date of
    its own, happened that long after (or before) it; the new date spans "two days" and
    dates the clause before it."""
    link = _CLAUSE_AFTER.match(text, d.end)
    if link is None:
        return None
    lo = next((a for a, b in sents if a <= d.start < b), 0)
    if _TOLD_BEFORE.match(text, lo):
        return None  # "The meeting came four days after ...": a happening told elsewhere
    stop = len(text)
    for mark in (",", ";", ". ", "\n"):
        if (k := text.find(mark, link.end(), stop)) >= 0:
            stop = k
    anchor = None
    for t in timexes:
        if lo <= t.start < d.start and t.type in ("DATE", "TIME"):
            return None  # the clause before has a date of its own
        if link.end() <= t.start < stop and t.first is not None and t.range is None:
            if t.granularity in _COUNT_FROM[off.group(2)]:
                anchor = t
            break
    if anchor is None or anchor.first is None:
        return None
    sign = 1 if link.group("dir") == "after" else -1
    why = f"{d.text} {link.group('dir')} {anchor.value} ('{anchor.text}'), counted on"
    return _offset_from(text, d, off, anchor, sign, d.end, why)


def _offset_from(
    text: str, d: Timex, off: re.Match, anchor: Timex, sign: int, end: int, why: str
) -> Timex:
    """The date `d`'s offset ("two days", `off` its value's match) counts to from
    `anchor`'s first day, forward (`sign` 1) or back (-1), spanning text[d.start:end]."""
    assert anchor.first is not None
    n, unit = int(off.group(1)), off.group(2)
    day = _shift(anchor.first, sign * n, unit)
    conf = min(d.confidence, anchor.confidence) * 0.9
    return _dated(d.start, end, text, day, _GRAIN[unit], why, conf)


def _counted_back(
    text: str,
    timexes: Sequence[Timex],
    d: Timex,
    off: re.Match,
    subject: bool = False,
    dct: date | None = None,
) -> Timex | None:
    """ "The council voted on Saturday, five days after Pyongyang announced its test": the
    clause after the offset happened that long before (or after) the date its sentence
    gives; the new date spans "five days after" and dates that clause (`subject`: a
    clause whose subject and verb were seen: "after its soldiers shot"). `dct`: the
    reference date; a past clause is not counted to a date after it, nor a sentence that
    points back ("The change came") to a date still to come: the date counted from is
    then the one before (`_past_ok`)."""
    link = _CLAUSE_AFTER.match(text, d.end)
    if link is None and subject:
        link = _ANCHOR_WORD.match(text, d.end)
        if link is not None and link.group("dir") not in ("after", "before"):
            link = None
    if link is None:
        return None
    # days and weeks count from a day; months from a month or finer, years from any date
    # ("opened in 1999, two years after voters backed devolution" is 1997)
    grains = _COUNT_FROM[off.group(2)]
    anchors = [
        t
        for t in timexes
        if t.start < d.start and t.granularity in grains and t.first is not None and t.range is None
    ]
    sign = -1 if link.group("dir") == "after" else 1
    for anchor in reversed(anchors):
        assert anchor.first is not None
        between = text[anchor.end : d.start]
        if between.count("\n") > 2 or len(between) > 600:
            return None
        if ". " in between or "\n" in between or len(between) > 160:
            # the date must be its own sentence's, or one of the few before (no other date
            # between) when this sentence only points back to its happening: "... cut its
            # ties with Taiwan on Monday. The move came two days after Lai won Taiwan's
            # presidential election"
            lead = between[max(between.rfind(". ") + 2, between.rfind("\n") + 1) :]
            if between.count(". ") + between.count("\n") > 4 or not _POINTS_BACK.fullmatch(lead):
                return None
            if dct is not None and anchor.first > dct:
                continue  # "The change came a day after ...": what came has happened
        why = f"{d.text} {link.group('dir')}: counted back from {anchor.value} ('{anchor.text}')"
        got = _offset_from(text, d, off, anchor, sign, link.end("dir"), why)
        if not _past_ok(text, d, got, dct):
            continue
        return got
    return None


# a sentence that opens on the noun of a happening told before, then the offset: "The seizure
# came two days after ...", "The decision came a day after ...", "The destruction began two
# days after ..."
_NOUN_CAME = re.compile(
    r"(?:The|This|That|Its|Their|His|Her)\s+(?:[\w'\u2019-]+\s+){0,2}?(?P<noun>[a-z][\w-]+)\s+"
    r"(?:came|comes|began|begins|followed|follows)\s+(?:(?:just|only|barely|exactly)\s+)?"
)
_AFTER_OR_BEFORE = re.compile(r"\s+(?P<dir>after|before)\s")


@lru_cache(maxsize=1)
def _story_nouns() -> frozenset[str]:
    """resources/events/story_nouns.tsv: "decision", "move", "change"."""
    return frozenset(row[0] for row in _rows("story_nouns.tsv"))


def _came_after(
    text: str,
    dates: Sequence[Timex],
    d: Timex,
    off: re.Match,
    sents: Sequence[tuple[int, int]],
    dct: date | None,
) -> Timex | None:
    """ "The seizure came two days after a commando team tried to kill the president": the
    sentence names by its noun a happening the story told before, and the clause after the
    offset happened that long before it; counted from the first day-dated telling of that
    happening before this sentence (its trigger or its word near the date), or, for a noun
    that names only a step of the story's news ("The decision came a day after ...":
    story_nouns.tsv), from the date of the article's first sentence. Not when the clause
    after the offset dates itself ("a month after Taiwan elected Lai ... on January 13")."""
    link = _AFTER_OR_BEFORE.match(text, d.end)
    if link is None:
        return None
    sent = next(((a, b) for a, b in sents if a <= d.start < b), None)
    if sent is None:
        return None
    lo, hi = sent
    m = _NOUN_CAME.match(text, lo)
    if m is None or m.end() != d.start:
        return None
    for mark in (", and ", ", but ", "; "):
        if (k := text.find(mark, link.end(), hi)) >= 0:
            hi = k  # (the clause after: not one coordinated after it)
    if any(link.end() <= t.start < hi and t.type in ("DATE", "TIME") for t in dates):
        return None  # "... after Taiwan elected Lai as president on January 13": dated
    noun = m.span("noun")
    told = sorted(
        (t for t in dates if t.end <= lo and t.granularity in ("day", "time")),
        key=lambda t: t.start,
    )
    told = [t for t in told if t.first is not None and t.range is None]
    anchor = _told_first(text, told, noun)
    if anchor is None and m.group("noun") in _story_nouns() and sents:
        first = sents[0]
        anchor = next(
            (t for t in told if first[0] <= t.start < first[1] and (dct is None or t.first <= dct)),
            None,
        )
    if anchor is None or anchor.first is None:
        return None
    sign = -1 if link.group("dir") == "after" else 1
    why = (
        f"{d.text} {link.group('dir')}: counted back from the {m.group('noun')} of "
        f"{anchor.value} ('{anchor.text}')"
    )
    got = _offset_from(text, d, off, anchor, sign, link.end("dir"), why)
    return got if _past_ok(text, d, got, dct) else None


def _told_first(text: str, told: Sequence[Timex], noun: tuple[int, int]) -> Timex | None:
    """The first of the dates `told` (in text order) that dates the happening the noun
    text[noun[0]:noun[1]] names: a mention of its trigger family or of its word within a few
    words of the date, in the date's sentence."""
    hit = _noun_at(text, noun[0])
    word = re.compile(rf"(?i)\b{re.escape(text[noun[0] : noun[1]])}\b")
    for t in told:
        lo, hi = max(0, t.start - 80), min(len(text), t.end + 80)
        spots = [w.span() for w in word.finditer(text, lo, hi)]
        if hit is not None:
            spots += [
                (h.start, h.end) for h in trigger_hits(text, lo, hi) if h.trigger is hit.trigger
            ]
        for a, b in spots:
            if _token_distance(text, t.start, t.end, a, b) > _ANCHOR_REACH:
                continue
            gap = (t.end, a) if a >= t.end else (b, t.start)
            if ". " in text[gap[0] : gap[1]] or "\n" in text[gap[0] : gap[1]]:
                continue
            return t
    return None


def _past_ok(text: str, d: Timex, got: Timex, dct: date | None) -> bool:
    """Whether `got`, the date counted for the happening the offset `d` points at, can
    date it: not after the reference date `dct` when its clause is told in the past ("a
    day after mass protests forced Shevardnadze to resign", said of an election to come
    on January 4: the protests were the day before the date the sentence reports from,
    not the day before the election)."""
    if dct is None or got.first is None or got.first <= dct:
        return True
    return clause_tense(text, d.start, d.end)[0] != "past"


# a sentence that opens by pointing back at the happening before it ("The move came",
# "It was", "The decision followed", "The measures came", "The ceremony came") up to an
# offset: a step taken, a proceeding or a gathering; not a violent happening ("The downing
# came a day after ...", whose date is the downing's, named who knows where)
_POINTS_BACK = re.compile(
    r"(?:(?:The|This|That|These|Those|His|Her|Its|Their)\s+(?:move|decision|step|announcement"
    r"|development|news|shift|switch|change|action|measures?|sanctions|steps|ceremony|signing"
    r"|vote|visit|talks|meeting|expulsions?|appointment|resignation|rally|protest|protests"
    r"|request|appeal|letters?|message|warning|statement|remarks|offer)"
    r"|It|This|That)\s+(?:came|followed|was|were)"
    r"(?:\s+(?:just|only|barely|exactly))?\s*"
)


# "Hours later, Bush froze the assets", "signed on Thursday, hours after Bush spoke",
# "had announced it hours earlier": a few hours from a dated happening is its day (not
# "hours before": mostly a deadline, "hours before it was due to expire")
_HOURS_LINK = re.compile(r"\s+(?:(?P<rel>later|earlier)\b|(?=after\s)|(?P<before>(?=before\s)))")
# ... but ", hours before" a clause whose subject did something after the dated act: "freed
# the next day, hours before Sargsyan resigned" (not a deadline: "hours before it was due to
# expire"; nor "Hours before they sat down, missiles hit Kyiv", which dates the missiles)
_BEFORE_ACT = re.compile(r"\s+before\s+(?:[\w'\u2019-]+\s+){1,4}?([a-z]+)\b")
# "Hours after the strikes,", "Hours before the speech,": a noun phrase of a few words, its
# determiner pointing back, then the comma before the main clause
_AFTER_NOUN = re.compile(
    r"\s+(?:after|before)\s+(?:the|this|that|these|those|its|their|his|her)\s+"
    r"(?:[\w'\u2019-]+\s+){0,2}[\w'\u2019-]+,"
)
_NOT_ACTS_BEFORE = frozenset({"was", "were", "had", "is", "are", "has", "have"})
_HOURS = re.compile(r"PT(?:X|[1-9]|1[0-2])H|PT(?:X|[1-9]\d?)M")  # hours or minutes
_FEW_HOURS = re.compile(r"(?i)\b(?:hours|minutes)\s+(?:later|earlier)$")


def _hours_off(
    text: str, timexes: Sequence[Timex], d: Timex, sents: Sequence[tuple[int, int]]
) -> Timex | None:
    """ "Hours later" or "minutes later" (after the last day-dated happening, in this
    sentence or the one before) and "hours after" a clause (counted from its sentence's
    date): news counts hours within a day, so the happening is dated to that day. A bare
    "hours" the tagger keeps a duration (as TimeML annotates it); here it dates its
    clause."""
    if d.value in ("FUTURE_REF", "PAST_REF") and _FEW_HOURS.search(d.text):
        end, reach = d.end, 1  # "A few hours later", which the tagger keeps vague
    elif not _HOURS.fullmatch(d.value) or d.mod is not None:
        return None
    elif (link := _HOURS_LINK.match(text, d.end)) is None:
        return None
    elif link.group("rel") is None:
        if link.group("before") is not None and not (
            text.endswith(", ", 0, d.start)
            and (act := _BEFORE_ACT.match(text, d.end)) is not None
            and act.group(1) not in _NOT_ACTS_BEFORE
            and _past_verb(act.group(1))
        ):
            return None
        after = _CLAUSE_AFTER.match(text, d.end)
        if after is not None:
            end, reach = after.end() - 1, 0  # the date must be its own sentence's
        elif (d.start == 0 or text[d.start - 1] == "\n" or text.endswith(". ", 0, d.start)) and (
            back := _AFTER_NOUN.match(text, d.end)
        ) is not None:
            # "Hours after the announcement, protesters stormed ...": a sentence that opens
            # with hours after (or before) a happening named by its noun, told before, is
            # counted from the last one dated, as "Hours later" is
            end, reach = back.end() - 1, 1
        else:
            return None
    else:
        end, reach = link.end(), 1  # "Iraq invaded on Thursday. Hours later, ..."
    anchor = None
    for t in timexes:
        if t.start >= d.start:
            break
        if t.granularity in ("day", "time") and t.first is not None and t.range is None:
            anchor = t
    if anchor is None or anchor.first is None:
        return None
    between = text[anchor.end : d.start]
    if "\n" in between or between.count(". ") > reach or len(between) > 160 + 160 * reach:
        if not _told_just_before(sents, timexes, anchor, d, reach):
            return None
    why = f"{text[d.start : end].strip()}: the day of {anchor.value} ('{anchor.text}')"
    conf = min(d.confidence, anchor.confidence) * 0.8
    return _dated(d.start, end, text, anchor.first, "day", why, conf)


def _told_just_before(
    sents: Sequence[tuple[int, int]], timexes: Sequence[Timex], anchor: Timex, d: Timex, reach: int
) -> bool:
    """Whether the happening `anchor` dates is the one told just before the hours `d`
    count from, though a sentence or two (or a paragraph) lie between: "Hours later, ..."
    two or three sentences after the dated one, those between dating nothing of their own
    (a quote, "Ghana did not arrest its guest", a line of background dated by a month at
    most); "The request came hours after gunmen attacked ..."
    in the sentence after the request's date (the new paragraph of a wire story).
    `sents`: the text's `sentences`."""
    starts = [a for a, _ in sents]
    i_a = bisect_right(starts, anchor.start) - 1
    i_d = bisect_right(starts, d.start) - 1
    gap = i_d - i_a
    if gap == 1:
        return True
    if gap not in (2, 3) or reach == 0:
        return False
    # (two sentences between at most, a quote and a line of background, dating no day of
    # their own: a date of a coarser kind, "whose coalition took office in March", tells
    # nothing hours count from)
    lo, hi = sents[i_a + 1][0], sents[i_d - 1][1]
    return not any(
        lo <= t.start < hi and (gap == 2 or t.granularity in ("day", "time")) for t in timexes
    )


_COUNT_FROM: dict[str, tuple[str, ...]] = {
    "D": ("day", "time"),
    "W": ("day", "time"),
    "M": ("day", "time", "month"),
    "Y": ("day", "time", "month", "year"),
}


_ORDINAL_IN = re.compile(r"(?i)\bsecond\b(?:\s+[\w-]+){0,2}\s+in\s+$")
_DURATION = re.compile(r"P(\d+)([DWMY])")
_UNIT_DAYS = {"D": 1, "W": 7, "M": 30, "Y": 365}


def _earlier_events(
    article: Article,
    timexes: Sequence[Timex],
    sents: list[tuple[int, int]],
    hits_in: dict[int, list[Hit]],
    out: list[tuple[int, Event]],
) -> list[Event]:
    """ "In Thursday's call, ... After a 50-minute phone call, their second in just over
    three weeks, ...": "second" + "in" + a duration, said of a happening dated in the
    article, implies a first one about that long before. It gets the happening's type and
    actors, the week (month, year) that far back, and approximate=True."""
    text = article.body
    starts = [a for a, _ in sents]
    found = []
    for tx in timexes:
        if tx.type != "DURATION" or not (d := _DURATION.fullmatch(tx.value)):
            continue
        if not _ORDINAL_IN.search(text, max(0, tx.start - 40), tx.start):
            continue
        idx = bisect_right(starts, tx.start) - 1
        if idx < 0:
            continue
        # the happening counted: a trigger between the ordinal and "in", else the last
        # one before the ordinal in the sentence ("a phone call, their second in ...")
        before = [h for h in hits_in.get(idx, []) if h.end <= tx.start]
        if not before:
            continue
        kind = before[-1].trigger.type
        anchors = [
            ev
            for _, ev in out
            if ev.type == kind
            and not ev.approximate
            and ev.mentions[0].start < tx.start
            and bisect_right(starts, ev.mentions[0].start) - 1 >= idx - 2
        ]
        if not anchors:
            continue
        anchor = max(anchors, key=lambda ev: ev.mentions[0].start)
        back = anchor.start - timedelta(days=int(d.group(1)) * _UNIT_DAYS[d.group(2)])
        gran: Granularity
        if d.group(2) in "DW":
            year, week, _ = back.isocalendar()
            first = date.fromisocalendar(year, week, 1)
            last = first + timedelta(days=6)
            value, gran = f"{year}-W{week:02d}", "week"
        elif d.group(2) == "M":
            first = back.replace(day=1)
            last = date(back.year, back.month, _month_days(back.year, back.month))
            value, gran = f"{back.year:04d}-{back.month:02d}", "month"
        else:
            first, last = date(back.year, 1, 1), date(back.year, 12, 31)
            value, gran = f"{back.year:04d}", "year"
        mention = Mention(
            article=article.id,
            text=tx.text,
            start=tx.start,
            end=tx.end,
            type=tx.type,
            value=value,
            sentence=text[sents[idx][0] : sents[idx][1]],
            explanation=f"the first of two, {tx.text} before {anchor.value}",
            confidence=0.5,
        )
        found.append(
            replace(
                anchor,
                id=_event_id(kind, value, anchor.actors, article.id, tx.start),
                label=f"Previous {anchor.label}",
                start=first,
                end=last,
                value=value,
                granularity=gran,
                mentions=(mention,),
                approximate=True,
                articles=1,
                other_dates=(),
            )
        )
    return found


def _continue_statements(
    text: str,
    sents: list[tuple[int, int]],
    dated: dict[int, int],
    out: list[tuple[int, Event]],
    actor_mentions: Sequence[ActorMention],
    hits_in: dict[int, list[Hit]],
) -> None:
    """Reported speech goes on past its dated sentence: "Biden said Friday ..." then
    "The US leader added, in remarks to reporters, that ... Putin ...". An undated
    sentence whose subject is the same speaker with a speech verb, within the next two
    sentences, adds its actors to that statement; and when what it adds is a warning
    (sanctions or force promised on a condition, "there would be consequences"), a plain
    statement becomes that warning."""
    for idx, pos in dated.items():
        weight, event = out[pos]
        for nxt in range(idx + 1, min(idx + 3, len(sents))):
            if nxt in dated:
                break
            lo, hi = sents[nxt]
            verb = next((h for h in hits_in[nxt] if h.trigger.type == "STATEMENT"), None)
            if verb is None:
                continue
            found = [m for m in actor_mentions if lo <= m.start and m.end <= hi]
            subject = [a for m in found if m.end <= verb.start for a in m.actors]
            if not subject and _PRONOUN_SPEAKER.fullmatch(text, lo, verb.start):
                # "He added that ...": the speaker of the statement, a person
                subject = [
                    a
                    for m in actor_mentions
                    for a in m.actors
                    if a.name == event.source and a.kind == "person"
                ][:1]
            if not subject or subject[-1].name != event.source:
                continue
            extra = tuple(a.name for m in found for a in _parties(m))
            event = _replace_event(event, actors=tuple(dict.fromkeys(event.actors + extra)))
            if (
                event.type == "STATEMENT"
                and verb.trigger.label == _REMARKS_LABEL
                and _added_warning(text, verb, hi, hits_in[nxt])
            ):
                event = _as_warning(text, (lo, hi), event, subject[-1], verb, found, actor_mentions)
            out[pos] = (weight, event)
            break


# a pronoun and at most an adverb before the speech verb: "He added", "She also said"
_PRONOUN_SPEAKER = re.compile(r"\s*(?:He|She)(?:\s+[a-z]+ly|\s+also|\s+then)?\s+")


def _added_warning(text: str, verb: Hit, hi: int, hits: list[Hit]) -> bool:
    """Whether the words a speech verb reports (to `hi`) warn: a threat cue ("there would
    be consequences"), or sanctions or force promised on a condition ("we will have severe
    sanctions ... if Russia invades")."""
    if _THREATAL.search(text, verb.end, hi) is not None:
        return True
    if _CONDITION.search(text, verb.end, hi) is None:
        return False
    return any(
        h.start >= verb.end
        and h.trigger.type in _MATERIAL_CONFLICT
        and _PROMISED.search(text, verb.end, h.start) is not None
        for h in hits
    )


def _as_warning(
    text: str,
    clause: tuple[int, int],
    event: Event,
    source: Actor,
    verb: Hit,
    found: Sequence[ActorMention],
    everyone: Sequence[ActorMention],
) -> Event:
    """A statement re-read as the warning its speaker went on to give (`found`: the actor
    mentions of that sentence, `everyone`: the article's). The warned is the statement's
    own target, else the first other party the warning names."""
    target: Actor | None = None
    if event.target is not None:
        target = next((a for m in everyone for a in m.actors if a.name == event.target), None)
    if target is None:
        target = next(
            (
                a
                for m in found
                if m.start >= verb.end
                for a in _parties(m)
                if a.name != source.name and a.name != source.affiliation
            ),
            None,
        )
    trig = _as_family("warned", verb.trigger.weight)
    hit = _new_hit(Hit, (verb.start, verb.end, trig))
    return _replace_event(
        event,
        type=trig.type,
        quad_class=lexicon().quad[trig.type],
        label=_label(text, clause, trig, hit, source, target, ()),
        target=target.name if target is not None else None,
    )


class _Told(NamedTuple):
    """An event as told, kept for the follow-ups that refer back to it (_follow_up)."""

    sent: int  # its sentence
    pos: int  # where its trigger stands
    weight: int
    event: Event
    trig: Trigger
    match: Hit
    clause: tuple[int, int]
    source: Actor | None
    target: Actor | None


# "followed Washington's lead", "followed its lead", "followed the lead of France": an
# elliptical follow-up too, of the act of whoever led (see follow_ups.tsv)
_LEAD = (
    r"follow(?:ed|s|ing)?\s+(?:its|his|her|their|the|(?:the\s+)?(?:[A-Z][\w.-]*\s+){0,2}"
    r"[A-Z][\w.-]*(?:['\u2019]s?)?)\s+lead\b"
    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})?"
)
_FOLLOW_CUES = ("follow", "the same", "likewise", "joined")  # one is in every form


@lru_cache(maxsize=1)
def _follow_up_regex() -> re.Pattern[str]:
    """The forms of follow_ups.tsv, then _LEAD; group "alone": forms with no object."""
    rows = list(_rows("follow_ups.tsv"))
    if bad := {row[1] for row in rows if len(row) > 1} - {"alone"}:
        raise ValueError(f"follow_ups.tsv: unknown flags {sorted(bad)}")

    def forms(alone: bool) -> str:
        chosen = [row[0] for row in rows if (len(row) > 1) == alone]
        chosen.sort(key=len, reverse=True)
        return "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in chosen)

    return re.compile(rf"\b(?:(?i:{forms(False)})|{_LEAD}|(?P<alone>(?i:{forms(True)})))\b")


# between a follow-up's subject and its form: a possessive and the state's body or forces
# ("Britain's government", "South Korean military planes"), then adverbs, auxiliaries and
# what puts it ahead or denies it ("is expected to", "will soon", "did not", "refused
# to"); no conjunction, relative pronoun or bare "to" ("urged Germany to follow suit":
# Germany is urged, it does nothing yet)
_FOLLOWER_GAP = re.compile(
    r"(?:['\u2019]s?)?(?:\s+(?:government|authorities|officials|ministry|cabinet|military|"
    r"army|navy|forces|troops|soldiers|units|aircraft|planes|warplanes|jets|ships|diplomats|"
    r"leaders?|parliament))*"
    r"(?:,?\s+(?:[a-z]+ly|too|also|then|soon|later|since|now|itself|not|never|yet|"
    r"(?:will|wo|would|could|may|might|should|shall|can|has|have|had|did|does|do|is|are|"
    r"was|were)(?:n['\u2019]t)?|be|been|expected|set|due|poised|ready|going|planning|"
    r"preparing|about|refused|declined|failed|decided|agreed|moved|quick|swift)"
    r"(?:\s+to)?,?){0,5}\s+"
)
# between names of a list: "Italian, Belgian and Canadian"
_LISTED = re.compile(r"\s*(?:,|,?\s*(?:and|&))\s*")
# between a follow-up's form and its date after it: "followed suit on Wednesday", "did the
# same late on Thursday", "followed a day later"
_FOLLOW_DATE_GAP = re.compile(
    r"(?:,?\s+(?:on|in|at|late|early|later|shortly|quickly|soon|swiftly|too|also))*,?\s+"
)
# between a date before the follow-up and its subject: "On Wednesday, the EU followed suit"
_DATE_TO_SUBJECT = re.compile(r"[\s,]*(?:the\s+)?")
# a form that takes no object ends there: "Moscow and its allies quickly followed."
_ALONE_END = re.compile(
    r"(?:,?\s+(?:too|also|quickly|soon|swiftly|promptly|shortly|later|afterwards))*"
    r"\s*(?:[.,;:!?\u2014\u2013]|$)"
)
# ... and names an act of its own after its date: "Biden followed on Wednesday with a
# pledge of 31 Abrams tanks", "was followed on Friday by a Soviet answer"
_ACT_AFTER = re.compile(r",?\s+(?:with|by)\b")
# a follow-up refused or not yet made (also _NEGATED, _DECLINED, _FAILED_TO): "refused to
# do the same", "has yet to follow suit", "is reluctant to follow suit"
_NOT_FOLLOWING = re.compile(
    r"(?i)\b(?:refus(?:ed|es|ing)|(?:has|have|had)\s+yet|unwilling|reluctant|loath"
    r"|resist(?:ed|s|ing)|balk(?:ed|s|ing)\s+at)\s+(?:to\s+)?$"
)


def _follow_ups(text: str) -> list[re.Match[str]]:
    """The follow-up forms of an article (most articles hold none of their cues). The
    pattern is tried only where one of its first words stands (_follow_up_firsts, found
    in the lower-cased text): the same matches as a scan of the whole text, unless the text
    holds a character that lower-casing moves or that matches a letter ignoring case."""
    if not any(cue in text for cue in _FOLLOW_CUES):
        return []
    pattern = _follow_up_regex()
    if any(c in text for c in _FOLDS_TO_ASCII):
        return list(pattern.finditer(text))
    low = text.lower()
    starts = set()
    for word in _follow_up_firsts():
        pos = low.find(word)
        while pos >= 0:
            starts.add(pos)
            pos = low.find(word, pos + 1)
    out = []
    end = 0  # (matches do not overlap, as finditer's)
    for pos in sorted(starts):
        if pos >= end and (m := pattern.match(text, pos)) is not None:
            out.append(m)
            end = m.end()
    return out


@lru_cache(maxsize=1)
def _follow_up_firsts() -> tuple[str, ...]:
    """The first words of the follow-up forms and of _LEAD, in lower case, without those
    another one begins: every match of _follow_up_regex opens with one (ignoring case)."""
    lead = re.match(r"[a-z]+", _LEAD)
    if lead is None:
        raise ValueError("_LEAD must open with a word")
    words = {row[0].split()[0].lower() for row in _rows("follow_ups.tsv")} | {lead.group()}
    return tuple(sorted(w for w in words if not any(w != v and w.startswith(v) for v in words)))


def _follow_up_at(
    text: str,
    sent: tuple[int, int],
    unit: _Unit,
    ups: Sequence[re.Match[str]],
    mentions: Sequence[ActorMention],
    m_starts: Sequence[int],
) -> tuple[re.Match[str], list[ActorMention]] | None:
    """The follow-up form that `unit` dates ("The EU followed suit on Wednesday", "On
    Wednesday, the EU followed suit", "and Germany did likewise a day later"), and its
    subject: the actor named just before it (two joined by "and": "Japanese and South
    Korean military planes did the same"). None when the date is another clause's."""
    for up in ups:
        f0, f1 = up.span()
        if not sent[0] <= f0 < sent[1]:
            continue
        alone = up.group("alone") is not None
        if f1 <= unit.start:
            if _FOLLOW_DATE_GAP.fullmatch(text, f1, unit.start) is None or (
                alone and _ACT_AFTER.match(text, unit.end, sent[1]) is not None
            ):
                continue
            lo = sent[0]
        elif unit.end <= f0:
            if alone and _ALONE_END.match(text, f1, sent[1]) is None:
                continue
            lo = unit.end
        else:
            continue
        if alone and _PASSIVE_AUX.search(text, max(lo, f0 - 24), f0) is not None:
            continue  # "was followed on Friday by", "were joined by"
        before = mentions[bisect_left(m_starts, lo) : bisect_left(m_starts, f0)]
        if not before or before[-1].end > f0:
            continue
        last = before[-1]
        if _FOLLOWER_GAP.fullmatch(text, last.end, f0) is None:
            continue
        if lo == unit.end and _DATE_TO_SUBJECT.fullmatch(text, unit.end, last.start) is None:
            continue  # "recognised it on Tuesday, and Moscow followed": Tuesday is Brazil's
        # several joined: "Japanese and South Korean military planes", "Italian, Belgian and
        # Canadian units"
        k = len(before) - 1
        while k and _LISTED.fullmatch(text, before[k - 1].end, before[k].start):
            k -= 1
        return up, list(before[k:])
    return None


def _in_relative(text: str, lo: int, pos: int) -> bool:
    """Whether `pos` stands in a relative clause opened after `lo` and not closed before
    it: "600 soldiers crossed the border on Tuesday at the request of Mosisili, who had
    appealed to SADC for help last week. About 200 troops from Botswana followed": what
    follows is the main clause's act, not the background a relative clause adds."""
    opened = -1
    for rel in _RELATIVE_OPEN.finditer(text, lo, pos):
        opened = rel.end()
    return opened >= 0 and text.find(",", opened, pos) < 0


def _follow_up(
    text: str,
    article: Article,
    sents: Sequence[tuple[int, int]],
    idx: int,
    unit: _Unit,
    up: re.Match[str],
    subject: Sequence[ActorMention],
    mentions: Sequence[ActorMention],
    acts: Sequence[_Told],
) -> _Told | None:
    """ "The United States imposed sanctions on Iran on Monday. The European Union
    followed suit on Wednesday": the act of the last event told before the follow-up form
    `up` (in its sentence or the two before) by another actor, done by the follow-up's
    `subject` on its own date: the act's type and target, its label made anew for the new
    source ("EU sanctions Iran"). Who was acted on and follows pays back: "Washington
    expelled Russian diplomats. Moscow did the same" expels US diplomats. "Followed
    France's lead" follows France's act. Denied or refused ("did not follow suit",
    "refused to do the same"), or with no act to follow: None."""
    sent = sents[idx]
    f0, f1 = up.span()
    lo = max(sent[0], f0 - 40)
    if (
        _NEGATED.search(text, lo, f0)
        or _DECLINED.search(text, lo, f0)
        or _FAILED_TO.search(text, lo, f0)
        or _NOT_FOLLOWING.search(text, lo, f0)
    ):
        return None
    source = _parties(subject[0])[0]
    leaders = [a for m in mentions if f0 <= m.start < f1 for a in _parties(m)]
    prior = max(
        (
            t
            for t in acts
            if t.sent >= idx - 2
            and t.pos < f0
            and t.source is not None
            and not _same_side(t.source, source)
            and not _in_relative(text, sents[t.sent][0], t.pos)
            and (not leaders or any(_same_side(t.source, a) for a in leaders))
        ),
        key=lambda t: t.pos,
        default=None,
    )
    if prior is None:
        return None
    target = prior.target
    if target is not None and _same_side(target, source) and prior.source is not None:
        target = prior.source  # paid back
        if target.kind == "person" and target.affiliation:
            target = _side(target.affiliation)
    actors = [a for m in subject for a in _parties(m)]
    if (
        source.kind == "person"
        and source.affiliation
        and (target is None or target.kind != "person")
        and _brings_the_state(prior.trig)
    ):
        # an official following a state's or a material act acts for his state; one
        # following words speaks for himself (_acts_for_state)
        actors.append(_side(source.affiliation))
    if target is not None:
        actors.append(target)
    actors = list(dict.fromkeys(actors))
    names = tuple([a.name for a in actors])
    label = _label(text, prior.clause, prior.trig, prior.match, source, target, actors)
    txs = unit.timexes
    mentioned = _unit_mentions(article.id, text[sent[0] : sent[1]], txs)
    event = _replace_event(
        prior.event,
        id=_event_id(prior.event.type, unit.value, names, article.id, unit.start),
        label=label,
        start=unit.first,
        end=unit.last,
        value=unit.value,
        granularity=unit.granularity,
        actors=names,
        mentions=mentioned,
        source=source.name,
        target=target.name if target is not None else None,
        approximate=any(_fuzzy(tx) for tx in txs),
        articles=1,
        other_dates=_other_days(txs, unit.value),
    )
    return prior._replace(sent=idx, pos=f0, event=event, source=source, target=target)


def _other_days(txs: Sequence[Timex], value: str) -> tuple[str, ...]:
    """The other readings of an event's date, as event dates are written: an evening's
    alternative ("2023-10-03TEV", the Tuesday a week on) is its day, and a reading that is
    the event's own date is none."""
    if len(txs) == 1 and not txs[0].alternatives:
        return ()  # (most units: one expression with one reading)
    out = [day_value(a) for tx in txs for a in tx.alternatives]
    return tuple(dict.fromkeys(a for a in out if a != value))


# --------------------------------------------------------------------------- merging


def _compatible_dates(a: Event, b: Event, a_articles: set[str] | None = None) -> bool:
    if a.value == b.value:
        return True
    if a_articles is None:
        a_articles = {m.article for m in a.mentions}
    if any(m.article in a_articles for m in b.mentions):
        # one writer giving two different dates means two happenings ("spoke on Saturday
        # and again on Sunday"); tolerance is for sources that disagree
        return False
    if {a.value, b.value} & set(a.other_dates + b.other_dates):
        return True
    if a.granularity == b.granularity == "day":
        return abs((a.start - b.start).days) <= 1
    return a.start <= b.end and b.start <= a.end and a.granularity == b.granularity


# A happening told once to the day or month and once more coarsely ("Russia annexed
# Crimea in March 2014 ... since Russia annexed Crimea in 2014", "Gorbachev warned Honecker
# on Oct. 7 ... his warning earlier this month"): the coarser mention is the same
# happening, not another one, when it reads the same (same type, label and doer) and its
# month or year holds the finer date. Without a doer it may be another step between the
# same sides ("the two countries signed a peace agreement on Friday"; "technical teams had
# initialled the text earlier this month").
_COARSE = frozenset({"month", "year"})
_FINER = {"month": frozenset({"day", "range"}), "year": frozenset({"day", "range", "month"})}


def finer_of(a: Event, b: Event) -> Event | None:
    """Of two readings of one happening's date, the finer one when the other is a month or
    year that holds it ("2014-03-18" in "2014-03", "2014-03" in "2014"), else None."""
    for coarse, fine in ((a, b), (b, a)):
        if (
            coarse.granularity in _COARSE
            and fine.granularity in _FINER[coarse.granularity]
            and coarse.start <= fine.start
            and fine.end <= coarse.end
        ):
            return fine
    return None


def _told_finer(a: Event, b: Event) -> bool:
    """Whether a and b are one happening told at two precisions (see _COARSE)."""
    return (
        a.label == b.label
        and a.source is not None
        and a.source == b.source
        and not a.human
        and not b.human
        and finer_of(a, b) is not None
    )


_FORCE = {"ASSAULT", "COERCE", "MOBILIZE"}


def _other_speakers(a: Event, b: Event) -> bool:
    """Two one-sided acts whose doers differ and do not name each other: "Biden said on
    Monday ..." and "Blinken said on Monday ..." are two statements, though both are the
    United States'; "the Taliban entered Kabul" and "Ghani fled the same day" are two
    happenings of Afghanistan's. Meetings, agreements and cooperation have two sides, and
    either may be the subject: two meetings are two only when neither doer is named in
    the other. Any other act done to the doer of another, by its target, is a reply, not
    the same act."""
    if (
        a.type not in _MUTUAL
        and a.source is not None
        and a.target is not None
        and a.source == b.target
        and a.target == b.source
    ):
        # "Thailand launched air strikes on Cambodian targets on Thursday"; "Cambodia fired
        # rockets into Thai territory on Thursday": two acts, in opposite directions
        return True
    if a.source is None or b.source is None or a.source == b.source:
        return False
    if _remarks(a) and _remarks(b):
        # two speakers' remarks are two statements though one names the other: "Benin's
        # government said on Monday it had regained control"; "Nigeria said on Monday that
        # Tinubu had sent jets to Benin" (a statement about Benin is not Benin's)
        return True
    if a.type in _MUTUAL:
        # two meetings or visits whose doers neither names: "de Gaulle said he would fly to
        # Washington"; "Johnson met the cabinet the same day" (not an agreement, whose
        # signers a list names in any order)
        return a.type == "CONSULT" and a.source not in b.actors and b.source not in a.actors
    if a.source not in b.actors and b.source not in a.actors:
        return True
    if (a.source not in b.actors and _own_state(a.source) == b.source) or (
        b.source not in a.actors and _own_state(b.source) == a.source
    ):
        # "Trump said on Friday ..." and "the Pentagon said the same day ...": a person
        # and the state he serves, whose name his act carries only as his, are two speakers
        return True
    # the one struck or coerced in one act is the doer of the other: a reply, not the same
    # act ("US jets struck Baghdad; Iraq fired missiles at Kuwait the same day")
    return a.type in _FORCE and (
        (a.target is not None and a.target == b.source)
        or (b.target is not None and b.target == a.source)
    )


def _own_state(name: str) -> str | None:
    """A known person's state ("Donald Trump" -> "United States"), else None."""
    actor = _gazetteer().actor(name)
    return actor.affiliation if actor is not None and actor.kind == "person" else None


_JOURNEY_TAIL = _JOURNEY_LABEL.removeprefix("{source}")


def _remarks(e: Event) -> bool:
    return e.label.endswith(" remarks")


def _by_phone(e: Event) -> bool:
    return e.label.endswith(" phone call")


def _in_person(e: Event) -> bool:
    # (a journey or a hosting is in person too: "Kohl returns to Warsaw", "Xi hosts Putin")
    return any(w in e.label for w in _IN_PERSON_WORDS)


_IN_PERSON_WORDS = (" meeting", " summit", " visits ", " returns to ", " state visit ", " hosts ")


# triggers.tsv: the last word of the labels of happenings told as statements, by kind
_STATEMENT_KINDS = {
    "dies": "death",
    "funeral": "death",
    "appointment": "office",
    "inauguration": "office",
    "election": "vote",
    "vote": "vote",
    "referendum": "vote",
}


def _statement_kind(label: str) -> str | None:
    """The kind of happening a statement's label tells (see _STATEMENT_KINDS), if any."""
    for word in label.split()[1:]:
        kind = _STATEMENT_KINDS.get(word)
        if kind is not None:
            return kind
    return None


def same_happening(a: Event, b: Event, a_articles: set[str] | None = None) -> bool:
    """Mentions of one happening: same type, compatible dates (equal within an article;
    across articles also an alternative reading or a day apart; or, read the same, one
    told to the day or month within the other's month or year: _told_finer), overlapping
    actors."""
    if a.type != b.type or not (_compatible_dates(a, b, a_articles) or _told_finer(a, b)):
        return False
    if a.label.endswith(_JOURNEY_TAIL) != b.label.endswith(_JOURNEY_TAIL):
        return False  # a return home is its own happening, not the day's meeting or call
    if a.value == b.value and _told_apart(a, b):
        return False
    if a.type == "STATEMENT" and _remarks(a) != _remarks(b):
        # someone's remarks and another happening told as a statement (an election, a
        # swearing-in, a crash, a declaration) are two happenings: "Lai won the presidential
        # election on Saturday"; "China's Taiwan Affairs Office said on Saturday that the
        # result did not represent mainstream opinion"
        return False
    if (
        a.type == "STATEMENT"
        and (kind := _statement_kind(a.label)) is not None
        and (other := _statement_kind(b.label)) is not None
        and kind != other
    ):
        # a death, a taking of office and a vote told on one day are three happenings:
        # "Eyadema died on Saturday. Hours later the army named his son head of state"
        return False
    if a.type == "CONSULT" and _by_phone(a) != _by_phone(b) and _in_person(a) != _in_person(b):
        # a phone call and a meeting are two happenings: "Kabila, Kagame and Museveni met in
        # Kampala on Wednesday"; "Clinton spoke by telephone with Kagame on Wednesday"
        return False
    if _other_speakers(a, b) or _other_pairs(a, b):
        return False
    if a.type == "CONSULT" and _other_places(a, b):
        return False
    if _week_apart(a, b) and (a.source is None or a.source != b.source):
        # dates a week apart that only another reading of a weekday joins ("on Sunday" in
        # a Sunday paper may be the Sunday before) are one happening only when read the
        # same way, by the same doer: "A United Nations mission arrived in Nagorno-Karabakh
        # on Sunday" (Oct 1) is not "The first buses arrived in Goris on Sunday" (Sept 24)
        return False
    if not a.actors or not b.actors:
        return a.label == b.label
    return bool(set(a.actors) & set(b.actors))


def _told_apart(a: Event, b: Event) -> bool:
    """Two happenings of one day that one article tells with two date expressions, with
    other parties: "Turkish jets strafed roads near Athienou on Thursday" and, further down,
    "Turkish forces reached the outskirts of Famagusta on Thursday" (Turkey and Greece;
    Turkey and Cyprus) are two steps of one offensive, as news lists them, though they
    share a type and a doer. The same happening told again names the same parties ("Biden
    and Zelensky will speak on Sunday. In Sunday's call, Biden will back Zelensky"), or
    points back to it with a date counted from another ("two days after Soviet paratroopers
    stormed the television tower"); acts that share one date expression ("met Putin and
    Erdogan on Monday") are one telling, but a second expression of the day in the same
    sentence tells another happening ("landed in Nairobi early on Tuesday and went on to
    Dar es Salaam later the same day"). Tellings in two articles are merged as before. Of
    `a` only its first mention is read: merge_all and the store see the same one (the
    others may lag behind, or not be loaded)."""
    if a.human or b.human or a.articles != 1 or b.articles != 1 or not a.mentions:
        return False
    first = a.mentions[0]
    if any(m.article != first.article or m.start == first.start for m in b.mentions):
        return False
    if set(a.actors) == set(b.actors) and (
        a.label == b.label or not any(_coordinated_dates(first, m) for m in b.mentions)
    ):
        # the same parties: one happening told again ("In Sunday's call"), but not two acts
        # coordinated in one sentence, each with its own date and trigger: "Nagy broadcast
        # an appeal early on Sunday and later that morning took refuge in the embassy"
        return False
    return not (
        first.text.endswith(_COUNTED_ENDS)
        or any(m.text.endswith(_COUNTED_ENDS) for m in b.mentions)
    )


def _coordinated_dates(a: Mention, b: Mention) -> bool:
    """Whether two date expressions of one sentence date coordinated clauses: the words
    between them hold "and" ("early on Sunday and later that morning", "the same day, and
    protesters set fire ... on Wednesday night"), not a participle's elaboration of one act
    ("resigned on Friday, announcing in a televised address at noon")."""
    if a.sentence != b.sentence or a.article != b.article:
        return False
    if b.start < a.start:
        a, b = b, a
    sentence = a.sentence
    pos = sentence.find(a.text)
    while pos >= 0:
        end = pos + (b.start - a.start)
        if sentence.startswith(b.text, end):
            return " and " in sentence[pos + len(a.text) : end]
        pos = sentence.find(a.text, pos + 1)
    return False


def _week_apart(a: Event, b: Event) -> bool:
    """Two events dated to days more than one day apart (what _compatible_dates accepts
    only through an alternative reading of one of them)."""
    return (
        a.granularity == b.granularity == "day"
        and a.value != b.value
        and abs((a.start - b.start).days) > 1
    )


def _person(name: str) -> bool:
    """Whether an actor's name is a person's (one the gazetteer lacks is a person its
    title introduced: bodies and states are all in it)."""
    actor = _gazetteer().actor(name)
    return actor is None or actor.kind == "person"


def _other_pairs(a: Event, b: Event) -> bool:
    """Two meetings of two different pairs of people: "Putin met Erdogan on Monday" and
    "Aliyev met Erdogan on Monday" are two meetings, though Erdogan is at both. Not when
    one names the other's pair (a summit of several, a bilateral on its side, reported
    with the same two)."""
    if a.type != "CONSULT" or _by_phone(a) != _by_phone(b):
        return False
    pa, pb = (a.source, a.target), (b.source, b.target)
    if None in pa or None in pb or set(pa) == set(pb):
        return False
    if not all(_person(n) for n in (*pa, *pb)):
        return False  # "Power visits Armenia": a visit to a state, not a pair of people
    return not (set(pa) <= set(b.actors) or set(pb) <= set(a.actors))


# the place an in-person happening's label names: "{pair} meeting in Washington",
# "{source} visits Armenia" (triggers.tsv)
_LABEL_PLACE = re.compile(r" visits (.+)$| (?:meeting|talks|summit|session) in (.+)$")


def _label_states(e: Event) -> frozenset[str]:
    """The states the place of an in-person happening's label lies in, as the gazetteer
    knows it whole ("Washington": the United States; "Yerevan": Armenia); none for a place
    it does not know ("Goris", "Nakhchivan") or a label without one."""
    m = _LABEL_PLACE.search(e.label)
    if m is None:
        return frozenset()
    return _place_states(_gazetteer(), m.group(1) or m.group(2), e.start.year)


@lru_cache(maxsize=4096)
def _place_states(gazetteer: Gazetteer, name: str, year: int) -> frozenset[str]:
    found = gazetteer.find(name, when=date(year, 7, 1))
    if len(found) != 1 or (found[0].start, found[0].end) != (0, len(name)):
        return frozenset()
    return frozenset(x.name for x in found[0].actors if x.kind == "country")


def _other_places(a: Event, b: Event) -> bool:
    """Two in-person happenings whose labels place them in different states: "Samantha
    Power arrived in Armenia on Tuesday" and "Blinken met Mirzoyan in Washington on
    Tuesday" are two, whoever they name."""
    if _by_phone(a) or _by_phone(b):
        return False
    sa = _label_states(a)
    if not sa:
        return False
    sb = _label_states(b)
    return bool(sb) and not (sa & sb)


def merge(a: Event, b: Event, *, a_first: str | None = None) -> Event:
    """One event from two mentions-sets of the same happening. The best-supported date
    wins, the others kept in other_dates; on a tie the date, and the label, are those of
    the side first reported (`first_article`), so that a merge does not depend on the order
    in which the articles come (a store whose articles were replaced reads as one ingested
    afresh). Human corrections win over extracted fields. The event keeps a's id.
    `a_first`: a's first article when a's mentions are not all at hand (the store's)."""
    if b.human and not a.human:
        a, b = b, a
    first = a_first if a_first is not None else first_article(a)
    return _merge(
        a, b, {(m.article, m.start) for m in a.mentions}, {m.article for m in a.mentions}, first
    )


def better_supported(a: Event, b: Event, support: Callable[[str], int]) -> Event:
    """Of two readings of a happening's date, the finer one when the other's month or year
    holds it (finer_of: "in 2014" does not dispute "in March 2014"); else the one more
    mentions support; on a tie the earlier (then a's), whichever came first."""
    if a.value == b.value:
        return a
    if (finer := finer_of(a, b)) is not None:
        return finer
    sa, sb = support(a.value), support(b.value)
    if sa != sb:
        return a if sa > sb else b
    return b if (b.start, b.end) < (a.start, a.end) else a


def merged_label(a: Event, b: Event, a_first: str, b_first: str, a_count: int) -> str:
    """The label of two machine readings of a happening merged, given their first articles
    and how many mentions a has: the first report's; within one article (the same first
    article) the better attested reading's, on a tie a's, as events arrive strongest
    trigger first."""
    if a_first == b_first:
        return a.label if a_count >= len(b.mentions) else b.label
    return b.label if b_first < a_first else a.label


def first_article(ev: Event) -> str:
    """The article of an event's mentions that comes first ("" with none): which report
    of a happening is its first, whatever order the articles came in (article ids are
    their names or record ids: "2022-01-03-reuters", "niger-001")."""
    mentions = ev.mentions
    if len(mentions) == 1:
        return mentions[0].article  # (most events: one mention, as an article tells them)
    return min((m.article for m in mentions), default="")


def _merge(
    a: Event,
    b: Event,
    seen: set[tuple[str, int]],
    arts: set[str],
    a_first: str,
    pool: list[Mention] | None = None,
) -> Event:
    """merge(a, b) given the (article, start) keys, the articles of a's mentions and its
    first article (`a_first`), which it extends with b's: merge_all keeps them per event,
    so that folding n mentions of one happening into it costs n steps, not n * n. With
    `pool`, a's mentions as they are (a.mentions may lag behind): it is extended, and the
    event returned keeps a's mentions tuple, which merge_all sets from the pool at the end
    (a happening told 40,000 times in one long text copied a growing tuple each time)."""
    new = tuple(m for m in b.mentions if (m.article, m.start) not in seen)
    seen.update((m.article, m.start) for m in new)
    arts.update(m.article for m in new)
    mentions: Sequence[Mention]
    if pool is None:
        mentions = a.mentions + new
        a_count = len(a.mentions)
    else:
        a_count = len(pool)
        pool.extend(new)
        mentions = pool
    b_first = first_article(b)
    # the reading that leads (its source, its actors first): the first reported; within
    # one article a's, as events arrive strongest trigger first
    lead, other = (b, a) if not a.human and b_first < a_first else (a, b)
    best = a if a.human else better_supported(a, b, lambda v: support(v, mentions))
    others = [
        v
        for v in dict.fromkeys(a.other_dates + b.other_dates + (a.value, b.value))
        if v != best.value
    ]
    actors = tuple(dict.fromkeys(lead.actors + other.actors)) if not a.human else a.actors
    source = lead.source or other.source
    target = next((t for t in (lead.target, other.target, other.source) if t and t != source), None)
    label = a.label if a.human else merged_label(a, b, a_first, b_first, a_count)
    return _replace_event(
        a,
        label=label,
        start=best.start,
        end=best.end,
        value=best.value,
        granularity=best.granularity,
        actors=actors,
        mentions=a.mentions if pool is not None else tuple(mentions),
        source=source,
        target=target if target != source else None,
        approximate=a.approximate and b.approximate,
        articles=len(arts),
        other_dates=tuple(others),
    )


def merge_all(events: Iterable[Event]) -> list[Event]:
    """Greedy merge of a list of events, in order: each joins the first earlier event it is
    the same happening as. Sorted by date then label."""
    merged: list[Event] = []
    # per merged event, its mentions' (article, start) keys and articles (see _merge)
    keys: list[tuple[set[tuple[str, int]], set[str]]] = []
    firsts: list[str] = []  # and its first article (events.first_article)
    # and all its mentions (merged[i].mentions lags behind: set from here at the end)
    pools: list[list[Mention]] = []
    index: _MergeIndex | None = None  # once there are MERGE_INDEX_FROM events
    # before that, the merged events of each type, in order: same_happening turns down
    # another type's at once, and a merged event keeps its type (so they are not offered.
    # Same merges.)
    of_type: dict[str, list[int]] = {}
    for ev in events:
        if index is None and len(merged) >= MERGE_INDEX_FROM:
            index = _MergeIndex()
            for i, kept in enumerate(merged):
                index.add(i, kept)
        for i in of_type.get(ev.type, ()) if index is None else index.candidates(ev):
            if same_happening(merged[i], ev, keys[i][1]):
                if ev.human and not merged[i].human:
                    whole = _replace_event(merged[i], mentions=tuple(pools[i]))
                    merged[i] = merge(whole, ev)
                    keys[i] = (
                        {(m.article, m.start) for m in merged[i].mentions},
                        {m.article for m in merged[i].mentions},
                    )
                    pools[i] = list(merged[i].mentions)
                else:
                    merged[i] = _merge(merged[i], ev, *keys[i], firsts[i], pools[i])
                firsts[i] = min(firsts[i], first_article(ev))
                if index is not None:
                    index.add(i, merged[i])
                break
        else:
            if index is not None:
                index.add(len(merged), ev)
            else:
                of_type.setdefault(ev.type, []).append(len(merged))
            merged.append(ev)
            if len(ev.mentions) == 1:
                m = ev.mentions[0]  # (an article's events, one mention each: the common case)
                keys.append(({(m.article, m.start)}, {m.article}))
            else:
                keys.append(
                    ({(m.article, m.start) for m in ev.mentions}, {m.article for m in ev.mentions})
                )
            firsts.append(first_article(ev))
            pools.append(list(ev.mentions))
    done = [
        ev if len(ev.mentions) == len(pool) else _replace_event(ev, mentions=tuple(pool))
        for ev, pool in zip(merged, pools, strict=True)
    ]
    return sorted(done, key=lambda e: (e.start, e.end, e.label))


# An article's few events are compared with each other directly (filing them would cost
# ten times as much); a longer list, a long document's or many articles', is indexed.
MERGE_INDEX_FROM = 32


class _MergeIndex:
    """The earlier events `merge_all` offers `same_happening` for a new one: a superset of
    those it accepts, in their order (the store's merge index, dashapp/store.py, in
    memory). Without it each event was compared with every earlier one: a 1,500-article
    `extract` spent longer merging (17 s) than extracting. An event is filed under keys of
    (type, who, when):
      who: ("A", actor) for each actor; ("L", label); ("B", label) if it names no actor. A
        new event asks with ("A", actor) and ("B", label) if it names actors, else ("L",
        label) (a label joins where either side names nobody);
      when: ("d", n) for each MERGE_BUCKET_DAYS-wide bucket its days touch, or ("long",)
        past MERGE_LONG_DAYS; ("v", value) and ("o", alternative) for each alternative
        date; ("*",) if its own value is among its alternatives; and ("all",). A new event
        asks for the buckets of its dates widened by two days, ("long",), ("v", its value
        and each alternative), ("o", its value) and ("*",); or ("all",) when its own value
        is among its alternatives or its widened dates span MERGE_LONG_DAYS.
    A merged event is filed again under its new keys (its old ones stay: a candidate too
    many is only compared)."""

    __slots__ = ("_filed",)

    def __init__(self) -> None:
        self._filed: dict[tuple, list[int]] = {}

    @staticmethod
    def _buckets(start: date, end: date) -> range | None:
        if (end - start).days >= MERGE_LONG_DAYS:
            return None
        return range(
            (start - _EPOCH).days // MERGE_BUCKET_DAYS, (end - _EPOCH).days // MERGE_BUCKET_DAYS + 1
        )

    def add(self, i: int, ev: Event) -> None:
        who = [("A", a) for a in ev.actors]
        who.append(("L", ev.label))
        if not ev.actors:
            who.append(("B", ev.label))
        span = self._buckets(ev.start, ev.end)
        when: list[tuple] = [("long",)] if span is None else [("d", n) for n in span]
        when += [("v", ev.value), ("all",)]
        when += [("o", v) for v in ev.other_dates]
        if ev.value in ev.other_dates:
            when.append(("*",))
        filed = self._filed
        for w in who:
            for d in when:
                filed.setdefault((ev.type, w, d), []).append(i)

    def candidates(self, ev: Event) -> list[int]:
        who = [("A", a) for a in ev.actors]
        who.append(("B", ev.label) if ev.actors else ("L", ev.label))
        try:
            span = self._buckets(ev.start - _NEAR, ev.end + _NEAR)
        except OverflowError:  # within two days of date.min or date.max
            span = None
        if span is None or ev.value in ev.other_dates:
            when: list[tuple] = [("all",)]
        else:
            when = [("d", n) for n in span]
            when += [("long",), ("v", ev.value), ("o", ev.value), ("*",)]
            when += [("v", v) for v in ev.other_dates]
        filed = self._filed
        found: set[int] = set()
        for w in who:
            for d in when:
                got = filed.get((ev.type, w, d))
                if got:
                    found.update(got)
        return sorted(found)


MERGE_BUCKET_DAYS = 16
MERGE_LONG_DAYS = 256
_EPOCH = date(1970, 1, 1)
_NEAR = timedelta(days=2)  # wider than the day apart _compatible_dates allows


def type_counts(events: Iterable[Event]) -> Counter[str]:
    return Counter(e.type for e in events)
