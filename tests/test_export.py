"""Exports on a real Store with the hand-made sample extraction."""

from __future__ import annotations

import csv
import io
import json
import sys
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "browser"))

from sample import HOSTILE_LABEL, extraction  # noqa: E402
from validate import png_size, svg_size, validate_timelinejs  # noqa: E402

from dashapp.app.filters import ViewState  # noqa: E402
from dashapp.app.serve import export_command  # noqa: E402
from dashapp.export import export, render, safe_url, timelinejs  # noqa: E402
from dashapp.models import EventFilter  # noqa: E402
from dashapp.store import Store  # noqa: E402


@pytest.fixture(scope="module")
def store():
    s = Store(None)
    s.add(extraction())
    yield s
    s.close()


def test_csv_rows_columns_and_formula_guard(store):
    rows = list(csv.DictReader(io.StringIO(render(store, EventFilter(), "csv").decode())))
    assert len(rows) == 11
    assert rows[0]["start"] <= rows[-1]["start"]  # by date
    evil = next(r for r in rows if r["id"] == "e-evil")
    assert evil["label"] == HOSTILE_LABEL  # data, verbatim
    flt = EventFilter(actors=("Russia",))
    assert len(render(store, flt, "csv").decode().strip().splitlines()) == 1 + 3


def test_csv_formula_cells_are_neutralised():
    from dashapp.export import events_csv

    ev = extraction().events[0]
    from dataclasses import replace

    out = events_csv([replace(ev, label='=HYPERLINK("http://x")')])
    assert "'=HYPERLINK" in out


def test_json_is_the_extract_shape_with_mentions(store):
    doc = json.loads(render(store, EventFilter(types=("CONSULT",)), "json"))
    assert set(doc) == {"version", "articles", "events", "actors"}
    events = doc["events"]
    assert {d["id"] for d in events} == {"e-blinken", "e-call", "e-evil", "e-talks"}
    call = next(d for d in events if d["id"] == "e-call")
    assert len(call["mentions"]) == 2 and call["mentions"][0]["sentence"]
    # only the supporting articles and the events' actors come along
    supporting = {m["article"] for d in events for m in d["mentions"]}
    assert {a["id"] for a in doc["articles"]} == supporting
    assert {a["name"] for a in doc["actors"]} == {n for d in events for n in d["actors"]}


def test_timelinejs_is_valid_and_escaped(store):
    doc = json.loads(render(store, EventFilter(), "timelinejs", title="My <b>timeline</b>"))
    assert validate_timelinejs(doc) == 11
    assert doc["title"]["text"]["headline"] == "My &lt;b&gt;timeline&lt;/b&gt;"
    by_id = {e["unique_id"]: e for e in doc["events"]}
    assert by_id["ev-e-crimea"]["start_date"] == {"year": 2014}
    assert "end_date" not in by_id["ev-e-crimea"]
    assert by_id["ev-e-troops"]["start_date"] == {"year": 2021, "month": 11}
    assert by_id["ev-e-talks"]["end_date"] == {"year": 2022, "month": 1, "day": 10}
    # the date shown is the one resolved, with the words that gave it
    call = store.event("e-call")
    assert by_id["ev-e-call"]["display_date"] == (
        f"{call.start.isoformat()} ({call.mentions[0].text})"
    )
    evil = by_id["ev-e-evil"]
    assert "&lt;svg onload" in evil["text"]["headline"]
    raw = json.dumps(evil, ensure_ascii=False)
    assert "<script" not in raw and 'href=\\"javascript' not in raw and "&lt;script" in raw
    assert '<a href="https://example.org/a1">' in by_id["ev-e-call"]["text"]["text"]


def test_safe_url():
    assert safe_url("https://x.org/a") == "https://x.org/a"
    for bad in ("javascript:alert(1)", "data:text/html,x", "/relative", "ftp://x", " "):
        assert safe_url(bad) is None


def test_png_svg_pdf_at_print_size(store, tmp_path):
    png = render(store, ViewState(), "png", title="Sample")
    assert png_size(png) == (3200, 1800)
    assert svg_size(render(store, EventFilter(), "svg")) == (1600, 900)
    out = tmp_path / "t.pdf"
    assert export(store, EventFilter(actors=("Ukraine",)), "pdf", out, title="x") > 0
    assert out.read_bytes().startswith(b"%PDF")


def test_unknown_format(store):
    with pytest.raises(ValueError):
        render(store, EventFilter(), "gif")


