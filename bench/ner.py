#!/usr/bin/env python3
"""Benchmark the entity recogniser on the CoNLL-2003 dev set (Reuters) and time it.

Usage (from the repo root):
    .venv/bin/python bench/ner.py [--data ../shared/data] [--prose-only] [--repeat 3]

Writes bench/out/ner-pred.jsonl (the scorer's format: every mention of every entity, with the
entity's label), runs ../shared/eval/score_ner.py on all documents and on the prose documents,
and prints speed: documents/s and tokens/s for ``extract_entities`` alone (segmentation timed
apart), plus the import time of ``newscli.entities`` and the one-off gazetteer load.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--eval", default=str(ROOT.parent / "shared" / "eval"))
    ap.add_argument("--repeat", type=int, default=5, help="timing repeats (best is kept)")
    args = ap.parse_args()

    t0 = time.perf_counter()
    import newscli.entities as ent

    t_import = time.perf_counter() - t0
    from newscli import gazetteer
    from newscli.segment import segment

    c0 = time.process_time()
    gazetteer.load()
    t_load = time.process_time() - c0
    # the two forms a process gets its gazetteers in: the compact one mapped from the user cache
    # (its first document), the full one parsed from the text files (every later document)
    t_parse = t_cache = float("inf")
    path = gazetteer.cache_path()
    for _ in range(3):
        c0 = time.process_time()
        gazetteer.parse()
        t_parse = min(t_parse, time.process_time() - c0)
        if path is not None:
            c0 = time.process_time()
            cached = gazetteer.read_compact(path)
            if cached is not None:
                t_cache = min(t_cache, time.process_time() - c0)

    gold = Path(args.data) / "ner" / "conll03-dev.jsonl"
    docs = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line]
    t0 = time.perf_counter()
    segs = [segment(d["text"]) for d in docs]
    t_seg = time.perf_counter() - t0
    n_tokens = sum(len(s.tokens) for s in segs)

    best = best_cpu = float("inf")
    results = []
    for _ in range(max(1, args.repeat)):
        t0 = time.perf_counter()
        c0 = time.process_time()
        results = [ent.extract_entities(s) for s in segs]
        best_cpu = min(best_cpu, time.process_time() - c0)
        best = min(best, time.perf_counter() - t0)

    out_dir = ROOT / "bench" / "out"
    out_dir.mkdir(parents=True, exist_ok=True)
    pred = out_dir / "ner-pred.jsonl"
    with pred.open("w", encoding="utf-8") as f:
        for d, ents in zip(docs, results, strict=True):
            spans = [
                {"start": m.start, "end": m.end, "text": m.text, "label": e.label}
                for e in ents
                for m in e.mentions
            ]
            spans.sort(key=lambda x: x["start"])
            f.write(json.dumps({"id": d["id"], "entities": spans}) + "\n")

    scorer = Path(args.eval) / "score_ner.py"
    for extra, title in (([], "all documents"), (["--prose-only"], "prose documents")):
        print(f"== {title} ==", flush=True)
        subprocess.run(
            [sys.executable, str(scorer), "--gold", str(gold), "--pred", str(pred), *extra],
            check=False,
        )
    print(f"documents: {len(docs)}  tokens: {n_tokens}")
    print(
        f"extract_entities: {best:.3f} s  {len(docs) / best:,.0f} docs/s  "
        f"{n_tokens / best:,.0f} tokens/s (wall, one core, best of {args.repeat})"
    )
    print(
        f"extract_entities CPU time: {best_cpu:.3f} s  {n_tokens / best_cpu:,.0f} tokens/s"
        " (process time: robust to other load on the machine)"
    )
    print(f"segment: {t_seg:.3f} s  {n_tokens / t_seg:,.0f} tokens/s")
    # general news beyond Reuters: the PolNeAR (2016 US politics) and TimeBank texts, timed only
    # (no gold entities there): the per-article cost the whole report has to budget for
    for rel in ("quotes/dev.jsonl", "timex/tbaq.jsonl"):
        path = Path(args.data) / rel
        if not path.exists():
            continue
        texts = [json.loads(x)["text"] for x in path.read_text(encoding="utf-8").splitlines() if x]
        nsegs = [segment(t) for t in texts]
        ntok = sum(len(s.tokens) for s in nsegs)
        cpu = float("inf")
        for _ in range(max(1, args.repeat)):
            c0 = time.process_time()
            for s in nsegs:
                ent.extract_entities(s)
            cpu = min(cpu, time.process_time() - c0)
        print(
            f"{rel}: {len(texts)} docs, {ntok} tokens: {ntok / cpu:,.0f} tokens/s CPU, "
            f"{cpu / ntok * 700 * 1000:.2f} ms per 700-token (~600-word) article"
        )
    print(
        f"import newscli.entities: {t_import * 1000:.1f} ms; "
        f"first gazetteer load (CPU): {t_load * 1000:.1f} ms "
        f"(full form from the text files {t_parse * 1000:.1f} ms, compact form from the user cache "
        + (f"{t_cache * 1000:.1f} ms)" if t_cache < float("inf") else "off/unavailable)")
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
