"""The ``sitrep`` command line: a thin layer that parses arguments and calls the library.

    extract   read -> extract -> stdout               (sitrep.ingest, sitrep.extract, sitrep.export)
    ingest    read -> extract -> database             (sitrep.store.pipeline)
    events    database -> table or JSON lines         (sitrep.store)
    show      one event, its claims and evidence      (sitrep.store, sitrep.export.evidence_segments)
    export    database -> jsonl | acled | geojson | parquet
    geocode   text -> place mentions, explained       (sitrep.geo)
    serve     database -> HTTP API and map page       (sitrep.web)
    watch     follow pages, feeds, Telegram exports   (sitrep.watch)
    split     undo a merge: a document leaves an event (sitrep.store, sitrep.merge)
    merge     force two events into one

docs/cli.md is generated from this module's help texts: ``sitrep cli-docs -o docs/cli.md``.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

from sitrep import __version__
from sitrep.config import Settings, load_settings, parse_size
from sitrep.errors import SitrepError
from sitrep.model import KINDS, Document, Event, EventFilter, Skip, event_to_dict

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100, "terminal_width": 100}

app = typer.Typer(
    name="sitrep",
    help="Turn war and conflict reporting into sourced, geocoded events.",
    rich_markup_mode=None,
    no_args_is_help=True,
    add_completion=False,
    context_settings=CONTEXT,
    pretty_exceptions_enable=False,
)

EXIT_OK, EXIT_ERROR, EXIT_SKIPPED = 0, 1, 2


class ExtractFormat(str, Enum):
    jsonl = "jsonl"
    acled = "acled"


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    acled = "acled"
    geojson = "geojson"
    parquet = "parquet"


# ----------------------------------------------------------------------------- helpers


def _err(line: str) -> None:
    sys.stderr.write(line.rstrip("\n") + "\n")
    sys.stderr.flush()


@contextmanager
def _errors() -> Iterator[None]:
    """Turn sitrep's own errors into one line on stderr and exit code 1."""
    try:
        yield
    except SitrepError as exc:
        _err(f"error: {exc}")
        raise typer.Exit(EXIT_ERROR) from None
    except BrokenPipeError:  # e.g. `sitrep events --json | head`
        sys.stderr.close()
        raise typer.Exit(EXIT_OK) from None


def _settings(ctx: typer.Context) -> Settings:
    obj = ctx.find_root().obj
    return obj if isinstance(obj, Settings) else load_settings()


