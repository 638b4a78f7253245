"""`geotimeline serve` and `geotimeline export`: load articles (or open a database) into a
Store, then run the dashboard or write one export. cli.py parses the arguments."""

from __future__ import annotations

import io
import sys
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TextIO

from dashapp.gc_tuning import tune_gc
from dashapp.models import DocType, EventFilter
from dashapp.store import Store, open_problem

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
    need_input: bool = False,
) -> tuple[Store, int]:
    """A Store on `db` (in memory when None) with the articles under `paths` added.
    Prints one line per bad file or record; returns (store, number of problems). With
    `need_input`, inputs of which nothing could be read, no folder among them and no
    existing database are a CliError, not an empty store."""
    from dashapp.app.articles import placed
    from dashapp.cli import CliError, duplicate_note, load_articles
    from dashapp.ingest import stored_source
    from dashapp.pipeline import extract
    from dashapp.store import article_key

    err = err or sys.stderr
    articles, problems = load_articles(
        [str(p) for p in paths], err=err, reference_date=reference_date
    )
    if (
        need_input
        and paths
        and not articles
        and data_folder(paths) is None  # a folder takes uploads, even an empty one
        and (db is None or not Path(db).exists())
    ):
        raise CliError(
            "nothing to serve: no article could be read from "
            + ", ".join(str(p) for p in paths)
            + "; give article files or folders, or a database made by ingest (--db FILE)"
        )
    store = open_store(db, create=bool(paths))
    if articles:
        # an article whose content the store holds under another id is not added again
        found = store.find_contents([article_key(a) for a in articles])
        kept = []
        for a in articles:
            held = found.get(article_key(a))
            if held is not None and held[0] != a.id:
                print(duplicate_note(a.source, f"{held[1]} (stored as {held[0]})"), file=err)
            else:
                kept.append(a)
        articles = kept
    if articles:
        # ids as ingest places them: a stored article of another source keeps its id
        sourced = [replace(a, source=stored_source(a.source)) for a in articles]
        store.add(
            extract(placed(store, sourced), gazetteer=gazetteer, doc_type=doc_type, implied=implied)
        )
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
        raise CliError(f"cannot open database {db}: {open_problem(exc)}") from None


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
        """The "FILE: problem" lines written (without the program's prefix; notes, such
        as a duplicate dropped, are not problems)."""
        prefix = f"{PROG}: error: "
        lines = "".join(self.parts).splitlines()
        return [
            line.removeprefix(prefix)
            for line in lines
            if line.strip() and not line.startswith(f"{PROG}: note: ")
        ]


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" + ("" if n == 1 else "s")


def _gazetteer(actors: Path | None):
    if actors is None:
        return None
    from dashapp.actors import Gazetteer

    return Gazetteer.load(actors)


def event_types(store: Store) -> list[str]:
    """The event types a filter may name: the PLOVER categories (and STATEMENT) of the
    extraction, and any other type the store holds."""
    from dashapp.events import lexicon

    return list(dict.fromkeys([*lexicon().quad, *(t for t, _ in store.type_counts())]))


def _quoted(names: Sequence[str]) -> str:
    return ", ".join(names[:-1]) + (" or " if len(names) > 1 else "") + names[-1]


