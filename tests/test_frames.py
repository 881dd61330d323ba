"""One behaviour per test: the event-frame rules on short news snippets written for these tests."""

from __future__ import annotations

import datetime as dt

from marsad.pipeline import extract_texts

PUB = "2024-01-22"  # a Monday


def _events(pipeline, text, published=PUB):
    (doc,) = extract_texts(pipeline, [("t", text, published)])
    assert doc.error is None, doc.error
    return doc.events


def _one(pipeline, text, published=PUB):
    events = _events(pipeline, text, published)
    assert len(events) == 1, [e.to_json() for e in events]
    return events[0]


def test_frames_attack_on_named_site_with_weapon_count_and_date(pipeline):
    e = _one(pipeline, "استهدفت ثلاث طائرات مسيرة قاعدة عين الأسد الجوية غربي العراق أمس الأحد.")
    assert (e.type, e.location.id, e.country, e.weapons, e.count) == ("attack", "ain-al-asad", "IQ", ["drone"], 3)
    assert e.date == dt.date(2024, 1, 21)


def test_frames_every_filled_field_has_evidence_in_original_text(pipeline):
    text = "وأعلنت «المقاومة الإسلامية في العراق» في بيان استهداف قاعدة حرير بطائرتين مسيّرتين فجر اليوم."
    (doc,) = extract_texts(pipeline, [("t", text, PUB)])
    (e,) = doc.events
    fields = {ev.field for ev in e.evidence}
    assert {"type", "location", "date", "weapons", "count", "actor", "actor_basis"} <= fields
    for ev in e.evidence:
        assert text[ev.start:ev.end] == ev.text


def test_frames_claim_statement_gives_claimed(pipeline):
    e = _one(pipeline, "تبنت المقاومة الإسلامية في العراق استهداف قاعدة التنف بطائرة مسيرة اليوم.")
    assert (e.actor, e.actor_basis) == ("islamic-resistance-in-iraq", "claimed")


def test_frames_claim_two_sentences_later_names_the_actor(pipeline):
    text = ("تعرضت قاعدة الشدادي لهجوم بعدة صواريخ اليوم. وسمع دوي انفجارات في المنطقة. "
            "وأعلنت المقاومة الإسلامية في العراق مسؤوليتها عن الهجوم.")
    e = _one(pipeline, text)
    assert (e.location.id, e.actor, e.actor_basis) == ("shaddadi", "islamic-resistance-in-iraq", "claimed")


def test_frames_accusation_gives_attributed(pipeline):
    text = "اتهم البنتاغون كتائب حزب الله بالوقوف وراء الهجوم الصاروخي على قاعدة عين الأسد أمس."
    e = _one(pipeline, text)
    assert (e.actor, e.actor_basis) == ("kataib-hezbollah", "attributed")


def test_frames_nobody_claimed_leaves_actor_null(pipeline):
    e = _one(pipeline, "سقطت ثلاثة صواريخ قرب مطار بغداد الدولي اليوم، ولم تتبن أي جهة الهجوم.")
    assert (e.location.id, e.actor, e.actor_basis, e.count) == ("baghdad-airport", None, None, 3)


def test_frames_interception_sets_intercepted(pipeline):
    e = _one(pipeline, "أسقطت الدفاعات الجوية طائرة مسيرة حاولت استهداف قاعدة حرير الجوية فجر اليوم.")
    assert e.intercepted is True and e.location.id == "harir"


def test_frames_interception_in_next_sentence_completes_event(pipeline):
    text = "تعرضت قاعدة عين الأسد لهجوم بالصواريخ اليوم. واعترضت منظومات الدفاع الجوي معظم الصواريخ."
    e = _one(pipeline, text)
    assert e.intercepted is True


def test_frames_negated_toll_gives_zero(pipeline):
    e = _one(pipeline, "استهدف هجوم بطائرة مسيرة قاعدة حرير اليوم من دون أن يسفر عن ضحايا.")
    assert (e.killed, e.injured) == (0, 0)


def test_frames_toll_in_digits_and_words(pipeline):
    e = _one(pipeline, "أسفر هجوم بطائرة مسيرة على البرج 22 أمس عن مقتل ثلاثة جنود أمريكيين وإصابة 34 آخرين.")
    assert (e.location.id, e.killed, e.injured) == ("tower-22", 3, 34)


def test_frames_threat_is_not_an_event(pipeline):
    assert _events(pipeline, "هددت الفصائل بأنها ستستهدف قاعدة عين الأسد بالصواريخ إذا استمر الوجود الأمريكي.") == []


def test_frames_exercise_is_not_an_event(pipeline):
    assert _events(pipeline, "أجرت قوات التحالف تدريبات بالذخيرة الحية في حقل العمر اليوم.") == []


def test_frames_launch_point_is_not_the_location(pipeline):
    text = "تعرضت قاعدة للتحالف الدولي في شمال شرقي سوريا للقصف بخمسة صواريخ أطلقت من بلدة زمار العراقية اليوم."
    e = _one(pipeline, text)
    assert (e.location, e.country, e.count) == (None, "SY", 5)


def test_frames_retaliation_strike_hits_the_launch_point(pipeline):
    text = ("تعرضت قاعدة للتحالف الدولي في شمال شرقي سوريا للقصف بخمسة صواريخ أطلقت من بلدة زمار العراقية اليوم. "
            "وردت قوات التحالف بغارة جوية دمرت منصة الإطلاق.")
    strikes = [e for e in _events(pipeline, text) if e.type == "strike"]
    assert [(s.location.id, s.actor, s.weapons) for s in strikes] == [("zummar", "coalition", ["aircraft"])]


def test_frames_us_strike_on_named_places(pipeline):
    text = "شنت القوات الأمريكية فجر اليوم غارات جوية على مواقع في البوكمال والميادين أسفرت عن مقتل 4 مسلحين."
    strikes = _events(pipeline, text)
    assert sorted(s.location.id for s in strikes) == ["bukamal", "mayadin"]
    assert all(s.type == "strike" and s.actor == "us-forces" for s in strikes)


def test_frames_missile_when_launched_from_yemen(pipeline):
    e = _one(pipeline, "أسقطت مدمرة أمريكية في البحر الأحمر صاروخين أطلقا من اليمن اليوم.")
    assert (e.location.id, e.weapons, e.country) == ("red-sea", ["missile"], None)


def test_frames_same_event_twice_is_one_record(pipeline):
    text = ("استهدفت مسيرة قاعدة حرير اليوم. وقال مسؤول كردي إن المسيرة سقطت قرب قاعدة حرير "
            "دون وقوع إصابات.")
    e = _one(pipeline, text)
    assert (e.location.id, e.killed, e.injured) == ("harir", 0, 0)


def test_frames_two_sites_same_day_are_two_records(pipeline):
    events = _events(pipeline, "استهدفت صواريخ حقل العمر وحقل كونيكو في ريف دير الزور اليوم.")
    assert sorted(e.location.id for e in events) == ["al-omar", "conoco"]


def test_frames_dated_convoy_is_reinforcement(pipeline):
    text = "دخل رتل للتحالف الدولي يضم 40 شاحنة إلى قاعدة خراب الجير أمس الأحد قادما من إقليم كردستان."
    e = _one(pipeline, text)
    assert (e.type, e.location.id, e.count, e.date) == ("reinforcement", "kharab-al-jir", 40,
                                                        dt.date(2024, 1, 21))


def test_frames_monthly_convoy_count_is_a_tally_not_an_event(pipeline):
    (doc,) = extract_texts(pipeline, [("t", "دخلت 130 شاحنة للتحالف إلى قواعده في الحسكة خلال الشهر الماضي.", PUB)])
    assert doc.events == []
    assert [(t.count, t.what) for t in doc.tallies] == [(130, "trucks")]


def test_frames_capital_as_government_is_not_a_place(pipeline):
    events = _events(pipeline, "استهدف هجوم بطائرة مسيرة قاعدة عين الأسد اليوم، وطالبت واشنطن بغداد بوقف الهجمات.")
    assert [e.location.id for e in events] == ["ain-al-asad"]


def test_frames_no_published_date_leaves_relative_dates_null(pipeline):
    e = _one(pipeline, "استهدفت طائرة مسيرة قاعدة التنف أمس.", published=None)
    assert e.date is None


def test_frames_date_inherited_from_paragraph(pipeline):
    text = "استهدف هجوم بطائرة مسيرة قاعدة عين الأسد يوم السبت. كما استهدفت عدة صواريخ قاعدة في منطقة الشدادي."
    events = {e.location.id: e for e in _events(pipeline, text)}
    assert events["shaddadi"].date == dt.date(2024, 1, 20) and events["shaddadi"].date_strategy == "inherited"


def test_frames_cross_document_event_ids_agree(pipeline):
    docs = extract_texts(pipeline, [
        ("a", "استهدفت طائرة مسيرة قاعدة التنف أمس الأحد.", "2024-01-22"),
        ("b", "تعرضت قاعدة التنف لهجوم بمسيرة يوم الأحد الماضي.", "2024-01-24"),
    ])
    assert docs[0].events[0].event_id == docs[1].events[0].event_id


# --- names that are also common words, and scope ----------------------------------------------------------

def test_frames_common_word_name_without_locality_word_is_no_place(pipeline):
    text = "وفي حديثه للصحفيين أمس، قال المسؤول إن هجوما بعبوة ناسفة استهدف دورية أمريكية."
    assert all(e.location is None for e in _events(pipeline, text))


def test_frames_common_word_name_after_locality_word_is_a_place(pipeline):
    e = _one(pipeline, "سقطت ثلاثة صواريخ على رتل للتحالف الدولي في قضاء حديثة غربي الأنبار اليوم.")
    assert (e.location.id, e.count) == ("haditha", 3)


def test_frames_pronoun_anh_is_not_the_town_of_anah(pipeline):
    assert _events(pipeline, "وقع إطلاق نار في سوق شعبي نتج عنه مقتل شخصين أمس.") == []


def test_frames_listed_with_another_site_is_a_place(pipeline):
    events = _events(pipeline, "استهدفت طائرات مسيرة قاعدة عين الأسد وحرير فجر اليوم.")
    assert sorted(e.location.id for e in events) == ["ain-al-asad", "harir"]


def test_frames_embassy_without_its_country_is_not_the_baghdad_embassy(pipeline):
    text = "استذكر الرئيس الكيني الهجوم بشاحنة مفخخة الذي استهدف السفارة الأمريكية في نيروبي بعبوة ضخمة."
    assert _events(pipeline, text) == []


def test_frames_site_name_as_family_name_without_weapon_is_no_attack(pipeline):
    text = "أصيب النائب محمد علي الشدادي في كمين نصبه مسلحون في محافظة أبين أمس."
    assert _events(pipeline, text) == []


def test_frames_attack_in_town_without_us_or_coalition_target_is_out_of_scope(pipeline):
    assert _events(pipeline, "قتل ثلاثة أشخاص بانفجار عبوة ناسفة في سوق بمدينة الرمادي أمس.") == []


def test_frames_rockets_on_airport_need_no_us_word(pipeline):
    e = _one(pipeline, "سقطت ثلاثة صواريخ كاتيوشا قرب مطار بغداد الدولي مساء أمس.")
    assert (e.type, e.location.id, e.count) == ("attack", "baghdad-airport", 3)


# --- strikes --------------------------------------------------------------------------------------------------

def test_frames_strike_target_far_in_the_same_clause(pipeline):
    text = ("أعلنت الحكومة العراقية أن العدوان الجوي الأمريكي الذي استهدف ليلة الجمعة السبت مقرات للحشد الشعبي "
            "ومواقع أمنية في قضاء القائم على الحدود العراقية السورية أسفر عن سقوط قتلى.")
    e = _one(pipeline, text, published="2024-02-04")
    assert (e.type, e.location.id, e.actor, e.date) == ("strike", "al-qaim", "us-forces", dt.date(2024, 2, 2))


def test_frames_place_that_locates_the_attacked_site_is_no_strike_target(pipeline):
    text = ("وقال البنتاغون إن الضربات الأمريكية جاءت ردا على هجوم صاروخي يوم الجمعة على قاعدة كي وان "
            "العسكرية قرب كركوك.")
    assert [e.type for e in _events(pipeline, text)] == ["attack"]


# --- reinforcements ---------------------------------------------------------------------------------------------

def test_frames_convoy_count_from_trucks_after_the_convoy_word(pipeline):
    e = _one(pipeline, "وصباح اليوم، دخل رتل للتحالف مؤلف من 25 شاحنة وتوجه إلى قاعدة تل بيدر شمالي الحسكة.")
    assert (e.type, e.location.id, e.count) == ("reinforcement", "tal-baydar", 25)


def test_frames_dual_cargo_planes_count_two(pipeline):
    e = _one(pipeline, "هبطت ليلة الأحد طائرتا شحن عسكريتان تابعتان للتحالف الدولي في قاعدة قسرك.")
    assert (e.type, e.location.id, e.count) == ("reinforcement", "qasrak", 2)


def test_frames_fighter_jets_arriving_at_a_base_are_reinforcement(pipeline):
    e = _one(pipeline, "وأعلنت القيادة المركزية أن 12 مقاتلة وصلت يوم الأحد إلى قاعدة موفق السلطي الجوية.")
    assert (e.type, e.location.id, e.count, e.date) == ("reinforcement", "muwaffaq-salti", 12,
                                                        dt.date(2024, 1, 21))


def test_frames_habitual_cargo_flights_are_no_event(pipeline):
    text = "ويعزز التحالف قواعده عبر طائرات الشحن التي تهبط في مطار خراب الجير وقاعدة قسرك."
    assert _events(pipeline, text) == []


def test_frames_aid_flights_are_no_reinforcement(pipeline):
    text = "وصلت اليوم طائرات شحن تابعة للتحالف تحمل مساعدات إنسانية إلى مطار بغداد الدولي."
    assert _events(pipeline, text) == []


def test_frames_convoy_last_month_has_null_date(pipeline):
    e = _one(pipeline, "ورصد المرصد الشهر الماضي دخول رتل مؤلف من 30 شاحنة اتجه إلى قاعدة الشدادي.")
    assert (e.type, e.location.id, e.count, e.date) == ("reinforcement", "shaddadi", 30, None)


# --- tolls and counts -----------------------------------------------------------------------------------------

def test_frames_negation_before_killed_and_wounded_gives_zero_both(pipeline):
    e = _one(pipeline, "استهدفت طائرة مسيرة قاعدة التنف اليوم، ولم يسفر الهجوم عن سقوط قتلى أو جرحى.")
    assert (e.killed, e.injured) == (0, 0)


def test_frames_no_dead_leaves_wounded_unknown(pipeline):
    e = _one(pipeline, "سقطت ثلاثة صواريخ على قاعدة عين الأسد اليوم دون وقوع قتلى.")
    assert (e.killed, e.injured) == (0, None)


def test_frames_no_news_of_losses_is_not_zero(pipeline):
    e = _one(pipeline, "استهدفت صواريخ حقل العمر اليوم، ولم ترد معلومات عن حجم الخسائر.")
    assert (e.killed, e.injured) == (None, None)


def test_frames_toll_told_before_the_lone_event(pipeline):
    text = ("قال الرئيس الأميركي إنه قرر الرد على الهجوم الذي أودى بحياة ثلاثة جنود أميركيين في الأردن. "
            "وحمّل البنتاغون كتائب حزب الله المسؤولية عن الهجوم بطائرة مسيرة على البرج 22 فجر الأحد.")
    e = _one(pipeline, text, published="2024-01-30")
    assert (e.location.id, e.killed, e.count) == ("tower-22", 3, 1)


def test_frames_wounded_number_after_rise_verb(pipeline):
    text = ("استهدف هجوم بطائرة مسيرة البرج 22 فجر الأحد. "
            "وأوضحت المتحدثة أن عدد المصابين في الهجوم ارتفع إلى 40 عسكريا.")
    e = _one(pipeline, text, published="2024-01-30")
    assert e.injured == 40


def test_frames_accusative_rocket_count(pipeline):
    e = _one(pipeline, "تعرضت قاعدة كي وان قرب كركوك يوم الجمعة لهجوم أطلق فيه 30 صاروخا.")
    assert (e.location.id, e.weapons, e.count) == ("k1-kirkuk", ["rocket"], 30)


def test_frames_saudi_led_coalition_strike_is_not_the_us_coalition(pipeline):
    text = "شنت طائرات التحالف العربي بقيادة السعودية فجر اليوم غارات على مواقع للحوثيين في صنعاء."
    assert _events(pipeline, text) == []


def test_frames_us_led_coalition_strike_is_kept(pipeline):
    e = _one(pipeline, "شنت طائرات التحالف الدولي فجر اليوم غارات على مواقع لتنظيم داعش قرب البوكمال.")
    assert (e.type, e.location.id, e.actor) == ("strike", "bukamal", "coalition")


# --- status: whose account ------------------------------------------------------------------------------------

def test_frames_status_claimed_by_perpetrator_statement(pipeline):
    e = _one(pipeline, "تبنت المقاومة الإسلامية في العراق استهداف قاعدة التنف بطائرة مسيرة اليوم.")
    assert e.status == "claimed"
    assert any(ev.field == "status" for ev in e.evidence)


def test_frames_status_confirmed_by_the_side_that_was_hit(pipeline):
    text = "قالت القيادة المركزية الأمريكية إن طائرة مسيرة استهدفت قاعدة عين الأسد اليوم دون وقوع إصابات."
    assert _one(pipeline, text).status == "confirmed"


def test_frames_status_confirmed_for_strike_by_pentagon(pipeline):
    text = "أعلن البنتاغون أن القوات الأمريكية شنت فجر اليوم غارات جوية على مواقع في البوكمال."
    e = _one(pipeline, text)
    assert (e.type, e.status) == ("strike", "confirmed")


def test_frames_status_reported_by_monitor(pipeline):
    e = _one(pipeline, "رصد المرصد السوري سقوط قذائف صاروخية على حقل العمر اليوم.")
    assert e.status == "reported"
    assert e.to_json()["status"] == "reported"


def test_frames_status_denied_when_the_event_is_denied_afterwards(pipeline):
    text = ("أعلنت فصائل المقاومة الإسلامية في العراق استهداف قاعدة حرير بطائرة مسيرة اليوم. "
            "ونفت حكومة إقليم كردستان تعرض قاعدة حرير لأي هجوم.")
    assert _one(pipeline, text).status == "denied"


def test_frames_denial_of_something_else_leaves_status(pipeline):
    text = ("استهدفت طائرة مسيرة قاعدة حرير اليوم. "
            "وقال المتحدث إن واشنطن أبلغت بغداد بالضربات، وهو ما نفته الحكومة لاحقا.")
    assert _one(pipeline, text).status != "denied"


# --- actor and basis ------------------------------------------------------------------------------------------

def test_frames_iran_as_backer_means_the_militias(pipeline):
    e = _one(pipeline, "استهدفت فصائل مدعومة من إيران قاعدة التنف بطائرتين مسيرتين اليوم.")
    assert (e.actor, e.actor_basis) == ("iran-backed-militias", "attributed")


def test_frames_strike_told_by_a_monitor_is_attributed(pipeline):
    text = "قال المرصد السوري إن طائرات أمريكية شنت فجر اليوم غارات على مواقع للميليشيات قرب البوكمال."
    e = _one(pipeline, text)
    assert (e.type, e.actor, e.actor_basis) == ("strike", "us-forces", "attributed")


def test_frames_strike_announced_by_a_us_official_is_claimed(pipeline):
    text = ("شنت طائرات أمريكية فجر اليوم غارات على مواقع للميليشيات قرب البوكمال. "
            "ووصف مسؤول أمريكي الضربات بأنها دفاعية.")
    e = _one(pipeline, text)
    assert (e.type, e.actor_basis) == ("strike", "claimed")


