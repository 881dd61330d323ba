"""Tokenisation of normalised text, shared by article text and lexicon keys."""

from __future__ import annotations

import re

from marsad.model import Token

# A number (optionally glued to a clitic, e.g. "ب5", "ال24"), a word, or a sentence/clause mark.
TOKEN_RE = re.compile(r"[^\W\d_]*\d+(?:[.,]\d+)*|[^\W_]+|[.،؛؟!:,;?\n]")
PUNCT = frozenset(".،؛؟!:,;?\n")


def tokenize(norm_text: str) -> list[Token]:
    return [Token(m.start(), m.end(), m.group()) for m in TOKEN_RE.finditer(norm_text)]


def tokenize_key(norm_key: str) -> str:
    """The key a lexicon form is indexed under: its word tokens joined by one space."""
    return " ".join(t for t in TOKEN_RE.findall(norm_key) if t not in PUNCT)
