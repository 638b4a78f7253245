"""Properties of ingest: any bytes or JSON value gives an Article or an ArticleError and
nothing else, and an article written in the text format reads back unchanged."""

from __future__ import annotations

import codecs
import io
import json
import re
import tempfile
from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from dashapp.ingest import ArticleError, decode, parse_record, parse_text, plain_text, read_file
from dashapp.models import Article

# No example database: the checkout is shared, and a failing example is printed anyway.
PROPS = settings(
    max_examples=300,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

SUFFIXES = [".txt", "", ".json", ".jsonl", ".ndjson", ".parquet", ".TXT", ".xml"]
KEYS = ["title", "date", "published", "url", "text", "body", "id", "doc_id"]

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()  # NaN and infinities included: json.loads accepts them
    | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)
date_strings = st.dates().map(lambda d: f"{d.year:04d}{d.month:02d}{d.day:02d}") | st.text(
    alphabet="0123456789-T:Z+ ", max_size=25
)
# Records shaped like articles, so the field checks are reached, not only the type check.
records = st.dictionaries(
    st.sampled_from(KEYS),
    json_values | date_strings | st.text(max_size=40),
    max_size=len(KEYS),
)


def assert_one_line(err: ArticleError) -> None:
    assert err.source and err.problem
    assert str(err) == f"{err.source}: {err.problem}"
    assert "\n" not in str(err) and "\r" not in str(err)


def check_article(article: Article) -> None:
    assert article.body.strip() and "\r" not in article.body
    assert isinstance(article.date, date) and article.id
    article.body.encode("utf-8")  # no lone surrogates reach the pipeline


@PROPS
@given(st.binary(max_size=600))
@example(b"\xff\xfe\x00\xd8")  # UTF-16 BOM then a lone surrogate
@example(b"\x00\x00\xfe\xff\x00\x11\x00\x00")  # UTF-32-BE code point out of range
@example(b"\xef\xbb\xbf" + b"\x01" * 40)
@example(b"\x81\x8d\x8f\x90\x9d")
def test_decode_gives_text_or_article_error(data: bytes) -> None:
    try:
        text = decode(data, "x")
    except ArticleError as err:
        assert_one_line(err)
        return
    assert "\r" not in text and "\x00" not in text
    text.encode("utf-8")


@PROPS
@given(st.binary(max_size=600), st.sampled_from(SUFFIXES))
@example(b"[" * 5000, ".json")  # json.loads raises RecursionError, not a JSONDecodeError
@example(b'{"id": ' + b"7" * 5000 + b"}", ".jsonl")  # int() digit limit: a ValueError
@example(b"\n".join([b"{"] * 9), ".jsonl")
@example(b"PAR1PAR1", ".parquet")
def test_read_file_never_raises(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "in" + suffix)
        path.write_bytes(data)
        for item in read_file(path):
            if isinstance(item, ArticleError):
                assert_one_line(item)
                assert item.source.startswith(str(path))
            else:
                assert isinstance(item, Article)
                check_article(item)


@PROPS
@given(st.lists(json_values | records, max_size=5), st.sampled_from([".json", ".jsonl"]))
def test_json_files_of_any_values_never_raise(values: list[object], suffix: str) -> None:
    if suffix == ".json":
        payload = json.dumps(values if len(values) != 1 else values[0])
    else:
        payload = "\n".join(json.dumps(v) for v in values)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "in" + suffix)
        path.write_text(payload, encoding="utf-8")
        items = list(read_file(path))
    assert items
    for item in items:
        if isinstance(item, ArticleError):
            assert_one_line(item)
        else:
            check_article(item)


@PROPS
@given(json_values | records)
@example({"date": float("nan"), "published": "20220103", "text": "x"})
@example({"date": "2022-01-03", "text": "x", "id": True})
@example({"date": "2022-01-03T10:00:00+99:00", "text": "x"})
def test_parse_record_gives_article_or_article_error(value: object) -> None:
    try:
        article = parse_record(value, "rec")
    except ArticleError as err:
        assert_one_line(err)
        assert err.source == "rec"
        return
    check_article(article)


