from __future__ import annotations

import datetime as dt

import pytest

from marsad.pipeline import extract_texts

PUB = "2023-12-12"


def _tallies(pipeline, text):
    (doc,) = extract_texts(pipeline, [("t", text, PUB)])
    return [(t.count, t.what, t.since, t.country, t.source) for t in doc.tallies]


@pytest.mark.parametrize(("text", "expected"), [
    ("وأحصت وزارة الدفاع الأمريكية 92 هجوما على قواتها منذ 17 أكتوبر/تشرين الأول.",
     (92, "attacks", dt.date(2023, 10, 17), None, "us-dod")),
    ("وتنشر واشنطن نحو 2500 جندي في العراق.", (2500, "troops", None, "IQ", None)),
    ("ووثق المرصد السوري دخول 300 شاحنة للتحالف خلال الشهر الماضي.", (300, "trucks", None, None, "sohr")),
    ("وهبطت 12 طائرة شحن عسكرية في قواعد الحسكة خلال الأسبوع الماضي.", (12, "flights", None, None, None)),
])
def test_tallies_table(pipeline, text, expected):
    assert _tallies(pipeline, text) == [expected]


def test_tallies_small_soldier_numbers_are_tolls_not_troop_counts(pipeline):
    assert _tallies(pipeline, "وأسفر الهجوم عن مقتل 3 جنود.") == []


def test_tallies_each_count_once_per_document(pipeline):
    text = ("سجلت القوات الأمريكية 92 هجوما منذ 17 أكتوبر. "
            "وكانت 92 هجوما على القوات الأمريكية منذ 17 أكتوبر قد سجلت.")
    assert len(_tallies(pipeline, text)) == 1


def test_tallies_convoy_size_far_from_a_period_word_is_no_tally(pipeline):
    text = "رصد المرصد السوري دخول رتل جديد للتحالف أمس، قادما من كردستان، ويتألف الرتل من 40 شاحنة، بينها صهاريج."
    assert _tallies(pipeline, text) == []


def test_tallies_period_word_in_the_previous_clause_counts(pipeline):
    text = "ولفت المرصد إلى أنه خلال الشهر، هبطت 7 طائرات شحن تابعة للتحالف في قواعدها."
    assert [(c, w) for c, w, *_ in _tallies(pipeline, text)] == [(7, "flights")]


def test_tallies_number_before_adad(pipeline):
    text = "وبذلك، يرتفع إلى 11 عدد الهجمات التي تعرضت لها القواعد الأمريكية في سوريا منذ 19 تشرين الأول."
    assert _tallies(pipeline, text) == [(11, "attacks", dt.date(2023, 10, 19), "SY", None)]


def test_tallies_number_after_reach_verb(pipeline):
    text = "وأشار إلى أن عدد طائرات الشحن التي هبطت في قواعد التحالف منذ مطلع الشهر بلغ 12 طائرة."
    assert [(c, w) for c, w, *_ in _tallies(pipeline, text)] == [(12, "flights")]


def test_tallies_thousands_after_a_digit(pipeline):
    assert _tallies(pipeline, "ويتمركز في الأردن نحو 3 آلاف عسكري أميركي.") == [(3000, "troops", None, "JO", None)]


def test_tallies_elliptic_second_troop_count(pipeline):
    got = _tallies(pipeline, "وتنشر الولايات المتحدة نحو 2500 جندي في العراق و900 في سوريا.")
    assert [(c, w, country) for c, w, _s, country, _src in got] == [(2500, "troops", "IQ"), (900, "troops", "SY")]


def test_tallies_soldiers_wounded_over_a_period_are_injured(pipeline):
    text = "تعرضت القوات الأمريكية لـ19 هجوما منذ 17 تشرين الأول، أصيب خلالها 21 عسكريا أميركيا بجروح طفيفة."
    assert sorted((c, w) for c, w, *_ in _tallies(pipeline, text)) == [(19, "attacks"), (21, "injured")]


def test_tallies_toll_of_one_event_is_no_tally(pipeline):
    assert _tallies(pipeline, "16 شهيدا و25 جريحا حصيلة العدوان الأمريكي على القائم.") == []