def _date(value: str | None, option: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date; write it as YYYY-MM-DD", param_hint=option) from None


def _skip_line(skip: Skip) -> str:
    message = " ".join(skip.message.split())
    if skip.origin not in message:
        message = f"{skip.origin}: {message}"
    return f"skipped [{skip.reason}] {message}"


def _inputs(inputs: list[str] | None) -> list[str]:
    if inputs:
        return inputs
    if sys.stdin is not None and sys.stdin.isatty():
        raise typer.BadParameter("give one or more files, folders or URLs, or - to read stdin", param_hint="PATH")
    return ["-"]


def _db_path(ctx: typer.Context, db: str | None) -> str:
    return db or _settings(ctx).db


def _open_existing(ctx: typer.Context, db: str | None):  # type: ignore[no-untyped-def]
    from sitrep.errors import StoreError
    from sitrep.store import open_store

    path = _db_path(ctx, db)
    if path != ":memory:" and not Path(path).exists():
        raise StoreError(f"no database at {path!r}; run `sitrep ingest PATH` first, or pass --db / set SITREP_DB")
    return open_store(path)


# Options shared by `events` and `export`.
DbOpt = Annotated[str | None, typer.Option("--db", help="Database file [default: $SITREP_DB or ./sitrep.db].")]
SinceOpt = Annotated[str | None, typer.Option("--since", help="Events that end on or after this date (YYYY-MM-DD).")]
UntilOpt = Annotated[str | None, typer.Option("--until", help="Events that start on or before this date (YYYY-MM-DD).")]
KindOpt = Annotated[list[str] | None, typer.Option("--kind", help=f"Event kind; repeat for several. One of: {', '.join(KINDS)}.")]
CountryOpt = Annotated[str | None, typer.Option("--country", help="ISO country code of any of the event's places, e.g. UA.")]
Admin1Opt = Annotated[str | None, typer.Option("--admin1", help="Region (oblast, province) of any of the event's places.")]
ActorOpt = Annotated[str | None, typer.Option("--actor", help="Part of an actor's name or wording.")]
WeaponOpt = Annotated[str | None, typer.Option("--weapon", help="Part of a weapon's name, wording or NATO name.")]
SourceOpt = Annotated[str | None, typer.Option("--source", help="Part of a claim's source or of the outlet's name.")]
TextOpt = Annotated[str | None, typer.Option("--text", help="Words that must all appear in the summary or evidence.")]
BboxOpt = Annotated[str | None, typer.Option("--bbox", help="Any place inside MIN_LON,MIN_LAT,MAX_LON,MAX_LAT.")]
PublishedOpt = Annotated[
    str | None, typer.Option("--published", help="Publication date (YYYY-MM-DD) for documents that carry none.")
]
MaxBytesOpt = Annotated[
    str | None, typer.Option("--max-bytes", help="Refuse larger inputs, e.g. 10MB [default: $SITREP_MAX_BYTES or 10MB].")
]


def _filter(
    since: str | None = None,
    until: str | None = None,
    kind: list[str] | None = None,
    country: str | None = None,
    admin1: str | None = None,
    actor: str | None = None,
    weapon: str | None = None,
    source: str | None = None,
    text: str | None = None,
    bbox: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> EventFilter:
    _date(since, "--since")
    _date(until, "--until")
    kinds = tuple(kind or ())
    for k in kinds:
        if k not in KINDS:
            raise typer.BadParameter(f"unknown kind {k!r}; use one of: {', '.join(KINDS)}", param_hint="--kind")
    box = None
    if bbox:
        try:
            parts = tuple(float(p) for p in bbox.split(","))
        except ValueError:
            parts = ()
        if len(parts) != 4:
            raise typer.BadParameter(f"{bbox!r}: write four numbers MIN_LON,MIN_LAT,MAX_LON,MAX_LAT", param_hint="--bbox")
        box = parts
    return EventFilter(since=since, until=until, kind=kinds, country=country, admin1=admin1, actor=actor,
                       weapon=weapon, source=source, bbox=box, q=text, limit=limit, offset=offset)  # type: ignore[arg-type]


# ----------------------------------------------------------------------------- root


def _version(value: bool) -> None:
    if value:
        typer.echo(f"sitrep {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    set_: Annotated[
        list[str] | None,
        typer.Option("--set", metavar="KEY=VALUE", help="Override a setting (db, max_bytes, token, tile_url, batch_size); repeatable."),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Turn war and conflict reporting into sourced, geocoded events.

    Settings come from ./sitrep.toml (or $SITREP_CONFIG), then SITREP_DB, SITREP_MAX_BYTES,
    SITREP_TOKEN, SITREP_TILE_URL, then --set.
    """
    with _errors():
        ctx.obj = load_settings(set_ or ())


# ----------------------------------------------------------------------------- extract / ingest


@app.command()
def extract(
    ctx: typer.Context,
    inputs: Annotated[list[str] | None, typer.Argument(metavar="PATH", help="Files (.txt, .html, .jsonl, ...), folders, or - for stdin.")] = None,
    published: PublishedOpt = None,
    fmt: Annotated[ExtractFormat, typer.Option("--format", "-f", help="Output: JSON lines or ACLED CSV.")] = ExtractFormat.jsonl,
    max_bytes: MaxBytesOpt = None,
) -> None:
    """Read documents and write their events to stdout (one JSON object a line, or ACLED CSV).

    Nothing is stored. Each input that cannot be read gets one line on stderr naming it and
    the reason; the others are still processed.

    Exit codes: 0 every input was read; 2 some input was skipped (or the arguments were
    wrong); 1 an error stopped the run.
    """
    from sitrep import (
        extract as extract_stage,  # looked up at call time (tests replace it)
    )
    from sitrep.export import write_acled_csv, write_jsonl

    settings = _settings(ctx)
    pub = _date(published, "--published")
    items = _inputs(inputs)
    skipped: Counter[str] = Counter()
    with _errors():
        limit = parse_size(max_bytes, "--max-bytes") if max_bytes else settings.max_bytes
        from sitrep.ingest import read_inputs

        def documents() -> Iterator[Document]:
            for item in read_inputs(items, published=pub, max_bytes=limit):
                if isinstance(item, Skip):
                    skipped[item.reason] += 1
                    _err(_skip_line(item))
                else:
                    yield item

        events = (e for _doc, evs in extract_stage.extract_documents(documents(), batch_size=settings.batch_size) for e in evs)
        writer = write_jsonl if fmt == ExtractFormat.jsonl else write_acled_csv
        writer(events, sys.stdout)
        sys.stdout.flush()
    raise typer.Exit(EXIT_SKIPPED if skipped else EXIT_OK)


@app.command()
def ingest(
    ctx: typer.Context,
    inputs: Annotated[list[str], typer.Argument(metavar="PATH|URL", help="Files, folders, URLs, or - for stdin.")],
    published: PublishedOpt = None,
    db: DbOpt = None,
    max_bytes: MaxBytesOpt = None,
) -> None:
    """Read documents, extract their events and store them in the database.

    A document already stored (same id) is skipped before extraction, so re-ingesting
    changes nothing. Each document is stored in its own transaction. Ends with a summary of
    documents read, skipped (with reasons) and events stored.

    Exit codes: 0 every input was read (already-stored documents count as read); 2 some
    input could not be read; 1 an error stopped the run.
    """
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    from sitrep.store import open_store
    from sitrep.store.pipeline import ingest_inputs

    settings = _settings(ctx)
    pub = _date(published, "--published")
    err_console = Console(stderr=True)
    with _errors():
        limit = parse_size(max_bytes, "--max-bytes") if max_bytes else settings.max_bytes
        with open_store(_db_path(ctx, db)) as store:
            progress = Progress(
                SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TextColumn("{task.completed} documents"),
                TextColumn("{task.fields[events]} events"), TimeElapsedColumn(),
                console=err_console, transient=True, disable=not err_console.is_terminal,
            )
            with progress:
                task = progress.add_task("ingesting", total=None, events=0)
                n_events = [0]

                def stored(_doc: Document, result) -> None:  # type: ignore[no-untyped-def]
                    n_events[0] += result.events_added
                    progress.update(task, advance=1, events=n_events[0])

                def skip(item: Skip) -> None:
                    progress.console.print(_skip_line(item), markup=False, highlight=False, soft_wrap=True)

                report = ingest_inputs(
                    store, _inputs(inputs), published=pub, max_bytes=limit, batch_size=settings.batch_size,
                    on_skip=skip, on_stored=stored,
                )
    reasons = ", ".join(f"{reason}: {n}" for reason, n in report.skipped)
    typer.echo(
        f"documents read: {report.documents_read}; stored: {report.documents_stored}; "
        f"skipped: {report.n_skipped}{f' ({reasons})' if reasons else ''}; "
        f"events stored: {report.events_added}"
        + (f" (+{report.events_linked} already stored, now also reported by a new document)" if report.events_linked else "")
    )
    typer.echo(f"database: {store.path} — list them with `sitrep events`, export with `sitrep export --format acled`")
    raise typer.Exit(EXIT_SKIPPED if report.input_skipped else EXIT_OK)


# ----------------------------------------------------------------------------- events / show / export


def _place(event: Event) -> str:
    places = [loc.name or loc.text for loc in event.locations if loc.role in ("target", "site", None)]
    places = places or [loc.name or loc.text for loc in event.locations]
    return ", ".join(dict.fromkeys(places))


def _day(event: Event) -> str:
    start, end = event.date.start or "", event.date.end or ""
    return f"{start}..{end}" if end and end != start else start or "?"


@app.command()
def events(
    ctx: typer.Context,
    since: SinceOpt = None,
    until: UntilOpt = None,
    kind: KindOpt = None,
    country: CountryOpt = None,
    admin1: Admin1Opt = None,
    actor: ActorOpt = None,
    weapon: WeaponOpt = None,
    source: SourceOpt = None,
    text: TextOpt = None,
    bbox: BboxOpt = None,
    limit: Annotated[int, typer.Option("--limit", min=0, help="Show at most this many events.")] = 50,
    offset: Annotated[int, typer.Option("--offset", min=0, help="Skip this many events first.")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON event record a line instead of a table.")] = False,
    db: DbOpt = None,
) -> None:
    """List stored events, latest first: a table, or JSON lines with --json."""
    from rich import box
    from rich.console import Console
    from rich.table import Table

    flt = _filter(since, until, kind, country, admin1, actor, weapon, source, text, bbox, limit, offset)
    with _errors(), _open_existing(ctx, db) as store:
        if as_json:
            for record in store.iter_event_json(flt):
                sys.stdout.write(record + "\n")
            return
        found = store.query_events(flt)
        total = store.count_events(flt)
    title = f"{len(found)} of {total} events" + (f" (--limit {limit})" if total > len(found) else "")
    table = Table(title=title, box=box.SIMPLE_HEAD, title_justify="left")
    table.add_column("date", style="cyan", no_wrap=True)
    table.add_column("kind", style="bold", no_wrap=True)
    table.add_column("place", style="green", max_width=28)
    table.add_column("summary", ratio=1, min_width=30)
    table.add_column("id", style="dim", no_wrap=True)
    for e in found:
        table.add_row(_day(e), e.kind, _place(e), e.summary, e.id)
    console = Console()
    if not console.is_terminal:  # piped or captured: do not squeeze the table into 80 columns
        console = Console(width=160)
    console.print(table)
    if found:
        typer.echo(f"details: sitrep show {found[0].id}")


def _quote(text: str | None) -> str:
    return f" — “{text}”" if text else ""


_FIELD_STYLES = {"trigger": "bold red", "date": "cyan", "location": "green", "actor": "magenta",
                 "weapon": "yellow", "quantity": "bold blue", "casualty": "red", "source": "italic"}  # fmt: skip


@app.command()
def show(
    ctx: typer.Context,
    event_id: Annotated[str, typer.Argument(metavar="EVENT_ID", help="An id from `sitrep events`.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the record and its documents as JSON.")] = False,
    db: DbOpt = None,
) -> None:
    """Show one event: every field, the claims (who says, how sure) and the source sentences,
    with the words the fields came from highlighted (in brackets when not on a terminal)."""
    from rich.console import Console
    from rich.text import Text

    from sitrep.errors import StoreError
    from sitrep.export import evidence_segments
    from sitrep.model import document_to_dict

    with _errors(), _open_existing(ctx, db) as store:
        event = store.get_event(event_id)
        if event is None:
            raise StoreError(f"no event {event_id!r} in {store.path!r}; list the ids with `sitrep events`")
        docs = store.documents_for_event(event_id)
        reports = store.reports_for_event(event.id)
        disputes = store.disputes_for_event(event.id)
    if as_json:
        out = {"event": event_to_dict(event), "documents": [{k: v for k, v in document_to_dict(d).items() if k != "text"} for d in docs]}
        if len(reports) > 1:
            from sitrep.store.merging import reports_to_json

            out.update(reports_to_json(reports, disputes))
        typer.echo(json.dumps(out, ensure_ascii=False, indent=2))
        return
    con = Console(highlight=False)
    if not con.is_terminal:  # piped or captured: one line per field, easy to grep
        con = Console(highlight=False, soft_wrap=True)
    color = con.is_terminal and not con.no_color

    def line(label: str, value: object) -> None:
        if value not in (None, "", [], ()):
            con.print(Text.assemble((f"{label:>12}: ", "bold"), str(value)))

    con.print(Text(f"{event.id}  {event.kind}", style="bold"))
    line("summary", event.summary)
    acled = event.acled
    line("ACLED", f"{acled.event_type} / {acled.sub_event_type} ({acled.disorder_type})" if acled else "not coded")
    d = event.date
    line("date", f"{_day(event)} precision {d.precision} from {d.basis}" + (f", {d.time_of_day}" if d.time_of_day else "")
         + (f' ("{d.text}")' if d.text else ""))
    for a in event.actors:
        line("actor", f"{a.name} [{a.role or '-'}] side {a.side or '?'}, {a.type or 'type ?'}{_quote(a.text)}")
    for loc in event.locations:
        where = ", ".join(x for x in (loc.admin1, loc.country) if x)
        coords = f" {loc.lat:.4f},{loc.lon:.4f}" if loc.lat is not None and loc.lon is not None else ""
        line("place", f"{loc.name} [{loc.role or '-'}] {where}{coords} precision {loc.precision}{_quote(loc.text)}")
    for w in event.weapons:
        line("weapon", f"{w.name} [{w.role or '-'}] {w.category or ''}" + (f" ({w.nato_name})" if w.nato_name else "") + _quote(w.text))
    for q in event.quantities:
        line("quantity", f"{q.item} {q.role or ''} {q.qualifier} {q.value}{_quote(q.text)}")
    for c in event.casualties:
        line("casualties", f"{c.group} {c.outcome} {c.qualifier} {c.value}{_quote(c.text)}")
    line("fatalities", event.fatalities)
    line("flags", ", ".join(event.flags))
    line("parent", event.parent)
    line("first seen", event.first_reported)
    for c in event.claims:
        sure = c.confidence or c.modality
        prob = f" p={c.probability[0]:.2f}–{c.probability[1]:.2f}" if c.probability else ""
        medium = f" in a {c.medium}" if c.medium else ""
        line("claim", f"{c.source} ({c.source_type}) {c.verb or 'says'}{medium}; {sure}{prob}" + _quote(c.text))
    for ev in event.evidence:
        sentence = Text()
        for seg in evidence_segments(ev):
            if seg.field is None:
                sentence.append(seg.text)
            elif color:
                sentence.append(seg.text, style=_FIELD_STYLES.get(seg.field, "bold underline"))
            else:
                sentence.append(f"[{seg.text}]")
        con.print(Text.assemble((f"{'evidence':>12}: ", "bold"), sentence, (f"  ({ev.doc_id} {ev.start}-{ev.end})", "dim")))
    for doc in docs:
        line("document", " · ".join(x for x in (doc.id, doc.title, doc.source, doc.published.isoformat() if doc.published else None, doc.url or doc.origin) if x))
    if len(reports) > 1:  # merged: each document's own report, side by side
        from sitrep.store.merging import report_line

        for r in reports:
            line("report", report_line(r))
        for dispute in disputes:
            by_value: dict[int, list[str]] = {}
            for v, doc, src in dispute.values:
                by_value.setdefault(v, []).append(src or doc)
            line("disputed", f"{dispute.item}: " + "; ".join(f"{v} ({', '.join(who)})" for v, who in by_value.items()))


@app.command()
def export(
    ctx: typer.Context,
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="jsonl, acled (CSV), geojson or parquet.")],
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file [default: stdout; parquet needs a file].")] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    kind: KindOpt = None,
    country: CountryOpt = None,
    admin1: Admin1Opt = None,
    actor: ActorOpt = None,
    weapon: WeaponOpt = None,
    source: SourceOpt = None,
    text: TextOpt = None,
    bbox: BboxOpt = None,
    limit: Annotated[int | None, typer.Option("--limit", min=0, help="Export at most this many events [default: all].")] = None,
    db: DbOpt = None,
) -> None:
    """Export stored events: JSON lines, ACLED CSV (events ACLED would not code are left out),
    GeoJSON (located events, at their primary place) or Parquet."""
    from sitrep import export as ex

    flt = _filter(since, until, kind, country, admin1, actor, weapon, source, text, bbox, limit)
    if fmt == ExportFormat.parquet and output is None:
        raise typer.BadParameter("parquet is binary: give a file with -o FILE", param_hint="--format")
    with _errors(), _open_existing(ctx, db) as store:
        found = store.iter_events(flt)
        if fmt == ExportFormat.parquet:
            assert output is not None
            n = ex.write_parquet(found, output)
        else:
            writer = {"jsonl": ex.write_jsonl, "acled": ex.write_acled_csv, "geojson": ex.write_geojson}[fmt.value]
            if output is None:
                n = writer(found, sys.stdout)
                sys.stdout.flush()
            else:
                with output.open("w", encoding="utf-8", newline="") as fh:
                    n = writer(found, fh)
    _err(f"wrote {n} events" + (f" to {output}" if output else ""))


# ----------------------------------------------------------------------------- geocode / serve


@app.command()
def geocode(text: Annotated[str, typer.Argument(metavar="TEXT", help="Text to find places in.")]) -> None:
    """Find the places named in TEXT and explain how each was resolved (offline gazetteer)."""
    with _errors():
        from sitrep.geo import explain, geocode_text

        typer.echo(explain(geocode_text(text)))


@app.command()
def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
    db: DbOpt = None,
    token: Annotated[str | None, typer.Option("--token", help="Allow POST /api/documents with this bearer token [default: $SITREP_TOKEN; none: read-only].")] = None,
) -> None:
    """Serve the map, timeline and HTTP API (OpenAPI docs at /docs) over the database."""
    settings = _settings(ctx)
    with _errors():
        from sitrep.web import serve as serve_app

        serve_app(_db_path(ctx, db), host=host, port=port, token=token or settings.token, tile_url=settings.tile_url)


# ----------------------------------------------------------------------------- eval


class GoldFormat(str, Enum):
    gold = "gold"
    case = "case"
    ucdp = "ucdp"


class EvalBy(str, Enum):
    field = "field"
    label = "class"
    register = "register"


@app.command("eval")
def eval_(
    gold: Annotated[Path, typer.Argument(metavar="GOLD", help="Gold JSONL: own passages, CASE 2021 task 2 or UCDP rows.")],
    by: Annotated[EvalBy, typer.Option("--by", help="Score table per field, per gold label (class) or per register.")] = EvalBy.field,
    errors: Annotated[int, typer.Option("--errors", min=0, help="Show the N documents with the most errors.")] = 10,
    fmt: Annotated[GoldFormat | None, typer.Option("--format", "-f", help="Gold format [default: detected from the keys].")] = None,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="Score only the first N documents.")] = None,
) -> None:
    """Score extraction against a gold file: precision/recall/F1 per field, a confusion matrix, the worst errors."""
    with _errors():
        from sitrep.evaluate.cli import run_eval

        raise typer.Exit(run_eval(gold, sys.stdout, by=by.value, errors=errors, fmt=fmt.value if fmt else None, limit=limit))


# ----------------------------------------------------------------------------- watch / split / merge


@app.command()
def watch(
    ctx: typer.Context,
    sources: Annotated[list[str], typer.Argument(metavar="SOURCE", help="URLs of pages, live blogs and feeds; feed files; Telegram result.json files.")],
    interval: Annotated[float, typer.Option("--interval", min=1, help="Seconds between polls of a source.")] = 300,
    max_backoff: Annotated[float, typer.Option("--max-backoff", min=1, help="Longest wait after repeated errors, in seconds.")] = 3600,
    rounds: Annotated[int | None, typer.Option("--rounds", min=1, help="Stop after this many rounds of polls [default: run until Ctrl-C].")] = None,
    db: DbOpt = None,
    max_bytes: MaxBytesOpt = None,
) -> None:
    """Follow sources as they update: only new or edited passages are extracted, their events
    merged into the database; an edited passage is stored as a revision, not a new event.

    Uses conditional requests (ETag / Last-Modified) and backs off on errors. The state lives
    in the database, so a restarted watcher resumes where it stopped. Ctrl-C stops cleanly.
    """
    from sitrep.store import open_store
    from sitrep.watch import PollResult, Watcher

    settings = _settings(ctx)
    totals: Counter[str] = Counter()

    def report(r: PollResult) -> None:
        totals.update(polls=1, new=r.new, edited=r.edited, events=r.events_added, errors=int(r.status == "error"))
        if r.status == "error":
            _err(f"error: {r.error}")
        elif r.status == "read":
            _err(f"{r.source}: {r.new} new, {r.edited} edited, {r.unchanged} unchanged passages; "
                 f"{r.events_added} new events, {r.events_linked} merged into stored ones")
        for skip in r.skipped:
            _err(_skip_line(skip))

    with _errors():
        limit = parse_size(max_bytes, "--max-bytes") if max_bytes else settings.max_bytes
        with open_store(_db_path(ctx, db)) as store:
            watcher = Watcher(store, interval=interval, max_backoff=max_backoff, max_bytes=limit)
            try:
                watcher.run(sources, rounds=rounds, on_result=report)
            except KeyboardInterrupt:
                _err("stopped (Ctrl-C); everything read so far is stored — run the same command to resume")
            finally:
                watcher.close()
    typer.echo(f"polls: {totals['polls']}; passages new: {totals['new']}, edited: {totals['edited']}; "
               f"new events: {totals['events']}; errors: {totals['errors']}")


@app.command()
def split(
    ctx: typer.Context,
    event_id: Annotated[str, typer.Argument(metavar="EVENT_ID", help="A merged event.")],
    doc_id: Annotated[str, typer.Argument(metavar="DOC_ID", help="The document to take out of it (see `sitrep show`).")],
    db: DbOpt = None,
) -> None:
    """Undo a wrong merge: DOC_ID's report leaves EVENT_ID and never merges with the event's
    other documents again (the decision is kept in the database and survives re-ingest)."""
    with _errors(), _open_existing(ctx, db) as store:
        result = store.split_event(event_id, doc_id)
    typer.echo("events now: " + ", ".join(result.event_ids))


@app.command()
def merge(
    ctx: typer.Context,
    first: Annotated[str, typer.Argument(metavar="A", help="An event id.")],
    second: Annotated[str, typer.Argument(metavar="B", help="Another event id.")],
    db: DbOpt = None,
) -> None:
    """Force two events into one (the decision is kept in the database and survives re-ingest)."""
    with _errors(), _open_existing(ctx, db) as store:
        result = store.merge_events_by_id(first, second)
    typer.echo("event now: " + ", ".join(result.event_ids))


# ----------------------------------------------------------------------------- docs


def render_cli_docs() -> str:
    """docs/cli.md: the --help text of ``sitrep`` and of every command."""
    root = typer.main.get_command(app)
    root_ctx = root.context_class(root, info_name="sitrep", **CONTEXT)  # type: ignore[arg-type]
    parts = [
        "# sitrep command line\n",
        (
            "Generated from `sitrep --help` by `sitrep cli-docs -o docs/cli.md`; do not edit by hand\n"
            "(a test fails when this file is stale).\n"
        ),
        "## sitrep\n",
        f"```text\n{root.get_help(root_ctx)}\n```\n",
    ]
    for name in root.list_commands(root_ctx):  # type: ignore[attr-defined]
        cmd = root.get_command(root_ctx, name)  # type: ignore[attr-defined]
        if cmd is None or cmd.hidden:
            continue
        sub_ctx = cmd.context_class(cmd, info_name=name, parent=root_ctx, **CONTEXT)
        parts.append(f"## sitrep {name}\n")
        parts.append(f"```text\n{cmd.get_help(sub_ctx)}\n```\n")
    return "\n".join(parts)


@app.command("cli-docs", hidden=True)
def cli_docs(
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")] = None,
) -> None:
    """Write the command-line reference (docs/cli.md)."""
    text = render_cli_docs()
    if output is None:
        sys.stdout.write(text)
    else:
        output.write_text(text, encoding="utf-8")


def main() -> None:
    """Entry point of the ``sitrep`` command."""
    app()


__all__ = ["app", "main", "render_cli_docs"]
