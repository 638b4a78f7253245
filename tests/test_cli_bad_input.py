"""Bad input through `geotimeline extract`, as a user meets it: one line on stderr per bad
file, no traceback, exit status 1 only because of them, the good articles still in the
JSON output."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_ingest import BAD, GOOD_TEXT, MANIFEST, ODD, ODD_EXPECTED

ROOT = Path(__file__).resolve().parents[1]


def extract(*paths: Path | str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dashapp", "extract", *map(str, paths)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "GEOTIMELINE_DEBUG": ""},
    )


def error_lines(stderr: str) -> list[str]:
    """The error lines; the only other lines allowed are notes of content met twice
    (records of several bad files repeat one good record)."""
    assert "Traceback" not in stderr
    notes = [ln for ln in stderr.splitlines() if ln.startswith("geotimeline: note: ")]
    assert all(", skipped" in ln and "the same article as" in ln for ln in notes), stderr
    lines = [ln for ln in stderr.splitlines() if ln not in notes]
    assert all(ln.startswith("geotimeline: error: ") for ln in lines), stderr
    return lines


def test_every_bad_file_is_one_line_and_good_articles_come_out(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, _, _ in MANIFEST:
        shutil.copyfile(BAD / name, folder / name)
    (folder / "0_good.txt").write_text(GOOD_TEXT)
    (folder / "~good.txt").write_text(GOOD_TEXT.replace("Good", "Other"))
    proc = extract(folder)
    assert proc.returncode == 1, proc.stderr
    lines = error_lines(proc.stderr)
    assert len(lines) == len(MANIFEST)
    for name, problem, _ in MANIFEST:
        (line,) = [ln for ln in lines if f"{folder / name}:" in ln or f"{folder / name}[" in ln]
        assert problem in line
    articles = json.loads(proc.stdout)["articles"]
    ids = {a["id"] for a in articles}
    assert {"0_good", "~good"} <= ids
    duplicates = proc.stderr.count("geotimeline: note: ")
    assert len(articles) == 2 + sum(n for _, _, n in MANIFEST) - duplicates


def test_inputs_that_cannot_live_in_git(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    (folder / "sub").mkdir(parents=True)
    (folder / "0_good.txt").write_text(GOOD_TEXT)
    os.symlink("..", folder / "sub" / "up")  # a folder loop
    os.mkfifo(folder / "pipe.txt")  # reading would block
    os.symlink("/dev/zero", folder / "zero.txt")  # reading would never end
    os.symlink("nowhere.txt", folder / "gone.txt")
    proc = extract(folder, tmp_path / "missing.txt", tmp_path / "none-*.json")
    assert proc.returncode == 1, proc.stderr
    lines = error_lines(proc.stderr)
    expected = [
        f"{folder / 'gone.txt'}: broken symbolic link",
        f"{folder / 'pipe.txt'}: not a regular file (a FIFO): refused",
        f"{folder / 'zero.txt'}: not a regular file (a character device): refused",
        f"{folder / 'sub' / 'up'}: symbolic link loop (leads back to a parent folder): not "
        "followed",
        f"{tmp_path / 'missing.txt'}: no such file or directory",
        f"{tmp_path / 'none-*.json'}: no file matches this pattern",
    ]
    assert sorted(lines) == sorted(f"geotimeline: error: {e}" for e in expected)
    assert [a["id"] for a in json.loads(proc.stdout)["articles"]] == ["0_good"]


def test_text_no_utf_8_output_can_hold_is_mended_not_fatal(tmp_path: Path) -> None:
    """A file name that is not UTF-8 and a lone surrogate spelt in JSON ("\\ud800") reach
    the output as \\xff and U+FFFD; every article comes out, the others too."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "0_good.txt").write_text(GOOD_TEXT)
    # (another text: the same one would be a duplicate of 0_good's, and skipped)
    (folder / os.fsdecode(b"bad\xffname.txt")).write_text(GOOD_TEXT.replace("Good", "Bad"))
    record = '{"title": "a \\ud800 title", "date": "2022-01-03", "id": "x\\udc00", '
    record += '"text": "On Monday, Joe Biden spoke with Putin \\udfff in Geneva."}\n'
    (folder / "feed.jsonl").write_text(record)
    proc = extract(folder)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    articles, events = {a["id"]: a for a in out["articles"]}, out["events"]
    assert set(articles) == {"0_good", "bad\\xffname", "x\ufffd"}
    assert articles["x\ufffd"]["title"] == "a \ufffd title"
    assert any("Putin \ufffd in Geneva" in m["sentence"] for e in events for m in e["mentions"])


def test_odd_inputs_exit_zero_with_every_article() -> None:
    """Every odd input is read; one text in several encodings is one article, the other
    copies noted as the same article (each read alike: same title, date and URL)."""
    proc = extract(ODD)
    assert proc.returncode == 0, proc.stderr
    articles = {a["id"]: a for a in json.loads(proc.stdout)["articles"]}
    same = {}  # skipped copy's id -> the kept article's id
    for line in proc.stderr.splitlines():
        m = re.fullmatch(r"geotimeline: note: (.+): the same article as (.+), skipped", line)
        assert m, proc.stderr
        same[Path(m.group(1)).stem] = Path(m.group(2)).stem
    assert set(articles) | set(same) == set(ODD_EXPECTED) and not set(articles) & set(same)
    for article_id, (title, day, url, _) in ODD_EXPECTED.items():
        got = articles[same.get(article_id, article_id)]
        assert (got["title"], got["date"], got["url"]) == (title, day, url)


@pytest.mark.parametrize("name", ["json_deeply_nested.json", "binary_png_named.txt"])
def test_one_bad_file_alone(name: str) -> None:
    proc = extract(BAD / name)
    assert proc.returncode == 1
    (line,) = error_lines(proc.stderr)
    assert line.startswith(f"geotimeline: error: {BAD / name}: ")
    assert json.loads(proc.stdout)["articles"] == []
