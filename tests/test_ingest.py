"""Ingest: every bad input gives one ArticleError naming it while the files beside it are
still read; odd but valid inputs are read exactly; paths, folders and globs expand safely."""

from __future__ import annotations

import json
import math
import os
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from dashapp import ingest
from dashapp.ingest import (
    ArticleError,
    content_hash,
    decode,
    expand,
    iter_articles,
    load,
    parse_date,
    parse_record,
    parse_reference_date,
    parse_text,
    plain_text,
    read_file,
)
from dashapp.models import Article

DATA = Path(__file__).parent / "data"
BAD, ODD = DATA / "bad", DATA / "odd"
GOOD_TEXT = "Good article\n20220105\nhttps://example.org/good\nTalks were held on January 4.\n"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def collect(paths: Iterable[object], timeout: float = 30) -> list[Article | ArticleError]:
    """iter_articles in a thread: a FIFO or a symlink loop that hangs ingest fails the
    test instead of hanging the suite."""
    out: list[Article | ArticleError] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            out.extend(iter_articles(paths))  # type: ignore[arg-type]
        except BaseException as exc:  # noqa: BLE001 - reported by the test below
            failure.append(exc)

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout)
    assert not worker.is_alive(), f"ingest still running after {timeout} s"
    assert not failure, f"ingest raised {failure[0]!r}"
    return out


def split(items: list[Article | ArticleError]) -> tuple[list[Article], list[ArticleError]]:
    return (
        [i for i in items if isinstance(i, Article)],
        [i for i in items if isinstance(i, ArticleError)],
    )


def folder_with_good_files(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    # One good file sorts before every bad name, one after.
    (folder / "0_good.txt").write_text(GOOD_TEXT, encoding="utf-8")
    (folder / "~good.txt").write_text(GOOD_TEXT.replace("Good", "Other"), encoding="utf-8")
    return folder


def assert_one_error_beside_good_files(
    items: list[Article | ArticleError], bad: Path, problem: str, extra_articles: int = 0
) -> ArticleError:
    articles, errors = split(items)
    assert len(errors) == 1, [str(e) for e in errors]
    (err,) = errors
    # A name as an error shows it: undecodable bytes as \xNN, a newline as \n.
    shown = os.fsencode(bad).decode("utf-8", "backslashreplace").replace("\n", "\\n")
    assert err.source == shown or err.source.startswith((shown + ":", shown + "[")), err
    assert problem in err.problem, err
    assert str(err) == f"{err.source}: {err.problem}"
    assert "\n" not in str(err) and "\r" not in str(err)
    assert {"0_good", "~good"} <= {a.id for a in articles}
    assert len(articles) == 2 + extra_articles
    return err


# --------------------------------------------------------------------------- bad corpus


def manifest() -> list[tuple[str, str, int]]:
    rows = []
    lines = (BAD / "MANIFEST.tsv").read_text(encoding="utf-8").splitlines()
    body = [ln for ln in lines if ln and not ln.startswith("#")]
    assert body[0].split("\t") == ["file", "problem", "articles"]
    for line in body[1:]:
        name, problem, articles = line.split("\t")
        rows.append((name, problem, int(articles)))
    return rows


MANIFEST = manifest()


def test_manifest_lists_every_bad_file_once() -> None:
    names = [name for name, _, _ in MANIFEST]
    assert len(names) == len(set(names)) >= 30
    on_disk = {p.name for p in BAD.iterdir()} - {"MANIFEST.tsv"}
    assert set(names) == on_disk


@pytest.mark.parametrize(("name", "problem", "articles"), MANIFEST, ids=[r[0] for r in MANIFEST])
def test_bad_file_gives_one_error_and_good_files_are_still_read(
    tmp_path: Path, name: str, problem: str, articles: int
) -> None:
    folder = folder_with_good_files(tmp_path)
    shutil.copyfile(BAD / name, folder / name)
    assert_one_error_beside_good_files(collect([folder]), folder / name, problem, articles)
    # Named directly, between two good files, it is the same one error.
    items = collect([folder / "0_good.txt", folder / name, folder / "~good.txt"])
    assert_one_error_beside_good_files(items, folder / name, problem, articles)


def _symlink_loop(folder: Path) -> Path:
    (folder / "sub").mkdir()
    os.symlink("..", folder / "sub" / "up")
    return folder / "sub" / "up"


def _self_link(folder: Path) -> Path:
    os.symlink("self.txt", folder / "self.txt")
    return folder / "self.txt"


def _broken_link(folder: Path) -> Path:
    os.symlink("nowhere.txt", folder / "gone.txt")
    return folder / "gone.txt"


def _fifo(folder: Path) -> Path:
    os.mkfifo(folder / "pipe.txt")  # opening it for reading would wait for a writer
    return folder / "pipe.txt"


def _device(folder: Path) -> Path:
    os.symlink("/dev/zero", folder / "zero.txt")  # reading it would never end
    return folder / "zero.txt"


def _socket(folder: Path) -> Path:
    path = folder / "s.txt"
    if len(str(path)) > 100:
        pytest.skip("path too long for a Unix socket")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(path))
    sock.close()
    return path


