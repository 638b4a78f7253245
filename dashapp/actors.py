"""Actors: gazetteer lookup, titles resolved by date, and in-document coreference.

The gazetteer is data, kept as JSON under ``dashapp/resources/actors/``:

- ``countries.json``, ``organisations.json``, ``people.json``: ``{"actors": [ENTRY, ...]}``
- ``titles.json``: office and role words, honorifics ("Mr", "Mrs")
- ``decoys.json``: literal phrases that contain an alias but name no actor ("Gulf of Mexico")

One ENTRY (every field but ``name`` optional; matching is case-sensitive)::

    {"name": "Joe Biden",                 # canonical name, itself matched
     "kind": "person",                    # person | country | organisation
     "affiliation": "United States",      # people: canonical country/organisation
     "aliases": ["Biden", "Joseph Biden"],# always matched ("Biden" alone too)
     "metonyms": ["Kremlin"],             # places: matched like aliases
     "demonyms": ["Russian"],             # places: "Russian(s)" -> the country
     "surname": "May",                    # people: for "Mrs May", "Prime Minister May" and,
                                          # after a full mention, bare back-references
     "ambiguous_surname": true,           # never match the bare surname ("May" the month)
     "offices": [{"office": "president", "of": "United States",
                  "from": "2021-01-20", "to": "2025-01-20"}],   # "to" exclusive, open if absent
     "leader": "president",               # places/orgs: what "the X leader" means; also a
                                          # dated list [{"office": ..., "from", "to"}] or
                                          # {"office": "president", "of": "European Commission"}
     "anaphors": ["the alliance"],        # orgs, places: matched only after it was named earlier
     "back_references": ["the North"],    # places: likewise, but not before a capitalised
                                          # word or a description ("the North Atlantic",
                                          # "the island nation of Japan")
     "part_of": "UN",                     # orgs: parent body, reported as a qualifier
     "own_party": true,                   # orgs: a state's legislature, court or electoral
                                          # body: named with its state, and a party itself
     "guarded": ["Jordan"],               # aliases that are also personal names: skipped next
                                          # to another capitalised name word ("Michael Jordan")
     "guarded_before": ["Security Council"],  # aliases skipped after a capitalised word
                                          # ("High Security Council", "Russia's Security Council")
     "until": "1991-12-26",               # historic states: the day the state ceased, and
     "predecessor_of": "Russia",          # the state whose capital and seat ("Moscow",
                                          # "Kremlin") named it until then
     "shared_until": "1990-06-12",        # ... and the names it shares with that state
                                          # ("Russian") until this day (default: until)
     "founded": "1993-11-01",             # orgs: the day the body began; before it, its
     "seats": {"Brussels": "Belgium"},    # seat aliases name the state they stand in
     "legislature": "Verkhovna Rada",     # places: what a bare "parliament" there names
     "central_bank": "Reserve Bank of India",  # places: what a bare "the central bank"
                                          # there names (else "Central Bank of <state>"
                                          # when the gazetteer knows that name)
     "sovereign": "Spain",                # regions: the state whose courts are theirs
     "remove_aliases": ["Wagner"]}        # user file only: drop aliases from an existing entry

Users correct or extend the gazetteer without touching the package: ``Gazetteer.load(extra=
path)`` (or, when ``extra`` is None, the file named by the environment variable
``GEOTIMELINE_ACTORS``) merges a JSON file ``{"actors": [ENTRY, ...]}`` (a bare list works
too). An entry whose ``name`` exists adds its aliases/demonyms/metonyms/offices/anaphors and
overrides ``kind``, ``affiliation``, ``surname``, ``leader``; a new name adds an actor. The
user file may also list ``"decoys": ["Georgia Aquarium"]``, phrases that name no actor. A
malformed file raises ValueError naming the file, the actor and the field, as does a name
that is no actor (affiliation, part_of, an office's "of"), an office titles.json does not
know, and an affiliation on a country or organisation (people only).

What ``find`` recognises, left to right over a whole article body:

- aliases, metonyms ("Moscow", "the White House"), demonyms ("Russian officials"),
  possessives in any apostrophe style and with the apostrophe stripped ("Russias", "Bidens");
  CamelCase-glued full names of gazetteer people ("VolodymyrZelensky");
- titles, whole phrase, actor resolved by ``when``: "US President Joe Biden" (the person),
  "the US president", "the Kremlin leader", "POTUS", "NATO chief", "President of Ukraine";
  the title's country/organisation is reported in ``ActorMention.qualifiers``, not as an
  actor; "a US president" (generic) names only the country;
- people introduced by a title or role: "Kyiv mayor Vitali Klitschko" -> new person
  affiliated with Ukraine, also "Russia's envoy, Vassily Nebenzia," and "Newt Gingrich, then
  speaker,"; their later bare surname links back, as do bare surnames of gazetteer people
  named in full earlier ("Johnson" after "Boris Johnson");
- "his Ukrainian counterpart" (the Ukrainian holder, at ``when``, of the office of the last
  person named; a leader's counterpart is the other country's leader), "both presidents" /
  "the two leaders" (the two last-named holders: one mention, two actors);
- a bare "the president" / "the foreign minister": the last-named holder of that office in
  the article, never a guess by date (no country given);
- organisation anaphors ("the alliance", "the military alliance" -> NATO; "the bloc" -> EU,
  ECOWAS or another regional bloc; "the league" -> Arab League) only after the organisation
  itself was named in the article (the most recent one wins);
- a state's own bodies named without the state ("parliament", "lawmakers", "the junta",
  "the Supreme Court"): the state of the actor named last before them in the sentence
  ("India's foreign minister told parliament"), else the article's country, with its
  legislature ("Verkhovna Rada") or the court or assembly under the state's name; named
  with their state ("Spain's Constitutional Court", "the Iraqi parliament", "the Supreme
  Court of India"), that state's; a legislature, court or central bank named by its own
  name ("the Knesset", "the Bank of Japan": `own_party`) names its state and itself, while
  an army, agency or service ("the Bundeswehr", "Xinhua") names its state as a qualifier;
  named in a capital ("the foreign ministry in Beijing", "lawmakers in Kyiv"), that
  capital's state's;
- a ministry ("the foreign ministry", "the Ministry of Defence", "Russia's defence
  ministry"): its state alone; named bare, the article's own state (the one it names most,
  as for a bare minister's title), not the state named before it, or the state its name is
  one state's ("the Foreign Office": the United Kingdom).

Deliberate choices and known limits: "Georgia" is the country except in US-state phrases
listed in decoys.json ("Atlanta, Georgia", "Georgia Senate"); "Brussels" is the EU, not
Belgium; bare "Korea" and "Congo" are not matched (ambiguous), "Congolese" and "the Congo"
are DR Congo; "Jerusalem" and "Tripoli" are not metonyms; "May" alone is never Theresa May;
names that are also first names ("Jordan", "Chad", "Paris") are skipped next to another
capitalised name word, except in headline-case lines. Matching is case-sensitive, so
all-caps headlines ("RUSSIA WARNS US") are not read.
"""

from __future__ import annotations

import bisect
import difflib
import functools
import json
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from dashapp.dateline import place_line
from dashapp.models import Actor
from dashapp.records import maker, replacer
from dashapp.temporal.lexicon import alternation

RESOURCES = Path(__file__).parent / "resources" / "actors"
ENV_VAR = "GEOTIMELINE_ACTORS"
_ACTOR_FILES = ("countries.json", "organisations.json", "people.json")

# Possessive endings after a name: "Russia's", "Russia’s", "Russias" (stripped apostrophe),
# "Paris'" ; plural demonyms ("Russians") use the same bare "s".
_APOS = "'’ʼ‘`´"
_POSS = rf"(?:[{_APOS}]s?|s)"
_POSS_AT = re.compile(_POSS)
_NO_APOSTROPHES = str.maketrans("", "", _APOS)
_GAP = re.compile(r"[ \t\u00a0]{1,3}")  # what may separate two words of one phrase


def _name_goes_on(text: str, end: int) -> bool:
    """Whether a capitalised word follows text[:end] after one space: the words before
    begin a longer name ("the Iraqi Parliament Speaker", "Parliament Square")."""
    after = _WORD_AFTER.match(text, end)
    return after is not None and after.group(1)[:1].isupper() and after.start(1) == end + 1


def _standalone(text: str, start: int, end: int) -> bool:
    """No capitalised word right before or after text[start:end] ("Morales arrived", not
    "Morales Ayma" or "Evo Morales")."""
    before = _word_before(text, max(0, start - 40), start)
    if before is not None and before[:1].isupper():
        return False
    after = _WORD_AFTER.match(text, end)
    return after is None or not after.group(1)[:1].isupper()


# two or three capitalised words, maybe with a particle ("Luiz Inácio Lula da Silva" is
# longer, but a name the gazetteer lacks is rarely so)
_NAME_PARTICLE_WORDS = ("de", "da", "del", "dos", "van", "von", "bin", "al", "la", "le")
_NAME_PARTICLES = frozenset(_NAME_PARTICLE_WORDS)
# (The first letter comes before the look-behind: a pattern that opens with a character
# class lets the engine skip in C to the next capital instead of trying every position;
# the look-behind then checks the character before that capital. Same matches.)
# (The second and third words as "W(?:W)?", not "(?:W){1,2}": the same matches, without
# the engine's bookkeeping for a counted repeat at every capital.)
_NAME_NEXT = rf"[ ](?:(?:{'|'.join(_NAME_PARTICLE_WORDS)})[ ])?[A-Z][a-zà-ÿ'’-]+"
# A service member's calling, capitalised before a given name: "the former Marine Paul
# Whelan", "Army Ranger John Smith" (not "Marine Le Pen": Le is no given name)
_SERVICE_WORDS = frozenset(
    "Marine Marines Navy Army Airman Soldier Sailor Ranger Trooper Guardsman Corporal"
    " Private Seaman".split()
)
# Initials, one or run together: "J.", "A.A.K." (Lt. Gen. A.A.K. Niazi)
_INITIALS = re.compile(r"(?:[A-Z]\.)+")
# Glued initials spelt apart, as English reference works write them: "A. A. K. Niazi"
_GLUED_INITIAL = re.compile(r"(?<=\b[A-Z]\.)(?=[A-Z]\.)")
# the stop after an initial followed by a blank: "John F. Kennedy" -> "John F Kennedy"
_INITIAL_STOP = re.compile(r"(?<=\b[A-Z])\.(?= )")
_FULL_NAME = re.compile(
    rf"[A-Z](?<![\w'’.-][A-Z])[a-zà-ÿ'’-]+{_NAME_NEXT}(?:{_NAME_NEXT})?(?![\w-])"
)
_CAP_WORD_BEFORE = re.compile(r"([^\W\d_][\w'’\-]*)[ \t\u00a0]+$")
_BLANKS = " \t\u00a0"
_WORD_PUNCT = "_'’-"


def _word_before(text: str, lo: int, end: int) -> str | None:
    """group(1) of ``_CAP_WORD_BEFORE.search(text, lo, end)``: the word right before the
    blanks that end text[lo:end] (from its first letter), or None. Read backwards from
    `end`: the search tries every start in the window, and a window is read for each name
    candidate."""
    if end > lo and text[end - 1] == "\n":
        end -= 1  # "$" also matches before a final line break
    e = end
    while e > lo and text[e - 1] in _BLANKS:
        e -= 1
    if e == end:
        return None  # no blank before the end
    s = e
    while s > lo and (text[s - 1].isalnum() or text[s - 1] in _WORD_PUNCT):
        s -= 1
    for p in range(s, e):  # the leftmost start: the first letter (not digit, "_", "'", "-")
        if text[p].isalnum() and not text[p].isdecimal():
            return text[p:e]
    return None


_SURNAME_PARTICLE_WORDS = "de da do dos das di du del della van von der den".split()
_SURNAME_PARTICLES = frozenset(_SURNAME_PARTICLE_WORDS)
_PARTICLE_BEFORE = re.compile(
    rf"\b([A-Z][\w'’\-]*)[ \t\u00a0]+(?:{'|'.join(_SURNAME_PARTICLE_WORDS)})[ \t\u00a0]+\Z"
)
# a particle between blanks, found in one pass over an article (_scan): where the first
# test of _after_name_particle (the word between the last blank of the seven characters
# before the name and the blank right before it is a particle) can pass. (Only particles of
# five letters at most: a longer one leaves no blank in those seven characters.)
_PARTICLE_GAP = re.compile(
    " (?:" + alternation([w for w in _SURNAME_PARTICLE_WORDS if len(w) <= 5], blank=None) + ")(?= )"
)
_FOLLOWING_NAME_WORD = re.compile(r"[ \t\u00a0]([A-Z][a-z\u00c0-\u024f'’\-]+)")
_WORD_AFTER = re.compile(r"[ \t\u00a0]+([^\W\d_][\w'’\-]*)")
# decoys.json venue words that are also verbs or need their determiner (see _venue_after)
_MEETING_WORDS = frozenset(
    {"talks", "summit", "summits", "negotiations", "meeting", "meetings", "round"}
)
_DETERMINER_BEFORE = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Ll]ast|[Nn]ext|[Ii]ts|[Tt]heir)\s+(?:[a-z][\w-]*\s+)?$"
)
_NAME_WORDS = re.compile(r"[ \t\u00a0]+([^\W\d_][\w'’.\-]*(?:[ \t\u00a0]+[^\W\d_][\w'’.\-]*){0,4})")
_TO_THE = re.compile(r"[ \t\u00a0]+to[ \t\u00a0]+(?:the[ \t\u00a0]+)?")
_OF_THE = re.compile(r"[ \t\u00a0]+of[ \t\u00a0]+(?:the[ \t\u00a0]+)?")
_CLOSERS = frozenset({",", ";", ")", "."})
_APPOS = re.compile(r",[ \t\u00a0]+")
_NAME_PREFIXED = re.compile(r"(?:al|el|ad|an|ar|as|ash|at|az|bin|ibn|abu|ben|bint)-[^\W\d_]")
# What an appositive role phrase ("Skripal, a former Russian double agent,") never holds:
# a coordination or a possessive pronoun ("Gibbs, formally dismissed Smith and his
# ministers,")
_NOT_APPOSITIVE = re.compile(r"(?:^|\s)(?:and|or|his|her|their|its)\s")
# "of the pro-union bloc", "to Washington", "at the United Nations" after a title, before
# ", Name,": "Britain's ambassador to Washington, Kim Darroch," (not "to visit Taiwan")
_OF_PHRASE = re.compile(
    r"[ \t\u00a0]+(?:of[ \t\u00a0]+|(?:to|at)[ \t\u00a0]+(?=(?:the[ \t\u00a0]+)?[A-Z]))"
    r"(?:[\w'’.-]+[ \t\u00a0]+){0,4}[\w'’.-]+(?=,[ \t\u00a0])"
)
# A role's calling between it and the name: "the dissident astrophysicist Fang Lizhi",
# "the opposition lawyer Ana Ruiz" (a lowercase agent noun, not a preposition or adverb)
_CALLING = re.compile(
    r"[ \t\u00a0]+(?!(?:after|over|under|later|never|either|other|rather|whether|ever"
    r"|former|further|per|her|their|our|your|for|nor|or)[ \t\u00a0])"
    r"[a-z]{3,}(?:ist|er|or|ian)(?=[ \t\u00a0]+[A-Z])"
)
# Things named after people: "the John Lewis store", "Charles de Gaulle airport"
_NAMED_THING_AFTER = re.compile(
    r"[ \t\u00a0]+(?:airport|street|square|avenue|road|bridge|university|college|school"
    r"|hospital|stadium|prize|award|foundation|institute|centre|center|doctrine|plan"
    r"|administration|government|store|company|brothers)\b",
    re.IGNORECASE,
)
# What marks a full name said once as a person's: an honorific before it ("Mr. Tom Hale"), a
# relative clause on a person or a role in apposition after it ("Tom Hale, who leads the
# party,", "Tom Hale, the chief prosecutor,")
# A name after the noun of a place and "of" is the place's: "the island of Espiritu Santo"
_PLACE_OF_BEFORE = re.compile(
    r"\b(?:island|islands|town|city|province|region|village|port|district|county|state"
    r"|territory|enclave|atoll|archipelago|peninsula)[ ]of[ ]$"
)
_HONORIFIC_BEFORE = re.compile(r"(?<![\w'’-])(?:Mr|Mrs|Ms|Mme|Dr)\.?[ \t\u00a0]$")
_PERSON_AFTER = re.compile(
    r",[ \t\u00a0]+(?:(?:who|whose)\b"
    r"|(?:the|a|an)[ \t\u00a0]+(?:[a-z][\w-]*[ \t\u00a0]+){0,3}(?:leader|head|chief|chairman"
    r"|commander|minister|president|prosecutor|speaker|spokesman|director|governor|mayor"
    r"|official|secretary|envoy|ambassador)(?![\w-])"
    # an age: "Tom Hale, a 25-year-old law student,", "Tom Hale, 83,"
    r"|(?:a|an)[ \t\u00a0]+\d{1,3}-year-old(?![\w-])|\d{1,3},)"
)


def _marked_person(text: str, start: int, end: int) -> bool:
    """Whether the name text[start:end] is marked as a person's (_PERSON_AFTER)."""
    if text[end : end + 1] == ",":
        if _PERSON_AFTER.match(text, end) and text[max(0, start - 3) : start] != "of ":
            return True  # (not "the governor of Tala, who": Tala is the place)
    return _HONORIFIC_BEFORE.search(text, max(0, start - 5), start) is not None


# A word said again in a text: the spans that
# ``re.compile(rf"(?<![\w'’-]){re.escape(word)}(?:{_POSS})?(?![\w-])").finditer(text, pos)``
# gives, without compiling that pattern for each word. A compile takes about 0.4 ms, more than
# finding the actors of a whole article, and an article's new names (those of people and
# bodies the gazetteer lacks) soon leave re's cache of 512 patterns. The pattern's matches
# start where str.find finds the word, and the next one is looked for where one ended; these
# two patterns, compiled once, are its two edges, tested there: the same spans.
_NO_WORD_BEFORE = re.compile(r"(?<![\w'’-])")
_POSS_WORD_END = re.compile(rf"(?:{_POSS})?(?![\w-])")


def _said_again(text: str, word: str, pos: int = 0) -> list[tuple[int, int]]:
    """The spans of `word` standing as a word of its own in text[pos:], each with a
    possessive ending if it has one (see above)."""
    out = []
    at = text.find(word, pos)
    while at >= 0:
        m = _NO_WORD_BEFORE.match(text, at) and _POSS_WORD_END.match(text, at + len(word))
        if m:
            out.append((at, m.end()))
            at = text.find(word, m.end())
        else:
            at = text.find(word, at + 1)
    return out


