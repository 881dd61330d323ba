"""Argument rules (weapons, count, tolls, actors, tallies) on short snippets written for these tests."""

from __future__ import annotations

from marsad.pipeline import extract_texts

PUB = "2024-01-22"  # a Monday


def _doc(pipeline, text, published=PUB):
    (doc,) = extract_texts(pipeline, [("t", text, published)])
    assert doc.error is None, doc.error
    return doc


def _by_site(pipeline, text):
    return {e.location.id: e for e in _doc(pipeline, text).events if e.location is not None}


def test_args_bare_rocket_joined_to_ballistic_list_is_a_missile(pipeline):
    ev = _by_site(pipeline, "قالت وزارة الدفاع الأميركية إن إيران أطلقت أمس عشرة صواريخ بالستية أصاب ثمانية منها "
                            "قاعدة عين الأسد، وصاروخ واحد قاعدة حرير.")
    assert ev["ain-al-asad"].weapons == ["missile"]
    assert ev["harir"].weapons == ["missile"]


def test_args_named_rocket_kind_after_ballistic_list_stays_rocket(pipeline):
    ev = _by_site(pipeline, "قالت وزارة الدفاع الأميركية إن إيران أطلقت أمس عشرة صواريخ بالستية على قاعدة عين الأسد، "
                            "وصواريخ كاتيوشا على قاعدة حرير.")
    assert ev["ain-al-asad"].weapons == ["missile"]
    assert ev["harir"].weapons == ["rocket"]
    ev = _by_site(pipeline, "أطلقت الفصائل أمس صاروخا باليستيا على قاعدة عين الأسد، وصواريخ أخرى على قاعدة حرير.")
    assert ev["harir"].weapons == ["rocket"]