def test_tallies_monday_is_not_the_number_two(pipeline):
    assert _tallies(pipeline, "شهد إقليم كردستان مساء الاثنين هجوما صاروخيا على مطار أربيل.") == []


def test_tallies_operations_of_other_kinds_are_not_attacks(pipeline):
    assert _tallies(pipeline, "وارتفعت العمليات بين المصارف خلال عام 2014 لتبلغ حوالي 374 ألف عملية.") == []


def test_tallies_attacks_on_others_are_not_counted(pipeline):
    assert _tallies(pipeline, "وأكد رئيس الوزراء أن تركيا شهدت 121 هجوما مسلحا منذ بداية العام.") == []


def test_tallies_troops_need_us_or_coalition_forces(pipeline):
    assert _tallies(pipeline, "وأعلن التنظيم القبض على 54 عنصرا من الفرقة 30 في ريف حلب.") == []


def test_tallies_tolls_of_other_wars_are_not_counted(pipeline):
    assert _tallies(pipeline, "وخلف تمرد بوكو حرام منذ 2009 أكثر من 15 ألف قتيل في نيجيريا.") == []


def test_tallies_span_word_later_in_the_clause(pipeline):
    text = "وأصيب 66 جنديا أمريكيا بإصابات طفيفة في هذه الهجمات منذ منتصف أكتوبر، وفق البنتاغون."
    assert [(c, w, src) for c, w, _s, _c, src in _tallies(pipeline, text)] == [(66, "injured", "us-dod")]


def test_tallies_road_traffic_is_no_truck_count(pipeline):
    assert _tallies(pipeline, "كشفت إدارة المرور عن منع 200 شاحنة يوميا من دخول الطرق الرئيسية خلال أوقات الذروة.") == []


def test_tallies_dollar_amount_is_no_us_context(pipeline):
    assert _tallies(pipeline, "نفذت الحملة 145 عملية جراحية خلال الشهر بتكلفة 350 ألف دولار أمريكي.") == []


def test_tallies_troops_of_others_near_a_us_word_are_not_us_troops(pipeline):
    text = "وقال مسؤول أمريكي إن جبهة النصرة خطفت 54 عنصرا من الفرقة 30 خلال الأسبوع."
    assert _tallies(pipeline, text) == []


def test_tallies_enemy_dead_from_coalition_strikes_are_no_killed_tally(pipeline):
    text = "أفاد المرصد بمقتل 51 عنصرا من داعش خلال 48 ساعة جراء قصف طائرات التحالف الدولي."
    assert _tallies(pipeline, text) == []


def test_tallies_count_reached_after_a_long_relative_clause(pipeline):
    text = ("وبذلك، يرتفع عدد الشاحنات التي أدخلها التحالف الدولي إلى مناطق نفوذه في سوريا منذ الأول من كانون "
            "الثاني/يناير 2023، إلى 610 شاحنة، وفقا لإحصائيات المرصد السوري.")
    assert _tallies(pipeline, text) == [(610, "trucks", dt.date(2023, 1, 1), "SY", "sohr")]


def test_tallies_parts_of_a_count_of_attacks_by_country(pipeline):
    text = ("وقال مسؤول في البنتاغون إن القوات الأمريكية تعرضت لـ66 هجوما منذ 17 أكتوبر، "
            "منها 32 في العراق و34 في سوريا.")
    assert {(c, w, country) for c, w, _s, country, _src in _tallies(pipeline, text)} == {
        (66, "attacks", None), (32, "attacks", "IQ"), (34, "attacks", "SY")}


def test_tallies_soldiers_hurt_over_a_period_told_after_the_number(pipeline):
    text = "وأصيب خلال هذه الفترة نحو 60 عسكريا أمريكيا بجروح طفيفة منذ 17 أكتوبر."
    assert [(c, w) for c, w, *_rest in _tallies(pipeline, text)] == [(60, "injured")]
    text = "وقالت الوزارة إن نحو 60 عسكريا أمريكيا أصيبوا بجروح طفيفة خلال هذه الفترة."
    assert [(c, w) for c, w, *_rest in _tallies(pipeline, text)] == [(60, "injured")]


