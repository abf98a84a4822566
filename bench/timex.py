"""Benchmark the timeline tagger on the TempEval-3 dev set (TBAQ-cleaned) and score it.

Run from the repository root: ``.venv/bin/python bench/timex.py [--data DIR] [--errors N]``.
Each document's ``dct`` is the reference date; the full text is segmented (body_start=0).
Writes bench/out/timex_pred.jsonl, runs ../shared/eval/score_timex.py, then prints speed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
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
    ap.add_argument(
        "--hostile", action="store_true", help="also time 1 MB adversarial inputs (CPU seconds)"
    )
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
        preds = [
            tag(segment(d["text"], 0), ref, timeml=True) for d, ref in zip(docs, refs, strict=True)
        ]
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
    t_tag = c_tag = float("inf")
    for _ in range(max(1, a.repeat)):
        t0, c0 = time.perf_counter(), time.process_time()
        for s, ref in zip(segs, refs, strict=True):
            tag(s, ref, timeml=True)
        t_tag = min(t_tag, time.perf_counter() - t0)
        c_tag = min(c_tag, time.process_time() - c0)
    n_chars = sum(len(d["text"]) for d in docs)
    n_tok = sum(len(s.tokens) for s in segs)
    print(
        f"\nspeed: {len(docs) / best:.0f} docs/s segment+tag ({best:.2f} s for {len(docs)} docs), "
        f"{len(docs) / t_tag:.0f} docs/s tag only, {n_tok / t_tag / 1000:.0f}k tokens/s, "
        f"{n_chars / t_tag / 1e6:.2f} M chars/s (one core)"
    )
    # CPU time of this process: what a busy machine's wall clock hides
    print(
        f"tag only, CPU time: {len(docs) / c_tag:.0f} docs/s, {c_tag / len(docs) * 1e3:.2f} ms/doc"
    )
    if a.hostile:
        hostile()
    return 0


def _hostile_inputs() -> dict[str, str]:
    """About 1 MB each of what a hostile or broken input might hold (fixed seed)."""
    rnd = random.Random(1)
    n = 1_000_000
    dates = "12/25/2019 2019-04-25 April 25, 2019 3 p.m. 1990s Q3 2020 15:00 GMT Monday 5-3 $12"
    caps = "May March Monday April Sun Christmas New Year Today Now Fiscal The Quarter".split()
    return {
        "digits+slashes": "".join(rnd.choice("0123456789/-.: ") for _ in range(n)),
        "dates": " ".join(rnd.choice(dates.split(" ")) for _ in range(n // 6))[:n],
        "capitalised": " ".join(rnd.choice(caps) for _ in range(n // 6))[:n],
        "no spaces": "".join(rnd.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(n)),
        "100k paragraphs": "\n\n".join("Now on Monday." for _ in range(100_000)),
        "10k quote marks": '"' * 10_000 + " he said on Monday " + "“ ” " * 2_000,
    }


def hostile() -> None:
    ref = dt.date(2020, 4, 27)
    print("\nhostile input (CPU seconds, one core):")
    for name, text in _hostile_inputs().items():
        t0 = time.process_time()
        seg = segment(text, 0)
        t1 = time.process_time()
        out = tag(seg, ref)
        t2 = time.process_time()
        print(
            f"  {name:16} {len(text) / 1e6:4.2f} MB  segment {t1 - t0:5.2f} s  "
            f"timeline {t2 - t1:5.2f} s  ({len(out)} timexes)"
        )


if __name__ == "__main__":
    sys.exit(main())
