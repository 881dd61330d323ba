"""The ``marsad`` command: thin shells over the library (pipeline, evaluate).

Library exceptions become one-line errors (``marsad: error: ...``) with a non-zero exit, never tracebacks.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path
from typing import IO

import click

from marsad import __version__
from marsad.errors import MarsadError
from marsad.model import Document
from marsad.options import Options
from marsad.sources.options import FORMATS


def _fail(message: str, code: int = 1) -> None:
    click.echo(f"marsad: error: {message}", err=True)
    sys.exit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="marsad")
def main() -> None:
    """marsad (مرصد): Arabic news reports of attacks on bases hosting US and coalition forces
    -> evidence-backed event records."""


def _summary_table(docs: list[Document]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(stderr=True, width=max(190, Console(stderr=True).width))
    table = Table(title="Events found", show_lines=False, box=None, pad_edge=False)
    for col in ("document", "type", "date", "location", "weapons", "count", "actor", "basis", "killed",
                "injured", "intercepted"):
        table.add_column(col, no_wrap=True, max_width=28 if col == "document" else None)
    for d in docs:
        for e in d.events:
            table.add_row(d.id, e.type, e.date.isoformat() if e.date else "-",
                          e.location.id if e.location else f"({e.country or '?'})", ",".join(e.weapons) or "-",
                          str(e.count) if e.count is not None else "-", e.actor or "-", e.actor_basis or "-",
                          "-" if e.killed is None else str(e.killed), "-" if e.injured is None else str(e.injured),
                          "-" if e.intercepted is None else str(e.intercepted).lower())
    console.print(table)
    types = Counter(e.type for d in docs for e in d.events)
    errors = sum(1 for d in docs if d.error)
    console.print(f"{len(docs)} documents, {sum(types.values())} events "
                  f"({', '.join(f'{k} {v}' for k, v in sorted(types.items())) or 'none'}), "
                  f"{sum(len(d.tallies) for d in docs)} tallies, {errors} documents with errors")


@main.command()
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="Write JSON lines here (default: standard output).")
@click.option("--summary", is_flag=True, help="Print a table of the events found to standard error.")
@click.option("--progress/--no-progress", default=None,
              help="Show a progress bar (default: when standard error is a terminal).")
@click.option("--data-dir", type=click.Path(file_okay=False, exists=True, path_type=Path),
              help="Use language data files from this directory instead of the shipped ones.")
@click.option("--max-chars", type=click.IntRange(min=1000), default=Options().max_chars, show_default=True,
              help="Cut longer article texts here (with a warning on the document).")
@click.option("--format", "input_format", type=click.Choice(FORMATS),
              help="Read every INPUT as this kind instead of deciding from its name; with url, a local file "
                   "is a list of URLs, one a line (docs/sources.md).")
@click.option("--map", "mapping", metavar="FIELD=COLUMN,...",
              help="Columns of a CSV/JSONL dump, e.g. id=guid,text=body,published=date "
                   "(fields: id, text, html, outlet, published, url, title).")
def extract(inputs: tuple[str, ...], output: Path | None, summary: bool, progress: bool | None,
            data_dir: Path | None, max_chars: int, input_format: str | None, mapping: str | None) -> None:
    """Read each INPUT and write one JSON line a document: its events and tallies.

    INPUT is the spec's DOCS.jsonl file, a CSV/JSONL dump (with --map), an HTML file or a directory of them,
    an http(s) URL, or a WARC/WARC.gz archive (docs/sources.md).

    Each line has the gold format of spec/events.md plus `event_id` and `evidence` spans on every event;
    a document that cannot be read appears with an `error` field, and the others go on.
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    from marsad.linking import Linker, link_run
    from marsad.pipeline import Pipeline
    from marsad.reader import count_lines
    from marsad.sources import SourceOptions, detect_kind, open_inputs
    from marsad.sources.dumps import parse_mapping

    try:
        pipeline = Pipeline.load(Options(max_chars=max_chars, data_dir=data_dir))
        sources = SourceOptions(format=input_format, mapping=parse_mapping(mapping))
        stream = open_inputs(inputs, sources)
        total = count_lines(Path(inputs[0])) if len(inputs) == 1 and detect_kind(inputs[0], sources) == "docs" else None
        out: IO[str]
        if output:
            try:
                out = output.open("w", encoding="utf-8", errors="replace")
            except OSError as exc:
                raise MarsadError(f"{output}: cannot write: {exc.strerror or exc}") from exc
        else:
            sys.stdout.reconfigure(encoding="utf-8", errors="replace")  # type: ignore[union-attr]
            out = sys.stdout
        show = sys.stderr.isatty() if progress is None else progress
        collected: list[Document] = []
        # event ids are cross-document incident ids: every document is read before any line is written
        records: list[dict] = []
        linked: list[tuple[str, str | None, list]] = []
        try:
            with Progress(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                          disable=not show, transient=False) as bar:
                task = bar.add_task("extract", total=total)
                for doc in pipeline.run(stream):
                    records.append(doc.to_json())
                    linked.append((doc.id, doc.outlet, doc.events))
                    if summary:
                        collected.append(doc)
                    bar.advance(task)
            ids = link_run(Linker(pipeline.resources.entries), linked)
            for record, doc_ids in zip(records, ids, strict=True):
                for event, incident in zip(record["events"], doc_ids, strict=True):
                    event["event_id"] = incident
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        finally:
            if output:
                out.close()
        if summary:
            _summary_table(collected)
    except MarsadError as exc:
        _fail(str(exc))


@main.command(name="eval")
@click.argument("gold", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("system", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
def eval_cmd(gold: Path, system: Path, as_json: bool) -> None:
    """Score SYSTEM output against GOLD annotations (spec/events.md, "Scoring")."""
    from marsad.evaluate import format_scores, load_records, score

    try:
        scores = score(load_records(gold), load_records(system))
    except MarsadError as exc:
        _fail(str(exc))
        return
    if as_json:
        click.echo(json.dumps(scores, ensure_ascii=False))
    else:
        click.echo(format_scores(scores))


from marsad.cli_store import register  # noqa: E402  (the store's commands: ingest, events, show, stats, export)

register(main)

from marsad.cli_api import serve  # noqa: E402  (the API server and dashboard)

main.add_command(serve)

from marsad.cli_sources import watch  # noqa: E402  (feeds: marsad watch)

main.add_command(watch)

if __name__ == "__main__":  # pragma: no cover
    main()
