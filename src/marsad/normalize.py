"""Arabic orthographic normalisation with an offset map back to the original text.

Each spelling decision is one small pure function over a string (camel_tools style); :func:`normalize`
composes all of them in one place and keeps, for every character of the normalised text, the index of
the original character it came from.  Lexicon entries go through exactly the same chain as article
text, so a match on normalised text is a match of the spelling variants.

The map is hand-written rather than taken from camel_tools: camel_tools pulls in large model
dependencies and its normalisers return no offset map, which every evidence span here needs.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from itertools import accumulate, chain
from operator import add

# --- one table per spelling decision -------------------------------------------------------------------

DIACRITICS = {chr(c): "" for c in [*range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06DD), *range(0x06DF, 0x06E5),
                                   0x06E7, 0x06E8, *range(0x06EA, 0x06EE), *range(0x0610, 0x061B)]}
TATWEEL = {"\u0640": ""}
INVISIBLE = {chr(c): "" for c in [0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D,
                                  0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0xFEFF, 0x061C, 0x00AD, 0x2060, 0x000D]}
ALEF = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا"}
ALEF_MAKSURA = {"ى": "ي"}
TEH_MARBUTA = {"ة": "ه", "ۃ": "ه"}
HAMZA_CARRIERS = {"ؤ": "و", "ئ": "ي"}
PERSIAN_LETTERS = {"ک": "ك", "ڪ": "ك", "ی": "ي", "ې": "ي", "ۍ": "ي", "ے": "ي", "ھ": "ه", "ہ": "ه", "ە": "ه",
                   "ۀ": "ه", "گ": "ك", "ڤ": "ف", "پ": "ب", "چ": "ج", "ژ": "ز"}
DIGITS = {**{chr(0x0660 + i): str(i) for i in range(10)}, **{chr(0x06F0 + i): str(i) for i in range(10)},
          "٫": ".", "٬": ",", "٪": "%"}
PUNCTUATION = {"“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "‹": '"', "›": '"', "″": '"',
               "‘": "'", "’": "'", "‚": "'", "‛": "'", "﴾": "(", "﴿": ")", "【": "[", "】": "]",
               "–": "-", "—": "-", "−": "-", "‐": "-", "‑": "-", "…": "...", "⹁": "،"}
SPACES = {chr(c): " " for c in [0x00A0, *range(0x2000, 0x200B), 0x202F, 0x205F, 0x3000, 0x0009, 0x000B, 0x000C]}
LINE_BREAKS = {"\u2028": "\n", "\u2029": "\n", "\u0085": "\n"}


def _presentation_form(ch: str) -> str | None:
    """Arabic presentation forms (ligatures such as ﻻ) decompose to their base letters."""
    code = ord(ch)
    if 0xFB50 <= code <= 0xFDFF or 0xFE70 <= code <= 0xFEFE:
        return unicodedata.normalize("NFKC", ch)
    return None


# Order matters only where tables overlap (they do not); listed in the order the decisions are made.
DECISIONS: tuple[tuple[str, Mapping[str, str]], ...] = (
    ("invisible", INVISIBLE),
    ("diacritics", DIACRITICS),
    ("tatweel", TATWEEL),
    ("alef", ALEF),
    ("alef_maksura", ALEF_MAKSURA),
    ("teh_marbuta", TEH_MARBUTA),
    ("hamza_carriers", HAMZA_CARRIERS),
    ("persian_letters", PERSIAN_LETTERS),
    ("digits", DIGITS),
    ("punctuation", PUNCTUATION),
    ("spaces", SPACES),
    ("line_breaks", LINE_BREAKS),
)


def _single(table: Mapping[str, str]) -> Callable[[str], str]:
    trans = str.maketrans(dict(table))
    return lambda s: s.translate(trans)


normalize_invisible = _single(INVISIBLE)
normalize_diacritics = _single(DIACRITICS)
normalize_tatweel = _single(TATWEEL)
normalize_alef = _single(ALEF)
normalize_alef_maksura = _single(ALEF_MAKSURA)
normalize_teh_marbuta = _single(TEH_MARBUTA)
normalize_hamza_carriers = _single(HAMZA_CARRIERS)
normalize_persian_letters = _single(PERSIAN_LETTERS)
normalize_digits = _single(DIGITS)
normalize_punctuation = _single(PUNCTUATION)


def _build_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for _name, mapping in DECISIONS:
        for src, dst in mapping.items():
            table.setdefault(src, dst)
    return table


_TABLE = _build_table()
_TRANS = str.maketrans(_TABLE)
_DELETED = frozenset(k for k, v in _TABLE.items() if v == "")
_MULTI = frozenset(k for k, v in _TABLE.items() if len(v) > 1)
_DELETED_RE = re.compile("[" + "".join(re.escape(c) for c in sorted(_DELETED)) + "]")
_PLUS_ONE = (1).__add__
_SLOW = re.compile("[" + "".join(re.escape(c) for c in sorted(_MULTI)) + "\uFB50-\uFDFF\uFE70-\uFEFE]")
# The fast path replaces character by character (``str.translate`` with a dict looks every character
# up in Python; ``in`` and ``replace`` scan in C).  The letters of ordinary spelling (أ إ آ ة ى ئ ؤ ...)
# occur in nearly every text and are simply tried one by one; every other character of the table is
# found by one regex scan, which also spots the characters of the slow path.
_COMMON = tuple(dict.fromkeys(c for name, table in DECISIONS
                              if name in ("alef", "alef_maksura", "teh_marbuta", "hamza_carriers")
                              for c in table))
_RARE_RE = re.compile("[" + "".join(re.escape(c) for c in sorted(set(_TABLE) - set(_COMMON)))
                      + "\uFB50-\uFDFF\uFE70-\uFEFE]")
_SLOW_CHARS = frozenset(_MULTI)
# replacing in turn is the same as the one-pass table only if no replacement brings back a table key
assert not any(c in _TABLE for v in _TABLE.values() for c in v)


def _map_char(ch: str) -> str:
    """The normalised form of one character (may be empty or longer than one character)."""
    pres = _presentation_form(ch)
    if pres is not None:
        return "".join(_TABLE.get(c, c) for c in pres)
    return _TABLE.get(ch, ch)


class NormText:
    """Normalised text and, for each of its characters, the index of the source character.

    The offset map (``len(text) + 1`` entries; the last is ``len(original)``) is built on first use:
    most documents never cite evidence, so most never need it.  :meth:`to_original` does not build it
    for a text that only lost characters: it looks the runs of kept characters up instead.
    """

    __slots__ = ("_offsets", "_runs", "_source", "text")

    def __init__(self, text: str, offsets: Sequence[int] | None = None, *, source: str | None = None) -> None:
        if offsets is None and source is None:
            raise ValueError("NormText needs the offsets or the source text")
        self.text = text
        self._offsets = offsets
        self._source = source
        self._runs: tuple[list[int], list[int]] | None = None

    @property
    def offsets(self) -> Sequence[int]:
        if self._offsets is None:
            assert self._source is not None
            self._offsets = _deletion_offsets(self._source)
        return self._offsets

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, NormText):
            return NotImplemented
        return self.text == other.text and list(self.offsets) == list(other.offsets)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"NormText(text={self.text!r})"

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a normalised span [start, end) to the original text."""
        at = self._offset_at if self._offsets is None else self._offsets.__getitem__
        if start >= end:
            pos = at(start)
            return pos, pos
        return at(start), at(end - 1) + 1 if end - 1 < len(self.text) else at(end)

    def _offset_at(self, i: int) -> int:
        """``offsets[i]`` of a text that only lost characters, without building the whole map."""
        source = self._source
        assert source is not None
        if not 0 <= i < len(self.text):
            return len(source) if i == len(self.text) else self.offsets[i]
        runs = self._runs
        if runs is None:
            runs = self._runs = _kept_runs(source)
        starts, firsts = runs
        r = bisect_right(starts, i) - 1  # the last run starting at or before i (runs may be empty)
        return firsts[r] + i - starts[r]


