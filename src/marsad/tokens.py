"""Tokenisation of normalised text, shared by article text and lexicon keys.

A document's tokens are kept as three parallel lists (starts, ends, texts) made by one regex pass
(``re.split`` with the token pattern captured, positions by a running sum of the part lengths): no
Python object per token unless a caller asks for one.  :class:`Tokens` is a read-only sequence of
:class:`~marsad.model.Token` over those lists for the callers that want token objects.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from itertools import accumulate, repeat
from typing import overload

from marsad.model import Token

# A word, optionally with a number glued after it ("ب5", "ال24"), a number ("3.5", "1,000"), or a
# sentence/clause mark.  (The same tokens as ``[^\W\d_]*\d+(?:[.,]\d+)*|[^\W_]+|...``, without
# scanning a plain word twice.)
TOKEN_RE = re.compile(r"[^\W\d_]+(?:\d+(?:[.,]\d+)*)?|\d+(?:[.,]\d+)*|[.،؛؟!:,;?\n]")
PUNCT = frozenset(".،؛؟!:,;?\n")
_SPLIT_RE = re.compile(f"({TOKEN_RE.pattern})")  # the same matches; re.split keeps them between the gaps
_BEYOND_BMP = re.compile("[\U00010000-\U0010ffff]")


@cache
def _bmp_split() -> Callable[[str], list[str]]:
    """``_SPLIT_RE.split`` for a text of U+0000..U+FFFF only, with the letter class ``[^\\W\\d_]``
    spelled out as the ranges of those characters it holds: the regex engine then looks a character
    up in one table instead of asking the Unicode database about it (a quarter less time to split an
    article).  Built on first use (about 15 ms)."""
    letter = re.compile(r"[^\W\d_]").match
    runs: list[list[int]] = []
    for code in range(0x10000):
        if letter(chr(code)):
            if runs and runs[-1][1] == code - 1:
                runs[-1][1] = code
            else:
                runs.append([code, code])
    letters = "[" + "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in runs) + "]"
    return re.compile("(" + TOKEN_RE.pattern.replace(r"[^\W\d_]", letters) + ")").split


def _tokens(starts: list[int], ends: list[int], texts: list[str]) -> Iterator[Token]:
    return map(tuple.__new__, repeat(Token), zip(starts, ends, texts, strict=True))  # type: ignore[arg-type]


class Tokens(Sequence[Token]):
    """The tokens of one text as parallel lists; indexing or iterating yields :class:`Token` tuples."""

    __slots__ = ("ends", "starts", "texts")

    def __init__(self, starts: list[int], ends: list[int], texts: list[str]) -> None:
        self.starts = starts
        self.ends = ends
        self.texts = texts

    def __len__(self) -> int:
        return len(self.texts)

    @overload
    def __getitem__(self, i: int) -> Token: ...

    @overload
    def __getitem__(self, i: slice) -> list[Token]: ...

    def __getitem__(self, i: int | slice) -> Token | list[Token]:
        if isinstance(i, slice):
            return list(_tokens(self.starts[i], self.ends[i], self.texts[i]))
        return Token(self.starts[i], self.ends[i], self.texts[i])

    def __iter__(self) -> Iterator[Token]:
        return _tokens(self.starts, self.ends, self.texts)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Tokens):
            return self.texts == other.texts and self.starts == other.starts and self.ends == other.ends
        if isinstance(other, Sequence):
            return len(other) == len(self) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Tokens({list(self)!r})"


def as_tokens(tokens: Sequence[Token]) -> Tokens:
    """``tokens`` as a :class:`Tokens` (itself if it is one already)."""
    if isinstance(tokens, Tokens):
        return tokens
    return Tokens([t[0] for t in tokens], [t[1] for t in tokens], [t[2] for t in tokens])


def tokenize(norm_text: str) -> Tokens:
    split = _SPLIT_RE.split if _BEYOND_BMP.search(norm_text) else _bmp_split()
    parts = split(norm_text)  # [gap, token, gap, token, ..., gap]
    pos = list(accumulate(map(len, parts), initial=0))  # pos[k]: where part k starts
    return Tokens(pos[1:-1:2], pos[2::2], parts[1::2])


def tokenize_key(norm_key: str) -> str:
    """The key a lexicon form is indexed under: its word tokens joined by one space."""
    return " ".join(t for t in TOKEN_RE.findall(norm_key) if t not in PUNCT)
