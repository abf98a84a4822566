"""Benchmark the timeline tagger on the TempEval-3 dev set (TBAQ-cleaned) and score it.

Run from the repository root: ``.venv/bin/python bench/timex.py [--data DIR] [--errors N]``.
Each document's ``dct`` is the reference date; the full text is segmented (body_start=0).
Writes bench/out/timex_pred.jsonl, runs ../shared/eval/score_timex.py, then prints speed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from newscli.segment import segment  # noqa: E402
from newscli.timeline import tag  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"), help="shared data dir")
    ap.add_argument("--scorer", default=str(ROOT.parent / "shared" / "eval" / "score_timex.py"))
    ap.add_argument("--errors", type=int, default=0, help="also print N scorer error lines")
    ap.add_argument("--repeat", type=int, default=3, help="timing repetitions (best is kept)")
    a = ap.parse_args(argv)
    gold = Path(a.data) / "timex" / "tbaq.jsonl"
    docs = [
        json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    out_dir = ROOT / "bench" / "out"
    out_dir.mkdir(parents=True, exist_ok=True)
    pred_path = out_dir / "timex_pred.jsonl"

    refs = [dt.date.fromisoformat(d["dct"]) for d in docs]
    best = float("inf")
    preds: list[list] = []
    for _ in range(max(1, a.repeat)):
        t0 = time.perf_counter()
        preds = [tag(segment(d["text"], 0), ref) for d, ref in zip(docs, refs, strict=True)]
        best = min(best, time.perf_counter() - t0)
    with pred_path.open("w", encoding="utf-8") as fh:
        for d, items in zip(docs, preds, strict=True):
            rows = [
                {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
                for t in items
            ]
            fh.write(json.dumps({"id": d["id"], "timexes": rows}) + "\n")

    cmd = [sys.executable, a.scorer, "--gold", str(gold), "--pred", str(pred_path), "--quiet"]
    if a.errors:
        cmd += ["--errors", str(a.errors)]
    subprocess.run(cmd, check=False)

    # tagger alone (segmentation done beforehand)
    segs = [segment(d["text"], 0) for d in docs]
    t_tag = float("inf")
    for _ in range(max(1, a.repeat)):
        t0 = time.perf_counter()
        for s, ref in zip(segs, refs, strict=True):
            tag(s, ref)
        t_tag = min(t_tag, time.perf_counter() - t0)
    n_chars = sum(len(d["text"]) for d in docs)
    n_tok = sum(len(s.tokens) for s in segs)
    print(
        f"\nspeed: {len(docs) / best:.0f} docs/s segment+tag ({best:.2f} s for {len(docs)} docs), "
        f"{len(docs) / t_tag:.0f} docs/s tag only, {n_tok / t_tag / 1000:.0f}k tokens/s, "
        f"{n_chars / t_tag / 1e6:.2f} M chars/s (one core)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