def test_export_command_from_files(tmp_path, capsys):
    art = tmp_path / "in" / "a.txt"
    art.parent.mkdir()
    art.write_text("Talks\n20220103\nhttps://example.org/t\nPutin warned NATO on Sunday.\n")
    (tmp_path / "in" / "bad.txt").write_text("no date here\n")
    out = tmp_path / "out.csv"
    code = export_command(
        [str(art.parent)],
        db=None,
        out=out,
        fmt="csv",
        actors=("Vladimir Putin",),
        date_from=date(2022, 1, 1),
    )
    assert code == 1  # one bad file, reported; the export is still written
    err = capsys.readouterr().err
    assert "bad.txt" in err and "wrote" in err
    assert "(csv, 1 event, " in err  # QA9: '1 events'
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert [r["label"] for r in rows] == ["Putin warns NATO"]
    tl = tmp_path / "t.json"
    assert export_command([str(art)], db=None, out=tl, fmt="timelinejs") == 0
    assert validate_timelinejs(json.loads(tl.read_text())) == 1


def test_timelinejs_of_no_events():
    assert timelinejs([]) == {"events": []}


def test_exports_of_a_zoomed_view_are_of_its_window(store):
    from dashapp.app.filters import parse_query
    from dashapp.app.view import build_view

    state = parse_query("?zoom=2022-01-05/2022-01-09")
    inside = {
        e.id
        for e in store.events(EventFilter(date_from=date(2022, 1, 5), date_to=date(2022, 1, 9)))
    }
    assert 0 < len(inside) < store.count_events()
    rows = list(csv.DictReader(io.StringIO(render(store, state, "csv").decode())))
    assert {r["id"] for r in rows} == inside
    assert {e["id"] for e in json.loads(render(store, state, "json"))["events"]} == inside
    assert validate_timelinejs(json.loads(render(store, state, "timelinejs"))) == len(inside)
    # pictures: the window's days on the x axis (the events around it drawn but cut off)
    view = build_view(store, state)
    assert view.figure["layout"]["xaxis"]["range"] == ["2022-01-05", "2022-01-09 23:59:59.999"]
    assert {e.id for e in view.table} == inside and view.in_window == len(inside)


def test_the_title_of_an_affiliated_view_says_so(store):
    """The default title, which is the TimelineJS headline and the figure's title, of
    "Russia and affiliated people" (the dashboard's option) says so; without it, not."""
    from dashapp.export import default_title

    flt = EventFilter(actors=("Russia",), include_affiliated=True, types=("ASSAULT",))
    title = default_title(ViewState(filter=flt))
    assert title == "Timeline: Russia and affiliated people (ASSAULT)"
    doc = json.loads(render(store, flt, "timelinejs"))
    assert doc["title"]["text"]["headline"] == title
    plain = default_title(ViewState(filter=EventFilter(actors=("Russia",), types=("ASSAULT",))))
    assert plain == "Timeline: Russia (ASSAULT)"


def test_an_event_is_quoted_by_a_mention_that_gives_its_date():
    """Sources disagreeing on the date: the date as written, the sentence and the details
    agree with the date shown, and the details say what the others reported."""
    from dashapp.app.layout import event_details
    from dashapp.models import Event, Mention, quoted_mention
    from dashapp.serialize import event_row

    def said(article: str, text: str, value: str) -> Mention:
        return Mention(article, text, 0, len(text), "DATE", value, f"{text}: soldiers seized.", "")

    mentions = (
        said("a1", "Tuesday", "2023-07-25"),  # the first report, but outvoted
        said("a2", "Wednesday", "2023-07-26"),
        said("a3", "July 26", "2023-07-26"),
    )
    day = date(2023, 7, 26)
    ev = Event(
        "e", "Niger coup", "COERCE", "material conflict", day, day, "2023-07-26", "day",
        ("Niger",), mentions, articles=3, other_dates=("2023-07-25",),
    )  # fmt: skip
    row = event_row(ev)
    assert (row["as_written"], row["sentence"]) == ("Wednesday", "Wednesday: soldiers seized.")
    assert "Tuesday" not in json.dumps(timelinejs([ev]))
    shown = json.dumps(event_details(ev, {}))
    assert "2 of 3 mentions" in shown and "2023-07-25 (1 of 3 mentions)" in shown
    # a range is given by any of its days; with no mention giving the date, the first
    span = replace(ev, value="2023-07-26/2023-07-27", other_dates=())
    assert quoted_mention(span).text == "Wednesday"
    assert quoted_mention(replace(ev, value="2023-07")).text == "Tuesday"
    assert "Other dates" not in json.dumps(event_details(span, {}))


def test_an_empty_store_exports_a_picture_that_says_so_without_made_up_dates():
    # QA8 10: the picture of an empty folder had a year-2000 axis
    from dashapp.app.view import build_view
    from dashapp.export import WIDTH, FigureOptions

    empty = Store(None)
    try:
        fig = build_view(empty, ViewState(), options=FigureOptions(width=WIDTH, labels=True)).figure
        (note,) = fig["layout"]["annotations"]
        assert note["text"] == "No articles yet."  # (a picture has no upload to point to)
        assert fig["layout"]["xaxis"]["visible"] is False
        assert png_size(render(empty, ViewState(), "png")) == (3200, 1800)
    finally:
        empty.close()