# "Cuban-American", "Portuguese-born": an origin after a demonym and a hyphen
_ORIGIN_AFTER = re.compile(
    r"(?:American|Americans|born|Canadian|Canadians|British|Australian|owned|speaking|majority)\b"
)
# A surname that is also a month links back only as a subject ("May said", "May held
# talks", after "Theresa May"), never after a date's preposition ("in May", "since May")
_MONTH_SURNAMES = frozenset({"May"})
_BEFORE_MONTH = frozenset(
    "in on of since until till by from last next early late mid this that each every"
    " through to during before after".split()
)
_VERB_AFTER_NAME = re.compile(r"[ \t\u00a0]+[a-z]{2,}(?<!\bof)(?<!\bto)(?<!\bor)(?<!\band)\b")
# Surnames that are also English words: never a back-reference on their own ("May",
# "Power", "Major", "Bishop"), even after the full name
_WORD_SURNAMES = frozenset(
    "may power key english major bishop banana sin doe bar ban he cable wine fox carter"
    " brown white black green young king rice baker miller burns henry mas ali francis"
    " leo benedict albert harald frederik felipe philippe juan carlos said isa".split()
)
# Ranks after which a single unknown capitalised word is a whole name ("Gen. Wiranto"),
# when a comma, a stop or a lowercase word (a verb) follows it
# (abbreviated only: "General Electric" and "Major Oak" are no people), with its stops or,
# as British papers write ranks, without them ("Gen Amin", "Lt Gen Tesfaye")
_RANKS = frozenset(
    ("gen.", "col.", "adm.", "maj.", "capt.", "lt.", "brig.", "msgr.")
    + ("lt. gen.", "maj. gen.", "brig. gen.", "lt. col.")
    + ("gen", "col", "adm", "maj", "capt", "lt", "brig", "lt gen", "maj gen", "brig gen", "lt col")
)
_MONONYM_END = re.compile(r"(?:[,;)]|\.(?!\w)|[ \t\u00a0]+[a-z])")
# name particles a new person's name runs on through ("Alfonso de los Heros", Spanish
# "y" joining two family names: "Arturo Rivera y Damas")
RUN_ON_PARTICLES = frozenset(
    "de da do dos das del los las y van von der den bin ibn al el di du le la".split()
)
_PATRONYMIC = frozenset({"bin", "ibn", "bint"})
# "a US president", "any Russian leader": a generic title, not the office holder.
# "the former US president", "then the prime minister": not today's holder either.
_GENERIC = re.compile(
    r"\b(?:[Aa]n?|[Aa]ny|[Ee]very|[Ee]ach|[Nn]o|[Ff]ormer|[Tt]hen|[Ee]x|[Ll]ate|[Pp]revious"
    r"|[Nn]ext|[Ff]uture|[Ii]ncoming|[Ss]uccessive|[Pp]ast)(?:[ \t\u00a0]+[Tt]he)?[ \t\u00a0-]+$"
)
# the text before a title that is said of the name just before it: "Manuel Zelaya, the
# Honduran president", "Viktor Yanukovych, the president ousted by parliament"
_APPOSITIVE_BEFORE = re.compile(r"([^\W\d_]+)[ \t\u00a0]*,[ \t\u00a0]+(?:the[ \t\u00a0]+)?$")


def _words_before(words: Iterable[str]) -> re.Pattern[str] | None:
    """A pattern for one of `words` (and an article) right before a position."""
    alts = sorted((re.escape(w).replace("\\ ", "[ \t\u00a0]+") for w in words), key=len)
    if not alts:
        return None
    return re.compile(
        r"\b(?:" + "|".join(reversed(alts)) + r")[ \t\u00a0]+(?:(?:the|a|an)[ \t\u00a0]+)?$"
    )