def _huge(folder: Path) -> Path:
    path = folder / "huge.txt"
    with open(path, "wb") as fh:
        fh.truncate(ingest.MAX_FILE_BYTES + 1)  # sparse: no disk used
    return path


def _newline_in_name(folder: Path) -> Path:
    path = folder / "two\nlines.txt"
    path.write_text("Title only\n")
    return path


def _undecodable_name(folder: Path) -> Path:
    path = folder / os.fsdecode(b"caf\xe9.txt")  # Latin-1 bytes in a UTF-8 file system
    path.write_bytes(b"")
    return path


def _folder_named_like_json(folder: Path) -> Path:
    # A folder passed to read_file directly (the dashboard's upload path calls it).
    (folder / "records.json").mkdir()
    return folder / "records.json"


SPECIAL_CASES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "symlink_loop": (_symlink_loop, "symbolic link loop (leads back to a parent folder)"),
    "link_to_itself": (_self_link, "symbolic link loop"),
    "broken_link": (_broken_link, "broken symbolic link"),
    "fifo": (_fifo, "not a regular file (a FIFO): refused"),
    "device": (_device, "not a regular file (a character device): refused"),
    "socket": (_socket, "not a regular file (a socket): refused"),
    "huge_file": (_huge, "file too large (256.0 MB, over the 256 MB limit)"),
    "newline_in_name": (_newline_in_name, "missing publication date on line 2"),
    "undecodable_name": (_undecodable_name, "empty file"),
}


@pytest.mark.parametrize("case", SPECIAL_CASES)
def test_special_bad_input_gives_one_error(tmp_path: Path, case: str) -> None:
    make, problem = SPECIAL_CASES[case]
    folder = folder_with_good_files(tmp_path)
    bad = make(folder)
    assert_one_error_beside_good_files(collect([folder]), bad, problem)
    if case == "symlink_loop":
        return  # named directly, the link is a folder to scan, and the loop is one level down
    items = collect([folder / "0_good.txt", bad, folder / "~good.txt"])
    assert_one_error_beside_good_files(items, bad, problem)


def test_undecodable_file_name_is_shown_escaped(tmp_path: Path) -> None:
    bad = _undecodable_name(tmp_path)
    (err,) = collect([bad])
    assert isinstance(err, ArticleError)
    assert err.source.endswith("caf\\xe9.txt")
    err.source.encode("utf-8")  # printable on a UTF-8 terminal: no lone surrogates


def test_read_file_refuses_a_folder(tmp_path: Path) -> None:
    folder = _folder_named_like_json(tmp_path)
    (err,) = read_file(folder)
    assert isinstance(err, ArticleError) and err.problem == "is a folder, not a file"


@pytest.mark.skipif(IS_ROOT, reason="root reads any file: see the run-as-nobody test")
def test_unreadable_file_and_folder(tmp_path: Path) -> None:
    folder = folder_with_good_files(tmp_path)
    secret = folder / "secret.txt"
    secret.write_text(GOOD_TEXT)
    secret.chmod(0)
    try:
        items = collect([folder])
        assert_one_error_beside_good_files(items, secret, "cannot read file: permission denied")
    finally:
        secret.chmod(0o644)
    locked = folder / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text(GOOD_TEXT)
    locked.chmod(0)
    try:
        items = collect([folder])
        assert_one_error_beside_good_files(items, locked, "cannot read folder: permission denied")
    finally:
        locked.chmod(0o755)


NOBODY_SCRIPT = """
import json, sys
from dashapp.ingest import ArticleError, iter_articles
out = [str(i) if isinstance(i, ArticleError) else "article " + i.id
       for i in iter_articles(sys.argv[1:])]
print(json.dumps(out))
"""


