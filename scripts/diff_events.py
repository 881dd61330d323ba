"""Show, per document, the gold events the system missed and the system events gold does not have
(MISS / EXTRA / FIELD lines), and the tallies either side lacks (TALLY-MISS / TALLY-EXTRA).

Usage: python scripts/diff_events.py GOLD.jsonl SYSTEM.jsonl [DOC_ID_SUBSTRING]
A development aid for reading errors; scoring itself is `marsad eval`.
"""

from __future__ import annotations

import sys

from marsad.evaluate import load_records


def _key(e: dict) -> tuple:
    return e["type"], e.get("location"), e.get("country") if not e.get("location") else None


def _fmt(e: dict) -> str:
    fields = ("type", "date", "location", "country", "weapons", "count", "actor", "actor_basis", "target",
              "killed", "injured", "intercepted")
    return " ".join(f"{f}={e.get(f)}" for f in fields if e.get(f) not in (None, [], ""))


def main(argv: list[str]) -> int:
    gold, system = load_records(argv[1]), load_records(argv[2])
    only = argv[3] if len(argv) > 3 else ""
    for doc_id, g in gold.items():
        if only not in doc_id:
            continue
        s = system.get(doc_id, {"events": []})
        sys_left = list(s.get("events", []))
        lines = []
        for ge in g["events"]:
            match = next((se for se in sys_left if _key(se) == _key(ge)
                          and (ge.get("date") is None or ge.get("date") == se.get("date"))), None)
            if match is None:
                lines.append(f"  MISS {_fmt(ge)}  | {ge.get('evidence', '')}")
            else:
                sys_left.remove(match)
                diffs = []
                for f in ("weapons", "count", "actor", "actor_basis", "killed", "injured", "intercepted", "target"):
                    gv, sv = ge.get(f), match.get(f)
                    if f == "weapons":
                        gv, sv = sorted(gv or []) or None, sorted(sv or [])
                    if gv is not None and gv != sv:
                        diffs.append(f"{f}: gold={gv} sys={sv}")
                if diffs:
                    lines.append(f"  FIELD {ge['type']} {ge.get('location')}: " + "; ".join(diffs))
        for se in sys_left:
            ev = next((x["text"] for x in se.get("evidence", []) if x["field"] == "type"), "")
            lines.append(f"  EXTRA {_fmt(se)}  | {ev}")
        # tallies match on (count, what), as the scorer does
        gold_t = [(t["count"], t["what"]) for t in g.get("tallies", [])]
        sys_t = {(t["count"], t["what"]): t for t in s.get("tallies", [])}
        for key in gold_t:
            if key not in sys_t:
                lines.append(f"  TALLY-MISS count={key[0]} what={key[1]}")
        for key, t in sys_t.items():
            if key not in gold_t:
                ev = next((x["text"] for x in t.get("evidence", []) if x["field"] == "count"), "")
                lines.append(f"  TALLY-EXTRA count={key[0]} what={key[1]}  | {ev}")
        if lines:
            print(doc_id)
            print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