def _kept_runs(text: str) -> tuple[list[int], list[int]]:
    """The runs of kept characters of ``text`` between deleted ones: where each starts in the
    normalised text and in ``text`` (one deleted character after each run but the last)."""
    lengths = list(map(len, _DELETED_RE.split(text)))
    return list(accumulate(lengths, initial=0)), list(accumulate(map(_PLUS_ONE, lengths), initial=0))


def _deletion_offsets(text: str) -> Sequence[int]:
    """The offset map of a text whose characters each normalise to one character or to none.

    The kept characters between two deleted ones are a run of consecutive source indexes: the map is
    those runs chained (built in C: ``re.split`` on the deleted characters, running sums of the lengths).
    """
    n = len(text)
    parts = _DELETED_RE.split(text)
    if len(parts) == 1:
        return range(n + 1)
    lengths = list(map(len, parts))
    firsts = list(accumulate(map(_PLUS_ONE, lengths), initial=0))  # one deleted character after each part
    offsets = list(chain.from_iterable(map(range, firsts, map(add, firsts, lengths))))
    offsets.append(n)
    return offsets


def normalize(text: str) -> NormText:
    """Normalise ``text`` for matching and return it with its offset map."""
    rare = set(_RARE_RE.findall(text))
    if rare.isdisjoint(_SLOW_CHARS) and not any("\uFB50" <= c <= "\uFDFF" or "\uFE70" <= c <= "\uFEFE"
                                                 for c in rare):
        norm = text
        for ch in _COMMON:
            if ch in norm:
                norm = norm.replace(ch, _TABLE[ch])
        for ch in rare:
            norm = norm.replace(ch, _TABLE[ch])
        return NormText(norm, source=text)
    parts: list[str] = []
    offsets = []
    for i, ch in enumerate(text):
        mapped = _map_char(ch)
        if mapped:
            parts.append(mapped)
            offsets.extend([i] * len(mapped))
    offsets.append(len(text))
    return NormText("".join(parts), offsets)


def normalize_str(text: str) -> str:
    """The normalised string alone (for lexicon entries)."""
    return normalize(text).text


_WS = re.compile(r"\s+")


def normalize_key(text: str) -> str:
    """Normalised, whitespace-collapsed form used as a lexicon key."""
    return _WS.sub(" ", normalize_str(text)).strip()
