"""Benchmark quote extraction on the PolNeAR dev set and print the scorer's tables and speed.

    .venv/bin/python bench/quotes.py [--data ../shared/data] [--eval ../shared/eval]
        [--no-entities] [--repeat N]

Writes predictions to bench/out/quotes-pred.jsonl, runs score_quotes.py on all kinds and on
direct quotes alone, then prints CPU time for quote extraction (segmentation and entities
timed separately). Entities are used when ``newscli.entities`` can be imported.
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

from newscli.quotes import extract_quotes  # noqa: E402
from newscli.segment import segment  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--eval", default=str(ROOT.parent / "shared" / "eval"))
    ap.add_argument("--no-entities", action="store_true", help="run without entities")
    ap.add_argument("--repeat", type=int, default=3, help="timing repetitions (best is shown)")
    a = ap.parse_args(argv)
    gold_path = Path(a.data) / "quotes" / "dev.jsonl"
    docs = [json.loads(line) for line in gold_path.open(encoding="utf-8") if line.strip()]
    extract_entities = None
    if not a.no_entities:
        try:
            from newscli.entities import extract_entities  # type: ignore[no-redef]
        except ImportError:
            extract_entities = None
    segs = [segment(d["text"]) for d in docs]
    for s in segs:
        s.tokens  # noqa: B018 - tokens are made lazily; tokenising is segmentation's cost
    ents: list = [None] * len(docs)
    t_ent = 0.0
    if extract_entities is not None:
        t0 = time.process_time()
        ents = [extract_entities(s) for s in segs]
        t_ent = time.process_time() - t0
    best = float("inf")
    preds = []
    for _ in range(max(1, a.repeat)):
        t0 = time.process_time()
        preds = [extract_quotes(s, e) for s, e in zip(segs, ents, strict=True)]
        best = min(best, time.process_time() - t0)
    t0 = time.process_time()
    for d in docs:
        segment(d["text"]).tokens  # noqa: B018
    t_seg = time.process_time() - t0
    out_dir = ROOT / "bench" / "out"
    out_dir.mkdir(parents=True, exist_ok=True)
    pred_path = out_dir / "quotes-pred.jsonl"
    with pred_path.open("w", encoding="utf-8") as f:
        for d, qs in zip(docs, preds, strict=True):
            rec = {
                "id": d["id"],
                "quotes": [
                    {
                        "start": q.start,
                        "end": q.end,
                        "quote": q.text,
                        "speaker": q.speaker,
                        "kind": q.kind,
                    }
                    for q in qs
                ],
            }
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    scorer = str(Path(a.eval) / "score_quotes.py")
    for kinds in ("direct,mixed,indirect", "direct"):
        print(f"== kinds: {kinds} ==")
        sys.stdout.flush()
        subprocess.run(
            [
                sys.executable,
                scorer,
                "--gold",
                str(gold_path),
                "--pred",
                str(pred_path),
                "--kinds",
                kinds,
            ],
            check=False,
        )
        print()
    n_quotes = sum(len(p) for p in preds)
    n_tok = sum(len(s.tokens) for s in segs)
    print(f"entities: {'used' if extract_entities else 'not available'}")
    print(
        f"quotes: {len(docs)} docs, {n_quotes} quotes, CPU {best * 1000:.1f} ms "
        f"({len(docs) / best:.0f} docs/s, {n_tok / best / 1000:.0f}k tokens/s); "
        f"segmentation {t_seg * 1000:.1f} ms; entities {t_ent * 1000:.1f} ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
