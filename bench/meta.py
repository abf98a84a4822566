"""Benchmark newscli metadata against the meta dev set and time it.

Run from the repo root: ``.venv/bin/python bench/meta.py [--data ../shared/data]``.
Writes predictions (the scorer's format) to ``bench/out/meta.pred.jsonl``, prints the scorer's
table, then the speed of header + segmentation + metadata (and of the full read path).
Each raw text is used exactly as a user would have it in a .txt file.
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

from newscli.metadata import extract_metadata  # noqa: E402
from newscli.reader import parse_header  # noqa: E402
from newscli.segment import segment  # noqa: E402


def analyse(raw: str, date: str | None = None):
    header = parse_header(raw)
    seg = segment(raw, header.body_start, header.title_span)
    return extract_metadata(seg, header, date=date)


def prediction(doc_id: str, meta) -> dict:
    dl = meta.dateline
    return {
        "id": doc_id,
        "title": meta.title,
        "dateline": (
            {"place": dl.place, "date_text": dl.date_text, "agency": dl.agency} if dl else None
        ),
        "date": meta.date,
        "byline": meta.byline,
        "language": meta.language,
        "paragraphs": meta.counts.paragraphs,
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--eval", default=str(ROOT.parent / "shared" / "eval"))
    ap.add_argument("--out", default=str(ROOT / "bench" / "out"))
    ap.add_argument("--by", choices=["stratum", "source_corpus"], default=None)
    ap.add_argument("--repeat", type=int, default=20, help="timing passes over the set")
    a = ap.parse_args()

    gold_path = Path(a.data) / "meta" / "dev.jsonl"
    docs = [json.loads(line) for line in gold_path.open(encoding="utf-8") if line.strip()]
    out_dir = Path(a.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    pred_path = out_dir / "meta.pred.jsonl"
    with pred_path.open("w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(prediction(d["id"], analyse(d["raw"])), ensure_ascii=False) + "\n")

    cmd = [sys.executable, str(Path(a.eval) / "score_meta.py"), "--gold", str(gold_path)]
    cmd += ["--pred", str(pred_path)]
    if a.by:
        cmd += ["--by", a.by]
    subprocess.run(cmd, check=True)

    raws = [d["raw"] for d in docs]
    n_chars = sum(len(r) for r in raws)
    parts = [0.0, 0.0, 0.0]
    clock = time.perf_counter
    t0 = clock()
    for _ in range(a.repeat):
        for r in raws:
            t1 = clock()
            header = parse_header(r)
            t2 = clock()
            seg = segment(r, header.body_start, header.title_span)
            t3 = clock()
            extract_metadata(seg, header)
            t4 = clock()
            parts[0] += t2 - t1
            parts[1] += t3 - t2
            parts[2] += t4 - t3
    dt = clock() - t0
    n = len(raws) * a.repeat
    print(
        f"speed: {n / dt:,.0f} docs/s, {n_chars * a.repeat / dt / 1e6:.2f} M chars/s "
        f"(header + segment + metadata, {n} docs in {dt:.2f} s, one core)"
    )
    per_doc = [1e6 * p / n for p in parts]
    print(
        f"per doc: parse_header {per_doc[0]:.0f} us, segment {per_doc[1]:.0f} us, "
        f"extract_metadata {per_doc[2]:.0f} us"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
