"""List the forms a trigger row of triggers.tsv leaves out: inflections, nouns, spellings.

    python benchmarks/trigger_forms.py [--row N] [--type ASSAULT]

A development aid for the lexicon, not a test: rows leave forms out on purpose (a base form
that mostly tells a plan, "deport"; an -ing adjective, "occupying"; a noun whose other sense
dominates, "withdrawals"), so every line it prints is a candidate to read, never a form to
add blindly. For each row it takes the lemmas of its one-word forms and of the first word of
its multiword ones ("pulled out" -> pull + "out"), and prints, by kind:

- ``infl``: a verb's missing base, -s, past, participle and -ing forms (with the particles
  of a phrasal form: "pulls out"), and a noun's missing plural, for a lemma of which the row
  has at least two forms of one part of speech (one form alone is often the other part of
  speech: "strike", "charges");
- ``noun``: a missing nominalisation of a verb lemma (invade -> invasion, withdraw ->
  withdrawal, deploy -> deployment), with its plural, when the noun is an English word;
- ``spell``: a British or American spelling of a form that the row has in one spelling
  only (mobilise/mobilize, defence/defense, cancelled/canceled, manoeuvre/maneuver);
- ``elsewhere``: a candidate that is already a form of another row (the first row that
  names a form owns it in events.py, so adding it here would do nothing or, in an earlier
  row, take it from its owner).

It needs ``lemminflect`` (``pip install -e ".[lexicon]"``), which the package does not.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

TRIGGERS = Path(__file__).resolve().parent.parent / "dashapp/resources/events/triggers.tsv"

VERB_TAGS = ("VB", "VBZ", "VBD", "VBN", "VBG")
# nominalising suffixes, tried on the lemma (with its final "e" or "y" dropped where English
# drops it): English derivation is not regular, so a candidate is kept only when it is a
# noun lemminflect knows
NOUN_SUFFIXES = (
    "ion",
    "tion",
    "ation",
    "ition",
    "sion",
    "ment",
    "al",
    "ance",
    "ence",
    "ure",
    "age",
    "ery",
)
# stems whose noun English does not derive by a suffix
IRREGULAR_NOUNS = {
    "invade": "invasion",
    "evade": "evasion",
    "intervene": "intervention",
    "convene": "convention",
    "explode": "explosion",
    "expel": "expulsion",
    "deride": "derision",
    "decide": "decision",
    "defend": "defence",
    "offend": "offence",
    "pursue": "pursuit",
    "deny": "denial",
    "try": "trial",
    "refuse": "refusal",
    "propose": "proposal",
    "renounce": "renunciation",
    "denounce": "denunciation",
    "pronounce": "pronouncement",
    "condemn": "condemnation",
    "seize": "seizure",
    "detain": "detention",
    "retain": "retention",
    "abstain": "abstention",
    "absorb": "absorption",
    "resume": "resumption",
    "assume": "assumption",
    "consume": "consumption",
    "destroy": "destruction",
    "describe": "description",
    "prescribe": "prescription",
    "subscribe": "subscription",
    "receive": "reception",
    "deceive": "deception",
    "intercept": "interception",
    "abduct": "abduction",
    "deport": "deportation",
    "withdraw": "withdrawal",
    "remove": "removal",
    "arrive": "arrival",
    "approve": "approval",
    "bury": "burial",
    "betray": "betrayal",
    "dismiss": "dismissal",
    "reverse": "reversal",
    "survive": "survival",
    "acquit": "acquittal",
    "commit": "commitment",
    "repeal": "repeal",
    "attack": "attack",
    "raid": "raid",
    "appeal": "appeal",
    "protest": "protest",
    "threaten": "threat",
    "sanction": "sanctions",
    "assassinate": "assassination",
    "kidnap": "kidnapping",
    "hijack": "hijacking",
    "bomb": "bombing",
    "shell": "shelling",
    "free": "freedom",
    "fly": "flight",
    "die": "death",
    "sell": "sale",
    "speak": "speech",
    "ally": "alliance",
    "comply": "compliance",
    "rely": "reliance",
    "apply": "application",
    "supply": "supplies",
    "reply": "reply",
    "succeed": "succession",
    "proceed": "procession",
    "exceed": "excess",
    "concede": "concession",
    "secede": "secession",
    "recede": "recession",
    "admit": "admission",
    "submit": "submission",
    "transmit": "transmission",
    "permit": "permission",
    "omit": "omission",
    "emit": "emission",
    "extend": "extension",
    "suspend": "suspension",
    "comprehend": "comprehension",
    "apprehend": "apprehension",
    "expand": "expansion",
    "convert": "conversion",
    "divert": "diversion",
    "subvert": "subversion",
    "revert": "reversion",
    "compel": "compulsion",
    "repel": "repulsion",
    "propel": "propulsion",
    "exclude": "exclusion",
    "include": "inclusion",
    "conclude": "conclusion",
    "collude": "collusion",
    "intrude": "intrusion",
    "erode": "erosion",
    "collide": "collision",
    "divide": "division",
    "provide": "provision",
    "persuade": "persuasion",
    "dissuade": "dissuasion",
    "pervade": "pervasion",
    "abolish": "abolition",
    "demolish": "demolition",
    "acquire": "acquisition",
    "require": "requisition",
    "inquire": "inquiry",
    "enquire": "enquiry",
    "recognise": "recognition",
    "recognize": "recognition",
    "compete": "competition",
    "repeat": "repetition",
    "oppose": "opposition",
    "impose": "imposition",
    "depose": "deposition",
    "expose": "exposure",
    "dispose": "disposal",
    "proclaim": "proclamation",
    "declare": "declaration",
    "explain": "explanation",
    "exclaim": "exclamation",
    "reclaim": "reclamation",
    "prolong": "prolongation",
    "sustain": "sustenance",
    "maintain": "maintenance",
    "enter": "entry",
    "recover": "recovery",
    "discover": "discovery",
    "deliver": "delivery",
    "occupy": "occupation",
    "multiply": "multiplication",
    "qualify": "qualification",
    "justify": "justification",
    "ratify": "ratification",
    "notify": "notification",
    "intensify": "intensification",
    "fortify": "fortification",
    "unify": "unification",
    "reunify": "reunification",
    "clarify": "clarification",
    "verify": "verification",
    "escalate": "escalation",
    "retaliate": "retaliation",
    "negotiate": "negotiation",
    "mediate": "mediation",
    "evacuate": "evacuation",
    "annex": "annexation",
    "mobilise": "mobilisation",
    "mobilize": "mobilization",
    "demobilise": "demobilisation",
    "demobilize": "demobilization",
    "nationalise": "nationalisation",
    "nationalize": "nationalization",
    "normalise": "normalisation",
    "normalize": "normalization",
    "militarise": "militarisation",
    "militarize": "militarization",
    "authorise": "authorisation",
    "authorize": "authorization",
    "criticise": "criticism",
    "criticize": "criticism",
    "apologise": "apology",
    "apologize": "apology",
    "accuse": "accusation",
    "allege": "allegation",
    "complain": "complaint",
    "restrain": "restraint",
    "constrain": "constraint",
    "deploy": "deployment",
    "redeploy": "redeployment",
    "announce": "announcement",
    "endorse": "endorsement",
    "agree": "agreement",
    "settle": "settlement",
    "punish": "punishment",
    "imprison": "imprisonment",
    "impeach": "impeachment",
    "disarm": "disarmament",
    "rearm": "rearmament",
    "abandon": "abandonment",
    "appoint": "appointment",
    "disappoint": "disappointment",
    "postpone": "postponement",
    "enlist": "enlistment",
    "reinforce": "reinforcement",
    "enforce": "enforcement",
    "assess": "assessment",
    "harass": "harassment",
    "embarrass": "embarrassment",
    "bombard": "bombardment",
    "indict": "indictment",
    "resign": "resignation",
    "abdicate": "abdication",
    "inaugurate": "inauguration",
    "assist": "assistance",
    "resist": "resistance",
    "insist": "insistence",
    "persist": "persistence",
    "exist": "existence",
    "interfere": "interference",
    "confer": "conference",
    "prefer": "preference",
    "refer": "reference",
    "defer": "deference",
    "transfer": "transfer",
    "depend": "dependence",
    "attend": "attendance",
    "guide": "guidance",
    "perform": "performance",
    "conform": "conformity",
    "disturb": "disturbance",
    "accept": "acceptance",
    "surrender": "surrender",
    "pardon": "pardon",
    "release": "release",
    "rescue": "rescue",
    "arrest": "arrest",
    "ban": "ban",
    "blockade": "blockade",
    "embargo": "embargo",
    "veto": "veto",
    "boycott": "boycott",
    "massacre": "massacre",
    "murder": "murder",
    "execute": "execution",
    "prosecute": "prosecution",
    "persecute": "persecution",
    "exterminate": "extermination",
    "liberate": "liberation",
    "cooperate": "cooperation",
    "collaborate": "collaboration",
    "capitulate": "capitulation",
    "repatriate": "repatriation",
    "extradite": "extradition",
    "expropriate": "expropriation",
    "confiscate": "confiscation",
    "incarcerate": "incarceration",
    "intimidate": "intimidation",
    "demonstrate": "demonstration",
    "infiltrate": "infiltration",
    "penetrate": "penetration",
    "consult": "consultation",
    "congratulate": "congratulation",
    "reconcile": "reconciliation",
    "humiliate": "humiliation",
    "terminate": "termination",
    "suppress": "suppression",
    "oppress": "oppression",
    "repress": "repression",
    "aggress": "aggression",
    "pressure": "pressure",
    "crack": "crackdown",
}
# British -> American spelling pairs, tried as substrings (both ways)
SPELLINGS = (
    ("isation", "ization"),
    ("ise", "ize"),
    ("ising", "izing"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("yse", "yze"),
    ("ysed", "yzed"),
    ("our", "or"),
    ("ence", "ense"),
    ("lled", "led"),
    ("lling", "ling"),
    ("ller", "ler"),
    ("tre", "ter"),
    ("gramme", "gram"),
    ("oeuvre", "euver"),
    ("ogue", "og"),
    ("ement", "ment"),
    ("-", " "),
    ("-", ""),
)


def rows(path: Path = TRIGGERS) -> list[tuple[int, list[str], str]]:
    """(line number, forms, type) of each trigger row."""
    out = []
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            cols = line.split("\t")
            out.append((n, cols[0].split("|"), cols[1]))
    return out


def _known(word: str, upos: str) -> bool:
    from lemminflect import getAllLemmas

    return upos in getAllLemmas(word, upos=upos)


def _verb_forms(lemma: str) -> set[str]:
    from lemminflect import getAllInflections

    forms = {lemma}
    for tag, words in getAllInflections(lemma, upos="VERB").items():
        if tag in VERB_TAGS:
            forms.update(words)
    return forms


def _noun_forms(lemma: str) -> set[str]:
    from lemminflect import getAllInflections

    forms = {lemma}
    for words in getAllInflections(lemma, upos="NOUN").values():
        forms.update(words)
    return forms


def _lemmas(word: str, upos: str) -> set[str]:
    from lemminflect import getAllLemmas

    return set(getAllLemmas(word, upos=upos).get(upos, ()))


def nominalisations(lemma: str) -> set[str]:
    """Nouns English derives from the verb `lemma` that lemminflect knows as nouns."""
    found = set()
    if lemma in IRREGULAR_NOUNS:
        found.add(IRREGULAR_NOUNS[lemma])
    stems = {lemma}
    if lemma.endswith("e"):
        stems.add(lemma[:-1])
    if lemma.endswith("y"):
        stems.add(lemma[:-1] + "i")
    for stem in stems:
        for suffix in NOUN_SUFFIXES:
            cand = stem + suffix
            if len(cand) > len(lemma) + 1 and _known(cand, "NOUN"):
                found.add(cand)
    return found


def spellings(form: str) -> set[str]:
    out = set()
    for uk, us in SPELLINGS:
        for a, b in ((uk, us), (us, uk)):
            if a in form and (a != "-" or b):
                out.add(form.replace(a, b))
    return {f for f in out if f != form and f.strip()}


def candidates(forms: list[str]) -> dict[str, set[str]]:
    """The missing forms of one row, by kind."""
    have = set(forms)
    # lemma -> set of (form, particles) the row has, per part of speech
    verbs: dict[tuple[str, str], set[str]] = {}
    nouns: dict[tuple[str, str], set[str]] = {}
    for form in forms:
        head, _, rest = form.partition(" ")
        if rest and len(rest.split()) > 2:
            continue  # a long phrase: not inflected as a whole here
        for lemma in _lemmas(head, "VERB"):
            if head in _verb_forms(lemma):
                verbs.setdefault((lemma, rest), set()).add(form)
        if not rest:
            for lemma in _lemmas(head, "NOUN"):
                nouns.setdefault((lemma, rest), set()).add(form)
    out: dict[str, set[str]] = {"infl": set(), "noun": set(), "spell": set()}
    for (lemma, rest), got in verbs.items():
        if len(got) < 2:
            continue
        for v in _verb_forms(lemma):
            full = f"{v} {rest}" if rest else v
            if full not in have:
                out["infl"].add(full)
        if not rest:
            for noun in nominalisations(lemma):
                for n in _noun_forms(noun):
                    if n not in have and n not in _verb_forms(lemma):
                        out["noun"].add(n)
    for (lemma, _rest), got in nouns.items():
        if len(got) < 1 or any(lemma in k[0] for k in verbs):
            continue
        for n in _noun_forms(lemma):
            if n not in have and len(got) >= 1 and lemma in have:
                out["infl"].add(n)
    # a noun phrase's plural, on its last word ("phone call" -> "phone calls"), when its
    # first word is no verb of the row ("held talks", "struck a deal" are verb phrases)
    for form in forms:
        words = form.split()
        if len(words) < 2 or any(form in got for got in verbs.values()):
            continue
        if {"a", "an", "of", "the", "its", "his", "her", "their"} & set(words) or words[0] in {
            "to",
            "by",
            "on",
            "into",
        }:
            continue  # a verb's object ("struck a deal"), a phrase of two nouns, a particle
        for lemma in _lemmas(words[-1], "NOUN"):
            if lemma != words[-1]:
                continue
            for n in _noun_forms(lemma) - {lemma}:
                full = " ".join([*words[:-1], n])
                if full not in have:
                    out["infl"].add(full)
    for form in forms:
        for s in spellings(form):
            if s not in have and all(_known(w, "VERB") or _known(w, "NOUN") for w in s.split()):
                out["spell"].add(s)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--row", type=int, help="only the row on this line of triggers.tsv")
    ap.add_argument("--type", help="only rows of this PLOVER type")
    args = ap.parse_args(argv)
    try:
        import lemminflect  # noqa: F401
    except ImportError:
        print('needs lemminflect: pip install -e ".[lexicon]"', file=sys.stderr)
        return 2
    table = rows()
    owner: dict[str, int] = {}
    for n, forms, _type in table:
        for f in forms:
            owner.setdefault(f, n)
    total = 0
    for n, forms, type_ in table:
        if args.row is not None and n != args.row:
            continue
        if args.type and type_ != args.type:
            continue
        lines = []
        for kind, found in candidates(forms).items():
            for f in sorted(found):
                if f in owner and owner[f] != n:
                    lines.append(f"  elsewhere {f!r} (line {owner[f]})")
                else:
                    lines.append(f"  {kind} {f!r}")
        if lines:
            total += sum(not ln.startswith("  elsewhere") for ln in lines)
            print(f"line {n} {type_} {forms[0]!r}")
            print("\n".join(lines))
    print(f"{total} candidate forms", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
