"""Load and validate the language data files shipped in ``marsad/data`` (or a user's copy).

One loader, one validator: every problem names the file and the key.  The result is an immutable
:class:`Resources` object that the pipeline receives explicitly (no module-level cache).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

import ahocorasick
import yaml

from marsad.errors import DataFileError
from marsad.normalize import normalize_key
from marsad.tokens import tokenize_key
from marsad.words import FILE_NAME as RULE_WORDS_FILE
from marsad.words import RuleWords, parse_rule_words

GAZETTEER_CATEGORIES = ("site", "place", "actor", "country")
WEAPON_IDS = ("drone", "rocket", "mortar", "missile", "ied", "small_arms", "aircraft", "artillery")
TRIGGER_TYPES = ("attack", "strike", "reinforcement")
CUE_TYPES = ("claim", "claim_weak", "attribution", "no_claim", "intercept", "not_intercepted", "threat", "denial",
             "launch_from", "coalition_target", "state_striker", "collective", "civilian", "confirm",
             "toll_negator", "other_striker", "history", "departure",
             "striking_verb", "habitual", "not_attack",
             "needs_weapon", "reaction", "told_before",
             "debunk", "no_attack_words",
             "headline_only", "heading", "direction", "next_day",
             "analysis", "strike_verb", "another", "past_aux", "perfect_particle", "background", "relative",
             "separate", "target_list", "ship", "since", "similar", "toll_update",
             "stationed", "another_convoy", "more_sites", "denied_truth", "convoy_destination", "aside",
             "followed", "unknown_aircraft", "governorate_back", "flying",
             "capital")
CASUALTY_TYPES = ("killed_noun", "injured_noun", "none", "people", "people_one", "people_two")
TALLY_TYPES = ("attacks", "troops", "injured", "killed", "trucks", "flights", "period")
FORM_ATTRS = {"form", "count", "suffix"}


@dataclass(slots=True, frozen=True)
class GazetteerEntry:
    id: str
    category: str  # site | place | actor
    name_en: str
    name_ar: str
    kind: str
    country: str | None
    admin1: str | None
    lat: float | None
    lon: float | None
    role_hint: str | None
    aliases: tuple[str, ...]


@dataclass(slots=True, frozen=True)
class Pattern:
    """One normalised key of the automaton and what it means."""

    key: str
    category: str
    entry_id: str
    count: int | None = None
    suffix: bool = False
    article_prefix: bool = False  # the key is a لل-variant ("لتنف" for "التنف"): needs a ل prefix


@dataclass(slots=True)
class Resources:
    """Everything the pipeline reads from data files, validated."""

    entries: dict[str, GazetteerEntry]
    prefixes: frozenset[str]
    suffixes: frozenset[str]
    numbers: dict[str, int]
    vague_numbers: frozenset[str]
    approx_numbers: frozenset[str]
    ambiguous: dict[str, tuple[str, dict[str, tuple[str, ...]]]]
    metonyms: frozenset[str]
    locative_words: frozenset[str]
    words: RuleWords  # the rule words of data/rule_words.yaml
    automaton: Any = field(repr=False)
    data_dir: str = ""
    common_word_names: frozenset[str] = frozenset()  # place ids whose name is also a common word
    locality_words: frozenset[str] = frozenset()  # words that mark the next word as a place name

    def entry(self, entry_id: str) -> GazetteerEntry | None:
        return self.entries.get(entry_id)


def default_data_dir() -> Path:
    return Path(str(importlib_resources.files("marsad") / "data"))


# --- reading -------------------------------------------------------------------------------------------

def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        with path.open(encoding="utf-8") as fh:
            data = yaml.safe_load(fh)
    except FileNotFoundError as exc:
        raise DataFileError(str(path), "-", "file not found") from exc
    except yaml.YAMLError as exc:
        raise DataFileError(str(path), "-", f"invalid YAML: {exc}".splitlines()[0]) from exc
    if not isinstance(data, dict):
        raise DataFileError(str(path), "-", "top level must be a mapping")
    return data


def _float(value: str, path: Path, key: str) -> float | None:
    if value in ("", None):
        return None
    try:
        return float(value)
    except ValueError as exc:
        raise DataFileError(str(path), key, f"not a number: {value!r}") from exc


def _read_csv(path: Path, category: str) -> Iterator[GazetteerEntry]:
    try:
        fh = path.open(encoding="utf-8", newline="")
    except FileNotFoundError as exc:
        raise DataFileError(str(path), "-", "file not found") from exc
    with fh:
        for n, row in enumerate(csv.DictReader(fh), start=2):
            ident = (row.get("id") or "").strip()
            if not ident:
                raise DataFileError(str(path), f"line {n}", "empty id")
            if not row.get("name_ar"):
                raise DataFileError(str(path), ident, "empty name_ar")
            aliases = tuple(a.strip() for a in (row.get("aliases_ar") or "").split("|") if a.strip())
            yield GazetteerEntry(
                id=ident, category=category, name_en=row.get("name_en") or ident, name_ar=row["name_ar"],
                kind=row.get("kind") or "", country=row.get("country") or None, admin1=row.get("admin1") or None,
                lat=_float(row.get("lat") or "", path, f"{ident}.lat"),
                lon=_float(row.get("lon") or "", path, f"{ident}.lon"),
                role_hint=row.get("role_hint") or None, aliases=(row["name_ar"], *aliases),
            )


def _forms(items: Any, path: Path, key: str) -> Iterator[tuple[str, int | None, bool]]:
    if not isinstance(items, list) or not items:
        raise DataFileError(str(path), key, "must be a non-empty list")
    for item in items:
        if isinstance(item, str):
            yield item, None, False
        elif isinstance(item, dict):
            unknown = set(item) - FORM_ATTRS
            if unknown or "form" not in item:
                raise DataFileError(str(path), key, f"bad form entry {item!r}")
            count = item.get("count")
            if count is not None and (not isinstance(count, int) or count < 1):
                raise DataFileError(str(path), key, f"count must be a positive integer in {item!r}")
            yield str(item["form"]), count, bool(item.get("suffix", False))
        else:
            raise DataFileError(str(path), key, f"bad form entry {item!r}")


def _section(data: dict[str, Any], name: str, allowed: Iterable[str], path: Path) -> dict[str, Any]:
    section = data.get(name)
    if not isinstance(section, dict):
        raise DataFileError(str(path), name, "missing or not a mapping")
    allowed = tuple(allowed)
    for key in section:
        if key not in allowed:
            raise DataFileError(str(path), f"{name}.{key}", f"unknown key (expected one of {', '.join(allowed)})")
    return section


# --- building ------------------------------------------------------------------------------------------

class _Builder:
    def __init__(self) -> None:
        self.patterns: dict[str, list[Pattern]] = {}
        self.owners: dict[tuple[str, str], tuple[str, str]] = {}  # (group, key) -> (entry id, file)

    def add(self, raw: str, category: str, entry_id: str, where: str, *, count: int | None = None,
            suffix: bool = False, group: str | None = None, allow_shared: bool = False) -> None:
        key = tokenize_key(normalize_key(raw))
        if not key:
            raise DataFileError(where, f"{category}.{entry_id}", f"form {raw!r} is empty after normalisation")
        group = group or category
        owner = self.owners.get((group, key))
        if owner is not None and owner[0] != entry_id:
            if allow_shared:
                return
            raise DataFileError(where, f"{entry_id}: {raw}",
                                f"alias also claimed by {owner[0]!r} ({owner[1]})")
        if owner is not None:
            return  # the same entry listing a form twice after normalisation is harmless
        self.owners[(group, key)] = (entry_id, where)
        variants = [(key, False)]
        if key.startswith("ال") and len(key) > 3:
            variants.append(("ل" + key[2:], True))
        for k, article in variants:
            self.patterns.setdefault(k, []).append(Pattern(key, category, entry_id, count, suffix, article))

    def automaton(self, suffixes: frozenset[str]) -> Any:
        """The Aho-Corasick automaton that ``match.find_mentions`` runs over "word word ... word " strings.

        A key is indexed with the end of its last token: ``key + " "``, and for ``suffix: true`` forms
        also ``key + suffix + " "`` for every listed suffix, so a hit always ends where a token ends and
        the suffix rule costs nothing at match time (only the clitic prefix is checked there).  Each
        indexed string maps to ``(length - 1, tokens spanned, plain, groups)``, one group per key length (a
        key with a suffix can spell the same string as a longer key): ``(rank, unprefixed, article, every)``
        where ``rank`` is ``-(tokens << 52) - (len(key) << 32)`` (one integer that sorts longer matches
        first; a hit adds its first token's index and subtracts its prefix length ``<< 32``), then the
        entries ``(pattern, overlap group)`` for a hit at a token start (no ل-variant), for a hit after a
        ل prefix that only ل-variants accept, and all of them (in pattern order).  ``plain`` lists
        ``(rank, unprefixed)`` of the groups with unprefixed entries: all a hit at a token start needs.
        """
        tails = ("", *sorted(s for s in suffixes if s))
        indexed: dict[str, list[tuple[int, Pattern]]] = {}
        for key, pats in self.patterns.items():
            for p in pats:
                for tail in tails if p.suffix else ("",):
                    indexed.setdefault(key + tail + " ", []).append((len(key), p))
        auto = ahocorasick.Automaton()
        for string, entries in indexed.items():
            if len(string) >= 1 << 19:
                raise DataFileError("lexicon", string[:40], "form too long")
            ntok = string.count(" ")
            by_length: dict[int, list[tuple[Pattern, str]]] = {}
            for length, p in entries:
                by_length.setdefault(length, []).append((p, mention_group(p.category, p.entry_id)))
            groups = []
            for length, every in by_length.items():
                rank = -(ntok << 52) - (length << 32)  # longer first: more tokens, then more characters
                groups.append((rank, tuple(e for e in every if not e[0].article_prefix),
                               tuple(e for e in every if e[0].article_prefix), tuple(every)))
            plain = tuple((g[0], g[1]) for g in groups if g[1])
            auto.add_word(string, (len(string) - 1, ntok, plain, tuple(groups)))
        auto.make_automaton()
        return auto


def mention_group(category: str, entry_id: str) -> str:
    """Matches of one group may not overlap (the longest wins): all locations and actors; all weapons;
    all numbers; all countries; each trigger or cue class."""
    if category in ("site", "place", "actor"):
        return "gazetteer"
    if category in ("weapon", "number", "country"):
        return category
    return f"{category}:{entry_id}"


def load_resources(data_dir: str | Path | None = None) -> Resources:
    """Load, validate and index every data file.  Raises DataFileError on the first problem."""
    base = Path(data_dir) if data_dir else default_data_dir()
    b = _Builder()
    entries: dict[str, GazetteerEntry] = {}
    for fname, category in (("sites.csv", "site"), ("places.csv", "place"), ("actors.csv", "actor")):
        for entry in _read_csv(base / fname, category):
            if entry.id in entries:
                raise DataFileError(str(base / fname), entry.id, f"duplicate id (also a {entries[entry.id].category})")
            entries[entry.id] = entry

    extra_path = base / "gazetteer_extra.yaml"
    extra = _read_yaml(extra_path)
    for ident, aliases in (extra.get("remove_aliases") or {}).items():
        if ident not in entries:
            raise DataFileError(str(extra_path), f"remove_aliases.{ident}", "unknown id")
        drop = {normalize_key(a) for a in aliases}
        e = entries[ident]
        entries[ident] = _replace_aliases(e, tuple(a for a in e.aliases if normalize_key(a) not in drop))
    for item in extra.get("new_places") or []:
        ident = item.get("id") if isinstance(item, dict) else None
        if not ident or not item.get("name_ar"):
            raise DataFileError(str(extra_path), "new_places", f"entry needs id and name_ar: {item!r}")
        if ident in entries:
            raise DataFileError(str(extra_path), f"new_places.{ident}", "duplicate id")
        entries[ident] = GazetteerEntry(
            id=ident, category="place", name_en=item.get("name_en", ident), name_ar=item["name_ar"],
            kind=item.get("kind", ""), country=item.get("country"), admin1=item.get("admin1"),
            lat=item.get("lat"), lon=item.get("lon"), role_hint=None,
            aliases=(item["name_ar"], *item.get("aliases_ar", [])))
    for ident, aliases in (extra.get("add_aliases") or {}).items():
        if ident not in entries:
            raise DataFileError(str(extra_path), f"add_aliases.{ident}", "unknown id")
        e = entries[ident]
        entries[ident] = _replace_aliases(e, (*e.aliases, *aliases))

    ambiguous: dict[str, tuple[str, dict[str, tuple[str, ...]]]] = {}
    for alias, spec in (extra.get("ambiguous") or {}).items():
        if not isinstance(spec, dict) or spec.get("default") not in entries:
            raise DataFileError(str(extra_path), f"ambiguous.{alias}", "needs a known `default` id")
        hints = {k: tuple(normalize_key(w) for w in v) for k, v in (spec.get("hints") or {}).items()}
        for k in hints:
            if k not in entries:
                raise DataFileError(str(extra_path), f"ambiguous.{alias}.hints.{k}", "unknown id")
        ambiguous[tokenize_key(normalize_key(alias))] = (spec["default"], hints)

    for entry in entries.values():
        group = "location" if entry.category in ("site", "place") else entry.category
        where = f"{base / (entry.category + 's.csv')} (+ {extra_path.name})"
        for alias in entry.aliases:
            key = tokenize_key(normalize_key(alias))
            shared = key in ambiguous
            if shared and entry.id != ambiguous[key][0]:
                continue
            b.add(alias, entry.category, entry.id, where, group=group, allow_shared=shared)

    metonyms = frozenset(extra.get("metonyms") or [])
    for ident in metonyms:
        if ident not in entries:
            raise DataFileError(str(extra_path), f"metonyms.{ident}", "unknown id")
    locative_words = frozenset(normalize_key(w) for w in extra.get("locative_words") or [])
    common_word_names = frozenset(extra.get("common_word_names") or [])
    for ident in common_word_names:
        if ident not in entries:
            raise DataFileError(str(extra_path), f"common_word_names.{ident}", "unknown id")
    locality_words = frozenset(normalize_key(w) for w in extra.get("locality_words") or [])

    countries = extra.get("countries") or {}
    for code, words in countries.items():
        for word in words:
            b.add(word, "country", str(code), str(extra_path))

    lex_path = base / "lexicon.yaml"
    lex = _read_yaml(lex_path)
    clitics = _section(lex, "clitics", ("prefixes", "suffixes"), lex_path)
    prefixes = frozenset(normalize_key(p) for p in clitics.get("prefixes", []))
    suffixes = frozenset(normalize_key(p) for p in clitics.get("suffixes", []))
    for section, category, allowed in (("weapons", "weapon", WEAPON_IDS), ("triggers", "trigger", TRIGGER_TYPES),
                                       ("cues", "cue", CUE_TYPES), ("casualties", "casualty", CASUALTY_TYPES),
                                       ("tallies", "tally", TALLY_TYPES)):
        for ident, items in _section(lex, section, allowed, lex_path).items():
            group = category if category == "weapon" else f"{category}:{ident}"
            for form, count, suffix in _forms(items, lex_path, f"{section}.{ident}"):
                b.add(form, category, ident, str(lex_path), count=count, suffix=suffix, group=group)

    for section in ("anaphora", "same_day"):
        items = lex.get(section)
        for form, count, suffix in _forms(items, lex_path, section):
            b.add(form, "cue", section, str(lex_path), count=count, suffix=suffix, group=f"cue:{section}")

    num_path = base / "numbers.yaml"
    nums = _read_yaml(num_path)
    numbers: dict[str, int] = {}
    units = nums.get("units")
    if not isinstance(units, dict):
        raise DataFileError(str(num_path), "units", "missing or not a mapping")
    for value, words in units.items():
        try:
            ivalue = int(value)
        except (TypeError, ValueError) as exc:
            raise DataFileError(str(num_path), f"units.{value}", "not an integer") from exc
        if ivalue < 1 or not isinstance(words, list):
            raise DataFileError(str(num_path), f"units.{value}", "needs a positive number and a list of words")
        for w in words:
            key = tokenize_key(normalize_key(w))
            if key in numbers and numbers[key] != ivalue:
                raise DataFileError(str(num_path), f"units.{value}.{w}", f"already means {numbers[key]}")
            numbers[key] = ivalue
            b.add(w, "number", str(ivalue), str(num_path), group="number")
    vague = frozenset(tokenize_key(normalize_key(w)) for w in nums.get("vague", []))
    approx = frozenset(tokenize_key(normalize_key(w)) for w in nums.get("approx", []))
    for w in vague:
        if w in numbers:
            raise DataFileError(str(num_path), f"vague.{w}", "also listed as an exact number")
        b.add(w, "number", "vague", str(num_path), group="number")

    return Resources(entries=entries, prefixes=prefixes, suffixes=suffixes, numbers=numbers,
                     vague_numbers=vague, approx_numbers=approx, ambiguous=ambiguous, metonyms=metonyms,
                     locative_words=locative_words,
                     words=parse_rule_words(_read_yaml(base / RULE_WORDS_FILE), str(base / RULE_WORDS_FILE)),
                     automaton=b.automaton(suffixes), data_dir=str(base), common_word_names=common_word_names,
                     locality_words=locality_words)


def _replace_aliases(e: GazetteerEntry, aliases: tuple[str, ...]) -> GazetteerEntry:
    return GazetteerEntry(e.id, e.category, e.name_en, e.name_ar, e.kind, e.country, e.admin1, e.lat, e.lon,
                          e.role_hint, aliases)
