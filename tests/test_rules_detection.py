"""Detection rules (event, type, place, day) on short snippets written for these tests."""

from __future__ import annotations

import datetime as dt

from marsad.pipeline import extract_texts

PUB = "2024-03-16"  # a Saturday


def _events(pipeline, text, published=PUB):
    (doc,) = extract_texts(pipeline, [("t", text, published)])
    assert doc.error is None, doc.error
    return doc.events


def test_detection_verb_tudammir_is_no_palmyra(pipeline):
    # "تدمر" here is the verb "destroys", not the Syrian city
    text = ("غارات أمريكية تدمر مخازن طائرات مسيرة للحوثيين\n\n"
            "قالت القيادة المركزية الأمريكية إن مقاتلاتها شنت مساء الجمعة غارات على مخازن للحوثيين في اليمن.")
    events = _events(pipeline, text)
    assert events, "the strike itself is still told"
    assert all(e.location is None or e.location.id != "palmyra" for e in events)


def test_detection_city_tadmur_after_locality_word_stays(pipeline):
    events = _events(pipeline, "شنت طائرات إسرائيلية غارات على مواقع قرب مدينة تدمر في ريف حمص الشرقي فجر اليوم")
    assert [e.location.id for e in events if e.location is not None] == ["palmyra"]


def test_detection_statement_day_before_that_gives_way_to_told_day(pipeline):
    # the speaker (the frame's anchor) stands before the statement's day; the strike is on the day told after "أن"
    text = ("ذكرت القيادة المركزية الأمريكية في بيان، اليوم السبت، أن قواتها نفذت فجر الخميس ضربات دمرت مواقع"
            " رادار للحوثيين في اليمن.")
    (e,) = _events(pipeline, text)
    assert (e.type, e.date) == ("strike", dt.date(2024, 3, 14))


def test_detection_statement_day_stays_when_no_event_word_follows_that(pipeline):
    # near miss: the strike word comes before the day and "أن" opens only a comment
    text = ("شنت مقاتلات أمريكية غارات على منصات صواريخ للحوثيين في اليمن، اليوم السبت، وأكدت القيادة أن"
            " العملية ناجحة بعد قصف أمس الخميس.")
    events = [e for e in _events(pipeline, text) if e.type == "strike"]
    assert events and events[0].date == dt.date(2024, 3, 16)


def test_detection_group_logistics_depot_hit_by_unknown_drone_is_strike(pipeline):
    # "للدعم اللوجستي" owned by an armed group is no coalition convoy; an unnamed drone on its site is a strike
    text = "أفاد مصدر أمني، صباح اليوم السبت، باستهداف مستودع للدعم اللوجستي تابع لهيئة الحشد الشعبي قرب مدينة كربلاء بطائرة مسيرة مجهولة."
    (e,) = _events(pipeline, text)
    assert (e.type, e.actor, e.actor_basis, e.target, e.weapons, e.country) == ("strike", None, None, "pmf", ["drone"], "IQ")


def test_detection_logistics_convoy_hit_stays_attack(pipeline):
    # near miss: a logistics convoy with no group owner is the coalition's, hit in an attack
    (e,) = _events(pipeline, "استهدفت طائرة مسيرة صباح اليوم السبت رتلا للدعم اللوجستي قرب الناصرية جنوبي العراق.")
    assert (e.type, e.target) == ("attack", "coalition")


def test_detection_side_blamed_is_the_striker_not_the_target(pipeline):
    text = ("ذكرت قيادة العمليات المشتركة أن طائرة مسيرة استهدفت ظهر اليوم مقرا لكتائب حزب الله في منطقة جرف الصخر،"
            " محملة القوات الأمريكية مسؤولية الاعتداء.")
    (e,) = _events(pipeline, text)
    assert (e.type, e.location.id, e.actor, e.actor_basis, e.weapons) == (
        "strike", "jurf-al-sakhar", "us-forces", "attributed", ["drone"])


def test_detection_blamed_group_leaves_attack_on_us_convoy(pipeline):
    # near miss: the armed groups blamed, US forces hit: an attack
    text = ("ذكرت قيادة العمليات المشتركة أن طائرة مسيرة استهدفت ظهر اليوم رتلا للقوات الأمريكية قرب الناصرية،"
            " محملة الفصائل المسلحة مسؤولية الاعتداء.")
    (e,) = _events(pipeline, text)
    assert (e.type, e.target) == ("attack", "us-forces")


def test_detection_bomb_at_group_site_is_no_air_strike(pipeline):
    # near miss: a bomb (no drone, no aircraft) at an armed group's site is neither a strike nor in scope
    assert _events(pipeline, "انفجرت عبوة ناسفة صباح اليوم السبت بمقر لهيئة الحشد الشعبي في مدينة كربلاء.") == []


def test_detection_convoy_waypoint_is_no_destination(pipeline):
    # the base where the convoy stopped on its way is no reinforcement of its own
    text = ("وصل رتل للقوات الأمريكية، صباح اليوم السبت، إلى قاعدة خراب الجير. وضم الرتل 30 شاحنة دخلت من الأراضي"
            " العراقية وتوقفت ليلة كاملة في قاعدة الشدادي قبل أن تكمل سيرها.")
    events = _events(pipeline, text)
    assert [(e.type, e.location.id) for e in events] == [("reinforcement", "kharab-al-jir")]


def test_detection_convoy_passing_a_base_named_after_arrival(pipeline):
    text = "وصل رتل للقوات الأمريكية، صباح اليوم السبت، إلى قاعدة خراب الجير، بعدما عبر الحدود ومر بقاعدة الشدادي."
    assert [e.location.id for e in _events(pipeline, text)] == ["kharab-al-jir"]


def test_detection_second_convoy_at_another_base_stays(pipeline):
    # near miss: another convoy arriving at the second base is an event of its own
    text = ("وصل رتل للقوات الأمريكية، صباح اليوم السبت، إلى قاعدة خراب الجير. وضم الرتل 30 شاحنة، فيما وصل رتل آخر"
            " إلى قاعدة الشدادي.")
    assert sorted(e.location.id for e in _events(pipeline, text)) == ["kharab-al-jir", "shaddadi"]


def test_detection_attack_named_in_construct_is_the_one_told_before(pipeline):
    # "هجوم عين الأسد" (definite by its place) in the last sentence is the attack told first, not one on the
    # day of the similar attack told in between
    text = ("أفاد مصدر أمني، اليوم السبت، أن الدفاعات الجوية في قاعدة عين الأسد أسقطت طائرة مسيرة حاولت استهداف"
            " القاعدة.\n\nوجاء ذلك بعد ساعات من هجوم مماثل بطائرة مسيرة استهدف أمس الجمعة قاعدة حرير شمالي"
            " أربيل.\n\nولم يعلن أي طرف حتى الآن مسؤوليته عن هجوم عين الأسد.")
    days = {e.location.id: e.date for e in _events(pipeline, text)}
    assert days == {"ain-al-asad": dt.date(2024, 3, 16), "harir": dt.date(2024, 3, 15)}


def test_detection_attack_in_construct_with_no_earlier_record_keeps_its_day(pipeline):
    # near miss: the same construct, with the attack told only once before on its own day
    text = "استهدفت طائرة مسيرة أمس الجمعة قاعدة عين الأسد. وتبنت المقاومة الإسلامية في العراق هجوم عين الأسد في بيان."
    (e,) = _events(pipeline, text)
    assert (e.location.id, e.date) == ("ain-al-asad", dt.date(2024, 3, 15))


def test_detection_statement_day_gives_way_to_the_lead_day_of_unplaced_attacks(pipeline):
    text = ("أعلنت وزارة الدفاع الأمريكية أن ثلاثة جنود أصيبوا بجروح في هجومين بطائرات مسيرة استهدفا موقعين للقوات"
            " الأمريكية في 12 آذار الجاري.\n\nوقال متحدث باسم الوزارة في مؤتمر صحفي، اليوم السبت، إن اثنين من"
            " المصابين كانا في قاعدة التنف، فيما أصيب الثالث في هجوم على قاعدة عين الأسد.")
    days = {e.location.id: e.date for e in _events(pipeline, text)}
    assert days == {"al-tanf": dt.date(2024, 3, 12), "ain-al-asad": dt.date(2024, 3, 12)}


def test_detection_statement_day_stays_after_a_sentence_with_no_event(pipeline):
    # near miss: the day before is a visit's, not the attack's
    text = ("زار وزير الدفاع الأمريكي القوات الأمريكية في العراق في 12 آذار الجاري.\n\nوقال متحدث باسم الوزارة في"
            " مؤتمر صحفي، اليوم السبت، إن جنديين أصيبا في هجوم بطائرة مسيرة على قاعدة عين الأسد.")
    (e,) = _events(pipeline, text)
    assert e.date == dt.date(2024, 3, 16)


