"""Stage: sentence and clause segmentation for news Arabic.

Reads ``doc.tokens``; adds ``doc.sentences``.  A sentence ends at . ! ? ؟ ؛ or a line break; a clause
also ends at ، , : ;.  A full stop after a one-letter token is an abbreviation (د. م. أ.) and does not
end the sentence; decimal numbers never reach here split (the tokenizer keeps "3.5" whole).  A blank
line or a single line break starts a new paragraph (news bodies put one paragraph a line).
"""

from __future__ import annotations

from marsad.model import Document, Sentence, Token

SENTENCE_END = frozenset(".!?؟؛\n")
CLAUSE_END = frozenset("،,:;")


def segment(tokens: list[Token]) -> list[Sentence]:
    sentences: list[Sentence] = []
    paragraph = 0
    start_tok = 0
    clause_start = 0
    clauses: list[tuple[int, int]] = []

    def close(end_tok: int, newline: bool) -> None:
        nonlocal start_tok, clause_start, clauses, paragraph
        if end_tok > start_tok and any(t.text not in SENTENCE_END and t.text not in CLAUSE_END
                                       for t in tokens[start_tok:end_tok]):
            if clause_start < end_tok:
                clauses.append((clause_start, end_tok))
            last = end_tok - 1
            while last > start_tok and tokens[last].text == "\n":
                last -= 1
            sentences.append(Sentence(start=tokens[start_tok].start, end=tokens[last].end,
                                      paragraph=paragraph, index=len(sentences), tok_start=start_tok,
                                      tok_end=end_tok, clauses=tuple(clauses)))
        start_tok = clause_start = end_tok
        clauses = []
        if newline and sentences and sentences[-1].paragraph == paragraph:
            paragraph += 1

    for i, tok in enumerate(tokens):
        t = tok.text
        if t == "\n":
            close(i + 1, True)
        elif t in SENTENCE_END:
            if t == "." and i > 0 and len(tokens[i - 1].text) == 1 and tokens[i - 1].text.isalpha():
                continue  # abbreviation such as "د."
            close(i + 1, False)
        elif t in CLAUSE_END:
            clauses.append((clause_start, i + 1))
            clause_start = i + 1
    close(len(tokens), False)
    return sentences


def run(doc: Document) -> Document:
    doc.sentences = segment(doc.tokens)
    return doc
