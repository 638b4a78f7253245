"""Adding articles from the browser (upload or paste) and re-extracting one with another
reference date. Parsing is ingest's; extraction is the pipeline's; this module only
checks what arrives, keeps files inside the data folder, and reports in one line."""

from __future__ import annotations

import base64
import binascii
import re
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from dashapp.ingest import ArticleError, content_hash, parse_record, read_file, stored_source
from dashapp.models import Article, Extraction
from dashapp.store import Store

Extractor = Callable[[Sequence[Article]], Extraction]
UPLOAD_SUFFIXES = (".txt", ".json", ".jsonl", ".ndjson", ".parquet")
UPLOAD_FOLDER = "uploads"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ._()+-]{0,150}$")


class Refused(Exception):
    """An upload or form refused before any processing; str() is the message shown."""


@dataclass(frozen=True, slots=True)
class Outcome:
    articles: int
    events: int
    problems: tuple[str, ...]
    saved: Path | None = None
    # titles of the articles not added because their content is already in the store
    already: tuple[str, ...] = ()
    # how many of the `events` were merged into events already in the timeline (the same
    # happening told before), which the count shown does not then grow by
    joined: int = 0

    @property
    def ok(self) -> bool:
        """Nothing went wrong (what arrived is added, or was there already)."""
        return not self.problems and bool(self.articles or self.already)

    @property
    def _listed(self) -> int:
        """How many problems message() names: 3 after an "Added ...", 5 when nothing was."""
        return 3 if self.articles else 5

    @property
    def unlisted(self) -> int:
        """How many problems message() leaves out (the page lists them all beside it)."""
        return max(0, len(self.problems) - self._listed)

    def message(self) -> str:
        there = self._already()
        more = [f"… and {self.unlisted:,} more"] if self.unlisted else []
        if not self.articles:
            if there and not self.problems:
                return f"Nothing added: {there}."
            return "Nothing added: " + "; ".join(
                ([there] if there else []) + list(self.problems[: self._listed]) + more
            )
        text = (
            f"Added {self.articles} article{'s' if self.articles != 1 else ''} with "
            f"{self.events} event{'s' if self.events != 1 else ''}"
        )
        if self.joined and self.joined >= self.events:
            text += (
                ", merged into "
                + ("an event" if self.events == 1 else "events")
                + " already in the timeline."
            )
        elif self.joined:
            into = "an event" if self.joined == 1 else "events"
            text += f" ({self.joined} of them merged into {into} already in the timeline)."
        else:
            text += "."
        if there:
            text += f" {len(self.already)} not added: already in the timeline."
        if self.problems:
            text += f" {len(self.problems)} problem(s): " + "; ".join(
                list(self.problems[: self._listed]) + more
            )
        return text

    def _already(self) -> str:
        if not self.already:
            return ""
        if len(self.already) == 1:
            return f"{self.already[0]!r} is already in the timeline"
        return f"these {len(self.already)} articles are already in the timeline"


def check_name(filename: str | None) -> str:
    """The upload's file name if it is a plain name with an accepted suffix. Names with
    a folder part, "..", a leading dot or odd characters are refused: the name is used
    for the saved copy, which must stay inside the data folder."""
    if not filename:
        raise Refused("Refused: the upload has no file name.")
    if "/" in filename or "\\" in filename or "\x00" in filename or ".." in filename:
        raise Refused(
            f"Refused: {filename!r} is not a plain file name (folders and '..' are not allowed)."
        )
    if not _NAME.match(filename):
        raise Refused(
            f"Refused: {filename!r}: use letters, digits, spaces, '.', '_', '-' "
            "in file names, not starting with a dot."
        )
    if Path(filename).suffix.lower() not in UPLOAD_SUFFIXES:
        raise Refused(
            f"Refused: {filename!r} is not an accepted type (expected "
            + ", ".join(UPLOAD_SUFFIXES)
            + ")."
        )
    return filename


