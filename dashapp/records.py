"""Fast constructors for the frozen, slotted records of dashapp.models (and actors).

A dataclass's generated __init__ sets each field through object.__setattr__, looked up
again for every field (frozen records cannot assign directly). The pipeline makes records
by the thousand per article, so `maker` builds an equivalent constructor that calls each
slot's descriptor directly -- the same object, same signature and defaults, in half the
time -- and `replacer` does the same for dataclasses.replace. A record these do not fit
(a __post_init__, an InitVar, a default factory, keyword-only fields, no slots) keeps its
own constructor and dataclasses.replace.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import MISSING, fields, replace
from typing import Any

__all__ = ["maker", "replacer"]


def _plain(cls: type) -> bool:
    """Can `cls` be built by setting its slots in field order?"""
    if hasattr(cls, "__post_init__") or "__slots__" not in cls.__dict__:
        return False
    fs = fields(cls)
    params = list(inspect.signature(cls.__init__).parameters.values())[1:]
    if [p.name for p in params] != [f.name for f in fs]:
        return False  # an InitVar or a field left out of __init__
    return all(
        p.kind is p.POSITIONAL_OR_KEYWORD
        and f.default_factory is MISSING
        and hasattr(cls.__dict__.get(f.name), "__set__")
        for p, f in zip(params, fs, strict=True)
    )


def _compile(source: str, ns: dict[str, Any]) -> Callable[..., Any]:
    exec(source, ns)  # generated from the record's own field names, as dataclasses does
    return ns["f"]


def maker(cls: type) -> Callable[..., Any]:
    """A constructor of the frozen, slotted record `cls` that sets the slots directly: the
    same object as cls(...), with the same signature."""
    if not _plain(cls):
        return cls
    ns: dict[str, Any] = {"_new": object.__new__, "_cls": cls}
    params, lines = [], []
    for i, f in enumerate(fields(cls)):
        ns[f"_set{i}"] = cls.__dict__[f.name].__set__
        if f.default is MISSING:
            params.append(f.name)
        else:
            ns[f"_default{i}"] = f.default
            params.append(f"{f.name}=_default{i}")
        lines.append(f"    _set{i}(self, {f.name})\n")
    head = f"def f({', '.join(params)}):\n    self = _new(_cls)\n"
    return _compile(head + "".join(lines) + "    return self\n", ns)


def replacer(cls: type) -> Callable[..., Any]:
    """dataclasses.replace(obj, **changes) for the frozen, slotted record `cls`, by setting
    the slots directly (three times as fast)."""
    if not _plain(cls):
        return replace
    ns: dict[str, Any] = {"_new": object.__new__, "_cls": cls, "_keep": object()}
    params, lines = [], []
    for i, f in enumerate(fields(cls)):
        ns[f"_set{i}"] = cls.__dict__[f.name].__set__
        params.append(f"{f.name}=_keep")
        lines.append(f"    _set{i}(self, obj.{f.name} if {f.name} is _keep else {f.name})\n")
    head = f"def f(obj, *, {', '.join(params)}):\n    self = _new(_cls)\n"
    return _compile(head + "".join(lines) + "    return self\n", ns)
