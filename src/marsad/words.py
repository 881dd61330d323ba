"""The rule words: short word lists that the frame, context and tally rules test tokens against.

They live in ``data/rule_words.yaml`` (language data stays out of the code); this module loads and
validates them into one immutable :class:`RuleWords`, whose field names are the file's keys.  Every entry
is normalised by the same chain as article text, so a rule compares normalised token against normalised
entry.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from marsad.errors import DataFileError
from marsad.normalize import normalize_key

FILE_NAME = "rule_words.yaml"


@dataclass(slots=True, frozen=True)
class RuleWords:
    """One tuple of normalised words per list of ``rule_words.yaml`` (see the comments there)."""

    reinforcement_strong: tuple[str, ...]
    arrival_verbs: tuple[str, ...]
    habitual_triggers: tuple[str, ...]
    response_words: tuple[str, ...]
    response_phrases: tuple[str, ...]
    year_words: tuple[str, ...]
    missile_origin_adjectives: tuple[str, ...]
    drone_striker_stems: tuple[str, ...]
    whole_words: tuple[str, ...]
    munition_nouns: tuple[str, ...]
    response_verbs: tuple[str, ...]
    found_stems: tuple[str, ...]
    launcher_stems: tuple[str, ...]
    loaded_stems: tuple[str, ...]
    ordinals_feminine: tuple[str, ...]
    ordinals_masculine: tuple[str, ...]
    munition_stems: tuple[str, ...]
    strike_nouns: tuple[str, ...]
    dual_strikes: tuple[str, ...]
    other_words: tuple[str, ...]
    share_words: tuple[str, ...]
    toward_words: tuple[str, ...]
    origin_place_nouns: tuple[str, ...]
    proximity_words: tuple[str, ...]
    statement_stems: tuple[str, ...]
    reporter_stems: tuple[str, ...]
    backing_stems: tuple[str, ...]
    official_stems: tuple[str, ...]
    us_adjectives: tuple[str, ...]
    hostile_stems: tuple[str, ...]
    group_words: tuple[str, ...]
    arab_coalition_words: tuple[str, ...]
    blame_stems: tuple[str, ...]
    execute_stems: tuple[str, ...]
    executed_stems: tuple[str, ...]
    operation_nouns: tuple[str, ...]
    bomb_stems: tuple[str, ...]
    death_words: tuple[str, ...]
    stationed_stems: tuple[str, ...]
    halt_stems: tuple[str, ...]
    disown_words: tuple[str, ...]
    responsible_stems: tuple[str, ...]
    source_openers: tuple[str, ...]
    denial_verbs: tuple[str, ...]
    toll_words: tuple[str, ...]
    unhurt_negators: tuple[str, ...]
    any_casualty: tuple[str, ...]
    attacker_stems: tuple[str, ...]
    wounding_verbs: tuple[str, ...]
    toll_fillers: tuple[str, ...]
    companion_words: tuple[str, ...]
    unnumbered_others: tuple[str, ...]
    both_words: tuple[str, ...]
    causing_verbs: tuple[str, ...]
    negation_words: tuple[str, ...]
    one_casualty: tuple[str, ...]
    two_casualties: tuple[str, ...]
    reach_verbs: tuple[str, ...]
    vehicle_stems: tuple[str, ...]
    thousands: tuple[str, ...]
    military_stems: tuple[str, ...]
    against_words: tuple[str, ...]
    part_words: tuple[str, ...]
    those_words: tuple[str, ...]
    exercise_stems: tuple[str, ...]
    since_words: tuple[str, ...]
    span_stems: tuple[str, ...]
    convoy_stems: tuple[str, ...]
    single_convoy_stems: tuple[str, ...]
    that_words: tuple[str, ...]
    anchor_words: tuple[str, ...]
    people_adjective_stems: tuple[str, ...]
    loss_words: tuple[str, ...]
    material_words: tuple[str, ...]
    hour_words: tuple[str, ...]
    rocket_word_stems: tuple[str, ...]
    kind_words: tuple[str, ...]
    below_words: tuple[str, ...]
    vague_toll_words: tuple[str, ...]
    toll_share_words: tuple[str, ...]
    object_pronouns: tuple[str, ...]
    control_words: tuple[str, ...]
    launch_stems: tuple[str, ...]
    agent_words: tuple[str, ...]
    plane_dual: tuple[str, ...]
    plane_single: tuple[str, ...]
    base_plurals: tuple[str, ...]
    base_duals: tuple[str, ...]
    relative_words: tuple[str, ...]
    share_objects: tuple[str, ...]
    same_words: tuple[str, ...]
    add_verbs: tuple[str, ...]
    own_fighters: tuple[str, ...]
    one_of_words: tuple[str, ...]
    apposition_words: tuple[str, ...]


def parse_rule_words(data: Any, where: str) -> RuleWords:
    """Validate the parsed YAML mapping ``data`` (``where`` names the file in errors)."""
    if not isinstance(data, dict):
        raise DataFileError(where, "-", "top level must be a mapping of list names to word lists")
    names = [f.name for f in fields(RuleWords)]
    for key in data:
        if key not in names:
            raise DataFileError(where, str(key), "unknown list (expected one of the RuleWords fields)")
    values: dict[str, tuple[str, ...]] = {}
    for name in names:
        items = data.get(name)
        if not isinstance(items, list) or not items:
            raise DataFileError(where, name, "missing, or not a non-empty list of words")
        out: list[str] = []
        for item in items:
            if not isinstance(item, str):
                raise DataFileError(where, name, f"entry {item!r} is not a string")
            word = normalize_key(item).strip()
            if not word:
                raise DataFileError(where, name, f"entry {item!r} is empty after normalisation")
            if word not in out:
                out.append(word)
        values[name] = tuple(out)
    return RuleWords(**values)
