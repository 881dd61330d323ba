from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.match import find_mentions, resolve_ambiguous
from marsad.model import Token
from marsad.normalize import normalize
from marsad.pipeline import Pipeline
from marsad.reader import RawDoc
from marsad.tokens import as_tokens, tokenize


def _found(text, res, category=None):
    toks = tokenize(normalize(text).text)
    ms = find_mentions(toks, res)
    resolve_ambiguous(ms, toks, res)
    return [(m.category, m.entry_id, m.prefix) for m in ms if category is None or m.category == category]


@pytest.mark.parametrize(("text", "entry", "prefix"), [
    ("قاعدة عين الأسد", "ain-al-asad", ""),
    ("وبقاعدة عين الاسد", "ain-al-asad", "وب"),
    ("للتنف", "al-tanf", "ل"),
    ("وللتنف", "al-tanf", "ول"),
    ("بالتنف", "al-tanf", "ب"),
    ("حقل كونوكو", "conoco", ""),
    ("مطار رميلان", "kharab-al-jir", ""),
    ("قاعدة باشور الجوية", "harir", ""),
])
def test_match_site_with_clitics_and_variants(resources, text, entry, prefix):
    sites = _found(text, resources, "site")
    assert sites == [("site", entry, prefix)]


def test_match_requires_word_boundaries(resources):
    # "الاحداث" contains "الاحد"-like letters and "التنفيذ" starts with "التنف": neither is a place
    assert _found("التنفيذ الأحداث", resources, "site") == []


def test_match_longest_alias_wins(resources):
    found = _found("السفارة الأمريكية في بغداد", resources)
    assert ("site", "us-embassy-baghdad", "") in found
    assert ("place", "baghdad", "") not in found


def test_match_alias_across_quote_marks(resources):
    assert ("actor", "kataib-hezbollah", "") in _found("نفى “حزب الله” العراقي ذلك", resources)


def test_match_verb_suffixes_only_for_suffix_forms(resources):
    assert ("trigger", "attack", "و") in _found("واستهدفوا", resources, "trigger")
    # a gazetteer alias does not accept a suffix
    assert _found("التنفها", resources, "site") == []


def test_match_future_prefix_is_recorded(resources):
    trig = [m for m in _found("ستستهدف", resources, "trigger")]
    assert trig and all("س" in p for _c, _e, p in trig)


def test_match_weapon_form_carries_count(resources):
    toks = tokenize(normalize("بطائرتين مسيرتين").text)
    ms = [m for m in find_mentions(toks, resources) if m.category == "weapon"]
    assert ms[0].entry_id == "drone" and ms[0].attrs["count"] == 2


def test_match_ambiguous_alias_uses_context_hint(resources):
    assert ("place", "al-walid-crossing-hasakah", "") in _found("عبرت قافلة معبر الوليد", resources)
    found = _found("عبرت قافلة معبر الوليد قرب التنف", resources)
    assert ("place", "al-walid-crossing-anbar", "") in found


# --- tokenizer --------------------------------------------------------------------------------------

# The token grammar as first written (two alternatives rescanning a plain word); TOKEN_RE is a faster
# form of it and must cut every text the same way.
_SPEC_TOKEN_RE = re.compile(r"[^\W\d_]*\d+(?:[.,]\d+)*|[^\W_]+|[.،؛؟!:,;?\n]")


# letters and digits of several scripts, marks, and characters beyond U+FFFF (a letter, an emoji),
# which send the text to the other split
@given(st.text(alphabet=st.sampled_from(list("ابتلمهوي 0123٤٥.,،؛؟!:;?\n_-²½aZ\u0670жЯ中ー۵\U0001d400\U0001f600")),
               max_size=80))
@settings(max_examples=300)
def test_tokenize_cuts_like_the_token_grammar(text):
    expected = [Token(m.start(), m.end(), m.group()) for m in _SPEC_TOKEN_RE.finditer(text)]
    toks = tokenize(text)
    assert list(toks) == expected
    assert (toks.starts, toks.ends, toks.texts) == ([t.start for t in expected], [t.end for t in expected],
                                                    [t.text for t in expected])


def test_tokenize_cuts_every_bmp_character_as_the_token_grammar():
    # the split used for texts without characters beyond U+FFFF lists the letters of U+0000..U+FFFF:
    # each character, alone or with a digit after it, must be cut as the token grammar cuts it
    chars = [chr(c) for c in range(0x10000)]
    for i in range(0, len(chars), 1024):
        chunk = chars[i:i + 1024]
        text = " ".join(chunk) + " " + "5 ".join(chunk) + "".join(chunk)
        assert list(tokenize(text)) == [Token(m.start(), m.end(), m.group()) for m in _SPEC_TOKEN_RE.finditer(text)]
    assert tokenize("قصف\U0001d400ب 😀 5").texts == ["قصف\U0001d400ب", "5"]


