"""Ingest: article files, JSON/JSONL/Parquet records and folders -> Article records.

Formats (see data/README.md):
- text (``.txt`` or no extension): line 1 title, line 2 publication date YYYYMMDD,
  line 3 URL, then the body, one paragraph per line (a file with no extension, or a
  ``.txt`` that is no text article, that holds JSON or JSON Lines is read as such);
- JSON (``.json``): one record or a list of records; JSONL (``.jsonl``, ``.ndjson``): one
  record per line; Parquet (``.parquet``): one record per row. A record has ``title``,
  ``date`` or ``published`` (YYYYMMDD, YYYY-MM-DD or an ISO timestamp), ``url``,
  ``text`` or ``body``; optional ``id``.

Every problem becomes an `ArticleError` naming the source and the problem; readers yield
it in place of the article so that one bad file or record never stops the others.
Article ids are unique within one file, not across a batch: callers that mix files make
them unique (`geotimeline extract` and batch ingest append "~2", "~3"...).
"""

from __future__ import annotations

import codecs
import errno
import fnmatch
import glob
import hashlib
import html
import json
import math
import os
import re
import stat
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, BinaryIO

from dashapp.models import Article

TEXT_SUFFIXES = {".txt", ""}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
PARQUET_SUFFIXES = {".parquet"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | PARQUET_SUFFIXES
# Text and JSON files are read whole: a bigger one is refused rather than exhausting
# memory (the largest real article is well under 1 MB). Parquet streams and has no limit.
MAX_FILE_BYTES = 256 * 1024 * 1024
# Files a folder scan passes over without complaint: documentation, manifests and gold
# annotations that live beside articles are not articles. Any other file in a folder is
# read, so a stray ".docx" is reported as an unknown format rather than silently ignored.
# A database kept beside the articles ("ingest news --db news/db.duckdb") is no article.
_FOLDER_SKIP = re.compile(
    r"(?i)^(readme|license|licence|changelog|manifest)(\..*)?$|\.gold\.json$|\.duckdb(\.wal)?$"
)
_FORMATS = "expected .txt, .json, .jsonl or .parquet"


class ArticleError(Exception):
    """The one exception type of ingest: `source` (file, or file:line for a record) and
    `problem` (one human line). str(error) is "source: problem"."""

    def __init__(self, source: str, problem: str) -> None:
        # One line, printable: a file name may hold a newline or undecodable bytes.
        source, problem = _one_line(source), _one_line(problem)
        if len(source) > 300:  # an absurd command-line argument, not a real path
            source = f"{source[:120]}...{source[-120:]}"
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


_SURROGATE = re.compile(r"[\ud800-\udfff]")
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def _one_line(text: str) -> str:
    return _UNPRINTABLE.sub(lambda m: repr(m.group())[1:-1], str(text))


# --------------------------------------------------------------------------- decoding

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16-LE: FF FE 00 00 starts with FF FE
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_HIGH_BYTES = bytes(range(0x80, 0x100))
# C0 controls except tab, LF, VT, FF, CR; DEL; C1 controls. NUL is refused outright.
_CONTROLS = re.compile(r"[\x01-\x08\x0e-\x1f\x7f-\x9f]")


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    """Decode error handler: the offending bytes as Windows-1252, the five bytes it leaves
    undefined (81 8D 8F 90 9D) as the same code points, as the WHATWG encoding does."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    chunk = exc.object[exc.start : exc.end]
    return "".join(_cp1252_byte(b) for b in chunk), exc.end


def _cp1252_byte(b: int) -> str:
    try:
        return bytes([b]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(b)


codecs.register_error("geotimeline.cp1252", _cp1252_fallback)


def decode(data: bytes, source: str) -> str:
    """Bytes -> text: BOM-marked UTF-8/UTF-16/UTF-32, else UTF-8, else Windows-1252
    (a superset of Latin-1's printable characters); a UTF-8 file with a few stray
    Windows-1252 bytes keeps its UTF-8 and only those bytes are read as Windows-1252.
    Binary data (NUL bytes, many control characters) is refused rather than turned into
    mojibake. Line endings are normalised to "\\n"."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise ArticleError(
                    source,
                    f"undecodable bytes: invalid {codec.upper()} after its byte-order mark "
                    f"at byte {exc.start + len(bom)} ({exc.reason})",
                ) from None
            break
    else:
        if b"\x00" in data:
            raise ArticleError(source, _nul_problem(data))
        text = _decode_unmarked(data)
    if "\x00" in text:
        raise ArticleError(source, "binary data, not text (NUL characters)")
    if text.startswith("\ufeff"):  # a second BOM (a file converted twice)
        text = text[1:]
    if text.endswith("\x1a"):  # the end-of-file mark of old DOS editors
        text = text[:-1]
    controls = len(_CONTROLS.findall(text))
    if controls > max(16, len(text) // 20):
        raise ArticleError(source, f"binary data, not text ({controls} control characters)")
    return _normalise_newlines(text)


def _decode_unmarked(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Mostly UTF-8 (more high bytes in valid UTF-8 sequences than outside them): keep it
    # UTF-8 and read only the stray bytes as Windows-1252; decoding the whole file as
    # Windows-1252 would turn every "é" into "Ã©".
    utf8_bytes = sum(len(m) for m in _UTF8_MULTIBYTE.findall(data))
    high_bytes = len(data) - len(data.translate(None, _HIGH_BYTES))
    codec = "utf-8" if utf8_bytes > high_bytes - utf8_bytes else "cp1252"
    return data.decode(codec, errors="geotimeline.cp1252")


def _nul_problem(data: bytes) -> str:
    even, odd = data[0::2].count(0), data[1::2].count(0)
    if len(data) >= 4 and max(even, odd) > len(data) // 4 and min(even, odd) == 0:
        return "binary data, not text (NUL bytes: UTF-16 needs a byte-order mark)"
    return "binary data, not text (NUL bytes)"


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --------------------------------------------------------------------------- markup

# A body scraped with its HTML ("<p>Russia <b>attacked</b> Kyiv.</p>", "Ukraine&#39;s"):
# a tag of HTML's own vocabulary, or a character reference. Plain text that merely holds a
# "<" or an "&" ("a < b", "AT&T") matches neither.
_HTML_TAG = re.compile(
    r"</?(?:p|br|div|span|a|b|i|u|em|strong|small|sup|sub|h[1-6]|ul|ol|li|dl|dt|dd|table|"
    r"thead|tbody|tr|td|th|blockquote|q|cite|figure|figcaption|img|picture|source|section|"
    r"article|header|footer|aside|nav|main|script|style|noscript|template|iframe|hr|pre|"
    r"code|abbr|time|font|center|html|head|body|title|meta|link)\b[^<>]*>",
    re.I,
)
_HTML_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")
# the tags that end a paragraph (the text format's line) and those whose content is no text
_BLOCK_TAGS = frozenset(
    "p br div li ul ol dl dt dd h1 h2 h3 h4 h5 h6 table tr blockquote figure figcaption "
    "section article header footer aside nav main hr pre title".split()
)
_HIDDEN_TAGS = frozenset("script style noscript template head iframe".split())


class _TextOfHtml(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN_TAGS:
            self.hidden += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def _title(text: str) -> str:
    """A title as stored: its text (plain_text), on one line (a record's title, or one
    in markup, may hold line breaks the text format can't)."""
    return " ".join(plain_text(text).split("\n")).strip()


def plain_text(text: str) -> str:
    """`text` without HTML markup when it has some (a scraped body): tags dropped, the
    content of scripts and styles too, character references decoded ("&#39;" -> "'",
    "&nbsp;" -> a space), one paragraph per line. Text without markup comes back as it is."""
    if _HTML_TAG.search(text) is None:
        if _HTML_REFERENCE.search(text) is None:
            return text
        return html.unescape(text).replace("\xa0", " ")
    parser = _TextOfHtml()
    parser.feed(text)
    parser.close()
    lines = "".join(parser.parts).replace("\xa0", " ").split("\n")
    return "\n".join(" ".join(line.split()) for line in lines if line.strip())


# --------------------------------------------------------------------------- fields

_YYYYMMDD = re.compile(r"([0-9]{4})([0-9]{2})([0-9]{2})")
_ISO_DAY = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_ISO_STAMP = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})[T ].+", re.S)


def parse_date(
    raw: object, source: str, field: str = "date", what: str = "publication date"
) -> date:
    """YYYYMMDD (the text format), YYYY-MM-DD or an ISO timestamp -> date. A timestamp
    gives the calendar date as written (its own time zone), not converted to UTC. `what`
    names the date in messages."""
    if not isinstance(raw, str):
        raise ArticleError(
            source,
            f'\'{field}\' must be a date string ("20220103" or "2022-01-03"), got {_kind(raw)}',
        )
    value = raw.strip()
    if not value:
        raise ArticleError(source, f"missing {what}")
    m = _YYYYMMDD.fullmatch(value) or _ISO_DAY.fullmatch(value) or _ISO_STAMP.fullmatch(value)
    if m is None:
        raise ArticleError(
            source, f"invalid {what} {_show(value)} (expected YYYYMMDD or YYYY-MM-DD)"
        )
    try:
        day = date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        raise ArticleError(source, f"impossible {what} {_show(value)}") from None
    if m.re is _ISO_STAMP:
        try:
            datetime.fromisoformat(value)
        except ValueError:
            raise ArticleError(
                source, f"invalid {what} {_show(value)} (not an ISO timestamp)"
            ) from None
    return day


def parse_reference_date(raw: str) -> date:
    """The CLI's --reference-date: same forms as a publication date."""
    return parse_date(raw, "--reference-date", "--reference-date", what="reference date")


def _show(value: str, limit: int = 40) -> str:
    return repr(value if len(value) <= limit else value[:limit] + "...")


def _kind(value: object) -> str:
    """A value's type in JSON words (records come from JSON far more than from Python)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list | tuple):
        return "array"
    if isinstance(value, Mapping):
        return "object"
    return type(value).__name__


def _article_id(stem: str, body: str) -> str:
    return stem or hashlib.sha1(body.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def numbered_id(article_id: str, n: int) -> str:
    """The id of the n-th input (from 1) that has `article_id`: files with one stem in
    two folders become "id", "id~2", "id~3"... (extract, ingest and Dask ingest alike)."""
    return article_id if n == 1 else f"{article_id}~{n}"


def content_hash(article: Article) -> str:
    """Identity of an article's content, for idempotent ingest."""
    h = hashlib.sha256()
    for part in (article.title, article.date.isoformat(), article.url, article.body):
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()


def article_key(article: Article) -> str:
    """What makes a stored article's results current: its content hash, and the
    reference date when one overrides the publication date (it changes every relative
    date)."""
    h = content_hash(article)
    return h if article.reference_date is None else f"{h}@{article.reference_date.isoformat()}"


# --------------------------------------------------------------------------- formats


def parse_text(text: str, source: str, *, stem: str = "") -> Article:
    """The line format: title, YYYYMMDD, URL, body paragraphs."""
    text = _normalise_newlines(text)
    if not text.strip():
        raise ArticleError(source, "empty file")
    lines = text.split("\n")
    if len(lines) < 2 or not lines[1].strip():
        raise ArticleError(source, "missing publication date on line 2 (expected YYYYMMDD)")
    published = parse_date(lines[1], source)
    # Offsets index the body exactly as written (lines after line 3 joined with "\n"):
    # only trailing newlines go.
    # (a body with HTML markup: its text, plain_text)
    body = plain_text("\n".join(lines[3:])).rstrip("\n")
    if not body.strip():
        raise ArticleError(source, "empty body (expected paragraphs after line 3)")
    return Article(
        id=_article_id(stem, body),
        title=_title(lines[0]),
        date=published,
        url=lines[2].strip(),
        body=body,
        source=source,
    )


def _field(record: Mapping[Any, Any], *names: str) -> tuple[str, Any]:
    """The first of `names` present with a value, and its name: null and NaN (Parquet's
    and pandas' missing value) count as absent, so {"date": null, "published": "..."}
    works."""
    for name in names:
        value = record.get(name)
        if value is None or (isinstance(value, float) and math.isnan(value)):
            continue
        return name, value
    return names[0], None


def _names_hint(names: Iterable[object], wanted: tuple[str, ...], what: str) -> str:
    """What a record or file has instead of the fields `wanted`, for the message of a
    missing one: the same name in other letters ("found 'Date': field names are lower
    case"), else its names (a feed's 'pubDate', 'content'); "" when it has none, or has
    one of them with no value."""
    names = [n for n in names if isinstance(n, str)]
    if any(n in wanted for n in names):
        return ""  # there, but null
    near = [n for n in names if n.strip().lower() in wanted and n not in wanted]
    if near:
        return f"; found {near[0]!r}: {what} names are lower case"
    if not names:
        return ""
    shown = ", ".join(repr(n) for n in names[:6]) + (", ..." if len(names) > 6 else "")
    return f"; its {what}s: {shown}"


def parse_record(record: object, source: str, *, default_id: str = "") -> Article:
    """A JSON-like record {title, date|published, url, text|body, id?}."""
    if not isinstance(record, Mapping):
        raise ArticleError(source, f"record must be an object, got {_kind(record)}")
    date_field, raw_date = _field(record, "date", "published")
    if raw_date is None:
        raise ArticleError(
            source,
            "missing publication date ('date' or 'published'"
            + _names_hint(record, ("date", "published"), "field")
            + ")",
        )
    if isinstance(raw_date, datetime):
        raw_date = raw_date.date().isoformat()  # as written, like a timestamp string
    elif isinstance(raw_date, date):
        raw_date = raw_date.isoformat()
    published = parse_date(raw_date, source, date_field)
    body_field, body = _field(record, "text", "body")
    if body is None:
        raise ArticleError(
            source,
            "missing body ('text' or 'body'" + _names_hint(record, ("text", "body"), "field") + ")",
        )
    fields = {
        body_field: body,
        "title": _field(record, "title")[1],
        "url": _field(record, "url")[1],
    }
    for name, value in fields.items():
        if value is None:
            fields[name] = ""
        elif not isinstance(value, str):
            raise ArticleError(source, f"'{name}' must be a string, got {_kind(value)}")
    for name, value in fields.items():
        # JSON can spell a lone UTF-16 surrogate ("\ud800"), which no UTF-8 output can
        # hold: it becomes U+FFFD, one character for one (offsets stay right)
        fields[name] = _SURROGATE.sub("\ufffd", value)
    body = plain_text(_normalise_newlines(fields[body_field])).strip("\n")
    if not body.strip():
        raise ArticleError(source, "empty body")
    rid = _field(record, "id", "doc_id")[1]
    if isinstance(rid, str):
        rid = _SURROGATE.sub("\ufffd", rid.strip())
    elif isinstance(rid, int) and not isinstance(rid, bool):
        rid = str(rid)
    else:
        rid = ""
    return Article(
        id=rid or _article_id(default_id, body),
        title=_title(_normalise_newlines(fields["title"])),
        date=published,
        url=fields["url"].strip(),
        body=body,
        source=source,
    )


def read_file(path: str | os.PathLike[str]) -> Iterator[Article | ArticleError]:
    """Every article in one file (a JSONL or Parquet file holds many). Folders, FIFOs,
    devices and sockets are refused, never opened for reading (that could block)."""
    path = Path(path)
    source = _display(path)
    stem = _display(path.stem)  # an id made of it must be writable as UTF-8
    try:
        st = path.stat()
    except (OSError, ValueError) as exc:
        yield ArticleError(source, _path_problem(path, exc, "cannot read file"))
        return
    if stat.S_ISDIR(st.st_mode):
        yield ArticleError(source, "is a folder, not a file")
        return
    if not stat.S_ISREG(st.st_mode):
        yield ArticleError(source, f"not a regular file ({_file_kind(st.st_mode)}): refused")
        return
    suffix = path.suffix.lower()
    if suffix not in ARTICLE_SUFFIXES:
        yield ArticleError(source, f"unknown format '{path.suffix}' ({_FORMATS})")
        return
    try:
        # O_NONBLOCK: should the file have been swapped for a FIFO since stat, opening it
        # must not wait for a writer; fstat below then refuses it.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        yield ArticleError(source, _path_problem(path, exc, "cannot read file"))
        return
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            yield ArticleError(source, "not a regular file: refused")
            return
        if suffix in PARQUET_SUFFIXES:
            yield from _read_parquet(fh, source, stem)
            return
        if st.st_size > MAX_FILE_BYTES:
            yield ArticleError(source, _too_large(st.st_size))
            return
        try:
            data = fh.read(MAX_FILE_BYTES + 1)
        except OSError as exc:
            yield ArticleError(source, _path_problem(path, exc, "cannot read file"))
            return
    if len(data) > MAX_FILE_BYTES:  # grew after stat, or a size-less special file
        yield ArticleError(source, _too_large(len(data)))
        return
    try:
        text = decode(data, source)
    except ArticleError as err:
        yield err
        return
    doc: Any = None  # JSON parsed once, by the sniffing
    if not suffix:
        suffix, doc = _sniffed(text)
    if suffix in TEXT_SUFFIXES:
        try:
            article = parse_text(text, source, stem=stem)
        except ArticleError as err:
            # a .txt that is no text article but JSON or JSON Lines (an export saved under
            # the wrong name) is read as what it holds; anything else is the text's error
            suffix, doc = _sniffed(text) if suffix else ("", None)
            if not suffix:
                yield err
                return
        else:
            yield article
            return
    if doc is not None:
        yield from _json_records(doc, source, stem)
    elif suffix in JSON_SUFFIXES:
        yield from _read_json(text, source, stem)
    else:
        yield from _read_jsonl(text, source, stem)


def _sniffed(text: str) -> tuple[str, Any]:
    """The format of a file named without a suffix, as a suffix, and for JSON the parsed
    document: JSON when the whole text is a JSON object or list, JSON Lines when its
    first line is a JSON object, else text (whose first line is a title: one that is a
    whole JSON object is not)."""
    head = text.lstrip("\ufeff \t\r\n")
    if head[:1] not in ("{", "["):
        return "", None
    try:
        return ".json", _loads(head)
    except ValueError:
        pass
    try:
        first = _loads(head.split("\n", 1)[0])
    except ValueError:
        return "", None
    return (".jsonl" if isinstance(first, dict) else ""), None


def _too_large(size: int) -> str:
    return f"file too large ({size / 2**20:.1f} MB, over the {MAX_FILE_BYTES // 2**20} MB limit)"


def _loads(text: str) -> Any:
    """json.loads with every failure as ValueError: deep nesting raises RecursionError and
    a huge integer a plain ValueError, neither of them a JSONDecodeError."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        raise
    except RecursionError:
        raise ValueError("nested too deeply") from None


def json_problem(exc: ValueError, *, line: bool) -> str:
    if isinstance(exc, json.JSONDecodeError):
        where = f"column {exc.colno}" if not line else f"line {exc.lineno} column {exc.colno}"
        # Some messages end in "at" ("Unterminated string starting at"), others do not.
        return f"{exc.msg} {where}" if exc.msg.endswith(" at") else f"{exc.msg} at {where}"
    return str(exc).split(":")[0]


def _read_json(text: str, source: str, stem: str) -> Iterator[Article | ArticleError]:
    if not text.strip():
        yield ArticleError(source, "empty file")
        return
    try:
        doc = _loads(text)
    except ValueError as exc:
        yield ArticleError(source, f"invalid JSON: {json_problem(exc, line=True)}")
        return
    yield from _json_records(doc, source, stem)


def _json_records(doc: Any, source: str, stem: str) -> Iterator[Article | ArticleError]:
    """The articles of a parsed JSON file: one record, or a list of them."""
    if isinstance(doc, dict):
        if doc and not doc.keys() & set(_WANTED_COLUMNS):
            # Most often a wrapper such as {"articles": [...]}: say so, not "missing date".
            keys = ", ".join(repr(k) for k in list(doc)[:4]) + (", ..." if len(doc) > 4 else "")
            yield ArticleError(
                source,
                f"not an article record: an object with keys {keys} "
                "(expected title, date, url, text, or a list of such records)",
            )
            return
        records = [doc]
    elif isinstance(doc, list):
        records = doc
    else:
        yield ArticleError(source, f"expected a JSON object or a list of objects, got {_kind(doc)}")
        return
    if not records:
        yield ArticleError(source, "no records (empty JSON list)")
    single = isinstance(doc, dict)
    for n, record in enumerate(records, 1):
        where = source if single else f"{source}[{n}]"
        try:
            yield parse_record(record, where, default_id=stem if single else f"{stem}-{n}")
        except ArticleError as err:
            yield err


# A JSONL file whose first lines are all invalid is not JSON Lines at all (often one
# pretty-printed JSON document): one error for the file, not one per line. Only from
# line 1: the Dask engine reads blocks from inside a file with blank lines in front, and
# those must give the errors a whole-file read gives.
_JSONL_GIVE_UP = 5


def _read_jsonl(text: str, source: str, stem: str) -> Iterator[Article | ArticleError]:
    seen = 0
    pending: list[ArticleError] = []  # invalid lines before the first valid record
    first_line = 0
    for n, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        first_line = first_line or n
        where = f"{source}:{n}"
        try:
            record = _loads(line)
        except ValueError as exc:
            err = ArticleError(where, f"invalid JSON record: {json_problem(exc, line=False)}")
            if seen:
                yield err
                continue
            pending.append(err)
            if len(pending) >= _JSONL_GIVE_UP and first_line == 1:
                yield ArticleError(source, _not_jsonl(text, pending[0]))
                return
            continue
        seen += 1
        yield from pending
        pending.clear()
        try:
            yield parse_record(record, where, default_id=f"{stem}-{n}")
        except ArticleError as err:
            yield err
    yield from pending
    if not seen and not pending:
        yield ArticleError(source, "empty file")


def _not_jsonl(text: str, first: ArticleError) -> str:
    try:
        _loads(text)
    except ValueError:
        return f"not JSON Lines: the first {_JSONL_GIVE_UP} lines are invalid ({first.problem})"
    return "not JSON Lines: the file is one JSON document spread over lines (name it .json)"


_WANTED_COLUMNS = ("id", "doc_id", "title", "date", "published", "url", "text", "body")


def _read_parquet(fh: BinaryIO, source: str, stem: str) -> Iterator[Article | ArticleError]:
    try:
        import pyarrow.parquet as pq
    except ImportError:
        yield ArticleError(source, "cannot read Parquet: pyarrow is not installed")
        return
    try:
        pf = pq.ParquetFile(fh)
        names = set(pf.schema_arrow.names)
        rows = pf.metadata.num_rows
    except Exception as exc:  # pyarrow raises several types for corrupt files
        yield ArticleError(source, f"not a readable Parquet file ({_first_line(exc)})")
        return
    # Checked once for the file: a missing column would otherwise fail every row.
    columns = pf.schema_arrow.names
    if not names & {"date", "published"}:
        hint = _names_hint(columns, ("date", "published"), "column")
        yield ArticleError(
            source, f"no 'date' or 'published' column{f' ({hint[2:]})' if hint else ''}"
        )
        return
    if not names & {"text", "body"}:
        hint = _names_hint(columns, ("text", "body"), "column")
        yield ArticleError(source, f"no 'text' or 'body' column{f' ({hint[2:]})' if hint else ''}")
        return
    # A column of the wrong type would fail every row alike: one error for the file.
    for name in _WANTED_COLUMNS:
        if name in names and (problem := _column_problem(name, pf.schema_arrow.field(name).type)):
            yield ArticleError(source, problem)
            return
    if rows == 0:
        yield ArticleError(source, "no records (empty Parquet file)")
        return
    row = 0
    # Row groups stream: a large Parquet file is never loaded whole.
    columns = [c for c in _WANTED_COLUMNS if c in names]
    batches: Iterator[Any] | None = None
    while True:
        try:
            if batches is None:
                batches = pf.iter_batches(batch_size=1024, columns=columns)
            batch = next(batches, None)
            if batch is None:
                return
            records = batch.to_pylist()
        except Exception as exc:  # corrupt pages, or values Python cannot represent
            yield ArticleError(
                f"{source}[row {row + 1}]", f"unreadable Parquet data ({_first_line(exc)})"
            )
            return
        for record in records:
            row += 1
            try:
                yield parse_record(record, f"{source}[row {row}]", default_id=f"{stem}-{row}")
            except ArticleError as err:
                yield err


def _column_problem(name: str, kind: Any) -> str:
    import pyarrow as pa

    value = kind.value_type if pa.types.is_dictionary(kind) else kind
    if pa.types.is_null(value) or pa.types.is_string(value) or pa.types.is_large_string(value):
        return ""
    if name in ("date", "published") and (pa.types.is_date(value) or pa.types.is_timestamp(value)):
        return ""
    if name in ("id", "doc_id") and pa.types.is_integer(value):
        return ""
    if name in ("title", "url", "id", "doc_id") and pa.types.is_floating(value):
        return ""  # pandas writes an all-missing column as NaN floats: checked per row
    expected = {
        "date": "strings such as 20220103, dates or timestamps",
        "published": "strings such as 20220103, dates or timestamps",
        "id": "strings or integers",
        "doc_id": "strings or integers",
    }.get(name, "strings")
    return f"'{name}' column has type {value} (expected {expected})"


def _first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


# --------------------------------------------------------------------------- paths


# The end of a record's source: a JSONL line (":7"), a JSON list item ("[3]"), a Parquet
# row ("[row 9]"). A file's own name ends in one of ARTICLE_SUFFIXES, never in these.
_RECORD_SUFFIX = re.compile(r"(?::\d+|\[\d+\]|\[row \d+\])\Z")


def stored_source(source: str) -> str:
    """An article's source as a store keeps it, so that one file named by two paths
    ("data/a.txt" from one folder, "../x/data/a.txt" from another, or through a symlink)
    is one source: the path made absolute with symlinks resolved, a record's suffix kept
    (":7", "[3]", "[row 9]"); a URL ("s3://...") as written."""
    return stored_sources([source])[0]


def stored_sources(sources: Iterable[str]) -> list[str]:
    """stored_source of each source, each distinct path resolved once: the records of a
    file are sources "file:1", "file:2"... of one path, and os.path.realpath costs a
    system call per component of it (about 10 us an article; ingest asks for 1,024 at a
    time). (The same sources, but for a symlink changed between two records of one call.)"""
    real: dict[str, str] = {}
    out = []
    for source in sources:
        if "://" in source:
            out.append(source)
            continue
        m = _RECORD_SUFFIX.search(source)
        cut = m.start() if m else len(source)
        path = source[:cut]
        resolved = real.get(path)
        if resolved is None:
            resolved = real[path] = os.path.realpath(path)
        out.append(resolved + source[cut:])
    return out


def _display(path: str | os.PathLike[str]) -> str:
    """A path as text; undecodable bytes of a file name shown as \\xNN."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def _file_kind(mode: int) -> str:
    for test, name in (
        (stat.S_ISFIFO, "a FIFO"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return name
    return "a special file"


def _path_problem(path: Path, exc: BaseException, what: str) -> str:
    if isinstance(exc, ValueError):
        return "invalid path (NUL character)"
    assert isinstance(exc, OSError)
    if exc.errno == errno.ENOENT:
        return "broken symbolic link" if _is_symlink(path) else "no such file or directory"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return f"{what}: permission denied"
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno == errno.ENOTDIR:
        return "no such file or directory (a parent is not a folder)"
    if exc.errno == errno.ENAMETOOLONG:
        return "file name too long"
    return f"{what}: {exc.strerror or _first_line(exc)}"


def _is_symlink(path: Path) -> bool:
    try:
        return stat.S_ISLNK(os.lstat(path).st_mode)
    except (OSError, ValueError):
        return False


def expand(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path | ArticleError]:
    """Paths, folders (recursively, symlink loops cut) and glob patterns -> files, each
    real file once. Hidden files and folders inside a folder are skipped."""
    if isinstance(paths, str | bytes | os.PathLike):  # one path, not an iterable of characters
        paths = [paths]
    seen: set[tuple[int, int] | str] = set()
    reported: set[str] = set()  # overlapping paths meet one broken link more than once
    for raw in paths:
        try:
            text = os.fsdecode(raw)
        except TypeError:
            yield ArticleError(repr(raw), "not a path")
            continue
        if not text:
            yield ArticleError("''", "empty path")
            continue
        try:
            for item in _expand_one(text):
                if isinstance(item, Path):
                    key: tuple[int, int] | str
                    try:
                        st = item.stat()
                        key = (st.st_dev, st.st_ino)
                    except (OSError, ValueError):
                        key = str(item)  # read_file says what is wrong with it
                    if key in seen:  # a second way to one file: a link, or overlapping paths
                        continue
                    seen.add(key)
                else:
                    if str(item) in reported:
                        continue
                    reported.add(str(item))
                yield item
        except OSError as exc:  # e.g. a glob through a folder that vanished meanwhile
            yield ArticleError(text, _path_problem(Path(text), exc, "cannot read"))


def _expand_one(text: str) -> Iterator[Path | ArticleError]:
    path = Path(text)
    try:
        st = path.stat()
    except ValueError as exc:
        yield ArticleError(text, _path_problem(path, exc, ""))
        return
    except OSError as exc:
        if exc.errno in (errno.ENOENT, errno.ENOTDIR) and not _is_symlink(path):
            if glob.has_magic(text):
                yield from _glob(text)
            else:
                yield ArticleError(text, "no such file or directory")
        else:
            yield ArticleError(text, _path_problem(path, exc, "cannot read"))
        return
    if stat.S_ISDIR(st.st_mode):
        yield from _walk(path)
    else:
        yield path  # read_file refuses FIFOs, devices and sockets


def _glob(pattern: str) -> Iterator[Path | ArticleError]:
    matches: Iterable[Path | ArticleError]
    if "**" in pattern:
        # glob.glob(recursive=True) follows symlinked folders without cutting loops and
        # never ends on a symlink loop: match against our own loop-safe scan instead.
        matches = _glob_recursive(pattern)
    else:
        matches = [Path(m) for m in sorted(glob.glob(pattern))]
    found = False
    for match in matches:
        if isinstance(match, ArticleError):
            yield match
            continue
        found = True
        if match.is_dir():
            yield from _walk(match)
        elif not _FOLDER_SKIP.search(match.name):
            yield match
    if not found:
        yield ArticleError(pattern, "no file matches this pattern")


def _glob_recursive(pattern: str) -> Iterator[Path | ArticleError]:
    parts = pattern.split("/")
    first = next(i for i, p in enumerate(parts) if glob.has_magic(p))
    base = "/".join(parts[:first]) or ("/" if pattern.startswith("/") else ".")
    regexes = [None if p == "**" else re.compile(fnmatch.translate(p)) for p in parts[first:]]
    if not os.path.isdir(base):
        return
    for item in _scan(Path(base)):
        if isinstance(item, ArticleError):
            yield item
            continue
        path, rel, is_dir = item
        if _match(rel, regexes):
            yield path


def _match(parts: tuple[str, ...], regexes: list[re.Pattern[str] | None]) -> bool:
    """Path components against glob components; None is "**" (any number of folders)."""
    if not regexes:
        return not parts
    head, rest = regexes[0], regexes[1:]
    if head is None:
        return any(_match(parts[i:], rest) for i in range(len(parts) + 1))
    return bool(parts) and head.match(parts[0]) is not None and _match(parts[1:], rest)


def _scan(root: Path) -> Iterator[tuple[Path, tuple[str, ...], bool] | ArticleError]:
    """Every entry under `root` as (path, components below root, is a folder), files of a
    folder before its subfolders, sorted, hidden names skipped. Iterative, so nesting
    depth is bounded by the file system, not by Python's recursion limit; a folder
    reached twice (a symlink loop, or a second link to it) is entered once."""
    entered: set[tuple[int, int]] = set()
    # Each folder with the folders above it (device, inode), to tell a loop from a
    # second way into a folder already scanned.
    stack: list[tuple[Path, tuple[str, ...], frozenset[tuple[int, int]]]] = [
        (root, (), frozenset())
    ]
    while stack:
        folder, rel, above = stack.pop()
        try:
            st = folder.stat()
            key = (st.st_dev, st.st_ino)
            if key in above:
                yield ArticleError(
                    _display(folder),
                    "symbolic link loop (leads back to a parent folder): not followed",
                )
                continue
            if key in entered:
                continue
            entered.add(key)
            above = above | {key}
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            yield ArticleError(_display(folder), _path_problem(folder, exc, "cannot read folder"))
            continue
        subfolders: list[tuple[Path, tuple[str, ...], frozenset[tuple[int, int]]]] = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()  # follows symlinks: a linked folder is scanned
            except OSError:
                is_dir = False
            path, sub = folder / entry.name, (*rel, entry.name)
            if is_dir:
                subfolders.append((path, sub, above))
            yield path, sub, is_dir
        stack.extend(reversed(subfolders))


def _walk(root: Path) -> Iterator[Path | ArticleError]:
    for item in _scan(root):
        if isinstance(item, ArticleError):
            yield item
        elif not item[2] and not _FOLDER_SKIP.search(item[0].name):
            yield item[0]


def iter_articles(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Article | ArticleError]:
    """Every article under `paths`, or an ArticleError in its place. Never raises for
    bad input."""
    for item in expand(paths):
        if isinstance(item, ArticleError):
            yield item
            continue
        try:
            yield from read_file(item)
        except Exception as exc:  # a bug in a reader must not stop the other files
            yield ArticleError(
                _display(item), f"unexpected error: {type(exc).__name__}: {_first_line(exc)}"
            )


def load(path: str | os.PathLike[str]) -> list[Article]:
    """The articles of one path; raises the first ArticleError (API convenience)."""
    out: list[Article] = []
    for item in iter_articles([path]):
        if isinstance(item, ArticleError):
            raise item
        out.append(item)
    return out
