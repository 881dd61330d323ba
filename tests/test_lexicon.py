from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from marsad.dates import load_date_lexicon
from marsad.errors import DataFileError
from marsad.lexicon import default_data_dir, load_resources


def test_lexicon_shipped_data_is_valid():
    res = load_resources()
    assert "ain-al-asad" in res.entries and "islamic-resistance-in-iraq" in res.entries
    assert res.entries["ain-al-asad"].lat == pytest.approx(33.78567)
    load_date_lexicon()


def test_lexicon_keeps_every_reference_id():
    shared = Path(__file__).resolve().parents[2] / "shared" / "reference"
    if not shared.exists():
        pytest.skip("../shared/reference not beside the repository")
    import csv

    res = load_resources()
    for name in ("sites.csv", "places.csv", "actors.csv"):
        with (shared / name).open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                assert row["id"] in res.entries, f"{name}: {row['id']} lost"


@pytest.fixture()
def data_copy(tmp_path: Path) -> Path:
    dst = tmp_path / "data"
    shutil.copytree(default_data_dir(), dst)
    return dst


def test_lexicon_rejects_duplicate_id(data_copy: Path):
    with (data_copy / "places.csv").open("a", encoding="utf-8") as fh:
        fh.write("al-tanf,Dup,مكان مكرر,,town,SY,,,,\n")
    with pytest.raises(DataFileError, match="al-tanf: duplicate id"):
        load_resources(data_copy)


def test_lexicon_rejects_alias_claimed_by_two_entries(data_copy: Path):
    with (data_copy / "places.csv").open("a", encoding="utf-8") as fh:
        fh.write("fake-place,Fake,عين الأسد,,town,IQ,,,,\n")
    with pytest.raises(DataFileError, match="alias also claimed by 'ain-al-asad'"):
        load_resources(data_copy)


def test_lexicon_rejects_unknown_section_key(data_copy: Path):
    path = data_copy / "lexicon.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  drone:\n", "  drones:\n", 1), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"weapons\.drones: unknown key"):
        load_resources(data_copy)


def test_lexicon_rejects_invalid_yaml_naming_the_file(data_copy: Path):
    (data_copy / "numbers.yaml").write_text("units: [unclosed\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"numbers\.yaml"):
        load_resources(data_copy)


def test_lexicon_rejects_unknown_id_in_extra(data_copy: Path):
    path = data_copy / "gazetteer_extra.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("add_aliases:\n", "add_aliases:\n  no-such-site: [شيء]\n", 1),
                    encoding="utf-8")
    with pytest.raises(DataFileError, match=r"add_aliases\.no-such-site: unknown id"):
        load_resources(data_copy)


def test_lexicon_rejects_non_integer_number_value(data_copy: Path):
    path = data_copy / "numbers.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  3: [", "  three: [", 1), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"units\.three: not an integer"):
        load_resources(data_copy)


def test_lexicon_rejects_bad_coordinate(data_copy: Path):
    path = data_copy / "sites.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("33.78567", "north", 1), encoding="utf-8")
    with pytest.raises(DataFileError, match=r"ain-al-asad\.lat"):
        load_resources(data_copy)


# --- rule words (data/rule_words.yaml) ------------------------------------------------------------------

def test_rule_words_are_normalised_like_text():
    from marsad.normalize import normalize_key

    words = load_resources().words
    assert "طايره شحن" in words.reinforcement_strong  # written "طائرة شحن" in the file
    assert "مسوول" in words.official_stems  # "مسؤول"
    for name in ("reinforcement_strong", "denial_verbs", "group_words", "thousands"):
        for w in getattr(words, name):
            assert normalize_key(w) == w


@pytest.mark.parametrize(("edit", "key", "reason"), [
    (lambda t: t.replace("toward_words:", "towards_words:"), "towards_words", "unknown list"),
    (lambda t: t.replace("year_words: [عام, العام, سنة, السنة]", "year_words: []"), "year_words", "non-empty"),
    (lambda t: t.replace("toward_words: [نحو,", "toward_words: [12,"), "toward_words", "not a string"),
    (lambda t: t.replace("toward_words: [نحو,", "toward_words: [\"ـــ\","), "toward_words", "empty after"),
])
def test_rule_words_loader_names_file_and_key(data_copy: Path, edit, key: str, reason: str):
    path = data_copy / "rule_words.yaml"
    text = path.read_text(encoding="utf-8")
    changed = edit(text)
    assert changed != text
    path.write_text(changed, encoding="utf-8")
    with pytest.raises(DataFileError) as exc:
        load_resources(data_copy)
    message = str(exc.value)
    assert "rule_words.yaml" in message and key in message and reason in message


def test_rule_words_loader_reports_a_missing_list(data_copy: Path):
    path = data_copy / "rule_words.yaml"
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if not ln.startswith("convoy_stems:")]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="convoy_stems"):
        load_resources(data_copy)
