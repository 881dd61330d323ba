"""The store's commands: ``marsad ingest``, ``events``, ``show``, ``stats`` and ``export``.

Thin shells over :mod:`marsad.store` (the REST API calls the same service functions).  The database is
``--db`` (a SQLite file path or a ``postgresql://`` URL), else ``$MARSAD_DB``, else
``./marsad-data/marsad.db``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from marsad.errors import MarsadError

F = TypeVar("F", bound=Callable[..., Any])

DB_HELP = ("Database: a SQLite file path or postgresql://user@host/db "
           "(default: $MARSAD_DB, else ./marsad-data/marsad.db).")


def _fail(message: str) -> None:
    click.echo(f"marsad: error: {message}", err=True)
    sys.exit(1)


def _db_error(exc: Exception) -> str:
    """One line for a database error (the driver's message, without SQLAlchemy's decorations)."""
    orig = getattr(exc, "orig", None)
    msg = str(orig if orig is not None else exc).strip().splitlines()
    return f"database error: {msg[0] if msg else type(exc).__name__}"


def _db_option(fn: F) -> F:
    return click.option("--db", "db", metavar="PATH|URL", help=DB_HELP)(fn)


def _filter_options(fn: F) -> F:
    """The incident filters shared by events, stats and export."""
    opts = [
        click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="Incidents on or after this date."),
        click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="Incidents on or before this date."),
        click.option("--country", metavar="CC", help="ISO 3166 alpha-2 country code, e.g. IQ, SY, JO."),
        click.option("--location", metavar="ID|NAME", help="Gazetteer id (exact) or part of the place's or its governorate's name."),
        click.option("--actor", metavar="ID", help="Actor id (consensus or any source's account)."),
        click.option("--type", "type_", type=click.Choice(["attack", "strike", "reinforcement"]),
                     help="Event type."),
        click.option("--status", type=click.Choice(["confirmed", "claimed", "reported", "denied"]),
                     help="Incidents with at least one account of this status."),
    ]
    for opt in reversed(opts):
        fn = opt(fn)
    return fn


def _filters(since: dt.datetime | None, until: dt.datetime | None, country: str | None, location: str | None,
             actor: str | None, type_: str | None, status: str | None) -> Any:
    from marsad.store.queries import IncidentFilter

    return IncidentFilter(since=since.date() if since else None, until=until.date() if until else None,
                          country=country, location=location, actor=actor, type=type_, status=status)


def _json_default(v: Any) -> Any:
    if isinstance(v, dt.date | dt.datetime):
        return v.isoformat()
    raise TypeError(type(v).__name__)


def _dumps(obj: Any) -> str:
    data = dataclasses.asdict(obj) if dataclasses.is_dataclass(obj) and not isinstance(obj, type) else obj
    return json.dumps(data, ensure_ascii=False, default=_json_default)


def open_inputs(inputs: Sequence[str], input_format: str | None = None, mapping: str | None = None) -> Iterator[Any]:
    """Documents of every input, read by :func:`marsad.sources.open_inputs` (the same as `marsad extract`)."""
    from marsad.sources import SourceOptions
    from marsad.sources import open_inputs as source_inputs
    from marsad.sources.dumps import parse_mapping

    return source_inputs(list(inputs), SourceOptions(format=input_format, mapping=parse_mapping(mapping)))


def _console(stderr: bool = False) -> Any:
    from rich.console import Console

    return Console(stderr=stderr, soft_wrap=False, width=None if sys.stdout.isatty() else 160)


def ingest_cmd(inputs: tuple[str, ...], db: str | None, progress: bool | None, data_dir: Path | None,
               max_chars: int, input_format: str | None, mapping: str | None, copies: bool) -> None:
    """Extract INPUT... and store their events, linked into incidents, in the database.

    INPUT is what `marsad extract` reads: the spec's docs.jsonl, a CSV/JSONL dump (with --map), HTML files
    or directories, http(s) URLs, WARC archives (see docs/sources.md).  Re-ingesting an unchanged document
    changes nothing; a document whose content changed replaces its earlier records.  Syndicated copies are
    recorded (copy_of) and count once in the consensus.  Documents that fail are stored with their error
    and reported; the run goes on.  Ends with a summary of documents, mentions and incidents.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
    from sqlalchemy.exc import SQLAlchemyError

    from marsad.linking import Linker
    from marsad.options import Options
    from marsad.pipeline import Pipeline
    from marsad.reader import count_lines
    from marsad.store import open_store
    from marsad.store.ingest import CopyTracker, DocResult, ingest

    try:
        options = Options(max_chars=max_chars, data_dir=data_dir)
        pipeline = Pipeline.load(options)
        linker = Linker.load(data_dir)
        stream = open_inputs(inputs, input_format, mapping)
        single = Path(inputs[0]) if len(inputs) == 1 else None
        total = count_lines(single) if single and single.suffix == ".jsonl" and not mapping else None
        with open_store(db) as store:
            tracker = CopyTracker.for_store(store) if copies else None
            show = sys.stderr.isatty() if progress is None else progress
            with Progress(TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                          TextColumn("{task.fields[last]}"), disable=not show, transient=False,
                          console=_console(stderr=True)) as bar:
                task = bar.add_task("ingest", total=total, last="")

                def tick(r: DocResult) -> None:
                    bar.update(task, advance=1, last=f"{r.outcome}: {r.doc_id}"[:40])

                summary = ingest(store, stream, pipeline, linker, copy_of=tracker, on_result=tick)
    except MarsadError as exc:
        _fail(str(exc))
    except SQLAlchemyError as exc:
        _fail(_db_error(exc))
        return
    s = summary
    rate = s.documents / s.seconds if s.seconds else 0.0
    click.echo(f"documents: {s.documents} ({s.new} new, {s.updated} updated, {s.unchanged} unchanged, "
               f"{s.failed} failed)")
    click.echo(f"mentions: {s.mentions_added} added, {s.mentions_removed} removed; tallies: {s.tallies}")
    click.echo(f"incidents: {s.incidents_created} created, {s.incidents_joined} joined, "
               f"{s.incidents_merged} merged, {s.incidents_split} split, {s.incidents_removed} removed")
    click.echo(f"time: {s.seconds:.1f} s ({rate:.0f} documents/s); retries after write conflicts: {s.retries}")
    for doc_id, error in s.failures[:20]:
        click.echo(f"failed: {doc_id}: {error}", err=True)
    if len(s.failures) > 20:
        click.echo(f"failed: ... and {len(s.failures) - 20} more", err=True)


