"""Stage: clitic-aware lexicon and gazetteer matching (Aho-Corasick over the token string).

Reads ``doc.norm``; adds ``doc.tokens`` and ``doc.mentions``.

The automaton runs over the document's word tokens joined by single spaces, so quotes, hyphens and
double spaces between words do not break a multi-word alias ("حزب الله" العراقي").  A key may start
inside a token only after a clitic prefix listed in the lexicon (و ف ب ل ك ال لل ...), and may end inside
a token only for forms marked ``suffix: true`` and only before a listed suffix.  Within one group
(all locations and actors; all weapons; each trigger or cue class) the longest match wins.

The token string is built once per document from the tokenizer's lists, with a running sum of the word
lengths giving each token's place in it; a hit that starts and ends on token boundaries (most of them)
skips the clitic checks.
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


def _group(p: Pattern) -> str:
    if p.category in ("site", "place", "actor"):
        return "gazetteer"
    if p.category in ("weapon", "number", "country"):
        return p.category
    return f"{p.category}:{p.entry_id}"


def find_mentions(tokens: Sequence[Token], res: Resources) -> list[Mention]:
    """All valid lexicon matches over ``tokens``, overlaps resolved per group (longest, then leftmost)."""
    toks = as_tokens(tokens)
    texts = toks.texts
    if not texts:
        return []
    words = list(map(_BAR.get, texts, texts))
    ts = " ".join(words)
    # bounds[i]: where token i starts in ts; bounds[i + 1] - 1: where it ends
    bounds = list(accumulate(map(_PLUS_ONE, map(len, words)), initial=0))
    prefixes, suffixes = res.prefixes, res.suffixes
    # (-tokens spanned, -characters with the prefix, first token, pattern, prefix)
    candidates: list[tuple[int, int, int, Pattern, str]] = []
    add = candidates.append
    for end, (length, patterns) in res.automaton.iter(ts):
        start = end - length + 1
        ti = bisect_right(bounds, start) - 1
        tok_start = bounds[ti]
        ntok = ts.count(" ", start, end) + 1
        tail_end = bounds[ti + ntok] - 1
        if tok_start == start and end + 1 == tail_end:  # whole tokens: no clitic to check
            for p in patterns:
                if not p.article_prefix:
                    add((-ntok, -length, ti, p, ""))
            continue
        prefix = ts[tok_start:start]
        tail = ts[end + 1:tail_end]
        for p in patterns:
            if p.article_prefix:
                if prefix not in _LIL_PREFIXES:
                    continue
            elif prefix and prefix not in prefixes:
                continue
            if tail and not (p.suffix and tail in suffixes):
                continue
            add((-ntok, -length - len(prefix), ti, p, prefix))
    if not candidates:
        return []
    # longest first, then leftmost; keep non-overlapping per group
    candidates.sort(key=_BY_SPAN_LENGTH_POSITION)
    taken: dict[str, bytearray] = {}  # per group, which tokens a kept match covers
    mentions: list[Mention] = []
    n_tok = len(texts)
    starts, ends = toks.starts, toks.ends
    for neg_ntok, _len, ti, p, prefix in candidates:
        tj = ti - neg_ntok
        g = _group(p)
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