@pytest.mark.skipif(not IS_ROOT, reason="covered by test_unreadable_file_and_folder")
def test_unreadable_file_and_folder_as_nobody(tmp_path_factory: pytest.TempPathFactory) -> None:
    # As root nothing is unreadable: run ingest as the unprivileged user "nobody".
    import tempfile

    base = Path(tempfile.mkdtemp(prefix="geotimeline-perm-"))
    try:
        base.chmod(0o755)
        folder = folder_with_good_files(base)
        (folder / "secret.txt").write_text(GOOD_TEXT)
        (folder / "secret.txt").chmod(0)
        (folder / "locked").mkdir()
        (folder / "locked" / "a.txt").write_text(GOOD_TEXT)
        (folder / "locked").chmod(0)
        for p in folder.rglob("*"):
            if p.name.endswith("good.txt"):
                p.chmod(0o644)
        root = str(Path(__file__).resolve().parents[1])
        # ingest needs only the standard library here: the system Python will do when
        # this one lives where nobody may not look (/root/.pyenv).
        for python in (sys.executable, "/usr/bin/python3"):
            try:
                proc = subprocess.run(
                    [python, "-c", NOBODY_SCRIPT, str(folder)],
                    capture_output=True,
                    text=True,
                    timeout=60,
                    cwd=root,
                    env={
                        "PATH": "/usr/bin:/bin",
                        "PYTHONPATH": root,
                        "PYTHONDONTWRITEBYTECODE": "1",
                    },
                    user=65534,
                    group=65534,
                )
            except (PermissionError, FileNotFoundError):
                continue
            if proc.returncode == 0 or "Permission denied" not in proc.stderr:
                break
        else:
            pytest.skip("no Python that the user nobody can run")
        assert proc.returncode == 0, proc.stderr
        out = json.loads(proc.stdout)
        assert f"{folder / 'secret.txt'}: cannot read file: permission denied" in out
        assert f"{folder / 'locked'}: cannot read folder: permission denied" in out
        assert sorted(x for x in out if x.startswith("article")) == [
            "article 0_good",
            "article ~good",
        ]
        assert len(out) == 4
    finally:
        for p in [base, *base.rglob("*")]:
            if not p.is_symlink():
                p.chmod(0o755)
        shutil.rmtree(base)


def test_permission_denied_is_reported_even_when_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = folder_with_good_files(tmp_path)
    secret = folder / "secret.txt"
    secret.write_text(GOOD_TEXT)
    real_open = os.open

    def deny(path, flags, *args, **kwargs):  # noqa: ANN001, ANN202
        if Path(path).name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(ingest.os, "open", deny)
    items = collect([folder])
    assert_one_error_beside_good_files(items, secret, "cannot read file: permission denied")


def test_unreadable_folder_is_reported_even_when_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = folder_with_good_files(tmp_path)
    locked = folder / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text(GOOD_TEXT)
    real_scandir = os.scandir

    def deny(path):  # noqa: ANN001, ANN202
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(ingest.os, "scandir", deny)
    items = collect([folder])
    assert_one_error_beside_good_files(items, locked, "cannot read folder: permission denied")


# --------------------------------------------------------------------------- command-line paths


@pytest.mark.parametrize(
    ("arg", "source", "problem"),
    [
        ("missing.txt", "missing.txt", "no such file or directory"),
        ("missing/*.txt", "missing/*.txt", "no file matches this pattern"),
        ("nothing-here-*.json", "nothing-here-*.json", "no file matches this pattern"),
        ("", "''", "empty path"),
        ("a\x00b.txt", "a\\x00b.txt", "invalid path (NUL character)"),
        ("x" * 5000 + ".txt", "x" * 120 + "..." + "x" * 116 + ".txt", "file name too long"),
        ("0_good.txt/inside.txt", "0_good.txt/inside.txt", "no such file or directory"),
    ],
    ids=["missing", "glob-no-match", "glob-no-match-2", "empty", "nul", "too-long", "under-file"],
)
def test_bad_argument_gives_one_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, arg: str, source: str, problem: str
) -> None:
    folder = folder_with_good_files(tmp_path)
    monkeypatch.chdir(folder)
    articles, errors = split(collect(["0_good.txt", arg, "~good.txt"]))
    assert [(e.source, e.problem) for e in errors] == [(source, problem)]
    assert [a.id for a in articles] == ["0_good", "~good"]


def test_a_non_path_argument_is_an_error() -> None:
    (err,) = collect([42])
    assert isinstance(err, ArticleError) and err.problem == "not a path"


# --------------------------------------------------------------------------- odd but valid

