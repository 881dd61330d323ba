"""Date expressions in normalised Arabic news text, resolved against the publication date.

A small grammar of our own: ``dateparser`` was measured too slow for the pipeline and misses most
news phrasing ("أمس الاثنين", "ليلة الأحد الاثنين", "17 أكتوبر/تشرين الأول").  The vocabulary lives in
``data/dates.yaml``; :func:`load_date_lexicon` normalises and validates it and compiles ONE regular
expression from it (word lists become character tries, so the longest entry is tried first).
:func:`find_dates` scans the text once with it and resolves each match by the first strategy that
applies, recording which one in :attr:`DateMention.strategy`:

``explicit``      day + month [+ year] ("17 أكتوبر 2023", "السابع عشر من تشرين الأول", "8/12/2023")
``relative``      اليوم / أمس / أول من أمس / غدا / قبل ثلاثة أيام, with or without a part of the day
``weekday``       the latest such weekday on or before publication ("الاثنين", "فجر السبت")
``weekday_past``  "<weekday> الماضي": the latest one strictly before publication
``weekday_next``  "<weekday> المقبل": the first one strictly after publication
``night``         "ليلة الأحد" / "عشية الأحد" (its eve, Saturday), "ليلة الأحد الاثنين" (Sunday),
                  "ليل الخميس" (Thursday)
``coarse``        a week, month or year, not a day: value None ("الشهر الماضي", "مطلع شباط 2024")
``vague``         some days or weeks back, not a day: value None, precision week ("قبل أيام", "بعد أيام من")
``unresolved``    a day expression that needs the publication date when there is none: value None

Offsets are into the normalised text; a clitic glued to the expression ("وأمس") is not part of it.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal, cast

import yaml

from marsad.errors import DataFileError
from marsad.model import DateMention, Token
from marsad.normalize import normalize_key
from marsad.tokens import as_tokens, tokenize_key

DEFAULT_PATH = Path(__file__).parent / "data" / "dates.yaml"

_LIST_KEYS = ("clitics", "false_friends", "relative_blocked_by_next", "relative_blocked_by_previous",
              "weekday_blocked_by_previous", "day_word", "parts_of_day", "night_joiners", "this",
              "date_linkers", "day_prefixes", "weekday_date_linkers", "month_word", "year_words", "year_suffixes",
              "period_prefixes")
_MAP_KEYS = ("months", "weekdays", "relative_days", "ordinal_days")
_KIND_KEYS: dict[str, tuple[str, ...]] = {
    "nights": ("eve", "same_day"),
    "markers": ("past", "current", "future"),
    "period_words": ("week", "month", "year"),
}
_AGO_KEYS = ("words", "units", "numbers", "spans", "blocked_by_next", "vague_words", "vague")
_MARKER_SIGN = {"past": -1, "current": 0, "future": 1}

Precision = Literal["day", "week", "month", "year"]
_Resolved = tuple[dt.date | None, Precision, str] | None  # (value, precision, strategy); None: no mention


@dataclass(slots=True, frozen=True)
class DateLexicon:
    """The validated, normalised date vocabulary and the grammar compiled from it."""

    path: str
    months: Mapping[str, int]          # normalised name -> 1..12
    weekdays: Mapping[str, int]        # normalised name -> date.weekday()
    relative_days: Mapping[str, int]   # normalised word -> offset in days
    ordinal_days: Mapping[str, int]    # "السابع عشر" -> 17
    ago_numbers: Mapping[str, int]     # "ثلاثه" -> 3, and "يومين" -> 2
    nights: Mapping[str, str]          # "ليله" -> "eve", "ليل" -> "same_day"
    markers: Mapping[str, int]         # "الماضي" -> -1, "الجاري" -> 0, "المقبل" -> 1
    period_words: Mapping[str, str]    # "الشهر" -> "month"
    pattern: re.Pattern[str]
    #: the tokens an expression can start with (an opener word or "ال", bare or after a clitic), used by
    #: :func:`find_dates` to try the grammar only there; empty: scan the whole text
    first_tokens: frozenset[str] = frozenset()


# --- loading and validation --------------------------------------------------------------------------


class _Reader:
    """Turns the raw YAML into normalised word tables; every error names the file and the key."""

    def __init__(self, path: str) -> None:
        self.path = path

    def fail(self, key: str, reason: str) -> DataFileError:
        return DataFileError(self.path, key, reason)

    def table(self, data: Any, key: str, allowed: Iterable[str]) -> dict[str, Any]:
        if not isinstance(data, dict):
            raise self.fail(key, f"expected a mapping, got {type(data).__name__}")
        allowed = tuple(allowed)
        for k in data:
            if k not in allowed:
                raise self.fail(f"{key}.{k}" if key else str(k), "unknown key")
        for k in allowed:
            if k not in data:
                raise self.fail(f"{key}.{k}" if key else k, "missing")
        return data

    def words(self, value: Any, key: str) -> tuple[str, ...]:
        if not isinstance(value, list) or not value:
            raise self.fail(key, "expected a non-empty list of words")
        out: list[str] = []
        for item in value:
            if not isinstance(item, str) or not normalize_key(item):
                raise self.fail(key, f"not a word: {item!r}")
            word = normalize_key(item)
            if word not in out:
                out.append(word)
        return tuple(out)

    def mapping(self, value: Any, key: str, valid: Callable[[int], bool], what: str) -> dict[str, int]:
        if not isinstance(value, dict) or not value:
            raise self.fail(key, "expected a non-empty mapping of numbers to word lists")
        out: dict[str, int] = {}
        for number, words in value.items():
            sub = f"{key}.{number}"
            if type(number) is not int or not valid(number):
                raise self.fail(sub, f"{what} expected, got {number!r}")
            for word in self.words(words, sub):
                if out.setdefault(word, number) != number:
                    raise self.fail(sub, f"{word!r} already maps to {out[word]}")
        return out

    def kinds(self, value: Any, key: str, kinds: tuple[str, ...]) -> dict[str, str]:
        out: dict[str, str] = {}
        for kind, words in self.table(value, key, kinds).items():
            for word in self.words(words, f"{key}.{kind}"):
                if out.setdefault(word, kind) != kind:
                    raise self.fail(f"{key}.{kind}", f"{word!r} is already in {key}.{out[word]}")
        return out


def load_date_lexicon(path: str | Path | None = None) -> DateLexicon:
    """Load, normalise and validate ``dates.yaml`` (the shipped one by default); compile the grammar."""
    file = Path(path) if path is not None else DEFAULT_PATH
    reader = _Reader(str(file))
    try:
        raw = yaml.safe_load(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise reader.fail("(file)", f"cannot read: {exc}") from exc
    top = reader.table(raw, "", (*_LIST_KEYS, *_MAP_KEYS, *_KIND_KEYS, "days_ago"))
    lists = {k: reader.words(top[k], k) for k in _LIST_KEYS}
    months = reader.mapping(top["months"], "months", lambda n: 1 <= n <= 12, "month number 1-12")
    weekdays = reader.mapping(top["weekdays"], "weekdays", lambda n: 0 <= n <= 6, "weekday index 0-6")
    relative = reader.mapping(top["relative_days"], "relative_days", lambda n: -31 <= n <= 31,
                              "day offset -31..31")
    ordinals = reader.mapping(top["ordinal_days"], "ordinal_days", lambda n: 1 <= n <= 31, "day 1-31")
    kinds = {k: reader.kinds(top[k], k, names) for k, names in _KIND_KEYS.items()}
    ago = reader.table(top["days_ago"], "days_ago", _AGO_KEYS)
    ago_lists = {k: reader.words(ago[k], f"days_ago.{k}")
                 for k in ("words", "units", "blocked_by_next", "vague_words", "vague")}
    numbers = reader.mapping(ago["numbers"], "days_ago.numbers", lambda n: 1 <= n <= 99, "count 1-99")
    spans = reader.mapping(ago["spans"], "days_ago.spans", lambda n: 1 <= n <= 99, "count 1-99")
    for word in spans.keys() & numbers.keys():
        raise reader.fail("days_ago.spans", f"{word!r} is also in days_ago.numbers")
    pattern = _compile(lists, months, weekdays, relative, ordinals, kinds, ago_lists, numbers, spans)
    firsts = {w.split(" ")[0] for w in (*_openers(lists, weekdays, ordinals, relative, months, kinds, ago_lists),
                                        *lists["day_prefixes"])}
    # every opener must be one whole token for the token prefilter; otherwise scan everything
    first_tokens = frozenset(c + w for c in ("", *lists["clitics"]) for w in firsts
                             if all(tokenize_key(x) == x for x in (*firsts, *lists["clitics"])))
    frozen = MappingProxyType
    return DateLexicon(
        path=str(file), months=frozen(months), weekdays=frozen(weekdays), relative_days=frozen(relative),
        ordinal_days=frozen(ordinals), ago_numbers=frozen({**numbers, **spans}),
        nights=frozen(kinds["nights"]),
        markers=frozen({w: _MARKER_SIGN[k] for w, k in kinds["markers"].items()}),
        period_words=frozen(kinds["period_words"]), pattern=pattern, first_tokens=first_tokens,
    )


# --- the grammar -------------------------------------------------------------------------------------

_SP = r"[^\S\n]+"   # spaces inside one expression (never across a line)
_OSP = r"[^\S\n]*"
_YEAR = r"(?:1[89]|20)\d\d(?!\d)"
_DAY_DIGITS = r"(?:3[01]|[12]\d|0?[1-9])(?!\d)"


def _alt(words: Iterable[str]) -> str:
    """A regex for any of ``words``: a character trie, so a longer entry is tried before its prefix."""
    trie: dict[str, dict] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}
    return "(?:" + _trie(trie) + ")"


def _trie(node: dict[str, dict]) -> str:
    alts = [(_SP if ch == " " else re.escape(ch)) + _trie(child) for ch, child in node.items() if ch]
    if not alts:
        return ""
    body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
    return f"(?:{body})?" if "" in node else body


def _not_after(words: Iterable[str]) -> str:
    return "".join(f"(?<!{re.escape(w)} )" for w in words)


def _openers(lists: Mapping[str, tuple[str, ...]], weekdays: Mapping[str, int], ordinals: Mapping[str, int],
             relative: Mapping[str, int], months: Mapping[str, int], kinds: Mapping[str, Mapping[str, str]],
             ago: Mapping[str, tuple[str, ...]]) -> Iterator[str]:
    """Every word or phrase that can open an expression of the grammar (after an optional clitic)."""
    for table in (lists["parts_of_day"], lists["day_word"], lists["period_prefixes"], lists["month_word"],
                  lists["this"], lists["year_words"], ago["words"], ago["vague_words"], weekdays, ordinals, relative, months,
                  kinds["nights"], kinds["period_words"]):
        yield from table


def _compile(lists: Mapping[str, tuple[str, ...]], months: Mapping[str, int], weekdays: Mapping[str, int],
             relative: Mapping[str, int], ordinals: Mapping[str, int], kinds: Mapping[str, Mapping[str, str]],
             ago: Mapping[str, tuple[str, ...]], numbers: Mapping[str, int],
             spans: Mapping[str, int]) -> re.Pattern[str]:
    def by_kind(table: str, *wanted: str) -> str:
        return _alt(w for w, k in kinds[table].items() if k in wanted)

    sp, osp = _SP, _OSP
    clitic, day_prefix = _alt(lists["clitics"]), _alt(lists["day_prefixes"])
    mon, wd, mark = _alt(months), _alt(weekdays), by_kind("markers", "past", "current", "future")
    part, night = _alt(lists["parts_of_day"]), _alt(kinds["nights"])
    day_word, link, this = _alt(lists["day_word"]), _alt(lists["date_linkers"]), _alt(lists["this"])
    pw_month, pw_year = by_kind("period_words", "month"), by_kind("period_words", "year")
    prefix, year_word = _alt(lists["period_prefixes"]), _alt(lists["year_words"])
    year = f"{_YEAR}{_alt(lists['year_suffixes'])}?"
    # "أكتوبر/تشرين الأول", "أكتوبر (تشرين الأول)", "فبراير شباط": the first name counts
    second_month = f"(?:{osp}/{osp}{mon}|{osp}\\({osp}{mon}{osp}\\)|{sp}{mon})?"
    months_ = f"{mon}{second_month}"

    def tail(g: str) -> str:
        """Year or marker after a month: "2023", "من العام 2023", "من العام الماضي", "الماضي"."""
        return (f"(?:(?:{sp}(?:{link}{sp})?(?:{year_word}{sp})?|{osp}[،,]{osp})(?P<{g}_y>{year})"
                f"|{sp}(?:{link}{sp})?(?:(?P<{g}_ythis>{this}){sp}{pw_year}|{pw_year}{sp}(?P<{g}_ymark>{mark}))"
                f"|{sp}(?P<{g}_mark>{mark}))")

    sep = r"(?P<sep>[-/.])"
    numeric = (rf"(?<![/.\-])(?:(?P<iso_y>{_YEAR}){sep}(?P<iso_m>\d\d?)(?P=sep)(?P<iso_d>\d\d?)"
               rf"|(?P<dmy_d>\d\d?)(?P<sep2>[-/.])(?P<dmy_m>\d\d?)(?P=sep2)(?P<dmy_y>{_YEAR}))(?![/\-]\d)")
    explicit = (f"(?:(?:{part}{sp})?(?:{day_word}{sp})?(?P<e_wd>{wd})(?:{osp}[،,])?{sp}"
                f"(?:{_alt(lists['weekday_date_linkers'])}{sp})?)?(?:{day_word}{sp})?"
                f"(?:{day_prefix}{osp})?(?:(?P<e_dd>{_DAY_DIGITS})|(?P<e_ord>{_alt(ordinals)})){sp}(?:{link}{sp})?"
                f"(?:(?:{_alt(lists['month_word'])}{sp})?(?P<e_mon>(?P<e_m1>{mon}){second_month})(?:{tail('e')})?"
                f"|(?:(?P<e_this>{this}){sp}{pw_month}|{pw_month}{sp}(?P<e_pmark>{mark})))")
    nights = (f"(?P<n_word>{night}){sp}(?:{day_word}{sp})?(?P<n_wd1>{wd})"
              f"(?:(?:{osp}[-/]{osp}|{sp}(?:{_alt(lists['night_joiners'])}{sp})?){clitic}?(?P<n_wd2>{wd}))?"
              f"(?:{sp}(?P<n_mark>{mark}))?")
    rel = (f"{_not_after(lists['relative_blocked_by_previous'])}(?:(?:{part}|{night}){sp})?"
           f"(?:{day_word}{sp})?(?P<r_word>{_alt(relative)})"
           f"(?!{sp}{_alt(lists['relative_blocked_by_next'])}(?!\\w))"
           f"(?:{sp}(?:{day_word}{sp})?(?P<r_wd>{wd})|{osp}\\({osp}(?:{day_word}{sp})?(?P<r_wd2>{wd}){osp}\\))?")
    days_ago = (f"{_alt(ago['words'])}{sp}(?:(?P<a_n>\\d{{1,2}}(?!\\d)|{_alt(numbers)}){sp}{_alt(ago['units'])}"
                f"|(?P<a_span>{_alt(spans)}))(?!{sp}{_alt(ago['blocked_by_next'])}(?!\\w))")
    vague = f"{_alt(ago['vague_words'])}{sp}{_alt(ago['vague'])}"
    coarse_month = (f"(?:{prefix}{sp}(?:{_alt(lists['month_word'])}{sp})?|{_alt(lists['month_word'])}{sp})"
                    f"{months_}(?:{tail('m')})?|{months_}{tail('m2')}")
    coarse_period = (f"(?P<p_pre>{prefix}{sp})?(?P<p_this>{this}{sp})?(?P<p_word>{_alt(kinds['period_words'])})"
                     f"(?:{sp}(?P<p_mark>{mark}))?")
    coarse_year = f"(?:{prefix}{sp})?(?:{link}{sp})?{year_word}{sp}{year}"
    weekday = (f"{_not_after(lists['weekday_blocked_by_previous'])}(?:{part}{sp})?(?:{day_word}{sp})?"
               f"(?P<w_wd>{wd})(?:{sp}(?P<w_mark>{mark}))?")
    alternatives = [("numeric", numeric), ("explicit", explicit), ("night", nights), ("relative", rel),
                    ("ago", days_ago), ("vague", vague), ("month", coarse_month), ("year", coarse_year),
                    ("period", coarse_period), ("weekday", weekday)]
    body = "|".join(f"(?P<{name}>{rx})" for name, rx in alternatives)
    # A cheap guard before the alternatives: the first word must be one that can open an expression.
    # It changes nothing that matches, but most words of a text fail it after a character or two.
    openers = {w.split(" ")[0] for w in _openers(lists, weekdays, ordinals, relative, months, kinds, ago)}
    guard = f"(?={_alt(openers)}(?!\\w)|(?:{day_prefix}{osp})?\\d)"
    false_friends = f"(?!{_alt(lists['false_friends'])}(?!\\w))"
    return re.compile(f"(?<!\\w){false_friends}{clitic}?{guard}(?:{body})(?!\\w)")


# --- resolution --------------------------------------------------------------------------------------


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _shift(day: dt.date | None, days: int) -> dt.date | None:
    if day is None:
        return None
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return None


def _weekday(p: dt.date, weekday: int, sign: int) -> dt.date | None:
    """The latest ``weekday`` on or before ``p`` (sign 0), strictly before (-1), or the next after (+1)."""
    if sign > 0:
        return _shift(p, (weekday - p.weekday()) % 7 or 7)
    back = (p.weekday() - weekday) % 7
    return _shift(p, -(back or (7 if sign < 0 else 0)))


def _infer_year(day: int, month: int, p: dt.date, sign: int | None) -> dt.date | None:
    """A day and month without a year: the occurrence that fits the publication date ``p``.

    No marker: the latest occurrence no more than 7 days after ``p``.  "الماضي": the latest on or
    before ``p``; "المقبل": the first on or after ``p``; "الجاري": the year of ``p``.
    """
    if sign == 0:
        return _date(p.year, month, day)
    years = (p.year + 1, p.year) if sign == 1 else (p.year + 1, p.year, p.year - 1)
    candidates = [d for y in years if 1 <= y <= 9999 and (d := _date(y, month, day)) is not None]
    if sign == 1:
        after = [d for d in candidates if d >= p]
        return min(after) if after else None
    limit = p if sign == -1 else _shift(p, 7) or p
    before = [d for d in candidates if d <= limit]
    return max(before) if before else None


def _key(m: re.Match[str], group: str) -> str:
    return " ".join(m.group(group).split())


class _Resolver:
    """Resolves one regex match; each method returns (value, precision, strategy) or None (no mention)."""

    def __init__(self, lex: DateLexicon, published: dt.date | None) -> None:
        self.lex, self.p = lex, published

    @staticmethod
    def day(value: dt.date | None, strategy: str) -> _Resolved:
        """A day-level result; without a value (no publication date, or out of range) it is unresolved."""
        return (value, "day", strategy) if value is not None else (None, "day", "unresolved")

    def sign(self, m: re.Match[str], group: str) -> int | None:
        return self.lex.markers[_key(m, group)] if m.group(group) else None

    def numeric(self, m: re.Match[str]) -> _Resolved:
        if m.group("iso_y"):
            value = _date(int(m.group("iso_y")), int(m.group("iso_m")), int(m.group("iso_d")))
        else:
            value = _date(int(m.group("dmy_y")), int(m.group("dmy_m")), int(m.group("dmy_d")))
        return None if value is None else (value, "day", "explicit")

    def explicit(self, m: re.Match[str]) -> _Resolved:
        lex, p = self.lex, self.p
        day = int(m.group("e_dd")) if m.group("e_dd") else lex.ordinal_days[_key(m, "e_ord")]
        if m.group("e_mon") is None:  # "17 من الشهر الماضي"
            if p is None:
                return _valid_unresolved(day, 1)
            offset = 0 if m.group("e_this") else self.sign(m, "e_pmark") or 0
            month_index = p.year * 12 + p.month - 1 + offset
            value = _date(month_index // 12, month_index % 12 + 1, day) if month_index >= 12 else None
            return None if value is None else (value, "day", "explicit")
        month = lex.months[_key(m, "e_m1")]
        if m.group("e_y"):
            value = _date(int(m.group("e_y")[:4]), month, day)
            return None if value is None else (value, "day", "explicit")
        if p is None:
            return _valid_unresolved(day, month)
        if m.group("e_ythis") or m.group("e_ymark"):
            year = p.year + (0 if m.group("e_ythis") else self.sign(m, "e_ymark") or 0)
            value = _date(year, month, day) if 1 <= year <= 9999 else None
        else:
            value = _infer_year(day, month, p, self.sign(m, "e_mark"))
        return None if value is None else (value, "day", "explicit")

    def night(self, m: re.Match[str]) -> _Resolved:
        if self.p is None:
            return self.day(None, "night")
        first = self.lex.weekdays[_key(m, "n_wd1")]
        sign = self.sign(m, "n_mark") or 0
        if m.group("n_wd2") is not None:
            # "ليلة الأحد الاثنين": the night from Sunday to Monday, anchored on the day it ends
            return self.day(_shift(_weekday(self.p, (first + 1) % 7, sign), -1), "night")
        if self.lex.nights[_key(m, "n_word")] == "same_day":
            return self.day(_weekday(self.p, first, sign), "night")  # "ليل الخميس": Thursday night
        return self.day(_shift(_weekday(self.p, first, sign), -1), "night")  # "ليلة الأحد": its eve

    def relative(self, m: re.Match[str]) -> _Resolved:
        if self.p is None:
            return self.day(None, "relative")
        return self.day(_shift(self.p, self.lex.relative_days[_key(m, "r_word")]), "relative")

    def ago(self, m: re.Match[str]) -> _Resolved:
        if m.group("a_span"):
            count = self.lex.ago_numbers[_key(m, "a_span")]
        elif m.group("a_n").isdigit():
            count = int(m.group("a_n"))
        else:
            count = self.lex.ago_numbers[_key(m, "a_n")]
        return self.day(None if self.p is None else _shift(self.p, -count), "relative")

    def vague(self, m: re.Match[str]) -> _Resolved:
        return None, "week", "vague"  # "قبل أيام", "بعد أيام من الهجوم": days or weeks back, no day

    def month(self, m: re.Match[str]) -> _Resolved:
        return None, "month", "coarse"

    def period(self, m: re.Match[str]) -> _Resolved:
        if not (m.group("p_pre") or m.group("p_this") or m.group("p_mark")):
            return None  # a bare "الشهر" is no date
        return None, cast(Precision, self.lex.period_words[_key(m, "p_word")]), "coarse"

    def year(self, m: re.Match[str]) -> _Resolved:
        return None, "year", "coarse"

    def weekday(self, m: re.Match[str]) -> _Resolved:
        sign = self.sign(m, "w_mark")
        if sign == 0:  # "الخميس الحالي" is rare and means the bare weekday
            sign = None
        strategy = {None: "weekday", -1: "weekday_past", 1: "weekday_next"}[sign]
        if self.p is None:
            return self.day(None, strategy)
        return self.day(_weekday(self.p, self.lex.weekdays[_key(m, "w_wd")], sign or 0), strategy)


def _valid_unresolved(day: int, month: int) -> _Resolved:
    """A day and month that cannot be anchored: a mention if some year has that date (31 شباط never)."""
    return None if _date(2000, month, day) is None else (None, "day", "unresolved")


def find_dates(norm_text: str, published: dt.date | None, lex: DateLexicon,
               tokens: Sequence[Token] | None = None) -> list[DateMention]:
    """Date expressions of ``norm_text`` (normalised), sorted and non-overlapping, resolved against ``published``.

    ``tokens`` (``tokenize(norm_text)``, if the caller has them) let the grammar be tried only where an
    expression can start: at a token in :attr:`DateLexicon.first_tokens`, or at the token holding a
    digit or the one before it.  Every match starts at such a token (after ``(?<!\\w)``, an optional
    clitic and an opener word or digits), so the matches are the same as scanning the whole text.
    """
    if isinstance(published, dt.datetime):
        published = published.date()
    resolver = _Resolver(lex, published)
    out: list[DateMention] = []
    for m in _matches(norm_text, lex, tokens):
        kind = m.lastgroup
        assert kind is not None
        resolved = getattr(resolver, kind)(m)
        if resolved is None and kind == "explicit" and m.group("e_wd"):
            # "الأحد 31 شباط": the date is impossible; keep the weekday alone
            inner = lex.pattern.match(norm_text, m.start(), m.end("e_wd"))
            if inner is not None and inner.lastgroup == "weekday":
                resolved, m, kind = resolver.weekday(inner), inner, "weekday"
        if resolved is not None:
            value, precision, strategy = resolved
            out.append(DateMention(m.start(kind), m.end(kind), value, precision, strategy))
    return out


_DIGITS = re.compile(r"\d+")


def _matches(text: str, lex: DateLexicon, tokens: Sequence[Token] | None) -> Iterator[re.Match[str]]:
    """``lex.pattern.finditer(text)``, tried only at the possible starts when the tokens are known."""
    if tokens is None or not lex.first_tokens:
        yield from lex.pattern.finditer(text)
        return
    toks = as_tokens(tokens)
    starts, first = toks.starts, lex.first_tokens
    where = {s for s, t in zip(starts, toks.texts, strict=True) if t in first}
    for d in _DIGITS.finditer(text):  # the token with the digits (glued "ال24" too) and the one before
        i = bisect_right(starts, d.start()) - 1
        where.update(starts[max(i - 1, 0):i + 1])
        if i < 0:
            where.add(d.start())
    match = lex.pattern.match
    pos = 0
    for s in sorted(where):
        if s < pos:
            continue
        m = match(text, s)
        if m is not None:
            yield m
            pos = max(m.end(), s + 1)
