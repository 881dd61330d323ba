from __future__ import annotations

from marsad.normalize import normalize
from marsad.segment import segment
from marsad.tokens import tokenize


def _sentences(text: str) -> list[str]:
    n = normalize(text)
    return [n.text[s.start:s.end] for s in segment(tokenize(n.text))]


def test_segment_splits_on_full_stop_and_question_mark():
    assert _sentences("سقطت قذيفة. هل من ضحايا؟ لا") == ["سقطت قذيفه.", "هل من ضحايا؟", "لا"]


def test_segment_keeps_decimal_numbers_whole():
    assert _sentences("بلغت المسافة 3.5 كيلومتر. ثم توقف") == ["بلغت المسافه 3.5 كيلومتر.", "ثم توقف"]


def test_segment_abbreviation_does_not_end_sentence():
    assert len(_sentences("قال د. أحمد إن الهجوم فشل.")) == 1


def test_segment_line_break_starts_new_paragraph():
    n = normalize("الفقرة الأولى\nالفقرة الثانية. جملة ثالثة")
    sents = segment(tokenize(n.text))
    assert [s.paragraph for s in sents] == [0, 1, 1]


def test_segment_clauses_split_on_arabic_comma():
    n = normalize("استهدفت مسيرة القاعدة، وفق مصدر أمني؛ ولم تقع إصابات")
    sents = segment(tokenize(n.text))
    assert len(sents) == 2
    assert len(sents[0].clauses) == 2


def test_segment_ignores_empty_lines():
    assert _sentences("\n\n  \nنص\n\n") == ["نص"]
