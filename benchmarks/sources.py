"""Pages per second through HTML extraction (marsad.sources.html) and the copies check (CopyDetector).

Pages are made from the outlet-shaped fixtures in tests/fixtures/sources/pages/: each gets a different
URL and paragraphs of words drawn at random from the fixtures' texts (same markup, same vocabulary,
distinct texts), and every third page is a syndicated reprint of an earlier one with a paragraph added,
so the copies check has real work to do.  One core, no network; wall-clock and CPU-time rates are both
printed (the second is steadier on a busy machine).

    .venv/bin/python benchmarks/sources.py [--pages 2000] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import time
from pathlib import Path

from marsad.sources.copies import CopyDetector
from marsad.sources.html import HtmlExtractor
from marsad.sources.outlets import load_outlets

PAGES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "sources" / "pages"
_P = re.compile(r"<p>(.*?)</p>", re.S)
FILLER = ("وأضاف المصدر أن التحقيقات مستمرة لمعرفة ملابسات الحادث رقم {n}، وأن الأجهزة المختصة تتابع الموقف "
          "عن كثب في المنطقة، بينما لم تعلن أي جهة أخرى مسؤوليتها عن الهجوم حتى ساعة إعداد هذا التقرير رقم {n}.")


def make_pages(count: int, seed: int) -> list[tuple[str, bytes, bool]]:
    rng = random.Random(seed)
    templates = [p.read_text(encoding="utf-8") for p in sorted(PAGES.glob("*.html"))]
    words = [w for t in templates for p in _P.findall(t) for w in p.split()]
    out: list[tuple[str, bytes, bool]] = []
    for i in range(count):
        if i % 3 == 2 and out:
            _, base, _ = out[rng.randrange(len(out))]
            page = base.decode("utf-8").replace("</p>", "</p><p>" + FILLER.format(n=i * 7) + "</p>", 1)
            out.append((f"https://reprint{i}.example/news/{i}", page.encode("utf-8"), True))
            continue
        page = rng.choice(templates)
        for old in _P.findall(page):  # distinct texts: each paragraph re-drawn from the fixtures' words
            new = " ".join(rng.choices(words, k=max(8, len(old.split()))))
            page = page.replace(f"<p>{old}</p>", f"<p>{new}</p>", 1)
        out.append((f"https://site{i % 40}.example/2024/1/{1 + i % 28}/article-{i}", page.encode("utf-8"), False))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    pages = make_pages(args.pages, args.seed)
    megabytes = sum(len(p) for _, p, _ in pages) / 1e6
    extractor = HtmlExtractor(load_outlets())
    start, cpu = time.perf_counter(), time.process_time()
    docs = [extractor.extract(data, doc_id=url, url=url) for url, data, _ in pages]
    t_html, c_html = time.perf_counter() - start, time.process_time() - cpu
    errors = sum(1 for d in docs if d.error)
    detector = CopyDetector()
    start, cpu = time.perf_counter(), time.process_time()
    found = 0
    hits = 0
    for doc, (_, _, is_copy) in zip(docs, pages, strict=True):
        match = detector.check(doc.id, doc.text)
        detector.add(doc.id, doc.text, match)
        found += match is not None
        hits += match is not None and is_copy
    t_copies, c_copies = time.perf_counter() - start, time.process_time() - cpu
    reprints = sum(1 for *_, c in pages if c)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{len(pages)} pages ({megabytes:.1f} MB of HTML), {errors} extraction errors")
    print(f"HTML extraction: {len(pages) / t_html:,.0f} pages/s wall, {len(pages) / c_html:,.0f} per CPU second")
    print(f"copies check + add: {len(pages) / t_copies:,.0f} pages/s wall, {len(pages) / c_copies:,.0f} per CPU "
          f"second; {found} copies found, {hits} of {reprints} planted reprints")
    print(f"both: {len(pages) / (t_html + t_copies):,.0f} pages/s wall, {len(pages) / (c_html + c_copies):,.0f} "
          f"per CPU second; peak RSS {rss:.0f} MB")


if __name__ == "__main__":
    main()