FR_TITLE, FR_URL = "Café talks", "https://example.org/café"
FR_BODY = "Le président a dit « non » à l’accord.\nSecond paragraph — with a dash."
D = "2022-01-03"
# Article id -> (title, date, url, body): the exact text each odd file must give.
ODD_EXPECTED: dict[str, tuple[str, str, str, str]] = {
    "utf8_bom": (FR_TITLE, D, FR_URL, FR_BODY),
    "utf16le_bom_crlf": (FR_TITLE, D, FR_URL, FR_BODY),
    "utf16be_bom": (FR_TITLE, D, FR_URL, FR_BODY),
    "utf32le_bom": (FR_TITLE, D, FR_URL, FR_BODY),
    "cp1252_curly_quotes": (
        "\u201cPeace\u201d talks in Généve",
        D,
        "https://example.org/geneve",
        "The envoy said \u201cwe\u2019re close\u201d \u2014 a deal worth \u20ac 5 million.",
    ),
    "latin1_accents": (
        "Àccents: é ü ß ñ",
        D,
        "https://example.org/l1",
        "Straße, año, «citation», déjà vu.",
    ),
    "crlf": ("Title CRLF", D, "https://example.org/crlf", "First paragraph.\nSecond paragraph."),
    "mixed_newlines": ("Mixed", D, "https://example.org/mixed", "One.\nTwo.\nThree.\nFour."),
    "curly_quotes_utf8": (
        "\u201cQuoted\u201d title",
        D,
        "https://example.org/q",
        "\u2018Single\u2019 and \u201cdouble\u201d quotes\u2026 and an ellipsis.",
    ),
    "name with spaces": ("Spaces", D, "https://example.org/s", "The file name has spaces."),
    "café – résumé 記事": (
        "Non-ASCII name",
        D,
        "https://example.org/n",
        "The file name is not ASCII.",
    ),
    "html_tags": (  # markup read as the text it shows (ingest.plain_text); the URL as is
        "Bold title",
        D,
        "https://example.org/h?a=1&b=2",
        "Talks resumed &",
    ),
    "date_year_1": (
        "Year one",
        "0001-01-01",
        "https://example.org/y1",
        "A date at the start of the calendar.",
    ),
    "date_year_9999": (
        "Year 9999",
        "9999-12-31",
        "https://example.org/y9999",
        "A date at the end of the calendar.",
    ),
    "iso_date_line": ("ISO date", D, "https://example.org/iso", "Line 2 may be YYYY-MM-DD."),
    "dos_eof_marker": ("DOS", D, "https://example.org/dos", "Written by an old editor."),
    "vertical_tabs": ("Soft breaks", D, "https://example.org/vt", "line\x0b" * 12 + "end"),
    "stray_cp1252_in_utf8": (
        "Mixed encoding",
        D,
        "https://example.org/m",
        "The minister\u2019s café: déjà vu",
    ),
    "leading_blank_body_line": (
        "Blank first",
        D,
        "https://example.org/b",
        "\nFirst paragraph after a blank line.",
    ),
    "no_url_line_text": ("No URL", D, "", "The URL line is empty."),
    "article_without_extension": (
        "No extension",
        D,
        "https://example.org/x",
        "A file without a suffix is text.",
    ),
    "UPPER_CASE": ("Upper", D, "https://example.org/u", "The suffix is upper case."),
    "form_feed_and_tabs": (
        "Tabs",
        D,
        "https://example.org/t",
        "\tIndented\tparagraph.\x0cNext page.",
    ),
    "utf8_bom_record": ("BOM JSON", D, "https://example.org/bj", "JSON after a byte-order mark."),
    "u16-a": ("Première", D, "u", "Première ligne."),
    "u16-b": ("Seconde", "2022-01-04", "u", "Seconde ligne."),
    # A timestamp gives its own calendar date, not the UTC one (04:30 UTC on the 4th).
    "ts-offset": ("Offset", D, "u", "Late evening in New York."),
    "ts-zulu": ("Zulu", D, "u", "Just after midnight UTC."),
    "ts-space": ("Space", D, "u", "A space instead of T."),
    "record_null_fields_fall_back": ("", D, "", "The body field is used."),
    "record_title_with_newline": (
        "Two line title",
        D,
        "https://example.org/t",
        "Body with CRLF\nline endings.",
    ),
    "42": ("Numbered", D, "u", "An integer id."),
    "crlf_feed-1": ("Feed 1", "2022-01-01", "u", "Item 1."),
    "crlf_feed-2": ("Feed 2", "2022-01-02", "u", "Item 2."),
    "parquet_date32-1": ("", D, "u", "A date32 column."),
    "7": ("Stamp", D, "u", "A timestamp column."),
    "parquet_nan_title-1": ("", D, "u", "A NaN title is no title."),
    "parquet_categorical-1": ("a", D, "u", "x"),
    "parquet_categorical-2": ("b", "2022-01-04", "u", "y"),
}


@pytest.fixture(scope="module")
def odd_articles() -> dict[str, Article]:
    articles, errors = split(collect([ODD]))
    assert not errors, [str(e) for e in errors]
    by_id = {a.id: a for a in articles}
    assert len(by_id) == len(articles), "odd files must give distinct ids"
    return by_id


def test_every_odd_file_is_read_and_expected(odd_articles: dict[str, Article]) -> None:
    assert set(odd_articles) == set(ODD_EXPECTED)


@pytest.mark.parametrize("article_id", ODD_EXPECTED)
def test_odd_input_is_read_exactly(odd_articles: dict[str, Article], article_id: str) -> None:
    a = odd_articles[article_id]
    assert (a.title, a.date.isoformat(), a.url, a.body) == ODD_EXPECTED[article_id]
    assert Path(a.source).parent == ODD


def test_five_megabyte_body(tmp_path: Path) -> None:
    paragraph = "Le 3 janvier, les ministres se sont réunis à Genève \u2014 “enfin”. " * 20
    body = "\n".join(f"{n}. {paragraph}" for n in range(4000))
    assert len(body.encode("utf-8")) > 5_000_000
    path = tmp_path / "big.txt"
    path.write_bytes(f"Big\n20220103\nhttps://example.org/big\n{body}\n".encode())
    (article,) = collect([path])
    assert isinstance(article, Article) and article.body == body