@settings(PROPS, max_examples=60)
@given(st.lists(records, min_size=1, max_size=6))
def test_parquet_rows_of_any_strings_never_raise(rows: list[dict[str, object]]) -> None:
    # Parquet columns have one type: keep the string and null values of each record.
    rows = [{k: v if isinstance(v, str) else None for k, v in r.items()} for r in rows]
    keys = sorted({k for r in rows for k in r})
    assume(keys)
    table = pa.table({k: pa.array([r.get(k) for r in rows], pa.string()) for k in keys})
    buf = io.BytesIO()
    pq.write_table(table, buf)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "rows.parquet")
        path.write_bytes(buf.getvalue())
        items = list(read_file(path))
    assert items
    for item in items:
        if isinstance(item, ArticleError):
            assert_one_line(item)
        else:
            check_article(item)


# ------------------------------------------------------------------------------ round trip

# Printable characters: no control characters (Cc, which holds "\n" and "\r"), no lone
# surrogates, no unassigned code points.
printable = st.characters(blacklist_categories=("Cc", "Cs", "Cn"))
line = st.text(printable, max_size=40)
titles = line.map(str.strip).filter(lambda t: not t.startswith("\ufeff"))
urls = st.text(st.characters(min_codepoint=33, max_codepoint=126), max_size=40)
paragraphs = st.lists(line, min_size=1, max_size=8).map("\n".join)
bodies = paragraphs.filter(
    lambda b: b.strip() != "" and b.split("\n")[0].strip() != "" and b.split("\n")[-1].strip() != ""
)


def without_markup(*texts: str) -> bool:
    """Texts read exactly as written: no HTML markup, which is read as the text it shows
    (ingest.plain_text; test_ingest has those cases)."""
    return all(plain_text(t) == t for t in texts)


# A byte sequence that is valid multi-byte UTF-8 ("Ã©" in Windows-1252 is "é" in UTF-8).
UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-be-bom", "utf-32", "cp1252"]


def encode(text: str, encoding: str) -> bytes:
    if encoding == "utf-16-be-bom":
        return codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    return text.encode(encoding)


@PROPS
@given(
    titles,
    st.dates(),
    urls,
    bodies,
    st.sampled_from(ENCODINGS),
    st.sampled_from(["\n", "\r\n", "\r"]),
)
@example("", date(1, 1, 1), "", "x", "utf-8", "\n")
@example("“Q”", date(9999, 12, 31), "u", "café\n\n— end", "cp1252", "\r\n")
def test_text_format_round_trip(
    title: str, day: date, url: str, body: str, encoding: str, newline: str
) -> None:
    assume(without_markup(title, body))
    original = Article(id="art", title=title, date=day, url=url, body=body)
    ymd = f"{day.year:04d}{day.month:02d}{day.day:02d}"
    text = "\n".join([title, ymd, url, body]) + "\n"
    try:
        data = encode(text.replace("\n", newline), encoding)
    except UnicodeEncodeError:
        assume(False)
    if encoding == "cp1252":
        # Bytes that also read as UTF-8 are read as UTF-8 (a file mixing the two is far
        # more common than "Ã©" in real Windows-1252 text): expect back only the others.
        assume(UTF8_SEQUENCE.search(data) is None)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "art.txt")
        path.write_bytes(data)
        (read,) = read_file(path)
    assert isinstance(read, Article), str(read)
    assert (read.id, read.title, read.date, read.url, read.body) == (
        original.id,
        original.title,
        original.date,
        original.url,
        original.body,
    )


@PROPS
@given(titles, st.dates(), urls, bodies)
def test_parse_text_round_trip_of_decoded_text(title: str, day: date, url: str, body: str) -> None:
    assume(without_markup(title, body))
    ymd = f"{day.year:04d}{day.month:02d}{day.day:02d}"
    article = parse_text(f"{title}\n{ymd}\n{url}\n{body}\n\n", "s", stem="x")
    assert (article.title, article.date, article.url, article.body) == (title, day, url, body)


@PROPS
@given(paragraphs)
def test_text_without_angle_brackets_or_ampersands_is_no_markup(text: str) -> None:
    """plain_text leaves any text without "<" and "&" as it is (only markup changes)."""
    assume("<" not in text and "&" not in text)
    assert plain_text(text) == text