def test_detection_attack_told_hours_before_the_strikes_is_an_event(pipeline):
    text = ("قتل 7 عناصر من الفصائل المسلحة فجر اليوم السبت جراء غارات نفذتها مقاتلات أمريكية على مواقع في مدينة"
            " الميادين، وذلك بعد ساعات من استهداف قاعدة للتحالف الدولي قرب مدينة الحسكة بصواريخ.")
    got = {(e.type, e.location.id, e.date) for e in _events(pipeline, text)}
    assert got == {("strike", "mayadin", dt.date(2024, 3, 16)), ("attack", "hasakah", dt.date(2024, 3, 16))}


def test_detection_hours_before_attack_on_others_is_no_event(pipeline):
    # near miss: what was hit hours before is no coalition base
    text = ("قتل 7 عناصر من الفصائل المسلحة فجر اليوم السبت جراء غارات نفذتها مقاتلات أمريكية على مواقع في مدينة"
            " الميادين، وذلك بعد ساعات من استهداف الفصائل حاجزا للجيش قرب مدينة الحسكة بصواريخ.")
    assert [(e.type, e.location.id) for e in _events(pipeline, text)] == [("strike", "mayadin")]


def test_detection_harir_air_base_in_erbil_is_harir(pipeline):
    # Harir air base lies in Erbil governorate: "في أربيل" does not make it the airport base
    (e,) = _events(pipeline, "استهدفت طائرة مسيرة قاعدة حرير الجوية في أربيل أمس الجمعة دون وقوع إصابات.")
    assert (e.type, e.location.id) == ("attack", "harir")


def test_detection_base_at_erbil_airport_stays_erbil_airbase(pipeline):
    (e,) = _events(pipeline, "استهدفت طائرة مسيرة قاعدة التحالف الدولي في مطار أربيل أمس الجمعة دون وقوع إصابات.")
    assert (e.type, e.location.id) == ("attack", "erbil-airbase")


def test_detection_place_of_the_death_that_prompted_strikes_is_no_strike_place(pipeline):
    text = "شنت مقاتلات أمريكية أمس الجمعة غارات على مواقع لكتائب حزب الله في مدينة البوكمال بعد مقتل جندي أمريكي في الحسكة."
    assert [(e.type, e.location.id) for e in _events(pipeline, text)] == [("strike", "bukamal")]


def test_detection_time_after_bad_is_no_prompting_event(pipeline):
    # near miss: "بعد منتصف الليل" tells a time, the place after it is the strike's
    text = "شنت مقاتلات أمريكية أمس الجمعة بعد منتصف الليل غارات على مواقع لكتائب حزب الله في مدينة الميادين."
    assert [(e.type, e.location.id) for e in _events(pipeline, text)] == [("strike", "mayadin")]


def test_detection_toll_told_place_by_place_gives_the_strike_places(pipeline):
    # the places of the toll's shares are the strikes' (the governorate folds into them); where the
    # activists speak from is not a strike place
    text = ("ارتفع إلى 12 عدد قتلى الغارات التي نفذتها طائرات أمريكية أمس الجمعة على مواقع الفصائل في ريف دير الزور"
            " الشرقي، بينهم 9 في مدينة البوكمال و3 في مدينة الميادين، بحسب ما أفاد ناشطون في مدينة الحسكة.")
    got = sorted((e.type, e.location.id) for e in _events(pipeline, text))
    assert got == [("strike", "bukamal"), ("strike", "mayadin")]


def test_detection_places_singled_out_of_an_area_are_the_strike_places(pipeline):
    text = ("شنت طائرات أمريكية فجر اليوم غارات عنيفة ومتتالية على عدد كبير من المواقع والمقرات والمستودعات في"
            " المنطقة الشرقية، ولا سيما في مدينة البوكمال ومحيط مدينة الميادين، ما أدى إلى سقوط قتلى.")
    got = sorted((e.type, e.location.id) for e in _events(pipeline, text))
    assert got == [("strike", "bukamal"), ("strike", "mayadin")]


def test_detection_far_place_in_another_clause_is_no_strike_place(pipeline):
    # near miss: the town where the wounded were taken is not struck
    text = ("شنت طائرات أمريكية فجر اليوم غارات عنيفة ومتتالية على عدد كبير من المواقع والمقرات والمستودعات في"
            " المنطقة الشرقية، فيما نقل المصابون لاحقا إلى المستشفى الوطني في مدينة الحسكة.")
    assert all(e.location is None or e.location.id != "hasakah" for e in _events(pipeline, text))


_HIT = ("استهدفت طائرة مسيرة مجهولة، فجر اليوم السبت، سيارة تابعة لكتائب حزب الله في قضاء القائم غربي الأنبار، ما"
        " أدى إلى مقتل شخصين.")


def test_detection_unknown_drone_on_group_vehicle_is_strike_where_the_vehicle_was(pipeline):
    (e,) = _events(pipeline, _HIT)
    assert (e.type, e.location.id, e.actor, e.target, e.weapons) == (
        "strike", "al-qaim", None, "kataib-hezbollah", ["drone"])


def test_detection_state_owning_the_drone_told_later_is_the_striker(pipeline):
    (e,) = _events(pipeline, _HIT + " وقالت الكتائب في بيان إن الاستهداف تم بطائرة مسيرة تابعة للقوات الأمريكية.")
    assert (e.type, e.location.id, e.actor, e.actor_basis) == ("strike", "al-qaim", "us-forces", "attributed")


def test_detection_us_site_named_later_does_not_make_the_striker(pipeline):
    # near miss: US forces named near the place, not as the drone's owner
    text = _HIT + " وقالت الكتائب في بيان إن الاستهداف أسفر عن احتراق السيارة بالكامل قرب مقر للقوات الأمريكية."
    (e,) = _events(pipeline, text)
    assert (e.type, e.actor) == ("strike", None)


_FIRE = "سقطت ثلاث قذائف صاروخية مساء أمس الجمعة على قاعدة حقل العمر. وقالت مصادر محلية إن القوات الأمريكية "


def test_detection_striker_answering_by_fire_before_its_verb(pipeline):
    # "القوات الأمريكية ردت بقصف": the state named before its answer, the place told by a verb joined with "و"
    text = _FIRE + "ردت بقصف مدفعي عنيف، فيما حلقت مروحيات حربية وقصفت مواقع في محيط مدينة الميادين."
    got = {(e.type, e.location.id, e.date, e.actor) for e in _events(pipeline, text)}
    assert got == {("attack", "al-omar", dt.date(2024, 3, 15), None),
                   ("strike", "mayadin", dt.date(2024, 3, 15), "us-forces")}


def test_detection_forces_on_alert_make_no_strike(pipeline):
    # near miss: no answer by fire
    text = _FIRE + "رفعت حالة التأهب، فيما حلقت مروحيات حربية في أجواء مدينة الميادين."
    assert [(e.type, e.location.id) for e in _events(pipeline, text)] == [("attack", "al-omar")]


def test_detection_strike_named_again_is_the_one_told_at_that_place(pipeline):
    # "الضربة" again in a sentence with no day is the strike at that place, not one on the day of the strikes
    # told as background in between
    text = ("قتل قيادي في كتائب حزب الله مساء أمس الجمعة بضربة نفذتها طائرة مسيرة أمريكية استهدفت سيارته في مدينة"
            " البوكمال.\n\nوتأتي الضربة بعد أيام من غارات أمريكية استهدفت الاثنين الماضي مواقع في قضاء القائم.\n\n"
            "وقال مسؤول محلي إن الضربة اغتيال متعمد في حي سكني بمدينة البوكمال.")
    got = sorted((e.location.id, e.date) for e in _events(pipeline, text))
    assert got == [("al-qaim", dt.date(2024, 3, 11)), ("bukamal", dt.date(2024, 3, 15))]


_CONVOY = "وصل رتل للقوات الأمريكية يضم 20 شاحنة مساء أمس الجمعة إلى قاعدة التنف. "


def test_detection_cargo_flight_at_the_same_base_is_its_own_reinforcement(pipeline):
    text = _CONVOY + "وهبطت طائرة شحن عسكرية أمريكية صباح اليوم السبت في القاعدة ذاتها."
    got = sorted((e.type, e.location.id, e.date) for e in _events(pipeline, text))
    assert got == [("reinforcement", "al-tanf", dt.date(2024, 3, 15)), ("reinforcement", "al-tanf", dt.date(2024, 3, 16))]


def test_detection_cargo_flight_at_an_unnamed_airport_takes_no_base(pipeline):
    # near miss: no word refers back to the base
    text = _CONVOY + "وهبطت طائرة شحن عسكرية أمريكية صباح اليوم السبت في مطار مدني."
    assert [(e.location.id, e.date) for e in _events(pipeline, text)] == [("al-tanf", dt.date(2024, 3, 15))]