def test_frames_accusation_elsewhere_names_the_lone_attack_actor(pipeline):
    text = ("تعرضت قاعدة كي وان قرب كركوك مساء الجمعة لهجوم بثلاثين صاروخا. "
            "وقال البنتاغون إن الهجوم أسفر عن مقتل متعاقد مدني. "
            "وبعد يومين اتهمت واشنطن كتائب حزب الله بتنفيذ الهجوم.")
    e = _one(pipeline, text, published="2019-12-29")
    assert (e.location.id, e.actor, e.actor_basis) == ("k1-kirkuk", "kataib-hezbollah", "attributed")


def test_frames_bare_coalition_in_a_saudi_coalition_story_is_not_ours(pipeline):
    text = ("تواصل طائرات التحالف العربي دعم المقاومة الشعبية. "
            "وشنت طائرات التحالف فجر اليوم غارات على مواقع للحوثيين قرب البوكمال.")
    assert _events(pipeline, text) == []


def test_frames_turkish_jets_are_turkey(pipeline):
    e = _one(pipeline, "شنت مقاتلات تركية فجر اليوم غارات على مواقع قرب سنجار.")
    assert (e.type, e.actor) == ("strike", "turkey")


def test_frames_permission_to_strike_is_not_a_strike(pipeline):
    text = "وافقت أنقرة اليوم على السماح للطائرات الأمريكية باستخدام قاعدة إنجرليك لشن غارات على مواقع في الرقة."
    assert _events(pipeline, text) == []


def test_frames_definite_strike_word_refers_back_to_strikes_told_earlier(pipeline):
    text = ("شنت القوات الأمريكية فجر اليوم ضربات جوية على منشآت لكتائب حزب الله في العراق. "
            "وقال مسؤول أمريكي إن الضربات دفاعية. وأضاف أنها جاءت بعد هجمات متكررة. "
            "وأفادت مصادر أمنية بأن الضربات طالت مقرات للكتائب في منطقة جرف الصخر.")
    strikes = [e for e in _events(pipeline, text) if e.location is not None]
    assert [(e.type, e.location.id, e.actor) for e in strikes] == [("strike", "jurf-al-sakhar", "us-forces")]


def test_frames_capital_named_after_the_word_capital_is_a_place(pipeline):
    text = "وقعت بعد ساعات ضربة جوية نسبت إلى إسرائيل استهدفت مبنى في حي المزة بالعاصمة السورية دمشق."
    e = _one(pipeline, text)
    assert (e.type, e.location.id, e.actor) == ("strike", "damascus", "israel")


def test_frames_fear_of_strikes_is_not_a_strike(pipeline):
    text = ("شنت القوات الأمريكية فجر اليوم غارات على البوكمال. وقال مسؤول إنها دفاعية. وأضاف أن الرد مستمر. "
            "ويبدي الأهالي مخاوف من أن تتحول قراهم في ريف دير الزور إلى ساحة لتبادل الضربات.")
    assert [e.location.id for e in _events(pipeline, text)] == ["bukamal"]


def test_frames_strike_dated_by_the_strike_not_by_the_attack_it_answers(pipeline):
    text = ("شنت القوات الأمريكية مساء الجمعة غارات جوية على مواقع في العراق وسوريا، ردا على هجوم أدى إلى "
            "مقتل 3 جنود في الأردن الأحد الماضي.\\n\\n"
            "وقالت القيادة المركزية الأمريكية إن الغارات طالت أكثر من 85 هدفا.\\n\\n"
            "وأفاد مراسلون بأن الغارات استهدفت مواقع في مدينة البوكمال.")
    strikes = [e for e in _events(pipeline, text.replace("\\\\n", "\\n"), published="2024-02-03")
               if e.type == "strike" and e.location is not None]
    assert [(e.location.id, e.date) for e in strikes] == [("bukamal", dt.date(2024, 2, 2))]


def test_frames_coalition_jets_as_subject_strike_rather_than_get_attacked(pipeline):
    text = "استهدفت مقاتلات التحالف الدولي فجر اليوم استعراضا عسكريا لتنظيم داعش في قضاء الحويجة غربي كركوك."
    assert [e.type for e in _events(pipeline, text)] == ["strike"]


def test_frames_coalition_forces_attacked_stay_the_target(pipeline):
    e = _one(pipeline, "تعرضت قوات التحالف الدولي في قاعدة حرير لهجوم بطائرة مسيرة اليوم.")
    assert (e.type, e.location.id) == ("attack", "harir")


def test_frames_warplanes_hitting_sites_after_a_striker_are_a_strike(pipeline):
    text = ("قتل 25 مسلحا في ضربات جوية أمريكية أمس. "
            "وقالت وزارة الدفاع الأمريكية إن طائرات حربية قصفت ثلاثة مواقع في العراق وموقعين قرب البوكمال.")
    strikes = [e for e in _events(pipeline, text) if e.location is not None]
    assert [(e.type, e.location.id) for e in strikes] == [("strike", "bukamal")]


def test_frames_since_date_is_not_the_day_of_bases_in_a_summary(pipeline):
    text = ("ووثق المرصد 27 هجوما على القواعد الأمريكية منذ 19 تشرين الأول، "
            "طالت حقلي العمر وكونيكو وقاعدة الشدادي.")
    assert _events(pipeline, text) == []


def test_frames_coalition_jets_flying_after_an_attack_do_not_make_it_a_strike(pipeline):
    text = ("رصد المرصد استهداف الميليشيات، ليلة الأربعاء، قاعدة التحالف في معمل غاز كونيكو، بطائرتين "
            "مسيرتين، أعقبهما تحليق لطائرات التحالف في أجواء المنطقة.")
    e = _one(pipeline, text, published="2023-10-26")
    assert (e.type, e.location.id, e.count) == ("attack", "conoco", 2)


def test_frames_drone_strike_named_after_the_strike_word(pipeline):
    text = "استهدفت غارة بطائرة مسيرة أمريكية مقرا لحركة النجباء شرقي بغداد فجر اليوم."
    e = _one(pipeline, text)
    assert (e.type, e.weapons) == ("strike", ["drone"])


def test_frames_definite_ballistic_missiles(pipeline):
    e = _one(pipeline, "استهدف الحرس الثوري قاعدة عين الأسد فجر اليوم بعشرات الصواريخ الباليستية.")
    assert e.weapons == ["missile"]


def test_frames_coalition_strike_in_yemen_is_not_the_us_led_coalition(pipeline):
    assert _events(pipeline, "قصف طيران التحالف ليلة أمس مواقع للحوثيين في صنعاء ومدينة مأرب شرقي اليمن.") == []


def test_frames_number_of_fighters_before_the_killed_verb(pipeline):
    text = "قالت مصادر إن 25 مقاتلا قتلوا في ضربات جوية أمريكية استهدفت أمس مقرات قرب القائم."
    e = _one(pipeline, text)
    assert (e.type, e.location.id, e.killed) == ("strike", "al-qaim", 25)


def test_frames_country_level_strike_joins_the_named_strike_of_that_day(pipeline):
    text = ("شنت القوات الأمريكية فجر اليوم غارات جوية على مواقع قرب البوكمال. "
            "وقال مسؤول إن الضربات الأمريكية في سوريا اليوم جاءت ردا على الهجمات.")
    events = _events(pipeline, text)
    assert [(e.type, e.location.id if e.location else None) for e in events] == [("strike", "bukamal")]


def test_frames_convoy_against_drone_attacks_is_a_reinforcement_not_an_attack(pipeline):
    text = ("أفادت مصادر بأن رتلا يضم 30 شاحنة دخل قاعدة عين الأسد يوم الثلاثاء، مرجحة أن تكون الشحنة مرتبطة "
            "بتعزيز حماية القاعدة من هجمات المسيرات.")
    e = _one(pipeline, text, published="2023-10-26")
    assert (e.type, e.location.id, e.count) == ("reinforcement", "ain-al-asad", 30)


def test_frames_bases_in_a_strike_sentence_summary_are_no_attacks(pipeline):
    text = ("وتأتي الضربات الأمريكية ردا على الهجمات المتكررة التي تستهدف قواعد التحالف الدولي في حقلي العمر "
            "وكونيكو، إذ وثق المرصد 27 هجوما على القواعد الأمريكية منذ 19 تشرين الأول.")
    assert [e for e in _events(pipeline, text, published="2023-11-13") if e.type == "attack"] == []


def test_frames_embassy_placed_in_another_capital_is_not_baghdads(pipeline):
    text = "وفي العراق تتواصل الهجمات، فيما استهدف هجوم بعبوة ناسفة السفارة الأمريكية في أنقرة أمس."
    assert [e for e in _events(pipeline, text) if e.location is not None] == []


def test_frames_operation_without_weapon_or_claim_is_no_attack(pipeline):
    text = "وكان هدف الصفقة ضمان عملية الإفراج عن المحتجزين الأمريكيين في السفارة الأمريكية ببغداد."
    assert _events(pipeline, text) == []


def test_frames_unambiguous_base_name_needs_no_weapon(pipeline):
    e = _one(pipeline, "تعرضت عين الأسد لهجوم جديد فجر اليوم.")
    assert (e.type, e.location.id) == ("attack", "ain-al-asad")


def test_frames_rockets_on_the_green_zone_are_in_scope(pipeline):
    e = _one(pipeline, "سقطت ثلاثة صواريخ كاتيوشا على المنطقة الخضراء وسط بغداد فجر اليوم.")
    assert (e.type, e.location.id, e.count) == ("attack", "green-zone", 3)


def test_frames_definite_common_word_name_after_ala_is_a_place(pipeline):
    text = ("شنت القوات الأمريكية مساء الجمعة ضربات جوية في العراق. "
            "وأعلن المتحدث أن الضربات على القائم أسفرت عن مقتل 16 شخصا وإصابة 25 آخرين.")
    e = _one(pipeline, text, published="2024-02-03")
    assert (e.type, e.location.id, e.killed, e.injured) == ("strike", "al-qaim", 16, 25)


def test_frames_soldiers_number_before_adjective_and_qad(pipeline):
    e = _one(pipeline, "وكان ثلاثة جنود أميركيين قد قتلوا الأحد الماضي في هجوم بطائرة مسيرة على البرج 22.")
    assert (e.location.id, e.killed) == ("tower-22", 3)


def test_frames_toll_sentence_with_a_later_warning_word_still_counts(pipeline):
    text = ("استهدف هجوم بطائرات مسيرة قاعدة التنف الأربعاء الماضي. "
            "وأوضح المسؤولون أن الهجوم لم يسفر عن خسائر بشرية، مشيرين إلى أن القوات تلقت تحذيرا مسبقا.")
    e = _one(pipeline, text)
    assert (e.killed, e.injured) == (0, 0)


def test_frames_warning_before_toll_words_is_no_toll(pipeline):
    text = ("استهدف هجوم بطائرة مسيرة قاعدة التنف اليوم. "
            "وحذر مسؤول من أن الهجمات قد تؤدي إلى مقتل 5 جنود في المرة المقبلة.")
    e = _one(pipeline, text)
    assert e.killed is None


def test_frames_statement_day_gives_way_to_the_event_day(pipeline):
    text = ("ارتفعت حصيلة شهداء العدوان الأمريكي على مقرات الحشد في قضاء القائم إلى 17 شهيدا، بحسب ما أعلنته "
            "هيئة الحشد الشعبي اليوم الأحد.\\n\\n"
            "وكانت الطائرات الحربية الأمريكية قد شنت مساء الجمعة سلسلة غارات على مواقع في القائم.")
    strikes = [e for e in _events(pipeline, text.replace("\\\\n", "\\n"), published="2024-02-04")
               if e.location is not None]
    assert [(e.location.id, e.date, e.killed) for e in strikes] == [("al-qaim", dt.date(2024, 2, 2), 17)]


def test_frames_coalition_as_striker_is_no_target_for_a_town_attack(pipeline):
    text = "قتل ستة مدنيين جراء غارات التحالف وضرباته الصاروخية على مدينة الرقة أمس."
    assert [e for e in _events(pipeline, text) if e.type == "attack"] == []


def test_frames_locality_word_with_conjunction_before_a_common_word_name(pipeline):
    text = "شنت القوات الأمريكية فجر اليوم غارات استهدفت مواقع في مدينة البوكمال وبادية الميادين."
    assert sorted(e.location.id for e in _events(pipeline, text)) == ["bukamal", "mayadin"]


def test_frames_airport_in_a_later_clause_locates_the_rockets(pipeline):
    text = ("قال مصدر أمني إن ثلاث قذائف كاتيوشا سقطت في محيط معسكر للتحالف الدولي، يضم قوات أمريكية "
            "قرب مطار بغداد ليل الخميس.")
    e = _one(pipeline, text, published="2023-10-21")
    assert (e.location.id, e.count, e.date) == ("baghdad-airport", 3, dt.date(2023, 10, 19))


def test_frames_interception_told_before_the_place_completes_the_attack(pipeline):
    text = ("أكد البنتاغون الخميس أن المدمرة الأمريكية أسقطت 3 صواريخ وعدة طائرات مسيرة أطلقتها حركة أنصار الله. "
            "وقال المتحدث باسم البنتاغون إن هذه الصواريخ انطلقت من اليمن وكانت تتحرك على طول البحر الأحمر شمالا.")
    e = _one(pipeline, text, published="2023-10-21")
    assert (e.location.id, e.weapons, e.intercepted, e.actor) == ("red-sea", ["drone", "missile"], True,
                                                                  "ansar-allah")


# --- generalisation rules (part C of the corpus) ---------------------------------------------------------

def test_frames_past_year_sentence_is_history_not_an_event(pipeline):
    text = ("وتعرضت القاعدة لهجمات صاروخية في عام 2020 خلال التوتر الذي أعقب مقتل قاسم سليماني في ضربة أمريكية "
            "قرب مطار بغداد.")
    assert _events(pipeline, text) == []


def test_frames_threat_that_bases_are_not_safe_is_no_attack(pipeline):
    text = "وقال المتحدث إن قواعد الاحتلال في عين الأسد وحرير ليست بمنأى عن ضربات المجاهدين."
    assert _events(pipeline, text) == []


def test_frames_anniversary_is_no_event(pipeline):
    text = ("عام على هجوم البرج 22\n\nيستعيد مراقبون الهجوم بطائرة مسيرة الذي استهدف موقع البرج 22 في الأردن "
            "في مثل هذه الأيام من العام الماضي.")
    assert _events(pipeline, text) == []


def test_frames_headline_misreading_gives_way_to_body_event_of_other_type(pipeline):
    text = ("التحالف يرد بقصف مدفعي على الميادين\n\n"
            "ردت قوات التحالف الدولي مساء أمس بقصف مدفعي استهدف مواقع للميليشيات في محيط مدينة الميادين.")
    e = _one(pipeline, text)
    assert (e.type, e.location.id) == ("strike", "mayadin")


def test_frames_direction_of_raid_is_not_its_place(pipeline):
    text = ("نفذ العدو الإسرائيلي مساء أمس عدوانا جويا من اتجاه الجولان السوري المحتل مستهدفا نقاطا عسكرية "
            "في ريف دمشق.")
    e = _one(pipeline, text)
    assert (e.type, e.location.id, e.actor) == ("strike", "rif-dimashq-governorate", "israel")


def test_frames_source_of_a_statement_is_not_a_target(pipeline):
    text = ("وحملت فصائل مسلحة القوات الأمريكية مسؤولية الاعتداء، في حين لم يصدر تعليق فوري من السفارة "
            "الأمريكية في بغداد.")
    assert _events(pipeline, text) == []


def test_frames_subject_after_attack_verb_is_actor_across_commas(pipeline):
    text = "استهدفت الميليشيات الموالية لإيران، مساء أمس الأحد، بخمس قذائف صاروخية قاعدة حقل العمر النفطي."
    e = _one(pipeline, text)
    assert (e.location.id, e.actor, e.actor_basis, e.count) == ("al-omar", "iran-backed-militias", "attributed", 5)


def test_frames_our_fighters_take_the_group_that_claimed_before(pipeline):
    text = ("ضرب مجاهدو المقاومة الإسلامية في العراق مساء أمس قاعدة حرير بطائرتين مسيرتين.\n\n"
            "كما دك المجاهدون في الليلة ذاتها قاعدة الشدادي برشقة من الصواريخ.")
    events = {e.location.id: e for e in _events(pipeline, text)}
    assert set(events) == {"harir", "shaddadi"}
    for e in events.values():
        assert (e.actor, e.actor_basis) == ("islamic-resistance-in-iraq", "claimed")


def test_frames_claim_told_by_the_denying_side_is_claimed(pipeline):
    text = ("وصرح مصدر عسكري بأنه لا صحة لما تداولته منصات حول استهداف قاعدة موفق السلطي الجوية مساء أمس "
            "بطائرة مسيرة، وفق ما ادعت المقاومة الإسلامية في العراق.")
    e = _one(pipeline, text)
    assert (e.location.id, e.actor, e.actor_basis) == ("muwaffaq-salti", "islamic-resistance-in-iraq", "claimed")


def test_frames_group_backed_by_iran_is_the_group(pipeline):
    text = "أطلق الحوثيون المدعومون من إيران أمس صاروخا باليستيا باتجاه مدمرة أمريكية في خليج عدن."
    e = _one(pipeline, text)
    assert (e.location.id, e.actor) == ("gulf-of-aden", "ansar-allah")


def test_frames_follow_up_sentence_with_munition_gives_no_injuries(pipeline):
    text = ("أطلق الحوثيون أمس صاروخا باليستيا باتجاه مدمرة أمريكية في خليج عدن. "
            "وتمكنت المدمرة من إسقاط الصاروخ، ولم تسجل أي إصابات.")
    e = _one(pipeline, text)
    assert (e.injured, e.intercepted) == (0, True)


def test_frames_claim_of_other_attacks_beside_no_claim_gives_no_actor(pipeline):
    text = ("أسقطت قوات التحالف مساء أمس طائرتين مسيرتين كانتا متجهتين صوب قاعدة حرير. ولم تعلن أي جهة "
            "مسؤوليتها عن الهجوم، لكن فصائل عراقية مسلحة تبنت عشرات الهجمات المماثلة.")
    e = _one(pipeline, text)
    assert (e.location.id, e.actor) == ("harir", None)


def test_frames_convoy_count_from_the_next_sentence(pipeline):
    text = "وصل صباح اليوم رتل عسكري للتحالف الدولي إلى قاعدة قسرك. ويتألف الرتل من 45 شاحنة محملة بمعدات."
    e = _one(pipeline, text)
    assert (e.type, e.location.id, e.count) == ("reinforcement", "qasrak", 45)


def test_frames_killing_of_a_commander_is_one_killed(pipeline):
    text = "نفذت القوات الأمريكية ضربة في بغداد أمس، ما أسفر عن مقتل قائد في كتائب حزب الله."
    e = _one(pipeline, text)
    assert (e.type, e.killed) == ("strike", 1)


def test_frames_count_in_words_unit_and_tens(pipeline):
    e = _one(pipeline, "وصلت اليوم إلى قاعدة قسرك قافلة للتحالف الدولي مؤلفة من خمس وأربعين شاحنة.")
    assert (e.type, e.count) == ("reinforcement", 45)


def test_frames_houthi_rocket_is_a_missile(pipeline):
    e = _one(pipeline, "أطلق الحوثيون أمس صاروخا باتجاه مدمرة أمريكية في البحر الأحمر.")
    assert (e.actor, e.weapons) == ("ansar-allah", ["missile"])


def test_frames_rocket_named_iranian_is_a_missile(pipeline):
    e = _one(pipeline, "سقط 12 صاروخا إيرانيا فجر أمس على قاعدة عين الأسد الجوية.")
    assert (e.location.id, e.weapons, e.count) == ("ain-al-asad", ["missile"], 12)


