"""Stage: clitic-aware lexicon and gazetteer matching (Aho-Corasick over the token string).

Reads ``doc.norm``; adds ``doc.tokens`` and ``doc.mentions``.

The automaton runs over the document's word tokens joined by single spaces, so quotes, hyphens and
double spaces between words do not break a multi-word alias ("حزب الله" العراقي").  A key may start
inside a token only after a clitic prefix listed in the lexicon (و ف ب ل ك ال لل ...), and may end inside
a token only for forms marked ``suffix: true`` and only before a listed suffix.  Within one group
(all locations and actors; all weapons; each trigger or cue class) the longest match wins.
"""

from __future__ import annotations

from bisect import bisect_right

from marsad.lexicon import Pattern, Resources
from marsad.model import Document, Mention, Token
from marsad.tokens import PUNCT, tokenize

_LIL_PREFIXES = frozenset({"ل", "ول", "فل"})


def _group(p: Pattern) -> str:
    if p.category in ("site", "place", "actor"):
        return "gazetteer"
    if p.category in ("weapon", "number", "country"):
        return p.category
    return f"{p.category}:{p.entry_id}"


def find_mentions(tokens: list[Token], res: Resources) -> list[Mention]:
    """All valid lexicon matches over ``tokens``, overlaps resolved per group (longest, then leftmost)."""
    if not tokens:
        return []
    words = [t.text if t.text not in PUNCT else "|" for t in tokens]
    ts = " ".join(words)
    # each token's start in ts; the token of a character is found by bisection
    starts = []
    pos = 0
    for w in words:
        starts.append(pos)
        pos += len(w) + 1
    candidates: list[tuple[int, int, int, Pattern, str]] = []  # (tok_start, tok_end, length, pattern, prefix)
    for end, (length, patterns) in res.automaton.iter(ts):
        start = end - length + 1
        ti = bisect_right(starts, start) - 1
        tj = bisect_right(starts, end) - 1
        prefix = ts[starts[ti]:start]
        tail = ts[end + 1: starts[tj] + len(words[tj])]
        for p in patterns:
            if p.article_prefix:
                if prefix not in _LIL_PREFIXES:
                    continue
            elif prefix and prefix not in res.prefixes:
                continue
            if tail and not (p.suffix and tail in res.suffixes):
                continue
            candidates.append((ti, tj + 1, length + len(prefix), p, prefix))
    # longest first, then leftmost; keep non-overlapping per group
    candidates.sort(key=lambda c: (-(c[1] - c[0]), -c[2], c[0]))
    taken: dict[str, bytearray] = {}  # per group, which tokens a kept match covers
    mentions: list[Mention] = []
    n_tok = len(tokens)
    for ti, tj, _len, p, prefix in candidates:
        g = _group(p)
        occupied = taken.get(g)
        if occupied is None:
            occupied = taken[g] = bytearray(n_tok)
        if any(occupied[ti:tj]):
            continue
        occupied[ti:tj] = b"\x01" * (tj - ti)
        first, last = tokens[ti], tokens[tj - 1]
        attrs: dict[str, object] = {}
        if p.count is not None:
            attrs["count"] = p.count
        mentions.append(Mention(category=p.category, entry_id=p.entry_id, start=first.start + len(prefix),
                                end=last.end, surface=p.key, tok_start=ti, tok_end=tj, prefix=prefix,
                                attrs=attrs))
    # a country word inside a name ("المرصد السوري", "زمار العراقية" stays: only overlaps are dropped)
    names = taken.get("gazetteer")
    if names is not None:
        mentions = [m for m in mentions if m.category != "country" or not any(names[m.tok_start:m.tok_end])]
    mentions.sort(key=lambda m: (m.start, -m.end))
    return mentions


def resolve_ambiguous(mentions: list[Mention], tokens: list[Token], res: Resources) -> None:
    """Swap an ambiguous alias's default entry for an alternative when a hint word occurs in the text."""
    if not res.ambiguous:
        return
    present = {t.text for t in tokens}
    text = " ".join(t.text for t in tokens)
    for m in mentions:
        spec = res.ambiguous.get(m.surface)
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