def events_cmd(db: str | None, limit: int, offset: int, sort: str, fmt: str, **flt: Any) -> None:
    """List incidents (consensus values), latest first, with filters."""
    from rich.table import Table
    from sqlalchemy.exc import SQLAlchemyError

    from marsad.store import open_store
    from marsad.store.queries import list_incidents

    try:
        with open_store(db) as store, store.session() as s:
            page = list_incidents(s, _filters(**flt), limit=limit, offset=offset, sort=sort)
    except MarsadError as exc:
        _fail(str(exc))
    except SQLAlchemyError as exc:
        _fail(_db_error(exc))
        return
    if fmt == "jsonl":
        sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
        for row in page.items:
            click.echo(_dumps(row))
        return
    table = Table(box=None, pad_edge=False, header_style="bold")
    for col in ("id", "date", "type", "location", "country", "weapons", "count", "actor", "status", "killed",
                "sources"):
        table.add_column(col, no_wrap=True)
    for r in page.items:
        killed = "-" if r.fatalities_best is None else (
            str(r.fatalities_best) if r.fatalities_low == r.fatalities_high
            else f"{r.fatalities_best} ({r.fatalities_low}-{r.fatalities_high})")
        table.add_row(r.id, r.date.isoformat() if r.date else "-", r.type, r.location_id or "-",
                      r.country or "-", ",".join(r.weapons) or "-", "-" if r.count is None else str(r.count),
                      r.actor or "-", r.status or "-", killed, str(r.n_sources))
    console = _console()
    console.print(table)
    shown = f"{page.offset + 1}-{page.offset + len(page.items)}" if page.items else "none"
    console.print(f"{page.total} incidents match; showing {shown}")


def _fmt(v: Any) -> str:
    if v is None:
        return "-"
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, list | tuple):
        return ",".join(map(str, v)) or "-"
    if isinstance(v, dt.date):
        return v.isoformat()
    return str(v)