def test_frames_where_a_munition_was_headed_is_not_the_strike_place(pipeline):
    text = ("نفذت القوات الأمريكية أمس ضربة استهدفت صاروخا حوثيا كان موجها نحو البحر الأحمر ومعدا للإطلاق "
            "في المناطق الخاضعة لسيطرة الحوثيين في اليمن.")
    e = _one(pipeline, text)
    assert (e.type, e.location, e.country) == ("strike", None, "YE")


def test_frames_earlier_the_same_day_takes_the_previous_events_day(pipeline):
    text = ("أطلق الحوثيون في 20 كانون الثاني صاروخا باتجاه مدمرة أمريكية في خليج عدن. وفي وقت سابق من اليوم "
            "نفسه، نفذت القوات الأمريكية ضربة على مواقع للحوثيين في اليمن.")
    strikes = [e for e in _events(pipeline, text) if e.type == "strike"]
    assert [(e.country, e.date) for e in strikes] == [("YE", dt.date(2024, 1, 20))]


def test_frames_state_drone_strike_takes_the_country_of_the_next_sentence(pipeline):
    text = ("استهدفت مسيرة إسرائيلية فجر اليوم دراجة نارية على طريق بلدة عيترون، ما أدى إلى مقتل عنصرين. "
            "وقال متحدث عسكري إن الطائرة قضت على عنصرين في جنوب لبنان.")
    e = _one(pipeline, text)
    assert (e.type, e.country, e.actor, e.weapons, e.count) == ("strike", "LB", "israel", ["drone"], 1)


def test_frames_drone_hit_on_a_car_blamed_on_us_forces_is_their_strike(pipeline):
    text = ("أفاد مصدر أمني مساء أمس بأن طائرة مسيرة استهدفت عجلة في منطقة المشتل شرقي العاصمة بغداد.\n\n"
            "وحملت فصائل مسلحة القوات الأمريكية مسؤولية الاعتداء.")
    e = _one(pipeline, text)
    assert (e.type, e.location.id, e.actor, e.actor_basis, e.weapons) == (
        "strike", "baghdad", "us-forces", "attributed", ["drone"])
    assert e.date == dt.date(2024, 1, 21)


def test_frames_drone_hit_on_a_car_blamed_on_nobody_is_no_event(pipeline):
    text = "أفاد مصدر أمني مساء أمس بأن طائرة مسيرة استهدفت عجلة في منطقة المشتل شرقي العاصمة بغداد."
    assert _events(pipeline, text) == []


def test_frames_toll_of_a_drone_hit_on_a_car_told_later(pipeline):
    text = ("أفاد مصدر أمني مساء أمس بأن طائرة مسيرة استهدفت عجلة في منطقة المشتل شرقي العاصمة بغداد.\n\n"
            "وأكد مصدر لاحقا مقتل ثلاثة أشخاص كانوا على متن العجلة.\n\n"
            "وحملت فصائل مسلحة القوات الأمريكية مسؤولية الاعتداء.")
    e = _one(pipeline, text)
    assert (e.type, e.killed) == ("strike", 3)


def test_frames_strikers_statement_about_another_country_does_not_make_a_claim(pipeline):
    text = ("استهدفت مسيرة إسرائيلية فجر اليوم سيارة في جنوب لبنان. وأعلن الجيش الإسرائيلي في بيان أنه قضى "
            "على عنصرين في لبنان.\n\nوفي سوريا، قال مصدر عسكري إن العدو الإسرائيلي نفذ مساء أمس عدوانا جويا "
            "على نقاط عسكرية في ريف دمشق.")
    strikes = {e.country: e for e in _events(pipeline, text) if e.type == "strike"}
    assert strikes["LB"].actor_basis == "claimed"
    assert strikes["SY"].actor_basis == "attributed"


def test_frames_one_attack_told_at_a_base_and_at_its_city_is_one_record(pipeline):
    text = ("استهدفت طائرة مسيرة قاعدة حرير الجوية مساء أمس. وأفاد مصدر أمني بسقوط طائرة مسيرة قرب مواقع "
            "لقوات التحالف الدولي في أربيل مساء أمس.")
    e = _one(pipeline, text)
    assert (e.location.id, e.date) == ("harir", dt.date(2024, 1, 21))


def test_frames_munition_count_in_the_next_clause(pipeline):
    text = "تعرضت قاعدة عين الأسد الجوية مساء أمس لهجوم صاروخي، أطلق فيه 12 صاروخا، من دون وقوع إصابات."
    e = _one(pipeline, text)
    assert (e.location.id, e.weapons, e.count) == ("ain-al-asad", ["rocket"], 12)


def test_frames_munition_count_in_the_next_clause_beside_a_strike(pipeline):
    text = ("وقال البنتاغون إن الضربات جاءت ردا على هجوم صاروخي يوم الجمعة على قاعدة كي وان العسكرية قرب "
            "كركوك، أطلق فيه 30 صاروخا.")
    attacks = [e for e in _events(pipeline, text) if e.type == "attack"]
    assert [(e.location.id, e.count) for e in attacks] == [("k1-kirkuk", 30)]


def test_frames_bare_group_word_is_the_group_named_before(pipeline):
    text = ("المقاومة الإسلامية في العراق تضرب قاعدة خراب الجير\n\n"
            "وفي بيان ثان، أعلنت المقاومة أنها استهدفت مساء أمس قاعدة الشدادي الأمريكية بطائرة مسيرة.")
    events = {e.location.id: e for e in _events(pipeline, text)}
    e = events["shaddadi"]
    assert (e.actor, e.actor_basis) == ("islamic-resistance-in-iraq", "claimed")


def test_frames_bare_militias_after_the_verb_are_the_militias_named_before(pipeline):
    text = ("قال المرصد إن الميليشيات الموالية لإيران صعدت في دير الزور.\n\n"
            "وفي الليلة ذاتها، استهدفت الميليشيات بقذائف صاروخية قاعدة حقل العمر النفطي مساء أمس.")
    e = _one(pipeline, text)
    assert (e.location.id, e.actor, e.actor_basis) == ("al-omar", "iran-backed-militias", "attributed")


def test_frames_reporters_city_is_not_an_event_place(pipeline):
    text = ("وقال مراسل الميادين في بغداد إن مصادر في الفصائل أكدت أن المسيرات أسقطت منظومات الدفاع الجوي "
            "الأمريكية مساء أمس.")
    assert _events(pipeline, text) == []


def test_frames_strike_responded_to_is_not_a_new_strike(pipeline):
    text = ("شنت القوات الأمريكية ليلة الجمعة غارات على مواقع في القائم.\n\n"
            "وفي أول رد على العدوان، أعلنت المقاومة الإسلامية في العراق فجر اليوم استهداف قاعدة حرير بطائرة "
            "مسيرة، مؤكدة أن العمليات ستتواصل حتى خروج آخر جندي أمريكي من أرض العراق.")
    strikes = [e for e in _events(pipeline, text) if e.type == "strike"]
    assert [e.location.id if e.location else None for e in strikes] == ["al-qaim"]


# --- arguments ---

def test_frames_each_site_keeps_the_munition_told_with_it(pipeline):
    text = "مسيرتان تستهدفان قاعدة كونيكو وقذائف صاروخية على حقل العمر فجر اليوم."
    weapons = {e.location.id: e.weapons for e in _events(pipeline, text)}
    assert weapons == {"conoco": ["drone"], "al-omar": ["rocket"]}


def test_frames_share_of_a_salvo_is_each_sites_count(pipeline):
    text = ("أطلقت إيران 15 صاروخا باليستيا فجر اليوم، سقط 11 منها على قاعدة عين الأسد، "
            "و4 على قاعدة حرير.")
    found = {e.location.id: (e.weapons, e.count) for e in _events(pipeline, text)}
    assert found == {"ain-al-asad": (["missile"], 11), "harir": (["missile"], 4)}


def test_frames_the_missiles_told_again_stay_missiles(pipeline):
    text = ("استهدفت صواريخ باليستية قاعدة عين الأسد فجر اليوم.\n\n"
            "وقال مسؤول إن الجنود احتموا في الملاجئ قبل سقوط الصواريخ على قاعدة عين الأسد.")
    e = _one(pipeline, text)
    assert e.weapons == ["missile"]


def test_frames_no_casualties_plural_means_nobody_killed_or_hurt(pipeline):
    e = _one(pipeline, "استهدفت طائرة مسيرة قاعدة عين الأسد مساء أمس، دون أن يسفر الهجوم عن إصابات.")
    assert (e.killed, e.injured) == (0, 0)


def test_frames_singular_casualty_noun_is_one_and_the_next_number_is_not_its(pipeline):
    e = _one(pipeline, "قتيل وتسعة جرحى في هجوم صاروخي استهدف قاعدة حرير أمس.")
    assert (e.killed, e.injured) == (1, 9)


def test_frames_one_share_of_a_salvo_keeps_the_salvo_count(pipeline):
    text = "أطلق مسلحون 14 صاروخا على قاعدة حرير مساء أمس، سقط ثلاثة منها داخل القاعدة."
    assert _one(pipeline, text).count == 14


def test_frames_coordinated_groups_of_one_munition_word_add_up(pipeline):
    text = ("أسقطت مدمرة أمريكية صاروخين من طراز كروز وصاروخا باليستيا واحدا أطلقها الحوثيون "
            "في البحر الأحمر اليوم.")
    e = _one(pipeline, text)
    assert (e.weapons, e.count) == (["missile"], 3)


def test_frames_follow_up_sentence_gives_the_count_of_the_attack_before(pipeline):
    text = ("أصيب خمسة عسكريين أمريكيين في هجوم صاروخي استهدف قاعدة عين الأسد أمس.\n\n"
            "وقال مسؤول إن صاروخين من نوع كاتيوشا أطلقا على القاعدة.")
    e = _one(pipeline, text)
    assert (e.weapons, e.count) == (["rocket"], 2)


def test_frames_stores_of_munitions_in_a_strike_sentence_are_not_the_attacks_weapons(pipeline):
    text = ("هجوم على قاعدة التنف أمس.\n\n"
            "وقالت القيادة المركزية إن الغارات طالت مخازن للصواريخ والطائرات المسيرة.")
    events = [e for e in _events(pipeline, text) if e.type == "attack"]
    assert [e.weapons for e in events] == [[]]


def test_frames_ballistic_and_other_rockets_are_two_kinds(pipeline):
    text = "أطلقت فصائل مسلحة صواريخ باليستية وصواريخ أخرى على قاعدة عين الأسد أمس."
    assert _one(pipeline, text).weapons == ["missile", "rocket"]


def test_frames_no_casualties_at_both_places_completes_both_attacks(pipeline):
    text = ("سقطت 22 صاروخا باليستيا فجر أمس، سقط 17 منها على قاعدة عين الأسد، و5 على قاعدة حرير.\n\n"
            "وأوضحت القيادة أن القصف على الموقعين لم يسفر عن أي إصابات.")
    assert {(e.location.id, e.killed, e.injured) for e in _events(pipeline, text)} == {
        ("ain-al-asad", 0, 0), ("harir", 0, 0)}


def test_frames_a_statement_of_the_other_side_is_no_claim_of_the_group_it_names(pipeline):
    text = "قالت القيادة المركزية الأمريكية إن قواتها أسقطت طائرتين مسيرتين أطلقهما الحوثيون فوق البحر الأحمر اليوم."
    e = _one(pipeline, text)
    assert (e.actor, e.actor_basis) == ("ansar-allah", "attributed")


def test_frames_the_groups_own_claim_outweighs_another_sides_description(pipeline):
    text = ("قال الجيش الأمريكي إن فصائل مدعومة من إيران أطلقت صواريخ على قاعدة عين الأسد أمس.\n\n"
            "وأعلنت المقاومة الإسلامية في العراق مسؤوليتها عن الهجوم في بيان على تلغرام.")
    e = _one(pipeline, text)
    assert (e.actor, e.actor_basis) == ("islamic-resistance-in-iraq", "claimed")


def test_frames_headline_subject_is_claimed_when_the_body_has_the_groups_statement(pipeline):
    text = ("المقاومة الإسلامية في العراق تقصف قاعدة عين الأسد بالصواريخ\n\n"
            "أعلنت المقاومة الإسلامية في العراق، مساء اليوم، استهداف قاعدة عين الأسد برشقة صواريخ.")
    e = _one(pipeline, text)
    assert (e.actor, e.actor_basis) == ("islamic-resistance-in-iraq", "claimed")


def test_frames_blame_in_a_later_sentence_names_the_actors_of_nearby_attacks(pipeline):
    text = ("أسقطت القوات الأمريكية مسيرتين هاجمتا قاعدة التنف أمس. "
            "وتعرضت قاعدة عين الأسد أمس لهجوم بطائرتين مسيرتين. "
            "وأضاف المتحدث: نحمّل المسؤولية لجماعات تدعمها إيران.")
    actors = {e.location.id: (e.actor, e.actor_basis) for e in _events(pipeline, text)}
    assert actors == {"al-tanf": ("iran-backed-militias", "attributed"),
                      "ain-al-asad": ("iran-backed-militias", "attributed")}


def test_frames_statement_list_after_the_groups_announcement_is_claimed(pipeline):
    text = ("نفذ مجاهدو المقاومة الإسلامية في العراق صباح اليوم عمليتين:\n"
            "1- استهداف قاعدة عين الأسد بطائرتين مسيرتين.\n"
            "2- ضرب قاعدة حرير بطائرة مسيرة.")
    actors = {e.location.id: (e.actor, e.actor_basis) for e in _events(pipeline, text)}
    assert actors == {"ain-al-asad": ("islamic-resistance-in-iraq", "claimed"),
                      "harir": ("islamic-resistance-in-iraq", "claimed")}


def test_frames_bare_guard_is_the_revolutionary_guard_named_before(pipeline):
    text = ("أعلن الحرس الثوري استهداف قاعدة عين الأسد بالصواريخ اليوم. "
            "وأوضح الحرس في بيان ثان أن موجة أخرى من الصواريخ استهدفت قاعدة حرير.")
    actors = {e.location.id: e.actor for e in _events(pipeline, text)}
    assert actors == {"ain-al-asad": "irgc", "harir": "irgc"}


def test_frames_a_verbs_subject_follows_it_so_a_group_before_it_is_not_the_speaker(pipeline):
    text = ("سقطت صواريخ على قاعدة عين الأسد أمس، بعد ساعات من مقتل مستشارين في الحرس الثوري، "
            "بحسب ما أعلنته وسائل إعلام إيرانية.")
    assert _one(pipeline, text).actor_basis != "claimed"


def test_frames_no_casualties_told_right_after_the_event_need_no_event_word(pipeline):
    text = ("أسقطت قوات التحالف طائرتين مسيرتين كانتا تستهدفان قاعدة القرية الخضراء اليوم. "
            "لم تقع إصابات في صفوف القوات الأمريكية.")
    e = _one(pipeline, text)
    assert e.injured == 0


def test_frames_follow_up_naming_where_rockets_came_from_still_counts_them(pipeline):
    text = ("استهدف هجوم صاروخي قاعدة حرير مساء أمس.\n\n"
            "وقالت المديرية إن 14 صاروخا أطلقت من منطقة جنوب أربيل.")
    assert _one(pipeline, text).count == 14


def test_frames_convoy_size_told_with_where_it_heads_is_its_count(pipeline):
    text = ("دخل رتل عسكري تابع للتحالف الدولي، الأحد، عبر معبر الوليد الحدودي.\n\n"
            "وقال المراسل إن الرتل ضم نحو 35 شاحنة، وتوجه نحو قاعدة قسرك في ريف الحسكة الشمالي.")
    events = [e for e in _events(pipeline, text) if e.type == "reinforcement"]
    # the named base it heads for is where the convoy is recorded (spec: "the site if one is named")
    assert [(e.location.id, e.count) for e in events] == [("qasrak", 35)]


def test_frames_toll_told_after_a_filler_word(pipeline):
    text = "وقُتل فيه متعاقد مدني أمريكي وأصيب ستة أشخاص في هجوم صاروخي على قاعدة حرير أمس."
    e = _one(pipeline, text)
    assert (e.killed, e.injured) == (1, 6)


def test_frames_toll_after_the_event_noun(pipeline):
    e = _one(pipeline, "شنت طائرات أمريكية غارة على القائم اليوم، واستشهد في الغارة 10 أشخاص.")
    assert e.killed == 10


def test_frames_a_person_and_his_companion_are_two(pipeline):
    text = "استهدفت طائرة مسيرة أمريكية سيارة في بغداد اليوم، ما أسفر عن مقتل قيادي في الحركة ومرافقه."
    assert _one(pipeline, text).killed == 2


def test_frames_people_then_two_is_two(pipeline):
    text = "ردت القوات الأمريكية بغارات على مواقع في الميادين اليوم، ما أسفر عن مقتل مسلحين اثنين."
    assert _one(pipeline, text).killed == 2


def test_frames_rockets_launched_from_iran_are_missiles(pipeline):
    text = "سقطت صواريخ قرب قاعدة حرير اليوم، وقال مسؤولون إنها أطلقت من إيران."
    assert _one(pipeline, text).weapons == ["missile"]


def test_frames_rockets_the_revolutionary_guard_claims_are_missiles(pipeline):
    e = _one(pipeline, "أعلن الحرس الثوري الإيراني استهداف قاعدة حرير بصواريخ اليوم.")
    assert (e.actor, e.weapons) == ("irgc", ["missile"])


def test_frames_factions_allied_with_iran_are_the_iran_backed_militias(pipeline):
    text = "تعرضت قاعدة حرير لهجوم صاروخي اليوم، واتهم مسؤولون فصائل متحالفة مع إيران بتنفيذه."
    assert _one(pipeline, text).actor == "iran-backed-militias"


def test_frames_a_group_disowning_the_attack_is_not_its_actor(pipeline):
    text = "وقالت حركة النجباء إنها غير مسؤولة عن الهجوم على قاعدة عين الأسد اليوم."
    assert _one(pipeline, text).actor is None


def test_frames_number_of_air_strikes_is_the_strikes_count(pipeline):
    text = ("شن العدوان الأمريكي فجر اليوم سلسلة غارات على اليمن.\n\n"
            "وقال المتحدث إن العدو استهدف اليمن بـ73 غارة، ما أدى إلى استشهاد خمسة.")
    strikes = [e for e in _events(pipeline, text) if e.type == "strike"]
    assert [(s.count, s.killed) for s in strikes] == [(73, 5)]


def test_frames_air_defences_shooting_down_a_strikes_missiles_mark_it_intercepted(pipeline):
    text = ("نفذ العدو الإسرائيلي عدوانا جويا على ريف دمشق مساء أمس.\n\n"
            "وأشار المصدر إلى أن وسائط الدفاع الجوي تصدت لصواريخ العدوان وأسقطت بعضها.")
    strikes = [e for e in _events(pipeline, text) if e.type == "strike"]
    assert [s.intercepted for s in strikes] == [True]


def test_frames_losses_limited_to_material_ones_mean_no_casualties(pipeline):
    text = "سقطت ثلاثة صواريخ على قاعدة عين الأسد أمس، واقتصرت الخسائر على الماديات."
    e = _one(pipeline, text)
    assert (e.killed, e.injured) == (0, 0)


def test_frames_headline_subject_names_the_actor_of_each_site_it_shells(pipeline):
    text = ("الميليشيات الإيرانية تقصف حقل العمر وكونيكو\n\n"
            "استهدفت قذائف صاروخية قاعدة حقل العمر فجر اليوم.\n\n"
            "وفي وقت لاحق، سقطت قذائف صاروخية على قاعدة كونيكو.")
    actors = {e.location.id: (e.actor, e.actor_basis) for e in _events(pipeline, text)}
    assert actors == {"al-omar": ("iran-backed-militias", "attributed"),
                      "conoco": ("iran-backed-militias", "attributed")}


