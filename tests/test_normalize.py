from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.normalize import (
    _map_char,
    normalize,
    normalize_alef,
    normalize_alef_maksura,
    normalize_diacritics,
    normalize_digits,
    normalize_key,
    normalize_persian_letters,
    normalize_punctuation,
    normalize_tatweel,
    normalize_teh_marbuta,
)


@pytest.mark.parametrize(("func", "raw", "expected"), [
    (normalize_alef, "أإآٱ", "اااا"),
    (normalize_alef_maksura, "مستشفى", "مستشفي"),
    (normalize_teh_marbuta, "قاعدة", "قاعده"),
    (normalize_tatweel, "الـمسيّرة", "المسيّرة"),
    (normalize_diacritics, "مُسَيَّرَةٌ", "مسيرة"),
    (normalize_persian_letters, "الکيان یک", "الكيان يك"),
    (normalize_digits, "٩٢ و۱۷", "92 و17"),
    (normalize_punctuation, "«المقاومة» “بيان”", '"المقاومة" "بيان"'),
])
def test_normalize_each_decision(func, raw, expected):
    assert func(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), [
    ("قاعدة عين الأسد", "قاعده عين الاسد"),
    ("الـ\u200fتنف", "التنف"),  # tatweel and a bidi mark disappear
    ("ﻻ", "لا"),  # presentation-form ligature expands to two letters
    ("مسئول مسؤول", "مسيول مسوول"),
    ("أمس\u00a0الاثنين", "امس الاثنين"),
    ("a\r\nb", "a\nb"),
])
def test_normalize_composed_chain(raw, expected):
    assert normalize(raw).text == expected


def test_normalize_key_collapses_spaces():
    assert normalize_key("  قاعدة   التنف ") == "قاعده التنف"


def test_normalize_offsets_point_to_source_characters():
    text = "وَقَعَ «هجوم» ١٢"
    n = normalize(text)
    assert n.text == 'وقع "هجوم" 12'
    start = n.text.index("هجوم")
    s, e = n.to_original(start, start + 4)
    assert text[s:e] == "هجوم"
    s, e = n.to_original(n.text.index("12"), len(n.text))
    assert text[s:e] == "١٢"


@given(st.text())
@settings(max_examples=300)
def test_normalize_is_idempotent(text):
    once = normalize(text).text
    assert normalize(once).text == once


@given(st.text())
@settings(max_examples=300)
def test_normalize_offsets_in_bounds_and_monotonic(text):
    n = normalize(text)
    assert len(n.offsets) == len(n.text) + 1
    assert n.offsets[-1] == len(text)
    assert all(0 <= o <= len(text) for o in n.offsets)
    assert list(n.offsets) == sorted(n.offsets)


@given(st.text(alphabet=st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهوي أإآىةـًٌٍَُِّْ٠١٢٣ﻻ«»\u200f،.ک")), max_size=60))
@settings(max_examples=300)
def test_normalize_offsets_round_trip(text):
    """Normalising the original span of every normalised character gives that character back."""
    n = normalize(text)
    for i, ch in enumerate(n.text):
        s, e = n.to_original(i, i + 1)
        assert ch in normalize(text[s:e]).text
    # a whole-text span maps back to a span whose normalisation is the whole normalised text
    if n.text:
        s, e = n.to_original(0, len(n.text))
        assert normalize(text[s:e]).text == n.text


@given(st.text(alphabet=st.sampled_from(list("ابتة أإىـًٌَُّْ\u200f\u200b\r\u0670ﻻﷲ…٣«a ")), max_size=60))
@settings(max_examples=300)
def test_normalize_offsets_match_the_per_character_map(text):
    """The fast paths (translate + a lazily built map) give the map of normalising one character at a time."""
    expected_text, expected_offsets = "", []
    for i, ch in enumerate(text):
        mapped = _map_char(ch)
        expected_text += mapped
        expected_offsets += [i] * len(mapped)
    n = normalize(text)
    assert n.text == expected_text
    assert list(n.offsets) == [*expected_offsets, len(text)]


@given(st.text(alphabet=st.sampled_from(list("ابتة أإىـًٌَُّْ\u200f\u200b\r\u0670a ")), max_size=60))
@settings(max_examples=300)
def test_normalize_to_original_without_the_map(text):
    """For a text that only loses characters, to_original answers from the runs of kept characters
    exactly as the per-character map does, for every span, without building the map."""
    offsets = []
    for i, ch in enumerate(text):
        offsets += [i] * len(_map_char(ch))
    offsets.append(len(text))
    n = normalize(text)
    size = len(n.text)
    for start in range(size + 1):
        for end in range(start, size + 1):
            expected = (offsets[start], offsets[start]) if start == end else (offsets[start], offsets[end - 1] + 1)
            assert n.to_original(start, end) == expected
    assert n._offsets is None  # answered from the runs: the map was never built
    assert list(n.offsets) == offsets