# Offices whose bare title ("the king") is not linked to the last-named holder: too vague.
_NO_BARE = frozenset({None, "leader", "monarch", "emperor", "crown prince"})
# Offices whose bare title ("the king", "the prime minister") with no holder named is the
# holder in the article's country.
_HOME_OFFICES = frozenset({"president", "prime minister", "chancellor", "monarch"})
# offices of a state's government: "Defence Minister X" with no state named is the
# article's own state's (so is any "... Minister X")
_STATE_OFFICES = frozenset(
    {"president", "prime minister", "foreign minister", "vice president", "defence minister"}
)
# ... and so are the roles that end with one of those words or a state office's: "Interior
# Minister X", "Assistant Secretary of State X", "Vice Premier X", "Deputy President X"
_STATE_TITLE_ENDS = (
    "Minister",
    "Secretary of State",
    "Premier",
    "Chancellor",
    "Vice President",
    "Deputy President",
)
# ... and the roles that open with a ministry's name: "Foreign Ministry spokesman X"
_STATE_TITLE_STARTS = (
    "Foreign Ministry",
    "Foreign ministry",
    "Defence Ministry",
    "Defense Ministry",
)
_THE_BEFORE = re.compile(r"\b[Tt]he[ \t\u00a0]+$")
# between "In Moscow" and the body it holds: "In Moscow, the Defence Ministry"
_SEAT_TO_BODY = re.compile(r",?[ \t\u00a0]+(?:the[ \t\u00a0]+)?")
_NAME_WORD = re.compile(r"[^ \t\u00a0]+")
_POSS_END = re.compile(rf"[{_APOS}]s?$")
_HEAD_OFFICES = frozenset({"president", "prime minister", "chancellor", "monarch", "emperor"})


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A stretch of text that names one actor, or several ("both presidents")."""

    start: int
    end: int
    text: str
    actors: tuple[Actor, ...]
    # Actors the mention names on the way without being them: the country/organisation of a
    # title ("US" in "US President Joe Biden", "Kremlin" in "Kremlin spokesman Dmitry
    # Peskov") and the parent of a body ("UN" for "UN Security Council").
    qualifiers: tuple[Actor, ...] = ()


@dataclass(frozen=True, slots=True)
class Office:
    """An office held over [start, end) (end None: still held)."""

    office: str
    of: str
    start: date | None
    end: date | None

    def held(self, when: date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when < self.end)


@dataclass(slots=True)
class _Entry:
    """Mutable while loading; frozen in spirit once the Gazetteer is built."""

    name: str
    kind: str
    affiliation: str | None = None
    aliases: list[str] = field(default_factory=list)
    metonyms: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    anaphors: list[str] = field(default_factory=list)
    back_references: list[str] = field(default_factory=list)
    guarded: list[str] = field(default_factory=list)
    guarded_before: list[str] = field(default_factory=list)  # not after a capitalised word
    surname: str | None = None
    family_name: str | None = None  # 'surname' as the data gives it, for labels (no default)
    ambiguous_surname: bool = False
    gender: str | None = None  # people: "female" or "male"; None: unknown
    part_of: str | None = None
    own_party: bool = False  # orgs: a state's legislature or court, a party beside its state
    until: date | None = None  # a historic state: the day it ceased to exist
    predecessor_of: str | None = None  # ... and the state whose capital it held until then
    shared_until: date | None = None  # ... and whose names it shared until then (or `until`)
    legislature: str | None = None  # places: the name of its legislature ("Verkhovna Rada")
    central_bank: str | None = None  # places: what a bare "the central bank" there names
    founded: date | None = None  # orgs: the day the body began
    seats: dict[str, str] = field(default_factory=dict)  # seat alias -> its state (founded)
    sovereign: str | None = None  # regions: the state they belong to (Catalonia: Spain)
    offices: list[Office] = field(default_factory=list)
    leader: list[tuple[str, str | None, date | None, date | None]] = field(default_factory=list)
    mention: tuple[tuple[Actor, ...], tuple[Actor, ...]] | None = None  # cache of _mention_of
    actor: Actor = None  # type: ignore[assignment]  # set by Gazetteer.__init__


@dataclass(frozen=True, slots=True)
class _Title:
    office: str | None  # None: a role that introduces a name but is not resolved by date
    plural: bool = False
    of: str | None = None  # "POTUS": the title names its own country


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    kind: str  # ent(ity) dem(onym) title hon(orific) pron cpart(counterpart) both ana(phor)
    value: Any
    possessive: bool = False


_actor_mention = maker(ActorMention)
# dataclasses.replace for a mention, setting the slots directly (records.replacer): the
# passes after the scan rename actors in place
_replace_mention = replacer(ActorMention)
# titles.json's state_bodies head of "the central bank"
_CENTRAL_BANK = "Central Bank"
# ... and of a ministry ("the foreign ministry"): the state alone, as "-" ("the junta"), but
# named bare the article's own state's (find), or the state named after it: "=United
# Kingdom" ("the Foreign Office")
_MINISTRY = "="


def _name_words(name: str) -> set[str]:
    return {w for w in re.split(r"[\s\-]+", name.lower()) if w not in _NAME_NOISE}


_NAME_NOISE = frozenset("al el ad abd abdul abu bin ibn de da dos van von der jr. jr sr.".split())


def _same_name(a: str, b: str) -> bool:
    """Two spellings of one person's name: the same last word and at least one more word
    in common ("Abd al-Karim Qasim", "Abdul Karim Qasim"); not two of a family
    ("Benigno Aquino", "Corazon Aquino")."""
    if a == b or a.rsplit(" ", 1)[-1].lower() != b.rsplit(" ", 1)[-1].lower():
        return a == b
    return len(_name_words(a) & _name_words(b)) >= 2


def _skeleton(word: str) -> str:
    """A given name's consonants, doubles collapsed: one for its transliterations
    ("Dmitry", "Dmytro"; "Mohammed", "Muhammad")."""
    out = ""
    for c in word.lower():
        if c.isalpha() and c not in "aeiouy" and not out.endswith(c):
            out += c
    return out


# Short forms of given names the news uses for people the gazetteer names in full.
_NICKNAMES = {
    frozenset(p.split())
    for p in (
        "bill william",
        "bob robert",
        "jim james",
        "jimmy james",
        "ted edward",
        "dick richard",
        "joe joseph",
        "tony anthony",
        "mike michael",
        "nick nicholas",
        "alex alexander",
        "ron ronald",
        "fred frederick",
        "tom thomas",
        "chris christopher",
    )
}


def _given_fits(given: list[str], e: _Entry, surname: str) -> bool:
    """Whether the words before a known `surname` can be `e`'s given names: a word of its
    name or of an alias that ends in that surname ("Abu Mazen" gives Mahmoud Abbas no
    given name "Abu": "Abu Abbas" is someone else), an initial of one, a transliteration
    or a short form."""
    known = [
        w
        for n in (e.name, *e.aliases)
        if len(parts := re.split(r"[\s\-]+", n)) > 1 and (n is e.name or parts[-1] == surname)
        for w in parts[:-1]
        if w
    ]
    if not known:
        return True  # a mononym or surname-only entry: nothing to compare
    kl = {w.lower().rstrip(".") for w in known}
    ks = {_skeleton(w) for w in known}
    for g in given:
        gl = g.lower().rstrip(".")
        if not gl or gl in _NAME_NOISE or gl in RUN_ON_PARTICLES:
            continue
        if gl in kl or (len(gl) == 1 and any(w[:1] == gl for w in kl)):
            return True
        if _INITIALS.fullmatch(g) and any(w[:1] == gl[:1] for w in kl):
            return True
        if _skeleton(gl) in ks or any(frozenset((gl, w)) in _NICKNAMES for w in kl):
            return True
    # "Abu" opens a kunya, a name of its own ("Abu Abbas" is not Mahmoud Abbas)
    return all(
        (gl := g.lower().rstrip(".")) in _NAME_NOISE and gl != "abu" or g in RUN_ON_PARTICLES
        for g in given
    )


def _head_tail(text: str, s: int, head: str) -> str:
    """The last words of a name's `head` (its words before the surname, with the blank
    after them) when they stand right before text[s]: "Castillo " before "Armas" for
    Carlos Castillo Armas, "Abdel " before "Aziz" for Mohamed Ould Abdel Aziz."""
    k = head.find(" ")
    while 0 <= k < len(head) - 1:
        tail = head[k + 1 :]
        if text.startswith(tail, s - len(tail)) and (
            s - len(tail) == 0 or not text[s - len(tail) - 1].isalnum()
        ):
            return tail
        k = head.find(" ", k + 1)
    return ""


def _as_of(a: Actor, old: Actor, new: Actor) -> Actor:
    """`a` with the historic state `new` for the later state `old`: the state itself, or
    the affiliation of a person a title introduced ("Ceylon's prime minister, John
    Kotelawala" in 1955 is Ceylon's)."""
    if a == old:
        return new
    if a.kind == "person" and a.affiliation == old.name:
        return Actor(a.name, "person", new.name)
    return a


_UNSET = object()


class _Hit(NamedTuple):
    start: int
    end: int
    actors: tuple[Actor, ...]
    nxt: int  # index of the first token after the phrase
    qualifiers: tuple[Actor, ...] = ()


@dataclass(slots=True)
class _Doc:
    """What one document has named so far (coreference state)."""

    persons: list[Actor] = field(default_factory=list)  # in mention order
    orgs: list[str] = field(default_factory=list)
    offices: dict[str, list[tuple[str, str | None]]] = field(default_factory=dict)
    by_office: dict[tuple[str, str], Actor] = field(default_factory=dict)
    # people named with a title of an office ("President Jovenel Moïse"), in mention order:
    # whom a later bare "the president" can stand for
    titled: list[tuple[str, Actor]] = field(default_factory=list)
    surnames: dict[str, list[Actor]] = field(default_factory=dict)
    linked: set[str] = field(default_factory=set)
    when: date = date.min  # the publication date
    home: str | None | object = _UNSET  # the state the article is all about (_sole_home)
    led: str | None = None  # ... or only leads, named most and in the dateline
    # people an appositive names as a head's aide, the role's end, the head's office
    pending: list[tuple[Actor, int, str]] = field(default_factory=list)


_SMALL_WORDS = frozenset(
    "a an and as at but by for from in into of off on or over the to up via vs with".split()
)


def _headline_case(text: str, pos: int) -> bool:
    """Is the line around `pos` in headline case ("Biden Warns Putin of Sanctions"): no
    lowercase word but small function words?"""
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    words = [w for w in text[a : b if b >= 0 else len(text)].split() if w[:1].isalpha()]
    return len(words) >= 3 and all(w[0].isupper() or w in _SMALL_WORDS for w in words)


def _adjacent(text: str, a: int, b: int) -> bool:
    """Only blanks (no line break) between offsets a and b, and at least one."""
    if b <= a or b - a > 3:
        return False
    return text[a:b] == " " or _GAP.fullmatch(text, a, b) is not None


# a wire dateline's place at an article's start: "KHARTOUM, July 4 (Reuters) - " (events.py
# reads it too)
@functools.lru_cache(maxsize=1)
def places() -> dict[str, str]:
    """Regions and cities -> the country they belong to (resources/events/places.tsv: the
    datelines' places here, the venues of events in dashapp.events)."""
    path = RESOURCES.parent / "events" / "places.tsv"
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            row = line.split("\t")
            out[row[0]] = row[1]
    return out


# the state named after a dateline's town: "DURRES, Albania - " (not a date: "Aug 1")
_DATELINE_STATE = re.compile(r"[A-Z][A-Za-z.'’ ]{1,28}[a-z]\b")
_GAP_WORDS = re.compile(r"[ ]([A-Za-z]+)(?:([ ])([A-Za-z]+))?[ -]")


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _title_variants(word: str) -> set[str]:
    """'foreign minister' -> itself, 'Foreign minister', 'Foreign Minister'."""
    if any(c.isupper() for c in word):  # acronyms ("PM") as written
        return {word}
    small = {"of", "the", "for", "and"}
    title = " ".join(
        w if (w in small and i) else "-".join(p[:1].upper() + p[1:] for p in w.split("-"))
        for i, w in enumerate(word.split(" "))
    )
    return {word, word[:1].upper() + word[1:], title}


class Gazetteer:
    """Canonical actors, their aliases and offices, and a fast matcher over article text."""

    def __init__(
        self,
        entries: list[_Entry],
        titles: dict[str, Any],
        decoys: list[str],
        company_words: Iterable[str] = (),
        venue_words: Iterable[str] = (),
        group_adjectives: Iterable[str] = (),
    ):
        self._entries: dict[str, _Entry] = {}
        for e in entries:
            aff = e.affiliation if e.kind == "person" else None
            e.actor = Actor(e.name, e.kind, aff)  # type: ignore[arg-type]
            self._entries[e.name] = e
        self._lex: dict[str, _Tok] = {}  # surface form -> token template
        self._guarded: set[str] = set()
        self._guard_before_only: set[str] = set()
        # a body's name that another body's name ends with: not after a capitalised word
        # ("High Security Council", "Russia's Security Council" are not the UN's)
        self._body_guarded: set[str] = set()
        self._titlewords: set[str] = set()
        self._surnames: dict[str, list[_Entry]] = {}
        self._holders: dict[tuple[str, str], list[tuple[Office, _Entry]]] = {}
        self._affiliated: dict[str, set[str]] = {}

        def add(surface: str, tok: _Tok) -> None:
            old = self._lex.get(surface)
            if old is None:
                self._lex[surface] = tok
            elif old.kind == "ent" and tok.kind == "ent":  # shared alias: keep all candidates
                merged = old.value + tuple(e for e in tok.value if e not in old.value)
                self._lex[surface] = _Tok(0, 0, "ent", merged)

        # Titles first: a later alias with the same surface overrides nothing important.
        for spec in titles["offices"]:
            for w in spec["titles"]:
                for v in _title_variants(w):
                    add(v, _Tok(0, 0, "title", _Title(spec["office"])))
            for w in spec.get("plurals", []):
                for v in _title_variants(w):
                    add(v, _Tok(0, 0, "title", _Title(spec["office"], plural=True)))
        for spec in titles.get("standalone", []):
            add(spec["title"], _Tok(0, 0, "title", _Title(spec["office"], of=spec["of"])))
        for w in titles["roles"]:
            for v in _title_variants(w):
                add(v, _Tok(0, 0, "title", _Title(None)))
        for surf in list(self._lex):
            self._titlewords.update(surf.split(" "))
        for w in titles["honorifics"]:
            add(w, _Tok(0, 0, "hon", None))
        for w in titles["pronouns"]:
            add(w, _Tok(0, 0, "pron", None))
        for w in titles["counterparts"]:
            add(w, _Tok(0, 0, "cpart", w.endswith("s")))
        for w in titles["quantifiers"]:  # how many: "the three leaders" names three
            add(w, _Tok(0, 0, "both", 3 if w.endswith("three") else 2))
        for phrase, pair in titles.get("state_pairs", {}).items():
            for v in (phrase, "the " + phrase, "The " + phrase, phrase[:1].upper() + phrase[1:]):
                add(v, _Tok(0, 0, "pair", pair))
        # "Anglo-French", "Sino-Soviet": the first half of a compound of two states, a
        # demonym only before a hyphen and a capital (_scan)
        self._combining = frozenset(titles.get("combining_forms", {}))
        for w, state in titles.get("combining_forms", {}).items():
            if (e := self._entries.get(state)) is not None:
                add(w, _Tok(0, 0, "dem", e))
        for w, head in titles.get("state_bodies", {}).items():
            if head[:1] == _MINISTRY and head[1:] and head[1:] not in self._entries:
                raise ValueError(f"titles.json: state_bodies {w!r} names an unknown state")
            for v in (w, w[:1].upper() + w[1:]):
                add(v, _Tok(0, 0, "home", head))
        self._body_modifiers = frozenset(titles.get("state_body_not_after", ()))
        self._state_cues = frozenset(titles.get("government_words", ()))
        self._with_the = frozenset(titles.get("state_names_with_the", ()))
        # "Supreme Court of Bangladesh" -> its actor and its state (made by _state_body)
        self._bodies: dict[str, tuple[Actor, str]] = {}
        self._name_stop = set(titles["name_stopwords"])
        self._function_words = set(titles["function_words"])
        self._not_name = set(titles.get("not_name_words", ()))
        self._name_prefixes = set(titles.get("name_prefixes", ()))
        self._given_names = frozenset(titles.get("given_names", ()))
        # "was elected president of Russia": a title someone is made, naming nobody
        self._predicative = _words_before(titles.get("predicative_words", ()))
        self._company_words = set(company_words)
        # titles that open with a company word ("Premier", "Grand Mufti"): "Chinese Premier
        # Li" and "Luxembourg's Grand Duke Henri" name no company ("Premier League" does)
        self._company_titles = tuple(
            sorted(
                (
                    s
                    for s, t in self._lex.items()
                    if t.kind == "title" and s.split(" ")[0] in self._company_words
                ),
                key=len,
                reverse=True,
            )
        )
        self._venue_words = set(venue_words)
        self._not_groups = _NOT_GROUP_NAMES | frozenset(group_adjectives)
        self._metonyms: set[str] = set()

        for e in self._entries.values():
            names = [e.name, *e.aliases, *e.metonyms]
            shared: set[str] = set()
            if e.predecessor_of is not None and (succ := self._entries.get(e.predecessor_of)):
                # a state renamed ("Ceylon" is an alias of Sri Lanka, and the historic
                # state until 1972): the shared names stay the later state's, and name the
                # historic one before it ceased (_historic_capitals)
                shared = {*succ.aliases, *succ.demonyms}
                names = [a for a in names if a not in shared]
            # a scraped copy drops apostrophes inside names too: "Tigray Peoples Liberation
            # Front", "Peter ONeill" (the possessive after a name is _POSS's)
            names += [v for a in names if (v := a.translate(_NO_APOSTROPHES)) != a]
            if e.kind == "person":
                names += self._glued(names)
                # initials without their stops, as British papers write them: "John F
                # Kennedy", "F W de Klerk"
                names += [v for a in names if (v := _INITIAL_STOP.sub("", a)) != a]
                self._guard_before_only.update(a for a in names if " " not in a)
            self._metonyms.update(e.metonyms)
            for a in names:
                add(a, _Tok(0, 0, "ent", (e,)))
            for d in e.demonyms:
                if d not in shared:
                    add(d, _Tok(0, 0, "dem", e))
            for a in e.anaphors:
                for v in (a, a[:1].upper() + a[1:]):
                    add(v, _Tok(0, 0, "ana", e.name))
            self._guarded.update(e.guarded)
            self._body_guarded.update(e.guarded_before)
            if e.surname:
                self._surnames.setdefault(e.surname, []).append(e)
            for o in e.offices:
                self._holders.setdefault((o.office, o.of), []).append((o, e))
            if e.affiliation:
                self._affiliated.setdefault(e.affiliation, set()).add(e.name)
        # the words not capitalised that _name_at may read first in a name: a name prefix or
        # a surname that is also a stop word (none in the packaged data; see _name_at)
        self._lowercase_leads = frozenset(
            w
            for w in (*self._name_prefixes, *(s for s in self._surnames if s in self._name_stop))
            if not w[:1].isupper()
        )
        # Historic states that held a later state's capital: "Moscow" in 1991 is the Soviet
        # Union's, from 1992 Russia's.
        self._historic: list[tuple[date, _Entry, _Entry, frozenset[str], frozenset[str]]] = []
        for e in self._entries.values():
            if e.predecessor_of is None:
                continue
            succ = self._entries.get(e.predecessor_of)
            if succ is None or e.until is None:
                raise ValueError(f"actor {e.name!r}: predecessor_of needs a known actor and until")
            shared = {e.name, *e.aliases, *e.demonyms} & {*succ.aliases, *succ.demonyms}
            capitals = frozenset(succ.metonyms)
            if e.shared_until is None or e.shared_until >= e.until:
                capitals, shared = capitals | shared, set()
            self._historic.append((e.until, succ, e, capitals, frozenset(shared)))
        self._historic_until = max((h[0] for h in self._historic), default=date.min)
        # each state's capitals and shared names, with the day it ceased: a mention is
        # renamed only when its text holds one of them, and so the article's text
        # (_historic_capitals reads only the mentions that hold one the text holds)
        self._historic_names = [(h[0], tuple(sorted(h[3] | h[4]))) for h in self._historic]
        # ... and the test of a mention's text for them, one pattern for each set a state
        # may use (its capitals, with its shared names or without): what the searches
        # rf"\b{re.escape(c)}s?\b" for each name c in the set found, one alternation
        # matches where one of them does
        self._capital_res = {
            names: re.compile(rf"\b(?:{'|'.join(map(re.escape, sorted(names)))})s?\b")
            for h in self._historic
            for names in (h[3], h[3] | h[4])
        }
        # Bodies named by their seat ("Brussels" for the EU): before the body began, the
        # seat names the state it stands in (_before_founding)
        self._founded = {e.name: e for e in self._entries.values() if e.founded and e.seats}
        # a state's legislature, court or electoral body named by its own name ("the
        # Knesset") names the state and the body, as a bare "parliament" or "the Supreme
        # Court" in an article about the state does (_state_body); an army or an agency acts
        # in its state's name alone (_mention_of)
        self._own_party_of = {
            b.name: e
            for b in self._entries.values()
            if b.part_of
            and (e := self._entries.get(b.part_of)) is not None
            and e.kind == "country"
            and (b.own_party or e.legislature == b.name)
        }
        for e in self._founded.values():
            if unknown := [v for v in e.seats.values() if v not in self._entries]:
                raise ValueError(f"actor {e.name!r}: seats name unknown actors {unknown}")
        self._founded_until = max(
            (e.founded for e in self._founded.values() if e.founded), default=date.min
        )
        # their seats: a mention is renamed only when its text starts with one, and so
        # only in an article whose text holds one (_before_founding)
        self._seat_names = tuple(sorted({s for e in self._founded.values() for s in e.seats}))
        # people who served a state other than their own for a time: Kohl, of Germany, was
        # West Germany's chancellor until October 1990; Milošević and Koštunica, of
        # Serbia, were presidents of Yugoslavia (see _serving)
        self._served: dict[str, tuple[Office, ...]] = {}
        for e in self._entries.values():
            if e.kind != "person" or not e.affiliation:
                continue
            other = tuple(
                o
                for o in e.offices
                if o.of != e.affiliation
                and (s := self._entries.get(o.of)) is not None
                and s.kind == "country"
            )
            if other:
                self._served[e.name] = other
        # short back-references of places ("the North"), matched in a pass of their own
        self._back_refs = {p: e.name for e in self._entries.values() for p in e.back_references}
        self._back_ref_re = _back_reference_regex(self._back_refs)
        self._back_ref_cues = tuple({p[1:] for p in self._back_refs})
        # A person's one-word alias is not them after another first name ("Jeb Bush"); a
        # following capitalised word is fine ("Biden Administration").
        self._guard_before_only -= self._guarded
        self._guarded |= self._guard_before_only
        # Anaphors shared by several organisations ("the bloc"): keep every candidate.
        ana: dict[str, list[str]] = {}
        for e in self._entries.values():
            for a in e.anaphors:
                for v in (a, a[:1].upper() + a[1:]):
                    ana.setdefault(v, []).append(e.name)
        for v, names in ana.items():
            if self._lex.get(v, _Tok(0, 0, "", None)).kind == "ana":
                self._lex[v] = _Tok(0, 0, "ana", tuple(names))

        for phrase in decoys:
            self._lex.setdefault(phrase, _Tok(0, 0, "decoy", None))
        # One pass of one regex: a trie of every surface form, longest first. The look-ahead
        # on first characters lets the engine skip most positions without trying the trie.
        # (When every form starts with a word character, as the packaged ones do, the left
        # boundary is matched as the character before the form, not looked behind at: a
        # pattern that opens with a character class lets the engine skip in C to the next
        # blank or mark. _scan then puts a blank before the text. Same matches: one ends
        # before a non-word character, which the next one may take as its boundary.)
        first = "".join(sorted({re.escape(w[0]) for w in self._lex}))
        self._lead = all(w[:1].isalnum() or w[:1] == "_" for w in self._lex)
        boundary = r"[^\w]" if self._lead else r"(?<![\w])"
        core = alternation(self._lex, blank=None)
        self._re = re.compile(rf"{boundary}(?=[{first}])(?P<core>{core})(?P<poss>{_POSS})?(?!\w)")
        # What _scan needs of each form it matches, looked up once: its token's kind and
        # value, and whether any of the tests that depend on the form may drop it (a
        # demonym's, a place's or an organisation's, a capital's, a guarded alias's). Each
        # of those tests requires one of these, so a form with none of them (a title, a
        # pronoun, a person's full name: about half the matches) skips them all, with the
        # same tokens as a result.
        self._forms: dict[str, tuple[str, Any, bool]] = {
            surface: (
                tok.kind,
                tok.value,
                tok.kind == "dem"
                or (tok.kind == "ent" and tok.value[0].kind != "person")
                or surface in self._metonyms
                or surface in self._body_guarded
                or surface in self._guarded,
            )
            for surface, tok in self._lex.items()
        }

    # ----------------------------------------------------------------------------- loading
    @classmethod
    def load(cls, extra: Path | None = None) -> Gazetteer:
        """The packaged gazetteer, merged with a user file (``extra``, else the file named by
        $GEOTIMELINE_ACTORS). Cached: repeated calls with the same file are free."""
        source = "extra"
        if extra is None and os.environ.get(ENV_VAR):
            extra, source = Path(os.environ[ENV_VAR]), f"${ENV_VAR}"
        if extra is None:
            return _load_cached(None, 0.0)
        extra = Path(extra).resolve()
        if not extra.is_file():
            raise FileNotFoundError(f"{source}: no such actors file: {extra}")
        return _load_cached(str(extra), extra.stat().st_mtime)

    @staticmethod
    def _glued(names: list[str]) -> list[str]:
        """'Volodymyr Zelensky' -> 'VolodymyrZelensky' (scraped text sometimes loses spaces)."""
        out = []
        for n in names:
            parts = n.split(" ")
            if len(parts) >= 2 and all(p[:1].isupper() and "." not in p for p in parts):
                out.append("".join(parts))
        return out

    # ------------------------------------------------------------------------------ lookup
    def actor(self, name: str) -> Actor | None:
        """The actor with this canonical name, or named by this alias/metonym/demonym."""
        e = self._entries.get(name)
        if e is not None:
            return e.actor
        tok = self._lex.get(name)
        if tok is not None and tok.kind == "ent" and len(tok.value) == 1:
            return tok.value[0].actor
        if tok is not None and tok.kind == "dem":
            return tok.value.actor
        return None

    def anaphors(self, name: str) -> tuple[str, ...]:
        """What the text may call the actor with this canonical name once named ("the
        alliance" for NATO, "the rebels" for M23): its `anaphors`, none if it has no entry."""
        e = self._entries.get(name)
        return tuple(e.anaphors) if e is not None else ()

    def ceased(self, name: str) -> date | None:
        """The day the state with this canonical name ceased to exist (`until`), if it did."""
        e = self._entries.get(name)
        return e.until if e is not None else None

    def is_demonym(self, word: str) -> bool:
        """Whether `word` is a place's adjective or people ("American", "Palestinians")."""
        tok = self._lex.get(word)
        return tok is not None and tok.kind == "dem"

    def demonym(self, name: str) -> str | None:
        """A place's adjective ("Russian" for Russia), the first of its demonyms."""
        e = self._entries.get(name)
        return e.demonyms[0] if e is not None and e.kind == "country" and e.demonyms else None

    def family_name(self, name: str) -> str | None:
        """The name a label gives a known person when the data spells it out ("Ban" for
        Ban Ki-moon, "Le Drian", "Assad", "Lula"); None when it is left to the name's form."""
        e = self._entries.get(name)
        return e.family_name if e is not None and e.kind == "person" else None

    def gender(self, name: str) -> str | None:
        """The known gender of the person with this canonical name ("female" or "male", as
        people.json gives it); None for a person the data leaves unknown and for anyone
        the gazetteer lacks (people the text introduces)."""
        e = self._entries.get(name)
        return e.gender if e is not None and e.kind == "person" else None

    def is_given_name(self, word: str) -> bool:
        """Whether `word` is a common given name ("Carrie", "John"): a name that opens with
        one is written given name first, even where names are written family name first."""
        return word in self._given_names

    def all(self) -> list[Actor]:
        """Every actor in the gazetteer, sorted by name."""
        return sorted((e.actor for e in self._entries.values()), key=lambda a: a.name)

    def names(self) -> dict[str, Actor]:
        """Every name that names one actor (canonical names, aliases, metonyms, demonyms:
        what `actor()` answers), as written, with the actor it names."""
        out: dict[str, Actor] = {}
        for surface, tok in self._lex.items():
            if tok.kind == "ent" and len(tok.value) == 1:
                out[surface] = tok.value[0].actor
            elif tok.kind == "dem":
                out[surface] = tok.value.actor
        out.update((name, e.actor) for name, e in self._entries.items())
        return out

    def shared_names(self) -> dict[str, tuple[Actor, ...]]:
        """The names that name several actors ("Bush": both presidents), as written, with
        the actors they may name (what `names()` leaves out)."""
        return {
            surface: tuple(e.actor for e in tok.value)
            for surface, tok in self._lex.items()
            if tok.kind == "ent" and len(tok.value) > 1
        }

    def parent(self, name: str) -> str | None:
        """The body or state the named organisation is part of ("Knesset" -> "Israel"), or
        the state a body the state-body words name is of ("Supreme Court of Kenya" -> "Kenya")."""
        e = self._entries.get(name)
        if e is not None:
            return e.part_of
        body = self._bodies.get(name)
        return body[1] if body is not None else None

    def affiliated(self, name: str) -> set[str]:
        """Canonical names of the actors affiliated with a country/organisation: its people
        ("Russia" -> {"Vladimir Putin", "Sergei Lavrov", ...}), anyone who ever held an office
        of it, and the bodies that are part of it ("FSB", "Duma"). People found only in an
        article carry their affiliation in `Actor.affiliation` instead."""
        out = set(self._affiliated.get(name, ()))
        out.update(e.name for e in self._entries.values() if e.part_of == name)
        for (_office, of), holders in self._holders.items():
            if of == name:
                out.update(e.name for _o, e in holders)
        return out

    def offices(self, name: str) -> list[Office]:
        """The offices a gazetteer person held, in data order."""
        e = self._entries.get(name)
        return list(e.offices) if e else []

    def holder(self, office: str, of: str, when: date) -> Actor | None:
        """Who held `office` ("president", "foreign minister", "leader"...) of a country or
        organisation on `when`, or None when the gazetteer does not know."""
        if office == "leader":
            spec = self._leader(of, when)
            if spec is None:
                return None
            office, of = spec
        for o, e in self._holders.get((office, of), ()):
            if o.held(when):
                return e.actor
        return None

    def _leader(self, of: str, when: date) -> tuple[str, str] | None:
        e = self._entries.get(of)
        if e is None:
            return None
        for office, body, start, end in e.leader:
            if (start is None or start <= when) and (end is None or when < end):
                return office, body or of
        return None

    def _office_of(self, actor: Actor, when: date, doc: _Doc) -> tuple[str, str | None] | None:
        """The office `actor` holds on `when` (gazetteer first, then what the text said)."""
        e = self._entries.get(actor.name)
        if e is not None and e.actor == actor:
            for o in e.offices:
                if o.held(when):
                    return o.office, o.of
        got = doc.offices.get(actor.name)
        return got[-1] if got else None

    # ----------------------------------------------------------------------------- finding
    def find(self, text: str, *, when: date) -> list[ActorMention]:
        """Every actor mention in `text` (a whole article body), sorted by start and
        non-overlapping. `when` (the article's date) resolves titles ("the US president")
        and disambiguates names. People introduced in the text but absent from the
        gazetteer come back as new `Actor`s with the affiliation their title gave."""
        toks = self._scan(text)
        if not toks:
            return _with_named_bodies(text, self._with_named_people(text, []), self._not_groups)
        doc = _Doc(when=when)
        self._appositives(text, toks, doc)
        out: list[ActorMention] = []
        last_end = -1
        home: str | None | object = _UNSET  # the article's country, found when first needed
        i = 0
        while i < len(toks):  # _note may add tokens (back-references) as it goes
            t = toks[i]
            if t.start < last_end:
                i += 1
                continue
            kind = t.kind
            if kind == "ent" or kind == "dem":
                # The common case, a bare name not followed by a title: no phrase to parse.
                nt = toks[i + 1] if i + 1 < len(toks) else None
                if (
                    nt is None
                    or not 0 < nt.start - t.end <= 3  # as _adjacent, without the call
                    or not _adjacent(text, t.end, nt.start)
                ) and (nt is None or nt.kind != "title" or not self._modified_title(text, toks, i)):
                    if kind == "dem":
                        e = t.value
                    else:
                        e = t.value[0] if len(t.value) == 1 else self._choose(t.value, when, doc)
                    if e is not None:
                        acts, quals = e.mention or self._mention_of(e)
                        out.append(
                            _actor_mention(t.start, t.end, text[t.start : t.end], acts, quals)
                        )
                        last_end = t.end
                        if e.kind != "country":
                            self._note(text, toks, t.end, e.actor, doc)
                    i += 1
                    continue
            elif kind == "pron" and (
                i + 1 == len(toks) or not _adjacent(text, t.end, toks[i + 1].start)
            ):
                i += 1  # "his", "their" not before "Ukrainian counterpart": nothing to read
                continue
            elif kind == "home":
                place = None
                if (of := self._body_of(text, toks, i)) is not None:
                    # "the Supreme Court of India": the state named after it, not the home's
                    place, end = of
                    acts = self._state_body(place, t.value)
                    out.append(_actor_mention(t.start, end, text[t.start : end], acts, ()))
                    last_end = end
                    i += 2
                    continue
                if (named := self._named_with_body(text, toks, i, out)) is not None:
                    # "Spain's Constitutional Court", "the Iraqi parliament": the state named
                    # and its body, which acts (as "the Supreme Court" alone does)
                    place, start = named
                    acts = self._state_body(place, t.value)
                    out[-1] = _actor_mention(start, t.end, text[start : t.end], acts, ())
                    last_end = t.end
                    i += 1
                    continue
                if self._own_body(text, toks, i):
                    if t.value[:1] == _MINISTRY:
                        # a ministry named bare is the article's own state's, as a bare
                        # minister's title is ("Defence Minister X"), not that of a state
                        # named before it ("Britain insists the boats were in Iraqi
                        # waters, and the Ministry of Defence published ..."); one whose
                        # name is one state's ("the Foreign Office") is that state's
                        got = (
                            t.value[1:]
                            or self._seat_before(text, out, t.start)
                            or self._sole_home(text, toks, doc, minister=True)
                        )
                        place = self._entries.get(got) if got else None
                    else:
                        # the state named before it in its sentence, else the one the
                        # dateline files the story from ("CHISINAU, Moldova - ... The new
                        # parliament is due to choose his successor": Moldova's, though
                        # Romania is named more), else the one the article names most
                        place = self._speaker_state(text, out, t.start)
                        if place is None and (dl := self.dateline_state(text, when)):
                            place = self._entries.get(dl.name)
                        if place is None:
                            if home is _UNSET:
                                home = self._home(toks)
                            place = self._entries.get(home) if isinstance(home, str) else None
                if place is not None:
                    acts = self._state_body(place, t.value)
                    out.append(_actor_mention(t.start, t.end, text[t.start : t.end], acts, ()))
                    last_end = t.end
                i += 1
                continue
            got = self._phrase(text, toks, i, when, doc)
            if got is None:
                i += 1
                continue
            start, end, actors, nxt, quals = got
            if quals:
                quals = tuple(q for q in quals if q not in actors)
            out.append(_actor_mention(start, end, text[start:end], actors, quals))
            last_end = end
            for a in actors:
                self._note(text, toks, end, a, doc)
            i = max(nxt, i + 1)
        if doc.pending:
            out = self._pending_sides(text, toks, out, when, doc)
        if when < self._historic_until:
            out = self._historic_capitals(text, out, when)
        if when < self._founded_until and any(s in text for s in self._seat_names):
            out = self._before_founding(out, when)
        out = _with_named_bodies(text, self._with_named_people(text, out), self._not_groups)
        if self._served:
            out = self._serving(out, when)
        if "The " in text:
            out = _with_described_people(text, out, self.offices)
        if self._back_ref_re is not None and self._back_ref_cue(text):
            return _with_back_references(text, out, self._back_refs, self._back_ref_re)
        return out

    def _serving(self, out: list[ActorMention], when: date) -> list[ActorMention]:
        """A person who holds, on the article's date, an office of a state other than their
        own is that state's person that day: Kohl in 1989 is West Germany's, Koštunica in
        2001 Yugoslavia's (as a title already makes "the Yugoslav president" of 1999)."""
        served = self._served
        for i, m in enumerate(out):
            # (a loop, not any() over a generator: this test runs for every mention)
            for a in m.actors:
                if a.name in served and a.kind == "person":
                    break
            else:
                continue
            acts = []
            for a in m.actors:
                state = (
                    next((o.of for o in served.get(a.name, ()) if o.held(when)), None)
                    if a.kind == "person"
                    else None
                )
                acts.append(Actor(a.name, "person", state) if state else a)
            out[i] = _replace_mention(m, actors=tuple(acts))
        return out

    def _state_body(self, place: _Entry, head: str) -> tuple[Actor, ...]:
        """The body a bare state-body word names in `place`, then the state itself:
        "parliament" -> its legislature when the gazetteer names it; "the Supreme Court"
        -> Supreme Court of Bangladesh; "the junta" -> the state alone."""
        if head == "-" or head[:1] == _MINISTRY or (head == "" and not place.legislature):
            return (place.actor,)
        if head == "":
            name = place.legislature or ""
        else:
            if place.sovereign and place.sovereign in self._entries:
                place = self._entries[place.sovereign]  # a region's courts are its state's
            the = "the " if place.name in self._with_the else ""
            name = f"{head} of {the}{place.name}"
            if head == _CENTRAL_BANK and place.central_bank:
                name = place.central_bank
        known = self._entries.get(name)
        if known is None and (tok := self._lex.get(name)) is not None and tok.kind == "ent":
            known = tok.value[0] if len(tok.value) == 1 else None  # "Central Bank of Russia"
        if known is None and head == _CENTRAL_BANK:
            # central banks' names vary ("Reserve Bank", "Bank of", "Federal Reserve"): a
            # made-up "Central Bank of India" would be another, commercial bank
            return (place.actor,)
        if known is not None:
            body = known.actor
        else:
            body = self._bodies.setdefault(name, (Actor(name, "organisation"), place.name))[0]
        return (place.actor, body)  # the body last: it is the one that acts

    def _seat_before(self, text: str, out: list[ActorMention], pos: int) -> str | None:
        """The state whose capital or seat is named with "in" right before a body at `pos`:
        "In Moscow, the Defence Ministry said", "In London the Foreign Office said"."""
        if not out:
            return None
        m = out[-1]
        if (
            m.text in self._metonyms
            and len(m.actors) == 1
            and m.actors[0].kind == "country"
            and text[max(0, m.start - 3) : m.start] in ("In ", "in ")
            and _SEAT_TO_BODY.fullmatch(text, m.end, pos)
        ):
            return m.actors[0].name
        return None

    def _speaker_state(self, text: str, out: list[ActorMention], pos: int) -> _Entry | None:
        """The state of the actor named last before `pos` in its sentence, when that is a
        state or one of its people: "India's foreign minister told parliament", "Tokayev is
        due to name a prime minister in parliament" (their own state's parliament)."""
        lo = max(text.rfind(". ", 0, pos), text.rfind("\n", 0, pos))
        for m in reversed(out):
            if m.end > pos:
                continue
            if m.start <= lo:
                return None
            a = m.actors[0]
            name = a.name if a.kind == "country" else a.affiliation if a.kind == "person" else None
            e = self._entries.get(name) if name else None
            if e is not None and e.kind == "country":
                return e
        return None

    def _body_of(self, text: str, toks: list[_Tok], i: int) -> tuple[_Entry, int] | None:
        """The state a state-body word at token i is named with after "of" ("the Supreme
        Court of India", "the Constitutional Court of the Czech Republic") or after "in"
        and its capital or seat ("the foreign ministry in Beijing"), and the end of that
        name; None when no state follows."""
        if i + 1 >= len(toks):
            return None
        nt = toks[i + 1]
        if nt.kind != "ent" or len(nt.value) != 1 or nt.value[0].kind != "country":
            return None
        gap = text[toks[i].end : nt.start]
        if gap not in (" of ", " of the "):
            # "the foreign ministry in Beijing", "parliament in Kyiv": a body in a capital
            # or seat is that state's (not "in Russia": a body may sit in another state)
            if gap != " in " or text[nt.start : nt.end] not in self._metonyms:
                return None
        return nt.value[0], nt.end

    def _named_with_body(
        self, text: str, toks: list[_Tok], i: int, out: list[ActorMention]
    ) -> tuple[_Entry, int] | None:
        """The state named right before the state-body word at token i, by its possessive
        or its demonym ("Spain's Constitutional Court", "the Iraqi parliament"), and where
        its name starts; None when there is none or the word begins a longer name ("the
        Iraqi Parliament Speaker")."""
        if not i or not out:
            return None
        pt = toks[i - 1]
        if pt.kind not in ("ent", "dem") or not 0 < toks[i].start - pt.end <= 3:
            return None
        if out[-1].start != pt.start or out[-1].end != pt.end:
            return None
        gap = text[pt.end : toks[i].start]
        if gap not in (" ", "'s ", "’s ", "s "):
            return None
        e = pt.value if pt.kind == "dem" else (pt.value[0] if len(pt.value) == 1 else None)
        if e is None or e.kind != "country":
            return None
        if _name_goes_on(text, toks[i].end):
            return None
        return e, pt.start

    def _own_body(self, text: str, toks: list[_Tok], i: int) -> bool:
        """Is the state body at token i ("parliament", "the Supreme Court", "lawmakers",
        "the junta") named with no state of its own, so that it is the article's country's?
        Not when a place is named with it ("Iraq's parliament", "the Iraqi parliament":
        `_named_with_body` gives that place's body; "the Supreme Court of India":
        `_body_of`), when a modifier makes it another body ("the city
        parliament", "the regional parliament") or when it begins a longer name ("Senate
        Foreign Relations Committee", "Parliament Square")."""
        t = toks[i]
        # "the government": its "the" is its own, so no state or modifier stands before it
        # ("In Tehran, the government said")
        own_the = text.startswith(("the ", "The "), t.start)
        if (
            not own_the
            and i
            and toks[i - 1].end >= t.start - 3
            and toks[i - 1].kind in ("ent", "dem")
        ):
            return False
        if _name_goes_on(text, t.end):
            return False
        if own_the:
            return True
        before = _word_before(text, max(0, t.start - 40), t.start)
        if before is None:
            return True
        if before in self._body_modifiers or before.lower() in self._body_modifiers:
            return False
        # a capitalised word other than a sentence's first ("the Kurdish parliament")
        return not (before[:1].isupper() and before not in _BODY_LEAD)

    def _back_ref_cue(self, text: str) -> bool:
        for cue in self._back_ref_cues:
            if cue in text:
                return True
        return False

    def _before_founding(self, out: list[ActorMention], when: date) -> list[ActorMention]:
        """Before a body began, its seat names the state it stands in: "Brussels" in 1960 is
        Belgium's government, from the EU's founding the EU."""
        for i, m in enumerate(out):
            acts = list(m.actors)
            for k, a in enumerate(acts):
                e = self._founded.get(a.name)
                if e is None or e.founded is None or when >= e.founded:
                    continue
                seat = next((s for s in e.seats if m.text.startswith(s)), None)
                if seat is not None:
                    acts[k] = self._entries[e.seats[seat]].actor
            if acts != list(m.actors):
                out[i] = _replace_mention(m, actors=tuple(dict.fromkeys(acts)))
        return out

    def _historic_capitals(
        self, text: str, out: list[ActorMention], when: date
    ) -> list[ActorMention]:
        """Before a historic state ceased, the capital and seat it shared with its successor
        name it: "Moscow" and "Kremlin spokesman" in 1991 are the Soviet Union's."""
        # Only a mention whose text holds one of the capitals or shared names is renamed,
        # and the names the article's text holds are few: read only the mentions that hold
        # one of those (the test below, done for each state over every mention, compares
        # actors in Python and cost more than the rest of this pass).
        names = [c for until, cs in self._historic_names if when < until for c in cs if c in text]
        if not names:
            return out
        held = sorted({i for c in names for i, m in enumerate(out) if c in m.text})
        for until, succ, hist, capitals, shared in self._historic:
            if when >= until:
                continue
            if shared and hist.shared_until is not None and when < hist.shared_until:
                capitals = capitals | shared
            old, new = succ.actor, hist.actor
            named = self._capital_res[capitals]
            for i in held:
                m = out[i]
                if (old in m.actors or old in m.qualifiers) and named.search(m.text):
                    out[i] = _replace_mention(
                        m,
                        actors=tuple(_as_of(a, old, new) for a in m.actors),
                        qualifiers=tuple(new if a == old else a for a in m.qualifiers),
                    )
        return out

    def _with_named_people(self, text: str, out: list[ActorMention]) -> list[ActorMention]:
        """People the gazetteer does not know and no title introduces, found the way news
        names them: a full name ("Evo Morales resigned ...") and then the surname alone
        ("Morales arrived in Mexico City"). A run of two or three capitalised words, none of
        them a known name, title, month or institution word, is a person when its last word
        comes back on its own later in the article."""
        # the stretches already named, as sorted starts and ends: they never overlap (the
        # mentions found before do not, and a stretch is taken only where it is free), so
        # the one that starts last before `end` is the only one that may reach past `start`
        starts: list[int] = []
        ends: list[int] = []

        def free(start: int, end: int) -> bool:
            i = bisect.bisect_left(starts, end) - 1
            return i < 0 or ends[i] <= start

        def take(start: int, end: int) -> None:
            i = bisect.bisect_left(starts, start)
            starts.insert(i, start)
            ends.insert(i, end)

        filled = False  # the stretches, filled for the first candidate
        known: set[str] | None = None  # the names found, filled for the first free candidate
        found: list[ActorMention] = []
        people: dict[str, Actor] = {}
        for cand in _FULL_NAME.finditer(text):
            start, end = cand.span()
            if not filled:
                starts = [m.start for m in out]
                ends = [m.end for m in out]
                filled = True
            # The free() test below first, before the words are split, where it fails even
            # for the name without its first word (its words are joined by single blanks,
            # so the latest the name may start is after the first blank). Same candidates.
            k = bisect.bisect_left(starts, end) - 1
            if k >= 0 and ends[k] > text.find(" ", start) + 1:
                continue
            words = cand.group().split()
            # the name without the word before it: "Sir Humphrey Gibbs": Humphrey Gibbs,
            # "the former Marine Paul Whelan": Paul Whelan
            bare = len(words) > 2 and (
                words[0] in self._name_prefixes
                or (words[0] in _SERVICE_WORDS and words[1] in self._given_names)
            )
            name_start = start + len(words[0]) + 1 if bare else start
            # The cheapest test first: four candidates in five are part of a mention found
            # already. (It came after the next one, which reads the rest of the text; both
            # only drop a candidate, so the order does not change which are kept.)
            if not free(name_start, end):
                continue
            if known is None:  # (`out` does not change in this loop)
                known = {a.name for m in out for a in m.actors}
            if " ".join(words[1:] if bare else words) in known:
                continue
            given = words[0] in self._given_names
            marked: bool | None = None  # _marked_person, worked out when needed
            if not given and text.find(words[-1], end) < 0:
                marked = _marked_person(text, start, end)
                if not marked:
                    continue  # the surname never comes back
            if bare:
                start, words = name_start, words[1:]
            if any(self._not_person_word(w) for w in words if w not in _NAME_PARTICLES):
                continue
            if _headline_case(text, start) or text[end : end + 1] == "-":
                continue
            if _PLACE_OF_BEFORE.search(text, max(0, start - 30), start):
                continue  # a place: "the island of Espiritu Santo", "the town of San Jose"
            alone = [s for s in _said_again(text, words[-1], end) if _standalone(text, *s)]
            if not alone and len(words) == 3 and words[0] not in self._name_prefixes:
                # a family name of two words, said again whole: "Abu Bakr" after "Yasin
                # Abu Bakr", "Saro Wiwa" after "Ken Saro Wiwa"
                two = f"{words[1]} {words[2]}"
                alone = [s for s in _said_again(text, two, end) if _standalone(text, *s)]
            if not alone and marked is None:
                marked = _marked_person(text, start, end)
            if (
                not alone
                and not marked
                and (
                    not given
                    or " ".join(words)
                    in self._lex  # known, so swallowed: "Charles de Gaulle airport"
                    or _NAMED_THING_AFTER.match(text, end)
                )
            ):
                continue  # said once, in full: a place or a body as likely as a person
            # (unless it opens with a common given name: "Guillermo Endara was sworn in")
            name = _plain_apostrophes(" ".join(words))
            actor = people.setdefault(name, Actor(name, "person"))
            found.append(ActorMention(start, end, text[start:end], (actor,)))
            take(start, end)
            for a, b in alone:
                if not free(a, b):
                    continue
                found.append(ActorMention(a, b, text[a:b], (actor,)))
                take(a, b)
        if not found:
            return out
        return sorted([*out, *found], key=lambda m: m.start)

    def _modified_title(self, text: str, toks: list[_Tok], i: int) -> bool:
        """Whether token i + 1 is a title after token i (a place or a person's possessive)
        with a modifier between: capitalised words ("U.S. Trade Representative", "Nigerian
        Major-General"), or lowercase ones after a possessive ("Zia's food minister", "Iran's
        top nuclear negotiator") or a demonym ("the Israeli army spokesman"). Not a verb or a
        plural noun ("Russian troops killed commander ...")."""
        if i + 1 >= len(toks):
            return False
        t, n = toks[i], toks[i + 1]
        if n.kind != "title" or not 2 < n.start - t.end < 28:
            return False
        m = _GAP_WORDS.fullmatch(text, t.end, n.start)
        if m is None:
            return False
        words = [w for w in m.group(1, 3) if w]
        for w in words:
            if w.capitalize() in self._function_words:
                return False
        if all(w[0].isupper() for w in words):
            return True
        if any(w[0].isupper() for w in words) or any(w.endswith("ed") for w in words):
            return False
        if t.possessive:
            return True
        return t.kind == "dem" and len(words) == 1 and not words[0].endswith("s")

    def _not_person_word(self, w: str) -> bool:
        base = w.rstrip("'’s") if w.endswith(("'s", "’s")) else w
        return (
            base.isupper()
            or base in self._function_words
            or base in self._name_stop
            or base in self._not_name
            or base in self._titlewords
            or base in self._lex
            or base.lower() in self._titlewords
        )

    def _mention_of(self, e: _Entry) -> tuple[tuple[Actor, ...], tuple[Actor, ...]]:
        """(actors, qualifiers) of a bare mention of `e`, computed once."""
        if e.mention is None:
            state = self._own_party_of.get(e.name)
            if state is not None:
                e.mention = ((state.actor, e.actor), ())
            else:
                e.mention = ((e.actor,), self._with_parent(e)[1:])
        return e.mention

    def _scan(self, text: str) -> list[_Tok]:
        """Every lexicon match (decoys, currencies, company names and first names dropped)."""
        forms, guarded, person_only = self._forms, self._guarded, self._guard_before_only
        metonyms = self._metonyms
        out: list[_Tok] = []
        lead = self._lead
        # the blanks right after a particle ("de Castries"): the places right after one are
        # the only ones _after_name_particle may drop (see _PARTICLE_GAP; few articles hold
        # one, and a set's test is cheaper than reading the word before each place)
        after_particle = {m.end() for m in _PARTICLE_GAP.finditer(text)}
        for m in self._re.finditer(" " + text if lead else text):
            core, poss = m.group(1, 2)  # core, possessive ending
            kind, value, tested = forms[core]
            if kind == "decoy":
                continue  # swallowed: "Gulf of Mexico" names no actor
            start, end = m.span()
            if lead:
                end -= 1  # (the match took the character before the form: the blank put first)
            nxt = text[end : end + 2]
            if nxt[:1] == "$":
                continue  # a currency: "US$5 million"
            if nxt == " D" and _DAY_AFTER.match(text, end):
                continue  # a holiday: "Russia Day", "Army Day"
            if tested:  # (see _forms)
                if kind == "dem" and (
                    text.endswith("ethnic ", max(0, start - 7), start)
                    or (nxt[:1] == "-" and _ORIGIN_AFTER.match(text, end + 1))
                    or (core in self._combining and not (nxt[:1] == "-" and nxt[1:].isupper()))
                ):
                    continue  # "the ethnic Chinese minority", "a Cuban-American senator": a
                    # people or an origin, not the state
                if (
                    nxt[1:].isupper()
                    and (kind == "dem" or kind == "ent" and value[0].kind == "country")
                    and self._company_after(text, end)
                ) or (kind == "dem" and nxt[1:].islower() and self._company_after(text, end, True)):
                    continue  # "British Airways", "French Open"; "an American newspaper"
                if (
                    core in metonyms  # (a set lookup first: most tokens are no capital)
                    and poss is None
                    and nxt[1:].islower()
                    and self._venue_after(text, end, start)
                ):
                    continue  # "the Madrid conference", "the Oslo accords": a venue, no actor
                if (
                    core in self._body_guarded
                    and start >= 2
                    and text[start - 1] == " "
                    and (w := _word_before(text, max(0, start - 40), start)) is not None
                    and w[:1].isupper()
                    and w not in self._function_words
                    and not _headline_case(text, start)
                ):
                    continue  # "Algeria's High Security Council": another body's name
                if core in guarded and self._looks_like_personal_name(
                    text, start, end, after_too=core not in person_only
                ):
                    continue
                if (
                    after_particle
                    and start - 1 in after_particle  # (else _after_name_particle is False)
                    and kind == "ent"
                    and start > 3
                    and text[start - 1] == " "
                    and value[0].kind != "person"
                    and self._after_name_particle(text, start)
                ):
                    continue  # "Gen. Christian de Castries": a surname, not Saint Lucia's capital
            out.append(_Tok(start, end, kind, value, poss is not None))
        return out

    def _after_name_particle(self, text: str, start: int) -> bool:
        """Whether text[start] follows a surname particle that follows a capitalised name
        word ("Christian de Castries", "Santiago de Chile"): the place name is part of
        another name."""
        k = text.rfind(" ", max(0, start - 7), start - 1)
        if k < 0 or text[k + 1 : start - 1] not in _SURNAME_PARTICLES:
            return False  # (the cheap test first: most places follow no particle)
        m = _PARTICLE_BEFORE.search(text, max(0, start - 40), start)
        return m is not None and not self._neutral_word(m.group(1))

    def _venue_after(self, text: str, end: int, start: int = -1) -> bool:
        m = _WORD_AFTER.match(text, end)
        if m is None or m.group(1) not in self._venue_words:
            return False
        # a meeting word may be the capital's verb ("Washington talks with Beijing"): a
        # venue only after a determiner ("the Paris talks", "a Geneva summit")
        return m.group(1) not in _MEETING_WORDS or (
            start >= 0 and _DETERMINER_BEFORE.search(text, max(0, start - 20), start) is not None
        )

    def _company_after(self, text: str, end: int, lower: bool = False) -> bool:
        """Whether a company word follows `end` (capitalised, or `lower`: a demonym's thing,
        "an American newspaper", "the French design")."""
        if end + 1 >= len(text) or text[end] != " " or text[end + 1].isupper() == lower:
            return False
        m = _WORD_AFTER.match(text, end)
        if m is None or m.group(1) not in self._company_words:
            return False
        for title in self._company_titles:
            if text.startswith(title, m.start(1)):
                after = _WORD_AFTER.match(text, m.start(1) + len(title))
                return after is None or after.group(1) in self._company_words
        return True

    def _appositives(self, text: str, toks: list[_Tok], doc: _Doc) -> None:
        """'Newt Gingrich, then speaker,' / 'Sergei Skripal, a former Russian double agent,':
        a capitalised name set off by commas before a role word introduces a person. Adds a
        token for the name (affiliated with a place named between the commas, if any)."""
        for idx in range(len(toks) - 1, -1, -1):
            t = toks[idx]
            if t.kind != "title" or t.value.plural:
                continue
            if text[t.end : t.end + 1] not in _CLOSERS:
                # "Dennis Blair, the director of national intelligence,": the role's body
                # or field after it, up to the closing comma
                if not text.startswith(" of", t.end):
                    continue
                of = _OF_PHRASE.match(text, t.end)
                if of is None or _NOT_APPOSITIVE.search(of.group()):
                    continue  # "X, the leader of his party and ...": a clause
            k = text.rfind(", ", max(0, t.start - 50), t.start)
            if k < 0:
                continue
            between = text[k + 2 : t.start]
            if len(between.split()) > 7 or any(c in between for c in ",.;:()\n"):
                continue
            if _NOT_APPOSITIVE.search(between):
                continue  # "Gibbs, formally dismissed Smith and his ministers,": a clause
            words: list[str] = []
            head = text[max(0, k - 60) : k]
            for w in reversed(head[head.rfind("\n") + 1 :].split(" ")):
                plain = w.replace("-", "").replace("'", "").replace("’", "")
                if not (w[:1].isupper() and plain.isalpha()):
                    break
                if self._neutral_word(w) and (words or not self._surname_only(w)):
                    break  # a known surname the scan left alone ends a new name: "Dennis Blair"
                words.append(w)
                if len(words) == 4:
                    break
            if len(words) < 2 or any(w in self._not_name for w in words):
                continue
            name = " ".join(reversed(words))
            start = k - len(name)
            if words[-1] in self._name_prefixes and len(words) > 2:
                name = name[len(words[-1]) + 1 :]  # "Sir Humphrey Gibbs": Humphrey Gibbs
            j = bisect.bisect_left([x.start for x in toks], start)
            if j < len(toks) and toks[j].start < k or j and toks[j - 1].end > start:
                continue  # part of a known name or phrase
            aff = next(
                (p.name for x in toks[j:idx] if x.start > k and (p := self._place(x)) is not None),
                None,
            )
            office = None
            if aff is None:
                aff, office = self._appositive_side(text, between, toks[j:idx], k, toks, doc)
            ent = _Entry(name, "person", aff)
            ent.actor = Actor(_plain_apostrophes(name), "person", aff)
            if office is not None:
                doc.pending.append((ent.actor, t.end, office))
            toks.insert(j, _Tok(start, k, "ent", (ent,)))

    def _surname_only(self, w: str) -> bool:
        """Whether `w` is in the lexicon only as known people's name word."""
        lex = self._lex.get(w)
        return (
            lex is not None
            and lex.kind == "ent"
            and all(e.kind == "person" for e in lex.value)
            and w not in self._function_words
            and w not in self._titlewords
            and w not in self._name_stop
        )

    def _appositive_side(
        self, text: str, between: str, inner: list[_Tok], k: int, toks: list[_Tok], doc: _Doc
    ) -> tuple[str | None, str | None]:
        """The side of a person an appositive role names with no place: a known person's
        ("X, Putin's adviser,"); a head of state's or government's ("X, the president's
        security adviser,", "X, a senior presidential aide,"), worked out once the office's
        holder is known (the office comes back second; see `_pending_sides`); else the
        article's own state's when the role is its government's ("X, a foreign ministry
        official,")."""
        office = None
        for x in inner:
            if x.start <= k or not x.possessive:
                continue
            if x.kind == "ent" and x.value[0].kind == "person":
                return x.value[0].affiliation, None
            if x.kind == "title" and x.value.office in _HOME_OFFICES:
                office = x.value.office
        for x in inner:
            if x.kind == "home" and x.value[:1] == _MINISTRY and x.start > k:
                # "X, a Foreign Office spokesman,": the state the ministry's name is, else
                # the article's own ("X, an official at the interior ministry,")
                return x.value[1:] or self._sole_home(text, toks, doc), None
        words = [w.lower() for w in between.split()]
        if office is None and "presidential" in words:
            office = "president"
        if office is not None:
            return None, office
        if any(w in self._state_cues for w in words):
            return self._sole_home(text, toks, doc), None
        return None, None

    def _pending_sides(
        self, text: str, toks: list[_Tok], out: list[ActorMention], when: date, doc: _Doc
    ) -> list[ActorMention]:
        """Sides for the people an appositive names as a head of state's aide ("X, the
        president's security adviser,"): the state of the holder of that office named last
        before the role's end, else the article's sole state."""
        for person, hi, office in doc.pending:
            side = None
            for m in reversed(out):
                if m.start >= hi or not m.actors or m.actors[0] == person:
                    continue
                a = m.actors[0]
                if a.kind == "person" and (got := self._office_of(a, when, doc)) is not None:
                    if got[0] == office:
                        side = a.affiliation or got[1]
                        break
            if side is None:
                side = self._sole_home(text, toks, doc)
            if side is None:
                continue
            new = replace(person, affiliation=side)
            out = [
                _replace_mention(m, actors=tuple(new if x == person else x for x in m.actors))
                if person in m.actors
                else m
                for m in out
            ]
        return out

    def _looks_like_personal_name(
        self, text: str, start: int, end: int, *, after_too: bool = True
    ) -> bool:
        """'Michael Jordan', 'Chad Smith', 'Ivanka Trump': an alias that is also a personal
        name is part of someone's name when a capitalised name word touches it (before it,
        or also after it with `after_too`). Not in a headline-case line ("Biden Warns
        Putin"), where every word is capitalised."""
        before = None
        if start >= 2 and text[start - 1] in " \t\u00a0" and text[start - 2].isalpha():
            before = _word_before(text, max(0, start - 40), start)
        if before is not None:
            w = before
            if w[:1].isupper() and not self._neutral_word(w):
                return not _headline_case(text, start)
        if not after_too:
            return False
        after = None
        if end + 1 < len(text) and text[end] in " \t\u00a0" and text[end + 1].isupper():
            after = _WORD_AFTER.match(text, end)
        if after is not None:
            w = after.group(1)
            if w[:1].isupper() and not self._neutral_word(w):
                return not _headline_case(text, start)
        return False

    def _neutral_word(self, w: str) -> bool:
        """A capitalised word that cannot be part of a personal name next to an alias."""
        if w.isupper() or w in self._function_words or w in self._titlewords:
            return True
        if w in self._lex or w in self._name_stop:
            return True
        if w[-1:] != "s":
            return False  # ("Ali" is no possessive of "Al")
        for form in (w[:-1], w[:-2]):  # "Russias", "Russia's"
            if form in self._lex or form in self._name_stop:
                return True
        return False

    # A phrase parser over adjacent tokens. Returns (start, end, actors, next token index).
    def _phrase(self, text: str, toks: list[_Tok], i: int, when: date, doc: _Doc) -> _Hit | None:
        """The longest phrase starting at token i: a name, or title/counterpart/pair phrase."""
        t = toks[i]

        def adj(j: int) -> _Tok | None:
            """Token j when it directly follows token j-1 (only blanks between)."""
            if j >= len(toks):
                return None
            return toks[j] if _adjacent(text, toks[j - 1].end, toks[j].start) else None

        gapped = False  # a modifier between the place and its title ("food minister")
        if t.kind in ("ent", "dem") and adj(i + 1) is None:  # the common case: a bare name
            if not self._modified_title(text, toks, i):
                return self._plain(toks, i, when, doc)
            gapped = True

        # "his Ukrainian counterpart (VolodymyrZelensky)", "Ukrainian counterpart Kuleba"
        j = i + 1 if t.kind == "pron" else i
        if j < len(toks) and (j == i or adj(j)):
            m = toks[j]
            # (the token after it read only after a name or demonym: most phrases open with
            # a title, for which it is never used)
            if m.kind in ("ent", "dem") and (c := adj(j + 1)) is not None and c.kind == "cpart":
                peer = self._place(m)
                if peer is not None:
                    quals = self._with_parent(peer)
                    # "his Togolese counterpart(,) Barry Moussa Barque": a new person of
                    # that place
                    named = self._name_after(
                        text, toks, j + 2, c.end, when, doc, peer.name, apposition=not c.value
                    )
                    if named is not None:
                        actor, end, nxt = named
                        return _Hit(t.start, end, (actor,), nxt, quals)
                    if not c.value:  # singular
                        other = self._counterpart(peer, when, doc)
                        if other is not None:
                            return _Hit(t.start, c.end, (other,), j + 2, quals)
                    return _Hit(m.start, m.end, (peer.actor,), j + 1)
            if t.kind == "pron" and (two := self._two_counterparts(text, toks, j, when, doc)):
                return two
        if t.kind == "pron":
            return self._pronoun_title(text, toks, i, when, doc)

        # "the two Koreas", "the two German states"
        if t.kind == "pair":
            return _Hit(t.start, t.end, tuple(self._entries[n].actor for n in t.value), i + 1)

        # "both presidents", "the two leaders"
        if t.kind == "both":
            n = adj(i + 1)
            if n is not None and n.kind == "title" and n.value.plural and n.value.office:
                pair = self._last_two(n.value.office, when, doc, t.value or 2)
                if pair:
                    return _Hit(t.start, n.end, pair, i + 2)
            return None

        # "the alliance" after "NATO"
        if t.kind == "ana":
            for name in reversed(doc.orgs):
                if name in t.value:
                    e = self._entries[name]  # with its parent: "the council" is the UN's
                    return _Hit(t.start, t.end, (e.actor,), i + 1, self._with_parent(e)[1:])
            return self._place_anaphor(toks, i, t.value)

        # [place] title [of place] [name]
        place: _Entry | None = None
        k = i
        if t.kind in ("ent", "dem"):
            place = self._place(t)
            n = toks[i + 1] if gapped else adj(i + 1)
            if place is None or n is None or n.kind != "title":
                return self._plain(toks, i, when, doc)
            k = i + 1
        tt = toks[k]
        if tt.kind == "title":
            title: _Title = tt.value
            of = place.name if place is not None else title.of
            end, nxt = tt.end, k + 1
            if of is None and title.office:
                ofm = _OF_THE.match(text, tt.end)
                if ofm and nxt < len(toks) and toks[nxt].start == ofm.end():
                    p = self._place(toks[nxt])
                    if p is not None and not toks[nxt].possessive:  # not "head of Israel's Mossad"
                        of, end, nxt, place = p.name, toks[nxt].end, nxt + 1, p
            quals = self._with_parent(place) if place is not None else ()
            aff = of
            if aff is None and k > 0 and toks[k - 1].possessive and toks[k - 1].kind == "ent":
                # "Putin's spokesman Dmitry Peskov": the spokesman is on Putin's side
                owner = toks[k - 1].value[0]
                if _adjacent(text, toks[k - 1].end, tt.start) or self._modified_title(
                    text, toks, k - 1
                ):
                    aff = owner.affiliation if owner.kind == "person" else owner.name
            elif (
                aff is None
                and k > 1
                and toks[k - 1].kind == "title"
                and toks[k - 2].possessive
                and toks[k - 2].kind == "ent"
                and _adjacent(text, toks[k - 1].end, tt.start)
                and _adjacent(text, toks[k - 2].end, toks[k - 1].start)
            ):
                # "Erdogan's chief adviser, X", "Russia's chief spokesman X": a title word
                # ("chief") before the title
                owner = toks[k - 2].value[0]
                aff = owner.affiliation if owner.kind == "person" else owner.name
            if (
                aff is None
                and place is None
                and not title.plural
                and not tt.possessive
                and text[tt.start].isupper()
                and (
                    title.office in _STATE_OFFICES
                    or text.endswith(_STATE_TITLE_ENDS, tt.start, tt.end)
                    or text.startswith(_STATE_TITLE_STARTS, tt.start, tt.end)
                )
                and not (
                    k and toks[k - 1].possessive and _adjacent(text, toks[k - 1].end, tt.start)
                )
            ):
                # "Finance Minister Ana Diaz" in a story about Ecuador: Ecuador's
                aff = self._sole_home(text, toks, doc, minister=title.office not in _HEAD_OFFICES)
            to = _TO_THE.match(text, end)
            if to and nxt < len(toks) and toks[nxt].start == to.end() and not title.plural:
                # "US Ambassador to the UN Linda Thomas-Greenfield"
                p = self._place(toks[nxt])
                if p is not None:
                    named = self._name_after(text, toks, nxt + 1, toks[nxt].end, when, doc, aff)
                    if named is not None:
                        actor, nend, nnxt = named
                        return _Hit(t.start, nend, (actor,), nnxt, quals + self._with_parent(p))
            if not title.plural and not tt.possessive:  # not "the president's Middle East"
                named = self._name_after(
                    text,
                    toks,
                    nxt,
                    end,
                    when,
                    doc,
                    aff,
                    title.office,
                    apposition=True,
                    mononym=text[tt.start : tt.end].lower() in _RANKS,
                )
                if named is None and title.office is None and (call := _CALLING.match(text, end)):
                    named = self._name_after(
                        text, toks, self._skip(toks, nxt, call.end()), call.end(), when, doc, aff
                    )
                if named is not None:
                    actor, nend, nnxt = named
                    if of is None and actor.kind == "person":  # (no state in the title)
                        actor = self._of_state_after(text, toks, nnxt, nend, actor, doc)
                    if title.office and actor.kind == "person":
                        doc.titled.append((title.office, actor))
                    return _Hit(t.start, nend, (actor,), nnxt, quals)
            if gapped or (
                nxt < len(toks)
                and toks[nxt].kind == "title"
                and _adjacent(text, end, toks[nxt].start)
            ):
                # "Russia's former foreign minister", "Russia's chief spokesman": no office
                # holder to name
                if place is not None and t.kind in ("ent", "dem"):
                    return self._plain(toks, i, when, doc)
                return None
            if (
                not title.plural
                and not tt.possessive  # not "X, the president's brother"
                and title.office is not None
                and (place is None or place.kind == "country")
                and (said := self._said_of(text, t.start, doc)) is not None
            ):
                # "Manuel Zelaya, the Honduran president who ...": the title is said of the
                # person named before it, it names no other holder of the office (and with
                # no state in it, nothing more than the name did)
                return _Hit(t.start, end, (said,), nxt, quals) if quals else None
            # (read only for a singular title of an office: each test below that reads
            # `generic` first needs both, a role or a plural title passes none of them)
            generic = (
                not title.plural
                and title.office is not None
                and (
                    _GENERIC.search(text, max(0, t.start - 16), t.start) is not None
                    or (
                        self._predicative is not None
                        and self._predicative.search(text, max(0, t.start - 24), t.start)
                        is not None
                    )
                )
            )
            if of is not None and title.office and not title.plural and not generic:
                held = self.holder(title.office, of, when) or doc.by_office.get((title.office, of))
                if held is not None:
                    return _Hit(t.start, end, (held,), nxt, quals)
            if of is None and title.office not in _NO_BARE and not title.plural:
                # "the president" after "Japanese President X ...": the last-named holder
                if not generic and _THE_BEFORE.search(text, max(0, t.start - 5), t.start):
                    if (mine := self._titled_at_home(toks, title.office, doc)) is not None:
                        return _Hit(t.start, end, (mine,), nxt)
                    for a in reversed(doc.persons):
                        got = self._office_of(a, when, doc)
                        if got is not None and got[0] == title.office:
                            return _Hit(t.start, end, (a,), nxt)
            if (
                of is None
                and title.office in _HOME_OFFICES
                and not title.plural
                and not generic
                and _THE_BEFORE.search(text, max(0, t.start - 5), t.start)
                and (home := self._home(toks)) is not None
                and (held := self.holder(title.office, home, when)) is not None
            ):
                # "the king" in an article about Thailand, no holder named: the holder of
                # the office in the article's country on its date
                return _Hit(t.start, end, (held,), nxt)
            if place is not None and t.kind in ("ent", "dem"):
                return self._plain(toks, i, when, doc)
            if place is not None:
                return _Hit(toks[nxt - 1].start, toks[nxt - 1].end, (place.actor,), nxt)
            return None
        if tt.kind == "hon":
            named = self._name_after(text, toks, k + 1, tt.end, when, doc, surname_only=True)
            if named is not None:
                actor, nend, nnxt = named
                return _Hit(t.start, nend, (actor,), nnxt)
        return None

    def _said_of(self, text: str, start: int, doc: _Doc) -> Actor | None:
        """The person a title in apposition stands for: the one named right before its
        comma ("Manuel Zelaya, the Honduran president who ...", "Viktor Yanukovych, the
        president ousted by parliament"), not another holder of the office."""
        m = _APPOSITIVE_BEFORE.search(text, max(0, start - 48), start)
        if m is None or not m.group(1)[0].isupper():
            return None
        word = m.group(1)
        for a in reversed(doc.persons):
            if a.name.rsplit(" ", 1)[-1] == word:
                return a
        return None

    def _titled_at_home(self, toks: list[_Tok], office: str, doc: _Doc) -> Actor | None:
        """The person last named with the title of `office` who is of the article's own
        country ("President Jovenel Moïse" in a story about Haiti): what a later bare "the
        president" stands for, before a holder of another state named since ("Colombia's
        president, Iván Duque")."""
        if not any(o == office for o, _a in doc.titled):
            return None
        home = self._home(toks)
        if home is None:
            return None
        for o, a in reversed(doc.titled):
            if o == office and a.affiliation == home:
                return a
        return None

    def _of_state_after(
        self, text: str, toks: list[_Tok], j: int, end: int, actor: Actor, doc: _Doc
    ) -> Actor:
        """'Defence Minister Alain Guillaume Bunyoni of Burundi': a person a title introduces
        with no state, and the state named right after the name with 'of', is that state's
        (`actor` itself when the gazetteer knows it or no state follows)."""
        if j >= len(toks) or not text.startswith(" of ", end) or actor.name in self._entries:
            return actor
        ofm = _OF_THE.match(text, end)
        if ofm is None or toks[j].start != ofm.end() or toks[j].possessive:
            return actor
        p = self._place(toks[j])
        if p is None or p.kind != "country":
            return actor
        new = replace(actor, affiliation=p.name)
        doc.persons = [new if a == actor else a for a in doc.persons]
        return new

    def _pronoun_title(
        self, text: str, toks: list[_Tok], i: int, when: date, doc: _Doc
    ) -> _Hit | None:
        """'its envoy to the IAEA, Ali Rezaei', 'his spokesman Oleg Varin': a person a title
        introduces after a possessive pronoun is on the side of what the pronoun stands
        for: the state or body ('its', 'their') named last before it in its sentence, or
        the person ('his', 'her') named last in it or the sentence before; an envoy to a
        body is his own state's."""
        t = toks[i]
        if i + 1 >= len(toks):
            return None
        n = toks[i + 1]
        if (
            n.kind != "title"
            or n.value.plural
            or n.possessive
            or not _adjacent(text, t.end, n.start)
        ):
            return None
        owner = self._pronoun_owner(text, toks, i)
        if owner is None:
            return None
        end, nxt = n.end, i + 2
        to = _TO_THE.match(text, end)
        if to and nxt < len(toks) and toks[nxt].start == to.end() and self._place(toks[nxt]):
            end, nxt = toks[nxt].end, nxt + 1
        named = self._name_after(
            text, toks, nxt, end, when, doc, owner, n.value.office, apposition=True
        )
        if named is None:
            return None
        actor, nend, nnxt = named
        return _Hit(t.start, nend, (actor,), nnxt)

    def _pronoun_owner(self, text: str, toks: list[_Tok], i: int) -> str | None:
        word = text[toks[i].start : toks[i].end].lower()
        person = word in ("his", "her")
        lo = toks[i].start
        for _ in range(2 if person else 1):  # the sentence's start (his: the one before)
            lo = text.rfind(". ", 0, lo - 1)
            if lo < 0:
                break
        lo = max(lo, text.rfind("\n", 0, toks[i].start))
        for x in reversed(toks[:i]):
            if x.start < lo:
                return None
            e = _one_entry(x)
            if e is None:
                continue
            if person:
                if e.kind == "person":
                    return e.affiliation
            elif e.kind != "person":
                return e.name
        return None

    def _place_anaphor(self, toks: list[_Tok], i: int, names: tuple[str, ...]) -> _Hit | None:
        """A place's anaphor ("the North" for North Korea, "the kingdom" for Saudi Arabia)
        after the place itself was named: the one named last, itself or through one of its
        people ("King Abdullah ... the kingdom" is Jordan)."""
        for tok in reversed(toks[:i]):
            e = _one_entry(tok)
            if e is None:
                continue
            if e.kind == "person" and e.affiliation in names:
                e = self._entries.get(e.affiliation)
                if e is None:
                    continue
            if e.kind == "country" and e.name in names:
                t = toks[i]
                return _Hit(t.start, t.end, (e.actor,), i + 1)
        return None

    def _home(self, toks: list[_Tok]) -> str | None:
        """The country an article is about: the one it names most, itself or through its
        people, at least twice and more often than any other."""
        counts: dict[str, int] = {}
        for t in toks:
            e = _one_entry(t)
            if e is None:
                continue
            name = e.name if e.kind == "country" else e.affiliation if e.kind == "person" else None
            if name is not None:
                counts[name] = counts.get(name, 0) + 1
        return clear_first(counts)

    def _sole_home(
        self, text: str, toks: list[_Tok], doc: _Doc, minister: bool = False
    ) -> str | None:
        """The state an article is all about, for a title with no state ("Finance Minister
        X"): the state named most (itself, through its people or by the dateline: "QUITO,
        Sept 29 (AP) -"), at least twice and twice as often as any other state; None in a
        story of several states. For a `minister` below the head of state or government
        ("Defence Minister X"), whom wire copy names with a bare title less often when he is
        foreign, the state the dateline names suffices when it is named most."""
        if doc.home is _UNSET:
            counts: dict[str, int] = {}
            last, last_end = None, -99
            for t in toks:
                # (_one_entry, without the call: this reads every token of the article. A
                # demonym's or a name's value always holds entries. Same entries.)
                kind = t.kind
                if kind == "dem":
                    e = t.value
                elif kind == "ent" and len(t.value) == 1:
                    e = t.value[0]
                else:
                    continue
                if e.kind == "country":
                    name = e.name
                elif e.kind == "person" and (name := e.affiliation) is not None:
                    if name == last and t.start - last_end < 40:
                        last_end = t.end  # (once for "South African President Thabo Mbeki")
                        continue
                else:
                    continue
                counts[name] = counts.get(name, 0) + 1
                last, last_end = name, t.end
            # (the state after a town is counted where it stands, as any mention)
            found = self.dateline_state(text, doc.when, after_town=False)
            dateline = found.name if found is not None else None
            if dateline is not None:  # (a mention too, in capitals)
                counts[dateline] = counts.get(dateline, 0) + 1
            ranked = sorted(counts.items(), key=lambda kv: -kv[1])[:2]
            home = None
            if ranked and ranked[0][1] >= 2:
                top, n = ranked[0]
                second = ranked[1][1] if len(ranked) > 1 else 0
                e = self._entries.get(top)
                if e is not None and e.kind == "country":
                    if n >= 2 * second:
                        home = top
                    elif n > second and dateline == top:
                        doc.led = top
            doc.home = home
        if isinstance(doc.home, str):
            return doc.home
        return doc.led if minister else None

    def dateline_state(self, text: str, when: date, *, after_town: bool = True) -> Actor | None:
        """The state whose capital or city an article's dateline names ("KHARTOUM, July 4
        (Reuters) -"), as of `when` (MOSCOW in 1965 is the Soviet Union's): a place the
        gazetteer knows as one state, else one of the places list (`places`), else (with
        `after_town`) the state named after a town neither knows ("DURRES, Albania -")."""
        line = place_line(text, len(text) - len(text.lstrip()))
        if line is None:
            return None
        name = line.place.title().replace("'S", "'s")
        found = self.find(name, when=when)
        if len(found) == 1 and found[0].end - found[0].start == len(name):
            actors = found[0].actors
            if len(actors) == 1 and actors[0].kind == "country":
                return actors[0]
        place = places().get(name)
        if place:
            return Actor(place, "country")
        # a town the gazetteer does not know, then its state: "DURRES, Albania - "
        after = _DATELINE_STATE.match(line.rest) if after_town and line.rest else None
        if after is not None:
            found = self.find(after.group(), when=when)
            if len(found) == 1 and found[0].end - found[0].start == len(after.group()):
                actors = found[0].actors
                if len(actors) == 1 and actors[0].kind == "country":
                    return actors[0]
        return None

    def _plain(self, toks: list[_Tok], i: int, when: date, doc: _Doc) -> _Hit | None:
        """A bare name, metonym or demonym; an organisation also reports its parent body."""
        t = toks[i]
        e = t.value if t.kind == "dem" else self._choose(t.value, when, doc)
        if e is None:
            return None
        acts, quals = self._mention_of(e)
        return _Hit(t.start, t.end, acts, i + 1, quals)

    def _with_parent(self, e: _Entry) -> tuple[Actor, ...]:
        """The entry's actor, then the body it is part of ("CIA" -> CIA, United States)."""
        parent = self._entries.get(e.part_of) if e.part_of else None
        return (e.actor, parent.actor) if parent is not None else (e.actor,)

    def _place(self, t: _Tok) -> _Entry | None:
        """The country/organisation a modifier token names ("US", "Russian", "Kremlin")."""
        if t.kind == "dem":
            return t.value
        if t.kind == "ent" and len(t.value) == 1 and t.value[0].kind != "person":
            return t.value[0]
        return None

    def _choose(self, cands: tuple[_Entry, ...], when: date, doc: _Doc) -> _Entry | None:
        """Among entries sharing an alias: the one named last in the document, else the only
        one in office on `when`, else the only candidate."""
        if len(cands) == 1:
            return cands[0]
        for a in reversed(doc.persons):
            for e in cands:
                if e.actor == a:
                    return e
        live = [e for e in cands if any(o.held(when) for o in e.offices)]
        if live:
            return live[0] if len(live) == 1 else None
        # nobody in office then: the one who last left an office before `when` ("Bush"
        # in 2012 is the son, in 1998 the father), else the first to take one after it
        done = [
            (max(o.end for o in e.offices if o.end is not None and o.end <= when), e)
            for e in cands
            if any(o.end is not None and o.end <= when for o in e.offices)
        ]
        if done:
            done.sort(key=lambda t: t[0])
            return done[-1][1] if len(done) == 1 or done[-1][0] != done[-2][0] else None
        later = [
            (min(o.start for o in e.offices if o.start is not None), e)
            for e in cands
            if any(o.start is not None for o in e.offices)
        ]
        if later:
            later.sort(key=lambda t: t[0])
            return later[0][1] if len(later) == 1 or later[0][0] != later[1][0] else None
        return None

    def _name_after(
        self,
        text: str,
        toks: list[_Tok],
        j: int,
        pos: int,
        when: date,
        doc: _Doc,
        of: str | None = None,
        office: str | None = None,
        surname_only: bool = False,
        apposition: bool = False,
        mononym: bool = False,
    ) -> tuple[Actor, int, int] | None:
        """The person named right after a title/honorific at `pos`: a gazetteer alias token,
        a surname ("Mrs May"), or an unknown capitalised First Last name (a new actor). With
        `apposition`, also a name set off by commas ("Russia's envoy, Vassily Nebenzia,")."""
        got = self._name_at(text, toks, j, pos, when, doc, of, office, surname_only, mononym)
        if got is not None or not apposition:
            return got
        m = _APPOS.match(text, pos)
        if m is None:
            # "The leader of the pro-union bloc, Predrag Bulatovic,": the office's body or
            # place (a few lowercase or capitalised words, no clause) before the name
            phrase = _OF_PHRASE.match(text, pos)
            if phrase is None or _NOT_APPOSITIVE.search(phrase.group()):
                return None
            m = _APPOS.match(text, phrase.end())
            if m is None:
                return None
        j = self._skip(toks, j, m.end())
        got = self._name_at(text, toks, j, m.start() + 1, when, doc, of, office, False)
        if got is not None and (got[1] >= len(text) or text[got[1]] in ",.;:)\n"):
            return got
        return None

    def _name_at(
        self,
        text: str,
        toks: list[_Tok],
        j: int,
        pos: int,
        when: date,
        doc: _Doc,
        of: str | None,
        office: str | None,
        surname_only: bool,
        mononym: bool = False,
    ) -> tuple[Actor, int, int] | None:
        if j < len(toks) and toks[j].kind == "ent" and _adjacent(text, pos, toks[j].start):
            cands = tuple(e for e in toks[j].value if e.kind == "person")
            if cands and (other := self._other_bearer(text, toks[j], cands)):
                # "President Fidel Sanchez Hernandez" is not Fidel Castro
                full = _plain_apostrophes(text[toks[j].start : other])
                known = self._entries.get(full)
                actor = known.actor if known is not None else Actor(full, "person", of)
                if office:
                    doc.offices.setdefault(actor.name, []).append((office, of))
                    if of:
                        doc.by_office[(office, of)] = actor
                return actor, other, self._skip(toks, j, other)
            if cands:
                e = self._choose(cands, when, doc)
                if e is not None:
                    return e.actor, toks[j].end, j + 1
            return None
        m = _NAME_WORDS.match(text, pos)
        if not m:
            return None
        if not text[m.start(1)].isupper() and not self._lowercase_leads:
            # "the president said": the loop below would stop at the first word, taking
            # none (its first letter is kept when a stop or possessive is cut off, and only
            # a name prefix or a surname that is a stop word goes on in lowercase). Same
            # result, without reading the words.
            return None
        words: list[tuple[int, int]] = []  # spans of the name's words
        hit: tuple[_Entry, ...] = ()  # "Dmitry Kuleba": a known surname ends the name
        for w in _NAME_WORD.finditer(m.group(1)):
            ws, we = m.start(1) + w.start(), m.start(1) + w.end()
            word = text[ws:we]
            if word[-1] == "." and not _INITIALS.fullmatch(word):
                word, we = word[:-1], we - 1  # sentence end, unless initials ("J.", "A.A.K.")
                last = True
            else:
                last = False
            poss = _POSS_END.search(word)
            if poss:
                word, we, last = word[: poss.start()], we - len(poss.group()), True
            if not words and word in self._name_prefixes:
                continue  # "Admiral Sir John Jellicoe": the name is John Jellicoe
            if not words and word in self._surnames and word in self._name_stop:
                words.append((ws, we))  # "Prime Minister May", "Mrs May": not the month
                break
            if word in RUN_ON_PARTICLES and words:
                words.append((ws, we))
            elif (word[:1].isupper() and word not in self._name_stop and word not in self._lex) or (
                words and _NAME_PREFIXED.match(word)
            ):
                words.append((ws, we))
            elif word[:1].isupper() and word in self._lex and self._lex[word].kind == "ent":
                hit = tuple(x for x in self._lex[word].value if x.kind == "person")
                if hit and words:
                    words.append((ws, we))
                elif words and text[words[-1][0] : words[-1][1]] in _SURNAME_PARTICLES:
                    words.append((ws, we))  # "Christian de Castries": no place after "de"
                    if not last:
                        continue
                break
            else:
                break
            if last:
                break
        while words and text[words[-1][0] : words[-1][1]] in RUN_ON_PARTICLES:
            words.pop()
        if not words:
            return None
        if hit and len(words) > 1:
            # "Shintaro Abe" is not Shinzo Abe: a given name none of the known Abes bears
            # makes the name a new person's
            given = [text[s:e] for s, e in words[:-1]]
            hit = tuple(x for x in hit if _given_fits(given, x, text[words[-1][0] : words[-1][1]]))
        if hit:
            e = self._choose(hit, when, doc)
            if e is None:
                return None
            return e.actor, words[-1][1], self._skip(toks, j, words[-1][1])
        first = text[words[0][0] : words[0][1]]
        full = _plain_apostrophes(text[words[0][0] : words[-1][1]])
        if "." in full:
            full = _GLUED_INITIAL.sub(" ", full)
        # Surname of someone known: "Prime Minister May", "Mrs May", "Mr Kuleba".
        if len(words) == 1 or surname_only:
            surname = first
            for a in reversed(doc.persons):
                if surname in doc.surnames and a in doc.surnames[surname]:
                    return a, words[0][1], self._skip(toks, j, words[0][1])
            cands = tuple(self._surnames.get(surname, ()))
            if office:  # "President Clinton": the Clinton who was ever president (of `of`)
                held = [
                    e
                    for e in cands
                    if any(o.office == office and of in (None, o.of) for o in e.offices)
                ]
                cands = tuple(held) or cands
            e = self._choose(cands, when, doc) if cands else None
            if e is not None:
                return e.actor, words[0][1], self._skip(toks, j, words[0][1])
            if surname_only or not (mononym and _MONONYM_END.match(text, words[0][1])):
                return None
            if len(first) < 2:
                return None  # "Gen Z protesters": a generation, no one's name
            # "Gen. Wiranto said", "Col. Assimi, who": after a rank, one name is the man's
            # whole name (as many Indonesians, Burmese and Arabs are named)
        if any(text[s:e] in self._not_name for s, e in words):
            return None  # "General Motors Corporation", "Chief Operating Officer"
        known = self._entries.get(full)
        held = self.holder(office, of, when) if office and of and known is None else None
        if known is not None and known.kind == "person":
            actor = known.actor
        elif held is not None and _same_name(held.name, full):
            # "the Iraqi prime minister, Abdul Karim Qasim" in 1961: the holder, whose name
            # the gazetteer spells "Abd al-Karim Qasim"
            actor = held
        elif same := next((a for a in doc.persons if _same_name(a.name, full)), None):
            actor = same  # "Iraq's prime minister, Gen. Abdul Karim Qasim": named just before
        else:
            for a in doc.persons:
                if a.name == full:
                    actor = a
                    break
            else:
                actor = Actor(full, "person", of)
        if office:
            doc.offices.setdefault(actor.name, []).append((office, of))
            if of:
                doc.by_office[(office, of)] = actor
        return actor, words[-1][1], self._skip(toks, j, words[-1][1])

    def _other_bearer(self, text: str, tok: _Tok, cands: tuple[_Entry, ...]) -> int:
        """Where the name ends when `tok` is a given name that stands alone for someone
        ("Fidel" for Fidel Castro) but is followed here by a surname none of them bears
        ("Fidel Sanchez Hernandez"), or a surname followed by more name words none of them
        bears, which make it the given name of someone else ("spokesman, Nasser Kanaani",
        "Gen. Erhard Buehler": not Gamal Abdel Nasser, not Ludwig Erhard); else 0."""
        word = text[tok.start : tok.end]
        if tok.possessive or " " in word:
            return 0
        if any(e.name.split(" ")[0] != word for e in cands) and any(
            (e.surname or e.name.split(" ")[-1]) != word for e in cands
        ):
            return 0
        known = {_skeleton(w) for e in cands for n in (e.name, *e.aliases) for w in n.split()}
        end = 0
        for m in _FOLLOWING_NAME_WORD.finditer(text, tok.end):
            if m.start() != (end or tok.end):
                break
            w = m.group(1)
            if self._neutral_word(w) or w in self._name_stop:
                break
            if not end and _skeleton(w) in known:
                return 0  # "Fidel Castro Ruz", "Isaias Afewerki": the same man
            end = m.start(1) + len(w)
        return end

    @staticmethod
    def _skip(toks: list[_Tok], j: int, end: int) -> int:
        while j < len(toks) and toks[j].start < end:
            j += 1
        return j

    def _two_counterparts(
        self, text: str, toks: list[_Tok], j: int, when: date, doc: _Doc
    ) -> _Hit | None:
        """'his French and British counterparts': the two counterparts, one mention."""
        if j + 2 >= len(toks):
            return None
        x, y, c = toks[j], toks[j + 1], toks[j + 2]
        if not (
            x.kind in ("ent", "dem")
            and y.kind in ("ent", "dem")
            and c.kind == "cpart"
            and c.value  # plural
            and text[x.end : y.start] == " and "
            and _adjacent(text, y.end, c.start)
        ):
            return None
        px, py = self._place(x), self._place(y)
        if px is None or py is None:
            return None
        both = (self._counterpart(px, when, doc), self._counterpart(py, when, doc))
        if both[0] is None or both[1] is None:
            return None
        return _Hit(toks[j - 1].start, c.end, (both[0], both[1]), j + 3)

    def _counterpart(self, place: _Entry, when: date, doc: _Doc) -> Actor | None:
        """'his Ukrainian counterpart': the holder, in `place`, of the office of the person
        named last (a leader's counterpart is the other leader: a chancellor's French
        counterpart is the French president); else a person of `place` named earlier with
        that office (or, if the office is unknown, any person of `place` named earlier).
        None rather than a guess."""
        got = self._office_of(doc.persons[-1], when, doc) if doc.persons else None
        for a in reversed(doc.persons):
            if a.affiliation != place.name:
                continue
            if got is None or (self._office_of(a, when, doc) or ("", None))[0] == got[0]:
                found: Actor | None = a
                break
        else:
            found = None
        if got is None:
            return found
        office, of = got
        held = self.holder(office, place.name, when) or doc.by_office.get((office, place.name))
        if held is not None:
            return held
        if found is not None:
            return found
        lead = self._leader(of, when) if of else None
        if lead is not None and lead[0] == office:
            return self.holder("leader", place.name, when)
        return None

    def _last_two(
        self, office: str, when: date, doc: _Doc, count: int = 2
    ) -> tuple[Actor, ...] | None:
        """'both presidents': the two most recently named distinct holders of `office`
        ("the three leaders": the `count` last)."""
        found: list[Actor] = []
        for a in reversed(doc.persons):
            if a in found:
                continue
            got = self._office_of(a, when, doc)
            if got is None:
                continue
            ok = got[0] == office
            if office == "leader":
                lead = self._leader(got[1], when) if got[1] else None
                ok = (lead is not None and lead[0] == got[0]) or got[0] in _HEAD_OFFICES
            if ok:
                found.append(a)
                if len(found) == count:
                    return tuple(reversed(found))
        return None

    @staticmethod
    def _not_yet(tok: _Tok, s: int, e: int, when: date) -> bool:
        """Whether `tok` spans exactly text[s:e] and names only people of the gazetteer who
        had not yet taken any of their offices on `when`."""
        if tok.start != s or tok.end != e or tok.kind != "ent":
            return False
        return all(
            x.kind == "person"
            and x.offices
            and all(o.start is not None and o.start > when for o in x.offices)
            for x in tok.value
        )

    def _note(self, text: str, toks: list[_Tok], end: int, actor: Actor, doc: _Doc) -> None:
        """Remember a mention; for a person, link their later bare surname (once)."""
        if actor.kind == "organisation":
            doc.orgs.append(actor.name)
            return
        if actor.kind != "person":
            return
        doc.persons.append(actor)
        if actor.name in doc.linked:
            return
        doc.linked.add(actor.name)
        e = self._entries.get(actor.name)
        if e is not None and e.actor == actor:
            if not e.surname or (
                e.ambiguous_surname
                and e.surname not in _MONTH_SURNAMES
                and (e.surname in self._name_stop or e.surname.lower() in _WORD_SURNAMES)
            ):
                return
            # an ambiguous surname ("Lee", "Zayed", "Duvalier": several people, none of
            # them an English word) is not matched alone anywhere, but after this
            # person's full name it is this person again (not after a title or another
            # name word: "Jordan's King Abdullah" after "Saudi King Abdullah")
            surname = e.surname
            ambiguous = e.ambiguous_surname
        else:
            parts = [p for p in actor.name.split(" ") if p not in RUN_ON_PARTICLES]
            if len(parts) < 2:
                return
            surname = parts[-1]
            words = actor.name.split(" ")
            if len(words) >= 3 and words[1] in _PATRONYMIC:
                # "Hamzah bin Hussein" is "Hamzah" again: bin, ibn name the father
                surname = words[0]
            ambiguous = False
        head = actor.name[: -len(surname)] if actor.name.endswith(" " + surname) else ""
        if "'" in surname and surname not in text:  # written "O’Leary" in the text
            surname = next((v for c in "’ʼ‘`´" if (v := surname.replace("'", c)) in text), surname)
        if not surname.isascii() and surname not in text:
            # "Hugo Chavez ... Chavez said": news often drops the accents of a name
            plain = without_accents(surname)
            if plain in text:
                if not ambiguous:
                    doc.surnames.setdefault(surname, []).append(actor)
                surname, head = plain, without_accents(head)
        if not ambiguous:  # "Jordan's King Abdullah" is resolved by the title, not by this
            doc.surnames.setdefault(surname, []).append(actor)
        known = self._lex.get(surname)
        if known is not None and known.kind == "ent":
            # (a loop, not any() over a generator, and the same object before equal fields:
            # this runs for every person named. Same test.)
            for x in known.value:
                if x.actor is actor or x.actor == actor:
                    return  # already matched everywhere
        # str.find, not a regex: a surname recurs a few times at most, and this runs once
        # per person per article.
        ent: _Entry | None = None
        starts: list[int] | None = None
        pos = text.find(surname, end)
        while pos >= 0:
            s, e2 = pos, pos + len(surname)
            pos = text.find(surname, e2)
            if s and (text[s - 1].isalnum() or text[s - 1] == "_"):
                continue
            poss = _POSS_AT.match(text, e2)
            if poss:
                e2 = poss.end()
            if e2 < len(text) and (text[e2].isalnum() or text[e2] == "_"):
                continue
            if head and text[max(0, s - len(head)) : s] == head:
                s -= len(head)  # the full name again
            elif head and (tail := _head_tail(text, s, head)):
                s -= len(tail)  # "Castillo Armas" after "Carlos Castillo Armas"
            elif self._looks_like_personal_name(text, s, e2):
                continue  # "Wladimir Klitschko" is not "Vitali Klitschko"
            elif ambiguous and (w := _CAP_WORD_BEFORE.search(text, max(0, s - 30), s)):
                if w.group(1)[:1].isupper() or (
                    surname in _MONTH_SURNAMES and w.group(1).lower() in _BEFORE_MONTH
                ):
                    continue
            if surname in _MONTH_SURNAMES and not _VERB_AFTER_NAME.match(text, e2):
                continue  # "May said", "May held talks"; not "May 5", "May's election"
            if starts is None:
                starts = [t.start for t in toks]
            k = bisect.bisect_left(starts, s)
            if k < len(toks) and self._not_yet(toks[k], s, e2, doc.when):
                # "Chancellor Julius Raab ... Raab" in 1955 is not Dominic Raab, who took
                # his first office decades later: the article's own Raab wins
                if ent is None:
                    ent = _Entry(actor.name, "person", actor.affiliation)
                    ent.actor = actor
                toks[k] = _Tok(s, e2, "ent", (ent,), poss is not None)
                continue
            if k > 0 and toks[k - 1].end > s or k < len(toks) and toks[k].start < e2:
                continue  # overlaps something already found
            if ent is None:
                ent = _Entry(actor.name, "person", actor.affiliation)
                ent.actor = actor
            toks.insert(k, _Tok(s, e2, "ent", (ent,), poss is not None))
            starts.insert(k, s)


_KEYS = frozenset(
    "name kind affiliation aliases metonyms demonyms anaphors guarded guarded_before surname"
    " ambiguous_surname gender"
    " part_of offices leader remove_aliases until predecessor_of back_references legislature"
    " sovereign shared_until founded seats own_party central_bank".split()
)
_LISTS = (
    "aliases",
    "metonyms",
    "demonyms",
    "anaphors",
    "back_references",
    "guarded",
    "guarded_before",
    "remove_aliases",
)


def _read_entries(data: Any, source: str) -> list[dict[str, Any]]:
    """The actor entries of one file, checked: a clear error beats a silent no-op."""
    if isinstance(data, dict):
        if not set(data) <= {"_format", "actors", "decoys"} or not {"actors", "decoys"} & set(data):
            data = None  # an unknown layout: say what is expected
        else:
            data = data.get("actors", [])
    if not isinstance(data, list) or not all(isinstance(d, dict) and "name" in d for d in data):
        raise ValueError(f'{source}: an actors file holds {{"actors": [{{"name": ...}}, ...]}}')
    for d in data:
        where = f"{source}: actor {d['name']!r}"
        unknown = set(d) - _KEYS
        if unknown:
            raise ValueError(f"{where}: unknown field(s) {sorted(unknown)}; known: {sorted(_KEYS)}")
        for key in _LISTS:
            if key in d and not (
                isinstance(d[key], list) and all(isinstance(x, str) and x for x in d[key])
            ):
                raise ValueError(f"{where}: {key} must be a list of non-empty strings")
        for o in d.get("offices", ()):
            if not isinstance(o, dict) or not {"office", "of"} <= set(o):
                raise ValueError(f"{where}: each office needs 'office' and 'of'")
            try:
                _date(o.get("from")), _date(o.get("to"))
            except (TypeError, ValueError) as exc:
                raise ValueError(f"{where}: office dates must be YYYY-MM-DD ({exc})") from None
        for key in ("until", "founded"):
            try:
                _date(d.get(key))
            except (TypeError, ValueError) as exc:
                raise ValueError(f"{where}: '{key}' must be YYYY-MM-DD ({exc})") from None
        seats = d.get("seats", {})
        if not isinstance(seats, dict) or not all(
            isinstance(k, str) and k and isinstance(v, str) and v for k, v in seats.items()
        ):
            raise ValueError(f"{where}: seats must map an alias to a state's name")
        if d.get("gender", "female") not in ("female", "male"):
            raise ValueError(f"{where}: gender must be 'female' or 'male' (leave it out: unknown)")
    return data


def _merge(entries: dict[str, _Entry], raw: dict[str, Any], source: str) -> None:
    name = raw["name"]
    e = entries.get(name)
    kind = raw.get("kind", e.kind if e is not None else None)
    if kind not in ("person", "country", "organisation"):
        raise ValueError(f"{source}: actor {name!r}: kind must be person, country or organisation")
    if e is None:
        e = entries[name] = _Entry(name, kind)
    for key in (
        "kind",
        "affiliation",
        "surname",
        "ambiguous_surname",
        "gender",
        "part_of",
        "predecessor_of",
        "legislature",
        "central_bank",
        "sovereign",
        "own_party",
    ):
        if key in raw:
            setattr(e, key, raw[key])
    if "surname" in raw:
        e.family_name = raw["surname"]
    if "until" in raw:
        e.until = _date(raw["until"])
    if "shared_until" in raw:
        e.shared_until = _date(raw["shared_until"])
    if "founded" in raw:
        e.founded = _date(raw["founded"])
    e.seats.update(raw.get("seats", {}))
    for key in _LISTS:
        if key == "remove_aliases":
            continue  # (applied below)
        lst: list[str] = getattr(e, key)
        lst.extend(a for a in raw.get(key, ()) if a not in lst)
    drop = set(raw.get("remove_aliases", ()))
    if drop:
        for key in ("aliases", "metonyms", "demonyms", "anaphors"):
            setattr(e, key, [a for a in getattr(e, key) if a not in drop])
    for o in raw.get("offices", ()):
        e.offices.append(Office(o["office"], o["of"], _date(o.get("from")), _date(o.get("to"))))
    if "leader" in raw:
        lead = raw["leader"]
        specs = lead if isinstance(lead, list) else [lead]
        e.leader = []
        for s in specs:
            if isinstance(s, str):
                s = {"office": s}
            e.leader.append((s["office"], s.get("of"), _date(s.get("from")), _date(s.get("to"))))
    if e.kind == "person" and e.surname is None and " " in e.name:
        e.surname = e.name.split(" ")[-1]


def _check_references(
    entries: dict[str, _Entry], checked: dict[str, _Entry], offices: set[str], source: str
) -> None:
    """The names the `checked` entries give (affiliation, part_of, an office's "of") are
    actors, and their offices are ones titles.json knows: a misspelt name or office would
    otherwise be taken without a word and never used. Affiliation is a person's (the
    filter's "people affiliated with" an actor); a body of a state or organisation is
    `part_of` it."""
    for e in checked.values():
        where = f"{source}: actor {e.name!r}"
        if e.affiliation is not None and e.kind != "person":
            raise ValueError(
                f"{where}: affiliation is for people; a body of a state or an organisation "
                "is 'part_of' it"
            )
        for key in ("affiliation", "part_of"):
            name = getattr(e, key)
            if name is not None and name not in entries:
                raise ValueError(f"{where}: {key} {name!r} is no known actor")
        for o in e.offices:
            if o.of not in entries:
                raise ValueError(f"{where}: office {o.office!r} of {o.of!r}: no known actor")
            if o.office not in offices:
                close = difflib.get_close_matches(o.office, sorted(offices), n=3)
                hint = f" (did you mean {', '.join(map(repr, close))}?)" if close else ""
                raise ValueError(f"{where}: unknown office {o.office!r}{hint}")


@functools.lru_cache(maxsize=8)
def _load_cached(extra: str | None, mtime: float) -> Gazetteer:
    del mtime  # part of the cache key only: an edited user file is re-read
    entries: dict[str, _Entry] = {}
    for fname in _ACTOR_FILES:
        with open(RESOURCES / fname, encoding="utf-8") as f:
            for raw in _read_entries(json.load(f), fname):
                _merge(entries, raw, fname)
    with open(RESOURCES / "titles.json", encoding="utf-8") as f:
        titles = json.load(f)
    with open(RESOURCES / "decoys.json", encoding="utf-8") as f:
        decoys = json.load(f)
    offices = {spec["office"] for spec in titles["offices"]}
    _check_references(entries, entries, offices, "the package's actors")
    phrases = list(decoys["phrases"])
    if extra is not None:
        with open(extra, encoding="utf-8") as f:
            try:
                user = json.load(f)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{extra}: not valid JSON ({exc})") from None
        raws = _read_entries(user, extra)
        for raw in raws:
            _merge(entries, raw, extra)
        _check_references(entries, {r["name"]: entries[r["name"]] for r in raws}, offices, extra)
        if isinstance(user, dict):
            phrases += user.get("decoys", [])
    return Gazetteer(
        list(entries.values()),
        titles,
        phrases,
        decoys.get("company_words", ()),
        decoys.get("venue_words", ()),
        decoys.get("group_adjectives", ()),
    )


_TYPOGRAPHIC_APOSTROPHES = str.maketrans({c: "'" for c in "’ʼ‘`´"})


def without_accents(word: str) -> str:
    """ "Chávez" -> "Chavez": the letters without their combining marks."""
    if word.isascii():
        return word  # (most words: plain ASCII has no mark to drop, and NFKD keeps it)
    return "".join(c for c in unicodedata.normalize("NFKD", word) if not unicodedata.combining(c))


def _plain_apostrophes(name: str) -> str:
    """A name found in the text, with its typographic apostrophe made plain: "Michael
    O’Leary" and "Michael O'Leary" are one canonical name, as gazetteer names are written."""
    return name.translate(_TYPOGRAPHIC_APOSTROPHES)


def clear_first(counts: Mapping[str, int]) -> str | None:
    """The name counted most, when counted at least twice and more often than any other
    (an article's own country, by how often it is named)."""
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])[:2]
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def _one_entry(tok: _Tok) -> _Entry | None:
    """The one entry a token names (a demonym's, or a name's with a single reading)."""
    if tok.kind == "dem":
        return tok.value
    if tok.kind == "ent" and len(tok.value) == 1:
        return tok.value[0]
    return None