def test_frames_a_denial_of_casualties_is_a_toll_of_none(pipeline):
    text = "استهدف هجوم بطائرة مسيرة قاعدة التنف اليوم. ونفى المتحدث باسم التحالف وقوع أي إصابات."
    e = _one(pipeline, text)
    assert (e.killed, e.injured) == (0, 0)


def test_frames_no_soldier_hit_is_a_toll_of_none(pipeline):
    e = _one(pipeline, "استهدف هجوم صاروخي قاعدة عين الأسد اليوم، ولم يصب أي جندي أمريكي.")
    assert (e.killed, e.injured) == (0, 0)


def test_frames_the_attackers_losses_are_no_toll_of_their_attack(pipeline):
    text = ("استهدف هجوم صاروخي قاعدة القرية الخضراء اليوم. "
            "وردت القوات الأمريكية بقصف مصادر النيران ما أسفر عن مقتل مسلحين اثنين.")
    attacks = [e for e in _events(pipeline, text) if e.type == "attack"]
    assert [e.killed for e in attacks] == [None]


def test_frames_the_toll_of_the_attack_a_strike_answers_is_not_the_strikes(pipeline):
    text = "شنت القوات الأمريكية غارات على مواقع في القائم اليوم ردا على هجوم أسفر عن مقتل ثلاثة جنود أمريكيين."
    strikes = [e for e in _events(pipeline, text) if e.type == "strike"]
    assert [e.killed for e in strikes] == [None]


def test_frames_the_toll_told_after_what_a_strike_answers_is_the_strikes(pipeline):
    text = ("نفذت القوات الأمريكية ضربة في بغداد اليوم رداً على الهجمات التي استهدفت قواتها، "
            "ما أسفر عن مقتل قائد في كتائب حزب الله.")
    strikes = [e for e in _events(pipeline, text) if e.type == "strike"]
    assert [e.killed for e in strikes] == [1]


def test_frames_soldiers_hit_as_one_word_form_are_counted(pipeline):
    text = "استهدفت طائرة مسيرة قاعدة حرير اليوم. وقال مسؤول إن الهجوم أسفر عن إصابة جنديين."
    assert _one(pipeline, text).injured == 2


def test_frames_a_third_munition_told_by_its_ordinal_adds_one(pipeline):
    text = "أسقطت القوات الأمريكية طائرتين مسيرتين هاجمتا قاعدة التنف اليوم، فيما أصابت طائرة ثالثة الموقع."
    assert _one(pipeline, text).count == 3


def test_frames_no_single_dead_or_wounded_is_none_not_one(pipeline):
    e = _one(pipeline, "استهدف هجوم صاروخي قاعدة حرير اليوم، ولم يسقط أي قتيل أو جريح.")
    assert (e.killed, e.injured) == (0, 0)


def test_frames_a_loaded_launcher_found_is_a_foiled_attack(pipeline):
    text = ("عثرت القوات الأمنية صباح اليوم على منصة إطلاق معدة للاستخدام تحمل ثلاثة صواريخ "
            "موجهة نحو قاعدة عين الأسد.")
    assert _one(pipeline, text).intercepted is True


def test_frames_a_launcher_found_burnt_after_the_attack_is_no_interception(pipeline):
    text = ("سقط صاروخان داخل قاعدة عين الأسد مساء اليوم، وعثرت القوات على منصة الإطلاق محترقة "
            "داخل عجلة في منطقة قريبة.")
    assert _one(pipeline, text).intercepted is None


def test_frames_munitions_of_many_past_attacks_are_not_the_events(pipeline):
    text = ("أحبطت القوات الأمنية محاولة قصف معسكر فكتوري بأربعة صواريخ اليوم. "
            "وتعرض معسكر فكتوري في الأسابيع الأخيرة لعدة هجمات بالصواريخ والطائرات المسيرة.")
    assert _one(pipeline, text).weapons == ["rocket"]


def test_frames_a_dated_plural_attack_keeps_its_munitions(pipeline):
    assert _one(pipeline, "استهدفت هجمات بطائرات مسيرة قاعدة التنف اليوم.").weapons == ["drone"]


def test_frames_the_group_by_its_bare_name_claims_each_base_it_lists(pipeline):
    text = ("المقاومة الإسلامية في العراق تستهدف قاعدتي حرير والشدادي بالمسيرات\n\n"
            "وقالت المقاومة في بيانين منفصلين إن مجاهديها استهدفوا مساء أمس قاعدة الاحتلال الأمريكي في حرير "
            "بطائرة مسيرة، كما استهدفوا قاعدة الاحتلال في الشدادي بطائرتين مسيرتين.")
    bases = {e.location.id: e.actor_basis for e in _events(pipeline, text)}
    assert bases == {"harir": "claimed", "shaddadi": "claimed"}


def test_frames_the_only_attack_takes_the_munitions_of_how_it_was_carried_out(pipeline):
    text = ("دانت الحكومة الهجوم الذي استهدف قاعدة البرج 22 فجر الأحد.\n\n"
            "وقال الناطق باسم الحكومة إن الهجوم نُفذ بطائرة مسيّرة.")
    e = _one(pipeline, text)
    assert (e.weapons, e.count) == (["drone"], 1)


def test_frames_two_air_strikes_in_one_word(pipeline):
    text = "شنت طائرات أمريكية مساء أمس غارتين على مواقع في البوكمال."
    strikes = [e for e in _events(pipeline, text) if e.type == "strike"]
    assert [s.count for s in strikes] == [2]


def test_frames_a_group_announcing_its_operations_claims_them(pipeline):
    text = ("أعلنت القوات المسلحة اليمنية، اليوم الأربعاء، تنفيذ عمليتين عسكريتين.\n\n"
            "وأضاف المتحدث أن القوات البحرية استهدفت مساء أمس مدمرة حربية أمريكية في البحر الأحمر بصاروخ بحري.")
    e = _one(pipeline, text)
    assert (e.weapons, e.actor, e.actor_basis) == (["missile"], "ansar-allah", "claimed")


def test_frames_an_attack_verb_that_wounds_people_gives_the_injured(pipeline):
    text = "ضربت طائرة مسيرة قاعدة البرج 22 فجر الأحد، فقتلت ثلاثة عسكريين وأصابت أكثر من 40 آخرين."
    e = _one(pipeline, text)
    assert (e.killed, e.injured) == (3, 40)


def test_frames_the_fingerprints_of_a_group_attribute_the_attack(pipeline):
    text = ("ضربت طائرة مسيرة قاعدة البرج 22 فجر الأحد.\n\n"
            "وقالت المتحدثة باسم البنتاغون إن الهجوم يحمل بصمات كتائب حزب الله.")
    e = _one(pipeline, text)
    assert (e.actor, e.actor_basis) == ("kataib-hezbollah", "attributed")


def test_frames_a_group_suspending_its_operations_claims_nothing(pipeline):
    text = ("ضربت طائرة مسيرة قاعدة البرج 22 فجر الأحد.\n\n"
            "وأعلنت كتائب حزب الله مساء الثلاثاء تعليق عملياتها العسكرية ضد القوات الأمريكية.")
    assert _one(pipeline, text).actor_basis != "claimed"


def test_frames_a_drone_called_by_its_short_name_in_an_attack(pipeline):
    assert _one(pipeline, "استهدفت مسيّرة قاعدة عين الأسد اليوم.").weapons == ["drone"]


def test_frames_a_march_is_no_drone(pipeline):
    assert _events(pipeline, "خرجت مسيرة حاشدة أمام السفارة الأمريكية في بغداد اليوم.") == []


def test_frames_two_roadside_bombs_in_the_dual(pipeline):
    e = _one(pipeline, "انفجرت عبوتان ناسفتان على رتل للتحالف الدولي قرب قاعدة بلد اليوم.")
    assert (e.weapons, e.count) == (["ied"], 2)


def test_frames_an_accusation_in_the_imperfect_attributes_the_attack(pipeline):
    text = ("وكان ثلاثة جنود قد قتلوا الأحد الماضي في هجوم بطائرة مسيرة على موقع البرج 22، "
            "تتهم واشنطن فصائل مدعومة من إيران بتنفيذه.")
    e = _one(pipeline, text)
    assert (e.actor, e.actor_basis) == ("iran-backed-militias", "attributed")


def test_frames_irans_militias_are_the_iran_backed_militias(pipeline):
    text = "هجوم بخمس طائرات مسيرة يستهدف قاعدة التنف أمس.. وفصيل محلي يتهم ميليشيات إيران"
    assert _one(pipeline, text).actor == "iran-backed-militias"


def test_frames_a_threat_after_the_blame_does_not_hedge_it(pipeline):
    text = ("استهدف هجوم صاروخي موقع كونوكو اليوم. فيما استهدف هجوم ثان قاعدة القرية الخضراء بثلاث قذائف صاروخية. "
            "وأوضحت القيادة المركزية أن المهاجمين ينتمون إلى مجموعات مدعومة من إيران، مؤكدة أن القوات الأمريكية "
            "ستواصل اتخاذ الإجراءات اللازمة.")
    actors = {e.location.id: e.actor for e in _events(pipeline, text)}
    assert actors == {"conoco": "iran-backed-militias", "green-village": "iran-backed-militias"}


def test_frames_the_answers_artillery_is_not_the_attacks(pipeline):
    text = "قذائف صاروخية تطال قاعدة حقل العمر اليوم.. والقوات الأمريكية ترد بقصف مدفعي على خشام"
    attacks = [e for e in _events(pipeline, text) if e.type == "attack"]
    assert [e.weapons for e in attacks] == [["rocket"]]


def test_frames_drones_downed_out_of_a_whole_count_the_whole(pipeline):
    text = ("قالت القيادة المركزية إن قواتها أسقطت اليوم خمس طائرات مسيرة من أصل سبع أطلقها الحوثيون "
            "باتجاه البحر الأحمر.")
    assert _one(pipeline, text).count == 7


def test_frames_a_bare_shell_count_counts_the_one_kind_named(pipeline):
    text = ("قصفت ميليشيات قاعدة حقل كونيكو فجر اليوم بقذائف هاون، حيث أفاد مراسلنا بسقوط نحو 10 قذائف "
            "داخل الحقل.")
    e = _one(pipeline, text)
    assert (e.weapons, e.count) == (["mortar"], 10)


def test_frames_members_hurt_in_the_dual(pipeline):
    text = "سقطت قذيفتا هاون داخل قاعدة عين الأسد اليوم، ما أدى إلى إصابة منتسبين اثنين بجروح طفيفة."
    assert _one(pipeline, text).injured == 2


def test_frames_two_groups_of_people_hurt_add_up(pipeline):
    text = ("سقط صاروخان على قاعدة عين الأسد اليوم، وقال مسؤول إن خمسة عسكريين أمريكيين ومتعاقدين اثنين "
            "أصيبوا في الهجوم.")
    assert _one(pipeline, text).injured == 7


def test_frames_groups_of_people_after_the_casualty_verb_add_up(pipeline):
    e = _one(pipeline, "أصيب ثلاثة جنود وخمسة متعاقدين في هجوم على قاعدة حرير اليوم.")
    assert e.injured == 8


def test_frames_an_attack_of_a_day_takes_the_munitions_told_with_that_day(pipeline):
    text = ("جاء هجوم مساء الاثنين على قاعدة عين الأسد ليعيد خلط الأوراق.\n\n"
            "وكانت مسيرة قد هاجمت قاعدة عين الأسد في 25 تموز 2023.\n\n"
            "وقال مصدر أمني إن صاروخين من نوع كاتيوشا أطلقا مساء الاثنين وسقطا داخل القاعدة.")
    events = {e.date.isoformat(): (e.weapons, e.count) for e in _events(pipeline, text) if e.date}
    assert events.get("2024-01-22") == (["rocket"], 2)


def test_frames_the_groups_spokesman_announcing_the_operation_claims_it(pipeline):
    text = ("القوات المسلحة اليمنية تستهدف مدمرة أمريكية في البحر الأحمر\n\n"
            "أعلن المتحدث الرسمي باسم القوات المسلحة اليمنية، اليوم، تنفيذ عملية عسكرية استهدفت مدمرة أمريكية "
            "في البحر الأحمر بعدد من الصواريخ المجنحة.")
    e = _one(pipeline, text)
    assert (e.actor, e.actor_basis) == ("ansar-allah", "claimed")


def test_frames_out_of_a_whole_after_an_adjective(pipeline):
    text = "أسقطت القوات الأمريكية اليوم 5 مسيّرات حوثية من أصل 7 فوق البحر الأحمر."
    assert _one(pipeline, text).count == 7


def test_frames_people_named_with_their_service_in_a_second_group_add_up(pipeline):
    text = ("قال مسؤول إن صاروخين من طراز كاتيوشا أطلقا على قاعدة عين الأسد اليوم، وإن خمسة من أفراد الخدمة "
            "الأميركيين ومتعاقدين اثنين أصيبوا بجروح.")
    assert _one(pipeline, text).injured == 7


def test_frames_a_negated_causing_verb_in_the_dual_is_no_casualties(pipeline):
    text = "سقطت قذيفتا هاون في محيط قاعدة حقل كونيكو صباح اليوم، من دون أن تسفرا عن خسائر بشرية."
    e = _one(pipeline, text)
    assert (e.killed, e.injured) == (0, 0)


def test_frames_a_group_then_coordinated_people_in_the_dual(pipeline):
    text = ("أقرت وسائل إعلام نقلا عن مسؤولين في البنتاغون بإصابة خمسة جنود ومتعاقدين اثنين في الهجوم "
            "على قاعدة عين الأسد اليوم.")
    assert _one(pipeline, text).injured == 7


def test_frames_a_munition_told_with_another_site_is_that_sites(pipeline):
    text = ("سقط 14 صاروخا على قاعدة عين الأسد اليوم.\n\n"
            "وجاء الهجوم على قاعدة عين الأسد بعد ساعات من استهداف مطار أربيل الدولي بطائرة مسيرة مفخخة.")
    weapons = {e.location.id: e.weapons for e in _events(pipeline, text)}
    assert weapons["ain-al-asad"] == ["rocket"]


def test_frames_two_bases_listed_share_their_munitions(pipeline):
    text = "استهدفت المقاومة قاعدتي عين الأسد وحرير بالصواريخ اليوم."
    assert {e.location.id: e.weapons for e in _events(pipeline, text)} == {
        "ain-al-asad": ["rocket"], "harir": ["rocket"]}


def test_frames_the_missiles_named_in_the_headline_as_rockets_stay_missiles(pipeline):
    text = ("الحرس الثوري: قصفنا قاعدة عين الأسد الأمريكية بعشرات الصواريخ\n\n"
            "أعلن الحرس الثوري فجر اليوم استهداف قاعدة عين الأسد بصواريخ أرض-أرض.")
    assert _one(pipeline, text).weapons == ["missile"]


def test_frames_toll_of_bare_people_nouns_before_the_verb_adds_up(pipeline):
    text = ("قال مسؤولون إن جنديين أمريكيين ومجندة بريطانية قتلوا في هجوم صاروخي استهدف قاعدة عين الأسد "
            "مساء الأربعاء.")
    assert _one(pipeline, text).killed == 3


def test_frames_toll_of_a_named_person_and_a_counted_group_adds_up(pipeline):
    text = ("أعلنت القيادة المركزية أن هجوما بطائرة مسيرة استهدف قاعدة عين الأسد فجر اليوم، ما أسفر عن "
            "إصابة متعاقد أمريكي آخر وأربعة من أفراد الخدمة بجروح.")
    assert _one(pipeline, text).injured == 5


def test_frames_toll_of_a_person_and_another_joined_by_and(pipeline):
    text = "أعلنت القيادة المركزية مقتل جندي أمريكي ومتعاقد في هجوم بطائرة مسيرة على قاعدة عين الأسد مساء الأربعاء."
    assert _one(pipeline, text).killed == 2


def test_frames_toll_of_one_person_then_another_casualty_word_stays_one(pipeline):
    text = ("أسفر هجوم بطائرة مسيرة على قاعدة عين الأسد فجر اليوم عن مقتل متعاقد أمريكي وإصابة خمسة جنود "
            "بجروح.")
    e = _one(pipeline, text)
    assert (e.killed, e.injured) == (1, 5)


def test_frames_toll_counts_people_named_by_nationality(pipeline):
    text = "قال مسؤول إن سبعة أمريكيين على الأقل أصيبوا في هجوم صاروخي استهدف قاعدة عين الأسد مساء الاثنين."
    assert _one(pipeline, text).injured == 7


def test_frames_no_losses_after_a_negated_verb_is_a_toll_of_none(pipeline):
    text = "تعرض مطار أربيل مساء الثلاثاء لهجوم بطائرة مسيرة مفخخة، لم يسفر عن خسائر."
    e = _one(pipeline, text)
    assert (e.killed, e.injured) == (0, 0)


def test_frames_no_material_losses_is_no_toll(pipeline):
    text = "تعرض مطار أربيل مساء الثلاثاء لهجوم بطائرة مسيرة مفخخة، لم يسفر عن خسائر مادية."
    e = _one(pipeline, text)
    assert (e.killed, e.injured) == (None, None)


def test_frames_dual_cruise_missiles_in_construct_are_two(pipeline):
    text = "أسقطت مدمرة أمريكية مساء الثلاثاء في البحر الأحمر صاروخا كروز أطلقهما الحوثيون."
    e = _one(pipeline, text)
    assert (e.weapons, e.count) == (["missile"], 2)


def test_frames_toll_of_one_of_a_group_is_one(pipeline):
    text = ("شنت طائرات أمريكية فجر اليوم غارات على مقر للحشد الشعبي في جرف النصر، ما أدى إلى مقتل أحد "
            "عناصره وإصابة 18 آخرين.")
    e = _one(pipeline, text)
    assert (e.killed, e.injured) == (1, 18)


def test_frames_toll_of_a_dual_member_noun_is_two(pipeline):
    text = "استهدفت مسيرة تركية فجر اليوم سيارة في مدينة القامشلي، ما أدى إلى استشهاد عضوين في قوى الأمن الداخلي."
    assert _one(pipeline, text).killed == 2


def test_frames_toll_in_a_headline_naming_the_strikers_country(pipeline):
    text = ("تسعة قتلى بغارات الطيران الأردني على بلدة عرمان\n\n"
            "شن الطيران الحربي الأردني فجر الخميس غارتين استهدفتا منزلين في بلدة عرمان بريف السويداء.")
    e = _one(pipeline, text)
    assert (e.type, e.country, e.killed) == ("strike", "SY", 9)


def test_frames_each_place_takes_the_toll_of_its_own_clause(pipeline):
    text = ("شنت طائرات أمريكية فجر اليوم غارات على مواقع في بادية الميادين وقرب مدينة البوكمال، ما أدى إلى "
            "مقتل 3 عناصر في الميادين، بينما قتل عنصران آخران في البوكمال.")
    tolls = {e.location.id: e.killed for e in _events(pipeline, text)}
    assert tolls == {"mayadin": 3, "bukamal": 2}


def test_frames_toll_in_the_next_sentence_with_no_event_word(pipeline):
    text = ("استهدفت مسيرة قاعدة التنف فجر اليوم.\n\n"
            "وأعلن البنتاغون لاحقا إصابة ثلاثة جنود بجروح طفيفة.")
    assert _one(pipeline, text).injured == 3


def test_frames_no_reports_of_casualties_in_the_next_sentence(pipeline):
    text = "استهدف هجوم صاروخي قاعدة عين الأسد فجر اليوم. ولم ترد أنباء عن وقوع إصابات."
    e = _one(pipeline, text)
    assert (e.killed, e.injured) == (0, 0)


