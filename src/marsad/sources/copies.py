"""Syndicated copies: the same agency text republished by several outlets.

:class:`CopyDetector` keeps, for every text added, a MinHash of its word shingles (5 normalised words)
and indexes it twice in datasketch MinHash LSH: the whole text (Jaccard >= 0.5) and each paragraph
(Jaccard >= 0.6), so a reprint that adds or drops a paragraph, or an analysis around a quoted agency
text, is still found through the paragraphs it shares.  A candidate is confirmed by the estimated
*containment* of the shorter text in the longer one::

    |A ∩ B| ≈ J(A, B) · (|A| + |B|) / (1 + J(A, B))      containment = |A ∩ B| / min(|A|, |B|)

A text is a copy when that containment is >= ``threshold`` (0.5 by default: half the shorter text).  Texts shorter than
``min_shingles`` shingles (a headline, a one-line brief) are never called copies.  A copy of a copy
names the first text of the chain (``CopyMatch.doc_id``), and the text it matched (``via``).

Usage (the store calls it during ingest)::

    detector = CopyDetector()
    for doc in docs:
        match = detector.check(doc.id, doc.text)   # CopyMatch | None: the earlier text it copies
        detector.add(doc.id, doc.text)              # then it can be matched by later texts
        # record match.doc_id as copy_of when match is not None
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass

from datasketch import MinHash, MinHashLSH

from marsad.normalize import normalize_str

_WORD = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)
_PARA = re.compile(r"\n\s*\n|\n")


@dataclass(slots=True, frozen=True)
class CopyMatch:
    doc_id: str  # the first text of the copy chain (what ``copy_of`` should point to)
    similarity: float  # estimated containment of the shorter text in the longer, 0..1
    via: str  # the earlier text actually matched (== doc_id unless that one was itself a copy)


@dataclass(slots=True)
class _Entry:
    minhash: MinHash
    size: int  # number of distinct shingles
    root: str


class CopyDetector:
    """Incremental copy detection; ``check`` then ``add`` each text in arrival order."""

    def __init__(self, threshold: float = 0.5, *, num_perm: int = 128, shingle: int = 5,
                 min_shingles: int = 25) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError("threshold must be in (0, 1]")
        self.threshold, self.num_perm, self.shingle, self.min_shingles = threshold, num_perm, shingle, min_shingles
        self._docs = MinHashLSH(threshold=0.5, num_perm=num_perm)
        self._paras = MinHashLSH(threshold=0.6, num_perm=num_perm)
        self._entries: dict[str, _Entry] = {}
        template = MinHash(num_perm=num_perm, hashfunc=zlib.crc32)  # permutations drawn once: MinHash()
        # redraws them each time.  CRC-32 (C, deterministic) instead of datasketch's SHA-1 wrapper: that
        # wrapper was a third of the whole check's time.
        self._perms, self._scheme = template.permutations, template.scheme
        self._last: tuple[str, str, tuple[MinHash, int, list[MinHash]]] | None = None

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._entries

    def check(self, doc_id: str, text: str | None) -> CopyMatch | None:
        """The earlier text that ``text`` is a copy of (best containment), or None."""
        if not text or not self._entries:
            return None
        whole, size, paras = self._sketch_cached(doc_id, text)
        if size < self.min_shingles:
            return None
        candidates = set(self._docs.query(whole))
        for para in paras:
            candidates.update(key.split("\x1f", 1)[0] for key in self._paras.query(para))
        candidates.discard(doc_id)
        best: tuple[float, str] | None = None
        for cand in candidates:
            entry = self._entries.get(cand)
            if entry is None or entry.size < self.min_shingles or entry.root == doc_id:
                continue
            jaccard = whole.jaccard(entry.minhash)
            inter = jaccard * (size + entry.size) / (1.0 + jaccard)
            containment = min(1.0, inter / min(size, entry.size))
            if containment >= self.threshold and (best is None or containment > best[0]):
                best = (containment, cand)
        if best is None:
            return None
        return CopyMatch(self._entries[best[1]].root, round(best[0], 3), best[1])

    def add(self, doc_id: str, text: str | None, copy_of: CopyMatch | None = None, *,
            root: str | None = None) -> None:
        """Index ``text`` so that later texts can be matched to it (a second add of an id is ignored).

        Pass the CopyMatch ``check`` returned, if any, so that copies of this text name the original;
        without it, ``add`` looks it up itself.  ``root`` (the first text of its copy chain, or ``doc_id``
        itself for an original) skips the lookup: for seeding from stored documents."""
        if not text or doc_id in self._entries:
            return
        if root is None:
            if copy_of is None:
                copy_of = self.check(doc_id, text)
            root = copy_of.doc_id if copy_of else doc_id
        whole, size, paras = self._sketch_cached(doc_id, text)
        self._last = None
        self._entries[doc_id] = _Entry(whole, size, root)
        if size < self.min_shingles:
            return
        self._docs.insert(doc_id, whole)
        for i, para in enumerate(paras):
            self._paras.insert(f"{doc_id}\x1f{i}", para)

    # ------------------------------------------------------------------------------------- helpers

    def _sketch_cached(self, doc_id: str, text: str) -> tuple[MinHash, int, list[MinHash]]:
        """check() then add() of the same text sketch it once."""
        if self._last is not None and self._last[0] == doc_id and self._last[1] is text:
            return self._last[2]
        sketch = self._sketch(text)
        self._last = (doc_id, text, sketch)
        return sketch

    def _sketch(self, text: str) -> tuple[MinHash, int, list[MinHash]]:
        # every shingle is hashed once: the whole text's MinHash is the merge (element-wise minimum) of its
        # paragraphs' MinHashes, which equals the MinHash of the union of their shingles
        whole_set: set[bytes] = set()
        paras: list[MinHash] = []
        whole = self._minhash()
        for para in _PARA.split(text):
            shingles = self._shingles(para)
            if not shingles:
                continue
            whole_set |= shingles
            mh = self._minhash()
            mh.update_batch(list(shingles))
            whole.merge(mh)
            if len(shingles) >= self.min_shingles // 2:
                paras.append(mh)
        return whole, len(whole_set), paras

    def _minhash(self) -> MinHash:
        return MinHash(num_perm=self.num_perm, permutations=self._perms, scheme=self._scheme, hashfunc=zlib.crc32)

    def _shingles(self, text: str) -> set[bytes]:
        words = _WORD.findall(normalize_str(text))
        k = self.shingle
        if len(words) < k:
            return set()
        return {" ".join(words[i:i + k]).encode("utf-8") for i in range(len(words) - k + 1)}
