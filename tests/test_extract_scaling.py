"""benchmarks/extract_scaling.py runs and prints one row per step of each series."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _load():
    spec = importlib.util.spec_from_file_location(
        "geotimeline_extract_scaling", ROOT / "benchmarks" / "extract_scaling.py"
    )
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_extract_scaling_prints_both_series(capsys):
    assert _load().main(["--doc-steps", "1,2", "--articles", "5,10"]) == 0
    out = capsys.readouterr().out
    rows = [
        line.split() for line in out.splitlines() if line[:1] == " " and line.split()[0].isdigit()
    ]
    doc_rows = [r for r in rows if len(r) == 6 and r[0] in ("1", "2")]
    corpus_rows = [r for r in rows if r[0] in ("5", "10")]
    # the two-body document has about twice the words and at least as many events
    assert int(doc_rows[1][1]) > 1.9 * int(doc_rows[0][1])
    assert int(doc_rows[1][3]) >= int(doc_rows[0][3]) > 0
    # merged events never outnumber the articles' own
    assert [r[0] for r in corpus_rows] == ["5", "10"]
    assert all(0 < int(r[2]) <= int(r[1]) for r in corpus_rows)