def test_frames_toll_rising_to_a_number(pipeline):
    text = "قصفت طائرات أمريكية فجر اليوم مواقع في القائم. وارتفعت حصيلة قتلى الغارات إلى 25 عنصرا."
    assert _one(pipeline, text).killed == 25


def test_frames_toll_of_units_and_tens_in_words(pipeline):
    text = "قصفت طائرات أمريكية فجر اليوم مواقع في القائم، أسفرت عن استشهاد خمسة وعشرين مقاتلا."
    assert _one(pipeline, text).killed == 25


def test_frames_toll_of_the_answer_is_not_the_attacks(pipeline):
    text = ("أطلق مسلحون صاروخين على قاعدة عين الأسد فجر اليوم، وردت القوات الأمريكية بقصف مدفعي أسفر عن "
            "مقتل اثنين من المهاجمين.")
    attack = next(e for e in _events(pipeline, text) if e.type == "attack")
    assert (attack.count, attack.killed) == (2, None)


def test_frames_a_statement_said_not_to_exist_makes_no_claimed_strike(pipeline):
    text = ("شن الطيران الحربي الأردني فجر الخميس غارتين استهدفتا منزلين في بلدة عرمان بريف السويداء.\n\n"
            "ورغم عدم صدور أي بيان رسمي عن الجيش الأردني، تداولت وسائل إعلام تقارير عن الغارات.")
    e = _one(pipeline, text)
    assert (e.actor, e.actor_basis) == ("jordan-government", "attributed")


# --- detection ---
# Which records exist: strikes told in the words of news, and look-alikes that are no event.

def test_frames_strike_noun_with_state_adjective_is_that_states_strike(pipeline):
    e = _one(pipeline, "ضربة صاروخية إسرائيلية استهدفت أمس مبنى في حي المزة بالعاصمة السورية دمشق.")
    assert (e.type, e.location.id, e.actor) == ("strike", "damascus", "israel")


def test_frames_air_force_adjective_is_not_the_country_struck(pipeline):
    e = _one(pipeline, "شن سلاح الجو الأردني فجر اليوم غارات على مواقع لمهربي المخدرات في جنوب سوريا.")
    assert (e.type, e.location, e.country, e.actor) == ("strike", None, "SY", "jordan-government")


def test_frames_state_forces_as_subject_of_shelling_strike(pipeline):
    e = _one(pipeline, "قصفت القوات الأمريكية فجر اليوم مواقع لكتائب حزب الله في قضاء القائم.")
    assert (e.type, e.location.id, e.actor, e.date) == ("strike", "al-qaim", "us-forces", dt.date(2024, 1, 22))


def test_frames_state_army_speaking_of_its_shelling_strikes(pipeline):
    e = _one(pipeline, "قال الجيش الإسرائيلي إنه قصف فجر اليوم مواقع لحزب الله في ريف دمشق.")
    assert (e.type, e.location.id, e.actor) == ("strike", "rif-dimashq-governorate", "israel")


def test_frames_state_named_after_a_groups_verb_is_its_object(pipeline):
    text = "أعلنت المقاومة الإسلامية في العراق أنها استهدفت إسرائيل فجر اليوم بطائرة مسيرة."
    assert [e.type for e in _events(pipeline, text)] != ["strike"]


def test_frames_us_forces_after_verb_with_a_base_are_the_target(pipeline):
    e = _one(pipeline, "استهدفت القوات الأمريكية في قاعدة عين الأسد بصاروخين فجر اليوم.")
    assert (e.type, e.location.id) == ("attack", "ain-al-asad")


def test_frames_convoy_leaving_a_base_is_no_reinforcement(pipeline):
    assert _events(pipeline, "انسحب رتل للقوات الأمريكية من قاعدة التنف أمس باتجاه الأردن.") == []


def test_frames_convoy_leaving_one_base_for_another_reinforces_the_second(pipeline):
    e = _one(pipeline, "غادر رتل عسكري أمريكي قاعدة الشدادي أمس ووصل إلى قاعدة خراب الجير.")
    assert (e.type, e.location.id) == ("reinforcement", "kharab-al-jir")


def test_frames_bases_in_a_tally_are_no_events_despite_the_statements_day(pipeline):
    text = ("قال المرصد في حصيلة نشرها أمس إن عدد الهجمات على القواعد الأمريكية في سوريا وصل إلى 61 هجوما "
            "منذ 19 تشرين الأول، توزعت بين حقل العمر وكونيكو.")
    assert [e for e in _events(pipeline, text) if e.type == "attack"] == []


def test_frames_strikers_own_country_gives_way_to_the_other_country_named(pipeline):
    text = ("قتل تسعة أشخاص بغارات على بلدة في جنوب سوريا.\n\n"
            "ونسب ناشطون غارات الخميس إلى مقاتلات أردنية، ولم يعلن الأردن مسؤوليته.")
    strikes = [e for e in _events(pipeline, text) if e.type == "strike"]
    assert [(e.country, e.actor, e.date) for e in strikes] == [("SY", "jordan-government", dt.date(2024, 1, 18))]


def test_frames_weapon_deployed_at_a_base_is_no_attack(pipeline):
    text = "تقرير\n\nنشر الجيش الأمريكي طائرات مسيرة من طراز ريبر في قاعدة موفق السلطي أمس."
    assert _events(pipeline, text) == []


def test_frames_weapon_without_attack_word_in_a_headline_is_an_attack(pipeline):
    e = _one(pipeline, "صاروخان على قاعدة عين الأسد\n\nولم ترد تفاصيل أخرى.")
    assert (e.type, e.location.id, e.weapons, e.count) == ("attack", "ain-al-asad", ["rocket"], 2)


def test_frames_habitual_attacks_are_no_event(pipeline):
    assert _events(pipeline, "تقرير\n\nوتتعرض قاعدة عين الأسد باستمرار لهجمات صاروخية.") == []


def test_frames_controlled_detonation_is_no_attack(pipeline):
    text = "سمع دوي انفجار في قاعدة عين الأسد أمس ناجم عن تفجير ذخائر قديمة منتهية الصلاحية."
    assert _events(pipeline, text) == []


def test_frames_war_of_words_is_no_attack(pipeline):
    text = "شن رئيس الوزراء هجوما حادا على القوات الأمريكية في قاعدة عين الأسد خلال كلمته أمس."
    assert _events(pipeline, text) == []


def test_frames_vow_to_continue_attacks_is_no_event(pipeline):
    text = "وأعلنت المقاومة الإسلامية أنها ستواصل استهداف قاعدة حرير بالطائرات المسيرة."
    assert _events(pipeline, text) == []


def test_frames_launching_something_that_is_no_weapon_is_no_attack(pipeline):
    assert _events(pipeline, "أطلقت القوات الأمريكية بالونات مراقبة فوق قاعدة التنف أمس.") == []


def test_frames_fall_of_a_drone_inside_a_base_is_an_attack(pipeline):
    e = _one(pipeline, "أفادت مصادر بسقوط طائرة مسيرة مفخخة داخل قاعدة التنف صباح اليوم.")
    assert (e.type, e.location.id, e.weapons) == ("attack", "al-tanf", ["drone"])



def test_frames_convoy_at_a_crossing_and_one_at_a_base_are_two_records(pipeline):
    text = ("دخل رتل عسكري تابع للتحالف الدولي، الأحد، إلى سوريا عبر معبر الوليد الحدودي في ريف الحسكة.\n\n"
            "ووصل رتل آخر إلى قاعدة الشدادي في اليوم ذاته.")
    places = sorted(e.location.id for e in _events(pipeline, text) if e.type == "reinforcement")
    assert places == ["al-walid-crossing-hasakah", "shaddadi"]


def test_frames_reaction_to_strikes_is_no_strike_where_it_is_voiced(pipeline):
    text = ("شنت مقاتلات أمريكية فجر اليوم غارات على مواقع في جرف الصخر.\n\n"
            "وفي بغداد، وصف رئيس الجمهورية الغارات بأنها انتهاك للسيادة.")
    assert [e.location.id for e in _events(pipeline, text)] == ["jurf-al-sakhar"]


def test_frames_capital_after_city_word_with_clitic_is_a_place(pipeline):
    e = _one(pipeline, "استهدف عدوان إسرائيلي مبنى سكنيا بمدينة دمشق صباح اليوم.")
    assert (e.type, e.location.id, e.actor) == ("strike", "damascus", "israel")


def test_frames_launch_of_rockets_toward_a_base_is_an_attack(pipeline):
    text = "تقرير\n\nورصد المرصد يوم أمس، إطلاق قذائف صاروخية من ريف الميادين باتجاه قاعدة حقل كونيكو للغاز."
    e = _one(pipeline, text)
    assert (e.type, e.location.id, e.weapons) == ("attack", "conoco", ["rocket"])


def test_frames_strike_answered_directly_is_no_new_strike(pipeline):
    text = "تقرير\n\nوجاءت الضربات ردا مباشرا على العدوان الأمريكي على جرف النصر."
    assert _events(pipeline, text) == []


def test_frames_attacks_some_days_before_are_history(pipeline):
    text = ("تقرير\n\nوتأتي هذه التعزيزات بعد أيام من هجمات بطائرات مسيرة استهدفت قاعدة حقل العمر النفطي "
            "وحقل كونيكو للغاز.")
    assert _events(pipeline, text) == []


def test_frames_convoys_referred_back_are_no_new_reinforcement(pipeline):
    text = "وصل رتل أمريكي إلى قاعدة الشدادي أمس.\n\nوجاءت هذه التعزيزات أمس إلى قاعدة خراب الجير أيضا."
    assert [e.location.id for e in _events(pipeline, text)] == ["shaddadi"]


def test_frames_strikes_laid_at_a_states_door_later_are_its_strikes(pipeline):
    text = ("قتل عشرة مدنيين فجر اليوم جراء غارات جوية استهدفت منازل في بلدة جنوبي سوريا.\n\n"
            "وقال شاهد عيان إن الانفجارين هزا البلدة.\n\n"
            "ونسب الأهالي الغارات إلى سلاح الجو الأردني.")
    e = _one(pipeline, text)
    assert (e.type, e.country, e.actor, e.actor_basis, e.date) == (
        "strike", "SY", "jordan-government", "attributed", dt.date(2024, 1, 22))


def test_frames_strikes_with_no_striker_named_stay_unattributed(pipeline):
    text = ("قتل عشرة مدنيين فجر اليوم جراء غارات جوية استهدفت منازل في بلدة جنوبي سوريا.\n\n"
            "وقال شاهد عيان إن الانفجارين هزا البلدة.")
    assert [e for e in _events(pipeline, text) if e.type == "strike"] == []


def test_frames_ceasefire_is_no_attack(pipeline):
    text = "تقرير\n\nقال زعيم الحوثيين إنه يرفض وقف إطلاق النار الذي يعتزم التحالف تطبيقه في اليمن اليوم."
    assert _events(pipeline, text) == []


def test_frames_fall_of_a_city_is_no_attack(pipeline):
    text = ("شنت طائرات التحالف الدولي أمس غارات على مواقع لداعش.\n\n"
            "وتسعى القوات لاستعادة السيطرة على الرمادي بعد سقوطها في يد داعش.")
    assert [e.location for e in _events(pipeline, text)] == []


def test_frames_striker_phrase_given_something_is_no_strike(pipeline):
    text = "تقرير\n\nوذلك اليوم بعد منح قاعدة إنجرليك الجوية في تركيا للمقاتلات الأميركية لضرب داعش في سوريا."
    assert _events(pipeline, text) == []


def test_frames_coalition_striking_off_yemen_is_the_saudi_led_one(pipeline):
    text = "تقرير\n\nوفي المخا على البحر الأحمر، قصفت قوات التحالف أمس مقرا للحوثيين في اليمن."
    assert [e for e in _events(pipeline, text) if e.actor == "coalition"] == []


def test_frames_sites_exposed_to_state_strikes_are_struck(pipeline):
    e = _one(pipeline, "تعرضت مقرات لكتائب حزب الله في القائم فجر اليوم لغارات أمريكية.")
    assert (e.type, e.location.id, e.actor) == ("strike", "al-qaim", "us-forces")


def test_frames_unknown_aircraft_guessed_to_be_a_states_strike(pipeline):
    text = "ذكرت مصادر محلية أن طيرانا مجهولا يرجح أنه أمريكي استهدف فجر اليوم مواقع للميليشيات في البوكمال."
    e = _one(pipeline, text)
    assert (e.type, e.location.id, e.actor) == ("strike", "bukamal", "us-forces")


def test_frames_bases_after_a_shelling_noun_are_its_object_not_a_striker(pipeline):
    text = "ردت الميليشيات فجر اليوم بقصف القواعد الأمريكية شرقي الفرات في دير الزور."
    assert [e for e in _events(pipeline, text) if e.type == "strike"] == []


def test_frames_strike_takes_the_day_nearest_its_strike_word(pipeline):
    text = ("شنت طائرتان حربيتان أمريكيتان مساء الأحد غارات على مواقع في مدينة الميادين، قبل أن ترد الميليشيات "
            "بقصف القواعد الأمريكية فجر اليوم الاثنين.")
    strikes = [e for e in _events(pipeline, text) if e.type == "strike"]
    assert [(e.location.id, e.date) for e in strikes] == [("mayadin", dt.date(2024, 1, 21))]


def test_frames_retaliation_with_no_day_is_on_the_day_of_the_attack_answered(pipeline):
    text = ("شنت طائرات أمريكية مساء الأحد غارات على مواقع في مدينة الميادين.\n\n"
            "وفجر اليوم، سقطت قذيفتان صاروخيتان داخل قاعدة حقل العمر.\n\n"
            "وردت القوات الأمريكية بقصف مدفعي على مصادر الإطلاق في محيط بلدة الطابية.")
    strikes = {e.location.id: e.date for e in _events(pipeline, text) if e.type == "strike"}
    assert strikes == {"mayadin": dt.date(2024, 1, 21), "tabiya": dt.date(2024, 1, 22)}


def test_frames_camp_victory_named_as_a_camp(pipeline):
    e = _one(pipeline, "أحبطت القوات الأمنية اليوم محاولة استهداف معسكر فيكتوري قرب مطار بغداد الدولي بثلاثة صواريخ.")
    assert (e.type, e.location.id) == ("attack", "victory-base")


def test_frames_attacks_in_past_years_at_large_are_history(pipeline):
    text = ("تقرير\n\nوكانت هجمات مماثلة قد تكررت في السنوات الماضية، خصوصا بعد مقتل سليماني بضربة أمريكية "
            "قرب مطار بغداد.")
    assert _events(pipeline, text) == []


def test_frames_attack_on_a_group_site_done_by_a_state_named_next_is_its_strike(pipeline):
    text = ("دانت الحكومة العراقية اليوم الاعتداء الذي استهدف فجر اليوم مقرا لقوات الحشد الشعبي في منطقة جرف النصر.\n\n"
            "وقال المتحدث إن الاعتداء الذي نفذته القوات الأمريكية بطائرات حربية أسفر عن استشهاد منتسب.")
    e = _one(pipeline, text)
    assert (e.type, e.location.id, e.actor, e.actor_basis) == ("strike", "jurf-al-sakhar", "us-forces", "attributed")


def test_frames_statements_day_is_not_the_strikes(pipeline):
    text = ("قال بيان للقيادة المشتركة اليوم إن الولايات المتحدة وحلفاءها نفذوا 41 ضربة جوية أمس، وإن 17 ضربة "
            "منها نفذت قرب مدينة دير الزور.")
    strikes = [e for e in _events(pipeline, text) if e.type == "strike"]
    assert [(e.location.id, e.date) for e in strikes] == [("deir-ez-zor", dt.date(2024, 1, 21))]


def test_frames_embassy_named_with_its_city_needs_no_other_mention_of_the_country(pipeline):
    e = _one(pipeline, "سقطت ثلاثة صواريخ كاتيوشا قرب مبنى السفارة الأمريكية في بغداد فجر اليوم.")
    assert (e.type, e.location.id, e.count) == ("attack", "us-embassy-baghdad", 3)


def test_frames_present_tense_attack_in_a_headline_is_an_attack(pipeline):
    events = _events(pipeline, "رشقة صاروخية تضرب قاعدة عين الأسد\n\nولم ترد تفاصيل أخرى.")
    assert [(e.type, e.location.id, e.weapons) for e in events] == [("attack", "ain-al-asad", ["rocket"])]


def test_frames_present_tense_attack_in_a_body_is_habitual(pipeline):
    assert _events(pipeline, "تقرير\n\nوالفصائل تقصف قاعدة عين الأسد بين حين وآخر.") == []


def test_frames_state_army_shelling_in_a_headline_is_its_strike(pipeline):
    events = _events(pipeline, "الجيش الأمريكي يقصف مواقع للحشد الشعبي في جرف الصخر\n\nولم ترد تفاصيل.")
    assert [(e.type, e.location.id, e.actor) for e in events] == [("strike", "jurf-al-sakhar", "us-forces")]


def test_frames_place_fronted_in_a_sentence_sets_the_scene(pipeline):
    text = ("وفي البحر الأحمر، قالت سنتكوم إن مدمرة أمريكية أسقطت مساء الجمعة صاروخا مضادا للسفن أطلقه "
            "الحوثيون من مناطق سيطرتهم في اليمن.")
    e = _one(pipeline, text)
    assert (e.type, e.location.id, e.country, e.intercepted) == ("attack", "red-sea", None, True)


def test_frames_munitions_headed_for_israel_are_no_attack_where_downed(pipeline):
    text = ("اعترضت المدمرة الأميركية في البحر الأحمر أمس صواريخ ومسيرات أطلقها الحوثيون من اليمن، "
            "وقال البنتاغون إنها ربما كانت متجهة نحو إسرائيل.")
    assert _events(pipeline, text) == []


def test_frames_headline_event_takes_the_leads_day(pipeline):
    text = ("انفجار عبوة ناسفة على رتل لنقل معدات التحالف في بابل\n\n"
            "أعلنت خلية الإعلام الأمني، اليوم الاثنين، انفجار عبوة ناسفة على رتل لشركة نقل.")
    e = _one(pipeline, text)
    assert (e.type, e.location.id, e.date) == ("attack", "babil-governorate", dt.date(2024, 1, 22))


def test_frames_base_a_hit_convoy_was_heading_to_is_not_the_attacks_place(pipeline):
    text = ("فجر اليوم، فجر مسلحون عبوة ناسفة على رتل للقوات الأمريكية قرب سامراء أثناء توجهه إلى قاعدة بلد.")
    events = _events(pipeline, text)
    assert [(e.type, e.location.id) for e in events] == [("attack", "samarra")]


def test_frames_aircraft_owned_by_a_states_navy_strike(pipeline):
    text = ("أغرقت مروحيات تابعة للبحرية الأميركية أمس ثلاثة زوارق للحوثيين في جنوب البحر الأحمر.")
    e = _one(pipeline, text)
    assert (e.type, e.location.id, e.actor) == ("strike", "red-sea", "us-forces")


def test_frames_strikes_weighed_as_an_option_are_no_strike(pipeline):
    text = ("أغرقت مروحيات تابعة للبحرية الأميركية أمس ثلاثة زوارق للحوثيين في جنوب البحر الأحمر.\n\n"
            "ويقول محللون إن هجوم اليوم يضع الإدارة أمام خيارات صعبة، وبين توجيه ضربات إلى منصات الإطلاق داخل اليمن.")
    assert [e.location.id if e.location else e.country for e in _events(pipeline, text) if e.type == "strike"] \
        == ["red-sea"]


def test_frames_strikes_only_condemned_are_no_new_strike(pipeline):
    text = "دعا البرلمان العراقي اليوم إلى إدانة الضربات الأمريكية على جرف الصخر."
    assert _events(pipeline, text) == []


