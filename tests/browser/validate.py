"""Checks of exported files, shared by the unit and browser tests."""

from __future__ import annotations

import re
import struct
from calendar import monthrange
from datetime import date


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def svg_size(data: bytes) -> tuple[float, float]:
    text = data.decode("utf-8")
    m = re.search(r"<svg\b[^>]*>", text)
    assert m, "not an SVG"
    w = re.search(r'\bwidth="([\d.]+)', m.group())
    h = re.search(r'\bheight="([\d.]+)', m.group())
    assert w and h, m.group()
    return float(w.group(1)), float(h.group(1))


def _tl_date(d: object, where: str) -> tuple[int, int, int]:
    assert isinstance(d, dict), f"{where}: a date is an object"
    assert set(d) <= {
        "year",
        "month",
        "day",
        "hour",
        "minute",
        "second",
        "millisecond",
        "display_date",
    }, f"{where}: unknown keys {set(d)}"
    year = d.get("year")
    assert isinstance(year, int) or (isinstance(year, str) and re.fullmatch(r"-?\d+", year)), (
        f"{where}: year is required and numeric"
    )
    month, day = d.get("month"), d.get("day")
    if day is not None:
        assert month is not None, f"{where}: a day needs a month"
    if month is not None:
        assert 1 <= int(month) <= 12, f"{where}: month out of range"
    if day is not None:
        assert 1 <= int(day) <= monthrange(int(year), int(month))[1], f"{where}: bad day"
    return int(year), int(month or 1), int(day or 1)


def validate_timelinejs(doc: object) -> int:
    """The fields TimelineJS requires and the types it accepts; returns the slide count.
    (TimelineJS: events is a list of slides; each has start_date with at least a year;
    end_date, when given, is not before start_date; text has headline and/or text.)"""
    assert isinstance(doc, dict) and isinstance(doc.get("events"), list), "events list"
    if "title" in doc:
        title = doc["title"]
        assert isinstance(title, dict) and isinstance(title.get("text"), dict)
    ids = set()
    for i, ev in enumerate(doc["events"]):
        where = f"events[{i}]"
        start = _tl_date(ev.get("start_date"), where + ".start_date")
        if "end_date" in ev:
            end = _tl_date(ev["end_date"], where + ".end_date")
            assert date(*end) >= date(*start), f"{where}: end before start"
        text = ev.get("text")
        assert isinstance(text, dict) and set(text) <= {"headline", "text"}, where
        assert all(isinstance(v, str) for v in text.values()), where
        for v in text.values():
            low = v.lower()
            assert "<script" not in low and not re.search(r"href=[\"']?\s*javascript", low), where
        if "group" in ev:
            assert isinstance(ev["group"], str), where
        if "unique_id" in ev:
            assert re.fullmatch(r"[A-Za-z0-9_-]+", ev["unique_id"]), where
            assert ev["unique_id"] not in ids, f"{where}: duplicate unique_id"
            ids.add(ev["unique_id"])
    return len(doc["events"])