def resolve_filter_names(
    store: Store,
    actors: Sequence[str],
    types: Sequence[str],
    *,
    gazetteer=None,
    err: TextIO | None = None,
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The actors and types of `export --actor/--type` as the store names them: actors as
    the dashboard's correction form reads them (any letter case, the gazetteer's aliases:
    "putin" is Vladimir Putin), types in any letter case ("assault" is ASSAULT). A name
    that means something else is noted on `err`; an unknown or ambiguous one is a
    CliError that suggests close names."""
    import difflib

    from dashapp.actors import Gazetteer
    from dashapp.app.actor_names import known_actor_names, read_names
    from dashapp.cli import CliError

    problems: list[str] = []
    found_actors: dict[str, None] = {}
    if actors:
        gaz = gazetteer if gazetteer is not None else Gazetteer.load()
        names = known_actor_names(store.actors(), gaz)
        for name, r in zip(actors, read_names([a.strip() for a in actors], names), strict=True):
            if len(r.actors) == 1:
                found_actors[r.actors[0].name] = None
                if r.actors[0].name.casefold() != r.given.casefold() and err is not None:
                    print(f"{PROG}: note: --actor {name} means {r.actors[0].name}", file=err)
            elif r.actors:
                problems.append(f"actor '{name}' may be {_quoted([a.name for a in r.actors])}")
            else:
                hint = f" (did you mean {_quoted(list(r.close))}?)" if r.close else ""
                problems.append(f"unknown actor '{name}'{hint}")
    found_types: dict[str, None] = {}
    if types:
        known = {t.casefold(): t for t in event_types(store)}
        for name in types:
            hit = known.get(name.strip().casefold())
            if hit is not None:
                found_types[hit] = None
                continue
            close = [
                known[k]
                for k in difflib.get_close_matches(name.strip().casefold(), list(known), n=3)
            ]
            hint = (
                f" (did you mean {_quoted(close)}?)"
                if close
                else f" (the types: {', '.join(known.values())})"
            )
            problems.append(f"unknown event type '{name}'{hint}")
    if problems:
        raise CliError("; ".join(problems))
    return tuple(found_actors), tuple(found_types)


def check_port(host: str, port: int) -> None:
    """A CliError unless the dashboard can listen on `host`:`port` (a trial bind, with the
    address reuse the server sets), so that a port in use is said before a URL is."""
    import errno
    import socket

    from dashapp.cli import CliError

    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
    except (OSError, UnicodeError) as exc:
        raise CliError(f"--host {host}: not an address of this machine ({exc})") from None
    with socket.socket(family, kind, proto) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise CliError(
                    f"port {port} is in use on {host} (another server runs there): "
                    "stop it or choose another with --port N"
                ) from None
            if exc.errno == errno.EACCES:
                raise CliError(
                    f"port {port}: permission denied (ports below 1024 need privileges); "
                    "choose another with --port N"
                ) from None
            raise CliError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None


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
    check_port(host, port)  # before the inputs are read, which may take a while
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
        need_input=True,
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
    try:
        check_port(host, port)  # and again: the port may have been taken meanwhile
    except BaseException:
        store.close()
        raise
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
        if debug:
            app.run(host=host, port=port, debug=True, use_reloader=False)
        else:
            _serve_quietly(app, host, port)
    finally:
        store.close()
    return 0


def _serve_quietly(app, host: str, port: int) -> None:
    """The server `app.run` starts (werkzeug's, a thread per request), without Flask's
    banner and its warning about production deployments, which is not a concern of a
    local tool, and without a line per request: the line above says where the
    dashboard is, and errors are still logged (--debug shows everything)."""
    import logging

    from werkzeug.serving import make_server

    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    httpd = make_server(host, port, app.server, threaded=True)
    try:
        httpd.serve_forever()
    finally:
        httpd.server_close()


def export_command(
    paths: Sequence[str | Path],
    *,
    db: Path | None = None,
    out: Path,
    fmt: str,
    actors: tuple[str, ...] = (),
    affiliated: bool = False,
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
    gaz = _gazetteer(actors_file)
    store, problems = load_store(
        paths,
        db=db,
        reference_date=reference_date,
        doc_type=doc_type,
        implied=implied,
        gazetteer=gaz,
        err=err,
    )
    try:
        actors, types = resolve_filter_names(store, actors, types, gazetteer=gaz, err=err)
        flt = EventFilter(
            actors=actors,
            include_affiliated=affiliated and bool(actors),
            types=types,
            date_from=date_from,
            date_to=date_to,
        )
        n = store.count_events(flt)
        try:
            size = export(store, flt, fmt, out, title=title)
        except OSError as exc:
            raise CliError(f"cannot write {out}: {exc.strerror or exc}") from None
    finally:
        store.close()
    print(
        f"{PROG}: wrote {out} ({fmt}, {n:,} event{'s' if n != 1 else ''}, {size:,} bytes)", file=err
    )
    return 1 if problems else 0