def test_frames_strikes_only_studied_are_no_strike(pipeline):
    text = "أفادت تقارير اليوم بأن الولايات المتحدة تدرس توجيه ضربات إلى مواقع الفصائل في العراق."
    assert _events(pipeline, text) == []


def test_frames_joint_exercise_with_drones_is_no_event(pipeline):
    text = "نفذت القوات الأمريكية والعراقية اليوم تمرينا مشتركا في قاعدة عين الأسد باستخدام طائرات مسيرة."
    assert _events(pipeline, text) == []


def test_frames_drone_of_the_turkish_army_named_as_occupier_is_turkeys_strike(pipeline):
    text = ("استشهد عضوان إثر استهداف طائرة مسيّرة تابعة لجيش الاحتلال التركي سيارة قرب مدينة قامشلو "
            "مساء أمس.")
    e = _one(pipeline, text)
    assert (e.type, e.location.id, e.actor) == ("strike", "qamishli", "turkey")


def test_frames_city_outside_the_gazetteer_names_its_country(pipeline):
    e = _one(pipeline, "شن العدوان الأمريكي مساء أمس غارتين على منطقة في مديرية باجل بمحافظة الحديدة.")
    assert (e.type, e.location, e.country, e.actor) == ("strike", None, "YE", "us-forces")


def test_frames_country_across_a_border_is_not_where_it_happened(pipeline):
    text = "قتل عشرة مدنيين اليوم جراء غارات أردنية استهدفت منازل في بلدة بريف السويداء قرب الحدود مع الأردن."
    e = _one(pipeline, text)
    assert (e.type, e.country, e.actor) == ("strike", "SY", "jordan-government")


def test_frames_simultaneous_strikes_take_the_day_told_before(pipeline):
    text = ("أطلق الحوثيون اليوم صاروخا على سفينة في البحر الأحمر.\n\n"
            "وبالتزامن، نفذت قوات القيادة المركزية الأمريكية ضربات استهدفت صواريخ معدة للإطلاق في اليمن.")
    strikes = [e for e in _events(pipeline, text) if e.type == "strike"]
    assert [(e.country, e.date) for e in strikes] == [("YE", dt.date(2024, 1, 22))]


def test_frames_place_after_a_direction_only_places_the_one_before(pipeline):
    e = _one(pipeline, "شنت مقاتلات أمريكية اليوم ضربات جوية على مواقع في محافظة بابل جنوبي بغداد.")
    assert (e.type, e.location.id) == ("strike", "babil-governorate")


def test_frames_strike_on_the_next_day_is_the_day_after_the_one_told(pipeline):
    text = ("ففي 25 كانون الأول أصيب ثلاثة جنود أمريكيين في هجوم على قاعدة حرير، وردت واشنطن في اليوم التالي "
            "بغارات على مواقع للكتائب في محافظة بابل.")
    strikes = [e for e in _events(pipeline, text) if e.type == "strike"]
    assert [(e.location.id, e.date) for e in strikes] == [("babil-governorate", dt.date(2023, 12, 26))]


def test_frames_searches_carried_out_are_no_strike(pipeline):
    text = ("شنت طائرات أمريكية فجر اليوم غارات على مواقع في القائم.\n\n"
            "وقال مسؤول إن القوات العراقية نفذت عمليات تفتيش في محافظة الأنبار اليوم.")
    assert [e.location.id for e in _events(pipeline, text)] == ["al-qaim"]


def test_frames_retaliation_in_the_attacks_sentence_is_a_strike_too(pipeline):
    text = ("سقطت قذائف صاروخية في محيط قاعدة حقل العمر النفطي مساء أمس، فيما ردت القوات الأمريكية بقصف مدفعي "
            "على مصادر إطلاق القذائف في بادية الميادين.")
    kinds = sorted((e.type, e.location.id) for e in _events(pipeline, text))
    assert kinds == [("attack", "al-omar"), ("strike", "mayadin")]


def test_frames_munition_downed_by_a_state_fighter_is_an_attack_not_a_strike(pipeline):
    text = ("أطلق الحوثيون اليوم صاروخ كروز باتجاه المدمرة الأميركية في جنوب البحر الأحمر، أسقطته مقاتلة أميركية.")
    assert [(e.type, e.location.id) for e in _events(pipeline, text)] == [("attack", "red-sea")]


def test_frames_place_of_another_clauses_attacks_is_not_the_strikes(pipeline):
    text = ("تقرير\n\nوقعت الضربات الأميركية الأولى على اليمن أمس، لكن الهجمات على السفن في البحر الأحمر "
            "لم تتوقف.")
    assert [(e.type, e.country) for e in _events(pipeline, text)] == [("strike", "YE")]


def test_frames_analysts_view_without_a_day_is_no_event(pipeline):
    text = ("تقرير\n\nويرى الباحث في الشؤون العسكرية أن الضربات الأميركية على القائم لن تردع الفصائل.")
    assert _events(pipeline, text) == []


def test_frames_saudi_led_strikes_backed_by_washington_are_not_us_strikes(pipeline):
    text = "قتل عشرة مدنيين اليوم في غارات جوية تقودها السعودية وتدعمها الولايات المتحدة على صنعاء."
    assert [e for e in _events(pipeline, text) if e.type == "strike"] == []


def test_frames_state_army_announcing_its_air_strikes_further_on(pipeline):
    text = "أعلن الجيش الأردني أمس تدمير مستودعات لتهريب المخدرات داخل الأراضي السورية بضربات جوية."
    e = _one(pipeline, text)
    assert (e.type, e.country, e.actor) == ("strike", "SY", "jordan-government")


def test_frames_state_announcing_a_groups_attacks_is_no_strike(pipeline):
    text = "أعلن الجيش الأمريكي اليوم أن كتائب حزب الله نفذت ضربات على قاعدة عين الأسد."
    assert [e.type for e in _events(pipeline, text)] == ["attack"]


def test_frames_army_speaking_of_its_own_aircraft_striking(pipeline):
    text = "أعلن الجيش الإسرائيلي أن طائراته الحربية قصفت أمس مواقع عسكرية سورية في الجولان."
    e = _one(pipeline, text)
    assert (e.type, e.location.id, e.actor) == ("strike", "golan", "israel")


def test_frames_known_strikes_telling_the_time_of_something_else_are_no_new_strike(pipeline):
    text = ("ومنذ توقف الهجمات مطلع شباط، في أعقاب الضربات الأمريكية الواسعة على مواقع في القائم، ساد هدوء "
            "كسره هجوم بطائرة مسيرة على قاعدة عين الأسد في 25 تموز الماضي.")
    assert [(e.type, e.location.id) for e in _events(pipeline, text)] == [("attack", "ain-al-asad")]


def test_frames_another_drone_is_the_same_strikers(pipeline):
    text = ("استشهد عضوان إثر استهداف طائرة مسيّرة تابعة لجيش الاحتلال التركي سيارة قرب مدينة قامشلو مساء أمس.\n\n"
            "وفي اليوم ذاته، استهدفت مسيّرة أخرى موقعاً زراعياً في محيط قرية تابعة لمقاطعة الحسكة.")
    strikes = sorted((e.location.id, e.actor) for e in _events(pipeline, text) if e.type == "strike")
    assert strikes == [("hasakah-governorate", "turkey"), ("qamishli", "turkey")]


def test_frames_explanation_naming_no_place_spares_a_distant_attack(pipeline):
    text = ("سقطت ثلاثة صواريخ على قاعدة عين الأسد فجر اليوم.\n\nوقال الجيش إن القاعدة استنفرت.\n\n"
            "وأضاف أن الدفاعات جاهزة.\n\nوتابع أن المنطقة هادئة.\n\nوفي سياق آخر، قال الدفاع المدني إن "
            "حريقا اندلع في سوق شعبي بسبب تماس كهربائي.")
    assert [(e.type, e.location.id) for e in _events(pipeline, text)] == [("attack", "ain-al-asad")]


def test_frames_pluperfect_background_at_another_place_is_no_event(pipeline):
    text = ("استهدفت طائرة مسيرة قاعدة حرير في أربيل فجر اليوم.\n\n"
            "وكانت قاعدة عين الأسد في الأنبار قد تعرضت لهجوم صاروخي، دون أن يسفر عن إصابات.")
    assert [(e.type, e.location.id) for e in _events(pipeline, text)] == [("attack", "harir")]


def test_frames_pluperfect_background_completes_the_record_of_its_place(pipeline):
    text = ("سقطت ثلاثة صواريخ على قاعدة عين الأسد فجر اليوم.\n\n"
            "وكانت قاعدة عين الأسد قد تعرضت لهجوم بطائرة مسيرة تبنته المقاومة الإسلامية في العراق.")
    e = _one(pipeline, text)
    assert (e.location.id, e.date) == ("ain-al-asad", dt.date(2024, 1, 22))


def test_frames_pluperfect_with_its_own_day_is_an_event(pipeline):
    text = ("استهدفت طائرة مسيرة قاعدة حرير في أربيل فجر اليوم.\n\n"
            "وكانت قاعدة عين الأسد قد تعرضت أمس الأحد لهجوم صاروخي.")
    got = sorted((e.location.id, e.date) for e in _events(pipeline, text))
    assert got == [("ain-al-asad", dt.date(2024, 1, 21)), ("harir", dt.date(2024, 1, 22))]


def test_frames_correction_after_a_pluperfect_clause_is_told(pipeline):
    text = ("قتل ثلاثة جنود أمريكيين في هجوم بطائرة مسيرة على موقع عسكري قرب الحدود فجر الأحد.\n\n"
            "وكان المتحدث قد قال إن الهجوم استهدف قاعدة التنف، قبل أن يتبين أن الموقع المستهدف هو البرج 22.")
    assert [(e.type, e.location.id) for e in _events(pipeline, text)] == [("attack", "tower-22")]


def test_frames_event_in_a_relative_clause_describing_victims_is_no_event(pipeline):
    text = ("عائلات قتلى البرج 22 تقاضي مصارف\n\n"
            "رفعت عائلات الجنود الذين قتلوا في الهجوم بطائرة مسيرة على موقع البرج 22 دعوى أمام محكمة في نيويورك.")
    assert _events(pipeline, text) == []


def test_frames_known_attack_telling_the_time_is_background(pipeline):
    text = ("أعلن الجيش الأمريكي اليوم نشر منظومة دفاع جوي إضافية في سوريا.\n\n"
            "ويأتي ذلك بعد الهجوم الذي استهدف قاعدة التنف بطائرة مسيرة.")
    assert _events(pipeline, text) == []


def test_frames_habitual_verb_without_a_day_is_no_event(pipeline):
    text = ("أعلن الجيش الأمريكي اليوم نشر منظومة دفاع جوي إضافية في سوريا.\n\n"
            "ودأبت الفصائل المسلحة على استهداف قاعدة عين الأسد بالصواريخ والمسيرات.")
    assert _events(pipeline, text) == []


def test_frames_strikes_only_braced_for_are_no_event(pipeline):
    text = "وأخلى عناصر الميليشيات مقراتهم في الميادين أمس تحسبا لضربات أمريكية."
    assert [e for e in _events(pipeline, text) if e.type == "strike"] == []


def test_frames_count_of_attacks_since_a_day_is_no_country_level_attack(pipeline):
    text = "وتعرضت القوات الأمريكية في سوريا لـ 46 هجوما بالصواريخ والمسيرات منذ 17 تشرين الأول."
    assert _events(pipeline, text) == []


def test_frames_country_level_attack_is_the_placed_attack_of_its_day(pipeline):
    text = ("قال مسؤول أمريكي إن القوات الأمريكية في شرق سوريا تعرضت لهجوم بعدة صواريخ يوم الخميس.\n\n"
            "وأوضح أن الصواريخ أطلقت الخميس باتجاه قاعدة حقل العمر ولم تسفر عن إصابات.")
    assert [(e.type, e.location.id) for e in _events(pipeline, text)] == [("attack", "al-omar")]


def test_frames_sentence_day_beats_a_vague_span_nearer_the_place(pipeline):
    text = ("ويأتي ذلك بعد أيام من استهداف مطار أربيل الدولي، حيث سقطت طائرة مسيرة مفخخة في محيط القاعدة "
            "في 25 كانون الأول الماضي.")
    e = _one(pipeline, text, published="2024-01-03")
    assert (e.location.id, e.date) == ("erbil-airbase", dt.date(2023, 12, 25))


def test_frames_attacks_of_a_period_are_no_event(pipeline):
    text = ("أسقطت الدفاعات الجوية طائرة مسيرة فوق قاعدة عين الأسد اليوم.\n\n"
            "وتستضيف قاعدة حرير قوات أمريكية، وقد تعرضت منذ منتصف تشرين الأول لعدة هجمات بطائرات مسيرة.")
    assert [(e.type, e.location.id) for e in _events(pipeline, text)] == [("attack", "ain-al-asad")]


def test_frames_day_of_the_statement_before_that_is_not_the_events(pipeline):
    text = ("قال المتحدث باسم التحالف يوم الاثنين إن أربعة صواريخ أطلقت على قاعدة عين الأسد الجوية التي تستضيف "
            "قوات أمريكية وقوات أخرى من التحالف في محافظة الأنبار بغرب البلاد يوم الأحد.")
    e = _one(pipeline, text)
    assert (e.location.id, e.date) == ("ain-al-asad", dt.date(2024, 1, 21))


def test_frames_headline_event_takes_the_told_day_not_the_statements(pipeline):
    text = ("القيادة المركزية الأمريكية: إسقاط ثلاث طائرات مسيرة حوثية فوق البحر الأحمر\n\n"
            "وأوضحت القيادة المركزية في بيان نشرته صباح اليوم الاثنين، أن المدمرة تعاملت مع الطائرات مساء الأحد.")
    e = _one(pipeline, text)
    assert (e.location.id, e.date) == ("red-sea", dt.date(2024, 1, 21))


def test_frames_announced_attack_takes_the_day_the_next_sentence_tells(pipeline):
    text = ("أعلن المتحدث العسكري اليوم الاثنين تنفيذ عملية استهدفت مدمرة أمريكية في البحر الأحمر بصواريخ مجنحة.\n\n"
            "وأوضح في بيان أن القوات نفذت مساء أمس الأحد عملية عسكرية استهدفت المدمرة بعدد من الطائرات المسيرة.")
    (e,) = [e for e in _events(pipeline, text) if e.type == "attack"]
    assert (e.location.id, e.date) == ("red-sea", dt.date(2024, 1, 21))


def test_frames_airport_record_joins_the_site_the_text_places_there(pipeline):
    text = ("إحباط هجوم صاروخي في مطار بغداد\n\n"
            "أحبطت القوات الأمنية اليوم هجوما صاروخيا كان يستهدف قاعدة فكتوريا التي يتواجد فيها التحالف الدولي "
            "في مطار بغداد الدولي.")
    assert [(e.type, e.location.id) for e in _events(pipeline, text)] == [("attack", "victory-base")]


def test_frames_separate_incident_with_no_known_place_is_a_record_of_its_own(pipeline):
    text = ("سقطت ثلاثة صواريخ على قاعدة فكتوريا قرب مطار بغداد فجر اليوم.\n\n"
            "وفي حادث آخر، انفجرت عبوة ناسفة صباح اليوم على رتل لشركة متعاقدة مع التحالف الدولي، على الطريق "
            "السريع في قضاء أبو غريب غربي بغداد.")
    got = sorted((e.type, e.location.id if e.location else "-", e.country) for e in _events(pipeline, text))
    assert got == [("attack", "-", "IQ"), ("attack", "victory-base", "IQ")]


def test_frames_headline_event_skips_the_day_that_closes_the_sources_words(pipeline):
    text = ("ثلاثة صواريخ تستهدف قاعدة عين الأسد\n\n"
            "أفادت مصادر أمنية لوكالة محلية، يوم الاثنين، بسقوط ثلاثة صواريخ على القاعدة مساء أمس الأحد.")
    e = _one(pipeline, text)
    assert (e.location.id, e.date) == ("ain-al-asad", dt.date(2024, 1, 21))


def test_frames_day_closing_the_sources_words_is_not_the_events(pipeline):
    text = "أفاد مصدر أمني، الاثنين، بسقوط صاروخ قرب مبنى السفارة الأمريكية في المنطقة الخضراء مساء أمس الأحد."
    e = _one(pipeline, text)
    assert (e.location.id, e.date) == ("us-embassy-baghdad", dt.date(2024, 1, 21))


def test_frames_a_convoy_that_was_the_target_is_no_reinforcement(pipeline):
    text = ("أصدرت محكمة الجنايات المركزية في بغداد اليوم حكما بالإعدام بحق مدان بتفخيخ سيارة استخدمت في استهداف "
            "رتل للدعم اللوجستي لقوات التحالف الدولي.")
    assert _events(pipeline, text) == []


def test_frames_opening_kana_without_a_date_is_background(pipeline):
    text = ("استهدفت طائرة مسيرة قاعدة حرير في أربيل فجر اليوم.\n\n"
            "وكانت فصائل عراقية استهدفت قاعدة عين الأسد بصواريخ كاتيوشا، ما أدى إلى إصابة جنود أمريكيين.")
    assert [(e.type, e.location.id) for e in _events(pipeline, text)] == [("attack", "harir")]


def test_frames_attack_after_bad_in_its_own_clause_is_background(pipeline):
    text = ("استهدفت طائرة مسيرة قاعدة حرير في أربيل فجر اليوم.\n\n"
            "وهذا ثاني هجوم تتعرض له القاعدة خلال أسبوع، بعد هجوم صاروخي استهدف قاعدة عين الأسد.")
    assert [(e.type, e.location.id) for e in _events(pipeline, text)] == [("attack", "harir")]


def test_frames_attack_recalled_is_background(pipeline):
    text = ("استهدفت طائرة مسيرة قاعدة حرير في أربيل فجر اليوم.\n\n"
            "وأعاد الهجوم إلى الأذهان الهجوم على البرج 22 في الأردن الذي أسفر عن مقتل ثلاثة جنود أمريكيين.")
    assert [(e.type, e.location.id) for e in _events(pipeline, text)] == [("attack", "harir")]


def test_frames_listed_targets_are_the_strikers_strikes(pipeline):
    text = ("أعلنت القيادة المركزية الأمريكية أن قواتها نفذت مساء الأحد ضربات جوية في العراق وسوريا.\n\n"
            "وقال مسؤول عسكري إن من بين الأهداف منشآت قرب مدينة القائم على الحدود، وأخرى في محيط مدينة "
            "الميادين بريف دير الزور الشرقي.")
    got = sorted((e.type, e.location.id, e.actor, e.date) for e in _events(pipeline, text))
    assert got == [("strike", "al-qaim", "us-forces", dt.date(2024, 1, 21)),
                   ("strike", "mayadin", "us-forces", dt.date(2024, 1, 21))]


def test_frames_strike_placed_by_the_manner_clause(pipeline):
    text = ("وفي الرابع من كانون الثاني، قتلت غارة بطائرة مسيرة أميركية قياديا في حركة النجباء ومرافقا له، "
            "باستهداف سيارتهما قرب مقر للحشد الشعبي في شارع فلسطين شرق بغداد.")
    e = _one(pipeline, text)
    assert (e.type, e.location.id, e.actor, e.date) == ("strike", "baghdad", "us-forces", dt.date(2024, 1, 4))


def test_frames_strikes_placed_in_their_context_are_no_new_strike(pipeline):
    text = ("شنت القوات الأمريكية فجر اليوم غارات جوية على منشآت قرب مدينة البوكمال شرقي سوريا.\n\n"
            "وتأتي الضربات ردا على هجمات استهدفت مصالح أمريكية في العراق، أبرزها هجوم الأحد الماضي.")
    got = [(e.type, e.country) for e in _events(pipeline, text)]
    assert got == [("strike", "SY")]


