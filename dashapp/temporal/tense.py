"""Clause tense around a temporal expression: does it point before or after the reference date?

The cue words are data (resources/temporal/tense_cues.tsv, past_verbs.tsv). Every cue in the
sentence votes for its direction with weight strength / (1 + distance)^2, where the
distance counts words plus a penalty for each clause boundary (comma, dash, "that",
"which", ...) in between (a list of names counts as one word); the strongest vote wins,
and a verb before the expression in its own clause outweighs what follows it. Reporting
verbs ("said", "told") only vote when they are close and in the same clause ("Biden said
Friday", "said in Washington on Monday"): elsewhere the reported clause decides ("the White
House said that in Sunday's call Biden will reaffirm ..." is future).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Literal

from dashapp.temporal.lexicon import lexicon

Tense = Literal["past", "future", "present"]

# (a hyphenated compound is one word: "NATO-led", "so-called", "run-up")
# (Latin letters outside ASCII too: "Pérez de Cuéllar" is three words, not five)
_TOKEN = re.compile(
    r"[A-Za-z\u00c0-\u024f]+(?:-[A-Za-z\u00c0-\u024f]+)*(?:['\u2019][a-z]+)?|--|[,;:()\u2014\u2013]"
)
_VERB_PREFIXES = ("re-", "co-")  # "re-elected", "co-founded": still verbs
# A sentence ends at . ! ? ; followed by blank and a capital/quote, or at a line break.
# (not after a title's abbreviation or an initial: "Gen. Maxwell Thurman", "B. J. Habibie")
# (The stop comes first and the look-behinds after it, so that the engine skips in C to
# the next [.!?;\n]: tried at every position, the look-behinds made tagging slower. The
# one character class leads both branches, a stop and a line break: re only skips ahead
# by a pattern's first character when it is a class or literal, and "A|\n" with A
# opening on a class has neither, so it was tried at every position all the same.)
_NOT_AFTER = "".join(
    rf"(?<!\b{a}\.)"
    for a in "[A-Z] Mr Mrs Ms Dr Gen Col Lt Maj Capt Sgt Adm Brig Cmdr Msgr Rev Fr Gov Sen Rep"
    " Prof St Jr Sr".split()
)
_BOUNDARY = re.compile(
    rf"[.!?;\n](?:(?<=[.!?;]){_NOT_AFTER}[\"'\u201d\u2019)]?\s+(?=[A-Z\"'\u201c\u2018(])|(?<=\n))"
)
_MAXW = 4  # longest cue phrase, in words
# Clause boundaries: a cue beyond one counts as if it were this many words further away.
_CLAUSE_PENALTY = 4
_SUBORDINATORS = frozenset(
    "that which who whom whose when while because amid amidst although though whereas where "
    "if unless and but".split()
)
# "due to the storm": causal, not the future "is due to speak"
_DETERMINERS = frozenset(
    "the a an this that these those his her its their our my your what which some any "
    "heavy high low poor bad strong".split()
)


def _cue_table() -> tuple[dict[str, tuple[str, float]], frozenset[str]]:
    lx = lexicon()
    return lx.tense_cues, lx.past_verbs


@cache
def _cue_words() -> dict[str, int]:
    """First word of a cue phrase -> the most words a cue starting with it has: longer
    phrases need not be looked up ("said" is never more than a word). Its keys are the
    words that can open a cue."""
    out: dict[str, int] = {}
    for p in lexicon().tense_cues:
        words = p.split()
        out[words[0]] = max(out.get(words[0], 0), len(words))
    return out


SENTENCE_WINDOW = 240  # characters each side of an expression its sentence is looked for in


def sentence_bounds(
    text: str, start: int, end: int, window: int = SENTENCE_WINDOW
) -> tuple[int, int]:
    lo = max(0, start - window)
    left = lo
    for m in _BOUNDARY.finditer(text, lo, start):
        left = m.end()
    m = _BOUNDARY.search(text, end, min(len(text), end + window))
    right = m.start() + 1 if m else min(len(text), end + window)
    return left, right


_TIE_ORDER = {"past": 0, "future": 1, "present": 2}
_REPORT_REACH = 6  # words from a reporting verb to the expression it dates, same clause
_SUBJECTS = frozenset("i you he she it we they".split())
_PLANNED_FOR = frozenset(
    "election elections vote poll polls referendum ballot summit meeting talks hearing trial "
    "inauguration visit rally march demonstration rallies marches demonstrations protest "
    "protests strike strikes".split()
)
# (the act asked for, as a passive infinitive: "have called for the port to be shut on
# Saturday", "urged the prisoners to be freed by Friday")
_ASKED = frozenset("called asked urged demanded requested sought appealed pressed".split())
# (a crowd summoned or invited to a gathering: "has summoned Serbs to a mass rally in
# Belgrade on Thursday")
_REQUESTED = frozenset("asked requested proposed sought summoned invited".split())
# (a happening called or set for a day: "has called an emergency summit ... on Monday")
_SET_FOR = frozenset(
    "called announced scheduled set planned proposed convened organised organized summoned "
    "promised pledged requested".split()
)
_POSS_END = re.compile(r"['\u2019]s?$")
_WINDOW_WORDS = 12  # with the squared distance decay, cues further away never decide
_WINDOW_CHARS = 140


def _tokens(text: str, lo: int, hi: int) -> list[str]:
    # "May"/"March" written with a capital are months here, not the modal "may"
    seg = text[lo:hi]
    if "Ma" in seg:  # (both month names start so; the sub alone scans every position)
        seg = _MONTH_WORD.sub("month", seg)
    if ", " in seg or " and " in seg:
        seg = _NAME_LIST.sub(_one_name, seg)
    seg = _NAME_RUN.sub(_run_name, seg)
    return _TOKEN.findall(seg.lower().replace("\u2019", "'"))


_MONTH_WORD = re.compile(r"\b(?:May|March)\b")
# A list of names ("sent messages to Kohl, President George H. W. Bush, Prime Minister
# Margaret Thatcher and President Francois Mitterrand on Friday") is one word away: its
# commas and "and" join names, they open no clause, and its words are no cues.
_NAME_WORDS = r"[A-Z][\w'\u2019.-]*(?: [A-Z][\w'\u2019.-]*)*"
# (The capital comes first and the look-behind after it, "not after a word character",
# checked on the character before that capital: same matches, but re skips in C to the
# next capital instead of trying the look-behind at every position.)
_NAME_LIST = re.compile(
    rf"[A-Z](?<![\w'\u2019.-].){_NAME_WORDS[len('[A-Z]') :]}"
    rf"(?:(?:, (?:and )?| and | or ){_NAME_WORDS})+(?![\w'\u2019-])"
)


def _one_name(m: re.Match[str]) -> str:
    words = _JOINERS.sub(" ", m.group()).lower().split()
    if any(w in _NOT_NAMES or w in _cue_words() for w in words):
        return m.group()  # "Earlier, Biden said", "He and Putin": not only names
    return "Names"


_JOINERS = re.compile(r",(?: and)? | and | or ")
# A name of several capitalised words ("Galle Face Green", "Will Hurd") holds no cue: "began
# a sit-in on Galle Face Green on Saturday" is dated by "began", not by the verb "face". Its
# words keep their count, so that distances and the window of words weighed stay as they
# were. (The capital comes first, as in _NAME_LIST.)
_NAME_RUN = re.compile(r"[A-Z](?<![\w'\u2019.-].)[\w'\u2019.-]*(?: [A-Z][\w'\u2019.-]*)+")


def _run_name(m: re.Match[str]) -> str:
    words = m.group().split(" ")
    first = words[0].lower()
    # "The", "Earlier", "Will" may open the sentence: only the words after it are the name
    keep = first in _NOT_NAMES or first in _cue_words()
    return " ".join([words[0], *["Name"] * (len(words) - 1)] if keep else ["Name"] * len(words))


_NOT_NAMES = frozenset(
    "the a an he she it they we i you his her its their this that these those on in at by for "
    "to of from with but and or as if so yet".split()
)


def _side(tokens: list[str]) -> tuple[list[str], list[float]]:
    """Words ordered outward from the expression, each with its effective distance."""
    words: list[str] = []
    dist: list[float] = []
    k = 0
    bounds = 0
    for t in tokens:
        if not t[0].isalpha():
            bounds += 1
            continue
        if t in _SUBORDINATORS:
            bounds += 1
        words.append(t)
        dist.append(k + _CLAUSE_PENALTY * bounds)
        k += 1
    return words, dist


_MODALS = frozenset("be to will would should could can may must".split())
# words after which a past participle is an adjective of the noun that follows: "a
# televised address", "its disputed border", "the armed forces"
_ADJECTIVE_BEFORE = frozenset(
    "a an the this these his her its their our my your some any each every "
    "another newly recently".split()
)
_NEGATIONS = frozenset("not never didn't wasn't weren't hadn't".split())


def _votes(words: list[str], distances: list[float], outward_left: bool) -> dict[str, float]:
    """Cue votes on one side. `words` run outward from the expression; phrases are matched
    in reading order (reversed on the left side)."""
    cues, past_verbs = _cue_table()
    first = _cue_words()
    best: dict[str, float] = {}
    seq = list(reversed(words)) if outward_left else words
    dseq = list(reversed(distances)) if outward_left else distances
    i = 0
    n = len(seq)
    while i < n:
        w = seq[i]
        hit = None
        if w in first:
            for k in range(min(_MAXW, first[w], n - i), 0, -1):
                phrase = " ".join(seq[i : i + k]) if k > 1 else w
                if phrase in cues:
                    hit = (cues[phrase], k)
                    break
        if hit:
            (direction, strength), k = hit
            d = min(dseq[i : i + k])
            after = i + k  # where the words between the cue and the expression start (left)
            phrase = " ".join(seq[i : i + k])
            if phrase.endswith("due to") and i + k < n and seq[i + k] in _DETERMINERS:
                direction = "none"
            if k == 1 and i and seq[i - 1] == "to" and direction == "future" and phrase != "next":
                direction = "none"  # an infinitive ("sent envoys on Nov. 16 to meet the
                # generals"): the verb that governs it decides
            elif phrase in ("until", "till") and _NEGATIONS.intersection(seq[max(0, i - 8) : i]):
                direction = "none"  # "did not announce it until Monday": the day it was
                # done, which the verb's tense dates
            elif phrase == "last" and i and seq[i - 1] in _MODALS:
                direction = "none"  # the verb: "will last through Thursday"
            elif k == 1 and i and direction in ("report", "past") and seq[i - 1] == "be":
                direction = "none"  # a passive after a modal or "to" ("results would be
                # announced on Monday", "is to be reported"): the modal decides
            i += k
        else:
            i += 1
            if not (w in past_verbs or (len(w) > 4 and w.endswith("ed"))):
                continue  # (most words: no cue, no past form)
            if "-" in w and not w.startswith(_VERB_PREFIXES):
                continue  # a participle joined to the word before ("NATO-led",
                # "Saudi-backed", "state-owned") is an adjective, not a verb
            if i > 1 and seq[i - 2] in _MODALS:
                continue  # passive/infinitive after a modal: the modal decides
            if (
                i > 2
                and seq[i - 3] in _MODALS
                and seq[i - 3] != "be"
                and abs(dseq[i - 1] - dseq[i - 3]) == 2  # no clause boundary between
            ):
                continue  # no past verb follows a bare verb: "would send chartered planes
                # on Friday", "to visit disputed islands": a participle of the object
            if i > 1 and seq[i - 2] in _ADJECTIVE_BEFORE:
                continue  # a participle after a determiner describes a noun: "in a
                # televised address on Sunday", "the disputed border", not a verb
            direction, strength = "past", 1.0
            d = dseq[i - 1]
        if direction == "future-verb":
            # a present verb that is also a noun: a verb only without a determiner before
            # it ("Latvians elect a new parliament on Sunday"; "the plan a minister ...")
            j = i - k - 1  # the word before the cue phrase, in reading order
            direction = "none" if j >= 0 and seq[j] in _ADJECTIVE_BEFORE else "future"
        if direction == "none":
            continue
        if direction.endswith("-near"):
            # a preposition governs only the expression it introduces ("until Friday"),
            # or a happening that expression dates ("ahead of a vote in parliament on
            # Sunday", "since the election on Sunday"): the date is the noun's
            if outward_left and d > 1 and _dated_noun(seq, after, d):
                d = 1
            if d > 1 or outward_left is False:
                continue
            direction = direction[:-5]
        if direction == "report":
            # "said Friday", "said in Washington on Monday": the speech act is dated
            # ... and so is "told a rally in Tbilisi on Tuesday": the verb, its object and
            # a place, with no clause boundary before the expression
            if d > 1 and not (d < _CLAUSE_PENALTY and d <= 4):
                # no clause boundary, cue or new subject between the cue and the expression
                # (on the left): "told a rally in Tbilisi on Tuesday", not "said he would
                # raise it on the 28th"
                if not (
                    outward_left
                    and d <= _REPORT_REACH
                    and d == n - after
                    and not any(w in cues or w in _SUBJECTS for w in seq[after:])
                ):
                    continue
            direction, strength = "past", 2.0
        weight = strength / (1 + d) ** 2
        if weight > best.get(direction, 0.0):
            best[direction] = weight
    return best


_NOUN_REACH = 9  # words from a preposition to the expression dating its noun


def _dated_noun(seq: list[str], after: int, d: float) -> bool:
    """Whether the words between a cue and the expression after it (seq[after:], reading
    order) are a happening named with its date, "a vote in the lower house on": no clause
    boundary between, a planned-happening noun, and "on" right before the expression."""
    n = len(seq)
    return (
        d <= _NOUN_REACH
        and d == n - after
        and seq[-1] == "on"
        and not _PLANNED_FOR.isdisjoint(seq[after:])
    )


_THAT_AFTER = re.compile(r"[ \t\u00a0]+that\b")
_REPORT_CLAUSE_WORDS = 14  # "told an emergency session of the city parliament on Sunday"


def _reported_before(tokens_left: list[str]) -> bool:
    """A reporting verb in the past in the expression's own clause, before it (tokens
    outward from the expression, punctuation included)."""
    cues, past_verbs = _cue_table()
    for n, w in enumerate(tokens_left):
        if n >= _REPORT_CLAUSE_WORDS or not w[0].isalpha() or w in _SUBORDINATORS:
            return False
        cue = cues.get(w)
        if cue is not None and cue[0] == "report" and (w in past_verbs or w.endswith("ed")):
            return True
    return False


# a phrase that opens its sentence, or follows a subject between commas, with no verb of its
# own: "In a speech in Lyon on", "At a rally in Ankara on", "Speaking to reporters on",
# ", speaking at the White House on"
_FRONTED = re.compile(
    r"(?:^\s*[\"'\u201c\u2018]?(?:In|At|During|Speaking|Addressing|Writing|Talking)"
    r"|,\s+(?:speaking|addressing|writing|talking))\b[^,;:.\u2014\u2013\"\u201c\u201d]*$"
)
# the rest of the phrase and its comma: "on Monday, " or "at the White House on Monday, "
_PHRASE_END = re.compile(r"[^,;:.\u2014\u2013]{0,60}?,\s+")
_SUBJECT_WORDS = 6  # "the German chancellor, Olaf Scholz" is no subject of six words


def _main_verb_after(text: str, start: int, end: int, left: int, right: int) -> Tense | None:
    """The tense of the main clause's verb when text[start:end] ends a fronted or
    inserted phrase with no verb (see _FRONTED): the first verb after the phrase's comma
    and its subject, else None."""
    if not _FRONTED.search(text[left:start]):
        return None
    m = _PHRASE_END.match(text, end, right)
    if m is None:
        return None
    cues, past_verbs = _cue_table()
    for k, w in enumerate(_tokens(text, m.end(), right)[: _SUBJECT_WORDS + 1]):
        if not w[0].isalpha() or w in _SUBORDINATORS:
            return None
        cue = cues.get(w)
        if cue is not None and cue[0] in ("report", "past"):
            return "past"
        if cue is not None and cue[0] == "future":
            return "future"
        if k and (w in past_verbs or (len(w) > 4 and w.endswith("ed") and "-" not in w)):
            return "past"
    return None


def _perfect_of_planned(lw: list[str], ld: list[float]) -> bool:
    """Whether the expression's own clause (words outward to the left) has a present
    perfect ("has called", "have announced") whose object is a planned happening named
    between it and the expression ("an emergency summit ... on")."""
    _, past_verbs = _cue_table()
    for k in range(1, min(len(lw) - 1, _NOUN_REACH + 2)):
        if ld[k] != k:
            return False  # a clause boundary: not the expression's own clause
        w = lw[k]
        if w in past_verbs or (len(w) > 4 and w.endswith("ed") and "-" not in w):
            return (
                w in _SET_FOR
                and lw[k + 1] in ("has", "have")
                and not _PLANNED_FOR.isdisjoint(lw[1:k])
            )
    return False


_FAR_AUXILIARIES = re.compile(
    r"\b(?:(is|are|was|were)\s+(?:due|expected|scheduled|set)\s+to|will|(has|have|had))\s",
)


def _own_clause_cue(text: str, left: int, start: int) -> Tense | None:
    """The tense an auxiliary gives the clause that text[start] ends, when it opens that
    clause beyond the words clause_tense weighs: the last one in text[left:start] (the
    sentence before the expression) with no clause boundary (comma, semicolon, dash,
    "that", "which", ...) between it and the expression."""
    seg = text[left:start]
    if "will" not in seg and " to " not in seg and " ha" not in seg:
        return None  # (no auxiliary: most clauses; the searches below are skipped)
    if any(c in seg for c in ",;:\u2014\u2013(") or _FAR_BOUNDARY.search(seg):
        return None
    last = None
    for m in _FAR_AUXILIARIES.finditer(seg):
        last = m
    if last is None:
        return None
    if last.group(1) in ("was", "were") or last.group(2):
        return "past"
    return "future"


# a modal that puts its verb phrase ahead ("would free", "will be held", "is expected to
# hand over"), not a past one ("would have", "was due to")
_MODAL_AHEAD = re.compile(
    r"\b(?:will|would|shall|(?:is|are)\s+(?:due|expected|scheduled|set|going)\s+to)\s+"
    r"(?!have\b)"
)
_FAR_VOTE = 0.05  # a cue's weight four or more words from the expression (2 / 5 ** 2 = 0.08)
_MODAL_BOUNDARY = re.compile(
    r"[,;:\u2014\u2013(\"\u201c\u201d]|\b(?:that|which|who|whom|whose|when|while|because"
    r"|after|before|since|until|if|unless|but)\b"
)


def _modal_opens(text: str, left: int, start: int) -> bool:
    """Whether the last modal of text[left:start] (the sentence before the expression)
    opens the expression's clause: no clause boundary (punctuation, conjunction,
    subordinator) between it and the expression."""
    seg = text[left:start]
    if "will" not in seg and "would" not in seg and " to " not in seg and "shall" not in seg:
        return False
    last = None
    for m in _MODAL_AHEAD.finditer(seg):
        last = m
    return last is not None and _MODAL_BOUNDARY.search(seg, last.end()) is None


_FAR_BOUNDARY = re.compile(r"\b(?:that|which|who|when|while|because|after|before|since)\b")
# "since" and the noun phrase after it up to the expression, no clause boundary between
_SINCE_PHRASE = re.compile(r"(?i)\bsince\b[^,;:\u2014\u2013()\"\u201c\u201d]{0,90}$")


def clause_tense(text: str, start: int, end: int) -> tuple[Tense | None, float]:
    """The tense of the sentence around text[start:end] and the winning vote's margin
    (0..1, how sure). None when no cue is found."""
    left, right = sentence_bounds(text, start, end, _WINDOW_CHARS)
    left_tokens = list(reversed(_tokens(text, left, start)))
    if _THAT_AFTER.match(text, end) and _reported_before(left_tokens):
        # "told a cheering crowd in the square on Friday evening that ...": the reported
        # clause only starts after the expression, so the expression dates the telling
        return "past", 1.0
    lw, ld = _side(left_tokens[: _WINDOW_WORDS + 4])
    rw, rd = _side(_tokens(text, end, right)[: _WINDOW_WORDS + 4])
    # Cue phrases must not span the expression itself: vote on each side separately.
    votes_l = _votes(lw, ld, True)
    if not votes_l.keys() & {"past", "future"} and (
        main := _main_verb_after(text, start, end, left, right)
    ):
        # "In a speech in Lyon on Monday, Macron said ...", "Speaking to reporters on
        # Monday, Scholz said ...", "Biden, speaking at the White House on Monday, said
        # ...": a fronted or inserted phrase with no verb of its own dates the main
        # clause, whose verb after the comma decides, not the reported clause after it
        return main, 1.0
    votes_r = _votes(rw, rd, False)
    if (
        lw
        and (
            (lw[0] == "for" and _PLANNED_FOR.intersection(lw[1:5]))
            or (
                lw[0] == "on"
                and _PLANNED_FOR.intersection(lw[1:8])
                and _REQUESTED.intersection(lw[1:11])
            )
        )
        and not _POSS_END.search(text, start, end)
    ):
        # "called an election in Catalonia for December 21", "has asked for a meeting of
        # the Security Council on Saturday": the date a happening is set or asked for
        votes_l["future"] = max(votes_l.get("future", 0.0), 2.0)
    elif (
        (pre := 2 if len(lw) > 2 and lw[0] in ("and", "or") else 0) < len(lw)
        and lw[pre] in ("on", "for")
        and (" has " in text[left:start] or " have " in text[left:start])
        and _perfect_of_planned(lw[pre:], [d - ld[pre] for d in ld[pre:]])
    ):
        # "has called an emergency summit of the bloc's leaders in Brussels on Monday",
        # "The rebels have called rallies in the capital on Thursday (and Friday)": a
        # present perfect takes no day of its own, so the day is the planned happening's,
        # still to come
        votes_l["future"] = max(votes_l.get("future", 0.0), 2.0)
    if (
        len(lw) > 4
        and lw[0] in ("on", "by", "for")
        and lw[2] == "be"
        and lw[3] == "to"
        and any(w in _ASKED and ld[k] == k for k, w in enumerate(lw[4:], 4))
    ):
        # "called for the bridges to be blocked on Saturday": what is asked for is to come
        votes_l["future"] = max(votes_l.get("future", 0.0), 2.0)
    if votes_r and rd and rd[0] >= _CLAUSE_PENALTY and votes_l:
        # a verb before the expression with no clause boundary between governs it, and a
        # clause after a comma or dash has its own tense: "which passed a vote on
        # Wednesday, is due on Tuesday", "opened fire on Wednesday, ten days before the
        # Games are due to open"
        own = next((i for i, d in enumerate(ld) if d != i), len(ld))
        if own and _votes(lw[:own], ld[:own], True).keys() & {"past", "future"}:
            votes_r = {}
    if any(d < _CLAUSE_PENALTY for d in ld[:6]) and votes_l:
        # a verb before the expression in its own clause governs it ("held a meeting on
        # Tuesday and will meet again on Friday"): what follows counts for half
        # ... and a predicate coordinated after it ("met Nixon at the White House on
        # Thursday and is due to meet Eisenhower today") has a tense of its own: none
        if rw and rw[0] == "and" and votes_l.get("past"):
            votes_r = {}
        votes_r = {k: v / 2 for k, v in votes_r.items()}
    votes = {k: max(votes_l.get(k, 0.0), votes_r.get(k, 0.0)) for k in {*votes_l, *votes_r}}
    if votes and max(votes.values()) < _FAR_VOTE and _modal_opens(text, left, start):
        # only cues four words away or more, and a modal that opens the expression's own
        # clause: "said it would free the detainees held under the act on Monday", "is
        # expected to hand over the prisoners to the Red Cross on Monday, officers said",
        # "would be announced in New York on Saturday, earlier than planned": the modal's
        # verb is what the expression dates, and it is still to come
        return "future", 0.5
    if not votes:
        # nothing near: the auxiliary that opens the expression's own clause, however far
        # back, still governs its verb phrase ("Castro is expected to answer both the vote
        # and the embargo at a mass rally in Havana's Revolution Square on Sunday")
        far = _own_clause_cue(text, left, start)
        if far is None and _SINCE_PHRASE.search(text, left, start) is not None:
            # "the worst fall since the reopening of the markets after the September 11
            # attacks": "since" names the point a span counts from, which lies before
            far = "past"
        return (far, 0.5) if far else (None, 0.0)
    # ties go to the past, news's usual tense, then the future: never to set order
    ranked = sorted(votes.items(), key=lambda kv: (-kv[1], _TIE_ORDER.get(kv[0], 9)))
    top, w = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0.0
    margin = (w - second) / w if w else 0.0
    return top, margin  # type: ignore[return-value]