def test_one_megabyte_single_line(tmp_path: Path) -> None:
    body = "".join(f"word{n % 97} " for n in range(200_000)).strip()
    assert len(body) > 1_000_000 and "\n" not in body
    path = tmp_path / "line.json"
    path.write_text(json.dumps({"title": "Line", "date": "20220103", "text": body}))
    (article,) = collect([path])
    assert isinstance(article, Article) and article.body == body


def test_one_megabyte_windows_1252(tmp_path: Path) -> None:
    body = "\n".join(["\u201cD\u00e9j\u00e0 vu\u201d \u2014 caf\u00e9 cr\u00e8me \u20ac"] * 40_000)
    path = tmp_path / "cp.txt"
    path.write_bytes(f"T\n20220103\nu\n{body}\n".replace("\n", "\r\n").encode("cp1252"))
    (article,) = collect([path])
    assert isinstance(article, Article) and article.body == body


def test_folder_nested_deeper_than_the_recursion_limit(tmp_path: Path) -> None:
    # Deeper than Python's default recursion limit (1000), which os.walk and glob of
    # Python 3.11 hit; shallow enough for PATH_MAX (4096) with one-letter folders.
    depth = 1200
    folder = tmp_path / "deep"
    levels = [folder / "/".join(["d"] * n) if n else folder for n in range(depth + 1)]
    for level in levels:  # os.makedirs itself recurses once per level
        level.mkdir()
    try:
        (levels[-1] / "bottom.txt").write_text(GOOD_TEXT)
        (folder / "top.txt").write_text(GOOD_TEXT.replace("Good", "Top"))
        articles, errors = split(collect([folder]))
        assert not errors and [a.id for a in articles] == ["top", "bottom"]
    finally:
        # shutil.rmtree recurses too: pytest's clean-up of old temporary folders would
        # fail on this tree in a later session.
        (levels[-1] / "bottom.txt").unlink(missing_ok=True)
        (folder / "top.txt").unlink(missing_ok=True)
        for level in reversed(levels):
            level.rmdir()


# --------------------------------------------------------------------------- decode


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"plain ascii", "plain ascii"),
        (b"\xef\xbb\xbfcaf\xc3\xa9", "café"),
        (b"\xff\xfec\x00a\x00f\x00\xe9\x00", "café"),
        (b"\xfe\xff\x00c\x00a\x00f\x00\xe9", "café"),
        (b"\xff\xfe\x00\x00c\x00\x00\x00", "c"),
        (b"\x93quoted\x94 caf\xe9", "\u201cquoted\u201d café"),
        (b"a\r\nb\rc\nd", "a\nb\nc\nd"),
        (b"\xef\xbb\xbf\xef\xbb\xbftwice", "twice"),
        # 0x81 is undefined in Windows-1252: kept as U+0081 (WHATWG), not refused.
        (b"caf\xe9 \x81", "café \x81"),
        # Mostly UTF-8 with one stray Windows-1252 apostrophe.
        (b"it\x92s caf\xc3\xa9 cr\xc3\xa8me", "it\u2019s café crème"),
        (b"a\x0bb\x0cc\td" * 30, "a\x0bb\x0cc\td" * 30),
        (b"", ""),
    ],
)
def test_decode(data: bytes, text: str) -> None:
    assert decode(data, "x") == text


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"abc\x00def", "binary data, not text (NUL bytes)"),
        ("text".encode("utf-16-le"), "UTF-16 needs a byte-order mark"),
        (b"\xff\xfea\x00\x00\x00b\x00", "binary data, not text (NUL characters)"),
        (b"\xef\xbb\xbf\xff", "undecodable bytes: invalid UTF-8"),
        (b"\xfe\xff\xd8\x00", "undecodable bytes: invalid UTF-16-BE"),
        (bytes(range(1, 9)) * 3, "binary data, not text (24 control characters)"),
    ],
)
def test_decode_refuses(data: bytes, problem: str) -> None:
    with pytest.raises(ArticleError) as info:
        decode(data, "src")
    assert info.value.source == "src" and problem in info.value.problem


def test_a_few_control_characters_do_not_make_text_binary() -> None:
    text = "Paragraph with a stray \x01 and \x1b[0m escape.\n" * 8
    assert decode(text.encode(), "x") == text


# --------------------------------------------------------------------------- fields


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("20220103", date(2022, 1, 3)),
        (" 20220103 \t", date(2022, 1, 3)),
        ("2022-01-03", date(2022, 1, 3)),
        ("2022-01-03T23:59:59-11:00", date(2022, 1, 3)),
        ("2022-01-03T00:00:00.123456Z", date(2022, 1, 3)),
        ("2022-01-03 08:00", date(2022, 1, 3)),
        ("00010101", date(1, 1, 1)),
        ("99991231", date(9999, 12, 31)),
        ("20240229", date(2024, 2, 29)),
    ],
)
def test_parse_date(raw: str, expected: date) -> None:
    assert parse_date(raw, "s") == expected


