"""Adding articles from the browser, refusals, and the per-article reference date.
The unit tests at the end check the upload rules without a browser."""

from __future__ import annotations

import base64
import json
from datetime import date
from pathlib import Path

import pytest
from helpers import open_section, option_labels, settle, summary_count, table_ids, upload, wait_for

from dashapp.app.articles import Refused, add_upload, check_name, decode_contents, save_upload
from dashapp.models import Article
from dashapp.pipeline import extract

GOOD = (
    "Talks in Minsk\n20220103\nhttps://example.org/minsk\n"
    "Russian and Ukrainian officials held talks in Minsk on Friday, the foreign ministry "
    "said.\nPutin warned NATO on Sunday.\n"
)


def test_upload_good_article_its_events_appear(page, server):
    before = summary_count(page)
    msg = upload(page, "minsk.txt", GOOD.encode())
    assert msg.startswith("Added 1 article with 2 events"), msg
    wait_for(lambda: summary_count(page) == before + 2, what="new count")
    labels = page.inner_text("#event-table")
    assert "Putin warns NATO" in labels and "2021-12-31" in labels
    saved = server.data_dir / "uploads" / "minsk.txt"
    assert saved.read_text() == GOOD


def test_an_uploaded_article_is_listed_in_both_article_dropdowns(page, server):
    # A handful of articles: both dropdowns list them all (newest first), as the
    # server's search would; an upload updates both without a reload. (Stores with more
    # articles than a dropdown lists: test_article_search.py.)
    open_section(page, "Article reference date")
    listed = option_labels(page, "ref-article")
    assert listed == option_labels(page, "f-articles") and len(listed) == 3
    assert upload(page, "minsk.txt", GOOD.encode()).startswith("Added 1 article")

    def has_minsk(dropdown: str) -> bool:
        return any("Talks in Minsk" in label for label in option_labels(page, dropdown))

    wait_for(lambda: has_minsk("f-articles"), what="the filter's new option")
    wait_for(lambda: has_minsk("ref-article"), what="the reference dropdown's new option")


def test_the_same_article_again_is_already_in_the_timeline(page, server):
    # uploaded again, under another name, or pasted: not a second article
    before = summary_count(page)
    assert upload(page, "minsk.txt", GOOD.encode()).startswith("Added 1 article with 2 events")
    wait_for(lambda: summary_count(page) == before + 2, what="new count")
    msg = upload(page, "we ird name.txt", GOOD.encode())
    assert msg == "Nothing added: 'Talks in Minsk' is already in the timeline.", msg
    assert "ok" in page.get_attribute("#upload-msg", "class")
    assert [p.name for p in (server.data_dir / "uploads").iterdir()] == ["minsk.txt"]
    assert len(server.store.articles()) == 4 and summary_count(page) == before + 2
    page.fill("#paste-title", "Pasted talks")
    page.fill("#paste-date", "2022-01-03")
    page.fill("#paste-body", "Putin warned NATO on Sunday.")
    for expected in ("Added 1 article", "'Pasted talks' is already in the timeline"):
        old = page.inner_text("#upload-msg")
        page.click("#paste-add")
        wait_for(lambda o=old: page.inner_text("#upload-msg") != o, what="paste message")
        assert expected in page.inner_text("#upload-msg")
    assert len(list((server.data_dir / "uploads").glob("pasted-*.json"))) == 1
    assert len(server.store.articles()) == 5
    msg = upload(page, "minsk.txt", GOOD.encode())
    assert msg == "Nothing added: 'Talks in Minsk' is already in the timeline.", msg
    assert len(list((server.data_dir / "uploads").glob("minsk*"))) == 1
    # a JSONL record's problem names its line, as the command line does
    feed = b'{"title": "A", "date": "2022-01-03", "text": "Talks on Monday."}\n{"title": "B\n'
    msg = upload(page, "feed.jsonl", feed, "application/json")
    assert "feed.jsonl:2: invalid JSON record" in msg, msg