_T22 = "قتل جنديان أمريكيان أمس الجمعة في هجوم بطائرة مسيرة على قاعدة البرج 22 في الأردن. وقال مسؤول أردني إن "


def test_detection_place_denied_at_once_is_no_attack_place(pipeline):
    text = _T22 + "الهجوم وقع في قاعدة التنف السورية، وهو ما نفته وزارة الدفاع الأمريكية."
    assert [e.location.id for e in _events(pipeline, text)] == ["tower-22"]


def test_detection_place_confirmed_at_once_stays(pipeline):
    # near miss: "وهو ما أكدته" confirms
    text = _T22 + "هجوما آخر وقع في قاعدة التنف السورية، وهو ما أكدته وزارة الدفاع الأمريكية."
    assert sorted(e.location.id for e in _events(pipeline, text)) == ["al-tanf", "tower-22"]


_BOMB = "انفجرت عبوة ناسفة صباح اليوم السبت على رتل ينقل معدات للتحالف الدولي في محافظة بابل. وفي حادث منفصل أمس الجمعة، "


def test_detection_bomb_on_a_similar_convoy_is_another_attack(pipeline):
    text = _BOMB + "انفجرت عبوة ناسفة على رتل مماثل في محافظة الديوانية."
    got = sorted((e.date, e.country, e.weapons[0]) for e in _events(pipeline, text) if e.type == "attack")
    assert got == [(dt.date(2024, 3, 15), "IQ", "ied"), (dt.date(2024, 3, 16), "IQ", "ied")]


def test_detection_bomb_on_a_police_patrol_is_no_attack(pipeline):
    # near miss: the second bomb hit nobody of the coalition
    text = _BOMB + "انفجرت عبوة ناسفة على دورية للشرطة المحلية في محافظة الديوانية."
    assert [e.date for e in _events(pipeline, text)] == [dt.date(2024, 3, 16)]


def test_detection_day_told_aside_between_commas_keeps_the_strike_place(pipeline):
    # "، مساء أمس الخميس،": a day set between commas does not cut the strike words off from their place
    text = ("وتأتي الحادثة بعد يومين من غارات أمريكية ضربت، مساء أمس الجمعة، مخازن أسلحة لفصائل موالية لإيران"
            " في ضواحي مدينة الميادين.")
    events = [e for e in _events(pipeline, text) if e.type == "strike"]
    assert [(e.location.id if e.location else None, e.country, e.date) for e in events] == [
        ("mayadin", "SY", dt.date(2024, 3, 15))]


def test_detection_clause_between_commas_with_more_than_a_day_still_cuts(pipeline):
    # near miss: the clause between the commas tells more than a day, so the place after it is not the strike's
    text = ("وتأتي الحادثة بعد يومين من غارات أمريكية ضربت، وفق مصادر محلية لم تكشف هويتها في العاصمة، مخازن"
            " أسلحة لفصائل موالية لإيران في ضواحي مدينة الميادين.")
    events = [e for e in _events(pipeline, text) if e.type == "strike"]
    assert all(e.location is None or e.location.id != "mayadin" for e in events)


def test_detection_convoy_told_on_goes_to_the_base_it_reached(pipeline):
    # the convoy entered at a crossing; the next sentence ("القافلة ... قبل أن تصل إلى قاعدة ...") names its base
    text = ("دخلت قافلة جديدة للتحالف الدولي، اليوم السبت، إلى الأراضي السورية عبر معبر الوليد الحدودي.\n"
            "وأفادت مصادر محلية بأن القافلة تضم 60 شاحنة محملة بذخائر، وسلكت طريقا ترابيا قبل أن تصل إلى قاعدة"
            " الشدادي.")
    events = [e for e in _events(pipeline, text) if e.type == "reinforcement"]
    assert [(e.location.id if e.location else None, e.count, e.date) for e in events] == [
        ("shaddadi", 60, dt.date(2024, 3, 16))]


def test_detection_convoy_told_on_near_a_base_keeps_its_crossing(pipeline):
    # near miss: a base named in the next sentence without a word of going there is no destination
    text = ("دخلت قافلة جديدة للتحالف الدولي، اليوم السبت، إلى الأراضي السورية عبر معبر الوليد الحدودي.\n"
            "وأفادت مصادر محلية بأن القافلة تضم 60 شاحنة محملة بذخائر، فيما حلقت مروحيات فوق قاعدة الشدادي.")
    events = [e for e in _events(pipeline, text) if e.type == "reinforcement"]
    assert [(e.location.id if e.location else None, e.count) for e in events] == [
        ("al-walid-crossing-hasakah", 60)]


def test_detection_downing_told_again_gives_the_announced_interception_its_night(pipeline):
    # announced on Saturday; the next sentence tells the downing again on the night of Thursday to Friday
    text = ("أعلنت سلطات الإقليم، اليوم السبت، إسقاط طائرة مسيرة مفخخة كانت تحاول ضرب قاعدة حرير.\n"
            "وأوضحت السلطات في بيان أن الطائرة أسقطت ليلة الخميس الجمعة فوق منطقة جبلية خالية.")
    events = [e for e in _events(pipeline, text) if e.type == "attack"]
    assert [(e.location.id, e.date, e.intercepted) for e in events] == [("harir", dt.date(2024, 3, 14), True)]


def test_detection_downing_word_after_an_attack_not_intercepted_keeps_its_day(pipeline):
    # near miss: the record announced was no interception, so a downing word later does not redate it
    text = ("أعلنت سلطات الإقليم، اليوم السبت، أن طائرة مسيرة مفخخة ضربت قاعدة حرير وألحقت أضرارا بمخزن.\n"
            "وأوضحت السلطات في بيان أن الدفاعات أسقطت ليلة الخميس الجمعة منطادا للمراقبة فوق منطقة جبلية خالية.")
    events = [e for e in _events(pipeline, text) if e.type == "attack"]
    assert [(e.location.id, e.date) for e in events] == [("harir", dt.date(2024, 3, 16))]


_LIVE = ("متابعة لحظة بلحظة | قصف بالصواريخ على قاعدة حرير\n\n"
         "{a} مصدر في الأمن: دوي انفجارات متتالية قرب مدخل القاعدة، وسيارات الإسعاف تتجه إليها.\n\n"
         "{b} شهود عيان: أعمدة الدخان ما زالت ترتفع فوق المكان.")


def test_detection_live_updates_stamped_with_the_hour_are_news_of_the_published_day(pipeline):
    text = _LIVE.format(a="18:10 -", b="18:45 -")
    events = [e for e in _events(pipeline, text) if e.type == "attack"]
    assert [(e.location.id, e.date) for e in events] == [("harir", dt.date(2024, 3, 16))]


def test_detection_hour_inside_a_paragraph_is_no_live_blog(pipeline):
    # near miss: the hour told inside the text, not opening the updates: the headline record stays undated
    text = _LIVE.format(a="عند الساعة 18:10 قال", b="وقال")
    events = [e for e in _events(pipeline, text) if e.type == "attack"]
    assert [(e.location.id, e.date) for e in events] == [("harir", None)]


def test_detection_day_of_a_source_revealing_gives_way_to_the_day_told_after(pipeline):
    # "كشف مصدر ...، اليوم السبت، عن ..." is the day the source spoke; the bomb went off on Friday evening
    text = ("كشف مصدر في شرطة المحافظة، اليوم السبت، عن تعرض رتل للدعم اللوجستي تابع للتحالف الدولي لهجوم"
            " بعبوة ناسفة على طريق سريع جنوبي العراق، مساء أمس الجمعة.")
    events = [e for e in _events(pipeline, text) if e.type == "attack"]
    assert [(e.location, e.country, e.date) for e in events] == [(None, "IQ", dt.date(2024, 3, 15))]


def test_detection_day_after_reveal_with_no_other_day_stays(pipeline):
    # near miss: the only day told is the one after the source: the record keeps it
    text = ("كشف مصدر في شرطة المحافظة، اليوم السبت، عن تعرض رتل للدعم اللوجستي تابع للتحالف الدولي لهجوم"
            " بعبوة ناسفة على طريق سريع جنوبي العراق.")
    events = [e for e in _events(pipeline, text) if e.type == "attack"]
    assert [(e.location, e.country, e.date) for e in events] == [(None, "IQ", dt.date(2024, 3, 16))]


_CONVOY_THEN_LIKE = ("تعرض رتل لشركة متعاقدة مع التحالف الدولي لانفجار عبوة ناسفة على طريق سريع جنوبي العراق، مساء"
                     " أمس الجمعة.\n"
                     "وفي محافظة الأنبار، ذكر ضابط في الشرطة أن عبوة أخرى انفجرت بعد ساعات على رتل مماثل قرب مدينة هيت.")