@pytest.mark.parametrize(
    ("raw", "problem"),
    [
        ("", "missing publication date"),
        ("20221341", "impossible publication date '20221341'"),
        ("00000000", "impossible publication date"),
        ("20230229", "impossible publication date"),
        ("2022-13-01", "impossible publication date"),
        ("yesterday", "invalid publication date 'yesterday'"),
        ("2022-1-3", "invalid publication date"),
        ("202201031", "invalid publication date"),
        ("٢٠٢٢٠١٠٣", "invalid publication date"),  # Arabic-Indic digits
        ("2022-01-03T", "invalid publication date"),
        ("2022-01-03Tnoon", "not an ISO timestamp"),
        ("2022-01-03 25:00", "not an ISO timestamp"),
        ("x" * 100, "invalid publication date 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...'"),
        (20220103, '\'date\' must be a date string ("20220103" or "2022-01-03"), got number'),
        (None, "got null"),
        (["2022-01-03"], "got array"),
    ],
)
def test_parse_date_refuses(raw: object, problem: str) -> None:
    with pytest.raises(ArticleError) as info:
        parse_date(raw, "s")
    assert problem in info.value.problem


def test_parse_reference_date() -> None:
    assert parse_reference_date("2022-01-03") == date(2022, 1, 3)
    with pytest.raises(ArticleError, match="--reference-date: impossible"):
        parse_reference_date("2022-02-30")


def test_parse_text_accepts_crlf_when_called_directly() -> None:
    a = parse_text("T\r\n20220103\r\nu\r\nOne.\r\nTwo.\r\n", "s", stem="x")
    assert (a.id, a.title, a.url, a.body) == ("x", "T", "u", "One.\nTwo.")


def test_parse_text_without_stem_ids_by_body() -> None:
    a = parse_text(GOOD_TEXT, "s")
    b = parse_text(GOOD_TEXT.replace("January 4", "January 5"), "s")
    assert len(a.id) == 16 and a.id != b.id


def test_parse_record_types_and_fallbacks() -> None:
    rec = {"published": datetime(2022, 1, 3, 23, 0, tzinfo=timezone(timedelta(hours=-5)))}
    a = parse_record({**rec, "body": "x", "id": True}, "s", default_id="d")
    assert a.date == date(2022, 1, 3) and a.id == "d"  # a boolean is not an id
    b = parse_record({"date": date(2022, 1, 3), "text": "x", "doc_id": " k "}, "s")
    assert b.id == "k" and b.title == "" and b.url == ""
    c = parse_record({"date": math.nan, "published": "20220103", "text": "x"}, "s")
    assert c.date == date(2022, 1, 3)
    with pytest.raises(ArticleError, match="'published' must be a date string"):
        parse_record({"date": None, "published": 3.5, "text": "x"}, "s")
    with pytest.raises(ArticleError, match="'body' must be a string, got number"):
        parse_record({"date": "20220103", "text": None, "body": 1}, "s")
    with pytest.raises(ArticleError, match="record must be an object, got array"):
        parse_record(["20220103", "x"], "s")


def test_content_hash_follows_content() -> None:
    a = parse_text(GOOD_TEXT, "one", stem="a")
    b = parse_text(GOOD_TEXT, "two", stem="b")
    c = parse_text(GOOD_TEXT.replace("held", "resumed"), "one", stem="a")
    assert content_hash(a) == content_hash(b) != content_hash(c)


# --------------------------------------------------------------------------- paths


def make_tree(root: Path) -> None:
    (root / "2022" / "jan").mkdir(parents=True)
    (root / "2022" / "jan" / "a.txt").write_text(GOOD_TEXT)
    (root / "2022" / "b.json").write_text(
        json.dumps({"title": "B", "date": "2022-01-03", "text": "b"})
    )
    (root / "c.txt").write_text(GOOD_TEXT)
    (root / "README.md").write_text("# About this corpus\n")
    (root / "c.gold.json").write_text("{}")
    (root / ".hidden.txt").write_text("not read")
    (root / ".cache").mkdir()
    (root / ".cache" / "x.txt").write_text("not read")
    (root / "[draft] d.txt").write_text(GOOD_TEXT)


def names(items: Iterable[object]) -> list[str]:
    return [i.name if isinstance(i, Path) else f"ERROR {i}" for i in items]


def test_folder_order_and_skips(tmp_path: Path) -> None:
    make_tree(tmp_path)
    assert names(expand([tmp_path])) == ["[draft] d.txt", "c.txt", "b.json", "a.txt"]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("*.txt", ["[draft] d.txt", "c.txt"]),
        ("*", ["b.json", "a.txt", "[draft] d.txt", "c.txt"]),  # folder walked, README skipped
        ("**/*.txt", ["[draft] d.txt", "c.txt", "a.txt"]),
        ("2022/**", ["b.json", "a.txt"]),
        ("**/jan/*.txt", ["a.txt"]),
        ("*/*/?.txt", ["a.txt"]),
        ("[draft] d.txt", ["[draft] d.txt"]),  # exists: a name, not a pattern
    ],
)
def test_glob_patterns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pattern: str, expected: list[str]
) -> None:
    make_tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert names(expand([pattern])) == expected


