"""Stage: clitic-aware lexicon and gazetteer matching (Aho-Corasick over the token string).

Reads ``doc.norm``; adds ``doc.tokens`` and ``doc.mentions``.

The automaton runs over the document's word tokens joined by single spaces, so quotes, hyphens and
double spaces between words do not break a multi-word alias ("حزب الله" العراقي").  A key may start
inside a token only after a clitic prefix listed in the lexicon (و ف ب ل ك ال لل ...), and may end inside
a token only for forms marked ``suffix: true`` and only before a listed suffix.  Within one group
(all locations and actors; all weapons; each trigger or cue class) the longest match wins.

The token string is built once per document from the tokenizer's lists, with a running sum of the word
lengths giving each token's place in it.  The automaton (``lexicon._Builder.automaton``) indexes every key
with its token end and its allowed suffixes, so every hit already ends a token; only a hit that starts
inside a token has its clitic prefix checked here.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate
from operator import attrgetter, itemgetter

from marsad.lexicon import Pattern, Resources
from marsad.model import Document, Mention, Token
from marsad.tokens import PUNCT, as_tokens, tokenize

_LIL_PREFIXES = frozenset({"ل", "ول", "فل"})
_BAR = dict.fromkeys(PUNCT, "|")  # punctuation stands as "|" in the token string: no key spans it
_PLUS_ONE = (1).__add__
_BY_SPAN_LENGTH_POSITION = itemgetter(0, 1, 2)
_BY_END, _BY_START = attrgetter("end"), attrgetter("start")


def find_mentions(tokens: Sequence[Token], res: Resources) -> list[Mention]:
    """All valid lexicon matches over ``tokens``, overlaps resolved per group (longest, then leftmost)."""
    toks = as_tokens(tokens)
    texts = toks.texts
    if not texts:
        return []
    words = list(map(_BAR.get, texts, texts))
    ts = " ".join(words) + " "  # every token ends before a space: the automaton's keys end with one
    # bounds[i]: where token i starts in ts
    bounds = list(accumulate(map(_PLUS_ONE, map(len, words)), initial=0))
    prefixes = res.prefixes
    # (-tokens spanned, -characters with the prefix, first token, pattern, prefix, group)
    candidates: list[tuple[int, int, int, Pattern, str, str]] = []
    add = candidates.append
    for end, (length, ntok, plain, article, every) in res.automaton.iter(ts):
        start = end - length + 1
        ti = bisect_right(bounds, start) - 1
        tok_start = bounds[ti]
        if tok_start == start:  # the key starts the token: no clitic
            for neg_len, p, g in plain:
                add((-ntok, neg_len, ti, p, "", g))
            continue
        prefix = ts[tok_start:start]
        if prefix in prefixes:
            entries = every if prefix in _LIL_PREFIXES else plain
        elif prefix in _LIL_PREFIXES:
            entries = article
        else:
            continue
        n_prefix = len(prefix)
        for neg_len, p, g in entries:
            add((-ntok, neg_len - n_prefix, ti, p, prefix, g))
    if not candidates:
        return []
    # longest first, then leftmost; keep non-overlapping per group
    candidates.sort(key=_BY_SPAN_LENGTH_POSITION)
    taken: dict[str, bytearray] = {}  # per group, which tokens a kept match covers
    mentions: list[Mention] = []
    n_tok = len(texts)
    starts, ends = toks.starts, toks.ends
    for neg_ntok, _len, ti, p, prefix, g in candidates:
        tj = ti - neg_ntok
        occupied = taken.get(g)
        if occupied is None:
            occupied = taken[g] = bytearray(n_tok)
        elif occupied.find(1, ti, tj) >= 0:
            continue
        occupied[ti:tj] = b"\x01" * (tj - ti)
        mentions.append(Mention(p.category, p.entry_id, starts[ti] + len(prefix), ends[tj - 1], p.key, ti, tj,
                                prefix, {} if p.count is None else {"count": p.count}))
    # a country word inside a name ("المرصد السوري", "زمار العراقية" stays: only overlaps are dropped)
    names = taken.get("gazetteer")
    if names is not None and "country" in taken:
        mentions = [m for m in mentions
                    if m.category != "country" or names.find(1, m.tok_start, m.tok_end) < 0]
    # by start, then longest first (two stable sorts keep the kept order among equal spans)
    mentions.sort(key=_BY_END, reverse=True)
    mentions.sort(key=_BY_START)
    return mentions


def resolve_ambiguous(mentions: list[Mention], tokens: Sequence[Token], res: Resources) -> None:
    """Swap an ambiguous alias's default entry for an alternative when a hint word occurs in the text."""
    ambiguous = res.ambiguous
    if not ambiguous or not any(m.surface in ambiguous for m in mentions):
        return
    texts = as_tokens(tokens).texts
    present = set(texts)
    text = " ".join(texts)
    for m in mentions:
        spec = ambiguous.get(m.surface)
        if spec is None:
            continue
        for alt, hints in spec[1].items():
            if any((h in present) if " " not in h else (h in text) for h in hints):
                m.entry_id = alt
                break


def run(doc: Document, res: Resources) -> Document:
    assert doc.norm is not None
    doc.tokens = tokenize(doc.norm.text)
    doc.mentions = find_mentions(doc.tokens, res)
    resolve_ambiguous(doc.mentions, doc.tokens, res)
    return doc