def test_frames_attack_on_a_ship_at_sea_is_in_scope(pipeline):
    text = ("أعلنت القوات المسلحة اليمنية اليوم تنفيذ عمليتين استهدفت الأولى سفينة تجارية في خليج عدن بصاروخ "
            "بحري، واستهدفت الثانية مدمرة حربية أمريكية في البحر الأحمر.")
    got = sorted((e.type, e.location.id) for e in _events(pipeline, text))
    assert got == [("attack", "gulf-of-aden"), ("attack", "red-sea")]


def test_frames_once_in_past_years_is_history(pipeline):
    text = ("أسقطت الدفاعات الجوية طائرة مسيرة فوق قاعدة حرير اليوم.\n\n"
            "ولم تكن السنوات الأخيرة هادئة، بل إن قاعدة عين الأسد نفسها تعرضت ذات مرة لقصف بصواريخ باليستية.")
    assert [(e.type, e.location.id) for e in _events(pipeline, text)] == [("attack", "harir")]


def test_frames_any_attack_condemned_is_no_event(pipeline):
    text = ("وقال مسؤول عراقي في بغداد اليوم إن الحكومة تدين أي اعتداء يستهدف القواعد العراقية التي تستضيف "
            "مستشارين من التحالف.")
    assert _events(pipeline, text) == []


def test_frames_event_dated_only_by_a_period_start_is_no_event(pipeline):
    text = ("أسقطت الدفاعات الجوية طائرة مسيرة فوق قاعدة حرير اليوم.\n\n"
            "ومنذ السابع من أكتوبر، استهدفت الفصائل قاعدة عين الأسد أكثر من 40 مرة.")
    assert [(e.type, e.location.id) for e in _events(pipeline, text)] == [("attack", "harir")]


def test_frames_like_attack_told_for_comparison_is_background(pipeline):
    text = ("أسقطت الدفاعات الجوية طائرة مسيرة فوق قاعدة حرير اليوم.\n\n"
            "وفي هجوم مماثل، استهدفت ثلاث طائرات مسيرة قاعدة عين الأسد.")
    assert [(e.type, e.location.id) for e in _events(pipeline, text)] == [("attack", "harir")]


def test_frames_strike_after_since_with_no_day_is_background(pipeline):
    text = ("أسقطت الدفاعات الجوية طائرة مسيرة فوق قاعدة حرير اليوم.\n\n"
            "وتصاعدت الهجمات على قاعدة عين الأسد منذ اغتيال قائد في حركة النجباء بغارة أمريكية في بغداد.")
    assert [(e.type, e.location.id) for e in _events(pipeline, text)] == [("attack", "harir")]


def test_frames_ied_on_a_convoy_is_not_the_rocket_attack_of_its_day(pipeline):
    text = ("سقط 14 صاروخا على قاعدة عين الأسد الجوية ظهر اليوم.\n\n"
            "وأفاد مصدر أمني بأن عبوة ناسفة انفجرت عصر اليوم على رتل لشركة تنقل معدات تابعة للتحالف الدولي "
            "على الطريق السريع في محافظة الديوانية.")
    got = sorted((e.type, e.location.id if e.location else "-") for e in _events(pipeline, text))
    assert got == [("attack", "-"), ("attack", "ain-al-asad")]


def test_frames_month_of_a_past_year_is_history(pipeline):
    text = ("أسقطت الدفاعات الجوية طائرة مسيرة فوق قاعدة حرير اليوم.\n\n"
            "وكان البرلمان قد صوت في يناير 2020 على قرار إخراج القوات الأجنبية، عقب مقتل سليماني بضربة أمريكية "
            "قرب مطار بغداد.")
    assert [(e.type, e.location.id) for e in _events(pipeline, text)] == [("attack", "harir")]


def test_frames_death_sentence_for_old_rocket_attacks_is_no_event(pipeline):
    text = ("الإعدام لمدانين بإطلاق صواريخ على المنطقة الخضراء\n\n"
            "أصدرت محكمة جنايات الرصافة حكما بحق مدانين بالاشتراك في إطلاق صواريخ كاتيوشا على المنطقة الخضراء.")
    assert _events(pipeline, text) == []


def test_frames_site_placing_another_site_is_no_destination(pipeline):
    text = "هبطت طائرة شحن عسكرية من طراز C-130 في قاعدة قسرك بريف تل تمر أمس."
    assert [(e.type, e.location.id) for e in _events(pipeline, text)] == [("reinforcement", "qasrak")]


def test_frames_many_attacks_told_with_no_day_are_a_summary(pipeline):
    text = ("وصل قائد القيادة المركزية الأمريكية اليوم إلى أربيل في زيارة غير معلنة.\n\n"
            "وتأتي الزيارة بعد أشهر من التوتر، تعرضت خلالها قاعدة حرير ومطار أربيل لهجمات عدة بطائرات مسيرة "
            "وصواريخ تبنتها فصائل عراقية مسلحة.")
    assert _events(pipeline, text) == []


def test_frames_verb_of_repeated_aggressions_is_no_event(pipeline):
    text = ("سقطت طائرة مسيرة على مبنى في قاعدة التنف فجر اليوم.\n\n"
            "وقال المتحدث باسم قسد إن الاعتداءات المتكررة على حقل العمر وحقل كونيكو تستهدف زعزعة أمن المنطقة.")
    assert [(e.type, e.location.id) for e in _events(pipeline, text)] == [("attack", "al-tanf")]


def test_frames_known_strike_describing_the_fallen_is_no_strike(pipeline):
    text = ("وثأرا لدماء شهدائنا الذين ارتقوا بالعدوان الأمريكي الأخير، استهدف مجاهدو المقاومة الإسلامية في "
            "العراق، مساء يوم الأحد، قاعدة الاحتلال الأمريكي في حقل العمر، بواسطة الطيران المسير.")
    assert [(e.type, e.location.id) for e in _events(pipeline, text)] == [("attack", "al-omar")]


def test_frames_toll_update_day_is_not_the_attacks(pipeline):
    text = ("ارتفعت حصيلة الهجوم بطائرة مسيرة على قاعدة حقل العمر إلى 7 قتلى، بعد وفاة جريح صباح اليوم.\n\n"
            "وضربت الطائرة ساحة تدريب داخل الحقل ليل السبت - الأحد.")
    (e,) = [e for e in _events(pipeline, text) if e.type == "attack"]
    assert (e.location.id, e.date) == ("al-omar", dt.date(2024, 1, 20))


def test_frames_statement_day_before_that_gives_way_to_the_told_day(pipeline):
    text = ("أعلن المتحدث العسكري، اليوم الاثنين، أن الضربات الجوية الأمريكية التي طالت منطقة القائم أسفرت عن "
            "مقتل 16 شخصا.\n\n"
            "وقال إن الضربات التي نفذها طيران الولايات المتحدة مساء أمس الأحد على مواقع في القائم تمثل خرقا للسيادة.")
    got = [(e.type, e.location.id, e.date) for e in _events(pipeline, text)]
    assert got == [("strike", "al-qaim", dt.date(2024, 1, 21))]


def test_frames_base_where_the_striking_artillery_stands_is_no_attack(pipeline):
    text = ("عنوان\n\n"
            "وقصفت المدفعية الأمريكية المتمركزة في حقل العمر مواقع للميليشيات في بلدة الطابية فجر اليوم.")
    assert [(e.type, e.location.id, e.actor) for e in _events(pipeline, text)] == [("strike", "tabiya", "us-forces")]


def test_frames_earlier_this_month_is_an_undated_event(pipeline):
    text = ("دخل رتل للتحالف يضم 50 شاحنة اليوم إلى قاعدة قسرك.\n\n"
            "وفي وقت سابق من الشهر، هبطت طائرة شحن عسكرية في قاعدة خراب الجير وعلى متنها معدات لوجستية.")
    got = sorted((e.type, e.location.id, e.date) for e in _events(pipeline, text))
    assert got == [("reinforcement", "kharab-al-jir", None), ("reinforcement", "qasrak", dt.date(2024, 1, 22))]


def test_frames_carried_strike_told_over_several_clauses(pipeline):
    text = ("قتل 11 عنصرا من الميليشيات جراء غارات أمريكية ليل السبت على مواقع في دير الزور.\n\n"
            "وقالت مصادر إن الضربات استهدفت مستودعا للأسلحة في حي هرابش داخل مدينة دير الزور، كما طالت مواقع "
            "في بادية الميادين، بينما قتل عنصران آخران في استهداف نقطة عسكرية قرب مدينة البوكمال.")
    got = sorted(e.location.id for e in _events(pipeline, text) if e.type == "strike")
    assert got == ["bukamal", "deir-ez-zor", "mayadin"]


def test_frames_answer_with_no_day_answers_the_attack_told_before(pipeline):
    text = ("أصيب ثلاثة جنود أمريكيين الأحد في هجمات صاروخية استهدفت حقل كونيكو وموقع القرية الخضراء.\n\n"
            "وردت القوات الأميركية بمروحيات هجومية ومدفعية، فدمرت ثلاث مركبات استخدمت في إطلاق الصواريخ.")
    strikes = [(e.type, e.country, e.date) for e in _events(pipeline, text) if e.type == "strike"]
    assert strikes == [("strike", "SY", dt.date(2024, 1, 21))]


def test_frames_several_attacks_at_country_level_are_the_placed_ones(pipeline):
    text = ("أصيب ثلاثة جنود أمريكيين الأحد في هجمات صاروخية استهدفت موقعين للقوات الأمريكية في شمال شرقي سوريا.\n\n"
            "وأوضح البيان أن صواريخ سقطت الأحد داخل حقل كونيكو، وأن صواريخ أخرى استهدفت الأحد موقع القرية الخضراء.")
    got = sorted((e.type, e.location.id if e.location else "-") for e in _events(pipeline, text))
    assert got == [("attack", "conoco"), ("attack", "green-village")]


def test_frames_zionist_attack_in_the_other_sides_words_is_an_israeli_strike(pipeline):
    text = "أعلن الحرس الثوري أن سبعة من المستشارين استشهدوا في الهجوم الصهيوني على مبنى القنصلية في دمشق عصر أمس."
    e = _one(pipeline, text)
    assert (e.type, e.location.id, e.actor) == ("strike", "damascus", "israel")


def test_frames_known_strike_some_time_before_tells_the_time(pipeline):
    text = ("قتل جنديان في هجوم صاروخي استهدف معسكر التاجي مساء الأحد.\n\n"
            "ويأتي الهجوم بعد أكثر من شهرين على الضربة الأمريكية التي قتلت قاسم سليماني في بغداد.")
    assert [(e.type, e.location.id) for e in _events(pipeline, text)] == [("attack", "camp-taji")]


def test_frames_occupation_aircraft_in_the_groups_words_strike(pipeline):
    text = "وقالت الكتائب اليوم إن طائرات الاحتلال الأمريكي أقدمت على قصف مقرات المجاهدين في جرف النصر."
    e = _one(pipeline, text)
    assert (e.type, e.location.id, e.actor) == ("strike", "jurf-al-sakhar", "us-forces")


def test_frames_attack_named_again_is_the_one_told_before(pipeline):
    text = ("تعرضت قاعدة عين الأسد الجوية، الأحد، لقصف بـ14 صاروخا.\n\n"
            "وكان مطار أربيل الدولي قد تعرض مساء السبت لهجوم بطائرة مسيرة مفخخة.\n\n"
            "وتبنت جماعة تطلق على نفسها لواء ثأر المهندس الهجوم الصاروخي على عين الأسد.")
    got = sorted((e.location.id, e.date) for e in _events(pipeline, text))
    assert got == [("ain-al-asad", dt.date(2024, 1, 21)), ("erbil-airbase", dt.date(2024, 1, 20))]


def test_frames_country_level_attack_told_with_two_placed_ones_is_theirs(pipeline):
    text = ("أطلقت إيران فجر اليوم 12 صاروخا باليستيا على قاعدتين تستضيفان قوات أمريكية في العراق.\n\n"
            "وقال مسؤول إن الصواريخ سقطت فجر اليوم على قاعدة عين الأسد، وإن صاروخا واحدا سقط فجر اليوم في محيط "
            "مطار أربيل.")
    got = sorted((e.type, e.location.id if e.location else "-") for e in _events(pipeline, text))
    assert got == [("attack", "ain-al-asad"), ("attack", "erbil-airbase")]


def test_frames_governorate_strike_of_a_day_is_the_towns(pipeline):
    text = ("شنت طائرات أمريكية فجر اليوم غارات على مواقع في محافظة بابل.\n\n"
            "وقالت مصادر إن الغارات طالت مقار في منطقة جرف النصر.")
    got = [(e.type, e.location.id) for e in _events(pipeline, text)]
    assert got == [("strike", "jurf-al-sakhar")]


def test_frames_second_country_of_a_border_is_a_neighbour(pipeline):
    text = ("قتل ثمانية أشخاص فجر اليوم بغارة جوية استهدفت منزلا في بلدة الشعاب بريف السويداء، قرب الحدود "
            "السورية – الأردنية.\n\n"
            "وقال مراسل محلي إن طائرة حربية يعتقد أنها أردنية نفذت الغارة.")
    got = [(e.type, e.country, e.actor) for e in _events(pipeline, text)]
    assert got == [("strike", "SY", "jordan-government")]


def test_frames_logistic_support_convoy_is_the_coalitions(pipeline):
    text = ("أفاد مصدر أمني اليوم بانفجار عبوة ناسفة على رتل للدعم اللوجستي في قضاء الرميثة بمحافظة المثنى، "
            "دون وقوع إصابات.")
    e = _one(pipeline, text)
    assert (e.type, e.location, e.country, e.weapons) == ("attack", None, "IQ", ["ied"])


def test_frames_another_convoy_is_the_same_sides(pipeline):
    text = ("انفجرت عبوة ناسفة اليوم على رتل للتحالف الدولي في محافظة بابل.\n\n"
            "وفي حادث منفصل، تعرض رتل آخر لإطلاق نار من أسلحة متوسطة قرب الناصرية، يوم الأحد.")
    got = sorted((e.date, e.country, tuple(e.weapons)) for e in _events(pipeline, text) if e.location is None)
    assert got == [(dt.date(2024, 1, 21), "IQ", ("small_arms",))]


def test_frames_place_listed_with_a_near_one_is_struck_too(pipeline):
    text = ("نفذت القوات الأمريكية يوم الأحد ضربات جوية واسعة، أعلنت عنها واشنطن، على مواقع الميليشيات في البوكمال "
            "والميادين.")
    got = sorted(e.location.id for e in _events(pipeline, text) if e.type == "strike")
    assert got == ["bukamal", "mayadin"]


def test_frames_strike_inside_what_is_answered_is_no_strike(pipeline):
    text = ("أطلق الحرس الثوري فجر اليوم 16 صاروخا باليستيا على قاعدة عين الأسد، وذلك ردا على مقتل قائد فيلق "
            "القدس قاسم سليماني بضربة أميركية في بغداد.")
    assert [(e.type, e.location.id) for e in _events(pipeline, text)] == [("attack", "ain-al-asad")]


def test_frames_city_after_an_unknown_towns_direction_is_a_reference(pipeline):
    text = ("قال مسؤول عسكري أميركي، مساء الأحد، إن القوات الأميركية نفذت ضربة في منطقة المسيب جنوب بغداد.\n\n"
            "وقالت مصادر إن الغارة وقعت في منطقة جرف الصخر.")
    got = [(e.type, e.location.id if e.location else "-") for e in _events(pipeline, text)]
    assert got == [("strike", "jurf-al-sakhar")]


def test_frames_governorate_after_an_unknown_towns_direction_places_it(pipeline):
    text = "وقتل أربعة عناصر بضربة أمريكية استهدفت أمس موقعا في ناحية المسيب شمالي محافظة بابل."
    e = _one(pipeline, text)
    assert (e.type, e.location.id) == ("strike", "babil-governorate")


def test_frames_iraqi_groups_attack_on_israel_is_in_scope(pipeline):
    text = ("أعلنت المقاومة الإسلامية في العراق، فجر اليوم، استهداف قاعدتي الشدادي والتنف، إضافة إلى منشأة "
            "زفولون البحرية في حيفا المحتلة، بالطائرات المسيرة.")
    got = sorted(e.location.id for e in _events(pipeline, text))
    assert got == ["al-tanf", "haifa", "shaddadi"]


def test_frames_state_force_launching_munitions_strikes(pipeline):
    e = _one(pipeline, "أطلق الجيش الإسرائيلي فجر اليوم صواريخ أرض-أرض باتجاه نقطة عسكرية في ريف القنيطرة.")
    assert (e.type, e.country, e.actor) == ("strike", "SY", "israel")
    e = _one(pipeline, "وأطلقت البحرية الأميركية صواريخ توماهوك على أهداف للحوثيين في اليمن الليلة الماضية.")
    assert (e.type, e.country, e.actor) == ("strike", "YE", "us-forces")


def test_frames_state_force_launching_no_munition_is_no_strike(pipeline):
    assert _events(pipeline, "أطلقت القوات الأمريكية سراح ثلاثة معتقلين أمس في الأنبار.") == []
    assert _events(pipeline, "أطلق الجيش الأمريكي أمس حملة تفتيش واسعة في ريف دير الزور الشرقي.") == []


def test_frames_group_launching_at_state_forces_stays_an_attack(pipeline):
    e = _one(pipeline, "أطلقت الفصائل صواريخ على القوات الأمريكية في قاعدة عين الأسد أمس.")
    assert (e.type, e.location.id) == ("attack", "ain-al-asad")


def test_frames_head_of_state_ordering_strikes_names_his_forces(pipeline):
    e = _one(pipeline, "وبعد ساعات، أمر الرئيس جو بايدن بضربات على ثلاث منشآت في محافظة بابل فجر اليوم.")
    assert (e.type, e.location.id, e.actor) == ("strike", "babil-governorate", "us-forces")
    e = _one(pipeline, "ووجّه الرئيس الأميركي أمس بشن غارات على مواقع للحوثيين في محافظة الحديدة.")
    assert (e.type, e.country, e.actor) == ("strike", "YE", "us-forces")


def test_frames_head_of_state_on_strikes_told_before_or_threatened_is_no_strike(pipeline):
    assert _events(pipeline, "أشاد الرئيس الأمريكي أمس بالضربات التي استهدفت مواقع الحوثيين في اليمن.") == []
    assert _events(pipeline, "هدد ترامب أمس بشن ضربات على مواقع الفصائل في العراق.") == []


def test_frames_country_after_a_group_name_places_the_strike(pipeline):
    e = _one(pipeline, "شنت القوات الأمريكية فجر اليوم ضربات على مواقع لكتائب حزب الله في العراق.")
    assert (e.type, e.country, e.actor) == ("strike", "IQ", "us-forces")
    e = _one(pipeline, "قصفت مقاتلات أميركية أمس مستودعات أسلحة تابعة لكتائب حزب الله في العراق.")
    assert (e.type, e.country) == ("strike", "IQ")


def test_frames_state_assassination_is_its_strike(pipeline):
    e = _one(pipeline, "اغتالت إسرائيل أمس القيادي في حزب الله فؤاد شكر في الضاحية الجنوبية لبيروت.")
    assert (e.type, e.country, e.actor) == ("strike", "LB", "israel")
    e = _one(pipeline, "واغتالت الولايات المتحدة فجر اليوم قياديا في كتائب حزب الله بضربة قرب مطار بغداد.")
    assert (e.type, e.location.id, e.actor) == ("strike", "baghdad-airport", "us-forces")


def test_frames_assassination_by_others_or_long_ago_is_no_strike(pipeline):
    assert _events(pipeline, "اغتال مسلحون مجهولون أمس ناشطا في البصرة.") == []
    assert _events(pipeline, "اغتالت إسرائيل عام 2008 القيادي عماد مغنية في دمشق.") == []


