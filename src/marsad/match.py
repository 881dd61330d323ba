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
from functools import cache
from itertools import accumulate
from operator import itemgetter

from marsad.lexicon import Pattern, Resources
from marsad.model import Document, Mention, Token
from marsad.tokens import as_tokens, tokenize

_LIL_PREFIXES = frozenset({"ل", "ول", "فل"})
_PLUS_ONE = (1).__add__
_RANK = itemgetter(0)


@cache
def _last_letters(prefixes: frozenset[str]) -> frozenset[str]:
    """The letters a clitic prefix can end with (a hit after any other letter cannot be prefixed)."""
    return frozenset(p[-1] for p in prefixes | _LIL_PREFIXES if p)


def find_mentions(tokens: Sequence[Token], res: Resources) -> list[Mention]:
    """All valid lexicon matches over ``tokens``, overlaps resolved per group (longest, then leftmost)."""
    toks = as_tokens(tokens)
    texts = toks.texts
    if not texts:
        return []
    # Every token ends before a space: the automaton's keys end with one.  Keys hold no punctuation
    # token, so none spans a punctuation mark.
    ts = " ".join(texts) + " "
    # bounds[i]: where token i starts in ts
    bounds = list(accumulate(map(_PLUS_ONE, map(len, texts)), initial=0))
    prefixes = res.prefixes
    ends = _last_letters(prefixes)
    # one candidate per hit and key length: (rank + first token - (prefix length << 32), first token,
    # tokens spanned, prefix, entries); the rank sorts longer matches first, then the leftmost
    candidates: list[tuple[int, int, int, str, tuple[tuple[Pattern, str], ...]]] = []
    add = candidates.append
    for end, (back, ntok, plain, groups) in res.automaton.iter(ts):
        start = end - back
        before = ts[start - 1]  # a space if the key starts a token (ts[-1], a space, for the first)
        if before == " ":  # no clitic
            ti = bisect_right(bounds, start) - 1
            for rank, entries in plain:
                add((rank + ti, ti, ntok, "", entries))
            continue
        if before not in ends:  # no clitic prefix ends with that letter
            continue
        ti = bisect_right(bounds, start) - 1
        prefix = ts[bounds[ti]:start]
        if prefix in prefixes:
            which = 3 if prefix in _LIL_PREFIXES else 1
        elif prefix in _LIL_PREFIXES:
            which = 2
        else:
            continue
        shift = ti - (len(prefix) << 32)
        for group in groups:
            entries = group[which]
            if entries:
                add((group[0] + shift, ti, ntok, prefix, entries))
    if not candidates:
        return []
    # longest first, then leftmost (a stable sort: equal ranks keep the automaton's order)
    candidates.sort(key=_RANK)
    taken: dict[str, bytearray] = {}  # per group, which tokens a kept match covers
    mentions: list[Mention] = []
    new = mentions.append
    n_tok = len(texts)
    starts, ends = toks.starts, toks.ends
    for _rank, ti, ntok, prefix, entries in candidates:
        tj = ti + ntok
        first = last = -1
        for p, g in entries:
            occupied = taken.get(g)
            if occupied is None:
                occupied = taken[g] = bytearray(n_tok)
            elif occupied[ti] if ntok == 1 else occupied.find(1, ti, tj) >= 0:
                continue
            if ntok == 1:
                occupied[ti] = 1
            else:
                occupied[ti:tj] = b"\x01" * ntok
            if first < 0:
                first, last = starts[ti] + len(prefix), ends[tj - 1]
            new(Mention(p.category, p.entry_id, first, last, p.key, ti, tj, prefix,
                        {} if p.count is None else {"count": p.count}))
    # a country word inside a name ("المرصد السوري", "زمار العراقية" stays: only overlaps are dropped)
    names = taken.get("gazetteer")
    if names is not None and "country" in taken:
        mentions = [m for m in mentions
                    if m.category != "country" or names.find(1, m.tok_start, m.tok_end) < 0]
    # by start, then longest first; a stable sort keeps the kept order among equal spans
    keys = [(m.start << 32) - m.end for m in mentions]
    return list(map(mentions.__getitem__, sorted(range(len(mentions)), key=keys.__getitem__)))


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