def show_cmd(event_id: str, db: str | None, as_json: bool) -> None:
    """Show incident EVENT_ID: consensus, each source's account side by side, evidence and change log."""
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text
    from sqlalchemy.exc import SQLAlchemyError

    from marsad.store import open_store
    from marsad.store.queries import get_incident, resolve_incident_id

    try:
        with open_store(db) as store, store.session() as s:
            current = resolve_incident_id(s, event_id)
            detail = get_incident(s, current) if current else None
    except MarsadError as exc:
        _fail(str(exc))
    except SQLAlchemyError as exc:
        _fail(_db_error(exc))
        return
    if detail is None:
        _fail(f"no incident {event_id!r}")
        return
    if as_json:
        click.echo(_dumps(detail))
        return
    console = _console()
    inc = detail.incident
    if current != event_id:
        console.print(f"{event_id} was merged into {current}")
    head = Table.grid(padding=(0, 2))
    head.add_column(style="bold")
    head.add_column()
    fat = _fmt(inc.fatalities_best)
    if inc.fatalities_best is not None and inc.fatalities_low != inc.fatalities_high:
        fat += f" (low {inc.fatalities_low}, high {inc.fatalities_high})"
    for name, value in (("type", inc.type), ("date", f"{_fmt(inc.date)} (precision: {_fmt(inc.time_precision)})"),
                        ("location", f"{_fmt(inc.location_name)} {inc.location_name_ar or ''} [{_fmt(inc.location_id)}]"
                                     f" {_fmt(inc.country)}, precision: {_fmt(inc.geo_precision)}"),
                        ("weapons", _fmt(inc.weapons)), ("count", _fmt(inc.count)),
                        ("actor", f"{_fmt(inc.actor)} ({_fmt(inc.actor_basis)})"), ("target", _fmt(inc.target)),
                        ("killed", fat), ("injured", _fmt(inc.injured_best)), ("intercepted", _fmt(inc.intercepted)),
                        ("status", f"{_fmt(inc.status)} (accounts: {_fmt(inc.statuses)})"),
                        ("sources", f"{inc.n_sources} independent, {inc.n_documents} documents"),
                        ("seen", f"{_fmt(inc.first_seen)} .. {_fmt(inc.last_seen)}")):
        head.add_row(name, value)
    console.print(Panel(head, title=f"incident {inc.id} (consensus)", expand=False))
    if detail.disagreements:
        console.print("sources disagree on: " + "; ".join(
            f"{k} ({', '.join(f'{v}: {n}' for v, n in sorted(t.items()))})"
            for k, t in sorted(detail.disagreements.items())))
    side = Table(title="accounts", header_style="bold", show_lines=False)
    side.add_column("field", style="bold")
    for a in detail.accounts:
        side.add_column(f"{a.outlet or '?'}\n{a.doc_id}", overflow="fold")
    fields = ("status", "published", "date", "location_id", "country", "weapons", "count", "actor",
              "actor_basis", "target", "killed", "injured", "intercepted", "copy_of")
    for name in fields:
        side.add_row(name, *[_fmt(getattr(a, name)) for a in detail.accounts])
    console.print(side)
    for a in detail.accounts:
        console.print(f"[bold]{a.doc_id}[/bold] ({a.outlet or '?'}, {a.status}) {a.url or ''}")
        if a.sentence is None or a.sentence_offset is None:
            continue
        sent, _, _ = a.sentence
        text = Text(sent)
        for sp in a.evidence:
            start, end = sp.start - a.sentence_offset, sp.end - a.sentence_offset
            if 0 <= start < end <= len(sent):
                text.stylize("bold reverse" if sp.field == "type" else "bold yellow", start, end)
        console.print(text)
    if detail.changes:
        log = Table(title="change log", header_style="bold", box=None)
        for col in ("at", "kind", "incident", "others", "document", "detail"):
            log.add_column(col)
        for c in detail.changes:
            log.add_row(c.at.isoformat(sep=" "), c.kind, c.incident_id, _fmt(c.other_ids), _fmt(c.doc_id),
                        _fmt(c.detail))
        console.print(log)


