"""Set the gold-gate floors of one corpus in tests/corpus/floors.json from a `marsad eval --json` result.

    .venv/bin/marsad extract tests/corpus/docs.jsonl -o /tmp/c.jsonl
    .venv/bin/marsad eval tests/corpus/gold.jsonl /tmp/c.jsonl --json > /tmp/c.json
    .venv/bin/python scripts/set_floors.py corpus /tmp/c.json --margin 0.005

Every floor already listed for that corpus is set to the measured value minus ``--margin`` (rounded down to
three decimals), and the corpus hashes (docs.jsonl, gold.jsonl) are recomputed, so that the change of both is
one visible diff.  ``seeds`` has no hashes (the seeds live outside the repository).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FLOORS = ROOT / "tests" / "corpus" / "floors.json"
FOLDERS = {"corpus": ROOT / "tests" / "corpus", "heldout": ROOT / "tests" / "corpus" / "heldout",
           "heldout4": ROOT / "tests" / "corpus" / "heldout4", "heldout5": ROOT / "tests" / "corpus" / "heldout5",
           "heldout6": ROOT / "tests" / "corpus" / "heldout6"}


def _value(scores: dict, dotted: str) -> float:
    node = scores
    for part in dotted.split("."):
        node = node[part]
    return float(node or 0.0)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("name", choices=["corpus", "seeds", "heldout", "heldout4", "heldout5", "heldout6"])
    ap.add_argument("scores", type=Path, help="the output of `marsad eval GOLD SYSTEM --json`")
    ap.add_argument("--margin", type=float, default=0.005)
    args = ap.parse_args()
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))
    scores = json.loads(args.scores.read_text(encoding="utf-8"))
    entry = floors[args.name]
    for key in entry["floors"]:
        entry["floors"][key] = max(0.0, math.floor((_value(scores, key) - args.margin) * 1000) / 1000)
    folder = FOLDERS.get(args.name)
    if folder is not None:
        for kind in ("docs", "gold"):
            entry[f"{kind}_sha256"] = hashlib.sha256((folder / f"{kind}.jsonl").read_bytes()).hexdigest()
    FLOORS.write_text(json.dumps(floors, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(entry, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