def test_detection_second_bomb_on_a_like_convoy_in_a_town_is_its_own_attack(pipeline):
    # a convoy "like" the coalition's one just told, hit by "another" bomb in a town: one more attack, and the
    # first (placed only by its country) stays a record of its own
    events = [e for e in _events(pipeline, _CONVOY_THEN_LIKE) if e.type == "attack"]
    assert sorted((e.location.id if e.location else "", e.country, e.date) for e in events) == [
        ("", "IQ", dt.date(2024, 3, 15)), ("hit", "IQ", dt.date(2024, 3, 15))]


def test_detection_like_convoy_with_no_coalition_convoy_told_is_no_attack(pipeline):
    # near miss: "رتل مماثل" with no coalition convoy told before is no target of ours
    text = _CONVOY_THEN_LIKE.split("\n")[1].replace("بعد ساعات", "مساء أمس")
    assert [e for e in _events(pipeline, text) if e.type == "attack"] == []


_STRIKE_LEAD = "أعلن البنتاغون أن مقاتلات أمريكية نفذت فجر اليوم غارات على مخازن أسلحة لكتائب حزب الله في العراق.\n"


def test_detection_reaction_after_the_strike_words_leaves_the_strike_place(pipeline):
    text = _STRIKE_LEAD + ("وذكر الجيش العراقي أن الضربات أصابت مواقع في جرف الصخر وأسفرت عن مقتل جنديين، ووصف"
                           " الضربات بأنها انتهاك للسيادة.")
    events = [e for e in _events(pipeline, text) if e.type == "strike"]
    assert [(e.location.id if e.location else None, e.actor) for e in events] == [("jurf-al-sakhar", "us-forces")]


def test_detection_reaction_before_the_strike_words_is_talk_about_it(pipeline):
    # near miss: the reaction governs the strike words ("وصف ... الضربات على ..."): no strike placed there
    text = _STRIKE_LEAD + "ووصف الجيش العراقي الضربات على مواقع في جرف الصخر بأنها انتهاك للسيادة."
    events = [e for e in _events(pipeline, text) if e.type == "strike"]
    assert [(e.location.id if e.location else None, e.country) for e in events] == [(None, "IQ")]


def test_detection_members_singled_out_aside_keep_the_strike_place(pipeline):
    # ", بينها ...،" lists members of the group between commas: the place after it is still the strike's
    text = ("قالت القيادة المركزية إن مقاتلات أمريكية قصفت فجر اليوم مخازن تستخدمها فصائل موالية لإيران، بينها"
            " حركة النجباء، على أطراف مدينة الميادين.")
    events = [e for e in _events(pipeline, text) if e.type == "strike"]
    assert [(e.location.id if e.location else None, e.country) for e in events] == [("mayadin", "SY")]


def test_detection_clause_with_a_verb_between_commas_still_cuts_the_place(pipeline):
    # near miss: the middle clause tells something of its own, so the place after it is not the strike's
    text = ("قالت القيادة المركزية إن مقاتلات أمريكية قصفت فجر اليوم مخازن تستخدمها فصائل موالية لإيران، وأضافت"
            " القيادة أن التقييم متواصل، على أطراف مدينة الميادين.")
    events = [e for e in _events(pipeline, text) if e.type == "strike"]
    assert all(e.location is None or e.location.id != "mayadin" for e in events)


def test_detection_site_that_locates_another_site_is_no_target(pipeline):
    # "قاعدة تل بيدر قرب قاعدة الشدادي": the second base only says where the first is
    text = "سقطت ثلاث قذائف هاون فجر اليوم داخل قاعدة تل بيدر قرب قاعدة الشدادي دون وقوع إصابات."
    events = [e for e in _events(pipeline, text) if e.type == "attack"]
    assert [e.location.id for e in events] == ["tal-baydar"]


def test_detection_two_sites_joined_by_and_are_two_targets(pipeline):
    # near miss: two bases listed with "و" are both hit
    text = "سقطت ثلاث قذائف هاون فجر اليوم داخل قاعدة تل بيدر وقاعدة الشدادي دون وقوع إصابات."
    events = [e for e in _events(pipeline, text) if e.type == "attack"]
    assert sorted(e.location.id for e in events) == ["shaddadi", "tal-baydar"]


def test_detection_place_and_number_before_a_dash_is_an_outlet_name(pipeline):
    text = "دير الزور 24 – قصفت طائرات حربية أمريكية فجر اليوم مستودعات للفصائل في مدينة الميادين."
    events = [e for e in _events(pipeline, text) if e.type == "strike"]
    assert [e.location.id for e in events] == ["mayadin"]


def test_detection_place_and_a_counted_toll_is_still_a_place(pipeline):
    # near miss: the number after the place counts the dead, no outlet's name
    text = "قتل في دير الزور 24 عنصرا من الفصائل بغارات شنتها طائرات أمريكية فجر اليوم."
    events = [e for e in _events(pipeline, text) if e.type == "strike"]
    assert [e.location.id for e in events] == ["deir-ez-zor"]


def test_detection_convoy_size_told_with_towns_it_passed(pipeline):
    # the town passed on the way ("مر بمدينة الحسكة") is no destination; the size told after "الرتل" is the convoy's
    text = ("وصل رتل للتحالف الدولي اليوم السبت إلى قاعدة حقل العمر قادما من العراق.\n"
            "وقال مراسل محلي إن الرتل يضم 30 شاحنة، وقد دخل من معبر حدودي ثم مر بمدينة الحسكة قبل وصوله، وسط"
            " حماية من مدرعات التحالف.")
    events = [e for e in _events(pipeline, text) if e.type == "reinforcement"]
    assert [(e.location.id, e.count) for e in events] == [("al-omar", 30)]


_GROUP_HITS = ("خبر عاجل\n\n"
               "أعلنت فصائل المقاومة اليوم السبت أن عناصرها استهدفوا {obj} في حقل العمر النفطي بطائرتين مسيرتين.")


def test_detection_us_forces_owning_the_base_hit_are_its_object(pipeline):
    # "استهدفوا قاعدة الاحتلال الأمريكي": the base of the US forces is what was hit, not a US strike
    events = _events(pipeline, _GROUP_HITS.format(obj="قاعدة القوات الأمريكية"))
    assert [(e.type, e.location.id, e.weapons, e.count) for e in events] == [("attack", "al-omar", ["drone"], 2)]


def test_detection_us_forces_right_after_the_verb_are_its_subject(pipeline):
    # near miss: US forces right after the verb are the ones who struck: a strike, no attack
    text = ("خبر عاجل\n\n"
            "ذكرت مصادر محلية اليوم السبت أنه استهدفت القوات الأمريكية بطائرتين مسيرتين مواقع للفصائل في بلدة ذيبان.")
    assert [(e.type, e.actor, e.country) for e in _events(pipeline, text)] == [("strike", "us-forces", "SY")]


def test_detection_site_in_whose_countryside_a_base_lies_is_no_target(pipeline):
    # "قاعدة قسرك التابعة للتحالف بريف تل تمر": Tal Tamr only says where the base lies
    text = "تعرضت قاعدة قسرك التابعة للتحالف بريف تل تمر، مساء اليوم، لهجوم بثلاث قذائف صاروخية."
    events = [e for e in _events(pipeline, text) if e.type == "attack"]
    assert [(e.location.id, e.weapons, e.count) for e in events] == [("qasrak", ["rocket"], 3)]


def test_detection_countryside_site_in_a_clause_of_its_own_is_a_target(pipeline):
    # near miss: the second base is hit in a clause of its own
    text = ("تعرضت قاعدة قسرك التابعة للتحالف، مساء اليوم، لهجوم بثلاث قذائف صاروخية، كما سقطت قذيفتان في ريف"
            " تل تمر.")
    events = [e for e in _events(pipeline, text) if e.type == "attack"]
    assert sorted(e.location.id for e in events) == ["qasrak", "tal-tamr"]


def test_detection_base_fired_from_named_further_on_is_no_target(pipeline):
    # "انطلاقاً من قاعدتها في حقل العمر": where the shells were fired from, several words on
    text = ("قصفت القوات الأمريكية، مساء أمس، بقذائف المدفعية أطراف مدينة الميادين، انطلاقاً من قاعدتها المقامة في"
            " حقل العمر النفطي، دون أنباء عن إصابات.")
    assert [(e.type, e.location.id if e.location else None) for e in _events(pipeline, text)] == [
        ("strike", "mayadin")]


def test_detection_base_hit_after_a_launch_told_is_a_target(pipeline):
    # near miss: the base comes after what was launched, as its target ("انطلقت ... وسقطت على")
    text = ("انطلقت قذائف صاروخية مساء أمس من مناطق غرب الفرات وسقطت داخل قاعدة حقل العمر النفطي دون أنباء عن"
            " إصابات.")
    assert [(e.type, e.location.id) for e in _events(pipeline, text)] == [("attack", "al-omar")]