def test_recursive_glob_through_symlink_loops_ends(tmp_path: Path) -> None:
    # glob.glob("**", recursive=True) never ends on this tree (two loops): ingest must.
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text(GOOD_TEXT)
    os.symlink("..", tmp_path / "a" / "up")
    os.symlink("../a", tmp_path / "a" / "again")
    articles, errors = split(collect([f"{tmp_path}/**/*.txt"], timeout=20))
    assert [a.id for a in articles] == ["x"]
    assert [e.problem for e in errors] == [
        "symbolic link loop (leads back to a parent folder): not followed"
    ] * 2


def test_second_link_to_a_folder_is_not_a_loop(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "x.txt").write_text(GOOD_TEXT)
    os.symlink("real", tmp_path / "alias")
    articles, errors = split(collect([tmp_path]))
    assert not errors and len(articles) == 1


def test_each_real_file_is_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_tree(tmp_path)
    os.symlink("c.txt", tmp_path / "link-to-c.txt")
    monkeypatch.chdir(tmp_path)
    paths = list(expand(["c.txt", ".", "*.txt", "2022/jan/a.txt", str(tmp_path / "c.txt")]))
    assert names(paths) == ["c.txt", "[draft] d.txt", "b.json", "a.txt"]


def test_one_path_string_is_not_split_into_characters(tmp_path: Path) -> None:
    (tmp_path / "c.txt").write_text(GOOD_TEXT)
    assert names(expand(str(tmp_path / "c.txt"))) == ["c.txt"]
    assert [a.id for a in load(tmp_path / "c.txt")] == ["c"]


def test_same_stem_in_two_folders_gives_both_articles(tmp_path: Path) -> None:
    # Ids are unique within a file only; the CLI and batch ingest suffix "~2" across files.
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "x.txt").write_text(GOOD_TEXT.replace("4", sub))
    articles, errors = split(collect([tmp_path]))
    assert not errors and [a.id for a in articles] == ["x", "x"]
    assert articles[0].body != articles[1].body


