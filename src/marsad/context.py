"""Shared look-ups over a matched document: mentions per sentence, numbers next to a word, dates.

Used by the frame and tally stages so neither re-implements the other's helpers.
"""

from __future__ import annotations

import bisect
import functools
import operator
import re
from dataclasses import dataclass, field

from marsad.lexicon import Resources
from marsad.model import DateMention, Document, Mention, Sentence
from marsad.tokens import as_tokens

_DIGITS = re.compile(r"^[^\d]{0,3}?(\d+(?:[.,]\d{3})*)$")
PERPETRATOR_KINDS = frozenset({"armed-group"})
STRIKERS = {"us-forces": "us-forces", "us-centcom": "us-forces", "us-dod": "us-forces", "coalition": "coalition",
            "israel": "israel", "turkey": "turkey", "jordan-government": "jordan-government"}
TARGET_ACTORS = frozenset({"us-forces", "coalition"})
US_SIDE = frozenset({"us-forces", "coalition", "us-centcom", "us-dod"})
TENS = frozenset({20, 30, 40, 50, 60, 70, 80, 90})  # "خمس وأربعين": unit + و + tens
_TOK_START = operator.attrgetter("tok_start")
_NONE: list[Mention] = []  # shared empty result of SentenceView.get (never mutated)


@functools.lru_cache(maxsize=128)
def _any_of(words: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for a word list (a pure function of the list, so its result is memoised)."""
    return re.compile("|".join(map(re.escape, words)))


@dataclass(slots=True)
class SentenceView:
    sentence: Sentence
    mentions: list[Mention]
    dates: list[tuple[int, DateMention]]  # (token index, mention)
    # category -> its mentions, and (category, entry id) -> theirs: one dict for both look-ups
    index: dict[str | tuple[str, str], list[Mention]] = field(default_factory=dict)

    def get(self, category: str, entry_id: str | None = None) -> list[Mention]:
        """The sentence's mentions of a category (and entry id), in text order.  Callers must not mutate
        the list returned."""
        return self.index.get(category if entry_id is None else (category, entry_id), _NONE)

    def clause_of(self, tok: int) -> int:
        for i, (a, b) in enumerate(self.sentence.clauses):
            if a <= tok < b:
                return i
        return -1


class DocContext:
    """Indexes of one document, built once after matching and date finding."""

    def __init__(self, doc: Document, res: Resources) -> None:
        self.doc = doc
        self.res = res
        toks = as_tokens(doc.tokens)  # parallel lists: no Token object per look-up
        self.tok_starts = toks.starts
        self.tok_ends = toks.ends
        self.tok_texts = toks.texts
        self._n_tokens = len(toks.texts)
        self.numbers_end: dict[int, Mention] = {}
        self.numbers_start: dict[int, Mention] = {}
        self.people_start: dict[int, list[Mention]] = {}
        self.people_end: dict[int, list[Mention]] = {}
        for m in doc.mentions:
            if m.category == "casualty" and m.entry_id.startswith("people"):
                self.people_start.setdefault(m.tok_start, []).append(m)
                self.people_end.setdefault(m.tok_end, []).append(m)
            if m.category == "number":
                self.numbers_end[m.tok_end] = m
                self.numbers_start[m.tok_start] = m
        self.views: list[SentenceView] = []
        # word list (by identity: the rule words' tuples live as long as the resources) -> its pattern
        self._patterns: dict[int, tuple[tuple[str, ...], re.Pattern[str]]] = {}
        self.tally_sentences: dict[int, set[str]] = {}  # sentence index -> what was counted there
        mi = 0
        mentions = sorted(doc.mentions, key=_TOK_START)
        n_mentions = len(mentions)
        dates = [(self.token_at(d.start), d) for d in doc.dates]
        di = 0
        for s in doc.sentences:
            ms: list[Mention] = []
            end = s.tok_end
            while mi < n_mentions and mentions[mi].tok_start < end:
                if mentions[mi].tok_start >= s.tok_start:
                    ms.append(mentions[mi])
                mi += 1
            ds: list[tuple[int, DateMention]] = []
            while di < len(dates) and dates[di][0] < end:
                if dates[di][0] >= s.tok_start:
                    ds.append(dates[di])
                di += 1
            view = SentenceView(s, ms, ds)
            if ms:
                index = view.index
                for m in ms:
                    cat = m.category
                    found = index.get(cat)
                    if found is None:
                        index[cat] = [m]
                    else:
                        found.append(m)
                    key = (cat, m.entry_id)
                    found = index.get(key)
                    if found is None:
                        index[key] = [m]
                    else:
                        found.append(m)
            self.views.append(view)

    def token_at(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.tok_starts, offset) - 1)

    def tok(self, i: int) -> str:
        if 0 <= i < self._n_tokens:
            return self.tok_texts[i]
        return ""

    def number_at(self, i: int) -> tuple[int | None, int, int] | None:
        """The number whose last token is ``i`` -> (value or None if vague, tok_start, tok_end)."""
        m = self.numbers_end.get(i + 1)
        if m is not None and m.surface in self.res.words.thousands and m.tok_start == i:
            # "3 آلاف" / "ثلاثة آلاف" / "عشرة آلاف": a number times a thousand
            head = self.number_at(i - 1)
            if head is not None and head[0] is not None and head[0] < 1000:
                return head[0] * 1000, head[1], i + 1
        if m is not None and m.entry_id == "2" and m.prefix.endswith("ال"):
            return None  # "الاثنين" is Monday
        if m is not None and m.entry_id != "vague" and m.prefix == "و" and m.tok_start == i \
                and int(m.entry_id) in TENS:
            # "خمس وأربعين شاحنة": a unit and its tens, written in words
            unit = self.numbers_end.get(i)
            if unit is not None and unit.entry_id != "vague" and 1 <= int(unit.entry_id) <= 9:
                return int(unit.entry_id) + int(m.entry_id), unit.tok_start, m.tok_end
        if m is not None and m.entry_id != "vague" and m.prefix == "و" and m.tok_start == i:
            # "مئة وخمسين", "ثلاثة آلاف وخمسمئة": hundreds or thousands and the rest, written in words
            head = self.number_at(i - 1)
            value = int(m.entry_id)
            if head is not None and head[0] is not None and head[0] % 100 == 0 and head[0] > value \
                    and self.numbers_end.get(i) is not None:
                return head[0] + value, head[1], m.tok_end
        if m is not None:
            return (None if m.entry_id == "vague" else int(m.entry_id)), m.tok_start, m.tok_end
        match = _DIGITS.match(self.tok(i))
        if match and self._designation(i, match.group(0)[: match.start(1)]):
            return None
        if match:
            try:
                value = int(match.group(1).replace(",", "").replace(".", ""))
            except ValueError:
                return None
            return value, i, i + 1
        return None

    def _designation(self, i: int, lead: str) -> bool:
        """"إف-15", "MQ-9", "F16": digits joined by a hyphen to a word, or glued to Latin letters, are a
        model's designation, not a number of anything."""
        if any("a" <= ch.lower() <= "z" for ch in lead):
            return True
        if i <= 0 or self.doc.norm is None:
            return False
        gap = self.doc.norm.text[self.tok_ends[i - 1]:self.tok_starts[i]]
        return gap in ("-", "\u2010", "\u2011", "\u2013") and not any(ch.isdigit() for ch in self.tok(i - 1))

    def number_before(self, i: int, skip: int = 1) -> tuple[int | None, int, int] | None:
        """A number just before token ``i`` (allowing one approximator such as نحو / أكثر من)."""
        j = i - 1
        for _ in range(skip + 1):
            found = self.number_at(j)
            if found is not None:
                return found
            word = self.tok(j)
            if word in self.res.approx_numbers or word in ("من", "ب", "نحو", "قرابه", "حوالي"):
                j -= 1
                continue
            prev2 = f"{self.tok(j - 1)} {word}"
            if prev2 in self.res.approx_numbers:
                j -= 2
                continue
            break
        return None

    def number_after(self, i: int) -> tuple[int | None, int, int] | None:
        """A number starting at token ``i`` or just after one approximator."""
        j = i
        for _ in range(3):
            m = self.numbers_start.get(j)
            if m is not None:
                whole = self.number_at(m.tok_end) if m.entry_id != "vague" else None
                if whole is not None and whole[1] == m.tok_start and whole[0] is not None:
                    return whole  # "خمسة وعشرين مقاتلا", "ثلاثة آلاف": the whole number written in words
                return (None if m.entry_id == "vague" else int(m.entry_id)), m.tok_start, m.tok_end
            found = self.number_at(j)
            if found is not None:
                return found
            word = self.tok(j)
            two = f"{word} {self.tok(j + 1)}"
            if two in self.res.approx_numbers:
                j += 2
            elif word in self.res.approx_numbers:
                j += 1
            else:
                break
        return None

    def says(self, view: SentenceView, words: tuple[str, ...]) -> bool:
        """The sentence's normalised text contains one of ``words`` somewhere (a cheap test before a rule
        looks at its tokens one by one)."""
        norm = self.doc.norm
        if norm is None:
            return True
        pattern = self._patterns.get(id(words))
        if pattern is None or pattern[0] is not words:
            pattern = self._patterns[id(words)] = (words, _any_of(words))
        return pattern[1].search(norm.text, view.sentence.start, view.sentence.end) is not None

    def coordinated(self, i: int) -> bool:
        """The number at token ``i`` carries the conjunction "و" ("قتيل وتسعة جرحى", "و5 على أربيل"): it
        opens a new phrase instead of counting the word before it."""
        m = self.numbers_start.get(i)
        if m is not None:
            return m.prefix.startswith("و")
        text = self.tok(i)
        return text[:1] == "و" and text[1:2].isdigit()

    def us_side(self, view: SentenceView) -> bool:
        """The sentence names US or coalition forces (or their statement), a coalition base, or a US base."""
        if view.get("cue", "coalition_target") or view.get("site"):
            return True
        if any(a.entry_id in US_SIDE for a in view.get("actor")):
            return True
        return any(self.us_adjective(j) for j in range(view.sentence.tok_start, view.sentence.tok_end))

    def us_adjective(self, j: int) -> bool:
        """Token ``j`` is "أمريكي/أميركية..." describing people or forces (not "دولار أمريكي")."""
        return self.tok(j).startswith(self.res.words.us_adjectives) and not self.tok(j - 1).endswith("دولار")

    def people_at(self, i: int) -> list[Mention]:
        return self.people_start.get(i, [])

    def people_ending(self, i: int) -> list[Mention]:
        """People words whose last token is just before token ``i``."""
        return self.people_end.get(i, [])

    def span_of(self, tok_start: int, tok_end: int) -> tuple[int, int]:
        return self.tok_starts[tok_start], self.tok_ends[tok_end - 1]
