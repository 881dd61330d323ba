from __future__ import annotations

import pytest

from marsad.match import find_mentions, resolve_ambiguous
from marsad.normalize import normalize
from marsad.tokens import tokenize


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