def test_load_raises_the_first_error(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_text("Title only\n")
    with pytest.raises(ArticleError, match="bad.txt: missing publication date"):
        load(tmp_path)


def test_a_reader_bug_is_one_error_and_other_files_go_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = folder_with_good_files(tmp_path)
    (folder / "boom.txt").write_text(GOOD_TEXT)
    real = ingest.parse_text

    def parse(text: str, source: str, *, stem: str = "") -> Article:
        if stem == "boom":
            raise RuntimeError("kaboom\nsecond line")
        return real(text, source, stem=stem)

    monkeypatch.setattr(ingest, "parse_text", parse)
    items = collect([folder])
    err = assert_one_error_beside_good_files(items, folder / "boom.txt", "unexpected error")
    assert err.problem == "unexpected error: RuntimeError: kaboom"


def test_corrupt_parquet_page_is_one_error_after_the_good_rows(tmp_path: Path) -> None:
    rows = [
        {"title": f"T{i}", "date": "2022-01-03", "url": "u", "text": f"row {i}"}
        for i in range(3000)
    ]
    path = tmp_path / "rows.parquet"
    pq.write_table(pa.Table.from_pylist(rows), path, row_group_size=1000, compression="none")
    data = bytearray(path.read_bytes())
    meta = pq.ParquetFile(path).metadata
    col = meta.row_group(2).column(3)  # the text column of the last row group
    start = col.data_page_offset
    data[start + 40 : start + 400] = b"\xff" * 360
    path.write_bytes(bytes(data))
    articles, errors = split(collect([path]))
    # The rows before the damaged batch are read; the batch is one error naming its row.
    assert 0 < len(articles) <= 2000
    assert [a.body for a in articles] == [f"row {i}" for i in range(len(articles))]
    assert len(errors) == 1 and errors[0].source == f"{path}[row {len(articles) + 1}]"
    assert errors[0].problem.startswith("unreadable Parquet data (")


def test_jsonl_with_a_few_bad_lines_first_reports_each() -> None:
    good = json.dumps({"title": "T", "date": "2022-01-03", "text": "x"})
    items = list(ingest._read_jsonl("\n".join(["{", "{", good, "{"]), "f.jsonl", "f"))
    assert [str(i) if isinstance(i, ArticleError) else i.id for i in items] == [
        "f.jsonl:1: invalid JSON record: Expecting property name enclosed in double quotes "
        "at column 2",
        "f.jsonl:2: invalid JSON record: Expecting property name enclosed in double quotes "
        "at column 2",
        "f-3",
        "f.jsonl:4: invalid JSON record: Expecting property name enclosed in double quotes "
        "at column 2",
    ]


def test_jsonl_block_from_inside_a_file_never_gives_up() -> None:
    # The Dask engine reads a block of lines with blank lines in front (line numbers kept).
    block = "\n" * 40 + "\n".join(["{"] * 7)
    errors = list(ingest._read_jsonl(block, "f.jsonl", "f"))
    assert [e.source for e in errors] == [f"f.jsonl:{n}" for n in range(41, 48)]


def test_a_body_scraped_with_its_html_is_read_as_text(tmp_path: Path) -> None:
    """Markup in a body or title (a scraped page) is read as the text it shows: tags and
    the content of scripts dropped, references decoded, one paragraph per line (QA8 11),
    in every format; text with a bare "<" or "&" is left as written."""
    from dashapp.pipeline import extract

    page = (
        "<p>Russia <b>attacked</b> Kyiv on Monday.</p><script>alert(1)</script>"
        "<p>&nbsp;Ukraine&#39;s army said&hellip;</p>"
    )
    record = {"title": "Kyiv &amp; Kharkiv", "date": "2022-10-11", "url": "", "text": page}
    (tmp_path / "a.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"Kyiv &amp; Kharkiv\n20221011\n\n{page}\n", "utf-8")
    for name in ("a.jsonl", "b.txt"):
        (art,) = ingest.read_file(tmp_path / name)
        assert art.body == "Russia attacked Kyiv on Monday.\nUkraine's army said…", name
        assert art.title == "Kyiv & Kharkiv"
        (ev,) = extract([art]).events
        assert "<" not in ev.mentions[0].sentence and ev.start.isoformat() == "2022-10-10"
    plain = "Talks in Geneva on Monday: a < b, AT&T said; R&D; <Reuters> & co."
    assert parse_record({"date": "2022-10-11", "text": plain}, "x").body == plain
    assert plain_text("Ukraine&#39;s army &amp; navy") == "Ukraine's army & navy"


def _talks_records() -> list[dict[str, str]]:
    """Two records of the JSON formats, "Talks 1" and "Talks 2"."""
    return [
        {"title": f"Talks {n}", "date": "2022-01-03", "url": "", "text": "Talks were held."}
        for n in (1, 2)
    ]


def test_a_file_without_suffix_is_read_in_the_format_it_holds(tmp_path: Path) -> None:
    # a generated corpus written to "corpus" (no .jsonl) was read as one text article and
    # refused with "invalid publication date '{"id": ...'"
    records = _talks_records()
    (tmp_path / "lines").write_text("\n".join(json.dumps(r) for r in records) + "\n")
    (tmp_path / "list").write_text(json.dumps(records, indent=2))
    (tmp_path / "one").write_text(json.dumps(records[0], indent=2))
    # a text article whose title opens with a bracket or brace is still text
    (tmp_path / "text").write_text("[Update] {Talks} resume\n20220103\n\nTalks resumed.\n")
    got = {p: list(ingest.read_file(tmp_path / p)) for p in ("lines", "list", "one", "text")}
    assert all(isinstance(a, Article) for arts in got.values() for a in arts), got
    assert [a.title for a in got["lines"]] == ["Talks 1", "Talks 2"]
    assert [a.title for a in got["list"]] == ["Talks 1", "Talks 2"]
    assert [a.title for a in got["one"]] == ["Talks 1"]
    assert [a.title for a in got["text"]] == ["[Update] {Talks} resume"]
    assert got["text"][0].date == date(2022, 1, 3)


def test_a_txt_file_holding_json_is_read_as_json(tmp_path: Path) -> None:
    # JSON Lines saved as "export.txt" was refused with "invalid publication date
    # '{"title": ...'": the reader now takes what the file holds when it is no text article
    records = _talks_records()
    (tmp_path / "lines.txt").write_text("\n".join(json.dumps(r) for r in records) + "\n")
    (tmp_path / "list.txt").write_text(json.dumps(records, indent=2))
    bad = [records[0], {"title": "No date", "text": "Talks."}]
    (tmp_path / "bad.txt").write_text("\n".join(json.dumps(r) for r in bad) + "\n")
    # a text article with a bad date keeps the text format's message
    (tmp_path / "text.txt").write_text("Talks resume\n2022-13-45\n\nTalks resumed.\n")
    got = {
        p: list(ingest.read_file(tmp_path / p))
        for p in ("lines.txt", "list.txt", "bad.txt", "text.txt")
    }
    assert [a.title for a in got["lines.txt"]] == ["Talks 1", "Talks 2"]
    assert [a.title for a in got["list.txt"]] == ["Talks 1", "Talks 2"]
    good, err = got["bad.txt"]
    assert isinstance(good, Article) and good.title == "Talks 1"
    assert isinstance(err, ingest.ArticleError) and "date" in str(err)
    (text_err,) = got["text.txt"]
    assert isinstance(text_err, ingest.ArticleError)
    assert "publication date '2022-13-45'" in str(text_err)
