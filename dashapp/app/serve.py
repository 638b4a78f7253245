"""`geotimeline serve` and `geotimeline export`: load articles (or open a database) into a
Store, then run the dashboard or write one export. cli.py parses the arguments."""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from dashapp.gc_tuning import tune_gc
from dashapp.models import DocType, EventFilter
from dashapp.store import Store

PROG = "geotimeline"
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def load_store(
    paths: Sequence[str | Path],
    *,
    db: Path | None,
    reference_date: date | None = None,
    doc_type: DocType = "news",
    implied: bool = False,
    gazetteer=None,
    err: TextIO | None = None,
) -> tuple[Store, int]:
    """A Store on `db` (in memory when None) with the articles under `paths` added.
    Prints one line per bad file or record; returns (store, number of problems)."""
    from dashapp.cli import load_articles
    from dashapp.pipeline import extract

    articles, problems = load_articles(
        [str(p) for p in paths], err=err or sys.stderr, reference_date=reference_date
    )
    store = open_store(db, create=bool(paths))
    if articles:
        store.add(extract(articles, gazetteer=gazetteer, doc_type=doc_type, implied=implied))
    return store, problems


def open_store(db: Path | None, *, create: bool) -> Store:
    """The Store on `db` (in memory when None) for serve and export. A database that does
    not exist is made only when `create` (files given to add to it); a folder, another
    kind of file or one another process holds is refused in one line."""
    import duckdb

    from dashapp.cli import CliError

    if db is not None:
        db = Path(db)
        if db.is_dir():
            raise CliError(f"--db {db}: a folder, not a database file")
        if not create and not db.exists():
            raise CliError(
                f"--db {db}: no such database (make one with: {PROG} ingest PATH... --db {db})"
            )
    try:
        return Store(db)
    except (duckdb.Error, OSError) as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise CliError(f"cannot open database {db}: {reason}") from None


class _Tee(io.TextIOBase):
    """A text stream that writes through to another and keeps what was written."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.parts: list[str] = []

    def write(self, text: str) -> int:
        self.parts.append(text)
        return self.out.write(text)

    def flush(self) -> None:
        self.out.flush()

    def problems(self) -> list[str]:
        """The "FILE: problem" lines written (without the program's prefix)."""
        prefix = f"{PROG}: error: "
        lines = "".join(self.parts).splitlines()
        return [line.removeprefix(prefix) for line in lines if line.strip()]


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


def _gazetteer(actors: Path | None):
    if actors is None:
        return None
    from dashapp.actors import Gazetteer

    return Gazetteer.load(actors)


def data_folder(paths: Sequence[str | Path]) -> Path | None:
    """Where uploads are saved: the first folder among the inputs."""
    for p in paths:
        if Path(p).is_dir():
            return Path(p)
    return None


def serve_command(
    paths: Sequence[str | Path],
    *,
    db: Path | None = None,
    host: str = "127.0.0.1",
    port: int = 8050,
    debug: bool = False,
    upload_limit: int = 10 * 2**20,
    reference_date: date | None = None,
    doc_type: DocType = "news",
    implied: bool = False,
    actors: Path | None = None,
    err: TextIO | None = None,
) -> int:
    """Run the dashboard until interrupted. Bad input files are reported and skipped."""
    from dashapp.app import create_app

    err = err or sys.stderr
    gaz = _gazetteer(actors)
    tee = _Tee(err)  # the problems are printed here and shown in the page
    store, problems = load_store(
        paths,
        db=db,
        reference_date=reference_date,
        doc_type=doc_type,
        implied=implied,
        gazetteer=gaz,
        err=tee,
    )
    n = store.count_events()
    app = create_app(
        store,
        data_dir=data_folder(paths),
        upload_limit=upload_limit,
        gazetteer=gaz,
        doc_type=doc_type,
        implied=implied,
        skipped=tee.problems() if problems else (),
    )
    shown = f"[{host}]" if ":" in host else host
    k = len(store.articles())
    print(
        f"{PROG}: {_count(n, 'event')} from {_count(k, 'article')}"
        + (f" ({_count(problems, 'file problem')})" if problems else "")
        + f"; dashboard on http://{shown}:{port}/ (Ctrl+C to stop)",
        file=err,
    )
    tune_gc()
    try:
        app.run(host=host, port=port, debug=debug, use_reloader=False)
    finally:
        store.close()
    return 0


def export_command(
    paths: Sequence[str | Path],
    *,
    db: Path | None = None,
    out: Path,
    fmt: str,
    actors: tuple[str, ...] = (),
    types: tuple[str, ...] = (),
    date_from: date | None = None,
    date_to: date | None = None,
    title: str | None = None,
    reference_date: date | None = None,
    doc_type: DocType = "news",
    implied: bool = False,
    actors_file: Path | None = None,
    err: TextIO | None = None,
) -> int:
    """Write one export of the filtered timeline. Exit code 0, or 1 when some input
    files were bad (the export is still written from the others)."""
    from dashapp.cli import CliError
    from dashapp.export import export

    err = err or sys.stderr
    out = Path(out)
    if out.is_dir():
        raise CliError(f"cannot write {out}: a folder")
    if not out.parent.is_dir():
        raise CliError(f"cannot write {out}: no such folder {out.parent}")
    if db is not None and paths:
        # an export reads; adding files to a database is ingest's work
        raise CliError(
            "export reads either files or a database (--db), not both; add the files "
            f"first with: {PROG} ingest PATH... --db {db}"
        )
    store, problems = load_store(
        paths,
        db=db,
        reference_date=reference_date,
        doc_type=doc_type,
        implied=implied,
        gazetteer=_gazetteer(actors_file),
        err=err,
    )
    try:
        flt = EventFilter(
            actors=tuple(actors), types=tuple(types), date_from=date_from, date_to=date_to
        )
        n = store.count_events(flt)
        try:
            size = export(store, flt, fmt, out, title=title)
        except OSError as exc:
            raise CliError(f"cannot write {out}: {exc.strerror or exc}") from None
    finally:
        store.close()
    print(f"{PROG}: wrote {out} ({fmt}, {n} events, {size:,} bytes)", file=err)
    return 1 if problems else 0
