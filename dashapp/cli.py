"""The one entry point: geotimeline extract | tag | serve | export | ingest."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import NoReturn, TextIO

from dashapp import __version__
from dashapp.ingest import (
    ArticleError,
    iter_articles,
    json_problem,
    numbered_id,
    parse_date,
    parse_reference_date,
)
from dashapp.models import Article

PROG = "geotimeline"


class CliError(Exception):
    """A problem with the command line itself: printed as one line, exit status 2."""


def _reference_date(raw: str) -> date:
    try:
        return parse_reference_date(raw)
    except ArticleError as err:
        raise argparse.ArgumentTypeError(err.problem) from None


def _iso_date(raw: str) -> date:
    try:
        return parse_date(raw, "date", what="date")
    except ArticleError as err:
        raise argparse.ArgumentTypeError(err.problem) from None


def _add_extraction_options(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--reference-date",
        type=_reference_date,
        metavar="DATE",
        help="anchor relative dates on DATE (YYYY-MM-DD) instead of each article's "
        "publication date (or the date of the wire dateline opening its body, "
        "'WASHINGTON, Jan. 5 (AP) --'), e.g. when the listed date lags the writing date",
    )
    p.add_argument(
        "--doc-type",
        choices=("news", "narrative"),
        default="news",
        help="news: relative dates anchor on the publication date (default); narrative "
        "(history): on the date in focus in the text",
    )
    p.add_argument(
        "--actors",
        type=Path,
        metavar="FILE",
        help="your own actors and aliases (JSON, same format as the built-in gazetteer); "
        "also read from $GEOTIMELINE_ACTORS",
    )
    p.add_argument(
        "--implied-events",
        action="store_true",
        help='also add the earlier happening an ordinal implies ("a phone call, their '
        'second in just over three weeks" -> an earlier call about three weeks before), '
        "marked approximate",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="Geopolitical timelines from news articles: dated events, their actors, "
        "and an interactive dashboard.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    p = sub.add_parser("extract", help="articles -> events and resolved dates (JSON or CSV)")
    p.add_argument("paths", nargs="+", metavar="PATH", help="article files, folders or globs")
    p.add_argument("--format", choices=("json", "csv"), default="json")
    p.add_argument("-o", "--output", type=Path, metavar="FILE", help="write here, not stdout")
    _add_extraction_options(p)

    p = sub.add_parser(
        "tag",
        help="temporal expressions of JSONL documents ({doc_id, dct, text} per line)",
        description="Find and resolve the temporal expressions of each JSON line "
        '({"doc_id": ..., "dct": "YYYY-MM-DD", "text": ...}), one JSON line out per '
        "document (its timexes with offsets, TIMEX3 type and value). Relative dates resolve "
        "against the dct as given: it is the document's writing date, so a wire dateline in "
        "the text does not move it (extract, given a publication date, anchors on an "
        "earlier dateline's date). A line without a dct leaves relative dates unresolved.",
    )
    p.add_argument("input", type=Path, metavar="IN.jsonl", help="'-' for standard input")
    p.add_argument(
        "-o", "--output", type=Path, metavar="OUT.jsonl", help="write here (default: stdout)"
    )
    p.add_argument(
        "--doc-type",
        choices=("news", "narrative"),
        default="news",
        help="news: relative dates anchor on the dct (default); narrative (history): on the "
        "date in focus in the text",
    )

    p = sub.add_parser("serve", help="start the dashboard (default: on data/)")
    p.add_argument("paths", nargs="*", metavar="PATH", help="article files, folders or globs")
    p.add_argument("--db", type=Path, metavar="FILE", help="serve a database made by ingest")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8050, help="port (default 8050)")
    p.add_argument("--debug", action="store_true", help="Dash debug mode (development only)")
    p.add_argument(
        "--upload-limit",
        type=float,
        default=10.0,
        metavar="MB",
        help="largest article upload accepted, in MB (default 10)",
    )
    _add_extraction_options(p)

    p = sub.add_parser("export", help="write the timeline or its events to a file")
    p.add_argument("paths", nargs="*", metavar="PATH", help="article files, folders or globs")
    p.add_argument("--db", type=Path, metavar="FILE", help="export from a database")
    p.add_argument("-o", "--output", type=Path, metavar="FILE", required=True)
    p.add_argument(
        "--format",
        choices=("png", "svg", "pdf", "csv", "json", "timelinejs"),
        help="default: from the output file's extension",
    )
    p.add_argument(
        "--actor",
        action="append",
        default=[],
        metavar="NAME",
        help="only events involving NAME (repeatable; any letter case or a known alias: "
        "'putin' is Vladimir Putin)",
    )
    p.add_argument(
        "--affiliated",
        action="store_true",
        help="with --actor: also the events of people affiliated with NAME (Russia: "
        "Putin's and Lavrov's), as the dashboard's option",
    )
    p.add_argument(
        "--type",
        action="append",
        default=[],
        metavar="TYPE",
        help="only events of this PLOVER type, e.g. ASSAULT (repeatable, any letter case)",
    )
    p.add_argument(
        "--from",
        dest="date_from",
        type=_iso_date,
        metavar="DATE",
        help="only events that reach DATE (YYYY-MM-DD) or later: an event's whole span "
        "counts, so a month or year that includes DATE is in",
    )
    p.add_argument(
        "--to",
        dest="date_to",
        type=_iso_date,
        metavar="DATE",
        help="only events that begin on or before DATE (YYYY-MM-DD), inclusive",
    )
    p.add_argument("--title", help="figure title")
    _add_extraction_options(p)

    p = sub.add_parser("ingest", help="extract articles into a database (idempotent, resumable)")
    p.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="files, folders, globs; text, JSON, JSONL or Parquet",
    )
    p.add_argument(
        "--db",
        type=Path,
        metavar="FILE",
        help="default: .geotimeline/geotimeline.duckdb next to the first input",
    )
    p.add_argument("--workers", type=int, metavar="N", help="processes (default: all cores)")
    p.add_argument(
        "--engine",
        choices=("local", "dask"),
        default="local",
        help="local: worker processes on this machine (default); dask: a Dask cluster, "
        "see --scheduler",
    )
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="Dask scheduler, e.g. tcp://host:8786 (default with --engine dask: a "
        "LocalCluster of --workers processes on this machine)",
    )
    p.add_argument(
        "--memory-budget",
        type=float,
        metavar="MB",
        help="resident memory of the writing process above which it writes smaller "
        "transactions, in MB (default 576, 512 with --engine dask; 0: no budget)",
    )
    p.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar (default: on a terminal only)",
    )
    _add_extraction_options(p)
    return parser


# --------------------------------------------------------------------------- helpers


def load_articles(
    paths: Sequence[str], *, err: TextIO, reference_date: date | None = None
) -> tuple[list[Article], int]:
    """Read every article under `paths`, printing one line per bad file or record.
    An article whose content an earlier input holds (a copy under another name) is
    dropped with a note naming both. Returns the articles and the number of failures."""
    from dashapp.store import article_key

    articles: list[Article] = []
    failed = 0
    ids: dict[str, int] = {}
    seen: dict[str, str] = {}  # content (store.article_key) -> the source that had it
    for item in iter_articles(paths):
        if isinstance(item, ArticleError):
            failed += 1
            print(f"{PROG}: error: {item}", file=err)
            continue
        if reference_date is not None:
            item = replace(item, reference_date=reference_date)
        key = article_key(item)
        if key in seen:
            print(duplicate_note(item.source, seen[key]), file=err)
            continue
        seen[key] = item.source
        # two files may share a stem: keep ids unique in one batch
        ids[item.id] = n = ids.get(item.id, 0) + 1
        if n > 1:
            item = replace(item, id=numbered_id(item.id, n))
        articles.append(item)
    return articles, failed


def duplicate_note(source: str, first: str) -> str:
    """The line that says an input was dropped as a copy of another."""
    return f"{PROG}: note: {source}: the same article as {first}, skipped"


def _gazetteer(path: Path | None):  # noqa: ANN202 - the actors module is imported lazily
    from dashapp.actors import Gazetteer

    return Gazetteer.load(path)


def _check_actors(path: Path | None) -> None:
    """The user's actors file (--actors, else $GEOTIMELINE_ACTORS) read once before any
    article: a missing or malformed file is one error, not one per article."""
    try:
        _gazetteer(path)
    except (OSError, ValueError) as exc:
        raise CliError(str(exc).splitlines()[0] if str(exc) else type(exc).__name__) from None


def _write(text: str, output: Path | None, out: TextIO) -> None:
    if output is None:
        out.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise CliError(f"cannot write {output}: {exc.strerror or exc}") from None


# --------------------------------------------------------------------------- commands


def cmd_extract(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from dashapp.pipeline import extract
    from dashapp.serialize import events_to_csv, extraction_to_json

    articles, failed = load_articles(args.paths, err=err, reference_date=args.reference_date)
    result = extract(
        articles,
        gazetteer=_gazetteer(args.actors),
        doc_type=args.doc_type,
        implied=args.implied_events,
    )
    if args.format == "csv":
        text = events_to_csv(result.events)
    else:
        text = json.dumps(extraction_to_json(result), ensure_ascii=False, indent=2) + "\n"
    _write(text, args.output, out)
    return 1 if failed else 0


def cmd_tag(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from dashapp.serialize import tag_output
    from dashapp.temporal import tag

    source = str(args.input)
    try:
        stream = sys.stdin if source == "-" else args.input.open(encoding="utf-8")
    except OSError as exc:
        raise CliError(f"cannot read {source}: {exc.strerror or exc}") from None
    failed = 0
    undated: list[int] = []
    lines: list[str] = []
    with stream:
        for n, line in enumerate(stream, 1):
            if not line.strip():
                continue
            where = f"{source}:{n}"
            try:
                try:
                    doc = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ValueError(
                        f"invalid JSON record: {json_problem(exc, line=False)}"
                    ) from None
                if not isinstance(doc, dict) or not isinstance(doc.get("text"), str):
                    raise ValueError("expected an object with a string 'text'")
                dct = doc.get("dct")
                ref = parse_date(dct, where, "dct") if dct is not None else None
            except (ValueError, ArticleError) as exc:
                failed += 1
                problem = exc.problem if isinstance(exc, ArticleError) else str(exc)
                print(f"{PROG}: error: {where}: {problem}", file=err)
                continue
            if ref is None:
                undated.append(n)
            timexes = tag(doc["text"], ref, doc_type=args.doc_type)
            lines.append(json.dumps(tag_output(doc.get("doc_id"), timexes), ensure_ascii=False))
    _write("".join(line + "\n" for line in lines), args.output, out)
    if undated:
        shown = ", ".join(map(str, undated[:5])) + (", ..." if len(undated) > 5 else "")
        print(
            f"{PROG}: note: {source}: {len(undated)} record(s) without a 'dct' (line {shown}):"
            ' their relative dates ("Monday", "last year") are left unresolved',
            file=err,
        )
    return 1 if failed else 0


def cmd_serve(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from dashapp.app.serve import serve_command

    paths = args.paths or ([] if args.db else ["data"])
    if not 0 < args.port < 65536:
        raise CliError(f"--port {args.port}: a port is a number from 1 to 65535")
    if not args.paths and not args.db and not Path("data").is_dir():
        raise CliError(
            "nothing to serve: no data/ folder here; give article files or folders "
            f"({PROG} serve PATH...) or a database made by ingest (--db FILE)"
        )
    loopback = args.host in ("127.0.0.1", "localhost", "::1")
    if args.debug and not loopback:
        # debug mode turns on Flask's debugger, which runs Python typed into an error page
        raise CliError("--debug is only allowed with a loopback --host (127.0.0.1)")
    if not loopback:
        print(
            f"{PROG}: warning: binding {args.host} makes the dashboard reachable from other "
            "machines; it has no authentication",
            file=err,
        )
    return serve_command(
        paths,
        db=args.db,
        host=args.host,
        port=args.port,
        debug=args.debug,
        upload_limit=int(args.upload_limit * 2**20),
        reference_date=args.reference_date,
        doc_type=args.doc_type,
        implied=args.implied_events,
        actors=args.actors,
        err=err,
    )


def cmd_export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from dashapp.app.serve import export_command

    if not args.paths and not args.db:
        args.paths = ["data"]
    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise CliError(f"--from {args.date_from} is after --to {args.date_to}")
    if args.affiliated and not args.actor:
        raise CliError("--affiliated needs --actor NAME (the people affiliated with whom?)")
    fmt = args.format or args.output.suffix.lstrip(".").lower()
    if fmt not in ("png", "svg", "pdf", "csv", "json", "timelinejs"):
        raise CliError(f"cannot tell the format of {args.output}: pass --format")
    return export_command(
        args.paths,
        db=args.db,
        out=args.output,
        fmt=fmt,
        actors=tuple(args.actor),
        affiliated=args.affiliated,
        types=tuple(args.type),
        date_from=args.date_from,
        date_to=args.date_to,
        title=args.title,
        reference_date=args.reference_date,
        doc_type=args.doc_type,
        implied=args.implied_events,
        actors_file=args.actors,
        err=err,
    )


def cmd_ingest(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from dashapp.batch import ingest_command
    from dashapp.gc_tuning import tuned_gc

    if args.workers is not None and args.workers < 1:
        raise CliError("--workers must be at least 1")
    cores = os.cpu_count() or 1
    if args.workers is not None and args.workers > cores and not args.scheduler:
        # extraction is CPU work: more processes than cores only add switching and memory
        print(
            f"{PROG}: note: --workers {args.workers}: this machine has {cores} cores; "
            f"using {cores}",
            file=err,
        )
        args.workers = cores
    if args.scheduler and args.engine != "dask":
        raise CliError("--scheduler ADDRESS goes with --engine dask")
    if args.engine == "dask" and not args.scheduler:
        print(
            f"{PROG}: note: no --scheduler: extracting on a Dask LocalCluster of "
            f"{args.workers or cores} worker processes on this machine",
            file=err,
        )
    if args.memory_budget is not None and not 0 <= args.memory_budget < 2**40:
        raise CliError("--memory-budget must be a number of MB, 0 or more")
    if args.actors is not None:
        os.environ["GEOTIMELINE_ACTORS"] = str(args.actors)  # reaches worker processes
    with tuned_gc():
        return ingest_command(
            args.paths,
            db=args.db,
            workers=args.workers,
            engine=args.engine,
            scheduler=args.scheduler,
            reference_date=args.reference_date,
            doc_type=args.doc_type,
            implied=args.implied_events,
            progress=args.progress,
            memory_budget=(None if args.memory_budget is None else int(args.memory_budget * 2**20)),
            err=err,
        )


COMMANDS = {
    "extract": cmd_extract,
    "tag": cmd_tag,
    "serve": cmd_serve,
    "export": cmd_export,
    "ingest": cmd_ingest,
}


def main(
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    args = build_parser().parse_args(argv)
    try:
        # every command that takes --actors (extract, serve, export, ingest) checks it here
        actors = getattr(args, "actors", None)
        if actors is not None and not actors.is_file():
            raise CliError(f"--actors: no such file: {actors}")
        if args.command in ("extract", "serve", "export", "ingest"):
            _check_actors(actors)
        return COMMANDS[args.command](args, out, err)
    except CliError as exc:
        print(f"{PROG}: error: {exc}", file=err)
        return 2
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=err)
        return 130
    except BrokenPipeError:
        return 1
    except Exception as exc:  # last resort: one line, never a traceback
        if os.environ.get("GEOTIMELINE_DEBUG"):
            raise
        print(
            f"{PROG}: internal error: {type(exc).__name__}: {exc} "
            "(set GEOTIMELINE_DEBUG=1 for details)",
            file=err,
        )
        return 3


def run() -> NoReturn:
    """The `geotimeline` command (and `python -m dashapp`): main(), then `finish`."""
    finish(main())


def finish(code: int) -> NoReturn:
    """End the process with `code`. After an ingest stopped early (Ctrl-C) whose worker
    processes were stopped in the middle of their work, at once: everything is written and
    closed by then, and a normal exit would wait for the executor's threads, which may wait
    for ever on a result a stopped worker left half sent (batch.local_results)."""
    batch = sys.modules.get("dashapp.batch")
    if batch is not None and batch.executor_abandoned():
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        os._exit(code)
    raise SystemExit(code)