# Bodies the gazetteer lacks, named the way news introduces them: a capitalised name with
# its acronym in parentheses ("the National Resistance Front (NRF)"), then the acronym
# alone; or a capitalised name whose last word is the head noun of a movement or an armed
# group ("the Popular Liberation Front said"). Parties, councils and committees are left
# out: they are mostly a state's own bodies, which its name or demonym already gives.
_BODY_WORD = r"(?:[A-Z][\w'’.-]*|of|the|for|and|in|de|del|des|du|la|le|al|el)"
# found from their rare end (an acronym in parentheses, a head noun), then read backwards
_ACRONYM = re.compile(r" \(([A-Z][A-Z0-9&-]{1,7})\)")
_NAME_BEFORE = re.compile(rf"(?<![\w'’-])[A-Z][\w'’.-]*(?:[ ]{_BODY_WORD}){{1,7}}$")
_SEAT_HEADS = ("Commission", "Council", "Tribunal", "Committee")
_HEAD_WORDS = ("Front", "Movement", "Brigade", "Brigades", "Forces", "Army", "Militia", "Rebels")
# (as a trie, and run over every article: quicker than testing first for each word in it)
_HEAD = re.compile(rf" (?:{alternation([*_HEAD_WORDS, *_SEAT_HEADS])})(?![\w'’-])")
# the head nouns of an institution's name: with one, a name before an acronym in another
# language is still the body's ("the Supreme Electoral Tribunal (TSE)")
_INSTITUTION = re.compile(
    r"(?:Front|Movement|Army|Forces|Commission|Council|Tribunal|Committee|Court|Party|Union"
    r"|Alliance|Assembly|Agency|Authority|Service|Organi[sz]ation|Office|Bank)$"
)
_MEMBER_OF = re.compile(r"\bof (?:the )?$")
_STARTS_TOO_EARLY = re.compile(
    r"^.*\b(?!(?:Front|Movement|Army|Forces|Commission|Council|Tribunal|Committee|Court|Party"
    r"|Union|Alliance|Assembly|Agency|Authority|Service|Organi[sz]ation|Office|Bank) )"
    r"[A-Z][\w'’.-]* (?:for|of) (?:the )?"
)
# what may follow the head word of a council or a committee inside its name: whose it is
# ("the Great Council of Chiefs")
_OF_NAME_AFTER = re.compile(r" of (?:the )?[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,3}(?![\w'’-])")
_HEADED_BEFORE = re.compile(r"(?<![\w'’-])(?:[A-Z][\w'’-]*[ ](?:(?:of|for|and|the)[ ]){0,2}){1,5}$")
# A document named after a body-like name is no body: "the Intermediate-Range Nuclear
# Forces treaty", "the Intermediate-Range Nuclear Forces (INF) Treaty"
_DOCUMENT_AFTER = re.compile(
    r"(?:[ ]\([A-Z][A-Z0-9&-]{1,7}\))?"
    r"[ ](?:[Tt]reaty|[Aa]ccords?|[Pp]act|[Pp]rotocol|[Cc]onvention)\b"
)
# A holiday named after a body or a state is no actor: "Armed Forces Day", "Russia Day"
_DAY_AFTER = re.compile(r"[ ]Day(?![\w'’-])")
_BODY_LEAD = frozenset("The A An This That These Its Their His Her In On At By For".split())
# A group the gazetteer lacks, named the way news introduces one: its name before the noun
# of an armed or political group ("his Kalanga fighters", "the Ombra secret police", "the
# Tovo movement"), after a group noun in apposition ("the dockers' union Unita Nova", "the
# farmers' federation Agrol", "the committee, known as the Vigil"), or with an appositive
# saying what it is ("Kerebet, an armed group,"). Named as written; its later bare
# mentions ("Kalanga seized the port") name it too.
_GROUP_NOUNS = (
    "fighters|rebels|guerrillas|militia|militias|militiamen|gunmen|insurgents|movement"
    "|secret police"
)
_NAME_AFTER_WORDS = frozenset(_GROUP_NOUNS.split("|"))
_NAME_BEFORE_WORDS = frozenset("group movement union federation bloc faction militia party".split())
_NAMING_WORDS = frozenset("committee council junta police".split())
# all forms found in one pass over the text, from the group word (a space first: re then
# skips in C from blank to blank), then the name read beside it. (The words as a trie, as
# _HEAD: fewer alternatives to try at each blank, a fifth faster. The same matches as the
# words longest first: of two words that match at one place, the shorter is a prefix of
# the longer, followed by a letter, which the look-ahead refuses.)
_GROUP_WORD = re.compile(
    " ("
    + alternation(_NAME_AFTER_WORDS | _NAME_BEFORE_WORDS | _NAMING_WORDS, blank=None)
    + r")(?![\w'’-])"
)
_NAMING = re.compile(r",? (?:known as|called) (?:the )?(?=[A-Z])")
_GROUP_APPOSITIVE = re.compile(
    r", an? (?:[\w-]+ ){0,3}(?:group|movement|militia|faction|organi[sz]ation|federation|union)"
    r"(?=[,;.)])"
)
_GROUP_NAME_AT = re.compile(r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}(?![\w'’-])")
_GROUP_WORD_BEFORE = re.compile(r"(?<![\w'’.-])[A-Z][\w'’-]+$")
_GROUP_NAME_BEFORE = re.compile(r"(?<![\w'’.-])[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}$")


def _group_names(text: str) -> list[tuple[int, int]]:
    """The spans of the names _with_named_bodies reads as groups (see _GROUP_NOUNS)."""
    out: list[tuple[int, int]] = []
    for m in _GROUP_WORD.finditer(text):
        word, at, end = m.group(1), m.start(), m.end()
        if word in _NAME_AFTER_WORDS and (
            b := _GROUP_WORD_BEFORE.search(text, max(0, at - 40), at)
        ):
            out.append(b.span())  # "his Kalanga fighters"
        if word in _NAME_BEFORE_WORDS or word in _NAMING_WORDS:
            link = _NAMING.match(text, end)
            if link is None and word in _NAME_BEFORE_WORDS and text.startswith(" ", end):
                link = m  # "the union Solidarity": the name right after the word
                end += 1
            if link is not None and (a := _GROUP_NAME_AT.match(text, max(end, link.end()))):
                out.append(a.span())
    if ", a" in text:
        for m in _GROUP_APPOSITIVE.finditer(text):
            if b := _GROUP_NAME_BEFORE.search(text, max(0, m.start() - 80), m.start()):
                out.append(b.span())
    return out


# A preposition of place right before a name, and a word's edge: the two ends of
# ``re.search(rf"\b(?:in|to|from|into|across|near|at) {re.escape(name)}\b", text)``,
# compiled once instead of for each name (see _said_again)
_PLACE_WORD_BEFORE = re.compile(r"\b(?:in|to|from|into|across|near|at) \Z")
_EDGE = re.compile(r"\b")


def _after_place_word(text: str, name: str) -> bool:
    """Whether `name` stands somewhere in `text` as a word after a preposition of place
    ("troops flew to Kivu"): the search above, tried at each place str.find finds the name
    (the preposition and its blank, seven characters at most, end there)."""
    at = text.find(name)
    while at >= 0:
        if _EDGE.match(text, at + len(name)) and _PLACE_WORD_BEFORE.search(
            text, max(0, at - 7), at
        ):
            return True
        at = text.find(name, at + 1)
    return False


_TOKEN_BEFORE = re.compile(r"(\S+)[ \t\u00a0]+$")
_COUNT_WORDS = frozenset(
    "two three four five six seven eight nine ten dozen dozens hundred hundreds thousand"
    " thousands some several many few".split()
)
# capitalised words that open a clause or a title, or head a name, rather than name a group
_NOT_GROUP_NAMES = frozenset(
    "The A An His Her Their Its Our This That These Those Armed Rebel Government Army"
    " Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March"
    " April May June July August September October November December President Prime"
    " Minister Chief Leader Chairman Secretary General Commander Director Spokesman Mr Mrs"
    " Ms Dr Sir Party Union Front Movement Council Committee Group".split()
)


def _body_name(phrase: str) -> str:
    words = phrase.split(" ")
    while words and words[0] in _BODY_LEAD:
        words = words[1:]
    return " ".join(words)


def _with_named_bodies(
    text: str, out: list[ActorMention], not_groups: frozenset[str] = frozenset()
) -> list[ActorMention]:
    """Organisations introduced in the text though the gazetteer lacks them: a capitalised
    name with its acronym in parentheses, then the acronym alone; or a capitalised name
    headed by the word of a movement or an armed group (_HEAD). A new organisation `Actor`
    named by its acronym when the text gives one ("UUP"), else as written. A name that
    covers a known actor stays that actor ("Syrian Democratic Forces" is in the gazetteer;
    "the Russian Army" is Russia's)."""
    intros = list(_ACRONYM.finditer(text)) if " (" in text else []
    heads = list(_HEAD.finditer(text))
    groups = _group_names(text)
    if not intros and not heads and not groups:
        return out
    known = {a.name for m in out for a in m.actors}
    spans = [(m.start, m.end) for m in out]
    found: list[ActorMention] = []
    bodies: dict[str, Actor] = {}
    acronyms: dict[str, Actor] = {}
    renamed: dict[Actor, Actor] = {}  # a known body -> the article's own of the same name
    dropped: set[tuple[int, int]] = set()

    def free(a: int, b: int) -> bool:
        return not any(x < b and a < y for x, y in spans)

    for m in intros:
        acronym, end = m.group(1), m.start()
        before = _NAME_BEFORE.search(text, max(0, end - 120), end)
        if before is None:
            continue
        # the shortest name that starts with the acronym's first letter, with one word per
        # letter at most: "the Ministry of Defence (MoD)" and "talks in Geneva (AFP)" are not
        words = _body_name(before.group()).split(" ")
        caps = [i for i, w in enumerate(words) if w[:1] == acronym[0]]
        # first a name whose initials spell the acronym ("the Special Court for Sierra
        # Leone (SCSL)", not "Sierra Leone"), else the shortest that fits
        name = ""
        for i in caps:
            cand = [w for w in words[i:] if w[:1].isupper()]
            if len(cand) >= 2 and "".join(w[0] for w in cand) == acronym.upper():
                name = " ".join(words[i:])
                break
        for i in reversed(caps if not name else ()):
            cand = [w for w in words[i:] if w[:1].isupper()]
            if 2 <= len(cand) <= len(acronym) + 1:
                name = " ".join(words[i:])
                break
        if not name and words[0][:1].isupper() and _INSTITUTION.search(words[-1]):
            cand = [w for w in words if w[:1].isupper()]
            if 2 <= len(cand) <= len(acronym) + 1:
                name = " ".join(words)  # an acronym in another language
        if not name or name in known or acronym in known:
            continue
        if _DOCUMENT_AFTER.match(text, m.end()):
            continue
        if any(x.start == m.start(1) for x in out):
            continue  # the gazetteer knows the acronym: "the Islamic State of Iraq and the
            # Levant (ISIL)" is the Islamic State
        start = end - len(name)
        if not free(start, end):
            # a place or body named inside the body's own name is part of it: "the
            # International Force for East Timor (INTERFET)", "the Special Court for Sierra
            # Leone (SCSL)"
            inner = [x for x in spans if x[0] < end and start < x[1]]
            if not all(start <= a and b <= end for a, b in inner):
                continue
            dropped.update(inner)
            spans = [x for x in spans if x not in dropped]
        # named by its acronym, as news names it afterwards and as the gazetteer names the
        # bodies it knows ("NATO", "OSCE"): one actor for "the Ulster Unionist Party (UUP)"
        # and the later "UUP"
        actor = bodies.setdefault(acronym, Actor(acronym, "organisation"))
        acronyms[acronym] = actor
        same = [x for x in out if x.start == start and x.end == end]
        if same and len(same[0].actors) == 1 and same[0].actors[0].kind == "organisation":
            # the whole name is a known body's, with another acronym: "the National
            # Liberation Army (NLA)" of Macedonia is not Colombia's ELN, nor are "the
            # rebels" after it
            renamed[same[0].actors[0]] = actor
        found.append(ActorMention(start, end, name, (actor,)))
        spans.append((start, m.end()))
    for m in reversed(heads):  # the longest name first: "Supreme Council of the ... Forces"
        end = m.end()
        before = _HEADED_BEFORE.search(text, max(0, m.start() - 80), m.start() + 1)
        if before is None:
            continue
        name = _body_name(text[before.start() : end])
        if cut := _STARTS_TOO_EARLY.search(name):
            # a name's "for" or "of" follows its head noun ("Council of the Armed Forces");
            # before another word, it began earlier than the name: "Krim Belkacem for the
            # National Liberation Front"
            name = name[cut.end() :]
        start = end - len(name)
        canon = _plain_apostrophes(name)
        if len(name.split(" ")) < 2 or name in known or not free(start, end):
            continue
        if _DOCUMENT_AFTER.match(text, end) or _DAY_AFTER.match(text, end):
            continue  # "the Armed Forces Day": a holiday
        if m.group().endswith(_SEAT_HEADS) and _MEMBER_OF.search(text, max(0, start - 12), start):
            continue  # "chairman of the Senate Foreign Relations Committee": a seat he holds
        if _headline_case(text, start):
            continue
        if (
            m.group().endswith(_SEAT_HEADS)
            and (tail := _OF_NAME_AFTER.match(text, end))
            and free(end, tail.end())
        ):
            end = tail.end()  # "the Great Council of Chiefs"
            name = text[start:end]
            canon = _plain_apostrophes(name)
        actor = bodies.setdefault(canon, Actor(canon, "organisation"))
        found.append(ActorMention(start, end, name, (actor,)))
        spans.append((start, end))
    for start, end in groups:
        name = text[start:end]
        if name.endswith(("'", "’", "'s", "’s")):
            continue  # its owner: "Kalu's movement"
        if name.split(" ")[0] in not_groups or name in known or not free(start, end):
            continue
        if any(c.isdigit() for c in name):
            continue  # a weapon: "F-16 fighters"
        before = _TOKEN_BEFORE.search(text, max(0, start - 40), start)
        prev = before.group(1) if before is not None else ""
        if (
            prev[:1].isupper()
            and prev not in _BODY_LEAD
            and not prev.endswith(("'", "’", "'s", "’s"))
            or prev[:1].isdigit()
            or prev.lower() in _COUNT_WORDS
        ):
            continue  # the end of a longer name ("New Jersey militia") or a count of men
            # or aircraft ("200 Kalanga militia", "18 Mirage fighters")
        if _after_place_word(text, name):
            continue  # a place: "Kivu rebels" and "troops flew to Kivu"
        lead = text[max(0, start - 3) : start].rstrip(_BLANKS)
        if (
            not lead
            or lead[-1] in '.!?\n"“'
            or lead[-2:] in (" '", " ‘")
            or _headline_case(text, start)
        ):
            continue  # a capital that opens a sentence or a headline word names nothing
        canon = _plain_apostrophes(name)
        actor = bodies.setdefault(canon, Actor(canon, "organisation"))
        acronyms[name] = actor
        found.append(ActorMention(start, end, name, (actor,)))
        spans.append((start, end))
    for acronym, actor in acronyms.items():
        for a, b in _said_again(text, acronym):
            if free(a, b):
                found.append(ActorMention(a, b, text[a:b], (actor,)))
                spans.append((a, b))
    if not found:
        return out
    if dropped:
        out = [m for m in out if (m.start, m.end) not in dropped]
    if renamed:
        out = [
            _replace_mention(m, actors=tuple(renamed.get(a, a) for a in m.actors))
            if any(a in renamed for a in m.actors)
            else m
            for m in out
        ]
    return sorted([*out, *found], key=lambda m: m.start)


# A person described, not named, as the subject that opens a sentence: "The ousted
# president crossed into Ivory Coast that night", "The former UN secretary-general told
# the council", "The 38-year-old former army commander will address the nation". The
# description is the person named last before it (within _DESCRIBED_REACH characters, in an
# earlier sentence); a title the gazetteer resolves ("The US president") is a mention
# already and is left alone, and so is a description followed by its name or an "of"
# ("The president, Idriss Deby,", "The president of the court").
_DESCRIBED = re.compile(
    r"The "
    r"(?:(?:new|former|ousted|deposed|exiled|outgoing|late|veteran|embattled|\d+-year-old"
    r"|[A-Z]{2,3}|army|armed forces|military|rebel|opposition|party)[ ]){0,4}"
    r"(president|king|queen|monarch|emperor|shah|prime minister|premier|chancellor"
    r"|secretary-general|secretary general|leader|general|commander|strongman|dictator)"
    r"(?= (?!of |and |or )[a-z])"
)
_DESCRIBED_REACH = 400
# the gazetteer's office a title word names (the others fit anyone: "leader", "general")
_DESCRIBED_OFFICE = {
    "president": "president",
    "prime minister": "prime minister",
    "premier": "prime minister",
    "chancellor": "chancellor",
    "king": "monarch",
    "queen": "monarch",
    "monarch": "monarch",
    "emperor": "emperor",
    "shah": "monarch",
    "secretary-general": "secretary-general",
    "secretary general": "secretary-general",
}


def _with_described_people(
    text: str, out: list[ActorMention], offices: Callable[[str], list[Office]]
) -> list[ActorMention]:
    """`out` with the people described as a sentence's opening subject (see _DESCRIBED). A
    title of an office ("president", "king") fits only a person the gazetteer knows to have
    held it at some time ("The new president" is not the prime minister named just before,
    "The king" not "Queen Anna Varo"); the others ("leader", "commander") fit anyone. A
    state or body named inside the description ("The former UN secretary-general") is its
    qualifier."""
    found: list[ActorMention] = []
    inside: set[int] = set()
    starts = [m.start for m in out]
    for d in _DESCRIBED.finditer(text):
        before = text[max(0, d.start() - 3) : d.start()]
        if before and not (
            before.endswith("\n") or before[-1:] == " " and before[-2:-1] in '.!?"”’'
        ):
            continue  # not a sentence's first word
        i = j = bisect.bisect_left(starts, d.start())
        while j < len(out) and out[j].start < d.end():
            j += 1
        if any(a.kind == "person" for m in out[i:j] for a in m.actors):
            continue  # a title resolved already: "The US president"
        office = _DESCRIBED_OFFICE.get(d.group(1))
        for m in reversed(out[max(0, i - 8) : i]):
            if m.end < d.start() - _DESCRIBED_REACH:
                break
            if len(m.actors) != 1 or m.actors[0].kind != "person":
                continue
            held = {o.office for o in offices(m.actors[0].name)}
            if office is not None and office not in held:
                continue
            quals = tuple(dict.fromkeys(a for x in out[i:j] for a in x.actors))
            found.append(ActorMention(d.start(), d.end(), d.group(), m.actors, quals))
            inside.update(range(i, j))
            break
    if not found:
        return out
    kept = [m for k, m in enumerate(out) if k not in inside]
    return sorted([*kept, *found], key=lambda m: m.start)


# What ends a short back-reference ("the North"): not a longer name ("the North Korean
# leader", "the North Atlantic") nor a description ("the island nation of Japan")
_BACK_REF_END = (
    r"(?:['’]s?)?(?![\w-])(?![ ]+[A-Z])(?![ ]+(?:of|nation|state|country|kingdom|republic)\b)"
)


def _back_reference_regex(phrases: Iterable[str]) -> re.Pattern[str] | None:
    """One regex for the places' back-references ("the North", "The North's")."""
    alts = sorted(
        (f"[{p[0].upper()}{p[0].lower()}]{re.escape(p[1:])}" for p in phrases),
        key=len,
        reverse=True,
    )
    return re.compile(rf"(?<![\w-])(?:{'|'.join(alts)}){_BACK_REF_END}") if alts else None


def _with_back_references(
    text: str, out: list[ActorMention], refs: Mapping[str, str], pattern: re.Pattern[str]
) -> list[ActorMention]:
    """Short back-references news uses for a place once it is named (`back_references` in
    countries.json): "the North" after North Korea, "the island" after Taiwan."""
    names = set(refs.values())
    first: dict[str, tuple[int, Actor]] = {}  # place -> (end of its first mention, actor)
    for x in out:
        for a in x.actors:
            if a.name in names and a.name not in first:
                first[a.name] = (x.end, a)
    if not first:
        return out
    starts = [x.start for x in out]
    found = []
    for m in pattern.finditer(text):
        phrase = m.group()
        phrase = phrase[0].lower() + phrase[1:]
        for cut in ("'s", "’s", "'", "’"):
            if phrase.endswith(cut) and phrase not in refs:
                phrase = phrase[: -len(cut)]
                break
        got = first.get(refs.get(phrase, ""))
        if got is None or got[0] > m.start():
            continue
        i = bisect.bisect_left(starts, m.end())  # mentions starting before its end
        if i and out[i - 1].end > m.start():
            continue  # inside a longer mention
        found.append(ActorMention(m.start(), m.end(), m.group(), (got[1],)))
    return sorted([*out, *found], key=lambda x: x.start) if found else out