def test_tokens_behave_as_a_sequence_of_token_tuples():
    toks = tokenize("قصفت 3 طائرات، ب5 صواريخ.")
    assert len(toks) == 7
    assert toks[0] == Token(0, 4, "قصفت") and toks[0].text == "قصفت"
    assert toks[-1] == Token(24, 25, ".")
    assert toks[1:3] == [Token(5, 6, "3"), Token(7, 13, "طائرات")]
    assert as_tokens(list(toks)) == toks
    assert [t.text for t in toks] == toks.texts


def test_find_mentions_same_from_token_list_or_tokens(resources):
    toks = tokenize(normalize("وقصفت طائرات مسيرة أمريكية قاعدة عين الأسد وللتنف").text)
    from_tokens = find_mentions(toks, resources)
    from_list = find_mentions(list(toks), resources)
    assert [(m.category, m.entry_id, m.start, m.end, m.prefix) for m in from_tokens] == \
           [(m.category, m.entry_id, m.start, m.end, m.prefix) for m in from_list]
    assert {("site", "ain-al-asad"), ("site", "al-tanf")} <= {(m.category, m.entry_id) for m in from_tokens}


def test_match_suffix_only_at_the_token_end(resources):
    # a suffix form matches with a listed suffix, not with a suffix followed by more letters
    assert ("trigger", "attack", "و") in _found("واستهدفوا", resources, "trigger")
    assert _found("واستهدفواكم", resources, "trigger") == []


# --- early exit -------------------------------------------------------------------------------------

def test_early_exit_gives_the_same_records(pipeline):
    docs = [RawDoc("quiet", "افتتح وزير التعليم مدرسة جديدة في بغداد يوم الأحد وسط حضور الأهالي.",
                   published=dt.date(2024, 1, 7)),
            RawDoc("event", "استهدفت طائرة مسيرة قاعدة عين الأسد غربي العراق فجر الأحد.",
                   published=dt.date(2024, 1, 7))]
    fast = [pipeline.process(d) for d in docs]
    slow_pipeline = Pipeline(pipeline.resources, pipeline.date_lexicon, pipeline.options, early_exit=False)
    slow = [slow_pipeline.process(d) for d in docs]
    assert [d.to_json() for d in fast] == [d.to_json() for d in slow]
    assert fast[0].mentions and not fast[0].sentences and slow[0].sentences  # skipped after matching
    assert fast[1].events and fast[1].sentences


# --- where a match starts ---------------------------------------------------------------------------

_WORDS = ["قاعدة", "عين", "الأسد", "التنف", "للتنف", "وللتنف", "بالتنف", "فالتنف", "قالتنف", "العراق", "للعراق",
          "والعراق", "قاعدتها", "استهدفوا", "واستهدفوا", "ستستهدف", "طائرة", "مسيرة", "بطائرتين", "هجوم", "بهجوم",
          "كالهجوم", "حزب", "الله", "الولايات", "المتحدة", "3", "5", ".", "،", "\n", "xyz", "«"]


@given(st.lists(st.sampled_from(_WORDS), max_size=12))
@settings(max_examples=300)
def test_mentions_start_after_a_listed_clitic_and_move_with_the_text(resources, words):
    """A mention starts at its first token's start plus a listed clitic prefix and ends at its last
    token's end; putting a mark before the text moves every mention by one token, and adds none."""
    text = " ".join(words)
    toks = tokenize(normalize(text).text)
    found = find_mentions(toks, resources)
    for m in found:
        first = toks[m.tok_start]
        assert m.prefix == "" or m.prefix in resources.prefixes | {"ل", "ول", "فل"}
        assert first.text.startswith(m.prefix)
        assert (m.start, m.end) == (first.start + len(m.prefix), toks[m.tok_end - 1].end)
    moved = find_mentions(tokenize(normalize(". " + text).text), resources)
    assert [(m.category, m.entry_id, m.start - 2, m.end - 2, m.tok_start - 1, m.tok_end - 1, m.prefix)
            for m in moved] == [(m.category, m.entry_id, m.start, m.end, m.tok_start, m.tok_end, m.prefix)
                                for m in found]
