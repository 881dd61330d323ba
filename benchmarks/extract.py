"""Throughput and memory of ``marsad`` extraction on one core.

Run from the repository root::

    .venv/bin/python benchmarks/extract.py                      # seeds + tests/corpus, repeated to >= 5 MB
    .venv/bin/python benchmarks/extract.py --min-mb 20          # a bigger batch
    .venv/bin/python benchmarks/extract.py --docs a/docs.jsonl b/docs.jsonl
    .venv/bin/python benchmarks/extract.py --tracemalloc        # also the Python heap peak (slower)
    .venv/bin/python benchmarks/extract.py --saudinewsnet 3000  # real 2015 news: speed + false positives
    .venv/bin/python benchmarks/extract.py --runs 5 --profile   # median of 5 timed runs, time per stage

Target: **at least 500 articles per second on one core** (a single process, no worker pool), measured
on the processing only; the one-time ``Pipeline.load`` is timed and reported separately.

What it does:

- default mode: reads every document of ``/work/shared/corpus/seeds/docs.jsonl`` and
  ``tests/corpus/docs.jsonl`` (or the ``--docs`` files; ``path`` fields are relative to each file's folder)
  into memory with ``marsad.reader.read_docs``, then repeats that list (ids suffixed ``#k``) until the total
  text is at least ``--min-mb`` MB (1 MB = 10^6 bytes of UTF-8 text);
- ``--saudinewsnet N``: instead, the first N articles of the SaudiNewsNet zips in
  ``/work/shared/corpus/saudinewsnet/`` (read directly with zipfile/json, nothing is written), and on top
  of the speed figures: events and tallies found per 1000 articles (that 2015 Saudi corpus has few
  articles about attacks on US bases, so these are mostly false positives) and 10 sampled event evidence
  snippets for manual review.

Reported: articles, MB, seconds (wall clock and CPU time of the process), articles/s, MB/s, the slowest
article, peak RSS (``ru_maxrss`` of the whole process, including the loaded data) and, with
``--tracemalloc``, the traced Python heap peak during processing.  ``--runs N`` times the batch N times
and reports the median (the machine is shared: single runs are noisy; CPU-time articles/s is steadier
than wall-clock when other processes compete).  ``--profile`` adds the CPU time spent in each pipeline stage
(``Pipeline.process(raw, timings)``) and in the JSON serialisation.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import statistics
import sys
import time
import tracemalloc
import zipfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from marsad.model import Document
from marsad.pipeline import Pipeline
from marsad.reader import RawDoc, parse_published, read_docs

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "corpus" / "seeds" / "docs.jsonl"
SAUDINEWSNET = SHARED / "corpus" / "saudinewsnet"
TARGET_ARTICLES_PER_S = 500.0
MB = 1_000_000

console = Console()


def default_docs_files() -> list[Path]:
    """The seeds and the test corpus; before tests/corpus/docs.jsonl exists, any docs*.jsonl there."""
    files = [SEEDS] if SEEDS.exists() else []
    corpus = REPO / "tests" / "corpus"
    main_docs = corpus / "docs.jsonl"
    files += [main_docs] if main_docs.exists() else sorted(corpus.glob("docs*.jsonl"))
    return files


def text_bytes(doc: RawDoc) -> int:
    return len(doc.text.encode("utf-8")) if doc.text else 0


def load_docs_files(paths: Iterable[Path]) -> list[RawDoc]:
    docs: list[RawDoc] = []
    for path in paths:
        batch = list(read_docs(path))
        errors = [d for d in batch if d.error]
        console.print(f"read {len(batch)} documents from {path}"
                      + (f" ([yellow]{len(errors)} unreadable[/])" if errors else ""))
        docs.extend(batch)
    return docs


def repeat_to_size(docs: list[RawDoc], min_bytes: int) -> list[RawDoc]:
    """Repeat ``docs`` (new ids ``<id>#<k>``) until their texts total at least ``min_bytes``."""
    unit = sum(text_bytes(d) for d in docs)
    if unit == 0:
        raise SystemExit("benchmark: the documents have no readable text")
    out: list[RawDoc] = []
    total = 0
    k = 0
    while total < min_bytes:
        for d in docs:
            out.append(RawDoc(f"{d.id}#{k}", d.text, d.outlet, d.published, d.url, d.warnings, d.error))
        total += unit
        k += 1
    return out


def load_saudinewsnet(n: int, folder: Path = SAUDINEWSNET) -> list[RawDoc]:
    """The first ``n`` articles of the SaudiNewsNet zips (sorted by file name), as in its to_docs.py."""
    zips = sorted(folder.glob("*.zip"))
    if not zips:
        raise SystemExit(f"benchmark: no zip files in {folder}")
    docs: list[RawDoc] = []
    for zpath in zips:
        with zipfile.ZipFile(zpath) as zf:
            for name in zf.namelist():
                if not name.endswith(".json"):
                    continue
                for i, a in enumerate(json.loads(zf.read(name).decode("utf-8"))):
                    published, warning = parse_published((a.get("date_extracted") or "")[:10] or None)
                    docs.append(RawDoc(f"snn-{name[:-5]}-{i}", a.get("content") or "", a.get("source"),
                                       published, a.get("url"), (warning,) if warning else ()))
                    if len(docs) >= n:
                        return docs
    console.print(f"[yellow]only {len(docs)} articles in {folder}[/]")
    return docs


def process_all(pipeline: Pipeline, docs: list[RawDoc], trace: bool, runs: int = 1,
                profile: bool = False) -> tuple[list[Document], dict[str, Any]]:
    """Time what `marsad extract` does for each document (process it, serialise its JSON line) without
    keeping anything, as the CLI streams, ``runs`` times over; then process once more, untimed, keeping
    the records for the report.  With ``profile``, also the seconds spent in each stage."""
    slowest = (0.0, "")
    out_bytes = 0
    timings: dict[str, float] | None = {} if profile else None
    walls: list[float] = []
    cpus: list[float] = []
    if trace:
        tracemalloc.start()
    clock = time.perf_counter
    for _ in range(runs):
        start, cpu_start = clock(), time.process_time()
        for raw in docs:
            t0 = clock()
            doc = pipeline.process(raw, timings)
            if timings is not None:
                c1 = time.process_time()
            line = json.dumps(doc.to_json(), ensure_ascii=False)
            if timings is not None:
                timings["to_json"] = timings.get("to_json", 0.0) + time.process_time() - c1
            t2 = clock()
            out_bytes += len(line)
            if t2 - t0 > slowest[0]:
                slowest = (t2 - t0, raw.id)
        walls.append(clock() - start)
        cpus.append(time.process_time() - cpu_start)
    stats: dict[str, Any] = {"seconds": statistics.median(walls), "cpu_seconds": statistics.median(cpus),
                             "walls": walls, "cpus": cpus, "slowest_s": slowest[0], "slowest_id": slowest[1],
                             "output_bytes": out_bytes // runs}
    if timings is not None:
        stats["timings"] = timings
    if trace:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        stats["tracemalloc_peak_mb"] = peak / MB
    out: list[Document] = []
    for raw in docs:  # untimed: the records the report counts and samples
        doc = pipeline.process(raw)
        doc.norm, doc.tokens, doc.sentences, doc.mentions, doc.dates = None, [], [], [], []
        out.append(doc)
    return out, stats


def report_stages(timings: dict[str, float]) -> None:
    total = sum(timings.values()) or 1.0
    table = Table(title="CPU time per stage (all runs)", header_style="bold")
    table.add_column("stage")
    table.add_column("seconds", justify="right")
    table.add_column("share", justify="right")
    for name in ("prepare", "normalize", "match", "segment", "dates", "tallies", "frames", "to_json"):
        if name in timings:
            table.add_row(name, f"{timings[name]:.3f}", f"{100 * timings[name] / total:.1f}%")
    console.print(table)


def max_rss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / MB if sys.platform == "darwin" else rss * 1024 / MB  # bytes on macOS, KiB on Linux


def snippet(doc: Document, start: int, end: int, width: int = 70) -> str:
    left = doc.text[max(0, start - width):start]
    right = doc.text[end:end + width]
    return " ".join(f"…{left}[{doc.text[start:end]}]{right}…".split())


def report(title: str, docs: list[RawDoc], results: list[Document], stats: dict[str, Any],
           load_s: float) -> None:
    n = len(docs)
    size = sum(text_bytes(d) for d in docs) / MB
    secs = stats["seconds"]
    rate = n / secs if secs else float("inf")
    cpu = stats["cpu_seconds"]
    table = Table(title=title, show_header=True, header_style="bold")
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_row("Pipeline.load (once)", f"{load_s:.3f} s")
    table.add_row("articles", f"{n:,}")
    table.add_row("text", f"{size:.2f} MB")
    table.add_row("processing time (1 core)", f"{secs:.2f} s (CPU {cpu:.2f} s)")
    table.add_row("articles/s", f"{rate:,.1f}")
    table.add_row("articles/s of CPU time", f"{n / cpu if cpu else float('inf'):,.1f}")
    if len(stats["walls"]) > 1:
        table.add_row(f"articles/s of each of {len(stats['walls'])} runs (median above)",
                      " ".join(f"{n / w:,.0f}" for w in stats["walls"]))
    table.add_row("MB/s", f"{size / secs if secs else float('inf'):.3f}")
    table.add_row("ms/article (mean)", f"{1000 * secs / n if n else 0:.2f}")
    table.add_row("slowest article", f"{stats['slowest_s'] * 1000:.1f} ms ({stats['slowest_id']})")
    table.add_row("peak RSS (ru_maxrss)", f"{max_rss_mb():.1f} MB")
    if "tracemalloc_peak_mb" in stats:
        table.add_row("tracemalloc peak (processing)", f"{stats['tracemalloc_peak_mb']:.1f} MB")
    errors = sum(1 for d in results if d.error)
    table.add_row("documents with error", f"{errors:,}")
    table.add_row("documents with warnings", f"{sum(1 for d in results if d.warnings):,}")
    table.add_row("events / tallies found", f"{sum(len(d.events) for d in results):,} / "
                  f"{sum(len(d.tallies) for d in results):,}")
    ok = rate >= TARGET_ARTICLES_PER_S
    table.add_row(f"target >= {TARGET_ARTICLES_PER_S:.0f} articles/s", "[green]met[/]" if ok else "[red]NOT met[/]")
    console.print(table)
    stage_errors = Counter(d.error.split(":")[0] for d in results if d.error)
    if stage_errors:
        console.print("errors: " + ", ".join(f"{k} ×{v}" for k, v in stage_errors.most_common(5)))


def report_false_positives(results: list[Document], samples: int, seed: int) -> None:
    n = len(results) or 1
    events = [(d, e) for d in results for e in d.events]
    tallies = sum(len(d.tallies) for d in results)
    table = Table(title="SaudiNewsNet: what was found (mostly false positives)", header_style="bold")
    table.add_column("measure")
    table.add_column("value", justify="right")
    table.add_row("articles", f"{len(results):,}")
    table.add_row("articles with >= 1 event", f"{sum(1 for d in results if d.events):,}")
    table.add_row("events per 1000 articles", f"{1000 * len(events) / n:.1f}")
    table.add_row("tallies per 1000 articles", f"{1000 * tallies / n:.1f}")
    for kind, count in sorted(Counter(e.type for _, e in events).items()):
        table.add_row(f"  {kind} per 1000", f"{1000 * count / n:.1f}")
    locations = Counter(e.location.id if e.location else f"({e.country or '?'})" for _, e in events)
    table.add_row("top locations", ", ".join(f"{k} {v}" for k, v in locations.most_common(6)) or "-")
    console.print(table)
    if not events:
        return
    picked = random.Random(seed).sample(events, min(samples, len(events)))
    console.print(f"[bold]{len(picked)} sampled events for manual review[/] (seed {seed}):")
    for d, e in picked:
        spans = e.evidence or []
        if spans:
            start, end = min(s.start for s in spans), max(s.end for s in spans)
            if end - start > 300:  # evidence spread over the article: show the trigger only
                trig = next((s for s in spans if s.field == "type"), spans[0])
                start, end = trig.start, trig.end
            text = snippet(d, start, end)
        else:
            text = "(no evidence)"
        where = e.location.id if e.location else f"({e.country or '?'})"
        date = e.date.isoformat() if e.date else "-"
        console.print(f"- {d.id} [cyan]{e.type}[/] {where} {date} {','.join(e.weapons) or '-'}: {text}",
                      markup=True, highlight=False, soft_wrap=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--min-mb", type=float, default=5.0, help="repeat the documents up to this much text (MB)")
    ap.add_argument("--docs", type=Path, nargs="+", metavar="PATH",
                    help="docs.jsonl files (default: the seeds and tests/corpus/docs.jsonl)")
    ap.add_argument("--tracemalloc", action="store_true", help="also trace the Python heap peak (slower)")
    ap.add_argument("--runs", type=int, default=1, metavar="N",
                    help="time the whole batch N times and report the median (timings are noisy)")
    ap.add_argument("--profile", action="store_true", help="also report the time spent in each stage")
    ap.add_argument("--saudinewsnet", type=int, metavar="N",
                    help="benchmark the first N SaudiNewsNet articles instead, with false-positive figures")
    ap.add_argument("--samples", type=int, default=10, help="event snippets to print with --saudinewsnet")
    ap.add_argument("--seed", type=int, default=0, help="random seed for the sampled snippets")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    if args.saudinewsnet is not None:
        docs = load_saudinewsnet(args.saudinewsnet)
        title = f"marsad extract: {len(docs):,} SaudiNewsNet articles, one core"
    else:
        files = args.docs or default_docs_files()
        missing = [p for p in files if not p.exists()]
        if missing or not files:
            raise SystemExit(f"benchmark: no such docs file: {', '.join(map(str, missing)) or '(none found)'}")
        base = load_docs_files(files)
        docs = repeat_to_size(base, int(args.min_mb * MB))
        title = f"marsad extract: {len(base)} documents repeated to >= {args.min_mb:g} MB, one core"
    console.print(f"prepared {len(docs):,} documents in memory in {time.perf_counter() - t0:.2f} s")

    t0 = time.perf_counter()
    pipeline = Pipeline.load()
    load_s = time.perf_counter() - t0

    results, stats = process_all(pipeline, docs, args.tracemalloc, max(1, args.runs), args.profile)
    report(title, docs, results, stats, load_s)
    if "timings" in stats:
        report_stages(stats["timings"])
    if args.saudinewsnet is not None:
        report_false_positives(results, args.samples, args.seed)
    console.print(f"python {sys.version.split()[0]}, {dt.datetime.now().isoformat(timespec='seconds')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