def decode_contents(contents: str | None, limit: int) -> bytes:
    """A dcc.Upload data URL -> bytes, refusing anything over `limit` bytes."""
    if not contents or "," not in contents:
        raise Refused("Refused: the upload is empty or unreadable.")
    head, b64 = contents.split(",", 1)
    if not head.startswith("data:") or ";base64" not in head:
        raise Refused("Refused: the upload is not base64 data.")
    if len(b64) * 3 // 4 > limit + 3:
        raise Refused(f"Refused: the file is larger than the {_mb(limit)} upload limit.")
    try:
        data = base64.b64decode(b64, validate=True)
    except (binascii.Error, ValueError):
        raise Refused("Refused: the upload is not valid base64 data.") from None
    if len(data) > limit:
        raise Refused(f"Refused: the file is larger than the {_mb(limit)} upload limit.")
    if not data:
        raise Refused("Refused: the file is empty.")
    return data


def _mb(n: int) -> str:
    return f"{n / 2**20:g} MB"


def save_upload(data: bytes, filename: str, data_dir: Path, *, overwrite: bool = False) -> Path:
    """Write to `data_dir/uploads/filename` (a numbered name if taken, unless `overwrite`),
    never outside `data_dir`."""
    root = data_dir.resolve()
    folder = (root / UPLOAD_FOLDER).resolve()
    if not folder.is_relative_to(root):
        raise Refused("Refused: the uploads folder is outside the data folder.")
    folder.mkdir(parents=True, exist_ok=True)
    stem, suffix = Path(filename).stem, Path(filename).suffix
    target = folder / filename
    n = 1
    while target.exists() and not overwrite:
        target = folder / f"{stem}-{n}{suffix}"
        n += 1
    target = target.resolve()
    if not target.is_relative_to(folder):
        raise Refused(f"Refused: {filename!r} would be saved outside the data folder.")
    tmp = target.with_name("." + target.name + ".part")
    tmp.write_bytes(data)
    tmp.replace(target)
    return target


def _ingest(
    store: Store, items: list[Article | ArticleError], extractor: Extractor, saved: Path | None
) -> Outcome:
    articles, already = _new_articles(store, [a for a in items if isinstance(a, Article)])
    problems = tuple(_problem(e) for e in items if isinstance(e, ArticleError))
    if not articles:
        return Outcome(0, 0, problems or (() if already else ("no article found",)), saved, already)
    extraction = extractor(placed(store, articles))
    # an article that replaces its earlier version takes that one's events away: the
    # count then says nothing of what was merged
    replacing = any(store.article(a.id) is not None for a in extraction.articles)
    before = None if replacing else store.count_events()
    store.add(extraction)
    joined = 0
    if before is not None:
        joined = min(
            len(extraction.events), max(0, before + len(extraction.events) - store.count_events())
        )
    return Outcome(len(articles), len(extraction.events), problems, saved, already, joined)


def placed(store: Store, articles: Sequence[Article]) -> list[Article]:
    """The articles under the ids they are stored with, as ingest gives them
    (Store.place_ids): one that shares its id with a stored article of another source (a
    file or a record elsewhere) or with another of `articles` becomes "id~2", "id~3"...
    beside it, and only an article from the same source replaces its earlier version."""
    ids = store.place_ids([a.id for a in articles], [a.source for a in articles])
    return [a if i == a.id else replace(a, id=i) for a, i in zip(articles, ids, strict=True)]


def _new_articles(store: Store, articles: list[Article]) -> tuple[list[Article], tuple[str, ...]]:
    """The articles whose content (ingest.content_hash, whatever the id, file name or
    reference date) is neither stored nor repeated earlier in the list, and the titles of
    the others."""
    hashes = [content_hash(a) for a in articles]
    stored = store.find_contents(hashes)
    new: list[Article] = []
    already: list[str] = []
    seen: set[str] = set()
    for a, h in zip(articles, hashes, strict=True):
        if h in stored or h in seen:
            already.append(a.title or a.id)
        else:
            seen.add(h)
            new.append(a)
    return new, tuple(already)


def _problem(err: ArticleError) -> str:
    """ "feed.jsonl:4: problem", as the command line says it (the file's name, and the
    line or record the problem is in)."""
    source = Path(err.source).name if err.source else ""
    return f"{source}: {err.problem}" if source else err.problem


