"""Actor names typed in the correction form, a link or `export --actor` -> the actors they
name. Pure: the caller passes the store's actors and the gazetteer."""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dashapp.models import Actor

if TYPE_CHECKING:
    from dashapp.actors import Gazetteer

SUGGESTIONS = 3


@dataclass(frozen=True, slots=True)
class ActorNames:
    """Every name the form accepts: exact names first, then the same in any letter case."""

    exact: dict[str, Actor] = field(default_factory=dict)
    folded: dict[str, tuple[Actor, ...]] = field(default_factory=dict)
    canonical: tuple[str, ...] = ()  # the names offered as suggestions, sorted

    def lookup(self, name: str) -> tuple[Actor, ...]:
        """The actors `name` may mean: one, none, or several for a name that differs from
        several actors' names only by letter case."""
        hit = self.exact.get(name)
        if hit is not None:
            return (hit,)
        return self.folded.get(name.casefold(), ())

    def close_to(self, name: str, n: int = SUGGESTIONS) -> list[str]:
        """Canonical names of the actors whose names are closest to `name`, closest
        first, by their own name or an alias or family name ("Lavorv" is closest to
        "Lavrov": Sergei Lavrov before "Olav V"); on a tie, an own name first."""
        key = name.casefold()
        own = {c.casefold(): c for c in self.canonical}
        score: dict[str, float] = {}
        for hit in difflib.get_close_matches(key, list(own), n=n, cutoff=0.6):
            score[own[hit]] = difflib.SequenceMatcher(None, key, hit).ratio()
        for hit in difflib.get_close_matches(key, list(self.folded), n=n * 3, cutoff=0.6):
            ratio = difflib.SequenceMatcher(None, key, hit).ratio()
            for actor in self.folded[hit]:
                if ratio > score.get(actor.name, 0.0):
                    score[actor.name] = ratio
        # (sorted is stable: of equal scores, the order found, own names first)
        return sorted(score, key=lambda a: -score[a])[:n]


def actor_names(
    stored: Iterable[Actor],
    gazetteer_names: Mapping[str, Actor],
    surname: Callable[[Actor], str] | None = None,
    shared: Mapping[str, tuple[Actor, ...]] | None = None,
) -> ActorNames:
    """The names of the store's actors (which win) and of the gazetteer's; with `surname`
    (a person -> the family name a label gives them), also the family names of the store's
    people, in any letter case, where no name above is spelt so ("burhan" is Abdel Fattah
    al-Burhan; "bush", with two Bushes stored, may be either); with `shared`, the names
    the gazetteer gives several actors, each a question between them."""
    exact: dict[str, Actor] = dict(gazetteer_names)
    stored = list(stored)
    exact.update((a.name, a) for a in stored)
    folded: dict[str, dict[str, Actor]] = {}
    for surface, actor in exact.items():
        folded.setdefault(surface.casefold(), {})[actor.name] = actor
    if surname is not None:
        by_surname: dict[str, dict[str, Actor]] = {}
        for actor in stored:
            if actor.kind == "person" and (family := surname(actor)):
                by_surname.setdefault(family.casefold(), {})[actor.name] = actor
        for key, actors in by_surname.items():
            folded.setdefault(key, actors)
    # a name the gazetteer gives several actors ("Bush") is a question, not unknown
    for surface, several in (shared or {}).items():
        folded.setdefault(surface.casefold(), {a.name: a for a in several})
    canonical = sorted({a.name for a in exact.values()}, key=str.casefold)
    return ActorNames(
        exact=exact,
        folded={k: tuple(v.values()) for k, v in folded.items()},
        canonical=tuple(canonical),
    )


def known_actor_names(stored: Iterable[Actor], gazetteer: Gazetteer | None) -> ActorNames:
    """actor_names of the store's actors and a gazetteer (None: the store's alone): its
    names and the names it gives several actors, and the family names of the store's
    people as labels give them."""
    from dashapp.events import short_name

    return actor_names(
        stored,
        gazetteer.names() if gazetteer is not None else {},
        lambda a: short_name(a, gazetteer),
        gazetteer.shared_names() if gazetteer is not None else None,
    )


@dataclass(frozen=True, slots=True)
class Reading:
    """What one name given for an actor names: one actor when it is clear, several when it
    may name any of them, none when it is unknown (then `close`: the known names closest
    to it)."""

    given: str
    actors: tuple[Actor, ...]
    close: tuple[str, ...] = ()


def read_names(given: Iterable[str], names: ActorNames) -> list[Reading]:
    """Each name given, read (see Reading)."""
    out = []
    for name in given:
        found = names.lookup(name)
        out.append(Reading(name, found, () if found else tuple(names.close_to(name))))
    return out


def split_names(text: str | None) -> list[str]:
    """Comma-separated names, each once, in order ("a, b, a" -> ["a", "b"])."""
    return list(dict.fromkeys(p.strip() for p in (text or "").split(",") if p.strip()))


def resolve_names(text: str | None, names: ActorNames) -> tuple[tuple[Actor, ...], str | None]:
    """(the actors named, in order and once each; an error message or None). The message
    names every unknown or ambiguous name and suggests close known names."""
    actors: dict[str, Actor] = {}
    problems: list[str] = []
    for r in read_names(split_names(text), names):
        if len(r.actors) == 1:
            actors.setdefault(r.actors[0].name, r.actors[0])
        elif r.actors:
            options = " or ".join(a.name for a in r.actors)
            problems.append(f"“{r.given}” may be {options}: write the name as one of them")
        else:
            hint = f" (did you mean {', '.join(r.close)}?)" if r.close else ""
            problems.append(f"“{r.given}” is not a known actor{hint}")
    if problems:
        return (), "; ".join(problems) + "."
    return tuple(actors.values()), None
