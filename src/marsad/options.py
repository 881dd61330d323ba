"""One options object with documented defaults (the only place defaults live)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(slots=True, frozen=True)
class Options:
    #: longest article text processed, in characters; a longer one is cut there and flagged with a warning
    max_chars: int = 1_000_000
    #: a text whose letters are less than this share Arabic is reported as not Arabic and not read
    min_arabic_ratio: float = 0.3
    #: a directory holding replacement data files (sites.csv, lexicon.yaml, ...); None = the shipped ones
    data_dir: Path | None = None
