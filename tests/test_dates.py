"""Tests of the date grammar (spec events.md, "Reading the text"): news snippets, normalised first."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.dates import DEFAULT_PATH, DateLexicon, find_dates, load_date_lexicon
from marsad.errors import DataFileError
from marsad.normalize import normalize, normalize_key

D = dt.date
SAT = D(2023, 10, 21)  # a Saturday: the seed article about the attacks of Thursday 19 October 2023
SUN = D(2023, 10, 22)
TUE = D(2023, 12, 12)


@pytest.fixture(scope="module")
def lex() -> DateLexicon:
    return load_date_lexicon()


def found(lex: DateLexicon, text: str, published: dt.date | None) -> list[tuple[str, Any, Any, str]]:
    """(normalised surface, value, precision, strategy) of every mention of ``text``."""
    norm = normalize(text).text
    return [(norm[m.start:m.end], m.value, m.precision, m.strategy) for m in find_dates(norm, published, lex)]


def only(lex: DateLexicon, text: str, published: dt.date | None) -> tuple[str, Any, Any, str]:
    mentions = found(lex, text, published)
    assert len(mentions) == 1, mentions
    return mentions[0]


# ------------------------------------------------------------------------------------------ data file


def test_dates_shipped_lexicon_is_valid(lex: DateLexicon) -> None:
    assert set(lex.months.values()) == set(range(1, 13))
    assert set(lex.weekdays.values()) == set(range(7))
    assert set(lex.ordinal_days.values()) == set(range(1, 32))
    assert lex.path == str(DEFAULT_PATH)


def test_dates_loader_normalises_entries(lex: DateLexicon) -> None:
    # written "تشرين الأول", "أغسطس", "الإثنين", "البارحة" in the file
    assert lex.months["تشرين الاول"] == 10
    assert lex.months["اغسطس"] == 8
    assert lex.weekdays["الاثنين"] == 0
    assert lex.relative_days["البارحه"] == -1
    assert all(key == normalize_key(key) for key in [*lex.months, *lex.weekdays, *lex.relative_days])


def _bad_file(tmp_path: Path, edit: Any) -> Path:
    data = yaml.safe_load(DEFAULT_PATH.read_text(encoding="utf-8"))
    edit(data)
    path = tmp_path / "dates.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


BAD_DATA = [
    ("unknown top-level key", lambda d: d.update(monthz={1: ["يناير"]}), "monthz"),
    ("month number outside 1-12", lambda d: d["months"].update({13: ["بريمير"]}), "months.13"),
    ("weekday index outside 0-6", lambda d: d["weekdays"].update({7: ["الويكند"]}), "weekdays.7"),
    ("one word for two months", lambda d: d["months"][9].append("أكتوبر"), "months.10"),
    ("two months after normalisation", lambda d: d["months"][5].append("ابريل"), "months.5"),
    ("one word for two weekdays", lambda d: d["weekdays"][1].append("الجمعة"), "weekdays.4"),
    ("relative offset not a number", lambda d: d["relative_days"].update({"x": ["قريبا"]}), "relative_days.x"),
    ("missing section", lambda d: d.pop("weekdays"), "weekdays"),
    ("words not a list", lambda d: d.update(parts_of_day="فجر"), "parts_of_day"),
    ("empty word", lambda d: d["clitics"].append("  "), "clitics"),
    ("unknown nested key", lambda d: d["markers"].update(recent=["الأخير"]), "markers.recent"),
    ("marker in two kinds", lambda d: d["markers"]["future"].append("الماضي"), "markers.future"),
    ("ordinal day 32", lambda d: d["ordinal_days"].update({32: ["الثاني والثلاثين"]}), "ordinal_days.32"),
    ("count word 0", lambda d: d["days_ago"]["numbers"].update({0: ["صفر"]}), "days_ago.numbers.0"),
]


@pytest.mark.parametrize(("edit", "key"), [c[1:] for c in BAD_DATA], ids=[c[0] for c in BAD_DATA])
def test_dates_validator_names_file_and_key(tmp_path: Path, edit: Any, key: str) -> None:
    path = _bad_file(tmp_path, edit)
    with pytest.raises(DataFileError) as info:
        load_date_lexicon(path)
    assert info.value.path == str(path)
    assert info.value.key == key
    assert key in str(info.value)


@pytest.mark.parametrize("content", ["months: [يناير", "- just a list", ""], ids=["syntax", "list", "empty"])
def test_dates_validator_rejects_unreadable_files(tmp_path: Path, content: str) -> None:
    path = tmp_path / "dates.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        load_date_lexicon(path)
    assert info.value.path == str(path)


def test_dates_validator_rejects_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="cannot read"):
        load_date_lexicon(tmp_path / "nowhere.yaml")


# ------------------------------------------------------------------------------------------- relative


@pytest.mark.parametrize("text", [
    "وذكرت مصادر محلية أن القاعدة استهدفت اليوم بعدد من القذائف",
    "أعلنت المقاومة في هذا اليوم مسؤوليتها عن الهجوم",
    "سقطت ثلاث قذائف صباح اليوم قرب المطار",
    "دوت صفارات الإنذار فجر اليوم في القاعدة",
    "استهدفت طائرة مسيّرة الحقل مساء اليوم",
    "وقع الانفجار ظهر اليوم في محيط المعسكر",
    "عصر اليوم، أعلن المتحدث باسم البنتاغون",
    "من المتوقع أن تصل التعزيزات الليلة إلى القاعدة",
])
def test_dates_today_is_publication_day(lex: DateLexicon, text: str) -> None:
    assert only(lex, text, SAT)[1:] == (SAT, "day", "relative")


@pytest.mark.parametrize("text", [
    "استهدف هجوم بطائرة مسيرة أمس قاعدة عين الأسد",
    "وقال مسؤول عسكري امس إن الهجوم لم يسفر عن ضحايا",
    "تعرض الحقل البارحة لقصف بقذائف الهاون",
    "سقطت صواريخ يوم أمس قرب السفارة",
    "سمع دوي انفجارات مساء أمس في محيط القاعدة",
    "شنت طائرات أميركية غارات فجر أمس على مواقع للفصائل",
    "وصل رتل من الشاحنات ليل أمس إلى قاعدة خراب الجير",
    "تعرضت القاعدة الليلة الماضية لهجوم صاروخي",
    "كانت القاعدة قد استهدفت بالأمس بطائرتين مسيرتين",
])
def test_dates_yesterday_is_one_day_before(lex: DateLexicon, text: str) -> None:
    assert only(lex, text, SAT)[1:] == (D(2023, 10, 20), "day", "relative")


@pytest.mark.parametrize(("text", "days"), [
    ("استهدفت صواريخ القاعدة أول من أمس", 2),
    ("وكانت قذيفتان قد سقطتا أول أمس قرب المعسكر", 2),
    ("أعلنت الفصائل قبل يومين مسؤوليتها عن الهجوم", 2),
    ("هبطت طائرة شحن في القاعدة قبل ثلاثة أيام", 3),
    ("هبطت طائرة شحن في القاعدة قبل 3 أيام", 3),
    ("وقع الهجوم الأول منذ خمسة أيام", 5),
    ("دخلت القافلة قبل عشرة أيام عبر معبر الوليد", 10),
    ("وصلت تعزيزات قبل 12 يوما إلى الحسكة", 12),
])
def test_dates_days_ago(lex: DateLexicon, text: str, days: int) -> None:
    assert only(lex, text, SAT)[1:] == (SAT - dt.timedelta(days=days), "day", "relative")


@pytest.mark.parametrize("text", [
    "قبل يومين من الهجوم على السفارة نقلت القوات معداتها",
    "وكانت الفصائل قد هددت قبل ثلاثة أيام على الأقل من ذلك",
])
def test_dates_days_before_another_event_are_not_dates(lex: DateLexicon, text: str) -> None:
    assert found(lex, text, SAT) == []


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("استهدف هجوم بالصواريخ أمس الاثنين قاعدتين", "أمس الاثنين", D(2023, 12, 11)),
    ("استهدفت قاعدة التحالف اليوم الثلاثاء بعدد من القذائف", "اليوم الثلاثاء", TUE),
    ("قال وزير الدفاع اليوم (الثلاثاء) إن", "اليوم (الثلاثاء)", TUE),
    ("سقطت الصواريخ فجر أمس الاثنين", "فجر أمس الاثنين", D(2023, 12, 11)),
    ("وقع الهجوم أمس الأحد", "أمس الأحد", D(2023, 12, 11)),  # the words disagree: أمس decides
])
def test_dates_relative_word_with_weekday_is_one_mention(
    lex: DateLexicon, text: str, surface: str, value: dt.date
) -> None:
    assert only(lex, text, TUE) == (normalize_key(surface), value, "day", "relative")


@pytest.mark.parametrize("text", [
    "وفي اليوم نفسه استهدفت خمس هجمات القوات الأميركية",
    "أعلنت وزارة الدفاع في اليوم التالي مقتل جندي",
    "وفي ذلك اليوم سقطت قذائف على المطار",
    "لم تشهد القاعدة في تلك الليلة أي هجوم",
    "ونقل الجرحى في ذات اليوم إلى أربيل",
])
def test_dates_today_words_about_another_day_are_not_dates(lex: DateLexicon, text: str) -> None:
    assert found(lex, text, SAT) == []


def test_dates_tomorrow_is_not_last_weekday(lex: DateLexicon) -> None:
    assert only(lex, "يبدأ التمرين يوم غد الأحد", SAT)[1:] == (SUN, "day", "relative")


# -------------------------------------------------------------------------------------------- weekdays


@pytest.mark.parametrize(("text", "value"), [
    ("استهدف هجوم بطائرة مسيرة الاثنين قاعدة عين الأسد", D(2023, 10, 16)),
    ("وكان مسؤول أميركي قد أكد يوم الجمعة أن القاعدة تعرضت لهجوم", D(2023, 10, 20)),
    ("سقطت قذائف هاون فجر السبت على حقل كونيكو", SAT),  # publication day itself
    ("أعلنت الفصائل مساء الأحد استهداف قاعدة حرير", D(2023, 10, 15)),
    ("قال المتحدث باسم البنتاغون في مؤتمر صحفي، الخميس، إن", D(2023, 10, 19)),
])
def test_dates_bare_weekday_is_latest_on_or_before(lex: DateLexicon, text: str, value: dt.date) -> None:
    assert only(lex, text, SAT)[1:] == (value, "day", "weekday")


@pytest.mark.parametrize(("text", "published", "value"), [
    ("وقالت الشرطة العراقية، الخميس الماضي، إن عددا من الصواريخ", SAT, D(2023, 10, 19)),
    ("واستهدفت يوم الجمعة الماضي السفارة الأميركية في بغداد", TUE, D(2023, 12, 8)),
    ("أعلنت الفصائل السبت الماضي مسؤوليتها", SAT, D(2023, 10, 14)),  # strictly before
    ("وفي الجمعة الماضية هبطت طائرتا شحن", SAT, D(2023, 10, 20)),
])
def test_dates_weekday_past_is_strictly_before(
    lex: DateLexicon, text: str, published: dt.date, value: dt.date
) -> None:
    assert only(lex, text, published)[1:] == (value, "day", "weekday_past")


def test_dates_weekday_next_is_after_publication(lex: DateLexicon) -> None:
    assert only(lex, "تعقد اللجنة اجتماعها السبت المقبل", SAT)[1:] == (D(2023, 10, 28), "day", "weekday_next")


@pytest.mark.parametrize("text", ["وقع خلاف بين الاثنين حول الهجوم", "وصل كلا الاثنين إلى القاعدة"])
def test_dates_weekday_name_meaning_two_is_not_a_date(lex: DateLexicon, text: str) -> None:
    assert found(lex, text, SAT) == []


# ---------------------------------------------------------------------------------------------- nights


@pytest.mark.parametrize(("text", "published", "value"), [
    ("تعرضت قاعدة للتحالف ليلة الأحد الاثنين للقصف بخمسة صواريخ", D(2024, 4, 23), D(2024, 4, 21)),
    ("سمعت انفجارات ليل السبت-الأحد في محيط القاعدة", SUN, SAT),
    ("أطلقت صواريخ ليلة السبت على الأحد من بلدة زمار", D(2023, 10, 23), SAT),
    ("أقر البرلمان القانون ليل الجمعة/السبت", SUN, D(2023, 10, 20)),
    ("وقع الهجوم ليلة الخميس إلى الجمعة", SAT, D(2023, 10, 19)),
])
def test_dates_night_of_two_days_is_the_first_day(
    lex: DateLexicon, text: str, published: dt.date, value: dt.date
) -> None:
    assert only(lex, text, published)[1:] == (value, "day", "night")


@pytest.mark.parametrize(("text", "published", "value"), [
    ("شن طيران التحالف ليلة الأحد غارات على معسكر", SAT, D(2023, 10, 14)),  # Sunday 15 -> Saturday 14
    ("شن طيران التحالف ليلة الأحد غارات على معسكر", SUN, SAT),  # that Sunday is publication day
    ("وصلت تعزيزات عشية الأحد إلى القاعدة", SUN, SAT),
    ("اختطف مسؤول في ساعة متأخرة من ليلة السبت الماضي", SUN, D(2023, 10, 20)),
])
def test_dates_night_of_a_day_is_its_eve(lex: DateLexicon, text: str, published: dt.date, value: dt.date) -> None:
    assert only(lex, text, published)[1:] == (value, "day", "night")


@pytest.mark.parametrize(("text", "value"), [
    ("سقطت ثلاث قذائف كاتيوشا قرب مطار بغداد ليل الخميس", D(2023, 10, 19)),
    ("تبادل مسلحون إطلاق النار ليل السبت", SAT),
])
def test_dates_night_word_lail_is_the_day_itself(lex: DateLexicon, text: str, value: dt.date) -> None:
    assert only(lex, text, SAT)[1:] == (value, "day", "night")


# -------------------------------------------------------------------------------------------- explicit


@pytest.mark.parametrize("text", [
    "بدأ التصعيد في 17 أكتوبر",
    "بدأ التصعيد في 17 تشرين الأول",
    "بدأ التصعيد في 17 أكتوبر/تشرين الأول",
    "بدأ التصعيد في 17 تشرين الأول/أكتوبر",
    "بدأ التصعيد في 17 تشرين الأول (أكتوبر)",
    "بدأ التصعيد في 17 من أكتوبر",
    "بدأ التصعيد في الـ17 من تشرين الأول",
    "بدأ التصعيد في السابع عشر من أكتوبر",
    "بدأ التصعيد يوم الثلاثاء 17 أكتوبر",
    "بدأ التصعيد الثلاثاء الموافق 17 تشرين الأول",
    "بدأ التصعيد في 17 أكتوبر 2023",
    "بدأ التصعيد في 17 أكتوبر عام 2023",
    "بدأ التصعيد في 17 تشرين الأول من العام 2023",
    "بدأ التصعيد في 17 أكتوبر/تشرين الأول 2023",
    "بدأ التصعيد في 17 أكتوبر الماضي",
    "بدأ التصعيد في 17 أكتوبر الجاري",
    "بدأ التصعيد في 17 من الشهر الجاري",
])
def test_dates_explicit_day_month_forms(lex: DateLexicon, text: str) -> None:
    assert only(lex, text, SAT)[1:] == (D(2023, 10, 17), "day", "explicit")


def test_dates_explicit_span_covers_the_whole_expression(lex: DateLexicon) -> None:
    text = "92 هجوما منذ 17 أكتوبر/تشرين الأول الماضي على القوات الأميركية"
    assert only(lex, text, SAT)[0] == normalize_key("17 أكتوبر/تشرين الأول الماضي")


@pytest.mark.parametrize(("name", "month"), [
    ("يناير", 1), ("كانون الثاني", 1), ("فبراير", 2), ("شباط", 2), ("مارس", 3), ("آذار", 3),
    ("أبريل", 4), ("إبريل", 4), ("نيسان", 4), ("مايو", 5), ("أيار", 5), ("يونيو", 6), ("يونيه", 6),
    ("حزيران", 6), ("يوليو", 7), ("يوليه", 7), ("تموز", 7), ("أغسطس", 8), ("اغسطس", 8), ("آب", 8),
    ("سبتمبر", 9), ("أيلول", 9), ("أكتوبر", 10), ("تشرين الأول", 10), ("نوفمبر", 11),
    ("تشرين الثاني", 11), ("ديسمبر", 12), ("كانون الأول", 12),
])
def test_dates_explicit_month_names(lex: DateLexicon, name: str, month: int) -> None:
    assert only(lex, f"وقع الهجوم في 5 {name} 2022 قرب القاعدة", SAT)[1] == D(2022, month, 5)


@pytest.mark.parametrize(("text", "published", "value"), [
    ("وقع الهجوم في 25 أكتوبر", SAT, D(2023, 10, 25)),  # 4 days ahead: same year
    ("وقع الهجوم في 30 أكتوبر", SAT, D(2022, 10, 30)),  # more than 7 days ahead: last year
    ("وقع الهجوم في 30 ديسمبر", D(2024, 1, 3), D(2023, 12, 30)),  # across new year
    ("وقع الهجوم في 28 كانون الأول", D(2024, 1, 3), D(2023, 12, 28)),
    ("وقع الهجوم في 2 يناير", D(2024, 1, 3), D(2024, 1, 2)),
    ("وقع الهجوم في 25 أكتوبر الماضي", SAT, D(2022, 10, 25)),  # "الماضي": not after publication
    ("تنتهي المهلة في 5 يناير المقبل", SAT, D(2024, 1, 5)),  # "المقبل": not before publication
    ("وقع الهجوم في 17 مايو من العام الماضي", SAT, D(2022, 5, 17)),
    ("وقع الهجوم في 24 من الشهر الماضي", D(2024, 1, 3), D(2023, 12, 24)),
])
def test_dates_explicit_year_inference(lex: DateLexicon, text: str, published: dt.date, value: dt.date) -> None:
    assert only(lex, text, published)[1:] == (value, "day", "explicit")


def test_dates_explicit_year_inference_looks_a_week_ahead_across_new_year(lex: DateLexicon) -> None:
    # the "up to 7 days after publication" allowance holds across the new year too
    assert only(lex, "تبدأ المناورات في 3 يناير", D(2023, 12, 30))[1] == D(2024, 1, 3)


@pytest.mark.parametrize("text", [
    "استهدفت السفارة في 2023-12-08 بعدة صواريخ",
    "استهدفت السفارة في 8/12/2023 بعدة صواريخ",
    "استهدفت السفارة بتاريخ 08-12-2023 بعدة صواريخ",
])
def test_dates_numeric_forms(lex: DateLexicon, text: str) -> None:
    assert only(lex, text, TUE)[1:] == (D(2023, 12, 8), "day", "explicit")


@pytest.mark.parametrize("text", [
    "وقع الهجوم في 31 شباط",
    "وقع الهجوم في 30 فبراير 2023",
    "وقع الهجوم في 31 نيسان الماضي",
    "وقع الهجوم في 2023-02-30",
    "وقع الهجوم في 31/4/2023",
])
def test_dates_invalid_dates_give_no_mention(lex: DateLexicon, text: str) -> None:
    assert found(lex, text, SAT) == []


def test_dates_invalid_date_keeps_its_weekday(lex: DateLexicon) -> None:
    assert found(lex, "وقع الهجوم الأحد 31 شباط", SAT) == [("الاحد", D(2023, 10, 15), "day", "weekday")]


# ---------------------------------------------------------------------------------------------- coarse


@pytest.mark.parametrize(("text", "precision"), [
    ("تعرضت القواعد الأميركية لهجمات عدة الأسبوع الماضي", "week"),
    ("تعرضت القواعد الأميركية لهجمات عدة الأسبوع الفائت", "week"),
    ("دخلت 130 شاحنة خلال الشهر الماضي", "month"),
    ("ولفت المرصد إلى أنه خلال الشهر هبطت 7 طائرات شحن", "month"),
    ("وفي وقت سابق من الشهر، هبطت طائرة شحن في قاعدة خراب الجير", "month"),
    ("توقفت الهجمات مطلع نيسان", "month"),
    ("توقفت الهجمات أوائل أكتوبر 2023", "month"),
    ("توقفت الهجمات منتصف شباط", "month"),
    ("توقفت الهجمات أواخر أيلول", "month"),
    ("استهدفت قاعدة التنف في نهاية كانون الثاني", "month"),
    ("توقفت الهجمات مطلع شهر شباط الماضي", "month"),
    ("استهدفت قاعدة التنف في نهاية شهر كانون الثاني/يناير 2024", "month"),
    ("تصاعدت الهجمات في شهر نيسان/أبريل", "month"),
    ("بدأت الهجمات في تشرين الأول 2023", "month"),
    ("تراجعت الهجمات في أكتوبر الماضي", "month"),
    ("انتهت المهمة القتالية نهاية عام 2021", "year"),
    ("تضاعف عدد الجنود العام الماضي", "year"),
])
def test_dates_coarse_periods_have_no_day(lex: DateLexicon, text: str, precision: str) -> None:
    assert only(lex, text, SAT)[1:] == (None, precision, "coarse")


@pytest.mark.parametrize("text", [
    "قال الأب إن ابنه أصيب في القصف",  # آب (August) normalises like أب (father)
    "مارس الجيش ضغوطا على الفصائل",  # مارس the verb
    "يمثل الشهر محطة مهمة",  # a bare period word
])
def test_dates_month_or_period_word_alone_is_not_a_date(lex: DateLexicon, text: str) -> None:
    assert found(lex, text, SAT) == []


# ------------------------------------------------------------------------------------- no publication


@pytest.mark.parametrize(("text", "expected"), [
    ("استهدف هجوم القاعدة أمس", (None, "day", "unresolved")),
    ("استهدف هجوم القاعدة الخميس الماضي", (None, "day", "unresolved")),
    ("استهدف هجوم القاعدة ليلة الأحد الاثنين", (None, "day", "unresolved")),
    ("استهدف هجوم القاعدة قبل يومين", (None, "day", "unresolved")),
    ("استهدف هجوم القاعدة في 17 أكتوبر", (None, "day", "unresolved")),
    ("استهدف هجوم القاعدة في 17 أكتوبر 2023", (D(2023, 10, 17), "day", "explicit")),
    ("استهدف هجوم القاعدة في 8/12/2023", (D(2023, 12, 8), "day", "explicit")),
    ("استهدف هجوم القاعدة الشهر الماضي", (None, "month", "coarse")),
])
def test_dates_without_publication_date(lex: DateLexicon, text: str, expected: tuple[Any, ...]) -> None:
    assert only(lex, text, None)[1:] == expected


def test_dates_unanchored_impossible_date_gives_no_mention(lex: DateLexicon) -> None:
    assert found(lex, "وقع الهجوم في 31 شباط", None) == []


# ------------------------------------------------------------------------------------ words and clitics


@pytest.mark.parametrize(("text", "surface", "value"), [
    ("وأمس استهدفت طائرة مسيرة القاعدة", "أمس", D(2023, 10, 20)),
    ("والاثنين أعلنت الفصائل مسؤوليتها", "الاثنين", D(2023, 10, 16)),
    ("بدأت الهجمات بـ17 أكتوبر", "17 أكتوبر", D(2023, 10, 17)),
    ("وفي المقابل، ويوم الجمعة، وصلت تعزيزات", "يوم الجمعة", D(2023, 10, 20)),
    ("فاليوم تتعرض القاعدة لهجوم جديد", "اليوم", SAT),
    ("حتى ليلة الأحد الاثنين", "ليلة الأحد الاثنين", D(2023, 10, 15)),
])
def test_dates_clitics_are_outside_the_span(lex: DateLexicon, text: str, surface: str, value: dt.date) -> None:
    assert only(lex, text, SAT)[:2] == (normalize_key(surface), value)


@pytest.mark.parametrize("text", [
    "تتابع الأحداث الأخيرة في دير الزور",  # الأحد inside الأحداث
    "وهذا هو الهجوم الخامس على القاعدة",  # امس inside خامس
    "لامس سعر النفط أعلى مستوى",  # ل + امس is a verb
    "تصدر نشرة اليومية عن الوضع",
    "أقيمت الأمسية في بغداد",
    "اشترى الجمعيات السبتية",
])
def test_dates_no_match_inside_other_words(lex: DateLexicon, text: str) -> None:
    assert found(lex, text, SAT) == []


def test_dates_longest_expression_wins(lex: DateLexicon) -> None:
    text = "سقطت قذائف أول من أمس، ثم قصفت القاعدة أمس الجمعة، وفي 17 تشرين الأول/أكتوبر 2023 بدأ التصعيد"
    assert found(lex, text, SAT) == [
        (normalize_key("أول من أمس"), D(2023, 10, 19), "day", "relative"),
        (normalize_key("أمس الجمعة"), D(2023, 10, 20), "day", "relative"),
        (normalize_key("17 تشرين الأول/أكتوبر 2023"), D(2023, 10, 17), "day", "explicit"),
    ]


def test_dates_expression_does_not_cross_a_line(lex: DateLexicon) -> None:
    assert [m[0] for m in found(lex, "قصفت القاعدة أمس\nالاثنين المقبل", TUE)] == ["امس", "الاثنين المقبل"]


def test_dates_accepts_a_datetime_as_published(lex: DateLexicon) -> None:
    assert only(lex, "وقع الهجوم أمس", dt.datetime(2023, 10, 21, 23, 30))[1] == D(2023, 10, 20)


# ------------------------------------------------------------------------------------- spec's examples


def test_dates_seed_style_paragraph(lex: DateLexicon) -> None:
    text = ("قال مصدر أمني لوكالة فرانس برس الجمعة إن ثلاث قذائف سقطت قرب مطار بغداد ليل الخميس. "
            "واستهدفت قاعدة أخرى في 17 أكتوبر/تشرين الأول، بينما هبطت 7 طائرات شحن خلال الشهر الماضي.")
    assert [(s, v, st) for s, v, _, st in found(lex, text, SAT)] == [
        ("الجمعه", D(2023, 10, 20), "weekday"),
        ("ليل الخميس", D(2023, 10, 19), "night"),
        (normalize_key("17 أكتوبر/تشرين الأول"), D(2023, 10, 17), "explicit"),
        (normalize_key("خلال الشهر الماضي"), None, "coarse"),
    ]


def test_dates_spec_today_and_yesterday_with_weekday(lex: DateLexicon) -> None:
    text = "استهدفت قاعدة حقل العمر اليوم الأحد بعدد من القذائف. وأمس السبت، تعرض حقل كونيكو لهجوم بالهاون."
    assert [m[1] for m in found(lex, text, D(2021, 7, 4))] == [D(2021, 7, 4), D(2021, 7, 3)]


# ------------------------------------------------------------------------------------------ invariants

VOCAB = ["أمس", "اليوم", "الاثنين", "ليلة", "ليل", "الأحد", "17", "31", "أكتوبر", "/", "تشرين الأول",
         "من", "العام", "2023", "الماضي", "المقبل", "قبل", "يومين", "ثلاثة", "أيام", "-", "(", ")", "و",
         "بـ", "مطلع", "شهر", "2023-02-30", "8/12/2023", "\n", " ", "،", "السابع عشر", "غدا", "الجاري",
         "يوم", "فجر", "الشهر", "عام", "نفسه", "بين", "لامس", "الأحداث"]
TEXTS = st.one_of(
    st.text(),
    st.lists(st.sampled_from(VOCAB), max_size=30).map(" ".join),
    st.lists(st.sampled_from(VOCAB), max_size=30).map("".join),
)


@settings(max_examples=400, deadline=None)
@given(text=TEXTS, published=st.one_of(st.none(), st.dates()))
def test_dates_spans_are_sorted_in_bounds_and_disjoint(
    lex: DateLexicon, text: str, published: dt.date | None
) -> None:
    norm = normalize(text).text
    mentions = find_dates(norm, published, lex)
    previous_end = 0
    for m in mentions:
        assert previous_end <= m.start < m.end <= len(norm)
        previous_end = m.end
        assert m.value is None or isinstance(m.value, dt.date)
        assert m.precision in ("day", "week", "month", "year")
        assert (m.value is None) == (m.strategy in ("coarse", "vague", "unresolved"))


_PREFILTER_TEXTS = [
    "قال مصدر أمني إن صاروخين سقطا فجر الاثنين قرب القاعدة، وأكد أن هجوما آخر وقع مساء أمس الأحد.",
    "وفي 17 أكتوبر/تشرين الأول 2023 أعلنت الفصائل مسؤوليتها، وكررت ذلك في ال24 من الشهر نفسه.",
    "استهدفت طائرة مسيرة الموقع ليلة الأحد الاثنين، بعد ثلاثة أيام من هجوم مماثل وقع منذ يومين.",
    "شهدت المنطقة خلال الشهر الماضي تصعيدا، وفي مطلع شباط 2024 تراجع عدد الهجمات إلى 3 فقط.",
    "وأمس أكدت الوزارة أن الهجوم وقع في 8/12/2023 وأن يوم الخميس المقبل سيشهد اجتماعا.",
    "لا تاريخ هنا على الإطلاق بل كلمات عادية عن السياسة والاقتصاد_2023 وأرقام مثل ٣٫٥ بالمئة.",
]


@pytest.mark.parametrize("text", _PREFILTER_TEXTS)
@pytest.mark.parametrize("published", [SAT, None])
def test_token_prefilter_finds_what_the_full_scan_finds(lex: DateLexicon, text: str,
                                                        published: dt.date | None) -> None:
    from marsad.tokens import tokenize

    norm = normalize(text).text
    full = find_dates(norm, published, lex)
    assert find_dates(norm, published, lex, tokenize(norm)) == full
    if "تاريخ" not in text:
        assert full  # every other sentence has dates, so the comparison is not empty against empty


def test_first_tokens_hold_the_openers_with_their_clitics(lex: DateLexicon) -> None:
    assert {"الاثنين", "والاثنين", "امس", "وامس", "منذ", "ال"} <= lex.first_tokens
    assert "الهجوم" not in lex.first_tokens


# --- detection: vague spans back ---

def test_dates_vague_span_back_is_a_week_with_no_day():
    lex = load_date_lexicon()
    for phrase in ("قبل أيام", "منذ أسابيع", "بعد أيام من الهجوم", "قبل نحو أسبوعين"):
        (d,) = find_dates(normalize_key(phrase), D(2024, 1, 22), lex)
        assert (d.value, d.precision, d.strategy) == (None, "week", "vague"), phrase


def test_dates_a_few_hours_later_is_no_vague_span():
    assert find_dates(normalize_key("بعد ساعات قليلة"), D(2024, 1, 22), load_date_lexicon()) == []