def add_upload(
    store: Store,
    filename: str | None,
    contents: str | None,
    *,
    limit: int,
    extractor: Extractor,
    data_dir: Path | None,
) -> Outcome:
    """Check, save (inside `data_dir/uploads` when there is a data folder), parse with
    ingest, extract and store. A file that yields no article is not kept."""
    name = check_name(filename)
    data = decode_contents(contents, limit)
    if data_dir is not None:
        path = save_upload(data, name, data_dir)
        items = [
            replace(a, source=stored_source(a.source)) if isinstance(a, Article) else a
            for a in read_file(path)
        ]
        outcome = _ingest(store, items, extractor, path)
        if not outcome.articles:
            path.unlink(missing_ok=True)
        return outcome
    with tempfile.TemporaryDirectory(prefix="geotimeline-upload-") as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        # named by the upload's name, each record by its own place in it ("feed.jsonl:2")
        items = [
            replace(a, source=name + a.source.removeprefix(str(path)))
            if isinstance(a, Article)
            else a
            for a in read_file(path)
        ]
        return _ingest(store, items, extractor, None)


def add_pasted(
    store: Store,
    *,
    title: str | None,
    published: str | None,
    url: str | None,
    body: str | None,
    extractor: Extractor,
    limit: int,
    data_dir: Path | None,
) -> Outcome:
    """A pasted article: the same record rules as a JSON file."""
    record = {"title": title or "", "date": published or "", "url": url or "", "body": body or ""}
    if len((body or "").encode("utf-8", "surrogatepass")) > limit:
        raise Refused(f"Refused: the text is larger than the {_mb(limit)} upload limit.")
    try:
        article = parse_record(record, "pasted article")
    except ArticleError as err:
        return Outcome(0, 0, (err.problem,))
    if not _new_articles(store, [article])[0]:
        return Outcome(0, 0, (), None, (article.title or article.id,))
    saved = None
    if data_dir is not None:
        import json

        # the id comes from the text: a text pasted again with another title, date or URL
        # replaces its article, and its file with it (one file per id)
        data = json.dumps({**record, "id": article.id}, ensure_ascii=False).encode("utf-8")
        saved = save_upload(data, f"pasted-{article.id[:12]}.json", data_dir, overwrite=True)
    return _ingest(store, [article], extractor, saved)


@dataclass(frozen=True, slots=True)
class Reextracted:
    article: Article
    events: int
    carried: int = 0  # corrected events whose corrections moved to the new event
    lost: int = 0  # corrected events no re-extracted event stands for

    def message(self) -> str:
        text = (
            f"Re-extracted with reference date {self.article.anchor.isoformat()}: "
            f"{self.events} event{'s' if self.events != 1 else ''}."
        )
        if self.carried:
            text += (
                f" {self.carried} corrected event{'s' if self.carried != 1 else ''} of this "
                "article kept the correction (carried over to the event of the same mention)."
            )
        if self.lost:
            were = (
                "corrections no longer apply" if self.lost != 1 else "correction no longer applies"
            )
            text += (
                f" {self.lost} {were}: the mention is no longer an event (setting the "
                "earlier reference date again brings it back)."
            )
        return text


def reextract(
    store: Store, article_id: str | None, reference: str | None, *, extractor: Extractor
) -> Reextracted:
    """Re-extract one article anchored on `reference` (YYYY-MM-DD; empty resets to the
    default, Article.anchor: its wire dateline's date, else the publication date); the
    store replaces that article's earlier results, and the corrections of its events follow
    them (Store.reattach_corrections)."""
    if not article_id:
        raise Refused("Choose an article first.")
    article = store.article(article_id)
    if article is None:
        raise Refused("That article is no longer in the store.")
    ref: date | None = None
    if reference:
        try:
            ref = date.fromisoformat(reference[:10])
        except ValueError:
            raise Refused(f"Invalid reference date {reference!r}.") from None
    updated = replace(article, reference_date=ref)
    extraction = extractor([updated])
    spots = store.corrected_spots(article.id)
    store.add(extraction)
    carried, lost = store.reattach_corrections(article.id, spots) if spots else (0, 0)
    return Reextracted(updated, len(extraction.events), carried, lost)
