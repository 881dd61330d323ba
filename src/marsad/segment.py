"""Stage: sentence and clause segmentation for news Arabic.

Reads ``doc.tokens``; adds ``doc.sentences``.  A sentence ends at . ! ? ؟ ؛ or a line break; a clause
also ends at ، , : ;.  A full stop after a one-letter token is an abbreviation (د. م. أ.) and does not
end the sentence; decimal numbers never reach here split (the tokenizer keeps "3.5" whole).  A blank
line or a single line break starts a new paragraph (news bodies put one paragraph a line).

Only the punctuation tokens are visited: each token is first mapped to one "kind" character (a word,
a line break, a full stop, another sentence end, a clause end) and the marks are found in that string.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import repeat

from marsad.model import Document, Sentence, Token
from marsad.tokens import as_tokens

SENTENCE_END = frozenset(".!?؟؛\n")
CLAUSE_END = frozenset("،,:;")
# one character per token: w word or number, n line break, d full stop, s other sentence end, c clause end
_KIND = {"\n": "n", ".": "d", **dict.fromkeys("!?؟؛", "s"), **dict.fromkeys("،,:;", "c")}
_MARK = re.compile("[ndsc]")


def segment(tokens: Sequence[Token]) -> list[Sentence]:
    toks = as_tokens(tokens)
    texts, starts, ends = toks.texts, toks.starts, toks.ends
    kinds = "".join(map(_KIND.get, texts, repeat("w")))
    sentences: list[Sentence] = []
    paragraph = 0
    start_tok = 0
    clause_start = 0
    clauses: list[tuple[int, int]] = []

    def close(end_tok: int, newline: bool) -> None:
        nonlocal start_tok, clause_start, clauses, paragraph
        if kinds.find("w", start_tok, end_tok) >= 0:  # some word, not only marks
            if clause_start < end_tok:
                clauses.append((clause_start, end_tok))
            last = end_tok - 1
            while last > start_tok and kinds[last] == "n":
                last -= 1
            # positional (start, end, paragraph, index, tok_start, tok_end, clauses): a tenth faster
            sentences.append(Sentence(starts[start_tok], ends[last], paragraph, len(sentences), start_tok, end_tok,
                                      tuple(clauses)))
        start_tok = clause_start = end_tok
        clauses = []
        if newline and sentences and sentences[-1].paragraph == paragraph:
            paragraph += 1

    for m in _MARK.finditer(kinds):
        i = m.start()
        kind = kinds[i]
        if kind == "n":
            close(i + 1, True)
        elif kind == "c":
            clauses.append((clause_start, i + 1))
            clause_start = i + 1
        else:
            if kind == "d" and i > 0 and len(texts[i - 1]) == 1 and texts[i - 1].isalpha():
                continue  # abbreviation such as "د."
            close(i + 1, False)
    close(len(texts), False)
    return sentences


def run(doc: Document) -> Document:
    doc.sentences = segment(doc.tokens)
    return doc