def test_frames_defence_ministry_announcing_its_air_strike(pipeline):
    e = _one(pipeline, "أعلنت وزارة الدفاع التركية تحييد خمسة إرهابيين بضربة جوية في شمال العراق أمس.")
    assert (e.type, e.country, e.actor) == ("strike", "IQ", "turkey")
    assert _events(pipeline, "دعت وزارة الدفاع التركية أمس إلى وقف الهجمات على القوات الأمريكية في سوريا.") == []


def test_frames_district_of_damascus_places_the_strike_in_the_city(pipeline):
    e = _one(pipeline, "قتل ثلاثة أشخاص بغارة إسرائيلية استهدفت شقة سكنية في حي كفرسوسة أمس.")
    assert (e.type, e.location.id, e.actor) == ("strike", "damascus", "israel")
    e = _one(pipeline, "استهدفت مسيرة إسرائيلية فجر اليوم سيارة في منطقة المزة.")
    assert (e.type, e.location.id) == ("strike", "damascus")


def test_frames_munition_with_state_adjective_as_subject_strikes(pipeline):
    e = _one(pipeline, "قصفت صواريخ أمريكية أمس مواقع للميليشيات في الميادين.")
    assert (e.type, e.location.id, e.actor) == ("strike", "mayadin", "us-forces")
    e = _one(pipeline, "وقصفت قذائف مدفعية أمريكية أمس مواقع للميليشيات قرب البوكمال.")
    assert (e.type, e.location.id, e.actor) == ("strike", "bukamal", "us-forces")


def test_frames_state_made_munitions_of_a_group_stay_an_attack(pipeline):
    e = _one(pipeline, "قصفت الفصائل بصواريخ أمريكية الصنع أمس قاعدة حقل العمر.")
    assert (e.type, e.location.id) == ("attack", "al-omar")


def test_frames_state_adjective_of_the_object_is_no_striker(pipeline):
    e = _one(pipeline, "استهدفت الفصائل دورية أمريكية أمس قرب الميادين.")
    assert (e.type, e.location.id) == ("attack", "mayadin")
    e = _one(pipeline, "هاجم مسلحون رتلا أمريكيا فجر اليوم قرب الشدادي.")
    assert e.type == "attack"


def test_frames_warplanes_with_state_adjective_still_strike(pipeline):
    e = _one(pipeline, "قصفت طائرات حربية أمريكية أمس مواقع للميليشيات في الميادين.")
    assert (e.type, e.actor) == ("strike", "us-forces")


def test_frames_royal_air_force_of_jordan_strikes(pipeline):
    e = _one(pipeline, "نفذ سلاح الجو الملكي الأردني فجر اليوم ضربات على مواقع لمهربين في ريف السويداء.")
    assert (e.type, e.country, e.actor) == ("strike", "SY", "jordan-government")
    e = _one(pipeline, "قصفت القوات الجوية الأردنية أمس مزارع لمهربي المخدرات في ريف درعا.")
    assert (e.type, e.country, e.actor) == ("strike", "SY", "jordan-government")


def test_frames_warplane_model_number_before_the_state_adjective(pipeline):
    e = _one(pipeline, "هاجمت مقاتلات إف-16 أمريكية فجر اليوم أهدافا للحوثيين في محافظة الحديدة.")
    assert (e.type, e.country, e.actor) == ("strike", "YE", "us-forces")


def test_frames_country_after_in_following_a_border_is_where_it_happened(pipeline):
    e = _one(pipeline, "قصفت القوات الجوية الأردنية أمس مزارع قرب الحدود في ريف درعا.")
    assert (e.type, e.country) == ("strike", "SY")
    e = _one(pipeline, "قتل مهربان بغارة أردنية على الحدود في ريف السويداء فجر اليوم.")
    assert (e.type, e.country) == ("strike", "SY")


def test_frames_unknown_aircraft_deemed_a_states_in_the_next_sentence(pipeline):
    text = "قصفت طائرات مجهولة أمس مقرا للحشد الشعبي في منطقة القائم.\n\nورجحت مصادر أمنية أن تكون الطائرات إسرائيلية."
    e = _one(pipeline, text)
    assert (e.type, e.location.id, e.actor) == ("strike", "al-qaim", "israel")
    text = "استهدف قصف جوي مجهول فجر اليوم مقرا لكتائب حزب الله قرب القائم.\n\nوترجح مصادر محلية أن الغارة أمريكية."
    e = _one(pipeline, text)
    assert (e.type, e.actor) == ("strike", "us-forces")


def test_frames_state_rocket_launchers_strike(pipeline):
    e = _one(pipeline, "قصفت راجمات هيمارس الأمريكية أمس مواقع للميليشيات في الميادين.")
    assert (e.type, e.location.id, e.actor) == ("strike", "mayadin", "us-forces")
    e = _one(pipeline, "استهدفت راجمات الصواريخ الأميركية المتمركزة في حقل العمر فجر اليوم مواقع في بلدة الميادين.")
    assert (e.type, e.location.id, e.actor) == ("strike", "mayadin", "us-forces")


def test_detection_more_sites_in_a_clause_of_their_own_are_struck(pipeline):
    text = ("قال مسؤول أمريكي إن مقاتلات أمريكية قصفت مساء أمس مخازن أسلحة وذخائر تستخدمها الفصائل الموالية "
            "لإيران في مدينة القائم الحدودية غربي محافظة الأنبار، وأخرى في مدينة البوكمال على الجانب السوري.")
    strikes = _events(pipeline, text)
    assert sorted(s.location.id for s in strikes if s.type == "strike") == ["al-qaim", "bukamal"]


def test_detection_more_sites_near_a_town_after_a_comma(pipeline):
    text = ("شنت طائرات التحالف الدولي فجر اليوم غارات استهدفت مواقع ومستودعات تابعة للميليشيات الإيرانية "
            "في محيط مدينة الميادين بريف دير الزور الشرقي، واخرى قرب بلدة الطابية.")
    strikes = _events(pipeline, text)
    assert {"mayadin", "tabiya"} <= {s.location.id for s in strikes if s.location is not None}


def test_detection_more_sites_cue_without_a_struck_place_adds_nothing(pipeline):
    # no strike: an aid delivery's "وأخرى في" lists no struck place
    text = "وزعت منظمة إغاثية أمس سلالا غذائية في الميادين، وأخرى في البوكمال."
    assert _events(pipeline, text) == []


def _strike_places(events):
    return sorted(e.location.id for e in events if e.type == "strike" and e.location is not None)


def test_detection_place_of_the_answered_attacks_is_no_strike_place(pipeline):
    text = ("قصفت مقاتلات أمريكية فجر اليوم مخازن أسلحة في البوكمال، ردا على هجمات الفصائل المتكررة على "
            "القوات الأمريكية في الحسكة.")
    assert _strike_places(_events(pipeline, text)) == ["bukamal"]


def test_detection_answered_ships_at_sea_are_no_strike_place(pipeline):
    text = ("وشنت الولايات المتحدة وبريطانيا فجر اليوم ضربات على مواقع للحوثيين، رداً على هجماتهم على السفن "
            "التجارية في البحر الأحمر وخليج عدن.")
    assert _strike_places(_events(pipeline, text)) == []


def test_detection_strike_told_after_the_answer_keeps_its_place(pipeline):
    text = "وردا على الهجوم الذي تعرضت له قواتها، قصفت طائرات أمريكية مساء أمس مقرات للفصائل في مدينة القائم."
    assert _strike_places(_events(pipeline, text)) == ["al-qaim"]


def test_detection_state_named_with_a_targeted_ship_is_no_striker(pipeline):
    text = ("قال المتحدث العسكري للحوثيين إن القوات البحرية نفذت فجر اليوم عملية استهدفت المدمرة الأمريكية "
            "كارني في البحر الأحمر بعدة صواريخ.")
    e = _one(pipeline, text)
    assert (e.type, e.location.id) == ("attack", "red-sea")


def test_detection_warship_of_a_state_hit_by_drones_is_an_attack(pipeline):
    text = ("وأكدت الجماعة أن قواتها البحرية نفذت مساء أمس عملية هاجمت سفينة حربية أمريكية في خليج عدن "
            "بطائرات مسيرة.")
    e = _one(pipeline, text)
    assert (e.type, e.location.id) == ("attack", "gulf-of-aden")


def test_detection_state_destroyer_firing_still_strikes(pipeline):
    text = "أطلقت البحرية الأمريكية فجر اليوم صواريخ توماهوك من مدمرة في البحر الأحمر على مواقع للحوثيين في اليمن."
    events = _events(pipeline, text)
    assert [e.type for e in events] == ["strike"]


def test_detection_denial_with_speaker_and_day_between_commas(pipeline):
    text = ("نفت قيادة العمليات المشتركة، مساء اليوم، صحة الأنباء التي تحدثت عن تعرض قاعدة عين الأسد الجوية "
            "لهجوم بطائرات مسيرة.")
    assert _events(pipeline, text) == []


def test_detection_truth_confirmed_is_no_denial(pipeline):
    text = "أكد مصدر أمني عراقي، اليوم، صحة ما تناقلته وسائل إعلام عن تعرض قاعدة عين الأسد لهجوم صاروخي."
    e = _one(pipeline, text)
    assert (e.type, e.location.id) == ("attack", "ain-al-asad")


def test_detection_headline_present_tense_denial(pipeline):
    assert _events(pipeline, "البنتاغون ينفي تعرض قاعدة حرير لهجوم بطائرة مسيرة") == []
    assert _events(pipeline, "وزارة الدفاع تنفي تعرض قاعدة التنف لهجوم صاروخي") == []


def test_detection_bases_listed_after_a_colon_are_each_attacked(pipeline):
    text = ("أعلنت المقاومة الإسلامية في العراق في بيان أن مجاهديها استهدفوا فجر اليوم بالطائرات المسيرة "
            "قاعدتين للاحتلال الأمريكي، وهما:\n\n1- قاعدة حرير في أربيل.\n2- قاعدة عين الأسد غربي العراق.\n\n"
            "وأكد البيان أن المسيرات أصابت أهدافها.")
    events = _events(pipeline, text)
    assert sorted((e.type, e.location.id) for e in events) == [("attack", "ain-al-asad"), ("attack", "harir")]
    assert all(e.weapons == ["drone"] and e.actor == "islamic-resistance-in-iraq" for e in events)


def test_detection_bases_listed_with_parentheses_numbers(pipeline):
    text = ("وقال بيان للفصائل إنها هاجمت أمس بالصواريخ المواقع التالية:\n\n1) قاعدة الشدادي.\n\n"
            "2) حقل العمر.\n\n3) قاعدة التنف.")
    events = _events(pipeline, text)
    assert sorted(e.location.id for e in events) == ["al-omar", "al-tanf", "shaddadi"]
    assert {e.type for e in events} == {"attack"}


def test_detection_list_after_a_sentence_with_no_attack_adds_nothing(pipeline):
    text = ("وتنتشر القوات الأمريكية في عدة مواقع في سوريا، أبرزها:\n\n1- قاعدة الشدادي.\n\n2- قاعدة التنف.")
    assert _events(pipeline, text) == []


def test_detection_definite_state_adjective_before_the_verb_strikes(pipeline):
    e = _one(pipeline, "وقال المتحدث العسكري إن الطائرات الأمريكية قصفت مواقع لقواتنا في منطقة عكاشات.")
    assert (e.type, e.location.id, e.actor) == ("strike", "akashat", "us-forces")
    e = _one(pipeline, "وذكرت مصادر محلية أن المقاتلات الإسرائيلية استهدفت مساء أمس مستودعا قرب دمشق.")
    assert (e.type, e.actor) == ("strike", "israel")


def test_detection_state_adjective_after_a_preposition_is_no_striker(pipeline):
    e = _one(pipeline, "وقال مصدر إن الفصائل التابعة للقوات الأمريكية قصفت مواقع في البوكمال أمس.")
    assert e.type != "strike" or e.actor != "us-forces"


def _strike_frame(sentence, place, country, day, strategy, weapons):
    from marsad.frame_base import Frame
    from marsad.model import Mention

    loc = Mention("place", place, 0, 1, place, 0, 1) if place else None
    return Frame(type="strike", sentence=sentence, loc=loc, country=country, date=dt.date(2024, 2, day),
                 date_strategy=strategy, weapons=list(weapons), actor="us-forces")


def test_detection_statement_next_day_is_the_placed_strike():
    from marsad.frame_merge import merge

    placed = _strike_frame(1, "baghdad", "IQ", 7, "relative", ["drone"])
    statement = _strike_frame(4, None, "IQ", 8, "statement", ["aircraft"])
    out = merge([placed, statement])
    assert len(out) == 1 and out[0].loc is not None and out[0].weapons == ["drone"]


def test_detection_statement_strike_elsewhere_or_days_later_stays_apart():
    from marsad.frame_merge import merge

    syria = _strike_frame(1, "bukamal", "SY", 7, "relative", ["aircraft"])
    iraq = _strike_frame(4, None, "IQ", 8, "statement", ["aircraft"])
    assert len(merge([syria, iraq])) == 2
    earlier = _strike_frame(1, "baghdad", "IQ", 3, "relative", ["drone"])
    later = _strike_frame(6, None, "IQ", 8, "statement", ["aircraft"])
    assert len(merge([earlier, later])) == 2


def test_detection_attack_named_to_time_something_else_takes_no_new_day(pipeline):
    text = ("تعرض مطار أربيل الدولي مساء أمس الأحد لهجوم بالصواريخ.\n\nوعلق مطار أربيل رحلاته لساعات عقب "
            "الهجوم قبل أن يستأنف حركة الملاحة صباح اليوم الاثنين.")
    assert [(e.location.id, e.date) for e in _events(pipeline, text)] == [("erbil-airbase", dt.date(2024, 1, 21))]


def test_detection_roads_reopened_after_the_attack_is_no_second_attack(pipeline):
    text = ("سقطت ثلاثة صواريخ فجر أمس الأحد داخل قاعدة عين الأسد الجوية.\n\nوأغلقت القوات الأمنية الطرق "
            "المؤدية إلى قاعدة عين الأسد إثر الهجوم، قبل أن تعيد فتحها صباح اليوم الاثنين.")
    assert [(e.location.id, e.date) for e in _events(pipeline, text)] == [("ain-al-asad", dt.date(2024, 1, 21))]


def test_detection_first_attack_told_after_an_anchor_word_stays(pipeline):
    text = "أعلنت السلطات حظر التجوال في أربيل صباح اليوم بعد الهجوم الصاروخي على قاعدة حرير."
    assert [e.location.id for e in _events(pipeline, text)] == ["harir"]


def test_detection_syrian_desert_is_no_governorate(pipeline):
    text = "شنت طائرات أمريكية فجر اليوم غارات على مواقع لتنظيم داعش في البادية السورية."
    assert all(e.location is None or e.location.id != "homs-governorate" for e in _events(pipeline, text))


def test_detection_eastern_homs_countryside_stays_homs(pipeline):
    e = _one(pipeline, "شنت طائرات إسرائيلية فجر اليوم غارات على مواقع في ريف حمص الشرقي.")
    assert (e.type, e.location.id) == ("strike", "homs-governorate")


def test_detection_common_word_name_after_clitic_locality_word(pipeline):
    e = _one(pipeline, "قصفت طائرات التحالف فجر اليوم مواقع للميليشيات بريف الميادين الشرقي.")
    assert (e.type, e.location.id) == ("strike", "mayadin")
    e = _one(pipeline, "شنت طائرات أمريكية فجر اليوم غارات على مخازن أسلحة بمدينة القائم.")
    assert (e.type, e.location.id) == ("strike", "al-qaim")


def test_detection_common_word_without_locality_word_is_no_place(pipeline):
    # "بالقائم" with no locality word stays ambiguous; "القائم بالأعمال" is the chargé d'affaires
    text = "استدعت وزارة الخارجية اليوم القائم بالأعمال الأمريكي بعد غارات أمريكية."
    assert all(e.location is None or e.location.id != "al-qaim" for e in _events(pipeline, text))


def test_frames_verb_first_state_aircraft_with_the_article_are_the_striker(pipeline):
    # "قصفت الطائرات الأمريكية ...": the aircraft with the state adjective (both with "ال") strike
    e = _one(pipeline, "قصفت الطائرات الأمريكية فجر اليوم مواقع لفصائل مسلحة في مدينة الميادين شرقي سوريا.")
    assert (e.type, e.location.id, e.actor, e.weapons) == ("strike", "mayadin", "us-forces", ["aircraft"])


def test_frames_state_aircraft_as_the_object_stay_an_attack(pipeline):
    # near miss: the aircraft are what the drones hit, so the record is an attack on the base
    e = _one(pipeline, "استهدفت طائرة مسيرة الطائرات الأمريكية الرابضة في قاعدة عين الأسد الجوية اليوم.")
    assert (e.type, e.location.id) == ("attack", "ain-al-asad")


def test_frames_model_designation_is_no_count(pipeline):
    # "إف-15", "F-16": the number is the aircraft's model, not how many strikes
    text = "شنت مقاتلات أمريكية من طراز إف-15 غارات على مقرات لكتائب حزب الله قرب القائم اليوم."
    e = _one(pipeline, text)
    assert (e.type, e.location.id, e.count) == ("strike", "al-qaim", None)
    e = _one(pipeline, "نفذت طائرات F-16 أمريكية غارات على مواقع قرب القائم اليوم.")
    assert e.count is None


def test_frames_count_before_strike_noun_still_counts(pipeline):
    # near miss: a number right before the strike noun is their count
    e = _one(pipeline, "شنت مقاتلات أمريكية من طراز إف-15 خمس غارات على مقرات قرب القائم اليوم.")
    assert e.count == 5


def test_frames_interception_belongs_to_the_place_of_its_clause(pipeline):
    text = ("أعلن البنتاغون أن القوات الأمريكية أسقطت ثلاث طائرات مسيرة كانت تستهدف قاعدة عين الأسد، في حين "
            "أصاب هجوم آخر بطائرتين مسيرتين قاعدة التنف يوم الأحد.")
    by_place = {e.location.id: e for e in _events(pipeline, text)}
    assert by_place["ain-al-asad"].intercepted is True
    assert by_place["al-tanf"].intercepted is None


def test_frames_interception_with_the_place_in_the_next_clause_still_counts(pipeline):
    # near miss: one place only, named in another clause than the interception: still intercepted
    e = _one(pipeline, "أسقطت الدفاعات الجوية طائرة مسيرة، كانت متجهة نحو قاعدة حرير الجوية فجر اليوم.")
    assert (e.location.id, e.intercepted) == ("harir", True)


def test_frames_wounded_others_without_a_number_are_no_toll(pipeline):
    text = ("شن الطيران الحربي الأمريكي غارات على مواقع لكتائب حزب الله في منطقة عكاشات اليوم، ما أدى إلى "
            "مقتل أربعة عناصر وإصابة آخرين.")
    e = _one(pipeline, text)
    assert (e.killed, e.injured) == (4, None)
    # near miss: others with a number are counted
    e = _one(pipeline, text.replace("وإصابة آخرين", "وإصابة 3 آخرين"))
    assert (e.killed, e.injured) == (4, 3)


def test_frames_plural_suicide_drones_have_no_count_of_one(pipeline):
    e = _one(pipeline, "تعرضت قاعدة خراب الجير لهجوم بطائرات مسيرة انتحارية أمس الأحد.")
    assert (e.weapons, e.count) == (["drone"], None)
    # near miss: one suicide drone is one
    e = _one(pipeline, "تعرضت قاعدة خراب الجير لهجوم بمسيرة انتحارية أمس الأحد.")
    assert (e.weapons, e.count) == (["drone"], 1)