def test_detection_site_a_base_is_said_to_lie_by_is_no_target(pipeline):
    # "الواقعة قرب ...": the second base only says where the first lies
    text = ("سقطت قذيفتان صاروخيتان فجر اليوم داخل قاعدة تل بيدر التابعة للتحالف، الواقعة قرب قاعدة قسرك، دون"
            " إصابات.")
    events = [e for e in _events(pipeline, text) if e.type == "attack"]
    assert [e.location.id for e in events] == ["tal-baydar"]


def test_detection_site_far_after_lying_word_stays_a_target(pipeline):
    # near miss: "الواقعة" locates a town; a base hit later in the sentence is a target of its own
    text = ("سقطت قذيفتان صاروخيتان فجر اليوم داخل قاعدة تل بيدر التابعة للتحالف، الواقعة شمال الحسكة، كما سقطت"
            " قذيفة ثالثة داخل قاعدة قسرك دون إصابات.")
    events = [e for e in _events(pipeline, text) if e.type == "attack"]
    assert sorted(e.location.id for e in events) == ["qasrak", "tal-baydar"]


def test_detection_strikes_shared_out_clause_by_clause_each_have_their_place(pipeline):
    # "أربع غارات، ثلاث منها على ...، وواحدة على ...": each share, opening with its number, is placed
    text = ("قالت مصادر محلية إن مقاتلات أمريكية شنت فجر اليوم أربع غارات، ثلاث منها على مخازن للفصائل في"
            " القائم، وواحدة على نقطة عسكرية في منطقة البوكمال.")
    got = sorted((e.location.id, e.count) for e in _events(pipeline, text) if e.type == "strike")
    assert got == [("al-qaim", 3), ("bukamal", 1)]


def test_detection_clause_with_a_number_but_no_and_is_no_share(pipeline):
    # near miss: a later clause that opens with a number but no "و" tells no share of the strikes
    text = ("قالت مصادر محلية إن مقاتلات أمريكية شنت فجر اليوم أربع غارات على مخازن للفصائل في القائم، 3 منها"
            " دمرت بالكامل، بحسب ناشطين في منطقة البوكمال.")
    got = sorted(e.location.id for e in _events(pipeline, text) if e.type == "strike")
    assert got == ["al-qaim"]


def test_detection_arrival_told_again_gives_its_day_to_statement_dated_reinforcement(pipeline):
    # the first sentence dates only the source's statement; the quote tells the landing two days before
    text = ("أفاد مصدر أمني في محافظة الأنبار، اليوم السبت، بهبوط طائرة شحن عسكرية أمريكية في قاعدة عين الأسد"
            " الجوية.\n\nوقال المصدر إن \"الطائرة هبطت في القاعدة مساء الخميس وعلى متنها ذخائر\".")
    (e,) = _events(pipeline, text)
    assert (e.type, e.location.id, e.date) == ("reinforcement", "ain-al-asad", dt.date(2024, 3, 14))


def test_detection_arrival_dual_verb_gives_its_day(pipeline):
    text = ("كشف مصدر محلي، اليوم السبت، عن وصول تعزيزات عسكرية أمريكية جديدة إلى قاعدة عين الأسد.\n\n"
            "وقال المصدر إن \"طائرتي نقل هبطتا في مدرج القاعدة مساء الخميس\".")
    (e,) = _events(pipeline, text)
    assert (e.type, e.date) == ("reinforcement", dt.date(2024, 3, 14))


def test_detection_arrival_day_far_before_statement_does_not_move_it(pipeline):
    # near miss: a landing a week before is another occasion, not the one the source reports today
    text = ("كشف مصدر محلي، اليوم السبت، عن وصول تعزيزات عسكرية أمريكية جديدة إلى قاعدة عين الأسد.\n\n"
            "وقال المصدر إن \"طائرتي نقل هبطتا في مدرج القاعدة مساء الأحد الماضي\".")
    (e,) = _events(pipeline, text)
    assert (e.type, e.date) == ("reinforcement", dt.date(2024, 3, 16))


def test_detection_attack_statement_day_is_kept_beside_a_foiled_launch(pipeline):
    # near miss: an attack announced "today" happened today; a launcher found yesterday does not take it over
    text = ("أعلنت خلية الإعلام الأمني، اليوم السبت، سقوط صاروخين داخل قاعدة عين الأسد الجوية.\n\n"
            "وأضافت أن القوات عثرت، صباح أمس الجمعة، على منصة لإطلاق الصواريخ معدة للإطلاق باتجاه قاعدة عين الأسد.")
    days = sorted(e.date for e in _events(pipeline, text) if e.type == "attack")
    assert dt.date(2024, 3, 16) in days


def test_detection_call_to_intensify_strikes_is_no_strike(pipeline):
    text = "دعا المحافظ طيران التحالف الدولي إلى تكثيف ضرباته باستهداف مواقع التنظيم في الرمادي."
    assert _events(pipeline, text) == []


def test_detection_demand_to_direct_strikes_is_no_strike(pipeline):
    assert _events(pipeline, "دعا النائب إلى توجيه ضربات إلى مواقع التنظيم في الموصل.") == []


def test_detection_air_campaign_stepped_up_is_no_event(pipeline):
    text = "وكثفت الولايات المتحدة حملة جوية ضد التنظيم بموجة من الضربات على مدينة الرقة."
    assert _events(pipeline, text) == []


def test_detection_dated_raid_within_air_campaign_stays(pipeline):
    # near miss: raids with a day of their own are an event even when said to be part of the campaign
    text = "شنت طائرات التحالف الدولي أمس الجمعة غارات على مواقع للتنظيم في الرقة ضمن الحملة الجوية."
    (e,) = _events(pipeline, text)
    assert (e.type, e.location.id, e.date) == ("strike", "raqqa", dt.date(2024, 3, 15))


def test_detection_state_subject_with_conjunct_before_plural_verb_is_strike(pipeline):
    text = "قال المتحدث إن القوات الأمريكية وحلفاءها قصفوا مواقع للتنظيم قرب الرمادي يوم الجمعة."
    (e,) = _events(pipeline, text)
    assert (e.type, e.actor, e.location.id, e.date) == ("strike", "us-forces", "ramadi", dt.date(2024, 3, 15))


def test_detection_state_forces_after_plural_verb_are_its_object(pipeline):
    # near miss: a plural verb agrees with the fighters told before it; the US forces after it are hit
    text = "وقال الناطق إن مقاتلين قصفوا القوات الأمريكية وحلفاءها في محيط الرمادي يوم الجمعة."
    (e,) = _events(pipeline, text)
    assert (e.type, e.target) == ("attack", "us-forces")


def test_detection_ongoing_strikes_in_relative_imperfect_are_no_event(pipeline):
    text = ("ويأتي ذلك في ظل تواصل الهجمات على السفن في البحر الأحمر، رغم الضربات التي تشنها الولايات المتحدة"
            " منذ أسابيع على مواقع الحوثيين في اليمن.")
    assert [e for e in _events(pipeline, text) if e.type == "strike"] == []


def test_detection_strike_told_beside_ongoing_campaign_stays(pipeline):
    # near miss: the sentence's own past-tense strike is still an event
    text = ("وقصفت الطائرات الأمريكية مساء الجمعة مواقع في الحديدة، ضمن الضربات التي تشنها الولايات المتحدة"
            " على الحوثيين.")
    (e,) = _events(pipeline, text)
    assert (e.type, e.actor, e.date, e.country) == ("strike", "us-forces", dt.date(2024, 3, 15), "YE")


def test_detection_clause_opening_with_striking_verb_places_the_strike(pipeline):
    # the clause after the strike's own words opens with "استهدفت" and no subject: it still tells the strike
    text = ("قتل خمسة عناصر من الفصائل وأصيب آخرون جراء غارات جوية نفذتها طائرات يرجح أنها أمريكية مساء أمس"
            " الجمعة، استهدفت مخزنا للذخيرة ومقرا لكتائب حزب الله في حي الجمعيات بمدينة الميادين.")
    (e,) = _events(pipeline, text)
    assert (e.type, e.location.id, e.date) == ("strike", "mayadin", dt.date(2024, 3, 15))


def test_detection_clause_verb_with_own_subject_is_not_the_strike(pipeline):
    # near miss: "استهدفت الفصائل": a subject of its own after the verb tells another event (the attack)
    text = ("قتل خمسة عناصر من الفصائل وأصيب آخرون جراء غارات جوية نفذتها طائرات يرجح أنها أمريكية مساء أمس"
            " الجمعة، استهدفت الفصائل بعدها بساعات بالصواريخ قاعدة حقل العمر في ريف دير الزور.")
    events = _events(pipeline, text)
    assert [(e.type, e.location.id) for e in events if e.location is not None] == [("attack", "al-omar")]


