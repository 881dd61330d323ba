"""Check that the normalise / match / segment / dates stages still give exactly the same outputs.

Performance work on those stages must not change what they produce.  This script dumps every stage
output (normalised text and offset map, tokens, mentions with offsets, sentences with clauses, date
mentions) for a set of document files, and later compares a fresh run against that dump::

    .venv/bin/python scripts/check_stage_equivalence.py dump /tmp/stages-before      # once, before
    .venv/bin/python scripts/check_stage_equivalence.py compare /tmp/stages-before   # after each change

By default the documents are ``tests/corpus/docs.jsonl``, the seeds
(``/work/shared/corpus/seeds/docs.jsonl``) and ``/tmp/snn3000.jsonl`` (3000 SaudiNewsNet articles,
made with ``/work/shared/corpus/saudinewsnet/to_docs.py /tmp/snn3000.jsonl 3000``); ``--docs`` picks
others.  ``--data-dir`` pins a copy of the data files, so that lexicon edits made meanwhile by others
do not show up as differences.  The final records are not compared here (the frame and tally stages change independently);
``compare`` does check, on the same code, that the pipeline's early exit for documents without any
event vocabulary gives the same final records as running every stage (``--no-early-exit-check`` skips it).

Exit status 0 when everything matches, 1 otherwise (the first differences are printed).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from marsad.model import Document
from marsad.options import Options
from marsad.pipeline import Pipeline
from marsad.reader import RawDoc, read_docs

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DOCS = [REPO / "tests" / "corpus" / "docs.jsonl", Path("/work/shared/corpus/seeds/docs.jsonl"),
                Path("/tmp/snn3000.jsonl")]
STAGES = ("normalize", "match", "segment", "dates")


def _digest(value: Any) -> str:
    return hashlib.sha1(json.dumps(value, ensure_ascii=False).encode("utf-8")).hexdigest()


def stage_outputs(pipeline: Pipeline, raw: RawDoc) -> dict[str, Any]:
    """Run only the stages under test on ``raw`` (whatever the early exit would do) and describe them."""
    doc = pipeline.analyse(raw) if hasattr(pipeline, "analyse") else _analyse_old(pipeline, raw)
    out: dict[str, Any] = {"id": raw.id, "error": doc.error}
    if doc.norm is None:
        return out
    out["norm"] = _digest(doc.norm.text)
    out["offsets"] = _digest(list(doc.norm.offsets))
    out["tokens"] = [[t[0], t[1], t[2]] for t in _tokens(doc)]
    out["mentions"] = [[m.category, m.entry_id, m.start, m.end, m.surface, m.tok_start, m.tok_end, m.prefix,
                        sorted(m.attrs.items())] for m in doc.mentions]
    out["sentences"] = [[s.start, s.end, s.paragraph, s.index, s.tok_start, s.tok_end,
                         [list(c) for c in s.clauses]] for s in doc.sentences]
    out["dates"] = [[d.start, d.end, d.value.isoformat() if d.value else None, d.precision, d.strategy]
                    for d in doc.dates]
    return json.loads(json.dumps(out, ensure_ascii=False))  # tuples become lists, as in the dump


def _tokens(doc: Document) -> Iterator[tuple[int, int, str]]:
    toks = doc.tokens
    if hasattr(toks, "starts"):  # parallel lists: they must be just as long
        yield from zip(toks.starts, toks.ends, toks.texts, strict=True)
        return
    for t in toks:
        yield t[0], t[1], t[2]


def _analyse_old(pipeline: Pipeline, raw: RawDoc) -> Document:
    """The stages under test as the pipeline ran them before ``Pipeline.analyse`` existed."""
    from marsad.pipeline import arabic_ratio

    doc = Document(id=raw.id, text=raw.text or "", outlet=raw.outlet, published=raw.published, url=raw.url,
                   title=raw.title, warnings=list(raw.warnings))
    if raw.error is not None:
        doc.error = raw.error
        return doc
    doc.text = doc.text[: pipeline.options.max_chars]
    if not doc.text.strip() or arabic_ratio(doc.text) < pipeline.options.min_arabic_ratio:
        return doc
    for name, stage in pipeline.stages():
        if name in STAGES:
            doc = stage(doc)
    return doc


def load(paths: list[Path]) -> list[RawDoc]:
    docs: list[RawDoc] = []
    for p in paths:
        if not p.exists():
            raise SystemExit(f"check_stage_equivalence: no such file: {p}")
        docs.extend(read_docs(p))
    return docs


def dump(pipeline: Pipeline, docs: list[RawDoc], out: Path) -> None:
    with out.open("w", encoding="utf-8") as fh:
        for raw in docs:
            fh.write(json.dumps(stage_outputs(pipeline, raw), ensure_ascii=False) + "\n")
    print(f"dumped the stage outputs of {len(docs)} documents to {out}")


def compare(pipeline: Pipeline, docs: list[RawDoc], ref: Path, show: int = 5) -> int:
    with ref.open(encoding="utf-8") as fh:
        before = [json.loads(line) for line in fh]
    for old in before:
        old.pop("warnings", None)  # dumps of the first version kept them; they are not a stage output
    if len(before) != len(docs):
        print(f"different document count: {len(before)} in {ref}, {len(docs)} now")
        return 1
    bad = 0
    for old, raw in zip(before, docs, strict=True):
        new = stage_outputs(pipeline, raw)
        if new == old:
            continue
        bad += 1
        if bad <= show:
            keys = [k for k in sorted(old.keys() | new.keys()) if old.get(k) != new.get(k)]
            print(f"{raw.id}: differs in {', '.join(keys)}")
            for k in keys:
                a, b = old.get(k), new.get(k)
                if isinstance(a, list) and isinstance(b, list):
                    i = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))
                    print(f"  {k}[{i}]: before {a[i] if i < len(a) else '-'} / now {b[i] if i < len(b) else '-'}"
                          f" (lengths {len(a)} / {len(b)})")
                else:
                    print(f"  {k}: before {a!r} / now {b!r}")
    print(f"stage outputs: {len(docs) - bad} of {len(docs)} documents identical")
    return 1 if bad else 0


def early_exit_check(pipeline: Pipeline, docs: list[RawDoc], show: int = 5) -> int:
    """Final records with the early exit must equal those of running every stage on every document."""
    if not hasattr(pipeline, "early_exit"):
        return 0
    bad = skipped = 0
    for raw in docs:
        pipeline.early_exit = True
        fast = pipeline.process(raw)
        pipeline.early_exit = False
        full = pipeline.process(raw)
        pipeline.early_exit = True
        skipped += fast.norm is not None and not fast.sentences and bool(full.sentences)
        a = json.dumps(fast.to_json(), ensure_ascii=False, sort_keys=True)
        b = json.dumps(full.to_json(), ensure_ascii=False, sort_keys=True)
        if a != b:
            bad += 1
            if bad <= show:
                print(f"{raw.id}: early exit changes the record:\n  fast {a[:300]}\n  full {b[:300]}")
    print(f"early exit: {skipped} of {len(docs)} documents skipped the later stages; "
          f"{len(docs) - bad} of {len(docs)} records identical to the full run")
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=("dump", "compare"))
    ap.add_argument("prefix", type=Path, help="dump file prefix (the file is PREFIX.jsonl)")
    ap.add_argument("--docs", type=Path, nargs="+", default=DEFAULT_DOCS, metavar="PATH")
    ap.add_argument("--data-dir", type=Path, metavar="DIR",
                    help="data files to use (default: the shipped ones); pin a snapshot while others edit them")
    ap.add_argument("--no-early-exit-check", action="store_true")
    args = ap.parse_args(argv)
    pipeline = Pipeline.load(Options(data_dir=args.data_dir))
    docs = load(args.docs)
    path = args.prefix.with_suffix(".jsonl")
    if args.mode == "dump":
        dump(pipeline, docs, path)
        return 0
    status = compare(pipeline, docs, path)
    if not args.no_early_exit_check:
        status |= early_exit_check(pipeline, docs)
    return status


if __name__ == "__main__":
    sys.exit(main())
