"""Actors: gazetteer lookup, titles resolved by date, and in-document coreference."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from dashapp.models import Actor


@dataclass(frozen=True, slots=True)
class ActorMention:
    """A stretch of text that names one actor, or several ("both presidents")."""

    start: int
    end: int
    text: str
    actors: tuple[Actor, ...]


class Gazetteer:
    """Interface contract (implementation to come)."""

    @classmethod
    def load(cls, extra: Path | None = None) -> Gazetteer:
        raise NotImplementedError

    def actor(self, name: str) -> Actor | None:
        raise NotImplementedError

    def find(self, text: str, *, when: date) -> list[ActorMention]:
        raise NotImplementedError