def test_the_same_file_chosen_again_is_uploaded_again(page, server, tmp_path):
    """A file input fires no change for the file it already holds: choosing one file
    again (as it is, then edited) must still reach the server each time."""
    path = tmp_path / "minsk.txt"
    path.write_text(GOOD, encoding="utf-8")
    open_section(page, "Add an article")

    def choose() -> str:
        old = page.inner_text("#upload-msg")
        page.set_input_files("#upload input[type=file]", str(path))

        def done():
            text = page.inner_text("#upload-msg").strip()
            return text if text != old and "Processing" not in text else None

        return wait_for(done, what="upload message")

    before = len(server.store.articles())
    assert choose().startswith("Added 1 article")
    assert choose() == "Nothing added: 'Talks in Minsk' is already in the timeline."
    path.write_text(GOOD.replace("Talks in Minsk", "Talks in Minsk, updated", 1), "utf-8")
    assert choose().startswith("Added 1 article")
    assert len(server.store.articles()) == before + 2


def test_upload_bad_article_shows_error_and_keeps_data(page, server):
    before = table_ids(page)
    msg = upload(page, "broken.txt", b"A title\nnot a date\nhttps://x\nbody\n")
    assert "Nothing added" in msg and "invalid publication date" in msg, msg
    assert "error" in page.get_attribute("#upload-msg", "class")
    assert table_ids(page) == before and summary_count(page) == len(before)
    assert not list((server.data_dir / "uploads").glob("*"))  # a bad file is not kept
    # A refused type, then a binary file: clear messages, nothing lost, server alive.
    assert "not an accepted type" in upload(
        page, "tool.exe", b"MZ\x00\x00", "application/octet-stream"
    )
    assert "binary data" in upload(
        page, "image.json", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "application/json"
    )
    page.reload()
    settle(page)
    wait_for(lambda: table_ids(page) == before, what="the table after a reload")


@pytest.mark.parametrize("upload_limit", [2000])
def test_upload_over_the_size_limit_is_refused(page, server, upload_limit):
    msg = upload(page, "big.txt", (GOOD + "x" * 5000).encode())
    assert "larger than" in msg and "upload limit" in msg, msg
    assert summary_count(page) == 11


def test_pasted_article(page, server):
    open_section(page, "Add an article")
    page.fill("#paste-title", "Pasted <b>talks</b>")
    page.fill("#paste-date", "2022-01-03")
    page.fill("#paste-url", "https://example.org/pasted")
    page.fill("#paste-body", "Putin warned NATO on Sunday.")
    page.click("#paste-add")
    wait_for(lambda: "Added" in page.inner_text("#upload-msg"), what="paste message")
    settle(page)
    assert "Putin warns NATO" in page.inner_text("#event-table")
    # An invalid paste (no date): a message, nothing lost.
    page.fill("#paste-date", "")
    page.click("#paste-add")
    wait_for(
        lambda: "missing publication date" in page.inner_text("#upload-msg"), what="paste error"
    )


def test_reference_date_override_moves_events(page, server):
    _minsk(server.store)
    page.reload()
    settle(page)
    starts = {e.label: e.start for e in server.store.events() if e.mentions[0].article == "ref1"}
    assert starts["Putin warns NATO"] == date(2022, 1, 2)
    open_section(page, "Article reference date")
    page.click("#ref-article")
    page.locator(".dash-dropdown-option", has_text="Talks in Minsk").click()
    wait_for(lambda: page.input_value("#ref-date") == "2022-01-03", what="ref date filled")
    page.fill("#ref-date", "2022-01-10")
    page.click("#ref-apply")
    wait_for(lambda: "Re-extracted" in page.inner_text("#ref-msg"), what="re-extracted")
    settle(page)
    moved = {e.label: e.start for e in server.store.events() if e.mentions[0].article == "ref1"}
    assert moved["Putin warns NATO"] == date(2022, 1, 9)
    assert moved["Russia speaks with Ukraine"] == date(2022, 1, 7)
    table = page.inner_text("#event-table")
    assert "2022-01-09" in table and "2022-01-02" not in table
    assert server.store.article("ref1").reference_date == date(2022, 1, 10)


# --------------------------------------------------------------------------- rules


@pytest.mark.parametrize(
    "name",
    [
        "../evil.txt",
        "a/b.txt",
        "..\\x.txt",
        ".hidden.txt",
        "x.txt\x00.png",
        "",
        "x.exe",
        "x.html",
        "x",
    ],
)
def test_bad_names_are_refused(name):
    with pytest.raises(Refused):
        check_name(name)