def test_detection_convoys_told_clause_by_clause_take_their_own_days(pipeline):
    text = ("وفي 3/3/2024 دخل رتل من 30 شاحنة إلى قاعدة خراب الجير، وفي 6/3/2024 وصل رتل آخر يضم 12 شاحنة"
            " إلى قاعدة الشدادي.")
    days = {e.location.id: e.date for e in _events(pipeline, text) if e.type == "reinforcement"}
    assert days == {"kharab-al-jir": dt.date(2024, 3, 3), "shaddadi": dt.date(2024, 3, 6)}


def test_detection_convoy_day_told_in_a_later_clause_stays(pipeline):
    # near miss: the destination's clause tells no day; the one day of the sentence is the convoy's
    text = "دخل رتل من 30 شاحنة إلى قاعدة خراب الجير، وذلك يوم 3/3/2024 بحسب مصادر محلية."
    (e,) = _events(pipeline, text)
    assert (e.type, e.date) == ("reinforcement", dt.date(2024, 3, 3))


def test_detection_arrivals_told_base_by_base_after_several_aircraft(pipeline):
    text = ("أفادت مصادر محلية بأن ثلاث طائرات شحن عسكرية أمريكية هبطت أمس الجمعة في قاعدتين للتحالف الدولي"
            " في العراق.\n\nوأوضحت المصادر أن طائرتين هبطتا في قاعدة عين الأسد الجوية، فيما هبطت طائرة ثالثة في"
            " مطار أربيل الدولي.")
    places = {e.location.id: e.date for e in _events(pipeline, text)
              if e.type == "reinforcement" and e.location is not None}
    assert places == {"ain-al-asad": dt.date(2024, 3, 15), "erbil-airbase": dt.date(2024, 3, 15)}


def test_detection_other_landing_after_one_cargo_flight_is_no_reinforcement(pipeline):
    # near miss: one cargo flight at a named base; a later landing with no cargo word is another matter
    text = ("هبطت طائرة شحن عسكرية أمريكية أمس الجمعة في قاعدة عين الأسد الجوية.\n\n"
            "وفي سياق آخر، هبطت طائرة تقل وفدا حكوميا في مطار أربيل الدولي.")
    assert [e.location.id for e in _events(pipeline, text) if e.location is not None] == ["ain-al-asad"]


def test_detection_headline_attack_the_body_dates_last_year_is_no_event(pipeline):
    text = ("القضاء يستأنف محاكمة متهمين بالهجوم على قاعدة عين الأسد\n\n"
            "عقدت محكمة الجنايات في الأنبار، اليوم السبت، جلسة لمحاكمة أربعة متهمين بالهجوم الصاروخي الذي استهدف"
            " قاعدة عين الأسد الجوية في آذار من العام الماضي.")
    assert _events(pipeline, text) == []


def test_detection_history_clause_does_not_remove_todays_attack(pipeline):
    # near miss: today's rockets stay; only the attack of last year (another place) is history
    text = ("هجوم صاروخي على قاعدة عين الأسد\n\n"
            "سقطت ثلاثة صواريخ، فجر اليوم السبت، داخل قاعدة عين الأسد الجوية، بعد أيام من جلسة لمحاكمة متهمين"
            " بهجوم استهدف مطار أربيل في آذار من العام الماضي.")
    events = _events(pipeline, text)
    assert [(e.type, e.location.id, e.date) for e in events] == [("attack", "ain-al-asad", dt.date(2024, 3, 16))]


def test_detection_arrivals_base_by_base_replace_the_region_record(pipeline):
    text = ("أفادت مصادر محلية بأن ثلاث طائرات شحن عسكرية أمريكية هبطت أمس الجمعة في قاعدتين للتحالف الدولي"
            " في إقليم كردستان.\n\nوأوضحت المصادر أن طائرتين هبطتا في قاعدة حرير الجوية، فيما هبطت طائرة ثالثة"
            " في مطار أربيل الدولي.")
    events = _events(pipeline, text)
    assert sorted(e.location.id for e in events if e.location is not None) == ["erbil-airbase", "harir"]
    assert len(events) == 2


def test_detection_convoy_size_and_base_told_after_record_at_large(pipeline):
    text = ("أدخلت قوات التحالف الدولي، صباح اليوم السبت، تعزيزات عسكرية جديدة إلى قواعدها في شمال شرقي سوريا.\n\n"
            "وقال مصدر محلي إن رتلاً مؤلفاً من 30 شاحنة دخل من إقليم كردستان العراق.\n\n"
            "وأضاف المصدر أن الرتل سلك الطريق الدولي قبل أن يدخل قاعدة خراب الجير.")
    (e,) = _events(pipeline, text)
    assert (e.type, e.location.id, e.date, e.count) == ("reinforcement", "kharab-al-jir", dt.date(2024, 3, 16), 30)


def test_detection_convoy_after_record_with_its_own_size_is_not_its_size(pipeline):
    # near miss: the record already has its size; another convoy told next does not change it
    text = ("أدخلت قوات التحالف الدولي، صباح اليوم السبت، رتلا من 20 شاحنة إلى قاعدة خراب الجير.\n\n"
            "وقال مصدر محلي إن رتلاً آخر مؤلفاً من 30 شاحنة دخل من إقليم كردستان العراق.")
    (e,) = _events(pipeline, text)
    assert (e.location.id, e.count) == ("kharab-al-jir", 20)


def test_detection_definite_convoy_told_again_makes_no_new_record(pipeline):
    text = ("أدخلت القوات الأمريكية أمس رتلا جديدا يضم 30 آلية إلى الأراضي السورية عبر معبر الوليد.\n\n"
            "وقالت مصادر محلية إن الرتل دخل بحماية مدرعات وسلك الطريق المؤدي إلى قواعد القوات الأمريكية في ريف"
            " الحسكة.")
    (e,) = _events(pipeline, text)
    assert (e.type, e.location.id, e.date, e.count) == ("reinforcement", "al-walid-crossing-hasakah",
                                                        dt.date(2024, 3, 15), 30)


def test_detection_another_dated_convoy_is_a_new_record(pipeline):
    # near miss: another convoy with a day of its own is one more record
    text = ("أدخلت القوات الأمريكية أمس رتلا جديدا يضم 30 آلية إلى الأراضي السورية عبر معبر الوليد.\n\n"
            "وقالت مصادر محلية إن رتلا آخر وصل اليوم السبت إلى قواعد القوات الأمريكية في ريف الحسكة.")
    places = sorted((e.location.id, e.date) for e in _events(pipeline, text))
    assert places == [("al-walid-crossing-hasakah", dt.date(2024, 3, 15)), ("hasakah-governorate", dt.date(2024, 3, 16))]


def test_detection_suspects_arrested_for_rocket_fire_is_no_attack(pipeline):
    text = ("أعلنت خلية الإعلام الأمني، اليوم السبت، القبض على ثلاثة متهمين بإطلاق صواريخ الكاتيوشا على مطار"
            " بغداد الدولي.")
    assert _events(pipeline, text) == []


def test_detection_accusation_of_todays_rocket_fire_stays_an_attack(pipeline):
    # near miss: "اتهم" lays today's attack at someone's door; the attack is still told
    text = "اتهم مسؤول أمريكي فصائل مسلحة بإطلاق صواريخ على قاعدة عين الأسد فجر اليوم السبت."
    (e,) = _events(pipeline, text)
    assert (e.type, e.location.id, e.date) == ("attack", "ain-al-asad", dt.date(2024, 3, 16))


def test_detection_attack_only_answered_in_headline_is_no_record(pipeline):
    # the headline names the base attack only as what the strikes answer: no attack record of the strikes' day
    text = ("مقاتلات أمريكية تقصف مخازن أسلحة في البوكمال ردا على هجوم قاعدة التنف\n\n"
            "قصفت مقاتلات أمريكية مساء أمس الجمعة مخازن أسلحة تابعة لفصائل موالية لإيران في مدينة البوكمال.")
    events = _events(pipeline, text)
    assert [e.type for e in events] == ["strike"]
    assert events[0].location.id == "bukamal"


def test_detection_answered_attack_with_its_own_day_stays(pipeline):
    # near miss: the answered attack is told with a day of its own after its word, so it is a record of that day
    text = ("قصفت مقاتلات أمريكية مساء اليوم السبت مخازن أسلحة في البوكمال، ردا على الهجوم الذي استهدف قاعدة"
            " التنف صباح أمس الجمعة بطائرتين مسيرتين.")
    attacks = [e for e in _events(pipeline, text) if e.type == "attack"]
    assert [(a.location.id, a.date) for a in attacks] == [("al-tanf", dt.date(2024, 3, 15))]