def test_tallies_operations_against_bases_are_attacks(pipeline):
    text = "ونفذت الفصائل العراقية 34 عملية ضد القواعد الأمريكية خلال الشهر الماضي."
    assert [(c, w) for c, w, *_rest in _tallies(pipeline, text)] == [(34, "attacks")]


def test_tallies_dual_of_thousand_is_two_thousand(pipeline):
    assert [(c, w) for c, w, *_rest in _tallies(pipeline, "ويتمركز نحو ألفي جندي أمريكي في العراق.")] == [
        (2000, "troops")]


def test_tallies_troops_of_an_exercise_are_no_deployment(pipeline):
    text = "واستعرضت القيادتان الأمريكية والأوكرانية في المناورات حوالى ألفي عسكري أمريكي."
    assert _tallies(pipeline, text) == []


def test_tallies_hundreds_written_in_words(pipeline):
    assert [(c, w) for c, w, *_r in _tallies(pipeline, "وتنشر الولايات المتحدة نحو تسعمئة جندي في سوريا.")] == [
        (900, "troops")]
    text = "وتعرضت القوات الأمريكية لمئة وخمسين هجوما منذ تشرين الأول."
    assert [(c, w) for c, w, *_r in _tallies(pipeline, text)] == [(150, "attacks")]


def test_tallies_troops_from_a_us_service_named_after_the_number(pipeline):
    text = "ويستضيف البرج 22 نحو 350 عسكرياً من الجيش والقوات الجوية الأميركية."
    assert [(c, w) for c, w, *_r in _tallies(pipeline, text)] == [(350, "troops")]


def test_tallies_a_second_troop_count_in_a_sentence_of_us_troops(pipeline):
    text = "وينتشر في العراق نحو 2500 عسكري أمريكي، إضافة إلى نحو 900 عسكري في سوريا."
    assert [(c, w) for c, w, *_r in _tallies(pipeline, text)] == [(2500, "troops"), (900, "troops")]


def test_tallies_wounded_of_the_counted_attacks(pipeline):
    text = ("وتقول وزارة الدفاع الأميركية إن قواتها تعرضت لأكثر من 165 هجوماً منذ 17 أكتوبر، "
            "وإن عدد المصابين في صفوفها تجاوز 120 عسكرياً.")
    assert {(c, w) for c, w, *_r in _tallies(pipeline, text)} == {(165, "attacks"), (120, "injured")}


def test_tallies_one_attacks_toll_is_no_tally(pipeline):
    text = "ويدرس البيت الأبيض منذ يومين الرد على الهجوم الذي قتل ثلاثة جنود أميركيين في الأردن."
    assert _tallies(pipeline, text) == []


def test_tallies_strikes_counted_for_a_striking_state(pipeline):
    text = "ونفذت دولة الاحتلال التركي 58 هجوماً بالطائرات المسيّرة على مناطق الإقليم منذ بداية عام 2023."
    assert [(c, w) for c, w, *_r in _tallies(pipeline, text)] == [(58, "attacks")]


def test_tallies_trucks_of_one_new_convoy_are_no_tally(pipeline):
    text = "ورصد المرصد السوري صباح اليوم دخول رتل جديد للتحالف يضم 35 شاحنة عبر معبر الوليد."
    assert _tallies(pipeline, text) == []


def test_tallies_a_year_after_since_is_no_count(pipeline):
    text = "وندد الرئيس التركي في قبرص التي تحتلها تركيا منذ 1974 بهجوم إرهابي."
    assert _tallies(pipeline, text) == []


def test_tallies_parts_of_the_attacks_referred_back_by_country(pipeline):
    text = "وقالت نائبة المتحدث باسم البنتاغون إن 27 من تلك الهجمات على القوات الأمريكية وقعت في العراق، و31 في سوريا."
    assert [(c, w, country) for c, w, _s, country, _src in _tallies(pipeline, text)] == [
        (27, "attacks", "IQ"), (31, "attacks", "SY")]