def test_good_names_pass():
    for name in ("a.txt", "Article 1 (copy).json", "x.JSONL", "d.parquet"):
        assert check_name(name) == name


def test_size_limit_and_base64():
    data = "data:text/plain;base64," + base64.b64encode(b"x" * 100).decode()
    assert decode_contents(data, 100) == b"x" * 100
    with pytest.raises(Refused, match="larger than"):
        decode_contents(data, 99)
    with pytest.raises(Refused):
        decode_contents("data:text/plain;base64,@@@@", 100)


def test_saved_files_stay_in_the_data_folder(tmp_path):
    root = tmp_path / "data"
    root.mkdir()
    p1 = save_upload(b"a", "x.txt", root)
    p2 = save_upload(b"b", "x.txt", root)
    assert p1 == (root / "uploads" / "x.txt").resolve() and p2.name == "x-1.txt"
    # A symlinked uploads folder pointing elsewhere is refused.
    other = tmp_path / "elsewhere"
    other.mkdir()
    root2 = tmp_path / "data2"
    root2.mkdir()
    (root2 / "uploads").symlink_to(other)
    with pytest.raises(Refused):
        save_upload(b"a", "x.txt", root2)
    assert not list(other.iterdir())


def test_add_upload_refuses_traversal_before_writing(tmp_path):
    contents = "data:text/plain;base64," + base64.b64encode(GOOD.encode()).decode()
    with pytest.raises(Refused):
        add_upload(
            None,
            "../../outside.txt",
            contents,
            limit=10**6,  # type: ignore[arg-type]
            extractor=extract,
            data_dir=tmp_path,
        )
    assert not list(Path(tmp_path).rglob("*.txt"))


def test_an_article_already_stored_is_not_added_again(tmp_path):
    """Upload: the content decides, not the file name or id; a feed repeating a record
    adds it once; a paste of the same text writes no second file."""
    from dashapp.app.articles import add_pasted
    from dashapp.store import Store

    def data(text: str) -> str:
        return "data:text/plain;base64," + base64.b64encode(text.encode()).decode()

    with Store(None) as store:
        kw = {"limit": 10**6, "extractor": extract, "data_dir": tmp_path}
        first = add_upload(store, "kabul.txt", data(GOOD), **kw)
        assert first.articles == 1 and first.ok
        again = add_upload(store, "we ird name.txt", data(GOOD), **kw)
        assert (again.articles, again.already, again.ok) == (0, ("Talks in Minsk",), True)
        assert again.message() == "Nothing added: 'Talks in Minsk' is already in the timeline."
        assert [p.name for p in (tmp_path / "uploads").iterdir()] == ["kabul.txt"]
        record = '{"title": "T", "date": "2022-01-03", "text": "Putin met Biden on Monday."}\n'
        feed = add_upload(store, "feed.jsonl", data(record * 2), **kw)
        assert (feed.articles, len(feed.already)) == (1, 1)
        assert "1 not added: already in the timeline" in feed.message()
        assert len(store.articles()) == 2
        paste = {"title": "P", "published": "2022-01-03", "url": "", "body": "Talks on Friday."}
        assert add_pasted(store, **paste, **kw).articles == 1
        assert add_pasted(store, **paste, **kw).already == ("P",)
        # another title for the same text: the article and its file are replaced
        assert add_pasted(store, **{**paste, "title": "P2"}, **kw).articles == 1
        pasted = list((tmp_path / "uploads").glob("pasted-*.json"))
        assert len(pasted) == 1 and '"P2"' in pasted[0].read_text()
        assert len(store.articles()) == 3
        bad = add_upload(store, "bad.jsonl", data(record + '{"title": "x\n'), **kw)
        assert bad.problems[0].startswith("bad.jsonl:2: invalid JSON record"), bad.problems