def test_detection_attack_a_strike_followed_is_no_record(pipeline):
    # "التي أعقبت هجوم ...": the attack came before the strikes talked about, with no day told here
    text = ("تقرير\n\n"
            "وقصفت مسيّرة أمريكية مساء الخميس الماضي سيارة في بغداد فقتلت قياديا في كتائب حزب الله.\n\n"
            "ثم جاءت الغارات الكثيرة التي أعقبت هجوم قاعدة التنف لتطال عشرات المواقع في العراق وسوريا.")
    events = _events(pipeline, text)
    assert [(e.type, e.location.id if e.location else None) for e in events] == [("strike", "baghdad")]


def test_detection_attack_after_unfollowing_verb_stays(pipeline):
    # near miss: without the verb of following the attack on the base is told with its own day
    text = ("قصفت مسيّرة أمريكية مساء الخميس الماضي سيارة في بغداد، بعد يوم من هجوم قاعدة التنف صباح الأربعاء"
            " بطائرتين مسيرتين.")
    attacks = [e for e in _events(pipeline, text) if e.type == "attack"]
    assert [(a.location.id, a.date) for a in attacks] == [("al-tanf", dt.date(2024, 3, 13))]


def test_detection_unknown_warplanes_on_group_sites_make_a_strike_with_no_actor(pipeline):
    text = ("قصفت طائرات مجهولة الهوية، مساء أمس الجمعة، مقرات تابعة للميليشيات الإيرانية في مدينة البوكمال"
            " شرقي سوريا، ما أسفر عن مقتل ثلاثة عناصر.")
    (e,) = _events(pipeline, text)
    assert (e.type, e.location.id, e.date, e.actor, e.weapons) == (
        "strike", "bukamal", dt.date(2024, 3, 15), None, ["aircraft"])


def test_detection_plain_planes_on_group_sites_make_no_strike(pipeline):
    # near miss: planes not told as unnamed warplanes (nor a weapon word) make no unattributed strike
    text = ("استهدفت طائرات، مساء أمس الجمعة، مقرات تابعة للميليشيات الإيرانية في مدينة البوكمال"
            " شرقي سوريا.")
    assert [e for e in _events(pipeline, text) if e.type == "strike"] == []


_BASE_HIT = ("سمع دوي انفجارات داخل قاعدة التنف مساء أمس الجمعة إثر استهدافها بطائرات مسيّرة.\n\n")


def test_detection_strike_right_after_the_attack_takes_its_day_and_country(pipeline):
    # "وعقب الهجوم، قصفت ...": the strike answers the attack told before, on its day, in its country,
    # though the shelled village is in no gazetteer and the sentence has no day of its own
    text = ("انفجارات في التنف\n\n" + _BASE_HIT
            + "وعقب الهجوم، قصفت القوات الأمريكية بالمدفعية قرية نائية على الطرف الآخر من الحدود، ما أدى إلى"
              " مقتل ثلاثة مسلحين.")
    strikes = [e for e in _events(pipeline, text) if e.type == "strike"]
    assert [(s.location, s.country, s.date, s.actor, s.weapons) for s in strikes] == [
        (None, "SY", dt.date(2024, 3, 15), "us-forces", ["artillery"])]


def test_detection_strike_with_no_day_nor_answered_attack_stays_out(pipeline):
    # near miss: the same shelling with nothing placing it after the attack has no day and no place
    text = ("انفجارات في التنف\n\n" + _BASE_HIT
            + "وفي تطور آخر، قصفت القوات الأمريكية بالمدفعية قرية نائية على الطرف الآخر من الحدود، ما أدى إلى"
              " مقتل ثلاثة مسلحين.")
    assert [e for e in _events(pipeline, text) if e.type == "strike"] == []


def test_detection_governorate_told_again_by_its_word_places_the_record(pipeline):
    # the governorate is named only as where the source is; "جنوبي المحافظة" places the bomb in it
    text = ("قال مصدر في شرطة محافظة بابل، اليوم السبت، إن عبوة ناسفة انفجرت مساء أمس الجمعة على رتل"
            " شاحنات يحمل معدات للتحالف الدولي على طريق زراعي جنوبي المحافظة، دون إصابات.")
    attacks = [e for e in _events(pipeline, text) if e.type == "attack"]
    assert [(a.location.id if a.location else None, a.country, a.date) for a in attacks] == [
        ("babil-governorate", "IQ", dt.date(2024, 3, 15))]


def test_detection_governorate_word_with_two_governorates_named_stays_unplaced(pipeline):
    # near miss: two governorates before "جنوبي المحافظة" leave it unclear which one is meant
    text = ("قال مصدر في شرطة محافظة بابل، اليوم السبت، إن عبوة ناسفة انفجرت مساء أمس الجمعة على رتل"
            " شاحنات قادم من محافظة الأنبار يحمل معدات للتحالف الدولي على طريق زراعي جنوبي المحافظة.")
    attacks = [e for e in _events(pipeline, text) if e.type == "attack"]
    assert [(a.location.id if a.location else None, a.country) for a in attacks] == [(None, "IQ")]


def test_detection_two_more_sites_counted_after_the_first_place_are_a_second_record(pipeline):
    # "وموقعين قرب البوكمال" after the first place: more sites of the same strikes, in another town
    text = ("شنت مقاتلات أمريكية فجر اليوم السبت غارات على مستودعات أسلحة للميليشيات في مدينة"
            " القائم العراقية قرب الحدود مع سوريا، وموقعين قرب البوكمال على الجانب الآخر.")
    strikes = [e for e in _events(pipeline, text) if e.type == "strike"]
    assert sorted(s.location.id for s in strikes) == ["al-qaim", "bukamal"]


def test_detection_place_after_plain_and_far_from_the_strike_stays_out(pipeline):
    # near miss: a far place joined by a plain word, not a share of sites, is not one more strike record
    text = ("شنت مقاتلات أمريكية فجر اليوم السبت غارات على مستودعات أسلحة للميليشيات في مدينة"
            " القائم العراقية قرب الحدود مع سوريا، وعادت المقاتلات بعد المهمة إلى قواعدها سالمة من فوق البوكمال.")
    strikes = [e for e in _events(pipeline, text) if e.type == "strike"]
    assert sorted(s.location.id for s in strikes) == ["al-qaim"]


def test_detection_known_strike_with_its_own_day_in_the_relative_clause_is_told(pipeline):
    # "عقب الغارة الأمريكية التي استهدفت مساء أمس ...": the strike named after "عقب" is told with its day
    text = ("دعا نواب، اليوم السبت، إلى إخراج القوات الأجنبية، عقب الغارة الأمريكية التي استهدفت مساء أمس"
            " الجمعة مقرا للفصائل في منطقة جرف الصخر.")
    strikes = [e for e in _events(pipeline, text) if e.type == "strike"]
    assert [(s.location.id, s.date, s.actor) for s in strikes] == [
        ("jurf-al-sakhar", dt.date(2024, 3, 15), "us-forces")]


def test_detection_known_strike_with_no_day_of_its_own_stays_a_time_anchor(pipeline):
    # near miss: the relative clause has no day; the sentence's day is the call's, the strike was told before
    text = ("دعا نواب، اليوم السبت، إلى إخراج القوات الأجنبية، عقب الغارة الأمريكية التي استهدفت مقرا"
            " للفصائل في منطقة جرف الصخر.")
    assert [e for e in _events(pipeline, text) if e.type == "strike"] == []


def test_detection_place_of_the_attack_hours_before_the_strikes_is_not_a_strike_place(pipeline):
    # "بعد ساعات من استهداف ... في ريف الحسكة": the place is the attack's, the strikes were elsewhere
    text = ("قتل ثمانية مسلحين في غارات أمريكية فجر اليوم السبت على مواقع للميليشيات في مدينة الميادين.\n\n"
            "وكانت الغارات قد جاءت بعد ساعات من استهداف بطائرة مسيرة لقاعدة للتحالف الدولي في ريف الحسكة.")
    events = _events(pipeline, text)
    assert [e.location.id for e in events if e.type == "strike"] == ["mayadin"]


def test_detection_place_after_hours_with_no_attack_word_stays_the_strikes(pipeline):
    # near miss: "بعد ساعات من" with no attack word after it leaves the place to the strikes
    text = ("شنت طائرات أمريكية فجر اليوم السبت غارات على مواقع للميليشيات في ريف الحسكة، بعد ساعات من"
            " اجتماع أمني في العاصمة.")
    strikes = [e for e in _events(pipeline, text) if e.type == "strike"]
    assert [s.location.id for s in strikes] == ["hasakah-governorate"]


