"""The pipeline runner: named stages over one shared Document; a failing stage is named in the error.

Stages (each ``Document -> Document``, in its own module):
  normalize -> match (tokens, mentions) -> segment (sentences) -> dates -> tallies -> frames (events)

A document whose matching finds no event vocabulary at all (:data:`EVENT_CATEGORIES`: no trigger,
weapon, cue or tally word) can yield neither an event nor a tally, so its later stages are skipped
(about one article in six of real 2015 news); :meth:`Pipeline.analyse` always runs the text stages.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from time import process_time

from marsad import frames, match, segment, tallies
from marsad.context import DocContext
from marsad.dates import DateLexicon, find_dates, load_date_lexicon
from marsad.errors import DocumentError
from marsad.lexicon import Resources, load_resources
from marsad.model import Document
from marsad.normalize import normalize
from marsad.options import Options
from marsad.reader import RawDoc

# runs of letters / Arabic letters: counting by runs makes one list item per word, not per letter
_LETTERS = re.compile(r"[^\W\d_]+")
_ARABIC_LETTERS = re.compile("[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]+")

#: mention categories that can start an event or a tally; a document with none of them gets neither,
#: so the later stages are skipped for it (``Pipeline.early_exit``; checked against the full run by
#: scripts/check_stage_equivalence.py)
EVENT_CATEGORIES = frozenset({"trigger", "weapon", "cue", "tally"})


def arabic_ratio(text: str) -> float:
    """Share of the letters in the first 3,000 characters of ``text`` that are Arabic script."""
    sample = text[:3000]
    letters = sum(map(len, _LETTERS.findall(sample)))
    return sum(map(len, _ARABIC_LETTERS.findall(sample))) / letters if letters else 0.0


def clearly_arabic(text: str, min_ratio: float) -> bool:
    """True if ``arabic_ratio(text) >= min_ratio`` is certain from the Arabic letters alone.

    There are at most as many letters as characters, so Arabic letters making (a little more than)
    ``min_ratio`` of all the characters settle it without the costlier count of every letter; False
    means "count exactly" (``arabic_ratio``), not "not Arabic"."""
    sample = text[:3000]
    arabic = sum(map(len, _ARABIC_LETTERS.findall(sample)))
    return arabic >= (min_ratio + 0.01) * len(sample) and _LETTERS.search(sample) is not None


@dataclass(slots=True)
class Pipeline:
    resources: Resources
    date_lexicon: DateLexicon
    options: Options
    #: skip segment .. frames for a document without any EVENT_CATEGORIES mention (same records)
    early_exit: bool = True

    @classmethod
    def load(cls, options: Options | None = None) -> Pipeline:
        options = options or Options()
        data_dir = options.data_dir
        res = load_resources(data_dir)
        dates = load_date_lexicon(data_dir / "dates.yaml" if data_dir else None)
        return cls(res, dates, options)

    def stages(self) -> list[tuple[str, Callable[[Document], Document]]]:
        """The named stages in order (``process`` runs the same functions)."""
        res = self.resources
        holder: dict[str, DocContext] = {}

        def _dates(doc: Document) -> Document:
            doc = self._dates(doc)
            holder["ctx"] = DocContext(doc, res)
            return doc

        return [
            ("normalize", _normalize),
            ("match", lambda d: match.run(d, res)),
            ("segment", segment.run),
            ("dates", _dates),
            ("tallies", lambda d: tallies.run(d, res, holder["ctx"])),
            ("frames", lambda d: frames.run(d, res, holder["ctx"])),
        ]

    def _dates(self, doc: Document) -> Document:
        assert doc.norm is not None
        doc.dates = find_dates(doc.norm.text, doc.published, self.date_lexicon, doc.tokens)
        return doc

    def _start(self, raw: RawDoc) -> tuple[Document, bool]:
        """The document to process, and whether its text is to be read at all."""
        doc = Document(id=raw.id, text=raw.text or "", outlet=raw.outlet, published=raw.published, url=raw.url,
                       title=raw.title, warnings=list(raw.warnings))
        if raw.error is not None:
            doc.error = raw.error
            return doc, False
        text = doc.text  # kept exactly as read: evidence offsets and quotes index it
        if len(text) > self.options.max_chars:
            doc.warnings.append(f"text of {len(text)} characters cut to {self.options.max_chars}")
            text = text[: self.options.max_chars]
        doc.text = text
        if not text.strip():
            doc.warnings.append("empty text")
            return doc, False
        if not clearly_arabic(text, self.options.min_arabic_ratio):
            ratio = arabic_ratio(text)
            if ratio < self.options.min_arabic_ratio:
                doc.warnings.append(f"not Arabic text ({ratio:.0%} Arabic letters): not read")
                return doc, False
        return doc, True

    def analyse(self, raw: RawDoc) -> Document:
        """Only the text analysis (normalize, match, segment, dates), always all of it: no records."""
        doc, readable = self._start(raw)
        if readable:
            doc = self._dates(segment.run(match.run(_normalize(doc), self.resources)))
        return doc

    def process(self, raw: RawDoc, timings: dict[str, float] | None = None) -> Document:
        """Run every stage on one document; never raises for a bad document (sets ``error``).

        ``timings``, if given, accumulates the CPU seconds (``time.process_time``: steady on a busy
        machine, unlike the wall clock; about 1 µs a reading) spent in each stage (``prepare`` is the checks
        before normalising: empty, too long, not Arabic; ``dates`` includes indexing the document).
        """
        timed = timings is not None
        t = process_time() if timed else 0.0
        doc, readable = self._start(raw)
        if timed:
            t = _lap(timings, "prepare", t)
        if not readable:
            return doc
        res = self.resources
        stage = "normalize"
        try:
            doc = _normalize(doc)
            if timed:
                t = _lap(timings, stage, t)
            stage = "match"
            doc = match.run(doc, res)
            if timed:
                t = _lap(timings, stage, t)
            if self.early_exit and not any(m.category in EVENT_CATEGORIES for m in doc.mentions):
                return doc
            stage = "segment"
            doc = segment.run(doc)
            if timed:
                t = _lap(timings, stage, t)
            stage = "dates"
            doc = self._dates(doc)
            ctx = DocContext(doc, res)
            if timed:
                t = _lap(timings, stage, t)
            stage = "tallies"
            doc = tallies.run(doc, res, ctx)
            if timed:
                t = _lap(timings, stage, t)
            stage = "frames"
            doc = frames.run(doc, res, ctx)
            if timed:
                _lap(timings, stage, t)
        except Exception as exc:  # the batch goes on; the error names the stage
            err = DocumentError(doc.id, stage, f"{type(exc).__name__}: {exc}")
            doc.error = str(err)
            doc.events, doc.tallies = [], []
        return doc

    def run(self, docs: Iterable[RawDoc]) -> Iterator[Document]:
        for raw in docs:
            yield self.process(raw)


def _lap(timings: dict[str, float] | None, stage: str, since: float) -> float:
    now = process_time()
    assert timings is not None
    timings[stage] = timings.get(stage, 0.0) + now - since
    return now


def _normalize(doc: Document) -> Document:
    doc.norm = normalize(doc.text)
    return doc


def extract_texts(pipeline: Pipeline, items: Iterable[tuple[str, str, str | None]]) -> list[Document]:
    """Convenience for tests and the API: (id, text, published ISO date or None) -> processed documents."""
    from marsad.reader import parse_published

    out = []
    for doc_id, text, published in items:
        pub, warn = parse_published(published)
        out.append(pipeline.process(RawDoc(doc_id, text, published=pub, warnings=(warn,) if warn else ())))
    return out