@pytest.mark.parametrize("saved", [True, False], ids=["data folder", "no data folder"])
def test_an_upload_sharing_an_id_with_a_stored_article_is_stored_beside_it(tmp_path, saved):
    """Ids as ingest places them: a record or a file whose id a stored article of another
    source holds, or that shares its id with another record of the upload, is stored as
    "id~2"... beside it; nothing stored is replaced (QA8 1)."""
    from dashapp.store import Store

    def data(text: str) -> str:
        return "data:text/plain;base64," + base64.b64encode(text.encode()).decode()

    def rec(i: str, title: str, text: str) -> str:
        return json.dumps({"id": i, "title": title, "date": "2022-01-03", "text": text}) + "\n"

    kw = {"limit": 10**6, "extractor": extract, "data_dir": tmp_path if saved else None}
    with Store(None) as store:
        first = rec("1", "Gaza", "Israel and Hamas agreed a truce on Sunday.")
        add_upload(store, "a.jsonl", data(first + rec("2", "Riyadh", "Talks on Monday.")), **kw)
        later = rec("1", "Goma", "M23 seized Goma on Sunday.")
        assert add_upload(store, "b.jsonl", data(later), **kw).articles == 1
        twice = rec("x1", "One", "Talks on Friday.") + rec("x1", "Two", "Putin called Biden.")
        assert add_upload(store, "c.jsonl", data(twice), **kw).articles == 2
        assert add_upload(store, "x1.txt", data(GOOD), **kw).articles == 1
        titles = {a.id: a.title for a in store.articles()}
        assert titles == {
            "1": "Gaza",
            "2": "Riyadh",
            "1~2": "Goma",
            "x1": "One",
            "x1~2": "Two",
            "x1~3": "Talks in Minsk",
        }
        # every event still quotes its own article
        bodies = {a.id: a.body for a in store.articles()}
        for ev in store.events():
            for m in ev.mentions:
                assert m.sentence in bodies[m.article], (m.article, m.sentence)
        # the same file changed replaces its own article only (no data folder: one source)
        if not saved:
            changed = rec("1", "Goma", "M23 seized Goma and Bukavu on Sunday.")
            assert add_upload(store, "b.jsonl", data(changed), **kw).articles == 1
            assert {a.id: a.title for a in store.articles()} == titles
            assert "Bukavu" in next(a.body for a in store.articles() if a.id == "1~2")


def _minsk(store) -> None:
    article = Article(
        id="ref1",
        title="Talks in Minsk",
        date=date(2022, 1, 3),
        url="https://example.org/ref1",
        body=GOOD.split("\n", 3)[3],
    )
    store.add(extract([article]))


def test_a_correction_follows_its_event_when_the_reference_date_changes(tmp_path):
    from dashapp.app.articles import reextract
    from dashapp.store import Store

    with Store(tmp_path / "s.duckdb") as store:
        _minsk(store)
        (warn,) = [e for e in store.events() if e.label == "Putin warns NATO"]
        assert warn.start == date(2022, 1, 2)
        # as the dashboard's form sends it: every field, the label changed
        store.correct_event(
            warn.id, start=warn.start, end=warn.end, label="Putin threatens NATO",
            actors=warn.actors,
        )  # fmt: skip
        (talks,) = [e for e in store.events() if e.label == "Russia speaks with Ukraine"]
        store.correct_event(talks.id, start=date(2022, 1, 5), end=date(2022, 1, 5))
        done = reextract(store, "ref1", "2022-01-10", extractor=extract)
        assert (done.carried, done.lost) == (2, 0)
        assert "2 corrected events of this article kept the correction" in done.message()
        by_label = {e.label: e for e in store.events() if e.mentions[0].article == "ref1"}
        assert "Putin warns NATO" not in by_label
        moved = by_label["Putin threatens NATO"]
        # the label is the user's; the dates, left as they were, follow the new reference
        assert moved.human and moved.start == date(2022, 1, 9) and moved.id != warn.id
        # a date the user set stays theirs
        kept = by_label["Russia speaks with Ukraine"]
        assert kept.human and kept.start == date(2022, 1, 5)
        # and back: the first ids return with their own corrections
        back = reextract(store, "ref1", "2022-01-03", extractor=extract)
        labels = {e.label for e in store.events() if e.mentions[0].article == "ref1"}
        assert "Putin threatens NATO" in labels and "Putin warns NATO" not in labels
        assert back.lost == 0


def test_a_correction_that_no_longer_applies_is_said():
    from dashapp.app.articles import Reextracted

    art = Article(id="x", title="t", date=date(2022, 1, 3), url="", body="b")
    text = Reextracted(art, 3, carried=0, lost=1).message()
    assert text.startswith("Re-extracted with reference date 2022-01-03: 3 events.")
    assert "1 correction no longer applies" in text