def test_detection_warplanes_flying_over_strike_nothing(pipeline):
    # "حلق الطيران الأمريكي فوق المنطقة" after blasts at a base: flying over, no strike of its own
    text = ("سقطت ثلاثة صواريخ صباح اليوم السبت على قاعدة عين الأسد في محافظة الأنبار، فيما حلق الطيران"
            " الأمريكي بكثافة فوق المنطقة.")
    events = _events(pipeline, text)
    assert [(e.type, e.location.id) for e in events] == [("attack", "ain-al-asad")]


def test_detection_warplanes_striking_after_the_blasts_still_strike(pipeline):
    # near miss: the same aircraft told as striking (no flying word before them) make a strike
    text = ("حلقت طائرات استطلاع فوق المنطقة، ثم قصف الطيران الأمريكي صباح اليوم السبت مواقع الفصائل في"
            " منطقة جرف الصخر.")
    events = _events(pipeline, text)
    assert [(e.type, e.location.id) for e in events] == [("strike", "jurf-al-sakhar")]


_CAPITAL_LEAD = ("قتل قيادي في كتائب حزب الله مساء أمس الجمعة بضربة نفذتها طائرة مسيرة أمريكية على سيارته"
                 " في منطقة البلديات شرقي العاصمة بغداد.\n\n")


def test_detection_capital_told_again_by_its_word_places_an_earlier_strike(pipeline):
    # "داخل العاصمة" with no name after it is the capital named before ("العاصمة بغداد")
    text = _CAPITAL_LEAD + ("وهذه الضربة الثالثة داخل العاصمة خلال شهر، إذ قصفت مسيرة أمريكية في الخامس من"
                            " شباط الماضي مقرا لحركة النجباء قرب ساحة عامة.")
    strikes = sorted((e.date, e.location.id) for e in _events(pipeline, text) if e.type == "strike")
    assert strikes == [(dt.date(2024, 2, 5), "baghdad"), (dt.date(2024, 3, 15), "baghdad")]


def test_detection_capital_word_with_no_capital_named_before_places_nothing(pipeline):
    # near miss: no city was named after "العاصمة" before and the story tells of Iraq and Syria, so the
    # bare word places no record
    text = ("قتل قيادي في كتائب حزب الله مساء أمس الجمعة بضربة نفذتها طائرة مسيرة أمريكية على سيارته"
            " في منطقة الدورة جنوب بغداد، بعد يومين من غارات على مدينة البوكمال السورية.\n\n"
            "وهذه الضربة الثالثة داخل العاصمة خلال شهر، إذ قصفت مسيرة أمريكية في الخامس من"
            " شباط الماضي مقرا لحركة النجباء قرب ساحة عامة.")
    strikes = [(e.date, e.location.id if e.location else None) for e in _events(pipeline, text)
               if e.type == "strike"]
    assert (dt.date(2024, 3, 15), "baghdad") in strikes
    assert not any(d == dt.date(2024, 2, 5) for d, _loc in strikes)


def test_detection_country_of_the_answered_attacks_makes_no_strike(pipeline):
    # "ردا على الهجمات ... في العراق": the strikes told before were in Syria; Iraq is where the attacks were
    text = ("قصفت مقاتلات أمريكية مساء أمس الجمعة مخازن أسلحة للفصائل في مدينة البوكمال شرقي سوريا.\n\n"
            "وقال المتحدث باسم البنتاغون إن الضربات جاءت ردا على الهجمات الأخيرة ضد القوات الأمريكية في العراق،"
            " ومنها هجوم صاروخي على قاعدة عين الأسد في العاشر من الشهر الجاري.")
    strikes = [(e.location.id if e.location else None, e.country) for e in _events(pipeline, text)
               if e.type == "strike"]
    assert strikes == [("bukamal", "SY")]


def test_detection_country_named_before_the_answer_keeps_its_strike(pipeline):
    # near miss: the strikes' own country comes before "ردا على", so the strike record stays
    text = ("نفذت القوات الأمريكية فجر اليوم السبت ضربات جوية على مواقع للحوثيين في اليمن، ردا على الهجمات"
            " الأخيرة على السفن.")
    strikes = [(e.location, e.country) for e in _events(pipeline, text) if e.type == "strike"]
    assert strikes == [(None, "YE")]


def test_detection_bare_capital_in_a_one_country_story_is_that_countrys_capital(pipeline):
    # no city named after "العاصمة", but the story is all in Iraq: "غربي العاصمة" is Baghdad
    text = ("قصفت مقاتلات أمريكية فجر اليوم السبت مقرات للفصائل في منطقة جرف الصخر.\n\n"
            "وكان عنصر في الفصائل قد قتل مساء أمس الجمعة بقصف نفذته طائرة أمريكية على سيارته في قرية"
            " زراعية غربي العاصمة.")
    strikes = sorted((e.date, e.location.id) for e in _events(pipeline, text) if e.type == "strike")
    assert strikes == [(dt.date(2024, 3, 15), "baghdad"), (dt.date(2024, 3, 16), "jurf-al-sakhar")]


def test_detection_bare_capital_in_a_two_country_story_places_nothing(pipeline):
    # near miss: Iraq and Syria are both told, so the bare capital word names no city
    text = ("قصفت مقاتلات أمريكية فجر اليوم السبت مقرات للفصائل في منطقة جرف الصخر وفي مدينة البوكمال.\n\n"
            "وكان عنصر في الفصائل قد قتل مساء أمس الجمعة بقصف نفذته طائرة أمريكية على سيارته في قرية"
            " زراعية غربي العاصمة.")
    strikes = [e for e in _events(pipeline, text) if e.type == "strike"]
    assert all(e.location is None or e.location.id != "baghdad" for e in strikes)


def test_detection_relative_verb_of_an_answered_attack_is_no_record(pipeline):
    # "ردا على الهجوم الذي استهدف قاعدة التنف أواخر الشهر الماضي": the relative's verb tells the answered attack
    text = ("قصفت مقاتلات أمريكية مساء أمس الجمعة مخازن أسلحة في مدينة البوكمال، ردا على الهجوم الذي استهدف"
            " قاعدة التنف أواخر الشهر الماضي.")
    events = _events(pipeline, text)
    assert [(e.type, e.location.id) for e in events] == [("strike", "bukamal")]


def test_detection_zionist_adjective_without_article_is_israel(pipeline):
    # "غارة صهيونية" (no article) in the other side's words: Israel's strike, not a default US one
    events = _events(pipeline, "استشهاد ضابط سوري في غارة صهيونية على موقع قرب تدمر فجر اليوم السبت")
    assert [(e.type, e.actor) for e in events if e.type == "strike"] == [("strike", "israel")]


def test_detection_us_adjective_strike_stays_us(pipeline):
    # near miss: the same sentence with the US adjective keeps the US actor
    events = _events(pipeline, "مقتل عنصر من الفصائل في غارة أمريكية على موقع قرب البوكمال فجر اليوم السبت")
    assert [(e.type, e.actor) for e in events if e.type == "strike"] == [("strike", "us-forces")]


def _troop_tallies(pipeline, text):
    (doc,) = extract_texts(pipeline, [("t", text, PUB)])
    return [(t.count, t.what) for t in doc.tallies if t.what == "troops"]


def test_detection_service_members_word_counts_troops(pipeline):
    # "أفراد" (members of the forces) counts troops as "جندي" does
    text = "وتنشر الولايات المتحدة في قاعدة عين الأسد نحو 1200 من أفراد الجيش والقوات الجوية الأمريكية."
    assert _troop_tallies(pipeline, text) == [(1200, "troops")]


def test_detection_few_service_members_are_no_troop_count(pipeline):
    # near miss: a handful of members hurt in an attack is a toll, not a count of troops
    text = "وأسفر الهجوم على قاعدة عين الأسد أمس الجمعة عن إصابة 3 أفراد من القوات الأمريكية بجروح طفيفة."
    assert _troop_tallies(pipeline, text) == []


def test_detection_present_tense_interception_in_a_breaking_line(pipeline):
    # "ومنظومة الدفاع تتصدى لها": the present tense of a breaking-news line still tells an interception
    text = ("عاجل | انفجارات في قاعدة عين الأسد إثر استهدافها بعدة صواريخ مساء اليوم السبت، والدفاعات"
            " الأمريكية تتصدى لها في سماء القاعدة.")
    attacks = [e for e in _events(pipeline, text) if e.type == "attack"]
    assert [(a.location.id, a.intercepted) for a in attacks] == [("ain-al-asad", True)]


def test_detection_no_interception_word_leaves_intercepted_unknown(pipeline):
    # near miss: the same line with no interception told leaves it unknown
    text = ("عاجل | انفجارات في قاعدة عين الأسد إثر استهدافها بعدة صواريخ مساء اليوم السبت، وسيارات"
            " الإسعاف تتجه إلى القاعدة.")
    attacks = [e for e in _events(pipeline, text) if e.type == "attack"]
    assert [(a.location.id, a.intercepted) for a in attacks] == [("ain-al-asad", None)]