def stats_cmd(db: str | None, as_json: bool, top: int, **flt: Any) -> None:
    """Counts of incidents per week, country, site and actor, and tally reconciliation: each tally an
    article states next to marsad's own count for the same period and scope."""
    from rich.table import Table
    from sqlalchemy.exc import SQLAlchemyError

    from marsad.store import open_store
    from marsad.store.queries import stats, tally_reconciliation

    try:
        f = _filters(**flt)
        with open_store(db) as store, store.session() as s:
            st = stats(s, f)
            rec = tally_reconciliation(s, f)
    except MarsadError as exc:
        _fail(str(exc))
    except SQLAlchemyError as exc:
        _fail(_db_error(exc))
        return
    if as_json:
        click.echo(_dumps({"stats": dataclasses.asdict(st), "reconciliation": [dataclasses.asdict(r) for r in rec]}))
        return
    console = _console()
    console.print(f"[bold]{st.total}[/bold] incidents")
    for title, rows in (("per week", st.by_week), ("per country", st.by_country), ("per site", st.by_site),
                        ("per actor", st.by_actor), ("per type", st.by_type), ("per status", st.by_status)):
        table = Table(title=title, box=None, header_style="bold", title_justify="left")
        table.add_column("key")
        table.add_column("incidents", justify="right")
        shown = rows if title == "per week" else rows[:top]
        for r in shown:
            table.add_row(r.key, str(r.count))
        console.print(table)
    table = Table(title="tally reconciliation", header_style="bold", title_justify="left")
    for col in ("document", "source", "tally", "what", "country", "period", "marsad", "difference"):
        table.add_column(col)
    for r in rec:
        t = r.tally
        period = f"{_fmt(r.period_start)} .. {_fmt(r.period_end)}"
        table.add_row(t.doc_id, t.source or t.outlet or "-", str(t.count), t.what, t.country or "all", period,
                      _fmt(r.marsad_count), _fmt(r.difference))
    console.print(table)


def export_cmd(fmt: str, output: Path, db: str | None, **flt: Any) -> None:
    """Export incidents to OUTPUT as CSV (ACLED column names), GeoJSON, JSONL or Parquet (docs/export.md)."""
    from sqlalchemy.exc import SQLAlchemyError

    from marsad.store import open_store
    from marsad.store.export import export

    try:
        f = _filters(**flt)
        with open_store(db) as store, store.session() as s:
            n = export(s, fmt, f, output)
    except MarsadError as exc:
        _fail(str(exc))
    except SQLAlchemyError as exc:
        _fail(_db_error(exc))
        return
    click.echo(f"{n} incidents written to {output} ({fmt})")


def register(main: click.Group) -> None:
    """Add the store's commands to the ``marsad`` group."""
    from marsad.options import Options
    from marsad.sources.options import FORMATS as SOURCE_FORMATS
    from marsad.store.constants import FORMATS, SORTS

    main.command("ingest")(
        click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")(
            _db_option(
                click.option("--progress/--no-progress", default=None,
                             help="Show a progress bar (default: when standard error is a terminal).")(
                    click.option("--data-dir", type=click.Path(file_okay=False, exists=True, path_type=Path),
                                 help="Use language data files from this directory.")(
                        click.option("--max-chars", type=click.IntRange(min=1000), default=Options().max_chars,
                                     show_default=True, help="Cut longer article texts here.")(
                            click.option("--format", "input_format", type=click.Choice(SOURCE_FORMATS),
                                         help="Read every INPUT as this kind instead of deciding from its name.")(
                                click.option("--map", "mapping", metavar="FIELD=COLUMN,...",
                                             help="Column mapping of a CSV/JSONL dump (see docs/sources.md).")(
                                    click.option("--copies/--no-copies", default=True, show_default=True,
                                                 help="Detect syndicated copies (MinHash) and record copy_of.")(
                                        ingest_cmd)))))))))
    main.command("events")(
        _db_option(_filter_options(
            click.option("--limit", type=click.IntRange(min=0), default=50, show_default=True,
                         help="At most this many incidents.")(
                click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True,
                             help="Skip this many incidents first.")(
                    click.option("--sort", type=click.Choice(SORTS), default="-date", show_default=True,
                                 help="Sort key; '-' = descending.")(
                        click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table",
                                     show_default=True, help="Output format.")(events_cmd)))))))
    main.command("show")(
        click.argument("event_id")(
            _db_option(click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")(show_cmd))))
    main.command("stats")(
        _db_option(_filter_options(
            click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")(
                click.option("--top", type=click.IntRange(min=1), default=20, show_default=True,
                             help="Rows shown per table (all weeks are shown).")(stats_cmd)))))
    main.command("export")(
        click.option("--format", "fmt", type=click.Choice(FORMATS), required=True, help="Output format.")(
            click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
                         help="Output file.")(
                _db_option(_filter_options(export_cmd)))))
