"""Ingest: article files, JSON/JSONL/Parquet records and folders -> Article records.

Formats (see data/README.md):
- text (``.txt`` or no extension): line 1 title, line 2 publication date YYYYMMDD,
  line 3 URL, then the body, one paragraph per line;
- JSON (``.json``): one record or a list of records; JSONL (``.jsonl``, ``.ndjson``): one
  record per line; Parquet (``.parquet``): one record per row. A record has ``title``,
  ``date`` or ``published`` (YYYYMMDD, YYYY-MM-DD or an ISO timestamp), ``url``,
  ``text`` or ``body``; optional ``id``.

Every problem becomes an `ArticleError` naming the source and the problem; readers yield
it in place of the article so that one bad file or record never stops the others.
"""

from __future__ import annotations

import codecs
import glob
import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from dashapp.models import Article

TEXT_SUFFIXES = {".txt", ""}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
PARQUET_SUFFIXES = {".parquet"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | PARQUET_SUFFIXES
# Files a folder scan passes over without complaint: documentation and gold annotations
# that live beside articles are not articles.
_FOLDER_SKIP = re.compile(r"(?i)^(readme|license|licence|changelog)(\..*)?$|\.gold\.json$")


class ArticleError(Exception):
    """The one exception type of ingest: `source` (file, or file:line for a record) and
    `problem` (one human line). str(error) is "source: problem"."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


# --------------------------------------------------------------------------- decoding


def decode(data: bytes, source: str) -> str:
    """Bytes -> text: BOM-marked UTF-8/UTF-16/UTF-32, else UTF-8, else Windows-1252.
    Binary data (NUL bytes, control characters) is refused rather than turned into
    mojibake. Line endings are normalised to "\\n"."""
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise ArticleError(source, f"undecodable bytes ({codec} with BOM): {exc.reason}") from None
            return _normalise_newlines(text)
    if b"\x00" in data:
        raise ArticleError(source, "binary data, not text (NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise ArticleError(source, "undecodable bytes: neither UTF-8 nor Windows-1252") from None
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > max(8, len(text) // 100):
        raise ArticleError(source, "binary data, not text (control characters)")
    return _normalise_newlines(text)


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --------------------------------------------------------------------------- fields

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?")


def parse_date(raw: object, source: str, field: str = "date") -> date:
    """YYYYMMDD (the text format), YYYY-MM-DD or an ISO timestamp -> date."""
    if not isinstance(raw, str):
        raise ArticleError(source, f"'{field}' must be a string date, got {type(raw).__name__}")
    value = raw.strip()
    if not value:
        raise ArticleError(source, "missing publication date")
    if m := re.fullmatch(r"(\d{4})(\d{2})(\d{2})", value):
        parts = m.groups()
    elif m := _ISO_DATE.fullmatch(value):
        parts = m.groups()
    else:
        raise ArticleError(
            source, f"invalid publication date {_show(value)} (expected YYYYMMDD or YYYY-MM-DD)"
        )
    try:
        return date(int(parts[0]), int(parts[1]), int(parts[2]))
    except ValueError:
        raise ArticleError(source, f"impossible publication date {_show(value)}") from None


def parse_reference_date(raw: str) -> date:
    """The CLI's --reference-date: same forms as a publication date."""
    return parse_date(raw, "--reference-date", "--reference-date")


def _show(value: str, limit: int = 40) -> str:
    return repr(value if len(value) <= limit else value[:limit] + "...")


def _article_id(stem: str, body: str) -> str:
    return stem or hashlib.sha1(body.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def content_hash(article: Article) -> str:
    """Identity of an article's content, for idempotent ingest."""
    h = hashlib.sha256()
    for part in (article.title, article.date.isoformat(), article.url, article.body):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()


# --------------------------------------------------------------------------- formats


def parse_text(text: str, source: str, *, stem: str = "") -> Article:
    """The line format: title, YYYYMMDD, URL, body paragraphs."""
    lines = text.split("\n")
    if not text.strip():
        raise ArticleError(source, "empty file")
    if len(lines) < 2 or not lines[1].strip():
        raise ArticleError(source, "missing publication date on line 2 (expected YYYYMMDD)")
    published = parse_date(lines[1], source)
    # Offsets index the body exactly as written (lines after line 3 joined with "\n"):
    # only trailing newlines go.
    body = "\n".join(lines[3:]).rstrip("\n")
    if not body.strip():
        raise ArticleError(source, "empty body (expected paragraphs after line 3)")
    return Article(
        id=_article_id(stem, body),
        title=lines[0].strip(),
        date=published,
        url=lines[2].strip() if len(lines) > 2 else "",
        body=body,
        source=source,
    )


def parse_record(record: object, source: str, *, default_id: str = "") -> Article:
    """A JSON-like record {title, date|published, url, text|body, id?}."""
    if not isinstance(record, Mapping):
        raise ArticleError(source, f"record must be an object, got {type(record).__name__}")
    raw_date = record.get("date", record.get("published"))
    if raw_date is None:
        raise ArticleError(source, "missing publication date ('date' or 'published')")
    if isinstance(raw_date, datetime | date):
        raw_date = raw_date.isoformat()
    published = parse_date(raw_date, source)
    body = record.get("text", record.get("body"))
    if body is None:
        raise ArticleError(source, "missing body ('text' or 'body')")
    fields: dict[str, Any] = {"body": body, "title": record.get("title", ""), "url": record.get("url", "")}
    for name, value in fields.items():
        if value is None:
            fields[name] = ""
        elif not isinstance(value, str):
            raise ArticleError(source, f"'{name}' must be a string, got {type(value).__name__}")
    body = _normalise_newlines(fields["body"]).strip("\n")
    if not body.strip():
        raise ArticleError(source, "empty body")
    rid = record.get("id", record.get("doc_id"))
    return Article(
        id=str(rid) if isinstance(rid, str | int) and str(rid) else _article_id(default_id, body),
        title=fields["title"].strip(),
        date=published,
        url=fields["url"].strip(),
        body=body,
        source=source,
    )


def read_file(path: Path) -> Iterator[Article | ArticleError]:
    """Every article in one file (a JSONL or Parquet file holds many)."""
    source = str(path)
    suffix = path.suffix.lower()
    if suffix not in ARTICLE_SUFFIXES:
        yield ArticleError(
            source, f"unknown format '{path.suffix}' (expected .txt, .json, .jsonl or .parquet)"
        )
        return
    if suffix in PARQUET_SUFFIXES:
        yield from _read_parquet(path)
        return
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        yield ArticleError(source, "is a directory")
        return
    except PermissionError:
        yield ArticleError(source, "cannot read file: permission denied")
        return
    except OSError as exc:
        yield ArticleError(source, f"cannot read file: {exc.strerror or exc}")
        return
    try:
        text = decode(data, source)
    except ArticleError as err:
        yield err
        return
    stem = path.stem
    if suffix in TEXT_SUFFIXES:
        try:
            yield parse_text(text, source, stem=stem)
        except ArticleError as err:
            yield err
    elif suffix in JSON_SUFFIXES:
        yield from _read_json(text, source, stem)
    else:
        yield from _read_jsonl(text, source, stem)


def _read_json(text: str, source: str, stem: str) -> Iterator[Article | ArticleError]:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        yield ArticleError(source, f"invalid JSON at line {exc.lineno} column {exc.colno}: {exc.msg}")
        return
    records = doc if isinstance(doc, list) else [doc]
    if not records:
        yield ArticleError(source, "no records (empty JSON list)")
    for n, record in enumerate(records, 1):
        where = source if len(records) == 1 else f"{source}[{n}]"
        try:
            yield parse_record(record, where, default_id=stem if len(records) == 1 else f"{stem}-{n}")
        except ArticleError as err:
            yield err


def _read_jsonl(text: str, source: str, stem: str) -> Iterator[Article | ArticleError]:
    seen = False
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        seen = True
        where = f"{source}:{n}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield ArticleError(where, f"invalid JSON record: {exc.msg} (column {exc.colno})")
            continue
        try:
            yield parse_record(record, where, default_id=f"{stem}-{n}")
        except ArticleError as err:
            yield err
    if not seen:
        yield ArticleError(source, "empty file")


def _read_parquet(path: Path) -> Iterator[Article | ArticleError]:
    source = str(path)
    try:
        import pyarrow.parquet as pq

        pf = pq.ParquetFile(path)
    except PermissionError:
        yield ArticleError(source, "cannot read file: permission denied")
        return
    except Exception as exc:  # pyarrow raises several types for corrupt files
        yield ArticleError(source, f"not a readable Parquet file: {str(exc).splitlines()[0]}")
        return
    row = 0
    # Row groups stream: a large Parquet file is never loaded whole.
    for batch in pf.iter_batches(batch_size=1024):
        for record in batch.to_pylist():
            row += 1
            try:
                yield parse_record(record, f"{source}[row {row}]", default_id=f"{path.stem}-{row}")
            except ArticleError as err:
                yield err


# --------------------------------------------------------------------------- paths


def expand(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path | ArticleError]:
    """Paths, folders (recursively, symlink loops cut) and glob patterns -> files."""
    for raw in paths:
        text = os.fspath(raw)
        path = Path(text)
        if not path.exists() and not path.is_symlink() and glob.has_magic(text):
            matches = sorted(glob.glob(text, recursive=True))
            if not matches:
                yield ArticleError(text, "no file matches this pattern")
            for match in matches:
                yield from expand([match]) if Path(match).is_dir() else iter([Path(match)])
        elif path.is_dir():
            yield from _walk(path)
        elif path.exists():
            yield path
        elif path.is_symlink():
            yield ArticleError(text, "broken symbolic link")
        else:
            yield ArticleError(text, "no such file or directory")


def _walk(root: Path) -> Iterator[Path | ArticleError]:
    seen: set[str] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True, onerror=None):
        real = os.path.realpath(dirpath)
        if real in seen:  # a symlink loop or a second way into one folder
            dirnames[:] = []
            continue
        seen.add(real)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        if not os.access(dirpath, os.R_OK | os.X_OK):
            yield ArticleError(dirpath, "cannot read folder: permission denied")
            continue
        for name in sorted(filenames):
            if name.startswith(".") or _FOLDER_SKIP.search(name):
                continue
            path = Path(dirpath, name)
            if path.suffix.lower() in ARTICLE_SUFFIXES:
                yield path


def iter_articles(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Article | ArticleError]:
    """Every article under `paths`, or an ArticleError in its place. Never raises for
    bad input."""
    for item in expand(paths):
        if isinstance(item, ArticleError):
            yield item
        else:
            yield from read_file(item)


def load(path: str | os.PathLike[str]) -> list[Article]:
    """The articles of one path; raises the first ArticleError (API convenience)."""
    out: list[Article] = []
    for item in iter_articles([path]):
        if isinstance(item, ArticleError):
            raise item
        out.append(item)
    return out
